//! Deciding without explaining: `decidePregnancy` and `PregnancyDecision` for an ANC record,
//! `decideCompatibility` and `CompatibilityDecision` for a donor group and a recipient (the
//! rules live in the core, `rakt::maternal::decide_pregnancy` and `rakt::decide_compatibility`;
//! this file only translates).

use std::sync::Arc;

use rakt::maternal as core;

use crate::components::Component;
use crate::error::Result;
use crate::groups::BloodGroup;
use crate::policy::{Policy, resolve};
use crate::pregnancy::{
    AnaemiaGrade, AncRecord, BloodActionKind, BloodRiskTier, CareLevel, HypertensionClass,
    PlanTiming, RiskLevel, Urgency, action_to_kotlin, decide_one,
};
use crate::time::Date;
use crate::verdicts::{Rank, Recipient, decide_compatibility_one};

/// What `assessPregnancy` decides, without its explanation (each flag's facts and source, the
/// referral's reasons, the blood plan's factors and source): the result of `decidePregnancy`
/// and of `PregnancyAssessment.decision()`. Every field has the type of the same value in
/// `PregnancyAssessment`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct PregnancyDecision {
    /// The overall risk.
    pub risk_level: RiskLevel,
    /// The code of each flag that applies, emergencies first, then in code order, a code
    /// repeated once per flag: `PregnancyAssessment.codes()`.
    pub codes: Vec<String>,
    /// Gestational age at `asOf`, when the LMP or EDD is known.
    pub gestational_age: Option<crate::maternal::GestationalAge>,
    /// The expected date of delivery, when known.
    pub edd: Option<Date>,
    /// The hypertension class, when BP was measured.
    pub hypertension: Option<HypertensionClass>,
    /// The anaemia grade, when Hb was measured.
    pub anaemia: Option<AnaemiaGrade>,
    /// Whether the OGTT shows GDM, when done.
    pub gdm: Option<bool>,
    /// The minimum level of care (`referral.level`).
    pub referral_level: CareLevel,
    /// How soon (`referral.urgency`).
    pub referral_urgency: Urgency,
    /// The haemorrhage-risk tier of the blood plan (`bloodPlan.tier`).
    pub blood_tier: BloodRiskTier,
    /// What blood to prepare for delivery (`bloodPlan.action`).
    pub blood_action: BloodActionKind,
    /// Units of red cells to crossmatch, 0 unless `bloodAction` is `CROSSMATCH`
    /// (`bloodPlan.units`).
    pub blood_units: i32,
    /// When to prepare it (`bloodPlan.timing`).
    pub blood_timing: PlanTiming,
    /// Record fields a criterion needed but that were not recorded.
    pub not_assessed: Vec<String>,
}

impl From<core::PregnancyDecision> for PregnancyDecision {
    fn from(d: core::PregnancyDecision) -> Self {
        let (blood_action, blood_units) = action_to_kotlin(d.blood_action);
        PregnancyDecision {
            risk_level: d.risk_level.into(),
            codes: d.flags.iter().map(|c| c.as_str().to_string()).collect(),
            gestational_age: d.gestational_age.map(Into::into),
            edd: d.edd.map(Into::into),
            hypertension: d.hypertension.map(Into::into),
            anaemia: d.anaemia.map(Into::into),
            gdm: d.gdm,
            referral_level: d.referral_level.into(),
            referral_urgency: d.referral_urgency.into(),
            blood_tier: d.blood_tier.into(),
            blood_action,
            blood_units,
            blood_timing: d.blood_when.into(),
            not_assessed: d.not_assessed.iter().map(str::to_string).collect(),
        }
    }
}

/// Decide an ANC record at `asOf` under `policy` (`null`: `india`) without explaining it: the
/// same rules, values and exceptions as `assessPregnancy`, without the flags' facts and
/// sources, the referral's reasons and the blood plan's factors, and faster.
#[uniffi::export(default(policy = None))]
pub fn decide_pregnancy(
    record: AncRecord,
    as_of: Date,
    policy: Option<Arc<Policy>>,
) -> Result<PregnancyDecision> {
    decide_one(&record, as_of.parse("as_of")?, resolve(&policy))
}

/// What `compatibility` decides, without its explanation (each reason's severity, facts and
/// source): the result of `decideCompatibility` and of `Compatibility.decision()`. Every field
/// has the type of the same value in `Compatibility`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct CompatibilityDecision {
    /// The component judged.
    pub component: Component,
    /// The donor group judged.
    pub donor: BloodGroup,
    /// Whether the unit may be given (no hard stop).
    pub compatible: bool,
    /// How good a choice it is.
    pub rank: Rank,
    /// Whether this is an emergency release (recipient group unknown).
    pub emergency: bool,
    /// The reason codes, most severe first: `Compatibility.codes()`.
    pub codes: Vec<String>,
}

impl From<rakt::CompatibilityDecision> for CompatibilityDecision {
    fn from(d: rakt::CompatibilityDecision) -> Self {
        CompatibilityDecision {
            component: d.component.into(),
            donor: d.donor.into(),
            compatible: d.compatible,
            rank: d.rank.into(),
            emergency: d.emergency,
            codes: d.codes.iter().map(|c| c.as_str().to_string()).collect(),
        }
    }
}

/// Judge one donor group for one recipient and component under `policy` (`null`: `india`)
/// without explaining it: the same verdict, rank, emergency flag and reason codes as
/// `compatibility`, and the same exceptions for an invalid `BloodGroup` or `Recipient`, without
/// the reasons' severities, facts and sources, and faster.
#[uniffi::export(default(policy = None))]
pub fn decide_compatibility(
    component: Component,
    donor: BloodGroup,
    recipient: Recipient,
    policy: Option<Arc<Policy>>,
) -> Result<CompatibilityDecision> {
    decide_compatibility_one(component, donor, &recipient, resolve(&policy))
}
