//! The minimum level of care a pregnancy needs, from its flags (`research/maternal.md` §6).

use serde::{Deserialize, Serialize};

use super::flags::Flag;
use crate::policy::{Citation, Policy, Urgency};
use crate::vocab::maternal::{CareLevel, FlagCode};

/// Why one flag needs a level.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralReason {
    /// The flag.
    pub flag: FlagCode,
    /// The level it needs.
    pub level: CareLevel,
    /// How soon.
    pub urgency: Urgency,
}

/// The minimum level of care, its urgency and the flags behind it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Referral {
    /// The highest level any flag needs (the policy's default level with no flag).
    pub level: CareLevel,
    /// The highest urgency of any flag.
    pub urgency: Urgency,
    /// Each flag's need, highest level first, then most urgent.
    pub reasons: Vec<ReferralReason>,
    /// Where the routing table comes from.
    pub source: Citation,
}

/// The level and urgency one flag needs under `policy.referral` (the default level, planned,
/// for a flag the table does not list).
fn need(code: FlagCode, policy: &Policy) -> (CareLevel, Urgency) {
    let table = &policy.referral;
    match table.rules.get(&code) {
        Some(rule) => (rule.level, rule.urgency),
        None => (table.default_level, Urgency::Planned),
    }
}

/// The level (at least the policy's default) and urgency the flag codes need together.
pub(super) fn referral_need(
    codes: impl Iterator<Item = FlagCode>,
    policy: &Policy,
) -> (CareLevel, Urgency) {
    codes.map(|c| need(c, policy)).fold(
        (policy.referral.default_level, Urgency::Planned),
        |(level, urgency), (l, u)| (level.max(l), urgency.max(u)),
    )
}

/// The referral the flags need under `policy.referral`.
pub(super) fn referral(flags: &[Flag], policy: &Policy) -> Referral {
    let mut reasons: Vec<ReferralReason> = Vec::new();
    for f in flags {
        if reasons.iter().any(|r| r.flag == f.code) {
            continue;
        }
        let (level, urgency) = need(f.code, policy);
        reasons.push(ReferralReason {
            flag: f.code,
            level,
            urgency,
        });
    }
    reasons.sort_by(|a, b| {
        b.level
            .cmp(&a.level)
            .then(b.urgency.cmp(&a.urgency))
            .then(a.flag.cmp(&b.flag))
    });
    let (level, urgency) = referral_need(reasons.iter().map(|r| r.flag), policy);
    Referral {
        level,
        urgency,
        reasons,
        source: policy
            .source("referral.rules")
            .map(|s| s.citation.clone())
            .unwrap_or_default(),
    }
}
