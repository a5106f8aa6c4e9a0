//! The facts a reason or flag used, kept as typed values and written as text only when read.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::hash::{Hash, Hasher};

use chrono::{DateTime, FixedOffset, NaiveDate};
use rust_decimal::Decimal;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::blood_group::BloodGroup;
use crate::policy::{Limits, ShelfLife};

/// The value of one fact, as the rule found it. Its text (`to_string()`) is what the facts map
/// of earlier versions held, and what the JSON form and the messages show.
///
/// Two facts are equal when their texts are equal: `Int(2)` equals `Text("2")`, which is what a
/// verdict read back from JSON holds.
///
/// ```
/// use rakt::reason::Fact;
/// use rust_decimal::Decimal;
/// assert_eq!(Fact::from(Decimal::new(125, 1)).to_string(), "12.5");
/// assert_eq!(Fact::from(42u32), Fact::from("42".to_string()));
/// assert_eq!(Fact::from("anti-A"), "anti-A");
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Fact {
    /// A count or another whole number.
    Int(i64),
    /// A measurement, threshold or amount.
    Decimal(Decimal),
    /// A calendar day.
    Date(NaiveDate),
    /// An instant, with its offset.
    Instant(DateTime<FixedOffset>),
    /// A blood group.
    Group(BloodGroup),
    /// A period or shelf life (`42 days`).
    Period(ShelfLife),
    /// A policy's limits (`≥ 12.5`).
    Limits(Box<Limits>),
    /// Two whole numbers joined by a sign: `38+0` (weeks and days), `150/100` (mmHg).
    Pair(u32, char, u32),
    /// A first and a repeat blood-pressure reading, systolic/diastolic each, in mmHg:
    /// `150/100; 148/96`.
    Readings(u32, u32, u32, u32),
    /// A code or phrase compiled into rakt.
    Code(&'static str),
    /// Any other text.
    Text(String),
}

impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fact::Int(v) => fmt::Display::fmt(v, f),
            Fact::Decimal(v) => fmt::Display::fmt(v, f),
            Fact::Date(v) => fmt::Display::fmt(v, f),
            Fact::Instant(v) => fmt::Display::fmt(v, f),
            Fact::Group(v) => fmt::Display::fmt(v, f),
            Fact::Period(v) => fmt::Display::fmt(v, f),
            Fact::Limits(v) => fmt::Display::fmt(v, f),
            Fact::Pair(a, sign, b) => write!(f, "{a}{sign}{b}"),
            Fact::Readings(s, d, rs, rd) => write!(f, "{s}/{d}; {rs}/{rd}"),
            Fact::Code(v) => f.write_str(v),
            Fact::Text(v) => f.write_str(v),
        }
    }
}

impl Fact {
    /// The text, borrowed when the fact is already text.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Fact::Code(s) => Cow::Borrowed(s),
            Fact::Text(s) => Cow::Borrowed(s),
            other => Cow::Owned(other.to_string()),
        }
    }
}

impl PartialEq for Fact {
    fn eq(&self, other: &Fact) -> bool {
        match (self, other) {
            (Fact::Int(a), Fact::Int(b)) => a == b,
            (Fact::Date(a), Fact::Date(b)) => a == b,
            _ => self.text() == other.text(),
        }
    }
}

impl Eq for Fact {}

impl Hash for Fact {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text().hash(state);
    }
}

impl Serialize for Fact {
    /// A fact is its text in JSON.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

impl PartialEq<str> for Fact {
    fn eq(&self, other: &str) -> bool {
        self.text() == other
    }
}

impl PartialEq<&str> for Fact {
    fn eq(&self, other: &&str) -> bool {
        self.text() == *other
    }
}

macro_rules! int_facts {
    ($($t:ty),*) => {$(
        impl From<$t> for Fact {
            fn from(v: $t) -> Fact {
                Fact::Int(i64::from(v))
            }
        }
    )*};
}
int_facts!(u8, u16, u32, i32, i64);

impl From<u64> for Fact {
    fn from(v: u64) -> Fact {
        match i64::try_from(v) {
            Ok(i) => Fact::Int(i),
            Err(_) => Fact::Text(v.to_string()),
        }
    }
}

impl From<usize> for Fact {
    fn from(v: usize) -> Fact {
        match i64::try_from(v) {
            Ok(i) => Fact::Int(i),
            Err(_) => Fact::Text(v.to_string()),
        }
    }
}

impl From<Decimal> for Fact {
    fn from(v: Decimal) -> Fact {
        Fact::Decimal(v)
    }
}

impl From<NaiveDate> for Fact {
    fn from(v: NaiveDate) -> Fact {
        Fact::Date(v)
    }
}

impl From<DateTime<FixedOffset>> for Fact {
    fn from(v: DateTime<FixedOffset>) -> Fact {
        Fact::Instant(v)
    }
}

impl From<BloodGroup> for Fact {
    fn from(v: BloodGroup) -> Fact {
        Fact::Group(v)
    }
}

impl From<&BloodGroup> for Fact {
    fn from(v: &BloodGroup) -> Fact {
        Fact::Group(*v)
    }
}

impl From<ShelfLife> for Fact {
    fn from(v: ShelfLife) -> Fact {
        Fact::Period(v)
    }
}

impl From<Limits> for Fact {
    fn from(v: Limits) -> Fact {
        Fact::Limits(Box::new(v))
    }
}

impl From<&Limits> for Fact {
    fn from(v: &Limits) -> Fact {
        Fact::Limits(Box::new(*v))
    }
}

impl From<&String> for Fact {
    fn from(v: &String) -> Fact {
        Fact::Text(v.clone())
    }
}

impl From<&'static str> for Fact {
    fn from(v: &'static str) -> Fact {
        Fact::Code(v)
    }
}

impl From<String> for Fact {
    fn from(v: String) -> Fact {
        Fact::Text(v)
    }
}

/// The facts a reason or flag used, by name (`donor`, `limit`, `expires_at`, ...), in name
/// order. Values stay typed ([`Fact`]) until read; the JSON form is an object of texts, as it
/// has always been.
///
/// ```
/// use rakt::reason::Facts;
/// let mut facts = Facts::new();
/// facts.insert("limit", 12u32);
/// facts.insert("donor", "O+");
/// assert_eq!(facts.text("limit").as_deref(), Some("12"));
/// assert_eq!(facts.names().collect::<Vec<_>>(), ["donor", "limit"]);
/// assert_eq!(serde_json::to_string(&facts)?, r#"{"donor":"O+","limit":"12"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Facts(Vec<(Cow<'static, str>, Fact)>);

impl Facts {
    /// No facts.
    pub fn new() -> Facts {
        Facts(Vec::new())
    }

    /// Set the fact `name`, replacing any earlier value.
    pub fn insert(&mut self, name: impl Into<Cow<'static, str>>, value: impl Into<Fact>) {
        let name = name.into();
        let value = value.into();
        match self
            .0
            .binary_search_by(|(n, _)| n.as_ref().cmp(name.as_ref()))
        {
            Ok(i) => {
                if let Some(slot) = self.0.get_mut(i) {
                    slot.1 = value;
                }
            }
            Err(i) => self.0.insert(i, (name, value)),
        }
    }

    /// The fact `name`, typed.
    pub fn get(&self, name: &str) -> Option<&Fact> {
        self.0
            .binary_search_by(|(n, _)| n.as_ref().cmp(name))
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|(_, v)| v)
    }

    /// The text of the fact `name`.
    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(ToString::to_string)
    }

    /// Whether the fact `name` is recorded.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The names and typed values, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Fact)> {
        self.0.iter().map(|(n, v)| (n.as_ref(), v))
    }

    /// The names, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(n, _)| n.as_ref())
    }

    /// How many facts.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every fact as text, by name: the form the bindings hand out.
    pub fn to_map(&self) -> BTreeMap<String, String> {
        self.0
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }
}

impl<N: Into<Cow<'static, str>>, V: Into<Fact>> FromIterator<(N, V)> for Facts {
    fn from_iter<I: IntoIterator<Item = (N, V)>>(iter: I) -> Facts {
        let mut facts = Facts::new();
        for (n, v) in iter {
            facts.insert(n, v);
        }
        facts
    }
}

impl Serialize for Facts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (n, v) in &self.0 {
            map.serialize_entry(n.as_ref(), &v.text())?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Facts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Facts, D::Error> {
        struct FactsVisitor;
        impl<'de> Visitor<'de> for FactsVisitor {
            type Value = Facts;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of facts, each a string")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Facts, A::Error> {
                let mut facts = Facts::new();
                while let Some((name, value)) = map.next_entry::<String, String>()? {
                    facts.insert(name, value);
                }
                Ok(facts)
            }
        }
        d.deserialize_map(FactsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_and_text_facts_are_equal_when_their_texts_are() {
        let typed: Facts = [
            ("hb", Fact::from(Decimal::new(119, 1))),
            ("count", Fact::from(3u32)),
        ]
        .into_iter()
        .collect();
        let json = serde_json::to_string(&typed).unwrap();
        assert_eq!(json, r#"{"count":"3","hb":"11.9"}"#);
        let back: Facts = serde_json::from_str(&json).unwrap();
        assert_eq!(back, typed);
        assert_eq!(back.get("hb"), Some(&Fact::Text("11.9".into())));
        // Same value, other scale: other text, other fact (as the text map always had it).
        assert_ne!(
            Fact::from(Decimal::new(1190, 2)),
            Fact::from(Decimal::new(119, 1))
        );
    }

    #[test]
    fn insert_replaces_and_keeps_name_order() {
        let mut f = Facts::new();
        f.insert("b", 1u32);
        f.insert("a", "x");
        f.insert("b", 2u32);
        assert_eq!(f.len(), 2);
        assert_eq!(
            f.to_map().into_iter().collect::<Vec<_>>(),
            [
                ("a".to_string(), "x".to_string()),
                ("b".to_string(), "2".to_string())
            ]
        );
        assert!(f.contains("a") && !f.contains("c"));
        assert_eq!(f.text("c"), None);
    }
}
