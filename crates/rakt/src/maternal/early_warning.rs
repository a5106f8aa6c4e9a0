//! Obstetric early warning (a MEOWS-style chart, or an aggregate score), the shock index, the
//! ICMR PPH red flags and the classification of postpartum haemorrhage
//! (`research/maternal.md` §2). Every band and threshold is in the policy's `early_warning`
//! section, with its source; the default chart's bands have weak provenance and say so.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::error::{RaktError, Result};
use crate::macros::coded_enum;
use crate::policy::{Avpu, Citation, Confidence, Limits, Policy, SignBands, WarningMode};
use crate::reason::{Facts, Lang, localise_fact, render_with};

/// Vital signs; every field is optional (a missing sign is `not_assessed`, never green).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vitals {
    /// Respiratory rate, breaths per minute.
    #[serde(default)]
    pub respiratory_rate: Option<u32>,
    /// Oxygen saturation, %.
    #[serde(default)]
    pub spo2: Option<u32>,
    /// Temperature, °C.
    #[serde(default)]
    pub temperature_c: Option<Decimal>,
    /// Systolic blood pressure, mmHg.
    #[serde(default)]
    pub systolic_bp: Option<u32>,
    /// Diastolic blood pressure, mmHg.
    #[serde(default)]
    pub diastolic_bp: Option<u32>,
    /// Heart rate, beats per minute.
    #[serde(default)]
    pub heart_rate: Option<u32>,
    /// Level of consciousness.
    #[serde(default)]
    pub consciousness: Option<Avpu>,
}

coded_enum! {
    /// A vital sign of the chart, in chart order.
    VitalSign {
        /// Respiratory rate.
        RespiratoryRate => "respiratory_rate",
        /// Oxygen saturation.
        Spo2 => "spo2",
        /// Temperature.
        TemperatureC => "temperature_c",
        /// Systolic blood pressure.
        SystolicBp => "systolic_bp",
        /// Diastolic blood pressure.
        DiastolicBp => "diastolic_bp",
        /// Heart rate.
        HeartRate => "heart_rate",
        /// Consciousness (AVPU).
        Consciousness => "consciousness",
    }
}

coded_enum! {
    /// A vital sign's band on the chart, or the overall level.
    Band {
        /// Not measured.
        NotAssessed => "not_assessed",
        /// Normal.
        Green => "green",
        /// Mildly abnormal (amber in the score variant).
        Yellow => "yellow",
        /// Markedly abnormal.
        Red => "red",
    }
}

/// One vital sign on the chart.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ParameterBand {
    /// The sign.
    pub parameter: VitalSign,
    /// Its value as text (`None` when not measured).
    pub value: Option<String>,
    /// Its band.
    pub band: Band,
    /// The range that put it there (`> 120`, `voice`), for a yellow or red band.
    pub rule: Option<String>,
    /// Its points (score mode only).
    pub points: Option<u32>,
}

/// The result of [`early_warning`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EarlyWarning {
    /// Chart or score.
    pub mode: WarningMode,
    /// Whether the chart (or score) calls for an urgent review.
    pub triggered: bool,
    /// The overall level: red, yellow (amber) or green; not assessed when no sign was measured.
    pub level: Band,
    /// Every sign, in chart order.
    pub parameters: Vec<ParameterBand>,
    /// Signs in a red band.
    pub reds: u32,
    /// Signs in a yellow band.
    pub yellows: u32,
    /// The total score (score mode only).
    pub score: Option<u32>,
    /// Where the bands come from.
    pub source: Citation,
    /// How sure we are of the bands.
    pub confidence: Confidence,
}

impl EarlyWarning {
    /// The band of one sign.
    pub fn band(&self, sign: VitalSign) -> Band {
        self.parameters
            .iter()
            .find(|p| p.parameter == sign)
            .map_or(Band::NotAssessed, |p| p.band)
    }
}

fn numeric(v: &Vitals, sign: VitalSign) -> Option<Decimal> {
    match sign {
        VitalSign::RespiratoryRate => v.respiratory_rate.map(Decimal::from),
        VitalSign::Spo2 => v.spo2.map(Decimal::from),
        VitalSign::TemperatureC => v.temperature_c,
        VitalSign::SystolicBp => v.systolic_bp.map(Decimal::from),
        VitalSign::DiastolicBp => v.diastolic_bp.map(Decimal::from),
        VitalSign::HeartRate => v.heart_rate.map(Decimal::from),
        VitalSign::Consciousness => None,
    }
}

fn first_match(ranges: &[Limits], value: Decimal) -> Option<&Limits> {
    let small = crate::decimal::Small::of(value);
    ranges.iter().find(|l| l.accepts_small(value, small))
}

/// Plausibility bounds for data entry (not clinical thresholds): a value outside is a typo.
fn check_vitals(v: &Vitals) -> Result<()> {
    use crate::plausible::{self, Bound};
    let count = |field: &str, value: Option<u32>, lo: i64, hi: i64| match value {
        Some(x) => plausible::check_count(field, x, Bound { lo, hi }),
        None => Ok(()),
    };
    let t = plausible::TEMPERATURE_C;
    let (s, d) = (plausible::SYSTOLIC_MMHG, plausible::DIASTOLIC_MMHG);
    count("respiratory_rate", v.respiratory_rate, 0, 80)?;
    count("spo2", v.spo2, 30, 100)?;
    if let Some(x) = v.temperature_c {
        plausible::check("temperature_c", x, t)?;
    }
    count("systolic_bp", v.systolic_bp, s.lo, s.hi)?;
    count("diastolic_bp", v.diastolic_bp, d.lo, d.hi)?;
    count("heart_rate", v.heart_rate, 0, 300)?;
    if let (Some(s), Some(d)) = (v.systolic_bp, v.diastolic_bp) {
        if d >= s {
            return Err(RaktError::input(
                "diastolic_bp",
                format!("{d} must be below the systolic {s}"),
            ));
        }
    }
    Ok(())
}

/// The obstetric early-warning chart of `vitals` under `policy.early_warning`.
///
/// - **Chart mode** (the default): each sign is red when a red range holds, else yellow when a
///   yellow range holds, else green; the chart triggers on `trigger.reds` reds or
///   `trigger.yellows` yellows (one red or two yellows, CEMACH MEOWS). The level is red when it
///   triggered on reds, yellow when on yellows, green otherwise.
/// - **Score mode** (`india_meows_score`): each sign scores the points of its first matching
///   band; any single sign at `single_red` or a total at `total_red` is red, a total at
///   `total_yellow` is yellow (amber).
///
/// A sign not measured is `not_assessed`; with no sign measured the level is `not_assessed`.
///
/// ```
/// use rakt::maternal::{Band, VitalSign, Vitals, early_warning};
/// use rakt::Policy;
/// let v = Vitals { heart_rate: Some(121), systolic_bp: Some(118), ..Vitals::default() };
/// let w = early_warning(&v, &Policy::india())?;
/// assert!(w.triggered);
/// assert_eq!(w.band(VitalSign::HeartRate), Band::Red);
/// assert_eq!(w.band(VitalSign::Spo2), Band::NotAssessed);
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn early_warning(vitals: &Vitals, policy: &Policy) -> Result<EarlyWarning> {
    let (decision, placed) = chart(vitals, policy)?;
    let parameters = placed
        .iter()
        .map(|p| ParameterBand {
            parameter: p.sign,
            value: p.value.map(|v| match v {
                Reading::Number(x) => x.to_string(),
                Reading::Avpu(c) => c.to_string(),
            }),
            band: p.band,
            rule: p.rule.map(|r| match r {
                Rule::Range(l) => l.to_string(),
                Rule::Avpu(c) => c.to_string(),
            }),
            points: p.points,
        })
        .collect();
    let path = if decision.mode == WarningMode::Score {
        "early_warning.score"
    } else {
        "early_warning.bands"
    };
    let (source, confidence) = policy
        .source(path)
        .map_or((Citation::from(path), Confidence::Unverified), |s| {
            (s.citation.clone(), s.confidence)
        });
    Ok(EarlyWarning {
        mode: decision.mode,
        triggered: decision.triggered,
        level: decision.level,
        parameters,
        reds: decision.reds,
        yellows: decision.yellows,
        score: decision.score,
        source,
        confidence,
    })
}

/// What [`early_warning`] decides, without writing its text: the same bands, level, counts and
/// score, or the same error, as a plain value (for batch work).
///
/// ```
/// use rakt::maternal::{Band, VitalSign, Vitals, decide_early_warning};
/// use rakt::Policy;
/// let v = Vitals { heart_rate: Some(121), systolic_bp: Some(118), ..Vitals::default() };
/// let w = decide_early_warning(&v, &Policy::india())?;
/// assert!(w.triggered);
/// assert_eq!(w.band(VitalSign::HeartRate), Band::Red);
/// assert_eq!(w.band(VitalSign::Spo2), Band::NotAssessed);
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn decide_early_warning(vitals: &Vitals, policy: &Policy) -> Result<WarningDecision> {
    chart(vitals, policy).map(|(decision, _)| decision)
}

/// What [`early_warning`] decides: every value of an [`EarlyWarning`] but the text (each sign's
/// value and matching range) and the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WarningDecision {
    /// Chart or score.
    pub mode: WarningMode,
    /// Whether the chart (or score) calls for an urgent review.
    pub triggered: bool,
    /// The overall level (not assessed when no sign was measured).
    pub level: Band,
    /// The band of each sign, in chart order ([`VitalSign::ALL`]).
    pub bands: [Band; SIGNS],
    /// Signs in a red band.
    pub reds: u32,
    /// Signs in a yellow band.
    pub yellows: u32,
    /// The total score (score mode only).
    pub score: Option<u32>,
}

/// How many vital signs the chart has.
pub const SIGNS: usize = VitalSign::ALL.len();

impl WarningDecision {
    /// The band of one sign.
    pub fn band(&self, sign: VitalSign) -> Band {
        self.bands
            .get(sign as usize)
            .copied()
            .unwrap_or(Band::NotAssessed)
    }
}

impl EarlyWarning {
    /// The decision of this chart, without its text: what [`decide_early_warning`] gives for
    /// the same vitals.
    pub fn decision(&self) -> WarningDecision {
        let mut bands = [Band::NotAssessed; SIGNS];
        for (b, sign) in bands.iter_mut().zip(VitalSign::ALL) {
            *b = self.band(*sign);
        }
        WarningDecision {
            mode: self.mode,
            triggered: self.triggered,
            level: self.level,
            bands,
            reds: self.reds,
            yellows: self.yellows,
            score: self.score,
        }
    }
}

/// A sign's measured value.
#[derive(Clone, Copy)]
enum Reading {
    Number(Decimal),
    Avpu(Avpu),
}

/// What put a sign in a yellow or red band.
#[derive(Clone, Copy)]
enum Rule<'p> {
    Range(&'p Limits),
    Avpu(Avpu),
}

/// One sign on the chart, before its text is written.
#[derive(Clone, Copy)]
struct Placed<'p> {
    sign: VitalSign,
    value: Option<Reading>,
    band: Band,
    rule: Option<Rule<'p>>,
    points: Option<u32>,
}

/// Check the vitals and place every sign on the chart of `policy.early_warning`.
fn chart<'p>(
    vitals: &Vitals,
    policy: &'p Policy,
) -> Result<(WarningDecision, [Placed<'p>; SIGNS])> {
    check_vitals(vitals)?;
    let p = &policy.early_warning;
    let b = &p.bands;
    let mut placed = [Placed {
        sign: VitalSign::RespiratoryRate,
        value: None,
        band: Band::NotAssessed,
        rule: None,
        points: None,
    }; SIGNS];
    let mut total = 0u32;
    let mut single_red = false;
    for (slot, &sign) in placed.iter_mut().zip(VitalSign::ALL) {
        let (value, band, rule, points) = if sign == VitalSign::Consciousness {
            match vitals.consciousness {
                None => (None, Band::NotAssessed, None, None),
                Some(c) => {
                    let band = if b.consciousness_red.contains(&c) {
                        Band::Red
                    } else if b.consciousness_yellow.contains(&c) {
                        Band::Yellow
                    } else {
                        Band::Green
                    };
                    let rule = (band != Band::Green).then_some(Rule::Avpu(c));
                    let points = (p.mode == WarningMode::Score).then(|| {
                        if c == Avpu::Alert {
                            0
                        } else {
                            p.score.consciousness_points
                        }
                    });
                    (Some(Reading::Avpu(c)), band, rule, points)
                }
            }
        } else {
            match numeric(vitals, sign) {
                None => (None, Band::NotAssessed, None, None),
                Some(x) => {
                    let bands: &SignBands = match sign {
                        VitalSign::RespiratoryRate => &b.respiratory_rate,
                        VitalSign::Spo2 => &b.spo2,
                        VitalSign::TemperatureC => &b.temperature_c,
                        VitalSign::SystolicBp => &b.systolic_bp,
                        VitalSign::DiastolicBp => &b.diastolic_bp,
                        VitalSign::HeartRate | VitalSign::Consciousness => &b.heart_rate,
                    };
                    let (band, rule) = match first_match(&bands.red, x) {
                        Some(r) => (Band::Red, Some(Rule::Range(r))),
                        None => match first_match(&bands.yellow, x) {
                            Some(r) => (Band::Yellow, Some(Rule::Range(r))),
                            None => (Band::Green, None),
                        },
                    };
                    // The points of the highest-scoring band that holds (score mode only).
                    let points = (p.mode == WarningMode::Score).then(|| {
                        p.score
                            .points
                            .get(sign.as_str())
                            .into_iter()
                            .flatten()
                            .filter(|sb| sb.when.iter().any(|l| l.accepts(x)))
                            .map(|sb| sb.points)
                            .max()
                            .unwrap_or(0)
                    });
                    (Some(Reading::Number(x)), band, rule, points)
                }
            }
        };
        if let Some(pt) = points {
            total += pt;
            single_red |= pt >= p.score.single_red;
        }
        *slot = Placed {
            sign,
            value,
            band,
            rule,
            points,
        };
    }
    let count =
        |band| u32::try_from(placed.iter().filter(|x| x.band == band).count()).unwrap_or(u32::MAX);
    let (reds, yellows) = (count(Band::Red), count(Band::Yellow));
    let assessed = placed.iter().any(|x| x.band != Band::NotAssessed);
    let (level, score) = match p.mode {
        WarningMode::Chart => {
            let level = if reds >= p.trigger.reds {
                Band::Red
            } else if yellows >= p.trigger.yellows {
                Band::Yellow
            } else {
                Band::Green
            };
            (level, None)
        }
        WarningMode::Score => {
            let level = if single_red || total >= p.score.total_red {
                Band::Red
            } else if total >= p.score.total_yellow {
                Band::Yellow
            } else {
                Band::Green
            };
            (level, Some(total))
        }
    };
    let level = if assessed { level } else { Band::NotAssessed };
    let mut bands = [Band::NotAssessed; SIGNS];
    for (b, p) in bands.iter_mut().zip(&placed) {
        *b = p.band;
    }
    let decision = WarningDecision {
        mode: p.mode,
        triggered: matches!(level, Band::Red | Band::Yellow),
        level,
        bands,
        reds,
        yellows,
        score,
    };
    Ok((decision, placed))
}

/// A shock index with the published thresholds.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ShockIndex {
    /// Heart rate ÷ systolic pressure, rounded to 2 decimal places (half away from zero) for
    /// display; the thresholds are compared on the exact ratio.
    pub value: Decimal,
    /// At or above the alert threshold (0.9).
    pub alert: bool,
    /// At or above the high threshold (1.7).
    pub high: bool,
    /// The alert threshold.
    pub alert_threshold: Decimal,
    /// The high threshold.
    pub high_threshold: Decimal,
}

/// The obstetric shock index, heart rate ÷ systolic blood pressure, against the policy's two
/// thresholds (`early_warning.shock_index_alert` 0.9, `shock_index_high` 1.7; Nathan 2015, 2016).
/// The comparison is exact: 90/100 is exactly 0.9, an alert; 89/100 is not.
///
/// ```
/// let si = rakt::maternal::shock_index(90, 100, &rakt::Policy::india())?;
/// assert_eq!(si.value.to_string(), "0.90");
/// assert!(si.alert && !si.high);
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn shock_index(heart_rate: u32, systolic_bp: u32, policy: &Policy) -> Result<ShockIndex> {
    if crate::plausible::check_count("heart_rate", heart_rate, crate::plausible::PULSE_BPM).is_err()
    {
        return Err(RaktError::input(
            "heart_rate",
            format!("{heart_rate} is not a plausible heart rate (1 to 300)"),
        ));
    }
    if systolic_bp == 0 || systolic_bp > 300 {
        return Err(RaktError::input(
            "systolic_bp",
            format!("{systolic_bp} is not a plausible systolic pressure (1 to 300)"),
        ));
    }
    let p = &policy.early_warning;
    let (hr, sbp) = (Decimal::from(heart_rate), Decimal::from(systolic_bp));
    let at_least = |t: Decimal| hr >= t * sbp;
    let mut value = (hr / sbp).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    value.rescale(2);
    Ok(ShockIndex {
        value,
        alert: at_least(p.shock_index_alert),
        high: at_least(p.shock_index_high),
        alert_threshold: p.shock_index_alert,
        high_threshold: p.shock_index_high,
    })
}

coded_enum! {
    /// The ICMR PPH red flag signs.
    RedFlagCode {
        /// Pulse rate above 120/min.
        Tachycardia => "tachycardia",
        /// Systolic pressure below 100 mmHg.
        Hypotension => "hypotension",
        /// SpO2 below 95%.
        Hypoxia => "hypoxia",
        /// Fast breathing.
        Tachypnoea => "tachypnoea",
        /// Deteriorating sensorium.
        Sensorium => "sensorium",
    }
}

/// One PPH red flag.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RedFlag {
    /// The sign.
    pub code: RedFlagCode,
    /// The evidence (`value`, `limit`).
    pub facts: Facts,
    /// Where the rule comes from.
    pub source: Citation,
    /// How sure we are of it.
    pub confidence: Confidence,
}

impl RedFlag {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let template = match (self.code, lang) {
            (RedFlagCode::Tachycardia, Lang::En) => "Pulse {value}/min ({limit}): red flag.",
            (RedFlagCode::Tachycardia, Lang::Hi) => "नाड़ी {value}/मिनट ({limit}): खतरे का संकेत।",
            (RedFlagCode::Hypotension, Lang::En) => {
                "Systolic blood pressure {value} mmHg ({limit}): red flag."
            }
            (RedFlagCode::Hypotension, Lang::Hi) => {
                "सिस्टोलिक रक्तचाप {value} mmHg ({limit}): खतरे का संकेत।"
            }
            (RedFlagCode::Hypoxia, Lang::En) => "SpO2 {value}% ({limit}): red flag.",
            (RedFlagCode::Hypoxia, Lang::Hi) => "SpO2 {value}% ({limit}): खतरे का संकेत।",
            (RedFlagCode::Tachypnoea, Lang::En) => {
                "Respiratory rate {value}/min ({limit}): tachypnoea, red flag."
            }
            (RedFlagCode::Tachypnoea, Lang::Hi) => {
                "साँस की दर {value}/मिनट ({limit}): तेज़ साँस, खतरे का संकेत।"
            }
            (RedFlagCode::Sensorium, Lang::En) => {
                "Consciousness {value}: deteriorating sensorium, red flag."
            }
            (RedFlagCode::Sensorium, Lang::Hi) => "चेतना {value}: होश में गिरावट, खतरे का संकेत।",
        };
        render_with(template, &self.facts, lang, |name, value, lang| {
            match (name, value, lang) {
                ("value", "voice", Lang::Hi) => "केवल आवाज़ पर प्रतिक्रिया".to_string(),
                ("value", "pain", Lang::Hi) => "केवल दर्द पर प्रतिक्रिया".to_string(),
                ("value", "unresponsive", Lang::Hi) => "कोई प्रतिक्रिया नहीं".to_string(),
                ("value", "voice", Lang::En) => "responds to voice only".to_string(),
                ("value", "pain", Lang::En) => "responds to pain only".to_string(),
                _ => localise_fact(name, value, lang),
            }
        })
    }
}

/// The ICMR PPH red flag signs present in `vitals` (`policy.early_warning.red_flags`), in the
/// order of the STW. A sign not measured raises no flag.
///
/// ```
/// use rakt::maternal::{Vitals, pph_red_flags};
/// let v = Vitals { heart_rate: Some(121), systolic_bp: Some(100), ..Vitals::default() };
/// let flags = pph_red_flags(&v, &rakt::Policy::india())?;
/// assert_eq!(flags.len(), 1);
/// assert_eq!(flags[0].code.as_str(), "tachycardia");
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn pph_red_flags(vitals: &Vitals, policy: &Policy) -> Result<Vec<RedFlag>> {
    check_vitals(vitals)?;
    let r = &policy.early_warning.red_flags;
    let (source, confidence) = policy
        .source("early_warning.red_flags")
        .map_or((Citation::default(), Confidence::Unverified), |s| {
            (s.citation.clone(), s.confidence)
        });
    let flag = |code, value: String, limit: String| {
        let mut facts = Facts::new();
        facts.insert("value", value);
        facts.insert("limit", limit);
        RedFlag {
            code,
            facts,
            source: source.clone(),
            confidence,
        }
    };
    let mut out = Vec::new();
    for (code, value, limits) in [
        (RedFlagCode::Tachycardia, vitals.heart_rate, &r.pulse),
        (RedFlagCode::Hypotension, vitals.systolic_bp, &r.systolic_bp),
        (RedFlagCode::Hypoxia, vitals.spo2, &r.spo2),
        (
            RedFlagCode::Tachypnoea,
            vitals.respiratory_rate,
            &r.tachypnoea,
        ),
    ] {
        if let Some(v) = value {
            if limits.accepts(Decimal::from(v)) {
                out.push(flag(code, v.to_string(), limits.to_string()));
            }
        }
    }
    if let Some(c) = vitals.consciousness {
        if r.sensorium.contains(&c) {
            out.push(flag(RedFlagCode::Sensorium, c.to_string(), String::new()));
        }
    }
    Ok(out)
}

coded_enum! {
    /// How the baby was born.
    DeliveryMode {
        /// Vaginal birth (spontaneous or assisted).
        Vaginal => "vaginal",
        /// Caesarean section.
        Caesarean => "caesarean",
    }
}

coded_enum! {
    /// The severity of a PPH by blood loss.
    PphSeverity {
        /// No PPH.
        None => "none",
        /// PPH by deranged vital signs, with less blood loss than the minor band.
        BelowMinor => "below_minor",
        /// Minor (500–1000 mL).
        Minor => "minor",
        /// Major, moderate (1001–2000 mL).
        Moderate => "moderate",
        /// Major, severe (over 2000 mL).
        Severe => "severe",
    }
}

coded_enum! {
    /// When the bleeding happened.
    PphTiming {
        /// Within 24 hours of birth.
        Primary => "primary",
        /// From 24 hours to 12 weeks after birth.
        Secondary => "secondary",
    }
}

/// The classification of a postpartum bleed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PphClass {
    /// Whether it is a postpartum haemorrhage.
    pub pph: bool,
    /// Its severity by blood loss.
    pub severity: PphSeverity,
    /// Major: moderate or severe.
    pub major: bool,
    /// Massive (major obstetric) haemorrhage.
    pub massive: bool,
    /// Primary or secondary.
    pub timing: PphTiming,
    /// Why: the threshold that applied (`≥ 500` after a vaginal birth, `> 1000` after a
    /// caesarean, or deranged vital signs).
    pub basis: String,
    /// Where the rules come from.
    pub source: Citation,
}

impl fmt::Display for PphClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.timing, self.severity)
    }
}

/// Classify a bleed after birth (`policy.early_warning.pph`, RCOG GTG 52 and ICMR STW PPH):
/// PPH is a loss of ≥ 500 mL after a vaginal birth or > 1000 mL after a caesarean, or any loss
/// with deranged vital signs (ICMR); minor 500–1000 mL, moderate 1001–2000 mL, severe over
/// 2000 mL; massive over 1500 mL; primary within 24 hours of birth, secondary up to 12 weeks.
/// A bleed after 12 weeks is refused: it is not a postpartum haemorrhage.
///
/// ```
/// use rakt::maternal::{DeliveryMode, classify_pph};
/// let p = rakt::Policy::india();
/// let c = classify_pph(1000, DeliveryMode::Caesarean, 2, false, &p)?;
/// assert!(!c.pph);
/// let c = classify_pph(1001, DeliveryMode::Caesarean, 2, false, &p)?;
/// assert_eq!(c.to_string(), "primary moderate");
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn classify_pph(
    blood_loss_ml: u32,
    mode: DeliveryMode,
    hours_after_birth: u32,
    vitals_deranged: bool,
    policy: &Policy,
) -> Result<PphClass> {
    let h = &policy.early_warning.pph;
    if blood_loss_ml > 20_000 {
        return Err(RaktError::input(
            "blood_loss_ml",
            format!("{blood_loss_ml} mL is not plausible"),
        ));
    }
    let secondary_hours = h.secondary_until_weeks.saturating_mul(7 * 24);
    let timing = if hours_after_birth <= h.primary_within_hours {
        PphTiming::Primary
    } else if hours_after_birth <= secondary_hours {
        PphTiming::Secondary
    } else {
        return Err(RaktError::input(
            "hours_after_birth",
            format!(
                "{hours_after_birth} hours is more than {} weeks after birth: not a postpartum haemorrhage",
                h.secondary_until_weeks
            ),
        ));
    };
    let loss = Decimal::from(blood_loss_ml);
    let threshold = match mode {
        DeliveryMode::Vaginal => h.vaginal_ml,
        DeliveryMode::Caesarean => h.caesarean_ml,
    };
    let by_volume = threshold.accepts(loss);
    let pph = by_volume || vitals_deranged;
    let severity = if !pph {
        PphSeverity::None
    } else if h.severe_ml.accepts(loss) {
        PphSeverity::Severe
    } else if h.moderate_ml.accepts(loss) {
        PphSeverity::Moderate
    } else if h.minor_ml.accepts(loss) {
        PphSeverity::Minor
    } else {
        PphSeverity::BelowMinor
    };
    let basis = if by_volume {
        format!("{mode} {threshold} mL")
    } else if vitals_deranged {
        "deranged vital signs".to_string()
    } else {
        format!("below {mode} {threshold} mL")
    };
    Ok(PphClass {
        pph,
        severity,
        major: matches!(severity, PphSeverity::Moderate | PphSeverity::Severe),
        massive: pph && h.massive_ml.accepts(loss),
        timing,
        basis,
        source: policy
            .source("early_warning.pph")
            .map(|s| s.citation.clone())
            .unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn red_flag_messages_render_in_both_languages() {
        for &code in RedFlagCode::ALL {
            let mut facts = Facts::new();
            facts.insert("value", "voice");
            facts.insert("limit", "> 120");
            let f = RedFlag {
                code,
                facts,
                source: Citation::default(),
                confidence: Confidence::Medium,
            };
            assert!(!f.message(Lang::En).contains('{'));
            let hi = f.message(Lang::Hi);
            assert!(!hi.contains('{'));
            assert!(hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)));
        }
    }
}
