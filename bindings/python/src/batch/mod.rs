//! Batch functions over Arrow tables: one call applies a rule to every row of a pyarrow Table or
//! RecordBatch, a pandas or polars DataFrame, or a stream of record batches (anything with the
//! Arrow PyCapsule interface), and returns one output row per input row.
//!
//! Nothing here is a rule: each row is read into the same core input the per-record function
//! builds (the same parser, so the same errors), and the same core function decides. What this
//! module adds is the table plumbing:
//!
//! - columns are found by field name, or by the caller's `columns` mapping (field → column);
//!   a missing required column, a mapped column that is not there, or two columns of the name
//!   an input is read from, is an error naming it;
//! - each column is read by the kind of its field, from the Arrow types analysts' tables carry
//!   (integers, floats, decimals, strings, dates, timestamps at midnight, booleans, lists);
//! - a bad value is an error in that row's `error` column, never a failed batch: columns are only
//!   cast where no value can fail (widening), and every value that does not fit (a `uint64`
//!   beyond a count, a decimal rakt cannot hold exactly, a date or timestamp beyond chrono's
//!   years) is found when its row is read;
//! - the GIL is released while Rust works, and large batches are split over the cores with the
//!   output in input order, identical to a one-thread run;
//! - the worker pool is per process, so a module imported before `fork` keeps working after it.

mod ahead;
pub(crate) mod blood;
pub(crate) mod capsule;
mod codes;
mod columns;
pub(crate) mod donor;
mod layout;
pub(crate) mod pregnancy;
pub(crate) mod vitals;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Int64Builder, ListBuilder, StringBuilder,
    TimestampMicrosecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch, RecordBatchReader};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use chrono::{DateTime, FixedOffset, NaiveDate};
use pyo3::exceptions::{PyKeyError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rakt::RaktError;
use rayon::prelude::*;

pub(crate) use columns::{Columns, required};
use columns::{Data, read_column};

/// How a column is read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    /// Free text (identifiers): strings, or integers written as decimal digits.
    Text,
    /// A whole number from 0 to 2³²−1: integers, whole floats, decimal strings.
    Count,
    /// An exact decimal: decimals, integers, floats (by their shortest decimal form), strings.
    Measure,
    /// A day: dates, timestamps without a zone at exactly midnight, `YYYY-MM-DD` strings.
    Day,
    /// A stable code: strings (dictionary and view strings included).
    Code,
    /// A list of stable codes: a list of strings, or one string separated by `;` or `,`.
    Codes,
    /// A yes/no: booleans.
    Flag,
    /// An instant: timestamps with a time zone, RFC 3339 strings with a UTC offset.
    Instant,
    /// A list of days: a list of dates, or one string of `YYYY-MM-DD` separated by `;` or `,`.
    Days,
}

impl Kind {
    /// The Arrow types a column of this kind is read as, for the error on a wrong column.
    fn accepts(self) -> &'static str {
        match self {
            Kind::Text => "a string or integer column",
            Kind::Count => "an integer, float, decimal or string column",
            Kind::Measure => "a decimal, float, integer or string column",
            Kind::Day => "a date, timestamp (no time zone) or string column",
            Kind::Code => "a string column",
            Kind::Codes => "a list of strings or a string column",
            Kind::Flag => "a boolean column",
            Kind::Instant => "a timestamp column with a time zone, or an RFC 3339 string column",
            Kind::Days => "a list of dates or a string column",
        }
    }
}

/// One input field of a batch function.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Input {
    /// The field (and default column) name.
    pub name: &'static str,
    /// How it is read.
    pub kind: Kind,
    /// Whether the column must be present.
    pub required: bool,
}

impl Input {
    /// An input whose column may be absent.
    pub(crate) const fn optional(name: &'static str, kind: Kind) -> Input {
        Input {
            name,
            kind,
            required: false,
        }
    }

    /// An input whose column must be present.
    pub(crate) const fn required(name: &'static str, kind: Kind) -> Input {
        Input {
            name,
            kind,
            required: true,
        }
    }
}

/// The policy argument of a batch function, shared by the worker threads.
pub(crate) fn shared_policy(
    policy: Option<&Bound<'_, crate::policy::PyPolicy>>,
) -> Arc<rakt::Policy> {
    Arc::new(crate::policy::policy_or_default(policy).clone())
}

/// Where each input is read from: the caller's mapping resolved against a schema.
pub(crate) struct Mapping {
    /// The column name of each input, in input order.
    sources: Vec<String>,
}

impl Mapping {
    /// Checks `columns` (field → column) against the inputs and the schema.
    fn new(
        function: &str,
        inputs: &'static [Input],
        columns: &HashMap<String, String>,
        schema: &Schema,
    ) -> PyResult<Self> {
        for field in columns.keys() {
            if !inputs.iter().any(|i| i.name == field) {
                let known: Vec<&str> = inputs.iter().map(|i| i.name).collect();
                return Err(PyKeyError::new_err(format!(
                    "columns: {field:?} is not an input of {function} (its inputs: {})",
                    known.join(", ")
                )));
            }
        }
        let mut sources = Vec::with_capacity(inputs.len());
        let mut found = 0;
        for input in inputs {
            let (source, mapped) = match columns.get(input.name) {
                Some(c) => (c.clone(), true),
                None => (input.name.to_string(), false),
            };
            let copies = schema
                .fields()
                .iter()
                .filter(|f| f.name() == &source)
                .count();
            if copies > 1 {
                // Reading the first would be a guess at which one the caller meant.
                return Err(PyKeyError::new_err(format!(
                    "{function}: the table has {copies} columns named {source:?} (read for \
                     field {}); which one to read is ambiguous: rename or drop the others",
                    input.name
                )));
            }
            let present = copies == 1;
            if present {
                found += 1;
            } else if mapped {
                return Err(PyKeyError::new_err(format!(
                    "column {source:?} (mapped to field {}) is not in the table; its columns: {}",
                    input.name,
                    column_list(schema)
                )));
            } else if input.required {
                return Err(PyKeyError::new_err(format!(
                    "{function} needs a column {:?} ({}); the table has {}; map another \
                     column to it with columns={{{:?}: \"your column\"}}",
                    input.name,
                    input.kind.accepts(),
                    column_list(schema),
                    input.name
                )));
            }
            sources.push(source);
        }
        if found == 0 {
            let known: Vec<&str> = inputs.iter().map(|i| i.name).collect();
            return Err(PyKeyError::new_err(format!(
                "{function}: none of the table's columns ({}) is an input; expected some of: {}",
                column_list(schema),
                known.join(", ")
            )));
        }
        Ok(Mapping { sources })
    }

    /// The columns of one batch.
    fn columns(&self, inputs: &'static [Input], batch: &RecordBatch) -> PyResult<Columns> {
        let mut data = Vec::with_capacity(inputs.len());
        for (input, source) in inputs.iter().zip(&self.sources) {
            data.push(match batch.column_by_name(source) {
                Some(array) => read_column(input, source, array)?,
                None => Data::Absent,
            });
        }
        Ok(Columns { inputs, data })
    }
}

fn column_list(schema: &Schema) -> String {
    let names: Vec<String> = schema
        .fields()
        .iter()
        .map(|f| format!("{:?}", f.name()))
        .collect();
    if names.is_empty() {
        "no columns".into()
    } else {
        names.join(", ")
    }
}

/// A batch function: its inputs, how one row is decided, and the output columns.
pub(crate) trait Op: Send + Sync + 'static {
    /// What one row gives.
    type Row: Send;
    /// The Python name, for errors.
    const NAME: &'static str;
    /// The input fields, in a fixed order (the indices `row` reads by).
    fn inputs(&self) -> &'static [Input];
    /// Column names a caller may expect to be read that are not, each with what to give
    /// instead: such a column is an error, never silently ignored.
    fn unread(&self) -> &'static [(&'static str, &'static str)] {
        &[]
    }
    /// Decides one row; a bad row is an error inside `Row`, never a failed batch.
    fn row(&self, columns: &Columns, row: usize) -> Self::Row;

    /// Decides `rows` of `columns`, in order: one by one with [`Op::row`], unless an operation
    /// reads its rows into buffers it reuses.
    fn rows(&self, columns: &Columns, rows: std::ops::Range<usize>) -> Vec<Self::Row> {
        rows.map(|r| self.row(columns, r)).collect()
    }
    /// The output schema (with the `error` column last).
    fn schema(&self) -> SchemaRef;
    /// The output columns of decided rows, in schema order, `error` included.
    /// `columns` are the piece's inputs (the `id` column is copied from them).
    fn build(&self, columns: &Columns, rows: Vec<Self::Row>) -> Result<Vec<ArrayRef>, ArrowError>;
}

/// The one row of `rows(row..row + 1)`, for an operation that decides its rows a piece at a
/// time ([`Op::rows`]) and gives [`Op::row`] through it.
pub(crate) fn single<T>(mut rows: Vec<Result<T, RaktError>>, row: usize) -> Result<T, RaktError> {
    rows.pop().unwrap_or_else(|| {
        Err(RaktError::InvalidInput {
            field: "row".into(),
            reason: format!("row {row} is not in the batch"),
        })
    })
}

/// Rows per piece. A batch is decided and built piece by piece, each piece a task on the pool
/// when `parallel`: building the output columns then runs on every core too, and only the decided
/// rows of the pieces in flight are alive at once (an assessment with its reasons is kilobytes).
/// The pieces are the same with and without `parallel`, so the output is too.
const PIECE: usize = 4096;

/// The process's worker pool, rebuilt in a child after `fork` (threads do not survive it).
fn pool() -> Option<Arc<rayon::ThreadPool>> {
    static POOL: Mutex<Option<(u32, Arc<rayon::ThreadPool>)>> = Mutex::new(None);
    let pid = std::process::id();
    let mut guard = POOL.lock().ok()?;
    if let Some((owner, pool)) = guard.as_ref()
        && *owner == pid
    {
        return Some(pool.clone());
    }
    let pool = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("rakt-batch-{i}"))
            .build()
            .ok()?,
    );
    *guard = Some((pid, pool.clone()));
    Some(pool)
}

/// Decides every row of one batch: the output batches of its pieces, in order, on the pool when
/// `parallel` and there is more than one piece.
fn run_batch<O: Op>(
    op: &O,
    mapping: &Mapping,
    batch: &RecordBatch,
    parallel: bool,
) -> PyResult<Vec<RecordBatch>> {
    let n = batch.num_rows();
    let piece = |start: usize| -> PyResult<RecordBatch> {
        let slice = batch.slice(start, PIECE.min(n.saturating_sub(start)));
        let columns = mapping.columns(op.inputs(), &slice)?;
        let rows = op.rows(&columns, 0..slice.num_rows());
        let arrays = op.build(&columns, rows).map_err(arrow_err)?;
        RecordBatch::try_new(op.schema(), arrays).map_err(arrow_err)
    };
    let starts: Vec<usize> = (0..n.max(1)).step_by(PIECE).collect();
    match pool() {
        Some(pool) if parallel && starts.len() > 1 => {
            pool.install(|| starts.into_par_iter().map(piece).collect())
        }
        _ => starts.into_iter().map(piece).collect(),
    }
}

fn arrow_err(e: ArrowError) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// The output of a stream input, decided as it is read: each input batch gives its output in
/// the same rows, as one batch or (above `PIECE` rows) several.
struct Lazy<O: Op> {
    op: Arc<O>,
    mapping: Mapping,
    input: Box<dyn RecordBatchReader + Send>,
    parallel: bool,
    /// The decided pieces of the last input batch not yet handed out, in reverse order.
    ready: Vec<RecordBatch>,
}

impl<O: Op> Iterator for Lazy<O> {
    type Item = Result<RecordBatch, ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(piece) = self.ready.pop() {
            return Some(Ok(piece));
        }
        let batch = match self.input.next()? {
            Ok(b) => b,
            Err(e) => return Some(Err(e)),
        };
        match run_batch(self.op.as_ref(), &self.mapping, &batch, self.parallel) {
            Ok(mut pieces) => {
                pieces.reverse();
                let first = pieces.pop()?;
                self.ready = pieces;
                Some(Ok(first))
            }
            Err(e) => Some(Err(ArrowError::ExternalError(Box::new(e)))),
        }
    }
}

impl<O: Op> RecordBatchReader for Lazy<O> {
    fn schema(&self) -> SchemaRef {
        self.op.schema()
    }
}

/// Reads the `columns` mapping argument (field → column name).
fn mapping_arg(columns: Option<&Bound<'_, PyDict>>) -> PyResult<HashMap<String, String>> {
    let mut out = HashMap::new();
    if let Some(d) = columns {
        for (k, v) in d.iter() {
            let field: String = k
                .extract()
                .map_err(|_| PyTypeError::new_err("columns: keys must be str field names"))?;
            let column: String = v
                .extract()
                .map_err(|_| PyTypeError::new_err("columns: values must be str column names"))?;
            out.insert(field, column);
        }
    }
    Ok(out)
}

/// `data` as a reader of record batches, with its columns checked against `inputs` (after the
/// `columns` renaming) and no column of `unread` present.
fn open(
    function: &str,
    data: &Bound<'_, PyAny>,
    inputs: &'static [Input],
    unread: &[(&str, &str)],
    columns: &HashMap<String, String>,
) -> PyResult<(Mapping, Box<dyn RecordBatchReader + Send>)> {
    let input = capsule::import(data)?.ok_or_else(|| {
        PyTypeError::new_err(format!(
            "{function}: data must be a table with the Arrow PyCapsule interface (a pyarrow Table, \
             RecordBatch or RecordBatchReader, a pandas or polars DataFrame), not {}",
            data.get_type()
                .name()
                .map_or_else(|_| "?".into(), |n| n.to_string())
        ))
    })?;
    let schema = input.schema();
    for (name, instead) in unread {
        if schema.index_of(name).is_ok() {
            return Err(PyValueError::new_err(format!(
                "{function}: column {name:?} is not read: {instead}"
            )));
        }
    }
    let mapping = Mapping::new(function, inputs, columns, &schema)?;
    Ok((mapping, input))
}

/// Every row of `data` as `each` reads it from the columns named after `inputs`, in order: for
/// callers that build records rather than an output table (the HMIS report).
pub(crate) fn read_rows<T>(
    function: &str,
    data: &Bound<'_, PyAny>,
    inputs: &'static [Input],
    unread: &[(&str, &str)],
    mut each: impl FnMut(&Columns, usize) -> T,
) -> PyResult<Vec<T>> {
    let (mapping, reader) = open(function, data, inputs, unread, &HashMap::new())?;
    let mut out = Vec::new();
    for batch in reader {
        let batch = batch.map_err(arrow_err)?;
        let columns = mapping.columns(inputs, &batch)?;
        out.extend((0..batch.num_rows()).map(|r| each(&columns, r)));
    }
    Ok(out)
}

/// Runs `op` over `data` and returns a `pyarrow.Table`, or a `pyarrow.RecordBatchReader` that
/// decides each batch as it is read when `data` is a stream (has `read_next_batch`).
pub(crate) fn run<'py, O: Op>(
    py: Python<'py>,
    op: O,
    data: &Bound<'py, PyAny>,
    columns: Option<&Bound<'py, PyDict>>,
    parallel: bool,
) -> PyResult<Bound<'py, PyAny>> {
    if py.import("pyarrow").is_err() {
        return Err(pyo3::exceptions::PyImportError::new_err(
            "the batch functions return pyarrow tables: pip install pyarrow",
        ));
    }
    let streaming = data.hasattr("read_next_batch")?;
    let (mapping, reader) = open(
        O::NAME,
        data,
        op.inputs(),
        op.unread(),
        &mapping_arg(columns)?,
    )?;
    if streaming {
        let lazy = Lazy {
            op: Arc::new(op),
            mapping,
            input: reader,
            parallel,
            ready: Vec::new(),
        };
        return capsule::reader(py, Box::new(lazy));
    }
    let out_schema = op.schema();
    let batches = py.detach(|| -> PyResult<Vec<RecordBatch>> {
        let mut out = Vec::new();
        for batch in reader {
            let batch = batch.map_err(arrow_err)?;
            out.extend(run_batch(&op, &mapping, &batch, parallel)?);
        }
        Ok(out)
    })?;
    capsule::table(py, batches, out_schema)
}

/// The bytes reserved per value of a text column before writing it (a code is short; a longer
/// value grows the buffer as usual).
const CODE_BYTES: usize = 16;

/// Builders for the output columns.
pub(crate) struct Out;

impl Out {
    /// The `id` column (input 0 of every batch function) of `rows` rows, as text.
    pub(crate) fn ids(columns: &Columns, rows: usize) -> ArrayRef {
        let mut b = StringBuilder::new();
        for row in 0..rows {
            match columns.str_ref(0, row) {
                Some(id) => b.append_value(id),
                None => b.append_option(columns.text(0, row)),
            }
        }
        Arc::new(b.finish())
    }

    /// A nullable string column (owned or borrowed text: codes are written without a copy).
    pub(crate) fn strings<S: AsRef<str>, I: IntoIterator<Item = Option<S>>>(values: I) -> ArrayRef {
        let values = values.into_iter();
        let n = values.size_hint().0;
        // Sized for the piece up front (codes are short): no regrowth while writing.
        let mut b = StringBuilder::with_capacity(n, n * CODE_BYTES);
        for v in values {
            b.append_option(v);
        }
        Arc::new(b.finish())
    }

    /// A list-of-strings column (a null list where `None`).
    pub(crate) fn lists<S, L, I>(values: I) -> ArrayRef
    where
        S: AsRef<str>,
        L: IntoIterator<Item = S>,
        I: IntoIterator<Item = Option<L>>,
    {
        let values = values.into_iter();
        let n = values.size_hint().0;
        let mut b = ListBuilder::with_capacity(StringBuilder::with_capacity(n, n * CODE_BYTES), n);
        for v in values {
            match v {
                Some(items) => {
                    for s in items {
                        b.values().append_value(s);
                    }
                    b.append(true);
                }
                None => b.append(false),
            }
        }
        Arc::new(b.finish())
    }

    /// A nullable count column, as Int64 (the integer type every engine reads; Spark has no
    /// unsigned types).
    pub(crate) fn counts<I: IntoIterator<Item = Option<u32>>>(values: I) -> ArrayRef {
        let values = values.into_iter();
        let mut b = Int64Builder::with_capacity(values.size_hint().0);
        for v in values {
            b.append_option(v.map(i64::from));
        }
        Arc::new(b.finish())
    }

    /// A nullable date column.
    pub(crate) fn dates<I: IntoIterator<Item = Option<NaiveDate>>>(values: I) -> ArrayRef {
        let values = values.into_iter();
        let mut b = Date32Builder::with_capacity(values.size_hint().0);
        for v in values {
            b.append_option(v.map(|d| d.to_epoch_days()));
        }
        Arc::new(b.finish())
    }

    /// A nullable boolean column.
    pub(crate) fn bools<I: IntoIterator<Item = Option<bool>>>(values: I) -> ArrayRef {
        let values = values.into_iter();
        let mut b = BooleanBuilder::with_capacity(values.size_hint().0);
        for v in values {
            b.append_option(v);
        }
        Arc::new(b.finish())
    }

    /// A nullable instant column in the zone `tz` (e.g. `+05:30`).
    pub(crate) fn instants<I: IntoIterator<Item = Option<DateTime<FixedOffset>>>>(
        values: I,
        tz: &str,
    ) -> ArrayRef {
        let mut b = TimestampMicrosecondBuilder::new();
        for v in values {
            b.append_option(v.map(|t| t.timestamp_micros()));
        }
        Arc::new(b.finish().with_timezone(tz))
    }

    /// The `error` column of decided rows.
    pub(crate) fn errors<'a, T: 'a, I: IntoIterator<Item = &'a Result<T, RaktError>>>(
        rows: I,
    ) -> ArrayRef {
        Self::strings(
            rows.into_iter()
                .map(|r| r.as_ref().err().map(ToString::to_string)),
        )
    }
}

/// Field helpers for output schemas.
pub(crate) fn field(name: &str, t: DataType) -> Field {
    Field::new(name, t, true)
}

/// A list-of-strings field.
pub(crate) fn list_field(name: &str) -> Field {
    Field::new(
        name,
        DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
        true,
    )
}

/// The Arrow type of a code column: `dictionary<values=string, indices=int16>`.
fn code_type() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int16), Box::new(DataType::Utf8))
}

/// The item field of a list-of-codes column.
fn code_item() -> Arc<Field> {
    Arc::new(Field::new("item", code_type(), true))
}

/// A code field (a dictionary-encoded string).
pub(crate) fn code_field(name: &str) -> Field {
    Field::new(name, code_type(), true)
}

/// A list-of-codes field (a list of dictionary-encoded strings).
pub(crate) fn code_list_field(name: &str) -> Field {
    Field::new(name, DataType::List(code_item()), true)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    pregnancy::register(m)?;
    vitals::register(m)?;
    blood::register(m)?;
    donor::register(m)
}
