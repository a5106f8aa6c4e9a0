//! Obstetric early warning, the shock index, the ICMR PPH red flags and PPH classification:
//! `earlyWarning`, `decideEarlyWarning`, `shockIndex`, `pphRedFlags`, `classifyPph`. The rules
//! live in the core (`rakt::maternal`); this file only translates types.

use std::collections::HashMap;
use std::sync::Arc;

use rakt::maternal as core;
use rakt::policy as pol;

use crate::error::{RaktException, Result, unsigned};
use crate::macros::mirror_enum;
use crate::policy::{Policy, resolve};
use crate::reasons::Confidence;
use crate::time::Decimal;

mirror_enum! {
    /// Level of consciousness (AVPU).
    pub enum Avpu => pol::Avpu {
        /// Alert.
        Alert,
        /// Responds to voice.
        Voice,
        /// Responds to pain.
        Pain,
        /// Unresponsive.
        Unresponsive,
    }
}

mirror_enum! {
    /// A vital sign of the chart.
    pub enum VitalSign => core::VitalSign {
        /// Respiratory rate.
        RespiratoryRate,
        /// Oxygen saturation.
        Spo2,
        /// Temperature.
        TemperatureC,
        /// Systolic blood pressure.
        SystolicBp,
        /// Diastolic blood pressure.
        DiastolicBp,
        /// Heart rate.
        HeartRate,
        /// Consciousness.
        Consciousness,
    }
}

mirror_enum! {
    /// A sign's band, or the chart's level.
    pub enum WarningBand => core::Band {
        /// Not measured.
        NotAssessed,
        /// Normal.
        Green,
        /// Mildly abnormal (amber in the score variant).
        Yellow,
        /// Markedly abnormal.
        Red,
    }
}

mirror_enum! {
    /// Chart or score.
    pub enum WarningMode => pol::WarningMode {
        /// Coloured bands.
        Chart,
        /// Aggregate score.
        Score,
    }
}

mirror_enum! {
    /// How the baby was born.
    pub enum DeliveryMode => core::DeliveryMode {
        /// Vaginal birth.
        Vaginal,
        /// Caesarean section.
        Caesarean,
    }
}

mirror_enum! {
    /// PPH severity by blood loss.
    pub enum PphSeverity => core::PphSeverity {
        /// No PPH.
        None,
        /// PPH by deranged vital signs, less blood than the minor band.
        BelowMinor,
        /// Minor (500–1000 mL).
        Minor,
        /// Major, moderate (1001–2000 mL).
        Moderate,
        /// Major, severe (over 2000 mL).
        Severe,
    }
}

mirror_enum! {
    /// Primary or secondary PPH.
    pub enum PphTiming => core::PphTiming {
        /// Within 24 hours of birth.
        Primary,
        /// 24 hours to 12 weeks after birth.
        Secondary,
    }
}

/// Vital signs; every field optional (a missing sign is not assessed).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, uniffi::Record)]
pub struct Vitals {
    /// Breaths per minute.
    #[uniffi(default = None)]
    pub respiratory_rate: Option<i32>,
    /// Oxygen saturation, %.
    #[uniffi(default = None)]
    pub spo2: Option<i32>,
    /// Temperature, °C.
    #[uniffi(default = None)]
    pub temperature_c: Option<Decimal>,
    /// Systolic pressure, mmHg.
    #[uniffi(default = None)]
    pub systolic_bp: Option<i32>,
    /// Diastolic pressure, mmHg.
    #[uniffi(default = None)]
    pub diastolic_bp: Option<i32>,
    /// Beats per minute.
    #[uniffi(default = None)]
    pub heart_rate: Option<i32>,
    /// Level of consciousness.
    #[uniffi(default = None)]
    pub consciousness: Option<Avpu>,
}

impl Vitals {
    fn to_core(&self) -> Result<core::Vitals> {
        let n = |v: Option<i32>, field: &str| v.map(|x| unsigned(x, field)).transpose();
        Ok(core::Vitals {
            respiratory_rate: n(self.respiratory_rate, "respiratory_rate")?,
            spo2: n(self.spo2, "spo2")?,
            temperature_c: self
                .temperature_c
                .as_ref()
                .map(|d| d.parse("temperature_c"))
                .transpose()?,
            systolic_bp: n(self.systolic_bp, "systolic_bp")?,
            diastolic_bp: n(self.diastolic_bp, "diastolic_bp")?,
            heart_rate: n(self.heart_rate, "heart_rate")?,
            consciousness: self.consciousness.map(Into::into),
        })
    }
}

/// One sign on the chart.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ParameterBand {
    /// The sign.
    pub parameter: VitalSign,
    /// Its value as text, or null.
    pub value: Option<String>,
    /// Its band.
    pub band: WarningBand,
    /// The range that put it there, for yellow or red.
    pub rule: Option<String>,
    /// Its points (score mode only).
    pub points: Option<i32>,
}

/// The result of `earlyWarning`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EarlyWarning {
    /// Chart or score.
    pub mode: WarningMode,
    /// Whether the chart (or score) calls for an urgent review.
    pub triggered: bool,
    /// Red, yellow, green, or not assessed.
    pub level: WarningBand,
    /// Every sign, in chart order.
    pub parameters: Vec<ParameterBand>,
    /// Signs in a red band.
    pub reds: i32,
    /// Signs in a yellow band.
    pub yellows: i32,
    /// The total score (score mode only).
    pub score: Option<i32>,
    /// Where the bands come from.
    pub source: String,
    /// How sure we are of the bands.
    pub confidence: Confidence,
}

#[uniffi::export]
impl EarlyWarning {
    /// The band of one sign.
    pub fn band(&self, sign: VitalSign) -> WarningBand {
        self.parameters
            .iter()
            .find(|p| p.parameter == sign)
            .map_or(WarningBand::NotAssessed, |p| p.band)
    }

    /// This chart without its text and source: what `decideEarlyWarning` gives for the same
    /// vitals and policy (`bands` is `band(sign)` of each sign in chart order).
    pub fn decision(&self) -> WarningDecision {
        WarningDecision {
            mode: self.mode,
            triggered: self.triggered,
            level: self.level,
            bands: core::VitalSign::ALL
                .iter()
                .map(|&sign| self.band(sign.into()))
                .collect(),
            reds: self.reds,
            yellows: self.yellows,
            score: self.score,
        }
    }
}

/// What `earlyWarning` decides, without its text (each sign's value and matching range) and
/// source: the result of `decideEarlyWarning` and of `EarlyWarning.decision()`. Every field has
/// the type of the same value in `EarlyWarning`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct WarningDecision {
    /// Chart or score.
    pub mode: WarningMode,
    /// Whether the chart (or score) calls for an urgent review.
    pub triggered: bool,
    /// Red, yellow, green, or not assessed.
    pub level: WarningBand,
    /// The band of every sign, in chart order (`VitalSign.entries`; `NOT_ASSESSED` when not
    /// measured): `band(sign)` reads one.
    pub bands: Vec<WarningBand>,
    /// Signs in a red band.
    pub reds: i32,
    /// Signs in a yellow band.
    pub yellows: i32,
    /// The total score (score mode only).
    pub score: Option<i32>,
}

#[uniffi::export]
impl WarningDecision {
    /// The band of one sign.
    pub fn band(&self, sign: VitalSign) -> WarningBand {
        let sign = core::VitalSign::from(sign);
        core::VitalSign::ALL
            .iter()
            .position(|&s| s == sign)
            .and_then(|i| self.bands.get(i))
            .copied()
            .unwrap_or(WarningBand::NotAssessed)
    }
}

impl From<core::WarningDecision> for WarningDecision {
    fn from(w: core::WarningDecision) -> Self {
        WarningDecision {
            mode: w.mode.into(),
            triggered: w.triggered,
            level: w.level.into(),
            bands: w.bands.iter().map(|&b| b.into()).collect(),
            reds: int(w.reds),
            yellows: int(w.yellows),
            score: w.score.map(int),
        }
    }
}

fn int(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// The obstetric early-warning chart of `vitals` under `policy` (`null`: `india`).
#[uniffi::export(default(policy = None))]
pub fn early_warning(vitals: Vitals, policy: Option<Arc<Policy>>) -> Result<EarlyWarning> {
    early_warning_one(&vitals, resolve(&policy))
}

/// Decide `vitals` under `policy` without writing the chart's text: the same bands, level,
/// counts and score as `earlyWarning`, or the same exception, and faster.
#[uniffi::export(default(policy = None))]
pub fn decide_early_warning(
    vitals: Vitals,
    policy: Option<Arc<Policy>>,
) -> Result<WarningDecision> {
    decide_early_warning_one(&vitals, resolve(&policy))
}

/// Convert `vitals` to the core's and run `rule` on them: the one conversion of vitals for
/// `early_warning_one` and `decide_early_warning_one`, so both refuse the same input with the
/// same exception.
fn on_core<T>(vitals: &Vitals, rule: impl FnOnce(&core::Vitals) -> rakt::Result<T>) -> Result<T> {
    Ok(rule(&vitals.to_core()?)?)
}

/// One decision: the code path of both `decide_early_warning` and `decide_early_warnings`.
pub(crate) fn decide_early_warning_one(
    vitals: &Vitals,
    policy: &rakt::Policy,
) -> Result<WarningDecision> {
    on_core(vitals, |v| core::decide_early_warning(v, policy)).map(Into::into)
}

/// One chart: the code path of both `early_warning` and `early_warnings`.
pub(crate) fn early_warning_one(vitals: &Vitals, policy: &rakt::Policy) -> Result<EarlyWarning> {
    let w = on_core(vitals, |v| core::early_warning(v, policy))?;
    Ok(EarlyWarning {
        mode: w.mode.into(),
        triggered: w.triggered,
        level: w.level.into(),
        parameters: w
            .parameters
            .into_iter()
            .map(|p| ParameterBand {
                parameter: p.parameter.into(),
                value: p.value,
                band: p.band.into(),
                rule: p.rule,
                points: p.points.map(int),
            })
            .collect(),
        reds: int(w.reds),
        yellows: int(w.yellows),
        score: w.score.map(int),
        source: w.source.to_string(),
        confidence: w.confidence.into(),
    })
}

/// A shock index with its thresholds.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ShockIndex {
    /// Heart rate ÷ systolic pressure, to 2 decimal places.
    pub value: Decimal,
    /// At or above the alert threshold (compared exactly).
    pub alert: bool,
    /// At or above the high threshold (compared exactly).
    pub high: bool,
    /// The alert threshold.
    pub alert_threshold: Decimal,
    /// The high threshold.
    pub high_threshold: Decimal,
}

/// The obstetric shock index, heart rate ÷ systolic blood pressure.
#[uniffi::export(default(policy = None))]
pub fn shock_index(
    heart_rate: i32,
    systolic_bp: i32,
    policy: Option<Arc<Policy>>,
) -> Result<ShockIndex> {
    let si = core::shock_index(
        unsigned(heart_rate, "heart_rate")?,
        unsigned(systolic_bp, "systolic_bp")?,
        resolve(&policy),
    )?;
    Ok(ShockIndex {
        value: si.value.into(),
        alert: si.alert,
        high: si.high,
        alert_threshold: si.alert_threshold.into(),
        high_threshold: si.high_threshold.into(),
    })
}

/// One ICMR PPH red flag: `code` is `tachycardia`, `hypotension`, `hypoxia`, `tachypnoea` or
/// `sensorium`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PphRedFlag {
    /// The sign.
    pub code: String,
    /// The evidence (`value`, `limit`).
    pub facts: HashMap<String, String>,
    /// Where the rule comes from.
    pub source: String,
    /// How sure we are of it.
    pub confidence: Confidence,
}

#[uniffi::export]
impl PphRedFlag {
    /// The message in `lang`: `"en"` or `"hi"`.
    pub fn message(&self, lang: String) -> Result<String> {
        let lang = rakt::Lang::parse(&lang)?;
        let code = core::RedFlagCode::parse(&self.code).map_err(|_| {
            RaktException::input("flag.code", format!("{:?} is not a red flag", self.code))
        })?;
        let flag = core::RedFlag {
            code,
            facts: self
                .facts
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            source: self.source.clone().into(),
            confidence: self.confidence.into(),
        };
        Ok(flag.message(lang))
    }
}

/// The ICMR PPH red flag signs present in `vitals`.
#[uniffi::export(default(policy = None))]
pub fn pph_red_flags(vitals: Vitals, policy: Option<Arc<Policy>>) -> Result<Vec<PphRedFlag>> {
    let flags = core::pph_red_flags(&vitals.to_core()?, resolve(&policy))?;
    Ok(flags
        .into_iter()
        .map(|f| PphRedFlag {
            code: f.code.as_str().to_string(),
            facts: crate::reasons::facts_text(&f.facts),
            source: f.source.to_string(),
            confidence: f.confidence.into(),
        })
        .collect())
}

/// The classification of a postpartum bleed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct PphClass {
    /// Whether it is a postpartum haemorrhage.
    pub pph: bool,
    /// Severity by blood loss.
    pub severity: PphSeverity,
    /// Major: moderate or severe.
    pub major: bool,
    /// Massive (major obstetric) haemorrhage.
    pub massive: bool,
    /// Primary or secondary.
    pub timing: PphTiming,
    /// The threshold that applied.
    pub basis: String,
    /// Where the rules come from.
    pub source: String,
}

/// Classify a bleed after birth.
#[uniffi::export(default(hours_after_birth = 0, vitals_deranged = false, policy = None))]
pub fn classify_pph(
    blood_loss_ml: i32,
    mode: DeliveryMode,
    hours_after_birth: i32,
    vitals_deranged: bool,
    policy: Option<Arc<Policy>>,
) -> Result<PphClass> {
    let c = core::classify_pph(
        unsigned(blood_loss_ml, "blood_loss_ml")?,
        mode.into(),
        unsigned(hours_after_birth, "hours_after_birth")?,
        vitals_deranged,
        resolve(&policy),
    )?;
    Ok(PphClass {
        pph: c.pph,
        severity: c.severity.into(),
        major: c.major,
        massive: c.massive,
        timing: c.timing.into(),
        basis: c.basis,
        source: c.source.to_string(),
    })
}
