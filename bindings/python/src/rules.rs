//! The rule functions: `compatibility`, `donor_preference`, and `parse_timestamp`.

use chrono::{DateTime, FixedOffset};
use pyo3::prelude::*;

use crate::enums::PyComponent;
use crate::errors::OrRaise;
use crate::policy::{PyPolicy, policy_or_default};
use crate::values::{PyBloodGroup, PyRecipient};
use crate::verdicts::{PyCompatibility, PyDonorOption};

/// `compatibility(component, donor, recipient, policy=None)`: the verdict on one donor group
/// for one recipient and component.
#[pyfunction]
#[pyo3(signature = (component, donor, recipient, policy=None))]
pub(crate) fn compatibility(
    component: &Bound<'_, PyAny>,
    donor: &Bound<'_, PyAny>,
    recipient: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyCompatibility> {
    let component = PyComponent::extract_arg(component, "component")?;
    let donor = PyBloodGroup::extract_arg(donor, "donor")?;
    let recipient = PyRecipient::extract_arg(recipient, "recipient")?;
    let policy = policy_or_default(policy);
    Ok(PyCompatibility(rakt::compatibility(
        component, &donor, &recipient, policy,
    )))
}

/// `donor_preference(component, recipient, policy=None)`: the acceptable donor groups among
/// the ten standard ones, best first.
#[pyfunction]
#[pyo3(signature = (component, recipient, policy=None))]
pub(crate) fn donor_preference(
    py: Python<'_>,
    component: &Bound<'_, PyAny>,
    recipient: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<Vec<PyDonorOption>> {
    let component = PyComponent::extract_arg(component, "component")?;
    let recipient = PyRecipient::extract_arg(recipient, "recipient")?;
    let policy = policy_or_default(policy);
    let options = py.detach(|| rakt::donor_preference(component, &recipient, policy));
    Ok(options.into_iter().map(PyDonorOption).collect())
}

/// `parse_timestamp(text)`: an RFC 3339 / ISO 8601 timestamp with a UTC offset as a
/// timezone-aware datetime; a time without an offset raises `InvalidInput`.
#[pyfunction]
pub(crate) fn parse_timestamp(text: &str) -> PyResult<DateTime<FixedOffset>> {
    rakt::parse_timestamp(text).or_raise()
}

/// Add the functions to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(compatibility, m)?)?;
    m.add_function(wrap_pyfunction!(donor_preference, m)?)?;
    m.add_function(wrap_pyfunction!(parse_timestamp, m)?)?;
    Ok(())
}
