//! Unit lifecycle through the public API: every event on every status, holds, returns,
//! modifications, split, pool, HL7 codes and reactive results, with exact values.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{DateTime, FixedOffset, TimeDelta};
use rakt::screening::{TestResult, TtiMarker};
use rakt::unit::*;
use rakt::*;

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

const T0: &str = "2026-11-01T09:00:00+05:30";

fn at(minutes: i64) -> DateTime<FixedOffset> {
    t(T0) + TimeDelta::minutes(minutes)
}

fn ev(minutes: i64, kind: EventKind) -> UnitEvent {
    UnitEvent::new(at(minutes), "tech", kind)
}

fn p() -> Policy {
    Policy::india()
}

fn collection(
    din: &str,
    product: Product,
    group: &str,
    collected_at: DateTime<FixedOffset>,
) -> Collection {
    Collection {
        din: din.into(),
        division: None,
        product,
        group: BloodGroup::parse(group).unwrap(),
        volume_ml: 280,
        donation_type: DonationType::Voluntary,
        donor_id: Some("D-1".into()),
        first_donation: false,
        collected_at,
    }
}

fn rbc(din: &str) -> BloodUnit {
    BloodUnit::collect(
        collection(
            din,
            Product::red_cells(Preservative::AdditiveSolution),
            "O+",
            t(T0),
        ),
        "tech",
        &p(),
    )
    .unwrap()
}

/// Quarantined with every India marker non-reactive and the grouping confirmed.
fn screened(unit: BloodUnit) -> BloodUnit {
    let mut u = unit.apply(&ev(30, EventKind::Quarantine), &p()).unwrap();
    for m in &p().screening.mandatory_markers {
        u = u
            .apply(
                &ev(
                    60,
                    EventKind::RecordTest {
                        marker: *m,
                        result: TestResult::NonReactive,
                    },
                ),
                &p(),
            )
            .unwrap();
    }
    u.apply(
        &ev(
            70,
            EventKind::RecordGrouping {
                forward: Some(u.group()),
                reverse: Some(u.group().abo()),
                historical: None,
            },
        ),
        &p(),
    )
    .unwrap()
}

fn released(unit: BloodUnit) -> BloodUnit {
    screened(unit)
        .apply(&ev(120, EventKind::Release), &p())
        .unwrap()
}

fn until() -> DateTime<FixedOffset> {
    at(2 * 24 * 60)
}

fn in_status(s: &str) -> BloodUnit {
    let r = || released(rbc("DIN-1"));
    let xm = || {
        r().apply(
            &ev(
                180,
                EventKind::Crossmatch {
                    patient: "P-1".into(),
                    until: until(),
                },
            ),
            &p(),
        )
        .unwrap()
    };
    let issued = || {
        xm().apply(
            &ev(
                240,
                EventKind::Issue {
                    patient: "P-1".into(),
                },
            ),
            &p(),
        )
        .unwrap()
    };
    match s {
        "collected" => rbc("DIN-1"),
        "quarantined" => screened(rbc("DIN-1")),
        "released" => r(),
        "reserved" => r()
            .apply(
                &ev(
                    180,
                    EventKind::Reserve {
                        patient: "P-1".into(),
                        until: until(),
                    },
                ),
                &p(),
            )
            .unwrap(),
        "crossmatched" => xm(),
        "issued" => issued(),
        "transfused" => issued()
            .apply(&ev(300, EventKind::Transfuse), &p())
            .unwrap(),
        "transfused_with_reaction" => issued()
            .apply(
                &ev(
                    300,
                    EventKind::TransfuseWithReaction {
                        details: "fever".into(),
                    },
                ),
                &p(),
            )
            .unwrap(),
        "returned" => issued()
            .apply(
                &ev(
                    250,
                    EventKind::Return {
                        minutes_out_of_storage: None,
                        keep_for_patient: true,
                    },
                ),
                &p(),
            )
            .unwrap(),
        "discarded" => r()
            .apply(
                &ev(
                    180,
                    EventKind::Discard {
                        reason: DiscardReason::Leakage,
                    },
                ),
                &p(),
            )
            .unwrap(),
        "processed" => r().split(&[140, 140], at(180), "tech").unwrap().0,
        other => panic!("no builder for {other}"),
    }
}

/// Rows: the unit's status. Columns: the events below. Cells: the status after the event, or
/// the error code. `x` = INVALID_TRANSITION.
const EVENTS: [&str; 14] = [
    "quarantine",
    "record_test",
    "record_grouping",
    "release",
    "reserve",
    "crossmatch",
    "cancel",
    "issue",
    "transfuse",
    "reaction",
    "return",
    "discard",
    "irradiate",
    "fractionate",
];
const TRANSITIONS: [(&str, &str); 11] = [
    (
        "collected",
        "quarantined collected collected x x x x x x x x discarded collected x",
    ),
    (
        "quarantined",
        "x quarantined quarantined released x x x x x x x discarded quarantined x",
    ),
    (
        "released",
        "x x x x reserved crossmatched x issued x x x discarded released NOT_PLASMA",
    ),
    (
        "reserved",
        "x x x x x crossmatched released issued x x x discarded reserved x",
    ),
    (
        "crossmatched",
        "x x x x x x released issued x x x discarded crossmatched x",
    ),
    (
        "issued",
        "x x x x x x x x transfused transfused_with_reaction released discarded x x",
    ),
    (
        "returned",
        "x x x x x x released issued x x x discarded x x",
    ),
    ("transfused", "x x x x x x x x x x x x x x"),
    ("transfused_with_reaction", "x x x x x x x x x x x x x x"),
    ("discarded", "x x x x x x x x x x x x x x"),
    ("processed", "x x x x x x x x x x x x x x"),
];

fn event(name: &str) -> EventKind {
    match name {
        "quarantine" => EventKind::Quarantine,
        "record_test" => EventKind::RecordTest {
            marker: TtiMarker::HivNat,
            result: TestResult::NonReactive,
        },
        "record_grouping" => EventKind::RecordGrouping {
            forward: None,
            reverse: None,
            historical: Some(BloodGroup::parse("O+").unwrap()),
        },
        "release" => EventKind::Release,
        "reserve" => EventKind::Reserve {
            patient: "P-1".into(),
            until: until(),
        },
        "crossmatch" => EventKind::Crossmatch {
            patient: "P-1".into(),
            until: until(),
        },
        "cancel" => EventKind::CancelReservation,
        "issue" => EventKind::Issue {
            patient: "P-1".into(),
        },
        "transfuse" => EventKind::Transfuse,
        "reaction" => EventKind::TransfuseWithReaction {
            details: "rigors".into(),
        },
        "return" => EventKind::Return {
            minutes_out_of_storage: Some(10),
            keep_for_patient: false,
        },
        "discard" => EventKind::Discard {
            reason: DiscardReason::Haemolysed,
        },
        "irradiate" => EventKind::Irradiate,
        "fractionate" => EventKind::SendForFractionation,
        other => panic!("no event {other}"),
    }
}

#[test]
fn every_allowed_and_every_refused_transition() {
    for (from, row) in TRANSITIONS {
        let unit = in_status(from);
        assert_eq!(unit.status().as_str(), from);
        for (name, want) in EVENTS.iter().zip(row.split_whitespace()) {
            let result = unit.apply(&ev(400, event(name)), &p());
            match (want, result) {
                ("x", Err(RaktError::NotApplicable { code, .. })) => {
                    assert_eq!(code, "INVALID_TRANSITION", "{from} + {name}");
                }
                (code, Err(RaktError::NotApplicable { code: got, .. })) => {
                    assert_eq!(got, code, "{from} + {name}");
                }
                (want, Ok(next)) => {
                    assert_eq!(next.status().as_str(), want, "{from} + {name}");
                    assert_eq!(next.history().len(), unit.history().len() + 1);
                    assert_eq!(next.history()[..unit.history().len()], *unit.history());
                }
                (want, Err(e)) => panic!("{from} + {name}: want {want}, got {e}"),
            }
        }
    }
}

#[test]
fn expired_units_cannot_be_reserved_or_issued() {
    let u = in_status("released");
    let after = t("2026-12-13T23:59:00+05:30");
    for kind in [
        EventKind::Reserve {
            patient: "P".into(),
            until: after + TimeDelta::hours(1),
        },
        EventKind::Crossmatch {
            patient: "P".into(),
            until: after + TimeDelta::hours(1),
        },
        EventKind::Issue {
            patient: "P".into(),
        },
    ] {
        let err = u
            .apply(&UnitEvent::new(after, "tech", kind), &p())
            .unwrap_err();
        assert!(
            matches!(err, RaktError::NotApplicable { ref code, .. } if code == "UNIT_EXPIRED"),
            "{err}"
        );
    }
    let minute_before = t("2026-12-13T23:58:00+05:30");
    assert!(
        u.apply(
            &UnitEvent::new(
                minute_before,
                "tech",
                EventKind::Issue {
                    patient: "P".into()
                }
            ),
            &p()
        )
        .is_ok()
    );
    let discarded = u
        .apply(
            &UnitEvent::new(
                after,
                "tech",
                EventKind::Discard {
                    reason: DiscardReason::Expired,
                },
            ),
            &p(),
        )
        .unwrap();
    assert_eq!(discarded.discard_reason(), Some(&DiscardReason::Expired));
    let early = u.apply(
        &UnitEvent::new(
            minute_before,
            "tech",
            EventKind::Discard {
                reason: DiscardReason::Expired,
            },
        ),
        &p(),
    );
    assert_eq!(early.unwrap_err().kind(), "InvalidInput");
}

#[test]
fn holds_are_for_one_patient_until_a_time() {
    let u = in_status("crossmatched");
    let wrong = u
        .apply(
            &ev(
                300,
                EventKind::Issue {
                    patient: "P-2".into(),
                },
            ),
            &p(),
        )
        .unwrap_err();
    assert!(matches!(wrong, RaktError::NotApplicable { ref code, .. } if code == "WRONG_PATIENT"));
    let lapsed = UnitEvent::new(
        until(),
        "tech",
        EventKind::Issue {
            patient: "P-1".into(),
        },
    );
    let err = u.apply(&lapsed, &p()).unwrap_err();
    assert!(
        matches!(err, RaktError::NotApplicable { ref code, .. } if code == "RESERVATION_EXPIRED")
    );
    assert_eq!(
        u.status_at(until() - TimeDelta::seconds(1)),
        UnitStatus::Crossmatched
    );
    assert_eq!(u.status_at(until()), UnitStatus::Released);
    let released = in_status("released");
    let bad = released.apply(
        &ev(
            300,
            EventKind::Reserve {
                patient: "P".into(),
                until: at(300),
            },
        ),
        &p(),
    );
    assert_eq!(bad.unwrap_err().kind(), "InvalidInput");
    let reserved = in_status("reserved");
    let other = reserved.apply(
        &ev(
            300,
            EventKind::Crossmatch {
                patient: "P-9".into(),
                until: until(),
            },
        ),
        &p(),
    );
    assert!(
        matches!(other.unwrap_err(), RaktError::NotApplicable { ref code, .. } if code == "WRONG_PATIENT")
    );
}

#[test]
fn returns_within_thirty_minutes_go_back_to_stock() {
    let issued = in_status("issued"); // issued at +240 min
    let back = |minutes: i64, out: Option<u32>, keep: bool| {
        issued.apply(
            &ev(
                240 + minutes,
                EventKind::Return {
                    minutes_out_of_storage: out,
                    keep_for_patient: keep,
                },
            ),
            &p(),
        )
    };
    let on_time = back(30, None, false).unwrap();
    assert_eq!(on_time.status(), UnitStatus::Released);
    assert!(on_time.reservation().is_none());
    let r = &on_time.history().last().unwrap().reasons[0];
    assert_eq!(r.code, ReasonCode::ReturnedToStock);
    assert_eq!(r.facts.text("minutes").unwrap(), "30");
    let late = issued
        .apply(
            &UnitEvent::new(
                at(270) + TimeDelta::seconds(1),
                "tech",
                EventKind::Return {
                    minutes_out_of_storage: None,
                    keep_for_patient: false,
                },
            ),
            &p(),
        )
        .unwrap();
    assert_eq!(late.status(), UnitStatus::Discarded);
    assert_eq!(late.discard_reason(), Some(&DiscardReason::ReturnedTooLate));
    assert_eq!(
        late.history().last().unwrap().reasons[0].code,
        ReasonCode::ReturnedTooLate
    );
    assert_eq!(
        back(200, Some(30), false).unwrap().status(),
        UnitStatus::Released
    );
    assert_eq!(
        back(5, Some(31), false).unwrap().status(),
        UnitStatus::Discarded
    );
    let kept = back(10, None, true).unwrap();
    assert_eq!(kept.status(), UnitStatus::Returned);
    assert_eq!(kept.reservation().unwrap().patient, "P-1");
    let expired = issued
        .apply(
            &UnitEvent::new(
                t("2026-12-14T00:10:00+05:30"),
                "tech",
                EventKind::Return {
                    minutes_out_of_storage: Some(5),
                    keep_for_patient: false,
                },
            ),
            &p(),
        )
        .unwrap();
    assert_eq!(expired.discard_reason(), Some(&DiscardReason::Expired));
}

#[test]
fn events_must_come_in_order_and_name_an_actor() {
    let u = in_status("released");
    let err = u
        .apply(
            &ev(
                60,
                EventKind::Reserve {
                    patient: "P".into(),
                    until: until(),
                },
            ),
            &p(),
        )
        .unwrap_err();
    assert!(
        matches!(err, RaktError::NotApplicable { ref code, .. } if code == "EVENT_OUT_OF_ORDER")
    );
    let err = u
        .apply(&UnitEvent::new(at(300), " ", EventKind::Transfuse), &p())
        .unwrap_err();
    assert_eq!(err.kind(), "InvalidInput");
    let err = u
        .apply(
            &ev(
                300,
                EventKind::Discard {
                    reason: DiscardReason::Other("  ".into()),
                },
            ),
            &p(),
        )
        .unwrap_err();
    assert_eq!(err.kind(), "InvalidInput");
    let ok = u
        .apply(
            &ev(
                300,
                EventKind::Discard {
                    reason: DiscardReason::Other("bag label torn".into()),
                },
            ),
            &p(),
        )
        .unwrap();
    assert_eq!(
        ok.history().last().unwrap().reasons[0]
            .facts
            .text("reason")
            .unwrap(),
        "bag label torn"
    );
}

#[test]
fn release_says_what_is_missing() {
    let q = rbc("DIN-9")
        .apply(&ev(30, EventKind::Quarantine), &p())
        .unwrap();
    let err = q.apply(&ev(60, EventKind::Release), &p()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "not applicable: cannot release: TTI_NOT_TESTED, TTI_NOT_TESTED, TTI_NOT_TESTED, TTI_NOT_TESTED, TTI_NOT_TESTED, GROUPING_NOT_CONFIRMED"
    );
    let released = released(rbc("DIN-9"));
    assert_eq!(
        released.history().last().unwrap().reasons[0].code,
        ReasonCode::ReleaseAllowed
    );
}

#[test]
fn modifications_redate_through_the_expiry_rules() {
    let u = in_status("crossmatched");
    let washed = u.apply(&ev(300, EventKind::Wash), &p()).unwrap();
    assert_eq!(washed.expiry().expires_at, at(300 + 24 * 60));
    assert!(washed.product().has(crate::Modification::Washed));
    assert_eq!(
        washed.history().last().unwrap().reasons[0].code,
        ReasonCode::Redated
    );
    let ffp = released(
        BloodUnit::collect(
            collection(
                "DIN-P",
                Product::simple(Component::FreshFrozenPlasma).unwrap(),
                "AB+",
                t(T0),
            ),
            "tech",
            &p(),
        )
        .unwrap(),
    );
    let thawed = ffp
        .apply(
            &ev(
                300,
                EventKind::Thaw {
                    storage: Storage::Refrigerated,
                },
            ),
            &p(),
        )
        .unwrap();
    assert_eq!(thawed.expiry().expires_at, at(300 + 24 * 60));
    let frac = ffp
        .apply(&ev(300, EventKind::SendForFractionation), &p())
        .unwrap();
    assert_eq!(frac.status(), UnitStatus::Fractionated);
    let err = u
        .apply(
            &ev(
                300,
                EventKind::Thaw {
                    storage: Storage::Refrigerated,
                },
            ),
            &p(),
        )
        .unwrap_err();
    assert!(matches!(err, RaktError::NotApplicable { ref code, .. } if code == "NOT_FROZEN"));
}

#[test]
fn split_makes_divided_children() {
    let u = in_status("released");
    let (parent, children) = u.split(&[100, 90, 80], at(300), "tech").unwrap();
    assert_eq!(parent.status(), UnitStatus::Processed);
    assert_eq!(children.len(), 3);
    let divisions: Vec<_> = children.iter().map(|c| c.id().to_string()).collect();
    assert_eq!(divisions, ["DIN-1/A0", "DIN-1/B0", "DIN-1/C0"]);
    assert_eq!(children[1].volume_ml(), 90);
    assert_eq!(children[0].status(), UnitStatus::Released);
    assert_eq!(children[0].expiry().expires_at, u.expiry().expires_at);
    assert_eq!(children[0].parents(), [u.id().clone()]);
    let (_, grand) = children[0].split(&[50, 50], at(310), "tech").unwrap();
    assert_eq!(grand[1].id().to_string(), "DIN-1/Ab");
    assert!(grand[0].split(&[20, 20], at(320), "tech").is_err());
    assert_eq!(
        u.split(&[200, 100], at(300), "tech").unwrap_err().kind(),
        "InvalidInput"
    );
    assert_eq!(
        u.split(&[280], at(300), "tech").unwrap_err().kind(),
        "InvalidInput"
    );
    assert!(
        in_status("issued")
            .split(&[100, 100], at(300), "tech")
            .is_err()
    );
}

#[test]
fn pools_need_released_units_of_one_group() {
    let policy = Policy::uk();
    let plt = |din: &str, group: &str, hours: i64| {
        let c = collection(
            din,
            Product::platelets(PlateletSource::RandomDonor),
            group,
            t("2026-11-01T09:00:00+00:00") + TimeDelta::hours(hours),
        );
        let u = BloodUnit::collect(c, "tech", &policy).unwrap();
        let mut u = u
            .apply(
                &UnitEvent::new(u.collected_at(), "tech", EventKind::Quarantine),
                &policy,
            )
            .unwrap();
        for m in &policy.screening.mandatory_markers {
            u = u
                .apply(
                    &UnitEvent::new(
                        u.collected_at(),
                        "tech",
                        EventKind::RecordTest {
                            marker: *m,
                            result: TestResult::NonReactive,
                        },
                    ),
                    &policy,
                )
                .unwrap();
        }
        let g = u.group();
        u = u
            .apply(
                &UnitEvent::new(
                    u.collected_at(),
                    "tech",
                    EventKind::RecordGrouping {
                        forward: Some(g),
                        reverse: Some(g.abo()),
                        historical: None,
                    },
                ),
                &policy,
            )
            .unwrap();
        u.apply(
            &UnitEvent::new(
                u.collected_at() + TimeDelta::hours(2),
                "tech",
                EventKind::Release,
            ),
            &policy,
        )
        .unwrap()
    };
    let units = [plt("P1", "A+", 0), plt("P2", "A+", 3)];
    let pooled_at = t("2026-11-02T10:00:00+00:00");
    let (done, pool) = BloodUnit::pool(&units, "POOL-1", pooled_at, "tech", &policy).unwrap();
    assert!(done.iter().all(|u| u.status() == UnitStatus::Processed));
    assert_eq!(pool.status(), UnitStatus::Released);
    assert_eq!(pool.volume_ml(), 560);
    assert_eq!(pool.expiry().expires_at, pooled_at + TimeDelta::hours(6));
    assert_eq!(pool.parents().len(), 2);
    assert!(pool.release_verdict(pooled_at, &policy).releasable);
    let mixed = [plt("P3", "A+", 0), plt("P4", "B+", 0)];
    assert_eq!(
        BloodUnit::pool(&mixed, "POOL-2", pooled_at, "tech", &policy)
            .unwrap_err()
            .kind(),
        "InvalidInput"
    );
    let one = [plt("P5", "A+", 0)];
    assert!(BloodUnit::pool(&one, "POOL-3", pooled_at, "tech", &policy).is_err());
}

#[test]
fn hl7_codes_both_ways() {
    for s in UnitStatus::ALL {
        if let Some(code) = s.hl7() {
            assert_eq!(UnitStatus::from_hl7(code).unwrap(), *s, "{s}");
        }
    }
    for code in [
        "CR", "RI", "RS", "RD", "RQ", "DS", "RA", "RL", "RE", "PT", "WA", "TR", "TX",
    ] {
        let s = UnitStatus::from_hl7(code).unwrap();
        assert!(s.hl7().is_some(), "{code}");
    }
}

#[test]
fn a_reactive_result_discards_the_donation_refers_and_looks_back() {
    let policy = p();
    // An earlier donation of the same donor, released and still in stock.
    let earlier = released(
        BloodUnit::collect(
            collection(
                "DIN-OLD",
                Product::red_cells(Preservative::AdditiveSolution),
                "O+",
                t("2026-10-15T09:00:00+05:30"),
            ),
            "tech",
            &policy,
        )
        .unwrap(),
    );
    // Today's donation: red cells and plasma with the same DIN.
    let rc = rbc("DIN-NEW");
    let ffp = BloodUnit::collect(
        Collection {
            division: Some("A0".into()),
            ..collection(
                "DIN-NEW",
                Product::simple(Component::FreshFrozenPlasma).unwrap(),
                "O+",
                t(T0),
            )
        },
        "tech",
        &policy,
    )
    .unwrap();
    let rc = rc.apply(&ev(30, EventKind::Quarantine), &policy).unwrap();
    let rc = rc
        .apply(
            &ev(
                60,
                EventKind::RecordTest {
                    marker: TtiMarker::Hbsag,
                    result: TestResult::InitiallyReactive,
                },
            ),
            &policy,
        )
        .unwrap();
    let not_yet = handle_reactive(&rc, &[], at(90), "tech", &policy).unwrap_err();
    assert!(
        matches!(not_yet, RaktError::NotApplicable { ref code, .. } if code == "NO_REACTIVE_RESULT")
    );
    let rc = rc
        .apply(
            &ev(
                90,
                EventKind::RecordRepeat {
                    marker: TtiMarker::Hbsag,
                    first: TestResult::RepeatReactive,
                    second: TestResult::NonReactive,
                },
            ),
            &policy,
        )
        .unwrap();
    let stock = vec![earlier.clone(), rc.clone(), ffp.clone()];
    let out = handle_reactive(&rc, &stock, at(120), "mo", &policy).unwrap();
    assert_eq!(out.discarded.len(), 2);
    assert!(
        out.discarded
            .iter()
            .all(|u| u.status() == UnitStatus::Discarded
                && u.discard_reason() == Some(&DiscardReason::TtiReactive))
    );
    assert_eq!(out.referral.markers, [TtiMarker::Hbsag]);
    assert_eq!(out.referral.donor_id.as_deref(), Some("D-1"));
    assert_eq!(out.referral.date.to_string(), "2026-11-01");
    assert_eq!(
        out.referral.deferral_events[0].marker,
        Some(TtiMarker::Hbsag)
    );
    assert_eq!(out.lookback.len(), 1);
    assert_eq!(out.lookback[0].unit.din, "DIN-OLD");
    assert!(out.not_discarded.is_empty());
    // The release of the reactive unit is refused, naming the marker.
    let v = rc.release_verdict(at(120), &policy);
    assert_eq!(v.codes()[0], "TTI_REACTIVE");
}

#[test]
fn units_round_trip_through_json() {
    for s in [
        "collected",
        "released",
        "issued",
        "returned",
        "discarded",
        "processed",
    ] {
        let u = in_status(s);
        let json = serde_json::to_string(&u).unwrap();
        assert_eq!(serde_json::from_str::<BloodUnit>(&json).unwrap(), u, "{s}");
    }
}

#[test]
fn identities_are_validated() {
    assert!(UnitId::new("A9999 21 123456", Some("A0")).is_ok());
    for bad in ["", " DIN", "DIN ", "DIN#1", &"X".repeat(41)] {
        assert_eq!(
            UnitId::new(bad, None).unwrap_err().kind(),
            "InvalidInput",
            "{bad:?}"
        );
    }
    for bad in ["a0", "A", "A00", "0A", "AB"] {
        assert!(UnitId::new("DIN", Some(bad)).is_err(), "{bad}");
    }
    let c = Collection {
        volume_ml: 0,
        ..collection("DIN", Product::red_cells(Preservative::Cpd), "O+", t(T0))
    };
    assert_eq!(
        BloodUnit::collect(c, "tech", &p()).unwrap_err().kind(),
        "InvalidInput"
    );
}

#[test]
fn look_back_finds_pools_through_their_constituents() {
    let policy = Policy::uk();
    // Platelets from `donor` collected on `day`, then `events` two hours later.
    let plt = |din: &str, donor: &str, day: u32, events: Vec<EventKind>| {
        let at0 = t(&format!("2026-11-{day:02}T09:00:00+00:00"));
        let c = Collection {
            donor_id: Some(donor.into()),
            ..collection(
                din,
                Product::platelets(PlateletSource::RandomDonor),
                "A+",
                at0,
            )
        };
        let mut u = BloodUnit::collect(c, "tech", &policy).unwrap();
        for kind in events {
            u = u
                .apply(
                    &UnitEvent::new(at0 + TimeDelta::hours(2), "tech", kind),
                    &policy,
                )
                .unwrap();
        }
        u
    };
    let mut released = vec![EventKind::Quarantine];
    for m in &policy.screening.mandatory_markers {
        released.push(EventKind::RecordTest {
            marker: *m,
            result: TestResult::NonReactive,
        });
    }
    let a_pos = BloodGroup::parse("A+").unwrap();
    released.push(EventKind::RecordGrouping {
        forward: Some(a_pos),
        reverse: Some(a_pos.abo()),
        historical: None,
    });
    released.push(EventKind::Release);
    let repeat_reactive = vec![
        EventKind::Quarantine,
        EventKind::RecordTest {
            marker: TtiMarker::Hev,
            result: TestResult::RepeatReactive,
        },
    ];
    // D-1's earlier platelets were pooled with D-2's.
    let (processed, pool) = BloodUnit::pool(
        &[
            plt("P1", "D-1", 1, released.clone()),
            plt("P2", "D-2", 1, released.clone()),
        ],
        "POOL-1",
        t("2026-11-02T09:00:00+00:00"),
        "tech",
        &policy,
    )
    .unwrap();
    // D-1 gives again and the donation is repeat reactive.
    let new = plt("NEW", "D-1", 3, repeat_reactive.clone());
    assert_eq!(new.status(), UnitStatus::Quarantined);
    let mut stock = processed;
    stock.push(pool);
    let out = handle_reactive(&new, &stock, t("2026-11-03T15:00:00+00:00"), "mo", &policy).unwrap();
    let ids: Vec<String> = out.lookback.iter().map(|e| e.unit.to_string()).collect();
    assert_eq!(ids, ["POOL-1"]);
    // A donor with no earlier units has nothing to look back at.
    let other = plt("OTHER", "D-9", 3, repeat_reactive);
    assert!(
        handle_reactive(
            &other,
            &stock,
            t("2026-11-03T15:00:00+00:00"),
            "mo",
            &policy
        )
        .unwrap()
        .lookback
        .is_empty()
    );
}

#[test]
fn pools_refuse_duplicates_and_red_cells() {
    let r1 = in_status("released");
    let err =
        BloodUnit::pool(&[r1.clone(), r1.clone()], "POOL", at(500), "tech", &p()).unwrap_err();
    assert!(matches!(err, RaktError::NotApplicable { ref code, .. } if code == "NOT_POOLABLE"));
    assert_eq!(
        BloodUnit::pool(&[r1], "POOL", at(500), "tech", &p())
            .unwrap_err()
            .kind(),
        "InvalidInput"
    );
}
