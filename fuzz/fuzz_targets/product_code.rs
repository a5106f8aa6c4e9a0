//! Data structure 003: never panics; whatever parses encodes back to the same text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(p) = rakt::isbt128::parse_product_code(text) {
        let encoded = p.encode();
        assert!(encoded == text || encoded == format!("=<{text}"));
        assert_eq!(rakt::isbt128::parse_product_code(&encoded).expect("re-parses"), p);
    }
});
