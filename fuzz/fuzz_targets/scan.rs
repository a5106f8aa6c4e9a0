//! Concatenated scans, compound messages and labels: never panic; a parsed scan re-encodes to
//! the same text (less the CR, LF and tab a scanner may send at its end); a compound message
//! holds exactly the structures it counts, none of them compound or national; every
//! structure's number, name and fields can be read; errors point inside the text or just
//! after it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rakt::isbt128::DataStructure;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match rakt::isbt128::parse_scan(text) {
        Ok(items) => {
            let again: String = items.iter().map(|s| s.structure.encode()).collect();
            assert_eq!(again, text.trim_end_matches(['\r', '\n', '\t']));
            for (i, item) in items.iter().enumerate() {
                let _ = (item.structure.name(), item.structure.fields());
                let compound = matches!(item.structure, DataStructure::Compound(_));
                assert!(!compound || i == 0, "a compound message inside a scan");
                if item.structure.number().is_none() {
                    assert_eq!(i, items.len() - 1, "a national structure before the end");
                }
            }
            if let Some(DataStructure::Compound(m)) = items.first().map(|s| &s.structure) {
                assert_eq!(items.len(), usize::from(m.count()) + 1);
                assert!(items.iter().all(|s| s.structure.number().is_some()));
            }
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
