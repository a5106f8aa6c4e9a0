//! Blood-bank KPIs (research/blood.md §8) over real unit histories: worked examples from the
//! sources, every boundary, the period's edges, returns, splits, and properties.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{DateTime, FixedOffset, TimeDelta};
use proptest::prelude::*;
use rakt::kpi::{Comparison, KpiCode, KpiPeriod, KpiReport, kpis};
use rakt::screening::TestResult;
use rakt::unit::{BloodUnit, Collection, DiscardReason, DonationType, EventKind, UnitEvent};
use rakt::{BloodGroup, Component, Confidence, Kpi, Policy, Preservative, Product, RaktError};

const T0: &str = "2026-11-01T09:00:00+05:30";

fn t0() -> DateTime<FixedOffset> {
    rakt::parse_timestamp(T0).unwrap()
}

/// T0 + hours.
fn at(hours: i64) -> DateTime<FixedOffset> {
    t0() + TimeDelta::hours(hours)
}

fn rbc() -> Product {
    Product::red_cells(Preservative::AdditiveSolution)
}

fn collect(din: &str, product: Product, hours: i64) -> BloodUnit {
    BloodUnit::collect(
        Collection {
            din: din.into(),
            division: None,
            product,
            group: BloodGroup::parse("O+").unwrap(),
            volume_ml: 280,
            donation_type: DonationType::Voluntary,
            donor_id: None,
            first_donation: false,
            collected_at: at(hours),
        },
        "tech",
        &Policy::india(),
    )
    .unwrap()
}

fn apply(unit: BloodUnit, hours: i64, kind: EventKind) -> BloodUnit {
    unit.apply(&UnitEvent::new(at(hours), "tech", kind), &Policy::india())
        .unwrap()
}

/// Collected at T0 + `hours`, screened and released 4 hours later.
fn released_at(din: &str, product: Product, hours: i64) -> BloodUnit {
    let policy = Policy::india();
    let mut u = apply(
        collect(din, product, hours),
        hours + 1,
        EventKind::Quarantine,
    );
    for m in &policy.screening.mandatory_markers {
        u = apply(
            u,
            hours + 2,
            EventKind::RecordTest {
                marker: *m,
                result: TestResult::NonReactive,
            },
        );
    }
    let grp = u.group();
    u = apply(
        u,
        hours + 3,
        EventKind::RecordGrouping {
            forward: Some(grp),
            reverse: Some(grp.abo()),
            historical: None,
        },
    );
    apply(u, hours + 4, EventKind::Release)
}

fn released(din: &str) -> BloodUnit {
    released_at(din, rbc(), 0)
}

fn crossmatch(u: BloodUnit, hours: i64, patient: &str) -> BloodUnit {
    apply(
        u,
        hours,
        EventKind::Crossmatch {
            patient: patient.into(),
            until: at(hours + 24),
        },
    )
}

fn issue(u: BloodUnit, hours: i64, patient: &str) -> BloodUnit {
    apply(
        u,
        hours,
        EventKind::Issue {
            patient: patient.into(),
        },
    )
}

/// Crossmatched for `patient` at +10 h, issued at +11 h and transfused at +12 h.
fn transfused(din: &str, patient: &str) -> BloodUnit {
    let u = issue(crossmatch(released(din), 10, patient), 11, patient);
    apply(u, 12, EventKind::Transfuse)
}

/// Crossmatched for `patient` at +10 h, then the crossmatch cancelled at +30 h.
fn crossmatched_only(din: &str, patient: &str) -> BloodUnit {
    apply(
        crossmatch(released(din), 10, patient),
        30,
        EventKind::CancelReservation,
    )
}

fn month() -> KpiPeriod {
    KpiPeriod::new(at(0), at(30 * 24)).unwrap()
}

fn report(units: &[BloodUnit], period: &KpiPeriod, policy: &Policy) -> KpiReport {
    kpis(units.iter().map(|u| ("BC-1", u)), period, policy).unwrap()
}

fn value(k: &Kpi) -> Option<String> {
    k.value.map(|v| v.to_string())
}

/// `crossmatched` units crossmatched for one patient each, the first `transfused` of them
/// transfused.
fn hospital(crossmatched: usize, transfused_n: usize) -> Vec<BloodUnit> {
    (0..crossmatched)
        .map(|i| {
            let din = format!("H{i}");
            let patient = format!("P{i}");
            if i < transfused_n {
                transfused(&din, &patient)
            } else {
                crossmatched_only(&din, &patient)
            }
        })
        .collect()
}

fn with_ct_target(text: &str) -> Policy {
    Policy::from_toml(&format!(
        "name = \"audit\"\nextends = \"india\"\n[kpi]\nct_ratio_max = \"{text}\""
    ))
    .unwrap()
}

#[test]
fn three_hospitals_of_clin_lab_haematol_1983() {
    // C/T 1.3, 2.0 and 2.15 (research/blood.md §8, Clin Lab Haematol 1983;5:379).
    let strict = with_ct_target("2.0");
    for (crossmatched, want, met_25, met_20) in [
        (26, "1.30", true, true),
        (40, "2.00", true, true),
        (43, "2.15", true, false),
    ] {
        let units = hospital(crossmatched, 20);
        let r = report(&units, &month(), &Policy::india());
        let ct = &r.facilities[0].kpis.ct_ratio;
        assert_eq!((ct.numerator, ct.denominator), (crossmatched as u32, 20));
        assert_eq!(value(ct).as_deref(), Some(want));
        assert_eq!(ct.met, Some(met_25), "{want} against 2.5");
        let target = ct.target.as_ref().unwrap();
        assert_eq!(target.comparison, Comparison::AtMost);
        assert_eq!(target.value.to_string(), "2.5");
        assert_eq!(target.path, "kpi.ct_ratio_max");
        assert_eq!(
            target.source.as_ref().unwrap().confidence,
            Confidence::Medium
        );
        let r = report(&units, &month(), &strict);
        let ct = &r.facilities[0].kpis.ct_ratio;
        assert_eq!(ct.met, Some(met_20), "{want} against 2.0");
        assert_eq!(
            ct.target
                .as_ref()
                .unwrap()
                .source
                .as_ref()
                .unwrap()
                .confidence,
            Confidence::Local
        );
        // One patient per unit: %T = 20 / n, TI = 20 / n.
        let k = &r.facilities[0].kpis;
        assert_eq!(
            (
                k.transfusion_probability.numerator,
                k.transfusion_probability.denominator
            ),
            (20, crossmatched as u32)
        );
        assert_eq!(
            (
                k.transfusion_index.numerator,
                k.transfusion_index.denominator
            ),
            (20, crossmatched as u32)
        );
    }
}

#[test]
fn ct_ratio_boundaries_are_exact() {
    // 5 / 2 = 2.5 exactly: met (≤).
    let r = report(&hospital(5, 2), &month(), &Policy::india());
    let ct = &r.facilities[0].kpis.ct_ratio;
    assert_eq!((value(ct).as_deref(), ct.met), (Some("2.50"), Some(true)));
    // 51 / 20 = 2.55: not met.
    let r = report(&hospital(51, 20), &month(), &Policy::india());
    let ct = &r.facilities[0].kpis.ct_ratio;
    assert_eq!((value(ct).as_deref(), ct.met), (Some("2.55"), Some(false)));
    // 313 / 125 = 2.504 rounds to 2.50 but is above 2.5: met is decided exactly.
    let r = report(&hospital(313, 125), &month(), &Policy::india());
    let ct = &r.facilities[0].kpis.ct_ratio;
    assert_eq!((value(ct).as_deref(), ct.met), (Some("2.50"), Some(false)));
}

#[test]
fn transfusion_index_and_probability_boundaries() {
    // Two patients crossmatched (P1 twice), one unit transfused: TI = 0.5 (met, ≥), %T = 50.
    let units = vec![
        transfused("A", "P1"),
        crossmatched_only("B", "P1"),
        crossmatched_only("C", "P2"),
    ];
    let r = report(&units, &month(), &Policy::india());
    let k = &r.facilities[0].kpis;
    assert_eq!(value(&k.transfusion_index).as_deref(), Some("0.50"));
    assert_eq!(k.transfusion_index.met, Some(true));
    assert_eq!(
        k.transfusion_index.target.as_ref().unwrap().comparison,
        Comparison::AtLeast
    );
    assert_eq!(value(&k.transfusion_probability).as_deref(), Some("50.00"));
    assert_eq!((k.ct_ratio.numerator, k.ct_ratio.denominator), (3, 1));

    // 3 of 10 patients transfused: exactly 30% (met); TI 0.3 (not met).
    let r = report(&hospital(10, 3), &month(), &Policy::india());
    let k = &r.facilities[0].kpis;
    assert_eq!(value(&k.transfusion_probability).as_deref(), Some("30.00"));
    assert_eq!(k.transfusion_probability.met, Some(true));
    assert_eq!(
        k.transfusion_probability
            .target
            .as_ref()
            .unwrap()
            .source
            .as_ref()
            .unwrap()
            .confidence,
        Confidence::Low
    );
    assert_eq!(
        (
            value(&k.transfusion_index).as_deref(),
            k.transfusion_index.met
        ),
        (Some("0.30"), Some(false))
    );
    // 2 of 7: 28.57%, not met; 1 of 3 TI 0.33.
    let r = report(&hospital(7, 2), &month(), &Policy::india());
    let k = &r.facilities[0].kpis;
    assert_eq!(
        (
            value(&k.transfusion_probability).as_deref(),
            k.transfusion_probability.met
        ),
        (Some("28.57"), Some(false))
    );
    let r = report(&hospital(3, 1), &month(), &Policy::india());
    assert_eq!(
        value(&r.facilities[0].kpis.transfusion_index).as_deref(),
        Some("0.33")
    );
    // 2 of 3: 66.666… rounds half away from zero to 66.67.
    let r = report(&hospital(3, 2), &month(), &Policy::india());
    assert_eq!(
        value(&r.facilities[0].kpis.transfusion_probability).as_deref(),
        Some("66.67")
    );
}

#[test]
fn an_emergency_transfusion_counts_as_transfused_but_not_as_a_crossmatched_patient() {
    // P1 crossmatched and transfused; P9 issued uncrossmatched and transfused.
    let emergency = apply(issue(released("E"), 11, "P9"), 12, EventKind::Transfuse);
    let units = vec![transfused("A", "P1"), emergency];
    let r = report(&units, &month(), &Policy::india());
    let k = &r.facilities[0].kpis;
    assert_eq!((k.ct_ratio.numerator, k.ct_ratio.denominator), (1, 2));
    assert_eq!(
        (
            k.transfusion_probability.numerator,
            k.transfusion_probability.denominator
        ),
        (1, 1)
    );
    assert_eq!(value(&k.transfusion_index).as_deref(), Some("2.00"));
}

#[test]
fn the_period_is_half_open() {
    // Crossmatch at +10 h, issue +11 h, transfusion +12 h.
    let units = vec![transfused("A", "P1")];
    let count = |from: i64, to: i64| {
        let r = report(
            &units,
            &KpiPeriod::new(at(from), at(to)).unwrap(),
            &Policy::india(),
        );
        let k = &r.facilities[0].kpis;
        (
            k.ct_ratio.numerator,
            k.ct_ratio.denominator,
            k.wapi.denominator,
            k.discard_rate.denominator,
        )
    };
    assert_eq!(
        count(10, 12),
        (1, 0, 1, 0),
        "the transfusion at `to` is out"
    );
    assert_eq!(
        count(12, 13),
        (0, 1, 0, 0),
        "the transfusion at `from` is in"
    );
    assert_eq!(count(0, 1), (0, 0, 0, 1), "the collection at `from` is in");
    assert_eq!(count(-1, 0), (0, 0, 0, 0), "the collection at `to` is out");
    let r = report(
        &units,
        &KpiPeriod::new(at(12), at(13)).unwrap(),
        &Policy::india(),
    );
    let ct = &r.facilities[0].kpis.ct_ratio;
    assert_eq!(
        (ct.value, ct.met),
        (Some(rust_decimal::Decimal::ZERO.round_dp(2)), Some(true))
    );
}

#[test]
fn no_denominator_no_value_and_a_reason() {
    let r = report(&[released("A")], &month(), &Policy::india());
    let k = &r.facilities[0].kpis;
    for (kpi, why) in [
        (&k.ct_ratio, "no units were transfused in the period"),
        (
            &k.transfusion_probability,
            "no patients were crossmatched in the period",
        ),
        (
            &k.transfusion_index,
            "no patients were crossmatched in the period",
        ),
        (&k.wapi, "no units were issued in the period"),
        (&k.outdate_rate, "no units were issued in the period"),
    ] {
        assert_eq!((kpi.value, kpi.met), (None, None), "{}", kpi.code);
        assert_eq!(kpi.why.as_deref(), Some(why));
    }
    assert_eq!(value(&k.discard_rate).as_deref(), Some("0.00"));
    assert_eq!(k.discard_rate.met, None, "no built-in discard target");
    assert!(k.discard_rate.target.is_none());
    assert!(k.discard_reasons.is_empty());
}

#[test]
fn returned_and_reissued_units_count_once_as_issued() {
    // Issued, returned within 10 minutes, issued again and transfused.
    let u = issue(crossmatch(released("A"), 10, "P1"), 11, "P1");
    let u = apply(
        u,
        12,
        EventKind::Return {
            minutes_out_of_storage: Some(10),
            keep_for_patient: true,
        },
    );
    let u = apply(issue(u, 13, "P1"), 14, EventKind::Transfuse);
    // Issued, returned 45 minutes out of storage: discarded as returned too late.
    let late = issue(crossmatch(released("B"), 10, "P2"), 11, "P2");
    let late = apply(
        late,
        12,
        EventKind::Return {
            minutes_out_of_storage: Some(45),
            keep_for_patient: false,
        },
    );
    assert_eq!(late.discard_reason(), Some(&DiscardReason::ReturnedTooLate));
    let r = report(&[u, late], &month(), &Policy::india());
    let k = &r.facilities[0].kpis;
    assert_eq!((k.wapi.numerator, k.wapi.denominator), (1, 2));
    assert_eq!(value(&k.wapi).as_deref(), Some("50.00"));
    assert_eq!(
        (k.outdate_rate.numerator, k.outdate_rate.denominator),
        (0, 2)
    );
    assert_eq!(k.discard_reasons.len(), 1);
    assert_eq!(k.discard_reasons[0].reason, "returned_too_late");
    assert_eq!(
        (
            k.discard_reasons[0].kpi.numerator,
            k.discard_reasons[0].kpi.denominator
        ),
        (1, 2)
    );
    assert_eq!(value(&k.discard_reasons[0].kpi).as_deref(), Some("50.00"));
    assert_eq!(
        (
            k.transfusion_probability.numerator,
            k.transfusion_probability.denominator
        ),
        (1, 2)
    );
}

#[test]
fn expired_units_count_in_the_outdate_rate() {
    // Red cells in additive solution expire after 42 days; India's random-donor platelets at
    // 23:59 on day 3.
    let expired_rbc = apply(
        released("A"),
        43 * 24,
        EventKind::Discard {
            reason: DiscardReason::Expired,
        },
    );
    // Platelets issued on day 3, returned on day 5 after they expired: discarded as expired.
    let plt = Product::platelets(rakt::PlateletSource::RandomDonor);
    let returned = issue(released_at("P", plt.clone(), 0), 3 * 24, "P1");
    let returned = apply(
        returned,
        5 * 24,
        EventKind::Return {
            minutes_out_of_storage: Some(5),
            keep_for_patient: false,
        },
    );
    assert_eq!(returned.discard_reason(), Some(&DiscardReason::Expired));
    let leaked = apply(
        released_at("Q", plt, 0),
        30,
        EventKind::Discard {
            reason: DiscardReason::Leakage,
        },
    );
    let issued: Vec<BloodUnit> = (0..8)
        .map(|i| issue(released(&format!("I{i}")), 20, "P2"))
        .collect();
    let mut units = vec![expired_rbc, returned, leaked];
    units.extend(issued);
    let period = KpiPeriod::new(at(0), at(60 * 24)).unwrap();
    let r = report(&units, &period, &Policy::india());
    let f = &r.facilities[0];
    assert_eq!(
        (
            f.kpis.outdate_rate.numerator,
            f.kpis.outdate_rate.denominator
        ),
        (2, 9)
    );
    assert_eq!(value(&f.kpis.outdate_rate).as_deref(), Some("22.22"));
    assert_eq!((f.kpis.wapi.numerator, f.kpis.wapi.denominator), (3, 9));
    assert_eq!(
        (
            f.kpis.discard_rate.numerator,
            f.kpis.discard_rate.denominator
        ),
        (3, 11)
    );
    assert_eq!(value(&f.kpis.discard_rate).as_deref(), Some("27.27"));
    let reasons: Vec<(&str, u32)> = f
        .kpis
        .discard_reasons
        .iter()
        .map(|r| (r.reason.as_str(), r.kpi.numerator))
        .collect();
    assert_eq!(reasons, [("expired", 2), ("leakage", 1)]);
    // Per component.
    let comps: Vec<Component> = f.components.iter().map(|c| c.component).collect();
    assert_eq!(comps, [Component::RedCells, Component::Platelets]);
    let plt = f.component(Component::Platelets).unwrap();
    assert_eq!(
        (plt.discard_rate.numerator, plt.discard_rate.denominator),
        (2, 2)
    );
    assert_eq!(value(&plt.discard_rate).as_deref(), Some("100.00"));
    assert_eq!((plt.wapi.numerator, plt.wapi.denominator), (2, 1));
    assert_eq!(value(&plt.wapi).as_deref(), Some("200.00"));
    let red = f.component(Component::RedCells).unwrap();
    assert_eq!(
        (red.outdate_rate.numerator, red.outdate_rate.denominator),
        (1, 8)
    );
    assert_eq!(value(&red.outdate_rate).as_deref(), Some("12.50"));
    assert!(f.component(Component::Plasma).is_none());
}

#[test]
fn a_local_wastage_target_gets_a_verdict() {
    let policy = Policy::from_toml(
        "name = \"sctimst\"\nextends = \"india\"\n[kpi]\nwapi_max_percent = \"6.14\"\noutdate_rate_max_percent = 5\ndiscard_rate_max_percent = \"16\"",
    )
    .unwrap();
    let discarded = apply(
        issue(released("A"), 10, "P"),
        11,
        EventKind::Return {
            minutes_out_of_storage: Some(40),
            keep_for_patient: false,
        },
    );
    let mut units: Vec<BloodUnit> = (0..15)
        .map(|i| issue(released(&format!("I{i}")), 10, "P"))
        .collect();
    units.push(discarded);
    // 1 of 16 issued = 6.25% > 6.14; 1 of 16 made = 6.25% ≤ 16; outdate 0 ≤ 5.
    let r = report(&units, &month(), &policy);
    let k = &r.facilities[0].kpis;
    assert_eq!(
        (value(&k.wapi).as_deref(), k.wapi.met),
        (Some("6.25"), Some(false))
    );
    assert_eq!(k.discard_rate.met, Some(true));
    assert_eq!(k.outdate_rate.met, Some(true));
    assert_eq!(
        k.outdate_rate
            .target
            .as_ref()
            .unwrap()
            .source
            .as_ref()
            .unwrap()
            .confidence,
        Confidence::Local
    );
    // The by-reason rates never carry a target.
    assert!(
        k.discard_reasons
            .iter()
            .all(|r| r.kpi.target.is_none() && r.kpi.met.is_none())
    );
}

#[test]
fn crossmatch_edge_cases() {
    // Crossmatched for P1, lapsed, crossmatched again for P1: one crossmatch.
    let again = crossmatch(crossmatch(released("A"), 10, "P1"), 40, "P1");
    // Crossmatched for P1, cancelled, crossmatched for P2: two crossmatches, two patients.
    let other = crossmatch(
        apply(
            crossmatch(released("B"), 10, "P1"),
            20,
            EventKind::CancelReservation,
        ),
        21,
        "P2",
    );
    let r = report(&[again, other], &month(), &Policy::india());
    let k = &r.facilities[0].kpis;
    assert_eq!(k.ct_ratio.numerator, 3);
    assert_eq!(k.transfusion_probability.denominator, 2);
    assert_eq!(k.ct_ratio.value, None);
}

#[test]
fn split_and_pooled_units_count_as_the_products_that_exist() {
    let policy = Policy::india();
    let parent = released("S");
    let (parent, children) = parent.split(&[100, 100], at(6), "tech").unwrap();
    let plt = Product::platelets(rakt::PlateletSource::RandomDonor);
    let constituents: Vec<BloodUnit> = (0..4)
        .map(|i| released_at(&format!("C{i}"), plt.clone(), 0))
        .collect();
    let (processed, pool) =
        BloodUnit::pool(&constituents, "POOL-1", at(8), "tech", &policy).unwrap();
    let pool = apply(
        pool,
        9,
        EventKind::Discard {
            reason: DiscardReason::Other("bag torn".into()),
        },
    );
    let mut units = vec![parent];
    units.extend(children);
    units.extend(processed);
    units.push(pool);
    let r = report(&units, &month(), &policy);
    let f = &r.facilities[0];
    // Two aliquots and one pool exist; the split parent and the four constituents do not.
    assert_eq!(f.kpis.discard_rate.denominator, 3);
    assert_eq!(f.kpis.discard_reasons[0].reason, "other");
    assert_eq!(
        f.component(Component::Platelets)
            .unwrap()
            .discard_rate
            .denominator,
        1
    );
    assert_eq!(
        f.component(Component::RedCells)
            .unwrap()
            .discard_rate
            .denominator,
        2
    );
}

#[test]
fn facilities_are_separate_and_sorted() {
    let a = transfused("A", "P1");
    let b = crossmatched_only("B", "P1");
    let c = released("C");
    let r = kpis(
        [("BC-2", &a), ("BC-1", &b), ("BC-3", &c), ("BC-2", &a)],
        &month(),
        &Policy::india(),
    )
    .unwrap();
    let names: Vec<&str> = r.facilities.iter().map(|f| f.facility.as_str()).collect();
    assert_eq!(names, ["BC-1", "BC-2", "BC-3"]);
    let bc1 = r.facility("BC-1").unwrap();
    assert_eq!(
        (bc1.kpis.ct_ratio.numerator, bc1.kpis.ct_ratio.denominator),
        (1, 0)
    );
    let bc2 = r.facility("BC-2").unwrap();
    assert_eq!(
        (bc2.kpis.ct_ratio.numerator, bc2.kpis.ct_ratio.denominator),
        (1, 1)
    );
    assert_eq!(bc2.skipped.len(), 1);
    assert_eq!(bc2.skipped[0].code, "DUPLICATE_UNIT");
    assert_eq!(bc2.skipped[0].unit, "A");
    assert_eq!(r.policy, "india");
    assert!(r.facility("BC-9").is_none());
    // Collected in the period at BC-3 only.
    assert_eq!(r.facility("BC-3").unwrap().kpis.discard_rate.denominator, 1);
    assert!(r.facility("BC-1").unwrap().components.len() == 1);
}

#[test]
fn bad_input_is_refused() {
    let a = released("A");
    let err = kpis([(" ", &a)], &month(), &Policy::india()).unwrap_err();
    assert!(matches!(err, RaktError::InvalidInput { ref field, .. } if field == "facility"));
    let err = KpiPeriod::new(at(5), at(5)).unwrap_err();
    assert!(matches!(err, RaktError::InvalidInput { ref field, .. } if field == "period"));
    let backwards = KpiPeriod {
        from: at(5),
        to: at(1),
    };
    let err = kpis([("BC", &a)], &backwards, &Policy::india()).unwrap_err();
    assert!(matches!(err, RaktError::InvalidInput { ref field, .. } if field == "period"));
    let empty = kpis(Vec::<(&str, &BloodUnit)>::new(), &month(), &Policy::india()).unwrap();
    assert!(empty.facilities.is_empty());
}

#[test]
fn kpi_policy_is_cited_and_validated() {
    for p in [Policy::india(), Policy::us(), Policy::uk()] {
        assert_eq!(
            p.kpi.ct_ratio_max.map(|v| v.to_string()).as_deref(),
            Some("2.5")
        );
        assert_eq!(
            p.kpi
                .transfusion_probability_min_percent
                .map(|v| v.to_string())
                .as_deref(),
            Some("30")
        );
        assert_eq!(
            p.kpi
                .transfusion_index_min
                .map(|v| v.to_string())
                .as_deref(),
            Some("0.5")
        );
        assert_eq!(p.kpi.discard_rate_max_percent, None);
        assert_eq!(p.kpi.wapi_max_percent, None);
        assert_eq!(p.kpi.outdate_rate_max_percent, None);
        let paths = p.parameter_paths();
        for code in KpiCode::ALL {
            let set = code.policy_path();
            let listed = paths.iter().any(|x| x == set);
            assert_eq!(listed, p.source(set).is_some(), "{set}");
        }
        let ct = p.source("kpi.ct_ratio_max").unwrap();
        assert!(ct.alternatives.iter().any(|a| a.value == "≤ 2.0"));
        let pt = p.source("kpi.transfusion_probability_min_percent").unwrap();
        assert_eq!(pt.confidence, Confidence::Low);
        assert!(pt.citation.contains("NOT verified"));
        assert!(pt.alternatives.iter().any(|a| a.value == "> 50%"));
    }
    let refused = |body: &str| match Policy::from_toml(&format!(
        "name = \"t\"\nextends = \"india\"\n[kpi]\n{body}"
    )) {
        Err(RaktError::InvalidPolicy { path, reason }) => (path, reason),
        other => panic!("{body}: {other:?}"),
    };
    assert_eq!(refused("ct_ratio_max = \"-1\"").0, "kpi.ct_ratio_max");
    let (path, reason) = refused("wapi_max_percent = 101");
    assert_eq!(path, "kpi.wapi_max_percent");
    assert!(reason.contains("100"), "{reason}");
    assert_eq!(refused("colour = 1").0, "kpi.colour");
    // Removing a target removes its verdict.
    let p =
        Policy::from_json(r#"{"name": "x", "extends": "india", "kpi": {"ct_ratio_max": null}}"#)
            .unwrap();
    assert!(p.source("kpi.ct_ratio_max").is_none());
    let r = report(&hospital(3, 1), &month(), &p);
    assert_eq!(r.facilities[0].kpis.ct_ratio.met, None);
    assert!(r.facilities[0].kpis.ct_ratio.target.is_none());
    // Round trip through JSON keeps the section.
    let india = Policy::india();
    assert_eq!(Policy::from_json(&india.to_json().unwrap()).unwrap(), india);
}

#[test]
fn the_report_round_trips_through_json() {
    let r = report(&hospital(3, 1), &month(), &Policy::india());
    let text = serde_json::to_string(&r).unwrap();
    assert!(text.contains("\"code\":\"ct_ratio\""));
    assert!(text.contains("\"comparison\":\"at_most\""));
    assert!(text.contains("\"value\":\"3.00\""));
    let back: KpiReport = serde_json::from_str(&text).unwrap();
    assert_eq!(back, r);
}

// ---- properties ----------------------------------------------------------------------------

/// A unit driven by a small random script of events (refused events are skipped).
fn scripted(i: usize, script: &[u8]) -> (BloodUnit, usize) {
    let mut u = released(&format!("R{i}"));
    let mut hour = 5;
    let mut applied = 0;
    for step in script {
        hour += 1;
        let patient = format!("P{}", step % 3);
        let kind = match step % 7 {
            0 => EventKind::Crossmatch {
                patient,
                until: at(hour + 2),
            },
            1 | 2 => EventKind::Issue { patient },
            3 => EventKind::Transfuse,
            4 => EventKind::Return {
                minutes_out_of_storage: Some(u32::from(*step)),
                keep_for_patient: step % 2 == 0,
            },
            5 => EventKind::CancelReservation,
            _ => EventKind::Discard {
                reason: DiscardReason::Leakage,
            },
        };
        if let Ok(next) = u.apply(&UnitEvent::new(at(hour), "tech", kind), &Policy::india()) {
            u = next;
            applied += 1;
        }
    }
    (u, applied)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn counts_are_bounded_and_values_exist_iff_denominators_do(
        scripts in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..12), 0..8),
        from in 0i64..20,
        len in 1i64..20,
    ) {
        let mut units = Vec::new();
        let mut events = 0u32;
        for (i, s) in scripts.iter().enumerate() {
            let (u, n) = scripted(i, s);
            events += n as u32;
            units.push(u);
        }
        let period = KpiPeriod::new(at(from), at(from + len)).unwrap();
        let r = report(&units, &period, &Policy::india());
        let n_units = units.len() as u32;
        for f in &r.facilities {
            let sets = std::iter::once(&f.kpis).chain(f.components.iter().map(|c| &c.kpis));
            for set in sets {
                for k in set.all() {
                    prop_assert_eq!(k.value.is_none(), k.denominator == 0);
                    prop_assert_eq!(k.why.is_some(), k.denominator == 0);
                    prop_assert_eq!(k.met.is_some(), k.denominator > 0 && k.target.is_some());
                    prop_assert!(k.numerator <= events.max(n_units));
                    prop_assert!(k.denominator <= events.max(n_units));
                    if let Some(v) = k.value {
                        prop_assert_eq!(v.scale(), 2);
                    }
                }
                // Counts of units never exceed the units; patients are at most 3.
                prop_assert!(set.wapi.denominator <= n_units);
                prop_assert!(set.discard_rate.numerator <= n_units);
                prop_assert!(set.ct_ratio.denominator <= n_units);
                prop_assert!(set.transfusion_probability.numerator <= set.transfusion_probability.denominator);
                prop_assert!(set.transfusion_probability.denominator <= 3);
                prop_assert!(set.outdate_rate.numerator <= set.wapi.numerator);
            }
        }
    }
}
