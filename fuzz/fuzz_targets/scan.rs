//! Concatenated scans and labels: never panic; a parsed scan re-encodes to the same text (less
//! the CR, LF and tab a scanner may send at its end) and errors point inside the text or just
//! after it.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match rakt::isbt128::parse_scan(text) {
        Ok(items) => {
            let again: String = items.iter().map(|s| s.structure.encode()).collect();
            assert_eq!(again, text.trim_end_matches(['\r', '\n', '\t']));
        }
        Err(rakt::RaktError::InvalidCode { position, .. }) => {
            assert!(position >= 1 && position <= text.chars().count() + 1);
        }
        Err(other) => panic!("unexpected error kind {other:?}"),
    }
    if let Ok(label) = rakt::isbt128::Label::from_scan(text) {
        let again = rakt::isbt128::Label::from_scan(&label.encode()).expect("label re-parses");
        assert_eq!(again, label);
    }
});
