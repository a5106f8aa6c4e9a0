//! Unit events and discard reasons.

use std::fmt;

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::UnitId;
use crate::blood_group::{Abo, BloodGroup};
use crate::component::Storage;
use crate::reason::Reason;
use crate::screening::{TestResult, TtiMarker};

/// Why a unit was discarded.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    /// Another reason, in words (`{"other": "..."}` in JSON).
    Other(String),
}

impl DiscardReason {
    /// Another reason, in words: refused with [`crate::RaktError::InvalidInput`] (`reason`)
    /// when the text is blank (only spaces or invisible characters), as applying a discard
    /// refuses it.
    ///
    /// ```
    /// use rakt::DiscardReason;
    /// assert_eq!(DiscardReason::other("rat bite")?.to_string(), "rat bite");
    /// assert_eq!(DiscardReason::other("\u{200b}").unwrap_err().kind(), "InvalidInput");
    /// # Ok::<(), rakt::RaktError>(())
    /// ```
    pub fn other(text: &str) -> crate::error::Result<DiscardReason> {
        let reason = DiscardReason::Other(text.to_string());
        reason.check()?;
        Ok(reason)
    }

    /// Refuses an `Other` reason with blank text: the one definition of the rule, used by
    /// [`DiscardReason::other`] and when a discard is applied.
    pub(crate) fn check(&self) -> crate::error::Result<()> {
        match self {
            DiscardReason::Other(text) if crate::text::is_blank(text) => Err(
                crate::error::RaktError::input("reason", "say why the unit was discarded"),
            ),
            _ => Ok(()),
        }
    }

    /// The stable code: `expired`, `tti_reactive`, ..., and `other` for any reason in words.
    ///
    /// ```
    /// use rakt::DiscardReason;
    /// assert_eq!(DiscardReason::ColdChainBreak.code(), "cold_chain_break");
    /// assert_eq!(DiscardReason::Other("rat bite".into()).code(), "other");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            DiscardReason::Expired => "expired",
            DiscardReason::TtiReactive => "tti_reactive",
            DiscardReason::UnderCollected => "under_collected",
            DiscardReason::Leakage => "leakage",
            DiscardReason::Haemolysed => "haemolysed",
            DiscardReason::Lipaemic => "lipaemic",
            DiscardReason::Clotted => "clotted",
            DiscardReason::ColdChainBreak => "cold_chain_break",
            DiscardReason::ReturnedTooLate => "returned_too_late",
            DiscardReason::Other(_) => "other",
        }
    }
}

impl From<&DiscardReason> for crate::reason::Fact {
    fn from(r: &DiscardReason) -> crate::reason::Fact {
        match r {
            DiscardReason::Other(text) => crate::reason::Fact::Text(text.clone()),
            fixed => crate::reason::Fact::Code(fixed.code()),
        }
    }
}

impl fmt::Display for DiscardReason {
    /// The stable code, or the text of `Other`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiscardReason::Other(text) => f.write_str(text),
            fixed => f.write_str(fixed.code()),
        }
    }
}

/// What happened to a unit. In JSON: `{"type": "issue", "patient": "P-1"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum EventKind {
    /// The blood was collected (recorded by `BloodUnit::collect`).
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
    /// Grouping results; a field left out keeps its earlier value.
    RecordGrouping {
        /// Forward grouping.
        #[serde(default)]
        forward: Option<BloodGroup>,
        /// Reverse grouping.
        #[serde(default)]
        reverse: Option<Abo>,
        /// The donor's historical group.
        #[serde(default)]
        historical: Option<BloodGroup>,
    },
    /// Quarantined → released, when the release verdict allows it.
    Release,
    /// Released → reserved for a patient until a time.
    Reserve {
        /// The patient.
        patient: String,
        /// The reservation lapses at this time.
        until: DateTime<FixedOffset>,
    },
    /// Released or reserved (same patient) → crossmatched until a time.
    Crossmatch {
        /// The patient.
        patient: String,
        /// The crossmatch lapses at this time.
        until: DateTime<FixedOffset>,
    },
    /// Reserved, crossmatched or returned → released.
    CancelReservation,
    /// → issued. From released (emergency issue) or from a hold for the same patient that has
    /// not lapsed. Refused when the unit is expired.
    Issue {
        /// The patient.
        patient: String,
    },
    /// Released → issued before compatibility testing, in an emergency: the justification and
    /// the actor are recorded and the unit is flagged for follow-up
    /// ([`BloodUnit::emergency_release`](super::BloodUnit::emergency_release)). Refused when the
    /// unit is expired or held.
    EmergencyIssue {
        /// The patient (an identifier such as an emergency number when the name is not known).
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
    /// `keep_for_patient`) within the policy's time out of controlled storage; discarded when
    /// later or expired.
    Return {
        /// Minutes out of controlled storage; when not given, the time since issue.
        #[serde(default)]
        minutes_out_of_storage: Option<u32>,
        /// Keep the unit linked to the same patient (HL7 RL).
        #[serde(default)]
        keep_for_patient: bool,
    },
    /// → discarded, from any state that is not final.
    Discard {
        /// Why.
        reason: DiscardReason,
    },
    /// A released unit carried from one facility to another (a hub blood centre supplying a
    /// storage centre), recorded on receipt with the lowest and highest temperatures logged on
    /// the way. Within the policy's transport range for the unit's storage it stays released
    /// at `to`; outside it, it is discarded for a cold-chain break. Refused when the unit is
    /// expired on receipt or held.
    Transfer {
        /// The sending facility.
        from: String,
        /// The receiving facility.
        to: String,
        /// When the unit left `from`.
        dispatched_at: DateTime<FixedOffset>,
        /// The lowest temperature logged in transit, °C.
        min_celsius: Decimal,
        /// The highest temperature logged in transit, °C.
        max_celsius: Decimal,
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
    /// The unit was split into these children (recorded by `BloodUnit::split`).
    SplitInto {
        /// The children.
        children: Vec<UnitId>,
    },
    /// The unit was split from this parent (recorded by `BloodUnit::split`).
    SplitFrom {
        /// The parent.
        parent: UnitId,
    },
    /// The unit was pooled into this pool (recorded by `BloodUnit::pool`).
    PooledInto {
        /// The pool.
        pool: UnitId,
    },
    /// The pool was made from these units (recorded by `BloodUnit::pool`).
    PooledFrom {
        /// The constituents.
        constituents: Vec<UnitId>,
    },
}

impl EventKind {
    /// A short verb for messages: `issue`, `reserve`, `release`, ...
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::Collected => "collect",
            EventKind::Quarantine => "quarantine",
            EventKind::RecordTest { .. } => "record a test result on",
            EventKind::RecordRepeat { .. } => "record a repeat test on",
            EventKind::RecordGrouping { .. } => "record grouping on",
            EventKind::Release => "release",
            EventKind::Reserve { .. } => "reserve",
            EventKind::Crossmatch { .. } => "crossmatch",
            EventKind::CancelReservation => "cancel the reservation of",
            EventKind::Issue { .. } => "issue",
            EventKind::EmergencyIssue { .. } => "issue in an emergency",
            EventKind::Transfuse => "transfuse",
            EventKind::TransfuseWithReaction { .. } => "transfuse",
            EventKind::Return { .. } => "return",
            EventKind::Discard { .. } => "discard",
            EventKind::SendForFractionation => "send for fractionation",
            EventKind::Transfer { .. } => "transfer",
            EventKind::Irradiate => "irradiate",
            EventKind::Wash => "wash",
            EventKind::Open => "open",
            EventKind::Thaw { .. } => "thaw",
            EventKind::SplitInto { .. } | EventKind::SplitFrom { .. } => "split",
            EventKind::PooledInto { .. } | EventKind::PooledFrom { .. } => "pool",
        }
    }
}

/// One entry in a unit's history.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitEvent {
    /// When it happened.
    pub at: DateTime<FixedOffset>,
    /// Who recorded it.
    pub actor: String,
    /// What happened.
    pub kind: EventKind,
    /// What the event did and why (re-dating, return decision, release verdict, discard).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Reason>,
}

impl UnitEvent {
    /// An event to apply (its reasons are filled in when applied).
    pub fn new(at: DateTime<FixedOffset>, actor: &str, kind: EventKind) -> UnitEvent {
        UnitEvent {
            at,
            actor: actor.to_string(),
            kind,
            reasons: Vec::new(),
        }
    }
}
