//! Rule parameters with their sources: the `india`, `us` and `uk` profiles and policy files.
//!
//! Every clinical number rakt uses lives in a [`Policy`], never in the middle of code, and every
//! parameter carries a [`Source`]: the document it comes from and a [`Confidence`]. Where
//! sources disagree the profile records its choice and the alternatives; where no source gives
//! a value the built-in profile either borrows the best available one, marked
//! [`Confidence::Unverified`], or leaves it out — then a call that needs it fails with
//! [`RaktError::PolicyValueMissing`](crate::RaktError) instead of guessing.
//!
//! Policies are plain data: export one with [`Policy::to_json`] / [`Policy::to_toml`], and load
//! your own with [`Policy::from_json`] / [`Policy::from_toml`]. A file names a built-in base with
//! `extends = "india"` and overrides only what it changes:
//!
//! ```
//! use rakt::Policy;
//! let policy = Policy::from_toml(r#"
//!     name = "aiims-delhi"
//!     extends = "india"
//!     [shelf_life.platelets_random_donor]
//!     days = 5
//! "#)?;
//! let days = policy.shelf_life.platelets_random_donor.ok_or("no platelet shelf life")?;
//! assert_eq!(days.to_string(), "5 days");
//! // An overridden value without its own source is marked as a local choice.
//! let src = policy.source("shelf_life.platelets_random_donor").ok_or("no source")?;
//! assert_eq!(src.confidence, rakt::Confidence::Local);
//!
//! let err = Policy::from_toml(r#"
//!     name = "typo"
//!     extends = "india"
//!     [shelf_life.platelets_random_donor]
//!     days = 0
//! "#).unwrap_err();
//! assert_eq!(err.to_string(), "invalid policy: shelf_life.platelets_random_donor.days: must be > 0");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod citation;
mod donor;
mod donor_india;
mod donor_profiles;
mod early_warning;
mod hrp;
mod inventory;
mod kpi;
mod load;
mod maternal;
mod profiles;

pub use citation::Citation;
pub use donor::{
    AgePolicy, DeferralRule, DonorPolicy, HbPolicy, IntervalPolicy, Limits, Period,
    ScreeningPolicy, UnitPolicy, WeightPolicy,
};
pub use early_warning::{
    Avpu, ChartBands, ChartTrigger, EarlyWarningPolicy, PphPolicy, RedFlagPolicy, ScoreBand,
    ScorePolicy, SignBands, WarningMode,
};
pub use hrp::{
    AnaemiaBands, BirthCount, BloodAction, BloodPlanPolicy, HrpPolicy, HypertensionPolicy,
    MultiparityRule, ReferralPolicy, ReferralRule, TrimesterWeeks, Urgency,
};
pub use inventory::{InventoryPolicy, ScarceUse, StockLevel};
pub use kpi::KpiPolicy;
pub use maternal::{BirthWeightGrams, GestationWeeks, MaternalPolicy, StillbirthWeeks};

use std::collections::BTreeMap;
use std::fmt;

use chrono::{FixedOffset, NaiveTime};
use rust_decimal::Decimal;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::blood_group::{Abo, RhD};
use crate::component::{Component, ShelfLifeKey, Storage};
use crate::error::{RaktError, Result};

/// How sure we are of a parameter's source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Primary or official text, or verified by computation.
    High,
    /// A faithful secondary reproduction, or two independent secondary sources agree.
    Medium,
    /// A single secondary source, or an inference.
    Low,
    /// No source gives this value for this jurisdiction; borrowed from the cited source.
    Unverified,
    /// Set by a local policy file without a source of its own.
    Local,
}

impl Confidence {
    /// `high`, `medium`, `low`, `unverified` or `local`.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
            Confidence::Unverified => "unverified",
            Confidence::Local => "local",
        }
    }
}

/// A value other sources give for the same parameter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    /// The other value, as text (e.g. `35 days`).
    pub value: String,
    /// Where it comes from.
    pub citation: String,
}

/// Where a parameter's value comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Document, section and version, shared with every verdict that cites it.
    pub citation: Citation,
    /// How sure we are.
    pub confidence: Confidence,
    /// Why this value was chosen, when a choice was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What other sources say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Alternative>,
}

impl Source {
    /// A source with no note and no alternatives.
    pub fn new(citation: impl Into<Citation>, confidence: Confidence) -> Source {
        Source {
            citation: citation.into(),
            confidence,
            note: None,
            alternatives: Vec::new(),
        }
    }

    /// Add a note on why this value was chosen.
    pub fn note(mut self, note: &str) -> Source {
        self.note = Some(note.to_string());
        self
    }

    /// Add a value another source gives.
    pub fn alt(mut self, value: &str, citation: &str) -> Source {
        self.alternatives.push(Alternative {
            value: value.to_string(),
            citation: citation.to_string(),
        });
        self
    }
}

/// A storage life: whole days counted from the day of the event (day 0) and ending at the
/// policy's expiry time of day, whole calendar months the same way, or exact hours from the
/// event.
///
/// In policy files: `{ days = 42 }`, `{ months = 12 }` or `{ hours = 24 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShelfLife {
    /// Days, day 0 being the day of the event; expires at the policy's time of day.
    Days(u32),
    /// Calendar months from the day of the event; expires at the policy's time of day.
    Months(u32),
    /// Exact hours from the event.
    Hours(u32),
}

impl fmt::Display for ShelfLife {
    /// `42 days`, `1 hour`, `12 months`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (n, one, many) = match *self {
            ShelfLife::Days(n) => (n, "day", "days"),
            ShelfLife::Months(n) => (n, "month", "months"),
            ShelfLife::Hours(n) => (n, "hour", "hours"),
        };
        write!(f, "{n} {}", if n == 1 { one } else { many })
    }
}

/// A whole number that must be > 0, with the error message the policy validation promises.
#[derive(Debug, Clone, Copy)]
struct Positive(u32);

impl<'de> Deserialize<'de> for Positive {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let n = i64::deserialize(d)?;
        if n <= 0 {
            return Err(de::Error::custom("must be > 0"));
        }
        u32::try_from(n)
            .map(Positive)
            .map_err(|_| de::Error::custom(format!("{n} is too large")))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShelfLifeRepr {
    days: Option<Positive>,
    months: Option<Positive>,
    hours: Option<Positive>,
}

const SHELF_LIFE_SHAPE: &str = "give exactly one of days, months or hours, e.g. { days = 42 }";

impl ShelfLifeRepr {
    fn into_shelf_life<E: de::Error>(self) -> std::result::Result<ShelfLife, E> {
        match (self.days, self.months, self.hours) {
            (Some(Positive(n)), None, None) => Ok(ShelfLife::Days(n)),
            (None, Some(Positive(n)), None) => Ok(ShelfLife::Months(n)),
            (None, None, Some(Positive(n))) => Ok(ShelfLife::Hours(n)),
            _ => Err(E::custom(SHELF_LIFE_SHAPE)),
        }
    }
}

impl<'de> Deserialize<'de> for ShelfLife {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        ShelfLifeRepr::deserialize(d)?.into_shelf_life()
    }
}

impl Serialize for ShelfLife {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(1))?;
        match *self {
            ShelfLife::Days(n) => m.serialize_entry("days", &n)?,
            ShelfLife::Months(n) => m.serialize_entry("months", &n)?,
            ShelfLife::Hours(n) => m.serialize_entry("hours", &n)?,
        }
        m.end()
    }
}

/// What a modification does to the expiry of a component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RedateRule {
    /// The expiry does not change (`"unchanged"` in policy files).
    Unchanged,
    /// New expiry = min(current expiry, time of the modification + this life).
    Limit(ShelfLife),
}

impl Serialize for RedateRule {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            RedateRule::Unchanged => s.serialize_str("unchanged"),
            RedateRule::Limit(life) => life.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for RedateRule {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RedateRule;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("\"unchanged\" or a shelf life such as { hours = 24 }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<RedateRule, E> {
                if v == "unchanged" {
                    Ok(RedateRule::Unchanged)
                } else {
                    Err(E::custom(format!(
                        "{v:?} is not a re-dating rule: use \"unchanged\" or a shelf life such as {{ hours = 24 }}"
                    )))
                }
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<RedateRule, A::Error> {
                let repr = ShelfLifeRepr::deserialize(de::value::MapAccessDeserializer::new(map))?;
                repr.into_shelf_life().map(RedateRule::Limit)
            }
        }
        d.deserialize_any(V)
    }
}

/// A temperature range in °C; either bound may be open (frozen storage has only a maximum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemperatureRange {
    /// Lowest allowed temperature, °C.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_celsius: Option<Decimal>,
    /// Highest allowed temperature, °C.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_celsius: Option<Decimal>,
}

impl TemperatureRange {
    /// A range from `min_celsius` to `max_celsius`, either of which may be open; refused with
    /// [`crate::RaktError::InvalidInput`] when both are open or the minimum exceeds the maximum
    /// (a policy file with such a range is refused the same way, as `InvalidPolicy`).
    ///
    /// ```
    /// use rakt::TemperatureRange;
    /// use rust_decimal::Decimal;
    /// let fridge = TemperatureRange::new(Some(Decimal::from(2)), Some(Decimal::from(6)))?;
    /// assert!(fridge.contains(Decimal::from(6)));
    /// let err = TemperatureRange::new(Some(Decimal::from(10)), Some(Decimal::from(2))).unwrap_err();
    /// assert_eq!(err.to_string(), "invalid input: min_celsius: 10 must not exceed max_celsius (2)");
    /// # Ok::<(), rakt::RaktError>(())
    /// ```
    pub fn new(
        min_celsius: Option<Decimal>,
        max_celsius: Option<Decimal>,
    ) -> crate::error::Result<TemperatureRange> {
        let range = TemperatureRange {
            min_celsius,
            max_celsius,
        };
        match range.problem() {
            Some((field, reason)) => Err(crate::error::RaktError::input(field, reason)),
            None => Ok(range),
        }
    }

    /// What is wrong with the range, naming the bound: the one definition of a valid range.
    pub(crate) fn problem(&self) -> Option<(&'static str, String)> {
        match (self.min_celsius, self.max_celsius) {
            (None, None) => Some((
                "min_celsius",
                "give min_celsius, max_celsius or both".to_string(),
            )),
            (Some(lo), Some(hi)) if lo > hi => Some((
                "min_celsius",
                format!("{lo} must not exceed max_celsius ({hi})"),
            )),
            _ => None,
        }
    }

    /// Whether a temperature lies inside the range (bounds inclusive).
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// let fridge = rakt::Policy::india().storage.refrigerated;
    /// assert!(fridge.contains(Decimal::new(6, 0)));
    /// assert!(!fridge.contains(Decimal::new(61, 1)));
    /// ```
    pub fn contains(&self, celsius: Decimal) -> bool {
        self.min_celsius.is_none_or(|lo| celsius >= lo)
            && self.max_celsius.is_none_or(|hi| celsius <= hi)
    }
}

/// The parameters of the compatibility rules where sources disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CompatibilityPolicy {
    /// A female recipient whose age in completed years is at most this is treated as of
    /// child-bearing potential (RhD-negative red cells mandatory when she is RhD-negative).
    pub child_bearing_potential_max_age: u32,
    /// A recipient whose age in completed years is at most this is treated as a child.
    pub paediatric_max_age: u32,
    /// How a recipient with a serological weak D is treated.
    pub weak_d_recipient_as: RhD,
    /// ABO groups of plasma (and cryo) for a recipient of unknown group, in order of preference.
    /// The recipient may be of any group, so every group listed here must also be acceptable
    /// in [`plasma_order`](Self::plasma_order) for every recipient group (group AB above all);
    /// validation refuses a policy where it is not.
    pub emergency_plasma: Vec<Abo>,
    /// ABO groups of platelets for a recipient of unknown group, in order of preference.
    pub emergency_platelets: Vec<Abo>,
    /// Platelet donor ABO groups for each recipient group, in order of preference. A group not
    /// listed is not given.
    pub platelet_order: PlateletOrder,
    /// Plasma (FFP, plasma, cryo-poor plasma, cryoprecipitate) donor ABO groups for each
    /// recipient group, in order of preference. A group not listed is not given. A listed group
    /// whose anti-A or anti-B acts against the recipient's red cells (group A plasma for an AB
    /// recipient) is given only with the caveat `PLASMA_HIGH_TITRE_NEGATIVE_ONLY`, the same
    /// caveat an emergency unit of that group carries. Bombay (Oh) recipients are not listed:
    /// they keep their own rule (Bombay plasma first, then any ABO plasma).
    pub plasma_order: PlasmaOrder,
}

/// Plasma donor preference per recipient ABO group (Bombay recipients have their own rule).
///
/// ```
/// use rakt::{Abo, Policy};
/// // The UK table gives group A plasma to an AB recipient when AB is unobtainable.
/// assert_eq!(Policy::uk().compatibility.plasma_order.for_recipient(Abo::AB), Some(&[Abo::AB, Abo::A, Abo::B][..]));
/// assert_eq!(Policy::india().compatibility.plasma_order.for_recipient(Abo::AB), Some(&[Abo::AB][..]));
/// assert_eq!(Policy::india().compatibility.plasma_order.for_recipient(Abo::Oh), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PlasmaOrder {
    /// For group O recipients.
    #[serde(rename = "O")]
    pub o: Vec<Abo>,
    /// For group A recipients.
    #[serde(rename = "A")]
    pub a: Vec<Abo>,
    /// For group B recipients.
    #[serde(rename = "B")]
    pub b: Vec<Abo>,
    /// For group AB recipients.
    #[serde(rename = "AB")]
    pub ab: Vec<Abo>,
}

impl PlasmaOrder {
    /// The recipient groups this order covers: every group but Bombay (Oh).
    pub const RECIPIENTS: [Abo; 4] = [Abo::O, Abo::A, Abo::B, Abo::AB];

    /// The order for a recipient group; `None` for Bombay (Oh), whose rule is not a policy
    /// value.
    pub fn for_recipient(&self, abo: Abo) -> Option<&[Abo]> {
        match abo {
            Abo::O => Some(&self.o),
            Abo::A => Some(&self.a),
            Abo::B => Some(&self.b),
            Abo::AB => Some(&self.ab),
            Abo::Oh => None,
        }
    }
}

/// Platelet donor preference per recipient ABO group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PlateletOrder {
    /// For group O recipients.
    #[serde(rename = "O")]
    pub o: Vec<Abo>,
    /// For group A recipients.
    #[serde(rename = "A")]
    pub a: Vec<Abo>,
    /// For group B recipients.
    #[serde(rename = "B")]
    pub b: Vec<Abo>,
    /// For group AB recipients.
    #[serde(rename = "AB")]
    pub ab: Vec<Abo>,
    /// For Bombay (Oh) recipients.
    #[serde(rename = "Oh")]
    pub oh: Vec<Abo>,
}

impl PlateletOrder {
    /// The order for a recipient group.
    pub fn for_recipient(&self, abo: Abo) -> &[Abo] {
        match abo {
            Abo::O => &self.o,
            Abo::A => &self.a,
            Abo::B => &self.b,
            Abo::AB => &self.ab,
            Abo::Oh => &self.oh,
        }
    }
}

/// Base shelf life per product, from collection. A missing entry means the profile's sources
/// give no value; computing that product's expiry then fails with `PolicyValueMissing`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[allow(missing_docs)] // fields are named after ShelfLifeKey, documented there
pub struct ShelfLifePolicy {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole_blood_cpd: Option<ShelfLife>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole_blood_cpda1: Option<ShelfLife>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub red_cells_cpd: Option<ShelfLife>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub red_cells_cpda1: Option<ShelfLife>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub red_cells_additive_solution: Option<ShelfLife>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platelets_random_donor: Option<ShelfLife>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platelets_apheresis: Option<ShelfLife>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fresh_frozen_plasma: Option<ShelfLife>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plasma: Option<ShelfLife>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cryo_poor_plasma: Option<ShelfLife>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cryoprecipitate: Option<ShelfLife>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granulocytes: Option<ShelfLife>,
}

impl ShelfLifePolicy {
    /// The shelf life for a key, if the policy has one.
    pub fn get(&self, key: ShelfLifeKey) -> Option<ShelfLife> {
        match key {
            ShelfLifeKey::WholeBloodCpd => self.whole_blood_cpd,
            ShelfLifeKey::WholeBloodCpda1 => self.whole_blood_cpda1,
            ShelfLifeKey::RedCellsCpd => self.red_cells_cpd,
            ShelfLifeKey::RedCellsCpda1 => self.red_cells_cpda1,
            ShelfLifeKey::RedCellsAdditiveSolution => self.red_cells_additive_solution,
            ShelfLifeKey::PlateletsRandomDonor => self.platelets_random_donor,
            ShelfLifeKey::PlateletsApheresis => self.platelets_apheresis,
            ShelfLifeKey::FreshFrozenPlasma => self.fresh_frozen_plasma,
            ShelfLifeKey::Plasma => self.plasma,
            ShelfLifeKey::CryoPoorPlasma => self.cryo_poor_plasma,
            ShelfLifeKey::Cryoprecipitate => self.cryoprecipitate,
            ShelfLifeKey::Granulocytes => self.granulocytes,
        }
    }
}

/// A value per component; missing entries mean "no rule in this profile".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
#[non_exhaustive]
#[allow(missing_docs)] // fields are named after Component, documented there
pub struct PerComponent<T> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole_blood: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub red_cells: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fresh_frozen_plasma: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plasma: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cryo_poor_plasma: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cryoprecipitate: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platelets: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granulocytes: Option<T>,
}

impl<T> Default for PerComponent<T> {
    fn default() -> Self {
        PerComponent {
            whole_blood: None,
            red_cells: None,
            fresh_frozen_plasma: None,
            plasma: None,
            cryo_poor_plasma: None,
            cryoprecipitate: None,
            platelets: None,
            granulocytes: None,
        }
    }
}

impl<T> PerComponent<T> {
    /// The entry for a component.
    pub fn get(&self, c: Component) -> Option<&T> {
        match c {
            Component::WholeBlood => self.whole_blood.as_ref(),
            Component::RedCells => self.red_cells.as_ref(),
            Component::FreshFrozenPlasma => self.fresh_frozen_plasma.as_ref(),
            Component::Plasma => self.plasma.as_ref(),
            Component::CryoPoorPlasma => self.cryo_poor_plasma.as_ref(),
            Component::Cryoprecipitate => self.cryoprecipitate.as_ref(),
            Component::Platelets => self.platelets.as_ref(),
            Component::Granulocytes => self.granulocytes.as_ref(),
        }
    }

    /// Set the entry for a component.
    pub fn set(&mut self, c: Component, value: T) {
        let slot = match c {
            Component::WholeBlood => &mut self.whole_blood,
            Component::RedCells => &mut self.red_cells,
            Component::FreshFrozenPlasma => &mut self.fresh_frozen_plasma,
            Component::Plasma => &mut self.plasma,
            Component::CryoPoorPlasma => &mut self.cryo_poor_plasma,
            Component::Cryoprecipitate => &mut self.cryoprecipitate,
            Component::Platelets => &mut self.platelets,
            Component::Granulocytes => &mut self.granulocytes,
        };
        *slot = Some(value);
    }

    /// The components that have an entry, in canonical order.
    pub fn present(&self) -> impl Iterator<Item = (Component, &T)> {
        Component::ALL
            .into_iter()
            .filter_map(move |c| self.get(c).map(|v| (c, v)))
    }
}

/// Post-thaw life by the storage the thawed component is kept in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ThawLife {
    /// Kept refrigerated after thawing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refrigerated: Option<ShelfLife>,
    /// Kept at room temperature after thawing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_temperature: Option<ShelfLife>,
}

impl ThawLife {
    /// The life for a storage condition.
    pub fn get(&self, storage: Storage) -> Option<ShelfLife> {
        match storage {
            Storage::Refrigerated => self.refrigerated,
            Storage::RoomTemperature => self.room_temperature,
            Storage::Frozen => None,
        }
    }
}

/// How modifications re-date a unit. A modification never extends an expiry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RedatingPolicy {
    /// After irradiation.
    #[serde(default)]
    pub irradiated: PerComponent<RedateRule>,
    /// Irradiation is allowed only up to this many days after collection (day 0 = collection).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub irradiate_within_days_of_collection: Option<u32>,
    /// After washing.
    #[serde(default)]
    pub washed: PerComponent<RedateRule>,
    /// After the closed system is opened.
    #[serde(default)]
    pub opened: PerComponent<RedateRule>,
    /// After thawing (frozen components only), by storage after thaw.
    #[serde(default)]
    pub thawed: PerComponent<ThawLife>,
    /// Extra limit after pooling, on top of "a pool expires with its earliest constituent".
    #[serde(default)]
    pub pooled: PerComponent<ShelfLife>,
}

/// Storage temperature ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct StoragePolicy {
    /// Refrigerated storage (whole blood, red cells).
    pub refrigerated: TemperatureRange,
    /// Room-temperature storage (platelets, granulocytes).
    pub room_temperature: TemperatureRange,
    /// Frozen storage (plasma, cryoprecipitate).
    pub frozen: TemperatureRange,
}

impl StoragePolicy {
    /// The range for a storage condition.
    pub fn range(&self, storage: Storage) -> TemperatureRange {
        match storage {
            Storage::Refrigerated => self.refrigerated,
            Storage::RoomTemperature => self.room_temperature,
            Storage::Frozen => self.frozen,
        }
    }
}

/// A UTC offset, written `+05:30`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UtcOffset(pub FixedOffset);

impl Serialize for UtcOffset {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_string())
    }
}

impl<'de> Deserialize<'de> for UtcOffset {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse::<FixedOffset>()
            .map(UtcOffset)
            .map_err(|_| de::Error::custom(format!("{text:?} is not a UTC offset like +05:30")))
    }
}

/// A time of day, written `23:59`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeOfDay(pub NaiveTime);

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.format("%H:%M").to_string())
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        NaiveTime::parse_from_str(&text, "%H:%M")
            .map(TimeOfDay)
            .map_err(|_| de::Error::custom(format!("{text:?} is not a time of day like 23:59")))
    }
}

/// A complete set of rule parameters, each with its source.
///
/// ```
/// use rakt::{Confidence, Policy};
/// let india = Policy::india();
/// assert_eq!(india.name, "india");
/// assert_eq!(india.compatibility.child_bearing_potential_max_age, 50);
/// let src = india.source("shelf_life.red_cells_additive_solution").ok_or("no source")?;
/// assert_eq!(src.confidence, Confidence::Medium);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Policy {
    /// Name of the policy (`india`, `us`, `uk`, or the name a file gives).
    pub name: String,
    /// What the policy is for.
    #[serde(default)]
    pub description: String,
    /// The facility's UTC offset: expiry is computed in facility-local time.
    pub utc_offset: UtcOffset,
    /// Time of day at which a unit dated by days or months expires.
    pub expiry_time_of_day: TimeOfDay,
    /// Compatibility parameters.
    pub compatibility: CompatibilityPolicy,
    /// Base shelf lives.
    pub shelf_life: ShelfLifePolicy,
    /// Re-dating after modifications.
    pub redating: RedatingPolicy,
    /// Storage temperature ranges.
    pub storage: StoragePolicy,
    /// The unit lifecycle (returns).
    pub unit: UnitPolicy,
    /// TTI screening and release.
    pub screening: ScreeningPolicy,
    /// Donor selection.
    pub donor: DonorPolicy,
    /// Stock: reservations, scarce groups, stock norms.
    pub inventory: InventoryPolicy,
    /// Gestation and birth outcomes: due date, gestation categories, birth weight, stillbirth
    /// and death windows.
    pub maternal: MaternalPolicy,
    /// High-risk pregnancy cut-offs.
    pub hrp: HrpPolicy,
    /// The level of care each high-risk flag needs.
    pub referral: ReferralPolicy,
    /// The blood plan for delivery by haemorrhage-risk tier.
    pub blood_plan: BloodPlanPolicy,
    /// Obstetric early warning, the shock index, the PPH red flags and PPH classification.
    pub early_warning: EarlyWarningPolicy,
    /// Targets of the blood-bank KPIs ([`crate::kpi`]); a file written before this section
    /// existed loads with no targets.
    #[serde(default)]
    pub kpi: KpiPolicy,
    /// The source of every parameter, keyed by its dotted path.
    pub sources: BTreeMap<String, Source>,
}

impl Policy {
    /// The default profile: India (NBTC guidelines, Drugs and Cosmetics Rules), with values the
    /// Indian sources do not give borrowed from the closest source and marked unverified.
    pub fn india() -> Policy {
        profiles::india()
    }

    /// United States (21 CFR 610.53, AABB practice).
    pub fn us() -> Policy {
        profiles::us()
    }

    /// United Kingdom (JPAC Red Book, BSH guidance).
    pub fn uk() -> Policy {
        profiles::uk()
    }

    /// A built-in profile by name: `india`, `us` or `uk`; or `india_flw` / `india_openchs`,
    /// `india` with the high-risk pregnancy cut-offs of the FLW app or of OpenCHS
    /// (`research/maternal.md` §1.3, §1.4, §8); or `india_meows_score`, `india` with the
    /// aggregate-score variant of obstetric early warning (§2.1).
    ///
    /// ```
    /// assert_eq!(rakt::Policy::builtin("uk")?.name, "uk");
    /// assert!(rakt::Policy::builtin("mars").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builtin(name: &str) -> Result<Policy> {
        match name {
            "india" => Ok(Policy::india()),
            "us" => Ok(Policy::us()),
            "uk" => Ok(Policy::uk()),
            "india_flw" => Ok(profiles::india_flw()),
            "india_openchs" => Ok(profiles::india_openchs()),
            "india_meows_score" => Ok(profiles::india_meows_score()),
            other => Err(RaktError::input(
                "policy",
                format!(
                    "{other:?} is not a built-in policy (india, us, uk, india_flw, india_openchs or india_meows_score)"
                ),
            )),
        }
    }

    /// Load a policy from JSON. See the [module docs](self) for the format.
    pub fn from_json(text: &str) -> Result<Policy> {
        load::from_json(text)
    }

    /// Load a policy from TOML. See the [module docs](self) for the format.
    pub fn from_toml(text: &str) -> Result<Policy> {
        load::from_toml(text)
    }

    /// The complete policy as pretty JSON (loads back to an equal policy).
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self)
            .map_err(|e| RaktError::policy("", format!("cannot write JSON: {e}")))
    }

    /// The complete policy as TOML (loads back to an equal policy).
    pub fn to_toml(&self) -> Result<String> {
        toml::to_string(self).map_err(|e| RaktError::policy("", format!("cannot write TOML: {e}")))
    }

    /// Check every value and every source. Built-in profiles and loaded files are always valid;
    /// call this after changing fields by hand.
    pub fn validate(&self) -> Result<()> {
        load::validate(self)
    }

    /// The source of a parameter by dotted path, e.g. `compatibility.paediatric_max_age`.
    pub fn source(&self, path: &str) -> Option<&Source> {
        self.sources.get(path)
    }

    /// The facility's UTC offset.
    pub fn offset(&self) -> FixedOffset {
        self.utc_offset.0
    }

    /// The dotted paths of every parameter this policy sets, in a stable order.
    pub fn parameter_paths(&self) -> Vec<String> {
        load::parameter_paths(self)
    }

    pub(crate) fn missing(&self, path: &str, reason: &str) -> RaktError {
        RaktError::PolicyValueMissing {
            policy: self.name.clone(),
            path: path.to_string(),
            reason: reason.to_string(),
        }
    }
}
