#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Obstetric early warning at every band edge (chart and score), the shock index, the ICMR PPH
//! red flags and the PPH classification at their boundaries.

use rakt::maternal::{
    Band, DeliveryMode, PphSeverity, PphTiming, VitalSign, Vitals, classify_pph, early_warning,
    pph_red_flags, shock_index,
};
use rakt::policy::{Avpu, WarningMode};
use rakt::{Lang, Policy};
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The band of one sign measured alone.
fn band(sign: VitalSign, value: &str, policy: &Policy) -> Band {
    let mut v = Vitals::default();
    let n = || value.parse::<u32>().unwrap();
    match sign {
        VitalSign::RespiratoryRate => v.respiratory_rate = Some(n()),
        VitalSign::Spo2 => v.spo2 = Some(n()),
        VitalSign::TemperatureC => v.temperature_c = Some(dec(value)),
        VitalSign::SystolicBp => v.systolic_bp = Some(n()),
        VitalSign::DiastolicBp => v.diastolic_bp = Some(n()),
        VitalSign::HeartRate => v.heart_rate = Some(n()),
        VitalSign::Consciousness => v.consciousness = Some(Avpu::parse(value).unwrap()),
    }
    early_warning(&v, policy).unwrap().band(sign)
}

#[test]
fn every_band_edge_of_the_default_chart() {
    use Band::*;
    use VitalSign as S;
    let p = Policy::india();
    let cases: &[(S, &str, Band)] = &[
        (S::RespiratoryRate, "9", Red),
        (S::RespiratoryRate, "10", Green),
        (S::RespiratoryRate, "20", Green),
        (S::RespiratoryRate, "21", Yellow),
        (S::RespiratoryRate, "30", Yellow),
        (S::RespiratoryRate, "31", Red),
        (S::Spo2, "94", Red),
        (S::Spo2, "95", Green),
        (S::Spo2, "100", Green),
        (S::TemperatureC, "34.9", Red),
        (S::TemperatureC, "35.0", Yellow),
        (S::TemperatureC, "35.9", Yellow),
        (S::TemperatureC, "36.0", Green),
        (S::TemperatureC, "37.4", Green),
        (S::TemperatureC, "37.5", Yellow),
        (S::TemperatureC, "38.0", Yellow),
        (S::TemperatureC, "38.1", Red),
        (S::SystolicBp, "89", Red),
        (S::SystolicBp, "90", Yellow),
        (S::SystolicBp, "99", Yellow),
        (S::SystolicBp, "100", Green),
        (S::SystolicBp, "150", Green),
        (S::SystolicBp, "151", Yellow),
        (S::SystolicBp, "160", Yellow),
        (S::SystolicBp, "161", Red),
        (S::DiastolicBp, "90", Green),
        (S::DiastolicBp, "91", Yellow),
        (S::DiastolicBp, "100", Yellow),
        (S::DiastolicBp, "101", Red),
        (S::HeartRate, "39", Red),
        (S::HeartRate, "40", Yellow),
        (S::HeartRate, "49", Yellow),
        (S::HeartRate, "50", Green),
        (S::HeartRate, "100", Green),
        (S::HeartRate, "101", Yellow),
        (S::HeartRate, "120", Yellow),
        (S::HeartRate, "121", Red),
        (S::Consciousness, "alert", Green),
        (S::Consciousness, "voice", Red),
        (S::Consciousness, "pain", Red),
        (S::Consciousness, "unresponsive", Red),
    ];
    for &(sign, value, want) in cases {
        assert_eq!(band(sign, value, &p), want, "{sign} {value}");
    }
}

#[test]
fn one_red_or_two_yellows_trigger_and_one_yellow_does_not() {
    let p = Policy::india();
    let one_yellow = Vitals {
        heart_rate: Some(101),
        systolic_bp: Some(120),
        ..Vitals::default()
    };
    let w = early_warning(&one_yellow, &p).unwrap();
    assert!(!w.triggered);
    assert_eq!((w.level, w.reds, w.yellows), (Band::Green, 0, 1));
    let two_yellows = Vitals {
        respiratory_rate: Some(21),
        ..one_yellow.clone()
    };
    let w = early_warning(&two_yellows, &p).unwrap();
    assert!(w.triggered);
    assert_eq!((w.level, w.reds, w.yellows), (Band::Yellow, 0, 2));
    let one_red = Vitals {
        spo2: Some(94),
        ..Vitals::default()
    };
    let w = early_warning(&one_red, &p).unwrap();
    assert!(w.triggered);
    assert_eq!((w.level, w.reds, w.yellows), (Band::Red, 1, 0));
    let hr = w
        .parameters
        .iter()
        .find(|x| x.parameter == VitalSign::Spo2)
        .unwrap();
    assert_eq!(hr.rule.as_deref(), Some("< 95"));
    assert_eq!(hr.value.as_deref(), Some("94"));
    assert_eq!(w.band(VitalSign::HeartRate), Band::NotAssessed);
    assert_eq!(w.mode, WarningMode::Chart);
    assert_eq!(w.score, None);
    assert!(w.source.contains("third-party calculator"));
    assert_eq!(w.confidence, rakt::Confidence::Low);
    let nothing = early_warning(&Vitals::default(), &p).unwrap();
    assert_eq!(nothing.level, Band::NotAssessed);
    assert!(!nothing.triggered);
    assert_eq!(nothing.parameters.len(), 7);
}

#[test]
fn the_score_variant_adds_points_and_triggers_on_a_single_three_or_the_total() {
    let p = Policy::builtin("india_meows_score").unwrap();
    assert_eq!(p.early_warning.mode, WarningMode::Score);
    let score = |v: &Vitals| early_warning(v, &p).unwrap();
    // Systolic points from the source: <= 90 or >= 160 → 3, >= 150 or <= 100 → 2, >= 140 → 1.
    for (sbp, points) in [
        (90, 3),
        (91, 2),
        (100, 2),
        (101, 0),
        (139, 0),
        (140, 1),
        (149, 1),
        (150, 2),
        (159, 2),
        (160, 3),
    ] {
        let w = score(&Vitals {
            systolic_bp: Some(sbp),
            ..Vitals::default()
        });
        assert_eq!(w.score, Some(points), "sbp {sbp}");
        assert_eq!(w.parameters[3].points, Some(points), "sbp {sbp}");
        let want = if points >= 3 { Band::Red } else { Band::Green };
        assert_eq!(w.level, want, "sbp {sbp}");
    }
    // Other signs: the chart's yellow scores 1, red 3 (rakt's mapping, unverified).
    let two = score(&Vitals {
        heart_rate: Some(101),
        systolic_bp: Some(150),
        ..Vitals::default()
    });
    assert_eq!(
        (two.score, two.level, two.triggered),
        (Some(3), Band::Yellow, true)
    );
    let four = score(&Vitals {
        heart_rate: Some(101),
        respiratory_rate: Some(21),
        systolic_bp: Some(100),
        ..Vitals::default()
    });
    assert_eq!((four.score, four.level), (Some(4), Band::Yellow));
    let five = score(&Vitals {
        heart_rate: Some(101),
        respiratory_rate: Some(21),
        diastolic_bp: Some(91),
        systolic_bp: Some(150),
        ..Vitals::default()
    });
    assert_eq!((five.score, five.level), (Some(5), Band::Red));
    let single = score(&Vitals {
        consciousness: Some(Avpu::Voice),
        ..Vitals::default()
    });
    assert_eq!((single.score, single.level), (Some(3), Band::Red));
    let low = score(&Vitals {
        heart_rate: Some(101),
        temperature_c: Some(dec("37.5")),
        ..Vitals::default()
    });
    assert_eq!(
        (low.score, low.level, low.triggered),
        (Some(2), Band::Green, false)
    );
    assert_eq!(low.confidence, rakt::Confidence::Unverified);
}

#[test]
fn implausible_vitals_are_refused_by_field() {
    let p = Policy::india();
    let field = |v: Vitals| match early_warning(&v, &p) {
        Err(rakt::RaktError::InvalidInput { field, .. }) => field,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        field(Vitals {
            spo2: Some(101),
            ..Vitals::default()
        }),
        "spo2"
    );
    assert_eq!(
        field(Vitals {
            systolic_bp: Some(80),
            diastolic_bp: Some(80),
            ..Vitals::default()
        }),
        "diastolic_bp"
    );
    assert_eq!(
        field(Vitals {
            temperature_c: Some(dec("98.6")),
            ..Vitals::default()
        }),
        "temperature_c"
    );
}

#[test]
fn shock_index_at_its_two_thresholds() {
    let p = Policy::india();
    let si = |hr, sbp| shock_index(hr, sbp, &p).unwrap();
    let a = si(89, 100);
    assert_eq!((a.value, a.alert, a.high), (dec("0.89"), false, false));
    let b = si(90, 100);
    assert_eq!((b.value, b.alert, b.high), (dec("0.90"), true, false));
    // 0.8996...: rounds to 0.90 for display, but is below the threshold.
    let c = si(98, 109);
    assert_eq!((c.value, c.alert), (dec("0.90"), false));
    let d = si(169, 100);
    assert_eq!((d.value, d.alert, d.high), (dec("1.69"), true, false));
    let e = si(170, 100);
    assert_eq!((e.value, e.high), (dec("1.70"), true));
    assert_eq!(si(66, 100).value, dec("0.66"));
    assert_eq!(
        (a.alert_threshold, a.high_threshold),
        (dec("0.9"), dec("1.7"))
    );
    assert!(shock_index(90, 0, &p).is_err());
    assert!(shock_index(0, 100, &p).is_err());
}

#[test]
fn icmr_red_flags_at_their_edges() {
    let p = Policy::india();
    let codes = |v: Vitals| -> Vec<&'static str> {
        pph_red_flags(&v, &p)
            .unwrap()
            .iter()
            .map(|f| f.code.as_str())
            .collect()
    };
    let none = Vitals {
        heart_rate: Some(120),
        systolic_bp: Some(100),
        spo2: Some(95),
        respiratory_rate: Some(20),
        consciousness: Some(Avpu::Alert),
        ..Vitals::default()
    };
    assert!(codes(none.clone()).is_empty());
    let all = Vitals {
        heart_rate: Some(121),
        systolic_bp: Some(99),
        diastolic_bp: Some(60),
        spo2: Some(94),
        respiratory_rate: Some(21),
        consciousness: Some(Avpu::Pain),
        ..Vitals::default()
    };
    assert_eq!(
        codes(all.clone()),
        [
            "tachycardia",
            "hypotension",
            "hypoxia",
            "tachypnoea",
            "sensorium"
        ]
    );
    let flags = pph_red_flags(&all, &p).unwrap();
    assert_eq!(
        flags[0].message(Lang::En),
        "Pulse 121/min (> 120): red flag."
    );
    assert_eq!(
        flags[0].message(Lang::Hi),
        "नाड़ी 121/मिनट (> 120): खतरे का संकेत।"
    );
    assert_eq!(
        flags[4].message(Lang::En),
        "Consciousness responds to pain only: deteriorating sensorium, red flag."
    );
    assert!(flags[3].source.contains("ICMR"));
}

#[test]
fn pph_by_blood_loss_mode_and_timing() {
    let p = Policy::india();
    let c = |ml, mode, hours, deranged| classify_pph(ml, mode, hours, deranged, &p).unwrap();
    use DeliveryMode::{Caesarean, Vaginal};
    use PphSeverity::*;
    for (ml, pph, severity, massive) in [
        (499, false, None, false),
        (500, true, Minor, false),
        (1000, true, Minor, false),
        (1001, true, Moderate, false),
        (1500, true, Moderate, false),
        (1501, true, Moderate, true),
        (2000, true, Moderate, true),
        (2001, true, Severe, true),
    ] {
        let got = c(ml, Vaginal, 1, false);
        assert_eq!(
            (got.pph, got.severity, got.massive),
            (pph, severity, massive),
            "{ml}"
        );
        assert_eq!(got.major, matches!(severity, Moderate | Severe), "{ml}");
    }
    let cs = c(1000, Caesarean, 1, false);
    assert_eq!((cs.pph, cs.severity), (false, None));
    assert_eq!(cs.basis, "below caesarean > 1000 mL");
    let cs = c(1001, Caesarean, 1, false);
    assert_eq!(
        (cs.pph, cs.severity, cs.basis.as_str()),
        (true, Moderate, "caesarean > 1000 mL")
    );
    // ICMR: any amount that deranges the vital signs is PPH.
    let d = c(300, Vaginal, 1, true);
    assert_eq!(
        (d.pph, d.severity, d.basis.as_str()),
        (true, BelowMinor, "deranged vital signs")
    );
    let d = c(800, Caesarean, 1, true);
    assert_eq!((d.pph, d.severity), (true, Minor));
    // Timing: primary within 24 h, secondary to 12 weeks (2016 h).
    assert_eq!(c(600, Vaginal, 24, false).timing, PphTiming::Primary);
    assert_eq!(c(600, Vaginal, 25, false).timing, PphTiming::Secondary);
    assert_eq!(c(600, Vaginal, 2016, false).timing, PphTiming::Secondary);
    assert_eq!(c(600, Vaginal, 25, false).to_string(), "secondary minor");
    assert!(classify_pph(600, Vaginal, 2017, false, &p).is_err());
    assert!(classify_pph(25_000, Vaginal, 1, false, &p).is_err());
}

#[test]
fn a_unit_chart_in_a_policy_file_replaces_the_default_bands() {
    let p = Policy::from_toml(
        r#"name = "district"
extends = "india"
[early_warning.trigger]
reds = 1
yellows = 3
[sources."early_warning.trigger"]
citation = "district chart 2026"
confidence = "low"
"#,
    )
    .unwrap();
    let two_yellows = Vitals {
        respiratory_rate: Some(21),
        heart_rate: Some(101),
        ..Vitals::default()
    };
    assert!(!early_warning(&two_yellows, &p).unwrap().triggered);
    assert!(
        early_warning(&two_yellows, &Policy::india())
            .unwrap()
            .triggered
    );
    let err = Policy::from_json(
        r#"{"name": "x", "extends": "india", "early_warning": {"trigger": {"reds": 0, "yellows": 2}}}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid policy: early_warning.trigger: reds and yellows must be at least 1"
    );
}
