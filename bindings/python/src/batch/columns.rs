//! Reading the input columns: each column cast to the canonical Arrow type of its field's kind
//! (only casts no value can fail), and each cell read as the per-record API reads the same
//! value, its errors worded the same way.

use std::borrow::Cow;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Date64Type, Decimal128Type, Decimal256Type, Int64Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, StringArray, UInt64Array,
};
use arrow_schema::{DataType, TimeUnit};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use rakt::RaktError;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{Input, Kind, layout};

/// A column read into one of the canonical Arrow types. Only casts that cannot fail are made
/// here (widening integers, decimals and list layouts; reinterpreting timestamps as their
/// integers): a value that does not fit is found when its row is read, and is that row's error.
pub(super) enum Data {
    Absent,
    /// Signed integers and unsigned ones up to 32 bits, as Int64.
    Int(Int64Array),
    /// UInt64, kept as it is: its values above `i64::MAX` are values too.
    UInt(UInt64Array),
    Float(Float64Array),
    /// Decimal128 (decimal32 and decimal64 widened to it) or Decimal256, with the column's scale.
    Dec(ArrayRef, i8),
    Str(StringArray),
    Date(Date32Array),
    /// Timestamps without a zone, and date64 (milliseconds), as Int64 counts of the unit since
    /// 1970-01-01.
    Ts(ArrayRef, TimeUnit),
    Bool(BooleanArray),
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
    pub(super) inputs: &'static [Input],
    pub(super) data: Vec<Data>,
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

/// The decimal of [`float_text`] without writing the text, for the floats of everyday
/// measurements: the fewest fractional digits k (at least 1, as `float_text` writes `170.0`)
/// whose nearest k-digit decimal reads back as the same float. Only while that decimal's digits
/// stay below 2^50: there the float's spacing is under a quarter of 10^-k, so at most one k-digit
/// decimal reads back as it, the product `f * 10^k` is within 1/16 of exact and its rounding
/// finds that decimal, and the division that checks it is correctly rounded. `None` otherwise
/// (and for zero, NaN and infinities), and the caller writes the text.
pub(super) fn float_decimal(f: f64) -> Option<Decimal> {
    const EXACT: f64 = 1_125_899_906_842_624.0; // 2^50
    if f == 0.0 || !f.is_finite() {
        return None;
    }
    let mut scale = 10.0_f64;
    for k in 1..=15u32 {
        let m = (f * scale).round();
        if m.abs() >= EXACT {
            return None;
        }
        if m / scale == f {
            // |m| < 2^50: the conversion is exact.
            #[allow(clippy::cast_possible_truncation)]
            return Some(Decimal::new(m as i64, k));
        }
        scale *= 10.0;
    }
    None
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
            Data::Int(a) => a.is_null(row),
            Data::UInt(a) => a.is_null(row),
            Data::Float(a) => a.is_null(row),
            Data::Str(a) => a.is_null(row),
            Data::Date(a) => a.is_null(row),
            Data::Bool(a) => a.is_null(row),
            Data::Dec(a, _)
            | Data::Ts(a, _)
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
                let v = a.value(row);
                u32::try_from(v)
                    .map(Some)
                    .map_err(|_| bad(field, out_of_range(&v.to_string())))
            }
            Data::UInt(a) => {
                let v = a.value(row);
                u32::try_from(v)
                    .map(Some)
                    .map_err(|_| bad(field, out_of_range(&v.to_string())))
            }
            Data::Float(a) => {
                let v = a.value(row);
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
            Data::Int(a) => Ok(Decimal::from(a.value(row))),
            Data::UInt(a) => Ok(Decimal::from(a.value(row))),
            Data::Float(a) => {
                let v = a.value(row);
                if let Some(d) = float_decimal(v) {
                    return Ok(d);
                }
                let text = float_text(v);
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
                let text = a.value(row).trim();
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
            let v = a.value(row);
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
                let days = a.value(row);
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
                let text = a.value(row).trim();
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
            Data::Str(a) => Some(a.value(row).to_string()),
            Data::Int(a) => Some(a.value(row).to_string()),
            Data::UInt(a) => Some(a.value(row).to_string()),
            _ => None,
        }
    }

    /// Text or a code, borrowed from a string column (a number's text is written).
    pub(crate) fn text_ref(&self, i: usize, row: usize) -> Option<Cow<'_, str>> {
        match self.str_ref(i, row) {
            Some(text) => Some(Cow::Borrowed(text)),
            None => self.text(i, row).map(Cow::Owned),
        }
    }

    /// The text of a string cell, borrowed (`None` for a null cell, an absent column or a
    /// column that is not a string).
    pub(crate) fn str_ref(&self, i: usize, row: usize) -> Option<&str> {
        match self.data(i)? {
            (Data::Str(a), _) if !a.is_null(row) => Some(a.value(row)),
            _ => None,
        }
    }

    /// Whether the cell at `row` of input `i` is null or its column absent.
    pub(crate) fn is_empty(&self, i: usize, row: usize) -> bool {
        self.data(i).is_none_or(|(d, _)| Self::is_null(d, row))
    }

    /// A list of codes (an empty list for a null cell).
    pub(crate) fn codes(&self, i: usize, row: usize) -> Vec<&str> {
        let mut out = Vec::new();
        self.codes_into(i, row, &mut out);
        out
    }

    /// [`Columns::codes`] into `out` (cleared first), so that a buffer serves row after row.
    pub(crate) fn codes_into<'c>(&'c self, i: usize, row: usize, out: &mut Vec<&'c str>) {
        out.clear();
        let Some((d, _)) = self.data(i) else {
            return;
        };
        if Self::is_null(d, row) {
            return;
        }
        match d {
            Data::List(a) => {
                let (values, range) = list_items(a, row);
                let items = values.as_string::<i32>();
                out.extend(
                    range
                        .filter(|&k| !items.is_null(k))
                        .map(|k| items.value(k).trim())
                        .filter(|s| !s.is_empty()),
                );
            }
            Data::Str(a) => out.extend(
                a.value(row)
                    .split([';', ','])
                    .map(str::trim)
                    .filter(|s| !s.is_empty()),
            ),
            _ => {}
        }
    }

    /// A yes/no (`None` for a null cell).
    pub(crate) fn flag(&self, i: usize, row: usize) -> Option<bool> {
        let (d, _) = self.data(i)?;
        match d {
            Data::Bool(a) if !a.is_null(row) => Some(a.value(row)),
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
                let text = a.value(row).trim();
                rakt::parse_timestamp(text).map(Some).map_err(|e| match e {
                    RaktError::InvalidInput { reason, .. } => bad(field, reason),
                    other => other,
                })
            }
            _ => Ok(None),
        }
    }

    /// A list of days (an empty list for a null cell) into `out` (cleared first), so that a
    /// buffer serves row after row.
    pub(crate) fn days_into(
        &self,
        i: usize,
        row: usize,
        out: &mut Vec<NaiveDate>,
    ) -> Result<(), RaktError> {
        out.clear();
        let Some((d, input)) = self.cell(i, row) else {
            return Ok(());
        };
        let field = input.name;
        match d {
            Data::DateList(a) => {
                let (values, range) = list_items(a, row);
                let millis = matches!(values.data_type(), DataType::Date64);
                out.reserve(range.len());
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
                Ok(())
            }
            Data::Str(a) => {
                for t in a
                    .value(row)
                    .split([';', ','])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                {
                    out.push(
                        NaiveDate::parse_from_str(t, "%Y-%m-%d")
                            .map_err(|_| bad(field, format!("{t:?} is not a date (YYYY-MM-DD)")))?,
                    );
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// A list of codes kept position by position (`None` for an empty item), for lists that
    /// go together with another list of the same length, into `out` (cleared first), so that a
    /// buffer serves row after row.
    pub(crate) fn aligned_codes_into<'c>(
        &'c self,
        i: usize,
        row: usize,
        out: &mut Vec<Option<&'c str>>,
    ) {
        out.clear();
        let Some((d, _)) = self.cell(i, row) else {
            return;
        };
        fn keep(s: &str) -> Option<&str> {
            let s = s.trim();
            (!s.is_empty()).then_some(s)
        }
        match d {
            Data::List(a) => {
                let (values, range) = list_items(a, row);
                let items = values.as_string::<i32>();
                out.extend(
                    range.map(|k| (!items.is_null(k)).then(|| items.value(k)).and_then(keep)),
                );
            }
            Data::Str(a) => {
                let text = a.value(row);
                if !text.trim().is_empty() {
                    out.extend(text.split([';', ',']).map(keep));
                }
            }
            _ => {}
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
pub(super) fn read_column(input: &Input, column: &str, array: &ArrayRef) -> PyResult<Data> {
    let t = array.data_type();
    // A rewrite into the canonical layout `to` (see `layout`), or why the column cannot be read.
    let fail = |to: &str, e: layout::Reason| {
        PyValueError::new_err(format!(
            "column {column:?} (field {}) could not be read as {to}: {e}",
            input.name
        ))
    };
    // The column as its concrete array type, once, rather than downcast again in every cell.
    fn typed<T>(a: Option<T>, column: &str, field: &str) -> PyResult<T> {
        a.ok_or_else(|| {
            PyValueError::new_err(format!(
                "column {column:?} (field {field}) could not be read as its canonical type"
            ))
        })
    }
    let wrong = || {
        PyTypeError::new_err(format!(
            "column {column:?} (field {}) is of type {t}; expected {}",
            input.name,
            input.kind.accepts()
        ))
    };
    // Text, as Utf8.
    let strings =
        || -> PyResult<Data> { Ok(Data::Str(layout::utf8(array).map_err(|e| fail("Utf8", e))?)) };
    let int64 = || layout::int64(array).map_err(|e| fail("Int64", e));
    // Integers: UInt64 as it is (above i64::MAX is a value, for the row to judge), any other
    // as Int64, which holds them all.
    let int = |t: &DataType| -> PyResult<Data> {
        Ok(match t {
            DataType::UInt64 => Data::UInt(typed(
                array.as_primitive_opt().cloned(),
                column,
                input.name,
            )?),
            _ => Data::Int(int64()?),
        })
    };
    if matches!(t, DataType::Null) {
        return Ok(Data::Absent);
    }
    Ok(match input.kind {
        Kind::Text | Kind::Code => {
            if is_str(t) {
                strings()?
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
                Data::Float(layout::float64(array).map_err(|e| fail("Float64", e))?)
            } else if let DataType::Decimal32(_, s)
            | DataType::Decimal64(_, s)
            | DataType::Decimal128(_, s) = t
            {
                // Widening (at most 38 digits into 38): no value can fail.
                let a = layout::decimal128(array, *s).map_err(|e| fail("Decimal128", e))?;
                Data::Dec(Arc::new(a), *s)
            } else if let DataType::Decimal256(_, s) = t {
                // Read cell by cell: a value beyond rakt's decimal is that row's error.
                Data::Dec(array.clone(), *s)
            } else if is_str(t) {
                strings()?
            } else {
                return Err(wrong());
            }
        }
        Kind::Day => match t {
            DataType::Date32 => Data::Date(typed(
                array.as_primitive_opt().cloned(),
                column,
                input.name,
            )?),
            // Its milliseconds, each checked in its row (a whole number of days, in range).
            DataType::Date64 => Data::Ts(Arc::new(int64()?), TimeUnit::Millisecond),
            // The counts in their own unit: converting units could overflow, and truncate.
            DataType::Timestamp(unit, None) => Data::Ts(Arc::new(int64()?), *unit),
            t if is_str(t) => strings()?,
            _ => return Err(wrong()),
        },
        Kind::Codes => match t {
            DataType::List(f) | DataType::LargeList(f) | DataType::ListView(f)
                if is_str(f.data_type()) =>
            {
                let a = layout::list(array, layout::strings).map_err(|e| fail("List<Utf8>", e))?;
                Data::List(Arc::new(a))
            }
            t if is_str(t) => strings()?,
            _ => return Err(wrong()),
        },
        Kind::Flag => match t {
            DataType::Boolean => {
                Data::Bool(typed(array.as_boolean_opt().cloned(), column, input.name)?)
            }
            _ => return Err(wrong()),
        },
        Kind::Instant => match t {
            // Arrow stores UTC counts whatever the zone; they are read in their own unit.
            DataType::Timestamp(unit, Some(_)) => Data::Zoned(Arc::new(int64()?), *unit),
            DataType::Timestamp(_, None) => {
                return Err(PyTypeError::new_err(format!(
                    "column {column:?} (field {}) is a timestamp without a time zone, which \
                     is not an instant: give it its zone (pandas: \
                     .dt.tz_localize(\"Asia/Kolkata\"); polars: \
                     .dt.replace_time_zone(\"Asia/Kolkata\"))",
                    input.name
                )));
            }
            t if is_str(t) => strings()?,
            _ => return Err(wrong()),
        },
        Kind::Days => match t {
            DataType::List(f) | DataType::LargeList(f) | DataType::ListView(f)
                if matches!(f.data_type(), DataType::Date32 | DataType::Date64) =>
            {
                // The list layout only: the items keep their type and are checked one by one.
                let a = layout::list(array, layout::same).map_err(|e| fail("List<date>", e))?;
                Data::DateList(Arc::new(a))
            }
            t if is_str(t) => strings()?,
            _ => return Err(wrong()),
        },
    })
}
