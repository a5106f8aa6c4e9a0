//! Exact decimal comparison on the fast path every threshold takes.
//!
//! `rust_decimal`'s `Ord` is exact but slow when the scales differ (`9.8` against `11`), and a
//! rule compares a measurement with its thresholds many times per record. [`cmp`] gives the
//! same ordering: on equal scales it compares the mantissas, otherwise it brings the smaller
//! scale up in 128-bit integers, and only when that would overflow does it fall back to `Ord`.

use std::cmp::Ordering;

use rust_decimal::Decimal;

/// Powers of ten that fit in a `u64`: 10^0 to 10^19.
const POW10: [u64; 20] = [
    1,
    10,
    100,
    1000,
    10000,
    100000,
    1000000,
    10000000,
    100000000,
    1000000000,
    10000000000,
    100000000000,
    1000000000000,
    10000000000000,
    100000000000000,
    1000000000000000,
    10000000000000000,
    100000000000000000,
    1000000000000000000,
    10000000000000000000,
];

/// Powers of ten that keep a mantissa below 2^32 within an `i64` (2^32 · 10^9 < 2^63).
const POW10_SMALL: [i64; 10] = [
    1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
];

/// A decimal whose mantissa is below 2^32, as its signed mantissa and scale: the form in which
/// [`cmp`] compares two decimals as integers. A value compared with several bounds is put in
/// this form once ([`cmp_with`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Small {
    m: i64,
    scale: u32,
}

impl Small {
    /// `d` in this form, when its mantissa is below 2^32 (a negative zero is zero).
    #[inline(always)]
    pub(crate) fn of(d: Decimal) -> Option<Small> {
        let u = d.unpack();
        (u.hi == 0 && u.mid == 0).then(|| Small {
            m: if u.negative {
                -i64::from(u.lo)
            } else {
                i64::from(u.lo)
            },
            scale: u.scale,
        })
    }

    /// The order of two such decimals when their scales are at most 9 apart: the scaled
    /// mantissas then stay below 2^32 · 10^9 < 2^63 and compare as `i64`.
    #[inline(always)]
    fn cmp(self, other: Small) -> Option<Ordering> {
        let p = *POW10_SMALL.get(self.scale.abs_diff(other.scale) as usize)?;
        Some(if self.scale < other.scale {
            (self.m * p).cmp(&other.m)
        } else {
            self.m.cmp(&(other.m * p))
        })
    }
}

/// `a.cmp(&b)`, faster. Inlined into every threshold check: the common case is a few integer
/// instructions, and the rare one ([`wide`]) is a call.
#[inline(always)]
pub(crate) fn cmp(a: Decimal, b: Decimal) -> Ordering {
    cmp_with(a, Small::of(a), b)
}

/// [`cmp`] with `a` already in its small form (`small` = `Small::of(a)`).
#[inline(always)]
pub(crate) fn cmp_with(a: Decimal, small: Option<Small>, b: Decimal) -> Ordering {
    // Every measurement and threshold rakt reads: mantissas below 2^32 and scales at most 9
    // apart.
    match (small, Small::of(b)) {
        (Some(x), Some(y)) => x.cmp(y).unwrap_or_else(|| wide(a, b)),
        _ => wide(a, b),
    }
}

/// [`cmp`] for mantissas of 2^32 or more, or scales more than 9 apart.
#[cold]
#[inline(never)]
fn wide(a: Decimal, b: Decimal) -> Ordering {
    let (ma, sa) = (a.mantissa(), a.scale());
    let (mb, sb) = (b.mantissa(), b.scale());
    if sa == sb {
        return ma.cmp(&mb);
    }
    // Mantissas within an i64 and scales at most 19 apart: the product of a mantissa
    // (|m| <= 2^63) and a power of ten (< 2^64) stays below 2^127, so no check is needed.
    if let (Ok(xa), Ok(xb), Some(&p)) = (
        i64::try_from(ma),
        i64::try_from(mb),
        POW10.get(sa.abs_diff(sb) as usize),
    ) {
        let (xa, xb, p) = (i128::from(xa), i128::from(xb), i128::from(p));
        return if sa < sb {
            (xa * p).cmp(&xb)
        } else {
            xa.cmp(&(xb * p))
        };
    }
    let up = |m: i128, by: u32| 10i128.checked_pow(by).and_then(|p| m.checked_mul(p));
    let scaled = if sa < sb {
        up(ma, sb - sa).map(|ma| ma.cmp(&mb))
    } else {
        up(mb, sa - sb).map(|mb| ma.cmp(&mb))
    };
    scaled.unwrap_or_else(|| a.cmp(&b))
}

/// `a >= b`.
pub(crate) fn ge(a: Decimal, b: Decimal) -> bool {
    cmp(a, b) != Ordering::Less
}

/// `a > b`.
pub(crate) fn gt(a: Decimal, b: Decimal) -> bool {
    cmp(a, b) == Ordering::Greater
}

/// `a <= b`.
pub(crate) fn le(a: Decimal, b: Decimal) -> bool {
    cmp(a, b) != Ordering::Greater
}

/// `a < b`.
pub(crate) fn lt(a: Decimal, b: Decimal) -> bool {
    cmp(a, b) == Ordering::Less
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn boundaries_compare_exactly() {
        assert_eq!(cmp(d("12.5"), d("12.50")), Ordering::Equal);
        assert_eq!(
            cmp(d("12.49999999999999999999999999"), d("12.5")),
            Ordering::Less
        );
        assert_eq!(cmp(d("-0.1"), d("0")), Ordering::Less);
        assert_eq!(
            cmp(d("79228162514264337593543950335"), d("0.1")),
            Ordering::Greater
        );
        assert!(ge(d("11"), d("11.0")) && le(d("11"), d("11.0")));
        assert!(gt(d("11.01"), d("11")) && lt(d("10.99"), d("11")));
    }

    proptest! {
        #[test]
        fn agrees_with_ord(a in any::<i64>(), sa in 0u32..=28, b in any::<i64>(), sb in 0u32..=28,
                           shift in 0u32..=32) {
            // Mantissas up to 95 bits, within Decimal's 96.
            let x = Decimal::from_i128_with_scale(i128::from(a) << shift, sa);
            let y = Decimal::from_i128_with_scale(i128::from(b), sb);
            prop_assert_eq!(cmp(x, y), x.cmp(&y));
            prop_assert_eq!(cmp(y, x), y.cmp(&x));
            prop_assert_eq!(cmp(x, x), Ordering::Equal);
        }

        #[test]
        fn agrees_with_ord_on_small_mantissas(a in any::<u32>(), na in any::<bool>(), sa in 0u32..=12,
                                              b in any::<u32>(), nb in any::<bool>(), sb in 0u32..=12) {
            // The i64 fast path (scales at most 9 apart) and its edge, signs and zeros included.
            let mut x = Decimal::new(i64::from(a), sa);
            x.set_sign_negative(na);
            let mut y = Decimal::new(i64::from(b), sb);
            y.set_sign_negative(nb);
            prop_assert_eq!(cmp(x, y), x.cmp(&y));
            prop_assert_eq!(cmp(y, x), y.cmp(&x));
        }

        /// A value unpacked once and checked against limits (`accepts_small`, the early-warning
        /// bands) gets the answer of `accepts`, which compares it afresh with every bound.
        #[test]
        fn limits_accept_a_value_unpacked_once_as_they_accept_it(
            v in any::<i64>(), sv in 0u32..=14, shift in 0u32..=32,
            bounds in proptest::collection::vec(proptest::option::of((any::<i32>(), 0u32..=12)), 4),
        ) {
            use crate::policy::Limits;
            let value = Decimal::from_i128_with_scale(i128::from(v) << shift, sv);
            let bound = |i: usize| bounds[i].map(|(m, s)| Decimal::new(i64::from(m), s));
            let limits = Limits { min: bound(0), above: bound(1), max: bound(2), below: bound(3) };
            let ord = |i: usize| bound(i).map(|b| value.cmp(&b));
            let by_ord = ord(0).is_none_or(|o| o != Ordering::Less)
                && ord(1).is_none_or(|o| o == Ordering::Greater)
                && ord(2).is_none_or(|o| o != Ordering::Greater)
                && ord(3).is_none_or(|o| o == Ordering::Less);
            prop_assert_eq!(limits.accepts_small(value, Small::of(value)), limits.accepts(value));
            prop_assert_eq!(limits.accepts(value), by_ord);
        }
    }

    #[test]
    fn a_negative_zero_is_zero_and_the_widest_small_values_compare_exactly() {
        let mut neg_zero = d("0.00");
        neg_zero.set_sign_negative(true);
        assert_eq!(cmp(neg_zero, d("0")), Ordering::Equal);
        let max = Decimal::new(i64::from(u32::MAX), 0);
        assert_eq!(
            cmp(max, Decimal::new(i64::from(u32::MAX), 9)),
            Ordering::Greater
        );
        assert_eq!(
            cmp(Decimal::new(1, 9), Decimal::new(1_000_000_000, 18)),
            Ordering::Equal
        );
        assert_eq!(cmp(-max, Decimal::new(-1, 9)), Ordering::Less);
    }
}
