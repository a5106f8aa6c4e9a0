//! Reproducers of what the cargo-fuzz targets found (FUZZING.md, "Runs"). A finding that is not
//! fixed yet is `#[ignore]`d with what is wrong, so that `cargo test -- --ignored` shows it.

use chrono::{DateTime, FixedOffset, TimeZone};
use rakt::unit::{BloodUnit, Collection, DonationType};
use rakt::{BloodGroup, Component, Policy, Product};

/// `inventory_ops`, 2026-12-07: a unit collected at a time whose UTC offset has seconds
/// (+04:39:41, which `FixedOffset` allows and RFC 3339 cannot write) comes back from serde
/// JSON with the offset rounded to the minute (+04:40) and the same wall-clock time, so every
/// time in the unit moves by 19 s. rakt's own parsers never make such offsets; a Rust caller
/// can. Not fixed: it needs a decision (refuse such offsets wherever a time enters, or write
/// times with the seconds of the offset), not a local change.
#[test]
#[ignore = "finding: times with sub-minute UTC offsets shift through serde JSON"]
fn a_unit_round_trips_through_json_when_its_offset_has_seconds() {
    let offset = FixedOffset::east_opt(4 * 3600 + 39 * 60 + 41).expect("offset");
    let collected_at: DateTime<FixedOffset> = offset
        .with_ymd_and_hms(2025, 12, 6, 17, 11, 41)
        .single()
        .expect("time");
    let unit = BloodUnit::collect(
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
    .expect("collects");
    let json = serde_json::to_string(&unit).expect("serialises");
    let back: BloodUnit = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back.collected_at(), unit.collected_at(), "{json}");
    assert_eq!(back, unit);
}

/// `inventory_ops`, 2026-12-07: a unit collected 17 h 46 min after chrono's first instant, with
/// the offset −23:59, is accepted, but its local time is before the first day chrono can
/// write, and serialising the unit (serde JSON) panics inside chrono ("Local time out of range
/// for `NaiveDateTime`"). The same holds near the last instant with a positive offset. rakt's
/// parsers never make such times; a Rust caller can. Not fixed: rakt would have to refuse them
/// wherever a time enters (collection, every event, holds, transfers), not in one place.
#[test]
#[ignore = "finding: a unit with a time whose local reading is outside chrono's range panics when serialised"]
fn a_unit_at_the_edge_of_the_calendar_serialises_or_is_refused() {
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
    let Ok(unit) = BloodUnit::collect(collection, "tech", &Policy::india()) else {
        return; // refusing the time is a fix too
    };
    let json = std::panic::catch_unwind(|| serde_json::to_string(&unit));
    assert!(
        json.is_ok(),
        "serialising a unit collected at the calendar's edge panics"
    );
}
