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
