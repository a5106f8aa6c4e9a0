//! Expiry: shelf life from collection, re-dating by modifications, pooling.

use std::sync::Arc;

use crate::components::{Product, Storage};
use crate::error::Result;
use crate::policy::{Policy, resolve};
use crate::reasons::{Reason, reasons_from_core, reasons_to_core};
use crate::time::{Span, Timestamp};

/// A unit's expiry: the product (with the modifications applied so far), when it was
/// collected, the instant it expires (in the facility's UTC offset; it is expired at this
/// instant) and how that was reached. Pass it back unchanged to `redate`, `poolExpiry`,
/// `isExpired` and `expiresWithin`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Expiry {
    /// The product, with the modifications applied so far.
    pub product: Product,
    /// When the (earliest) donation was collected.
    pub collected_at: Timestamp,
    /// The instant the unit expires (expired at this instant and after).
    pub expires_at: Timestamp,
    /// How the expiry was reached, step by step.
    pub reasons: Vec<Reason>,
}

impl Expiry {
    /// The core value; `field` names this expiry in a refusal.
    pub(crate) fn to_core(&self, field: &str) -> Result<rakt::Expiry> {
        Ok(rakt::Expiry {
            product: self.product.to_core()?,
            collected_at: self.collected_at.parse(&format!("{field}.collected_at"))?,
            expires_at: self.expires_at.parse(&format!("{field}.expires_at"))?,
            reasons: reasons_to_core(&self.reasons, &format!("{field}.reasons"))?,
        })
    }
}

impl From<rakt::Expiry> for Expiry {
    fn from(e: rakt::Expiry) -> Self {
        Expiry {
            product: Product::from(&e.product),
            collected_at: e.collected_at.into(),
            expires_at: e.expires_at.into(),
            reasons: reasons_from_core(&e.reasons),
        }
    }
}

/// A modification that re-dates a unit, with the time it was made: a sealed class in Kotlin.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Redating {
    /// Irradiated at this time.
    Irradiated {
        /// When.
        at: Timestamp,
    },
    /// Washed at this time (an open process).
    Washed {
        /// When.
        at: Timestamp,
    },
    /// The closed system was opened at this time.
    Opened {
        /// When.
        at: Timestamp,
    },
    /// Thawed at this time, then kept in `storage` (refrigerated or room temperature).
    Thawed {
        /// When.
        at: Timestamp,
        /// Storage after thawing.
        storage: Storage,
    },
}

impl Redating {
    fn to_core(&self) -> Result<rakt::Redating> {
        const FIELD: &str = "event.at";
        Ok(match self {
            Redating::Irradiated { at } => rakt::Redating::Irradiated {
                at: at.parse(FIELD)?,
            },
            Redating::Washed { at } => rakt::Redating::Washed {
                at: at.parse(FIELD)?,
            },
            Redating::Opened { at } => rakt::Redating::Opened {
                at: at.parse(FIELD)?,
            },
            Redating::Thawed { at, storage } => rakt::Redating::Thawed {
                at: at.parse(FIELD)?,
                storage: (*storage).into(),
            },
        })
    }
}

/// The base expiry of `product` collected at `collectedAt`, under `policy` (`null`: the
/// `india` profile). Refused when the product is invalid (`InvalidInput`), already carries a
/// modification that re-dates (apply it with `redate`), or the policy has no shelf life for it
/// (`PolicyValueMissing`).
#[uniffi::export(default(policy = None))]
pub fn compute_expiry(
    product: Product,
    collected_at: Timestamp,
    policy: Option<Arc<Policy>>,
) -> Result<Expiry> {
    compute_expiry_one(&product, &collected_at, resolve(&policy))
}

/// One base expiry: the code path of both `compute_expiry` and `compute_expiries`.
pub(crate) fn compute_expiry_one(
    product: &Product,
    collected_at: &Timestamp,
    policy: &rakt::Policy,
) -> Result<Expiry> {
    let product = product.to_core()?;
    let collected_at = collected_at.parse("collected_at")?;
    Ok(rakt::Expiry::compute(&product, collected_at, policy)?.into())
}

/// The base expiry of `product` collected at `collectedAt` under `policy` (`null`: `india`)
/// without explaining it: the same instant and reason codes as `computeExpiry`, and the same
/// exceptions, without the reasons' facts and sources.
#[uniffi::export(default(policy = None))]
pub fn decide_expiry(
    product: Product,
    collected_at: Timestamp,
    policy: Option<Arc<Policy>>,
) -> Result<ExpiryDecision> {
    decide_expiry_one(&product, &collected_at, resolve(&policy))
}

/// One base expiry decided: the code path of both `decide_expiry` and `decide_expiries`.
pub(crate) fn decide_expiry_one(
    product: &Product,
    collected_at: &Timestamp,
    policy: &rakt::Policy,
) -> Result<ExpiryDecision> {
    let product = product.to_core()?;
    let collected_at = collected_at.parse("collected_at")?;
    Ok(rakt::decide_expiry(&product, collected_at, policy)?.into())
}

/// What `computeExpiry` decides: the instant and the reasons' codes, without their facts and
/// sources (`decideExpiry`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ExpiryDecision {
    /// The instant the unit expires (expired at this instant and after).
    pub expires_at: Timestamp,
    /// The reason codes, in the order of `Expiry.reasons`.
    pub codes: Vec<String>,
}

impl From<rakt::ExpiryDecision> for ExpiryDecision {
    fn from(d: rakt::ExpiryDecision) -> Self {
        ExpiryDecision {
            expires_at: d.expires_at.into(),
            codes: d.codes.iter().map(|c| c.as_str().to_string()).collect(),
        }
    }
}

#[uniffi::export]
impl ExpiryDecision {
    /// Whether the unit is expired at `asOf` (true at the expiry instant itself).
    pub fn is_expired(&self, as_of: Timestamp) -> Result<bool> {
        let decision = rakt::ExpiryDecision {
            expires_at: self.expires_at.parse("expires_at")?,
            codes: std::borrow::Cow::Borrowed(&[]),
        };
        Ok(decision.is_expired(as_of.parse("as_of")?))
    }
}

#[uniffi::export]
impl Expiry {
    /// This expiry without its explanation: what `decideExpiry` gives for the same product,
    /// time and policy (each field copied from this expiry).
    pub fn decision(&self) -> ExpiryDecision {
        ExpiryDecision {
            expires_at: self.expires_at.clone(),
            codes: self.reasons.iter().map(|r| r.code.clone()).collect(),
        }
    }
}

/// Apply a modification made at a given time: the new expiry (never later than the old one)
/// with the modification recorded on the product. Refused (`NotApplicable`, `InvalidInput`,
/// `PolicyValueMissing`) as the core decides: event before collection or after expiry, already
/// modified, thawing a component that is not frozen, and so on.
#[uniffi::export(default(policy = None))]
pub fn redate(expiry: Expiry, event: Redating, policy: Option<Arc<Policy>>) -> Result<Expiry> {
    let expiry = expiry.to_core("expiry")?;
    let event = event.to_core()?;
    Ok(expiry.redate(&event, resolve(&policy))?.into())
}

/// The expiry of a pool made at `pooledAt` from `units` of the same product: the earliest
/// constituent's expiry, or earlier if the policy limits pools.
#[uniffi::export(default(policy = None))]
pub fn pool_expiry(
    units: Vec<Expiry>,
    pooled_at: Timestamp,
    policy: Option<Arc<Policy>>,
) -> Result<Expiry> {
    let units = units
        .iter()
        .enumerate()
        .map(|(i, u)| u.to_core(&format!("units[{i}]")))
        .collect::<Result<Vec<_>>>()?;
    let pooled_at = pooled_at.parse("pooled_at")?;
    Ok(rakt::Expiry::pool(&units, pooled_at, resolve(&policy))?.into())
}

/// Whether the unit is expired at `asOf` (true at the expiry instant itself).
#[uniffi::export]
pub fn is_expired(expiry: Expiry, as_of: Timestamp) -> Result<bool> {
    let expiry = expiry.to_core("expiry")?;
    Ok(expiry.is_expired(as_of.parse("as_of")?))
}

/// Whether the unit is not yet expired at `asOf` but will be within `within` (true when it
/// expires exactly at `asOf + within`).
#[uniffi::export]
pub fn expires_within(expiry: Expiry, within: Span, as_of: Timestamp) -> Result<bool> {
    let expiry = expiry.to_core("expiry")?;
    Ok(expiry.expires_within(within.parse("within")?, as_of.parse("as_of")?))
}
