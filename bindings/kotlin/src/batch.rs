//! Batch versions of the per-record decisions: one JNA crossing for a whole list of records.
//!
//! A UniFFI call from the JVM costs microseconds, so a screen (or a file) of records is one call:
//! each batch function takes a `List` of inputs and returns a `List` of rows of the same length,
//! in the same order. **A bad row never fails the batch**: each row is either `Ok(value)` or
//! `Err(error)`, where `error` is the very `RaktException` (same subclass, fields and message)
//! that the per-record function throws for that input. Arguments that apply to the whole batch
//! (`asOf`, `policy`) are checked once, before any row: an invalid one fails the whole call with
//! the usual exception, and nothing is half-done. The policy is resolved once per batch.
//!
//! Each row type is a UniFFI enum (a Kotlin sealed class with `Ok` and `Err` data classes) rather
//! than a record with two nullable fields: `when (row) { is XRow.Ok -> ...; is XRow.Err -> ... }`
//! is exhaustive and smart-casts, and "exactly one of value and error" is a type, not a promise.
//!
//! Every row is decided by the same function as the per-record call (`assess_one`,
//! `decide_one`, `early_warning_one`, `decide_early_warning_one`, `compatibility_one`,
//! `decide_compatibility_one`, ... in the per-record
//! modules): one definition of each rule.

use std::sync::Arc;

use crate::components::{Component, Product};
use crate::decision::{CompatibilityDecision, PregnancyDecision};
use crate::donor::{DonationKind, Donor, DonorAssessment, DonorChecks, DonorDecision};
use crate::early_warning::{
    EarlyWarning, Vitals, WarningDecision, decide_early_warning_one, early_warning_one,
};
use crate::error::{RaktException, Result};
use crate::expiry::{Expiry, ExpiryDecision, compute_expiry_one, decide_expiry_one};
use crate::groups::BloodGroup;
use crate::maternal::{RobsonInput, RobsonResult, robson_one};
use crate::policy::{Policy, resolve};
use crate::pregnancy::{AncRecord, PregnancyAssessment};
use crate::time::{Date, Timestamp};
use crate::verdicts::{Compatibility, Recipient, compatibility_one, decide_compatibility_one};

/// Declare a row type: a UniFFI enum `Ok { value }` / `Err { error }` with a conversion from
/// the per-record result.
macro_rules! row {
    ($(#[$meta:meta])* $name:ident, $value:ty $(,)?) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
        pub enum $name {
            /// The row was decided.
            Ok {
                /// What the per-record call returns for this row.
                value: $value,
            },
            /// The row was refused.
            Err {
                /// The exception the per-record call throws for this row (same subclass, fields
                /// and message).
                error: RaktException,
            },
        }

        impl From<Result<$value>> for $name {
            fn from(result: Result<$value>) -> Self {
                match result {
                    Ok(value) => $name::Ok { value },
                    Err(error) => $name::Err { error },
                }
            }
        }
    };
}

row!(
    /// One row of `assessPregnancies`: the assessment, or why the record was refused.
    PregnancyRow,
    PregnancyAssessment,
);
row!(
    /// One row of `decidePregnancies`: the decision, or why the record was refused.
    PregnancyDecisionRow,
    PregnancyDecision,
);
row!(
    /// One row of `earlyWarnings`: the chart, or why the vitals were refused.
    EarlyWarningRow,
    EarlyWarning,
);
row!(
    /// One row of `decideEarlyWarnings`: the decision, or why the vitals were refused.
    WarningDecisionRow,
    WarningDecision,
);
row!(
    /// One row of `robsonGroups`: the group (or the variables still needed), or why the input
    /// was refused.
    RobsonRow,
    RobsonResult,
);
row!(
    /// One row of `assessDonors`: the verdict, or why the request was refused.
    DonorRow,
    DonorAssessment,
);
row!(
    /// One row of `decideDonors`: the decision, or why the request was refused.
    DonorDecisionRow,
    DonorDecision,
);
row!(
    /// One row of `compatibilities`: the verdict, or why the request was refused.
    CompatibilityRow,
    Compatibility,
);
row!(
    /// One row of `decideCompatibilities`: the decision, or why the request was refused.
    CompatibilityDecisionRow,
    CompatibilityDecision,
);
row!(
    /// One row of `computeExpiries`: the expiry, or why the request was refused.
    ExpiryRow,
    Expiry,
);
row!(
    /// One row of `decideExpiries`: the decision, or why the request was refused.
    ExpiryDecisionRow,
    ExpiryDecision,
);

/// The arguments of one `assessDonor` call that vary per row (`asOf` and `policy` are the
/// batch's).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct DonorRequest {
    /// The donor.
    pub donor: Donor,
    /// Today's checks.
    pub checks: DonorChecks,
    /// The kind of donation.
    pub kind: DonationKind,
}

/// The arguments of one `compatibility` or `decideCompatibility` call (`policy` is the
/// batch's).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct CompatibilityRequest {
    /// The component to give.
    pub component: Component,
    /// The donor group judged.
    pub donor: BloodGroup,
    /// The patient.
    pub recipient: Recipient,
}

/// The arguments of one `computeExpiry` call (`policy` is the batch's).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ExpiryRequest {
    /// The product.
    pub product: Product,
    /// When it was collected.
    pub collected_at: Timestamp,
}

/// `assessPregnancy` for each record at `asOf` under `policy` (`null`: `india`): one row per
/// record, in order. A bad `asOf` fails the whole call.
#[uniffi::export(default(policy = None))]
pub fn assess_pregnancies(
    records: Vec<AncRecord>,
    as_of: Date,
    policy: Option<Arc<Policy>>,
) -> Result<Vec<PregnancyRow>> {
    let as_of = as_of.parse("as_of")?;
    let policy = resolve(&policy);
    Ok(records
        .iter()
        .map(|r| crate::pregnancy::assess_one(r, as_of, policy).into())
        .collect())
}

/// `decidePregnancy` for each record at `asOf` under `policy` (`null`: `india`): one row per
/// record, in order. A bad `asOf` fails the whole call.
#[uniffi::export(default(policy = None))]
pub fn decide_pregnancies(
    records: Vec<AncRecord>,
    as_of: Date,
    policy: Option<Arc<Policy>>,
) -> Result<Vec<PregnancyDecisionRow>> {
    let as_of = as_of.parse("as_of")?;
    let policy = resolve(&policy);
    Ok(records
        .iter()
        .map(|r| crate::pregnancy::decide_one(r, as_of, policy).into())
        .collect())
}

/// `earlyWarning` for each set of vitals under `policy` (`null`: `india`): one row per input,
/// in order.
#[uniffi::export(default(policy = None))]
pub fn early_warnings(vitals: Vec<Vitals>, policy: Option<Arc<Policy>>) -> Vec<EarlyWarningRow> {
    let policy = resolve(&policy);
    vitals
        .iter()
        .map(|v| early_warning_one(v, policy).into())
        .collect()
}

/// `decideEarlyWarning` for each set of vitals under `policy` (`null`: `india`): one row per
/// input, in order.
#[uniffi::export(default(policy = None))]
pub fn decide_early_warnings(
    vitals: Vec<Vitals>,
    policy: Option<Arc<Policy>>,
) -> Vec<WarningDecisionRow> {
    let policy = resolve(&policy);
    vitals
        .iter()
        .map(|v| decide_early_warning_one(v, policy).into())
        .collect()
}

/// `robsonGroup` for each birth under `policy` (`null`: `india`): one row per input, in order.
#[uniffi::export(default(policy = None))]
pub fn robson_groups(inputs: Vec<RobsonInput>, policy: Option<Arc<Policy>>) -> Vec<RobsonRow> {
    let policy = resolve(&policy);
    inputs
        .iter()
        .map(|i| robson_one(*i, policy).into())
        .collect()
}

/// `assessDonor` for each request at `asOf` under `policy` (`null`: `india`): one row per
/// request, in order. A bad `asOf` fails the whole call.
#[uniffi::export(default(policy = None))]
pub fn assess_donors(
    requests: Vec<DonorRequest>,
    as_of: Date,
    policy: Option<Arc<Policy>>,
) -> Result<Vec<DonorRow>> {
    let as_of = as_of.parse("as_of")?;
    let policy = resolve(&policy);
    Ok(requests
        .iter()
        .map(|r| crate::donor::assess_one(&r.donor, &r.checks, r.kind, as_of, policy).into())
        .collect())
}

/// `decideDonor` for each request at `asOf` under `policy` (`null`: `india`): one row per
/// request, in order. A bad `asOf` fails the whole call.
#[uniffi::export(default(policy = None))]
pub fn decide_donors(
    requests: Vec<DonorRequest>,
    as_of: Date,
    policy: Option<Arc<Policy>>,
) -> Result<Vec<DonorDecisionRow>> {
    let as_of = as_of.parse("as_of")?;
    let policy = resolve(&policy);
    Ok(requests
        .iter()
        .map(|r| crate::donor::decide_one(&r.donor, &r.checks, r.kind, as_of, policy).into())
        .collect())
}

/// `compatibility` for each request under `policy` (`null`: `india`): one row per request, in
/// order.
#[uniffi::export(default(policy = None))]
pub fn compatibilities(
    requests: Vec<CompatibilityRequest>,
    policy: Option<Arc<Policy>>,
) -> Vec<CompatibilityRow> {
    let policy = resolve(&policy);
    requests
        .iter()
        .map(|r| compatibility_one(r.component, r.donor, &r.recipient, policy).into())
        .collect()
}

/// `decideCompatibility` for each request under `policy` (`null`: `india`): one row per request,
/// in order.
#[uniffi::export(default(policy = None))]
pub fn decide_compatibilities(
    requests: Vec<CompatibilityRequest>,
    policy: Option<Arc<Policy>>,
) -> Vec<CompatibilityDecisionRow> {
    let policy = resolve(&policy);
    requests
        .iter()
        .map(|r| decide_compatibility_one(r.component, r.donor, &r.recipient, policy).into())
        .collect()
}

/// `computeExpiry` for each request under `policy` (`null`: `india`): one row per request, in
/// order.
#[uniffi::export(default(policy = None))]
pub fn compute_expiries(
    requests: Vec<ExpiryRequest>,
    policy: Option<Arc<Policy>>,
) -> Vec<ExpiryRow> {
    let policy = resolve(&policy);
    requests
        .iter()
        .map(|r| compute_expiry_one(&r.product, &r.collected_at, policy).into())
        .collect()
}

/// `decideExpiry` for each request under `policy` (`null`: `india`): one row per request, in
/// order.
#[uniffi::export(default(policy = None))]
pub fn decide_expiries(
    requests: Vec<ExpiryRequest>,
    policy: Option<Arc<Policy>>,
) -> Vec<ExpiryDecisionRow> {
    let policy = resolve(&policy);
    requests
        .iter()
        .map(|r| decide_expiry_one(&r.product, &r.collected_at, policy).into())
        .collect()
}
