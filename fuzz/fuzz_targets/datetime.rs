//! Data structures 004-009: never panic; whatever decodes encodes back to the same text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = rakt::isbt128::decode_datetime(text) {
        assert_eq!(d.encode(), text);
    }
});
