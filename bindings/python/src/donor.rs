//! Donors: `PreviousDonation`, `DeferralEvent`, `Donor`, `DonorChecks`, `DonorAssessment` and
//! `assess_donor`.

use chrono::NaiveDate;
use pyo3::prelude::*;
use rust_decimal::Decimal;

use crate::convert::{
    items, py_bool, py_repr, py_repr_str, to_date, to_decimal, to_u32, wrong_item,
};
use crate::enums::{PyCondition, PyDeferralKind, PyDonationKind, PyDonorState, PySex, PyTtiMarker};
use crate::errors::OrRaise;
use crate::json_class::json_class;
use crate::policy::{PyPolicy, policy_or_default};
use crate::verdicts::{PyReason, codes, reasons};

fn opt_repr<T>(value: Option<T>, repr: impl FnOnce(T) -> PyResult<String>) -> PyResult<String> {
    value.map_or_else(|| Ok("None".to_string()), repr)
}

/// A donation the donor gave before.
#[pyclass(module = "rakt", name = "PreviousDonation", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyPreviousDonation(pub rakt::PreviousDonation);

json_class!(PyPreviousDonation {
    /// `PreviousDonation(date, kind, red_cells_returned=True)`: `date` is a `datetime.date`;
    /// `red_cells_returned` (apheresis only) says whether reinfusion was complete.
    #[new]
    #[pyo3(signature = (date, kind, red_cells_returned = true))]
    fn new(
        date: &Bound<'_, PyAny>,
        kind: &Bound<'_, PyAny>,
        red_cells_returned: bool,
    ) -> PyResult<Self> {
        Ok(PyPreviousDonation(rakt::PreviousDonation {
            date: to_date(date, "date")?,
            kind: PyDonationKind::extract_arg(kind, "kind")?,
            red_cells_returned,
        }))
    }

    /// The day of the donation.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date
    }

    /// What was given.
    #[getter]
    fn kind(&self) -> PyDonationKind {
        self.0.kind.into()
    }

    /// For apheresis: whether the red cells were returned to the donor.
    #[getter]
    fn red_cells_returned(&self) -> bool {
        self.0.red_cells_returned
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "PreviousDonation(date={}, kind={}, red_cells_returned={})",
            py_repr(py, self.0.date)?,
            PyDonationKind::from(self.0.kind).repr_name(),
            py_bool(self.0.red_cells_returned)
        ))
    }
});

/// A dated event in the donor's history that may defer donation.
#[pyclass(module = "rakt", name = "DeferralEvent", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyDeferralEvent(pub rakt::DeferralEvent);

json_class!(PyDeferralEvent {
    /// `DeferralEvent(kind, date, marker=None)`: `date` is a `datetime.date` (for illnesses,
    /// the day of recovery); `marker` names the reactive marker of a `tti_reactive` event.
    #[new]
    #[pyo3(signature = (kind, date, marker = None))]
    fn new(
        kind: &Bound<'_, PyAny>,
        date: &Bound<'_, PyAny>,
        marker: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        Ok(PyDeferralEvent(rakt::DeferralEvent {
            kind: PyDeferralKind::extract_arg(kind, "kind")?,
            date: to_date(date, "date")?,
            marker: PyTtiMarker::extract_opt(marker, "marker")?,
        }))
    }

    /// What happened.
    #[getter]
    fn kind(&self) -> PyDeferralKind {
        self.0.kind.into()
    }

    /// The day it happened (for illnesses: the day of recovery).
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date
    }

    /// For `tti_reactive`: the marker that was reactive.
    #[getter]
    fn marker(&self) -> Option<PyTtiMarker> {
        self.0.marker.map(Into::into)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "DeferralEvent(kind={}, date={}, marker={})",
            PyDeferralKind::from(self.0.kind).repr_name(),
            py_repr(py, self.0.date)?,
            opt_repr(self.0.marker, |m| Ok(PyTtiMarker::from(m).repr_name()))?
        ))
    }
});

/// Who the donor is: what does not change between visits.
#[pyclass(module = "rakt", name = "Donor", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyDonor(pub rakt::Donor);

json_class!(PyDonor {
    /// `Donor(date_of_birth, sex, *, first_time=None, previous_donations=(),
    /// deferral_events=(), conditions=(), id=None)`. `first_time=None` means: a first-time
    /// donor when there is no previous donation.
    #[new]
    #[pyo3(
        signature = (
            date_of_birth, sex, *, first_time = None, previous_donations = None,
            deferral_events = None, conditions = None, id = None
        ),
        text_signature = "(date_of_birth, sex, *, first_time=None, previous_donations=(), \
                          deferral_events=(), conditions=(), id=None)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn new(
        date_of_birth: &Bound<'_, PyAny>,
        sex: &Bound<'_, PyAny>,
        first_time: Option<bool>,
        previous_donations: Option<&Bound<'_, PyAny>>,
        deferral_events: Option<&Bound<'_, PyAny>>,
        conditions: Option<&Bound<'_, PyAny>>,
        id: Option<String>,
    ) -> PyResult<Self> {
        let previous_donations = items(previous_donations, "previous_donations", |item| {
            item.cast::<PyPreviousDonation>()
                .map(|d| d.get().0.clone())
                .map_err(|_| wrong_item("previous_donations", "rakt.PreviousDonation", item))
        })?;
        let deferral_events = items(deferral_events, "deferral_events", |item| {
            item.cast::<PyDeferralEvent>()
                .map(|e| e.get().0.clone())
                .map_err(|_| wrong_item("deferral_events", "rakt.DeferralEvent", item))
        })?;
        let conditions = items(conditions, "conditions", |item| {
            PyCondition::extract_arg(item, "conditions")
        })?;
        Ok(PyDonor(rakt::Donor {
            id,
            date_of_birth: to_date(date_of_birth, "date_of_birth")?,
            sex: PySex::extract_arg(sex, "sex")?,
            first_time,
            previous_donations,
            deferral_events,
            conditions,
        }))
    }

    /// The blood centre's donor identifier, if any.
    #[getter]
    fn id(&self) -> Option<String> {
        self.0.id.clone()
    }

    /// Date of birth.
    #[getter]
    fn date_of_birth(&self) -> NaiveDate {
        self.0.date_of_birth
    }

    /// Sex (`OTHER` is assessed with the stricter of the female and male limits).
    #[getter]
    fn sex(&self) -> PySex {
        self.0.sex.into()
    }

    /// Whether this is the donor's first donation, as given (`None`: decided by whether there
    /// is a previous donation).
    #[getter]
    fn first_time(&self) -> Option<bool> {
        self.0.first_time
    }

    /// Earlier donations.
    #[getter]
    fn previous_donations(&self) -> Vec<PyPreviousDonation> {
        self.0
            .previous_donations
            .iter()
            .cloned()
            .map(PyPreviousDonation)
            .collect()
    }

    /// Dated events that may defer.
    #[getter]
    fn deferral_events(&self) -> Vec<PyDeferralEvent> {
        self.0
            .deferral_events
            .iter()
            .cloned()
            .map(PyDeferralEvent)
            .collect()
    }

    /// Medical conditions.
    #[getter]
    fn conditions(&self) -> Vec<PyCondition> {
        self.0.conditions.iter().map(|c| (*c).into()).collect()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let d = &self.0;
        let mut out = format!(
            "Donor(date_of_birth={}, sex={}",
            py_repr(py, d.date_of_birth)?,
            PySex::from(d.sex).repr_name()
        );
        if let Some(id) = &d.id {
            out.push_str(&format!(", id={}", py_repr_str(py, id)?));
        }
        if let Some(first) = d.first_time {
            out.push_str(&format!(", first_time={}", py_bool(first)));
        }
        if !d.previous_donations.is_empty() {
            let list: PyResult<Vec<String>> = self
                .previous_donations()
                .iter()
                .map(|p| p.__repr__(py))
                .collect();
            out.push_str(&format!(", previous_donations=[{}]", list?.join(", ")));
        }
        if !d.deferral_events.is_empty() {
            let list: PyResult<Vec<String>> = self
                .deferral_events()
                .iter()
                .map(|e| e.__repr__(py))
                .collect();
            out.push_str(&format!(", deferral_events=[{}]", list?.join(", ")));
        }
        if !d.conditions.is_empty() {
            let list: Vec<String> = self.conditions().iter().map(|c| c.repr_name()).collect();
            out.push_str(&format!(", conditions=[{}]", list.join(", ")));
        }
        out.push(')');
        Ok(out)
    }
});

/// Today's checks before donation. Measurements are exact decimals (`Decimal` or `int`).
#[pyclass(module = "rakt", name = "DonorChecks", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyDonorChecks(pub rakt::DonorChecks);

json_class!(PyDonorChecks {
    /// `DonorChecks(weight_kg, hb_g_dl, systolic_mmhg, diastolic_mmhg, pulse_bpm,
    /// temperature_c, states=())`: weight, haemoglobin and temperature are `Decimal` or `int`
    /// (a `float` raises `TypeError`); pressures and pulse are `int`.
    #[new]
    #[pyo3(
        signature = (
            weight_kg, hb_g_dl, systolic_mmhg, diastolic_mmhg, pulse_bpm, temperature_c,
            states = None
        ),
        text_signature = "(weight_kg, hb_g_dl, systolic_mmhg, diastolic_mmhg, pulse_bpm, \
                          temperature_c, states=())"
    )]
    fn new(
        weight_kg: &Bound<'_, PyAny>,
        hb_g_dl: &Bound<'_, PyAny>,
        systolic_mmhg: &Bound<'_, PyAny>,
        diastolic_mmhg: &Bound<'_, PyAny>,
        pulse_bpm: &Bound<'_, PyAny>,
        temperature_c: &Bound<'_, PyAny>,
        states: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        Ok(PyDonorChecks(rakt::DonorChecks {
            weight_kg: to_decimal(weight_kg, "weight_kg")?,
            hb_g_dl: to_decimal(hb_g_dl, "hb_g_dl")?,
            systolic_mmhg: to_u32(systolic_mmhg, "systolic_mmhg")?,
            diastolic_mmhg: to_u32(diastolic_mmhg, "diastolic_mmhg")?,
            pulse_bpm: to_u32(pulse_bpm, "pulse_bpm")?,
            temperature_c: to_decimal(temperature_c, "temperature_c")?,
            states: items(states, "states", |item| {
                PyDonorState::extract_arg(item, "states")
            })?,
        }))
    }

    /// Body weight, kg.
    #[getter]
    fn weight_kg(&self) -> Decimal {
        self.0.weight_kg
    }

    /// Haemoglobin, g/dL.
    #[getter]
    fn hb_g_dl(&self) -> Decimal {
        self.0.hb_g_dl
    }

    /// Systolic blood pressure, mmHg.
    #[getter]
    fn systolic_mmhg(&self) -> u32 {
        self.0.systolic_mmhg
    }

    /// Diastolic blood pressure, mmHg.
    #[getter]
    fn diastolic_mmhg(&self) -> u32 {
        self.0.diastolic_mmhg
    }

    /// Pulse, beats per minute.
    #[getter]
    fn pulse_bpm(&self) -> u32 {
        self.0.pulse_bpm
    }

    /// Body temperature, °C.
    #[getter]
    fn temperature_c(&self) -> Decimal {
        self.0.temperature_c
    }

    /// States on the day (pregnant, breast-feeding, menstruating).
    #[getter]
    fn states(&self) -> Vec<PyDonorState> {
        self.0.states.iter().map(|s| (*s).into()).collect()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let c = &self.0;
        let states: Vec<String> = self.states().iter().map(|s| s.repr_name()).collect();
        Ok(format!(
            "DonorChecks(weight_kg={}, hb_g_dl={}, systolic_mmhg={}, diastolic_mmhg={}, \
             pulse_bpm={}, temperature_c={}, states=[{}])",
            py_repr(py, c.weight_kg)?,
            py_repr(py, c.hb_g_dl)?,
            c.systolic_mmhg,
            c.diastolic_mmhg,
            c.pulse_bpm,
            py_repr(py, c.temperature_c)?,
            states.join(", ")
        ))
    }
});

/// The verdict of `assess_donor`.
///
/// | outcome | eligible | permanent | deferred_until | referred |
/// |---|---|---|---|---|
/// | eligible today | True | False | None | False |
/// | temporarily deferred | False | False | first day allowed | False or True |
/// | permanently deferred (for this kind) | False | True | None | any |
/// | only a missing rule: the medical officer decides | False | False | None | True |
#[pyclass(module = "rakt", name = "DonorAssessment", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyDonorAssessment(pub rakt::DonorAssessment);

json_class!(PyDonorAssessment {
    /// The kind of donation assessed.
    #[getter]
    fn kind(&self) -> PyDonationKind {
        self.0.kind.into()
    }

    /// The day assessed.
    #[getter]
    fn as_of(&self) -> NaiveDate {
        self.0.as_of
    }

    /// Whether the donor may give this kind of donation today.
    #[getter]
    fn eligible(&self) -> bool {
        self.0.eligible
    }

    /// Whether the donor is permanently deferred from this kind of donation.
    #[getter]
    fn permanent(&self) -> bool {
        self.0.permanent
    }

    /// For a temporary deferral: the first day this kind of donation is allowed (`None` when
    /// eligible, permanently deferred, or only referred).
    #[getter]
    fn deferred_until(&self) -> Option<NaiveDate> {
        self.0.deferred_until
    }

    /// Whether something in the record has no rule in the policy: the medical officer decides.
    #[getter]
    fn referred(&self) -> bool {
        self.0.referred
    }

    /// The next day this donor could give this kind of donation: `as_of` when eligible,
    /// `deferred_until` when temporarily deferred, `None` when permanently deferred or
    /// referred.
    #[getter]
    fn next_eligible(&self) -> Option<NaiveDate> {
        self.0.next_eligible
    }

    /// Every failed criterion, most severe first; or one `DONOR_ELIGIBLE` reason.
    #[getter]
    fn reasons(&self) -> Vec<PyReason> {
        reasons(&self.0.reasons)
    }

    /// The reason codes, in order.
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        codes(&self.0.reasons)
    }

    /// The assessment without its explanation: what `decide_donor` gives for the same input.
    fn decision(&self) -> PyDonorDecision {
        PyDonorDecision(self.0.decision())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let a = &self.0;
        Ok(format!(
            "DonorAssessment(kind={}, as_of={}, eligible={}, permanent={}, deferred_until={}, \
             referred={}, codes={})",
            PyDonationKind::from(a.kind).repr_name(),
            py_repr(py, a.as_of)?,
            py_bool(a.eligible),
            py_bool(a.permanent),
            opt_repr(a.deferred_until, |d| py_repr(py, d))?,
            py_bool(a.referred),
            py_repr(py, codes(&a.reasons))?
        ))
    }
});

/// `assess_donor(donor, checks, kind, as_of, policy=None)`: whether `donor` may give a `kind`
/// donation on the day `as_of` (a `datetime.date`), given today's `checks`.
#[pyfunction]
#[pyo3(signature = (donor, checks, kind, as_of, policy = None))]
pub(crate) fn assess_donor(
    py: Python<'_>,
    donor: &Bound<'_, PyDonor>,
    checks: &Bound<'_, PyDonorChecks>,
    kind: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyDonorAssessment> {
    let kind = PyDonationKind::extract_arg(kind, "kind")?;
    let as_of = to_date(as_of, "as_of")?;
    let policy = policy_or_default(policy);
    let (donor, checks) = (&donor.get().0, &checks.get().0);
    py.detach(|| rakt::assess_donor(donor, checks, kind, as_of, policy))
        .map(PyDonorAssessment)
        .or_raise()
}

/// What `assess_donor` decides: the outcome and the reasons' codes, without their facts and
/// sources.
#[pyclass(module = "rakt", name = "DonorDecision", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyDonorDecision(pub rakt::DonorDecision);

#[pymethods]
impl PyDonorDecision {
    /// The kind of donation assessed.
    #[getter]
    fn kind(&self) -> PyDonationKind {
        self.0.kind.into()
    }

    /// The day assessed.
    #[getter]
    fn as_of(&self) -> NaiveDate {
        self.0.as_of
    }

    /// Whether the donor may give this kind of donation today.
    #[getter]
    fn eligible(&self) -> bool {
        self.0.eligible
    }

    /// Whether the donor is permanently deferred from this kind of donation.
    #[getter]
    fn permanent(&self) -> bool {
        self.0.permanent
    }

    /// For a temporary deferral: the first day this kind of donation is allowed.
    #[getter]
    fn deferred_until(&self) -> Option<NaiveDate> {
        self.0.deferred_until
    }

    /// Whether the medical officer decides.
    #[getter]
    fn referred(&self) -> bool {
        self.0.referred
    }

    /// The next day this donor could give this kind of donation (as in `DonorAssessment`).
    #[getter]
    fn next_eligible(&self) -> Option<NaiveDate> {
        self.0.next_eligible
    }

    /// The reason codes, in the order of `DonorAssessment.codes`.
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        self.0.codes.iter().map(|c| c.as_str()).collect()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let d = &self.0;
        Ok(format!(
            "DonorDecision(kind={}, as_of={}, eligible={}, permanent={}, deferred_until={}, \
             referred={}, codes={})",
            PyDonationKind::from(d.kind).repr_name(),
            py_repr(py, d.as_of)?,
            py_bool(d.eligible),
            py_bool(d.permanent),
            opt_repr(d.deferred_until, |x| py_repr(py, x))?,
            py_bool(d.referred),
            py_repr(py, self.codes())?
        ))
    }
}

/// `decide_donor(donor, checks, kind, as_of, policy=None)`: what `assess_donor` decides (the
/// same outcome, reason codes and errors), without building the reasons' facts and sources.
#[pyfunction]
#[pyo3(signature = (donor, checks, kind, as_of, policy = None))]
pub(crate) fn decide_donor(
    donor: &Bound<'_, PyDonor>,
    checks: &Bound<'_, PyDonorChecks>,
    kind: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyDonorDecision> {
    let kind = PyDonationKind::extract_arg(kind, "kind")?;
    let as_of = to_date(as_of, "as_of")?;
    let (donor, checks) = (&donor.get().0, &checks.get().0);
    rakt::decide_donor(donor, checks, kind, as_of, policy_or_default(policy))
        .map(PyDonorDecision)
        .or_raise()
}

/// Add the classes and functions to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPreviousDonation>()?;
    m.add_class::<PyDeferralEvent>()?;
    m.add_class::<PyDonor>()?;
    m.add_class::<PyDonorChecks>()?;
    m.add_class::<PyDonorAssessment>()?;
    m.add_function(wrap_pyfunction!(assess_donor, m)?)?;
    m.add_class::<PyDonorDecision>()?;
    m.add_function(wrap_pyfunction!(decide_donor, m)?)?;
    Ok(())
}
