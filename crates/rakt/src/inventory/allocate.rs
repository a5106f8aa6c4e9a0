//! Choosing units for a request: compatible, released, unheld, unexpired when needed, with the
//! special requirements; donor groups in the policy's order, first-expiring first.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{Inventory, Key, REQUIREMENT_BITS, Stored, requirement_mask};
use crate::blood_group::BloodGroup;
use crate::compatibility::{Rank, Recipient, compatibility, decide_compatibility, donor_order};
use crate::component::{Component, Modification};
use crate::error::{RaktError, Result};
use crate::policy::{Confidence, ScarceUse};
use crate::reason::{Reason, ReasonCode};
use crate::unit::{UnitId, UnitStatus};

/// What a patient needs.
///
/// The allocation considers only units that are released (or whose hold has lapsed), of the
/// requested component, compatible with the recipient under the compatibility rules, not held
/// for anyone else, not expired at `needed_by`, and carrying every required modification. It
/// takes donor groups in the order of [`donor_preference`](crate::donor_preference); a group listed in the policy's
/// `inventory.scarce_groups` (O RhD-negative) goes after the other groups of the same rank
/// unless it is the patient's own group, and with `scarce_use = "expires_first"` a scarce unit is
/// used in place of another when it expires before it. Within a group, the first-expiring unit
/// comes first (FEFO); equal expiries go by unit id. A subgroup or weak-D unit is judged on its
/// own verdict: an `O- weak D` unit (RhD positive as a donor) waits, for an RhD-negative man,
/// with the tiers that carry a caveat.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllocationRequest {
    /// The patient's identifier (units are held and issued in this name).
    pub patient: String,
    /// The patient's group and attributes; an unknown group gets the emergency rules.
    pub recipient: Recipient,
    /// The component.
    pub component: Component,
    /// How many units (at least 1).
    pub quantity: u32,
    /// Special requirements: irradiated, leucoreduced, washed, CMV-negative or
    /// pathogen-reduced. A unit must carry every one.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub requirements: BTreeSet<Modification>,
    /// When the units are needed: a unit must not be expired then (`as_of` when not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed_by: Option<DateTime<FixedOffset>>,
    /// Until when [`Inventory::reserve`] holds the units (the policy's reservation period from
    /// `as_of` when not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_until: Option<DateTime<FixedOffset>>,
}

impl AllocationRequest {
    /// A request with no special requirements, needed now.
    pub fn new(
        patient: &str,
        recipient: Recipient,
        component: Component,
        quantity: u32,
    ) -> AllocationRequest {
        AllocationRequest {
            patient: patient.to_string(),
            recipient,
            component,
            quantity,
            requirements: BTreeSet::new(),
            needed_by: None,
            hold_until: None,
        }
    }

    /// Add special requirements.
    pub fn requiring(mut self, mods: impl IntoIterator<Item = Modification>) -> AllocationRequest {
        self.requirements.extend(mods);
        self
    }

    /// Set the time the units are needed by.
    pub fn needed_by(mut self, at: DateTime<FixedOffset>) -> AllocationRequest {
        self.needed_by = Some(at);
        self
    }

    /// Set the end of the hold for [`Inventory::reserve`].
    pub fn hold_until(mut self, until: DateTime<FixedOffset>) -> AllocationRequest {
        self.hold_until = Some(until);
        self
    }

    fn check(&self, as_of: DateTime<FixedOffset>) -> Result<DateTime<FixedOffset>> {
        if crate::text::is_blank(&self.patient) {
            return Err(RaktError::input("patient", "name the patient"));
        }
        if self.quantity == 0 {
            return Err(RaktError::input("quantity", "must be at least 1"));
        }
        if let Some(m) = self
            .requirements
            .iter()
            .find(|m| !REQUIREMENT_BITS.contains(m))
        {
            return Err(RaktError::input(
                "requirements",
                format!(
                    "{m} is not a special requirement (irradiated, leucoreduced, washed, cmv_negative or pathogen_reduced)"
                ),
            ));
        }
        let needed = self.needed_by.unwrap_or(as_of);
        if needed < as_of {
            return Err(RaktError::input(
                "needed_by",
                format!(
                    "{} is before the time of the request {}",
                    needed.to_rfc3339(),
                    as_of.to_rfc3339()
                ),
            ));
        }
        if let Some(until) = self.hold_until {
            if until <= as_of {
                return Err(RaktError::input(
                    "hold_until",
                    format!("the hold must end after {}", as_of.to_rfc3339()),
                ));
            }
        }
        Ok(needed)
    }
}

/// One unit chosen for a request.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AllocatedUnit {
    /// The unit.
    pub id: UnitId,
    /// Its exact group.
    pub group: BloodGroup,
    /// When it expires.
    pub expires_at: DateTime<FixedOffset>,
    /// Its donor group's place in the policy's order for this recipient (1 = first choice).
    pub tier: u32,
    /// How good a choice the group is.
    pub rank: Rank,
    /// Why it was chosen: `UNIT_ALLOCATED`, a scarce-group reason, and the caveats of the
    /// compatibility verdict when the rank carries one.
    pub reasons: Vec<Reason>,
}

impl AllocatedUnit {
    /// The reason codes, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        self.reasons.iter().map(|r| r.code.as_str()).collect()
    }
}

/// Why a donor group could not (fully) serve a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SkipReason {
    /// Not compatible with the recipient (see the compatibility reasons).
    Incompatible,
    /// No unit of this group and component that could become stock.
    NoStock,
    /// Every usable unit of the group was taken, and that was not enough.
    AllTaken,
    /// Units still collected or in quarantine (not released).
    NotReleased,
    /// Units reserved, crossmatched or returned for other patients.
    HeldForOtherPatients,
    /// Released units that are expired at the time needed.
    ExpiresBeforeNeeded,
    /// Released units without every special requirement.
    LacksRequirements,
}

impl SkipReason {
    /// The stable code, e.g. `HELD_FOR_OTHER_PATIENTS`.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::Incompatible => "INCOMPATIBLE",
            SkipReason::NoStock => "NO_STOCK",
            SkipReason::AllTaken => "ALL_TAKEN",
            SkipReason::NotReleased => "NOT_RELEASED",
            SkipReason::HeldForOtherPatients => "HELD_FOR_OTHER_PATIENTS",
            SkipReason::ExpiresBeforeNeeded => "EXPIRES_BEFORE_NEEDED",
            SkipReason::LacksRequirements => "LACKS_REQUIREMENTS",
        }
    }
}

/// Units of one donor group and the requested component, by what kept them from the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct ClassCounts {
    /// Taken for this request.
    pub taken: u32,
    /// Collected or in quarantine.
    pub not_released: u32,
    /// Held (reserved, crossmatched, returned) for other patients, holds not lapsed.
    pub held_for_others: u32,
    /// Released, but expired at the time needed.
    pub expire_before_needed: u32,
    /// Released and unexpired, but without every special requirement.
    pub lacking_requirements: u32,
}

/// A donor group that could not (fully) serve a request, and why.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SkippedClass {
    /// The donor group (ABO and RhD).
    pub group: BloodGroup,
    /// Why, in a fixed order.
    pub reasons: Vec<SkipReason>,
    /// The units behind the reasons.
    pub counts: ClassCounts,
    /// For an incompatible group, the compatibility verdict's reasons.
    pub compatibility: Vec<Reason>,
}

impl SkippedClass {
    /// The skip codes, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        self.reasons.iter().map(|r| r.as_str()).collect()
    }
}

/// The units proposed for a request.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Allocation {
    /// The patient.
    pub patient: String,
    /// The component.
    pub component: Component,
    /// How many units were asked for.
    pub requested: u32,
    /// The time the units must still be valid at.
    pub needed_by: DateTime<FixedOffset>,
    /// The units, in the order chosen (never more than requested).
    pub units: Vec<AllocatedUnit>,
    /// How many units are missing.
    pub shortfall: u32,
    /// When short: every standard donor group, with why it could not serve (or serve more).
    pub skipped: Vec<SkippedClass>,
    /// Whether the recipient's group is unknown (emergency rules).
    pub emergency: bool,
}

impl Allocation {
    /// The chosen unit ids, in order.
    pub fn ids(&self) -> Vec<UnitId> {
        self.units.iter().map(|u| u.id.clone()).collect()
    }
}

#[derive(Debug, Clone)]
struct Candidate<'a> {
    expires_at: DateTime<FixedOffset>,
    id: &'a UnitId,
    group: BloodGroup,
    tier: u32,
    scarce: bool,
    /// Whether the unit's own verdict has a caveat (only a subgroup or weak-D variant's can
    /// differ from its basic group's).
    caveat: bool,
}

const SRC_FEFO: &str = "First-expiry-first-out issue: store by group and expiry, issue the earliest-expiring first (research/blood.md §8)";

pub(super) fn allocate(
    inv: &Inventory,
    req: &AllocationRequest,
    as_of: DateTime<FixedOffset>,
) -> Result<Allocation> {
    let needed = req.check(as_of)?;
    let policy = &inv.policy;
    let want = requirement_mask(&req.requirements);
    let qty = usize::try_from(req.quantity).unwrap_or(usize::MAX);
    let own = req.recipient.group.map(|g| g.basic());
    // [rank class][scarce] → candidates in tier order, FEFO within a tier.
    let mut lists: [[Vec<Candidate>; 2]; 2] = Default::default();
    for (i, (group, rank)) in donor_order(req.component, &req.recipient, policy)
        .into_iter()
        .enumerate()
    {
        let scarce = policy.inventory.scarce_groups.contains(&group) && own != Some(group);
        let caveat = rank == Rank::CompatibleWithCaveat;
        let full = |caveat: bool| {
            lists
                .get(usize::from(caveat))
                .and_then(|l| l.get(usize::from(scarce)))
                .is_none_or(|list| list.len() >= qty)
        };
        // A tier whose lists are full cannot add a pick (a caveat tier adds only to its own).
        if full(caveat) && (caveat || full(true)) {
            continue;
        }
        let tier = u32::try_from(i + 1).unwrap_or(u32::MAX);
        for mut c in tier_candidates(inv, req, group, want, needed, as_of, qty) {
            c.tier = tier;
            c.scarce = scarce;
            // A variant with a caveat of its own (a weak-D donor for an RhD-negative man) waits
            // with the caveat tiers, however good its basic group's rank.
            let class = caveat || c.caveat;
            if let Some(list) = lists
                .get_mut(usize::from(class))
                .and_then(|l| l.get_mut(usize::from(scarce)))
            {
                list.push(c);
            }
        }
    }
    let mut picks: Vec<(Candidate, Option<DateTime<FixedOffset>>)> = Vec::new();
    for [normal, scarce] in lists {
        let mut normal = normal.into_iter().peekable();
        let mut scarce = scarce.into_iter().peekable();
        while picks.len() < qty {
            let take_scarce = match (normal.peek(), scarce.peek()) {
                (_, None) => false,
                (None, Some(_)) => true,
                (Some(n), Some(s)) => {
                    policy.inventory.scarce_use == ScarceUse::ExpiresFirst
                        && s.expires_at < n.expires_at
                }
            };
            let replaced = if take_scarce {
                normal.peek().map(|n| n.expires_at)
            } else {
                None
            };
            let next = if take_scarce {
                scarce.next()
            } else {
                normal.next()
            };
            match next {
                Some(c) => picks.push((c, replaced)),
                None => break,
            }
        }
    }
    let units: Vec<AllocatedUnit> = picks
        .into_iter()
        .map(|(c, replaced)| explain(inv, req, c, replaced))
        .collect();
    let got = u32::try_from(units.len()).unwrap_or(u32::MAX);
    let shortfall = req.quantity.saturating_sub(got);
    let skipped = if shortfall > 0 {
        skipped_classes(inv, req, &units, want, needed, as_of)
    } else {
        Vec::new()
    };
    Ok(Allocation {
        patient: req.patient.clone(),
        component: req.component,
        requested: req.quantity,
        needed_by: needed,
        units,
        shortfall,
        skipped,
        emergency: req.recipient.group.is_none(),
    })
}

/// The keys of one basic donor group for a component (its subgroups and weak-D variants are
/// contiguous in key order, the basic group first).
pub(super) fn group_keys(
    inv: &Inventory,
    component: Component,
    group: BloodGroup,
) -> impl Iterator<Item = (&Key, &super::Bucket)> {
    let start = Key {
        component,
        group,
        mods: 0,
    };
    inv.buckets.range(start..).take_while(move |(k, _)| {
        k.component == component && k.group.abo() == group.abo() && k.group.rhd() == group.rhd()
    })
}

/// Whether a unit's records are settled at `as_of` (no event after it).
fn known_at(inv: &Inventory, id: &UnitId, as_of: DateTime<FixedOffset>) -> bool {
    inv.find(id)
        .and_then(Stored::last_at)
        .is_some_and(|at| at <= as_of)
}

fn tier_candidates<'a>(
    inv: &'a Inventory,
    req: &AllocationRequest,
    group: BloodGroup,
    want: u8,
    needed: DateTime<FixedOffset>,
    as_of: DateTime<FixedOffset>,
    qty: usize,
) -> Vec<Candidate<'a>> {
    let mut found = Vec::new();
    for (key, bucket) in group_keys(inv, req.component, group) {
        if key.mods & want != want {
            continue;
        }
        // The basic group is compatible (it is in the preference list); a subgroup or weak-D
        // variant is judged on its own.
        let mut caveat = false;
        if key.group != group {
            let verdict =
                decide_compatibility(req.component, &key.group, &req.recipient, &inv.policy);
            if !verdict.compatible {
                continue;
            }
            caveat = verdict.rank == Rank::CompatibleWithCaveat;
        }
        let candidate = |expires_at, id| Candidate {
            expires_at,
            id,
            group: key.group,
            tier: 0,
            scarce: false,
            caveat,
        };
        found.extend(
            bucket
                .valid_after(needed)
                .filter(|(_, id)| known_at(inv, id, as_of))
                .take(qty)
                .map(|(e, id)| candidate(*e, id)),
        );
        // Holds that have lapsed by `as_of` are stock again.
        found.extend(bucket.lapsed(as_of).filter_map(|id| {
            let e = inv.find(id)?.expires_at();
            (e > needed && known_at(inv, id, as_of)).then(|| candidate(e, id))
        }));
    }
    found.sort_by(|a, b| (a.expires_at, a.id).cmp(&(b.expires_at, b.id)));
    // At most `qty` of each class, so that a variant with a caveat never crowds out a unit
    // without one.
    let mut kept = [0usize; 2];
    found.retain(|c| {
        kept.get_mut(usize::from(c.caveat)).is_some_and(|n| {
            *n += 1;
            *n <= qty
        })
    });
    found
}

fn explain(
    inv: &Inventory,
    req: &AllocationRequest,
    c: Candidate,
    replaced: Option<DateTime<FixedOffset>>,
) -> AllocatedUnit {
    let verdict = decide_compatibility(req.component, &c.group, &req.recipient, &inv.policy);
    let mut reasons = vec![
        Reason::new(ReasonCode::UnitAllocated)
            .fact("donor", c.group)
            .fact("tier", c.tier)
            .fact("expires_at", c.expires_at.to_rfc3339())
            .cite(SRC_FEFO, Confidence::Low),
    ];
    if c.scarce {
        let src = inv
            .policy
            .source("inventory.scarce_use")
            .map(|s| s.citation.clone())
            .unwrap_or_default();
        reasons.push(match replaced {
            Some(other) => Reason::new(ReasonCode::ScarceUnitExpiresFirst)
                .fact("donor", c.group.to_string())
                .fact("expires_at", c.expires_at.to_rfc3339())
                .fact("replaced_expires_at", other.to_rfc3339())
                .cite(&src, Confidence::Unverified),
            None => Reason::new(ReasonCode::ScarceUnitLastResort)
                .fact("donor", c.group.to_string())
                .cite(&src, Confidence::Unverified),
        });
    }
    let rank = verdict.rank;
    if rank == Rank::CompatibleWithCaveat || verdict.emergency {
        reasons.extend(compatibility(req.component, &c.group, &req.recipient, &inv.policy).reasons);
    }
    AllocatedUnit {
        id: c.id.clone(),
        group: c.group,
        expires_at: c.expires_at,
        tier: c.tier,
        rank,
        reasons,
    }
}

fn skipped_classes(
    inv: &Inventory,
    req: &AllocationRequest,
    units: &[AllocatedUnit],
    want: u8,
    needed: DateTime<FixedOffset>,
    as_of: DateTime<FixedOffset>,
) -> Vec<SkippedClass> {
    let mut out = Vec::new();
    for group in BloodGroup::STANDARD {
        let verdict = compatibility(req.component, &group, &req.recipient, &inv.policy);
        if !verdict.compatible {
            out.push(SkippedClass {
                group,
                reasons: vec![SkipReason::Incompatible],
                counts: ClassCounts::default(),
                compatibility: verdict.reasons,
            });
            continue;
        }
        let mut counts = ClassCounts {
            taken: u32::try_from(units.iter().filter(|u| u.group.basic() == group).count())
                .unwrap_or(u32::MAX),
            ..ClassCounts::default()
        };
        let census = inv.census.get(&(req.component, group));
        let status = |s: UnitStatus| census.and_then(|c| c.get(&s)).copied().unwrap_or(0);
        counts.not_released = status(UnitStatus::Collected) + status(UnitStatus::Quarantined);
        let mut lapsed = 0u32;
        for (key, bucket) in group_keys(inv, req.component, group) {
            let usable = key.mods & want == want;
            // Released units: those expired when needed are counted one by one (few in a
            // well-kept stock); the rest of a bucket without the requirements by its size.
            let expired = bucket.expired_at(needed).count();
            counts.expire_before_needed += to_u32(expired);
            if !usable {
                counts.lacking_requirements += to_u32(bucket.available.len() - expired);
            }
            for id in bucket.lapsed(as_of) {
                lapsed += 1;
                match inv.find(id).map(Stored::expires_at) {
                    Some(e) if e <= needed => counts.expire_before_needed += 1,
                    Some(_) if !usable => counts.lacking_requirements += 1,
                    _ => {}
                }
            }
        }
        counts.held_for_others = (status(UnitStatus::Reserved)
            + status(UnitStatus::Crossmatched)
            + status(UnitStatus::Returned))
        .saturating_sub(lapsed);
        let mut reasons = Vec::new();
        let any = counts.taken
            + counts.not_released
            + counts.held_for_others
            + counts.expire_before_needed
            + counts.lacking_requirements;
        if any == 0 {
            reasons.push(SkipReason::NoStock);
        }
        for (n, r) in [
            (counts.taken, SkipReason::AllTaken),
            (counts.not_released, SkipReason::NotReleased),
            (counts.held_for_others, SkipReason::HeldForOtherPatients),
            (counts.expire_before_needed, SkipReason::ExpiresBeforeNeeded),
            (counts.lacking_requirements, SkipReason::LacksRequirements),
        ] {
            if n > 0 {
                reasons.push(r);
            }
        }
        out.push(SkippedClass {
            group,
            reasons,
            counts,
            compatibility: Vec::new(),
        });
    }
    out
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
