//! What [`assess_pregnancy`](super::assess_pregnancy) decides, without its explanation:
//! [`decide_pregnancy`](super::decide_pregnancy) runs the same rules and keeps only the codes,
//! as plain values that need no heap (for batch work and phones).

use chrono::NaiveDate;

use super::blood_plan::{BloodRiskTier, PlanTiming};
use super::flags::Flag;
use super::gestation::GestationalAge;
use super::grades::{AnaemiaGrade, HypertensionClass, RiskLevel};
use crate::policy::{BloodAction, Urgency};
use crate::vocab::maternal::{CareLevel, FlagCode, FlagSeverity};

const CODES: usize = FlagCode::ALL.len();

/// The emergency codes, as a set of bits by position in [`FlagCode::ALL`].
const EMERGENCY: u64 = {
    let mut mask = 0;
    let mut bit = 0;
    let mut codes = FlagCode::ALL;
    while let [code, rest @ ..] = codes {
        if matches!(code.severity(), FlagSeverity::Emergency) {
            mask |= 1 << bit;
        }
        bit += 1;
        codes = rest;
    }
    mask
};

/// The flags of a decision: how many flags of each code apply. A code is raised once, except
/// `DANGER_SIGN` (once per sign), `OBSTETRIC_CONDITION` and `MEDICAL_CONDITION` (once per
/// condition).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FlagCounts {
    /// The codes present, as bits by position in [`FlagCode::ALL`].
    present: u64,
    /// How many flags of each code.
    counts: [u8; CODES],
}

impl Default for FlagCounts {
    fn default() -> FlagCounts {
        FlagCounts {
            present: 0,
            counts: [0; CODES],
        }
    }
}

/// The codes of a set of bits, in code order.
fn codes_of(mut bits: u64) -> impl Iterator<Item = FlagCode> {
    std::iter::from_fn(move || {
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if let Some(&code) = FlagCode::ALL.get(i) {
                return Some(code);
            }
        }
        None
    })
}

impl FlagCounts {
    /// Count one more flag of `code`.
    pub(super) fn add(&mut self, code: FlagCode) {
        if let Some(n) = self.counts.get_mut(code as usize) {
            *n = n.saturating_add(1);
            self.present |= 1 << (code as u32);
        }
    }

    /// How many flags of `code` apply.
    pub fn count(&self, code: FlagCode) -> usize {
        self.counts
            .get(code as usize)
            .map_or(0, |&n| usize::from(n))
    }

    /// Whether a flag of `code` applies.
    pub fn contains(&self, code: FlagCode) -> bool {
        self.present & (1 << (code as u32)) != 0
    }

    /// How many flags apply in all.
    pub fn len(&self) -> usize {
        self.counts.iter().map(|&n| usize::from(n)).sum()
    }

    /// Whether no flag applies.
    pub fn is_empty(&self) -> bool {
        self.present == 0
    }

    /// The codes that apply, each once, emergencies first, then in code order.
    pub fn codes(&self) -> impl Iterator<Item = FlagCode> + use<> {
        codes_of(self.present & EMERGENCY).chain(codes_of(self.present & !EMERGENCY))
    }

    /// The code of each flag, in the order of [`PregnancyAssessment::flags`]
    /// (emergencies first, then in code order), a code repeated once per flag.
    ///
    /// [`PregnancyAssessment::flags`]: super::PregnancyAssessment::flags
    pub fn iter(&self) -> impl Iterator<Item = FlagCode> + '_ {
        self.codes()
            .flat_map(move |c| std::iter::repeat_n(c, self.count(c)))
    }

    /// The highest severity of any flag.
    pub fn highest_severity(&self) -> Option<FlagSeverity> {
        if self.present & EMERGENCY != 0 {
            Some(FlagSeverity::Emergency)
        } else if self.present != 0 {
            Some(FlagSeverity::HighRisk)
        } else {
            None
        }
    }
}

/// Where the rules put the flags they raise: counted by code when deciding, built with their
/// facts and sources when explaining. The rules are written once, against this.
pub(super) trait Findings {
    /// A flag of `code` applies; `explain` builds it with its facts and source.
    fn raise(&mut self, code: FlagCode, explain: impl FnOnce() -> Flag);
}

impl Findings for FlagCounts {
    fn raise(&mut self, code: FlagCode, _explain: impl FnOnce() -> Flag) {
        self.add(code);
    }
}

impl Findings for Vec<Flag> {
    fn raise(&mut self, _code: FlagCode, explain: impl FnOnce() -> Flag) {
        self.push(explain());
    }
}

macro_rules! fields {
    ($($variant:ident => $name:literal,)*) => {
        /// A record field (or policy rule) a criterion needed but did not have, in the order
        /// the rules read them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(super) enum Unassessed {
            $($variant,)*
        }

        /// The names of [`Unassessed`], by position.
        const NAMES: &[&str] = &[$($name,)*];
    };
}

fields! {
    AgeYears => "age_years",
    HeightCm => "height_cm",
    WeightKg => "weight_kg",
    Parity => "parity",
    Gravida => "gravida",
    MonthsSinceLastPregnancy => "months_since_last_pregnancy",
    PreviousCaesareans => "previous_caesareans",
    PreviousStillbirths => "previous_stillbirths",
    PreviousNeonatalDeaths => "previous_neonatal_deaths",
    PreviousAbortions => "previous_abortions",
    Fetuses => "fetuses",
    LmpOrEdd => "lmp_or_edd",
    Bp => "bp",
    BpRepeat => "bp_repeat",
    UrineProtein => "urine_protein",
    AnaemiaNotConfigured => "anaemia_not_configured",
    HbGDl => "hb_g_dl",
    GdmNotConfigured => "gdm_not_configured",
    Ogtt2hMgDl => "ogtt_2h_mg_dl",
    Hiv => "hiv",
    Syphilis => "syphilis",
    Hbsag => "hbsag",
    Thyroid => "thyroid",
    BloodGroup => "blood_group",
}

/// The record fields a decision needed but that were not recorded (and the rules the policy
/// leaves unset: `anaemia_not_configured`, `gdm_not_configured`), as a set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NotAssessed(u32);

impl NotAssessed {
    pub(super) fn add(&mut self, field: Unassessed) {
        self.0 |= 1 << (field as u32);
    }

    /// The set of the names given that it knows (an assessment's `not_assessed`).
    pub(super) fn of<'a>(names: impl Iterator<Item = &'a str>) -> NotAssessed {
        let mut set = NotAssessed::default();
        for name in names {
            if let Some(i) = NAMES.iter().position(|&n| n == name) {
                set.0 |= 1 << i;
            }
        }
        set
    }

    pub(super) fn merge(&mut self, other: NotAssessed) {
        self.0 |= other.0;
    }

    /// The names, in the order of [`PregnancyAssessment::not_assessed`].
    ///
    /// [`PregnancyAssessment::not_assessed`]: super::PregnancyAssessment::not_assessed
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        NAMES
            .iter()
            .enumerate()
            .filter(|&(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, &name)| name)
    }

    /// Whether `name` is in the set.
    pub fn contains(&self, name: &str) -> bool {
        self.iter().any(|n| n == name)
    }

    /// How many names.
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether every field needed was recorded.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }
}

/// What [`decide_pregnancy`](super::decide_pregnancy) decides: every value of a
/// [`PregnancyAssessment`](super::PregnancyAssessment) except the explanation (each flag's facts
/// and source, the referral's reasons, the blood plan's factors and source). A plain value: it
/// holds nothing on the heap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PregnancyDecision {
    /// The overall risk.
    pub risk_level: RiskLevel,
    /// The flags that apply, by code.
    pub flags: FlagCounts,
    /// Gestational age at `as_of`, when the LMP or EDD is known.
    pub gestational_age: Option<GestationalAge>,
    /// Expected date of delivery, when known.
    pub edd: Option<NaiveDate>,
    /// Hypertension class, when BP was measured.
    pub hypertension: Option<HypertensionClass>,
    /// Anaemia grade, when Hb was measured and the policy has an anaemia rule.
    pub anaemia: Option<AnaemiaGrade>,
    /// Whether the OGTT shows GDM, when done and the policy has a GDM rule.
    pub gdm: Option<bool>,
    /// The minimum level of care.
    pub referral_level: CareLevel,
    /// How soon.
    pub referral_urgency: Urgency,
    /// The haemorrhage-risk tier of the blood plan.
    pub blood_tier: BloodRiskTier,
    /// What blood to prepare for delivery.
    pub blood_action: BloodAction,
    /// When to prepare it.
    pub blood_when: PlanTiming,
    /// Record fields a criterion needed but that were not recorded.
    pub not_assessed: NotAssessed,
}

impl PregnancyDecision {
    /// How many units of red cells to crossmatch (0 for no crossmatch).
    pub fn blood_units(&self) -> u32 {
        self.blood_action.units()
    }
}

/// The overall risk from the highest severity of the flags.
pub(super) fn risk_level(highest: Option<FlagSeverity>) -> RiskLevel {
    match highest {
        Some(FlagSeverity::Emergency) => RiskLevel::Emergency,
        Some(FlagSeverity::HighRisk) => RiskLevel::High,
        None => RiskLevel::Low,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_counts_list_emergencies_first_then_code_order_with_repeats() {
        let mut f = FlagCounts::default();
        assert_eq!(
            (f.is_empty(), f.len(), f.highest_severity()),
            (true, 0, None)
        );
        for code in [
            FlagCode::SevereAnaemia,
            FlagCode::DangerSign,
            FlagCode::YoungAge,
            FlagCode::DangerSign,
        ] {
            f.add(code);
        }
        assert_eq!(
            f.iter().collect::<Vec<_>>(),
            [
                FlagCode::DangerSign,
                FlagCode::DangerSign,
                FlagCode::YoungAge,
                FlagCode::SevereAnaemia
            ]
        );
        assert_eq!(
            f.codes().collect::<Vec<_>>(),
            [
                FlagCode::DangerSign,
                FlagCode::YoungAge,
                FlagCode::SevereAnaemia
            ]
        );
        assert_eq!((f.len(), f.count(FlagCode::DangerSign)), (4, 2));
        assert_eq!(f.count(FlagCode::OldAge), 0);
        assert!(f.contains(FlagCode::YoungAge) && !f.contains(FlagCode::OldAge));
        // Codes past the first bit too.
        assert!(f.contains(FlagCode::DangerSign) && f.contains(FlagCode::SevereAnaemia));
        assert!(!f.is_empty());
        assert_eq!(f.highest_severity(), Some(FlagSeverity::Emergency));
        let mut high = FlagCounts::default();
        high.add(FlagCode::Gdm);
        assert_eq!(high.highest_severity(), Some(FlagSeverity::HighRisk));
        assert_eq!(risk_level(high.highest_severity()), RiskLevel::High);
        assert_eq!(risk_level(f.highest_severity()), RiskLevel::Emergency);
        assert_eq!(risk_level(None), RiskLevel::Low);
    }

    #[test]
    fn every_code_has_its_own_bit_and_the_emergency_mask_is_its_severity() {
        for (i, &code) in FlagCode::ALL.iter().enumerate() {
            assert_eq!(code as usize, i);
            let mut f = FlagCounts::default();
            f.add(code);
            assert_eq!(f.codes().collect::<Vec<_>>(), [code]);
            let emergency = code.severity() == FlagSeverity::Emergency;
            assert_eq!(EMERGENCY & (1 << i) != 0, emergency, "{code}");
        }
        assert!(FlagCode::ALL.len() < 64);
    }

    #[test]
    fn not_assessed_lists_names_in_reading_order() {
        let mut n = NotAssessed::default();
        assert_eq!((n.is_empty(), n.len()), (true, 0));
        n.add(Unassessed::BloodGroup);
        n.add(Unassessed::AgeYears);
        n.add(Unassessed::AgeYears);
        let mut other = NotAssessed::default();
        other.add(Unassessed::UrineProtein);
        n.merge(other);
        assert_eq!(
            n.iter().collect::<Vec<_>>(),
            ["age_years", "urine_protein", "blood_group"]
        );
        assert_eq!((n.len(), n.is_empty()), (3, false));
        assert!(n.contains("urine_protein") && !n.contains("hb_g_dl"));
        assert_eq!(
            NotAssessed::of(["blood_group", "age_years", "urine_protein", "no_such"].into_iter()),
            n
        );
        assert_eq!(NAMES.len(), Unassessed::BloodGroup as usize + 1);
    }
}
