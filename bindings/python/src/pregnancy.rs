//! High-risk pregnancy assessment and blood readiness: `AncRecord`, `assess_pregnancy`,
//! `PregnancyAssessment`, `PregnancyFlag`, `Referral`, `BloodPlan`, `Mother`,
//! `blood_readiness`. Codes (flag codes, levels, tiers) are plain `str`.

use chrono::{DateTime, FixedOffset, NaiveDate};
use pyo3::exceptions::{PyAttributeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::convert::{items, py_repr, py_repr_str, to_date, to_datetime, to_decimal, to_u32};
use crate::errors::{OrRaise, invalid_input};
use crate::inventory::{PyAllocatedUnit, PyAllocationRequest, PyInventory, PySkippedClass};
use crate::json_class::json_class;
use crate::policy::{PyPolicy, policy_or_default};
use crate::values::PyBloodGroup;

use rakt::maternal as core;

/// How a record field is read from Python.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Text,
    Count,
    Measure,
    Day,
    Pressure,
    Group,
    Code,
    Codes,
    Flag,
}

/// The fields of an ANC record and their kinds, in the core's order.
pub(crate) const FIELDS: &[(&str, Kind)] = &[
    ("id", Kind::Text),
    ("age_years", Kind::Count),
    ("height_cm", Kind::Measure),
    ("weight_kg", Kind::Measure),
    ("gravida", Kind::Count),
    ("parity", Kind::Count),
    ("living_children", Kind::Count),
    ("previous_caesareans", Kind::Count),
    ("previous_stillbirths", Kind::Count),
    ("previous_abortions", Kind::Count),
    ("previous_neonatal_deaths", Kind::Count),
    ("months_since_last_pregnancy", Kind::Count),
    ("lmp", Kind::Day),
    ("edd", Kind::Day),
    ("fetuses", Kind::Count),
    ("presentation", Kind::Code),
    ("hb_g_dl", Kind::Measure),
    ("haematocrit_pct", Kind::Measure),
    ("platelets_per_ul", Kind::Count),
    ("bp", Kind::Pressure),
    ("bp_repeat", Kind::Pressure),
    ("urine_protein", Kind::Code),
    ("ogtt_2h_mg_dl", Kind::Measure),
    ("thyroid", Kind::Code),
    ("blood_group", Kind::Group),
    ("hiv", Kind::Code),
    ("syphilis", Kind::Code),
    ("hbsag", Kind::Code),
    ("conditions", Kind::Codes),
    ("danger_signs", Kind::Codes),
    ("symptoms", Kind::Codes),
    ("vaginal_bleeding", Kind::Flag),
    ("organ_support", Kind::Code),
];

fn code_text(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<String> {
    if let Ok(s) = obj.extract::<String>() {
        return Ok(s);
    }
    if let Ok(v) = obj.getattr("value")
        && let Ok(s) = v.extract::<String>()
    {
        return Ok(s);
    }
    Err(PyTypeError::new_err(format!(
        "{field} must be a str code, not {}",
        obj.get_type().name()?
    )))
}

/// One Python value as the JSON the core reads, checked by kind.
fn field_value(obj: &Bound<'_, PyAny>, field: &str, kind: Kind) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    Ok(match kind {
        Kind::Text => Value::String(
            obj.extract::<String>()
                .map_err(|_| PyTypeError::new_err(format!("{field} must be a str")))?,
        ),
        Kind::Count => Value::from(to_u32(obj, field)?),
        Kind::Measure => Value::String(to_decimal(obj, field)?.to_string()),
        Kind::Day => Value::String(to_date(obj, field)?.to_string()),
        Kind::Group => Value::String(PyBloodGroup::extract_arg(obj, field)?.to_string()),
        Kind::Flag => Value::Bool(
            obj.extract::<bool>()
                .map_err(|_| PyTypeError::new_err(format!("{field} must be a bool")))?,
        ),
        Kind::Code => Value::String(code_text(obj, field)?),
        Kind::Codes => Value::Array(
            items(Some(obj), field, |item| code_text(item, field))?
                .into_iter()
                .map(Value::String)
                .collect(),
        ),
        Kind::Pressure => {
            let pair: (Bound<'_, PyAny>, Bound<'_, PyAny>) = obj.extract().map_err(|_| {
                PyTypeError::new_err(format!(
                    "{field} must be a (systolic, diastolic) pair of ints"
                ))
            })?;
            let mut m = Map::new();
            m.insert("systolic".into(), Value::from(to_u32(&pair.0, field)?));
            m.insert("diastolic".into(), Value::from(to_u32(&pair.1, field)?));
            Value::Object(m)
        }
    })
}

/// A record from keyword arguments or a mapping of field names to values.
pub(crate) fn record_from_mapping(map: &Bound<'_, PyDict>) -> PyResult<core::AncRecord> {
    let mut fields = Vec::with_capacity(map.len());
    for (key, value) in map.iter() {
        let name: String = key
            .extract()
            .map_err(|_| PyTypeError::new_err("AncRecord field names must be str"))?;
        let Some(&(field, kind)) = FIELDS.iter().find(|(f, _)| *f == name) else {
            let known: Vec<&str> = FIELDS.iter().map(|(f, _)| *f).collect();
            return Err(invalid_input(
                &name,
                format!(
                    "is not an AncRecord field (expected one of {})",
                    known.join(", ")
                ),
            ));
        };
        fields.push((field, field_value(&value, &name, kind)?));
    }
    record_from_values(fields).or_raise()
}

/// A record from its fields as the JSON the core reads, in the caller's order. This is the one
/// place both `AncRecord(**fields)` and the batch functions build records, so a bad value gets
/// the same error from both: the first field (in the caller's order) that is wrong on its own is
/// named; a record whose fields are each fine but do not fit together is `record`.
pub(crate) fn record_from_values(
    fields: Vec<(&'static str, Value)>,
) -> Result<core::AncRecord, rakt::RaktError> {
    // A null is a field not given.
    let mut names: Vec<&'static str> = Vec::with_capacity(fields.len());
    let mut whole: Map<String, Value> = Map::new();
    for (name, v) in fields.into_iter().filter(|(_, v)| !v.is_null()) {
        names.push(name);
        whole.insert(name.to_string(), v);
    }
    // Read from a borrowed value: the fields are copied only when a message needs them.
    let whole = Value::Object(whole);
    match core::AncRecord::deserialize(&whole) {
        Ok(record) => Ok(record),
        Err(whole_err) => {
            for name in names {
                let mut one = Map::new();
                if let Some(v) = whole.get(name) {
                    one.insert(name.to_string(), v.clone());
                }
                if let Err(e) = serde_json::from_value::<core::AncRecord>(Value::Object(one)) {
                    return Err(rakt::RaktError::InvalidInput {
                        field: name.to_string(),
                        reason: e.to_string(),
                    });
                }
            }
            Err(rakt::RaktError::InvalidInput {
                field: "record".into(),
                reason: whole_err.to_string(),
            })
        }
    }
}

/// An ANC record given as an `AncRecord` or a mapping.
pub(crate) fn record_arg(obj: &Bound<'_, PyAny>) -> PyResult<core::AncRecord> {
    if let Ok(r) = obj.cast::<PyAncRecord>() {
        return Ok(r.get().0.clone());
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        return record_from_mapping(d);
    }
    if obj.hasattr("keys")? {
        let d = PyDict::new(obj.py());
        for key in obj.call_method0("keys")?.try_iter()? {
            let key = key?;
            d.set_item(&key, obj.get_item(&key)?)?;
        }
        return record_from_mapping(&d);
    }
    Err(PyTypeError::new_err(format!(
        "record must be an AncRecord or a mapping, not {}",
        obj.get_type().name()?
    )))
}

fn codes_list<T: std::fmt::Display>(v: &[T]) -> Vec<String> {
    v.iter().map(ToString::to_string).collect()
}

/// An antenatal record: every field optional and keyword-only.
#[pyclass(module = "rakt", name = "AncRecord", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyAncRecord(pub core::AncRecord);

json_class!(PyAncRecord {
    #[new]
    #[pyo3(signature = (**fields))]
    fn new(fields: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        match fields {
            Some(f) => record_from_mapping(f).map(PyAncRecord),
            None => Ok(PyAncRecord(core::AncRecord::default())),
        }
    }

    fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let r = &self.0;
        let count = |v: Option<u32>| v.into_pyobject(py).map(|o| o.into_any());
        let measure = |v: Option<Decimal>| v.into_pyobject(py).map(|o| o.into_any());
        let day = |v: Option<NaiveDate>| v.into_pyobject(py).map(|o| o.into_any());
        let bp = |v: Option<core::BloodPressure>| {
            v.map(|b| (b.systolic, b.diastolic))
                .into_pyobject(py)
                .map(|o| o.into_any())
        };
        let code = |v: Option<String>| v.into_pyobject(py).map(|o| o.into_any());
        Ok(match name {
            "id" => r.id.clone().into_pyobject(py)?.into_any(),
            "age_years" => count(r.age_years)?,
            "height_cm" => measure(r.height_cm)?,
            "weight_kg" => measure(r.weight_kg)?,
            "gravida" => count(r.gravida)?,
            "parity" => count(r.parity)?,
            "living_children" => count(r.living_children)?,
            "previous_caesareans" => count(r.previous_caesareans)?,
            "previous_stillbirths" => count(r.previous_stillbirths)?,
            "previous_abortions" => count(r.previous_abortions)?,
            "previous_neonatal_deaths" => count(r.previous_neonatal_deaths)?,
            "months_since_last_pregnancy" => count(r.months_since_last_pregnancy)?,
            "lmp" => day(r.lmp)?,
            "edd" => day(r.edd)?,
            "fetuses" => count(r.fetuses)?,
            "presentation" => code(r.presentation.map(|c| c.to_string()))?,
            "hb_g_dl" => measure(r.hb_g_dl)?,
            "haematocrit_pct" => measure(r.haematocrit_pct)?,
            "platelets_per_ul" => count(r.platelets_per_ul)?,
            "bp" => bp(r.bp)?,
            "bp_repeat" => bp(r.bp_repeat)?,
            "urine_protein" => code(r.urine_protein.map(|c| c.to_string()))?,
            "ogtt_2h_mg_dl" => measure(r.ogtt_2h_mg_dl)?,
            "thyroid" => code(r.thyroid.map(|c| c.to_string()))?,
            "blood_group" => r.blood_group.map(PyBloodGroup).into_pyobject(py)?.into_any(),
            "hiv" => code(r.hiv.map(|c| c.to_string()))?,
            "syphilis" => code(r.syphilis.map(|c| c.to_string()))?,
            "hbsag" => code(r.hbsag.map(|c| c.to_string()))?,
            "conditions" => PyList::new(py, codes_list(&r.conditions))?.into_any(),
            "danger_signs" => PyList::new(py, codes_list(&r.danger_signs))?.into_any(),
            "symptoms" => PyList::new(py, codes_list(&r.symptoms))?.into_any(),
            "vaginal_bleeding" => r.vaginal_bleeding.into_pyobject(py)?.to_owned().into_any(),
            "organ_support" => code(r.organ_support.map(|c| c.to_string()))?,
            other => {
                return Err(PyAttributeError::new_err(format!(
                    "'AncRecord' object has no attribute '{other}'"
                )));
            }
        })
    }

    /// The fields that are set, as a dict of field name to value.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        let py = slf.py();
        let d = PyDict::new(py);
        let set = serde_json::to_value(&slf.get().0).map_err(|e| invalid_input("record", e.to_string()))?;
        for (name, _) in FIELDS {
            let present = match set.get(*name) {
                None | Some(Value::Null) | Some(Value::Bool(false)) => false,
                Some(Value::Array(a)) => !a.is_empty(),
                Some(_) => true,
            };
            if present {
                d.set_item(*name, slf.getattr(*name)?)?;
            }
        }
        Ok(d)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let d = Self::to_dict(slf)?;
        let mut parts = Vec::new();
        for (k, v) in d.iter() {
            parts.push(format!("{}={}", k.str()?, v.repr()?));
        }
        Ok(format!("AncRecord({})", parts.join(", ")))
    }
});

/// One high-risk finding.
#[pyclass(module = "rakt", name = "PregnancyFlag", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyPregnancyFlag(pub core::Flag);

json_class!(PyPregnancyFlag {
    /// The stable code, e.g. `SEVERE_ANAEMIA`.
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code.as_str()
    }

    /// Its group, e.g. `anaemia`.
    #[getter]
    fn category(&self) -> &'static str {
        self.0.category.as_str()
    }

    /// `high_risk` or `emergency`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }

    /// The evidence, by name.
    #[getter]
    fn facts(&self) -> std::collections::BTreeMap<String, String> {
        self.0.facts.to_map()
    }

    /// Where the rule comes from.
    #[getter]
    fn source(&self) -> String {
        self.0.source.to_string()
    }

    /// How sure we are of the source: `high`, `medium`, `low` or `unverified`.
    #[getter]
    fn confidence(&self) -> PyResult<String> {
        crate::convert::code_of(&self.0.confidence)
    }

    /// The message in `lang`: `"en"` or `"hi"`.
    #[pyo3(signature = (lang = "en"))]
    fn message(&self, lang: &str) -> PyResult<String> {
        let lang = rakt::Lang::parse(lang).or_raise()?;
        Ok(self.0.message(lang))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "PregnancyFlag(code='{}', severity='{}', facts={})",
            self.0.code,
            self.0.severity.as_str(),
            py_repr(py, self.0.facts.to_map())?
        ))
    }
});

/// Why one flag needs a level of care.
#[pyclass(module = "rakt", name = "ReferralReason", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyReferralReason(pub core::ReferralReason);

json_class!(PyReferralReason {
    /// The flag's code.
    #[getter]
    fn flag(&self) -> &'static str {
        self.0.flag.as_str()
    }

    /// The level it needs.
    #[getter]
    fn level(&self) -> &'static str {
        self.0.level.as_str()
    }

    /// `planned`, `urgent` or `emergency`.
    #[getter]
    fn urgency(&self) -> &'static str {
        self.0.urgency.as_str()
    }

    fn __repr__(&self) -> String {
        format!(
            "ReferralReason(flag='{}', level='{}', urgency='{}')",
            self.0.flag,
            self.0.level,
            self.0.urgency.as_str()
        )
    }
});

/// The minimum level of care: `l1`, `l2`, `l3`, `dh_hdu` or `mc_icu`.
#[pyclass(module = "rakt", name = "Referral", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyReferral(pub core::Referral);

json_class!(PyReferral {
    /// The level: `l1`, `l2`, `l3`, `dh_hdu` or `mc_icu`.
    #[getter]
    fn level(&self) -> &'static str {
        self.0.level.as_str()
    }

    /// The level in words.
    #[getter]
    fn level_description(&self) -> &'static str {
        self.0.level.describe()
    }

    /// `planned`, `urgent` or `emergency`.
    #[getter]
    fn urgency(&self) -> &'static str {
        self.0.urgency.as_str()
    }

    /// Each flag's need, highest level first.
    #[getter]
    fn reasons(&self) -> Vec<PyReferralReason> {
        self.0.reasons.iter().cloned().map(PyReferralReason).collect()
    }

    /// Where the routing table comes from.
    #[getter]
    fn source(&self) -> String {
        self.0.source.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "Referral(level='{}', urgency='{}', reasons={})",
            self.0.level,
            self.0.urgency.as_str(),
            self.0.reasons.len()
        )
    }
});

pub(crate) fn action_code(a: rakt::policy::BloodAction) -> &'static str {
    match a {
        rakt::policy::BloodAction::None => "none",
        rakt::policy::BloodAction::GroupAndScreen => "group_and_screen",
        rakt::policy::BloodAction::Crossmatch { .. } => "crossmatch",
    }
}

/// What blood to prepare for delivery.
#[pyclass(module = "rakt", name = "BloodPlan", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyBloodPlan(pub core::BloodPlan);

json_class!(PyBloodPlan {
    /// A plan to crossmatch `units` of red cells, decided outside rakt.
    #[staticmethod]
    fn crossmatch(units: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyBloodPlan(core::BloodPlan::crossmatch(to_u32(units, "units")?)))
    }

    /// `low`, `medium` or `high`.
    #[getter]
    fn tier(&self) -> &'static str {
        self.0.tier.as_str()
    }

    /// `none`, `group_and_screen` or `crossmatch`.
    #[getter]
    fn action(&self) -> &'static str {
        action_code(self.0.action)
    }

    /// Units of red cells to crossmatch (0 unless the action is `crossmatch`).
    #[getter]
    fn units(&self) -> u32 {
        self.0.units()
    }

    /// The component (`red_cells`).
    #[getter]
    fn component(&self) -> PyResult<String> {
        crate::convert::code_of(&self.0.component)
    }

    /// `not_needed`, `on_admission` or `now`.
    #[getter]
    fn when(&self) -> &'static str {
        self.0.when.as_str()
    }

    /// The risk factors found, high-tier ones first.
    #[getter]
    fn factors(&self) -> Vec<String> {
        codes_list(&self.0.factors)
    }

    /// Where the tiers come from.
    #[getter]
    fn source(&self) -> String {
        self.0.source.to_string()
    }

    /// How sure we are of it.
    #[getter]
    fn confidence(&self) -> PyResult<String> {
        crate::convert::code_of(&self.0.confidence)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "BloodPlan(tier='{}', action='{}', units={}, when='{}', factors={})",
            self.0.tier,
            action_code(self.0.action),
            self.0.units(),
            self.0.when,
            py_repr(py, codes_list(&self.0.factors))?
        ))
    }
});

/// The result of `assess_pregnancy`.
#[pyclass(module = "rakt", name = "PregnancyAssessment", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyPregnancyAssessment(pub core::PregnancyAssessment);

json_class!(PyPregnancyAssessment {
    /// The record's id.
    #[getter]
    fn id(&self) -> Option<String> {
        self.0.id.clone()
    }

    /// `low`, `high` or `emergency`.
    #[getter]
    fn risk_level(&self) -> &'static str {
        self.0.risk_level.as_str()
    }

    /// Every flag that applies, emergencies first.
    #[getter]
    fn flags(&self) -> Vec<PyPregnancyFlag> {
        self.0.flags.iter().cloned().map(PyPregnancyFlag).collect()
    }

    /// The flag codes, in order.
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        self.0.codes()
    }

    /// Gestational age at `as_of` (`.weeks`, `.days`), when the LMP or EDD is known.
    #[getter]
    fn gestational_age(&self) -> Option<crate::maternal::PyGestationalAge> {
        self.0.gestational_age.map(crate::maternal::PyGestationalAge)
    }

    /// Gestation at `as_of` as `(weeks, days)`, when the LMP or EDD is known.
    #[getter]
    fn gestation(&self) -> Option<(u32, u32)> {
        self.0.gestational_age.map(|g| (g.weeks, g.days))
    }

    /// The expected date of delivery, when known.
    #[getter]
    fn edd(&self) -> Option<NaiveDate> {
        self.0.edd
    }

    /// The hypertension class, when BP was measured.
    #[getter]
    fn hypertension(&self) -> Option<&'static str> {
        self.0.hypertension.map(|h| h.as_str())
    }

    /// The anaemia grade (`none`, `mild`, `moderate`, `severe`, or `ungraded` in a profile with
    /// no sourced severity bands), when Hb was measured and the profile has an anaemia rule.
    #[getter]
    fn anaemia(&self) -> Option<&'static str> {
        self.0.anaemia.map(|a| a.as_str())
    }

    /// Whether the OGTT shows GDM, when done.
    #[getter]
    fn gdm(&self) -> Option<bool> {
        self.0.gdm
    }

    /// The minimum level of care.
    #[getter]
    fn referral(&self) -> PyReferral {
        PyReferral(self.0.referral.clone())
    }

    /// What blood to prepare for delivery.
    #[getter]
    fn blood_plan(&self) -> PyBloodPlan {
        PyBloodPlan(self.0.blood_plan.clone())
    }

    /// Record fields a criterion needed but that were not recorded.
    #[getter]
    fn not_assessed(&self) -> Vec<String> {
        self.0.not_assessed.iter().map(|f| f.to_string()).collect()
    }

    /// The policy used.
    #[getter]
    fn policy(&self) -> String {
        self.0.policy.clone()
    }

    /// The decision of this assessment, without its explanation: what `decide_pregnancy`
    /// gives for the same record.
    fn decision(&self) -> crate::decision::PyPregnancyDecision {
        crate::decision::PyPregnancyDecision(self.0.decision())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "PregnancyAssessment(risk_level='{}', codes={}, referral='{}', blood_plan='{}')",
            self.0.risk_level,
            py_repr(py, self.0.codes())?,
            self.0.referral.level,
            action_code(self.0.blood_plan.action)
        ))
    }
});

/// Assess an ANC record (an `AncRecord` or a mapping of its fields) at `as_of` (a date).
#[pyfunction]
#[pyo3(signature = (record, as_of, policy = None))]
fn assess_pregnancy(
    py: Python<'_>,
    record: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyPregnancyAssessment> {
    let record = record_arg(record)?;
    let as_of = to_date(as_of, "as_of")?;
    let policy = policy_or_default(policy);
    py.detach(|| core::assess_pregnancy(&record, as_of, policy))
        .map(PyPregnancyAssessment)
        .or_raise()
}

/// The mother, as the blood bank needs her.
#[pyclass(module = "rakt", name = "Mother", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyMother(pub core::Mother);

json_class!(PyMother {
    #[new]
    #[pyo3(signature = (id, blood_group = None, age_years = None, anti_d = false))]
    fn new(
        id: String,
        blood_group: Option<&Bound<'_, PyAny>>,
        age_years: Option<&Bound<'_, PyAny>>,
        anti_d: bool,
    ) -> PyResult<Self> {
        let blood_group = match blood_group {
            Some(g) if !g.is_none() => Some(PyBloodGroup::extract_arg(g, "blood_group")?),
            _ => None,
        };
        let age_years = match age_years {
            Some(a) if !a.is_none() => Some(to_u32(a, "age_years")?),
            _ => None,
        };
        Ok(PyMother(core::Mother {
            id,
            blood_group,
            age_years,
            anti_d,
        }))
    }

    /// The mother from an ANC record (its id, group and age).
    #[staticmethod]
    fn from_record(record: &Bound<'_, PyAny>) -> PyResult<Self> {
        core::Mother::from_record(&record_arg(record)?)
            .map(PyMother)
            .or_raise()
    }

    /// Her identifier.
    #[getter]
    fn id(&self) -> String {
        self.0.id.clone()
    }

    /// Her group, when known.
    #[getter]
    fn blood_group(&self) -> Option<PyBloodGroup> {
        self.0.blood_group.map(PyBloodGroup)
    }

    /// Age in completed years, when known.
    #[getter]
    fn age_years(&self) -> Option<u32> {
        self.0.age_years
    }

    /// Known anti-D.
    #[getter]
    fn anti_d(&self) -> bool {
        self.0.anti_d
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Mother(id={}, blood_group={})",
            py_repr_str(py, &self.0.id)?,
            self.0
                .blood_group
                .map_or("None".to_string(), |g| format!("'{g}'"))
        ))
    }
});

/// Units another facility could send.
#[pyclass(module = "rakt", name = "NearbySupply", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyNearbySupply(pub core::NearbySupply);

json_class!(PyNearbySupply {
    /// The facility.
    #[getter]
    fn facility(&self) -> String {
        self.0.facility.clone()
    }

    /// The units it could send.
    #[getter]
    fn units(&self) -> Vec<PyAllocatedUnit> {
        self.0.units.iter().cloned().map(PyAllocatedUnit).collect()
    }

    /// The request that reserves them there.
    #[getter]
    fn request(&self) -> PyAllocationRequest {
        PyAllocationRequest(self.0.request.clone())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let ids: Vec<String> = self.0.units.iter().map(|u| u.id.to_string()).collect();
        Ok(format!(
            "NearbySupply(facility={}, units={})",
            py_repr_str(py, &self.0.facility)?,
            py_repr(py, ids)?
        ))
    }
});

/// Whether the blood a plan needs is ready for the due date.
#[pyclass(module = "rakt", name = "BloodReadiness", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyBloodReadiness(pub core::BloodReadiness);

json_class!(PyBloodReadiness {
    /// The mother's id.
    #[getter]
    fn mother(&self) -> String {
        self.0.mother.clone()
    }

    /// The plan's action: `none`, `group_and_screen` or `crossmatch`.
    #[getter]
    fn action(&self) -> &'static str {
        action_code(self.0.action)
    }

    /// Units the plan needs.
    #[getter]
    fn required(&self) -> u32 {
        self.0.required
    }

    /// The end of the due date in facility time: every unit must be valid then.
    #[getter]
    fn needed_by(&self) -> DateTime<FixedOffset> {
        self.0.needed_by
    }

    /// The facility.
    #[getter]
    fn facility(&self) -> String {
        self.0.facility.clone()
    }

    /// Compatible released units of the facility valid at `needed_by`.
    #[getter]
    fn units(&self) -> Vec<PyAllocatedUnit> {
        self.0.units.iter().cloned().map(PyAllocatedUnit).collect()
    }

    /// The ids of those units.
    #[getter]
    fn unit_ids(&self) -> Vec<String> {
        self.0.units.iter().map(|u| u.id.to_string()).collect()
    }

    /// Units the facility cannot provide.
    #[getter]
    fn missing(&self) -> u32 {
        self.0.missing
    }

    /// Why the facility's groups could not cover the gap.
    #[getter]
    fn shortfall(&self) -> Vec<PySkippedClass> {
        self.0.shortfall.iter().cloned().map(PySkippedClass).collect()
    }

    /// What nearby facilities could send, in the order given.
    #[getter]
    fn nearby(&self) -> Vec<PyNearbySupply> {
        self.0.nearby.iter().cloned().map(PyNearbySupply).collect()
    }

    /// Units still missing after the nearby facilities.
    #[getter]
    fn uncovered(&self) -> u32 {
        self.0.uncovered
    }

    /// The request that reserves the facility's units for her.
    #[getter]
    fn suggested_reservation(&self) -> Option<PyAllocationRequest> {
        self.0.suggested_reservation.clone().map(PyAllocationRequest)
    }

    /// Whether the facility alone has everything ready.
    #[getter]
    fn ready(&self) -> bool {
        self.0.ready
    }

    /// Whether her group is unknown (emergency rules chose the units).
    #[getter]
    fn emergency(&self) -> bool {
        self.0.emergency
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "BloodReadiness(mother={}, required={}, units={}, missing={}, uncovered={}, ready={})",
            py_repr_str(py, &self.0.mother)?,
            self.0.required,
            py_repr(py, self.unit_ids())?,
            self.0.missing,
            self.0.uncovered,
            crate::convert::py_bool(self.0.ready)
        ))
    }
});

/// Check a blood plan against a facility's stock and nearby facilities' stock.
#[pyfunction]
#[pyo3(signature = (mother, plan, inventory, due_date, as_of, nearby = None))]
fn blood_readiness(
    mother: &Bound<'_, PyAny>,
    plan: &Bound<'_, PyAny>,
    inventory: &Bound<'_, PyInventory>,
    due_date: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    nearby: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyBloodReadiness> {
    let mother = match mother.cast::<PyMother>() {
        Ok(m) => m.get().0.clone(),
        Err(_) => core::Mother::from_record(&record_arg(mother)?).or_raise()?,
    };
    let plan = match plan.cast::<PyBloodPlan>() {
        Ok(p) => p.get().0.clone(),
        Err(_) => match plan.cast::<PyPregnancyAssessment>() {
            Ok(a) => a.get().0.blood_plan.clone(),
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "plan must be a BloodPlan or a PregnancyAssessment, not {}",
                    plan.get_type().name()?
                )));
            }
        },
    };
    let due_date = to_date(due_date, "due_date")?;
    let as_of = to_datetime(as_of, "as_of")?;
    let others: Vec<Py<PyInventory>> = items(nearby, "nearby", |item| {
        item.cast::<PyInventory>()
            .map(|i| i.clone().unbind())
            .map_err(|_| crate::convert::wrong_item("nearby", "Inventory", item))
    })?;
    let py = inventory.py();
    let facility = inventory.borrow();
    let borrowed: Vec<PyRef<'_, PyInventory>> =
        others.iter().map(|i| i.bind(py).borrow()).collect();
    let refs: Vec<&rakt::inventory::Inventory> = borrowed.iter().map(|b| &b.0).collect();
    core::blood_readiness(&mother, &plan, &facility.0, due_date, as_of, &refs)
        .map(PyBloodReadiness)
        .or_raise()
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyAncRecord>()?;
    m.add_class::<PyPregnancyFlag>()?;
    m.add_class::<PyReferralReason>()?;
    m.add_class::<PyReferral>()?;
    m.add_class::<PyBloodPlan>()?;
    m.add_class::<PyPregnancyAssessment>()?;
    m.add_class::<PyMother>()?;
    m.add_class::<PyNearbySupply>()?;
    m.add_class::<PyBloodReadiness>()?;
    m.add_function(wrap_pyfunction!(assess_pregnancy, m)?)?;
    m.add_function(wrap_pyfunction!(blood_readiness, m)?)?;
    Ok(())
}
