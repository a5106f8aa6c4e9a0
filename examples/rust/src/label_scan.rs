//! Units received with ISBT 128 labels: each scan becomes a rakt unit, or is refused with the
//! position of the first wrong character. Run with `cargo run -p rakt-demo --bin label_scan`.

use std::path::Path;
use std::process::ExitCode;

use chrono::FixedOffset;
use rakt::isbt128::{Label, LabelDetails, ProductTable};
use rakt::unit::DonationType;
use rakt::{Lang, Policy};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let table = ProductTable::from_toml(&std::fs::read_to_string(
        data.join("isbt128_products.toml"),
    )?)?;
    let scans = std::fs::read_to_string(data.join("label_scans.txt"))?;
    let policy = Policy::india();
    let ist = FixedOffset::east_opt(5 * 3600 + 1800).ok_or("offset")?;
    let details = LabelDetails {
        offset: ist,
        volume_ml: 250,
        collected_at: None,
        donor_id: None,
        first_donation: false,
        // Local (D) product codes do not say how the blood was donated; this centre's
        // suppliers collect only from voluntary donors.
        donation_type: Some(DonationType::Voluntary),
    };
    println!(
        "rakt — units received with ISBT 128 labels (policy: {})\n",
        policy.name
    );
    for scan in scans
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        println!("scan {scan}");
        let unit =
            Label::from_scan(scan).and_then(|l| l.to_unit(&table, &details, "receiving", &policy));
        match unit {
            Ok(u) => {
                println!(
                    "   ✓ {}  {}  {}  expires {}",
                    u.id(),
                    u.group(),
                    u.product().component().display_name(Lang::En),
                    u.expiry().expires_at.format("%Y-%m-%d %H:%M %:z")
                );
                for r in &u.expiry().reasons {
                    println!("     {}: {}", r.code.as_str(), r.message(Lang::En));
                }
                println!(
                    "     label back: {}",
                    Label::from_unit(&u, &table)?.encode()
                );
            }
            Err(e) => println!("   ✗ {e}"),
        }
    }
    Ok(())
}
