//! Blood components, their anticoagulant/additive, storage and modifications.
//!
//! A [`Component`] is what compatibility rules talk about (red cells, plasma, platelets, ...).
//! A [`Product`] is what expiry rules talk about: a component plus the details that change its
//! shelf life (anticoagulant or additive solution for whole blood and red cells, random-donor or
//! apheresis for platelets) and the modifications made to it.
//!
//! Sources: `research/blood.md` §1 (compatibility classes), §1.12 (modifications), §2 (storage).

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{RaktError, Result};
use crate::vocab::lang::Lang;

/// A blood component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Component {
    /// Whole blood.
    WholeBlood,
    /// Red cells (packed red blood cells, PRBC), in any anticoagulant or additive.
    RedCells,
    /// Fresh frozen plasma (FFP).
    FreshFrozenPlasma,
    /// Other plasma (frozen plasma not meeting FFP timing, single-donor plasma, ...).
    Plasma,
    /// Cryo-poor plasma (cryosupernatant).
    CryoPoorPlasma,
    /// Cryoprecipitate.
    Cryoprecipitate,
    /// Platelets: random-donor concentrate or apheresis (single-donor).
    Platelets,
    /// Granulocytes.
    Granulocytes,
}

/// How compatibility is judged for a component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompatibilityClass {
    /// Donor red cells against recipient plasma, plus RhD (red cells, granulocytes).
    RedCells,
    /// ABO-identical, plus RhD (whole blood).
    WholeBlood,
    /// Donor plasma against recipient red cells ("reverse"); RhD not required.
    Plasma,
    /// ABO preference order with caveats; RhD for protected recipients.
    Platelets,
}

impl Component {
    /// Every component, in canonical order.
    pub const ALL: [Component; 8] = [
        Component::WholeBlood,
        Component::RedCells,
        Component::FreshFrozenPlasma,
        Component::Plasma,
        Component::CryoPoorPlasma,
        Component::Cryoprecipitate,
        Component::Platelets,
        Component::Granulocytes,
    ];

    /// The stable code: `whole_blood`, `red_cells`, `fresh_frozen_plasma`, `plasma`,
    /// `cryo_poor_plasma`, `cryoprecipitate`, `platelets`, `granulocytes`.
    pub fn as_str(self) -> &'static str {
        match self {
            Component::WholeBlood => "whole_blood",
            Component::RedCells => "red_cells",
            Component::FreshFrozenPlasma => "fresh_frozen_plasma",
            Component::Plasma => "plasma",
            Component::CryoPoorPlasma => "cryo_poor_plasma",
            Component::Cryoprecipitate => "cryoprecipitate",
            Component::Platelets => "platelets",
            Component::Granulocytes => "granulocytes",
        }
    }

    /// Parse the stable code (also accepts `FFP`, `PRBC`, `cryo`, case-insensitive).
    ///
    /// ```
    /// use rakt::Component;
    /// assert_eq!(Component::parse("FFP")?, Component::FreshFrozenPlasma);
    /// assert_eq!(Component::parse("red_cells")?, Component::RedCells);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(text: &str) -> Result<Component> {
        // A code as written (`red_cells`) is itself once normalised: no copy needed.
        if let Some(c) = Component::ALL.into_iter().find(|c| c.as_str() == text) {
            return Ok(c);
        }
        let key = text.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        let found = Component::ALL.into_iter().find(|c| c.as_str() == key);
        if let Some(c) = found {
            return Ok(c);
        }
        match key.as_str() {
            "ffp" => Ok(Component::FreshFrozenPlasma),
            "prbc" | "packed_red_cells" | "rbc" => Ok(Component::RedCells),
            "cryo" => Ok(Component::Cryoprecipitate),
            "cpp" => Ok(Component::CryoPoorPlasma),
            _ => Err(RaktError::input(
                "component",
                format!(
                    "{text:?} is not a component (expected one of {})",
                    Component::ALL.map(|c| c.as_str()).join(", ")
                ),
            )),
        }
    }

    /// How compatibility is judged for this component.
    pub fn compatibility_class(self) -> CompatibilityClass {
        match self {
            Component::RedCells | Component::Granulocytes => CompatibilityClass::RedCells,
            Component::WholeBlood => CompatibilityClass::WholeBlood,
            Component::FreshFrozenPlasma
            | Component::Plasma
            | Component::CryoPoorPlasma
            | Component::Cryoprecipitate => CompatibilityClass::Plasma,
            Component::Platelets => CompatibilityClass::Platelets,
        }
    }

    /// Whether the component is stored frozen (and must be thawed before use).
    pub fn is_frozen(self) -> bool {
        matches!(
            self,
            Component::FreshFrozenPlasma
                | Component::Plasma
                | Component::CryoPoorPlasma
                | Component::Cryoprecipitate
        )
    }

    /// Where the component is kept before any modification.
    pub fn default_storage(self) -> Storage {
        match self {
            Component::WholeBlood | Component::RedCells => Storage::Refrigerated,
            Component::Platelets | Component::Granulocytes => Storage::RoomTemperature,
            _ => Storage::Frozen,
        }
    }

    /// A name for people, in English (lower case, for use inside a sentence) or Hindi.
    pub fn display_name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Component::WholeBlood, Lang::En) => "whole blood",
            (Component::WholeBlood, Lang::Hi) => "होल ब्लड (संपूर्ण रक्त)",
            (Component::RedCells, Lang::En) => "red cells",
            (Component::RedCells, Lang::Hi) => "लाल रक्त कोशिकाएँ",
            (Component::FreshFrozenPlasma, Lang::En) => "fresh frozen plasma (FFP)",
            (Component::FreshFrozenPlasma, Lang::Hi) => "फ्रेश फ्रोज़न प्लाज़्मा (FFP)",
            (Component::Plasma, Lang::En) => "plasma",
            (Component::Plasma, Lang::Hi) => "प्लाज़्मा",
            (Component::CryoPoorPlasma, Lang::En) => "cryo-poor plasma",
            (Component::CryoPoorPlasma, Lang::Hi) => "क्रायो-पुअर प्लाज़्मा",
            (Component::Cryoprecipitate, Lang::En) => "cryoprecipitate",
            (Component::Cryoprecipitate, Lang::Hi) => "क्रायोप्रेसिपिटेट",
            (Component::Platelets, Lang::En) => "platelets",
            (Component::Platelets, Lang::Hi) => "प्लेटलेट्स",
            (Component::Granulocytes, Lang::En) => "granulocytes",
            (Component::Granulocytes, Lang::Hi) => "ग्रैन्यूलोसाइट्स",
        }
    }
}

impl fmt::Display for Component {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Anticoagulant or additive solution of whole blood and red cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preservative {
    /// Citrate-phosphate-dextrose (CPD).
    Cpd,
    /// Citrate-phosphate-dextrose-adenine (CPDA-1), the usual Indian bag.
    Cpda1,
    /// An additive solution such as SAGM, ADSOL or Nutricel (red cells only).
    AdditiveSolution,
}

impl Preservative {
    /// The stable code: `cpd`, `cpda1`, `additive_solution`.
    pub fn as_str(self) -> &'static str {
        match self {
            Preservative::Cpd => "cpd",
            Preservative::Cpda1 => "cpda1",
            Preservative::AdditiveSolution => "additive_solution",
        }
    }
}

/// How platelets were collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlateletSource {
    /// Random-donor platelet concentrate (RDP), from a whole-blood donation.
    RandomDonor,
    /// Apheresis, single-donor platelets (SDP).
    Apheresis,
}

/// Something done to a unit after collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modification {
    /// Gamma or X-ray irradiated (re-dates red cells).
    Irradiated,
    /// Leucoreduced (leucodepleted).
    Leucoreduced,
    /// Washed in saline (re-dates: open process).
    Washed,
    /// From a CMV-seronegative donor.
    CmvNegative,
    /// Pathogen-reduced.
    PathogenReduced,
    /// Pooled from several donations (expires with the earliest constituent).
    Pooled,
    /// Opened (the closed system was breached; re-dates).
    Opened,
    /// Thawed (frozen components; re-dates to the post-thaw life).
    Thawed,
}

impl Modification {
    /// Whether the time of this modification matters for expiry (irradiated, washed, opened,
    /// thawed, pooled): a product carrying one must be re-dated with its event.
    pub fn redates(self) -> bool {
        matches!(
            self,
            Modification::Irradiated
                | Modification::Washed
                | Modification::Opened
                | Modification::Thawed
                | Modification::Pooled
        )
    }

    /// The stable code, e.g. `irradiated`.
    pub fn as_str(self) -> &'static str {
        match self {
            Modification::Irradiated => "irradiated",
            Modification::Leucoreduced => "leucoreduced",
            Modification::Washed => "washed",
            Modification::CmvNegative => "cmv_negative",
            Modification::PathogenReduced => "pathogen_reduced",
            Modification::Pooled => "pooled",
            Modification::Opened => "opened",
            Modification::Thawed => "thawed",
        }
    }
}

impl fmt::Display for Modification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Storage condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Storage {
    /// Refrigerated (India 2–6 °C).
    Refrigerated,
    /// Room temperature with agitation for platelets (20–24 °C).
    RoomTemperature,
    /// Frozen.
    Frozen,
}

impl Storage {
    /// The stable code: `refrigerated`, `room_temperature`, `frozen`.
    pub fn as_str(self) -> &'static str {
        match self {
            Storage::Refrigerated => "refrigerated",
            Storage::RoomTemperature => "room_temperature",
            Storage::Frozen => "frozen",
        }
    }
}

/// What the shelf-life table is keyed by: the component and the detail that changes its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShelfLifeKey {
    /// Whole blood in CPD.
    WholeBloodCpd,
    /// Whole blood in CPDA-1.
    WholeBloodCpda1,
    /// Red cells in CPD.
    RedCellsCpd,
    /// Red cells in CPDA-1.
    RedCellsCpda1,
    /// Red cells in an additive solution (SAGM and similar).
    RedCellsAdditiveSolution,
    /// Random-donor platelet concentrate.
    PlateletsRandomDonor,
    /// Apheresis platelets.
    PlateletsApheresis,
    /// Fresh frozen plasma.
    FreshFrozenPlasma,
    /// Other frozen plasma.
    Plasma,
    /// Cryo-poor plasma.
    CryoPoorPlasma,
    /// Cryoprecipitate.
    Cryoprecipitate,
    /// Granulocytes.
    Granulocytes,
}

impl ShelfLifeKey {
    /// The field name in the policy's `shelf_life` table, e.g. `red_cells_additive_solution`.
    pub fn as_str(self) -> &'static str {
        match self {
            ShelfLifeKey::WholeBloodCpd => "whole_blood_cpd",
            ShelfLifeKey::WholeBloodCpda1 => "whole_blood_cpda1",
            ShelfLifeKey::RedCellsCpd => "red_cells_cpd",
            ShelfLifeKey::RedCellsCpda1 => "red_cells_cpda1",
            ShelfLifeKey::RedCellsAdditiveSolution => "red_cells_additive_solution",
            ShelfLifeKey::PlateletsRandomDonor => "platelets_random_donor",
            ShelfLifeKey::PlateletsApheresis => "platelets_apheresis",
            ShelfLifeKey::FreshFrozenPlasma => "fresh_frozen_plasma",
            ShelfLifeKey::Plasma => "plasma",
            ShelfLifeKey::CryoPoorPlasma => "cryo_poor_plasma",
            ShelfLifeKey::Cryoprecipitate => "cryoprecipitate",
            ShelfLifeKey::Granulocytes => "granulocytes",
        }
    }
}

/// A component as made: preservative or platelet source where they matter, and modifications.
///
/// Construction validates: whole blood takes CPD or CPDA-1; red cells take CPD, CPDA-1 or an
/// additive solution; platelets need their source; nothing else takes either.
///
/// ```
/// use rakt::{Component, Preservative, Product};
/// let p = Product::red_cells(Preservative::AdditiveSolution);
/// assert_eq!(p.component(), Component::RedCells);
/// let err = Product::new(Component::RedCells, None, None).unwrap_err();
/// assert_eq!(err.to_string(), "invalid input: product.preservative: red_cells needs a preservative (cpd, cpda1 or additive_solution)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "ProductRepr", into = "ProductRepr")]
pub struct Product {
    component: Component,
    preservative: Option<Preservative>,
    platelet_source: Option<PlateletSource>,
    modifications: BTreeSet<Modification>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProductRepr {
    component: Component,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    preservative: Option<Preservative>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    platelet_source: Option<PlateletSource>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    modifications: BTreeSet<Modification>,
}

impl TryFrom<ProductRepr> for Product {
    type Error = RaktError;
    fn try_from(r: ProductRepr) -> Result<Product> {
        let p = Product::new(r.component, r.preservative, r.platelet_source)?;
        Ok(p.with_modifications(r.modifications))
    }
}

impl From<Product> for ProductRepr {
    fn from(p: Product) -> ProductRepr {
        ProductRepr {
            component: p.component,
            preservative: p.preservative,
            platelet_source: p.platelet_source,
            modifications: p.modifications,
        }
    }
}

impl Product {
    /// A product, validated.
    pub fn new(
        component: Component,
        preservative: Option<Preservative>,
        platelet_source: Option<PlateletSource>,
    ) -> Result<Product> {
        let bad =
            |field: &str, reason: String| RaktError::input(format!("product.{field}"), reason);
        match (component, preservative) {
            (Component::WholeBlood, None) => {
                return Err(bad(
                    "preservative",
                    "whole_blood needs a preservative (cpd or cpda1)".into(),
                ));
            }
            (Component::WholeBlood, Some(Preservative::AdditiveSolution)) => {
                return Err(bad(
                    "preservative",
                    "whole_blood is not kept in an additive solution (use cpd or cpda1)".into(),
                ));
            }
            (Component::RedCells, None) => {
                return Err(bad(
                    "preservative",
                    "red_cells needs a preservative (cpd, cpda1 or additive_solution)".into(),
                ));
            }
            (Component::WholeBlood | Component::RedCells, Some(_)) | (_, None) => {}
            (other, Some(p)) => {
                return Err(bad(
                    "preservative",
                    format!("{other} has no preservative, but {} was given", p.as_str()),
                ));
            }
        }
        match (component, platelet_source) {
            (Component::Platelets, None) => {
                return Err(bad(
                    "platelet_source",
                    "platelets need a source (random_donor or apheresis)".into(),
                ));
            }
            (Component::Platelets, Some(_)) | (_, None) => {}
            (other, Some(_)) => {
                return Err(bad(
                    "platelet_source",
                    format!("only platelets have a platelet source, not {other}"),
                ));
            }
        }
        Ok(Product {
            component,
            preservative,
            platelet_source,
            modifications: BTreeSet::new(),
        })
    }

    /// Whole blood in CPD or CPDA-1.
    ///
    /// ```
    /// assert!(rakt::Product::whole_blood(rakt::Preservative::Cpda1).is_ok());
    /// assert!(rakt::Product::whole_blood(rakt::Preservative::AdditiveSolution).is_err());
    /// ```
    pub fn whole_blood(preservative: Preservative) -> Result<Product> {
        Product::new(Component::WholeBlood, Some(preservative), None)
    }

    /// Red cells in any preservative (always valid).
    pub fn red_cells(preservative: Preservative) -> Product {
        Product {
            component: Component::RedCells,
            preservative: Some(preservative),
            platelet_source: None,
            modifications: BTreeSet::new(),
        }
    }

    /// Platelets from either source (always valid).
    pub fn platelets(source: PlateletSource) -> Product {
        Product {
            component: Component::Platelets,
            preservative: None,
            platelet_source: Some(source),
            modifications: BTreeSet::new(),
        }
    }

    /// A component that needs no further detail (plasma family, cryoprecipitate, granulocytes).
    /// Refused for whole blood, red cells and platelets.
    pub fn simple(component: Component) -> Result<Product> {
        Product::new(component, None, None)
    }

    /// The same product without the modifications whose time matters for expiry (irradiated,
    /// washed, opened, thawed, pooled): the product as it was at collection.
    pub fn without_redating(&self) -> Product {
        let mut p = self.clone();
        p.modifications.retain(|m| !m.redates());
        p
    }

    /// The same product with these modifications added.
    pub fn with_modifications(mut self, mods: impl IntoIterator<Item = Modification>) -> Product {
        self.modifications.extend(mods);
        self
    }

    /// The component.
    pub fn component(&self) -> Component {
        self.component
    }

    /// The preservative (whole blood and red cells only).
    pub fn preservative(&self) -> Option<Preservative> {
        self.preservative
    }

    /// The platelet source (platelets only).
    pub fn platelet_source(&self) -> Option<PlateletSource> {
        self.platelet_source
    }

    /// The modifications made, in canonical order.
    pub fn modifications(&self) -> &BTreeSet<Modification> {
        &self.modifications
    }

    /// Whether a modification has been made.
    pub fn has(&self, m: Modification) -> bool {
        self.modifications.contains(&m)
    }

    /// The key into the policy's shelf-life table.
    pub fn shelf_life_key(&self) -> ShelfLifeKey {
        use Preservative as P;
        match (self.component, self.preservative, self.platelet_source) {
            (Component::WholeBlood, Some(P::Cpd), _) => ShelfLifeKey::WholeBloodCpd,
            (Component::WholeBlood, _, _) => ShelfLifeKey::WholeBloodCpda1,
            (Component::RedCells, Some(P::Cpd), _) => ShelfLifeKey::RedCellsCpd,
            (Component::RedCells, Some(P::Cpda1), _) => ShelfLifeKey::RedCellsCpda1,
            (Component::RedCells, _, _) => ShelfLifeKey::RedCellsAdditiveSolution,
            (Component::Platelets, _, Some(PlateletSource::Apheresis)) => {
                ShelfLifeKey::PlateletsApheresis
            }
            (Component::Platelets, _, _) => ShelfLifeKey::PlateletsRandomDonor,
            (Component::FreshFrozenPlasma, _, _) => ShelfLifeKey::FreshFrozenPlasma,
            (Component::Plasma, _, _) => ShelfLifeKey::Plasma,
            (Component::CryoPoorPlasma, _, _) => ShelfLifeKey::CryoPoorPlasma,
            (Component::Cryoprecipitate, _, _) => ShelfLifeKey::Cryoprecipitate,
            (Component::Granulocytes, _, _) => ShelfLifeKey::Granulocytes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_valid_product_has_its_own_shelf_life_key() {
        let products = [
            Product::whole_blood(Preservative::Cpd).unwrap(),
            Product::whole_blood(Preservative::Cpda1).unwrap(),
            Product::red_cells(Preservative::Cpd),
            Product::red_cells(Preservative::Cpda1),
            Product::red_cells(Preservative::AdditiveSolution),
            Product::platelets(PlateletSource::RandomDonor),
            Product::platelets(PlateletSource::Apheresis),
            Product::simple(Component::FreshFrozenPlasma).unwrap(),
            Product::simple(Component::Plasma).unwrap(),
            Product::simple(Component::CryoPoorPlasma).unwrap(),
            Product::simple(Component::Cryoprecipitate).unwrap(),
            Product::simple(Component::Granulocytes).unwrap(),
        ];
        let keys: BTreeSet<_> = products.iter().map(|p| p.shelf_life_key()).collect();
        assert_eq!(keys.len(), products.len());
    }

    #[test]
    fn invalid_products_are_refused_naming_the_field() {
        let e = Product::simple(Component::Platelets).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid input: product.platelet_source: platelets need a source (random_donor or apheresis)"
        );
        let e =
            Product::new(Component::FreshFrozenPlasma, Some(Preservative::Cpd), None).unwrap_err();
        assert!(e.to_string().contains("product.preservative"));
        let e = Product::new(
            Component::RedCells,
            Some(Preservative::Cpd),
            Some(PlateletSource::Apheresis),
        )
        .unwrap_err();
        assert!(e.to_string().contains("product.platelet_source"));
        assert!(Product::whole_blood(Preservative::AdditiveSolution).is_err());
    }

    #[test]
    fn product_json_round_trips_and_validates() {
        let p = Product::red_cells(Preservative::Cpda1)
            .with_modifications([Modification::Irradiated, Modification::Leucoreduced]);
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"component":"red_cells","preservative":"cpda1","modifications":["irradiated","leucoreduced"]}"#
        );
        assert_eq!(serde_json::from_str::<Product>(&json).unwrap(), p);
        assert!(serde_json::from_str::<Product>(r#"{"component":"platelets"}"#).is_err());
        assert!(
            serde_json::from_str::<Product>(r#"{"component":"plasma","colour":"red"}"#).is_err()
        );
    }

    #[test]
    fn component_codes_round_trip() {
        for c in Component::ALL {
            assert_eq!(Component::parse(c.as_str()).unwrap(), c);
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.as_str())
            );
        }
        assert!(Component::parse("blood").is_err());
    }
}
