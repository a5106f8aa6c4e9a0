//! Free-text blood groups: never panic; the canonical notation parses back to the same group.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(g) = rakt::BloodGroup::parse(text) {
        assert_eq!(rakt::BloodGroup::parse(&g.notation()).expect("notation re-parses"), g);
    }
});
