//! The stock views of an `Inventory`: `StockRow`, `InventorySummary`, `ExpiringUnit`,
//! `DaysOfStock`, `StockLevel`, `StockGap` and `StockCheck`, frozen result classes.

use super::*;

/// Units of one component and donor group at a time, by state.
#[pyclass(module = "rakt", name = "StockRow", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyStockRow(pub core::StockRow);

json_class!(PyStockRow {
    /// The component.
    #[getter]
    fn component(&self) -> PyComponent {
        self.0.component.into()
    }

    /// The donor group (subgroups and weak D counted with their basic group).
    #[getter]
    fn group(&self) -> PyBloodGroup {
        PyBloodGroup(self.0.group)
    }

    /// Released, unexpired and held for nobody (lapsed holds included).
    #[getter]
    fn available(&self) -> u32 {
        self.0.available
    }

    /// Reserved or crossmatched for a patient, hold not lapsed.
    #[getter]
    fn held(&self) -> u32 {
        self.0.held
    }

    /// Returned and kept for the same patient.
    #[getter]
    fn returned(&self) -> u32 {
        self.0.returned
    }

    /// Collected or in quarantine.
    #[getter]
    fn not_released(&self) -> u32 {
        self.0.not_released
    }

    /// Released or held but expired: to be discarded.
    #[getter]
    fn expired(&self) -> u32 {
        self.0.expired
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let r = &self.0;
        Ok(format!(
            "StockRow(component={}, group={}, available={}, held={}, returned={}, \
             not_released={}, expired={})",
            PyComponent::from(r.component).repr_name(),
            group_repr(py, r.group)?,
            r.available,
            r.held,
            r.returned,
            r.not_released,
            r.expired
        ))
    }
});

/// The stock of a facility at a time, in rakt types and in e-RaktKosh codes.
#[pyclass(module = "rakt", name = "InventorySummary", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyInventorySummary(pub core::InventorySummary);

json_class!(PyInventorySummary {
    /// The facility.
    #[getter]
    fn facility(&self) -> String {
        self.0.facility.clone()
    }

    /// The time the stock is counted at.
    #[getter]
    fn as_of(&self) -> DateTime<FixedOffset> {
        self.0.as_of
    }

    /// One row per component and donor group with a unit in stock, by component then group.
    #[getter]
    fn rows(&self) -> Vec<PyStockRow> {
        self.0.rows.iter().cloned().map(PyStockRow).collect()
    }

    /// The available stock as the e-RaktKosh availability search shows it.
    #[getter]
    fn eraktkosh(&self) -> PyCentreStock {
        PyCentreStock(self.0.eraktkosh.clone())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "InventorySummary(facility={}, as_of={}, rows={})",
            py_repr_str(py, &self.0.facility)?,
            self.0.as_of.to_rfc3339(),
            self.0.rows.len()
        ))
    }
});

/// A unit in stock that expires soon.
#[pyclass(module = "rakt", name = "ExpiringUnit", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyExpiringUnit(pub core::ExpiringUnit);

json_class!(PyExpiringUnit {
    /// The unit's id (`DIN` or `DIN/A0`).
    #[getter]
    fn id(&self) -> String {
        self.0.id.to_string()
    }

    /// Its component.
    #[getter]
    fn component(&self) -> PyComponent {
        self.0.component.into()
    }

    /// Its exact group.
    #[getter]
    fn group(&self) -> PyBloodGroup {
        PyBloodGroup(self.0.group)
    }

    /// Its status at the time asked.
    #[getter]
    fn status(&self) -> PyUnitStatus {
        self.0.status.into()
    }

    /// When it expires.
    #[getter]
    fn expires_at(&self) -> DateTime<FixedOffset> {
        self.0.expires_at
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "ExpiringUnit(id={}, group={}, status={}, expires_at={})",
            py_repr_str(py, &self.0.id.to_string())?,
            group_repr(py, self.0.group)?,
            PyUnitStatus::from(self.0.status).repr_name(),
            self.0.expires_at.to_rfc3339()
        ))
    }
});

/// Days of stock of one component and donor group: stock on hand ÷ average daily issues.
#[pyclass(module = "rakt", name = "DaysOfStock", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyDaysOfStock(pub core::DaysOfStock);

json_class!(PyDaysOfStock {
    /// The component.
    #[getter]
    fn component(&self) -> PyComponent {
        self.0.component.into()
    }

    /// The donor group.
    #[getter]
    fn group(&self) -> PyBloodGroup {
        PyBloodGroup(self.0.group)
    }

    /// Available units at the time asked.
    #[getter]
    fn on_hand(&self) -> u32 {
        self.0.on_hand
    }

    /// Units issued (normally or in an emergency) in the window.
    #[getter]
    fn issued(&self) -> u32 {
        self.0.issued
    }

    /// The window, in days.
    #[getter]
    fn window_days(&self) -> u32 {
        self.0.window_days
    }

    /// Issues per day, to 2 decimal places.
    #[getter]
    fn average_daily_issues(&self) -> Decimal {
        self.0.average_daily_issues
    }

    /// On hand ÷ average daily issues, to 1 decimal place; `None` when nothing was issued.
    #[getter]
    fn days(&self) -> Option<Decimal> {
        self.0.days
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let d = &self.0;
        Ok(format!(
            "DaysOfStock(component={}, group={}, on_hand={}, issued={}, window_days={}, days={})",
            PyComponent::from(d.component).repr_name(),
            group_repr(py, d.group)?,
            d.on_hand,
            d.issued,
            d.window_days,
            d.days
                .map_or_else(|| "None".to_string(), |v| format!("Decimal('{v}')"))
        ))
    }
});

/// A stock level: at least `units` units of `group` among `components`.
#[pyclass(module = "rakt", name = "StockLevel", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyStockLevel(pub StockLevel);

json_class!(PyStockLevel {
    /// `StockLevel(group, components, units)`.
    #[new]
    fn new(
        group: &Bound<'_, PyAny>,
        components: &Bound<'_, PyAny>,
        units: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        Ok(PyStockLevel(StockLevel {
            group: PyBloodGroup::extract_arg(group, "group")?,
            components: items(Some(components), "components", |c| {
                PyComponent::extract_arg(c, "components")
            })?,
            units: to_u32(units, "units")?,
        }))
    }

    /// The donor group counted (ABO and RhD).
    #[getter]
    fn group(&self) -> PyBloodGroup {
        PyBloodGroup(self.0.group)
    }

    /// The components that count towards the level.
    #[getter]
    fn components(&self) -> Vec<PyComponent> {
        components(&self.0.components)
    }

    /// The number of units.
    #[getter]
    fn units(&self) -> u32 {
        self.0.units
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let names: Vec<String> = self.components().iter().map(|c| c.repr_name()).collect();
        Ok(format!(
            "StockLevel(group={}, components=[{}], units={})",
            group_repr(py, self.0.group)?,
            names.join(", "),
            self.0.units
        ))
    }
});

/// One stock level against the stock on hand.
#[pyclass(module = "rakt", name = "StockGap", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyStockGap(pub core::StockGap);

json_class!(PyStockGap {
    /// The donor group.
    #[getter]
    fn group(&self) -> PyBloodGroup {
        PyBloodGroup(self.0.group)
    }

    /// The components counted.
    #[getter]
    fn components(&self) -> Vec<PyComponent> {
        components(&self.0.components)
    }

    /// The level.
    #[getter]
    fn required(&self) -> u32 {
        self.0.required
    }

    /// Available units counted.
    #[getter]
    fn on_hand(&self) -> u32 {
        self.0.on_hand
    }

    /// How many units are missing (0 when the level is met).
    #[getter]
    fn missing(&self) -> u32 {
        self.0.missing
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "StockGap(group={}, required={}, on_hand={}, missing={})",
            group_repr(py, self.0.group)?,
            self.0.required,
            self.0.on_hand,
            self.0.missing
        ))
    }
});

/// Stock levels checked against the stock on hand.
#[pyclass(module = "rakt", name = "StockCheck", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyStockCheck(pub core::StockCheck);

json_class!(PyStockCheck {
    /// The time of the check.
    #[getter]
    fn as_of(&self) -> DateTime<FixedOffset> {
        self.0.as_of
    }

    /// Every level, in the order given.
    #[getter]
    fn levels(&self) -> Vec<PyStockGap> {
        self.0.levels.iter().cloned().map(PyStockGap).collect()
    }

    /// Whether every level is met.
    #[getter]
    fn met(&self) -> bool {
        self.0.met
    }

    /// The levels that are not met.
    #[getter]
    fn gaps(&self) -> Vec<PyStockGap> {
        self.0.gaps().into_iter().cloned().map(PyStockGap).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "StockCheck(as_of={}, met={}, gaps={})",
            self.0.as_of.to_rfc3339(),
            py_bool(self.0.met),
            self.0.gaps().len()
        )
    }
});

// ---- the inventory ---------------------------------------------------------------------------
