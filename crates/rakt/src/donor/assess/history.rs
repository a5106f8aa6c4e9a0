//! Steps 5 to 9 of [`assess_donor`](super::assess_donor): what the donor's history and
//! record say (intervals since earlier donations, counting windows, deferral events, states on
//! the day, conditions). Steps 1 to 4 and 10, and the findings, are in the parent module.

use std::borrow::Cow;

use chrono::{Days, NaiveDate};

use super::{Effect, Found, add_period, out_of_range};
use crate::compatibility::Sex;
use crate::donor::{
    DeferralEvent, DeferralKind, DonationFamily, DonationKind, Donor, DonorChecks, PreviousDonation,
};
use crate::error::{RaktError, Result};
use crate::policy::{DeferralRule, Period};
use crate::reason::ReasonCode;

// ---- 5. intervals --------------------------------------------------------------------------

/// The interval parameters (field name, value) that apply from `p` to `kind`; all must be
/// met (sex `other` after whole blood: both the female and the male interval).
fn interval_params(
    found: &Found,
    sex: Sex,
    p: &PreviousDonation,
    kind: DonationKind,
) -> [Option<(&'static str, Option<Period>)>; 2] {
    use DonationFamily::{Apheresis, DoubleRedCells, WholeBlood};
    let i = &found.policy.donor.intervals;
    let after_apheresis = if p.red_cells_returned {
        ("apheresis_to_whole_blood", i.apheresis_to_whole_blood)
    } else {
        (
            "apheresis_to_whole_blood_without_reinfusion",
            i.apheresis_to_whole_blood_without_reinfusion,
        )
    };
    match (kind.family(), p.kind.family()) {
        (WholeBlood, WholeBlood) => match sex {
            Sex::Female => [Some(("whole_blood_female", i.whole_blood_female)), None],
            Sex::Male => [Some(("whole_blood_male", i.whole_blood_male)), None],
            Sex::Other => [
                Some(("whole_blood_female", i.whole_blood_female)),
                Some(("whole_blood_male", i.whole_blood_male)),
            ],
        },
        (WholeBlood | DoubleRedCells, Apheresis) => [Some(after_apheresis), None],
        (WholeBlood | DoubleRedCells, DoubleRedCells) | (DoubleRedCells, WholeBlood) => {
            [Some(("double_red_cells", i.double_red_cells)), None]
        }
        (Apheresis, Apheresis) => [Some(("apheresis", i.apheresis)), None],
        (Apheresis, WholeBlood | DoubleRedCells) => [
            Some(("whole_blood_to_apheresis", i.whole_blood_to_apheresis)),
            None,
        ],
    }
}

/// A violated interval: the parameter, the donation it runs from, its period and its end.
struct Violation<'d> {
    field: &'static str,
    from: &'d PreviousDonation,
    period: Period,
    until: NaiveDate,
}

pub(super) fn intervals(
    found: &mut Found,
    donor: &Donor,
    kind: DonationKind,
    as_of: NaiveDate,
) -> Result<()> {
    let mut violations: Vec<Violation> = Vec::new();
    let mut missing: Option<&'static str> = None;
    for p in &donor.previous_donations {
        let params = interval_params(found, donor.sex, p, kind);
        // The parameter whose interval ends last (the first on a tie).
        let mut binding: Option<(&'static str, Period, NaiveDate)> = None;
        for (field, period) in params.into_iter().flatten() {
            let Some(period) = period else {
                missing = missing.or(Some(field));
                continue;
            };
            let until = add_period(p.date, period)?;
            if binding.is_none_or(|(_, _, best)| until > best) {
                binding = Some((field, period, until));
            }
        }
        let Some((field, period, until)) = binding else {
            continue;
        };
        if as_of >= until {
            continue;
        }
        match violations.iter_mut().find(|v| v.field == field) {
            Some(v) if until > v.until => {
                v.from = p;
                v.period = period;
                v.until = until;
            }
            Some(_) => {}
            None => violations.push(Violation {
                field,
                from: p,
                period,
                until,
            }),
        }
    }
    for v in violations {
        found.push(
            ReasonCode::DonorIntervalNotMet,
            Effect::Until(v.until),
            || Cow::Owned(format!("donor.intervals.{}", v.field)),
            |r| {
                r.fact("last_date", v.from.date)
                    .fact("last_kind", v.from.kind)
                    .fact("kind", kind)
                    .fact("interval", v.period)
                    .fact("until", v.until)
            },
        );
    }
    if let Some(field) = missing {
        found.refer(&format!("interval:{kind}"), || {
            Cow::Owned(format!("donor.intervals.{field}"))
        });
    }
    Ok(())
}

// ---- 6. counting windows -------------------------------------------------------------------

/// A counting limit: at most `max` donations in any `days` days, from the parameter `field`.
#[derive(Clone, Copy)]
struct Window {
    max: Option<u32>,
    days: u32,
    field: &'static str,
}

pub(super) fn windows(
    found: &mut Found,
    donor: &Donor,
    kind: DonationKind,
    as_of: NaiveDate,
) -> Result<()> {
    let d = &found.policy.donor;
    let (family, family_code, limits) = match kind.family() {
        DonationFamily::Apheresis => (
            DonationFamily::Apheresis,
            "apheresis",
            [
                Some(Window {
                    max: d.apheresis_max_per_week,
                    days: 7,
                    field: "apheresis_max_per_week",
                }),
                Some(Window {
                    max: d.apheresis_max_per_year,
                    days: 365,
                    field: "apheresis_max_per_year",
                }),
            ],
        ),
        DonationFamily::WholeBlood => {
            let female = Window {
                max: d.whole_blood_max_per_year_female,
                days: 365,
                field: "whole_blood_max_per_year_female",
            };
            let male = Window {
                max: d.whole_blood_max_per_year_male,
                days: 365,
                field: "whole_blood_max_per_year_male",
            };
            let chosen = match donor.sex {
                Sex::Female => female,
                Sex::Male => male,
                // The smaller limit; a limit not set is no limit.
                Sex::Other => match (female.max, male.max) {
                    (Some(f), Some(m)) if m < f => male,
                    (None, Some(_)) => male,
                    _ => female,
                },
            };
            (
                DonationFamily::WholeBlood,
                "whole_blood",
                [Some(chosen), None],
            )
        }
        DonationFamily::DoubleRedCells => return Ok(()),
    };
    for Window { max, days, field } in limits.into_iter().flatten() {
        let Some(max) = max else { continue };
        let path = || format!("donor.{field}");
        if max == 0 {
            return Err(RaktError::policy(path(), "must be > 0"));
        }
        let start = as_of
            .checked_sub_days(Days::new(u64::from(days - 1)))
            .unwrap_or(NaiveDate::MIN);
        let in_window =
            |p: &&PreviousDonation| p.kind.family() == family && p.date >= start && p.date <= as_of;
        let count = donor.previous_donations.iter().filter(in_window).count();
        let max_usize = usize::try_from(max).unwrap_or(usize::MAX);
        if count < max_usize {
            continue;
        }
        // Reached: the days of the donations in the window, in order.
        let mut dates: Vec<NaiveDate> = donor
            .previous_donations
            .iter()
            .filter(in_window)
            .map(|p| p.date)
            .collect();
        dates.sort();
        // With d1..dn in the window and a limit m, the window next holds fewer than m donations
        // on the day d(n-m+1) leaves it.
        let Some(leaving) = dates.get(count - max_usize) else {
            continue;
        };
        let until = leaving
            .checked_add_days(Days::new(u64::from(days)))
            .and_then(crate::time::within_calendar)
            .ok_or_else(|| out_of_range(*leaving))?;
        found.push(
            ReasonCode::DonorDonationLimitReached,
            Effect::Until(until),
            || Cow::Owned(path()),
            |r| {
                r.fact("count", count)
                    .fact("family", family_code)
                    .fact("window", Period::Days(days))
                    .fact("limit", max)
                    .fact("until", until)
            },
        );
    }
    Ok(())
}

// ---- 7. deferral events --------------------------------------------------------------------

pub(super) fn events(
    found: &mut Found,
    donor: &Donor,
    kind: DonationKind,
    as_of: NaiveDate,
) -> Result<()> {
    for e in &donor.deferral_events {
        let platelet_rule = found.policy.donor.platelet_deferrals.get(&e.kind).copied();
        // The rule, and the event as a fact and the policy path, written only when a reason
        // is explained.
        let (rule, marker) = match (e.kind, e.marker) {
            (DeferralKind::TtiReactive, Some(m)) => (
                found.policy.screening.reactive_deferral.get(&m).copied(),
                Some(m),
            ),
            // A tti_reactive event without a marker was refused by `validate`.
            (event_kind, _) => (found.policy.donor.deferrals.get(&event_kind).copied(), None),
        };
        let event = || match marker {
            Some(m) => format!("{}:{m}", e.kind),
            None => e.kind.to_string(),
        };
        let path = || match marker {
            Some(m) => Cow::Owned(format!("screening.reactive_deferral.{m}")),
            None => Cow::Owned(format!("donor.deferrals.{}", e.kind)),
        };
        match rule {
            // A platelet-only rule answers for this event: no referral for the other kinds.
            None if platelet_rule.is_some() => {}
            None => {
                let subject = match marker {
                    Some(m) => format!("marker:{m}"),
                    None => format!("event:{}", e.kind),
                };
                found.refer(&subject, path);
            }
            Some(rule) => defer_for_event(found, e, rule, &event, path, as_of)?,
        }
        if let Some(rule) = platelet_rule {
            let path = || Cow::Owned(format!("donor.platelet_deferrals.{}", e.kind));
            match kind {
                DonationKind::Plateletpheresis => {
                    defer_for_event(found, e, rule, &event, path, as_of)?
                }
                DonationKind::WholeBlood350 | DonationKind::WholeBlood450 => {
                    // Validation refuses a permanent platelet-only rule.
                    if let DeferralRule::For(period) = rule {
                        let until = add_period(e.date, period)?;
                        if as_of < until {
                            found.push(ReasonCode::DonorNotForPlatelets, Effect::Info, path, |r| {
                                r.fact("event", event())
                                    .fact("date", e.date)
                                    .fact("period", period)
                                    .fact("until", until)
                            });
                        }
                    }
                }
                DonationKind::Plasmapheresis | DonationKind::DoubleRedCells => {}
            }
        }
    }
    Ok(())
}

/// Apply a deferral rule to one dated event (`event`: the event as its fact is written).
fn defer_for_event(
    found: &mut Found,
    e: &DeferralEvent,
    rule: DeferralRule,
    event: &dyn Fn() -> String,
    path: impl FnOnce() -> Cow<'static, str>,
    as_of: NaiveDate,
) -> Result<()> {
    match rule {
        DeferralRule::None => {}
        DeferralRule::For(period) => {
            let until = add_period(e.date, period)?;
            if as_of < until {
                found.push(ReasonCode::DonorDeferred, Effect::Until(until), path, |r| {
                    r.fact("event", event())
                        .fact("date", e.date)
                        .fact("period", period)
                        .fact("until", until)
                });
            }
        }
        DeferralRule::Permanent => {
            found.push(
                ReasonCode::DonorDeferredPermanently,
                Effect::Permanent,
                path,
                |r| r.fact("event", event()).fact("date", e.date),
            );
        }
    }
    Ok(())
}

// ---- 8. states, 9. conditions --------------------------------------------------------------

pub(super) fn states(found: &mut Found, checks: &DonorChecks, as_of: NaiveDate) -> Result<()> {
    for (i, &state) in checks.states.iter().enumerate() {
        if checks
            .states
            .get(..i)
            .is_some_and(|seen| seen.contains(&state))
        {
            continue;
        }
        if found.policy.donor.defer_while.contains(&state) {
            let until = found.recheck_until(as_of)?;
            found.push(
                ReasonCode::DonorStateDefers,
                Effect::Until(until),
                || "donor.defer_while".into(),
                |r| r.fact("state", state).fact("until", until),
            );
        }
    }
    Ok(())
}

pub(super) fn conditions(found: &mut Found, donor: &Donor) {
    for (i, &condition) in donor.conditions.iter().enumerate() {
        if donor
            .conditions
            .get(..i)
            .is_some_and(|seen| seen.contains(&condition))
        {
            continue;
        }
        if found.policy.donor.permanent_conditions.contains(&condition) {
            found.push(
                ReasonCode::DonorPermanentCondition,
                Effect::Permanent,
                || "donor.permanent_conditions".into(),
                |r| r.fact("condition", condition),
            );
        } else {
            found.refer(&format!("condition:{condition}"), || {
                "donor.permanent_conditions".into()
            });
        }
    }
}
