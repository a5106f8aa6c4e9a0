#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Extreme values at every public function that takes a number, a date, a time or a duration:
//! `u32::MAX`, the ends of `i64`, `Decimal::MAX`/`MIN`, the ends of chrono's calendar and of
//! rakt's (years 1 and 9999). Each call gives a value or a typed error, never a panic; dates
//! rakt computes lie in its calendar.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use rakt::eraktkosh::{blood_group_from_code, component_from_code};
use rakt::expiry::{Expiry, Redating};
use rakt::inventory::{AllocationRequest, Inventory};
use rakt::kpi::KpiPeriod;
use rakt::maternal::{
    AncRecord, BloodPressure, DeliveryMode, FetalDeathTiming, GestationalAge, LabourOnset,
    Presentation, RobsonInput, Vitals, assess_pregnancy, birth_weight, classify_fetal_death,
    classify_pph, early_warning, edd_from_lmp, edd_from_ultrasound, gestational_age,
    gestational_age_from_edd, in_maternal_death_window, newborn_death, pph_red_flags, robson_group,
    shock_index,
};
use rakt::tariff::{CentreTariff, Sector, TariffItem, bill};
use rakt::unit::{BloodUnit, Collection, DonationType};
use rakt::{
    BloodGroup, Component, PlateletSource, Policy, Preservative, Product, RaktError, Recipient,
    Storage, compatibility,
};
use rust_decimal::Decimal;

mod common;

/// The error kinds of the documented hierarchy.
const KINDS: [&str; 6] = [
    "InvalidBloodGroup",
    "InvalidPolicy",
    "InvalidInput",
    "PolicyValueMissing",
    "NotApplicable",
    "InvalidCode",
];

fn typed<T>(r: &Result<T, RaktError>) -> bool {
    match r {
        Ok(_) => true,
        Err(e) => KINDS.contains(&e.kind()),
    }
}

fn in_calendar(d: NaiveDate) -> bool {
    (1..=9999).contains(&d.year())
}

fn u32s() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(0u32),
        Just(1),
        Just(u32::MAX),
        Just(u32::MAX - 1),
        Just(i32::MAX as u32),
        0u32..400,
        any::<u32>(),
    ]
}

fn i64s() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(i64::MIN),
        Just(i64::MAX),
        Just(0i64),
        Just(-1),
        -100i64..100,
        any::<i64>()
    ]
}

fn decimals() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
        Just(Decimal::new(1, 28)),
        Just(Decimal::new(-1, 28)),
        (-100_000i64..100_000, 0u32..6).prop_map(|(n, s)| Decimal::new(n, s)),
        (any::<i64>(), 0u32..=28).prop_map(|(n, s)| Decimal::new(n, s)),
    ]
}

fn dates() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        Just(NaiveDate::from_ymd_opt(1, 1, 1).unwrap()),
        Just(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()),
        Just(NaiveDate::from_ymd_opt(10000, 1, 1).unwrap()),
        Just(NaiveDate::from_ymd_opt(0, 12, 31).unwrap()),
        (-300_000i32..300_000).prop_filter_map("a day chrono holds", |n| {
            NaiveDate::from_num_days_from_ce_opt(n)
        }),
        (730_000i32..741_000).prop_filter_map("a recent day", NaiveDate::from_num_days_from_ce_opt),
    ]
}

fn times() -> impl Strategy<Value = DateTime<FixedOffset>> {
    // Whole minutes: RFC 3339 cannot write seconds of an offset, and Python and Kotlin refuse
    // such an offset at the boundary.
    let offsets = prop_oneof![
        Just(0i32),
        Just(19_800),
        Just(86_340),
        Just(-86_340),
        (-1_439i32..1_439).prop_map(|m| m * 60)
    ];
    let instants = prop_oneof![
        Just(DateTime::<Utc>::MIN_UTC.timestamp()),
        Just(DateTime::<Utc>::MAX_UTC.timestamp()),
        Just(-62_135_596_800i64), // 0001-01-01T00:00:00Z
        Just(253_402_300_799i64), // 9999-12-31T23:59:59Z
        Just(253_402_300_800i64), // 10000-01-01T00:00:00Z
        1_700_000_000i64..1_900_000_000,
        -9_000_000_000_000i64..9_000_000_000_000,
    ];
    (instants, offsets).prop_filter_map("a time chrono holds", |(secs, off)| {
        let offset = FixedOffset::east_opt(off)?;
        offset.timestamp_opt(secs, 0).single()
    })
}

fn products() -> impl Strategy<Value = Product> {
    prop_oneof![
        Just(Product::red_cells(Preservative::AdditiveSolution)),
        Just(Product::red_cells(Preservative::Cpda1)),
        Just(Product::new(Component::WholeBlood, Some(Preservative::Cpda1), None).unwrap()),
        Just(Product::new(Component::Platelets, None, Some(PlateletSource::Apheresis)).unwrap()),
        Just(Product::new(Component::FreshFrozenPlasma, None, None).unwrap()),
        Just(Product::new(Component::Cryoprecipitate, None, None).unwrap()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn expiry_at_any_time(product in products(), at in times(), later in times(), within in any::<u64>()) {
        let policy = Policy::india();
        let e = Expiry::compute(&product, at, &policy);
        prop_assert!(typed(&e));
        if let Ok(e) = e {
            prop_assert!(in_calendar(e.expires_at.date_naive()));
            let _ = e.expires_within(StdDuration::from_secs(within), later);
            let _ = e.remaining(later);
            let _ = e.is_expired(later);
            for event in [
                Redating::Irradiated { at: later },
                Redating::Washed { at: later },
                Redating::Opened { at: later },
                Redating::Thawed { at: later, storage: Storage::Refrigerated },
            ] {
                let r = e.redate(&event, &policy);
                prop_assert!(typed(&r));
                if let Ok(r) = r {
                    prop_assert!(r.expires_at <= e.expires_at, "a modification extended the expiry");
                }
            }
        }
    }

    #[test]
    fn gestation_functions_at_any_date(a in dates(), b in dates(), weeks in u32s(), days in u32s(), grams in u32s()) {
        let policy = Policy::india();
        let edd = edd_from_lmp(a, &policy);
        prop_assert!(typed(&edd));
        if let Ok(edd) = edd {
            prop_assert!(in_calendar(edd));
        }
        prop_assert!(typed(&gestational_age(a, b)));
        prop_assert!(typed(&gestational_age_from_edd(a, b, &policy)));
        prop_assert!(typed(&in_maternal_death_window(a, b, &policy)));
        let ga = GestationalAge::new(weeks, days);
        prop_assert!(typed(&ga));
        let raw = GestationalAge::from_days(weeks);
        let _ = raw.total_days();
        let _ = raw.category(&policy);
        let _ = classify_fetal_death(raw, FetalDeathTiming::Intrapartum, &policy);
        let us = edd_from_ultrasound(a, raw, &policy);
        prop_assert!(typed(&us));
        if let Ok(d) = us {
            prop_assert!(in_calendar(d));
        }
        let bw = birth_weight(grams, &policy);
        prop_assert!(typed(&bw));
        if bw.is_ok() {
            prop_assert!((1..=15_000).contains(&grams));
        }
    }

    #[test]
    fn newborn_death_at_any_times(born in times(), died in times()) {
        prop_assert!(typed(&newborn_death(born, died, &Policy::india())));
    }

    #[test]
    fn obstetric_vitals_with_any_numbers(
        n in prop::collection::vec(u32s(), 8),
        t in decimals(),
        caesarean in any::<bool>(),
        deranged in any::<bool>(),
    ) {
        let policy = Policy::india();
        let vitals = Vitals {
            respiratory_rate: Some(n[0]),
            spo2: Some(n[1]),
            temperature_c: Some(t),
            systolic_bp: Some(n[2]),
            diastolic_bp: Some(n[3]),
            heart_rate: Some(n[4]),
            ..Vitals::default()
        };
        prop_assert!(typed(&early_warning(&vitals, &policy)));
        prop_assert!(typed(&pph_red_flags(&vitals, &policy)));
        prop_assert!(typed(&shock_index(n[4], n[2], &policy)));
        let mode = if caesarean { DeliveryMode::Caesarean } else { DeliveryMode::Vaginal };
        prop_assert!(typed(&classify_pph(n[5], mode, n[6], deranged, &policy)));
        let birth = RobsonInput {
            parity: Some(n[5]),
            previous_caesareans: Some(n[6]),
            onset: Some(LabourOnset::Spontaneous),
            fetuses: Some(n[7]),
            presentation: Some(Presentation::Cephalic),
            gestation_weeks: Some(n[0]),
        };
        let r = robson_group(&birth, &policy);
        prop_assert!(typed(&r));
        if r.is_ok() {
            prop_assert!((1..=8).contains(&n[7]), "fetuses {} accepted", n[7]);
        }
    }

    #[test]
    fn anc_records_with_any_numbers_and_dates(
        n in prop::collection::vec(u32s(), 12),
        d in prop::collection::vec(decimals(), 4),
        lmp in dates(),
        as_of in dates(),
    ) {
        let record = AncRecord {
            age_years: Some(n[0]),
            height_cm: Some(d[0]),
            weight_kg: Some(d[1]),
            gravida: Some(n[1]),
            parity: Some(n[2]),
            living_children: Some(n[3]),
            previous_caesareans: Some(n[4]),
            previous_stillbirths: Some(n[5]),
            previous_abortions: Some(n[6]),
            previous_neonatal_deaths: Some(n[7]),
            months_since_last_pregnancy: Some(n[8]),
            lmp: Some(lmp),
            fetuses: Some(n[9]),
            hb_g_dl: Some(d[2]),
            haematocrit_pct: Some(d[3]),
            platelets_per_ul: Some(n[10]),
            bp: Some(BloodPressure::new(n[11], n[0])),
            ..AncRecord::default()
        };
        prop_assert!(typed(&assess_pregnancy(&record, as_of, &Policy::india())));
    }

    #[test]
    fn donors_with_any_numbers_and_dates(
        n in prop::collection::vec(u32s(), 3),
        d in prop::collection::vec(decimals(), 3),
        born in dates(),
        gave in dates(),
        as_of in dates(),
    ) {
        use rakt::donor::{DonationKind, Donor, DonorChecks, PreviousDonation, assess_donor};
        let donor = Donor {
            id: None,
            date_of_birth: born,
            sex: rakt::Sex::Female,
            first_time: None,
            previous_donations: vec![PreviousDonation { date: gave, kind: DonationKind::WholeBlood450, red_cells_returned: false }],
            deferral_events: Vec::new(),
            conditions: Vec::new(),
        };
        let checks = DonorChecks {
            weight_kg: d[0],
            hb_g_dl: d[1],
            systolic_mmhg: n[0],
            diastolic_mmhg: n[1],
            pulse_bpm: n[2],
            temperature_c: d[2],
            states: Vec::new(),
        };
        let policy = Policy::india();
        for kind in [DonationKind::WholeBlood450, DonationKind::Plateletpheresis] {
            let a = assess_donor(&donor, &checks, kind, as_of, &policy);
            prop_assert!(typed(&a));
            if let Ok(a) = a {
                if let Some(until) = a.deferred_until {
                    prop_assert!(in_calendar(until));
                }
            }
        }
    }

    #[test]
    fn compatibility_with_any_age(age in u32s()) {
        let policy = Policy::india();
        let r = Recipient::new(BloodGroup::parse("O-").unwrap()).female(age);
        let donor = BloodGroup::parse("O+").unwrap();
        let _ = compatibility(Component::RedCells, &donor, &r, &policy);
    }

    #[test]
    fn inventory_windows_and_holds_at_any_time(at in times(), hours in u32s(), quantity in u32s()) {
        let mut inv = Inventory::new("FRU-1", Policy::india());
        let collected = rakt::parse_timestamp("2026-11-01T09:00:00+05:30").unwrap();
        inv.add(common::released("A1", "A+", collected, Product::red_cells(Preservative::AdditiveSolution)))
            .unwrap();
        let _ = inv.expiring_within(at, hours);
        prop_assert!(typed(&inv.days_of_stock(at, hours)));
        prop_assert!(typed(&inv.stock_summary(at)));
        let patient = Recipient::new(BloodGroup::parse("A+").unwrap()).male(40);
        let mut req = AllocationRequest::new("P1", patient, Component::RedCells, quantity);
        req.needed_by = Some(at);
        prop_assert!(typed(&inv.allocate(&req, at)));
        let before: Vec<BloodUnit> = inv.units().unwrap();
        let r = inv.reserve(&req, at, "clerk");
        prop_assert!(typed(&r));
        if r.is_err() {
            let after: Vec<BloodUnit> = inv.units().unwrap();
            prop_assert_eq!(before, after, "a refused reservation changed the stock");
        }
        prop_assert!(typed(&inv.discard_expired(at, "tech")));
        prop_assert!(typed(&inv.expire_reservations(at, "tech")));
    }

    #[test]
    fn units_collected_at_any_time_with_any_volume(at in times(), volume in u32s(), product in products()) {
        let c = Collection {
            din: "A1".into(),
            division: None,
            product,
            group: BloodGroup::parse("B+").unwrap(),
            volume_ml: volume,
            donation_type: DonationType::Voluntary,
            donor_id: None,
            first_donation: false,
            collected_at: at,
        };
        let u = BloodUnit::collect(c, "tech", &Policy::india());
        prop_assert!(typed(&u));
        if let Ok(u) = u {
            prop_assert!(volume > 0);
            prop_assert!(in_calendar(u.expiry().expires_at.date_naive()));
        }
    }

    #[test]
    fn kpi_periods_tariff_bills_and_codes(
        from in times(),
        to in times(),
        quantity in decimals(),
        price in decimals(),
        day in dates(),
        code in i64s(),
    ) {
        prop_assert!(typed(&KpiPeriod::new(from, to)));
        let mut t = CentreTariff::new("Centre", Sector::Government, NaiveDate::from_ymd_opt(2024, 4, 1).unwrap());
        t.prices.insert(TariffItem::PackedRedCells, price);
        prop_assert!(typed(&bill(&t, &[(TariffItem::PackedRedCells, quantity)], &[], &[], day)));
        prop_assert!(typed(&component_from_code(code)));
        prop_assert!(typed(&blood_group_from_code(code)));
    }

    #[test]
    fn timestamps_written_at_any_time_read_back_or_are_refused(at in times()) {
        let text = at.to_rfc3339();
        let r = rakt::parse_timestamp(&text);
        prop_assert!(typed(&r));
        if let Ok(back) = r {
            prop_assert_eq!(back, at);
            prop_assert!(in_calendar(at.date_naive()));
        }
    }
}
