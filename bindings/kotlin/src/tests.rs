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
