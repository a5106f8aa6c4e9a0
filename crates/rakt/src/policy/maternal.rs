//! Policy parameters for gestation and birth outcomes: the due date, gestation categories,
//! birth-weight lines, stillbirth and death windows (`research/maternal.md` §4).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Confidence, Source};
use crate::error::{RaktError, Result};

/// Gestation boundaries in completed weeks; each category starts at its week (inclusive) and
/// ends before the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GestationWeeks {
    /// Very preterm from this week (below it: extremely preterm).
    pub very_preterm_from: u32,
    /// Moderate preterm from this week.
    pub moderate_preterm_from: u32,
    /// Late preterm from this week.
    pub late_preterm_from: u32,
    /// Early term from this week (below it: preterm).
    pub early_term_from: u32,
    /// Full term from this week.
    pub full_term_from: u32,
    /// Late term from this week.
    pub late_term_from: u32,
    /// Post-term from this week.
    pub post_term_from: u32,
}

/// Birth-weight lines in grams; a weight is in a category when it is **below** its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BirthWeightGrams {
    /// Low birth weight: below this.
    pub low_below: u32,
    /// Very low birth weight: below this.
    pub very_low_below: u32,
    /// Extremely low birth weight: below this.
    pub extremely_low_below: u32,
    /// The extra HMIS line (item 4.4.2.a): below this.
    pub hmis_line_below: u32,
}

/// Fetal deaths as HMIS counts them, in completed weeks of gestation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StillbirthWeeks {
    /// A fetal death at or after this week is a stillbirth (fresh or macerated).
    pub stillbirth_from: u32,
    /// A fetal death from this week up to the stillbirth week is a "foetal death".
    pub foetal_death_from: u32,
}

/// Gestation and outcome parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaternalPolicy {
    /// Naegele's rule: the due date is this many days after the first day of the last
    /// menstrual period.
    pub naegele_days: u32,
    /// Gestation categories.
    pub gestation_weeks: GestationWeeks,
    /// Birth-weight categories.
    pub birth_weight_grams: BirthWeightGrams,
    /// Stillbirth and foetal-death weeks.
    pub stillbirth_weeks: StillbirthWeeks,
    /// A death at an age of fewer than this many completed days is a neonatal death.
    pub neonatal_death_days: u32,
    /// A death of a woman up to this many days (inclusive) after the end of pregnancy is in
    /// the maternal-death window.
    pub maternal_death_days: u32,
}

const NAEGELE: &str = "Naegele's rule, LMP + 280 days (ACOG Committee Opinion, Methods for estimating the due date, 2017, via roundscalc and liquisearch; implemented as LMP + 280 in the FLW app and OpenCHS) (research/maternal.md §4)";
const EPI_REV: &str = "Epidemiol Rev 2014;36:148 Table 4 (extremely < 28, very < 32, preterm < 37, post-term ≥ 42 weeks); WHO sub-categories via EFCNI (moderate 32 to < 34 implied by late preterm 34 to < 37); ACOG CO 579 term sub-categories (early 37+0, full 39+0, late 41+0, post-term 42+0) (research/maternal.md §4)";
const BIRTH_WEIGHT: &str = "LBW < 2500 g, VLBW < 1500 g, ELBW < 1000 g (medical home portal; Sri Lanka statistics); HMIS items 4.4.2 (< 2500 g) and 4.4.2.a (< 1800 g) (research/maternal.md §4, §7)";
const STILLBIRTH: &str = "HMIS newest facility format: fresh and macerated stillbirth 28 weeks and above (4.1.3.a, 4.1.3.b), foetal death 24–27 completed weeks (4.1.3.c), as transcribed in public GitHub code (research/maternal.md §4, §7)";
const NEONATAL: &str = "Neonatal death: death in the first 28 days of life (WHO; LSHTM: the first 27 completed days) (research/maternal.md §4)";
const MATERNAL: &str = "WHO/ICD maternal death: while pregnant or within 42 days of the termination of pregnancy (SPC NMDI metadata; Data for Impact ICD-MM) (research/maternal.md §4)";

/// The built-in values (the same in every profile: the definitions are international).
pub(super) fn maternal(s: &mut BTreeMap<String, Source>) -> MaternalPolicy {
    s.insert(
        "maternal.naegele_days".into(),
        Source::new(NAEGELE, Confidence::Medium),
    );
    s.insert(
        "maternal.gestation_weeks".into(),
        Source::new(EPI_REV, Confidence::Medium),
    );
    s.insert(
        "maternal.birth_weight_grams".into(),
        Source::new(BIRTH_WEIGHT, Confidence::Medium),
    );
    s.insert(
        "maternal.stillbirth_weeks".into(),
        Source::new(STILLBIRTH, Confidence::Medium).alt(
            "stillbirth from 24 weeks",
            "LaQshya C-section audit: previous stillbirths > 24 weeks (research/maternal.md §8)",
        ),
    );
    s.insert(
        "maternal.neonatal_death_days".into(),
        Source::new(NEONATAL, Confidence::Medium).note(
            "Ages 0 to 27 completed days are neonatal; the HMIS newborn-death bins run to 28 days (8–28 days), and are reported separately.",
        ),
    );
    s.insert(
        "maternal.maternal_death_days".into(),
        Source::new(MATERNAL, Confidence::High).note(
            "\"Within 42 days\" is read as inclusive: a death on day 42 after the end of pregnancy is in the window.",
        ),
    );
    MaternalPolicy {
        naegele_days: 280,
        gestation_weeks: GestationWeeks {
            very_preterm_from: 28,
            moderate_preterm_from: 32,
            late_preterm_from: 34,
            early_term_from: 37,
            full_term_from: 39,
            late_term_from: 41,
            post_term_from: 42,
        },
        birth_weight_grams: BirthWeightGrams {
            low_below: 2500,
            very_low_below: 1500,
            extremely_low_below: 1000,
            hmis_line_below: 1800,
        },
        stillbirth_weeks: StillbirthWeeks {
            stillbirth_from: 28,
            foetal_death_from: 24,
        },
        neonatal_death_days: 28,
        maternal_death_days: 42,
    }
}

pub(super) fn validate_maternal(p: &MaternalPolicy) -> Result<()> {
    if p.naegele_days == 0 || p.naegele_days > 320 {
        return Err(RaktError::policy(
            "maternal.naegele_days",
            "must be between 1 and 320",
        ));
    }
    let g = &p.gestation_weeks;
    let weeks = [
        g.very_preterm_from,
        g.moderate_preterm_from,
        g.late_preterm_from,
        g.early_term_from,
        g.full_term_from,
        g.late_term_from,
        g.post_term_from,
    ];
    if weeks.first() == Some(&0) || weeks.windows(2).any(|w| w.first() >= w.get(1)) {
        return Err(RaktError::policy(
            "maternal.gestation_weeks",
            "the weeks must rise strictly from very_preterm_from (> 0) to post_term_from",
        ));
    }
    let b = &p.birth_weight_grams;
    if !(b.extremely_low_below > 0
        && b.extremely_low_below < b.very_low_below
        && b.very_low_below < b.low_below
        && b.hmis_line_below > 0
        && b.hmis_line_below <= b.low_below)
    {
        return Err(RaktError::policy(
            "maternal.birth_weight_grams",
            "need 0 < extremely_low_below < very_low_below < low_below and 0 < hmis_line_below <= low_below",
        ));
    }
    let s = &p.stillbirth_weeks;
    if s.foetal_death_from == 0 || s.foetal_death_from > s.stillbirth_from {
        return Err(RaktError::policy(
            "maternal.stillbirth_weeks",
            "need 0 < foetal_death_from <= stillbirth_from",
        ));
    }
    if p.neonatal_death_days == 0 || p.maternal_death_days == 0 {
        return Err(RaktError::policy(
            "maternal",
            "the death windows must be at least one day",
        ));
    }
    Ok(())
}
