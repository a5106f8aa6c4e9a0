#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Processing charges: ceilings by date and sector, tariff validation, exemptions and bills,
//! exact to the paisa (research/blood.md §7).

use chrono::NaiveDate;
use proptest::prelude::*;
use rakt::tariff::{
    self, CentreExemption, CentreTariff, Sector, StatutoryExemption, TariffItem, bill,
};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn government_at_ceilings() -> CentreTariff {
    let mut t = CentreTariff::new(
        "District Hospital Blood Centre",
        Sector::Government,
        date(2024, 4, 1),
    );
    for (item, price) in [
        (TariffItem::WholeBlood, "1100"),
        (TariffItem::PackedRedCells, "1100"),
        (TariffItem::FreshFrozenPlasma, "300"),
        (TariffItem::PlateletConcentrate, "300"),
        (TariffItem::Cryoprecipitate, "200"),
        (TariffItem::SurplusPlasmaForFractionation, "1600"),
        (TariffItem::GroupingAndCrossmatching, "120"),
    ] {
        t.prices.insert(item, d(price));
    }
    t
}

#[test]
fn the_2022_ceilings_per_sector() {
    let s = tariff::nbtc_2022();
    let c = |item, sector| s.ceiling(item, sector).map(|c| c.amount.to_string());
    use Sector::{Government as G, Private as P};
    use TariffItem as I;
    assert_eq!(c(I::WholeBlood, G).as_deref(), Some("1100"));
    assert_eq!(c(I::WholeBlood, P).as_deref(), Some("1550"));
    assert_eq!(c(I::PackedRedCells, G).as_deref(), Some("1100"));
    assert_eq!(c(I::PackedRedCells, P).as_deref(), Some("1550"));
    assert_eq!(c(I::FreshFrozenPlasma, G).as_deref(), Some("300"));
    assert_eq!(c(I::FreshFrozenPlasma, P).as_deref(), Some("400"));
    assert_eq!(c(I::PlateletConcentrate, G).as_deref(), Some("300"));
    assert_eq!(c(I::PlateletConcentrate, P).as_deref(), Some("400"));
    assert_eq!(c(I::Cryoprecipitate, G).as_deref(), Some("200"));
    assert_eq!(c(I::Cryoprecipitate, P).as_deref(), Some("250"));
    assert_eq!(
        c(I::SurplusPlasmaForFractionation, G).as_deref(),
        Some("1600")
    );
    assert_eq!(
        c(I::SurplusPlasmaForFractionation, P).as_deref(),
        Some("1600")
    );
    assert_eq!(c(I::SingleDonorPlatelets, P), None);
    assert_eq!(c(I::Irradiation, P), None);
    // The cryoprecipitate figure is a Delhi rate, and says so.
    let cryo = s.ceiling(I::Cryoprecipitate, P).unwrap();
    assert_eq!(cryo.source.confidence, rakt::Confidence::Low);
    assert!(
        cryo.source
            .note
            .as_deref()
            .unwrap()
            .contains("no national cryoprecipitate ceiling")
    );
}

#[test]
fn the_schedule_in_force_changes_on_the_day_of_the_revision() {
    assert_eq!(
        tariff::schedule_on(date(2022, 7, 20)).unwrap().id,
        "nbtc-2022"
    );
    assert_eq!(
        tariff::schedule_on(date(2022, 7, 19)).unwrap().id,
        "nbtc-before-2022"
    );
    let old = tariff::schedule_on(date(2021, 1, 1)).unwrap();
    assert_eq!(
        old.ceiling(TariffItem::PackedRedCells, Sector::Private)
            .unwrap()
            .amount,
        d("1450")
    );
    assert_eq!(
        old.ceiling(TariffItem::FreshFrozenPlasma, Sector::Private),
        None
    );
    assert_eq!(old.effective_from, None);
}

#[test]
fn a_tariff_within_the_ceilings_passes_and_lists_them() {
    let check = government_at_ceilings().validate().unwrap();
    assert_eq!(check.schedule, "nbtc-2022");
    let gx = check
        .prices
        .iter()
        .find(|p| p.item == TariffItem::GroupingAndCrossmatching)
        .unwrap();
    assert_eq!(gx.ceiling, None); // a laboratory test: no national ceiling
}

#[test]
fn the_surat_private_centre_is_above_three_ceilings() {
    // research/blood.md §7: WB 1,450, PRBC 1,400, RDP 700, FFP 700, cryo 500 (2023).
    let mut t = CentreTariff::new("Surat Raktadan Kendra", Sector::Private, date(2023, 2, 1));
    for (item, price) in [
        (TariffItem::WholeBlood, "1450"),
        (TariffItem::PackedRedCells, "1400"),
        (TariffItem::PlateletConcentrate, "700"),
        (TariffItem::FreshFrozenPlasma, "700"),
        (TariffItem::Cryoprecipitate, "500"),
        (TariffItem::SingleDonorPlatelets, "11000"),
    ] {
        t.prices.insert(item, d(price));
    }
    let err = t.validate().unwrap_err();
    assert_eq!(
        err,
        rakt::RaktError::NotApplicable {
            code: "TARIFF_ABOVE_CEILING".into(),
            reason: "above the NBTC 2022 ceilings for private centres: fresh_frozen_plasma ₹700.00 (ceiling ₹400.00), platelet_concentrate ₹700.00 (ceiling ₹400.00), cryoprecipitate ₹500.00 (ceiling ₹250.00)".into(),
        }
    );
    // The same prices at a government centre are above five ceilings, and exactly at a
    // ceiling is allowed.
    t.sector = Sector::Government;
    t.prices.insert(TariffItem::WholeBlood, d("1100"));
    let err = t.validate().unwrap_err().to_string();
    assert!(
        err.contains("packed_red_cells ₹1400.00 (ceiling ₹1100.00)"),
        "{err}"
    );
    assert!(!err.contains("whole_blood"), "{err}");
}

#[test]
fn bad_prices_and_exemptions_are_refused_naming_the_field() {
    let mut t = government_at_ceilings();
    t.prices.insert(TariffItem::WholeBlood, d("1099.999"));
    let err = t.validate().unwrap_err();
    assert_eq!(
        err,
        rakt::RaktError::InvalidInput {
            field: "prices.whole_blood".into(),
            reason: "1099.999 has more than two decimal places (paise)".into(),
        }
    );
    let mut t = government_at_ceilings();
    t.prices.insert(TariffItem::WholeBlood, d("0"));
    assert_eq!(t.validate().unwrap_err().kind(), "InvalidInput");
    let mut t = government_at_ceilings();
    t.exemptions.push(CentreExemption {
        code: "bpl".into(),
        description: "BPL card".into(),
        items: vec![],
        percent: d("120"),
    });
    let err = t.validate().unwrap_err();
    assert!(
        matches!(err, rakt::RaktError::InvalidInput { ref field, .. } if field == "exemptions.bpl.percent")
    );
}

#[test]
fn a_bill_at_government_ceilings() {
    let t = government_at_ceilings();
    let b = bill(
        &t,
        &[
            (TariffItem::PackedRedCells, d("2")),
            (TariffItem::FreshFrozenPlasma, d("1")),
        ],
        &[],
        &[],
        date(2026, 11, 23),
    )
    .unwrap();
    assert_eq!(b.lines[0].gross.to_string(), "2200.00");
    assert_eq!(b.lines[1].gross.to_string(), "300.00");
    assert_eq!(b.gross_total.to_string(), "2500.00");
    assert_eq!(b.waived_total.to_string(), "0.00");
    assert_eq!(b.total.to_string(), "2500.00");
}

#[test]
fn surplus_plasma_is_billed_per_litre_to_the_paisa() {
    let t = government_at_ceilings();
    let litres = |q: &str| {
        bill(
            &t,
            &[(TariffItem::SurplusPlasmaForFractionation, d(q))],
            &[],
            &[],
            date(2026, 1, 1),
        )
        .unwrap()
        .total
        .to_string()
    };
    assert_eq!(litres("0.2347"), "375.52"); // 375.520
    assert_eq!(litres("0.23453125"), "375.25"); // 375.25000
    assert_eq!(litres("0.000003125"), "0.01"); // 0.005 rounds away from zero
    assert_eq!(litres("0.0000031"), "0.00"); // 0.00496
    assert_eq!(litres("12.5"), "20000.00");
}

#[test]
fn statutory_exemptions_make_every_line_free() {
    let t = government_at_ceilings();
    for category in StatutoryExemption::ALL {
        let b = bill(
            &t,
            &[
                (TariffItem::PackedRedCells, d("1")),
                (TariffItem::GroupingAndCrossmatching, d("1")),
            ],
            &[*category],
            &[],
            date(2026, 11, 23),
        )
        .unwrap();
        assert_eq!(b.total.to_string(), "0.00");
        assert_eq!(b.gross_total.to_string(), "1220.00");
        assert_eq!(b.waived_total.to_string(), "1220.00");
        assert!(
            b.lines
                .iter()
                .all(|l| l.exemption.as_deref() == Some(category.as_str()))
        );
    }
}

#[test]
fn centre_exemptions_and_concessions() {
    let mut t = government_at_ceilings();
    t.exemptions.push(CentreExemption {
        code: "nfsa_card".into(),
        description: "NFSA (EWS/BPL) card holders".into(),
        items: vec![],
        percent: d("100"),
    });
    t.exemptions.push(CentreExemption {
        code: "donor_card".into(),
        description: "Voluntary donor card: a third off red cells".into(),
        items: vec![TariffItem::PackedRedCells],
        percent: d("33.33"),
    });
    t.validate().unwrap();
    let lines = [
        (TariffItem::PackedRedCells, d("1")),
        (TariffItem::FreshFrozenPlasma, d("1")),
    ];
    let b = bill(&t, &lines, &[], &["donor_card"], date(2026, 11, 23)).unwrap();
    // 1100 × 33.33% = 366.63 waived; FFP not covered.
    assert_eq!(b.lines[0].waived.to_string(), "366.63");
    assert_eq!(b.lines[0].net.to_string(), "733.37");
    assert_eq!(b.lines[1].exemption, None);
    assert_eq!(b.total.to_string(), "1033.37");
    let b = bill(&t, &lines, &[], &["nfsa_card"], date(2026, 11, 23)).unwrap();
    assert_eq!(b.total.to_string(), "0.00");
    let err = bill(&t, &lines, &[], &["vip"], date(2026, 11, 23)).unwrap_err();
    assert_eq!(err.kind(), "InvalidInput");
}

#[test]
fn bad_bills_are_refused() {
    let t = government_at_ceilings();
    let on = date(2026, 11, 23);
    let half_unit = bill(&t, &[(TariffItem::PackedRedCells, d("0.5"))], &[], &[], on).unwrap_err();
    assert!(
        matches!(half_unit, rakt::RaktError::InvalidInput { ref field, .. } if field == "quantity")
    );
    let zero = bill(&t, &[(TariffItem::PackedRedCells, d("0"))], &[], &[], on).unwrap_err();
    assert_eq!(zero.kind(), "InvalidInput");
    let unpriced = bill(&t, &[(TariffItem::Irradiation, d("1"))], &[], &[], on).unwrap_err();
    assert!(
        matches!(unpriced, rakt::RaktError::NotApplicable { ref code, .. } if code == "TARIFF_ITEM_NOT_PRICED")
    );
    let early = bill(
        &t,
        &[(TariffItem::PackedRedCells, d("1"))],
        &[],
        &[],
        date(2024, 3, 31),
    )
    .unwrap_err();
    assert!(matches!(early, rakt::RaktError::InvalidInput { ref field, .. } if field == "date"));
    // The tariff applies from its first day (a mutation of `<` to `<=` went unnoticed).
    let first_day = bill(
        &t,
        &[(TariffItem::PackedRedCells, d("1"))],
        &[],
        &[],
        date(2024, 4, 1),
    )
    .unwrap();
    assert_eq!(first_day.total, d("1100"));
}

#[test]
fn a_centre_tariff_round_trips_through_json() {
    let mut t = government_at_ceilings();
    t.exemptions.push(CentreExemption {
        code: "hiv_regular".into(),
        description: "HIV/AIDS patients on regular transfusion (IRCS Delhi)".into(),
        items: vec![],
        percent: d("100"),
    });
    let json = serde_json::to_string(&t).unwrap();
    let back: CentreTariff = serde_json::from_str(&json).unwrap();
    assert_eq!(back, t);
    assert!(json.contains("\"packed_red_cells\":\"1100\""), "{json}");
}

proptest! {
    #[test]
    fn bill_totals_are_sums_of_lines_and_waivers_never_exceed_the_gross(
        quantities in prop::collection::vec((0usize..4, 1u32..20), 1..6),
        litres in 1i64..100_000_000,
        percent in 1i64..=10_000,
        exempt in any::<bool>(),
    ) {
        let mut t = government_at_ceilings();
        t.exemptions.push(CentreExemption {
            code: "c".into(),
            description: "concession".into(),
            items: vec![],
            percent: Decimal::new(percent, 2),
        });
        let items = [TariffItem::PackedRedCells, TariffItem::FreshFrozenPlasma, TariffItem::WholeBlood, TariffItem::PlateletConcentrate];
        let mut lines: Vec<(TariffItem, Decimal)> = quantities.iter().map(|(i, q)| (items[*i], Decimal::from(*q))).collect();
        lines.push((TariffItem::SurplusPlasmaForFractionation, Decimal::new(litres, 6)));
        let codes: Vec<&str> = if exempt { vec!["c"] } else { vec![] };
        let b = bill(&t, &lines, &[], &codes, date(2026, 1, 1)).unwrap();
        let sum = |f: fn(&rakt::tariff::BillLine) -> Decimal| b.lines.iter().map(f).sum::<Decimal>();
        prop_assert_eq!(b.gross_total, sum(|l| l.gross));
        prop_assert_eq!(b.total, sum(|l| l.net));
        prop_assert_eq!(b.gross_total, b.total + b.waived_total);
        for l in &b.lines {
            prop_assert!(l.waived <= l.gross && l.net >= Decimal::ZERO);
            prop_assert_eq!(l.gross.scale(), 2);
            prop_assert_eq!(l.net.scale(), 2);
        }
    }
}
