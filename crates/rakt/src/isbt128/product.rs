//! The Product Code, ISBT 128 data structure 003 (ST-001 §2.4.3), its collection type
//! (Table 7) and the user-supplied table that maps product description codes to rakt products.
//!
//! Bar-code data `=<αooootds`: the five-character Product Description Code (PDC) `αoooo`, whose
//! meaning is in ICCBBA's licensed database (not bundled: supply a [`ProductTable`]), then
//! - for blood components and the families E, F, H, S, P, X and Y: the collection type `t`
//!   and the division `ds` (`00` undivided, `99` when data structure 032 carries the divisions,
//!   otherwise an upper-case letter then a lower-case letter or `0`);
//! - for the families M, N, R, T, V and W: a three-digit division or pack code (`000`
//!   undivided);
//! - for the national and local families A–D: three characters defined nationally or locally,
//!   kept as given.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::component::Product;
use crate::error::{RaktError, Result};
use crate::unit::DonationType;

const STRUCTURE: &str = "ISBT 128 product code";
const TABLE: &str = "ISBT 128 product table";

/// The family of a product description code (its first character, ST-001 §2.4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProductFamily {
    /// `E`, `F`: blood components.
    BloodComponent,
    /// `H`: medical products of human origin with an INN or USAN name.
    Mpho,
    /// `M`: other therapies (human milk, topical products).
    OtherTherapy,
    /// `N`: organs.
    Organ,
    /// `P`: regenerated tissue.
    RegeneratedTissue,
    /// `R`: reproductive tissue.
    Reproductive,
    /// `S`: cellular therapy.
    CellularTherapy,
    /// `T`: tissue.
    Tissue,
    /// `V`: ocular tissue.
    Ocular,
    /// `W`: faecal microbiota.
    FecalMicrobiota,
    /// `X`: other blood products (plasma derivatives, in-vivo diagnostics).
    OtherBloodProduct,
    /// `Y`: clinical trials.
    ClinicalTrial,
    /// `A`–`C`: national codes.
    National,
    /// `D`: local (facility) codes.
    Local,
}

impl ProductFamily {
    /// The family of a first character, if it starts a product description code.
    pub fn of(c: char) -> Option<ProductFamily> {
        Some(match c {
            'E' | 'F' => ProductFamily::BloodComponent,
            'H' => ProductFamily::Mpho,
            'M' => ProductFamily::OtherTherapy,
            'N' => ProductFamily::Organ,
            'P' => ProductFamily::RegeneratedTissue,
            'R' => ProductFamily::Reproductive,
            'S' => ProductFamily::CellularTherapy,
            'T' => ProductFamily::Tissue,
            'V' => ProductFamily::Ocular,
            'W' => ProductFamily::FecalMicrobiota,
            'X' => ProductFamily::OtherBloodProduct,
            'Y' => ProductFamily::ClinicalTrial,
            'A' | 'B' | 'C' => ProductFamily::National,
            'D' => ProductFamily::Local,
            _ => return None,
        })
    }

    /// A stable snake_case name, for bindings and vectors.
    pub fn as_str(self) -> &'static str {
        match self {
            ProductFamily::BloodComponent => "blood_component",
            ProductFamily::Mpho => "mpho",
            ProductFamily::OtherTherapy => "other_therapy",
            ProductFamily::Organ => "organ",
            ProductFamily::RegeneratedTissue => "regenerated_tissue",
            ProductFamily::Reproductive => "reproductive",
            ProductFamily::CellularTherapy => "cellular_therapy",
            ProductFamily::Tissue => "tissue",
            ProductFamily::Ocular => "ocular",
            ProductFamily::FecalMicrobiota => "fecal_microbiota",
            ProductFamily::OtherBloodProduct => "other_blood_product",
            ProductFamily::ClinicalTrial => "clinical_trial",
            ProductFamily::National => "national",
            ProductFamily::Local => "local",
        }
    }

    /// Whether the last three characters are a collection type and a division.
    fn has_collection_type(self) -> bool {
        matches!(
            self,
            ProductFamily::BloodComponent
                | ProductFamily::Mpho
                | ProductFamily::RegeneratedTissue
                | ProductFamily::CellularTherapy
                | ProductFamily::OtherBloodProduct
                | ProductFamily::ClinicalTrial
        )
    }
}

macro_rules! collection_types {
    ($($(#[$doc:meta])* $variant:ident => $ch:literal, $name:literal;)*) => {
        /// The type of collection, the `t` of a product code (ST-001 Table 7). The character is
        /// case-sensitive: `P` is paid homologous, `r` paid research.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum CollectionType {
            $($(#[$doc])* $variant,)*
        }

        impl CollectionType {
            /// Every collection type, in table order.
            pub const ALL: &'static [CollectionType] = &[$(CollectionType::$variant,)*];

            /// The collection type of a character.
            pub fn from_char(c: char) -> Option<CollectionType> {
                match c {
                    $($ch => Some(CollectionType::$variant),)*
                    _ => None,
                }
            }

            /// The character on the label.
            pub fn as_char(self) -> char {
                match self {
                    $(CollectionType::$variant => $ch,)*
                }
            }

            /// A stable snake_case name, for bindings and vectors.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(CollectionType::$variant => $name,)*
                }
            }
        }
    };
}

collection_types! {
    /// `0`: not specified.
    NotSpecified => '0', "not_specified";
    /// `V`: volunteer homologous (allogeneic), the default.
    VolunteerHomologous => 'V', "volunteer_homologous";
    /// `R`: volunteer research.
    VolunteerResearch => 'R', "volunteer_research";
    /// `S`: volunteer source.
    VolunteerSource => 'S', "volunteer_source";
    /// `T`: volunteer therapeutic.
    VolunteerTherapeutic => 'T', "volunteer_therapeutic";
    /// `P`: paid homologous.
    PaidHomologous => 'P', "paid_homologous";
    /// `r`: paid research.
    PaidResearch => 'r', "paid_research";
    /// `s`: paid source.
    PaidSource => 's', "paid_source";
    /// `A`: autologous, eligible for crossover.
    AutologousCrossover => 'A', "autologous_crossover";
    /// `1`: for autologous use only.
    AutologousOnly => '1', "autologous_only";
    /// `X`: for autologous use only, biohazardous.
    AutologousOnlyBiohazard => 'X', "autologous_only_biohazard";
    /// `D`: volunteer directed, eligible for crossover.
    VolunteerDirectedCrossover => 'D', "volunteer_directed_crossover";
    /// `d`: paid directed, eligible for crossover.
    PaidDirectedCrossover => 'd', "paid_directed_crossover";
    /// `2`: for directed recipient use only.
    DirectedOnly => '2', "directed_only";
    /// `L`: for directed recipient use only, limited exposure.
    DirectedLimitedExposure => 'L', "directed_limited_exposure";
    /// `E`: medical exception.
    MedicalException => 'E', "medical_exception";
    /// `Q`: see the Special Testing bar code.
    SeeSpecialTesting => 'Q', "see_special_testing";
    /// `3`: for directed recipient use only, biohazardous.
    DirectedOnlyBiohazard => '3', "directed_only_biohazard";
    /// `4`: designated.
    Designated => '4', "designated";
    /// `5`: dedicated.
    Dedicated => '5', "dedicated";
    /// `6`: designated, biohazardous.
    DesignatedBiohazard => '6', "designated_biohazard";
    /// `F`: family reserved.
    FamilyReserved => 'F', "family_reserved";
    /// `C`: replacement.
    Replacement => 'C', "replacement";
    /// `7`: allogeneic use.
    Allogeneic => '7', "allogeneic";
    /// `8`: autologous, containing allogeneic material.
    AutologousWithAllogeneic => '8', "autologous_with_allogeneic";
    /// `B`: for directed, dedicated or designated use only.
    DirectedDedicatedDesignated => 'B', "directed_dedicated_designated";
    /// `H`: for directed, dedicated or designated use only, biohazardous.
    DirectedDedicatedDesignatedBiohazard => 'H', "directed_dedicated_designated_biohazard";
    /// `J`: for directed, dedicated or designated use, eligible for crossover.
    DirectedDedicatedDesignatedCrossover => 'J', "directed_dedicated_designated_crossover";
    /// `G`: for emergency use only.
    EmergencyOnly => 'G', "emergency_only";
}

impl CollectionType {
    /// The rakt donation type this collection type implies, if it is one rakt models.
    ///
    /// Volunteer homologous is voluntary; replacement is replacement; the autologous types are
    /// autologous; the directed types are directed. Paid, research, source, therapeutic,
    /// designated, dedicated, emergency and unspecified collections have no rakt donation type.
    pub fn donation_type(self) -> Option<DonationType> {
        use CollectionType as C;
        match self {
            C::VolunteerHomologous => Some(DonationType::Voluntary),
            C::Replacement => Some(DonationType::Replacement),
            C::AutologousCrossover | C::AutologousOnly | C::AutologousOnlyBiohazard => {
                Some(DonationType::Autologous)
            }
            C::VolunteerDirectedCrossover
            | C::DirectedOnly
            | C::DirectedLimitedExposure
            | C::DirectedOnlyBiohazard => Some(DonationType::Directed),
            _ => None,
        }
    }

    /// The collection type written for a rakt donation type: `V`, `C`, `1` or `2`.
    pub fn for_donation_type(t: DonationType) -> CollectionType {
        match t {
            DonationType::Voluntary => CollectionType::VolunteerHomologous,
            DonationType::Replacement => CollectionType::Replacement,
            DonationType::Autologous => CollectionType::AutologousOnly,
            DonationType::Directed => CollectionType::DirectedOnly,
        }
    }
}

/// A parsed product code (data structure 003).
///
/// ```
/// use rakt::isbt128::{parse_product_code, CollectionType, ProductFamily};
/// let p = parse_product_code("=<E4306V00")?;
/// assert_eq!(p.description_code(), "E4306");
/// assert_eq!(p.family(), ProductFamily::BloodComponent);
/// assert_eq!(p.collection_type(), Some(CollectionType::VolunteerHomologous));
/// assert_eq!(p.division(), Some("00"));
/// assert_eq!(p.encode(), "=<E4306V00");
/// # Ok::<(), rakt::RaktError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProductCode {
    pdc: String,
    family: ProductFamily,
    collection: Option<CollectionType>,
    tail: String,
}

impl ProductCode {
    /// A product code for a blood component from its parts, validated.
    pub fn new(pdc: &str, collection: CollectionType, division: &str) -> Result<ProductCode> {
        parse_product_code(&format!("{pdc}{}{division}", collection.as_char()))
    }

    /// The five-character product description code, e.g. `E4306`.
    pub fn description_code(&self) -> &str {
        &self.pdc
    }
    /// The family of the product description code.
    pub fn family(&self) -> ProductFamily {
        self.family
    }
    /// The collection type, for the families that carry one.
    pub fn collection_type(&self) -> Option<CollectionType> {
        self.collection
    }
    /// The two-character division (`00` undivided, `99` see data structure 032), for the
    /// families that carry a collection type.
    pub fn division(&self) -> Option<&str> {
        self.collection.map(|_| self.tail.as_str())
    }
    /// The three-character division or pack code of the families M, N, R, T, V and W, or the
    /// nationally or locally defined characters of the families A–D.
    pub fn pack_code(&self) -> Option<&str> {
        match self.collection {
            Some(_) => None,
            None => Some(self.tail.as_str()),
        }
    }
    /// The eight data characters, e.g. `E4306V00`.
    pub fn data(&self) -> String {
        match self.collection {
            Some(t) => format!("{}{}{}", self.pdc, t.as_char(), self.tail),
            None => format!("{}{}", self.pdc, self.tail),
        }
    }
    /// The bar-code data with its data identifier, e.g. `=<E4306V00`.
    pub fn encode(&self) -> String {
        format!("=<{}", self.data())
    }
}

impl fmt::Display for ProductCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

/// Whether `c` may stand at `pos` (1-based, within the PDC) of a product description code.
fn pdc_problem(pos: usize, c: char) -> Option<&'static str> {
    match pos {
        1 if ProductFamily::of(c).is_none() => Some(
            "the product description code starts with a family letter (A-F, H, M, N, P, R-T, V-Y)",
        ),
        2..=5 if !(c.is_ascii_digit() || c.is_ascii_uppercase()) => {
            Some("product description code characters 2-5 must be A-Z or 0-9")
        }
        _ => None,
    }
}

/// Validates a five-character product description code; `at` is the 1-based position of its
/// first character in `text`.
fn validate_pdc(text: &str, pdc: &str, at: usize) -> Result<ProductFamily> {
    let mut count = 0;
    for (i, c) in pdc.chars().enumerate() {
        if let Some(reason) = pdc_problem(i + 1, c) {
            return Err(RaktError::code(STRUCTURE, text, at + i, reason));
        }
        count = i + 1;
    }
    match (pdc.chars().next().and_then(ProductFamily::of), count) {
        (Some(f), 5) => Ok(f),
        _ => Err(RaktError::code(
            STRUCTURE,
            text,
            at + count.min(5),
            "a product description code is 5 characters",
        )),
    }
}

/// Reads a product code: the bar-code data `=<E4306V00` or the eight data characters
/// `E4306V00`. Refusals are [`RaktError::InvalidCode`] naming the 1-based position in `text`.
///
/// ```
/// use rakt::isbt128::parse_product_code;
/// let err = parse_product_code("=<E4306Z00").unwrap_err();
/// assert_eq!(err.to_string(), "invalid ISBT 128 product code \"=<E4306Z00\" at position 8: 'Z' is not a collection type of ST-001 Table 7");
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn parse_product_code(text: &str) -> Result<ProductCode> {
    let err = |pos: usize, reason: &str| RaktError::code(STRUCTURE, text, pos, reason);
    let (data, at) = super::fixed_data(
        STRUCTURE,
        text,
        "=<",
        8,
        "product description code, then 3 characters",
    )?;
    let (pdc, tail) = data.split_at(5);
    let family = validate_pdc(text, pdc, at)?;
    let t_at = at + 5;
    if family.has_collection_type() {
        let mut rest = tail.chars();
        let t = rest.next().unwrap_or(' ');
        let Some(collection) = CollectionType::from_char(t) else {
            return Err(err(
                t_at,
                &format!("'{t}' is not a collection type of ST-001 Table 7"),
            ));
        };
        let division = rest.as_str();
        validate_division(text, division, t_at + 1)?;
        Ok(ProductCode {
            pdc: pdc.to_string(),
            family,
            collection: Some(collection),
            tail: division.to_string(),
        })
    } else {
        let numeric = !matches!(family, ProductFamily::National | ProductFamily::Local);
        for (i, c) in tail.chars().enumerate() {
            if numeric && !c.is_ascii_digit() {
                return Err(err(t_at + i, "the division or pack code must be 3 digits"));
            }
            if !c.is_ascii_alphanumeric() {
                return Err(err(t_at + i, "expected a letter or a digit"));
            }
        }
        Ok(ProductCode {
            pdc: pdc.to_string(),
            family,
            collection: None,
            tail: tail.to_string(),
        })
    }
}

/// Validates a two-character division: `00`, `99`, or an upper-case letter followed by `0` or
/// a lower-case letter.
fn validate_division(text: &str, division: &str, at: usize) -> Result<()> {
    let mut chars = division.chars();
    let (d, s) = (chars.next().unwrap_or(' '), chars.next().unwrap_or(' '));
    match (d, s) {
        ('0', '0') | ('9', '9') => Ok(()),
        ('0' | '9', _) => Err(RaktError::code(
            STRUCTURE,
            text,
            at + 1,
            "a division starting with a digit is 00 (undivided) or 99 (see data structure 032)",
        )),
        (d, _) if !d.is_ascii_uppercase() => Err(RaktError::code(
            STRUCTURE,
            text,
            at,
            "the first division character must be A-Z (or 00, 99)",
        )),
        (_, s) if !(s == '0' || s.is_ascii_lowercase()) => Err(RaktError::code(
            STRUCTURE,
            text,
            at + 1,
            "the second division character must be 0 or a-z",
        )),
        _ => Ok(()),
    }
}

/// One row of a [`ProductTable`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductEntry {
    /// The five-character product description code.
    pub code: String,
    /// The rakt product it is.
    pub product: Product,
    /// The description, e.g. `RED BLOOD CELLS|CPD>AS5/450mL/refg|Irr|ResLeu`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    #[serde(default)]
    product: Vec<ProductEntry>,
}

/// A user-supplied table from product description codes to rakt products.
///
/// ICCBBA's product description database is licensed, so rakt does not bundle it: a blood
/// centre loads the codes it uses. `examples/data/isbt128_products.toml` is a small example.
///
/// ```
/// use rakt::isbt128::{parse_product_code, ProductTable};
/// use rakt::{Component, Preservative, Product};
/// let table = ProductTable::from_toml(r#"
///     [[product]]
///     code = "E4306"
///     product = { component = "red_cells", preservative = "cpd" }
///     description = "Apheresis RED BLOOD CELLS|ACD-A/XX/refg"
/// "#)?;
/// let code = parse_product_code("=<E4306V00")?;
/// assert_eq!(table.product(code.description_code())?, &Product::red_cells(Preservative::Cpd));
/// assert_eq!(table.code_for(&Product::red_cells(Preservative::Cpd)), Some("E4306"));
/// # Ok::<(), rakt::RaktError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProductTable {
    entries: BTreeMap<String, ProductEntry>,
}

impl ProductTable {
    /// An empty table.
    pub fn new() -> ProductTable {
        ProductTable::default()
    }

    /// Adds a code. Refused when the code is not a product description code or is already in
    /// the table (a table maps each code to one product).
    pub fn insert(&mut self, entry: ProductEntry) -> Result<()> {
        validate_pdc(&entry.code, &entry.code, 1)?;
        if self.entries.contains_key(&entry.code) {
            return Err(RaktError::input(
                "product_table",
                format!("the code {} is in the table twice", entry.code),
            ));
        }
        self.entries.insert(entry.code.clone(), entry);
        Ok(())
    }

    /// A table from entries; refused as a whole if any entry is.
    pub fn from_entries(entries: impl IntoIterator<Item = ProductEntry>) -> Result<ProductTable> {
        let mut table = ProductTable::new();
        for e in entries {
            table.insert(e)?;
        }
        Ok(table)
    }

    /// A table from TOML: an array `[[product]]` of `code`, `product` and `description`.
    pub fn from_toml(text: &str) -> Result<ProductTable> {
        let file: TableFile = toml::from_str(text)
            .map_err(|e| RaktError::input("product_table", e.message().to_string()))?;
        ProductTable::from_entries(file.product)
    }

    /// A table from JSON: `{"product": [{"code": ..., "product": {...}, "description": ...}]}`.
    pub fn from_json(text: &str) -> Result<ProductTable> {
        let file: TableFile = serde_json::from_str(text)
            .map_err(|e| RaktError::input("product_table", e.to_string()))?;
        ProductTable::from_entries(file.product)
    }

    /// The product of a code. A code not in the table is [`RaktError::InvalidCode`] at
    /// position 1.
    pub fn product(&self, code: &str) -> Result<&Product> {
        self.entry(code).map(|e| &e.product)
    }

    /// The entry of a code.
    pub fn entry(&self, code: &str) -> Result<&ProductEntry> {
        self.entries
            .get(code)
            .ok_or_else(|| RaktError::code(TABLE, code, 1, "this code is not in the product table"))
    }

    /// The first code (in code order) whose product is exactly `product`, if any.
    pub fn code_for(&self, product: &Product) -> Option<&str> {
        self.entries
            .values()
            .find(|e| &e.product == product)
            .map(|e| e.code.as_str())
    }

    /// The entries in code order.
    pub fn entries(&self) -> impl Iterator<Item = &ProductEntry> {
        self.entries.values()
    }

    /// The number of codes.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
