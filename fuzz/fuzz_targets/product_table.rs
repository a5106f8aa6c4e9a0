//! User-supplied product tables (TOML and JSON): never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = rakt::isbt128::ProductTable::from_toml(text);
    if let Ok(t) = rakt::isbt128::ProductTable::from_json(text) {
        for e in t.entries() {
            assert!(t.code_for(&e.product).is_some());
        }
    }
});
