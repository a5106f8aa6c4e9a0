//! `early_warnings` and `robson_groups`: the obstetric early-warning chart and the Robson group
//! of every row of a table.

use std::sync::Arc;

use arrow_array::ArrayRef;
use arrow_schema::{ArrowError, DataType, Schema, SchemaRef};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rakt::RaktError;
use rakt::maternal as core;

use super::ahead::Ahead;
use super::{Columns, Input, Kind, Op, Out, code_field, code_list_field, field};
use crate::early_warning::avpu_text;
use crate::maternal::code_text;
use crate::policy::PyPolicy;

/// The input columns of `early_warnings`: an id and the `Vitals` fields.
const VITALS: &[Input] = &[
    Input::optional("id", Kind::Text),
    Input::optional("respiratory_rate", Kind::Count),
    Input::optional("spo2", Kind::Count),
    Input::optional("temperature_c", Kind::Measure),
    Input::optional("systolic_bp", Kind::Count),
    Input::optional("diastolic_bp", Kind::Count),
    Input::optional("heart_rate", Kind::Count),
    Input::optional("consciousness", Kind::Code),
];

/// The vitals of one row from readers of its cells (by input position), in the order
/// `Vitals(**row)` reads them: the first error is the row's.
fn vitals_from<E>(
    count: impl Fn(usize) -> Result<Option<u32>, E>,
    measure: impl Fn(usize) -> Result<Option<rust_decimal::Decimal>, E>,
    consciousness: impl Fn() -> Result<Option<rakt::policy::Avpu>, E>,
) -> Result<core::Vitals, E> {
    Ok(core::Vitals {
        respiratory_rate: count(1)?,
        spo2: count(2)?,
        temperature_c: measure(3)?,
        systolic_bp: count(4)?,
        diastolic_bp: count(5)?,
        heart_rate: count(6)?,
        consciousness: consciousness()?,
    })
}

/// The vitals of one row, read as `Vitals(**row)` reads them.
fn vitals(c: &Columns, row: usize) -> Result<core::Vitals, RaktError> {
    vitals_from(
        |i| c.count(i, row),
        |i| c.measure(i, row),
        || c.text_ref(7, row).map(|t| avpu_text(&t)).transpose(),
    )
}

/// The vitals of one row from its cells read ahead (`k` its position in the piece); `None` when
/// a cell is bad, and [`vitals`] then reads the row and words its error.
fn vitals_ahead(c: &Columns, ahead: &Ahead, k: usize, row: usize) -> Option<core::Vitals> {
    vitals_from(
        |i| ahead.count(i, k).ok_or(()),
        |i| ahead.measure(i, k).ok_or(()),
        || {
            c.text_ref(7, row)
                .map(|t| avpu_text(&t).map_err(|_| ()))
                .transpose()
        },
    )
    .ok()
}

/// The early-warning chart of each row.
struct Warn {
    policy: Arc<rakt::Policy>,
}

type WarnRow = Result<core::WarningDecision, RaktError>;

impl Op for Warn {
    type Row = WarnRow;
    const NAME: &'static str = "early_warnings";

    fn inputs(&self) -> &'static [Input] {
        VITALS
    }

    fn row(&self, columns: &Columns, row: usize) -> WarnRow {
        vitals(columns, row).and_then(|v| core::decide_early_warning(&v, &self.policy))
    }

    fn rows(&self, columns: &Columns, rows: std::ops::Range<usize>) -> Vec<WarnRow> {
        let ahead = Ahead::read(columns, rows.clone());
        rows.enumerate()
            .map(|(k, row)| match vitals_ahead(columns, &ahead, k, row) {
                Some(v) => core::decide_early_warning(&v, &self.policy),
                None => self.row(columns, row),
            })
            .collect()
    }

    fn schema(&self) -> SchemaRef {
        let mut fields = vec![
            field("id", DataType::Utf8),
            field("triggered", DataType::Boolean),
            code_field("level"),
            code_field("mode"),
            field("score", DataType::Int64),
            field("reds", DataType::Int64),
            field("yellows", DataType::Int64),
            code_list_field("alerts"),
        ];
        for sign in core::VitalSign::ALL {
            fields.push(code_field(&format!("{}_band", sign.as_str())));
        }
        fields.push(field("error", DataType::Utf8));
        Arc::new(Schema::new(fields))
    }

    fn build(&self, columns: &Columns, rows: Vec<WarnRow>) -> Result<Vec<ArrayRef>, ArrowError> {
        let a: Vec<Option<&core::WarningDecision>> = rows.iter().map(|r| r.as_ref().ok()).collect();
        let mut out = vec![
            Out::ids(columns, rows.len()),
            Out::bools(a.iter().map(|x| x.map(|x| x.triggered))),
            Out::codes(a.iter().map(|x| x.map(|x| x.level.as_str())))?,
            Out::codes(a.iter().map(|x| x.map(|x| x.mode.as_str())))?,
            Out::counts(a.iter().map(|x| x.and_then(|x| x.score))),
            Out::counts(a.iter().map(|x| x.map(|x| x.reds))),
            Out::counts(a.iter().map(|x| x.map(|x| x.yellows))),
            Out::code_lists(a.iter().map(|x| x.map(alerts)))?,
        ];
        for &sign in core::VitalSign::ALL {
            out.push(Out::codes(
                a.iter().map(|x| x.map(|x| x.band(sign).as_str())),
            )?);
        }
        out.push(Out::errors(rows.iter()));
        Ok(out)
    }
}

/// The signs outside the green band, as `sign:band` codes in chart order.
fn alerts(w: &core::WarningDecision) -> impl Iterator<Item = &'static str> + '_ {
    use core::{Band, VitalSign as S};
    core::VitalSign::ALL
        .iter()
        .filter_map(|&sign| match (sign, w.band(sign)) {
            (S::RespiratoryRate, Band::Red) => Some("respiratory_rate:red"),
            (S::RespiratoryRate, Band::Yellow) => Some("respiratory_rate:yellow"),
            (S::Spo2, Band::Red) => Some("spo2:red"),
            (S::Spo2, Band::Yellow) => Some("spo2:yellow"),
            (S::TemperatureC, Band::Red) => Some("temperature_c:red"),
            (S::TemperatureC, Band::Yellow) => Some("temperature_c:yellow"),
            (S::SystolicBp, Band::Red) => Some("systolic_bp:red"),
            (S::SystolicBp, Band::Yellow) => Some("systolic_bp:yellow"),
            (S::DiastolicBp, Band::Red) => Some("diastolic_bp:red"),
            (S::DiastolicBp, Band::Yellow) => Some("diastolic_bp:yellow"),
            (S::HeartRate, Band::Red) => Some("heart_rate:red"),
            (S::HeartRate, Band::Yellow) => Some("heart_rate:yellow"),
            (S::Consciousness, Band::Red) => Some("consciousness:red"),
            (S::Consciousness, Band::Yellow) => Some("consciousness:yellow"),
            (_, Band::Green | Band::NotAssessed) => None,
        })
}

/// The input columns of `robson_groups`: an id and the `robson_group` arguments.
const ROBSON: &[Input] = &[
    Input::optional("id", Kind::Text),
    Input::optional("parity", Kind::Count),
    Input::optional("previous_caesareans", Kind::Count),
    Input::optional("onset", Kind::Code),
    Input::optional("fetuses", Kind::Count),
    Input::optional("presentation", Kind::Code),
    Input::optional("gestation_weeks", Kind::Count),
];

/// The Robson input of one row, read as `robson_group(**row)` reads it.
fn robson_input(c: &Columns, row: usize) -> Result<core::RobsonInput, RaktError> {
    Ok(core::RobsonInput {
        parity: c.count(1, row)?,
        previous_caesareans: c.count(2, row)?,
        onset: c
            .text_ref(3, row)
            .map(|t| code_text(&t, "onset", core::LabourOnset::parse))
            .transpose()?,
        fetuses: c.count(4, row)?,
        presentation: c
            .text_ref(5, row)
            .map(|t| code_text(&t, "presentation", core::Presentation::parse))
            .transpose()?,
        gestation_weeks: c.count(6, row)?,
    })
}

/// The Robson group of each row.
struct Robson {
    policy: Arc<rakt::Policy>,
}

type RobsonRow = Result<core::RobsonClass, RaktError>;

impl Op for Robson {
    type Row = RobsonRow;
    const NAME: &'static str = "robson_groups";

    fn inputs(&self) -> &'static [Input] {
        ROBSON
    }

    fn row(&self, columns: &Columns, row: usize) -> RobsonRow {
        robson_input(columns, row).and_then(|i| core::robson_group(&i, &self.policy))
    }

    fn schema(&self) -> SchemaRef {
        Arc::new(Schema::new(vec![
            field("id", DataType::Utf8),
            code_field("group"),
            code_list_field("missing"),
            field("error", DataType::Utf8),
        ]))
    }

    fn build(&self, columns: &Columns, rows: Vec<RobsonRow>) -> Result<Vec<ArrayRef>, ArrowError> {
        let a: Vec<Option<&core::RobsonClass>> = rows.iter().map(|r| r.as_ref().ok()).collect();
        Ok(vec![
            Out::ids(columns, rows.len()),
            Out::codes(a.iter().map(|x| match x {
                Some(core::RobsonClass::Group { group }) => Some(group.as_str()),
                _ => None,
            }))?,
            Out::code_lists(a.iter().map(|x| {
                x.map(|x| match x {
                    core::RobsonClass::Group { .. } => Vec::new(),
                    core::RobsonClass::CannotClassify { missing } => {
                        missing.iter().map(|m| m.as_str()).collect()
                    }
                })
            }))?,
            Out::errors(rows.iter()),
        ])
    }
}

/// The obstetric early-warning chart of every row of `data` (columns named as the `Vitals`
/// fields): a pyarrow Table with one row per input row (a RecordBatchReader for a stream).
#[pyfunction]
#[pyo3(signature = (data, policy = None, *, columns = None, parallel = true))]
fn early_warnings<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, PyPolicy>>,
    columns: Option<&Bound<'py, PyDict>>,
    parallel: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let op = Warn {
        policy: super::shared_policy(policy),
    };
    super::run(py, op, data, columns, parallel)
}

/// The Robson group of every row of `data` (columns named as the `robson_group` arguments):
/// a pyarrow Table with one row per input row (a RecordBatchReader for a stream).
#[pyfunction]
#[pyo3(signature = (data, policy = None, *, columns = None, parallel = true))]
fn robson_groups<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, PyPolicy>>,
    columns: Option<&Bound<'py, PyDict>>,
    parallel: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let op = Robson {
        policy: super::shared_policy(policy),
    };
    super::run(py, op, data, columns, parallel)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(early_warnings, m)?)?;
    m.add_function(wrap_pyfunction!(robson_groups, m)?)?;
    Ok(())
}
