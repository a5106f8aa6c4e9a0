//! Reproducers of what the cargo-fuzz targets found (FUZZING.md, "Runs"), kept as regression
//! tests once fixed. A finding that is not fixed yet is `#[ignore]`d with what is wrong, so
//! that `cargo test -- --ignored` shows it.

use chrono::{DateTime, FixedOffset, TimeZone};
use rakt::unit::{BloodUnit, Collection, DonationType};
use rakt::{BloodGroup, Component, Policy, Product};

/// `inventory_ops`, 2026-12-07: a unit collected at a time whose UTC offset has seconds
/// (+04:39:41, which `FixedOffset` allows and RFC 3339 cannot write) comes back from serde
/// JSON with the offset rounded to the minute (+04:40) and the same wall-clock time, so every
/// time in the unit moves by 19 s. rakt's own parsers never make such offsets; a Rust caller
/// can. Fixed: every time a unit stores must have a whole-minute offset (Python refuses such a
/// datetime too; Kotlin's text cannot carry one).
#[test]
fn a_time_whose_offset_has_seconds_is_refused_rather_than_shifted() {
    let offset = FixedOffset::east_opt(4 * 3600 + 39 * 60 + 41).expect("offset");
    let collected_at: DateTime<FixedOffset> = offset
        .with_ymd_and_hms(2025, 12, 6, 17, 11, 41)
        .single()
        .expect("time");
    let refused = BloodUnit::collect(
        Collection {
            din: "DIN-13".into(),
            division: None,
            product: Product::simple(Component::FreshFrozenPlasma).expect("product"),
            group: BloodGroup::parse("O").expect("group"),
            volume_ml: 250,
            donation_type: DonationType::Voluntary,
            donor_id: None,
            first_donation: false,
            collected_at,
        },
        "tech",
        &Policy::india(),
    )
    .expect_err("an offset with seconds cannot be written");
    assert_eq!(
        refused.to_string(),
        "invalid input: collected_at: the UTC offset of 16781 s is not whole minutes (RFC 3339 cannot write it)"
    );
}

/// `inventory_ops`, 2026-12-07: a unit collected 17 h 46 min after chrono's first instant, with
/// the offset −23:59, is accepted, but its local time is before the first day chrono can
/// write, and serialising the unit (serde JSON) panics inside chrono ("Local time out of range
/// for `NaiveDateTime`"). The same holds near the last instant with a positive offset. rakt's
/// parsers never make such times; a Rust caller can. Fixed: every time a unit stores
/// (collection, each event, holds, transfers) must lie in rakt's calendar, years 1 to 9999.
#[test]
fn a_unit_at_the_edge_of_the_calendar_is_refused() {
    let offset = FixedOffset::west_opt(23 * 3600 + 59 * 60).expect("offset");
    let collected_at = (DateTime::<chrono::Utc>::MIN_UTC + chrono::TimeDelta::seconds(63_999))
        .with_timezone(&offset);
    let collection = Collection {
        din: "DIN-0".into(),
        division: Some("A0".into()),
        product: Product::simple(Component::FreshFrozenPlasma).expect("product"),
        group: BloodGroup::parse("O").expect("group"),
        volume_ml: 250,
        donation_type: DonationType::Voluntary,
        donor_id: None,
        first_donation: true,
        collected_at,
    };
    let err = BloodUnit::collect(collection, "tech", &Policy::india())
        .expect_err("a time outside the calendar is refused");
    assert_eq!(
        err.to_string(),
        "invalid input: collected_at: -262143-01-01 17:46:39 UTC (offset -86340 s) is outside the years 1 to 9999"
    );
}
