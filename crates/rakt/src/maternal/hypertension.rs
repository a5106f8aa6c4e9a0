//! The hypertension class of an ANC record: the WHO ANC DAK decision table ANC.DT.17
//! (`research/maternal.md` §1.5), as [`assess_pregnancy`](super::assess_pregnancy) describes it.

use rust_decimal::Decimal;

use super::decision::{NotAssessed, Unassessed};
use super::gestation::GestationalAge;
use super::grades::HypertensionClass;
use super::record::{AncRecord, BloodPressure, DangerSign, KnownCondition, Symptom};
use crate::policy::{Limits, Policy};
use crate::vocab::maternal::UrineProtein;

/// A hypertension class, the basis of a chronic-hypertension flag, the severe features and the
/// fields the classification missed.
pub(super) struct HypertensionFinding {
    pub(super) class: HypertensionClass,
    pub(super) chronic: Option<&'static str>,
    pub(super) features: Vec<&'static str>,
    pub(super) missing: NotAssessed,
}

/// Which blood-pressure components are in a range on every reading taken: WHO ANC DAK
/// ANC.DT.17 tests each component on the initial **and** the repeat reading ("Systolic blood
/// pressure ≥ 140 AND Repeat systolic blood pressure ≥ 140", and the same for diastolic), so a
/// raised systolic on one reading and a raised diastolic on the other is not confirmed.
fn same_component(
    bp: BloodPressure,
    repeat: Option<BloodPressure>,
    systolic: &Limits,
    diastolic: &Limits,
) -> bool {
    let readings = || std::iter::once(bp).chain(repeat);
    readings().all(|b| systolic.accepts(Decimal::from(b.systolic)))
        || readings().all(|b| diastolic.accepts(Decimal::from(b.diastolic)))
}

/// The WHO ANC DAK hypertension logic, decision table ANC.DT.17 (see [`assess_pregnancy`]).
pub(super) fn classify_hypertension(
    r: &AncRecord,
    bp: BloodPressure,
    ga: Option<GestationalAge>,
    policy: &Policy,
) -> HypertensionFinding {
    use HypertensionClass as H;
    let h = policy.hrp.hypertension;
    let known_chronic = r.conditions.contains(&KnownCondition::ChronicHypertension);
    let mut out = HypertensionFinding {
        class: H::Normal,
        chronic: known_chronic.then_some("known_condition"),
        features: Vec::new(),
        missing: NotAssessed::default(),
    };
    // A first reading with neither component raised: no ANC.DT.17 row can hold.
    if !same_component(bp, None, &h.systolic, &h.diastolic) {
        return out;
    }
    // Convulsions with a raised reading (ANC.DT.01 "Convulsing" with ANC.DT.17's BP line).
    if r.danger_signs.contains(&DangerSign::Convulsing) {
        out.class = H::Eclampsia;
        return out;
    }
    let confirmed = match r.bp_repeat {
        // Every ANC.DT.17 row needs the same component raised on both readings.
        Some(rep) => same_component(bp, Some(rep), &h.systolic, &h.diastolic),
        None => !h.require_repeat,
    };
    if !confirmed {
        if r.bp_repeat.is_none() {
            out.class = H::RaisedUnconfirmed;
            out.missing.add(Unassessed::BpRepeat);
        }
        return out;
    }
    // The severe hypertension rows ("Should Refer urgently to a hospital 3"): systolic ≥ 160
    // on both readings, or diastolic ≥ 110 on both.
    let both_severe = same_component(bp, r.bp_repeat, &h.severe_systolic, &h.severe_diastolic);
    let Some(ga) = ga else {
        out.missing.add(Unassessed::LmpOrEdd);
        return classify_after_20_weeks(r, both_severe, h.proteinuria_from, out);
    };
    if ga.weeks < policy.hrp.gestational_hypertension_from_weeks {
        out.chronic = Some(if known_chronic {
            "known_condition"
        } else {
            "early_gestation"
        });
        out.class = if both_severe { H::Severe } else { H::Chronic };
        return out;
    }
    classify_after_20_weeks(r, both_severe, h.proteinuria_from, out)
}

/// ANC.DT.17's rows for confirmed raised blood pressure from 20+0 weeks (or at an unknown
/// gestation: the table itself does not read the gestation).
fn classify_after_20_weeks(
    r: &AncRecord,
    both_severe: bool,
    proteinuria_from: UrineProtein,
    mut out: HypertensionFinding,
) -> HypertensionFinding {
    use HypertensionClass as H;
    let mut symptoms: Vec<&'static str> = r.symptoms.iter().map(|s| s.as_str()).collect();
    for (sign, symptom) in [
        (DangerSign::SevereHeadache, Symptom::SevereHeadache),
        (DangerSign::VisualDisturbance, Symptom::VisualDisturbance),
        (DangerSign::SevereVomiting, Symptom::Vomiting),
    ] {
        if r.danger_signs.contains(&sign) && !r.symptoms.contains(&symptom) {
            symptoms.push(symptom.as_str());
        }
    }
    let proteinuria = r.urine_protein.map(|p| p >= proteinuria_from);
    // A severe symptom decides the class whatever the urine protein, so a missing dipstick
    // is not reported then.
    if proteinuria.is_none() && symptoms.is_empty() {
        out.missing.add(Unassessed::UrineProtein);
    }
    let proteinuria = proteinuria.unwrap_or(false);
    out.class = if !symptoms.is_empty() || (proteinuria && both_severe) {
        // "Should Refer urgently to a hospital" (the table's severe pre-eclampsia rows),
        // clauses 1-2: raised on both readings with any severe pre-eclampsia symptom, whatever
        // the urine protein. Clauses 3-4 (protein ++ or more, no symptom) are followed only
        // with severe-range pressure on both readings: see the next branch.
        if both_severe {
            out.features.push("severe_range_bp");
        }
        if proteinuria {
            out.features.push("proteinuria");
        }
        out.features.extend(symptoms);
        H::SeverePreEclampsia
    } else if proteinuria {
        // "Should Refer urgently to a hospital 2" (the pre-eclampsia rows): 140-159 or 90-109
        // on both readings, protein ++ to ++++, no symptom. rakt departs from severe
        // pre-eclampsia clauses 3-4, which take the same readings as severe.
        H::PreEclampsia
    } else if both_severe {
        // "Should Refer urgently to a hospital 3" (the severe hypertension rows): protein
        // none or + (or not tested).
        H::Severe
    } else if out.chronic.is_some() {
        // "Should Conduct hypertension counselling": existing chronic hypertension.
        H::Chronic
    } else {
        // "Should Conduct hypertension counselling": 140-159 or 90-109 on both readings,
        // protein none or + (the table's hypertension rows).
        H::Gestational
    };
    out
}
