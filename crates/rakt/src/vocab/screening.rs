//! The vocabulary of TTI screening: markers and test results.

use crate::macros::coded_enum;

coded_enum! {
    /// A transfusion-transmitted-infection screening test.
    TtiMarker {
        /// Antibodies to HIV-1 and HIV-2 (or a combined antigen/antibody assay).
        Hiv => "hiv",
        /// HIV nucleic-acid test.
        HivNat => "hiv_nat",
        /// Hepatitis B surface antigen.
        Hbsag => "hbsag",
        /// Antibody to hepatitis B core antigen.
        AntiHbc => "anti_hbc",
        /// HBV nucleic-acid test.
        HbvNat => "hbv_nat",
        /// Antibodies to hepatitis C.
        Hcv => "hcv",
        /// HCV nucleic-acid test.
        HcvNat => "hcv_nat",
        /// Antibodies to HTLV-I and HTLV-II.
        Htlv => "htlv",
        /// Syphilis (treponemal antibodies or VDRL).
        Syphilis => "syphilis",
        /// Malaria (parasite or antigen).
        Malaria => "malaria",
        /// West Nile virus nucleic-acid test.
        Wnv => "wnv",
        /// Trypanosoma cruzi (Chagas disease) antibodies.
        Chagas => "chagas",
        /// Hepatitis E virus RNA.
        Hev => "hev",
    }
}

coded_enum! {
    /// The result of a screening test.
    TestResult {
        /// Non-reactive.
        NonReactive => "non_reactive",
        /// Reactive on the first test: needs a repeat in duplicate.
        InitiallyReactive => "initially_reactive",
        /// Reactive on repeat: final.
        RepeatReactive => "repeat_reactive",
        /// Indeterminate: treated as reactive.
        Indeterminate => "indeterminate",
        /// Not tested (yet).
        NotTested => "not_tested",
    }
}
