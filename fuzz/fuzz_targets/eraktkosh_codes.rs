//! e-RaktKosh codes: any integer is refused or round-trips; never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rakt::eraktkosh::{
    blood_group_from_code, blood_group_to_code, component_from_code, component_to_code,
};

fuzz_target!(|code: i64| {
    if let Ok(c) = component_from_code(code) {
        assert_eq!(i64::from(component_to_code(c)), code);
        if let Ok(p) = c.product() {
            let _ = rakt::eraktkosh::EraktkoshComponent::for_product(&p);
        }
    }
    if let Ok(g) = blood_group_from_code(code) {
        assert_eq!(i64::from(blood_group_to_code(&g).expect("a decoded group has a code")), code);
    }
});
