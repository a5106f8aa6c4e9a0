//! Expiration month and year (data structure 026, `=]yyyymm`, ST-001 §2.4.26) and flexible
//! date and time (031, `=(ZUTTYYYYMMDDhhmm`, §2.4.31, Tables 24 \[RT045\] and 25 \[RT046\]).
//!
//! 026 dates supplies (it is not used for products of human origin). 031 carries the kind of
//! time and whether it is the facility's local time or UTC; ST-001 v6.2.2 makes it available
//! for cellular therapy, regenerated tissue, ocular tissue and organs only, so a label's
//! expiry and collection are still read from 004–007.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

use crate::error::{RaktError, Result};

const MONTH: &str = "ISBT 128 expiration month and year (026)";
const FLEXIBLE: &str = "ISBT 128 flexible date and time (031)";

/// The digits of `data[at..at + len]` as a number, or the 1-based position (in the text whose
/// data starts at `base`) of the first character that is not a digit.
fn digits(
    text: &str,
    structure: &str,
    data: &str,
    base: usize,
    at: usize,
    len: usize,
) -> Result<u32> {
    let part = data.get(at..at + len).unwrap_or_default();
    if let Some(i) = part.chars().position(|c| !c.is_ascii_digit()) {
        return Err(RaktError::code(
            structure,
            text,
            base + at + i,
            "a digit expected",
        ));
    }
    part.parse()
        .map_err(|_| RaktError::code(structure, text, base + at, "a digit expected"))
}

/// Data structure 026: the month a supply expires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExpirationMonth {
    year: u16,
    month: u8,
}

impl ExpirationMonth {
    /// The year, as written (four digits).
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// `=]yyyymm`.
    pub fn encode(&self) -> String {
        format!("=]{:04}{:02}", self.year, self.month)
    }
}

/// Reads `=]yyyymm` (data structure 026). The month must be 01–12.
///
/// ```
/// let m = rakt::isbt128::decode_expiration_month("=]202712")?;
/// assert_eq!((m.year(), m.month()), (2027, 12));
/// assert!(rakt::isbt128::decode_expiration_month("=]202713").is_err());
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn decode_expiration_month(text: &str) -> Result<ExpirationMonth> {
    let (data, at) = super::fixed_data(MONTH, text, "=]", 6, "yyyymm")?;
    let year = digits(text, MONTH, data, at, 0, 4)?;
    let month = digits(text, MONTH, data, at, 4, 2)?;
    if !(1..=12).contains(&month) {
        return Err(RaktError::code(MONTH, text, at + 4, "the month is 01-12"));
    }
    Ok(ExpirationMonth {
        year: u16::try_from(year).unwrap_or(u16::MAX),
        month: u8::try_from(month).unwrap_or(0),
    })
}

/// Table 24 \[RT045\]: the time zone of a flexible date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimeZoneKind {
    /// `1`: the local time zone of the facility assigning the date.
    Local,
    /// `2`: Coordinated Universal Time.
    Utc,
}

impl TimeZoneKind {
    /// `local` or `utc`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeZoneKind::Local => "local",
            TimeZoneKind::Utc => "utc",
        }
    }

    fn digit(self) -> u8 {
        match self {
            TimeZoneKind::Local => 1,
            TimeZoneKind::Utc => 2,
        }
    }
}

/// Table 25 \[RT046\]: what a flexible date and time is the time of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimeKind {
    /// `01`: expiration date and time.
    Expiration,
    /// `02`: collection date and time.
    Collection,
    /// `03`: production date and time.
    Production,
    /// `04`: cross clamp date and time.
    CrossClamp,
    /// `05`: time of preservation.
    Preservation,
    /// `06`: time of death of the donor.
    DonorDeath,
}

const TIME_KINDS: [TimeKind; 6] = [
    TimeKind::Expiration,
    TimeKind::Collection,
    TimeKind::Production,
    TimeKind::CrossClamp,
    TimeKind::Preservation,
    TimeKind::DonorDeath,
];

impl TimeKind {
    /// A stable snake_case name: `expiration`, `collection`, `production`, `cross_clamp`,
    /// `preservation`, `donor_death`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeKind::Expiration => "expiration",
            TimeKind::Collection => "collection",
            TimeKind::Production => "production",
            TimeKind::CrossClamp => "cross_clamp",
            TimeKind::Preservation => "preservation",
            TimeKind::DonorDeath => "donor_death",
        }
    }

    /// The Table 25 code, 1–6.
    pub fn code(self) -> u8 {
        match self {
            TimeKind::Expiration => 1,
            TimeKind::Collection => 2,
            TimeKind::Production => 3,
            TimeKind::CrossClamp => 4,
            TimeKind::Preservation => 5,
            TimeKind::DonorDeath => 6,
        }
    }
}

/// Data structure 031: a date and time with its kind and time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FlexibleDate {
    zone: TimeZoneKind,
    reserved: u8,
    kind: TimeKind,
    at: NaiveDateTime,
}

impl FlexibleDate {
    /// Local time of the assigning facility, or UTC.
    pub fn zone(&self) -> TimeZoneKind {
        self.zone
    }

    /// What it is the time of.
    pub fn kind(&self) -> TimeKind {
        self.kind
    }

    /// The date and time as written (to the minute).
    pub fn datetime(&self) -> NaiveDateTime {
        self.at
    }

    /// The instant: a UTC time as it is, a local time in the facility's `offset`.
    pub fn at_offset(&self, offset: FixedOffset) -> Result<DateTime<FixedOffset>> {
        match self.zone {
            TimeZoneKind::Utc => Ok(Utc.from_utc_datetime(&self.at).with_timezone(&offset)),
            TimeZoneKind::Local => offset
                .from_local_datetime(&self.at)
                .single()
                .ok_or_else(|| RaktError::input("offset", "not a local time")),
        }
    }

    /// `=(ZUTTYYYYMMDDhhmm`.
    pub fn encode(&self) -> String {
        format!(
            "=({}{}{:02}{}",
            self.zone.digit(),
            self.reserved,
            self.kind.code(),
            self.at.format("%Y%m%d%H%M")
        )
    }
}

/// Reads `=(ZUTTYYYYMMDDhhmm` (data structure 031): `Z` from Table 24 (`1` local, `2` UTC),
/// `U` reserved (a digit, set to 0 today), `TT` from Table 25 (`01`–`06`), then a real date
/// and a time 00:00–23:59.
///
/// ```
/// use rakt::isbt128::{TimeKind, TimeZoneKind, decode_flexible_date};
/// let d = decode_flexible_date("=(2002202612070930")?;
/// assert_eq!((d.zone(), d.kind()), (TimeZoneKind::Utc, TimeKind::Collection));
/// assert_eq!(d.datetime().to_string(), "2026-12-07 09:30:00");
/// let err = decode_flexible_date("=(1007202612070930").unwrap_err();
/// assert_eq!(err.to_string(), "invalid ISBT 128 flexible date and time (031) \"=(1007202612070930\" at position 5: 07 is not a type of time of ST-001 Table 25");
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn decode_flexible_date(text: &str) -> Result<FlexibleDate> {
    let (data, at) = super::fixed_data(FLEXIBLE, text, "=(", 16, "ZUTTYYYYMMDDhhmm")?;
    let err = |i: usize, reason: String| RaktError::code(FLEXIBLE, text, at + i, reason);
    let zone = match digits(text, FLEXIBLE, data, at, 0, 1)? {
        1 => TimeZoneKind::Local,
        2 => TimeZoneKind::Utc,
        z => {
            return Err(err(
                0,
                format!("{z} is not a time zone of ST-001 Table 24 (1 local, 2 UTC)"),
            ));
        }
    };
    let reserved = u8::try_from(digits(text, FLEXIBLE, data, at, 1, 1)?).unwrap_or(0);
    let code = digits(text, FLEXIBLE, data, at, 2, 2)?;
    let kind = TIME_KINDS
        .into_iter()
        .find(|k| u32::from(k.code()) == code)
        .ok_or_else(|| {
            err(
                2,
                format!("{code:02} is not a type of time of ST-001 Table 25"),
            )
        })?;
    let year = digits(text, FLEXIBLE, data, at, 4, 4)?;
    let month = digits(text, FLEXIBLE, data, at, 8, 2)?;
    let day = digits(text, FLEXIBLE, data, at, 10, 2)?;
    let hour = digits(text, FLEXIBLE, data, at, 12, 2)?;
    let minute = digits(text, FLEXIBLE, data, at, 14, 2)?;
    if !(1..=12).contains(&month) {
        return Err(err(8, "the month is 01-12".into()));
    }
    let date = i32::try_from(year)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
        .ok_or_else(|| err(10, format!("{year:04}-{month:02} has no day {day:02}")))?;
    if hour > 23 {
        return Err(err(12, "the hour is 00-23".into()));
    }
    let time = NaiveTime::from_hms_opt(hour, minute, 0)
        .ok_or_else(|| err(14, "the minute is 00-59".into()))?;
    Ok(FlexibleDate {
        zone,
        reserved,
        kind,
        at: date.and_time(time),
    })
}
