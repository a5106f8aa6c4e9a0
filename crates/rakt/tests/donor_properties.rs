//! Invariants of `assess_donor` for every input, checked with proptest.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rakt::donor::{
    Condition, DeferralEvent, DeferralKind, DonationKind, Donor, DonorAssessment, DonorChecks,
    DonorState, PreviousDonation, assess_donor, decide_donor,
};
use rakt::screening::TtiMarker;
use rakt::{Lang, Policy, ReasonCode, Severity, Sex};
use rust_decimal::Decimal;

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
}

fn before(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(days)).unwrap()
}

fn after(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_add_days(Days::new(days)).unwrap()
}

fn profile() -> impl Strategy<Value = Policy> {
    prop::sample::select(vec!["india", "us", "uk"]).prop_map(|n| Policy::builtin(n).unwrap())
}

fn sex() -> impl Strategy<Value = Sex> {
    prop::sample::select(vec![Sex::Female, Sex::Male, Sex::Other])
}

fn kind() -> impl Strategy<Value = DonationKind> {
    prop::sample::select(DonationKind::ALL.to_vec())
}

fn marker() -> impl Strategy<Value = TtiMarker> {
    prop::sample::select(TtiMarker::ALL.to_vec())
}

/// Previous donations within `span` days before `as_of`.
fn donations(
    as_of: NaiveDate,
    span: u64,
    n: usize,
) -> impl Strategy<Value = Vec<PreviousDonation>> {
    prop::collection::vec((0..span, kind(), any::<bool>()), 0..n).prop_map(move |v| {
        v.into_iter()
            .map(|(back, kind, returned)| PreviousDonation {
                date: before(as_of, back),
                kind,
                red_cells_returned: returned,
            })
            .collect()
    })
}

fn events(as_of: NaiveDate, n: usize) -> impl Strategy<Value = Vec<DeferralEvent>> {
    let kinds = prop::sample::select(DeferralKind::ALL.to_vec());
    prop::collection::vec((kinds, 0u64..800, marker()), 0..n).prop_map(move |v| {
        v.into_iter()
            .map(|(kind, back, m)| DeferralEvent {
                kind,
                date: before(as_of, back),
                marker: (kind == DeferralKind::TtiReactive).then_some(m),
            })
            .collect()
    })
}

fn decimal(lo: i64, hi: i64, scale: u32) -> impl Strategy<Value = Decimal> {
    (lo..=hi).prop_map(move |n| Decimal::new(n, scale))
}

fn any_checks() -> impl Strategy<Value = DonorChecks> {
    (
        decimal(400, 900, 1),
        decimal(100, 180, 1),
        90u32..190,
        50u32..110,
        40u32..120,
        decimal(360, 385, 1),
        prop::collection::vec(prop::sample::select(DonorState::ALL.to_vec()), 0..2),
    )
        .prop_map(|(w, hb, sys, dia, pulse, t, states)| DonorChecks {
            weight_kg: w,
            hb_g_dl: hb,
            systolic_mmhg: sys,
            diastolic_mmhg: dia,
            pulse_bpm: pulse,
            temperature_c: t,
            states,
        })
        // A diastolic at or above the systolic is a typo, refused before any rule.
        .prop_filter("diastolic below systolic", |c| {
            c.diastolic_mmhg < c.systolic_mmhg
        })
}

/// Checks every profile accepts for every kind and sex.
fn fine_checks() -> DonorChecks {
    DonorChecks {
        weight_kg: Decimal::new(70, 0),
        hb_g_dl: Decimal::new(146, 1),
        systolic_mmhg: 120,
        diastolic_mmhg: 80,
        pulse_bpm: 72,
        temperature_c: Decimal::new(368, 1),
        states: Vec::new(),
    }
}

/// Any donor and day, within the validation rules.
fn any_case() -> impl Strategy<Value = (Donor, DonorChecks, DonationKind, NaiveDate, Policy)> {
    (0u64..1000).prop_flat_map(|offset| {
        let as_of = after(base(), offset);
        (
            (0u64..(85 * 366), sex(), prop::option::of(any::<bool>())),
            donations(as_of, 500, 8),
            events(as_of, 4),
            prop::collection::vec(prop::sample::select(Condition::ALL.to_vec()), 0..2),
            any_checks(),
            kind(),
            profile(),
        )
            .prop_map(
                move |(
                    (age_days, sex, first_time),
                    previous,
                    events,
                    conditions,
                    checks,
                    kind,
                    p,
                )| {
                    let donor = Donor {
                        id: None,
                        date_of_birth: before(as_of, age_days),
                        sex,
                        first_time,
                        previous_donations: previous,
                        deferral_events: events,
                        conditions,
                    };
                    (donor, checks, kind, as_of, p)
                },
            )
    })
}

/// A donor of 25–45 whose only obstacles are dated: donations and deferral events.
fn dated_case() -> impl Strategy<Value = (Donor, DonationKind, NaiveDate, Policy)> {
    (0u64..1000).prop_flat_map(|offset| {
        let as_of = after(base(), offset);
        (
            (25 * 366u64..45 * 365, sex()),
            donations(as_of, 400, 8),
            events(as_of, 3),
            kind(),
            profile(),
        )
            .prop_map(move |((age_days, sex), previous, events, kind, p)| {
                let donor = Donor {
                    id: None,
                    date_of_birth: before(as_of, age_days),
                    sex,
                    first_time: Some(false),
                    previous_donations: previous,
                    deferral_events: events,
                    conditions: Vec::new(),
                };
                (donor, kind, as_of, p)
            })
    })
}

const DATED: [ReasonCode; 3] = [
    ReasonCode::DonorIntervalNotMet,
    ReasonCode::DonorDeferred,
    ReasonCode::DonorDonationLimitReached,
];

fn dated_reasons(a: &DonorAssessment) -> Vec<ReasonCode> {
    a.reasons
        .iter()
        .map(|r| r.code)
        .filter(|c| DATED.contains(c))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// The outcome table of `DonorAssessment`.
    #[test]
    fn verdict_matches_the_outcome_table((donor, checks, kind, as_of, p) in any_case()) {
        let a = assess_donor(&donor, &checks, kind, as_of, &p).unwrap();
        let stop = a.reasons.iter().any(|r| r.severity == Severity::Stop);
        let refer = a.reasons.iter().any(|r| r.code == ReasonCode::DonorReferToMedicalOfficer);
        prop_assert_eq!(a.kind, kind);
        prop_assert_eq!(a.as_of, as_of);
        prop_assert_eq!(a.referred, refer);
        prop_assert_eq!(a.eligible, !stop && !refer);
        prop_assert!(!a.reasons.is_empty());
        if a.eligible {
            prop_assert!(!a.permanent && !a.referred);
            prop_assert_eq!(a.deferred_until, None);
            prop_assert_eq!(a.next_eligible, Some(as_of));
            prop_assert_eq!(a.reasons[0].code, ReasonCode::DonorEligible);
            prop_assert!(a.reasons.iter().all(|r| r.severity == Severity::Info));
        } else {
            prop_assert!(a.reasons.iter().all(|r| r.code != ReasonCode::DonorEligible));
        }
        if a.permanent {
            prop_assert!(!a.eligible);
            prop_assert_eq!(a.deferred_until, None);
            prop_assert_eq!(a.next_eligible, None);
        }
        if a.referred {
            prop_assert_eq!(a.next_eligible, None);
        }
        if !a.eligible && !a.permanent && !a.referred {
            let d = a.deferred_until.expect("a temporary deferral has an end");
            prop_assert!(d > as_of);
            prop_assert_eq!(a.next_eligible, Some(d));
        }
        if let Some(d) = a.deferred_until {
            prop_assert!(d > as_of);
            prop_assert!(!a.permanent);
        }
        // Most severe first.
        for pair in a.reasons.windows(2) {
            prop_assert!(pair[0].severity >= pair[1].severity);
        }
        // Every reason's severity is its code's, and every message renders completely.
        for r in &a.reasons {
            prop_assert_eq!(r.severity, r.code.severity());
            for lang in [Lang::En, Lang::Hi] {
                let m = r.message(lang);
                prop_assert!(!m.contains('{'), "{}: {}", r.code, m);
            }
        }
    }

    /// `decide_donor` gives the assessment's decision (its outcome, and its reasons' codes in
    /// their order), and refuses what `assess_donor` refuses with the same error: also on days
    /// before the donor's history, which are refused.
    #[test]
    fn decide_equals_the_assessment_decision(
        (donor, checks, kind, as_of, p) in any_case(),
        earlier in 0u64..4000,
    ) {
        for day in [as_of, before(as_of, earlier)] {
            let a = assess_donor(&donor, &checks, kind, day, &p);
            let d = decide_donor(&donor, &checks, kind, day, &p);
            prop_assert_eq!(d, a.map(|a| a.decision()));
        }
    }

    /// The same input gives the same answer, and the answer round-trips through JSON.
    #[test]
    fn deterministic((donor, checks, kind, as_of, p) in any_case()) {
        let a = assess_donor(&donor, &checks, kind, as_of, &p).unwrap();
        let b = assess_donor(&donor, &checks, kind, as_of, &p).unwrap();
        prop_assert_eq!(&a, &b);
        let json = serde_json::to_string(&a).unwrap();
        let back: DonorAssessment = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(a, back);
    }

    /// For a donor whose only obstacles are dated, `deferred_until` is the first day they are
    /// all gone, and they stay gone afterwards.
    #[test]
    fn dated_obstacles_end_on_deferred_until(
        (donor, kind, as_of, p) in dated_case(),
        later in 0u64..400,
    ) {
        let checks = fine_checks();
        let a = assess_donor(&donor, &checks, kind, as_of, &p).unwrap();
        prop_assume!(!a.permanent);
        let Some(d) = a.deferred_until else {
            prop_assert!(dated_reasons(&a).is_empty());
            return Ok(());
        };
        prop_assert!(!dated_reasons(&a).is_empty());
        let on = assess_donor(&donor, &checks, kind, d, &p).unwrap();
        prop_assert!(dated_reasons(&on).is_empty(), "on {}: {:?}", d, on.reasons);
        prop_assert_eq!(on.eligible, !on.referred);
        let afterwards = after(d, later);
        let then = assess_donor(&donor, &checks, kind, afterwards, &p).unwrap();
        prop_assert!(dated_reasons(&then).is_empty(), "on {}: {:?}", afterwards, then.reasons);
        // The day before, something still defers.
        let eve = before(d, 1);
        if eve >= as_of {
            let e = assess_donor(&donor, &checks, kind, eve, &p).unwrap();
            prop_assert!(!dated_reasons(&e).is_empty(), "on {}: {:?}", eve, e.reasons);
            prop_assert_eq!(e.deferred_until, Some(d));
        }
    }

    /// Dates after `as_of` are refused, never a panic.
    #[test]
    fn future_dates_are_refused(
        (mut donor, checks, kind, as_of, p) in any_case(),
        ahead in 1u64..100,
        which in 0usize..3,
    ) {
        let future = after(as_of, ahead);
        let field = match which {
            0 => {
                donor.date_of_birth = future;
                "donor.date_of_birth".to_string()
            }
            1 => {
                let i = donor.previous_donations.len();
                donor.previous_donations.push(PreviousDonation {
                    date: future,
                    kind: DonationKind::WholeBlood450,
                    red_cells_returned: true,
                });
                format!("donor.previous_donations[{i}].date")
            }
            _ => {
                let i = donor.deferral_events.len();
                donor.deferral_events.push(DeferralEvent {
                    kind: DeferralKind::Tattoo,
                    date: future,
                    marker: None,
                });
                format!("donor.deferral_events[{i}].date")
            }
        };
        match assess_donor(&donor, &checks, kind, as_of, &p) {
            Err(rakt::RaktError::InvalidInput { field: got, .. }) => prop_assert_eq!(got, field),
            other => prop_assert!(false, "{:?}", other),
        }
    }
}
