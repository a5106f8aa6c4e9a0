//! Citation text shared between a policy and every verdict that cites it.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The text of a citation ("NBTC Guidelines 2017, §7.2"), shared rather than copied.
///
/// A verdict cites the rule it applied; a million verdicts cite the same few hundred rules. A
/// `Citation` of a built-in profile points at text compiled into rakt, and one read from a
/// policy file is counted by reference, so cloning it never copies the text. It reads as a
/// `&str` (`Deref`), compares equal to strings, and is a plain string in JSON.
///
/// ```
/// use rakt::Citation;
/// let c = Citation::from("NBTC 2017 §7.2");
/// assert_eq!(c, "NBTC 2017 §7.2");
/// assert_eq!(c.len(), 15); // bytes: § is two
/// assert_eq!(serde_json::to_string(&c)?, "\"NBTC 2017 §7.2\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Citation(Repr);

#[derive(Clone)]
enum Repr {
    Static(&'static str),
    Shared(Arc<str>),
}

impl Citation {
    /// The text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Static(s) => s,
            Repr::Shared(s) => s,
        }
    }
}

impl Default for Citation {
    fn default() -> Citation {
        Citation(Repr::Static(""))
    }
}

impl Deref for Citation {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Citation {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Citation {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&'static str> for Citation {
    fn from(s: &'static str) -> Citation {
        Citation(Repr::Static(s))
    }
}

impl From<String> for Citation {
    fn from(s: String) -> Citation {
        Citation(Repr::Shared(Arc::from(s)))
    }
}

impl From<&Citation> for Citation {
    fn from(c: &Citation) -> Citation {
        c.clone()
    }
}

impl From<Citation> for String {
    fn from(c: Citation) -> String {
        c.as_str().to_string()
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for Citation {
    fn eq(&self, other: &Citation) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Citation {}

impl PartialEq<str> for Citation {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Citation {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Citation {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Citation> for &str {
    fn eq(&self, other: &Citation) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Citation> for String {
    fn eq(&self, other: &Citation) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialOrd for Citation {
    fn partial_cmp(&self, other: &Citation) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Citation {
    fn cmp(&self, other: &Citation) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Citation {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Serialize for Citation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Citation {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Citation, D::Error> {
        String::deserialize(d).map(Citation::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_and_shared_text_are_the_same_citation() {
        let a = Citation::from("WHO 2016, rec. A.1");
        let b = Citation::from(String::from("WHO 2016, rec. A.1"));
        assert_eq!(a, b);
        assert_eq!(a.cmp(&b), std::cmp::Ordering::Equal);
        let hash = |c: &Citation| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            c.hash(&mut h);
            h.finish()
        };
        assert_eq!(hash(&a), hash(&b));
        assert_eq!(format!("{a:?}"), "\"WHO 2016, rec. A.1\"");
        let back: Citation = serde_json::from_str("\"WHO 2016, rec. A.1\"").unwrap();
        assert_eq!(back, a);
        assert!(Citation::default().is_empty());
    }
}
