//! Hypertension classes: both readings, the 140/90 and 160/110 boundaries, pre-eclampsia,
//! eclampsia, and chronic against gestational at 20 weeks.

use super::*;

#[test]
fn hypertension_needs_140_or_90_on_both_readings() {
    use HypertensionClass as H;
    let nil = Some(UrineProtein::Nil);
    assert_eq!(class(&htn(30, (139, 89), Some((139, 89)), nil)), H::Normal);
    assert_eq!(
        class(&htn(30, (140, 80), Some((140, 80)), nil)),
        H::Gestational
    );
    assert_eq!(
        class(&htn(30, (130, 90), Some((128, 90)), nil)),
        H::Gestational
    );
    assert_eq!(class(&htn(30, (140, 90), Some((130, 85)), nil)), H::Normal);
    let single = htn(30, (140, 90), None, nil);
    assert_eq!(class(&single), H::RaisedUnconfirmed);
    let a = assess(&single, &Policy::india());
    assert_eq!(a.codes(), ["RAISED_BP_UNCONFIRMED"]);
    assert!(a.not_assessed.iter().any(|f| f == "bp_repeat"));
    assert_eq!(
        a.flags[0].message(Lang::En),
        "Blood pressure 140/90 is in the hypertensive range: repeat the reading to confirm."
    );
    let g = assess(&htn(30, (140, 80), Some((142, 84)), nil), &Policy::india());
    assert_eq!(g.codes(), ["GESTATIONAL_HYPERTENSION"]);
    assert_eq!(g.flags[0].facts.text("bp").unwrap(), "140/80; 142/84");
    assert_eq!(g.referral.level, CareLevel::L2);
}

#[test]
fn severe_hypertension_needs_160_or_110_on_both_readings() {
    use HypertensionClass as H;
    let nil = Some(UrineProtein::Trace);
    assert_eq!(
        class(&htn(30, (159, 109), Some((159, 109)), nil)),
        H::Gestational
    );
    assert_eq!(
        class(&htn(30, (160, 100), Some((160, 100)), nil)),
        H::Severe
    );
    assert_eq!(
        class(&htn(30, (150, 110), Some((150, 110)), nil)),
        H::Severe
    );
    assert_eq!(
        class(&htn(30, (160, 100), Some((150, 100)), nil)),
        H::Gestational
    );
    let a = assess(
        &htn(30, (165, 112), Some((162, 110)), nil),
        &Policy::india(),
    );
    assert_eq!(a.codes(), ["SEVERE_HYPERTENSION"]);
    assert_eq!(a.referral.level, CareLevel::L3);
    assert_eq!(a.referral.urgency, Urgency::Urgent);
}

#[test]
fn pre_eclampsia_needs_protein_plus_plus_and_severity_needs_severe_pressure_or_symptoms() {
    use HypertensionClass as H;
    use UrineProtein as U;
    assert_eq!(
        class(&htn(30, (145, 95), Some((145, 95)), Some(U::Plus1))),
        H::Gestational
    );
    assert_eq!(
        class(&htn(30, (145, 95), Some((145, 95)), Some(U::Plus2))),
        H::PreEclampsia
    );
    assert_eq!(
        class(&htn(30, (145, 95), Some((145, 95)), Some(U::Plus4))),
        H::PreEclampsia
    );
    assert_eq!(
        class(&htn(30, (160, 95), Some((161, 95)), Some(U::Plus2))),
        H::SeverePreEclampsia
    );
    // The deliberate choice: ≥ 140/90 with ++ and no severe feature is not "severe".
    let pe = assess(
        &htn(30, (140, 90), Some((140, 90)), Some(U::Plus2)),
        &Policy::india(),
    );
    assert_eq!(pe.codes(), ["PRE_ECLAMPSIA"]);
    assert_eq!(pe.flags[0].facts.text("protein").unwrap(), "++");
    assert_eq!(pe.referral.level, CareLevel::L3);
    assert_eq!(pe.referral.urgency, Urgency::Planned);
    let mut with_symptom = htn(30, (145, 95), Some((145, 95)), Some(U::Plus3));
    with_symptom.symptoms = vec![Symptom::EpigastricPain];
    let a = assess(&with_symptom, &Policy::india());
    assert_eq!(a.codes(), ["SEVERE_PRE_ECLAMPSIA"]);
    assert_eq!(
        a.flags[0].facts.text("features").unwrap(),
        "proteinuria,epigastric_pain"
    );
    assert_eq!(
        a.flags[0].message(Lang::En),
        "Severe pre-eclampsia: blood pressure 145/95; 145/95 with proteinuria, epigastric pain. Give magnesium sulphate and refer urgently for delivery."
    );
    assert!(a.flags[0].message(Lang::Hi).contains("पेट के ऊपरी भाग में दर्द"));
    // ANC.DT.17 clauses 1-2: a symptom is severe pre-eclampsia whatever the urine protein.
    let mut no_protein = htn(30, (145, 95), Some((145, 95)), Some(U::Nil));
    no_protein.symptoms = vec![Symptom::Dizziness];
    let a = assess(&no_protein, &Policy::india());
    assert_eq!(a.codes(), ["SEVERE_PRE_ECLAMPSIA"]);
    assert_eq!(a.flags[0].facts.text("features").unwrap(), "dizziness");
    let mut untested = htn(30, (145, 95), Some((145, 95)), None);
    untested.symptoms = vec![Symptom::Vomiting];
    let a = assess(&untested, &Policy::india());
    assert_eq!(a.hypertension, Some(H::SeverePreEclampsia));
    assert!(!a.not_assessed.iter().any(|f| f == "urine_protein"));
    // Severe-range pressure on both readings with a symptom and no protein.
    let mut severe = htn(30, (165, 100), Some((162, 104)), Some(U::Plus1));
    severe.symptoms = vec![Symptom::VisualDisturbance];
    let a = assess(&severe, &Policy::india());
    assert_eq!(
        a.flags[0].facts.text("features").unwrap(),
        "severe_range_bp,visual_disturbance"
    );
    // A symptom needs confirmed raised pressure: one raised reading is not enough.
    let mut unconfirmed = htn(30, (145, 95), Some((130, 85)), Some(U::Nil));
    unconfirmed.symptoms = vec![Symptom::Dizziness];
    assert_eq!(class(&unconfirmed), H::Normal);
    // A danger-sign headache counts as a severe symptom.
    let mut headache = htn(30, (145, 95), Some((145, 95)), Some(U::Plus2));
    headache.danger_signs = vec![DangerSign::SevereHeadache];
    let a = assess(&headache, &Policy::india());
    assert_eq!(a.codes(), ["DANGER_SIGN", "SEVERE_PRE_ECLAMPSIA"]);
    // Protein not tested: gestational hypertension, and the gap is named.
    let untested = assess(&htn(30, (145, 95), Some((145, 95)), None), &Policy::india());
    assert_eq!(untested.hypertension, Some(H::Gestational));
    assert!(untested.not_assessed.iter().any(|f| f == "urine_protein"));
}

#[test]
fn raised_pressure_is_confirmed_only_by_the_same_component_on_both_readings() {
    use HypertensionClass as H;
    let nil = Some(UrineProtein::Nil);
    for (bp, repeat, want) in [
        ((145, 85), (130, 95), H::Normal),
        ((140, 85), (138, 92), H::Normal),
        ((140, 85), (141, 80), H::Gestational),
        ((139, 90), (130, 90), H::Gestational),
        ((139, 90), (150, 89), H::Normal),
        ((150, 95), (145, 92), H::Gestational),
        // Severe range: the same component ≥ 160 or ≥ 110 on both readings.
        ((160, 95), (150, 110), H::Gestational),
        ((160, 95), (160, 80), H::Severe),
        ((150, 110), (145, 110), H::Severe),
        ((159, 109), (170, 115), H::Gestational),
    ] {
        assert_eq!(
            class(&htn(30, bp, Some(repeat), nil)),
            want,
            "{bp:?} then {repeat:?}"
        );
    }
    // One raised component on the first reading is enough to ask for the repeat.
    let a = assess(&htn(30, (120, 90), None, nil), &Policy::india());
    assert_eq!(a.hypertension, Some(H::RaisedUnconfirmed));
    assert!(a.not_assessed.iter().any(|f| f == "bp_repeat"));
}

#[test]
fn convulsions_with_a_raised_reading_are_eclampsia_an_emergency() {
    let mut r = htn(34, (150, 100), None, None);
    r.danger_signs = vec![DangerSign::Convulsing];
    let a = assess(&r, &Policy::india());
    assert_eq!(a.codes(), ["ECLAMPSIA"]);
    assert_eq!(a.hypertension, Some(HypertensionClass::Eclampsia));
    assert_eq!(a.risk_level, RiskLevel::Emergency);
    assert_eq!(a.referral.level, CareLevel::L3);
    assert_eq!(a.referral.urgency, Urgency::Emergency);
    // Convulsions with a normal pressure are a danger sign, not eclampsia.
    let mut normal = htn(34, (120, 80), None, None);
    normal.danger_signs = vec![DangerSign::Convulsing];
    let a = assess(&normal, &Policy::india());
    assert_eq!(a.codes(), ["DANGER_SIGN"]);
    assert_eq!(a.flags[0].facts.text("sign").unwrap(), "convulsing");
    assert_eq!(
        a.flags[0].message(Lang::Hi),
        "खतरे का संकेत: दौरे (झटके)। तुरंत अस्पताल रेफर करें।"
    );
}

#[test]
fn hypertension_at_20_weeks_is_chronic_and_after_it_gestational() {
    use HypertensionClass as H;
    let p = Some(UrineProtein::Plus2);
    let at = |weeks: i64, days: i64| AncRecord {
        lmp: Some(lmp_at(weeks, days)),
        bp: Some(BloodPressure::new(145, 95)),
        bp_repeat: Some(BloodPressure::new(145, 95)),
        urine_protein: p,
        ..AncRecord::default()
    };
    // Before 20+0 weeks chronic; from 20+0 gestational, so protein ++ makes pre-eclampsia.
    assert_eq!(class(&at(19, 6)), H::Chronic);
    assert_eq!(
        codes(&at(19, 6), &Policy::india()),
        ["CHRONIC_HYPERTENSION"]
    );
    assert_eq!(
        assess(&at(19, 6), &Policy::india()).flags[0]
            .facts
            .text("basis")
            .unwrap(),
        "early_gestation"
    );
    assert_eq!(class(&at(20, 0)), H::PreEclampsia);
    assert_eq!(codes(&at(20, 0), &Policy::india()), ["PRE_ECLAMPSIA"]);
    assert_eq!(class(&at(20, 6)), H::PreEclampsia);
    assert_eq!(class(&at(21, 0)), H::PreEclampsia);
    let known = AncRecord {
        conditions: vec![KnownCondition::ChronicHypertension],
        ..at(32, 0)
    };
    assert_eq!(class(&known), H::PreEclampsia);
    assert_eq!(
        codes(&known, &Policy::india()),
        ["CHRONIC_HYPERTENSION", "PRE_ECLAMPSIA"]
    );
    let f = &assess(&known, &Policy::india()).flags[0];
    assert_eq!(
        f.message(Lang::En),
        "Chronic hypertension (known before pregnancy)."
    );
}
