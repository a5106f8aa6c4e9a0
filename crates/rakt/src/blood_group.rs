//! ABO/RhD blood groups, the Bombay (Oh) phenotype, A subgroups and weak D.
//!
//! A [`BloodGroup`] is the basic group (ABO or Bombay, and RhD) plus optional phenotype details
//! (A1/A2 subgroup, weak D) that do not change the basic group. Parsing accepts the spellings
//! that real Indian and international records use (`O+`, `o neg`, `AB-Ve`, `O Rh positive`,
//! `AB RhD negative`, `Oh+`, `Bombay`, ...) and refuses anything else with
//! [`RaktError::InvalidBloodGroup`] quoting the input. Display is canonical: `O+`, `AB-`, `Oh+`.
//!
//! Sources: `research/blood.md` §1.1 (ABO), §1.9 (Bombay), §1.10 (A2 and weak D).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{RaktError, Result};

/// The ABO group, with the Bombay phenotype (Oh, `hh`) as a fifth value.
///
/// Bombay red cells lack the H, A and B antigens and Bombay plasma carries anti-H, anti-A and
/// anti-B; routine forward typing reads Bombay as O, so it must be recorded explicitly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Abo {
    /// Group O: no A or B antigen; anti-A and anti-B in plasma.
    O,
    /// Group A: A antigen; anti-B in plasma.
    A,
    /// Group B: B antigen; anti-A in plasma.
    B,
    /// Group AB: A and B antigens; no anti-A or anti-B.
    AB,
    /// Bombay phenotype (Oh): no H, A or B antigen; anti-H, anti-A and anti-B in plasma.
    Oh,
}

impl Abo {
    /// All five values, in canonical order.
    pub const ALL: [Abo; 5] = [Abo::O, Abo::A, Abo::B, Abo::AB, Abo::Oh];

    /// Canonical text: `O`, `A`, `B`, `AB`, `Oh`.
    pub fn as_str(self) -> &'static str {
        match self {
            Abo::O => "O",
            Abo::A => "A",
            Abo::B => "B",
            Abo::AB => "AB",
            Abo::Oh => "Oh",
        }
    }

    /// Parse the canonical text (`O`, `A`, `B`, `AB`, `Oh`; case-insensitive).
    ///
    /// ```
    /// assert_eq!(rakt::Abo::parse("ab")?, rakt::Abo::AB);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(text: &str) -> Result<Abo> {
        match text.trim().to_ascii_uppercase().as_str() {
            "O" => Ok(Abo::O),
            "A" => Ok(Abo::A),
            "B" => Ok(Abo::B),
            "AB" => Ok(Abo::AB),
            "OH" | "BOMBAY" => Ok(Abo::Oh),
            _ => Err(RaktError::input(
                "abo",
                format!("{text:?} is not an ABO group (expected O, A, B, AB or Oh)"),
            )),
        }
    }

    /// Whether the red cells carry the A antigen.
    pub fn has_a_antigen(self) -> bool {
        matches!(self, Abo::A | Abo::AB)
    }

    /// Whether the red cells carry the B antigen.
    pub fn has_b_antigen(self) -> bool {
        matches!(self, Abo::B | Abo::AB)
    }

    /// Whether the plasma carries anti-A.
    pub fn has_anti_a(self) -> bool {
        matches!(self, Abo::O | Abo::B | Abo::Oh)
    }

    /// Whether the plasma carries anti-B.
    pub fn has_anti_b(self) -> bool {
        matches!(self, Abo::O | Abo::A | Abo::Oh)
    }
}

impl fmt::Display for Abo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

crate::macros::code_fact!(Abo);

/// The RhD type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RhD {
    /// RhD positive.
    Positive,
    /// RhD negative.
    Negative,
}

impl RhD {
    /// `+` or `-`.
    pub fn sign(self) -> &'static str {
        match self {
            RhD::Positive => "+",
            RhD::Negative => "-",
        }
    }
}

/// An A subgroup, recorded for groups A and AB only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ASubgroup {
    /// A1 (A1 or A1B).
    A1,
    /// A2 (A2 or A2B): weak A antigen; A2 platelets are preferred for O and B recipients.
    A2,
}

/// A blood group: ABO (or Bombay), RhD when known, and optional phenotype details.
///
/// ```
/// use rakt::{Abo, BloodGroup, RhD};
/// let g = BloodGroup::parse("AB-Ve")?;
/// assert_eq!(g.abo(), Abo::AB);
/// assert_eq!(g.rhd(), Some(RhD::Negative));
/// assert_eq!(g.to_string(), "AB-");
/// assert_eq!(BloodGroup::parse("Bombay")?.to_string(), "Oh");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BloodGroup {
    abo: Abo,
    rhd: Option<RhD>,
    a_subgroup: Option<ASubgroup>,
    weak_d: bool,
}

impl BloodGroup {
    /// The ten fully specified groups, in canonical order: O-, O+, A-, A+, B-, B+, AB-, AB+, Oh-,
    /// Oh+.
    pub const STANDARD: [BloodGroup; 10] = [
        BloodGroup::new(Abo::O, RhD::Negative),
        BloodGroup::new(Abo::O, RhD::Positive),
        BloodGroup::new(Abo::A, RhD::Negative),
        BloodGroup::new(Abo::A, RhD::Positive),
        BloodGroup::new(Abo::B, RhD::Negative),
        BloodGroup::new(Abo::B, RhD::Positive),
        BloodGroup::new(Abo::AB, RhD::Negative),
        BloodGroup::new(Abo::AB, RhD::Positive),
        BloodGroup::new(Abo::Oh, RhD::Negative),
        BloodGroup::new(Abo::Oh, RhD::Positive),
    ];

    /// A basic group with a known RhD type.
    pub const fn new(abo: Abo, rhd: RhD) -> BloodGroup {
        BloodGroup {
            abo,
            rhd: Some(rhd),
            a_subgroup: None,
            weak_d: false,
        }
    }

    /// A group whose RhD type was not determined (for example a record that says only
    /// `Bombay`). Compatibility rules treat an unknown recipient RhD as negative and never give
    /// a donor of unknown RhD to an RhD-negative recipient.
    pub const fn rhd_unknown(abo: Abo) -> BloodGroup {
        BloodGroup {
            abo,
            rhd: None,
            a_subgroup: None,
            weak_d: false,
        }
    }

    /// Record an A subgroup. Refused unless the group is A or AB.
    ///
    /// ```
    /// use rakt::{Abo, ASubgroup, BloodGroup, RhD};
    /// let g = BloodGroup::new(Abo::A, RhD::Positive).with_a_subgroup(ASubgroup::A2)?;
    /// assert_eq!(g.notation(), "A2+");
    /// assert!(BloodGroup::new(Abo::O, RhD::Positive).with_a_subgroup(ASubgroup::A2).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_a_subgroup(self, subgroup: ASubgroup) -> Result<BloodGroup> {
        if !matches!(self.abo, Abo::A | Abo::AB) {
            return Err(RaktError::InvalidBloodGroup {
                input: format!("{self} with subgroup {subgroup:?}"),
                reason: format!(
                    "an A subgroup applies only to groups A and AB, not {}",
                    self.abo
                ),
            });
        }
        Ok(BloodGroup {
            a_subgroup: Some(subgroup),
            ..self
        })
    }

    /// Record (or clear) a serological weak D result.
    pub fn with_weak_d(self, weak_d: bool) -> BloodGroup {
        BloodGroup { weak_d, ..self }
    }

    /// The ABO group (or Bombay).
    pub fn abo(&self) -> Abo {
        self.abo
    }

    /// The RhD type, `None` when not determined.
    pub fn rhd(&self) -> Option<RhD> {
        self.rhd
    }

    /// The A subgroup, when recorded.
    pub fn a_subgroup(&self) -> Option<ASubgroup> {
        self.a_subgroup
    }

    /// Whether a serological weak D was recorded.
    pub fn weak_d(&self) -> bool {
        self.weak_d
    }

    /// The basic group without phenotype details (subgroup, weak D).
    pub fn basic(&self) -> BloodGroup {
        BloodGroup {
            abo: self.abo,
            rhd: self.rhd,
            a_subgroup: None,
            weak_d: false,
        }
    }

    /// Full notation including phenotype details: `A2B+`, `O+ weak D`, `Oh`. [`BloodGroup::parse`]
    /// reads it back to an equal value; serde uses it.
    pub fn notation(&self) -> String {
        let mut out = String::new();
        match (self.abo, self.a_subgroup) {
            (Abo::A, Some(ASubgroup::A1)) => out.push_str("A1"),
            (Abo::A, Some(ASubgroup::A2)) => out.push_str("A2"),
            (Abo::AB, Some(ASubgroup::A1)) => out.push_str("A1B"),
            (Abo::AB, Some(ASubgroup::A2)) => out.push_str("A2B"),
            (abo, _) => out.push_str(abo.as_str()),
        }
        if let Some(rhd) = self.rhd {
            out.push_str(rhd.sign());
        }
        if self.weak_d {
            out.push_str(" weak D");
        }
        out
    }

    /// Parse a blood group as written in real records.
    ///
    /// Accepted, case-insensitively and with any spacing:
    /// - ABO: `O`, `A`, `B`, `AB`, `A1`, `A2`, `A1B`, `A2B`, `Oh`, `Bombay` (optionally followed by
    ///   `(Oh)`);
    /// - then optionally `Rh`, `RhD` or `Rh(D)`, and the RhD type as `+`, `-`, `+ve`, `-ve`, `pos`,
    ///   `neg`, `positive` or `negative` (`−` and `–` count as minus);
    /// - then optionally `weak D` or `Du` (also `Du+`/`Du pos`; `Du-`/`Du neg` record a negative
    ///   weak-D test, i.e. no weak D).
    ///
    /// With no RhD part the RhD type is unknown (`Bombay` → `Oh`). `Rh` without a sign, a sign
    /// without a group, and anything else are refused.
    ///
    /// ```
    /// use rakt::BloodGroup;
    /// for text in ["O+", "O POS", "O Rh positive", "O+ve", "o pos"] {
    ///     assert_eq!(BloodGroup::parse(text)?.to_string(), "O+");
    /// }
    /// assert_eq!(BloodGroup::parse("AB RhD negative")?.to_string(), "AB-");
    /// assert!(BloodGroup::parse("O Rh").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(text: &str) -> Result<BloodGroup> {
        // The common case, a basic group written as rakt writes it (`O+`, `AB-`, `Oh+`), needs
        // no normalising; the general reader below gives the same group for it.
        let basic = |abo: Abo, sign: u8| match sign {
            b'+' => Some(BloodGroup::new(abo, RhD::Positive)),
            b'-' => Some(BloodGroup::new(abo, RhD::Negative)),
            _ => None,
        };
        let quick = match text.as_bytes() {
            [b'O', s] => basic(Abo::O, *s),
            [b'A', s] => basic(Abo::A, *s),
            [b'B', s] => basic(Abo::B, *s),
            [b'A', b'B', s] => basic(Abo::AB, *s),
            [b'O', b'h', s] => basic(Abo::Oh, *s),
            _ => None,
        };
        if let Some(group) = quick {
            return Ok(group);
        }
        let fail = |reason: &str| RaktError::InvalidBloodGroup {
            input: text.to_string(),
            reason: reason.to_string(),
        };
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '(' && *c != ')')
            .map(|c| match c {
                '\u{2212}' | '\u{2013}' | '\u{2010}' | '\u{2011}' => '-',
                '\u{FF0B}' => '+',
                other => other,
            })
            .collect::<String>()
            .to_uppercase();
        if compact.is_empty() {
            return Err(fail("empty; expected a group such as O+, A-, AB+ or Oh+"));
        }
        const ABO_PREFIXES: [(&str, Abo, Option<ASubgroup>); 10] = [
            ("BOMBAY", Abo::Oh, None),
            ("A1B", Abo::AB, Some(ASubgroup::A1)),
            ("A2B", Abo::AB, Some(ASubgroup::A2)),
            ("AB", Abo::AB, None),
            ("A1", Abo::A, Some(ASubgroup::A1)),
            ("A2", Abo::A, Some(ASubgroup::A2)),
            ("OH", Abo::Oh, None),
            ("A", Abo::A, None),
            ("B", Abo::B, None),
            ("O", Abo::O, None),
        ];
        let Some((prefix, abo, a_subgroup)) =
            ABO_PREFIXES.iter().find(|(p, _, _)| compact.starts_with(p))
        else {
            return Err(fail(
                "does not start with an ABO group (O, A, B, AB, A1, A2, A1B, A2B, Oh or Bombay)",
            ));
        };
        let mut rest = compact.get(prefix.len()..).unwrap_or("");
        if *prefix == "BOMBAY" {
            rest = rest.strip_prefix("OH").unwrap_or(rest);
        }

        // Weak D suffix, if any.
        let mut weak_d = false;
        const WEAK_SUFFIXES: [(&str, bool); 12] = [
            ("WEAKDPOSITIVE", true),
            ("WEAKDNEGATIVE", false),
            ("WEAKDPOS", true),
            ("WEAKDNEG", false),
            ("WEAKD+", true),
            ("WEAKD-", false),
            ("WEAKD", true),
            ("DUPOSITIVE", true),
            ("DUNEGATIVE", false),
            ("DUPOS", true),
            ("DUNEG", false),
            ("DU", true),
        ];
        const DU_SIGNED: [(&str, bool); 2] = [("DU+", true), ("DU-", false)];
        if let Some((suffix, value)) = WEAK_SUFFIXES
            .iter()
            .chain(DU_SIGNED.iter())
            .find(|(s, _)| rest.ends_with(s))
        {
            weak_d = *value;
            rest = rest.get(..rest.len() - suffix.len()).unwrap_or("");
        }

        // Optional Rh / RhD word.
        let mut said_rh = false;
        for word in ["RHD", "RH"] {
            if let Some(r) = rest.strip_prefix(word) {
                rest = r;
                said_rh = true;
                break;
            }
        }
        let rhd = match rest {
            "" if said_rh => {
                return Err(fail("says Rh but not whether positive or negative"));
            }
            "" => None,
            "+" | "+VE" | "VE+" | "POS" | "POSITIVE" => Some(RhD::Positive),
            "-" | "-VE" | "VE-" | "NEG" | "NEGATIVE" => Some(RhD::Negative),
            _ => {
                return Err(fail(
                    "the RhD part is not one of +, -, +ve, -ve, pos, neg, positive, negative \
                     (optionally after Rh or RhD), optionally followed by weak D",
                ));
            }
        };
        Ok(BloodGroup {
            abo: *abo,
            rhd,
            a_subgroup: *a_subgroup,
            weak_d,
        })
    }
}

impl fmt::Display for BloodGroup {
    /// The canonical basic group: `O+`, `AB-`, `Oh+`, or `Oh` when RhD is unknown. The alternate
    /// form (`{:#}`) prints the full [`BloodGroup::notation`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            return f.write_str(&self.notation());
        }
        f.write_str(self.abo.as_str())?;
        if let Some(rhd) = self.rhd {
            f.write_str(rhd.sign())?;
        }
        Ok(())
    }
}

impl FromStr for BloodGroup {
    type Err = RaktError;
    fn from_str(s: &str) -> Result<Self> {
        BloodGroup::parse(s)
    }
}

impl Serialize for BloodGroup {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.notation())
    }
}

impl<'de> Deserialize<'de> for BloodGroup {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        BloodGroup::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str) -> BloodGroup {
        BloodGroup::parse(text).unwrap()
    }

    #[test]
    fn a_basic_group_as_rakt_writes_it_is_read_as_the_general_reader_reads_it() {
        for group in BloodGroup::STANDARD {
            let text = group.to_string();
            // The padded text goes through the general reader.
            assert_eq!(g(&text), g(&format!(" {text} ")), "{text}");
            assert_eq!(g(&text), group);
        }
        assert_eq!(g("AB-").notation(), g("ab neg").notation());
        for near in ["O*", "C+", "AB", "ABB+", "Oh", "OH+"] {
            assert_eq!(
                BloodGroup::parse(near).ok(),
                BloodGroup::parse(&format!(" {near}")).ok(),
                "{near}"
            );
        }
    }

    #[test]
    fn accepts_spellings_from_real_records() {
        let cases = [
            ("O+", "O+"),
            ("O-", "O-"),
            ("O POS", "O+"),
            ("o neg", "O-"),
            ("O Rh positive", "O+"),
            ("O+ve", "O+"),
            ("AB-Ve", "AB-"),
            ("A+Ve", "A+"),
            ("AB RhD negative", "AB-"),
            ("Oh+", "Oh+"),
            ("Bombay", "Oh"),
            ("Bombay (Oh) Rh negative", "Oh-"),
            ("B Rh(D) Positive", "B+"),
            ("A \u{2212}", "A-"),
            ("  ab  +  ", "AB+"),
            ("O", "O"),
        ];
        for (text, want) in cases {
            assert_eq!(g(text).to_string(), want, "parsing {text:?}");
        }
    }

    #[test]
    fn subgroups_and_weak_d_are_details_of_the_basic_group() {
        let a2b = g("A2B+");
        assert_eq!(a2b.abo(), Abo::AB);
        assert_eq!(a2b.a_subgroup(), Some(ASubgroup::A2));
        assert_eq!(a2b.to_string(), "AB+");
        assert_eq!(a2b.notation(), "A2B+");
        assert_eq!(format!("{a2b:#}"), "A2B+");
        let weak = g("O pos weak D");
        assert!(weak.weak_d());
        assert_eq!(weak.to_string(), "O+");
        assert_eq!(weak.notation(), "O+ weak D");
        assert!(g("O- Du").weak_d());
        assert!(!g("O- Du negative").weak_d());
        assert_eq!(weak.basic(), g("O+"));
    }

    #[test]
    fn refuses_everything_else_quoting_the_input() {
        for text in [
            "",
            "   ",
            "C+",
            "+",
            "O Rh",
            "A++",
            "AB+-",
            "O pos neg",
            "0+",
            "Rh+ O",
            "ABO",
            "A B C",
            "O positve",
            "O+ weak",
        ] {
            let err = BloodGroup::parse(text).unwrap_err();
            assert_eq!(err.kind(), "InvalidBloodGroup", "{text:?}");
            assert!(
                err.to_string().contains(&format!("{text:?}")),
                "error for {text:?} should quote it: {err}"
            );
        }
    }

    #[test]
    fn notation_round_trips_for_every_form() {
        let mut all = Vec::new();
        for abo in Abo::ALL {
            for rhd in [None, Some(RhD::Positive), Some(RhD::Negative)] {
                for weak in [false, true] {
                    let base = BloodGroup {
                        abo,
                        rhd,
                        a_subgroup: None,
                        weak_d: weak,
                    };
                    all.push(base);
                    for sub in [ASubgroup::A1, ASubgroup::A2] {
                        if let Ok(s) = base.with_a_subgroup(sub) {
                            all.push(s);
                        }
                    }
                }
            }
        }
        assert_eq!(all.len(), 5 * 3 * 2 + 2 * 3 * 2 * 2);
        for group in all {
            assert_eq!(g(&group.notation()), group);
            let json = serde_json::to_string(&group).unwrap();
            assert_eq!(serde_json::from_str::<BloodGroup>(&json).unwrap(), group);
        }
    }

    #[test]
    fn antigens_and_antibodies() {
        assert!(Abo::AB.has_a_antigen() && Abo::AB.has_b_antigen());
        assert!(!Abo::Oh.has_a_antigen() && !Abo::Oh.has_b_antigen());
        assert!(Abo::Oh.has_anti_a() && Abo::Oh.has_anti_b());
        assert!(!Abo::AB.has_anti_a() && !Abo::AB.has_anti_b());
        assert!(Abo::A.has_anti_b() && !Abo::A.has_anti_a());
    }
}
