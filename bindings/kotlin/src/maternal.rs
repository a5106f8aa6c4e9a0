//! Gestation, birth outcomes and Robson groups: `eddFromLmp`, `gestationalAge`, `birthWeight`,
//! `classifyFetalDeath`, `newbornDeath`, `inMaternalDeathWindow`, `robsonGroup`. The rules live
//! in the core (`rakt::maternal`); this file only translates types.

use std::sync::Arc;

use rakt::maternal as core;

use crate::error::{Result, unsigned};
use crate::events::to_int;
use crate::macros::mirror_enum;
use crate::policy::{Policy, resolve};
use crate::pregnancy::Presentation;
use crate::time::{Date, Timestamp};

mirror_enum! {
    /// Gestation categories.
    pub enum GestationCategory => core::GestationCategory {
        /// Below 28 weeks.
        ExtremelyPreterm,
        /// 28 to 31 weeks.
        VeryPreterm,
        /// 32 to 33 weeks.
        ModeratePreterm,
        /// 34 to 36 weeks.
        LatePreterm,
        /// 37 to 38 weeks.
        EarlyTerm,
        /// 39 to 40 weeks.
        FullTerm,
        /// 41 weeks.
        LateTerm,
        /// 42 weeks or more.
        PostTerm,
    }
}

mirror_enum! {
    /// Birth-weight categories.
    pub enum BirthWeightCategory => core::BirthWeightCategory {
        /// Below 1000 g.
        ExtremelyLow,
        /// 1000 to 1499 g.
        VeryLow,
        /// 1500 to 2499 g.
        Low,
        /// 2500 g or more.
        Normal,
    }
}

mirror_enum! {
    /// When a fetus died.
    pub enum FetalDeathTiming => core::FetalDeathTiming {
        /// During labour (fresh).
        Intrapartum,
        /// Before labour (macerated).
        Antepartum,
    }
}

mirror_enum! {
    /// A fetal death as HMIS counts it.
    pub enum FetalDeathClass => core::FetalDeathClass {
        /// Fresh stillbirth, 28 weeks and above (4.1.3.a).
        FreshStillbirth,
        /// Macerated stillbirth, 28 weeks and above (4.1.3.b).
        MaceratedStillbirth,
        /// Foetal death, 24–27 completed weeks (4.1.3.c).
        FoetalDeath,
        /// Before 24 weeks: not an HMIS fetal-death item.
        NotCounted,
    }
}

mirror_enum! {
    /// The HMIS newborn-death age bins.
    pub enum NewbornDeathBin => core::NewbornDeathBin {
        /// Within 24 hours.
        Within24Hours,
        /// 1 to 7 days.
        Days1To7,
        /// 8 to 28 days.
        Days8To28,
        /// Over 28 days and under 12 months.
        Infant,
    }
}

mirror_enum! {
    /// How labour began.
    pub enum LabourOnset => core::LabourOnset {
        /// Spontaneous.
        Spontaneous,
        /// Induced.
        Induced,
        /// Caesarean section before labour.
        CaesareanBeforeLabour,
    }
}

/// A gestational age in completed weeks and days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct GestationalAge {
    /// Completed weeks.
    pub weeks: i32,
    /// Days past the completed weeks (0–6).
    pub days: i32,
}

impl From<core::GestationalAge> for GestationalAge {
    fn from(g: core::GestationalAge) -> Self {
        GestationalAge {
            weeks: to_int(g.weeks),
            days: to_int(g.days),
        }
    }
}

impl GestationalAge {
    fn to_core(self) -> Result<core::GestationalAge> {
        Ok(core::GestationalAge::new(
            unsigned(self.weeks, "weeks")?,
            unsigned(self.days, "days")?,
        )?)
    }
}

/// The category of a gestational age under `policy`.
#[uniffi::export(default(policy = None))]
pub fn gestation_category(
    age: GestationalAge,
    policy: Option<Arc<Policy>>,
) -> Result<GestationCategory> {
    Ok(age.to_core()?.category(resolve(&policy)).into())
}

/// The due date by Naegele's rule.
#[uniffi::export(default(policy = None))]
pub fn edd_from_lmp(lmp: Date, policy: Option<Arc<Policy>>) -> Result<Date> {
    Ok(core::edd_from_lmp(lmp.parse("lmp")?, resolve(&policy))?.into())
}

/// The due date from an ultrasound dating.
#[uniffi::export(default(policy = None))]
pub fn edd_from_ultrasound(
    scan: Date,
    age_at_scan: GestationalAge,
    policy: Option<Arc<Policy>>,
) -> Result<Date> {
    Ok(core::edd_from_ultrasound(
        scan.parse("scan")?,
        age_at_scan.to_core()?,
        resolve(&policy),
    )?
    .into())
}

/// The gestational age at `asOf` from the LMP.
#[uniffi::export]
pub fn gestational_age(lmp: Date, as_of: Date) -> Result<GestationalAge> {
    Ok(core::gestational_age(lmp.parse("lmp")?, as_of.parse("as_of")?)?.into())
}

/// The gestational age at `asOf` from the due date.
#[uniffi::export(default(policy = None))]
pub fn gestational_age_from_edd(
    edd: Date,
    as_of: Date,
    policy: Option<Arc<Policy>>,
) -> Result<GestationalAge> {
    Ok(
        core::gestational_age_from_edd(edd.parse("edd")?, as_of.parse("as_of")?, resolve(&policy))?
            .into(),
    )
}

/// A birth weight and its categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct BirthWeight {
    /// Grams.
    pub grams: i32,
    /// Its category.
    pub category: BirthWeightCategory,
    /// Below the HMIS 1800 g line.
    pub below_hmis_line: bool,
}

/// Categorise a birth weight in grams.
#[uniffi::export(default(policy = None))]
pub fn birth_weight(grams: i32, policy: Option<Arc<Policy>>) -> Result<BirthWeight> {
    let w = core::birth_weight(unsigned(grams, "grams")?, resolve(&policy))?;
    Ok(BirthWeight {
        grams: to_int(w.grams),
        category: w.category.into(),
        below_hmis_line: w.below_hmis_line,
    })
}

/// A live birth (WHO): any sign of life.
#[uniffi::export(default(
    breathing = false,
    heartbeat = false,
    cord_pulsation = false,
    voluntary_movement = false
))]
pub fn is_live_birth(
    breathing: bool,
    heartbeat: bool,
    cord_pulsation: bool,
    voluntary_movement: bool,
) -> bool {
    core::SignsOfLife {
        breathing,
        heartbeat,
        cord_pulsation,
        voluntary_movement,
    }
    .is_live_birth()
}

/// A fetal death as HMIS counts it.
#[uniffi::export(default(policy = None))]
pub fn classify_fetal_death(
    age: GestationalAge,
    timing: FetalDeathTiming,
    policy: Option<Arc<Policy>>,
) -> Result<FetalDeathClass> {
    Ok(core::classify_fetal_death(age.to_core()?, timing.into(), resolve(&policy)).into())
}

/// The age at death of a baby born alive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct NewbornDeath {
    /// Completed days of life.
    pub completed_days: i32,
    /// Neonatal (days 0–27).
    pub neonatal: bool,
    /// The HMIS bin, or null at 12 months or later.
    pub hmis_bin: Option<NewbornDeathBin>,
}

/// How old a baby born at `born` was when it died at `died`.
#[uniffi::export(default(policy = None))]
pub fn newborn_death(
    born: Timestamp,
    died: Timestamp,
    policy: Option<Arc<Policy>>,
) -> Result<NewbornDeath> {
    let d = core::newborn_death(born.parse("born")?, died.parse("died")?, resolve(&policy))?;
    Ok(NewbornDeath {
        completed_days: to_int(d.completed_days),
        neonatal: d.neonatal,
        hmis_bin: d.hmis_bin.map(Into::into),
    })
}

/// Whether a woman's death falls in the maternal-death window (42 days, inclusive).
#[uniffi::export(default(policy = None))]
pub fn in_maternal_death_window(
    ended: Date,
    died: Date,
    policy: Option<Arc<Policy>>,
) -> Result<bool> {
    Ok(core::in_maternal_death_window(
        ended.parse("ended")?,
        died.parse("died")?,
        resolve(&policy),
    )?)
}

/// The six Robson variables of one birth; each optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, uniffi::Record)]
pub struct RobsonInput {
    /// Previous births (0 = nulliparous).
    #[uniffi(default = None)]
    pub parity: Option<i32>,
    /// Previous caesarean sections.
    #[uniffi(default = None)]
    pub previous_caesareans: Option<i32>,
    /// Onset of labour.
    #[uniffi(default = None)]
    pub onset: Option<LabourOnset>,
    /// Number of fetuses.
    #[uniffi(default = None)]
    pub fetuses: Option<i32>,
    /// Fetal presentation or lie.
    #[uniffi(default = None)]
    pub presentation: Option<Presentation>,
    /// Completed weeks at delivery.
    #[uniffi(default = None)]
    pub gestation_weeks: Option<i32>,
}

/// A Robson group (`"1"` … `"10"`, `"2a"`, `"2b"`, `"4a"`, `"4b"`), or the variables still needed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum RobsonResult {
    /// Classified.
    Group {
        /// The group code.
        code: String,
    },
    /// The variables still needed (`parity`, `previous_caesareans`, `onset`, `fetuses`,
    /// `presentation`, `gestation_weeks`).
    Unclassified {
        /// Their names, in the order of assignment.
        missing: Vec<String>,
    },
}

/// The Robson group of a birth.
#[uniffi::export(default(policy = None))]
pub fn robson_group(input: RobsonInput, policy: Option<Arc<Policy>>) -> Result<RobsonResult> {
    robson_one(input, resolve(&policy))
}

/// One birth classified: the code path of both `robson_group` and `robson_groups`.
pub(crate) fn robson_one(input: RobsonInput, policy: &rakt::Policy) -> Result<RobsonResult> {
    let n = |v: Option<i32>, field: &str| v.map(|x| unsigned(x, field)).transpose();
    let core_input = core::RobsonInput {
        parity: n(input.parity, "parity")?,
        previous_caesareans: n(input.previous_caesareans, "previous_caesareans")?,
        onset: input.onset.map(Into::into),
        fetuses: n(input.fetuses, "fetuses")?,
        presentation: input.presentation.map(Into::into),
        gestation_weeks: n(input.gestation_weeks, "gestation_weeks")?,
    };
    Ok(match core::robson_group(&core_input, policy)? {
        core::RobsonClass::Group { group } => RobsonResult::Group {
            code: group.as_str().to_string(),
        },
        core::RobsonClass::CannotClassify { missing } => RobsonResult::Unclassified {
            missing: missing.iter().map(|m| m.as_str().to_string()).collect(),
        },
    })
}
