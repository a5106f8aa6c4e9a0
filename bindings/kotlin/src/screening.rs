//! TTI screening markers and results, grouping confirmation, and the release verdict.

use crate::groups::{Abo, BloodGroup};
use crate::macros::mirror_enum;
use crate::reasons::{Reason, reasons_from_core};

mirror_enum! {
    /// A transfusion-transmitted-infection screening test.
    pub enum TtiMarker => rakt::TtiMarker {
        /// Antibodies to HIV-1 and HIV-2 (or a combined antigen/antibody assay).
        Hiv,
        /// HIV nucleic-acid test.
        HivNat,
        /// Hepatitis B surface antigen.
        Hbsag,
        /// Antibody to hepatitis B core antigen.
        AntiHbc,
        /// HBV nucleic-acid test.
        HbvNat,
        /// Antibodies to hepatitis C.
        Hcv,
        /// HCV nucleic-acid test.
        HcvNat,
        /// Antibodies to HTLV-I and HTLV-II.
        Htlv,
        /// Syphilis (treponemal antibodies or VDRL).
        Syphilis,
        /// Malaria (parasite or antigen).
        Malaria,
        /// West Nile virus nucleic-acid test.
        Wnv,
        /// Trypanosoma cruzi (Chagas disease) antibodies.
        Chagas,
        /// Hepatitis E virus RNA.
        Hev,
    }
}

mirror_enum! {
    /// The result of a screening test.
    pub enum TestResult => rakt::TestResult {
        /// Non-reactive.
        NonReactive,
        /// Reactive on the first test: needs a repeat in duplicate.
        InitiallyReactive,
        /// Reactive on repeat: final.
        RepeatReactive,
        /// Indeterminate: treated as reactive.
        Indeterminate,
        /// Not tested (yet).
        NotTested,
    }
}

/// ABO/RhD grouping of a donation: forward (cells), reverse (plasma, ABO only), and the donor's
/// group from earlier donations when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Grouping {
    /// Forward grouping (ABO and RhD from the red cells).
    pub forward: Option<BloodGroup>,
    /// Reverse grouping (ABO from the plasma; `OH` when the plasma agglutinates O cells).
    pub reverse: Option<Abo>,
    /// The donor's group on record from earlier donations.
    pub historical: Option<BloodGroup>,
}

impl From<&rakt::Grouping> for Grouping {
    fn from(g: &rakt::Grouping) -> Self {
        Grouping {
            forward: g.forward.map(Into::into),
            reverse: g.reverse.map(Into::into),
            historical: g.historical.map(Into::into),
        }
    }
}

/// Whether a unit may be released, and why not.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReleaseVerdict {
    /// Whether the unit may be released now.
    pub releasable: bool,
    /// Everything that is missing or wrong, most severe first; or `RELEASE_ALLOWED`.
    pub reasons: Vec<Reason>,
}

impl From<rakt::ReleaseVerdict> for ReleaseVerdict {
    fn from(v: rakt::ReleaseVerdict) -> Self {
        ReleaseVerdict {
            releasable: v.releasable,
            reasons: reasons_from_core(&v.reasons),
        }
    }
}
