//! Python bindings of rakt: thin wrappers that translate types and errors and nothing else.
//!
//! Every rule lives in the core crate (`crates/rakt`); this crate converts Python values to
//! core values (`datetime` ↔ `DateTime<FixedOffset>`, `Decimal` ↔ `rust_decimal`, enum members
//! or their codes ↔ core enums), calls the core, and converts the result or the
//! [`rakt::RaktError`] back. The public package is `rakt` (see `python/rakt/__init__.py`);
//! this is its native module `rakt._rakt`.

use pyo3::prelude::*;

mod batch;
mod convert;
mod decision;
mod discard;
mod donor;
mod early_warning;
mod enums;
mod eraktkosh;
mod errors;
mod event_kinds;
mod events;
mod expiry;
mod fhir;
mod hmis;
mod inventory;
mod isbt128;
mod isbt128_codes;
mod isbt128_label;
mod json_class;
mod kpi;
mod maternal;
mod policy;
mod pregnancy;
mod rules;
mod tariff;
mod unit;
mod values;
mod verdicts;

/// The native module `rakt._rakt`; the public package is `rakt`.
#[pymodule]
fn _rakt(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)?;
    enums::register(m)?;
    values::register(m)?;
    verdicts::register(m)?;
    expiry::register(m)?;
    policy::register(m)?;
    rules::register(m)?;
    donor::register(m)?;
    discard::register(m)?;
    events::register(m)?;
    unit::register(m)?;
    isbt128::register(m)?;
    eraktkosh::register(m)?;
    inventory::register(m)?;
    isbt128_codes::register(m)?;
    isbt128_label::register(m)?;
    fhir::register(m)?;
    kpi::register(m)?;
    tariff::register(m)?;
    pregnancy::register(m)?;
    early_warning::register(m)?;
    decision::register(m)?;
    maternal::register(m)?;
    hmis::register(m)?;
    batch::register(m)?;
    Ok(())
}
