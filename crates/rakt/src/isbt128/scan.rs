//! Scans holding several data structures one after another, and whole labels.
//!
//! A scanner that reads several bar codes of a label (or a concatenated read, ST-001 §2.3)
//! delivers their data one after another. Each structure starts with its data identifier,
//! which also fixes its length, so the text can be split without separators. The DIN is the
//! only structure whose second identifier character is data (`=` then a letter or digit).

use chrono::{DateTime, FixedOffset, NaiveTime};

use super::date::{DateKind, IsbtDate, decode_datetime};
use super::din::{Din, parse_din};
use super::group::{BloodGroupCode, GroupCode, IntendedUse, RhKell, decode_blood_group};
use super::product::{CollectionType, ProductCode, ProductTable, parse_product_code};
use crate::error::{RaktError, Result};
use crate::policy::Policy;
use crate::unit::{BloodUnit, Collection, DonationType};

const SCAN: &str = "ISBT 128 scan";

/// One data structure read from a scan.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DataStructure {
    /// 001, the donation identification number.
    Din(Din),
    /// 002, the blood group.
    BloodGroup(BloodGroupCode),
    /// 003, the product code.
    Product(ProductCode),
    /// 004–009, a date or date and time.
    Date(IsbtDate),
    /// A structure of fixed length that rakt recognises but does not decode (container
    /// manufacturer and catalogue, lot, donor and staff identification, TTI markers, product
    /// consignment, divisions, GRID): its data identifier and data, as scanned.
    Other {
        /// The two data-identifier characters, e.g. `=)`.
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
            DataStructure::Other { identifier, data } => format!("{identifier}{data}"),
        }
    }

    /// A stable snake_case name of the kind of structure: `din`, `blood_group`, `product`,
    /// `date` or `other`.
    pub fn kind(&self) -> &'static str {
        match self {
            DataStructure::Din(_) => "din",
            DataStructure::BloodGroup(_) => "blood_group",
            DataStructure::Product(_) => "product",
            DataStructure::Date(_) => "date",
            DataStructure::Other { .. } => "other",
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

/// Structures recognised by their identifier and data length but not decoded (ST-001 Table 2,
/// research/blood.md §5.6).
const OPAQUE: [(&str, usize, &str); 8] = [
    ("=)", 10, "container manufacturer and catalogue number"),
    ("&)", 10, "container lot number"),
    ("=;", 21, "donor identification number"),
    ("='", 11, "staff member identification number"),
    ("&\"", 18, "transfusion transmitted infection marker"),
    ("=$", 16, "product consignment"),
    ("=,", 6, "product divisions"),
    ("&:", 19, "global registration identifier for donors"),
];

/// The length and reader of the structure at the start of `rest`.
fn length_of(rest: &str) -> std::result::Result<usize, &'static str> {
    let mut chars = rest.chars();
    let (a, b) = (chars.next(), chars.next());
    match (a, b) {
        (Some('='), Some(c)) if c.is_ascii_alphanumeric() => Ok(16),
        (Some('='), Some('%')) => Ok(6),
        (Some('='), Some('<')) => Ok(10),
        (Some('='), Some('>' | '*' | '}')) => Ok(8),
        (Some('&'), Some('>' | '*' | '}')) => Ok(12),
        _ => OPAQUE
            .iter()
            .find(|(id, _, _)| rest.starts_with(id))
            .map(|(_, len, _)| len + 2)
            .ok_or("not a data identifier rakt can read (ST-001 Table 2)"),
    }
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
/// A scan is read as a keyboard-wedge scanner delivers it: CR, LF and tab characters at its end
/// are ignored (and not in the error texts); anywhere else they are refused like any other
/// character that is not data. Lower case is refused as ST-001 §7.5 requires.
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
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = text.get(at..).unwrap_or_default();
        let len = length_of(rest).map_err(|reason| RaktError::code(SCAN, text, at + 1, reason))?;
        let Some(piece) = rest.get(..len) else {
            return Err(RaktError::code(
                SCAN,
                text,
                text.len() + 1,
                format!("the scan ends inside a structure of {len} characters"),
            ));
        };
        let structure = decode_one(piece).map_err(|e| relocate(e, text, at))?;
        out.push(Scanned {
            offset: at + 1,
            structure,
        });
        at += len;
    }
    Ok(out)
}

fn decode_one(piece: &str) -> Result<DataStructure> {
    let mut chars = piece.chars();
    Ok(match (chars.next(), chars.next()) {
        (Some('='), Some('%')) => DataStructure::BloodGroup(decode_blood_group(piece)?),
        (Some('='), Some('<')) => DataStructure::Product(parse_product_code(piece)?),
        (Some('=' | '&'), Some('>' | '*' | '}')) => DataStructure::Date(decode_datetime(piece)?),
        (Some('='), Some(c)) if c.is_ascii_alphanumeric() => DataStructure::Din(parse_din(piece)?),
        _ => DataStructure::Other {
            identifier: piece.get(..2).unwrap_or_default().to_string(),
            data: piece.get(2..).unwrap_or_default().to_string(),
        },
    })
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
        for item in items {
            let twice =
                |what: &str| RaktError::code(SCAN, text, item.offset, format!("a second {what}"));
            match item.structure {
                DataStructure::Din(d) => {
                    if din.replace(d).is_some() {
                        return Err(twice("donation identification number"));
                    }
                }
                DataStructure::BloodGroup(g) => {
                    if group.replace(g).is_some() {
                        return Err(twice("blood group"));
                    }
                }
                DataStructure::Product(p) => {
                    if product.replace(p).is_some() {
                        return Err(twice("product code"));
                    }
                }
                DataStructure::Date(d) => match d.kind() {
                    DateKind::Expiration => {
                        if expiry.replace(d).is_some() {
                            return Err(twice("expiration date"));
                        }
                    }
                    DateKind::Collection => {
                        if collection.replace(d).is_some() {
                            return Err(twice("collection date"));
                        }
                    }
                    DateKind::Production => {}
                },
                DataStructure::Other { .. } => {}
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
