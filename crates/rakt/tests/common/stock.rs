//! A facility's stock for the inventory tests: days of November 2026, released red cell units,
//! an inventory under the india policy, and the names of what an allocation chose.

use chrono::{DateTime, FixedOffset};
use rakt::inventory::Inventory;
use rakt::unit::{BloodUnit, UnitId};
use rakt::{Allocation, BloodGroup, Policy, Preservative, Product, Recipient};

/// A timestamp in RFC 3339.
pub fn t(s: &str) -> DateTime<FixedOffset> {
    rakt::parse_timestamp(s).unwrap()
}

/// A blood group in any spelling rakt reads.
pub fn g(s: &str) -> BloodGroup {
    BloodGroup::parse(s).unwrap()
}

/// Day `d` of November 2026, 09:00 IST.
pub fn day(d: u32) -> DateTime<FixedOffset> {
    t(&format!("2026-11-{d:02}T09:00:00+05:30"))
}

/// Red cells in additive solution (SAGM).
pub fn sagm() -> Product {
    Product::red_cells(Preservative::AdditiveSolution)
}

/// A released SAGM red cell unit collected on day `d` (released two hours later); it expires 42
/// days after collection at 23:59 IST (day 1: 2026-12-13T23:59+05:30).
pub fn rc(din: &str, group: &str, d: u32) -> BloodUnit {
    super::released(din, group, day(d), sagm())
}

/// An inventory of `units` under the india policy.
pub fn inventory(units: Vec<BloodUnit>) -> Inventory {
    let mut inv = Inventory::new("FRU-1", Policy::india());
    for u in units {
        inv.add(u).unwrap();
    }
    inv
}

/// The id of an undivided unit.
pub fn id(din: &str) -> UnitId {
    UnitId::new(din, None).unwrap()
}

/// The DINs an allocation chose, in order.
pub fn dins(a: &Allocation) -> Vec<String> {
    a.units.iter().map(|u| u.id.din.clone()).collect()
}

/// A man of 40.
pub fn man(group: &str) -> Recipient {
    Recipient::new(g(group)).male(40)
}
