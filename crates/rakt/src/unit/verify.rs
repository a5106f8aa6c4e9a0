//! What an imported unit must satisfy before rakt holds it: a unit read from JSON (however it
//! was written) or from another system can never carry a state its history does not explain,
//! nor gain shelf life by being saved and loaded.
//!
//! Two levels:
//! - structure, checked on every deserialization (serde goes through [`UnitRecord`]) and by
//!   [`BloodUnit::from_json`]: valid ids, a volume, a history that begins the unit's life and
//!   runs forward in time, every time in rakt's calendar with a whole-minute UTC offset
//!   ([`crate::time`]), a status the history leads to through the status machine
//!   ([`UnitStatus::after`], the same one [`BloodUnit::apply`] uses), a reservation and a
//!   discard reason exactly when the status has them, an expiry after collection, and a label
//!   group that agrees with a confirmed grouping once the unit has been released;
//! - shelf life, which needs the policy: [`BloodUnit::verify`], called by
//!   [`crate::inventory::Inventory::add`], [`crate::inventory::Inventory::transfer`] (against
//!   the receiver's policy) and the FHIR import, refuses an expiry later than
//!   the policy gives the product collected when the unit was.

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use super::{BloodUnit, DiscardReason, EventKind, Reservation, UnitEvent, UnitId, UnitStatus};
use crate::blood_group::BloodGroup;
use crate::error::{RaktError, Result};
use crate::expiry::Expiry;
use crate::policy::Policy;
use crate::reason::ReasonCode;
use crate::screening::{Grouping, Screening, grouping_reasons};
use crate::unit::DonationType;

/// A unit as written in JSON, before its invariants are checked; serde reads every
/// [`BloodUnit`] through it (`#[serde(try_from = "UnitRecord")]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitRecord {
    id: UnitId,
    #[serde(default)]
    donor_id: Option<String>,
    group: BloodGroup,
    volume_ml: u32,
    donation_type: DonationType,
    expiry: Expiry,
    status: UnitStatus,
    #[serde(default)]
    reservation: Option<Reservation>,
    #[serde(default)]
    discard_reason: Option<DiscardReason>,
    screening: Screening,
    grouping: Grouping,
    #[serde(default)]
    parents: Vec<UnitId>,
    history: Vec<UnitEvent>,
}

impl TryFrom<UnitRecord> for BloodUnit {
    type Error = RaktError;

    /// The unit, when its structure holds (see the module documentation); otherwise
    /// [`RaktError::InvalidInput`] naming the field that does not.
    fn try_from(r: UnitRecord) -> Result<BloodUnit> {
        let unit = BloodUnit {
            id: r.id,
            donor_id: r.donor_id,
            group: r.group,
            volume_ml: r.volume_ml,
            donation_type: r.donation_type,
            expiry: r.expiry,
            status: r.status,
            reservation: r.reservation,
            discard_reason: r.discard_reason,
            screening: r.screening,
            grouping: r.grouping,
            parents: r.parents,
            history: r.history,
        };
        unit.check_structure()?;
        Ok(unit)
    }
}

/// Statuses in which a unit is held for or was handed to a named patient.
fn has_reservation(status: UnitStatus) -> bool {
    matches!(
        status,
        UnitStatus::Reserved
            | UnitStatus::Crossmatched
            | UnitStatus::Issued
            | UnitStatus::Returned
            | UnitStatus::Transfused
            | UnitStatus::TransfusedWithReaction
    )
}

fn history_error(i: usize, reason: impl std::fmt::Display) -> RaktError {
    RaktError::input("history", format!("history[{i}]: {reason}"))
}

impl BloodUnit {
    /// A unit saved as JSON (by [`serde_json::to_string`] of a unit, or a binding's `to_json`).
    ///
    /// Text that is not a unit's JSON is [`RaktError::InvalidInput`] with field `json`; a unit
    /// whose state its history does not explain is [`RaktError::InvalidInput`] naming the field:
    /// `din`/`division` (ids), `volume_ml`, `history` (empty, not beginning with the unit's
    /// collection, split or pool, out of time order, or an event the status machine refuses),
    /// `status`, `reservation`, `discard_reason`, `expiry` (not after collection) or `group`
    /// (contradicting a confirmed grouping of a released unit). Shelf life needs the policy:
    /// see [`BloodUnit::verify`].
    ///
    /// ```
    /// use rakt::unit::{BloodUnit, Collection, DonationType};
    /// use rakt::{BloodGroup, Policy, Preservative, Product, RaktError};
    /// let policy = Policy::india();
    /// let unit = BloodUnit::collect(Collection {
    ///     din: "DIN-1".into(), division: None,
    ///     product: Product::red_cells(Preservative::AdditiveSolution),
    ///     group: BloodGroup::parse("O+")?, volume_ml: 280,
    ///     donation_type: DonationType::Voluntary, donor_id: None,
    ///     first_donation: false, collected_at: rakt::parse_timestamp("2026-11-01T09:00:00+05:30")?,
    /// }, "tech-a", &policy)?;
    /// let json = serde_json::to_string(&unit)?;
    /// assert_eq!(BloodUnit::from_json(&json)?, unit);
    /// let forged = json.replace("\"status\":\"collected\"", "\"status\":\"issued\"");
    /// let err = BloodUnit::from_json(&forged).unwrap_err();
    /// assert!(matches!(err, RaktError::InvalidInput { ref field, .. } if field == "status"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<BloodUnit> {
        let record: UnitRecord = serde_json::from_str(text)
            .map_err(|e| RaktError::input("json", format!("not a unit's JSON: {e}")))?;
        BloodUnit::try_from(record)
    }

    /// Check that the unit may be held under `policy`: its structure (as on every load, see
    /// [`BloodUnit::from_json`]), and an expiry no later than the policy's shelf life for the
    /// product collected when the unit was. Modifications (irradiation, washing, thawing,
    /// pooling) only ever shorten that, so the bound is the unmodified product's; a pool is
    /// bounded by its earliest collection. Nothing is changed.
    ///
    /// Refused with [`RaktError::InvalidInput`] field `expiry` when the expiry is later, and
    /// with [`RaktError::PolicyValueMissing`] when the policy has no shelf life for the product
    /// (nothing can then vouch for the expiry).
    pub fn verify(&self, policy: &Policy) -> Result<()> {
        self.check_structure()?;
        let limit = Expiry::compute(
            &self.product().without_redating(),
            self.collected_at(),
            policy,
        )?;
        if self.expiry.expires_at > limit.expires_at {
            return Err(RaktError::input(
                "expiry",
                format!(
                    "unit {}: expires at {}, later than policy {:?} allows for a {} collected at {} ({})",
                    self.id,
                    self.expiry.expires_at.to_rfc3339(),
                    policy.name,
                    self.product().component(),
                    self.collected_at().to_rfc3339(),
                    limit.expires_at.to_rfc3339()
                ),
            ));
        }
        Ok(())
    }

    /// The structural invariants, which need no policy.
    fn check_structure(&self) -> Result<()> {
        UnitId::new(&self.id.din, self.id.division.as_deref())?;
        for parent in &self.parents {
            UnitId::new(&parent.din, parent.division.as_deref())?;
        }
        if self.volume_ml == 0 {
            return Err(RaktError::input("volume_ml", "must be > 0"));
        }
        let collected_at = self.expiry.collected_at;
        let times = [
            ("expiry.collected_at", collected_at),
            ("expiry.expires_at", self.expiry.expires_at),
        ]
        .into_iter()
        .chain(self.history.iter().map(|e| ("history", e.at)));
        for (field, at) in times {
            crate::time::check_writable(field, at)?;
        }
        if self.expiry.expires_at <= collected_at {
            return Err(RaktError::input(
                "expiry",
                format!(
                    "expires at {}, not after the collection at {}",
                    self.expiry.expires_at.to_rfc3339(),
                    collected_at.to_rfc3339()
                ),
            ));
        }
        let paths = self.replay(collected_at)?;
        let matching: Vec<bool> = paths
            .iter()
            .filter(|(s, _)| *s == self.status)
            .map(|(_, released)| *released)
            .collect();
        if matching.is_empty() {
            let reachable: Vec<&str> = paths.iter().map(|(s, _)| s.as_str()).collect();
            return Err(RaktError::input(
                "status",
                format!(
                    "the history leads to {}, not {}",
                    reachable.join(" or "),
                    self.status
                ),
            ));
        }
        if self.reservation.is_some() != has_reservation(self.status) {
            return Err(RaktError::input(
                "reservation",
                format!(
                    "a {} unit {} a patient's reservation",
                    self.status,
                    if has_reservation(self.status) {
                        "has"
                    } else {
                        "has no"
                    }
                ),
            ));
        }
        let discarded = self.status == UnitStatus::Discarded;
        if self.discard_reason.is_some() != discarded {
            return Err(RaktError::input(
                "discard_reason",
                if discarded {
                    "a discarded unit says why it was discarded"
                } else {
                    "only a discarded unit has a discard reason"
                },
            ));
        }
        // Release refuses a label that contradicts a confirmed grouping, and grouping is only
        // recorded before release: a unit that can only have been released must agree.
        if matching.iter().all(|released| *released)
            && grouping_reasons(&self.group, &self.grouping)
                .iter()
                .any(|r| r.code == ReasonCode::GroupingLabelMismatch)
        {
            return Err(RaktError::input(
                "group",
                format!(
                    "the label says {} but the unit was released with a confirmed grouping of {}",
                    self.group,
                    self.grouping
                        .forward
                        .map_or_else(String::new, |g| g.to_string())
                ),
            ));
        }
        Ok(())
    }

    /// Replay the history through the status machine: every (status, has been released) the
    /// unit can be in after its last event. Refuses a history that is empty, does not begin
    /// with the unit's collection, split or pool, goes back in time, or has an event no
    /// possible status allows.
    fn replay(&self, collected_at: DateTime<FixedOffset>) -> Result<Vec<(UnitStatus, bool)>> {
        let Some((first, rest)) = self.history.split_first() else {
            return Err(RaktError::input(
                "history",
                "is empty: a unit's history begins with its collection, split or pool",
            ));
        };
        let begins = match &first.kind {
            EventKind::Collected => first.at == collected_at && self.parents.is_empty(),
            EventKind::SplitFrom { parent } => {
                first.at >= collected_at && self.parents.as_slice() == std::slice::from_ref(parent)
            }
            EventKind::PooledFrom { constituents } => {
                first.at >= collected_at && self.parents == *constituents
            }
            _ => false,
        };
        let origin = UnitStatus::origin(&first.kind).filter(|_| begins);
        let Some(origin) = origin else {
            return Err(history_error(
                0,
                format!(
                    "a history begins with the collection at {} (or the split or pool that made the unit from its parents), not {}",
                    collected_at.to_rfc3339(),
                    first.kind.name()
                ),
            ));
        };
        let mut paths: Vec<(UnitStatus, bool)> = origin
            .into_iter()
            .map(|s| (s, s == UnitStatus::Released))
            .collect();
        let mut hold: Option<Reservation> = None;
        let mut last_at = first.at;
        for (i, event) in rest.iter().enumerate() {
            let i = i + 1;
            if event.at < last_at {
                return Err(history_error(
                    i,
                    format!(
                        "{} at {} is before the previous event at {}",
                        event.kind.name(),
                        event.at.to_rfc3339(),
                        last_at.to_rfc3339()
                    ),
                ));
            }
            last_at = event.at;
            let mut next: Vec<(UnitStatus, bool)> = Vec::new();
            for (status, released) in &paths {
                let effective = status.effective(hold.as_ref(), &event.kind, event.at);
                for target in effective.after(&event.kind).unwrap_or_default() {
                    let path = (*target, *released || *target == UnitStatus::Released);
                    if !next.contains(&path) {
                        next.push(path);
                    }
                }
            }
            if next.is_empty() {
                let from: Vec<&str> = paths.iter().map(|(s, _)| s.as_str()).collect();
                return Err(history_error(
                    i,
                    format!("cannot {} a {} unit", event.kind.name(), from.join(" or ")),
                ));
            }
            if let EventKind::Reserve { patient, until }
            | EventKind::Crossmatch { patient, until } = &event.kind
            {
                hold = Some(Reservation {
                    patient: patient.clone(),
                    until: Some(*until),
                });
            }
            paths = next;
        }
        Ok(paths)
    }
}
