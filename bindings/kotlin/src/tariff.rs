//! Processing charges: the NBTC ceilings by date and sector, a centre's tariff checked against
//! them, and bills exact to the paisa. Kotlin: `nbtc2022`, `nbtcBefore2022`,
//! `ceilingSchedules`, `scheduleOn`, `scheduleCeiling`, `scheduleAppliesOn`,
//! `tariffItemPerLitre`, `validateTariff`, `bill` and `statutoryExemptionSource`. Every rule
//! (ceilings, rounding, exemptions) is the core's, `rakt::tariff`; this file only translates
//! types.

use std::collections::HashMap;

use rakt::tariff as core;

use crate::error::Result;
use crate::macros::mirror_enum;
use crate::policy::{Alternative, Source};
use crate::time::{Date, Decimal};

mirror_enum! {
    /// Who runs a blood centre: the ceilings differ.
    pub enum Sector => core::Sector {
        /// A government blood centre.
        Government,
        /// A private or other non-government blood centre.
        Private,
    }
}

mirror_enum! {
    /// Something a blood centre charges for.
    pub enum TariffItem => core::TariffItem {
        /// Whole blood, per unit.
        WholeBlood,
        /// Packed red cells, per unit.
        PackedRedCells,
        /// Fresh frozen plasma, per unit.
        FreshFrozenPlasma,
        /// Random-donor platelet concentrate, per unit.
        PlateletConcentrate,
        /// Cryoprecipitate, per unit.
        Cryoprecipitate,
        /// Single-donor (apheresis) platelets, per unit.
        SingleDonorPlatelets,
        /// Surplus plasma supplied for fractionation, per litre.
        SurplusPlasmaForFractionation,
        /// Irradiation of a component, per unit (an add-on).
        Irradiation,
        /// Leucoreduction of a component, per unit (an add-on).
        Leucoreduction,
        /// Antibody screening with a 3-cell panel, per test.
        AntibodyScreening,
        /// Grouping and crossmatching, per test.
        GroupingAndCrossmatching,
        /// Rh phenotyping (extended serology), per test.
        RhPhenotyping,
    }
}

mirror_enum! {
    /// Patients who must get blood and components free of charge (repeated transfusion).
    pub enum StatutoryExemption => core::StatutoryExemption {
        /// Thalassaemia.
        Thalassaemia,
        /// Haemophilia.
        Haemophilia,
        /// Sickle-cell anaemia.
        SickleCellAnaemia,
        /// Another blood dyscrasia needing repeated transfusion.
        OtherDyscrasiaRepeatedTransfusion,
    }
}

/// One ceiling: the most a centre of a sector may charge for an item.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CeilingSchedule {
    /// A stable identifier, e.g. `nbtc-2022`.
    pub id: String,
    /// A name for people, e.g. `NBTC 2022`.
    pub title: String,
    /// The first day it applies; null when that is not known.
    pub effective_from: Option<Date>,
    /// The last day it applies; null while in force.
    pub effective_until: Option<Date>,
    /// What is known and not known about its dates.
    pub note: String,
    /// The ceilings it sets; items it does not name have no national ceiling.
    pub ceilings: Vec<Ceiling>,
}

/// A per-centre exemption or concession.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CentreExemption {
    /// A code the bill names, e.g. `nfsa_card`.
    pub code: String,
    /// What it is, for people.
    pub description: String,
    /// The share waived, in percent (100 = free).
    pub percent: Decimal,
    /// The items it applies to; empty means every item.
    #[uniffi(default = [])]
    pub items: Vec<TariffItem>,
}

/// A centre's own tariff.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CentreTariff {
    /// The centre.
    pub centre: String,
    /// Government or private.
    pub sector: Sector,
    /// The first day the tariff applies (checked against the ceilings in force then).
    pub effective_from: Date,
    /// Price per item in rupees (per unit, test or litre).
    pub prices: HashMap<TariffItem, Decimal>,
    /// The centre's own exemptions and concessions.
    #[uniffi(default = [])]
    pub exemptions: Vec<CentreExemption>,
}

/// One price against its ceiling.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PriceCheck {
    /// The item.
    pub item: TariffItem,
    /// The centre's price.
    pub price: Decimal,
    /// The national ceiling; null when there is none.
    pub ceiling: Option<Decimal>,
}

/// A tariff that is within the ceilings.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TariffCheck {
    /// The id of the ceiling schedule used.
    pub schedule: String,
    /// Every price, in item order, with its ceiling.
    pub prices: Vec<PriceCheck>,
}

/// An item to bill and how much of it (units, tests or litres).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BillItem {
    /// The item.
    pub item: TariffItem,
    /// Units or tests (whole), or litres.
    pub quantity: Decimal,
}

/// One line of a bill.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BillLine {
    /// The item.
    pub item: TariffItem,
    /// Units, tests or litres.
    pub quantity: Decimal,
    /// The centre's price.
    pub unit_price: Decimal,
    /// Quantity × price, rounded to the paisa (scale 2).
    pub gross: Decimal,
    /// The amount waived by an exemption.
    pub waived: Decimal,
    /// What the patient pays for the line.
    pub net: Decimal,
    /// The exemption applied: a statutory category's code or a centre exemption code.
    pub exemption: Option<String>,
}

/// A bill: its lines and totals, exact to the paisa.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Bill {
    /// The centre.
    pub centre: String,
    /// The date of the bill.
    pub date: Date,
    /// The lines, in the order given.
    pub lines: Vec<BillLine>,
    /// The sum of the lines' gross amounts.
    pub gross_total: Decimal,
    /// The sum of the amounts waived.
    pub waived_total: Decimal,
    /// What the patient pays.
    pub total: Decimal,
}

impl From<core::Ceiling> for Ceiling {
    fn from(c: core::Ceiling) -> Self {
        Ceiling {
            item: c.item.into(),
            sector: c.sector.into(),
            amount: c.amount.into(),
            source: Source::from(&c.source),
        }
    }
}

impl From<core::CeilingSchedule> for CeilingSchedule {
    fn from(s: core::CeilingSchedule) -> Self {
        CeilingSchedule {
            id: s.id,
            title: s.title,
            effective_from: s.effective_from.map(Date::from),
            effective_until: s.effective_until.map(Date::from),
            note: s.note,
            ceilings: s.ceilings.into_iter().map(Ceiling::from).collect(),
        }
    }
}

fn source_to_core(s: &Source) -> rakt::Source {
    rakt::Source {
        citation: s.citation.clone().into(),
        confidence: s.confidence.into(),
        note: s.note.clone(),
        alternatives: s
            .alternatives
            .iter()
            .map(|a: &Alternative| rakt::policy::Alternative {
                value: a.value.clone(),
                citation: a.citation.clone(),
            })
            .collect(),
    }
}

impl CeilingSchedule {
    fn to_core(&self) -> Result<core::CeilingSchedule> {
        let opt_date =
            |d: &Option<Date>, field: &str| d.as_ref().map(|d| d.parse(field)).transpose();
        Ok(core::CeilingSchedule {
            id: self.id.clone(),
            title: self.title.clone(),
            effective_from: opt_date(&self.effective_from, "schedule.effective_from")?,
            effective_until: opt_date(&self.effective_until, "schedule.effective_until")?,
            note: self.note.clone(),
            ceilings: self
                .ceilings
                .iter()
                .map(|c| {
                    Ok(core::Ceiling {
                        item: c.item.into(),
                        sector: c.sector.into(),
                        amount: c.amount.parse("schedule.ceilings.amount")?,
                        source: source_to_core(&c.source),
                    })
                })
                .collect::<Result<_>>()?,
        })
    }
}

impl CentreTariff {
    fn to_core(&self) -> Result<core::CentreTariff> {
        let mut prices = std::collections::BTreeMap::new();
        for (item, price) in &self.prices {
            let item = core::TariffItem::from(*item);
            prices.insert(item, price.parse(&format!("prices.{item}"))?);
        }
        let exemptions = self
            .exemptions
            .iter()
            .map(|e| {
                Ok(core::CentreExemption {
                    code: e.code.clone(),
                    description: e.description.clone(),
                    items: e.items.iter().map(|i| (*i).into()).collect(),
                    percent: e.percent.parse(&format!("exemptions.{}.percent", e.code))?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(core::CentreTariff {
            centre: self.centre.clone(),
            sector: self.sector.into(),
            effective_from: self.effective_from.parse("effective_from")?,
            prices,
            exemptions,
        })
    }
}

impl From<core::BillLine> for BillLine {
    fn from(l: core::BillLine) -> Self {
        BillLine {
            item: l.item.into(),
            quantity: l.quantity.into(),
            unit_price: l.unit_price.into(),
            gross: l.gross.into(),
            waived: l.waived.into(),
            net: l.net.into(),
            exemption: l.exemption,
        }
    }
}

/// The NBTC 2022 ceilings (in force), each with its source.
#[uniffi::export]
pub fn nbtc_2022() -> CeilingSchedule {
    core::nbtc_2022().into()
}

/// The ceilings before the 2022 revision, as far as known (whole blood and red cells).
#[uniffi::export]
pub fn nbtc_before_2022() -> CeilingSchedule {
    core::nbtc_before_2022().into()
}

/// Every built-in schedule, oldest first.
#[uniffi::export]
pub fn ceiling_schedules() -> Vec<CeilingSchedule> {
    core::ceiling_schedules()
        .into_iter()
        .map(CeilingSchedule::from)
        .collect()
}

/// The schedule in force on a date.
#[uniffi::export]
pub fn schedule_on(date: Date) -> Result<CeilingSchedule> {
    Ok(core::schedule_on(date.parse("date")?)?.into())
}

/// The ceiling a schedule sets for an item and sector; null when it sets none.
#[uniffi::export]
pub fn schedule_ceiling(
    schedule: CeilingSchedule,
    item: TariffItem,
    sector: Sector,
) -> Result<Option<Ceiling>> {
    let schedule = schedule.to_core()?;
    Ok(schedule
        .ceiling(item.into(), sector.into())
        .cloned()
        .map(Ceiling::from))
}

/// Whether a schedule applies on a date.
#[uniffi::export]
pub fn schedule_applies_on(schedule: CeilingSchedule, date: Date) -> Result<bool> {
    Ok(schedule.to_core()?.applies_on(date.parse("date")?))
}

/// Whether an item is sold by the litre (a quantity may be fractional); every other item is
/// sold by the unit or test.
#[uniffi::export]
pub fn tariff_item_per_litre(item: TariffItem) -> bool {
    core::TariffItem::from(item).per_litre()
}

/// The source of the statutory exemptions.
#[uniffi::export]
pub fn statutory_exemption_source() -> String {
    core::STATUTORY_EXEMPTION_SOURCE.to_string()
}

/// Check a centre's prices (positive, whole paise) and exemptions (unique codes, 0 < percent
/// ≤ 100), then every price against the national ceiling for its sector on `effectiveFrom`.
/// Prices above their ceilings are refused with `RaktException.NotApplicable`
/// (`TARIFF_ABOVE_CEILING`) naming every such item, its price and its ceiling.
#[uniffi::export]
pub fn validate_tariff(tariff: CentreTariff) -> Result<TariffCheck> {
    let check = tariff.to_core()?.validate()?;
    Ok(TariffCheck {
        schedule: check.schedule,
        prices: check
            .prices
            .into_iter()
            .map(|p| PriceCheck {
                item: p.item.into(),
                price: p.price.into(),
                ceiling: p.ceiling.map(Decimal::from),
            })
            .collect(),
    })
}

/// Bill a patient on `date`: any `statutory` category makes every line free;
/// `centreExemptions` are codes of the centre's exemptions that apply to the patient (the
/// first that covers an item is used). A date before the tariff applies, a bad quantity or an
/// unknown exemption code is `RaktException.InvalidInput`; an item the centre does not price
/// is `RaktException.NotApplicable` (`TARIFF_ITEM_NOT_PRICED`).
#[uniffi::export(default(statutory = [], centre_exemptions = []))]
pub fn bill(
    tariff: CentreTariff,
    lines: Vec<BillItem>,
    statutory: Vec<StatutoryExemption>,
    centre_exemptions: Vec<String>,
    date: Date,
) -> Result<Bill> {
    let tariff = tariff.to_core()?;
    let lines = lines
        .iter()
        .map(|l| Ok((l.item.into(), l.quantity.parse("quantity")?)))
        .collect::<Result<Vec<_>>>()?;
    let statutory: Vec<core::StatutoryExemption> = statutory.into_iter().map(Into::into).collect();
    let codes: Vec<&str> = centre_exemptions.iter().map(String::as_str).collect();
    let b = core::bill(&tariff, &lines, &statutory, &codes, date.parse("date")?)?;
    Ok(Bill {
        centre: b.centre,
        date: b.date.into(),
        lines: b.lines.into_iter().map(BillLine::from).collect(),
        gross_total: b.gross_total.into(),
        waived_total: b.waived_total.into(),
        total: b.total.into(),
    })
}
