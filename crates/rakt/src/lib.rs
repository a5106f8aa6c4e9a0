//! # rakt — blood-bank and maternal-health rules
//!
//! rakt (रक्त, "blood") is one correct, explainable implementation of the rules Indian blood
//! centres and maternity services apply every day, for the software around e-RaktKosh and HMIS:
//! hospital systems, state dashboards, analysts' notebooks and field apps. It is used from Rust,
//! from Python (`import rakt`) and from Kotlin (`org.rakt`), with the same answers in all three.
//!
//! Intended use: clinical decision support that explains and cites. Every verdict says why,
//! with its source; the responsible clinician or blood-centre officer decides.
//!
//! The modules:
//! - [`blood_group`] ([`BloodGroup`]): ABO/RhD, Bombay (Oh), A subgroups, weak D; lenient
//!   parsing of real records.
//! - [`mod@compatibility`] ([`compatibility()`], [`donor_preference`]): per-component
//!   donor/recipient rules (red cells, whole blood, plasma family, platelets, granulocytes),
//!   RhD protection, emergency release.
//! - [`component`] ([`Product`]): components, preservatives, modifications and storage.
//! - [`expiry`] ([`Expiry`]): shelf life by product and policy, re-dating by irradiation,
//!   washing, opening and thawing, pooling, and the minute of expiry.
//! - [`policy`] ([`Policy`]): every clinical number with its source and confidence; `india`
//!   (default), `us` and `uk` profiles; JSON/TOML files with `extends` and validated overrides.
//! - [`mod@unit`] ([`BloodUnit`]): a unit's lifecycle from collection to transfusion, driven by
//!   events that are refused (leaving the unit as it was) when not allowed; HL7 v2 status codes;
//!   split and pool; what a reactive screening result sets off ([`handle_reactive`]).
//! - [`screening`]: TTI markers, repeat in duplicate, grouping confirmation and the release
//!   verdict that says exactly what is missing.
//! - [`donor`] ([`assess_donor`]): donor eligibility with every failed criterion, cited, and
//!   the next day the donor may give.
//! - [`inventory`] ([`Inventory`]): stock that never issues the wrong unit: first-expiry-first-out
//!   allocation by the preference tiers of each group, reservations, crossmatch, issue, emergency
//!   release, returns, transfers with their cold chain, days of stock and shortfall reasons.
//! - [`maternal`]: gestational age and birth outcomes, high-risk pregnancy flags, referral to the
//!   level of care, blood readiness for delivery, obstetric early-warning charts, Robson groups.
//! - [`hmis`]: the HMIS monthly facility report, counted from delivery and outcome records.
//! - [`isbt128`]: ISBT 128 labels: the Donation Identification Number and its check character,
//!   blood groups (Tables 4–6), product codes with a user-supplied product table, dates, every
//!   data structure of ST-001 Table 2, compound messages from 2-D symbols, and whole labels to a
//!   [`BloodUnit`] and back.
//! - [`eraktkosh`]: the component and blood-group codes of e-RaktKosh, the national blood bank
//!   management system, mapped to rakt products and groups both ways, and a stock summary in the
//!   shape of its availability search (`B+Ve : 74, O-Ve : 4`).
//! - [`fhir`]: a unit as an HL7 FHIR R5 `BiologicallyDerivedProduct` (JSON) and back, with
//!   ISBT 128 codes where the unit has them.
//! - [`kpi`]: blood-bank KPIs over a period per facility and component (crossmatch-to-transfusion
//!   ratio, transfusion probability and index, discard rate by reason, WAPI, outdate rate), each
//!   with its inputs, the policy's cited target and whether it is met.
//! - [`tariff`]: processing charges: the NBTC ceilings per component and sector, a centre's
//!   tariff, and bills to the paisa with exemptions.
//! - [`reason`] ([`Reason`]): every verdict explains itself with stable codes and messages in
//!   English and Hindi.
//! - [`error`] ([`RaktError`]), [`time`] ([`parse_timestamp`]) and [`text`]: the one error type,
//!   timestamps with their UTC offsets, and the checks on free text rakt records.
//!
//! Cargo features, all on by default: `isbt128`, `fhir` (needs `isbt128`), `tariff`, `kpi` and
//! `hmis`. Without them the crate keeps the blood-bank rules, units, the inventory and the
//! maternal rules (`default-features = false`).
//!
//! rakt's own API takes and returns [`chrono`] times and [`rust_decimal`] decimals; both crates
//! are re-exported (`rakt::chrono`, `rakt::rust_decimal`), so a project needs no dependency of
//! its own on them and always gets the versions rakt was built with.
//!
//! Principles: no function reads the clock (time is an argument), measurements are decimals,
//! bad input is a typed [`RaktError`] and never a panic.
//!
//! ```
//! use rakt::{compatibility, donor_preference, BloodGroup, Component, Lang, Policy, Recipient};
//!
//! let policy = Policy::india();
//! // A 28-year-old woman, group O RhD-negative, needs red cells.
//! let patient = Recipient::new(BloodGroup::parse("O neg")?).female(28);
//! let choices = donor_preference(Component::RedCells, &patient, &policy);
//! let names: Vec<String> = choices.iter().map(|c| c.group.to_string()).collect();
//! assert_eq!(names, ["O-", "Oh-"]);
//!
//! // Why not O+?
//! let v = compatibility(Component::RedCells, &BloodGroup::parse("O+")?, &patient, &policy);
//! assert!(!v.compatible);
//! assert_eq!(v.reasons[0].code.as_str(), "RHD_NEGATIVE_REQUIRED");
//! println!("{}", v.reasons[0].message(Lang::Hi));
//! # Ok::<(), rakt::RaktError>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod decimal;
mod macros;

pub mod blood_group;
pub mod compatibility;
pub mod component;
pub mod donor;
pub mod eraktkosh;
pub mod error;
pub mod expiry;
#[cfg(feature = "fhir")]
pub mod fhir;
#[cfg(feature = "hmis")]
pub mod hmis;
pub mod inventory;
#[cfg(feature = "isbt128")]
pub mod isbt128;
#[cfg(feature = "kpi")]
pub mod kpi;
pub mod maternal;
mod plausible;
pub mod policy;
pub mod reason;
pub mod screening;
#[cfg(feature = "tariff")]
pub mod tariff;
pub mod text;
pub mod time;
pub mod unit;
mod vocab;

pub use blood_group::{ASubgroup, Abo, BloodGroup, RhD};
pub use compatibility::{
    Compatibility, CompatibilityDecision, DonorOption, Rank, Recipient, Sex, compatibility,
    decide_compatibility, donor_preference,
};
pub use component::{
    CompatibilityClass, Component, Modification, PlateletSource, Preservative, Product,
    ShelfLifeKey, Storage,
};
pub use error::{RaktError, Result};
pub use expiry::{Expiry, ExpiryDecision, Redating, add_life, decide_expiry};
pub use inventory::{Allocation, AllocationRequest, Inventory};
pub use policy::{
    Citation, Confidence, DeferralRule, Limits, Period, Policy, RedateRule, ShelfLife, Source,
    TemperatureRange,
};
pub use reason::{Fact, Facts, Lang, Reason, ReasonCode, ReasonCodes, Severity};
pub use time::parse_timestamp;

pub use donor::{
    Condition, DeferralEvent, DeferralKind, DonationKind, Donor, DonorAssessment, DonorChecks,
    DonorDecision, DonorState, PreviousDonation, assess_donor, decide_donor,
};
pub use screening::{Grouping, ReleaseVerdict, Screening, TestResult, TtiMarker, release_verdict};
pub use unit::{
    BloodUnit, Collection, DiscardReason, DonationType, EventKind, ReactiveOutcome, UnitEvent,
    UnitId, UnitStatus, handle_reactive,
};

#[cfg(feature = "kpi")]
pub use kpi::{Kpi, KpiCode, KpiPeriod, KpiReport, kpis};

/// The date and time crate of rakt's API, re-exported so that callers use the same version.
pub use chrono;
/// The decimal crate of rakt's API (measurements and money), re-exported so that callers use
/// the same version.
pub use rust_decimal;

/// The Rust examples of the project README, compiled and run as doctests so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
