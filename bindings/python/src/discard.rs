//! `DiscardReason`: the fixed reasons a unit is discarded for (`DiscardReason.EXPIRED`, ...,
//! codes `"expired"`, ...) and `DiscardReason.other(text)`.
//!
//! Design: `rakt.Discard(at, actor, reason)` takes a `DiscardReason` or a fixed code as a
//! `str`. Free text must be wrapped in `DiscardReason.other(...)`, so that a misspelt code is an
//! error rather than a new reason; `.code` is `"other"` and `.text` the words of such a reason.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple, PyType};
use rakt::DiscardReason;

use crate::convert::{as_str, from_code};
use crate::errors::{OrRaise, invalid_input};

/// The fixed discard reasons: (core value, Python name, code).
const DISCARD_CODES: [(DiscardReason, &str, &str); 9] = [
    (DiscardReason::Expired, "EXPIRED", "expired"),
    (DiscardReason::TtiReactive, "TTI_REACTIVE", "tti_reactive"),
    (
        DiscardReason::UnderCollected,
        "UNDER_COLLECTED",
        "under_collected",
    ),
    (DiscardReason::Leakage, "LEAKAGE", "leakage"),
    (DiscardReason::Haemolysed, "HAEMOLYSED", "haemolysed"),
    (DiscardReason::Lipaemic, "LIPAEMIC", "lipaemic"),
    (DiscardReason::Clotted, "CLOTTED", "clotted"),
    (
        DiscardReason::ColdChainBreak,
        "COLD_CHAIN_BREAK",
        "cold_chain_break",
    ),
    (
        DiscardReason::ReturnedTooLate,
        "RETURNED_TOO_LATE",
        "returned_too_late",
    ),
];

/// Why a unit was discarded: one of the fixed reasons (`DiscardReason.EXPIRED`, ...,
/// code `"expired"`, ...) or `DiscardReason.other("text")`, another reason in words.
#[pyclass(
    module = "rakt",
    name = "DiscardReason",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyDiscardReason(pub DiscardReason);

impl PyDiscardReason {
    fn expected_codes() -> Vec<String> {
        DISCARD_CODES
            .iter()
            .map(|(_, _, c)| c.to_string())
            .collect()
    }

    fn fixed(code: &str) -> PyResult<DiscardReason> {
        from_code::<DiscardReason>("reason", code, &Self::expected_codes).map_err(|_| {
            invalid_input(
                "reason",
                format!(
                    "{code:?} is not a discard reason code (expected one of {}; for another \
                     reason, give rakt.DiscardReason.other(text))",
                    Self::expected_codes().join(", ")
                ),
            )
        })
    }

    /// A `DiscardReason`, or a fixed code as a `str`.
    pub(crate) fn extract_arg(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<DiscardReason> {
        if let Ok(r) = obj.cast::<PyDiscardReason>() {
            return Ok(r.get().0.clone());
        }
        if let Some(text) = as_str(obj)? {
            return Self::fixed(&text);
        }
        Err(PyTypeError::new_err(format!(
            "{field} must be a rakt.DiscardReason or a discard reason code as a str, not {}",
            obj.get_type().name()?
        )))
    }

    fn python_name(&self) -> Option<&'static str> {
        DISCARD_CODES
            .iter()
            .find(|(r, _, _)| *r == self.0)
            .map(|(_, name, _)| *name)
    }

    /// `DiscardReason.LEAKAGE` or `DiscardReason.other('text')`.
    pub(crate) fn repr_text(&self, py: Python<'_>) -> PyResult<String> {
        match (&self.0, self.python_name()) {
            (_, Some(name)) => Ok(format!("DiscardReason.{name}")),
            (other, None) => Ok(format!(
                "DiscardReason.other({})",
                PyString::new(py, &other.to_string()).repr()?
            )),
        }
    }
}

#[pymethods]
impl PyDiscardReason {
    #[classattr]
    #[pyo3(name = "EXPIRED")]
    fn expired() -> Self {
        PyDiscardReason(DiscardReason::Expired)
    }
    #[classattr]
    #[pyo3(name = "TTI_REACTIVE")]
    fn tti_reactive() -> Self {
        PyDiscardReason(DiscardReason::TtiReactive)
    }
    #[classattr]
    #[pyo3(name = "UNDER_COLLECTED")]
    fn under_collected() -> Self {
        PyDiscardReason(DiscardReason::UnderCollected)
    }
    #[classattr]
    #[pyo3(name = "LEAKAGE")]
    fn leakage() -> Self {
        PyDiscardReason(DiscardReason::Leakage)
    }
    #[classattr]
    #[pyo3(name = "HAEMOLYSED")]
    fn haemolysed() -> Self {
        PyDiscardReason(DiscardReason::Haemolysed)
    }
    #[classattr]
    #[pyo3(name = "LIPAEMIC")]
    fn lipaemic() -> Self {
        PyDiscardReason(DiscardReason::Lipaemic)
    }
    #[classattr]
    #[pyo3(name = "CLOTTED")]
    fn clotted() -> Self {
        PyDiscardReason(DiscardReason::Clotted)
    }
    #[classattr]
    #[pyo3(name = "COLD_CHAIN_BREAK")]
    fn cold_chain_break() -> Self {
        PyDiscardReason(DiscardReason::ColdChainBreak)
    }
    #[classattr]
    #[pyo3(name = "RETURNED_TOO_LATE")]
    fn returned_too_late() -> Self {
        PyDiscardReason(DiscardReason::ReturnedTooLate)
    }

    /// Another reason, in words; a blank text is refused (`InvalidInput`, field `reason`).
    #[classmethod]
    fn other(_cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        DiscardReason::other(text).map(PyDiscardReason).or_raise()
    }

    /// The fixed reason with this code (`"expired"`, `"leakage"`, ...).
    #[classmethod]
    fn parse(_cls: &Bound<'_, PyType>, code: &str) -> PyResult<Self> {
        Self::fixed(code).map(PyDiscardReason)
    }

    /// The fixed reasons, in canonical order (without `other`).
    #[classmethod]
    fn members(_cls: &Bound<'_, PyType>) -> Vec<Self> {
        DISCARD_CODES
            .iter()
            .map(|(r, _, _)| PyDiscardReason(r.clone()))
            .collect()
    }

    /// The stable code: `"expired"`, ..., or `"other"` for a reason in words.
    #[getter]
    fn code(&self) -> &'static str {
        DISCARD_CODES
            .iter()
            .find(|(r, _, _)| *r == self.0)
            .map_or("other", |(_, _, code)| *code)
    }

    /// The words of `DiscardReason.other(text)`; `None` for a fixed reason.
    #[getter]
    fn text(&self) -> Option<String> {
        match &self.0 {
            DiscardReason::Other(text) => Some(text.clone()),
            _ => None,
        }
    }

    /// The code, or the words of `other`.
    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.repr_text(py)
    }

    /// Pickles as `DiscardReason.parse(code)` or `DiscardReason.other(text)`.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let cls = slf.as_any().get_type();
        let (how, arg) = match &slf.get().0 {
            DiscardReason::Other(text) => ("other", text.clone()),
            fixed => ("parse", fixed.to_string()),
        };
        Ok((cls.getattr(how)?, PyTuple::new(py, [arg])?))
    }
}

/// Add the class to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyDiscardReason>()?;
    Ok(())
}
