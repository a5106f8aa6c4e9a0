//! The maternal vocabulary that policies name: high-risk flag codes with their categories and
//! severities, levels of care, urine protein grades and the haemorrhage risk factors of the
//! blood plan.

use serde::{Deserialize, Serialize};

use crate::macros::coded_enum;

/// How much a flag matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagSeverity {
    /// A high-risk pregnancy: plan care and delivery at the right level.
    HighRisk,
    /// An emergency danger sign: refer now.
    Emergency,
}

impl FlagSeverity {
    /// `high_risk` or `emergency`.
    pub fn as_str(self) -> &'static str {
        match self {
            FlagSeverity::HighRisk => "high_risk",
            FlagSeverity::Emergency => "emergency",
        }
    }
}

/// The group a flag belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagCategory {
    /// Age, height, weight.
    Demographic,
    /// Earlier pregnancies.
    ObstetricHistory,
    /// This pregnancy: fetuses, presentation, placenta, gestation.
    CurrentPregnancy,
    /// Blood pressure.
    Hypertension,
    /// Haemoglobin.
    Anaemia,
    /// Glucose.
    Diabetes,
    /// HIV, syphilis, hepatitis B.
    Infection,
    /// Thyroid, blood group, known medical conditions.
    Medical,
    /// Bleeding in pregnancy.
    Bleeding,
    /// Danger signs and organ support.
    DangerSign,
}

impl FlagCategory {
    /// The snake_case code.
    pub fn as_str(self) -> &'static str {
        match self {
            FlagCategory::Demographic => "demographic",
            FlagCategory::ObstetricHistory => "obstetric_history",
            FlagCategory::CurrentPregnancy => "current_pregnancy",
            FlagCategory::Hypertension => "hypertension",
            FlagCategory::Anaemia => "anaemia",
            FlagCategory::Diabetes => "diabetes",
            FlagCategory::Infection => "infection",
            FlagCategory::Medical => "medical",
            FlagCategory::Bleeding => "bleeding",
            FlagCategory::DangerSign => "danger_sign",
        }
    }
}

macro_rules! flag_codes {
    ($( $(#[$doc:meta])* $variant:ident => $text:literal, $cat:ident, $sev:ident ;)*) => {
        /// Stable codes of the high-risk pregnancy flags. The text form (`SEVERE_ANAEMIA`) is
        /// the contract used by the bindings and the conformance vectors.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        #[non_exhaustive]
        pub enum FlagCode {
            $( $(#[$doc])* $variant, )*
        }

        impl FlagCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [FlagCode] = &[$(FlagCode::$variant),*];

            /// The stable text form, e.g. `SEVERE_ANAEMIA`.
            pub fn as_str(self) -> &'static str {
                match self { $(FlagCode::$variant => $text,)* }
            }

            /// The code for its text form.
            ///
            /// ```
            /// use rakt::maternal::FlagCode;
            /// assert_eq!(FlagCode::parse("GDM"), Some(FlagCode::Gdm));
            /// assert_eq!(FlagCode::parse("gdm"), None);
            /// ```
            pub fn parse(text: &str) -> Option<FlagCode> {
                match text { $($text => Some(FlagCode::$variant),)* _ => None }
            }

            /// The group the flag belongs to.
            pub const fn category(self) -> FlagCategory {
                match self { $(FlagCode::$variant => FlagCategory::$cat,)* }
            }

            /// The severity this flag always has.
            pub const fn severity(self) -> FlagSeverity {
                match self { $(FlagCode::$variant => FlagSeverity::$sev,)* }
            }
        }
    };
}

flag_codes! {
    /// Younger than the policy's age.
    YoungAge => "YOUNG_AGE", Demographic, HighRisk;
    /// Older than the policy's age.
    OldAge => "OLD_AGE", Demographic, HighRisk;
    /// Short stature.
    ShortStature => "SHORT_STATURE", Demographic, HighRisk;
    /// Low body weight.
    LowWeight => "LOW_WEIGHT", Demographic, HighRisk;
    /// Many previous births (or pregnancies).
    GrandMultiparity => "GRAND_MULTIPARITY", ObstetricHistory, HighRisk;
    /// A short interval since the last pregnancy.
    ShortBirthInterval => "SHORT_BIRTH_INTERVAL", ObstetricHistory, HighRisk;
    /// One or more previous caesarean sections.
    PreviousCaesarean => "PREVIOUS_CAESAREAN", ObstetricHistory, HighRisk;
    /// One or more previous stillbirths.
    PreviousStillbirth => "PREVIOUS_STILLBIRTH", ObstetricHistory, HighRisk;
    /// One or more previous neonatal deaths.
    PreviousNeonatalDeath => "PREVIOUS_NEONATAL_DEATH", ObstetricHistory, HighRisk;
    /// Recurrent abortions.
    RecurrentAbortion => "RECURRENT_ABORTION", ObstetricHistory, HighRisk;
    /// Postpartum haemorrhage in an earlier delivery.
    PreviousPph => "PREVIOUS_PPH", ObstetricHistory, HighRisk;
    /// Twins or more.
    MultiplePregnancy => "MULTIPLE_PREGNANCY", CurrentPregnancy, HighRisk;
    /// Breech, transverse or oblique.
    Malpresentation => "MALPRESENTATION", CurrentPregnancy, HighRisk;
    /// Past the policy's post-term week.
    PostTerm => "POST_TERM", CurrentPregnancy, HighRisk;
    /// Placenta praevia or low-lying placenta.
    PlacentaPraevia => "PLACENTA_PRAEVIA", CurrentPregnancy, HighRisk;
    /// Suspected placenta accreta spectrum.
    SuspectedAccreta => "SUSPECTED_ACCRETA", CurrentPregnancy, HighRisk;
    /// Another obstetric condition (fibroids, uterine surgery, amniotic fluid, ...).
    ObstetricCondition => "OBSTETRIC_CONDITION", CurrentPregnancy, HighRisk;
    /// A hypertensive reading without the repeat reading that confirms it.
    RaisedBpUnconfirmed => "RAISED_BP_UNCONFIRMED", Hypertension, HighRisk;
    /// Hypertension before the policy's week, or known before pregnancy.
    ChronicHypertension => "CHRONIC_HYPERTENSION", Hypertension, HighRisk;
    /// Hypertension after the policy's week without proteinuria.
    GestationalHypertension => "GESTATIONAL_HYPERTENSION", Hypertension, HighRisk;
    /// Severe-range blood pressure on both readings.
    SevereHypertension => "SEVERE_HYPERTENSION", Hypertension, HighRisk;
    /// Hypertension with proteinuria.
    PreEclampsia => "PRE_ECLAMPSIA", Hypertension, HighRisk;
    /// Pre-eclampsia with severe-range pressure or severe symptoms.
    SeverePreEclampsia => "SEVERE_PRE_ECLAMPSIA", Hypertension, HighRisk;
    /// Convulsions with hypertension.
    Eclampsia => "ECLAMPSIA", Hypertension, Emergency;
    /// Severe anaemia.
    SevereAnaemia => "SEVERE_ANAEMIA", Anaemia, HighRisk;
    /// Gestational diabetes by the 75 g OGTT.
    Gdm => "GDM", Diabetes, HighRisk;
    /// HIV-positive.
    HivPositive => "HIV_POSITIVE", Infection, HighRisk;
    /// Syphilis-positive.
    SyphilisPositive => "SYPHILIS_POSITIVE", Infection, HighRisk;
    /// HBsAg-positive.
    HbsagPositive => "HBSAG_POSITIVE", Infection, HighRisk;
    /// A thyroid disorder.
    ThyroidDisorder => "THYROID_DISORDER", Medical, HighRisk;
    /// RhD-negative mother.
    RhNegative => "RH_NEGATIVE", Medical, HighRisk;
    /// A known coagulation disorder.
    Coagulopathy => "COAGULOPATHY", Medical, HighRisk;
    /// A known medical condition.
    MedicalCondition => "MEDICAL_CONDITION", Medical, HighRisk;
    /// Vaginal bleeding at or before the policy's week.
    VaginalBleeding => "VAGINAL_BLEEDING", Bleeding, Emergency;
    /// Vaginal bleeding after the policy's week (or at an unknown gestation).
    AntepartumHaemorrhage => "ANTEPARTUM_HAEMORRHAGE", Bleeding, Emergency;
    /// A WHO danger sign.
    DangerSign => "DANGER_SIGN", DangerSign, Emergency;
    /// Needs high-dependency care.
    NeedsHighDependency => "NEEDS_HIGH_DEPENDENCY", DangerSign, Emergency;
    /// Needs intensive care.
    NeedsIntensiveCare => "NEEDS_INTENSIVE_CARE", DangerSign, Emergency;
}

coded_enum! {
    /// Levels of care for delivery in India, lowest first (`research/maternal.md` §6.2).
    CareLevel {
        /// Level 1: sub-centres and PHCs not yet 24x7; delivery by a skilled birth attendant.
        L1 => "l1",
        /// Level 2: 24x7 facilities providing basic emergency obstetric and newborn care
        /// (BEmONC), without surgery or blood transfusion.
        L2 => "l2",
        /// Level 3: first referral units (FRU) providing comprehensive EmONC, with caesarean
        /// section and blood transfusion.
        L3 => "l3",
        /// The obstetric high-dependency unit of a district hospital.
        DistrictHospitalHdu => "dh_hdu",
        /// The obstetric intensive care unit of a medical college hospital.
        MedicalCollegeIcu => "mc_icu",
    }
}

impl CareLevel {
    /// A short English description.
    pub fn describe(self) -> &'static str {
        match self {
            CareLevel::L1 => "Level 1 (sub-centre or PHC, skilled birth attendant)",
            CareLevel::L2 => "Level 2 (24x7 PHC or CHC, basic EmONC)",
            CareLevel::L3 => {
                "Level 3 (FRU, comprehensive EmONC: caesarean section and blood transfusion)"
            }
            CareLevel::DistrictHospitalHdu => "District hospital obstetric HDU",
            CareLevel::MedicalCollegeIcu => "Medical college hospital obstetric ICU",
        }
    }
}

coded_enum! {
    /// Urine protein by dipstick, in increasing order.
    UrineProtein {
        /// None.
        Nil => "nil",
        /// Trace.
        Trace => "trace",
        /// +.
        Plus1 => "+",
        /// ++.
        Plus2 => "++",
        /// +++.
        Plus3 => "+++",
        /// ++++.
        Plus4 => "++++",
    }
}

coded_enum! {
    /// A haemorrhage risk factor of the blood-plan tiers (CMQCC admission assessment).
    BloodRiskFactor {
        /// Placenta praevia or low-lying placenta.
        PlacentaPraevia => "placenta_praevia",
        /// Suspected placenta accreta spectrum.
        SuspectedAccreta => "suspected_accreta",
        /// Low haematocrit together with any other risk factor.
        LowHaematocritWithOtherFactor => "low_haematocrit_with_other_factor",
        /// Low platelet count.
        LowPlatelets => "low_platelets",
        /// Active bleeding.
        ActiveBleeding => "active_bleeding",
        /// Known coagulopathy.
        Coagulopathy => "coagulopathy",
        /// Previous caesarean section or other uterine surgery.
        PreviousUterineSurgery => "previous_uterine_surgery",
        /// Multiple pregnancy.
        MultiplePregnancy => "multiple_pregnancy",
        /// Many previous births.
        ManyPreviousBirths => "many_previous_births",
        /// Chorioamnionitis.
        Chorioamnionitis => "chorioamnionitis",
        /// Postpartum haemorrhage in an earlier delivery.
        PreviousPph => "previous_pph",
        /// Large fibroids.
        LargeFibroids => "large_fibroids",
        /// Severe anaemia (not a CMQCC factor; available for policies that add it).
        SevereAnaemia => "severe_anaemia",
    }
}
