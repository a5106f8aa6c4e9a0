//! Deciding without explaining: `decide_pregnancy`, `decide_early_warning`,
//! `decide_compatibility` and `decide_expiry` give the values of `assess_pregnancy`,
//! `early_warning`, `compatibility` and `expiry` (the same rules and errors) without building
//! their facts, citations and messages: `PregnancyDecision`, `WarningDecision`,
//! `CompatibilityDecision`, `ExpiryDecision`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use pyo3::prelude::*;

use chrono::{DateTime, FixedOffset};

use crate::convert::{py_bool, py_repr, to_date, to_datetime};
use crate::early_warning::PyVitals;
use crate::enums::{PyComponent, PyRank};
use crate::errors::OrRaise;
use crate::policy::{PyPolicy, policy_or_default};
use crate::pregnancy::{action_code, record_arg};
use crate::values::{PyBloodGroup, PyProduct, PyRecipient};

use rakt::maternal as core;

/// What `assess_pregnancy` decides, without the explanation.
#[pyclass(module = "rakt", name = "PregnancyDecision", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyPregnancyDecision(pub core::PregnancyDecision);

#[pymethods]
impl PyPregnancyDecision {
    /// `low`, `high` or `emergency`.
    #[getter]
    fn risk_level(&self) -> &'static str {
        self.0.risk_level.as_str()
    }

    /// The code of each flag, in the order of `PregnancyAssessment.codes`.
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        self.0.flags.iter().map(|c| c.as_str()).collect()
    }

    /// Gestational age at `as_of` (`.weeks`, `.days`), when the LMP or EDD is known.
    #[getter]
    fn gestational_age(&self) -> Option<crate::maternal::PyGestationalAge> {
        self.0
            .gestational_age
            .map(crate::maternal::PyGestationalAge)
    }

    /// Gestation at `as_of` as `(weeks, days)`, when the LMP or EDD is known.
    #[getter]
    fn gestation(&self) -> Option<(u32, u32)> {
        self.0.gestational_age.map(|g| (g.weeks, g.days))
    }

    /// The expected date of delivery, when known.
    #[getter]
    fn edd(&self) -> Option<NaiveDate> {
        self.0.edd
    }

    /// The hypertension class, when BP was measured.
    #[getter]
    fn hypertension(&self) -> Option<&'static str> {
        self.0.hypertension.map(|h| h.as_str())
    }

    /// The anaemia grade, when Hb was measured and the profile has an anaemia rule.
    #[getter]
    fn anaemia(&self) -> Option<&'static str> {
        self.0.anaemia.map(|a| a.as_str())
    }

    /// Whether the OGTT shows GDM, when done.
    #[getter]
    fn gdm(&self) -> Option<bool> {
        self.0.gdm
    }

    /// The minimum level of care (`Referral.level`).
    #[getter]
    fn referral_level(&self) -> &'static str {
        self.0.referral_level.as_str()
    }

    /// How soon (`Referral.urgency`).
    #[getter]
    fn referral_urgency(&self) -> &'static str {
        self.0.referral_urgency.as_str()
    }

    /// The blood plan's haemorrhage-risk tier (`BloodPlan.tier`).
    #[getter]
    fn blood_tier(&self) -> &'static str {
        self.0.blood_tier.as_str()
    }

    /// What blood to prepare (`BloodPlan.action`).
    #[getter]
    fn blood_action(&self) -> &'static str {
        action_code(self.0.blood_action)
    }

    /// Units of red cells to crossmatch (`BloodPlan.units`).
    #[getter]
    fn blood_units(&self) -> u32 {
        self.0.blood_units()
    }

    /// When to prepare it (`BloodPlan.when`).
    #[getter]
    fn blood_when(&self) -> &'static str {
        self.0.blood_when.as_str()
    }

    /// Record fields a criterion needed but that were not recorded.
    #[getter]
    fn not_assessed(&self) -> Vec<&'static str> {
        self.0.not_assessed.iter().collect()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "PregnancyDecision(risk_level='{}', codes={}, referral='{}', blood_plan='{}')",
            self.0.risk_level,
            py_repr(py, self.codes())?,
            self.0.referral_level,
            action_code(self.0.blood_action)
        ))
    }
}

/// What `early_warning` decides, without the text of each sign.
#[pyclass(module = "rakt", name = "WarningDecision", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyWarningDecision(pub core::WarningDecision);

#[pymethods]
impl PyWarningDecision {
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

    /// The band of each sign, by name (as `EarlyWarning.bands`).
    #[getter]
    fn bands(&self) -> BTreeMap<&'static str, &'static str> {
        core::VitalSign::ALL
            .iter()
            .map(|&s| (s.as_str(), self.0.band(s).as_str()))
            .collect()
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

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "WarningDecision(triggered={}, level='{}', bands={})",
            py_bool(self.0.triggered),
            self.0.level,
            py_repr(py, self.bands())?
        ))
    }
}

/// What `compatibility` decides, without the reasons' facts and sources.
#[pyclass(module = "rakt", name = "CompatibilityDecision", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyCompatibilityDecision(pub rakt::CompatibilityDecision);

#[pymethods]
impl PyCompatibilityDecision {
    /// The component judged.
    #[getter]
    fn component(&self) -> PyComponent {
        self.0.component.into()
    }

    /// The donor group judged.
    #[getter]
    fn donor(&self) -> PyBloodGroup {
        PyBloodGroup(self.0.donor)
    }

    /// Whether the unit may be given (no hard stop).
    #[getter]
    fn compatible(&self) -> bool {
        self.0.compatible
    }

    /// How good a choice it is.
    #[getter]
    fn rank(&self) -> PyRank {
        self.0.rank.into()
    }

    /// Whether this is an emergency release (recipient group unknown).
    #[getter]
    fn emergency(&self) -> bool {
        self.0.emergency
    }

    /// The reason codes, in the order of `Compatibility.codes`.
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        self.0.codes.iter().map(|c| c.as_str()).collect()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let c = &self.0;
        Ok(format!(
            "CompatibilityDecision(component={}, donor={}, compatible={}, rank={}, emergency={}, \
             codes={})",
            PyComponent::from(c.component).repr_name(),
            PyBloodGroup(c.donor).__repr__(py)?,
            py_bool(c.compatible),
            PyRank::from(c.rank).repr_name(),
            py_bool(c.emergency),
            py_repr(py, self.codes())?,
        ))
    }
}

/// What `expiry` decides: the instant and the reasons' codes, without their facts and
/// sources.
#[pyclass(module = "rakt", name = "ExpiryDecision", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyExpiryDecision(pub rakt::ExpiryDecision);

#[pymethods]
impl PyExpiryDecision {
    /// The instant the unit expires (it is expired at this instant), in facility-local time.
    #[getter]
    fn expires_at(&self) -> DateTime<FixedOffset> {
        self.0.expires_at
    }

    /// The reason codes, in the order of `Expiry.codes`.
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        self.0.codes.iter().map(|c| c.as_str()).collect()
    }

    /// Whether the unit is expired at `as_of` (true at the expiry instant itself).
    fn is_expired(&self, as_of: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.is_expired(to_datetime(as_of, "as_of")?))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "ExpiryDecision(expires_at={}, codes={})",
            py_repr(py, self.0.expires_at)?,
            py_repr(py, self.codes())?,
        ))
    }
}

/// Decide the base expiry as `expiry` does (same instant and codes, same errors), without the
/// reasons' facts and sources.
#[pyfunction]
#[pyo3(signature = (product, collected_at, policy = None))]
fn decide_expiry(
    product: &Bound<'_, PyProduct>,
    collected_at: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyExpiryDecision> {
    let collected_at = to_datetime(collected_at, "collected_at")?;
    rakt::decide_expiry(&product.get().0, collected_at, policy_or_default(policy))
        .map(PyExpiryDecision)
        .or_raise()
}

/// Decide a compatibility as `compatibility` does (same verdict, rank and reason codes), without
/// the reasons' facts and sources.
#[pyfunction]
#[pyo3(signature = (component, donor, recipient, policy = None))]
fn decide_compatibility(
    component: &Bound<'_, PyAny>,
    donor: &Bound<'_, PyAny>,
    recipient: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyCompatibilityDecision> {
    let component = PyComponent::extract_arg(component, "component")?;
    let donor = PyBloodGroup::extract_arg(donor, "donor")?;
    let recipient = PyRecipient::extract_arg(recipient, "recipient")?;
    Ok(PyCompatibilityDecision(rakt::decide_compatibility(
        component,
        &donor,
        &recipient,
        policy_or_default(policy),
    )))
}

/// Decide an ANC record as `assess_pregnancy` does (same values, same errors), without
/// building the explanation.
#[pyfunction]
#[pyo3(signature = (record, as_of, policy = None))]
fn decide_pregnancy(
    record: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyPregnancyDecision> {
    let record = record_arg(record)?;
    let as_of = to_date(as_of, "as_of")?;
    core::decide_pregnancy(&record, as_of, policy_or_default(policy))
        .map(PyPregnancyDecision)
        .or_raise()
}

/// Decide the early-warning chart as `early_warning` does (same values, same errors), without
/// writing each sign's text.
#[pyfunction]
#[pyo3(signature = (vitals, policy = None))]
fn decide_early_warning(
    vitals: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyWarningDecision> {
    let v = PyVitals::extract_arg(vitals)?;
    core::decide_early_warning(&v, policy_or_default(policy))
        .map(PyWarningDecision)
        .or_raise()
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPregnancyDecision>()?;
    m.add_class::<PyWarningDecision>()?;
    m.add_class::<PyCompatibilityDecision>()?;
    m.add_class::<PyExpiryDecision>()?;
    m.add_function(wrap_pyfunction!(decide_expiry, m)?)?;
    m.add_function(wrap_pyfunction!(decide_compatibility, m)?)?;
    m.add_function(wrap_pyfunction!(decide_pregnancy, m)?)?;
    m.add_function(wrap_pyfunction!(decide_early_warning, m)?)?;
    Ok(())
}
