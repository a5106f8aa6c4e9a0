//! Speed of the basic rules. Results are recorded in BENCHMARKS.md; nothing here asserts a time.
#![allow(missing_docs)] // benchmark harness, not library code

use std::hint::black_box;

use chrono::DateTime;
use criterion::{Criterion, criterion_group, criterion_main};
use rakt::{
    BloodGroup, BloodUnit, Collection, Component, DonationKind, DonationType, Donor, DonorChecks,
    EventKind, Expiry, Policy, Preservative, Product, Recipient, UnitEvent, assess_donor,
    compatibility, donor_preference,
};

/// Runs the benchmarks; a setup value that fails to build stops the run with its error.
fn rules(c: &mut Criterion) {
    if let Err(e) = bench_rules(c) {
        eprintln!("benchmark setup failed: {e}");
        std::process::exit(1);
    }
}

fn bench_rules(c: &mut Criterion) -> Result<(), Box<dyn std::error::Error>> {
    let policy = Policy::india();
    let donor = BloodGroup::parse("O-")?;
    let recipient = Recipient::new(BloodGroup::parse("AB+")?).female(30);
    c.bench_function("blood_group_parse", |b| {
        b.iter(|| BloodGroup::parse(black_box("AB RhD negative")))
    });
    c.bench_function("compatibility_red_cells", |b| {
        b.iter(|| compatibility(black_box(Component::RedCells), &donor, &recipient, &policy))
    });
    c.bench_function("decide_compatibility_red_cells", |b| {
        b.iter(|| {
            rakt::decide_compatibility(black_box(Component::RedCells), &donor, &recipient, &policy)
        })
    });
    c.bench_function("donor_preference_red_cells", |b| {
        b.iter(|| donor_preference(black_box(Component::RedCells), &recipient, &policy))
    });
    let product = Product::red_cells(Preservative::AdditiveSolution);
    let collected = DateTime::parse_from_rfc3339("2026-01-01T10:00:00+05:30")?;
    c.bench_function("expiry_compute", |b| {
        b.iter(|| Expiry::compute(black_box(&product), collected, &policy))
    });
    c.bench_function("decide_expiry", |b| {
        b.iter(|| rakt::decide_expiry(black_box(&product), collected, &policy))
    });
    let person: Donor = serde_json::from_str(
        r#"{"date_of_birth": "1990-05-17", "sex": "female",
            "previous_donations": [{"date": "2026-01-10", "kind": "whole_blood_450"}],
            "deferral_events": [{"kind": "tattoo", "date": "2024-02-01"}]}"#,
    )?;
    let checks: DonorChecks = serde_json::from_str(
        r#"{"weight_kg": "58", "hb_g_dl": "13.1", "systolic_mmhg": 118, "diastolic_mmhg": 76,
            "pulse_bpm": 78, "temperature_c": "36.8"}"#,
    )?;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).ok_or("invalid date")?;
    // The first row of the reference ANC table (../shared/bench/gen_anc.py): flagged for Hb,
    // BP and weight, with every common field recorded.
    let anc: rakt::maternal::AncRecord = serde_json::from_str(
        r#"{"id": "0", "age_years": 27, "height_cm": "138", "weight_kg": "39", "gravida": 5,
            "parity": 4, "previous_caesareans": 0, "lmp": "2026-09-15", "fetuses": 1,
            "hb_g_dl": "9.8", "bp": {"systolic": 142, "diastolic": 80},
            "bp_repeat": {"systolic": 138, "diastolic": 76}, "urine_protein": "++",
            "ogtt_2h_mg_dl": "143", "hiv": "negative", "syphilis": "negative",
            "hbsag": "negative", "blood_group": "B+", "vaginal_bleeding": false}"#,
    )?;
    c.bench_function("assess_pregnancy_reference_row", |b| {
        b.iter(|| rakt::maternal::assess_pregnancy(black_box(&anc), day, &policy))
    });
    c.bench_function("decide_pregnancy_reference_row", |b| {
        b.iter(|| rakt::maternal::decide_pregnancy(black_box(&anc), day, &policy))
    });
    c.bench_function("assess_donor_eligible", |b| {
        b.iter(|| {
            assess_donor(
                black_box(&person),
                &checks,
                DonationKind::WholeBlood450,
                day,
                &policy,
            )
        })
    });
    c.bench_function("decide_donor_eligible", |b| {
        b.iter(|| {
            rakt::decide_donor(
                black_box(&person),
                &checks,
                DonationKind::WholeBlood450,
                day,
                &policy,
            )
        })
    });
    let vitals: rakt::maternal::Vitals = serde_json::from_str(
        r#"{"respiratory_rate": 22, "spo2": 95, "temperature_c": "37.9", "systolic_bp": 152,
            "diastolic_bp": 96, "heart_rate": 104, "consciousness": "alert"}"#,
    )?;
    c.bench_function("decide_early_warning_abnormal", |b| {
        b.iter(|| rakt::maternal::decide_early_warning(black_box(&vitals), &policy))
    });
    let unit = BloodUnit::collect(
        Collection {
            din: "DIN-1".into(),
            division: None,
            product: product.clone(),
            group: BloodGroup::parse("B+")?,
            volume_ml: 280,
            donation_type: DonationType::Voluntary,
            donor_id: None,
            first_donation: false,
            collected_at: collected,
        },
        "tech",
        &policy,
    )?;
    let quarantine = UnitEvent::new(collected, "tech", EventKind::Quarantine);
    c.bench_function("unit_apply_quarantine", |b| {
        b.iter(|| black_box(&unit).apply(&quarantine, &policy))
    });
    c.bench_function("policy_from_toml_override", |b| {
        b.iter(|| {
            Policy::from_toml(black_box(
                "name = \"x\"\nextends = \"india\"\n[shelf_life.platelets_random_donor]\ndays = 5",
            ))
        })
    });
    Ok(())
}

criterion_group!(benches, rules);
criterion_main!(benches);
