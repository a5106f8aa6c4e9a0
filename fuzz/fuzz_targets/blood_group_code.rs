//! Data structure 002: never panics; whatever decodes encodes back to the same text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(g) = rakt::isbt128::decode_blood_group(text) {
        let encoded = g.encode();
        assert!(encoded == text || encoded == format!("=%{text}"));
        assert_eq!(rakt::isbt128::decode_blood_group(&encoded).expect("re-decodes"), g);
    }
});
