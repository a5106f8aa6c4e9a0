//! ISBT 128 label codes (`rakt.isbt128`): the Donation Identification Number and its check
//! character. The public module `rakt.isbt128` re-exports these under their plain names.

use pyo3::prelude::*;

use crate::errors::OrRaise;

/// A parsed Donation Identification Number (ISBT 128 data structure 001).
#[pyclass(module = "rakt.isbt128", name = "Din", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyDin(pub rakt::isbt128::Din);

#[pymethods]
impl PyDin {
    /// Builds a DIN from its 13 characters and optional two flag characters.
    #[new]
    #[pyo3(signature = (din13, flags=None))]
    fn new(din13: &str, flags: Option<&str>) -> PyResult<Self> {
        rakt::isbt128::Din::new(din13, flags).or_raise().map(PyDin)
    }

    /// The 13-character DIN, e.g. `G123417654321`.
    #[getter]
    fn din13(&self) -> &str {
        self.0.din13()
    }

    /// The five-character facility identification number, e.g. `G1234`.
    #[getter]
    fn facility(&self) -> &str {
        self.0.facility()
    }

    /// The last two digits of the nominal year of collection.
    #[getter]
    fn year(&self) -> u8 {
        self.0.year()
    }

    /// The sequence number within the year for the facility.
    #[getter]
    fn sequence(&self) -> u32 {
        self.0.sequence()
    }

    /// The two flag characters as given, or None.
    #[getter]
    fn flags(&self) -> Option<&str> {
        self.0.flags()
    }

    /// The kind of flag (`"container"`, `"pilot_tube"`, `"type3_check"`, ...), or None.
    #[getter]
    fn flag_kind(&self) -> Option<&'static str> {
        self.0.flag().map(|f| f.kind())
    }

    /// The keyboard-entry check character.
    #[getter]
    fn check_character(&self) -> String {
        self.0.check_character().to_string()
    }

    /// The bar-code data, `=` + DIN + flags (`00` when none were given).
    fn barcode(&self) -> String {
        self.0.barcode()
    }

    /// The eye-readable form with the check character in brackets: `G1234 17 654321 70 [A]`.
    fn eye_readable(&self) -> String {
        self.0.eye_readable()
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        match self.0.flags() {
            Some(f) => format!("Din('{}', flags='{f}')", self.0.din13()),
            None => format!("Din('{}')", self.0.din13()),
        }
    }
}

/// The keyboard-entry check character (ISO/IEC 7064 MOD 37-2) of a 13-character DIN.
#[pyfunction]
#[pyo3(name = "isbt128_check_character")]
fn check_character(din13: &str) -> PyResult<String> {
    rakt::isbt128::check_character(din13)
        .map(|c| c.to_string())
        .or_raise()
}

/// The Type 3 flag (`"60"`-`"96"`) of a 13-character DIN.
#[pyfunction]
#[pyo3(name = "isbt128_type3_flag")]
fn type3_flag(din13: &str) -> PyResult<String> {
    rakt::isbt128::type3_flag(din13).or_raise()
}

/// Reads a DIN in its bar-code, 13-character, keyboard or printed form.
#[pyfunction]
#[pyo3(name = "isbt128_parse_din")]
fn parse_din(text: &str) -> PyResult<PyDin> {
    rakt::isbt128::parse_din(text).or_raise().map(PyDin)
}

/// Adds the ISBT 128 names to the native module (functions prefixed `isbt128_`).
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyDin>()?;
    m.add_function(wrap_pyfunction!(check_character, m)?)?;
    m.add_function(wrap_pyfunction!(type3_flag, m)?)?;
    m.add_function(wrap_pyfunction!(parse_din, m)?)?;
    Ok(())
}
