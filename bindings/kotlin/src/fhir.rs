//! HL7 FHIR R5 `BiologicallyDerivedProduct`: a unit to JSON text and back. Kotlin:
//! `unitToBiologicallyDerivedProduct`, `unitFromBiologicallyDerivedProduct`.

use std::sync::Arc;

use crate::error::Result;
use crate::policy::{Policy, resolve};
use crate::time::Timestamp;
use crate::units::BloodUnit;

fn table(text: Option<String>) -> Result<Option<rakt::isbt128::ProductTable>> {
    Ok(text
        .as_deref()
        .map(rakt::fhir::product_table_from_text)
        .transpose()?)
}

/// The unit as an R5 BiologicallyDerivedProduct (JSON text) at `asOf`. `productTable` is an
/// ISBT 128 product table as TOML or JSON text (with it the ICCBBA code and MPHO unique
/// identifier are written); `policy` gives the storage ranges (`null`: `india`).
#[uniffi::export(default(product_table = None, policy = None))]
pub fn unit_to_biologically_derived_product(
    unit: Arc<BloodUnit>,
    as_of: Timestamp,
    product_table: Option<String>,
    policy: Option<Arc<Policy>>,
) -> Result<String> {
    let as_of = as_of.parse("asOf")?;
    let table = table(product_table)?;
    let value = rakt::fhir::to_biologically_derived_product(
        unit.core(),
        table.as_ref(),
        as_of,
        resolve(&policy),
    )?;
    Ok(value.to_string())
}

/// A unit read from an R5 BiologicallyDerivedProduct (JSON text); the events the import
/// records are at `asOf` by `fhir-import`. Malformed input: `RaktException.InvalidInput` whose
/// `field` is the JSON path; valid FHIR rakt cannot represent: `RaktException.NotApplicable`
/// with code `FHIR_UNREPRESENTABLE`.
#[uniffi::export(default(product_table = None, policy = None))]
pub fn unit_from_biologically_derived_product(
    json: String,
    as_of: Timestamp,
    product_table: Option<String>,
    policy: Option<Arc<Policy>>,
) -> Result<Arc<BloodUnit>> {
    let as_of = as_of.parse("asOf")?;
    let table = table(product_table)?;
    let unit = rakt::fhir::from_biologically_derived_product_json(
        &json,
        table.as_ref(),
        as_of,
        resolve(&policy),
    )?;
    Ok(BloodUnit::wrap(unit))
}
