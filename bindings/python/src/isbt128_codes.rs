//! ISBT 128 blood groups (data structure 002), product codes (003) and dates (004–009) for
//! `rakt.isbt128`: `BloodGroupCode`, `ProductCode`, `IsbtDate` and the functions that read and
//! write them. The names and codes are the core's (`as_str`); this file only translates.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use pyo3::prelude::*;

use rakt::isbt128::{self as isbt, BloodGroupCode, DateKind, GroupCode, IntendedUse, RhKell};

use crate::convert::{to_date, to_datetime};
use crate::enums::{PyDonationType, PyUnitStatus};
use crate::errors::OrRaise;
use crate::values::PyBloodGroup;

// ---- names shared with the Kotlin binding and the vectors -----------------------------------

/// `structure_class!(PyType, "Name" { ...own methods... })`: the `#[pymethods]` block of a class
/// wrapping a core ISBT 128 structure, with `data()`, `encode()`, `__str__` (the encoded text)
/// and `__repr__` (`Name('=%5100')`) after the class's own methods; pickled as a call of the
/// native reader `$reader` on the encoded text.
macro_rules! structure_class {
    ($py:ident, $name:literal, $reader:literal { $($methods:tt)* }) => {
        #[pymethods]
        impl $py {
            $($methods)*

            /// The data characters, without the data identifier.
            fn data(&self) -> String {
                self.0.data()
            }

            /// The bar-code data with its data identifier.
            fn encode(&self) -> String {
                self.0.encode()
            }

            fn __str__(&self) -> String {
                self.0.encode()
            }

            fn __repr__(&self) -> String {
                format!(concat!($name, "('{}')"), self.0.encode())
            }

            fn __reduce__<'py>(
                &self,
                py: Python<'py>,
            ) -> PyResult<(Bound<'py, PyAny>, (String,))> {
                let reader = py.import("rakt._rakt")?.getattr($reader)?;
                Ok((reader, (self.0.encode(),)))
            }
        }
    };
}

// ---- blood group ------------------------------------------------------------------------------

/// A decoded ISBT 128 blood-group data structure (002): the group and intended use (Table 4),
/// a pooled or subgroup code, or a special message (Table 5), and the Rh/Kell or Mia/Mur
/// character (Table 6).
#[pyclass(module = "rakt.isbt128", name = "BloodGroupCode", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyBloodGroupCode(pub BloodGroupCode);

structure_class!(PyBloodGroupCode, "BloodGroupCode", "isbt128_decode_blood_group" {
    /// The two group characters, e.g. `51`.
    #[getter]
    fn code(&self) -> Option<&'static str> {
        self.0.group_code().code()
    }

    /// `group` (Table 4), `pooled_or_subgroup` or `special` (Table 5).
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.group_code().kind()
    }

    /// The group of a Table 4 code: `O`, `A`, `B`, `AB`, `Oh`, `para_bombay`, `para_bombay_O`, ...
    #[getter]
    fn label_group(&self) -> Option<String> {
        match self.0.group_code() {
            GroupCode::Group { group, .. } => Some(group.name()),
            _ => None,
        }
    }

    /// The RhD type of a Table 4 code: `positive`, `negative` or `unspecified`.
    #[getter]
    fn rhd(&self) -> Option<&'static str> {
        match self.0.group_code() {
            GroupCode::Group { rhd, .. } => Some(rhd.as_str()),
            _ => None,
        }
    }

    /// The intended use (the column of Table 4), e.g. `default`, `directed_only`.
    #[getter]
    fn intended_use(&self) -> Option<&'static str> {
        self.0.group_code().intended_use().map(IntendedUse::as_str)
    }

    /// The donation type the intended use implies (directed or autologous), if any.
    #[getter]
    fn donation_type(&self) -> Option<PyDonationType> {
        self.0
            .group_code()
            .intended_use()
            .and_then(IntendedUse::donation_type)
            .map(Into::into)
    }

    /// The pooled or subgroup code's name, e.g. `a1`, `pooled_abo_rhd_positive`.
    #[getter]
    fn pooled_or_subgroup(&self) -> Option<&'static str> {
        match self.0.group_code() {
            GroupCode::PooledOrSubgroup(p) => Some(p.as_str()),
            _ => None,
        }
    }

    /// The special message's name, e.g. `quarantine`.
    #[getter]
    fn special_message(&self) -> Option<&'static str> {
        self.0.group_code().special_message().map(|m| m.as_str())
    }

    /// The unit status a special message implies (quarantine, discard), if any.
    #[getter]
    fn implied_status(&self) -> Option<PyUnitStatus> {
        self.0
            .group_code()
            .special_message()
            .and_then(|m| m.implied_status())
            .map(Into::into)
    }

    /// The rakt blood group the code names, if it names one.
    #[getter]
    fn blood_group(&self) -> Option<PyBloodGroup> {
        self.0.blood_group().map(PyBloodGroup)
    }

    /// The Table 6 character, e.g. `0`, `J`.
    #[getter]
    fn rh_kell(&self) -> String {
        self.0.rh_kell().as_char().to_string()
    }

    /// The C c E e phenotype of the Table 6 character, e.g. `C-c+E-e+`, `no_information`.
    #[getter]
    fn rh_phenotype(&self) -> Option<String> {
        self.0.rh_kell().rh().map(|p| p.notation())
    }

    /// The Kell result of the Table 6 character: `no_information`, `negative`, `positive`.
    #[getter]
    fn kell(&self) -> Option<&'static str> {
        self.0.rh_kell().kell().map(|k| k.as_str())
    }

    /// The Mia/Mur result (`U` false, `V` true), else None.
    #[getter]
    fn mia_mur_positive(&self) -> Option<bool> {
        self.0.rh_kell().mia_mur_positive()
    }

    /// Whether a Special Testing bar code must be scanned (`W`).
    #[getter]
    fn see_special_testing(&self) -> bool {
        self.0.rh_kell().see_special_testing()
    }
});

/// Reads a blood-group data structure: `=%5100` or `5100`.
#[pyfunction]
#[pyo3(name = "isbt128_decode_blood_group")]
fn decode_blood_group(text: &str) -> PyResult<PyBloodGroupCode> {
    isbt::decode_blood_group(text)
        .map(PyBloodGroupCode)
        .or_raise()
}

/// The blood-group data structure of a rakt blood group in a Table 4 column, with a Table 6
/// character.
#[pyfunction]
#[pyo3(name = "isbt128_encode_blood_group", signature = (group, intended_use="default", rh_kell="0"))]
fn encode_blood_group(
    group: &Bound<'_, PyAny>,
    intended_use: &str,
    rh_kell: &str,
) -> PyResult<PyBloodGroupCode> {
    let group = PyBloodGroup::extract_arg(group, "group")?;
    IntendedUse::parse(intended_use)
        .and_then(|column| Ok((column, RhKell::parse(rh_kell)?)))
        .and_then(|(column, rh_kell)| Ok((GroupCode::for_group(&group, column)?, rh_kell)))
        .and_then(|(code, rh_kell)| BloodGroupCode::new(code, rh_kell))
        .map(PyBloodGroupCode)
        .or_raise()
}

// ---- product code -----------------------------------------------------------------------------

/// A parsed ISBT 128 product code (data structure 003).
#[pyclass(module = "rakt.isbt128", name = "ProductCode", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyProductCode(pub isbt::ProductCode);

structure_class!(PyProductCode, "ProductCode", "isbt128_parse_product_code" {
    /// The five-character product description code, e.g. `E4306`.
    #[getter]
    fn description_code(&self) -> &str {
        self.0.description_code()
    }

    /// The family of the product description code, e.g. `blood_component`.
    #[getter]
    fn family(&self) -> &'static str {
        self.0.family().as_str()
    }

    /// The collection type (Table 7), e.g. `volunteer_homologous`, for the families that carry
    /// one.
    #[getter]
    fn collection_type(&self) -> Option<&'static str> {
        self.0.collection_type().map(|t| t.as_str())
    }

    /// The donation type the collection type implies, if rakt models it.
    #[getter]
    fn donation_type(&self) -> Option<PyDonationType> {
        self.0
            .collection_type()
            .and_then(|t| t.donation_type())
            .map(Into::into)
    }

    /// The two-character division (`00` undivided), for the families with a collection type.
    #[getter]
    fn division(&self) -> Option<&str> {
        self.0.division()
    }

    /// The three-character division or pack code of the other families.
    #[getter]
    fn pack_code(&self) -> Option<&str> {
        self.0.pack_code()
    }
});

/// Reads a product code: `=<E4306V00` or `E4306V00`.
#[pyfunction]
#[pyo3(name = "isbt128_parse_product_code")]
fn parse_product_code(text: &str) -> PyResult<PyProductCode> {
    isbt::parse_product_code(text).map(PyProductCode).or_raise()
}

// ---- dates ------------------------------------------------------------------------------------

/// A date or date and time from a label (ISBT 128 data structures 004–009).
#[pyclass(module = "rakt.isbt128", name = "IsbtDate", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyIsbtDate(pub isbt::IsbtDate);

structure_class!(PyIsbtDate, "IsbtDate", "isbt128_decode_datetime" {
    /// `expiration`, `collection` or `production`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind().as_str()
    }

    /// The structure number, `004` to `009`.
    #[getter]
    fn structure(&self) -> &'static str {
        self.0.structure()
    }

    /// The calendar date.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date()
    }

    /// The local time, for the date-and-time structures (005, 007, 009).
    #[getter]
    fn time(&self) -> Option<NaiveTime> {
        self.0.time()
    }

    /// The local date and time (naive: the zone is not in the data); 23:59 for a date alone.
    #[getter]
    fn datetime(&self) -> NaiveDateTime {
        self.0.datetime()
    }

    /// The instant in the facility's time zone, given as a `datetime.timezone`.
    fn at_offset(&self, offset: FixedOffset) -> PyResult<DateTime<FixedOffset>> {
        self.0.at_offset(offset).or_raise()
    }
});

/// Reads a date structure (`=>`, `&>`, `=*`, `&*`, `=}`, `&}`).
#[pyfunction]
#[pyo3(name = "isbt128_decode_datetime")]
fn decode_datetime(text: &str) -> PyResult<PyIsbtDate> {
    isbt::decode_datetime(text).map(PyIsbtDate).or_raise()
}

/// A date-only structure (004, 006, 008) of a `datetime.date`.
#[pyfunction]
#[pyo3(name = "isbt128_encode_date")]
fn encode_date(kind: &str, date: &Bound<'_, PyAny>) -> PyResult<PyIsbtDate> {
    let kind = DateKind::parse(kind).or_raise()?;
    let date = to_date(date, "date")?;
    isbt::IsbtDate::date_only(kind, date)
        .map(PyIsbtDate)
        .or_raise()
}

/// A date-and-time structure (005, 007, 009) of a timezone-aware datetime, at its own local
/// time, to the minute.
#[pyfunction]
#[pyo3(name = "isbt128_encode_datetime")]
fn encode_datetime(kind: &str, at: &Bound<'_, PyAny>) -> PyResult<PyIsbtDate> {
    let kind = DateKind::parse(kind).or_raise()?;
    let at = to_datetime(at, "at")?;
    isbt::IsbtDate::date_time(kind, at.naive_local())
        .map(PyIsbtDate)
        .or_raise()
}

/// Adds the classes and functions of this file to the native module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyBloodGroupCode>()?;
    m.add_class::<PyProductCode>()?;
    m.add_class::<PyIsbtDate>()?;
    m.add_function(wrap_pyfunction!(decode_blood_group, m)?)?;
    m.add_function(wrap_pyfunction!(encode_blood_group, m)?)?;
    m.add_function(wrap_pyfunction!(parse_product_code, m)?)?;
    m.add_function(wrap_pyfunction!(decode_datetime, m)?)?;
    m.add_function(wrap_pyfunction!(encode_date, m)?)?;
    m.add_function(wrap_pyfunction!(encode_datetime, m)?)?;
    Ok(())
}
