//! The HMIS monthly facility report (`research/maternal.md` §7), first slice: the delivery and
//! birth items, counted per facility and month from delivery records, keyed by item number and
//! format version, with the cross-item validation rules of §7.3 as findings (never silent fixes).
//!
//! Items of this slice (newest facility format, `hmis-facility-newest`):
//!
//! | Item | Counted |
//! |---|---|
//! | 2.2 | institutional deliveries (C-sections included) |
//! | 3.1 | C-section deliveries (institutional) |
//! | 4.1.1.a / 4.1.1.b | live births, male / female |
//! | 4.1.2 | pre-term live newborns (below the policy's early-term week, 37) |
//! | 4.1.3.a / 4.1.3.b / 4.1.3.c | fresh stillbirths, macerated stillbirths (28 weeks and above), foetal deaths (24–27 weeks) |
//! | 4.4.1 / 4.4.2 / 4.4.2.a | live newborns weighed at birth / under 2500 g / of which under 1800 g |
//! | 1.9.1, 1.9.1.a–e | intrapartum high-risk: total; only PPH; only sepsis; only eclampsia; only obstructed labour; more than one |
//!
//! ANC, hypertension, anaemia, GDM and maternal-death items follow in later slices (issue 7).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::compatibility::Sex;
use crate::error::{RaktError, Result};
use crate::macros::coded_enum;
use crate::maternal::{
    DeliveryMode, FetalDeathClass, FetalDeathTiming, GestationalAge, birth_weight,
    classify_fetal_death,
};
use crate::policy::Policy;

/// The format version this slice counts for.
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
    /// Count by item number (every item of the slice, zeros included).
    pub items: BTreeMap<String, u64>,
    /// Violated validation rules.
    pub findings: Vec<Finding>,
    /// Where the items and rules come from.
    pub source: String,
}

impl MonthlyReport {
    /// The count of an item (0 for an item this slice does not count).
    pub fn item(&self, number: &str) -> u64 {
        self.items.get(number).copied().unwrap_or(0)
    }
}

/// The item numbers of this slice, in form order.
pub const ITEMS: &[&str] = &[
    "1.9.1", "1.9.1.a", "1.9.1.b", "1.9.1.c", "1.9.1.d", "1.9.1.e", "2.2", "3.1", "4.1.1.a",
    "4.1.1.b", "4.1.2", "4.1.3.a", "4.1.3.b", "4.1.3.c", "4.4.1", "4.4.2", "4.4.2.a",
];

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
    out
}

/// The monthly reports of every facility and month the records touch, in facility then month
/// order. Births are checked: a live birth has no death timing, a stillbirth has no sex count.
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
    let mut months: BTreeMap<(String, i32, u32), BTreeMap<String, u64>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        if r.facility.trim().is_empty() {
            return Err(RaktError::input(
                format!("records[{i}].facility"),
                "name the facility",
            ));
        }
        let local = r.delivered_at.with_timezone(&policy.offset());
        let items = months
            .entry((r.facility.clone(), local.year(), local.month()))
            .or_insert_with(|| ITEMS.iter().map(|k| (k.to_string(), 0)).collect());
        let mut add = |k: &str| {
            if let Some(v) = items.get_mut(k) {
                *v += 1;
            }
        };
        if r.institutional {
            add("2.2");
            if r.mode == DeliveryMode::Caesarean {
                add("3.1");
            }
        }
        let distinct: BTreeSet<IntrapartumComplication> = r.complications.iter().copied().collect();
        match distinct.len() {
            0 => {}
            1 => {
                add("1.9.1");
                if let Some(c) = distinct.first() {
                    add(match c {
                        IntrapartumComplication::Pph => "1.9.1.a",
                        IntrapartumComplication::Sepsis => "1.9.1.b",
                        IntrapartumComplication::Eclampsia => "1.9.1.c",
                        IntrapartumComplication::ObstructedLabour => "1.9.1.d",
                    });
                }
            }
            _ => {
                add("1.9.1");
                add("1.9.1.e");
            }
        }
        for (j, b) in r.births.iter().enumerate() {
            let field = |name: &str| format!("records[{i}].births[{j}].{name}");
            if b.live {
                if b.death_timing.is_some() {
                    return Err(RaktError::input(
                        field("death_timing"),
                        "a live birth has no death timing",
                    ));
                }
                match b.sex {
                    Some(Sex::Male) => add("4.1.1.a"),
                    Some(Sex::Female) => add("4.1.1.b"),
                    _ => {}
                }
                if let Some(ga) = b.gestation {
                    if ga.weeks < policy.maternal.gestation_weeks.early_term_from {
                        add("4.1.2");
                    }
                }
                if let Some(g) = b.weight_grams {
                    let w = birth_weight(g, policy)
                        .map_err(|e| RaktError::input(field("weight_grams"), e.to_string()))?;
                    add("4.4.1");
                    if g < policy.maternal.birth_weight_grams.low_below {
                        add("4.4.2");
                    }
                    if w.below_hmis_line {
                        add("4.4.2.a");
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
                    FetalDeathClass::FreshStillbirth => add("4.1.3.a"),
                    FetalDeathClass::MaceratedStillbirth => add("4.1.3.b"),
                    FetalDeathClass::FoetalDeath => add("4.1.3.c"),
                    FetalDeathClass::NotCounted => {}
                }
            }
        }
    }
    Ok(months
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
        .collect())
}
