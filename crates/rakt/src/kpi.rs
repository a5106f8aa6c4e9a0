//! Blood-bank key performance indicators over a period, per facility and per component:
//! crossmatch-to-transfusion ratio, transfusion probability, transfusion index, discard rate
//! (also by reason), wastage as a percentage of issues (WAPI) and outdate rate.
//!
//! Definitions and benchmarks: `research/blood.md` §8. Targets come from the policy's `kpi`
//! section ([`KpiPolicy`](crate::policy::KpiPolicy)), each with its source.
//!
//! # What is counted
//!
//! [`kpis`] reads the histories of the units it is given, as `(facility, unit)` pairs. An event
//! counts when it falls in the half-open [`KpiPeriod`] `from ≤ at < to`: an event exactly at
//! `from` counts, one exactly at `to` belongs to the next period. Counts are per facility, and
//! again per component of the unit's product.
//!
//! | Count | From the histories |
//! |---|---|
//! | units crossmatched | distinct (unit, patient) pairs of `crossmatch` events. A unit crossmatched again for the same patient (after the first crossmatch lapsed) counts once; a crossmatch later cancelled still counts (the crossmatch was done and the unit not transfused: exactly what the ratio measures) |
//! | patients crossmatched | distinct patient identifiers of `crossmatch` events (per facility: the same identifier at two facilities is two patients) |
//! | units transfused | `transfuse` and `transfuse_with_reaction` events, emergency (uncrossmatched) issues included |
//! | patients transfused | patients crossmatched in the period to whom a unit transfused in the period had been issued (the patient of the unit's last `issue` before the transfusion) |
//! | units issued | units with at least one `issue` event: a unit issued, returned and issued again counts **once** (units, not issue events, as wasted and expired units are units) |
//! | units discarded | `discard` events, and `return` events that ended in a discard (a unit returned too late or expired: [`BloodUnit::discard_reason`]), counted by [`DiscardReason::code`] (`other` for a reason in words) |
//! | units discarded as expired | units discarded with reason `expired` (by a `discard` or by a `return` after expiry) |
//! | units collected or prepared | units whose record starts in the period (`collected`, `split_from` or `pooled_from`), except units that were themselves split or pooled (status `processed`): each product that exists as itself counts once |
//!
//! # The indicators
//!
//! | Code | Value | Target (built-in profiles) |
//! |---|---|---|
//! | `ct_ratio` | units crossmatched ÷ units transfused | at most 2.5 (medium confidence) |
//! | `transfusion_probability` | patients transfused ÷ patients crossmatched × 100 | at least 30% (low confidence: the threshold itself is not verified) |
//! | `transfusion_index` | units transfused ÷ patients crossmatched | at least 0.5 (medium confidence) |
//! | `discard_rate` | units discarded ÷ units collected or prepared × 100 | none |
//! | `wapi` | units discarded ÷ units issued × 100 | none |
//! | `outdate_rate` | units discarded as expired ÷ units issued × 100 | none |
//!
//! The outdate rate divides by units issued; §8 also allows units in stock, recorded as an
//! alternative in the source notes. The discard rate is also given per discard reason (same
//! denominator, no target). Wastage and outdate rates have no target in the sources, only
//! observed figures (discard 6–16% in Indian centres; WAPI 6.14% overall, red cells 4.23%, FFP
//! 3.56%, platelets 16.6% at SCTIMST): the built-in profiles leave those targets out.
//!
//! The crossmatch indicators are computed for every component like the others; in practice
//! only red cells and whole blood are crossmatched, so the other components show no value.
//! Counts of one period are independent: a crossmatch just before `from` and its transfusion
//! inside the period count on one side only, so choose periods long next to a crossmatch hold.
//!
//! # Values and verdicts
//!
//! Each [`Kpi`] gives its numerator and denominator (counts), its value rounded to **2 decimal
//! places, half away from zero**, always written with two decimals (`1.30`, `30.00`), the
//! policy's target with its source, and whether the target is met. `met` is decided exactly,
//! comparing numerator × (100 for percentages) with target × denominator, never the rounded
//! value; every target is inclusive (≤ for ceilings, ≥ for floors). With a denominator of 0
//! the value and `met` are `None` and `why` says what was missing; with no target `met` is
//! `None`.
//!
//! ```
//! use rakt::kpi::{kpis, KpiPeriod};
//! use rakt::unit::{BloodUnit, Collection, DonationType, EventKind, UnitEvent};
//! use rakt::screening::TestResult;
//! use rakt::{parse_timestamp as t, BloodGroup, Policy, Preservative, Product};
//!
//! let policy = Policy::india();
//! let mut unit = BloodUnit::collect(Collection {
//!     din: "DIN-1".into(), division: None,
//!     product: Product::red_cells(Preservative::AdditiveSolution),
//!     group: BloodGroup::parse("O+")?, volume_ml: 280,
//!     donation_type: DonationType::Voluntary, donor_id: None,
//!     first_donation: false, collected_at: t("2026-11-01T09:00:00+05:30")?,
//! }, "tech", &policy)?;
//! let mut events = vec![EventKind::Quarantine];
//! for m in &policy.screening.mandatory_markers {
//!     events.push(EventKind::RecordTest { marker: *m, result: TestResult::NonReactive });
//! }
//! let g = unit.group();
//! events.push(EventKind::RecordGrouping { forward: Some(g), reverse: Some(g.abo()), historical: None });
//! events.push(EventKind::Release);
//! let until = t("2026-11-03T09:00:00+05:30")?;
//! events.push(EventKind::Crossmatch { patient: "P-1".into(), until });
//! events.push(EventKind::Issue { patient: "P-1".into() });
//! events.push(EventKind::Transfuse);
//! for kind in events {
//!     unit = unit.apply(&UnitEvent::new(t("2026-11-02T10:00:00+05:30")?, "tech", kind), &policy)?;
//! }
//! let period = KpiPeriod::new(t("2026-11-01T00:00:00+05:30")?, t("2026-12-01T00:00:00+05:30")?)?;
//! let report = kpis([("BC-1", &unit)], &period, &policy)?;
//! let ct = &report.facilities[0].kpis.ct_ratio;
//! assert_eq!((ct.numerator, ct.denominator), (1, 1));
//! assert_eq!(ct.value.map(|v| v.to_string()).as_deref(), Some("1.00"));
//! assert_eq!(ct.met, Some(true)); // at most 2.5
//! let wapi = &report.facilities[0].kpis.wapi;
//! assert_eq!((wapi.value.map(|v| v.to_string()), wapi.met), (Some("0.00".to_string()), None)); // no target
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::component::Component;
use crate::error::{RaktError, Result};
use crate::macros::coded_enum;
use crate::policy::{Policy, Source};
use crate::unit::{BloodUnit, DiscardReason, EventKind, UnitStatus};

/// The number of decimal places of a KPI value.
pub const VALUE_DECIMALS: u32 = 2;

/// A reporting period, half-open: an event counts when `from ≤ at < to`.
///
/// ```
/// use rakt::{kpi::KpiPeriod, parse_timestamp as t};
/// let p = KpiPeriod::new(t("2026-11-01T00:00:00+05:30")?, t("2026-12-01T00:00:00+05:30")?)?;
/// assert!(p.contains(t("2026-11-01T00:00:00+05:30")?));
/// assert!(!p.contains(t("2026-12-01T00:00:00+05:30")?));
/// assert!(KpiPeriod::new(p.to, p.from).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiPeriod {
    /// The first instant of the period (included).
    pub from: DateTime<FixedOffset>,
    /// The end of the period (excluded).
    pub to: DateTime<FixedOffset>,
}

impl KpiPeriod {
    /// A period; `from` must be before `to` ([`RaktError::InvalidInput`], field `period`).
    pub fn new(from: DateTime<FixedOffset>, to: DateTime<FixedOffset>) -> Result<KpiPeriod> {
        let p = KpiPeriod { from, to };
        p.check()?;
        Ok(p)
    }

    /// Whether an instant falls in the period (`from ≤ at < to`).
    pub fn contains(&self, at: DateTime<FixedOffset>) -> bool {
        self.from <= at && at < self.to
    }

    fn check(&self) -> Result<()> {
        if self.from >= self.to {
            return Err(RaktError::input(
                "period",
                format!(
                    "the period must start before it ends (from {} to {})",
                    self.from.to_rfc3339(),
                    self.to.to_rfc3339()
                ),
            ));
        }
        Ok(())
    }
}

coded_enum! {
    /// Which indicator a [`Kpi`] is.
    KpiCode {
        /// Crossmatch-to-transfusion ratio: units crossmatched ÷ units transfused.
        CtRatio => "ct_ratio",
        /// Transfusion probability (%T): patients transfused ÷ patients crossmatched × 100.
        TransfusionProbability => "transfusion_probability",
        /// Transfusion index (TI): units transfused ÷ patients crossmatched.
        TransfusionIndex => "transfusion_index",
        /// Discard rate: units discarded ÷ units collected or prepared × 100.
        DiscardRate => "discard_rate",
        /// Wastage as a percentage of issues: units discarded ÷ units issued × 100.
        Wapi => "wapi",
        /// Outdate rate: units discarded as expired ÷ units issued × 100.
        OutdateRate => "outdate_rate",
    }
}

impl KpiCode {
    /// Whether the value is a percentage (numerator ÷ denominator × 100).
    pub fn is_percent(self) -> bool {
        !matches!(self, KpiCode::CtRatio | KpiCode::TransfusionIndex)
    }

    /// Whether the target is a ceiling (at most) or a floor (at least).
    pub fn comparison(self) -> Comparison {
        match self {
            KpiCode::TransfusionProbability | KpiCode::TransfusionIndex => Comparison::AtLeast,
            _ => Comparison::AtMost,
        }
    }

    /// The dotted path of the target in the policy, e.g. `kpi.ct_ratio_max`.
    pub fn policy_path(self) -> &'static str {
        match self {
            KpiCode::CtRatio => "kpi.ct_ratio_max",
            KpiCode::TransfusionProbability => "kpi.transfusion_probability_min_percent",
            KpiCode::TransfusionIndex => "kpi.transfusion_index_min",
            KpiCode::DiscardRate => "kpi.discard_rate_max_percent",
            KpiCode::Wapi => "kpi.wapi_max_percent",
            KpiCode::OutdateRate => "kpi.outdate_rate_max_percent",
        }
    }

    fn target(self, policy: &Policy) -> Option<Decimal> {
        let k = &policy.kpi;
        match self {
            KpiCode::CtRatio => k.ct_ratio_max,
            KpiCode::TransfusionProbability => k.transfusion_probability_min_percent,
            KpiCode::TransfusionIndex => k.transfusion_index_min,
            KpiCode::DiscardRate => k.discard_rate_max_percent,
            KpiCode::Wapi => k.wapi_max_percent,
            KpiCode::OutdateRate => k.outdate_rate_max_percent,
        }
    }

    fn missing(self) -> &'static str {
        match self {
            KpiCode::CtRatio => "no units were transfused in the period",
            KpiCode::TransfusionProbability | KpiCode::TransfusionIndex => {
                "no patients were crossmatched in the period"
            }
            KpiCode::DiscardRate => "no units were collected or prepared in the period",
            KpiCode::Wapi | KpiCode::OutdateRate => "no units were issued in the period",
        }
    }
}

coded_enum! {
    /// How a value is compared with its target (both inclusive).
    Comparison {
        /// Met when the value is at most the target (≤).
        AtMost => "at_most",
        /// Met when the value is at least the target (≥).
        AtLeast => "at_least",
    }
}

/// A target from the policy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiTarget {
    /// Ceiling or floor (inclusive).
    pub comparison: Comparison,
    /// The target, in the KPI's unit (a ratio, or percent).
    pub value: Decimal,
    /// The policy parameter, e.g. `kpi.ct_ratio_max`.
    pub path: String,
    /// Its source in the policy (absent only in a hand-built policy without one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// One indicator: its inputs, its value, the target and the verdict.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    /// Which indicator.
    pub code: KpiCode,
    /// The count above the line.
    pub numerator: u32,
    /// The count below the line.
    pub denominator: u32,
    /// numerator ÷ denominator (× 100 for percentages), rounded to 2 decimal places half away
    /// from zero and written with two decimals; `None` when the denominator is 0.
    pub value: Option<Decimal>,
    /// Why there is no value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// The policy's target, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<KpiTarget>,
    /// Whether the target is met (exactly, not on the rounded value); `None` without a value or
    /// a target.
    pub met: Option<bool>,
}

/// The discard rate for one discard reason.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonRate {
    /// The discard reason's code ([`DiscardReason::code`]).
    pub reason: String,
    /// Units discarded for this reason ÷ units collected or prepared × 100 (no target).
    pub kpi: Kpi,
}

/// The six indicators of one facility or one component, and the discard rate by reason.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiSet {
    /// Crossmatch-to-transfusion ratio.
    pub ct_ratio: Kpi,
    /// Transfusion probability (%T).
    pub transfusion_probability: Kpi,
    /// Transfusion index (TI).
    pub transfusion_index: Kpi,
    /// Discard rate.
    pub discard_rate: Kpi,
    /// Wastage as a percentage of issues.
    pub wapi: Kpi,
    /// Outdate rate.
    pub outdate_rate: Kpi,
    /// The discard rate per discard reason, by reason code; reasons with no discard are left out.
    pub discard_reasons: Vec<ReasonRate>,
}

impl KpiSet {
    /// The six indicators, in the order of [`KpiCode::ALL`].
    pub fn all(&self) -> [&Kpi; 6] {
        [
            &self.ct_ratio,
            &self.transfusion_probability,
            &self.transfusion_index,
            &self.discard_rate,
            &self.wapi,
            &self.outdate_rate,
        ]
    }

    /// One indicator by code.
    pub fn get(&self, code: KpiCode) -> &Kpi {
        match code {
            KpiCode::CtRatio => &self.ct_ratio,
            KpiCode::TransfusionProbability => &self.transfusion_probability,
            KpiCode::TransfusionIndex => &self.transfusion_index,
            KpiCode::DiscardRate => &self.discard_rate,
            KpiCode::Wapi => &self.wapi,
            KpiCode::OutdateRate => &self.outdate_rate,
        }
    }
}

/// The indicators of one component at one facility.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComponentKpis {
    /// The component.
    pub component: Component,
    /// Its indicators.
    pub kpis: KpiSet,
}

/// A unit left out of the counts, and why.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkippedUnit {
    /// The unit's id (`DIN` or `DIN/A0`).
    pub unit: String,
    /// Stable code: `DUPLICATE_UNIT` (the same unit given again; counted once, where first given).
    pub code: String,
    /// Human explanation.
    pub reason: String,
}

/// The indicators of one facility.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FacilityKpis {
    /// The facility's identifier, as given.
    pub facility: String,
    /// All components together.
    pub kpis: KpiSet,
    /// Per component with any counted event in the period, in [`Component`] order.
    pub components: Vec<ComponentKpis>,
    /// Units left out of the counts, in input order.
    pub skipped: Vec<SkippedUnit>,
}

impl FacilityKpis {
    /// The indicators of one component, if it had any counted event.
    pub fn component(&self, component: Component) -> Option<&KpiSet> {
        self.components
            .iter()
            .find(|c| c.component == component)
            .map(|c| &c.kpis)
    }
}

/// The indicators of several facilities over one period.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiReport {
    /// The period.
    pub period: KpiPeriod,
    /// The name of the policy whose targets were used.
    pub policy: String,
    /// Every facility named in the input, sorted by identifier.
    pub facilities: Vec<FacilityKpis>,
}

impl KpiReport {
    /// The indicators of one facility, if it was in the input.
    pub fn facility(&self, facility: &str) -> Option<&FacilityKpis> {
        self.facilities.iter().find(|f| f.facility == facility)
    }
}

/// What one unit contributes to the counts of the period.
#[derive(Default)]
struct UnitFacts<'a> {
    made: bool,
    crossmatched_for: BTreeSet<&'a str>,
    /// Transfused in the period, to this patient (the last issue's), if known.
    transfused: Option<Option<&'a str>>,
    issued: bool,
    discarded: Option<&'a DiscardReason>,
}

impl UnitFacts<'_> {
    fn counted(&self) -> bool {
        self.made
            || !self.crossmatched_for.is_empty()
            || self.transfused.is_some()
            || self.issued
            || self.discarded.is_some()
    }
}

fn facts<'a>(unit: &'a BloodUnit, period: &KpiPeriod) -> UnitFacts<'a> {
    let mut f = UnitFacts::default();
    let history = unit.history();
    let mut issued_to: Option<&str> = None;
    for (i, event) in history.iter().enumerate() {
        let inside = period.contains(event.at);
        match &event.kind {
            EventKind::Collected | EventKind::SplitFrom { .. } | EventKind::PooledFrom { .. }
                if i == 0 =>
            {
                f.made = inside && unit.status() != UnitStatus::Processed;
            }
            EventKind::Crossmatch { patient, .. } if inside => {
                f.crossmatched_for.insert(patient);
            }
            EventKind::Issue { patient } => {
                issued_to = Some(patient);
                f.issued |= inside;
            }
            EventKind::Transfuse | EventKind::TransfuseWithReaction { .. } if inside => {
                f.transfused = Some(issued_to);
            }
            EventKind::Discard { reason } if inside => f.discarded = Some(reason),
            // A return that ended in a discard is the unit's last event (discarded is final).
            EventKind::Return { .. }
                if inside && i + 1 == history.len() && unit.status() == UnitStatus::Discarded =>
            {
                f.discarded = unit.discard_reason();
            }
            _ => {}
        }
    }
    f
}

/// The counts of one facility or one component.
#[derive(Default)]
struct Tally<'a> {
    made: u32,
    crossmatches: u32,
    patients_crossmatched: BTreeSet<&'a str>,
    transfused_to: BTreeSet<&'a str>,
    transfused: u32,
    issued: u32,
    discarded: u32,
    expired: u32,
    by_reason: BTreeMap<&'static str, u32>,
}

fn bump(n: &mut u32, yes: bool) {
    if yes {
        *n = n.saturating_add(1);
    }
}

impl<'a> Tally<'a> {
    fn add(&mut self, f: &UnitFacts<'a>) {
        bump(&mut self.made, f.made);
        for patient in &f.crossmatched_for {
            bump(&mut self.crossmatches, true);
            self.patients_crossmatched.insert(patient);
        }
        if let Some(to) = f.transfused {
            bump(&mut self.transfused, true);
            self.transfused_to.extend(to);
        }
        bump(&mut self.issued, f.issued);
        if let Some(reason) = f.discarded {
            bump(&mut self.discarded, true);
            bump(&mut self.expired, *reason == DiscardReason::Expired);
            bump(self.by_reason.entry(reason.code()).or_default(), true);
        }
    }

    fn kpis(&self, policy: &Policy) -> KpiSet {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let patients = count(self.patients_crossmatched.len());
        let patients_transfused = count(
            self.patients_crossmatched
                .intersection(&self.transfused_to)
                .count(),
        );
        use KpiCode as K;
        KpiSet {
            ct_ratio: kpi(K::CtRatio, self.crossmatches, self.transfused, policy),
            transfusion_probability: kpi(
                K::TransfusionProbability,
                patients_transfused,
                patients,
                policy,
            ),
            transfusion_index: kpi(K::TransfusionIndex, self.transfused, patients, policy),
            discard_rate: kpi(K::DiscardRate, self.discarded, self.made, policy),
            wapi: kpi(K::Wapi, self.discarded, self.issued, policy),
            outdate_rate: kpi(K::OutdateRate, self.expired, self.issued, policy),
            discard_reasons: self
                .by_reason
                .iter()
                .map(|(reason, n)| ReasonRate {
                    reason: (*reason).to_string(),
                    kpi: Kpi {
                        target: None,
                        met: None,
                        ..kpi(K::DiscardRate, *n, self.made, policy)
                    },
                })
                .collect(),
        }
    }
}

/// One indicator from its counts and the policy's target.
fn kpi(code: KpiCode, numerator: u32, denominator: u32, policy: &Policy) -> Kpi {
    let scale = Decimal::from(if code.is_percent() { 100u32 } else { 1 });
    let top = Decimal::from(numerator) * scale;
    let bottom = Decimal::from(denominator);
    let value = if denominator == 0 {
        None
    } else {
        top.checked_div(bottom).map(|v| {
            let mut v =
                v.round_dp_with_strategy(VALUE_DECIMALS, RoundingStrategy::MidpointAwayFromZero);
            v.rescale(VALUE_DECIMALS);
            v
        })
    };
    let target = code.target(policy).map(|value| KpiTarget {
        comparison: code.comparison(),
        value,
        path: code.policy_path().to_string(),
        source: policy.source(code.policy_path()).cloned(),
    });
    let met = match (&target, value.is_some()) {
        (Some(t), true) => Some(meets(top, bottom, t)),
        _ => None,
    };
    Kpi {
        code,
        numerator,
        denominator,
        why: value.is_none().then(|| code.missing().to_string()),
        value,
        target,
        met,
    }
}

/// `top ÷ bottom` against the target, exactly: `top` compared with `target × bottom`.
fn meets(top: Decimal, bottom: Decimal, target: &KpiTarget) -> bool {
    let at_most = target.comparison == Comparison::AtMost;
    match target.value.checked_mul(bottom) {
        Some(limit) if at_most => top <= limit,
        Some(limit) => top >= limit,
        // Beyond the decimal range: the limit is huge in the target's sign.
        None => target.value.is_sign_positive() == at_most,
    }
}

#[derive(Default)]
struct FacilityTally<'a> {
    all: Tally<'a>,
    components: BTreeMap<Component, Tally<'a>>,
    skipped: Vec<SkippedUnit>,
}

/// The indicators of each facility over `period`, with the targets of `policy`.
///
/// `units` are `(facility, unit)` pairs, the unit as recorded now (its whole history); see the
/// [module docs](self) for exactly what is counted. Every facility named in the input is
/// reported, sorted by identifier, even with nothing counted. A unit given twice (by its id) is
/// counted once, where first given, and listed in that facility's `skipped` where given again.
/// Refused with [`RaktError::InvalidInput`]: a blank facility (`facility`), a period that does
/// not start before it ends (`period`).
pub fn kpis<'a, S: AsRef<str>>(
    units: impl IntoIterator<Item = (S, &'a BloodUnit)>,
    period: &KpiPeriod,
    policy: &Policy,
) -> Result<KpiReport> {
    period.check()?;
    let mut facilities: BTreeMap<String, FacilityTally<'a>> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for (facility, unit) in units {
        let facility = facility.as_ref();
        if crate::text::is_blank(facility) {
            return Err(RaktError::input(
                "facility",
                "a facility identifier must not be empty",
            ));
        }
        let tally = facilities.entry(facility.to_string()).or_default();
        if !seen.insert(unit.id()) {
            let id = unit.id().to_string();
            tally.skipped.push(SkippedUnit {
                reason: format!("unit {id} was given more than once; counted once"),
                unit: id,
                code: "DUPLICATE_UNIT".into(),
            });
            continue;
        }
        let f = facts(unit, period);
        if !f.counted() {
            continue;
        }
        tally.all.add(&f);
        tally
            .components
            .entry(unit.product().component())
            .or_default()
            .add(&f);
    }
    let facilities = facilities
        .into_iter()
        .map(|(facility, t)| FacilityKpis {
            facility,
            kpis: t.all.kpis(policy),
            components: t
                .components
                .into_iter()
                .map(|(component, c)| ComponentKpis {
                    component,
                    kpis: c.kpis(policy),
                })
                .collect(),
            skipped: t.skipped,
        })
        .collect();
    Ok(KpiReport {
        period: *period,
        policy: policy.name.clone(),
        facilities,
    })
}
