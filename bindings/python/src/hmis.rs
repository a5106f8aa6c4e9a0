//! The HMIS monthly report: `hmis_monthly_reports`, `HmisReport`, `HmisFinding`. Records are
//! mappings of the core's field names, or the rows of a table (anything `pyarrow.table()`
//! reads: a pyarrow Table, a pandas or polars DataFrame), where a null cell is a field not given.

use std::collections::BTreeMap;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyTuple};
use serde_json::{Map, Value};

use crate::convert::{items, to_datetime, to_u32};
use crate::errors::{OrRaise, invalid_input};
use crate::json_class::json_class;
use crate::maternal::PyGestationalAge;
use crate::policy::{PyPolicy, policy_or_default};
use crate::pregnancy::{PyAncRecord, record_from_mapping};

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
    } else if let Ok(m) = obj.cast::<PyDict>() {
        let part = |name: &str| -> PyResult<u32> {
            match m.get_item(name)? {
                Some(v) if !v.is_none() => to_u32(&v, &format!("{field}.{name}")),
                _ if name == "days" => Ok(0),
                _ => Err(invalid_input(field, "needs its weeks")),
            }
        };
        (part("weeks")?, part("days")?)
    } else {
        return Err(PyTypeError::new_err(format!(
            "{field} must be a GestationalAge, a (weeks, days) tuple or a {{\"weeks\", \"days\"}} dict"
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

fn delivery(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Value> {
    let mut out = Map::new();
    for (k, v) in mapping(obj, field)?.iter() {
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
    Ok(Value::Object(out))
}

/// `err` with its field placed under `prefix`, when it is an `InvalidInput`.
fn under(py: Python<'_>, prefix: &str, err: PyErr) -> PyErr {
    let value = err.value(py);
    if !value.is_instance_of::<pyo3::exceptions::PyValueError>() {
        return err;
    }
    match (
        value.getattr("field").and_then(|f| f.extract::<String>()),
        value.getattr("reason").and_then(|r| r.extract::<String>()),
    ) {
        (Ok(field), Ok(reason)) => invalid_input(&format!("{prefix}.{field}"), reason),
        _ => err,
    }
}

/// Joins a table row's `<name>_systolic` and `<name>_diastolic` cells into `<name>`, as the
/// batch functions read blood pressure.
fn join_pressure(py: Python<'_>, row: &Bound<'_, PyDict>, name: &str, field: &str) -> PyResult<()> {
    let (s_key, d_key) = (format!("{name}_systolic"), format!("{name}_diastolic"));
    let s = row.get_item(&s_key)?;
    let d = row.get_item(&d_key)?;
    if s.is_none() && d.is_none() {
        return Ok(());
    }
    row.del_item(&s_key).ok();
    row.del_item(&d_key).ok();
    match (s, d) {
        (Some(s), Some(d)) => row.set_item(name, PyTuple::new(py, [s, d])?),
        (Some(_), None) => Err(invalid_input(
            &format!("{field}.{name}"),
            format!("{s_key} is given without {d_key}"),
        )),
        _ => Err(invalid_input(
            &format!("{field}.{name}"),
            format!("{d_key} is given without {s_key}"),
        )),
    }
}

/// An ANC contact: `{"facility", "date", "registration", "record": AncRecord or dict}`, or a
/// table row with `facility`, `date`, `registration` and the `AncRecord` fields as columns
/// (blood pressure as `bp_systolic`/`bp_diastolic`, as the batch functions read it).
fn contact(py: Python<'_>, obj: &Bound<'_, PyAny>, field: &str, flat: bool) -> PyResult<Value> {
    let row = mapping(obj, field)?.copy()?;
    let mut out = Map::new();
    for name in ["facility", "date", "registration"] {
        let Some(v) = row.get_item(name)? else {
            continue;
        };
        row.del_item(name)?;
        let f = format!("{field}.{name}");
        let value = match name {
            "facility" => text(&v, &f)?,
            "date" => Value::String(crate::convert::to_date(&v, &f)?.to_string()),
            _ => flag(&v, &f)?,
        };
        out.insert(name.to_string(), value);
    }
    let record_field = format!("{field}.record");
    let record = if flat {
        join_pressure(py, &row, "bp", &record_field)?;
        join_pressure(py, &row, "bp_repeat", &record_field)?;
        record_from_mapping(&row).map_err(|e| under(py, &record_field, e))?
    } else {
        let given: Vec<String> = row.keys().iter().map(|k| k.to_string()).collect();
        if let Some(extra) = given.iter().find(|k| k.as_str() != "record") {
            return Err(invalid_input(
                &format!("{field}.{extra}"),
                "is not an ANC contact field (facility, date, registration, record)",
            ));
        }
        match row.get_item("record")? {
            Some(r) => match r.cast::<PyAncRecord>() {
                Ok(r) => r.get().0.clone(),
                Err(_) => record_from_mapping(&mapping(&r, &record_field)?)
                    .map_err(|e| under(py, &record_field, e))?,
            },
            None => return Err(invalid_input(&record_field, "is required")),
        }
    };
    out.insert(
        "record".into(),
        serde_json::to_value(record).map_err(|e| invalid_input(&record_field, e.to_string()))?,
    );
    Ok(Value::Object(out))
}

/// A maternal or newborn death: times are read as aware datetimes, the rest as text or counts.
fn death(obj: &Bound<'_, PyAny>, field: &str, newborn: bool) -> PyResult<Value> {
    let mut out = Map::new();
    let known = if newborn {
        "facility, born_at, died_at, place, cause"
    } else {
        "facility, died_at, age_years, cause"
    };
    for (k, v) in mapping(obj, field)?.iter() {
        let name: String = k.extract()?;
        let f = format!("{field}.{name}");
        let value = match name.as_str() {
            "facility" | "cause" => text(&v, &f)?,
            "place" if newborn => text(&v, &f)?,
            "died_at" => Value::String(to_datetime(&v, &f)?.to_rfc3339()),
            "born_at" if newborn => Value::String(to_datetime(&v, &f)?.to_rfc3339()),
            "age_years" if !newborn && v.is_none() => Value::Null,
            "age_years" if !newborn => Value::from(to_u32(&v, &f)?),
            _ => {
                return Err(invalid_input(
                    &f,
                    format!(
                        "is not a {} death field ({known})",
                        if newborn { "newborn" } else { "maternal" }
                    ),
                ));
            }
        };
        out.insert(name, value);
    }
    Ok(Value::Object(out))
}

/// The rows of `obj`: a table (anything with the Arrow PyCapsule interface, read through
/// `pyarrow.table`) as dicts without their null cells, with `true`; or the items of a list or
/// other iterable of dicts, with `false`.
fn rows<'py>(obj: &Bound<'py, PyAny>) -> PyResult<(Vec<Bound<'py, PyAny>>, bool)> {
    let py = obj.py();
    if obj.hasattr("__arrow_c_stream__")? || obj.hasattr("__arrow_c_array__")? {
        let table = py.import("pyarrow")?.call_method1("table", (obj,))?;
        let list = table.call_method0("to_pylist")?.cast_into::<PyList>()?;
        let decimal = py.import("decimal")?.getattr("Decimal")?;
        let mut out = Vec::with_capacity(list.len());
        for row in list.iter() {
            let d = row.cast_into::<PyDict>()?;
            let cells: Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)> = d.iter().collect();
            for (k, v) in cells {
                if v.is_none() {
                    d.del_item(k)?;
                } else if let Ok(f) = v.cast::<PyFloat>() {
                    // As the batch functions read a float column: NaN is a value not given, a
                    // whole float (pandas' integers with gaps) is that integer, any other float
                    // is the decimal of its shortest form (10.9 is 10.9).
                    let x = f.value();
                    if x.is_nan() {
                        d.del_item(k)?;
                    } else if x.fract() == 0.0 && x.abs() < 1e15 {
                        d.set_item(k, v.call_method0("__int__")?)?;
                    } else {
                        d.set_item(k, decimal.call1((v.repr()?,))?)?;
                    }
                }
            }
            out.push(d.into_any());
        }
        return Ok((out, true));
    }
    let mut out = Vec::new();
    for item in obj.try_iter()? {
        out.push(item?);
    }
    Ok((out, false))
}

fn records(
    py: Python<'_>,
    deliveries: Option<&Bound<'_, PyAny>>,
    anc: Option<&Bound<'_, PyAny>>,
    maternal_deaths: Option<&Bound<'_, PyAny>>,
    newborn_deaths: Option<&Bound<'_, PyAny>>,
) -> PyResult<rakt::hmis::HmisRecords> {
    let mut out = Map::new();
    let lists: [(&str, Option<&Bound<'_, PyAny>>); 4] = [
        ("deliveries", deliveries),
        ("anc", anc),
        ("maternal_deaths", maternal_deaths),
        ("newborn_deaths", newborn_deaths),
    ];
    for (name, obj) in lists {
        let Some(obj) = obj else { continue };
        if obj.is_none() {
            continue;
        }
        let (items, flat) = rows(obj)?;
        let mut values = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let field = format!("{name}[{i}]");
            values.push(match name {
                "deliveries" => delivery(item, &field)?,
                "anc" => contact(py, item, &field, flat)?,
                _ => death(item, &field, name == "newborn_deaths")?,
            });
        }
        out.insert(name.to_string(), Value::Array(values));
    }
    serde_path_error(Value::Object(out))
}

/// Reads the records, naming the list, index and field of a value the core refuses.
fn serde_path_error(value: Value) -> PyResult<rakt::hmis::HmisRecords> {
    serde_json::from_value(value.clone()).map_err(|e| {
        // serde_json does not say where; find the first record that fails on its own.
        if let Value::Object(lists) = &value {
            for (name, list) in lists {
                if let Value::Array(items) = list {
                    for (i, item) in items.iter().enumerate() {
                        let mut one = Map::new();
                        one.insert(name.clone(), Value::Array(vec![item.clone()]));
                        if let Err(e) =
                            serde_json::from_value::<rakt::hmis::HmisRecords>(Value::Object(one))
                        {
                            return invalid_input(&format!("{name}[{i}]"), e.to_string());
                        }
                    }
                }
            }
        }
        invalid_input("records", e.to_string())
    })
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

/// The HMIS monthly reports of every facility and month the records touch. Each list is a list
/// (or iterable) of dicts, or a table; deliveries alone may also be given positionally.
#[pyfunction]
#[pyo3(signature = (deliveries = None, *, anc = None, maternal_deaths = None, newborn_deaths = None, policy = None))]
fn hmis_monthly_reports(
    py: Python<'_>,
    deliveries: Option<&Bound<'_, PyAny>>,
    anc: Option<&Bound<'_, PyAny>>,
    maternal_deaths: Option<&Bound<'_, PyAny>>,
    newborn_deaths: Option<&Bound<'_, PyAny>>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<Vec<PyHmisReport>> {
    let all = records(py, deliveries, anc, maternal_deaths, newborn_deaths)?;
    let policy = policy_or_default(policy);
    py.detach(|| rakt::hmis::reports(&all, policy))
        .map(|rs| rs.into_iter().map(PyHmisReport).collect())
        .or_raise()
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyHmisFinding>()?;
    m.add_class::<PyHmisReport>()?;
    m.add_function(wrap_pyfunction!(hmis_monthly_reports, m)?)?;
    Ok(())
}
