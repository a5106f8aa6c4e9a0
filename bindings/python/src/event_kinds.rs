//! The event classes, one per event kind, each a subclass of `UnitEvent` (see `events.rs`):
//! their constructors (`at` and `actor` first) and the getters of their fields.

use chrono::{DateTime, FixedOffset};
use pyo3::prelude::*;
use rakt::EventKind;

use crate::convert::{to_datetime, to_decimal, to_u32};
use crate::discard::PyDiscardReason;
use crate::enums::{PyAbo, PyStorage, PyTestResult, PyTtiMarker};
use crate::events::{PyUnitEvent, init, kind_of, mismatch};
use crate::values::PyBloodGroup;

/// An event class with no field but `at` and `actor`.
macro_rules! simple_event {
    ($(#[doc = $doc:literal])* $py:ident, $name:literal, $variant:ident) => {
        $(#[doc = $doc])*
        #[pyclass(module = "rakt", name = $name, extends = PyUnitEvent, frozen)]
        pub struct $py;

        #[pymethods]
        impl $py {
            #[new]
            fn new(at: &Bound<'_, PyAny>, actor: &str) -> PyResult<PyClassInitializer<Self>> {
                init($py, at, actor, EventKind::$variant)
            }
        }
    };
}

/// An event class that only appears in histories (recorded by collect, split or pool).
macro_rules! recorded_event {
    ($(#[doc = $doc:literal])* $py:ident, $name:literal { $($methods:tt)* }) => {
        $(#[doc = $doc])*
        #[pyclass(module = "rakt", name = $name, extends = PyUnitEvent, frozen)]
        pub struct $py;

        #[pymethods]
        impl $py {
            $($methods)*
        }
    };
}

simple_event!(
    /// Collected → quarantined, awaiting tests.
    PyQuarantine,
    "Quarantine",
    Quarantine
);
simple_event!(
    /// Quarantined → released, when the release verdict allows it (the history entry carries
    /// the verdict's reasons).
    PyRelease,
    "Release",
    Release
);
simple_event!(
    /// Reserved, crossmatched or returned → released.
    PyCancelReservation,
    "CancelReservation",
    CancelReservation
);
simple_event!(
    /// Issued → transfused.
    PyTransfuse,
    "Transfuse",
    Transfuse
);
simple_event!(
    /// Released plasma → sent for fractionation.
    PySendForFractionation,
    "SendForFractionation",
    SendForFractionation
);
simple_event!(
    /// Irradiated (re-dates per policy).
    PyIrradiate,
    "Irradiate",
    Irradiate
);
simple_event!(
    /// Washed (re-dates per policy).
    PyWash,
    "Wash",
    Wash
);
simple_event!(
    /// The closed system was opened (re-dates per policy).
    PyOpen,
    "Open",
    Open
);

/// A first screening result: `RecordTest(at, actor, marker, result)`.
#[pyclass(module = "rakt", name = "RecordTest", extends = PyUnitEvent, frozen)]
pub struct PyRecordTest;

#[pymethods]
impl PyRecordTest {
    #[new]
    fn new(
        at: &Bound<'_, PyAny>,
        actor: &str,
        marker: &Bound<'_, PyAny>,
        result: &Bound<'_, PyAny>,
    ) -> PyResult<PyClassInitializer<Self>> {
        let kind = EventKind::RecordTest {
            marker: PyTtiMarker::extract_arg(marker, "marker")?,
            result: PyTestResult::extract_arg(result, "result")?,
        };
        init(PyRecordTest, at, actor, kind)
    }

    /// The marker.
    #[getter]
    fn marker(slf: &Bound<'_, Self>) -> PyResult<PyTtiMarker> {
        match kind_of(slf) {
            EventKind::RecordTest { marker, .. } => Ok((*marker).into()),
            _ => Err(mismatch()),
        }
    }

    /// Its result.
    #[getter]
    fn result(slf: &Bound<'_, Self>) -> PyResult<PyTestResult> {
        match kind_of(slf) {
            EventKind::RecordTest { result, .. } => Ok((*result).into()),
            _ => Err(mismatch()),
        }
    }
}

/// The duplicate repeat of an initially reactive marker:
/// `RecordRepeat(at, actor, marker, first, second)`.
#[pyclass(module = "rakt", name = "RecordRepeat", extends = PyUnitEvent, frozen)]
pub struct PyRecordRepeat;

#[pymethods]
impl PyRecordRepeat {
    #[new]
    fn new(
        at: &Bound<'_, PyAny>,
        actor: &str,
        marker: &Bound<'_, PyAny>,
        first: &Bound<'_, PyAny>,
        second: &Bound<'_, PyAny>,
    ) -> PyResult<PyClassInitializer<Self>> {
        let kind = EventKind::RecordRepeat {
            marker: PyTtiMarker::extract_arg(marker, "marker")?,
            first: PyTestResult::extract_arg(first, "first")?,
            second: PyTestResult::extract_arg(second, "second")?,
        };
        init(PyRecordRepeat, at, actor, kind)
    }

    /// The marker.
    #[getter]
    fn marker(slf: &Bound<'_, Self>) -> PyResult<PyTtiMarker> {
        match kind_of(slf) {
            EventKind::RecordRepeat { marker, .. } => Ok((*marker).into()),
            _ => Err(mismatch()),
        }
    }

    /// The first repeat.
    #[getter]
    fn first(slf: &Bound<'_, Self>) -> PyResult<PyTestResult> {
        match kind_of(slf) {
            EventKind::RecordRepeat { first, .. } => Ok((*first).into()),
            _ => Err(mismatch()),
        }
    }

    /// The second repeat.
    #[getter]
    fn second(slf: &Bound<'_, Self>) -> PyResult<PyTestResult> {
        match kind_of(slf) {
            EventKind::RecordRepeat { second, .. } => Ok((*second).into()),
            _ => Err(mismatch()),
        }
    }
}

/// Grouping results: `RecordGrouping(at, actor, forward=None, reverse=None, historical=None)`;
/// a result left out keeps its earlier value.
#[pyclass(module = "rakt", name = "RecordGrouping", extends = PyUnitEvent, frozen)]
pub struct PyRecordGrouping;

#[pymethods]
impl PyRecordGrouping {
    #[new]
    #[pyo3(signature = (at, actor, forward = None, reverse = None, historical = None))]
    fn new(
        at: &Bound<'_, PyAny>,
        actor: &str,
        forward: Option<&Bound<'_, PyAny>>,
        reverse: Option<&Bound<'_, PyAny>>,
        historical: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyClassInitializer<Self>> {
        let group = |obj: Option<&Bound<'_, PyAny>>, field: &str| match obj {
            Some(o) if !o.is_none() => PyBloodGroup::extract_arg(o, field).map(Some),
            _ => Ok(None),
        };
        let kind = EventKind::RecordGrouping {
            forward: group(forward, "forward")?,
            reverse: PyAbo::extract_opt(reverse, "reverse")?,
            historical: group(historical, "historical")?,
        };
        init(PyRecordGrouping, at, actor, kind)
    }

    /// Forward grouping (ABO and RhD from the red cells).
    #[getter]
    fn forward(slf: &Bound<'_, Self>) -> PyResult<Option<PyBloodGroup>> {
        match kind_of(slf) {
            EventKind::RecordGrouping { forward, .. } => Ok(forward.map(PyBloodGroup)),
            _ => Err(mismatch()),
        }
    }

    /// Reverse grouping (ABO from the plasma).
    #[getter]
    fn reverse(slf: &Bound<'_, Self>) -> PyResult<Option<PyAbo>> {
        match kind_of(slf) {
            EventKind::RecordGrouping { reverse, .. } => Ok(reverse.map(Into::into)),
            _ => Err(mismatch()),
        }
    }

    /// The donor's group on record from earlier donations.
    #[getter]
    fn historical(slf: &Bound<'_, Self>) -> PyResult<Option<PyBloodGroup>> {
        match kind_of(slf) {
            EventKind::RecordGrouping { historical, .. } => Ok(historical.map(PyBloodGroup)),
            _ => Err(mismatch()),
        }
    }
}

/// Released → reserved for `patient` until `until`: `Reserve(at, actor, patient, until)`.
#[pyclass(module = "rakt", name = "Reserve", extends = PyUnitEvent, frozen)]
pub struct PyReserve;

#[pymethods]
impl PyReserve {
    #[new]
    fn new(
        at: &Bound<'_, PyAny>,
        actor: &str,
        patient: String,
        until: &Bound<'_, PyAny>,
    ) -> PyResult<PyClassInitializer<Self>> {
        let until = to_datetime(until, "until")?;
        init(PyReserve, at, actor, EventKind::Reserve { patient, until })
    }

    /// The patient.
    #[getter]
    fn patient(slf: &Bound<'_, Self>) -> PyResult<String> {
        match kind_of(slf) {
            EventKind::Reserve { patient, .. } => Ok(patient.clone()),
            _ => Err(mismatch()),
        }
    }

    /// The reservation lapses at this time.
    #[getter]
    fn until(slf: &Bound<'_, Self>) -> PyResult<DateTime<FixedOffset>> {
        match kind_of(slf) {
            EventKind::Reserve { until, .. } => Ok(*until),
            _ => Err(mismatch()),
        }
    }
}

/// Released or reserved (same patient) → crossmatched until `until`:
/// `Crossmatch(at, actor, patient, until)`.
#[pyclass(module = "rakt", name = "Crossmatch", extends = PyUnitEvent, frozen)]
pub struct PyCrossmatch;

#[pymethods]
impl PyCrossmatch {
    #[new]
    fn new(
        at: &Bound<'_, PyAny>,
        actor: &str,
        patient: String,
        until: &Bound<'_, PyAny>,
    ) -> PyResult<PyClassInitializer<Self>> {
        let until = to_datetime(until, "until")?;
        init(
            PyCrossmatch,
            at,
            actor,
            EventKind::Crossmatch { patient, until },
        )
    }

    /// The patient.
    #[getter]
    fn patient(slf: &Bound<'_, Self>) -> PyResult<String> {
        match kind_of(slf) {
            EventKind::Crossmatch { patient, .. } => Ok(patient.clone()),
            _ => Err(mismatch()),
        }
    }

    /// The crossmatch lapses at this time.
    #[getter]
    fn until(slf: &Bound<'_, Self>) -> PyResult<DateTime<FixedOffset>> {
        match kind_of(slf) {
            EventKind::Crossmatch { until, .. } => Ok(*until),
            _ => Err(mismatch()),
        }
    }
}

/// → issued to `patient`: `Issue(at, actor, patient)`. From released (emergency issue) or
/// from a hold for the same patient that has not lapsed; refused when the unit is expired.
#[pyclass(module = "rakt", name = "Issue", extends = PyUnitEvent, frozen)]
pub struct PyIssue;

#[pymethods]
impl PyIssue {
    #[new]
    fn new(
        at: &Bound<'_, PyAny>,
        actor: &str,
        patient: String,
    ) -> PyResult<PyClassInitializer<Self>> {
        init(PyIssue, at, actor, EventKind::Issue { patient })
    }

    /// The patient.
    #[getter]
    fn patient(slf: &Bound<'_, Self>) -> PyResult<String> {
        match kind_of(slf) {
            EventKind::Issue { patient } => Ok(patient.clone()),
            _ => Err(mismatch()),
        }
    }
}

/// Released → issued before compatibility testing in an emergency:
/// `EmergencyIssue(at, actor, patient, justification)`. The unit is flagged for follow-up
/// (`BloodUnit.emergency_release`). Use `Inventory.emergency_release` to choose the units.
#[pyclass(module = "rakt", name = "EmergencyIssue", extends = PyUnitEvent, frozen)]
pub struct PyEmergencyIssue;

#[pymethods]
impl PyEmergencyIssue {
    #[new]
    fn new(
        at: &Bound<'_, PyAny>,
        actor: &str,
        patient: String,
        justification: String,
    ) -> PyResult<PyClassInitializer<Self>> {
        init(
            PyEmergencyIssue,
            at,
            actor,
            EventKind::EmergencyIssue {
                patient,
                justification,
            },
        )
    }

    /// The patient.
    #[getter]
    fn patient(slf: &Bound<'_, Self>) -> PyResult<String> {
        match kind_of(slf) {
            EventKind::EmergencyIssue { patient, .. } => Ok(patient.clone()),
            _ => Err(mismatch()),
        }
    }

    /// Why the urgency justified release before compatibility testing.
    #[getter]
    fn justification(slf: &Bound<'_, Self>) -> PyResult<String> {
        match kind_of(slf) {
            EventKind::EmergencyIssue { justification, .. } => Ok(justification.clone()),
            _ => Err(mismatch()),
        }
    }
}

/// Issued → transfused with a reaction: `TransfuseWithReaction(at, actor, details)`.
#[pyclass(module = "rakt", name = "TransfuseWithReaction", extends = PyUnitEvent, frozen)]
pub struct PyTransfuseWithReaction;

#[pymethods]
impl PyTransfuseWithReaction {
    #[new]
    fn new(
        at: &Bound<'_, PyAny>,
        actor: &str,
        details: String,
    ) -> PyResult<PyClassInitializer<Self>> {
        init(
            PyTransfuseWithReaction,
            at,
            actor,
            EventKind::TransfuseWithReaction { details },
        )
    }

    /// What happened.
    #[getter]
    fn details(slf: &Bound<'_, Self>) -> PyResult<String> {
        match kind_of(slf) {
            EventKind::TransfuseWithReaction { details } => Ok(details.clone()),
            _ => Err(mismatch()),
        }
    }
}

/// Issued → back to stock, or discarded when out of controlled storage too long:
/// `Return(at, actor, minutes_out_of_storage=None, keep_for_patient=False)`. Without
/// `minutes_out_of_storage`, the time since issue counts.
#[pyclass(module = "rakt", name = "Return", extends = PyUnitEvent, frozen)]
pub struct PyReturn;

#[pymethods]
impl PyReturn {
    #[new]
    #[pyo3(signature = (at, actor, minutes_out_of_storage = None, keep_for_patient = false))]
    fn new(
        at: &Bound<'_, PyAny>,
        actor: &str,
        minutes_out_of_storage: Option<&Bound<'_, PyAny>>,
        keep_for_patient: bool,
    ) -> PyResult<PyClassInitializer<Self>> {
        let minutes_out_of_storage = match minutes_out_of_storage {
            Some(m) if !m.is_none() => Some(to_u32(m, "minutes_out_of_storage")?),
            _ => None,
        };
        let kind = EventKind::Return {
            minutes_out_of_storage,
            keep_for_patient,
        };
        init(PyReturn, at, actor, kind)
    }

    /// Minutes out of controlled storage, when given.
    #[getter]
    fn minutes_out_of_storage(slf: &Bound<'_, Self>) -> PyResult<Option<u32>> {
        match kind_of(slf) {
            EventKind::Return {
                minutes_out_of_storage,
                ..
            } => Ok(*minutes_out_of_storage),
            _ => Err(mismatch()),
        }
    }

    /// Keep the unit linked to the same patient (HL7 `RL`).
    #[getter]
    fn keep_for_patient(slf: &Bound<'_, Self>) -> PyResult<bool> {
        match kind_of(slf) {
            EventKind::Return {
                keep_for_patient, ..
            } => Ok(*keep_for_patient),
            _ => Err(mismatch()),
        }
    }
}

/// → discarded, from any state that is not final: `Discard(at, actor, reason)`, where
/// `reason` is a `DiscardReason` or a fixed discard code (`"expired"`, `"leakage"`, ...).
#[pyclass(module = "rakt", name = "Discard", extends = PyUnitEvent, frozen)]
pub struct PyDiscard;

#[pymethods]
impl PyDiscard {
    #[new]
    fn new(
        at: &Bound<'_, PyAny>,
        actor: &str,
        reason: &Bound<'_, PyAny>,
    ) -> PyResult<PyClassInitializer<Self>> {
        let reason = PyDiscardReason::extract_arg(reason, "reason")?;
        init(PyDiscard, at, actor, EventKind::Discard { reason })
    }

    /// Why.
    #[getter]
    fn reason(slf: &Bound<'_, Self>) -> PyResult<PyDiscardReason> {
        match kind_of(slf) {
            EventKind::Discard { reason } => Ok(PyDiscardReason(reason.clone())),
            _ => Err(mismatch()),
        }
    }
}

/// Thawed, then kept in `storage` (re-dates per policy): `Thaw(at, actor, storage)`.
#[pyclass(module = "rakt", name = "Thaw", extends = PyUnitEvent, frozen)]
pub struct PyThaw;

#[pymethods]
impl PyThaw {
    #[new]
    fn new(
        at: &Bound<'_, PyAny>,
        actor: &str,
        storage: &Bound<'_, PyAny>,
    ) -> PyResult<PyClassInitializer<Self>> {
        let storage = PyStorage::extract_arg(storage, "storage")?;
        init(PyThaw, at, actor, EventKind::Thaw { storage })
    }

    /// Storage after thawing.
    #[getter]
    fn storage(slf: &Bound<'_, Self>) -> PyResult<PyStorage> {
        match kind_of(slf) {
            EventKind::Thaw { storage } => Ok((*storage).into()),
            _ => Err(mismatch()),
        }
    }
}

/// Carried from one facility to another, recorded on receipt:
/// `Transfer(at, actor, from_facility, to_facility, dispatched_at, min_celsius, max_celsius)`
/// (temperatures as `decimal.Decimal` or `int`). Outside the policy's transport range the unit
/// is discarded for a cold-chain break. Use `Inventory.transfer` to move units between
/// inventories.
#[pyclass(module = "rakt", name = "Transfer", extends = PyUnitEvent, frozen)]
pub struct PyTransfer;

#[pymethods]
impl PyTransfer {
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn new(
        at: &Bound<'_, PyAny>,
        actor: &str,
        from_facility: String,
        to_facility: String,
        dispatched_at: &Bound<'_, PyAny>,
        min_celsius: &Bound<'_, PyAny>,
        max_celsius: &Bound<'_, PyAny>,
    ) -> PyResult<PyClassInitializer<Self>> {
        let kind = EventKind::Transfer {
            from: from_facility,
            to: to_facility,
            dispatched_at: to_datetime(dispatched_at, "dispatched_at")?,
            min_celsius: to_decimal(min_celsius, "min_celsius")?,
            max_celsius: to_decimal(max_celsius, "max_celsius")?,
        };
        init(PyTransfer, at, actor, kind)
    }

    /// The sending facility.
    #[getter]
    fn from_facility(slf: &Bound<'_, Self>) -> PyResult<String> {
        match kind_of(slf) {
            EventKind::Transfer { from, .. } => Ok(from.clone()),
            _ => Err(mismatch()),
        }
    }

    /// The receiving facility.
    #[getter]
    fn to_facility(slf: &Bound<'_, Self>) -> PyResult<String> {
        match kind_of(slf) {
            EventKind::Transfer { to, .. } => Ok(to.clone()),
            _ => Err(mismatch()),
        }
    }

    /// When the unit left the sender.
    #[getter]
    fn dispatched_at(slf: &Bound<'_, Self>) -> PyResult<DateTime<FixedOffset>> {
        match kind_of(slf) {
            EventKind::Transfer { dispatched_at, .. } => Ok(*dispatched_at),
            _ => Err(mismatch()),
        }
    }

    /// The lowest temperature logged in transit, °C.
    #[getter]
    fn min_celsius(slf: &Bound<'_, Self>) -> PyResult<rust_decimal::Decimal> {
        match kind_of(slf) {
            EventKind::Transfer { min_celsius, .. } => Ok(*min_celsius),
            _ => Err(mismatch()),
        }
    }

    /// The highest temperature logged in transit, °C.
    #[getter]
    fn max_celsius(slf: &Bound<'_, Self>) -> PyResult<rust_decimal::Decimal> {
        match kind_of(slf) {
            EventKind::Transfer { max_celsius, .. } => Ok(*max_celsius),
            _ => Err(mismatch()),
        }
    }
}

recorded_event!(
    /// The blood was collected (the first entry of a collected unit's history).
    PyCollected,
    "Collected" {}
);

recorded_event!(
    /// The unit was split into `children` (recorded by `BloodUnit.split`).
    PySplitInto,
    "SplitInto" {
        /// The children's ids (`DIN/A0`, ...).
        #[getter]
        fn children(slf: &Bound<'_, Self>) -> PyResult<Vec<String>> {
            match kind_of(slf) {
                EventKind::SplitInto { children } => {
                    Ok(children.iter().map(ToString::to_string).collect())
                }
                _ => Err(mismatch()),
            }
        }
    }
);

recorded_event!(
    /// The unit was split from `parent` (recorded by `BloodUnit.split`).
    PySplitFrom,
    "SplitFrom" {
        /// The parent's id.
        #[getter]
        fn parent(slf: &Bound<'_, Self>) -> PyResult<String> {
            match kind_of(slf) {
                EventKind::SplitFrom { parent } => Ok(parent.to_string()),
                _ => Err(mismatch()),
            }
        }
    }
);

recorded_event!(
    /// The unit was pooled into `pool` (recorded by `BloodUnit.pool`).
    PyPooledInto,
    "PooledInto" {
        /// The pool's id.
        #[getter]
        fn pool(slf: &Bound<'_, Self>) -> PyResult<String> {
            match kind_of(slf) {
                EventKind::PooledInto { pool } => Ok(pool.to_string()),
                _ => Err(mismatch()),
            }
        }
    }
);

recorded_event!(
    /// The pool was made from `constituents` (recorded by `BloodUnit.pool`).
    PyPooledFrom,
    "PooledFrom" {
        /// The constituents' ids.
        #[getter]
        fn constituents(slf: &Bound<'_, Self>) -> PyResult<Vec<String>> {
            match kind_of(slf) {
                EventKind::PooledFrom { constituents } => {
                    Ok(constituents.iter().map(ToString::to_string).collect())
                }
                _ => Err(mismatch()),
            }
        }
    }
);
