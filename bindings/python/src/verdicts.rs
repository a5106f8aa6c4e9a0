//! Verdict classes: `Reason`, `Compatibility`, `DonorOption`.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyType};

use crate::convert::{from_json, py_repr, py_repr_str, to_json};
use crate::enums::{PyComponent, PyConfidence, PyRank, PySeverity};
use crate::errors::OrRaise;
use crate::values::PyBloodGroup;

/// `(cls.from_json, (json,))`: how the JSON-backed classes pickle.
fn reduce_via_json<'py, T>(
    slf: &Bound<'py, T>,
    json: String,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)>
where
    T: pyo3::PyClass,
{
    let from_json = slf.as_any().get_type().getattr("from_json")?;
    Ok((from_json, PyTuple::new(slf.py(), [json])?))
}

pub(crate) fn codes(reasons: &[rakt::Reason]) -> Vec<&'static str> {
    reasons.iter().map(|r| r.code.as_str()).collect()
}

pub(crate) fn reasons(reasons: &[rakt::Reason]) -> Vec<PyReason> {
    reasons.iter().cloned().map(PyReason).collect()
}

/// One explained step of a verdict: a stable code, a severity, the facts used, the rule's
/// source and a message in English or Hindi.
#[pyclass(module = "rakt", name = "Reason", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyReason(pub rakt::Reason);

#[pymethods]
impl PyReason {
    /// The stable code, e.g. `RHD_NEGATIVE_REQUIRED`.
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code.as_str()
    }

    /// How much it matters.
    #[getter]
    fn severity(&self) -> PySeverity {
        self.0.severity.into()
    }

    /// The facts used, by name (`donor`, `recipient`, `age_limit`, `expires_at`, ...); a new
    /// dict on every access.
    #[getter]
    fn facts(&self) -> BTreeMap<String, String> {
        self.0.facts.to_map()
    }

    /// Where the rule comes from (document, section).
    #[getter]
    fn source(&self) -> Option<String> {
        self.0.source.as_ref().map(ToString::to_string)
    }

    /// How sure we are of the rule's source.
    #[getter]
    fn confidence(&self) -> Option<PyConfidence> {
        self.0.confidence.map(Into::into)
    }

    /// The human message in `lang`: `"en"` (English) or `"hi"` (Hindi, Devanagari).
    #[pyo3(signature = (lang = "en"))]
    fn message(&self, lang: &str) -> PyResult<String> {
        let lang = rakt::Lang::parse(lang).or_raise()?;
        Ok(self.0.message(lang))
    }

    /// The reason as JSON (the core's field names).
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.0)
    }

    /// A reason from JSON written by `to_json`.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        from_json(text).map(PyReason)
    }

    fn __hash__(&self) -> u64 {
        let mut h = DefaultHasher::new();
        self.0.hash(&mut h);
        h.finish()
    }

    fn __str__(&self) -> String {
        self.0.message(rakt::Lang::En)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let facts = py_repr(py, self.facts())?;
        Ok(format!(
            "Reason({}, severity={}, facts={facts})",
            py_repr_str(py, self.0.code.as_str())?,
            PySeverity::from(self.0.severity).repr_name()
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        reduce_via_json(slf, to_json(&slf.get().0)?)
    }
}

/// The verdict on one donor group for one recipient and component.
#[pyclass(module = "rakt", name = "Compatibility", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyCompatibility(pub rakt::Compatibility);

#[pymethods]
impl PyCompatibility {
    /// The component judged.
    #[getter]
    fn component(&self) -> PyComponent {
        self.0.component.into()
    }

    /// The donor group judged.
    #[getter]
    fn donor(&self) -> PyBloodGroup {
        PyBloodGroup(self.0.donor)
    }

    /// Whether the unit may be given (no hard stop).
    #[getter]
    fn compatible(&self) -> bool {
        self.0.compatible
    }

    /// How good a choice it is.
    #[getter]
    fn rank(&self) -> PyRank {
        self.0.rank.into()
    }

    /// Whether this is an emergency release (recipient group unknown).
    #[getter]
    fn emergency(&self) -> bool {
        self.0.emergency
    }

    /// Why, most severe first.
    #[getter]
    fn reasons(&self) -> Vec<PyReason> {
        reasons(&self.0.reasons)
    }

    /// The reason codes, in order.
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        codes(&self.0.reasons)
    }

    /// The decision of this verdict, without its explanation: what `decide_compatibility`
    /// gives for the same request.
    fn decision(&self) -> crate::decision::PyCompatibilityDecision {
        crate::decision::PyCompatibilityDecision(self.0.decision())
    }

    /// The verdict as JSON (the core's field names).
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.0)
    }

    /// A verdict from JSON written by `to_json`.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        from_json(text).map(PyCompatibility)
    }

    fn __hash__(&self) -> u64 {
        let mut h = DefaultHasher::new();
        self.0.hash(&mut h);
        h.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let c = &self.0;
        Ok(format!(
            "Compatibility(component={}, donor={}, compatible={}, rank={}, emergency={}, codes={})",
            PyComponent::from(c.component).repr_name(),
            PyBloodGroup(c.donor).__repr__(py)?,
            if c.compatible { "True" } else { "False" },
            PyRank::from(c.rank).repr_name(),
            if c.emergency { "True" } else { "False" },
            py_repr(py, codes(&c.reasons))?,
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        reduce_via_json(slf, to_json(&slf.get().0)?)
    }
}

/// One acceptable donor group, in order of preference.
#[pyclass(module = "rakt", name = "DonorOption", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyDonorOption(pub rakt::DonorOption);

#[pymethods]
impl PyDonorOption {
    /// The donor group.
    #[getter]
    fn group(&self) -> PyBloodGroup {
        PyBloodGroup(self.0.group)
    }

    /// Its rank for this recipient.
    #[getter]
    fn rank(&self) -> PyRank {
        self.0.rank.into()
    }

    /// The reasons of its verdict.
    #[getter]
    fn reasons(&self) -> Vec<PyReason> {
        reasons(&self.0.reasons)
    }

    /// The reason codes, in order.
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        codes(&self.0.reasons)
    }

    /// The option as JSON (the core's field names).
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.0)
    }

    /// An option from JSON written by `to_json`.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        from_json(text).map(PyDonorOption)
    }

    fn __hash__(&self) -> u64 {
        let mut h = DefaultHasher::new();
        self.0.hash(&mut h);
        h.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "DonorOption(group={}, rank={}, codes={})",
            PyBloodGroup(self.0.group).__repr__(py)?,
            PyRank::from(self.0.rank).repr_name(),
            py_repr(py, codes(&self.0.reasons))?,
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        reduce_via_json(slf, to_json(&slf.get().0)?)
    }
}

/// Add the classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyReason>()?;
    m.add_class::<PyCompatibility>()?;
    m.add_class::<PyDonorOption>()?;
    Ok(())
}
