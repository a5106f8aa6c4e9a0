//! The grades an assessment gives: hypertension class, anaemia grade and overall risk. They sit
//! below the rules that compute them (`hrp`, `hypertension`, `decision`, `blood_plan`), so that
//! those modules import them rather than each other.

use crate::macros::coded_enum;

coded_enum! {
    /// The hypertension class of a record.
    HypertensionClass {
        /// Not hypertensive.
        Normal => "normal",
        /// A hypertensive reading that still needs its repeat.
        RaisedUnconfirmed => "raised_unconfirmed",
        /// Chronic hypertension.
        Chronic => "chronic",
        /// Gestational hypertension.
        Gestational => "gestational",
        /// Severe hypertension.
        Severe => "severe",
        /// Pre-eclampsia.
        PreEclampsia => "pre_eclampsia",
        /// Severe pre-eclampsia.
        SeverePreEclampsia => "severe_pre_eclampsia",
        /// Eclampsia.
        Eclampsia => "eclampsia",
    }
}

coded_enum! {
    /// Anaemia grade by haemoglobin.
    AnaemiaGrade {
        /// Not anaemic.
        None => "none",
        /// Mild.
        Mild => "mild",
        /// Moderate.
        Moderate => "moderate",
        /// Severe.
        Severe => "severe",
        /// Anaemic by the policy's cut-off, in a profile whose source gives no severity bands
        /// (`uk`, `us`): the grade is not computed.
        Ungraded => "ungraded",
    }
}

coded_enum! {
    /// The overall risk of a pregnancy.
    RiskLevel {
        /// No flag applies.
        Low => "low",
        /// At least one high-risk flag.
        High => "high",
        /// At least one emergency flag.
        Emergency => "emergency",
    }
}
