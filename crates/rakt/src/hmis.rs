//! The HMIS monthly facility report (`research/maternal.md` §7): items counted per facility and
//! month from delivery, ANC, maternal-death and newborn-death records, keyed by item number and
//! format version, with cross-item validation rules (§7.3) as findings (never silent fixes).
//!
//! Items (newest facility format, `hmis-facility-newest`):
//!
//! | Item | Counted | From |
//! |---|---|---|
//! | 1.1, 1.1.a–d | new pregnant women registered for ANC; by age < 15, 15–19, 20–49, > 49 | ANC contacts marked `registration` |
//! | 1.1.1 | registered within the first trimester (12 completed weeks or less at registration) | the same |
//! | 1.3.1 / 1.3.3 | new hypertension detected (confirmed: chronic, gestational, severe, pre-eclampsia, eclampsia) / new pre-eclampsia or eclampsia | the first ANC contact that shows it, per mother |
//! | 1.4.2 / 1.4.3 / 1.4.4 | tested for Hb / Hb below 11 and above 7 (mild or moderate anaemia) / Hb 7 or below (severe) | ANC contacts, each mother once per facility and month |
//! | 1.5.1 / 1.5.2 | OGTT done / GDM positive | the same |
//! | 1.7.1 | thyroid disorder (hypo- or hyperthyroid) | the same |
//! | 14.20.3.a / 14.20.3.b | tested for HBsAg / HBsAg positive | the same |
//! | 1.9.2 | antepartum high-risk pregnancies, new cases (risk level high or emergency) | the first ANC contact that shows it, per mother |
//! | 1.9.1, 1.9.1.a–e | intrapartum high-risk: total; only PPH; only sepsis; only eclampsia; only obstructed labour; more than one | deliveries |
//! | 2.2 / 3.1 | institutional deliveries (C-sections included) / C-sections (institutional) | deliveries |
//! | 4.1.1.a / 4.1.1.b / 4.1.2 | live births, male / female; pre-term live newborns (below the policy's early-term week, 37) | births |
//! | 4.1.3.a / 4.1.3.b / 4.1.3.c | fresh, macerated stillbirths (28 weeks and above); foetal deaths (24–27 weeks) | births |
//! | 4.4.1 / 4.4.2 / 4.4.2.a | live newborns weighed / under 2500 g / of which under 1800 g | births |
//! | 16.1.1–16.1.4 .a / .b | newborn deaths within 24 h; 1–7 days; 8–28 days; infant deaths over 28 days and under 12 months; at the facility (a) or in the community (b) | newborn deaths |
//! | 16.2.1–16.2.4 | newborn deaths up to 28 days by cause: sepsis, asphyxia, prematurity, other | newborn deaths with a cause |
//! | 16.5.1–16.5.7 | maternal deaths at the facility by cause: APH, PPH, infection, abortion, obstructed labour, hypertension, other or unknown | maternal deaths |
//! | 16.5.8, 16.5.8.a–d | maternal deaths at the facility, all; by age < 15, 15–19, 20–49, > 49 | maternal deaths |
//!
//! The anaemia and hypertension items read the pregnancy assessment ([`assess_pregnancy`]) at
//! the contact's date, so they follow the policy's grading: the `india` profile grades severe
//! anaemia at Hb ≤ 7 g/dL and mild below 11, the newest HMIS format's lines. "New" items count a
//! mother once over all the contacts given (by her `id`; a record without one is its own
//! mother), in the month of the first contact that shows the condition; pass the pregnancy's
//! earlier contacts too, or a mother detected last month is counted again. Not counted (the
//! records or the sources do not support them): 1.2.x visit counts, 1.3.2/1.3.4/1.3.5 and
//! 1.4.5/1.5.3/1.7.2 (management), 1.6.x syphilis and 15.3.3 HIV (sub-item letters not
//! verified), referrals (1.9.3/1.9.4), post-natal and SNCU items.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::compatibility::Sex;
use crate::error::{RaktError, Result};
use crate::macros::coded_enum;
use crate::maternal::{
    AnaemiaGrade, AncRecord, DeliveryMode, FetalDeathClass, FetalDeathTiming, GestationalAge,
    HypertensionClass, NewbornDeathBin, RiskLevel, SerologyResult, ThyroidStatus, assess_pregnancy,
    birth_weight, classify_fetal_death, newborn_death,
};
use crate::policy::Policy;

/// The format version the items are numbered in.
pub const FORMAT_NEWEST: &str = "hmis-facility-newest";

const SOURCE: &str = "HMIS newest facility-format item list as transcribed in an Andhra Pradesh HMIS validation dashboard (public GitHub code); validation rules seen in HMIS tooling (research/maternal.md §7.1, §7.3)";

coded_enum! {
    /// An intrapartum complication counted in HMIS item 1.9.1.
    IntrapartumComplication {
        /// Postpartum haemorrhage immediately after delivery.
        Pph => "pph",
        /// Sepsis.
        Sepsis => "sepsis",
        /// Eclampsia.
        Eclampsia => "eclampsia",
        /// Obstructed labour.
        ObstructedLabour => "obstructed_labour",
    }
}

/// One baby of a delivery.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BirthRecord {
    /// Born alive (any sign of life).
    pub live: bool,
    /// Sex, when recorded (`female` or `male`).
    #[serde(default)]
    pub sex: Option<Sex>,
    /// Gestational age at birth, when known.
    #[serde(default)]
    pub gestation: Option<GestationalAge>,
    /// Weight at birth in grams, when weighed.
    #[serde(default)]
    pub weight_grams: Option<u32>,
    /// For a baby born dead: whether death was before or during labour.
    #[serde(default)]
    pub death_timing: Option<FetalDeathTiming>,
}

/// One delivery.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeliveryRecord {
    /// The reporting facility.
    pub facility: String,
    /// When the delivery happened; the month is taken in the policy's facility time.
    pub delivered_at: DateTime<FixedOffset>,
    /// Vaginal or caesarean.
    pub mode: DeliveryMode,
    /// Conducted at the facility (not at home or in transit).
    #[serde(default = "yes")]
    pub institutional: bool,
    /// The babies.
    #[serde(default)]
    pub births: Vec<BirthRecord>,
    /// Intrapartum complications.
    #[serde(default)]
    pub complications: Vec<IntrapartumComplication>,
}

fn yes() -> bool {
    true
}

coded_enum! {
    /// The cause of a maternal death, as HMIS items 16.5.1–16.5.7 group them.
    MaternalDeathCause {
        /// Antepartum haemorrhage (16.5.1).
        Aph => "aph",
        /// Postpartum haemorrhage (16.5.2).
        Pph => "pph",
        /// Pregnancy-related infection, sepsis or fever (16.5.3).
        Infection => "infection",
        /// Abortion (16.5.4).
        Abortion => "abortion",
        /// Obstructed or prolonged labour (16.5.5).
        ObstructedLabour => "obstructed_labour",
        /// Severe hypertension, fits, pre-eclampsia or eclampsia (16.5.6).
        Hypertension => "hypertension",
        /// Other or unknown (16.5.7).
        Other => "other",
    }
}

coded_enum! {
    /// The cause of a newborn death, as HMIS items 16.2.1–16.2.4 group them.
    NewbornDeathCause {
        /// Sepsis (16.2.1).
        Sepsis => "sepsis",
        /// Asphyxia (16.2.2).
        Asphyxia => "asphyxia",
        /// Prematurity (16.2.3).
        Prematurity => "prematurity",
        /// Any other cause (16.2.4).
        Other => "other",
    }
}

coded_enum! {
    /// Where a newborn died: the `.a` and `.b` columns of HMIS items 16.1.x.
    DeathPlace {
        /// At the facility (`.a`).
        Facility => "facility",
        /// In the community (`.b`).
        Community => "community",
    }
}

/// One ANC contact of a pregnant woman at a facility.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AncContact {
    /// The reporting facility.
    pub facility: String,
    /// The day of the contact: its month is the report's, and the record is assessed on it.
    pub date: NaiveDate,
    /// This contact registered the pregnancy (counted in 1.1).
    #[serde(default)]
    pub registration: bool,
    /// What was recorded; `id` identifies the mother across contacts.
    pub record: AncRecord,
}

/// One maternal death at a facility.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaternalDeathRecord {
    /// The reporting facility.
    pub facility: String,
    /// When she died; the month is taken in the policy's facility time.
    pub died_at: DateTime<FixedOffset>,
    /// Age in completed years, when known.
    #[serde(default)]
    pub age_years: Option<u32>,
    /// The cause, as the death review recorded it.
    pub cause: MaternalDeathCause,
}

/// One death of a baby born alive, under a year old.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewbornDeathRecord {
    /// The reporting facility.
    pub facility: String,
    /// When the baby was born.
    pub born_at: DateTime<FixedOffset>,
    /// When the baby died; the month is taken in the policy's facility time.
    pub died_at: DateTime<FixedOffset>,
    /// At the facility or in the community.
    pub place: DeathPlace,
    /// The cause, when recorded (counted in 16.2.x for deaths up to 28 days).
    #[serde(default)]
    pub cause: Option<NewbornDeathCause>,
}

/// Everything a month's report is counted from; any list may be empty.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HmisRecords {
    /// Deliveries, with their babies.
    #[serde(default)]
    pub deliveries: Vec<DeliveryRecord>,
    /// ANC contacts.
    #[serde(default)]
    pub anc: Vec<AncContact>,
    /// Maternal deaths.
    #[serde(default)]
    pub maternal_deaths: Vec<MaternalDeathRecord>,
    /// Deaths of babies born alive, under a year old.
    #[serde(default)]
    pub newborn_deaths: Vec<NewbornDeathRecord>,
}

/// A violated cross-item rule: reported, never fixed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Finding {
    /// The rule, e.g. `4.4.1 <= 4.1.1.a + 4.1.1.b`.
    pub rule: String,
    /// The left side's value.
    pub left: u64,
    /// The right side's value.
    pub right: u64,
    /// What to check.
    pub message: String,
}

/// The items of one facility and month.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MonthlyReport {
    /// The facility.
    pub facility: String,
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// The format version the items are numbered in.
    pub format: String,
    /// Count by item number (every item in [`ITEMS`], zeros included).
    pub items: BTreeMap<String, u64>,
    /// Violated validation rules.
    pub findings: Vec<Finding>,
    /// Where the items and rules come from.
    pub source: String,
}

impl MonthlyReport {
    /// The count of an item (0 for an item rakt does not count).
    pub fn item(&self, number: &str) -> u64 {
        self.items.get(number).copied().unwrap_or(0)
    }
}

/// The item numbers rakt counts, in form order.
pub const ITEMS: &[&str] = &[
    "1.1",
    "1.1.a",
    "1.1.b",
    "1.1.c",
    "1.1.d",
    "1.1.1",
    "1.3.1",
    "1.3.3",
    "1.4.2",
    "1.4.3",
    "1.4.4",
    "1.5.1",
    "1.5.2",
    "1.7.1",
    "1.9.1",
    "1.9.1.a",
    "1.9.1.b",
    "1.9.1.c",
    "1.9.1.d",
    "1.9.1.e",
    "1.9.2",
    "2.2",
    "3.1",
    "4.1.1.a",
    "4.1.1.b",
    "4.1.2",
    "4.1.3.a",
    "4.1.3.b",
    "4.1.3.c",
    "4.4.1",
    "4.4.2",
    "4.4.2.a",
    "14.20.3.a",
    "14.20.3.b",
    "16.1.1.a",
    "16.1.1.b",
    "16.1.2.a",
    "16.1.2.b",
    "16.1.3.a",
    "16.1.3.b",
    "16.1.4.a",
    "16.1.4.b",
    "16.2.1",
    "16.2.2",
    "16.2.3",
    "16.2.4",
    "16.5.1",
    "16.5.2",
    "16.5.3",
    "16.5.4",
    "16.5.5",
    "16.5.6",
    "16.5.7",
    "16.5.8",
    "16.5.8.a",
    "16.5.8.b",
    "16.5.8.c",
    "16.5.8.d",
];

/// Registration at 12 completed weeks or less counts in 1.1.1 ("registered within 1st trimester
/// (within 12 weeks)"; the HMIS data-element guide: "1st ANC within 12 weeks").
const FIRST_TRIMESTER_WEEKS: u32 = 12;

/// The age-bin suffix of items 1.1.x, 2.3.x and 16.5.8.x: < 15, 15–19, > 19–49, > 49.
fn age_bin(age_years: u32) -> &'static str {
    match age_years {
        0..=14 => "a",
        15..=19 => "b",
        20..=49 => "c",
        _ => "d",
    }
}

/// The cross-item rules of §7.3 that apply to this slice's items, on any item map (counted by
/// rakt or imported from a submitted report).
pub fn validate(items: &BTreeMap<String, u64>) -> Vec<Finding> {
    let get = |k: &str| items.get(k).copied().unwrap_or(0);
    let live = get("4.1.1.a") + get("4.1.1.b");
    let mut out = Vec::new();
    let mut rule = |name: &str, left: u64, right: u64, message: &str| {
        if left > right {
            out.push(Finding {
                rule: name.to_string(),
                left,
                right,
                message: message.to_string(),
            });
        }
    };
    rule(
        "4.4.1 <= 4.1.1.a + 4.1.1.b",
        get("4.4.1"),
        live,
        "more newborns weighed than live births reported by sex: a live birth without its sex, or a weight recorded twice",
    );
    rule(
        "4.4.2 <= 4.4.1",
        get("4.4.2"),
        get("4.4.1"),
        "more low-birth-weight newborns than newborns weighed",
    );
    rule(
        "4.4.2.a <= 4.4.2",
        get("4.4.2.a"),
        get("4.4.2"),
        "more newborns under 1800 g than under 2500 g",
    );
    rule(
        "4.1.2 <= 4.1.1.a + 4.1.1.b",
        get("4.1.2"),
        live,
        "more pre-term newborns than live births reported by sex",
    );
    rule(
        "3.1 <= 2.2",
        get("3.1"),
        get("2.2"),
        "more C-sections than institutional deliveries",
    );
    let sum = |keys: &[&str]| keys.iter().map(|k| get(k)).sum::<u64>();
    // The rules below follow from the items' definitions (a part is not larger than its whole)
    // rather than from §7.3; they catch the same kinds of entry errors in a submitted report.
    rule(
        "1.1.1 <= 1.1",
        get("1.1.1"),
        get("1.1"),
        "more first-trimester registrations than registrations (implied by the item definitions)",
    );
    rule(
        "1.1.a + 1.1.b + 1.1.c + 1.1.d <= 1.1",
        sum(&["1.1.a", "1.1.b", "1.1.c", "1.1.d"]),
        get("1.1"),
        "more registrations by age than registrations (implied by the item definitions)",
    );
    rule(
        "1.4.3 + 1.4.4 <= 1.4.2",
        sum(&["1.4.3", "1.4.4"]),
        get("1.4.2"),
        "more anaemic women than women tested for Hb (implied by the item definitions)",
    );
    rule(
        "1.5.2 <= 1.5.1",
        get("1.5.2"),
        get("1.5.1"),
        "more GDM positives than OGTTs done (implied by the item definitions)",
    );
    rule(
        "14.20.3.b <= 14.20.3.a",
        get("14.20.3.b"),
        get("14.20.3.a"),
        "more HBsAg positives than women tested (implied by the item definitions)",
    );
    rule(
        "16.2.1 + 16.2.2 + 16.2.3 + 16.2.4 <= 16.1.1.a + … + 16.1.3.b",
        sum(&["16.2.1", "16.2.2", "16.2.3", "16.2.4"]),
        sum(&[
            "16.1.1.a", "16.1.1.b", "16.1.2.a", "16.1.2.b", "16.1.3.a", "16.1.3.b",
        ]),
        "more newborn deaths by cause than newborn deaths up to 28 days (implied by the item definitions)",
    );
    rule(
        "16.5.8.a + 16.5.8.b + 16.5.8.c + 16.5.8.d <= 16.5.8",
        sum(&["16.5.8.a", "16.5.8.b", "16.5.8.c", "16.5.8.d"]),
        get("16.5.8"),
        "more maternal deaths by age than maternal deaths (implied by the item definitions)",
    );
    rule(
        "16.5.1 + … + 16.5.7 <= 16.5.8",
        sum(&[
            "16.5.1", "16.5.2", "16.5.3", "16.5.4", "16.5.5", "16.5.6", "16.5.7",
        ]),
        get("16.5.8"),
        "more maternal deaths by cause than maternal deaths (implied by the item definitions)",
    );
    out
}

type Key = (String, i32, u32);

/// The counts being built, by facility and month.
#[derive(Default)]
struct Tally(BTreeMap<Key, BTreeMap<String, u64>>);

impl Tally {
    /// The items of `key`, created (every item at 0) on first touch, so a facility-month with
    /// records but nothing counted still gets its report.
    fn items(&mut self, key: &Key) -> &mut BTreeMap<String, u64> {
        self.0
            .entry(key.clone())
            .or_insert_with(|| ITEMS.iter().map(|k| (k.to_string(), 0)).collect())
    }

    fn add(&mut self, key: &Key, item: &str) {
        if let Some(v) = self.items(key).get_mut(item) {
            *v += 1;
        }
    }
}

fn facility_key(facility: &str, field: &str, year: i32, month: u32) -> Result<Key> {
    if crate::text::is_blank(facility) {
        return Err(RaktError::input(field, "name the facility"));
    }
    Ok((facility.to_string(), year, month))
}

fn at_key(facility: &str, field: &str, at: &DateTime<FixedOffset>, policy: &Policy) -> Result<Key> {
    let local = at.with_timezone(&policy.offset());
    facility_key(facility, field, local.year(), local.month())
}

/// `e` with its field placed under `prefix` (`anc[3].record` + `hb_g_dl`).
fn within(prefix: &str, e: RaktError) -> RaktError {
    match e {
        RaktError::InvalidInput { field, reason } => {
            RaktError::input(format!("{prefix}.{field}"), reason)
        }
        other => RaktError::input(prefix, other.to_string()),
    }
}

fn count_delivery(
    tally: &mut Tally,
    field: &str,
    r: &DeliveryRecord,
    policy: &Policy,
) -> Result<()> {
    let key = at_key(
        &r.facility,
        &format!("{field}.facility"),
        &r.delivered_at,
        policy,
    )?;
    tally.items(&key);
    if r.institutional {
        tally.add(&key, "2.2");
        if r.mode == DeliveryMode::Caesarean {
            tally.add(&key, "3.1");
        }
    }
    let distinct: BTreeSet<IntrapartumComplication> = r.complications.iter().copied().collect();
    match distinct.len() {
        0 => {}
        1 => {
            tally.add(&key, "1.9.1");
            if let Some(c) = distinct.first() {
                tally.add(
                    &key,
                    match c {
                        IntrapartumComplication::Pph => "1.9.1.a",
                        IntrapartumComplication::Sepsis => "1.9.1.b",
                        IntrapartumComplication::Eclampsia => "1.9.1.c",
                        IntrapartumComplication::ObstructedLabour => "1.9.1.d",
                    },
                );
            }
        }
        _ => {
            tally.add(&key, "1.9.1");
            tally.add(&key, "1.9.1.e");
        }
    }
    for (j, b) in r.births.iter().enumerate() {
        let field = |name: &str| format!("{field}.births[{j}].{name}");
        if b.live {
            if b.death_timing.is_some() {
                return Err(RaktError::input(
                    field("death_timing"),
                    "a live birth has no death timing",
                ));
            }
            match b.sex {
                Some(Sex::Male) => tally.add(&key, "4.1.1.a"),
                Some(Sex::Female) => tally.add(&key, "4.1.1.b"),
                _ => {}
            }
            if let Some(ga) = b.gestation {
                if ga.weeks < policy.maternal.gestation_weeks.early_term_from {
                    tally.add(&key, "4.1.2");
                }
            }
            if let Some(g) = b.weight_grams {
                let w = birth_weight(g, policy)
                    .map_err(|e| RaktError::input(field("weight_grams"), e.to_string()))?;
                tally.add(&key, "4.4.1");
                if g < policy.maternal.birth_weight_grams.low_below {
                    tally.add(&key, "4.4.2");
                }
                if w.below_hmis_line {
                    tally.add(&key, "4.4.2.a");
                }
            }
        } else {
            let (Some(ga), Some(timing)) = (b.gestation, b.death_timing) else {
                return Err(RaktError::input(
                    field("gestation"),
                    "a baby born dead needs its gestation and death timing to be counted",
                ));
            };
            match classify_fetal_death(ga, timing, policy) {
                FetalDeathClass::FreshStillbirth => tally.add(&key, "4.1.3.a"),
                FetalDeathClass::MaceratedStillbirth => tally.add(&key, "4.1.3.b"),
                FetalDeathClass::FoetalDeath => tally.add(&key, "4.1.3.c"),
                FetalDeathClass::NotCounted => {}
            }
        }
    }
    Ok(())
}

/// Who a contact belongs to: the mother's id, or the contact itself when it has none.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Mother {
    Id(String),
    Row(usize),
}

fn count_anc(tally: &mut Tally, contacts: &[AncContact], policy: &Policy) -> Result<()> {
    let mut order: Vec<(usize, &AncContact)> = contacts.iter().enumerate().collect();
    order.sort_by_key(|(i, c)| (c.date, *i));
    let mut new_seen: BTreeSet<(Mother, &'static str)> = BTreeSet::new();
    let mut month_seen: BTreeSet<(Key, Mother, &'static str)> = BTreeSet::new();
    for (i, c) in order {
        let field = format!("anc[{i}]");
        let key = facility_key(
            &c.facility,
            &format!("{field}.facility"),
            c.date.year(),
            c.date.month(),
        )?;
        let a = assess_pregnancy(&c.record, c.date, policy)
            .map_err(|e| within(&format!("{field}.record"), e))?;
        tally.items(&key);
        let mother = match &c.record.id {
            Some(id) => Mother::Id(id.clone()),
            None => Mother::Row(i),
        };
        if c.registration {
            tally.add(&key, "1.1");
            if let Some(age) = c.record.age_years {
                tally.add(&key, &format!("1.1.{}", age_bin(age)));
            }
            if a.gestational_age
                .is_some_and(|ga| ga.weeks <= FIRST_TRIMESTER_WEEKS)
            {
                tally.add(&key, "1.1.1");
            }
        }
        use HypertensionClass as H;
        let mut new_items: Vec<&'static str> = Vec::new();
        if let Some(h) = a.hypertension {
            if !matches!(h, H::Normal | H::RaisedUnconfirmed) {
                new_items.push("1.3.1");
            }
            if matches!(h, H::PreEclampsia | H::SeverePreEclampsia | H::Eclampsia) {
                new_items.push("1.3.3");
            }
        }
        if a.risk_level != RiskLevel::Low {
            new_items.push("1.9.2");
        }
        for item in new_items {
            if new_seen.insert((mother.clone(), item)) {
                tally.add(&key, item);
            }
        }
        let mut month_items: Vec<&'static str> = Vec::new();
        match a.anaemia {
            Some(AnaemiaGrade::Mild | AnaemiaGrade::Moderate) => {
                month_items.extend(["1.4.2", "1.4.3"])
            }
            Some(AnaemiaGrade::Severe) => month_items.extend(["1.4.2", "1.4.4"]),
            // Without the India grading (`uk`, `us` profiles) an anaemic Hb is not sorted into
            // 1.4.3 or 1.4.4: only the test is counted.
            Some(AnaemiaGrade::None | AnaemiaGrade::Ungraded) => month_items.push("1.4.2"),
            None => {}
        }
        match a.gdm {
            Some(true) => month_items.extend(["1.5.1", "1.5.2"]),
            Some(false) => month_items.push("1.5.1"),
            None => {}
        }
        if matches!(
            c.record.thyroid,
            Some(ThyroidStatus::Hypothyroid | ThyroidStatus::Hyperthyroid)
        ) {
            month_items.push("1.7.1");
        }
        match c.record.hbsag {
            Some(SerologyResult::Positive) => month_items.extend(["14.20.3.a", "14.20.3.b"]),
            Some(_) => month_items.push("14.20.3.a"),
            None => {}
        }
        for item in month_items {
            if month_seen.insert((key.clone(), mother.clone(), item)) {
                tally.add(&key, item);
            }
        }
    }
    Ok(())
}

fn count_maternal_death(
    tally: &mut Tally,
    field: &str,
    d: &MaternalDeathRecord,
    policy: &Policy,
) -> Result<()> {
    let key = at_key(
        &d.facility,
        &format!("{field}.facility"),
        &d.died_at,
        policy,
    )?;
    tally.add(
        &key,
        match d.cause {
            MaternalDeathCause::Aph => "16.5.1",
            MaternalDeathCause::Pph => "16.5.2",
            MaternalDeathCause::Infection => "16.5.3",
            MaternalDeathCause::Abortion => "16.5.4",
            MaternalDeathCause::ObstructedLabour => "16.5.5",
            MaternalDeathCause::Hypertension => "16.5.6",
            MaternalDeathCause::Other => "16.5.7",
        },
    );
    tally.add(&key, "16.5.8");
    if let Some(age) = d.age_years {
        tally.add(&key, &format!("16.5.8.{}", age_bin(age)));
    }
    Ok(())
}

fn count_newborn_death(
    tally: &mut Tally,
    field: &str,
    d: &NewbornDeathRecord,
    policy: &Policy,
) -> Result<()> {
    let key = at_key(
        &d.facility,
        &format!("{field}.facility"),
        &d.died_at,
        policy,
    )?;
    let age = newborn_death(d.born_at, d.died_at, policy).map_err(|e| match e {
        RaktError::InvalidInput { reason, .. } => {
            RaktError::input(format!("{field}.died_at"), reason)
        }
        other => within(field, other),
    })?;
    let item = match age.hmis_bin {
        Some(NewbornDeathBin::Within24Hours) => "16.1.1",
        Some(NewbornDeathBin::Days1To7) => "16.1.2",
        Some(NewbornDeathBin::Days8To28) => "16.1.3",
        Some(NewbornDeathBin::Infant) => "16.1.4",
        None => {
            return Err(RaktError::input(
                format!("{field}.died_at"),
                format!(
                    "the baby was {} days old: a death at 12 months or older is not a newborn or infant death",
                    age.completed_days
                ),
            ));
        }
    };
    let place = match d.place {
        DeathPlace::Facility => "a",
        DeathPlace::Community => "b",
    };
    tally.add(&key, &format!("{item}.{place}"));
    if age.hmis_bin != Some(NewbornDeathBin::Infant) {
        if let Some(cause) = d.cause {
            tally.add(
                &key,
                match cause {
                    NewbornDeathCause::Sepsis => "16.2.1",
                    NewbornDeathCause::Asphyxia => "16.2.2",
                    NewbornDeathCause::Prematurity => "16.2.3",
                    NewbornDeathCause::Other => "16.2.4",
                },
            );
        }
    }
    Ok(())
}

fn finish(tally: Tally) -> Vec<MonthlyReport> {
    tally
        .0
        .into_iter()
        .map(|((facility, year, month), items)| MonthlyReport {
            facility,
            year,
            month,
            format: FORMAT_NEWEST.to_string(),
            findings: validate(&items),
            items,
            source: SOURCE.to_string(),
        })
        .collect()
}

/// The monthly reports of every facility and month the records touch, in facility then month
/// order, every item present (zeros included). A record that cannot be counted (no facility, a
/// live birth with a death timing, an ANC record the pregnancy assessment refuses, a death
/// before the birth) refuses the whole call, naming it by list and index (`anc[3].record.bp`):
/// a report is never built from part of the records.
///
/// ```
/// use rakt::hmis::{HmisRecords, MaternalDeathCause, MaternalDeathRecord, reports};
/// let death = MaternalDeathRecord {
///     facility: "DH-1".into(),
///     died_at: rakt::parse_timestamp("2026-11-30T23:50:00+05:30")?,
///     age_years: Some(19),
///     cause: MaternalDeathCause::Pph,
/// };
/// let records = HmisRecords { maternal_deaths: vec![death], ..HmisRecords::default() };
/// let r = &reports(&records, &rakt::Policy::india())?[0];
/// assert_eq!((r.month, r.item("16.5.2"), r.item("16.5.8"), r.item("16.5.8.b")), (11, 1, 1, 1));
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn reports(records: &HmisRecords, policy: &Policy) -> Result<Vec<MonthlyReport>> {
    let mut tally = Tally::default();
    for (i, r) in records.deliveries.iter().enumerate() {
        count_delivery(&mut tally, &format!("deliveries[{i}]"), r, policy)?;
    }
    count_anc(&mut tally, &records.anc, policy)?;
    for (i, d) in records.maternal_deaths.iter().enumerate() {
        count_maternal_death(&mut tally, &format!("maternal_deaths[{i}]"), d, policy)?;
    }
    for (i, d) in records.newborn_deaths.iter().enumerate() {
        count_newborn_death(&mut tally, &format!("newborn_deaths[{i}]"), d, policy)?;
    }
    Ok(finish(tally))
}

/// The monthly reports counted from delivery records alone (the delivery, birth and
/// intrapartum items); the same counting as [`reports`], with records named `records[i]`.
/// Births are checked: a live birth has no death timing, a baby born dead needs its gestation
/// and death timing.
///
/// ```
/// use rakt::hmis::{BirthRecord, DeliveryRecord, monthly_reports};
/// use rakt::maternal::DeliveryMode;
/// let d = DeliveryRecord {
///     facility: "CHC-1".into(),
///     delivered_at: rakt::parse_timestamp("2026-11-03T02:10:00+05:30")?,
///     mode: DeliveryMode::Caesarean,
///     institutional: true,
///     births: vec![BirthRecord { live: true, sex: Some(rakt::Sex::Female), weight_grams: Some(2400), ..BirthRecord::default() }],
///     complications: vec![],
/// };
/// let r = &monthly_reports(&[d], &rakt::Policy::india())?[0];
/// assert_eq!((r.item("2.2"), r.item("3.1"), r.item("4.1.1.b"), r.item("4.4.2")), (1, 1, 1, 1));
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn monthly_reports(records: &[DeliveryRecord], policy: &Policy) -> Result<Vec<MonthlyReport>> {
    let mut tally = Tally::default();
    for (i, r) in records.iter().enumerate() {
        count_delivery(&mut tally, &format!("records[{i}]"), r, policy)?;
    }
    Ok(finish(tally))
}
