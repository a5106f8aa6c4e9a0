use super::*;
use crate::component::{PlateletSource, Preservative};

#[test]
fn deciding_an_expiry_gives_the_computed_expiry_and_its_errors() {
    use crate::component::{Modification, PlateletSource};
    let preservatives = [
        None,
        Some(Preservative::Cpd),
        Some(Preservative::Cpda1),
        Some(Preservative::AdditiveSolution),
    ];
    let sources = [
        None,
        Some(PlateletSource::RandomDonor),
        Some(PlateletSource::Apheresis),
    ];
    let mut decided = 0;
    for policy in ["india", "uk", "us"].map(|p| Policy::builtin(p).unwrap()) {
        for component in Component::ALL {
            for preservative in preservatives {
                for source in sources {
                    let Ok(product) = Product::new(component, preservative, source) else {
                        continue;
                    };
                    for product in [
                        product.clone(),
                        product.with_modifications([Modification::Irradiated]),
                    ] {
                        let at = t("2026-03-31T23:30:00+05:30");
                        let explained = Expiry::compute(&product, at, &policy);
                        let decision = decide_expiry(&product, at, &policy);
                        assert_eq!(decision, explained.map(|e| e.decision()), "{product:?}");
                        decided += usize::from(decision.is_ok());
                    }
                }
            }
        }
    }
    assert!(decided > 20, "only {decided} products had an expiry");
}

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn rbc(policy: &Policy, collected: &str) -> Expiry {
    Expiry::compute(
        &Product::red_cells(Preservative::AdditiveSolution),
        t(collected),
        policy,
    )
    .unwrap()
}

#[test]
fn shelf_lives_per_profile() {
    let collected = "2026-01-01T10:00:00+05:30";
    let cases = [
        (
            "india",
            Product::whole_blood(Preservative::Cpda1).unwrap(),
            "2026-02-05T23:59:00+05:30",
        ),
        (
            "india",
            Product::red_cells(Preservative::AdditiveSolution),
            "2026-02-12T23:59:00+05:30",
        ),
        (
            "india",
            Product::platelets(PlateletSource::RandomDonor),
            "2026-01-04T23:59:00+05:30",
        ),
        (
            "us",
            Product::platelets(PlateletSource::RandomDonor),
            "2026-01-06T23:59:00+00:00",
        ),
        (
            "uk",
            Product::red_cells(Preservative::AdditiveSolution),
            "2026-02-05T23:59:00+00:00",
        ),
        (
            "india",
            Product::simple(Component::FreshFrozenPlasma).unwrap(),
            "2027-01-01T23:59:00+05:30",
        ),
        (
            "uk",
            Product::simple(Component::FreshFrozenPlasma).unwrap(),
            "2029-01-01T23:59:00+00:00",
        ),
        (
            "india",
            Product::simple(Component::Granulocytes).unwrap(),
            "2026-01-02T10:00:00+05:30",
        ),
    ];
    for (policy, product, want) in cases {
        let policy = Policy::builtin(policy).unwrap();
        let e = Expiry::compute(&product, t(collected), &policy).unwrap();
        assert_eq!(e.expires_at, t(want), "{} {product:?}", policy.name);
        assert_eq!(e.expires_at.offset(), &policy.offset());
    }
}

#[test]
fn missing_values_are_refused_not_guessed() {
    let err = Expiry::compute(
        &Product::whole_blood(Preservative::Cpd).unwrap(),
        t("2026-01-01T10:00:00+00:00"),
        &Policy::uk(),
    )
    .unwrap_err();
    assert_eq!(err.kind(), "PolicyValueMissing");
    assert!(
        err.to_string().contains("shelf_life.whole_blood_cpd"),
        "{err}"
    );
}

#[test]
fn the_minute_of_expiry() {
    let e = rbc(&Policy::india(), "2026-01-01T00:00:00+05:30");
    assert!(!e.is_expired(t("2026-02-12T23:58:59+05:30")));
    assert!(e.is_expired(t("2026-02-12T23:59:00+05:30")));
    // The same instant written in UTC.
    assert!(e.is_expired(t("2026-02-12T18:29:00+00:00")));
    assert!(!e.is_expired(t("2026-02-12T18:28:59+00:00")));
}

#[test]
fn irradiation_re_dates_to_the_earlier_limit() {
    let india = Policy::india();
    let e = rbc(&india, "2026-01-01T10:00:00+05:30");
    let late = e
        .redate(
            &Redating::Irradiated {
                at: t("2026-01-20T09:00:00+05:30"),
            },
            &india,
        )
        .unwrap();
    assert_eq!(late.expires_at, e.expires_at);
    assert_eq!(late.reasons[1].code, ReasonCode::RedatingCannotExtend);
    let early = e
        .redate(
            &Redating::Irradiated {
                at: t("2026-01-05T09:00:00+05:30"),
            },
            &india,
        )
        .unwrap();
    assert_eq!(early.expires_at, t("2026-02-02T23:59:00+05:30"));
    assert!(early.product.has(Modification::Irradiated));
    assert_eq!(early.reasons[1].code, ReasonCode::Redated);
    let err = early
        .redate(
            &Redating::Irradiated {
                at: t("2026-01-06T09:00:00+05:30"),
            },
            &india,
        )
        .unwrap_err();
    assert!(matches!(err, RaktError::NotApplicable { ref code, .. } if code == "ALREADY_MODIFIED"));
}

#[test]
fn uk_irradiation_window_is_fourteen_days() {
    let uk = Policy::uk();
    let e = rbc(&uk, "2026-01-01T10:00:00+00:00");
    let day14 = e
        .redate(
            &Redating::Irradiated {
                at: t("2026-01-15T23:00:00+00:00"),
            },
            &uk,
        )
        .unwrap();
    assert_eq!(
        day14.expires_at,
        e.expires_at.min(t("2026-01-29T23:59:00+00:00"))
    );
    let err = e
        .redate(
            &Redating::Irradiated {
                at: t("2026-01-16T00:30:00+00:00"),
            },
            &uk,
        )
        .unwrap_err();
    assert!(
        matches!(err, RaktError::NotApplicable { ref code, .. } if code == "IRRADIATION_TOO_LATE")
    );
}

#[test]
fn thawing_and_its_refusals() {
    let india = Policy::india();
    let ffp = Expiry::compute(
        &Product::simple(Component::FreshFrozenPlasma).unwrap(),
        t("2026-01-01T10:00:00+05:30"),
        &india,
    )
    .unwrap();
    let thawed = ffp
        .redate(
            &Redating::Thawed {
                at: t("2026-03-01T08:15:00+05:30"),
                storage: Storage::Refrigerated,
            },
            &india,
        )
        .unwrap();
    assert_eq!(thawed.expires_at, t("2026-03-02T08:15:00+05:30"));
    let room = ffp.redate(
        &Redating::Thawed {
            at: t("2026-03-01T08:15:00+05:30"),
            storage: Storage::RoomTemperature,
        },
        &india,
    );
    assert_eq!(room.unwrap_err().kind(), "PolicyValueMissing");
    let rbc = rbc(&india, "2026-01-01T10:00:00+05:30");
    let err = rbc
        .redate(
            &Redating::Thawed {
                at: t("2026-01-02T08:15:00+05:30"),
                storage: Storage::Refrigerated,
            },
            &india,
        )
        .unwrap_err();
    assert!(matches!(err, RaktError::NotApplicable { ref code, .. } if code == "NOT_FROZEN"));
    let before = rbc
        .redate(
            &Redating::Washed {
                at: t("2025-12-31T08:00:00+05:30"),
            },
            &india,
        )
        .unwrap_err();
    assert!(
        matches!(before, RaktError::NotApplicable { ref code, .. } if code == "EVENT_BEFORE_COLLECTION")
    );
    let after = rbc
        .redate(&Redating::Washed { at: rbc.expires_at }, &india)
        .unwrap_err();
    assert!(
        matches!(after, RaktError::NotApplicable { ref code, .. } if code == "UNIT_ALREADY_EXPIRED")
    );
}

#[test]
fn pools_expire_with_the_earliest_constituent_and_the_pool_limit() {
    let us = Policy::us();
    let cryo = Product::simple(Component::Cryoprecipitate).unwrap();
    let a = Expiry::compute(&cryo, t("2026-01-01T10:00:00+00:00"), &us).unwrap();
    let b = Expiry::compute(&cryo, t("2026-02-01T10:00:00+00:00"), &us).unwrap();
    let pool = Expiry::pool(&[a.clone(), b.clone()], t("2026-06-01T10:00:00+00:00"), &us).unwrap();
    // US: pooled cryo 4 hours.
    assert_eq!(pool.expires_at, t("2026-06-01T14:00:00+00:00"));
    assert!(pool.product.has(Modification::Pooled));
    assert_eq!(pool.collected_at, a.collected_at);
    let india = Policy::india();
    let rdp = Product::platelets(PlateletSource::RandomDonor);
    let p1 = Expiry::compute(&rdp, t("2026-01-01T10:00:00+05:30"), &india).unwrap();
    let p2 = Expiry::compute(&rdp, t("2026-01-02T10:00:00+05:30"), &india).unwrap();
    let pool = Expiry::pool(&[p2, p1.clone()], t("2026-01-03T10:00:00+05:30"), &india).unwrap();
    assert_eq!(pool.expires_at, p1.expires_at);
    assert_eq!(
        Expiry::pool(
            std::slice::from_ref(&p1),
            t("2026-01-03T10:00:00+05:30"),
            &india
        )
        .unwrap_err()
        .kind(),
        "InvalidInput"
    );
    let late = Expiry::pool(&[p1.clone(), p1.clone()], p1.expires_at, &india).unwrap_err();
    assert!(late.to_string().contains("constituents[0]"), "{late}");
    let mixed = Expiry::pool(&[p1, a], t("2026-01-03T10:00:00+05:30"), &india).unwrap_err();
    assert!(mixed.to_string().contains("constituents[1]"), "{mixed}");
}

#[test]
fn results_are_reported_in_facility_time_whatever_offset_came_in() {
    let india = Policy::india();
    let rdp = Product::platelets(PlateletSource::RandomDonor);
    let mut a = Expiry::compute(&rdp, t("2026-01-01T10:00:00+05:30"), &india).unwrap();
    // An expiry handed back by a caller in another offset (same instant).
    a.expires_at = a
        .expires_at
        .with_timezone(&FixedOffset::east_opt(0).unwrap());
    let b = Expiry::compute(&rdp, t("2026-01-02T10:00:00+05:30"), &india).unwrap();
    let pool = Expiry::pool(&[a.clone(), b], t("2026-01-03T10:00:00+00:00"), &india).unwrap();
    assert_eq!(pool.expires_at.offset(), &india.offset());
    assert_eq!(pool.expires_at, t("2026-01-04T23:59:00+05:30"));
    let washed = a
        .redate(
            &Redating::Washed {
                at: t("2026-01-03T20:00:00+00:00"),
            },
            &india,
        )
        .unwrap();
    assert_eq!(washed.expires_at.offset(), &india.offset());
    assert_eq!(
        washed.reasons[1].facts.text("at").unwrap(),
        "2026-01-04T01:30:00+05:30"
    );
    assert_eq!(washed.expires_at, t("2026-01-04T05:30:00+05:30"));
}

#[test]
fn products_that_were_already_modified_must_be_redated_with_their_time() {
    let p = Product::red_cells(Preservative::Cpda1).with_modifications([Modification::Irradiated]);
    let err = Expiry::compute(&p, t("2026-01-01T10:00:00+05:30"), &Policy::india()).unwrap_err();
    assert!(err.to_string().contains("product.modifications"));
    let ok =
        Product::red_cells(Preservative::Cpda1).with_modifications([Modification::Leucoreduced]);
    assert!(Expiry::compute(&ok, t("2026-01-01T10:00:00+05:30"), &Policy::india()).is_ok());
}

#[test]
fn remaining_counts_down_to_zero_at_the_minute_of_expiry() {
    let e = rbc(&Policy::india(), "2026-01-01T10:00:00+05:30");
    assert_eq!(e.expires_at, t("2026-02-12T23:59:00+05:30"));
    let hour = Duration::from_secs(3600);
    assert_eq!(e.remaining(t("2026-02-12T22:59:00+05:30")), hour);
    assert_eq!(
        e.remaining(t("2026-02-12T23:58:59+05:30")),
        Duration::from_secs(1)
    );
    assert_eq!(e.remaining(t("2026-02-12T23:59:00+05:30")), Duration::ZERO);
    assert_eq!(e.remaining(t("2026-03-01T00:00:00+05:30")), Duration::ZERO);
}

#[test]
fn a_modification_at_the_minute_of_collection_is_allowed_and_a_second_before_is_not() {
    let policy = Policy::india();
    let e = rbc(&policy, "2026-01-01T10:00:00+05:30");
    let at_collection = Redating::Irradiated {
        at: t("2026-01-01T10:00:00+05:30"),
    };
    assert!(e.redate(&at_collection, &policy).is_ok());
    let before = Redating::Irradiated {
        at: t("2026-01-01T09:59:59+05:30"),
    };
    let err = e.redate(&before, &policy).unwrap_err();
    assert!(
        matches!(&err, RaktError::NotApplicable { code, .. } if code == "EVENT_BEFORE_COLLECTION"),
        "{err:?}"
    );
}

#[test]
fn a_modification_whose_limit_equals_the_expiry_does_not_redate() {
    // Collected 1 January: expires 12 February 23:59. Irradiated 15 January: 28 days is
    // also 12 February 23:59, so the expiry is kept and says the modification cannot extend
    // it; a day earlier the irradiation shortens it.
    let policy = Policy::india();
    let e = rbc(&policy, "2026-01-01T10:00:00+05:30");
    let same = e
        .redate(
            &Redating::Irradiated {
                at: t("2026-01-15T10:00:00+05:30"),
            },
            &policy,
        )
        .unwrap();
    assert_eq!(same.expires_at, e.expires_at);
    assert_eq!(
        same.reasons.last().map(|r| r.code),
        Some(ReasonCode::RedatingCannotExtend)
    );
    let earlier = e
        .redate(
            &Redating::Irradiated {
                at: t("2026-01-14T10:00:00+05:30"),
            },
            &policy,
        )
        .unwrap();
    assert_eq!(earlier.expires_at, t("2026-02-11T23:59:00+05:30"));
    assert_eq!(
        earlier.reasons.last().map(|r| r.code),
        Some(ReasonCode::Redated)
    );
}
