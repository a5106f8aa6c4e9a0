//! Policy parameters of obstetric early warning (a MEOWS-style chart or an aggregate score), the
//! shock index, the ICMR PPH red flags and the PPH classification (`research/maternal.md` §2).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Confidence, Limits, Source};
use crate::error::{RaktError, Result};
use crate::macros::coded_enum;

coded_enum! {
    /// Level of consciousness (AVPU).
    Avpu {
        /// Alert.
        Alert => "alert",
        /// Responds to voice.
        Voice => "voice",
        /// Responds to pain.
        Pain => "pain",
        /// Unresponsive.
        Unresponsive => "unresponsive",
    }
}

coded_enum! {
    /// How the early-warning chart decides.
    WarningMode {
        /// Coloured bands: trigger on enough reds or yellows.
        Chart => "chart",
        /// Aggregate score: points per parameter, trigger on a single high score or the total.
        Score => "score",
    }
}

/// The yellow and red bands of one vital sign: a value is red when any red range holds, else
/// yellow when any yellow range holds, else green.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignBands {
    /// Red ranges.
    #[serde(default)]
    pub red: Vec<Limits>,
    /// Yellow ranges.
    #[serde(default)]
    pub yellow: Vec<Limits>,
}

/// The bands of every vital sign on the chart.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartBands {
    /// Respiratory rate, breaths per minute.
    pub respiratory_rate: SignBands,
    /// Oxygen saturation, %.
    pub spo2: SignBands,
    /// Temperature, °C.
    pub temperature_c: SignBands,
    /// Systolic blood pressure, mmHg.
    pub systolic_bp: SignBands,
    /// Diastolic blood pressure, mmHg.
    pub diastolic_bp: SignBands,
    /// Heart rate, beats per minute.
    pub heart_rate: SignBands,
    /// Consciousness levels that are red.
    pub consciousness_red: Vec<Avpu>,
    /// Consciousness levels that are yellow.
    #[serde(default)]
    pub consciousness_yellow: Vec<Avpu>,
}

/// The chart's trigger: at least this many reds, or this many yellows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartTrigger {
    /// Reds that trigger.
    pub reds: u32,
    /// Yellows that trigger.
    pub yellows: u32,
}

/// Points of one vital sign in the aggregate score: the first band (highest points first) whose
/// range holds gives its points; none gives 0.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreBand {
    /// The points.
    pub points: u32,
    /// The ranges that score them.
    pub when: Vec<Limits>,
}

/// The aggregate-score variant.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScorePolicy {
    /// Points per vital sign, by sign name (`respiratory_rate`, `spo2`, `temperature_c`,
    /// `systolic_bp`, `diastolic_bp`, `heart_rate`).
    pub points: BTreeMap<String, Vec<ScoreBand>>,
    /// Points for a consciousness level other than alert.
    pub consciousness_points: u32,
    /// A single parameter scoring at least this is red.
    pub single_red: u32,
    /// A total at least this is red.
    pub total_red: u32,
    /// A total at least this is yellow (amber).
    pub total_yellow: u32,
}

/// The PPH classification by blood loss (mL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PphPolicy {
    /// Blood loss that is PPH after a vaginal birth.
    pub vaginal_ml: Limits,
    /// Blood loss that is PPH after a caesarean section.
    pub caesarean_ml: Limits,
    /// Minor PPH.
    pub minor_ml: Limits,
    /// Major PPH, moderate.
    pub moderate_ml: Limits,
    /// Major PPH, severe.
    pub severe_ml: Limits,
    /// Massive (major obstetric) haemorrhage.
    pub massive_ml: Limits,
    /// Primary PPH: within this many hours of birth (inclusive).
    pub primary_within_hours: u32,
    /// Secondary PPH: after the primary window, up to this many weeks after birth (inclusive).
    pub secondary_until_weeks: u32,
}

/// The ICMR PPH red flags.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlagPolicy {
    /// Pulse rate that is a red flag.
    pub pulse: Limits,
    /// Systolic pressure that is a red flag.
    pub systolic_bp: Limits,
    /// SpO2 that is a red flag.
    pub spo2: Limits,
    /// Respiratory rate that counts as tachypnoea.
    pub tachypnoea: Limits,
    /// Consciousness levels that count as a deteriorating sensorium.
    pub sensorium: Vec<Avpu>,
}

/// Early warning, shock index and haemorrhage parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlyWarningPolicy {
    /// Chart or score.
    pub mode: WarningMode,
    /// The chart's bands.
    pub bands: ChartBands,
    /// The chart's trigger.
    pub trigger: ChartTrigger,
    /// The score variant (used in score mode).
    pub score: ScorePolicy,
    /// A shock index at or above this is the alert threshold.
    pub shock_index_alert: Decimal,
    /// A shock index at or above this is the high threshold.
    pub shock_index_high: Decimal,
    /// The ICMR PPH red flags.
    pub red_flags: RedFlagPolicy,
    /// The PPH classification.
    pub pph: PphPolicy,
}

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

fn below(n: Decimal) -> Limits {
    Limits {
        below: Some(n),
        ..Limits::default()
    }
}

fn above(n: Decimal) -> Limits {
    Limits::above(n)
}

const MEOWS_RULE: &str = "CEMACH 2007 MEOWS as validated in Delhi (Singh A et al., Eur J Obstet Gynecol Reprod Biol 2016;207:11-17) and Dudley et al. (Arch Dis Child Fetal Neonatal Ed 95 Suppl 1): trigger on one red or two yellows (research/maternal.md §2.1)";
const MEOWS_BANDS: &str = "MEOWS bands as a third-party calculator gives them (public GitHub code, \"your unit chart may differ\"): RR red < 10 or > 30, yellow > 20; SpO2 red < 95; temperature red < 35 or > 38, yellow < 36 or > 37.4; systolic red < 90 or > 160, yellow < 100 or > 150; diastolic red > 100, yellow > 90; HR red < 40 or > 120, yellow < 50 or > 100; AVPU other than alert red (research/maternal.md §2.1)";
const SCORE_SRC: &str = "Aggregate-weighted MEOWS, one open implementation (public GitHub code): any single parameter scoring 3 = red; total >= 5 = red; total 3-4 = amber; SBP <= 90 or >= 160 scores 3, >= 150 or <= 100 scores 2, >= 140 scores 1 (research/maternal.md §2.1)";
const SI_ALERT: &str = "Nathan HL et al., PLOS One 2016;11:e0168535: normal postpartum shock index 90% range 0.52-0.89, supporting 0.9; Nathan HL et al., BJOG 2015: SI >= 0.9 100% sensitive for ICU admission (research/maternal.md §2.3)";
const SI_HIGH: &str = "Nathan HL et al., BJOG 2015 (PPH >= 1500 mL, n=233): SI >= 1.7 97.7% specific for ICU admission (research/maternal.md §2.3)";
const ICMR_PPH: &str = "ICMR/DHR Standard Treatment Workflow, Management of Postpartum Haemorrhage (Oct 2019), red flag signs: PR > 120/min, systolic BP < 100 mmHg, SpO2 < 95%, tachypnoea, deterioration of sensorium (markdown transcription in public GitHub code) (research/maternal.md §2.2)";
const RCOG_PPH: &str = "RCOG Green-top Guideline 52 (2016 summary): primary PPH >= 500 mL within 24 h of birth; minor 500-1000 mL, major > 1000 mL (moderate 1000-2000, severe > 2000); secondary PPH 24 h to 12 weeks (research/maternal.md §2.4)";
const CS_PPH: &str = "Chavan R, Latoo MY. BJMP 2013;6(1):a604: caesarean PPH > 1000 mL; major obstetric haemorrhage > 1500 mL (research/maternal.md §2.4)";

/// Which variant of early warning a profile uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WarningVariant {
    /// The coloured chart.
    Chart,
    /// The aggregate score.
    Score,
}

/// The early-warning parameters, citing each.
pub(super) fn early_warning(
    s: &mut BTreeMap<String, Source>,
    variant: WarningVariant,
) -> EarlyWarningPolicy {
    let mut cite = |path: &str, source: Source| {
        s.insert(format!("early_warning.{path}"), source);
    };
    let mode = match variant {
        WarningVariant::Chart => {
            cite(
                "mode",
                Source::new(MEOWS_RULE, Confidence::High)
                    .alt("score", SCORE_SRC)
                    .alt("score >= 3 (ONEWS, India-validated)", "IJMR validation study of ONEWS in high-risk pregnant women, Delhi (research/maternal.md §2.1); its scoring table was not retrieved"),
            );
            WarningMode::Chart
        }
        WarningVariant::Score => {
            cite(
                "mode",
                Source::new(SCORE_SRC, Confidence::Low).alt("chart", MEOWS_RULE),
            );
            WarningMode::Score
        }
    };
    cite(
        "bands",
        Source::new(MEOWS_BANDS, Confidence::Low)
            .note("Weak provenance: the primary MEOWS table (Singh, McGlennan, England, Simons, Anaesthesia 2012; the CEMACH 2007 chart) was not retrieved and no Indian national chart was found; charts vary by unit (OAA review). Set your unit's chart in a policy file.")
            .alt("temperature yellow 35-36 °C only", "commonly quoted, unverified (research/maternal.md §8)")
            .alt("AVPU voice yellow", "some charts, unverified (research/maternal.md §2.1)")
            .alt(
                "MEWT: temp <= 36 or >= 38, SpO2 <= 93, HR < 50 or > 110, RR < 12 or > 24, SBP < 80 or > 155, DBP < 45 or > 105",
                "Shields et al. MEWT via medicalalgorithms.com (research/maternal.md §2.1)",
            ),
    );
    cite("trigger", Source::new(MEOWS_RULE, Confidence::High));
    cite(
        "score",
        Source::new(SCORE_SRC, Confidence::Unverified).note(
            "Only the systolic points and the thresholds are in the source. The other signs score 3 in the chart's red range and 1 in its yellow range, and consciousness other than alert scores 3: rakt's mapping, unverified.",
        ),
    );
    cite("shock_index_alert", Source::new(SI_ALERT, Confidence::High));
    cite("shock_index_high", Source::new(SI_HIGH, Confidence::High));
    cite(
        "red_flags",
        Source::new(ICMR_PPH, Confidence::Medium).note(
            "The STW gives no rate for tachypnoea: rakt uses a respiratory rate above 20 (the MEOWS yellow band), unverified.",
        ),
    );
    cite(
        "pph",
        Source::new(RCOG_PPH, Confidence::High)
            .alt(
                "any blood loss with deranged vital parameters",
                "ICMR STW PPH: more than 500 mL or any amount of bleeding that deranges the vital parameters is PPH (research/maternal.md §2.4); rakt applies it through vitals_deranged",
            )
            .note(CS_PPH),
    );
    let bands = ChartBands {
        respiratory_rate: SignBands {
            red: vec![below(d(10)), above(d(30))],
            yellow: vec![above(d(20))],
        },
        spo2: SignBands {
            red: vec![below(d(95))],
            yellow: Vec::new(),
        },
        temperature_c: SignBands {
            red: vec![below(d(35)), above(d(38))],
            yellow: vec![below(d(36)), above(Decimal::new(374, 1))],
        },
        systolic_bp: SignBands {
            red: vec![below(d(90)), above(d(160))],
            yellow: vec![below(d(100)), above(d(150))],
        },
        diastolic_bp: SignBands {
            red: vec![above(d(100))],
            yellow: vec![above(d(90))],
        },
        heart_rate: SignBands {
            red: vec![below(d(40)), above(d(120))],
            yellow: vec![below(d(50)), above(d(100))],
        },
        consciousness_red: vec![Avpu::Voice, Avpu::Pain, Avpu::Unresponsive],
        consciousness_yellow: Vec::new(),
    };
    let from_chart = |b: &SignBands| {
        let mut out = vec![ScoreBand {
            points: 3,
            when: b.red.clone(),
        }];
        if !b.yellow.is_empty() {
            out.push(ScoreBand {
                points: 1,
                when: b.yellow.clone(),
            });
        }
        out
    };
    let mut points = BTreeMap::new();
    points.insert(
        "respiratory_rate".into(),
        from_chart(&bands.respiratory_rate),
    );
    points.insert("spo2".into(), from_chart(&bands.spo2));
    points.insert("temperature_c".into(), from_chart(&bands.temperature_c));
    points.insert(
        "systolic_bp".into(),
        vec![
            ScoreBand {
                points: 3,
                when: vec![Limits::at_most(d(90)), Limits::at_least(d(160))],
            },
            ScoreBand {
                points: 2,
                when: vec![Limits::at_least(d(150)), Limits::at_most(d(100))],
            },
            ScoreBand {
                points: 1,
                when: vec![Limits::at_least(d(140))],
            },
        ],
    );
    points.insert("diastolic_bp".into(), from_chart(&bands.diastolic_bp));
    points.insert("heart_rate".into(), from_chart(&bands.heart_rate));
    EarlyWarningPolicy {
        mode,
        bands,
        trigger: ChartTrigger {
            reds: 1,
            yellows: 2,
        },
        score: ScorePolicy {
            points,
            consciousness_points: 3,
            single_red: 3,
            total_red: 5,
            total_yellow: 3,
        },
        shock_index_alert: Decimal::new(9, 1),
        shock_index_high: Decimal::new(17, 1),
        red_flags: RedFlagPolicy {
            pulse: above(d(120)),
            systolic_bp: below(d(100)),
            spo2: below(d(95)),
            tachypnoea: above(d(20)),
            sensorium: vec![Avpu::Voice, Avpu::Pain, Avpu::Unresponsive],
        },
        pph: PphPolicy {
            vaginal_ml: Limits::at_least(d(500)),
            caesarean_ml: above(d(1000)),
            minor_ml: Limits::between(d(500), d(1000)),
            moderate_ml: Limits {
                above: Some(d(1000)),
                max: Some(d(2000)),
                ..Limits::default()
            },
            severe_ml: above(d(2000)),
            massive_ml: above(d(1500)),
            primary_within_hours: 24,
            secondary_until_weeks: 12,
        },
    }
}

/// The score variant's vital signs.
pub(crate) const SCORED_SIGNS: [&str; 6] = [
    "respiratory_rate",
    "spo2",
    "temperature_c",
    "systolic_bp",
    "diastolic_bp",
    "heart_rate",
];

pub(super) fn validate_early_warning(p: &EarlyWarningPolicy) -> Result<()> {
    let b = &p.bands;
    for (name, sign) in [
        ("respiratory_rate", &b.respiratory_rate),
        ("spo2", &b.spo2),
        ("temperature_c", &b.temperature_c),
        ("systolic_bp", &b.systolic_bp),
        ("diastolic_bp", &b.diastolic_bp),
        ("heart_rate", &b.heart_rate),
    ] {
        for l in sign.red.iter().chain(&sign.yellow) {
            l.validate(&format!("early_warning.bands.{name}"))?;
        }
    }
    if p.trigger.reds == 0 || p.trigger.yellows == 0 {
        return Err(RaktError::policy(
            "early_warning.trigger",
            "reds and yellows must be at least 1",
        ));
    }
    for (name, bands) in &p.score.points {
        if !SCORED_SIGNS.contains(&name.as_str()) {
            return Err(RaktError::policy(
                "early_warning.score",
                format!("{name:?} is not a vital sign ({})", SCORED_SIGNS.join(", ")),
            ));
        }
        for band in bands {
            for l in &band.when {
                l.validate(&format!("early_warning.score.points.{name}"))?;
            }
        }
    }
    let s = &p.score;
    if s.single_red == 0 || s.total_yellow == 0 || s.total_yellow > s.total_red {
        return Err(RaktError::policy(
            "early_warning.score",
            "need single_red >= 1 and 1 <= total_yellow <= total_red",
        ));
    }
    if p.shock_index_alert <= Decimal::ZERO || p.shock_index_high < p.shock_index_alert {
        return Err(RaktError::policy(
            "early_warning.shock_index_high",
            "need 0 < shock_index_alert <= shock_index_high",
        ));
    }
    let r = &p.red_flags;
    for (name, l) in [
        ("pulse", &r.pulse),
        ("systolic_bp", &r.systolic_bp),
        ("spo2", &r.spo2),
        ("tachypnoea", &r.tachypnoea),
    ] {
        l.validate(&format!("early_warning.red_flags.{name}"))?;
    }
    let h = &p.pph;
    for (name, l) in [
        ("vaginal_ml", &h.vaginal_ml),
        ("caesarean_ml", &h.caesarean_ml),
        ("minor_ml", &h.minor_ml),
        ("moderate_ml", &h.moderate_ml),
        ("severe_ml", &h.severe_ml),
        ("massive_ml", &h.massive_ml),
    ] {
        l.validate(&format!("early_warning.pph.{name}"))?;
    }
    if h.primary_within_hours == 0 || h.secondary_until_weeks == 0 {
        return Err(RaktError::policy(
            "early_warning.pph",
            "the primary and secondary windows must be at least 1",
        ));
    }
    Ok(())
}
