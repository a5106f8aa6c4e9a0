//! `assess_donor`: the rules. See the specification on [`assess_donor`].

use std::borrow::Cow;

use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;

use super::{
    DeferralKind, DonationFamily, DonationKind, Donor, DonorAssessment, DonorChecks, DonorDecision,
};
use crate::compatibility::Sex;
use crate::error::{RaktError, Result};
use crate::policy::{Limits, Period, Policy};
use crate::reason::{Reason, ReasonCode, Severity};

/// Assess whether `donor` may give a `kind` donation on `as_of`, given today's `checks`.
///
/// Every criterion is checked and every failure is reported (not just the first). Every number
/// comes from the policy's `donor` and `screening` sections; every reason carries the source
/// and confidence of the parameter it used (`donor.age.min`, `donor.hb_g_dl.female`,
/// `donor.intervals.whole_blood_male`, `donor.deferrals.tattoo`,
/// `screening.reactive_deferral.hiv`, ...). Dates in facts are `YYYY-MM-DD`.
///
/// # Input validation
///
/// Refused with [`RaktError::InvalidInput`], naming the field, when:
/// `donor.date_of_birth` is after `as_of`; a `donor.previous_donations[i].date` or a
/// `donor.deferral_events[i].date` is after `as_of` (the same day is fine); a `tti_reactive`
/// event has no `donor.deferral_events[i].marker`; `checks.weight_kg`, `checks.hb_g_dl` or
/// `checks.temperature_c` is negative; a check is not plausible for a person (weight 20–250 kg,
/// Hb 1–25 g/dL, temperature 25–45 °C, systolic 30–300 and diastolic 10–200 mmHg with the
/// diastolic below the systolic, pulse 1–300 /min: data-entry bounds, not clinical ones). A policy whose donation count limit is 0 (which
/// [`Policy::validate`] refuses) is refused with [`RaktError::InvalidPolicy`].
///
/// # Rules, in the order they are checked
///
/// 1. **Age** in completed years on `as_of` (someone born on 29 February has their birthday on
///    1 March in other years). First-time donor: `donor.first_time`, or when it is not given,
///    a donor with no previous donation.
///    - Below `age.min` (for plateletpheresis, plasmapheresis and double red cells:
///      `age.min_apheresis` when set) → `DONOR_TOO_YOUNG` until that birthday
///      (facts `age`, `limit`, `until`).
///    - A first-time donor above `age.max_first_time`, or a repeat donor above
///      `age.max_repeat` → `DONOR_TOO_OLD` (`donor_group` `first_time` / `repeat`); for the
///      apheresis kinds, also above `age.max_apheresis` → `DONOR_TOO_OLD` (`apheresis`).
///      Permanent. A limit the policy does not set is no limit.
/// 2. **Weight** against `weight_kg.<whole_blood_350 | whole_blood_450 | apheresis |
///    double_red_cells>`: refused → `DONOR_WEIGHT_TOO_LOW` (facts `measured`, `limit`, `kind`,
///    `until` = `as_of` + `recheck_after`); no limit for the kind →
///    `DONOR_REFER_TO_MEDICAL_OFFICER` (`subject` `weight:<kind>`).
/// 3. **Haemoglobin**: `hb_g_dl.double_red_cells` for double red cells when set, else the
///    limit for the donor's sex; sex `other` must meet both the female and the male limits
///    (the stricter one failed is reported). → `DONOR_HB_BELOW_MIN` or `DONOR_HB_ABOVE_MAX`
///    (facts `measured`, `limit`, `until` = `as_of` + `recheck_after`).
/// 4. **Systolic, diastolic, pulse, temperature**: outside the policy's limits →
///    `DONOR_SYSTOLIC_OUT_OF_RANGE`, `DONOR_DIASTOLIC_OUT_OF_RANGE`, `DONOR_PULSE_OUT_OF_RANGE`,
///    `DONOR_TEMPERATURE_OUT_OF_RANGE` (facts `measured`, `limit`, `until`); no limit in the
///    policy → an informational `DONOR_CRITERION_NOT_CONFIGURED` (`criterion` = the field
///    name), which does not make the donor ineligible.
/// 5. **Intervals** from each previous donation P to the proposed kind K:
///    - K whole blood: after whole blood `intervals.whole_blood_female` / `whole_blood_male`
///      (sex `other`: whichever ends later); after apheresis `apheresis_to_whole_blood`, or
///      `apheresis_to_whole_blood_without_reinfusion` when the red cells were not returned;
///      after double red cells `double_red_cells`.
///    - K apheresis: after apheresis `apheresis`; after whole blood or double red cells
///      `whole_blood_to_apheresis`.
///    - K double red cells: after whole blood or double red cells `double_red_cells`; after
///      apheresis as for whole blood.
///
///    The next donation is allowed from P's date + the period (days; calendar months, clamped
///    to the end of the month; hours rounded up to whole days). Too early →
///    `DONOR_INTERVAL_NOT_MET`, one per interval parameter, for the donation whose interval
///    ends last (facts `last_date`, `last_kind`, `kind`, `interval`, `until`). An interval the
///    policy does not set → `DONOR_REFER_TO_MEDICAL_OFFICER` (`subject` `interval:<K>`, once).
/// 6. **Counting windows**, including the proposed donation: for plateletpheresis and
///    plasmapheresis, `apheresis_max_per_week` over the 7 days ending on `as_of` and
///    `apheresis_max_per_year` over 365 days, counting previous platelet/plasma apheresis; for
///    whole blood, `whole_blood_max_per_year_female` / `_male` (sex `other`: the smaller) over
///    365 days, counting previous whole-blood donations. Reached →
///    `DONOR_DONATION_LIMIT_REACHED` (facts `count` of previous donations in the window,
///    `family`, `window`, `limit`, `until` = the first day the window holds fewer than the
///    limit).
/// 7. **Deferral events**: the rule is `donor.deferrals[kind]`, or for `tti_reactive`
///    `screening.reactive_deferral[marker]`. `none` → nothing; a period → `DONOR_DEFERRED`
///    while `as_of` < date + period (facts `event`, `date`, `period`, `until`); `permanent`
///    → `DONOR_DEFERRED_PERMANENTLY` (facts `event`, `date`); no rule →
///    `DONOR_REFER_TO_MEDICAL_OFFICER` (`subject` `event:<kind>` or `marker:<marker>`).
///    `event` is the kind's code, or `tti_reactive:<marker>`. An event kind in
///    `donor.platelet_deferrals` (aspirin) also, or only, defers platelet use: for
///    plateletpheresis its period → `DONOR_DEFERRED`; for whole blood, while the period runs →
///    a caution `DONOR_NOT_FOR_PLATELETS` (facts `event`, `date`, `period`, `until`) that
///    leaves the donor eligible; plasmapheresis and double red cells are not affected. Such
///    an event is not referred when `donor.deferrals` has no rule for it.
/// 8. **States on the day** listed in `donor.defer_while` → `DONOR_STATE_DEFERS` (facts
///    `state`, `until` = `as_of` + `recheck_after`). Other states have no effect.
/// 9. **Conditions** listed in `donor.permanent_conditions` → `DONOR_PERMANENT_CONDITION`
///    (fact `condition`), permanent; any other condition → `DONOR_REFER_TO_MEDICAL_OFFICER`
///    (`subject` `condition:<code>`).
/// 10. **Ageing**: when the donor would only be allowed again on a day on which they are above
///     a maximum age of step 1 → `DONOR_TOO_OLD_BY_THEN` (facts `age` on that day, `limit`,
///     `donor_group`, `until`), permanent.
///
/// # Verdict
///
/// `permanent` when any reason is permanent (too old, a permanent deferral or condition);
/// `deferred_until` = the latest `until` of the temporary reasons when not permanent;
/// `referred` when any `DONOR_REFER_TO_MEDICAL_OFFICER`; `eligible` when no stop and not
/// referred; `next_eligible` = `as_of` when eligible, `deferred_until` when temporarily deferred
/// and not referred, else `None` (see the table on [`DonorAssessment`]). Reasons are sorted most
/// severe first, otherwise in the order above; an eligible donor gets `DONOR_ELIGIBLE` (fact
/// `kind`), after any caution (`DONOR_NOT_FOR_PLATELETS`) and before any
/// `DONOR_CRITERION_NOT_CONFIGURED`.
///
/// ```
/// use chrono::NaiveDate;
/// use rakt::donor::{assess_donor, DonationKind, Donor, DonorChecks};
/// use rakt::Policy;
///
/// let donor: Donor = serde_json::from_str(r#"{
///     "date_of_birth": "1990-05-17", "sex": "male",
///     "previous_donations": [{"date": "2026-01-10", "kind": "whole_blood_450"}]
/// }"#)?;
/// let checks: DonorChecks = serde_json::from_str(r#"{
///     "weight_kg": "70", "hb_g_dl": "14.1", "systolic_mmhg": 120, "diastolic_mmhg": 80,
///     "pulse_bpm": 72, "temperature_c": "36.8"
/// }"#)?;
/// let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d");
///
/// // India: 90 days between whole-blood donations for a man.
/// let a = assess_donor(&donor, &checks, DonationKind::WholeBlood450, day("2026-03-01")?, &Policy::india())?;
/// assert!(!a.eligible);
/// assert_eq!(a.reasons[0].code.as_str(), "DONOR_INTERVAL_NOT_MET");
/// assert_eq!(a.next_eligible, Some(day("2026-04-10")?));
///
/// let a = assess_donor(&donor, &checks, DonationKind::WholeBlood450, day("2026-04-10")?, &Policy::india())?;
/// assert!(a.eligible);
/// assert_eq!(a.reasons[0].code.as_str(), "DONOR_ELIGIBLE");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assess_donor(
    donor: &Donor,
    checks: &DonorChecks,
    kind: DonationKind,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<DonorAssessment> {
    let found = find(donor, checks, kind, as_of, Found::new(policy, true))?;
    Ok(found.verdict(kind, as_of))
}

/// The verdict of [`assess_donor`] without its explanation: the same rules, the same outcome and
/// the same reason codes in the same order, without building any reason's facts or citation.
/// `decide_donor(..)` equals `assess_donor(..).decision()` for every input, errors included.
///
/// ```
/// use chrono::NaiveDate;
/// use rakt::donor::{assess_donor, decide_donor, DonationKind, Donor, DonorChecks};
/// use rakt::Policy;
///
/// let donor: Donor = serde_json::from_str(r#"{"date_of_birth": "1990-05-17", "sex": "female"}"#)?;
/// let checks: DonorChecks = serde_json::from_str(r#"{
///     "weight_kg": "52", "hb_g_dl": "12.0", "systolic_mmhg": 118, "diastolic_mmhg": 76,
///     "pulse_bpm": 70, "temperature_c": "36.6"
/// }"#)?;
/// let as_of = NaiveDate::from_ymd_opt(2026, 3, 1).ok_or("date")?;
/// let policy = Policy::india();
/// let d = decide_donor(&donor, &checks, DonationKind::WholeBlood350, as_of, &policy)?;
/// assert!(!d.eligible);
/// assert_eq!(d.codes[0].as_str(), "DONOR_HB_BELOW_MIN");
/// assert_eq!(d, assess_donor(&donor, &checks, DonationKind::WholeBlood350, as_of, &policy)?.decision());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn decide_donor(
    donor: &Donor,
    checks: &DonorChecks,
    kind: DonationKind,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<DonorDecision> {
    let found = find(donor, checks, kind, as_of, Found::new(policy, false))?;
    Ok(found.decision(kind, as_of))
}

/// Every check, in the order of the specification on [`assess_donor`].
fn find<'p>(
    donor: &Donor,
    checks: &DonorChecks,
    kind: DonationKind,
    as_of: NaiveDate,
    mut found: Found<'p>,
) -> Result<Found<'p>> {
    validate(donor, checks, as_of)?;
    age(&mut found, donor, kind, as_of)?;
    weight(&mut found, checks, kind, as_of)?;
    haemoglobin(&mut found, donor.sex, checks, kind, as_of)?;
    vitals(&mut found, checks, as_of)?;
    history::intervals(&mut found, donor, kind, as_of)?;
    history::windows(&mut found, donor, kind, as_of)?;
    history::events(&mut found, donor, kind, as_of)?;
    history::states(&mut found, checks, as_of)?;
    history::conditions(&mut found, donor);
    ageing(&mut found, donor, kind);
    Ok(found)
}

mod history;

// ---- validation ----------------------------------------------------------------------------

fn validate(donor: &Donor, checks: &DonorChecks, as_of: NaiveDate) -> Result<()> {
    if donor.date_of_birth > as_of {
        return Err(RaktError::input(
            "donor.date_of_birth",
            format!(
                "{} is after the day assessed ({as_of})",
                donor.date_of_birth
            ),
        ));
    }
    for (i, p) in donor.previous_donations.iter().enumerate() {
        if p.date > as_of {
            return Err(RaktError::input(
                format!("donor.previous_donations[{i}].date"),
                format!("{} is after the day assessed ({as_of})", p.date),
            ));
        }
    }
    for (i, e) in donor.deferral_events.iter().enumerate() {
        if e.date > as_of {
            return Err(RaktError::input(
                format!("donor.deferral_events[{i}].date"),
                format!("{} is after the day assessed ({as_of})", e.date),
            ));
        }
        if e.kind == DeferralKind::TtiReactive && e.marker.is_none() {
            return Err(RaktError::input(
                format!("donor.deferral_events[{i}].marker"),
                "a tti_reactive event must name the marker that was reactive",
            ));
        }
    }
    for (field, value) in [
        ("checks.weight_kg", checks.weight_kg),
        ("checks.hb_g_dl", checks.hb_g_dl),
        ("checks.temperature_c", checks.temperature_c),
    ] {
        // Below zero (a negative zero is zero), without a comparison across scales.
        if value.is_sign_negative() && !value.is_zero() {
            return Err(RaktError::input(field, format!("{value} is negative")));
        }
    }
    use crate::plausible::{self as p, check, check_count};
    check("checks.weight_kg", checks.weight_kg, p::WEIGHT_KG)?;
    check("checks.hb_g_dl", checks.hb_g_dl, p::HB_G_DL)?;
    check(
        "checks.temperature_c",
        checks.temperature_c,
        p::TEMPERATURE_C,
    )?;
    check_count(
        "checks.systolic_mmhg",
        checks.systolic_mmhg,
        p::SYSTOLIC_MMHG,
    )?;
    check_count(
        "checks.diastolic_mmhg",
        checks.diastolic_mmhg,
        p::DIASTOLIC_MMHG,
    )?;
    check_count("checks.pulse_bpm", checks.pulse_bpm, p::PULSE_BPM)?;
    if checks.diastolic_mmhg >= checks.systolic_mmhg {
        return Err(RaktError::input(
            "checks.diastolic_mmhg",
            format!(
                "{} must be below the systolic {}",
                checks.diastolic_mmhg, checks.systolic_mmhg
            ),
        ));
    }
    Ok(())
}

// ---- the findings --------------------------------------------------------------------------

/// What a finding does to the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Effect {
    /// Explains; changes nothing.
    Info,
    /// Defers until this day (the first day allowed).
    Until(NaiveDate),
    /// Defers permanently (from this kind of donation).
    Permanent,
    /// The medical officer must decide.
    Refer,
}

/// One finding: its code, what it does to the verdict, and its reason with facts and citation
/// when the assessment explains itself.
struct Item {
    code: ReasonCode,
    effect: Effect,
    reason: Option<Reason>,
}

/// The findings so far. Built for [`assess_donor`] (`explain`: each finding's reason is built
/// and cited) or for [`decide_donor`] (codes and effects only).
struct Found<'p> {
    policy: &'p Policy,
    explain: bool,
    items: Vec<Item>,
    /// The subjects already referred to the medical officer (each is referred once).
    referred: Vec<String>,
}

impl<'p> Found<'p> {
    fn new(policy: &'p Policy, explain: bool) -> Self {
        Found {
            policy,
            explain,
            items: Vec::new(),
            referred: Vec::new(),
        }
    }

    /// Record a finding. Only when explaining: its reason gets its `facts`, and cites the
    /// source of the parameter at `path`.
    fn push(
        &mut self,
        code: ReasonCode,
        effect: Effect,
        path: impl FnOnce() -> Cow<'static, str>,
        facts: impl FnOnce(Reason) -> Reason,
    ) {
        let reason = self.explain.then(|| {
            let reason = facts(Reason::new(code));
            match self.policy.source(&path()) {
                Some(src) => reason.cite(&src.citation, src.confidence),
                None => reason,
            }
        });
        self.items.push(Item {
            code,
            effect,
            reason,
        });
    }

    /// Refer to the medical officer (once per subject).
    fn refer(&mut self, subject: &str, path: impl FnOnce() -> Cow<'static, str>) {
        if self.referred.iter().any(|s| s == subject) {
            return;
        }
        self.referred.push(subject.to_string());
        self.push(
            ReasonCode::DonorReferToMedicalOfficer,
            Effect::Refer,
            path,
            |r| r.fact("subject", subject.to_string()),
        );
    }

    /// A failed check on the day: temporary until `as_of` + `recheck_after`.
    fn recheck_until(&self, as_of: NaiveDate) -> Result<NaiveDate> {
        add_period(as_of, self.policy.donor.recheck_after)
    }

    /// Whether any finding so far has this effect.
    fn any(&self, effect: Effect) -> bool {
        self.items.iter().any(|i| i.effect == effect)
    }

    /// The latest day of the temporary deferrals so far.
    fn latest_until(&self) -> Option<NaiveDate> {
        self.items
            .iter()
            .filter_map(|i| match i.effect {
                Effect::Until(d) => Some(d),
                _ => None,
            })
            .max()
    }

    /// The outcome of the findings, with their codes in the order of the reasons: most severe
    /// first, otherwise as found, `DONOR_ELIGIBLE` first among its equals when eligible.
    fn outcome(&self, kind: DonationKind, as_of: NaiveDate) -> DonorDecision {
        let permanent = self.any(Effect::Permanent);
        let referred = self.any(Effect::Refer);
        let stop = self
            .items
            .iter()
            .any(|i| i.code.severity() == Severity::Stop);
        let deferred_until = if permanent { None } else { self.latest_until() };
        let eligible = !stop && !referred;
        let next_eligible = if eligible {
            Some(as_of)
        } else if !permanent && !referred {
            deferred_until
        } else {
            None
        };
        let codes: Cow<'static, [ReasonCode]> = if self.items.is_empty() && eligible {
            Cow::Borrowed(&[ReasonCode::DonorEligible])
        } else {
            let mut codes: Vec<ReasonCode> = Vec::with_capacity(self.items.len() + 1);
            if eligible {
                codes.push(ReasonCode::DonorEligible);
            }
            codes.extend(self.items.iter().map(|i| i.code));
            codes.sort_by_key(|c| std::cmp::Reverse(c.severity()));
            Cow::Owned(codes)
        };
        DonorDecision {
            kind,
            as_of,
            eligible,
            permanent,
            deferred_until,
            referred,
            next_eligible,
            codes,
        }
    }

    fn decision(self, kind: DonationKind, as_of: NaiveDate) -> DonorDecision {
        self.outcome(kind, as_of)
    }

    fn verdict(self, kind: DonationKind, as_of: NaiveDate) -> DonorAssessment {
        let d = self.outcome(kind, as_of);
        let mut reasons: Vec<Reason> = Vec::with_capacity(self.items.len() + 1);
        if d.eligible {
            reasons.push(Reason::new(ReasonCode::DonorEligible).fact("kind", kind));
        }
        reasons.extend(self.items.into_iter().filter_map(|i| i.reason));
        reasons.sort_by_key(|r| std::cmp::Reverse(r.severity));
        DonorAssessment {
            kind,
            as_of,
            eligible: d.eligible,
            permanent: d.permanent,
            deferred_until: d.deferred_until,
            referred: d.referred,
            next_eligible: d.next_eligible,
            reasons,
        }
    }
}

// ---- date arithmetic -----------------------------------------------------------------------

fn out_of_range(date: NaiveDate) -> RaktError {
    RaktError::input(
        "as_of",
        format!("date arithmetic from {date} is out of the supported range (years 1 to 9999)"),
    )
}

/// `date` + `period`: days; calendar months clamped to the end of the month; hours rounded up
/// to whole days (donations and events are dated, not timed).
fn add_period(date: NaiveDate, period: Period) -> Result<NaiveDate> {
    let result = match period {
        Period::Days(n) => date.checked_add_days(Days::new(u64::from(n))),
        Period::Months(n) => date.checked_add_months(Months::new(n)),
        Period::Hours(n) => date.checked_add_days(Days::new(u64::from(n.div_ceil(24)))),
    };
    result
        .and_then(crate::time::within_calendar)
        .ok_or_else(|| out_of_range(date))
}

/// Completed years between `born` and `on` (`born` ≤ `on`). Someone born on 29 February
/// completes a year on 1 March in other years.
fn completed_years(born: NaiveDate, on: NaiveDate) -> u32 {
    let years = on.year() - born.year();
    let before_birthday = (on.month(), on.day()) < (born.month(), born.day());
    let years = if before_birthday { years - 1 } else { years };
    u32::try_from(years).unwrap_or(0)
}

/// The day someone born on `born` turns `years` (29 February → 1 March in other years).
fn birthday(born: NaiveDate, years: u32) -> Result<NaiveDate> {
    let year = i32::try_from(years)
        .ok()
        .and_then(|y| born.year().checked_add(y))
        .ok_or_else(|| out_of_range(born))?;
    NaiveDate::from_ymd_opt(year, born.month(), born.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
        .and_then(crate::time::within_calendar)
        .ok_or_else(|| out_of_range(born))
}

fn is_apheresis_procedure(kind: DonationKind) -> bool {
    matches!(
        kind.family(),
        DonationFamily::Apheresis | DonationFamily::DoubleRedCells
    )
}

// ---- 1. age --------------------------------------------------------------------------------

fn age(found: &mut Found, donor: &Donor, kind: DonationKind, as_of: NaiveDate) -> Result<()> {
    let policy = &found.policy.donor.age;
    let age = completed_years(donor.date_of_birth, as_of);
    let apheresis = is_apheresis_procedure(kind);
    let (min, min_path) = match policy.min_apheresis {
        Some(m) if apheresis => (m, "donor.age.min_apheresis"),
        _ => (policy.min, "donor.age.min"),
    };
    if age < min {
        let until = birthday(donor.date_of_birth, min)?;
        found.push(
            ReasonCode::DonorTooYoung,
            Effect::Until(until),
            || min_path.into(),
            |r| r.fact("age", age).fact("limit", min).fact("until", until),
        );
    }
    for (max, group, path) in age_maxima(found.policy, donor, kind) {
        if let Some(max) = max.filter(|m| age > *m) {
            found.push(
                ReasonCode::DonorTooOld,
                Effect::Permanent,
                || path.into(),
                |r| {
                    r.fact("age", age)
                        .fact("limit", max)
                        .fact("donor_group", group)
                },
            );
        }
    }
    Ok(())
}

/// The maximum ages that apply to this donor and kind: (limit, donor_group, parameter path).
fn age_maxima(
    policy: &Policy,
    donor: &Donor,
    kind: DonationKind,
) -> impl Iterator<Item = (Option<u32>, &'static str, &'static str)> {
    let a = &policy.donor.age;
    let first_time = donor
        .first_time
        .unwrap_or(donor.previous_donations.is_empty());
    let by_history = if first_time {
        (a.max_first_time, "first_time", "donor.age.max_first_time")
    } else {
        (a.max_repeat, "repeat", "donor.age.max_repeat")
    };
    let apheresis = is_apheresis_procedure(kind).then_some((
        a.max_apheresis,
        "apheresis",
        "donor.age.max_apheresis",
    ));
    std::iter::once(by_history).chain(apheresis)
}

/// A temporary deferral that ends after the donor passes a maximum age is permanent.
fn ageing(found: &mut Found, donor: &Donor, kind: DonationKind) {
    if found.any(Effect::Permanent) {
        return;
    }
    let Some(until) = found.latest_until() else {
        return;
    };
    let age_then = completed_years(donor.date_of_birth, until);
    for (max, group, path) in age_maxima(found.policy, donor, kind) {
        if let Some(max) = max.filter(|m| age_then > *m) {
            found.push(
                ReasonCode::DonorTooOldByThen,
                Effect::Permanent,
                || path.into(),
                |r| {
                    r.fact("age", age_then)
                        .fact("limit", max)
                        .fact("donor_group", group)
                        .fact("until", until)
                },
            );
        }
    }
}

// ---- 2. weight -----------------------------------------------------------------------------

fn weight(
    found: &mut Found,
    checks: &DonorChecks,
    kind: DonationKind,
    as_of: NaiveDate,
) -> Result<()> {
    let w = &found.policy.donor.weight_kg;
    let (field, limits) = match kind {
        DonationKind::WholeBlood350 => ("whole_blood_350", w.whole_blood_350),
        DonationKind::WholeBlood450 => ("whole_blood_450", w.whole_blood_450),
        DonationKind::Plateletpheresis | DonationKind::Plasmapheresis => ("apheresis", w.apheresis),
        DonationKind::DoubleRedCells => ("double_red_cells", w.double_red_cells),
    };
    // The policy path is written only when a reason cites it.
    let path = || Cow::Owned(format!("donor.weight_kg.{field}"));
    match limits {
        None => found.refer(&format!("weight:{kind}"), path),
        Some(l) if !l.accepts(checks.weight_kg) => {
            let until = found.recheck_until(as_of)?;
            let measured = checks.weight_kg;
            found.push(
                ReasonCode::DonorWeightTooLow,
                Effect::Until(until),
                path,
                |r| {
                    r.fact("measured", measured)
                        .fact("limit", l)
                        .fact("kind", kind)
                        .fact("until", until)
                },
            );
        }
        Some(_) => {}
    }
    Ok(())
}

// ---- 3. haemoglobin ------------------------------------------------------------------------

/// The lower bound as (value, strict); a higher key is stricter.
fn lower_key(l: &Limits) -> Option<(Decimal, bool)> {
    l.min.map(|m| (m, false)).or(l.above.map(|m| (m, true)))
}

/// The upper bound as (value, inclusive); a lower key is stricter.
fn upper_key(l: &Limits) -> Option<(Decimal, bool)> {
    l.max.map(|m| (m, true)).or(l.below.map(|m| (m, false)))
}

fn haemoglobin(
    found: &mut Found,
    sex: Sex,
    checks: &DonorChecks,
    kind: DonationKind,
    as_of: NaiveDate,
) -> Result<()> {
    let hb = &found.policy.donor.hb_g_dl;
    let candidates: [Option<(&'static str, Limits)>; 2] = match (kind, hb.double_red_cells) {
        (DonationKind::DoubleRedCells, Some(l)) => {
            [Some(("donor.hb_g_dl.double_red_cells", l)), None]
        }
        _ => match sex {
            Sex::Female => [Some(("donor.hb_g_dl.female", hb.female)), None],
            Sex::Male => [Some(("donor.hb_g_dl.male", hb.male)), None],
            Sex::Other => [
                Some(("donor.hb_g_dl.female", hb.female)),
                Some(("donor.hb_g_dl.male", hb.male)),
            ],
        },
    };
    let value = checks.hb_g_dl;
    // The stricter failed limit on each side (the first on a tie).
    let mut low: Option<(&'static str, Limits)> = None;
    let mut high: Option<(&'static str, Limits)> = None;
    for (path, l) in candidates.into_iter().flatten() {
        if l.accepts(value) {
            continue;
        }
        if l.too_low(value) {
            if low.is_none_or(|(_, best)| lower_key(&l) > lower_key(&best)) {
                low = Some((path, l));
            }
        } else if high.is_none_or(|(_, best)| upper_key(&l) < upper_key(&best)) {
            high = Some((path, l));
        }
    }
    for (code, failed) in [
        (ReasonCode::DonorHbBelowMin, low),
        (ReasonCode::DonorHbAboveMax, high),
    ] {
        if let Some((path, l)) = failed {
            let until = found.recheck_until(as_of)?;
            found.push(
                code,
                Effect::Until(until),
                || path.into(),
                |r| {
                    r.fact("measured", value)
                        .fact("limit", l)
                        .fact("until", until)
                },
            );
        }
    }
    Ok(())
}

// ---- 4. blood pressure, pulse, temperature -------------------------------------------------

fn vitals(found: &mut Found, checks: &DonorChecks, as_of: NaiveDate) -> Result<()> {
    let d = &found.policy.donor;
    let rows = [
        (
            "systolic_mmhg",
            d.systolic_mmhg,
            Decimal::from(checks.systolic_mmhg),
            ReasonCode::DonorSystolicOutOfRange,
        ),
        (
            "diastolic_mmhg",
            d.diastolic_mmhg,
            Decimal::from(checks.diastolic_mmhg),
            ReasonCode::DonorDiastolicOutOfRange,
        ),
        (
            "pulse_bpm",
            d.pulse_bpm,
            Decimal::from(checks.pulse_bpm),
            ReasonCode::DonorPulseOutOfRange,
        ),
        (
            "temperature_c",
            d.temperature_c,
            checks.temperature_c,
            ReasonCode::DonorTemperatureOutOfRange,
        ),
    ];
    for (field, limits, measured, code) in rows {
        let path = || Cow::Owned(format!("donor.{field}"));
        match limits {
            None => found.push(
                ReasonCode::DonorCriterionNotConfigured,
                Effect::Info,
                path,
                |r| r.fact("criterion", field),
            ),
            Some(l) if !l.accepts(measured) => {
                let until = found.recheck_until(as_of)?;
                found.push(code, Effect::Until(until), path, |r| {
                    r.fact("measured", measured)
                        .fact("limit", l)
                        .fact("until", until)
                });
            }
            Some(_) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests;
