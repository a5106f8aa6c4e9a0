//! The Donation Identification Number, ISBT 128 data structure 001 (ST-001 §2.4.1).
//!
//! Bar-code data `=αppppyynnnnnnff`: the 13-character DIN `αppppyynnnnnn` (facility
//! identification number, nominal year, sequence number) followed by two flag characters. The
//! keyboard check character is printed in a box beside the eye-readable DIN and is not in the
//! bar code (ST-001 §7.5.1.1).

use std::fmt;

use super::check;
use crate::error::{RaktError, Result};

const STRUCTURE: &str = "ISBT 128 donation identification number";

/// A parsed Donation Identification Number.
///
/// ```
/// use rakt::isbt128::{parse_din, DinFlag};
/// let din = parse_din("=G12341765432170")?;
/// assert_eq!(din.din13(), "G123417654321");
/// assert_eq!(din.facility(), "G1234");
/// assert_eq!(din.year(), 17);
/// assert_eq!(din.sequence(), 654321);
/// assert_eq!(din.check_character(), 'A');
/// assert_eq!(din.flag(), Some(DinFlag::Type3Check(70)));
/// assert_eq!(din.eye_readable(), "G1234 17 654321 70 [A]");
/// # Ok::<(), rakt::RaktError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Din {
    din13: String,
    flags: Option<String>,
}

/// What the two flag characters of a DIN say (ST-001 Table 3).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DinFlag {
    /// `00`: flags not used.
    NotUsed,
    /// `01`–`04` and `15`–`19`: container 1–9 of a set.
    Container(u8),
    /// `05`: a second or repeated demand-printed label.
    RepeatLabel,
    /// `06`: pilot tube.
    PilotTube,
    /// `07`: test tube.
    TestTube,
    /// `08`: donor record.
    DonorRecord,
    /// `09`: NAT sample tube.
    NatSampleTube,
    /// `10`: bacterial-testing samples.
    BacterialTestingSample,
    /// `11`: match with unit label.
    MatchWithUnitLabel,
    /// `12`: affixed partial label.
    AffixedPartialLabel,
    /// `13`: attached label.
    AttachedLabel,
    /// `20`–`59`: defined locally by the facility; the value is kept.
    Local(u8),
    /// `60`–`96`: Type 3, 60 plus the MOD 37-2 checksum of the DIN (verified when parsed).
    Type3Check(u8),
    /// `14`, `97`–`99` and the alphanumeric combinations: reserved by ICCBBA; kept as given.
    Reserved(String),
}

impl DinFlag {
    /// The meaning of two flag characters, which must already be valid flag characters.
    fn of(flags: &str) -> DinFlag {
        let Ok(n) = flags.parse::<u8>() else {
            return DinFlag::Reserved(flags.to_string());
        };
        match n {
            0 => DinFlag::NotUsed,
            1..=4 => DinFlag::Container(n),
            5 => DinFlag::RepeatLabel,
            6 => DinFlag::PilotTube,
            7 => DinFlag::TestTube,
            8 => DinFlag::DonorRecord,
            9 => DinFlag::NatSampleTube,
            10 => DinFlag::BacterialTestingSample,
            11 => DinFlag::MatchWithUnitLabel,
            12 => DinFlag::AffixedPartialLabel,
            13 => DinFlag::AttachedLabel,
            15..=19 => DinFlag::Container(n - 10),
            20..=59 => DinFlag::Local(n),
            60..=96 => DinFlag::Type3Check(n),
            _ => DinFlag::Reserved(flags.to_string()),
        }
    }

    /// A stable snake_case name of the kind of flag, for bindings and vectors.
    pub fn kind(&self) -> &'static str {
        match self {
            DinFlag::NotUsed => "not_used",
            DinFlag::Container(_) => "container",
            DinFlag::RepeatLabel => "repeat_label",
            DinFlag::PilotTube => "pilot_tube",
            DinFlag::TestTube => "test_tube",
            DinFlag::DonorRecord => "donor_record",
            DinFlag::NatSampleTube => "nat_sample_tube",
            DinFlag::BacterialTestingSample => "bacterial_testing_sample",
            DinFlag::MatchWithUnitLabel => "match_with_unit_label",
            DinFlag::AffixedPartialLabel => "affixed_partial_label",
            DinFlag::AttachedLabel => "attached_label",
            DinFlag::Local(_) => "local",
            DinFlag::Type3Check(_) => "type3_check",
            DinFlag::Reserved(_) => "reserved",
        }
    }
}

/// Whether `c` may stand at `pos` (1-based) of a 13-character DIN, and if not why.
fn din_char_problem(pos: usize, c: char) -> Option<&'static str> {
    let letter_no_o = c.is_ascii_uppercase() && c != 'O';
    match pos {
        1 if !(letter_no_o || ('1'..='9').contains(&c)) => {
            Some("the first character must be A-N, P-Z or 1-9 (no O, no 0)")
        }
        2 | 3 if !(letter_no_o || c.is_ascii_digit()) => {
            Some("facility characters 2-3 must be A-N, P-Z or 0-9 (no O)")
        }
        4 | 5 if !c.is_ascii_digit() => Some("facility characters 4-5 must be digits"),
        6 | 7 if !c.is_ascii_digit() => Some("the year must be two digits"),
        8..=13 if !c.is_ascii_digit() => Some("the sequence number must be six digits"),
        _ => None,
    }
}

/// Whether `c` is a flag character (0-9, A-H, J-N, P, R-Y).
fn is_flag_char(c: char) -> bool {
    c.is_ascii_digit() || (c.is_ascii_uppercase() && !matches!(c, 'I' | 'O' | 'Q' | 'Z'))
}

/// A piece of the input with the 1-based position of its first character.
struct Piece<'a> {
    text: &'a str,
    at: usize,
}

/// Splits printed text on runs of spaces, keeping each piece's position.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            if let Some(s) = start.take() {
                out.push(Piece {
                    text: &text[s..i],
                    at: text[..s].chars().count() + 1,
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Piece {
            text: &text[s..],
            at: text[..s].chars().count() + 1,
        });
    }
    out
}

/// Reads a Donation Identification Number in any of its forms:
/// - the bar-code data with its data identifier and flags, `=A99992112345600`;
/// - the 13-character DIN `A999921123456`, optionally followed by the two flag characters
///   (15 characters) or by the keyboard check character (14 characters);
/// - the printed form with spaces, `A9999 21 123456`, optionally followed by the flags and the
///   check character, boxed or not: `W0000 09 123456 02 G` or `W0000 09 123456 02 [G]`.
///
/// Every character is checked against the class its position allows, a Type 3 flag against
/// the DIN's checksum and a given check character against the computed one. Refusals are
/// [`RaktError::InvalidCode`] naming the 1-based position in `text`.
///
/// ```
/// use rakt::isbt128::parse_din;
/// assert_eq!(parse_din("W0000 09 123456 02 G")?.din13(), "W000009123456");
/// let err = parse_din("W0000 09 123456 02 H").unwrap_err();
/// assert_eq!(err.kind(), "InvalidCode");
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn parse_din(text: &str) -> Result<Din> {
    let err = |pos: usize, reason: &str| RaktError::code(STRUCTURE, text, pos, reason);
    if text.is_empty() {
        return Err(err(1, "empty text"));
    }
    if !text.is_ascii() {
        let pos = text.chars().position(|c| !c.is_ascii()).unwrap_or(0) + 1;
        return Err(err(pos, "only ASCII characters are allowed"));
    }
    // Every branch below works on ASCII text, so byte offsets are character positions.
    let piece = |from: usize, to: usize| Piece {
        text: text.get(from..to).unwrap_or_default(),
        at: from + 1,
    };
    // The DIN's pieces (13 characters in all), then the flags and the check character if given.
    let (din, flags, check): (Vec<Piece<'_>>, Option<Piece<'_>>, Option<Piece<'_>>) = if text
        .starts_with('=')
    {
        if text.len() != 16 {
            return Err(err(
                1,
                "the bar-code form is '=' followed by the 13-character DIN and 2 flag characters (16 characters)",
            ));
        }
        (vec![piece(1, 14)], Some(piece(14, 16)), None)
    } else if text.contains(' ') {
        let mut parts = pieces(text).into_iter();
        let mut din = Vec::with_capacity(3);
        for (len, what) in [
            (5, "facility identification number"),
            (2, "year"),
            (6, "sequence number"),
        ] {
            let Some(p) = parts.next() else {
                return Err(err(
                    text.len() + 1,
                    &format!("the printed form 'A9999 21 123456' ends before the {what}"),
                ));
            };
            if p.text.len() != len {
                return Err(err(p.at, &format!("the {what} must be {len} characters")));
            }
            din.push(p);
        }
        match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => (din, None, None),
            (Some(one), None, _) if one.text.len() == 2 && !one.text.starts_with('[') => {
                (din, Some(one), None)
            }
            (Some(one), None, _) => (din, None, Some(one)),
            (Some(f), Some(k), None) => (din, Some(f), Some(k)),
            (Some(_), Some(_), Some(extra)) => {
                return Err(err(extra.at, "unexpected text after the check character"));
            }
        }
    } else {
        match text.len() {
            13 => (vec![piece(0, 13)], None, None),
            14 => (vec![piece(0, 13)], None, Some(piece(13, 14))),
            15 => (vec![piece(0, 13)], Some(piece(13, 15)), None),
            n => {
                return Err(err(
                    n.min(13) + 1,
                    "a DIN is 13 characters (14 with its check character, 15 with its flags)",
                ));
            }
        }
    };
    let joined: String = din.iter().map(|p| p.text).collect();
    let positions: Vec<usize> = din
        .iter()
        .flat_map(|p| (0..p.text.len()).map(move |i| p.at + i))
        .collect();
    let din13 = validate_din(text, &joined, &positions)?;
    let flags = match flags {
        Some(f) => Some(validate_flags(text, f.text, f.at, &din13)?),
        None => None,
    };
    if let Some(k) = check {
        verify_check(text, k.text, k.at, &din13)?;
    }
    Ok(Din { din13, flags })
}

/// Checks the 13 DIN characters position by position; `positions` maps each to the input.
fn validate_din(input: &str, din: &str, positions: &[usize]) -> Result<String> {
    for (i, c) in din.chars().enumerate() {
        let pos = positions.get(i).copied().unwrap_or(1);
        if c.is_ascii_lowercase() {
            return Err(RaktError::code(
                STRUCTURE,
                input,
                pos,
                "lower-case letter; ISBT 128 uses upper case only",
            ));
        }
        if let Some(reason) = din_char_problem(i + 1, c) {
            return Err(RaktError::code(STRUCTURE, input, pos, reason));
        }
    }
    Ok(din.to_string())
}

/// Checks two flag characters and, for a Type 3 flag, its value against the DIN.
fn validate_flags(input: &str, flags: &str, at: usize, din13: &str) -> Result<String> {
    if flags.chars().count() != 2 {
        return Err(RaktError::code(
            STRUCTURE,
            input,
            at,
            "the flags are two characters",
        ));
    }
    for (i, c) in flags.chars().enumerate() {
        if !is_flag_char(c) {
            return Err(RaktError::code(
                STRUCTURE,
                input,
                at + i,
                "flag characters are 0-9, A-H, J-N, P or R-Y",
            ));
        }
    }
    if let DinFlag::Type3Check(n) = DinFlag::of(flags) {
        let expected = 60 + check::checksum(STRUCTURE, din13)?;
        if u32::from(n) != expected {
            return Err(RaktError::code(
                STRUCTURE,
                input,
                at,
                format!("Type 3 flag {n} does not match the DIN; it should be {expected}"),
            ));
        }
    }
    Ok(flags.to_string())
}

/// Verifies a keyboard check character, bare (`G`) or boxed (`[G]`).
fn verify_check(input: &str, given: &str, at: usize, din13: &str) -> Result<()> {
    let (inner, at) = match given.strip_prefix('[').and_then(|g| g.strip_suffix(']')) {
        Some(inner) => (inner, at + 1),
        None => (given, at),
    };
    let expected = check_character(din13)?;
    let mut chars = inner.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c == expected => Ok(()),
        (Some(c), None) => Err(RaktError::code(
            STRUCTURE,
            input,
            at,
            format!("check character {c} is wrong; the DIN's check character is {expected}"),
        )),
        _ => Err(RaktError::code(
            STRUCTURE,
            input,
            at,
            "the check character is one character",
        )),
    }
}

/// The keyboard-entry check character (ISO/IEC 7064 MOD 37-2) of a 13-character DIN.
///
/// ```
/// use rakt::isbt128::check_character;
/// assert_eq!(check_character("G123417654321")?, 'A'); // ST-001 Appendix A.1
/// assert_eq!(check_character("W000009123456")?, 'G'); // ST-001 §7.4.1
/// assert_eq!(check_character("A999818123456")?, 'N'); // ST-001 §7.5.1.1
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn check_character(din13: &str) -> Result<char> {
    let din = validated_din13(din13)?;
    Ok(check::character(check::checksum(STRUCTURE, &din)?))
}

/// The Type 3 flag (`"60"`–`"96"`) of a 13-character DIN: 60 plus its MOD 37-2 checksum.
///
/// ```
/// assert_eq!(rakt::isbt128::type3_flag("G123417654321")?, "70"); // ST-001 Appendix A.2
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn type3_flag(din13: &str) -> Result<String> {
    let din = validated_din13(din13)?;
    Ok((60 + check::checksum(STRUCTURE, &din)?).to_string())
}

fn validated_din13(din13: &str) -> Result<String> {
    if !din13.is_ascii() || din13.len() != 13 {
        return Err(RaktError::code(
            STRUCTURE,
            din13,
            din13.chars().count().min(13) + 1,
            "a DIN is exactly 13 characters",
        ));
    }
    let positions: Vec<usize> = (1..=13).collect();
    validate_din(din13, din13, &positions)
}

impl Din {
    /// Builds a DIN from its 13 characters and optional flags, validating both.
    pub fn new(din13: &str, flags: Option<&str>) -> Result<Din> {
        let din13 = validated_din13(din13)?;
        let flags = match flags {
            Some(f) => Some(validate_flags(f, f, 1, &din13)?),
            None => None,
        };
        Ok(Din { din13, flags })
    }

    /// The 13-character DIN, e.g. `G123417654321`.
    pub fn din13(&self) -> &str {
        &self.din13
    }

    /// The five-character facility identification number (FIN), e.g. `G1234`.
    pub fn facility(&self) -> &str {
        self.din13.get(..5).unwrap_or_default()
    }

    /// The last two digits of the nominal year of collection (ST-001: may overlap a year end
    /// by up to a month; the century is not in the DIN).
    pub fn year(&self) -> u8 {
        self.din13
            .get(5..7)
            .and_then(|y| y.parse().ok())
            .unwrap_or(0)
    }

    /// The sequence number within the year for the facility.
    pub fn sequence(&self) -> u32 {
        self.din13
            .get(7..13)
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    }

    /// The two flag characters as given, if any.
    pub fn flags(&self) -> Option<&str> {
        self.flags.as_deref()
    }

    /// The meaning of the flag characters, if any.
    pub fn flag(&self) -> Option<DinFlag> {
        self.flags.as_deref().map(DinFlag::of)
    }

    /// The keyboard-entry check character.
    pub fn check_character(&self) -> char {
        check::checksum(STRUCTURE, &self.din13)
            .map(check::character)
            .unwrap_or('*')
    }

    /// The bar-code data, `=` + DIN + flags; flags default to `00` when none were given.
    pub fn barcode(&self) -> String {
        format!("={}{}", self.din13, self.flags.as_deref().unwrap_or("00"))
    }

    /// The eye-readable form: `G1234 17 654321`, the flags when known, and the check character
    /// in brackets standing for its printed box: `G1234 17 654321 70 [A]`.
    pub fn eye_readable(&self) -> String {
        let d = &self.din13;
        let mut out = format!(
            "{} {} {}",
            d.get(..5).unwrap_or_default(),
            d.get(5..7).unwrap_or_default(),
            d.get(7..).unwrap_or_default()
        );
        if let Some(f) = &self.flags {
            out.push(' ');
            out.push_str(f);
        }
        out.push_str(&format!(" [{}]", self.check_character()));
        out
    }
}

impl fmt::Display for Din {
    /// The 13-character DIN.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.din13)
    }
}
