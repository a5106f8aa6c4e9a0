//! Native side of the scale benchmark (`bench/python/scale.py`, issue 7): reads the ANC records
//! and donor visits that scale.py wrote as JSON lines, then times `assess_pregnancy` and
//! `assess_donor` over the records already in memory (one thread, then split over two std
//! threads). Prints one JSON object on stdout: timings in seconds and verdict counts, which
//! scale.py compares with the Python batch output so that both sides did the same work.
//!
//! ```text
//! cargo run --release -p rakt --example scale -- ANC.jsonl DONORS.jsonl ANC_AS_OF DONOR_AS_OF [REPEAT]
//! ```

use std::collections::BTreeMap;
use std::error::Error;
use std::fs::File;
use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use rakt::maternal::{AncRecord, PregnancyAssessment, assess_pregnancy};
use rakt::{DonationKind, Donor, DonorAssessment, DonorChecks, Policy, Result, assess_donor};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

type Failure = Box<dyn Error>;

/// One donor visit: who, today's checks, and the donation kind asked for.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Visit {
    donor: Donor,
    checks: DonorChecks,
    kind: DonationKind,
}

/// Reads a JSON-lines file, one value per non-empty line.
fn read_lines<T: DeserializeOwned>(path: &Path) -> std::result::Result<Vec<T>, Failure> {
    let mut out = Vec::new();
    for (n, line) in BufReader::new(File::open(path)?).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let value = serde_json::from_str(&line)
            .map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        out.push(value);
    }
    Ok(out)
}

/// The seconds of each run of a timed loop, and of dropping each run's results (not timed in
/// the loop itself; the Python batch call pays for it).
struct Runs {
    seconds: Vec<f64>,
    drop_seconds: Vec<f64>,
}

/// Runs `work` over every item `repeat` times; returns the timings and the last results.
fn time_runs<T, R>(
    items: &[T],
    repeat: usize,
    work: impl Fn(&[T]) -> std::result::Result<Vec<R>, Failure>,
) -> std::result::Result<(Runs, Vec<R>), Failure> {
    let mut runs = Runs {
        seconds: Vec::with_capacity(repeat),
        drop_seconds: Vec::with_capacity(repeat),
    };
    let mut last: Option<Vec<R>> = None;
    for _ in 0..repeat.max(1) {
        if let Some(previous) = last.take() {
            let start = Instant::now();
            drop(black_box(previous));
            runs.drop_seconds.push(start.elapsed().as_secs_f64());
        }
        let start = Instant::now();
        let out = work(black_box(items))?;
        runs.seconds.push(start.elapsed().as_secs_f64());
        last = Some(black_box(out));
    }
    Ok((runs, last.unwrap_or_default()))
}

/// `f` over `items` on one thread.
fn one_thread<T, R>(items: &[T], f: impl Fn(&T) -> R) -> std::result::Result<Vec<R>, Failure> {
    Ok(items.iter().map(f).collect())
}

/// `f` over `items`, the items split in two halves on two std threads; results in input order.
fn two_threads<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> R + Sync,
) -> std::result::Result<Vec<R>, Failure> {
    let (left, right) = items.split_at(items.len() / 2);
    let f = &f;
    std::thread::scope(|s| {
        let other = s.spawn(move || right.iter().map(f).collect::<Vec<R>>());
        let mut out: Vec<R> = left.iter().map(f).collect();
        let rest = other
            .join()
            .map_err(|_| "the second worker thread panicked")?;
        out.extend(rest);
        Ok(out)
    })
}

fn median(seconds: &[f64]) -> f64 {
    let mut s = seconds.to_vec();
    s.sort_by(f64::total_cmp);
    s.get(s.len() / 2).copied().unwrap_or(f64::NAN)
}

fn timing(rows: usize, load: f64, serial: &Runs, threads2: &Runs) -> Value {
    json!({
        "rows": rows,
        "load_s": load,
        "serial_s": median(&serial.seconds),
        "serial_runs_s": serial.seconds,
        "serial_drop_s": median(&serial.drop_seconds),
        "threads2_s": median(&threads2.seconds),
        "threads2_runs_s": threads2.seconds,
    })
}

fn anc_counts(results: &[Result<PregnancyAssessment>]) -> Value {
    let mut levels: BTreeMap<&str, usize> = BTreeMap::new();
    let mut errors = 0;
    let mut flags = 0;
    for r in results {
        match r {
            Ok(a) => {
                *levels.entry(a.risk_level.as_str()).or_default() += 1;
                flags += a.flags.len();
            }
            Err(_) => errors += 1,
        }
    }
    json!({"errors": errors, "risk_levels": levels, "flags": flags})
}

fn donor_counts(results: &[Result<DonorAssessment>]) -> Value {
    let (mut errors, mut eligible, mut permanent, mut referred, mut reasons) = (0, 0, 0, 0, 0);
    for r in results {
        match r {
            Ok(a) => {
                eligible += usize::from(a.eligible);
                permanent += usize::from(a.permanent);
                referred += usize::from(a.referred);
                reasons += a.reasons.len();
            }
            Err(_) => errors += 1,
        }
    }
    json!({
        "errors": errors, "eligible": eligible, "permanent": permanent,
        "referred": referred, "reasons": reasons,
    })
}

fn day(text: &str) -> std::result::Result<NaiveDate, Failure> {
    Ok(NaiveDate::parse_from_str(text, "%Y-%m-%d")?)
}

fn main() -> std::result::Result<(), Failure> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [anc_path, donor_path, anc_as_of, donor_as_of, rest @ ..] = args.as_slice() else {
        return Err(
            "usage: scale ANC.jsonl DONORS.jsonl ANC_AS_OF DONOR_AS_OF [REPEAT]"
                .to_string()
                .into(),
        );
    };
    let repeat: usize = match rest.first() {
        Some(r) => r.parse()?,
        None => 3,
    };
    let (anc_as_of, donor_as_of) = (day(anc_as_of)?, day(donor_as_of)?);
    let policy = Policy::india();

    let start = Instant::now();
    let records: Vec<AncRecord> = read_lines(Path::new(anc_path))?;
    let anc_load = start.elapsed().as_secs_f64();
    let assess = |r: &AncRecord| assess_pregnancy(r, anc_as_of, &policy);
    let (anc_serial, results) = time_runs(&records, repeat, |rs| one_thread(rs, assess))?;
    let (anc_threads, threaded) = time_runs(&records, repeat, |rs| two_threads(rs, assess))?;
    if threaded != results {
        return Err("ANC: the two-thread results differ from the one-thread results".into());
    }
    let anc = json!({
        "timing": timing(records.len(), anc_load, &anc_serial, &anc_threads),
        "counts": anc_counts(&results),
    });
    drop((results, threaded, records));

    let start = Instant::now();
    let visits: Vec<Visit> = read_lines(Path::new(donor_path))?;
    let donor_load = start.elapsed().as_secs_f64();
    let assess = |v: &Visit| assess_donor(&v.donor, &v.checks, v.kind, donor_as_of, &policy);
    let (donor_serial, results) = time_runs(&visits, repeat, |vs| one_thread(vs, assess))?;
    let (donor_threads, threaded) = time_runs(&visits, repeat, |vs| two_threads(vs, assess))?;
    if threaded != results {
        return Err("donors: the two-thread results differ from the one-thread results".into());
    }
    let donors = json!({
        "timing": timing(visits.len(), donor_load, &donor_serial, &donor_threads),
        "counts": donor_counts(&results),
    });

    let out = json!({"repeat": repeat, "anc": anc, "donors": donors});
    println!("{}", serde_json::to_string(&out)?);
    Ok(())
}
