//! e-RaktKosh codes (`rakt.eraktkosh`): component and blood-group codes both ways and the stock
//! summary. The public module `rakt.eraktkosh` re-exports these under their plain names.

use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyTuple};

use crate::convert::{items, py_repr_str, to_datetime, wrong_item};
use crate::errors::OrRaise;
use crate::json_class::json_class;
use crate::unit::PyBloodUnit;
use crate::values::{PyBloodGroup, PyProduct};

use rakt::eraktkosh as core;

/// A Python `int` as the core's `i64`. Any int is accepted: one beyond 64 bits is an unknown
/// code like any other (`InvalidCode` quoting it), a non-int is a `TypeError`.
fn code_arg(obj: &Bound<'_, PyAny>, structure: &str) -> PyResult<i64> {
    if !obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "code must be an int, not {}",
            obj.get_type().name()?
        )));
    }
    match obj.extract::<i64>() {
        Ok(code) => Ok(code),
        Err(e) if e.is_instance_of::<PyOverflowError>(obj.py()) => {
            Err(rakt::RaktError::InvalidCode {
                structure: structure.to_string(),
                input: obj.str()?.to_string(),
                position: 1,
                reason: format!("not an {structure} (out of range)"),
            })
            .or_raise()
        }
        Err(e) => Err(e),
    }
}

/// An e-RaktKosh component code, e.g. 28 `Sagm Packed Red Blood Cells`.
#[pyclass(
    module = "rakt.eraktkosh",
    name = "EraktkoshComponent",
    frozen,
    eq,
    ord,
    hash,
    from_py_object
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PyEraktkoshComponent(pub core::EraktkoshComponent);

#[pymethods]
impl PyEraktkoshComponent {
    /// The e-RaktKosh code, e.g. 28.
    #[getter]
    fn code(&self) -> u32 {
        self.0.code()
    }

    /// The name exactly as e-RaktKosh writes it, e.g. `Sagm Packed Red Blood Cells`.
    #[getter]
    fn name(&self) -> &'static str {
        self.0.name()
    }

    /// A representative rakt product (CPDA-1 where an anticoagulant is needed); 16 (Platelet
    /// Rich Plasma) raises NotApplicable.
    fn product(&self) -> PyResult<PyProduct> {
        self.0.product().or_raise().map(PyProduct)
    }

    /// The most specific code for a product; granulocytes raise NotApplicable.
    #[classmethod]
    fn for_product(_cls: &Bound<'_, pyo3::types::PyType>, product: PyProduct) -> PyResult<Self> {
        core::EraktkoshComponent::for_product(&product.0)
            .or_raise()
            .map(PyEraktkoshComponent)
    }

    /// Every component, in code order.
    #[classmethod]
    fn members(_cls: &Bound<'_, pyo3::types::PyType>) -> Vec<Self> {
        core::EraktkoshComponent::ALL
            .into_iter()
            .map(PyEraktkoshComponent)
            .collect()
    }

    fn __int__(&self) -> u32 {
        self.0.code()
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("EraktkoshComponent({}, '{}')", self.0.code(), self.0.name())
    }

    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let from_code = py
            .import("rakt._rakt")?
            .getattr("eraktkosh_component_from_code")?;
        Ok((from_code, PyTuple::new(py, [self.0.code()])?))
    }
}

/// Available units of one blood group.
#[pyclass(module = "rakt.eraktkosh", name = "GroupCount", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyGroupCount(pub core::GroupCount);

json_class!(PyGroupCount {
    /// The e-RaktKosh blood-group code, e.g. 13.
    #[getter]
    fn code(&self) -> u32 {
        self.0.code
    }

    /// The label as the availability search writes it, e.g. `B+Ve`.
    #[getter]
    fn label(&self) -> String {
        self.0.label.clone()
    }

    /// How many units.
    #[getter]
    fn count(&self) -> u32 {
        self.0.count
    }

    fn __repr__(&self) -> String {
        format!(
            "GroupCount(code={}, label='{}', count={})",
            self.0.code, self.0.label, self.0.count
        )
    }
});

/// Available units of one component code at one centre.
#[pyclass(module = "rakt.eraktkosh", name = "ComponentStock", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyComponentStock(pub core::ComponentStock);

json_class!(PyComponentStock {
    /// The component.
    #[getter]
    fn component(&self) -> PyEraktkoshComponent {
        PyEraktkoshComponent(self.0.component)
    }

    /// The e-RaktKosh name of the component.
    #[getter]
    fn name(&self) -> String {
        self.0.name.clone()
    }

    /// Counts per blood group, by ascending group code.
    #[getter]
    fn groups(&self) -> Vec<PyGroupCount> {
        self.0.groups.iter().cloned().map(PyGroupCount).collect()
    }

    /// All available units of this component.
    #[getter]
    fn total(&self) -> u32 {
        self.0.total
    }

    /// The availability text, e.g. `B+Ve : 74, O-Ve : 4`.
    #[getter]
    fn availability(&self) -> String {
        self.0.availability.clone()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "ComponentStock(component={}, availability={})",
            self.0.component.code(),
            py_repr_str(py, &self.0.availability)?
        ))
    }
});

/// A unit left out of the counts although it may be stock, and why.
#[pyclass(module = "rakt.eraktkosh", name = "UncountedUnit", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyUncountedUnit(pub core::UncountedUnit);

json_class!(PyUncountedUnit {
    /// The unit's id (`DIN` or `DIN/A0`).
    #[getter]
    fn unit(&self) -> String {
        self.0.unit.clone()
    }

    /// Stable code: `ERAKTKOSH_NO_COMPONENT_CODE`, `ERAKTKOSH_NO_GROUP_CODE`,
    /// `EVENTS_AFTER_AS_OF` or `DUPLICATE_UNIT`.
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
            "UncountedUnit(unit={}, code={})",
            py_repr_str(py, &self.0.unit)?,
            py_repr_str(py, &self.0.code)?
        ))
    }
});

/// One blood centre's stock.
#[pyclass(module = "rakt.eraktkosh", name = "CentreStock", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyCentreStock(pub core::CentreStock);

json_class!(PyCentreStock {
    /// The blood centre's identifier, as given.
    #[getter]
    fn centre(&self) -> String {
        self.0.centre.clone()
    }

    /// Stock per component, by ascending component code.
    #[getter]
    fn components(&self) -> Vec<PyComponentStock> {
        self.0.components.iter().cloned().map(PyComponentStock).collect()
    }

    /// Units left out of the counts although they may be stock, in input order.
    #[getter]
    fn uncounted(&self) -> Vec<PyUncountedUnit> {
        self.0.uncounted.iter().cloned().map(PyUncountedUnit).collect()
    }

    /// The stock of one component, or None.
    fn component(&self, component: PyEraktkoshComponent) -> Option<PyComponentStock> {
        self.0.component(component.0).cloned().map(PyComponentStock)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "CentreStock(centre={}, components={}, uncounted={})",
            py_repr_str(py, &self.0.centre)?,
            self.0.components.len(),
            self.0.uncounted.len()
        ))
    }
});

/// Stock of several blood centres at one time, as the e-RaktKosh availability search shows it.
#[pyclass(module = "rakt.eraktkosh", name = "StockSummary", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyStockSummary(pub core::StockSummary);

json_class!(PyStockSummary {
    /// The time the stock is counted at.
    #[getter]
    fn as_of(&self) -> chrono::DateTime<chrono::FixedOffset> {
        self.0.as_of
    }

    /// Every centre named in the input, sorted by identifier.
    #[getter]
    fn centres(&self) -> Vec<PyCentreStock> {
        self.0.centres.iter().cloned().map(PyCentreStock).collect()
    }

    /// The stock of one centre, or None.
    fn centre(&self, centre: &str) -> Option<PyCentreStock> {
        self.0.centre(centre).cloned().map(PyCentreStock)
    }

    fn __repr__(&self) -> String {
        format!(
            "StockSummary(as_of={}, centres={})",
            self.0.as_of.to_rfc3339(),
            self.0.centres.len()
        )
    }
});

/// The component with an e-RaktKosh component code; an unknown code raises InvalidCode.
#[pyfunction]
#[pyo3(name = "eraktkosh_component_from_code")]
fn component_from_code(code: &Bound<'_, PyAny>) -> PyResult<PyEraktkoshComponent> {
    let code = code_arg(code, core::COMPONENT_CODE)?;
    core::component_from_code(code)
        .or_raise()
        .map(PyEraktkoshComponent)
}

/// The blood group with an e-RaktKosh blood-group code; an unknown code raises InvalidCode.
#[pyfunction]
#[pyo3(name = "eraktkosh_blood_group_from_code")]
fn blood_group_from_code(code: &Bound<'_, PyAny>) -> PyResult<PyBloodGroup> {
    let code = code_arg(code, core::BLOOD_GROUP_CODE)?;
    core::blood_group_from_code(code)
        .or_raise()
        .map(PyBloodGroup)
}

/// The e-RaktKosh code of a donor unit's blood group (a `BloodGroup` or a str).
#[pyfunction]
#[pyo3(name = "eraktkosh_blood_group_to_code")]
fn blood_group_to_code(group: &Bound<'_, PyAny>) -> PyResult<u32> {
    let group = PyBloodGroup::extract_arg(group, "group")?;
    core::blood_group_to_code(&group).or_raise()
}

/// The label of a blood-group code as the availability search writes it (`B+Ve`).
#[pyfunction]
#[pyo3(name = "eraktkosh_blood_group_label")]
fn blood_group_label(code: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    let code = code_arg(code, core::BLOOD_GROUP_CODE)?;
    core::blood_group_label(code).or_raise()
}

/// Counts the units available at `as_of` per centre, component code and blood-group code.
#[pyfunction]
#[pyo3(name = "eraktkosh_stock_summary")]
fn stock_summary(
    py: Python<'_>,
    units: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
) -> PyResult<PyStockSummary> {
    let field = "units";
    let pairs: Vec<(String, rakt::BloodUnit)> = items(Some(units), field, |item| {
        let wrong = || wrong_item(field, "(str, rakt.BloodUnit)", item);
        let (centre, unit): (Bound<'_, PyAny>, Bound<'_, PyAny>) =
            item.extract().map_err(|_| wrong())?;
        let centre: String = centre.extract().map_err(|_| wrong())?;
        let unit = unit.cast::<PyBloodUnit>().map_err(|_| wrong())?;
        Ok((centre, unit.get().0.clone()))
    })?;
    let as_of = to_datetime(as_of, "as_of")?;
    let summary =
        py.detach(|| core::stock_summary(pairs.iter().map(|(c, u)| (c.as_str(), u)), as_of));
    summary.or_raise().map(PyStockSummary)
}

/// Adds the e-RaktKosh names to the native module (functions prefixed `eraktkosh_`).
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyEraktkoshComponent>()?;
    m.add_class::<PyGroupCount>()?;
    m.add_class::<PyComponentStock>()?;
    m.add_class::<PyUncountedUnit>()?;
    m.add_class::<PyCentreStock>()?;
    m.add_class::<PyStockSummary>()?;
    m.add_function(wrap_pyfunction!(component_from_code, m)?)?;
    m.add_function(wrap_pyfunction!(blood_group_from_code, m)?)?;
    m.add_function(wrap_pyfunction!(blood_group_to_code, m)?)?;
    m.add_function(wrap_pyfunction!(blood_group_label, m)?)?;
    m.add_function(wrap_pyfunction!(stock_summary, m)?)?;
    Ok(())
}
