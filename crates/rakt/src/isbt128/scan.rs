//! Scans holding several data structures one after another, and whole labels.
//!
//! A scanner that reads several bar codes of a label (or a concatenated read, ST-001 §2.3)
//! delivers their data one after another. Each structure starts with its data identifier,
//! which also fixes its length, so the text can be split without separators. The DIN is the
//! only structure whose second identifier character is data (`=` then a letter or digit).

use chrono::{DateTime, FixedOffset, NaiveTime};

use super::compound::{CompoundMessage, CompoundSequence, decode_compound};
use super::date::{DateKind, IsbtDate, decode_datetime};
use super::din::{Din, parse_din};
use super::flexible::{
    ExpirationMonth, FlexibleDate, decode_expiration_month, decode_flexible_date,
};
use super::group::{BloodGroupCode, GroupCode, IntendedUse, RhKell, decode_blood_group};
use super::product::{CollectionType, ProductCode, ProductTable, parse_product_code};
use super::sec::{Sec, decode_sec};
use super::table2::{self, Layout, Spec};
use crate::error::{RaktError, Result};
use crate::policy::Policy;
use crate::unit::{BloodUnit, Collection, DonationType};

const SCAN: &str = "ISBT 128 scan";

/// One data structure read from a scan.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DataStructure {
    /// 001, the donation identification number.
    Din(Din),
    /// 002, the blood group.
    BloodGroup(BloodGroupCode),
    /// 003, the product code.
    Product(ProductCode),
    /// 004–009, a date or date and time.
    Date(IsbtDate),
    /// 023, the header of a compound message; the structures it counts follow it in the scan.
    Compound(CompoundMessage),
    /// 026, the expiration month and year of a supply.
    ExpirationMonth(ExpirationMonth),
    /// 031, a flexible date and time.
    FlexibleDate(FlexibleDate),
    /// 038, the Single European Code.
    Sec(Sec),
    /// Any other structure of ST-001 Table 2, its characters checked against its definition
    /// (its named elements are in [`DataStructure::fields`]), or a nationally defined one
    /// (`&a`–`&z`, `&;`, `&!`), which runs to the end of the scan.
    Other {
        /// The data identifier, two or three characters, e.g. `=)` or `&,1`.
        identifier: String,
        /// The data after the identifier.
        data: String,
    },
}

impl DataStructure {
    /// The text of the structure with its data identifier, as it is encoded.
    pub fn encode(&self) -> String {
        match self {
            DataStructure::Din(d) => d.barcode(),
            DataStructure::BloodGroup(g) => g.encode(),
            DataStructure::Product(p) => p.encode(),
            DataStructure::Date(d) => d.encode(),
            DataStructure::Compound(c) => c.encode(),
            DataStructure::ExpirationMonth(m) => m.encode(),
            DataStructure::FlexibleDate(d) => d.encode(),
            DataStructure::Sec(s) => s.encode(),
            DataStructure::Other { identifier, data } => format!("{identifier}{data}"),
        }
    }

    /// A stable snake_case name of the kind of structure: `din`, `blood_group`, `product`,
    /// `date`, `compound_message`, `expiration_month`, `flexible_date`, `sec` or `other`.
    pub fn kind(&self) -> &'static str {
        match self {
            DataStructure::Din(_) => "din",
            DataStructure::BloodGroup(_) => "blood_group",
            DataStructure::Product(_) => "product",
            DataStructure::Date(_) => "date",
            DataStructure::Compound(_) => "compound_message",
            DataStructure::ExpirationMonth(_) => "expiration_month",
            DataStructure::FlexibleDate(_) => "flexible_date",
            DataStructure::Sec(_) => "sec",
            DataStructure::Other { .. } => "other",
        }
    }

    fn spec(&self) -> Option<&'static Spec> {
        table2::find(&self.encode())
    }

    /// The structure's number in ST-001 Table 2 (`001`–`040`); None for a nationally defined
    /// structure.
    pub fn number(&self) -> Option<&'static str> {
        self.spec().map(|s| s.number).filter(|n| !n.is_empty())
    }

    /// The structure's name in ST-001 Table 2, lower case (`product divisions`).
    pub fn name(&self) -> &'static str {
        self.spec().map_or("", |s| s.name)
    }

    /// Whether ICCBBA has retired the structure (011, 015, 016, 037); it is still read.
    pub fn retired(&self) -> bool {
        self.spec().is_some_and(|s| s.retired)
    }

    /// The structure's elements by name, as text, in order:
    /// - a DIN: `facility`, `year`, `sequence` and `flags`;
    /// - a blood group: `group` (Table 4 code) and `rh_kell` (Table 6 character);
    /// - a product code: `description_code`, then `collection_type` and `division`, or
    ///   `pack_code`;
    /// - a date: `kind`, `date` (`2019-01-31`) and, when it has one, `time` (`23:59`);
    /// - a compound message: `count`, `message_type` and `sequence` (`unspecified`, `listed`,
    ///   `unlisted`);
    /// - an expiration month: `year`, `month`;
    /// - a flexible date: `zone`, `time_kind`, `date_time` (`2026-12-07T09:30`);
    /// - a SEC: `country`, `tissue_establishment`, `donation_number`, `coding_system`,
    ///   `product_code`, `split`, and `expiry` when it has one;
    /// - any other Table 2 structure: its ST-001 elements (repeated segments numbered from 1:
    ///   `symbol_1`, `symbol_2`...);
    /// - a nationally defined structure: none.
    ///
    /// ```
    /// let items = rakt::isbt128::parse_scan("=/A9997XYZ100T0479=A99991712345600")?;
    /// let fields = items[0].structure.fields();
    /// assert_eq!(fields[2], ("product_description_code".to_string(), "T0479".to_string()));
    /// assert_eq!(items[1].structure.fields()[0], ("facility".to_string(), "A9999".to_string()));
    /// # Ok::<(), rakt::RaktError>(())
    /// ```
    pub fn fields(&self) -> Vec<(String, String)> {
        let pair = |k: &str, v: String| (k.to_string(), v);
        match self {
            DataStructure::Din(d) => {
                let mut out = vec![
                    pair("facility", d.facility().to_string()),
                    pair("year", format!("{:02}", d.year())),
                    pair("sequence", format!("{:06}", d.sequence())),
                ];
                if let Some(f) = d.flags() {
                    out.push(pair("flags", f.to_string()));
                }
                out
            }
            DataStructure::BloodGroup(g) => vec![
                pair(
                    "group",
                    g.group_code().code().unwrap_or_default().to_string(),
                ),
                pair("rh_kell", g.rh_kell().as_char().to_string()),
            ],
            DataStructure::Product(p) => {
                let mut out = vec![pair("description_code", p.description_code().to_string())];
                match (p.collection_type(), p.division(), p.pack_code()) {
                    (Some(t), Some(d), _) => {
                        out.push(pair("collection_type", t.as_char().to_string()));
                        out.push(pair("division", d.to_string()));
                    }
                    (_, _, Some(pack)) => out.push(pair("pack_code", pack.to_string())),
                    _ => {}
                }
                out
            }
            DataStructure::Date(d) => {
                let mut out = vec![
                    pair("kind", d.kind().as_str().to_string()),
                    pair("date", d.date().to_string()),
                ];
                if let Some(t) = d.time() {
                    out.push(pair("time", t.format("%H:%M").to_string()));
                }
                out
            }
            DataStructure::Compound(c) => vec![
                pair("count", format!("{:02}", c.count())),
                pair("message_type", c.message_type()),
                pair("sequence", c.sequence().as_str().to_string()),
            ],
            DataStructure::ExpirationMonth(m) => vec![
                pair("year", format!("{:04}", m.year())),
                pair("month", format!("{:02}", m.month())),
            ],
            DataStructure::FlexibleDate(d) => vec![
                pair("zone", d.zone().as_str().to_string()),
                pair("time_kind", d.kind().as_str().to_string()),
                pair(
                    "date_time",
                    d.datetime().format("%Y-%m-%dT%H:%M").to_string(),
                ),
            ],
            DataStructure::Sec(s) => {
                let mut out = vec![
                    pair("country", s.country().to_string()),
                    pair("tissue_establishment", s.tissue_establishment().to_string()),
                    pair("donation_number", s.donation_number().to_string()),
                    pair("coding_system", s.coding_system().as_str().to_string()),
                    pair("product_code", s.product_code().to_string()),
                    pair("split", s.split().to_string()),
                ];
                if let Some(e) = s.expiry() {
                    out.push(pair("expiry", e.to_string()));
                }
                out
            }
            DataStructure::Other { .. } => self
                .spec()
                .and_then(|s| s.check(&self.encode()).ok())
                .unwrap_or_default(),
        }
    }
}

/// A structure read from a scan, with the 1-based position of its first character.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Scanned {
    /// 1-based position of the structure's first character in the scan.
    pub offset: usize,
    /// The structure.
    pub structure: DataStructure,
}

/// The characters a keyboard-wedge scanner sends after what it read (Enter, line feed or Tab,
/// as it is configured). They end the input and are not data: ST-001 defines no structure that
/// ends in them.
const TERMINATORS: &[char] = &['\r', '\n', '\t'];

/// `text` without the CR, LF and tab characters a scanner may send at its end; nothing else is
/// trimmed (a terminator inside the text, a space or lower case stays an error).
fn scanned(text: &str) -> &str {
    text.trim_end_matches(TERMINATORS)
}

/// Splits a scan into its data structures and decodes each one.
///
/// - Every structure of ST-001 Table 2 is recognised by its data identifier and length, and
///   its characters are checked against its definition: lower case only where the structure
///   allows it (017, 018, 021, 022, 025, 038), as ST-001 §7.5.1 requires. 001–009, 023, 026,
///   031 and 038 are decoded into values; the others are [`DataStructure::Other`] with their
///   named elements in [`DataStructure::fields`].
/// - A nationally defined structure (`&a`–`&z`, `&;`, `&!`, ST-001 §2.5) has no length known
///   to ISBT 128, so it runs to the end of the scan.
/// - A compound message (023, the content of a 2-D Data Matrix symbol) must begin the scan.
///   Its header is the first item and the structures it counts follow, each decoded as if
///   scanned alone, with offsets in the whole scan. Their number must be the header's count;
///   a compound message or a nationally defined structure inside one is refused; a message
///   type listed in ICCBBA Table W2 \[RT017\] (those rakt knows, see [`CompoundSequence`]) must
///   have its structures in its order.
/// - A scan is read as a keyboard-wedge scanner delivers it: CR, LF and tab characters at its
///   end are ignored (and not in the error texts); anywhere else they are refused like any
///   other character that is not data.
///
/// Refusals are [`RaktError::InvalidCode`] for the whole scan, at the 1-based position in the
/// scan of the first character that is wrong, with the structure's own reason.
///
/// ```
/// use rakt::isbt128::parse_scan;
/// let items = parse_scan("=A99992112345600=%6200=<E0398V00&>0261232359")?;
/// let kinds: Vec<&str> = items.iter().map(|s| s.structure.kind()).collect();
/// assert_eq!(kinds, ["din", "blood_group", "product", "date"]);
/// assert_eq!(items[1].offset, 17);
/// let err = parse_scan("=A99992112345600=%6200=<E0398V00&>0263672359").unwrap_err();
/// assert_eq!(err.to_string(), "invalid ISBT 128 scan \"=A99992112345600=%6200=<E0398V00&>0263672359\" at position 38: ISBT 128 date: 2026 has no day 367");
///
/// let message = parse_scan("=+04000=/A9997XYZ100T0479=A99991712345600=,000012=>019031")?;
/// let numbers: Vec<_> = message.iter().filter_map(|s| s.structure.number()).collect();
/// assert_eq!(numbers, ["023", "034", "001", "032", "004"]);
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn parse_scan(text: &str) -> Result<Vec<Scanned>> {
    let text = scanned(text);
    if let Some(pos) = text.chars().position(|c| !c.is_ascii()) {
        return Err(RaktError::code(
            SCAN,
            text,
            pos + 1,
            "only ASCII characters are allowed",
        ));
    }
    if text.is_empty() {
        return Err(RaktError::code(SCAN, text, 1, "empty scan"));
    }
    let err = |pos: usize, reason: String| RaktError::code(SCAN, text, pos, reason);
    let mut out: Vec<Scanned> = Vec::new();
    let mut message: Option<CompoundMessage> = None;
    let mut at = 0;
    while at < text.len() {
        let rest = text.get(at..).unwrap_or_default();
        let spec = table2::find(rest).ok_or_else(|| {
            err(
                at + 1,
                "not a data identifier of ST-001 Table 2 rakt can read".into(),
            )
        })?;
        let len = spec
            .length(rest)
            .map_err(|(i, reason)| err(at + i + 1, reason))?;
        let Some(piece) = rest.get(..len) else {
            return Err(err(
                text.len() + 1,
                format!("the scan ends inside a structure of {len} characters"),
            ));
        };
        if let Some(m) = message {
            let inside = out.len() - 1;
            if inside == usize::from(m.count()) {
                return Err(err(
                    at + 1,
                    format!(
                        "the compound message holds {} structures and ends before this one",
                        m.count()
                    ),
                ));
            }
            if matches!(spec.layout, Layout::National) {
                return Err(err(
                    at + 1,
                    "a compound message holds no nationally defined structure (ST-001 §2.4.23)"
                        .into(),
                ));
            }
            let expected = match m.sequence() {
                CompoundSequence::Listed(order) => order.get(inside).copied(),
                _ => None,
            };
            if expected.is_some_and(|n| n != spec.number) {
                return Err(err(
                    at + 1,
                    format!(
                        "message type {} of ICCBBA Table W2 [RT017] has structure {} here, not {}",
                        m.message_type(),
                        expected.unwrap_or_default(),
                        spec.number
                    ),
                ));
            }
        }
        let structure = decode_one(spec, piece).map_err(|e| relocate(e, text, at))?;
        if let DataStructure::Compound(m) = &structure {
            if at > 0 {
                return Err(err(
                    at + 1,
                    "a compound message begins the scan (ST-001 §2.4.23)".into(),
                ));
            }
            message = Some(*m);
        }
        out.push(Scanned {
            offset: at + 1,
            structure,
        });
        at += len;
    }
    if let Some(m) = message {
        let inside = out.len() - 1;
        if inside < usize::from(m.count()) {
            return Err(err(
                text.len() + 1,
                format!(
                    "the compound message holds {} structures; the scan ends after {inside}",
                    m.count()
                ),
            ));
        }
    }
    Ok(out)
}

fn decode_one(spec: &Spec, piece: &str) -> Result<DataStructure> {
    Ok(match spec.number {
        "001" => DataStructure::Din(parse_din(piece)?),
        "002" => DataStructure::BloodGroup(decode_blood_group(piece)?),
        "003" => DataStructure::Product(parse_product_code(piece)?),
        "004" | "005" | "006" | "007" | "008" | "009" => {
            DataStructure::Date(decode_datetime(piece)?)
        }
        "023" => DataStructure::Compound(decode_compound(piece)?),
        "026" => DataStructure::ExpirationMonth(decode_expiration_month(piece)?),
        "031" => DataStructure::FlexibleDate(decode_flexible_date(piece)?),
        "038" => DataStructure::Sec(decode_sec(piece)?),
        _ => {
            let fields = spec.check(piece)?;
            if spec.number == "024" {
                check_birth_date(spec, piece, &fields)?;
            }
            let id = spec.identifier_of(piece);
            DataStructure::Other {
                identifier: id.to_string(),
                data: piece.get(id.len()..).unwrap_or_default().to_string(),
            }
        }
    })
}

/// The patient's date of birth (024, `=#aayyyymmdd`) must be a calendar date.
fn check_birth_date(spec: &Spec, piece: &str, fields: &[(String, String)]) -> Result<()> {
    let part = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| v.parse::<u32>().ok())
            .unwrap_or_default()
    };
    let (year, month, day) = (part("year"), part("month"), part("day"));
    let err = |pos: usize, reason: String| {
        RaktError::code(
            &format!("ISBT 128 {} ({})", spec.name, spec.number),
            piece,
            pos,
            reason,
        )
    };
    if !(1..=12).contains(&month) {
        return Err(err(9, "the month is 01-12".into()));
    }
    i32::try_from(year)
        .ok()
        .and_then(|y| chrono::NaiveDate::from_ymd_opt(y, month, day))
        .map(|_| ())
        .ok_or_else(|| err(11, format!("{year:04}-{month:02} has no day {day:02}")))
}

/// Moves a structure's error to its position in the whole scan.
fn relocate(e: RaktError, scan: &str, at: usize) -> RaktError {
    match e {
        RaktError::InvalidCode {
            structure,
            position,
            reason,
            ..
        } => RaktError::code(SCAN, scan, at + position, format!("{structure}: {reason}")),
        other => other,
    }
}

/// What a label scan does not carry but a rakt unit needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelDetails {
    /// The time zone of the labelling facility (ISBT 128 times are local).
    pub offset: FixedOffset,
    /// Volume in mL (printed on the label, not in the bar codes).
    pub volume_ml: u32,
    /// When the blood was collected, if the label has no collection date and time. A
    /// collection date without a time counts from the start of that day, so that an expiry
    /// counted from it is never later than the real one.
    pub collected_at: Option<DateTime<FixedOffset>>,
    /// The donor's identifier, if known.
    pub donor_id: Option<String>,
    /// Whether it was the donor's first donation.
    pub first_donation: bool,
    /// The donation type, used only when the label does not say (a local or national product
    /// code, or a collection type rakt does not model, with a blood group in the default
    /// column).
    pub donation_type: Option<DonationType>,
}

/// The data structures of a blood-component label: DIN, blood group, product code, expiry
/// and, when printed, the collection date.
///
/// ```
/// use rakt::isbt128::{Label, LabelDetails, ProductTable};
/// use rakt::Policy;
/// use chrono::FixedOffset;
/// let table = ProductTable::from_toml(r#"
///     [[product]]
///     code = "E0398"
///     product = { component = "red_cells", preservative = "additive_solution", modifications = ["irradiated", "leucoreduced"] }
/// "#)?;
/// let label = Label::from_scan("=A99992112345600=%6200=<E0398VA0&>0263652359&*0263500900")?;
/// let ist = FixedOffset::east_opt(19800).ok_or("offset")?;
/// let details = LabelDetails { offset: ist, volume_ml: 250, collected_at: None, donor_id: None, first_donation: false, donation_type: None };
/// let unit = label.to_unit(&table, &details, "tech-a", &Policy::india())?;
/// assert_eq!(unit.id().to_string(), "A999921123456/A0");
/// assert_eq!(unit.group().to_string(), "A+");
/// assert_eq!(unit.expiry().expires_at.to_rfc3339(), "2026-12-31T23:59:00+05:30");
/// assert_eq!(Label::from_unit(&unit, &table)?.encode(), "=A99992112345600=%6200=<E0398VA0&>0263652359&*0263500900");
/// assert_eq!(Label::from_unit(&unit, &table)?, label);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Label {
    /// The donation identification number.
    pub din: Din,
    /// The blood group.
    pub blood_group: BloodGroupCode,
    /// The product code.
    pub product: ProductCode,
    /// The expiration date (and time).
    pub expiry: IsbtDate,
    /// The collection date (and time), when printed.
    pub collection: Option<IsbtDate>,
}

impl Label {
    /// Reads a label from a scan of its structures in any order (CR, LF and tab at its end
    /// ignored, as [`parse_scan`] reads them). The DIN, blood group,
    /// product code and expiry are required, once each; a collection date is optional;
    /// production dates and the structures rakt does not decode are skipped.
    pub fn from_scan(text: &str) -> Result<Label> {
        let text = scanned(text);
        let items = parse_scan(text)?;
        let mut din = None;
        let mut group = None;
        let mut product = None;
        let mut expiry = None;
        let mut collection = None;
        /// Keeps the first value of a structure the label holds once.
        fn once<T>(slot: &mut Option<T>, value: T) -> bool {
            slot.replace(value).is_none()
        }
        for item in items {
            let first = match item.structure {
                DataStructure::Din(d) => once(&mut din, d)
                    .then_some(())
                    .ok_or("donation identification number"),
                DataStructure::BloodGroup(g) => {
                    once(&mut group, g).then_some(()).ok_or("blood group")
                }
                DataStructure::Product(p) => {
                    once(&mut product, p).then_some(()).ok_or("product code")
                }
                DataStructure::Date(d) => match d.kind() {
                    DateKind::Expiration => {
                        once(&mut expiry, d).then_some(()).ok_or("expiration date")
                    }
                    DateKind::Collection => once(&mut collection, d)
                        .then_some(())
                        .ok_or("collection date"),
                    DateKind::Production => Ok(()),
                },
                _ => Ok(()),
            };
            if let Err(what) = first {
                return Err(RaktError::code(
                    SCAN,
                    text,
                    item.offset,
                    format!("a second {what}"),
                ));
            }
        }
        let missing = |what: &str| {
            RaktError::code(
                SCAN,
                text,
                text.len() + 1,
                format!("the label has no {what}"),
            )
        };
        Ok(Label {
            din: din.ok_or_else(|| missing("donation identification number (=A...)"))?,
            blood_group: group.ok_or_else(|| missing("blood group (=%)"))?,
            product: product.ok_or_else(|| missing("product code (=<)"))?,
            expiry: expiry.ok_or_else(|| missing("expiration date (=> or &>)"))?,
            collection,
        })
    }

    /// The structures one after another: DIN, blood group, product code, expiry, then the
    /// collection date when there is one.
    pub fn encode(&self) -> String {
        let mut out = format!(
            "{}{}{}{}",
            self.din.barcode(),
            self.blood_group.encode(),
            self.product.encode(),
            self.expiry.encode()
        );
        if let Some(c) = &self.collection {
            out.push_str(&c.encode());
        }
        out
    }

    /// The rakt unit this label describes, newly collected (status `collected`).
    ///
    /// - The identity is the 13-character DIN with the product's division (none for `00`).
    /// - The group must be a rakt blood group: a special message, para-Bombay or pooled group
    ///   is refused (`ISBT128_LABEL_GROUP_NOT_USABLE`).
    /// - The product is looked up in the caller's table.
    /// - The donation type comes from the product's collection type, else from the blood
    ///   group's intended use, else from the details; refused when none gives one.
    /// - The expiry is the label's, shortened to the policy's if that is earlier
    ///   ([`BloodUnit::collect_labelled`]).
    pub fn to_unit(
        &self,
        table: &ProductTable,
        details: &LabelDetails,
        actor: &str,
        policy: &Policy,
    ) -> Result<BloodUnit> {
        let group = self.blood_group.blood_group().ok_or_else(|| {
            let code = self.blood_group.group_code();
            let what = match code.special_message() {
                Some(m) => format!(
                    "the special message {} ({}){}",
                    m.as_str(),
                    code.code().unwrap_or_default(),
                    m.implied_status()
                        .map(|s| format!(", which puts the unit in status {}", s.as_str()))
                        .unwrap_or_default()
                ),
                None => format!("{} (para-Bombay or pooled)", self.blood_group.encode()),
            };
            RaktError::not_applicable(
                "ISBT128_LABEL_GROUP_NOT_USABLE",
                format!("the label's blood group position holds {what}, not a blood group rakt can give a unit"),
            )
        })?;
        let product = table.product(self.product.description_code())?.clone();
        let donation_type = self
            .product
            .collection_type()
            .and_then(CollectionType::donation_type)
            .or_else(|| {
                self.blood_group
                    .group_code()
                    .intended_use()
                    .and_then(IntendedUse::donation_type)
            })
            .or(details.donation_type)
            .ok_or_else(|| {
                RaktError::not_applicable(
                    "ISBT128_LABEL_DONATION_TYPE",
                    format!(
                        "the product code {} and blood group {} do not say whether the donation was voluntary, replacement, autologous or directed",
                        self.product.encode(),
                        self.blood_group.encode()
                    ),
                )
            })?;
        let division = self
            .product
            .division()
            .filter(|d| !matches!(*d, "00" | "99"));
        let collected_at = match (&self.collection, details.collected_at) {
            (_, Some(at)) => at,
            (Some(c), None) => match c.time() {
                Some(_) => c.at_offset(details.offset)?,
                None => c
                    .date()
                    .and_time(NaiveTime::MIN)
                    .and_local_timezone(details.offset)
                    .single()
                    .ok_or_else(|| RaktError::input("collected_at", "not a local time"))?,
            },
            (None, None) => {
                return Err(RaktError::input(
                    "collected_at",
                    "the label has no collection date; give the collection time",
                ));
            }
        };
        let collection = Collection {
            din: self.din.din13().to_string(),
            division: division.map(str::to_string),
            product,
            group,
            volume_ml: details.volume_ml,
            donation_type,
            donor_id: details.donor_id.clone(),
            first_donation: details.first_donation,
            collected_at,
        };
        let expires_at = self.expiry.at_offset(details.offset)?;
        BloodUnit::collect_labelled(collection, expires_at, actor, policy)
    }

    /// The label of a unit: its DIN (which must be an ISBT 128 DIN; flags `00`), its group in
    /// the column of its donation type, its product's code from the caller's table with the
    /// collection type of its donation type and its division (`00` when undivided), its expiry
    /// and its collection date and time, both to the minute in the unit's own offset.
    pub fn from_unit(unit: &BloodUnit, table: &ProductTable) -> Result<Label> {
        let din = parse_din(&unit.id().din)?;
        // A bar code always carries the flags: `00` unless the unit's DIN gave others.
        let din = match din.flags() {
            Some(_) => din,
            None => Din::new(din.din13(), Some("00"))?,
        };
        let group = GroupCode::for_group(
            &unit.group(),
            IntendedUse::for_donation_type(unit.donation_type()),
        )?;
        let pdc = table.code_for(unit.product()).ok_or_else(|| {
            RaktError::not_applicable(
                "ISBT128_NO_PRODUCT_CODE",
                "the product table has no code for this unit's product",
            )
        })?;
        let product = ProductCode::new(
            pdc,
            CollectionType::for_donation_type(unit.donation_type()),
            unit.id().division.as_deref().unwrap_or("00"),
        )?;
        Ok(Label {
            din,
            blood_group: BloodGroupCode::new(group, RhKell::NONE)?,
            product,
            expiry: IsbtDate::date_time(
                DateKind::Expiration,
                unit.expiry().expires_at.naive_local(),
            )?,
            collection: Some(IsbtDate::date_time(
                DateKind::Collection,
                unit.collected_at().naive_local(),
            )?),
        })
    }
}
