//! DIN parsing: never panics; whatever parses re-encodes and parses to the same DIN.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(din) = rakt::isbt128::parse_din(text) {
        let again = rakt::isbt128::parse_din(&din.barcode()).expect("barcode re-parses");
        assert_eq!(again.din13(), din.din13());
        let check = rakt::isbt128::check_character(din.din13()).expect("valid DIN has a check");
        assert_eq!(check, din.check_character());
        let printed = rakt::isbt128::parse_din(&din.eye_readable()).expect("eye-readable re-parses");
        assert_eq!(printed, din);
    }
    let _ = rakt::isbt128::check_character(text);
    let _ = rakt::isbt128::type3_flag(text);
});
