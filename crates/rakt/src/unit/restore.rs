//! Rebuilding a unit from a record made elsewhere (a FHIR resource), for [`crate::fhir`].
//!
//! Importing cannot always go through public events: an imported product may already carry a
//! re-dating modification (irradiated, thawed) whose time is not in the record, the record's
//! expiry may be earlier than the policy's shelf life, and a released unit's screening results
//! are not in the record. These crate-internal steps set exactly those things and record why;
//! they never make an expiry later than the one they are given.

use chrono::{DateTime, FixedOffset};

use super::{BloodUnit, EventKind, UnitEvent, UnitStatus};
use crate::component::Product;
use crate::error::Result;
use crate::reason::Reason;

impl BloodUnit {
    /// The unit with `product` (which may carry modifications made before the record was
    /// written) and an expiry of `expires_at`, but never later than its current expiry. `why`
    /// is added to the expiry's reasons when the expiry moves.
    pub(crate) fn restore_expiry(
        &self,
        product: Product,
        expires_at: DateTime<FixedOffset>,
        why: Reason,
    ) -> BloodUnit {
        let mut next = self.clone();
        next.expiry.product = product;
        if expires_at < self.expiry.expires_at {
            next.expiry.expires_at = expires_at;
            next.expiry.reasons.push(why);
        }
        next
    }

    /// A quarantined unit recorded as released at `at` on the word of an imported record,
    /// without rakt's release verdict (the results behind it are not in the record). `why`
    /// says so in the history.
    #[cfg_attr(not(feature = "fhir"), allow(dead_code))] // only the FHIR import uses it
    pub(crate) fn restore_release(
        &self,
        at: DateTime<FixedOffset>,
        actor: &str,
        why: Reason,
    ) -> Result<BloodUnit> {
        if self.status != UnitStatus::Quarantined {
            return Err(self.refuse(&EventKind::Release));
        }
        self.check_time(at, "release")?;
        super::check_actor(actor)?;
        let mut next = self.clone();
        next.status = UnitStatus::Released;
        next.history.push(UnitEvent {
            at,
            actor: actor.to_string(),
            kind: EventKind::Release,
            reasons: vec![why],
        });
        Ok(next)
    }
}
