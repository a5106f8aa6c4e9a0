//! ISBT 128: reading and writing the data structures on blood-bag labels (ICCBBA ST-001).
//!
//! - [`parse_din`]: the Donation Identification Number (data structure 001) and its
//!   ISO/IEC 7064 MOD 37-2 check character.
//! - [`parse_product_code`]: the product code (003), its collection type (Table 7) and a
//!   user-supplied [`ProductTable`] from product description codes to rakt products.
//!
//! Every refusal is [`crate::RaktError::InvalidCode`] with the 1-based position of the
//! offending character in the text as given.
//!
//! The ICCBBA product-description and facility databases are licensed and not bundled.

mod check;
mod din;
mod product;

pub use check::ALPHABET;
pub use din::{Din, DinFlag, check_character, parse_din, type3_flag};
pub use product::{
    CollectionType, ProductCode, ProductEntry, ProductFamily, ProductTable, parse_product_code,
};
