//! Timestamps at the edges: every time rakt takes carries its UTC offset, lies in the years
//! 1 to 9999, and has no leap second.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

use crate::error::{RaktError, Result};

/// The first year of the calendar rakt handles.
///
/// Dates and times rakt reads or computes lie in the years 1 to 9999, the range that Python's
/// `datetime`, ISO 8601 without a sign and every binding can carry alike. A date arithmetic
/// result outside it is refused with [`RaktError::InvalidInput`], as one past chrono's own
/// range is, so the three languages give the same answer.
pub const FIRST_YEAR: i32 = 1;
/// The last year of the calendar rakt handles (see [`FIRST_YEAR`]).
pub const LAST_YEAR: i32 = 9999;

/// Whether `date` lies in the years [`FIRST_YEAR`] to [`LAST_YEAR`].
pub fn in_calendar(date: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&date.year())
}

/// `date` when it lies in rakt's calendar ([`in_calendar`]): for chaining after chrono's
/// `checked_*` arithmetic, so that a result past year 9999 is refused like one past chrono's range.
pub(crate) fn within_calendar(date: NaiveDate) -> Option<NaiveDate> {
    in_calendar(date).then_some(date)
}

/// `time` when its local date lies in rakt's calendar ([`in_calendar`]).
pub(crate) fn time_within_calendar(time: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    local_date(time, *time.offset())
        .filter(|d| in_calendar(*d))
        .map(|_| time)
}

/// Refuses a time rakt could not write and read back unchanged, naming `field`: a UTC offset
/// that is not whole minutes (RFC 3339 cannot write its seconds, so it would shift through
/// JSON), or a local date outside rakt's calendar (the message gives the UTC reading, which
/// always exists). Every time a unit stores goes through this.
pub(crate) fn check_writable(field: &str, time: DateTime<FixedOffset>) -> Result<()> {
    if time.offset().local_minus_utc() % 60 != 0 {
        return Err(RaktError::input(
            field,
            format!(
                "the UTC offset of {} s is not whole minutes (RFC 3339 cannot write it)",
                time.offset().local_minus_utc()
            ),
        ));
    }
    match time_within_calendar(time) {
        Some(_) => Ok(()),
        None => Err(RaktError::input(
            field,
            format!(
                "{} UTC (offset {} s) is outside the years {FIRST_YEAR} to {LAST_YEAR}",
                time.naive_utc(),
                time.offset().local_minus_utc()
            ),
        )),
    }
}

/// The date of `time` at `offset`, or `None` when that local time is past chrono's range.
///
/// chrono holds an instant whose local time at its offset is not a `NaiveDateTime` (its largest
/// UTC instant at +05:30, say), and `date_naive()` or `with_timezone` then panics; this never does.
pub(crate) fn local_date(time: DateTime<FixedOffset>, offset: FixedOffset) -> Option<NaiveDate> {
    time.naive_utc()
        .checked_add_signed(chrono::TimeDelta::seconds(i64::from(
            offset.local_minus_utc(),
        )))
        .map(|t| t.date())
}

/// `time` with a leap second read as the second before it: `23:59:60.5Z` is `23:59:59.5Z`.
///
/// chrono can hold a leap second; Python's `datetime` and Java's `OffsetDateTime` cannot. rakt
/// reads one this way wherever it reads a time from text, so a time it returns can always be
/// read back in all three languages.
pub fn without_leap_second(time: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let nanos = time.nanosecond();
    match nanos.checked_sub(1_000_000_000) {
        Some(within) => time.with_nanosecond(within).unwrap_or(time),
        None => time,
    }
}

/// Parse an RFC 3339 / ISO 8601 timestamp with a UTC offset: `2026-01-01T10:00:00+05:30`,
/// `2026-01-01T10:00+05:30` (no seconds), `2026-01-01 10:00:00Z`. A time without an offset is
/// refused: rakt never guesses the time zone. A time outside the years 1 to 9999 is refused; a
/// leap second is read as the second before it ([`without_leap_second`]).
///
/// ```
/// let t = rakt::parse_timestamp("2026-01-01T10:00+05:30")?;
/// assert_eq!(t.to_rfc3339(), "2026-01-01T10:00:00+05:30");
/// let err = rakt::parse_timestamp("2026-01-01T10:00:00").unwrap_err();
/// assert_eq!(err.kind(), "InvalidInput");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_timestamp(text: &str) -> Result<DateTime<FixedOffset>> {
    let time = parse_any(text)?;
    if time_within_calendar(time).is_none() {
        return Err(RaktError::input(
            "time",
            format!("{text:?} is outside the years {FIRST_YEAR} to {LAST_YEAR}"),
        ));
    }
    Ok(without_leap_second(time))
}

fn parse_any(text: &str) -> Result<DateTime<FixedOffset>> {
    let trimmed = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(trimmed) {
        return Ok(t);
    }
    for format in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%d %H:%M%:z", "%Y-%m-%dT%H:%MZ"] {
        if let Ok(t) = DateTime::parse_from_str(trimmed, format) {
            return Ok(t);
        }
    }
    let normalised = trimmed.replace(' ', "T");
    if let Ok(t) = DateTime::parse_from_rfc3339(&normalised) {
        return Ok(t);
    }
    if let Some(t) = normalised
        .strip_suffix('Z')
        .and_then(|s| DateTime::parse_from_str(&format!("{s}+00:00"), "%Y-%m-%dT%H:%M%:z").ok())
    {
        return Ok(t);
    }
    Err(RaktError::input(
        "time",
        format!(
            "{text:?} is not a timestamp with a UTC offset (expected e.g. 2026-01-01T10:00:00+05:30)"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_and_refused() {
        for ok in [
            "2026-01-01T10:00:00+05:30",
            "2026-01-01T10:00+05:30",
            "2026-01-01 10:00:00+05:30",
            "2026-01-01T04:30:00Z",
            "2026-01-01T04:30Z",
            "2026-01-01T10:00:00.000+05:30",
        ] {
            let t = parse_timestamp(ok).unwrap();
            assert_eq!(t.timestamp(), 1_767_241_800, "{ok}");
        }
        for bad in [
            "",
            "2026-01-01",
            "2026-01-01T10:00:00",
            "tomorrow",
            "2026-13-01T10:00+05:30",
            "0000-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z",
        ] {
            assert_eq!(
                parse_timestamp(bad).unwrap_err().kind(),
                "InvalidInput",
                "{bad}"
            );
        }
    }

    #[test]
    fn the_ends_of_the_calendar() {
        let first = parse_timestamp("0001-01-01T00:00:00Z").unwrap();
        assert_eq!(first.to_rfc3339(), "0001-01-01T00:00:00+00:00");
        let last = parse_timestamp("9999-12-31T23:59:59.999+05:30").unwrap();
        assert_eq!(last.to_rfc3339(), "9999-12-31T23:59:59.999+05:30");
        // The local date decides: this is 9999-12-31 in its own zone, 10000 in UTC.
        assert!(parse_timestamp("9999-12-31T23:00:00-05:00").is_ok());
        let err = parse_timestamp("0000-12-31T23:59:59Z").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid input: time: \"0000-12-31T23:59:59Z\" is outside the years 1 to 9999"
        );
    }

    #[test]
    fn a_leap_second_is_the_second_before_it() {
        for (leap, read) in [
            ("2016-12-31T23:59:60Z", "2016-12-31T23:59:59+00:00"),
            ("2016-12-31T23:59:60.5Z", "2016-12-31T23:59:59.500+00:00"),
            ("2017-01-01T05:29:60+05:30", "2017-01-01T05:29:59+05:30"),
        ] {
            let t = parse_timestamp(leap).unwrap();
            assert_eq!(
                t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false),
                read,
                "{leap}"
            );
        }
        let plain = parse_timestamp("2016-12-31T23:59:59.999999999Z").unwrap();
        assert_eq!(without_leap_second(plain), plain);
    }
}
