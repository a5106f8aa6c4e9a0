//! Blood-bank KPIs (`rakt.kpi`): the report of `kpis(units, period_from, period_to, policy)`.
//! The public module `rakt.kpi` re-exports these under their plain names. Codes (`ct_ratio`,
//! `at_most`, discard reasons) are plain `str`; values and targets are `Decimal`.

use pyo3::prelude::*;
use rust_decimal::Decimal;

use crate::convert::{items, py_repr_str, to_datetime, wrong_item};
use crate::enums::PyComponent;
use crate::errors::OrRaise;
use crate::json_class::json_class;
use crate::policy::{PyPolicy, PySource, policy_or_default};
use crate::unit::PyBloodUnit;

use rakt::kpi as core;

/// A target from the policy.
#[pyclass(module = "rakt.kpi", name = "KpiTarget", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyKpiTarget(pub core::KpiTarget);

json_class!(PyKpiTarget {
    /// `at_most` (a ceiling) or `at_least` (a floor), both inclusive.
    #[getter]
    fn comparison(&self) -> &'static str {
        self.0.comparison.as_str()
    }

    /// The target, in the KPI's unit (a ratio, or percent).
    #[getter]
    fn value(&self) -> Decimal {
        self.0.value
    }

    /// The policy parameter, e.g. `kpi.ct_ratio_max`.
    #[getter]
    fn path(&self) -> String {
        self.0.path.clone()
    }

    /// Its source in the policy.
    #[getter]
    fn source(&self) -> Option<PySource> {
        self.0.source.clone().map(PySource)
    }

    fn __repr__(&self) -> String {
        format!(
            "KpiTarget(comparison='{}', value=Decimal('{}'), path='{}')",
            self.0.comparison, self.0.value, self.0.path
        )
    }
});

/// One indicator: its inputs, its value, the target and the verdict.
#[pyclass(module = "rakt.kpi", name = "Kpi", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyKpi(pub core::Kpi);

json_class!(PyKpi {
    /// `ct_ratio`, `transfusion_probability`, `transfusion_index`, `discard_rate`, `wapi` or
    /// `outdate_rate`.
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code.as_str()
    }

    /// The count above the line.
    #[getter]
    fn numerator(&self) -> u32 {
        self.0.numerator
    }

    /// The count below the line.
    #[getter]
    fn denominator(&self) -> u32 {
        self.0.denominator
    }

    /// The value rounded to 2 decimal places (half away from zero); None when the denominator
    /// is 0.
    #[getter]
    fn value(&self) -> Option<Decimal> {
        self.0.value
    }

    /// Why there is no value.
    #[getter]
    fn why(&self) -> Option<String> {
        self.0.why.clone()
    }

    /// The policy's target, if it has one.
    #[getter]
    fn target(&self) -> Option<PyKpiTarget> {
        self.0.target.clone().map(PyKpiTarget)
    }

    /// Whether the target is met (decided exactly); None without a value or a target.
    #[getter]
    fn met(&self) -> Option<bool> {
        self.0.met
    }

    fn __repr__(&self) -> String {
        let value = self
            .0
            .value
            .map_or("None".to_string(), |v| format!("Decimal('{v}')"));
        let met = self
            .0
            .met
            .map_or("None", |m| if m { "True" } else { "False" });
        format!(
            "Kpi(code='{}', numerator={}, denominator={}, value={value}, met={met})",
            self.0.code, self.0.numerator, self.0.denominator
        )
    }
});

/// The discard rate for one discard reason.
#[pyclass(module = "rakt.kpi", name = "ReasonRate", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyReasonRate(pub core::ReasonRate);

json_class!(PyReasonRate {
    /// The discard reason's code (`expired`, ..., `other`).
    #[getter]
    fn reason(&self) -> String {
        self.0.reason.clone()
    }

    /// Units discarded for this reason ÷ units collected or prepared × 100 (no target).
    #[getter]
    fn kpi(&self) -> PyKpi {
        PyKpi(self.0.kpi.clone())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "ReasonRate(reason={}, numerator={})",
            py_repr_str(py, &self.0.reason)?,
            self.0.kpi.numerator
        ))
    }
});

/// The six indicators of one facility or one component, and the discard rate by reason.
#[pyclass(module = "rakt.kpi", name = "KpiSet", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyKpiSet(pub core::KpiSet);

json_class!(PyKpiSet {
    /// Crossmatch-to-transfusion ratio.
    #[getter]
    fn ct_ratio(&self) -> PyKpi {
        PyKpi(self.0.ct_ratio.clone())
    }

    /// Transfusion probability (%T).
    #[getter]
    fn transfusion_probability(&self) -> PyKpi {
        PyKpi(self.0.transfusion_probability.clone())
    }

    /// Transfusion index (TI).
    #[getter]
    fn transfusion_index(&self) -> PyKpi {
        PyKpi(self.0.transfusion_index.clone())
    }

    /// Discard rate.
    #[getter]
    fn discard_rate(&self) -> PyKpi {
        PyKpi(self.0.discard_rate.clone())
    }

    /// Wastage as a percentage of issues.
    #[getter]
    fn wapi(&self) -> PyKpi {
        PyKpi(self.0.wapi.clone())
    }

    /// Outdate rate.
    #[getter]
    fn outdate_rate(&self) -> PyKpi {
        PyKpi(self.0.outdate_rate.clone())
    }

    /// The discard rate per discard reason, by reason code.
    #[getter]
    fn discard_reasons(&self) -> Vec<PyReasonRate> {
        self.0.discard_reasons.iter().cloned().map(PyReasonRate).collect()
    }

    /// The six indicators in a fixed order (ct_ratio, transfusion_probability,
    /// transfusion_index, discard_rate, wapi, outdate_rate).
    fn all(&self) -> Vec<PyKpi> {
        self.0.all().into_iter().cloned().map(PyKpi).collect()
    }

    /// One indicator by code; an unknown code raises InvalidInput.
    fn get(&self, code: &str) -> PyResult<PyKpi> {
        let code = core::KpiCode::parse(code).or_raise()?;
        Ok(PyKpi(self.0.get(code).clone()))
    }

    fn __repr__(&self) -> String {
        let v = |k: &core::Kpi| k.value.map_or("None".to_string(), |v| v.to_string());
        format!(
            "KpiSet(ct_ratio={}, transfusion_probability={}, transfusion_index={}, discard_rate={}, wapi={}, outdate_rate={})",
            v(&self.0.ct_ratio),
            v(&self.0.transfusion_probability),
            v(&self.0.transfusion_index),
            v(&self.0.discard_rate),
            v(&self.0.wapi),
            v(&self.0.outdate_rate)
        )
    }
});

/// The indicators of one component at one facility.
#[pyclass(module = "rakt.kpi", name = "ComponentKpis", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyComponentKpis(pub core::ComponentKpis);

json_class!(PyComponentKpis {
    /// The component.
    #[getter]
    fn component(&self) -> PyComponent {
        self.0.component.into()
    }

    /// Its indicators.
    #[getter]
    fn kpis(&self) -> PyKpiSet {
        PyKpiSet(self.0.kpis.clone())
    }

    fn __repr__(&self) -> String {
        format!(
            "ComponentKpis(component={})",
            PyComponent::from(self.0.component).repr_name()
        )
    }
});

/// A unit left out of the counts, and why.
#[pyclass(module = "rakt.kpi", name = "SkippedUnit", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PySkippedUnit(pub core::SkippedUnit);

json_class!(PySkippedUnit {
    /// The unit's id (`DIN` or `DIN/A0`).
    #[getter]
    fn unit(&self) -> String {
        self.0.unit.clone()
    }

    /// Stable code: `DUPLICATE_UNIT`.
    #[getter]
    fn code(&self) -> String {
        self.0.code.clone()
    }

    /// Human explanation.
    #[getter]
    fn reason(&self) -> String {
        self.0.reason.clone()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "SkippedUnit(unit={}, code={})",
            py_repr_str(py, &self.0.unit)?,
            py_repr_str(py, &self.0.code)?
        ))
    }
});

/// The indicators of one facility.
#[pyclass(module = "rakt.kpi", name = "FacilityKpis", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyFacilityKpis(pub core::FacilityKpis);

json_class!(PyFacilityKpis {
    /// The facility's identifier, as given.
    #[getter]
    fn facility(&self) -> String {
        self.0.facility.clone()
    }

    /// All components together.
    #[getter]
    fn kpis(&self) -> PyKpiSet {
        PyKpiSet(self.0.kpis.clone())
    }

    /// Per component with any counted event in the period.
    #[getter]
    fn components(&self) -> Vec<PyComponentKpis> {
        self.0.components.iter().cloned().map(PyComponentKpis).collect()
    }

    /// Units left out of the counts, in input order.
    #[getter]
    fn skipped(&self) -> Vec<PySkippedUnit> {
        self.0.skipped.iter().cloned().map(PySkippedUnit).collect()
    }

    /// The indicators of one component (a `Component` or its code), or None.
    fn component(&self, component: &Bound<'_, PyAny>) -> PyResult<Option<PyKpiSet>> {
        let c = PyComponent::extract_arg(component, "component")?;
        Ok(self.0.component(c).cloned().map(PyKpiSet))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "FacilityKpis(facility={}, components={}, skipped={})",
            py_repr_str(py, &self.0.facility)?,
            self.0.components.len(),
            self.0.skipped.len()
        ))
    }
});

/// The indicators of several facilities over one period.
#[pyclass(module = "rakt.kpi", name = "KpiReport", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyKpiReport(pub core::KpiReport);

json_class!(PyKpiReport {
    /// The first instant of the period (included).
    #[getter]
    fn period_from(&self) -> chrono::DateTime<chrono::FixedOffset> {
        self.0.period.from
    }

    /// The end of the period (excluded).
    #[getter]
    fn period_to(&self) -> chrono::DateTime<chrono::FixedOffset> {
        self.0.period.to
    }

    /// The name of the policy whose targets were used.
    #[getter]
    fn policy(&self) -> String {
        self.0.policy.clone()
    }

    /// Every facility named in the input, sorted by identifier.
    #[getter]
    fn facilities(&self) -> Vec<PyFacilityKpis> {
        self.0.facilities.iter().cloned().map(PyFacilityKpis).collect()
    }

    /// The indicators of one facility, or None.
    fn facility(&self, facility: &str) -> Option<PyFacilityKpis> {
        self.0.facility(facility).cloned().map(PyFacilityKpis)
    }

    fn __repr__(&self) -> String {
        format!(
            "KpiReport(period_from={}, period_to={}, policy='{}', facilities={})",
            self.0.period.from.to_rfc3339(),
            self.0.period.to.to_rfc3339(),
            self.0.policy,
            self.0.facilities.len()
        )
    }
});

/// The KPIs of each facility over `[period_from, period_to)`.
#[pyfunction]
#[pyo3(name = "kpis", signature = (units, period_from, period_to, policy=None))]
fn kpis(
    py: Python<'_>,
    units: &Bound<'_, PyAny>,
    period_from: &Bound<'_, PyAny>,
    period_to: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyKpiReport> {
    let field = "units";
    let pairs: Vec<(String, rakt::BloodUnit)> = items(Some(units), field, |item| {
        let wrong = || wrong_item(field, "(str, rakt.BloodUnit)", item);
        let (facility, unit): (Bound<'_, PyAny>, Bound<'_, PyAny>) =
            item.extract().map_err(|_| wrong())?;
        let facility: String = facility.extract().map_err(|_| wrong())?;
        let unit = unit.cast::<PyBloodUnit>().map_err(|_| wrong())?;
        Ok((facility, unit.get().0.clone()))
    })?;
    let from = to_datetime(period_from, "period_from")?;
    let to = to_datetime(period_to, "period_to")?;
    let policy = policy_or_default(policy);
    let report = py.detach(|| {
        let period = core::KpiPeriod::new(from, to)?;
        core::kpis(pairs.iter().map(|(f, u)| (f.as_str(), u)), &period, policy)
    });
    report.or_raise().map(PyKpiReport)
}

/// Adds the KPI names to the native module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyKpiTarget>()?;
    m.add_class::<PyKpi>()?;
    m.add_class::<PyReasonRate>()?;
    m.add_class::<PyKpiSet>()?;
    m.add_class::<PyComponentKpis>()?;
    m.add_class::<PySkippedUnit>()?;
    m.add_class::<PyFacilityKpis>()?;
    m.add_class::<PyKpiReport>()?;
    m.add_function(wrap_pyfunction!(kpis, m)?)?;
    Ok(())
}
