//! Invariants of `assess_pregnancy` for every plausible ANC record, checked with proptest.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use rakt::maternal::{
    AncRecord, BloodPressure, BloodRiskTier, DangerSign, FlagCode, FlagSeverity, KnownCondition,
    OrganSupport, Presentation, RiskLevel, SerologyResult, Symptom, ThyroidStatus, UrineProtein,
    assess_pregnancy, decide_pregnancy, decide_pregnancy_with_flags,
};
use rakt::policy::BloodAction;
use rakt::{Lang, Policy};
use rust_decimal::Decimal;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn profile() -> impl Strategy<Value = Policy> {
    prop::sample::select(vec!["india", "india_flw", "india_openchs", "us", "uk"])
        .prop_map(|n| Policy::builtin(n).unwrap())
}

fn tenths(lo: i64, hi: i64) -> impl Strategy<Value = Decimal> {
    (lo * 10..=hi * 10).prop_map(|n| Decimal::new(n, 1))
}

fn bp() -> impl Strategy<Value = BloodPressure> {
    (80u32..200, 40u32..79)
        .prop_map(|(s, gap)| BloodPressure::new(s, s.saturating_sub(gap).max(30)))
}

prop_compose! {
    fn record()(
        age in prop::option::of(12u32..50),
        height in prop::option::of(tenths(125, 175)),
        weight in prop::option::of(tenths(30, 90)),
        births in prop::option::of((0u32..8, 0u32..3)),
        caesareans in prop::option::of(0u32..3),
        interval in prop::option::of(3u32..60),
        days in prop::option::of(0i64..44 * 7),
        fetuses in prop::option::of(1u32..4),
        hb in prop::option::of(tenths(4, 15)),
        readings in prop::option::of((bp(), prop::option::of(bp()))),
        protein in prop::option::of(prop::sample::select(UrineProtein::ALL.to_vec())),
        ogtt in prop::option::of(tenths(80, 250)),
        conditions in prop::collection::vec(prop::sample::select(KnownCondition::ALL.to_vec()), 0..3),
        signs in prop::collection::vec(prop::sample::select(DangerSign::ALL.to_vec()), 0..2),
        bleeding in any::<bool>(),
    ) -> AncRecord {
        let (gravida, parity) = match births {
            Some((p, extra)) => (Some(p + 1 + extra), Some(p)),
            None => (None, None),
        };
        AncRecord {
            age_years: age,
            height_cm: height,
            weight_kg: weight,
            gravida,
            parity,
            previous_caesareans: caesareans.map(|c| c.min(parity.unwrap_or(c))),
            months_since_last_pregnancy: interval,
            lmp: days.map(|d| today() - Duration::days(d)),
            fetuses,
            hb_g_dl: hb,
            bp: readings.map(|(b, _)| b),
            bp_repeat: readings.and_then(|(_, r)| r),
            urine_protein: protein,
            ogtt_2h_mg_dl: ogtt,
            conditions,
            danger_signs: signs,
            vaginal_bleeding: bleeding,
            ..AncRecord::default()
        }
    }
}

fn one_of<T: Clone + std::fmt::Debug + 'static>(all: &[T]) -> impl Strategy<Value = Option<T>> {
    prop::option::of(prop::sample::select(all.to_vec()))
}

prop_compose! {
    /// A record with every field the rules read, some out of range (the record is then refused),
    /// and lists that may repeat an entry.
    fn any_record()(
        r in record(),
        age in prop::option::of(0u32..80),
        presentation in one_of(Presentation::ALL),
        thyroid in one_of(ThyroidStatus::ALL),
        serology in (one_of(SerologyResult::ALL), one_of(SerologyResult::ALL), one_of(SerologyResult::ALL)),
        group in prop::option::of(prop::sample::select(vec!["O+", "O-", "A+", "B-", "AB-", "A weak D"])),
        platelets in prop::option::of(20_000u32..400_000),
        haematocrit in prop::option::of(tenths(15, 45)),
        organ in one_of(OrganSupport::ALL),
        symptoms in prop::collection::vec(prop::sample::select(Symptom::ALL.to_vec()), 0..3),
        edd_days in prop::option::of(-30i64..300),
        conditions in prop::collection::vec(prop::sample::select(KnownCondition::ALL.to_vec()), 0..6),
        signs in prop::collection::vec(prop::sample::select(DangerSign::ALL.to_vec()), 0..4),
    ) -> AncRecord {
        AncRecord {
            age_years: age.or(r.age_years),
            presentation,
            thyroid,
            hiv: serology.0,
            syphilis: serology.1,
            hbsag: serology.2,
            blood_group: group.map(|g| rakt::BloodGroup::parse(g).unwrap()),
            platelets_per_ul: platelets,
            haematocrit_pct: haematocrit,
            organ_support: organ,
            symptoms,
            edd: edd_days.map(|d| today() + Duration::days(d)),
            conditions,
            danger_signs: signs,
            ..r
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// `decide_early_warning` gives what `early_warning` gives, or the same error, in every
    /// built-in profile (chart and score).
    #[test]
    fn deciding_a_chart_agrees_with_charting(
        rr in prop::option::of(0u32..90),
        spo2 in prop::option::of(25u32..101),
        temp in prop::option::of(tenths(33, 43)),
        sys in prop::option::of(50u32..260),
        dia in prop::option::of(20u32..160),
        hr in prop::option::of(20u32..320),
        avpu in one_of(rakt::policy::Avpu::ALL),
        name in prop::sample::select(vec!["india", "india_meows_score", "uk", "us"]),
    ) {
        let policy = Policy::builtin(name).unwrap();
        let v = rakt::maternal::Vitals {
            respiratory_rate: rr, spo2, temperature_c: temp, systolic_bp: sys, diastolic_bp: dia,
            heart_rate: hr, consciousness: avpu,
        };
        let decided = rakt::maternal::decide_early_warning(&v, &policy);
        match rakt::maternal::early_warning(&v, &policy) {
            Ok(w) => {
                let d = decided.unwrap();
                prop_assert_eq!(w.decision(), d);
                for sign in rakt::maternal::VitalSign::ALL {
                    prop_assert_eq!(d.band(*sign), w.band(*sign));
                }
            }
            Err(e) => prop_assert_eq!(decided.unwrap_err().to_string(), e.to_string()),
        }
    }

    /// `decide_pregnancy` gives what `assess_pregnancy` gives, value for value and flag for
    /// flag in order, or the same error; `decide_pregnancy_with_flags` gives the same decision
    /// and the assessment's flags, explained the same way.
    #[test]
    fn deciding_agrees_with_assessing(r in any_record(), policy in profile()) {
        let decided = decide_pregnancy(&r, today(), &policy);
        match assess_pregnancy(&r, today(), &policy) {
            Err(e) => {
                prop_assert_eq!(decided.unwrap_err().to_string(), e.to_string());
                let with_flags = decide_pregnancy_with_flags(&r, today(), &policy);
                prop_assert_eq!(with_flags.unwrap_err().to_string(), e.to_string());
            }
            Ok(a) => {
                let d = decided.unwrap();
                let codes: Vec<FlagCode> = a.flags.iter().map(|f| f.code).collect();
                prop_assert_eq!(d.flags.iter().collect::<Vec<_>>(), codes);
                prop_assert_eq!(d.flags.len(), a.flags.len());
                prop_assert_eq!(d.risk_level, a.risk_level);
                prop_assert_eq!(d.gestational_age, a.gestational_age);
                prop_assert_eq!(d.edd, a.edd);
                prop_assert_eq!(d.hypertension, a.hypertension);
                prop_assert_eq!(d.anaemia, a.anaemia);
                prop_assert_eq!(d.gdm, a.gdm);
                prop_assert_eq!(d.referral_level, a.referral.level);
                prop_assert_eq!(d.referral_urgency, a.referral.urgency);
                prop_assert_eq!(d.blood_tier, a.blood_plan.tier);
                prop_assert_eq!(d.blood_action, a.blood_plan.action);
                prop_assert_eq!(d.blood_when, a.blood_plan.when);
                prop_assert_eq!(d.blood_units(), a.blood_plan.units());
                let missing: Vec<&str> = d.not_assessed.iter().collect();
                prop_assert_eq!(missing, a.not_assessed.iter().map(|n| n.as_ref()).collect::<Vec<_>>());
                prop_assert_eq!(a.decision(), d);
                let (d2, flags) = decide_pregnancy_with_flags(&r, today(), &policy).unwrap();
                prop_assert_eq!(d2, a.decision());
                prop_assert_eq!(&flags, &a.flags);
                // No flag is raised twice with the same facts, whatever the record repeats.
                for (i, f) in a.flags.iter().enumerate() {
                    prop_assert!(!a.flags[..i].contains(f), "{} twice", f.code);
                }
            }
        }
    }

    /// The risk level, referral and blood plan agree with the flags, every message renders in
    /// both languages, and the result does not depend on the order of the record's lists.
    #[test]
    fn the_summary_agrees_with_the_flags(r in record(), policy in profile()) {
        let a = assess_pregnancy(&r, today(), &policy).unwrap();
        let worst = a.flags.iter().map(|f| f.severity).max();
        let expected = match worst {
            Some(FlagSeverity::Emergency) => RiskLevel::Emergency,
            Some(FlagSeverity::HighRisk) => RiskLevel::High,
            None => RiskLevel::Low,
        };
        prop_assert_eq!(a.risk_level, expected);
        // Emergencies come first.
        let first_high = a.flags.iter().position(|f| f.severity == FlagSeverity::HighRisk);
        if let Some(i) = first_high {
            prop_assert!(a.flags[i..].iter().all(|f| f.severity == FlagSeverity::HighRisk));
        }
        // The referral level is the highest any flag needs, and never below the default.
        for f in &a.flags {
            let rule = policy.referral.rules.get(&f.code).unwrap();
            prop_assert!(a.referral.level >= rule.level);
            prop_assert!(a.referral.urgency >= rule.urgency);
        }
        prop_assert!(a.referral.level >= policy.referral.default_level);
        prop_assert_eq!(a.referral.reasons.is_empty(), a.flags.is_empty());
        // The plan matches its tier.
        let want = match a.blood_plan.tier {
            BloodRiskTier::High => policy.blood_plan.high,
            BloodRiskTier::Medium => policy.blood_plan.medium,
            BloodRiskTier::Low => policy.blood_plan.low,
        };
        prop_assert_eq!(a.blood_plan.action, want);
        prop_assert_eq!(a.blood_plan.tier == BloodRiskTier::Low, a.blood_plan.factors.is_empty());
        if a.blood_plan.tier == BloodRiskTier::High {
            let crossmatched = matches!(a.blood_plan.action, BloodAction::Crossmatch { units } if units >= 1);
            prop_assert!(crossmatched);
        }
        for f in &a.flags {
            let rendered = !f.message(Lang::En).contains('{') && !f.message(Lang::Hi).contains('{');
            prop_assert!(rendered, "{} left a placeholder", f.code);
        }
        // `has` answers as the list of codes does, for every flag there is.
        for code in FlagCode::ALL {
            prop_assert_eq!(a.has(*code), a.codes().contains(&code.as_str()));
        }
        let mut reversed = r.clone();
        reversed.conditions.reverse();
        reversed.danger_signs.reverse();
        let b = assess_pregnancy(&reversed, today(), &policy).unwrap();
        prop_assert_eq!(a.codes(), b.codes());
        prop_assert_eq!(a.referral.level, b.referral.level);
    }

    /// A lower haemoglobin never gives a milder anaemia grade, and a higher OGTT value never
    /// removes GDM.
    #[test]
    fn grades_are_monotonic(hb in tenths(3, 16), drop in 1i64..30, g in tenths(60, 300), policy in profile()) {
        let at = |hb: Decimal| {
            let r = AncRecord { hb_g_dl: Some(hb), ..AncRecord::default() };
            assess_pregnancy(&r, today(), &policy).unwrap().anaemia.unwrap()
        };
        let lower = (hb - Decimal::new(drop, 1)).max(Decimal::ONE);
        prop_assert!(at(lower) >= at(hb));
        let gdm = |g: Decimal| {
            let r = AncRecord { ogtt_2h_mg_dl: Some(g), ..AncRecord::default() };
            assess_pregnancy(&r, today(), &policy).unwrap().gdm
        };
        if policy.hrp.gdm_ogtt_2h_mg_dl.is_none() {
            // uk, us: no GDM rule is configured, so no answer is given.
            prop_assert_eq!(gdm(g), None);
        } else {
            prop_assert!(gdm(g) != Some(true) || gdm(g + Decimal::ONE) == Some(true));
        }
    }
}
