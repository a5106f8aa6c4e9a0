//! Unit statuses, their HL7 v2 codes, and donation types.

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
