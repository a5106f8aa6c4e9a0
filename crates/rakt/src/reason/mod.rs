//! Reasons: why a verdict came out the way it did.
//!
//! Every verdict carries [`Reason`]s. A reason has a stable `SCREAMING_SNAKE` [`ReasonCode`]
//! (the contract: codes never change meaning), a [`Severity`], the facts it used (`donor`,
//! `recipient`, `age_limit`, `expires_at`, ...), the source of the rule and how sure we are of
//! it, and a message in English or Hindi rendered on demand by [`Reason::message`]. Messages
//! may be improved between releases; codes and fact names may not.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::policy::{Citation, Confidence};

mod codes;
mod facts;
mod localise;
mod templates;
pub use crate::vocab::lang::Lang;
pub use codes::ReasonCodes;
pub use facts::{Fact, Facts};
pub(crate) use localise::localise as localise_fact;

use localise::localise;
use templates::template;

/// How much a reason matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Explains a decision; nothing to do.
    Info,
    /// Allowed, but someone must act or choose knowingly (a caveat).
    Caution,
    /// A hard stop: the unit must not be given.
    Stop,
}

impl Severity {
    /// `info`, `caution` or `stop`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Caution => "caution",
            Severity::Stop => "stop",
        }
    }
}

macro_rules! reason_codes {
    ($( $(#[$doc:meta])* $variant:ident => $text:literal, $sev:ident ;)*) => {
        /// Stable codes of every reason rakt gives. The text form (`ABO_IDENTICAL`) is the
        /// contract used by the bindings and the conformance vectors.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        #[non_exhaustive]
        pub enum ReasonCode {
            $( $(#[$doc])* $variant, )*
        }

        impl ReasonCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ReasonCode] = &[$(ReasonCode::$variant),*];

            /// The stable text form, e.g. `RHD_NEGATIVE_REQUIRED`.
            pub fn as_str(self) -> &'static str {
                match self { $(ReasonCode::$variant => $text,)* }
            }

            /// The code for its stable text form, e.g. `RHD_NEGATIVE_REQUIRED`.
            ///
            /// ```
            /// use rakt::ReasonCode;
            /// assert_eq!(ReasonCode::parse("ABO_IDENTICAL"), Some(ReasonCode::AboIdentical));
            /// assert_eq!(ReasonCode::parse("abo_identical"), None);
            /// ```
            pub fn parse(text: &str) -> Option<ReasonCode> {
                match text { $($text => Some(ReasonCode::$variant),)* _ => None }
            }

            /// The severity this code always has.
            pub fn severity(self) -> Severity {
                match self { $(ReasonCode::$variant => Severity::$sev,)* }
            }
        }
    };
}

reason_codes! {
    /// Donor and recipient have the same ABO group (or Bombay).
    AboIdentical => "ABO_IDENTICAL", Info;
    /// Donor red cells carry no antigen the recipient has antibodies against.
    RedCellsAboCompatible => "RED_CELLS_ABO_COMPATIBLE", Info;
    /// Donor plasma carries no antibody against the recipient's red cells.
    PlasmaAboCompatible => "PLASMA_ABO_COMPATIBLE", Info;
    /// The recipient's anti-A/anti-B would destroy the donor red cells.
    RedCellsAboIncompatible => "RED_CELLS_ABO_INCOMPATIBLE", Stop;
    /// The donor plasma's anti-A/anti-B would attack the recipient's red cells.
    PlasmaAboIncompatible => "PLASMA_ABO_INCOMPATIBLE", Stop;
    /// Donor plasma carries anti-A/anti-B against the recipient's red cells (or, when the group
    /// is unknown, against the red cells the recipient may have), and the policy accepts it:
    /// only in an emergency when plasma without that antibody is unobtainable, and only a unit
    /// tested negative for high-titre antibody.
    PlasmaHighTitreNegativeOnly => "PLASMA_HIGH_TITRE_NEGATIVE_ONLY", Caution;
    /// The donor group is not in the policy's plasma order for this recipient.
    PlasmaAboNotInPolicy => "PLASMA_ABO_NOT_IN_POLICY", Stop;
    /// Whole blood must be ABO-identical.
    WholeBloodNotAboIdentical => "WHOLE_BLOOD_NOT_ABO_IDENTICAL", Stop;
    /// A Bombay recipient may receive red cells (and whole blood) only from Bombay donors.
    BombayRecipientNeedsBombay => "BOMBAY_RECIPIENT_NEEDS_BOMBAY", Stop;
    /// Bombay donor plasma (anti-H, anti-A, anti-B) only for Bombay recipients.
    BombayDonorPlasmaAntiH => "BOMBAY_DONOR_PLASMA_ANTI_H", Stop;
    /// Bombay red cells suit any recipient but are rare; keep them for Bombay recipients.
    BombayUnitForNonBombay => "BOMBAY_UNIT_FOR_NON_BOMBAY", Caution;
    /// Any ABO plasma suits a Bombay recipient (inference).
    BombayRecipientPlasma => "BOMBAY_RECIPIENT_PLASMA", Info;
    /// RhD-negative units are mandatory for this recipient.
    RhdNegativeRequired => "RHD_NEGATIVE_REQUIRED", Stop;
    /// RhD-positive red cells to an RhD-negative recipient who is not protected: allowed with
    /// the risk of anti-D.
    RhdPositiveToRhdNegative => "RHD_POSITIVE_TO_RHD_NEGATIVE", Caution;
    /// The donor's RhD type is not recorded.
    DonorRhdUnknown => "DONOR_RHD_UNKNOWN", Stop;
    /// The recipient's RhD type is not known; treated as negative.
    RecipientRhdUnknown => "RECIPIENT_RHD_UNKNOWN", Caution;
    /// A weak-D recipient is treated per policy (traditionally as RhD-negative).
    WeakDRecipient => "WEAK_D_RECIPIENT", Info;
    /// A weak-D donor is managed as RhD-positive.
    WeakDDonor => "WEAK_D_DONOR", Info;
    /// Age or sex missing: the recipient is treated as protected.
    ProtectionAssumed => "PROTECTION_ASSUMED", Caution;
    /// RhD matching does not apply to this component.
    RhdNotRequired => "RHD_NOT_REQUIRED", Info;
    /// Platelets are not ABO-identical: a later choice in the policy's order.
    PlateletAboNonIdentical => "PLATELET_ABO_NON_IDENTICAL", Caution;
    /// Platelet plasma carries antibody against the recipient's cells: use low-titre units.
    PlateletPlasmaIncompatible => "PLATELET_PLASMA_INCOMPATIBLE", Caution;
    /// The donor group is not in the policy's platelet order for this recipient.
    PlateletAboNotInPolicy => "PLATELET_ABO_NOT_IN_POLICY", Stop;
    /// A2 platelets are preferred over other group A platelets for O and B recipients.
    PlateletA2Preferred => "PLATELET_A2_PREFERRED", Info;
    /// RhD-positive platelets to a protected RhD-negative recipient: give anti-D
    /// immunoglobulin.
    PlateletRhdAntiDProphylaxis => "PLATELET_RHD_ANTI_D_PROPHYLAXIS", Caution;
    /// Emergency release without crossmatch for a recipient of unknown group.
    EmergencyRelease => "EMERGENCY_RELEASE", Caution;
    /// This group may not be released in an emergency for a recipient of unknown group.
    EmergencyGroupNotPermitted => "EMERGENCY_GROUP_NOT_PERMITTED", Stop;
    /// Whole blood cannot be given before the recipient's group is known.
    WholeBloodGroupUnknown => "WHOLE_BLOOD_GROUP_UNKNOWN", Stop;
    /// Granulocytes follow the red-cell rules.
    GranulocytesFollowRedCellRules => "GRANULOCYTES_FOLLOW_RED_CELL_RULES", Info;
    /// The base shelf life applied from collection.
    ShelfLife => "SHELF_LIFE", Info;
    /// A modification brought the expiry forward.
    Redated => "REDATED", Info;
    /// A modification's limit is later than the current expiry, which therefore stays.
    RedatingCannotExtend => "REDATING_CANNOT_EXTEND", Info;
    /// The modification does not change the expiry of this component.
    NoRedating => "NO_REDATING", Info;
    /// A pool expires with its earliest constituent.
    PoolEarliestConstituent => "POOL_EARLIEST_CONSTITUENT", Info;
    /// The expiry printed on the label is kept: it is earlier than the policy's.
    LabelExpiryKept => "LABEL_EXPIRY_KEPT", Info;
    /// The label's expiry is later than the policy allows; the policy's earlier expiry is used.
    LabelExpiryShortened => "LABEL_EXPIRY_SHORTENED", Caution;
    /// The donor meets every criterion for this kind of donation today.
    DonorEligible => "DONOR_ELIGIBLE", Info;
    /// Below the minimum age.
    DonorTooYoung => "DONOR_TOO_YOUNG", Stop;
    /// Above the maximum age for this kind of donor or donation.
    DonorTooOld => "DONOR_TOO_OLD", Stop;
    /// The donor will be above a maximum age by the time a temporary deferral ends.
    DonorTooOldByThen => "DONOR_TOO_OLD_BY_THEN", Stop;
    /// Weight below the limit for this kind of donation.
    DonorWeightTooLow => "DONOR_WEIGHT_TOO_LOW", Stop;
    /// Haemoglobin below the minimum.
    DonorHbBelowMin => "DONOR_HB_BELOW_MIN", Stop;
    /// Haemoglobin above the maximum.
    DonorHbAboveMax => "DONOR_HB_ABOVE_MAX", Stop;
    /// Systolic blood pressure outside the limits.
    DonorSystolicOutOfRange => "DONOR_SYSTOLIC_OUT_OF_RANGE", Stop;
    /// Diastolic blood pressure outside the limits.
    DonorDiastolicOutOfRange => "DONOR_DIASTOLIC_OUT_OF_RANGE", Stop;
    /// Pulse outside the limits.
    DonorPulseOutOfRange => "DONOR_PULSE_OUT_OF_RANGE", Stop;
    /// Temperature outside the limits.
    DonorTemperatureOutOfRange => "DONOR_TEMPERATURE_OUT_OF_RANGE", Stop;
    /// Too soon after an earlier donation.
    DonorIntervalNotMet => "DONOR_INTERVAL_NOT_MET", Stop;
    /// Too many donations of this family in the counting window.
    DonorDonationLimitReached => "DONOR_DONATION_LIMIT_REACHED", Stop;
    /// Deferred for a period after a dated event.
    DonorDeferred => "DONOR_DEFERRED", Stop;
    /// Deferred permanently by a dated event (such as a reactive screening result).
    DonorDeferredPermanently => "DONOR_DEFERRED_PERMANENTLY", Stop;
    /// Accepted, but no platelets may be prepared from this donation (aspirin before
    /// donation).
    DonorNotForPlatelets => "DONOR_NOT_FOR_PLATELETS", Caution;
    /// A state on the day (pregnant, breast-feeding, menstruating) defers while it lasts.
    DonorStateDefers => "DONOR_STATE_DEFERS", Stop;
    /// A condition that defers permanently.
    DonorPermanentCondition => "DONOR_PERMANENT_CONDITION", Stop;
    /// The policy has no rule for something in the donor's history: the medical officer decides.
    DonorReferToMedicalOfficer => "DONOR_REFER_TO_MEDICAL_OFFICER", Caution;
    /// The policy sets no limit for a measurement, which is therefore not assessed.
    DonorCriterionNotConfigured => "DONOR_CRITERION_NOT_CONFIGURED", Info;
    /// Every release condition is met.
    ReleaseAllowed => "RELEASE_ALLOWED", Info;
    /// A mandatory marker has not been tested.
    TtiNotTested => "TTI_NOT_TESTED", Stop;
    /// An initially reactive marker awaits its repeat in duplicate.
    TtiAwaitingRepeat => "TTI_AWAITING_REPEAT", Stop;
    /// A marker is repeat reactive or indeterminate.
    TtiReactive => "TTI_REACTIVE", Stop;
    /// Forward or reverse grouping is missing.
    GroupingNotConfirmed => "GROUPING_NOT_CONFIRMED", Stop;
    /// Forward and reverse grouping disagree.
    GroupingForwardReverseMismatch => "GROUPING_FORWARD_REVERSE_MISMATCH", Stop;
    /// The unit's label disagrees with its grouping.
    GroupingLabelMismatch => "GROUPING_LABEL_MISMATCH", Stop;
    /// Today's group disagrees with the donor's historical group.
    GroupingHistoryMismatch => "GROUPING_HISTORY_MISMATCH", Stop;
    /// The unit is expired.
    UnitExpired => "UNIT_EXPIRED", Stop;
    /// A returned unit went back to stock.
    ReturnedToStock => "RETURNED_TO_STOCK", Info;
    /// A returned unit was out of controlled storage too long: discarded.
    ReturnedTooLate => "RETURNED_TOO_LATE", Stop;
    /// A unit was discarded, with its reason.
    Discarded => "DISCARDED", Info;
    /// A transfusion was recorded at or after the unit's expiry: follow up.
    TransfusedAfterExpiry => "TRANSFUSED_AFTER_EXPIRY", Caution;
    /// An imported record gave an expiry earlier than the policy's shelf life: the earlier one
    /// is kept.
    ExpiryImported => "EXPIRY_IMPORTED", Info;
    /// A status was taken from an imported record; the results behind it are not in rakt.
    StatusImported => "STATUS_IMPORTED", Caution;
    /// A unit was issued before compatibility testing in an emergency: follow up (sample,
    /// crossmatch after the event, switch to group-specific blood).
    EmergencyReleaseFollowUp => "EMERGENCY_RELEASE_FOLLOW_UP", Caution;
    /// A unit was chosen for a request: its tier in the policy's order, and why.
    UnitAllocated => "UNIT_ALLOCATED", Info;
    /// A unit of a scarce group was chosen because it expires before the unit it replaced.
    ScarceUnitExpiresFirst => "SCARCE_UNIT_EXPIRES_FIRST", Info;
    /// A unit of a scarce group was chosen because no other compatible unit was available.
    ScarceUnitLastResort => "SCARCE_UNIT_LAST_RESORT", Caution;
    /// A unit was received from another facility within the transport temperature range.
    Transferred => "TRANSFERRED", Info;
    /// A unit was carried outside the transport temperature range: discarded.
    ColdChainBreach => "COLD_CHAIN_BREACH", Stop;
}

impl fmt::Display for ReasonCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One explained step of a verdict.
///
/// ```
/// use rakt::{compatibility, BloodGroup, Component, Lang, Policy, Recipient};
/// let policy = Policy::india();
/// let v = compatibility(
///     Component::RedCells,
///     &BloodGroup::parse("A+")?,
///     &Recipient::from(BloodGroup::parse("O+")?),
///     &policy,
/// );
/// let r = &v.reasons[0];
/// assert_eq!(r.code.as_str(), "RED_CELLS_ABO_INCOMPATIBLE");
/// assert_eq!(r.facts.text("antibodies").as_deref(), Some("anti-A"));
/// assert!(r.message(Lang::Hi).contains("एंटी-A"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reason {
    /// The stable code.
    pub code: ReasonCode,
    /// How much it matters (always `code.severity()`).
    pub severity: Severity,
    /// The facts used, by name (`donor`, `recipient`, `age_limit`, `expires_at`, ...), typed
    /// until read.
    #[serde(default)]
    pub facts: Facts,
    /// Where the rule comes from (document, section), shared with the policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
    /// How sure we are of the rule's source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

impl Reason {
    /// A reason with no facts and no source yet.
    pub fn new(code: ReasonCode) -> Reason {
        Reason {
            code,
            severity: code.severity(),
            facts: Facts::new(),
            source: None,
            confidence: None,
        }
    }

    /// Add a fact.
    pub fn fact(mut self, name: &'static str, value: impl Into<Fact>) -> Reason {
        self.facts.insert(name, value);
        self
    }

    /// Set the source and confidence.
    pub fn cite(mut self, source: impl Into<Citation>, confidence: Confidence) -> Reason {
        self.source = Some(source.into());
        self.confidence = Some(confidence);
        self
    }

    /// The human message in `lang`.
    ///
    /// ```
    /// use rakt::{Lang, Reason, ReasonCode};
    /// let r = Reason::new(ReasonCode::RecipientRhdUnknown);
    /// assert_eq!(r.message(Lang::En), "The recipient's RhD type is not known; treated as RhD-negative.");
    /// assert_eq!(r.message(Lang::Hi), "रोगी का RhD प्रकार ज्ञात नहीं है; इसे RhD-नेगेटिव माना गया है।");
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        render(template(self.code, lang), &self.facts, lang)
    }
}

/// Fill `{name}` placeholders from the facts, localising values that have a translation.
fn render(template: &str, facts: &Facts, lang: Lang) -> String {
    render_with(template, facts, lang, localise)
}

/// Fill `{name}` placeholders from the facts, translating each value with `localise`.
pub(crate) fn render_with(
    template: &str,
    facts: &Facts,
    lang: Lang,
    localise: impl Fn(&str, &str, Lang) -> String,
) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(rest.get(..start).unwrap_or(""));
        let after = rest.get(start + 1..).unwrap_or("");
        match after.find('}') {
            Some(end) => {
                let name = after.get(..end).unwrap_or("");
                match facts.get(name) {
                    Some(value) => out.push_str(&localise(name, &value.text(), lang)),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = after.get(end + 1..).unwrap_or("");
            }
            None => {
                out.push_str(rest.get(start..).unwrap_or(""));
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(t: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = t;
        while let Some(s) = rest.find('{') {
            let after = &rest[s + 1..];
            let e = after.find('}').unwrap();
            out.insert(after[..e].to_string());
            rest = &after[e + 1..];
        }
        out
    }

    #[test]
    fn english_and_hindi_use_the_same_facts() {
        for &code in ReasonCode::ALL {
            let en = template(code, Lang::En);
            let hi = template(code, Lang::Hi);
            assert_eq!(placeholders(en), placeholders(hi), "{code}");
            assert!(
                hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)),
                "{code}: Hindi must be Devanagari"
            );
            assert_ne!(en, hi, "{code}");
        }
    }

    #[test]
    fn codes_are_screaming_snake_and_unique() {
        let mut seen = BTreeSet::new();
        for &code in ReasonCode::ALL {
            let s = code.as_str();
            assert!(
                s.chars()
                    .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
            );
            assert!(seen.insert(s));
            assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{s}\""));
        }
    }

    #[test]
    fn renders_facts_and_localises_values() {
        let r = Reason::new(ReasonCode::PlasmaAboIncompatible)
            .fact("donor", "O+")
            .fact("recipient", "A+")
            .fact("antibodies", "anti-A,anti-B");
        assert_eq!(
            r.message(Lang::En),
            "ABO-incompatible: O+ plasma contains anti-A and anti-B against the A+ recipient's red cells. Do not transfuse."
        );
        assert!(r.message(Lang::Hi).contains("एंटी-A और एंटी-B"));
        let s = Reason::new(ReasonCode::ShelfLife)
            .fact("component", "red_cells")
            .fact("shelf_life", "42 days")
            .fact("expires_at", "2026-02-12T23:59:00+05:30");
        assert_eq!(
            s.message(Lang::En),
            "Shelf life of red cells: 42 days from collection; expires 2026-02-12 23:59 +05:30."
        );
        assert_eq!(
            s.message(Lang::Hi),
            "लाल रक्त कोशिकाएँ: संग्रह से 42 दिन तक उपयोग योग्य; समाप्ति 2026-02-12 23:59 +05:30।"
        );
    }

    #[test]
    fn a_missing_fact_leaves_the_placeholder_visible() {
        let r = Reason::new(ReasonCode::DonorRhdUnknown);
        assert!(!r.message(Lang::En).contains('{'));
        let r = Reason::new(ReasonCode::AboIdentical).fact("donor", "O+");
        assert!(r.message(Lang::En).contains("{recipient}"));
    }

    #[test]
    fn language_codes() {
        assert_eq!(Lang::parse("EN").unwrap(), Lang::En);
        assert_eq!(Lang::parse("hi_IN").unwrap(), Lang::Hi);
        assert_eq!(Lang::parse("xx").unwrap_err().kind(), "InvalidInput");
    }
}
