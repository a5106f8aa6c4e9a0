//! Stock: `Inventory` (a mutable object) and `AllocationRequest`, with the frozen result classes
//! `Allocation`, `AllocatedUnit`, `SkippedClass`, `ClassCounts`, `InventorySummary`, `StockRow`,
//! `ExpiringUnit`, `DaysOfStock`, `StockLevel`, `StockGap` and `StockCheck`.
//!
//! Unit ids are passed and returned as their text, `DIN` or `DIN/A0`, like `BloodUnit.id`.

use chrono::{DateTime, FixedOffset};
use pyo3::prelude::*;
use rakt::inventory as core;
use rakt::policy::StockLevel;
use rakt::unit::UnitId;
use rust_decimal::Decimal;

use crate::convert::{
    items, py_bool, py_repr, py_repr_str, to_datetime, to_decimal, to_u32, wrong_item,
};
use crate::enums::{PyComponent, PyModification, PyRank, PyUnitStatus};
use crate::eraktkosh::PyCentreStock;
use crate::errors::OrRaise;
use crate::events::PyUnitEvent;
use crate::json_class::json_class;
use crate::policy::{PyPolicy, policy_or_default};
use crate::unit::PyBloodUnit;
use crate::values::{PyBloodGroup, PyRecipient};
use crate::verdicts::{PyReason, codes, reasons};

mod stock;
pub use stock::{
    PyDaysOfStock, PyExpiringUnit, PyInventorySummary, PyStockCheck, PyStockGap, PyStockLevel,
    PyStockRow,
};

/// A unit id from its text (`DIN` or `DIN/A0`), read by the core.
fn unit_id(text: &str) -> PyResult<UnitId> {
    UnitId::parse(text).or_raise()
}

/// The ids of an iterable of `str`.
fn unit_ids(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Vec<UnitId>> {
    items(Some(obj), field, |item| {
        let text: String = item
            .extract()
            .map_err(|_| wrong_item(field, "str (unit id)", item))?;
        unit_id(&text)
    })
}

fn id_texts(ids: &[UnitId]) -> Vec<String> {
    ids.iter().map(ToString::to_string).collect()
}

fn components(list: &[rakt::Component]) -> Vec<PyComponent> {
    list.iter().map(|c| PyComponent::from(*c)).collect()
}

fn group_repr(py: Python<'_>, group: rakt::BloodGroup) -> PyResult<String> {
    py_repr_str(py, &group.to_string())
}

// ---- the request -----------------------------------------------------------------------------

/// What a patient needs: `AllocationRequest(patient, recipient, component, quantity,
/// requirements=(), needed_by=None, hold_until=None)`.
#[pyclass(module = "rakt", name = "AllocationRequest", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyAllocationRequest(pub core::AllocationRequest);

json_class!(PyAllocationRequest {
    #[new]
    #[pyo3(signature = (
        patient, recipient, component, quantity, requirements = None, needed_by = None,
        hold_until = None
    ))]
    fn new(
        patient: String,
        recipient: &Bound<'_, PyAny>,
        component: &Bound<'_, PyAny>,
        quantity: &Bound<'_, PyAny>,
        requirements: Option<&Bound<'_, PyAny>>,
        needed_by: Option<&Bound<'_, PyAny>>,
        hold_until: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let opt_time = |obj: Option<&Bound<'_, PyAny>>, field: &str| match obj {
            Some(o) if !o.is_none() => to_datetime(o, field).map(Some),
            _ => Ok(None),
        };
        Ok(PyAllocationRequest(core::AllocationRequest {
            patient,
            recipient: PyRecipient::extract_arg(recipient, "recipient")?,
            component: PyComponent::extract_arg(component, "component")?,
            quantity: to_u32(quantity, "quantity")?,
            requirements: items(requirements, "requirements", |m| {
                PyModification::extract_arg(m, "requirements")
            })?
            .into_iter()
            .collect(),
            needed_by: opt_time(needed_by, "needed_by")?,
            hold_until: opt_time(hold_until, "hold_until")?,
        }))
    }

    /// The patient's identifier.
    #[getter]
    fn patient(&self) -> String {
        self.0.patient.clone()
    }

    /// The patient's group and attributes (group `None`: the emergency rules).
    #[getter]
    fn recipient(&self) -> PyRecipient {
        PyRecipient(self.0.recipient.clone())
    }

    /// The component.
    #[getter]
    fn component(&self) -> PyComponent {
        self.0.component.into()
    }

    /// How many units.
    #[getter]
    fn quantity(&self) -> u32 {
        self.0.quantity
    }

    /// The special requirements, in canonical order.
    #[getter]
    fn requirements(&self) -> Vec<PyModification> {
        self.0.requirements.iter().map(|m| (*m).into()).collect()
    }

    /// When the units are needed (the time of the request when `None`).
    #[getter]
    fn needed_by(&self) -> Option<DateTime<FixedOffset>> {
        self.0.needed_by
    }

    /// Until when `Inventory.reserve` holds the units (the policy's period when `None`).
    #[getter]
    fn hold_until(&self) -> Option<DateTime<FixedOffset>> {
        self.0.hold_until
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "AllocationRequest(patient={}, recipient={}, component={}, quantity={})",
            py_repr_str(py, &self.0.patient)?,
            py_repr(py, self.recipient())?,
            PyComponent::from(self.0.component).repr_name(),
            self.0.quantity
        ))
    }
});

// ---- allocation results ----------------------------------------------------------------------

/// One unit chosen for a request.
#[pyclass(module = "rakt", name = "AllocatedUnit", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyAllocatedUnit(pub core::AllocatedUnit);

json_class!(PyAllocatedUnit {
    /// The unit's id (`DIN` or `DIN/A0`).
    #[getter]
    fn id(&self) -> String {
        self.0.id.to_string()
    }

    /// Its exact group.
    #[getter]
    fn group(&self) -> PyBloodGroup {
        PyBloodGroup(self.0.group)
    }

    /// When it expires.
    #[getter]
    fn expires_at(&self) -> DateTime<FixedOffset> {
        self.0.expires_at
    }

    /// Its donor group's place in the policy's order for this recipient (1 = first choice).
    #[getter]
    fn tier(&self) -> u32 {
        self.0.tier
    }

    /// How good a choice the group is.
    #[getter]
    fn rank(&self) -> PyRank {
        self.0.rank.into()
    }

    /// Why it was chosen: `UNIT_ALLOCATED`, a scarce-group reason, compatibility caveats.
    #[getter]
    fn reasons(&self) -> Vec<PyReason> {
        reasons(&self.0.reasons)
    }

    /// The reason codes, in order.
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        codes(&self.0.reasons)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "AllocatedUnit(id={}, group={}, tier={}, expires_at={}, codes={})",
            py_repr_str(py, &self.0.id.to_string())?,
            group_repr(py, self.0.group)?,
            self.0.tier,
            self.0.expires_at.to_rfc3339(),
            py_repr(py, self.codes())?
        ))
    }
});

/// Units of one donor group and the requested component, by what kept them from a request.
#[pyclass(module = "rakt", name = "ClassCounts", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyClassCounts(pub core::ClassCounts);

json_class!(PyClassCounts {
    /// Taken for this request.
    #[getter]
    fn taken(&self) -> u32 {
        self.0.taken
    }

    /// Collected or in quarantine.
    #[getter]
    fn not_released(&self) -> u32 {
        self.0.not_released
    }

    /// Held for other patients, holds not lapsed.
    #[getter]
    fn held_for_others(&self) -> u32 {
        self.0.held_for_others
    }

    /// Released, but expired at the time needed.
    #[getter]
    fn expire_before_needed(&self) -> u32 {
        self.0.expire_before_needed
    }

    /// Released and unexpired, but without every special requirement.
    #[getter]
    fn lacking_requirements(&self) -> u32 {
        self.0.lacking_requirements
    }

    fn __repr__(&self) -> String {
        let c = &self.0;
        format!(
            "ClassCounts(taken={}, not_released={}, held_for_others={}, \
             expire_before_needed={}, lacking_requirements={})",
            c.taken,
            c.not_released,
            c.held_for_others,
            c.expire_before_needed,
            c.lacking_requirements
        )
    }
});

/// A donor group that could not (fully) serve a request, and why.
#[pyclass(module = "rakt", name = "SkippedClass", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PySkippedClass(pub core::SkippedClass);

json_class!(PySkippedClass {
    /// The donor group (ABO and RhD).
    #[getter]
    fn group(&self) -> PyBloodGroup {
        PyBloodGroup(self.0.group)
    }

    /// Why, as stable codes in a fixed order: `INCOMPATIBLE`, `NO_STOCK`, `ALL_TAKEN`,
    /// `NOT_RELEASED`, `HELD_FOR_OTHER_PATIENTS`, `EXPIRES_BEFORE_NEEDED`, `LACKS_REQUIREMENTS`.
    #[getter]
    fn reasons(&self) -> Vec<&'static str> {
        self.0.codes()
    }

    /// The same codes (as `.codes` on the other result classes).
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        self.0.codes()
    }

    /// The units behind the reasons.
    #[getter]
    fn counts(&self) -> PyClassCounts {
        PyClassCounts(self.0.counts)
    }

    /// For an incompatible group, the compatibility verdict's reasons.
    #[getter]
    fn compatibility(&self) -> Vec<PyReason> {
        reasons(&self.0.compatibility)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "SkippedClass(group={}, codes={})",
            group_repr(py, self.0.group)?,
            py_repr(py, self.0.codes())?
        ))
    }
});

/// The units proposed for a request.
#[pyclass(module = "rakt", name = "Allocation", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyAllocation(pub core::Allocation);

json_class!(PyAllocation {
    /// The patient.
    #[getter]
    fn patient(&self) -> String {
        self.0.patient.clone()
    }

    /// The component.
    #[getter]
    fn component(&self) -> PyComponent {
        self.0.component.into()
    }

    /// How many units were asked for.
    #[getter]
    fn requested(&self) -> u32 {
        self.0.requested
    }

    /// The time the units must still be valid at.
    #[getter]
    fn needed_by(&self) -> DateTime<FixedOffset> {
        self.0.needed_by
    }

    /// The units, in the order chosen.
    #[getter]
    fn units(&self) -> Vec<PyAllocatedUnit> {
        self.0.units.iter().cloned().map(PyAllocatedUnit).collect()
    }

    /// How many units are missing.
    #[getter]
    fn shortfall(&self) -> u32 {
        self.0.shortfall
    }

    /// When short: every standard donor group, with why it could not serve (or serve more).
    #[getter]
    fn skipped(&self) -> Vec<PySkippedClass> {
        self.0.skipped.iter().cloned().map(PySkippedClass).collect()
    }

    /// Whether the recipient's group is unknown (emergency rules).
    #[getter]
    fn emergency(&self) -> bool {
        self.0.emergency
    }

    /// The chosen unit ids, in order.
    #[getter]
    fn ids(&self) -> Vec<String> {
        id_texts(&self.0.ids())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Allocation(patient={}, component={}, requested={}, ids={}, shortfall={}, \
             emergency={})",
            py_repr_str(py, &self.0.patient)?,
            PyComponent::from(self.0.component).repr_name(),
            self.0.requested,
            py_repr(py, self.ids())?,
            self.0.shortfall,
            py_bool(self.0.emergency)
        ))
    }
});

// ---- stock views -----------------------------------------------------------------------------

/// The stock of one facility: `Inventory(facility, policy=None)` (`None`: the `india` profile).
/// A mutable object: `add`, `reserve`, `issue`, ... change it, and an operation that raises
/// changes nothing. It may be shared between threads: each call holds the GIL from start to
/// end, so calls never overlap inside one inventory.
#[pyclass(module = "rakt", name = "Inventory")]
pub struct PyInventory(pub(crate) core::Inventory);

fn units_of(units: rakt::Result<Vec<rakt::BloodUnit>>) -> PyResult<Vec<PyBloodUnit>> {
    Ok(units.or_raise()?.into_iter().map(PyBloodUnit).collect())
}

#[pymethods]
impl PyInventory {
    #[new]
    #[pyo3(signature = (facility, policy = None))]
    fn new(facility: &str, policy: Option<&Bound<'_, PyPolicy>>) -> Self {
        PyInventory(core::Inventory::new(
            facility,
            policy_or_default(policy).clone(),
        ))
    }

    /// The facility's identifier.
    #[getter]
    fn facility(&self) -> &str {
        self.0.facility()
    }

    /// The policy the inventory applies.
    #[getter]
    fn policy(&self) -> PyPolicy {
        PyPolicy(self.0.policy().clone())
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    /// A unit by id (`DIN` or `DIN/A0`), or `None`.
    fn get(&self, id: &str) -> PyResult<Option<PyBloodUnit>> {
        let id = unit_id(id)?;
        if !self.0.contains(&id) {
            return Ok(None);
        }
        self.0.get(&id).map(|u| Some(PyBloodUnit(u))).or_raise()
    }

    /// Every unit, in the order they were added, each rebuilt from its events (a few
    /// microseconds a unit: the inventory keeps units packed).
    fn units(&self) -> PyResult<Vec<PyBloodUnit>> {
        units_of(self.0.units())
    }

    /// Add a unit in any status; a unit whose id is already there raises `NotApplicable`
    /// (`DUPLICATE_UNIT`), and one the inventory's policy cannot vouch for (an expiry later
    /// than its shelf life allows) raises `InvalidInput` with field `expiry`. A refused unit
    /// leaves the inventory unchanged.
    fn add(&mut self, unit: &Bound<'_, PyBloodUnit>) -> PyResult<()> {
        self.0.add(unit.get().0.clone()).or_raise()
    }

    /// Apply a lifecycle event that does not hand a unit to a patient: the unit as it now is.
    /// `Reserve`, `Crossmatch`, `Issue`, `EmergencyIssue` and `Transfer` (use `transfer`) raise
    /// `NotApplicable` (`USE_INVENTORY_METHOD`).
    fn apply(&mut self, id: &str, event: &Bound<'_, PyAny>) -> PyResult<PyBloodUnit> {
        let event = PyUnitEvent::extract_arg(event, "event")?;
        let id = unit_id(id)?;
        self.0.apply(&id, &event).map(PyBloodUnit).or_raise()
    }

    /// Propose units for a request at `as_of`; changes nothing.
    fn allocate(
        &self,
        request: &Bound<'_, PyAllocationRequest>,
        as_of: &Bound<'_, PyAny>,
    ) -> PyResult<PyAllocation> {
        let as_of = to_datetime(as_of, "as_of")?;
        self.0
            .allocate(&request.get().0, as_of)
            .map(PyAllocation)
            .or_raise()
    }

    /// Allocate and hold the units for the patient until `request.hold_until` (the policy's
    /// reservation period from `as_of` by default).
    fn reserve(
        &mut self,
        request: &Bound<'_, PyAllocationRequest>,
        as_of: &Bound<'_, PyAny>,
        actor: &str,
    ) -> PyResult<PyAllocation> {
        let as_of = to_datetime(as_of, "as_of")?;
        self.0
            .reserve(&request.get().0, as_of, actor)
            .map(PyAllocation)
            .or_raise()
    }

    /// Crossmatch units held for `patient`, holding them until `until` (the policy's period
    /// from `at` by default).
    #[pyo3(signature = (ids, patient, at, actor, until = None))]
    fn crossmatch(
        &mut self,
        ids: &Bound<'_, PyAny>,
        patient: &str,
        at: &Bound<'_, PyAny>,
        actor: &str,
        until: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let ids = unit_ids(ids, "ids")?;
        let at = to_datetime(at, "at")?;
        let until = match until {
            Some(u) if !u.is_none() => Some(to_datetime(u, "until")?),
            _ => None,
        };
        self.0
            .crossmatch(&ids, patient, until, at, actor)
            .or_raise()
    }

    /// Issue units held for `patient`; a unit not held for the patient raises `NotApplicable`
    /// (`NOT_HELD_FOR_PATIENT`) and nothing is issued.
    fn issue(
        &mut self,
        ids: &Bound<'_, PyAny>,
        patient: &str,
        at: &Bound<'_, PyAny>,
        actor: &str,
    ) -> PyResult<()> {
        let ids = unit_ids(ids, "ids")?;
        let at = to_datetime(at, "at")?;
        self.0.issue(&ids, patient, at, actor).or_raise()
    }

    /// Carry released units to another facility's inventory, recorded on receipt with the
    /// lowest and highest temperatures logged (`decimal.Decimal` or `int`, °C). The receiver's
    /// policy judges the cold chain: within range a unit arrives released, outside it arrives
    /// discarded (`COLD_CHAIN_BREACH`). All or nothing.
    #[allow(clippy::too_many_arguments)]
    fn transfer(
        slf: &Bound<'_, Self>,
        ids: &Bound<'_, PyAny>,
        to: &Bound<'_, PyInventory>,
        dispatched_at: &Bound<'_, PyAny>,
        min_celsius: &Bound<'_, PyAny>,
        max_celsius: &Bound<'_, PyAny>,
        at: &Bound<'_, PyAny>,
        actor: &str,
    ) -> PyResult<PyTransferOutcome> {
        if slf.is(to) {
            return Err(rakt::RaktError::InvalidInput {
                field: "to".into(),
                reason: "a transfer needs another inventory".into(),
            })
            .or_raise();
        }
        let ids = unit_ids(ids, "ids")?;
        let dispatched_at = to_datetime(dispatched_at, "dispatched_at")?;
        let min_celsius = to_decimal(min_celsius, "min_celsius")?;
        let max_celsius = to_decimal(max_celsius, "max_celsius")?;
        let at = to_datetime(at, "at")?;
        let mut from = slf.borrow_mut();
        let mut receiver = to.borrow_mut();
        from.0
            .transfer(
                &ids,
                &mut receiver.0,
                dispatched_at,
                min_celsius,
                max_celsius,
                at,
                actor,
            )
            .map(PyTransferOutcome)
            .or_raise()
    }

    /// Discard every released unit expired at `at` (reason `expired`): their ids.
    fn discard_expired(&mut self, at: &Bound<'_, PyAny>, actor: &str) -> PyResult<Vec<String>> {
        let at = to_datetime(at, "at")?;
        self.0
            .discard_expired(at, actor)
            .map(|ids| id_texts(&ids))
            .or_raise()
    }

    /// Cancel the holds on units: they are back in stock.
    fn cancel(
        &mut self,
        ids: &Bound<'_, PyAny>,
        at: &Bound<'_, PyAny>,
        actor: &str,
    ) -> PyResult<()> {
        let ids = unit_ids(ids, "ids")?;
        let at = to_datetime(at, "at")?;
        self.0.cancel(&ids, at, actor).or_raise()
    }

    /// Return an issued unit: the unit as it now is (back in stock, kept for the patient, or
    /// discarded when out of controlled storage too long).
    #[pyo3(signature = (id, at, actor, minutes_out_of_storage = None, keep_for_patient = false))]
    fn return_unit(
        &mut self,
        id: &str,
        at: &Bound<'_, PyAny>,
        actor: &str,
        minutes_out_of_storage: Option<&Bound<'_, PyAny>>,
        keep_for_patient: bool,
    ) -> PyResult<PyBloodUnit> {
        let id = unit_id(id)?;
        let at = to_datetime(at, "at")?;
        let minutes = match minutes_out_of_storage {
            Some(m) if !m.is_none() => Some(to_u32(m, "minutes_out_of_storage")?),
            _ => None,
        };
        self.0
            .return_unit(&id, minutes, keep_for_patient, at, actor)
            .map(PyBloodUnit)
            .or_raise()
    }

    /// Issue units before compatibility testing, with a recorded justification; the units are
    /// flagged for follow-up (`BloodUnit.emergency_release`).
    fn emergency_release(
        &mut self,
        request: &Bound<'_, PyAllocationRequest>,
        justification: &str,
        at: &Bound<'_, PyAny>,
        actor: &str,
    ) -> PyResult<PyAllocation> {
        let at = to_datetime(at, "at")?;
        self.0
            .emergency_release(&request.get().0, justification, at, actor)
            .map(PyAllocation)
            .or_raise()
    }

    /// Record the end of every hold lapsed by `at`: the ids of those units.
    fn expire_reservations(&mut self, at: &Bound<'_, PyAny>, actor: &str) -> PyResult<Vec<String>> {
        let at = to_datetime(at, "at")?;
        self.0
            .expire_reservations(at, actor)
            .map(|ids| id_texts(&ids))
            .or_raise()
    }

    /// The units flagged by an emergency release, in the order they were added.
    fn emergency_releases(&self) -> PyResult<Vec<PyBloodUnit>> {
        units_of(self.0.emergency_releases())
    }

    /// The stock by component and donor group at `as_of`, and in e-RaktKosh codes.
    ///
    /// Like every `Inventory` method it keeps the GIL: an inventory shared between threads is
    /// then read and changed one call at a time, never while another call is inside it.
    fn stock_summary(&self, as_of: &Bound<'_, PyAny>) -> PyResult<PyInventorySummary> {
        let as_of = to_datetime(as_of, "as_of")?;
        self.0
            .stock_summary(as_of)
            .map(PyInventorySummary)
            .or_raise()
    }

    /// Units in stock, unexpired at `as_of`, expiring within `hours` of it (the boundary
    /// included), soonest first.
    fn expiring_within(
        &self,
        as_of: &Bound<'_, PyAny>,
        hours: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<PyExpiringUnit>> {
        let as_of = to_datetime(as_of, "as_of")?;
        let hours = to_u32(hours, "hours")?;
        Ok(self
            .0
            .expiring_within(as_of, hours)
            .into_iter()
            .map(PyExpiringUnit)
            .collect())
    }

    /// Days of stock per component and donor group over the `window_days` before `as_of`.
    fn days_of_stock(
        &self,
        as_of: &Bound<'_, PyAny>,
        window_days: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<PyDaysOfStock>> {
        let as_of = to_datetime(as_of, "as_of")?;
        let window = to_u32(window_days, "window_days")?;
        self.0
            .days_of_stock(as_of, window)
            .map(|rows| rows.into_iter().map(PyDaysOfStock).collect())
            .or_raise()
    }

    /// The source of the days-of-stock definition.
    #[staticmethod]
    fn days_of_stock_source() -> &'static str {
        core::Inventory::days_of_stock_source()
    }

    /// Check stock levels against the available units at `as_of`.
    fn check_levels(
        &self,
        levels: &Bound<'_, PyAny>,
        as_of: &Bound<'_, PyAny>,
    ) -> PyResult<PyStockCheck> {
        let levels = items(Some(levels), "levels", |item| {
            item.cast::<PyStockLevel>()
                .map(|l| l.get().0.clone())
                .map_err(|_| wrong_item("levels", "rakt.StockLevel", item))
        })?;
        let as_of = to_datetime(as_of, "as_of")?;
        Ok(PyStockCheck(self.0.check_levels(&levels, as_of)))
    }

    /// The policy's `inventory.minimum_levels` against the stock (`PolicyValueMissing` when
    /// the policy sets none, as the built-in profiles do).
    fn below_minimum(&self, as_of: &Bound<'_, PyAny>) -> PyResult<PyStockCheck> {
        let as_of = to_datetime(as_of, "as_of")?;
        self.0.below_minimum(as_of).map(PyStockCheck).or_raise()
    }

    /// The policy's blood storage centre norm against the stock (`PolicyValueMissing` for a
    /// profile without one).
    fn storage_centre_check(&self, as_of: &Bound<'_, PyAny>) -> PyResult<PyStockCheck> {
        let as_of = to_datetime(as_of, "as_of")?;
        self.0
            .storage_centre_check(as_of)
            .map(PyStockCheck)
            .or_raise()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Inventory(facility={}, policy={}, units={})",
            py_repr_str(py, self.0.facility())?,
            py_repr_str(py, &self.0.policy().name)?,
            self.0.len()
        ))
    }
}

/// The result of a transfer: the units received in stock and those discarded for a cold-chain
/// break (ids).
#[pyclass(module = "rakt", name = "TransferOutcome", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyTransferOutcome(pub core::TransferOutcome);

json_class!(PyTransferOutcome {
    /// Units received released.
    #[getter]
    fn received(&self) -> Vec<String> {
        id_texts(&self.0.received)
    }

    /// Units received outside the transport range, now discarded.
    #[getter]
    fn discarded(&self) -> Vec<String> {
        id_texts(&self.0.discarded)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "TransferOutcome(received={}, discarded={})",
            py_repr(py, self.received())?,
            py_repr(py, self.discarded())?
        ))
    }
});

/// Add the classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyTransferOutcome>()?;
    m.add_class::<PyAllocationRequest>()?;
    m.add_class::<PyAllocatedUnit>()?;
    m.add_class::<PyClassCounts>()?;
    m.add_class::<PySkippedClass>()?;
    m.add_class::<PyAllocation>()?;
    m.add_class::<PyStockRow>()?;
    m.add_class::<PyInventorySummary>()?;
    m.add_class::<PyExpiringUnit>()?;
    m.add_class::<PyDaysOfStock>()?;
    m.add_class::<PyStockLevel>()?;
    m.add_class::<PyStockGap>()?;
    m.add_class::<PyStockCheck>()?;
    m.add_class::<PyInventory>()?;
    Ok(())
}
