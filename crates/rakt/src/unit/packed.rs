//! A unit kept small: what it was collected as and the events applied to it, rebuilt on demand
//! by replaying them through the policy.
//!
//! A [`BloodUnit`] value carries every event with its reasons, and every reason its facts: a
//! released unit with its nine events takes about 4 KB. A store of a million units (a national
//! stock) keeps each as a [`PackedUnit`] instead: the collection, then each event's time, actor
//! and kind (actors, and kinds without a payload, shared between the units of a store through
//! an [`Interner`]), and the few values a stock's index reads (status, expiry, hold, product).
//! The reasons are not kept: [`PackedUnit::unpack`] rebuilds the unit with the same
//! [`BloodUnit::collect`] and [`BloodUnit::apply`] that made it, so they come out as they were
//! written.
//!
//! A unit is packed only when replaying it under the store's policy gives back exactly the same
//! unit ([`PackedUnit::pack`] checks). Units that replaying cannot rebuild (split or pooled,
//! read with a label's expiry, imported from a record, or made under another policy) are kept
//! whole by the store, so reading a unit never changes it.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use super::UnitStatus;
use super::{BloodUnit, Collection, DonationType, EventKind, Reservation, UnitEvent, UnitId};
use crate::blood_group::BloodGroup;
use crate::component::Product;
use crate::error::{RaktError, Result};
use crate::policy::Policy;

/// The actors, and the event kinds without a payload (quarantine, a test result, release,
/// ...), that the packed units of one store share: each is kept once. Kinds that name a
/// patient, a facility or a reason in words are not shared (they are rarely equal).
#[derive(Debug, Clone, Default)]
pub(crate) struct Interner {
    actors: HashMap<Box<str>, Arc<String>>,
    kinds: HashSet<Arc<EventKind>>,
}

impl Interner {
    fn actor(&mut self, actor: &str) -> Arc<String> {
        if let Some(a) = self.actors.get(actor) {
            return Arc::clone(a);
        }
        let a = Arc::new(actor.to_string());
        self.actors.insert(Box::from(actor), Arc::clone(&a));
        a
    }

    fn kind(&mut self, kind: &EventKind) -> Arc<EventKind> {
        use EventKind as E;
        let shared = matches!(
            kind,
            E::Collected
                | E::Quarantine
                | E::RecordTest { .. }
                | E::RecordRepeat { .. }
                | E::RecordGrouping { .. }
                | E::Release
                | E::CancelReservation
                | E::Transfuse
                | E::Return { .. }
                | E::SendForFractionation
                | E::Irradiate
                | E::Wash
                | E::Open
                | E::Thaw { .. }
        );
        if !shared {
            return Arc::new(kind.clone());
        }
        if let Some(k) = self.kinds.get(kind) {
            return Arc::clone(k);
        }
        let k = Arc::new(kind.clone());
        self.kinds.insert(Arc::clone(&k));
        k
    }

    fn event(&mut self, e: &UnitEvent) -> PackedEvent {
        PackedEvent {
            at: e.at,
            actor: self.actor(&e.actor),
            kind: self.kind(&e.kind),
        }
    }
}

/// One event without its reasons: 32 bytes (the actor behind a thin pointer).
#[derive(Debug, Clone, PartialEq, Eq)]
struct PackedEvent {
    at: DateTime<FixedOffset>,
    actor: Arc<String>,
    kind: Arc<EventKind>,
}

/// A unit as its collection and events; see the [module docs](self).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PackedUnit {
    id: UnitId,
    donor_id: Option<Box<str>>,
    /// The product as collected (without re-dating modifications).
    made: Product,
    /// The product now, when a modification changed it.
    product: Option<Box<Product>>,
    group: BloodGroup,
    volume_ml: u32,
    donation_type: DonationType,
    first_donation: bool,
    status: UnitStatus,
    expires_at: DateTime<FixedOffset>,
    reservation: Option<Box<Reservation>>,
    /// The collection first, then every event applied, oldest first.
    events: Box<[PackedEvent]>,
}

impl PackedUnit {
    /// The unit packed, when replaying its collection and events under `policy` gives back
    /// exactly `unit`; `None` when it does not (the store then keeps the unit whole).
    pub(crate) fn pack(
        unit: &BloodUnit,
        policy: &Policy,
        shared: &mut Interner,
    ) -> Option<PackedUnit> {
        if !unit.parents.is_empty()
            || unit.history.first().map(|e| &e.kind) != Some(&EventKind::Collected)
        {
            return None;
        }
        let made = unit.product().without_redating();
        let packed = PackedUnit {
            id: unit.id.clone(),
            donor_id: unit.donor_id.as_deref().map(Box::from),
            product: (*unit.product() != made).then(|| Box::new(unit.product().clone())),
            made,
            group: unit.group,
            volume_ml: unit.volume_ml,
            donation_type: unit.donation_type,
            first_donation: unit.screening.first_donation,
            status: unit.status,
            expires_at: unit.expiry.expires_at,
            reservation: unit.reservation.clone().map(Box::new),
            events: unit.history.iter().map(|e| shared.event(e)).collect(),
        };
        (packed.unpack(policy).ok()? == *unit).then_some(packed)
    }

    /// The unit, rebuilt by collecting it and applying its events again under `policy` (the
    /// policy it was packed under).
    pub(crate) fn unpack(&self, policy: &Policy) -> Result<BloodUnit> {
        let (first, rest) = self
            .events
            .split_first()
            .ok_or_else(|| RaktError::input("history", "a packed unit has no collection"))?;
        let mut unit = BloodUnit::collect(
            Collection {
                din: self.id.din.clone(),
                division: self.id.division.clone(),
                product: self.made.clone(),
                group: self.group,
                volume_ml: self.volume_ml,
                donation_type: self.donation_type,
                donor_id: self.donor_id.as_deref().map(str::to_string),
                first_donation: self.first_donation,
                collected_at: first.at,
            },
            &first.actor,
            policy,
        )?;
        for e in rest {
            let event = UnitEvent::new(e.at, &e.actor, EventKind::clone(&e.kind));
            unit = unit.apply(&event, policy)?;
        }
        Ok(unit)
    }

    /// This unit after `event`, where `after` is what [`BloodUnit::apply`] made of
    /// `self.unpack(policy)` and `event` under the same policy: replaying the longer history
    /// then gives `after` again, since applying an event depends only on the unit, the event
    /// and the policy.
    pub(crate) fn then(
        &self,
        event: &UnitEvent,
        after: &BloodUnit,
        shared: &mut Interner,
    ) -> PackedUnit {
        let mut events = Vec::with_capacity(self.events.len() + 1);
        events.extend(self.events.iter().cloned());
        events.push(shared.event(event));
        PackedUnit {
            product: (*after.product() != self.made).then(|| Box::new(after.product().clone())),
            status: after.status,
            expires_at: after.expiry.expires_at,
            reservation: after.reservation.clone().map(Box::new),
            events: events.into_boxed_slice(),
            ..self.clone()
        }
    }

    /// The unit's identity.
    pub(crate) fn id(&self) -> &UnitId {
        &self.id
    }
    /// The group on the label.
    pub(crate) fn group(&self) -> BloodGroup {
        self.group
    }
    /// The product now.
    pub(crate) fn product(&self) -> &Product {
        self.product.as_deref().unwrap_or(&self.made)
    }
    /// The status as recorded by the last event.
    pub(crate) fn status(&self) -> UnitStatus {
        self.status
    }
    /// When the unit expires.
    pub(crate) fn expires_at(&self) -> DateTime<FixedOffset> {
        self.expires_at
    }
    /// Who the unit is held for or issued to.
    pub(crate) fn reservation(&self) -> Option<&Reservation> {
        self.reservation.as_deref()
    }
    /// Each event's time and kind, oldest first (the collection first).
    pub(crate) fn events(
        &self,
    ) -> impl DoubleEndedIterator<Item = (DateTime<FixedOffset>, &EventKind)> {
        self.events.iter().map(|e| (e.at, e.kind.as_ref()))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)]
    use super::*;
    use crate::component::Preservative;
    use crate::screening::TestResult;

    type Outcome<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

    fn at(minutes: i64) -> Outcome<DateTime<FixedOffset>> {
        Ok(crate::parse_timestamp("2026-11-01T09:00:00+05:30")?
            + chrono::Duration::minutes(minutes))
    }

    fn collection(din: &str) -> Outcome<Collection> {
        Ok(Collection {
            din: din.into(),
            division: None,
            product: Product::red_cells(Preservative::AdditiveSolution),
            group: BloodGroup::parse("B+")?,
            volume_ml: 280,
            donation_type: DonationType::Voluntary,
            donor_id: None,
            first_donation: true,
            collected_at: at(0)?,
        })
    }

    fn tested_and_irradiated(din: &str, policy: &Policy) -> Outcome<BloodUnit> {
        let mut u = BloodUnit::collect(collection(din)?, "tech", policy)?;
        let mut kinds = vec![EventKind::Quarantine];
        for m in policy.screening.mandatory_markers.iter() {
            kinds.push(EventKind::RecordTest {
                marker: *m,
                result: TestResult::NonReactive,
            });
        }
        kinds.push(EventKind::Irradiate);
        for (i, k) in kinds.into_iter().enumerate() {
            let i = i64::try_from(i)?;
            u = u.apply(&UnitEvent::new(at(10 + i)?, "tech", k), policy)?;
        }
        Ok(u)
    }

    #[test]
    fn a_unit_made_by_collect_and_apply_is_packed_and_shares_actors_and_kinds() -> Outcome {
        let policy = Policy::india();
        let mut shared = Interner::default();
        let a = tested_and_irradiated("DIN-A", &policy)?;
        let b = tested_and_irradiated("DIN-B", &policy)?;
        let pa = PackedUnit::pack(&a, &policy, &mut shared).ok_or("not packed")?;
        let pb = PackedUnit::pack(&b, &policy, &mut shared).ok_or("not packed")?;
        assert_eq!(pa.unpack(&policy)?, a);
        assert_eq!(pa.events.len(), a.history().len());
        // The irradiated product is rebuilt from the product as collected.
        assert!(pa.made.modifications().is_empty());
        assert_eq!(pa.product(), a.product());
        assert!(Arc::ptr_eq(&pa.events[1].actor, &pb.events[1].actor));
        assert!(Arc::ptr_eq(&pa.events[2].kind, &pb.events[2].kind));
        assert_eq!(shared.actors.len(), 1);
        Ok(())
    }

    #[test]
    fn a_unit_that_replaying_would_change_is_not_packed() -> Outcome {
        let policy = Policy::india();
        let mut shared = Interner::default();
        let labelled =
            BloodUnit::collect_labelled(collection("DIN-L")?, at(60 * 24 * 10)?, "tech", &policy)?;
        assert!(PackedUnit::pack(&labelled, &policy, &mut shared).is_none());
        let (parent, children) =
            tested_and_irradiated("DIN-P", &policy)?.split(&[100, 100], at(100)?, "tech")?;
        assert!(PackedUnit::pack(&children[0], &policy, &mut shared).is_none());
        // The parent was made by collect and apply, then split: replaying cannot split it.
        assert!(PackedUnit::pack(&parent, &policy, &mut shared).is_none());
        Ok(())
    }

    #[test]
    fn extending_a_packed_unit_replays_to_the_unit_after_the_event() -> Outcome {
        let policy = Policy::india();
        let mut shared = Interner::default();
        let unit = tested_and_irradiated("DIN-E", &policy)?;
        let packed = PackedUnit::pack(&unit, &policy, &mut shared).ok_or("not packed")?;
        let event = UnitEvent::new(
            at(200)?,
            "other",
            EventKind::Discard {
                reason: super::super::DiscardReason::Leakage,
            },
        );
        let after = unit.apply(&event, &policy)?;
        let next = packed.then(&event, &after, &mut shared);
        assert_eq!(next.unpack(&policy)?, after);
        assert_eq!(next.status(), UnitStatus::Discarded);
        assert_eq!(shared.actors.len(), 2);
        Ok(())
    }
}
