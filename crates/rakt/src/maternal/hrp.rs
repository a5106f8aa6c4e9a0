//! High-risk pregnancy (HRP) assessment of an antenatal (ANC) record
//! (`research/maternal.md` §1): every flag that applies, the hypertension class, the anaemia
//! grade, GDM, the referral level and the blood plan for delivery.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::blood_plan::{BloodPlan, blood_plan, plan};
use super::decision::{
    Findings, FlagCounts, NotAssessed, PregnancyDecision, Unassessed, risk_level,
};
use super::flags::Flag;
use super::gestation::{GestationalAge, edd_from_lmp, gestational_age};
use super::grades::{AnaemiaGrade, HypertensionClass, RiskLevel};
use super::hypertension::classify_hypertension;
use super::record::{
    AncRecord, DangerSign, KnownCondition, OrganSupport, Presentation, SerologyResult,
    ThyroidStatus, check_record,
};
use super::referral::{Referral, referral, referral_need};
use crate::blood_group::RhD;
use crate::error::{RaktError, Result};
use crate::policy::{BirthCount, Citation, Confidence, Limits, Policy};
use crate::vocab::maternal::FlagCode;

/// The result of [`assess_pregnancy`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PregnancyAssessment {
    /// The record's identifier.
    pub id: Option<String>,
    /// The overall risk.
    pub risk_level: RiskLevel,
    /// Every flag that applies, emergencies first, then in code order.
    pub flags: Vec<Flag>,
    /// Gestational age at `as_of`, when the LMP or EDD is known.
    pub gestational_age: Option<GestationalAge>,
    /// Expected date of delivery, when known.
    pub edd: Option<NaiveDate>,
    /// Hypertension class, when BP was measured.
    pub hypertension: Option<HypertensionClass>,
    /// Anaemia grade, when Hb was measured and the policy has an anaemia rule.
    pub anaemia: Option<AnaemiaGrade>,
    /// Whether the OGTT shows GDM, when done and the policy has a GDM rule.
    pub gdm: Option<bool>,
    /// The minimum level of care, with urgency and reasons.
    pub referral: Referral,
    /// What blood to prepare for delivery.
    pub blood_plan: BloodPlan,
    /// Record fields a criterion needed but that were not recorded.
    pub not_assessed: Vec<Cow<'static, str>>,
    /// The policy used.
    pub policy: String,
}

impl PregnancyAssessment {
    /// The codes of the flags, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        self.flags.iter().map(|f| f.code.as_str()).collect()
    }

    /// Whether a flag applies.
    pub fn has(&self, code: FlagCode) -> bool {
        self.flags.iter().any(|f| f.code == code)
    }

    /// The decision of this assessment, without its explanation: what
    /// [`decide_pregnancy`] gives for the same record.
    pub fn decision(&self) -> PregnancyDecision {
        let mut flags = FlagCounts::default();
        for f in &self.flags {
            flags.add(f.code);
        }
        PregnancyDecision {
            risk_level: self.risk_level,
            flags,
            gestational_age: self.gestational_age,
            edd: self.edd,
            hypertension: self.hypertension,
            anaemia: self.anaemia,
            gdm: self.gdm,
            referral_level: self.referral.level,
            referral_urgency: self.referral.urgency,
            blood_tier: self.blood_plan.tier,
            blood_action: self.blood_plan.action,
            blood_when: self.blood_plan.when,
            not_assessed: NotAssessed::of(self.not_assessed.iter().map(|n| n.as_ref())),
        }
    }
}

/// Assess an ANC record at `as_of` under `policy` (its `hrp`, `referral`, `blood_plan` and
/// `maternal` sections).
///
/// Rules, all with their thresholds in the policy:
/// - **Demographic and history**: age, height, weight, grand multiparity, birth interval,
///   previous caesarean, stillbirth, neonatal death, recurrent abortion.
/// - **This pregnancy**: multiple pregnancy, malpresentation, post-term (from the gestation
///   categories), placenta praevia, suspected accreta and other recorded conditions.
/// - **Hypertension** (WHO ANC DAK decision table ANC.DT.17): raised means the same component
///   raised on the reading and its repeat (systolic on both, or diastolic on both); a raised
///   first reading needs its repeat (`raised_unconfirmed` until then; a repeat that does not
///   confirm it means normal). Convulsions with a raised reading are eclampsia. Before
///   `hrp.gestational_hypertension_from_weeks` (20: before 20+0) it is chronic; from it, a
///   severe pre-eclampsia symptom makes severe pre-eclampsia whatever the urine protein;
///   protein at or above `proteinuria_from` makes pre-eclampsia, severe with severe-range
///   pressure (the same component on both readings); severe-range pressure without it is
///   severe hypertension, otherwise gestational hypertension. The table's severe
///   pre-eclampsia clauses that also take ≥ 140/90 with ++ and no symptom are not followed.
/// - **Anaemia** by the line of the trimester (`hrp.anaemia_trimester_weeks`), or of any
///   trimester when the gestation is unknown; graded only with the bands the profile sources
///   (`ungraded` otherwise); only severe anaemia raises a flag. **GDM** by the OGTT. A rule the
///   policy leaves unset is listed as `anaemia_not_configured` or `gdm_not_configured`.
/// - **Infections, thyroid, RhD-negative**, **danger signs**, **bleeding** (antepartum
///   haemorrhage after `hrp.antepartum_haemorrhage_after_weeks` or at an unknown gestation),
///   **organ support**.
///
/// ```
/// use rakt::maternal::{AncRecord, BloodPressure, UrineProtein, assess_pregnancy};
/// use rakt::Policy;
/// use chrono::NaiveDate;
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let record = AncRecord {
///     lmp: Some(day(2026, 3, 2)),
///     bp: Some(BloodPressure::new(150, 100)),
///     bp_repeat: Some(BloodPressure::new(148, 96)),
///     urine_protein: Some(UrineProtein::Plus2),
///     ..AncRecord::default()
/// };
/// let a = assess_pregnancy(&record, day(2026, 11, 23), &Policy::india())?;
/// assert_eq!(a.codes(), ["PRE_ECLAMPSIA"]);
/// assert_eq!(a.gestational_age.unwrap().to_string(), "38+0");
/// assert_eq!(a.referral.level.as_str(), "l3");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assess_pregnancy(
    record: &AncRecord,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<PregnancyAssessment> {
    let (o, mut flags) = run(record, as_of, policy, Vec::new())?;
    sort_flags(&mut flags);
    let risk_level = risk_level(flags.iter().map(|f| f.severity).max());
    let referral = referral(&flags, policy);
    let blood_plan = blood_plan(record, o.anaemia, policy);
    Ok(PregnancyAssessment {
        id: record.id.clone(),
        risk_level,
        flags,
        gestational_age: o.ga,
        edd: o.edd,
        hypertension: o.hypertension,
        anaemia: o.anaemia,
        gdm: o.gdm,
        referral,
        blood_plan,
        not_assessed: o.not_assessed.iter().map(Cow::Borrowed).collect(),
        policy: policy.name.clone(),
    })
}

/// What [`assess_pregnancy`] decides, without building its explanation: the same rules, the
/// same errors and the same values (the flags by code, the referral level and urgency, the
/// blood plan's tier, action and timing), several times faster, and nothing on the heap.
/// Use it where the codes are all that is read (batch work, dashboards, phones); call
/// [`assess_pregnancy`] for the record whose flags are shown with their reasons.
///
/// ```
/// use rakt::maternal::{AncRecord, BloodPressure, FlagCode, UrineProtein, decide_pregnancy};
/// use rakt::Policy;
/// use chrono::NaiveDate;
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let record = AncRecord {
///     lmp: Some(day(2026, 3, 2)),
///     bp: Some(BloodPressure::new(150, 100)),
///     bp_repeat: Some(BloodPressure::new(148, 96)),
///     urine_protein: Some(UrineProtein::Plus2),
///     ..AncRecord::default()
/// };
/// let d = decide_pregnancy(&record, day(2026, 11, 23), &Policy::india())?;
/// assert_eq!(d.flags.iter().collect::<Vec<_>>(), [FlagCode::PreEclampsia]);
/// assert_eq!(d.referral_level.as_str(), "l3");
/// assert_eq!(d.blood_units(), 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn decide_pregnancy(
    record: &AncRecord,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<PregnancyDecision> {
    let (o, flags) = run(record, as_of, policy, FlagCounts::default())?;
    Ok(decided(record, policy, o, flags))
}

/// What [`decide_pregnancy`] decides, with each flag explained as [`assess_pregnancy`] explains
/// it (its facts, message and source, in the same order): for a table of flags with their
/// reasons, without building the referral's and the blood plan's reasons, which only
/// [`assess_pregnancy`] gives. The same rules, errors and values as both.
///
/// ```
/// use rakt::maternal::{AncRecord, decide_pregnancy_with_flags};
/// use rakt::{Lang, Policy};
/// use chrono::NaiveDate;
/// let record = AncRecord { age_years: Some(17), ..AncRecord::default() };
/// let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).ok_or("date")?;
/// let (decision, flags) = decide_pregnancy_with_flags(&record, as_of, &Policy::india())?;
/// assert_eq!(decision.flags.iter().collect::<Vec<_>>(), vec![flags[0].code]);
/// assert!(flags[0].message(Lang::En).contains("17"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn decide_pregnancy_with_flags(
    record: &AncRecord,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<(PregnancyDecision, Vec<Flag>)> {
    let (o, mut flags) = run(record, as_of, policy, Vec::new())?;
    sort_flags(&mut flags);
    let mut counts = FlagCounts::default();
    for f in &flags {
        counts.add(f.code);
    }
    Ok((decided(record, policy, o, counts), flags))
}

/// The order an assessment lists its flags in: the most severe first, then by code.
fn sort_flags(flags: &mut [Flag]) {
    flags.sort_by(|x, y| y.severity.cmp(&x.severity).then(x.code.cmp(&y.code)));
}

/// The decision from what the rules found and the flags by code.
fn decided(
    record: &AncRecord,
    policy: &Policy,
    o: Outcome,
    flags: FlagCounts,
) -> PregnancyDecision {
    let (referral_level, referral_urgency) = referral_need(flags.codes(), policy);
    let plan = plan(record, o.anaemia, policy);
    PregnancyDecision {
        risk_level: risk_level(flags.highest_severity()),
        flags,
        gestational_age: o.ga,
        edd: o.edd,
        hypertension: o.hypertension,
        anaemia: o.anaemia,
        gdm: o.gdm,
        referral_level,
        referral_urgency,
        blood_tier: plan.tier,
        blood_action: plan.action,
        blood_when: plan.when,
        not_assessed: o.not_assessed,
    }
}

/// What the rules find besides the flags.
struct Outcome {
    edd: Option<NaiveDate>,
    ga: Option<GestationalAge>,
    hypertension: Option<HypertensionClass>,
    anaemia: Option<AnaemiaGrade>,
    gdm: Option<bool>,
    not_assessed: NotAssessed,
}

/// Check the record, date the pregnancy and run every rule, putting the flags in `flags`.
fn run<F: Findings>(
    record: &AncRecord,
    as_of: NaiveDate,
    policy: &Policy,
    flags: F,
) -> Result<(Outcome, F)> {
    check_record(record, as_of)?;
    // The pregnancy is dated from the EDD: a recorded one, or the LMP's (whose LMP, going back
    // the same days, is the recorded LMP itself).
    let dated = match (record.edd, record.lmp) {
        (Some(edd), _) => Some((edd, None)),
        (None, Some(lmp)) => Some((edd_from_lmp(lmp, policy)?, Some(lmp))),
        (None, None) => None,
    };
    let edd = dated.map(|(edd, _)| edd);
    let ga = match dated {
        Some((edd, lmp)) => {
            let lmp = match lmp {
                Some(lmp) => lmp,
                None => edd
                    .checked_sub_days(chrono::Days::new(u64::from(policy.maternal.naegele_days)))
                    .and_then(crate::time::within_calendar)
                    .ok_or_else(|| {
                        RaktError::input(
                            "edd",
                            format!("{edd} is out of the calendar's range (years 1 to 9999)"),
                        )
                    })?,
            };
            if lmp > as_of {
                return Err(RaktError::input(
                    "edd",
                    format!("{edd} puts the start of pregnancy after {as_of}"),
                ));
            }
            let ga = gestational_age(lmp, as_of)?;
            if ga.weeks > GestationalAge::MAX_WEEKS {
                return Err(RaktError::input(
                    if record.edd.is_some() { "edd" } else { "lmp" },
                    format!("gives a gestation of {ga} weeks at {as_of}: check the dates"),
                ));
            }
            Some(ga)
        }
        None => None,
    };
    let mut a = Assessor {
        policy,
        flags,
        not_assessed: NotAssessed::default(),
    };
    a.demographic(record);
    a.history(record);
    a.pregnancy(record, ga);
    let hypertension = a.hypertension(record, ga);
    let anaemia = a.anaemia(record, ga);
    let gdm = a.gdm(record);
    a.tests(record);
    a.conditions(record);
    a.acute(record, ga, hypertension);
    let outcome = Outcome {
        edd,
        ga,
        hypertension,
        anaemia,
        gdm,
        not_assessed: a.not_assessed,
    };
    Ok((outcome, a.flags))
}

struct Assessor<'p, F> {
    policy: &'p Policy,
    flags: F,
    not_assessed: NotAssessed,
}

/// Citations of the flags whose rule is a list, not a number.
const HRP_LISTS: &str = "HRP lists: PMSMA/e-PMSMA annexure (HIV, syphilis, severe anaemia, PIH, ... partially retrieved); FLW app HRP assessment and follow-up (multiple pregnancy, Rh negative, bad obstetric history, malpresentation, APH, GDM, hypothyroidism, HIV/syphilis/Hep B); OpenCHS history flags (stillbirth, neonatal death) (research/maternal.md §1.1, §1.3, §1.4, §1.5)";
const DANGER: &str = "WHO ANC DAK ANC.DT.01 danger signs: refer urgently to hospital (smart-anc ANCDT01.cql) (research/maternal.md §1.6)";
const PRAEVIA: &str = "Placenta praevia, accreta, coagulopathy and previous PPH: CMQCC haemorrhage-risk factors (research/maternal.md §5.2); HRP lists (research/maternal.md §1.5)";
const ORGAN: &str = "MoHFW Operational Guidelines for Obstetric ICUs and HDUs (Dec 2017): HDU at district hospitals, ICU at medical college hospitals (research/maternal.md §6.2)";
const POST_TERM: &str = "Post-term ≥ 42+0 weeks (ACOG CO 579; Epidemiol Rev 2014); postdatism is a C-section indication in the LaQshya audit format (research/maternal.md §1.5, §4)";

/// A flag whose rule is the policy value at `path`, cited from the policy.
fn flag(policy: &Policy, code: FlagCode, path: &str) -> Flag {
    match policy.source(path) {
        Some(s) => Flag::new(code, s.citation.clone(), s.confidence),
        None => Flag::new(
            code,
            Citation::from(path.to_string()),
            Confidence::Unverified,
        ),
    }
}

/// A flag whose rule is a list, cited as given.
fn cited(code: FlagCode, citation: &'static str) -> Flag {
    Flag::new(code, citation.into(), Confidence::Medium)
}

impl<F: Findings> Assessor<'_, F> {
    /// A flag of `code` applies; `explain` builds it (only when explaining).
    fn raise(&mut self, code: FlagCode, explain: impl FnOnce(&Policy) -> Flag) {
        let policy = self.policy;
        self.flags.raise(code, || explain(policy));
    }

    fn missing(&mut self, field: Unassessed) {
        self.not_assessed.add(field);
    }

    fn limit(
        &mut self,
        code: FlagCode,
        path: &'static str,
        fact: &'static str,
        value: Decimal,
        l: &Limits,
    ) {
        if l.accepts(value) {
            self.raise(code, |p| {
                flag(p, code, path).fact(fact, value).fact("limit", l)
            });
        }
    }

    fn demographic(&mut self, r: &AncRecord) {
        let h = &self.policy.hrp;
        match r.age_years {
            Some(age) => {
                let age = Decimal::from(age);
                let (young, old) = (h.young_age_years, h.old_age_years);
                self.limit(
                    FlagCode::YoungAge,
                    "hrp.young_age_years",
                    "age",
                    age,
                    &young,
                );
                self.limit(FlagCode::OldAge, "hrp.old_age_years", "age", age, &old);
            }
            None => self.missing(Unassessed::AgeYears),
        }
        match r.height_cm {
            Some(cm) => {
                let l = h.short_stature_cm;
                self.limit(
                    FlagCode::ShortStature,
                    "hrp.short_stature_cm",
                    "height_cm",
                    cm,
                    &l,
                );
            }
            None => self.missing(Unassessed::HeightCm),
        }
        if let Some(l) = h.low_weight_kg {
            match r.weight_kg {
                Some(kg) => self.limit(
                    FlagCode::LowWeight,
                    "hrp.low_weight_kg",
                    "weight_kg",
                    kg,
                    &l,
                ),
                None => self.missing(Unassessed::WeightKg),
            }
        }
    }

    fn history(&mut self, r: &AncRecord) {
        let policy = self.policy;
        let h = &policy.hrp;
        let rule = h.grand_multiparity;
        let (count, field) = match rule.count {
            BirthCount::Parity => (r.parity, Unassessed::Parity),
            BirthCount::Gravida => (r.gravida, Unassessed::Gravida),
        };
        match count {
            Some(n) if rule.flag_when.accepts(Decimal::from(n)) => {
                let code = FlagCode::GrandMultiparity;
                self.raise(code, |p| {
                    flag(p, code, "hrp.grand_multiparity")
                        .fact("count", n)
                        .fact("birth_count", rule.count)
                        .fact("limit", rule.flag_when)
                });
            }
            Some(_) => {}
            None => self.missing(field),
        }
        let first_pregnancy = r.gravida == Some(1) || r.parity == Some(0);
        match r.months_since_last_pregnancy {
            Some(m) => self.limit(
                FlagCode::ShortBirthInterval,
                "hrp.short_interval_months",
                "months",
                Decimal::from(m),
                &h.short_interval_months,
            ),
            None if !first_pregnancy => self.missing(Unassessed::MonthsSinceLastPregnancy),
            None => {}
        }
        for (code, field, value) in [
            (
                FlagCode::PreviousCaesarean,
                Unassessed::PreviousCaesareans,
                r.previous_caesareans,
            ),
            (
                FlagCode::PreviousStillbirth,
                Unassessed::PreviousStillbirths,
                r.previous_stillbirths,
            ),
            (
                FlagCode::PreviousNeonatalDeath,
                Unassessed::PreviousNeonatalDeaths,
                r.previous_neonatal_deaths,
            ),
        ] {
            match value {
                Some(n) if n > 0 => {
                    self.raise(code, |_| cited(code, HRP_LISTS).fact("count", n));
                }
                Some(_) => {}
                None if !first_pregnancy => self.missing(field),
                None => {}
            }
        }
        match r.previous_abortions {
            Some(n) => {
                let l = h.recurrent_abortions;
                if l.accepts(Decimal::from(n)) {
                    let code = FlagCode::RecurrentAbortion;
                    self.raise(code, |p| {
                        flag(p, code, "hrp.recurrent_abortions")
                            .fact("count", n)
                            .fact("limit", l)
                    });
                }
            }
            None if r.gravida != Some(1) => self.missing(Unassessed::PreviousAbortions),
            None => {}
        }
    }

    fn pregnancy(&mut self, r: &AncRecord, ga: Option<GestationalAge>) {
        match r.fetuses {
            Some(n) if n >= 2 => {
                let code = FlagCode::MultiplePregnancy;
                self.raise(code, |_| cited(code, HRP_LISTS).fact("fetuses", n));
            }
            Some(_) => {}
            None => self.missing(Unassessed::Fetuses),
        }
        if let Some(p) = r.presentation {
            if p != Presentation::Cephalic {
                let code = FlagCode::Malpresentation;
                self.raise(code, |_| cited(code, HRP_LISTS).fact("presentation", p));
            }
        }
        match ga {
            Some(ga) => {
                let from = self.policy.maternal.gestation_weeks.post_term_from;
                if ga.weeks >= from {
                    let code = FlagCode::PostTerm;
                    self.raise(code, |p| {
                        let conf = p
                            .source("maternal.gestation_weeks")
                            .map_or(Confidence::Unverified, |s| s.confidence);
                        Flag::new(code, POST_TERM.into(), conf)
                            .fact("gestation", ga)
                            .fact("limit", from)
                    });
                }
            }
            None => self.missing(Unassessed::LmpOrEdd),
        }
    }

    fn hypertension(
        &mut self,
        r: &AncRecord,
        ga: Option<GestationalAge>,
    ) -> Option<HypertensionClass> {
        let Some(bp) = r.bp else {
            self.missing(Unassessed::Bp);
            if r.conditions.contains(&KnownCondition::ChronicHypertension) {
                self.chronic("known_condition");
            }
            return None;
        };
        let c = classify_hypertension(r, bp, ga, self.policy);
        self.not_assessed.merge(c.missing);
        if let Some(basis) = c.chronic {
            self.chronic(basis);
        }
        let code = match c.class {
            HypertensionClass::Normal | HypertensionClass::Chronic => return Some(c.class),
            HypertensionClass::RaisedUnconfirmed => FlagCode::RaisedBpUnconfirmed,
            HypertensionClass::Gestational => FlagCode::GestationalHypertension,
            HypertensionClass::Severe => FlagCode::SevereHypertension,
            HypertensionClass::PreEclampsia => FlagCode::PreEclampsia,
            HypertensionClass::SeverePreEclampsia => FlagCode::SeverePreEclampsia,
            HypertensionClass::Eclampsia => FlagCode::Eclampsia,
        };
        self.raise(code, |p| {
            let readings = match r.bp_repeat {
                Some(rep) => crate::reason::Fact::Readings(
                    bp.systolic,
                    bp.diastolic,
                    rep.systolic,
                    rep.diastolic,
                ),
                None => bp.into(),
            };
            let mut f = flag(p, code, "hrp.hypertension").fact("bp", readings);
            if c.class == HypertensionClass::PreEclampsia {
                let protein = r.urine_protein.map(|p| p.as_str()).unwrap_or("");
                f = f.fact("protein", protein);
            }
            if c.class == HypertensionClass::SeverePreEclampsia {
                f = f.fact("features", c.features.join(","));
            }
            f
        });
        Some(c.class)
    }

    fn chronic(&mut self, basis: &'static str) {
        let code = FlagCode::ChronicHypertension;
        self.raise(code, |p| {
            flag(p, code, "hrp.gestational_hypertension_from_weeks").fact("basis", basis)
        });
    }

    /// The anaemia grade by the policy's cut-offs: the line of the trimester at `ga`, or, with
    /// the gestation unknown, the line of any trimester (so no anaemic mother is missed).
    fn anaemia(&mut self, r: &AncRecord, ga: Option<GestationalAge>) -> Option<AnaemiaGrade> {
        let h = &self.policy.hrp;
        let Some(b) = h.anaemia_hb_g_dl else {
            self.missing(Unassessed::AnaemiaNotConfigured);
            return None;
        };
        let Some(hb) = r.hb_g_dl else {
            self.missing(Unassessed::HbGDl);
            return None;
        };
        let lines = b.trimesters();
        let anaemic = match (ga, h.anaemia_trimester_weeks) {
            (Some(ga), Some(t)) => lines
                .get(t.trimester(ga.weeks) - 1)
                .is_some_and(|l| l.accepts(hb)),
            _ => lines.iter().any(|l| l.accepts(hb)),
        };
        let grade = match (b.moderate, b.severe) {
            (_, Some(severe)) if severe.accepts(hb) => AnaemiaGrade::Severe,
            (Some(moderate), _) if moderate.accepts(hb) => AnaemiaGrade::Moderate,
            _ if !anaemic => AnaemiaGrade::None,
            (Some(_), Some(_)) => AnaemiaGrade::Mild,
            _ => AnaemiaGrade::Ungraded,
        };
        if let (AnaemiaGrade::Severe, Some(severe)) = (grade, b.severe) {
            let code = FlagCode::SevereAnaemia;
            self.raise(code, |p| {
                flag(p, code, "hrp.anaemia_hb_g_dl")
                    .fact("hb_g_dl", hb)
                    .fact("limit", severe)
            });
        }
        Some(grade)
    }

    fn gdm(&mut self, r: &AncRecord) -> Option<bool> {
        let Some(l) = self.policy.hrp.gdm_ogtt_2h_mg_dl else {
            self.missing(Unassessed::GdmNotConfigured);
            return None;
        };
        let Some(g) = r.ogtt_2h_mg_dl else {
            self.missing(Unassessed::Ogtt2hMgDl);
            return None;
        };
        let gdm = l.accepts(g);
        if gdm {
            let code = FlagCode::Gdm;
            self.raise(code, |p| {
                flag(p, code, "hrp.gdm_ogtt_2h_mg_dl")
                    .fact("glucose_mg_dl", g)
                    .fact("limit", l)
            });
        }
        Some(gdm)
    }

    fn tests(&mut self, r: &AncRecord) {
        for (code, field, result) in [
            (FlagCode::HivPositive, Unassessed::Hiv, r.hiv),
            (FlagCode::SyphilisPositive, Unassessed::Syphilis, r.syphilis),
            (FlagCode::HbsagPositive, Unassessed::Hbsag, r.hbsag),
        ] {
            match result {
                Some(SerologyResult::Positive) => self.raise(code, |_| cited(code, HRP_LISTS)),
                Some(SerologyResult::Negative) => {}
                None => self.missing(field),
            }
        }
        match r.thyroid {
            Some(ThyroidStatus::Normal) => {}
            Some(status) => {
                let code = FlagCode::ThyroidDisorder;
                self.raise(code, |_| cited(code, HRP_LISTS).fact("status", status));
            }
            None => self.missing(Unassessed::Thyroid),
        }
        match &r.blood_group {
            Some(g) if g.rhd() == Some(RhD::Negative) => {
                let code = FlagCode::RhNegative;
                self.raise(code, |_| cited(code, HRP_LISTS).fact("group", g));
            }
            Some(_) => {}
            None => self.missing(Unassessed::BloodGroup),
        }
    }

    /// One flag for each condition recorded (a condition listed twice counts once).
    fn conditions(&mut self, r: &AncRecord) {
        use KnownCondition as K;
        for (i, &c) in r.conditions.iter().enumerate() {
            if r.conditions.iter().take(i).any(|&x| x == c) {
                continue;
            }
            let (code, citation) = match c {
                K::PlacentaPraevia => (FlagCode::PlacentaPraevia, PRAEVIA),
                K::SuspectedAccreta => (FlagCode::SuspectedAccreta, PRAEVIA),
                K::Coagulopathy => (FlagCode::Coagulopathy, PRAEVIA),
                K::PreviousPph => (FlagCode::PreviousPph, PRAEVIA),
                K::ChronicHypertension => continue,
                K::LargeFibroids
                | K::PreviousUterineSurgery
                | K::Chorioamnionitis
                | K::Polyhydramnios
                | K::Oligohydramnios
                | K::BadObstetricHistory
                | K::PreviousHomeDelivery => (FlagCode::ObstetricCondition, HRP_LISTS),
                K::HeartDisease
                | K::Diabetes
                | K::KidneyDisease
                | K::Epilepsy
                | K::Tuberculosis
                | K::SickleCellDisease
                | K::Thalassaemia
                | K::Malaria
                | K::Asthma => (FlagCode::MedicalCondition, HRP_LISTS),
            };
            self.raise(code, |_| {
                let f = cited(code, citation);
                match code {
                    FlagCode::ObstetricCondition | FlagCode::MedicalCondition => {
                        f.fact("known_condition", c)
                    }
                    _ => f,
                }
            });
        }
    }

    fn acute(&mut self, r: &AncRecord, ga: Option<GestationalAge>, htn: Option<HypertensionClass>) {
        let bleeding =
            r.vaginal_bleeding || r.danger_signs.contains(&DangerSign::BleedingVaginally);
        if bleeding {
            let after = self.policy.hrp.antepartum_haemorrhage_after_weeks;
            let code = match ga {
                Some(g) if g.weeks <= after => FlagCode::VaginalBleeding,
                _ => FlagCode::AntepartumHaemorrhage,
            };
            self.raise(code, |p| {
                let f = flag(p, code, "hrp.antepartum_haemorrhage_after_weeks");
                match ga {
                    Some(g) => f.fact("gestation", g),
                    None => f.fact("gestation", "unknown"),
                }
            });
        }
        // One flag for each sign recorded (a sign listed twice counts once).
        for (i, &sign) in r.danger_signs.iter().enumerate() {
            let folded = sign == DangerSign::BleedingVaginally
                || (sign == DangerSign::Convulsing && htn == Some(HypertensionClass::Eclampsia))
                || r.danger_signs.iter().take(i).any(|&x| x == sign);
            if !folded {
                let code = FlagCode::DangerSign;
                self.raise(code, |_| {
                    Flag::new(code, DANGER.into(), Confidence::High).fact("sign", sign)
                });
            }
        }
        let support = match r.organ_support {
            Some(OrganSupport::HighDependency) => Some(FlagCode::NeedsHighDependency),
            Some(OrganSupport::IntensiveCare) => Some(FlagCode::NeedsIntensiveCare),
            None => None,
        };
        if let Some(code) = support {
            self.raise(code, |_| cited(code, ORGAN));
        }
    }
}
