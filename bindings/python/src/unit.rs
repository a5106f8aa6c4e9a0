//! Blood units: `BloodUnit` and what it carries (`Reservation`, `Screening`, `Grouping`), the
//! release verdict (`ReleaseVerdict`, `screening_release`) and what a reactive result sets off
//! (`handle_reactive`, `ReactiveOutcome`, `DonorReferral`, `LookbackEntry`).

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{items, py_bool, py_repr, py_repr_str, to_datetime, to_u32, wrong_item};
use crate::discard::PyDiscardReason;
use crate::donor::PyDeferralEvent;
use crate::enums::{PyAbo, PyDonationType, PyTestResult, PyTtiMarker, PyUnitStatus};
use crate::errors::OrRaise;
use crate::events::{PyUnitEvent, event_to_py};
use crate::expiry::PyExpiry;
use crate::json_class::json_class;
use crate::policy::{PyPolicy, policy_or_default};
use crate::values::{PyBloodGroup, PyProduct};
use crate::verdicts::{PyReason, codes, reasons};

/// Screening results as a new `dict` of `TtiMarker` → `TestResult`, in canonical order.
fn results_dict<'py>(
    py: Python<'py>,
    results: &BTreeMap<rakt::TtiMarker, rakt::TestResult>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (marker, result) in results {
        dict.set_item(PyTtiMarker::from(*marker), PyTestResult::from(*result))?;
    }
    Ok(dict)
}

fn markers(list: &[rakt::TtiMarker]) -> Vec<PyTtiMarker> {
    list.iter().map(|m| PyTtiMarker::from(*m)).collect()
}

fn blood_units<'py>(
    py: Python<'py>,
    units: &[rakt::BloodUnit],
) -> PyResult<Vec<Bound<'py, PyBloodUnit>>> {
    units
        .iter()
        .map(|u| Bound::new(py, PyBloodUnit(u.clone())))
        .collect()
}

/// The `BloodUnit` values of an iterable argument.
fn extract_units(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Vec<rakt::BloodUnit>> {
    items(Some(obj), field, |item| {
        item.cast::<PyBloodUnit>()
            .map(|u| u.get().0.clone())
            .map_err(|_| wrong_item(field, "rakt.BloodUnit", item))
    })
}

// ---- values carried by a unit ----------------------------------------------------------------

/// Who a unit is held for or issued to, and until when.
#[pyclass(module = "rakt", name = "Reservation", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyReservation(pub rakt::unit::Reservation);

json_class!(PyReservation {
    /// The patient's identifier.
    #[getter]
    fn patient(&self) -> String {
        self.0.patient.clone()
    }

    /// The reservation or crossmatch lapses at this time (`None` once issued without one).
    #[getter]
    fn until(&self) -> Option<DateTime<FixedOffset>> {
        self.0.until
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Reservation(patient={}, until={})",
            py_repr_str(py, &self.0.patient)?,
            self.0
                .until
                .map_or_else(|| "None".to_string(), |u| u.to_rfc3339())
        ))
    }
});

/// The TTI screening results of one donation.
#[pyclass(module = "rakt", name = "Screening", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyScreening(pub rakt::Screening);

json_class!(PyScreening {
    /// Whether this is the donor's first donation (first-donation markers are then mandatory).
    #[getter]
    fn first_donation(&self) -> bool {
        self.0.first_donation
    }

    /// Every recorded result, `TtiMarker` → `TestResult`; a new dict on every access.
    #[getter]
    fn results<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        results_dict(py, self.0.results())
    }

    /// The current result of a marker (`TestResult.NOT_TESTED` when none was recorded).
    fn result(&self, marker: &Bound<'_, PyAny>) -> PyResult<PyTestResult> {
        let marker = PyTtiMarker::extract_arg(marker, "marker")?;
        Ok(self.0.result(marker).into())
    }

    /// The markers whose result discards the donation (repeat reactive or indeterminate).
    #[getter]
    fn reactive_markers(&self) -> Vec<PyTtiMarker> {
        markers(&self.0.reactive_markers())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Screening(first_donation={}, results={})",
            py_bool(self.0.first_donation),
            results_dict(py, self.0.results())?.repr()?
        ))
    }
});

/// ABO/RhD grouping of a donation: forward, reverse, and the donor's historical group.
#[pyclass(module = "rakt", name = "Grouping", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyGrouping(pub rakt::Grouping);

json_class!(PyGrouping {
    /// Forward grouping (ABO and RhD from the red cells).
    #[getter]
    fn forward(&self) -> Option<PyBloodGroup> {
        self.0.forward.map(PyBloodGroup)
    }

    /// Reverse grouping (ABO from the plasma; `Abo.OH` when the plasma agglutinates O cells).
    #[getter]
    fn reverse(&self) -> Option<PyAbo> {
        self.0.reverse.map(Into::into)
    }

    /// The donor's group on record from earlier donations.
    #[getter]
    fn historical(&self) -> Option<PyBloodGroup> {
        self.0.historical.map(PyBloodGroup)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let group = |g: Option<rakt::BloodGroup>| match g {
            Some(g) => PyBloodGroup(g).__repr__(py),
            None => Ok("None".to_string()),
        };
        Ok(format!(
            "Grouping(forward={}, reverse={}, historical={})",
            group(self.0.forward)?,
            self.0
                .reverse
                .map_or_else(|| "None".to_string(), |a| PyAbo::from(a).repr_name()),
            group(self.0.historical)?
        ))
    }
});

/// Whether a unit may be released, and exactly what is missing.
#[pyclass(module = "rakt", name = "ReleaseVerdict", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyReleaseVerdict(pub rakt::ReleaseVerdict);

json_class!(PyReleaseVerdict {
    /// Whether the unit may be released now.
    #[getter]
    fn releasable(&self) -> bool {
        self.0.releasable
    }

    /// Everything that is missing or wrong, most severe first; or `RELEASE_ALLOWED`.
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
            "ReleaseVerdict(releasable={}, codes={})",
            py_bool(self.0.releasable),
            py_repr(py, self.codes())?
        ))
    }
});

// ---- the unit --------------------------------------------------------------------------------

/// A blood unit and its history. Units are values: `apply` returns a new unit, and a refused
/// event raises and leaves the unit exactly as it was.
#[pyclass(module = "rakt", name = "BloodUnit", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyBloodUnit(pub rakt::BloodUnit);

json_class!(PyBloodUnit, from_json = rakt::BloodUnit::from_json, {
    /// `BloodUnit.collect(din, product, group, volume_ml, donation_type, collected_at, *,
    /// actor, donor_id=None, division=None, first_donation=False, policy=None)`: a newly
    /// collected unit (status `COLLECTED`), its expiry computed from the policy.
    #[staticmethod]
    #[pyo3(signature = (
        din, product, group, volume_ml, donation_type, collected_at, *, actor,
        donor_id = None, division = None, first_donation = false, policy = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn collect(
        din: String,
        product: &Bound<'_, PyProduct>,
        group: &Bound<'_, PyAny>,
        volume_ml: &Bound<'_, PyAny>,
        donation_type: &Bound<'_, PyAny>,
        collected_at: &Bound<'_, PyAny>,
        actor: &str,
        donor_id: Option<String>,
        division: Option<String>,
        first_donation: bool,
        policy: Option<&Bound<'_, PyPolicy>>,
    ) -> PyResult<PyBloodUnit> {
        let collection = rakt::Collection {
            din,
            division,
            product: product.get().0.clone(),
            group: PyBloodGroup::extract_arg(group, "group")?,
            volume_ml: to_u32(volume_ml, "volume_ml")?,
            donation_type: PyDonationType::extract_arg(donation_type, "donation_type")?,
            donor_id,
            first_donation,
            collected_at: to_datetime(collected_at, "collected_at")?,
        };
        let policy = policy_or_default(policy);
        rakt::BloodUnit::collect(collection, actor, policy)
            .map(PyBloodUnit)
            .or_raise()
    }

    /// The unit's id: `DIN`, or `DIN/A0` for a divided product.
    #[getter]
    fn id(&self) -> String {
        self.0.id().to_string()
    }

    /// The donation identification number.
    #[getter]
    fn din(&self) -> String {
        self.0.id().din.clone()
    }

    /// The division (`A0`, `Ab`, ...), for divided products.
    #[getter]
    fn division(&self) -> Option<String> {
        self.0.id().division.clone()
    }

    /// The donor's identifier (needed for look-back).
    #[getter]
    fn donor_id(&self) -> Option<String> {
        self.0.donor_id().map(str::to_string)
    }

    /// The group on the label.
    #[getter]
    fn group(&self) -> PyBloodGroup {
        PyBloodGroup(self.0.group())
    }

    /// Volume in mL.
    #[getter]
    fn volume_ml(&self) -> u32 {
        self.0.volume_ml()
    }

    /// Voluntary, replacement, autologous or directed.
    #[getter]
    fn donation_type(&self) -> PyDonationType {
        self.0.donation_type().into()
    }

    /// The product (component, preservative, modifications made so far).
    #[getter]
    fn product(&self) -> PyProduct {
        PyProduct(self.0.product().clone())
    }

    /// When the (earliest) blood was collected.
    #[getter]
    fn collected_at(&self) -> DateTime<FixedOffset> {
        self.0.collected_at()
    }

    /// The expiry, with how it was reached.
    #[getter]
    fn expiry(&self) -> PyExpiry {
        PyExpiry(self.0.expiry().clone())
    }

    /// The status as recorded by the last event.
    #[getter]
    fn status(&self) -> PyUnitStatus {
        self.0.status().into()
    }

    /// The status at `as_of`: a reservation or crossmatch that has lapsed counts as released.
    fn status_at(&self, as_of: &Bound<'_, PyAny>) -> PyResult<PyUnitStatus> {
        Ok(self.0.status_at(to_datetime(as_of, "as_of")?).into())
    }

    /// Who the unit is held for or issued to (`None` when neither).
    #[getter]
    fn reservation(&self) -> Option<PyReservation> {
        self.0.reservation().cloned().map(PyReservation)
    }

    /// Why the unit was discarded (`None` unless discarded).
    #[getter]
    fn discard_reason(&self) -> Option<PyDiscardReason> {
        self.0.discard_reason().cloned().map(PyDiscardReason)
    }

    /// The screening results.
    #[getter]
    fn screening(&self) -> PyScreening {
        PyScreening(self.0.screening().clone())
    }

    /// The grouping results.
    #[getter]
    fn grouping(&self) -> PyGrouping {
        PyGrouping(*self.0.grouping())
    }

    /// The ids of the units this one was split or pooled from.
    #[getter]
    fn parents(&self) -> Vec<String> {
        self.0.parents().iter().map(ToString::to_string).collect()
    }

    /// Every event, oldest first, each an instance of its event class with the reasons of
    /// what it did.
    #[getter]
    fn history<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.0
            .history()
            .iter()
            .map(|e| event_to_py(py, e.clone()))
            .collect()
    }

    /// The `EmergencyIssue` event that released the unit before compatibility testing, for
    /// follow-up (`None` when it was not released so).
    #[getter]
    fn emergency_release<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .emergency_release()
            .map(|e| event_to_py(py, e.clone()))
            .transpose()
    }

    /// Whether the unit is expired at `as_of` (true at the expiry instant itself).
    fn is_expired(&self, as_of: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.is_expired(to_datetime(as_of, "as_of")?))
    }

    /// Whether the unit may be released at `as_of`, and exactly what is missing.
    #[pyo3(signature = (as_of, policy = None))]
    fn release_verdict(
        &self,
        as_of: &Bound<'_, PyAny>,
        policy: Option<&Bound<'_, PyPolicy>>,
    ) -> PyResult<PyReleaseVerdict> {
        let as_of = to_datetime(as_of, "as_of")?;
        Ok(PyReleaseVerdict(
            self.0.release_verdict(as_of, policy_or_default(policy)),
        ))
    }

    /// Apply an event (`rakt.Quarantine(...)`, `rakt.Issue(...)`, ...): the NEW unit. A
    /// refused event raises (`NotApplicable` with its `.code`, or `InvalidInput`) and this
    /// unit is unchanged.
    #[pyo3(signature = (event, policy = None))]
    fn apply(
        &self,
        event: &Bound<'_, PyAny>,
        policy: Option<&Bound<'_, PyPolicy>>,
    ) -> PyResult<PyBloodUnit> {
        let event = PyUnitEvent::extract_arg(event, "event")?;
        self.0
            .apply(&event, policy_or_default(policy))
            .map(PyBloodUnit)
            .or_raise()
    }

    /// Split into parts of `volumes_ml` (mL) at `at`: `(parent, children)`. The parent becomes
    /// `PROCESSED`; the children (`DIN/A0`, `DIN/B0`, ...) keep its product, expiry, screening,
    /// grouping and status.
    fn split<'py>(
        &self,
        py: Python<'py>,
        volumes_ml: &Bound<'_, PyAny>,
        at: &Bound<'_, PyAny>,
        actor: &str,
    ) -> PyResult<(Bound<'py, PyBloodUnit>, Vec<Bound<'py, PyBloodUnit>>)> {
        let volumes = items(Some(volumes_ml), "volumes_ml", |v| to_u32(v, "volumes_ml"))?;
        let at = to_datetime(at, "at")?;
        let unit = &self.0;
        let (parent, children) = py.detach(|| unit.split(&volumes, at, actor)).or_raise()?;
        Ok((
            Bound::new(py, PyBloodUnit(parent))?,
            blood_units(py, &children)?,
        ))
    }

    /// Pool released units of the same product and blood group into a new unit `pool_din`:
    /// `(constituents, pool)`. The constituents become `PROCESSED`; the pool is `RELEASED` and
    /// expires with the earliest constituent (or earlier if the policy limits pools).
    #[staticmethod]
    #[pyo3(signature = (units, pool_din, at, actor, policy = None))]
    fn pool<'py>(
        py: Python<'py>,
        units: &Bound<'_, PyAny>,
        pool_din: &str,
        at: &Bound<'_, PyAny>,
        actor: &str,
        policy: Option<&Bound<'_, PyPolicy>>,
    ) -> PyResult<(Vec<Bound<'py, PyBloodUnit>>, Bound<'py, PyBloodUnit>)> {
        let units = extract_units(units, "units")?;
        let at = to_datetime(at, "at")?;
        let policy = policy_or_default(policy);
        let (constituents, pool) = py
            .detach(|| rakt::BloodUnit::pool(&units, pool_din, at, actor, policy))
            .or_raise()?;
        Ok((
            blood_units(py, &constituents)?,
            Bound::new(py, PyBloodUnit(pool))?,
        ))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let u = &self.0;
        Ok(format!(
            "BloodUnit(id={}, product={}, group={}, volume_ml={}, status={}, expires_at={})",
            py_repr_str(py, &u.id().to_string())?,
            PyProduct(u.product().clone()).__repr__(),
            PyBloodGroup(u.group()).__repr__(py)?,
            u.volume_ml(),
            PyUnitStatus::from(u.status()).repr_name(),
            u.expiry().expires_at.to_rfc3339()
        ))
    }
});

/// `screening_release(unit, as_of, policy=None)`: whether `unit` may be released at `as_of`,
/// and exactly what is missing (the same as `unit.release_verdict(as_of, policy)`).
#[pyfunction]
#[pyo3(signature = (unit, as_of, policy = None))]
pub(crate) fn screening_release(
    unit: &Bound<'_, PyBloodUnit>,
    as_of: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyReleaseVerdict> {
    unit.get().release_verdict(as_of, policy)
}

// ---- reactive results ------------------------------------------------------------------------

/// A unit that needs follow-up: still in stock from an earlier donation (look-back), or already
/// issued or final.
#[pyclass(module = "rakt", name = "LookbackEntry", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyLookbackEntry(pub rakt::unit::LookbackEntry);

json_class!(PyLookbackEntry {
    /// The unit's id (`DIN` or `DIN/A0`).
    #[getter]
    fn unit(&self) -> String {
        self.0.unit.to_string()
    }

    /// Its status now.
    #[getter]
    fn status(&self) -> PyUnitStatus {
        self.0.status.into()
    }

    /// When it was collected.
    #[getter]
    fn collected_at(&self) -> DateTime<FixedOffset> {
        self.0.collected_at
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "LookbackEntry(unit={}, status={}, collected_at={})",
            py_repr_str(py, &self.0.unit.to_string())?,
            PyUnitStatus::from(self.0.status).repr_name(),
            self.0.collected_at.to_rfc3339()
        ))
    }
});

/// The NBTC donor referral for a reactive donation.
#[pyclass(module = "rakt", name = "DonorReferral", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyDonorReferral(pub rakt::unit::DonorReferral);

json_class!(PyDonorReferral {
    /// The donor's identifier, when the unit has one.
    #[getter]
    fn donor_id(&self) -> Option<String> {
        self.0.donor_id.clone()
    }

    /// The donation identification number.
    #[getter]
    fn din(&self) -> String {
        self.0.din.clone()
    }

    /// The markers that were repeat reactive or indeterminate.
    #[getter]
    fn markers(&self) -> Vec<PyTtiMarker> {
        markers(&self.0.markers)
    }

    /// Their results, `TtiMarker` → `TestResult`; a new dict on every access.
    #[getter]
    fn results<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        results_dict(py, &self.0.results)
    }

    /// The day of the finding, in facility time.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date
    }

    /// The deferral events to add to the donor's record (one `TTI_REACTIVE` per marker).
    #[getter]
    fn deferral_events(&self) -> Vec<PyDeferralEvent> {
        self.0
            .deferral_events
            .iter()
            .cloned()
            .map(PyDeferralEvent)
            .collect()
    }

    /// One `TTI_REACTIVE` reason per marker.
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
        let r = &self.0;
        let names: Vec<String> = markers(&r.markers).iter().map(|m| m.repr_name()).collect();
        Ok(format!(
            "DonorReferral(donor_id={}, din={}, markers=[{}], date={})",
            match &r.donor_id {
                Some(d) => py_repr_str(py, d)?,
                None => "None".to_string(),
            },
            py_repr_str(py, &r.din)?,
            names.join(", "),
            py_repr(py, r.date)?
        ))
    }
});

/// The outcome of `handle_reactive`.
#[pyclass(module = "rakt", name = "ReactiveOutcome", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyReactiveOutcome(pub rakt::ReactiveOutcome);

json_class!(PyReactiveOutcome {
    /// Every component of the donation that could be discarded, now discarded (reason
    /// `tti_reactive`).
    #[getter]
    fn discarded<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyBloodUnit>>> {
        blood_units(py, &self.0.discarded)
    }

    /// Components of the donation already issued or final: they need follow-up (recall,
    /// recipient notification).
    #[getter]
    fn not_discarded(&self) -> Vec<PyLookbackEntry> {
        self.0
            .not_discarded
            .iter()
            .cloned()
            .map(PyLookbackEntry)
            .collect()
    }

    /// The donor referral.
    #[getter]
    fn referral(&self) -> PyDonorReferral {
        PyDonorReferral(self.0.referral.clone())
    }

    /// Units of the donor's earlier donations still in stock, for quarantine (look-back).
    #[getter]
    fn lookback(&self) -> Vec<PyLookbackEntry> {
        self.0
            .lookback
            .iter()
            .cloned()
            .map(PyLookbackEntry)
            .collect()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let ids = |units: Vec<String>| py_repr(py, units);
        let o = &self.0;
        Ok(format!(
            "ReactiveOutcome(discarded={}, not_discarded={}, lookback={}, referral={})",
            ids(o.discarded.iter().map(|u| u.id().to_string()).collect())?,
            ids(o.not_discarded.iter().map(|e| e.unit.to_string()).collect())?,
            ids(o.lookback.iter().map(|e| e.unit.to_string()).collect())?,
            self.referral().__repr__(py)?
        ))
    }
});

/// `handle_reactive(unit, stock, at, actor, policy=None)`: act on a unit whose screening has a
/// repeat-reactive or indeterminate result — discard every component of the donation in
/// `stock` that can be, refer the donor, and list the donor's earlier units for look-back.
#[pyfunction]
#[pyo3(signature = (unit, stock, at, actor, policy = None))]
pub(crate) fn handle_reactive(
    py: Python<'_>,
    unit: &Bound<'_, PyBloodUnit>,
    stock: &Bound<'_, PyAny>,
    at: &Bound<'_, PyAny>,
    actor: &str,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyReactiveOutcome> {
    let stock = extract_units(stock, "stock")?;
    let at = to_datetime(at, "at")?;
    let policy = policy_or_default(policy);
    let unit = &unit.get().0;
    py.detach(|| rakt::handle_reactive(unit, &stock, at, actor, policy))
        .map(PyReactiveOutcome)
        .or_raise()
}

/// Add the classes and functions to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyReservation>()?;
    m.add_class::<PyScreening>()?;
    m.add_class::<PyGrouping>()?;
    m.add_class::<PyReleaseVerdict>()?;
    m.add_class::<PyBloodUnit>()?;
    m.add_class::<PyLookbackEntry>()?;
    m.add_class::<PyDonorReferral>()?;
    m.add_class::<PyReactiveOutcome>()?;
    m.add_function(wrap_pyfunction!(screening_release, m)?)?;
    m.add_function(wrap_pyfunction!(handle_reactive, m)?)?;
    Ok(())
}
