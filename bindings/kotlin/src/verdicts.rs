//! Compatibility of a donor group with a recipient, and the donor groups in order of preference.

use std::sync::Arc;

use crate::components::Component;
use crate::decision::CompatibilityDecision;
use crate::error::{RaktException, Result};
use crate::groups::BloodGroup;
use crate::macros::mirror_enum;
use crate::policy::{Policy, resolve};
use crate::reasons::{Reason, reasons_from_core};

mirror_enum! {
    /// Sex of a recipient, as far as the RhD rules care.
    pub enum Sex => rakt::Sex {
        /// Female.
        Female,
        /// Male.
        Male,
        /// Other or not stated in a way the rules can use (treated cautiously).
        Other,
    }
}

mirror_enum! {
    /// How good a donor group is for the recipient.
    pub enum Rank => rakt::Rank {
        /// Same group: first choice.
        Identical,
        /// Compatible, not identical.
        Compatible,
        /// Allowed, with a caveat someone must act on (see the reasons).
        CompatibleWithCaveat,
        /// Must not be given.
        Incompatible,
    }
}

/// The patient who will receive the unit. Every field is optional: a recipient of unknown
/// group (`group = null`) gets the emergency-release rules; unknown sex or age is treated
/// cautiously by the core.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Recipient {
    /// The recipient's group; `null` when not yet known (emergency release).
    #[uniffi(default = None)]
    pub group: Option<BloodGroup>,
    /// Sex, when known.
    #[uniffi(default = None)]
    pub sex: Option<Sex>,
    /// Age in completed years, when known (a negative age is refused).
    #[uniffi(default = None)]
    pub age_years: Option<i32>,
    /// Known anti-D, even if no longer detectable.
    #[uniffi(default = false)]
    pub anti_d: bool,
    /// Likely to need repeated (chronic) transfusion.
    #[uniffi(default = false)]
    pub chronically_transfused: bool,
}

impl Recipient {
    /// The core value, validated.
    pub(crate) fn to_core(&self) -> Result<rakt::Recipient> {
        let age_years = match self.age_years {
            None => None,
            Some(age) => Some(u32::try_from(age).map_err(|_| {
                RaktException::input(
                    "recipient.age_years",
                    format!("{age} is not an age in completed years"),
                )
            })?),
        };
        let mut r = match self.group {
            Some(group) => rakt::Recipient::new(group.to_core()?),
            None => rakt::Recipient::unknown_group(),
        };
        r.sex = self.sex.map(Into::into);
        r.age_years = age_years;
        r.anti_d = self.anti_d;
        r.chronically_transfused = self.chronically_transfused;
        Ok(r)
    }
}

impl From<rakt::Recipient> for Recipient {
    fn from(r: rakt::Recipient) -> Self {
        Recipient {
            group: r.group.map(Into::into),
            sex: r.sex.map(Into::into),
            age_years: r.age_years.map(|a| i32::try_from(a).unwrap_or(i32::MAX)),
            anti_d: r.anti_d,
            chronically_transfused: r.chronically_transfused,
        }
    }
}

/// The verdict on one donor group for one recipient and component.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Compatibility {
    /// The component judged.
    pub component: Component,
    /// The donor group judged.
    pub donor: BloodGroup,
    /// Whether the unit may be given (no hard stop).
    pub compatible: bool,
    /// How good a choice it is.
    pub rank: Rank,
    /// Whether this is an emergency release (recipient group unknown).
    pub emergency: bool,
    /// Why, most severe first.
    pub reasons: Vec<Reason>,
}

#[uniffi::export]
impl Compatibility {
    /// The reason codes, in order (most severe first).
    pub fn codes(&self) -> Vec<String> {
        self.reasons.iter().map(|r| r.code.clone()).collect()
    }

    /// This verdict without its explanation: what `decideCompatibility` gives for the same
    /// component, donor, recipient and policy (each field copied from this verdict).
    pub fn decision(&self) -> CompatibilityDecision {
        CompatibilityDecision {
            component: self.component,
            donor: self.donor,
            compatible: self.compatible,
            rank: self.rank,
            emergency: self.emergency,
            codes: self.codes(),
        }
    }
}

impl From<rakt::Compatibility> for Compatibility {
    fn from(v: rakt::Compatibility) -> Self {
        Compatibility {
            component: v.component.into(),
            donor: v.donor.into(),
            compatible: v.compatible,
            rank: v.rank.into(),
            emergency: v.emergency,
            reasons: reasons_from_core(&v.reasons),
        }
    }
}

/// One acceptable donor group, in order of preference.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DonorOption {
    /// The donor group.
    pub group: BloodGroup,
    /// Its rank for this recipient.
    pub rank: Rank,
    /// The reasons of its verdict.
    pub reasons: Vec<Reason>,
}

impl From<rakt::DonorOption> for DonorOption {
    fn from(o: rakt::DonorOption) -> Self {
        DonorOption {
            group: o.group.into(),
            rank: o.rank.into(),
            reasons: reasons_from_core(&o.reasons),
        }
    }
}

/// Judge one donor group for one recipient and component, under `policy` (`null`: the
/// `india` profile). Every valid input has a verdict; an invalid `BloodGroup` or `Recipient`
/// built in Kotlin is refused with a `RaktException`.
#[uniffi::export(default(policy = None))]
pub fn compatibility(
    component: Component,
    donor: BloodGroup,
    recipient: Recipient,
    policy: Option<Arc<Policy>>,
) -> Result<Compatibility> {
    compatibility_one(component, donor, &recipient, resolve(&policy))
}

/// One verdict: the code path of both `compatibility` and `compatibilities`.
pub(crate) fn compatibility_one(
    component: Component,
    donor: BloodGroup,
    recipient: &Recipient,
    policy: &rakt::Policy,
) -> Result<Compatibility> {
    on_core(donor, recipient, |d, r| {
        rakt::compatibility(component.into(), d, r, policy)
    })
    .map(Into::into)
}

/// One decision: the code path of both `decide_compatibility` and `decide_compatibilities`.
pub(crate) fn decide_compatibility_one(
    component: Component,
    donor: BloodGroup,
    recipient: &Recipient,
    policy: &rakt::Policy,
) -> Result<CompatibilityDecision> {
    on_core(donor, recipient, |d, r| {
        rakt::decide_compatibility(component.into(), d, r, policy)
    })
    .map(Into::into)
}

/// Convert `donor` and `recipient` to the core's values and run `rule` on them: the one
/// conversion of a compatibility request for `compatibility_one` and `decide_compatibility_one`,
/// so both refuse a request with the same exception.
fn on_core<T>(
    donor: BloodGroup,
    recipient: &Recipient,
    rule: impl FnOnce(&rakt::BloodGroup, &rakt::Recipient) -> T,
) -> Result<T> {
    let donor = donor.to_core()?;
    let recipient = recipient.to_core()?;
    Ok(rule(&donor, &recipient))
}

/// The acceptable donor groups among the ten standard groups (O±, A±, B±, AB±, Oh±), best
/// first, under `policy` (`null`: the `india` profile).
#[uniffi::export(default(policy = None))]
pub fn donor_preference(
    component: Component,
    recipient: Recipient,
    policy: Option<Arc<Policy>>,
) -> Result<Vec<DonorOption>> {
    let recipient = recipient.to_core()?;
    let options = rakt::donor_preference(component.into(), &recipient, resolve(&policy));
    Ok(options.into_iter().map(Into::into).collect())
}
