//! Timestamps and decimals at the edges.
//!
//! [`Timestamp`] is `java.time.OffsetDateTime` in Kotlin (see `uniffi.toml`). On the wire it is
//! RFC 3339 text. Lifting it never fails: the text is parsed with [`rakt::parse_timestamp`]
//! inside the exported functions, so an unreadable time is a typed `InvalidInput` naming the
//! argument rather than an internal error. `rust_decimal::Decimal` is `java.math.BigDecimal`.

use std::str::FromStr;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use rust_decimal::Decimal;

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
    fn from(t: DateTime<FixedOffset>) -> Self {
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

uniffi::custom_type!(Decimal, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |text| Ok(Decimal::from_str(&text)?),
});

/// Parse a timestamp as written in real records (`2026-01-01T10:00+05:30`,
/// `2026-01-01 10:00:00Z`, ...). A time without a UTC offset is refused with
/// `RaktException.InvalidInput`: rakt never guesses the time zone.
#[uniffi::export]
pub fn parse_timestamp(text: String) -> Result<Timestamp> {
    Ok(rakt::parse_timestamp(&text)?.into())
}
