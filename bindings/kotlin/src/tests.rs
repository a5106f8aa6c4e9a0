//! Conversions between the mirror types and the core types (the JVM tests cover the rest).

use chrono::DateTime;

use crate::*;

fn t(text: &str) -> Timestamp {
    Timestamp::from(DateTime::parse_from_rfc3339(text).unwrap())
}

#[test]
fn every_standard_group_and_every_notation_round_trips() {
    for text in ["O-", "AB+", "Oh", "Oh+", "A2B+", "A1-", "O+ weak D", "B"] {
        let core = rakt::BloodGroup::parse(text).unwrap();
        let mirror = BloodGroup::from(core);
        assert_eq!(mirror.to_core().unwrap(), core, "{text}");
        assert_eq!(mirror.to_string(), core.to_string(), "{text}");
        assert_eq!(mirror.notation().unwrap(), core.notation(), "{text}");
        assert_eq!(parse_blood_group(text.to_string()).unwrap(), mirror);
    }
}

#[test]
fn an_impossible_group_is_refused_by_the_core() {
    let bogus = BloodGroup {
        abo: Abo::O,
        rhd: Some(RhD::Positive),
        a_subgroup: Some(ASubgroup::A2),
        weak_d: false,
    };
    assert_eq!(bogus.to_string(), "O+");
    assert!(matches!(
        bogus.notation(),
        Err(RaktException::InvalidBloodGroup { .. })
    ));
}

#[test]
fn errors_keep_their_kind_fields_and_core_message() {
    let core_errors = [
        rakt::BloodGroup::parse("C+").unwrap_err(),
        rakt::Policy::from_toml("name = [").unwrap_err(),
        rakt::Product::new(rakt::Component::RedCells, None, None).unwrap_err(),
        rakt::RaktError::PolicyValueMissing {
            policy: "p".into(),
            path: "shelf_life.plasma".into(),
            reason: "r".into(),
        },
        rakt::RaktError::NotApplicable {
            code: "NOT_FROZEN".into(),
            reason: "r".into(),
        },
    ];
    for core in core_errors {
        let mirror = RaktException::from(core.clone());
        assert_eq!(mirror.to_string(), core.to_string());
        let kind = format!("{mirror:?}");
        assert!(kind.starts_with(core.kind()), "{kind} vs {}", core.kind());
    }
}

#[test]
fn timestamps_keep_instant_offset_and_fraction() {
    for text in [
        "2026-01-01T10:00:00+05:30",
        "2026-01-01T04:30:00Z",
        "2026-01-01T10:00:00.123456789-03:00",
    ] {
        let core = DateTime::parse_from_rfc3339(text).unwrap();
        let parsed = Timestamp::from(core).parse("x").unwrap();
        assert_eq!(parsed, core);
        assert_eq!(parsed.offset(), core.offset());
    }
    let naive = parse_timestamp("2026-01-01T10:00:00".into()).unwrap_err();
    assert!(matches!(naive, RaktException::InvalidInput { ref field, .. } if field == "time"));
}

#[test]
fn an_expiry_survives_the_round_trip_through_kotlin_types() {
    let product = Product {
        component: Component::Platelets,
        preservative: None,
        platelet_source: Some(PlateletSource::Apheresis),
        modifications: vec![],
    };
    let e = compute_expiry(product, t("2026-05-01T08:00:00+05:30"), None).unwrap();
    assert_eq!(e.expires_at, t("2026-05-04T23:59:00+05:30"));
    let core = e.to_core("expiry").unwrap();
    assert_eq!(Expiry::from(core), e);
    let unchanged = redate(
        e.clone(),
        Redating::Irradiated {
            at: t("2026-05-02T08:00:00+05:30"),
        },
        None,
    )
    .unwrap();
    assert_eq!(unchanged.product.modifications, [Modification::Irradiated]);
}

#[test]
fn reasons_render_through_the_core() {
    let v = compatibility(
        Component::RedCells,
        parse_blood_group("A+".into()).unwrap(),
        Recipient {
            group: Some(parse_blood_group("O+".into()).unwrap()),
            sex: None,
            age_years: None,
            anti_d: false,
            chronically_transfused: false,
        },
        None,
    )
    .unwrap();
    let r = v.reasons.first().unwrap();
    assert_eq!(r.code, "RED_CELLS_ABO_INCOMPATIBLE");
    assert!(r.message("hi".into()).unwrap().contains("एंटी-A"));
    assert!(matches!(
        r.message("fr".into()),
        Err(RaktException::InvalidInput { ref field, .. }) if field == "lang"
    ));
}

fn every_event_kind() -> Vec<EventKind> {
    let group = Some(parse_blood_group("A2B+".into()).unwrap());
    vec![
        EventKind::Collected,
        EventKind::Quarantine,
        EventKind::RecordTest {
            marker: TtiMarker::HivNat,
            result: TestResult::InitiallyReactive,
        },
        EventKind::RecordRepeat {
            marker: TtiMarker::AntiHbc,
            first: TestResult::Indeterminate,
            second: TestResult::NonReactive,
        },
        EventKind::RecordGrouping {
            forward: group,
            reverse: Some(Abo::AB),
            historical: None,
        },
        EventKind::Release,
        EventKind::Reserve {
            patient: "P-1".into(),
            until: t("2026-11-02T08:00:00+05:30"),
        },
        EventKind::Crossmatch {
            patient: "P-1".into(),
            until: t("2026-11-02T08:00:00Z"),
        },
        EventKind::CancelReservation,
        EventKind::Issue {
            patient: "P-1".into(),
        },
        EventKind::Transfuse,
        EventKind::TransfuseWithReaction {
            details: "fever".into(),
        },
        EventKind::Return {
            minutes_out_of_storage: Some(25),
            keep_for_patient: true,
        },
        EventKind::Discard {
            reason: DiscardReason::ColdChainBreak,
        },
        EventKind::Discard {
            reason: DiscardReason::Other { text: "x".into() },
        },
        EventKind::SendForFractionation,
        EventKind::Irradiate,
        EventKind::Wash,
        EventKind::Open,
        EventKind::Thaw {
            storage: Storage::RoomTemperature,
        },
        EventKind::SplitInto {
            children: vec!["DIN-1/A0".into(), "DIN-1/B0".into()],
        },
        EventKind::SplitFrom {
            parent: "DIN-1".into(),
        },
        EventKind::PooledInto {
            pool: "POOL-1".into(),
        },
        EventKind::PooledFrom {
            constituents: vec!["P1/A0".into(), "P2".into()],
        },
    ]
}

#[test]
fn every_event_kind_round_trips_through_the_core() {
    for kind in every_event_kind() {
        let event = UnitEvent {
            at: t("2026-11-01T09:00:00+05:30"),
            actor: "tech".into(),
            kind: kind.clone(),
            reasons: vec![],
        };
        let core = event.to_core().unwrap();
        assert_eq!(UnitEvent::from(&core), event, "{kind:?}");
    }
    // `/` separates the DIN from the division, so an id whose last part is not a division is
    // refused rather than read as a DIN containing `/`
    let odd = EventKind::SplitFrom {
        parent: "A/B/c".into(),
    };
    let event = UnitEvent {
        at: t("2026-11-01T09:00:00+05:30"),
        actor: "tech".into(),
        kind: odd,
        reasons: vec![],
    };
    assert!(matches!(
        event.to_core(),
        Err(RaktException::InvalidInput { ref field, .. }) if field == "din"
    ));
}

#[test]
fn dates_and_decimals_are_read_inside_calls() {
    // rakt's calendar is the years 1 to 9999 in every language.
    let last = Date::from(chrono::NaiveDate::from_ymd_opt(9999, 12, 31).unwrap());
    assert_eq!(last.parse("x").unwrap().to_string(), "9999-12-31");
    let d = Date::from(chrono::NaiveDate::from_ymd_opt(10000, 1, 1).unwrap());
    assert_eq!(
        d.parse("x").unwrap_err().to_string(),
        "invalid input: x: \"+10000-01-01\" is outside the years 1 to 9999"
    );
    let far = Date::from(chrono::NaiveDate::MAX);
    assert!(far.parse("x").is_err());
    let dec = Decimal::from(rust_decimal::Decimal::new(125, 1));
    assert_eq!(dec.parse("x").unwrap().to_string(), "12.5");
    let exact = Decimal::from(rust_decimal::Decimal::new(12500, 3));
    assert_eq!(exact.parse("x").unwrap().to_string(), "12.500");
}

#[test]
fn a_unit_is_immutable_and_refusals_are_typed() {
    let collection = Collection {
        din: "DIN-1".into(),
        product: Product {
            component: Component::RedCells,
            preservative: Some(Preservative::AdditiveSolution),
            platelet_source: None,
            modifications: vec![],
        },
        group: parse_blood_group("O+".into()).unwrap(),
        volume_ml: 280,
        donation_type: DonationType::Voluntary,
        collected_at: t("2026-11-01T09:00:00+05:30"),
        division: None,
        donor_id: None,
        first_donation: false,
    };
    let unit = BloodUnit::collect(collection.clone(), "tech".into(), None).unwrap();
    assert_eq!(unit.to_string(), "DIN-1 (collected)");
    let event = |kind| UnitEvent {
        at: t("2026-11-01T10:00:00+05:30"),
        actor: "tech".into(),
        kind,
        reasons: vec![],
    };
    let refused = unit
        .apply(
            event(EventKind::Issue {
                patient: "P".into(),
            }),
            None,
        )
        .unwrap_err();
    assert!(
        matches!(refused, RaktException::NotApplicable { ref code, .. } if code == "INVALID_TRANSITION")
    );
    assert_eq!(unit.status(), UnitStatus::Collected);
    assert_eq!(unit.history().len(), 1);
    let q = unit.apply(event(EventKind::Quarantine), None).unwrap();
    assert_eq!(q.status(), UnitStatus::Quarantined);
    assert_ne!(*q, *unit);
    let negative = Collection {
        volume_ml: -1,
        ..collection
    };
    assert!(matches!(
        BloodUnit::collect(negative, "tech".into(), None),
        Err(RaktException::InvalidInput { ref field, .. }) if field == "volume_ml"
    ));
}

#[test]
fn a_batch_row_is_the_per_record_result_and_a_bad_row_fails_only_itself() {
    let inputs = vec![
        RobsonInput {
            fetuses: Some(2),
            ..RobsonInput::default()
        },
        RobsonInput {
            parity: Some(-1),
            ..RobsonInput::default()
        },
        RobsonInput::default(),
    ];
    let rows = robson_groups(inputs.clone(), None);
    assert_eq!(rows.len(), inputs.len());
    for (input, row) in inputs.into_iter().zip(rows) {
        let expected = match robson_group(input, None) {
            Ok(value) => RobsonRow::Ok { value },
            Err(error) => RobsonRow::Err { error },
        };
        assert_eq!(row, expected);
    }
    let vitals = vec![
        Vitals {
            spo2: Some(94),
            ..Vitals::default()
        },
        Vitals {
            heart_rate: Some(-5),
            ..Vitals::default()
        },
    ];
    let rows = early_warnings(vitals, None);
    assert!(
        matches!(rows[0], EarlyWarningRow::Ok { ref value } if value.level == WarningBand::Red)
    );
    assert!(matches!(
        rows[1],
        EarlyWarningRow::Err { error: RaktException::InvalidInput { ref field, .. } } if field == "heart_rate"
    ));
    assert!(early_warnings(vec![], None).is_empty());
}

#[test]
fn an_inventory_poisoned_by_a_panic_is_still_readable_and_usable() {
    let inv = Inventory::new("FRU-1".to_string(), None);
    let poisoned = std::thread::scope(|s| {
        s.spawn(|| {
            let _held = inv.lock().unwrap();
            panic!("a panic while the lock is held");
        })
        .join()
    });
    assert!(poisoned.is_err());
    assert_eq!(inv.len().unwrap(), 0);
    assert_eq!(inv.facility().unwrap(), "FRU-1");
    assert!(!inv.inner_is_poisoned());
}

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn dec(text: &str) -> Decimal {
    Decimal::from(text.parse::<rust_decimal::Decimal>().unwrap())
}

/// An ANC record with nothing recorded.
fn anc() -> AncRecord {
    AncRecord {
        id: None,
        age_years: None,
        height_cm: None,
        weight_kg: None,
        gravida: None,
        parity: None,
        living_children: None,
        previous_caesareans: None,
        previous_stillbirths: None,
        previous_abortions: None,
        previous_neonatal_deaths: None,
        months_since_last_pregnancy: None,
        lmp: None,
        edd: None,
        fetuses: None,
        presentation: None,
        hb_g_dl: None,
        haematocrit_pct: None,
        platelets_per_ul: None,
        bp: None,
        bp_repeat: None,
        urine_protein: None,
        ogtt_2h_mg_dl: None,
        thyroid: None,
        blood_group: None,
        hiv: None,
        syphilis: None,
        hbsag: None,
        conditions: vec![],
        danger_signs: vec![],
        symptoms: vec![],
        vaginal_bleeding: false,
        organ_support: None,
    }
}

/// Varied records at 2026-11-23: pre-eclampsia, eclampsia, placenta praevia in a B- mother,
/// repeated codes, nothing recorded, severe anaemia, and three refused (by the core, by the
/// binding, and a date rakt cannot hold).
fn varied_records() -> Vec<AncRecord> {
    let bp = |systolic, diastolic| {
        Some(BloodPressure {
            systolic,
            diastolic,
        })
    };
    vec![
        AncRecord {
            lmp: Some(day(2026, 3, 30)),
            bp: bp(150, 100),
            bp_repeat: bp(148, 96),
            urine_protein: Some(UrineProtein::Plus2),
            hb_g_dl: Some(dec("10.5")),
            ..anc()
        },
        AncRecord {
            lmp: Some(day(2026, 3, 16)),
            bp: bp(160, 110),
            danger_signs: vec![DangerSign::Convulsing],
            ..anc()
        },
        AncRecord {
            id: Some("MCTS-42".into()),
            age_years: Some(29),
            blood_group: Some(parse_blood_group("B-".into()).unwrap()),
            conditions: vec![KnownCondition::PlacentaPraevia],
            edd: Some(day(2026, 12, 1)),
            ..anc()
        },
        AncRecord {
            age_years: Some(17),
            danger_signs: vec![DangerSign::Fever, DangerSign::SevereHeadache],
            conditions: vec![KnownCondition::HeartDisease, KnownCondition::Epilepsy],
            ..anc()
        },
        anc(),
        AncRecord {
            hb_g_dl: Some(dec("7.0")),
            ..anc()
        },
        AncRecord {
            gravida: Some(2),
            parity: Some(2),
            ..anc()
        },
        AncRecord {
            age_years: Some(-1),
            ..anc()
        },
        AncRecord {
            lmp: Some(Date::from(chrono::NaiveDate::MAX)),
            ..anc()
        },
    ]
}

#[test]
fn a_pregnancy_decision_is_the_assessment_without_its_explanation() {
    let as_of = day(2026, 11, 23);
    let records = varied_records();
    for policy in [None, Some(Policy::builtin("uk".into()).unwrap())] {
        let mut refused = 0;
        for r in &records {
            let decided = decide_pregnancy(r.clone(), as_of.clone(), policy.clone());
            match assess_pregnancy(r.clone(), as_of.clone(), policy.clone()) {
                Ok(a) => {
                    let d = decided.unwrap();
                    assert_eq!(a.decision(), d, "{r:?}");
                    assert_eq!(d.codes, a.codes());
                    assert_eq!(d.not_assessed, a.not_assessed);
                    assert_eq!(d.blood_units, a.blood_plan.units);
                }
                Err(e) => {
                    refused += 1;
                    let d = decided.unwrap_err();
                    assert_eq!(format!("{d:?}"), format!("{e:?}"));
                    assert_eq!(d.to_string(), e.to_string());
                }
            }
        }
        assert_eq!(refused, 3);
    }
}

#[test]
fn a_pregnancy_decision_has_exact_values() {
    let as_of = day(2026, 11, 23);
    let decide = |r: &AncRecord| decide_pregnancy(r.clone(), as_of.clone(), None);
    let records = varied_records();

    let pe = decide(&records[0]).unwrap();
    assert_eq!(pe.risk_level, RiskLevel::High);
    assert_eq!(pe.codes, ["PRE_ECLAMPSIA"]);
    assert_eq!(
        pe.gestational_age,
        Some(GestationalAge { weeks: 34, days: 0 })
    );
    assert_eq!(pe.hypertension, Some(HypertensionClass::PreEclampsia));
    assert_eq!(pe.anaemia, Some(AnaemiaGrade::Mild));
    assert_eq!(
        (pe.referral_level, pe.referral_urgency),
        (CareLevel::L3, Urgency::Planned)
    );
    assert_eq!(
        (pe.blood_action, pe.blood_units),
        (BloodActionKind::None, 0)
    );

    let ec = decide(&records[1]).unwrap();
    assert_eq!(ec.risk_level, RiskLevel::Emergency);
    assert_eq!(ec.codes, ["ECLAMPSIA"]);
    assert_eq!(ec.referral_urgency, Urgency::Emergency);

    let pp = decide(&records[2]).unwrap();
    assert_eq!(pp.codes, ["PLACENTA_PRAEVIA", "RH_NEGATIVE"]);
    assert_eq!(pp.edd, Some(day(2026, 12, 1)));
    assert_eq!(pp.blood_tier, BloodRiskTier::High);
    assert_eq!(
        (pp.blood_action, pp.blood_units),
        (BloodActionKind::Crossmatch, 2)
    );

    // a code once per flag: one DANGER_SIGN per sign, one MEDICAL_CONDITION per condition
    let many = decide(&records[3]).unwrap();
    assert_eq!(
        many.codes,
        [
            "DANGER_SIGN",
            "DANGER_SIGN",
            "YOUNG_AGE",
            "MEDICAL_CONDITION",
            "MEDICAL_CONDITION"
        ]
    );

    let nothing = decide(&records[4]).unwrap();
    assert_eq!(nothing.risk_level, RiskLevel::Low);
    assert!(nothing.codes.is_empty());
    assert_eq!(nothing.gestational_age, None);
    assert_eq!(
        nothing.not_assessed.first().map(String::as_str),
        Some("age_years")
    );
    assert!(nothing.not_assessed.iter().any(|n| n == "lmp_or_edd"));

    assert_eq!(decide(&records[5]).unwrap().codes, ["SEVERE_ANAEMIA"]);
    assert!(matches!(
        decide(&records[6]),
        Err(RaktException::InvalidInput { ref field, .. }) if field == "parity"
    ));
    assert!(matches!(
        decide(&records[7]),
        Err(RaktException::InvalidInput { ref field, ref reason })
            if field == "age_years" && reason == "-1 is negative"
    ));
    // a bad as-of date is refused as assessPregnancy refuses it
    let far = Date::from(chrono::NaiveDate::MAX);
    let e = decide_pregnancy(anc(), far.clone(), None).unwrap_err();
    assert_eq!(
        e,
        assess_pregnancy(anc(), far, None).unwrap_err(),
        "the same exception"
    );
    assert!(matches!(e, RaktException::InvalidInput { ref field, .. } if field == "as_of"));
}

#[test]
fn decide_pregnancies_rows_are_the_per_record_decisions() {
    let as_of = day(2026, 11, 23);
    let records = varied_records();
    let rows = decide_pregnancies(records.clone(), as_of.clone(), None).unwrap();
    assert_eq!(rows.len(), records.len());
    for (r, row) in records.iter().zip(rows) {
        assert_eq!(
            row,
            PregnancyDecisionRow::from(decide_pregnancy(r.clone(), as_of.clone(), None))
        );
    }
    assert!(decide_pregnancies(vec![], as_of, None).unwrap().is_empty());
    let far = Date::from(chrono::NaiveDate::MAX);
    assert!(matches!(
        decide_pregnancies(records, far, None),
        Err(RaktException::InvalidInput { ref field, .. }) if field == "as_of"
    ));
}

fn varied_vitals() -> Vec<Vitals> {
    vec![
        Vitals {
            heart_rate: Some(101),
            systolic_bp: Some(120),
            ..Vitals::default()
        },
        Vitals {
            heart_rate: Some(101),
            respiratory_rate: Some(21),
            ..Vitals::default()
        },
        Vitals {
            spo2: Some(94),
            consciousness: Some(Avpu::Voice),
            ..Vitals::default()
        },
        Vitals::default(),
        Vitals {
            heart_rate: Some(-5),
            ..Vitals::default()
        },
        Vitals {
            systolic_bp: Some(100),
            diastolic_bp: Some(100),
            ..Vitals::default()
        },
    ]
}

#[test]
fn a_warning_decision_is_the_chart_without_its_text() {
    for policy in [
        None,
        Some(Policy::builtin("india_meows_score".into()).unwrap()),
    ] {
        let mut refused = 0;
        for v in varied_vitals() {
            let decided = decide_early_warning(v.clone(), policy.clone());
            match early_warning(v.clone(), policy.clone()) {
                Ok(w) => {
                    let d = decided.unwrap();
                    assert_eq!(w.decision(), d, "{v:?}");
                    for (sign, band) in core_signs().into_iter().zip(&d.bands) {
                        assert_eq!(w.band(sign), *band);
                        assert_eq!(d.band(sign), *band);
                    }
                }
                Err(e) => {
                    refused += 1;
                    assert_eq!(decided.unwrap_err(), e);
                }
            }
        }
        assert_eq!(refused, 2);
    }
    let d = decide_early_warning(varied_vitals()[0].clone(), None).unwrap();
    assert_eq!(d.mode, WarningMode::Chart);
    assert!(!d.triggered);
    assert_eq!(d.level, WarningBand::Green);
    use WarningBand::{Green, NotAssessed as Na, Yellow};
    assert_eq!(d.bands, [Na, Na, Na, Green, Na, Yellow, Na]);
    assert_eq!((d.reds, d.yellows, d.score), (0, 1, None));
    let red = decide_early_warning(varied_vitals()[2].clone(), None).unwrap();
    assert_eq!(red.level, WarningBand::Red);
    assert_eq!(red.band(VitalSign::Spo2), WarningBand::Red);
    assert_eq!(red.band(VitalSign::Consciousness), WarningBand::Red);
    assert_eq!(red.reds, 2);
    let empty = decide_early_warning(Vitals::default(), None).unwrap();
    assert_eq!(empty.level, WarningBand::NotAssessed);
    assert_eq!(empty.bands, [Na; 7]);
    let score = Policy::builtin("india_meows_score".into()).unwrap();
    let s = decide_early_warning(
        Vitals {
            heart_rate: Some(101),
            systolic_bp: Some(150),
            ..Vitals::default()
        },
        Some(score),
    )
    .unwrap();
    assert_eq!(
        (s.mode, s.score, s.level),
        (WarningMode::Score, Some(3), WarningBand::Yellow)
    );
}

/// Every sign, in chart order.
fn core_signs() -> Vec<VitalSign> {
    rakt::maternal::VitalSign::ALL
        .iter()
        .map(|&s| VitalSign::from(s))
        .collect()
}

#[test]
fn decide_early_warnings_rows_are_the_per_record_decisions() {
    let vitals = varied_vitals();
    let rows = decide_early_warnings(vitals.clone(), None);
    assert_eq!(rows.len(), vitals.len());
    for (v, row) in vitals.into_iter().zip(rows) {
        assert_eq!(row, WarningDecisionRow::from(decide_early_warning(v, None)));
    }
    assert!(decide_early_warnings(vec![], None).is_empty());
}

/// Recipients of every kind the rules look at: each standard group, women and girls of
/// child-bearing age and older, men, anti-D, chronic transfusion, unknown group (emergency),
/// unknown sex and age; and two refused (an impossible group, a negative age).
fn varied_recipients() -> Vec<Recipient> {
    let none = Recipient {
        group: None,
        sex: None,
        age_years: None,
        anti_d: false,
        chronically_transfused: false,
    };
    let mut all: Vec<Recipient> = rakt::BloodGroup::STANDARD
        .iter()
        .map(|&g| Recipient {
            group: Some(g.into()),
            ..none.clone()
        })
        .collect();
    let o_neg = Some(parse_blood_group("O-".into()).unwrap());
    let a_pos = Some(parse_blood_group("A+".into()).unwrap());
    all.extend([
        Recipient {
            group: o_neg,
            sex: Some(Sex::Female),
            age_years: Some(28),
            ..none.clone()
        },
        Recipient {
            group: o_neg,
            sex: Some(Sex::Female),
            age_years: Some(70),
            ..none.clone()
        },
        Recipient {
            group: parse_blood_group("B-".into()).ok(),
            sex: Some(Sex::Male),
            age_years: Some(40),
            anti_d: true,
            ..none.clone()
        },
        Recipient {
            group: parse_blood_group("AB-".into()).ok(),
            sex: Some(Sex::Other),
            age_years: Some(9),
            chronically_transfused: true,
            ..none.clone()
        },
        Recipient {
            group: parse_blood_group("A2B+".into()).ok(),
            sex: Some(Sex::Male),
            age_years: Some(55),
            ..none.clone()
        },
        none.clone(),
        Recipient {
            sex: Some(Sex::Female),
            age_years: Some(25),
            ..none.clone()
        },
        Recipient {
            sex: Some(Sex::Male),
            age_years: Some(35),
            anti_d: true,
            ..none.clone()
        },
        Recipient {
            group: Some(BloodGroup {
                abo: Abo::O,
                rhd: Some(RhD::Positive),
                a_subgroup: Some(ASubgroup::A2),
                weak_d: false,
            }),
            ..none.clone()
        },
        Recipient {
            group: a_pos,
            age_years: Some(-1),
            ..none
        },
    ]);
    all
}

/// Every standard donor group, and one impossible group built in Kotlin.
fn varied_donors() -> Vec<BloodGroup> {
    let mut all: Vec<BloodGroup> = rakt::BloodGroup::STANDARD
        .iter()
        .map(|&g| g.into())
        .collect();
    all.push(BloodGroup {
        abo: Abo::O,
        rhd: Some(RhD::Positive),
        a_subgroup: Some(ASubgroup::A2),
        weak_d: false,
    });
    all
}

fn every_component() -> Vec<Component> {
    rakt::Component::ALL.iter().map(|&c| c.into()).collect()
}

#[test]
fn a_compatibility_decision_is_the_verdict_without_its_explanation() {
    for policy in [None, Some(Policy::builtin("us".into()).unwrap())] {
        let (mut decided_count, mut refused) = (0, 0);
        for component in every_component() {
            for donor in varied_donors() {
                for r in varied_recipients() {
                    let decided = decide_compatibility(component, donor, r.clone(), policy.clone());
                    match compatibility(component, donor, r.clone(), policy.clone()) {
                        Ok(v) => {
                            decided_count += 1;
                            let d = decided.unwrap();
                            assert_eq!(v.decision(), d, "{component:?} {donor} {r:?}");
                            assert_eq!(d.codes, v.codes());
                            assert_eq!(
                                d.codes,
                                v.reasons.iter().map(|x| x.code.clone()).collect::<Vec<_>>()
                            );
                        }
                        Err(e) => {
                            refused += 1;
                            let d = decided.unwrap_err();
                            assert_eq!(d, e, "{component:?} {donor} {r:?}");
                            assert_eq!(d.to_string(), e.to_string());
                        }
                    }
                }
            }
        }
        // 11 donors × 20 recipients × 8 components; the impossible donor and the two refused
        // recipients are refused: 8 × (20 + 10 × 2)
        assert_eq!(decided_count + refused, 8 * 11 * 20);
        assert_eq!(refused, 8 * (20 + 10 * 2));
    }
}

#[test]
fn a_compatibility_decision_has_exact_values() {
    let g = |text: &str| parse_blood_group(text.into()).unwrap();
    let to = |group: &str| Recipient {
        group: Some(g(group)),
        sex: None,
        age_years: None,
        anti_d: false,
        chronically_transfused: false,
    };
    let ffp = decide_compatibility(Component::FreshFrozenPlasma, g("O-"), to("AB+"), None).unwrap();
    assert_eq!(
        ffp,
        CompatibilityDecision {
            component: Component::FreshFrozenPlasma,
            donor: g("O-"),
            compatible: false,
            rank: Rank::Incompatible,
            emergency: false,
            codes: vec!["PLASMA_ABO_INCOMPATIBLE".into(), "RHD_NOT_REQUIRED".into()],
        }
    );
    let rbc = decide_compatibility(Component::RedCells, g("O-"), to("AB+"), None).unwrap();
    assert!(rbc.compatible);
    assert_eq!(rbc.rank, Rank::Compatible);
    assert!(!rbc.emergency);

    let woman = Recipient {
        sex: Some(Sex::Female),
        age_years: Some(28),
        ..to("O-")
    };
    let rh = decide_compatibility(Component::RedCells, g("O+"), woman, None).unwrap();
    assert!(!rh.compatible);
    assert_eq!(
        rh.codes.first().map(String::as_str),
        Some("RHD_NEGATIVE_REQUIRED")
    );

    let trauma = Recipient {
        group: None,
        sex: Some(Sex::Male),
        age_years: Some(35),
        ..to("O-")
    };
    let e = decide_compatibility(Component::RedCells, g("O-"), trauma, None).unwrap();
    assert!(e.emergency && e.compatible);
    assert!(e.codes.iter().any(|c| c == "EMERGENCY_RELEASE"));

    let negative = Recipient {
        age_years: Some(-1),
        ..to("A+")
    };
    assert!(matches!(
        decide_compatibility(Component::RedCells, g("O-"), negative, None),
        Err(RaktException::InvalidInput { ref field, .. }) if field == "recipient.age_years"
    ));
    let bogus = BloodGroup {
        abo: Abo::O,
        rhd: Some(RhD::Positive),
        a_subgroup: Some(ASubgroup::A2),
        weak_d: false,
    };
    assert!(matches!(
        decide_compatibility(Component::RedCells, bogus, to("A+"), None),
        Err(RaktException::InvalidBloodGroup { .. })
    ));
}

#[test]
fn decide_compatibilities_rows_are_the_per_record_decisions() {
    let mut requests = Vec::new();
    for component in every_component() {
        for donor in varied_donors() {
            for recipient in varied_recipients() {
                requests.push(CompatibilityRequest {
                    component,
                    donor,
                    recipient,
                });
            }
        }
    }
    for policy in [None, Some(Policy::builtin("us".into()).unwrap())] {
        let rows = decide_compatibilities(requests.clone(), policy.clone());
        let verdicts = compatibilities(requests.clone(), policy.clone());
        assert_eq!(rows.len(), requests.len());
        assert_eq!(verdicts.len(), requests.len());
        for ((r, row), verdict) in requests.iter().zip(rows).zip(verdicts) {
            let single =
                decide_compatibility(r.component, r.donor, r.recipient.clone(), policy.clone());
            assert_eq!(row, CompatibilityDecisionRow::from(single), "{r:?}");
            match (row, verdict) {
                (CompatibilityDecisionRow::Ok { value }, CompatibilityRow::Ok { value: v }) => {
                    assert_eq!(value, v.decision());
                }
                (CompatibilityDecisionRow::Err { error }, CompatibilityRow::Err { error: e }) => {
                    assert_eq!(error, e);
                }
                (row, verdict) => panic!("{r:?}: {row:?} vs {verdict:?}"),
            }
        }
    }
    assert!(decide_compatibilities(vec![], None).is_empty());
}
