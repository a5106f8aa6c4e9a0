//! Stock in the shape of the e-RaktKosh availability search (`research/blood.md` §6.2): per
//! blood centre and component code, the count of available units per blood-group code and the
//! availability text (`B+Ve : 74, O-Ve : 4`).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{EraktkoshComponent, group_row};
use crate::error::{RaktError, Result};
use crate::unit::{BloodUnit, UnitStatus};

/// Available units of one blood group.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupCount {
    /// The e-RaktKosh blood-group code, e.g. 13.
    pub code: u32,
    /// Its label as the availability search writes it, e.g. `B+Ve`.
    pub label: String,
    /// How many units.
    pub count: u32,
}

/// Available units of one component code at one centre.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComponentStock {
    /// The component (its code in JSON).
    pub component: EraktkoshComponent,
    /// The e-RaktKosh name of the component, e.g. `Sagm Packed Red Blood Cells`.
    pub name: String,
    /// Counts per blood group, by ascending group code; groups with no unit are left out.
    pub groups: Vec<GroupCount>,
    /// All available units of this component.
    pub total: u32,
    /// The availability text, `label : count` joined by `, ` in group-code order:
    /// `B+Ve : 74, O-Ve : 4`.
    pub availability: String,
}

/// A unit that was left out of the counts although it may be stock, and why. Units that are
/// not available (not released at `as_of`, or expired) are not listed: they are simply not
/// stock.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UncountedUnit {
    /// The unit's id (`DIN` or `DIN/A0`).
    pub unit: String,
    /// Stable code: `ERAKTKOSH_NO_COMPONENT_CODE` (e.g. granulocytes), `ERAKTKOSH_NO_GROUP_CODE`
    /// (RhD not known), `EVENTS_AFTER_AS_OF` (the unit's record has events after `as_of`, so its
    /// status at `as_of` is not known) or `DUPLICATE_UNIT` (the same unit given again).
    pub code: String,
    /// Human explanation.
    pub reason: String,
}

/// One blood centre's stock.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CentreStock {
    /// The blood centre's identifier, as given.
    pub centre: String,
    /// Stock per component, by ascending component code; components with no unit are left out.
    pub components: Vec<ComponentStock>,
    /// Units left out of the counts although they may be stock, in input order.
    pub uncounted: Vec<UncountedUnit>,
}

/// Stock of several blood centres at one time, as the e-RaktKosh availability search shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StockSummary {
    /// The time the stock is counted at.
    pub as_of: DateTime<FixedOffset>,
    /// Every centre named in the input, sorted by identifier (also centres with no stock).
    pub centres: Vec<CentreStock>,
}

impl StockSummary {
    /// The stock of one centre, if it was in the input.
    ///
    /// ```
    /// let s = rakt::eraktkosh::stock_summary(Vec::<(&str, &rakt::BloodUnit)>::new(), rakt::parse_timestamp("2026-11-01T09:00:00+05:30")?)?;
    /// assert!(s.centre("BC-1").is_none());
    /// # Ok::<(), rakt::RaktError>(())
    /// ```
    pub fn centre(&self, centre: &str) -> Option<&CentreStock> {
        self.centres.iter().find(|c| c.centre == centre)
    }
}

impl CentreStock {
    /// The stock of one component code, if the centre has any.
    pub fn component(&self, component: EraktkoshComponent) -> Option<&ComponentStock> {
        self.components.iter().find(|c| c.component == component)
    }
}

#[derive(Default)]
struct Tally {
    /// component → (group code, label) → count
    counts: BTreeMap<EraktkoshComponent, BTreeMap<(u32, &'static str), u32>>,
    uncounted: Vec<UncountedUnit>,
}

/// Why an available unit cannot be counted, if it cannot.
type Coded = (EraktkoshComponent, (u32, &'static str));

fn coded(unit: &BloodUnit) -> std::result::Result<Coded, UncountedUnit> {
    let refusal = |e: RaktError| {
        let code = match &e {
            RaktError::NotApplicable { code, .. } => code.clone(),
            other => other.kind().to_string(),
        };
        UncountedUnit {
            unit: unit.id().to_string(),
            code,
            reason: e.to_string(),
        }
    };
    let component = EraktkoshComponent::for_product(unit.product()).map_err(refusal)?;
    let group = group_row(&unit.group()).map_err(refusal)?;
    Ok((component, group))
}

/// Counts the units available at `as_of` per blood centre, component code and blood-group code,
/// in the shape of the e-RaktKosh availability search.
///
/// A unit is available when its status at `as_of` ([`BloodUnit::status_at`], so a lapsed
/// reservation counts) is `released` and it is not expired at `as_of`. Units collected after
/// `as_of` did not exist yet and are ignored. An available unit is coded with
/// [`EraktkoshComponent::for_product`] and [`blood_group_to_code`](super::blood_group_to_code) (weak D as RhD positive);
/// one that cannot be coded (granulocytes, RhD unknown), whose record has events after `as_of`,
/// or that is given twice, is listed in its centre's `uncounted` with the reason, never
/// silently dropped. Centres are sorted by identifier, components and groups by code. An empty
/// or blank centre identifier is refused with [`RaktError::InvalidInput`] (`centre`).
///
/// ```
/// use rakt::eraktkosh::{stock_summary, EraktkoshComponent};
/// use rakt::unit::{BloodUnit, Collection, DonationType, EventKind, UnitEvent};
/// use rakt::screening::TestResult;
/// use rakt::{parse_timestamp, BloodGroup, Policy, Preservative, Product};
///
/// let policy = Policy::india();
/// let t = parse_timestamp("2026-11-01T09:00:00+05:30")?;
/// let released = |din: &str, group: &str| -> rakt::Result<BloodUnit> {
///     let mut unit = BloodUnit::collect(Collection {
///         din: din.into(), division: None,
///         product: Product::red_cells(Preservative::AdditiveSolution),
///         group: BloodGroup::parse(group)?, volume_ml: 280,
///         donation_type: DonationType::Voluntary, donor_id: None,
///         first_donation: false, collected_at: t,
///     }, "tech", &policy)?;
///     let mut events = vec![EventKind::Quarantine];
///     for m in &policy.screening.mandatory_markers {
///         events.push(EventKind::RecordTest { marker: *m, result: TestResult::NonReactive });
///     }
///     let g = unit.group();
///     events.push(EventKind::RecordGrouping { forward: Some(g), reverse: Some(g.abo()), historical: None });
///     events.push(EventKind::Release);
///     for kind in events {
///         unit = unit.apply(&UnitEvent::new(t, "tech", kind), &policy)?;
///     }
///     Ok(unit)
/// };
/// let (a, b, c) = (released("DIN-1", "B+")?, released("DIN-2", "O-")?, released("DIN-3", "B+")?);
/// let stock = [("BC-7", &a), ("BC-7", &b), ("BC-7", &c)];
/// let summary = stock_summary(stock, parse_timestamp("2026-11-02T09:00:00+05:30")?)?;
/// let sagm = summary.centres[0].component(EraktkoshComponent::SagmPackedRedBloodCells);
/// assert_eq!(sagm.map(|s| s.availability.as_str()), Some("B+Ve : 2, O-Ve : 1"));
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn stock_summary<S: AsRef<str>, U: std::borrow::Borrow<BloodUnit>>(
    units: impl IntoIterator<Item = (S, U)>,
    as_of: DateTime<FixedOffset>,
) -> Result<StockSummary> {
    let mut centres: BTreeMap<String, Tally> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for (centre, unit) in units {
        let unit = unit.borrow();
        let centre = centre.as_ref();
        if crate::text::is_blank(centre) {
            return Err(RaktError::input(
                "centre",
                "a blood centre identifier must not be empty",
            ));
        }
        let tally = centres.entry(centre.to_string()).or_default();
        let history = unit.history();
        if history.first().is_some_and(|e| e.at > as_of) {
            continue;
        }
        let id = unit.id().to_string();
        if !seen.insert(id.clone()) {
            tally.uncounted.push(UncountedUnit {
                reason: format!("unit {id} was given more than once; counted once"),
                unit: id,
                code: "DUPLICATE_UNIT".into(),
            });
            continue;
        }
        if history.last().is_some_and(|e| e.at > as_of) {
            tally.uncounted.push(UncountedUnit {
                reason: format!(
                    "unit {id} has events recorded after {as_of}, so its status then is not known"
                ),
                unit: id,
                code: "EVENTS_AFTER_AS_OF".into(),
            });
            continue;
        }
        if unit.status_at(as_of) != UnitStatus::Released || unit.is_expired(as_of) {
            continue;
        }
        match coded(unit) {
            Ok((component, group)) => {
                let count = tally
                    .counts
                    .entry(component)
                    .or_default()
                    .entry(group)
                    .or_default();
                *count = count.saturating_add(1);
            }
            Err(u) => tally.uncounted.push(u),
        }
    }
    let centres = centres
        .into_iter()
        .map(|(centre, tally)| CentreStock {
            centre,
            components: tally
                .counts
                .into_iter()
                .map(|(component, groups)| component_stock(component, groups))
                .collect(),
            uncounted: tally.uncounted,
        })
        .collect();
    Ok(StockSummary { as_of, centres })
}

fn component_stock(
    component: EraktkoshComponent,
    groups: BTreeMap<(u32, &'static str), u32>,
) -> ComponentStock {
    let groups: Vec<GroupCount> = groups
        .into_iter()
        .map(|((code, label), count)| GroupCount {
            code,
            label: label.to_string(),
            count,
        })
        .collect();
    let availability = groups
        .iter()
        .map(|g| format!("{} : {}", g.label, g.count))
        .collect::<Vec<_>>()
        .join(", ");
    ComponentStock {
        component,
        name: component.name().to_string(),
        total: groups.iter().fold(0u32, |t, g| t.saturating_add(g.count)),
        groups,
        availability,
    }
}
