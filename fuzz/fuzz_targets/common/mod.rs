//! Generators shared by the stateful and arithmetic targets: times (up to chrono's limits),
//! dates, decimals (up to `Decimal::MAX`), blood groups and products, all from `arbitrary`
//! bytes. Each target uses some of them.
#![allow(dead_code)]

use chrono::{DateTime, Days, FixedOffset, NaiveDate, Offset as _, TimeDelta, Utc};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use rakt::{
    ASubgroup, Abo, BloodGroup, Component, Modification, PlateletSource, Preservative, Product, RhD,
};
use rust_decimal::Decimal;

/// 2026-11-01T00:00+05:30, the time the runs start from.
pub fn base_time() -> DateTime<FixedOffset> {
    DateTime::from_timestamp(1_761_935_400, 0)
        .unwrap_or_default()
        .fixed_offset()
}

/// A UTC offset: the usual ones, the extremes chrono allows, any whole number of minutes, or
/// any number of seconds (which rakt refuses: RFC 3339 cannot write them; a finding of
/// 2026-12-07, `crates/rakt/tests/fuzz_findings.rs`).
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Offset {
    India,
    Utc,
    West,
    East,
    Minutes(i16),
    Seconds(i32),
}

impl Offset {
    pub fn get(self) -> FixedOffset {
        let secs = match self {
            Offset::India => 19_800,
            Offset::Utc => 0,
            Offset::West => -86_340,
            Offset::East => 86_340,
            Offset::Minutes(m) => i32::from(m % 1_440) * 60,
            Offset::Seconds(s) => s % 86_400,
        };
        FixedOffset::east_opt(secs).unwrap_or(Utc.fix())
    }
}

/// A time: mostly a little after the previous one (so that a unit's events are in order), else
/// anywhere chrono can represent, including its first and last instants.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Time {
    /// Minutes after the clock.
    Later(u16),
    /// The clock itself.
    Now,
    /// Minutes either side of the base time.
    Around(i32),
    /// Seconds since the Unix epoch.
    Epoch(i64),
    /// Seconds before chrono's last instant.
    NearMax(u32),
    /// Seconds after chrono's first instant.
    NearMin(u32),
}

/// A time and the offset it is written with.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct Stamp {
    pub time: Time,
    pub offset: Offset,
}

/// The time operations move on from: `Later` advances it, every other kind leaves it.
pub struct Clock(pub DateTime<FixedOffset>);

impl Default for Clock {
    fn default() -> Clock {
        Clock(base_time())
    }
}

impl Stamp {
    pub fn at(self, clock: &mut Clock) -> DateTime<FixedOffset> {
        let utc: DateTime<Utc> = match self.time {
            Time::Later(m) => {
                let t = clock
                    .0
                    .checked_add_signed(TimeDelta::minutes(i64::from(m)))
                    .unwrap_or(clock.0);
                clock.0 = t;
                t.to_utc()
            }
            Time::Now => clock.0.to_utc(),
            Time::Around(m) => base_time()
                .checked_add_signed(TimeDelta::minutes(i64::from(m)))
                .unwrap_or(base_time())
                .to_utc(),
            Time::Epoch(s) => DateTime::from_timestamp(s, 0).unwrap_or(base_time().to_utc()),
            Time::NearMax(s) => DateTime::<Utc>::MAX_UTC
                .checked_sub_signed(TimeDelta::seconds(i64::from(s)))
                .unwrap_or(DateTime::<Utc>::MAX_UTC),
            Time::NearMin(s) => DateTime::<Utc>::MIN_UTC
                .checked_add_signed(TimeDelta::seconds(i64::from(s)))
                .unwrap_or(DateTime::<Utc>::MIN_UTC),
        };
        // A time whose local reading is outside chrono's calendar (its first or last instant
        // read with an offset that goes past the edge) is kept: rakt must refuse it (a finding
        // of 2026-12-07, `crates/rakt/tests/fuzz_findings.rs`).
        utc.with_timezone(&self.offset.get())
    }

    /// The time, without a clock (for targets with no sequence of operations).
    pub fn alone(self) -> DateTime<FixedOffset> {
        self.at(&mut Clock::default())
    }
}

/// A calendar day: near 2026-11-23, anywhere, or at chrono's limits.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Day {
    Around(i16),
    Anywhere(i32),
    First,
    Last,
}

impl Day {
    pub fn get(self) -> NaiveDate {
        let base = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        match self {
            Day::Around(d) if d >= 0 => base.checked_add_days(Days::new(d.unsigned_abs().into())),
            Day::Around(d) => base.checked_sub_days(Days::new(d.unsigned_abs().into())),
            Day::Anywhere(n) => NaiveDate::from_num_days_from_ce_opt(n),
            Day::First => Some(NaiveDate::MIN),
            Day::Last => Some(NaiveDate::MAX),
        }
        .unwrap_or(base)
    }
}

/// A decimal: small (a mantissa and a scale), any 96-bit mantissa with any scale, or a limit.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Dec {
    Small {
        mantissa: i32,
        scale: u8,
    },
    Raw {
        lo: u32,
        mid: u32,
        hi: u32,
        negative: bool,
        scale: u8,
    },
    Max,
    Min,
    Zero,
    Hundred,
}

impl Dec {
    pub fn get(self) -> Decimal {
        match self {
            Dec::Small { mantissa, scale } => {
                Decimal::try_new(i64::from(mantissa), u32::from(scale % 29)).unwrap_or_default()
            }
            Dec::Raw {
                lo,
                mid,
                hi,
                negative,
                scale,
            } => Decimal::from_parts(lo, mid, hi, negative, u32::from(scale % 29)),
            Dec::Max => Decimal::MAX,
            Dec::Min => Decimal::MIN,
            Dec::Zero => Decimal::ZERO,
            Dec::Hundred => Decimal::ONE_HUNDRED,
        }
    }
}

/// Any blood group rakt can hold: ABO or Bombay, RhD or unknown, A subgroup, weak D.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct Group {
    abo: u8,
    rhd: Option<bool>,
    a2: Option<bool>,
    weak_d: bool,
}

impl Group {
    pub fn get(self) -> BloodGroup {
        let abo = pick(&Abo::ALL, self.abo);
        let mut g = match self.rhd {
            Some(true) => BloodGroup::new(abo, RhD::Positive),
            Some(false) => BloodGroup::new(abo, RhD::Negative),
            None => BloodGroup::rhd_unknown(abo),
        };
        if let Some(a2) = self.a2 {
            let sub = if a2 { ASubgroup::A2 } else { ASubgroup::A1 };
            g = g.with_a_subgroup(sub).unwrap_or(g);
        }
        g.with_weak_d(self.weak_d)
    }
}

pub const PRESERVATIVES: [Preservative; 3] = [
    Preservative::Cpd,
    Preservative::Cpda1,
    Preservative::AdditiveSolution,
];
pub const PLATELET_SOURCES: [PlateletSource; 2] =
    [PlateletSource::RandomDonor, PlateletSource::Apheresis];
pub const MODIFICATIONS: [Modification; 8] = [
    Modification::Irradiated,
    Modification::Leucoreduced,
    Modification::Washed,
    Modification::CmvNegative,
    Modification::PathogenReduced,
    Modification::Pooled,
    Modification::Opened,
    Modification::Thawed,
];

/// A product: any component, preservative and platelet source (valid or not) and any set of
/// modifications (one bit each).
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct ProductSpec {
    component: u8,
    preservative: Option<u8>,
    platelet_source: Option<u8>,
    modifications: u8,
}

impl ProductSpec {
    pub fn get(self) -> rakt::Result<Product> {
        let product = Product::new(
            pick(&Component::ALL, self.component),
            self.preservative.map(|p| pick(&PRESERVATIVES, p)),
            self.platelet_source.map(|s| pick(&PLATELET_SOURCES, s)),
        )?;
        Ok(product.with_modifications(bits(&MODIFICATIONS, self.modifications)))
    }
}

/// Every product `Product::new` accepts, without modifications.
pub fn every_product() -> Vec<Product> {
    let mut out = Vec::new();
    for c in Component::ALL {
        for p in PRESERVATIVES.iter().copied().map(Some).chain([None]) {
            for s in PLATELET_SOURCES.iter().copied().map(Some).chain([None]) {
                if let Ok(product) = Product::new(c, p, s) {
                    out.push(product);
                }
            }
        }
    }
    out
}

/// One element of a non-empty list, chosen by a byte.
pub fn pick<T: Copy>(items: &[T], i: u8) -> T {
    items[usize::from(i) % items.len()]
}

/// The elements whose bit is set.
pub fn bits<T: Copy>(items: &[T], mask: u8) -> Vec<T> {
    items
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < 8 && mask & (1 << i) != 0)
        .map(|(_, m)| *m)
        .collect()
}
