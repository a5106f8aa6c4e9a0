#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Inventory invariants over random stock, requests and event sequences:
//! - no unit is allocated or issued to two patients at once, and nothing in an allocation is
//!   incompatible, expired at the time needed, unscreened or held for someone else;
//! - a failed operation changes nothing;
//! - the same request against the same stock gives the same answer, whatever the order the
//!   units were added in;
//! - every unit is accounted for: in stock, issued, transfused, or discarded with a reason.

use chrono::{DateTime, Duration, FixedOffset};
use proptest::prelude::*;
use rakt::inventory::{AllocationRequest, Inventory};
use rakt::unit::{
    BloodUnit, Collection, DiscardReason, DonationType, EventKind, UnitEvent, UnitId, UnitStatus,
};
use rakt::{
    BloodGroup, Component, Modification, PlateletSource, Policy, Preservative, Product, Recipient,
    TestResult, compatibility,
};

fn start() -> DateTime<FixedOffset> {
    rakt::parse_timestamp("2026-11-01T09:00:00+05:30").unwrap()
}

#[derive(Debug, Clone)]
struct Spec {
    group: usize,
    platelets: bool,
    day: i64,
    released: bool,
    irradiate: bool,
}

fn make(i: usize, s: &Spec, policy: &Policy) -> BloodUnit {
    let product = if s.platelets {
        Product::platelets(PlateletSource::RandomDonor)
    } else {
        Product::red_cells(Preservative::AdditiveSolution)
    };
    let at = start() + Duration::days(s.day);
    let mut u = BloodUnit::collect(
        Collection {
            din: format!("U{i:03}"),
            division: None,
            product,
            group: BloodGroup::STANDARD[s.group],
            volume_ml: 250,
            donation_type: DonationType::Voluntary,
            donor_id: None,
            first_donation: false,
            collected_at: at,
        },
        "tech",
        policy,
    )
    .unwrap();
    let later = at + Duration::hours(1);
    let mut kinds = vec![EventKind::Quarantine];
    if s.released {
        for m in &policy.screening.mandatory_markers {
            kinds.push(EventKind::RecordTest {
                marker: *m,
                result: TestResult::NonReactive,
            });
        }
        let g = u.group();
        kinds.push(EventKind::RecordGrouping {
            forward: Some(g),
            reverse: Some(g.abo()),
            historical: None,
        });
        kinds.push(EventKind::Release);
        if s.irradiate {
            kinds.push(EventKind::Irradiate);
        }
    }
    for k in kinds {
        u = u.apply(&UnitEvent::new(later, "tech", k), policy).unwrap();
    }
    u
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        0usize..8,
        prop::bool::weighted(0.2),
        0i64..6,
        prop::bool::weighted(0.85),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(group, platelets, day, released, irradiate)| Spec {
            group,
            platelets,
            day,
            released,
            irradiate,
        })
}

#[derive(Debug, Clone)]
struct Req {
    group: Option<usize>,
    female: bool,
    age: u32,
    platelets: bool,
    qty: u32,
    irradiated: bool,
    needed_hours: i64,
}

fn req() -> impl Strategy<Value = Req> {
    (
        prop::option::weighted(0.85, 0usize..8),
        any::<bool>(),
        1u32..80,
        prop::bool::weighted(0.2),
        1u32..4,
        prop::bool::weighted(0.15),
        0i64..200,
    )
        .prop_map(
            |(group, female, age, platelets, qty, irradiated, needed_hours)| Req {
                group,
                female,
                age,
                platelets,
                qty,
                irradiated,
                needed_hours,
            },
        )
}

#[derive(Debug, Clone)]
enum Op {
    Reserve(usize, Req),
    Issue(usize),
    Cancel(usize),
    Return(usize, u32),
    Transfuse(usize),
    Discard(usize),
    Emergency(usize, Req),
    Expire,
    Wait(i64),
    Transfer(usize, bool),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0usize..6, req()).prop_map(|(p, r)| Op::Reserve(p, r)),
        3 => (0usize..6).prop_map(Op::Issue),
        1 => (0usize..6).prop_map(Op::Cancel),
        1 => (0usize..40, 0u32..60).prop_map(|(u, m)| Op::Return(u, m)),
        1 => (0usize..40).prop_map(Op::Transfuse),
        1 => (0usize..40).prop_map(Op::Discard),
        1 => (0usize..6, req()).prop_map(|(p, r)| Op::Emergency(p, r)),
        1 => Just(Op::Expire),
        2 => (1i64..60).prop_map(Op::Wait),
        1 => (0usize..40, prop::bool::weighted(0.3)).prop_map(|(u, hot)| Op::Transfer(u, hot)),
    ]
}

fn request(patient: &str, r: &Req) -> AllocationRequest {
    let mut recipient = match r.group {
        Some(g) => Recipient::new(BloodGroup::STANDARD[g]),
        None => Recipient::unknown_group(),
    };
    recipient = if r.female {
        recipient.female(r.age)
    } else {
        recipient.male(r.age)
    };
    let component = if r.platelets {
        Component::Platelets
    } else {
        Component::RedCells
    };
    let mut req = AllocationRequest::new(patient, recipient, component, r.qty);
    if r.irradiated {
        req = req.requiring([Modification::Irradiated]);
    }
    req
}

fn snapshot(inv: &Inventory) -> Vec<BloodUnit> {
    inv.units().unwrap()
}

/// Check an allocation against the stock it was drawn from.
fn check_allocation(
    before: &Inventory,
    req: &AllocationRequest,
    a: &rakt::Allocation,
    as_of: DateTime<FixedOffset>,
) {
    assert!(a.units.len() <= req.quantity as usize);
    assert_eq!(a.units.len() as u32 + a.shortfall, req.quantity);
    let mut seen = std::collections::BTreeSet::new();
    for au in &a.units {
        assert!(seen.insert(au.id.clone()), "allocated twice: {}", au.id);
        let u = before.get(&au.id).unwrap();
        assert_eq!(
            u.status_at(as_of),
            UnitStatus::Released,
            "{} not free",
            au.id
        );
        assert_eq!(u.product().component(), req.component);
        let verdict = compatibility(req.component, &u.group(), &req.recipient, before.policy());
        assert!(verdict.compatible, "{} incompatible", au.id);
        assert!(!u.is_expired(a.needed_by), "{} expired when needed", au.id);
        assert!(
            u.history().iter().any(|e| e.kind == EventKind::Release),
            "{} never released (unscreened)",
            au.id
        );
        for m in &req.requirements {
            assert!(u.product().has(*m));
        }
    }
}

/// Between two issues of a unit there is a return: never issued to two patients at once.
fn check_accounting(inv: &Inventory, other: &Inventory, n: usize) {
    assert_eq!(
        inv.len() + other.len(),
        n,
        "units lost or duplicated by a transfer"
    );
    for u in inv.units().unwrap() {
        assert!(!other.contains(u.id()), "{} in two places", u.id());
    }
    for u in inv
        .units()
        .unwrap()
        .into_iter()
        .chain(other.units().unwrap())
    {
        let mut out = false;
        for e in u.history() {
            match &e.kind {
                EventKind::Issue { .. } | EventKind::EmergencyIssue { .. } => {
                    assert!(!out, "{} issued twice without a return", u.id());
                    out = true;
                }
                EventKind::Return { .. } => out = false,
                _ => {}
            }
        }
        match u.status() {
            UnitStatus::Discarded => assert!(u.discard_reason().is_some()),
            s => assert!(
                s.is_in_stock()
                    || matches!(
                        s,
                        UnitStatus::Issued
                            | UnitStatus::Transfused
                            | UnitStatus::TransfusedWithReaction
                    ),
                "{} in status {s}",
                u.id()
            ),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn inventory_never_gives_a_wrong_unit(
        specs in prop::collection::vec(spec(), 1..40),
        ops in prop::collection::vec(op(), 1..40),
    ) {
        let policy = Policy::india();
        let units: Vec<BloodUnit> = specs.iter().enumerate().map(|(i, s)| make(i, s, &policy)).collect();
        let mut inv = Inventory::new("BC", policy.clone());
        for u in &units {
            inv.add(u.clone()).unwrap();
        }
        let mut bsc = Inventory::new("BSC", policy.clone());
        let mut now = start() + Duration::days(7);
        let mut held: Vec<Vec<UnitId>> = vec![Vec::new(); 6];
        for op in &ops {
            let before = inv.clone();
            let result: Result<(), rakt::RaktError> = match op {
                Op::Reserve(p, r) => {
                    let mut req = request(&format!("P{p}"), r);
                    req = req.needed_by(now + Duration::hours(r.needed_hours));
                    let proposal = inv.allocate(&req, now).unwrap();
                    prop_assert_eq!(&proposal, &inv.allocate(&req, now).unwrap());
                    check_allocation(&before, &req, &proposal, now);
                    inv.reserve(&req, now, "clerk").map(|a| {
                        assert_eq!(a, proposal);
                        held[*p] = a.ids();
                    })
                }
                Op::Issue(p) => inv.issue(&held[*p], &format!("P{p}"), now, "nurse"),
                Op::Cancel(p) => inv.cancel(&held[*p], now, "nurse"),
                Op::Return(i, minutes) => inv
                    .return_unit(&UnitId::new(&format!("U{:03}", i % units.len()), None).unwrap(), Some(*minutes), false, now, "nurse")
                    .map(|_| ()),
                Op::Transfuse(i) => inv
                    .apply(
                        &UnitId::new(&format!("U{:03}", i % units.len()), None).unwrap(),
                        &UnitEvent::new(now, "nurse", EventKind::Transfuse),
                    )
                    .map(|_| ()),
                Op::Discard(i) => inv
                    .apply(
                        &UnitId::new(&format!("U{:03}", i % units.len()), None).unwrap(),
                        &UnitEvent::new(now, "tech", EventKind::Discard { reason: DiscardReason::Leakage }),
                    )
                    .map(|_| ()),
                Op::Emergency(p, r) => {
                    let req = request(&format!("E{p}"), r);
                    let proposal = inv.allocate(&req, now).unwrap();
                    check_allocation(&before, &req, &proposal, now);
                    inv.emergency_release(&req, "massive haemorrhage", now, "dr").map(|a| {
                        assert_eq!(a, proposal);
                        for id in a.ids() {
                            assert!(inv.get(&id).unwrap().emergency_release().is_some());
                        }
                    })
                }
                Op::Expire => inv.expire_reservations(now, "system").map(|_| ()),
                Op::Transfer(i, hot) => {
                    let id = UnitId::new(&format!("U{:03}", i % units.len()), None).unwrap();
                    let bsc_before = snapshot(&bsc);
                    let max = if *hot { "12" } else { "6" };
                    let r = inv.transfer(
                        &[id],
                        &mut bsc,
                        now - Duration::hours(1),
                        "4".parse().unwrap(),
                        max.parse().unwrap(),
                        now,
                        "driver",
                    );
                    if r.is_err() {
                        prop_assert_eq!(bsc_before, snapshot(&bsc));
                    }
                    r.map(|_| ())
                }
                Op::Wait(h) => {
                    now += Duration::hours(*h);
                    Ok(())
                }
            };
            if let (Op::Emergency(..) | Op::Reserve(..) | Op::Expire, Err(e)) = (op, &result) {
                // Choosing units never fails on good input: the proposal was valid stock.
                prop_assert!(false, "{:?} failed: {}", op, e);
            }
            if result.is_err() {
                prop_assert_eq!(snapshot(&before), snapshot(&inv), "a failed {:?} changed the stock", op);
            }
            check_accounting(&inv, &bsc, units.len());
            // The inventory's e-RaktKosh view (units rebuilt one at a time, those it would not
            // count or list left out) is the e-RaktKosh summary of every unit it holds.
            let all = inv.units().unwrap();
            let direct = rakt::eraktkosh::stock_summary(all.iter().map(|u| ("BC", u)), now).unwrap();
            let via = inv.stock_summary(now).unwrap().eraktkosh;
            match direct.centres.first() {
                Some(centre) => prop_assert_eq!(centre, &via),
                None => prop_assert!(via.components.is_empty() && via.uncounted.is_empty()),
            }
        }
    }

    #[test]
    fn the_same_request_gets_the_same_units_whatever_the_order_of_adding(
        specs in prop::collection::vec(spec(), 1..60),
        r in req(),
    ) {
        let policy = Policy::india();
        let units: Vec<BloodUnit> = specs.iter().enumerate().map(|(i, s)| make(i, s, &policy)).collect();
        let mut a = Inventory::new("BC", policy.clone());
        let mut b = Inventory::new("BC", policy);
        for u in &units {
            a.add(u.clone()).unwrap();
        }
        for u in units.iter().rev() {
            b.add(u.clone()).unwrap();
        }
        let now = start() + Duration::days(7);
        let req = request("P", &r).needed_by(now + Duration::hours(r.needed_hours));
        let x = a.allocate(&req, now).unwrap();
        prop_assert_eq!(&x, &b.allocate(&req, now).unwrap());
        check_allocation(&a, &req, &x, now);
    }
}
