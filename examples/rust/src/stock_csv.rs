//! The stock CSV of the examples (`hub_stock.csv`, `fru_stock.csv`): each row is collected,
//! screened (every mandatory marker non-reactive), grouped and released two hours after
//! collection. Shared by `stock_demo` and `maternal_demo`.

use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset};
use rakt::unit::{BloodUnit, Collection, DonationType, EventKind, UnitEvent};
use rakt::{
    BloodGroup, Component, PlateletSource, Policy, Preservative, Product, TestResult,
    parse_timestamp,
};

type Error = Box<dyn std::error::Error>;

/// Each row collected, screened (every mandatory marker non-reactive), grouped and released two
/// hours after collection.
pub fn load(path: &Path, policy: &Policy) -> Result<Vec<BloodUnit>, Error> {
    let text = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split(',').collect();
        let field = |i: usize| f.get(i).copied().unwrap_or("");
        let preservative = match field(2) {
            "" => None,
            "cpd" => Some(Preservative::Cpd),
            "cpda1" => Some(Preservative::Cpda1),
            "additive_solution" => Some(Preservative::AdditiveSolution),
            other => return Err(format!("unknown preservative {other:?}").into()),
        };
        let source = match field(3) {
            "" => None,
            "random_donor" => Some(PlateletSource::RandomDonor),
            "apheresis" => Some(PlateletSource::Apheresis),
            other => return Err(format!("unknown platelet source {other:?}").into()),
        };
        let group = BloodGroup::parse(field(4))?;
        let collected: DateTime<FixedOffset> = parse_timestamp(field(5))?;
        let mut unit = BloodUnit::collect(
            Collection {
                din: field(0).to_string(),
                division: None,
                product: Product::new(Component::parse(field(1))?, preservative, source)?,
                group,
                volume_ml: 280,
                donation_type: DonationType::Voluntary,
                donor_id: None,
                first_donation: false,
                collected_at: collected,
            },
            "hub-tech",
            policy,
        )?;
        let at = collected + Duration::hours(2);
        let mut events = vec![EventKind::Quarantine];
        for marker in &policy.screening.mandatory_markers {
            events.push(EventKind::RecordTest {
                marker: *marker,
                result: TestResult::NonReactive,
            });
        }
        events.push(EventKind::RecordGrouping {
            forward: Some(group),
            reverse: Some(group.abo()),
            historical: None,
        });
        events.push(EventKind::Release);
        for kind in events {
            unit = unit.apply(&UnitEvent::new(at, "hub-tech", kind), policy)?;
        }
        out.push(unit);
    }
    Ok(out)
}
