//! Processing charges: the NBTC ceilings per component and sector, with dated versions; a
//! centre's own tariff checked against them; statutory and per-centre exemptions; bills exact to
//! the paisa.
//!
//! Blood is not for sale in India: only processing charges may be recovered, up to ceilings the
//! National Blood Transfusion Council revises about every three years, different for government
//! and private (non-government) centres. Patients who need repeated transfusion (thalassaemia,
//! haemophilia, sickle-cell anaemia and other blood dyscrasias) must get blood and components
//! free; centres may exempt others.
//!
//! Money is `rust_decimal::Decimal` in rupees, never a float. A bill line is quantity × price,
//! rounded to the paisa (2 decimal places) half away from zero — no source fixes the rounding
//! rule; this is the usual commercial one — and totals are exact sums of the rounded lines.
//!
//! Sources: `research/blood.md` §7. The original NBTC 2022 document was not retrieved: the
//! national ceilings come from consistent secondary reports, the cryoprecipitate ceilings only
//! from the Indian Red Cross Society (Delhi) rate list, and each carries its own [`Source`].
//!
//! ```
//! use rakt::tariff::{self, CentreTariff, Sector, TariffItem};
//! use rust_decimal::Decimal;
//! let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).ok_or("date")?;
//! let ceilings = tariff::schedule_on(date)?;
//! assert_eq!(ceilings.id, "nbtc-2022");
//! let prc = ceilings.ceiling(TariffItem::PackedRedCells, Sector::Private).ok_or("no ceiling")?;
//! assert_eq!(prc.amount, Decimal::new(1550, 0));
//!
//! let mut centre = CentreTariff::new("Surat private centre", Sector::Private, date);
//! centre.prices.insert(TariffItem::FreshFrozenPlasma, Decimal::new(700, 0));
//! let err = centre.validate().unwrap_err();
//! assert_eq!(err.to_string(), "not applicable: above the NBTC 2022 ceilings for private centres: fresh_frozen_plasma ₹700.00 (ceiling ₹400.00)");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::error::{RaktError, Result};
use crate::macros::coded_enum;
use crate::policy::{Confidence, Source};

coded_enum! {
    /// Who runs the blood centre: the ceilings differ.
    Sector {
        /// A government blood centre.
        Government => "government",
        /// A private or other non-government blood centre.
        Private => "private",
    }
}

coded_enum! {
    /// Something a blood centre charges for.
    TariffItem {
        /// Whole blood, per unit.
        WholeBlood => "whole_blood",
        /// Packed red cells, per unit.
        PackedRedCells => "packed_red_cells",
        /// Fresh frozen plasma, per unit.
        FreshFrozenPlasma => "fresh_frozen_plasma",
        /// Random-donor platelet concentrate, per unit.
        PlateletConcentrate => "platelet_concentrate",
        /// Cryoprecipitate, per unit.
        Cryoprecipitate => "cryoprecipitate",
        /// Single-donor (apheresis) platelets, per unit.
        SingleDonorPlatelets => "single_donor_platelets",
        /// Surplus plasma supplied for fractionation, per litre.
        SurplusPlasmaForFractionation => "surplus_plasma_for_fractionation",
        /// Irradiation of a component, per unit (an add-on).
        Irradiation => "irradiation",
        /// Leucoreduction of a component, per unit (an add-on).
        Leucoreduction => "leucoreduction",
        /// Antibody screening with a 3-cell panel, per test.
        AntibodyScreening => "antibody_screening",
        /// Grouping and crossmatching, per test.
        GroupingAndCrossmatching => "grouping_and_crossmatching",
        /// Rh phenotyping (extended serology), per test.
        RhPhenotyping => "rh_phenotyping",
    }
}

impl TariffItem {
    /// Whether the item is sold by the litre (so a quantity may be fractional); every other
    /// item is sold by the unit or test.
    pub fn per_litre(self) -> bool {
        self == TariffItem::SurplusPlasmaForFractionation
    }
}

coded_enum! {
    /// Patients who must get blood and components free of charge (patients on repeated
    /// transfusion).
    StatutoryExemption {
        /// Thalassaemia.
        Thalassaemia => "thalassaemia",
        /// Haemophilia.
        Haemophilia => "haemophilia",
        /// Sickle-cell anaemia.
        SickleCellAnaemia => "sickle_cell_anaemia",
        /// Another blood dyscrasia needing repeated transfusion.
        OtherDyscrasiaRepeatedTransfusion => "other_dyscrasia_repeated_transfusion",
    }
}

/// The source of the statutory exemptions.
pub const STATUTORY_EXEMPTION_SOURCE: &str = "Telangana Drugs Control Administration, 29 February 2024, citing NBTC: blood and components must be free for patients needing repeated transfusion — thalassaemia, haemophilia, sickle-cell anaemia and other dyscrasias (research/blood.md §7) [M]";

/// One ceiling: the most a centre of a sector may charge for an item.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ceiling {
    /// The item.
    pub item: TariffItem,
    /// The sector.
    pub sector: Sector,
    /// The ceiling in rupees (per unit, test or litre).
    pub amount: Decimal,
    /// Where the figure comes from.
    pub source: Source,
}

/// A dated version of the national ceilings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CeilingSchedule {
    /// A stable identifier, e.g. `nbtc-2022`.
    pub id: String,
    /// A name for people, e.g. `NBTC 2022`.
    pub title: String,
    /// The first day it applies; `None` when that is not known.
    pub effective_from: Option<NaiveDate>,
    /// The last day it applies; `None` while in force.
    pub effective_until: Option<NaiveDate>,
    /// What is known and not known about its dates.
    pub note: String,
    /// The ceilings it sets; items it does not name have no national ceiling.
    pub ceilings: Vec<Ceiling>,
}

impl CeilingSchedule {
    /// The ceiling for an item and sector, if the schedule sets one.
    pub fn ceiling(&self, item: TariffItem, sector: Sector) -> Option<&Ceiling> {
        self.ceilings
            .iter()
            .find(|c| c.item == item && c.sector == sector)
    }

    /// Whether the schedule applies on a date.
    pub fn applies_on(&self, date: NaiveDate) -> bool {
        self.effective_from.is_none_or(|from| date >= from)
            && self.effective_until.is_none_or(|until| date <= until)
    }
}

const APSACS: &str = "NBTC Revised Guidelines-2022 for Recovery of Processing Charges, as reported by APSACS via the New Indian Express, 2022-07-20; IRCS Delhi rates; Times of India (research/blood.md §7)";
const IRCS_PLASMA: &str = "IRCS Delhi rates (order 9/SBTC/2001/H&FW/184-271 of 21 February 2023); Livemint 2024-01-04: ₹400 per pack of plasma or platelets (research/blood.md §7)";
const IRCS_CRYO: &str = "IRCS Delhi rates (order of 21 February 2023) (research/blood.md §7)";
const FRACTIONATION: &str = "APSACS via the New Indian Express, 2022-07-20: ₹1,600 per litre, government and non-government (research/blood.md §7)";
const PREVIOUS: &str = "Times of Bengal, July 2022, citing a MoHFW ADG letter: previous ceilings government ₹1,050, private ₹1,450 (research/blood.md §7)";

fn ceiling(item: TariffItem, sector: Sector, rupees: i64, source: Source) -> Ceiling {
    Ceiling {
        item,
        sector,
        amount: Decimal::new(rupees, 0),
        source,
    }
}

fn both(out: &mut Vec<Ceiling>, item: TariffItem, government: i64, private: i64, source: &Source) {
    out.push(ceiling(
        item,
        Sector::Government,
        government,
        source.clone(),
    ));
    out.push(ceiling(item, Sector::Private, private, source.clone()));
}

/// The NBTC 2022 ceilings (in force).
///
/// Whole blood and packed red cells ₹1,100 (government) and ₹1,550 (private); fresh frozen
/// plasma and platelet concentrate ₹300 and ₹400; cryoprecipitate ₹200 and ₹250 (a Delhi
/// figure: no national one was found); surplus plasma for fractionation ₹1,600 per litre for
/// both. Single-donor platelets, irradiation, leucoreduction and laboratory tests have no
/// national ceiling in the sources.
pub fn nbtc_2022() -> CeilingSchedule {
    use TariffItem as I;
    let mut c = Vec::new();
    let main = Source::new(APSACS, Confidence::Medium);
    both(&mut c, I::WholeBlood, 1100, 1550, &main);
    both(&mut c, I::PackedRedCells, 1100, 1550, &main);
    let plasma = Source::new(IRCS_PLASMA, Confidence::Medium);
    both(&mut c, I::FreshFrozenPlasma, 300, 400, &plasma);
    both(&mut c, I::PlateletConcentrate, 300, 400, &plasma);
    let cryo = Source::new(IRCS_CRYO, Confidence::Low).note(
        "A Delhi rate; no national cryoprecipitate ceiling was found (a range of ₹250 to ₹1,550 is reported for all items).",
    );
    both(&mut c, I::Cryoprecipitate, 200, 250, &cryo);
    let fractionation = Source::new(FRACTIONATION, Confidence::Medium);
    both(
        &mut c,
        I::SurplusPlasmaForFractionation,
        1600,
        1600,
        &fractionation,
    );
    CeilingSchedule {
        id: "nbtc-2022".into(),
        title: "NBTC 2022".into(),
        effective_from: NaiveDate::from_ymd_opt(2022, 7, 20),
        effective_until: None,
        note: "The NBTC order itself was not retrieved: 2022-07-20 is the date of the report of the revision, not a verified date of the order.".into(),
        ceilings: c,
    }
}

/// The ceilings before the 2022 revision, as far as known: whole blood and packed red cells
/// ₹1,050 (government) and ₹1,450 (private). Its first day is not known.
pub fn nbtc_before_2022() -> CeilingSchedule {
    use TariffItem as I;
    let mut c = Vec::new();
    let src = Source::new(PREVIOUS, Confidence::Low);
    both(&mut c, I::WholeBlood, 1050, 1450, &src);
    both(&mut c, I::PackedRedCells, 1050, 1450, &src);
    CeilingSchedule {
        id: "nbtc-before-2022".into(),
        title: "NBTC (before 2022)".into(),
        effective_from: None,
        effective_until: NaiveDate::from_ymd_opt(2022, 7, 19),
        note: "Only the whole blood and red cell ceilings are known, from one secondary report; the first day is not known, so this schedule answers for any date before the 2022 revision.".into(),
        ceilings: c,
    }
}

/// Every built-in schedule, oldest first.
pub fn ceiling_schedules() -> Vec<CeilingSchedule> {
    vec![nbtc_before_2022(), nbtc_2022()]
}

/// The schedule in force on a date.
pub fn schedule_on(date: NaiveDate) -> Result<CeilingSchedule> {
    ceiling_schedules()
        .into_iter()
        .find(|s| s.applies_on(date))
        .ok_or_else(|| RaktError::input("date", format!("no ceiling schedule applies on {date}")))
}

/// A per-centre exemption or concession, e.g. HIV/AIDS patients on regular transfusion or
/// NFSA card holders (IRCS Delhi), or a percentage concession.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CentreExemption {
    /// A code the bill names, e.g. `nfsa_card`.
    pub code: String,
    /// What it is, for people.
    pub description: String,
    /// The items it applies to; empty means every item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<TariffItem>,
    /// The share waived, in percent (100 = free).
    pub percent: Decimal,
}

/// A centre's own tariff.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CentreTariff {
    /// The centre.
    pub centre: String,
    /// Government or private.
    pub sector: Sector,
    /// The first day the tariff applies (it is checked against the ceilings in force then).
    pub effective_from: NaiveDate,
    /// Price per item in rupees (per unit, test or litre).
    pub prices: BTreeMap<TariffItem, Decimal>,
    /// The centre's own exemptions and concessions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exemptions: Vec<CentreExemption>,
}

/// One price against its ceiling.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PriceCheck {
    /// The item.
    pub item: TariffItem,
    /// The centre's price.
    pub price: Decimal,
    /// The national ceiling, when there is one.
    pub ceiling: Option<Decimal>,
}

/// A tariff that is within the ceilings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TariffCheck {
    /// The ceiling schedule used.
    pub schedule: String,
    /// Every price, in item order, with its ceiling.
    pub prices: Vec<PriceCheck>,
}

fn rupees(d: Decimal) -> String {
    format!("₹{}", paisa(d))
}

fn check_amount(field: &str, value: Decimal) -> Result<()> {
    if value <= Decimal::ZERO {
        return Err(RaktError::input(
            field,
            format!("{value} must be more than 0"),
        ));
    }
    if value.normalize().scale() > 2 {
        return Err(RaktError::input(
            field,
            format!("{value} has more than two decimal places (paise)"),
        ));
    }
    Ok(())
}

impl CentreTariff {
    /// An empty tariff.
    pub fn new(centre: &str, sector: Sector, effective_from: NaiveDate) -> CentreTariff {
        CentreTariff {
            centre: centre.to_string(),
            sector,
            effective_from,
            prices: BTreeMap::new(),
            exemptions: Vec::new(),
        }
    }

    /// Check the prices (positive, whole paise) and the exemptions (unique codes, 0 < percent
    /// ≤ 100), then every price against the national ceiling for the centre's sector on
    /// `effective_from`. Prices above their ceilings are refused with `TARIFF_ABOVE_CEILING`,
    /// naming every such item, its price and its ceiling; items without a national ceiling
    /// are allowed.
    pub fn validate(&self) -> Result<TariffCheck> {
        self.check_entries()?;
        let schedule = schedule_on(self.effective_from)?;
        let mut above = Vec::new();
        let mut prices = Vec::new();
        for (item, price) in &self.prices {
            let ceiling = schedule.ceiling(*item, self.sector).map(|c| c.amount);
            if let Some(c) = ceiling {
                if *price > c {
                    above.push(format!("{item} {} (ceiling {})", rupees(*price), rupees(c)));
                }
            }
            prices.push(PriceCheck {
                item: *item,
                price: *price,
                ceiling,
            });
        }
        if !above.is_empty() {
            let sector = self.sector.as_str();
            return Err(RaktError::not_applicable(
                "TARIFF_ABOVE_CEILING",
                format!(
                    "above the {} ceilings for {sector} centres: {}",
                    schedule.title,
                    above.join(", ")
                ),
            ));
        }
        Ok(TariffCheck {
            schedule: schedule.id,
            prices,
        })
    }

    /// Check one tariff's own entries: a named centre, prices positive in whole paise,
    /// exemption codes unique and non-empty with 0 < percent ≤ 100. [`bill`] checks the same.
    fn check_entries(&self) -> Result<()> {
        if crate::text::is_blank(&self.centre) {
            return Err(RaktError::input("centre", "name the blood centre"));
        }
        for (item, price) in &self.prices {
            check_amount(&format!("prices.{item}"), *price)?;
        }
        let mut codes = std::collections::BTreeSet::new();
        for e in &self.exemptions {
            if crate::text::is_blank(&e.code) || !codes.insert(e.code.as_str()) {
                return Err(RaktError::input(
                    "exemptions",
                    format!("exemption code {:?} is empty or repeated", e.code),
                ));
            }
            if e.percent <= Decimal::ZERO || e.percent > Decimal::ONE_HUNDRED {
                return Err(RaktError::input(
                    format!("exemptions.{}.percent", e.code),
                    format!("{} is not more than 0 and at most 100", e.percent),
                ));
            }
        }
        Ok(())
    }
}

/// One line of a bill.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BillLine {
    /// The item.
    pub item: TariffItem,
    /// Units, tests or litres.
    pub quantity: Decimal,
    /// The centre's price.
    pub unit_price: Decimal,
    /// Quantity × price, rounded to the paisa.
    pub gross: Decimal,
    /// The amount waived by an exemption.
    pub waived: Decimal,
    /// What the patient pays for the line.
    pub net: Decimal,
    /// The exemption applied: a statutory category or a centre exemption code.
    pub exemption: Option<String>,
}

/// A bill: its lines and totals, exact to the paisa.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Bill {
    /// The centre.
    pub centre: String,
    /// The date of the bill.
    pub date: NaiveDate,
    /// The lines, in the order given.
    pub lines: Vec<BillLine>,
    /// The sum of the lines' gross amounts.
    pub gross_total: Decimal,
    /// The sum of the amounts waived.
    pub waived_total: Decimal,
    /// What the patient pays.
    pub total: Decimal,
}

/// Bill a patient: each line is `(item, quantity)`; `statutory` names the patient's statutory
/// categories (any one makes every line free), `centre_exemptions` the codes of the centre's
/// exemptions that apply to the patient (the first that covers an item is used).
///
/// Refused: a date before the tariff applies, an item the centre does not price
/// (`TARIFF_ITEM_NOT_PRICED`), a quantity that is not positive or, for items sold per unit or
/// test, not whole, an unknown exemption code, a tariff whose own entries
/// [`CentreTariff::validate`] would refuse (an exemption outside 0–100 %, an empty or repeated
/// exemption code, a price that is not positive whole paise), and an amount too large for a
/// decimal (`InvalidInput` naming `quantity` or `lines`): nothing overflows.
pub fn bill(
    tariff: &CentreTariff,
    lines: &[(TariffItem, Decimal)],
    statutory: &[StatutoryExemption],
    centre_exemptions: &[&str],
    date: NaiveDate,
) -> Result<Bill> {
    if date < tariff.effective_from {
        return Err(RaktError::input(
            "date",
            format!(
                "{date} is before the tariff applies ({})",
                tariff.effective_from
            ),
        ));
    }
    tariff.check_entries()?;
    let mut applicable = Vec::new();
    for code in centre_exemptions {
        let e = tariff
            .exemptions
            .iter()
            .find(|e| e.code == *code)
            .ok_or_else(|| {
                RaktError::input(
                    "centre_exemptions",
                    format!("{} has no exemption {code:?}", tariff.centre),
                )
            })?;
        applicable.push(e);
    }
    let mut out = Vec::new();
    for (item, quantity) in lines {
        if *quantity <= Decimal::ZERO || (!item.per_litre() && !quantity.fract().is_zero()) {
            return Err(RaktError::input(
                "quantity",
                format!(
                    "{quantity} {item}: {}",
                    if item.per_litre() {
                        "must be more than 0 litres"
                    } else {
                        "must be a whole number of units or tests, at least 1"
                    }
                ),
            ));
        }
        let price = tariff.prices.get(item).copied().ok_or_else(|| {
            RaktError::not_applicable(
                "TARIFF_ITEM_NOT_PRICED",
                format!("{} has no price for {item}", tariff.centre),
            )
        })?;
        let gross = paisa(quantity.checked_mul(price).ok_or_else(|| {
            RaktError::input(
                "quantity",
                format!("{quantity} {item} at {price} is too large to bill"),
            )
        })?);
        let (waived, exemption) = if let Some(s) = statutory.first() {
            (gross, Some(s.as_str().to_string()))
        } else if let Some(e) = applicable
            .iter()
            .find(|e| e.items.is_empty() || e.items.contains(item))
        {
            // 0 < percent ≤ 100 (checked above), so the waiver never exceeds the gross amount.
            let waived = gross
                .checked_mul(e.percent)
                .and_then(|w| w.checked_div(Decimal::ONE_HUNDRED))
                .ok_or_else(|| {
                    RaktError::input("quantity", format!("{quantity} {item}: too large to bill"))
                })?;
            (paisa(waived), Some(e.code.clone()))
        } else {
            (paisa(Decimal::ZERO), None)
        };
        out.push(BillLine {
            item: *item,
            quantity: *quantity,
            unit_price: price,
            gross,
            waived,
            net: gross - waived,
            exemption,
        });
    }
    let sum = |amount: fn(&BillLine) -> Decimal| {
        out.iter()
            .try_fold(Decimal::ZERO, |acc, l| acc.checked_add(amount(l)))
            .map(paisa)
            .ok_or_else(|| RaktError::input("lines", "the bill's total is too large to represent"))
    };
    let gross_total = sum(|l| l.gross)?;
    let waived_total = sum(|l| l.waived)?;
    let total = sum(|l| l.net)?;
    Ok(Bill {
        centre: tariff.centre.clone(),
        date,
        lines: out,
        gross_total,
        waived_total,
        total,
    })
}

/// Round to the paisa, half away from zero, always written with two decimals.
fn paisa(amount: Decimal) -> Decimal {
    let mut d = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(2);
    d
}
