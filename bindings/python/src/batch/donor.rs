//! `assess_donors`: donor eligibility for every row of a table (one row per donor visit).

use std::sync::Arc;

use arrow_array::ArrayRef;
use arrow_schema::{ArrowError, DataType, Schema, SchemaRef};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rakt::RaktError;

use super::ahead::Ahead;
use super::{Columns, Input, Kind, Op, Out, code_field, code_list_field, field, required};
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

/// A row's donor and checks, read into buffers that serve row after row of a piece (a donor's
/// lists are cleared and refilled, not allocated again for every row).
struct Visit<'c> {
    donor: rakt::Donor,
    checks: rakt::DonorChecks,
    dates: Vec<NaiveDate>,
    kinds: Vec<Option<&'c str>>,
    markers: Vec<Option<&'c str>>,
    codes: Vec<&'c str>,
}

impl<'c> Visit<'c> {
    fn new() -> Self {
        Visit {
            donor: rakt::Donor {
                // The rules never read the id; the output copies the id column.
                id: None,
                date_of_birth: NaiveDate::MIN,
                sex: rakt::Sex::Other,
                first_time: None,
                previous_donations: Vec::new(),
                deferral_events: Vec::new(),
                conditions: Vec::new(),
            },
            checks: rakt::DonorChecks {
                weight_kg: rust_decimal::Decimal::ZERO,
                hb_g_dl: rust_decimal::Decimal::ZERO,
                systolic_mmhg: 0,
                diastolic_mmhg: 0,
                pulse_bpm: 0,
                temperature_c: rust_decimal::Decimal::ZERO,
                states: Vec::new(),
            },
            dates: Vec::new(),
            kinds: Vec::new(),
            markers: Vec::new(),
            codes: Vec::new(),
        }
    }

    /// Reads row `row` into `self.donor` and `self.checks`, as `Donor(...)`, `DonorChecks(...)`,
    /// `PreviousDonation(...)` and `DeferralEvent(...)` read them, and gives the donation kind.
    /// On an error the buffers hold part of the row; the next row overwrites every field.
    /// Counts, measures and days come from `ahead` (`k` the row's position in the piece), or
    /// from the general reader where `ahead` could not read the cell, which words its error.
    fn read(
        &mut self,
        c: &'c Columns,
        ahead: &Ahead,
        (k, row): (usize, usize),
        default_kind: Option<rakt::DonationKind>,
    ) -> Result<rakt::DonationKind, RaktError> {
        let date_of_birth = match ahead.day(1, k) {
            Some(day) => day,
            None => c.day(1, row)?,
        }
        .ok_or_else(|| required("date_of_birth"))?;
        let sex = PySex::parse_text("sex", &c.text_ref(2, row).ok_or_else(|| required("sex"))?)?;
        let donor = &mut self.donor;
        donor.date_of_birth = date_of_birth;
        donor.sex = sex;
        donor.first_time = c.flag(3, row);
        c.days_into(4, row, &mut self.dates)?;
        c.aligned_codes_into(5, row, &mut self.kinds);
        same_length(c, (4, self.dates.len()), (5, self.kinds.len()))?;
        donor.previous_donations.clear();
        for (&date, kind) in self.dates.iter().zip(&self.kinds) {
            let kind = kind.ok_or_else(|| required("previous_donation_kinds"))?;
            donor.previous_donations.push(rakt::PreviousDonation {
                date,
                kind: PyDonationKind::parse_text("kind", kind)?,
                red_cells_returned: true,
            });
        }
        c.aligned_codes_into(6, row, &mut self.kinds);
        c.days_into(7, row, &mut self.dates)?;
        same_length(c, (6, self.kinds.len()), (7, self.dates.len()))?;
        c.aligned_codes_into(8, row, &mut self.markers);
        if !self.markers.is_empty() {
            same_length(c, (6, self.kinds.len()), (8, self.markers.len()))?;
        }
        self.markers.resize(self.kinds.len(), None);
        donor.deferral_events.clear();
        for ((kind, &date), marker) in self.kinds.iter().zip(&self.dates).zip(&self.markers) {
            let kind = kind.ok_or_else(|| required("deferral_event_kinds"))?;
            donor.deferral_events.push(rakt::DeferralEvent {
                kind: PyDeferralKind::parse_text("kind", kind)?,
                date,
                marker: marker
                    .map(|m| PyTtiMarker::parse_text("marker", m))
                    .transpose()?,
            });
        }
        c.codes_into(9, row, &mut self.codes);
        donor.conditions.clear();
        for t in &self.codes {
            donor
                .conditions
                .push(PyCondition::parse_text("conditions", t)?);
        }
        let measure = |i: usize| {
            match ahead.measure(i, k) {
                Some(v) => v,
                None => c.measure(i, row)?,
            }
            .ok_or_else(|| required(c.name(i)))
        };
        let count = |i: usize| {
            match ahead.count(i, k) {
                Some(v) => v,
                None => c.count(i, row)?,
            }
            .ok_or_else(|| required(c.name(i)))
        };
        let checks = &mut self.checks;
        checks.weight_kg = measure(10)?;
        checks.hb_g_dl = measure(11)?;
        checks.systolic_mmhg = count(12)?;
        checks.diastolic_mmhg = count(13)?;
        checks.pulse_bpm = count(14)?;
        checks.temperature_c = measure(15)?;
        c.codes_into(16, row, &mut self.codes);
        checks.states.clear();
        for t in &self.codes {
            checks.states.push(PyDonorState::parse_text("states", t)?);
        }
        match c.text_ref(17, row) {
            Some(t) => PyDonationKind::parse_text("kind", &t),
            None => default_kind.ok_or_else(|| required("kind")),
        }
    }
}

/// The eligibility of each row.
struct Donors {
    as_of: NaiveDate,
    kind: Option<rakt::DonationKind>,
    policy: Arc<rakt::Policy>,
}

type Row = Result<rakt::DonorDecision, RaktError>;

impl Donors {
    /// The decision of row `row`, read through the buffers of `visit`.
    fn decide<'c>(
        &self,
        visit: &mut Visit<'c>,
        columns: &'c Columns,
        ahead: &Ahead,
        at: (usize, usize),
    ) -> Row {
        let kind = visit.read(columns, ahead, at, self.kind)?;
        rakt::decide_donor(&visit.donor, &visit.checks, kind, self.as_of, &self.policy)
    }
}

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
        super::single(self.rows(columns, row..row + 1), row)
    }

    fn rows(&self, columns: &Columns, rows: std::ops::Range<usize>) -> Vec<Row> {
        let mut visit = Visit::new();
        let ahead = Ahead::read(columns, rows.clone());
        rows.enumerate()
            .map(|at| self.decide(&mut visit, columns, &ahead, at))
            .collect()
    }

    fn schema(&self) -> SchemaRef {
        Arc::new(Schema::new(vec![
            field("id", DataType::Utf8),
            code_field("kind"),
            field("eligible", DataType::Boolean),
            field("permanent", DataType::Boolean),
            field("deferred_until", DataType::Date32),
            field("referred", DataType::Boolean),
            field("next_eligible", DataType::Date32),
            code_list_field("reasons"),
            field("error", DataType::Utf8),
        ]))
    }

    fn build(&self, columns: &Columns, rows: Vec<Row>) -> Result<Vec<ArrayRef>, ArrowError> {
        let a: Vec<Option<&rakt::DonorDecision>> = rows.iter().map(|r| r.as_ref().ok()).collect();
        Ok(vec![
            Out::ids(columns, rows.len()),
            Out::codes(a.iter().map(|x| x.map(|x| x.kind.as_str())))?,
            Out::bools(a.iter().map(|x| x.map(|x| x.eligible))),
            Out::bools(a.iter().map(|x| x.map(|x| x.permanent))),
            Out::dates(a.iter().map(|x| x.and_then(|x| x.deferred_until))),
            Out::bools(a.iter().map(|x| x.map(|x| x.referred))),
            Out::dates(a.iter().map(|x| x.and_then(|x| x.next_eligible))),
            Out::code_lists(
                a.iter()
                    .map(|x| x.map(|x| x.codes.iter().map(|c| c.as_str()))),
            )?,
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
