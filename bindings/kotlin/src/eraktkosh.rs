//! e-RaktKosh codes: component and blood-group codes both ways and the stock summary in the
//! shape of the availability search. Kotlin: `componentFromCode`, `componentToCode`,
//! `bloodGroupFromCode`, `bloodGroupToCode`, `stockSummary`, plus `eraktkoshComponentName`,
//! `eraktkoshProduct`, `eraktkoshComponentForProduct` and `eraktkoshGroupLabel`.

use std::sync::Arc;

use rakt::eraktkosh as erk;

use crate::components::Product;
use crate::error::Result;
use crate::groups::BloodGroup;
use crate::macros::mirror_enum;
use crate::time::Timestamp;
use crate::units::BloodUnit;

mirror_enum! {
    /// An e-RaktKosh component code (research/blood.md §6.3), one value per code.
    pub enum EraktkoshComponent => erk::EraktkoshComponent {
        /// 11, Whole Blood.
        WholeBlood,
        /// 12, Packed Red Blood Cells.
        PackedRedBloodCells,
        /// 13, Fresh Frozen Plasma.
        FreshFrozenPlasma,
        /// 14, Single Donor Platelet.
        SingleDonorPlatelet,
        /// 16, Platelet Rich Plasma.
        PlateletRichPlasma,
        /// 17, Cryoprecipitate.
        Cryoprecipitate,
        /// 18, Single Donor Plasma.
        SingleDonorPlasma,
        /// 19, Plasma.
        Plasma,
        /// 20, Platelet Concentrate.
        PlateletConcentrate,
        /// 21, Cryo Poor Plasma.
        CryoPoorPlasma,
        /// 23, Random Donor Platelets.
        RandomDonorPlatelets,
        /// 28, Sagm Packed Red Blood Cells.
        SagmPackedRedBloodCells,
        /// 29, Irradiated RBC.
        IrradiatedRbc,
        /// 30, Leukoreduced Rbc.
        LeukoreducedRbc,
    }
}

/// A count from the core as a Kotlin `Int` (codes and counts are small).
fn int(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// The component with an e-RaktKosh component code; an unknown code (negative too) is refused
/// with `RaktException.InvalidCode` (position 1).
#[uniffi::export]
pub fn component_from_code(code: i32) -> Result<EraktkoshComponent> {
    Ok(erk::component_from_code(code)?.into())
}

/// The e-RaktKosh code of a component, e.g. 28.
#[uniffi::export]
pub fn component_to_code(component: EraktkoshComponent) -> i32 {
    int(erk::component_to_code(component.into()))
}

/// The name exactly as e-RaktKosh writes it, e.g. `Sagm Packed Red Blood Cells`.
#[uniffi::export]
pub fn eraktkosh_component_name(component: EraktkoshComponent) -> String {
    erk::EraktkoshComponent::from(component).name().to_string()
}

/// A representative rakt product for a component (CPDA-1 where an anticoagulant is needed);
/// 16 (Platelet Rich Plasma) is refused with `RaktException.NotApplicable`.
#[uniffi::export]
pub fn eraktkosh_product(component: EraktkoshComponent) -> Result<Product> {
    Ok(Product::from(
        &erk::EraktkoshComponent::from(component).product()?,
    ))
}

/// The most specific code for a product (irradiated red cells 29, leucoreduced 30, additive
/// solution 28, other red cells 12; plasma 19; random-donor platelets 23); granulocytes are
/// refused with `RaktException.NotApplicable`.
#[uniffi::export]
pub fn eraktkosh_component_for_product(product: Product) -> Result<EraktkoshComponent> {
    let product = product.to_core()?;
    Ok(erk::EraktkoshComponent::for_product(&product)?.into())
}

/// The blood group with an e-RaktKosh blood-group code (11–18, 22 `Oh+`, 23 `Oh-`); another code
/// is refused with `RaktException.InvalidCode`.
#[uniffi::export]
pub fn blood_group_from_code(code: i32) -> Result<BloodGroup> {
    Ok(erk::blood_group_from_code(code)?.into())
}

/// The e-RaktKosh code of a donor unit's group: subgroups by their ABO group, weak D as RhD
/// positive; an unknown RhD is refused with `RaktException.NotApplicable`.
#[uniffi::export]
pub fn blood_group_to_code(group: BloodGroup) -> Result<i32> {
    Ok(int(erk::blood_group_to_code(&group.to_core()?)?))
}

/// The label of a blood-group code as the availability search writes it, e.g. `B+Ve`.
#[uniffi::export]
pub fn eraktkosh_group_label(code: i32) -> Result<String> {
    Ok(erk::blood_group_label(code)?.to_string())
}

/// One unit of stock and the blood centre holding it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct CentreUnit {
    /// The blood centre's identifier (not blank).
    pub centre: String,
    /// The unit.
    pub unit: Arc<BloodUnit>,
}

/// Available units of one blood group.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct GroupCount {
    /// The e-RaktKosh blood-group code, e.g. 13.
    pub code: i32,
    /// Its label, e.g. `B+Ve`.
    pub label: String,
    /// How many units.
    pub count: i32,
}

/// Available units of one component code at one centre.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ComponentStock {
    /// The component.
    pub component: EraktkoshComponent,
    /// Its e-RaktKosh code.
    pub code: i32,
    /// Its e-RaktKosh name.
    pub name: String,
    /// Counts per blood group, by ascending group code.
    pub groups: Vec<GroupCount>,
    /// All available units of this component.
    pub total: i32,
    /// The availability text, e.g. `B+Ve : 74, O-Ve : 4`.
    pub availability: String,
}

/// A unit left out of the counts although it may be stock, and why.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct UncountedUnit {
    /// The unit's id (`DIN` or `DIN/A0`).
    pub unit: String,
    /// `ERAKTKOSH_NO_COMPONENT_CODE`, `ERAKTKOSH_NO_GROUP_CODE`, `EVENTS_AFTER_AS_OF` or
    /// `DUPLICATE_UNIT`.
    pub code: String,
    /// Human explanation.
    pub reason: String,
}

/// One blood centre's stock.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct CentreStock {
    /// The blood centre's identifier.
    pub centre: String,
    /// Stock per component, by ascending code.
    pub components: Vec<ComponentStock>,
    /// Units left out of the counts, in input order.
    pub uncounted: Vec<UncountedUnit>,
}

/// Stock of several blood centres at one time, as the e-RaktKosh availability search shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct StockSummary {
    /// The time the stock is counted at.
    pub as_of: Timestamp,
    /// Every centre named in the input, sorted by identifier.
    pub centres: Vec<CentreStock>,
}

impl From<erk::CentreStock> for CentreStock {
    fn from(c: erk::CentreStock) -> Self {
        CentreStock {
            centre: c.centre,
            components: c
                .components
                .into_iter()
                .map(|k| ComponentStock {
                    component: k.component.into(),
                    code: int(k.component.code()),
                    name: k.name,
                    groups: k
                        .groups
                        .into_iter()
                        .map(|g| GroupCount {
                            code: int(g.code),
                            label: g.label,
                            count: int(g.count),
                        })
                        .collect(),
                    total: int(k.total),
                    availability: k.availability,
                })
                .collect(),
            uncounted: c
                .uncounted
                .into_iter()
                .map(|u| UncountedUnit {
                    unit: u.unit,
                    code: u.code,
                    reason: u.reason,
                })
                .collect(),
        }
    }
}

impl From<erk::StockSummary> for StockSummary {
    fn from(s: erk::StockSummary) -> Self {
        StockSummary {
            as_of: s.as_of.into(),
            centres: s.centres.into_iter().map(Into::into).collect(),
        }
    }
}

/// Counts the units released and unexpired at `asOf` per blood centre, component code and
/// blood-group code, with the availability text; units that cannot be counted are listed in
/// each centre's `uncounted` with the reason. A blank centre is refused with
/// `RaktException.InvalidInput` (`field = "centre"`).
#[uniffi::export]
pub fn stock_summary(units: Vec<CentreUnit>, as_of: Timestamp) -> Result<StockSummary> {
    let as_of = as_of.parse("as_of")?;
    let pairs = units.iter().map(|e| (e.centre.as_str(), e.unit.core()));
    Ok(erk::stock_summary(pairs, as_of)?.into())
}
