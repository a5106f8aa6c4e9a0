#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The inventory keeps most units packed (their collection and events, without reasons) and
//! rebuilds them when read. Whatever it keeps, a unit read back is exactly the unit the same
//! events make outside it: same status, expiry, history and every reason in it; an event the
//! unit refuses is refused the same way inside the inventory.

use chrono::{DateTime, Duration, FixedOffset};
use proptest::prelude::*;
use rakt::inventory::Inventory;
use rakt::unit::{BloodUnit, Collection, DiscardReason, DonationType, EventKind, UnitEvent};
use rakt::{
    BloodGroup, Component, PlateletSource, Policy, Preservative, Product, Storage, TestResult,
};

fn start() -> DateTime<FixedOffset> {
    rakt::parse_timestamp("2026-11-01T09:00:00+05:30").unwrap()
}

fn collection(din: &str, product: Product, group: usize, first: bool) -> Collection {
    Collection {
        din: din.into(),
        division: None,
        product,
        group: BloodGroup::STANDARD[group],
        volume_ml: 300,
        donation_type: DonationType::Voluntary,
        donor_id: Some("D-1".into()),
        first_donation: first,
        collected_at: start(),
    }
}

fn product(i: usize) -> Product {
    match i % 4 {
        0 => Product::red_cells(Preservative::AdditiveSolution),
        1 => Product::platelets(PlateletSource::RandomDonor),
        2 => Product::simple(Component::FreshFrozenPlasma).unwrap(),
        _ => Product::red_cells(Preservative::Cpda1),
    }
}

/// Every event kind the inventory's `apply` takes, with their payloads varied.
fn kind() -> impl Strategy<Value = EventKind> {
    let markers = Policy::india().screening.mandatory_markers;
    let results = [
        TestResult::NonReactive,
        TestResult::NonReactive,
        TestResult::InitiallyReactive,
    ];
    prop_oneof![
        2 => Just(EventKind::Quarantine),
        6 => (0..markers.len(), 0usize..3).prop_map(move |(m, r)| EventKind::RecordTest {
            marker: markers[m],
            result: results[r],
        }),
        2 => (0usize..8, any::<bool>()).prop_map(|(g, agree)| {
            let group = BloodGroup::STANDARD[g];
            EventKind::RecordGrouping {
                forward: Some(group),
                reverse: Some(if agree { group.abo() } else { rakt::Abo::AB }),
                historical: None,
            }
        }),
        3 => Just(EventKind::Release),
        1 => Just(EventKind::Irradiate),
        1 => Just(EventKind::Wash),
        1 => Just(EventKind::Open),
        1 => prop_oneof![Just(Storage::Refrigerated), Just(Storage::RoomTemperature)]
            .prop_map(|storage| EventKind::Thaw { storage }),
        1 => Just(EventKind::Transfuse),
        1 => Just(EventKind::SendForFractionation),
        1 => Just(EventKind::CancelReservation),
        1 => prop_oneof![
            Just(DiscardReason::Haemolysed),
            Just(DiscardReason::Other("bag torn in transit".into())),
        ]
        .prop_map(|reason| EventKind::Discard { reason }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn a_unit_reads_back_as_its_events_made_it(
        p in 0usize..4,
        group in 0usize..8,
        first in any::<bool>(),
        steps in prop::collection::vec((kind(), 0i64..600, 0usize..3), 0..16),
    ) {
        let policy = Policy::india();
        let actors = ["tech-a", "तकनीशियन", "tech-b"];
        let mut outside = BloodUnit::collect(collection("DIN-1", product(p), group, first), "tech-a", &policy).unwrap();
        let id = outside.id().clone();
        let mut inv = Inventory::new("BC", policy.clone());
        inv.add(outside.clone()).unwrap();
        prop_assert_eq!(&inv.get(&id).unwrap(), &outside);
        let mut at = start();
        for (kind, minutes, actor) in steps {
            at += Duration::minutes(minutes);
            let event = UnitEvent::new(at, actors[actor], kind);
            match (outside.apply(&event, &policy), inv.apply(&id, &event)) {
                (Ok(expected), Ok(got)) => {
                    prop_assert_eq!(&got, &expected);
                    prop_assert_eq!(&inv.get(&id).unwrap(), &expected);
                    outside = expected;
                }
                (Err(expected), Err(got)) => {
                    // The same refusal, its explanation prefixed with the unit where the error
                    // kind carries one (a missing policy value names the policy path instead).
                    prop_assert_eq!(got.kind(), expected.kind());
                    let (said, why) = (got.to_string(), expected.to_string());
                    let (head, tail) = why.split_once(": ").unwrap();
                    prop_assert!(said == format!("{head}: unit DIN-1: {tail}") || said == why, "{} / {}", said, why);
                    prop_assert_eq!(&inv.get(&id).unwrap(), &outside, "a refused event changed the unit");
                }
                (expected, got) => prop_assert!(false, "outside {:?}, inside {:?}", expected, got),
            }
        }
        prop_assert_eq!(inv.units().unwrap(), vec![outside]);
    }
}

/// A released red-cell unit, collected at `start()`.
fn released(din: &str, policy: &Policy) -> BloodUnit {
    let mut u = BloodUnit::collect(collection(din, product(0), 0, false), "tech", policy).unwrap();
    let at = start() + Duration::hours(1);
    let mut kinds = vec![EventKind::Quarantine];
    for m in &policy.screening.mandatory_markers {
        kinds.push(EventKind::RecordTest {
            marker: *m,
            result: TestResult::NonReactive,
        });
    }
    kinds.push(EventKind::RecordGrouping {
        forward: Some(u.group()),
        reverse: Some(u.group().abo()),
        historical: None,
    });
    kinds.push(EventKind::Release);
    for k in kinds {
        u = u.apply(&UnitEvent::new(at, "tech", k), policy).unwrap();
    }
    u
}

#[test]
fn units_that_replaying_cannot_rebuild_read_back_unchanged() {
    let policy = Policy::india();
    let mut inv = Inventory::new("BC", policy.clone());
    // Read from a label whose expiry is earlier than the policy's: its expiry and the reason
    // for it come from the label, not from replaying the collection.
    let label_expiry = start() + Duration::days(20);
    let labelled = BloodUnit::collect_labelled(
        collection("LABEL-1", product(0), 2, false),
        label_expiry,
        "tech",
        &policy,
    )
    .unwrap();
    // Split into two: the children's histories begin with the split, not a collection.
    let (parent, children) = released("PARENT-1", &policy)
        .split(&[150, 150], start() + Duration::hours(2), "tech")
        .unwrap();
    let mut all = vec![labelled, parent];
    all.extend(children);
    for u in &all {
        inv.add(u.clone()).unwrap();
    }
    for u in &all {
        assert_eq!(&inv.get(u.id()).unwrap(), u);
    }
    assert_eq!(
        inv.get(all[0].id()).unwrap().expiry().expires_at,
        label_expiry
    );
    // And they change through the inventory as they would outside it.
    let child = all[2].clone();
    let event = UnitEvent::new(start() + Duration::hours(3), "nurse", EventKind::Transfuse);
    let expected = child.apply(&event, &policy);
    let got = inv.apply(child.id(), &event);
    assert_eq!(got.is_ok(), expected.is_ok());
    assert_eq!(inv.get(child.id()).unwrap(), expected.unwrap_or(child));
}

#[test]
fn a_unit_made_under_another_policy_reads_back_as_it_was_made() {
    // The inventory's policy keeps reservations longer; units made under the India policy
    // are still read back exactly, reasons and all.
    let india = Policy::india();
    let mut other = india.clone();
    other.inventory.reservation_hours = 72;
    let mut inv = Inventory::new("BC", other);
    let unit = released("DIN-9", &india);
    inv.add(unit.clone()).unwrap();
    assert_eq!(inv.get(unit.id()).unwrap(), unit);
}

#[test]
fn reading_a_unit_that_is_not_there_is_refused_by_name() {
    let inv = Inventory::new("BC", Policy::india());
    let id = rakt::unit::UnitId::new("NOPE-1", None).unwrap();
    assert!(!inv.contains(&id));
    let err = inv.get(&id).unwrap_err();
    assert_eq!(err.kind(), "InvalidInput");
    assert_eq!(
        err.to_string(),
        "invalid input: unit: unit NOPE-1 is not in the inventory"
    );
}
