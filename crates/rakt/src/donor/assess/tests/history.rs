//! Unit tests of steps 5 to 9 of `assess_donor`: what the donor's history and record say.

use super::*;

// ---- 5. intervals ----

#[test]
fn ninety_days_for_a_man_in_india() {
    let d = gave(man(), "2026-01-01", WholeBlood450);
    let a = india(&d, &fine(), WholeBlood450, "2026-03-31"); // day 89
    assert_deferred(&a, &["DONOR_INTERVAL_NOT_MET"], "2026-04-01");
    assert_eq!(
        facts(&a, "DONOR_INTERVAL_NOT_MET"),
        [
            ("interval".to_string(), "90 days".to_string()),
            ("kind".into(), "whole_blood_450".into()),
            ("last_date".into(), "2026-01-01".into()),
            ("last_kind".into(), "whole_blood_450".into()),
            ("until".into(), "2026-04-01".into())
        ]
    );
    let p = Policy::india();
    let src = p.source("donor.intervals.whole_blood_male");
    assert!(src.is_some());
    assert_eq!(
        a.reasons[0].source.as_deref(),
        src.map(|s| s.citation.as_str())
    );
    assert_eligible(&india(&d, &fine(), WholeBlood450, "2026-04-01")); // day 90
    assert_eligible(&india(&d, &fine(), WholeBlood350, "2026-04-01"));
}

#[test]
fn one_hundred_twenty_days_for_a_woman_and_other() {
    for d in [woman(), other()] {
        let d = gave(d, "2026-01-01", WholeBlood350);
        let a = india(&d, &fine(), WholeBlood350, "2026-04-30"); // day 119
        assert_deferred(&a, &["DONOR_INTERVAL_NOT_MET"], "2026-05-01");
        assert!(has(&a, "DONOR_INTERVAL_NOT_MET", "interval", "120 days"));
        assert_eligible(&india(&d, &fine(), WholeBlood350, "2026-05-01"));
    }
}

#[test]
fn the_latest_donation_binds_and_is_reported_once() {
    let d = gave(
        gave(man(), "2025-12-01", WholeBlood450),
        "2026-01-01",
        WholeBlood350,
    );
    let a = india(&d, &fine(), WholeBlood450, "2026-02-01");
    assert_deferred(&a, &["DONOR_INTERVAL_NOT_MET"], "2026-04-01");
    assert!(has(&a, "DONOR_INTERVAL_NOT_MET", "last_date", "2026-01-01"));
    assert!(has(
        &a,
        "DONOR_INTERVAL_NOT_MET",
        "last_kind",
        "whole_blood_350"
    ));
}

#[test]
fn apheresis_forty_eight_hours() {
    let d = gave(man(), "2026-03-01", Plateletpheresis);
    let a = india(&d, &fine(), Plateletpheresis, "2026-03-02");
    assert_deferred(&a, &["DONOR_INTERVAL_NOT_MET"], "2026-03-03");
    assert!(has(&a, "DONOR_INTERVAL_NOT_MET", "interval", "2 days"));
    assert_eligible(&india(&d, &fine(), Plateletpheresis, "2026-03-03"));
    assert_eligible(&india(&d, &fine(), Plasmapheresis, "2026-03-03"));
    // Expressed in hours, rounded up to days.
    let mut p = Policy::india();
    p.donor.intervals.apheresis = Some(Period::Hours(48));
    let a = run(&d, &fine(), Plateletpheresis, "2026-03-02", &p);
    assert!(has(&a, "DONOR_INTERVAL_NOT_MET", "interval", "48 hours"));
    assert_eq!(a.deferred_until, Some(day("2026-03-03")));
    p.donor.intervals.apheresis = Some(Period::Hours(49));
    let a = run(&d, &fine(), Plateletpheresis, "2026-03-03", &p);
    assert_eq!(a.deferred_until, Some(day("2026-03-04")));
}

#[test]
fn whole_blood_and_apheresis_twenty_eight_days() {
    let d = gave(man(), "2026-03-01", WholeBlood450);
    let a = india(&d, &fine(), Plateletpheresis, "2026-03-28");
    assert_deferred(&a, &["DONOR_INTERVAL_NOT_MET"], "2026-03-29");
    assert!(has(&a, "DONOR_INTERVAL_NOT_MET", "interval", "28 days"));
    assert_eligible(&india(&d, &fine(), Plateletpheresis, "2026-03-29"));

    let d = gave(man(), "2026-03-01", Plateletpheresis);
    let a = india(&d, &fine(), WholeBlood450, "2026-03-28");
    assert_deferred(&a, &["DONOR_INTERVAL_NOT_MET"], "2026-03-29");
    assert_eligible(&india(&d, &fine(), WholeBlood450, "2026-03-29"));
}

#[test]
fn ninety_days_after_apheresis_without_reinfusion() {
    let mut d = gave(man(), "2026-03-01", Plateletpheresis);
    d.previous_donations[0].red_cells_returned = false;
    let a = india(&d, &fine(), WholeBlood450, "2026-05-29");
    assert_deferred(&a, &["DONOR_INTERVAL_NOT_MET"], "2026-05-30");
    assert!(has(&a, "DONOR_INTERVAL_NOT_MET", "interval", "90 days"));
    let p = Policy::india();
    let src = p.source("donor.intervals.apheresis_to_whole_blood_without_reinfusion");
    assert!(src.is_some());
    assert_eq!(
        a.reasons[0].source.as_deref(),
        src.map(|s| s.citation.as_str())
    );
    assert_eligible(&india(&d, &fine(), WholeBlood450, "2026-05-30"));
    // Red cells not returned do not matter for the next apheresis.
    assert_eligible(&india(&d, &fine(), Plateletpheresis, "2026-03-03"));
}

#[test]
fn us_fifty_six_days_and_double_red_cells() {
    let us = Policy::us();
    let d = gave(woman(), "2026-01-01", WholeBlood450);
    let a = run(&d, &fine(), WholeBlood450, "2026-02-25", &us);
    assert_deferred(&a, &["DONOR_INTERVAL_NOT_MET"], "2026-02-26");
    assert!(has(&a, "DONOR_INTERVAL_NOT_MET", "interval", "56 days"));
    assert_eq!(a.reasons[0].confidence, Some(Confidence::High));
    assert!(run(&d, &fine(), WholeBlood450, "2026-02-26", &us).eligible);
    // Whole blood → double red cells and back: 112 days.
    let a = run(&d, &fine(), DoubleRedCells, "2026-04-22", &us);
    assert_deferred(&a, &["DONOR_INTERVAL_NOT_MET"], "2026-04-23");
    assert!(has(&a, "DONOR_INTERVAL_NOT_MET", "interval", "112 days"));
    let d = gave(man(), "2026-01-01", DoubleRedCells);
    let a = run(&d, &fine(), WholeBlood450, "2026-04-22", &us);
    assert_deferred(&a, &["DONOR_INTERVAL_NOT_MET"], "2026-04-23");
    assert!(run(&d, &fine(), WholeBlood450, "2026-04-23", &us).eligible);
    // Apheresis after whole blood: the US profile has no rule.
    let d = gave(man(), "2026-01-01", WholeBlood450);
    let a = run(&d, &fine(), Plateletpheresis, "2026-06-01", &us);
    assert_referred(&a, "interval:plateletpheresis");
    let referrals = codes(&a)
        .into_iter()
        .filter(|c| *c == "DONOR_REFER_TO_MEDICAL_OFFICER")
        .count();
    assert_eq!(referrals, 1);
}

#[test]
fn uk_twelve_weeks() {
    let uk = Policy::uk();
    let d = gave(man(), "2026-01-01", WholeBlood450);
    let a = run(&d, &fine(), WholeBlood450, "2026-03-25", &uk); // day 83
    assert!(has(&a, "DONOR_INTERVAL_NOT_MET", "until", "2026-03-26"));
    assert!(has(&a, "DONOR_INTERVAL_NOT_MET", "interval", "84 days"));
    assert!(run(&d, &fine(), WholeBlood450, "2026-03-26", &uk).eligible);
}

#[test]
fn missing_interval_is_referred_once() {
    let d = gave(
        gave(man(), "2025-01-01", WholeBlood450),
        "2025-06-01",
        WholeBlood450,
    );
    let a = india(&d, &fine(), DoubleRedCells, "2026-03-01");
    let refers: Vec<_> = a
        .reasons
        .iter()
        .filter(|r| r.code == ReasonCode::DonorReferToMedicalOfficer)
        .map(|r| r.facts.text("subject"))
        .collect();
    assert_eq!(
        refers,
        [
            Some("weight:double_red_cells".to_string()),
            Some("interval:double_red_cells".to_string())
        ]
    );
    assert_referred(&a, "interval:double_red_cells");
}

// ---- 6. counting windows ----

#[test]
fn two_apheresis_a_week() {
    let d = gave(
        gave(man(), "2026-03-01", Plateletpheresis),
        "2026-03-04",
        Plasmapheresis,
    );
    let a = india(&d, &fine(), Plateletpheresis, "2026-03-06");
    assert_deferred(&a, &["DONOR_DONATION_LIMIT_REACHED"], "2026-03-08");
    assert_eq!(
        facts(&a, "DONOR_DONATION_LIMIT_REACHED"),
        [
            ("count".to_string(), "2".to_string()),
            ("family".into(), "apheresis".into()),
            ("limit".into(), "2".into()),
            ("until".into(), "2026-03-08".into()),
            ("window".into(), "7 days".into())
        ]
    );
    assert_eligible(&india(&d, &fine(), Plateletpheresis, "2026-03-08"));
    // Whole blood in the same week does not count towards apheresis.
    let d = gave(
        gave(man(), "2026-03-01", WholeBlood450),
        "2026-03-04",
        Plasmapheresis,
    );
    let a = india(&d, &fine(), Plateletpheresis, "2026-03-06");
    assert!(!codes(&a).contains(&"DONOR_DONATION_LIMIT_REACHED"));
}

#[test]
fn twenty_four_apheresis_a_year() {
    // 2025-04-01 + 14 × 23 = 2026-02-17.
    let d = every_fortnight(man(), "2025-04-01", 24, Plateletpheresis);
    let a = india(&d, &fine(), Plateletpheresis, "2026-03-01");
    assert_deferred(&a, &["DONOR_DONATION_LIMIT_REACHED"], "2026-04-01");
    assert!(has(
        &a,
        "DONOR_DONATION_LIMIT_REACHED",
        "window",
        "365 days"
    ));
    assert!(has(&a, "DONOR_DONATION_LIMIT_REACHED", "count", "24"));
    assert!(has(&a, "DONOR_DONATION_LIMIT_REACHED", "limit", "24"));
    assert_eligible(&india(&d, &fine(), Plateletpheresis, "2026-04-01"));
    let d = every_fortnight(man(), "2025-04-15", 23, Plateletpheresis);
    assert_eligible(&india(&d, &fine(), Plateletpheresis, "2026-03-01"));
}

#[test]
fn sex_other_takes_the_stricter_interval_and_yearly_limit() {
    let cited = |a: &DonorAssessment, p: &Policy, code: &str, path: &str| {
        let got = a
            .reasons
            .iter()
            .find(|r| r.code.as_str() == code)
            .and_then(|r| r.source.as_deref());
        let want = p.source(path).map(|s| s.citation.as_str());
        assert!(want.is_some(), "{path}");
        assert_eq!(got, want, "{path}");
    };
    // Each parameter cited by its own path, so that the one reported can be told apart.
    let own_citations = |p: &mut Policy| {
        for (path, src) in p.sources.iter_mut() {
            src.citation = path.clone().into();
        }
    };
    let uk = Policy::uk();
    let intervals = |female: u32, male: u32| {
        let mut p = Policy::uk();
        p.donor.intervals.whole_blood_female = Some(Period::Days(female));
        p.donor.intervals.whole_blood_male = Some(Period::Days(male));
        own_citations(&mut p);
        p
    };
    let once = gave(other(), "2026-01-01", WholeBlood450);
    // The longer interval binds, though it is listed second (male).
    let p = intervals(60, 90);
    let a = run(&once, &fine(), WholeBlood450, "2026-03-01", &p);
    assert_eq!(a.deferred_until, Some(day("2026-04-01")));
    cited(
        &a,
        &p,
        "DONOR_INTERVAL_NOT_MET",
        "donor.intervals.whole_blood_male",
    );
    // On a tie the first listed (female) is reported.
    let p = intervals(90, 90);
    let a = run(&once, &fine(), WholeBlood450, "2026-03-01", &p);
    assert_eq!(a.deferred_until, Some(day("2026-04-01")));
    cited(
        &a,
        &p,
        "DONOR_INTERVAL_NOT_MET",
        "donor.intervals.whole_blood_female",
    );
    // Two donations on the same day under the same parameter: the first listed is reported.
    let both = gave(
        gave(man(), "2026-01-01", WholeBlood450),
        "2026-01-01",
        DoubleRedCells,
    );
    let a = run(&both, &fine(), DoubleRedCells, "2026-03-01", &uk);
    assert!(has(
        &a,
        "DONOR_INTERVAL_NOT_MET",
        "last_kind",
        "whole_blood_450"
    ));

    let yearly = |female: Option<u32>, male: Option<u32>| {
        let mut p = Policy::uk();
        p.donor.whole_blood_max_per_year_female = female;
        p.donor.whole_blood_max_per_year_male = male;
        own_citations(&mut p);
        p
    };
    let three = gave(
        gave(
            gave(other(), "2025-06-01", WholeBlood450),
            "2025-09-01",
            WholeBlood450,
        ),
        "2025-12-01",
        WholeBlood450,
    );
    // The smaller limit, though it is the male one.
    let p = yearly(Some(4), Some(3));
    let a = run(&three, &fine(), WholeBlood450, "2026-03-01", &p);
    assert!(has(&a, "DONOR_DONATION_LIMIT_REACHED", "limit", "3"));
    cited(
        &a,
        &p,
        "DONOR_DONATION_LIMIT_REACHED",
        "donor.whole_blood_max_per_year_male",
    );
    // A limit not set is no limit: the male one applies.
    let p = yearly(None, Some(3));
    let a = run(&three, &fine(), WholeBlood450, "2026-03-01", &p);
    assert!(has(&a, "DONOR_DONATION_LIMIT_REACHED", "limit", "3"));
    // Equal limits: the female one is reported.
    let p = yearly(Some(3), Some(3));
    let a = run(&three, &fine(), WholeBlood450, "2026-03-01", &p);
    cited(
        &a,
        &p,
        "DONOR_DONATION_LIMIT_REACHED",
        "donor.whole_blood_max_per_year_female",
    );
    // Neither set: no limit.
    let a = run(
        &three,
        &fine(),
        WholeBlood450,
        "2026-03-01",
        &yearly(None, None),
    );
    assert!(!codes(&a).contains(&"DONOR_DONATION_LIMIT_REACHED"));
}

#[test]
fn uk_whole_blood_three_and_four_a_year() {
    let uk = Policy::uk();
    let three = |d: Donor| {
        gave(
            gave(
                gave(d, "2025-06-01", WholeBlood450),
                "2025-09-01",
                WholeBlood450,
            ),
            "2025-12-01",
            WholeBlood450,
        )
    };
    let a = run(&three(woman()), &fine(), WholeBlood450, "2026-03-01", &uk);
    assert_eq!(
        codes(&a)[0],
        "DONOR_DONATION_LIMIT_REACHED",
        "{:?}",
        a.reasons
    );
    assert_eq!(a.deferred_until, Some(day("2026-06-01")));
    assert!(has(
        &a,
        "DONOR_DONATION_LIMIT_REACHED",
        "family",
        "whole_blood"
    ));
    assert!(has(&a, "DONOR_DONATION_LIMIT_REACHED", "limit", "3"));
    assert!(run(&three(man()), &fine(), WholeBlood450, "2026-03-01", &uk).eligible);
    let a = run(&three(other()), &fine(), WholeBlood450, "2026-03-01", &uk);
    assert!(has(&a, "DONOR_DONATION_LIMIT_REACHED", "limit", "3"));
    let four = gave(three(man()), "2025-03-05", WholeBlood450);
    let a = run(&four, &fine(), WholeBlood450, "2026-03-01", &uk);
    assert!(has(&a, "DONOR_DONATION_LIMIT_REACHED", "limit", "4"));
    assert!(has(
        &a,
        "DONOR_DONATION_LIMIT_REACHED",
        "until",
        "2026-03-05"
    ));
    assert!(run(&four, &fine(), WholeBlood450, "2026-03-05", &uk).eligible);
}

#[test]
fn a_zero_limit_is_an_invalid_policy() {
    let mut p = Policy::india();
    p.donor.apheresis_max_per_week = Some(0);
    let err = assess_donor(&man(), &fine(), Plateletpheresis, day("2026-03-01"), &p).unwrap_err();
    assert_eq!(err.kind(), "InvalidPolicy");
}

// ---- 7. deferral events ----

#[test]
fn delivery_tattoo_malaria() {
    let d = event(woman(), DeferralKind::Delivery, "2025-06-15");
    let a = india(&d, &fine(), WholeBlood350, "2026-06-14");
    assert_deferred(&a, &["DONOR_DEFERRED"], "2026-06-15");
    assert_eq!(
        facts(&a, "DONOR_DEFERRED"),
        [
            ("date".to_string(), "2025-06-15".to_string()),
            ("event".into(), "delivery".into()),
            ("period".into(), "12 months".into()),
            ("until".into(), "2026-06-15".into())
        ]
    );
    assert_eligible(&india(&d, &fine(), WholeBlood350, "2026-06-15"));

    let d = event(man(), DeferralKind::Tattoo, "2025-02-10");
    assert_deferred(
        &india(&d, &fine(), WholeBlood450, "2026-02-09"),
        &["DONOR_DEFERRED"],
        "2026-02-10",
    );
    assert_eligible(&india(&d, &fine(), WholeBlood450, "2026-02-10"));

    // 31 January + 3 months = 30 April (the end of the month).
    let d = event(man(), DeferralKind::Malaria, "2026-01-31");
    let a = india(&d, &fine(), WholeBlood450, "2026-04-29");
    assert_deferred(&a, &["DONOR_DEFERRED"], "2026-04-30");
    assert!(has(&a, "DONOR_DEFERRED", "period", "3 months"));
    assert_eligible(&india(&d, &fine(), WholeBlood450, "2026-04-30"));
    // An event on the day itself.
    let a = india(&d, &fine(), WholeBlood450, "2026-01-31");
    assert_deferred(&a, &["DONOR_DEFERRED"], "2026-04-30");
}

#[test]
fn tti_reactive() {
    let d = reactive(man(), TtiMarker::Hiv, "2024-01-01");
    let a = india(&d, &fine(), WholeBlood450, "2026-03-01");
    assert_permanent(&a, &["DONOR_DEFERRED_PERMANENTLY"]);
    assert_eq!(
        facts(&a, "DONOR_DEFERRED_PERMANENTLY"),
        [
            ("date".to_string(), "2024-01-01".to_string()),
            ("event".into(), "tti_reactive:hiv".into())
        ]
    );
    assert_eq!(a.reasons[0].confidence, Some(Confidence::Unverified));
    let d = reactive(man(), TtiMarker::Malaria, "2026-01-15");
    let a = india(&d, &fine(), WholeBlood450, "2026-03-01");
    assert_deferred(&a, &["DONOR_DEFERRED"], "2026-04-15");
    assert!(has(&a, "DONOR_DEFERRED", "event", "tti_reactive:malaria"));
    // US: WNV has no rule; UK: six months.
    let d = reactive(man(), TtiMarker::Wnv, "2026-01-15");
    assert_referred(
        &run(&d, &fine(), WholeBlood450, "2026-03-01", &Policy::us()),
        "marker:wnv",
    );
    let a = run(&d, &fine(), WholeBlood450, "2026-03-01", &Policy::uk());
    assert_eq!(a.deferred_until, Some(day("2026-07-15")));
}

#[test]
fn unlisted_events_are_referred_and_none_rules_ignored() {
    let d = event(man(), DeferralKind::VaccineLive, "2026-02-20");
    let a = run(&d, &fine(), WholeBlood450, "2026-03-01", &Policy::uk());
    assert_eq!(codes(&a)[0], "DONOR_REFER_TO_MEDICAL_OFFICER");
    assert_referred(&a, "event:vaccine_live");
    // Two such events: one referral per subject.
    let twice = event(d.clone(), DeferralKind::VaccineLive, "2026-02-25");
    let a = run(&twice, &fine(), WholeBlood450, "2026-03-01", &Policy::uk());
    let referrals = codes(&a)
        .into_iter()
        .filter(|c| *c == "DONOR_REFER_TO_MEDICAL_OFFICER")
        .count();
    assert_eq!(referrals, 1);
    let a = run(&d, &fine(), WholeBlood450, "2026-03-01", &Policy::us());
    assert_deferred(&a, &["DONOR_DEFERRED"], "2026-03-06");
    let d = event(man(), DeferralKind::VaccineKilled, "2026-02-28");
    assert!(run(&d, &fine(), WholeBlood450, "2026-03-01", &Policy::us()).eligible);
    // A permanent rule set in a policy.
    let mut p = Policy::india();
    p.donor
        .deferrals
        .insert(DeferralKind::Transfusion, DeferralRule::Permanent);
    let d = event(man(), DeferralKind::Transfusion, "2000-01-01");
    assert_permanent(
        &run(&d, &fine(), WholeBlood450, "2026-03-01", &p),
        &["DONOR_DEFERRED_PERMANENTLY"],
    );
}

#[test]
fn india_2020_deferral_periods_at_their_boundaries() {
    // (event, date, the first day allowed) under the 2020 criteria.
    for (kind, date, until) in [
        // Item 62: 2 years after confirmation of cure.
        (DeferralKind::Tuberculosis, "2024-03-02", "2026-03-02"),
        // Item 79: inactivated vaccines, 14 days.
        (DeferralKind::VaccineKilled, "2026-02-16", "2026-03-02"),
        // Item 80: live attenuated vaccines, 28 days.
        (DeferralKind::VaccineLive, "2026-02-02", "2026-03-02"),
        (
            DeferralKind::VaccineRubellaVaricella,
            "2026-02-02",
            "2026-03-02",
        ),
        // Item 46: hepatitis A or E, 12 months.
        (DeferralKind::HepatitisAE, "2025-03-02", "2026-03-02"),
        // Item 92: antibiotics, 2 weeks after the last dose.
        (DeferralKind::Antibiotics, "2026-02-16", "2026-03-02"),
        // Item 5: a change of antihypertensive medication, 28 days.
        (
            DeferralKind::AntihypertensiveChange,
            "2026-02-02",
            "2026-03-02",
        ),
        // Item 104: a foreign national after 3 years' continuous stay.
        (
            DeferralKind::ForeignNationalStay,
            "2023-03-02",
            "2026-03-02",
        ),
        // Item 48: body piercing, 12 months (as tattoos).
        (DeferralKind::Piercing, "2025-03-02", "2026-03-02"),
    ] {
        let d = event(man(), kind, date);
        let a = india(&d, &fine(), WholeBlood450, "2026-03-01");
        assert_deferred(&a, &["DONOR_DEFERRED"], until);
        assert!(has(&a, "DONOR_DEFERRED", "event", kind.as_str()), "{kind}");
        assert_eq!(a.reasons[0].confidence, Some(Confidence::Medium), "{kind}");
        assert_eligible(&india(&d, &fine(), WholeBlood450, until));
    }
    // Tuberculosis cured 23 months ago defers; 24 months ago does not.
    let d = event(man(), DeferralKind::Tuberculosis, "2024-04-01");
    assert_deferred(
        &india(&d, &fine(), WholeBlood450, "2026-03-01"),
        &["DONOR_DEFERRED"],
        "2026-04-01",
    );
    let d = event(man(), DeferralKind::Tuberculosis, "2024-03-01");
    assert_eligible(&india(&d, &fine(), WholeBlood450, "2026-03-01"));
}

#[test]
fn aspirin_defers_only_the_use_of_platelets() {
    let d = event(man(), DeferralKind::Aspirin, "2026-02-27");
    // Plateletpheresis: item 90, 3 days.
    let a = india(&d, &fine(), Plateletpheresis, "2026-03-01");
    assert_deferred(&a, &["DONOR_DEFERRED"], "2026-03-02");
    assert!(has(&a, "DONOR_DEFERRED", "event", "aspirin"));
    assert_eligible(&india(&d, &fine(), Plateletpheresis, "2026-03-02"));
    // Whole blood: eligible, with a caution that no platelets may be prepared from it.
    let a = india(&d, &fine(), WholeBlood450, "2026-03-01");
    assert!(a.eligible && !a.referred);
    assert_eq!(codes(&a), ["DONOR_NOT_FOR_PLATELETS", "DONOR_ELIGIBLE"]);
    assert!(has(&a, "DONOR_NOT_FOR_PLATELETS", "until", "2026-03-02"));
    assert!(
        a.reasons[0]
            .message(Lang::En)
            .contains("do not prepare platelets from this donation")
    );
    assert_eq!(
        codes(&india(&d, &fine(), WholeBlood450, "2026-03-02")),
        ["DONOR_ELIGIBLE"]
    );
    // Plasma and double red cells are not affected, and nothing is referred.
    assert_eq!(
        codes(&india(&d, &fine(), Plasmapheresis, "2026-03-01")),
        ["DONOR_ELIGIBLE"]
    );
    // US: 2 days for platelet donors.
    let a = run(&d, &fine(), Plateletpheresis, "2026-02-28", &Policy::us());
    assert_deferred(&a, &["DONOR_DEFERRED"], "2026-03-01");
    // UK has no aspirin rule: referred.
    let a = run(&d, &fine(), Plateletpheresis, "2026-03-01", &Policy::uk());
    assert_referred(&a, "event:aspirin");
}

#[test]
fn platelet_deferrals_refuse_permanent_and_tti_reactive() {
    let mut p = Policy::india();
    p.donor
        .platelet_deferrals
        .insert(DeferralKind::Aspirin, DeferralRule::Permanent);
    let e = p.validate().unwrap_err().to_string();
    assert!(e.contains("donor.platelet_deferrals.aspirin"), "{e}");
    let mut p = Policy::india();
    p.donor
        .deferrals
        .insert(DeferralKind::TtiReactive, DeferralRule::Permanent);
    let e = p.validate().unwrap_err().to_string();
    assert!(e.contains("donor.deferrals.tti_reactive"), "{e}");
}

#[test]
fn uk_six_months_after_delivery_or_termination() {
    for kind in [DeferralKind::Delivery, DeferralKind::Abortion] {
        let d = event(woman(), kind, "2025-09-02");
        let a = run(&d, &fine(), WholeBlood450, "2026-03-01", &Policy::uk());
        assert_eq!(codes(&a)[0], "DONOR_DEFERRED");
        assert_eq!(a.deferred_until, Some(day("2026-03-02")));
        assert!(has(&a, "DONOR_DEFERRED", "period", "6 months"));
        assert_eq!(a.reasons[0].confidence, Some(Confidence::High));
        assert!(run(&d, &fine(), WholeBlood450, "2026-03-02", &Policy::uk()).eligible);
    }
}

#[test]
fn us_plateletpheresis_two_days_apart_and_twice_a_week() {
    let us = Policy::us();
    let d = gave(man(), "2026-02-27", Plateletpheresis);
    let a = run(&d, &fine(), Plateletpheresis, "2026-02-28", &us);
    assert_deferred(&a, &["DONOR_INTERVAL_NOT_MET"], "2026-03-01");
    assert!(run(&d, &fine(), Plateletpheresis, "2026-03-01", &us).eligible);
    // Two in the 7 days ending today: a third waits until the first leaves the window.
    let d = gave(
        gave(man(), "2026-02-23", Plateletpheresis),
        "2026-02-26",
        Plateletpheresis,
    );
    let a = run(&d, &fine(), Plateletpheresis, "2026-03-01", &us);
    assert_deferred(&a, &["DONOR_DONATION_LIMIT_REACHED"], "2026-03-02");
    assert!(run(&d, &fine(), Plateletpheresis, "2026-03-02", &us).eligible);
}

// ---- 8. states, 9. conditions ----

#[test]
fn states_on_the_day() {
    let c = DonorChecks {
        states: vec![DonorState::Menstruating, DonorState::Menstruating],
        ..fine()
    };
    let a = india(&woman(), &c, WholeBlood350, "2026-03-01");
    assert_deferred(&a, &["DONOR_STATE_DEFERS"], "2026-03-02");
    assert!(has(&a, "DONOR_STATE_DEFERS", "state", "menstruating"));
    // The UK defers only pregnancy.
    assert!(run(&woman(), &c, WholeBlood350, "2026-03-01", &Policy::uk()).eligible);
    // India: an asthmatic attack defers while it lasts.
    let c = DonorChecks {
        states: vec![DonorState::AsthmaAttack],
        ..fine()
    };
    let a = india(&man(), &c, WholeBlood450, "2026-03-01");
    assert_deferred(&a, &["DONOR_STATE_DEFERS"], "2026-03-02");
    assert!(
        a.reasons[0]
            .message(Lang::En)
            .contains("having an asthmatic attack")
    );
    let c = DonorChecks {
        states: vec![DonorState::Pregnant],
        ..fine()
    };
    let a = run(&woman(), &c, WholeBlood350, "2026-03-01", &Policy::uk());
    assert_eq!(a.deferred_until, Some(day("2026-03-02")));
}

#[test]
fn conditions() {
    let mut d = man();
    d.conditions = vec![Condition::Cancer];
    let a = india(&d, &fine(), WholeBlood450, "2026-03-01");
    assert_permanent(&a, &["DONOR_PERMANENT_CONDITION"]);
    assert!(has(&a, "DONOR_PERMANENT_CONDITION", "condition", "cancer"));
    d.conditions = vec![Condition::Asthma];
    let a = run(&d, &fine(), WholeBlood450, "2026-03-01", &Policy::us());
    assert_referred(&a, "condition:asthma");
    assert_eq!(a.reasons[0].confidence, Some(Confidence::Unverified));
    // India 2020: asthma alone is no longer permanent; on steroids it is.
    assert_referred(
        &india(&d, &fine(), WholeBlood450, "2026-03-01"),
        "condition:asthma",
    );
    d.conditions = vec![Condition::AsthmaOnSteroids];
    assert_permanent(
        &india(&d, &fine(), WholeBlood450, "2026-03-01"),
        &["DONOR_PERMANENT_CONDITION"],
    );
    // Tuberculosis is a dated event now: as a bare condition it is referred.
    d.conditions = vec![Condition::Tuberculosis];
    assert_referred(
        &india(&d, &fine(), WholeBlood450, "2026-03-01"),
        "condition:tuberculosis",
    );
    // UK: prion risk is permanent, asthma referred.
    d.conditions = vec![Condition::Asthma, Condition::PrionRisk];
    let a = run(&d, &fine(), WholeBlood450, "2026-03-01", &Policy::uk());
    assert!(a.permanent && a.referred);
    assert_eq!(
        &codes(&a)[..2],
        [
            "DONOR_PERMANENT_CONDITION",
            "DONOR_REFER_TO_MEDICAL_OFFICER"
        ]
    );
}
