//! Timestamps at the edges: every time rakt takes carries its UTC offset.

use chrono::{DateTime, FixedOffset};

use crate::error::{RaktError, Result};

/// Parse an RFC 3339 / ISO 8601 timestamp with a UTC offset: `2026-01-01T10:00:00+05:30`,
/// `2026-01-01T10:00+05:30` (no seconds), `2026-01-01 10:00:00Z`. A time without an offset is
/// refused: rakt never guesses the time zone.
///
/// ```
/// let t = rakt::parse_timestamp("2026-01-01T10:00+05:30")?;
/// assert_eq!(t.to_rfc3339(), "2026-01-01T10:00:00+05:30");
/// let err = rakt::parse_timestamp("2026-01-01T10:00:00").unwrap_err();
/// assert_eq!(err.kind(), "InvalidInput");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_timestamp(text: &str) -> Result<DateTime<FixedOffset>> {
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
        ] {
            assert_eq!(
                parse_timestamp(bad).unwrap_err().kind(),
                "InvalidInput",
                "{bad}"
            );
        }
    }
}
