//! Blood groups: ABO (with Bombay), RhD, A subgroups, weak D.

use std::fmt;

use crate::error::{RaktException, Result};
use crate::macros::mirror_enum;

mirror_enum! {
    /// The ABO group, with the Bombay phenotype (Oh) as a fifth value.
    pub enum Abo => rakt::Abo {
        /// Group O.
        O,
        /// Group A.
        A,
        /// Group B.
        B,
        /// Group AB.
        AB,
        /// Bombay phenotype (Oh).
        Oh,
    }
}

mirror_enum! {
    /// The RhD type.
    pub enum RhD => rakt::RhD {
        /// RhD positive.
        Positive,
        /// RhD negative.
        Negative,
    }
}

mirror_enum! {
    /// An A subgroup, recorded for groups A and AB only.
    pub enum ASubgroup => rakt::ASubgroup {
        /// A1 (A1 or A1B).
        A1,
        /// A2 (A2 or A2B).
        A2,
    }
}

/// A blood group: ABO (or Bombay), RhD when known (`null` = not determined), and the optional
/// phenotype details (A subgroup, weak D). `toString()` is the canonical basic group (`O+`,
/// `AB-`, `Oh`); `notation()` the full one (`A2B+`, `O+ weak D`).
///
/// A value built in Kotlin is checked by the core when it is used: an A subgroup on a group
/// other than A or AB is refused with `RaktException.InvalidBloodGroup`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
#[uniffi::export(Display, Eq, Hash)]
pub struct BloodGroup {
    /// The ABO group (or Bombay).
    pub abo: Abo,
    /// The RhD type; `null` when not determined.
    pub rhd: Option<RhD>,
    /// The A subgroup (groups A and AB only).
    #[uniffi(default = None)]
    pub a_subgroup: Option<ASubgroup>,
    /// Whether a serological weak D was recorded.
    #[uniffi(default = false)]
    pub weak_d: bool,
}

impl BloodGroup {
    /// The basic group (ABO and RhD), which is always valid.
    fn core_basic(&self) -> rakt::BloodGroup {
        match self.rhd {
            Some(rhd) => rakt::BloodGroup::new(self.abo.into(), rhd.into()),
            None => rakt::BloodGroup::rhd_unknown(self.abo.into()),
        }
    }

    /// The core value, validated by the core.
    pub(crate) fn to_core(self) -> Result<rakt::BloodGroup> {
        let basic = self.core_basic();
        let group = match self.a_subgroup {
            Some(sub) => basic.with_a_subgroup(sub.into())?,
            None => basic,
        };
        Ok(group.with_weak_d(self.weak_d))
    }
}

impl From<rakt::BloodGroup> for BloodGroup {
    fn from(g: rakt::BloodGroup) -> Self {
        BloodGroup {
            abo: g.abo().into(),
            rhd: g.rhd().map(Into::into),
            a_subgroup: g.a_subgroup().map(Into::into),
            weak_d: g.weak_d(),
        }
    }
}

impl fmt::Display for BloodGroup {
    /// The core's canonical text of the basic group (`O+`, `AB-`, `Oh`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.core_basic(), f)
    }
}

#[uniffi::export]
impl BloodGroup {
    /// Full notation including phenotype details: `A2B+`, `O+ weak D`, `Oh`.
    /// `parseBloodGroup` reads it back to an equal value.
    pub fn notation(&self) -> Result<String> {
        Ok(self.to_core()?.notation())
    }
}

/// Parse a blood group as written in real records (`O+`, `O POS`, `o neg`, `AB-Ve`,
/// `O Rh positive`, `A2B+`, `O+ weak D`, `Bombay`, ...). Anything else is refused with
/// `RaktException.InvalidBloodGroup` quoting the input.
#[uniffi::export]
pub fn parse_blood_group(text: String) -> Result<BloodGroup> {
    rakt::BloodGroup::parse(&text)
        .map(Into::into)
        .map_err(RaktException::from)
}
