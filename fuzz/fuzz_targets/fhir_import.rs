//! FHIR import: any text is refused with a typed error or becomes a unit whose export imports
//! back to the same export. Never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rakt::Policy;
use rakt::fhir::{from_biologically_derived_product, from_biologically_derived_product_json, to_biologically_derived_product};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let policy = Policy::india();
    let Ok(as_of) = rakt::parse_timestamp("2026-11-23T10:00:00+05:30") else {
        return;
    };
    if let Ok(unit) = from_biologically_derived_product_json(text, None, as_of, &policy) {
        let exported = to_biologically_derived_product(&unit, None, as_of, &policy).expect("an imported unit exports");
        let again = from_biologically_derived_product(&exported, None, as_of, &policy).expect("an export imports");
        let exported_again = to_biologically_derived_product(&again, None, as_of, &policy).expect("exports again");
        assert_eq!(exported, exported_again);
    }
});
