//! `assess_donors`: donor eligibility for every row of a table (one row per donor visit).

use std::sync::Arc;

use arrow_array::ArrayRef;
use arrow_schema::{ArrowError, DataType, Schema, SchemaRef};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rakt::RaktError;

use super::{Columns, Input, Kind, Op, Out, field, list_field, required};
use crate::convert::to_date;
use crate::enums::{PyCondition, PyDeferralKind, PyDonationKind, PyDonorState, PySex, PyTtiMarker};
use crate::policy::PyPolicy;

/// The input columns: the `Donor` and `DonorChecks` fields, the donation kind, and earlier
/// donations and deferral events as lists that go together position by position.
const INPUTS: &[Input] = &[
    Input::optional("id", Kind::Text),
    Input::required("date_of_birth", Kind::Day),
    Input::required("sex", Kind::Code),
    Input::optional("first_time", Kind::Flag),
    Input::optional("previous_donation_dates", Kind::Days),
    Input::optional("previous_donation_kinds", Kind::Codes),
    Input::optional("deferral_event_kinds", Kind::Codes),
    Input::optional("deferral_event_dates", Kind::Days),
    Input::optional("deferral_event_markers", Kind::Codes),
    Input::optional("conditions", Kind::Codes),
    Input::required("weight_kg", Kind::Measure),
    Input::required("hb_g_dl", Kind::Measure),
    Input::required("systolic_mmhg", Kind::Count),
    Input::required("diastolic_mmhg", Kind::Count),
    Input::required("pulse_bpm", Kind::Count),
    Input::required("temperature_c", Kind::Measure),
    Input::optional("states", Kind::Codes),
    Input::optional("kind", Kind::Code),
];

/// Two list cells that must have the same length.
fn same_length(c: &Columns, a: (usize, usize), b: (usize, usize)) -> Result<(), RaktError> {
    if a.1 == b.1 {
        return Ok(());
    }
    Err(RaktError::InvalidInput {
        field: c.name(b.0).to_string(),
        reason: format!(
            "has {} items but {} has {}; the two lists go together item by item",
            b.1,
            c.name(a.0),
            a.1
        ),
    })
}

/// The donor, checks and kind of one row, read as `Donor(...)`, `DonorChecks(...)`,
/// `PreviousDonation(...)` and `DeferralEvent(...)` read them.
fn visit(
    c: &Columns,
    row: usize,
    default_kind: Option<rakt::DonationKind>,
) -> Result<(rakt::Donor, rakt::DonorChecks, rakt::DonationKind), RaktError> {
    let date_of_birth = c.day(1, row)?.ok_or_else(|| required("date_of_birth"))?;
    let sex = PySex::parse_text("sex", &c.text_ref(2, row).ok_or_else(|| required("sex"))?)?;
    let dates = c.days(4, row)?;
    let kinds = c.aligned_codes(5, row);
    same_length(c, (4, dates.len()), (5, kinds.len()))?;
    let mut previous_donations = Vec::with_capacity(dates.len());
    for (date, kind) in dates.into_iter().zip(kinds) {
        let kind = kind.ok_or_else(|| required("previous_donation_kinds"))?;
        previous_donations.push(rakt::PreviousDonation {
            date,
            kind: PyDonationKind::parse_text("kind", kind)?,
            red_cells_returned: true,
        });
    }
    let kinds = c.aligned_codes(6, row);
    let dates = c.days(7, row)?;
    same_length(c, (6, kinds.len()), (7, dates.len()))?;
    let mut markers = c.aligned_codes(8, row);
    if !markers.is_empty() {
        same_length(c, (6, kinds.len()), (8, markers.len()))?;
    }
    markers.resize(kinds.len(), None);
    let mut deferral_events = Vec::with_capacity(kinds.len());
    for ((kind, date), marker) in kinds.into_iter().zip(dates).zip(markers) {
        let kind = kind.ok_or_else(|| required("deferral_event_kinds"))?;
        deferral_events.push(rakt::DeferralEvent {
            kind: PyDeferralKind::parse_text("kind", kind)?,
            date,
            marker: marker
                .map(|m| PyTtiMarker::parse_text("marker", m))
                .transpose()?,
        });
    }
    let conditions = c
        .codes(9, row)
        .iter()
        .map(|t| PyCondition::parse_text("conditions", t))
        .collect::<Result<Vec<_>, _>>()?;
    let donor = rakt::Donor {
        // The rules never read the id; the output copies the id column.
        id: None,
        date_of_birth,
        sex,
        first_time: c.flag(3, row),
        previous_donations,
        deferral_events,
        conditions,
    };
    let measure = |i: usize| c.measure(i, row)?.ok_or_else(|| required(c.name(i)));
    let count = |i: usize| c.count(i, row)?.ok_or_else(|| required(c.name(i)));
    let checks = rakt::DonorChecks {
        weight_kg: measure(10)?,
        hb_g_dl: measure(11)?,
        systolic_mmhg: count(12)?,
        diastolic_mmhg: count(13)?,
        pulse_bpm: count(14)?,
        temperature_c: measure(15)?,
        states: c
            .codes(16, row)
            .iter()
            .map(|t| PyDonorState::parse_text("states", t))
            .collect::<Result<Vec<_>, _>>()?,
    };
    let kind = match c.text_ref(17, row) {
        Some(t) => PyDonationKind::parse_text("kind", &t)?,
        None => default_kind.ok_or_else(|| required("kind"))?,
    };
    Ok((donor, checks, kind))
}

/// The eligibility of each row.
struct Donors {
    as_of: NaiveDate,
    kind: Option<rakt::DonationKind>,
    policy: Arc<rakt::Policy>,
}

type Row = Result<rakt::DonorAssessment, RaktError>;

impl Op for Donors {
    type Row = Row;
    const NAME: &'static str = "assess_donors";

    fn inputs(&self) -> &'static [Input] {
        INPUTS
    }

    fn unread(&self) -> &'static [(&'static str, &'static str)] {
        &[
            (
                "previous_donations",
                "give earlier donations as two list columns, previous_donation_dates and \
                 previous_donation_kinds",
            ),
            (
                "deferral_events",
                "give deferral events as list columns deferral_event_kinds, \
                 deferral_event_dates and (for tti_reactive) deferral_event_markers",
            ),
        ]
    }

    fn row(&self, columns: &Columns, row: usize) -> Row {
        visit(columns, row, self.kind)
            .and_then(|(d, c, k)| rakt::assess_donor(&d, &c, k, self.as_of, &self.policy))
    }

    fn schema(&self) -> SchemaRef {
        Arc::new(Schema::new(vec![
            field("id", DataType::Utf8),
            field("kind", DataType::Utf8),
            field("eligible", DataType::Boolean),
            field("permanent", DataType::Boolean),
            field("deferred_until", DataType::Date32),
            field("referred", DataType::Boolean),
            field("next_eligible", DataType::Date32),
            list_field("reasons"),
            field("error", DataType::Utf8),
        ]))
    }

    fn build(&self, columns: &Columns, rows: Vec<Row>) -> Result<Vec<ArrayRef>, ArrowError> {
        let a: Vec<Option<&rakt::DonorAssessment>> = rows.iter().map(|r| r.as_ref().ok()).collect();
        Ok(vec![
            Out::ids(columns, rows.len()),
            Out::strings(a.iter().map(|x| x.map(|x| x.kind.as_str()))),
            Out::bools(a.iter().map(|x| x.map(|x| x.eligible))),
            Out::bools(a.iter().map(|x| x.map(|x| x.permanent))),
            Out::dates(a.iter().map(|x| x.and_then(|x| x.deferred_until))),
            Out::bools(a.iter().map(|x| x.map(|x| x.referred))),
            Out::dates(a.iter().map(|x| x.and_then(|x| x.next_eligible))),
            Out::lists(
                a.iter()
                    .map(|x| x.map(|x| x.reasons.iter().map(|r| r.code.as_str()))),
            ),
            Out::errors(rows.iter()),
        ])
    }
}

/// Donor eligibility on the day `as_of` for every row of `data` (one row per donor visit): a
/// pyarrow Table with one row per input row (a RecordBatchReader for a stream). `kind` is the
/// donation kind of rows without a `kind` cell.
#[pyfunction]
#[pyo3(signature = (data, as_of, kind = None, policy = None, *, columns = None, parallel = true))]
#[allow(clippy::too_many_arguments)]
fn assess_donors<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
    kind: Option<&Bound<'py, PyAny>>,
    policy: Option<&Bound<'py, PyPolicy>>,
    columns: Option<&Bound<'py, PyDict>>,
    parallel: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let op = Donors {
        as_of: to_date(as_of, "as_of")?,
        kind: PyDonationKind::extract_opt(kind, "kind")?,
        policy: super::shared_policy(policy),
    };
    super::run(py, op, data, columns, parallel)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(assess_donors, m)?)?;
    Ok(())
}
