//! ISBT 128 data structure 001 (DIN) and the MOD 37-2 check character: the worked examples of
//! ST-001 (blood.md §5.2), position-by-position refusals and properties.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use rakt::RaktError;
use rakt::isbt128::{Din, DinFlag, check_character, parse_din, type3_flag};

fn position(err: &RaktError) -> usize {
    match err {
        RaktError::InvalidCode { position, .. } => *position,
        other => panic!("expected InvalidCode, got {other:?}"),
    }
}

fn reason(err: &RaktError) -> String {
    match err {
        RaktError::InvalidCode { reason, .. } => reason.clone(),
        other => panic!("expected InvalidCode, got {other:?}"),
    }
}

#[test]
fn worked_check_characters_of_st001() {
    // Appendix A.1/A.2, §7.4.1 and §7.5.1.1.
    assert_eq!(check_character("G123417654321"), Ok('A'));
    assert_eq!(check_character("W000009123456"), Ok('G'));
    assert_eq!(check_character("A999818123456"), Ok('N'));
    assert_eq!(type3_flag("G123417654321").as_deref(), Ok("70"));
    assert_eq!(type3_flag("W000009123456").as_deref(), Ok("76"));
    assert_eq!(type3_flag("A999818123456").as_deref(), Ok("83"));
}

#[test]
fn the_three_forms_give_the_same_din() {
    let bar = parse_din("=A99992112345600").unwrap();
    let too_short = parse_din("A99992112345").unwrap_err(); // 12 characters
    assert_eq!(position(&too_short), 13);
    let plain = parse_din("A999921123456").unwrap();
    let printed = parse_din("A9999 21 123456").unwrap();
    assert_eq!(bar.din13(), "A999921123456");
    assert_eq!(plain.din13(), bar.din13());
    assert_eq!(printed.din13(), bar.din13());
    assert_eq!(bar.flag(), Some(DinFlag::NotUsed));
    assert_eq!(plain.flag(), None);
    assert_eq!(bar.facility(), "A9999");
    assert_eq!(bar.year(), 21);
    assert_eq!(bar.sequence(), 123_456);
}

#[test]
fn type3_flag_in_the_bar_code_is_verified() {
    let din = parse_din("=G12341765432170").unwrap();
    assert_eq!(din.flag(), Some(DinFlag::Type3Check(70)));
    assert_eq!(din.flag().map(|f| f.kind()), Some("type3_check"));
    let err = parse_din("=G12341765432171").unwrap_err();
    assert_eq!(err.kind(), "InvalidCode");
    assert_eq!(position(&err), 15);
    assert_eq!(
        reason(&err),
        "Type 3 flag 71 does not match the DIN; it should be 70"
    );
}

#[test]
fn printed_form_with_flags_and_check_character() {
    let din = parse_din("W0000 09 123456 02 G").unwrap();
    assert_eq!(din.din13(), "W000009123456");
    assert_eq!(din.flag(), Some(DinFlag::Container(2)));
    assert_eq!(parse_din("W0000 09 123456 02 [G]").unwrap(), din);
    assert_eq!(
        parse_din("A9998 18 123456 N").unwrap().din13(),
        "A999818123456"
    );
    let wrong = parse_din("W0000 09 123456 02 [H]").unwrap_err();
    assert_eq!(position(&wrong), 21);
    assert_eq!(
        reason(&wrong),
        "check character H is wrong; the DIN's check character is G"
    );
    let extra = parse_din("W0000 09 123456 02 G X").unwrap_err();
    assert_eq!(position(&extra), 22);
}

#[test]
fn keyboard_form_with_check_character() {
    assert_eq!(
        parse_din("G123417654321A").unwrap().din13(),
        "G123417654321"
    );
    let err = parse_din("G123417654321B").unwrap_err();
    assert_eq!(position(&err), 14);
}

#[test]
fn eye_readable_and_barcode_forms() {
    let din = parse_din("=G12341765432170").unwrap();
    assert_eq!(din.eye_readable(), "G1234 17 654321 70 [A]");
    assert_eq!(din.barcode(), "=G12341765432170");
    let bare = parse_din("W000009123456").unwrap();
    assert_eq!(bare.eye_readable(), "W0000 09 123456 [G]");
    assert_eq!(bare.barcode(), "=W00000912345600");
    assert_eq!(bare.to_string(), "W000009123456");
}

#[test]
fn flag_meanings_follow_table_3() {
    let cases = [
        ("00", DinFlag::NotUsed),
        ("01", DinFlag::Container(1)),
        ("04", DinFlag::Container(4)),
        ("05", DinFlag::RepeatLabel),
        ("06", DinFlag::PilotTube),
        ("07", DinFlag::TestTube),
        ("08", DinFlag::DonorRecord),
        ("09", DinFlag::NatSampleTube),
        ("10", DinFlag::BacterialTestingSample),
        ("11", DinFlag::MatchWithUnitLabel),
        ("12", DinFlag::AffixedPartialLabel),
        ("13", DinFlag::AttachedLabel),
        ("14", DinFlag::Reserved("14".into())),
        ("15", DinFlag::Container(5)),
        ("19", DinFlag::Container(9)),
        ("20", DinFlag::Local(20)),
        ("59", DinFlag::Local(59)),
        ("97", DinFlag::Reserved("97".into())),
        ("99", DinFlag::Reserved("99".into())),
        ("A1", DinFlag::Reserved("A1".into())),
    ];
    for (flags, meaning) in cases {
        let din = Din::new("G123417654321", Some(flags)).unwrap();
        assert_eq!(din.flag(), Some(meaning), "{flags}");
    }
    // 60-96 are Type 3 and must be this DIN's own value.
    assert_eq!(
        Din::new("G123417654321", Some("70")).unwrap().flag(),
        Some(DinFlag::Type3Check(70))
    );
    assert!(Din::new("G123417654321", Some("60")).is_err());
    assert!(Din::new("G123417654321", Some("96")).is_err());
}

#[test]
fn flag_character_classes() {
    for bad in ["I0", "0O", "Q1", "Z9", "a1"] {
        let err = Din::new("G123417654321", Some(bad)).unwrap_err();
        assert_eq!(err.kind(), "InvalidCode", "{bad}");
    }
    let err = parse_din("=G1234176543210I").unwrap_err();
    assert_eq!(position(&err), 16);
}

#[test]
fn positions_name_the_offending_character() {
    // (input, position, reason)
    let cases = [
        (
            "O123417654321",
            1,
            "the first character must be A-N, P-Z or 1-9 (no O, no 0)",
        ),
        (
            "0123417654321",
            1,
            "the first character must be A-N, P-Z or 1-9 (no O, no 0)",
        ),
        (
            "GO23417654321",
            2,
            "facility characters 2-3 must be A-N, P-Z or 0-9 (no O)",
        ),
        (
            "G1O3417654321",
            3,
            "facility characters 2-3 must be A-N, P-Z or 0-9 (no O)",
        ),
        ("G12A417654321", 4, "facility characters 4-5 must be digits"),
        ("G1234A7654321", 6, "the year must be two digits"),
        (
            "G12341765432X",
            13,
            "the sequence number must be six digits",
        ),
        (
            "g123417654321",
            1,
            "lower-case letter; ISBT 128 uses upper case only",
        ),
        (
            "=G1234176X432170",
            10,
            "the sequence number must be six digits",
        ),
        ("G1234 1X 654321", 8, "the year must be two digits"),
    ];
    for (input, pos, why) in cases {
        let err = parse_din(input).unwrap_err();
        assert_eq!(
            (position(&err), reason(&err)),
            (pos, why.to_string()),
            "{input}"
        );
    }
}

#[test]
fn runs_of_spaces_in_the_printed_form_are_one_separator() {
    assert_eq!(
        parse_din("G1234  17   654321 ").unwrap().din13(),
        "G123417654321"
    );
    assert_eq!(position(&parse_din("G1234  1X 654321").unwrap_err()), 9);
}

#[test]
fn letters_allowed_where_the_standard_allows_them() {
    // FIN characters 1-3 may be letters (no O); 1-9 first.
    let letters = parse_din("AB12317654321").unwrap();
    assert_eq!((letters.facility(), letters.year()), ("AB123", 17));
    let digit_first = parse_din("9Z12317654321").unwrap();
    assert_eq!(digit_first.facility(), "9Z123");
    assert_eq!(digit_first.sequence(), 654_321);
}

#[test]
fn wrong_lengths_and_shapes_are_refused() {
    assert_eq!(position(&parse_din("").unwrap_err()), 1);
    assert_eq!(position(&parse_din("=G1234176543217").unwrap_err()), 1);
    assert_eq!(position(&parse_din("G1234 176 54321").unwrap_err()), 7);
    assert_eq!(position(&parse_din("G1234 17").unwrap_err()), 9);
    assert_eq!(position(&parse_din("G12341765432170X").unwrap_err()), 14);
    assert_eq!(position(&parse_din("G1234176543२1").unwrap_err()), 12);
}

#[test]
fn error_message_names_structure_input_and_position() {
    let err = parse_din("O123417654321").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid ISBT 128 donation identification number \"O123417654321\" at position 1: \
         the first character must be A-N, P-Z or 1-9 (no O, no 0)"
    );
}

fn din13_strategy() -> impl Strategy<Value = String> {
    "[A-NP-Z1-9][A-NP-Z0-9]{2}[0-9]{10}"
}

proptest! {
    #[test]
    fn parse_din_never_panics(text in "\\PC{0,24}") {
        let _ = parse_din(&text);
        let _ = check_character(&text);
        let _ = type3_flag(&text);
    }

    #[test]
    fn parse_din_never_panics_on_near_misses(text in "[=A-Z0-9 \\[\\]]{0,24}") {
        if let Err(e) = parse_din(&text) {
            let pos = match e { RaktError::InvalidCode { position, .. } => position, _ => 0 };
            prop_assert!(pos >= 1 && pos <= text.chars().count() + 1);
        }
    }

    #[test]
    fn every_form_round_trips(din13 in din13_strategy(), flags in "[0-5][0-9]") {
        let din = Din::new(&din13, Some(&flags)).unwrap();
        prop_assert_eq!(parse_din(&din.barcode()).unwrap(), din.clone());
        prop_assert_eq!(parse_din(&din.eye_readable()).unwrap(), din.clone());
        let keyed = format!("{}{}", din13, din.check_character());
        prop_assert_eq!(parse_din(&keyed).unwrap().din13().to_string(), din13.clone());
        let t3 = type3_flag(&din13).unwrap();
        let with_t3 = parse_din(&format!("={din13}{t3}")).unwrap();
        prop_assert_eq!(with_t3.flag(), Some(DinFlag::Type3Check(t3.parse().unwrap())));
    }

    #[test]
    fn a_single_changed_character_changes_the_check_character(
        din13 in din13_strategy(), at in 7usize..13, digit in 0u8..10
    ) {
        // MOD 37-2 detects every single substitution.
        let mut bytes = din13.clone().into_bytes();
        prop_assume!(bytes[at] != b'0' + digit);
        bytes[at] = b'0' + digit;
        let other = String::from_utf8(bytes).unwrap();
        prop_assert_ne!(check_character(&din13).unwrap(), check_character(&other).unwrap());
    }
}
