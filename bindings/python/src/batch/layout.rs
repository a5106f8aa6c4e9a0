//! The Arrow layouts a column may arrive in, rewritten into the canonical ones the readers use:
//! text as `Utf8`, integers as `Int64`, floats as `Float64`, narrow decimals as `Decimal128`,
//! timestamps and `date64` as their `Int64` counts, and lists as `List` (`i32` offsets).
//!
//! Only conversions that no value can fail are made here (widening, or reinterpreting the same
//! bits), so that a value that does not fit is found when its row is read, and is that row's
//! error. They are written out rather than taken from `arrow-cast`: these few are all the
//! binding needs, and `arrow-cast`'s kernels for every pair of types (2.6 MB of the extension)
//! and `arrow-select`'s for every type (1.2 MB) weighed more than the rules.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    ArrowPrimitiveType, Date32Type, Date64Type, Decimal32Type, Decimal64Type, Decimal128Type,
    Float16Type, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type,
    UInt16Type, UInt32Type,
};
use arrow_array::{
    Array, ArrayRef, Decimal128Array, Float64Array, Int64Array, ListArray, PrimitiveArray,
    StringArray,
};
use arrow_buffer::{OffsetBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field};

/// Why a column could not be rewritten (rare: a malformed column, or one too large for `i32`
/// offsets).
pub(super) type Reason = String;

/// The offsets of a list or string column larger than `i32` offsets allow.
fn too_large() -> Reason {
    "it holds more than 2^31 - 1 items or bytes".into()
}

/// A string column of any layout (`Utf8`, `LargeUtf8`, `Utf8View`, or a dictionary of these)
/// as `Utf8`, nulls kept.
pub(super) fn utf8(a: &dyn Array) -> Result<StringArray, Reason> {
    match a.data_type() {
        DataType::Utf8 => a
            .as_string_opt::<i32>()
            .cloned()
            .ok_or_else(|| "not a string array".into()),
        DataType::LargeUtf8 => {
            let s = a.as_string::<i64>();
            copy_strings(s.len(), |i| (!s.is_null(i)).then(|| s.value(i)))
        }
        DataType::Utf8View => {
            let s = a.as_string_view();
            copy_strings(s.len(), |i| (!s.is_null(i)).then(|| s.value(i)))
        }
        DataType::Dictionary(..) => {
            let d = a
                .as_any_dictionary_opt()
                .ok_or_else(|| Reason::from("not a dictionary array"))?;
            let values = utf8(d.values().as_ref())?;
            let keys = int64(d.keys())?;
            let n = values.len();
            // A key outside the dictionary is a malformed column, not a value to guess.
            let at = |i: usize| -> Result<Option<usize>, Reason> {
                if keys.is_null(i) {
                    return Ok(None);
                }
                let k = keys.value(i);
                usize::try_from(k)
                    .ok()
                    .filter(|&k| k < n)
                    .map(Some)
                    .ok_or_else(|| format!("dictionary key {k} is outside its {n} values"))
            };
            let mut picked = Vec::with_capacity(keys.len());
            for i in 0..keys.len() {
                picked.push(at(i)?);
            }
            copy_strings(picked.len(), |i| {
                picked
                    .get(i)
                    .copied()
                    .flatten()
                    .filter(|&k| !values.is_null(k))
                    .map(|k| values.value(k))
            })
        }
        t => Err(format!("{t} is not a string type")),
    }
}

/// `len` strings (`None` for null) copied into a `Utf8` array, refused when their bytes do not
/// fit `i32` offsets.
fn copy_strings<'a>(
    len: usize,
    value: impl Fn(usize) -> Option<&'a str>,
) -> Result<StringArray, Reason> {
    let bytes: usize = (0..len).filter_map(&value).map(str::len).sum();
    if i32::try_from(bytes).is_err() {
        return Err(too_large());
    }
    Ok((0..len).map(value).collect())
}

/// Widens a primitive column whose values all fit an `i64`.
fn widen<T: ArrowPrimitiveType>(a: &dyn Array) -> Option<Int64Array>
where
    T::Native: Into<i64>,
{
    a.as_primitive_opt::<T>()
        .map(|p| p.unary::<_, Int64Type>(Into::into))
}

/// An integer column (signed, or unsigned up to 32 bits) as `Int64`; a `date64` or timestamp
/// column as its `Int64` counts, in its own unit.
pub(super) fn int64(a: &dyn Array) -> Result<Int64Array, Reason> {
    let out = match a.data_type() {
        DataType::Int8 => widen::<Int8Type>(a),
        DataType::Int16 => widen::<Int16Type>(a),
        DataType::Int32 => widen::<Int32Type>(a),
        DataType::Int64 => a.as_primitive_opt::<Int64Type>().cloned(),
        DataType::UInt8 => widen::<UInt8Type>(a),
        DataType::UInt16 => widen::<UInt16Type>(a),
        DataType::UInt32 => widen::<UInt32Type>(a),
        // The same 64-bit values under another type: only the type changes.
        DataType::Date64 | DataType::Timestamp(..) => {
            let data = a
                .to_data()
                .into_builder()
                .data_type(DataType::Int64)
                .build()
                .map_err(|e| e.to_string())?;
            Some(Int64Array::from(data))
        }
        t => return Err(format!("{t} is not an integer type")),
    };
    out.ok_or_else(|| format!("not a {} array", a.data_type()))
}

/// A float column of any width as `Float64`.
pub(super) fn float64(a: &dyn Array) -> Result<Float64Array, Reason> {
    let out = match a.data_type() {
        DataType::Float16 => a
            .as_primitive_opt::<Float16Type>()
            .map(|p| p.unary::<_, Float64Type>(|v| v.to_f64())),
        DataType::Float32 => a
            .as_primitive_opt::<Float32Type>()
            .map(|p| p.unary::<_, Float64Type>(f64::from)),
        DataType::Float64 => a.as_primitive_opt::<Float64Type>().cloned(),
        t => return Err(format!("{t} is not a float type")),
    };
    out.ok_or_else(|| format!("not a {} array", a.data_type()))
}

/// A `decimal32`, `decimal64` or `decimal128` column as `Decimal128(38, scale)`: the same
/// unscaled integers, widened.
pub(super) fn decimal128(a: &dyn Array, scale: i8) -> Result<Decimal128Array, Reason> {
    fn widen<T: ArrowPrimitiveType>(a: &dyn Array) -> Option<Decimal128Array>
    where
        T::Native: Into<i128>,
    {
        a.as_primitive_opt::<T>()
            .map(|p| p.unary::<_, Decimal128Type>(Into::into))
    }
    let out = match a.data_type() {
        DataType::Decimal32(..) => widen::<Decimal32Type>(a),
        DataType::Decimal64(..) => widen::<Decimal64Type>(a),
        DataType::Decimal128(..) => a.as_primitive_opt::<Decimal128Type>().cloned(),
        t => return Err(format!("{t} is not a decimal type of at most 38 digits")),
    };
    out.ok_or_else(|| format!("not a {} array", a.data_type()))?
        .with_precision_and_scale(38, scale)
        .map_err(|e| e.to_string())
}

/// A `List`, `LargeList` or `ListView` column as a `List` whose items are `items` of the
/// original items (in order, the items of row 0 first), nulls kept.
pub(super) fn list(
    a: &dyn Array,
    items: impl Fn(&dyn Array) -> Result<ArrayRef, Reason>,
) -> Result<ListArray, Reason> {
    let (offsets, values): (Vec<i32>, ArrayRef) = match a.data_type() {
        DataType::List(_) => {
            let l = a.as_list::<i32>();
            (l.value_offsets().to_vec(), l.values().clone())
        }
        DataType::LargeList(_) => {
            let l = a.as_list::<i64>();
            let offsets = l
                .value_offsets()
                .iter()
                .map(|&o| i32::try_from(o).map_err(|_| too_large()))
                .collect::<Result<_, _>>()?;
            (offsets, l.values().clone())
        }
        DataType::ListView(_) => {
            // Rows may share or reorder their items: they are gathered into row order.
            let l = a.as_list_view::<i32>();
            let values = items(l.values().as_ref())?;
            let n = values.len();
            let mut offsets = Vec::with_capacity(l.len() + 1);
            let mut picked = Vec::new();
            offsets.push(0);
            for row in 0..l.len() {
                if !l.is_null(row) {
                    let start = l.value_offsets().get(row).copied().unwrap_or(0);
                    let size = l.value_sizes().get(row).copied().unwrap_or(0);
                    let range = usize::try_from(start)
                        .ok()
                        .zip(usize::try_from(size).ok())
                        .and_then(|(s, z)| Some(s..s.checked_add(z)?))
                        .filter(|r| r.end <= n)
                        .ok_or_else(|| format!("row {row}'s items are outside the list values"))?;
                    picked.extend(range);
                }
                offsets.push(i32::try_from(picked.len()).map_err(|_| too_large())?);
            }
            let offsets = OffsetBuffer::new(ScalarBuffer::from(offsets));
            let values = gather(values.as_ref(), &picked)?;
            let field = Arc::new(Field::new("item", values.data_type().clone(), true));
            return ListArray::try_new(field, offsets, values, a.nulls().cloned())
                .map_err(|e| e.to_string());
        }
        t => return Err(format!("{t} is not a list type")),
    };
    // The items from the first offset to the last, re-based to start at 0.
    let first = offsets.first().copied().unwrap_or(0);
    let last = offsets.last().copied().unwrap_or(0);
    let ordered = offsets.windows(2).all(|w| w.first() <= w.get(1));
    let (start, end) = usize::try_from(first)
        .ok()
        .zip(usize::try_from(last).ok())
        .filter(|(s, e)| ordered && s <= e && *e <= values.len())
        .ok_or_else(|| Reason::from("its offsets are outside its values"))?;
    let values = items(values.slice(start, end - start).as_ref())?;
    // Ordered and at least `first`, so no subtraction overflows.
    let offsets: Vec<i32> = offsets.iter().map(|o| o.saturating_sub(first)).collect();
    let offsets = OffsetBuffer::new(ScalarBuffer::from(offsets));
    let field = Arc::new(Field::new("item", values.data_type().clone(), true));
    ListArray::try_new(field, offsets, values, a.nulls().cloned()).map_err(|e| e.to_string())
}

/// The items at `picked` (each within `a`), in that order: for the item types the readers take
/// from lists, text and dates.
fn gather(a: &dyn Array, picked: &[usize]) -> Result<ArrayRef, Reason> {
    fn primitive<T: ArrowPrimitiveType>(a: &dyn Array, picked: &[usize]) -> Option<ArrayRef> {
        let p = a.as_primitive_opt::<T>()?;
        let out: PrimitiveArray<T> = picked
            .iter()
            .map(|&k| (!p.is_null(k)).then(|| p.value(k)))
            .collect();
        Some(Arc::new(out))
    }
    let out = match a.data_type() {
        DataType::Utf8 => {
            let s = a.as_string::<i32>();
            let out = copy_strings(picked.len(), |i| {
                picked
                    .get(i)
                    .filter(|&&k| !s.is_null(k))
                    .map(|&k| s.value(k))
            })?;
            Some(Arc::new(out) as ArrayRef)
        }
        DataType::Date32 => primitive::<Date32Type>(a, picked),
        DataType::Date64 => primitive::<Date64Type>(a, picked),
        t => return Err(format!("a list view of {t} is not read")),
    };
    out.ok_or_else(|| format!("not a {} array", a.data_type()))
}

/// The same array, for [`list`] when the items are kept as they are.
pub(super) fn same(a: &dyn Array) -> Result<ArrayRef, Reason> {
    Ok(arrow_array::make_array(a.to_data()))
}

/// The items as `Utf8`, for [`list`].
pub(super) fn strings(a: &dyn Array) -> Result<ArrayRef, Reason> {
    Ok(Arc::new(utf8(a)?))
}
