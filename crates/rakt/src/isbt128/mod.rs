//! ISBT 128: reading and writing the data structures on blood-bag labels (ICCBBA ST-001).
//!
//! This slice covers the Donation Identification Number (data structure 001) and its
//! ISO/IEC 7064 MOD 37-2 check character. Every refusal is [`crate::RaktError::InvalidCode`]
//! with the 1-based position of the offending character in the text as given.
//!
//! The ICCBBA product-description and facility databases are licensed and not bundled.

mod check;
mod din;

pub use check::ALPHABET;
pub use din::{Din, DinFlag, check_character, parse_din, type3_flag};
