//! Unit events and discard reasons: sealed classes in Kotlin.

use rakt::unit::UnitId;

use crate::components::Storage;
use crate::error::{Result, unsigned};
use crate::groups::{Abo, BloodGroup};
use crate::reasons::{Reason, reasons_from_core, reasons_to_core};
use crate::screening::{TestResult, TtiMarker};
use crate::time::{Decimal, Timestamp};

/// Why a unit was discarded: a sealed class in Kotlin (`DiscardReason.Expired`,
/// `DiscardReason.Other("text")`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum DiscardReason {
    /// Expired.
    Expired,
    /// A repeat-reactive or indeterminate TTI screening result.
    TtiReactive,
    /// Under-collected (quantity not sufficient).
    UnderCollected,
    /// Leakage or a damaged bag.
    Leakage,
    /// Haemolysed.
    Haemolysed,
    /// Lipaemic.
    Lipaemic,
    /// Clotted.
    Clotted,
    /// A break in the cold chain.
    ColdChainBreak,
    /// Returned after too long out of controlled storage.
    ReturnedTooLate,
    /// Another reason, in words.
    Other {
        /// Why (must not be blank).
        text: String,
    },
}

impl From<&DiscardReason> for rakt::DiscardReason {
    fn from(r: &DiscardReason) -> Self {
        match r {
            DiscardReason::Expired => rakt::DiscardReason::Expired,
            DiscardReason::TtiReactive => rakt::DiscardReason::TtiReactive,
            DiscardReason::UnderCollected => rakt::DiscardReason::UnderCollected,
            DiscardReason::Leakage => rakt::DiscardReason::Leakage,
            DiscardReason::Haemolysed => rakt::DiscardReason::Haemolysed,
            DiscardReason::Lipaemic => rakt::DiscardReason::Lipaemic,
            DiscardReason::Clotted => rakt::DiscardReason::Clotted,
            DiscardReason::ColdChainBreak => rakt::DiscardReason::ColdChainBreak,
            DiscardReason::ReturnedTooLate => rakt::DiscardReason::ReturnedTooLate,
            DiscardReason::Other { text } => rakt::DiscardReason::Other(text.clone()),
        }
    }
}

impl From<&rakt::DiscardReason> for DiscardReason {
    fn from(r: &rakt::DiscardReason) -> Self {
        match r {
            rakt::DiscardReason::Expired => DiscardReason::Expired,
            rakt::DiscardReason::TtiReactive => DiscardReason::TtiReactive,
            rakt::DiscardReason::UnderCollected => DiscardReason::UnderCollected,
            rakt::DiscardReason::Leakage => DiscardReason::Leakage,
            rakt::DiscardReason::Haemolysed => DiscardReason::Haemolysed,
            rakt::DiscardReason::Lipaemic => DiscardReason::Lipaemic,
            rakt::DiscardReason::Clotted => DiscardReason::Clotted,
            rakt::DiscardReason::ColdChainBreak => DiscardReason::ColdChainBreak,
            rakt::DiscardReason::ReturnedTooLate => DiscardReason::ReturnedTooLate,
            rakt::DiscardReason::Other(text) => DiscardReason::Other { text: text.clone() },
        }
    }
}

/// What happened to a unit: a sealed class in Kotlin. Apply one with `BloodUnit.apply`;
/// `Collected`, `SplitInto`, `SplitFrom`, `PooledInto` and `PooledFrom` are recorded by
/// `BloodUnit.collect`, `BloodUnit.split` and `poolUnits` and refused by `apply`. Unit ids are
/// written `DIN` or `DIN/A0`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum EventKind {
    /// The blood was collected (recorded by `BloodUnit.collect`).
    Collected,
    /// Collected → quarantined, awaiting tests.
    Quarantine,
    /// A first screening result (collected or quarantined units).
    RecordTest {
        /// The marker.
        marker: TtiMarker,
        /// Its result.
        result: TestResult,
    },
    /// The duplicate repeat of an initially reactive marker.
    RecordRepeat {
        /// The marker.
        marker: TtiMarker,
        /// The first repeat.
        first: TestResult,
        /// The second repeat.
        second: TestResult,
    },
    /// Grouping results; a field left `null` keeps its earlier value.
    RecordGrouping {
        /// Forward grouping.
        #[uniffi(default = None)]
        forward: Option<BloodGroup>,
        /// Reverse grouping.
        #[uniffi(default = None)]
        reverse: Option<Abo>,
        /// The donor's historical group.
        #[uniffi(default = None)]
        historical: Option<BloodGroup>,
    },
    /// Quarantined → released, when the release verdict allows it.
    Release,
    /// Released → reserved for a patient until a time.
    Reserve {
        /// The patient.
        patient: String,
        /// The reservation lapses at this time.
        until: Timestamp,
    },
    /// Released or reserved (same patient) → crossmatched until a time.
    Crossmatch {
        /// The patient.
        patient: String,
        /// The crossmatch lapses at this time.
        until: Timestamp,
    },
    /// Reserved, crossmatched or returned → released.
    CancelReservation,
    /// → issued. From released (emergency issue) or from a hold for the same patient that has
    /// not lapsed. Refused when the unit is expired.
    Issue {
        /// The patient.
        patient: String,
    },
    /// Released → issued before compatibility testing in an emergency, with the justification;
    /// the unit is flagged for follow-up (`BloodUnit.emergencyRelease()`).
    EmergencyIssue {
        /// The patient.
        patient: String,
        /// Why the urgency justified release before compatibility testing.
        justification: String,
    },
    /// Issued → transfused.
    Transfuse,
    /// Issued → transfused with a reaction.
    TransfuseWithReaction {
        /// What happened.
        details: String,
    },
    /// Issued → back to stock (released, or returned and linked to the patient when
    /// `keepForPatient`) within the policy's time out of controlled storage; discarded when
    /// later or expired.
    Return {
        /// Minutes out of controlled storage; when `null`, the time since issue.
        #[uniffi(default = None)]
        minutes_out_of_storage: Option<i32>,
        /// Keep the unit linked to the same patient (HL7 RL).
        #[uniffi(default = false)]
        keep_for_patient: bool,
    },
    /// → discarded, from any state that is not final.
    Discard {
        /// Why.
        reason: DiscardReason,
    },
    /// Released plasma → sent for fractionation.
    SendForFractionation,
    /// Irradiated (re-dates per policy).
    Irradiate,
    /// Washed (re-dates per policy).
    Wash,
    /// The closed system was opened (re-dates per policy).
    Open,
    /// Thawed, then kept in `storage` (re-dates per policy).
    Thaw {
        /// Storage after thawing.
        storage: Storage,
    },
    /// Carried from one facility to another, recorded on receipt with the lowest and highest
    /// temperatures logged; outside the transport range the unit is discarded (cold-chain break).
    Transfer {
        /// The sending facility.
        from: String,
        /// The receiving facility.
        to: String,
        /// When the unit left `from`.
        dispatched_at: Timestamp,
        /// The lowest temperature logged in transit, °C.
        min_celsius: Decimal,
        /// The highest temperature logged in transit, °C.
        max_celsius: Decimal,
    },
    /// The unit was split into these children (recorded by `BloodUnit.split`).
    SplitInto {
        /// The children's ids.
        children: Vec<String>,
    },
    /// The unit was split from this parent (recorded by `BloodUnit.split`).
    SplitFrom {
        /// The parent's id.
        parent: String,
    },
    /// The unit was pooled into this pool (recorded by `poolUnits`).
    PooledInto {
        /// The pool's id.
        pool: String,
    },
    /// The pool was made from these units (recorded by `poolUnits`).
    PooledFrom {
        /// The constituents' ids.
        constituents: Vec<String>,
    },
}

/// A unit id as text: `DIN` or `DIN/A0` (the core's display).
pub(crate) fn id_text(id: &UnitId) -> String {
    id.to_string()
}

/// A unit id read back from its text, validated by the core: `DIN/X0` when the part after the
/// last `/` is a division, else a DIN alone.
pub(crate) fn id_from_text(text: &str) -> Result<UnitId> {
    Ok(UnitId::parse(text)?)
}

pub(crate) fn ids_from_text(ids: &[String]) -> Result<Vec<UnitId>> {
    ids.iter().map(|id| id_from_text(id)).collect()
}

/// A count from the core (`u32`) as a Kotlin `Int`. Every such count came from Kotlin, so it
/// fits; a larger one is shown as `Int.MAX_VALUE`.
pub(crate) fn to_int(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

impl EventKind {
    fn to_core(&self) -> Result<rakt::EventKind> {
        use rakt::EventKind as E;
        let group = |g: &Option<BloodGroup>| g.map(BloodGroup::to_core).transpose();
        Ok(match self {
            EventKind::Collected => E::Collected,
            EventKind::Quarantine => E::Quarantine,
            EventKind::RecordTest { marker, result } => E::RecordTest {
                marker: (*marker).into(),
                result: (*result).into(),
            },
            EventKind::RecordRepeat {
                marker,
                first,
                second,
            } => E::RecordRepeat {
                marker: (*marker).into(),
                first: (*first).into(),
                second: (*second).into(),
            },
            EventKind::RecordGrouping {
                forward,
                reverse,
                historical,
            } => E::RecordGrouping {
                forward: group(forward)?,
                reverse: reverse.map(Into::into),
                historical: group(historical)?,
            },
            EventKind::Release => E::Release,
            EventKind::Reserve { patient, until } => E::Reserve {
                patient: patient.clone(),
                until: until.parse("until")?,
            },
            EventKind::Crossmatch { patient, until } => E::Crossmatch {
                patient: patient.clone(),
                until: until.parse("until")?,
            },
            EventKind::CancelReservation => E::CancelReservation,
            EventKind::Issue { patient } => E::Issue {
                patient: patient.clone(),
            },
            EventKind::EmergencyIssue {
                patient,
                justification,
            } => E::EmergencyIssue {
                patient: patient.clone(),
                justification: justification.clone(),
            },
            EventKind::Transfuse => E::Transfuse,
            EventKind::TransfuseWithReaction { details } => E::TransfuseWithReaction {
                details: details.clone(),
            },
            EventKind::Return {
                minutes_out_of_storage,
                keep_for_patient,
            } => E::Return {
                minutes_out_of_storage: minutes_out_of_storage
                    .map(|m| unsigned(m, "minutes_out_of_storage"))
                    .transpose()?,
                keep_for_patient: *keep_for_patient,
            },
            EventKind::Discard { reason } => E::Discard {
                reason: reason.into(),
            },
            EventKind::SendForFractionation => E::SendForFractionation,
            EventKind::Irradiate => E::Irradiate,
            EventKind::Wash => E::Wash,
            EventKind::Open => E::Open,
            EventKind::Thaw { storage } => E::Thaw {
                storage: (*storage).into(),
            },
            EventKind::Transfer {
                from,
                to,
                dispatched_at,
                min_celsius,
                max_celsius,
            } => E::Transfer {
                from: from.clone(),
                to: to.clone(),
                dispatched_at: dispatched_at.parse("dispatched_at")?,
                min_celsius: min_celsius.parse("min_celsius")?,
                max_celsius: max_celsius.parse("max_celsius")?,
            },
            EventKind::SplitInto { children } => E::SplitInto {
                children: ids_from_text(children)?,
            },
            EventKind::SplitFrom { parent } => E::SplitFrom {
                parent: id_from_text(parent)?,
            },
            EventKind::PooledInto { pool } => E::PooledInto {
                pool: id_from_text(pool)?,
            },
            EventKind::PooledFrom { constituents } => E::PooledFrom {
                constituents: ids_from_text(constituents)?,
            },
        })
    }
}

impl From<&rakt::EventKind> for EventKind {
    fn from(k: &rakt::EventKind) -> Self {
        use rakt::EventKind as E;
        match k {
            E::Collected => EventKind::Collected,
            E::Quarantine => EventKind::Quarantine,
            E::RecordTest { marker, result } => EventKind::RecordTest {
                marker: (*marker).into(),
                result: (*result).into(),
            },
            E::RecordRepeat {
                marker,
                first,
                second,
            } => EventKind::RecordRepeat {
                marker: (*marker).into(),
                first: (*first).into(),
                second: (*second).into(),
            },
            E::RecordGrouping {
                forward,
                reverse,
                historical,
            } => EventKind::RecordGrouping {
                forward: forward.map(Into::into),
                reverse: reverse.map(Into::into),
                historical: historical.map(Into::into),
            },
            E::Release => EventKind::Release,
            E::Reserve { patient, until } => EventKind::Reserve {
                patient: patient.clone(),
                until: (*until).into(),
            },
            E::Crossmatch { patient, until } => EventKind::Crossmatch {
                patient: patient.clone(),
                until: (*until).into(),
            },
            E::CancelReservation => EventKind::CancelReservation,
            E::Issue { patient } => EventKind::Issue {
                patient: patient.clone(),
            },
            E::EmergencyIssue {
                patient,
                justification,
            } => EventKind::EmergencyIssue {
                patient: patient.clone(),
                justification: justification.clone(),
            },
            E::Transfuse => EventKind::Transfuse,
            E::TransfuseWithReaction { details } => EventKind::TransfuseWithReaction {
                details: details.clone(),
            },
            E::Return {
                minutes_out_of_storage,
                keep_for_patient,
            } => EventKind::Return {
                minutes_out_of_storage: minutes_out_of_storage.map(to_int),
                keep_for_patient: *keep_for_patient,
            },
            E::Discard { reason } => EventKind::Discard {
                reason: reason.into(),
            },
            E::SendForFractionation => EventKind::SendForFractionation,
            E::Irradiate => EventKind::Irradiate,
            E::Wash => EventKind::Wash,
            E::Open => EventKind::Open,
            E::Thaw { storage } => EventKind::Thaw {
                storage: (*storage).into(),
            },
            E::Transfer {
                from,
                to,
                dispatched_at,
                min_celsius,
                max_celsius,
            } => EventKind::Transfer {
                from: from.clone(),
                to: to.clone(),
                dispatched_at: (*dispatched_at).into(),
                min_celsius: (*min_celsius).into(),
                max_celsius: (*max_celsius).into(),
            },
            E::SplitInto { children } => EventKind::SplitInto {
                children: children.iter().map(id_text).collect(),
            },
            E::SplitFrom { parent } => EventKind::SplitFrom {
                parent: id_text(parent),
            },
            E::PooledInto { pool } => EventKind::PooledInto {
                pool: id_text(pool),
            },
            E::PooledFrom { constituents } => EventKind::PooledFrom {
                constituents: constituents.iter().map(id_text).collect(),
            },
        }
    }
}

/// One entry in a unit's history, or an event to apply (`UnitEvent(at, actor, kind)`: its
/// reasons are filled in when applied).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct UnitEvent {
    /// When it happened.
    pub at: Timestamp,
    /// Who recorded it (must not be blank).
    pub actor: String,
    /// What happened.
    pub kind: EventKind,
    /// What the event did and why (re-dating, return decision, release verdict, discard).
    #[uniffi(default = [])]
    pub reasons: Vec<Reason>,
}

impl UnitEvent {
    pub(crate) fn to_core(&self) -> Result<rakt::UnitEvent> {
        Ok(rakt::UnitEvent {
            at: self.at.parse("event.at")?,
            actor: self.actor.clone(),
            kind: self.kind.to_core()?,
            reasons: reasons_to_core(&self.reasons, "event.reasons")?,
        })
    }
}

impl From<&rakt::UnitEvent> for UnitEvent {
    fn from(e: &rakt::UnitEvent) -> Self {
        UnitEvent {
            at: e.at.into(),
            actor: e.actor.clone(),
            kind: (&e.kind).into(),
            reasons: reasons_from_core(&e.reasons),
        }
    }
}
