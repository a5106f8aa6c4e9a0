//! Timestamps, dates and decimals at the edges.
//!
//! [`Timestamp`] is `java.time.OffsetDateTime` in Kotlin, [`Date`] is `java.time.LocalDate` and
//! [`Decimal`] is `java.math.BigDecimal` (see `uniffi.toml`). On the wire each is text. Lifting
//! never fails: the text is parsed inside the exported functions (timestamps with
//! [`rakt::parse_timestamp`]), so an unreadable value is a typed `InvalidInput` naming the
//! argument rather than an internal error.

use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat};

use crate::error::{RaktException, Result};

/// A point in time with its UTC offset: `java.time.OffsetDateTime` in Kotlin. A time without
/// an offset cannot be expressed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Timestamp(String);

uniffi::custom_type!(Timestamp, String, {
    lower: |t| t.0,
    try_lift: |text| Ok(Timestamp(text)),
});

impl From<DateTime<FixedOffset>> for Timestamp {
    /// A leap second is written as the second before it (`OffsetDateTime` cannot read `:60`),
    /// as the core reads one and as Python shows one.
    fn from(t: DateTime<FixedOffset>) -> Self {
        let t = rakt::time::without_leap_second(t);
        Timestamp(t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

impl Timestamp {
    /// Parse with the core's parser; a refusal names `field`.
    pub(crate) fn parse(&self, field: &str) -> Result<DateTime<FixedOffset>> {
        rakt::parse_timestamp(&self.0).map_err(|e| match e {
            rakt::RaktError::InvalidInput { reason, .. } => RaktException::input(field, reason),
            other => other.into(),
        })
    }
}

/// A calendar day without a time or zone: `java.time.LocalDate` in Kotlin (ISO text on the
/// wire, `YYYY-MM-DD`; rakt refuses years outside 1 to 9999).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Date(String);

uniffi::custom_type!(Date, String, {
    lower: |d| d.0,
    try_lift: |text| Ok(Date(text)),
});

impl From<NaiveDate> for Date {
    fn from(d: NaiveDate) -> Self {
        Date(d.format("%Y-%m-%d").to_string())
    }
}

impl Date {
    /// Parse the ISO text; a refusal (such as a year outside rakt's calendar, 1 to 9999) names
    /// `field`.
    pub(crate) fn parse(&self, field: &str) -> Result<NaiveDate> {
        let date = NaiveDate::from_str(&self.0).map_err(|e| {
            RaktException::input(
                field,
                format!("{:?} is not a date (YYYY-MM-DD): {e}", self.0),
            )
        })?;
        if !rakt::time::in_calendar(date) {
            return Err(RaktException::input(
                field,
                format!(
                    "{:?} is outside the years {} to {}",
                    self.0,
                    rakt::time::FIRST_YEAR,
                    rakt::time::LAST_YEAR
                ),
            ));
        }
        Ok(date)
    }
}

/// An exact decimal number (a measurement, a temperature): `java.math.BigDecimal` in Kotlin
/// (`toPlainString()` text on the wire). A value `rust_decimal` cannot hold exactly (more than
/// 28 significant digits, or beyond ±7.9 × 10^28) is refused with `InvalidInput` naming the field
/// rather than rounded: a rounded Hb of 12.4999… would pass a 12.5 threshold.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Decimal(String);

uniffi::custom_type!(Decimal, String, {
    lower: |d| d.0,
    try_lift: |text| Ok(Decimal(text)),
});

impl From<rust_decimal::Decimal> for Decimal {
    fn from(d: rust_decimal::Decimal) -> Self {
        Decimal(d.to_string())
    }
}

impl Decimal {
    /// Parse the text exactly; a refusal names `field`.
    pub(crate) fn parse(&self, field: &str) -> Result<rust_decimal::Decimal> {
        rust_decimal::Decimal::from_str_exact(&self.0).map_err(|e| {
            RaktException::input(
                field,
                format!("{} is not a decimal rakt can hold exactly: {e}", self.0),
            )
        })
    }
}

/// Parse a timestamp as written in real records (`2026-01-01T10:00+05:30`,
/// `2026-01-01 10:00:00Z`, ...). A time without a UTC offset is refused with
/// `RaktException.InvalidInput`: rakt never guesses the time zone.
#[uniffi::export]
pub fn parse_timestamp(text: String) -> Result<Timestamp> {
    Ok(rakt::parse_timestamp(&text)?.into())
}

/// A local time of day without a zone: `java.time.LocalTime` in Kotlin (`HH:MM` on the wire).
/// Only returned (ISBT 128 label times are local times of the labelling facility).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WallTime(String);

uniffi::custom_type!(WallTime, String, {
    lower: |t| t.0,
    try_lift: |text| Ok(WallTime(text)),
});

impl From<NaiveTime> for WallTime {
    fn from(t: NaiveTime) -> Self {
        WallTime(t.format("%H:%M").to_string())
    }
}

/// A local date and time without a zone: `java.time.LocalDateTime` in Kotlin
/// (`YYYY-MM-DDTHH:MM` on the wire). Only returned.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WallDateTime(String);

uniffi::custom_type!(WallDateTime, String, {
    lower: |t| t.0,
    try_lift: |text| Ok(WallDateTime(text)),
});

impl From<NaiveDateTime> for WallDateTime {
    fn from(t: NaiveDateTime) -> Self {
        WallDateTime(t.format("%Y-%m-%dT%H:%M").to_string())
    }
}

/// A length of time: `java.time.Duration` in Kotlin, `"<seconds> <nanos>"` on the wire (its
/// `seconds` and `nano`, so that a negative duration reaches Rust and is refused there as a
/// typed `InvalidInput`, where UniFFI's own conversion would throw `IllegalArgumentException`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span(String);

uniffi::custom_type!(Span, String, {
    lower: |s| s.0,
    try_lift: |text| Ok(Span(text)),
});

impl Span {
    /// The duration; a negative or unreadable one is refused, naming `field`.
    pub(crate) fn parse(&self, field: &str) -> Result<std::time::Duration> {
        let unreadable = || RaktException::input(field, format!("{:?} is not a duration", self.0));
        let (seconds, nanos) = self.0.split_once(' ').ok_or_else(unreadable)?;
        let seconds: i64 = seconds.parse().map_err(|_| unreadable())?;
        let nanos: u32 = nanos.parse().map_err(|_| unreadable())?;
        if nanos >= 1_000_000_000 {
            return Err(unreadable());
        }
        let seconds = u64::try_from(seconds).map_err(|_| {
            RaktException::input(
                field,
                format!(
                    "{} is negative; give a duration of zero or more",
                    Self::iso(seconds, nanos)
                ),
            )
        })?;
        Ok(std::time::Duration::new(seconds, nanos))
    }

    /// `java.time.Duration.toString()` of `seconds` + `nanos` (for messages).
    fn iso(seconds: i64, nanos: u32) -> String {
        let total = i128::from(seconds) * 1_000_000_000 + i128::from(nanos);
        let sign = if total < 0 { "-" } else { "" };
        let abs = total.unsigned_abs();
        let (whole, frac) = (abs / 1_000_000_000, abs % 1_000_000_000);
        let (h, m, s) = (whole / 3600, whole / 60 % 60, whole % 60);
        let mut out = String::from("PT");
        if h > 0 {
            out.push_str(&format!("{sign}{h}H"));
        }
        if m > 0 {
            out.push_str(&format!("{sign}{m}M"));
        }
        if s > 0 || frac > 0 || out.len() == 2 {
            out.push_str(&format!("{sign}{s}"));
            if frac > 0 {
                let digits = format!("{frac:09}");
                out.push('.');
                out.push_str(digits.trim_end_matches('0'));
            }
            out.push('S');
        }
        out
    }
}

/// A UTC offset: `java.time.ZoneOffset` in Kotlin (its total seconds on the wire), checked
/// inside the exported functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UtcOffset(i32);

uniffi::custom_type!(UtcOffset, i32, {
    lower: |o| o.0,
    try_lift: |seconds| Ok(UtcOffset(seconds)),
});

impl UtcOffset {
    /// The offset; more than a day either way is refused, naming `field`.
    #[cfg_attr(not(feature = "isbt128"), allow(dead_code))] // used by the label details
    pub(crate) fn parse(self, field: &str) -> Result<FixedOffset> {
        FixedOffset::east_opt(self.0).ok_or_else(|| {
            RaktException::input(field, format!("{} seconds is not a UTC offset", self.0))
        })
    }
}
