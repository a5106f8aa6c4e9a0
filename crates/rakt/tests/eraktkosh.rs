//! e-RaktKosh codes (research/blood.md §6.3) both ways with exact values, every unknown
//! neighbour, product → code choices, the stock summary, and properties over every integer.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{DateTime, FixedOffset, TimeDelta};
use proptest::prelude::*;
use rakt::eraktkosh::{
    EraktkoshComponent as E, blood_group_from_code, blood_group_label, blood_group_to_code,
    component_from_code, component_to_code, stock_summary,
};
use rakt::screening::TestResult;
use rakt::unit::{BloodUnit, Collection, DonationType, EventKind, UnitEvent, UnitStatus};
use rakt::{
    BloodGroup, Component, Modification as M, PlateletSource, Policy, Preservative, Product,
    RaktError,
};

/// The §6.3 component table, literally.
const COMPONENT_TABLE: [(u32, &str); 14] = [
    (11, "Whole Blood"),
    (12, "Packed Red Blood Cells"),
    (13, "Fresh Frozen Plasma"),
    (14, "Single Donor Platelet"),
    (16, "Platelet Rich Plasma"),
    (17, "Cryoprecipitate"),
    (18, "Single Donor Plasma"),
    (19, "Plasma"),
    (20, "Platelet Concentrate"),
    (21, "Cryo Poor Plasma"),
    (23, "Random Donor Platelets"),
    (28, "Sagm Packed Red Blood Cells"),
    (29, "Irradiated RBC"),
    (30, "Leukoreduced Rbc"),
];

/// The §6.3 blood-group table, literally: code, rakt group, e-RaktKosh label.
const GROUP_TABLE: [(u32, &str, &str); 10] = [
    (11, "A+", "A+Ve"),
    (12, "A-", "A-Ve"),
    (13, "B+", "B+Ve"),
    (14, "B-", "B-Ve"),
    (15, "O+", "O+Ve"),
    (16, "O-", "O-Ve"),
    (17, "AB+", "AB+Ve"),
    (18, "AB-", "AB-Ve"),
    (22, "Oh+", "Oh+Ve"),
    (23, "Oh-", "Oh-Ve"),
];

fn g(text: &str) -> BloodGroup {
    BloodGroup::parse(text).unwrap()
}

fn invalid_code(err: &RaktError) -> (String, String, usize) {
    match err {
        RaktError::InvalidCode {
            structure,
            input,
            position,
            ..
        } => (structure.clone(), input.clone(), *position),
        other => panic!("expected InvalidCode, got {other:?}"),
    }
}

fn not_applicable(err: &RaktError) -> String {
    match err {
        RaktError::NotApplicable { code, .. } => code.clone(),
        other => panic!("expected NotApplicable, got {other:?}"),
    }
}

#[test]
fn every_component_code_both_ways() {
    assert_eq!(E::ALL.len(), COMPONENT_TABLE.len());
    for (variant, (code, name)) in E::ALL.into_iter().zip(COMPONENT_TABLE) {
        assert_eq!(variant.code(), code);
        assert_eq!(component_to_code(variant), code);
        assert_eq!(variant.name(), name);
        assert_eq!(component_from_code(code).unwrap(), variant);
        assert_eq!(variant.to_string(), format!("{code} {name}"));
        assert_eq!(serde_json::to_string(&variant).unwrap(), code.to_string());
        assert_eq!(
            serde_json::from_str::<E>(&code.to_string()).unwrap(),
            variant
        );
    }
    assert!(serde_json::from_str::<E>("15").is_err());
}

#[test]
fn unknown_component_codes_are_invalid_code_at_position_1() {
    for code in [
        0i64,
        1,
        10,
        15,
        22,
        24,
        27,
        31,
        99,
        111,
        -1,
        -11,
        i64::from(u32::MAX),
    ] {
        let err = component_from_code(code).unwrap_err();
        assert_eq!(
            invalid_code(&err),
            ("e-RaktKosh component code".into(), code.to_string(), 1),
            "{code}"
        );
    }
    for code in [i64::MIN, i64::MAX] {
        assert!(component_from_code(code).is_err());
    }
    assert_eq!(
        component_from_code(22u32).unwrap_err().to_string(),
        "invalid e-RaktKosh component code \"22\" at position 1: not an e-RaktKosh component \
         code (known: 11, 12, 13, 14, 16, 17, 18, 19, 20, 21, 23, 28, 29, 30)"
    );
}

#[test]
fn every_component_decodes_to_its_product() {
    let red =
        |p: Preservative, m: &[M]| Product::red_cells(p).with_modifications(m.iter().copied());
    let simple = |c: Component| Product::simple(c).unwrap();
    let expected = [
        (11, Some(Product::whole_blood(Preservative::Cpda1).unwrap())),
        (12, Some(red(Preservative::Cpda1, &[]))),
        (13, Some(simple(Component::FreshFrozenPlasma))),
        (14, Some(Product::platelets(PlateletSource::Apheresis))),
        (16, None),
        (17, Some(simple(Component::Cryoprecipitate))),
        (18, Some(simple(Component::Plasma))),
        (19, Some(simple(Component::Plasma))),
        (20, Some(Product::platelets(PlateletSource::RandomDonor))),
        (21, Some(simple(Component::CryoPoorPlasma))),
        (23, Some(Product::platelets(PlateletSource::RandomDonor))),
        (28, Some(red(Preservative::AdditiveSolution, &[]))),
        (29, Some(red(Preservative::Cpda1, &[M::Irradiated]))),
        (30, Some(red(Preservative::Cpda1, &[M::Leucoreduced]))),
    ];
    for (code, product) in expected {
        let got = component_from_code(code).unwrap().product();
        match product {
            Some(p) => assert_eq!(got.unwrap(), p, "{code}"),
            None => assert_eq!(
                not_applicable(&got.unwrap_err()),
                "ERAKTKOSH_NO_RAKT_PRODUCT"
            ),
        }
    }
}

#[test]
fn decoding_then_encoding_gives_the_code_except_the_two_shared_products() {
    for c in E::ALL {
        let Ok(product) = c.product() else {
            assert_eq!(c, E::PlateletRichPlasma);
            continue;
        };
        let back = E::for_product(&product).unwrap();
        match c {
            E::SingleDonorPlasma => assert_eq!(back, E::Plasma),
            E::PlateletConcentrate => assert_eq!(back, E::RandomDonorPlatelets),
            _ => assert_eq!(back, c),
        }
    }
}

#[test]
fn encoding_picks_the_most_specific_code() {
    let code = |p: &Product| E::for_product(p).unwrap().code();
    let red =
        |p: Preservative, m: &[M]| Product::red_cells(p).with_modifications(m.iter().copied());
    for pres in [
        Preservative::Cpd,
        Preservative::Cpda1,
        Preservative::AdditiveSolution,
    ] {
        assert_eq!(code(&red(pres, &[M::Irradiated])), 29);
        assert_eq!(code(&red(pres, &[M::Irradiated, M::Leucoreduced])), 29);
        assert_eq!(code(&red(pres, &[M::Leucoreduced])), 30);
        assert_eq!(code(&red(pres, &[M::Leucoreduced, M::Washed])), 30);
    }
    assert_eq!(code(&red(Preservative::AdditiveSolution, &[])), 28);
    assert_eq!(code(&red(Preservative::AdditiveSolution, &[M::Washed])), 28);
    assert_eq!(code(&red(Preservative::Cpd, &[])), 12);
    assert_eq!(code(&red(Preservative::Cpda1, &[M::Washed, M::Opened])), 12);
    assert_eq!(code(&Product::whole_blood(Preservative::Cpd).unwrap()), 11);
    assert_eq!(
        code(
            &Product::whole_blood(Preservative::Cpda1)
                .unwrap()
                .with_modifications([M::Irradiated])
        ),
        11
    );
    assert_eq!(code(&Product::platelets(PlateletSource::Apheresis)), 14);
    assert_eq!(
        code(&Product::platelets(PlateletSource::RandomDonor).with_modifications([M::Pooled])),
        23
    );
    let simple = |c: Component| Product::simple(c).unwrap();
    assert_eq!(code(&simple(Component::FreshFrozenPlasma)), 13);
    assert_eq!(
        code(&simple(Component::FreshFrozenPlasma).with_modifications([M::Thawed])),
        13
    );
    assert_eq!(code(&simple(Component::Plasma)), 19);
    assert_eq!(code(&simple(Component::CryoPoorPlasma)), 21);
    assert_eq!(code(&simple(Component::Cryoprecipitate)), 17);
    let err = E::for_product(&simple(Component::Granulocytes)).unwrap_err();
    assert_eq!(not_applicable(&err), "ERAKTKOSH_NO_COMPONENT_CODE");
}

#[test]
fn every_blood_group_code_both_ways() {
    for (code, group, label) in GROUP_TABLE {
        assert_eq!(blood_group_from_code(code).unwrap(), g(group), "{code}");
        assert_eq!(blood_group_from_code(code).unwrap().to_string(), group);
        assert_eq!(blood_group_to_code(&g(group)).unwrap(), code);
        assert_eq!(blood_group_label(code).unwrap(), label);
    }
    // Every fully specified rakt group has a code.
    let mut codes: Vec<u32> = BloodGroup::STANDARD
        .iter()
        .map(|b| blood_group_to_code(b).unwrap())
        .collect();
    codes.sort_unstable();
    assert_eq!(codes, [11, 12, 13, 14, 15, 16, 17, 18, 22, 23]);
}

#[test]
fn unknown_blood_group_codes_are_invalid_code_at_position_1() {
    for code in [
        0i64,
        10,
        19,
        20,
        21,
        24,
        25,
        28,
        99,
        -1,
        -15,
        i64::from(u32::MAX),
    ] {
        let err = blood_group_from_code(code).unwrap_err();
        assert_eq!(
            invalid_code(&err),
            ("e-RaktKosh blood group code".into(), code.to_string(), 1),
            "{code}"
        );
        assert!(blood_group_label(code).is_err());
    }
    assert_eq!(
        blood_group_from_code(19).unwrap_err().to_string(),
        "invalid e-RaktKosh blood group code \"19\" at position 1: not an e-RaktKosh blood \
         group code (known: 11, 12, 13, 14, 15, 16, 17, 18, 22, 23)"
    );
}

#[test]
fn subgroups_weak_d_and_unknown_rhd() {
    let code = |t: &str| blood_group_to_code(&g(t));
    assert_eq!(code("A1+"), Ok(11));
    assert_eq!(code("A2-"), Ok(12));
    assert_eq!(code("A1B+"), Ok(17));
    assert_eq!(code("A2B-"), Ok(18));
    // A weak-D donor unit is labelled RhD positive (§1.10).
    assert_eq!(code("O+ weak D"), Ok(15));
    assert_eq!(code("O- weak D"), Ok(15));
    assert_eq!(code("B weak D"), Ok(13));
    assert_eq!(code("A2B- weak D"), Ok(17));
    assert_eq!(code("Oh- weak D"), Ok(22));
    assert_eq!(code("O- Du negative"), Ok(16));
    for unknown in ["O", "A", "B", "AB", "Oh", "Bombay", "A2"] {
        let err = code(unknown).unwrap_err();
        assert_eq!(not_applicable(&err), "ERAKTKOSH_NO_GROUP_CODE", "{unknown}");
    }
}

proptest! {
    #[test]
    fn no_integer_panics_and_valid_codes_round_trip(code in any::<u32>()) {
        match component_from_code(code) {
            Ok(c) => {
                prop_assert_eq!(c.code(), code);
                prop_assert!(COMPONENT_TABLE.iter().any(|(k, _)| *k == code));
            }
            Err(e) => {
                prop_assert_eq!(invalid_code(&e).1, code.to_string());
                prop_assert!(COMPONENT_TABLE.iter().all(|(k, _)| *k != code));
            }
        }
        match blood_group_from_code(code) {
            Ok(group) => prop_assert_eq!(blood_group_to_code(&group), Ok(code)),
            Err(e) => {
                prop_assert_eq!(invalid_code(&e).1, code.to_string());
                prop_assert!(GROUP_TABLE.iter().all(|(k, ..)| *k != code));
            }
        }
    }

    #[test]
    fn no_i64_panics(code in any::<i64>()) {
        let _ = component_from_code(code);
        let _ = blood_group_from_code(code);
        let _ = blood_group_label(code);
    }

    #[test]
    fn small_codes_are_exactly_the_table(code in 0u32..64) {
        prop_assert_eq!(component_from_code(code).is_ok(), COMPONENT_TABLE.iter().any(|(k, _)| *k == code));
        prop_assert_eq!(blood_group_from_code(code).is_ok(), GROUP_TABLE.iter().any(|(k, ..)| *k == code));
    }
}

// ---- stock summary -------------------------------------------------------------------------

const T0: &str = "2026-11-01T09:00:00+05:30";

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn at(hours: i64) -> DateTime<FixedOffset> {
    t(T0) + TimeDelta::hours(hours)
}

fn collect(din: &str, product: Product, group: &str) -> BloodUnit {
    let policy = Policy::india();
    BloodUnit::collect(
        Collection {
            din: din.into(),
            division: None,
            product,
            group: g(group),
            volume_ml: 280,
            donation_type: DonationType::Voluntary,
            donor_id: None,
            first_donation: false,
            collected_at: t(T0),
        },
        "tech",
        &policy,
    )
    .unwrap()
}

fn apply(unit: BloodUnit, hours: i64, kind: EventKind) -> BloodUnit {
    unit.apply(&UnitEvent::new(at(hours), "tech", kind), &Policy::india())
        .unwrap()
}

fn released(din: &str, product: Product, group: &str) -> BloodUnit {
    let policy = Policy::india();
    let mut u = apply(collect(din, product, group), 1, EventKind::Quarantine);
    for m in &policy.screening.mandatory_markers {
        u = apply(
            u,
            2,
            EventKind::RecordTest {
                marker: *m,
                result: TestResult::NonReactive,
            },
        );
    }
    let grp = u.group();
    u = apply(
        u,
        3,
        EventKind::RecordGrouping {
            forward: Some(grp),
            reverse: Some(grp.abo()),
            historical: None,
        },
    );
    apply(u, 4, EventKind::Release)
}

fn sagm() -> Product {
    Product::red_cells(Preservative::AdditiveSolution)
}

#[test]
fn stock_summary_counts_available_units_like_the_availability_search() {
    let mut units: Vec<(&str, BloodUnit)> = Vec::new();
    for i in 0..3 {
        units.push(("BC-2", released(&format!("B{i}"), sagm(), "B+")));
    }
    units.push(("BC-2", released("O1", sagm(), "O-")));
    units.push(("BC-2", released("A1", sagm(), "A1+")));
    units.push(("BC-2", released("W1", sagm(), "O- weak D"))); // coded O+
    units.push((
        "BC-2",
        released("P1", Product::platelets(PlateletSource::Apheresis), "AB-"),
    ));
    units.push((
        "BC-2",
        released("P2", Product::platelets(PlateletSource::RandomDonor), "Oh+"),
    ));
    units.push(("BC-2", collect("Q1", sagm(), "B+"))); // not released: not stock
    units.push((
        "BC-1",
        released(
            "F1",
            Product::simple(Component::FreshFrozenPlasma).unwrap(),
            "A-",
        ),
    ));
    units.push(("BC-3", collect("Q2", sagm(), "O+"))); // a centre with no stock
    let refs: Vec<(&str, &BloodUnit)> = units.iter().map(|(c, u)| (*c, u)).collect();
    let s = stock_summary(refs, at(24)).unwrap();
    assert_eq!(s.as_of, at(24));
    let names: Vec<&str> = s.centres.iter().map(|c| c.centre.as_str()).collect();
    assert_eq!(names, ["BC-1", "BC-2", "BC-3"]);

    let bc1 = s.centre("BC-1").unwrap();
    assert_eq!(bc1.components.len(), 1);
    assert_eq!(bc1.components[0].component, E::FreshFrozenPlasma);
    assert_eq!(bc1.components[0].name, "Fresh Frozen Plasma");
    assert_eq!(bc1.components[0].availability, "A-Ve : 1");

    let bc2 = s.centre("BC-2").unwrap();
    let codes: Vec<u32> = bc2.components.iter().map(|c| c.component.code()).collect();
    assert_eq!(codes, [14, 23, 28]);
    let red = bc2.component(E::SagmPackedRedBloodCells).unwrap();
    assert_eq!(red.availability, "A+Ve : 1, B+Ve : 3, O+Ve : 1, O-Ve : 1");
    assert_eq!(red.total, 6);
    let groups: Vec<(u32, &str, u32)> = red
        .groups
        .iter()
        .map(|g| (g.code, g.label.as_str(), g.count))
        .collect();
    assert_eq!(
        groups,
        [
            (11, "A+Ve", 1),
            (13, "B+Ve", 3),
            (15, "O+Ve", 1),
            (16, "O-Ve", 1)
        ]
    );
    assert_eq!(
        bc2.component(E::SingleDonorPlatelet).unwrap().availability,
        "AB-Ve : 1"
    );
    assert_eq!(
        bc2.component(E::RandomDonorPlatelets).unwrap().availability,
        "Oh+Ve : 1"
    );
    assert!(bc2.uncounted.is_empty());

    let bc3 = s.centre("BC-3").unwrap();
    assert!(bc3.components.is_empty() && bc3.uncounted.is_empty());

    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["centres"][0]["components"][0]["component"], 13);
    let back: rakt::eraktkosh::StockSummary = serde_json::from_value(json).unwrap();
    assert_eq!(back, s);
}

#[test]
fn stock_summary_leaves_out_what_is_not_stock() {
    let platelets = released("P1", Product::platelets(PlateletSource::RandomDonor), "O+");
    let reserved = apply(
        released("R1", sagm(), "O+"),
        5,
        EventKind::Reserve {
            patient: "P-1".into(),
            until: at(48),
        },
    );
    let issued = apply(
        released("I1", sagm(), "O+"),
        5,
        EventKind::Issue {
            patient: "P-2".into(),
        },
    );
    let units = [("BC", &platelets), ("BC", &reserved), ("BC", &issued)];
    // Day 1: platelets and nothing else (reserved and issued are not stock).
    let s = stock_summary(units, at(24)).unwrap();
    assert_eq!(s.centres[0].components.len(), 1);
    assert_eq!(s.centres[0].components[0].availability, "O+Ve : 1");
    // Day 3: the reservation has lapsed; platelets (5 days) still good.
    let s = stock_summary(units, at(72)).unwrap();
    assert_eq!(s.centres[0].components.len(), 2);
    assert_eq!(
        s.centres[0]
            .component(E::SagmPackedRedBloodCells)
            .unwrap()
            .availability,
        "O+Ve : 1"
    );
    // Day 6: platelets expired (5 days from collection).
    let s = stock_summary(units, at(6 * 24)).unwrap();
    let codes: Vec<u32> = s.centres[0]
        .components
        .iter()
        .map(|c| c.component.code())
        .collect();
    assert_eq!(codes, [28]);
    assert_eq!(reserved.status_at(at(6 * 24)), UnitStatus::Released);
    // Before collection nothing existed.
    let s = stock_summary(units, at(-1)).unwrap();
    assert!(s.centres[0].components.is_empty() && s.centres[0].uncounted.is_empty());
}

#[test]
fn units_that_cannot_be_counted_are_reported_with_the_reason() {
    let gran = released(
        "G1",
        Product::simple(Component::Granulocytes).unwrap(),
        "O+",
    );
    // A unit of unknown RhD cannot be released through its lifecycle (grouping is not
    // confirmed); one can still arrive as saved JSON from elsewhere, released on the word of a
    // record that does not carry its grouping (as a FHIR import is). A confirmed grouping of O+
    // would contradict the label, and the import would refuse it.
    let mut json = serde_json::to_value(released("U1", sagm(), "O+")).unwrap();
    json["group"] = "O".into();
    json["grouping"] = serde_json::json!({});
    let unknown_rhd: BloodUnit = serde_json::from_value(json).unwrap();
    let fine = released("F1", sagm(), "O+");
    let units = [
        ("BC", &gran),
        ("BC", &unknown_rhd),
        ("BC", &fine),
        ("BC-X", &fine),
    ];
    let s = stock_summary(units, at(10)).unwrap();
    let bc = s.centre("BC").unwrap();
    assert_eq!(bc.components[0].availability, "O+Ve : 1");
    let got: Vec<(&str, &str)> = bc
        .uncounted
        .iter()
        .map(|u| (u.unit.as_str(), u.code.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("G1", "ERAKTKOSH_NO_COMPONENT_CODE"),
            ("U1", "ERAKTKOSH_NO_GROUP_CODE")
        ]
    );
    assert_eq!(
        bc.uncounted[1].reason,
        "not applicable: blood group O has no e-RaktKosh code: its RhD type is not known"
    );
    let x = s.centre("BC-X").unwrap();
    assert!(x.components.is_empty());
    assert_eq!(x.uncounted[0].code, "DUPLICATE_UNIT");
    assert_eq!(x.uncounted[0].unit, "F1");

    // Events after as_of: the status then is not known.
    let s = stock_summary([("BC", &fine)], at(3)).unwrap();
    assert_eq!(s.centres[0].uncounted[0].code, "EVENTS_AFTER_AS_OF");
    assert!(s.centres[0].components.is_empty());

    for blank in ["", "  "] {
        let err = stock_summary([(blank, &fine)], at(10)).unwrap_err();
        assert_eq!(err.kind(), "InvalidInput");
    }
}
