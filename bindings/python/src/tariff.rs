//! Processing charges (`rakt.tariff`): the NBTC ceilings, a centre's tariff checked against
//! them, and bills exact to the paisa. The public module `rakt.tariff` re-exports these under
//! their plain names; every rule (ceilings, rounding, exemptions) is the core's, `rakt::tariff`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyMapping;
use rust_decimal::Decimal;

use crate::convert::{items, py_repr, py_repr_str, to_date, to_decimal, wrong_item};
use crate::enums::{PySector, PyStatutoryExemption, PyTariffItem};
use crate::errors::OrRaise;
use crate::json_class::json_class;
use crate::policy::PySource;

use rakt::tariff as core;

/// `Decimal('1550')`, as Python writes a decimal.
fn decimal_repr(d: Decimal) -> String {
    format!("Decimal('{d}')")
}

/// One ceiling: the most a centre of a sector may charge for an item.
#[pyclass(module = "rakt.tariff", name = "Ceiling", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyCeiling(pub core::Ceiling);

json_class!(PyCeiling {
        /// The item.
        #[getter]
        fn item(&self) -> PyTariffItem {
            self.0.item.into()
        }

        /// The sector.
        #[getter]
        fn sector(&self) -> PySector {
            self.0.sector.into()
        }

        /// The ceiling in rupees (per unit, test or litre).
        #[getter]
        fn amount(&self) -> Decimal {
            self.0.amount
        }

        /// Where the figure comes from.
        #[getter]
        fn source(&self) -> PySource {
            PySource(self.0.source.clone())
        }

        fn __repr__(&self) -> String {
            format!(
                "Ceiling(item={}, sector={}, amount={})",
                PyTariffItem::from(self.0.item).repr_name(),
                PySector::from(self.0.sector).repr_name(),
                decimal_repr(self.0.amount)
            )
        }
});

/// A dated version of the national ceilings.
#[pyclass(module = "rakt.tariff", name = "CeilingSchedule", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyCeilingSchedule(pub core::CeilingSchedule);

json_class!(PyCeilingSchedule {
        /// A stable identifier, e.g. `nbtc-2022`.
        #[getter]
        fn id(&self) -> String {
            self.0.id.clone()
        }

        /// A name for people, e.g. `NBTC 2022`.
        #[getter]
        fn title(&self) -> String {
            self.0.title.clone()
        }

        /// The first day it applies; None when that is not known.
        #[getter]
        fn effective_from(&self) -> Option<NaiveDate> {
            self.0.effective_from
        }

        /// The last day it applies; None while in force.
        #[getter]
        fn effective_until(&self) -> Option<NaiveDate> {
            self.0.effective_until
        }

        /// What is known and not known about its dates.
        #[getter]
        fn note(&self) -> String {
            self.0.note.clone()
        }

        /// The ceilings it sets; items it does not name have no national ceiling.
        #[getter]
        fn ceilings(&self) -> Vec<PyCeiling> {
            self.0.ceilings.iter().cloned().map(PyCeiling).collect()
        }

        /// The ceiling for an item and sector (members or their codes), or None.
        fn ceiling(
            &self,
            item: &Bound<'_, PyAny>,
            sector: &Bound<'_, PyAny>,
        ) -> PyResult<Option<PyCeiling>> {
            let item = PyTariffItem::extract_arg(item, "item")?;
            let sector = PySector::extract_arg(sector, "sector")?;
            Ok(self.0.ceiling(item, sector).cloned().map(PyCeiling))
        }

        /// Whether the schedule applies on a date.
        fn applies_on(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
            Ok(self.0.applies_on(to_date(date, "date")?))
        }

        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            Ok(format!(
                "CeilingSchedule(id={}, effective_from={}, effective_until={}, ceilings={})",
                py_repr_str(py, &self.0.id)?,
                py_repr(py, self.0.effective_from)?,
                py_repr(py, self.0.effective_until)?,
                self.0.ceilings.len()
            ))
        }
});

/// A per-centre exemption or concession.
#[pyclass(
    module = "rakt.tariff",
    name = "CentreExemption",
    frozen,
    eq,
    from_py_object
)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyCentreExemption(pub core::CentreExemption);

json_class!(PyCentreExemption {
        /// `CentreExemption(code, description, items=(), *, percent)`: `items` (members or codes)
        /// empty means every item; `percent` is the share waived (100 = free). Checked by
        /// `CentreTariff.validate()`.
        #[new]
        #[pyo3(signature = (code, description, items=None, *, percent))]
        fn new(
            code: String,
            description: String,
            items: Option<&Bound<'_, PyAny>>,
            percent: &Bound<'_, PyAny>,
        ) -> PyResult<Self> {
            let items =
                crate::convert::items(items, "items", |i| PyTariffItem::extract_arg(i, "items"))?;
            Ok(PyCentreExemption(core::CentreExemption {
                code,
                description,
                items,
                percent: to_decimal(percent, "percent")?,
            }))
        }

        /// A code the bill names, e.g. `nfsa_card`.
        #[getter]
        fn code(&self) -> String {
            self.0.code.clone()
        }

        /// What it is, for people.
        #[getter]
        fn description(&self) -> String {
            self.0.description.clone()
        }

        /// The items it applies to; empty means every item.
        #[getter]
        fn items(&self) -> Vec<PyTariffItem> {
            self.0
                .items
                .iter()
                .map(|i| PyTariffItem::from(*i))
                .collect()
        }

        /// The share waived, in percent (100 = free).
        #[getter]
        fn percent(&self) -> Decimal {
            self.0.percent
        }

        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            let items: Vec<String> = self
                .0
                .items
                .iter()
                .map(|i| PyTariffItem::from(*i).repr_name())
                .collect();
            Ok(format!(
                "CentreExemption(code={}, description={}, items=[{}], percent={})",
                py_repr_str(py, &self.0.code)?,
                py_repr_str(py, &self.0.description)?,
                items.join(", "),
                decimal_repr(self.0.percent)
            ))
        }
});

/// A centre's own tariff.
#[pyclass(
    module = "rakt.tariff",
    name = "CentreTariff",
    frozen,
    eq,
    from_py_object
)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyCentreTariff(pub core::CentreTariff);

json_class!(PyCentreTariff {
        /// `CentreTariff(centre, sector, effective_from, prices, exemptions=())`: `prices` is a
        /// mapping of items (members or codes) to rupees (`Decimal` or `int`). Checked by
        /// `validate()`.
        #[new]
        #[pyo3(signature = (centre, sector, effective_from, prices, exemptions=None))]
        fn new(
            centre: String,
            sector: &Bound<'_, PyAny>,
            effective_from: &Bound<'_, PyAny>,
            prices: &Bound<'_, PyAny>,
            exemptions: Option<&Bound<'_, PyAny>>,
        ) -> PyResult<Self> {
            let sector = PySector::extract_arg(sector, "sector")?;
            let effective_from = to_date(effective_from, "effective_from")?;
            let prices = prices.cast::<PyMapping>().map_err(|_| {
            PyTypeError::new_err(
                "prices must be a mapping of rakt.tariff.TariffItem (or its code) to Decimal or int",
            )
        })?;
            let mut map = BTreeMap::new();
            for pair in prices.items()?.iter() {
                let (item, price): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair.extract()?;
                let item = PyTariffItem::extract_arg(&item, "prices")?;
                map.insert(item, to_decimal(&price, &format!("prices.{item}"))?);
            }
            let exemptions = items(exemptions, "exemptions", |e| {
                e.cast::<PyCentreExemption>()
                    .map(|e| e.get().0.clone())
                    .map_err(|_| wrong_item("exemptions", "rakt.tariff.CentreExemption", e))
            })?;
            Ok(PyCentreTariff(core::CentreTariff {
                centre,
                sector,
                effective_from,
                prices: map,
                exemptions,
            }))
        }

        /// The centre.
        #[getter]
        fn centre(&self) -> String {
            self.0.centre.clone()
        }

        /// Government or private.
        #[getter]
        fn sector(&self) -> PySector {
            self.0.sector.into()
        }

        /// The first day the tariff applies.
        #[getter]
        fn effective_from(&self) -> NaiveDate {
            self.0.effective_from
        }

        /// Price per item in rupees, in item order.
        #[getter]
        fn prices(&self) -> BTreeMap<PyTariffItem, Decimal> {
            self.0
                .prices
                .iter()
                .map(|(i, p)| (PyTariffItem::from(*i), *p))
                .collect()
        }

        /// The centre's own exemptions and concessions.
        #[getter]
        fn exemptions(&self) -> Vec<PyCentreExemption> {
            self.0
                .exemptions
                .iter()
                .cloned()
                .map(PyCentreExemption)
                .collect()
        }

        /// Check the prices and exemptions, then every price against the national ceiling for the
        /// sector on `effective_from`; above a ceiling raises NotApplicable `TARIFF_ABOVE_CEILING`.
        fn validate(&self) -> PyResult<PyTariffCheck> {
            self.0.validate().or_raise().map(PyTariffCheck)
        }

        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            Ok(format!(
                "CentreTariff(centre={}, sector={}, effective_from={}, prices={}, exemptions={})",
                py_repr_str(py, &self.0.centre)?,
                PySector::from(self.0.sector).repr_name(),
                py_repr(py, self.0.effective_from)?,
                self.0.prices.len(),
                self.0.exemptions.len()
            ))
        }
});

/// One price against its ceiling.
#[pyclass(module = "rakt.tariff", name = "PriceCheck", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyPriceCheck(pub core::PriceCheck);

json_class!(PyPriceCheck {
        /// The item.
        #[getter]
        fn item(&self) -> PyTariffItem {
            self.0.item.into()
        }

        /// The centre's price.
        #[getter]
        fn price(&self) -> Decimal {
            self.0.price
        }

        /// The national ceiling, or None when there is none.
        #[getter]
        fn ceiling(&self) -> Option<Decimal> {
            self.0.ceiling
        }

        fn __repr__(&self) -> String {
            format!(
                "PriceCheck(item={}, price={}, ceiling={})",
                PyTariffItem::from(self.0.item).repr_name(),
                decimal_repr(self.0.price),
                self.0.ceiling.map_or("None".to_string(), decimal_repr)
            )
        }
});

/// A tariff that is within the ceilings.
#[pyclass(module = "rakt.tariff", name = "TariffCheck", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyTariffCheck(pub core::TariffCheck);

json_class!(PyTariffCheck {
        /// The id of the ceiling schedule used.
        #[getter]
        fn schedule(&self) -> String {
            self.0.schedule.clone()
        }

        /// Every price, in item order, with its ceiling.
        #[getter]
        fn prices(&self) -> Vec<PyPriceCheck> {
            self.0.prices.iter().cloned().map(PyPriceCheck).collect()
        }

        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            Ok(format!(
                "TariffCheck(schedule={}, prices={})",
                py_repr_str(py, &self.0.schedule)?,
                self.0.prices.len()
            ))
        }
});

/// One line of a bill.
#[pyclass(module = "rakt.tariff", name = "BillLine", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyBillLine(pub core::BillLine);

json_class!(PyBillLine {
    /// The item.
    #[getter]
    fn item(&self) -> PyTariffItem {
        self.0.item.into()
    }

    /// Units, tests or litres.
    #[getter]
    fn quantity(&self) -> Decimal {
        self.0.quantity
    }

    /// The centre's price.
    #[getter]
    fn unit_price(&self) -> Decimal {
        self.0.unit_price
    }

    /// Quantity × price, rounded to the paisa.
    #[getter]
    fn gross(&self) -> Decimal {
        self.0.gross
    }

    /// The amount waived by an exemption.
    #[getter]
    fn waived(&self) -> Decimal {
        self.0.waived
    }

    /// What the patient pays for the line.
    #[getter]
    fn net(&self) -> Decimal {
        self.0.net
    }

    /// The exemption applied: a statutory category's code or a centre exemption code.
    #[getter]
    fn exemption(&self) -> Option<String> {
        self.0.exemption.clone()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "BillLine(item={}, quantity={}, gross={}, waived={}, net={}, exemption={})",
            PyTariffItem::from(self.0.item).repr_name(),
            decimal_repr(self.0.quantity),
            decimal_repr(self.0.gross),
            decimal_repr(self.0.waived),
            decimal_repr(self.0.net),
            py_repr(py, self.0.exemption.as_deref())?
        ))
    }
});

/// A bill: its lines and totals, exact to the paisa.
#[pyclass(module = "rakt.tariff", name = "Bill", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyBill(pub core::Bill);

json_class!(PyBill {
        /// The centre.
        #[getter]
        fn centre(&self) -> String {
            self.0.centre.clone()
        }

        /// The date of the bill.
        #[getter]
        fn date(&self) -> NaiveDate {
            self.0.date
        }

        /// The lines, in the order given.
        #[getter]
        fn lines(&self) -> Vec<PyBillLine> {
            self.0.lines.iter().cloned().map(PyBillLine).collect()
        }

        /// The sum of the lines' gross amounts.
        #[getter]
        fn gross_total(&self) -> Decimal {
            self.0.gross_total
        }

        /// The sum of the amounts waived.
        #[getter]
        fn waived_total(&self) -> Decimal {
            self.0.waived_total
        }

        /// What the patient pays.
        #[getter]
        fn total(&self) -> Decimal {
            self.0.total
        }

        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            Ok(format!(
                "Bill(centre={}, date={}, lines={}, gross_total={}, waived_total={}, total={})",
                py_repr_str(py, &self.0.centre)?,
                py_repr(py, self.0.date)?,
                self.0.lines.len(),
                decimal_repr(self.0.gross_total),
                decimal_repr(self.0.waived_total),
                decimal_repr(self.0.total)
            ))
        }
});

/// The NBTC 2022 ceilings (in force).
#[pyfunction]
fn tariff_nbtc_2022() -> PyCeilingSchedule {
    PyCeilingSchedule(core::nbtc_2022())
}

/// The ceilings before the 2022 revision, as far as known.
#[pyfunction]
fn tariff_nbtc_before_2022() -> PyCeilingSchedule {
    PyCeilingSchedule(core::nbtc_before_2022())
}

/// Every built-in schedule, oldest first.
#[pyfunction]
fn tariff_ceiling_schedules() -> Vec<PyCeilingSchedule> {
    core::ceiling_schedules()
        .into_iter()
        .map(PyCeilingSchedule)
        .collect()
}

/// The schedule in force on a date.
#[pyfunction]
fn tariff_schedule_on(date: &Bound<'_, PyAny>) -> PyResult<PyCeilingSchedule> {
    core::schedule_on(to_date(date, "date")?)
        .or_raise()
        .map(PyCeilingSchedule)
}

/// Bill a patient: `lines` are `(item, quantity)` pairs.
#[pyfunction]
#[pyo3(signature = (tariff, lines, statutory=None, centre_exemptions=None, *, date))]
fn tariff_bill(
    tariff: &Bound<'_, PyCentreTariff>,
    lines: &Bound<'_, PyAny>,
    statutory: Option<&Bound<'_, PyAny>>,
    centre_exemptions: Option<&Bound<'_, PyAny>>,
    date: &Bound<'_, PyAny>,
) -> PyResult<PyBill> {
    let field = "lines";
    let lines = items(Some(lines), field, |line| {
        let wrong = || wrong_item(field, "(rakt.tariff.TariffItem | str, Decimal | int)", line);
        let (item, quantity): (Bound<'_, PyAny>, Bound<'_, PyAny>) =
            line.extract().map_err(|_| wrong())?;
        let item = PyTariffItem::extract_arg(&item, field)?;
        Ok((item, to_decimal(&quantity, "quantity")?))
    })?;
    let statutory = items(statutory, "statutory", |s| {
        PyStatutoryExemption::extract_arg(s, "statutory")
    })?;
    let codes: Vec<String> = items(centre_exemptions, "centre_exemptions", |c| {
        c.extract::<String>()
            .map_err(|_| wrong_item("centre_exemptions", "str", c))
    })?;
    let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
    let date = to_date(date, "date")?;
    core::bill(&tariff.get().0, &lines, &statutory, &codes, date)
        .or_raise()
        .map(PyBill)
}

/// Adds the processing-charge names to the native module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyCeiling>()?;
    m.add_class::<PyCeilingSchedule>()?;
    m.add_class::<PyCentreExemption>()?;
    m.add_class::<PyCentreTariff>()?;
    m.add_class::<PyPriceCheck>()?;
    m.add_class::<PyTariffCheck>()?;
    m.add_class::<PyBillLine>()?;
    m.add_class::<PyBill>()?;
    m.add(
        "TARIFF_STATUTORY_EXEMPTION_SOURCE",
        core::STATUTORY_EXEMPTION_SOURCE,
    )?;
    m.add_function(wrap_pyfunction!(tariff_nbtc_2022, m)?)?;
    m.add_function(wrap_pyfunction!(tariff_nbtc_before_2022, m)?)?;
    m.add_function(wrap_pyfunction!(tariff_ceiling_schedules, m)?)?;
    m.add_function(wrap_pyfunction!(tariff_schedule_on, m)?)?;
    m.add_function(wrap_pyfunction!(tariff_bill, m)?)?;
    Ok(())
}
