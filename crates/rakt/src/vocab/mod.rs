//! The domain's vocabulary: the enums and small value types that rules, policies and reasons
//! all name (donation kinds and donor conditions, TTI markers, the maternal codes, languages).
//! It is the bottom layer of the core: it imports nothing of rakt but the error type and the
//! `coded_enum!` macro, so that `policy` can hold values keyed by these types without importing
//! the rule modules that use the policy. Each type is re-exported where users find it
//! (`rakt::donor::Condition`, `rakt::screening::TtiMarker`, `rakt::Lang`, ...).

pub(crate) mod donor;
pub(crate) mod lang;
pub(crate) mod maternal;
pub(crate) mod screening;
