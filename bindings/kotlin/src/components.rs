//! Components, their preservative, platelet source, modifications and storage; products.

use crate::error::Result;
use crate::macros::mirror_enum;

mirror_enum! {
    /// A blood component.
    pub enum Component => rakt::Component {
        /// Whole blood.
        WholeBlood,
        /// Red cells (packed red blood cells).
        RedCells,
        /// Fresh frozen plasma (FFP).
        FreshFrozenPlasma,
        /// Other plasma.
        Plasma,
        /// Cryo-poor plasma (cryosupernatant).
        CryoPoorPlasma,
        /// Cryoprecipitate.
        Cryoprecipitate,
        /// Platelets (random-donor or apheresis).
        Platelets,
        /// Granulocytes.
        Granulocytes,
    }
}

#[uniffi::export]
impl Component {
    /// A name for people: `"en"` (lower case, for use inside a sentence) or `"hi"` (Devanagari).
    /// Another language code is refused with `RaktException.InvalidInput`.
    pub fn display_name(&self, lang: String) -> Result<String> {
        let lang = rakt::Lang::parse(&lang)?;
        Ok(rakt::Component::from(*self).display_name(lang).to_string())
    }
}

/// Parse a component code (`red_cells`, `fresh_frozen_plasma`, ...; also `FFP`, `PRBC`,
/// `cryo`, case-insensitive). Anything else is refused with `RaktException.InvalidInput`.
#[uniffi::export]
pub fn parse_component(text: String) -> Result<Component> {
    Ok(rakt::Component::parse(&text)?.into())
}

mirror_enum! {
    /// Anticoagulant or additive solution of whole blood and red cells.
    pub enum Preservative => rakt::Preservative {
        /// Citrate-phosphate-dextrose (CPD).
        Cpd,
        /// Citrate-phosphate-dextrose-adenine (CPDA-1).
        Cpda1,
        /// An additive solution such as SAGM (red cells only).
        AdditiveSolution,
    }
}

mirror_enum! {
    /// How platelets were collected.
    pub enum PlateletSource => rakt::PlateletSource {
        /// Random-donor platelet concentrate.
        RandomDonor,
        /// Apheresis (single-donor) platelets.
        Apheresis,
    }
}

mirror_enum! {
    /// Something done to a unit after collection.
    pub enum Modification => rakt::Modification {
        /// Irradiated.
        Irradiated,
        /// Leucoreduced.
        Leucoreduced,
        /// Washed.
        Washed,
        /// From a CMV-seronegative donor.
        CmvNegative,
        /// Pathogen-reduced.
        PathogenReduced,
        /// Pooled from several donations.
        Pooled,
        /// Opened (closed system breached).
        Opened,
        /// Thawed.
        Thawed,
    }
}

mirror_enum! {
    /// Storage condition.
    pub enum Storage => rakt::Storage {
        /// Refrigerated.
        Refrigerated,
        /// Room temperature (platelets: with agitation).
        RoomTemperature,
        /// Frozen.
        Frozen,
    }
}

/// A component as made: preservative (whole blood, red cells) or platelet source (platelets),
/// and the modifications made. Checked by the core when used: red cells without a
/// preservative are refused with `RaktException.InvalidInput` (`field = "product.preservative"`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Product {
    /// The component.
    pub component: Component,
    /// The preservative (whole blood and red cells only).
    #[uniffi(default = None)]
    pub preservative: Option<Preservative>,
    /// The platelet source (platelets only).
    #[uniffi(default = None)]
    pub platelet_source: Option<PlateletSource>,
    /// The modifications made, in canonical order.
    #[uniffi(default = [])]
    pub modifications: Vec<Modification>,
}

impl Product {
    /// The core value, validated by the core.
    pub(crate) fn to_core(&self) -> Result<rakt::Product> {
        let product = rakt::Product::new(
            self.component.into(),
            self.preservative.map(Into::into),
            self.platelet_source.map(Into::into),
        )?;
        Ok(product.with_modifications(self.modifications.iter().map(|m| (*m).into())))
    }
}

impl From<&rakt::Product> for Product {
    fn from(p: &rakt::Product) -> Self {
        Product {
            component: p.component().into(),
            preservative: p.preservative().map(Into::into),
            platelet_source: p.platelet_source().map(Into::into),
            modifications: p.modifications().iter().map(|m| (*m).into()).collect(),
        }
    }
}
