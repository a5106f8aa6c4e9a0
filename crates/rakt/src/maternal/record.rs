//! The antenatal (ANC) record the high-risk pregnancy assessment reads: its fields, their
//! codes, and the checks that refuse a record no assessment should read (implausible values,
//! counts that contradict each other, dates in the future).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::blood_group::BloodGroup;
use crate::error::{RaktError, Result};
use crate::macros::coded_enum;
use crate::vocab::maternal::UrineProtein;

coded_enum! {
    /// Fetal presentation or lie.
    Presentation {
        /// Head first.
        Cephalic => "cephalic",
        /// Breech.
        Breech => "breech",
        /// Transverse or oblique lie.
        TransverseOrOblique => "transverse_or_oblique",
    }
}

coded_enum! {
    /// A screening test result.
    SerologyResult {
        /// Negative (non-reactive).
        Negative => "negative",
        /// Positive (reactive).
        Positive => "positive",
    }
}

coded_enum! {
    /// Thyroid status as the clinician records it (no TSH cut-off was retrieved:
    /// `research/maternal.md` §1.5, §9).
    ThyroidStatus {
        /// Normal.
        Normal => "normal",
        /// Hypothyroid.
        Hypothyroid => "hypothyroid",
        /// Hyperthyroid.
        Hyperthyroid => "hyperthyroid",
    }
}

coded_enum! {
    /// A known condition, recorded by the clinician.
    KnownCondition {
        /// Placenta praevia or low-lying placenta.
        PlacentaPraevia => "placenta_praevia",
        /// Suspected placenta accreta, increta or percreta.
        SuspectedAccreta => "suspected_accreta",
        /// A known coagulation disorder.
        Coagulopathy => "coagulopathy",
        /// Postpartum haemorrhage in an earlier delivery.
        PreviousPph => "previous_pph",
        /// Large uterine fibroids.
        LargeFibroids => "large_fibroids",
        /// Earlier uterine surgery other than caesarean section (myomectomy, ...).
        PreviousUterineSurgery => "previous_uterine_surgery",
        /// Chorioamnionitis.
        Chorioamnionitis => "chorioamnionitis",
        /// Polyhydramnios.
        Polyhydramnios => "polyhydramnios",
        /// Oligohydramnios.
        Oligohydramnios => "oligohydramnios",
        /// Bad obstetric history (as the record states it).
        BadObstetricHistory => "bad_obstetric_history",
        /// The previous delivery was at home.
        PreviousHomeDelivery => "previous_home_delivery",
        /// Hypertension known before pregnancy.
        ChronicHypertension => "chronic_hypertension",
        /// Heart disease.
        HeartDisease => "heart_disease",
        /// Diabetes known before pregnancy.
        Diabetes => "diabetes",
        /// Kidney disease.
        KidneyDisease => "kidney_disease",
        /// Epilepsy.
        Epilepsy => "epilepsy",
        /// Tuberculosis.
        Tuberculosis => "tuberculosis",
        /// Sickle cell disease.
        SickleCellDisease => "sickle_cell_disease",
        /// Thalassaemia.
        Thalassaemia => "thalassaemia",
        /// Malaria.
        Malaria => "malaria",
        /// Asthma.
        Asthma => "asthma",
    }
}

coded_enum! {
    /// The WHO ANC danger signs ("refer urgently to hospital", WHO ANC DAK ANC.DT.01).
    DangerSign {
        /// Bleeding vaginally.
        BleedingVaginally => "bleeding_vaginally",
        /// Central cyanosis.
        CentralCyanosis => "central_cyanosis",
        /// Convulsing.
        Convulsing => "convulsing",
        /// Fever.
        Fever => "fever",
        /// Severe headache.
        SevereHeadache => "severe_headache",
        /// Visual disturbance.
        VisualDisturbance => "visual_disturbance",
        /// Imminent delivery.
        ImminentDelivery => "imminent_delivery",
        /// Labour.
        Labour => "labour",
        /// Looks very ill.
        LooksVeryIll => "looks_very_ill",
        /// Severe vomiting.
        SevereVomiting => "severe_vomiting",
        /// Severe pain.
        SeverePain => "severe_pain",
        /// Severe abdominal pain.
        SevereAbdominalPain => "severe_abdominal_pain",
        /// Unconscious.
        Unconscious => "unconscious",
    }
}

coded_enum! {
    /// Symptoms of severe pre-eclampsia (WHO ANC DAK ANC.B8.DE29–DE33).
    Symptom {
        /// Severe headache.
        SevereHeadache => "severe_headache",
        /// Visual disturbance.
        VisualDisturbance => "visual_disturbance",
        /// Epigastric pain.
        EpigastricPain => "epigastric_pain",
        /// Dizziness.
        Dizziness => "dizziness",
        /// Vomiting.
        Vomiting => "vomiting",
    }
}

coded_enum! {
    /// Organ support the clinician judges necessary.
    OrganSupport {
        /// High-dependency care (obstetric HDU, district hospital).
        HighDependency => "high_dependency",
        /// Intensive care (obstetric ICU, medical college hospital).
        IntensiveCare => "intensive_care",
    }
}

/// A blood-pressure reading in mmHg.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BloodPressure {
    /// Systolic.
    pub systolic: u32,
    /// Diastolic.
    pub diastolic: u32,
}

impl BloodPressure {
    /// A reading; checked when assessed.
    pub fn new(systolic: u32, diastolic: u32) -> BloodPressure {
        BloodPressure {
            systolic,
            diastolic,
        }
    }
}

impl From<BloodPressure> for crate::reason::Fact {
    fn from(bp: BloodPressure) -> crate::reason::Fact {
        crate::reason::Fact::Pair(bp.systolic, '/', bp.diastolic)
    }
}

impl std::fmt::Display for BloodPressure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.systolic, self.diastolic)
    }
}

/// An antenatal (ANC) record. Every field is optional: a criterion whose data is missing is
/// listed in [`PregnancyAssessment::not_assessed`](super::PregnancyAssessment::not_assessed),
/// never silently passed.
///
/// The due date comes from `edd` when given (for example from an ultrasound dating), else from
/// `lmp` by the policy's Naegele rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AncRecord {
    /// The mother's identifier (for reports and reservations).
    #[serde(default)]
    pub id: Option<String>,
    /// Age in completed years.
    #[serde(default)]
    pub age_years: Option<u32>,
    /// Height in cm.
    #[serde(default)]
    pub height_cm: Option<Decimal>,
    /// Weight in kg.
    #[serde(default)]
    pub weight_kg: Option<Decimal>,
    /// Pregnancies including this one.
    #[serde(default)]
    pub gravida: Option<u32>,
    /// Previous births (parity), as the record counts them.
    #[serde(default)]
    pub parity: Option<u32>,
    /// Living children.
    #[serde(default)]
    pub living_children: Option<u32>,
    /// Previous caesarean sections.
    #[serde(default)]
    pub previous_caesareans: Option<u32>,
    /// Previous stillbirths.
    #[serde(default)]
    pub previous_stillbirths: Option<u32>,
    /// Previous abortions (spontaneous or induced).
    #[serde(default)]
    pub previous_abortions: Option<u32>,
    /// Previous neonatal deaths.
    #[serde(default)]
    pub previous_neonatal_deaths: Option<u32>,
    /// Months from the end of the last pregnancy to the start of this one.
    #[serde(default)]
    pub months_since_last_pregnancy: Option<u32>,
    /// First day of the last menstrual period.
    #[serde(default)]
    pub lmp: Option<NaiveDate>,
    /// Expected date of delivery (wins over `lmp`).
    #[serde(default)]
    pub edd: Option<NaiveDate>,
    /// Number of fetuses.
    #[serde(default)]
    pub fetuses: Option<u32>,
    /// Fetal presentation or lie.
    #[serde(default)]
    pub presentation: Option<Presentation>,
    /// Haemoglobin in g/dL.
    #[serde(default)]
    pub hb_g_dl: Option<Decimal>,
    /// Haematocrit in %.
    #[serde(default)]
    pub haematocrit_pct: Option<Decimal>,
    /// Platelets per µL.
    #[serde(default)]
    pub platelets_per_ul: Option<u32>,
    /// Blood pressure.
    #[serde(default)]
    pub bp: Option<BloodPressure>,
    /// The repeat blood-pressure reading.
    #[serde(default)]
    pub bp_repeat: Option<BloodPressure>,
    /// Urine protein by dipstick.
    #[serde(default)]
    pub urine_protein: Option<UrineProtein>,
    /// 75 g OGTT 2-hour venous plasma glucose in mg/dL.
    #[serde(default)]
    pub ogtt_2h_mg_dl: Option<Decimal>,
    /// Thyroid status.
    #[serde(default)]
    pub thyroid: Option<ThyroidStatus>,
    /// ABO and RhD group.
    #[serde(default)]
    pub blood_group: Option<BloodGroup>,
    /// HIV test.
    #[serde(default)]
    pub hiv: Option<SerologyResult>,
    /// Syphilis test (VDRL/RPR/RDT).
    #[serde(default)]
    pub syphilis: Option<SerologyResult>,
    /// HBsAg test.
    #[serde(default)]
    pub hbsag: Option<SerologyResult>,
    /// Known conditions.
    #[serde(default)]
    pub conditions: Vec<KnownCondition>,
    /// Danger signs present now.
    #[serde(default)]
    pub danger_signs: Vec<DangerSign>,
    /// Symptoms of severe pre-eclampsia present now.
    #[serde(default)]
    pub symptoms: Vec<Symptom>,
    /// Vaginal bleeding now.
    #[serde(default)]
    pub vaginal_bleeding: bool,
    /// Organ support the clinician judges necessary.
    #[serde(default)]
    pub organ_support: Option<OrganSupport>,
}

/// Plausibility bounds for data entry (not clinical thresholds): a value outside is a typo.
fn check_range(field: &str, value: Decimal, lo: i64, hi: i64) -> Result<()> {
    crate::plausible::check(field, value, crate::plausible::Bound { lo, hi })
}

pub(super) fn check_record(r: &AncRecord, as_of: NaiveDate) -> Result<()> {
    let num = |field: &str, v: Option<u32>, lo: i64, hi: i64| match v {
        Some(v) => crate::plausible::check_count(field, v, crate::plausible::Bound { lo, hi }),
        None => Ok(()),
    };
    num("age_years", r.age_years, 8, 70)?;
    let count = |field: &str, v: Option<u32>, bound| match v {
        Some(v) => crate::plausible::check_count(field, v, bound),
        None => Ok(()),
    };
    count("fetuses", r.fetuses, crate::plausible::FETUSES)?;
    count("parity", r.parity, crate::plausible::PARITY)?;
    num("platelets_per_ul", r.platelets_per_ul, 0, 2_000_000)?;
    for (field, v, lo, hi) in [
        ("height_cm", r.height_cm, 80, 230),
        (
            "weight_kg",
            r.weight_kg,
            crate::plausible::WEIGHT_KG.lo,
            crate::plausible::WEIGHT_KG.hi,
        ),
        (
            "hb_g_dl",
            r.hb_g_dl,
            crate::plausible::HB_G_DL.lo,
            crate::plausible::HB_G_DL.hi,
        ),
        ("haematocrit_pct", r.haematocrit_pct, 5, 75),
        ("ogtt_2h_mg_dl", r.ogtt_2h_mg_dl, 20, 1000),
    ] {
        if let Some(v) = v {
            check_range(field, v, lo, hi)?;
        }
    }
    for (field, bp) in [("bp", r.bp), ("bp_repeat", r.bp_repeat)] {
        if let Some(bp) = bp {
            num(field, Some(bp.systolic), 40, 300)?;
            num(field, Some(bp.diastolic), 20, 200)?;
            if bp.diastolic >= bp.systolic {
                return Err(RaktError::input(
                    field,
                    format!(
                        "diastolic {} must be below systolic {}",
                        bp.diastolic, bp.systolic
                    ),
                ));
            }
        }
    }
    if r.bp.is_none() && r.bp_repeat.is_some() {
        return Err(RaktError::input(
            "bp_repeat",
            "a repeat reading needs the first reading (bp)",
        ));
    }
    if let (Some(g), Some(p)) = (r.gravida, r.parity) {
        if g == 0 {
            return Err(RaktError::input(
                "gravida",
                "counts this pregnancy, so it is at least 1",
            ));
        }
        if p >= g {
            return Err(RaktError::input(
                "parity",
                format!(
                    "{p} previous births need gravida above {p} (this pregnancy counts), not {g}"
                ),
            ));
        }
    }
    count("gravida", r.gravida, crate::plausible::GRAVIDA)?;
    if let (Some(p), Some(c)) = (r.parity, r.previous_caesareans) {
        if c > p {
            return Err(RaktError::input(
                "previous_caesareans",
                format!("{c} caesareans but only {p} previous births"),
            ));
        }
    }
    if let Some(lmp) = r.lmp {
        if lmp > as_of {
            return Err(RaktError::input("lmp", format!("{lmp} is after {as_of}")));
        }
    }
    Ok(())
}
