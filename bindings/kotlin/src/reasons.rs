//! Reasons: the explained steps of every verdict, with messages in English and Hindi.

use std::collections::HashMap;

use crate::error::{RaktException, Result};
use crate::macros::mirror_enum;

mirror_enum! {
    /// How much a reason matters.
    pub enum Severity => rakt::Severity {
        /// Explains a decision; nothing to do.
        Info,
        /// Allowed, but someone must act or choose knowingly (a caveat).
        Caution,
        /// A hard stop: the unit must not be given.
        Stop,
    }
}

mirror_enum! {
    /// How sure we are of a parameter's source.
    pub enum Confidence => rakt::Confidence {
        /// Primary or official text, or verified by computation.
        High,
        /// A faithful secondary reproduction, or two secondary sources agree.
        Medium,
        /// A single secondary source, or an inference.
        Low,
        /// No source gives this value for this jurisdiction.
        Unverified,
        /// Set by a local policy file without a source of its own.
        Local,
    }
}

/// One explained step of a verdict: a stable code (`RHD_NEGATIVE_REQUIRED`), its severity, the
/// facts used, and the rule's source. `message("en")` / `message("hi")` renders it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Reason {
    /// The stable code, e.g. `RHD_NEGATIVE_REQUIRED`.
    pub code: String,
    /// How much it matters.
    pub severity: Severity,
    /// The facts used, by name (`donor`, `recipient`, `expires_at`, ...).
    pub facts: HashMap<String, String>,
    /// Where the rule comes from.
    pub source: Option<String>,
    /// How sure we are of the rule's source.
    pub confidence: Option<Confidence>,
}

/// The facts of a core reason or flag as text, by name: the form Kotlin sees.
pub(crate) fn facts_text(facts: &rakt::Facts) -> HashMap<String, String> {
    facts
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

impl From<&rakt::Reason> for Reason {
    fn from(r: &rakt::Reason) -> Self {
        Reason {
            code: r.code.as_str().to_string(),
            severity: r.severity.into(),
            facts: facts_text(&r.facts),
            source: r.source.as_ref().map(ToString::to_string),
            confidence: r.confidence.map(Into::into),
        }
    }
}

impl Reason {
    /// The core value; `field` names this reason in a refusal.
    pub(crate) fn to_core(&self, field: &str) -> Result<rakt::Reason> {
        let code = rakt::ReasonCode::parse(&self.code).ok_or_else(|| {
            RaktException::input(
                format!("{field}.code"),
                format!("{:?} is not a rakt reason code", self.code),
            )
        })?;
        let mut reason = rakt::Reason::new(code);
        reason.severity = self.severity.into();
        reason.facts = self
            .facts
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        reason.source = self.source.clone().map(rakt::Citation::from);
        reason.confidence = self.confidence.map(Into::into);
        Ok(reason)
    }
}

#[uniffi::export]
impl Reason {
    /// The human message in `lang`: `"en"` or `"hi"` (Devanagari); `en-IN`/`hi-IN` accepted.
    /// Another language, or a code that is not a rakt reason code, is refused with
    /// `RaktException.InvalidInput`.
    pub fn message(&self, lang: String) -> Result<String> {
        let lang = rakt::Lang::parse(&lang)?;
        Ok(self.to_core("reason")?.message(lang))
    }
}

/// Convert reasons coming back from Kotlin; `field` names the list.
pub(crate) fn reasons_to_core(reasons: &[Reason], field: &str) -> Result<Vec<rakt::Reason>> {
    reasons
        .iter()
        .enumerate()
        .map(|(i, r)| r.to_core(&format!("{field}[{i}]")))
        .collect()
}

/// Convert core reasons for Kotlin.
pub(crate) fn reasons_from_core(reasons: &[rakt::Reason]) -> Vec<Reason> {
    reasons.iter().map(Reason::from).collect()
}
