//! The one exception type of the Kotlin API, mapped from [`rakt::RaktError`].

/// Everything that can go wrong when calling rakt: `RaktException` in Kotlin, a sealed class
/// with one subclass per kind. The subclass name is the contract (`expect.error` in the
/// conformance vectors); `toString()` is the core's message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[uniffi::export(Display)]
pub enum RaktException {
    /// A blood-group text (or a `BloodGroup` value built in Kotlin) that is not a valid group.
    #[error("{}", self.to_core())]
    InvalidBloodGroup {
        /// The text as given (or a description of the value).
        input: String,
        /// What was wrong with it.
        reason: String,
    },
    /// A policy file or value that was refused; `path` names the field, e.g.
    /// `shelf_life.platelets_random_donor.days`.
    #[error("{}", self.to_core())]
    InvalidPolicy {
        /// Dotted path of the offending field (empty for the document as a whole).
        path: String,
        /// What was wrong with it.
        reason: String,
    },
    /// Any other refused input: a product without its preservative, an unknown language code,
    /// a time the core cannot read, ...
    #[error("{}", self.to_core())]
    InvalidInput {
        /// The argument or field that was wrong, e.g. `product.preservative`.
        field: String,
        /// What was wrong with it.
        reason: String,
    },
    /// The policy has no value for a rule this call needs; set it in a policy file.
    #[error("{}", self.to_core())]
    PolicyValueMissing {
        /// Name of the policy.
        policy: String,
        /// Dotted path of the missing parameter.
        path: String,
        /// Why it is needed and where it could come from.
        reason: String,
    },
    /// A modification or event that cannot be applied to this unit (thawing red cells,
    /// irradiating an expired unit, an event before collection, ...).
    #[error("{}", self.to_core())]
    NotApplicable {
        /// Stable code of the refusal, e.g. `UNIT_ALREADY_EXPIRED`.
        code: String,
        /// Human explanation.
        reason: String,
    },
    /// A malformed or unknown code (an ISBT 128 data structure, another system's code).
    #[error("{}", self.to_core())]
    InvalidCode {
        /// What the text was read as, e.g. `ISBT 128 donation identification number`.
        structure: String,
        /// The text as given.
        input: String,
        /// 1-based position of the offending character in `input`.
        position: i32,
        /// What was wrong there.
        reason: String,
    },
}

impl RaktException {
    /// The same error as a core error (for its message).
    fn to_core(&self) -> rakt::RaktError {
        match self.clone() {
            RaktException::InvalidBloodGroup { input, reason } => {
                rakt::RaktError::InvalidBloodGroup { input, reason }
            }
            RaktException::InvalidPolicy { path, reason } => {
                rakt::RaktError::InvalidPolicy { path, reason }
            }
            RaktException::InvalidInput { field, reason } => {
                rakt::RaktError::InvalidInput { field, reason }
            }
            RaktException::PolicyValueMissing {
                policy,
                path,
                reason,
            } => rakt::RaktError::PolicyValueMissing {
                policy,
                path,
                reason,
            },
            RaktException::NotApplicable { code, reason } => {
                rakt::RaktError::NotApplicable { code, reason }
            }
            RaktException::InvalidCode {
                structure,
                input,
                position,
                reason,
            } => rakt::RaktError::InvalidCode {
                structure,
                input,
                position: usize::try_from(position).unwrap_or(0),
                reason,
            },
        }
    }

    /// An `InvalidInput` for `field`.
    pub(crate) fn input(field: impl Into<String>, reason: impl Into<String>) -> Self {
        RaktException::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl From<rakt::RaktError> for RaktException {
    fn from(error: rakt::RaktError) -> Self {
        match error {
            rakt::RaktError::InvalidBloodGroup { input, reason } => {
                RaktException::InvalidBloodGroup { input, reason }
            }
            rakt::RaktError::InvalidPolicy { path, reason } => {
                RaktException::InvalidPolicy { path, reason }
            }
            rakt::RaktError::InvalidInput { field, reason } => {
                RaktException::InvalidInput { field, reason }
            }
            rakt::RaktError::PolicyValueMissing {
                policy,
                path,
                reason,
            } => RaktException::PolicyValueMissing {
                policy,
                path,
                reason,
            },
            rakt::RaktError::NotApplicable { code, reason } => {
                RaktException::NotApplicable { code, reason }
            }
            rakt::RaktError::InvalidCode {
                structure,
                input,
                position,
                reason,
            } => RaktException::InvalidCode {
                structure,
                input,
                position: i32::try_from(position).unwrap_or(i32::MAX),
                reason,
            },
            // `RaktError` is non-exhaustive: a kind added to the core without a Kotlin class
            // yet still reaches Kotlin as a typed error, named in `field`.
            other => RaktException::InvalidInput {
                field: other.kind().to_string(),
                reason: other.to_string(),
            },
        }
    }
}

/// A count from Kotlin (`Int`) as the core's unsigned count; a negative one is refused with
/// `InvalidInput` naming `field`.
pub(crate) fn unsigned(value: i32, field: &str) -> Result<u32> {
    u32::try_from(value).map_err(|_| RaktException::input(field, format!("{value} is negative")))
}

/// Shorthand for the result of exported functions.
pub(crate) type Result<T> = std::result::Result<T, RaktException>;
