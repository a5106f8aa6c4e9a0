//! Unit tests of `assess_donor`, rule by rule, with the boundaries of each profile.

use super::*;
use crate::donor::{Condition, DeferralEvent, DonorState, PreviousDonation};
use crate::policy::Confidence;
use crate::policy::DeferralRule;
use crate::reason::Lang;
use crate::screening::TtiMarker;
use std::collections::BTreeSet;

use DonationKind::{
    DoubleRedCells, Plasmapheresis, Plateletpheresis, WholeBlood350, WholeBlood450,
};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn person(born: &str, sex: Sex) -> Donor {
    Donor {
        id: None,
        date_of_birth: day(born),
        sex,
        first_time: None,
        previous_donations: Vec::new(),
        deferral_events: Vec::new(),
        conditions: Vec::new(),
    }
}

fn man() -> Donor {
    person("1990-05-17", Sex::Male)
}

fn woman() -> Donor {
    person("1990-05-17", Sex::Female)
}

fn other() -> Donor {
    person("1990-05-17", Sex::Other)
}

fn gave(mut d: Donor, date: &str, kind: DonationKind) -> Donor {
    d.previous_donations.push(PreviousDonation {
        date: day(date),
        kind,
        red_cells_returned: true,
    });
    d
}

fn every_fortnight(mut d: Donor, from: &str, n: u64, kind: DonationKind) -> Donor {
    let start = day(from);
    let before = d.previous_donations.len();
    let dates = (0..n).map_while(|i| start.checked_add_days(Days::new(14 * i)));
    for date in dates {
        d.previous_donations.push(PreviousDonation {
            date,
            kind,
            red_cells_returned: true,
        });
    }
    assert_eq!((d.previous_donations.len() - before) as u64, n);
    d
}

fn event(mut d: Donor, kind: DeferralKind, date: &str) -> Donor {
    d.deferral_events.push(DeferralEvent {
        kind,
        date: day(date),
        marker: None,
    });
    d
}

fn reactive(mut d: Donor, marker: TtiMarker, date: &str) -> Donor {
    d.deferral_events.push(DeferralEvent {
        kind: DeferralKind::TtiReactive,
        date: day(date),
        marker: Some(marker),
    });
    d
}

fn fine() -> DonorChecks {
    DonorChecks {
        weight_kg: dec("70"),
        hb_g_dl: dec("14.6"),
        systolic_mmhg: 120,
        diastolic_mmhg: 80,
        pulse_bpm: 72,
        temperature_c: dec("36.8"),
        states: Vec::new(),
    }
}

fn hb(v: &str) -> DonorChecks {
    DonorChecks {
        hb_g_dl: dec(v),
        ..fine()
    }
}

fn kg(v: &str) -> DonorChecks {
    DonorChecks {
        weight_kg: dec(v),
        ..fine()
    }
}

fn bp(sys: u32, dia: u32) -> DonorChecks {
    DonorChecks {
        systolic_mmhg: sys,
        diastolic_mmhg: dia,
        ..fine()
    }
}

/// The assessment, after checking that `decide_donor` gives its decision.
fn run(d: &Donor, c: &DonorChecks, k: DonationKind, as_of: &str, p: &Policy) -> DonorAssessment {
    let a = assess_donor(d, c, k, day(as_of), p).unwrap();
    assert_eq!(decide_donor(d, c, k, day(as_of), p).unwrap(), a.decision());
    a
}

fn india(d: &Donor, c: &DonorChecks, k: DonationKind, as_of: &str) -> DonorAssessment {
    run(d, c, k, as_of, &Policy::india())
}

fn codes(a: &DonorAssessment) -> Vec<&'static str> {
    a.reasons.iter().map(|r| r.code.as_str()).collect()
}

fn facts(a: &DonorAssessment, code: &str) -> Vec<(String, String)> {
    let r = a
        .reasons
        .iter()
        .find(|r| r.code.as_str() == code)
        .unwrap_or_else(|| panic!("no {code} in {:?}", codes(a)));
    r.facts.to_map().into_iter().collect()
}

/// Whether some reason with this code has this fact.
fn has(a: &DonorAssessment, code: &str, name: &str, value: &str) -> bool {
    a.reasons
        .iter()
        .any(|r| r.code.as_str() == code && r.facts.get(name).is_some_and(|v| v == value))
}

#[track_caller]
fn assert_eligible(a: &DonorAssessment) {
    assert!(a.eligible, "{:?}", a.reasons);
    assert!(!a.permanent && !a.referred);
    assert_eq!(a.deferred_until, None);
    assert_eq!(a.next_eligible, Some(a.as_of));
    assert_eq!(a.reasons[0].code, ReasonCode::DonorEligible);
    assert!(a.reasons.iter().all(|r| r.severity == Severity::Info));
}

#[track_caller]
fn assert_deferred(a: &DonorAssessment, codes_: &[&str], until: &str) {
    assert_eq!(codes(a), codes_);
    assert!(!a.eligible && !a.permanent && !a.referred);
    assert_eq!(a.deferred_until, Some(day(until)));
    assert_eq!(a.next_eligible, Some(day(until)));
}

#[track_caller]
fn assert_permanent(a: &DonorAssessment, codes_: &[&str]) {
    assert_eq!(codes(a), codes_);
    assert!(!a.eligible && a.permanent);
    assert_eq!(a.deferred_until, None);
    assert_eq!(a.next_eligible, None);
}

#[track_caller]
fn assert_referred(a: &DonorAssessment, subject: &str) {
    assert!(!a.eligible && a.referred && !a.permanent);
    assert_eq!(a.next_eligible, None);
    assert!(
        has(a, "DONOR_REFER_TO_MEDICAL_OFFICER", "subject", subject),
        "{:?}",
        a.reasons
    );
}

// ---- arithmetic ----

#[test]
fn completed_years_and_leap_day_birthdays() {
    let b = day("2000-02-29");
    assert_eq!(completed_years(b, day("2024-02-28")), 23);
    assert_eq!(completed_years(b, day("2024-02-29")), 24);
    assert_eq!(completed_years(b, day("2023-02-28")), 22);
    assert_eq!(completed_years(b, day("2023-03-01")), 23);
    assert_eq!(completed_years(b, b), 0);
    assert_eq!(birthday(b, 18).unwrap(), day("2018-03-01"));
    assert_eq!(birthday(b, 24).unwrap(), day("2024-02-29"));
    assert_eq!(birthday(day("1990-05-17"), 18).unwrap(), day("2008-05-17"));
}

#[test]
fn periods() {
    let d = day("2026-01-31");
    assert_eq!(add_period(d, Period::Days(90)).unwrap(), day("2026-05-01"));
    assert_eq!(add_period(d, Period::Months(1)).unwrap(), day("2026-02-28"));
    assert_eq!(add_period(d, Period::Months(3)).unwrap(), day("2026-04-30"));
    assert_eq!(
        add_period(d, Period::Months(12)).unwrap(),
        day("2027-01-31")
    );
    assert_eq!(add_period(d, Period::Hours(48)).unwrap(), day("2026-02-02"));
    assert_eq!(add_period(d, Period::Hours(25)).unwrap(), day("2026-02-02"));
    assert_eq!(add_period(d, Period::Hours(24)).unwrap(), day("2026-02-01"));
    assert_eq!(
        add_period(NaiveDate::MAX, Period::Days(1))
            .unwrap_err()
            .kind(),
        "InvalidInput"
    );
}

// ---- 1. age ----

#[test]
fn eighteenth_birthday() {
    let d = person("2008-03-10", Sex::Male);
    let a = india(&d, &fine(), WholeBlood450, "2026-03-09");
    assert_deferred(&a, &["DONOR_TOO_YOUNG"], "2026-03-10");
    assert_eq!(
        facts(&a, "DONOR_TOO_YOUNG"),
        [
            ("age".to_string(), "17".to_string()),
            ("limit".into(), "18".into()),
            ("until".into(), "2026-03-10".into())
        ]
    );
    assert_eligible(&india(&d, &fine(), WholeBlood450, "2026-03-10"));
}

#[test]
fn leap_day_birthday_counts_from_the_first_of_march() {
    let d = person("2008-02-29", Sex::Female);
    let a = india(&d, &fine(), WholeBlood350, "2026-02-28");
    assert_deferred(&a, &["DONOR_TOO_YOUNG"], "2026-03-01");
    assert_eligible(&india(&d, &fine(), WholeBlood350, "2026-03-01"));
}

#[test]
fn us_and_uk_accept_seventeen() {
    let d = person("2009-06-01", Sex::Male);
    for p in [Policy::us(), Policy::uk()] {
        let a = run(&d, &fine(), WholeBlood450, "2026-05-31", &p);
        assert_eq!(codes(&a)[0], "DONOR_TOO_YOUNG");
        assert_eq!(a.next_eligible, Some(day("2026-06-01")));
        assert!(has(&a, "DONOR_TOO_YOUNG", "limit", "17"));
        let a = run(&d, &fine(), WholeBlood450, "2026-06-01", &p);
        assert!(a.eligible, "{}: {:?}", p.name, a.reasons);
    }
}

#[test]
fn first_time_donor_up_to_sixty_in_india() {
    let d = person("1966-03-10", Sex::Male);
    assert_eligible(&india(&d, &fine(), WholeBlood450, "2027-03-09")); // 60 years 364 days
    let a = india(&d, &fine(), WholeBlood450, "2027-03-10"); // 61
    assert_permanent(&a, &["DONOR_TOO_OLD"]);
    assert_eq!(
        facts(&a, "DONOR_TOO_OLD"),
        [
            ("age".to_string(), "61".to_string()),
            ("donor_group".into(), "first_time".into()),
            ("limit".into(), "60".into())
        ]
    );
    let src = Policy::india();
    let src = src.source("donor.age.max_first_time").unwrap();
    assert_eq!(a.reasons[0].source.as_deref(), Some(src.citation.as_str()));
    assert_eq!(a.reasons[0].confidence, Some(Confidence::Medium));
}

#[test]
fn repeat_donor_sixty_five_and_sixty_six() {
    let d = gave(person("1961-03-10", Sex::Male), "2024-01-01", WholeBlood450);
    assert_eligible(&india(&d, &fine(), WholeBlood450, "2027-03-09")); // 65y364d
    let a = india(&d, &fine(), WholeBlood450, "2027-03-10"); // 66
    assert_permanent(&a, &["DONOR_TOO_OLD"]);
    assert!(has(&a, "DONOR_TOO_OLD", "age", "66"));
    assert!(has(&a, "DONOR_TOO_OLD", "limit", "65"));
    assert!(has(&a, "DONOR_TOO_OLD", "donor_group", "repeat"));
}

#[test]
fn first_time_flag_overrides_history() {
    let mut d = person("1960-01-01", Sex::Male);
    d.first_time = Some(false);
    assert_eligible(&india(&d, &fine(), WholeBlood450, "2024-06-01")); // 64, repeat
    d.first_time = Some(true);
    let d = gave(d, "2020-01-01", WholeBlood450);
    let a = india(&d, &fine(), WholeBlood450, "2024-06-01");
    assert!(has(&a, "DONOR_TOO_OLD", "donor_group", "first_time"));
}

#[test]
fn apheresis_age_limits() {
    let d = gave(person("1965-03-10", Sex::Male), "2025-01-01", WholeBlood450);
    assert_eligible(&india(&d, &fine(), Plateletpheresis, "2026-03-09")); // 60
    let a = india(&d, &fine(), Plateletpheresis, "2026-03-10"); // 61
    assert_permanent(&a, &["DONOR_TOO_OLD"]);
    assert!(has(&a, "DONOR_TOO_OLD", "donor_group", "apheresis"));
    assert!(has(&a, "DONOR_TOO_OLD", "limit", "60"));
    // Whole blood is still fine for this repeat donor.
    assert_eligible(&india(&d, &fine(), WholeBlood450, "2026-03-10"));
    // A first-time donor of 61 is too old twice over.
    let d = person("1965-03-10", Sex::Male);
    let a = india(&d, &fine(), Plasmapheresis, "2026-03-10");
    assert_permanent(&a, &["DONOR_TOO_OLD", "DONOR_TOO_OLD"]);
    // The apheresis minimum replaces the general minimum.
    let mut p = Policy::india();
    p.donor.age.min_apheresis = Some(21);
    let young = person("2006-01-01", Sex::Male);
    let a = run(&young, &fine(), Plateletpheresis, "2026-06-01", &p);
    assert_deferred(&a, &["DONOR_TOO_YOUNG"], "2027-01-01");
    assert!(has(&a, "DONOR_TOO_YOUNG", "limit", "21"));
    assert!(run(&young, &fine(), WholeBlood450, "2026-06-01", &p).eligible);
}

#[test]
fn uk_first_time_up_to_sixty_five_and_no_limit_for_regulars() {
    let uk = Policy::uk();
    let d = person("1960-03-10", Sex::Female);
    assert!(run(&d, &fine(), WholeBlood450, "2026-03-09", &uk).eligible);
    let a = run(&d, &fine(), WholeBlood450, "2026-03-10", &uk);
    assert_permanent(
        &a,
        &[
            "DONOR_TOO_OLD",
            "DONOR_CRITERION_NOT_CONFIGURED",
            "DONOR_CRITERION_NOT_CONFIGURED",
            "DONOR_CRITERION_NOT_CONFIGURED",
            "DONOR_CRITERION_NOT_CONFIGURED",
        ],
    );
    let d = gave(
        person("1940-03-10", Sex::Female),
        "2025-01-01",
        WholeBlood450,
    );
    assert!(run(&d, &fine(), WholeBlood450, "2026-03-10", &uk).eligible);
}

// ---- 2. weight ----

#[test]
fn weight_boundaries_india() {
    let d = man();
    assert_eligible(&india(&d, &kg("45"), WholeBlood350, "2026-03-01"));
    let a = india(&d, &kg("44.9"), WholeBlood350, "2026-03-01");
    assert_deferred(&a, &["DONOR_WEIGHT_TOO_LOW"], "2026-03-02");
    assert!(has(&a, "DONOR_WEIGHT_TOO_LOW", "limit", "≥ 45"));
    let a = india(&d, &kg("55"), WholeBlood450, "2026-03-01");
    assert_deferred(&a, &["DONOR_WEIGHT_TOO_LOW"], "2026-03-02");
    assert_eq!(
        facts(&a, "DONOR_WEIGHT_TOO_LOW"),
        [
            ("kind".to_string(), "whole_blood_450".to_string()),
            ("limit".into(), "> 55".into()),
            ("measured".into(), "55".into()),
            ("until".into(), "2026-03-02".into())
        ]
    );
    assert_eligible(&india(&d, &kg("55.1"), WholeBlood450, "2026-03-01"));
    assert_eligible(&india(&d, &kg("50"), Plateletpheresis, "2026-03-01"));
    let a = india(&d, &kg("49.9"), Plasmapheresis, "2026-03-01");
    assert!(has(&a, "DONOR_WEIGHT_TOO_LOW", "limit", "≥ 50"));
}

#[test]
fn weight_not_configured_is_referred() {
    let a = india(&man(), &fine(), DoubleRedCells, "2026-03-01");
    let referrals = codes(&a)
        .into_iter()
        .filter(|c| *c == "DONOR_REFER_TO_MEDICAL_OFFICER")
        .count();
    assert_eq!(referrals, 1);
    assert_referred(&a, "weight:double_red_cells");
    assert_eq!(a.deferred_until, None);
    assert_eq!(
        a.reasons[0].message(Lang::En),
        "This policy has no rule for the weight limit for double red cells: the medical officer must decide."
    );
}

// ---- 3. haemoglobin ----

#[test]
fn haemoglobin_india() {
    assert_eligible(&india(&woman(), &hb("12.5"), WholeBlood350, "2026-03-01"));
    let a = india(&woman(), &hb("12.4"), WholeBlood350, "2026-03-01");
    assert_deferred(&a, &["DONOR_HB_BELOW_MIN"], "2026-03-02");
    assert_eq!(
        facts(&a, "DONOR_HB_BELOW_MIN"),
        [
            ("limit".to_string(), "≥ 12.5".to_string()),
            ("measured".into(), "12.4".into()),
            ("until".into(), "2026-03-02".into())
        ]
    );
    let p = Policy::india();
    let src = p.source("donor.hb_g_dl.female").unwrap();
    assert_eq!(a.reasons[0].source.as_deref(), Some(src.citation.as_str()));
    assert_eligible(&india(&man(), &hb("12.5"), WholeBlood450, "2026-03-01"));
}

#[test]
fn haemoglobin_us_men_thirteen() {
    let us = Policy::us();
    assert!(run(&man(), &hb("13.0"), WholeBlood450, "2026-03-01", &us).eligible);
    let a = run(&man(), &hb("12.9"), WholeBlood450, "2026-03-01", &us);
    assert!(has(&a, "DONOR_HB_BELOW_MIN", "limit", "≥ 13.0"));
    assert!(run(&woman(), &hb("12.5"), WholeBlood450, "2026-03-01", &us).eligible);
    // Sex other: both limits, so 13.0.
    let a = run(&other(), &hb("12.9"), WholeBlood450, "2026-03-01", &us);
    assert!(has(&a, "DONOR_HB_BELOW_MIN", "limit", "≥ 13.0"));
    assert_eq!(
        a.reasons[0].source.as_deref(),
        Some(us.source("donor.hb_g_dl.male").unwrap().citation.as_str())
    );
    assert!(run(&other(), &hb("13.0"), WholeBlood450, "2026-03-01", &us).eligible);
}

#[test]
fn haemoglobin_uk_and_double_red_cells() {
    let uk = Policy::uk();
    let a = run(&man(), &hb("13.4"), WholeBlood450, "2026-03-01", &uk);
    assert!(has(&a, "DONOR_HB_BELOW_MIN", "limit", "≥ 13.5"));
    assert!(run(&man(), &hb("13.5"), WholeBlood450, "2026-03-01", &uk).eligible);
    let a = run(&other(), &hb("12.6"), WholeBlood450, "2026-03-01", &uk);
    assert_eq!(
        a.reasons
            .iter()
            .filter(|r| r.code == ReasonCode::DonorHbBelowMin)
            .count(),
        1
    );
    assert!(has(&a, "DONOR_HB_BELOW_MIN", "limit", "≥ 13.5"));
    let a = run(&woman(), &hb("13.9"), DoubleRedCells, "2026-03-01", &uk);
    assert!(has(&a, "DONOR_HB_BELOW_MIN", "limit", "≥ 14.0"));
    assert!(run(&woman(), &hb("14.0"), DoubleRedCells, "2026-03-01", &uk).eligible);
    // US has no double-red-cell Hb: the sex limit applies.
    let us = Policy::us();
    assert!(run(&woman(), &hb("12.5"), DoubleRedCells, "2026-03-01", &us).eligible);
}

#[test]
fn haemoglobin_above_a_maximum() {
    let mut p = Policy::india();
    p.donor.hb_g_dl.female = Limits::between(dec("12.5"), dec("16.5"));
    p.donor.hb_g_dl.male = Limits::between(dec("13.0"), dec("18.0"));
    assert!(run(&woman(), &hb("16.5"), WholeBlood450, "2026-03-01", &p).eligible);
    let a = run(&woman(), &hb("16.6"), WholeBlood450, "2026-03-01", &p);
    assert_deferred(&a, &["DONOR_HB_ABOVE_MAX"], "2026-03-02");
    assert!(has(&a, "DONOR_HB_ABOVE_MAX", "limit", "12.5–16.5"));
    // Sex other with 17: too high for women; with 12.8: too low for men.
    let a = run(&other(), &hb("17"), WholeBlood450, "2026-03-01", &p);
    assert_eq!(codes(&a), ["DONOR_HB_ABOVE_MAX"]);
    let a = run(&other(), &hb("12.8"), WholeBlood450, "2026-03-01", &p);
    assert_eq!(codes(&a), ["DONOR_HB_BELOW_MIN"]);
    assert!(has(&a, "DONOR_HB_BELOW_MIN", "limit", "13.0–18.0"));
}

#[test]
fn sex_other_failing_both_limits_is_judged_by_the_stricter() {
    // The limit that failed is named by its source: the US female and male rows are cited apart.
    let cited = |a: &DonorAssessment, p: &Policy, path: &str| {
        let want = p.source(path).unwrap().citation.clone();
        assert_ne!(
            p.source("donor.hb_g_dl.female").unwrap().citation,
            p.source("donor.hb_g_dl.male").unwrap().citation
        );
        assert_eq!(a.reasons.len(), 1, "{:?}", codes(a));
        assert_eq!(a.reasons[0].source.as_deref(), Some(want.as_str()));
    };
    let at = |female: Limits, male: Limits, value: &str| {
        let mut p = Policy::us();
        p.donor.hb_g_dl.female = female;
        p.donor.hb_g_dl.male = male;
        let a = run(&other(), &hb(value), WholeBlood450, "2026-03-01", &p);
        (a, p)
    };
    let above = |v: &str| Limits {
        above: Some(dec(v)),
        ..Limits::default()
    };
    let below = |v: &str| Limits {
        below: Some(dec(v)),
        ..Limits::default()
    };
    let at_most = |v: &str| Limits {
        max: Some(dec(v)),
        ..Limits::default()
    };
    // Too low for both: the higher minimum (the male row, listed second).
    let (a, p) = at(
        Limits::at_least(dec("12.5")),
        Limits::at_least(dec("13.0")),
        "12.0",
    );
    assert!(has(&a, "DONOR_HB_BELOW_MIN", "limit", "≥ 13.0"));
    cited(&a, &p, "donor.hb_g_dl.male");
    // The same minimum: the first listed (female) on a tie.
    let (a, p) = at(
        Limits::at_least(dec("13.0")),
        Limits::at_least(dec("13.0")),
        "12.0",
    );
    cited(&a, &p, "donor.hb_g_dl.female");
    // "Above 13.0" is stricter than "at least 13.0".
    let (a, p) = at(Limits::at_least(dec("13.0")), above("13.0"), "12.9");
    cited(&a, &p, "donor.hb_g_dl.male");
    // Too high for both: the lower maximum (the male row, listed second).
    let (a, p) = at(at_most("18.0"), at_most("16.5"), "19");
    assert_eq!(codes(&a), ["DONOR_HB_ABOVE_MAX"]);
    cited(&a, &p, "donor.hb_g_dl.male");
    // "Below 16.5" is stricter than "at most 16.5".
    let (a, p) = at(at_most("16.5"), below("16.5"), "19");
    cited(&a, &p, "donor.hb_g_dl.male");
    // The same maximum: the first listed.
    let (a, p) = at(at_most("16.5"), at_most("16.5"), "19");
    cited(&a, &p, "donor.hb_g_dl.female");
}

// ---- 4. vitals ----

#[test]
fn blood_pressure_india() {
    let d = man();
    assert_eligible(&india(&d, &bp(140, 90), WholeBlood450, "2026-03-01"));
    assert_eligible(&india(&d, &bp(100, 60), WholeBlood450, "2026-03-01"));
    let a = india(&d, &bp(141, 90), WholeBlood450, "2026-03-01");
    assert_deferred(&a, &["DONOR_SYSTOLIC_OUT_OF_RANGE"], "2026-03-02");
    assert_eq!(
        facts(&a, "DONOR_SYSTOLIC_OUT_OF_RANGE"),
        [
            ("limit".to_string(), "100–140".to_string()),
            ("measured".into(), "141".into()),
            ("until".into(), "2026-03-02".into())
        ]
    );
    let a = india(&d, &bp(140, 91), WholeBlood450, "2026-03-01");
    assert_deferred(&a, &["DONOR_DIASTOLIC_OUT_OF_RANGE"], "2026-03-02");
    assert!(has(&a, "DONOR_DIASTOLIC_OUT_OF_RANGE", "limit", "60–90"));
    let a = india(&d, &bp(99, 70), WholeBlood450, "2026-03-01");
    assert_deferred(&a, &["DONOR_SYSTOLIC_OUT_OF_RANGE"], "2026-03-02");
    let a = india(&d, &bp(120, 59), WholeBlood450, "2026-03-01");
    assert_deferred(&a, &["DONOR_DIASTOLIC_OUT_OF_RANGE"], "2026-03-02");
    // US: 90–180 / 50–100.
    assert!(
        run(
            &d,
            &bp(180, 100),
            WholeBlood450,
            "2026-03-01",
            &Policy::us()
        )
        .eligible
    );
    let a = run(
        &d,
        &bp(181, 101),
        WholeBlood450,
        "2026-03-01",
        &Policy::us(),
    );
    assert_eq!(
        codes(&a),
        [
            "DONOR_SYSTOLIC_OUT_OF_RANGE",
            "DONOR_DIASTOLIC_OUT_OF_RANGE"
        ]
    );
}

#[test]
fn pulse_and_temperature() {
    let d = man();
    let pulse = |n| DonorChecks {
        pulse_bpm: n,
        ..fine()
    };
    let temp = |t: &str| DonorChecks {
        temperature_c: dec(t),
        ..fine()
    };
    // India, item 6 of the 2020 criteria: 60–100.
    assert_eligible(&india(&d, &pulse(60), WholeBlood450, "2026-03-01"));
    assert_eligible(&india(&d, &pulse(100), WholeBlood450, "2026-03-01"));
    let a = india(&d, &pulse(101), WholeBlood450, "2026-03-01");
    assert_deferred(&a, &["DONOR_PULSE_OUT_OF_RANGE"], "2026-03-02");
    assert!(has(&a, "DONOR_PULSE_OUT_OF_RANGE", "limit", "60–100"));
    let a = india(&d, &pulse(59), WholeBlood450, "2026-03-01");
    assert_deferred(&a, &["DONOR_PULSE_OUT_OF_RANGE"], "2026-03-02");
    assert_eq!(a.reasons[0].confidence, Some(Confidence::Medium));
    // The US keeps 50–100.
    assert!(run(&d, &pulse(50), WholeBlood450, "2026-03-01", &Policy::us()).eligible);
    // India: afebrile read as WHO's "not more than 37.6 °C".
    assert_eligible(&india(&d, &temp("37.6"), WholeBlood450, "2026-03-01"));
    let a = india(&d, &temp("37.7"), WholeBlood450, "2026-03-01");
    assert_deferred(&a, &["DONOR_TEMPERATURE_OUT_OF_RANGE"], "2026-03-02");
    assert!(has(&a, "DONOR_TEMPERATURE_OUT_OF_RANGE", "limit", "≤ 37.6"));
    assert_eq!(a.reasons[0].confidence, Some(Confidence::Medium));
    // The US keeps AABB's 37.5 °C.
    let a = run(
        &d,
        &temp("37.6"),
        WholeBlood450,
        "2026-03-01",
        &Policy::us(),
    );
    assert!(has(&a, "DONOR_TEMPERATURE_OUT_OF_RANGE", "limit", "≤ 37.5"));
}

#[test]
fn uk_vitals_not_configured_are_informational() {
    let a = run(
        &man(),
        &bp(200, 120),
        WholeBlood450,
        "2026-03-01",
        &Policy::uk(),
    );
    assert_eligible(&a);
    assert_eq!(
        codes(&a),
        [
            "DONOR_ELIGIBLE",
            "DONOR_CRITERION_NOT_CONFIGURED",
            "DONOR_CRITERION_NOT_CONFIGURED",
            "DONOR_CRITERION_NOT_CONFIGURED",
            "DONOR_CRITERION_NOT_CONFIGURED"
        ]
    );
    let criteria: Vec<String> = a.reasons[1..]
        .iter()
        .map(|r| r.facts.text("criterion").unwrap())
        .collect();
    assert_eq!(
        criteria,
        [
            "systolic_mmhg",
            "diastolic_mmhg",
            "pulse_bpm",
            "temperature_c"
        ]
    );
    assert!(has(&a, "DONOR_ELIGIBLE", "kind", "whole_blood_450"));
}

// Steps 5 to 9 (intervals, counting windows, deferral events, states, conditions): in
// `tests/history.rs`.
mod history;

// ---- 10. the verdict ----

#[test]
fn every_failure_is_listed_most_severe_first() {
    let d = reactive(
        gave(
            person("2008-03-10", Sex::Female),
            "2026-01-01",
            WholeBlood350,
        ),
        TtiMarker::Wnv,
        "2026-02-01",
    );
    let d = event(d, DeferralKind::Tattoo, "2025-12-01");
    let c = DonorChecks {
        weight_kg: dec("44"),
        hb_g_dl: dec("11.0"),
        systolic_mmhg: 150,
        diastolic_mmhg: 95,
        pulse_bpm: 110,
        temperature_c: dec("38"),
        states: vec![DonorState::Breastfeeding],
    };
    let a = india(&d, &c, WholeBlood350, "2026-03-01");
    assert_eq!(
        codes(&a),
        [
            "DONOR_TOO_YOUNG",
            "DONOR_WEIGHT_TOO_LOW",
            "DONOR_HB_BELOW_MIN",
            "DONOR_SYSTOLIC_OUT_OF_RANGE",
            "DONOR_DIASTOLIC_OUT_OF_RANGE",
            "DONOR_PULSE_OUT_OF_RANGE",
            "DONOR_TEMPERATURE_OUT_OF_RANGE",
            "DONOR_INTERVAL_NOT_MET",
            "DONOR_DEFERRED",
            "DONOR_STATE_DEFERS",
            "DONOR_REFER_TO_MEDICAL_OFFICER",
        ]
    );
    assert!(!a.eligible && !a.permanent && a.referred);
    // Tattoo on 2025-12-01 + 12 months is the latest.
    assert_eq!(a.deferred_until, Some(day("2026-12-01")));
    assert_eq!(a.next_eligible, None);
}

#[test]
fn permanent_clears_deferred_until() {
    let mut d = event(man(), DeferralKind::Tattoo, "2026-01-01");
    d.conditions = vec![Condition::Epilepsy];
    let a = india(&d, &hb("11"), WholeBlood450, "2026-03-01");
    assert_permanent(
        &a,
        &[
            "DONOR_HB_BELOW_MIN",
            "DONOR_DEFERRED",
            "DONOR_PERMANENT_CONDITION",
        ],
    );
}

// ---- 0. input validation ----

#[test]
fn invalid_inputs_name_the_field() {
    let field = |d: &Donor, c: &DonorChecks| match assess_donor(
        d,
        c,
        WholeBlood450,
        day("2026-03-01"),
        &Policy::india(),
    ) {
        Err(RaktError::InvalidInput { field, .. }) => field,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        field(&person("2026-03-02", Sex::Male), &fine()),
        "donor.date_of_birth"
    );
    let d = gave(
        gave(man(), "2026-01-01", WholeBlood450),
        "2026-03-02",
        WholeBlood450,
    );
    assert_eq!(field(&d, &fine()), "donor.previous_donations[1].date");
    let d = event(man(), DeferralKind::Tattoo, "2026-03-02");
    assert_eq!(field(&d, &fine()), "donor.deferral_events[0].date");
    let d = event(
        event(man(), DeferralKind::Tattoo, "2020-01-01"),
        DeferralKind::TtiReactive,
        "2020-01-01",
    );
    assert_eq!(field(&d, &fine()), "donor.deferral_events[1].marker");
    assert_eq!(field(&man(), &kg("-1")), "checks.weight_kg");
    assert_eq!(field(&man(), &hb("-0.1")), "checks.hb_g_dl");
    let c = DonorChecks {
        temperature_c: dec("-36.5"),
        ..fine()
    };
    assert_eq!(field(&man(), &c), "checks.temperature_c");
    // Values no person has are typos, refused at the data-entry bounds (inclusive).
    let refused = |c: &DonorChecks| {
        assess_donor(
            &man(),
            c,
            WholeBlood450,
            day("2026-03-01"),
            &Policy::india(),
        )
        .unwrap_err()
        .to_string()
    };
    assert_eq!(
        refused(&kg("79228162514264337593543950335")),
        "invalid input: checks.weight_kg: 79228162514264337593543950335 is not plausible (expected 20 to 250)"
    );
    assert_eq!(
        refused(&hb("25.1")),
        "invalid input: checks.hb_g_dl: 25.1 is not plausible (expected 1 to 25)"
    );
    assert_eq!(
        refused(&hb("0.9")),
        "invalid input: checks.hb_g_dl: 0.9 is not plausible (expected 1 to 25)"
    );
    // Zero is not negative: it is refused at the bound, and a negative value as negative.
    assert_eq!(
        refused(&kg("0")),
        "invalid input: checks.weight_kg: 0 is not plausible (expected 20 to 250)"
    );
    assert_eq!(
        refused(&kg("-1")),
        "invalid input: checks.weight_kg: -1 is negative"
    );
    // Born on the day assessed: a person too young to donate, not a date in the future.
    let newborn = person("2026-03-01", Sex::Male);
    let a = assess_donor(
        &newborn,
        &fine(),
        WholeBlood450,
        day("2026-03-01"),
        &Policy::india(),
    )
    .unwrap();
    assert!(!a.eligible);
    assert_eq!(
        assess_donor(
            &newborn,
            &fine(),
            WholeBlood450,
            day("2026-02-28"),
            &Policy::india()
        )
        .unwrap_err()
        .to_string(),
        "invalid input: donor.date_of_birth: 2026-03-01 is after the day assessed (2026-02-28)"
    );
    assert!(
        assess_donor(
            &man(),
            &hb("25"),
            WholeBlood450,
            day("2026-03-01"),
            &Policy::india()
        )
        .is_ok()
    );
    assert!(
        assess_donor(
            &man(),
            &kg("250"),
            WholeBlood450,
            day("2026-03-01"),
            &Policy::india()
        )
        .is_ok()
    );
    let c = DonorChecks {
        pulse_bpm: u32::MAX,
        ..fine()
    };
    assert_eq!(
        refused(&c),
        "invalid input: checks.pulse_bpm: 4294967295 is not plausible (expected 1 to 300)"
    );
    let c = DonorChecks {
        systolic_mmhg: 80,
        diastolic_mmhg: 80,
        ..fine()
    };
    assert_eq!(
        refused(&c),
        "invalid input: checks.diastolic_mmhg: 80 must be below the systolic 80"
    );
    let c = DonorChecks {
        temperature_c: dec("45.01"),
        ..fine()
    };
    assert_eq!(
        refused(&c),
        "invalid input: checks.temperature_c: 45.01 is not plausible (expected 25 to 45)"
    );
    // The same day is fine.
    let d = event(
        gave(
            person("2008-03-01", Sex::Male),
            "2026-03-01",
            Plateletpheresis,
        ),
        DeferralKind::VaccineKilled,
        "2026-03-01",
    );
    assert!(
        assess_donor(
            &d,
            &kg("60"),
            WholeBlood450,
            day("2026-03-01"),
            &Policy::india()
        )
        .is_ok()
    );
}

// ---- messages ----

#[test]
fn every_donor_message_renders_in_both_languages() {
    let mut seen = BTreeSet::new();
    let mut check = |a: DonorAssessment| {
        for r in &a.reasons {
            for lang in [Lang::En, Lang::Hi] {
                let m = r.message(lang);
                assert!(!m.contains('{') && !m.contains('}'), "{}: {m}", r.code);
            }
            seen.insert(r.code);
        }
    };
    let india = Policy::india();
    let young = person("2010-01-01", Sex::Female);
    let c = DonorChecks {
        weight_kg: dec("40"),
        hb_g_dl: dec("11"),
        systolic_mmhg: 150,
        diastolic_mmhg: 95,
        pulse_bpm: 120,
        temperature_c: dec("38"),
        states: vec![DonorState::Pregnant],
    };
    let mut d = event(
        event(
            gave(young, "2026-02-01", WholeBlood350),
            DeferralKind::Tattoo,
            "2026-01-01",
        ),
        DeferralKind::VaccineLive,
        "2026-01-01",
    );
    d = reactive(d, TtiMarker::Hiv, "2025-01-01");
    d = reactive(d, TtiMarker::Wnv, "2025-01-01");
    d.conditions = vec![Condition::Cancer, Condition::PrionRisk];
    check(run(&d, &c, WholeBlood350, "2026-03-01", &india));
    let aspirin = event(man(), DeferralKind::Aspirin, "2026-02-28");
    check(run(&aspirin, &fine(), WholeBlood450, "2026-03-01", &india));
    check(run(&d, &c, DoubleRedCells, "2026-03-01", &india));
    check(run(
        &person("1940-01-01", Sex::Other),
        &fine(),
        Plateletpheresis,
        "2026-03-01",
        &india,
    ));
    check(run(
        &man(),
        &fine(),
        WholeBlood450,
        "2026-03-01",
        &Policy::uk(),
    ));
    check(run(
        &every_fortnight(man(), "2025-04-01", 24, Plasmapheresis),
        &fine(),
        Plasmapheresis,
        "2026-03-01",
        &india,
    ));
    let mut p = india.clone();
    p.donor.hb_g_dl.male = Limits::between(dec("13"), dec("18"));
    check(run(&man(), &hb("19"), WholeBlood450, "2026-03-01", &p));
    let ageing = event(
        gave(person("1960-12-01", Sex::Male), "2025-06-01", WholeBlood450),
        DeferralKind::Tattoo,
        "2026-02-01",
    );
    check(run(&ageing, &fine(), WholeBlood450, "2026-03-01", &india));
    let all: BTreeSet<ReasonCode> = ReasonCode::ALL
        .iter()
        .copied()
        .filter(|c| c.as_str().starts_with("DONOR_") && *c != ReasonCode::DonorRhdUnknown)
        .collect();
    let missing: Vec<_> = all.difference(&seen).collect();
    assert!(missing.is_empty(), "not exercised: {missing:?}");
}

#[test]
fn a_deferral_that_outlasts_the_maximum_age_is_permanent() {
    // A repeat donor of 65 (India: repeat donors up to 65) with a tattoo (12 months).
    let old = gave(person("1960-12-01", Sex::Male), "2025-06-01", WholeBlood450);
    let inked = event(old.clone(), DeferralKind::Tattoo, "2026-02-01");
    let a = india(&inked, &fine(), WholeBlood450, "2026-03-01");
    assert_permanent(&a, &["DONOR_DEFERRED", "DONOR_TOO_OLD_BY_THEN"]);
    assert!(has(&a, "DONOR_TOO_OLD_BY_THEN", "age", "66"));
    assert!(has(&a, "DONOR_TOO_OLD_BY_THEN", "until", "2027-02-01"));
    // A deferral that ends before the 66th birthday stays temporary.
    let extracted = event(old, DeferralKind::ToothExtraction, "2026-02-01");
    let a = india(&extracted, &fine(), WholeBlood450, "2026-03-01");
    assert_deferred(&a, &["DONOR_DEFERRED"], "2026-08-01");
    let msg = a.reasons[0].message(crate::Lang::En);
    assert!(msg.contains("2026-08-01"), "{msg}");
}
