#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! FHIR import never panics, whatever it is given, and exported units round-trip.

use chrono::{DateTime, FixedOffset, TimeDelta};
use proptest::prelude::*;
use rakt::fhir::{
    from_biologically_derived_product, from_biologically_derived_product_json,
    to_biologically_derived_product,
};
use rakt::isbt128::ProductTable;
use rakt::unit::{BloodUnit, Collection, DonationType, EventKind, UnitEvent};
use rakt::{BloodGroup, Component, Policy, Preservative, Product, Storage};
use serde_json::{Value, json};

const TABLE: &str = include_str!("../../../examples/data/isbt128_products.toml");

fn t0() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-01T09:00:00+05:30").unwrap()
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        prop_oneof![
            Just("BiologicallyDerivedProduct".to_string()),
            Just("https://www.isbt128.org/uri/ABORhD".to_string()),
            Just("https://github.com/rakt-health/rakt/fhir/product".to_string()),
            Just("ABORhD".to_string()),
            Just("2026-11-01T09:00:00+05:30".to_string()),
            ".{0,12}",
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop_oneof![
            Just("resourceType".to_string()),
            Just("productCode".to_string()),
            Just("coding".to_string()),
            Just("system".to_string()),
            Just("code".to_string()),
            Just("property".to_string()),
            Just("type".to_string()),
            Just("valueCodeableConcept".to_string()),
            Just("valueQuantity".to_string()),
            Just("value".to_string()),
            Just("biologicalSourceEvent".to_string()),
            Just("collection".to_string()),
            Just("collectedDateTime".to_string()),
            Just("expirationDate".to_string()),
            Just("extension".to_string()),
            Just("division".to_string()),
            "[a-z]{1,6}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A valid resource with one element replaced by arbitrary JSON.
fn mutated() -> impl Strategy<Value = Value> {
    let base = json!({
        "resourceType": "BiologicallyDerivedProduct",
        "productCode": {"coding": [{"system": "https://github.com/rakt-health/rakt/fhir/product", "code": "red_cells:cpda1"}]},
        "biologicalSourceEvent": {"system": "https://www.isbt128.org/uri/DonationIdentificationNumber", "value": "A999926000004"},
        "collection": {"collectedDateTime": "2026-11-01T09:00:00+05:30"},
        "expirationDate": "2026-12-06T23:59:00+05:30",
        "property": [
            {"type": {"coding": [{"code": "ABORhD"}]}, "valueCodeableConcept": {"coding": [{"system": "https://www.isbt128.org/uri/ABORhD", "code": "51"}]}},
            {"type": {"coding": [{"code": "Donor"}]}, "valueCodeableConcept": {"coding": [{"system": "https://www.isbt128.org/uri/CollectionType", "code": "V"}]}},
            {"type": {"coding": [{"code": "BagVolume"}]}, "valueQuantity": {"value": 350, "code": "mL"}}
        ]
    });
    let keys = [
        "productCode",
        "biologicalSourceEvent",
        "collection",
        "expirationDate",
        "property",
        "division",
        "productStatus",
        "productCategory",
        "extension",
        "identifier",
    ];
    (0..keys.len(), any_json()).prop_map(move |(i, v)| {
        let mut r = base.clone();
        r[keys[i]] = v;
        r
    })
}

fn product() -> impl Strategy<Value = Product> {
    prop_oneof![
        Just(Product::red_cells(Preservative::AdditiveSolution)),
        Just(Product::red_cells(Preservative::Cpda1)),
        Just(Product::whole_blood(Preservative::Cpd).unwrap()),
        Just(Product::simple(Component::FreshFrozenPlasma).unwrap()),
        Just(Product::simple(Component::Cryoprecipitate).unwrap()),
        Just(Product::platelets(rakt::PlateletSource::RandomDonor)),
        Just(Product::platelets(rakt::PlateletSource::Apheresis)),
    ]
}

fn group() -> impl Strategy<Value = BloodGroup> {
    prop_oneof![
        prop::sample::select(BloodGroup::STANDARD.to_vec()),
        prop::sample::select(vec!["A2B+", "A1-", "O+ weak D", "Oh", "AB", "B"])
            .prop_map(|g| BloodGroup::parse(g).unwrap()),
    ]
}

fn din() -> impl Strategy<Value = (String, Option<String>)> {
    (
        prop_oneof![
            (0u32..1_000_000).prop_map(|n| format!("A999926{n:06}")),
            "[A-Z]{1,3}-[0-9]{1,5}",
        ],
        prop::option::of(prop::sample::select(vec!["A0", "B0", "Ab"]).prop_map(str::to_string)),
    )
}

/// What happens before export: 0 nothing, 1 quarantine, 2 discard, 3 release, 4 thaw (frozen
/// components only) then quarantine.
fn build(
    p: Product,
    g: BloodGroup,
    (din, division): (String, Option<String>),
    what: u8,
    donation: DonationType,
    policy: &Policy,
) -> Option<BloodUnit> {
    let unit = BloodUnit::collect(
        Collection {
            din,
            division,
            product: p,
            group: g,
            volume_ml: 250,
            donation_type: donation,
            donor_id: None,
            first_donation: false,
            collected_at: t0(),
        },
        "tech",
        policy,
    )
    .ok()?;
    let at = |m: i64| t0() + TimeDelta::minutes(m);
    let ev = |m: i64, k: EventKind| UnitEvent::new(at(m), "tech", k);
    match what {
        0 => Some(unit),
        1 => unit.apply(&ev(10, EventKind::Quarantine), policy).ok(),
        2 => unit
            .apply(
                &ev(
                    10,
                    EventKind::Discard {
                        reason: rakt::unit::DiscardReason::Clotted,
                    },
                ),
                policy,
            )
            .ok(),
        3 => {
            let mut u = unit.apply(&ev(10, EventKind::Quarantine), policy).ok()?;
            for m in ["hiv", "hbsag", "hcv", "syphilis", "malaria"] {
                let marker = serde_json::from_value(json!(m)).ok()?;
                u = u
                    .apply(
                        &ev(
                            20,
                            EventKind::RecordTest {
                                marker,
                                result: rakt::screening::TestResult::NonReactive,
                            },
                        ),
                        policy,
                    )
                    .ok()?;
            }
            u = u
                .apply(
                    &ev(
                        30,
                        EventKind::RecordGrouping {
                            forward: Some(g),
                            reverse: Some(g.abo()),
                            historical: None,
                        },
                    ),
                    policy,
                )
                .ok()?;
            u.apply(&ev(40, EventKind::Release), policy).ok()
        }
        _ => unit
            .apply(
                &ev(
                    10,
                    EventKind::Thaw {
                        storage: Storage::Refrigerated,
                    },
                ),
                policy,
            )
            .ok(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn import_never_panics_on_arbitrary_json(v in any_json()) {
        let _ = from_biologically_derived_product(&v, None, t0(), &Policy::india());
    }

    #[test]
    fn import_never_panics_on_a_mutated_resource(v in mutated()) {
        let table = ProductTable::from_toml(TABLE).unwrap();
        let as_of = t0() + TimeDelta::days(1);
        let _ = from_biologically_derived_product(&v, Some(&table), as_of, &Policy::india());
    }

    #[test]
    fn import_never_panics_on_arbitrary_text(s in ".{0,200}") {
        let _ = from_biologically_derived_product_json(&s, None, t0(), &Policy::india());
    }

    #[test]
    fn exported_units_round_trip(
        p in product(), g in group(), id in din(), what in 0u8..5, hours in 0i64..2000,
        donation in prop::sample::select(vec![DonationType::Voluntary, DonationType::Replacement, DonationType::Autologous, DonationType::Directed]),
        with_table in any::<bool>(),
    ) {
        let policy = Policy::india();
        let table = ProductTable::from_toml(TABLE).unwrap();
        let table = with_table.then_some(&table);
        let Some(unit) = build(p, g, id, what, donation, &policy) else { return Ok(()) };
        let as_of = t0() + TimeDelta::hours(1) + TimeDelta::hours(hours);
        let first = to_biologically_derived_product(&unit, table, as_of, &policy).unwrap();
        let back = from_biologically_derived_product(&first, table, as_of, &policy).unwrap();
        let again = to_biologically_derived_product(&back, table, as_of, &policy).unwrap();
        prop_assert_eq!(&first, &again);
        // An ISBT 128 DIN keeps its 13 characters; others are kept as recorded.
        prop_assert_eq!(back.id(), unit.id());
        prop_assert_eq!(back.group(), unit.group());
        prop_assert_eq!(back.product(), unit.product());
        prop_assert_eq!(back.expiry().expires_at, unit.expiry().expires_at);
        prop_assert_eq!(back.status_at(as_of), unit.status_at(as_of));
        prop_assert_eq!(back.discard_reason(), unit.discard_reason());
    }
}
