//! Policies: every clinical number with its source; built-in profiles and policy files.

use std::sync::{Arc, LazyLock};

use crate::components::Storage;
use crate::error::Result;
use crate::reasons::Confidence;
use crate::time::Decimal;

/// The default profile, built once.
static INDIA: LazyLock<rakt::Policy> = LazyLock::new(rakt::Policy::india);

/// The policy to use: the one given, or the `india` profile.
pub(crate) fn resolve(policy: &Option<Arc<Policy>>) -> &rakt::Policy {
    match policy {
        Some(p) => &p.inner,
        None => &INDIA,
    }
}

/// The rule parameters of a jurisdiction or facility: shelf lives, re-dating, compatibility
/// choices where sources disagree, storage ranges, each with its source. Built-in profiles
/// `india` (the default), `us` and `uk`; policy files (JSON or TOML) extend one of them and are
/// validated (`RaktException.InvalidPolicy` names the refused field in `path`).
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Display)]
pub struct Policy {
    inner: rakt::Policy,
}

impl std::fmt::Display for Policy {
    /// The policy's name.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.inner.name)
    }
}

impl Policy {
    pub(crate) fn wrap(inner: rakt::Policy) -> Arc<Self> {
        Arc::new(Policy { inner })
    }
}

#[uniffi::export]
impl Policy {
    /// The India profile (NBTC guidelines, Drugs and Cosmetics Rules): the default.
    #[uniffi::constructor]
    pub fn india() -> Arc<Self> {
        Policy::wrap(INDIA.clone())
    }

    /// The United States profile (21 CFR 610.53, AABB practice).
    #[uniffi::constructor]
    pub fn us() -> Arc<Self> {
        Policy::wrap(rakt::Policy::us())
    }

    /// The United Kingdom profile (JPAC Red Book, BSH guidance).
    #[uniffi::constructor]
    pub fn uk() -> Arc<Self> {
        Policy::wrap(rakt::Policy::uk())
    }

    /// A built-in profile by name: `india`, `us` or `uk` (otherwise
    /// `RaktException.InvalidInput`).
    #[uniffi::constructor]
    pub fn builtin(name: String) -> Result<Arc<Self>> {
        Ok(Policy::wrap(rakt::Policy::builtin(&name)?))
    }

    /// Load a policy file in JSON (`{"name": ..., "extends": "india", ...overrides}`).
    /// A bad file is refused with `RaktException.InvalidPolicy` naming the field in `path`.
    #[uniffi::constructor]
    pub fn from_json(text: String) -> Result<Arc<Self>> {
        Ok(Policy::wrap(rakt::Policy::from_json(&text)?))
    }

    /// Load a policy file in TOML. A bad file is refused with `RaktException.InvalidPolicy`
    /// naming the field in `path`.
    #[uniffi::constructor]
    pub fn from_toml(text: String) -> Result<Arc<Self>> {
        Ok(Policy::wrap(rakt::Policy::from_toml(&text)?))
    }

    /// The policy's name (`india`, `us`, `uk`, or the name a file gives).
    pub fn name(&self) -> String {
        self.inner.name.clone()
    }

    /// What the policy is for.
    pub fn description(&self) -> String {
        self.inner.description.clone()
    }

    /// The complete policy as pretty JSON (loads back to an equal policy).
    pub fn to_json(&self) -> Result<String> {
        Ok(self.inner.to_json()?)
    }

    /// The complete policy as TOML (loads back to an equal policy).
    pub fn to_toml(&self) -> Result<String> {
        Ok(self.inner.to_toml()?)
    }

    /// The source of a parameter by dotted path (e.g. `shelf_life.red_cells_additive_solution`),
    /// or `null` when the policy has no such parameter.
    pub fn source(&self, path: String) -> Option<Source> {
        self.inner.source(&path).map(Source::from)
    }

    /// The dotted paths of every parameter this policy sets, in a stable order.
    pub fn parameter_paths(&self) -> Vec<String> {
        self.inner.parameter_paths()
    }

    /// The allowed temperature range of a storage condition, in °C.
    pub fn storage_range(&self, storage: Storage) -> TemperatureRange {
        self.inner.storage.range(storage.into()).into()
    }
}

/// A value another source gives for the same parameter.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Alternative {
    /// The other value, as text (e.g. `35 days`).
    pub value: String,
    /// Where it comes from.
    pub citation: String,
}

/// Where a parameter's value comes from.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Source {
    /// Document, section and version.
    pub citation: String,
    /// How sure we are.
    pub confidence: Confidence,
    /// Why this value was chosen, when a choice was made.
    pub note: Option<String>,
    /// What other sources say.
    pub alternatives: Vec<Alternative>,
}

impl From<&rakt::Source> for Source {
    fn from(s: &rakt::Source) -> Self {
        Source {
            citation: s.citation.to_string(),
            confidence: s.confidence.into(),
            note: s.note.clone(),
            alternatives: s
                .alternatives
                .iter()
                .map(|a| Alternative {
                    value: a.value.clone(),
                    citation: a.citation.clone(),
                })
                .collect(),
        }
    }
}

/// A temperature range in °C (`java.math.BigDecimal`); either bound may be open (`null`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TemperatureRange {
    /// Lowest allowed temperature, °C.
    pub min_celsius: Option<Decimal>,
    /// Highest allowed temperature, °C.
    pub max_celsius: Option<Decimal>,
}

impl From<rakt::TemperatureRange> for TemperatureRange {
    fn from(r: rakt::TemperatureRange) -> Self {
        TemperatureRange {
            min_celsius: r.min_celsius.map(Into::into),
            max_celsius: r.max_celsius.map(Into::into),
        }
    }
}
