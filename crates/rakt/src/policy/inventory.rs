//! Policy parameters for stock: reservations, scarce groups and stock norms.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Confidence, Source, StoragePolicy, TemperatureRange};
use crate::blood_group::{Abo, BloodGroup, RhD};
use crate::component::Component;
use crate::error::{RaktError, Result};

/// When a unit of a scarce group (O RhD-negative by default) may go to a patient who could take
/// another group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScarceUse {
    /// Only when no unit of another compatible group is available.
    LastResort,
    /// Also when the scarce unit expires before the unit it would replace (so that it is
    /// used rather than wasted).
    ExpiresFirst,
}

impl ScarceUse {
    /// `last_resort` or `expires_first`.
    pub fn as_str(self) -> &'static str {
        match self {
            ScarceUse::LastResort => "last_resort",
            ScarceUse::ExpiresFirst => "expires_first",
        }
    }
}

/// A stock level: at least `units` units of `group` among `components`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StockLevel {
    /// The donor group counted (ABO and RhD).
    pub group: BloodGroup,
    /// The components that count towards the level.
    pub components: Vec<Component>,
    /// The number of units.
    pub units: u32,
}

/// Stock parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InventoryPolicy {
    /// How long a reservation holds units when the request names no time, in hours.
    pub reservation_hours: u32,
    /// Donor groups kept for the patients who need them.
    pub scarce_groups: Vec<BloodGroup>,
    /// When a scarce unit may go to a patient who could take another group.
    pub scarce_use: ScarceUse,
    /// The suggested stock of a blood storage centre, checked by
    /// [`Inventory::storage_centre_check`](crate::inventory::Inventory::storage_centre_check).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_centre_norm: Option<Vec<StockLevel>>,
    /// Temperature ranges a unit must stay within while carried between facilities, per
    /// storage (checked by [`Inventory::transfer`](crate::inventory::Inventory::transfer)).
    pub transport: StoragePolicy,
    /// The facility's own minimum stock levels, checked by
    /// [`Inventory::below_minimum`](crate::inventory::Inventory::below_minimum). No source
    /// gives national minimums: set them in a policy file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_levels: Option<Vec<StockLevel>>,
}

const SARMA: &str = "Crossmatch reservation of 24 hours: Sarma, JAMA 1980;243:1536 (VA study); Chapman, Transfus Med 2009: a 24-hour reservation gave lower stock and wastage than 48 hours (research/blood.md §8)";
const SCARCE: &str = "O RhD-negative red cells are the emergency stock for recipients of unknown group and for RhD-negative girls and women (Canadian Blood Services, research/blood.md §1.8, §1.3); which groups to conserve is a local choice";
const SCARCE_USE: &str = "rakt issue 5: O RhD-negative is not spent on a patient who could take another group unless nothing else is available or the O RhD-negative unit expires first; no published rule for the exception was found";
const TRANSPORT_INDIA: &str = "Drugs and Cosmetics Rules, Schedule F Part XII-B (pre-2020 wording): transport boxes 2–10 °C, as reproduced by the Uttar Pradesh Health Department (research/blood.md §2.2, §2.3)";
const TRANSPORT_PA: &str =
    "28 Pa. Code §30.31(g): red cells transported at 1–10 °C (research/blood.md §2.3)";
const TRANSPORT_BORROWED: &str = "No transport range found for platelets or frozen components: the storage ranges of this profile are used";
const BSC_NORM: &str = "G.S.R. 909(E) dated 20.12.2001 (Drugs and Cosmetics Rules, Schedule K item 5B), blood storage centres at FRUs: suggested stock A, B, O RhD-positive 5 units each; AB RhD-positive 2; A, B, O RhD-negative 1 each, via thehealthmaster.com (research/maternal.md §5.3)";

/// The parameters shared by the built-in profiles; India adds the storage-centre norm.
pub(super) fn inventory(
    s: &mut BTreeMap<String, Source>,
    profile: &str,
    storage: &StoragePolicy,
) -> InventoryPolicy {
    let with_storage_centre_norm = profile == "india";
    let (refrigerated, citation, confidence, alt) = match profile {
        "india" => (
            range(2, 10),
            TRANSPORT_INDIA,
            Confidence::Medium,
            ("1–10 °C", TRANSPORT_PA),
        ),
        "us" => (
            range(1, 10),
            TRANSPORT_PA,
            Confidence::Medium,
            ("2–10 °C", TRANSPORT_INDIA),
        ),
        // No UK transport range was found: the US one is borrowed.
        _ => (
            range(1, 10),
            TRANSPORT_PA,
            Confidence::Unverified,
            ("2–10 °C", TRANSPORT_INDIA),
        ),
    };
    s.insert(
        "inventory.transport".into(),
        Source::new(citation, confidence)
            .note(&format!(
                "Refrigerated components only; {TRANSPORT_BORROWED} (unverified)."
            ))
            .alt(alt.0, alt.1),
    );
    let transport = StoragePolicy {
        refrigerated,
        room_temperature: storage.room_temperature,
        frozen: storage.frozen,
    };
    s.insert(
        "inventory.reservation_hours".into(),
        Source::new(SARMA, Confidence::Medium).alt(
            "48",
            "Chapman, Transfus Med 2009 (48-hour reservation, compared)",
        ),
    );
    s.insert(
        "inventory.scarce_groups".into(),
        Source::new(SCARCE, Confidence::Low),
    );
    s.insert(
        "inventory.scarce_use".into(),
        Source::new(SCARCE_USE, Confidence::Unverified)
            .note("A local SOP may instead allow O RhD-negative only when it is about to expire; set last_resort to never use it out of turn.")
            .alt("last_resort", "Conserve O RhD-negative strictly"),
    );
    let storage_centre_norm = if with_storage_centre_norm {
        s.insert(
            "inventory.storage_centre_norm".into(),
            Source::new(BSC_NORM, Confidence::Medium).note(
                "Counted over whole blood and red cells; the source says units of blood without naming the component.",
            ),
        );
        let wb_rc = vec![Component::WholeBlood, Component::RedCells];
        let (pos, neg) = (RhD::Positive, RhD::Negative);
        let levels = [
            (Abo::A, pos, 5),
            (Abo::B, pos, 5),
            (Abo::O, pos, 5),
            (Abo::AB, pos, 2),
            (Abo::A, neg, 1),
            (Abo::B, neg, 1),
            (Abo::O, neg, 1),
        ];
        Some(
            levels
                .into_iter()
                .map(|(abo, rhd, units)| StockLevel {
                    group: BloodGroup::new(abo, rhd),
                    components: wb_rc.clone(),
                    units,
                })
                .collect(),
        )
    } else {
        None
    };
    InventoryPolicy {
        reservation_hours: 24,
        scarce_groups: vec![BloodGroup::new(Abo::O, RhD::Negative)],
        scarce_use: ScarceUse::ExpiresFirst,
        storage_centre_norm,
        transport,
        minimum_levels: None,
    }
}

/// The longest reservation a policy may set: a plausibility bound (100 years) that keeps the
/// reservation's end inside the calendar, not a clinical value.
const MAX_RESERVATION_HOURS: u32 = 876_600;

pub(super) fn validate_inventory(p: &InventoryPolicy) -> Result<()> {
    if p.reservation_hours == 0 {
        return Err(RaktError::policy(
            "inventory.reservation_hours",
            "must be > 0",
        ));
    }
    if p.reservation_hours > MAX_RESERVATION_HOURS {
        return Err(RaktError::policy(
            "inventory.reservation_hours",
            format!(
                "{} is not a plausible reservation (at most {MAX_RESERVATION_HOURS} hours, 100 years)",
                p.reservation_hours
            ),
        ));
    }
    for g in &p.scarce_groups {
        if g.rhd().is_none() || *g != g.basic() {
            return Err(RaktError::policy(
                "inventory.scarce_groups",
                format!("{g} is not a plain ABO and RhD group such as O-"),
            ));
        }
    }
    for (field, levels) in [
        ("inventory.storage_centre_norm", &p.storage_centre_norm),
        ("inventory.minimum_levels", &p.minimum_levels),
    ] {
        for level in levels.iter().flatten() {
            if level.group.rhd().is_none() || level.group != level.group.basic() {
                return Err(RaktError::policy(
                    field,
                    format!(
                        "{} is not a plain ABO and RhD group such as O-",
                        level.group
                    ),
                ));
            }
            if level.components.is_empty() {
                return Err(RaktError::policy(
                    field,
                    format!("the level for {} names no component", level.group),
                ));
            }
        }
    }
    Ok(())
}

fn range(min: i64, max: i64) -> TemperatureRange {
    TemperatureRange {
        min_celsius: Some(rust_decimal::Decimal::from(min)),
        max_celsius: Some(rust_decimal::Decimal::from(max)),
    }
}
