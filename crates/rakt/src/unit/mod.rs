//! A blood unit from vein to vein: its lifecycle, driven by events.
//!
//! A [`BloodUnit`] is created by [`BloodUnit::collect`] and changed only by events:
//! [`BloodUnit::apply`] returns the new unit, or a typed error and the unit stays exactly as it
//! was (units are values: nothing is ever half-applied). Every event is appended to the unit's
//! history with its time, actor and the reasons for what it did.
//!
//! ```text
//! collected → quarantined → released ⇄ reserved → crossmatched → issued → transfused
//!                 │             │  ↖______________________________/  │    → transfused with reaction
//!                 │             │        (cancel)                     └→ returned (linked) / released / discarded
//!                 └→ discarded  └→ sent for fractionation (plasma)
//! ```
//!
//! Source: `research/blood.md` §4.2–§4.4 (quarantine and release, statuses, HL7 v2 tables
//! 0510/0513, discard reasons) and §2.3 (30 minutes out of controlled storage).

mod derive;
mod events;
mod packed;
mod reactive;
mod restore;
mod status;
mod verify;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

pub use events::{DiscardReason, EventKind, UnitEvent};
pub(crate) use packed::{Interner, PackedUnit};
pub use reactive::{DonorReferral, LookbackEntry, ReactiveOutcome, handle_reactive};
pub use status::{DonationType, UnitStatus};

use crate::blood_group::BloodGroup;
use crate::component::{Component, Product};
use crate::error::{RaktError, Result};
use crate::expiry::{Expiry, Redating};
use crate::policy::{Citation, Confidence, Policy};
use crate::reason::{Reason, ReasonCode};
use crate::screening::{Grouping, ReleaseVerdict, Screening, release_verdict};

/// A unit's identity: the donation identification number and, for products divided from it,
/// the division (`A0`, `B0`, then `Aa`, `Ab` for a second division).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitId {
    /// The donation identification number, validated.
    pub din: String,
    /// The division, for divided products.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub division: Option<String>,
}

impl UnitId {
    /// A validated identity. The DIN is 1–40 characters of letters, digits, `-` and inner spaces
    /// (the ISBT 128 issue adds the full codec); a division is an upper-case letter followed by a
    /// digit or a lower-case letter. The text form is `DIN` or `DIN/A0`.
    ///
    /// ```
    /// assert!(rakt::unit::UnitId::new("A9999 21 123456", None).is_ok());
    /// assert!(rakt::unit::UnitId::new("", None).is_err());
    /// assert!(rakt::unit::UnitId::new("DIN-1", Some("a0")).is_err());
    /// ```
    pub fn new(din: &str, division: Option<&str>) -> Result<UnitId> {
        // '/' is not allowed: it separates the DIN from the division in `DIN/A0`.
        let ok_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | ' ');
        if din.is_empty() || din.len() > 40 || din.trim() != din || !din.chars().all(ok_char) {
            return Err(RaktError::input(
                "din",
                format!(
                    "{din:?} is not a donation identification number (1–40 letters, digits, '-' or inner spaces)"
                ),
            ));
        }
        if let Some(d) = division {
            let mut chars = d.chars();
            let valid = matches!(
                (chars.next(), chars.next(), chars.next()),
                (Some(a), Some(b), None)
                    if a.is_ascii_uppercase() && (b.is_ascii_digit() || b.is_ascii_lowercase())
            );
            if !valid {
                return Err(RaktError::input(
                    "division",
                    format!(
                        "{d:?} is not a division (an upper-case letter then a digit or lower-case letter, e.g. A0 or Ab)"
                    ),
                ));
            }
        }
        Ok(UnitId {
            din: din.to_string(),
            division: division.map(str::to_string),
        })
    }
}

impl UnitId {
    /// Read the text form written by `Display`: `DIN` or `DIN/A0` (a DIN never contains `/`).
    ///
    /// ```
    /// use rakt::unit::UnitId;
    /// let id = UnitId::parse("A9999 21 123456/A0")?;
    /// assert_eq!((id.din.as_str(), id.division.as_deref()), ("A9999 21 123456", Some("A0")));
    /// assert_eq!(UnitId::parse("DIN-1")?.division, None);
    /// assert!(UnitId::parse("DIN-1/a0").is_err());
    /// # Ok::<(), rakt::RaktError>(())
    /// ```
    pub fn parse(text: &str) -> Result<UnitId> {
        match text.rsplit_once('/') {
            Some((din, division)) => UnitId::new(din, Some(division)),
            None => UnitId::new(text, None),
        }
    }
}

impl std::str::FromStr for UnitId {
    type Err = RaktError;
    fn from_str(text: &str) -> Result<UnitId> {
        UnitId::parse(text)
    }
}

impl std::fmt::Display for UnitId {
    /// `DIN` or `DIN/A0`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.division {
            Some(d) => write!(f, "{}/{d}", self.din),
            None => f.write_str(&self.din),
        }
    }
}

/// Who a unit is held for, and until when.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reservation {
    /// The patient's identifier.
    pub patient: String,
    /// The reservation or crossmatch lapses at this time (none once issued without one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<DateTime<FixedOffset>>,
}

/// What is known at collection.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Collection {
    /// Donation identification number.
    pub din: String,
    /// Division, for a component collected already divided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub division: Option<String>,
    /// The component as made (preservative or platelet source; no re-dating modification).
    pub product: Product,
    /// Blood group on the label.
    pub group: BloodGroup,
    /// Volume in mL.
    pub volume_ml: u32,
    /// Voluntary, replacement, autologous or directed.
    pub donation_type: DonationType,
    /// The donor's identifier, needed for look-back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub donor_id: Option<String>,
    /// Whether this is the donor's first donation (first-donation markers are then mandatory).
    #[serde(default)]
    pub first_donation: bool,
    /// When the blood was collected.
    pub collected_at: DateTime<FixedOffset>,
}

/// A blood unit and its history.
///
/// ```
/// use rakt::unit::{BloodUnit, Collection, DonationType, EventKind, UnitEvent, UnitStatus};
/// use rakt::{BloodGroup, Policy, Preservative, Product};
/// let policy = Policy::india();
/// let t = |s: &str| rakt::parse_timestamp(s);
/// let unit = BloodUnit::collect(Collection {
///     din: "DIN-2026-0001".into(), division: None,
///     product: Product::red_cells(Preservative::AdditiveSolution),
///     group: BloodGroup::parse("O+")?, volume_ml: 280,
///     donation_type: DonationType::Voluntary, donor_id: Some("D-17".into()),
///     first_donation: false, collected_at: t("2026-11-01T09:00:00+05:30")?,
/// }, "tech-a", &policy)?;
/// assert_eq!(unit.status(), UnitStatus::Collected);
/// let q = unit.apply(&UnitEvent::new(t("2026-11-01T09:30:00+05:30")?, "tech-a", EventKind::Quarantine), &policy)?;
/// assert_eq!(q.status(), UnitStatus::Quarantined);
/// // Issuing a quarantined unit is refused, and nothing changes.
/// let err = q.apply(&UnitEvent::new(t("2026-11-01T10:00:00+05:30")?, "tech-a", EventKind::Issue { patient: "P-1".into() }), &policy).unwrap_err();
/// assert_eq!(err.kind(), "NotApplicable");
/// assert_eq!(q.status(), UnitStatus::Quarantined);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "verify::UnitRecord")]
pub struct BloodUnit {
    id: UnitId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    donor_id: Option<String>,
    group: BloodGroup,
    volume_ml: u32,
    donation_type: DonationType,
    expiry: Expiry,
    status: UnitStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reservation: Option<Reservation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    discard_reason: Option<DiscardReason>,
    screening: Screening,
    grouping: Grouping,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    parents: Vec<UnitId>,
    history: Vec<UnitEvent>,
}

const SRC_STATUS: &str =
    "Suggested status machine and discard reasons (research/blood.md §4.2, §4.4)";
const SRC_EMERGENCY_RELEASE: &str = "Canadian Blood Services, Vein to vein: emergency release requires a signed physician statement that the urgency justified release before compatibility testing; draw a labelled sample before infusion and switch to group-specific blood as soon as the group is known (research/blood.md §1.8)";

impl BloodUnit {
    /// A newly collected unit (status `collected`), its expiry computed from the policy.
    pub fn collect(c: Collection, actor: &str, policy: &Policy) -> Result<BloodUnit> {
        let id = UnitId::new(&c.din, c.division.as_deref())?;
        crate::time::check_writable("collected_at", c.collected_at)?;
        if c.volume_ml == 0 {
            return Err(RaktError::input("volume_ml", "must be > 0"));
        }
        check_actor(actor)?;
        let expiry = Expiry::compute(&c.product, c.collected_at, policy)?;
        let event = UnitEvent {
            at: c.collected_at,
            actor: actor.to_string(),
            kind: EventKind::Collected,
            reasons: expiry.reasons.clone(),
        };
        Ok(BloodUnit {
            id,
            donor_id: c.donor_id,
            group: c.group,
            volume_ml: c.volume_ml,
            donation_type: c.donation_type,
            expiry,
            status: UnitStatus::Collected,
            reservation: None,
            discard_reason: None,
            screening: Screening::new(c.first_donation),
            grouping: Grouping::default(),
            parents: Vec::new(),
            history: vec![event],
        })
    }

    /// A unit whose label already carries an expiry: one received from another centre, or read
    /// from an ISBT 128 label ([`crate::isbt128::Label::to_unit`]).
    ///
    /// The product may already carry re-dating modifications (irradiated, washed, thawed) whose
    /// time is not on the label. The policy dates the product as collected (without them); the
    /// unit then expires at the earlier of that and the label's expiry, never later than
    /// either: `LABEL_EXPIRY_KEPT` when the label's is earlier, `LABEL_EXPIRY_SHORTENED` (a
    /// caution) when the label claims more than the policy allows. A product the policy has no
    /// shelf life for is refused ([`RaktError::PolicyValueMissing`]), as in [`BloodUnit::collect`].
    pub fn collect_labelled(
        c: Collection,
        labelled_expiry: DateTime<FixedOffset>,
        actor: &str,
        policy: &Policy,
    ) -> Result<BloodUnit> {
        crate::time::check_writable("expiry", labelled_expiry)?;
        crate::time::check_writable("collected_at", c.collected_at)?;
        if labelled_expiry <= c.collected_at {
            return Err(RaktError::input(
                "expiry",
                format!(
                    "the labelled expiry {} is not after the collection {}",
                    labelled_expiry.to_rfc3339(),
                    c.collected_at.to_rfc3339()
                ),
            ));
        }
        let product = c.product.clone();
        let collected = BloodUnit::collect(
            Collection {
                product: product.without_redating(),
                ..c
            },
            actor,
            policy,
        )?;
        let policy_expiry = collected.expiry.expires_at;
        let kept = Reason::new(ReasonCode::LabelExpiryKept)
            .fact("expires_at", labelled_expiry.to_rfc3339());
        let mut unit = collected.restore_expiry(product, labelled_expiry, kept);
        if labelled_expiry > policy_expiry {
            unit.expiry.reasons.push(
                Reason::new(ReasonCode::LabelExpiryShortened)
                    .fact("label_expires_at", labelled_expiry.to_rfc3339())
                    .fact("expires_at", policy_expiry.to_rfc3339()),
            );
        }
        if let Some(first) = unit.history.first_mut() {
            first.reasons.clone_from(&unit.expiry.reasons);
        }
        Ok(unit)
    }

    /// The unit's identity.
    pub fn id(&self) -> &UnitId {
        &self.id
    }
    /// The donor's identifier.
    pub fn donor_id(&self) -> Option<&str> {
        self.donor_id.as_deref()
    }
    /// The group on the label.
    pub fn group(&self) -> BloodGroup {
        self.group
    }
    /// Volume in mL.
    pub fn volume_ml(&self) -> u32 {
        self.volume_ml
    }
    /// Voluntary, replacement, autologous or directed.
    pub fn donation_type(&self) -> DonationType {
        self.donation_type
    }
    /// The product (component, preservative, modifications).
    pub fn product(&self) -> &Product {
        &self.expiry.product
    }
    /// When the (earliest) blood was collected.
    pub fn collected_at(&self) -> DateTime<FixedOffset> {
        self.expiry.collected_at
    }
    /// The expiry, with how it was reached.
    pub fn expiry(&self) -> &Expiry {
        &self.expiry
    }
    /// The status as recorded by the last event.
    pub fn status(&self) -> UnitStatus {
        self.status
    }
    /// The status at `as_of`: a reservation or crossmatch that has lapsed counts as released.
    pub fn status_at(&self, as_of: DateTime<FixedOffset>) -> UnitStatus {
        self.status.at(self.reservation.as_ref(), as_of)
    }
    /// Who the unit is held for or issued to.
    pub fn reservation(&self) -> Option<&Reservation> {
        self.reservation.as_ref()
    }
    /// Why the unit was discarded.
    pub fn discard_reason(&self) -> Option<&DiscardReason> {
        self.discard_reason.as_ref()
    }
    /// The screening results.
    pub fn screening(&self) -> &Screening {
        &self.screening
    }
    /// The grouping results.
    pub fn grouping(&self) -> &Grouping {
        &self.grouping
    }
    /// The units this one was split or pooled from.
    pub fn parents(&self) -> &[UnitId] {
        &self.parents
    }
    /// Every event, oldest first (append-only).
    pub fn history(&self) -> &[UnitEvent] {
        &self.history
    }
    /// The emergency issue of this unit, when it was released before compatibility testing: the
    /// event with its patient, justification, time and actor, for follow-up.
    pub fn emergency_release(&self) -> Option<&UnitEvent> {
        self.history
            .iter()
            .rev()
            .find(|e| matches!(e.kind, EventKind::EmergencyIssue { .. }))
    }
    /// How the unit is kept now: the storage chosen when it was last thawed, or its
    /// component's usual storage.
    pub fn storage(&self) -> crate::component::Storage {
        self.history
            .iter()
            .rev()
            .find_map(|e| match e.kind {
                EventKind::Thaw { storage } => Some(storage),
                _ => None,
            })
            .unwrap_or_else(|| self.product().component().default_storage())
    }
    /// The facility that last received the unit by a transfer, if it was ever transferred.
    pub fn received_at_facility(&self) -> Option<&str> {
        self.history.iter().rev().find_map(|e| match &e.kind {
            EventKind::Transfer { to, .. } => Some(to.as_str()),
            _ => None,
        })
    }
    /// Whether the unit is expired at `as_of`.
    pub fn is_expired(&self, as_of: DateTime<FixedOffset>) -> bool {
        self.expiry.is_expired(as_of)
    }

    /// Whether the unit may be released at `as_of`, and exactly what is missing.
    pub fn release_verdict(&self, as_of: DateTime<FixedOffset>, policy: &Policy) -> ReleaseVerdict {
        release_verdict(
            &self.group,
            &self.expiry,
            &self.screening,
            &self.grouping,
            as_of,
            policy,
        )
    }

    /// Apply an event: the new unit, or an error and this unit unchanged. See [`EventKind`] for
    /// what each event requires.
    pub fn apply(&self, event: &UnitEvent, policy: &Policy) -> Result<BloodUnit> {
        check_actor(&event.actor)?;
        self.check_time(event.at, event.kind.name())?;
        if self.status.is_terminal() {
            return Err(self.refuse(&event.kind));
        }
        let mut next = self.clone();
        let mut reasons = Vec::new();
        let at = event.at;
        use EventKind as E;
        use UnitStatus as S;
        match &event.kind {
            E::Collected | E::SplitFrom { .. } | E::PooledFrom { .. } => {
                return Err(RaktError::not_applicable(
                    "INVALID_TRANSITION",
                    format!(
                        "{} is recorded by collect, split or pool, not applied",
                        event.kind.name()
                    ),
                ));
            }
            E::SplitInto { .. } | E::PooledInto { .. } => {
                return Err(RaktError::not_applicable(
                    "INVALID_TRANSITION",
                    format!("use split or pool to {}", event.kind.name()),
                ));
            }
            _ => {}
        }
        // A hold that has lapsed frees the unit for anyone else; its own patient must be
        // crossmatched again (an Issue to them is refused below as RESERVATION_EXPIRED).
        let effective = self
            .status
            .effective(self.reservation.as_ref(), &event.kind, at);
        // Which events may follow which status is decided by the status machine alone; the
        // arms below add what each event requires and does, and pick among its outcomes.
        let Some(targets) = effective.after(&event.kind) else {
            return Err(self.refuse(&event.kind));
        };
        if let Some(usual) = targets.first() {
            next.status = *usual;
        }
        match &event.kind {
            E::Quarantine => {}
            E::RecordTest { marker, result } => {
                next.screening = self.screening.record(*marker, *result)?;
            }
            E::RecordRepeat {
                marker,
                first,
                second,
            } => {
                next.screening = self.screening.record_repeat(*marker, *first, *second)?;
            }
            E::RecordGrouping {
                forward,
                reverse,
                historical,
            } => {
                let g = &mut next.grouping;
                g.forward = forward.or(g.forward);
                g.reverse = reverse.or(g.reverse);
                g.historical = historical.or(g.historical);
            }
            E::Release => {
                let verdict = self.release_verdict(at, policy);
                if !verdict.releasable {
                    return Err(RaktError::not_applicable(
                        "RELEASE_NOT_ALLOWED",
                        format!("cannot release: {}", verdict.codes().join(", ")),
                    ));
                }
                reasons = verdict.reasons;
            }
            E::Reserve { patient, until } => {
                self.check_usable(at)?;
                check_until(at, *until)?;
                check_patient(patient)?;
                next.reservation = Some(Reservation {
                    patient: patient.clone(),
                    until: Some(*until),
                });
            }
            E::Crossmatch { patient, until } => {
                self.check_usable(at)?;
                check_until(at, *until)?;
                check_patient(patient)?;
                if effective == S::Reserved {
                    self.check_held_for(patient, at)?;
                }
                next.reservation = Some(Reservation {
                    patient: patient.clone(),
                    until: Some(*until),
                });
            }
            E::CancelReservation => {
                next.reservation = None;
            }
            E::Issue { patient } => {
                self.check_usable(at)?;
                check_patient(patient)?;
                if effective != S::Released {
                    self.check_held_for(patient, at)?;
                }
                next.reservation = Some(Reservation {
                    patient: patient.clone(),
                    until: None,
                });
            }
            E::EmergencyIssue {
                patient,
                justification,
            } => {
                self.check_usable(at)?;
                check_patient(patient)?;
                if crate::text::is_blank(justification) {
                    return Err(RaktError::input(
                        "justification",
                        "say why the urgency justified release before compatibility testing",
                    ));
                }
                next.reservation = Some(Reservation {
                    patient: patient.clone(),
                    until: None,
                });
                reasons.push(
                    Reason::new(ReasonCode::EmergencyReleaseFollowUp)
                        .fact("patient", patient)
                        .fact("justification", justification.trim().to_string())
                        .cite(SRC_EMERGENCY_RELEASE, Confidence::High),
                );
            }
            E::Transfuse => {
                reasons.extend(self.after_expiry(at, policy));
            }
            E::TransfuseWithReaction { details } => {
                if crate::text::is_blank(details) {
                    return Err(RaktError::input("details", "describe the reaction"));
                }
                reasons.extend(self.after_expiry(at, policy));
            }
            E::Return {
                minutes_out_of_storage,
                keep_for_patient,
            } => {
                let (status, reason, why) =
                    self.return_outcome(at, *minutes_out_of_storage, *keep_for_patient, policy)?;
                next.status = status;
                if status != S::Returned {
                    next.reservation = None;
                }
                next.discard_reason = why;
                reasons.push(reason);
            }
            E::Discard { reason } => {
                reason.check()?;
                if *reason == DiscardReason::Expired && !self.is_expired(at) {
                    return Err(RaktError::input(
                        "reason",
                        format!(
                            "the unit is not expired at {} (it expires at {})",
                            at.to_rfc3339(),
                            self.expiry.expires_at.to_rfc3339()
                        ),
                    ));
                }
                next.discard_reason = Some(reason.clone());
                next.reservation = None;
                reasons.push(discard_reason(reason));
            }
            E::Transfer {
                from,
                to,
                dispatched_at,
                min_celsius,
                max_celsius,
            } => {
                if crate::text::is_blank(from) || crate::text::is_blank(to) || from == to {
                    return Err(RaktError::input(
                        "to",
                        "name two different facilities, the sender and the receiver",
                    ));
                }
                if *dispatched_at > at {
                    return Err(RaktError::input(
                        "dispatched_at",
                        format!(
                            "{} is after the receipt at {}",
                            dispatched_at.to_rfc3339(),
                            at.to_rfc3339()
                        ),
                    ));
                }
                self.check_time(*dispatched_at, "dispatch")?;
                if min_celsius > max_celsius {
                    return Err(RaktError::input(
                        "min_celsius",
                        format!(
                            "the lowest reading {min_celsius} °C is above the highest {max_celsius} °C"
                        ),
                    ));
                }
                self.check_usable(at)?;
                let storage = self.storage();
                let range = policy.inventory.transport.range(storage);
                let src = policy
                    .source("inventory.transport")
                    .map(|s| (s.citation.clone(), s.confidence))
                    .unwrap_or((Citation::default(), Confidence::Unverified));
                let (lo, hi) = (
                    range.min_celsius.map(|d| d.to_string()).unwrap_or_default(),
                    range.max_celsius.map(|d| d.to_string()).unwrap_or_default(),
                );
                if range.contains(*min_celsius) && range.contains(*max_celsius) {
                    reasons.push(
                        Reason::new(ReasonCode::Transferred)
                            .fact("from", from)
                            .fact("to", to)
                            .fact("storage", storage.as_str())
                            .cite(&src.0, src.1),
                    );
                } else {
                    next.status = S::Discarded;
                    next.discard_reason = Some(DiscardReason::ColdChainBreak);
                    reasons.push(
                        Reason::new(ReasonCode::ColdChainBreach)
                            .fact("from", from)
                            .fact("to", to)
                            .fact("storage", storage.as_str())
                            .fact("min_celsius", min_celsius.to_string())
                            .fact("max_celsius", max_celsius.to_string())
                            .fact("range_min", lo)
                            .fact("range_max", hi)
                            .cite(&src.0, src.1),
                    );
                }
            }
            E::SendForFractionation => {
                if !matches!(
                    self.product().component(),
                    Component::FreshFrozenPlasma | Component::Plasma | Component::CryoPoorPlasma
                ) {
                    return Err(RaktError::not_applicable(
                        "NOT_PLASMA",
                        format!(
                            "only plasma goes for fractionation, not {}",
                            self.product().component()
                        ),
                    ));
                }
                self.check_usable(at)?;
            }
            E::Irradiate | E::Wash | E::Open | E::Thaw { .. } => {
                let redating = match &event.kind {
                    E::Irradiate => Redating::Irradiated { at },
                    E::Wash => Redating::Washed { at },
                    E::Open => Redating::Opened { at },
                    E::Thaw { storage } => Redating::Thawed {
                        at,
                        storage: *storage,
                    },
                    _ => return Err(self.refuse(&event.kind)),
                };
                next.expiry = self.expiry.redate(&redating, policy)?;
                reasons.extend(next.expiry.reasons.last().cloned());
            }
            E::Collected
            | E::SplitFrom { .. }
            | E::PooledFrom { .. }
            | E::SplitInto { .. }
            | E::PooledInto { .. } => return Err(self.refuse(&event.kind)),
        }
        if !targets.contains(&next.status) {
            return Err(self.refuse(&event.kind));
        }
        next.history.push(UnitEvent {
            at,
            actor: event.actor.clone(),
            kind: event.kind.clone(),
            reasons,
        });
        Ok(next)
    }

    /// A transfusion recorded at or after expiry is recorded (history is what happened), with a
    /// caution for follow-up.
    fn after_expiry(&self, at: DateTime<FixedOffset>, policy: &Policy) -> Option<Reason> {
        self.is_expired(at).then(|| {
            Reason::new(ReasonCode::TransfusedAfterExpiry)
                .fact(
                    "expires_at",
                    self.expiry
                        .expires_at
                        .with_timezone(&policy.offset())
                        .to_rfc3339(),
                )
                .cite(SRC_STATUS, Confidence::Medium)
        })
    }

    fn refuse(&self, kind: &EventKind) -> RaktError {
        RaktError::not_applicable(
            "INVALID_TRANSITION",
            format!("cannot {} a {} unit", kind.name(), self.status),
        )
    }

    fn check_time(&self, at: DateTime<FixedOffset>, what: &str) -> Result<()> {
        crate::time::check_writable("at", at)?;
        match self.history.last() {
            Some(last) if at < last.at => Err(RaktError::not_applicable(
                "EVENT_OUT_OF_ORDER",
                format!(
                    "{what} at {} is before the unit's last event at {}",
                    at.to_rfc3339(),
                    last.at.to_rfc3339()
                ),
            )),
            _ => Ok(()),
        }
    }

    /// Refuse using a unit that is expired at `at`.
    fn check_usable(&self, at: DateTime<FixedOffset>) -> Result<()> {
        if self.is_expired(at) {
            return Err(RaktError::not_applicable(
                "UNIT_EXPIRED",
                format!(
                    "the unit expired at {}",
                    self.expiry.expires_at.to_rfc3339()
                ),
            ));
        }
        Ok(())
    }

    /// Refuse when the unit is held for another patient or the hold has lapsed.
    fn check_held_for(&self, patient: &str, at: DateTime<FixedOffset>) -> Result<()> {
        let Some(r) = &self.reservation else {
            return Ok(());
        };
        if r.patient != patient {
            return Err(RaktError::not_applicable(
                "WRONG_PATIENT",
                format!(
                    "the unit is held for patient {:?}, not {patient:?}",
                    r.patient
                ),
            ));
        }
        if let Some(until) = r.until {
            if at >= until {
                return Err(RaktError::not_applicable(
                    "RESERVATION_EXPIRED",
                    format!(
                        "the hold for {:?} lapsed at {}",
                        r.patient,
                        until.to_rfc3339()
                    ),
                ));
            }
        }
        Ok(())
    }

    fn return_outcome(
        &self,
        at: DateTime<FixedOffset>,
        minutes: Option<u32>,
        keep_for_patient: bool,
        policy: &Policy,
    ) -> Result<(UnitStatus, Reason, Option<DiscardReason>)> {
        let window = policy.unit.return_window_minutes;
        let (minutes, within) = match minutes {
            Some(m) => (m, m <= window),
            None => {
                let issued_at = self
                    .history
                    .iter()
                    .rev()
                    .find(|e| matches!(e.kind, EventKind::Issue { .. }))
                    .map_or(at, |e| e.at);
                let seconds = (at - issued_at).num_seconds().max(0);
                let minutes = u32::try_from((seconds + 59) / 60).unwrap_or(u32::MAX);
                (minutes, seconds <= i64::from(window) * 60)
            }
        };
        let cite = |r: Reason| match policy.source("unit.return_window_minutes") {
            Some(src) => r.cite(&src.citation, src.confidence),
            None => r,
        };
        if self.is_expired(at) {
            return Ok((
                UnitStatus::Discarded,
                discard_reason(&DiscardReason::Expired),
                Some(DiscardReason::Expired),
            ));
        }
        if !within {
            let reason = Reason::new(ReasonCode::ReturnedTooLate)
                .fact("minutes", minutes)
                .fact("limit", window);
            return Ok((
                UnitStatus::Discarded,
                cite(reason),
                Some(DiscardReason::ReturnedTooLate),
            ));
        }
        let reason = Reason::new(ReasonCode::ReturnedToStock)
            .fact("minutes", minutes)
            .fact("limit", window);
        let status = if keep_for_patient {
            UnitStatus::Returned
        } else {
            UnitStatus::Released
        };
        Ok((status, cite(reason), None))
    }
}

fn discard_reason(reason: &DiscardReason) -> Reason {
    Reason::new(ReasonCode::Discarded)
        .fact("reason", reason)
        .cite(SRC_STATUS, Confidence::Medium)
}

fn check_actor(actor: &str) -> Result<()> {
    if crate::text::is_blank(actor) {
        return Err(RaktError::input("actor", "say who recorded the event"));
    }
    Ok(())
}

fn check_patient(patient: &str) -> Result<()> {
    if crate::text::is_blank(patient) {
        return Err(RaktError::input("patient", "name the patient"));
    }
    Ok(())
}

fn check_until(at: DateTime<FixedOffset>, until: DateTime<FixedOffset>) -> Result<()> {
    crate::time::check_writable("until", until)?;
    if until <= at {
        return Err(RaktError::input(
            "until",
            format!("the hold must end after {}", at.to_rfc3339()),
        ));
    }
    Ok(())
}
