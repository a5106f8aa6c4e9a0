//! e-RaktKosh codes: the component and blood-group codes of the national blood bank management
//! system, and a stock summary in the shape of its public availability search.
//!
//! e-RaktKosh (C-DAC, MoHFW) identifies components and blood groups by number in its public
//! stock search (`bloodComponent=<code>`, `bloodGroup=<code>`). These are the only codes known
//! (`research/blood.md` §6.3, read from the public search form; two independent public clients
//! agree; confidence medium); nothing else is invented:
//!
//! | Code | Component | rakt [`Product`] |
//! |---|---|---|
//! | 11 | Whole Blood | whole blood, CPDA-1 |
//! | 12 | Packed Red Blood Cells | red cells, CPDA-1 |
//! | 13 | Fresh Frozen Plasma | fresh frozen plasma |
//! | 14 | Single Donor Platelet | platelets, apheresis |
//! | 16 | Platelet Rich Plasma | none ([`RaktError::NotApplicable`]) |
//! | 17 | Cryoprecipitate | cryoprecipitate |
//! | 18 | Single Donor Plasma | plasma |
//! | 19 | Plasma | plasma |
//! | 20 | Platelet Concentrate | platelets, random donor |
//! | 21 | Cryo Poor Plasma | cryo-poor plasma |
//! | 23 | Random Donor Platelets | platelets, random donor |
//! | 28 | Sagm Packed Red Blood Cells | red cells, additive solution |
//! | 29 | Irradiated RBC | red cells, CPDA-1, irradiated |
//! | 30 | Leukoreduced Rbc | red cells, CPDA-1, leucoreduced |
//!
//! Blood groups: 11 `A+Ve`, 12 `A-Ve`, 13 `B+Ve`, 14 `B-Ve`, 15 `O+Ve`, 16 `O-Ve`, 17 `AB+Ve`,
//! 18 `AB-Ve`, 22 `Oh+Ve` and 23 `Oh-Ve` (Bombay).
//!
//! **Decoding** ([`EraktkoshComponent::product`]) gives a representative rakt product. The codes
//! do not say which anticoagulant a bag has; where rakt needs one, the decoded product has
//! CPDA-1, the usual Indian bag ([`Preservative::Cpda1`]). Two pairs of codes decode to the same
//! product: 18 and 19 (rakt does not record how plasma was collected) and 20 and 23 (both are
//! random-donor platelet concentrate).
//!
//! **Encoding** ([`EraktkoshComponent::for_product`]) picks the most specific code, in this order:
//! red cells that are irradiated → 29; else leucoreduced → 30; else in an additive solution → 28;
//! else 12 (so irradiated leucoreduced red cells are 29). Plasma → 19 (never 18), random-donor
//! platelets → 23 (never 20), apheresis platelets → 14. Other modifications (washed, pooled,
//! thawed, ...) do not change the code. Granulocytes have no code.
//!
//! **Blood groups** ([`blood_group_to_code`]): A1/A2 subgroups are coded by their ABO group. A
//! group with a serological weak D is coded RhD **positive**, because a donor unit with weak D is
//! labelled and managed as RhD positive (Sandler et al. 2017, `research/blood.md` §1.10; the same
//! rule [`compatibility()`](crate::compatibility()) applies to weak-D donors). A group whose RhD
//! is unknown has no code.
//!
//! ```
//! use rakt::eraktkosh::{self, EraktkoshComponent};
//! use rakt::{BloodGroup, Preservative, Product};
//!
//! let c = eraktkosh::component_from_code(28)?;
//! assert_eq!(c, EraktkoshComponent::SagmPackedRedBloodCells);
//! assert_eq!(c.name(), "Sagm Packed Red Blood Cells");
//! assert_eq!(c.product()?, Product::red_cells(Preservative::AdditiveSolution));
//! assert_eq!(eraktkosh::blood_group_from_code(22)?, BloodGroup::parse("Oh+")?);
//! assert_eq!(eraktkosh::blood_group_to_code(&BloodGroup::parse("A2B-")?)?, 18);
//! assert_eq!(eraktkosh::component_from_code(15).unwrap_err().kind(), "InvalidCode");
//! # Ok::<(), rakt::RaktError>(())
//! ```

mod stock;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::blood_group::{Abo, BloodGroup, RhD};
use crate::component::{Component, Modification, PlateletSource, Preservative, Product};
use crate::error::{RaktError, Result};

pub use stock::{
    CentreStock, ComponentStock, GroupCount, StockSummary, UncountedUnit, stock_summary,
};

/// What [`RaktError::InvalidCode`] names as the structure of a bad component code.
pub const COMPONENT_CODE: &str = "e-RaktKosh component code";
/// What [`RaktError::InvalidCode`] names as the structure of a bad blood-group code.
pub const BLOOD_GROUP_CODE: &str = "e-RaktKosh blood group code";

/// The source of every code here.
pub const SOURCE: &str =
    "e-RaktKosh public stock search form, component and blood-group codes (research/blood.md §6.3)";

/// An e-RaktKosh component code (`research/blood.md` §6.3), one variant per code.
///
/// Serialised (serde) as its number.
///
/// ```
/// use rakt::eraktkosh::EraktkoshComponent;
/// let c = EraktkoshComponent::SingleDonorPlatelet;
/// assert_eq!((c.code(), c.name()), (14, "Single Donor Platelet"));
/// assert_eq!(serde_json::to_string(&c)?, "14");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "u32", try_from = "u32")]
pub enum EraktkoshComponent {
    /// 11, Whole Blood.
    WholeBlood,
    /// 12, Packed Red Blood Cells.
    PackedRedBloodCells,
    /// 13, Fresh Frozen Plasma.
    FreshFrozenPlasma,
    /// 14, Single Donor Platelet (apheresis platelets).
    SingleDonorPlatelet,
    /// 16, Platelet Rich Plasma (an intermediate product; rakt has no product for it).
    PlateletRichPlasma,
    /// 17, Cryoprecipitate.
    Cryoprecipitate,
    /// 18, Single Donor Plasma.
    SingleDonorPlasma,
    /// 19, Plasma.
    Plasma,
    /// 20, Platelet Concentrate (random-donor platelet concentrate).
    PlateletConcentrate,
    /// 21, Cryo Poor Plasma.
    CryoPoorPlasma,
    /// 23, Random Donor Platelets.
    RandomDonorPlatelets,
    /// 28, Sagm Packed Red Blood Cells (red cells in an additive solution).
    SagmPackedRedBloodCells,
    /// 29, Irradiated RBC.
    IrradiatedRbc,
    /// 30, Leukoreduced Rbc.
    LeukoreducedRbc,
}

/// (code, ABO, RhD, e-RaktKosh label), in code order: the §6.3 table.
const GROUPS: [(u32, Abo, RhD, &str); 10] = [
    (11, Abo::A, RhD::Positive, "A+Ve"),
    (12, Abo::A, RhD::Negative, "A-Ve"),
    (13, Abo::B, RhD::Positive, "B+Ve"),
    (14, Abo::B, RhD::Negative, "B-Ve"),
    (15, Abo::O, RhD::Positive, "O+Ve"),
    (16, Abo::O, RhD::Negative, "O-Ve"),
    (17, Abo::AB, RhD::Positive, "AB+Ve"),
    (18, Abo::AB, RhD::Negative, "AB-Ve"),
    (22, Abo::Oh, RhD::Positive, "Oh+Ve"),
    (23, Abo::Oh, RhD::Negative, "Oh-Ve"),
];

fn component_codes() -> String {
    EraktkoshComponent::ALL
        .iter()
        .map(|c| c.code().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn group_codes() -> String {
    GROUPS
        .iter()
        .map(|(code, ..)| code.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

impl EraktkoshComponent {
    /// Every component, in code order.
    pub const ALL: [EraktkoshComponent; 14] = [
        EraktkoshComponent::WholeBlood,
        EraktkoshComponent::PackedRedBloodCells,
        EraktkoshComponent::FreshFrozenPlasma,
        EraktkoshComponent::SingleDonorPlatelet,
        EraktkoshComponent::PlateletRichPlasma,
        EraktkoshComponent::Cryoprecipitate,
        EraktkoshComponent::SingleDonorPlasma,
        EraktkoshComponent::Plasma,
        EraktkoshComponent::PlateletConcentrate,
        EraktkoshComponent::CryoPoorPlasma,
        EraktkoshComponent::RandomDonorPlatelets,
        EraktkoshComponent::SagmPackedRedBloodCells,
        EraktkoshComponent::IrradiatedRbc,
        EraktkoshComponent::LeukoreducedRbc,
    ];

    /// (code, e-RaktKosh name): the §6.3 table.
    fn row(self) -> (u32, &'static str) {
        use EraktkoshComponent as E;
        match self {
            E::WholeBlood => (11, "Whole Blood"),
            E::PackedRedBloodCells => (12, "Packed Red Blood Cells"),
            E::FreshFrozenPlasma => (13, "Fresh Frozen Plasma"),
            E::SingleDonorPlatelet => (14, "Single Donor Platelet"),
            E::PlateletRichPlasma => (16, "Platelet Rich Plasma"),
            E::Cryoprecipitate => (17, "Cryoprecipitate"),
            E::SingleDonorPlasma => (18, "Single Donor Plasma"),
            E::Plasma => (19, "Plasma"),
            E::PlateletConcentrate => (20, "Platelet Concentrate"),
            E::CryoPoorPlasma => (21, "Cryo Poor Plasma"),
            E::RandomDonorPlatelets => (23, "Random Donor Platelets"),
            E::SagmPackedRedBloodCells => (28, "Sagm Packed Red Blood Cells"),
            E::IrradiatedRbc => (29, "Irradiated RBC"),
            E::LeukoreducedRbc => (30, "Leukoreduced Rbc"),
        }
    }

    /// The e-RaktKosh code, e.g. 28.
    ///
    /// ```
    /// assert_eq!(rakt::eraktkosh::EraktkoshComponent::IrradiatedRbc.code(), 29);
    /// ```
    pub fn code(self) -> u32 {
        self.row().0
    }

    /// The name exactly as e-RaktKosh writes it, e.g. `Sagm Packed Red Blood Cells`.
    ///
    /// ```
    /// assert_eq!(rakt::eraktkosh::EraktkoshComponent::LeukoreducedRbc.name(), "Leukoreduced Rbc");
    /// ```
    pub fn name(self) -> &'static str {
        self.row().1
    }

    /// The component with this code; an unknown code is [`RaktError::InvalidCode`] (position 1,
    /// the input as decimal text). Accepts any integer type up to `i64`.
    ///
    /// ```
    /// use rakt::eraktkosh::EraktkoshComponent;
    /// assert_eq!(EraktkoshComponent::from_code(23)?, EraktkoshComponent::RandomDonorPlatelets);
    /// assert!(EraktkoshComponent::from_code(22).is_err());
    /// # Ok::<(), rakt::RaktError>(())
    /// ```
    pub fn from_code(code: impl Into<i64>) -> Result<EraktkoshComponent> {
        let code = code.into();
        EraktkoshComponent::ALL
            .into_iter()
            .find(|c| i64::from(c.code()) == code)
            .ok_or_else(|| {
                RaktError::code(
                    COMPONENT_CODE,
                    &code.to_string(),
                    1,
                    format!(
                        "not an e-RaktKosh component code (known: {})",
                        component_codes()
                    ),
                )
            })
    }

    /// A representative rakt product for this code (see the module docs): CPDA-1 where an
    /// anticoagulant is needed. 16 (Platelet Rich Plasma) has none:
    /// [`RaktError::NotApplicable`] with code `ERAKTKOSH_NO_RAKT_PRODUCT`.
    ///
    /// ```
    /// use rakt::eraktkosh::EraktkoshComponent as E;
    /// use rakt::{Modification, Preservative, Product};
    /// assert_eq!(
    ///     E::IrradiatedRbc.product()?,
    ///     Product::red_cells(Preservative::Cpda1).with_modifications([Modification::Irradiated])
    /// );
    /// assert_eq!(E::PlateletRichPlasma.product().unwrap_err().kind(), "NotApplicable");
    /// # Ok::<(), rakt::RaktError>(())
    /// ```
    pub fn product(self) -> Result<Product> {
        use EraktkoshComponent as E;
        let red =
            |m: Option<Modification>| Product::red_cells(Preservative::Cpda1).with_modifications(m);
        match self {
            E::WholeBlood => Product::whole_blood(Preservative::Cpda1),
            E::PackedRedBloodCells => Ok(red(None)),
            E::SagmPackedRedBloodCells => Ok(Product::red_cells(Preservative::AdditiveSolution)),
            E::IrradiatedRbc => Ok(red(Some(Modification::Irradiated))),
            E::LeukoreducedRbc => Ok(red(Some(Modification::Leucoreduced))),
            E::FreshFrozenPlasma => Product::simple(Component::FreshFrozenPlasma),
            E::SingleDonorPlasma | E::Plasma => Product::simple(Component::Plasma),
            E::CryoPoorPlasma => Product::simple(Component::CryoPoorPlasma),
            E::Cryoprecipitate => Product::simple(Component::Cryoprecipitate),
            E::SingleDonorPlatelet => Ok(Product::platelets(PlateletSource::Apheresis)),
            E::PlateletConcentrate | E::RandomDonorPlatelets => {
                Ok(Product::platelets(PlateletSource::RandomDonor))
            }
            E::PlateletRichPlasma => Err(RaktError::not_applicable(
                "ERAKTKOSH_NO_RAKT_PRODUCT",
                "e-RaktKosh component 16 (Platelet Rich Plasma) is an intermediate product that \
                 rakt does not model",
            )),
        }
    }

    /// The most specific code for a rakt product (order in the module docs: irradiated red
    /// cells 29, leucoreduced 30, additive solution 28, other red cells 12; plasma 19;
    /// random-donor platelets 23). Granulocytes have no code: [`RaktError::NotApplicable`] with
    /// code `ERAKTKOSH_NO_COMPONENT_CODE`.
    ///
    /// ```
    /// use rakt::eraktkosh::EraktkoshComponent as E;
    /// use rakt::{Modification, Preservative, Product};
    /// let sagm = Product::red_cells(Preservative::AdditiveSolution);
    /// assert_eq!(E::for_product(&sagm)?.code(), 28);
    /// let both = sagm.with_modifications([Modification::Leucoreduced, Modification::Irradiated]);
    /// assert_eq!(E::for_product(&both)?.code(), 29);
    /// # Ok::<(), rakt::RaktError>(())
    /// ```
    pub fn for_product(product: &Product) -> Result<EraktkoshComponent> {
        use EraktkoshComponent as E;
        Ok(match product.component() {
            Component::WholeBlood => E::WholeBlood,
            Component::RedCells if product.has(Modification::Irradiated) => E::IrradiatedRbc,
            Component::RedCells if product.has(Modification::Leucoreduced) => E::LeukoreducedRbc,
            Component::RedCells
                if product.preservative() == Some(Preservative::AdditiveSolution) =>
            {
                E::SagmPackedRedBloodCells
            }
            Component::RedCells => E::PackedRedBloodCells,
            Component::FreshFrozenPlasma => E::FreshFrozenPlasma,
            Component::Plasma => E::Plasma,
            Component::CryoPoorPlasma => E::CryoPoorPlasma,
            Component::Cryoprecipitate => E::Cryoprecipitate,
            Component::Platelets => match product.platelet_source() {
                Some(PlateletSource::Apheresis) => E::SingleDonorPlatelet,
                _ => E::RandomDonorPlatelets,
            },
            Component::Granulocytes => {
                return Err(RaktError::not_applicable(
                    "ERAKTKOSH_NO_COMPONENT_CODE",
                    "e-RaktKosh has no component code for granulocytes",
                ));
            }
        })
    }
}

impl fmt::Display for EraktkoshComponent {
    /// `28 Sagm Packed Red Blood Cells`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code(), self.name())
    }
}

impl From<EraktkoshComponent> for u32 {
    fn from(c: EraktkoshComponent) -> u32 {
        c.code()
    }
}

impl TryFrom<u32> for EraktkoshComponent {
    type Error = RaktError;
    fn try_from(code: u32) -> Result<EraktkoshComponent> {
        EraktkoshComponent::from_code(code)
    }
}

/// The component with an e-RaktKosh component code; an unknown code is
/// [`RaktError::InvalidCode`] with structure [`COMPONENT_CODE`], the code as decimal text and
/// position 1. Accepts any integer type up to `i64`, so that negative and oversized numbers from
/// other languages are refused the same way.
///
/// ```
/// use rakt::eraktkosh::{component_from_code, EraktkoshComponent};
/// use rakt::RaktError;
/// assert_eq!(component_from_code(13)?, EraktkoshComponent::FreshFrozenPlasma);
/// let err = component_from_code(-1).unwrap_err();
/// assert!(matches!(err, RaktError::InvalidCode { ref input, position: 1, .. } if input == "-1"));
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn component_from_code(code: impl Into<i64>) -> Result<EraktkoshComponent> {
    EraktkoshComponent::from_code(code)
}

/// The e-RaktKosh code of a component (the same as [`EraktkoshComponent::code`]).
///
/// ```
/// use rakt::eraktkosh::{component_to_code, EraktkoshComponent};
/// assert_eq!(component_to_code(EraktkoshComponent::Cryoprecipitate), 17);
/// ```
pub fn component_to_code(component: EraktkoshComponent) -> u32 {
    component.code()
}

/// The blood group with an e-RaktKosh blood-group code: 11–18 the eight ABO/RhD groups, 22 and
/// 23 Bombay (Oh) RhD positive and negative. An unknown code is [`RaktError::InvalidCode`] with
/// structure [`BLOOD_GROUP_CODE`], the code as decimal text and position 1.
///
/// ```
/// use rakt::eraktkosh::blood_group_from_code;
/// assert_eq!(blood_group_from_code(15)?.to_string(), "O+");
/// assert_eq!(blood_group_from_code(23)?.to_string(), "Oh-");
/// assert_eq!(blood_group_from_code(19).unwrap_err().kind(), "InvalidCode");
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn blood_group_from_code(code: impl Into<i64>) -> Result<BloodGroup> {
    let code = code.into();
    GROUPS
        .iter()
        .find(|(c, ..)| i64::from(*c) == code)
        .map(|(_, abo, rhd, _)| BloodGroup::new(*abo, *rhd))
        .ok_or_else(|| {
            RaktError::code(
                BLOOD_GROUP_CODE,
                &code.to_string(),
                1,
                format!(
                    "not an e-RaktKosh blood group code (known: {})",
                    group_codes()
                ),
            )
        })
}

/// The e-RaktKosh code of a donor unit's blood group. A1/A2 subgroups are coded by their ABO
/// group; a weak D is coded RhD positive (a weak-D donor unit is labelled RhD positive,
/// `research/blood.md` §1.10). A group whose RhD is unknown has no code:
/// [`RaktError::NotApplicable`] with code `ERAKTKOSH_NO_GROUP_CODE`.
///
/// ```
/// use rakt::eraktkosh::blood_group_to_code;
/// use rakt::BloodGroup;
/// assert_eq!(blood_group_to_code(&BloodGroup::parse("B+")?)?, 13);
/// assert_eq!(blood_group_to_code(&BloodGroup::parse("O- weak D")?)?, 15);
/// assert!(blood_group_to_code(&BloodGroup::parse("Bombay")?).is_err());
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn blood_group_to_code(group: &BloodGroup) -> Result<u32> {
    group_row(group).map(|(code, _)| code)
}

/// The e-RaktKosh label of a blood-group code as the availability search writes it (`B+Ve`,
/// `Oh-Ve`); an unknown code is [`RaktError::InvalidCode`] as in [`blood_group_from_code`].
///
/// ```
/// assert_eq!(rakt::eraktkosh::blood_group_label(17)?, "AB+Ve");
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn blood_group_label(code: impl Into<i64>) -> Result<&'static str> {
    let group = blood_group_from_code(code)?;
    group_row(&group).map(|(_, label)| label)
}

/// The (code, label) row of a group, weak D as positive.
fn group_row(group: &BloodGroup) -> Result<(u32, &'static str)> {
    let rhd = if group.weak_d() {
        Some(RhD::Positive)
    } else {
        group.rhd()
    };
    let Some(rhd) = rhd else {
        return Err(RaktError::not_applicable(
            "ERAKTKOSH_NO_GROUP_CODE",
            format!(
                "blood group {} has no e-RaktKosh code: its RhD type is not known",
                group.notation()
            ),
        ));
    };
    GROUPS
        .iter()
        .find(|(_, abo, r, _)| *abo == group.abo() && *r == rhd)
        .map(|(code, .., label)| (*code, *label))
        .ok_or_else(|| {
            RaktError::not_applicable(
                "ERAKTKOSH_NO_GROUP_CODE",
                format!("blood group {} has no e-RaktKosh code", group.notation()),
            )
        })
}
