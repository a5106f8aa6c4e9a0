//! Donor, screening and unit parameters of the built-in profiles, each with its source.
//!
//! Confidence tags follow `research/blood.md`; "unverified" means the jurisdiction's own sources
//! do not give the value and it is borrowed from the one cited. A rule no source gives is left out:
//! the assessment then refers that donor to the medical officer instead of guessing.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::donor::{
    AgePolicy, DeferralRule, DonorPolicy, HbPolicy, IntervalPolicy, Limits, ScreeningPolicy,
    UnitPolicy, WeightPolicy,
};
use super::{Confidence, Source};
use crate::vocab::donor::{Condition, DeferralKind, DonorState};
use crate::vocab::screening::TtiMarker;

use super::ShelfLife::{Days, Months};
use Confidence::{High, Low, Medium, Unverified};
use DeferralRule::{For, Permanent};

pub(super) const SCHED_F_OLD: &str = "Drugs and Cosmetics Rules, Schedule F Part XII-B before 2020, as reproduced by the UP Health Department (research/blood.md §3.3)";
pub(super) const AABB_TABLE: &str =
    "AABB Standards donor criteria table, PMC7152478, and donateblood.org (research/blood.md §3.4)";
const US_INTERVAL: &str = "21 CFR 640.3(b) (2001 text) and donateblood.org: 8 weeks between whole-blood donations (research/blood.md §3.4)";
const FDA_PLATELETS: &str = "FDA Guidance for Industry: Collection of Platelets by Automated Methods (2007; revised 2024), as summarised in Modern Blood Banking and Transfusion Practices, 7th ed., ch. 13: at least 2 days between plateletpheresis donations, at most twice in 7 days and 24 times a year (the guidance text itself was not retrieved)";
const PR002: &str = "JPAC Whole Blood and Components Donor Selection Guidelines, PR002 Pregnancy (transfusionguidelines.org/dsg/wb/guidelines/pr002-pregnancy)";
const JPAC_HANDBOOK: &str = "JPAC Handbook of Transfusion Medicine §3.1 (research/blood.md §3.5)";
const RED_BOOK_DONOR: &str = "JPAC Red Book §3.6 (research/blood.md §3.5)";
const JPAC_TESTS: &str = "JPAC Handbook of Transfusion Medicine §3.2.1: mandatory tests at each donation (looked up for rakt; not in research/blood.md)";
const CFR_TESTS: &str = "21 CFR 610.40(a): test each donation for HIV, HBV, HCV, HTLV, syphilis, West Nile virus and Chagas; assays as listed by CDC Clinical Testing Guidance for Blood Safety (looked up for rakt; not in research/blood.md)";
pub(super) const CFR_DEFERRAL: &str = "21 CFR 610.41(a): donors reactive for a required marker are deferred from future donations; single anti-HBc/HTLV reactivity exceptions not modelled (looked up for rakt; not in research/blood.md)";
pub(super) const INDIA_TESTS: &str = "MoHFW statement of November 2025 (Mint): mandatory testing of every unit for HIV, hepatitis B, hepatitis C, malaria and syphilis; Schedule F: HIV I and II, HBsAg, VDRL, malarial parasite (research/blood.md §4.1)";
const RETURN_WINDOW: &str = "AABB Technical Manual via transfusion.com.au storage: red cells out of controlled storage at most 30 minutes each occasion (research/blood.md §2.3)";
pub(super) const RECHECK: &str = "No source gives when a donor who fails a check on the day may be checked again; rakt's operational default";

pub(super) fn d(value: i64, scale: u32) -> Decimal {
    Decimal::new(value, scale)
}

pub(super) fn cite(s: &mut BTreeMap<String, Source>, path: &str, source: Source) {
    s.insert(path.to_string(), source);
}

/// The unit lifecycle parameters, the same in every profile.
pub(super) fn unit(s: &mut BTreeMap<String, Source>, note: &str) -> UnitPolicy {
    cite(
        s,
        "unit.return_window_minutes",
        Source::new(RETURN_WINDOW, Medium).note(note),
    );
    UnitPolicy {
        return_window_minutes: 30,
    }
}

pub(super) fn us(s: &mut BTreeMap<String, Source>) -> (UnitPolicy, ScreeningPolicy, DonorPolicy) {
    let unit = unit(s, "AABB Technical Manual.");
    let mandatory = vec![
        TtiMarker::Hiv,
        TtiMarker::HivNat,
        TtiMarker::Hbsag,
        TtiMarker::AntiHbc,
        TtiMarker::HbvNat,
        TtiMarker::Hcv,
        TtiMarker::HcvNat,
        TtiMarker::Htlv,
        TtiMarker::Syphilis,
        TtiMarker::Wnv,
    ];
    let reactive_deferral = mandatory
        .iter()
        .filter(|m| **m != TtiMarker::Wnv)
        .map(|m| (*m, Permanent))
        .chain([(TtiMarker::Chagas, Permanent)])
        .collect::<BTreeMap<_, _>>();
    for m in reactive_deferral.keys() {
        cite(
            s,
            &format!("screening.reactive_deferral.{m}"),
            Source::new(CFR_DEFERRAL, High),
        );
    }
    let screening = ScreeningPolicy {
        mandatory_markers: mandatory,
        first_donation_markers: vec![TtiMarker::Chagas],
        reactive_deferral,
    };
    cite(s, "screening.mandatory_markers", Source::new(CFR_TESTS, High).note("West Nile virus deferral after a reactive result is not in the sources: referred to the medical officer."));
    cite(
        s,
        "screening.first_donation_markers",
        Source::new(
            "CDC Clinical Testing Guidance for Blood Safety: anti-T. cruzi for all first-time donors (looked up for rakt; not in research/blood.md)",
            Medium,
        ),
    );

    let age = AgePolicy {
        min: 17,
        max_repeat: None,
        max_first_time: None,
        min_apheresis: None,
        max_apheresis: None,
    };
    cite(
        s,
        "donor.age.min",
        Source::new(AABB_TABLE, Medium)
            .note("17, or younger with consent where state law allows (not modelled)."),
    );
    let w50 = Some(Limits::at_least(d(50, 0)));
    let weight = WeightPolicy {
        whole_blood_350: w50,
        whole_blood_450: w50,
        apheresis: w50,
        double_red_cells: w50,
    };
    for f in [
        "whole_blood_350",
        "whole_blood_450",
        "apheresis",
        "double_red_cells",
    ] {
        cite(
            s,
            &format!("donor.weight_kg.{f}"),
            Source::new(
                "Mayo Clinic: at least 110 lb (50 kg) (research/blood.md §3.4)",
                Medium,
            )
            .note("AABB also limits the volume to 10.5 mL/kg including samples (not modelled)."),
        );
    }
    let hb = HbPolicy {
        female: Limits::at_least(d(125, 1)),
        male: Limits::at_least(d(130, 1)),
        double_red_cells: None,
    };
    cite(
        s,
        "donor.hb_g_dl.female",
        Source::new(
            "donateblood.org; AABB Bulletin #16-05 (research/blood.md §3.4)",
            Medium,
        ),
    );
    cite(
        s,
        "donor.hb_g_dl.male",
        Source::new(
            "donateblood.org; AABB Bulletin #16-05 moved men to 13.0 g/dL (research/blood.md §3.4)",
            Medium,
        )
        .alt("12.5", "older AABB table"),
    );
    cite(
        s,
        "donor.systolic_mmhg",
        Source::new("donateblood.org (research/blood.md §3.4)", Low).note("Below 180/100."),
    );
    cite(
        s,
        "donor.diastolic_mmhg",
        Source::new("donateblood.org (research/blood.md §3.4)", Low),
    );
    cite(
        s,
        "donor.pulse_bpm",
        Source::new(AABB_TABLE, Medium)
            .note("50–100, regular; below 50 acceptable for a healthy athlete (not modelled)."),
    );
    cite(s, "donor.temperature_c", Source::new(AABB_TABLE, Medium));
    let intervals = IntervalPolicy {
        whole_blood_female: Some(Days(56)),
        whole_blood_male: Some(Days(56)),
        apheresis: Some(Days(2)),
        double_red_cells: Some(Days(112)),
        ..IntervalPolicy::default()
    };
    cite(
        s,
        "donor.intervals.whole_blood_female",
        Source::new(US_INTERVAL, High),
    );
    cite(
        s,
        "donor.intervals.whole_blood_male",
        Source::new(US_INTERVAL, High),
    );
    cite(
        s,
        "donor.intervals.apheresis",
        Source::new(FDA_PLATELETS, Medium)
            .note("At least 2 days between plateletpheresis procedures; 48 hours counted as 2 calendar days because donations are dated.")
            .alt("8 days (blood-centre practice)", "Mayo Clinic (research/blood.md §3.4)")
            .alt("7 days (blood-centre practice)", "OneBlood (research/blood.md §3.4)"),
    );
    cite(
        s,
        "donor.apheresis_max_per_week",
        Source::new(FDA_PLATELETS, Medium).note("At most 2 procedures in any 7 days."),
    );
    cite(
        s,
        "donor.intervals.double_red_cells",
        Source::new(
            "OneBlood; San Diego Blood Bank: 16 weeks (research/blood.md §3.4)",
            Medium,
        ),
    );
    cite(
        s,
        "donor.apheresis_max_per_year",
        Source::new(FDA_PLATELETS, Medium)
            .note("At most 24 procedures in a 12-month period, counted over any 365 days; OneBlood and Mayo Clinic say the same (research/blood.md §3.4)."),
    );
    let deferrals = BTreeMap::from([
        (DeferralKind::Delivery, For(Days(42))),
        (DeferralKind::VaccineKilled, DeferralRule::None),
        (DeferralKind::VaccineLive, For(Days(14))),
        (DeferralKind::VaccineRubellaVaricella, For(Days(28))),
        (DeferralKind::Immunoglobulin, For(Months(12))),
    ]);
    cite(
        s,
        "donor.deferrals.delivery",
        Source::new(AABB_TABLE, Medium).note("6 weeks after the pregnancy ends."),
    );
    cite(
        s,
        "donor.deferrals.vaccine_killed",
        Source::new(AABB_TABLE, Medium).note("Toxoid or killed vaccines: no deferral."),
    );
    cite(
        s,
        "donor.deferrals.vaccine_live",
        Source::new(AABB_TABLE, Medium)
            .note("Measles, mumps, oral polio, oral typhoid, yellow fever: 2 weeks."),
    );
    cite(
        s,
        "donor.deferrals.vaccine_rubella_varicella",
        Source::new(AABB_TABLE, Medium).note("Rubella, varicella: 4 weeks."),
    );
    cite(
        s,
        "donor.deferrals.immunoglobulin",
        Source::new(
            "donateblood.org: HBIG 12 months (research/blood.md §3.4)",
            Low,
        ),
    );
    cite(
        s,
        "donor.defer_while",
        Source::new(AABB_TABLE, Medium).note("Pregnancy."),
    );
    cite(
        s,
        "donor.platelet_deferrals.aspirin",
        Source::new("donateblood.org: aspirin, platelet donors 48 hours (research/blood.md §3.4)", Low)
            .note("Two calendar days after the last dose for plateletpheresis; whole blood is accepted, with no platelets prepared from it in those days. The FDA plateletpheresis guidance text was not retrieved."),
    );
    cite(
        s,
        "donor.permanent_conditions",
        Source::new(
            "No US permanent-deferral list in the sources: every condition is referred to the medical officer",
            Unverified,
        ),
    );
    cite(s, "donor.recheck_after", Source::new(RECHECK, Unverified));
    let donor = DonorPolicy {
        age,
        weight_kg: weight,
        hb_g_dl: hb,
        systolic_mmhg: Some(Limits::between(d(90, 0), d(180, 0))),
        diastolic_mmhg: Some(Limits::between(d(50, 0), d(100, 0))),
        pulse_bpm: Some(Limits::between(d(50, 0), d(100, 0))),
        temperature_c: Some(Limits::at_most(d(375, 1))),
        intervals,
        apheresis_max_per_week: Some(2),
        apheresis_max_per_year: Some(24),
        whole_blood_max_per_year_female: None,
        whole_blood_max_per_year_male: None,
        deferrals,
        platelet_deferrals: BTreeMap::from([(DeferralKind::Aspirin, For(Days(2)))]),
        defer_while: vec![DonorState::Pregnant],
        permanent_conditions: Vec::new(),
        recheck_after: Days(1),
    };
    (unit, screening, donor)
}

pub(super) fn uk(s: &mut BTreeMap<String, Source>) -> (UnitPolicy, ScreeningPolicy, DonorPolicy) {
    let unit = unit(
        s,
        "Also UK practice for pre-thawed FFP returned after less than 30 minutes (learnhaem).",
    );
    let screening = ScreeningPolicy {
        mandatory_markers: vec![
            TtiMarker::Hbsag,
            TtiMarker::Hiv,
            TtiMarker::HivNat,
            TtiMarker::Hcv,
            TtiMarker::HcvNat,
            TtiMarker::Htlv,
            TtiMarker::Syphilis,
        ],
        first_donation_markers: Vec::new(),
        reactive_deferral: BTreeMap::from([
            (TtiMarker::Hbsag, Permanent),
            (TtiMarker::Hiv, Permanent),
            (TtiMarker::HivNat, Permanent),
            (TtiMarker::Hcv, Permanent),
            (TtiMarker::HcvNat, Permanent),
            (TtiMarker::Htlv, Permanent),
            (TtiMarker::Syphilis, Permanent),
            (TtiMarker::Hev, For(Months(6))),
            (TtiMarker::Wnv, For(Months(6))),
        ]),
    };
    cite(
        s,
        "screening.mandatory_markers",
        Source::new(JPAC_TESTS, High),
    );
    cite(
        s,
        "screening.first_donation_markers",
        Source::new(JPAC_TESTS, High).note("None."),
    );
    let learnhaem = "learnhaem FRCPath transfusion: infectious agent screening, summarising the JPAC Red Book (looked up for rakt; not in research/blood.md)";
    for m in [
        "hbsag", "hiv", "hiv_nat", "hcv", "hcv_nat", "htlv", "syphilis",
    ] {
        cite(
            s,
            &format!("screening.reactive_deferral.{m}"),
            Source::new(learnhaem, Medium).note("Positive for HIV, HBV, HCV, HTLV or syphilis: deferred (reinstatement after acute HBV not modelled)."),
        );
    }
    for m in ["hev", "wnv"] {
        cite(
            s,
            &format!("screening.reactive_deferral.{m}"),
            Source::new(learnhaem, Medium).note("HEV or WNV RNA positive: defer six months."),
        );
    }
    let age = AgePolicy {
        min: 17,
        max_repeat: None,
        max_first_time: Some(65),
        min_apheresis: None,
        max_apheresis: None,
    };
    cite(s, "donor.age.min", Source::new(JPAC_HANDBOOK, High));
    cite(s, "donor.age.max_first_time", Source::new(JPAC_HANDBOOK, High).note("First-time donors up to 65; regular donors have no upper limit but an annual review after the 66th birthday (not modelled)."));
    let w50 = Some(Limits::at_least(d(50, 0)));
    let weight = WeightPolicy {
        whole_blood_350: w50,
        whole_blood_450: w50,
        apheresis: w50,
        double_red_cells: w50,
    };
    for f in [
        "whole_blood_350",
        "whole_blood_450",
        "apheresis",
        "double_red_cells",
    ] {
        cite(
            s,
            &format!("donor.weight_kg.{f}"),
            Source::new(JPAC_HANDBOOK, High).note("Minimum 50 kg."),
        );
    }
    let hb = HbPolicy {
        female: Limits::at_least(d(125, 1)),
        male: Limits::at_least(d(135, 1)),
        double_red_cells: Some(Limits::at_least(d(140, 1))),
    };
    cite(
        s,
        "donor.hb_g_dl.female",
        Source::new(JPAC_HANDBOOK, High).note("125 g/L."),
    );
    cite(
        s,
        "donor.hb_g_dl.male",
        Source::new(JPAC_HANDBOOK, High).note("135 g/L."),
    );
    cite(
        s,
        "donor.hb_g_dl.double_red_cells",
        Source::new(RED_BOOK_DONOR, High).note("140 g/L."),
    );
    let intervals = IntervalPolicy {
        whole_blood_female: Some(Days(84)),
        whole_blood_male: Some(Days(84)),
        apheresis: Some(Days(14)),
        whole_blood_to_apheresis: Some(Days(28)),
        double_red_cells: Some(Days(182)),
        ..IntervalPolicy::default()
    };
    for sex in ["female", "male"] {
        cite(
            s,
            &format!("donor.intervals.whole_blood_{sex}"),
            Source::new(RED_BOOK_DONOR, High)
                .note("Normally 16 weeks, minimum 12 weeks.")
                .alt("112 days (16 weeks)", RED_BOOK_DONOR),
        );
    }
    cite(
        s,
        "donor.intervals.apheresis",
        Source::new(RED_BOOK_DONOR, High)
            .note("At least 2 weeks between plateletpheresis procedures."),
    );
    cite(
        s,
        "donor.intervals.whole_blood_to_apheresis",
        Source::new(RED_BOOK_DONOR, High).note("4 weeks after whole blood before apheresis."),
    );
    cite(
        s,
        "donor.intervals.double_red_cells",
        Source::new(RED_BOOK_DONOR, High).note("At least 26 weeks."),
    );
    cite(
        s,
        "donor.apheresis_max_per_year",
        Source::new(RED_BOOK_DONOR, High),
    );
    cite(
        s,
        "donor.whole_blood_max_per_year_female",
        Source::new(RED_BOOK_DONOR, High),
    );
    cite(
        s,
        "donor.whole_blood_max_per_year_male",
        Source::new(RED_BOOK_DONOR, High),
    );
    let deferrals = BTreeMap::from([
        (DeferralKind::Delivery, For(Months(6))),
        (DeferralKind::Abortion, For(Months(6))),
        (DeferralKind::SurgeryMajor, For(Months(4))),
        (DeferralKind::SurgeryMinor, For(Days(7))),
        (DeferralKind::Tattoo, For(Months(4))),
        (DeferralKind::Piercing, For(Months(4))),
    ]);
    let su002 = "JPAC Donor Selection Guidelines SU002 Surgery (research/blood.md §3.5)";
    for kind in ["delivery", "abortion"] {
        cite(
            s,
            &format!("donor.deferrals.{kind}"),
            Source::new(PR002, High).note("Must not donate if less than 6 months have passed since delivery or termination. Not modelled: the discretionary acceptance of a pregnancy that ended before the 12th week without significant blood loss (a physician's decision), and hydatidiform mole."),
        );
    }
    cite(
        s,
        "donor.deferrals.surgery_major",
        Source::new(su002, High).note("Major surgery (recovery over 2 months): 4 months."),
    );
    cite(
        s,
        "donor.deferrals.surgery_minor",
        Source::new(su002, High).note("Other surgery: 7 days."),
    );
    cite(
        s,
        "donor.deferrals.tattoo",
        Source::new(
            "sharealife.in summarising UK rules (research/blood.md §3.5)",
            Low,
        ),
    );
    cite(
        s,
        "donor.deferrals.piercing",
        Source::new(
            "sharealife.in summarising UK rules (research/blood.md §3.5)",
            Low,
        ),
    );
    cite(
        s,
        "donor.defer_while",
        Source::new(
            "Pregnancy: no UK text retrieved; deferral during pregnancy is universal practice",
            Unverified,
        ),
    );
    cite(
        s,
        "donor.permanent_conditions",
        Source::new(
            "JPAC Handbook §3.2.2: permanent deferral for prion risk (transfusion or transplant since 1980, pituitary hormones, dura mater, family risk, notified risk) (looked up for rakt; not in research/blood.md)",
            High,
        ),
    );
    cite(s, "donor.recheck_after", Source::new(RECHECK, Unverified));
    let donor = DonorPolicy {
        age,
        weight_kg: weight,
        hb_g_dl: hb,
        systolic_mmhg: None,
        diastolic_mmhg: None,
        pulse_bpm: None,
        temperature_c: None,
        intervals,
        apheresis_max_per_week: None,
        apheresis_max_per_year: Some(24),
        whole_blood_max_per_year_female: Some(3),
        whole_blood_max_per_year_male: Some(4),
        deferrals,
        platelet_deferrals: BTreeMap::new(),
        defer_while: vec![DonorState::Pregnant],
        permanent_conditions: vec![Condition::TransfusedSince1980, Condition::PrionRisk],
        recheck_after: Days(1),
    };
    (unit, screening, donor)
}
