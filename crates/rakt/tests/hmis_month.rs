#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The whole HMIS monthly report (ANC, delivery, maternal-death and newborn-death items) on a
//! hand-built month of records, item by item, with its validation finding.

use std::collections::BTreeMap;

use rakt::Policy;
use rakt::hmis::{HmisRecords, MonthlyReport, reports};
use serde_json::json;

fn records() -> HmisRecords {
    let anc = |facility: &str, date: &str, registration: bool, record: serde_json::Value| json!({"facility": facility, "date": date, "registration": registration, "record": record});
    let phc = "PHC-Dewa";
    serde_json::from_value(json!({
        "anc": [
            // M1: 14 years, 10 weeks 4 days at registration, Hb 10.5 (mild): young age is high risk.
            anc(phc, "2026-11-02", true, json!({"id": "M1", "age_years": 14, "lmp": "2026-08-20", "hb_g_dl": "10.5"})),
            // M2: 19 years, 12 weeks 5 days (12 completed weeks: still the first trimester), Hb 7.0 (severe).
            anc(phc, "2026-11-05", true, json!({"id": "M2", "age_years": 19, "lmp": "2026-08-08", "hb_g_dl": "7.0"})),
            // M3: 25 years, 13 weeks 1 day; 150/100 confirmed before 20 weeks (chronic); HBsAg negative.
            anc(phc, "2026-11-06", true, json!({"id": "M3", "age_years": 25, "lmp": "2026-08-06",
                "bp": {"systolic": 150, "diastolic": 100}, "bp_repeat": {"systolic": 150, "diastolic": 100},
                "hbsag": "negative"})),
            // M4: 50 years, no dates; OGTT exactly 140 (GDM), hypothyroid, HBsAg positive.
            anc(phc, "2026-11-10", true, json!({"id": "M4", "age_years": 50, "ogtt_2h_mg_dl": "140",
                "thyroid": "hypothyroid", "hbsag": "positive"})),
            // M1 again in the same month, same findings: counted once.
            anc(phc, "2026-11-20", false, json!({"id": "M1", "age_years": 14, "lmp": "2026-08-20", "hb_g_dl": "10.5"})),
            // M5: registered in October with gestational hypertension; pre-eclampsia in November is
            // new (1.3.3), her hypertension and her high risk are not.
            anc(phc, "2026-10-15", true, json!({"id": "M5", "age_years": 30, "lmp": "2026-05-01",
                "bp": {"systolic": 140, "diastolic": 90}, "bp_repeat": {"systolic": 140, "diastolic": 90}})),
            anc(phc, "2026-11-12", false, json!({"id": "M5", "age_years": 30, "lmp": "2026-05-01",
                "bp": {"systolic": 150, "diastolic": 100}, "bp_repeat": {"systolic": 150, "diastolic": 100},
                "urine_protein": "++"})),
            // No id: her own mother; Hb 12.0, not anaemic.
            anc(phc, "2026-11-25", false, json!({"hb_g_dl": "12.0"})),
        ],
        "deliveries": [
            // A live boy weighed but his sex not recorded: 4.4.1 > 4.1.1.a + 4.1.1.b.
            {"facility": phc, "delivered_at": "2026-11-08T03:00:00+05:30", "mode": "vaginal",
             "births": [{"live": true, "gestation": {"weeks": 39, "days": 0}, "weight_grams": 2900}]},
        ],
        "maternal_deaths": [
            {"facility": "DH-Lucknow", "died_at": "2026-11-30T23:50:00+05:30", "age_years": 19, "cause": "pph"},
            // 18:40 UTC on 30 November is 00:10 on 1 December in India: December's report.
            {"facility": "DH-Lucknow", "died_at": "2026-11-30T18:40:00Z", "age_years": 35, "cause": "hypertension"},
            {"facility": "DH-Lucknow", "died_at": "2026-11-14T11:00:00+05:30", "cause": "other"},
        ],
        "newborn_deaths": [
            // 23 h 59 min: within 24 hours.
            {"facility": "DH-Lucknow", "born_at": "2026-11-01T10:00:00+05:30", "died_at": "2026-11-02T09:59:00+05:30",
             "place": "facility", "cause": "asphyxia"},
            // Exactly 24 hours: day 1.
            {"facility": "DH-Lucknow", "born_at": "2026-11-01T10:00:00+05:30", "died_at": "2026-11-02T10:00:00+05:30",
             "place": "community", "cause": "sepsis"},
            // 8 days.
            {"facility": "DH-Lucknow", "born_at": "2026-10-25T10:00:00+05:30", "died_at": "2026-11-02T10:00:00+05:30",
             "place": "facility", "cause": "prematurity"},
            // 28 days: still 8–28; no cause recorded.
            {"facility": "DH-Lucknow", "born_at": "2026-10-04T10:00:00+05:30", "died_at": "2026-11-01T10:00:00+05:30",
             "place": "facility"},
            // 29 days: an infant death; its cause is not a newborn-death cause item.
            {"facility": "DH-Lucknow", "born_at": "2026-10-03T10:00:00+05:30", "died_at": "2026-11-01T10:00:00+05:30",
             "place": "facility", "cause": "other"},
        ],
    }))
    .unwrap()
}

fn nonzero(r: &MonthlyReport) -> BTreeMap<&str, u64> {
    r.items
        .iter()
        .filter(|(_, v)| **v > 0)
        .map(|(k, v)| (k.as_str(), *v))
        .collect()
}

#[test]
fn a_hand_built_month_item_by_item() {
    let out = reports(&records(), &Policy::india()).unwrap();
    let keys: Vec<(&str, i32, u32)> = out
        .iter()
        .map(|r| (r.facility.as_str(), r.year, r.month))
        .collect();
    assert_eq!(
        keys,
        [
            ("DH-Lucknow", 2026, 11),
            ("DH-Lucknow", 2026, 12),
            ("PHC-Dewa", 2026, 10),
            ("PHC-Dewa", 2026, 11),
        ]
    );
    let phc_nov = nonzero(&out[3]);
    let want: BTreeMap<&str, u64> = [
        ("1.1", 4),       // M1, M2, M3, M4
        ("1.1.a", 1),     // M1, 14
        ("1.1.b", 1),     // M2, 19
        ("1.1.c", 1),     // M3, 25
        ("1.1.d", 1),     // M4, 50
        ("1.1.1", 2),     // M1 (10w4d), M2 (12w5d); not M3 (13w1d), not M4 (no dates)
        ("1.3.1", 1),     // M3 chronic; M5's hypertension was new in October
        ("1.3.3", 1),     // M5 pre-eclampsia
        ("1.4.2", 3),     // M1 (once), M2, the mother without an id
        ("1.4.3", 1),     // M1 10.5
        ("1.4.4", 1),     // M2 7.0
        ("1.5.1", 1),     // M4
        ("1.5.2", 1),     // M4 at exactly 140
        ("1.7.1", 1),     // M4
        ("1.9.2", 4),     // M1, M2, M3, M4 (M5 was high risk in October)
        ("14.20.3.a", 2), // M3, M4
        ("14.20.3.b", 1), // M4
        ("2.2", 1),
        ("4.4.1", 1),
    ]
    .into_iter()
    .collect();
    assert_eq!(phc_nov, want);
    assert_eq!(
        out[3]
            .findings
            .iter()
            .map(|f| (f.rule.as_str(), f.left, f.right))
            .collect::<Vec<_>>(),
        [("4.4.1 <= 4.1.1.a + 4.1.1.b", 1, 0)]
    );
    let phc_oct = nonzero(&out[2]);
    assert_eq!(
        phc_oct,
        [("1.1", 1), ("1.1.c", 1), ("1.3.1", 1), ("1.9.2", 1)]
            .into_iter()
            .collect()
    );
    let dh_nov = nonzero(&out[0]);
    let want: BTreeMap<&str, u64> = [
        ("16.1.1.a", 1),
        ("16.1.2.b", 1),
        ("16.1.3.a", 2),
        ("16.1.4.a", 1),
        ("16.2.1", 1),
        ("16.2.2", 1),
        ("16.2.3", 1),
        ("16.5.2", 1),
        ("16.5.7", 1),
        ("16.5.8", 2),
        ("16.5.8.b", 1),
    ]
    .into_iter()
    .collect();
    assert_eq!(dh_nov, want);
    assert!(out[0].findings.is_empty());
    let dh_dec = nonzero(&out[1]);
    assert_eq!(
        dh_dec,
        [("16.5.6", 1), ("16.5.8", 1), ("16.5.8.c", 1)]
            .into_iter()
            .collect()
    );
    // Every report lists every item, zeros included, in the newest format.
    assert!(out.iter().all(|r| r.items.len() == rakt::hmis::ITEMS.len()));
    assert!(out.iter().all(|r| r.format == "hmis-facility-newest"));
}

#[test]
fn records_that_cannot_be_counted_name_their_list_and_index() {
    let p = Policy::india();
    let err = |v: serde_json::Value| {
        let r: HmisRecords = serde_json::from_value(v).unwrap();
        reports(&r, &p).unwrap_err().to_string()
    };
    assert_eq!(
        err(json!({"anc": [
            {"facility": "P", "date": "2026-11-01", "record": {"hb_g_dl": "11"}},
            {"facility": "P", "date": "2026-11-02", "record": {"age_years": 3}},
        ]})),
        "invalid input: anc[1].record.age_years: 3 is not plausible (expected 8 to 70)"
    );
    assert_eq!(
        err(json!({"anc": [{"facility": " ", "date": "2026-11-01", "record": {}}]})),
        "invalid input: anc[0].facility: name the facility"
    );
    assert_eq!(
        err(
            json!({"newborn_deaths": [{"facility": "D", "born_at": "2026-11-02T10:00:00+05:30",
            "died_at": "2026-11-02T09:00:00+05:30", "place": "facility"}]})
        ),
        "invalid input: newborn_deaths[0].died_at: 2026-11-02T09:00:00+05:30 is before the birth at 2026-11-02T10:00:00+05:30"
    );
    assert_eq!(
        err(
            json!({"newborn_deaths": [{"facility": "D", "born_at": "2025-11-01T10:00:00+05:30",
            "died_at": "2026-11-01T10:00:00+05:30", "place": "community"}]})
        ),
        "invalid input: newborn_deaths[0].died_at: the baby was 365 days old: a death at 12 months or older is not a newborn or infant death"
    );
    assert_eq!(
        err(
            json!({"maternal_deaths": [{"facility": "", "died_at": "2026-11-02T10:00:00+05:30", "cause": "pph"}]})
        ),
        "invalid input: maternal_deaths[0].facility: name the facility"
    );
    // The day before the first birthday is still an infant death.
    let r: HmisRecords = serde_json::from_value(json!({"newborn_deaths": [{"facility": "D",
        "born_at": "2025-11-01T10:00:00+05:30", "died_at": "2026-11-01T09:59:00+05:30", "place": "community"}]}))
    .unwrap();
    assert_eq!(reports(&r, &p).unwrap()[0].item("16.1.4.b"), 1);
}

#[test]
fn validation_of_a_submitted_report_uses_the_implied_rules_too() {
    let items: BTreeMap<String, u64> = [
        ("1.1", 10),
        ("1.1.1", 11),
        ("1.4.2", 5),
        ("1.4.3", 4),
        ("1.4.4", 2),
        ("16.5.8", 1),
        ("16.5.2", 1),
        ("16.5.6", 1),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let rules: Vec<(String, u64, u64)> = rakt::hmis::validate(&items)
        .into_iter()
        .map(|f| (f.rule, f.left, f.right))
        .collect();
    assert_eq!(
        rules,
        [
            ("1.1.1 <= 1.1".to_string(), 11, 10),
            ("1.4.3 + 1.4.4 <= 1.4.2".to_string(), 6, 5),
            ("16.5.1 + … + 16.5.7 <= 16.5.8".to_string(), 2, 1),
        ]
    );
}
