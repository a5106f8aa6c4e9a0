//! Expiry: the `Expiry` class and the re-dating events `Irradiated`, `Washed`, `Opened`,
//! `Thawed`.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyType};

use crate::convert::{from_json, py_repr, to_datetime, to_duration, to_json};
use crate::enums::{PyModification, PyStorage};
use crate::errors::OrRaise;
use crate::policy::{PyPolicy, policy_or_default};
use crate::values::PyProduct;
use crate::verdicts::PyReason;

macro_rules! timed_event {
    ($(#[doc = $doc:literal])* $py:ident, $name:literal, $variant:ident) => {
        $(#[doc = $doc])*
        #[pyclass(module = "rakt", name = $name, frozen, eq, hash, from_py_object)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $py {
            at: DateTime<FixedOffset>,
        }

        impl $py {
            fn to_core(self) -> rakt::Redating {
                rakt::Redating::$variant { at: self.at }
            }
        }

        #[pymethods]
        impl $py {
            #[new]
            fn new(at: &Bound<'_, PyAny>) -> PyResult<Self> {
                Ok($py { at: to_datetime(at, "at")? })
            }

            /// When the modification was made.
            #[getter]
            fn at(&self) -> DateTime<FixedOffset> {
                self.at
            }

            /// The modification this event makes.
            #[getter]
            fn modification(&self) -> PyModification {
                self.to_core().modification().into()
            }

            fn __repr__(&self) -> String {
                format!("{}(at={})", $name, self.at.to_rfc3339())
            }

            fn __reduce__<'py>(
                slf: &Bound<'py, Self>,
            ) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
                let args = (slf.get().at,).into_pyobject(slf.py())?;
                Ok((slf.as_any().get_type(), args))
            }
        }
    };
}

timed_event!(
    /// Irradiated at `at` (re-dates red cells).
    PyIrradiated,
    "Irradiated",
    Irradiated
);
timed_event!(
    /// Washed at `at` (an open process; re-dates).
    PyWashed,
    "Washed",
    Washed
);
timed_event!(
    /// The closed system was opened at `at` (re-dates).
    PyOpened,
    "Opened",
    Opened
);

/// Thawed at `at`, then kept in `storage` (refrigerated or room temperature).
#[pyclass(module = "rakt", name = "Thawed", frozen, eq, hash, from_py_object)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PyThawed {
    at: DateTime<FixedOffset>,
    storage: rakt::Storage,
}

impl PyThawed {
    fn to_core(self) -> rakt::Redating {
        rakt::Redating::Thawed {
            at: self.at,
            storage: self.storage,
        }
    }
}

#[pymethods]
impl PyThawed {
    #[new]
    fn new(at: &Bound<'_, PyAny>, storage: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyThawed {
            at: to_datetime(at, "at")?,
            storage: PyStorage::extract_arg(storage, "storage")?,
        })
    }

    /// When the unit was thawed.
    #[getter]
    fn at(&self) -> DateTime<FixedOffset> {
        self.at
    }

    /// Storage after thawing.
    #[getter]
    fn storage(&self) -> PyStorage {
        self.storage.into()
    }

    /// The modification this event makes (`Modification.THAWED`).
    #[getter]
    fn modification(&self) -> PyModification {
        self.to_core().modification().into()
    }

    fn __repr__(&self) -> String {
        format!(
            "Thawed(at={}, storage={})",
            self.at.to_rfc3339(),
            PyStorage::from(self.storage).repr_name()
        )
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
        let t = slf.get();
        let args = (t.at, PyStorage::from(t.storage)).into_pyobject(slf.py())?;
        Ok((slf.as_any().get_type(), args))
    }
}

/// One of the event classes as the core event.
fn extract_event(obj: &Bound<'_, PyAny>) -> PyResult<rakt::Redating> {
    if let Ok(e) = obj.cast::<PyIrradiated>() {
        return Ok(e.get().to_core());
    }
    if let Ok(e) = obj.cast::<PyWashed>() {
        return Ok(e.get().to_core());
    }
    if let Ok(e) = obj.cast::<PyOpened>() {
        return Ok(e.get().to_core());
    }
    if let Ok(e) = obj.cast::<PyThawed>() {
        return Ok(e.get().to_core());
    }
    Err(PyTypeError::new_err(format!(
        "event must be rakt.Irradiated, rakt.Washed, rakt.Opened or rakt.Thawed, not {}",
        obj.get_type().name()?
    )))
}

/// A unit's expiry, with the product and collection time it was computed for and the
/// reasons.
#[pyclass(module = "rakt", name = "Expiry", frozen, eq, from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyExpiry(pub rakt::Expiry);

#[pymethods]
impl PyExpiry {
    /// The product, with the modifications applied so far.
    #[getter]
    fn product(&self) -> PyProduct {
        PyProduct(self.0.product.clone())
    }

    /// When the (earliest) donation was collected.
    #[getter]
    fn collected_at(&self) -> DateTime<FixedOffset> {
        self.0.collected_at
    }

    /// The instant the unit expires (it is expired at this instant), in facility-local time.
    #[getter]
    fn expires_at(&self) -> DateTime<FixedOffset> {
        self.0.expires_at
    }

    /// The decision in this expiry, without its explanation: what `decide_expiry` gives for
    /// the same product and time.
    fn decision(&self) -> crate::decision::PyExpiryDecision {
        crate::decision::PyExpiryDecision(self.0.decision())
    }

    /// How the expiry was reached, step by step.
    #[getter]
    fn reasons(&self) -> Vec<PyReason> {
        self.0.reasons.iter().cloned().map(PyReason).collect()
    }

    /// The reason codes, in order.
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        self.0.reasons.iter().map(|r| r.code.as_str()).collect()
    }

    /// Whether the unit is expired at `as_of` (true at the expiry instant itself).
    fn is_expired(&self, as_of: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.is_expired(to_datetime(as_of, "as_of")?))
    }

    /// Whether the unit is not yet expired at `as_of` but will be within `within` (true when
    /// it expires exactly at `as_of + within`).
    fn expires_within(
        &self,
        within: &Bound<'_, PyAny>,
        as_of: &Bound<'_, PyAny>,
    ) -> PyResult<bool> {
        let within = to_duration(within, "within")?;
        Ok(self.0.expires_within(within, to_datetime(as_of, "as_of")?))
    }

    /// Time left before expiry at `as_of` (zero when expired).
    fn remaining(&self, as_of: &Bound<'_, PyAny>) -> PyResult<Duration> {
        Ok(self.0.remaining(to_datetime(as_of, "as_of")?))
    }

    /// Apply a re-dating event: the new expiry (never later than this one), with the
    /// modification recorded on the product. `policy=None` means `Policy.india()`.
    #[pyo3(signature = (event, policy=None))]
    fn redate(
        &self,
        event: &Bound<'_, PyAny>,
        policy: Option<&Bound<'_, PyPolicy>>,
    ) -> PyResult<PyExpiry> {
        let event = extract_event(event)?;
        let policy = policy_or_default(policy);
        self.0.redate(&event, policy).map(PyExpiry).or_raise()
    }

    /// The expiry as JSON (the core's field names).
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.0)
    }

    /// An expiry from JSON written by `to_json`.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        from_json(text).map(PyExpiry)
    }

    fn __hash__(&self) -> u64 {
        let mut h = DefaultHasher::new();
        self.0.hash(&mut h);
        h.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Expiry(product={}, collected_at={}, expires_at={}, codes={})",
            self.product().__repr__(),
            self.0.collected_at.to_rfc3339(),
            self.0.expires_at.to_rfc3339(),
            py_repr(py, self.codes())?
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let from_json = slf.as_any().get_type().getattr("from_json")?;
        Ok((from_json, PyTuple::new(slf.py(), [to_json(&slf.get().0)?])?))
    }
}

/// `expiry(product, collected_at, policy=None)`: the base expiry of a product collected at
/// `collected_at` (a timezone-aware datetime).
#[pyfunction]
#[pyo3(signature = (product, collected_at, policy=None))]
pub(crate) fn expiry(
    product: &Bound<'_, PyProduct>,
    collected_at: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyExpiry> {
    let collected_at = to_datetime(collected_at, "collected_at")?;
    let policy = policy_or_default(policy);
    rakt::Expiry::compute(&product.get().0, collected_at, policy)
        .map(PyExpiry)
        .or_raise()
}

/// `pool(expiries, pooled_at, policy=None)`: the expiry of a pool made at `pooled_at` from
/// units of the same product.
#[pyfunction]
#[pyo3(signature = (expiries, pooled_at, policy=None))]
pub(crate) fn pool(
    py: Python<'_>,
    expiries: &Bound<'_, PyAny>,
    pooled_at: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyExpiry> {
    let mut constituents = Vec::new();
    for item in expiries.try_iter()? {
        let item = item?;
        let e = item.cast::<PyExpiry>().map_err(|_| {
            PyTypeError::new_err(format!(
                "expiries must contain rakt.Expiry values, not {}",
                item.get_type()
                    .name()
                    .map_or_else(|_| "?".into(), |n| n.to_string())
            ))
        })?;
        constituents.push(e.get().0.clone());
    }
    let pooled_at = to_datetime(pooled_at, "pooled_at")?;
    let policy = policy_or_default(policy);
    py.detach(|| rakt::Expiry::pool(&constituents, pooled_at, policy))
        .map(PyExpiry)
        .or_raise()
}

/// Add the classes and functions to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyExpiry>()?;
    m.add_class::<PyIrradiated>()?;
    m.add_class::<PyWashed>()?;
    m.add_class::<PyOpened>()?;
    m.add_class::<PyThawed>()?;
    m.add_function(wrap_pyfunction!(expiry, m)?)?;
    m.add_function(wrap_pyfunction!(pool, m)?)?;
    Ok(())
}
