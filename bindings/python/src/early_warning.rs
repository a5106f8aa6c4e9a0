//! Obstetric early warning, the shock index, the ICMR PPH red flags and PPH classification:
//! `Vitals`, `early_warning`, `shock_index`, `pph_red_flags`, `classify_pph`. Codes are plain
//! `str`.

use std::collections::BTreeMap;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rust_decimal::Decimal;

use crate::convert::{code_of, py_repr, to_decimal, to_u32};
use crate::errors::{OrRaise, invalid_input};
use crate::json_class::json_class;
use crate::policy::{PyPolicy, policy_or_default};

use rakt::maternal as core;

fn opt_u32(obj: Option<&Bound<'_, PyAny>>, field: &str) -> PyResult<Option<u32>> {
    match obj {
        Some(o) if !o.is_none() => to_u32(o, field).map(Some),
        _ => Ok(None),
    }
}

fn avpu(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<rakt::policy::Avpu>> {
    match obj {
        Some(o) if !o.is_none() => {
            let text: String = o.extract().map_err(|_| {
                PyTypeError::new_err(
                    "consciousness must be a str: alert, voice, pain or unresponsive",
                )
            })?;
            avpu_text(&text).map(Some).or_raise()
        }
        _ => Ok(None),
    }
}

/// The AVPU level of a code, as `Vitals(consciousness=...)` reads it.
pub(crate) fn avpu_text(text: &str) -> rakt::Result<rakt::policy::Avpu> {
    rakt::policy::Avpu::parse(text).map_err(|_| rakt::RaktError::InvalidInput {
        field: "consciousness".into(),
        reason: format!("{text:?} is not alert, voice, pain or unresponsive"),
    })
}

/// Vital signs; every field optional and keyword-only.
#[pyclass(module = "rakt", name = "Vitals", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyVitals(pub core::Vitals);

impl PyVitals {
    /// `Vitals`, or a mapping of its fields.
    pub(crate) fn extract_arg(obj: &Bound<'_, PyAny>) -> PyResult<core::Vitals> {
        if let Ok(v) = obj.cast::<PyVitals>() {
            return Ok(v.get().0.clone());
        }
        if let Ok(d) = obj.cast::<PyDict>() {
            return PyVitals::new(Some(d)).map(|v| v.0);
        }
        Err(PyTypeError::new_err(format!(
            "vitals must be a Vitals or a dict, not {}",
            obj.get_type().name()?
        )))
    }
}

json_class!(PyVitals {
    #[new]
    #[pyo3(signature = (**fields))]
    fn new(fields: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let mut v = core::Vitals::default();
        let Some(fields) = fields else {
            return Ok(PyVitals(v));
        };
        for (key, value) in fields.iter() {
            let name: String = key.extract()?;
            let value = Some(&value);
            match name.as_str() {
                "respiratory_rate" => v.respiratory_rate = opt_u32(value, &name)?,
                "spo2" => v.spo2 = opt_u32(value, &name)?,
                "temperature_c" => {
                    v.temperature_c = match value {
                        Some(o) if !o.is_none() => Some(to_decimal(o, &name)?),
                        _ => None,
                    }
                }
                "systolic_bp" => v.systolic_bp = opt_u32(value, &name)?,
                "diastolic_bp" => v.diastolic_bp = opt_u32(value, &name)?,
                "heart_rate" => v.heart_rate = opt_u32(value, &name)?,
                "consciousness" => v.consciousness = avpu(value)?,
                other => {
                    return Err(invalid_input(
                        other,
                        "is not a vital sign (respiratory_rate, spo2, temperature_c, systolic_bp, diastolic_bp, heart_rate, consciousness)",
                    ));
                }
            }
        }
        Ok(PyVitals(v))
    }

    /// Breaths per minute.
    #[getter]
    fn respiratory_rate(&self) -> Option<u32> {
        self.0.respiratory_rate
    }

    /// Oxygen saturation, %.
    #[getter]
    fn spo2(&self) -> Option<u32> {
        self.0.spo2
    }

    /// Temperature, °C.
    #[getter]
    fn temperature_c(&self) -> Option<Decimal> {
        self.0.temperature_c
    }

    /// Systolic pressure, mmHg.
    #[getter]
    fn systolic_bp(&self) -> Option<u32> {
        self.0.systolic_bp
    }

    /// Diastolic pressure, mmHg.
    #[getter]
    fn diastolic_bp(&self) -> Option<u32> {
        self.0.diastolic_bp
    }

    /// Beats per minute.
    #[getter]
    fn heart_rate(&self) -> Option<u32> {
        self.0.heart_rate
    }

    /// `alert`, `voice`, `pain` or `unresponsive`.
    #[getter]
    fn consciousness(&self) -> Option<&'static str> {
        self.0.consciousness.map(|c| c.as_str())
    }

    fn __repr__(&self) -> String {
        let v = &self.0;
        let mut parts = Vec::new();
        let mut add = |name: &str, value: Option<String>| {
            if let Some(value) = value {
                parts.push(format!("{name}={value}"));
            }
        };
        add("respiratory_rate", v.respiratory_rate.map(|x| x.to_string()));
        add("spo2", v.spo2.map(|x| x.to_string()));
        add("temperature_c", v.temperature_c.map(|x| format!("Decimal('{x}')")));
        add("systolic_bp", v.systolic_bp.map(|x| x.to_string()));
        add("diastolic_bp", v.diastolic_bp.map(|x| x.to_string()));
        add("heart_rate", v.heart_rate.map(|x| x.to_string()));
        add("consciousness", v.consciousness.map(|x| format!("'{x}'")));
        format!("Vitals({})", parts.join(", "))
    }
});

/// One vital sign on the chart.
#[pyclass(module = "rakt", name = "ParameterBand", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyParameterBand(pub core::ParameterBand);

json_class!(PyParameterBand {
    /// The sign, e.g. `heart_rate`.
    #[getter]
    fn parameter(&self) -> &'static str {
        self.0.parameter.as_str()
    }

    /// Its value as text, or None.
    #[getter]
    fn value(&self) -> Option<String> {
        self.0.value.clone()
    }

    /// `green`, `yellow`, `red` or `not_assessed`.
    #[getter]
    fn band(&self) -> &'static str {
        self.0.band.as_str()
    }

    /// The range that put it there (`> 120`), for yellow or red.
    #[getter]
    fn rule(&self) -> Option<String> {
        self.0.rule.clone()
    }

    /// Its points (score mode only).
    #[getter]
    fn points(&self) -> Option<u32> {
        self.0.points
    }

    fn __repr__(&self) -> String {
        format!(
            "ParameterBand(parameter='{}', value={}, band='{}')",
            self.0.parameter,
            self.0
                .value
                .as_ref()
                .map_or("None".to_string(), |v| format!("'{v}'")),
            self.0.band
        )
    }
});

/// The result of `early_warning`.
#[pyclass(module = "rakt", name = "EarlyWarning", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyEarlyWarning(pub core::EarlyWarning);

json_class!(PyEarlyWarning {
    /// Whether the chart (or score) calls for an urgent review.
    #[getter]
    fn triggered(&self) -> bool {
        self.0.triggered
    }

    /// `red`, `yellow`, `green` or `not_assessed`.
    #[getter]
    fn level(&self) -> &'static str {
        self.0.level.as_str()
    }

    /// `chart` or `score`.
    #[getter]
    fn mode(&self) -> &'static str {
        self.0.mode.as_str()
    }

    /// The band of each sign, by name.
    #[getter]
    fn bands(&self) -> BTreeMap<&'static str, &'static str> {
        self.0
            .parameters
            .iter()
            .map(|p| (p.parameter.as_str(), p.band.as_str()))
            .collect()
    }

    /// Every sign, in chart order.
    #[getter]
    fn parameters(&self) -> Vec<PyParameterBand> {
        self.0.parameters.iter().cloned().map(PyParameterBand).collect()
    }

    /// Signs in a red band.
    #[getter]
    fn reds(&self) -> u32 {
        self.0.reds
    }

    /// Signs in a yellow band.
    #[getter]
    fn yellows(&self) -> u32 {
        self.0.yellows
    }

    /// The total score (score mode only).
    #[getter]
    fn score(&self) -> Option<u32> {
        self.0.score
    }

    /// Where the bands come from.
    #[getter]
    fn source(&self) -> String {
        self.0.source.to_string()
    }

    /// How sure we are of the bands.
    #[getter]
    fn confidence(&self) -> PyResult<String> {
        code_of(&self.0.confidence)
    }

    /// The decision of this chart, without its text: what `decide_early_warning` gives for the
    /// same vitals.
    fn decision(&self) -> crate::decision::PyWarningDecision {
        crate::decision::PyWarningDecision(self.0.decision())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "EarlyWarning(triggered={}, level='{}', bands={})",
            crate::convert::py_bool(self.0.triggered),
            self.0.level,
            py_repr(py, self.bands())?
        ))
    }
});

/// The obstetric early-warning chart of `vitals` (a `Vitals` or a dict of its fields).
#[pyfunction]
#[pyo3(signature = (vitals, policy = None))]
fn early_warning(
    vitals: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyEarlyWarning> {
    let v = PyVitals::extract_arg(vitals)?;
    core::early_warning(&v, policy_or_default(policy))
        .map(PyEarlyWarning)
        .or_raise()
}

/// A shock index with its thresholds.
#[pyclass(module = "rakt", name = "ShockIndex", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyShockIndex(pub core::ShockIndex);

json_class!(PyShockIndex {
    /// Heart rate ÷ systolic pressure, to 2 decimal places.
    #[getter]
    fn value(&self) -> Decimal {
        self.0.value
    }

    /// At or above the alert threshold (compared exactly).
    #[getter]
    fn alert(&self) -> bool {
        self.0.alert
    }

    /// At or above the high threshold (compared exactly).
    #[getter]
    fn high(&self) -> bool {
        self.0.high
    }

    /// The alert threshold (0.9).
    #[getter]
    fn alert_threshold(&self) -> Decimal {
        self.0.alert_threshold
    }

    /// The high threshold (1.7).
    #[getter]
    fn high_threshold(&self) -> Decimal {
        self.0.high_threshold
    }

    fn __repr__(&self) -> String {
        format!(
            "ShockIndex(value=Decimal('{}'), alert={}, high={})",
            self.0.value,
            crate::convert::py_bool(self.0.alert),
            crate::convert::py_bool(self.0.high)
        )
    }
});

/// The obstetric shock index, heart rate ÷ systolic blood pressure.
#[pyfunction]
#[pyo3(signature = (heart_rate, systolic_bp, policy = None))]
fn shock_index(
    heart_rate: &Bound<'_, PyAny>,
    systolic_bp: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyShockIndex> {
    let hr = to_u32(heart_rate, "heart_rate")?;
    let sbp = to_u32(systolic_bp, "systolic_bp")?;
    core::shock_index(hr, sbp, policy_or_default(policy))
        .map(PyShockIndex)
        .or_raise()
}

/// One ICMR PPH red flag.
#[pyclass(module = "rakt", name = "PphRedFlag", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyPphRedFlag(pub core::RedFlag);

json_class!(PyPphRedFlag {
    /// `tachycardia`, `hypotension`, `hypoxia`, `tachypnoea` or `sensorium`.
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code.as_str()
    }

    /// The evidence (`value`, `limit`).
    #[getter]
    fn facts(&self) -> BTreeMap<String, String> {
        self.0.facts.to_map()
    }

    /// Where the rule comes from.
    #[getter]
    fn source(&self) -> String {
        self.0.source.to_string()
    }

    /// The message in `lang`: `"en"` or `"hi"`.
    #[pyo3(signature = (lang = "en"))]
    fn message(&self, lang: &str) -> PyResult<String> {
        Ok(self.0.message(rakt::Lang::parse(lang).or_raise()?))
    }

    fn __repr__(&self) -> String {
        format!("PphRedFlag(code='{}')", self.0.code)
    }
});

/// The ICMR PPH red flag signs present in `vitals`.
#[pyfunction]
#[pyo3(signature = (vitals, policy = None))]
fn pph_red_flags(
    vitals: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<Vec<PyPphRedFlag>> {
    let v = PyVitals::extract_arg(vitals)?;
    core::pph_red_flags(&v, policy_or_default(policy))
        .map(|flags| flags.into_iter().map(PyPphRedFlag).collect())
        .or_raise()
}

/// The classification of a postpartum bleed.
#[pyclass(module = "rakt", name = "PphClass", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyPphClass(pub core::PphClass);

json_class!(PyPphClass {
    /// Whether it is a postpartum haemorrhage.
    #[getter]
    fn pph(&self) -> bool {
        self.0.pph
    }

    /// `none`, `below_minor`, `minor`, `moderate` or `severe`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }

    /// Major: moderate or severe.
    #[getter]
    fn major(&self) -> bool {
        self.0.major
    }

    /// Massive (major obstetric) haemorrhage.
    #[getter]
    fn massive(&self) -> bool {
        self.0.massive
    }

    /// `primary` or `secondary`.
    #[getter]
    fn timing(&self) -> &'static str {
        self.0.timing.as_str()
    }

    /// The threshold that applied.
    #[getter]
    fn basis(&self) -> String {
        self.0.basis.clone()
    }

    /// Where the rules come from.
    #[getter]
    fn source(&self) -> String {
        self.0.source.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "PphClass(pph={}, severity='{}', timing='{}', massive={})",
            crate::convert::py_bool(self.0.pph),
            self.0.severity,
            self.0.timing,
            crate::convert::py_bool(self.0.massive)
        )
    }
});

/// Classify a bleed after birth: `mode` is `"vaginal"` or `"caesarean"`.
#[pyfunction]
#[pyo3(signature = (blood_loss_ml, mode, hours_after_birth = None, vitals_deranged = false, policy = None))]
fn classify_pph(
    blood_loss_ml: &Bound<'_, PyAny>,
    mode: &str,
    hours_after_birth: Option<&Bound<'_, PyAny>>,
    vitals_deranged: bool,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyPphClass> {
    let ml = to_u32(blood_loss_ml, "blood_loss_ml")?;
    let mode = core::DeliveryMode::parse(mode)
        .map_err(|_| invalid_input("mode", format!("{mode:?} is not vaginal or caesarean")))?;
    let hours = opt_u32(hours_after_birth, "hours_after_birth")?.unwrap_or(0);
    core::classify_pph(ml, mode, hours, vitals_deranged, policy_or_default(policy))
        .map(PyPphClass)
        .or_raise()
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyVitals>()?;
    m.add_class::<PyParameterBand>()?;
    m.add_class::<PyEarlyWarning>()?;
    m.add_class::<PyShockIndex>()?;
    m.add_class::<PyPphRedFlag>()?;
    m.add_class::<PyPphClass>()?;
    m.add_function(wrap_pyfunction!(early_warning, m)?)?;
    m.add_function(wrap_pyfunction!(shock_index, m)?)?;
    m.add_function(wrap_pyfunction!(pph_red_flags, m)?)?;
    m.add_function(wrap_pyfunction!(classify_pph, m)?)?;
    Ok(())
}
