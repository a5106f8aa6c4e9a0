//! New units made from units: a split into aliquots, and a pool of several units.

use chrono::{DateTime, FixedOffset};

use super::*;

const SRC_POOL_GROUPS: &str = "transfusion.com.au: individual plasma units of different blood groups must not be pooled (research/blood.md §1.4)";

impl BloodUnit {
    /// Split this unit into parts of the given volumes (mL), e.g. paediatric aliquots. Returns
    /// the parent (status `processed`) and the children, which keep the parent's product,
    /// expiry, screening, grouping and status and get divisions `A0`, `B0`, … (or `Xa`, `Xb`, …
    /// when the parent is already division `X0`).
    pub fn split(
        &self,
        volumes_ml: &[u32],
        at: DateTime<FixedOffset>,
        actor: &str,
    ) -> Result<(BloodUnit, Vec<BloodUnit>)> {
        check_actor(actor)?;
        let split_into = EventKind::SplitInto {
            children: Vec::new(),
        };
        if self.status.after(&split_into).is_none() {
            return Err(self.refuse(&split_into));
        }
        if volumes_ml.len() < 2 || volumes_ml.len() > 26 {
            return Err(RaktError::input("volumes_ml", "split into 2 to 26 parts"));
        }
        if volumes_ml.contains(&0) {
            return Err(RaktError::input("volumes_ml", "every part must be > 0 mL"));
        }
        let total: u64 = volumes_ml.iter().map(|v| u64::from(*v)).sum();
        if total > u64::from(self.volume_ml) {
            return Err(RaktError::input(
                "volumes_ml",
                format!(
                    "the parts ({total} mL) exceed the unit ({} mL)",
                    self.volume_ml
                ),
            ));
        }
        self.check_time(at, "split")?;
        self.check_usable(at)?;
        let divisions = child_divisions(self.id.division.as_deref(), volumes_ml.len())?;
        let mut children = Vec::with_capacity(volumes_ml.len());
        for (division, volume) in divisions.into_iter().zip(volumes_ml) {
            let mut child = self.clone();
            child.id = UnitId {
                din: self.id.din.clone(),
                division: Some(division),
            };
            child.volume_ml = *volume;
            child.parents = vec![self.id.clone()];
            child.history = vec![UnitEvent {
                at,
                actor: actor.to_string(),
                kind: EventKind::SplitFrom {
                    parent: self.id.clone(),
                },
                reasons: Vec::new(),
            }];
            children.push(child);
        }
        let mut parent = self.clone();
        parent.status = UnitStatus::Processed;
        parent.history.push(UnitEvent {
            at,
            actor: actor.to_string(),
            kind: EventKind::SplitInto {
                children: children.iter().map(|c| c.id.clone()).collect(),
            },
            reasons: Vec::new(),
        });
        Ok((parent, children))
    }

    /// Pool two or more distinct released units of the same product and blood group (platelets,
    /// cryoprecipitate or plasma) into a new unit `pool_din`, expiring with the earliest
    /// constituent (or earlier if the policy limits pools). Returns the constituents (status
    /// `processed`) and the pool (status `released`).
    pub fn pool(
        units: &[BloodUnit],
        pool_din: &str,
        at: DateTime<FixedOffset>,
        actor: &str,
        policy: &Policy,
    ) -> Result<(Vec<BloodUnit>, BloodUnit)> {
        check_actor(actor)?;
        let id = UnitId::new(pool_din, None)?;
        let [first, _, ..] = units else {
            return Err(RaktError::input("units", "a pool needs at least two units"));
        };
        if !matches!(
            first.product().component(),
            Component::Platelets
                | Component::Cryoprecipitate
                | Component::FreshFrozenPlasma
                | Component::Plasma
        ) {
            return Err(RaktError::not_applicable(
                "NOT_POOLABLE",
                format!(
                    "{} is not pooled for transfusion (platelets, cryoprecipitate and plasma are)",
                    first.product().component()
                ),
            ));
        }
        for (i, u) in units.iter().enumerate() {
            if units.iter().take(i).any(|earlier| earlier.id == u.id) {
                return Err(RaktError::input(
                    format!("units[{i}]"),
                    format!("unit {} is listed twice", u.id),
                ));
            }
            if u.status
                .after(&EventKind::PooledInto { pool: id.clone() })
                .is_none()
            {
                return Err(RaktError::not_applicable(
                    "INVALID_TRANSITION",
                    format!(
                        "units[{i}] ({}) is {}: only released units are pooled",
                        u.id, u.status
                    ),
                ));
            }
            if u.group.basic() != first.group.basic() {
                return Err(RaktError::input(
                    format!("units[{i}]"),
                    format!(
                        "cannot pool {} with {}: units of different blood groups are not pooled ({SRC_POOL_GROUPS})",
                        u.group, first.group
                    ),
                ));
            }
            u.check_time(at, "pooling").map_err(|e| match e {
                RaktError::NotApplicable { code, reason } => RaktError::NotApplicable {
                    code,
                    reason: format!("units[{i}]: {reason}"),
                },
                other => other,
            })?;
        }
        let expiries: Vec<Expiry> = units.iter().map(|u| u.expiry.clone()).collect();
        let expiry = Expiry::pool(&expiries, at, policy)?;
        let volume: u64 = units.iter().map(|u| u64::from(u.volume_ml)).sum();
        let volume_ml = u32::try_from(volume)
            .map_err(|_| RaktError::input("units", "the pool's volume is too large"))?;
        let mut screening = Screening::new(false);
        for (marker, result) in first.screening.results() {
            if units.iter().all(|u| u.screening.result(*marker) == *result) {
                screening = screening.record(*marker, *result)?;
            }
        }
        let constituents: Vec<UnitId> = units.iter().map(|u| u.id.clone()).collect();
        let pool = BloodUnit {
            id: id.clone(),
            donor_id: None,
            group: first.group.basic(),
            volume_ml,
            donation_type: first.donation_type,
            expiry: expiry.clone(),
            status: UnitStatus::Released,
            reservation: None,
            discard_reason: None,
            screening,
            grouping: first.grouping,
            parents: constituents.clone(),
            history: vec![UnitEvent {
                at,
                actor: actor.to_string(),
                kind: EventKind::PooledFrom { constituents },
                reasons: expiry.reasons.clone(),
            }],
        };
        let processed = units
            .iter()
            .map(|u| {
                let mut done = u.clone();
                done.status = UnitStatus::Processed;
                done.history.push(UnitEvent {
                    at,
                    actor: actor.to_string(),
                    kind: EventKind::PooledInto { pool: id.clone() },
                    reasons: Vec::new(),
                });
                done
            })
            .collect();
        Ok((processed, pool))
    }
}

fn child_divisions(parent: Option<&str>, n: usize) -> Result<Vec<String>> {
    let letters = ('A'..='Z').take(n);
    match parent {
        None => Ok(letters.map(|c| format!("{c}0")).collect()),
        Some(d) => {
            let mut chars = d.chars();
            match (chars.next(), chars.next()) {
                (Some(first), Some('0')) => {
                    Ok(('a'..='z').take(n).map(|c| format!("{first}{c}")).collect())
                }
                _ => Err(RaktError::not_applicable(
                    "SPLIT_TOO_DEEP",
                    format!("division {d} is already a second-level division"),
                )),
            }
        }
    }
}
