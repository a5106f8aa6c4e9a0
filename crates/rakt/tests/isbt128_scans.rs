//! ISBT 128 Table 2 structures and compound messages: exact values and reasons, boundaries,
//! and properties (every valid compound message round-trips; nothing panics).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{FixedOffset, NaiveDate};
use proptest::prelude::*;
use rakt::isbt128::*;

fn refusal(text: &str) -> (usize, String) {
    match parse_scan(text).unwrap_err() {
        rakt::RaktError::InvalidCode {
            position, reason, ..
        } => (position, reason),
        other => panic!("expected InvalidCode, got {other:?}"),
    }
}

fn fields(text: &str) -> Vec<(String, String)> {
    let items = parse_scan(text).unwrap();
    assert_eq!(items.len(), 1, "{text}");
    items[0].structure.fields()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn compound_message_of_st017_splits_as_the_peers_read_it() {
    let text = "=+04000=/A9997XYZ100T0479=A99991712345600=,000012=>019031";
    let items = parse_scan(text).unwrap();
    let got: Vec<(usize, Option<&str>)> = items
        .iter()
        .map(|s| (s.offset, s.structure.number()))
        .collect();
    assert_eq!(
        got,
        [
            (1, Some("023")),
            (8, Some("034")),
            (26, Some("001")),
            (42, Some("032")),
            (50, Some("004"))
        ]
    );
    let DataStructure::Compound(header) = &items[0].structure else {
        panic!("not a compound message: {:?}", items[0]);
    };
    assert_eq!(header.count(), 4);
    assert_eq!(header.message_type(), "000");
    assert_eq!(header.sequence(), CompoundSequence::Unspecified);
    let DataStructure::Date(expiry) = &items[4].structure else {
        panic!("not a date");
    };
    assert_eq!(expiry.date(), NaiveDate::from_ymd_opt(2019, 1, 31).unwrap());
    let DataStructure::Din(din) = &items[2].structure else {
        panic!("not a DIN");
    };
    assert_eq!(din.facility(), "A9999");
}

#[test]
fn a_listed_message_type_fixes_the_order() {
    let listed = "=+04035=/A9997XYZ100T0479=,000012=A99991712345600=>019031";
    let items = parse_scan(listed).unwrap();
    let DataStructure::Compound(header) = &items[0].structure else {
        panic!("not a compound message");
    };
    assert_eq!(
        header.sequence(),
        CompoundSequence::Listed(&["034", "032", "001", "004"])
    );
    assert_eq!(
        refusal("=+04035=/A9997XYZ100T0479=A99991712345600=,000012=>019031"),
        (
            26,
            "message type 035 of ICCBBA Table W2 [RT017] has structure 032 here, not 001".into()
        )
    );
    assert_eq!(
        refusal("=+03035=/A9997XYZ100T0479=,000012=A99991712345600").1,
        "ISBT 128 compound message (023): message type 035 of ICCBBA Table W2 [RT017] holds 4 structures, not 3"
    );
    // Not among the RT017 entries rakt knows: read, reported, not refused.
    let items = parse_scan("=+01999=,000012").unwrap();
    assert_eq!(
        items[0].structure.fields()[2],
        ("sequence".into(), "unlisted".into())
    );
}

#[test]
fn the_count_of_a_compound_message_is_checked() {
    let four = "=/A9997XYZ100T0479=A99991712345600=,000012=>019031";
    assert_eq!(
        refusal(&format!("=+05000{four}")),
        (
            58,
            "the compound message holds 5 structures; the scan ends after 4".into()
        )
    );
    assert_eq!(
        refusal(&format!("=+03000{four}")),
        (
            50,
            "the compound message holds 3 structures and ends before this one".into()
        )
    );
    assert_eq!(
        refusal("=A99991712345600=+01000=,000012"),
        (
            17,
            "a compound message begins the scan (ST-001 §2.4.23)".into()
        )
    );
    assert_eq!(refusal("=+02000=A99991712345600&x1234").0, 24);
    assert_eq!(refusal("=+02000=A99991712345600=+01000=,000012").0, 24);
}

#[test]
fn a_compound_label_of_st012_reads_as_a_label() {
    let text = "=+05000=Z54991712345600=%T300=<T0416003&>0183652359&,4PL001499Z549917123456A00T041600320181231";
    let label = Label::from_scan(text).unwrap();
    assert_eq!(label.din.din13(), "Z549917123456");
    assert_eq!(label.product.description_code(), "T0416");
    assert_eq!(label.expiry.datetime().to_string(), "2018-12-31 23:59:00");
    assert_eq!(
        label.blood_group.group_code().special_message(),
        Some(SpecialMessage::TissueRhdNotSpecified)
    );
    let items = parse_scan(text).unwrap();
    let DataStructure::Sec(sec) = &items[5].structure else {
        panic!("not a SEC");
    };
    assert_eq!(sec.country(), "PL");
    assert_eq!(sec.tissue_establishment(), "001499");
    assert_eq!(sec.donation_number(), label.din.din13());
    assert_eq!(sec.coding_system(), SecCodingSystem::Isbt128);
    assert_eq!(sec.split(), "003");
    assert_eq!(sec.expiry(), Some(label.expiry.date()));
    assert_eq!(
        sec.eye_readable(),
        "SEC: PL001499Z549917123456 A00T041600320181231"
    );
}

#[test]
fn characters_are_checked_against_each_element() {
    assert_eq!(
        refusal("=,00001a"),
        (
            8,
            "ISBT 128 product divisions (032): an upper-case letter or a digit expected in the divisions"
                .into()
        )
    );
    // A FIN's third and fourth characters are digits; its letters never include O.
    assert_eq!(
        refusal("='A99AB00395A").1,
        "ISBT 128 staff member identification number (020): a digit expected in the facility"
    );
    assert_eq!(refusal("=;O99990000222244445555").0, 3);
    // Lower case where ST-001 allows it (017 container and catalogue), not elsewhere.
    assert_eq!(
        fields("=)1AB0027QzE"),
        pairs(&[
            ("container", "1"),
            ("manufacturer", "AB"),
            ("catalog_number", "0027QzE")
        ])
    );
    assert_eq!(refusal("=)1ab0027QzE").0, 4);
    assert_eq!(
        refusal("&/CXA99992612345A").1,
        "ISBT 128 chain of identity identifier (040): 'H' expected in the literal"
    );
}

#[test]
fn variable_length_structures_follow_their_counts() {
    assert_eq!(
        fields("&#0106abc123"),
        pairs(&[
            ("location", "01"),
            ("length", "06"),
            ("patient_id", "abc123")
        ])
    );
    let items = parse_scan("&#0103AB1=,000012").unwrap();
    assert_eq!(items[1].offset, 10);
    assert_eq!(
        fields("&%00200400101010050010206").len(),
        1 + 2 * 3,
        "two segments of three elements"
    );
    assert_eq!(refusal("&%00200400101010050010206x").0, 26);
    assert_eq!(
        refusal("&$0A").1,
        "dimensions (029): the count must be digits"
    );
    assert_eq!(fields("&$00"), pairs(&[("count", "00")]));
}

#[test]
fn flexible_dates_and_expiration_months() {
    let items = parse_scan("=(2002202612070930=]202712").unwrap();
    let DataStructure::FlexibleDate(d) = &items[0].structure else {
        panic!("not a flexible date");
    };
    assert_eq!(d.zone(), TimeZoneKind::Utc);
    assert_eq!(d.kind(), TimeKind::Collection);
    let ist = FixedOffset::east_opt(19800).unwrap();
    assert_eq!(
        d.at_offset(ist).unwrap().to_rfc3339(),
        "2026-12-07T15:00:00+05:30"
    );
    let local = decode_flexible_date("=(1002202612070930").unwrap();
    assert_eq!(
        local.at_offset(ist).unwrap().to_rfc3339(),
        "2026-12-07T09:30:00+05:30"
    );
    let DataStructure::ExpirationMonth(m) = &items[1].structure else {
        panic!("not an expiration month");
    };
    assert_eq!((m.year(), m.month()), (2027, 12));
    // Boundaries: 29 February only in a leap year, 23:59 the last minute.
    assert!(decode_flexible_date("=(1001202402292359").is_ok());
    assert_eq!(
        decode_flexible_date("=(1001202502291200")
            .unwrap_err()
            .to_string(),
        "invalid ISBT 128 flexible date and time (031) \"=(1001202502291200\" at position 13: 2025-02 has no day 29"
    );
    assert_eq!(refusal("=(1001202612072400").0, 15);
    assert_eq!(refusal("=(1001202612072360").0, 17);
    assert_eq!(refusal("=]202700").0, 7);
    assert_eq!(refusal("=]202713").0, 7);
    assert!(decode_expiration_month("=]202701").is_ok());
}

#[test]
fn sec_refusals() {
    let sec = "&,4PL001499Z549917123456A00T041600320181231";
    let spoil = |pos: usize, c: &str| format!("{}{c}{}", &sec[..pos - 1], &sec[pos..]);
    assert_eq!(
        refusal(&spoil(25, "C")).1,
        "ISBT 128 single European code (038): the coding system is A (ISBT 128), B (Eurocode) or E (EUTC)"
    );
    assert_eq!(refusal(&spoil(4, "p")).0, 4);
    assert_eq!(refusal(&spoil(43, "2")).0, 36);
    let none = decode_sec(&format!("{}00000000", &sec[..35])).unwrap();
    assert_eq!(none.expiry(), None);
}

#[test]
fn nationally_defined_structures_run_to_the_end() {
    let items = parse_scan("=A99992112345600&;12345").unwrap();
    assert_eq!(items[1].structure.number(), None);
    assert_eq!(
        items[1].structure,
        DataStructure::Other {
            identifier: "&;".into(),
            data: "12345".into()
        }
    );
    assert_eq!(
        items[1].structure.name(),
        "nationally specified donor identification number"
    );
    let retired = parse_scan("&,31234ABCDEFGHIJ12345").unwrap();
    assert!(retired[0].structure.retired());
    assert!(!items[0].structure.retired());
}

/// A valid structure of each kind the compound generator uses (none national, none 023).
const PIECES: [&str; 12] = [
    "=A99991712345600",
    "=%6200",
    "=<E0398V00",
    "&>0263652359",
    "=/A9997XYZ100T0479",
    "=,000012",
    "&,1000000000000XYZ123",
    "=(2002202612070930",
    "=]202712",
    "&,4PL001499Z549917123456A00T041600320181231",
    "&#0103AB1",
    "&$0101000100150100",
];

proptest! {
    #[test]
    fn no_decoder_panics(s in ".{0,60}", t in "[=&][-+/,;:'\"()$#%\\\\\\[\\]{}a-z0-9][,0-9A-Za-z]{0,50}") {
        for text in [&s, &t] {
            let _ = decode_compound(text);
            let _ = decode_expiration_month(text);
            let _ = decode_flexible_date(text);
            let _ = decode_sec(text);
            if let Err(rakt::RaktError::InvalidCode { position, .. }) = parse_scan(text) {
                prop_assert!(position >= 1 && position <= text.trim_end_matches(['\r', '\n', '\t']).chars().count() + 1);
            }
        }
    }

    #[test]
    fn compound_messages_round_trip(picks in proptest::collection::vec(0usize..PIECES.len(), 0..12), end in prop::sample::select(vec!["", "\r\n"])) {
        let body: String = picks.iter().map(|i| PIECES[*i]).collect();
        let text = format!("=+{:02}000{body}", picks.len());
        let items = parse_scan(&format!("{text}{end}")).unwrap();
        prop_assert_eq!(items.len(), picks.len() + 1);
        let again: String = items.iter().map(|s| s.structure.encode()).collect();
        prop_assert_eq!(again, text.clone());
        // One structure fewer or more than the count is refused.
        if !picks.is_empty() {
            let fewer = format!("=+{:02}000{body}", picks.len() + 1);
            prop_assert!(parse_scan(&fewer).is_err());
            let more = format!("=+{:02}000{body}", picks.len() - 1);
            prop_assert!(parse_scan(&more).is_err());
        }
    }

    #[test]
    fn spoiled_structures_are_refused_inside_the_text(i in 0usize..PIECES.len(), at in 2usize..60, c in "[ -~]") {
        let piece = PIECES[i];
        prop_assume!(at < piece.len());
        let spoiled = format!("{}{c}{}", &piece[..at], &piece[at + 1..]);
        match parse_scan(&spoiled) {
            Ok(items) => prop_assert_eq!(items.iter().map(|s| s.structure.encode()).collect::<String>(), spoiled),
            Err(rakt::RaktError::InvalidCode { position, .. }) => prop_assert!(position >= 1 && position <= spoiled.len() + 1),
            Err(other) => prop_assert!(false, "unexpected {other:?}"),
        }
    }
}
