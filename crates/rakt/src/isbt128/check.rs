//! The ISO/IEC 7064 MOD 37-2 check character of ISBT 128 (ST-001 Appendix A).
//!
//! Characters map to values by their index in [`ALPHABET`] (`0`–`9` → 0–9, `A`–`Z` → 10–35,
//! `*` → 36). The checksum of a string is `(38 − Σ v·2ⁿ mod 37) mod 37`, `n` counting positions
//! from the right starting at 1 (Appendix A.1); the recursive form of A.3 gives the same value.
//! The keyboard-entry check character is the alphabet character of the checksum; the Type 3
//! flag of a DIN is `60 + checksum` (A.2).

use crate::error::{RaktError, Result};

/// The MOD 37-2 alphabet, in value order.
pub const ALPHABET: &[u8; 37] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

/// Value of an upper-case letter or digit, `None` for anything else.
pub(crate) fn value(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        b'A'..=b'Z' => Some(u32::from(c - b'A') + 10),
        _ => None,
    }
}

/// The checksum value (0–36) of `text`, which must be upper-case letters and digits only;
/// the recursive method of ST-001 Appendix A.3.
pub(crate) fn checksum(structure: &str, text: &str) -> Result<u32> {
    let mut s: u32 = 0;
    for (i, c) in text.bytes().enumerate() {
        let v = value(c).ok_or_else(|| {
            RaktError::code(
                structure,
                text,
                i + 1,
                "only the digits 0-9 and the upper-case letters A-Z can carry a check character",
            )
        })?;
        s = ((s + v) * 2) % 37;
    }
    Ok((38 - s) % 37)
}

/// The character of a checksum value (0–36).
pub(crate) fn character(checksum: u32) -> char {
    ALPHABET
        .get(checksum as usize)
        .map(|&b| char::from(b))
        .unwrap_or('*')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The weighted method of Appendix A.1, written out independently of the recursive one.
    fn weighted(text: &str) -> u32 {
        let n = text.len() as u32;
        let sum: u64 = text
            .bytes()
            .enumerate()
            .map(|(i, c)| u64::from(value(c).unwrap_or(0)) << (n - i as u32))
            .sum();
        (38 - (sum % 37) as u32) % 37
    }

    #[test]
    fn appendix_a1_sum_for_g123417654321() {
        // ST-001 A.1: weighted sum 146178, mod 37 = 28, 38 - 28 = 10 -> "A".
        let sum: u64 = "G123417654321"
            .bytes()
            .enumerate()
            .map(|(i, c)| u64::from(value(c).unwrap_or(0)) << (13 - i))
            .sum();
        assert_eq!(sum, 146_178);
        assert_eq!(sum % 37, 28);
        assert_eq!(checksum("t", "G123417654321"), Ok(10));
        assert_eq!(character(10), 'A');
    }

    #[test]
    fn recursive_and_weighted_methods_agree() {
        for din in [
            "G123417654321",
            "W000009123456",
            "A999818123456",
            "Z9Z9999999999",
        ] {
            assert_eq!(checksum("t", din), Ok(weighted(din)), "{din}");
        }
    }

    #[test]
    fn alphabet_ends_with_star_for_36() {
        assert_eq!(character(36), '*');
        assert_eq!(character(0), '0');
        assert_eq!(character(35), 'Z');
    }

    #[test]
    fn lower_case_is_refused_with_its_position() {
        let err = checksum("t", "g123417654321").unwrap_err();
        assert!(
            matches!(err, RaktError::InvalidCode { position: 1, .. }),
            "{err}"
        );
    }
}
