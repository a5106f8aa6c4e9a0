//! Blood for delivery: the plan from the haemorrhage-risk tier (`research/maternal.md` §5.2),
//! and whether a facility's stock (and its neighbours') can meet it by the due date.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::grades::AnaemiaGrade;
use super::record::{AncRecord, KnownCondition};
use crate::blood_group::BloodGroup;
use crate::compatibility::{Recipient, Sex};
use crate::component::Component;
use crate::error::{RaktError, Result};
use crate::inventory::{AllocatedUnit, AllocationRequest, Inventory, SkippedClass};
use crate::macros::coded_enum;
use crate::policy::{BloodAction, Citation, Confidence, Policy};
use crate::vocab::maternal::BloodRiskFactor;

coded_enum! {
    /// The haemorrhage-risk tier.
    BloodRiskTier {
        /// No risk factor.
        Low => "low",
        /// A medium-tier factor.
        Medium => "medium",
        /// A high-tier factor.
        High => "high",
    }
}

coded_enum! {
    /// When the plan is carried out.
    PlanTiming {
        /// Nothing to do.
        NotNeeded => "not_needed",
        /// On admission for delivery.
        OnAdmission => "on_admission",
        /// Now: the mother is bleeding.
        Now => "now",
    }
}

/// What blood to prepare for delivery.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BloodPlan {
    /// The tier.
    pub tier: BloodRiskTier,
    /// What to prepare.
    pub action: BloodAction,
    /// The component crossmatched (red cells).
    pub component: Component,
    /// When.
    pub when: PlanTiming,
    /// The factors found, high-tier ones first.
    pub factors: Vec<BloodRiskFactor>,
    /// Where the tiers come from.
    pub source: Citation,
    /// How sure we are of it.
    pub confidence: Confidence,
}

impl BloodPlan {
    /// How many units of red cells to crossmatch (0 for no crossmatch).
    pub fn units(&self) -> u32 {
        self.action.units()
    }

    /// A plan to crossmatch `units` of red cells, for a plan decided outside rakt.
    pub fn crossmatch(units: u32) -> BloodPlan {
        BloodPlan {
            tier: BloodRiskTier::High,
            action: BloodAction::Crossmatch { units },
            component: Component::RedCells,
            when: PlanTiming::OnAdmission,
            factors: Vec::new(),
            source: "set by the caller".into(),
            confidence: Confidence::Unverified,
        }
    }
}

/// A set of blood-risk factors.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Factors(u32);

impl Factors {
    fn of(list: &[BloodRiskFactor]) -> Factors {
        Factors(list.iter().fold(0, |m, &f| m | Factors::bit(f)))
    }

    fn bit(f: BloodRiskFactor) -> u32 {
        1 << (f as u32)
    }

    fn add(&mut self, f: BloodRiskFactor, present: bool) {
        if present {
            self.0 |= Factors::bit(f);
        }
    }

    fn contains(self, f: BloodRiskFactor) -> bool {
        self.0 & Factors::bit(f) != 0
    }

    fn meets(self, other: Factors) -> bool {
        self.0 & other.0 != 0
    }

    fn within(self, other: Factors) -> Factors {
        Factors(self.0 & other.0)
    }
}

/// The decision of a blood plan: the tier, what to prepare, when, and the factors found.
pub(super) struct Plan {
    /// The tier.
    pub(super) tier: BloodRiskTier,
    /// What to prepare.
    pub(super) action: BloodAction,
    /// When.
    pub(super) when: PlanTiming,
    /// The factors the policy counts, as a set.
    factors: Factors,
    /// The policy path of the tier's action.
    path: &'static str,
}

/// The blood plan's decision for a record under `policy.blood_plan`.
pub(super) fn plan(r: &AncRecord, anaemia: Option<AnaemiaGrade>, policy: &Policy) -> Plan {
    use BloodRiskFactor as B;
    let p = &policy.blood_plan;
    let has = |c: KnownCondition| r.conditions.contains(&c);
    let mut found = Factors::default();
    found.add(B::PlacentaPraevia, has(KnownCondition::PlacentaPraevia));
    found.add(B::SuspectedAccreta, has(KnownCondition::SuspectedAccreta));
    found.add(
        B::LowPlatelets,
        r.platelets_per_ul
            .is_some_and(|n| p.low_platelets_per_ul.accepts(n.into())),
    );
    found.add(
        B::ActiveBleeding,
        r.vaginal_bleeding
            || r.danger_signs
                .contains(&super::record::DangerSign::BleedingVaginally),
    );
    found.add(B::Coagulopathy, has(KnownCondition::Coagulopathy));
    found.add(
        B::PreviousUterineSurgery,
        r.previous_caesareans.is_some_and(|n| n > 0) || has(KnownCondition::PreviousUterineSurgery),
    );
    found.add(B::MultiplePregnancy, r.fetuses.is_some_and(|n| n >= 2));
    found.add(
        B::ManyPreviousBirths,
        r.parity
            .is_some_and(|n| p.many_previous_births.accepts(n.into())),
    );
    found.add(B::Chorioamnionitis, has(KnownCondition::Chorioamnionitis));
    found.add(B::PreviousPph, has(KnownCondition::PreviousPph));
    found.add(B::LargeFibroids, has(KnownCondition::LargeFibroids));
    found.add(B::SevereAnaemia, anaemia == Some(AnaemiaGrade::Severe));
    let high = Factors::of(&p.high_risk);
    let counted = Factors(high.0 | Factors::of(&p.medium_risk).0);
    if found.meets(counted) {
        found.add(
            B::LowHaematocritWithOtherFactor,
            r.haematocrit_pct
                .is_some_and(|h| p.low_haematocrit_pct.accepts(h)),
        );
    }
    let found = found.within(counted);
    let (tier, action, path) = if found.meets(high) {
        (BloodRiskTier::High, p.high, "blood_plan.high")
    } else if found == Factors::default() {
        (BloodRiskTier::Low, p.low, "blood_plan.low")
    } else {
        (BloodRiskTier::Medium, p.medium, "blood_plan.medium")
    };
    let when = if action == BloodAction::None {
        PlanTiming::NotNeeded
    } else if found.contains(B::ActiveBleeding) {
        PlanTiming::Now
    } else {
        PlanTiming::OnAdmission
    };
    Plan {
        tier,
        action,
        when,
        factors: found,
        path,
    }
}

/// The blood plan of a record under `policy.blood_plan`, with the factors behind its tier and
/// its source.
pub(super) fn blood_plan(
    r: &AncRecord,
    anaemia: Option<AnaemiaGrade>,
    policy: &Policy,
) -> BloodPlan {
    let plan = plan(r, anaemia, policy);
    let high = Factors::of(&policy.blood_plan.high_risk);
    // High-tier factors first, each group in code order.
    let factors = BloodRiskFactor::ALL
        .iter()
        .filter(|&&f| high.contains(f))
        .chain(BloodRiskFactor::ALL.iter().filter(|&&f| !high.contains(f)))
        .filter(|&&f| plan.factors.contains(f))
        .copied()
        .collect();
    let (source, confidence) = policy
        .source(plan.path)
        .map(|s| (s.citation.clone(), s.confidence))
        .unwrap_or_else(|| {
            (
                Citation::from(plan.path.to_string()),
                Confidence::Unverified,
            )
        });
    BloodPlan {
        tier: plan.tier,
        action: plan.action,
        component: Component::RedCells,
        when: plan.when,
        factors,
        source,
        confidence,
    }
}

/// The mother, as the blood bank needs her.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mother {
    /// Her identifier: units are held in this name.
    pub id: String,
    /// Her ABO/RhD group; `None` before grouping (emergency rules apply).
    #[serde(default)]
    pub blood_group: Option<BloodGroup>,
    /// Age in completed years.
    #[serde(default)]
    pub age_years: Option<u32>,
    /// Known anti-D.
    #[serde(default)]
    pub anti_d: bool,
}

impl Mother {
    /// A mother of known group.
    pub fn new(id: &str, blood_group: BloodGroup) -> Mother {
        Mother {
            id: id.to_string(),
            blood_group: Some(blood_group),
            age_years: None,
            anti_d: false,
        }
    }

    /// The mother from an ANC record (its id, group and age).
    pub fn from_record(record: &AncRecord) -> Result<Mother> {
        let id = record
            .id
            .clone()
            .filter(|id| !crate::text::is_blank(id))
            .ok_or_else(|| RaktError::input("id", "the record needs the mother's id"))?;
        Ok(Mother {
            id,
            blood_group: record.blood_group,
            age_years: record.age_years,
            anti_d: false,
        })
    }

    /// As a transfusion recipient: female, so RhD-negative protection applies.
    pub fn recipient(&self) -> Recipient {
        Recipient {
            group: self.blood_group,
            sex: Some(Sex::Female),
            age_years: self.age_years,
            anti_d: self.anti_d,
            chronically_transfused: false,
        }
    }
}

/// Units another facility could send.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NearbySupply {
    /// The facility.
    pub facility: String,
    /// The units it could send, in its allocation order.
    pub units: Vec<AllocatedUnit>,
    /// The request to reserve them there.
    pub request: AllocationRequest,
}

/// Whether the blood a plan needs is ready for the due date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BloodReadiness {
    /// The mother.
    pub mother: String,
    /// The plan's action.
    pub action: BloodAction,
    /// The component.
    pub component: Component,
    /// Units the plan needs.
    pub required: u32,
    /// The end of the due date (facility time): every unit must still be valid then.
    pub needed_by: DateTime<FixedOffset>,
    /// The facility.
    pub facility: String,
    /// Compatible released units in the facility valid at `needed_by` (FEFO order).
    pub units: Vec<AllocatedUnit>,
    /// Units the facility cannot provide.
    pub missing: u32,
    /// Why the facility's groups could not cover the gap.
    pub shortfall: Vec<SkippedClass>,
    /// Units nearby facilities could send, in the order the facilities were given.
    pub nearby: Vec<NearbySupply>,
    /// Units still missing after the nearby facilities.
    pub uncovered: u32,
    /// The request to reserve the facility's units for her (when it has any to reserve).
    pub suggested_reservation: Option<AllocationRequest>,
    /// Whether the facility alone has everything ready.
    pub ready: bool,
    /// Whether her group is unknown (emergency rules chose the units).
    pub emergency: bool,
}

/// Check a blood plan against the facility's stock and, for what it lacks, the stock of
/// nearby facilities (in the order given), using the inventory's allocation rules
/// ([`Inventory::allocate`]): compatible, released units of red cells, not held for others,
/// still valid at the end of the due date in facility time (or at the end of `as_of`'s day
/// when the due date has passed). Nothing is reserved: `suggested_reservation` (and each nearby
/// facility's `request`) is the request to pass to [`Inventory::reserve`], holding the units
/// until `needed_by`.
///
/// A nearby inventory that is the facility's own (or is listed twice) is skipped. A plan with
/// no crossmatch needs no units and is ready.
pub fn blood_readiness(
    mother: &Mother,
    plan: &BloodPlan,
    facility: &Inventory,
    due_date: NaiveDate,
    as_of: DateTime<FixedOffset>,
    nearby: &[&Inventory],
) -> Result<BloodReadiness> {
    if crate::text::is_blank(&mother.id) {
        return Err(RaktError::input("mother.id", "name the mother"));
    }
    let offset = facility.policy().offset();
    let local_today = as_of.with_timezone(&offset).date_naive();
    let day = due_date.max(local_today);
    let next = day
        .succ_opt()
        .ok_or_else(|| RaktError::input("due_date", "is out of range"))?;
    let needed_by = next
        .and_time(NaiveTime::MIN)
        .and_local_timezone(offset)
        .single()
        .ok_or_else(|| RaktError::input("due_date", "has no single local time"))?;
    let required = plan.units();
    let mut out = BloodReadiness {
        mother: mother.id.clone(),
        action: plan.action,
        component: plan.component,
        required,
        needed_by,
        facility: facility.facility().to_string(),
        units: Vec::new(),
        missing: 0,
        shortfall: Vec::new(),
        nearby: Vec::new(),
        uncovered: 0,
        suggested_reservation: None,
        ready: true,
        emergency: mother.blood_group.is_none(),
    };
    if required == 0 {
        return Ok(out);
    }
    let request = |qty: u32| {
        AllocationRequest::new(&mother.id, mother.recipient(), plan.component, qty)
            .needed_by(needed_by)
            .hold_until(needed_by)
    };
    let local = facility.allocate(&request(required), as_of)?;
    out.emergency = local.emergency;
    out.missing = local.shortfall;
    out.shortfall = local.skipped;
    out.units = local.units;
    if !out.units.is_empty() {
        let held = u32::try_from(out.units.len()).unwrap_or(required);
        out.suggested_reservation = Some(request(held));
    }
    let mut gap = out.missing;
    let mut seen: Vec<&Inventory> = vec![facility];
    for &other in nearby {
        if gap == 0 {
            break;
        }
        // The facility itself, or a neighbour listed twice, would offer the same units again.
        if seen.iter().any(|s| std::ptr::eq(*s, other)) {
            continue;
        }
        seen.push(other);
        let there = other.allocate(&request(gap), as_of)?;
        if there.units.is_empty() {
            continue;
        }
        let got = u32::try_from(there.units.len()).unwrap_or(gap);
        gap = gap.saturating_sub(got);
        out.nearby.push(NearbySupply {
            facility: other.facility().to_string(),
            units: there.units,
            request: request(got),
        });
    }
    out.uncovered = gap;
    out.ready = out.missing == 0;
    Ok(out)
}
