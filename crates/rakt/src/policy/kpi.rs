//! Targets of the blood-bank key performance indicators ([`crate::kpi`]), with their sources.
//!
//! Each target is a bare number; whether it is a ceiling or a floor is part of the KPI's
//! definition (see [`crate::kpi`]), and both are inclusive: the crossmatch-to-transfusion ratio
//! meets its target when it is **at most** `ct_ratio_max`, the transfusion probability and the
//! transfusion index when they are **at least** their minimum, and the three wastage rates
//! when they are **at most** their maximum.
//!
//! The sources (`research/blood.md` §8) give targets for the first three only. For the discard
//! rate, the wastage as a percentage of issues (WAPI) and the outdate rate they give observed
//! figures, not targets: discard rates of 6–16% in Indian centres (Singh 2022, JCEP: 15.62%;
//! Chavan 2017), WAPI 6.14% overall — red cells 4.23%, FFP 3.56%, platelets 16.6% — at SCTIMST
//! 2015–19 (JHSCR), and expiry as 86–88% of all discards (Chavan 2017). The built-in profiles
//! therefore leave those three targets out: the KPIs are still computed, with no target and no
//! verdict. A policy file may set a local target.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Confidence, Source};
use crate::error::{RaktError, Result};

/// The targets of the KPIs; a missing target means "no target in this profile" (the KPI is
/// computed and reported without a verdict).
///
/// In policy files: `[kpi]` then `ct_ratio_max = "2.0"`, `wapi_max_percent = 5`, ...
///
/// ```
/// use rust_decimal::Decimal;
/// let kpi = rakt::Policy::india().kpi;
/// assert_eq!(kpi.ct_ratio_max, Some(Decimal::new(25, 1)));
/// assert_eq!(kpi.wapi_max_percent, None); // the sources give observed figures, not a target
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct KpiPolicy {
    /// Crossmatch-to-transfusion ratio: met when at most this (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ct_ratio_max: Option<Decimal>,
    /// Transfusion probability (%T), in percent: met when at least this (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfusion_probability_min_percent: Option<Decimal>,
    /// Transfusion index (units transfused per patient crossmatched): met when at least this
    /// (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfusion_index_min: Option<Decimal>,
    /// Discard rate, in percent of units collected or prepared: met when at most this. No
    /// built-in target (observed: 6–16% in Indian centres, `research/blood.md` §8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discard_rate_max_percent: Option<Decimal>,
    /// Wastage as a percentage of issues (WAPI): met when at most this. No built-in target
    /// (observed at SCTIMST 2015–19: 6.14% overall, red cells 4.23%, FFP 3.56%, platelets
    /// 16.6%; `research/blood.md` §8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wapi_max_percent: Option<Decimal>,
    /// Outdate rate, units discarded as expired in percent of units issued: met when at most
    /// this. No built-in target (expiry is 86–88% of discards in Indian data,
    /// `research/blood.md` §8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outdate_rate_max_percent: Option<Decimal>,
}

const NMJI_2022: &str = "Shaikh et al., Natl Med J India 2022;35:68-73 (NMJI audit); Chawla (bvsalud); Acta Med Port; as summarised in research/blood.md §8";
const AOPS: &str = "aops.springeropen Table 2: a C:T ratio above 2.0 indicates unnecessary ordering (research/blood.md §8)";
const SARMA: &str = "Sarma, JAMA 1980;243:1536; JRSM 1990 (research/blood.md §8)";
const NMJI_T: &str = "Natl Med J India 2022 audit as summarised in research/blood.md §8; the ≥ 30% threshold itself is NOT verified in the sources";
const GENERAL: &str = "An audit benchmark from the transfusion literature, not a regulation of this jurisdiction; no jurisdiction-specific standard was found.";

fn d(value: i64, scale: u32) -> Decimal {
    Decimal::new(value, scale)
}

/// The KPI targets of the built-in profiles (the same in `india`, `us` and `uk`: they are audit
/// benchmarks, not national rules), recording each source in `s`.
pub(super) fn profile(s: &mut BTreeMap<String, Source>) -> KpiPolicy {
    s.insert(
        "kpi.ct_ratio_max".into(),
        Source::new(NMJI_2022, Confidence::Medium)
            .note(&format!("{GENERAL} ≤ 2.5 is the commonest target; \"ideally between 2 and 2.5\". Met when ≤ (inclusive)."))
            .alt("≤ 2.0", AOPS)
            .alt("< 2.5", "Acta Med Port (research/blood.md §8)"),
    );
    s.insert(
        "kpi.transfusion_probability_min_percent".into(),
        Source::new(NMJI_T, Confidence::Low)
            .note(&format!("{GENERAL} Met when ≥ (inclusive)."))
            .alt(
                "> 50%",
                "the Indian audit's cut (Natl Med J India 2022, research/blood.md §8)",
            ),
    );
    s.insert(
        "kpi.transfusion_index_min".into(),
        Source::new(SARMA, Confidence::Medium).note(&format!(
            "{GENERAL} ≥ 0.5 justifies a crossmatch, ≤ 0.5 suggests type and screen: the sources overlap at exactly 0.5, which rakt counts as met (≥)."
        )),
    );
    KpiPolicy {
        ct_ratio_max: Some(d(25, 1)),
        transfusion_probability_min_percent: Some(d(30, 0)),
        transfusion_index_min: Some(d(5, 1)),
        discard_rate_max_percent: None,
        wapi_max_percent: None,
        outdate_rate_max_percent: None,
    }
}

/// Targets must not be negative; percentages are at most 100.
pub(super) fn validate_kpi(k: &KpiPolicy) -> Result<()> {
    let hundred = d(100, 0);
    for (field, value, percent) in [
        ("ct_ratio_max", k.ct_ratio_max, false),
        (
            "transfusion_probability_min_percent",
            k.transfusion_probability_min_percent,
            true,
        ),
        ("transfusion_index_min", k.transfusion_index_min, false),
        ("discard_rate_max_percent", k.discard_rate_max_percent, true),
        ("wapi_max_percent", k.wapi_max_percent, true),
        ("outdate_rate_max_percent", k.outdate_rate_max_percent, true),
    ] {
        let Some(v) = value else { continue };
        if v.is_sign_negative() && !v.is_zero() {
            return Err(RaktError::policy(
                format!("kpi.{field}"),
                format!("{v} is negative"),
            ));
        }
        if percent && v > hundred {
            return Err(RaktError::policy(
                format!("kpi.{field}"),
                format!("{v} is more than 100 percent"),
            ));
        }
    }
    Ok(())
}
