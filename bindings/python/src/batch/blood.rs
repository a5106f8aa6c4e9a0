//! `compatibilities` and `expiries`: the compatibility verdict on many (component, donor,
//! recipient) rows, and the base expiry of many units.

use std::borrow::Cow;
use std::sync::Arc;

use arrow_array::ArrayRef;
use arrow_schema::{ArrowError, DataType, Schema, SchemaRef, TimeUnit};
use chrono::{DateTime, FixedOffset};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rakt::RaktError;

use super::{Columns, Input, Kind, Op, Out, code_field, code_list_field, field, required};
use crate::convert::to_datetime;
use crate::enums::{PyComponent, PyModification, PyPlateletSource, PyPreservative, PySex};
use crate::policy::PyPolicy;

/// The input columns of `compatibilities`.
const PAIRS: &[Input] = &[
    Input::optional("id", Kind::Text),
    Input::required("component", Kind::Code),
    Input::required("donor", Kind::Code),
    Input::optional("recipient_group", Kind::Code),
    Input::optional("recipient_sex", Kind::Code),
    Input::optional("recipient_age_years", Kind::Count),
    Input::optional("recipient_anti_d", Kind::Flag),
    Input::optional("recipient_chronically_transfused", Kind::Flag),
];

/// A code cell every row needs.
fn needed(c: &Columns, i: usize, row: usize) -> Result<Cow<'_, str>, RaktError> {
    c.text_ref(i, row).ok_or_else(|| required(c.name(i)))
}

/// The (component, donor, recipient) of one row, read as `compatibility(...)` and
/// `Recipient(...)` read them.
fn pair(
    c: &Columns,
    row: usize,
) -> Result<(rakt::Component, rakt::BloodGroup, rakt::Recipient), RaktError> {
    let component = PyComponent::parse_text("component", &needed(c, 1, row)?)?;
    let donor = rakt::BloodGroup::parse(&needed(c, 2, row)?)?;
    let group = c
        .text_ref(3, row)
        .map(|t| rakt::BloodGroup::parse(&t))
        .transpose()?;
    let sex = c
        .text_ref(4, row)
        .map(|t| PySex::parse_text("sex", &t))
        .transpose()?;
    let recipient = rakt::Recipient {
        group,
        sex,
        age_years: c.count(5, row)?,
        anti_d: c.flag(6, row).unwrap_or(false),
        chronically_transfused: c.flag(7, row).unwrap_or(false),
    };
    Ok((component, donor, recipient))
}

/// The compatibility verdict of each row.
struct Pairs {
    policy: Arc<rakt::Policy>,
}

type PairRow = Result<rakt::CompatibilityDecision, RaktError>;

impl Op for Pairs {
    type Row = PairRow;
    const NAME: &'static str = "compatibilities";

    fn inputs(&self) -> &'static [Input] {
        PAIRS
    }

    fn row(&self, columns: &Columns, row: usize) -> PairRow {
        pair(columns, row).map(|(c, d, r)| rakt::decide_compatibility(c, &d, &r, &self.policy))
    }

    fn schema(&self) -> SchemaRef {
        Arc::new(Schema::new(vec![
            field("id", DataType::Utf8),
            field("compatible", DataType::Boolean),
            code_field("rank"),
            field("emergency", DataType::Boolean),
            code_list_field("reasons"),
            field("error", DataType::Utf8),
        ]))
    }

    fn build(&self, columns: &Columns, rows: Vec<PairRow>) -> Result<Vec<ArrayRef>, ArrowError> {
        let a: Vec<Option<&rakt::CompatibilityDecision>> =
            rows.iter().map(|r| r.as_ref().ok()).collect();
        Ok(vec![
            Out::ids(columns, rows.len()),
            Out::bools(a.iter().map(|x| x.map(|x| x.compatible))),
            Out::codes(a.iter().map(|x| x.map(|x| x.rank.as_str())))?,
            Out::bools(a.iter().map(|x| x.map(|x| x.emergency))),
            Out::code_lists(
                a.iter()
                    .map(|x| x.map(|x| x.codes.iter().map(|c| c.as_str()))),
            )?,
            Out::errors(rows.iter()),
        ])
    }
}

/// The input columns of `expiries`.
const UNITS: &[Input] = &[
    Input::optional("id", Kind::Text),
    Input::required("component", Kind::Code),
    Input::optional("preservative", Kind::Code),
    Input::optional("platelet_source", Kind::Code),
    Input::optional("modifications", Kind::Codes),
    Input::required("collected_at", Kind::Instant),
];

/// The product and collection time of one row, read as `Product(...)` reads them.
fn unit(c: &Columns, row: usize) -> Result<(rakt::Product, DateTime<FixedOffset>), RaktError> {
    let component = PyComponent::parse_text("component", &needed(c, 1, row)?)?;
    let preservative = c
        .text_ref(2, row)
        .map(|t| PyPreservative::parse_text("preservative", &t))
        .transpose()?;
    let platelet_source = c
        .text_ref(3, row)
        .map(|t| PyPlateletSource::parse_text("platelet_source", &t))
        .transpose()?;
    let modifications = c
        .codes(4, row)
        .iter()
        .map(|t| PyModification::parse_text("modifications", t))
        .collect::<Result<Vec<_>, _>>()?;
    let product = rakt::Product::new(component, preservative, platelet_source)?
        .with_modifications(modifications);
    let collected_at = c.instant(5, row)?.ok_or_else(|| required("collected_at"))?;
    Ok((product, collected_at))
}

/// The base expiry of each row, and whether it is expired at `as_of`.
struct Units {
    policy: Arc<rakt::Policy>,
    as_of: Option<DateTime<FixedOffset>>,
}

type UnitRow = Result<rakt::ExpiryDecision, RaktError>;

impl Op for Units {
    type Row = UnitRow;
    const NAME: &'static str = "expiries";

    fn inputs(&self) -> &'static [Input] {
        UNITS
    }

    fn row(&self, columns: &Columns, row: usize) -> UnitRow {
        unit(columns, row).and_then(|(p, at)| rakt::decide_expiry(&p, at, &self.policy))
    }

    fn schema(&self) -> SchemaRef {
        let tz = self.policy.offset().to_string();
        Arc::new(Schema::new(vec![
            field("id", DataType::Utf8),
            field(
                "expires_at",
                DataType::Timestamp(TimeUnit::Microsecond, Some(tz.into())),
            ),
            field("expired", DataType::Boolean),
            code_list_field("reasons"),
            field("error", DataType::Utf8),
        ]))
    }

    fn build(&self, columns: &Columns, rows: Vec<UnitRow>) -> Result<Vec<ArrayRef>, ArrowError> {
        let a: Vec<Option<&rakt::ExpiryDecision>> = rows.iter().map(|r| r.as_ref().ok()).collect();
        let tz = self.policy.offset().to_string();
        Ok(vec![
            Out::ids(columns, rows.len()),
            Out::instants(a.iter().map(|x| x.map(|x| x.expires_at)), &tz),
            Out::bools(
                a.iter()
                    .map(|x| x.and_then(|x| self.as_of.map(|t| x.is_expired(t)))),
            ),
            Out::code_lists(
                a.iter()
                    .map(|x| x.map(|x| x.codes.iter().map(|c| c.as_str()))),
            )?,
            Out::errors(rows.iter()),
        ])
    }
}

/// The compatibility verdict of every row of `data` (component, donor group and the
/// recipient's group, sex, age, anti-D and transfusion history): a pyarrow Table with one row
/// per input row (a RecordBatchReader for a stream).
#[pyfunction]
#[pyo3(signature = (data, policy = None, *, columns = None, parallel = true))]
fn compatibilities<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, PyPolicy>>,
    columns: Option<&Bound<'py, PyDict>>,
    parallel: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let op = Pairs {
        policy: super::shared_policy(policy),
    };
    super::run(py, op, data, columns, parallel)
}

/// The base expiry of every row of `data` (component, preservative, platelet source,
/// modifications, collected_at), and, given `as_of` (a timezone-aware datetime), whether each
/// unit is expired then.
#[pyfunction]
#[pyo3(signature = (data, as_of = None, policy = None, *, columns = None, parallel = true))]
fn expiries<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    as_of: Option<&Bound<'py, PyAny>>,
    policy: Option<&Bound<'py, PyPolicy>>,
    columns: Option<&Bound<'py, PyDict>>,
    parallel: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = match as_of {
        Some(t) if !t.is_none() => Some(to_datetime(t, "as_of")?),
        _ => None,
    };
    let op = Units {
        policy: super::shared_policy(policy),
        as_of,
    };
    super::run(py, op, data, columns, parallel)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(compatibilities, m)?)?;
    m.add_function(wrap_pyfunction!(expiries, m)?)?;
    Ok(())
}
