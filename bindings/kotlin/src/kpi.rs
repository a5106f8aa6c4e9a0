//! Blood-bank KPIs over unit histories, per facility and component: `kpis(units, periodFrom,
//! periodTo, policy)` returns a `KpiReport` in one call. What is counted is defined in the core
//! (`rakt::kpi`); this file only translates types.

use std::sync::Arc;

use rakt::kpi as core;

use crate::components::Component;
use crate::error::Result;
use crate::macros::mirror_enum;
use crate::policy::{Policy, Source, resolve};
use crate::time::{Decimal, Timestamp};
use crate::units::BloodUnit;

mirror_enum! {
    /// Which indicator a `Kpi` is.
    pub enum KpiCode => core::KpiCode {
        /// Crossmatch-to-transfusion ratio: units crossmatched ÷ units transfused.
        CtRatio,
        /// Transfusion probability (%T): patients transfused ÷ patients crossmatched × 100.
        TransfusionProbability,
        /// Transfusion index (TI): units transfused ÷ patients crossmatched.
        TransfusionIndex,
        /// Discard rate: units discarded ÷ units collected or prepared × 100.
        DiscardRate,
        /// Wastage as a percentage of issues: units discarded ÷ units issued × 100.
        Wapi,
        /// Outdate rate: units discarded as expired ÷ units issued × 100.
        OutdateRate,
    }
}

mirror_enum! {
    /// How a KPI is compared with its target (both inclusive).
    pub enum KpiComparison => core::Comparison {
        /// Met when the value is at most the target (≤).
        AtMost,
        /// Met when the value is at least the target (≥).
        AtLeast,
    }
}

/// A unit and the facility it belongs to, for `kpis`.
#[derive(Debug, Clone, uniffi::Record)]
pub struct FacilityUnit {
    /// The facility's identifier (not blank).
    pub facility: String,
    /// The unit, with its whole history.
    pub unit: Arc<BloodUnit>,
}

/// A target from the policy.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct KpiTarget {
    /// Ceiling or floor (inclusive).
    pub comparison: KpiComparison,
    /// The target, in the KPI's unit (a ratio, or percent).
    pub value: Decimal,
    /// The policy parameter, e.g. `kpi.ct_ratio_max`.
    pub path: String,
    /// Its source in the policy.
    pub source: Option<Source>,
}

/// One indicator: its inputs, its value, the target and the verdict.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Kpi {
    /// Which indicator.
    pub code: KpiCode,
    /// The count above the line.
    pub numerator: i32,
    /// The count below the line.
    pub denominator: i32,
    /// The value rounded to 2 decimal places (half away from zero, scale 2); null when the
    /// denominator is 0.
    pub value: Option<Decimal>,
    /// Why there is no value.
    pub why: Option<String>,
    /// The policy's target, if it has one.
    pub target: Option<KpiTarget>,
    /// Whether the target is met (decided exactly); null without a value or a target.
    pub met: Option<bool>,
}

/// The discard rate for one discard reason.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReasonRate {
    /// The discard reason's code (`expired`, ..., `other`).
    pub reason: String,
    /// Units discarded for this reason ÷ units collected or prepared × 100 (no target).
    pub kpi: Kpi,
}

/// The six indicators of one facility or component, and the discard rate by reason.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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
    /// The discard rate per discard reason, by reason code.
    pub discard_reasons: Vec<ReasonRate>,
}

/// The indicators of one component at one facility.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ComponentKpis {
    /// The component.
    pub component: Component,
    /// Its indicators.
    pub kpis: KpiSet,
}

/// A unit left out of the counts, and why.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SkippedUnit {
    /// The unit's id (`DIN` or `DIN/A0`).
    pub unit: String,
    /// `DUPLICATE_UNIT`.
    pub code: String,
    /// Human explanation.
    pub reason: String,
}

/// The indicators of one facility.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FacilityKpis {
    /// The facility's identifier, as given.
    pub facility: String,
    /// All components together.
    pub kpis: KpiSet,
    /// Per component with any counted event in the period.
    pub components: Vec<ComponentKpis>,
    /// Units left out of the counts, in input order.
    pub skipped: Vec<SkippedUnit>,
}

/// The indicators of several facilities over one period.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct KpiReport {
    /// The first instant of the period (included).
    pub period_from: Timestamp,
    /// The end of the period (excluded).
    pub period_to: Timestamp,
    /// The name of the policy whose targets were used.
    pub policy: String,
    /// Every facility named in the input, sorted by identifier.
    pub facilities: Vec<FacilityKpis>,
}

/// A count from the core as a Kotlin `Int`.
fn int(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

impl From<core::Kpi> for Kpi {
    fn from(k: core::Kpi) -> Self {
        Kpi {
            code: k.code.into(),
            numerator: int(k.numerator),
            denominator: int(k.denominator),
            value: k.value.map(Decimal::from),
            why: k.why,
            target: k.target.map(|t| KpiTarget {
                comparison: t.comparison.into(),
                value: t.value.into(),
                path: t.path,
                source: t.source.as_ref().map(Source::from),
            }),
            met: k.met,
        }
    }
}

impl From<core::KpiSet> for KpiSet {
    fn from(s: core::KpiSet) -> Self {
        KpiSet {
            ct_ratio: s.ct_ratio.into(),
            transfusion_probability: s.transfusion_probability.into(),
            transfusion_index: s.transfusion_index.into(),
            discard_rate: s.discard_rate.into(),
            wapi: s.wapi.into(),
            outdate_rate: s.outdate_rate.into(),
            discard_reasons: s
                .discard_reasons
                .into_iter()
                .map(|r| ReasonRate {
                    reason: r.reason,
                    kpi: r.kpi.into(),
                })
                .collect(),
        }
    }
}

impl From<core::KpiReport> for KpiReport {
    fn from(r: core::KpiReport) -> Self {
        KpiReport {
            period_from: r.period.from.into(),
            period_to: r.period.to.into(),
            policy: r.policy,
            facilities: r
                .facilities
                .into_iter()
                .map(|f| FacilityKpis {
                    facility: f.facility,
                    kpis: f.kpis.into(),
                    components: f
                        .components
                        .into_iter()
                        .map(|c| ComponentKpis {
                            component: c.component.into(),
                            kpis: c.kpis.into(),
                        })
                        .collect(),
                    skipped: f
                        .skipped
                        .into_iter()
                        .map(|s| SkippedUnit {
                            unit: s.unit,
                            code: s.code,
                            reason: s.reason,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// The KPIs of each facility over the half-open period `[periodFrom, periodTo)`, with the
/// targets of `policy` (default India). A blank facility (`field = "facility"`) or a period that
/// does not start before it ends (`field = "period"`) is refused with
/// `RaktException.InvalidInput`.
#[uniffi::export(default(policy = None))]
pub fn kpis(
    units: Vec<FacilityUnit>,
    period_from: Timestamp,
    period_to: Timestamp,
    policy: Option<Arc<Policy>>,
) -> Result<KpiReport> {
    let from = period_from.parse("period_from")?;
    let to = period_to.parse("period_to")?;
    let period = core::KpiPeriod::new(from, to)?;
    let pairs = units.iter().map(|e| (e.facility.as_str(), e.unit.core()));
    Ok(core::kpis(pairs, &period, resolve(&policy))?.into())
}
