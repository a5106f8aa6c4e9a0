//! Reasons: why a verdict came out the way it did.
//!
//! Every verdict carries [`Reason`]s. A reason has a stable `SCREAMING_SNAKE` [`ReasonCode`]
//! (the contract: codes never change meaning), a [`Severity`], the facts it used (`donor`,
//! `recipient`, `age_limit`, `expires_at`, ...), the source of the rule and how sure we are of
//! it, and a message in English or Hindi rendered on demand by [`Reason::message`]. Messages
//! may be improved between releases; codes and fact names may not.

use std::collections::BTreeMap;
use std::fmt;

use chrono::DateTime;
use serde::{Deserialize, Serialize};

use crate::error::{RaktError, Result};
use crate::policy::Confidence;

/// How much a reason matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Explains a decision; nothing to do.
    Info,
    /// Allowed, but someone must act or choose knowingly (a caveat).
    Caution,
    /// A hard stop: the unit must not be given.
    Stop,
}

impl Severity {
    /// `info`, `caution` or `stop`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Caution => "caution",
            Severity::Stop => "stop",
        }
    }
}

/// A language for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Hindi, in Devanagari.
    Hi,
}

impl Lang {
    /// Parse an ISO 639-1 code: `en` or `hi` (case-insensitive; `en-IN`, `hi-IN` also accepted).
    ///
    /// ```
    /// assert_eq!(rakt::Lang::parse("hi-IN").unwrap(), rakt::Lang::Hi);
    /// assert!(rakt::Lang::parse("fr").is_err());
    /// ```
    pub fn parse(code: &str) -> Result<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" => Ok(Lang::En),
            "hi" => Ok(Lang::Hi),
            _ => Err(RaktError::input(
                "lang",
                format!("{code:?} is not a supported language (use \"en\" or \"hi\")"),
            )),
        }
    }
}

macro_rules! reason_codes {
    ($( $(#[$doc:meta])* $variant:ident => $text:literal, $sev:ident ;)*) => {
        /// Stable codes of every reason rakt gives. The text form (`ABO_IDENTICAL`) is the
        /// contract used by the bindings and the conformance vectors.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        #[non_exhaustive]
        pub enum ReasonCode {
            $( $(#[$doc])* $variant, )*
        }

        impl ReasonCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ReasonCode] = &[$(ReasonCode::$variant),*];

            /// The stable text form, e.g. `RHD_NEGATIVE_REQUIRED`.
            pub fn as_str(self) -> &'static str {
                match self { $(ReasonCode::$variant => $text,)* }
            }

            /// The code for its stable text form, e.g. `RHD_NEGATIVE_REQUIRED`.
            ///
            /// ```
            /// use rakt::ReasonCode;
            /// assert_eq!(ReasonCode::parse("ABO_IDENTICAL"), Some(ReasonCode::AboIdentical));
            /// assert_eq!(ReasonCode::parse("abo_identical"), None);
            /// ```
            pub fn parse(text: &str) -> Option<ReasonCode> {
                match text { $($text => Some(ReasonCode::$variant),)* _ => None }
            }

            /// The severity this code always has.
            pub fn severity(self) -> Severity {
                match self { $(ReasonCode::$variant => Severity::$sev,)* }
            }
        }
    };
}

reason_codes! {
    /// Donor and recipient have the same ABO group (or Bombay).
    AboIdentical => "ABO_IDENTICAL", Info;
    /// Donor red cells carry no antigen the recipient has antibodies against.
    RedCellsAboCompatible => "RED_CELLS_ABO_COMPATIBLE", Info;
    /// Donor plasma carries no antibody against the recipient's red cells.
    PlasmaAboCompatible => "PLASMA_ABO_COMPATIBLE", Info;
    /// The recipient's anti-A/anti-B would destroy the donor red cells.
    RedCellsAboIncompatible => "RED_CELLS_ABO_INCOMPATIBLE", Stop;
    /// The donor plasma's anti-A/anti-B would attack the recipient's red cells.
    PlasmaAboIncompatible => "PLASMA_ABO_INCOMPATIBLE", Stop;
    /// Whole blood must be ABO-identical.
    WholeBloodNotAboIdentical => "WHOLE_BLOOD_NOT_ABO_IDENTICAL", Stop;
    /// A Bombay recipient may receive red cells (and whole blood) only from Bombay donors.
    BombayRecipientNeedsBombay => "BOMBAY_RECIPIENT_NEEDS_BOMBAY", Stop;
    /// Bombay donor plasma (anti-H, anti-A, anti-B) only for Bombay recipients.
    BombayDonorPlasmaAntiH => "BOMBAY_DONOR_PLASMA_ANTI_H", Stop;
    /// Bombay red cells suit any recipient but are rare; keep them for Bombay recipients.
    BombayUnitForNonBombay => "BOMBAY_UNIT_FOR_NON_BOMBAY", Caution;
    /// Any ABO plasma suits a Bombay recipient (inference).
    BombayRecipientPlasma => "BOMBAY_RECIPIENT_PLASMA", Info;
    /// RhD-negative units are mandatory for this recipient.
    RhdNegativeRequired => "RHD_NEGATIVE_REQUIRED", Stop;
    /// RhD-positive red cells to an RhD-negative recipient who is not protected: allowed with
    /// the risk of anti-D.
    RhdPositiveToRhdNegative => "RHD_POSITIVE_TO_RHD_NEGATIVE", Caution;
    /// The donor's RhD type is not recorded.
    DonorRhdUnknown => "DONOR_RHD_UNKNOWN", Stop;
    /// The recipient's RhD type is not known; treated as negative.
    RecipientRhdUnknown => "RECIPIENT_RHD_UNKNOWN", Caution;
    /// A weak-D recipient is treated per policy (traditionally as RhD-negative).
    WeakDRecipient => "WEAK_D_RECIPIENT", Info;
    /// A weak-D donor is managed as RhD-positive.
    WeakDDonor => "WEAK_D_DONOR", Info;
    /// Age or sex missing: the recipient is treated as protected.
    ProtectionAssumed => "PROTECTION_ASSUMED", Caution;
    /// RhD matching does not apply to this component.
    RhdNotRequired => "RHD_NOT_REQUIRED", Info;
    /// Platelets are not ABO-identical: a later choice in the policy's order.
    PlateletAboNonIdentical => "PLATELET_ABO_NON_IDENTICAL", Caution;
    /// Platelet plasma carries antibody against the recipient's cells: use low-titre units.
    PlateletPlasmaIncompatible => "PLATELET_PLASMA_INCOMPATIBLE", Caution;
    /// The donor group is not in the policy's platelet order for this recipient.
    PlateletAboNotInPolicy => "PLATELET_ABO_NOT_IN_POLICY", Stop;
    /// A2 platelets are preferred over other group A platelets for O and B recipients.
    PlateletA2Preferred => "PLATELET_A2_PREFERRED", Info;
    /// RhD-positive platelets to a protected RhD-negative recipient: give anti-D
    /// immunoglobulin.
    PlateletRhdAntiDProphylaxis => "PLATELET_RHD_ANTI_D_PROPHYLAXIS", Caution;
    /// Emergency release without crossmatch for a recipient of unknown group.
    EmergencyRelease => "EMERGENCY_RELEASE", Caution;
    /// This group may not be released in an emergency for a recipient of unknown group.
    EmergencyGroupNotPermitted => "EMERGENCY_GROUP_NOT_PERMITTED", Stop;
    /// Whole blood cannot be given before the recipient's group is known.
    WholeBloodGroupUnknown => "WHOLE_BLOOD_GROUP_UNKNOWN", Stop;
    /// Granulocytes follow the red-cell rules.
    GranulocytesFollowRedCellRules => "GRANULOCYTES_FOLLOW_RED_CELL_RULES", Info;
    /// The base shelf life applied from collection.
    ShelfLife => "SHELF_LIFE", Info;
    /// A modification brought the expiry forward.
    Redated => "REDATED", Info;
    /// A modification's limit is later than the current expiry, which therefore stays.
    RedatingCannotExtend => "REDATING_CANNOT_EXTEND", Info;
    /// The modification does not change the expiry of this component.
    NoRedating => "NO_REDATING", Info;
    /// A pool expires with its earliest constituent.
    PoolEarliestConstituent => "POOL_EARLIEST_CONSTITUENT", Info;
}

impl fmt::Display for ReasonCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One explained step of a verdict.
///
/// ```
/// use rakt::{compatibility, BloodGroup, Component, Lang, Policy, Recipient};
/// let policy = Policy::india();
/// let v = compatibility(
///     Component::RedCells,
///     &BloodGroup::parse("A+").unwrap(),
///     &Recipient::from(BloodGroup::parse("O+").unwrap()),
///     &policy,
/// );
/// let r = &v.reasons[0];
/// assert_eq!(r.code.as_str(), "RED_CELLS_ABO_INCOMPATIBLE");
/// assert_eq!(r.facts["antibodies"], "anti-A");
/// assert!(r.message(Lang::Hi).contains("एंटी-A"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reason {
    /// The stable code.
    pub code: ReasonCode,
    /// How much it matters (always `code.severity()`).
    pub severity: Severity,
    /// The facts used, by name (`donor`, `recipient`, `age_limit`, `expires_at`, ...).
    #[serde(default)]
    pub facts: BTreeMap<String, String>,
    /// Where the rule comes from (document, section).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// How sure we are of the rule's source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

impl Reason {
    /// A reason with no facts and no source yet.
    pub fn new(code: ReasonCode) -> Reason {
        Reason {
            code,
            severity: code.severity(),
            facts: BTreeMap::new(),
            source: None,
            confidence: None,
        }
    }

    /// Add a fact.
    pub fn fact(mut self, name: &str, value: impl fmt::Display) -> Reason {
        self.facts.insert(name.to_string(), value.to_string());
        self
    }

    /// Set the source and confidence.
    pub fn cite(mut self, source: &str, confidence: Confidence) -> Reason {
        self.source = Some(source.to_string());
        self.confidence = Some(confidence);
        self
    }

    /// The human message in `lang`.
    ///
    /// ```
    /// use rakt::{Lang, Reason, ReasonCode};
    /// let r = Reason::new(ReasonCode::RecipientRhdUnknown);
    /// assert_eq!(r.message(Lang::En), "The recipient's RhD type is not known; treated as RhD-negative.");
    /// assert_eq!(r.message(Lang::Hi), "रोगी का RhD प्रकार ज्ञात नहीं है; इसे RhD-नेगेटिव माना गया है।");
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        render(template(self.code, lang), &self.facts, lang)
    }
}

/// Fill `{name}` placeholders from the facts, localising values that have a translation.
fn render(template: &str, facts: &BTreeMap<String, String>, lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(rest.get(..start).unwrap_or(""));
        let after = rest.get(start + 1..).unwrap_or("");
        match after.find('}') {
            Some(end) => {
                let name = after.get(..end).unwrap_or("");
                match facts.get(name) {
                    Some(value) => out.push_str(&localise(name, value, lang)),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = after.get(end + 1..).unwrap_or("");
            }
            None => {
                out.push_str(rest.get(start..).unwrap_or(""));
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Translate fact values that are codes (component names, protections, units) and format
/// timestamps for people.
fn localise(name: &str, value: &str, lang: Lang) -> String {
    match name {
        "component" => crate::component::Component::parse(value)
            .map(|c| c.display_name(lang).to_string())
            .unwrap_or_else(|_| value.to_string()),
        "protection" => protection_text(value, lang).to_string(),
        "modification" => modification_text(value, lang).to_string(),
        "missing" => missing_text(value, lang).to_string(),
        "as" => match (value, lang) {
            ("negative", Lang::Hi) => "नेगेटिव".to_string(),
            ("positive", Lang::Hi) => "पॉज़िटिव".to_string(),
            _ => value.to_string(),
        },
        "antibodies" => {
            let parts: Vec<String> = value
                .split(',')
                .map(|p| match lang {
                    Lang::En => p.to_string(),
                    Lang::Hi => p.replace("anti-", "एंटी-"),
                })
                .collect();
            let joiner = match lang {
                Lang::En => " and ",
                Lang::Hi => " और ",
            };
            parts.join(joiner)
        }
        "shelf_life" => {
            let mut words = value.split(' ');
            match (words.next(), words.next(), lang) {
                (Some(n), Some(unit), Lang::Hi) => {
                    let unit = match unit {
                        "day" | "days" => "दिन",
                        "hour" => "घंटा",
                        "hours" => "घंटे",
                        "month" => "महीना",
                        "months" => "महीने",
                        other => other,
                    };
                    format!("{n} {unit}")
                }
                _ => value.to_string(),
            }
        }
        "expires_at" | "at" | "limit" => DateTime::parse_from_rfc3339(value)
            .map(|t| t.format("%Y-%m-%d %H:%M %:z").to_string())
            .unwrap_or_else(|_| value.to_string()),
        _ => value.to_string(),
    }
}

fn protection_text(value: &str, lang: Lang) -> &str {
    match (value, lang) {
        ("female_child_bearing_potential", Lang::En) => "female of child-bearing potential",
        ("female_child_bearing_potential", Lang::Hi) => "प्रजनन आयु की महिला",
        ("child", Lang::En) => "child",
        ("child", Lang::Hi) => "बच्चा",
        ("anti_d", Lang::En) => "known anti-D",
        ("anti_d", Lang::Hi) => "रोगी में एंटी-D ज्ञात",
        ("chronically_transfused", Lang::En) => "chronically transfused",
        ("chronically_transfused", Lang::Hi) => "नियमित रूप से रक्त चढ़ाए जाने वाला रोगी",
        (other, _) => other,
    }
}

fn modification_text(value: &str, lang: Lang) -> &str {
    match (value, lang) {
        ("irradiated", Lang::En) => "Irradiation",
        ("irradiated", Lang::Hi) => "विकिरण (इर्रेडिएशन)",
        ("washed", Lang::En) => "Washing",
        ("washed", Lang::Hi) => "धुलाई (वॉशिंग)",
        ("opened", Lang::En) => "Opening the bag (open system)",
        ("opened", Lang::Hi) => "बैग खोलना (ओपन सिस्टम)",
        ("thawed", Lang::En) => "Thawing",
        ("thawed", Lang::Hi) => "पिघलाना (थॉइंग)",
        ("pooled", Lang::En) => "Pooling",
        ("pooled", Lang::Hi) => "पूल करना (पूलिंग)",
        (other, _) => other,
    }
}

fn missing_text(value: &str, lang: Lang) -> &str {
    match (value, lang) {
        ("age", Lang::En) => "age",
        ("age", Lang::Hi) => "आयु",
        ("sex", Lang::En) => "sex",
        ("sex", Lang::Hi) => "लिंग",
        ("age_and_sex", Lang::En) => "age and sex",
        ("age_and_sex", Lang::Hi) => "आयु और लिंग",
        (other, _) => other,
    }
}

/// The message template of each code in each language. `{name}` is replaced by the fact `name`.
fn template(code: ReasonCode, lang: Lang) -> &'static str {
    use ReasonCode as C;
    match (code, lang) {
        (C::AboIdentical, Lang::En) => {
            "Donor {donor} and recipient {recipient} are ABO-identical for {component}."
        }
        (C::AboIdentical, Lang::Hi) => {
            "दाता {donor} और रोगी {recipient} का ABO ग्रुप एक ही है ({component})।"
        }
        (C::RedCellsAboCompatible, Lang::En) => {
            "{donor} red cells carry no A or B antigen against which the {recipient} recipient has antibodies."
        }
        (C::RedCellsAboCompatible, Lang::Hi) => {
            "{donor} की लाल रक्त कोशिकाओं पर ऐसा कोई A या B एंटीजन नहीं है जिसके विरुद्ध {recipient} रोगी में एंटीबॉडी हों।"
        }
        (C::PlasmaAboCompatible, Lang::En) => {
            "{donor} plasma carries no anti-A or anti-B against the {recipient} recipient's red cells."
        }
        (C::PlasmaAboCompatible, Lang::Hi) => {
            "{donor} प्लाज़्मा में {recipient} रोगी की लाल रक्त कोशिकाओं के विरुद्ध कोई एंटी-A या एंटी-B नहीं है।"
        }
        (C::RedCellsAboIncompatible, Lang::En) => {
            "ABO-incompatible: the {recipient} recipient's {antibodies} would destroy {donor} red cells. Do not transfuse."
        }
        (C::RedCellsAboIncompatible, Lang::Hi) => {
            "ABO असंगत: {recipient} रोगी में मौजूद {antibodies} एंटीबॉडी {donor} की लाल रक्त कोशिकाओं को नष्ट कर देंगी। यह रक्त न चढ़ाएँ।"
        }
        (C::PlasmaAboIncompatible, Lang::En) => {
            "ABO-incompatible: {donor} plasma contains {antibodies} against the {recipient} recipient's red cells. Do not transfuse."
        }
        (C::PlasmaAboIncompatible, Lang::Hi) => {
            "ABO असंगत: {donor} प्लाज़्मा में {recipient} रोगी की लाल रक्त कोशिकाओं के विरुद्ध {antibodies} एंटीबॉडी हैं। यह न चढ़ाएँ।"
        }
        (C::WholeBloodNotAboIdentical, Lang::En) => {
            "Whole blood must be ABO-identical: donor {donor}, recipient {recipient}."
        }
        (C::WholeBloodNotAboIdentical, Lang::Hi) => {
            "होल ब्लड का ABO ग्रुप रोगी के ग्रुप के समान होना अनिवार्य है: दाता {donor}, रोगी {recipient}।"
        }
        (C::BombayRecipientNeedsBombay, Lang::En) => {
            "Bombay (Oh) recipient: {component} must come from a Bombay donor, and {donor} is not. Contact the rare donor registry."
        }
        (C::BombayRecipientNeedsBombay, Lang::Hi) => {
            "बॉम्बे (Oh) रोगी को {component} केवल बॉम्बे दाता से ही दें, और {donor} बॉम्बे नहीं है। दुर्लभ दाता रजिस्ट्री से संपर्क करें।"
        }
        (C::BombayDonorPlasmaAntiH, Lang::En) => {
            "Bombay (Oh) donor plasma contains anti-H, anti-A and anti-B: give it only to Bombay recipients, not to {recipient}."
        }
        (C::BombayDonorPlasmaAntiH, Lang::Hi) => {
            "बॉम्बे (Oh) दाता के प्लाज़्मा में एंटी-H, एंटी-A और एंटी-B होते हैं: इसे केवल बॉम्बे रोगी को दें, {recipient} को नहीं।"
        }
        (C::BombayUnitForNonBombay, Lang::En) => {
            "Bombay (Oh) red cells are compatible with {recipient} but rare: keep them for Bombay recipients unless nothing else is available."
        }
        (C::BombayUnitForNonBombay, Lang::Hi) => {
            "बॉम्बे (Oh) लाल रक्त कोशिकाएँ {recipient} के लिए संगत हैं, पर दुर्लभ हैं: जब तक कोई और विकल्प न हो, इन्हें बॉम्बे रोगियों के लिए सुरक्षित रखें।"
        }
        (C::BombayRecipientPlasma, Lang::En) => {
            "Bombay (Oh) red cells carry no A, B or H antigen, so {donor} plasma is serologically compatible (an inference: no published rule was found)."
        }
        (C::BombayRecipientPlasma, Lang::Hi) => {
            "बॉम्बे (Oh) लाल रक्त कोशिकाओं पर A, B या H एंटीजन नहीं होते, इसलिए {donor} प्लाज़्मा सीरोलॉजिकल रूप से संगत है (यह अनुमान है: कोई प्रकाशित नियम नहीं मिला)।"
        }
        (C::RhdNegativeRequired, Lang::En) => {
            "RhD-negative {component} required ({protection}): {donor} is not RhD-negative."
        }
        (C::RhdNegativeRequired, Lang::Hi) => {
            "RhD-नेगेटिव {component} देना अनिवार्य है ({protection}): {donor} RhD-नेगेटिव नहीं है।"
        }
        (C::RhdPositiveToRhdNegative, Lang::En) => {
            "{donor} {component} for an RhD-negative recipient who is not a child or a female of child-bearing potential: acceptable when RhD-negative units are short, but about one in three such recipients forms anti-D. Prefer RhD-negative."
        }
        (C::RhdPositiveToRhdNegative, Lang::Hi) => {
            "रोगी RhD-नेगेटिव है, पर न बच्चा है न प्रजनन आयु की महिला: RhD-नेगेटिव यूनिट की कमी हो तो {donor} यूनिट ({component}) दी जा सकती है, पर ऐसे लगभग तीन में से एक रोगी में एंटी-D बन जाता है। RhD-नेगेटिव को प्राथमिकता दें।"
        }
        (C::DonorRhdUnknown, Lang::En) => {
            "The donor unit's RhD type is not recorded: it cannot be given to an RhD-negative recipient."
        }
        (C::DonorRhdUnknown, Lang::Hi) => {
            "दाता यूनिट का RhD प्रकार दर्ज नहीं है: इसे RhD-नेगेटिव रोगी को नहीं दिया जा सकता।"
        }
        (C::RecipientRhdUnknown, Lang::En) => {
            "The recipient's RhD type is not known; treated as RhD-negative."
        }
        (C::RecipientRhdUnknown, Lang::Hi) => {
            "रोगी का RhD प्रकार ज्ञात नहीं है; इसे RhD-नेगेटिव माना गया है।"
        }
        (C::WeakDRecipient, Lang::En) => {
            "The recipient has a serological weak D: treated as RhD-{as} under this policy."
        }
        (C::WeakDRecipient, Lang::Hi) => {
            "रोगी में सीरोलॉजिकल वीक D है: इस नीति के अनुसार उसे RhD-{as} माना गया है।"
        }
        (C::WeakDDonor, Lang::En) => "The donor has a serological weak D: managed as RhD-positive.",
        (C::WeakDDonor, Lang::Hi) => "दाता में सीरोलॉजिकल वीक D है: इसे RhD-पॉज़िटिव माना जाता है।",
        (C::ProtectionAssumed, Lang::En) => {
            "Not recorded: the recipient's {missing}. Treated as {protection} to be safe."
        }
        (C::ProtectionAssumed, Lang::Hi) => {
            "रोगी की {missing} की जानकारी नहीं दी गई: सुरक्षा के लिए उसे {protection} माना गया है।"
        }
        (C::RhdNotRequired, Lang::En) => "RhD matching is not required for {component}.",
        (C::RhdNotRequired, Lang::Hi) => "{component} के लिए RhD मिलान आवश्यक नहीं है।",
        (C::PlateletAboNonIdentical, Lang::En) => {
            "{donor} platelets are not ABO-identical with the {recipient} recipient: choice {position} in this policy's order ({order})."
        }
        (C::PlateletAboNonIdentical, Lang::Hi) => {
            "{donor} प्लेटलेट्स {recipient} रोगी के ABO ग्रुप के समान नहीं हैं: इस नीति के क्रम ({order}) में विकल्प {position}।"
        }
        (C::PlateletPlasmaIncompatible, Lang::En) => {
            "{donor} platelet plasma contains {antibodies} against the {recipient} recipient's red cells: use a unit tested as low-titre for anti-A/anti-B (risk of haemolysis)."
        }
        (C::PlateletPlasmaIncompatible, Lang::Hi) => {
            "{donor} प्लेटलेट के प्लाज़्मा में {recipient} रोगी की लाल रक्त कोशिकाओं के विरुद्ध {antibodies} एंटीबॉडी हैं: एंटी-A/एंटी-B के लिए लो-टाइटर जाँची गई यूनिट ही दें (हीमोलाइसिस का खतरा)।"
        }
        (C::PlateletAboNotInPolicy, Lang::En) => {
            "{donor} platelets are not in this policy's order for {recipient} recipients ({order})."
        }
        (C::PlateletAboNotInPolicy, Lang::Hi) => {
            "{recipient} रोगियों के लिए इस नीति के क्रम ({order}) में {donor} प्लेटलेट्स शामिल नहीं हैं।"
        }
        (C::PlateletA2Preferred, Lang::En) => {
            "A2 platelets carry little A antigen and are preferred over other group A platelets for {recipient} recipients."
        }
        (C::PlateletA2Preferred, Lang::Hi) => {
            "A2 प्लेटलेट्स पर A एंटीजन बहुत कम होता है, इसलिए {recipient} रोगियों के लिए अन्य A प्लेटलेट्स की तुलना में इन्हें प्राथमिकता दी जाती है।"
        }
        (C::PlateletRhdAntiDProphylaxis, Lang::En) => {
            "RhD-negative platelets are preferred ({protection}); if {donor} platelets are given, give anti-D immunoglobulin."
        }
        (C::PlateletRhdAntiDProphylaxis, Lang::Hi) => {
            "RhD-नेगेटिव प्लेटलेट्स को प्राथमिकता दें ({protection}); यदि {donor} प्लेटलेट्स दिए जाएँ तो एंटी-D इम्युनोग्लोबुलिन दें।"
        }
        (C::EmergencyRelease, Lang::En) => {
            "Recipient's group unknown: emergency release of {donor} {component} without crossmatch. It needs a signed request from the doctor; draw a grouping sample before transfusion and switch to group-specific blood as soon as the group is known."
        }
        (C::EmergencyRelease, Lang::Hi) => {
            "रोगी का ब्लड ग्रुप ज्ञात नहीं: {donor} यूनिट ({component}) बिना क्रॉस-मैच के आपातकाल में जारी की जा रही है। इसके लिए डॉक्टर का हस्ताक्षरित अनुरोध आवश्यक है; रक्त चढ़ाने से पहले ग्रुपिंग के लिए नमूना लें और ग्रुप ज्ञात होते ही उसी ग्रुप का रक्त दें।"
        }
        (C::EmergencyGroupNotPermitted, Lang::En) => {
            "Recipient's group unknown: emergency {component} must be group {allowed}, not {donor}."
        }
        (C::EmergencyGroupNotPermitted, Lang::Hi) => {
            "रोगी का ब्लड ग्रुप ज्ञात नहीं: आपातकाल में केवल {allowed} ग्रुप की यूनिट ({component}) दी जा सकती है, {donor} की नहीं।"
        }
        (C::WholeBloodGroupUnknown, Lang::En) => {
            "Whole blood must be ABO-identical, so it cannot be issued before the recipient's group is known: use group O red cells."
        }
        (C::WholeBloodGroupUnknown, Lang::Hi) => {
            "होल ब्लड का ABO ग्रुप रोगी के समान होना अनिवार्य है, इसलिए रोगी का ग्रुप ज्ञात होने से पहले इसे जारी नहीं किया जा सकता: O ग्रुप की लाल रक्त कोशिकाएँ दें।"
        }
        (C::GranulocytesFollowRedCellRules, Lang::En) => {
            "Granulocyte concentrates contain red cells, so the red-cell ABO/RhD rules are applied (no published rule was found; the cautious choice)."
        }
        (C::GranulocytesFollowRedCellRules, Lang::Hi) => {
            "ग्रैन्यूलोसाइट कॉन्सन्ट्रेट में लाल रक्त कोशिकाएँ होती हैं, इसलिए लाल रक्त कोशिकाओं वाले ABO/RhD नियम लागू किए गए हैं (कोई प्रकाशित नियम नहीं मिला; यह सावधानी वाला विकल्प है)।"
        }
        (C::ShelfLife, Lang::En) => {
            "Shelf life of {component}: {shelf_life} from collection; expires {expires_at}."
        }
        (C::ShelfLife, Lang::Hi) => {
            "{component}: संग्रह से {shelf_life} तक उपयोग योग्य; समाप्ति {expires_at}।"
        }
        (C::Redated, Lang::En) => {
            "{modification} at {at}: usable for {shelf_life} after that, so the expiry moves forward to {expires_at}."
        }
        (C::Redated, Lang::Hi) => {
            "{at} पर {modification}: इसके बाद {shelf_life} तक उपयोग योग्य, इसलिए समाप्ति अब {expires_at} है।"
        }
        (C::RedatingCannotExtend, Lang::En) => {
            "{modification} at {at} would allow use until {limit}, later than the current expiry; a modification never extends expiry, so it stays {expires_at}."
        }
        (C::RedatingCannotExtend, Lang::Hi) => {
            "{at} पर {modification} के बाद की सीमा {limit} है, जो वर्तमान समाप्ति से बाद में है; कोई भी संशोधन समाप्ति को आगे नहीं बढ़ाता, इसलिए समाप्ति {expires_at} ही रहेगी।"
        }
        (C::NoRedating, Lang::En) => {
            "{modification} does not change the expiry of {component} under this policy: it stays {expires_at}."
        }
        (C::NoRedating, Lang::Hi) => {
            "इस नीति के अनुसार {modification} से समाप्ति नहीं बदलती ({component}): यह {expires_at} ही रहेगी।"
        }
        (C::PoolEarliestConstituent, Lang::En) => {
            "A pool of {count} units expires with its earliest constituent: {expires_at}."
        }
        (C::PoolEarliestConstituent, Lang::Hi) => {
            "{count} यूनिट का पूल अपनी सबसे पहले समाप्त होने वाली यूनिट के साथ समाप्त होता है: {expires_at}।"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(t: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = t;
        while let Some(s) = rest.find('{') {
            let after = &rest[s + 1..];
            let e = after.find('}').unwrap();
            out.insert(after[..e].to_string());
            rest = &after[e + 1..];
        }
        out
    }

    #[test]
    fn english_and_hindi_use_the_same_facts() {
        for &code in ReasonCode::ALL {
            let en = template(code, Lang::En);
            let hi = template(code, Lang::Hi);
            assert_eq!(placeholders(en), placeholders(hi), "{code}");
            assert!(
                hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)),
                "{code}: Hindi must be Devanagari"
            );
            assert_ne!(en, hi, "{code}");
        }
    }

    #[test]
    fn codes_are_screaming_snake_and_unique() {
        let mut seen = BTreeSet::new();
        for &code in ReasonCode::ALL {
            let s = code.as_str();
            assert!(
                s.chars()
                    .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
            );
            assert!(seen.insert(s));
            assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{s}\""));
        }
    }

    #[test]
    fn renders_facts_and_localises_values() {
        let r = Reason::new(ReasonCode::PlasmaAboIncompatible)
            .fact("donor", "O+")
            .fact("recipient", "A+")
            .fact("antibodies", "anti-A,anti-B");
        assert_eq!(
            r.message(Lang::En),
            "ABO-incompatible: O+ plasma contains anti-A and anti-B against the A+ recipient's red cells. Do not transfuse."
        );
        assert!(r.message(Lang::Hi).contains("एंटी-A और एंटी-B"));
        let s = Reason::new(ReasonCode::ShelfLife)
            .fact("component", "red_cells")
            .fact("shelf_life", "42 days")
            .fact("expires_at", "2026-02-12T23:59:00+05:30");
        assert_eq!(
            s.message(Lang::En),
            "Shelf life of red cells: 42 days from collection; expires 2026-02-12 23:59 +05:30."
        );
        assert_eq!(
            s.message(Lang::Hi),
            "लाल रक्त कोशिकाएँ: संग्रह से 42 दिन तक उपयोग योग्य; समाप्ति 2026-02-12 23:59 +05:30।"
        );
    }

    #[test]
    fn a_missing_fact_leaves_the_placeholder_visible() {
        let r = Reason::new(ReasonCode::DonorRhdUnknown);
        assert!(!r.message(Lang::En).contains('{'));
        let r = Reason::new(ReasonCode::AboIdentical).fact("donor", "O+");
        assert!(r.message(Lang::En).contains("{recipient}"));
    }

    #[test]
    fn language_codes() {
        assert_eq!(Lang::parse("EN").unwrap(), Lang::En);
        assert_eq!(Lang::parse("hi_IN").unwrap(), Lang::Hi);
        assert_eq!(Lang::parse("xx").unwrap_err().kind(), "InvalidInput");
    }
}
