//! The Robson ten-group classification of births (WHO Robson Classification Implementation
//! Manual, 2017; `research/maternal.md` §3), with the subgroups 2a/2b and 4a/4b.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::record::Presentation;
use crate::error::{RaktError, Result};
use crate::macros::coded_enum;
use crate::policy::Policy;

coded_enum! {
    /// How labour began.
    LabourOnset {
        /// Spontaneous labour.
        Spontaneous => "spontaneous",
        /// Induced labour.
        Induced => "induced",
        /// Caesarean section before labour.
        CaesareanBeforeLabour => "caesarean_before_labour",
    }
}

coded_enum! {
    /// One of the six Robson variables.
    RobsonVariable {
        /// Parity (previous births).
        Parity => "parity",
        /// Previous caesarean sections.
        PreviousCaesareans => "previous_caesareans",
        /// Onset of labour.
        Onset => "onset",
        /// Number of fetuses.
        Fetuses => "fetuses",
        /// Fetal presentation or lie.
        Presentation => "presentation",
        /// Gestational age in completed weeks at delivery.
        GestationWeeks => "gestation_weeks",
    }
}

coded_enum! {
    /// A Robson group or subgroup; `as_str` gives `"1"` … `"10"`, `"2a"`, `"2b"`, `"4a"`, `"4b"`.
    RobsonGroup {
        /// Nulliparous, single cephalic, ≥ 37 weeks, spontaneous labour.
        G1 => "1",
        /// Nulliparous, single cephalic, ≥ 37 weeks, induced.
        G2a => "2a",
        /// Nulliparous, single cephalic, ≥ 37 weeks, caesarean before labour.
        G2b => "2b",
        /// Multiparous without a previous caesarean, single cephalic, ≥ 37 weeks, spontaneous.
        G3 => "3",
        /// Multiparous without a previous caesarean, single cephalic, ≥ 37 weeks, induced.
        G4a => "4a",
        /// Multiparous without a previous caesarean, single cephalic, ≥ 37 weeks, caesarean
        /// before labour.
        G4b => "4b",
        /// At least one previous caesarean, single cephalic, ≥ 37 weeks.
        G5 => "5",
        /// Nulliparous, single breech.
        G6 => "6",
        /// Multiparous, single breech (previous caesareans included).
        G7 => "7",
        /// Multiple pregnancy (previous caesareans included).
        G8 => "8",
        /// Single transverse or oblique lie (previous caesareans included).
        G9 => "9",
        /// Single cephalic, < 37 weeks (previous caesareans included).
        G10 => "10",
    }
}

impl RobsonGroup {
    /// The group number, 1–10 (2 for 2a and 2b, 4 for 4a and 4b).
    pub fn number(self) -> u32 {
        match self {
            RobsonGroup::G1 => 1,
            RobsonGroup::G2a | RobsonGroup::G2b => 2,
            RobsonGroup::G3 => 3,
            RobsonGroup::G4a | RobsonGroup::G4b => 4,
            RobsonGroup::G5 => 5,
            RobsonGroup::G6 => 6,
            RobsonGroup::G7 => 7,
            RobsonGroup::G8 => 8,
            RobsonGroup::G9 => 9,
            RobsonGroup::G10 => 10,
        }
    }
}

/// The six Robson variables of one birth; each is optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RobsonInput {
    /// Previous births (0 = nulliparous).
    #[serde(default)]
    pub parity: Option<u32>,
    /// Previous caesarean sections.
    #[serde(default)]
    pub previous_caesareans: Option<u32>,
    /// Onset of labour.
    #[serde(default)]
    pub onset: Option<LabourOnset>,
    /// Number of fetuses.
    #[serde(default)]
    pub fetuses: Option<u32>,
    /// Fetal presentation or lie at delivery.
    #[serde(default)]
    pub presentation: Option<Presentation>,
    /// Gestational age in completed weeks at delivery.
    #[serde(default)]
    pub gestation_weeks: Option<u32>,
}

/// The result of [`robson_group`]: a group, or the variables still needed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum RobsonClass {
    /// The group.
    Group {
        /// The group or subgroup.
        group: RobsonGroup,
    },
    /// The group cannot be decided without these variables.
    CannotClassify {
        /// The variables needed, in the order of assignment.
        missing: Vec<RobsonVariable>,
    },
}

impl RobsonClass {
    /// The group, if classified.
    pub fn group(&self) -> Option<RobsonGroup> {
        match self {
            RobsonClass::Group { group } => Some(*group),
            RobsonClass::CannotClassify { .. } => None,
        }
    }
}

impl fmt::Display for RobsonClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RobsonClass::Group { group } => f.write_str(group.as_str()),
            RobsonClass::CannotClassify { missing } => {
                let names: Vec<&str> = missing.iter().map(|m| m.as_str()).collect();
                write!(f, "cannot classify: missing {}", names.join(", "))
            }
        }
    }
}

/// Lowest and highest gestation (completed weeks) accepted at delivery: a plausibility bound for
/// data entry, not a clinical threshold.
const WEEKS: (u32, u32) = (20, super::GestationalAge::MAX_WEEKS);

fn check(input: &RobsonInput) -> Result<()> {
    if input.fetuses == Some(0) {
        return Err(RaktError::input(
            "fetuses",
            "a birth has at least one fetus",
        ));
    }
    if let Some(f) = input.fetuses {
        crate::plausible::check_count("fetuses", f, crate::plausible::FETUSES)?;
    }
    if let Some(p) = input.parity {
        crate::plausible::check_count("parity", p, crate::plausible::PARITY)?;
    }
    if let (Some(p), Some(c)) = (input.parity, input.previous_caesareans) {
        if c > p {
            return Err(RaktError::input(
                "previous_caesareans",
                format!(
                    "{c} previous caesareans but parity {p}: each caesarean was a previous birth"
                ),
            ));
        }
    }
    if let Some(w) = input.gestation_weeks {
        if w < WEEKS.0 || w > WEEKS.1 {
            return Err(RaktError::input(
                "gestation_weeks",
                format!(
                    "{w} completed weeks is not a plausible gestation at delivery ({} to {})",
                    WEEKS.0, WEEKS.1
                ),
            ));
        }
    }
    Ok(())
}

/// The Robson group of a birth, assigned in the order that makes the groups mutually exclusive
/// (`research/maternal.md` §3, §10): multiple pregnancy → 8; transverse or oblique lie → 9;
/// breech → 6 (nulliparous) or 7 (multiparous); cephalic before term → 10; a previous caesarean
/// → 5; otherwise 1–4 by parity and onset (2a/4a induced, 2b/4b caesarean before labour).
/// "Term" is the policy's early-term week (`maternal.gestation_weeks.early_term_from`, 37), the
/// one definition of preterm in rakt.
///
/// A variable that is needed and missing gives [`RobsonClass::CannotClassify`] naming every
/// variable the classification of a singleton cephalic birth would still need; one that is not
/// needed (the onset of a twin birth) is not asked for. Contradictory input (no fetus, more
/// previous caesareans than births, an implausible gestation) is an error naming the field.
///
/// ```
/// use rakt::maternal::{LabourOnset, Presentation, RobsonInput, robson_group};
/// let birth = RobsonInput {
///     parity: Some(0),
///     previous_caesareans: Some(0),
///     onset: Some(LabourOnset::Induced),
///     fetuses: Some(1),
///     presentation: Some(Presentation::Cephalic),
///     gestation_weeks: Some(39),
/// };
/// assert_eq!(robson_group(&birth, &rakt::Policy::india())?.to_string(), "2a");
/// let twins = RobsonInput { fetuses: Some(2), ..RobsonInput::default() };
/// assert_eq!(robson_group(&twins, &rakt::Policy::india())?.to_string(), "8");
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn robson_group(input: &RobsonInput, policy: &Policy) -> Result<RobsonClass> {
    use RobsonGroup as G;
    use RobsonVariable as V;
    check(input)?;
    let mut missing = Vec::new();
    let done = |group: RobsonGroup, missing: Vec<RobsonVariable>| {
        if missing.is_empty() {
            RobsonClass::Group { group }
        } else {
            RobsonClass::CannotClassify { missing }
        }
    };
    match input.fetuses {
        None => missing.push(V::Fetuses),
        Some(n) if n >= 2 => return Ok(done(G::G8, missing)),
        Some(_) => {}
    }
    match input.presentation {
        None => missing.push(V::Presentation),
        Some(Presentation::TransverseOrOblique) => return Ok(done(G::G9, missing)),
        Some(Presentation::Breech) => {
            return Ok(match input.parity {
                None => {
                    missing.push(V::Parity);
                    done(G::G6, missing)
                }
                Some(0) => done(G::G6, missing),
                Some(_) => done(G::G7, missing),
            });
        }
        Some(Presentation::Cephalic) => {}
    }
    let term = policy.maternal.gestation_weeks.early_term_from;
    match input.gestation_weeks {
        None => missing.push(V::GestationWeeks),
        Some(w) if w < term => return Ok(done(G::G10, missing)),
        Some(_) => {}
    }
    match input.previous_caesareans {
        None => missing.push(V::PreviousCaesareans),
        Some(c) if c > 0 => return Ok(done(G::G5, missing)),
        Some(_) => {}
    }
    if input.parity.is_none() {
        missing.push(V::Parity);
    }
    if input.onset.is_none() {
        missing.push(V::Onset);
    }
    let (Some(parity), Some(onset)) = (input.parity, input.onset) else {
        return Ok(RobsonClass::CannotClassify { missing });
    };
    let group = match (parity == 0, onset) {
        (true, LabourOnset::Spontaneous) => G::G1,
        (true, LabourOnset::Induced) => G::G2a,
        (true, LabourOnset::CaesareanBeforeLabour) => G::G2b,
        (false, LabourOnset::Spontaneous) => G::G3,
        (false, LabourOnset::Induced) => G::G4a,
        (false, LabourOnset::CaesareanBeforeLabour) => G::G4b,
    };
    Ok(done(group, missing))
}
