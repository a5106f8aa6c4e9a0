//! ISBT 128 label codes: the Donation Identification Number (data structure 001) and its
//! ISO/IEC 7064 MOD 37-2 check character. Kotlin: `checkCharacter`, `type3Flag`, `parseDin`.

use crate::error::Result;

/// A parsed Donation Identification Number, with everything the core derives from it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Din {
    /// The 13-character DIN, e.g. `G123417654321`.
    pub din13: String,
    /// The five-character facility identification number, e.g. `G1234`.
    pub facility: String,
    /// The last two digits of the nominal year of collection.
    pub year: i32,
    /// The sequence number within the year for the facility.
    pub sequence: i32,
    /// The two flag characters as given, or null.
    pub flags: Option<String>,
    /// The kind of flag (`container`, `pilot_tube`, `type3_check`, ...), or null.
    pub flag_kind: Option<String>,
    /// The keyboard-entry check character.
    pub check_character: String,
    /// The bar-code data, `=` + DIN + flags (`00` when none were given).
    pub barcode: String,
    /// The eye-readable form with the check character in brackets: `G1234 17 654321 70 [A]`.
    pub eye_readable: String,
}

impl From<rakt::isbt128::Din> for Din {
    fn from(d: rakt::isbt128::Din) -> Self {
        Din {
            din13: d.din13().to_string(),
            facility: d.facility().to_string(),
            year: i32::from(d.year()),
            sequence: i32::try_from(d.sequence()).unwrap_or(i32::MAX),
            flags: d.flags().map(str::to_string),
            flag_kind: d.flag().map(|f| f.kind().to_string()),
            check_character: d.check_character().to_string(),
            barcode: d.barcode(),
            eye_readable: d.eye_readable(),
        }
    }
}

/// The keyboard-entry check character (ISO/IEC 7064 MOD 37-2) of a 13-character DIN.
/// Malformed input is refused with `RaktException.InvalidCode`.
#[uniffi::export]
pub fn check_character(din13: String) -> Result<String> {
    Ok(rakt::isbt128::check_character(&din13)?.to_string())
}

/// The Type 3 flag (`"60"`-`"96"`) of a 13-character DIN: 60 plus its checksum.
#[uniffi::export]
pub fn type3_flag(din13: String) -> Result<String> {
    Ok(rakt::isbt128::type3_flag(&din13)?)
}

/// Reads a DIN in its bar-code (`=A99992112345600`), 13-character, keyboard or printed
/// (`A9999 21 123456`) form; malformed text is refused with `RaktException.InvalidCode`
/// naming the 1-based position.
#[uniffi::export]
pub fn parse_din(text: String) -> Result<Din> {
    Ok(rakt::isbt128::parse_din(&text)?.into())
}

/// Builds a DIN from its 13 characters and optional flags, validating both.
#[uniffi::export(default(flags = None))]
pub fn din_of(din13: String, flags: Option<String>) -> Result<Din> {
    Ok(rakt::isbt128::Din::new(&din13, flags.as_deref())?.into())
}
