//! Unit statuses, their HL7 v2 codes, and donation types.

use chrono::{DateTime, FixedOffset};

use super::{EventKind, Reservation};
use crate::error::{RaktError, Result};
use crate::macros::coded_enum;

coded_enum! {
    /// Where a unit is in its life.
    UnitStatus {
        /// Collected, not yet in quarantine.
        Collected => "collected",
        /// In quarantine, awaiting tests.
        Quarantined => "quarantined",
        /// Released into available stock.
        Released => "released",
        /// Reserved for a named patient until a time.
        Reserved => "reserved",
        /// Crossmatched for a named patient until a time.
        Crossmatched => "crossmatched",
        /// Issued (dispensed) to a patient.
        Issued => "issued",
        /// Transfused.
        Transfused => "transfused",
        /// Transfused, with a reaction.
        TransfusedWithReaction => "transfused_with_reaction",
        /// Returned unused within the time limit and kept linked to the same patient.
        Returned => "returned",
        /// Discarded, with a reason.
        Discarded => "discarded",
        /// Sent for fractionation (surplus plasma).
        Fractionated => "fractionated",
        /// Split or pooled into other units; no longer exists as itself.
        Processed => "processed",
    }
}

coded_enum! {
    /// How the blood was donated.
    DonationType {
        /// Voluntary, unpaid.
        Voluntary => "voluntary",
        /// Replacement (a relative or friend replacing blood used for a patient).
        Replacement => "replacement",
        /// Autologous (for the donor).
        Autologous => "autologous",
        /// Directed to a named recipient.
        Directed => "directed",
    }
}

impl UnitStatus {
    /// Whether no further event can apply.
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            UnitStatus::Transfused
                | UnitStatus::TransfusedWithReaction
                | UnitStatus::Discarded
                | UnitStatus::Fractionated
                | UnitStatus::Processed
        )
    }

    /// Whether a unit in this status is still held by the blood centre (collected, quarantined,
    /// released, reserved, crossmatched or returned): not issued and not final.
    pub fn is_in_stock(self) -> bool {
        matches!(
            self,
            UnitStatus::Collected
                | UnitStatus::Quarantined
                | UnitStatus::Released
                | UnitStatus::Reserved
                | UnitStatus::Crossmatched
                | UnitStatus::Returned
        )
    }

    /// The HL7 v2 code: table 0510 (blood product dispense status) or, for transfused units,
    /// table 0513 (transfusion/disposition status). Statuses before release, fractionation and
    /// processing have no code in those tables.
    ///
    /// ```
    /// use rakt::unit::UnitStatus;
    /// assert_eq!(UnitStatus::Crossmatched.hl7(), Some("RD"));
    /// assert_eq!(UnitStatus::Quarantined.hl7(), None);
    /// ```
    pub fn hl7(self) -> Option<&'static str> {
        match self {
            UnitStatus::Released => Some("CR"),
            UnitStatus::Reserved => Some("RS"),
            UnitStatus::Crossmatched => Some("RD"),
            UnitStatus::Issued => Some("DS"),
            UnitStatus::Transfused => Some("TX"),
            UnitStatus::TransfusedWithReaction => Some("TR"),
            UnitStatus::Returned => Some("RL"),
            UnitStatus::Discarded => Some("WA"),
            UnitStatus::Collected
            | UnitStatus::Quarantined
            | UnitStatus::Fractionated
            | UnitStatus::Processed => None,
        }
    }

    /// The status for an HL7 v2 table 0510 or 0513 code.
    ///
    /// Every code of both tables maps: CR, RE, RA → released; RI, RS → reserved; RD, RQ →
    /// crossmatched; DS, PT → issued; RL → returned; WA → discarded; TX → transfused; TR →
    /// transfused with reaction.
    ///
    /// ```
    /// use rakt::unit::UnitStatus;
    /// assert_eq!(UnitStatus::from_hl7("PT")?, UnitStatus::Issued);
    /// assert!(UnitStatus::from_hl7("XX").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_hl7(code: &str) -> Result<UnitStatus> {
        match code.trim() {
            "CR" | "RE" | "RA" => Ok(UnitStatus::Released),
            "RI" | "RS" => Ok(UnitStatus::Reserved),
            "RD" | "RQ" => Ok(UnitStatus::Crossmatched),
            "DS" | "PT" => Ok(UnitStatus::Issued),
            "RL" => Ok(UnitStatus::Returned),
            "WA" => Ok(UnitStatus::Discarded),
            "TX" => Ok(UnitStatus::Transfused),
            "TR" => Ok(UnitStatus::TransfusedWithReaction),
            other => Err(RaktError::input(
                "hl7",
                format!("{other:?} is not an HL7 v2 table 0510/0513 code"),
            )),
        }
    }
}

/// The status machine: the one definition of which event may follow which status, used by
/// [`super::BloodUnit::apply`], `split`, `pool` and by the check of imported units
/// (`verify.rs`), which replays a history through it.
impl UnitStatus {
    /// The statuses `kind` can lead to from this status, the usual outcome first; `None` when
    /// the event is refused. A return can end released, returned or discarded, a transfer
    /// released or discarded (the policy decides which); every other event has one outcome.
    /// `SplitInto` and `PooledInto` are recorded by `split` and `pool`, never applied; the
    /// events that begin a history (`Collected`, `SplitFrom`, `PooledFrom`) follow no status
    /// (see [`UnitStatus::origin`]).
    pub(crate) fn after(self, kind: &EventKind) -> Option<&'static [UnitStatus]> {
        use EventKind as E;
        use UnitStatus as S;
        let targets: &'static [UnitStatus] = match (kind, self) {
            (E::Quarantine, S::Collected) => &[S::Quarantined],
            (
                E::RecordTest { .. } | E::RecordRepeat { .. } | E::RecordGrouping { .. },
                S::Collected | S::Quarantined,
            )
            | (
                E::Irradiate | E::Wash | E::Open | E::Thaw { .. },
                S::Collected | S::Quarantined | S::Released | S::Reserved | S::Crossmatched,
            ) => self.unchanged(),
            (E::Release, S::Quarantined) => &[S::Released],
            (E::Reserve { .. }, S::Released) => &[S::Reserved],
            (E::Crossmatch { .. }, S::Released | S::Reserved) => &[S::Crossmatched],
            (E::CancelReservation, S::Reserved | S::Crossmatched | S::Returned) => &[S::Released],
            (E::Issue { .. }, S::Released | S::Reserved | S::Crossmatched | S::Returned)
            | (E::EmergencyIssue { .. }, S::Released) => &[S::Issued],
            (E::Transfuse, S::Issued) => &[S::Transfused],
            (E::TransfuseWithReaction { .. }, S::Issued) => &[S::TransfusedWithReaction],
            (E::Return { .. }, S::Issued) => &[S::Released, S::Returned, S::Discarded],
            (E::Discard { .. }, status) if !status.is_terminal() => &[S::Discarded],
            (E::Transfer { .. }, S::Released) => &[S::Released, S::Discarded],
            (E::SendForFractionation, S::Released) => &[S::Fractionated],
            (E::SplitInto { .. }, S::Collected | S::Quarantined | S::Released)
            | (E::PooledInto { .. }, S::Released) => &[S::Processed],
            _ => return None,
        };
        Some(targets)
    }

    /// The statuses a unit can have right after the event that begins its history: collected;
    /// a split part keeps its parent's status (any status a split is allowed from); a pool is
    /// released. `None` for an event that cannot begin a history.
    pub(crate) fn origin(kind: &EventKind) -> Option<Vec<UnitStatus>> {
        match kind {
            EventKind::Collected => Some(vec![UnitStatus::Collected]),
            EventKind::SplitFrom { .. } => Some(
                UnitStatus::ALL
                    .iter()
                    .copied()
                    .filter(|s| {
                        s.after(&EventKind::SplitInto {
                            children: Vec::new(),
                        })
                        .is_some()
                    })
                    .collect(),
            ),
            EventKind::PooledFrom { .. } => Some(vec![UnitStatus::Released]),
            _ => None,
        }
    }

    /// The status an event at `at` is judged against: a reservation or crossmatch whose hold
    /// has lapsed frees the unit (it counts as released) for a new reservation, crossmatch or
    /// emergency issue, and for an issue to anyone but the patient it was held for (who must be
    /// crossmatched again).
    pub(crate) fn effective(
        self,
        hold: Option<&Reservation>,
        kind: &EventKind,
        at: DateTime<FixedOffset>,
    ) -> UnitStatus {
        if !UnitStatus::lapsed(self, hold, at) {
            return self;
        }
        match kind {
            EventKind::Reserve { .. }
            | EventKind::Crossmatch { .. }
            | EventKind::EmergencyIssue { .. } => UnitStatus::Released,
            EventKind::Issue { patient } if hold.is_none_or(|r| r.patient != *patient) => {
                UnitStatus::Released
            }
            _ => self,
        }
    }

    /// The status at `as_of` of a unit recorded in this status and held by `hold`: a
    /// reservation or crossmatch that has lapsed counts as released.
    pub(crate) fn at(self, hold: Option<&Reservation>, as_of: DateTime<FixedOffset>) -> UnitStatus {
        if self.lapsed(hold, as_of) {
            UnitStatus::Released
        } else {
            self
        }
    }

    /// Whether a unit in this status, held by `hold`, is reserved or crossmatched with a hold
    /// that has lapsed at `as_of`.
    pub(crate) fn lapsed(self, hold: Option<&Reservation>, as_of: DateTime<FixedOffset>) -> bool {
        matches!(self, UnitStatus::Reserved | UnitStatus::Crossmatched)
            && hold.and_then(|r| r.until).is_some_and(|u| as_of >= u)
    }

    /// This status alone: the outcome of an event that does not move the unit.
    fn unchanged(self) -> &'static [UnitStatus] {
        use UnitStatus as S;
        match self {
            S::Collected => &[S::Collected],
            S::Quarantined => &[S::Quarantined],
            S::Released => &[S::Released],
            S::Reserved => &[S::Reserved],
            S::Crossmatched => &[S::Crossmatched],
            S::Issued => &[S::Issued],
            S::Transfused => &[S::Transfused],
            S::TransfusedWithReaction => &[S::TransfusedWithReaction],
            S::Returned => &[S::Returned],
            S::Discarded => &[S::Discarded],
            S::Fractionated => &[S::Fractionated],
            S::Processed => &[S::Processed],
        }
    }
}
