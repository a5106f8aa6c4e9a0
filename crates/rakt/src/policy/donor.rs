//! Policy parameters for donor selection, TTI screening and the unit lifecycle.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ShelfLife;
use crate::error::{RaktError, Result};
use crate::vocab::donor::{Condition, DeferralKind, DonorState};
use crate::vocab::screening::TtiMarker;

/// A length of time: days, calendar months or hours (the same type as a shelf life).
pub type Period = ShelfLife;

/// Limits on a measurement, with explicit boundary semantics: `min` (≥) or `above` (>) for the
/// lower bound, `max` (≤) or `below` (<) for the upper bound.
///
/// In policy files: `{ min = "12.5" }`, `{ above = 55 }`, `{ min = 100, max = 140 }`.
///
/// ```
/// use rust_decimal::Decimal;
/// let l = rakt::Limits::at_least(Decimal::new(125, 1));
/// assert!(l.accepts(Decimal::new(125, 1)));
/// assert!(!l.accepts(Decimal::new(124, 1)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Lowest accepted value, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    /// Values must be strictly above this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above: Option<Decimal>,
    /// Highest accepted value, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
    /// Values must be strictly below this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<Decimal>,
}

impl Limits {
    /// `≥ value`.
    pub fn at_least(value: Decimal) -> Limits {
        Limits {
            min: Some(value),
            ..Limits::default()
        }
    }

    /// `> value`.
    pub fn above(value: Decimal) -> Limits {
        Limits {
            above: Some(value),
            ..Limits::default()
        }
    }

    /// `≤ value`.
    pub fn at_most(value: Decimal) -> Limits {
        Limits {
            max: Some(value),
            ..Limits::default()
        }
    }

    /// `min ≤ value ≤ max`.
    pub fn between(min: Decimal, max: Decimal) -> Limits {
        Limits {
            min: Some(min),
            max: Some(max),
            ..Limits::default()
        }
    }

    /// Whether a value is within the limits.
    #[inline]
    pub fn accepts(&self, value: Decimal) -> bool {
        use crate::decimal::{ge, gt, le, lt};
        self.min.is_none_or(|m| ge(value, m))
            && self.above.is_none_or(|m| gt(value, m))
            && self.max.is_none_or(|m| le(value, m))
            && self.below.is_none_or(|m| lt(value, m))
    }

    /// [`Limits::accepts`] with the value already in its small form, for a value checked
    /// against a list of ranges (unpacked once for all of them). The same answer.
    #[inline]
    pub(crate) fn accepts_small(
        &self,
        value: Decimal,
        small: Option<crate::decimal::Small>,
    ) -> bool {
        use std::cmp::Ordering::{Greater, Less};
        let order = |bound: Decimal| crate::decimal::cmp_with(value, small, bound);
        self.min.is_none_or(|m| order(m) != Less)
            && self.above.is_none_or(|m| order(m) == Greater)
            && self.max.is_none_or(|m| order(m) != Greater)
            && self.below.is_none_or(|m| order(m) == Less)
    }

    /// Whether a value fails on the low side (else, if refused, on the high side).
    #[inline]
    pub fn too_low(&self, value: Decimal) -> bool {
        use crate::decimal::{le, lt};
        self.min.is_some_and(|m| lt(value, m)) || self.above.is_some_and(|m| le(value, m))
    }

    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        if self.min.is_some() && self.above.is_some() {
            return Err(RaktError::policy(path, "give min or above, not both"));
        }
        if self.max.is_some() && self.below.is_some() {
            return Err(RaktError::policy(path, "give max or below, not both"));
        }
        let low = self.min.or(self.above);
        let high = self.max.or(self.below);
        match (low, high) {
            (None, None) => Err(RaktError::policy(
                path,
                "give at least one of min, above, max, below",
            )),
            (Some(lo), Some(hi)) if lo > hi => Err(RaktError::policy(
                path,
                format!("the lower limit ({lo}) must not exceed the upper limit ({hi})"),
            )),
            _ => Ok(()),
        }
    }
}

impl fmt::Display for Limits {
    /// `≥ 12.5`, `> 55`, `100–140`, `≤ 37.5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let low = self.min.map(|m| ("≥", m)).or(self.above.map(|m| (">", m)));
        let high = self.max.map(|m| ("≤", m)).or(self.below.map(|m| ("<", m)));
        match (low, high) {
            (Some(("≥", lo)), Some(("≤", hi))) => write!(f, "{lo}–{hi}"),
            (Some((a, lo)), Some((b, hi))) => write!(f, "{a} {lo} and {b} {hi}"),
            (Some((a, lo)), None) => write!(f, "{a} {lo}"),
            (None, Some((b, hi))) => write!(f, "{b} {hi}"),
            (None, None) => f.write_str("any"),
        }
    }
}

/// How long an event defers a donor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeferralRule {
    /// No deferral (`"none"`).
    None,
    /// Deferred for a period after the event's date.
    For(Period),
    /// Deferred permanently (`"permanent"`).
    Permanent,
}

impl Serialize for DeferralRule {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            DeferralRule::None => s.serialize_str("none"),
            DeferralRule::Permanent => s.serialize_str("permanent"),
            DeferralRule::For(period) => period.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for DeferralRule {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DeferralRule;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("\"none\", \"permanent\" or a period such as { months = 6 }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<DeferralRule, E> {
                match v {
                    "none" => Ok(DeferralRule::None),
                    "permanent" => Ok(DeferralRule::Permanent),
                    other => Err(E::custom(format!(
                        "{other:?} is not a deferral: use \"none\", \"permanent\" or a period such as {{ months = 6 }}"
                    ))),
                }
            }
            fn visit_map<A: de::MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<DeferralRule, A::Error> {
                let period = Period::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(DeferralRule::For(period))
            }
        }
        d.deserialize_any(V)
    }
}

/// Age limits in completed years, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AgePolicy {
    /// Youngest age for any donation.
    pub min: u32,
    /// Oldest age for a repeat donor; none if there is no upper limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_repeat: Option<u32>,
    /// Oldest age for a first-time donor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_first_time: Option<u32>,
    /// Youngest age for apheresis (defaults to `min`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_apheresis: Option<u32>,
    /// Oldest age for apheresis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_apheresis: Option<u32>,
}

/// Body weight limits (kg) per kind of donation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[allow(missing_docs)] // fields are named after DonationKind / families
pub struct WeightPolicy {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole_blood_350: Option<Limits>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole_blood_450: Option<Limits>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apheresis: Option<Limits>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub double_red_cells: Option<Limits>,
}

/// Haemoglobin limits (g/dL) by sex, and for double red cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct HbPolicy {
    /// Women.
    pub female: Limits,
    /// Men.
    pub male: Limits,
    /// Double red-cell donation (both sexes), when it has its own limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub double_red_cells: Option<Limits>,
}

/// Minimum intervals between donations (the next donation is allowed on the day the interval
/// ends: donation date + period).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct IntervalPolicy {
    /// Whole blood after whole blood, women.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole_blood_female: Option<Period>,
    /// Whole blood after whole blood, men.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole_blood_male: Option<Period>,
    /// Apheresis after apheresis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apheresis: Option<Period>,
    /// Apheresis after whole blood.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole_blood_to_apheresis: Option<Period>,
    /// Whole blood after apheresis whose red cells were returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apheresis_to_whole_blood: Option<Period>,
    /// Whole blood after apheresis whose red cells were not returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apheresis_to_whole_blood_without_reinfusion: Option<Period>,
    /// Double red cells after any red-cell donation, and any red-cell donation after double red
    /// cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub double_red_cells: Option<Period>,
}

/// Donor selection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DonorPolicy {
    /// Age limits.
    pub age: AgePolicy,
    /// Weight per kind of donation.
    pub weight_kg: WeightPolicy,
    /// Haemoglobin.
    pub hb_g_dl: HbPolicy,
    /// Systolic blood pressure (mmHg).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub systolic_mmhg: Option<Limits>,
    /// Diastolic blood pressure (mmHg).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diastolic_mmhg: Option<Limits>,
    /// Pulse (beats per minute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pulse_bpm: Option<Limits>,
    /// Body temperature (°C).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature_c: Option<Limits>,
    /// Intervals between donations.
    pub intervals: IntervalPolicy,
    /// At most this many apheresis donations in any 7 days (including this one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apheresis_max_per_week: Option<u32>,
    /// At most this many apheresis donations in any 365 days (including this one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apheresis_max_per_year: Option<u32>,
    /// At most this many whole-blood donations by a woman in any 365 days (including this one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole_blood_max_per_year_female: Option<u32>,
    /// At most this many whole-blood donations by a man in any 365 days (including this one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole_blood_max_per_year_male: Option<u32>,
    /// How long each kind of dated event defers. An event kind not listed here is referred to
    /// the medical officer.
    #[serde(default)]
    pub deferrals: BTreeMap<DeferralKind, DeferralRule>,
    /// Events that defer only donations whose platelets will be used (aspirin before
    /// platelet donation): they defer plateletpheresis; a whole-blood donation is accepted
    /// with a caution that no platelets may be prepared from it; plasmapheresis and double
    /// red cells are not affected. An event listed here and not in `deferrals` is not
    /// referred to the medical officer for those other kinds.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub platelet_deferrals: BTreeMap<DeferralKind, DeferralRule>,
    /// States that defer while they last (pregnant, breast-feeding, menstruating).
    #[serde(default)]
    pub defer_while: Vec<DonorState>,
    /// Conditions that defer permanently. A condition not listed is referred to the medical
    /// officer.
    #[serde(default)]
    pub permanent_conditions: Vec<Condition>,
    /// After a failed check on the day (weight, Hb, blood pressure, ...) or a deferring state,
    /// the donor may be checked again this long after.
    pub recheck_after: Period,
}

/// TTI screening and release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ScreeningPolicy {
    /// Markers every donation must test non-reactive for before release.
    pub mandatory_markers: Vec<TtiMarker>,
    /// Markers tested on a donor's first donation only.
    #[serde(default)]
    pub first_donation_markers: Vec<TtiMarker>,
    /// How a repeat-reactive or indeterminate result defers the donor, per marker. A marker not
    /// listed is referred to the medical officer.
    #[serde(default)]
    pub reactive_deferral: BTreeMap<TtiMarker, DeferralRule>,
}

/// The unit lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UnitPolicy {
    /// A unit returned within this many minutes out of controlled storage goes back to stock
    /// (inclusive); later, it is discarded.
    pub return_window_minutes: u32,
}

pub(super) fn validate_donor(d: &DonorPolicy, s: &ScreeningPolicy) -> Result<()> {
    let a = &d.age;
    for (field, value) in [
        ("min", Some(a.min)),
        ("max_repeat", a.max_repeat),
        ("max_first_time", a.max_first_time),
        ("min_apheresis", a.min_apheresis),
        ("max_apheresis", a.max_apheresis),
    ] {
        if value.is_some_and(|v| v > 130) {
            return Err(RaktError::policy(
                format!("donor.age.{field}"),
                "is not a plausible age",
            ));
        }
    }
    for (field, max) in [
        ("max_repeat", a.max_repeat),
        ("max_first_time", a.max_first_time),
    ] {
        if max.is_some_and(|m| m < a.min) {
            return Err(RaktError::policy(
                format!("donor.age.{field}"),
                format!("must not be below donor.age.min ({})", a.min),
            ));
        }
    }
    if let (Some(lo), Some(hi)) = (a.min_apheresis, a.max_apheresis) {
        if lo > hi {
            return Err(RaktError::policy(
                "donor.age.min_apheresis",
                format!("must not exceed donor.age.max_apheresis ({hi})"),
            ));
        }
    }
    let w = &d.weight_kg;
    for (field, limits) in [
        ("whole_blood_350", w.whole_blood_350),
        ("whole_blood_450", w.whole_blood_450),
        ("apheresis", w.apheresis),
        ("double_red_cells", w.double_red_cells),
    ] {
        if let Some(l) = limits {
            l.validate(&format!("donor.weight_kg.{field}"))?;
        }
    }
    d.hb_g_dl.female.validate("donor.hb_g_dl.female")?;
    d.hb_g_dl.male.validate("donor.hb_g_dl.male")?;
    if let Some(l) = d.hb_g_dl.double_red_cells {
        l.validate("donor.hb_g_dl.double_red_cells")?;
    }
    for (field, limits) in [
        ("systolic_mmhg", d.systolic_mmhg),
        ("diastolic_mmhg", d.diastolic_mmhg),
        ("pulse_bpm", d.pulse_bpm),
        ("temperature_c", d.temperature_c),
    ] {
        if let Some(l) = limits {
            l.validate(&format!("donor.{field}"))?;
        }
    }
    for (field, max) in [
        ("apheresis_max_per_week", d.apheresis_max_per_week),
        ("apheresis_max_per_year", d.apheresis_max_per_year),
        (
            "whole_blood_max_per_year_female",
            d.whole_blood_max_per_year_female,
        ),
        (
            "whole_blood_max_per_year_male",
            d.whole_blood_max_per_year_male,
        ),
    ] {
        if max == Some(0) {
            return Err(RaktError::policy(format!("donor.{field}"), "must be > 0"));
        }
    }
    for (field, rules) in [
        ("deferrals", &d.deferrals),
        ("platelet_deferrals", &d.platelet_deferrals),
    ] {
        if rules.contains_key(&DeferralKind::TtiReactive) {
            return Err(RaktError::policy(
                format!("donor.{field}.tti_reactive"),
                "a reactive screening result is deferred per marker: use screening.reactive_deferral",
            ));
        }
    }
    for (kind, rule) in &d.platelet_deferrals {
        if *rule == DeferralRule::Permanent {
            return Err(RaktError::policy(
                format!("donor.platelet_deferrals.{kind}"),
                "must be a period or \"none\": a permanent deferral belongs in donor.deferrals",
            ));
        }
    }
    if s.mandatory_markers.is_empty() {
        return Err(RaktError::policy(
            "screening.mandatory_markers",
            "must list at least one marker",
        ));
    }
    for (field, list) in [
        ("mandatory_markers", &s.mandatory_markers),
        ("first_donation_markers", &s.first_donation_markers),
    ] {
        let mut seen = std::collections::BTreeSet::new();
        for m in list {
            if !seen.insert(m) {
                return Err(RaktError::policy(
                    format!("screening.{field}"),
                    format!("marker {m} is listed twice"),
                ));
            }
        }
    }
    Ok(())
}
