//! Stock: `Inventory` (an object holding the facility's units) and `AllocationRequest`, with
//! records for what it answers (`Allocation`, `InventorySummary`, `DaysOfStock`, `StockCheck`,
//! ...). Unit ids are text, `DIN` or `DIN/A0`, as `BloodUnit.id()` gives them.

use std::sync::{Arc, Mutex, MutexGuard};

use rakt::inventory as inv;

use crate::components::{Component, Modification};
use crate::eraktkosh::CentreStock;
use crate::error::{RaktException, Result, unsigned};
use crate::events::{UnitEvent, id_from_text, id_text, ids_from_text, to_int};
use crate::groups::BloodGroup;
use crate::policy::{Policy, resolve};
use crate::reasons::{Reason, reasons_from_core};
use crate::time::{Decimal, Timestamp};
use crate::units::{BloodUnit, UnitStatus};
use crate::verdicts::{Rank, Recipient};

/// What a patient needs. A unit must be released (or its hold lapsed), of `component`,
/// compatible with `recipient` (group `null`: the emergency rules), not held for anyone else,
/// not expired at `neededBy` (the time of the request when `null`) and carry every one of
/// `requirements` (irradiated, leucoreduced, washed, CMV-negative, pathogen-reduced).
/// `reserve` holds the units until `holdUntil` (the policy's reservation period when `null`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct AllocationRequest {
    /// The patient's identifier (units are held and issued in this name).
    pub patient: String,
    /// The patient's group and attributes.
    pub recipient: Recipient,
    /// The component.
    pub component: Component,
    /// How many units (at least 1).
    pub quantity: i32,
    /// Special requirements a unit must all carry.
    #[uniffi(default = [])]
    pub requirements: Vec<Modification>,
    /// When the units are needed.
    #[uniffi(default = None)]
    pub needed_by: Option<Timestamp>,
    /// Until when `reserve` holds the units.
    #[uniffi(default = None)]
    pub hold_until: Option<Timestamp>,
}

impl AllocationRequest {
    fn to_core(&self) -> Result<inv::AllocationRequest> {
        let time =
            |t: &Option<Timestamp>, field: &str| t.as_ref().map(|t| t.parse(field)).transpose();
        Ok(inv::AllocationRequest {
            patient: self.patient.clone(),
            recipient: self.recipient.to_core()?,
            component: self.component.into(),
            quantity: unsigned(self.quantity, "request.quantity")?,
            requirements: self.requirements.iter().map(|m| (*m).into()).collect(),
            needed_by: time(&self.needed_by, "request.needed_by")?,
            hold_until: time(&self.hold_until, "request.hold_until")?,
        })
    }
}

/// One unit chosen for a request.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AllocatedUnit {
    /// The unit's id (`DIN` or `DIN/A0`).
    pub id: String,
    /// Its exact group.
    pub group: BloodGroup,
    /// When it expires.
    pub expires_at: Timestamp,
    /// Its donor group's place in the policy's order for this recipient (1 = first choice).
    pub tier: i32,
    /// How good a choice the group is.
    pub rank: Rank,
    /// Why it was chosen: `UNIT_ALLOCATED`, then `SCARCE_UNIT_EXPIRES_FIRST` or
    /// `SCARCE_UNIT_LAST_RESORT` and compatibility caveats when they apply.
    pub reasons: Vec<Reason>,
}

#[uniffi::export]
impl AllocatedUnit {
    /// The reason codes, in order.
    pub fn codes(&self) -> Vec<String> {
        self.reasons.iter().map(|r| r.code.clone()).collect()
    }
}

/// Units of one donor group and the requested component, by what kept them from a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ClassCounts {
    /// Taken for this request.
    pub taken: i32,
    /// Collected or in quarantine.
    pub not_released: i32,
    /// Held for other patients, holds not lapsed.
    pub held_for_others: i32,
    /// Released, but expired at the time needed.
    pub expire_before_needed: i32,
    /// Released and unexpired, but without every special requirement.
    pub lacking_requirements: i32,
}

/// A donor group that could not (fully) serve a request, and why.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SkippedClass {
    /// The donor group (ABO and RhD).
    pub group: BloodGroup,
    /// Why, as stable codes in a fixed order: `INCOMPATIBLE`, `NO_STOCK`, `ALL_TAKEN`,
    /// `NOT_RELEASED`, `HELD_FOR_OTHER_PATIENTS`, `EXPIRES_BEFORE_NEEDED`, `LACKS_REQUIREMENTS`.
    pub reasons: Vec<String>,
    /// The units behind the reasons.
    pub counts: ClassCounts,
    /// For an incompatible group, the compatibility verdict's reasons.
    pub compatibility: Vec<Reason>,
}

/// The units proposed for (or held, issued by) a request.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Allocation {
    /// The patient.
    pub patient: String,
    /// The component.
    pub component: Component,
    /// How many units were asked for.
    pub requested: i32,
    /// The time the units must still be valid at.
    pub needed_by: Timestamp,
    /// The units, in the order chosen.
    pub units: Vec<AllocatedUnit>,
    /// How many units are missing.
    pub shortfall: i32,
    /// When short: every standard donor group, with why it could not serve (or serve more).
    pub skipped: Vec<SkippedClass>,
    /// Whether the recipient's group is unknown (emergency rules).
    pub emergency: bool,
}

#[uniffi::export]
impl Allocation {
    /// The chosen unit ids, in order.
    pub fn ids(&self) -> Vec<String> {
        self.units.iter().map(|u| u.id.clone()).collect()
    }
}

impl From<inv::AllocatedUnit> for AllocatedUnit {
    fn from(u: inv::AllocatedUnit) -> Self {
        AllocatedUnit {
            id: id_text(&u.id),
            group: u.group.into(),
            expires_at: u.expires_at.into(),
            tier: to_int(u.tier),
            rank: u.rank.into(),
            reasons: reasons_from_core(&u.reasons),
        }
    }
}

impl From<inv::SkippedClass> for SkippedClass {
    fn from(s: inv::SkippedClass) -> Self {
        SkippedClass {
            group: s.group.into(),
            reasons: s.codes().into_iter().map(str::to_string).collect(),
            counts: ClassCounts {
                taken: to_int(s.counts.taken),
                not_released: to_int(s.counts.not_released),
                held_for_others: to_int(s.counts.held_for_others),
                expire_before_needed: to_int(s.counts.expire_before_needed),
                lacking_requirements: to_int(s.counts.lacking_requirements),
            },
            compatibility: reasons_from_core(&s.compatibility),
        }
    }
}

impl From<inv::AllocationRequest> for AllocationRequest {
    fn from(r: inv::AllocationRequest) -> Self {
        AllocationRequest {
            patient: r.patient,
            recipient: r.recipient.into(),
            component: r.component.into(),
            quantity: to_int(r.quantity),
            requirements: r.requirements.into_iter().map(Into::into).collect(),
            needed_by: r.needed_by.map(Into::into),
            hold_until: r.hold_until.map(Into::into),
        }
    }
}

impl From<inv::Allocation> for Allocation {
    fn from(a: inv::Allocation) -> Self {
        Allocation {
            patient: a.patient,
            component: a.component.into(),
            requested: to_int(a.requested),
            needed_by: a.needed_by.into(),
            units: a.units.into_iter().map(AllocatedUnit::from).collect(),
            shortfall: to_int(a.shortfall),
            skipped: a.skipped.into_iter().map(SkippedClass::from).collect(),
            emergency: a.emergency,
        }
    }
}

/// Units of one component and donor group at a time, by state.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct StockRow {
    /// The component.
    pub component: Component,
    /// The donor group (subgroups and weak D counted with their basic group).
    pub group: BloodGroup,
    /// Released, unexpired and held for nobody (lapsed holds included).
    pub available: i32,
    /// Reserved or crossmatched for a patient, hold not lapsed.
    pub held: i32,
    /// Returned and kept for the same patient.
    pub returned: i32,
    /// Collected or in quarantine.
    pub not_released: i32,
    /// Released or held but expired: to be discarded.
    pub expired: i32,
}

/// The stock of a facility at a time, in rakt types and in e-RaktKosh codes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct InventorySummary {
    /// The facility.
    pub facility: String,
    /// The time the stock is counted at.
    pub as_of: Timestamp,
    /// One row per component and donor group with a unit in stock, by component then group.
    pub rows: Vec<StockRow>,
    /// The available stock as the e-RaktKosh availability search shows it.
    pub eraktkosh: CentreStock,
}

/// The result of a transfer: the units received in stock and those discarded for a cold-chain
/// break (ids).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct TransferOutcome {
    /// Units received released.
    pub received: Vec<String>,
    /// Units received outside the transport range, now discarded.
    pub discarded: Vec<String>,
}

/// A unit in stock that expires soon.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ExpiringUnit {
    /// The unit's id.
    pub id: String,
    /// Its component.
    pub component: Component,
    /// Its exact group.
    pub group: BloodGroup,
    /// Its status at the time asked.
    pub status: UnitStatus,
    /// When it expires.
    pub expires_at: Timestamp,
}

/// Days of stock of one component and donor group: stock on hand ÷ average daily issues.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct DaysOfStock {
    /// The component.
    pub component: Component,
    /// The donor group.
    pub group: BloodGroup,
    /// Available units at the time asked.
    pub on_hand: i32,
    /// Units issued (normally or in an emergency) in the window.
    pub issued: i32,
    /// The window, in days.
    pub window_days: i32,
    /// Issues per day, to 2 decimal places.
    pub average_daily_issues: Decimal,
    /// On hand ÷ average daily issues, to 1 decimal place; `null` when nothing was issued.
    pub days: Option<Decimal>,
}

/// A stock level: at least `units` units of `group` among `components`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct StockLevel {
    /// The donor group counted (ABO and RhD).
    pub group: BloodGroup,
    /// The components that count towards the level.
    pub components: Vec<Component>,
    /// The number of units.
    pub units: i32,
}

/// One stock level against the stock on hand.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct StockGap {
    /// The donor group.
    pub group: BloodGroup,
    /// The components counted.
    pub components: Vec<Component>,
    /// The level.
    pub required: i32,
    /// Available units counted.
    pub on_hand: i32,
    /// How many units are missing (0 when the level is met).
    pub missing: i32,
}

/// Stock levels checked against the stock on hand.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct StockCheck {
    /// The time of the check.
    pub as_of: Timestamp,
    /// Every level, in the order given.
    pub levels: Vec<StockGap>,
    /// Whether every level is met.
    pub met: bool,
    /// The levels that are not met, in the order given.
    pub gaps: Vec<StockGap>,
}

fn components(list: &[rakt::Component]) -> Vec<Component> {
    list.iter().map(|c| (*c).into()).collect()
}

impl From<&inv::StockGap> for StockGap {
    fn from(l: &inv::StockGap) -> Self {
        StockGap {
            group: l.group.into(),
            components: components(&l.components),
            required: to_int(l.required),
            on_hand: to_int(l.on_hand),
            missing: to_int(l.missing),
        }
    }
}

impl From<inv::StockCheck> for StockCheck {
    fn from(c: inv::StockCheck) -> Self {
        StockCheck {
            as_of: c.as_of.into(),
            levels: c.levels.iter().map(Into::into).collect(),
            met: c.met,
            gaps: c.gaps().into_iter().map(Into::into).collect(),
        }
    }
}

impl From<inv::InventorySummary> for InventorySummary {
    fn from(s: inv::InventorySummary) -> Self {
        InventorySummary {
            facility: s.facility,
            as_of: s.as_of.into(),
            rows: s
                .rows
                .into_iter()
                .map(|r| StockRow {
                    component: r.component.into(),
                    group: r.group.into(),
                    available: to_int(r.available),
                    held: to_int(r.held),
                    returned: to_int(r.returned),
                    not_released: to_int(r.not_released),
                    expired: to_int(r.expired),
                })
                .collect(),
            eraktkosh: s.eraktkosh.into(),
        }
    }
}

/// The stock of one facility under a policy (`null`: the `india` profile). It changes in place:
/// `add`, `reserve`, `crossmatch`, `issue`, `returnUnit`, `cancel`, `emergencyRelease`,
/// `expireReservations` and `apply` record events on its units, and a call that throws
/// changes nothing. Safe to share between threads (calls are serialised).
#[derive(Debug, uniffi::Object)]
pub struct Inventory {
    inner: Mutex<inv::Inventory>,
}

impl Inventory {
    /// The inventory, locked. A lock poisoned by a panic in an earlier call is recovered: every
    /// core operation works out its whole change before it applies any of it, so a call that
    /// failed left the stock as it was, and the app keeps its data.
    pub(crate) fn lock(&self) -> Result<MutexGuard<'_, inv::Inventory>> {
        let guard = self.inner.lock().unwrap_or_else(|poisoned| {
            self.inner.clear_poison();
            poisoned.into_inner()
        });
        Ok(guard)
    }
}

#[cfg(test)]
impl Inventory {
    /// Whether the lock is still marked poisoned.
    pub(crate) fn inner_is_poisoned(&self) -> bool {
        self.inner.is_poisoned()
    }
}

fn unit_list(units: rakt::Result<Vec<rakt::BloodUnit>>) -> Result<Vec<Arc<BloodUnit>>> {
    Ok(units?.into_iter().map(BloodUnit::wrap).collect())
}

#[uniffi::export]
impl Inventory {
    /// An empty inventory for a facility.
    #[uniffi::constructor(default(policy = None))]
    pub fn new(facility: String, policy: Option<Arc<Policy>>) -> Arc<Self> {
        let inner = inv::Inventory::new(&facility, resolve(&policy).clone());
        Arc::new(Inventory {
            inner: Mutex::new(inner),
        })
    }

    /// The facility's identifier.
    pub fn facility(&self) -> Result<String> {
        Ok(self.lock()?.facility().to_string())
    }

    /// The policy the inventory applies.
    pub fn policy(&self) -> Result<Arc<Policy>> {
        Ok(Policy::wrap(self.lock()?.policy().clone()))
    }

    /// How many units the inventory holds (in any status).
    pub fn len(&self) -> Result<i32> {
        Ok(i32::try_from(self.lock()?.len()).unwrap_or(i32::MAX))
    }

    /// Whether the inventory holds no unit.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.lock()?.is_empty())
    }

    /// A unit by id (`DIN` or `DIN/A0`), or `null`.
    pub fn get(&self, id: String) -> Result<Option<Arc<BloodUnit>>> {
        let id = id_from_text(&id)?;
        let inner = self.lock()?;
        if !inner.contains(&id) {
            return Ok(None);
        }
        Ok(Some(BloodUnit::wrap(inner.get(&id)?)))
    }

    /// Every unit, in the order they were added, each rebuilt from its events (a few
    /// microseconds a unit: the inventory keeps units packed).
    pub fn units(&self) -> Result<Vec<Arc<BloodUnit>>> {
        unit_list(self.lock()?.units())
    }

    /// Add a unit in any status; a unit whose id is already there is refused with
    /// `NotApplicable` (`DUPLICATE_UNIT`), and one the inventory's policy cannot vouch for
    /// (an expiry later than its shelf life allows) with `InvalidInput` field `expiry`. A
    /// refused unit leaves the inventory unchanged.
    pub fn add(&self, unit: Arc<BloodUnit>) -> Result<()> {
        Ok(self.lock()?.add(unit.core().clone())?)
    }

    /// Apply a lifecycle event that does not hand a unit to a patient (quarantine, tests,
    /// release, transfuse, discard, modifications): the unit as it now is. `Reserve`,
    /// `Crossmatch`, `Issue`, `EmergencyIssue` and `Transfer` (use `transfer`) are refused with
    /// `NotApplicable` (`USE_INVENTORY_METHOD`).
    pub fn apply(&self, id: String, event: UnitEvent) -> Result<Arc<BloodUnit>> {
        let id = id_from_text(&id)?;
        let event = event.to_core()?;
        let mut inner = self.lock()?;
        Ok(BloodUnit::wrap(inner.apply(&id, &event)?))
    }

    /// Propose units for a request at `asOf`; changes nothing.
    pub fn allocate(&self, request: AllocationRequest, as_of: Timestamp) -> Result<Allocation> {
        let request = request.to_core()?;
        let as_of = as_of.parse("as_of")?;
        Ok(self.lock()?.allocate(&request, as_of)?.into())
    }

    /// Allocate and hold the units for the request's patient until `request.holdUntil` (the
    /// policy's reservation period from `asOf` by default). The allocation lists the units
    /// now reserved, and any shortfall.
    pub fn reserve(
        &self,
        request: AllocationRequest,
        as_of: Timestamp,
        actor: String,
    ) -> Result<Allocation> {
        let request = request.to_core()?;
        let as_of = as_of.parse("as_of")?;
        Ok(self.lock()?.reserve(&request, as_of, &actor)?.into())
    }

    /// Crossmatch units held for `patient`, holding them until `until` (the policy's
    /// reservation period from `at` by default).
    #[uniffi::method(default(until = None))]
    pub fn crossmatch(
        &self,
        ids: Vec<String>,
        patient: String,
        at: Timestamp,
        actor: String,
        until: Option<Timestamp>,
    ) -> Result<()> {
        let ids = ids_from_text(&ids)?;
        let at = at.parse("at")?;
        let until = until.map(|u| u.parse("until")).transpose()?;
        Ok(self.lock()?.crossmatch(&ids, &patient, until, at, &actor)?)
    }

    /// Issue units held for `patient`. A unit not held for the patient is refused with
    /// `NotApplicable` (`NOT_HELD_FOR_PATIENT`) and nothing is issued.
    pub fn issue(
        &self,
        ids: Vec<String>,
        patient: String,
        at: Timestamp,
        actor: String,
    ) -> Result<()> {
        let ids = ids_from_text(&ids)?;
        let at = at.parse("at")?;
        Ok(self.lock()?.issue(&ids, &patient, at, &actor)?)
    }

    /// Cancel the holds on units (reserved, crossmatched or returned): they are back in stock.
    pub fn cancel(&self, ids: Vec<String>, at: Timestamp, actor: String) -> Result<()> {
        let ids = ids_from_text(&ids)?;
        let at = at.parse("at")?;
        Ok(self.lock()?.cancel(&ids, at, &actor)?)
    }

    /// Return an issued unit: the unit as it now is (back in stock within the policy's time out
    /// of controlled storage, kept for its patient when `keepForPatient`; discarded when later).
    #[uniffi::method(default(minutes_out_of_storage = None, keep_for_patient = false))]
    pub fn return_unit(
        &self,
        id: String,
        at: Timestamp,
        actor: String,
        minutes_out_of_storage: Option<i32>,
        keep_for_patient: bool,
    ) -> Result<Arc<BloodUnit>> {
        let id = id_from_text(&id)?;
        let at = at.parse("at")?;
        let minutes = minutes_out_of_storage
            .map(|m| unsigned(m, "minutes_out_of_storage"))
            .transpose()?;
        let mut inner = self.lock()?;
        let unit = inner.return_unit(&id, minutes, keep_for_patient, at, &actor)?;
        Ok(BloodUnit::wrap(unit))
    }

    /// Issue units before compatibility testing in an emergency, with a recorded justification
    /// (a recipient of unknown group gets group O); the units are flagged for follow-up
    /// (`BloodUnit.emergencyRelease()`). A blank justification is refused.
    pub fn emergency_release(
        &self,
        request: AllocationRequest,
        justification: String,
        at: Timestamp,
        actor: String,
    ) -> Result<Allocation> {
        let request = request.to_core()?;
        let at = at.parse("at")?;
        let mut inner = self.lock()?;
        Ok(inner
            .emergency_release(&request, &justification, at, &actor)?
            .into())
    }

    /// Record the end of every hold lapsed by `at`: the ids of those units.
    pub fn expire_reservations(&self, at: Timestamp, actor: String) -> Result<Vec<String>> {
        let at = at.parse("at")?;
        let ids = self.lock()?.expire_reservations(at, &actor)?;
        Ok(ids.iter().map(id_text).collect())
    }

    /// Carry released units to another facility's inventory, recorded on receipt with the
    /// lowest and highest temperatures logged (°C). The receiver's policy judges the cold
    /// chain: within range a unit arrives released, outside it arrives discarded
    /// (`COLD_CHAIN_BREACH`). All or nothing.
    #[allow(clippy::too_many_arguments)]
    pub fn transfer(
        &self,
        ids: Vec<String>,
        to: Arc<Inventory>,
        dispatched_at: Timestamp,
        min_celsius: Decimal,
        max_celsius: Decimal,
        at: Timestamp,
        actor: String,
    ) -> Result<TransferOutcome> {
        if std::ptr::eq(self, Arc::as_ptr(&to)) {
            return Err(RaktException::input(
                "to",
                "a transfer needs another inventory",
            ));
        }
        let ids = ids_from_text(&ids)?;
        let dispatched_at = dispatched_at.parse("dispatched_at")?;
        let (min_celsius, max_celsius) = (
            min_celsius.parse("min_celsius")?,
            max_celsius.parse("max_celsius")?,
        );
        let at = at.parse("at")?;
        // Lock in address order, so two opposite transfers at once cannot deadlock.
        let self_first = (self as *const Inventory) < Arc::as_ptr(&to);
        let (mut from, mut receiver) = if self_first {
            let a = self.lock()?;
            (a, to.lock()?)
        } else {
            let b = to.lock()?;
            (self.lock()?, b)
        };
        let outcome = from.transfer(
            &ids,
            &mut receiver,
            dispatched_at,
            min_celsius,
            max_celsius,
            at,
            &actor,
        )?;
        Ok(TransferOutcome {
            received: outcome.received.iter().map(id_text).collect(),
            discarded: outcome.discarded.iter().map(id_text).collect(),
        })
    }

    /// Discard every released unit expired at `at` (reason `expired`): their ids.
    pub fn discard_expired(&self, at: Timestamp, actor: String) -> Result<Vec<String>> {
        let at = at.parse("at")?;
        let ids = self.lock()?.discard_expired(at, &actor)?;
        Ok(ids.iter().map(id_text).collect())
    }

    /// The units flagged by an emergency release, in the order they were added.
    pub fn emergency_releases(&self) -> Result<Vec<Arc<BloodUnit>>> {
        unit_list(self.lock()?.emergency_releases())
    }

    /// The stock by component and donor group at `asOf`, and in e-RaktKosh codes.
    pub fn stock_summary(&self, as_of: Timestamp) -> Result<InventorySummary> {
        let as_of = as_of.parse("as_of")?;
        Ok(self.lock()?.stock_summary(as_of)?.into())
    }

    /// Units in stock, unexpired at `asOf`, expiring within `hours` of it (the boundary
    /// included), soonest first.
    pub fn expiring_within(&self, as_of: Timestamp, hours: i32) -> Result<Vec<ExpiringUnit>> {
        let as_of = as_of.parse("as_of")?;
        let hours = unsigned(hours, "hours")?;
        let units = self.lock()?.expiring_within(as_of, hours);
        Ok(units
            .into_iter()
            .map(|u| ExpiringUnit {
                id: id_text(&u.id),
                component: u.component.into(),
                group: u.group.into(),
                status: u.status.into(),
                expires_at: u.expires_at.into(),
            })
            .collect())
    }

    /// Days of stock per component and donor group: available units at `asOf` ÷ the average
    /// daily issues over the `windowDays` days before it.
    pub fn days_of_stock(&self, as_of: Timestamp, window_days: i32) -> Result<Vec<DaysOfStock>> {
        let as_of = as_of.parse("as_of")?;
        let window = unsigned(window_days, "window_days")?;
        let rows = self.lock()?.days_of_stock(as_of, window)?;
        Ok(rows
            .into_iter()
            .map(|d| DaysOfStock {
                component: d.component.into(),
                group: d.group.into(),
                on_hand: to_int(d.on_hand),
                issued: to_int(d.issued),
                window_days: to_int(d.window_days),
                average_daily_issues: d.average_daily_issues.into(),
                days: d.days.map(Into::into),
            })
            .collect())
    }

    /// Check stock levels against the available units at `asOf` (held units do not count).
    pub fn check_levels(&self, levels: Vec<StockLevel>, as_of: Timestamp) -> Result<StockCheck> {
        let levels = levels
            .iter()
            .map(|l| {
                Ok(rakt::policy::StockLevel {
                    group: l.group.to_core()?,
                    components: l.components.iter().map(|c| (*c).into()).collect(),
                    units: unsigned(l.units, "levels.units")?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let as_of = as_of.parse("as_of")?;
        Ok(self.lock()?.check_levels(&levels, as_of).into())
    }

    /// The policy's `inventory.minimum_levels` against the stock; `PolicyValueMissing` when
    /// the policy sets none (the built-in profiles do not).
    pub fn below_minimum(&self, as_of: Timestamp) -> Result<StockCheck> {
        let as_of = as_of.parse("as_of")?;
        Ok(self.lock()?.below_minimum(as_of)?.into())
    }

    /// The policy's blood storage centre norm (`india`: A, B, O RhD-positive 5 each, AB
    /// RhD-positive 2, A, B, O RhD-negative 1 each) against the stock; `PolicyValueMissing`
    /// for a profile without one.
    pub fn storage_centre_check(&self, as_of: Timestamp) -> Result<StockCheck> {
        let as_of = as_of.parse("as_of")?;
        Ok(self.lock()?.storage_centre_check(as_of)?.into())
    }
}
