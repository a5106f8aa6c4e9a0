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
//! - [`parse_scan`]: several structures scanned one after another; [`Label`]: a label's
//!   structures to a rakt [`crate::BloodUnit`] and back.
//!
//! Every refusal is [`crate::RaktError::InvalidCode`] with the 1-based position of the
//! offending character in the text as given.
//!
//! The ICCBBA product-description and facility databases are licensed and not bundled.

mod check;
mod date;
mod din;
mod group;
mod product;
mod scan;

pub use check::ALPHABET;
pub use date::{DateKind, IsbtDate, decode_datetime};
pub use din::{Din, DinFlag, check_character, parse_din, type3_flag};
pub use group::{
    BloodGroupCode, GroupCode, IntendedUse, Kell, LabelGroup, LabelRhd, PooledOrSubgroup, RhKell,
    RhPhenotype, SpecialMessage, all_group_codes, decode_blood_group,
};
pub use product::{
    CollectionType, ProductCode, ProductEntry, ProductFamily, ProductTable, parse_product_code,
};
pub use scan::{DataStructure, Label, LabelDetails, Scanned, parse_scan};
