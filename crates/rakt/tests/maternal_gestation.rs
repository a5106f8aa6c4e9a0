#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Gestation and outcomes at and around every boundary (research/maternal.md §4).

use chrono::NaiveDate;
use rakt::Policy;
use rakt::maternal::{
    BirthWeightCategory as W, FetalDeathClass as F, FetalDeathTiming, GestationCategory as G,
    GestationalAge, NewbornDeathBin as B, SignsOfLife, birth_weight, classify_fetal_death,
    edd_from_lmp, edd_from_ultrasound, gestational_age, gestational_age_from_edd,
    in_maternal_death_window, newborn_death,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn ga(w: u32, days: u32) -> GestationalAge {
    GestationalAge::new(w, days).unwrap()
}

#[test]
fn naegele_and_ultrasound_dating() {
    let p = Policy::india();
    assert_eq!(edd_from_lmp(d(2026, 2, 10), &p).unwrap(), d(2026, 11, 17));
    // Across a leap day: 2024-01-01 + 280 days.
    assert_eq!(edd_from_lmp(d(2024, 1, 1), &p).unwrap(), d(2024, 10, 7));
    // A scan on 2026-05-01 measuring 11+2 (79 days): 201 days remain.
    assert_eq!(
        edd_from_ultrasound(d(2026, 5, 1), ga(11, 2), &p).unwrap(),
        d(2026, 11, 18)
    );
    assert_eq!(
        gestational_age_from_edd(d(2026, 11, 17), d(2026, 11, 17), &p).unwrap(),
        ga(40, 0)
    );
}

#[test]
fn gestational_age_in_completed_weeks_and_days() {
    let lmp = d(2026, 2, 10);
    assert_eq!(gestational_age(lmp, lmp).unwrap(), ga(0, 0));
    assert_eq!(gestational_age(lmp, d(2026, 2, 16)).unwrap(), ga(0, 6));
    assert_eq!(gestational_age(lmp, d(2026, 2, 17)).unwrap(), ga(1, 0));
    assert_eq!(gestational_age(lmp, d(2026, 11, 16)).unwrap(), ga(39, 6));
    let err = gestational_age(lmp, d(2026, 2, 9)).unwrap_err();
    assert_eq!(err.kind(), "InvalidInput");
    assert_eq!(
        GestationalAge::new(10, 7).unwrap_err().kind(),
        "InvalidInput"
    );
}

#[test]
fn every_gestation_category_at_its_boundaries() {
    let p = Policy::india();
    let cases = [
        (ga(27, 6), G::ExtremelyPreterm),
        (ga(28, 0), G::VeryPreterm),
        (ga(31, 6), G::VeryPreterm),
        (ga(32, 0), G::ModeratePreterm),
        (ga(33, 6), G::ModeratePreterm),
        (ga(34, 0), G::LatePreterm),
        (ga(36, 6), G::LatePreterm),
        (ga(37, 0), G::EarlyTerm),
        (ga(38, 6), G::EarlyTerm),
        (ga(39, 0), G::FullTerm),
        (ga(40, 6), G::FullTerm),
        (ga(41, 0), G::LateTerm),
        (ga(41, 6), G::LateTerm),
        (ga(42, 0), G::PostTerm),
    ];
    for (age, want) in cases {
        assert_eq!(age.category(&p), want, "{age}");
    }
    assert!(ga(36, 6).category(&p).is_preterm());
    assert!(!ga(37, 0).category(&p).is_preterm());
}

#[test]
fn birth_weight_lines_are_below() {
    let p = Policy::india();
    let cat = |g| birth_weight(g, &p).unwrap();
    assert_eq!(cat(999).category, W::ExtremelyLow);
    assert_eq!(cat(1000).category, W::VeryLow);
    assert_eq!(cat(1499).category, W::VeryLow);
    assert_eq!(cat(1500).category, W::Low);
    assert_eq!(cat(2499).category, W::Low);
    assert_eq!(cat(2500).category, W::Normal);
    assert!(cat(1799).below_hmis_line);
    assert!(!cat(1800).below_hmis_line);
    assert_eq!(birth_weight(0, &p).unwrap_err().kind(), "InvalidInput");
}

#[test]
fn live_birth_is_any_sign_of_life() {
    assert!(!SignsOfLife::default().is_live_birth());
    let cord = SignsOfLife {
        cord_pulsation: true,
        ..SignsOfLife::default()
    };
    assert!(cord.is_live_birth());
}

#[test]
fn stillbirths_and_foetal_deaths_as_hmis_counts_them() {
    let p = Policy::india();
    use FetalDeathTiming::{Antepartum as A, Intrapartum as I};
    assert_eq!(classify_fetal_death(ga(28, 0), I, &p), F::FreshStillbirth);
    assert_eq!(
        classify_fetal_death(ga(28, 0), A, &p),
        F::MaceratedStillbirth
    );
    assert_eq!(classify_fetal_death(ga(27, 6), I, &p), F::FoetalDeath);
    assert_eq!(classify_fetal_death(ga(24, 0), A, &p), F::FoetalDeath);
    assert_eq!(classify_fetal_death(ga(23, 6), A, &p), F::NotCounted);
    assert_eq!(F::FreshStillbirth.hmis_item(), Some("4.1.3.a"));
    assert_eq!(F::MaceratedStillbirth.hmis_item(), Some("4.1.3.b"));
    assert_eq!(F::FoetalDeath.hmis_item(), Some("4.1.3.c"));
    assert_eq!(F::NotCounted.hmis_item(), None);
}

#[test]
fn newborn_death_windows() {
    let p = Policy::india();
    let born = rakt::parse_timestamp("2026-11-01T10:00:00+05:30").unwrap();
    let at = |s: &str| rakt::parse_timestamp(s).unwrap();
    let nd = |s: &str| newborn_death(born, at(s), &p).unwrap();
    let x = nd("2026-11-02T09:59:00+05:30");
    assert_eq!(
        (x.completed_days, x.neonatal, x.hmis_bin),
        (0, true, Some(B::Within24Hours))
    );
    assert_eq!(nd("2026-11-02T10:00:00+05:30").hmis_bin, Some(B::Days1To7));
    assert_eq!(nd("2026-11-09T09:59:00+05:30").hmis_bin, Some(B::Days1To7)); // 7 completed days
    assert_eq!(nd("2026-11-09T10:00:00+05:30").hmis_bin, Some(B::Days8To28));
    let day27 = nd("2026-11-29T09:59:00+05:30");
    assert_eq!((day27.completed_days, day27.neonatal), (27, true));
    let day28 = nd("2026-11-29T10:00:00+05:30");
    assert_eq!(
        (day28.completed_days, day28.neonatal, day28.hmis_bin),
        (28, false, Some(B::Days8To28))
    );
    assert_eq!(nd("2026-11-30T10:00:00+05:30").hmis_bin, Some(B::Infant));
    assert_eq!(nd("2027-11-01T09:59:00+05:30").hmis_bin, Some(B::Infant));
    assert_eq!(nd("2027-11-01T10:00:00+05:30").hmis_bin, None);
    let err = newborn_death(born, at("2026-11-01T09:59:00+05:30"), &p).unwrap_err();
    assert_eq!(err.kind(), "InvalidInput");
}

#[test]
fn maternal_death_window_is_42_days_inclusive() {
    let p = Policy::india();
    assert!(in_maternal_death_window(d(2026, 10, 1), d(2026, 10, 1), &p).unwrap());
    assert!(in_maternal_death_window(d(2026, 10, 1), d(2026, 11, 12), &p).unwrap());
    assert!(!in_maternal_death_window(d(2026, 10, 1), d(2026, 11, 13), &p).unwrap());
    assert_eq!(
        in_maternal_death_window(d(2026, 10, 1), d(2026, 9, 30), &p)
            .unwrap_err()
            .kind(),
        "InvalidInput"
    );
}

#[test]
fn the_maternal_policy_section_is_sourced_and_validated() {
    let p = Policy::india();
    let src = p.source("maternal.maternal_death_days").unwrap();
    assert_eq!(src.confidence, rakt::Confidence::High);
    let err = Policy::from_toml(
        "name = \"x\"\nextends = \"india\"\n[maternal.gestation_weeks]\nvery_preterm_from = 28\nmoderate_preterm_from = 32\nlate_preterm_from = 34\nearly_term_from = 37\nfull_term_from = 37\nlate_term_from = 41\npost_term_from = 42\n",
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("maternal.gestation_weeks"),
        "{err}"
    );
}
