#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Allocation at the edges: which units are candidates (a subgroup or weak-D variant judged on
//! its own, records settled at `as_of`, a lapsed hold at the minute needed), the reasons an
//! allocated unit carries, and the exact per-class counts of the shortfall explanation.

use chrono::{DateTime, Duration, FixedOffset};
use rakt::inventory::AllocationRequest;
use rakt::unit::{BloodUnit, EventKind, UnitEvent};
use rakt::{Component, Modification, Policy, Preservative, Product, Recipient};

mod common;

use common::stock::{day, dins, g, id, inventory, man, rc, t};

/// The unit after one more event at `at`.
fn then(u: BloodUnit, at: DateTime<FixedOffset>, kind: EventKind) -> BloodUnit {
    u.apply(&UnitEvent::new(at, "tech", kind), &Policy::india())
        .unwrap()
}

fn irradiated(din: &str, group: &str, d: u32) -> BloodUnit {
    then(rc(din, group, d), day(d + 1), EventKind::Irradiate)
}

/// The unit held for patient `OTHER` from day `NOW` until `until`.
fn held(u: BloodUnit, until: DateTime<FixedOffset>) -> BloodUnit {
    then(
        u,
        day(NOW),
        EventKind::Reserve {
            patient: "OTHER".into(),
            until,
        },
    )
}

fn request(r: Recipient, qty: u32) -> AllocationRequest {
    AllocationRequest::new("P1", r, Component::RedCells, qty)
}

/// The counts of one skipped class as (taken, not released, held for others, expired before
/// needed, lacking requirements), and its codes.
fn class(a: &rakt::Allocation, group: &str) -> ((u32, u32, u32, u32, u32), Vec<&'static str>) {
    let s = a.skipped.iter().find(|s| s.group == g(group)).unwrap();
    let c = &s.counts;
    (
        (
            c.taken,
            c.not_released,
            c.held_for_others,
            c.expire_before_needed,
            c.lacking_requirements,
        ),
        s.codes(),
    )
}

const NOW: u32 = 20;

/// The expiry of a unit collected on day 1.
fn day1_expiry() -> DateTime<FixedOffset> {
    t("2026-12-13T23:59:00+05:30")
}

#[test]
fn a_subgroup_or_weak_d_variant_is_judged_on_its_own_compatibility() {
    // An O- weak D donor counts as RhD positive. It sits with the O- stock and expires first,
    // but an RhD-negative man gets it only after every unit without a caveat, with the caveat
    // said; a woman who may become pregnant never gets it.
    let stock = || vec![rc("WEAKD", "O- weak D", 1), rc("ONEG", "O-", 5)];
    let inv = inventory(stock());
    let a = inv.allocate(&request(man("O-"), 1), day(NOW)).unwrap();
    assert_eq!(dins(&a), ["ONEG"]);
    let a = inv.allocate(&request(man("O-"), 3), day(NOW)).unwrap();
    assert_eq!(dins(&a), ["ONEG", "WEAKD"]);
    assert_eq!(a.shortfall, 1);
    assert_eq!(
        a.units[1].codes(),
        [
            "UNIT_ALLOCATED",
            "RHD_POSITIVE_TO_RHD_NEGATIVE",
            "ABO_IDENTICAL",
            "WEAK_D_DONOR"
        ]
    );
    // An O+ unit expiring first still comes after the weak-D unit: both carry the same caveat,
    // and among units with a caveat the tiers keep their order (O- before O+).
    let inv = inventory(vec![
        rc("OPOS", "O+", 1),
        rc("WEAKD", "O- weak D", 2),
        rc("ONEG", "O-", 5),
    ]);
    let a = inv.allocate(&request(man("O-"), 3), day(NOW)).unwrap();
    assert_eq!(dins(&a), ["ONEG", "WEAKD", "OPOS"]);
    let woman = Recipient::new(g("O-")).female(30);
    let inv = inventory(stock());
    let a = inv.allocate(&request(woman, 2), day(NOW)).unwrap();
    assert_eq!(dins(&a), ["ONEG"]);
    assert_eq!(a.shortfall, 1);
    // An A2 donor is compatible with an A+ recipient and is offered like any group A unit.
    let inv = inventory(vec![rc("A2POS", "A2+", 1)]);
    let a = inv.allocate(&request(man("A+"), 1), day(NOW)).unwrap();
    assert_eq!(dins(&a), ["A2POS"]);
    assert_eq!(a.units[0].group, g("A2+"));
    assert_eq!(a.units[0].codes(), ["UNIT_ALLOCATED"]);
}

#[test]
fn a_unit_whose_records_run_past_as_of_is_not_offered() {
    // Collected on day 18 at 09:00 and released at 11:00.
    let inv = inventory(vec![rc("LATE", "A+", 18)]);
    let before_release = day(18) + Duration::hours(1);
    let a = inv
        .allocate(&request(man("A+"), 1), before_release)
        .unwrap();
    assert!(a.units.is_empty());
    assert_eq!(a.shortfall, 1);
    let a = inv
        .allocate(&request(man("A+"), 1), day(18) + Duration::hours(2))
        .unwrap();
    assert_eq!(dins(&a), ["LATE"]);
}

#[test]
fn a_lapsed_hold_expiring_at_the_minute_needed_is_not_offered_and_is_counted_as_expired() {
    let lapse = day(NOW) + Duration::hours(24);
    let inv = inventory(vec![held(rc("A1", "A+", 1), lapse)]);
    let as_of = lapse + Duration::hours(1);
    let at_expiry = request(man("A+"), 1).needed_by(day1_expiry());
    let a = inv.allocate(&at_expiry, as_of).unwrap();
    assert!(a.units.is_empty());
    // Counted once, as expired by the time needed; not as held (its hold has lapsed).
    assert_eq!(
        class(&a, "A+"),
        ((0, 0, 0, 1, 0), vec!["EXPIRES_BEFORE_NEEDED"])
    );
    let a_minute_before = request(man("A+"), 1).needed_by(day1_expiry() - Duration::minutes(1));
    let a = inv.allocate(&a_minute_before, as_of).unwrap();
    assert_eq!(dins(&a), ["A1"]);
    assert!(a.skipped.is_empty());
}

#[test]
fn lapsed_holds_without_the_requirements_are_counted_as_lacking_them() {
    let lapse = day(NOW) + Duration::hours(24);
    let inv = inventory(vec![
        held(rc("PLAIN-1", "A+", 10), lapse),
        held(rc("PLAIN-2", "A+", 11), lapse),
        held(irradiated("IRR", "A+", 12), lapse),
    ]);
    let req = request(man("A+"), 2).requiring([Modification::Irradiated]);
    let a = inv.allocate(&req, lapse + Duration::hours(1)).unwrap();
    assert_eq!(dins(&a), ["IRR"]);
    assert_eq!(a.shortfall, 1);
    assert_eq!(
        class(&a, "A+"),
        ((1, 0, 0, 0, 2), vec!["ALL_TAKEN", "LACKS_REQUIREMENTS"])
    );
    // While the holds last, the same three units are held for another patient.
    let a = inv.allocate(&req, day(NOW) + Duration::hours(1)).unwrap();
    assert!(a.units.is_empty());
    assert_eq!(
        class(&a, "A+"),
        ((0, 0, 3, 0, 0), vec!["HELD_FOR_OTHER_PATIENTS"])
    );
}

#[test]
fn a_modified_unit_meets_a_request_without_requirements() {
    let inv = inventory(vec![irradiated("IRR", "A+", 12)]);
    let a = inv.allocate(&request(man("A+"), 2), day(NOW)).unwrap();
    assert_eq!(dins(&a), ["IRR"]);
    assert_eq!(class(&a, "A+"), ((1, 0, 0, 0, 0), vec!["ALL_TAKEN"]));
}

#[test]
fn an_expired_unit_lacking_the_requirements_is_counted_once_as_expired() {
    let inv = inventory(vec![rc("OLD", "A+", 1), rc("NEW", "A+", 15)]);
    let req = request(man("A+"), 1)
        .requiring([Modification::Irradiated])
        .needed_by(t("2026-12-14T00:00:00+05:30"));
    let a = inv.allocate(&req, day(NOW)).unwrap();
    assert!(a.units.is_empty());
    assert_eq!(
        class(&a, "A+"),
        (
            (0, 0, 0, 1, 1),
            vec!["EXPIRES_BEFORE_NEEDED", "LACKS_REQUIREMENTS"]
        )
    );
}

#[test]
fn a_class_with_only_unreleased_or_crossmatched_units_is_not_called_empty() {
    let quarantined = {
        let policy = Policy::india();
        let u = BloodUnit::collect(
            rakt::unit::Collection {
                din: "ANEG-Q".into(),
                division: None,
                product: Product::red_cells(Preservative::AdditiveSolution),
                group: g("A-"),
                volume_ml: 280,
                donation_type: rakt::unit::DonationType::Voluntary,
                donor_id: None,
                first_donation: false,
                collected_at: day(18),
            },
            "tech",
            &policy,
        )
        .unwrap();
        then(u, day(18), EventKind::Quarantine)
    };
    let crossmatched = then(
        rc("OPOS-X", "O+", 5),
        day(NOW),
        EventKind::Crossmatch {
            patient: "OTHER".into(),
            until: day(NOW) + Duration::hours(12),
        },
    );
    let inv = inventory(vec![quarantined, crossmatched]);
    let a = inv
        .allocate(&request(man("A+"), 1), day(NOW) + Duration::hours(1))
        .unwrap();
    assert!(a.units.is_empty());
    assert_eq!(class(&a, "A-"), ((0, 1, 0, 0, 0), vec!["NOT_RELEASED"]));
    assert_eq!(
        class(&a, "O+"),
        ((0, 0, 1, 0, 0), vec!["HELD_FOR_OTHER_PATIENTS"])
    );
    assert_eq!(class(&a, "A+").1, ["NO_STOCK"]);
    assert!(inv.contains(&id("OPOS-X")));
}

#[test]
fn an_allocated_unit_carries_the_caveats_of_its_compatibility() {
    // The recipient's RhD is not known: an A- unit is compatible with a caveat, and the
    // allocated unit says so.
    let inv = inventory(vec![rc("ANEG", "A-", 5)]);
    let a = inv
        .allocate(&request(Recipient::new(g("A")).male(40), 1), day(NOW))
        .unwrap();
    assert_eq!(dins(&a), ["ANEG"]);
    assert_eq!(
        a.units[0].codes(),
        ["UNIT_ALLOCATED", "RECIPIENT_RHD_UNKNOWN", "ABO_IDENTICAL"]
    );
    // A fully compatible unit carries only the allocation reason.
    let inv = inventory(vec![rc("APOS", "A+", 5)]);
    let a = inv.allocate(&request(man("A+"), 1), day(NOW)).unwrap();
    assert_eq!(a.units[0].codes(), ["UNIT_ALLOCATED"]);
}
