//! Dates and times, ISBT 128 data structures 004–009 (ST-001 §2.4.4–§2.4.9).
//!
//! | Structure | Data identifier | Data | Meaning |
//! |---|---|---|---|
//! | 004 | `=>` | `cyyjjj` | expiration date |
//! | 005 | `&>` | `cyyjjjhhmm` | expiration date and time |
//! | 006 | `=*` | `cyyjjj` | collection date |
//! | 007 | `&*` | `cyyjjjhhmm` | collection date and time |
//! | 008 | `=}` | `cyyjjj` | production date |
//! | 009 | `&}` | `cyyjjjhhmm` | production date and time |
//!
//! `c` is the century, `yy` the year in the century, `jjj` the ordinal day (001–366, refused
//! when the year has no such day), `hhmm` the time, 0000–2359. When the time is not known,
//! 2359 is written (ST-001). The year is `2000 + 100·c + yy`: ST-001 does not state the
//! arithmetic; its worked examples (`&>0183652359` is 31 December 2018 23:59) imply `c = 0`
//! for the 2000s (research/blood.md §5.5, an inference of medium confidence).
//!
//! The times are local times of the facility that labelled the unit; a time zone is not in the
//! data, so converting to an instant takes the offset as an argument.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::error::{RaktError, Result};

const STRUCTURE: &str = "ISBT 128 date";

/// What a date on a label is the date of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DateKind {
    /// Expiration (004, 005).
    Expiration,
    /// Collection (006, 007).
    Collection,
    /// Production (008, 009).
    Production,
}

impl DateKind {
    /// The kind of a stable name (`expiration`, `collection`, `production`); another name is
    /// [`RaktError::InvalidInput`] on `kind`.
    pub fn parse(name: &str) -> Result<DateKind> {
        [
            DateKind::Expiration,
            DateKind::Collection,
            DateKind::Production,
        ]
        .into_iter()
        .find(|k| k.as_str() == name)
        .ok_or_else(|| {
            RaktError::input(
                "kind",
                format!("{name:?} is not one of expiration, collection, production"),
            )
        })
    }

    /// A stable snake_case name, for bindings and vectors.
    pub fn as_str(self) -> &'static str {
        match self {
            DateKind::Expiration => "expiration",
            DateKind::Collection => "collection",
            DateKind::Production => "production",
        }
    }

    /// The second data-identifier character: `>`, `*` or `}`.
    fn identifier(self) -> char {
        match self {
            DateKind::Expiration => '>',
            DateKind::Collection => '*',
            DateKind::Production => '}',
        }
    }
}

/// A date or date and time from a label (data structures 004–009).
///
/// ```
/// use rakt::isbt128::{decode_datetime, DateKind};
/// let d = decode_datetime("&>0183652359")?;
/// assert_eq!(d.kind(), DateKind::Expiration);
/// assert_eq!(d.structure(), "005");
/// assert_eq!(d.datetime().to_string(), "2018-12-31 23:59:00");
/// assert_eq!(d.encode(), "&>0183652359");
/// # Ok::<(), rakt::RaktError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IsbtDate {
    kind: DateKind,
    date: NaiveDate,
    /// `None` for the date-only structures (004, 006, 008).
    time: Option<NaiveTime>,
}

impl IsbtDate {
    /// A date-only structure (004, 006 or 008). Refused for years outside 2000–2999.
    pub fn date_only(kind: DateKind, date: NaiveDate) -> Result<IsbtDate> {
        check_year(date.year())?;
        Ok(IsbtDate {
            kind,
            date,
            time: None,
        })
    }

    /// A date-and-time structure (005, 007 or 009), to the minute: seconds are dropped, which
    /// for an expiry makes it earlier, never later. Refused for years outside 2000–2999.
    pub fn date_time(kind: DateKind, at: NaiveDateTime) -> Result<IsbtDate> {
        check_year(at.year())?;
        let time = NaiveTime::from_hms_opt(at.hour(), at.minute(), 0)
            .ok_or_else(|| RaktError::input("time", "not a time of day"))?;
        Ok(IsbtDate {
            kind,
            date: at.date(),
            time: Some(time),
        })
    }

    /// Expiration, collection or production.
    pub fn kind(&self) -> DateKind {
        self.kind
    }
    /// The calendar date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }
    /// The time, for the date-and-time structures.
    pub fn time(&self) -> Option<NaiveTime> {
        self.time
    }
    /// The date and time; a date-only structure gives 23:59, the time written when the time
    /// is not known.
    pub fn datetime(&self) -> NaiveDateTime {
        self.date.and_time(self.time.unwrap_or(END_OF_DAY))
    }
    /// The instant, in the facility's time zone given as `offset`.
    pub fn at_offset(&self, offset: FixedOffset) -> Result<DateTime<FixedOffset>> {
        self.datetime()
            .and_local_timezone(offset)
            .single()
            .ok_or_else(|| RaktError::input("offset", "the local time does not exist"))
    }
    /// The structure number: `004` to `009`.
    pub fn structure(&self) -> &'static str {
        match (self.kind, self.time.is_some()) {
            (DateKind::Expiration, false) => "004",
            (DateKind::Expiration, true) => "005",
            (DateKind::Collection, false) => "006",
            (DateKind::Collection, true) => "007",
            (DateKind::Production, false) => "008",
            (DateKind::Production, true) => "009",
        }
    }
    /// The data characters, `cyyjjj` or `cyyjjjhhmm`.
    pub fn data(&self) -> String {
        let year = self.date.year();
        let c = (year - 2000) / 100;
        let yy = year % 100;
        let mut out = format!("{c}{yy:02}{:03}", self.date.ordinal());
        if let Some(t) = self.time {
            out.push_str(&format!("{:02}{:02}", t.hour(), t.minute()));
        }
        out
    }
    /// The bar-code data with its data identifier, e.g. `&>0183652359`.
    pub fn encode(&self) -> String {
        let first = if self.time.is_some() { '&' } else { '=' };
        format!("{first}{}{}", self.kind.identifier(), self.data())
    }
}

/// 23:59, the time written when the time is not known.
const END_OF_DAY: NaiveTime = match NaiveTime::from_hms_opt(23, 59, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

fn check_year(year: i32) -> Result<()> {
    if (2000..=2999).contains(&year) {
        Ok(())
    } else {
        Err(RaktError::input(
            "date",
            format!("ISBT 128 dates cover the years 2000-2999, not {year}"),
        ))
    }
}

/// Reads a date structure: `=>cyyjjj`, `&>cyyjjjhhmm`, `=*cyyjjj`, `&*cyyjjjhhmm`,
/// `=}cyyjjj` or `&}cyyjjjhhmm`. The data identifier is required: it says what the date is of.
/// Refusals are [`RaktError::InvalidCode`] naming the 1-based position in `text`.
///
/// ```
/// use rakt::isbt128::decode_datetime;
/// let err = decode_datetime("=>018366").unwrap_err();
/// assert_eq!(err.to_string(), "invalid ISBT 128 date \"=>018366\" at position 6: 2018 has no day 366");
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn decode_datetime(text: &str) -> Result<IsbtDate> {
    let err = |pos: usize, reason: &str| RaktError::code(STRUCTURE, text, pos, reason);
    if let Some(pos) = text.chars().position(|c| !c.is_ascii()) {
        return Err(err(pos + 1, "only ASCII characters are allowed"));
    }
    let mut chars = text.chars();
    let (first, second) = (chars.next(), chars.next());
    let with_time = match first {
        Some('=') => false,
        Some('&') => true,
        _ => {
            return Err(err(
                1,
                "a date starts with its data identifier: =>, &>, =*, &*, =} or &}",
            ));
        }
    };
    let kind = match second {
        Some('>') => DateKind::Expiration,
        Some('*') => DateKind::Collection,
        Some('}') => DateKind::Production,
        _ => {
            return Err(err(
                2,
                "the second data-identifier character of a date is >, * or }",
            ));
        }
    };
    let data = chars.as_str();
    let want = if with_time { 10 } else { 6 };
    if let Some(i) = data.chars().position(|c| !c.is_ascii_digit()) {
        return Err(err(3 + i, "dates and times are digits"));
    }
    if data.len() != want {
        return Err(err(
            3 + data.len().min(want),
            if with_time {
                "a date and time is 10 digits, cyyjjjhhmm"
            } else {
                "a date is 6 digits, cyyjjj"
            },
        ));
    }
    let num = |from: usize, to: usize| -> u32 {
        data.get(from..to).and_then(|s| s.parse().ok()).unwrap_or(0)
    };
    let year = 2000 + 100 * num(0, 1) + num(1, 3);
    let day = num(3, 6);
    let year = i32::try_from(year).unwrap_or(i32::MAX);
    let date = NaiveDate::from_yo_opt(year, day)
        .ok_or_else(|| err(6, &format!("{year} has no day {day:03}")))?;
    let time = if with_time {
        let (h, m) = (num(6, 8), num(8, 10));
        if h > 23 {
            return Err(err(9, "the hour must be 00-23"));
        }
        if m > 59 {
            return Err(err(11, "the minute must be 00-59"));
        }
        Some(NaiveTime::from_hms_opt(h, m, 0).ok_or_else(|| err(9, "not a time of day"))?)
    } else {
        None
    };
    Ok(IsbtDate { kind, date, time })
}
