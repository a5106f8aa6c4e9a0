#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! High-risk pregnancy flags at and around every threshold in every profile, hypertension
//! classes, anaemia grades, GDM, referral levels, blood plans and blood readiness.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use rakt::inventory::Inventory;
use rakt::maternal::{
    AnaemiaGrade, AncRecord, BloodPlan, BloodPressure, BloodRiskTier, CareLevel, DangerSign,
    FlagCode, FlagSeverity, HypertensionClass, KnownCondition, Mother, OrganSupport, PlanTiming,
    Presentation, RiskLevel, SerologyResult, Symptom, ThyroidStatus, UrineProtein,
    assess_pregnancy, blood_readiness,
};
use rakt::policy::{BloodAction, Urgency};
use rakt::unit::BloodUnit;
use rakt::{BloodGroup, Lang, Policy, Preservative, Product};

#[path = "../common/mod.rs"]
mod common;

mod blood_readiness;
mod hypertension;
use rust_decimal::Decimal;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The assessment date of every test.
fn today() -> NaiveDate {
    date(2026, 11, 23)
}

/// An LMP that gives `weeks+days` today.
fn lmp_at(weeks: i64, days: i64) -> NaiveDate {
    today() - Duration::days(weeks * 7 + days)
}

fn assess(r: &AncRecord, policy: &Policy) -> rakt::maternal::PregnancyAssessment {
    assess_pregnancy(r, today(), policy).unwrap()
}

fn codes(r: &AncRecord, policy: &Policy) -> Vec<&'static str> {
    assess(r, policy).codes()
}

fn htn(
    weeks: i64,
    bp: (u32, u32),
    repeat: Option<(u32, u32)>,
    protein: Option<UrineProtein>,
) -> AncRecord {
    AncRecord {
        lmp: Some(lmp_at(weeks, 0)),
        bp: Some(BloodPressure::new(bp.0, bp.1)),
        bp_repeat: repeat.map(|(s, d)| BloodPressure::new(s, d)),
        urine_protein: protein,
        ..AncRecord::default()
    }
}

fn class(r: &AncRecord) -> HypertensionClass {
    assess(r, &Policy::india()).hypertension.unwrap()
}

fn profiles() -> Vec<Policy> {
    ["india", "india_flw", "india_openchs", "us", "uk"]
        .iter()
        .map(|n| Policy::builtin(n).unwrap())
        .collect()
}

fn indian_profiles() -> Vec<Policy> {
    ["india", "india_flw", "india_openchs"]
        .iter()
        .map(|n| Policy::builtin(n).unwrap())
        .collect()
}

#[test]
fn the_variant_profiles_are_valid_fully_sourced_and_round_trip() {
    for p in profiles() {
        p.validate().unwrap();
        assert_eq!(Policy::from_json(&p.to_json().unwrap()).unwrap(), p);
        assert_eq!(Policy::from_toml(&p.to_toml().unwrap()).unwrap(), p);
        for path in ["hrp.short_stature_cm", "referral.rules", "blood_plan.high"] {
            assert!(p.source(path).is_some(), "{} {path}", p.name);
        }
    }
    let p = Policy::builtin("india_openchs").unwrap();
    assert!(
        p.source("hrp.short_stature_cm")
            .unwrap()
            .citation
            .contains("OpenCHS")
    );
    assert_eq!(
        Policy::builtin("india_flw")
            .unwrap()
            .source("hrp.anaemia_hb_g_dl")
            .unwrap()
            .alternatives[0]
            .value,
        "severe Hb ≤ 7"
    );
}

#[test]
fn a_complete_record_with_nothing_wrong_is_low_risk_at_l1_with_no_blood() {
    let r = AncRecord {
        id: Some("ANC-1".into()),
        age_years: Some(25),
        height_cm: Some(dec("155")),
        weight_kg: Some(dec("55")),
        gravida: Some(2),
        parity: Some(1),
        living_children: Some(1),
        previous_caesareans: Some(0),
        previous_stillbirths: Some(0),
        previous_abortions: Some(0),
        previous_neonatal_deaths: Some(0),
        months_since_last_pregnancy: Some(30),
        lmp: Some(lmp_at(30, 0)),
        fetuses: Some(1),
        presentation: Some(Presentation::Cephalic),
        hb_g_dl: Some(dec("11.5")),
        bp: Some(BloodPressure::new(118, 76)),
        urine_protein: Some(UrineProtein::Nil),
        ogtt_2h_mg_dl: Some(dec("110")),
        thyroid: Some(ThyroidStatus::Normal),
        blood_group: Some(BloodGroup::parse("B+").unwrap()),
        hiv: Some(SerologyResult::Negative),
        syphilis: Some(SerologyResult::Negative),
        hbsag: Some(SerologyResult::Negative),
        ..AncRecord::default()
    };
    let a = assess(&r, &Policy::india());
    assert_eq!(a.risk_level, RiskLevel::Low);
    assert!(a.flags.is_empty(), "{:?}", a.codes());
    assert_eq!(a.not_assessed, Vec::<String>::new());
    assert_eq!(a.referral.level, CareLevel::L1);
    assert_eq!(a.referral.urgency, Urgency::Planned);
    assert_eq!(a.blood_plan.tier, BloodRiskTier::Low);
    assert_eq!(a.blood_plan.action, BloodAction::None);
    assert_eq!(a.blood_plan.when, PlanTiming::NotNeeded);
    assert_eq!(a.anaemia, Some(AnaemiaGrade::None));
    assert_eq!(a.hypertension, Some(HypertensionClass::Normal));
    assert_eq!(a.gdm, Some(false));
    assert_eq!(a.gestational_age.unwrap().to_string(), "30+0");
    assert_eq!(a.edd, Some(lmp_at(30, 0) + Duration::days(280)));
    assert_eq!(a.id.as_deref(), Some("ANC-1"));
}

#[test]
fn an_empty_record_names_what_was_not_assessed() {
    let a = assess(&AncRecord::default(), &Policy::india());
    assert_eq!(a.risk_level, RiskLevel::Low);
    assert_eq!(
        a.not_assessed,
        [
            "age_years",
            "height_cm",
            "parity",
            "months_since_last_pregnancy",
            "previous_caesareans",
            "previous_stillbirths",
            "previous_neonatal_deaths",
            "previous_abortions",
            "fetuses",
            "lmp_or_edd",
            "bp",
            "hb_g_dl",
            "ogtt_2h_mg_dl",
            "hiv",
            "syphilis",
            "hbsag",
            "thyroid",
            "blood_group"
        ]
    );
    let openchs = assess(
        &AncRecord::default(),
        &Policy::builtin("india_openchs").unwrap(),
    );
    assert!(openchs.not_assessed.iter().any(|f| f == "weight_kg"));
    assert!(openchs.not_assessed.iter().any(|f| f == "gravida"));
    assert!(!openchs.not_assessed.iter().any(|f| f == "parity"));
}

fn with_age(age: u32) -> AncRecord {
    AncRecord {
        age_years: Some(age),
        ..AncRecord::default()
    }
}

#[test]
fn age_boundaries_in_every_profile() {
    for p in profiles() {
        assert_eq!(codes(&with_age(17), &p), ["YOUNG_AGE"], "{}", p.name);
        assert!(codes(&with_age(18), &p).is_empty(), "{}", p.name);
        assert!(codes(&with_age(30), &p).is_empty(), "{}", p.name);
        let (last_ok, first_old) = if p.name == "india_openchs" {
            (30, 31)
        } else {
            (35, 36)
        };
        assert!(codes(&with_age(last_ok), &p).is_empty(), "{}", p.name);
        assert_eq!(codes(&with_age(first_old), &p), ["OLD_AGE"], "{}", p.name);
    }
    assert_eq!(codes(&with_age(31), &Policy::india()), Vec::<&str>::new());
    let f = &assess(&with_age(36), &Policy::india()).flags[0];
    assert_eq!(f.facts.text("age").unwrap(), "36");
    assert_eq!(f.facts.text("limit").unwrap(), "> 35");
    assert_eq!(f.severity, FlagSeverity::HighRisk);
    assert_eq!(
        f.message(Lang::En),
        "Age 36 years (> 35): an older mother is at higher risk."
    );
    assert_eq!(
        f.message(Lang::Hi),
        "आयु 36 वर्ष (> 35): अधिक उम्र की माँ में जोखिम अधिक है।"
    );
}

fn with_height(cm: &str) -> AncRecord {
    AncRecord {
        height_cm: Some(dec(cm)),
        ..AncRecord::default()
    }
}

#[test]
fn height_boundaries_in_every_profile() {
    for p in profiles() {
        if p.name == "india_openchs" {
            assert_eq!(codes(&with_height("145"), &p), ["SHORT_STATURE"]);
            assert_eq!(codes(&with_height("139.9"), &p), ["SHORT_STATURE"]);
            assert!(codes(&with_height("145.1"), &p).is_empty());
        } else {
            assert_eq!(
                codes(&with_height("139.9"), &p),
                ["SHORT_STATURE"],
                "{}",
                p.name
            );
            assert!(codes(&with_height("140"), &p).is_empty(), "{}", p.name);
            assert!(codes(&with_height("145"), &p).is_empty(), "{}", p.name);
        }
    }
}

#[test]
fn weight_is_a_flag_only_where_the_profile_has_a_cut_off() {
    let r = |kg: &str| AncRecord {
        weight_kg: Some(dec(kg)),
        ..AncRecord::default()
    };
    let openchs = Policy::builtin("india_openchs").unwrap();
    assert_eq!(codes(&r("35"), &openchs), ["LOW_WEIGHT"]);
    assert!(codes(&r("35.1"), &openchs).is_empty());
    assert!(codes(&r("30"), &Policy::india()).is_empty());
    assert!(codes(&r("30"), &Policy::builtin("india_flw").unwrap()).is_empty());
}

fn with_births(gravida: u32, parity: u32) -> AncRecord {
    AncRecord {
        gravida: Some(gravida),
        parity: Some(parity),
        ..AncRecord::default()
    }
}

#[test]
fn grand_multiparity_reads_parity_or_gravida_by_profile() {
    for p in profiles() {
        if p.name == "india_openchs" {
            assert!(codes(&with_births(4, 3), &p).is_empty());
            assert_eq!(codes(&with_births(5, 1), &p), ["GRAND_MULTIPARITY"]);
            let f = &assess(&with_births(5, 1), &p).flags[0];
            assert_eq!(f.facts.text("birth_count").unwrap(), "gravida");
            assert_eq!(
                f.message(Lang::En),
                "5 pregnancies (≥ 5): grand multiparity, risk of haemorrhage."
            );
        } else {
            assert!(codes(&with_births(5, 3), &p).is_empty(), "{}", p.name);
            assert_eq!(
                codes(&with_births(5, 4), &p),
                ["GRAND_MULTIPARITY"],
                "{}",
                p.name
            );
            assert!(codes(&with_births(9, 1), &p).is_empty(), "{}", p.name);
        }
    }
    let f = &assess(&with_births(5, 4), &Policy::india()).flags[0];
    assert_eq!(
        f.message(Lang::Hi),
        "4 पिछले प्रसव (> 3): अधिक प्रसव, रक्तस्राव का जोखिम।"
    );
}

#[test]
fn interval_abortions_and_history() {
    let p = Policy::india();
    let r = |months: u32| AncRecord {
        months_since_last_pregnancy: Some(months),
        ..AncRecord::default()
    };
    assert_eq!(codes(&r(17), &p), ["SHORT_BIRTH_INTERVAL"]);
    assert!(codes(&r(18), &p).is_empty());
    // A first pregnancy has no interval to ask for: gravida 1 or parity 0 says so alone.
    let interval_missing = |gravida: Option<u32>, parity: Option<u32>| {
        let r = AncRecord {
            gravida,
            parity,
            ..AncRecord::default()
        };
        assess(&r, &p)
            .not_assessed
            .iter()
            .any(|f| f == "months_since_last_pregnancy")
    };
    assert!(!interval_missing(Some(1), None));
    assert!(!interval_missing(None, Some(0)));
    assert!(interval_missing(Some(2), Some(1)));
    assert!(interval_missing(None, None));
    let ab = |n: u32| AncRecord {
        previous_abortions: Some(n),
        ..AncRecord::default()
    };
    assert!(codes(&ab(2), &p).is_empty());
    assert_eq!(codes(&ab(3), &p), ["RECURRENT_ABORTION"]);
    let h = AncRecord {
        gravida: Some(3),
        parity: Some(2),
        previous_caesareans: Some(1),
        previous_stillbirths: Some(1),
        previous_neonatal_deaths: Some(0),
        ..AncRecord::default()
    };
    assert_eq!(codes(&h, &p), ["PREVIOUS_CAESAREAN", "PREVIOUS_STILLBIRTH"]);
    let a = assess(&h, &p);
    assert_eq!(a.referral.level, CareLevel::L3);
    assert_eq!(a.blood_plan.tier, BloodRiskTier::Medium);
    assert_eq!(a.blood_plan.action, BloodAction::GroupAndScreen);
    assert_eq!(a.blood_plan.when, PlanTiming::OnAdmission);
    // A first pregnancy has no interval or history to assess.
    let first = assess(&with_births(1, 0), &p);
    assert!(
        !first
            .not_assessed
            .iter()
            .any(|f| f.starts_with("previous") || f.starts_with("months"))
    );
}

fn with_hb(hb: &str) -> AncRecord {
    AncRecord {
        hb_g_dl: Some(dec(hb)),
        ..AncRecord::default()
    }
}

#[test]
fn anaemia_grades_and_the_severe_boundary_by_profile() {
    for p in indian_profiles() {
        let grade = |hb: &str| assess(&with_hb(hb), &p).anaemia.unwrap();
        let at_7 = if p.name == "india_flw" || p.name == "india_openchs" {
            AnaemiaGrade::Moderate
        } else {
            AnaemiaGrade::Severe
        };
        assert_eq!(grade("7.0"), at_7, "{}", p.name);
        assert_eq!(grade("6.9"), AnaemiaGrade::Severe, "{}", p.name);
        assert_eq!(grade("7.1"), AnaemiaGrade::Moderate, "{}", p.name);
        assert_eq!(grade("9.9"), AnaemiaGrade::Moderate, "{}", p.name);
        assert_eq!(grade("10.0"), AnaemiaGrade::Mild, "{}", p.name);
        assert_eq!(grade("10.9"), AnaemiaGrade::Mild, "{}", p.name);
        assert_eq!(grade("11.0"), AnaemiaGrade::None, "{}", p.name);
        assert_eq!(codes(&with_hb("6.9"), &p), ["SEVERE_ANAEMIA"]);
        assert!(codes(&with_hb("7.1"), &p).is_empty());
    }
    let a = assess(&with_hb("7"), &Policy::india());
    assert_eq!(a.codes(), ["SEVERE_ANAEMIA"]);
    assert_eq!(a.flags[0].facts.text("limit").unwrap(), "≤ 7");
    assert_eq!(a.referral.level, CareLevel::L3);
    assert_eq!(a.blood_plan.tier, BloodRiskTier::Medium);
    assert_eq!(a.blood_plan.action, BloodAction::GroupAndScreen);
    assert!(codes(&with_hb("7"), &Policy::builtin("india_flw").unwrap()).is_empty());
}

#[test]
fn gdm_at_140_mg_dl() {
    let r = |g: &str| AncRecord {
        ogtt_2h_mg_dl: Some(dec(g)),
        ..AncRecord::default()
    };
    for p in indian_profiles() {
        assert!(codes(&r("139.9"), &p).is_empty());
        assert_eq!(codes(&r("140"), &p), ["GDM"]);
        assert_eq!(assess(&r("140"), &p).gdm, Some(true));
        assert_eq!(assess(&r("139"), &p).gdm, Some(false));
    }
}

#[test]
fn uk_and_us_anaemia_follow_their_trimester_cut_offs_and_are_not_graded() {
    let rec = |hb: &str, ga: Option<(i64, i64)>| AncRecord {
        hb_g_dl: Some(dec(hb)),
        lmp: ga.map(|(w, d)| lmp_at(w, d)),
        ..AncRecord::default()
    };
    let uk = Policy::builtin("uk").unwrap();
    let us = Policy::builtin("us").unwrap();
    let grade = |hb: &str, ga, p: &Policy| assess(&rec(hb, ga), p).anaemia.unwrap();
    use AnaemiaGrade::{None as No, Ungraded as Yes};
    for (hb, ga, want_uk, want_us) in [
        ("10.9", Some((13, 6)), Yes, Yes),
        ("11.0", Some((13, 6)), No, No),
        ("10.9", Some((14, 0)), No, No),
        ("10.4", Some((14, 0)), Yes, Yes),
        ("10.5", Some((14, 0)), No, No),
        ("10.4", Some((27, 6)), Yes, Yes),
        ("10.5", Some((27, 6)), No, No),
        ("10.9", Some((28, 0)), No, Yes),
        ("11.0", Some((28, 0)), No, No),
        ("10.4", Some((28, 0)), Yes, Yes),
        ("10.5", Some((36, 0)), No, Yes),
        // Gestation unknown: the line of any trimester, so no anaemic mother is missed.
        ("10.9", None, Yes, Yes),
        ("11.0", None, No, No),
        // No severity band is sourced: a very low Hb is anaemic, not graded severe.
        ("5.0", Some((30, 0)), Yes, Yes),
    ] {
        assert_eq!(grade(hb, ga, &uk), want_uk, "uk {hb} {ga:?}");
        assert_eq!(grade(hb, ga, &us), want_us, "us {hb} {ga:?}");
    }
    for p in [&uk, &us] {
        let a = assess(&rec("5.0", Some((30, 0))), p);
        assert!(a.codes().is_empty(), "{}", p.name);
        assert_eq!(a.blood_plan.tier, BloodRiskTier::Low, "{}", p.name);
        assert!(a.flags.iter().all(|f| f.code != FlagCode::SevereAnaemia));
    }
    let src = |p: &Policy, path: &str| p.source(path).unwrap().clone();
    assert!(
        src(&uk, "hrp.anaemia_hb_g_dl")
            .citation
            .contains("Green-top Guideline 47")
    );
    assert!(
        src(&us, "hrp.anaemia_hb_g_dl")
            .citation
            .contains("MMWR 1998")
    );
    assert!(
        src(&us, "hrp.anaemia_trimester_weeks")
            .citation
            .contains("ICD-10-CM")
    );
}

#[test]
fn gdm_is_not_configured_in_uk_and_us_and_dipsi_is_not_borrowed() {
    let r = AncRecord {
        ogtt_2h_mg_dl: Some(dec("200")),
        ..AncRecord::default()
    };
    for name in ["uk", "us"] {
        let p = Policy::builtin(name).unwrap();
        assert_eq!(p.hrp.gdm_ogtt_2h_mg_dl, None, "{name}");
        let a = assess(&r, &p);
        assert_eq!(a.gdm, None, "{name}");
        assert!(a.codes().is_empty(), "{name}");
        assert!(a.not_assessed.iter().any(|f| f == "gdm_not_configured"));
        assert!(!a.not_assessed.iter().any(|f| f == "ogtt_2h_mg_dl"));
        let why = p.source("hrp.gdm_ogtt_2h_mg_dl").unwrap();
        assert!(why.note.as_deref().unwrap_or("").contains("Not configured"));
    }
}

#[test]
fn a_policy_file_can_leave_anaemia_unconfigured_and_nothing_is_graded() {
    let p = Policy::from_json(
        r#"{"extends": "india", "name": "no-anaemia", "hrp": {"anaemia_hb_g_dl": null}}"#,
    )
    .unwrap();
    assert_eq!(p.hrp.anaemia_hb_g_dl, None);
    assert!(p.source("hrp.anaemia_hb_g_dl").is_none());
    let a = assess(&with_hb("5.0"), &p);
    assert_eq!(a.anaemia, None);
    assert!(a.codes().is_empty());
    assert_eq!(a.blood_plan.tier, BloodRiskTier::Low);
    assert!(a.not_assessed.iter().any(|f| f == "anaemia_not_configured"));
    assert!(!a.not_assessed.iter().any(|f| f == "hb_g_dl"));
}

#[test]
fn policy_files_with_the_old_or_bad_anaemia_and_hypertension_fields_are_refused() {
    let refused = |hrp: &str| {
        let json = format!(r#"{{"extends": "india", "name": "x", "hrp": {hrp}}}"#);
        Policy::from_json(&json).unwrap_err().to_string()
    };
    // The old name meant "at or before"; the new one means "from": refused, not reinterpreted.
    assert!(
        refused(r#"{"chronic_hypertension_weeks": 20}"#).contains("chronic_hypertension_weeks")
    );
    assert!(
        refused(r#"{"gestational_hypertension_from_weeks": 0}"#)
            .contains("hrp.gestational_hypertension_from_weeks")
    );
    // The old single-line anaemia shape.
    assert!(
        refused(r#"{"anaemia_hb_g_dl": {"anaemia": {"below": "11"}, "moderate": {"below": "10"}, "severe": {"at_most": "7"}}}"#)
            .contains("hrp.anaemia_hb_g_dl")
    );
    // Cut-offs that differ by trimester need the trimester weeks.
    let by_trimester = r#"{"anaemia_hb_g_dl": {"first_trimester": {"below": "11"}, "second_trimester": {"below": "10.5"}, "third_trimester": {"below": "10.5"}}}"#;
    assert!(refused(by_trimester).contains("hrp.anaemia_trimester_weeks"));
    let weeks = |second: u32, third: u32| {
        format!(
            r#"{{"anaemia_hb_g_dl": {{"first_trimester": {{"below": "11"}}, "second_trimester": {{"below": "10.5"}}, "third_trimester": {{"below": "10.5"}}}}, "anaemia_trimester_weeks": {{"second_from": {second}, "third_from": {third}}}}}"#
        )
    };
    assert!(refused(&weeks(28, 14)).contains("hrp.anaemia_trimester_weeks.second_from"));
    assert!(refused(&weeks(14, 43)).contains("hrp.anaemia_trimester_weeks.third_from"));
    let ok = format!(
        r#"{{"extends": "india", "name": "x", "hrp": {}}}"#,
        weeks(14, 28)
    );
    let p = Policy::from_json(&ok).unwrap();
    let rec = |ga: i64| AncRecord {
        hb_g_dl: Some(dec("10.7")),
        lmp: Some(lmp_at(ga, 0)),
        ..AncRecord::default()
    };
    assert_eq!(assess(&rec(13), &p).anaemia, Some(AnaemiaGrade::Ungraded));
    assert_eq!(assess(&rec(14), &p).anaemia, Some(AnaemiaGrade::None));
}

#[test]
fn post_term_from_42_weeks() {
    let r = |w, d| AncRecord {
        lmp: Some(lmp_at(w, d)),
        ..AncRecord::default()
    };
    assert!(codes(&r(41, 6), &Policy::india()).is_empty());
    let a = assess(&r(42, 0), &Policy::india());
    assert_eq!(a.codes(), ["POST_TERM"]);
    assert_eq!(a.flags[0].facts.text("gestation").unwrap(), "42+0");
    assert_eq!(
        a.flags[0].message(Lang::En),
        "Gestation 42+0 weeks (42 weeks or more): post-term pregnancy."
    );
    // The EDD wins over the LMP.
    let both = AncRecord {
        lmp: Some(lmp_at(42, 0)),
        edd: Some(today() + Duration::days(10)),
        ..AncRecord::default()
    };
    let a = assess(&both, &Policy::india());
    assert_eq!(a.gestational_age.unwrap().to_string(), "38+4");
    assert!(a.flags.is_empty());
}

#[test]
fn bleeding_at_20_weeks_is_vaginal_bleeding_and_after_it_aph() {
    let r = |ga: Option<(i64, i64)>| AncRecord {
        lmp: ga.map(|(w, d)| lmp_at(w, d)),
        vaginal_bleeding: true,
        ..AncRecord::default()
    };
    let a = assess(&r(Some((20, 6))), &Policy::india());
    assert_eq!(a.codes(), ["VAGINAL_BLEEDING"]);
    assert_eq!(a.referral.level, CareLevel::L2);
    assert_eq!(a.referral.urgency, Urgency::Emergency);
    let a = assess(&r(Some((21, 0))), &Policy::india());
    assert_eq!(a.codes(), ["ANTEPARTUM_HAEMORRHAGE"]);
    assert_eq!(a.referral.level, CareLevel::L3);
    assert_eq!(a.blood_plan.tier, BloodRiskTier::High);
    assert_eq!(a.blood_plan.when, PlanTiming::Now);
    assert_eq!(a.blood_plan.action, BloodAction::Crossmatch { units: 2 });
    let a = assess(&r(None), &Policy::india());
    assert_eq!(a.codes(), ["ANTEPARTUM_HAEMORRHAGE"]);
    assert_eq!(a.flags[0].facts.text("gestation").unwrap(), "unknown");
    assert_eq!(
        a.flags[0].message(Lang::En),
        "Antepartum haemorrhage (vaginal bleeding at an unknown gestation): emergency, refer to an FRU now."
    );
    assert_eq!(
        a.flags[0].message(Lang::Hi),
        "प्रसवपूर्व रक्तस्राव (अज्ञात गर्भावधि पर योनि से रक्तस्राव): आपातकाल, अभी FRU रेफर करें।"
    );
    // The danger sign "bleeding vaginally" is the same bleeding, flagged once.
    let sign = AncRecord {
        lmp: Some(lmp_at(30, 0)),
        danger_signs: vec![DangerSign::BleedingVaginally],
        ..AncRecord::default()
    };
    assert_eq!(codes(&sign, &Policy::india()), ["ANTEPARTUM_HAEMORRHAGE"]);
}

#[test]
fn infections_thyroid_rhd_and_conditions() {
    let r = AncRecord {
        hiv: Some(SerologyResult::Positive),
        syphilis: Some(SerologyResult::Positive),
        hbsag: Some(SerologyResult::Positive),
        thyroid: Some(ThyroidStatus::Hypothyroid),
        blood_group: Some(BloodGroup::parse("O-").unwrap()),
        conditions: vec![
            KnownCondition::HeartDisease,
            KnownCondition::LargeFibroids,
            KnownCondition::PlacentaPraevia,
        ],
        fetuses: Some(2),
        presentation: Some(Presentation::Breech),
        ..AncRecord::default()
    };
    let a = assess(&r, &Policy::india());
    assert_eq!(
        a.codes(),
        [
            "MULTIPLE_PREGNANCY",
            "MALPRESENTATION",
            "PLACENTA_PRAEVIA",
            "OBSTETRIC_CONDITION",
            "HIV_POSITIVE",
            "SYPHILIS_POSITIVE",
            "HBSAG_POSITIVE",
            "THYROID_DISORDER",
            "RH_NEGATIVE",
            "MEDICAL_CONDITION"
        ]
    );
    assert_eq!(a.risk_level, RiskLevel::High);
    assert_eq!(a.referral.level, CareLevel::L3);
    assert_eq!(a.blood_plan.tier, BloodRiskTier::High);
    assert_eq!(
        a.blood_plan
            .factors
            .iter()
            .map(|f| f.as_str())
            .collect::<Vec<_>>(),
        ["placenta_praevia", "multiple_pregnancy", "large_fibroids"]
    );
    let rh = a
        .flags
        .iter()
        .find(|f| f.code == FlagCode::RhNegative)
        .unwrap();
    assert_eq!(rh.facts.text("group").unwrap(), "O-");
    let hd = a
        .flags
        .iter()
        .find(|f| f.code == FlagCode::MedicalCondition)
        .unwrap();
    assert_eq!(hd.message(Lang::Hi), "ज्ञात चिकित्सीय स्थिति: हृदय रोग।");
    let mp = a
        .flags
        .iter()
        .find(|f| f.code == FlagCode::Malpresentation)
        .unwrap();
    assert_eq!(mp.message(Lang::En), "Malpresentation: breech.");
}

#[test]
fn organ_support_goes_to_the_hdu_or_icu() {
    let r = |o| AncRecord {
        organ_support: Some(o),
        vaginal_bleeding: true,
        lmp: Some(lmp_at(36, 0)),
        ..AncRecord::default()
    };
    let hdu = assess(&r(OrganSupport::HighDependency), &Policy::india());
    assert_eq!(hdu.referral.level, CareLevel::DistrictHospitalHdu);
    assert_eq!(hdu.referral.reasons[0].flag, FlagCode::NeedsHighDependency);
    assert_eq!(
        hdu.referral.reasons[1].flag,
        FlagCode::AntepartumHaemorrhage
    );
    let icu = assess(&r(OrganSupport::IntensiveCare), &Policy::india());
    assert_eq!(icu.referral.level, CareLevel::MedicalCollegeIcu);
    assert_eq!(icu.referral.urgency, Urgency::Emergency);
}

#[test]
fn emergencies_come_first_and_set_the_risk_level() {
    let r = AncRecord {
        age_years: Some(16),
        danger_signs: vec![DangerSign::Fever, DangerSign::LooksVeryIll],
        ..AncRecord::default()
    };
    let a = assess(&r, &Policy::india());
    assert_eq!(a.codes(), ["DANGER_SIGN", "DANGER_SIGN", "YOUNG_AGE"]);
    assert_eq!(a.risk_level, RiskLevel::Emergency);
    assert_eq!(a.referral.reasons.len(), 2);
}

#[test]
fn blood_plan_tiers_at_their_boundaries() {
    let p = Policy::india();
    let plan = |r: AncRecord| assess(&r, &p).blood_plan;
    let platelets = |n| AncRecord {
        platelets_per_ul: Some(n),
        ..AncRecord::default()
    };
    assert_eq!(plan(platelets(99_999)).tier, BloodRiskTier::High);
    assert_eq!(plan(platelets(100_000)).tier, BloodRiskTier::Low);
    let births = |parity| AncRecord {
        gravida: Some(parity + 1),
        parity: Some(parity),
        ..AncRecord::default()
    };
    assert_eq!(plan(births(4)).tier, BloodRiskTier::Low);
    assert_eq!(plan(births(5)).tier, BloodRiskTier::Medium);
    // Low haematocrit counts only with another factor, and then makes the tier high.
    let hct = |pct: &str, cs: u32| AncRecord {
        haematocrit_pct: Some(dec(pct)),
        gravida: Some(2),
        parity: Some(1),
        previous_caesareans: Some(cs),
        ..AncRecord::default()
    };
    assert_eq!(plan(hct("29.9", 0)).tier, BloodRiskTier::Low);
    assert_eq!(plan(hct("30", 1)).tier, BloodRiskTier::Medium);
    let high = plan(hct("29.9", 1));
    assert_eq!(high.tier, BloodRiskTier::High);
    assert_eq!(
        high.factors.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
        [
            "low_haematocrit_with_other_factor",
            "previous_uterine_surgery"
        ]
    );
    assert_eq!(high.units(), 2);
    assert!(high.source.contains("CMQCC"));
    let accreta = AncRecord {
        conditions: vec![KnownCondition::SuspectedAccreta],
        ..AncRecord::default()
    };
    assert_eq!(plan(accreta).action, BloodAction::Crossmatch { units: 2 });
}

#[test]
fn contradictory_or_implausible_records_are_refused_naming_the_field() {
    let p = Policy::india();
    let field = |r: AncRecord| match assess_pregnancy(&r, today(), &p) {
        Err(rakt::RaktError::InvalidInput { field, .. }) => field,
        other => panic!("expected an input error, got {other:?}"),
    };
    assert_eq!(field(with_births(2, 2)), "parity");
    assert_eq!(field(with_births(0, 0)), "gravida");
    assert_eq!(
        field(AncRecord {
            parity: Some(1),
            previous_caesareans: Some(2),
            ..AncRecord::default()
        }),
        "previous_caesareans"
    );
    assert_eq!(
        field(AncRecord {
            bp: Some(BloodPressure::new(90, 90)),
            ..AncRecord::default()
        }),
        "bp"
    );
    assert_eq!(
        field(AncRecord {
            bp_repeat: Some(BloodPressure::new(140, 90)),
            ..AncRecord::default()
        }),
        "bp_repeat"
    );
    assert_eq!(field(with_hb("30")), "hb_g_dl");
    assert_eq!(
        field(AncRecord {
            lmp: Some(today() + Duration::days(1)),
            ..AncRecord::default()
        }),
        "lmp"
    );
    assert_eq!(
        field(AncRecord {
            lmp: Some(lmp_at(46, 0)),
            ..AncRecord::default()
        }),
        "lmp"
    );
    assert_eq!(field(with_age(5)), "age_years");
}

#[test]
fn every_flag_the_assessment_raises_renders_in_english_and_hindi() {
    let r = AncRecord {
        age_years: Some(16),
        height_cm: Some(dec("135")),
        gravida: Some(6),
        parity: Some(5),
        previous_caesareans: Some(1),
        previous_stillbirths: Some(1),
        previous_neonatal_deaths: Some(1),
        previous_abortions: Some(3),
        months_since_last_pregnancy: Some(10),
        lmp: Some(lmp_at(43, 0)),
        fetuses: Some(2),
        presentation: Some(Presentation::TransverseOrOblique),
        hb_g_dl: Some(dec("6")),
        bp: Some(BloodPressure::new(150, 100)),
        bp_repeat: Some(BloodPressure::new(150, 100)),
        urine_protein: Some(UrineProtein::Plus3),
        ogtt_2h_mg_dl: Some(dec("200")),
        thyroid: Some(ThyroidStatus::Hyperthyroid),
        blood_group: Some(BloodGroup::parse("A-").unwrap()),
        hiv: Some(SerologyResult::Positive),
        syphilis: Some(SerologyResult::Positive),
        hbsag: Some(SerologyResult::Positive),
        conditions: KnownCondition::ALL.to_vec(),
        danger_signs: DangerSign::ALL.to_vec(),
        symptoms: Symptom::ALL.to_vec(),
        vaginal_bleeding: true,
        organ_support: Some(OrganSupport::IntensiveCare),
        ..AncRecord::default()
    };
    let a = assess(&r, &Policy::builtin("india_openchs").unwrap());
    assert!(a.flags.len() > 40, "{}", a.flags.len());
    for f in &a.flags {
        for lang in [Lang::En, Lang::Hi] {
            let m = f.message(lang);
            assert!(!m.contains('{'), "{}: {m}", f.code);
            assert!(!f.source.is_empty());
        }
        assert!(
            f.message(Lang::Hi)
                .chars()
                .any(|c| ('\u{0900}'..='\u{097F}').contains(&c))
        );
    }
    assert_eq!(a.hypertension, Some(HypertensionClass::Eclampsia));
    assert_eq!(a.referral.level, CareLevel::MedicalCollegeIcu);
}

#[test]
fn the_shared_thresholds_hold_in_every_profile() {
    use HypertensionClass as H;
    for p in profiles() {
        let class = |r: &AncRecord| assess(r, &p).hypertension.unwrap();
        let nil = Some(UrineProtein::Nil);
        assert_eq!(
            class(&htn(30, (139, 89), Some((139, 89)), nil)),
            H::Normal,
            "{}",
            p.name
        );
        // ANC.DT.17 confirms the same component on both readings.
        assert_eq!(
            class(&htn(30, (140, 89), Some((139, 90)), nil)),
            H::Normal,
            "{}",
            p.name
        );
        assert_eq!(
            class(&htn(30, (160, 110), Some((160, 109)), nil)),
            H::Severe,
            "{}",
            p.name
        );
        assert_eq!(
            class(&htn(30, (160, 100), Some((159, 110)), nil)),
            H::Gestational,
            "{}",
            p.name
        );
        let pe = Some(UrineProtein::Plus2);
        assert_eq!(
            class(&htn(30, (145, 95), Some((145, 95)), pe)),
            H::PreEclampsia,
            "{}",
            p.name
        );
        assert_eq!(
            class(&htn(19, (145, 95), Some((145, 95)), pe)),
            H::Chronic,
            "{}",
            p.name
        );
        assert_eq!(
            class(&htn(20, (145, 95), Some((145, 95)), pe)),
            H::PreEclampsia,
            "{}",
            p.name
        );
        let interval = |m: u32| AncRecord {
            months_since_last_pregnancy: Some(m),
            ..AncRecord::default()
        };
        assert_eq!(
            codes(&interval(17), &p),
            ["SHORT_BIRTH_INTERVAL"],
            "{}",
            p.name
        );
        assert!(codes(&interval(18), &p).is_empty(), "{}", p.name);
        let ab = |n: u32| AncRecord {
            previous_abortions: Some(n),
            ..AncRecord::default()
        };
        assert!(codes(&ab(2), &p).is_empty(), "{}", p.name);
        assert_eq!(codes(&ab(3), &p), ["RECURRENT_ABORTION"], "{}", p.name);
        let post = |w, d| AncRecord {
            lmp: Some(lmp_at(w, d)),
            ..AncRecord::default()
        };
        assert!(codes(&post(41, 6), &p).is_empty(), "{}", p.name);
        assert_eq!(codes(&post(42, 0), &p), ["POST_TERM"], "{}", p.name);
    }
}

#[test]
fn an_lmp_on_the_day_assessed_is_week_zero_and_one_a_day_later_is_refused() {
    let on_the_day = AncRecord {
        lmp: Some(today()),
        ..AncRecord::default()
    };
    let a = assess(&on_the_day, &Policy::india());
    assert_eq!(a.gestational_age.unwrap().to_string(), "0+0");
    let next_day = date(2026, 11, 24);
    let tomorrow = AncRecord {
        lmp: Some(next_day),
        ..AncRecord::default()
    };
    let e = assess_pregnancy(&tomorrow, today(), &Policy::india()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid input: lmp: 2026-11-24 is after 2026-11-23"
    );
}
