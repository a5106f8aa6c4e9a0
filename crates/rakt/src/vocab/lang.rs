//! The languages of messages.

use serde::{Deserialize, Serialize};

use crate::error::{RaktError, Result};

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
    /// assert_eq!(rakt::Lang::parse("hi-IN")?, rakt::Lang::Hi);
    /// assert!(rakt::Lang::parse("fr").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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
