//! Donor eligibility: who may give blood today, and when they may give next.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::error::{Result, unsigned};
use crate::macros::mirror_enum;
use crate::policy::{Policy, resolve};
use crate::reasons::{Reason, reasons_from_core};
use crate::screening::TtiMarker;
use crate::time::{Date, Decimal};
use crate::verdicts::Sex;

mirror_enum! {
    /// What the donor is about to give.
    pub enum DonationKind => rakt::DonationKind {
        /// Whole blood, 350 mL bag.
        #[uniffi(name = "WholeBlood_350")]
        WholeBlood350,
        /// Whole blood, 450 mL bag.
        #[uniffi(name = "WholeBlood_450")]
        WholeBlood450,
        /// Plateletpheresis.
        Plateletpheresis,
        /// Plasmapheresis.
        Plasmapheresis,
        /// Double red cells by apheresis (erythrocytapheresis).
        DoubleRedCells,
    }
}

mirror_enum! {
    /// A dated event in a donor's history that defers donation for a period.
    pub enum DeferralKind => rakt::DeferralKind {
        /// Delivery (childbirth).
        Delivery,
        /// Abortion or miscarriage.
        Abortion,
        /// Minor surgery.
        SurgeryMinor,
        /// Major surgery.
        SurgeryMajor,
        /// Tooth extraction.
        ToothExtraction,
        /// Malaria (date of recovery).
        Malaria,
        /// Dengue (date of recovery).
        Dengue,
        /// Chikungunya (date of recovery).
        Chikungunya,
        /// Zika (date of recovery).
        Zika,
        /// Typhoid (date of recovery).
        Typhoid,
        /// Receiving a transfusion.
        Transfusion,
        /// Tattoo.
        Tattoo,
        /// Body piercing.
        Piercing,
        /// Killed or toxoid vaccine (e.g. cholera, typhoid injection).
        VaccineKilled,
        /// Live attenuated vaccine (measles, mumps, oral polio, oral typhoid, yellow fever).
        VaccineLive,
        /// Rubella or varicella vaccine.
        VaccineRubellaVaricella,
        /// Rabies vaccine.
        VaccineRabies,
        /// Immunoglobulin (including hepatitis B immunoglobulin).
        Immunoglobulin,
        /// Hepatitis in the family or a close contact.
        HepatitisContact,
        /// Bone-marrow harvest.
        BoneMarrowHarvest,
        /// Peripheral blood stem-cell harvest.
        PbscHarvest,
        /// A reactive transfusion-transmitted-infection screening result (name the marker).
        TtiReactive,
        /// Tuberculosis (the date cure was confirmed).
        Tuberculosis,
        /// Hepatitis A or E (the date of recovery).
        #[uniffi(name = "HepatitisA_E")]
        HepatitisAE,
        /// Antibiotics (the date of the last dose).
        Antibiotics,
        /// Aspirin (the date of the last dose): defers donations whose platelets will be used.
        Aspirin,
        /// A change of antihypertensive drug or of its dose (the date of the change).
        AntihypertensiveChange,
        /// A foreign national's continuous stay in the country began (the date of arrival).
        ForeignNationalStay,
    }
}

mirror_enum! {
    /// A state on the day of donation that defers while it lasts.
    pub enum DonorState => rakt::DonorState {
        /// Pregnant.
        Pregnant,
        /// Breast-feeding.
        Breastfeeding,
        /// Menstruating.
        Menstruating,
        /// Having an asthmatic attack (symptomatic on the day).
        AsthmaAttack,
    }
}

mirror_enum! {
    /// A medical condition that some profiles defer permanently.
    pub enum Condition => rakt::Condition {
        /// Cancer.
        Cancer,
        /// Heart disease.
        HeartDisease,
        /// Abnormal bleeding tendency.
        AbnormalBleeding,
        /// Unexplained weight loss.
        UnexplainedWeightLoss,
        /// Diabetes treated with insulin.
        InsulinTreatedDiabetes,
        /// Hepatitis B infection.
        HepatitisB,
        /// Hepatitis C infection.
        HepatitisC,
        /// HIV infection.
        Hiv,
        /// Chronic kidney disease (chronic nephritis).
        ChronicKidneyDisease,
        /// Chronic liver disease.
        LiverDisease,
        /// Tuberculosis.
        Tuberculosis,
        /// Polycythaemia vera.
        PolycythaemiaVera,
        /// Asthma, not treated with steroids.
        Asthma,
        /// Asthma treated with steroids.
        AsthmaOnSteroids,
        /// Recipient of an organ or stem-cell transplant.
        TransplantRecipient,
        /// Epilepsy.
        Epilepsy,
        /// Leprosy.
        Leprosy,
        /// Schizophrenia.
        Schizophrenia,
        /// Endocrine disorder.
        EndocrineDisorder,
        /// Received a transfusion or tissue/organ transplant since 1980 (UK prion rule).
        #[uniffi(name = "TransfusedSince_1980")]
        TransfusedSince1980,
        /// Notified or family risk of prion disease (CJD/vCJD), pituitary hormones, dura mater.
        PrionRisk,
    }
}

/// A donation the donor gave before.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct PreviousDonation {
    /// The day of the donation.
    pub date: Date,
    /// What was given.
    pub kind: DonationKind,
    /// For apheresis: whether the red cells were returned to the donor (reinfusion complete).
    /// Ignored for other kinds.
    #[uniffi(default = true)]
    pub red_cells_returned: bool,
}

impl PreviousDonation {
    fn to_core(&self, field: &str) -> Result<rakt::PreviousDonation> {
        Ok(rakt::PreviousDonation {
            date: self.date.parse(&format!("{field}.date"))?,
            kind: self.kind.into(),
            red_cells_returned: self.red_cells_returned,
        })
    }
}

/// A dated event in the donor's history that may defer donation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct DeferralEvent {
    /// What happened.
    pub kind: DeferralKind,
    /// The day it happened (for illnesses: the day of recovery).
    pub date: Date,
    /// For `TTI_REACTIVE`: the marker that was reactive.
    #[uniffi(default = None)]
    pub marker: Option<TtiMarker>,
}

impl DeferralEvent {
    fn to_core(&self, field: &str) -> Result<rakt::DeferralEvent> {
        Ok(rakt::DeferralEvent {
            kind: self.kind.into(),
            date: self.date.parse(&format!("{field}.date"))?,
            marker: self.marker.map(Into::into),
        })
    }
}

impl From<&rakt::DeferralEvent> for DeferralEvent {
    fn from(e: &rakt::DeferralEvent) -> Self {
        DeferralEvent {
            kind: e.kind.into(),
            date: e.date.into(),
            marker: e.marker.map(Into::into),
        }
    }
}

/// Who the donor is: what does not change between visits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Donor {
    /// Date of birth.
    pub date_of_birth: Date,
    /// Sex. `OTHER` is assessed with the stricter of the female and male limits.
    pub sex: Sex,
    /// Whether this is the donor's first donation; when `null`, a donor with no previous
    /// donation is a first-time donor.
    #[uniffi(default = None)]
    pub first_time: Option<bool>,
    /// Earlier donations.
    #[uniffi(default = [])]
    pub previous_donations: Vec<PreviousDonation>,
    /// Dated events that may defer (surgery, tattoo, malaria, a reactive screening result...).
    #[uniffi(default = [])]
    pub deferral_events: Vec<DeferralEvent>,
    /// Medical conditions.
    #[uniffi(default = [])]
    pub conditions: Vec<Condition>,
    /// The blood centre's donor identifier, if any.
    #[uniffi(default = None)]
    pub id: Option<String>,
}

impl Donor {
    fn to_core(&self) -> Result<rakt::Donor> {
        Ok(rakt::Donor {
            id: self.id.clone(),
            date_of_birth: self.date_of_birth.parse("donor.date_of_birth")?,
            sex: self.sex.into(),
            first_time: self.first_time,
            previous_donations: self
                .previous_donations
                .iter()
                .enumerate()
                .map(|(i, p)| p.to_core(&format!("donor.previous_donations[{i}]")))
                .collect::<Result<_>>()?,
            deferral_events: self
                .deferral_events
                .iter()
                .enumerate()
                .map(|(i, e)| e.to_core(&format!("donor.deferral_events[{i}]")))
                .collect::<Result<_>>()?,
            conditions: self.conditions.iter().map(|c| (*c).into()).collect(),
        })
    }
}

/// Today's checks before donation. Measurements are exact decimals (`BigDecimal("12.5")`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct DonorChecks {
    /// Body weight, kg.
    pub weight_kg: Decimal,
    /// Haemoglobin, g/dL.
    pub hb_g_dl: Decimal,
    /// Systolic blood pressure, mmHg (a negative value is refused).
    pub systolic_mmhg: i32,
    /// Diastolic blood pressure, mmHg (a negative value is refused).
    pub diastolic_mmhg: i32,
    /// Pulse, beats per minute (a negative value is refused).
    pub pulse_bpm: i32,
    /// Body temperature, °C.
    pub temperature_c: Decimal,
    /// States on the day (pregnant, breast-feeding, menstruating).
    #[uniffi(default = [])]
    pub states: Vec<DonorState>,
}

impl DonorChecks {
    fn to_core(&self) -> Result<rakt::DonorChecks> {
        Ok(rakt::DonorChecks {
            weight_kg: self.weight_kg.parse("checks.weight_kg")?,
            hb_g_dl: self.hb_g_dl.parse("checks.hb_g_dl")?,
            systolic_mmhg: unsigned(self.systolic_mmhg, "checks.systolic_mmhg")?,
            diastolic_mmhg: unsigned(self.diastolic_mmhg, "checks.diastolic_mmhg")?,
            pulse_bpm: unsigned(self.pulse_bpm, "checks.pulse_bpm")?,
            temperature_c: self.temperature_c.parse("checks.temperature_c")?,
            states: self.states.iter().map(|s| (*s).into()).collect(),
        })
    }
}

/// The verdict of `assessDonor`.
///
/// | outcome | `eligible` | `permanent` | `deferredUntil` | `referred` |
/// |---|---|---|---|---|
/// | eligible today | true | false | null | false |
/// | temporarily deferred | false | false | first day allowed | false or true |
/// | permanently deferred (for this kind) | false | true | null | any |
/// | only a missing rule: the medical officer decides | false | false | null | true |
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DonorAssessment {
    /// Whether the donor may give this kind of donation today.
    pub eligible: bool,
    /// Whether the donor is permanently deferred from this kind of donation.
    pub permanent: bool,
    /// For a temporary deferral: the first day this kind of donation is allowed.
    pub deferred_until: Option<Date>,
    /// Whether something in the donor's record has no rule in the policy, so that the medical
    /// officer must decide.
    pub referred: bool,
    /// The next day this donor could give this kind of donation: `asOf` when eligible,
    /// `deferredUntil` when temporarily deferred, `null` when permanently deferred or referred.
    pub next_eligible: Option<Date>,
    /// Every failed criterion (all of them, not just the first), most severe first; or one
    /// `DONOR_ELIGIBLE` reason.
    pub reasons: Vec<Reason>,
    /// The kind of donation assessed.
    pub kind: DonationKind,
    /// The day assessed.
    pub as_of: Date,
}

impl From<rakt::DonorAssessment> for DonorAssessment {
    fn from(a: rakt::DonorAssessment) -> Self {
        DonorAssessment {
            eligible: a.eligible,
            permanent: a.permanent,
            deferred_until: a.deferred_until.map(Into::into),
            referred: a.referred,
            next_eligible: a.next_eligible.map(Into::into),
            reasons: reasons_from_core(&a.reasons),
            kind: a.kind.into(),
            as_of: a.as_of.into(),
        }
    }
}

#[uniffi::export]
impl DonorAssessment {
    /// This assessment without its explanation: what `decideDonor` gives for the same donor,
    /// checks, kind, day and policy (each field copied from this assessment).
    pub fn decision(&self) -> DonorDecision {
        DonorDecision {
            eligible: self.eligible,
            permanent: self.permanent,
            deferred_until: self.deferred_until.clone(),
            referred: self.referred,
            next_eligible: self.next_eligible.clone(),
            codes: self.reasons.iter().map(|r| r.code.clone()).collect(),
            kind: self.kind,
            as_of: self.as_of.clone(),
        }
    }
}

/// What `assessDonor` decides: the outcome and the reasons' codes, without their facts and
/// sources (`decideDonor`). Every field has the type of the same field of `DonorAssessment`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct DonorDecision {
    /// Whether the donor may give this kind of donation today.
    pub eligible: bool,
    /// Whether the donor is permanently deferred from this kind of donation.
    pub permanent: bool,
    /// For a temporary deferral: the first day this kind of donation is allowed.
    pub deferred_until: Option<Date>,
    /// Whether the medical officer must decide.
    pub referred: bool,
    /// The next day this donor could give this kind of donation (as in `DonorAssessment`).
    pub next_eligible: Option<Date>,
    /// The reason codes, in the order of `DonorAssessment.reasons`.
    pub codes: Vec<String>,
    /// The kind of donation assessed.
    pub kind: DonationKind,
    /// The day assessed.
    pub as_of: Date,
}

impl From<rakt::DonorDecision> for DonorDecision {
    fn from(d: rakt::DonorDecision) -> Self {
        DonorDecision {
            eligible: d.eligible,
            permanent: d.permanent,
            deferred_until: d.deferred_until.map(Into::into),
            referred: d.referred,
            next_eligible: d.next_eligible.map(Into::into),
            codes: d.codes.iter().map(|c| c.as_str().to_string()).collect(),
            kind: d.kind.into(),
            as_of: d.as_of.into(),
        }
    }
}

/// What `assessDonor` decides for the same arguments (the same outcome, reason codes and
/// exceptions), without the reasons' facts and sources.
#[uniffi::export(default(policy = None))]
pub fn decide_donor(
    donor: Donor,
    checks: DonorChecks,
    kind: DonationKind,
    as_of: Date,
    policy: Option<Arc<Policy>>,
) -> Result<DonorDecision> {
    decide_one(
        &donor,
        &checks,
        kind,
        as_of.parse("as_of")?,
        resolve(&policy),
    )
}

/// One donor decided: the code path of both `decide_donor` and `decide_donors`.
pub(crate) fn decide_one(
    donor: &Donor,
    checks: &DonorChecks,
    kind: DonationKind,
    as_of: NaiveDate,
    policy: &rakt::Policy,
) -> Result<DonorDecision> {
    let donor = donor.to_core()?;
    let checks = checks.to_core()?;
    Ok(rakt::decide_donor(&donor, &checks, kind.into(), as_of, policy)?.into())
}

/// Whether `donor` may give a `kind` donation on `asOf`, given today's `checks`, under `policy`
/// (`null`: the `india` profile). Every criterion is checked and every failure reported, each
/// reason citing its policy parameter. Refused with `RaktException.InvalidInput` naming the
/// field when a date is after `asOf`, a `TTI_REACTIVE` event has no marker, or a measurement is
/// negative (or a date or decimal cannot be read).
#[uniffi::export(default(policy = None))]
pub fn assess_donor(
    donor: Donor,
    checks: DonorChecks,
    kind: DonationKind,
    as_of: Date,
    policy: Option<Arc<Policy>>,
) -> Result<DonorAssessment> {
    assess_one(
        &donor,
        &checks,
        kind,
        as_of.parse("as_of")?,
        resolve(&policy),
    )
}

/// One donor assessed: the code path of both `assess_donor` and `assess_donors`.
pub(crate) fn assess_one(
    donor: &Donor,
    checks: &DonorChecks,
    kind: DonationKind,
    as_of: NaiveDate,
    policy: &rakt::Policy,
) -> Result<DonorAssessment> {
    let donor = donor.to_core()?;
    let checks = checks.to_core()?;
    Ok(rakt::assess_donor(&donor, &checks, kind.into(), as_of, policy)?.into())
}
