//! Allocation from a national-scale inventory: one million released units (override with
//! `RAKT_BENCH_UNITS`). Prints the memory per unit (counted by a wrapping allocator) and the p50
//! and p99 of `allocate` over 10,000 varied requests, then runs criterion on two requests.
//! Results go in BENCHMARKS.md by hand; nothing here asserts a time.
#![allow(missing_docs)] // benchmark harness, not library code

use std::alloc::{GlobalAlloc, Layout, System};
use std::error::Error;
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use chrono::{DateTime, Duration, FixedOffset};
use criterion::{Criterion, criterion_group};
use rakt::inventory::{AllocationRequest, Inventory};
use rakt::unit::{BloodUnit, Collection, DonationType, EventKind, UnitEvent, UnitId};
use rakt::{
    BloodGroup, Component, PlateletSource, Policy, Preservative, Product, Recipient, TestResult,
};

/// Counts the bytes currently allocated.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged; only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: same layout, passed through.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the pointer came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn start() -> Result<DateTime<FixedOffset>, Box<dyn Error>> {
    Ok(rakt::parse_timestamp("2026-10-01T09:00:00+05:30")?)
}

/// A released unit: group, component and collection day from `i`.
fn unit(i: usize, policy: &Policy) -> Result<BloodUnit, Box<dyn Error>> {
    let group = *BloodGroup::STANDARD.get(i % 8).ok_or("no group")?;
    let product = match i % 10 {
        0 => Product::platelets(PlateletSource::RandomDonor),
        1 => Product::simple(Component::FreshFrozenPlasma)?,
        _ => Product::red_cells(Preservative::AdditiveSolution),
    };
    // Red cells and plasma collected over 35 days; platelets (a few days' shelf life) over
    // the last three, as in a stock whose expired units are discarded daily.
    let day = if i % 10 == 0 {
        37 + i64::try_from(i % 3)?
    } else {
        i64::try_from(i % 35)?
    };
    let at = start()? + Duration::days(day) + Duration::minutes(i64::try_from(i % 600)?);
    let mut u = BloodUnit::collect(
        Collection {
            din: format!("IN{i:09}"),
            division: None,
            product,
            group,
            volume_ml: 280,
            donation_type: DonationType::Voluntary,
            donor_id: None,
            first_donation: false,
            collected_at: at,
        },
        "tech",
        policy,
    )?;
    let later = at + Duration::hours(2);
    let mut kinds = vec![EventKind::Quarantine];
    for m in &policy.screening.mandatory_markers {
        kinds.push(EventKind::RecordTest {
            marker: *m,
            result: TestResult::NonReactive,
        });
    }
    kinds.push(EventKind::RecordGrouping {
        forward: Some(group),
        reverse: Some(group.abo()),
        historical: None,
    });
    kinds.push(EventKind::Release);
    for k in kinds {
        u = u.apply(&UnitEvent::new(later, "tech", k), policy)?;
    }
    Ok(u)
}

fn build(n: usize) -> Result<Inventory, Box<dyn Error>> {
    let policy = Policy::india();
    let mut inv = Inventory::new("NATIONAL", policy.clone());
    for i in 0..n {
        inv.add(unit(i, &policy)?)?;
    }
    Ok(inv)
}

fn requests() -> Vec<AllocationRequest> {
    let mut out = Vec::new();
    for (i, group) in BloodGroup::STANDARD.iter().take(8).enumerate() {
        for qty in 1..=4 {
            let r = Recipient::new(*group);
            let r = if i % 2 == 0 { r.female(28) } else { r.male(50) };
            out.push(AllocationRequest::new(
                "P",
                r.clone(),
                Component::RedCells,
                qty,
            ));
            out.push(AllocationRequest::new("P", r, Component::Platelets, qty));
        }
    }
    out
}

fn percentiles(inv: &Inventory, as_of: DateTime<FixedOffset>) -> Result<(), Box<dyn Error>> {
    let reqs = requests();
    let mut times = Vec::with_capacity(10_000);
    for req in reqs.iter().cycle().take(10_000) {
        let t = Instant::now();
        black_box(inv.allocate(req, as_of)?);
        times.push(t.elapsed());
    }
    times.sort();
    let at = |q: f64| {
        let i = ((times.len() as f64 - 1.0) * q) as usize;
        times.get(i).copied().unwrap_or_default()
    };
    println!(
        "allocate over {} varied requests: p50 {:?}, p99 {:?}, max {:?}",
        times.len(),
        at(0.50),
        at(0.99),
        at(1.0)
    );
    Ok(())
}

fn bench(c: &mut Criterion) {
    let mut run = || -> Result<(), Box<dyn Error>> {
        let n: usize = std::env::var("RAKT_BENCH_UNITS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1_000_000);
        let before = LIVE.load(Ordering::Relaxed);
        let t = Instant::now();
        let inv = build(n)?;
        let bytes = LIVE.load(Ordering::Relaxed) - before;
        println!(
            "built {n} released units in {:?}: {} bytes per unit (unit with its history, plus index)",
            t.elapsed(),
            bytes / n
        );
        // The index's share: the same two structures the inventory keeps (id → slot, and
        // (expiry, id) in its group's bucket), built over the same ids.
        let before = LIVE.load(Ordering::Relaxed);
        let mut slots = std::collections::HashMap::new();
        let mut buckets = std::collections::BTreeSet::new();
        for i in 0..n {
            let id = UnitId::new(&format!("IN{i:09}"), None)?;
            let expires = start()? + Duration::minutes(i64::try_from(i)?);
            slots.insert(id.clone(), i);
            buckets.insert((expires, id));
        }
        let index = LIVE.load(Ordering::Relaxed) - before;
        println!(
            "  of which the index about {} bytes, the unit with its history about {} bytes",
            index / n,
            bytes.saturating_sub(index) / n
        );
        drop((slots, buckets));
        let as_of = start()? + Duration::days(40);
        percentiles(&inv, as_of)?;
        let a_pos = AllocationRequest::new(
            "P-1",
            Recipient::new(BloodGroup::parse("A+")?).male(40),
            Component::RedCells,
            2,
        );
        let o_neg_woman = AllocationRequest::new(
            "P-2",
            Recipient::new(BloodGroup::parse("O-")?).female(28),
            Component::RedCells,
            4,
        );
        c.bench_function("inventory_1m_allocate_a_pos_2_units", |b| {
            b.iter(|| inv.allocate(black_box(&a_pos), as_of))
        });
        c.bench_function("inventory_1m_allocate_o_neg_woman_4_units", |b| {
            b.iter(|| inv.allocate(black_box(&o_neg_woman), as_of))
        });
        Ok(())
    };
    if let Err(e) = run() {
        eprintln!("inventory bench failed: {e}");
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).warm_up_time(std::time::Duration::from_secs(1)).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
