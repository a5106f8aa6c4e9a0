//! When a unit expires: base shelf life, re-dating by modifications, pooling.
//!
//! Conventions (configurable through the [`Policy`]):
//! - Shelf lives in **days** count the day of collection as day 0; the unit expires at the
//!   policy's expiry time of day (23:59 by default) on the last day, in facility-local time
//!   (the policy's UTC offset). **Months** work the same way on calendar months. **Hours** are
//!   exact, counted from the event.
//! - A unit is expired **at** its expiry instant and after it: with an expiry of 23:59, it may be
//!   issued at 23:58:59 and not at 23:59:00.
//! - A modification re-dates: new expiry = min(current expiry, time of modification + the
//!   policy's life after that modification). A modification never extends an expiry.
//! - A pool expires with its earliest constituent, or earlier if the policy limits pools.
//!
//! Source: `research/blood.md` §0 item 2 and §2.

use std::borrow::Cow;
use std::time::Duration;

use chrono::{DateTime, Days, FixedOffset, Months, NaiveDateTime, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::component::{Component, Modification, Product, ShelfLifeKey, Storage};
use crate::error::{RaktError, Result};
use crate::policy::{Policy, RedateRule, ShelfLife};
use crate::reason::{Reason, ReasonCode};

/// A modification that re-dates a unit, with the time it was made.
///
/// ```
/// let json = r#"{"kind": "thawed", "at": "2026-03-01T08:00:00+05:30", "storage": "refrigerated"}"#;
/// let event: rakt::Redating = serde_json::from_str(json)?;
/// assert_eq!(event.modification(), rakt::Modification::Thawed);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Redating {
    /// Irradiated at this time.
    Irradiated {
        /// When.
        at: DateTime<FixedOffset>,
    },
    /// Washed at this time (an open process).
    Washed {
        /// When.
        at: DateTime<FixedOffset>,
    },
    /// The closed system was opened at this time.
    Opened {
        /// When.
        at: DateTime<FixedOffset>,
    },
    /// Thawed at this time, then kept in `storage`.
    Thawed {
        /// When.
        at: DateTime<FixedOffset>,
        /// Storage after thawing: refrigerated or room temperature.
        storage: Storage,
    },
}

impl Redating {
    /// When the modification was made.
    pub fn at(&self) -> DateTime<FixedOffset> {
        match *self {
            Redating::Irradiated { at }
            | Redating::Washed { at }
            | Redating::Opened { at }
            | Redating::Thawed { at, .. } => at,
        }
    }

    /// The modification this event makes.
    pub fn modification(&self) -> Modification {
        match self {
            Redating::Irradiated { .. } => Modification::Irradiated,
            Redating::Washed { .. } => Modification::Washed,
            Redating::Opened { .. } => Modification::Opened,
            Redating::Thawed { .. } => Modification::Thawed,
        }
    }
}

/// A unit's expiry, with the product and collection time it was computed for and the reasons.
///
/// ```
/// use chrono::DateTime;
/// use rakt::{Expiry, Policy, Preservative, Product};
/// let collected = DateTime::parse_from_rfc3339("2026-01-01T10:00:00+05:30")?;
/// let e = Expiry::compute(&Product::red_cells(Preservative::AdditiveSolution), collected, &Policy::india())?;
/// assert_eq!(e.expires_at.to_rfc3339(), "2026-02-12T23:59:00+05:30");
/// let last_second = DateTime::parse_from_rfc3339("2026-02-12T23:58:59+05:30")?;
/// assert!(!e.is_expired(last_second));
/// assert!(e.is_expired(e.expires_at));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expiry {
    /// The product, with the modifications applied so far.
    pub product: Product,
    /// When the (earliest) donation was collected.
    pub collected_at: DateTime<FixedOffset>,
    /// The instant the unit expires (it is expired at this instant).
    pub expires_at: DateTime<FixedOffset>,
    /// How the expiry was reached, step by step.
    pub reasons: Vec<Reason>,
}

impl Expiry {
    /// The base expiry of a product collected at `collected_at`.
    ///
    /// Refused when the policy has no shelf life for the product
    /// ([`RaktError::PolicyValueMissing`]) or when the product already carries a modification
    /// that re-dates (apply it with [`Expiry::redate`] instead, so its time counts).
    pub fn compute(
        product: &Product,
        collected_at: DateTime<FixedOffset>,
        policy: &Policy,
    ) -> Result<Expiry> {
        let (expires_at, key, life) = base(product, collected_at, policy)?;
        let path = format!("shelf_life.{}", key.as_str());
        let reason = Reason::new(ReasonCode::ShelfLife)
            .fact("component", product.component().as_str())
            .fact("shelf_life", life)
            .fact("rule", &path)
            .fact("expires_at", expires_at.to_rfc3339());
        Ok(Expiry {
            product: product.clone(),
            collected_at,
            expires_at,
            reasons: vec![cite(reason, policy, &path)],
        })
    }

    /// Apply a modification: returns the new expiry (never later than this one) and the product
    /// with the modification recorded.
    ///
    /// Refused (and nothing changes) when the event is before collection or at/after expiry,
    /// the modification was already made, the component cannot take it (thawing red cells), the
    /// policy forbids it (UK: irradiation more than 14 days after collection), or the policy has
    /// no rule for it.
    ///
    /// ```
    /// use rakt::{Expiry, Policy, Preservative, Product, Redating};
    /// let t = |s: &str| rakt::parse_timestamp(s);
    /// let policy = Policy::india();
    /// let e = Expiry::compute(&Product::red_cells(Preservative::AdditiveSolution), t("2026-01-01T10:00:00+05:30")?, &policy)?;
    /// let irradiated = e.redate(&Redating::Irradiated { at: t("2026-01-20T09:00:00+05:30")? }, &policy)?;
    /// // min(12 Feb, 20 Jan + 28 days = 17 Feb) → unchanged.
    /// assert_eq!(irradiated.expires_at, e.expires_at);
    /// let washed = irradiated.redate(&Redating::Washed { at: t("2026-01-21T09:30:00+05:30")? }, &policy)?;
    /// assert_eq!(washed.expires_at, t("2026-01-22T09:30:00+05:30")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn redate(&self, event: &Redating, policy: &Policy) -> Result<Expiry> {
        let at = event.at();
        let m = event.modification();
        let component = self.product.component();
        self.check_event_time(at, m)?;
        if self.product.has(m) {
            return Err(RaktError::not_applicable(
                "ALREADY_MODIFIED",
                format!("the unit is already {m}"),
            ));
        }
        let (rule, path) = match *event {
            Redating::Irradiated { .. } => {
                self.check_irradiation_window(at, policy)?;
                let path = format!("redating.irradiated.{component}");
                (policy.redating.irradiated.get(component).copied(), path)
            }
            Redating::Washed { .. } => {
                let path = format!("redating.washed.{component}");
                (policy.redating.washed.get(component).copied(), path)
            }
            Redating::Opened { .. } => {
                let path = format!("redating.opened.{component}");
                (policy.redating.opened.get(component).copied(), path)
            }
            Redating::Thawed { storage, .. } => {
                if !component.is_frozen() {
                    return Err(RaktError::not_applicable(
                        "NOT_FROZEN",
                        format!("{component} is not stored frozen, so it cannot be thawed"),
                    ));
                }
                if storage == Storage::Frozen {
                    return Err(RaktError::input(
                        "storage",
                        "storage after thawing must be refrigerated or room_temperature",
                    ));
                }
                let path = format!("redating.thawed.{component}.{}", storage.as_str());
                let life = policy
                    .redating
                    .thawed
                    .get(component)
                    .and_then(|t| t.get(storage));
                (life.map(RedateRule::Limit), path)
            }
        };
        let rule = rule.ok_or_else(|| {
            policy.missing(
                &path,
                "the sources of this profile give no re-dating rule for this; set it in a policy file",
            )
        })?;
        let (expires_at, reason) = self.apply_rule(rule, m, at, policy, &path)?;
        let expires_at = expires_at.with_timezone(&policy.offset());
        let mut reasons = self.reasons.clone();
        reasons.push(reason);
        Ok(Expiry {
            product: self.product.clone().with_modifications([m]),
            collected_at: self.collected_at,
            expires_at,
            reasons,
        })
    }

    /// The expiry of a pool made at `pooled_at` from units of the same product.
    ///
    /// The pool expires with its earliest constituent, or earlier if the policy limits pools of
    /// this component. It keeps only the modifications every constituent has, plus `pooled`.
    /// Refused for fewer than two units, mixed products, or a constituent collected after or
    /// expired at `pooled_at`.
    pub fn pool(
        constituents: &[Expiry],
        pooled_at: DateTime<FixedOffset>,
        policy: &Policy,
    ) -> Result<Expiry> {
        let [first, rest @ ..] = constituents else {
            return Err(RaktError::input(
                "constituents",
                "a pool needs at least two units",
            ));
        };
        if rest.is_empty() {
            return Err(RaktError::input(
                "constituents",
                "a pool needs at least two units",
            ));
        }
        let base = |p: &Product| (p.component(), p.preservative(), p.platelet_source());
        let mut modifications = first.product.modifications().clone();
        for (i, c) in constituents.iter().enumerate() {
            if base(&c.product) != base(&first.product) {
                return Err(RaktError::input(
                    format!("constituents[{i}]"),
                    format!(
                        "cannot pool {} with {}: all units of a pool must be the same product",
                        c.product.component(),
                        first.product.component()
                    ),
                ));
            }
            c.check_event_time(pooled_at, Modification::Pooled)
                .map_err(|e| match e {
                    RaktError::NotApplicable { code, reason } => RaktError::NotApplicable {
                        code,
                        reason: format!("constituents[{i}]: {reason}"),
                    },
                    other => other,
                })?;
            modifications.retain(|m| c.product.has(*m));
        }
        // Reported in facility time, whatever offset the constituents were given in.
        let earliest = constituents
            .iter()
            .map(|c| c.expires_at)
            .min()
            .unwrap_or(first.expires_at)
            .with_timezone(&policy.offset());
        let collected_at = constituents
            .iter()
            .map(|c| c.collected_at)
            .min()
            .unwrap_or(first.collected_at);
        let component = first.product.component();
        let mut product = Product::new(
            component,
            first.product.preservative(),
            first.product.platelet_source(),
        )?
        .with_modifications(modifications);
        product = product.with_modifications([Modification::Pooled]);
        let pooled_reason = Reason::new(ReasonCode::PoolEarliestConstituent)
            .fact("count", constituents.len())
            .fact("expires_at", earliest.to_rfc3339())
            .cite(
                "21 CFR 610.50(a); JPAC Red Book §6.5: a combination expires no later than its shortest-dated component (research/blood.md §0)",
                crate::Confidence::High,
            );
        let mut pool = Expiry {
            product,
            collected_at,
            expires_at: earliest,
            reasons: vec![pooled_reason],
        };
        if let Some(life) = policy.redating.pooled.get(component) {
            let path = format!("redating.pooled.{component}");
            let (expires_at, reason) = pool.apply_rule(
                RedateRule::Limit(*life),
                Modification::Pooled,
                pooled_at,
                policy,
                &path,
            )?;
            pool.expires_at = expires_at.with_timezone(&policy.offset());
            pool.reasons.push(reason);
        }
        Ok(pool)
    }

    /// Whether the unit is expired at `as_of` (true at the expiry instant itself).
    pub fn is_expired(&self, as_of: DateTime<FixedOffset>) -> bool {
        expired(self.expires_at, as_of)
    }

    /// Whether the unit is not yet expired at `as_of` but will be within `within` (true when it
    /// expires exactly at `as_of + within`).
    ///
    /// ```
    /// use std::time::Duration;
    /// use rakt::{Expiry, Policy, PlateletSource, Product};
    /// let t = |s: &str| rakt::parse_timestamp(s);
    /// let e = Expiry::compute(&Product::platelets(PlateletSource::Apheresis), t("2026-05-01T08:00:00+05:30")?, &Policy::india())?;
    /// assert_eq!(e.expires_at, t("2026-05-04T23:59:00+05:30")?);
    /// let six_hours = Duration::from_secs(6 * 3600);
    /// assert!(e.expires_within(six_hours, t("2026-05-04T17:59:00+05:30")?));
    /// assert!(!e.expires_within(six_hours, t("2026-05-04T17:58:59+05:30")?));
    /// assert!(!e.expires_within(six_hours, e.expires_at)); // already expired
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn expires_within(&self, within: Duration, as_of: DateTime<FixedOffset>) -> bool {
        if self.is_expired(as_of) {
            return false;
        }
        match TimeDelta::from_std(within)
            .ok()
            .and_then(|d| as_of.checked_add_signed(d))
        {
            Some(horizon) => self.expires_at <= horizon,
            // A window too large for the calendar contains every expiry.
            None => true,
        }
    }

    /// Time left before expiry at `as_of` (zero when expired).
    pub fn remaining(&self, as_of: DateTime<FixedOffset>) -> Duration {
        (self.expires_at - as_of).to_std().unwrap_or(Duration::ZERO)
    }

    fn check_event_time(&self, at: DateTime<FixedOffset>, m: Modification) -> Result<()> {
        if at < self.collected_at {
            return Err(RaktError::not_applicable(
                "EVENT_BEFORE_COLLECTION",
                format!(
                    "{m} at {} is before collection at {}",
                    at.to_rfc3339(),
                    self.collected_at.to_rfc3339()
                ),
            ));
        }
        if self.is_expired(at) {
            return Err(RaktError::not_applicable(
                "UNIT_ALREADY_EXPIRED",
                format!(
                    "the unit expired at {}, before {m} at {}",
                    self.expires_at.to_rfc3339(),
                    at.to_rfc3339()
                ),
            ));
        }
        Ok(())
    }

    fn check_irradiation_window(&self, at: DateTime<FixedOffset>, policy: &Policy) -> Result<()> {
        let Some(max_days) = policy.redating.irradiate_within_days_of_collection else {
            return Ok(());
        };
        if !matches!(
            self.product.component(),
            Component::RedCells | Component::WholeBlood
        ) {
            return Ok(());
        }
        let offset = policy.offset();
        let days = (at.with_timezone(&offset).date_naive()
            - self.collected_at.with_timezone(&offset).date_naive())
        .num_days();
        if days > i64::from(max_days) {
            return Err(RaktError::not_applicable(
                "IRRADIATION_TOO_LATE",
                format!(
                    "policy {:?} allows irradiation up to day {max_days} after collection (redating.irradiate_within_days_of_collection); this is day {days}",
                    policy.name
                ),
            ));
        }
        Ok(())
    }

    fn apply_rule(
        &self,
        rule: RedateRule,
        m: Modification,
        at: DateTime<FixedOffset>,
        policy: &Policy,
        path: &str,
    ) -> Result<(DateTime<FixedOffset>, Reason)> {
        let base = |code| {
            Reason::new(code)
                .fact("component", self.product.component().as_str())
                .fact("modification", m.as_str())
                .fact("at", at.with_timezone(&policy.offset()).to_rfc3339())
                .fact("rule", path.to_string())
        };
        let (expires_at, reason) = match rule {
            RedateRule::Unchanged => (
                self.expires_at,
                base(ReasonCode::NoRedating).fact("expires_at", self.expires_at.to_rfc3339()),
            ),
            RedateRule::Limit(life) => {
                let limit = add_life(at, life, policy)?;
                if limit < self.expires_at {
                    (
                        limit,
                        base(ReasonCode::Redated)
                            .fact("shelf_life", life)
                            .fact("expires_at", limit.to_rfc3339()),
                    )
                } else {
                    (
                        self.expires_at,
                        base(ReasonCode::RedatingCannotExtend)
                            .fact("shelf_life", life)
                            .fact("limit", limit.to_rfc3339())
                            .fact("expires_at", self.expires_at.to_rfc3339()),
                    )
                }
            }
        };
        Ok((expires_at, cite(reason, policy, path)))
    }
}

fn cite(reason: Reason, policy: &Policy, path: &str) -> Reason {
    match policy.source(path) {
        Some(src) => reason.cite(&src.citation, src.confidence),
        None => reason,
    }
}

/// `start` plus a shelf life, by the policy's conventions (see the module docs).
///
/// ```
/// use rakt::{add_life, Policy, ShelfLife};
/// let t = |s: &str| rakt::parse_timestamp(s);
/// let india = Policy::india();
/// // Collected late at night UTC, which is already the next day in India: day 0 is the Indian date.
/// let start = t("2026-01-31T20:00:00+00:00")?;
/// assert_eq!(add_life(start, ShelfLife::Days(1), &india)?, t("2026-02-02T23:59:00+05:30")?);
/// assert_eq!(add_life(start, ShelfLife::Months(1), &india)?, t("2026-03-01T23:59:00+05:30")?);
/// assert_eq!(add_life(start, ShelfLife::Hours(6), &india)?, t("2026-02-01T07:30:00+05:30")?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn add_life(
    start: DateTime<FixedOffset>,
    life: ShelfLife,
    policy: &Policy,
) -> Result<DateTime<FixedOffset>> {
    let offset = policy.offset();
    let out_of_range = || {
        RaktError::input(
            "time",
            format!("{start} + {life} is out of range (years 1 to 9999)"),
        )
    };
    if !crate::time::local_date(start, offset).is_some_and(crate::time::in_calendar) {
        return Err(out_of_range());
    }
    let local = start.with_timezone(&offset);
    let end_of_day = |date: chrono::NaiveDate| -> Result<DateTime<FixedOffset>> {
        let naive: NaiveDateTime = date.and_time(policy.expiry_time_of_day.0);
        naive
            .and_local_timezone(offset)
            .single()
            .ok_or_else(out_of_range)
    };
    match life {
        ShelfLife::Days(n) => {
            let date = local
                .date_naive()
                .checked_add_days(Days::new(u64::from(n)))
                .and_then(crate::time::within_calendar)
                .ok_or_else(out_of_range)?;
            end_of_day(date)
        }
        ShelfLife::Months(n) => {
            let date = local
                .date_naive()
                .checked_add_months(Months::new(n))
                .and_then(crate::time::within_calendar)
                .ok_or_else(out_of_range)?;
            end_of_day(date)
        }
        ShelfLife::Hours(n) => local
            .checked_add_signed(TimeDelta::hours(i64::from(n)))
            .and_then(crate::time::time_within_calendar)
            .ok_or_else(out_of_range),
    }
}

/// The base expiry of a product collected at `collected_at`, as [`Expiry::compute`] gives it
/// (refused in the same cases, with the same errors), without the explanation: for deciding
/// many units at once.
///
/// ```
/// use rakt::{Expiry, Policy, Preservative, Product};
/// let t = |s: &str| rakt::parse_timestamp(s);
/// let policy = Policy::india();
/// let red_cells = Product::red_cells(Preservative::AdditiveSolution);
/// let at = t("2026-01-01T10:00:00+05:30")?;
/// let decided = rakt::decide_expiry(&red_cells, at, &policy)?;
/// let explained = Expiry::compute(&red_cells, at, &policy)?;
/// assert_eq!(decided, explained.decision());
/// assert!(decided.is_expired(explained.expires_at));
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn decide_expiry(
    product: &Product,
    collected_at: DateTime<FixedOffset>,
    policy: &Policy,
) -> Result<ExpiryDecision> {
    base(product, collected_at, policy).map(|(expires_at, _, _)| ExpiryDecision {
        expires_at,
        codes: Cow::Borrowed(&[ReasonCode::ShelfLife]),
    })
}

/// What [`Expiry::compute`] decides: the expiry and the codes of its reasons, without their
/// facts and sources.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ExpiryDecision {
    /// The instant the unit expires (it is expired at this instant).
    pub expires_at: DateTime<FixedOffset>,
    /// The reason codes, in the order of [`Expiry::reasons`] (borrowed when they are the
    /// same for every unit, as a base expiry's are).
    pub codes: Cow<'static, [ReasonCode]>,
}

impl ExpiryDecision {
    /// Whether the unit is expired at `as_of` (true at the expiry instant itself), as
    /// [`Expiry::is_expired`].
    pub fn is_expired(&self, as_of: DateTime<FixedOffset>) -> bool {
        expired(self.expires_at, as_of)
    }
}

impl Expiry {
    /// The decision in this expiry: its instant and its reasons' codes.
    pub fn decision(&self) -> ExpiryDecision {
        ExpiryDecision {
            expires_at: self.expires_at,
            codes: Cow::Owned(self.reasons.iter().map(|r| r.code).collect()),
        }
    }
}

/// The rule behind [`Expiry::compute`] and [`decide_expiry`]: the base expiry, with the shelf
/// life that gives it and its key in the policy.
fn base(
    product: &Product,
    collected_at: DateTime<FixedOffset>,
    policy: &Policy,
) -> Result<(DateTime<FixedOffset>, ShelfLifeKey, ShelfLife)> {
    if let Some(m) = product.modifications().iter().find(|m| m.redates()) {
        return Err(RaktError::input(
            "product.modifications",
            format!(
                "the product is already {m}; compute the expiry of the unmodified product and apply {m} with its time (redate or pool)"
            ),
        ));
    }
    let key = product.shelf_life_key();
    let life = policy.shelf_life.get(key).ok_or_else(|| {
        policy.missing(
            &format!("shelf_life.{}", key.as_str()),
            "the sources of this profile give no shelf life for this product; set it in a policy file",
        )
    })?;
    let expires_at = add_life(collected_at, life, policy)?;
    Ok((expires_at, key, life))
}

/// Whether something that expires at `expires_at` is expired at `as_of`: true at the expiry
/// instant itself. The one definition, for [`Expiry::is_expired`] and the inventory's stored
/// units.
pub(crate) fn expired(expires_at: DateTime<FixedOffset>, as_of: DateTime<FixedOffset>) -> bool {
    as_of >= expires_at
}

#[cfg(test)]
mod tests;
