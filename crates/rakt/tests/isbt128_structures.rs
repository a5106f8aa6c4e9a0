//! ISBT 128 data structures 002–009, scans and labels: exact values, boundaries, and
//! properties (no input panics; every valid encoding round-trips).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;
use rakt::isbt128::*;
use rakt::unit::{DonationType, UnitStatus};
use rakt::{BloodGroup, Policy, Preservative, Product};

fn position(e: &rakt::RaktError) -> usize {
    match e {
        rakt::RaktError::InvalidCode { position, .. } => *position,
        other => panic!("expected InvalidCode, got {other:?}"),
    }
}

fn not_applicable_code(e: &rakt::RaktError) -> &str {
    match e {
        rakt::RaktError::NotApplicable { code, .. } => code,
        other => panic!("expected NotApplicable, got {other:?}"),
    }
}

fn ist() -> FixedOffset {
    FixedOffset::east_opt(5 * 3600 + 1800).unwrap()
}

// ---------- 002 blood groups ----------

#[test]
fn table4_every_code_decodes_and_encodes_back() {
    let codes = all_group_codes();
    // 24 rows x 8 columns, 12 pooled/subgroup codes, 14 special messages (6 tissue-only).
    assert_eq!(codes.len(), 24 * 8 + 12 + 14);
    let mut seen = std::collections::BTreeSet::new();
    for gg in &codes {
        assert!(seen.insert(*gg), "{gg} appears twice");
        for r in ALPHABET_TABLE6.chars() {
            let data = format!("{gg}{r}0");
            let g = decode_blood_group(&data).unwrap();
            assert_eq!(g.data(), data);
            assert_eq!(g.encode(), format!("=%{data}"));
            assert_eq!(decode_blood_group(&g.encode()).unwrap(), g);
        }
    }
}

const ALPHABET_TABLE6: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The tissue-only messages of Table 5 (`T1`–`T6`), as in ICCBBA's tissue example `=%T300`.
#[test]
fn table5_tissue_messages() {
    let t3 = decode_blood_group("=%T300").unwrap();
    assert_eq!(t3.group_code().kind(), "special");
    assert_eq!(
        t3.group_code().special_message().map(|m| m.as_str()),
        Some("tissue_rhd_not_specified")
    );
    assert_eq!(t3.group_code().blood_group(), None);
    let names: Vec<&str> = ["T1", "T2", "T3", "T4", "T5", "T6"]
        .iter()
        .map(|gg| {
            let m = decode_blood_group(&format!("=%{gg}00"))
                .unwrap()
                .group_code()
                .special_message()
                .unwrap();
            m.as_str()
        })
        .collect();
    assert_eq!(
        names,
        [
            "tissue_rhd_positive",
            "tissue_rhd_negative",
            "tissue_rhd_not_specified",
            "tissue_autologous_in_quarantine",
            "tissue_see_outer_packaging",
            "tissue_sterilize_before_release"
        ]
    );
    let t4 = decode_blood_group("=%T400").unwrap();
    assert_eq!(
        t4.group_code()
            .special_message()
            .and_then(|m| m.implied_status()),
        Some(UnitStatus::Quarantined)
    );
    for bad in ["=%T000", "=%T700", "=%t100"] {
        assert_eq!(position(&decode_blood_group(bad).unwrap_err()), 3, "{bad}");
    }
}

#[test]
fn group_codes_mean_what_table4_says() {
    let cases = [
        ("95", "O-", IntendedUse::Default),
        ("51", "O+", IntendedUse::Default),
        ("47", "O+", IntendedUse::DirectedOnly),
        ("06", "A-", IntendedUse::Default),
        ("62", "A+", IntendedUse::Default),
        ("65", "A+", IntendedUse::AutologousBiohazard),
        ("17", "B-", IntendedUse::Default),
        ("73", "B+", IntendedUse::Default),
        ("28", "AB-", IntendedUse::Default),
        ("84", "AB+", IntendedUse::Default),
        ("81", "AB+", IntendedUse::EmergencyOnly),
        ("G6", "Oh-", IntendedUse::Default),
        ("H6", "Oh+", IntendedUse::Default),
        ("H9", "Oh+", IntendedUse::AutologousBiohazard),
        ("55", "O", IntendedUse::Default),
        ("P2", "O", IntendedUse::DirectedOnly),
        ("C9", "AB", IntendedUse::AutologousBiohazard),
    ];
    for (gg, group, use_) in cases {
        let g = decode_blood_group(&format!("=%{gg}00")).unwrap();
        assert_eq!(g.blood_group().unwrap().to_string(), group, "{gg}");
        assert_eq!(g.group_code().intended_use(), Some(use_), "{gg}");
        // and back
        let again = GroupCode::for_group(&BloodGroup::parse(group).unwrap(), use_).unwrap();
        assert_eq!(again.code(), Some(gg));
    }
}

#[test]
fn para_bombay_and_pooled_codes_are_not_rakt_groups() {
    for gg in [
        "D6", "E6", "I6", "J6", "K6", "N6", "L6", "O6", "M6", "Q6", "A0", "G0", "H0",
    ] {
        let g = decode_blood_group(&format!("{gg}00")).unwrap();
        assert_eq!(g.blood_group(), None, "{gg}");
    }
    let q6 = decode_blood_group("Q600").unwrap().group_code();
    assert_eq!(
        q6,
        GroupCode::Group {
            group: LabelGroup::ParaBombay(Some(rakt::Abo::AB)),
            rhd: LabelRhd::Positive,
            intended_use: IntendedUse::Default
        }
    );
    let a2b = decode_blood_group("L000").unwrap();
    assert_eq!(a2b.blood_group().unwrap().notation(), "A2B");
    assert_eq!(
        a2b.group_code(),
        GroupCode::PooledOrSubgroup(PooledOrSubgroup::A2B)
    );
    // "L0" (A2B) and "L6" (B para-Bombay RhD negative) differ only in the second character.
    assert_ne!(
        decode_blood_group("L600").unwrap().group_code(),
        a2b.group_code()
    );
}

#[test]
fn special_messages_and_the_status_they_imply() {
    let cases = [
        (
            "Mq",
            SpecialMessage::Quarantine,
            Some(UnitStatus::Quarantined),
        ),
        ("Md", SpecialMessage::Discard, Some(UnitStatus::Discarded)),
        (
            "Mx",
            SpecialMessage::NotForTransfusion,
            Some(UnitStatus::Discarded),
        ),
        ("Mb", SpecialMessage::Biohazardous, None),
        ("Mf", SpecialMessage::FractionationOnly, None),
        ("Mr", SpecialMessage::ResearchOnly, None),
        ("Ma", SpecialMessage::AutologousCollection, None),
        ("00", SpecialMessage::NoAboRhInformation, None),
    ];
    for (gg, message, status) in cases {
        let g = decode_blood_group(&format!("=%{gg}00")).unwrap();
        assert_eq!(g.group_code().special_message(), Some(message));
        assert_eq!(message.implied_status(), status);
        assert_eq!(g.blood_group(), None);
    }
}

#[test]
fn table6_characters() {
    let j = RhKell::from_char('J').unwrap();
    assert_eq!(j.rh().unwrap().notation(), "C-c+E-e+");
    assert_eq!(j.kell(), Some(Kell::Positive));
    let r = RhKell::from_char('R').unwrap();
    assert_eq!(r.rh().unwrap().notation(), "C+c-E+e-");
    assert_eq!(r.kell(), Some(Kell::Positive));
    let s = RhKell::from_char('S').unwrap();
    assert_eq!(s.rh(), Some(RhPhenotype::NONE));
    assert_eq!(s.kell(), Some(Kell::Negative));
    let y = RhKell::from_char('Y').unwrap();
    assert_eq!(y.rh().unwrap().notation(), "C-c(ni)E-e(ni)");
    assert_eq!(y.kell(), Some(Kell::Negative));
    assert_eq!(
        RhKell::from_char('U').unwrap().mia_mur_positive(),
        Some(false)
    );
    assert_eq!(
        RhKell::from_char('V').unwrap().mia_mur_positive(),
        Some(true)
    );
    assert!(RhKell::from_char('W').unwrap().see_special_testing());
    assert_eq!(RhKell::from_char('W').unwrap().kell(), None);
    assert_eq!(RhKell::from_char('a'), None);
    assert_eq!(RhKell::from_char('*'), None);
    // Every phenotype row x Kell column gives back its character.
    for c in ALPHABET_TABLE6.chars().filter(|c| !"UVW".contains(*c)) {
        let r = RhKell::from_char(c).unwrap();
        assert_eq!(
            RhKell::phenotype(r.rh().unwrap(), r.kell().unwrap())
                .unwrap()
                .as_char(),
            c
        );
    }
    let not_a_row = RhPhenotype {
        big_c: Some(false),
        small_c: Some(false),
        big_e: None,
        small_e: None,
    };
    assert_eq!(
        RhKell::phenotype(not_a_row, Kell::Negative)
            .unwrap_err()
            .kind(),
        "NotApplicable"
    );
}

#[test]
fn blood_group_errors_name_the_position() {
    let cases = [
        ("=%5101", 6, "reserved"),
        ("5101", 4, "reserved"),
        ("=%5a00", 3, "Table 4"),
        ("=%99000", 7, "4 characters"),
        ("=%51*0", 5, "Table 6"),
        ("=%510", 6, "4 characters"),
        ("=#5100", 2, "'=%'"),
        ("", 1, "4 characters"),
        ("=%51é0", 5, "ASCII"),
        ("=%L100", 3, "Table 4"),
    ];
    for (text, pos, fragment) in cases {
        let e = decode_blood_group(text).unwrap_err();
        assert_eq!(position(&e), pos, "{text}: {e}");
        assert!(e.to_string().contains(fragment), "{text}: {e}");
    }
}

#[test]
fn bombay_with_unknown_rhd_has_no_code() {
    let oh = BloodGroup::parse("Bombay").unwrap();
    let e = GroupCode::for_group(&oh, IntendedUse::Default).unwrap_err();
    assert_eq!(e.kind(), "NotApplicable");
    let o = BloodGroup::parse("O").unwrap();
    assert_eq!(
        GroupCode::for_group(&o, IntendedUse::Default)
            .unwrap()
            .code(),
        Some("55")
    );
}

// ---------- 003 product code ----------

#[test]
fn product_codes() {
    let p = parse_product_code("=<E0398VA0").unwrap();
    assert_eq!(p.description_code(), "E0398");
    assert_eq!(p.family(), ProductFamily::BloodComponent);
    assert_eq!(
        p.collection_type(),
        Some(CollectionType::VolunteerHomologous)
    );
    assert_eq!(p.division(), Some("A0"));
    assert_eq!(p.pack_code(), None);
    let tissue = parse_product_code("T0001000").unwrap();
    assert_eq!(tissue.family(), ProductFamily::Tissue);
    assert_eq!(tissue.collection_type(), None);
    assert_eq!(tissue.pack_code(), Some("000"));
    assert_eq!(tissue.encode(), "=<T0001000");
    let paid_research = parse_product_code("E1234r00").unwrap();
    assert_eq!(
        paid_research.collection_type(),
        Some(CollectionType::PaidResearch)
    );
    assert_eq!(
        parse_product_code("E1234R00").unwrap().collection_type(),
        Some(CollectionType::VolunteerResearch)
    );
    for t in CollectionType::ALL {
        let text = format!("=<E4306{}00", t.as_char());
        let p = parse_product_code(&text).unwrap();
        assert_eq!(p.collection_type(), Some(*t));
        assert_eq!(p.encode(), text);
    }
    assert_eq!(CollectionType::ALL.len(), 29);
}

#[test]
fn collection_types_and_donation_types() {
    use CollectionType as C;
    assert_eq!(
        C::VolunteerHomologous.donation_type(),
        Some(DonationType::Voluntary)
    );
    assert_eq!(
        C::Replacement.donation_type(),
        Some(DonationType::Replacement)
    );
    assert_eq!(
        C::AutologousOnly.donation_type(),
        Some(DonationType::Autologous)
    );
    assert_eq!(
        C::DirectedOnly.donation_type(),
        Some(DonationType::Directed)
    );
    assert_eq!(C::PaidHomologous.donation_type(), None);
    assert_eq!(C::NotSpecified.donation_type(), None);
    for t in [
        DonationType::Voluntary,
        DonationType::Replacement,
        DonationType::Autologous,
        DonationType::Directed,
    ] {
        assert_eq!(C::for_donation_type(t).donation_type(), Some(t));
    }
}

#[test]
fn product_code_errors_name_the_position() {
    let cases = [
        ("=<E4306Z00", 8, "Table 7"),
        ("=<G4306V00", 3, "family"),
        ("=<E43a6V00", 6, "A-Z or 0-9"),
        ("=<E4306V0a", 10, "00 (undivided)"),
        ("=<E4306Va0", 9, "first division"),
        ("=<E4306VAA", 10, "second division"),
        ("=<E4306V09", 10, "00 (undivided)"),
        ("=<E4306V0", 10, "8 characters"),
        ("=<T0001A00", 8, "3 digits"),
        ("=>E4306V00", 2, "'=<'"),
        ("E4306V00X", 9, "8 characters"),
    ];
    for (text, pos, fragment) in cases {
        let e = parse_product_code(text).unwrap_err();
        assert_eq!(position(&e), pos, "{text}: {e}");
        assert!(e.to_string().contains(fragment), "{text}: {e}");
    }
}

#[test]
fn the_example_table_loads() {
    let t = table();
    assert_eq!(t.len(), 8);
    assert_eq!(
        t.product("D0005").unwrap(),
        &Product::platelets(rakt::PlateletSource::RandomDonor)
    );
    assert_eq!(
        t.entry("E0398").unwrap().description.as_deref(),
        Some("RED BLOOD CELLS|CPD>AS5/450mL/refg|Irr|ResLeu")
    );
}

#[test]
fn product_table_validation() {
    let dup = r#"
        [[product]]
        code = "D0001"
        product = { component = "cryoprecipitate" }
        [[product]]
        code = "D0001"
        product = { component = "plasma" }
    "#;
    assert_eq!(
        ProductTable::from_toml(dup).unwrap_err().to_string(),
        "invalid input: product_table: the code D0001 is in the table twice"
    );
    let bad_code = r#"{"product": [{"code": "G0001", "product": {"component": "plasma"}}]}"#;
    assert_eq!(position(&ProductTable::from_json(bad_code).unwrap_err()), 1);
    let short = r#"{"product": [{"code": "E01", "product": {"component": "plasma"}}]}"#;
    assert_eq!(position(&ProductTable::from_json(short).unwrap_err()), 4);
    let bad_product = r#"{"product": [{"code": "E0001", "product": {"component": "red_cells"}}]}"#;
    assert_eq!(
        ProductTable::from_json(bad_product).unwrap_err().kind(),
        "InvalidInput"
    );
    let table = ProductTable::new();
    assert_eq!(position(&table.product("E0398").unwrap_err()), 1);
}

// ---------- 004-009 dates ----------

#[test]
fn dates_decode_to_the_worked_examples() {
    let d = decode_datetime("&>0183652359").unwrap();
    assert_eq!(d.kind(), DateKind::Expiration);
    assert_eq!(d.structure(), "005");
    assert_eq!(d.date(), NaiveDate::from_ymd_opt(2018, 12, 31).unwrap());
    let d = decode_datetime("=>018029").unwrap();
    assert_eq!(d.structure(), "004");
    assert_eq!(d.date(), NaiveDate::from_ymd_opt(2018, 1, 29).unwrap());
    assert_eq!(d.time(), None);
    assert_eq!(d.datetime().to_string(), "2018-01-29 23:59:00");
    assert_eq!(
        d.at_offset(ist()).unwrap().to_rfc3339(),
        "2018-01-29T23:59:00+05:30"
    );
    for (text, kind, structure) in [
        ("=*026001", DateKind::Collection, "006"),
        ("&*0260010000", DateKind::Collection, "007"),
        ("=}026001", DateKind::Production, "008"),
        ("&}0260010000", DateKind::Production, "009"),
    ] {
        let d = decode_datetime(text).unwrap();
        assert_eq!((d.kind(), d.structure()), (kind, structure));
        assert_eq!(d.date(), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        assert_eq!(d.encode(), text);
    }
    // Century digit: 1 → 2100s.
    assert_eq!(
        decode_datetime("=>100001").unwrap().date(),
        NaiveDate::from_ymd_opt(2100, 1, 1).unwrap()
    );
}

#[test]
fn ordinal_day_and_time_boundaries() {
    assert_eq!(
        decode_datetime("=>024366").unwrap().date(),
        NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()
    );
    let cases = [
        ("=>026366", 6, "2026 has no day 366"),
        ("=>026000", 6, "2026 has no day 000"),
        ("=>026367", 6, "2026 has no day 367"),
        ("&>0260012400", 9, "hour"),
        ("&>0260012360", 11, "minute"),
        ("&>026001235", 12, "10 digits"),
        ("=>0260012359", 9, "6 digits"),
        ("=>02600a", 8, "digits"),
        ("=A026001", 2, ">, * or }"),
        ("0260012359", 1, "data identifier"),
    ];
    for (text, pos, fragment) in cases {
        let e = decode_datetime(text).unwrap_err();
        assert_eq!(position(&e), pos, "{text}: {e}");
        assert!(e.to_string().contains(fragment), "{text}: {e}");
    }
    let last = decode_datetime("&>0263652359").unwrap();
    assert_eq!(last.time().unwrap().to_string(), "23:59:00");
    let first = decode_datetime("&>0260010000").unwrap();
    assert_eq!(first.time().unwrap().to_string(), "00:00:00");
}

#[test]
fn encoding_a_time_drops_seconds_and_refuses_other_centuries() {
    let at = NaiveDate::from_ymd_opt(2026, 2, 1)
        .unwrap()
        .and_hms_opt(10, 30, 59)
        .unwrap();
    let d = IsbtDate::date_time(DateKind::Expiration, at).unwrap();
    assert_eq!(d.encode(), "&>0260321030");
    let old = NaiveDate::from_ymd_opt(1999, 12, 31).unwrap();
    assert_eq!(
        IsbtDate::date_only(DateKind::Expiration, old)
            .unwrap_err()
            .kind(),
        "InvalidInput"
    );
}

// ---------- scans and labels ----------

const LABEL: &str = "=A99992112345600=%6200=<E0398VA0&>0263652359&*0263500900";

fn table() -> ProductTable {
    ProductTable::from_toml(include_str!("../../../examples/data/isbt128_products.toml")).unwrap()
}

fn details() -> LabelDetails {
    LabelDetails {
        offset: ist(),
        volume_ml: 250,
        collected_at: None,
        donor_id: Some("D-9".into()),
        first_donation: false,
        donation_type: None,
    }
}

#[test]
fn a_scan_splits_into_structures_with_offsets() {
    let items = parse_scan(&format!("{LABEL}=)1234567890")).unwrap();
    let got: Vec<(usize, &str, String)> = items
        .iter()
        .map(|s| (s.offset, s.structure.kind(), s.structure.encode()))
        .collect();
    assert_eq!(
        got,
        [
            (1, "din", "=A99992112345600".to_string()),
            (17, "blood_group", "=%6200".to_string()),
            (23, "product", "=<E0398VA0".to_string()),
            (33, "date", "&>0263652359".to_string()),
            (45, "date", "&*0263500900".to_string()),
            (57, "other", "=)1234567890".to_string()),
        ]
    );
}

#[test]
fn scan_errors_give_the_absolute_position() {
    let cases = [
        ("=A99992112345600=%6201", 22, "reserved"),
        ("=A99992112345600=%62", 21, "ends inside"),
        ("=A99992112345600#%6200", 17, "data identifier"),
        ("=A99992112345671=%6200", 15, "Type 3"),
        (
            "=A99992112345600=<E0398V00=%6200&>0263672359",
            38,
            "no day 367",
        ),
        ("", 1, "empty"),
    ];
    for (text, pos, fragment) in cases {
        let e = parse_scan(text).unwrap_err();
        assert_eq!(position(&e), pos, "{text}: {e}");
        assert!(e.to_string().contains(fragment), "{text}: {e}");
    }
}

/// A keyboard-wedge scanner ends its input with Enter (CR), a line feed, CR LF or a tab: at the
/// end they are not data; anywhere else, and lower case, they are refused where they stand.
#[test]
fn scanner_terminators_at_the_end_are_ignored() {
    for end in ["\r", "\n", "\r\n", "\t", "\r\n\r\n"] {
        let items = parse_scan(&format!("=A99992112345600=%6200{end}")).unwrap();
        let encoded: Vec<String> = items.iter().map(|i| i.structure.encode()).collect();
        assert_eq!(encoded, ["=A99992112345600", "=%6200"], "{end:?}");
        assert_eq!(
            Label::from_scan(&format!("{LABEL}{end}")).unwrap().encode(),
            LABEL
        );
    }
    let cases = [
        ("=A99992112345600\r=%6200", 17, "data identifier"),
        ("=A99992112345600\t=%6200\r\n", 17, "data identifier"),
        ("=A99992112345600=%6200 ", 23, "data identifier"),
        ("\r\n", 1, "empty"),
        ("=a99992112345600", 2, ""),
    ];
    for (text, pos, fragment) in cases {
        let e = parse_scan(text).unwrap_err();
        assert_eq!(position(&e), pos, "{text:?}: {e}");
        assert!(e.to_string().contains(fragment), "{text:?}: {e}");
    }
    // The error text shows the scan without its terminators.
    let e = parse_scan("=A99992112345600=%6201\r\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid ISBT 128 scan \"=A99992112345600=%6201\" at position 22: ISBT 128 blood group: \
         the last character is reserved and must be 0"
    );
}

#[test]
fn label_to_unit_and_back() {
    let label = Label::from_scan(LABEL).unwrap();
    let unit = label
        .to_unit(&table(), &details(), "tech-a", &Policy::india())
        .unwrap();
    assert_eq!(unit.id().din, "A999921123456");
    assert_eq!(unit.id().division.as_deref(), Some("A0"));
    assert_eq!(unit.group().to_string(), "A+");
    assert_eq!(unit.donation_type(), DonationType::Voluntary);
    assert_eq!(
        unit.collected_at().to_rfc3339(),
        "2026-12-16T09:00:00+05:30"
    );
    assert_eq!(
        unit.expiry().expires_at.to_rfc3339(),
        "2026-12-31T23:59:00+05:30"
    );
    let codes: Vec<&str> = unit
        .expiry()
        .reasons
        .iter()
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(codes, ["SHELF_LIFE", "LABEL_EXPIRY_KEPT"]);
    assert_eq!(unit.status(), UnitStatus::Collected);
    assert_eq!(
        unit.product(),
        &Product::red_cells(Preservative::AdditiveSolution).with_modifications([
            rakt::Modification::Irradiated,
            rakt::Modification::Leucoreduced
        ])
    );
    let back = Label::from_unit(&unit, &table()).unwrap();
    assert_eq!(back.encode(), LABEL);
    assert_eq!(back, label);
}

#[test]
fn a_label_never_extends_the_policy_expiry() {
    // Local D0005: random-donor platelets; India keeps them 3 days (cautious default). The
    // label claims 5 days.
    let text = "=A99992112345600=%5100=<D0005V00&>0263552359&*0263500900";
    let label = Label::from_scan(text).unwrap();
    // A local code's last three characters are locally defined: the donation type must be
    // given.
    let e = label
        .to_unit(&table(), &details(), "tech-a", &Policy::india())
        .unwrap_err();
    assert_eq!(e.kind(), "NotApplicable");
    let with_type = LabelDetails {
        donation_type: Some(DonationType::Voluntary),
        ..details()
    };
    let unit = label
        .to_unit(&table(), &with_type, "tech-a", &Policy::india())
        .unwrap();
    assert_eq!(
        unit.expiry().expires_at.to_rfc3339(),
        "2026-12-19T23:59:00+05:30"
    );
    let codes: Vec<&str> = unit
        .expiry()
        .reasons
        .iter()
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(codes, ["SHELF_LIFE", "LABEL_EXPIRY_SHORTENED"]);
}

#[test]
fn label_refusals() {
    let t = table();
    let d = details();
    let p = Policy::india();
    let e = Label::from_scan("=A99992112345600=%Mq00=<E0398V00&>0263652359&*0263500900")
        .unwrap()
        .to_unit(&t, &d, "x", &p)
        .unwrap_err();
    assert_eq!(not_applicable_code(&e), "ISBT128_LABEL_GROUP_NOT_USABLE");
    let e = Label::from_scan("=A99992112345600=%6200=<E9999V00&>0263652359&*0263500900")
        .unwrap()
        .to_unit(&t, &d, "x", &p)
        .unwrap_err();
    assert_eq!(position(&e), 1);
    // Paid homologous says nothing rakt models about the donation type.
    let e = Label::from_scan("=A99992112345600=%6200=<E0398P00&>0263652359&*0263500900")
        .unwrap()
        .to_unit(&t, &d, "x", &p)
        .unwrap_err();
    assert_eq!(not_applicable_code(&e), "ISBT128_LABEL_DONATION_TYPE");
    let e = Label::from_scan("=A99992112345600=%6200=<E0398V00&>0263652359")
        .unwrap()
        .to_unit(&t, &d, "x", &p)
        .unwrap_err();
    assert_eq!(e.kind(), "InvalidInput");
    let e = Label::from_scan("=A99992112345600=%6200=<E0398V00").unwrap_err();
    assert!(e.to_string().contains("no expiration date"), "{e}");
    let e = Label::from_scan("=A99992112345600=%6200=%6200=<E0398V00&>0263652359").unwrap_err();
    assert_eq!(position(&e), 23);
    // Expiry not after collection.
    let e = Label::from_scan("=A99992112345600=%6200=<E0398V00&>0263500800&*0263500900")
        .unwrap()
        .to_unit(&t, &d, "x", &p)
        .unwrap_err();
    assert_eq!(e.kind(), "InvalidInput");
    // A unit whose DIN is not an ISBT 128 DIN has no label.
    let unit = rakt::unit::BloodUnit::collect(
        rakt::unit::Collection {
            din: "DIN-1".into(),
            division: None,
            product: Product::red_cells(Preservative::AdditiveSolution),
            group: BloodGroup::parse("O+").unwrap(),
            volume_ml: 250,
            donation_type: DonationType::Voluntary,
            donor_id: None,
            first_donation: false,
            collected_at: ist().with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap(),
        },
        "x",
        &p,
    )
    .unwrap();
    assert_eq!(
        Label::from_unit(&unit, &t).unwrap_err().kind(),
        "InvalidCode"
    );
}

// ---------- properties ----------

fn any_ascii() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::char::range(' ', '~'), 0..70)
        .prop_map(|v| v.into_iter().collect())
}

/// Strings built from the pieces scans are made of, so that many are nearly valid.
fn scan_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("=A99992112345600".to_string()),
        Just("=%5100".to_string()),
        Just("=%Mq00".to_string()),
        Just("=<E0398V00".to_string()),
        Just("&>0263652359".to_string()),
        Just("=>024366".to_string()),
        Just("=)1234567890".to_string()),
        "[=&][%<>*}A-Z0-9]{1,12}",
    ];
    proptest::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn no_parser_panics(s in any_ascii(), t in scan_like(), u in ".{0,40}") {
        for text in [&s, &t, &u] {
            let _ = parse_din(text);
            let _ = decode_blood_group(text);
            let _ = parse_product_code(text);
            let _ = decode_datetime(text);
            let _ = parse_scan(text);
            let _ = Label::from_scan(text);
            let _ = BloodGroup::parse(text);
        }
    }

    #[test]
    fn errors_point_inside_or_just_after_the_text(t in scan_like()) {
        for r in [parse_scan(&t).err(), decode_blood_group(&t).err(), decode_datetime(&t).err(), parse_product_code(&t).err()].into_iter().flatten() {
            if let rakt::RaktError::InvalidCode { position, .. } = r {
                prop_assert!(position >= 1 && position <= t.chars().count() + 1);
            }
        }
    }

    #[test]
    fn valid_blood_groups_round_trip(i in 0usize..212, r in 0usize..36) {
        let gg = all_group_codes()[i];
        let rc = ALPHABET_TABLE6.chars().nth(r).unwrap();
        let text = format!("=%{gg}{rc}0");
        let g = decode_blood_group(&text).unwrap();
        prop_assert_eq!(g.encode(), text);
        prop_assert_eq!(BloodGroupCode::new(g.group_code(), g.rh_kell()).unwrap(), g);
    }

    #[test]
    fn valid_dates_round_trip(days in 0i64..(365 * 999), minutes in 0u32..1440, kind in 0usize..3, timed: bool) {
        let kind = [DateKind::Expiration, DateKind::Collection, DateKind::Production][kind];
        let date = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Duration::days(days);
        let d = if timed {
            IsbtDate::date_time(kind, date.and_hms_opt(minutes / 60, minutes % 60, 0).unwrap()).unwrap()
        } else {
            IsbtDate::date_only(kind, date).unwrap()
        };
        let text = d.encode();
        prop_assert_eq!(decode_datetime(&text).unwrap(), d);
        prop_assert_eq!(decode_datetime(&text).unwrap().encode(), text);
    }

    #[test]
    fn valid_product_codes_round_trip(
        fam in "[EFHSPXY]", digits in "[0-9]{4}", t in 0usize..29, div in prop_oneof![Just("00".to_string()), Just("99".to_string()), "[A-Z][0a-z]"],
    ) {
        let text = format!("=<{fam}{digits}{}{div}", CollectionType::ALL[t].as_char());
        let p = parse_product_code(&text).unwrap();
        prop_assert_eq!(p.encode(), text.clone());
        prop_assert_eq!(parse_product_code(&text[2..]).unwrap(), p);
    }

    #[test]
    fn valid_scans_round_trip(order in Just(()).prop_perturb(|_, mut rng| {
        let mut v = vec![0usize, 1, 2, 3];
        for i in (1..v.len()).rev() { let j = (rng.next_u32() as usize) % (i + 1); v.swap(i, j); }
        v
    }), end in prop::sample::select(vec!["", "\r", "\n", "\r\n", "\t"])) {
        let parts = ["=A99992112345600", "=%6200", "=<E0398VA0", "&>0263652359"];
        let text: String = order.iter().map(|i| parts[*i]).collect();
        let items = parse_scan(&format!("{text}{end}")).unwrap();
        let again: String = items.iter().map(|s| s.structure.encode()).collect();
        prop_assert_eq!(again, text.clone());
        let label = Label::from_scan(&format!("{text}{end}")).unwrap();
        prop_assert_eq!(label.encode(), "=A99992112345600=%6200=<E0398VA0&>0263652359");
    }
}

#[test]
fn stable_names_parse_back_and_refuse_others() {
    for u in IntendedUse::ALL {
        assert_eq!(IntendedUse::parse(u.as_str()).unwrap(), u);
    }
    let e = IntendedUse::parse("directed").unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid input: intended_use: \"directed\" is not a column of ISBT 128 Table 4"
    );
    for k in [
        DateKind::Expiration,
        DateKind::Collection,
        DateKind::Production,
    ] {
        assert_eq!(DateKind::parse(k.as_str()).unwrap(), k);
    }
    assert_eq!(
        DateKind::parse("expiry").unwrap_err().kind(),
        "InvalidInput"
    );
    assert_eq!(RhKell::parse("J").unwrap().kell(), Some(Kell::Positive));
    for bad in ["", "JJ", "a", "*"] {
        assert_eq!(
            RhKell::parse(bad).unwrap_err().kind(),
            "InvalidInput",
            "{bad:?}"
        );
    }
    let q6 = decode_blood_group("Q600").unwrap().group_code();
    assert_eq!(q6.kind(), "group");
    match q6 {
        GroupCode::Group { group, rhd, .. } => {
            assert_eq!(group.name(), "para_bombay_AB");
            assert_eq!(rhd.as_str(), "positive");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(LabelGroup::ParaBombay(None).name(), "para_bombay");
    assert_eq!(LabelGroup::Bombay.name(), "Oh");
    assert_eq!(
        decode_blood_group("L000").unwrap().group_code().kind(),
        "pooled_or_subgroup"
    );
    assert_eq!(
        decode_blood_group("Mq00").unwrap().group_code().kind(),
        "special"
    );
}
