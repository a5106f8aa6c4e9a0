//! The HMIS monthly report (first slice: delivery and birth items): `hmis_monthly_reports`,
//! `HmisReport`, `HmisFinding`. Records are mappings of the core's field names.

use std::collections::BTreeMap;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use serde_json::{Map, Value};

use crate::convert::{items, to_datetime, to_u32};
use crate::errors::{OrRaise, invalid_input};
use crate::json_class::json_class;
use crate::maternal::PyGestationalAge;
use crate::policy::{PyPolicy, policy_or_default};

fn mapping<'py>(obj: &Bound<'py, PyAny>, field: &str) -> PyResult<Bound<'py, PyDict>> {
    obj.cast::<PyDict>()
        .cloned()
        .map_err(|_| PyTypeError::new_err(format!("{field} must be a dict of the record's fields")))
}

fn text(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    obj.extract::<String>()
        .map(Value::String)
        .map_err(|_| PyTypeError::new_err(format!("{field} must be a str")))
}

fn flag(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Value> {
    obj.extract::<bool>()
        .map(Value::Bool)
        .map_err(|_| PyTypeError::new_err(format!("{field} must be a bool")))
}

fn gestation(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    let (weeks, days) = if let Ok(g) = obj.cast::<PyGestationalAge>() {
        (g.get().0.weeks, g.get().0.days)
    } else if let Ok(t) = obj.cast::<PyTuple>() {
        let (w, d): (Bound<'_, PyAny>, Bound<'_, PyAny>) = t.extract()?;
        (to_u32(&w, field)?, to_u32(&d, field)?)
    } else {
        return Err(PyTypeError::new_err(format!(
            "{field} must be a GestationalAge or a (weeks, days) tuple"
        )));
    };
    let mut m = Map::new();
    m.insert("weeks".into(), Value::from(weeks));
    m.insert("days".into(), Value::from(days));
    Ok(Value::Object(m))
}

fn birth(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Value> {
    let mut out = Map::new();
    for (k, v) in mapping(obj, field)?.iter() {
        let name: String = k.extract()?;
        let f = format!("{field}.{name}");
        let value = match name.as_str() {
            "live" => flag(&v, &f)?,
            "sex" | "death_timing" => text(&v, &f)?,
            "gestation" => gestation(&v, &f)?,
            "weight_grams" if v.is_none() => Value::Null,
            "weight_grams" => Value::from(to_u32(&v, &f)?),
            _ => {
                return Err(invalid_input(
                    &f,
                    "is not a birth field (live, sex, gestation, weight_grams, death_timing)",
                ));
            }
        };
        out.insert(name, value);
    }
    Ok(Value::Object(out))
}

fn record(obj: &Bound<'_, PyAny>, i: usize) -> PyResult<rakt::hmis::DeliveryRecord> {
    let field = format!("records[{i}]");
    let mut out = Map::new();
    for (k, v) in mapping(obj, &field)?.iter() {
        let name: String = k.extract()?;
        let f = format!("{field}.{name}");
        let value = match name.as_str() {
            "facility" | "mode" => text(&v, &f)?,
            "delivered_at" => Value::String(to_datetime(&v, &f)?.to_rfc3339()),
            "institutional" => flag(&v, &f)?,
            "complications" => Value::Array(items(Some(&v), &f, |c| text(c, &f))?),
            "births" => {
                let mut list = Vec::new();
                for (j, b) in v.try_iter()?.enumerate() {
                    list.push(birth(&b?, &format!("{f}[{j}]"))?);
                }
                Value::Array(list)
            }
            _ => {
                return Err(invalid_input(
                    &f,
                    "is not a delivery field (facility, delivered_at, mode, institutional, births, complications)",
                ));
            }
        };
        out.insert(name, value);
    }
    serde_json::from_value(Value::Object(out)).map_err(|e| invalid_input(&field, e.to_string()))
}

/// A violated cross-item rule.
#[pyclass(module = "rakt", name = "HmisFinding", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyHmisFinding(pub rakt::hmis::Finding);

json_class!(PyHmisFinding {
    /// The rule, e.g. `4.4.1 <= 4.1.1.a + 4.1.1.b`.
    #[getter]
    fn rule(&self) -> String {
        self.0.rule.clone()
    }

    /// The left side's value.
    #[getter]
    fn left(&self) -> u64 {
        self.0.left
    }

    /// The right side's value.
    #[getter]
    fn right(&self) -> u64 {
        self.0.right
    }

    /// What to check.
    #[getter]
    fn message(&self) -> String {
        self.0.message.clone()
    }

    fn __repr__(&self) -> String {
        format!("HmisFinding(rule='{}', left={}, right={})", self.0.rule, self.0.left, self.0.right)
    }
});

/// The items of one facility and month.
#[pyclass(module = "rakt", name = "HmisReport", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyHmisReport(pub rakt::hmis::MonthlyReport);

json_class!(PyHmisReport {
    /// The facility.
    #[getter]
    fn facility(&self) -> String {
        self.0.facility.clone()
    }

    /// The year.
    #[getter]
    fn year(&self) -> i32 {
        self.0.year
    }

    /// The month, 1–12.
    #[getter]
    fn month(&self) -> u32 {
        self.0.month
    }

    /// The format version the items are numbered in.
    #[getter]
    fn format(&self) -> String {
        self.0.format.clone()
    }

    /// Count by item number.
    #[getter]
    fn items(&self) -> BTreeMap<String, u64> {
        self.0.items.clone()
    }

    /// Violated validation rules.
    #[getter]
    fn findings(&self) -> Vec<PyHmisFinding> {
        self.0.findings.iter().cloned().map(PyHmisFinding).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "HmisReport(facility='{}', year={}, month={}, findings={})",
            self.0.facility,
            self.0.year,
            self.0.month,
            self.0.findings.len()
        )
    }
});

/// The HMIS monthly reports (delivery and birth items) of every facility and month the delivery
/// records (dicts) touch.
#[pyfunction]
#[pyo3(signature = (records, policy = None))]
fn hmis_monthly_reports(
    py: Python<'_>,
    records: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<Vec<PyHmisReport>> {
    let mut list = Vec::new();
    for (i, r) in records.try_iter()?.enumerate() {
        list.push(record(&r?, i)?);
    }
    let policy = policy_or_default(policy);
    py.detach(|| rakt::hmis::monthly_reports(&list, policy))
        .map(|rs| rs.into_iter().map(PyHmisReport).collect())
        .or_raise()
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyHmisFinding>()?;
    m.add_class::<PyHmisReport>()?;
    m.add_function(wrap_pyfunction!(hmis_monthly_reports, m)?)?;
    Ok(())
}
