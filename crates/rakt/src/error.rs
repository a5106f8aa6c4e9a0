//! The one error type of the crate.
//!
//! Every fallible public function returns [`RaktError`]. Each variant says what was wrong and
//! where, so that a caller can show it to a user without reading the code. The variant name is
//! part of the contract (it becomes the exception class in Python and Kotlin and the `error`
//! value in the conformance vectors); see [`RaktError::kind`].

use thiserror::Error;

/// Everything that can go wrong when calling rakt.
///
/// ```
/// use rakt::{BloodGroup, RaktError};
/// let err = BloodGroup::parse("C+").unwrap_err();
/// assert_eq!(err.kind(), "InvalidBloodGroup");
/// assert!(err.to_string().contains("\"C+\""));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum RaktError {
    /// A blood-group text that could not be understood.
    #[error("invalid blood group {input:?}: {reason}")]
    InvalidBloodGroup {
        /// The text exactly as given.
        input: String,
        /// What was wrong with it.
        reason: String,
    },
    /// A policy file or value that was refused. `path` names the field, e.g.
    /// `shelf_life.platelets_random_donor.days`.
    #[error("invalid policy: {path}: {reason}")]
    InvalidPolicy {
        /// Dotted path of the offending field (empty for the document as a whole).
        path: String,
        /// What was wrong with it.
        reason: String,
    },
    /// Any other input value that was refused: a product without its anticoagulant, a time
    /// without a UTC offset, an unknown language code, and so on.
    #[error("invalid input: {field}: {reason}")]
    InvalidInput {
        /// The argument or field that was wrong.
        field: String,
        /// What was wrong with it.
        reason: String,
    },
    /// The policy in use has no value for a rule that this call needs. Built-in profiles leave
    /// out values their sources do not give rather than invent them; set the value in a policy
    /// file to proceed.
    #[error("policy {policy:?} has no value for {path}: {reason}")]
    PolicyValueMissing {
        /// Name of the policy.
        policy: String,
        /// Dotted path of the missing parameter.
        path: String,
        /// Why it is needed and where it could come from.
        reason: String,
    },
    /// A modification or event that cannot be applied to this unit or product (thawing red
    /// cells, irradiating an expired unit, an event before collection, ...).
    #[error("not applicable: {reason}")]
    NotApplicable {
        /// Stable code of the refusal, e.g. `UNIT_ALREADY_EXPIRED`.
        code: String,
        /// Human explanation.
        reason: String,
    },
    /// A coded value (an ISBT 128 data structure, a code from another system) that is malformed
    /// or unknown. `position` is the 1-based character position in the text as given at which
    /// the problem was found.
    #[error("invalid {structure} {input:?} at position {position}: {reason}")]
    InvalidCode {
        /// What the text was read as, e.g. `ISBT 128 donation identification number`.
        structure: String,
        /// The text exactly as given.
        input: String,
        /// 1-based position of the offending character in `input`.
        position: usize,
        /// What was wrong there.
        reason: String,
    },
}

impl RaktError {
    /// The stable name of the variant: `InvalidBloodGroup`, `InvalidPolicy`, `InvalidInput`,
    /// `PolicyValueMissing`, `NotApplicable` or `InvalidCode`. Bindings use it as the exception class name.
    ///
    /// ```
    /// use rakt::RaktError;
    /// let e = RaktError::InvalidInput { field: "lang".into(), reason: "unknown".into() };
    /// assert_eq!(e.kind(), "InvalidInput");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            RaktError::InvalidBloodGroup { .. } => "InvalidBloodGroup",
            RaktError::InvalidPolicy { .. } => "InvalidPolicy",
            RaktError::InvalidInput { .. } => "InvalidInput",
            RaktError::PolicyValueMissing { .. } => "PolicyValueMissing",
            RaktError::NotApplicable { .. } => "NotApplicable",
            RaktError::InvalidCode { .. } => "InvalidCode",
        }
    }

    pub(crate) fn input(field: impl Into<String>, reason: impl Into<String>) -> Self {
        RaktError::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    pub(crate) fn policy(path: impl Into<String>, reason: impl Into<String>) -> Self {
        RaktError::InvalidPolicy {
            path: path.into(),
            reason: reason.into(),
        }
    }

    pub(crate) fn code(
        structure: &str,
        input: &str,
        position: usize,
        reason: impl Into<String>,
    ) -> Self {
        RaktError::InvalidCode {
            structure: structure.to_string(),
            input: input.to_string(),
            position,
            reason: reason.into(),
        }
    }

    /// The same error, its explanation prefixed with where it happened (`unit DIN-1: ...`);
    /// the kind, code and field stay as they were.
    pub(crate) fn in_context(self, context: &str) -> Self {
        match self {
            RaktError::InvalidInput { field, reason } => RaktError::InvalidInput {
                field,
                reason: format!("{context}: {reason}"),
            },
            RaktError::NotApplicable { code, reason } => RaktError::NotApplicable {
                code,
                reason: format!("{context}: {reason}"),
            },
            other => other,
        }
    }

    pub(crate) fn not_applicable(code: &str, reason: impl Into<String>) -> Self {
        RaktError::NotApplicable {
            code: code.to_string(),
            reason: reason.into(),
        }
    }
}

/// Shorthand for `Result<T, RaktError>`.
pub type Result<T> = std::result::Result<T, RaktError>;
