//! Random event sequences on a unit: statuses only move along allowed edges, a refused event
//! changes nothing, history only grows, and expiry never moves later.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use chrono::{DateTime, TimeDelta};
use common::events::{MARKERS, event_of, product, step};
use proptest::prelude::*;
use rakt::screening::TestResult;
use rakt::unit::{BloodUnit, Collection, DonationType, EventKind, UnitEvent};
use rakt::{BloodGroup, Policy};

/// The allowed edges, written independently of the implementation (tests/vectors README and
/// research/blood.md §4.4): the statuses an event may lead to from a status.
fn allowed(from: &str, event: &str) -> Vec<&'static str> {
    let same = |s: &str| -> &'static str {
        match s {
            "collected" => "collected",
            "quarantined" => "quarantined",
            "released" => "released",
            "reserved" => "reserved",
            "crossmatched" => "crossmatched",
            _ => "?",
        }
    };
    let live = [
        "collected",
        "quarantined",
        "released",
        "reserved",
        "crossmatched",
        "issued",
        "returned",
    ];
    match (from, event) {
        ("collected", "quarantine") => vec!["quarantined"],
        ("collected" | "quarantined", "record_test" | "record_repeat" | "record_grouping") => {
            vec![same(from)]
        }
        ("quarantined", "release") => vec!["released"],
        ("released", "reserve") => vec!["reserved"],
        ("released" | "reserved", "crossmatch") => vec!["crossmatched"],
        // A hold that has lapsed frees the unit: it may be held again, for anyone.
        ("reserved" | "crossmatched", "reserve") => vec!["reserved"],
        ("crossmatched", "crossmatch") => vec!["crossmatched"],
        ("reserved" | "crossmatched" | "returned", "cancel") => vec!["released"],
        ("released" | "reserved" | "crossmatched" | "returned", "issue") => vec!["issued"],
        ("issued", "transfuse") => vec!["transfused"],
        ("issued", "reaction") => vec!["transfused_with_reaction"],
        ("issued", "return") => vec!["released", "returned", "discarded"],
        (s, "discard") if live.contains(&s) => vec!["discarded"],
        ("released", "fractionate") => vec!["fractionated"],
        (
            "collected" | "quarantined" | "released" | "reserved" | "crossmatched",
            "irradiate" | "wash" | "open" | "thaw",
        ) => {
            vec![same(from)]
        }
        _ => Vec::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_event_sequences_respect_the_lifecycle(
        product in product(),
        prescreen in any::<bool>(),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let policy = Policy::india();
        let start = DateTime::parse_from_rfc3339("2026-11-01T09:00:00+05:30").unwrap();
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
            // Half the runs start from a released unit, so that the later edges are exercised.
            now += TimeDelta::minutes(60);
            let mut events = vec![EventKind::Quarantine];
            events.extend(MARKERS.iter().map(|m| EventKind::RecordTest { marker: *m, result: TestResult::NonReactive }));
            events.push(EventKind::RecordGrouping { forward: Some(group), reverse: Some(group.abo()), historical: None });
            events.push(EventKind::Release);
            for kind in events {
                unit = unit.apply(&UnitEvent::new(now, "tech", kind), &policy).unwrap();
            }
            prop_assert_eq!(unit.status().as_str(), "released");
        }
        for s in steps {
            now += TimeDelta::minutes(s.advance_minutes);
            let (name, kind) = event_of(&s, now, group);
            let before = unit.clone();
            let from = before.status().as_str();
            match unit.apply(&UnitEvent::new(now, "tech", kind), &policy) {
                Ok(next) => {
                    let to = next.status().as_str();
                    prop_assert!(allowed(from, name).contains(&to), "{from} --{name}--> {to} is not an allowed edge");
                    prop_assert!(next.expiry().expires_at <= before.expiry().expires_at);
                    prop_assert_eq!(next.history().len(), before.history().len() + 1);
                    prop_assert_eq!(&next.history()[..before.history().len()], before.history());
                    unit = next;
                }
                Err(e) => {
                    prop_assert!(matches!(e.kind(), "NotApplicable" | "InvalidInput" | "PolicyValueMissing"), "{e}");
                    // The unit is a value: the refusal left it exactly as it was.
                    prop_assert_eq!(&unit, &before);
                }
            }
        }
    }
}

proptest! {
    /// A unit id's text form reads back to the same id.
    #[test]
    fn unit_id_text_round_trips(din in "[A-Z0-9][A-Z0-9-]{0,12}", division in proptest::option::of("[A-Z][0-9a-z]")) {
        let id = rakt::unit::UnitId::new(&din, division.as_deref()).unwrap();
        prop_assert_eq!(rakt::unit::UnitId::parse(&id.to_string()).unwrap(), id);
    }
}
