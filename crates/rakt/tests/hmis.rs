#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The HMIS monthly report, item by item, on a hand-built month of deliveries.

use rakt::hmis::{
    BirthRecord, DeliveryRecord, IntrapartumComplication as C, monthly_reports, validate,
};
use rakt::maternal::{DeliveryMode, FetalDeathTiming, GestationalAge};
use rakt::{Policy, Sex};

fn live(sex: Option<Sex>, weeks: u32, grams: Option<u32>) -> BirthRecord {
    BirthRecord {
        live: true,
        sex,
        gestation: Some(GestationalAge::new(weeks, 0).unwrap()),
        weight_grams: grams,
        death_timing: None,
    }
}

fn dead(weeks: u32, days: u32, timing: FetalDeathTiming) -> BirthRecord {
    BirthRecord {
        live: false,
        sex: None,
        gestation: Some(GestationalAge::new(weeks, days).unwrap()),
        weight_grams: None,
        death_timing: Some(timing),
    }
}

fn delivery(
    at: &str,
    mode: DeliveryMode,
    births: Vec<BirthRecord>,
    complications: Vec<C>,
) -> DeliveryRecord {
    DeliveryRecord {
        facility: "CHC-Barabanki".into(),
        delivered_at: rakt::parse_timestamp(at).unwrap(),
        mode,
        institutional: true,
        births,
        complications,
    }
}

#[test]
fn a_hand_built_month_item_by_item() {
    use DeliveryMode::{Caesarean, Vaginal};
    use FetalDeathTiming::{Antepartum, Intrapartum};
    let m = Some(Sex::Male);
    let f = Some(Sex::Female);
    let records = vec![
        // 1. Term boy, 3100 g, normal.
        delivery(
            "2026-11-01T08:00:00+05:30",
            Vaginal,
            vec![live(m, 39, Some(3100))],
            vec![],
        ),
        // 2. Preterm girl 34 weeks, 1750 g, by caesarean, with PPH.
        delivery(
            "2026-11-02T23:30:00+05:30",
            Caesarean,
            vec![live(f, 34, Some(1750))],
            vec![C::Pph],
        ),
        // 3. Twins at 36 weeks, 2400 g and 1800 g, eclampsia and PPH (more than one).
        delivery(
            "2026-11-10T10:00:00+05:30",
            Caesarean,
            vec![live(m, 36, Some(2400)), live(f, 36, Some(1800))],
            vec![C::Eclampsia, C::Pph],
        ),
        // 4. Fresh stillbirth at 28+0; obstructed labour.
        delivery(
            "2026-11-15T04:00:00+05:30",
            Vaginal,
            vec![dead(28, 0, Intrapartum)],
            vec![C::ObstructedLabour],
        ),
        // 5. Macerated stillbirth at 38 weeks; sepsis listed twice (one complication).
        delivery(
            "2026-11-20T12:00:00+05:30",
            Vaginal,
            vec![dead(38, 0, Antepartum)],
            vec![C::Sepsis, C::Sepsis],
        ),
        // 6. Foetal death at 27+6, and one at 23+6 (not counted).
        delivery(
            "2026-11-21T12:00:00+05:30",
            Vaginal,
            vec![dead(27, 6, Antepartum)],
            vec![],
        ),
        delivery(
            "2026-11-22T12:00:00+05:30",
            Vaginal,
            vec![dead(23, 6, Antepartum)],
            vec![],
        ),
        // 8. A live birth whose sex was not recorded, weighed 2500 g: a validation finding.
        delivery(
            "2026-11-30T23:59:00+05:30",
            Vaginal,
            vec![live(None, 40, Some(2500))],
            vec![],
        ),
        // December in IST although 30 Nov in UTC: 2026-11-30T19:00Z = 1 Dec 00:30 IST.
        delivery(
            "2026-11-30T19:00:00+00:00",
            Vaginal,
            vec![live(m, 40, None)],
            vec![],
        ),
    ];
    let reports = monthly_reports(&records, &Policy::india()).unwrap();
    assert_eq!(reports.len(), 2);
    let nov = &reports[0];
    assert_eq!(
        (nov.facility.as_str(), nov.year, nov.month),
        ("CHC-Barabanki", 2026, 11)
    );
    assert_eq!(nov.format, "hmis-facility-newest");
    let want = [
        ("2.2", 8),
        ("3.1", 2),
        ("4.1.1.a", 2),
        ("4.1.1.b", 2),
        ("4.1.2", 3),
        ("4.1.3.a", 1),
        ("4.1.3.b", 1),
        ("4.1.3.c", 1),
        ("4.4.1", 5),
        ("4.4.2", 3),
        ("4.4.2.a", 1),
        ("1.9.1", 4),
        ("1.9.1.a", 1),
        ("1.9.1.b", 1),
        ("1.9.1.c", 0),
        ("1.9.1.d", 1),
        ("1.9.1.e", 1),
    ];
    for (item, count) in want {
        assert_eq!(nov.item(item), count, "item {item}");
    }
    assert_eq!(nov.items.len(), rakt::hmis::ITEMS.len());
    assert_eq!(nov.findings.len(), 1);
    let finding = &nov.findings[0];
    assert_eq!(finding.rule, "4.4.1 <= 4.1.1.a + 4.1.1.b");
    assert_eq!((finding.left, finding.right), (5, 4));
    let dec = &reports[1];
    assert_eq!(
        (
            dec.month,
            dec.item("2.2"),
            dec.item("4.1.1.a"),
            dec.item("4.4.1")
        ),
        (12, 1, 1, 0)
    );
    assert!(dec.findings.is_empty());
}

#[test]
fn validation_applies_to_submitted_figures_too() {
    let items = [
        ("2.2", 10),
        ("3.1", 12),
        ("4.1.1.a", 5),
        ("4.1.1.b", 4),
        ("4.4.1", 9),
        ("4.4.2", 10),
        ("4.4.2.a", 2),
        ("4.1.2", 9),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), *v))
    .collect();
    let rules: Vec<String> = validate(&items).into_iter().map(|f| f.rule).collect();
    assert_eq!(rules, ["4.4.2 <= 4.4.1", "3.1 <= 2.2"]);
}

#[test]
fn records_that_cannot_be_counted_are_refused_by_field() {
    let mut bad = delivery(
        "2026-11-01T08:00:00+05:30",
        DeliveryMode::Vaginal,
        vec![BirthRecord {
            live: false,
            ..BirthRecord::default()
        }],
        vec![],
    );
    let err = monthly_reports(&[bad.clone()], &Policy::india()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid input: records[0].births[0].gestation: a baby born dead needs its gestation and death timing to be counted"
    );
    bad.births = vec![BirthRecord {
        live: true,
        death_timing: Some(FetalDeathTiming::Antepartum),
        ..BirthRecord::default()
    }];
    assert!(monthly_reports(&[bad.clone()], &Policy::india()).is_err());
    bad.births = vec![];
    bad.facility = " ".into();
    assert!(monthly_reports(&[bad], &Policy::india()).is_err());
}
