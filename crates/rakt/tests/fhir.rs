//! FHIR R5 BiologicallyDerivedProduct: exact values, the published R5 example, round trips and
//! refusals.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{DateTime, FixedOffset};
use rakt::fhir::{
    from_biologically_derived_product, from_biologically_derived_product_json,
    to_biologically_derived_product,
};
use rakt::isbt128::ProductTable;
use rakt::unit::{BloodUnit, Collection, DonationType, UnitEvent, UnitStatus};
use rakt::{BloodGroup, Policy, Preservative, Product, RaktError};
use serde_json::{Value, json};

const EXAMPLE: &str = include_str!("data/fhir_r5_biologicallyderivedproduct_example.json");
const TABLE: &str = include_str!("../../../examples/data/isbt128_products.toml");

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn table() -> ProductTable {
    ProductTable::from_toml(TABLE).unwrap()
}

fn event(at: &str, kind: Value) -> UnitEvent {
    serde_json::from_value(json!({"at": at, "actor": "tech", "kind": kind})).unwrap()
}

fn apply(mut unit: BloodUnit, events: &[UnitEvent], policy: &Policy) -> BloodUnit {
    for e in events {
        unit = unit.apply(e, policy).unwrap();
    }
    unit
}

fn collect(
    din: &str,
    division: Option<&str>,
    product: Product,
    group: &str,
    at: &str,
    policy: &Policy,
) -> BloodUnit {
    BloodUnit::collect(
        Collection {
            din: din.into(),
            division: division.map(str::to_string),
            product,
            group: BloodGroup::parse(group).unwrap(),
            volume_ml: 280,
            donation_type: DonationType::Voluntary,
            donor_id: Some("D-1".into()),
            first_donation: false,
            collected_at: t(at),
        },
        "tech",
        policy,
    )
    .unwrap()
}

/// Quarantine, the policy's mandatory markers non-reactive, grouping, release.
fn release_events(day: &str, group: &str, markers: &[&str]) -> Vec<UnitEvent> {
    let abo = group.trim_end_matches(['+', '-']);
    let mut out = vec![event(
        &format!("{day}T11:00:00+05:30"),
        json!({"type": "quarantine"}),
    )];
    for m in markers {
        out.push(event(
            &format!("{day}T12:00:00+05:30"),
            json!({"type": "record_test", "marker": m, "result": "non_reactive"}),
        ));
    }
    out.push(event(
        &format!("{day}T12:10:00+05:30"),
        json!({"type": "record_grouping", "forward": group, "reverse": abo}),
    ));
    out.push(event(
        &format!("{day}T13:00:00+05:30"),
        json!({"type": "release"}),
    ));
    out
}

const INDIA: [&str; 5] = ["hiv", "hbsag", "hcv", "syphilis", "malaria"];
const US: [&str; 10] = [
    "hiv", "hiv_nat", "hbsag", "anti_hbc", "hbv_nat", "hcv", "hcv_nat", "htlv", "syphilis", "wnv",
];

fn us_eastern() -> Policy {
    Policy::from_json(r#"{"name": "us-eastern", "extends": "us", "utc_offset": "-05:00"}"#).unwrap()
}

/// The unit of the R5 example: DIN A999921123456 division A0, E0398 (irradiated, leucoreduced
/// red cells in additive solution), A RhD positive, released; US policy (1–6 °C) in -05:00.
fn example_unit(policy: &Policy) -> BloodUnit {
    let rbc = Product::red_cells(Preservative::AdditiveSolution)
        .with_modifications([rakt::Modification::Leucoreduced]);
    let unit = collect(
        "A999921123456",
        Some("A0"),
        rbc,
        "A+",
        "2021-06-21T10:00:00-05:00",
        policy,
    );
    let mut events = vec![event(
        "2021-06-21T11:00:00-05:00",
        json!({"type": "quarantine"}),
    )];
    for m in US {
        events.push(event(
            "2021-06-21T12:00:00-05:00",
            json!({"type": "record_test", "marker": m, "result": "non_reactive"}),
        ));
    }
    events.push(event(
        "2021-06-21T12:10:00-05:00",
        json!({"type": "record_grouping", "forward": "A+", "reverse": "A"}),
    ));
    events.push(event(
        "2021-06-21T13:00:00-05:00",
        json!({"type": "release"}),
    ));
    events.push(event(
        "2021-07-10T09:00:00-05:00",
        json!({"type": "irradiate"}),
    ));
    apply(unit, &events, policy)
}

#[test]
fn the_example_unit_matches_the_published_r5_example() {
    let policy = us_eastern();
    let unit = example_unit(&policy);
    assert_eq!(unit.status(), UnitStatus::Released);
    let got = to_biologically_derived_product(
        &unit,
        Some(&table()),
        t("2021-07-15T09:00:00-05:00"),
        &policy,
    )
    .unwrap();
    let want: Value = serde_json::from_str(EXAMPLE).unwrap();
    // productCode: the same code, with the ICCBBA system.
    assert_eq!(
        got["productCode"]["coding"][0]["code"],
        want["productCode"]["coding"][0]["code"]
    );
    assert_eq!(
        got["productCode"]["coding"][0]["system"],
        "https://www.isbt128.org/uri/ProductDescriptionCode"
    );
    for key in [
        "identifier",
        "biologicalSourceEvent",
        "division",
        "expirationDate",
    ] {
        assert_eq!(got[key], want[key], "{key}");
    }
    assert_eq!(got["productStatus"]["code"], want["productStatus"]["code"]);
    for end in ["low", "high"] {
        for field in ["value", "unit", "system"] {
            assert_eq!(
                got["storageTempRequirements"][end][field],
                want["storageTempRequirements"][end][field],
                "{end}.{field}"
            );
        }
    }
    // ABORhD and Donor: exactly the example's properties.
    assert_eq!(got["property"][0], want["property"][0]);
    assert_eq!(got["property"][1], want["property"][1]);
    assert_eq!(
        got["productCategory"],
        json!({"system": "http://hl7.org/fhir/product-category", "code": "cells", "display": "Cells"})
    );
}

#[test]
fn the_published_example_is_read_as_far_as_it_goes() {
    // The example has no collection time (rakt keeps one per unit) and no volume.
    let policy = us_eastern();
    let err = from_biologically_derived_product_json(
        EXAMPLE,
        Some(&table()),
        t("2021-07-15T09:00:00-05:00"),
        &policy,
    )
    .unwrap_err();
    assert_eq!(
        err,
        RaktError::InvalidInput {
            field: "property".into(),
            reason: "no BagVolume property: rakt needs the unit's volume".into()
        }
    );
    let mut example: Value = serde_json::from_str(EXAMPLE).unwrap();
    example["property"].as_array_mut().unwrap().push(json!({"type": {"coding": [{"code": "BagVolume"}]}, "valueQuantity": {"value": 350, "unit": "mL"}}));
    let err = from_biologically_derived_product(
        &example,
        Some(&table()),
        t("2021-07-15T09:00:00-05:00"),
        &policy,
    )
    .unwrap_err();
    assert_eq!(err.kind(), "InvalidInput");
    assert!(
        matches!(&err, RaktError::InvalidInput { field, .. } if field == "collection.collectedDateTime"),
        "{err}"
    );
    example["collection"] = json!({"collectedDateTime": "2021-06-21T10:00:00-05:00"});
    let unit = from_biologically_derived_product(
        &example,
        Some(&table()),
        t("2021-07-15T09:00:00-05:00"),
        &policy,
    )
    .unwrap();
    assert_eq!(unit.id().to_string(), "A999921123456/A0");
    assert_eq!(unit.group().to_string(), "A+");
    assert_eq!(unit.product(), table().product("E0398").unwrap());
    assert_eq!(unit.expiry().expires_at, t("2021-08-02T23:59:00-05:00"));
    assert_eq!(unit.status(), UnitStatus::Released);
    assert_eq!(unit.volume_ml(), 350);
    // Without the table the code means nothing to rakt.
    let err =
        from_biologically_derived_product(&example, None, t("2021-07-15T09:00:00-05:00"), &policy)
            .unwrap_err();
    assert!(
        matches!(&err, RaktError::NotApplicable { code, reason } if code == "FHIR_UNREPRESENTABLE" && reason.starts_with("productCode.coding")),
        "{err}"
    );
}

#[test]
fn exact_export_of_a_quarantined_unit_without_isbt_din() {
    let policy = Policy::india();
    let unit = collect(
        "DIN-7",
        Some("B0"),
        Product::simple(rakt::Component::FreshFrozenPlasma).unwrap(),
        "O-",
        "2026-11-01T09:00:00+05:30",
        &policy,
    );
    let unit = apply(
        unit,
        &[event(
            "2026-11-01T09:30:00+05:30",
            json!({"type": "quarantine"}),
        )],
        &policy,
    );
    let got = to_biologically_derived_product(
        &unit,
        Some(&table()),
        t("2026-11-02T09:00:00+05:30"),
        &policy,
    )
    .unwrap();
    let want = json!({
        "resourceType": "BiologicallyDerivedProduct",
        "extension": [{"url": "https://github.com/rakt-health/rakt/fhir/StructureDefinition/unit-status", "valueCode": "quarantined"}],
        "productCategory": {"system": "http://hl7.org/fhir/product-category", "code": "fluid", "display": "Fluid"},
        "productCode": {"coding": [
            {"system": "https://www.isbt128.org/uri/ProductDescriptionCode", "code": "D0004", "display": "Local example: FRESH FROZEN PLASMA|CPDA-1/XX/<=-30C"},
            {"system": "https://github.com/rakt-health/rakt/fhir/product", "code": "fresh_frozen_plasma", "display": "fresh frozen plasma (FFP)"}
        ]},
        "identifier": [{"system": "https://github.com/rakt-health/rakt/fhir/unit-id", "value": "DIN-7/B0"}],
        "biologicalSourceEvent": {"system": "https://github.com/rakt-health/rakt/fhir/donation-id", "value": "DIN-7"},
        "division": "B0",
        "productStatus": {"system": "http://hl7.org/fhir/biologicallyderived-product-status", "code": "unavailable", "display": "Unavailable"},
        "collection": {"collectedDateTime": "2026-11-01T09:00:00+05:30"},
        "expirationDate": "2027-11-01T23:59:00+05:30",
        // India: frozen plasma at -18 °C or colder (policy storage.frozen).
        "storageTempRequirements": {"high": {"value": -18, "unit": "degrees C", "system": "http://unitsofmeasure.org", "code": "Cel"}},
        "property": [
            {"type": {"coding": [{"code": "ABORhD"}]}, "valueCodeableConcept": {"coding": [{"system": "https://www.isbt128.org/uri/ABORhD", "code": "95", "display": "O RhD Negative"}]}},
            {"type": {"coding": [{"code": "Donor"}]}, "valueCodeableConcept": {"coding": [{"system": "https://www.isbt128.org/uri/CollectionType", "code": "V", "display": "Volunteer"}]}},
            {"type": {"coding": [{"code": "BagVolume"}]}, "valueQuantity": {"value": 280, "unit": "mL", "system": "http://unitsofmeasure.org", "code": "mL"}}
        ]
    });
    assert_eq!(got, want);
}

fn round_trip(
    unit: &BloodUnit,
    table: Option<&ProductTable>,
    as_of: &str,
    policy: &Policy,
) -> BloodUnit {
    let as_of = t(as_of);
    let first = to_biologically_derived_product(unit, table, as_of, policy).unwrap();
    let back = from_biologically_derived_product(&first, table, as_of, policy).unwrap();
    let again = to_biologically_derived_product(&back, table, as_of, policy).unwrap();
    assert_eq!(first, again);
    assert_eq!(back.id(), unit.id());
    assert_eq!(back.group(), unit.group());
    assert_eq!(back.product(), unit.product());
    assert_eq!(back.expiry().expires_at, unit.expiry().expires_at);
    assert_eq!(back.status_at(as_of), unit.status_at(as_of));
    assert_eq!(back.volume_ml(), unit.volume_ml());
    assert_eq!(back.donation_type(), unit.donation_type());
    assert_eq!(back.collected_at(), unit.collected_at());
    back
}

#[test]
fn units_round_trip() {
    let india = Policy::india();
    let rbc = || Product::red_cells(Preservative::AdditiveSolution);
    let day = "2026-11-01";
    let released = apply(
        collect(
            "A999926000001",
            None,
            rbc(),
            "B+",
            "2026-11-01T09:00:00+05:30",
            &india,
        ),
        &release_events(day, "B+", &INDIA),
        &india,
    );
    let back = round_trip(&released, None, "2026-11-03T09:00:00+05:30", &india);
    assert_eq!(back.history().len(), 3);
    assert_eq!(back.history()[2].actor, "fhir-import");
    assert_eq!(
        back.history()[2].reasons[0].code.as_str(),
        "STATUS_IMPORTED"
    );
    round_trip(
        &released,
        Some(&table()),
        "2026-11-03T09:00:00+05:30",
        &india,
    );
    // Expired but released: unavailable, and still released after import.
    let late =
        to_biologically_derived_product(&released, None, t("2027-01-01T00:00:00+05:30"), &india)
            .unwrap();
    assert_eq!(late["productStatus"]["code"], "unavailable");
    round_trip(&released, None, "2027-01-01T00:00:00+05:30", &india);
    // Collected, quarantined, discarded with its reason.
    let collected = collect(
        "DIN 42",
        Some("A0"),
        rbc(),
        "A2B+",
        "2026-11-01T09:00:00+05:30",
        &india,
    );
    round_trip(&collected, None, "2026-11-01T10:00:00+05:30", &india);
    let discarded = apply(
        collected.clone(),
        &[event(
            "2026-11-01T09:30:00+05:30",
            json!({"type": "discard", "reason": "leakage"}),
        )],
        &india,
    );
    let back = round_trip(&discarded, None, "2026-11-01T10:00:00+05:30", &india);
    assert_eq!(back.discard_reason(), discarded.discard_reason());
    // Thawed plasma: re-dated, no storage range written.
    let ffp = collect(
        "A999926000002",
        None,
        Product::simple(rakt::Component::FreshFrozenPlasma).unwrap(),
        "AB+",
        "2026-11-01T09:00:00+05:30",
        &india,
    );
    let thawed = apply(
        ffp,
        &[event(
            "2026-11-20T08:00:00+05:30",
            json!({"type": "thaw", "storage": "refrigerated"}),
        )],
        &india,
    );
    let back = round_trip(&thawed, Some(&table()), "2026-11-20T09:00:00+05:30", &india);
    assert_eq!(
        back.expiry().reasons.last().unwrap().code.as_str(),
        "EXPIRY_IMPORTED"
    );
    let json =
        to_biologically_derived_product(&thawed, None, t("2026-11-20T09:00:00+05:30"), &india)
            .unwrap();
    assert!(json.get("storageTempRequirements").is_none());
    assert_eq!(
        json["productCode"]["coding"][0]["code"],
        "fresh_frozen_plasma+thawed"
    );
}

#[test]
fn held_units_export_but_do_not_import() {
    let india = Policy::india();
    let released = apply(
        collect(
            "A999926000003",
            None,
            Product::red_cells(Preservative::AdditiveSolution),
            "O+",
            "2026-11-01T09:00:00+05:30",
            &india,
        ),
        &release_events("2026-11-01", "O+", &INDIA),
        &india,
    );
    let reserved = apply(
        released,
        &[event(
            "2026-11-01T14:00:00+05:30",
            json!({"type": "reserve", "patient": "P-1", "until": "2026-11-03T14:00:00+05:30"}),
        )],
        &india,
    );
    let as_of = t("2026-11-02T09:00:00+05:30");
    let json = to_biologically_derived_product(&reserved, None, as_of, &india).unwrap();
    assert_eq!(json["extension"][0]["valueCode"], "reserved");
    assert_eq!(json["productStatus"]["code"], "unavailable");
    let err = from_biologically_derived_product(&json, None, as_of, &india).unwrap_err();
    assert!(
        matches!(&err, RaktError::NotApplicable { code, reason } if code == "FHIR_UNREPRESENTABLE" && reason.contains("patient")),
        "{err}"
    );
    // Once the hold has lapsed the unit is released again, and available.
    let later = t("2026-11-04T09:00:00+05:30");
    let json = to_biologically_derived_product(&reserved, None, later, &india).unwrap();
    assert_eq!(json["productStatus"]["code"], "available");
    assert_eq!(json["extension"][0]["valueCode"], "released");
}

fn base() -> Value {
    json!({
        "resourceType": "BiologicallyDerivedProduct",
        "productCode": {"coding": [{"system": "https://github.com/rakt-health/rakt/fhir/product", "code": "red_cells:cpda1"}]},
        "biologicalSourceEvent": {"system": "https://www.isbt128.org/uri/DonationIdentificationNumber", "value": "A9999 26 000004"},
        "collection": {"collectedDateTime": "2026-11-01T09:00:00+05:30"},
        "expirationDate": "2026-12-06T23:59:00+05:30",
        "property": [
            {"type": {"coding": [{"code": "ABORhD"}]}, "valueCodeableConcept": {"coding": [{"system": "https://www.isbt128.org/uri/ABORhD", "code": "51"}]}},
            {"type": {"coding": [{"code": "Donor"}]}, "valueCodeableConcept": {"coding": [{"system": "https://www.isbt128.org/uri/CollectionType", "code": "C"}]}},
            {"type": {"coding": [{"code": "BagVolume"}]}, "valueQuantity": {"value": 350, "code": "mL"}}
        ]
    })
}

fn import(v: &Value) -> Result<BloodUnit, RaktError> {
    from_biologically_derived_product(v, None, t("2026-11-02T09:00:00+05:30"), &Policy::india())
}

fn field_of(err: &RaktError) -> String {
    match err {
        RaktError::InvalidInput { field, .. } => format!("InvalidInput {field}"),
        RaktError::NotApplicable { code, reason } => format!(
            "NotApplicable {code} {}",
            reason.split(':').next().unwrap_or_default()
        ),
        other => other.kind().to_string(),
    }
}

#[test]
fn a_foreign_resource_imports_with_safe_defaults() {
    let unit = import(&base()).unwrap();
    assert_eq!(unit.id().to_string(), "A999926000004");
    assert_eq!(unit.group().to_string(), "O+");
    assert_eq!(unit.donation_type(), DonationType::Replacement);
    // No status at all: held in quarantine.
    assert_eq!(unit.status(), UnitStatus::Quarantined);
    let mut v = base();
    v["productStatus"] = json!({"code": "available"});
    assert_eq!(import(&v).unwrap().status(), UnitStatus::Released);
    // A later expiry than the policy allows is not taken (CPDA-1 red cells: 35 days in India).
    v["expirationDate"] = json!("2027-06-01T23:59:00+05:30");
    assert_eq!(
        import(&v).unwrap().expiry().expires_at,
        t("2026-12-06T23:59:00+05:30")
    );
}

type Change = Box<dyn Fn(&mut Value)>;

#[test]
fn refusals_name_the_field() {
    let cases: Vec<(Change, &str)> = vec![
        (Box::new(|v| *v = json!([1])), "InvalidInput $"),
        (
            Box::new(|v| v["resourceType"] = json!("Patient")),
            "NotApplicable FHIR_UNREPRESENTABLE resourceType",
        ),
        (
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("productCode");
            }),
            "InvalidInput productCode.coding",
        ),
        (
            Box::new(|v| v["productCode"]["coding"] = json!([])),
            "InvalidInput productCode.coding",
        ),
        (
            Box::new(
                |v| v["productCode"]["coding"][0] = json!({"system": "https://www.isbt128.org/uri/ProductDescriptionCode", "code": "E9999"}),
            ),
            "NotApplicable FHIR_UNREPRESENTABLE productCode.coding",
        ),
        (
            Box::new(|v| v["productCode"]["coding"][0]["code"] = json!("red_cells")),
            "InvalidInput productCode.coding[0].code",
        ),
        (
            Box::new(|v| {
                v["productCategory"] =
                    json!({"system": "http://hl7.org/fhir/product-category", "code": "organ"})
            }),
            "NotApplicable FHIR_UNREPRESENTABLE productCategory",
        ),
        (
            Box::new(|v| v["biologicalSourceEvent"]["value"] = json!("A9999 26 00000")),
            "InvalidInput biologicalSourceEvent.value",
        ),
        (
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("biologicalSourceEvent");
            }),
            "InvalidInput biologicalSourceEvent",
        ),
        (
            Box::new(|v| v["division"] = json!("A1B2C3")),
            "NotApplicable FHIR_UNREPRESENTABLE division",
        ),
        (
            Box::new(|v| {
                v["property"][0]["valueCodeableConcept"]["coding"][0]["code"] = json!("D6")
            }),
            "NotApplicable FHIR_UNREPRESENTABLE property[0].valueCodeableConcept",
        ),
        (
            Box::new(|v| {
                v["property"][1]["valueCodeableConcept"]["coding"][0]["code"] = json!("P")
            }),
            "NotApplicable FHIR_UNREPRESENTABLE property[1].valueCodeableConcept",
        ),
        (
            Box::new(|v| v["property"][2]["valueQuantity"]["value"] = json!(0)),
            "InvalidInput property[2].valueQuantity.value",
        ),
        (
            Box::new(|v| v["expirationDate"] = json!("2026-12-06")),
            "NotApplicable FHIR_UNREPRESENTABLE expirationDate",
        ),
        (
            Box::new(|v| v["expirationDate"] = json!("soon")),
            "InvalidInput expirationDate",
        ),
        (
            Box::new(|v| {
                v["collection"] = json!({"collectedPeriod": {"start": "2026-11-01T09:00:00+05:30"}})
            }),
            "NotApplicable FHIR_UNREPRESENTABLE collection.collectedPeriod",
        ),
        (
            Box::new(|v| v["productStatus"] = json!({"code": "processed"})),
            "NotApplicable FHIR_UNREPRESENTABLE productStatus",
        ),
        (
            Box::new(
                |v| v["extension"] = json!([{"url": "https://github.com/rakt-health/rakt/fhir/StructureDefinition/unit-status", "valueCode": "transfused"}]),
            ),
            "NotApplicable FHIR_UNREPRESENTABLE extension (unit-status)",
        ),
        (
            Box::new(
                |v| v["extension"] = json!([{"url": "https://github.com/rakt-health/rakt/fhir/StructureDefinition/unit-status", "valueCode": "lost"}]),
            ),
            "InvalidInput extension[0].valueCode",
        ),
        (
            Box::new(|v| {
                v["extension"] = json!([{"url": "https://github.com/rakt-health/rakt/fhir/StructureDefinition/unit-status", "valueCode": "quarantined"}]);
                v["productStatus"] = json!({"code": "available"});
            }),
            "InvalidInput productStatus",
        ),
        (
            Box::new(|v| v["collection"]["collectedDateTime"] = json!("2026-11-03T09:00:00+05:30")),
            "InvalidInput as_of",
        ),
    ];
    for (change, want) in cases {
        let mut v = base();
        change(&mut v);
        let err = import(&v).unwrap_err();
        assert_eq!(field_of(&err), want, "{err}");
    }
    let err = from_biologically_derived_product_json(
        "{",
        None,
        t("2026-11-02T09:00:00+05:30"),
        &Policy::india(),
    )
    .unwrap_err();
    assert_eq!(field_of(&err), "InvalidInput $");
}
