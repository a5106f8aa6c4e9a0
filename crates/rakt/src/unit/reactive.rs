//! What a reactive screening result sets off: discard of the whole donation, donor referral,
//! deferral, and look-back.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{BloodUnit, DiscardReason, EventKind, UnitEvent, UnitId, UnitStatus};
use crate::donor::{DeferralEvent, DeferralKind};
use crate::error::{RaktError, Result};
use crate::policy::{Confidence, Policy};
use crate::reason::{Reason, ReasonCode};
use crate::screening::{TestResult, TtiMarker};

/// The NBTC "donor referral" record for a reactive donation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DonorReferral {
    /// The donor's identifier, when the unit has one.
    pub donor_id: Option<String>,
    /// The donation identification number.
    pub din: String,
    /// The markers that were repeat reactive or indeterminate.
    pub markers: Vec<TtiMarker>,
    /// Their results.
    pub results: BTreeMap<TtiMarker, TestResult>,
    /// The day of the finding, in facility time.
    pub date: NaiveDate,
    /// The deferral events to add to the donor's record (one `tti_reactive` per marker);
    /// `assess_donor` applies the policy's deferral for each.
    pub deferral_events: Vec<DeferralEvent>,
    /// One `TTI_REACTIVE` reason per marker.
    pub reasons: Vec<Reason>,
}

/// A unit from one of the donor's earlier donations, still in stock: quarantine it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LookbackEntry {
    /// The unit.
    pub unit: UnitId,
    /// Its status now.
    pub status: UnitStatus,
    /// When it was collected.
    pub collected_at: DateTime<FixedOffset>,
}

/// The outcome of [`handle_reactive`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ReactiveOutcome {
    /// Every component of the donation that could be discarded, now discarded (reason
    /// `tti_reactive`).
    pub discarded: Vec<BloodUnit>,
    /// Components of the donation that are already issued or final: they cannot be discarded
    /// and need follow-up (recall, recipient notification).
    pub not_discarded: Vec<LookbackEntry>,
    /// The donor referral.
    pub referral: DonorReferral,
    /// Units of the donor's earlier donations still in stock, for quarantine (look-back).
    pub lookback: Vec<LookbackEntry>,
}

const SRC_REFERRAL: &str = "NBTC Guidelines for Blood Donor Selection and Blood Donor Referral 2017; repeat reactive → discard and donor referral (research/blood.md §3.1, §4.2)";

/// Act on a unit whose screening has a repeat-reactive or indeterminate result.
///
/// `stock` is the blood centre's units (the unit itself may be among them). Every unit with the
/// same DIN that is not yet issued or final is discarded with the reason `tti_reactive`; the donor
/// referral names the markers and carries the deferral events for the donor's record; units of
/// the same donor's earlier donations that are still in stock are listed for quarantine
/// (look-back needs the units' donor identifiers, and finds pools and divided products through
/// their parents among `stock`). Refused when the unit has no reactive result.
pub fn handle_reactive(
    unit: &BloodUnit,
    stock: &[BloodUnit],
    at: DateTime<FixedOffset>,
    actor: &str,
    policy: &Policy,
) -> Result<ReactiveOutcome> {
    let markers = unit.screening().reactive_markers();
    if markers.is_empty() {
        return Err(RaktError::not_applicable(
            "NO_REACTIVE_RESULT",
            format!(
                "unit {} has no repeat-reactive or indeterminate result",
                unit.id()
            ),
        ));
    }
    let mut siblings: Vec<&BloodUnit> = vec![unit];
    siblings.extend(
        stock
            .iter()
            .filter(|u| u.id().din == unit.id().din && u.id() != unit.id()),
    );
    let discard = UnitEvent::new(
        at,
        actor,
        EventKind::Discard {
            reason: DiscardReason::TtiReactive,
        },
    );
    let mut discarded = Vec::new();
    let mut not_discarded = Vec::new();
    for s in siblings {
        if s.status().is_terminal() || s.status() == UnitStatus::Issued {
            not_discarded.push(entry(s));
        } else {
            let done = s.apply(&discard, policy).map_err(|e| match e {
                RaktError::NotApplicable { code, reason } => RaktError::NotApplicable {
                    code,
                    reason: format!("unit {}: {reason}", s.id()),
                },
                other => other,
            })?;
            discarded.push(done);
        }
    }
    let lookback = match unit.donor_id() {
        None => Vec::new(),
        Some(donor) => lookback(unit, donor, stock),
    };
    let date = at.with_timezone(&policy.offset()).date_naive();
    let results = markers
        .iter()
        .map(|m| (*m, unit.screening().result(*m)))
        .collect::<BTreeMap<_, _>>();
    let reasons = results
        .iter()
        .map(|(m, r)| {
            Reason::new(ReasonCode::TtiReactive)
                .fact("marker", m)
                .fact("result", r)
                .cite(SRC_REFERRAL, Confidence::Medium)
        })
        .collect();
    let deferral_events = markers
        .iter()
        .map(|m| DeferralEvent {
            kind: DeferralKind::TtiReactive,
            date,
            marker: Some(*m),
        })
        .collect();
    Ok(ReactiveOutcome {
        discarded,
        not_discarded,
        referral: DonorReferral {
            donor_id: unit.donor_id().map(str::to_string),
            din: unit.id().din.clone(),
            markers,
            results,
            date,
            deferral_events,
            reasons,
        },
        lookback,
    })
}

/// Units in stock made from the donor's earlier donations: the donor's own units, and units split
/// or pooled from them (followed through `parents`, so a pool is found through its constituents'
/// records in the stock), that are still in stock.
fn lookback(unit: &BloodUnit, donor: &str, stock: &[BloodUnit]) -> Vec<LookbackEntry> {
    let earlier =
        |u: &BloodUnit| u.id().din != unit.id().din && u.collected_at() < unit.collected_at();
    let mut from_donor: Vec<&UnitId> = stock
        .iter()
        .filter(|u| u.donor_id() == Some(donor) && earlier(u))
        .map(|u| u.id())
        .collect();
    loop {
        let more: Vec<&UnitId> = stock
            .iter()
            .filter(|u| !from_donor.contains(&u.id()))
            .filter(|u| u.parents().iter().any(|p| from_donor.contains(&p)))
            .map(|u| u.id())
            .collect();
        if more.is_empty() {
            break;
        }
        from_donor.extend(more);
    }
    stock
        .iter()
        .filter(|u| from_donor.contains(&u.id()))
        .filter(|u| u.status().is_in_stock())
        .map(entry)
        .collect()
}

fn entry(u: &BloodUnit) -> LookbackEntry {
    LookbackEntry {
        unit: u.id().clone(),
        status: u.status(),
        collected_at: u.collected_at(),
    }
}
