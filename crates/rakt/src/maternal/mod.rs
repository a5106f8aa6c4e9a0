//! Maternal health: gestation and birth outcomes, high-risk pregnancy flags
//! ([`assess_pregnancy`]), the referral level, the blood plan for delivery with
//! [`blood_readiness`] against the inventory, obstetric early warning ([`early_warning`]), the
//! shock index, the ICMR PPH red flags, the PPH classification and the Robson ten-group
//! classification ([`robson_group`]).
//!
//! Every threshold is a policy value with its source (the policy's `maternal`, `hrp`,
//! `referral`, `blood_plan` and `early_warning` sections; `research/maternal.md`).

mod blood_plan;
mod decision;
mod early_warning;
mod flags;
mod gestation;
mod grades;
mod hrp;
mod hypertension;
mod record;
mod referral;
mod robson;

pub use crate::vocab::maternal::{
    BloodRiskFactor, CareLevel, FlagCategory, FlagCode, FlagSeverity, UrineProtein,
};
pub use blood_plan::{
    BloodPlan, BloodReadiness, BloodRiskTier, Mother, NearbySupply, PlanTiming, blood_readiness,
};
pub use decision::{FlagCounts, NotAssessed, PregnancyDecision};
pub use early_warning::{
    Band, DeliveryMode, EarlyWarning, ParameterBand, PphClass, PphSeverity, PphTiming, RedFlag,
    RedFlagCode, SIGNS, ShockIndex, VitalSign, Vitals, WarningDecision, classify_pph,
    decide_early_warning, early_warning, pph_red_flags, shock_index,
};
pub use flags::Flag;
pub use grades::{AnaemiaGrade, HypertensionClass, RiskLevel};
pub use hrp::{
    PregnancyAssessment, assess_pregnancy, decide_pregnancy, decide_pregnancy_with_flags,
};
pub use record::{
    AncRecord, BloodPressure, DangerSign, KnownCondition, OrganSupport, Presentation,
    SerologyResult, Symptom, ThyroidStatus,
};
pub use referral::{Referral, ReferralReason};
pub use robson::{
    LabourOnset, RobsonClass, RobsonGroup, RobsonInput, RobsonVariable, robson_group,
};

pub use gestation::{
    BirthWeight, BirthWeightCategory, FetalDeathClass, FetalDeathTiming, GestationCategory,
    GestationalAge, NewbornDeath, NewbornDeathBin, SignsOfLife, birth_weight, classify_fetal_death,
    edd_from_lmp, edd_from_ultrasound, gestational_age, gestational_age_from_edd,
    in_maternal_death_window, newborn_death,
};
