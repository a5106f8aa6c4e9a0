//! The vocabulary of donor selection: kinds of donation, deferral events, states and conditions.

use crate::macros::coded_enum;

coded_enum! {
    /// What the donor is about to give.
    DonationKind {
        /// Whole blood, 350 mL bag.
        WholeBlood350 => "whole_blood_350",
        /// Whole blood, 450 mL bag.
        WholeBlood450 => "whole_blood_450",
        /// Plateletpheresis.
        Plateletpheresis => "plateletpheresis",
        /// Plasmapheresis.
        Plasmapheresis => "plasmapheresis",
        /// Double red cells by apheresis (erythrocytapheresis).
        DoubleRedCells => "double_red_cells",
    }
}

/// How the interval rules group donation kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DonationFamily {
    /// Whole blood (350 or 450 mL).
    WholeBlood,
    /// Platelet or plasma apheresis.
    Apheresis,
    /// Double red cells.
    DoubleRedCells,
}

impl DonationKind {
    /// The family the interval rules use.
    pub fn family(self) -> DonationFamily {
        match self {
            DonationKind::WholeBlood350 | DonationKind::WholeBlood450 => DonationFamily::WholeBlood,
            DonationKind::Plateletpheresis | DonationKind::Plasmapheresis => {
                DonationFamily::Apheresis
            }
            DonationKind::DoubleRedCells => DonationFamily::DoubleRedCells,
        }
    }
}

coded_enum! {
    /// A dated event in a donor's history that defers donation for a period.
    DeferralKind {
        /// Delivery (childbirth).
        Delivery => "delivery",
        /// Abortion or miscarriage.
        Abortion => "abortion",
        /// Minor surgery.
        SurgeryMinor => "surgery_minor",
        /// Major surgery.
        SurgeryMajor => "surgery_major",
        /// Tooth extraction.
        ToothExtraction => "tooth_extraction",
        /// Malaria (date of recovery).
        Malaria => "malaria",
        /// Dengue (date of recovery).
        Dengue => "dengue",
        /// Chikungunya (date of recovery).
        Chikungunya => "chikungunya",
        /// Zika (date of recovery).
        Zika => "zika",
        /// Typhoid (date of recovery).
        Typhoid => "typhoid",
        /// Receiving a transfusion.
        Transfusion => "transfusion",
        /// Tattoo.
        Tattoo => "tattoo",
        /// Body piercing.
        Piercing => "piercing",
        /// Killed or toxoid vaccine (e.g. cholera, typhoid injection).
        VaccineKilled => "vaccine_killed",
        /// Live attenuated vaccine (measles, mumps, oral polio, oral typhoid, yellow fever).
        VaccineLive => "vaccine_live",
        /// Rubella or varicella vaccine.
        VaccineRubellaVaricella => "vaccine_rubella_varicella",
        /// Rabies vaccine.
        VaccineRabies => "vaccine_rabies",
        /// Immunoglobulin (including hepatitis B immunoglobulin).
        Immunoglobulin => "immunoglobulin",
        /// Hepatitis in the family or a close contact.
        HepatitisContact => "hepatitis_contact",
        /// Bone-marrow harvest.
        BoneMarrowHarvest => "bone_marrow_harvest",
        /// Peripheral blood stem-cell harvest.
        PbscHarvest => "pbsc_harvest",
        /// A reactive transfusion-transmitted-infection screening result (with its marker).
        TtiReactive => "tti_reactive",
        /// Tuberculosis (the date cure was confirmed).
        Tuberculosis => "tuberculosis",
        /// Hepatitis A or E (the date of recovery).
        HepatitisAE => "hepatitis_a_e",
        /// Antibiotics (the date of the last dose).
        Antibiotics => "antibiotics",
        /// Aspirin (the date of the last dose). Profiles list it under
        /// `donor.platelet_deferrals`: it defers donations whose platelets will be used.
        Aspirin => "aspirin",
        /// A change of antihypertensive drug or of its dose (the date of the change).
        AntihypertensiveChange => "antihypertensive_change",
        /// A foreign national's continuous stay in the country began (the date of arrival).
        ForeignNationalStay => "foreign_national_stay",
    }
}

coded_enum! {
    /// A state on the day of donation that defers while it lasts.
    DonorState {
        /// Pregnant.
        Pregnant => "pregnant",
        /// Breast-feeding.
        Breastfeeding => "breastfeeding",
        /// Menstruating.
        Menstruating => "menstruating",
        /// Having an asthmatic attack (symptomatic on the day).
        AsthmaAttack => "asthma_attack",
    }
}

coded_enum! {
    /// A medical condition that some profiles defer permanently.
    Condition {
        /// Cancer.
        Cancer => "cancer",
        /// Heart disease.
        HeartDisease => "heart_disease",
        /// Abnormal bleeding tendency.
        AbnormalBleeding => "abnormal_bleeding",
        /// Unexplained weight loss.
        UnexplainedWeightLoss => "unexplained_weight_loss",
        /// Diabetes treated with insulin.
        InsulinTreatedDiabetes => "insulin_treated_diabetes",
        /// Hepatitis B infection.
        HepatitisB => "hepatitis_b",
        /// Hepatitis C infection.
        HepatitisC => "hepatitis_c",
        /// HIV infection.
        Hiv => "hiv",
        /// Chronic kidney disease (chronic nephritis).
        ChronicKidneyDisease => "chronic_kidney_disease",
        /// Chronic liver disease.
        LiverDisease => "liver_disease",
        /// Tuberculosis.
        Tuberculosis => "tuberculosis",
        /// Polycythaemia vera.
        PolycythaemiaVera => "polycythaemia_vera",
        /// Asthma, not treated with steroids (see `asthma_on_steroids`).
        Asthma => "asthma",
        /// Asthma treated with steroids.
        AsthmaOnSteroids => "asthma_on_steroids",
        /// Recipient of an organ or stem-cell transplant.
        TransplantRecipient => "transplant_recipient",
        /// Epilepsy.
        Epilepsy => "epilepsy",
        /// Leprosy.
        Leprosy => "leprosy",
        /// Schizophrenia.
        Schizophrenia => "schizophrenia",
        /// Endocrine disorder.
        EndocrineDisorder => "endocrine_disorder",
        /// Received a transfusion or tissue/organ transplant since 1980 (UK prion rule).
        TransfusedSince1980 => "transfused_since_1980",
        /// Notified or family risk of prion disease (CJD/vCJD), pituitary hormones, dura mater.
        PrionRisk => "prion_risk",
    }
}
