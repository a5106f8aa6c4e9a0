//! rakt inventory example: a hub blood centre supplies a first-referral-unit blood storage
//! centre, which then serves a postpartum haemorrhage and a trauma patient.
//!
//! 1. The hub's stock (examples/data/hub_stock.csv) is collected, screened and released through
//!    the unit lifecycle.
//! 2. Two cool boxes go to the storage centre; one box was too warm on the road.
//! 3. The storage centre checks its stock against the G.S.R. 909(E) norm.
//! 4. A woman with postpartum haemorrhage (O RhD-negative) gets two units reserved, first to
//!    expire first; a trauma patient of unknown group gets emergency release.
//! 5. The hub's stock, in rakt's rows and in e-RaktKosh codes, and what expires soon.
//!
//! Run: `make demo` (or `cargo run -p rakt-demo --bin stock_demo`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "stock_csv.rs"]
mod stock_csv;
use stock_csv::load;

use chrono::Duration;
use rakt::inventory::{Allocation, AllocationRequest, Inventory};
use rakt::unit::UnitId;
use rakt::{BloodGroup, Component, Lang, Policy, Recipient, parse_timestamp};
use rust_decimal::Decimal;

/// The example runs at this instant: time is always an argument in rakt.
const NOW: &str = "2026-11-23T10:00:00+05:30";

type Error = Box<dyn std::error::Error>;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")
}

fn run() -> Result<(), Error> {
    let policy = Policy::india();
    let now = parse_timestamp(NOW)?;
    let mut hub = Inventory::new("HUB-LUCKNOW", policy.clone());
    for unit in load(&data_dir().join("hub_stock.csv"), &policy)? {
        hub.add(unit)?;
    }
    println!("rakt — stock at {}  (policy: {})", NOW, policy.name);
    println!("{} units at {}\n", hub.len(), hub.facility());

    // 2. Two boxes to the storage centre, dispatched at 06:00.
    let mut bsc = Inventory::new("BSC-FRU-BARABANKI", policy.clone());
    let left = now - Duration::hours(4);
    let arrived = now - Duration::hours(2);
    let first_box = ids(&[
        "HUB-2026-0001",
        "HUB-2026-0002",
        "HUB-2026-0007",
        "HUB-2026-0008",
        "HUB-2026-0013",
        "HUB-2026-0014",
        "HUB-2026-0020",
        "HUB-2026-0026",
        "HUB-2026-0027",
    ])?;
    let second_box = ids(&["HUB-2026-0003", "HUB-2026-0015"])?;
    let ok = hub.transfer(
        &first_box,
        &mut bsc,
        left,
        dec("3.5")?,
        dec("7.0")?,
        arrived,
        "driver-ramesh",
    )?;
    let warm = hub.transfer(
        &second_box,
        &mut bsc,
        left,
        dec("4.0")?,
        dec("11.5")?,
        arrived,
        "driver-ramesh",
    )?;
    println!("== Transfer {} → {}", hub.facility(), bsc.facility());
    println!("  box 1 (3.5–7.0 °C): {} units received", ok.received.len());
    println!(
        "  box 2 (4.0–11.5 °C): {} units discarded",
        warm.discarded.len()
    );
    if let Some(id) = warm.discarded.first() {
        let unit = bsc.get(id)?;
        if let Some(reason) = unit.history().last().and_then(|e| e.reasons.first()) {
            println!("    {}: {}", reason.code, reason.message(Lang::En));
            println!("    {}", reason.message(Lang::Hi));
        }
    }

    // 3. The storage-centre norm.
    println!(
        "\n== {} against the blood storage centre norm",
        bsc.facility()
    );
    let check = bsc.storage_centre_check(now)?;
    for level in &check.levels {
        let mark = if level.missing == 0 { "ok " } else { "LOW" };
        println!(
            "  {mark} {:<4} {} of {} (missing {})",
            level.group.to_string(),
            level.on_hand,
            level.required,
            level.missing
        );
    }

    // 4. Patients at the storage centre.
    println!("\n== Patients at {}", bsc.facility());
    let pph = AllocationRequest::new(
        "MRN-5521",
        Recipient::new(BloodGroup::parse("O-")?).female(27),
        Component::RedCells,
        2,
    );
    let held = bsc.reserve(&pph, now, "lab-tech-sunita")?;
    show(
        "Postpartum haemorrhage, O RhD-negative woman of 27 (reserve 2)",
        &held,
    );
    let trauma = AllocationRequest::new(
        "ER-0042",
        Recipient::unknown_group().male(34),
        Component::RedCells,
        2,
    );
    let released = bsc.emergency_release(
        &trauma,
        "road-traffic trauma in haemorrhagic shock; no time to group",
        now,
        "dr-verma",
    )?;
    show("Trauma, group unknown (emergency release of 2)", &released);
    println!(
        "  flagged for follow-up: {} unit(s)",
        bsc.emergency_releases()?.len()
    );

    // 5. The hub's stock.
    println!("\n== {} stock", hub.facility());
    let summary = hub.stock_summary(now)?;
    for row in &summary.rows {
        println!(
            "  {:<20} {:<4} available {:>2}  held {}  not released {}  expired {}",
            row.component.as_str(),
            row.group.to_string(),
            row.available,
            row.held,
            row.not_released,
            row.expired
        );
    }
    for component in &summary.eraktkosh.components {
        println!(
            "  e-RaktKosh {} ({}): {}",
            component.component.code(),
            component.name,
            component.availability
        );
    }
    println!("\n== Expiring within 72 hours at {}", hub.facility());
    for u in hub.expiring_within(now, 72) {
        println!(
            "  {}  {} {}  expires {}",
            u.id,
            u.component.as_str(),
            u.group,
            u.expires_at.format("%Y-%m-%d %H:%M")
        );
    }
    Ok(())
}

fn show(title: &str, a: &Allocation) {
    println!("  {title}");
    for u in &a.units {
        let why: Vec<&str> = u.codes();
        println!(
            "    {} {:<3} choice {} expires {}  {}",
            u.id,
            u.group.to_string(),
            u.tier,
            u.expires_at.format("%Y-%m-%d"),
            why.join(", ")
        );
    }
    if a.shortfall > 0 {
        println!("    short by {}", a.shortfall);
    }
}

fn ids(list: &[&str]) -> Result<Vec<UnitId>, Error> {
    Ok(list
        .iter()
        .map(|d| UnitId::new(d, None))
        .collect::<Result<_, _>>()?)
}

fn dec(text: &str) -> Result<Decimal, Error> {
    Ok(text.parse()?)
}
