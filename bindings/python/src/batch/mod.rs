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

pub(crate) mod blood;
pub(crate) mod donor;
pub(crate) mod pregnancy;
pub(crate) mod vitals;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Int64Builder, ListBuilder, StringBuilder,
    TimestampMicrosecondBuilder,
};
use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Decimal128Type, Decimal256Type, Float64Type, Int64Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef, RecordBatch, RecordBatchReader};
use arrow_cast::cast::{CastOptions, cast_with_options};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef, TimeUnit};
use arrow_select::concat::concat_batches;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use pyo3::exceptions::{PyKeyError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3_arrow::input::AnyRecordBatch;
use pyo3_arrow::{PyRecordBatchReader, PyTable};
use rakt::RaktError;
use rayon::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

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

/// A column read into one of the canonical Arrow types. Only casts that cannot fail are made
/// here (widening integers, decimals and list layouts; reinterpreting timestamps as their
/// integers): a value that does not fit is found when its row is read, and is that row's error.
enum Data {
    Absent,
    /// Signed integers and unsigned ones up to 32 bits, as Int64.
    Int(ArrayRef),
    /// UInt64, kept as it is: its values above `i64::MAX` are values too.
    UInt(ArrayRef),
    Float(ArrayRef),
    /// Decimal128 (decimal32 and decimal64 widened to it) or Decimal256, with the column's scale.
    Dec(ArrayRef, i8),
    Str(ArrayRef),
    Date(ArrayRef),
    /// Timestamps without a zone, and date64 (milliseconds), as Int64 counts of the unit since
    /// 1970-01-01.
    Ts(ArrayRef, TimeUnit),
    Bool(ArrayRef),
    List(ArrayRef),
    /// Timestamps with a zone, as Int64 counts of the unit since 1970-01-01 UTC.
    Zoned(ArrayRef, TimeUnit),
    /// A list of dates (date32 or date64 items).
    DateList(ArrayRef),
}

/// The abbreviation of a time unit, for errors.
fn unit_name(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Second => "s",
        TimeUnit::Millisecond => "ms",
        TimeUnit::Microsecond => "µs",
        TimeUnit::Nanosecond => "ns",
    }
}

/// The UTC time `v` units after 1970-01-01, or why there is none (outside rakt's calendar,
/// the years 1 to 9999, as in the per-record API).
fn time_at(v: i64, unit: TimeUnit) -> Result<NaiveDateTime, String> {
    let t = match unit {
        TimeUnit::Second => DateTime::from_timestamp(v, 0),
        TimeUnit::Millisecond => DateTime::from_timestamp_millis(v),
        TimeUnit::Microsecond => DateTime::from_timestamp_micros(v),
        TimeUnit::Nanosecond => Some(DateTime::from_timestamp_nanos(v)),
    };
    t.map(|t| t.naive_utc())
        .filter(|t| rakt::time::in_calendar(t.date()))
        .ok_or_else(|| {
            format!(
                "{v} {} after 1970-01-01 {OUTSIDE_CALENDAR}",
                unit_name(unit)
            )
        })
}

/// The end of a message for a day or time outside rakt's calendar.
const OUTSIDE_CALENDAR: &str = "is outside the years 1 to 9999";

/// The day `days` after 1970-01-01, or why there is none (outside rakt's calendar).
fn day_at(days: i32) -> Result<NaiveDate, String> {
    NaiveDate::from_epoch_days(days)
        .filter(|d| rakt::time::in_calendar(*d))
        .ok_or_else(|| format!("{days} days after 1970-01-01 {OUTSIDE_CALENDAR}"))
}

/// The day a date64 cell (milliseconds, a whole number of days) stands for.
fn day_of_millis(ms: i64) -> Result<NaiveDate, String> {
    let at = time_at(ms, TimeUnit::Millisecond)?;
    if at.time() == chrono::NaiveTime::MIN {
        Ok(at.date())
    } else {
        Err(format!(
            "date64 value {ms} ms is not a whole number of days (it is {at})"
        ))
    }
}

/// A decimal's unscaled integer (its digits, with a sign) and scale as fixed-point text:
/// `("-1234", 2)` → `-12.34`, `("5", -2)` → `500`. Only for the cells the fast path cannot
/// hold, so that they are judged by the one rule, [`crate::convert::exact_decimal`].
fn fixed_point(unscaled: &str, scale: i8) -> String {
    let (sign, digits) = match unscaled.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", unscaled),
    };
    let places = usize::from(scale.unsigned_abs());
    if scale <= 0 {
        return format!("{sign}{digits}{}", "0".repeat(places));
    }
    let padded = format!("{digits:0>width$}", width = places + 1);
    match padded.split_at_checked(padded.len().saturating_sub(places)) {
        Some((whole, fraction)) => format!("{sign}{whole}.{fraction}"),
        None => format!("{sign}{digits}e-{places}"),
    }
}

/// The input columns of one record batch, in the order of the function's inputs.
pub(crate) struct Columns {
    inputs: &'static [Input],
    data: Vec<Data>,
}

fn bad(field: &str, reason: String) -> RaktError {
    RaktError::InvalidInput {
        field: field.to_string(),
        reason,
    }
}

fn out_of_range(shown: &str) -> String {
    format!("{shown} is not a whole number from 0 to {}", u32::MAX)
}

/// Python's shortest decimal form of a float, which is what `Decimal(repr(x))` reads.
fn float_text(f: f64) -> String {
    let mut s = format!("{f}");
    if f.is_finite() && !s.contains('.') && !s.contains('e') {
        s.push_str(".0");
    }
    s
}

/// The child values of a list column and the range of cell `row`'s items in them, read through
/// the offsets: no sliced array is made per cell.
fn list_items(a: &ArrayRef, row: usize) -> (&ArrayRef, std::ops::Range<usize>) {
    let list = a.as_list::<i32>();
    let offsets = list.value_offsets();
    let at = |k: usize| {
        offsets
            .get(k)
            .and_then(|o| usize::try_from(*o).ok())
            .unwrap_or(0)
    };
    let (start, end) = (at(row), at(row + 1));
    (list.values(), start..end.max(start))
}

impl Columns {
    /// The value at `row` of input `i`: `None` when the cell is null or the column absent.
    fn data(&self, i: usize) -> Option<(&Data, &Input)> {
        Some((self.data.get(i)?, self.inputs.get(i)?))
    }

    /// The column of input `i` when its cell at `row` holds a value.
    fn cell(&self, i: usize, row: usize) -> Option<(&Data, &Input)> {
        self.data(i).filter(|(d, _)| !Self::is_null(d, row))
    }

    fn is_null(d: &Data, row: usize) -> bool {
        match d {
            Data::Absent => true,
            Data::Int(a)
            | Data::UInt(a)
            | Data::Float(a)
            | Data::Dec(a, _)
            | Data::Str(a)
            | Data::Date(a)
            | Data::Ts(a, _)
            | Data::Bool(a)
            | Data::List(a)
            | Data::Zoned(a, _)
            | Data::DateList(a) => a.is_null(row),
        }
    }

    /// A whole number from 0 to 2³²−1.
    pub(crate) fn count(&self, i: usize, row: usize) -> Result<Option<u32>, RaktError> {
        let Some((d, input)) = self.cell(i, row) else {
            return Ok(None);
        };
        let field = input.name;
        match d {
            Data::Int(a) => {
                let v = a.as_primitive::<Int64Type>().value(row);
                u32::try_from(v)
                    .map(Some)
                    .map_err(|_| bad(field, out_of_range(&v.to_string())))
            }
            Data::UInt(a) => {
                let v = a.as_primitive::<UInt64Type>().value(row);
                u32::try_from(v)
                    .map(Some)
                    .map_err(|_| bad(field, out_of_range(&v.to_string())))
            }
            Data::Float(a) => {
                let v = a.as_primitive::<Float64Type>().value(row);
                if v.is_nan() {
                    return Ok(None);
                }
                if v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v) {
                    // Whole and in range: the conversion is exact.
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    return Ok(Some(v as u32));
                }
                // A whole float (an integer column with gaps, as pandas makes them) is shown
                // as the integer it stands for.
                let shown = if v.fract() == 0.0 {
                    format!("{v:.0}")
                } else {
                    float_text(v)
                };
                Err(bad(field, out_of_range(&shown)))
            }
            Data::Dec(..) | Data::Str(_) => {
                let d = self.decimal_value(d, field, row)?;
                match d.fract().is_zero().then(|| d.to_u32()).flatten() {
                    Some(v) => Ok(Some(v)),
                    None => Err(bad(field, out_of_range(&d.to_string()))),
                }
            }
            _ => Ok(None),
        }
    }

    /// The exact decimal in a cell; what rakt's decimal cannot hold exactly is refused by the
    /// rule the per-record API applies ([`crate::convert::exact_decimal`]), never rounded.
    fn decimal_value(&self, d: &Data, field: &str, row: usize) -> Result<Decimal, RaktError> {
        let exact = |text: &str, shown: &dyn Fn() -> String| {
            crate::convert::exact_decimal(text)
                .ok_or_else(|| bad(field, crate::convert::not_exact(&shown())))
        };
        match d {
            Data::Int(a) => Ok(Decimal::from(a.as_primitive::<Int64Type>().value(row))),
            Data::UInt(a) => Ok(Decimal::from(a.as_primitive::<UInt64Type>().value(row))),
            Data::Float(a) => {
                let text = float_text(a.as_primitive::<Float64Type>().value(row));
                exact(&text, &|| text.clone())
            }
            Data::Dec(a, scale) => {
                // The common case without text: an unscaled value and scale that rakt's decimal
                // holds as they are (at most 96 bits, scale 0 to 28) is that decimal exactly.
                let unscaled = match a.data_type() {
                    DataType::Decimal256(..) => {
                        a.as_primitive::<Decimal256Type>().value(row).to_i128()
                    }
                    _ => Some(a.as_primitive::<Decimal128Type>().value(row)),
                };
                let fast = unscaled.and_then(|m| match u32::try_from(*scale) {
                    Ok(s) => Decimal::try_from_i128_with_scale(m, s).ok(),
                    Err(_) => 10i128
                        .checked_pow(u32::from(scale.unsigned_abs()))
                        .and_then(|p| m.checked_mul(p))
                        .and_then(|m| Decimal::try_from_i128_with_scale(m, 0).ok()),
                });
                if let Some(v) = fast {
                    return Ok(v);
                }
                let digits = match a.data_type() {
                    DataType::Decimal256(..) => {
                        a.as_primitive::<Decimal256Type>().value(row).to_string()
                    }
                    _ => a.as_primitive::<Decimal128Type>().value(row).to_string(),
                };
                let text = fixed_point(&digits, *scale);
                exact(&text, &|| text.clone())
            }
            Data::Str(a) => {
                let text = a.as_string::<i32>().value(row).trim();
                exact(text, &|| format!("{text:?}"))
            }
            _ => Err(bad(field, crate::convert::not_exact("?"))),
        }
    }

    /// An exact decimal.
    pub(crate) fn measure(&self, i: usize, row: usize) -> Result<Option<Decimal>, RaktError> {
        let Some((d, input)) = self.cell(i, row) else {
            return Ok(None);
        };
        if let Data::Float(a) = d {
            let v = a.as_primitive::<Float64Type>().value(row);
            if v.is_nan() {
                return Ok(None);
            }
        }
        self.decimal_value(d, input.name, row).map(Some)
    }

    /// A day.
    pub(crate) fn day(&self, i: usize, row: usize) -> Result<Option<NaiveDate>, RaktError> {
        let Some((d, input)) = self.cell(i, row) else {
            return Ok(None);
        };
        let field = input.name;
        match d {
            Data::Date(a) => {
                let days = a.as_primitive::<Date32Type>().value(row);
                day_at(days).map(Some).map_err(|reason| bad(field, reason))
            }
            Data::Ts(a, unit) => {
                let v = a.as_primitive::<Int64Type>().value(row);
                let at = time_at(v, *unit).map_err(|reason| bad(field, reason))?;
                if at.time() == chrono::NaiveTime::MIN {
                    Ok(Some(at.date()))
                } else {
                    Err(bad(
                        field,
                        format!(
                            "{at} is a time of day; {field} is a day, not an instant: give a \
                             date or a timestamp at midnight"
                        ),
                    ))
                }
            }
            Data::Str(a) => {
                let text = a.as_string::<i32>().value(row).trim();
                NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .map(Some)
                    .map_err(|_| bad(field, format!("{text:?} is not a date (YYYY-MM-DD)")))
            }
            _ => Ok(None),
        }
    }

    /// Text or a code.
    pub(crate) fn text(&self, i: usize, row: usize) -> Option<String> {
        let (d, _) = self.data(i)?;
        if Self::is_null(d, row) {
            return None;
        }
        match d {
            Data::Str(a) => Some(a.as_string::<i32>().value(row).to_string()),
            Data::Int(a) => Some(a.as_primitive::<Int64Type>().value(row).to_string()),
            Data::UInt(a) => Some(a.as_primitive::<UInt64Type>().value(row).to_string()),
            _ => None,
        }
    }

    /// The text of a string cell, borrowed (`None` for a null cell, an absent column or a
    /// column that is not a string).
    pub(crate) fn str_ref(&self, i: usize, row: usize) -> Option<&str> {
        match self.data(i)? {
            (Data::Str(a), _) if !a.is_null(row) => Some(a.as_string::<i32>().value(row)),
            _ => None,
        }
    }

    /// Whether the cell at `row` of input `i` is null or its column absent.
    pub(crate) fn is_empty(&self, i: usize, row: usize) -> bool {
        self.data(i).is_none_or(|(d, _)| Self::is_null(d, row))
    }

    /// A list of codes (an empty list for a null cell).
    pub(crate) fn codes(&self, i: usize, row: usize) -> Vec<String> {
        let Some((d, _)) = self.data(i) else {
            return Vec::new();
        };
        if Self::is_null(d, row) {
            return Vec::new();
        }
        match d {
            Data::List(a) => {
                let (values, range) = list_items(a, row);
                let items = values.as_string::<i32>();
                range
                    .filter(|&k| !items.is_null(k))
                    .map(|k| items.value(k).trim())
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            }
            Data::Str(a) => a
                .as_string::<i32>()
                .value(row)
                .split([';', ','])
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A yes/no (`None` for a null cell).
    pub(crate) fn flag(&self, i: usize, row: usize) -> Option<bool> {
        let (d, _) = self.data(i)?;
        match d {
            Data::Bool(a) if !a.is_null(row) => Some(a.as_boolean().value(row)),
            _ => None,
        }
    }

    /// An instant.
    pub(crate) fn instant(
        &self,
        i: usize,
        row: usize,
    ) -> Result<Option<DateTime<FixedOffset>>, RaktError> {
        let Some((d, input)) = self.cell(i, row) else {
            return Ok(None);
        };
        let field = input.name;
        match d {
            Data::Zoned(a, unit) => {
                let v = a.as_primitive::<Int64Type>().value(row);
                time_at(v, *unit)
                    .map(|t| Some(t.and_utc().fixed_offset()))
                    .map_err(|reason| bad(field, reason))
            }
            Data::Str(a) => {
                let text = a.as_string::<i32>().value(row).trim();
                rakt::parse_timestamp(text).map(Some).map_err(|e| match e {
                    RaktError::InvalidInput { reason, .. } => bad(field, reason),
                    other => other,
                })
            }
            _ => Ok(None),
        }
    }

    /// A list of days (an empty list for a null cell).
    pub(crate) fn days(&self, i: usize, row: usize) -> Result<Vec<NaiveDate>, RaktError> {
        let Some((d, input)) = self.cell(i, row) else {
            return Ok(Vec::new());
        };
        let field = input.name;
        match d {
            Data::DateList(a) => {
                let (values, range) = list_items(a, row);
                let millis = matches!(values.data_type(), DataType::Date64);
                let mut out = Vec::with_capacity(range.len());
                for (k, at) in range.enumerate() {
                    let item = |reason: String| bad(&format!("{field}[{k}]"), reason);
                    if values.is_null(at) {
                        return Err(item("is empty".into()));
                    }
                    let day = if millis {
                        day_of_millis(values.as_primitive::<Date64Type>().value(at))
                    } else {
                        day_at(values.as_primitive::<Date32Type>().value(at))
                    };
                    out.push(day.map_err(item)?);
                }
                Ok(out)
            }
            Data::Str(a) => a
                .as_string::<i32>()
                .value(row)
                .split([';', ','])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|t| {
                    NaiveDate::parse_from_str(t, "%Y-%m-%d")
                        .map_err(|_| bad(field, format!("{t:?} is not a date (YYYY-MM-DD)")))
                })
                .collect(),
            _ => Ok(Vec::new()),
        }
    }

    /// A list of codes kept position by position (`None` for an empty item), for lists that
    /// go together with another list of the same length.
    pub(crate) fn aligned_codes(&self, i: usize, row: usize) -> Vec<Option<String>> {
        let Some((d, _)) = self.cell(i, row) else {
            return Vec::new();
        };
        let keep = |s: &str| {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_string())
        };
        match d {
            Data::List(a) => {
                let (values, range) = list_items(a, row);
                let items = values.as_string::<i32>();
                range
                    .map(|k| (!items.is_null(k)).then(|| items.value(k)).and_then(keep))
                    .collect()
            }
            Data::Str(a) => {
                let text = a.as_string::<i32>().value(row);
                if text.trim().is_empty() {
                    return Vec::new();
                }
                text.split([';', ',']).map(keep).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The field name of input `i`, for errors.
    pub(crate) fn name(&self, i: usize) -> &'static str {
        self.inputs.get(i).map_or("?", |input| input.name)
    }
}

/// The error of an empty cell in a column every row needs.
pub(crate) fn required(field: &str) -> RaktError {
    bad(field, "is required; the cell is empty".into())
}

fn is_int(t: &DataType) -> bool {
    t.is_integer()
}

fn is_str(t: &DataType) -> bool {
    match t {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => true,
        DataType::Dictionary(_, v) => is_str(v),
        _ => false,
    }
}

/// Casts a column to the canonical type of its kind, or says why it cannot be read.
fn read_column(input: &Input, column: &str, array: &ArrayRef) -> PyResult<Data> {
    let t = array.data_type();
    let strict = CastOptions {
        safe: false,
        ..Default::default()
    };
    let cast = |to: &DataType| {
        cast_with_options(array, to, &strict).map_err(|e| {
            PyValueError::new_err(format!(
                "column {column:?} (field {}) could not be read as {to}: {e}",
                input.name
            ))
        })
    };
    let wrong = || {
        PyTypeError::new_err(format!(
            "column {column:?} (field {}) is of type {t}; expected {}",
            input.name,
            input.kind.accepts()
        ))
    };
    // Integers: UInt64 as it is (above i64::MAX is a value, for the row to judge), any other
    // as Int64, which holds them all.
    let int = |t: &DataType| -> PyResult<Data> {
        Ok(match t {
            DataType::UInt64 => Data::UInt(array.clone()),
            _ => Data::Int(cast(&DataType::Int64)?),
        })
    };
    if matches!(t, DataType::Null) {
        return Ok(Data::Absent);
    }
    Ok(match input.kind {
        Kind::Text | Kind::Code => {
            if is_str(t) {
                Data::Str(cast(&DataType::Utf8)?)
            } else if input.kind == Kind::Text && is_int(t) {
                int(t)?
            } else {
                return Err(wrong());
            }
        }
        Kind::Count | Kind::Measure => {
            if is_int(t) {
                int(t)?
            } else if t.is_floating() {
                Data::Float(cast(&DataType::Float64)?)
            } else if let DataType::Decimal32(_, s)
            | DataType::Decimal64(_, s)
            | DataType::Decimal128(_, s) = t
            {
                // Widening (at most 38 digits into 38): no value can fail.
                Data::Dec(cast(&DataType::Decimal128(38, *s))?, *s)
            } else if let DataType::Decimal256(_, s) = t {
                // Read cell by cell: a value beyond rakt's decimal is that row's error.
                Data::Dec(array.clone(), *s)
            } else if is_str(t) {
                Data::Str(cast(&DataType::Utf8)?)
            } else {
                return Err(wrong());
            }
        }
        Kind::Day => match t {
            DataType::Date32 => Data::Date(array.clone()),
            // Its milliseconds, each checked in its row (a whole number of days, in range).
            DataType::Date64 => Data::Ts(cast(&DataType::Int64)?, TimeUnit::Millisecond),
            // The counts in their own unit: converting units could overflow, and truncate.
            DataType::Timestamp(unit, None) => Data::Ts(cast(&DataType::Int64)?, *unit),
            t if is_str(t) => Data::Str(cast(&DataType::Utf8)?),
            _ => return Err(wrong()),
        },
        Kind::Codes => match t {
            DataType::List(f) | DataType::LargeList(f) | DataType::ListView(f)
                if is_str(f.data_type()) =>
            {
                Data::List(cast(&DataType::List(Arc::new(Field::new(
                    "item",
                    DataType::Utf8,
                    true,
                ))))?)
            }
            t if is_str(t) => Data::Str(cast(&DataType::Utf8)?),
            _ => return Err(wrong()),
        },
        Kind::Flag => match t {
            DataType::Boolean => Data::Bool(array.clone()),
            _ => return Err(wrong()),
        },
        Kind::Instant => match t {
            // Arrow stores UTC counts whatever the zone; they are read in their own unit.
            DataType::Timestamp(unit, Some(_)) => Data::Zoned(cast(&DataType::Int64)?, *unit),
            DataType::Timestamp(_, None) => {
                return Err(PyTypeError::new_err(format!(
                    "column {column:?} (field {}) is a timestamp without a time zone, which \
                     is not an instant: give it its zone (pandas: \
                     .dt.tz_localize(\"Asia/Kolkata\"); polars: \
                     .dt.replace_time_zone(\"Asia/Kolkata\"))",
                    input.name
                )));
            }
            t if is_str(t) => Data::Str(cast(&DataType::Utf8)?),
            _ => return Err(wrong()),
        },
        Kind::Days => match t {
            DataType::List(f) | DataType::LargeList(f) | DataType::ListView(f)
                if matches!(f.data_type(), DataType::Date32 | DataType::Date64) =>
            {
                // The list layout only: the items keep their type and are checked one by one.
                Data::DateList(cast(&DataType::List(Arc::new(Field::new(
                    "item",
                    f.data_type().clone(),
                    true,
                ))))?)
            }
            t if is_str(t) => Data::Str(cast(&DataType::Utf8)?),
            _ => return Err(wrong()),
        },
    })
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
    /// The output schema (with the `error` column last).
    fn schema(&self) -> SchemaRef;
    /// The output columns of decided rows, in schema order, `error` included.
    fn build(&self, rows: Vec<Self::Row>) -> Result<Vec<ArrayRef>, ArrowError>;
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
    if let Some((owner, pool)) = guard.as_ref() {
        if *owner == pid {
            return Some(pool.clone());
        }
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
        let rows: Vec<_> = (0..slice.num_rows()).map(|r| op.row(&columns, r)).collect();
        let arrays = op.build(rows).map_err(arrow_err)?;
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

/// The output of a stream input: one output batch per input batch, decided as it is read.
struct Lazy<O: Op> {
    op: Arc<O>,
    mapping: Mapping,
    input: Box<dyn RecordBatchReader + Send>,
    parallel: bool,
}

impl<O: Op> Iterator for Lazy<O> {
    type Item = Result<RecordBatch, ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        let batch = match self.input.next()? {
            Ok(b) => b,
            Err(e) => return Some(Err(e)),
        };
        // One output batch per input batch: the pieces are joined again.
        Some(
            run_batch(self.op.as_ref(), &self.mapping, &batch, self.parallel)
                .map_err(|e| ArrowError::ExternalError(Box::new(e)))
                .and_then(|pieces| concat_batches(&self.op.schema(), &pieces)),
        )
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
    let input: AnyRecordBatch = data.extract().map_err(|_| {
        PyTypeError::new_err(format!(
            "{function}: data must be a table with the Arrow PyCapsule interface (a pyarrow Table, \
             RecordBatch or RecordBatchReader, a pandas or polars DataFrame), not {}",
            data.get_type()
                .name()
                .map_or_else(|_| "?".into(), |n| n.to_string())
        ))
    })?;
    let schema = input.schema()?;
    for (name, instead) in unread {
        if schema.index_of(name).is_ok() {
            return Err(PyValueError::new_err(format!(
                "{function}: column {name:?} is not read: {instead}"
            )));
        }
    }
    let mapping = Mapping::new(function, inputs, columns, &schema)?;
    Ok((mapping, input.into_reader()?))
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
        };
        return PyRecordBatchReader::new(Box::new(lazy)).into_pyarrow(py);
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
    PyTable::try_new(batches, out_schema)?.into_pyarrow(py)
}

/// Builders for the output columns.
pub(crate) struct Out;

impl Out {
    /// A nullable string column (owned or borrowed text: codes are written without a copy).
    pub(crate) fn strings<S: AsRef<str>, I: IntoIterator<Item = Option<S>>>(values: I) -> ArrayRef {
        let mut b = StringBuilder::new();
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
        let mut b = ListBuilder::new(StringBuilder::new());
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
        let mut b = Int64Builder::new();
        for v in values {
            b.append_option(v.map(i64::from));
        }
        Arc::new(b.finish())
    }

    /// A nullable date column.
    pub(crate) fn dates<I: IntoIterator<Item = Option<NaiveDate>>>(values: I) -> ArrayRef {
        let mut b = Date32Builder::new();
        for v in values {
            b.append_option(v.map(|d| d.to_epoch_days()));
        }
        Arc::new(b.finish())
    }

    /// A nullable boolean column.
    pub(crate) fn bools<I: IntoIterator<Item = Option<bool>>>(values: I) -> ArrayRef {
        let mut b = BooleanBuilder::new();
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

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    pregnancy::register(m)?;
    vitals::register(m)?;
    blood::register(m)?;
    donor::register(m)
}
