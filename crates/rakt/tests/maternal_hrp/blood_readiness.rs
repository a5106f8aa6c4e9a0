//! Blood readiness: the units held for a mother, the gap, and where to get the rest.

use super::*;

fn t(s: &str) -> DateTime<FixedOffset> {
    rakt::parse_timestamp(s).unwrap()
}

/// A released red-cell unit collected at `at`.
fn unit(din: &str, group: &str, at: DateTime<FixedOffset>) -> BloodUnit {
    common::released(
        din,
        group,
        at,
        Product::red_cells(Preservative::AdditiveSolution),
    )
}

#[test]
fn blood_readiness_names_the_units_the_gap_and_where_to_get_them() {
    // SAGM red cells last 42 days (day 0 = collection), expiring at 23:59 on day 42.
    let as_of = t("2026-11-23T10:00:00+05:30");
    let due = date(2026, 12, 1);
    let mut fru = Inventory::new("FRU Barabanki", Policy::india());
    // Expires 2026-12-01 23:59, the last minute of the due date: a delivery late that day
    // could not use it, so it does not count.
    fru.add(unit(
        "A0000 26 100001",
        "B-",
        t("2026-10-20T09:00:00+05:30"),
    ))
    .unwrap();
    // Expires 2026-12-02 23:59: valid through the due date. (B+ expires 2026-12-20.)
    fru.add(unit(
        "A0000 26 100002",
        "B-",
        t("2026-10-21T09:00:00+05:30"),
    ))
    .unwrap();
    fru.add(unit(
        "A0000 26 100003",
        "B+",
        t("2026-11-08T09:00:00+05:30"),
    ))
    .unwrap();
    let mut dh = Inventory::new("DH Lucknow", Policy::india());
    // O- expires after the B- here, so the scarce O- is kept (policy scarce_use).
    dh.add(unit(
        "A0000 26 200001",
        "O-",
        t("2026-11-12T09:00:00+05:30"),
    ))
    .unwrap();
    dh.add(unit(
        "A0000 26 200002",
        "B-",
        t("2026-11-10T09:00:00+05:30"),
    ))
    .unwrap();
    let record = AncRecord {
        id: Some("MCTS-42".into()),
        age_years: Some(29),
        blood_group: Some(BloodGroup::parse("B-").unwrap()),
        conditions: vec![KnownCondition::PlacentaPraevia],
        edd: Some(due),
        ..AncRecord::default()
    };
    let a = assess_pregnancy(&record, as_of.date_naive(), &Policy::india()).unwrap();
    assert_eq!(a.blood_plan.units(), 2);
    let mother = Mother::from_record(&record).unwrap();
    let r = blood_readiness(&mother, &a.blood_plan, &fru, due, as_of, &[&dh]).unwrap();
    assert_eq!(r.required, 2);
    assert_eq!(r.needed_by, t("2026-12-02T00:00:00+05:30"));
    // Only one B- unit is valid at the due date; B+ is refused for an RhD-negative woman.
    assert_eq!(
        r.units.iter().map(|u| u.id.to_string()).collect::<Vec<_>>(),
        ["A0000 26 100002"]
    );
    assert_eq!(r.missing, 1);
    assert!(!r.ready);
    let b_neg = r
        .shortfall
        .iter()
        .find(|s| s.group.to_string() == "B-")
        .unwrap();
    assert_eq!(b_neg.codes(), ["ALL_TAKEN", "EXPIRES_BEFORE_NEEDED"]);
    let b_pos = r
        .shortfall
        .iter()
        .find(|s| s.group.to_string() == "B+")
        .unwrap();
    assert_eq!(b_pos.codes(), ["INCOMPATIBLE"]);
    // The district hospital covers the gap with its B- unit before its O-.
    assert_eq!(r.nearby.len(), 1);
    assert_eq!(r.nearby[0].facility, "DH Lucknow");
    assert_eq!(
        r.nearby[0]
            .units
            .iter()
            .map(|u| u.id.to_string())
            .collect::<Vec<_>>(),
        ["A0000 26 200002"]
    );
    assert_eq!(r.nearby[0].request.quantity, 1);
    assert_eq!(r.uncovered, 0);
    let s = r.suggested_reservation.clone().unwrap();
    assert_eq!((s.patient.as_str(), s.quantity), ("MCTS-42", 1));
    assert_eq!(s.hold_until, Some(r.needed_by));
    // The suggestion reserves exactly the units named.
    let mut fru2 = fru.clone();
    let held = fru2.reserve(&s, as_of, "nurse").unwrap();
    assert_eq!(
        held.ids(),
        r.units.iter().map(|u| u.id.clone()).collect::<Vec<_>>()
    );
    // Nothing was changed by the readiness check itself.
    assert_eq!(
        blood_readiness(&mother, &a.blood_plan, &fru, due, as_of, &[&dh]).unwrap(),
        r
    );
}

#[test]
fn blood_readiness_without_crossmatch_needs_nothing_and_an_uncovered_gap_is_counted() {
    let as_of = t("2026-11-23T10:00:00+05:30");
    let empty = Inventory::new("PHC", Policy::india());
    let mother = Mother::new("M-1", BloodGroup::parse("AB+").unwrap());
    let mut plan = BloodPlan::crossmatch(3);
    let r = blood_readiness(&mother, &plan, &empty, date(2026, 11, 30), as_of, &[]).unwrap();
    assert_eq!(
        (r.required, r.missing, r.uncovered, r.ready),
        (3, 3, 3, false)
    );
    assert!(r.suggested_reservation.is_none());
    assert!(r.shortfall.iter().all(|s| s.codes() == ["NO_STOCK"]));
    plan.action = BloodAction::GroupAndScreen;
    let r = blood_readiness(&mother, &plan, &empty, date(2026, 11, 30), as_of, &[]).unwrap();
    assert_eq!((r.required, r.missing, r.ready), (0, 0, true));
    // A due date already past: the units must last to the end of today.
    let r = blood_readiness(
        &mother,
        &BloodPlan::crossmatch(1),
        &empty,
        date(2026, 11, 1),
        as_of,
        &[],
    )
    .unwrap();
    assert_eq!(r.needed_by, t("2026-11-24T00:00:00+05:30"));
    let nameless = Mother::new(" ", BloodGroup::parse("AB+").unwrap());
    assert!(blood_readiness(&nameless, &plan, &empty, date(2026, 11, 30), as_of, &[]).is_err());
}

#[test]
fn a_policy_file_can_move_a_cut_off_and_a_bad_one_is_refused_by_name() {
    let p = Policy::from_toml(
        "name = \"district\"\nextends = \"india\"\n[hrp.short_stature_cm]\nbelow = 145\n[sources.\"hrp.short_stature_cm\"]\ncitation = \"district protocol 2026\"\nconfidence = \"low\"\n",
    )
    .unwrap();
    assert_eq!(codes(&with_height("144.9"), &p), ["SHORT_STATURE"]);
    assert_eq!(
        p.source("hrp.short_stature_cm").unwrap().citation,
        "district protocol 2026"
    );
    let err = Policy::from_json(
        r#"{"name": "x", "extends": "india", "referral": {"default_level": "l1", "rules": {"NOT_A_FLAG": {"level": "l3", "urgency": "planned"}}}}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("referral"), "{err}");
    let err = Policy::from_json(
        r#"{"name": "x", "extends": "india", "blood_plan": {"high": {"action": "crossmatch", "units": 0}}}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid policy: blood_plan.high: crossmatch at least one unit"
    );
    let err = Policy::from_json(
        r#"{"name": "x", "extends": "india", "hrp": {"old_age_years": {"min": 40, "above": 35}}}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid policy: hrp.old_age_years: give min or above, not both"
    );
}

#[test]
fn the_facility_listed_among_its_neighbours_is_not_counted_twice() {
    let as_of = t("2026-11-23T10:00:00+05:30");
    let mut fru = Inventory::new("FRU", Policy::india());
    fru.add(unit(
        "A0000 26 300001",
        "A+",
        t("2026-11-20T09:00:00+05:30"),
    ))
    .unwrap();
    let mother = Mother::new("M-2", BloodGroup::parse("A+").unwrap());
    let r = blood_readiness(
        &mother,
        &BloodPlan::crossmatch(2),
        &fru,
        date(2026, 11, 30),
        as_of,
        &[&fru, &fru],
    )
    .unwrap();
    assert_eq!((r.units.len(), r.missing, r.uncovered), (1, 1, 1));
    assert!(r.nearby.is_empty());
}
