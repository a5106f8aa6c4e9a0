//! Gestation, birth outcomes and Robson groups: `edd_from_lmp`, `edd_from_ultrasound`,
//! `gestational_age`, `gestational_age_from_edd`, `GestationalAge`, `birth_weight`,
//! `is_live_birth`, `classify_fetal_death`, `newborn_death`, `in_maternal_death_window`,
//! `robson_group`, `RobsonUnclassified`. Codes are plain `str`.

use chrono::NaiveDate;
use pyo3::prelude::*;

use crate::convert::{to_date, to_datetime, to_u32};
use crate::errors::{OrRaise, invalid_input};
use crate::json_class::json_class;
use crate::policy::{PyPolicy, policy_or_default};

use rakt::maternal as core;

/// A gestational age in completed weeks and days.
#[pyclass(module = "rakt", name = "GestationalAge", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyGestationalAge(pub core::GestationalAge);

json_class!(PyGestationalAge {
    #[new]
    #[pyo3(signature = (weeks, days = None))]
    fn new(weeks: &Bound<'_, PyAny>, days: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let weeks = to_u32(weeks, "weeks")?;
        let days = match days {
            Some(d) if !d.is_none() => to_u32(d, "days")?,
            _ => 0,
        };
        core::GestationalAge::new(weeks, days).map(PyGestationalAge).or_raise()
    }

    /// Completed weeks.
    #[getter]
    fn weeks(&self) -> u32 {
        self.0.weeks
    }

    /// Days past the completed weeks (0–6).
    #[getter]
    fn days(&self) -> u32 {
        self.0.days
    }

    /// Days since the first day of the last menstrual period.
    #[getter]
    fn total_days(&self) -> u32 {
        self.0.total_days()
    }

    /// Its category under `policy` (`extremely_preterm` … `post_term`).
    #[pyo3(signature = (policy = None))]
    fn category(&self, policy: Option<&Bound<'_, PyPolicy>>) -> &'static str {
        self.0.category(policy_or_default(policy)).as_str()
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("GestationalAge(weeks={}, days={})", self.0.weeks, self.0.days)
    }
});

/// The due date by Naegele's rule: the first day of the LMP plus the policy's 280 days.
#[pyfunction]
#[pyo3(signature = (lmp, policy = None))]
fn edd_from_lmp(
    lmp: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<NaiveDate> {
    core::edd_from_lmp(to_date(lmp, "lmp")?, policy_or_default(policy)).or_raise()
}

/// The due date from an ultrasound dating: the scan date and the gestational age measured then.
#[pyfunction]
#[pyo3(signature = (scan, age_at_scan, policy = None))]
fn edd_from_ultrasound(
    scan: &Bound<'_, PyAny>,
    age_at_scan: &Bound<'_, PyGestationalAge>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<NaiveDate> {
    core::edd_from_ultrasound(
        to_date(scan, "scan")?,
        age_at_scan.get().0,
        policy_or_default(policy),
    )
    .or_raise()
}

/// The gestational age at `as_of` from the LMP, in completed weeks and days.
#[pyfunction]
#[pyo3(signature = (lmp, as_of, policy = None))]
fn gestational_age(
    lmp: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyGestationalAge> {
    let _ = policy_or_default(policy);
    core::gestational_age(to_date(lmp, "lmp")?, to_date(as_of, "as_of")?)
        .map(PyGestationalAge)
        .or_raise()
}

/// The gestational age at `as_of` from the expected date of delivery.
#[pyfunction]
#[pyo3(signature = (edd, as_of, policy = None))]
fn gestational_age_from_edd(
    edd: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyGestationalAge> {
    core::gestational_age_from_edd(
        to_date(edd, "edd")?,
        to_date(as_of, "as_of")?,
        policy_or_default(policy),
    )
    .map(PyGestationalAge)
    .or_raise()
}

/// A birth weight and its categories.
#[pyclass(module = "rakt", name = "BirthWeight", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyBirthWeight(pub core::BirthWeight);

json_class!(PyBirthWeight {
    /// The weight in grams.
    #[getter]
    fn grams(&self) -> u32 {
        self.0.grams
    }

    /// `extremely_low`, `very_low`, `low` or `normal`.
    #[getter]
    fn category(&self) -> &'static str {
        self.0.category.as_str()
    }

    /// Below the HMIS 1800 g line (item 4.4.2.a).
    #[getter]
    fn below_hmis_line(&self) -> bool {
        self.0.below_hmis_line
    }

    fn __repr__(&self) -> String {
        format!(
            "BirthWeight(grams={}, category='{}', below_hmis_line={})",
            self.0.grams,
            self.0.category,
            crate::convert::py_bool(self.0.below_hmis_line)
        )
    }
});

/// Categorise a birth weight in grams.
#[pyfunction]
#[pyo3(signature = (grams, policy = None))]
fn birth_weight(
    grams: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyBirthWeight> {
    core::birth_weight(to_u32(grams, "grams")?, policy_or_default(policy))
        .map(PyBirthWeight)
        .or_raise()
}

/// A live birth (WHO): any sign of life.
#[pyfunction]
#[pyo3(signature = (*, breathing = false, heartbeat = false, cord_pulsation = false, voluntary_movement = false))]
fn is_live_birth(
    breathing: bool,
    heartbeat: bool,
    cord_pulsation: bool,
    voluntary_movement: bool,
) -> bool {
    core::SignsOfLife {
        breathing,
        heartbeat,
        cord_pulsation,
        voluntary_movement,
    }
    .is_live_birth()
}

/// A fetal death as HMIS counts it: `fresh_stillbirth`, `macerated_stillbirth`, `foetal_death`
/// or `not_counted`; `timing` is `"intrapartum"` or `"antepartum"`.
#[pyfunction]
#[pyo3(signature = (age, timing, policy = None))]
fn classify_fetal_death(
    age: &Bound<'_, PyGestationalAge>,
    timing: &str,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<&'static str> {
    let timing = core::FetalDeathTiming::parse(timing).map_err(|_| {
        invalid_input(
            "timing",
            format!("{timing:?} is not intrapartum or antepartum"),
        )
    })?;
    Ok(core::classify_fetal_death(age.get().0, timing, policy_or_default(policy)).as_str())
}

/// The age at death of a baby born alive.
#[pyclass(module = "rakt", name = "NewbornDeath", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyNewbornDeath(pub core::NewbornDeath);

json_class!(PyNewbornDeath {
    /// Completed days of life.
    #[getter]
    fn completed_days(&self) -> u32 {
        self.0.completed_days
    }

    /// A neonatal death (days 0–27).
    #[getter]
    fn neonatal(&self) -> bool {
        self.0.neonatal
    }

    /// The HMIS bin (`within_24_hours`, `days_1_to_7`, `days_8_to_28`, `infant`), or None.
    #[getter]
    fn hmis_bin(&self) -> Option<&'static str> {
        self.0.hmis_bin.map(|b| b.as_str())
    }

    fn __repr__(&self) -> String {
        format!(
            "NewbornDeath(completed_days={}, neonatal={}, hmis_bin={})",
            self.0.completed_days,
            crate::convert::py_bool(self.0.neonatal),
            self.0.hmis_bin.map_or("None".to_string(), |b| format!("'{b}'"))
        )
    }
});

/// How old a baby born at `born` was when it died at `died` (timezone-aware datetimes).
#[pyfunction]
#[pyo3(signature = (born, died, policy = None))]
fn newborn_death(
    born: &Bound<'_, PyAny>,
    died: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyNewbornDeath> {
    core::newborn_death(
        to_datetime(born, "born")?,
        to_datetime(died, "died")?,
        policy_or_default(policy),
    )
    .map(PyNewbornDeath)
    .or_raise()
}

/// Whether a woman's death falls within the maternal-death window (42 days, inclusive).
#[pyfunction]
#[pyo3(signature = (ended, died, policy = None))]
fn in_maternal_death_window(
    ended: &Bound<'_, PyAny>,
    died: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<bool> {
    core::in_maternal_death_window(
        to_date(ended, "ended")?,
        to_date(died, "died")?,
        policy_or_default(policy),
    )
    .or_raise()
}

/// The variables a Robson classification still needs.
#[pyclass(module = "rakt", name = "RobsonUnclassified", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyRobsonUnclassified(pub Vec<core::RobsonVariable>);

#[pymethods]
impl PyRobsonUnclassified {
    /// The missing variables, in the order of assignment.
    #[getter]
    fn missing(&self) -> Vec<&'static str> {
        self.0.iter().map(|m| m.as_str()).collect()
    }

    fn __bool__(&self) -> bool {
        false
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        self.0.hash(&mut h);
        h.finish()
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Vec<&'static str>,))> {
        let cls = slf.get_type().into_any();
        Ok((cls, (slf.get().missing(),)))
    }

    #[new]
    fn new(missing: Vec<String>) -> PyResult<Self> {
        missing
            .iter()
            .map(|m| core::RobsonVariable::parse(m).or_raise())
            .collect::<PyResult<Vec<_>>>()
            .map(PyRobsonUnclassified)
    }

    fn __repr__(&self) -> String {
        let names: Vec<String> = self.missing().iter().map(|m| format!("'{m}'")).collect();
        format!("RobsonUnclassified(missing=[{}])", names.join(", "))
    }
}

fn code_arg<T>(
    obj: Option<&Bound<'_, PyAny>>,
    field: &str,
    parse: impl Fn(&str) -> rakt::Result<T>,
) -> PyResult<Option<T>> {
    match obj {
        Some(o) if !o.is_none() => {
            let text: String = o.extract().map_err(|_| {
                pyo3::exceptions::PyTypeError::new_err(format!("{field} must be a str code"))
            })?;
            code_text(&text, field, parse).map(Some).or_raise()
        }
        _ => Ok(None),
    }
}

/// A code read by `parse`, with the error naming `field` (as `robson_group` reads its codes).
pub(crate) fn code_text<T>(
    text: &str,
    field: &str,
    parse: impl Fn(&str) -> rakt::Result<T>,
) -> rakt::Result<T> {
    parse(text).map_err(|e| rakt::RaktError::InvalidInput {
        field: field.to_string(),
        reason: e.to_string(),
    })
}

fn count_arg(obj: Option<&Bound<'_, PyAny>>, field: &str) -> PyResult<Option<u32>> {
    match obj {
        Some(o) if !o.is_none() => to_u32(o, field).map(Some),
        _ => Ok(None),
    }
}

/// The Robson group of a birth: `"1"` … `"10"`, `"2a"`, `"2b"`, `"4a"` or `"4b"`, or a
/// `RobsonUnclassified` naming the variables still needed.
#[pyfunction]
#[pyo3(signature = (
    *, parity = None, previous_caesareans = None, onset = None, fetuses = None,
    presentation = None, gestation_weeks = None, policy = None
))]
#[allow(clippy::too_many_arguments)]
fn robson_group(
    py: Python<'_>,
    parity: Option<&Bound<'_, PyAny>>,
    previous_caesareans: Option<&Bound<'_, PyAny>>,
    onset: Option<&Bound<'_, PyAny>>,
    fetuses: Option<&Bound<'_, PyAny>>,
    presentation: Option<&Bound<'_, PyAny>>,
    gestation_weeks: Option<&Bound<'_, PyAny>>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<Py<PyAny>> {
    let input = core::RobsonInput {
        parity: count_arg(parity, "parity")?,
        previous_caesareans: count_arg(previous_caesareans, "previous_caesareans")?,
        onset: code_arg(onset, "onset", core::LabourOnset::parse)?,
        fetuses: count_arg(fetuses, "fetuses")?,
        presentation: code_arg(presentation, "presentation", core::Presentation::parse)?,
        gestation_weeks: count_arg(gestation_weeks, "gestation_weeks")?,
    };
    match core::robson_group(&input, policy_or_default(policy)).or_raise()? {
        core::RobsonClass::Group { group } => {
            Ok(group.as_str().into_pyobject(py)?.into_any().unbind())
        }
        core::RobsonClass::CannotClassify { missing } => {
            Ok(Py::new(py, PyRobsonUnclassified(missing))?.into_any())
        }
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyGestationalAge>()?;
    m.add_class::<PyBirthWeight>()?;
    m.add_class::<PyNewbornDeath>()?;
    m.add_class::<PyRobsonUnclassified>()?;
    m.add_function(wrap_pyfunction!(edd_from_lmp, m)?)?;
    m.add_function(wrap_pyfunction!(edd_from_ultrasound, m)?)?;
    m.add_function(wrap_pyfunction!(gestational_age, m)?)?;
    m.add_function(wrap_pyfunction!(gestational_age_from_edd, m)?)?;
    m.add_function(wrap_pyfunction!(birth_weight, m)?)?;
    m.add_function(wrap_pyfunction!(is_live_birth, m)?)?;
    m.add_function(wrap_pyfunction!(classify_fetal_death, m)?)?;
    m.add_function(wrap_pyfunction!(newborn_death, m)?)?;
    m.add_function(wrap_pyfunction!(in_maternal_death_window, m)?)?;
    m.add_function(wrap_pyfunction!(robson_group, m)?)?;
    Ok(())
}
