//! Unit events: the base class `UnitEvent` and one subclass per event kind.
//!
//! Every event class derives from `UnitEvent`, which holds the core event (time, actor, kind
//! and, for an entry of a unit's history, the reasons of what it did). The subclasses add their
//! constructor and the getters of their fields. A unit's `history` gives back instances of the
//! same classes, so `unit.history[-1]` of an issued unit is a `rakt.Issue` with its `patient`
//! and `reasons`. The kinds the core records itself (`Collected`, `SplitInto`, `SplitFrom`,
//! `PooledInto`, `PooledFrom`) have classes without a constructor: they appear in histories only.

use chrono::{DateTime, FixedOffset};
use pyo3::PyClass;
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple, PyType};
use rakt::EventKind;

use crate::convert::{from_json, py_bool, py_repr, to_datetime, to_json};
use crate::discard::PyDiscardReason;
use crate::enums::{PyAbo, PyStorage, PyTestResult, PyTtiMarker};
use crate::errors::invalid_input;
use crate::event_kinds::*; // the event classes, one per kind
use crate::values::PyBloodGroup;
use crate::verdicts::{PyReason, codes, reasons};

// ---- the base class --------------------------------------------------------------------------

/// Something that happens to a unit: the base of every event class (`Quarantine`, `Issue`,
/// ...). An event to apply has no reasons; an entry of a unit's `history` carries the reasons
/// of what it did (re-dating, return decision, release verdict, discard).
#[pyclass(module = "rakt", name = "UnitEvent", subclass, frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyUnitEvent(pub rakt::UnitEvent);

/// (Python class name, type code) of an event kind.
fn names(kind: &EventKind) -> (&'static str, &'static str) {
    use EventKind as K;
    match kind {
        K::Collected => ("Collected", "collected"),
        K::Quarantine => ("Quarantine", "quarantine"),
        K::RecordTest { .. } => ("RecordTest", "record_test"),
        K::RecordRepeat { .. } => ("RecordRepeat", "record_repeat"),
        K::RecordGrouping { .. } => ("RecordGrouping", "record_grouping"),
        K::Release => ("Release", "release"),
        K::Reserve { .. } => ("Reserve", "reserve"),
        K::Crossmatch { .. } => ("Crossmatch", "crossmatch"),
        K::CancelReservation => ("CancelReservation", "cancel_reservation"),
        K::Issue { .. } => ("Issue", "issue"),
        K::EmergencyIssue { .. } => ("EmergencyIssue", "emergency_issue"),
        K::Transfuse => ("Transfuse", "transfuse"),
        K::TransfuseWithReaction { .. } => ("TransfuseWithReaction", "transfuse_with_reaction"),
        K::Return { .. } => ("Return", "return"),
        K::Discard { .. } => ("Discard", "discard"),
        K::SendForFractionation => ("SendForFractionation", "send_for_fractionation"),
        K::Irradiate => ("Irradiate", "irradiate"),
        K::Wash => ("Wash", "wash"),
        K::Open => ("Open", "open"),
        K::Thaw { .. } => ("Thaw", "thaw"),
        K::Transfer { .. } => ("Transfer", "transfer"),
        K::SplitInto { .. } => ("SplitInto", "split_into"),
        K::SplitFrom { .. } => ("SplitFrom", "split_from"),
        K::PooledInto { .. } => ("PooledInto", "pooled_into"),
        K::PooledFrom { .. } => ("PooledFrom", "pooled_from"),
    }
}

fn group_repr(py: Python<'_>, g: Option<rakt::BloodGroup>) -> PyResult<String> {
    match g {
        Some(g) => PyBloodGroup(g).__repr__(py),
        None => Ok("None".into()),
    }
}

/// The kind's fields as `name=repr` pairs, for `__repr__`.
fn field_reprs(py: Python<'_>, kind: &EventKind) -> PyResult<Vec<String>> {
    use EventKind as K;
    let s = |text: &str| -> PyResult<String> { Ok(PyString::new(py, text).repr()?.to_string()) };
    let ids = |list: &[rakt::UnitId]| -> PyResult<String> {
        py_repr(py, list.iter().map(ToString::to_string).collect::<Vec<_>>())
    };
    Ok(match kind {
        K::Collected
        | K::Quarantine
        | K::Release
        | K::CancelReservation
        | K::Transfuse
        | K::SendForFractionation
        | K::Irradiate
        | K::Wash
        | K::Open => Vec::new(),
        K::RecordTest { marker, result } => vec![
            format!("marker={}", PyTtiMarker::from(*marker).repr_name()),
            format!("result={}", PyTestResult::from(*result).repr_name()),
        ],
        K::RecordRepeat {
            marker,
            first,
            second,
        } => vec![
            format!("marker={}", PyTtiMarker::from(*marker).repr_name()),
            format!("first={}", PyTestResult::from(*first).repr_name()),
            format!("second={}", PyTestResult::from(*second).repr_name()),
        ],
        K::RecordGrouping {
            forward,
            reverse,
            historical,
        } => vec![
            format!("forward={}", group_repr(py, *forward)?),
            format!(
                "reverse={}",
                reverse.map_or_else(|| "None".into(), |a| PyAbo::from(a).repr_name())
            ),
            format!("historical={}", group_repr(py, *historical)?),
        ],
        K::Reserve { patient, until } | K::Crossmatch { patient, until } => vec![
            format!("patient={}", s(patient)?),
            format!("until={}", until.to_rfc3339()),
        ],
        K::Issue { patient } => vec![format!("patient={}", s(patient)?)],
        K::EmergencyIssue {
            patient,
            justification,
        } => vec![
            format!("patient={}", s(patient)?),
            format!("justification={}", s(justification)?),
        ],
        K::TransfuseWithReaction { details } => vec![format!("details={}", s(details)?)],
        K::Return {
            minutes_out_of_storage,
            keep_for_patient,
        } => vec![
            format!(
                "minutes_out_of_storage={}",
                minutes_out_of_storage.map_or_else(|| "None".into(), |m| m.to_string())
            ),
            format!("keep_for_patient={}", py_bool(*keep_for_patient)),
        ],
        K::Discard { reason } => vec![format!(
            "reason={}",
            PyDiscardReason(reason.clone()).repr_text(py)?
        )],
        K::Thaw { storage } => vec![format!("storage={}", PyStorage::from(*storage).repr_name())],
        K::Transfer {
            from,
            to,
            dispatched_at,
            min_celsius,
            max_celsius,
        } => vec![
            format!("from_facility={}", s(from)?),
            format!("to_facility={}", s(to)?),
            format!("dispatched_at={}", py_repr(py, *dispatched_at)?),
            format!("min_celsius={}", py_repr(py, *min_celsius)?),
            format!("max_celsius={}", py_repr(py, *max_celsius)?),
        ],
        K::SplitInto { children } => vec![format!("children={}", ids(children)?)],
        K::SplitFrom { parent } => vec![format!("parent={}", s(&parent.to_string())?)],
        K::PooledInto { pool } => vec![format!("pool={}", s(&pool.to_string())?)],
        K::PooledFrom { constituents } => {
            vec![format!("constituents={}", ids(constituents)?)]
        }
    })
}

#[pymethods]
impl PyUnitEvent {
    /// When it happened (timezone-aware).
    #[getter]
    fn at(&self) -> DateTime<FixedOffset> {
        self.0.at
    }

    /// Who recorded it.
    #[getter]
    fn actor(&self) -> String {
        self.0.actor.clone()
    }

    /// The event's type code, as in JSON: `"quarantine"`, `"record_test"`, `"issue"`, ...
    #[getter]
    fn kind(&self) -> &'static str {
        names(&self.0.kind).1
    }

    /// What the event did and why (empty for an event not yet applied).
    #[getter]
    fn reasons(&self) -> Vec<PyReason> {
        reasons(&self.0.reasons)
    }

    /// The reason codes, in order.
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        codes(&self.0.reasons)
    }

    /// The event as JSON (the core's field names: `{"at", "actor", "kind": {"type", ...}}`).
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.0)
    }

    /// An event from JSON written by `to_json`, as an instance of its own class (`Issue`,
    /// ...); called on a subclass, the JSON must be of that kind.
    #[classmethod]
    fn from_json<'py>(cls: &Bound<'py, PyType>, text: &str) -> PyResult<Bound<'py, PyAny>> {
        let event: rakt::UnitEvent = from_json(text)?;
        let what = names(&event.kind).0;
        let obj = event_to_py(cls.py(), event)?;
        if !obj.is_instance(cls)? {
            return Err(invalid_input(
                "json",
                format!("the JSON is a {what} event, not {}", cls.name()?),
            ));
        }
        Ok(obj)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        self.0.hash(&mut h);
        h.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut parts = vec![
            format!("at={}", self.0.at.to_rfc3339()),
            format!("actor={}", PyString::new(py, &self.0.actor).repr()?),
        ];
        parts.extend(field_reprs(py, &self.0.kind)?);
        if !self.0.reasons.is_empty() {
            parts.push(format!("codes={}", py_repr(py, self.codes())?));
        }
        Ok(format!("{}({})", names(&self.0.kind).0, parts.join(", ")))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let from_json = slf.as_any().get_type().getattr("from_json")?;
        Ok((from_json, PyTuple::new(slf.py(), [to_json(&slf.get().0)?])?))
    }
}

impl PyUnitEvent {
    /// An event class instance, or a `TypeError`.
    pub(crate) fn extract_arg(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<rakt::UnitEvent> {
        match obj.cast::<PyUnitEvent>() {
            Ok(e) => Ok(e.get().0.clone()),
            Err(_) => Err(PyTypeError::new_err(format!(
                "{field} must be a rakt.UnitEvent (rakt.Quarantine, rakt.Issue, ...), not {}",
                obj.get_type().name()?
            ))),
        }
    }
}

/// The core event under a subclass instance.
pub(crate) fn kind_of<'a, S>(slf: &'a Bound<'_, S>) -> &'a EventKind
where
    S: PyClass<BaseType = PyUnitEvent>,
{
    &slf.as_super().get().0.kind
}

/// The class and the kind disagree: impossible unless this module is wrong.
pub(crate) fn mismatch() -> PyErr {
    PyRuntimeError::new_err("internal error: the event's class and kind disagree")
}

/// A subclass instance initialised with a new event.
pub(crate) fn init<S>(
    sub: S,
    at: &Bound<'_, PyAny>,
    actor: &str,
    kind: EventKind,
) -> PyResult<PyClassInitializer<S>>
where
    S: PyClass<BaseType = PyUnitEvent>,
{
    let at = to_datetime(at, "at")?;
    Ok(
        PyClassInitializer::from(PyUnitEvent(rakt::UnitEvent::new(at, actor, kind)))
            .add_subclass(sub),
    )
}

fn make<'py, S>(py: Python<'py>, event: rakt::UnitEvent, sub: S) -> PyResult<Bound<'py, PyAny>>
where
    S: PyClass<BaseType = PyUnitEvent>,
{
    let init = PyClassInitializer::from(PyUnitEvent(event)).add_subclass(sub);
    Ok(Bound::new(py, init)?.into_any())
}

/// A core event as an instance of its Python class.
pub(crate) fn event_to_py(py: Python<'_>, event: rakt::UnitEvent) -> PyResult<Bound<'_, PyAny>> {
    use EventKind as K;
    match &event.kind {
        K::Collected => make(py, event, PyCollected),
        K::Quarantine => make(py, event, PyQuarantine),
        K::RecordTest { .. } => make(py, event, PyRecordTest),
        K::RecordRepeat { .. } => make(py, event, PyRecordRepeat),
        K::RecordGrouping { .. } => make(py, event, PyRecordGrouping),
        K::Release => make(py, event, PyRelease),
        K::Reserve { .. } => make(py, event, PyReserve),
        K::Crossmatch { .. } => make(py, event, PyCrossmatch),
        K::CancelReservation => make(py, event, PyCancelReservation),
        K::Issue { .. } => make(py, event, PyIssue),
        K::EmergencyIssue { .. } => make(py, event, PyEmergencyIssue),
        K::Transfuse => make(py, event, PyTransfuse),
        K::TransfuseWithReaction { .. } => make(py, event, PyTransfuseWithReaction),
        K::Return { .. } => make(py, event, PyReturn),
        K::Discard { .. } => make(py, event, PyDiscard),
        K::SendForFractionation => make(py, event, PySendForFractionation),
        K::Irradiate => make(py, event, PyIrradiate),
        K::Wash => make(py, event, PyWash),
        K::Open => make(py, event, PyOpen),
        K::Thaw { .. } => make(py, event, PyThaw),
        K::Transfer { .. } => make(py, event, PyTransfer),
        K::SplitInto { .. } => make(py, event, PySplitInto),
        K::SplitFrom { .. } => make(py, event, PySplitFrom),
        K::PooledInto { .. } => make(py, event, PyPooledInto),
        K::PooledFrom { .. } => make(py, event, PyPooledFrom),
    }
}

/// Add the classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyUnitEvent>()?;
    m.add_class::<PyCollected>()?;
    m.add_class::<PyQuarantine>()?;
    m.add_class::<PyRecordTest>()?;
    m.add_class::<PyRecordRepeat>()?;
    m.add_class::<PyRecordGrouping>()?;
    m.add_class::<PyRelease>()?;
    m.add_class::<PyReserve>()?;
    m.add_class::<PyCrossmatch>()?;
    m.add_class::<PyCancelReservation>()?;
    m.add_class::<PyIssue>()?;
    m.add_class::<PyTransfer>()?;
    m.add_class::<PyEmergencyIssue>()?;
    m.add_class::<PyTransfuse>()?;
    m.add_class::<PyTransfuseWithReaction>()?;
    m.add_class::<PyReturn>()?;
    m.add_class::<PyDiscard>()?;
    m.add_class::<PySendForFractionation>()?;
    m.add_class::<PyIrradiate>()?;
    m.add_class::<PyWash>()?;
    m.add_class::<PyOpen>()?;
    m.add_class::<PyThaw>()?;
    m.add_class::<PySplitInto>()?;
    m.add_class::<PySplitFrom>()?;
    m.add_class::<PyPooledInto>()?;
    m.add_class::<PyPooledFrom>()?;
    Ok(())
}
