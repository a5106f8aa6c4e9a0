//! Value classes for the inputs: `BloodGroup`, `Recipient`, `Product`.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyType};

use crate::convert::{as_str, from_json, py_repr_str, to_json, to_u32};
use crate::enums::{
    PyASubgroup, PyAbo, PyComponent, PyModification, PyPlateletSource, PyPreservative, PyRhD, PySex,
};
use crate::errors::OrRaise;

/// A blood group: ABO (or Bombay), RhD when known, and optional phenotype details (A1/A2
/// subgroup, weak D).
#[pyclass(module = "rakt", name = "BloodGroup", frozen, eq, hash, from_py_object)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PyBloodGroup(pub rakt::BloodGroup);

impl PyBloodGroup {
    /// A `BloodGroup`, or a `str` parsed with `BloodGroup.parse`.
    pub(crate) fn extract_arg(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<rakt::BloodGroup> {
        if let Ok(g) = obj.cast::<PyBloodGroup>() {
            return Ok(g.get().0);
        }
        if let Some(text) = as_str(obj)? {
            return rakt::BloodGroup::parse(&text).or_raise();
        }
        Err(PyTypeError::new_err(format!(
            "{field} must be a rakt.BloodGroup or a str such as 'O+', not {}",
            obj.get_type().name()?
        )))
    }
}

#[pymethods]
impl PyBloodGroup {
    /// `BloodGroup(abo, rhd=None, a_subgroup=None, weak_d=False)`; `BloodGroup("O+")` (a single
    /// `str`) is the same as `BloodGroup.parse("O+")`.
    #[new]
    #[pyo3(signature = (abo, rhd=None, a_subgroup=None, weak_d=false))]
    fn new(
        abo: &Bound<'_, PyAny>,
        rhd: Option<&Bound<'_, PyAny>>,
        a_subgroup: Option<&Bound<'_, PyAny>>,
        weak_d: bool,
    ) -> PyResult<Self> {
        let rhd = PyRhD::extract_opt(rhd, "rhd")?;
        let a_subgroup = PyASubgroup::extract_opt(a_subgroup, "a_subgroup")?;
        if let Some(text) = as_str(abo)?
            && rhd.is_none()
            && a_subgroup.is_none()
            && !weak_d
        {
            return rakt::BloodGroup::parse(&text).map(PyBloodGroup).or_raise();
        }
        let abo = PyAbo::extract_arg(abo, "abo")?;
        let mut group = match rhd {
            Some(rhd) => rakt::BloodGroup::new(abo, rhd),
            None => rakt::BloodGroup::rhd_unknown(abo),
        };
        if let Some(sub) = a_subgroup {
            group = group.with_a_subgroup(sub).or_raise()?;
        }
        Ok(PyBloodGroup(group.with_weak_d(weak_d)))
    }

    /// Parse a blood group as written in real records (`O+`, `o neg`, `AB-Ve`, `Bombay`, ...).
    #[staticmethod]
    fn parse(text: &str) -> PyResult<Self> {
        rakt::BloodGroup::parse(text).map(PyBloodGroup).or_raise()
    }

    /// The ten fully specified groups, in canonical order: O-, O+, A-, A+, B-, B+, AB-, AB+,
    /// Oh-, Oh+.
    #[staticmethod]
    fn standard() -> Vec<PyBloodGroup> {
        rakt::BloodGroup::STANDARD.map(PyBloodGroup).to_vec()
    }

    /// The ABO group (or Bombay).
    #[getter]
    fn abo(&self) -> PyAbo {
        self.0.abo().into()
    }

    /// The RhD type, `None` when not determined.
    #[getter]
    fn rhd(&self) -> Option<PyRhD> {
        self.0.rhd().map(Into::into)
    }

    /// The A subgroup, when recorded.
    #[getter]
    fn a_subgroup(&self) -> Option<PyASubgroup> {
        self.0.a_subgroup().map(Into::into)
    }

    /// Whether a serological weak D was recorded.
    #[getter]
    fn weak_d(&self) -> bool {
        self.0.weak_d()
    }

    /// Full notation including phenotype details: `A2B+`, `O+ weak D`, `Oh`.
    #[getter]
    fn notation(&self) -> String {
        self.0.notation()
    }

    /// The basic group without phenotype details (subgroup, weak D).
    fn basic(&self) -> Self {
        PyBloodGroup(self.0.basic())
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    pub(crate) fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "BloodGroup({})",
            py_repr_str(py, &self.0.notation())?
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
        let args = PyTuple::new(slf.py(), [slf.get().0.notation()])?;
        Ok((slf.as_any().get_type(), args))
    }
}

/// The patient who will receive the unit.
#[pyclass(module = "rakt", name = "Recipient", frozen, eq, hash, from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyRecipient(pub rakt::Recipient);

impl PyRecipient {
    /// A `Recipient`, or a `BloodGroup` / `str` taken as a recipient of that group (sex and age
    /// unknown).
    pub(crate) fn extract_arg(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<rakt::Recipient> {
        if let Ok(r) = obj.cast::<PyRecipient>() {
            return Ok(r.get().0.clone());
        }
        if obj.cast::<PyBloodGroup>().is_ok() || obj.cast::<pyo3::types::PyString>().is_ok() {
            return PyBloodGroup::extract_arg(obj, field).map(rakt::Recipient::new);
        }
        Err(PyTypeError::new_err(format!(
            "{field} must be a rakt.Recipient, a rakt.BloodGroup or a str such as 'O+', not {}",
            obj.get_type().name()?
        )))
    }
}

#[pymethods]
impl PyRecipient {
    /// `Recipient(group=None, sex=None, age_years=None, anti_d=False,
    /// chronically_transfused=False)`. `group=None` means not yet known (emergency release).
    #[new]
    #[pyo3(signature = (group=None, sex=None, age_years=None, anti_d=false, chronically_transfused=false))]
    fn new(
        group: Option<&Bound<'_, PyAny>>,
        sex: Option<&Bound<'_, PyAny>>,
        age_years: Option<&Bound<'_, PyAny>>,
        anti_d: bool,
        chronically_transfused: bool,
    ) -> PyResult<Self> {
        let group = match group {
            Some(g) if !g.is_none() => Some(PyBloodGroup::extract_arg(g, "group")?),
            _ => None,
        };
        let sex = PySex::extract_opt(sex, "sex")?;
        let age_years = match age_years {
            Some(age) if !age.is_none() => Some(to_u32(age, "age_years")?),
            _ => None,
        };
        Ok(PyRecipient(rakt::Recipient {
            group,
            sex,
            age_years,
            anti_d,
            chronically_transfused,
        }))
    }

    /// The recipient's group; `None` when not yet known.
    #[getter]
    fn group(&self) -> Option<PyBloodGroup> {
        self.0.group.map(PyBloodGroup)
    }

    /// Sex, when known.
    #[getter]
    fn sex(&self) -> Option<PySex> {
        self.0.sex.map(Into::into)
    }

    /// Age in completed years, when known.
    #[getter]
    fn age_years(&self) -> Option<u32> {
        self.0.age_years
    }

    /// Known anti-D, even if no longer detectable.
    #[getter]
    fn anti_d(&self) -> bool {
        self.0.anti_d
    }

    /// Likely to need repeated (chronic) transfusion.
    #[getter]
    fn chronically_transfused(&self) -> bool {
        self.0.chronically_transfused
    }

    /// The recipient as JSON (the core's field names).
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.0)
    }

    /// A recipient from JSON written by `to_json`.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        from_json(text).map(PyRecipient)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let group = match self.0.group {
            Some(g) => PyBloodGroup(g).__repr__(py)?,
            None => "None".to_string(),
        };
        let sex = match self.sex() {
            Some(s) => s.repr_name(),
            None => "None".to_string(),
        };
        let age = self
            .0
            .age_years
            .map_or_else(|| "None".to_string(), |a| a.to_string());
        let py_bool = |b: bool| if b { "True" } else { "False" };
        Ok(format!(
            "Recipient(group={group}, sex={sex}, age_years={age}, anti_d={}, chronically_transfused={})",
            py_bool(self.0.anti_d),
            py_bool(self.0.chronically_transfused)
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let r = &slf.get().0;
        let args = (
            r.group.map(|g| g.notation()),
            r.sex.map(PySex::from),
            r.age_years,
            r.anti_d,
            r.chronically_transfused,
        )
            .into_pyobject(py)?;
        Ok((slf.as_any().get_type(), args))
    }
}

/// A component as made: preservative or platelet source where they matter, and
/// modifications.
#[pyclass(module = "rakt", name = "Product", frozen, eq, hash, from_py_object)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyProduct(pub rakt::Product);

#[pymethods]
impl PyProduct {
    /// `Product(component, preservative=None, platelet_source=None, modifications=())`,
    /// validated by the core (red cells need a preservative, platelets their source, ...).
    #[new]
    #[pyo3(
        signature = (component, preservative=None, platelet_source=None, modifications=None),
        text_signature = "(component, preservative=None, platelet_source=None, modifications=())"
    )]
    fn new(
        component: &Bound<'_, PyAny>,
        preservative: Option<&Bound<'_, PyAny>>,
        platelet_source: Option<&Bound<'_, PyAny>>,
        modifications: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let component = PyComponent::extract_arg(component, "component")?;
        let preservative = PyPreservative::extract_opt(preservative, "preservative")?;
        let platelet_source = PyPlateletSource::extract_opt(platelet_source, "platelet_source")?;
        let mut mods = Vec::new();
        if let Some(items) = modifications.filter(|m| !m.is_none()) {
            if items.cast::<pyo3::types::PyString>().is_ok() {
                return Err(PyTypeError::new_err(
                    "modifications must be an iterable of rakt.Modification or codes, not a str",
                ));
            }
            for item in items.try_iter()? {
                mods.push(PyModification::extract_arg(&item?, "modifications")?);
            }
        }
        rakt::Product::new(component, preservative, platelet_source)
            .map(|p| PyProduct(p.with_modifications(mods)))
            .or_raise()
    }

    /// The component.
    #[getter]
    fn component(&self) -> PyComponent {
        self.0.component().into()
    }

    /// The preservative (whole blood and red cells only).
    #[getter]
    fn preservative(&self) -> Option<PyPreservative> {
        self.0.preservative().map(Into::into)
    }

    /// The platelet source (platelets only).
    #[getter]
    fn platelet_source(&self) -> Option<PyPlateletSource> {
        self.0.platelet_source().map(Into::into)
    }

    /// The modifications made, in canonical order.
    #[getter]
    fn modifications(&self) -> Vec<PyModification> {
        self.0
            .modifications()
            .iter()
            .map(|m| PyModification::from(*m))
            .collect()
    }

    /// Whether a modification has been made.
    fn has(&self, modification: &Bound<'_, PyAny>) -> PyResult<bool> {
        let m = PyModification::extract_arg(modification, "modification")?;
        Ok(self.0.has(m))
    }

    /// The product as JSON (the core's field names).
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.0)
    }

    /// A product from JSON written by `to_json` (validated like the constructor).
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        from_json(text).map(PyProduct)
    }

    pub(crate) fn __repr__(&self) -> String {
        let mut out = format!(
            "Product({}",
            PyComponent::from(self.0.component()).repr_name()
        );
        if let Some(p) = self.0.preservative() {
            out.push_str(&format!(
                ", preservative={}",
                PyPreservative::from(p).repr_name()
            ));
        }
        if let Some(s) = self.0.platelet_source() {
            out.push_str(&format!(
                ", platelet_source={}",
                PyPlateletSource::from(s).repr_name()
            ));
        }
        if !self.0.modifications().is_empty() {
            let mods: Vec<String> = self
                .0
                .modifications()
                .iter()
                .map(|m| PyModification::from(*m).repr_name())
                .collect();
            out.push_str(&format!(", modifications=[{}]", mods.join(", ")));
        }
        out.push(')');
        out
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let p = &slf.get().0;
        let args = (
            PyComponent::from(p.component()),
            p.preservative().map(PyPreservative::from),
            p.platelet_source().map(PyPlateletSource::from),
            slf.get().modifications(),
        )
            .into_pyobject(py)?;
        Ok((slf.as_any().get_type(), args))
    }
}

/// Add the classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyBloodGroup>()?;
    m.add_class::<PyRecipient>()?;
    m.add_class::<PyProduct>()?;
    Ok(())
}
