//! Policies: `Policy`, `Source`, `TemperatureRange`.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::OnceLock;

use chrono::FixedOffset;
use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyType};
use rust_decimal::Decimal;

use crate::convert::{from_json, py_repr, py_repr_str, to_decimal, to_json};
use crate::enums::{PyConfidence, PyStorage};
use crate::errors::OrRaise;

/// The policy used when none is given: `Policy.india()`, built once (about 20 µs) and never
/// changed, so that a call without a policy costs what the rule costs.
pub(crate) fn default_policy() -> &'static rakt::Policy {
    static DEFAULT: OnceLock<rakt::Policy> = OnceLock::new();
    DEFAULT.get_or_init(rakt::Policy::india)
}

/// The given policy, or the default.
pub(crate) fn policy_or_default<'a>(policy: Option<&'a Bound<'_, PyPolicy>>) -> &'a rakt::Policy {
    match policy {
        Some(p) => &p.get().0,
        None => default_policy(),
    }
}

/// A complete set of rule parameters, each with its source.
#[pyclass(module = "rakt", name = "Policy", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyPolicy(pub rakt::Policy);

#[pymethods]
impl PyPolicy {
    /// The default profile: India (NBTC guidelines, Drugs and Cosmetics Rules).
    #[staticmethod]
    fn india() -> Self {
        PyPolicy(default_policy().clone())
    }

    /// United States (21 CFR 610.53, AABB practice).
    #[staticmethod]
    fn us() -> Self {
        PyPolicy(rakt::Policy::us())
    }

    /// United Kingdom (JPAC Red Book, BSH guidance).
    #[staticmethod]
    fn uk() -> Self {
        PyPolicy(rakt::Policy::uk())
    }

    /// A built-in profile by name: `india`, `us` or `uk`.
    #[staticmethod]
    fn builtin(name: &str) -> PyResult<Self> {
        rakt::Policy::builtin(name).map(PyPolicy).or_raise()
    }

    /// Load a policy from JSON (a complete policy, or one that `extends` a built-in profile).
    #[classmethod]
    fn from_json(cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        cls.py()
            .detach(|| rakt::Policy::from_json(text))
            .map(PyPolicy)
            .or_raise()
    }

    /// Load a policy from TOML (a complete policy, or one that `extends` a built-in profile).
    #[classmethod]
    fn from_toml(cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        cls.py()
            .detach(|| rakt::Policy::from_toml(text))
            .map(PyPolicy)
            .or_raise()
    }

    /// The complete policy as pretty JSON (loads back to an equal policy).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| self.0.to_json()).or_raise()
    }

    /// The complete policy as TOML (loads back to an equal policy).
    fn to_toml(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| self.0.to_toml()).or_raise()
    }

    /// Name of the policy (`india`, `us`, `uk`, or the name a file gives).
    #[getter]
    fn name(&self) -> String {
        self.0.name.clone()
    }

    /// What the policy is for.
    #[getter]
    fn description(&self) -> String {
        self.0.description.clone()
    }

    /// The facility's UTC offset (expiry is computed in facility-local time).
    #[getter]
    fn utc_offset(&self) -> FixedOffset {
        self.0.offset()
    }

    /// The source of a parameter by dotted path, e.g. `compatibility.paediatric_max_age`.
    fn source(&self, path: &str) -> Option<PySource> {
        self.0.source(path).cloned().map(PySource)
    }

    /// The dotted paths of every parameter this policy sets, in a stable order.
    fn parameter_paths(&self, py: Python<'_>) -> Vec<String> {
        py.detach(|| self.0.parameter_paths())
    }

    /// The temperature range of a storage condition.
    fn storage_range(&self, storage: &Bound<'_, PyAny>) -> PyResult<PyTemperatureRange> {
        let storage = PyStorage::extract_arg(storage, "storage")?;
        Ok(PyTemperatureRange(self.0.storage.range(storage)))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("Policy(name={})", py_repr_str(py, &self.0.name)?))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let policy = &slf.get().0;
        let json = slf.py().detach(|| policy.to_json()).or_raise()?;
        let from_json = slf.as_any().get_type().getattr("from_json")?;
        Ok((from_json, PyTuple::new(slf.py(), [json])?))
    }
}

/// Where a parameter's value comes from.
#[pyclass(module = "rakt", name = "Source", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PySource(pub rakt::Source);

#[pymethods]
impl PySource {
    /// Document, section and version.
    #[getter]
    fn citation(&self) -> String {
        self.0.citation.to_string()
    }

    /// How sure we are.
    #[getter]
    fn confidence(&self) -> PyConfidence {
        self.0.confidence.into()
    }

    /// Why this value was chosen, when a choice was made.
    #[getter]
    fn note(&self) -> Option<String> {
        self.0.note.clone()
    }

    /// What other sources say: `(value, citation)` pairs.
    #[getter]
    fn alternatives(&self) -> Vec<(String, String)> {
        self.0
            .alternatives
            .iter()
            .map(|a| (a.value.clone(), a.citation.clone()))
            .collect()
    }

    /// The source as JSON (the core's field names).
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.0)
    }

    /// A source from JSON written by `to_json`.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        from_json(text).map(PySource)
    }

    fn __hash__(&self) -> u64 {
        let mut h = DefaultHasher::new();
        self.0.hash(&mut h);
        h.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Source(citation={}, confidence={})",
            py_repr_str(py, &self.0.citation)?,
            PyConfidence::from(self.0.confidence).repr_name()
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let from_json = slf.as_any().get_type().getattr("from_json")?;
        Ok((from_json, PyTuple::new(slf.py(), [to_json(&slf.get().0)?])?))
    }
}

/// A temperature range in °C; either bound may be open.
#[pyclass(
    module = "rakt",
    name = "TemperatureRange",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PyTemperatureRange(pub rakt::TemperatureRange);

#[pymethods]
impl PyTemperatureRange {
    #[new]
    #[pyo3(signature = (min_celsius=None, max_celsius=None))]
    fn new(
        min_celsius: Option<&Bound<'_, PyAny>>,
        max_celsius: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let bound = |obj: Option<&Bound<'_, PyAny>>, field: &str| -> PyResult<Option<Decimal>> {
            match obj {
                Some(o) if !o.is_none() => to_decimal(o, field).map(Some),
                _ => Ok(None),
            }
        };
        rakt::TemperatureRange::new(
            bound(min_celsius, "min_celsius")?,
            bound(max_celsius, "max_celsius")?,
        )
        .map(PyTemperatureRange)
        .or_raise()
    }

    /// Lowest allowed temperature, °C.
    #[getter]
    fn min_celsius(&self) -> Option<Decimal> {
        self.0.min_celsius
    }

    /// Highest allowed temperature, °C.
    #[getter]
    fn max_celsius(&self) -> Option<Decimal> {
        self.0.max_celsius
    }

    /// Whether a temperature (a `Decimal` or `int`, °C) lies inside the range (bounds
    /// inclusive).
    fn contains(&self, celsius: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.contains(to_decimal(celsius, "celsius")?))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "TemperatureRange(min_celsius={}, max_celsius={})",
            py_repr(py, self.0.min_celsius)?,
            py_repr(py, self.0.max_celsius)?
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
        let r = slf.get().0;
        let args = (r.min_celsius, r.max_celsius).into_pyobject(slf.py())?;
        Ok((slf.as_any().get_type(), args))
    }
}

/// Add the classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPolicy>()?;
    m.add_class::<PySource>()?;
    m.add_class::<PyTemperatureRange>()?;
    Ok(())
}
