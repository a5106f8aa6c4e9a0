//! Reading a piece's count, measure and day columns ahead of its rows, a column at a time: the
//! kind of each column is matched once per piece instead of once per cell, and an integer,
//! float or date column is read in one tight loop. A cell this path cannot read as its rule
//! input (out of range, not exact, outside the calendar) is marked, and its row is read by the
//! general reader, which words the error exactly as the per-record API does.

use std::ops::Range;

use arrow_array::Array;
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Kind;
use super::columns::{Columns, Data, float_decimal};

/// One cell read ahead of its row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Cell<T> {
    /// Null, NaN, or no such column: a value not given.
    Empty,
    /// The value.
    Value(T),
    /// A value this path does not read (its row goes to the general reader).
    Bad,
}

impl<T> Cell<T> {
    /// `Some(None)` for an empty cell, `Some(Some(v))` for a value, `None` for a bad one.
    #[inline]
    pub(crate) fn get(self) -> Option<Option<T>> {
        match self {
            Cell::Empty => Some(None),
            Cell::Value(v) => Some(Some(v)),
            Cell::Bad => None,
        }
    }

    fn of<E>(r: Result<Option<T>, E>) -> Cell<T> {
        match r {
            Ok(Some(v)) => Cell::Value(v),
            Ok(None) => Cell::Empty,
            Err(_) => Cell::Bad,
        }
    }
}

/// The count, measure and day inputs of one piece, read ahead; each vector indexed by the
/// row's position in the piece, and empty for an input of another kind.
pub(crate) struct Ahead {
    counts: Vec<Vec<Cell<u32>>>,
    measures: Vec<Vec<Cell<Decimal>>>,
    days: Vec<Vec<Cell<NaiveDate>>>,
}

impl Ahead {
    /// Reads `rows` of every count, measure and day input of `columns`.
    pub(crate) fn read(columns: &Columns, rows: Range<usize>) -> Ahead {
        let n = columns.inputs.len();
        let mut ahead = Ahead {
            counts: Vec::with_capacity(n),
            measures: Vec::with_capacity(n),
            days: Vec::with_capacity(n),
        };
        for (i, input) in columns.inputs.iter().enumerate() {
            let data = columns.data.get(i).unwrap_or(&Data::Absent);
            ahead.counts.push(match input.kind {
                Kind::Count => counts(columns, i, data, rows.clone()),
                _ => Vec::new(),
            });
            ahead.measures.push(match input.kind {
                Kind::Measure => measures(columns, i, data, rows.clone()),
                _ => Vec::new(),
            });
            ahead.days.push(match input.kind {
                Kind::Day => days(columns, i, data, rows.clone()),
                _ => Vec::new(),
            });
        }
        ahead
    }

    /// The count of input `i` at position `k` of the piece (`None` when it is bad).
    #[inline]
    pub(crate) fn count(&self, i: usize, k: usize) -> Option<Option<u32>> {
        at(&self.counts, i, k)
    }

    /// The measure of input `i` at position `k` of the piece (`None` when it is bad).
    #[inline]
    pub(crate) fn measure(&self, i: usize, k: usize) -> Option<Option<Decimal>> {
        at(&self.measures, i, k)
    }

    /// The day of input `i` at position `k` of the piece (`None` when it is bad or outside
    /// rakt's calendar).
    #[inline]
    pub(crate) fn day(&self, i: usize, k: usize) -> Option<Option<NaiveDate>> {
        at(&self.days, i, k)
    }
}

/// The cell of input `i` at position `k` (an input of another kind has none: empty).
#[inline]
fn at<T: Copy>(cells: &[Vec<Cell<T>>], i: usize, k: usize) -> Option<Option<T>> {
    cells
        .get(i)
        .and_then(|c| c.get(k))
        .copied()
        .unwrap_or(Cell::Empty)
        .get()
}

/// The cells of a primitive column: `f` reads a value, nulls are empty.
fn primitive<V: Copy, T>(
    values: &[V],
    nulls: Option<&arrow_buffer::NullBuffer>,
    rows: Range<usize>,
    f: impl Fn(V) -> Cell<T>,
) -> Vec<Cell<T>> {
    let Some(slice) = values.get(rows.clone()) else {
        return rows.map(|_| Cell::Bad).collect();
    };
    match nulls {
        None => slice.iter().map(|&v| f(v)).collect(),
        Some(nulls) => slice
            .iter()
            .zip(rows)
            .map(|(&v, r)| if nulls.is_null(r) { Cell::Empty } else { f(v) })
            .collect(),
    }
}

fn counts(c: &Columns, i: usize, data: &Data, rows: Range<usize>) -> Vec<Cell<u32>> {
    match data {
        Data::Absent => rows.map(|_| Cell::Empty).collect(),
        Data::Int(a) => primitive(a.values(), a.nulls(), rows, |v: i64| {
            u32::try_from(v).map_or(Cell::Bad, Cell::Value)
        }),
        Data::UInt(a) => primitive(a.values(), a.nulls(), rows, |v: u64| {
            u32::try_from(v).map_or(Cell::Bad, Cell::Value)
        }),
        // pandas' integers with gaps: whole floats in range are counts, NaN is empty.
        Data::Float(a) => primitive(a.values(), a.nulls(), rows, |v: f64| {
            if v.is_nan() {
                Cell::Empty
            } else if v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v) {
                // Whole and in range: the conversion is exact.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                Cell::Value(v as u32)
            } else {
                Cell::Bad
            }
        }),
        _ => rows.map(|r| Cell::of(c.count(i, r))).collect(),
    }
}

fn measures(c: &Columns, i: usize, data: &Data, rows: Range<usize>) -> Vec<Cell<Decimal>> {
    match data {
        Data::Absent => rows.map(|_| Cell::Empty).collect(),
        // The everyday float is converted here; the rare one `float_decimal` leaves (a value
        // that needs its text written) is read by the general reader of its cell.
        Data::Float(a) => primitive(a.values(), a.nulls(), rows.clone(), |v: f64| {
            if v.is_nan() {
                Cell::Empty
            } else {
                float_decimal(v).map_or(Cell::Bad, Cell::Value)
            }
        })
        .into_iter()
        .zip(rows)
        .map(|(cell, r)| match cell {
            Cell::Bad => Cell::of(c.measure(i, r)),
            other => other,
        })
        .collect(),
        _ => rows.map(|r| Cell::of(c.measure(i, r))).collect(),
    }
}

fn days(c: &Columns, i: usize, data: &Data, rows: Range<usize>) -> Vec<Cell<NaiveDate>> {
    let in_calendar = |d: NaiveDate| {
        if rakt::time::in_calendar(d) {
            Cell::Value(d)
        } else {
            Cell::Bad
        }
    };
    match data {
        Data::Absent => rows.map(|_| Cell::Empty).collect(),
        Data::Date(a) => primitive(a.values(), a.nulls(), rows, |v: i32| {
            NaiveDate::from_epoch_days(v).map_or(Cell::Bad, in_calendar)
        }),
        _ => rows
            .map(|r| match c.day(i, r) {
                Ok(Some(d)) => in_calendar(d),
                Ok(None) => Cell::Empty,
                Err(_) => Cell::Bad,
            })
            .collect(),
    }
}
