//! Policy parameters of the antenatal high-risk pregnancy (HRP) flags, the referral table and
//! the blood plan for delivery (`research/maternal.md` §1, §5, §6).
//!
//! Three built-in variants of the HRP cut-offs exist, because Indian sources disagree
//! (`research/maternal.md` §8):
//! - `india` follows the HMIS forms where they give a value (severe anaemia `Hb ≤ 7 g/dL`,
//!   the newest facility format) and, where they do not, the RCH register's high-risk pick-list
//!   as the NHM-deployed FLW app carries it (height `< 140 cm`, age `< 18` or `> 35`, more than
//!   3 deliveries, interval `< 18 months`);
//! - `india_flw` is the FLW app throughout (severe anaemia `Hb < 7 g/dL`);
//! - `india_openchs` takes the OpenCHS/Avni mother module's cut-offs (height `≤ 145 cm`, age
//!   `> 30`, gravida `≥ 5`, weight `≤ 35 kg`, `Hb < 7 g/dL`) and keeps the others from `india`.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Confidence, Limits, Source};
use crate::error::{RaktError, Result};
use crate::macros::coded_enum;
use crate::vocab::maternal::{BloodRiskFactor, CareLevel, FlagCode, UrineProtein};

coded_enum! {
    /// Which count the grand-multiparity rule reads.
    BirthCount {
        /// Previous births (parity).
        Parity => "parity",
        /// Pregnancies including this one (gravida).
        Gravida => "gravida",
    }
}

/// The grand-multiparity rule: a count and the values that flag it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MultiparityRule {
    /// Which count.
    pub count: BirthCount,
    /// The counts that flag.
    pub flag_when: Limits,
}

/// Blood-pressure classes of hypertension in pregnancy (WHO ANC DAK logic, `ANCDT17`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HypertensionPolicy {
    /// A systolic pressure in this range is hypertensive.
    pub systolic: Limits,
    /// A diastolic pressure in this range is hypertensive.
    pub diastolic: Limits,
    /// A systolic pressure in this range is severe.
    pub severe_systolic: Limits,
    /// A diastolic pressure in this range is severe.
    pub severe_diastolic: Limits,
    /// Urine protein at or above this grade with hypertension is pre-eclampsia.
    pub proteinuria_from: UrineProtein,
    /// Whether a hypertensive reading needs a hypertensive repeat reading to count.
    pub require_repeat: bool,
}

/// Haemoglobin cut-offs of anaemia in pregnancy, in g/dL. The anaemia line may differ by
/// trimester (RCOG Green-top 47: `< 11.0` in the first, `< 10.5` in the second and third); the
/// severity bands apply at any gestation and are optional: a profile grades only the bands its
/// source gives. The most severe band that holds wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnaemiaBands {
    /// Anaemia in the first trimester.
    pub first_trimester: Limits,
    /// Anaemia in the second trimester.
    pub second_trimester: Limits,
    /// Anaemia in the third trimester.
    pub third_trimester: Limits,
    /// Moderate anaemia; `None` where the profile's source gives no moderate band.
    #[serde(default)]
    pub moderate: Option<Limits>,
    /// Severe anaemia; `None` where the profile's source gives no severe band.
    #[serde(default)]
    pub severe: Option<Limits>,
}

impl AnaemiaBands {
    /// The same anaemia line in every trimester.
    fn any_trimester(anaemia: Limits, moderate: Option<Limits>, severe: Option<Limits>) -> Self {
        AnaemiaBands {
            first_trimester: anaemia,
            second_trimester: anaemia,
            third_trimester: anaemia,
            moderate,
            severe,
        }
    }

    /// The anaemia lines of the three trimesters, in order.
    pub fn trimesters(&self) -> [Limits; 3] {
        [
            self.first_trimester,
            self.second_trimester,
            self.third_trimester,
        ]
    }

    /// Whether the anaemia line depends on the trimester.
    pub fn by_trimester(&self) -> bool {
        self.first_trimester != self.second_trimester
            || self.second_trimester != self.third_trimester
    }
}

/// Trimester boundaries in completed weeks of gestation: each trimester starts at its week
/// (inclusive), so `second_from: 14` puts 13+6 in the first trimester and 14+0 in the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrimesterWeeks {
    /// The second trimester starts at this week.
    pub second_from: u32,
    /// The third trimester starts at this week.
    pub third_from: u32,
}

impl TrimesterWeeks {
    /// The trimester (1, 2 or 3) of a gestation in completed weeks.
    pub fn trimester(&self, weeks: u32) -> usize {
        if weeks >= self.third_from {
            3
        } else if weeks >= self.second_from {
            2
        } else {
            1
        }
    }
}

/// The HRP flag cut-offs. Each cut-off is the range of values that raises the flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HrpPolicy {
    /// Age in completed years that flags a young mother.
    pub young_age_years: Limits,
    /// Age in completed years that flags an older mother.
    pub old_age_years: Limits,
    /// Height in cm that flags short stature.
    pub short_stature_cm: Limits,
    /// Weight in kg that flags a low weight; `None` where the profile's source gives none.
    #[serde(default)]
    pub low_weight_kg: Option<Limits>,
    /// Grand multiparity.
    pub grand_multiparity: MultiparityRule,
    /// Months since the end of the last pregnancy that flag a short interval.
    pub short_interval_months: Limits,
    /// Previous abortions that flag recurrent pregnancy loss.
    pub recurrent_abortions: Limits,
    /// Hypertension classes.
    pub hypertension: HypertensionPolicy,
    /// Hypertension first found from this many completed weeks is gestational (20: from
    /// 20+0 weeks); found before it, it is chronic (pre-existing).
    pub gestational_hypertension_from_weeks: u32,
    /// Vaginal bleeding after this many completed weeks is antepartum haemorrhage.
    pub antepartum_haemorrhage_after_weeks: u32,
    /// Anaemia cut-offs; `None` where the profile has no sourced cut-off: the rule is not
    /// configured, no grade is computed and the assessment lists `anaemia_not_configured`.
    #[serde(default)]
    pub anaemia_hb_g_dl: Option<AnaemiaBands>,
    /// The trimester boundaries the anaemia cut-offs use; required when they differ by
    /// trimester, `None` when they do not.
    #[serde(default)]
    pub anaemia_trimester_weeks: Option<TrimesterWeeks>,
    /// The 75 g OGTT 2-hour venous plasma glucose in mg/dL that diagnoses GDM; `None` where the
    /// profile's test needs values the record does not hold: the rule is not configured and
    /// the assessment lists `gdm_not_configured`.
    #[serde(default)]
    pub gdm_ogtt_2h_mg_dl: Option<Limits>,
}

/// How soon a mother should reach the level of care.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// Plan the delivery (and care) at that level.
    #[default]
    Planned,
    /// Within a day.
    Urgent,
    /// Now: stabilise and refer immediately.
    Emergency,
}

impl Urgency {
    /// `planned`, `urgent` or `emergency`.
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Planned => "planned",
            Urgency::Urgent => "urgent",
            Urgency::Emergency => "emergency",
        }
    }
}

/// The level of care and urgency one flag needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralRule {
    /// The minimum level of care.
    pub level: CareLevel,
    /// How soon.
    pub urgency: Urgency,
}

/// The referral table: the level of care each flag needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralPolicy {
    /// The level for a pregnancy with no flag.
    pub default_level: CareLevel,
    /// The rule of each flag; a flag not listed needs the default level.
    pub rules: BTreeMap<FlagCode, ReferralRule>,
}

/// What to prepare for one blood-risk tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum BloodAction {
    /// No pretransfusion testing.
    None,
    /// Group and antibody screen on a sample; no units held.
    GroupAndScreen,
    /// Crossmatch (and hold) this many units of red cells.
    Crossmatch {
        /// Units of red cells.
        units: u32,
    },
}

impl BloodAction {
    /// How many units of red cells to crossmatch (0 for no crossmatch).
    pub fn units(self) -> u32 {
        match self {
            BloodAction::Crossmatch { units } => units,
            BloodAction::None | BloodAction::GroupAndScreen => 0,
        }
    }
}

/// The blood plan for delivery: haemorrhage-risk tiers and what each prepares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BloodPlanPolicy {
    /// Any of these puts the mother in the high tier.
    pub high_risk: Vec<BloodRiskFactor>,
    /// Any of these (and none of the high ones) puts her in the medium tier.
    pub medium_risk: Vec<BloodRiskFactor>,
    /// Haematocrit (%) that counts as low.
    pub low_haematocrit_pct: Limits,
    /// Platelet count (per µL) that counts as low.
    pub low_platelets_per_ul: Limits,
    /// Previous births that count as many.
    pub many_previous_births: Limits,
    /// What the high tier prepares.
    pub high: BloodAction,
    /// What the medium tier prepares.
    pub medium: BloodAction,
    /// What the low tier prepares.
    pub low: BloodAction,
}

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

const FLW: &str = "PSMRI/FLW-Mobile-App (Piramal Swasthya AMRIT FLW/Sakhi, NHM-deployed ANM/ASHA app), HRPPregnantAssessDataset.kt and strings_maternal_health.xml, the RCH register's high-risk pick-list as the app carries it (research/maternal.md §1.3)";
const OPENCHS: &str = "OpenCHS/health-modules mother module, motherProgramDecision.js (research/maternal.md §1.4; third-party code with known bugs, used for its cut-offs only)";
const HMIS_HB: &str = "HMIS newest facility format: 1.4.3 Hb < 11 (7.1 to 10.9 g/dl), 1.4.4 Hb <= 7 g/dl (AP HMIS validation dashboard transcription); NFHS/WHO grading mild 10.0–10.9, moderate 7.0–9.9 (research/maternal.md §1.2, §1.5)";
const WHO_DAK_HTN: &str = "WHO ANC DAK decision table ANC.DT.17 (smart-anc input/cql/ANCDT17.cql, commit 6982cb1, Mar 2025): raised blood pressure is the same component raised on the initial and the repeat reading (systolic ≥ 140 on both, or diastolic ≥ 90 on both); severe hypertension ≥ 160 systolic on both or ≥ 110 diastolic on both with urine protein none or +; pre-eclampsia with urine protein ++ or more and no severe pre-eclampsia symptom; severe pre-eclampsia with any severe pre-eclampsia symptom, whatever the urine protein (research/maternal.md §1.5)";
const GESTATIONAL_FROM: &str = "ISSHP classification; SOGC hypertension guideline: hypertension before 20+0 weeks is chronic (pre-existing), from 20+0 weeks gestational (research/maternal.md §1.5)";
const RCOG_GTG47: &str = "RCOG Green-top Guideline 47, Blood Transfusion in Obstetrics (2015), executive summary: anaemia in pregnancy is Hb < 110 g/L (11.0 g/dL) in the first trimester and < 105 g/L (10.5 g/dL) in the second and third (research/maternal.md §1.5)";
const CDC_1998: &str = "CDC, Recommendations to Prevent and Control Iron Deficiency in the United States, MMWR 1998;47(RR-3), anaemia cut-offs for pregnant women: Hb < 11.0 g/dL in the first trimester, < 10.5 in the second, < 11.0 in the third; the definition ACOG Practice Bulletin 95 (2008) adopts and Practice Bulletin 233 (2021) keeps (copies of the MMWR, the IOM Nutrition During Pregnancy table and the ACOG bulletins, not the originals)";
const ICD10CM_TRIMESTERS: &str = "ICD-10-CM Chapter 15 (O00-O9A) note: trimesters counted from the first day of the LMP; 1st trimester less than 14 weeks 0 days, 2nd 14 weeks 0 days to less than 28 weeks 0 days, 3rd 28 weeks 0 days until delivery (transcribed by coding references)";
const NHS_TRIMESTERS: &str = "NHS trust patient pages (e.g. East Kent Hospitals pregnancy timeline): the first trimester lasts until the end of week 12";
const NICE_NG3: &str = "NICE NG3 Diabetes in pregnancy (2015): diagnose GDM on a 75 g 2-hour OGTT with fasting plasma glucose ≥ 5.6 mmol/L or 2-hour plasma glucose ≥ 7.8 mmol/L (as quoted by GPnotebook and BMJ Open, Table 1)";
const US_GDM: &str = "US practice: ACOG two-step testing (100 g 3-hour OGTT, Carpenter-Coustan or NDDG values) or the IADPSG one-step 75 g OGTT with fasting, 1-hour and 2-hour values (values not retrieved)";
const DIPSI: &str = "MoHFW National Guidelines for Diagnosis & Management of GDM (Dec 2014), DIPSI single step: 75 g non-fasting, 2-hour venous plasma glucose ≥ 140 mg/dL, as tabulated in BMC Health Serv Res 2021 (research/maternal.md §1.5)";

/// Which variant of the HRP cut-offs a profile uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HrpVariant {
    /// HMIS wording, and the RCH pick-list (FLW app) where HMIS gives no value.
    Hmis,
    /// The FLW app throughout.
    Flw,
    /// OpenCHS/Avni cut-offs.
    OpenChs,
    /// The `uk` profile: the `india` cut-offs, anaemia by RCOG Green-top 47, GDM not configured.
    Uk,
    /// The `us` profile: the `india` cut-offs, anaemia by CDC 1998, GDM not configured.
    Us,
}

/// The HRP cut-offs of a variant, citing each parameter.
pub(super) fn hrp(s: &mut BTreeMap<String, Source>, variant: HrpVariant) -> HrpPolicy {
    let mut cite = |path: &str, source: Source| {
        s.insert(format!("hrp.{path}"), source);
    };
    let openchs = variant == HrpVariant::OpenChs;
    cite(
        "young_age_years",
        Source::new(
            format!("{FLW}: age less than 18; {OPENCHS}: age < 18"),
            Confidence::Low,
        ),
    );
    let old_age_years = if openchs {
        cite(
            "old_age_years",
            Source::new(
                format!("{OPENCHS}: \"old age pregnancy\" age > 30"),
                Confidence::Low,
            )
            .alt("> 35", FLW),
        );
        Limits::above(d(30))
    } else {
        cite(
            "old_age_years",
            Source::new(format!("{FLW}: age more than 35"), Confidence::Low).alt("> 30", OPENCHS),
        );
        Limits::above(d(35))
    };
    let short_stature_cm = if openchs {
        cite(
            "short_stature_cm",
            Source::new(format!("{OPENCHS}: height <= 145 cm"), Confidence::Low)
                .alt("< 140", FLW)
                .alt(
                    "< 150",
                    "omedicine.org high-risk pregnancy list (non-Indian teaching page)",
                ),
        );
        Limits::at_most(d(145))
    } else {
        cite(
            "short_stature_cm",
            Source::new(format!("{FLW}: height less than 140 cms"), Confidence::Low)
                .alt("≤ 145", OPENCHS)
                .alt(
                    "< 150",
                    "omedicine.org high-risk pregnancy list (non-Indian teaching page)",
                ),
        );
        Limits {
            below: Some(d(140)),
            ..Limits::default()
        }
    };
    let low_weight_kg = if openchs {
        cite(
            "low_weight_kg",
            Source::new(format!("{OPENCHS}: weight <= 35 kg"), Confidence::Low)
                .note("No national threshold was retrieved (research/maternal.md §1.4)."),
        );
        Some(Limits::at_most(d(35)))
    } else {
        None
    };
    let grand_multiparity = if openchs {
        cite(
            "grand_multiparity",
            Source::new(format!("{OPENCHS}: gravida >= 5"), Confidence::Low).alt("parity > 3", FLW),
        );
        MultiparityRule {
            count: BirthCount::Gravida,
            flag_when: Limits::at_least(d(5)),
        }
    } else {
        cite(
            "grand_multiparity",
            Source::new(
                format!("{FLW}: number of deliveries more than 3"),
                Confidence::Low,
            )
            .alt("gravida ≥ 5", OPENCHS)
            .alt("parity ≥ 5", "omedicine.org (non-Indian teaching page)"),
        );
        MultiparityRule {
            count: BirthCount::Parity,
            flag_when: Limits::above(d(3)),
        }
    };
    cite(
        "short_interval_months",
        Source::new(
            format!("{FLW}: time from last delivery less than 18 months; NFHS-5 HRP analysis (JoGH 2023)"),
            Confidence::Low,
        )
        .alt("< 24 months", "omedicine.org (non-Indian teaching page)")
        .note(if openchs {
            "OpenCHS gives no interval rule; kept from the india profile."
        } else {
            "Months are counted from the end of the last pregnancy to the LMP of this one, as the caller records them."
        }),
    );
    cite(
        "recurrent_abortions",
        Source::new(format!("{OPENCHS}: three or more spontaneous abortions"), Confidence::Low)
            .alt("any abortion", OPENCHS)
            .note("The FLW app lists \"repeated abortion\" without a count; no Indian programme count was retrieved."),
    );
    cite(
        "hypertension",
        Source::new(WHO_DAK_HTN, Confidence::High)
            .alt(
                "BP > 140/90 (strictly above)",
                "HMIS sub-centre format item 1.3, \"PW with Hypertension (BP>140/90)\" (research/maternal.md §1.2)",
            )
            .note("The HMIS label \"BP>140/90\" is read as the clinical definition ≥ 140/90, which WHO DAK and the FLW app (SYSTOLIC>=140 AND OR DIASTOLIC >=90) state. The DAK table contradicts itself: its severe pre-eclampsia rows (define \"Should Refer urgently to a hospital\", clauses 3-4) also take ≥ 140/90 with protein ++ and no symptom, which its pre-eclampsia rows (\"... 2\") call pre-eclampsia; rakt follows the pre-eclampsia rows and keeps \"severe\" for severe-range pressure on both readings or a severe symptom. The pre-eclampsia rows' \"systolic ≤ 140\" and \"> 160\" with ++ are read as the 140-159 band the other rows use; severe-range pressure with ++ is severe pre-eclampsia (clauses 3-4). The table's bands are \"140 ≤ x < 160\" and \"90 ≤ x < 110\" as written in its rule text (the CQL's closed Interval[140, 160] is read as the table states) (research/maternal.md §1.5, §8)."),
    );
    cite(
        "gestational_hypertension_from_weeks",
        Source::new(GESTATIONAL_FROM, Confidence::High).alt(
            "chronic at ≤ 20 completed weeks (20+6 chronic)",
            &format!(
                "{OPENCHS}: hypertension at ≤ 20 weeks is chronic, > 20 weeks pregnancy-induced"
            ),
        ),
    );
    cite(
        "antepartum_haemorrhage_after_weeks",
        Source::new(
            format!("{OPENCHS}: vaginal bleeding > 20 weeks is APH, \"send patient to FRU immediately\""),
            Confidence::Low,
        )
        .note("ICMR STW ANC refers any bleeding PV to a CHC or higher; rakt refers bleeding at or before this week to L2 and after it (or at an unknown gestation) to L3."),
    );
    let (anaemia_hb_g_dl, anaemia_trimester_weeks) = anaemia(&mut cite, variant);
    let gdm_ogtt_2h_mg_dl = match variant {
        HrpVariant::Uk => {
            cite(
                "gdm_ogtt_2h_mg_dl",
                Source::new(NICE_NG3, Confidence::Medium).note(NOT_CONFIGURED_GDM),
            );
            None
        }
        HrpVariant::Us => {
            cite(
                "gdm_ogtt_2h_mg_dl",
                Source::new(US_GDM, Confidence::Unverified).note(NOT_CONFIGURED_GDM),
            );
            None
        }
        HrpVariant::Hmis | HrpVariant::Flw | HrpVariant::OpenChs => {
            cite(
                "gdm_ogtt_2h_mg_dl",
                Source::new(DIPSI, Confidence::Medium).alt(
                    "2-hour ≥ 153 mg/dL (WHO 2013)",
                    "WHO 2013 criteria as tabulated in BMC Health Serv Res 2021",
                ),
            );
            Some(Limits::at_least(d(140)))
        }
    };
    HrpPolicy {
        young_age_years: Limits {
            below: Some(d(18)),
            ..Limits::default()
        },
        old_age_years,
        short_stature_cm,
        low_weight_kg,
        grand_multiparity,
        short_interval_months: Limits {
            below: Some(d(18)),
            ..Limits::default()
        },
        recurrent_abortions: Limits::at_least(d(3)),
        hypertension: HypertensionPolicy {
            systolic: Limits::at_least(d(140)),
            diastolic: Limits::at_least(d(90)),
            severe_systolic: Limits::at_least(d(160)),
            severe_diastolic: Limits::at_least(d(110)),
            proteinuria_from: UrineProtein::Plus2,
            require_repeat: true,
        },
        gestational_hypertension_from_weeks: 20,
        antepartum_haemorrhage_after_weeks: 20,
        anaemia_hb_g_dl,
        anaemia_trimester_weeks,
        gdm_ogtt_2h_mg_dl,
    }
}

const NOT_CONFIGURED_GDM: &str = "Not configured for this profile: its test needs a fasting value (and to know the test was a fasting one), which the ANC record does not hold; India's DIPSI non-fasting 2-hour line is not borrowed. The assessment lists gdm_not_configured.";

fn below(value: Decimal) -> Limits {
    Limits {
        below: Some(value),
        ..Limits::default()
    }
}

/// The anaemia cut-offs of a variant and the trimester boundaries they need, citing both.
fn anaemia(
    cite: &mut impl FnMut(&str, Source),
    variant: HrpVariant,
) -> (Option<AnaemiaBands>, Option<TrimesterWeeks>) {
    let icd = TrimesterWeeks {
        second_from: 14,
        third_from: 28,
    };
    let ungraded = "No moderate or severe band is given, so none is graded: an anaemic Hb is `ungraded`, never raises SEVERE_ANAEMIA and never puts severe anaemia in the blood plan. With the gestation unknown, Hb is anaemic when it is below the line of any trimester (the highest, 11.0), so no anaemic mother is missed.";
    let severe = match variant {
        HrpVariant::Uk => {
            cite(
                "anaemia_hb_g_dl",
                Source::new(RCOG_GTG47, Confidence::High).note(ungraded),
            );
            cite(
                "anaemia_trimester_weeks",
                Source::new(ICD10CM_TRIMESTERS, Confidence::Low)
                    .alt("second trimester from 13+0", NHS_TRIMESTERS)
                    .note("GTG 47 does not define the trimesters and no UK clinical definition was retrieved; the US coding definition is borrowed. Of the two, the later boundary keeps the higher first-trimester line (11.0) through week 13, so it misses no anaemic mother."),
            );
            return (
                Some(AnaemiaBands {
                    first_trimester: below(d(11)),
                    second_trimester: below(Decimal::new(105, 1)),
                    third_trimester: below(Decimal::new(105, 1)),
                    moderate: None,
                    severe: None,
                }),
                Some(icd),
            );
        }
        HrpVariant::Us => {
            cite(
                "anaemia_hb_g_dl",
                Source::new(CDC_1998, Confidence::Medium).note(ungraded),
            );
            cite(
                "anaemia_trimester_weeks",
                Source::new(ICD10CM_TRIMESTERS, Confidence::Medium)
                    .note("CDC 1998 and ACOG give the cut-offs by trimester without week boundaries; rakt takes the ICD-10-CM trimesters."),
            );
            return (
                Some(AnaemiaBands {
                    first_trimester: below(d(11)),
                    second_trimester: below(Decimal::new(105, 1)),
                    third_trimester: below(d(11)),
                    moderate: None,
                    severe: None,
                }),
                Some(icd),
            );
        }
        HrpVariant::Hmis => {
            cite(
                "anaemia_hb_g_dl",
                Source::new(HMIS_HB, Confidence::Medium)
                    .alt(
                        "severe Hb < 7",
                        "HMIS sub-centre format 2019/2023 (1.4.3 \"Hb level<7\"); FLW app; OpenCHS (research/maternal.md §8)",
                    )
                    .note("One line in every trimester. Severe follows the newest HMIS format (≤ 7.0); moderate is above 7.0 and below 10.0, mild 10.0 to below 11.0."),
            );
            Limits::at_most(d(7))
        }
        HrpVariant::Flw | HrpVariant::OpenChs => {
            cite(
                "anaemia_hb_g_dl",
                Source::new(
                    format!(
                        "{}: severe anaemia HB less than 7 gm/dl; HMIS sub-centre format 2019/2023 1.4.3 \"Hb level<7\"; NFHS moderate 7.0–9.9, mild 10.0–10.9 (research/maternal.md §1.3, §1.5)",
                        if variant == HrpVariant::OpenChs {
                            OPENCHS
                        } else {
                            FLW
                        }
                    ),
                    Confidence::Medium,
                )
                .alt("severe Hb ≤ 7", HMIS_HB)
                .note("One line in every trimester."),
            );
            below(d(7))
        }
    };
    (
        Some(AnaemiaBands::any_trimester(
            below(d(11)),
            Some(below(d(10))),
            Some(severe),
        )),
        None,
    )
}

const ROUTING: &str = "Derived routing rules (research/maternal.md §6.3, an inference from the EmONC signal functions (WHO/UNFPA/UNICEF/AMDD 2009) and the Karnataka NHM level definitions, not an official table): a need for caesarean section or blood transfusion ⇒ L3/FRU; bleeding PV ⇒ CHC or higher (ICMR STW ANC), FRU after 20 weeks (OpenCHS); severe pre-eclampsia ⇒ delivery planned at a referral facility within 24 hours (app content, low); organ support ⇒ DH HDU / medical college ICU; a WHO DAK danger sign ⇒ refer urgently to hospital";

/// The referral table (one for every profile).
pub(super) fn referral(s: &mut BTreeMap<String, Source>) -> ReferralPolicy {
    use CareLevel::*;
    use FlagCode as F;
    use Urgency::*;
    s.insert(
        "referral.default_level".into(),
        Source::new(
            "Karnataka NHM level definitions: Level 1, sub-centres and PHCs not yet 24x7, deliveries by a skilled birth attendant (research/maternal.md §6.2)",
            Confidence::Medium,
        ),
    );
    s.insert(
        "referral.rules".into(),
        Source::new(ROUTING, Confidence::Low).note(
            "Flags with no need for surgery, transfusion or organ support (age, stature, parity, interval, history, GDM, infections, thyroid, RhD-negative) are planned at L2, the 24x7 BEmONC level that manages medical complications; this is rakt's reading, not a published table. Previous caesarean, multiple pregnancy, malpresentation, placenta praevia, suspected accreta, coagulopathy, previous PPH and severe anaemia may need caesarean or transfusion, hence L3.",
        ),
    );
    let rule = |level, urgency| ReferralRule { level, urgency };
    let mut rules = BTreeMap::new();
    for f in [
        F::YoungAge,
        F::OldAge,
        F::ShortStature,
        F::LowWeight,
        F::GrandMultiparity,
        F::ShortBirthInterval,
        F::PreviousStillbirth,
        F::PreviousNeonatalDeath,
        F::RecurrentAbortion,
        F::RhNegative,
        F::HivPositive,
        F::SyphilisPositive,
        F::HbsagPositive,
        F::ThyroidDisorder,
        F::Gdm,
        F::MedicalCondition,
        F::ObstetricCondition,
        F::RaisedBpUnconfirmed,
        F::ChronicHypertension,
        F::GestationalHypertension,
        F::PostTerm,
    ] {
        rules.insert(f, rule(L2, Planned));
    }
    for f in [
        F::PreviousCaesarean,
        F::MultiplePregnancy,
        F::Malpresentation,
        F::PlacentaPraevia,
        F::SuspectedAccreta,
        F::Coagulopathy,
        F::PreviousPph,
        F::SevereAnaemia,
        F::PreEclampsia,
    ] {
        rules.insert(f, rule(L3, Planned));
    }
    rules.insert(F::SevereHypertension, rule(L3, Urgent));
    rules.insert(F::SeverePreEclampsia, rule(L3, Urgent));
    rules.insert(F::Eclampsia, rule(L3, Emergency));
    rules.insert(F::VaginalBleeding, rule(L2, Emergency));
    rules.insert(F::AntepartumHaemorrhage, rule(L3, Emergency));
    rules.insert(F::DangerSign, rule(L3, Emergency));
    rules.insert(F::NeedsHighDependency, rule(DistrictHospitalHdu, Emergency));
    rules.insert(F::NeedsIntensiveCare, rule(MedicalCollegeIcu, Emergency));
    ReferralPolicy {
        default_level: L1,
        rules,
    }
}

const CMQCC: &str = "CMQCC (California) admission haemorrhage-risk assessment as used in Rwanda (BMC Pregnancy Childbirth 2020, Table 1): high = placenta praevia/low-lying, suspected accreta/percreta, Hct < 30 plus other risk factors, platelets < 100,000, active bleeding, known coagulopathy ⇒ type and screen, order 2 units; medium = prior caesarean/uterine surgery, multiple gestation, > 4 previous vaginal births, chorioamnionitis, history of PPH, large fibroids ⇒ type and screen; low ⇒ no pretransfusion testing (research/maternal.md §5.2)";

/// The blood plan for delivery (one for every profile).
pub(super) fn blood_plan(s: &mut BTreeMap<String, Source>) -> BloodPlanPolicy {
    use BloodRiskFactor as B;
    for (path, note) in [
        ("high_risk", None),
        ("low_haematocrit_pct", None),
        ("low_platelets_per_ul", None),
        (
            "many_previous_births",
            Some(
                "CMQCC counts previous vaginal births; rakt reads parity, which includes caesarean births.",
            ),
        ),
        (
            "high",
            Some(
                "\"Type and screen, order 2 units of blood\"; the code version says \"2 Units RBC Cross-Matched\".",
            ),
        ),
        (
            "medium",
            Some(
                "An evaluation study found no pretransfusion testing needed for the medium tier; rakt keeps the tool's group and screen.",
            ),
        ),
        (
            "medium_risk",
            Some(
                "rakt adds severe anaemia (unverified): CMQCC uses haematocrit < 30 with another factor, which needs a haematocrit; a severely anaemic mother is referred to an FRU for possible transfusion (OpenCHS; HMIS 1.4.5), so group and screen is the least to prepare.",
            ),
        ),
        ("low", None),
    ] {
        let confidence = if path == "medium_risk" {
            Confidence::Unverified
        } else {
            Confidence::Medium
        };
        let mut source = Source::new(CMQCC, confidence).note(&format!(
            "An imported US tool, not an Indian guideline: no Indian risk-tier table was found (research/maternal.md §5, §9).{}",
            note.map(|n| format!(" {n}")).unwrap_or_default()
        ));
        if path == "medium" {
            source = source.alt(
                "none",
                "Evaluation of the CMQCC criteria (scite summary): no pretransfusion testing for low and medium risk (research/maternal.md §5.2, §8)",
            );
        }
        s.insert(format!("blood_plan.{path}"), source);
    }
    BloodPlanPolicy {
        high_risk: vec![
            B::PlacentaPraevia,
            B::SuspectedAccreta,
            B::LowHaematocritWithOtherFactor,
            B::LowPlatelets,
            B::ActiveBleeding,
            B::Coagulopathy,
        ],
        medium_risk: vec![
            B::PreviousUterineSurgery,
            B::MultiplePregnancy,
            B::ManyPreviousBirths,
            B::Chorioamnionitis,
            B::PreviousPph,
            B::LargeFibroids,
            B::SevereAnaemia,
        ],
        low_haematocrit_pct: Limits {
            below: Some(d(30)),
            ..Limits::default()
        },
        low_platelets_per_ul: Limits {
            below: Some(d(100_000)),
            ..Limits::default()
        },
        many_previous_births: Limits::above(d(4)),
        high: BloodAction::Crossmatch { units: 2 },
        medium: BloodAction::GroupAndScreen,
        low: BloodAction::None,
    }
}

fn validate_anaemia(h: &HrpPolicy) -> Result<()> {
    const WEEKS: &str = "hrp.anaemia_trimester_weeks";
    if let Some(t) = h.anaemia_trimester_weeks {
        if t.second_from == 0 || t.second_from >= t.third_from {
            return Err(RaktError::policy(
                format!("{WEEKS}.second_from"),
                format!(
                    "{} must be at least 1 and before third_from ({})",
                    t.second_from, t.third_from
                ),
            ));
        }
        if t.third_from > 42 {
            return Err(RaktError::policy(
                format!("{WEEKS}.third_from"),
                format!("{} must be at most 42", t.third_from),
            ));
        }
    }
    let Some(b) = h.anaemia_hb_g_dl else {
        return Ok(());
    };
    for (path, limits) in [
        ("first_trimester", Some(b.first_trimester)),
        ("second_trimester", Some(b.second_trimester)),
        ("third_trimester", Some(b.third_trimester)),
        ("moderate", b.moderate),
        ("severe", b.severe),
    ] {
        if let Some(l) = limits {
            l.validate(&format!("hrp.anaemia_hb_g_dl.{path}"))?;
        }
    }
    if b.by_trimester() && h.anaemia_trimester_weeks.is_none() {
        return Err(RaktError::policy(
            WEEKS,
            "required value is missing: the anaemia cut-offs differ by trimester",
        ));
    }
    Ok(())
}

pub(super) fn validate_hrp(h: &HrpPolicy, b: &BloodPlanPolicy) -> Result<()> {
    for (path, limits) in [
        ("hrp.young_age_years", &h.young_age_years),
        ("hrp.old_age_years", &h.old_age_years),
        ("hrp.short_stature_cm", &h.short_stature_cm),
        (
            "hrp.grand_multiparity.flag_when",
            &h.grand_multiparity.flag_when,
        ),
        ("hrp.short_interval_months", &h.short_interval_months),
        ("hrp.recurrent_abortions", &h.recurrent_abortions),
        ("hrp.hypertension.systolic", &h.hypertension.systolic),
        ("hrp.hypertension.diastolic", &h.hypertension.diastolic),
        (
            "hrp.hypertension.severe_systolic",
            &h.hypertension.severe_systolic,
        ),
        (
            "hrp.hypertension.severe_diastolic",
            &h.hypertension.severe_diastolic,
        ),
        ("blood_plan.low_haematocrit_pct", &b.low_haematocrit_pct),
        ("blood_plan.low_platelets_per_ul", &b.low_platelets_per_ul),
        ("blood_plan.many_previous_births", &b.many_previous_births),
    ] {
        limits.validate(path)?;
    }
    for (path, limits) in [
        ("hrp.low_weight_kg", h.low_weight_kg),
        ("hrp.gdm_ogtt_2h_mg_dl", h.gdm_ogtt_2h_mg_dl),
    ] {
        if let Some(l) = limits {
            l.validate(path)?;
        }
    }
    validate_anaemia(h)?;
    let from = h.gestational_hypertension_from_weeks;
    if from == 0 || from > 42 {
        return Err(RaktError::policy(
            "hrp.gestational_hypertension_from_weeks",
            "must be between 1 and 42",
        ));
    }
    if h.antepartum_haemorrhage_after_weeks == 0 || h.antepartum_haemorrhage_after_weeks > 42 {
        return Err(RaktError::policy(
            "hrp.antepartum_haemorrhage_after_weeks",
            "must be between 1 and 42",
        ));
    }
    for (path, action) in [
        ("blood_plan.high", b.high),
        ("blood_plan.medium", b.medium),
        ("blood_plan.low", b.low),
    ] {
        if action == (BloodAction::Crossmatch { units: 0 }) {
            return Err(RaktError::policy(path, "crossmatch at least one unit"));
        }
    }
    if let Some(f) = b.high_risk.iter().find(|f| b.medium_risk.contains(f)) {
        return Err(RaktError::policy(
            "blood_plan.medium_risk",
            format!("{f} is already a high-risk factor"),
        ));
    }
    Ok(())
}
