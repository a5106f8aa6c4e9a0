//! Speed of the basic rules. Results are recorded in BENCHMARKS.md; nothing here asserts a time.
#![allow(clippy::unwrap_used, missing_docs)] // benchmark harness, not library code

use std::hint::black_box;

use chrono::DateTime;
use criterion::{Criterion, criterion_group, criterion_main};
use rakt::{
    BloodGroup, Component, Expiry, Policy, Preservative, Product, Recipient, compatibility,
    donor_preference,
};

fn rules(c: &mut Criterion) {
    let policy = Policy::india();
    let donor = BloodGroup::parse("O-").unwrap();
    let recipient = Recipient::new(BloodGroup::parse("AB+").unwrap()).female(30);
    c.bench_function("blood_group_parse", |b| {
        b.iter(|| BloodGroup::parse(black_box("AB RhD negative")))
    });
    c.bench_function("compatibility_red_cells", |b| {
        b.iter(|| compatibility(black_box(Component::RedCells), &donor, &recipient, &policy))
    });
    c.bench_function("donor_preference_red_cells", |b| {
        b.iter(|| donor_preference(black_box(Component::RedCells), &recipient, &policy))
    });
    let product = Product::red_cells(Preservative::AdditiveSolution);
    let collected = DateTime::parse_from_rfc3339("2026-01-01T10:00:00+05:30").unwrap();
    c.bench_function("expiry_compute", |b| {
        b.iter(|| Expiry::compute(black_box(&product), collected, &policy))
    });
    c.bench_function("policy_from_toml_override", |b| {
        b.iter(|| {
            Policy::from_toml(black_box(
                "name = \"x\"\nextends = \"india\"\n[shelf_life.platelets_random_donor]\ndays = 5",
            ))
        })
    });
}

criterion_group!(benches, rules);
criterion_main!(benches);
