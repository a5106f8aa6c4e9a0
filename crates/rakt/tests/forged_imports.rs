//! An import never forges a unit's state (issue 17): a unit read from JSON must be explained by
//! its history, and a unit restored into an inventory or read from FHIR never has an expiry later
//! than the policy allows. Everything rakt itself produces still loads.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use chrono::{DateTime, Duration, FixedOffset, TimeDelta};
use common::events::{MARKERS, event_of, product, step};
use proptest::prelude::*;
use rakt::fhir::{from_biologically_derived_product, to_biologically_derived_product};
use rakt::inventory::Inventory;
use rakt::unit::{BloodUnit, Collection, DonationType, EventKind, UnitEvent, UnitStatus};
use rakt::{
    BloodGroup, Component, Expiry, PlateletSource, Policy, Preservative, Product, RaktError,
    TestResult,
};
use serde_json::{Value, json};

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn collected(din: &str) -> BloodUnit {
    BloodUnit::collect(
        Collection {
            din: din.into(),
            division: None,
            product: Product::red_cells(Preservative::AdditiveSolution),
            group: BloodGroup::parse("A+").unwrap(),
            volume_ml: 280,
            donation_type: DonationType::Voluntary,
            donor_id: None,
            first_donation: false,
            collected_at: t("2026-11-01T09:00:00+05:30"),
        },
        "tech",
        &Policy::india(),
    )
    .unwrap()
}

fn released(din: &str) -> BloodUnit {
    common::released(
        din,
        "A+",
        t("2026-11-01T09:00:00+05:30"),
        Product::red_cells(Preservative::AdditiveSolution),
    )
}

fn to_value(unit: &BloodUnit) -> Value {
    serde_json::to_value(unit).unwrap()
}

/// The field of an `InvalidInput`, or a panic naming what came instead.
fn field_of(result: Result<BloodUnit, RaktError>) -> String {
    match result {
        Err(RaktError::InvalidInput { field, .. }) => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

/// Load forged JSON both ways: the typed `from_json` names the field; serde refuses too, with
/// the field in its message.
fn refused_field(forged: &Value) -> String {
    let text = forged.to_string();
    let field = field_of(BloodUnit::from_json(&text));
    let serde_err = serde_json::from_str::<BloodUnit>(&text).unwrap_err();
    assert!(
        serde_err.to_string().contains(&format!("{field}:")),
        "serde's error {serde_err} does not name {field}"
    );
    field
}

#[test]
fn a_unit_rakt_wrote_loads_back_unchanged() {
    for unit in [collected("DIN-1"), released("DIN-2")] {
        let text = serde_json::to_string(&unit).unwrap();
        assert_eq!(BloodUnit::from_json(&text).unwrap(), unit);
        assert_eq!(serde_json::from_str::<BloodUnit>(&text).unwrap(), unit);
    }
}

#[test]
fn issued_with_no_such_history_is_refused() {
    let mut v = to_value(&released("DIN-1"));
    v["status"] = json!("issued");
    v["reservation"] = json!({"patient": "P-1"});
    assert_eq!(refused_field(&v), "status");

    let mut v = to_value(&collected("DIN-1"));
    v["status"] = json!("transfused");
    v["reservation"] = json!({"patient": "P-1"});
    assert_eq!(refused_field(&v), "status");
}

#[test]
fn an_empty_history_is_refused() {
    let mut v = to_value(&released("DIN-1"));
    v["history"] = json!([]);
    assert_eq!(refused_field(&v), "history");
    let mut v = to_value(&released("DIN-1"));
    v.as_object_mut().unwrap().remove("history");
    assert_eq!(field_of(BloodUnit::from_json(&v.to_string())), "json");
}

#[test]
fn a_history_that_does_not_begin_with_the_collection_is_refused() {
    let mut v = to_value(&released("DIN-1"));
    let events = v["history"].as_array_mut().unwrap();
    events.remove(0);
    assert_eq!(refused_field(&v), "history");
    // The collection event must be at the collection time.
    let mut v = to_value(&collected("DIN-1"));
    v["history"][0]["at"] = json!("2026-11-01T08:00:00+05:30");
    assert_eq!(refused_field(&v), "history");
}

#[test]
fn an_out_of_order_history_is_refused() {
    let mut v = to_value(&released("DIN-1"));
    // The quarantine (history[1]) is moved before the collection.
    v["history"][1]["at"] = json!("2026-11-01T08:00:00+05:30");
    assert_eq!(refused_field(&v), "history");
    // Later events may not go back before earlier ones either.
    let mut v = to_value(&released("DIN-1"));
    let last = v["history"].as_array().unwrap().len() - 1;
    v["history"][last]["at"] = json!("2026-11-01T10:00:00+05:30");
    assert_eq!(refused_field(&v), "history");
}

#[test]
fn an_event_the_status_machine_refuses_is_refused() {
    let mut v = to_value(&collected("DIN-1"));
    v["history"].as_array_mut().unwrap().push(
        json!({"at": "2026-11-01T10:00:00+05:30", "actor": "x", "kind": {"type": "transfuse"}}),
    );
    assert_eq!(refused_field(&v), "history");
}

#[test]
fn a_reservation_or_discard_reason_the_status_does_not_have_is_refused() {
    let mut v = to_value(&released("DIN-1"));
    v["reservation"] = json!({"patient": "P-1"});
    assert_eq!(refused_field(&v), "reservation");
    let mut v = to_value(&released("DIN-1"));
    v["discard_reason"] = json!("clotted");
    assert_eq!(refused_field(&v), "discard_reason");
    // A discarded unit says why.
    let policy = Policy::india();
    let discarded = released("DIN-1")
        .apply(
            &UnitEvent::new(
                t("2026-11-02T09:00:00+05:30"),
                "tech",
                EventKind::Discard {
                    reason: rakt::DiscardReason::Leakage,
                },
            ),
            &policy,
        )
        .unwrap();
    let mut v = to_value(&discarded);
    v.as_object_mut().unwrap().remove("discard_reason");
    assert_eq!(refused_field(&v), "discard_reason");
}

#[test]
fn a_group_contradicting_the_grouping_of_a_released_unit_is_refused() {
    let mut v = to_value(&released("DIN-1"));
    assert_eq!(v["grouping"]["forward"], json!("A+"));
    v["group"] = json!("B+");
    assert_eq!(refused_field(&v), "group");
    // Release compares the basic group (ABO and RhD), so A- against a forward A+ contradicts.
    let mut v = to_value(&released("DIN-1"));
    v["group"] = json!("A-");
    assert_eq!(refused_field(&v), "group");
}

#[test]
fn a_quarantined_unit_whose_grouping_disagrees_with_its_label_still_loads() {
    // This is what the lab finds before release; release is then refused, but the state is real.
    let policy = Policy::india();
    let unit = collected("DIN-1")
        .apply(
            &UnitEvent::new(
                t("2026-11-01T10:00:00+05:30"),
                "tech",
                EventKind::RecordGrouping {
                    forward: Some(BloodGroup::parse("B+").unwrap()),
                    reverse: Some(BloodGroup::parse("B+").unwrap().abo()),
                    historical: None,
                },
            ),
            &policy,
        )
        .unwrap();
    let text = serde_json::to_string(&unit).unwrap();
    assert_eq!(BloodUnit::from_json(&text).unwrap(), unit);
}

#[test]
fn volume_zero_is_refused() {
    let mut v = to_value(&released("DIN-1"));
    v["volume_ml"] = json!(0);
    assert_eq!(refused_field(&v), "volume_ml");
}

#[test]
fn invalid_ids_are_refused() {
    let mut v = to_value(&released("DIN-1"));
    v["id"]["din"] = json!("");
    assert_eq!(refused_field(&v), "din");
    let mut v = to_value(&released("DIN-1"));
    v["id"]["division"] = json!("a0");
    assert_eq!(refused_field(&v), "division");
}

#[test]
fn an_expiry_not_after_collection_is_refused() {
    let mut v = to_value(&collected("DIN-1"));
    v["expiry"]["expires_at"] = json!("2026-11-01T09:00:00+05:30");
    assert_eq!(refused_field(&v), "expiry");
}

#[test]
fn an_expiry_moved_a_year_later_is_refused_by_the_inventory() {
    let unit = released("DIN-1");
    let mut v = to_value(&unit);
    let later = unit.expiry().expires_at + Duration::days(365);
    v["expiry"]["expires_at"] = json!(later.to_rfc3339());
    // Structurally it is a unit; only the policy knows the shelf life.
    let forged = BloodUnit::from_json(&v.to_string()).unwrap();
    let mut inventory = Inventory::new("FRU-1", Policy::india());
    inventory.add(released("DIN-0")).unwrap();
    let err = inventory.add(forged.clone()).unwrap_err();
    assert!(
        matches!(&err, RaktError::InvalidInput { field, .. } if field == "expiry"),
        "{err:?}"
    );
    assert_eq!(forged.verify(&Policy::india()).unwrap_err(), err);
    // Nothing changed: the forged unit is not in the inventory.
    assert_eq!(inventory.len(), 1);
    assert!(!inventory.contains(forged.id()));
}

#[test]
fn a_transfer_to_a_stricter_policy_does_not_carry_the_longer_life() {
    // The receiver keeps red cells in additive solution for 35 days, not India's 42.
    let strict = Policy::from_toml(
        "name = \"strict\"\nextends = \"india\"\n[shelf_life.red_cells_additive_solution]\ndays = 35",
    )
    .unwrap();
    let mut hub = Inventory::new("HUB", Policy::india());
    hub.add(released("DIN-1")).unwrap();
    let mut spoke = Inventory::new("BSU", strict);
    let at = t("2026-11-02T10:00:00+05:30");
    let err = hub
        .transfer(
            &[released("DIN-1").id().clone()],
            &mut spoke,
            at - Duration::hours(2),
            "4".parse().unwrap(),
            "6".parse().unwrap(),
            at,
            "driver",
        )
        .unwrap_err();
    assert!(
        matches!(&err, RaktError::InvalidInput { field, .. } if field == "expiry"),
        "{err:?}"
    );
    // Nothing moved.
    assert_eq!((hub.len(), spoke.len()), (1, 0));
    assert_eq!(
        hub.get(released("DIN-1").id()).unwrap().status(),
        UnitStatus::Released
    );
}

#[test]
fn the_policy_expiry_itself_is_accepted_and_one_second_later_refused() {
    let policy = Policy::india();
    let unit = released("DIN-1");
    let limit = Expiry::compute(unit.product(), unit.collected_at(), &policy)
        .unwrap()
        .expires_at;
    assert_eq!(unit.expiry().expires_at, limit);
    let mut v = to_value(&unit);
    v["expiry"]["expires_at"] = json!(limit.to_rfc3339());
    let exact = BloodUnit::from_json(&v.to_string()).unwrap();
    let mut inventory = Inventory::new("FRU-1", policy.clone());
    inventory.add(exact).unwrap();

    let mut v = to_value(&released("DIN-2"));
    v["expiry"]["expires_at"] = json!((limit + Duration::seconds(1)).to_rfc3339());
    let late = BloodUnit::from_json(&v.to_string()).unwrap();
    let err = inventory.add(late).unwrap_err();
    assert!(
        matches!(&err, RaktError::InvalidInput { field, .. } if field == "expiry"),
        "{err:?}"
    );
    assert_eq!(inventory.len(), 1);
}

#[test]
fn modified_split_pooled_and_labelled_units_load_and_enter_an_inventory() {
    let policy = Policy::india();
    let at = t("2026-11-01T09:00:00+05:30");
    let later = t("2026-11-03T09:00:00+05:30");
    let mut inventory = Inventory::new("FRU-1", policy.clone());
    let mut all = Vec::new();

    // Irradiated then washed red cells.
    let rbc = released("RBC-1");
    let rbc = rbc
        .apply(
            &UnitEvent::new(later, "tech", EventKind::Irradiate),
            &policy,
        )
        .unwrap()
        .apply(&UnitEvent::new(later, "tech", EventKind::Wash), &policy)
        .unwrap();
    all.push(rbc);

    // Split into paediatric parts.
    let (parent, children) = released("RBC-2").split(&[100, 100], later, "tech").unwrap();
    all.push(parent);
    all.extend(children);

    // A pool of platelets (group-identical, released).
    let platelets = |din: &str| {
        common::released(
            din,
            "O+",
            at,
            Product::platelets(PlateletSource::RandomDonor),
        )
    };
    let (processed, pool) = BloodUnit::pool(
        &[platelets("PLT-1"), platelets("PLT-2")],
        "POOL-1",
        t("2026-11-02T09:00:00+05:30"),
        "tech",
        &policy,
    )
    .unwrap();
    all.extend(processed);
    all.push(pool);

    // A labelled unit whose label claims more than the policy allows is shortened on entry.
    let labelled = BloodUnit::collect_labelled(
        Collection {
            din: "LBL-1".into(),
            division: None,
            product: Product::simple(Component::FreshFrozenPlasma).unwrap(),
            group: BloodGroup::parse("AB+").unwrap(),
            volume_ml: 200,
            donation_type: DonationType::Voluntary,
            donor_id: None,
            first_donation: false,
            collected_at: at,
        },
        at + Duration::days(5000),
        "tech",
        &policy,
    )
    .unwrap();
    all.push(labelled);

    for unit in all {
        let text = serde_json::to_string(&unit).unwrap();
        let back = BloodUnit::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", unit.id()));
        assert_eq!(back, unit);
        inventory
            .add(back)
            .unwrap_or_else(|e| panic!("{}: {e}", unit.id()));
    }
}

#[test]
fn a_fhir_record_with_an_expiry_before_its_collection_is_refused() {
    let policy = Policy::india();
    let as_of = t("2026-11-02T09:00:00+05:30");
    let unit = released("DIN-1");
    let mut resource = to_biologically_derived_product(&unit, None, as_of, &policy).unwrap();
    resource["expirationDate"] = json!("2026-11-01T08:00:00+05:30");
    let err = from_biologically_derived_product(&resource, None, as_of, &policy).unwrap_err();
    assert!(
        matches!(&err, RaktError::InvalidInput { field, .. } if field == "expiry"),
        "{err:?}"
    );
}

#[test]
fn a_fhir_record_claiming_a_year_more_keeps_the_policy_expiry() {
    let policy = Policy::india();
    let as_of = t("2026-11-02T09:00:00+05:30");
    let unit = released("DIN-1");
    let mut resource = to_biologically_derived_product(&unit, None, as_of, &policy).unwrap();
    let later = unit.expiry().expires_at + Duration::days(365);
    resource["expirationDate"] = json!(later.to_rfc3339());
    let imported = from_biologically_derived_product(&resource, None, as_of, &policy).unwrap();
    assert_eq!(imported.expiry().expires_at, unit.expiry().expires_at);
    assert!(imported.verify(&policy).is_ok());
    let text = serde_json::to_string(&imported).unwrap();
    assert_eq!(BloodUnit::from_json(&text).unwrap(), imported);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever legal sequence of events made a unit (and its parts, when it can still be
    /// split), it round-trips through JSON and enters an inventory under the same policy.
    #[test]
    fn every_unit_rakt_makes_round_trips_and_enters_an_inventory(
        product in product(),
        prescreen in any::<bool>(),
        steps in prop::collection::vec(step(), 1..40),
        split in any::<bool>(),
    ) {
        let policy = Policy::india();
        let start = t("2026-11-01T09:00:00+05:30");
        let group = BloodGroup::parse("A+").unwrap();
        let mut unit = BloodUnit::collect(
            Collection {
                din: "DIN-P".into(), division: None, product, group, volume_ml: 250,
                donation_type: DonationType::Voluntary, donor_id: None, first_donation: false,
                collected_at: start,
            },
            "tech",
            &policy,
        ).unwrap();
        let mut now = start;
        if prescreen {
            now += TimeDelta::minutes(60);
            let mut events = vec![EventKind::Quarantine];
            events.extend(MARKERS.iter().map(|m| EventKind::RecordTest { marker: *m, result: TestResult::NonReactive }));
            events.push(EventKind::RecordGrouping { forward: Some(group), reverse: Some(group.abo()), historical: None });
            events.push(EventKind::Release);
            for kind in events {
                unit = unit.apply(&UnitEvent::new(now, "tech", kind), &policy).unwrap();
            }
            prop_assert_eq!(unit.status(), UnitStatus::Released);
        }
        for s in steps {
            now += TimeDelta::minutes(s.advance_minutes);
            let (_, kind) = event_of(&s, now, group);
            if let Ok(next) = unit.apply(&UnitEvent::new(now, "tech", kind), &policy) {
                unit = next;
            }
        }
        let mut made = vec![unit.clone()];
        if split {
            if let Ok((parent, children)) = unit.split(&[100, 100], now, "tech") {
                made.push(parent);
                made.extend(children);
            }
        }
        for u in made {
            let text = serde_json::to_string(&u).unwrap();
            let back = BloodUnit::from_json(&text);
            prop_assert_eq!(back.as_ref(), Ok(&u), "{}", text);
            let mut inventory = Inventory::new("FRU-1", policy.clone());
            prop_assert_eq!(inventory.add(u), Ok(()));
            prop_assert_eq!(inventory.len(), 1);
        }
    }
}
