//! Plausibility bounds for data entry. A value outside one is a typo or a unit mix-up (grams
//! for kilograms, g/L for g/dL), not a clinical finding: it is refused with
//! [`RaktError::InvalidInput`] naming the field, never classified. These are not clinical
//! thresholds; no rule decides anything by them, and none comes from a guideline.

use rust_decimal::Decimal;

use crate::error::{RaktError, Result};

/// An inclusive range of plausible values.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bound {
    /// Lowest plausible value.
    pub(crate) lo: i64,
    /// Highest plausible value.
    pub(crate) hi: i64,
}

/// Body weight of an adult, kg (ANC records and donors).
pub(crate) const WEIGHT_KG: Bound = Bound { lo: 20, hi: 250 };
/// Haemoglobin, g/dL (ANC records and donors).
pub(crate) const HB_G_DL: Bound = Bound { lo: 1, hi: 25 };
/// Body temperature, °C (vital signs and donors).
pub(crate) const TEMPERATURE_C: Bound = Bound { lo: 25, hi: 45 };
/// Systolic pressure, mmHg (vital signs and donors).
pub(crate) const SYSTOLIC_MMHG: Bound = Bound { lo: 30, hi: 300 };
/// Diastolic pressure, mmHg (vital signs and donors).
pub(crate) const DIASTOLIC_MMHG: Bound = Bound { lo: 10, hi: 200 };
/// Pulse of a conscious person, beats per minute (donors, shock index).
pub(crate) const PULSE_BPM: Bound = Bound { lo: 1, hi: 300 };
/// Fetuses in one pregnancy (ANC records, Robson).
pub(crate) const FETUSES: Bound = Bound { lo: 1, hi: 8 };
/// Previous births (ANC records, Robson).
pub(crate) const PARITY: Bound = Bound { lo: 0, hi: 30 };
/// Pregnancies, this one included (ANC records).
pub(crate) const GRAVIDA: Bound = Bound { lo: 1, hi: 40 };
/// Birth weight, g: up to 15 kg, above any newborn weighed; more is a typo.
pub(crate) const BIRTH_WEIGHT_G: Bound = Bound { lo: 1, hi: 15_000 };

/// Refuses `value` outside `bound`: "`value` is not plausible (expected `lo` to `hi`)".
pub(crate) fn check(field: &str, value: Decimal, bound: Bound) -> Result<()> {
    use crate::decimal::{gt, lt};
    if lt(value, Decimal::from(bound.lo)) || gt(value, Decimal::from(bound.hi)) {
        return Err(implausible(field, value, bound));
    }
    Ok(())
}

/// [`check`] for a whole number, compared as an integer.
pub(crate) fn check_count(field: &str, value: u32, bound: Bound) -> Result<()> {
    let v = i64::from(value);
    if v < bound.lo || v > bound.hi {
        return Err(implausible(field, value, bound));
    }
    Ok(())
}

fn implausible(field: &str, value: impl std::fmt::Display, bound: Bound) -> RaktError {
    RaktError::input(
        field,
        format!(
            "{value} is not plausible (expected {} to {})",
            bound.lo, bound.hi
        ),
    )
}
