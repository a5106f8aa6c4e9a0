//! Maternal health: gestation and birth outcomes (this module so far); high-risk pregnancy
//! flags, early warning, Robson groups, referral and blood readiness follow (issue 6).
//!
//! Every threshold is a policy value with its source (`Policy::maternal`,
//! `research/maternal.md` §4).

mod gestation;

pub use gestation::{
    BirthWeight, BirthWeightCategory, FetalDeathClass, FetalDeathTiming, GestationCategory,
    GestationalAge, NewbornDeath, NewbornDeathBin, SignsOfLife, birth_weight, classify_fetal_death,
    edd_from_lmp, edd_from_ultrasound, gestational_age, gestational_age_from_edd,
    in_maternal_death_window, newborn_death,
};
