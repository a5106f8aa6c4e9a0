//! The Single European Code, data structure 038 (`&,4` and 40 characters; ST-001 §2.4.38 and
//! ICCBBA ST-012 v1.4.0 §2 and §6.1, read as transcribed in pdesiatnyk/ISBT128).
//!
//! | Sequence | Element | Characters |
//! |---|---|---|
//! | donation identification | ISO 3166-1 alpha-2 country | 2 letters |
//! | | tissue establishment code | 6 |
//! | | unique donation number (the ISBT 128 DIN) | 13 |
//! | product identification | coding system (`A` ISBT 128, `B` Eurocode, `E` EUTC) | 1 |
//! | | product code (an ISBT 128 PDC with two leading zeroes) | 7 |
//! | | split number | 3 |
//! | | expiry date `YYYYMMDD`, `00000000` when there is none | 8 digits |
//!
//! Every character is a letter or a digit (ST-001 allows lower case here).

use chrono::NaiveDate;

use crate::error::{RaktError, Result};

const STRUCTURE: &str = "ISBT 128 single European code (038)";

/// The product coding system of a SEC (ST-012 §2.2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SecCodingSystem {
    /// `A`: ISBT 128.
    Isbt128,
    /// `B`: Eurocode.
    Eurocode,
    /// `E`: the European Union Tissue Code.
    Eutc,
}

impl SecCodingSystem {
    /// `isbt128`, `eurocode` or `eutc`.
    pub fn as_str(self) -> &'static str {
        match self {
            SecCodingSystem::Isbt128 => "isbt128",
            SecCodingSystem::Eurocode => "eurocode",
            SecCodingSystem::Eutc => "eutc",
        }
    }

    /// The identifier letter.
    pub fn as_char(self) -> char {
        match self {
            SecCodingSystem::Isbt128 => 'A',
            SecCodingSystem::Eurocode => 'B',
            SecCodingSystem::Eutc => 'E',
        }
    }
}

/// A Single European Code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sec {
    data: String,
    coding_system: SecCodingSystem,
    expiry: Option<NaiveDate>,
}

impl Sec {
    fn part(&self, from: usize, to: usize) -> &str {
        self.data.get(from..to).unwrap_or_default()
    }

    /// The ISO 3166-1 alpha-2 country of the tissue establishment.
    pub fn country(&self) -> &str {
        self.part(0, 2)
    }

    /// The tissue establishment code (6 characters).
    pub fn tissue_establishment(&self) -> &str {
        self.part(2, 8)
    }

    /// The unique donation number (13 characters; the DIN for ISBT 128 users).
    pub fn donation_number(&self) -> &str {
        self.part(8, 21)
    }

    /// The product coding system.
    pub fn coding_system(&self) -> SecCodingSystem {
        self.coding_system
    }

    /// The product code (7 characters).
    pub fn product_code(&self) -> &str {
        self.part(22, 29)
    }

    /// The split number (3 characters).
    pub fn split(&self) -> &str {
        self.part(29, 32)
    }

    /// The expiry date; None when written as `00000000`.
    pub fn expiry(&self) -> Option<NaiveDate> {
        self.expiry
    }

    /// The eye-readable form: `SEC: ` and the two sequences separated by a space (ST-012 §2.3).
    pub fn eye_readable(&self) -> String {
        format!("SEC: {} {}", self.part(0, 21), self.part(21, 40))
    }

    /// `&,4` and the 40 characters.
    pub fn encode(&self) -> String {
        format!("&,4{}", self.data)
    }
}

/// Reads `&,4` and the 40 characters of a SEC (data structure 038).
///
/// ```
/// let sec = rakt::isbt128::decode_sec("&,4PL001499Z549917123456A00T041600320181231")?;
/// assert_eq!(sec.donation_number(), "Z549917123456");
/// assert_eq!(sec.product_code(), "00T0416");
/// assert_eq!(sec.expiry().map(|d| d.to_string()).as_deref(), Some("2018-12-31"));
/// assert_eq!(sec.eye_readable(), "SEC: PL001499Z549917123456 A00T041600320181231");
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn decode_sec(text: &str) -> Result<Sec> {
    let (data, at) = super::fixed_data(
        STRUCTURE,
        text,
        "&,4",
        40,
        "donation and product identification sequences",
    )?;
    let err = |i: usize, reason: &str| RaktError::code(STRUCTURE, text, at + i, reason);
    for (i, c) in data.chars().enumerate() {
        let ok = match i {
            0 | 1 => c.is_ascii_uppercase(),
            32.. => c.is_ascii_digit(),
            _ => c.is_ascii_alphanumeric(),
        };
        if !ok {
            return Err(err(
                i,
                match i {
                    0 | 1 => "the country is an ISO 3166-1 alpha-2 code (two capital letters)",
                    32.. => "the expiry date is 8 digits, YYYYMMDD",
                    _ => "a letter or a digit expected",
                },
            ));
        }
    }
    let coding_system = match data.get(21..22) {
        Some("A") => SecCodingSystem::Isbt128,
        Some("B") => SecCodingSystem::Eurocode,
        Some("E") => SecCodingSystem::Eutc,
        _ => {
            return Err(err(
                21,
                "the coding system is A (ISBT 128), B (Eurocode) or E (EUTC)",
            ));
        }
    };
    let expiry = match data.get(32..40).unwrap_or_default() {
        "00000000" => None,
        ymd => Some(
            NaiveDate::parse_from_str(ymd, "%Y%m%d")
                .map_err(|_| err(32, "the expiry date is not a calendar date"))?,
        ),
    };
    Ok(Sec {
        data: data.to_string(),
        coding_system,
        expiry,
    })
}
