//! Random lifecycle events for property tests: one step of a random sequence and the event it
//! stands for (unit_properties, forged_imports).
#![allow(dead_code, clippy::indexing_slicing, clippy::unwrap_used)]

use chrono::{DateTime, FixedOffset, TimeDelta};
use proptest::prelude::*;
use rakt::screening::{TestResult, TtiMarker};
use rakt::unit::{DiscardReason, EventKind};
use rakt::{BloodGroup, Component, Preservative, Product, Storage};

/// One random step: how far time advances and which event (with its details) follows.
#[derive(Debug, Clone)]
pub struct Step {
    pub advance_minutes: i64,
    pub event: u8,
    pub marker: u8,
    pub result: u8,
    pub patient: bool,
    pub hours: i64,
    pub minutes_out: Option<u32>,
    pub keep: bool,
}

pub fn step() -> impl Strategy<Value = Step> {
    (
        0i64..3000,
        0u8..17,
        0u8..5,
        0u8..5,
        any::<bool>(),
        -2i64..96,
        prop::option::of(0u32..60),
        any::<bool>(),
    )
        .prop_map(
            |(advance_minutes, event, marker, result, patient, hours, minutes_out, keep)| Step {
                advance_minutes,
                event,
                marker,
                result,
                patient,
                hours,
                minutes_out,
                keep,
            },
        )
}

pub const MARKERS: [TtiMarker; 5] = [
    TtiMarker::Hiv,
    TtiMarker::Hbsag,
    TtiMarker::Hcv,
    TtiMarker::Syphilis,
    TtiMarker::Malaria,
];
pub const RESULTS: [TestResult; 5] = [
    TestResult::NonReactive,
    TestResult::NonReactive,
    TestResult::NonReactive,
    TestResult::InitiallyReactive,
    TestResult::RepeatReactive,
];

pub fn event_of(
    s: &Step,
    now: DateTime<FixedOffset>,
    group: BloodGroup,
) -> (&'static str, EventKind) {
    let patient = if s.patient { "P-1" } else { "P-2" }.to_string();
    let until = now + TimeDelta::hours(s.hours);
    let marker = MARKERS[usize::from(s.marker) % 5];
    match s.event {
        0 => ("quarantine", EventKind::Quarantine),
        1 | 2 => (
            "record_test",
            EventKind::RecordTest {
                marker,
                result: RESULTS[usize::from(s.result) % 5],
            },
        ),
        3 => (
            "record_repeat",
            EventKind::RecordRepeat {
                marker,
                first: RESULTS[usize::from(s.result) % 5],
                second: TestResult::NonReactive,
            },
        ),
        4 => (
            "record_grouping",
            EventKind::RecordGrouping {
                forward: Some(group),
                reverse: Some(group.abo()),
                historical: None,
            },
        ),
        5 => ("release", EventKind::Release),
        6 => ("reserve", EventKind::Reserve { patient, until }),
        7 => ("crossmatch", EventKind::Crossmatch { patient, until }),
        8 => ("cancel", EventKind::CancelReservation),
        9 => ("issue", EventKind::Issue { patient }),
        10 => ("transfuse", EventKind::Transfuse),
        11 => (
            "reaction",
            EventKind::TransfuseWithReaction {
                details: "fever".into(),
            },
        ),
        12 => (
            "return",
            EventKind::Return {
                minutes_out_of_storage: s.minutes_out,
                keep_for_patient: s.keep,
            },
        ),
        13 => (
            "discard",
            EventKind::Discard {
                reason: DiscardReason::Clotted,
            },
        ),
        14 => ("fractionate", EventKind::SendForFractionation),
        15 => ("irradiate", EventKind::Irradiate),
        _ => (
            "thaw",
            EventKind::Thaw {
                storage: Storage::Refrigerated,
            },
        ),
    }
}

pub fn product() -> impl Strategy<Value = Product> {
    prop::sample::select(vec![
        Product::red_cells(Preservative::AdditiveSolution),
        Product::red_cells(Preservative::Cpda1),
        Product::simple(Component::FreshFrozenPlasma).unwrap(),
        Product::platelets(rakt::PlateletSource::Apheresis),
    ])
}
