//! rakt flagship example: a blood centre's stock and a morning's patients.
//!
//! For each patient: the donor groups that may be given, in order of preference, the units in
//! stock that can be issued (compatible and not expired), soonest-expiring first, and why every
//! other unit of that component cannot be given — in English and Hindi.
//!
//! Run: `make demo` (or `cargo run -p rakt-demo`). Data: examples/data/*.csv.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use rakt::{
    BloodGroup, Component, Expiry, Lang, PlateletSource, Policy, Preservative, Product, RaktError,
    Rank, Recipient, Sex, compatibility, donor_preference, parse_timestamp,
};

/// The examples evaluate everything at this instant: time is always an argument in rakt.
const NOW: &str = "2026-11-23T10:00:00+05:30";

struct Unit {
    id: String,
    group: BloodGroup,
    expiry: Expiry,
}

struct Patient {
    id: String,
    recipient: Recipient,
    written_group: String,
    component: Component,
    note: String,
}

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

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let policy = Policy::india();
    let now = parse_timestamp(NOW)?;
    let units = load_units(&data_dir().join("units.csv"), &policy)?;
    let patients = load_patients(&data_dir().join("patients.csv"))?;

    println!(
        "rakt — blood readiness at {}  (policy: {})",
        show_time(now),
        policy.name
    );
    println!(
        "{} units in stock, {} patients waiting\n",
        units.len(),
        patients.len()
    );

    for p in &patients {
        show_patient(p, &units, &policy, now);
    }
    expiring_soon(&units, now);
    Ok(())
}

fn show_patient(p: &Patient, units: &[Unit], policy: &Policy, now: DateTime<FixedOffset>) {
    let group = match p.recipient.group {
        Some(g) => format!("{g}  (written \"{}\")", p.written_group),
        None => "UNKNOWN — emergency release".to_string(),
    };
    let who = match (p.recipient.sex, p.recipient.age_years) {
        (Some(Sex::Female), Some(a)) => format!("woman, {a}"),
        (Some(Sex::Male), Some(a)) => format!("man, {a}"),
        _ => "sex/age not recorded".to_string(),
    };
    println!(
        "══ {}  {} · {} · needs {} / {}",
        p.id,
        group,
        who,
        p.component.display_name(Lang::En),
        p.component.display_name(Lang::Hi)
    );
    println!("   {}", p.note);

    let order: Vec<String> = donor_preference(p.component, &p.recipient, policy)
        .iter()
        .map(|o| match o.rank {
            Rank::CompatibleWithCaveat => format!("{} (caveat)", o.group),
            _ => o.group.to_string(),
        })
        .collect();
    println!(
        "   Donor groups, best first: {}",
        if order.is_empty() {
            "none".into()
        } else {
            order.join(", ")
        }
    );

    let mut issuable = Vec::new();
    let mut refused = Vec::new();
    for u in units
        .iter()
        .filter(|u| u.expiry.product.component() == p.component)
    {
        let verdict = compatibility(p.component, &u.group, &p.recipient, policy);
        if u.expiry.is_expired(now) {
            refused.push((u, None));
        } else if verdict.compatible {
            issuable.push((u, verdict));
        } else {
            refused.push((u, Some(verdict)));
        }
    }
    // Best rank first, then first-expiring first.
    issuable.sort_by_key(|(u, v)| (v.rank, u.expiry.expires_at));
    if issuable.is_empty() {
        println!("   ✗ No unit in stock can be issued.");
    } else {
        println!("   ✓ Can be issued (best match, then soonest expiry first):");
        for (u, v) in &issuable {
            println!(
                "     {:<14} {:<4} expires {}  [{}]",
                u.id,
                u.group.to_string(),
                show_time(u.expiry.expires_at),
                v.rank.as_str()
            );
            for r in v
                .reasons
                .iter()
                .filter(|r| r.severity != rakt::Severity::Info)
            {
                println!("        ! {}: {}", r.code, r.message(Lang::En));
                println!("          {}", r.message(Lang::Hi));
            }
        }
    }
    if !refused.is_empty() {
        println!("   ✗ Cannot be given:");
        for (u, verdict) in refused {
            match verdict {
                None => {
                    println!(
                        "     {:<14} {:<4} EXPIRED at {}",
                        u.id,
                        u.group.to_string(),
                        show_time(u.expiry.expires_at)
                    );
                    if let Some(r) = u.expiry.reasons.last() {
                        println!("        en: {}", r.message(Lang::En));
                        println!("        hi: {}", r.message(Lang::Hi));
                    }
                }
                Some(v) => {
                    // The most severe reason comes first; an incompatible verdict always has one.
                    if let Some(first) = v.reasons.first() {
                        println!(
                            "     {:<14} {:<4} {}",
                            u.id,
                            u.group.to_string(),
                            first.code
                        );
                        println!("        en: {}", first.message(Lang::En));
                        println!("        hi: {}", first.message(Lang::Hi));
                    }
                }
            }
        }
    }
    println!();
}

fn expiring_soon(units: &[Unit], now: DateTime<FixedOffset>) {
    let window = std::time::Duration::from_secs(72 * 3600);
    let mut soon: Vec<&Unit> = units
        .iter()
        .filter(|u| u.expiry.expires_within(window, now))
        .collect();
    soon.sort_by_key(|u| u.expiry.expires_at);
    println!("══ Expiring within 72 hours — issue these first (FEFO)");
    for u in soon {
        let left = u.expiry.remaining(now);
        println!(
            "   {:<14} {:<4} {:<22} expires {}  ({} h left)",
            u.id,
            u.group.to_string(),
            u.expiry.product.component().display_name(Lang::En),
            show_time(u.expiry.expires_at),
            left.as_secs() / 3600
        );
    }
}

fn show_time(t: DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%d %H:%M %:z").to_string()
}

fn rows(path: &Path) -> Result<Vec<Vec<String>>, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut lines = text.lines();
    let width = lines.next().map_or(0, |h| h.split(',').count());
    Ok(lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.splitn(width, ',').map(str::to_string).collect())
        .collect())
}

fn field(row: &[String], i: usize) -> &str {
    row.get(i).map_or("", |s| s.trim())
}

fn load_units(path: &Path, policy: &Policy) -> Result<Vec<Unit>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for row in rows(path)? {
        let component = Component::parse(field(&row, 1))?;
        let preservative = match field(&row, 2) {
            "" => None,
            "cpd" => Some(Preservative::Cpd),
            "cpda1" => Some(Preservative::Cpda1),
            "additive_solution" => Some(Preservative::AdditiveSolution),
            other => return Err(format!("unknown preservative {other:?}").into()),
        };
        let source = match field(&row, 3) {
            "" => None,
            "random_donor" => Some(PlateletSource::RandomDonor),
            "apheresis" => Some(PlateletSource::Apheresis),
            other => return Err(format!("unknown platelet source {other:?}").into()),
        };
        let product = Product::new(component, preservative, source)?;
        let collected = parse_timestamp(field(&row, 5))?;
        out.push(Unit {
            id: field(&row, 0).to_string(),
            group: BloodGroup::parse(field(&row, 4))?,
            expiry: Expiry::compute(&product, collected, policy)?,
        });
    }
    Ok(out)
}

fn load_patients(path: &Path) -> Result<Vec<Patient>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for row in rows(path)? {
        let written = field(&row, 1).to_string();
        let group = if written.is_empty() {
            None
        } else {
            Some(BloodGroup::parse(&written)?)
        };
        let sex = match field(&row, 2) {
            "female" => Some(Sex::Female),
            "male" => Some(Sex::Male),
            "" => None,
            _ => Some(Sex::Other),
        };
        let age = match field(&row, 3) {
            "" => None,
            a => Some(a.parse::<u32>().map_err(|e| format!("age {a:?}: {e}"))?),
        };
        let recipient = Recipient {
            group,
            sex,
            age_years: age,
            anti_d: field(&row, 4) == "true",
            chronically_transfused: field(&row, 5) == "true",
        };
        out.push(Patient {
            id: field(&row, 0).to_string(),
            recipient,
            written_group: written,
            component: Component::parse(field(&row, 6)).map_err(|e: RaktError| e.to_string())?,
            note: field(&row, 7).to_string(),
        });
    }
    Ok(out)
}
