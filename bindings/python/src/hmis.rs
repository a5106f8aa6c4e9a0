//! The HMIS monthly report: `hmis_monthly_reports`, `HmisReport`, `HmisFinding`. Records are
//! mappings of the core's field names, or the rows of a table (anything `pyarrow.table()`
//! reads: a pyarrow Table, a pandas or polars DataFrame), where a null cell is a field not given.

use std::collections::BTreeMap;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyTuple};
use serde_json::{Map, Value};

use rakt::RaktError;
use rakt::hmis::{
    AncContact, DeathPlace, HmisRecords, MaternalDeathCause, MaternalDeathRecord,
    NewbornDeathCause, NewbornDeathRecord,
};
use serde::Deserialize;

use crate::batch::{self, Columns, Input, Kind, pregnancy, required};
use crate::convert::{items, to_date, to_datetime, to_u32};
use crate::errors::{OrRaise, invalid_input, to_py_err};
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

/// An ANC contact given as `{"facility", "date", "registration", "record"}`, the record an
/// `AncRecord` or a dict of its fields.
fn contact(py: Python<'_>, obj: &Bound<'_, PyAny>, field: &str) -> PyResult<AncContact> {
    let row = mapping(obj, field)?;
    let mut facility = None;
    let mut date = None;
    let mut registration = false;
    let mut record = None;
    let record_field = format!("{field}.record");
    for (k, v) in row.iter() {
        let name: String = k.extract()?;
        let f = format!("{field}.{name}");
        match name.as_str() {
            "facility" => {
                facility = Some(
                    v.extract::<String>()
                        .map_err(|_| PyTypeError::new_err(format!("{f} must be a str")))?,
                )
            }
            "date" => date = Some(to_date(&v, &f)?),
            "registration" => {
                registration = v
                    .extract::<bool>()
                    .map_err(|_| PyTypeError::new_err(format!("{f} must be a bool")))?
            }
            "record" => {
                record = Some(match v.cast::<PyAncRecord>() {
                    Ok(r) => r.get().0.clone(),
                    Err(_) => record_from_mapping(&mapping(&v, &record_field)?)
                        .map_err(|e| under(py, &record_field, e))?,
                })
            }
            _ => {
                return Err(invalid_input(
                    &f,
                    "is not an ANC contact field (facility, date, registration, record)",
                ));
            }
        }
    }
    let need = |name: &str| invalid_input(&format!("{field}.{name}"), "is required");
    Ok(AncContact {
        facility: facility.ok_or_else(|| need("facility"))?,
        date: date.ok_or_else(|| need("date"))?,
        registration,
        record: record.ok_or_else(|| need("record"))?,
    })
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

/// Whether `obj` is a table (has the Arrow PyCapsule interface) rather than a list of dicts.
fn is_table(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(obj.hasattr("__arrow_c_stream__")? || obj.hasattr("__arrow_c_array__")?)
}

/// A row error under the row's path (`anc[3]` + `hb_g_dl`).
fn at(path: &str, e: RaktError) -> PyErr {
    match e {
        RaktError::InvalidInput { field, reason } => {
            invalid_input(&format!("{path}.{field}"), reason)
        }
        other => Python::attach(|py| to_py_err(py, &other)),
    }
}

/// The code in text column `i`, required, read by the core's `parse` and named by its column.
fn code<T>(
    c: &Columns,
    i: usize,
    row: usize,
    parse: fn(&str) -> rakt::Result<T>,
) -> Result<T, RaktError> {
    let name = c.name(i);
    let text = c.text(i, row).ok_or_else(|| required(name))?;
    parse(&text).map_err(|e| match e {
        RaktError::InvalidInput { reason, .. } => RaktError::InvalidInput {
            field: name.to_string(),
            reason,
        },
        other => other,
    })
}

const FUNCTION: &str = "hmis_monthly_reports";

const CONTACT: &[Input] = &[
    Input::required("facility", Kind::Text),
    Input::required("date", Kind::Day),
    Input::optional("registration", Kind::Flag),
];

/// ANC contacts from a table: `facility`, `date`, `registration` and the `AncRecord` fields as
/// columns, read by the same code as `assess_pregnancies` (so a cell means the same in both).
fn anc_table(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Vec<AncContact>> {
    // Read twice (the contact, then the record), so a stream is held as a table first.
    let table = py.import("pyarrow")?.call_method1("table", (obj,))?;
    let heads = batch::read_rows(FUNCTION, &table, CONTACT, &[], |c, r| {
        let facility = c.text(0, r).ok_or_else(|| required("facility"))?;
        let date = c.day(1, r)?.ok_or_else(|| required("date"))?;
        Ok::<_, RaktError>((facility, date, c.flag(2, r).unwrap_or(false)))
    })?;
    let records = batch::read_rows(
        FUNCTION,
        &table,
        pregnancy::INPUTS,
        pregnancy::UNREAD,
        pregnancy::record,
    )?;
    heads
        .into_iter()
        .zip(records)
        .enumerate()
        .map(|(i, (head, record))| {
            let path = format!("anc[{i}]");
            let (facility, date, registration) = head.map_err(|e| at(&path, e))?;
            Ok(AncContact {
                facility,
                date,
                registration,
                record: record.map_err(|e| at(&format!("{path}.record"), e))?,
            })
        })
        .collect()
}

const MATERNAL_DEATH: &[Input] = &[
    Input::required("facility", Kind::Text),
    Input::required("died_at", Kind::Instant),
    Input::optional("age_years", Kind::Count),
    Input::required("cause", Kind::Code),
];

fn maternal_deaths_table(obj: &Bound<'_, PyAny>) -> PyResult<Vec<MaternalDeathRecord>> {
    let rows = batch::read_rows(FUNCTION, obj, MATERNAL_DEATH, &[], |c, r| {
        Ok::<_, RaktError>(MaternalDeathRecord {
            facility: c.text(0, r).ok_or_else(|| required("facility"))?,
            died_at: c.instant(1, r)?.ok_or_else(|| required("died_at"))?,
            age_years: c.count(2, r)?,
            cause: code(c, 3, r, MaternalDeathCause::parse)?,
        })
    })?;
    rows.into_iter()
        .enumerate()
        .map(|(i, d)| d.map_err(|e| at(&format!("maternal_deaths[{i}]"), e)))
        .collect()
}

const NEWBORN_DEATH: &[Input] = &[
    Input::required("facility", Kind::Text),
    Input::required("born_at", Kind::Instant),
    Input::required("died_at", Kind::Instant),
    Input::required("place", Kind::Code),
    Input::optional("cause", Kind::Code),
];

fn newborn_deaths_table(obj: &Bound<'_, PyAny>) -> PyResult<Vec<NewbornDeathRecord>> {
    let rows = batch::read_rows(FUNCTION, obj, NEWBORN_DEATH, &[], |c, r| {
        Ok::<_, RaktError>(NewbornDeathRecord {
            facility: c.text(0, r).ok_or_else(|| required("facility"))?,
            born_at: c.instant(1, r)?.ok_or_else(|| required("born_at"))?,
            died_at: c.instant(2, r)?.ok_or_else(|| required("died_at"))?,
            place: code(c, 3, r, DeathPlace::parse)?,
            cause: match c.text(4, r) {
                Some(_) => Some(code(c, 4, r, NewbornDeathCause::parse)?),
                None => None,
            },
        })
    })?;
    rows.into_iter()
        .enumerate()
        .map(|(i, d)| d.map_err(|e| at(&format!("newborn_deaths[{i}]"), e)))
        .collect()
}

/// The rows of a deliveries table (its births are nested lists of structs, which the column
/// readers do not take), as dicts without their null cells; a float cell as `assess_pregnancies`
/// reads one: NaN is not given, a whole float (pandas' integers with gaps) is that integer.
fn delivery_rows<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let py = obj.py();
    let table = py.import("pyarrow")?.call_method1("table", (obj,))?;
    let list = table.call_method0("to_pylist")?.cast_into::<PyList>()?;
    let mut out = Vec::with_capacity(list.len());
    for row in list.iter() {
        let d = row.cast_into::<PyDict>()?;
        let cells: Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)> = d.iter().collect();
        for (k, v) in cells {
            let nan = v.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan());
            if v.is_none() || nan {
                d.del_item(k)?;
            } else if let Ok(f) = v.cast::<PyFloat>()
                && f.value().fract() == 0.0
                && f.value().abs() < 1e15
            {
                d.set_item(k, v.call_method0("__int__")?)?;
            }
        }
        out.push(d.into_any());
    }
    Ok(out)
}

fn items_of<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    obj.try_iter()?.collect()
}

/// A list argument that was given (not omitted, not `None`).
fn given<'py>(obj: Option<&Bound<'py, PyAny>>) -> Option<Bound<'py, PyAny>> {
    obj.filter(|o| !o.is_none()).cloned()
}

fn records<'py>(
    py: Python<'py>,
    deliveries: Option<&Bound<'py, PyAny>>,
    anc: Option<&Bound<'py, PyAny>>,
    maternal_deaths: Option<&Bound<'py, PyAny>>,
    newborn_deaths: Option<&Bound<'py, PyAny>>,
) -> PyResult<HmisRecords> {
    // Lists of dicts (and deliveries tables) go through the core's serde names; the other tables
    // through the column readers, straight into records.
    let mut values = Map::new();
    if let Some(d) = given(deliveries) {
        let rows = if is_table(&d)? {
            delivery_rows(&d)?
        } else {
            items_of(&d)?
        };
        let mut list = Vec::with_capacity(rows.len());
        for (i, r) in rows.iter().enumerate() {
            list.push(delivery(r, &format!("deliveries[{i}]"))?);
        }
        values.insert("deliveries".into(), Value::Array(list));
    }
    // Each death list with whether it is a table.
    let tabled = |o: Option<Bound<'py, PyAny>>| -> PyResult<Option<(Bound<'py, PyAny>, bool)>> {
        match o {
            Some(o) => {
                let table = is_table(&o)?;
                Ok(Some((o, table)))
            }
            None => Ok(None),
        }
    };
    let maternal = tabled(given(maternal_deaths))?;
    let newborn = tabled(given(newborn_deaths))?;
    for (name, list, is_newborn) in [
        ("maternal_deaths", &maternal, false),
        ("newborn_deaths", &newborn, true),
    ] {
        if let Some((o, false)) = list {
            let mut out = Vec::new();
            for (i, r) in items_of(o)?.iter().enumerate() {
                out.push(death(r, &format!("{name}[{i}]"), is_newborn)?);
            }
            values.insert(name.into(), Value::Array(out));
        }
    }
    let mut all = serde_path_error(Value::Object(values))?;
    if let Some(a) = given(anc) {
        all.anc = if is_table(&a)? {
            anc_table(py, &a)?
        } else {
            let mut list = Vec::new();
            for (i, r) in items_of(&a)?.iter().enumerate() {
                list.push(contact(py, r, &format!("anc[{i}]"))?);
            }
            list
        };
    }
    if let Some((m, true)) = &maternal {
        all.maternal_deaths = maternal_deaths_table(m)?;
    }
    if let Some((n, true)) = &newborn {
        all.newborn_deaths = newborn_deaths_table(n)?;
    }
    Ok(all)
}

/// Reads the records, naming the list, index and field of a value the core refuses.
fn serde_path_error(value: Value) -> PyResult<HmisRecords> {
    HmisRecords::deserialize(&value).map_err(|e| {
        // serde_json does not say where; find the first record that fails on its own.
        if let Value::Object(lists) = &value {
            for (name, list) in lists {
                if let Value::Array(items) = list {
                    for (i, item) in items.iter().enumerate() {
                        let mut one = Map::new();
                        one.insert(name.clone(), Value::Array(vec![item.clone()]));
                        if let Err(e) = HmisRecords::deserialize(&Value::Object(one)) {
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
