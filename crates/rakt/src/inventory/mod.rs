//! Stock that never issues the wrong unit: FEFO allocation, reservations, issue and return,
//! emergency release, and what the stock looks like.
//!
//! An [`Inventory`] keeps the units of one facility, indexed by component, exact donor group and
//! special attributes, each index ordered by expiry. Every change goes through the unit
//! lifecycle ([`BloodUnit::apply`]): the inventory only decides *which* units, and keeps its
//! index in step. An operation on several units checks all of them before it changes any, so a
//! failed operation changes nothing.
//!
//! - [`Inventory::allocate`] proposes units for an [`AllocationRequest`] without changing
//!   anything: released, compatible, not held for anyone else, not expired at the time needed,
//!   with the special requirements; donor groups in the policy's order, first-expiring first
//!   within a group, scarce groups (O RhD-negative) kept back by the policy's rule. A shortfall
//!   says why each donor group could not help.
//! - [`Inventory::reserve`] allocates and holds the units for the patient until a time (the
//!   policy's reservation period by default); [`Inventory::crossmatch`], [`Inventory::issue`],
//!   [`Inventory::return_unit`] and [`Inventory::cancel`] move them on; a lapsed hold is back
//!   in stock for everyone else, and [`Inventory::expire_reservations`] records that.
//! - [`Inventory::emergency_release`] issues group O (per the compatibility rules for a
//!   recipient of unknown group) before compatibility testing, with a recorded justification,
//!   and flags the units for follow-up.
//! - [`Inventory::stock_summary`], [`Inventory::expiring_within`], [`Inventory::days_of_stock`],
//!   [`Inventory::below_minimum`] and [`Inventory::storage_centre_check`] describe the stock.
//!
//! A national stock holds a million units, so the inventory keeps each unit packed: what it was
//! collected as and the events applied to it, without their reasons (actors and plain event
//! kinds shared between units), about 700 bytes a unit with the index against 4 KB as a
//! [`BloodUnit`] value. [`Inventory::get`] and [`Inventory::units`] rebuild units by replaying
//! their events through the policy, reasons and all; a unit is packed only when the replay
//! gives it back exactly, and kept whole otherwise (split, pooled, read from a label, imported,
//! or made under another policy). Allocation and the stock views read only the index and the
//! few values kept beside each packed unit (status, expiry, hold, product, event times).
//!
//! Sources: `research/blood.md` §1 (compatibility, emergency release), §8 (FEFO, reservation
//! period, days of stock) and `research/maternal.md` §5.3 (blood storage centre stock norms).

mod allocate;
mod stock;
mod stored;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, FixedOffset};

pub use allocate::{
    AllocatedUnit, Allocation, AllocationRequest, ClassCounts, SkipReason, SkippedClass,
};
pub use stock::{DaysOfStock, ExpiringUnit, InventorySummary, StockCheck, StockGap, StockRow};

use crate::blood_group::BloodGroup;
use crate::component::{Component, Modification};
use crate::error::{RaktError, Result};
use crate::policy::Policy;
use crate::unit::{BloodUnit, EventKind, Interner, UnitEvent, UnitId, UnitStatus};
use stored::Stored;

/// The modifications a request may require, as bits of an index key.
const REQUIREMENT_BITS: [Modification; 5] = [
    Modification::Irradiated,
    Modification::Leucoreduced,
    Modification::Washed,
    Modification::CmvNegative,
    Modification::PathogenReduced,
];

fn requirement_mask<'a>(mods: impl IntoIterator<Item = &'a Modification>) -> u8 {
    let mut mask = 0u8;
    for m in mods {
        if let Some(bit) = REQUIREMENT_BITS.iter().position(|r| r == m) {
            mask |= 1 << bit;
        }
    }
    mask
}

/// Where a unit sits in the index: component, exact donor group, special attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Key {
    component: Component,
    group: BloodGroup,
    mods: u8,
}

impl Key {
    fn of(unit: &Stored) -> Key {
        Key {
            component: unit.product().component(),
            group: unit.group(),
            mods: requirement_mask(unit.product().modifications()),
        }
    }
}

type Entry = (DateTime<FixedOffset>, UnitId);

/// The units of one index key: released ones by expiry, held ones by the end of their hold.
#[derive(Debug, Clone, Default)]
struct Bucket {
    available: BTreeSet<Entry>,
    held: BTreeSet<Entry>,
}

/// The smallest unit id, to start a range of entries at a time.
fn first_id() -> UnitId {
    UnitId {
        din: String::new(),
        division: None,
    }
}

impl Bucket {
    /// Released units still valid after `t` (expiring later), soonest first.
    fn valid_after(&self, t: DateTime<FixedOffset>) -> impl Iterator<Item = &Entry> {
        self.available
            .range((t, first_id())..)
            .filter(move |(e, _)| *e > t)
    }

    /// Released units expired at `t` (expiring at or before it).
    fn expired_at(&self, t: DateTime<FixedOffset>) -> impl Iterator<Item = &Entry> {
        self.available.iter().take_while(move |(e, _)| *e <= t)
    }

    /// Units whose hold has lapsed by `t`: stock again for everyone.
    fn lapsed(&self, t: DateTime<FixedOffset>) -> impl Iterator<Item = &UnitId> {
        self.held
            .iter()
            .take_while(move |(until, _)| *until <= t)
            .map(|(_, id)| id)
    }
}

/// The stock of one facility. See the [module docs](self).
///
/// ```
/// use rakt::inventory::{AllocationRequest, Inventory};
/// use rakt::unit::{BloodUnit, Collection, DonationType, EventKind, UnitEvent};
/// use rakt::{BloodGroup, Component, Policy, Preservative, Product, Recipient, TestResult};
/// let policy = Policy::india();
/// let t = |s: &str| rakt::parse_timestamp(s);
/// // A released O+ red-cell unit (tests recorded, grouping confirmed).
/// let mut unit = BloodUnit::collect(Collection {
///     din: "DIN-1".into(), division: None,
///     product: Product::red_cells(Preservative::AdditiveSolution),
///     group: BloodGroup::parse("O+")?, volume_ml: 280, donation_type: DonationType::Voluntary,
///     donor_id: None, first_donation: false, collected_at: t("2026-11-01T09:00:00+05:30")?,
/// }, "tech", &policy)?;
/// let at = t("2026-11-01T12:00:00+05:30")?;
/// let mut events = vec![EventKind::Quarantine];
/// for marker in policy.screening.mandatory_markers.clone() {
///     events.push(EventKind::RecordTest { marker, result: TestResult::NonReactive });
/// }
/// events.push(EventKind::RecordGrouping {
///     forward: Some(BloodGroup::parse("O+")?), reverse: Some(rakt::Abo::O), historical: None,
/// });
/// events.push(EventKind::Release);
/// for kind in events {
///     unit = unit.apply(&UnitEvent::new(at, "tech", kind), &policy)?;
/// }
///
/// let mut inventory = Inventory::new("FRU-1", policy.clone());
/// inventory.add(unit)?;
/// let request = AllocationRequest::new("P-7", Recipient::new(BloodGroup::parse("A+")?), Component::RedCells, 2);
/// let proposal = inventory.allocate(&request, t("2026-11-02T08:00:00+05:30")?)?;
/// assert_eq!(proposal.units.len(), 1);
/// assert_eq!(proposal.shortfall, 1);
/// let held = inventory.reserve(&request, t("2026-11-02T08:00:00+05:30")?, "clerk")?;
/// assert_eq!(held.ids().first().map(|id| id.din.as_str()), Some("DIN-1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Inventory {
    facility: String,
    policy: Policy,
    /// The units, packed where replaying rebuilds them ([`stored`]).
    units: Vec<Stored>,
    /// Actors and event kinds shared by the packed units.
    shared: Interner,
    slots: HashMap<UnitId, usize>,
    buckets: BTreeMap<Key, Bucket>,
    /// Units per component, basic donor group and recorded status.
    census: HashMap<(Component, BloodGroup), BTreeMap<UnitStatus, u32>>,
}

impl Inventory {
    /// An empty inventory for a facility, under a policy.
    pub fn new(facility: &str, policy: Policy) -> Inventory {
        Inventory {
            facility: facility.to_string(),
            policy,
            units: Vec::new(),
            shared: Interner::default(),
            slots: HashMap::new(),
            buckets: BTreeMap::new(),
            census: HashMap::new(),
        }
    }

    /// The facility's identifier.
    pub fn facility(&self) -> &str {
        &self.facility
    }

    /// The policy the inventory applies.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// How many units the inventory holds (in any status).
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether the inventory holds no unit.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Whether the inventory holds a unit with this id.
    pub fn contains(&self, id: &UnitId) -> bool {
        self.slots.contains_key(id)
    }

    /// A unit by id, with its whole history and every reason in it; a unit that is not in the
    /// inventory is refused ([`RaktError::InvalidInput`], `unit`).
    ///
    /// The inventory keeps most units packed (their collection and events, without the
    /// reasons) and rebuilds them when read, by replaying their events through the policy:
    /// a few microseconds a unit. Reading never changes a unit: it is packed only when the
    /// replay gives it back exactly.
    pub fn get(&self, id: &UnitId) -> Result<BloodUnit> {
        self.stored(id)?.unit(&self.policy)
    }

    /// Every unit, in the order they were added (a unit transferred out leaves its place to the
    /// last unit), each rebuilt as [`Inventory::get`] does.
    pub fn units(&self) -> Result<Vec<BloodUnit>> {
        self.units.iter().map(|u| u.unit(&self.policy)).collect()
    }

    /// The stored unit by id.
    fn stored(&self, id: &UnitId) -> Result<&Stored> {
        self.find(id)
            .ok_or_else(|| RaktError::input("unit", format!("unit {id} is not in the inventory")))
    }

    /// The stored unit by id, if any.
    fn find(&self, id: &UnitId) -> Option<&Stored> {
        self.slots.get(id).and_then(|&s| self.units.get(s))
    }

    /// Add a unit in any status (quarantined, released, issued, discarded: every unit is
    /// accounted for). A unit whose id is already in the inventory is refused, and so is one
    /// the inventory's policy cannot vouch for ([`BloodUnit::verify`]: a state its history does
    /// not explain, or an expiry later than the policy's shelf life); the inventory is then
    /// unchanged.
    pub fn add(&mut self, unit: BloodUnit) -> Result<()> {
        unit.verify(&self.policy)?;
        if self.slots.contains_key(unit.id()) {
            return Err(RaktError::not_applicable(
                "DUPLICATE_UNIT",
                format!("unit {} is already in the inventory", unit.id()),
            ));
        }
        let slot = self.units.len();
        self.slots.insert(unit.id().clone(), slot);
        let stored = Stored::new(unit, &self.policy, &mut self.shared);
        self.index(&stored);
        self.units.push(stored);
        Ok(())
    }

    /// Apply any lifecycle event that does not hand a unit to a patient or move it away
    /// (quarantine, test results, release, transfuse, discard, modifications, ...).
    /// Reservations, crossmatches, issues and emergency issues have their own methods, which
    /// check the patient's hold; a transfer goes through [`Inventory::transfer`], which moves
    /// the unit to the receiving inventory (applied here, the unit would say it had moved while
    /// staying in this stock). Those events are refused with `USE_INVENTORY_METHOD`.
    pub fn apply(&mut self, id: &UnitId, event: &UnitEvent) -> Result<BloodUnit> {
        if matches!(
            event.kind,
            EventKind::Reserve { .. }
                | EventKind::Crossmatch { .. }
                | EventKind::Issue { .. }
                | EventKind::EmergencyIssue { .. }
                | EventKind::Transfer { .. }
        ) {
            return Err(RaktError::not_applicable(
                "USE_INVENTORY_METHOD",
                format!(
                    "use reserve, crossmatch, issue, emergency_release or transfer to {} a unit",
                    event.kind.name()
                ),
            ));
        }
        let mut changed = self.commit(vec![(self.slot(id)?, event.clone())])?;
        changed
            .pop()
            .ok_or_else(|| RaktError::input("unit", format!("unit {id} is not in the inventory")))
    }

    /// Propose units for a request at `as_of`. Changes nothing; the same request against the
    /// same stock always gives the same answer. See [`AllocationRequest`] for the rules.
    pub fn allocate(
        &self,
        request: &AllocationRequest,
        as_of: DateTime<FixedOffset>,
    ) -> Result<Allocation> {
        allocate::allocate(self, request, as_of)
    }

    /// Allocate and hold the units for the request's patient until `request.hold_until`, or
    /// `as_of` plus the policy's reservation period. Returns the allocation (with any
    /// shortfall); the units it lists are reserved.
    pub fn reserve(
        &mut self,
        request: &AllocationRequest,
        as_of: DateTime<FixedOffset>,
        actor: &str,
    ) -> Result<Allocation> {
        let allocation = self.allocate(request, as_of)?;
        let until = match request.hold_until {
            Some(until) => until,
            None => self.hold_until(as_of)?,
        };
        let events = self.events_for(&allocation, as_of, actor, |patient| EventKind::Reserve {
            patient: patient.to_string(),
            until,
        })?;
        self.commit(events)?;
        Ok(allocation)
    }

    /// Crossmatch units already held for `patient`, holding them until `until` (the policy's
    /// reservation period from `at` by default).
    pub fn crossmatch(
        &mut self,
        ids: &[UnitId],
        patient: &str,
        until: Option<DateTime<FixedOffset>>,
        at: DateTime<FixedOffset>,
        actor: &str,
    ) -> Result<()> {
        let until = match until {
            Some(until) => until,
            None => self.hold_until(at)?,
        };
        let events = self.held_events(ids, patient, at, actor, || EventKind::Crossmatch {
            patient: patient.to_string(),
            until,
        })?;
        self.commit(events).map(drop)
    }

    /// Issue units held (reserved, crossmatched or returned and kept) for `patient`. A unit
    /// that is not held for the patient is refused (`NOT_HELD_FOR_PATIENT`): allocate and
    /// reserve it first, or use [`Inventory::emergency_release`].
    pub fn issue(
        &mut self,
        ids: &[UnitId],
        patient: &str,
        at: DateTime<FixedOffset>,
        actor: &str,
    ) -> Result<()> {
        let events = self.held_events(ids, patient, at, actor, || EventKind::Issue {
            patient: patient.to_string(),
        })?;
        self.commit(events).map(drop)
    }

    /// Release units before compatibility testing in an emergency: allocate for the request
    /// (a recipient of unknown group gets group O by the compatibility rules' emergency
    /// release) and issue the units at once, recording the justification and the actor. The
    /// units are flagged for follow-up ([`BloodUnit::emergency_release`]). A missing
    /// justification is refused; a shortfall is reported, and the units found are issued.
    pub fn emergency_release(
        &mut self,
        request: &AllocationRequest,
        justification: &str,
        at: DateTime<FixedOffset>,
        actor: &str,
    ) -> Result<Allocation> {
        if crate::text::is_blank(justification) {
            return Err(RaktError::input(
                "justification",
                "say why the urgency justified release before compatibility testing",
            ));
        }
        if crate::text::is_blank(actor) {
            return Err(RaktError::input("actor", "say who released the units"));
        }
        let allocation = self.allocate(request, at)?;
        let events = self.events_for(&allocation, at, actor, |patient| {
            EventKind::EmergencyIssue {
                patient: patient.to_string(),
                justification: justification.to_string(),
            }
        })?;
        self.commit(events)?;
        Ok(allocation)
    }

    /// Return an issued unit: back to stock within the policy's time out of controlled
    /// storage (kept for the patient when `keep_for_patient`), discarded when later.
    pub fn return_unit(
        &mut self,
        id: &UnitId,
        minutes_out_of_storage: Option<u32>,
        keep_for_patient: bool,
        at: DateTime<FixedOffset>,
        actor: &str,
    ) -> Result<BloodUnit> {
        let kind = EventKind::Return {
            minutes_out_of_storage,
            keep_for_patient,
        };
        let mut changed = self.commit(vec![(self.slot(id)?, UnitEvent::new(at, actor, kind))])?;
        changed
            .pop()
            .ok_or_else(|| RaktError::input("unit", format!("unit {id} is not in the inventory")))
    }

    /// Cancel the holds on units (reserved, crossmatched or returned): they are back in stock.
    pub fn cancel(&mut self, ids: &[UnitId], at: DateTime<FixedOffset>, actor: &str) -> Result<()> {
        self.cancel_each(unique(ids)?.into_iter(), at, actor)
    }

    /// A `CancelReservation` event on each unit, all or nothing (none at all is fine here).
    fn cancel_each<'a>(
        &mut self,
        ids: impl Iterator<Item = &'a UnitId>,
        at: DateTime<FixedOffset>,
        actor: &str,
    ) -> Result<()> {
        let mut events = Vec::new();
        for id in ids {
            events.push((
                self.slot(id)?,
                UnitEvent::new(at, actor, EventKind::CancelReservation),
            ));
        }
        self.commit(events).map(drop)
    }

    /// Record the end of every hold that has lapsed by `at` (a `CancelReservation` event on
    /// each unit), returning their ids. Lapsed holds are already stock for
    /// [`Inventory::allocate`]; this writes it into the units' histories.
    pub fn expire_reservations(
        &mut self,
        at: DateTime<FixedOffset>,
        actor: &str,
    ) -> Result<Vec<UnitId>> {
        let mut lapsed: Vec<UnitId> = Vec::new();
        for bucket in self.buckets.values() {
            lapsed.extend(bucket.lapsed(at).cloned());
        }
        lapsed.sort();
        self.cancel_each(lapsed.iter(), at, actor)?;
        Ok(lapsed)
    }

    /// Discard every released unit that is expired at `at` (reason `expired`), returning their
    /// ids: the daily clearing of the shelves. Held units are left to their holds.
    pub fn discard_expired(
        &mut self,
        at: DateTime<FixedOffset>,
        actor: &str,
    ) -> Result<Vec<UnitId>> {
        let mut expired: Vec<UnitId> = Vec::new();
        for bucket in self.buckets.values() {
            expired.extend(bucket.expired_at(at).map(|(_, id)| id.clone()));
        }
        expired.sort();
        let mut events = Vec::new();
        for id in &expired {
            let kind = EventKind::Discard {
                reason: crate::unit::DiscardReason::Expired,
            };
            events.push((self.slot(id)?, UnitEvent::new(at, actor, kind)));
        }
        self.commit(events)?;
        Ok(expired)
    }

    /// Carry released units from this facility to another (a hub blood centre supplying a
    /// storage centre), recorded on receipt as a `Transfer` event with the lowest and highest
    /// temperatures logged on the way, judged by the *receiving* facility's policy
    /// (`inventory.transport`, per storage). Units within range arrive released; units
    /// outside it arrive discarded for a cold-chain break (`COLD_CHAIN_BREACH`). Every unit
    /// must be released here and unknown there, and its expiry no later than the receiver's
    /// policy allows ([`BloodUnit::verify`], as [`Inventory::add`] checks); otherwise nothing
    /// moves.
    #[allow(clippy::too_many_arguments)]
    pub fn transfer(
        &mut self,
        ids: &[UnitId],
        to: &mut Inventory,
        dispatched_at: DateTime<FixedOffset>,
        min_celsius: rust_decimal::Decimal,
        max_celsius: rust_decimal::Decimal,
        at: DateTime<FixedOffset>,
        actor: &str,
    ) -> Result<TransferOutcome> {
        let mut moved = Vec::new();
        for id in unique(ids)? {
            let slot = self.slot(id)?;
            if to.slots.contains_key(id) {
                return Err(RaktError::not_applicable(
                    "DUPLICATE_UNIT",
                    format!("unit {id} is already at {}", to.facility),
                ));
            }
            let unit = self
                .units
                .get(slot)
                .ok_or_else(|| RaktError::input("unit", format!("unit {id} is not stored")))?
                .unit(&self.policy)?;
            let event = UnitEvent::new(
                at,
                actor,
                EventKind::Transfer {
                    from: self.facility.clone(),
                    to: to.facility.clone(),
                    dispatched_at,
                    min_celsius,
                    max_celsius,
                },
            );
            let arrived = unit
                .apply(&event, &to.policy)
                .and_then(|u| u.verify(&to.policy).map(|()| u))
                .map_err(|e| e.in_context(&format!("unit {id}")))?;
            moved.push(arrived);
        }
        let mut outcome = TransferOutcome::default();
        for arrived in moved {
            let id = arrived.id().clone();
            self.remove(&id);
            if arrived.status() == UnitStatus::Discarded {
                outcome.discarded.push(id);
            } else {
                outcome.received.push(id);
            }
            to.slots.insert(arrived.id().clone(), to.units.len());
            let stored = Stored::new(arrived, &to.policy, &mut to.shared);
            to.index(&stored);
            to.units.push(stored);
        }
        Ok(outcome)
    }

    /// Take a unit out of this inventory (it moved elsewhere).
    fn remove(&mut self, id: &UnitId) {
        let Some(slot) = self.slots.remove(id) else {
            return;
        };
        if let Some(old) = self.units.get(slot).cloned() {
            self.unindex(&old);
        }
        if slot < self.units.len() {
            self.units.swap_remove(slot);
        }
        if let Some(moved) = self.units.get(slot) {
            self.slots.insert(moved.id().clone(), slot);
        }
    }

    /// The units flagged by an emergency release, for follow-up, in the order they were added.
    pub fn emergency_releases(&self) -> Result<Vec<BloodUnit>> {
        self.units
            .iter()
            .filter(|u| {
                u.events()
                    .any(|(_, k)| matches!(k, EventKind::EmergencyIssue { .. }))
            })
            .map(|u| u.unit(&self.policy))
            .collect()
    }

    /// `at` plus the policy's reservation period; a sum past the calendar's range is refused.
    fn hold_until(&self, at: DateTime<FixedOffset>) -> Result<DateTime<FixedOffset>> {
        let hours = self.policy.inventory.reservation_hours;
        at.checked_add_signed(chrono::TimeDelta::hours(i64::from(hours)))
            .and_then(crate::time::time_within_calendar)
            .ok_or_else(|| {
                RaktError::policy(
                    "inventory.reservation_hours",
                    format!("{hours} hours from {at} is out of the calendar's range"),
                )
            })
    }

    fn slot(&self, id: &UnitId) -> Result<usize> {
        self.slots
            .get(id)
            .copied()
            .ok_or_else(|| RaktError::input("unit", format!("unit {id} is not in the inventory")))
    }

    fn events_for(
        &self,
        allocation: &Allocation,
        at: DateTime<FixedOffset>,
        actor: &str,
        kind: impl Fn(&str) -> EventKind,
    ) -> Result<Vec<(usize, UnitEvent)>> {
        allocation
            .units
            .iter()
            .map(|u| {
                Ok((
                    self.slot(&u.id)?,
                    UnitEvent::new(at, actor, kind(&allocation.patient)),
                ))
            })
            .collect()
    }

    /// Events for units that must be held for `patient` at `at`.
    fn held_events(
        &self,
        ids: &[UnitId],
        patient: &str,
        at: DateTime<FixedOffset>,
        actor: &str,
        kind: impl Fn() -> EventKind,
    ) -> Result<Vec<(usize, UnitEvent)>> {
        let mut events = Vec::new();
        for id in unique(ids)? {
            let slot = self.slot(id)?;
            let unit = self.stored(id)?;
            let held = matches!(
                unit.status_at(at),
                UnitStatus::Reserved | UnitStatus::Crossmatched | UnitStatus::Returned
            ) && unit.reservation().is_some_and(|r| r.patient == patient);
            if !held {
                return Err(RaktError::not_applicable(
                    "NOT_HELD_FOR_PATIENT",
                    format!(
                        "unit {id} is {} and not held for patient {patient:?} at {}",
                        unit.status_at(at),
                        at.to_rfc3339()
                    ),
                ));
            }
            events.push((slot, UnitEvent::new(at, actor, kind())));
        }
        Ok(events)
    }

    /// Apply every event to its unit, or none: all new units are computed first. The units as
    /// changed, in the order of `events`.
    fn commit(&mut self, events: Vec<(usize, UnitEvent)>) -> Result<Vec<BloodUnit>> {
        let mut next = Vec::with_capacity(events.len());
        for (slot, event) in &events {
            let stored = self
                .units
                .get(*slot)
                .ok_or_else(|| RaktError::input("unit", "no such unit slot"))?;
            let changed = stored
                .unit(&self.policy)
                .and_then(|unit| unit.apply(event, &self.policy))
                .map_err(|e| e.in_context(&format!("unit {}", stored.id())))?;
            next.push(changed);
        }
        for ((slot, event), changed) in events.iter().zip(&next) {
            let Some(old) = self.units.get(*slot).cloned() else {
                continue;
            };
            self.unindex(&old);
            let stored = old.then(event, changed, &mut self.shared);
            self.index(&stored);
            if let Some(place) = self.units.get_mut(*slot) {
                *place = stored;
            }
        }
        Ok(next)
    }

    fn index(&mut self, unit: &Stored) {
        *self
            .census
            .entry((unit.product().component(), unit.group().basic()))
            .or_default()
            .entry(unit.status())
            .or_default() += 1;
        let key = Key::of(unit);
        let entry = (unit.expires_at(), unit.id().clone());
        if unit.status() == UnitStatus::Released {
            self.buckets.entry(key).or_default().available.insert(entry);
        } else if let Some(until) = hold_end(unit) {
            let held = (until, unit.id().clone());
            self.buckets.entry(key).or_default().held.insert(held);
        }
    }

    fn unindex(&mut self, unit: &Stored) {
        if let Some(n) = self
            .census
            .get_mut(&(unit.product().component(), unit.group().basic()))
            .and_then(|c| c.get_mut(&unit.status()))
        {
            *n = n.saturating_sub(1);
        }
        let Some(bucket) = self.buckets.get_mut(&Key::of(unit)) else {
            return;
        };
        if unit.status() == UnitStatus::Released {
            bucket
                .available
                .remove(&(unit.expires_at(), unit.id().clone()));
        } else if let Some(until) = hold_end(unit) {
            bucket.held.remove(&(until, unit.id().clone()));
        }
    }
}

/// The end of a unit's hold, for units held for a patient: a reservation or crossmatch until
/// its time, a returned unit kept for its patient until cancelled (never lapses).
fn hold_end(unit: &Stored) -> Option<DateTime<FixedOffset>> {
    match (unit.status(), unit.reservation()) {
        (UnitStatus::Reserved | UnitStatus::Crossmatched, Some(r)) => r.until,
        (UnitStatus::Returned, _) => Some(DateTime::<chrono::Utc>::MAX_UTC.fixed_offset()),
        _ => None,
    }
}

/// The result of a transfer: which units arrived in stock and which were discarded for a
/// cold-chain break.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct TransferOutcome {
    /// Units received released, in the order given.
    pub received: Vec<UnitId>,
    /// Units received outside the transport range, now discarded.
    pub discarded: Vec<UnitId>,
}

/// The ids of a call that acts on listed units: at least one (an empty list is a caller's
/// mistake, not a request to do nothing), none twice (one unit cannot be handed over twice in
/// one operation).
fn unique(ids: &[UnitId]) -> Result<Vec<&UnitId>> {
    if ids.is_empty() {
        return Err(RaktError::input(
            "ids",
            "list at least one unit (an empty list would do nothing)",
        ));
    }
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(RaktError::input(
                "ids",
                format!("unit {id} is listed more than once"),
            ));
        }
    }
    Ok(ids.iter().collect())
}
