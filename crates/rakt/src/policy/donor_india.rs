//! The `india` donor, screening and unit parameters, each with its source.
//!
//! The basis is the Drugs and Cosmetics Rules 1945, Schedule F Part XII-B, "H. Criteria for
//! Blood Donation", as substituted by the Drugs and Cosmetics (Second Amendment) Rules 2020,
//! G.S.R. 166(E) of 11 March 2020, which made the NBTC 2017 donor-selection guidelines law.
//! The gazette text itself could not be retrieved here: item numbers and wording come from a
//! public transcription that quotes each item and says it was read against the gazette, so
//! every value from it is [`Medium`] confidence, with the older (pre-2020 Schedule F or
//! NACO-era) value kept as an alternative where it differs. A second, independent
//! transcription agrees on every value; its item numbers run one lower from item 38 on.

use std::collections::BTreeMap;

use super::donor::{
    AgePolicy, DeferralRule, DonorPolicy, HbPolicy, IntervalPolicy, Limits, ScreeningPolicy,
    UnitPolicy, WeightPolicy,
};
use super::donor_profiles::{
    AABB_TABLE, CFR_DEFERRAL, INDIA_TESTS, RECHECK, SCHED_F_OLD, cite, d, unit,
};
use super::{Confidence, Source};
use crate::vocab::donor::{Condition, DeferralKind, DonorState};
use crate::vocab::screening::TtiMarker;

use super::ShelfLife::{Days, Months};
use Confidence::{Medium, Unverified};
use DeferralRule::{For, Permanent};

/// The 2020 criteria, as transcribed.
const DCR_2020: &str = "Drugs and Cosmetics Rules 1945, Schedule F Part XII-B, H. Criteria for Blood Donation, as substituted by G.S.R. 166(E) of 11 March 2020 (Drugs and Cosmetics (Second Amendment) Rules 2020), which carries the NBTC 2017 donor-selection criteria; item numbers and wording from a public transcription read against the gazette PDF (research/blood.md §3.2)";
/// Items that only the second transcription lists with their value.
const DCR_2020_SECOND: &str = "G.S.R. 166(E) of 11 March 2020 donor criteria as listed by a second public transcription of the NBTC/2020 item list (summarised wording; its item numbers run one lower than the first transcription's from item 38 on)";
const NACO_ERA: &str = "Older NACO-era criteria still widely published (ABP Live 2022, tsmmch.org; research/blood.md §3.3)";
const WHO_FEBRILE: &str = "WHO, Blood donor selection: guidelines on assessing donor suitability for blood donation (2012) §4.5.2: a donor is febrile with a core oral temperature of more than 37.6 °C (as quoted by the transcription of the 2020 rules)";

/// A source citing one item of the 2020 criteria, with its wording.
fn item(text: &str) -> Source {
    Source::new(DCR_2020, Medium).note(text)
}

pub(super) fn india(
    s: &mut BTreeMap<String, Source>,
) -> (UnitPolicy, ScreeningPolicy, DonorPolicy) {
    let unit = unit(s, "No Indian value found; the AABB 30-minute rule.");
    let screening = screening(s);
    let donor = DonorPolicy {
        age: age(s),
        weight_kg: weight(s),
        hb_g_dl: haemoglobin(s),
        systolic_mmhg: Some(Limits::between(d(100, 0), d(140, 0))),
        diastolic_mmhg: Some(Limits::between(d(60, 0), d(90, 0))),
        pulse_bpm: Some(Limits::between(d(60, 0), d(100, 0))),
        temperature_c: Some(Limits::at_most(d(376, 1))),
        intervals: intervals(s),
        apheresis_max_per_week: Some(2),
        apheresis_max_per_year: Some(24),
        whole_blood_max_per_year_female: None,
        whole_blood_max_per_year_male: None,
        deferrals: deferrals(s),
        platelet_deferrals: platelet_deferrals(s),
        defer_while: defer_while(s),
        permanent_conditions: permanent_conditions(s),
        recheck_after: Days(1),
    };
    vitals(s);
    cite(s, "donor.recheck_after", Source::new(RECHECK, Unverified));
    (unit, screening, donor)
}

fn screening(s: &mut BTreeMap<String, Source>) -> ScreeningPolicy {
    cite(
        s,
        "screening.mandatory_markers",
        Source::new(INDIA_TESTS, Medium),
    );
    cite(
        s,
        "screening.first_donation_markers",
        Source::new(INDIA_TESTS, Medium).note("None in India."),
    );
    for m in ["hiv", "hbsag", "hcv", "syphilis"] {
        cite(
            s,
            &format!("screening.reactive_deferral.{m}"),
            Source::new(CFR_DEFERRAL, Unverified).note(
                "The NBTC donor-referral deferral periods were not retrieved; the US rule (defer from future donations) is the cautious choice. Item 46 of the 2020 criteria also defers known hepatitis B and C permanently.",
            ),
        );
    }
    cite(
        s,
        "screening.reactive_deferral.malaria",
        item("Item 58, malaria: 3 months following full recovery."),
    );
    ScreeningPolicy {
        mandatory_markers: vec![
            TtiMarker::Hiv,
            TtiMarker::Hbsag,
            TtiMarker::Hcv,
            TtiMarker::Syphilis,
            TtiMarker::Malaria,
        ],
        first_donation_markers: Vec::new(),
        reactive_deferral: BTreeMap::from([
            (TtiMarker::Hiv, Permanent),
            (TtiMarker::Hbsag, Permanent),
            (TtiMarker::Hcv, Permanent),
            (TtiMarker::Syphilis, Permanent),
            (TtiMarker::Malaria, For(Months(3))),
        ]),
    }
}

fn age(s: &mut BTreeMap<String, Source>) -> AgePolicy {
    for (f, text) in [
        ("min", "Item 2: minimum age 18 years."),
        (
            "max_repeat",
            "Item 2: for a repeat donor the upper limit is 65 years.",
        ),
        (
            "max_first_time",
            "Item 2: a first-time donor shall not be over 60 years of age.",
        ),
        ("min_apheresis", "Item 2: apheresis donors 18–60 years."),
        ("max_apheresis", "Item 2: apheresis donors 18–60 years."),
    ] {
        let src = item(text);
        let src = if f == "max_repeat" {
            src.alt("60", SCHED_F_OLD)
        } else {
            src
        };
        cite(s, &format!("donor.age.{f}"), src);
    }
    AgePolicy {
        min: 18,
        max_repeat: Some(65),
        max_first_time: Some(60),
        min_apheresis: Some(18),
        max_apheresis: Some(60),
    }
}

fn weight(s: &mut BTreeMap<String, Source>) -> WeightPolicy {
    cite(
        s,
        "donor.weight_kg.whole_blood_350",
        item("Item 3: 350 mL – 45 kg."),
    );
    cite(
        s,
        "donor.weight_kg.whole_blood_450",
        item("Item 3: 450 mL – more than 55 kg (strictly above)."),
    );
    cite(
        s,
        "donor.weight_kg.apheresis",
        item("Item 3: apheresis – 50 kg."),
    );
    WeightPolicy {
        whole_blood_350: Some(Limits::at_least(d(45, 0))),
        whole_blood_450: Some(Limits::above(d(55, 0))),
        apheresis: Some(Limits::at_least(d(50, 0))),
        double_red_cells: None,
    }
}

fn haemoglobin(s: &mut BTreeMap<String, Source>) -> HbPolicy {
    for sex in ["female", "male"] {
        cite(
            s,
            &format!("donor.hb_g_dl.{sex}"),
            item("Item 9: Hb ≥ 12.5 g/dL for all donors (the same value as the older Schedule F).")
                .alt("≥ 13.0 men, ≥ 12.5 women", AABB_TABLE),
        );
    }
    HbPolicy {
        female: Limits::at_least(d(125, 1)),
        male: Limits::at_least(d(125, 1)),
        double_red_cells: None,
    }
}

fn vitals(s: &mut BTreeMap<String, Source>) {
    cite(
        s,
        "donor.systolic_mmhg",
        item("Item 5: 100–140 mmHg systolic, with or without medication; no end-organ damage, no history of giddiness or fainting (not modelled).")
            .alt("100–180", NACO_ERA),
    );
    cite(
        s,
        "donor.diastolic_mmhg",
        item("Item 5: 60–90 mmHg diastolic, with or without medication.").alt("50–100", NACO_ERA),
    );
    cite(
        s,
        "donor.pulse_bpm",
        item("Item 6: 60–100 per minute and regular. A pulse of 50–59 defers. DonorChecks has no rhythm field: an irregular pulse must be caught at the examination.")
            .alt("50–100", NACO_ERA),
    );
    cite(
        s,
        "donor.temperature_c",
        Source::new(WHO_FEBRILE, Medium)
            .note("Item 7 of the 2020 criteria says only 'afebrile' and prints 37 °C / 98.4 °F, the normal body temperature: the two printed figures differ (98.4 °F is 36.9 °C), so neither is read as a ceiling. Afebrile is read with the WHO definition of febrile (more than 37.6 °C), so ≤ 37.6 °C is accepted.")
            .alt("≤ 37.5 °C", AABB_TABLE)
            .alt("≤ 37.0 °C (the printed figure read as a ceiling)", DCR_2020),
    );
}

fn intervals(s: &mut BTreeMap<String, Source>) -> IntervalPolicy {
    for (path, text) in [
        (
            "whole_blood_female",
            "Item 4: four months (120 days) for females.",
        ),
        (
            "whole_blood_male",
            "Item 4: once in three months (90 days) for males.",
        ),
        (
            "apheresis",
            "Item 4: at least 48 hours after platelet/plasma apheresis; counted as 2 calendar days because donations are dated.",
        ),
        (
            "whole_blood_to_apheresis",
            "Item 4: after whole blood a plateletpheresis donor is not accepted before 28 days.",
        ),
        (
            "apheresis_to_whole_blood",
            "Item 4: not accepted for whole blood before 28 days from the last platelet donation when red-cell reinfusion was complete.",
        ),
        (
            "apheresis_to_whole_blood_without_reinfusion",
            "Item 4: not within 90 days when red-cell reinfusion was not complete.",
        ),
    ] {
        let src = item(text);
        let src = if path == "whole_blood_male" {
            src.alt("3 months for all", SCHED_F_OLD)
        } else {
            src
        };
        cite(s, &format!("donor.intervals.{path}"), src);
    }
    cite(
        s,
        "donor.apheresis_max_per_week",
        item("Item 4: not more than 2 times a week, counted over any 7 days."),
    );
    cite(
        s,
        "donor.apheresis_max_per_year",
        item("Item 4: limited to 24 in one year, counted over any 365 days."),
    );
    IntervalPolicy {
        whole_blood_female: Some(Days(120)),
        whole_blood_male: Some(Days(90)),
        apheresis: Some(Days(2)),
        whole_blood_to_apheresis: Some(Days(28)),
        apheresis_to_whole_blood: Some(Days(28)),
        apheresis_to_whole_blood_without_reinfusion: Some(Days(90)),
        double_red_cells: None,
    }
}

fn deferrals(s: &mut BTreeMap<String, Source>) -> BTreeMap<DeferralKind, DeferralRule> {
    use DeferralKind as K;
    let second = |text: &str| Source::new(DCR_2020_SECOND, Medium).note(text);
    let rules = [
        (K::Delivery, For(Months(12)), item("Item 15: defer for 12 months after delivery.")),
        (K::Abortion, For(Months(6)), item("Item 16: defer for 6 months after abortion.")),
        (
            K::SurgeryMinor,
            For(Months(6)),
            second("Minor surgery: defer 6 months after recovery (second transcription item 25)."),
        ),
        (
            K::SurgeryMajor,
            For(Months(12)),
            item("Item 24: major surgery, defer for 12 months after recovery.")
                .alt("12 months for all surgery", SCHED_F_OLD),
        ),
        (
            K::ToothExtraction,
            For(Months(6)),
            second("Tooth extraction: defer 6 months (second transcription item 29)."),
        ),
        (
            K::Malaria,
            For(Months(3)),
            item("Item 58: malaria, 3 months following full recovery.")
                .alt("3 months endemic / 3 years non-endemic", SCHED_F_OLD),
        ),
        (
            K::Dengue,
            For(Months(6)),
            item("Item 60: dengue and chikungunya, 6 months following full recovery."),
        ),
        (
            K::Chikungunya,
            For(Months(6)),
            item("Item 60: dengue and chikungunya, 6 months following full recovery."),
        ),
        (
            K::Zika,
            For(Months(4)),
            second("Zika and West Nile: defer 4 months (second transcription item 60)."),
        ),
        (
            K::Typhoid,
            For(Months(12)),
            item("Item 59: typhoid, 12 months following full recovery."),
        ),
        (
            K::Transfusion,
            For(Months(12)),
            item("Item 26: received blood transfusion, defer for 12 months.")
                .alt("6 months", SCHED_F_OLD),
        ),
        (
            K::Tattoo,
            For(Months(12)),
            item("Item 48: tattoos, acupuncture, body piercing or scarification, defer for 12 months.")
                .alt("6 months", SCHED_F_OLD),
        ),
        (
            K::Piercing,
            For(Months(12)),
            item("Item 48: tattoos, acupuncture, body piercing or scarification, defer for 12 months."),
        ),
        (
            K::VaccineKilled,
            For(Days(14)),
            item("Item 79: inactivated (non-live) vaccines, defer 14 days.")
                .alt("15 days (cholera, typhoid, gammaglobulin)", SCHED_F_OLD),
        ),
        (
            K::VaccineLive,
            For(Days(28)),
            item("Item 80: live attenuated vaccines, defer 28 days."),
        ),
        (
            K::VaccineRubellaVaricella,
            For(Days(28)),
            item("Item 80: live attenuated vaccines (rubella and varicella vaccines are live attenuated), defer 28 days."),
        ),
        (
            K::VaccineRabies,
            For(Months(12)),
            item("Item 82: anti-rabies vaccination following an animal bite and rabies or hepatitis B immunoglobulin, defer for 1 year.")
                .alt("1 year", SCHED_F_OLD),
        ),
        (
            K::Immunoglobulin,
            For(Months(12)),
            item("Item 82: rabies or hepatitis B immunoglobulin, defer for 1 year; other immunoglobulins are read the same way (older Schedule F: immunoglobulin 12 months)."),
        ),
        (
            K::HepatitisContact,
            For(Months(12)),
            second("Hepatitis in a spouse or household contact: defer 12 months (second transcription item 46).")
                .alt("12 months", SCHED_F_OLD),
        ),
        (
            K::HepatitisAE,
            For(Months(12)),
            item("Item 46: known hepatitis A or E, defer for 12 months (known hepatitis B, C or unknown hepatitis: permanently, see donor.permanent_conditions)."),
        ),
        (
            K::Tuberculosis,
            For(Months(24)),
            item("Item 62: tuberculosis, defer 2 years following confirmation of cure.")
                .alt("permanent", SCHED_F_OLD),
        ),
        (
            K::Antibiotics,
            For(Days(14)),
            item("Item 92: antibiotics, defer for 2 weeks after the last dose."),
        ),
        (
            K::AntihypertensiveChange,
            For(Days(28)),
            item("Item 5: neither the antihypertensive drug nor its dosage should have been altered in the last 28 days."),
        ),
        (
            K::ForeignNationalStay,
            For(Months(36)),
            item("Item 104: foreign nationals are accepted only after a stay in India of three continuous years, counted from arrival."),
        ),
        (
            K::BoneMarrowHarvest,
            For(Months(12)),
            item("Item 4: no donation of any type within 12 months after a bone-marrow harvest."),
        ),
        (
            K::PbscHarvest,
            For(Months(6)),
            item("Item 4: no donation of any type within 6 months after a peripheral stem-cell harvest."),
        ),
    ];
    let mut out = BTreeMap::new();
    for (kind, rule, src) in rules {
        cite(s, &format!("donor.deferrals.{kind}"), src);
        out.insert(kind, rule);
    }
    out
}

fn platelet_deferrals(s: &mut BTreeMap<String, Source>) -> BTreeMap<DeferralKind, DeferralRule> {
    cite(
        s,
        "donor.platelet_deferrals.aspirin",
        item(
            "Item 90: aspirin, defer for 3 days if the blood is to be used for platelet preparation: plateletpheresis is deferred, and no platelets are prepared from a whole-blood donation within the 3 days.",
        ),
    );
    BTreeMap::from([(DeferralKind::Aspirin, For(Days(3)))])
}

fn defer_while(s: &mut BTreeMap<String, Source>) -> Vec<DonorState> {
    cite(
        s,
        "donor.defer_while",
        item(
            "Items 15, 17 and 18: not during pregnancy, for the total period of lactation, or during menstruation. Item 22, asthmatic attack: deferred while the attack lasts; one transcription reads item 22 as 'temporary', a second as 'permanently defer', so asthma without steroids (condition asthma) is referred to the medical officer rather than accepted.",
        ),
    );
    vec![
        DonorState::Pregnant,
        DonorState::Breastfeeding,
        DonorState::Menstruating,
        DonorState::AsthmaAttack,
    ]
}

fn permanent_conditions(s: &mut BTreeMap<String, Source>) -> Vec<Condition> {
    cite(
        s,
        "donor.permanent_conditions",
        item("Permanent deferral, by item of the 2020 criteria: heart disease (items 31–37), epilepsy (40), insulin-dependent diabetes (43, 101), other endocrine disorders (45), known hepatitis B or C (46), HIV and high-risk behaviour (52), bleeding disorders (75), malignancy (76), organ or stem-cell transplant (103), asthmatics on steroids (second transcription item 23). From the second transcription only, with its item numbers: chronic liver disease (50), leprosy (63), chronic kidney disease (68), polycythaemia vera (73), schizophrenia (40). Tuberculosis is no longer permanent (item 62: the deferral event tuberculosis, 2 years after cure); asthma without steroids and unexplained weight loss are not on the 2020 list and are referred to the medical officer. A condition not listed is referred to the medical officer.")
            .alt("cancer, heart disease, abnormal bleeding, unexplained weight loss, insulin-treated diabetes, hepatitis B, chronic nephritis, AIDS, liver disease, tuberculosis, polycythaemia vera, asthma, epilepsy, leprosy, schizophrenia, endocrine disorders", SCHED_F_OLD),
    );
    vec![
        Condition::HeartDisease,
        Condition::Epilepsy,
        Condition::InsulinTreatedDiabetes,
        Condition::EndocrineDisorder,
        Condition::HepatitisB,
        Condition::HepatitisC,
        Condition::Hiv,
        Condition::AbnormalBleeding,
        Condition::Cancer,
        Condition::TransplantRecipient,
        Condition::AsthmaOnSteroids,
        Condition::LiverDisease,
        Condition::Leprosy,
        Condition::ChronicKidneyDisease,
        Condition::PolycythaemiaVera,
        Condition::Schizophrenia,
    ]
}
