//! Donor eligibility and deferrals: who may give blood today, and when they may give next.
//!
//! Every threshold, interval and deferral period comes from the [`Policy`](crate::Policy)'s
//! `donor` and `screening` sections, each with its source. The `india` profile follows the donor
//! criteria of Schedule F Part XII-B of the Drugs and Cosmetics Rules as substituted by the
//! Drugs and Cosmetics (Second Amendment) Rules 2020, G.S.R. 166(E) of 11 March 2020 (which
//! carries the NBTC 2017 guidelines into law), citing the item of each value; `us` follows
//! FDA/AABB and `uk` the JPAC guidelines (`research/blood.md` §3).

mod assess;

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use crate::vocab::donor::{Condition, DeferralKind, DonationFamily, DonationKind, DonorState};
pub use assess::{assess_donor, decide_donor};

use crate::compatibility::Sex;
use crate::reason::{Reason, ReasonCode};
use crate::screening::TtiMarker;

/// A donation the donor gave before.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousDonation {
    /// The day of the donation.
    pub date: NaiveDate,
    /// What was given.
    pub kind: DonationKind,
    /// For apheresis: whether the red cells were returned to the donor (reinfusion complete).
    /// Ignored for other kinds.
    #[serde(default = "yes")]
    pub red_cells_returned: bool,
}

fn yes() -> bool {
    true
}

/// A dated event in the donor's history that may defer donation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeferralEvent {
    /// What happened.
    pub kind: DeferralKind,
    /// The day it happened (for illnesses: the day of recovery).
    pub date: NaiveDate,
    /// For `tti_reactive`: the marker that was reactive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<TtiMarker>,
}

/// Who the donor is: what does not change between visits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Donor {
    /// The blood centre's donor identifier, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// Sex. `Other` is assessed with the stricter of the female and male limits.
    pub sex: Sex,
    /// Whether this is the donor's first donation; when not given, a donor with no previous
    /// donation is a first-time donor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_time: Option<bool>,
    /// Earlier donations.
    #[serde(default)]
    pub previous_donations: Vec<PreviousDonation>,
    /// Dated events that may defer (surgery, tattoo, malaria, a reactive screening result...).
    #[serde(default)]
    pub deferral_events: Vec<DeferralEvent>,
    /// Medical conditions.
    #[serde(default)]
    pub conditions: Vec<Condition>,
}

/// Today's checks before donation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DonorChecks {
    /// Body weight, kg.
    pub weight_kg: Decimal,
    /// Haemoglobin, g/dL.
    pub hb_g_dl: Decimal,
    /// Systolic blood pressure, mmHg.
    pub systolic_mmhg: u32,
    /// Diastolic blood pressure, mmHg.
    pub diastolic_mmhg: u32,
    /// Pulse, beats per minute.
    pub pulse_bpm: u32,
    /// Body temperature, °C.
    pub temperature_c: Decimal,
    /// States on the day (pregnant, breast-feeding, menstruating).
    #[serde(default)]
    pub states: Vec<DonorState>,
}

/// The verdict of [`assess_donor`].
///
/// | outcome | `eligible` | `permanent` | `deferred_until` | `referred` |
/// |---|---|---|---|---|
/// | eligible today | true | false | None | false |
/// | temporarily deferred | false | false | Some(first day allowed) | false or true |
/// | permanently deferred (for this kind) | false | true | None | any |
/// | only a missing rule: the medical officer decides | false | false | None | true |
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DonorAssessment {
    /// The kind of donation assessed.
    pub kind: DonationKind,
    /// The day assessed.
    pub as_of: NaiveDate,
    /// Whether the donor may give this kind of donation today.
    pub eligible: bool,
    /// Whether the donor is permanently deferred from this kind of donation.
    pub permanent: bool,
    /// For a temporary deferral: the first day this kind of donation is allowed.
    pub deferred_until: Option<NaiveDate>,
    /// Whether something in the donor's record has no rule in the policy, so that the medical
    /// officer must decide.
    pub referred: bool,
    /// The next day this donor could give this kind of donation: `as_of` when eligible,
    /// `deferred_until` when temporarily deferred, `None` when permanently deferred or referred.
    pub next_eligible: Option<NaiveDate>,
    /// Every failed criterion (all of them, not just the first), most severe first; or one
    /// `DONOR_ELIGIBLE` reason.
    pub reasons: Vec<Reason>,
}

impl DonorAssessment {
    /// The assessment without its explanation: what [`decide_donor`] gives for the same input.
    pub fn decision(&self) -> DonorDecision {
        DonorDecision {
            kind: self.kind,
            as_of: self.as_of,
            eligible: self.eligible,
            permanent: self.permanent,
            deferred_until: self.deferred_until,
            referred: self.referred,
            next_eligible: self.next_eligible,
            codes: Cow::Owned(self.reasons.iter().map(|r| r.code).collect()),
        }
    }
}

/// The verdict of [`decide_donor`]: a [`DonorAssessment`] without its explanation, its reasons
/// given by their codes only (in the same order).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DonorDecision {
    /// The kind of donation assessed.
    pub kind: DonationKind,
    /// The day assessed.
    pub as_of: NaiveDate,
    /// Whether the donor may give this kind of donation today.
    pub eligible: bool,
    /// Whether the donor is permanently deferred from this kind of donation.
    pub permanent: bool,
    /// For a temporary deferral: the first day this kind of donation is allowed.
    pub deferred_until: Option<NaiveDate>,
    /// Whether the medical officer must decide.
    pub referred: bool,
    /// The next day this donor could give this kind of donation (see [`DonorAssessment`]).
    pub next_eligible: Option<NaiveDate>,
    /// The codes of the assessment's reasons, most severe first (borrowed from a constant for
    /// a donor with nothing to report: `DONOR_ELIGIBLE` alone).
    pub codes: Cow<'static, [ReasonCode]>,
}
