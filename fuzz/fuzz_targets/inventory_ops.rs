//! Two inventories under one built-in policy, driven by a sequence of operations with arbitrary
//! units, patients, times (up to chrono's limits) and durations. Besides "no panic", after every
//! operation: a refused operation changes neither inventory; units are only added by `add` and
//! only move by `transfer`; no expiry gets later; an allocation lists each unit once, and only
//! units that were in stock for everyone at the time; a unit is held for or issued to a patient
//! exactly when its status says so. At the end every unit replays from its collection and its
//! own history to itself, and round-trips through serde JSON.
#![no_main]

mod common;

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset};
use common::{Clock, Dec, Group, ProductSpec, Stamp, bits, pick};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use rakt::inventory::{Allocation, AllocationRequest, Inventory};
use rakt::screening::{TestResult, TtiMarker};
use rakt::unit::{
    BloodUnit, Collection, DiscardReason, DonationType, EventKind, UnitEvent, UnitId,
};
use rakt::{Component, Policy, Recipient, Sex, Storage, UnitStatus};

#[derive(Arbitrary, Debug)]
struct Run {
    policy: u8,
    ops: Vec<Op>,
}

/// Which inventory (`false`: the hub, `true`: the storage centre).
type Which = bool;

#[derive(Arbitrary, Debug)]
enum Op {
    Add {
        to: Which,
        din: u8,
        division: bool,
        product: ProductSpec,
        group: Group,
        volume_ml: u32,
        donation: u8,
        first: bool,
        at: Stamp,
    },
    /// Quarantine, every mandatory marker non-reactive, grouping as labelled, release.
    Screen {
        inv: Which,
        unit: u8,
        at: Stamp,
    },
    Event {
        inv: Which,
        unit: u8,
        event: Ev,
        at: Stamp,
    },
    Allocate {
        inv: Which,
        request: Request,
        at: Stamp,
    },
    Reserve {
        inv: Which,
        request: Request,
        at: Stamp,
    },
    Crossmatch {
        inv: Which,
        units: Vec<u8>,
        patient: u8,
        until: Option<Stamp>,
        at: Stamp,
    },
    Issue {
        inv: Which,
        units: Vec<u8>,
        patient: u8,
        at: Stamp,
    },
    Emergency {
        inv: Which,
        request: Request,
        justified: bool,
        at: Stamp,
    },
    Return {
        inv: Which,
        unit: u8,
        minutes: Option<u32>,
        keep: bool,
        at: Stamp,
    },
    Cancel {
        inv: Which,
        units: Vec<u8>,
        at: Stamp,
    },
    ExpireReservations {
        inv: Which,
        at: Stamp,
    },
    DiscardExpired {
        inv: Which,
        at: Stamp,
    },
    Transfer {
        from: Which,
        units: Vec<u8>,
        dispatched: Stamp,
        min: Dec,
        max: Dec,
        at: Stamp,
    },
    Describe {
        inv: Which,
        hours: u32,
        window_days: u32,
        at: Stamp,
    },
}

#[derive(Arbitrary, Debug)]
enum Ev {
    Quarantine,
    Test {
        marker: u8,
        result: u8,
    },
    Repeat {
        marker: u8,
        first: u8,
        second: u8,
    },
    Grouping {
        forward: Option<Group>,
        reverse: Option<u8>,
    },
    Release,
    CancelReservation,
    Transfuse,
    Reaction {
        blank: bool,
    },
    Discard {
        reason: u8,
    },
    Fractionate,
    Irradiate,
    Wash,
    Open,
    Thaw {
        storage: u8,
    },
    /// Events the inventory must refuse (they have their own methods, or are not applied).
    Reserve {
        patient: u8,
        until: Stamp,
    },
    Issue {
        patient: u8,
    },
    Collected,
}

#[derive(Arbitrary, Debug)]
struct Request {
    patient: u8,
    group: Option<Group>,
    sex: Option<u8>,
    age: Option<u32>,
    anti_d: bool,
    chronic: bool,
    component: u8,
    quantity: u32,
    requirements: u8,
    needed_by: Option<Stamp>,
    hold_until: Option<Stamp>,
}

const MARKERS: &[TtiMarker] = TtiMarker::ALL;
const RESULTS: &[TestResult] = TestResult::ALL;
const STORAGES: [Storage; 3] = [
    Storage::Refrigerated,
    Storage::RoomTemperature,
    Storage::Frozen,
];

fn patient(n: u8) -> String {
    match n % 8 {
        7 => " ".to_string(),
        n => format!("P-{n}"),
    }
}

struct State {
    policy: &'static Policy,
    inv: [Inventory; 2],
    /// How each unit was collected, to replay it.
    collected: HashMap<UnitId, Collection>,
    /// Ids in the order they were first added, to pick units by a byte.
    ids: Vec<UnitId>,
    clock: Clock,
}

impl State {
    fn id(&self, n: u8) -> UnitId {
        match self.ids.len() {
            0 => UnitId {
                din: "NONE".into(),
                division: None,
            },
            len => self.ids[usize::from(n) % len].clone(),
        }
    }

    fn ids(&self, ns: &[u8]) -> Vec<UnitId> {
        ns.iter().map(|n| self.id(*n)).collect()
    }

    fn request(&mut self, r: &Request) -> AllocationRequest {
        let recipient = Recipient {
            group: r.group.map(Group::get),
            sex: r
                .sex
                .map(|s| pick(&[Sex::Female, Sex::Male, Sex::Other], s)),
            age_years: r.age,
            anti_d: r.anti_d,
            chronically_transfused: r.chronic,
        };
        let mut req = AllocationRequest::new(
            &patient(r.patient),
            recipient,
            pick(&Component::ALL, r.component),
            r.quantity,
        )
        .requiring(bits(&common::MODIFICATIONS, r.requirements));
        if let Some(t) = r.needed_by {
            req = req.needed_by(t.at(&mut self.clock));
        }
        if let Some(t) = r.hold_until {
            req = req.hold_until(t.at(&mut self.clock));
        }
        req
    }

    fn event(&mut self, ev: &Ev) -> EventKind {
        use EventKind as E;
        match ev {
            Ev::Quarantine => E::Quarantine,
            Ev::Test { marker, result } => E::RecordTest {
                marker: pick(MARKERS, *marker),
                result: pick(RESULTS, *result),
            },
            Ev::Repeat {
                marker,
                first,
                second,
            } => E::RecordRepeat {
                marker: pick(MARKERS, *marker),
                first: pick(RESULTS, *first),
                second: pick(RESULTS, *second),
            },
            Ev::Grouping { forward, reverse } => E::RecordGrouping {
                forward: forward.map(Group::get),
                reverse: reverse.map(|a| pick(&rakt::Abo::ALL, a)),
                historical: None,
            },
            Ev::Release => E::Release,
            Ev::CancelReservation => E::CancelReservation,
            Ev::Transfuse => E::Transfuse,
            Ev::Reaction { blank } => E::TransfuseWithReaction {
                details: if *blank { " " } else { "fever" }.into(),
            },
            Ev::Discard { reason } => E::Discard {
                reason: match reason % 5 {
                    0 => DiscardReason::Expired,
                    1 => DiscardReason::Leakage,
                    2 => DiscardReason::TtiReactive,
                    3 => DiscardReason::Other("\u{200b}".into()),
                    _ => DiscardReason::Other("dropped".into()),
                },
            },
            Ev::Fractionate => E::SendForFractionation,
            Ev::Irradiate => E::Irradiate,
            Ev::Wash => E::Wash,
            Ev::Open => E::Open,
            Ev::Thaw { storage } => E::Thaw {
                storage: pick(&STORAGES, *storage),
            },
            Ev::Reserve { patient: p, until } => E::Reserve {
                patient: patient(*p),
                until: until.at(&mut self.clock),
            },
            Ev::Issue { patient: p } => E::Issue {
                patient: patient(*p),
            },
            Ev::Collected => E::Collected,
        }
    }

    fn snapshot(&self) -> [Vec<BloodUnit>; 2] {
        [0, 1].map(|i| self.inv[i].units().expect("every stored unit reads back"))
    }

    fn find(&self, id: &UnitId) -> Option<BloodUnit> {
        self.inv
            .iter()
            .find(|inv| inv.contains(id))
            .map(|inv| inv.get(id).expect("a unit it holds reads back"))
    }
}

/// An allocation lists each unit once, and only units in stock for everyone at `as_of`; when it
/// was carried out, the units are now `status` for the patient.
fn check_allocation(
    a: &Allocation,
    before: &[Vec<BloodUnit>; 2],
    inv: &Inventory,
    as_of: DateTime<FixedOffset>,
    status: Option<UnitStatus>,
) {
    let ids = a.ids();
    let unique: BTreeSet<&UnitId> = ids.iter().collect();
    assert_eq!(
        unique.len(),
        ids.len(),
        "an allocation lists a unit twice: {ids:?}"
    );
    for id in &ids {
        let was = before
            .iter()
            .flatten()
            .find(|u| u.id() == id)
            .expect("allocated unit existed");
        assert_eq!(
            was.status_at(as_of),
            UnitStatus::Released,
            "allocated {id}, which was not in stock for everyone: {was:?}"
        );
        if let Some(status) = status {
            let now = inv.get(id).expect("allocated unit stays");
            assert_eq!(now.status(), status, "allocated {id} is not {status}");
            assert_eq!(
                now.reservation().map(|r| r.patient.as_str()),
                Some(a.patient.as_str()),
                "allocated {id} is not held for the patient"
            );
        }
    }
}

fn apply(s: &mut State, op: &Op) -> Result<(), rakt::RaktError> {
    let before = s.snapshot();
    let ix = |w: &Which| usize::from(*w);
    match op {
        Op::Add {
            to,
            din,
            division,
            product,
            group,
            volume_ml,
            donation,
            first,
            at,
        } => {
            let c = Collection {
                din: format!("DIN-{din}"),
                division: division.then(|| "A0".to_string()),
                product: product.get()?,
                group: group.get(),
                volume_ml: *volume_ml,
                donation_type: pick(DonationType::ALL, *donation),
                donor_id: None,
                first_donation: *first,
                collected_at: at.at(&mut s.clock),
            };
            let unit = BloodUnit::collect(c.clone(), "tech", s.policy)?;
            let id = unit.id().clone();
            if s.collected.contains_key(&id) && !s.inv[ix(to)].contains(&id) {
                return Ok(()); // the same id in the other inventory: a different unit, not a duplicate
            }
            s.inv[ix(to)].add(unit)?;
            assert_eq!(
                s.inv[ix(to)].len(),
                before[ix(to)].len() + 1,
                "add did not add one unit"
            );
            s.collected.insert(id.clone(), c);
            s.ids.push(id);
        }
        Op::Screen { inv, unit, at } => {
            let id = s.id(*unit);
            let at = at.at(&mut s.clock);
            let group = s.find(&id).map(|u| u.group());
            let mut kinds = vec![EventKind::Quarantine];
            let markers = s
                .policy
                .screening
                .mandatory_markers
                .iter()
                .chain(&s.policy.screening.first_donation_markers);
            kinds.extend(markers.map(|m| EventKind::RecordTest {
                marker: *m,
                result: TestResult::NonReactive,
            }));
            kinds.push(EventKind::RecordGrouping {
                forward: group,
                reverse: group.map(|g| g.abo()),
                historical: None,
            });
            kinds.push(EventKind::Release);
            for kind in kinds {
                step(s, &UnitEvent::new(at, "tech", kind), *inv, &id)?;
            }
        }
        Op::Event {
            inv,
            unit,
            event,
            at,
        } => {
            let id = s.id(*unit);
            let kind = s.event(event);
            let refused = matches!(
                kind,
                EventKind::Reserve { .. } | EventKind::Issue { .. } | EventKind::Collected
            );
            let event = UnitEvent::new(at.at(&mut s.clock), "tech", kind);
            let r = step(s, &event, *inv, &id);
            assert!(
                !(refused && r.is_ok()),
                "Inventory::apply accepted an event it must refuse: {event:?}"
            );
            r?;
        }
        Op::Allocate { inv, request, at } => {
            let req = s.request(request);
            let at = at.at(&mut s.clock);
            let a = s.inv[ix(inv)].allocate(&req, at)?;
            check_allocation(&a, &before, &s.inv[ix(inv)], at, None);
        }
        Op::Reserve { inv, request, at } => {
            let req = s.request(request);
            let at = at.at(&mut s.clock);
            let a = s.inv[ix(inv)].reserve(&req, at, "clerk")?;
            check_allocation(&a, &before, &s.inv[ix(inv)], at, Some(UnitStatus::Reserved));
        }
        Op::Emergency {
            inv,
            request,
            justified,
            at,
        } => {
            let req = s.request(request);
            let at = at.at(&mut s.clock);
            let why = if *justified {
                "massive haemorrhage"
            } else {
                "\t"
            };
            let a = s.inv[ix(inv)].emergency_release(&req, why, at, "doctor")?;
            check_allocation(&a, &before, &s.inv[ix(inv)], at, Some(UnitStatus::Issued));
        }
        Op::Crossmatch {
            inv,
            units,
            patient: p,
            until,
            at,
        } => {
            let ids = s.ids(units);
            let until = until.map(|u| u.at(&mut s.clock));
            let at = at.at(&mut s.clock);
            s.inv[ix(inv)].crossmatch(&ids, &patient(*p), until, at, "lab")?;
        }
        Op::Issue {
            inv,
            units,
            patient: p,
            at,
        } => {
            let ids = s.ids(units);
            let at = at.at(&mut s.clock);
            s.inv[ix(inv)].issue(&ids, &patient(*p), at, "nurse")?;
        }
        Op::Return {
            inv,
            unit,
            minutes,
            keep,
            at,
        } => {
            let id = s.id(*unit);
            let at = at.at(&mut s.clock);
            s.inv[ix(inv)].return_unit(&id, *minutes, *keep, at, "nurse")?;
        }
        Op::Cancel { inv, units, at } => {
            let ids = s.ids(units);
            let at = at.at(&mut s.clock);
            s.inv[ix(inv)].cancel(&ids, at, "clerk")?;
        }
        Op::ExpireReservations { inv, at } => {
            let at = at.at(&mut s.clock);
            s.inv[ix(inv)].expire_reservations(at, "system")?;
        }
        Op::DiscardExpired { inv, at } => {
            let at = at.at(&mut s.clock);
            for id in s.inv[ix(inv)].discard_expired(at, "system")? {
                let u = s.inv[ix(inv)].get(&id).expect("discarded unit stays");
                assert!(
                    u.is_expired(at),
                    "discarded {id} as expired before its expiry"
                );
            }
        }
        Op::Transfer {
            from,
            units,
            dispatched,
            min,
            max,
            at,
        } => {
            let ids = s.ids(units);
            let dispatched = dispatched.at(&mut s.clock);
            let at = at.at(&mut s.clock);
            let [hub, centre] = &mut s.inv;
            let (src, dst) = if *from { (centre, hub) } else { (hub, centre) };
            let moved = src.transfer(&ids, dst, dispatched, min.get(), max.get(), at, "driver")?;
            let n = moved.received.len() + moved.discarded.len();
            assert_eq!(
                src.len() + n,
                before[usize::from(*from)].len(),
                "transfer did not take the units away"
            );
            assert_eq!(
                dst.len(),
                before[usize::from(!*from)].len() + n,
                "transfer did not bring the units"
            );
        }
        Op::Describe {
            inv,
            hours,
            window_days,
            at,
        } => {
            let at = at.at(&mut s.clock);
            let inv = &s.inv[ix(inv)];
            let _ = inv.expiring_within(at, *hours);
            let _ = inv.check_levels(&[], at);
            let summary = inv.stock_summary(at);
            let days = inv.days_of_stock(at, *window_days);
            let below = inv.below_minimum(at);
            let centre = inv.storage_centre_check(at);
            summary?;
            days?;
            below?;
            centre?;
        }
    }
    Ok(())
}

/// One event through `Inventory::apply`, on the inventory that holds the unit (or the chosen
/// one, which then refuses it).
fn step(s: &mut State, event: &UnitEvent, inv: Which, id: &UnitId) -> Result<(), rakt::RaktError> {
    let i = if s.inv[1].contains(id) {
        1
    } else if s.inv[0].contains(id) {
        0
    } else {
        usize::from(inv)
    };
    let before = s.snapshot();
    let r = s.inv[i].apply(id, event).map(|_| ());
    if r.is_err() {
        assert_eq!(
            s.snapshot(),
            before,
            "a refused event changed the inventory"
        );
    }
    r
}

fn check(s: &State, before: &[Vec<BloodUnit>; 2], op: &Op) {
    let after = s.snapshot();
    let count = |v: &[Vec<BloodUnit>; 2]| v[0].len() + v[1].len();
    if !matches!(op, Op::Add { .. }) {
        assert_eq!(count(&after), count(before), "units appeared or vanished");
    }
    if !matches!(op, Op::Add { .. } | Op::Transfer { .. }) {
        assert_eq!(
            [after[0].len(), after[1].len()],
            [before[0].len(), before[1].len()],
            "units moved"
        );
    }
    let expiry: HashMap<&UnitId, DateTime<FixedOffset>> = before
        .iter()
        .flatten()
        .map(|u| (u.id(), u.expiry().expires_at))
        .collect();
    for u in after.iter().flatten() {
        if let Some(was) = expiry.get(u.id()) {
            assert!(
                u.expiry().expires_at <= *was,
                "{} expires later after {op:?}",
                u.id()
            );
        }
        let holds = matches!(
            u.status(),
            UnitStatus::Reserved
                | UnitStatus::Crossmatched
                | UnitStatus::Returned
                | UnitStatus::Issued
                | UnitStatus::Transfused
                | UnitStatus::TransfusedWithReaction
        );
        assert_eq!(
            holds,
            u.reservation().is_some(),
            "{} is {} with reservation {:?}",
            u.id(),
            u.status(),
            u.reservation()
        );
    }
}

fn end_checks(s: &State) {
    for u in s
        .inv
        .iter()
        .flat_map(|inv| inv.units().expect("every stored unit reads back"))
    {
        let u = &u;
        let c = s
            .collected
            .get(u.id())
            .expect("every unit was collected here")
            .clone();
        let mut replay =
            BloodUnit::collect(c, "tech", s.policy).expect("a collected unit collects again");
        for e in u.history().iter().skip(1) {
            let event = UnitEvent::new(e.at, &e.actor, e.kind.clone());
            replay = replay.apply(&event, s.policy).unwrap_or_else(|err| {
                panic!("{} does not replay its history at {e:?}: {err}", u.id())
            });
        }
        assert_eq!(&replay, u, "a unit is not what its own history makes it");
        let json = serde_json::to_string(u).expect("a unit serialises");
        let back: BloodUnit = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("a unit does not deserialise: {e}\n{json}"));
        assert_eq!(&back, u, "a unit changes through serde JSON");
    }
}

/// The two empty inventories of each built-in policy, made once (a policy is large to build).
fn empty(policy: u8) -> &'static (Policy, [Inventory; 2]) {
    static EMPTY: OnceLock<Vec<(Policy, [Inventory; 2])>> = OnceLock::new();
    let all = EMPTY.get_or_init(|| {
        [Policy::india(), Policy::us(), Policy::uk()]
            .into_iter()
            .map(|p| {
                let pair = [
                    Inventory::new("HUB-1", p.clone()),
                    Inventory::new("BSC-2", p.clone()),
                ];
                (p, pair)
            })
            .collect()
    });
    &all[usize::from(policy) % all.len()]
}

fuzz_target!(|run: Run| {
    let (policy, inv) = empty(run.policy);
    let mut s = State {
        inv: inv.clone(),
        policy,
        collected: HashMap::new(),
        ids: Vec::new(),
        clock: Clock::default(),
    };
    for op in run.ops.iter().take(64) {
        let before = s.snapshot();
        if apply(&mut s, op).is_err() && !matches!(op, Op::Screen { .. }) {
            assert_eq!(
                s.snapshot(),
                before,
                "a refused {op:?} changed an inventory"
            );
        }
        check(&s, &before, op);
    }
    end_checks(&s);
});
