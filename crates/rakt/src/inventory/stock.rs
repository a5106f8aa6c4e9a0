//! What the stock looks like: summaries, units about to expire, days of stock, stock levels.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::Inventory;
use crate::blood_group::BloodGroup;
use crate::component::Component;
use crate::eraktkosh::{CentreStock, stock_summary};
use crate::error::{RaktError, Result};
use crate::policy::StockLevel;
use crate::unit::{EventKind, UnitId, UnitStatus};

/// Units of one component and donor group (ABO and RhD) at a time, by state.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StockRow {
    /// The component.
    pub component: Component,
    /// The donor group (subgroups and weak D counted with their basic group).
    pub group: BloodGroup,
    /// Released and unexpired, held for nobody (lapsed holds included): free stock.
    pub available: u32,
    /// Reserved or crossmatched for a patient, hold not lapsed.
    pub held: u32,
    /// Returned and kept for the same patient.
    pub returned: u32,
    /// Collected or in quarantine.
    pub not_released: u32,
    /// Released or held but expired: to be discarded.
    pub expired: u32,
}

/// The stock of a facility at a time, in rakt types and in e-RaktKosh codes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct InventorySummary {
    /// The facility.
    pub facility: String,
    /// The time the stock is counted at.
    pub as_of: DateTime<FixedOffset>,
    /// One row per component and donor group that has a unit in stock, by component then
    /// group.
    pub rows: Vec<StockRow>,
    /// The same stock as the e-RaktKosh availability search shows it (available units only),
    /// with the units it cannot code listed under `uncounted`.
    pub eraktkosh: CentreStock,
}

/// A unit in stock that expires soon.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ExpiringUnit {
    /// The unit.
    pub id: UnitId,
    /// Its component.
    pub component: Component,
    /// Its exact group.
    pub group: BloodGroup,
    /// Its status at the time asked.
    pub status: UnitStatus,
    /// When it expires.
    pub expires_at: DateTime<FixedOffset>,
}

/// Days of stock of one component and donor group: stock on hand ÷ average daily issues.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DaysOfStock {
    /// The component.
    pub component: Component,
    /// The donor group.
    pub group: BloodGroup,
    /// Available units at the time asked.
    pub on_hand: u32,
    /// Units issued (normally or in an emergency) in the window before the time asked.
    pub issued: u32,
    /// The window, in days.
    pub window_days: u32,
    /// Issues per day, to 2 decimal places.
    pub average_daily_issues: Decimal,
    /// On hand ÷ average daily issues, to 1 decimal place; none when nothing was issued.
    pub days: Option<Decimal>,
}

/// One stock level against the stock on hand.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StockGap {
    /// The donor group.
    pub group: BloodGroup,
    /// The components counted.
    pub components: Vec<Component>,
    /// The level.
    pub required: u32,
    /// Available units counted.
    pub on_hand: u32,
    /// How many units are missing (0 when the level is met).
    pub missing: u32,
}

/// Stock levels checked against the stock on hand.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StockCheck {
    /// The time of the check.
    pub as_of: DateTime<FixedOffset>,
    /// Every level, in the order given.
    pub levels: Vec<StockGap>,
    /// Whether every level is met.
    pub met: bool,
}

impl StockCheck {
    /// The levels that are not met.
    pub fn gaps(&self) -> Vec<&StockGap> {
        self.levels.iter().filter(|l| l.missing > 0).collect()
    }
}

const DAYS_COVER_SOURCE: &str = "Days of stock = stock on hand ÷ average daily issues: Chapman, Transfus Med 2009; blood.gov.au inventory tip 3 (research/blood.md §8)";

impl Inventory {
    /// The stock by component and donor group at `as_of`, and the same available stock in
    /// e-RaktKosh codes. Counts follow each unit's recorded status as of `as_of` (a hold that
    /// has lapsed counts as available); a unit with events after `as_of` is counted by its
    /// latest record in `rows` and listed as uncounted in the e-RaktKosh view.
    pub fn stock_summary(&self, as_of: DateTime<FixedOffset>) -> Result<InventorySummary> {
        let mut rows: BTreeMap<(Component, BloodGroup), StockRow> = BTreeMap::new();
        for unit in &self.units {
            let status = unit.status_at(as_of);
            let expired = unit.is_expired(as_of);
            if !status.is_in_stock() {
                continue;
            }
            let component = unit.product().component();
            let group = unit.group().basic();
            let row = rows.entry((component, group)).or_insert(StockRow {
                component,
                group,
                available: 0,
                held: 0,
                returned: 0,
                not_released: 0,
                expired: 0,
            });
            match status {
                UnitStatus::Collected | UnitStatus::Quarantined => row.not_released += 1,
                _ if expired => row.expired += 1,
                UnitStatus::Released => row.available += 1,
                UnitStatus::Returned => row.returned += 1,
                _ => row.held += 1,
            }
        }
        let facility = self.facility.as_str();
        // Each unit is rebuilt as it is counted, never all at once (a national stock rebuilt
        // whole would take gigabytes). Units that are neither available at `as_of` nor changed
        // after it are left out: the e-RaktKosh view neither counts nor lists them.
        let mut failed = None;
        let units = self
            .units
            .iter()
            .filter(|u| {
                u.status_at(as_of) == UnitStatus::Released || u.last_at().is_some_and(|t| t > as_of)
            })
            .map_while(|u| match u.unit(&self.policy) {
                Ok(unit) => Some((facility, unit)),
                Err(e) => {
                    failed = Some(e);
                    None
                }
            });
        let eraktkosh = stock_summary(units, as_of)?
            .centres
            .into_iter()
            .next()
            .unwrap_or(CentreStock {
                centre: self.facility.clone(),
                components: Vec::new(),
                uncounted: Vec::new(),
            });
        if let Some(e) = failed {
            return Err(e);
        }
        Ok(InventorySummary {
            facility: self.facility.clone(),
            as_of,
            rows: rows.into_values().collect(),
            eraktkosh,
        })
    }

    /// Units in stock (released, held or returned) that are unexpired at `as_of` and expire
    /// within `hours` of it (a unit expiring exactly at `as_of + hours` is included), soonest
    /// first. A window that reaches past the calendar's range has no end.
    pub fn expiring_within(&self, as_of: DateTime<FixedOffset>, hours: u32) -> Vec<ExpiringUnit> {
        let limit = as_of.checked_add_signed(Duration::hours(i64::from(hours)));
        let within = |e: DateTime<FixedOffset>| limit.is_none_or(|l| e <= l);
        let mut out = Vec::new();
        for (key, bucket) in &self.buckets {
            let released = bucket
                .valid_after(as_of)
                .take_while(|(e, _)| within(*e))
                .map(|(_, id)| id);
            let held = bucket.held.iter().map(|(_, id)| id);
            for id in released.chain(held) {
                let Some(unit) = self.find(id) else { continue };
                let e = unit.expires_at();
                if e > as_of && within(e) {
                    out.push(ExpiringUnit {
                        id: id.clone(),
                        component: key.component,
                        group: key.group,
                        status: unit.status_at(as_of),
                        expires_at: e,
                    });
                }
            }
        }
        out.sort_by(|a, b| (a.expires_at, &a.id).cmp(&(b.expires_at, &b.id)));
        out
    }

    /// Days of stock per component and donor group: the available units at `as_of` divided by
    /// the average daily issues over the `window_days` days before it (issues at or after
    /// `as_of - window_days` and before `as_of`). Rows for every component and group that has
    /// stock or issues.
    pub fn days_of_stock(
        &self,
        as_of: DateTime<FixedOffset>,
        window_days: u32,
    ) -> Result<Vec<DaysOfStock>> {
        if window_days == 0 {
            return Err(RaktError::input("window_days", "must be at least 1"));
        }
        let from = as_of
            .checked_sub_signed(Duration::days(i64::from(window_days)))
            .ok_or_else(|| {
                RaktError::input(
                    "window_days",
                    format!("{window_days} days before {as_of} is out of the calendar's range"),
                )
            })?;
        let mut issued: BTreeMap<(Component, BloodGroup), u32> = BTreeMap::new();
        for unit in &self.units {
            let n = unit
                .events()
                .filter(|(at, kind)| {
                    *at >= from
                        && *at < as_of
                        && matches!(
                            kind,
                            EventKind::Issue { .. } | EventKind::EmergencyIssue { .. }
                        )
                })
                .count();
            if n > 0 {
                *issued
                    .entry((unit.product().component(), unit.group().basic()))
                    .or_default() += u32::try_from(n).unwrap_or(u32::MAX);
            }
        }
        let mut keys: Vec<(Component, BloodGroup)> = issued.keys().copied().collect();
        for (key, bucket) in &self.buckets {
            if !bucket.available.is_empty() || !bucket.held.is_empty() {
                keys.push((key.component, key.group.basic()));
            }
        }
        keys.sort();
        keys.dedup();
        let mut out = Vec::new();
        for (component, group) in keys {
            let on_hand = self.available_count(component, group, as_of);
            let n = issued.get(&(component, group)).copied().unwrap_or(0);
            if on_hand == 0 && n == 0 {
                continue;
            }
            let exact = Decimal::from(n) / Decimal::from(window_days);
            let days = (n > 0).then(|| {
                (Decimal::from(on_hand) / exact)
                    .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
            });
            out.push(DaysOfStock {
                component,
                group,
                on_hand,
                issued: n,
                window_days,
                average_daily_issues: exact
                    .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
                days,
            });
        }
        Ok(out)
    }

    /// The source of the days-of-stock definition.
    pub fn days_of_stock_source() -> &'static str {
        DAYS_COVER_SOURCE
    }

    /// Check stock levels against the available units at `as_of` (units held for a patient do
    /// not count: they are spoken for).
    pub fn check_levels(&self, levels: &[StockLevel], as_of: DateTime<FixedOffset>) -> StockCheck {
        let levels: Vec<StockGap> = levels
            .iter()
            .map(|level| {
                let group = level.group.basic();
                let on_hand = level
                    .components
                    .iter()
                    .map(|c| self.available_count(*c, group, as_of))
                    .sum();
                StockGap {
                    group,
                    components: level.components.clone(),
                    required: level.units,
                    on_hand,
                    missing: level.units.saturating_sub(on_hand),
                }
            })
            .collect();
        StockCheck {
            as_of,
            met: levels.iter().all(|l| l.missing == 0),
            levels,
        }
    }

    /// The policy's minimum levels (`inventory.minimum_levels`) against the stock; the
    /// built-in profiles set none (no source gives national minimums), so this fails with
    /// `PolicyValueMissing` until a policy file sets them.
    pub fn below_minimum(&self, as_of: DateTime<FixedOffset>) -> Result<StockCheck> {
        let levels = self
            .policy
            .inventory
            .minimum_levels
            .as_ref()
            .ok_or_else(|| {
                self.policy.missing(
                    "inventory.minimum_levels",
                    "no source gives minimum stock levels: set the facility's own in a policy file",
                )
            })?;
        Ok(self.check_levels(levels, as_of))
    }

    /// The suggested stock of a blood storage centre (`inventory.storage_centre_norm`; in the
    /// `india` profile A, B, O RhD-positive 5 units each, AB RhD-positive 2, A, B, O
    /// RhD-negative 1 each, counted over whole blood and red cells) against the stock.
    pub fn storage_centre_check(&self, as_of: DateTime<FixedOffset>) -> Result<StockCheck> {
        let levels = self
            .policy
            .inventory
            .storage_centre_norm
            .as_ref()
            .ok_or_else(|| {
                self.policy.missing(
                    "inventory.storage_centre_norm",
                    "this profile has no blood storage centre norm (the india profile does)",
                )
            })?;
        Ok(self.check_levels(levels, as_of))
    }

    /// Available units of a component and basic group at `as_of`: released and unexpired,
    /// or held with a lapsed hold.
    pub(super) fn available_count(
        &self,
        component: Component,
        group: BloodGroup,
        as_of: DateTime<FixedOffset>,
    ) -> u32 {
        let mut n = 0usize;
        for (_, bucket) in super::allocate::group_keys(self, component, group) {
            n += bucket.valid_after(as_of).count();
            n += bucket
                .lapsed(as_of)
                .filter(|id| self.find(id).is_some_and(|u| !u.is_expired(as_of)))
                .count();
        }
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}
