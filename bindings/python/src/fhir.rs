//! HL7 FHIR R5 `BiologicallyDerivedProduct` (`rakt.fhir`): a unit to JSON text and back. The
//! public module `rakt.fhir` takes and returns dicts (or JSON text) around these.

use pyo3::prelude::*;

use crate::convert::to_datetime;
use crate::errors::{OrRaise, invalid_input};
use crate::policy::{PyPolicy, policy_or_default};
use crate::unit::PyBloodUnit;

fn table(text: Option<&str>) -> PyResult<Option<rakt::isbt128::ProductTable>> {
    text.map(rakt::fhir::product_table_from_text)
        .transpose()
        .or_raise()
}

/// The unit as an R5 BiologicallyDerivedProduct, as JSON text.
#[pyfunction]
#[pyo3(name = "fhir_to_biologically_derived_product")]
#[pyo3(signature = (unit, as_of, product_table = None, policy = None))]
fn to_bdp(
    unit: &Bound<'_, PyBloodUnit>,
    as_of: &Bound<'_, PyAny>,
    product_table: Option<&str>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<String> {
    let as_of = to_datetime(as_of, "as_of")?;
    let table = table(product_table)?;
    let value = rakt::fhir::to_biologically_derived_product(
        &unit.get().0,
        table.as_ref(),
        as_of,
        policy_or_default(policy),
    )
    .or_raise()?;
    Ok(value.to_string())
}

/// A unit read from an R5 BiologicallyDerivedProduct given as JSON text or as a dict. A dict
/// that is not JSON (a NaN or infinite number, a value JSON has no form for) is refused with
/// `InvalidInput` (field `resource`).
#[pyfunction]
#[pyo3(name = "fhir_from_biologically_derived_product")]
#[pyo3(signature = (resource, as_of, product_table = None, policy = None))]
fn from_bdp(
    resource: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    product_table: Option<&str>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyBloodUnit> {
    let text: String = match resource.extract::<String>() {
        Ok(text) => text,
        Err(_) => {
            let py = resource.py();
            let kwargs = pyo3::types::PyDict::new(py);
            kwargs.set_item("allow_nan", false)?;
            py.import("json")?
                .getattr("dumps")?
                .call((resource,), Some(&kwargs))
                .and_then(|t| t.extract::<String>())
                .map_err(|e| {
                    invalid_input(
                        "resource",
                        format!("is not a JSON document: {}", e.value(py)),
                    )
                })?
        }
    };
    let as_of = to_datetime(as_of, "as_of")?;
    let table = table(product_table)?;
    rakt::fhir::from_biologically_derived_product_json(
        &text,
        table.as_ref(),
        as_of,
        policy_or_default(policy),
    )
    .map(PyBloodUnit)
    .or_raise()
}

/// Adds the FHIR functions to the native module (prefixed `fhir_`).
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(to_bdp, m)?)?;
    m.add_function(wrap_pyfunction!(from_bdp, m)?)?;
    Ok(())
}
