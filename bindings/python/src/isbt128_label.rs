//! ISBT 128 scans and labels for `rakt.isbt128`: `ProductTable`, `Scanned` (`parse_scan`) and
//! `Label` (a label's structures to a rakt `BloodUnit` and back).

use pyo3::prelude::*;

use crate::enums::PyDonationType;
use pyo3::types::{PyDict, PyType};

use rakt::isbt128::{self as isbt, DataStructure};

use crate::convert::{to_datetime, to_u32};
use crate::errors::OrRaise;
use crate::isbt128::PyDin;
use crate::isbt128_codes::{PyBloodGroupCode, PyIsbtDate, PyProductCode};
use crate::policy::{PyPolicy, policy_or_default};
use crate::unit::PyBloodUnit;
use crate::values::PyProduct;

/// A user-supplied table from ISBT 128 product description codes to rakt products (ICCBBA's
/// database is licensed and not bundled).
#[pyclass(module = "rakt.isbt128", name = "ProductTable", frozen)]
#[derive(Debug, Clone)]
pub struct PyProductTable(pub isbt::ProductTable);

#[pymethods]
impl PyProductTable {
    /// A table from TOML: an array `[[product]]` of `code`, `product` and `description`.
    #[classmethod]
    fn from_toml(_cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        isbt::ProductTable::from_toml(text)
            .map(PyProductTable)
            .or_raise()
    }

    /// A table from JSON: `{"product": [{"code": ..., "product": {...}, "description": ...}]}`.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        isbt::ProductTable::from_json(text)
            .map(PyProductTable)
            .or_raise()
    }

    /// The product of a code; a code not in the table raises `InvalidCode`.
    fn product(&self, code: &str) -> PyResult<PyProduct> {
        self.0.product(code).cloned().map(PyProduct).or_raise()
    }

    /// The description of a code, if the table gives one; a code not in the table raises
    /// `InvalidCode`.
    fn description(&self, code: &str) -> PyResult<Option<String>> {
        self.0.entry(code).map(|e| e.description.clone()).or_raise()
    }

    /// The first code (in code order) whose product is exactly `product`, or None.
    fn code_for(&self, product: &Bound<'_, PyProduct>) -> Option<String> {
        self.0.code_for(&product.get().0).map(str::to_string)
    }

    /// The codes, in order.
    #[getter]
    fn codes(&self) -> Vec<String> {
        self.0.entries().map(|e| e.code.clone()).collect()
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __repr__(&self) -> String {
        format!("ProductTable(<{} codes>)", self.0.len())
    }
}

/// One data structure read from a scan, with the 1-based position of its first character.
#[pyclass(module = "rakt.isbt128", name = "Scanned", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyScanned(pub isbt::Scanned);

#[pymethods]
impl PyScanned {
    /// 1-based position of the structure's first character in the scan.
    #[getter]
    fn offset(&self) -> usize {
        self.0.offset
    }

    /// `din`, `blood_group`, `product`, `date`, `compound_message`, `expiration_month`,
    /// `flexible_date`, `sec` or `other`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.structure.kind()
    }

    /// The structure's number in ST-001 Table 2 (`001`-`040`); None for a nationally defined
    /// structure.
    #[getter]
    fn number(&self) -> Option<&'static str> {
        self.0.structure.number()
    }

    /// The structure's name in ST-001 Table 2, lower case.
    #[getter]
    fn name(&self) -> &'static str {
        self.0.structure.name()
    }

    /// Whether ICCBBA has retired the structure (it is still read).
    #[getter]
    fn retired(&self) -> bool {
        self.0.structure.retired()
    }

    /// The structure's elements by name as text, in order (see the Rust
    /// `DataStructure::fields`); a nationally defined structure has none.
    #[getter]
    fn fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for (k, v) in self.0.structure.fields() {
            out.set_item(k, v)?;
        }
        Ok(out)
    }

    /// The structure's text with its data identifier.
    #[getter]
    fn encoded(&self) -> String {
        self.0.structure.encode()
    }

    /// The DIN, for `din`.
    #[getter]
    fn din(&self) -> Option<PyDin> {
        match &self.0.structure {
            DataStructure::Din(d) => Some(PyDin(d.clone())),
            _ => None,
        }
    }

    /// The blood group, for `blood_group`.
    #[getter]
    fn blood_group(&self) -> Option<PyBloodGroupCode> {
        match &self.0.structure {
            DataStructure::BloodGroup(g) => Some(PyBloodGroupCode(*g)),
            _ => None,
        }
    }

    /// The product code, for `product`.
    #[getter]
    fn product(&self) -> Option<PyProductCode> {
        match &self.0.structure {
            DataStructure::Product(p) => Some(PyProductCode(p.clone())),
            _ => None,
        }
    }

    /// The date, for `date`.
    #[getter]
    fn date(&self) -> Option<PyIsbtDate> {
        match &self.0.structure {
            DataStructure::Date(d) => Some(PyIsbtDate(*d)),
            _ => None,
        }
    }

    /// The data identifier (two or three characters), for `other`.
    #[getter]
    fn identifier(&self) -> Option<&str> {
        match &self.0.structure {
            DataStructure::Other { identifier, .. } => Some(identifier),
            _ => None,
        }
    }

    /// The data after the identifier, for `other`.
    #[getter]
    fn data(&self) -> Option<&str> {
        match &self.0.structure {
            DataStructure::Other { data, .. } => Some(data),
            _ => None,
        }
    }

    fn __repr__(&self) -> String {
        format!(
            "Scanned(offset={}, number={}, kind='{}', encoded='{}')",
            self.0.offset,
            self.0
                .structure
                .number()
                .map_or("None".into(), |n| format!("'{n}'")),
            self.0.structure.kind(),
            self.0.structure.encode()
        )
    }
}

/// Splits a scan into its data structures and decodes each one.
#[pyfunction]
#[pyo3(name = "isbt128_parse_scan")]
fn parse_scan(text: &str) -> PyResult<Vec<PyScanned>> {
    isbt::parse_scan(text)
        .map(|items| items.into_iter().map(PyScanned).collect())
        .or_raise()
}

/// The data structures of a blood-component label: DIN, blood group, product code, expiry and,
/// when printed, the collection date.
#[pyclass(module = "rakt.isbt128", name = "Label", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyLabel(pub isbt::Label);

#[pymethods]
impl PyLabel {
    /// Reads a label from a scan of its structures in any order.
    #[staticmethod]
    fn from_scan(text: &str) -> PyResult<PyLabel> {
        isbt::Label::from_scan(text).map(PyLabel).or_raise()
    }

    /// The label of a unit, its product's code taken from `table`.
    #[staticmethod]
    fn from_unit(
        unit: &Bound<'_, PyBloodUnit>,
        table: &Bound<'_, PyProductTable>,
    ) -> PyResult<PyLabel> {
        isbt::Label::from_unit(&unit.get().0, &table.get().0)
            .map(PyLabel)
            .or_raise()
    }

    /// The donation identification number.
    #[getter]
    fn din(&self) -> PyDin {
        PyDin(self.0.din.clone())
    }

    /// The blood group.
    #[getter]
    fn blood_group(&self) -> PyBloodGroupCode {
        PyBloodGroupCode(self.0.blood_group)
    }

    /// The product code.
    #[getter]
    fn product(&self) -> PyProductCode {
        PyProductCode(self.0.product.clone())
    }

    /// The expiration date (and time).
    #[getter]
    fn expiry(&self) -> PyIsbtDate {
        PyIsbtDate(self.0.expiry)
    }

    /// The collection date (and time), when printed.
    #[getter]
    fn collection(&self) -> Option<PyIsbtDate> {
        self.0.collection.map(PyIsbtDate)
    }

    /// The structures one after another: DIN, blood group, product code, expiry, collection.
    fn encode(&self) -> String {
        self.0.encode()
    }

    /// The rakt unit this label describes, newly collected. `offset` is the labelling
    /// facility's `datetime.timezone`; `collected_at` is needed when the label has no
    /// collection date; `donation_type` only when the label does not say (a local or national
    /// product code with a blood group in the default column).
    #[pyo3(signature = (
        table, *, offset, volume_ml, actor, collected_at=None, donor_id=None,
        first_donation=false, policy=None, donation_type=None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn to_unit(
        &self,
        table: &Bound<'_, PyProductTable>,
        offset: chrono::FixedOffset,
        volume_ml: &Bound<'_, PyAny>,
        actor: &str,
        collected_at: Option<&Bound<'_, PyAny>>,
        donor_id: Option<String>,
        first_donation: bool,
        policy: Option<&Bound<'_, PyPolicy>>,
        donation_type: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyBloodUnit> {
        let donation_type = donation_type
            .filter(|d| !d.is_none())
            .map(|d| PyDonationType::extract_arg(d, "donation_type"))
            .transpose()?;
        let details = isbt::LabelDetails {
            offset,
            volume_ml: to_u32(volume_ml, "volume_ml")?,
            collected_at: collected_at
                .filter(|c| !c.is_none())
                .map(|c| to_datetime(c, "collected_at"))
                .transpose()?,
            donor_id,
            first_donation,
            donation_type,
        };
        self.0
            .to_unit(&table.get().0, &details, actor, policy_or_default(policy))
            .map(PyBloodUnit)
            .or_raise()
    }

    fn __str__(&self) -> String {
        self.0.encode()
    }

    fn __repr__(&self) -> String {
        format!("Label('{}')", self.0.encode())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_scan = slf.get_type().getattr("from_scan")?;
        Ok((from_scan, (slf.get().0.encode(),)))
    }
}

/// Adds the classes and functions of this file to the native module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyProductTable>()?;
    m.add_class::<PyScanned>()?;
    m.add_class::<PyLabel>()?;
    m.add_function(wrap_pyfunction!(parse_scan, m)?)?;
    Ok(())
}
