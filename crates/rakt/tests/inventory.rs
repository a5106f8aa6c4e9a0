#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Inventory: FEFO order, preference tiers, the O-negative policy, shortfall reasons,
//! reservations and their expiry, issue and return, emergency release, stock views.

use chrono::Duration;
use rakt::inventory::{AllocationRequest, Inventory};
use rakt::unit::{
    BloodUnit, Collection, DiscardReason, DonationType, EventKind, UnitEvent, UnitStatus,
};
use rakt::{Component, Modification, PlateletSource, Policy, Product, Recipient};

mod common;

use common::stock::{day, dins, g, id, inventory, man, rc, sagm, t};

fn unit(din: &str, group: &str, d: u32, product: Product) -> BloodUnit {
    common::released(din, group, day(d), product)
}

fn request(patient: &str, r: Recipient, qty: u32) -> AllocationRequest {
    AllocationRequest::new(patient, r, Component::RedCells, qty)
}

const NOW: u32 = 20;

#[test]
fn fefo_within_a_group_takes_the_first_expiring_unit() {
    // Ids run against expiry, so ordering by id would give the wrong units.
    let inv = inventory(vec![
        rc("A-A", "A+", 3),
        rc("A-C", "A+", 1),
        rc("A-B", "A+", 2),
    ]);
    let a = inv
        .allocate(&request("P1", man("A+"), 2), day(NOW))
        .unwrap();
    assert_eq!(dins(&a), ["A-C", "A-B"]);
    assert_eq!(a.shortfall, 0);
    assert!(a.skipped.is_empty());
    // Red cells in additive solution: 42 days from collection, at 23:59 local time.
    assert_eq!(a.units[0].expires_at, t("2026-12-13T23:59:00+05:30"));
    assert_eq!(a.units[0].tier, 1);
    assert_eq!(a.units[0].codes(), ["UNIT_ALLOCATED"]);
}

#[test]
fn equal_expiries_go_by_unit_id_whatever_the_order_of_adding() {
    let a = inventory(vec![rc("X-2", "A+", 1), rc("X-1", "A+", 1)]);
    let b = inventory(vec![rc("X-1", "A+", 1), rc("X-2", "A+", 1)]);
    let req = request("P1", man("A+"), 1);
    assert_eq!(dins(&a.allocate(&req, day(NOW)).unwrap()), ["X-1"]);
    assert_eq!(dins(&b.allocate(&req, day(NOW)).unwrap()), ["X-1"]);
}

#[test]
fn preference_tiers_come_before_expiry() {
    // An A+ man: A+ (tier 1), A- (tier 2), O+ (tier 3), O- (tier 4).
    let inv = inventory(vec![
        rc("O-POS", "O+", 1),
        rc("A-NEG", "A-", 2),
        rc("A-POS", "A+", 5),
    ]);
    let a = inv
        .allocate(&request("P1", man("A+"), 3), day(NOW))
        .unwrap();
    assert_eq!(dins(&a), ["A-POS", "A-NEG", "O-POS"]);
    let tiers: Vec<u32> = a.units.iter().map(|u| u.tier).collect();
    assert_eq!(tiers, [1, 2, 3]);
}

#[test]
fn o_negative_is_kept_back_unless_it_expires_first() {
    // O+ patient: O+ first, O- second. The O- unit expiring later stays on the shelf.
    let inv = inventory(vec![rc("ONEG", "O-", 5), rc("OPOS", "O+", 3)]);
    let a = inv
        .allocate(&request("P1", man("O+"), 1), day(NOW))
        .unwrap();
    assert_eq!(dins(&a), ["OPOS"]);
    // An O- unit that expires before the O+ unit it would replace is used first.
    let inv = inventory(vec![rc("ONEG", "O-", 2), rc("OPOS", "O+", 3)]);
    let a = inv
        .allocate(&request("P1", man("O+"), 2), day(NOW))
        .unwrap();
    assert_eq!(dins(&a), ["ONEG", "OPOS"]);
    assert_eq!(
        a.units[0].codes(),
        ["UNIT_ALLOCATED", "SCARCE_UNIT_EXPIRES_FIRST"]
    );
    let facts = &a.units[0].reasons[1].facts;
    assert_eq!(
        facts.text("replaced_expires_at").unwrap(),
        "2026-12-15T23:59:00+05:30"
    );
}

#[test]
fn o_negative_as_last_resort_under_a_strict_policy() {
    let policy = Policy::from_toml(
        "name = \"strict\"\nextends = \"india\"\n[inventory]\nscarce_use = \"last_resort\"\n",
    )
    .unwrap();
    let mut inv = Inventory::new("FRU-1", policy);
    inv.add(rc("ONEG", "O-", 1)).unwrap();
    inv.add(rc("OPOS", "O+", 3)).unwrap();
    let a = inv
        .allocate(&request("P1", man("O+"), 1), day(NOW))
        .unwrap();
    assert_eq!(dins(&a), ["OPOS"]);
    // Only when nothing else is left.
    let a = inv
        .allocate(&request("P1", man("O+"), 2), day(NOW))
        .unwrap();
    assert_eq!(dins(&a), ["OPOS", "ONEG"]);
    assert_eq!(
        a.units[1].codes(),
        ["UNIT_ALLOCATED", "SCARCE_UNIT_LAST_RESORT"]
    );
}

#[test]
fn o_negative_patients_get_o_negative_without_a_scarce_reason() {
    let inv = inventory(vec![rc("ONEG", "O-", 5)]);
    let a = inv
        .allocate(&request("P1", man("O-"), 1), day(NOW))
        .unwrap();
    assert_eq!(dins(&a), ["ONEG"]);
    assert_eq!(a.units[0].codes(), ["UNIT_ALLOCATED"]);
}

#[test]
fn protected_rhd_negative_women_never_get_rhd_positive_red_cells() {
    let inv = inventory(vec![rc("APOS", "A+", 1), rc("ONEG", "O-", 9)]);
    let woman = Recipient::new(g("A-")).female(28);
    let a = inv.allocate(&request("P1", woman, 2), day(NOW)).unwrap();
    assert_eq!(dins(&a), ["ONEG"]);
    assert_eq!(a.shortfall, 1);
    let apos = a.skipped.iter().find(|s| s.group == g("A+")).unwrap();
    assert_eq!(apos.codes(), ["INCOMPATIBLE"]);
    assert!(!apos.compatibility.is_empty());
}

#[test]
fn shortfall_says_why_each_group_could_not_help() {
    let mut held = rc("OPOS-HELD", "O+", 4);
    held = held
        .apply(
            &UnitEvent::new(
                day(NOW) - Duration::hours(1),
                "clerk",
                EventKind::Reserve {
                    patient: "OTHER".into(),
                    until: day(NOW) + Duration::hours(5),
                },
            ),
            &Policy::india(),
        )
        .unwrap();
    let quarantined = {
        let policy = Policy::india();
        let u = BloodUnit::collect(
            Collection {
                din: "APOS-Q".into(),
                division: None,
                product: sagm(),
                group: g("A+"),
                volume_ml: 280,
                donation_type: DonationType::Voluntary,
                donor_id: None,
                first_donation: false,
                collected_at: day(18),
            },
            "tech",
            &policy,
        )
        .unwrap();
        u.apply(
            &UnitEvent::new(day(18), "tech", EventKind::Quarantine),
            &policy,
        )
        .unwrap()
    };
    let inv = inventory(vec![
        rc("APOS-1", "A+", 10),
        quarantined,
        held,
        rc("ANEG-OLD", "A-", 1), // expires 2026-12-13, before the time needed
    ]);
    let req = request("P1", man("A+"), 3).needed_by(t("2026-12-14T00:00:00+05:30"));
    let a = inv.allocate(&req, day(NOW)).unwrap();
    assert_eq!(dins(&a), ["APOS-1"]);
    assert_eq!(a.shortfall, 2);
    let by = |grp: &str| a.skipped.iter().find(|s| s.group == g(grp)).unwrap();
    assert_eq!(by("A+").codes(), ["ALL_TAKEN", "NOT_RELEASED"]);
    assert_eq!(by("A+").counts.taken, 1);
    assert_eq!(by("A+").counts.not_released, 1);
    assert_eq!(by("A-").codes(), ["EXPIRES_BEFORE_NEEDED"]);
    assert_eq!(by("O+").codes(), ["HELD_FOR_OTHER_PATIENTS"]);
    assert_eq!(by("O-").codes(), ["NO_STOCK"]);
    assert_eq!(by("B+").codes(), ["INCOMPATIBLE"]);
    assert_eq!(a.skipped.len(), 10);
}

#[test]
fn special_requirements_are_honoured_and_reported() {
    let irradiated = {
        let policy = Policy::india();
        let u = rc("IRR", "A+", 15);
        u.apply(
            &UnitEvent::new(day(16), "tech", EventKind::Irradiate),
            &policy,
        )
        .unwrap()
    };
    let inv = inventory(vec![rc("PLAIN", "A+", 1), irradiated]);
    let req = request("P1", man("A+"), 2).requiring([Modification::Irradiated]);
    let a = inv.allocate(&req, day(NOW)).unwrap();
    assert_eq!(dins(&a), ["IRR"]);
    assert_eq!(a.shortfall, 1);
    let apos = a.skipped.iter().find(|s| s.group == g("A+")).unwrap();
    assert_eq!(apos.codes(), ["ALL_TAKEN", "LACKS_REQUIREMENTS"]);
    assert_eq!(apos.counts.lacking_requirements, 1);
    // Not a special requirement.
    let bad = request("P1", man("A+"), 1).requiring([Modification::Thawed]);
    let err = inv.allocate(&bad, day(NOW)).unwrap_err();
    assert_eq!(err.kind(), "InvalidInput");
}

#[test]
fn a_unit_expiring_at_the_minute_needed_is_not_allocated() {
    let inv = inventory(vec![rc("A1", "A+", 1)]);
    let expiry = t("2026-12-13T23:59:00+05:30");
    let at_expiry = request("P1", man("A+"), 1).needed_by(expiry);
    assert_eq!(inv.allocate(&at_expiry, day(NOW)).unwrap().units.len(), 0);
    let a_minute_before = request("P1", man("A+"), 1).needed_by(expiry - Duration::minutes(1));
    assert_eq!(
        dins(&inv.allocate(&a_minute_before, day(NOW)).unwrap()),
        ["A1"]
    );
}

#[test]
fn bad_requests_are_refused() {
    let inv = inventory(vec![rc("A1", "A+", 1)]);
    let zero = request("P1", man("A+"), 0);
    assert_eq!(
        inv.allocate(&zero, day(NOW)).unwrap_err().kind(),
        "InvalidInput"
    );
    let nameless = request(" ", man("A+"), 1);
    assert_eq!(
        inv.allocate(&nameless, day(NOW)).unwrap_err().kind(),
        "InvalidInput"
    );
    let past = request("P1", man("A+"), 1).needed_by(day(NOW) - Duration::minutes(1));
    let err = inv.allocate(&past, day(NOW)).unwrap_err();
    assert!(err.to_string().contains("needed_by"), "{err}");
}

#[test]
fn reserve_holds_units_for_24_hours_then_they_return_to_stock() {
    let mut inv = inventory(vec![rc("A1", "A+", 1), rc("A2", "A+", 2)]);
    let req = request("P1", man("A+"), 1);
    let held = inv.reserve(&req, day(NOW), "clerk").unwrap();
    assert_eq!(dins(&held), ["A1"]);
    let unit = inv.get(&id("A1")).unwrap();
    assert_eq!(unit.status(), UnitStatus::Reserved);
    let r = unit.reservation().unwrap();
    assert_eq!(r.patient, "P1");
    assert_eq!(r.until, Some(day(NOW) + Duration::hours(24)));
    // Another patient gets the next unit, not the held one.
    let other = request("P2", man("A+"), 2);
    let a = inv
        .allocate(&other, day(NOW) + Duration::hours(23))
        .unwrap();
    assert_eq!(dins(&a), ["A2"]);
    // At the minute the hold ends, the unit is stock again.
    let a = inv
        .allocate(&other, day(NOW) + Duration::hours(24))
        .unwrap();
    assert_eq!(dins(&a), ["A1", "A2"]);
    // Recording the lapse.
    let lapsed = inv
        .expire_reservations(day(NOW) + Duration::hours(25), "system")
        .unwrap();
    assert_eq!(lapsed, [id("A1")]);
    assert_eq!(inv.get(&id("A1")).unwrap().status(), UnitStatus::Released);
}

#[test]
fn issue_needs_a_hold_for_that_patient_and_fails_as_a_whole() {
    let mut inv = inventory(vec![rc("A1", "A+", 1), rc("A2", "A+", 2)]);
    let held = inv
        .reserve(&request("P1", man("A+"), 1), day(NOW), "clerk")
        .unwrap();
    let before: Vec<BloodUnit> = inv.units().unwrap();
    // A2 is not held for P1: nothing is issued, not even A1.
    let err = inv
        .issue(
            &[id("A1"), id("A2")],
            "P1",
            day(NOW) + Duration::hours(1),
            "nurse",
        )
        .unwrap_err();
    assert_eq!(
        err,
        rakt::RaktError::NotApplicable {
            code: "NOT_HELD_FOR_PATIENT".into(),
            reason: format!(
                "unit A2 is released and not held for patient \"P1\" at {}",
                (day(NOW) + Duration::hours(1)).to_rfc3339()
            ),
        }
    );
    let after: Vec<BloodUnit> = inv.units().unwrap();
    assert_eq!(before, after);
    // The wrong patient.
    let err = inv
        .issue(&held.ids(), "P2", day(NOW) + Duration::hours(1), "nurse")
        .unwrap_err();
    assert!(
        matches!(err, rakt::RaktError::NotApplicable { ref code, .. } if code == "NOT_HELD_FOR_PATIENT")
    );
    // The same unit twice.
    let err = inv
        .issue(
            &[id("A1"), id("A1")],
            "P1",
            day(NOW) + Duration::hours(1),
            "nurse",
        )
        .unwrap_err();
    assert_eq!(err.kind(), "InvalidInput");
    inv.issue(&held.ids(), "P1", day(NOW) + Duration::hours(1), "nurse")
        .unwrap();
    assert_eq!(inv.get(&id("A1")).unwrap().status(), UnitStatus::Issued);
    // An issued unit is never offered again.
    let a = inv
        .allocate(&request("P3", man("A+"), 5), day(NOW) + Duration::hours(2))
        .unwrap();
    assert_eq!(dins(&a), ["A2"]);
}

#[test]
fn crossmatch_issue_return_and_reissue() {
    let mut inv = inventory(vec![rc("A1", "A+", 1)]);
    let at = |h: i64| day(NOW) + Duration::hours(h);
    inv.reserve(&request("P1", man("A+"), 1), at(0), "clerk")
        .unwrap();
    inv.crossmatch(&[id("A1")], "P1", None, at(1), "lab")
        .unwrap();
    let u = inv.get(&id("A1")).unwrap();
    assert_eq!(u.status(), UnitStatus::Crossmatched);
    assert_eq!(u.reservation().unwrap().until, Some(at(25)));
    inv.issue(&[id("A1")], "P1", at(2), "nurse").unwrap();
    // Back within 30 minutes: released stock again.
    let u = inv
        .return_unit(&id("A1"), Some(20), false, at(3), "nurse")
        .unwrap();
    assert_eq!(u.status(), UnitStatus::Released);
    let a = inv.allocate(&request("P2", man("A+"), 1), at(4)).unwrap();
    assert_eq!(dins(&a), ["A1"]);
}

#[test]
fn a_late_return_is_discarded_and_leaves_stock() {
    let mut inv = inventory(vec![rc("A1", "A+", 1)]);
    let at = |h: i64| day(NOW) + Duration::hours(h);
    inv.reserve(&request("P1", man("A+"), 1), at(0), "clerk")
        .unwrap();
    inv.issue(&[id("A1")], "P1", at(1), "nurse").unwrap();
    let u = inv
        .return_unit(&id("A1"), Some(31), false, at(2), "nurse")
        .unwrap();
    assert_eq!(u.status(), UnitStatus::Discarded);
    assert_eq!(u.discard_reason(), Some(&DiscardReason::ReturnedTooLate));
    let a = inv.allocate(&request("P2", man("A+"), 1), at(3)).unwrap();
    assert_eq!(a.shortfall, 1);
}

#[test]
fn returned_units_kept_for_the_patient_are_not_offered_to_others() {
    let mut inv = inventory(vec![rc("A1", "A+", 1)]);
    let at = |h: i64| day(NOW) + Duration::hours(h);
    inv.reserve(&request("P1", man("A+"), 1), at(0), "clerk")
        .unwrap();
    inv.issue(&[id("A1")], "P1", at(1), "nurse").unwrap();
    inv.return_unit(&id("A1"), Some(10), true, at(2), "nurse")
        .unwrap();
    let a = inv.allocate(&request("P2", man("A+"), 1), at(100)).unwrap();
    assert_eq!(a.units.len(), 0);
    let by = a.skipped.iter().find(|s| s.group == g("A+")).unwrap();
    assert_eq!(by.codes(), ["HELD_FOR_OTHER_PATIENTS"]);
    // Its own patient can have it issued again; cancelling returns it to stock.
    inv.cancel(&[id("A1")], at(3), "nurse").unwrap();
    let a = inv.allocate(&request("P2", man("A+"), 1), at(4)).unwrap();
    assert_eq!(dins(&a), ["A1"]);
}

#[test]
fn reserve_with_nothing_in_stock_changes_nothing() {
    let mut inv = inventory(vec![rc("B1", "B+", 1)]);
    let before: Vec<BloodUnit> = inv.units().unwrap();
    let a = inv
        .reserve(&request("P1", man("A+"), 2), day(NOW), "clerk")
        .unwrap();
    assert_eq!(a.units.len(), 0);
    assert_eq!(a.shortfall, 2);
    assert_eq!(before, inv.units().unwrap());
    let err = inv
        .reserve(&request("P1", man("B+"), 1), day(NOW), " ")
        .unwrap_err();
    assert_eq!(err.kind(), "InvalidInput");
    assert_eq!(before, inv.units().unwrap());
}

#[test]
fn emergency_release_gives_group_o_records_why_and_flags_the_unit() {
    let mut inv = inventory(vec![
        rc("APOS", "A+", 1),
        rc("OPOS", "O+", 3),
        rc("ONEG", "O-", 5),
    ]);
    let unknown_man = Recipient::unknown_group().male(35);
    let req = request("TRAUMA-7", unknown_man, 1);
    let err = inv
        .emergency_release(&req, "  ", day(NOW), "dr-rao")
        .unwrap_err();
    assert_eq!(err.kind(), "InvalidInput");
    let a = inv
        .emergency_release(
            &req,
            "haemorrhagic shock, no time to group",
            day(NOW),
            "dr-rao",
        )
        .unwrap();
    assert!(a.emergency);
    assert_eq!(dins(&a), ["OPOS"]);
    let u = inv.get(&id("OPOS")).unwrap();
    assert_eq!(u.status(), UnitStatus::Issued);
    let flag = u.emergency_release().unwrap();
    assert_eq!(flag.actor, "dr-rao");
    assert_eq!(
        flag.kind,
        EventKind::EmergencyIssue {
            patient: "TRAUMA-7".into(),
            justification: "haemorrhagic shock, no time to group".into(),
        }
    );
    assert_eq!(flag.reasons[0].code.as_str(), "EMERGENCY_RELEASE_FOLLOW_UP");
    assert_eq!(inv.emergency_releases().unwrap().len(), 1);
    // A woman of child-bearing age of unknown group gets O RhD-negative.
    let woman = request("TRAUMA-8", Recipient::unknown_group().female(25), 1);
    let a = inv
        .emergency_release(&woman, "eclampsia with massive PPH", day(NOW), "dr-rao")
        .unwrap();
    assert_eq!(dins(&a), ["ONEG"]);
}

#[test]
fn apply_routes_other_events_and_refuses_handing_units_over() {
    let mut inv = inventory(vec![rc("A1", "A+", 1)]);
    let issue = UnitEvent::new(
        day(NOW),
        "nurse",
        EventKind::Issue {
            patient: "P1".into(),
        },
    );
    let err = inv.apply(&id("A1"), &issue).unwrap_err();
    assert!(
        matches!(err, rakt::RaktError::NotApplicable { ref code, .. } if code == "USE_INVENTORY_METHOD")
    );
    // A transfer through apply would leave the unit here while it says it moved.
    let transfer = UnitEvent::new(
        day(NOW),
        "driver",
        EventKind::Transfer {
            from: "FRU-1".into(),
            to: "BSC-2".into(),
            dispatched_at: day(NOW) - Duration::hours(2),
            min_celsius: "4".parse().unwrap(),
            max_celsius: "6".parse().unwrap(),
        },
    );
    let before = inv.get(&id("A1")).unwrap().clone();
    let err = inv.apply(&id("A1"), &transfer).unwrap_err();
    assert!(
        matches!(err, rakt::RaktError::NotApplicable { ref code, ref reason } if code == "USE_INVENTORY_METHOD" && reason.contains("transfer a unit")),
        "{err}"
    );
    assert_eq!(inv.get(&id("A1")).unwrap(), before);
    assert_eq!(before.status(), UnitStatus::Released);
    let discard = UnitEvent::new(
        day(NOW),
        "tech",
        EventKind::Discard {
            reason: DiscardReason::Leakage,
        },
    );
    inv.apply(&id("A1"), &discard).unwrap();
    let a = inv
        .allocate(&request("P1", man("A+"), 1), day(NOW))
        .unwrap();
    assert_eq!(a.units.len(), 0);
    assert_eq!(
        inv.add(rc("A1", "A+", 2)).unwrap_err().kind(),
        "NotApplicable"
    );
    let missing = inv.apply(&id("NOPE"), &discard).unwrap_err();
    assert_eq!(missing.kind(), "InvalidInput");
}

#[test]
fn platelets_follow_the_policy_order() {
    let plt = |din: &str, grp: &str, d: u32| {
        unit(din, grp, d, Product::platelets(PlateletSource::RandomDonor))
    };
    // The O+ unit expires first: first-expiry across groups would wrongly choose it.
    let inv = inventory(vec![plt("P-O", "O+", NOW - 2), plt("P-A", "A+", NOW - 1)]);
    let req = AllocationRequest::new("P1", man("A+"), Component::Platelets, 1);
    let a = inv.allocate(&req, day(NOW)).unwrap();
    assert_eq!(dins(&a), ["P-A"]);
}

#[test]
fn stock_summary_counts_by_state_and_in_eraktkosh_codes() {
    let mut inv = inventory(vec![
        rc("A1", "A+", 1),
        rc("A2", "A+", 2),
        rc("A3", "A+", 19),
        rc("O1", "O-", 3),
    ]);
    inv.reserve(&request("P1", man("A+"), 1), day(NOW), "clerk")
        .unwrap();
    let s = inv.stock_summary(day(NOW) + Duration::hours(1)).unwrap();
    assert_eq!(s.facility, "FRU-1");
    let apos = s.rows.iter().find(|r| r.group == g("A+")).unwrap();
    assert_eq!(
        (apos.available, apos.held, apos.not_released, apos.expired),
        (2, 1, 0, 0)
    );
    let oneg = s.rows.iter().find(|r| r.group == g("O-")).unwrap();
    assert_eq!(oneg.available, 1);
    let prbc = &s.eraktkosh.components[0];
    assert_eq!(prbc.availability, "A+Ve : 2, O-Ve : 1");
    // After A1's expiry (2026-12-13 23:59; its hold lapsed too), it is counted as expired.
    let later = inv.stock_summary(t("2026-12-14T00:00:00+05:30")).unwrap();
    let apos = later.rows.iter().find(|r| r.group == g("A+")).unwrap();
    assert_eq!((apos.available, apos.held, apos.expired), (2, 0, 1));
}

#[test]
fn expiring_within_includes_the_boundary_minute() {
    let inv = inventory(vec![
        rc("A1", "A+", 1),
        rc("A2", "A+", 2),
        rc("A3", "A+", 10),
    ]);
    let as_of = t("2026-12-13T23:59:00+05:30") - Duration::hours(48);
    let soon = inv.expiring_within(as_of, 48);
    let ids: Vec<&str> = soon.iter().map(|u| u.id.din.as_str()).collect();
    assert_eq!(ids, ["A1"]);
    let soon = inv.expiring_within(as_of, 72);
    let ids: Vec<&str> = soon.iter().map(|u| u.id.din.as_str()).collect();
    assert_eq!(ids, ["A1", "A2"]);
    assert_eq!(soon[1].expires_at, t("2026-12-14T23:59:00+05:30"));
    // Already expired units are not "expiring".
    assert!(
        inv.expiring_within(t("2026-12-14T00:00:00+05:30"), 1)
            .is_empty()
    );
}

#[test]
fn days_of_stock_divide_stock_on_hand_by_average_daily_issues() {
    let mut inv = inventory((1..=7).map(|i| rc(&format!("A{i}"), "A+", i)).collect());
    // Issue three units over the week before day 20.
    for (i, d) in [(1, 14), (2, 16), (3, 18)] {
        let at = day(d);
        let held = inv
            .reserve(&request(&format!("P{i}"), man("A+"), 1), at, "clerk")
            .unwrap();
        inv.issue(
            &held.ids(),
            &format!("P{i}"),
            at + Duration::hours(1),
            "nurse",
        )
        .unwrap();
    }
    let rows = inv.days_of_stock(day(NOW), 7).unwrap();
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!((r.on_hand, r.issued, r.window_days), (4, 3, 7));
    assert_eq!(r.average_daily_issues.to_string(), "0.43");
    // 4 ÷ (3/7) = 9.333… → 9.3 days
    assert_eq!(r.days.unwrap().to_string(), "9.3");
    // The window is [as_of − 7 days, as_of): an issue exactly 7 days before counts.
    let rows = inv.days_of_stock(day(21) + Duration::hours(1), 7).unwrap();
    assert_eq!(rows[0].issued, 3);
    let rows = inv.days_of_stock(day(21) + Duration::hours(2), 7).unwrap();
    assert_eq!(rows[0].issued, 2);
    assert_eq!(
        inv.days_of_stock(day(NOW), 0).unwrap_err().kind(),
        "InvalidInput"
    );
}

#[test]
fn blood_storage_centre_norm_is_checked_against_available_stock() {
    let mut units = Vec::new();
    for i in 0..5 {
        units.push(rc(&format!("AP{i}"), "A+", 10));
        units.push(rc(&format!("OP{i}"), "O+", 10));
    }
    for i in 0..4 {
        units.push(rc(&format!("BP{i}"), "B+", 10));
    }
    units.push(rc("ABP0", "AB+", 10));
    units.push(rc("AN0", "A-", 10));
    units.push(rc("ON0", "O-", 10));
    let inv = inventory(units);
    let check = inv.storage_centre_check(day(NOW)).unwrap();
    assert!(!check.met);
    let gaps: Vec<(String, u32, u32, u32)> = check
        .gaps()
        .iter()
        .map(|l| (l.group.to_string(), l.required, l.on_hand, l.missing))
        .collect();
    assert_eq!(
        gaps,
        [
            ("B+".to_string(), 5, 4, 1),
            ("AB+".to_string(), 2, 1, 1),
            ("B-".to_string(), 1, 0, 1)
        ]
    );
    assert_eq!(check.levels.len(), 7);
    // Profiles without the norm say so.
    let us = Inventory::new("X", Policy::us());
    assert_eq!(
        us.storage_centre_check(day(NOW)).unwrap_err().kind(),
        "PolicyValueMissing"
    );
    // Minimum levels come from the facility's own policy file.
    assert_eq!(
        inv.below_minimum(day(NOW)).unwrap_err().kind(),
        "PolicyValueMissing"
    );
    let policy = Policy::from_toml(
        "name = \"fru\"\nextends = \"india\"\n[[inventory.minimum_levels]]\ngroup = \"O-\"\ncomponents = [\"red_cells\"]\nunits = 2\n",
    )
    .unwrap();
    let mut own = Inventory::new("FRU-1", policy);
    own.add(rc("ON0", "O-", 10)).unwrap();
    let check = own.below_minimum(day(NOW)).unwrap();
    assert_eq!(check.gaps().len(), 1);
    assert_eq!(check.gaps()[0].missing, 1);
}

#[test]
fn discard_expired_clears_the_shelf_at_the_minute_of_expiry() {
    let mut inv = inventory(vec![rc("A1", "A+", 1), rc("A2", "A+", 2)]);
    let expiry = t("2026-12-13T23:59:00+05:30");
    assert!(
        inv.discard_expired(expiry - Duration::minutes(1), "tech")
            .unwrap()
            .is_empty()
    );
    assert_eq!(inv.discard_expired(expiry, "tech").unwrap(), [id("A1")]);
    let u = inv.get(&id("A1")).unwrap();
    assert_eq!(u.status(), UnitStatus::Discarded);
    assert_eq!(u.discard_reason(), Some(&DiscardReason::Expired));
    let s = inv.stock_summary(expiry).unwrap();
    assert_eq!(s.rows[0].available, 1);
}

#[test]
fn a_lapsed_hold_can_be_released_in_an_emergency() {
    let mut inv = inventory(vec![rc("OPOS", "O+", 1)]);
    inv.reserve(&request("P1", man("O+"), 1), day(NOW), "clerk")
        .unwrap();
    let trauma = request("T1", Recipient::unknown_group().male(30), 1);
    // Still held: nothing for the emergency.
    let a = inv
        .emergency_release(&trauma, "shock", day(NOW) + Duration::hours(1), "dr")
        .unwrap();
    assert_eq!(a.shortfall, 1);
    let a = inv
        .emergency_release(&trauma, "shock", day(NOW) + Duration::hours(24), "dr")
        .unwrap();
    assert_eq!(dins(&a), ["OPOS"]);
    assert_eq!(inv.get(&id("OPOS")).unwrap().status(), UnitStatus::Issued);
}

fn dec(s: &str) -> rust_decimal::Decimal {
    s.parse().unwrap()
}

#[test]
fn transfer_from_hub_to_storage_centre_checks_the_cold_chain() {
    let mut hub = Inventory::new("HUB", Policy::india());
    for u in [rc("A1", "A+", 10), rc("A2", "A+", 11), rc("A3", "A+", 12)] {
        hub.add(u).unwrap();
    }
    let mut bsc = Inventory::new("BSC-1", Policy::india());
    let left = day(NOW);
    let arrived = left + Duration::hours(3);
    // Exactly 2 and exactly 10 °C are inside the India transport range (2–10 °C).
    let ok = hub
        .transfer(
            &[id("A1"), id("A2")],
            &mut bsc,
            left,
            dec("2"),
            dec("10"),
            arrived,
            "driver",
        )
        .unwrap();
    assert_eq!(ok.received, [id("A1"), id("A2")]);
    assert!(ok.discarded.is_empty());
    assert!(!hub.contains(&id("A1")));
    assert_eq!(hub.len(), 1);
    let u = bsc.get(&id("A1")).unwrap();
    assert_eq!(u.status(), UnitStatus::Released);
    assert_eq!(u.received_at_facility(), Some("BSC-1"));
    assert_eq!(
        u.history().last().unwrap().reasons[0].code.as_str(),
        "TRANSFERRED"
    );
    let a = bsc.allocate(&request("P1", man("A+"), 2), arrived).unwrap();
    assert_eq!(dins(&a), ["A1", "A2"]);
    // The hub no longer offers them.
    let a = hub.allocate(&request("P1", man("A+"), 3), arrived).unwrap();
    assert_eq!(dins(&a), ["A3"]);
    // 10.1 °C breaks the cold chain: the unit arrives discarded.
    let broken = hub
        .transfer(
            &[id("A3")],
            &mut bsc,
            left,
            dec("4"),
            dec("10.1"),
            arrived,
            "driver",
        )
        .unwrap();
    assert_eq!(broken.discarded, [id("A3")]);
    let u = bsc.get(&id("A3")).unwrap();
    assert_eq!(u.status(), UnitStatus::Discarded);
    assert_eq!(u.discard_reason(), Some(&DiscardReason::ColdChainBreak));
    let reason = &u.history().last().unwrap().reasons[0];
    assert_eq!(reason.code.as_str(), "COLD_CHAIN_BREACH");
    assert_eq!(
        reason.message(rakt::Lang::En),
        "Carried from HUB to BSC-1 at 4–10.1 °C, outside the transport range 2–10 °C for refrigerated storage: discarded (cold-chain break)."
    );
    assert!(hub.is_empty());
}

#[test]
fn transfer_uses_the_receivers_policy_and_the_units_storage() {
    // 1 °C is inside the US transport range (1–10 °C), not the Indian one.
    let us_policy = Policy::from_toml(
        "name = \"us-transport\"\nextends = \"india\"\n[inventory.transport]\nrefrigerated = { min_celsius = \"1\", max_celsius = \"10\" }\nroom_temperature = { min_celsius = \"20\", max_celsius = \"24\" }\nfrozen = { max_celsius = \"-18\" }\n",
    )
    .unwrap();
    let mut hub = inventory(vec![rc("A1", "A+", 10), rc("A2", "A+", 10)]);
    let mut lenient = Inventory::new("BSC-US", us_policy);
    let mut strict = Inventory::new("BSC-IN", Policy::india());
    let (left, arrived) = (day(NOW), day(NOW) + Duration::hours(2));
    let a = hub
        .transfer(
            &[id("A1")],
            &mut lenient,
            left,
            dec("1"),
            dec("6"),
            arrived,
            "d",
        )
        .unwrap();
    assert_eq!(a.received, [id("A1")]);
    let b = hub
        .transfer(
            &[id("A2")],
            &mut strict,
            left,
            dec("1"),
            dec("6"),
            arrived,
            "d",
        )
        .unwrap();
    assert_eq!(b.discarded, [id("A2")]);
    // Platelets travel at room temperature: 22 °C is fine, 18 °C is not.
    let plt = |din: &str| {
        unit(
            din,
            "O+",
            NOW - 1,
            Product::platelets(PlateletSource::RandomDonor),
        )
    };
    let mut hub = inventory(vec![plt("P1"), plt("P2")]);
    let mut bsc = Inventory::new("BSC-1", Policy::india());
    let ok = hub
        .transfer(
            &[id("P1")],
            &mut bsc,
            left,
            dec("21"),
            dec("23"),
            arrived,
            "d",
        )
        .unwrap();
    assert_eq!(ok.received, [id("P1")]);
    let cold = hub
        .transfer(
            &[id("P2")],
            &mut bsc,
            left,
            dec("18"),
            dec("22"),
            arrived,
            "d",
        )
        .unwrap();
    assert_eq!(cold.discarded, [id("P2")]);
}

#[test]
fn a_refused_transfer_moves_nothing() {
    let mut hub = inventory(vec![rc("A1", "A+", 10), rc("A2", "A+", 11)]);
    hub.reserve(&request("P1", man("A+"), 1), day(NOW), "clerk")
        .unwrap(); // holds A1
    let mut bsc = Inventory::new("BSC-1", Policy::india());
    let before = snapshot(&hub);
    let (left, arrived) = (day(NOW), day(NOW) + Duration::hours(2));
    let err = hub
        .transfer(
            &[id("A2"), id("A1")],
            &mut bsc,
            left,
            dec("4"),
            dec("6"),
            arrived,
            "d",
        )
        .unwrap_err();
    assert!(
        matches!(err, rakt::RaktError::NotApplicable { ref code, .. } if code == "INVALID_TRANSITION"),
        "{err}"
    );
    assert_eq!(before, snapshot(&hub));
    assert!(bsc.is_empty());
    // Dispatched after it arrived; readings the wrong way round; to itself.
    let err = hub
        .transfer(
            &[id("A2")],
            &mut bsc,
            arrived,
            dec("4"),
            dec("6"),
            left,
            "d",
        )
        .unwrap_err();
    assert_eq!(err.kind(), "InvalidInput");
    let err = hub
        .transfer(
            &[id("A2")],
            &mut bsc,
            left,
            dec("6"),
            dec("4"),
            arrived,
            "d",
        )
        .unwrap_err();
    assert_eq!(err.kind(), "InvalidInput");
    let mut same = Inventory::new("FRU-1", Policy::india());
    let err = hub
        .transfer(
            &[id("A2")],
            &mut same,
            left,
            dec("4"),
            dec("6"),
            arrived,
            "d",
        )
        .unwrap_err();
    assert_eq!(err.kind(), "InvalidInput");
    // Expired on arrival.
    let err = hub
        .transfer(
            &[id("A2")],
            &mut bsc,
            left,
            dec("4"),
            dec("6"),
            t("2026-12-30T00:00:00+05:30"),
            "d",
        )
        .unwrap_err();
    assert!(
        matches!(err, rakt::RaktError::NotApplicable { ref code, .. } if code == "UNIT_EXPIRED"),
        "{err}"
    );
    assert_eq!(before, snapshot(&hub));
}

fn snapshot(inv: &Inventory) -> Vec<BloodUnit> {
    inv.units().unwrap()
}
