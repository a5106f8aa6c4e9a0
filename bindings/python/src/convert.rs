//! Conversions at the edge: datetimes, timedeltas, decimals, stable codes, JSON and hashing.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use pyo3::BoundObject;
use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyDelta, PyString};
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::errors::{OrRaise, invalid_input};

/// A timezone-aware `datetime` as a chrono time with its UTC offset.
///
/// A naive datetime is refused with `InvalidInput`: rakt never guesses the zone. Any tzinfo
/// works (`timezone`, `zoneinfo.ZoneInfo`, ...): the offset in force at that moment is kept.
pub(crate) fn to_datetime(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<DateTime<FixedOffset>> {
    let Ok(dt) = obj.cast::<PyDateTime>() else {
        return Err(PyTypeError::new_err(format!(
            "{field} must be a timezone-aware datetime.datetime, not {}",
            obj.get_type().name()?
        )));
    };
    let offset = dt.call_method0("utcoffset")?;
    if offset.is_none() {
        return Err(invalid_input(
            field,
            format!(
                "{} has no time zone; rakt never guesses one: give a timezone-aware datetime, \
                 e.g. datetime(2026, 1, 1, 10, 0, tzinfo=timezone(timedelta(hours=5, minutes=30)))",
                dt.str()?
            ),
        ));
    }
    let offset: TimeDelta = offset.extract()?;
    let bad = || {
        invalid_input(
            field,
            format!(
                "{} is out of range",
                obj.str().map_or_else(|_| "?".into(), |s| s.to_string())
            ),
        )
    };
    if offset.subsec_nanos() != 0 || offset.num_seconds() % 60 != 0 {
        return Err(invalid_input(
            field,
            "a UTC offset must be whole minutes (RFC 3339 cannot write seconds of an offset)",
        ));
    }
    let seconds = i32::try_from(offset.num_seconds()).map_err(|_| bad())?;
    let offset = FixedOffset::east_opt(seconds).ok_or_else(bad)?;
    let year: i32 = dt.getattr("year")?.extract()?;
    let month: u32 = dt.getattr("month")?.extract()?;
    let day: u32 = dt.getattr("day")?.extract()?;
    let hour: u32 = dt.getattr("hour")?.extract()?;
    let minute: u32 = dt.getattr("minute")?.extract()?;
    let second: u32 = dt.getattr("second")?.extract()?;
    let micro: u32 = dt.getattr("microsecond")?.extract()?;
    let local = NaiveDate::from_ymd_opt(year, month, day)
        .and_then(|d| d.and_hms_micro_opt(hour, minute, second, micro))
        .ok_or_else(bad)?;
    let utc = local.checked_sub_offset(offset).ok_or_else(bad)?;
    Ok(DateTime::from_naive_utc_and_offset(utc, offset))
}

/// A `datetime.date` as a chrono date: a day, not an instant.
///
/// A `datetime` (a subclass of `date`) is refused with `InvalidInput`: silently dropping its time
/// and zone would pick a day the caller did not name. Anything else is a `TypeError`.
pub(crate) fn to_date(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<NaiveDate> {
    if obj.cast::<PyDateTime>().is_ok() {
        return Err(invalid_input(
            field,
            format!(
                "{} is a datetime; give a datetime.date: {field} is a day, not an instant \
                 (use .date() on a facility-local datetime)",
                obj.str()?
            ),
        ));
    }
    if obj.cast::<PyDate>().is_err() {
        return Err(PyTypeError::new_err(format!(
            "{field} must be a datetime.date, not {}",
            obj.get_type().name()?
        )));
    }
    let year: i32 = obj.getattr("year")?.extract()?;
    let month: u32 = obj.getattr("month")?.extract()?;
    let day: u32 = obj.getattr("day")?.extract()?;
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| invalid_input(field, format!("{year}-{month}-{day} is out of range")))
}

/// A non-negative integer that fits in 32 bits: volumes, minutes, pressures. Any `int` (or
/// integer with `__index__`, such as a numpy integer) is accepted; a `bool`, `float` or
/// `Decimal` is a `TypeError`, and a negative or too large value an `InvalidInput`.
pub(crate) fn to_u32(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<u32> {
    let wrong_type = || -> PyResult<PyErr> {
        Ok(PyTypeError::new_err(format!(
            "{field} must be an int, not {}",
            obj.get_type().name()?
        )))
    };
    let out_of_range = || {
        invalid_input(
            field,
            format!(
                "{} is not a whole number from 0 to {}",
                obj.str().map_or_else(|_| "?".into(), |s| s.to_string()),
                u32::MAX
            ),
        )
    };
    if obj.is_instance_of::<PyBool>() {
        return Err(wrong_type()?);
    }
    match obj.extract::<i64>() {
        Ok(value) => u32::try_from(value).map_err(|_| out_of_range()),
        Err(e) if e.is_instance_of::<PyOverflowError>(obj.py()) => Err(out_of_range()),
        Err(_) => Err(wrong_type()?),
    }
}

/// A non-negative `timedelta` as a std duration; a negative one is refused with `InvalidInput`.
pub(crate) fn to_duration(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<std::time::Duration> {
    if obj.cast::<PyDelta>().is_err() {
        return Err(PyTypeError::new_err(format!(
            "{field} must be a datetime.timedelta, not {}",
            obj.get_type().name()?
        )));
    }
    let delta: TimeDelta = obj.extract()?;
    delta.to_std().map_err(|_| {
        let shown = obj
            .repr()
            .map_or_else(|_| delta.to_string(), |r| r.to_string());
        invalid_input(
            field,
            format!("{shown} is negative; give a duration of zero or more"),
        )
    })
}

/// A `decimal.Decimal` or `int` as an exact decimal. Floats are refused: measurements are
/// decimals in rakt, so that boundaries hold exactly. So is a value rakt's decimal (28 digits)
/// cannot hold exactly: `Decimal("12.4999…")` with thirty 9s would otherwise round to 12.5 and
/// pass a 12.5 g/dL threshold. Kotlin refuses the same values (`from_str_exact`).
pub(crate) fn to_decimal(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Decimal> {
    let py = obj.py();
    let decimal_type = py.import("decimal")?.getattr("Decimal")?;
    let is_int =
        obj.is_instance_of::<pyo3::types::PyInt>() && !obj.is_instance_of::<pyo3::types::PyBool>();
    if !is_int && !obj.is_instance(&decimal_type)? {
        return Err(PyTypeError::new_err(format!(
            "{field} must be a decimal.Decimal or an int, not {} (measurements are exact \
             decimals in rakt: write Decimal(\"6.1\"))",
            obj.get_type().name()?
        )));
    }
    let shown = obj.str()?.to_string();
    // Fixed-point text ("1E+3" → "1000"), so that the exact parser sees every digit; an int's
    // own text already is (its "f" format would be a float's).
    let text = if is_int {
        Some(shown.clone())
    } else if obj.call_method0("is_finite")?.is_truthy()? {
        Some(obj.call_method1("__format__", ("f",))?.to_string())
    } else {
        None
    };
    let exact = text.and_then(|text| exact_decimal(&text));
    exact.ok_or_else(|| invalid_input(field, not_exact(&shown)))
}

/// The one rule for a decimal given as text (a Python `Decimal`, a table's decimal, float or
/// string cell): the value rakt's decimal holds exactly, or `None`. Nothing is rounded: a value
/// with more than 28 fractional digits, or beyond 96 bits, is refused even where rounding would
/// look harmless, because a rounded value can cross a threshold. Scientific notation
/// (`"1.5e3"`) is read exactly too.
pub(crate) fn exact_decimal(text: &str) -> Option<Decimal> {
    match text.split_once(['e', 'E']) {
        // The base exactly, then the exponent by an exact shift or a checked product.
        Some((base, _)) => {
            Decimal::from_str_exact(base).ok()?;
            Decimal::from_scientific(text).ok()
        }
        None => Decimal::from_str_exact(text).ok(),
    }
}

/// Why a decimal shown as `shown` is refused by [`exact_decimal`].
pub(crate) fn not_exact(shown: &str) -> String {
    format!("{shown} is not a finite decimal that rakt can hold exactly (at most 28 digits)")
}

/// The stable code of a core value (its serde name), e.g. `red_cells`.
pub(crate) fn code_of<T: Serialize>(value: &T) -> PyResult<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        Ok(other) => Ok(other.to_string()),
        Err(e) => Err(invalid_input("code", e.to_string())),
    }
}

/// A core value from its stable code (its serde name), refusing anything else.
pub(crate) fn from_code<T: DeserializeOwned>(
    field: &str,
    text: &str,
    expected: &dyn Fn() -> Vec<String>,
) -> PyResult<T> {
    code_value(field, text, expected).or_raise()
}

/// [`from_code`] as a core result, for rows of a batch (decided without the GIL).
pub(crate) fn code_value<T: DeserializeOwned>(
    field: &str,
    text: &str,
    expected: &dyn Fn() -> Vec<String>,
) -> Result<T, rakt::RaktError> {
    // Read straight from the text (no JSON value is built): codes are parsed once per cell.
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
        serde::de::IntoDeserializer::into_deserializer(text);
    T::deserialize(de).map_err(|_| rakt::RaktError::InvalidInput {
        field: field.to_string(),
        reason: format!(
            "{text:?} is not a {field} (expected one of {})",
            expected().join(", ")
        ),
    })
}

/// A string argument, or `None` when `obj` is not a `str`.
pub(crate) fn as_str(obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(Some(s.to_cow()?.into_owned())),
        Err(_) => Ok(None),
    }
}

/// Serialise a core value to JSON.
pub(crate) fn to_json<T: Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| invalid_input("json", e.to_string()))
}

/// Deserialise a core value from JSON, refusing bad documents with `InvalidInput`.
pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> PyResult<T> {
    serde_json::from_str(text).map_err(|e| invalid_input("json", e.to_string()))
}

/// Python's repr of a str (single quotes, escapes as Python writes them).
pub(crate) fn py_repr_str(py: Python<'_>, text: &str) -> PyResult<String> {
    Ok(PyString::new(py, text).repr()?.to_string())
}

/// Python's repr of any value convertible to Python.
pub(crate) fn py_repr<'py, T>(py: Python<'py>, value: T) -> PyResult<String>
where
    T: IntoPyObject<'py>,
{
    let obj = value
        .into_pyobject(py)
        .map_err(Into::into)?
        .into_any()
        .into_bound();
    Ok(obj.repr()?.to_string())
}

/// The items of an iterable argument (not a `str`), each converted by `each`.
pub(crate) fn items<T>(
    obj: Option<&Bound<'_, PyAny>>,
    field: &str,
    mut each: impl FnMut(&Bound<'_, PyAny>) -> PyResult<T>,
) -> PyResult<Vec<T>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(Vec::new());
    };
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{field} must be an iterable of values, not a str"
        )));
    }
    let mut out = Vec::new();
    for item in obj.try_iter()? {
        out.push(each(&item?)?);
    }
    Ok(out)
}

/// A `TypeError` saying what an iterable argument must contain.
pub(crate) fn wrong_item(field: &str, expected: &str, item: &Bound<'_, PyAny>) -> PyErr {
    let got = item
        .get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string());
    PyTypeError::new_err(format!("{field} must contain {expected} values, not {got}"))
}

/// Python's `True` / `False`.
pub(crate) fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}
