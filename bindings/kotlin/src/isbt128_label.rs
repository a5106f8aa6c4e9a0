//! ISBT 128 scans and labels. Kotlin: the `ProductTable` object (`ProductTable.fromToml`,
//! `ProductTable.fromJson`), `parseScan`, and `labelFromScan`, `labelToUnit`, `labelFromUnit`
//! with the `Label` and `LabelDetails` records.

use std::collections::HashMap;
use std::sync::Arc;

use rakt::isbt128::{self as isbt, DataStructure};

use crate::components::Product;
use crate::error::Result;
use crate::isbt128::Din;
use crate::isbt128_codes::{BloodGroupCode, IsbtDate, ProductCode};
use crate::policy::{Policy, resolve};
use crate::time::{Timestamp, UtcOffset};
use crate::units::{BloodUnit, DonationType, volume};

/// A user-supplied table from product description codes to rakt products (ICCBBA's database
/// is licensed and not bundled). Loaded once from TOML (`[[product]]` entries of `code`,
/// `product`, `description`) or the same in JSON (`{"product": [...]}`).
#[derive(Debug, uniffi::Object)]
pub struct ProductTable {
    inner: isbt::ProductTable,
}

#[uniffi::export]
impl ProductTable {
    /// A table from TOML. A bad file is refused with `RaktException.InvalidInput`
    /// (`product_table`) or `InvalidCode` (a malformed code).
    #[uniffi::constructor]
    pub fn from_toml(text: String) -> Result<Arc<Self>> {
        Ok(Arc::new(ProductTable {
            inner: isbt::ProductTable::from_toml(&text)?,
        }))
    }

    /// A table from JSON: `{"product": [{"code": ..., "product": {...}, "description": ...}]}`.
    #[uniffi::constructor]
    pub fn from_json(text: String) -> Result<Arc<Self>> {
        Ok(Arc::new(ProductTable {
            inner: isbt::ProductTable::from_json(&text)?,
        }))
    }

    /// The product of a code; a code not in the table is `RaktException.InvalidCode`.
    pub fn product(&self, code: String) -> Result<Product> {
        Ok(self.inner.product(&code)?.into())
    }

    /// The description of a code, if the table gives one.
    pub fn description(&self, code: String) -> Result<Option<String>> {
        Ok(self.inner.entry(&code)?.description.clone())
    }

    /// The first code (in code order) whose product is exactly `product`, or null.
    pub fn code_for(&self, product: Product) -> Result<Option<String>> {
        Ok(self.inner.code_for(&product.to_core()?).map(str::to_string))
    }

    /// The codes, in order.
    pub fn codes(&self) -> Vec<String> {
        self.inner.entries().map(|e| e.code.clone()).collect()
    }
}

/// One data structure read from a scan: its 1-based position, its ST-001 Table 2 number, kind
/// and text, its named elements in `fields`, the decoded record in the field of its kind
/// (001–009), and `identifier` and `data` for the structures of kind `other`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Scanned {
    /// 1-based position of the structure's first character in the scan.
    pub offset: i32,
    /// `din`, `blood_group`, `product`, `date`, `compound_message`, `expiration_month`,
    /// `flexible_date`, `sec` or `other`.
    pub kind: String,
    /// The structure's number in ST-001 Table 2 (`001`–`040`); null for a nationally defined
    /// structure.
    pub number: Option<String>,
    /// The structure's name in ST-001 Table 2, lower case.
    pub name: String,
    /// Whether ICCBBA has retired the structure (it is still read).
    pub retired: bool,
    /// The structure's elements by name as text (see the Rust `DataStructure::fields`); a
    /// nationally defined structure has none.
    pub fields: HashMap<String, String>,
    /// The structure's text with its data identifier.
    pub encoded: String,
    /// The DIN, for `din`.
    pub din: Option<Din>,
    /// The blood group, for `blood_group`.
    pub blood_group: Option<BloodGroupCode>,
    /// The product code, for `product`.
    pub product: Option<ProductCode>,
    /// The date, for `date`.
    pub date: Option<IsbtDate>,
    /// The data identifier (two or three characters), for `other`.
    pub identifier: Option<String>,
    /// The data after the identifier, for `other`.
    pub data: Option<String>,
}

impl From<isbt::Scanned> for Scanned {
    fn from(s: isbt::Scanned) -> Self {
        let mut out = Scanned {
            offset: i32::try_from(s.offset).unwrap_or(i32::MAX),
            kind: s.structure.kind().to_string(),
            number: s.structure.number().map(str::to_string),
            name: s.structure.name().to_string(),
            retired: s.structure.retired(),
            fields: s.structure.fields().into_iter().collect(),
            encoded: s.structure.encode(),
            din: None,
            blood_group: None,
            product: None,
            date: None,
            identifier: None,
            data: None,
        };
        match s.structure {
            DataStructure::Din(d) => out.din = Some(d.into()),
            DataStructure::BloodGroup(g) => out.blood_group = Some(g.into()),
            DataStructure::Product(p) => out.product = Some(p.into()),
            DataStructure::Date(d) => out.date = Some(d.into()),
            DataStructure::Other { identifier, data } => {
                out.identifier = Some(identifier);
                out.data = Some(data);
            }
            _ => {}
        }
        out
    }
}

/// Splits a scan into its data structures and decodes each one. Refusals are
/// `RaktException.InvalidCode` at the 1-based position in the whole scan.
#[uniffi::export]
pub fn parse_scan(text: String) -> Result<Vec<Scanned>> {
    Ok(isbt::parse_scan(&text)?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// The data structures of a blood-component label. Passed back to rakt, each structure is
/// read again from its text (`din13` and `flags` for the DIN, `encoded` for the others).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Label {
    /// The donation identification number.
    pub din: Din,
    /// The blood group.
    pub blood_group: BloodGroupCode,
    /// The product code.
    pub product: ProductCode,
    /// The expiration date (and time).
    pub expiry: IsbtDate,
    /// The collection date (and time), when printed.
    pub collection: Option<IsbtDate>,
    /// The structures one after another: DIN, blood group, product code, expiry, collection.
    pub encoded: String,
}

impl From<isbt::Label> for Label {
    fn from(l: isbt::Label) -> Self {
        let encoded = l.encode();
        Label {
            din: l.din.into(),
            blood_group: l.blood_group.into(),
            product: l.product.into(),
            expiry: l.expiry.into(),
            collection: l.collection.map(Into::into),
            encoded,
        }
    }
}

impl Label {
    fn to_core(&self) -> Result<isbt::Label> {
        Ok(isbt::Label {
            din: isbt::Din::new(&self.din.din13, self.din.flags.as_deref())?,
            blood_group: isbt::decode_blood_group(&self.blood_group.encoded)?,
            product: isbt::parse_product_code(&self.product.encoded)?,
            expiry: isbt::decode_datetime(&self.expiry.encoded)?,
            collection: self
                .collection
                .as_ref()
                .map(|c| isbt::decode_datetime(&c.encoded))
                .transpose()?,
        })
    }
}

/// What a label scan does not carry but a rakt unit needs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct LabelDetails {
    /// The UTC offset of the labelling facility (ISBT 128 times are local).
    pub offset: UtcOffset,
    /// Volume in mL (printed on the label, not in the bar codes).
    pub volume_ml: i64,
    /// When the blood was collected, if the label has no collection date and time.
    #[uniffi(default = None)]
    pub collected_at: Option<Timestamp>,
    /// The donor's identifier, if known.
    #[uniffi(default = None)]
    pub donor_id: Option<String>,
    /// Whether it was the donor's first donation.
    #[uniffi(default = false)]
    pub first_donation: bool,
    /// The donation type, used only when the label does not say (a local or national product
    /// code with a blood group in the default column).
    #[uniffi(default = None)]
    pub donation_type: Option<DonationType>,
}

/// Reads a label from a scan of its structures in any order: DIN, blood group, product code
/// and expiry once each, a collection date optionally. Refusals are `RaktException.InvalidCode`.
#[uniffi::export]
pub fn label_from_scan(text: String) -> Result<Label> {
    Ok(isbt::Label::from_scan(&text)?.into())
}

/// The rakt unit a label describes, newly collected; the product is looked up in `table`.
/// A special message, para-Bombay or pooled group is refused with `NotApplicable`
/// (`ISBT128_LABEL_GROUP_NOT_USABLE`), a collection type that names no rakt donation type with
/// `ISBT128_LABEL_DONATION_TYPE`.
#[uniffi::export(default(policy = None))]
pub fn label_to_unit(
    label: Label,
    table: Arc<ProductTable>,
    details: LabelDetails,
    actor: String,
    policy: Option<Arc<Policy>>,
) -> Result<Arc<BloodUnit>> {
    let details = isbt::LabelDetails {
        offset: details.offset.parse("offset")?,
        volume_ml: volume(details.volume_ml, "volume_ml")?,
        collected_at: details
            .collected_at
            .map(|t| t.parse("collected_at"))
            .transpose()?,
        donor_id: details.donor_id,
        first_donation: details.first_donation,
        donation_type: details.donation_type.map(Into::into),
    };
    let unit = label
        .to_core()?
        .to_unit(&table.inner, &details, &actor, resolve(&policy))?;
    Ok(BloodUnit::wrap(unit))
}

/// The label of a unit: its DIN, its group in the column of its donation type, its product's
/// code from `table`, its expiry and collection time to the minute in the unit's own offset.
#[uniffi::export]
pub fn label_from_unit(unit: Arc<BloodUnit>, table: Arc<ProductTable>) -> Result<Label> {
    Ok(isbt::Label::from_unit(unit.core(), &table.inner)?.into())
}
