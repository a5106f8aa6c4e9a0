//! Test fixtures shared by several integration tests.
#![allow(dead_code, clippy::unwrap_used)]

pub mod events;
pub mod stock;

use chrono::{DateTime, Duration, FixedOffset};
use rakt::unit::{BloodUnit, Collection, DonationType, EventKind, UnitEvent};
use rakt::{BloodGroup, Policy, Product, TestResult};

/// A unit of `product` collected at `at` and released two hours later under the india policy
/// (every mandatory marker non-reactive, grouping confirmed).
pub fn released(din: &str, group: &str, at: DateTime<FixedOffset>, product: Product) -> BloodUnit {
    let policy = Policy::india();
    let mut u = BloodUnit::collect(
        Collection {
            din: din.into(),
            division: None,
            product,
            group: BloodGroup::parse(group).unwrap(),
            volume_ml: 280,
            donation_type: DonationType::Voluntary,
            donor_id: None,
            first_donation: false,
            collected_at: at,
        },
        "tech",
        &policy,
    )
    .unwrap();
    let later = at + Duration::hours(2);
    let mut kinds = vec![EventKind::Quarantine];
    for m in &policy.screening.mandatory_markers {
        kinds.push(EventKind::RecordTest {
            marker: *m,
            result: TestResult::NonReactive,
        });
    }
    let grp = u.group();
    kinds.push(EventKind::RecordGrouping {
        forward: Some(grp),
        reverse: Some(grp.abo()),
        historical: None,
    });
    kinds.push(EventKind::Release);
    for k in kinds {
        u = u.apply(&UnitEvent::new(later, "tech", k), &policy).unwrap();
    }
    u
}
