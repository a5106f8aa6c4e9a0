//! rakt maternal example: an ANC register is screened for high-risk pregnancies, each mother gets
//! the level of care she needs and a blood plan, and the blood for a mother with placenta
//! praevia is checked against the FRU's stock and the district hospital's.
//!
//! 1. Five ANC records (examples/data/anc_register.csv) are assessed on 2026-11-23: every flag
//!    with its message (Hindi for the first), the referral level and the blood plan.
//! 2. For ANC-103 (placenta praevia after two caesareans, B RhD-negative, due 2026-12-01) the
//!    plan is to crossmatch 2 units: the FRU (examples/data/fru_stock.csv) has one valid unit;
//!    the district hospital (examples/data/hub_stock.csv) can send the other.
//! 3. The FRU reserves its unit for her until the end of the due date.
//!
//! Run: `make demo` (or `cargo run -p rakt-demo --bin maternal_demo`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "stock_csv.rs"]
mod stock_csv;

use chrono::NaiveDate;
use rakt::inventory::Inventory;
use rakt::maternal::{
    AncRecord, BloodPressure, DangerSign, KnownCondition, Mother, PregnancyAssessment,
    Presentation, UrineProtein, assess_pregnancy, blood_readiness,
};
use rakt::policy::BloodAction;
use rakt::{BloodGroup, Lang, Policy, parse_timestamp};

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
    let today = now.date_naive();
    println!(
        "rakt — ANC register on {today}  (policy: {})\n",
        policy.name
    );
    let records = load_register(&data_dir().join("anc_register.csv"))?;
    let mut praevia = None;
    for record in &records {
        let a = assess_pregnancy(record, today, &policy)?;
        show(&a);
        if record.conditions.contains(&KnownCondition::PlacentaPraevia) {
            praevia = Some((record.clone(), a));
        }
    }

    let Some((record, a)) = praevia else {
        return Err("the register has no mother with placenta praevia".into());
    };
    let mut fru = Inventory::new("FRU-BARABANKI", policy.clone());
    for u in stock_csv::load(&data_dir().join("fru_stock.csv"), &policy)? {
        fru.add(u)?;
    }
    let mut dh = Inventory::new("DH-LUCKNOW", policy.clone());
    for u in stock_csv::load(&data_dir().join("hub_stock.csv"), &policy)? {
        dh.add(u)?;
    }
    let due = a.edd.ok_or("ANC-103 has no due date")?;
    let mother = Mother::from_record(&record)?;
    let r = blood_readiness(&mother, &a.blood_plan, &fru, due, now, &[&dh])?;
    println!(
        "== Blood for {} ({}, due {due}): {} units of red cells, valid until {}",
        r.mother,
        record
            .blood_group
            .map(|g| g.to_string())
            .unwrap_or_default(),
        r.required,
        r.needed_by.format("%Y-%m-%d %H:%M")
    );
    println!("  at {}:", r.facility);
    for u in &r.units {
        println!(
            "    {} {:<3} expires {}",
            u.id,
            u.group.to_string(),
            u.expires_at.format("%Y-%m-%d %H:%M")
        );
    }
    println!("  missing: {}", r.missing);
    for s in &r.shortfall {
        if s.group.to_string().starts_with('B') {
            println!("    {}: {}", s.group, s.codes().join(", "));
        }
    }
    for n in &r.nearby {
        for u in &n.units {
            println!(
                "  from {}: {} {:<3} expires {}  {}",
                n.facility,
                u.id,
                u.group.to_string(),
                u.expires_at.format("%Y-%m-%d"),
                u.codes().join(", ")
            );
        }
    }
    println!("  still uncovered: {}", r.uncovered);
    if let Some(request) = &r.suggested_reservation {
        let held = fru.reserve(request, now, "lab-tech-sunita")?;
        let ids: Vec<String> = held.ids().iter().map(ToString::to_string).collect();
        println!(
            "  reserved at {} for {}: {}",
            fru.facility(),
            request.patient,
            ids.join(", ")
        );
    }
    Ok(())
}

fn show(a: &PregnancyAssessment) {
    let id = a.id.as_deref().unwrap_or("?");
    let ga = a.gestational_age.map_or("?".to_string(), |g| g.to_string());
    println!(
        "== {id}  {ga} weeks  risk {}  →  {} ({})",
        a.risk_level,
        a.referral.level.describe(),
        a.referral.urgency.as_str()
    );
    for (i, f) in a.flags.iter().enumerate() {
        println!("  {:<24} {}", f.code.as_str(), f.message(Lang::En));
        if i == 0 {
            println!("  {:<24} {}", "", f.message(Lang::Hi));
        }
    }
    let plan = &a.blood_plan;
    let action = match plan.action {
        BloodAction::None => "no pretransfusion testing".to_string(),
        BloodAction::GroupAndScreen => "group and screen".to_string(),
        BloodAction::Crossmatch { units } => format!("crossmatch {units} units of red cells"),
    };
    let factors: Vec<&str> = plan.factors.iter().map(|f| f.as_str()).collect();
    println!(
        "  blood plan: {} tier, {action} ({}){}",
        plan.tier,
        plan.when,
        if factors.is_empty() {
            String::new()
        } else {
            format!(" — {}", factors.join(", "))
        }
    );
    println!();
}

/// The ANC register: an empty cell is a value not recorded.
fn load_register(path: &Path) -> Result<Vec<AncRecord>, Error> {
    let text = std::fs::read_to_string(path)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("empty register")?.split(',').collect();
    let mut out = Vec::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split(',').collect();
        let get = |name: &str| -> Option<&str> {
            let i = header.iter().position(|h| *h == name)?;
            cells.get(i).copied().filter(|c| !c.is_empty())
        };
        let num = |name: &str| -> Result<Option<u32>, Error> {
            Ok(get(name).map(str::parse).transpose()?)
        };
        let dec = |name: &str| -> Result<Option<rust_decimal::Decimal>, Error> {
            Ok(get(name).map(str::parse).transpose()?)
        };
        let date = |name: &str| -> Result<Option<NaiveDate>, Error> {
            Ok(get(name).map(str::parse).transpose()?)
        };
        let bp = |name: &str| -> Result<Option<BloodPressure>, Error> {
            match get(name) {
                None => Ok(None),
                Some(text) => {
                    let (s, d) = text.split_once('/').ok_or("bp is systolic/diastolic")?;
                    Ok(Some(BloodPressure::new(s.parse()?, d.parse()?)))
                }
            }
        };
        let list = |name: &str| -> Vec<&str> {
            get(name)
                .map(|c| c.split(';').collect())
                .unwrap_or_default()
        };
        out.push(AncRecord {
            id: get("id").map(str::to_string),
            age_years: num("age_years")?,
            height_cm: dec("height_cm")?,
            weight_kg: dec("weight_kg")?,
            gravida: num("gravida")?,
            parity: num("parity")?,
            previous_caesareans: num("previous_caesareans")?,
            months_since_last_pregnancy: num("months_since_last_pregnancy")?,
            lmp: date("lmp")?,
            edd: date("edd")?,
            fetuses: num("fetuses")?,
            presentation: get("presentation").map(Presentation::parse).transpose()?,
            hb_g_dl: dec("hb_g_dl")?,
            bp: bp("bp")?,
            bp_repeat: bp("bp_repeat")?,
            urine_protein: get("urine_protein").map(UrineProtein::parse).transpose()?,
            ogtt_2h_mg_dl: dec("ogtt_2h_mg_dl")?,
            blood_group: get("blood_group").map(BloodGroup::parse).transpose()?,
            conditions: list("conditions")
                .into_iter()
                .map(KnownCondition::parse)
                .collect::<Result<_, _>>()?,
            danger_signs: list("danger_signs")
                .into_iter()
                .map(DangerSign::parse)
                .collect::<Result<_, _>>()?,
            ..AncRecord::default()
        });
    }
    Ok(out)
}
