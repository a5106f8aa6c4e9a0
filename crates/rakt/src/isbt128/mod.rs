//! ISBT 128: reading and writing the data structures on blood-bag labels (ICCBBA ST-001).
//!
//! - [`parse_din`]: the Donation Identification Number (data structure 001) and its
//!   ISO/IEC 7064 MOD 37-2 check character.
//! - [`decode_blood_group`]: blood groups (002), the whole of Table 4 (every group in every
//!   intended-use column, Bombay, para-Bombay, pooled and subgroup codes), the special messages
//!   of Table 5 and the Rh/Kell phenotype character of Table 6.
//! - [`parse_product_code`]: the product code (003), its collection type (Table 7) and a
//!   user-supplied [`ProductTable`] from product description codes to rakt products.
//! - [`decode_datetime`]: the expiration, collection and production dates and times
//!   (004–009).
//! - [`decode_compound`], [`decode_expiration_month`], [`decode_flexible_date`],
//!   [`decode_sec`]: the compound message header (023), expiration month and year (026),
//!   flexible date and time (031) and Single European Code (038).
//! - [`parse_scan`]: several structures scanned one after another, or a compound message
//!   from a 2-D symbol; every structure of ST-001 Table 2 is recognised and its characters
//!   checked. [`Label`]: a label's structures to a rakt [`crate::BloodUnit`] and back.
//!
//! Every refusal is [`crate::RaktError::InvalidCode`] with the 1-based position of the
//! offending character in the text as given.
//!
//! The ICCBBA product-description and facility databases are licensed and not bundled.

mod check;
mod compound;
mod date;
mod din;
mod flexible;
mod group;
mod product;
mod scan;
mod sec;
mod table2;

pub use check::ALPHABET;
pub use compound::{CompoundMessage, CompoundSequence, decode_compound};
pub use date::{DateKind, IsbtDate, decode_datetime};
pub use din::{Din, DinFlag, check_character, parse_din, type3_flag};
pub use flexible::{
    ExpirationMonth, FlexibleDate, TimeKind, TimeZoneKind, decode_expiration_month,
    decode_flexible_date,
};
pub use group::{
    BloodGroupCode, GroupCode, IntendedUse, Kell, LabelGroup, LabelRhd, PooledOrSubgroup, RhKell,
    RhPhenotype, SpecialMessage, all_group_codes, decode_blood_group,
};
pub use product::{
    CollectionType, ProductCode, ProductEntry, ProductFamily, ProductTable, parse_product_code,
};
pub use scan::{DataStructure, Label, LabelDetails, Scanned, parse_scan};
pub use sec::{Sec, SecCodingSystem, decode_sec};

use crate::error::{RaktError, Result};

/// The data of a fixed-length structure given with its data identifier (`=%5100`) or without
/// it (`5100`), and the 1-based position of the data's first character. Refuses non-ASCII
/// text, a wrong identifier and a wrong length; `shape` says what the data is made of.
pub(crate) fn fixed_data<'a>(
    structure: &str,
    text: &'a str,
    identifier: &str,
    len: usize,
    shape: &str,
) -> Result<(&'a str, usize)> {
    let err = |pos: usize, reason: String| RaktError::code(structure, text, pos, reason);
    if let Some(pos) = text.chars().position(|c| !c.is_ascii()) {
        return Err(err(pos + 1, "only ASCII characters are allowed".into()));
    }
    let (data, at) = match text.strip_prefix(identifier) {
        Some(rest) => (rest, identifier.len() + 1),
        None if identifier
            .get(..1)
            .is_some_and(|first| text.starts_with(first)) =>
        {
            return Err(err(2, format!("the data identifier is '{identifier}'")));
        }
        None => (text, 1),
    };
    if data.len() != len {
        return Err(err(
            at + data.len().min(len),
            format!("the data is {len} characters after '{identifier}' ({shape})"),
        ));
    }
    Ok((data, at))
}
