//! `assess_pregnancies`: the high-risk pregnancy assessment of every row of a table.

use std::sync::Arc;

use arrow_array::ArrayRef;
use arrow_schema::{ArrowError, DataType, Schema, SchemaRef};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rakt::RaktError;
use rakt::maternal as core;
use serde_json::{Map, Value};

use super::ahead::Ahead;
use super::{Columns, Input, Kind, Op, Out, code_field, code_list_field, field, list_field};
use crate::convert::to_date;
use crate::errors::OrRaise;
use crate::policy::PyPolicy;
use crate::pregnancy::{FIELDS, Kind as FieldKind, action_code, record_from_values};

/// The input columns: the `AncRecord` fields, with each blood pressure as two columns.
pub(crate) const INPUTS: &[Input] = &[
    Input::optional("id", Kind::Text),
    Input::optional("age_years", Kind::Count),
    Input::optional("height_cm", Kind::Measure),
    Input::optional("weight_kg", Kind::Measure),
    Input::optional("gravida", Kind::Count),
    Input::optional("parity", Kind::Count),
    Input::optional("living_children", Kind::Count),
    Input::optional("previous_caesareans", Kind::Count),
    Input::optional("previous_stillbirths", Kind::Count),
    Input::optional("previous_abortions", Kind::Count),
    Input::optional("previous_neonatal_deaths", Kind::Count),
    Input::optional("months_since_last_pregnancy", Kind::Count),
    Input::optional("lmp", Kind::Day),
    Input::optional("edd", Kind::Day),
    Input::optional("fetuses", Kind::Count),
    Input::optional("presentation", Kind::Code),
    Input::optional("hb_g_dl", Kind::Measure),
    Input::optional("haematocrit_pct", Kind::Measure),
    Input::optional("platelets_per_ul", Kind::Count),
    Input::optional("bp_systolic", Kind::Count),
    Input::optional("bp_diastolic", Kind::Count),
    Input::optional("bp_repeat_systolic", Kind::Count),
    Input::optional("bp_repeat_diastolic", Kind::Count),
    Input::optional("urine_protein", Kind::Code),
    Input::optional("ogtt_2h_mg_dl", Kind::Measure),
    Input::optional("thyroid", Kind::Code),
    Input::optional("blood_group", Kind::Code),
    Input::optional("hiv", Kind::Code),
    Input::optional("syphilis", Kind::Code),
    Input::optional("hbsag", Kind::Code),
    Input::optional("conditions", Kind::Codes),
    Input::optional("danger_signs", Kind::Codes),
    Input::optional("symptoms", Kind::Codes),
    Input::optional("vaginal_bleeding", Kind::Flag),
    Input::optional("organ_support", Kind::Code),
];

/// Columns a caller may expect to be read that are not, with what to give instead.
pub(crate) const UNREAD: &[(&str, &str)] = &[
    (
        "bp",
        "give the pressure as two integer columns, bp_systolic and bp_diastolic",
    ),
    (
        "bp_repeat",
        "give the pressure as two integer columns, bp_repeat_systolic and bp_repeat_diastolic",
    ),
];

/// The ANC assessment of each row.
pub(crate) struct Assess {
    as_of: NaiveDate,
    policy: Arc<rakt::Policy>,
    /// The language of the explanation columns, when they are asked for.
    explain: Option<rakt::Lang>,
}

/// What one row gives: the decision, and the flags with their explanation when asked for
/// (`explain=True`; empty otherwise).
pub(crate) type Row = Result<(core::PregnancyDecision, Vec<core::Flag>), RaktError>;

/// The record of one row, read exactly as `AncRecord(**row)` reads it.
pub(crate) fn record(columns: &Columns, row: usize) -> Result<core::AncRecord, RaktError> {
    let mut values: Vec<(&'static str, Value)> = Vec::with_capacity(FIELDS.len());
    let mut i = 0;
    for &(name, kind) in FIELDS {
        let value = match kind {
            FieldKind::Text | FieldKind::Code => columns.text(i, row).map(Value::String),
            FieldKind::Count => columns.count(i, row)?.map(Value::from),
            FieldKind::Measure => columns
                .measure(i, row)?
                .map(|d| Value::String(d.to_string())),
            FieldKind::Day => columns.day(i, row)?.map(|d| Value::String(d.to_string())),
            FieldKind::Group => match columns.text(i, row) {
                Some(t) => Some(Value::String(rakt::BloodGroup::parse(&t)?.to_string())),
                None => None,
            },
            FieldKind::Codes => {
                let codes = columns.codes(i, row);
                (!codes.is_empty()).then(|| {
                    Value::Array(
                        codes
                            .into_iter()
                            .map(|c| Value::String(c.to_string()))
                            .collect(),
                    )
                })
            }
            FieldKind::Flag => columns.flag(i, row).map(Value::Bool),
            FieldKind::Pressure => {
                let systolic = columns.count(i, row)?;
                i += 1;
                let diastolic = columns.count(i, row)?;
                match (systolic, diastolic) {
                    (Some(s), Some(d)) => {
                        let mut m = Map::new();
                        m.insert("systolic".into(), Value::from(s));
                        m.insert("diastolic".into(), Value::from(d));
                        Some(Value::Object(m))
                    }
                    (None, None) => None,
                    (Some(_), None) | (None, Some(_)) => {
                        let (given, missing) = if systolic.is_some() {
                            ("systolic", "diastolic")
                        } else {
                            ("diastolic", "systolic")
                        };
                        return Err(RaktError::InvalidInput {
                            field: name.to_string(),
                            reason: format!("{name}_{given} is given without {name}_{missing}"),
                        });
                    }
                }
            }
        };
        if let Some(v) = value {
            values.push((name, v));
        }
        i += 1;
    }
    record_from_values(values)
}

/// Whether two names are the same, in a constant.
const fn same(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    while let ([x, ra @ ..], [y, rb @ ..]) = (a, b) {
        if *x != *y {
            return false;
        }
        (a, b) = (ra, rb);
    }
    a.is_empty() && b.is_empty()
}

/// The position of input `name` in [`INPUTS`] (its length when there is none).
const fn position(name: &str) -> usize {
    let mut inputs = INPUTS;
    let mut i = 0;
    while let [first, rest @ ..] = inputs {
        if same(first.name, name) {
            return i;
        }
        inputs = rest;
        i += 1;
    }
    i
}

/// The position of an input in [`INPUTS`], found when compiling: a name that is not an input
/// does not compile.
macro_rules! pos {
    ($name:literal) => {
        const {
            let i = position($name);
            assert!(i < INPUTS.len(), "not an input of assess_pregnancies");
            i
        }
    };
}

// A blood pressure is read as its systolic column and the one after it.
const _: () = assert!(position("bp_diastolic") == position("bp_systolic") + 1);
const _: () = assert!(position("bp_repeat_diastolic") == position("bp_repeat_systolic") + 1);

/// The record of one row read straight from its typed cells (its counts, measures and days read
/// ahead for the piece, `k` its position there), without the JSON the general reader
/// ([`record`]) goes through. `None` when any cell is bad or of a kind this path does not read
/// (a code given as a number, an out-of-calendar date, half a blood pressure, ...): the general
/// reader then reads the row and words its error. A record this path returns is the record the
/// general reader would return.
fn record_fast(c: &Columns, ahead: &Ahead, k: usize, row: usize) -> Option<core::AncRecord> {
    use serde::Deserialize;
    use serde::de::value::{BorrowedStrDeserializer, Error};
    // A code is read as serde reads a JSON string, so the same text gives the same value.
    fn code<'de, T: Deserialize<'de>>(c: &'de Columns, i: usize, row: usize) -> Option<Option<T>> {
        match c.str_ref(i, row) {
            Some(text) => T::deserialize(BorrowedStrDeserializer::<Error>::new(text))
                .ok()
                .map(Some),
            None => c.is_empty(i, row).then_some(None),
        }
    }
    fn codes<T: for<'de> Deserialize<'de>>(c: &Columns, i: usize, row: usize) -> Option<Vec<T>> {
        c.codes(i, row)
            .iter()
            .map(|t| T::deserialize(BorrowedStrDeserializer::<Error>::new(t)).ok())
            .collect()
    }
    let count = |i| ahead.count(i, k);
    let measure = |i| ahead.measure(i, k);
    let day = |i| ahead.day(i, k);
    let pressure = |i: usize| match (count(i)?, count(i + 1)?) {
        (Some(s), Some(d)) => Some(Some(core::BloodPressure::new(s, d))),
        (None, None) => Some(None),
        _ => None,
    };
    let blood_group = match c.str_ref(pos!("blood_group"), row) {
        Some(text) => Some(rakt::BloodGroup::parse(text).ok()?),
        None if c.is_empty(pos!("blood_group"), row) => None,
        None => return None,
    };
    // The id is not read: the rules never use it, and the output copies the id column.
    Some(core::AncRecord {
        id: None,
        age_years: count(pos!("age_years"))?,
        height_cm: measure(pos!("height_cm"))?,
        weight_kg: measure(pos!("weight_kg"))?,
        gravida: count(pos!("gravida"))?,
        parity: count(pos!("parity"))?,
        living_children: count(pos!("living_children"))?,
        previous_caesareans: count(pos!("previous_caesareans"))?,
        previous_stillbirths: count(pos!("previous_stillbirths"))?,
        previous_abortions: count(pos!("previous_abortions"))?,
        previous_neonatal_deaths: count(pos!("previous_neonatal_deaths"))?,
        months_since_last_pregnancy: count(pos!("months_since_last_pregnancy"))?,
        lmp: day(pos!("lmp"))?,
        edd: day(pos!("edd"))?,
        fetuses: count(pos!("fetuses"))?,
        presentation: code(c, pos!("presentation"), row)?,
        hb_g_dl: measure(pos!("hb_g_dl"))?,
        haematocrit_pct: measure(pos!("haematocrit_pct"))?,
        platelets_per_ul: count(pos!("platelets_per_ul"))?,
        bp: pressure(pos!("bp_systolic"))?,
        bp_repeat: pressure(pos!("bp_repeat_systolic"))?,
        urine_protein: code(c, pos!("urine_protein"), row)?,
        ogtt_2h_mg_dl: measure(pos!("ogtt_2h_mg_dl"))?,
        thyroid: code(c, pos!("thyroid"), row)?,
        blood_group,
        hiv: code(c, pos!("hiv"), row)?,
        syphilis: code(c, pos!("syphilis"), row)?,
        hbsag: code(c, pos!("hbsag"), row)?,
        conditions: codes(c, pos!("conditions"), row)?,
        danger_signs: codes(c, pos!("danger_signs"), row)?,
        symptoms: codes(c, pos!("symptoms"), row)?,
        vaginal_bleeding: c.flag(pos!("vaginal_bleeding"), row).unwrap_or(false),
        organ_support: code(c, pos!("organ_support"), row)?,
    })
}

impl Op for Assess {
    type Row = Row;
    const NAME: &'static str = "assess_pregnancies";

    fn inputs(&self) -> &'static [Input] {
        INPUTS
    }

    fn unread(&self) -> &'static [(&'static str, &'static str)] {
        UNREAD
    }

    fn row(&self, columns: &Columns, row: usize) -> Row {
        super::single(self.rows(columns, row..row + 1), row)
    }

    fn rows(&self, columns: &Columns, rows: std::ops::Range<usize>) -> Vec<Row> {
        let decide = |r: &core::AncRecord| match self.explain {
            Some(_) => core::decide_pregnancy_with_flags(r, self.as_of, &self.policy),
            None => core::decide_pregnancy(r, self.as_of, &self.policy).map(|d| (d, Vec::new())),
        };
        let ahead = Ahead::read(columns, rows.clone());
        rows.enumerate()
            .map(|(k, row)| match record_fast(columns, &ahead, k, row) {
                Some(r) => decide(&r),
                None => record(columns, row).and_then(|r| decide(&r)),
            })
            .collect()
    }

    fn schema(&self) -> SchemaRef {
        schema(self.explain.is_some())
    }

    fn build(&self, columns: &Columns, rows: Vec<Row>) -> Result<Vec<ArrayRef>, ArrowError> {
        let a: Vec<Option<&core::PregnancyDecision>> =
            rows.iter().map(|r| r.as_ref().ok().map(|r| &r.0)).collect();
        let s = |f: &dyn Fn(&core::PregnancyDecision) -> Option<&'static str>| {
            Out::codes(a.iter().map(|x| x.and_then(f)))
        };
        let mut out = vec![
            Out::ids(columns, rows.len()),
            s(&|x| Some(x.risk_level.as_str()))?,
            Out::code_lists(
                a.iter()
                    .map(|x| x.map(|x| x.flags.iter().map(|c| c.as_str()))),
            )?,
            s(&|x| Some(x.referral_level.as_str()))?,
            s(&|x| Some(x.referral_urgency.as_str()))?,
            s(&|x| Some(x.blood_tier.as_str()))?,
            s(&|x| Some(action_code(x.blood_action)))?,
            Out::counts(a.iter().map(|x| x.map(|x| x.blood_units()))),
            Out::counts(
                a.iter()
                    .map(|x| x.and_then(|x| x.gestational_age.map(|g| g.weeks))),
            ),
            Out::counts(
                a.iter()
                    .map(|x| x.and_then(|x| x.gestational_age.map(|g| g.days))),
            ),
            Out::dates(a.iter().map(|x| x.and_then(|x| x.edd))),
            s(&|x| x.hypertension.map(|h| h.as_str()))?,
            s(&|x| x.anaemia.map(|h| h.as_str()))?,
            Out::bools(a.iter().map(|x| x.and_then(|x| x.gdm))),
            Out::code_lists(a.iter().map(|x| x.map(|x| x.not_assessed.iter())))?,
        ];
        if let Some(lang) = self.explain {
            let flags: Vec<Option<&[core::Flag]>> = rows
                .iter()
                .map(|r| r.as_ref().ok().map(|r| r.1.as_slice()))
                .collect();
            out.push(Out::lists(
                flags
                    .iter()
                    .map(|x| x.map(|x| x.iter().map(move |f| f.message(lang)))),
            ));
            out.push(Out::lists(
                flags
                    .iter()
                    .map(|x| x.map(|x| x.iter().map(|f| f.source.as_str()))),
            ));
        }
        out.push(Out::errors(rows.iter()));
        Ok(out)
    }
}

fn schema(explain: bool) -> SchemaRef {
    let mut fields = vec![
        field("id", DataType::Utf8),
        code_field("risk_level"),
        code_list_field("flags"),
        code_field("referral_level"),
        code_field("referral_urgency"),
        code_field("blood_tier"),
        code_field("blood_action"),
        field("blood_units", DataType::Int64),
        field("gestation_weeks", DataType::Int64),
        field("gestation_days", DataType::Int64),
        field("edd", DataType::Date32),
        code_field("hypertension"),
        code_field("anaemia"),
        field("gdm", DataType::Boolean),
        code_list_field("not_assessed"),
    ];
    if explain {
        fields.push(list_field("flag_messages"));
        fields.push(list_field("flag_sources"));
    }
    fields.push(field("error", DataType::Utf8));
    Arc::new(Schema::new(fields))
}

/// The high-risk pregnancy assessment of every row of `data` on the day `as_of`: a pyarrow
/// Table with one row per input row (a RecordBatchReader when `data` is a stream). With
/// `explain=True`, each flag's message in `lang` and its source as two more list columns.
#[pyfunction]
#[pyo3(signature = (data, as_of, policy = None, *, columns = None, parallel = true, explain = false, lang = "en"))]
#[allow(clippy::too_many_arguments)]
fn assess_pregnancies<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, PyPolicy>>,
    columns: Option<&Bound<'py, PyDict>>,
    parallel: bool,
    explain: bool,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    // The language is checked even when no explanation is asked for: a typo is never silent.
    let lang = rakt::Lang::parse(lang).or_raise()?;
    let op = Assess {
        as_of: to_date(as_of, "as_of")?,
        policy: super::shared_policy(policy),
        explain: explain.then_some(lang),
    };
    super::run(py, op, data, columns, parallel)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(assess_pregnancies, m)?)?;
    Ok(())
}
