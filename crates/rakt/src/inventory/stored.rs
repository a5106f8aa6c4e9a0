//! How the inventory keeps a unit: packed ([`PackedUnit`]: its collection and events, rebuilt
//! by replay when read) when replaying gives it back exactly, whole otherwise.

use chrono::{DateTime, FixedOffset};

use crate::blood_group::BloodGroup;
use crate::component::Product;
use crate::error::Result;
use crate::policy::Policy;
use crate::unit::UnitStatus;
use crate::unit::{BloodUnit, EventKind, Interner, PackedUnit, Reservation, UnitEvent, UnitId};

/// A unit in the inventory.
#[derive(Debug, Clone)]
pub(super) enum Stored {
    /// Its collection and events (most units).
    Packed(PackedUnit),
    /// The unit itself, when replaying cannot rebuild it (split, pooled, labelled, imported or
    /// made under another policy).
    Whole(Box<BloodUnit>),
}

impl Stored {
    /// `unit`, packed when it can be.
    pub(super) fn new(unit: BloodUnit, policy: &Policy, shared: &mut Interner) -> Stored {
        match PackedUnit::pack(&unit, policy, shared) {
            Some(p) => Stored::Packed(p),
            None => Stored::Whole(Box::new(unit)),
        }
    }

    /// The unit itself (rebuilt when packed).
    pub(super) fn unit(&self, policy: &Policy) -> Result<BloodUnit> {
        match self {
            Stored::Packed(p) => p.unpack(policy),
            Stored::Whole(u) => Ok(BloodUnit::clone(u)),
        }
    }

    /// This unit after `event`, where `after` is what [`BloodUnit::apply`] made of
    /// `self.unit(policy)` and `event` under the inventory's policy.
    pub(super) fn then(
        &self,
        event: &UnitEvent,
        after: &BloodUnit,
        shared: &mut Interner,
    ) -> Stored {
        match self {
            Stored::Packed(p) => Stored::Packed(p.then(event, after, shared)),
            Stored::Whole(_) => Stored::Whole(Box::new(after.clone())),
        }
    }

    pub(super) fn id(&self) -> &UnitId {
        match self {
            Stored::Packed(p) => p.id(),
            Stored::Whole(u) => u.id(),
        }
    }

    pub(super) fn group(&self) -> BloodGroup {
        match self {
            Stored::Packed(p) => p.group(),
            Stored::Whole(u) => u.group(),
        }
    }

    pub(super) fn product(&self) -> &Product {
        match self {
            Stored::Packed(p) => p.product(),
            Stored::Whole(u) => u.product(),
        }
    }

    pub(super) fn status(&self) -> UnitStatus {
        match self {
            Stored::Packed(p) => p.status(),
            Stored::Whole(u) => u.status(),
        }
    }

    pub(super) fn expires_at(&self) -> DateTime<FixedOffset> {
        match self {
            Stored::Packed(p) => p.expires_at(),
            Stored::Whole(u) => u.expiry().expires_at,
        }
    }

    pub(super) fn reservation(&self) -> Option<&Reservation> {
        match self {
            Stored::Packed(p) => p.reservation(),
            Stored::Whole(u) => u.reservation(),
        }
    }

    /// As [`BloodUnit::status_at`].
    pub(super) fn status_at(&self, as_of: DateTime<FixedOffset>) -> UnitStatus {
        self.status().at(self.reservation(), as_of)
    }

    /// As [`BloodUnit::is_expired`].
    pub(super) fn is_expired(&self, as_of: DateTime<FixedOffset>) -> bool {
        crate::expiry::expired(self.expires_at(), as_of)
    }

    /// Each event's time and kind, oldest first.
    pub(super) fn events(
        &self,
    ) -> Box<dyn DoubleEndedIterator<Item = (DateTime<FixedOffset>, &EventKind)> + '_> {
        match self {
            Stored::Packed(p) => Box::new(p.events()),
            Stored::Whole(u) => Box::new(u.history().iter().map(|e| (e.at, &e.kind))),
        }
    }

    /// The time of the last event.
    pub(super) fn last_at(&self) -> Option<DateTime<FixedOffset>> {
        match self {
            Stored::Packed(p) => p.events().next_back().map(|(at, _)| at),
            Stored::Whole(u) => u.history().last().map(|e| e.at),
        }
    }
}
