//! High-risk pregnancy assessment and blood readiness: `AncRecord`, `assessPregnancy`,
//! `PregnancyAssessment`, `decidePregnancy`, `PregnancyDecision`, `PregnancyFlag`, `Referral`,
//! `BloodPlan`, `Mother`, `bloodReadiness`. Flag codes are text (`SEVERE_ANAEMIA`); the rules
//! live in the core (`rakt::maternal`), this file only translates types.

use std::collections::HashMap;
use std::sync::{Arc, MutexGuard};

use chrono::NaiveDate;

use rakt::maternal as core;
use rakt::policy as pol;

use crate::components::Component;
use crate::decision::PregnancyDecision;
use crate::error::{RaktException, Result, unsigned};
use crate::events::to_int;
use crate::groups::BloodGroup;
use crate::inventory::{AllocatedUnit, AllocationRequest, Inventory, SkippedClass};
use crate::macros::mirror_enum;
use crate::policy::{Policy, resolve};
use crate::reasons::Confidence;
use crate::time::{Date, Decimal, Timestamp};

mirror_enum! {
    /// Fetal presentation or lie.
    pub enum Presentation => core::Presentation {
        /// Head first.
        Cephalic,
        /// Breech.
        Breech,
        /// Transverse or oblique lie.
        TransverseOrOblique,
    }
}

mirror_enum! {
    /// Urine protein by dipstick, in increasing order.
    pub enum UrineProtein => core::UrineProtein {
        /// None.
        Nil,
        /// Trace.
        Trace,
        /// +.
        Plus1,
        /// ++.
        Plus2,
        /// +++.
        Plus3,
        /// ++++.
        Plus4,
    }
}

mirror_enum! {
    /// An antenatal screening test result (HIV, syphilis, HBsAg).
    pub enum SerologyResult => core::SerologyResult {
        /// Negative (non-reactive).
        Negative,
        /// Positive (reactive).
        Positive,
    }
}

mirror_enum! {
    /// Thyroid status as the clinician records it.
    pub enum ThyroidStatus => core::ThyroidStatus {
        /// Normal.
        Normal,
        /// Hypothyroid.
        Hypothyroid,
        /// Hyperthyroid.
        Hyperthyroid,
    }
}

mirror_enum! {
    /// A known condition, recorded by the clinician.
    pub enum KnownCondition => core::KnownCondition {
        /// Placenta praevia or low-lying placenta.
        PlacentaPraevia,
        /// Suspected placenta accreta spectrum.
        SuspectedAccreta,
        /// A known coagulation disorder.
        Coagulopathy,
        /// Postpartum haemorrhage in an earlier delivery.
        PreviousPph,
        /// Large uterine fibroids.
        LargeFibroids,
        /// Earlier uterine surgery other than caesarean section.
        PreviousUterineSurgery,
        /// Chorioamnionitis.
        Chorioamnionitis,
        /// Polyhydramnios.
        Polyhydramnios,
        /// Oligohydramnios.
        Oligohydramnios,
        /// Bad obstetric history.
        BadObstetricHistory,
        /// The previous delivery was at home.
        PreviousHomeDelivery,
        /// Hypertension known before pregnancy.
        ChronicHypertension,
        /// Heart disease.
        HeartDisease,
        /// Diabetes known before pregnancy.
        Diabetes,
        /// Kidney disease.
        KidneyDisease,
        /// Epilepsy.
        Epilepsy,
        /// Tuberculosis.
        Tuberculosis,
        /// Sickle cell disease.
        SickleCellDisease,
        /// Thalassaemia.
        Thalassaemia,
        /// Malaria.
        Malaria,
        /// Asthma.
        Asthma,
    }
}

mirror_enum! {
    /// The WHO ANC danger signs.
    pub enum DangerSign => core::DangerSign {
        /// Bleeding vaginally.
        BleedingVaginally,
        /// Central cyanosis.
        CentralCyanosis,
        /// Convulsing.
        Convulsing,
        /// Fever.
        Fever,
        /// Severe headache.
        SevereHeadache,
        /// Visual disturbance.
        VisualDisturbance,
        /// Imminent delivery.
        ImminentDelivery,
        /// Labour.
        Labour,
        /// Looks very ill.
        LooksVeryIll,
        /// Severe vomiting.
        SevereVomiting,
        /// Severe pain.
        SeverePain,
        /// Severe abdominal pain.
        SevereAbdominalPain,
        /// Unconscious.
        Unconscious,
    }
}

mirror_enum! {
    /// Symptoms of severe pre-eclampsia.
    pub enum Symptom => core::Symptom {
        /// Severe headache.
        SevereHeadache,
        /// Visual disturbance.
        VisualDisturbance,
        /// Epigastric pain.
        EpigastricPain,
        /// Dizziness.
        Dizziness,
        /// Vomiting.
        Vomiting,
    }
}

mirror_enum! {
    /// Organ support the clinician judges necessary.
    pub enum OrganSupport => core::OrganSupport {
        /// High-dependency care (district hospital obstetric HDU).
        HighDependency,
        /// Intensive care (medical college obstetric ICU).
        IntensiveCare,
    }
}

mirror_enum! {
    /// The overall risk of a pregnancy.
    pub enum RiskLevel => core::RiskLevel {
        /// No flag applies.
        Low,
        /// At least one high-risk flag.
        High,
        /// At least one emergency flag.
        Emergency,
    }
}

mirror_enum! {
    /// The hypertension class of a record.
    pub enum HypertensionClass => core::HypertensionClass {
        /// Not hypertensive.
        Normal,
        /// A hypertensive reading that still needs its repeat.
        RaisedUnconfirmed,
        /// Chronic hypertension.
        Chronic,
        /// Gestational hypertension.
        Gestational,
        /// Severe hypertension.
        Severe,
        /// Pre-eclampsia.
        PreEclampsia,
        /// Severe pre-eclampsia.
        SeverePreEclampsia,
        /// Eclampsia.
        Eclampsia,
    }
}

mirror_enum! {
    /// Anaemia grade by haemoglobin.
    pub enum AnaemiaGrade => core::AnaemiaGrade {
        /// Not anaemic.
        None,
        /// Mild.
        Mild,
        /// Moderate.
        Moderate,
        /// Severe.
        Severe,
        /// Anaemic by the policy's cut-off, in a profile with no sourced severity bands.
        Ungraded,
    }
}

mirror_enum! {
    /// How much a flag matters.
    pub enum FlagSeverity => core::FlagSeverity {
        /// A high-risk pregnancy.
        HighRisk,
        /// An emergency danger sign: refer now.
        Emergency,
    }
}

mirror_enum! {
    /// The group a flag belongs to.
    pub enum FlagCategory => core::FlagCategory {
        /// Age, height, weight.
        Demographic,
        /// Earlier pregnancies.
        ObstetricHistory,
        /// This pregnancy.
        CurrentPregnancy,
        /// Blood pressure.
        Hypertension,
        /// Haemoglobin.
        Anaemia,
        /// Glucose.
        Diabetes,
        /// HIV, syphilis, hepatitis B.
        Infection,
        /// Thyroid, blood group, known conditions.
        Medical,
        /// Bleeding in pregnancy.
        Bleeding,
        /// Danger signs and organ support.
        DangerSign,
    }
}

mirror_enum! {
    /// Levels of care for delivery, lowest first.
    pub enum CareLevel => core::CareLevel {
        /// Level 1: sub-centre or PHC, skilled birth attendant.
        L1,
        /// Level 2: 24x7 PHC or CHC, basic EmONC.
        L2,
        /// Level 3: FRU, comprehensive EmONC (caesarean section and transfusion).
        L3,
        /// District hospital obstetric HDU.
        DistrictHospitalHdu,
        /// Medical college hospital obstetric ICU.
        MedicalCollegeIcu,
    }
}

mirror_enum! {
    /// How soon a mother should reach the level of care.
    pub enum Urgency => pol::Urgency {
        /// Plan the delivery at that level.
        Planned,
        /// Within a day.
        Urgent,
        /// Now.
        Emergency,
    }
}

mirror_enum! {
    /// The haemorrhage-risk tier of the blood plan.
    pub enum BloodRiskTier => core::BloodRiskTier {
        /// No risk factor.
        Low,
        /// A medium-tier factor.
        Medium,
        /// A high-tier factor.
        High,
    }
}

mirror_enum! {
    /// When the blood plan is carried out.
    pub enum PlanTiming => core::PlanTiming {
        /// Nothing to do.
        NotNeeded,
        /// On admission for delivery.
        OnAdmission,
        /// Now: the mother is bleeding.
        Now,
    }
}

mirror_enum! {
    /// A haemorrhage risk factor of the blood-plan tiers.
    pub enum BloodRiskFactor => core::BloodRiskFactor {
        /// Placenta praevia or low-lying placenta.
        PlacentaPraevia,
        /// Suspected placenta accreta spectrum.
        SuspectedAccreta,
        /// Low haematocrit with another factor.
        LowHaematocritWithOtherFactor,
        /// Low platelet count.
        LowPlatelets,
        /// Active bleeding.
        ActiveBleeding,
        /// Known coagulopathy.
        Coagulopathy,
        /// Previous caesarean or other uterine surgery.
        PreviousUterineSurgery,
        /// Multiple pregnancy.
        MultiplePregnancy,
        /// Many previous births.
        ManyPreviousBirths,
        /// Chorioamnionitis.
        Chorioamnionitis,
        /// Postpartum haemorrhage in an earlier delivery.
        PreviousPph,
        /// Large fibroids.
        LargeFibroids,
        /// Severe anaemia.
        SevereAnaemia,
    }
}

/// What the blood plan prepares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum BloodActionKind {
    /// No pretransfusion testing.
    None,
    /// Group and antibody screen; no units held.
    GroupAndScreen,
    /// Crossmatch `units` units of red cells.
    Crossmatch,
}

pub(crate) fn action_to_kotlin(a: pol::BloodAction) -> (BloodActionKind, i32) {
    match a {
        pol::BloodAction::None => (BloodActionKind::None, 0),
        pol::BloodAction::GroupAndScreen => (BloodActionKind::GroupAndScreen, 0),
        pol::BloodAction::Crossmatch { units } => (BloodActionKind::Crossmatch, to_int(units)),
    }
}

/// A blood-pressure reading in mmHg.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct BloodPressure {
    /// Systolic.
    pub systolic: i32,
    /// Diastolic.
    pub diastolic: i32,
}

impl BloodPressure {
    fn to_core(self, field: &str) -> Result<core::BloodPressure> {
        Ok(core::BloodPressure::new(
            unsigned(self.systolic, &format!("{field}.systolic"))?,
            unsigned(self.diastolic, &format!("{field}.diastolic"))?,
        ))
    }
}

/// An antenatal record; every field is optional (a criterion whose data is missing is listed
/// in `PregnancyAssessment.notAssessed`). The due date comes from `edd` when given, else from
/// `lmp`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AncRecord {
    /// The mother's identifier.
    #[uniffi(default = None)]
    pub id: Option<String>,
    /// Age in completed years.
    #[uniffi(default = None)]
    pub age_years: Option<i32>,
    /// Height in cm.
    #[uniffi(default = None)]
    pub height_cm: Option<Decimal>,
    /// Weight in kg.
    #[uniffi(default = None)]
    pub weight_kg: Option<Decimal>,
    /// Pregnancies including this one.
    #[uniffi(default = None)]
    pub gravida: Option<i32>,
    /// Previous births.
    #[uniffi(default = None)]
    pub parity: Option<i32>,
    /// Living children.
    #[uniffi(default = None)]
    pub living_children: Option<i32>,
    /// Previous caesarean sections.
    #[uniffi(default = None)]
    pub previous_caesareans: Option<i32>,
    /// Previous stillbirths.
    #[uniffi(default = None)]
    pub previous_stillbirths: Option<i32>,
    /// Previous abortions.
    #[uniffi(default = None)]
    pub previous_abortions: Option<i32>,
    /// Previous neonatal deaths.
    #[uniffi(default = None)]
    pub previous_neonatal_deaths: Option<i32>,
    /// Months from the end of the last pregnancy to the start of this one.
    #[uniffi(default = None)]
    pub months_since_last_pregnancy: Option<i32>,
    /// First day of the last menstrual period.
    #[uniffi(default = None)]
    pub lmp: Option<Date>,
    /// Expected date of delivery (wins over `lmp`).
    #[uniffi(default = None)]
    pub edd: Option<Date>,
    /// Number of fetuses.
    #[uniffi(default = None)]
    pub fetuses: Option<i32>,
    /// Fetal presentation or lie.
    #[uniffi(default = None)]
    pub presentation: Option<Presentation>,
    /// Haemoglobin in g/dL.
    #[uniffi(default = None)]
    pub hb_g_dl: Option<Decimal>,
    /// Haematocrit in %.
    #[uniffi(default = None)]
    pub haematocrit_pct: Option<Decimal>,
    /// Platelets per µL.
    #[uniffi(default = None)]
    pub platelets_per_ul: Option<i32>,
    /// Blood pressure.
    #[uniffi(default = None)]
    pub bp: Option<BloodPressure>,
    /// The repeat reading.
    #[uniffi(default = None)]
    pub bp_repeat: Option<BloodPressure>,
    /// Urine protein.
    #[uniffi(default = None)]
    pub urine_protein: Option<UrineProtein>,
    /// 75 g OGTT 2-hour glucose in mg/dL.
    #[uniffi(default = None)]
    pub ogtt_2h_mg_dl: Option<Decimal>,
    /// Thyroid status.
    #[uniffi(default = None)]
    pub thyroid: Option<ThyroidStatus>,
    /// ABO and RhD group.
    #[uniffi(default = None)]
    pub blood_group: Option<BloodGroup>,
    /// HIV test.
    #[uniffi(default = None)]
    pub hiv: Option<SerologyResult>,
    /// Syphilis test.
    #[uniffi(default = None)]
    pub syphilis: Option<SerologyResult>,
    /// HBsAg test.
    #[uniffi(default = None)]
    pub hbsag: Option<SerologyResult>,
    /// Known conditions.
    #[uniffi(default = [])]
    pub conditions: Vec<KnownCondition>,
    /// Danger signs present now.
    #[uniffi(default = [])]
    pub danger_signs: Vec<DangerSign>,
    /// Symptoms of severe pre-eclampsia present now.
    #[uniffi(default = [])]
    pub symptoms: Vec<Symptom>,
    /// Vaginal bleeding now.
    #[uniffi(default = false)]
    pub vaginal_bleeding: bool,
    /// Organ support judged necessary.
    #[uniffi(default = None)]
    pub organ_support: Option<OrganSupport>,
}

impl AncRecord {
    fn to_core(&self) -> Result<core::AncRecord> {
        let count = |v: Option<i32>, field: &str| v.map(|n| unsigned(n, field)).transpose();
        let dec = |v: &Option<Decimal>, field: &str| v.as_ref().map(|d| d.parse(field)).transpose();
        let day = |v: &Option<Date>, field: &str| v.as_ref().map(|d| d.parse(field)).transpose();
        Ok(core::AncRecord {
            id: self.id.clone(),
            age_years: count(self.age_years, "age_years")?,
            height_cm: dec(&self.height_cm, "height_cm")?,
            weight_kg: dec(&self.weight_kg, "weight_kg")?,
            gravida: count(self.gravida, "gravida")?,
            parity: count(self.parity, "parity")?,
            living_children: count(self.living_children, "living_children")?,
            previous_caesareans: count(self.previous_caesareans, "previous_caesareans")?,
            previous_stillbirths: count(self.previous_stillbirths, "previous_stillbirths")?,
            previous_abortions: count(self.previous_abortions, "previous_abortions")?,
            previous_neonatal_deaths: count(
                self.previous_neonatal_deaths,
                "previous_neonatal_deaths",
            )?,
            months_since_last_pregnancy: count(
                self.months_since_last_pregnancy,
                "months_since_last_pregnancy",
            )?,
            lmp: day(&self.lmp, "lmp")?,
            edd: day(&self.edd, "edd")?,
            fetuses: count(self.fetuses, "fetuses")?,
            presentation: self.presentation.map(Into::into),
            hb_g_dl: dec(&self.hb_g_dl, "hb_g_dl")?,
            haematocrit_pct: dec(&self.haematocrit_pct, "haematocrit_pct")?,
            platelets_per_ul: count(self.platelets_per_ul, "platelets_per_ul")?,
            bp: self.bp.map(|b| b.to_core("bp")).transpose()?,
            bp_repeat: self.bp_repeat.map(|b| b.to_core("bp_repeat")).transpose()?,
            urine_protein: self.urine_protein.map(Into::into),
            ogtt_2h_mg_dl: dec(&self.ogtt_2h_mg_dl, "ogtt_2h_mg_dl")?,
            thyroid: self.thyroid.map(Into::into),
            blood_group: self.blood_group.map(BloodGroup::to_core).transpose()?,
            hiv: self.hiv.map(Into::into),
            syphilis: self.syphilis.map(Into::into),
            hbsag: self.hbsag.map(Into::into),
            conditions: self.conditions.iter().map(|c| (*c).into()).collect(),
            danger_signs: self.danger_signs.iter().map(|c| (*c).into()).collect(),
            symptoms: self.symptoms.iter().map(|c| (*c).into()).collect(),
            vaginal_bleeding: self.vaginal_bleeding,
            organ_support: self.organ_support.map(Into::into),
        })
    }
}

/// One high-risk finding: a stable code (`SEVERE_ANAEMIA`), its category and severity, the
/// evidence and its source. `message("en")` / `message("hi")` renders it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PregnancyFlag {
    /// The stable code.
    pub code: String,
    /// Its group.
    pub category: FlagCategory,
    /// High risk or emergency.
    pub severity: FlagSeverity,
    /// The evidence, by name.
    pub facts: HashMap<String, String>,
    /// Where the rule comes from.
    pub source: String,
    /// How sure we are of the source.
    pub confidence: Confidence,
}

impl From<&core::Flag> for PregnancyFlag {
    fn from(f: &core::Flag) -> Self {
        PregnancyFlag {
            code: f.code.as_str().to_string(),
            category: f.category.into(),
            severity: f.severity.into(),
            facts: crate::reasons::facts_text(&f.facts),
            source: f.source.to_string(),
            confidence: f.confidence.into(),
        }
    }
}

#[uniffi::export]
impl PregnancyFlag {
    /// The message in `lang`: `"en"` or `"hi"`.
    pub fn message(&self, lang: String) -> Result<String> {
        let lang = rakt::Lang::parse(&lang)?;
        let code = core::FlagCode::parse(&self.code).ok_or_else(|| {
            RaktException::input("flag.code", format!("{:?} is not a flag code", self.code))
        })?;
        let flag = core::Flag {
            code,
            category: self.category.into(),
            severity: self.severity.into(),
            facts: self
                .facts
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            source: self.source.clone().into(),
            confidence: self.confidence.into(),
        };
        Ok(flag.message(lang))
    }
}

/// Why one flag needs a level of care.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ReferralReason {
    /// The flag's code.
    pub flag: String,
    /// The level it needs.
    pub level: CareLevel,
    /// How soon.
    pub urgency: Urgency,
}

/// The minimum level of care, its urgency and the flags behind it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Referral {
    /// The highest level any flag needs.
    pub level: CareLevel,
    /// The highest urgency.
    pub urgency: Urgency,
    /// Each flag's need, highest level first.
    pub reasons: Vec<ReferralReason>,
    /// Where the routing table comes from.
    pub source: String,
}

/// What blood to prepare for delivery.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BloodPlan {
    /// The tier.
    pub tier: BloodRiskTier,
    /// What to prepare.
    pub action: BloodActionKind,
    /// Units of red cells to crossmatch (0 unless `action` is `CROSSMATCH`).
    pub units: i32,
    /// The component (red cells).
    pub component: Component,
    /// When.
    pub timing: PlanTiming,
    /// The factors found, high-tier ones first.
    pub factors: Vec<BloodRiskFactor>,
    /// Where the tiers come from.
    pub source: String,
    /// How sure we are of it.
    pub confidence: Confidence,
}

impl From<&core::BloodPlan> for BloodPlan {
    fn from(p: &core::BloodPlan) -> Self {
        let (action, units) = action_to_kotlin(p.action);
        BloodPlan {
            tier: p.tier.into(),
            action,
            units,
            component: p.component.into(),
            timing: p.when.into(),
            factors: p.factors.iter().map(|f| (*f).into()).collect(),
            source: p.source.to_string(),
            confidence: p.confidence.into(),
        }
    }
}

impl BloodPlan {
    fn to_core(&self) -> Result<core::BloodPlan> {
        let action = match self.action {
            BloodActionKind::None => pol::BloodAction::None,
            BloodActionKind::GroupAndScreen => pol::BloodAction::GroupAndScreen,
            BloodActionKind::Crossmatch => pol::BloodAction::Crossmatch {
                units: unsigned(self.units, "plan.units")?,
            },
        };
        Ok(core::BloodPlan {
            tier: self.tier.into(),
            action,
            component: self.component.into(),
            when: self.timing.into(),
            factors: self.factors.iter().map(|f| (*f).into()).collect(),
            source: self.source.clone().into(),
            confidence: self.confidence.into(),
        })
    }
}

/// A plan to crossmatch `units` units of red cells, decided outside rakt.
#[uniffi::export]
pub fn blood_plan_crossmatch(units: i32) -> Result<BloodPlan> {
    Ok(BloodPlan::from(&core::BloodPlan::crossmatch(unsigned(
        units, "units",
    )?)))
}

/// The result of `assessPregnancy`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PregnancyAssessment {
    /// The record's id.
    pub id: Option<String>,
    /// The overall risk.
    pub risk_level: RiskLevel,
    /// Every flag that applies, emergencies first.
    pub flags: Vec<PregnancyFlag>,
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
    /// The minimum level of care.
    pub referral: Referral,
    /// What blood to prepare for delivery.
    pub blood_plan: BloodPlan,
    /// Record fields a criterion needed but that were not recorded.
    pub not_assessed: Vec<String>,
    /// The policy used.
    pub policy: String,
}

#[uniffi::export]
impl PregnancyAssessment {
    /// The flag codes, in order.
    pub fn codes(&self) -> Vec<String> {
        self.flags.iter().map(|f| f.code.clone()).collect()
    }

    /// This assessment without its explanation: what `decidePregnancy` gives for the same
    /// record, as-of date and policy (each field copied from this assessment).
    pub fn decision(&self) -> PregnancyDecision {
        PregnancyDecision {
            risk_level: self.risk_level,
            codes: self.codes(),
            gestational_age: self.gestational_age,
            edd: self.edd.clone(),
            hypertension: self.hypertension,
            anaemia: self.anaemia,
            gdm: self.gdm,
            referral_level: self.referral.level,
            referral_urgency: self.referral.urgency,
            blood_tier: self.blood_plan.tier,
            blood_action: self.blood_plan.action,
            blood_units: self.blood_plan.units,
            blood_timing: self.blood_plan.timing,
            not_assessed: self.not_assessed.clone(),
        }
    }
}

impl From<core::PregnancyAssessment> for PregnancyAssessment {
    fn from(a: core::PregnancyAssessment) -> Self {
        PregnancyAssessment {
            id: a.id,
            risk_level: a.risk_level.into(),
            flags: a.flags.iter().map(PregnancyFlag::from).collect(),
            gestational_age: a.gestational_age.map(Into::into),
            edd: a.edd.map(Into::into),
            hypertension: a.hypertension.map(Into::into),
            anaemia: a.anaemia.map(Into::into),
            gdm: a.gdm,
            referral: Referral {
                level: a.referral.level.into(),
                urgency: a.referral.urgency.into(),
                reasons: a
                    .referral
                    .reasons
                    .iter()
                    .map(|r| ReferralReason {
                        flag: r.flag.as_str().to_string(),
                        level: r.level.into(),
                        urgency: r.urgency.into(),
                    })
                    .collect(),
                source: a.referral.source.to_string(),
            },
            blood_plan: BloodPlan::from(&a.blood_plan),
            not_assessed: a.not_assessed.iter().map(|f| f.to_string()).collect(),
            policy: a.policy,
        }
    }
}

/// Assess an ANC record at `asOf` under `policy` (`null`: `india`).
#[uniffi::export(default(policy = None))]
pub fn assess_pregnancy(
    record: AncRecord,
    as_of: Date,
    policy: Option<Arc<Policy>>,
) -> Result<PregnancyAssessment> {
    assess_one(&record, as_of.parse("as_of")?, resolve(&policy))
}

/// One record assessed: the code path of both `assess_pregnancy` and `assess_pregnancies`.
pub(crate) fn assess_one(
    record: &AncRecord,
    as_of: NaiveDate,
    policy: &rakt::Policy,
) -> Result<PregnancyAssessment> {
    on_core(record, |r| core::assess_pregnancy(r, as_of, policy)).map(Into::into)
}

/// One record decided: the code path of both `decide_pregnancy` and `decide_pregnancies`.
pub(crate) fn decide_one(
    record: &AncRecord,
    as_of: NaiveDate,
    policy: &rakt::Policy,
) -> Result<PregnancyDecision> {
    on_core(record, |r| core::decide_pregnancy(r, as_of, policy)).map(Into::into)
}

/// Convert `record` to the core's record and run `rule` on it: the one conversion of an ANC
/// record for `assess_one` and `decide_one`, so both refuse a record with the same exception.
fn on_core<T>(
    record: &AncRecord,
    rule: impl FnOnce(&core::AncRecord) -> rakt::Result<T>,
) -> Result<T> {
    Ok(rule(&record.to_core()?)?)
}

/// The mother, as the blood bank needs her.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Mother {
    /// Her identifier: units are held in this name.
    pub id: String,
    /// Her group; `null` before grouping (emergency rules apply).
    #[uniffi(default = None)]
    pub blood_group: Option<BloodGroup>,
    /// Age in completed years.
    #[uniffi(default = None)]
    pub age_years: Option<i32>,
    /// Known anti-D.
    #[uniffi(default = false)]
    pub anti_d: bool,
}

impl Mother {
    fn to_core(&self) -> Result<core::Mother> {
        Ok(core::Mother {
            id: self.id.clone(),
            blood_group: self.blood_group.map(BloodGroup::to_core).transpose()?,
            age_years: self
                .age_years
                .map(|a| unsigned(a, "mother.age_years"))
                .transpose()?,
            anti_d: self.anti_d,
        })
    }
}

/// The mother from an ANC record (its id, group and age).
#[uniffi::export]
pub fn mother_from_record(record: AncRecord) -> Result<Mother> {
    let m = core::Mother::from_record(&record.to_core()?)?;
    Ok(Mother {
        id: m.id,
        blood_group: m.blood_group.map(Into::into),
        age_years: m.age_years.map(to_int),
        anti_d: m.anti_d,
    })
}

/// Units another facility could send.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NearbySupply {
    /// The facility.
    pub facility: String,
    /// The units it could send.
    pub units: Vec<AllocatedUnit>,
    /// The request that reserves them there.
    pub request: AllocationRequest,
}

/// Whether the blood a plan needs is ready for the due date.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BloodReadiness {
    /// The mother's id.
    pub mother: String,
    /// The plan's action.
    pub action: BloodActionKind,
    /// Units the plan needs.
    pub required: i32,
    /// The end of the due date in facility time: every unit must be valid then.
    pub needed_by: Timestamp,
    /// The facility.
    pub facility: String,
    /// Compatible released units of the facility valid at `neededBy`.
    pub units: Vec<AllocatedUnit>,
    /// Units the facility cannot provide.
    pub missing: i32,
    /// Why the facility's groups could not cover the gap.
    pub shortfall: Vec<SkippedClass>,
    /// What nearby facilities could send, in the order given.
    pub nearby: Vec<NearbySupply>,
    /// Units still missing after the nearby facilities.
    pub uncovered: i32,
    /// The request that reserves the facility's units for her.
    pub suggested_reservation: Option<AllocationRequest>,
    /// Whether the facility alone has everything ready.
    pub ready: bool,
    /// Whether her group is unknown (emergency rules chose the units).
    pub emergency: bool,
}

#[uniffi::export]
impl BloodReadiness {
    /// The ids of the facility's units.
    pub fn unit_ids(&self) -> Vec<String> {
        self.units.iter().map(|u| u.id.clone()).collect()
    }
}

impl From<core::BloodReadiness> for BloodReadiness {
    fn from(r: core::BloodReadiness) -> Self {
        let allocated = |units: Vec<rakt::inventory::AllocatedUnit>| -> Vec<AllocatedUnit> {
            units.into_iter().map(AllocatedUnit::from).collect()
        };
        BloodReadiness {
            mother: r.mother,
            action: action_to_kotlin(r.action).0,
            required: to_int(r.required),
            needed_by: r.needed_by.into(),
            facility: r.facility,
            units: allocated(r.units),
            missing: to_int(r.missing),
            shortfall: r.shortfall.into_iter().map(SkippedClass::from).collect(),
            nearby: r
                .nearby
                .into_iter()
                .map(|n| NearbySupply {
                    facility: n.facility,
                    units: allocated(n.units),
                    request: AllocationRequest::from(n.request),
                })
                .collect(),
            uncovered: to_int(r.uncovered),
            suggested_reservation: r.suggested_reservation.map(AllocationRequest::from),
            ready: r.ready,
            emergency: r.emergency,
        }
    }
}

/// Check a blood plan against the facility's stock and, for what it lacks, the stock of
/// `nearby` facilities (in order), with the inventory's allocation rules. Changes nothing.
#[uniffi::export(default(nearby = []))]
pub fn blood_readiness(
    mother: Mother,
    plan: BloodPlan,
    inventory: Arc<Inventory>,
    due_date: Date,
    as_of: Timestamp,
    nearby: Vec<Arc<Inventory>>,
) -> Result<BloodReadiness> {
    let mother = mother.to_core()?;
    let plan = plan.to_core()?;
    let due_date = due_date.parse("due_date")?;
    let as_of = as_of.parse("as_of")?;
    // Lock every distinct inventory once, in address order (as `transfer` does), so that
    // concurrent calls cannot deadlock and the same inventory passed twice is not locked twice.
    let mut all: Vec<&Arc<Inventory>> = std::iter::once(&inventory).chain(nearby.iter()).collect();
    all.sort_by_key(|i| Arc::as_ptr(i) as usize);
    all.dedup_by(|a, b| Arc::ptr_eq(a, b));
    let mut guards: Vec<(usize, MutexGuard<'_, rakt::inventory::Inventory>)> = Vec::new();
    for inv in &all {
        guards.push((Arc::as_ptr(inv) as usize, inv.lock()?));
    }
    let find = |i: &Arc<Inventory>| -> Result<&rakt::inventory::Inventory> {
        let key = Arc::as_ptr(i) as usize;
        guards
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, g)| &**g)
            .ok_or_else(|| RaktException::input("inventory", "not locked"))
    };
    let facility = find(&inventory)?;
    let others = nearby
        .iter()
        .filter(|n| !Arc::ptr_eq(n, &inventory))
        .map(find)
        .collect::<Result<Vec<_>>>()?;
    Ok(core::blood_readiness(&mother, &plan, facility, due_date, as_of, &others)?.into())
}

/// A level of care in words, e.g. `Level 2 (24x7 PHC or CHC, basic EmONC)`.
#[uniffi::export]
pub fn care_level_description(level: CareLevel) -> String {
    core::CareLevel::from(level).describe().to_string()
}
