#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Extreme values at the public API: durations, quantities and gestations sized by a caller or
//! a policy give a typed error or a correct answer, never a panic or a wrapped number.

use chrono::{DateTime, Days, Duration, FixedOffset, NaiveDate};
use rakt::inventory::{AllocationRequest, Inventory};
use rakt::maternal::{AncRecord, GestationalAge, assess_pregnancy, edd_from_ultrasound};
use rakt::tariff::{CentreExemption, CentreTariff, Sector, TariffItem, bill};
use rakt::{BloodGroup, Component, Policy, Preservative, Product, Recipient};
use rust_decimal::Decimal;

mod common;

fn t(s: &str) -> DateTime<FixedOffset> {
    rakt::parse_timestamp(s).unwrap()
}

fn stock() -> Inventory {
    let mut inv = Inventory::new("FRU-1", Policy::india());
    let collected = t("2026-11-01T09:00:00+05:30");
    for (din, group) in [("A1", "A+"), ("O1", "O-")] {
        let unit = common::released(
            din,
            group,
            collected,
            Product::red_cells(Preservative::AdditiveSolution),
        );
        inv.add(unit).unwrap();
    }
    inv
}

#[test]
fn expiring_within_the_largest_window_lists_every_unexpired_unit() {
    let inv = stock();
    let now = t("2026-11-20T09:00:00+05:30");
    let all = inv.expiring_within(now, u32::MAX);
    assert_eq!(
        all.iter().map(|u| u.id.din.as_str()).collect::<Vec<_>>(),
        ["A1", "O1"]
    );
    // The same units as a window that just reaches their expiry.
    let reach = all[0].expires_at - now;
    let hours = u32::try_from(reach.num_hours() + 1).unwrap();
    assert_eq!(inv.expiring_within(now, hours).len(), 2);
    assert!(inv.expiring_within(now, 1).is_empty());
}

#[test]
fn days_of_stock_over_a_window_past_the_calendar_is_refused() {
    let inv = stock();
    let now = t("2026-11-20T09:00:00+05:30");
    let e = inv.days_of_stock(now, u32::MAX).unwrap_err();
    assert_eq!(e.kind(), "InvalidInput");
    assert!(e.to_string().contains("window_days"), "{e}");
    // A long but representable window works.
    assert!(inv.days_of_stock(now, 3650).is_ok());
}

#[test]
fn a_reservation_period_that_cannot_be_used_is_refused() {
    // Validation refuses what is not a plausible reservation (over 100 years) ...
    let e = Policy::from_toml(
        "name = \"t\"\nextends = \"india\"\n[inventory]\nreservation_hours = 4294967295",
    )
    .unwrap_err();
    assert!(e.to_string().contains("inventory.reservation_hours"), "{e}");
    let ok = Policy::from_toml(
        "name = \"t\"\nextends = \"india\"\n[inventory]\nreservation_hours = 876600",
    )
    .unwrap();
    // ... and a reservation whose end falls past the calendar is a policy error, not a panic.
    let mut inv = Inventory::new("FRU-1", ok);
    let far = DateTime::<chrono::Utc>::MAX_UTC.fixed_offset() - Duration::days(10);
    let patient = Recipient::new(BloodGroup::parse("A+").unwrap()).male(40);
    let req = AllocationRequest::new("P1", patient, Component::RedCells, 1);
    let e = inv.reserve(&req, far, "clerk").unwrap_err();
    assert_eq!(e.kind(), "InvalidPolicy");
    assert!(e.to_string().contains("inventory.reservation_hours"), "{e}");
    assert!(inv.is_empty());
}

fn tariff() -> CentreTariff {
    let mut t = CentreTariff::new(
        "District Hospital Blood Centre",
        Sector::Government,
        NaiveDate::from_ymd_opt(2024, 4, 1).unwrap(),
    );
    t.prices
        .insert(TariffItem::PackedRedCells, Decimal::new(1100, 0));
    t
}

#[test]
fn bills_too_large_to_represent_are_refused() {
    let day = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let huge: Decimal = "79000000000000000000000000000".parse().unwrap();
    let e = bill(
        &tariff(),
        &[(TariffItem::PackedRedCells, huge)],
        &[],
        &[],
        day,
    )
    .unwrap_err();
    assert_eq!(e.kind(), "InvalidInput");
    assert!(e.to_string().contains("quantity"), "{e}");
    // Ten lines that fit one by one (1e25 × ₹1,100 = 1.1e28) but not summed.
    let big: Decimal = "10000000000000000000000000".parse().unwrap();
    let lines = vec![(TariffItem::PackedRedCells, big); 10];
    let e = bill(&tariff(), &lines, &[], &[], day).unwrap_err();
    assert!(e.to_string().contains("lines"), "{e}");
    // An ordinary bill is still exact to the paisa.
    let ok = bill(
        &tariff(),
        &[(TariffItem::PackedRedCells, Decimal::new(3, 0))],
        &[],
        &[],
        day,
    )
    .unwrap();
    assert_eq!(ok.total.to_string(), "3300.00");
}

#[test]
fn a_bill_checks_its_exemptions_as_validate_does() {
    let day = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let one = [(TariffItem::PackedRedCells, Decimal::ONE)];
    for (percent, code) in [("101", "over"), ("-5", "under"), ("0", "zero")] {
        let mut t = tariff();
        t.exemptions.push(CentreExemption {
            code: code.into(),
            description: String::new(),
            percent: percent.parse().unwrap(),
            items: Vec::new(),
        });
        let e = bill(&t, &one, &[], &[code], day).unwrap_err();
        assert!(
            e.to_string()
                .contains(&format!("exemptions.{code}.percent")),
            "{e}"
        );
    }
    for codes in [vec!["", "x"], vec!["staff", "staff"]] {
        let mut t = tariff();
        for code in &codes {
            t.exemptions.push(CentreExemption {
                code: (*code).into(),
                description: String::new(),
                percent: Decimal::ONE_HUNDRED,
                items: Vec::new(),
            });
        }
        let e = bill(&t, &one, &[], &[], day).unwrap_err();
        assert!(e.to_string().contains("empty or repeated"), "{e}");
    }
    // 100 % waives the whole line, to the paisa.
    let mut t = tariff();
    t.exemptions.push(CentreExemption {
        code: "staff".into(),
        description: String::new(),
        percent: Decimal::ONE_HUNDRED,
        items: Vec::new(),
    });
    let b = bill(&t, &one, &[], &["staff"], day).unwrap();
    assert_eq!(b.total.to_string(), "0.00");
    assert_eq!(b.waived_total.to_string(), "1100.00");
}

#[test]
fn implausible_gestations_are_refused_where_they_enter() {
    assert!(GestationalAge::new(45, 6).is_ok());
    let e = GestationalAge::new(46, 0).unwrap_err();
    assert_eq!(e.kind(), "InvalidInput");
    assert!(e.to_string().contains("weeks"), "{e}");
    let e = GestationalAge::new(613_566_757, 6).unwrap_err();
    assert!(e.to_string().contains("weeks"), "{e}");
    // JSON goes through the same check.
    let e =
        serde_json::from_str::<GestationalAge>(r#"{"weeks": 613566757, "days": 6}"#).unwrap_err();
    assert!(e.to_string().contains("plausible gestation"), "{e}");
    let ga: GestationalAge = serde_json::from_str(r#"{"weeks": 39, "days": 6}"#).unwrap();
    assert_eq!(ga.total_days(), 279);
    // A value built field by field saturates instead of wrapping (613566757 × 7 + 6 wraps to 9
    // in u32), and the due date refuses it.
    let forged = GestationalAge {
        weeks: 613_566_757,
        days: 6,
    };
    assert_eq!(forged.total_days(), u32::MAX);
    let scan = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
    let e = edd_from_ultrasound(scan, forged, &Policy::india()).unwrap_err();
    assert!(e.to_string().contains("weeks"), "{e}");
    // At the boundary the due date is exact: 45+6 is 321 days, 41 past 280.
    let edd =
        edd_from_ultrasound(scan, GestationalAge::new(45, 6).unwrap(), &Policy::india()).unwrap();
    assert_eq!(edd.to_string(), "2026-03-21");
}

#[test]
fn dates_giving_more_than_45_weeks_are_refused_by_the_assessment() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let with_lmp = |days: u64| AncRecord {
        lmp: today.checked_sub_days(Days::new(days)),
        ..AncRecord::default()
    };
    let policy = Policy::india();
    for (days, weeks, extra) in [(45 * 7, 45, 0), (45 * 7 + 6, 45, 6)] {
        let a = assess_pregnancy(&with_lmp(days), today, &policy).unwrap();
        assert_eq!(
            a.gestational_age,
            Some(GestationalAge::new(weeks, extra).unwrap())
        );
    }
    let e = assess_pregnancy(&with_lmp(46 * 7), today, &policy).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid input: lmp: gives a gestation of 46+0 weeks at 2026-12-07: check the dates"
    );
}

#[test]
fn text_made_only_of_invisible_characters_is_blank() {
    // Issue 17: an emergency-release justification of zero-width spaces was accepted.
    let mut inv = stock();
    let patient = Recipient::new(BloodGroup::parse("A+").unwrap()).male(40);
    let req = AllocationRequest::new("TRAUMA-1", patient, Component::RedCells, 1);
    let at = t("2026-11-20T09:00:00+05:30");
    for blank in ["\u{200B}\u{200B}", " \u{FEFF} ", "\u{2060}"] {
        let e = inv
            .emergency_release(&req, blank, at, "dr-rao")
            .unwrap_err();
        assert!(e.to_string().contains("justification"), "{e}");
        let e = inv
            .emergency_release(&req, "massive PPH", at, blank)
            .unwrap_err();
        assert!(e.to_string().contains("actor"), "{e}");
    }
    assert!(inv.emergency_releases().unwrap().is_empty());
    let a = inv
        .emergency_release(&req, "massive PPH", at, "dr-rao")
        .unwrap();
    assert_eq!(a.units.len(), 1);
}

#[test]
fn an_empty_list_of_units_is_refused_not_ignored() {
    let mut inv = stock();
    let mut other = Inventory::new("BSU-1", Policy::india());
    let at = t("2026-11-20T09:00:00+05:30");
    let before: Vec<_> = inv.units().unwrap();
    let errors = [
        inv.cancel(&[], at, "tech").unwrap_err(),
        inv.issue(&[], "P1", at, "tech").unwrap_err(),
        inv.crossmatch(&[], "P1", None, at, "tech").unwrap_err(),
        inv.transfer(
            &[],
            &mut other,
            at,
            Decimal::new(4, 0),
            Decimal::new(6, 0),
            at,
            "driver",
        )
        .unwrap_err(),
    ];
    for e in errors {
        assert_eq!(
            e.to_string(),
            "invalid input: ids: list at least one unit (an empty list would do nothing)"
        );
    }
    assert_eq!(inv.units().unwrap(), before);
    assert!(other.is_empty());
}
