//! ST-001 Table 2 \[RT003\], the index of data structures: each structure's number, data
//! identifier, name and data content, element by element with the characters each element may
//! hold (ST-001 v6.2.2 §2.4.1–§2.4.40 and §2.5, read from the standard's text as transcribed in
//! pdesiatnyk/ISBT128 `documents/iccbba.md`).
//!
//! The structures rakt decodes into values of their own (001–009, 023, 026, 031, 038) have
//! their own readers; the others are split and checked here.

use crate::error::{RaktError, Result};

/// What one character of an element may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// `0`–`9`.
    Digit,
    /// `1`–`9`.
    NonZero,
    /// `A`–`Z`, `0`–`9`.
    Upper,
    /// `A`–`Z`, `a`–`z`, `0`–`9`.
    Alnum,
    /// `A`–`N`, `P`–`Z`, `1`–`9`: the first character of a facility identification number.
    FinFirst,
    /// `A`–`N`, `P`–`Z`, `0`–`9`.
    FinAlnum,
    /// Exactly this character.
    Exact(char),
}

impl Class {
    fn allows(self, c: char) -> bool {
        match self {
            Class::Digit => c.is_ascii_digit(),
            Class::NonZero => matches!(c, '1'..='9'),
            Class::Upper => c.is_ascii_uppercase() || c.is_ascii_digit(),
            Class::Alnum => c.is_ascii_alphanumeric(),
            Class::FinFirst => (c.is_ascii_uppercase() && c != 'O') || matches!(c, '1'..='9'),
            Class::FinAlnum => (c.is_ascii_uppercase() && c != 'O') || c.is_ascii_digit(),
            Class::Exact(e) => c == e,
        }
    }

    fn describe(self) -> String {
        match self {
            Class::Digit => "a digit".into(),
            Class::NonZero => "a digit 1-9".into(),
            Class::Upper => "an upper-case letter or a digit".into(),
            Class::Alnum => "a letter or a digit".into(),
            Class::FinFirst => "A-N, P-Z or 1-9".into(),
            Class::FinAlnum => "A-N, P-Z or 0-9".into(),
            Class::Exact(e) => format!("'{e}'"),
        }
    }
}

/// One element of a structure's data content.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Element {
    /// snake_case name, used for the element in [`super::DataStructure::fields`] and in errors.
    pub name: &'static str,
    /// Number of characters.
    pub len: usize,
    /// The class of every character, or of each character in turn when there are `len` of
    /// them.
    pub classes: &'static [Class],
}

impl Element {
    fn class_at(&self, i: usize) -> Class {
        match self.classes {
            [one] => *one,
            many => many.get(i).copied().unwrap_or(Class::Digit),
        }
    }
}

const fn el(name: &'static str, len: usize, classes: &'static [Class]) -> Element {
    Element { name, len, classes }
}

use Class::{Alnum, Digit, Exact, FinAlnum, FinFirst, NonZero, Upper};

const D: &[Class] = &[Digit];
const U: &[Class] = &[Upper];
const A: &[Class] = &[Alnum];
/// A facility identification number, `αpppp`: the first two `p` may become letters.
const FIN: &[Class] = &[FinFirst, FinAlnum, FinAlnum, Digit, Digit];

/// How a structure's data content is laid out.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Layout {
    /// A structure with a reader of its own, `len` characters of data.
    Decoded(usize),
    /// Fixed elements.
    Fixed(&'static [Element]),
    /// A count of `count` digits, then that many repeats of `segment` (029, 030).
    Repeated {
        count: Element,
        segment: &'static [Element],
    },
    /// 025: a location, a two-digit length, then that many letters and digits.
    Patient,
    /// Defined nationally, regionally or by a facility (ST-001 §2.5): its length is not known
    /// to ISBT 128, so it runs to the end of the scan.
    National,
}

/// One row of Table 2.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spec {
    /// The structure's number, `001`–`040`; empty for the nationally defined ones.
    pub number: &'static str,
    /// The data identifier (empty for the DIN, whose second character is data).
    pub identifier: &'static str,
    /// The structure's name, lower case as in running text.
    pub name: &'static str,
    /// Retired by ICCBBA, kept for backward compatibility.
    pub retired: bool,
    /// Its data content.
    pub layout: Layout,
}

const fn spec(
    number: &'static str,
    identifier: &'static str,
    name: &'static str,
    layout: Layout,
) -> Spec {
    Spec {
        number,
        identifier,
        name,
        retired: false,
        layout,
    }
}

const fn retired(
    number: &'static str,
    identifier: &'static str,
    name: &'static str,
    layout: Layout,
) -> Spec {
    Spec {
        number,
        identifier,
        name,
        retired: true,
        layout,
    }
}

/// The DIN (001): `=` then the data, whose first character is the second identifier character.
pub(crate) const DIN: Spec = spec(
    "001",
    "",
    "donation identification number",
    Layout::Decoded(15),
);

/// Table 2, every structure but the DIN. Three-character identifiers come before the
/// two-character ones they start with.
pub(crate) const TABLE: &[Spec] = &[
    spec("002", "=%", "blood groups", Layout::Decoded(4)),
    spec("003", "=<", "product code", Layout::Decoded(8)),
    spec("004", "=>", "expiration date", Layout::Decoded(6)),
    spec("005", "&>", "expiration date and time", Layout::Decoded(10)),
    spec("006", "=*", "collection date", Layout::Decoded(6)),
    spec("007", "&*", "collection date and time", Layout::Decoded(10)),
    spec("008", "=}", "production date", Layout::Decoded(6)),
    spec("009", "&}", "production date and time", Layout::Decoded(10)),
    spec(
        "010",
        "&(",
        "special testing: general",
        Layout::Fixed(&[el("special_testing", 5, U)]),
    ),
    retired(
        "011",
        "={",
        "special testing: red blood cell antigens",
        Layout::Fixed(&[el("antigens", 16, D), el("antigen_found_negative", 2, D)]),
    ),
    spec(
        "012",
        "=\\",
        "special testing: red blood cell antigens - general",
        Layout::Fixed(&[el("antigens", 16, D), el("antigen_found_negative", 2, D)]),
    ),
    spec(
        "013",
        "&\\",
        "special testing: red blood cell antigens - Finnish",
        Layout::Fixed(&[el("antigens", 16, D), el("antigen_found_negative", 2, D)]),
    ),
    spec(
        "014",
        "&{",
        "special testing: platelet HLA and platelet specific antigens",
        Layout::Fixed(&[
            el("hla_a", 4, D),
            el("hla_b", 4, D),
            el("platelet_antigens", 8, D),
            el("reserved", 1, D),
            el("anti_a_b", 1, D),
        ]),
    ),
    retired(
        "015",
        "=[",
        "special testing: HLA-A and -B alleles",
        Layout::Fixed(&[
            el("hla_a_first", 4, D),
            el("hla_a_second", 4, D),
            el("hla_b_first", 4, D),
            el("hla_b_second", 4, D),
            el("cmv_antibody", 1, D),
            el("reserved", 1, D),
        ]),
    ),
    retired(
        "016",
        "=\"",
        "special testing: HLA-DRB1 alleles",
        Layout::Fixed(&[
            el("hla_drb1_first", 4, D),
            el("hla_drb1_second", 4, D),
            el("reserved", 10, D),
        ]),
    ),
    spec(
        "017",
        "=)",
        "container manufacturer and catalog number",
        Layout::Fixed(&[
            el("container", 1, A),
            el("manufacturer", 2, U),
            el("catalog_number", 7, A),
        ]),
    ),
    spec(
        "018",
        "&)",
        "container lot number",
        Layout::Fixed(&[el("lot_number", 10, A)]),
    ),
    spec(
        "019",
        "=;",
        "donor identification number",
        Layout::Fixed(&[el("facility", 5, FIN), el("donor_number", 16, D)]),
    ),
    spec(
        "020",
        "='",
        "staff member identification number",
        Layout::Fixed(&[el("facility", 5, FIN), el("staff_number", 6, U)]),
    ),
    spec(
        "021",
        "=-",
        "manufacturer and catalog number: items other than containers",
        Layout::Fixed(&[el("manufacturer", 2, U), el("catalog_number", 8, A)]),
    ),
    spec(
        "022",
        "&-",
        "lot number: items other than containers",
        Layout::Fixed(&[el("lot_number", 10, A)]),
    ),
    spec("023", "=+", "compound message", Layout::Decoded(5)),
    spec(
        "024",
        "=#",
        "patient date of birth",
        Layout::Fixed(&[
            el("location", 2, D),
            el("year", 4, D),
            el("month", 2, D),
            el("day", 2, D),
        ]),
    ),
    spec(
        "025",
        "&#",
        "patient identification number",
        Layout::Patient,
    ),
    spec("026", "=]", "expiration month and year", Layout::Decoded(6)),
    spec(
        "027",
        "&\"",
        "transfusion transmitted infection marker",
        Layout::Fixed(&[el("markers", 18, D)]),
    ),
    spec(
        "028",
        "=$",
        "product consignment",
        Layout::Fixed(&[
            el("facility", 5, FIN),
            el("year", 2, D),
            el("serial_number", 5, D),
            el("container", 2, D),
            el("containers", 2, D),
        ]),
    ),
    spec(
        "029",
        "&$",
        "dimensions",
        Layout::Repeated {
            count: el("count", 2, D),
            segment: &[
                el("symbol", 2, D),
                el("dimension", 4, D),
                el("value", 5, D),
                el("decimals", 1, D),
                el("reserved", 2, D),
            ],
        },
    ),
    spec(
        "030",
        "&%",
        "red cell antigens with test history",
        Layout::Repeated {
            count: el("count", 3, D),
            segment: &[el("antigen", 6, D), el("result", 2, D), el("tests", 2, D)],
        },
    ),
    spec("031", "=(", "flexible date and time", Layout::Decoded(16)),
    spec(
        "032",
        "=,",
        "product divisions",
        Layout::Fixed(&[el("divisions", 6, U)]),
    ),
    spec(
        "033",
        "&+",
        "processing facility information code",
        Layout::Fixed(&[
            el("facility", 5, &[FinAlnum]),
            el("facility_product_code", 6, U),
        ]),
    ),
    spec(
        "034",
        "=/",
        "processor product identification code",
        Layout::Fixed(&[
            el("facility", 5, &[FinAlnum]),
            el("facility_product_code", 6, U),
            el("product_description_code", 5, U),
        ]),
    ),
    spec(
        "035",
        "&,1",
        "MPHO lot number",
        Layout::Fixed(&[el("lot_number", 18, U)]),
    ),
    spec(
        "036",
        "&,2",
        "MPHO supplemental identification number",
        Layout::Fixed(&[el("supplemental_number", 18, U)]),
    ),
    retired(
        "037",
        "&,3",
        "global registration identifier for donors (retired)",
        Layout::Fixed(&[
            el("issuing_organization", 4, &[NonZero, Digit, Digit, Digit]),
            el("donor", 15, U),
        ]),
    ),
    spec("038", "&,4", "single European code", Layout::Decoded(40)),
    spec(
        "039",
        "&:",
        "global registration identifier for donors",
        Layout::Fixed(&[
            el("issuing_organization", 4, &[NonZero, Digit, Digit, Digit]),
            el("registration_donor_identifier", 13, U),
            el("checksum", 2, D),
        ]),
    ),
    spec(
        "040",
        "&/",
        "chain of identity identifier",
        Layout::Fixed(&[
            el("literal", 2, &[Exact('C'), Exact('H')]),
            el("facility", 5, FIN),
            el("year", 2, D),
            el("sequence", 6, U),
        ]),
    ),
    spec(
        "",
        "&;",
        "nationally specified donor identification number",
        Layout::National,
    ),
    spec(
        "",
        "&!",
        "confidential unit exclusion status",
        Layout::National,
    ),
];

/// The row of Table 2 whose data identifier starts `rest`, if any.
pub(crate) fn find(rest: &str) -> Option<&'static Spec> {
    let bytes = rest.as_bytes();
    match bytes {
        [b'=', c, ..] if c.is_ascii_alphanumeric() => Some(&DIN),
        [b'&', c, ..] if c.is_ascii_lowercase() => Some(&NATIONAL),
        _ => TABLE.iter().find(|s| rest.starts_with(s.identifier)),
    }
}

/// `&a`–`&z` (ST-001 §2.5.1).
const NATIONAL: Spec = spec("", "&", "structure not defined by ICCBBA", Layout::National);

impl Spec {
    /// The data identifier as scanned at the start of `piece` (two or three characters; for a
    /// nationally defined `&a`–`&z` the letter is included).
    pub(crate) fn identifier_of<'a>(&self, piece: &'a str) -> &'a str {
        let n = match (self.layout, self.identifier.len()) {
            (Layout::National, 1) | (_, 0) => 2,
            (_, n) => n,
        };
        piece.get(..n).unwrap_or(piece)
    }

    /// The length of the structure at the start of `rest` (identifier included), or why it
    /// cannot be known yet: the scan ends before its count, or the count is not digits.
    pub(crate) fn length(&self, rest: &str) -> std::result::Result<usize, (usize, String)> {
        let id = self.identifier_of(rest).len();
        let data = match self.layout {
            Layout::Decoded(n) => n - if self.identifier.is_empty() { 1 } else { 0 },
            Layout::Fixed(elements) => elements.iter().map(|e| e.len).sum(),
            Layout::Repeated { count, segment } => {
                let n = self.count_at(rest, id, count.len)?;
                count.len + n * segment.iter().map(|e| e.len).sum::<usize>()
            }
            Layout::Patient => 4 + self.count_at(rest, id + 2, 2)?,
            Layout::National => rest.len() - id,
        };
        Ok(id + data)
    }

    /// The number written in `len` digits at byte `at` of `rest`.
    fn count_at(
        &self,
        rest: &str,
        at: usize,
        len: usize,
    ) -> std::result::Result<usize, (usize, String)> {
        let digits = rest.get(at..at + len).ok_or_else(|| {
            (
                rest.len(),
                format!(
                    "{} ({}): the scan ends before its count",
                    self.name, self.number
                ),
            )
        })?;
        match digits.chars().position(|c| !c.is_ascii_digit()) {
            Some(i) => Err((
                at + i,
                format!("{} ({}): the count must be digits", self.name, self.number),
            )),
            None => digits.parse().map_err(|_| {
                (
                    at,
                    format!("{} ({}): the count must be digits", self.name, self.number),
                )
            }),
        }
    }

    /// The elements of the data after the identifier, in order (repeated segments numbered
    /// from 1, `symbol_1`, `symbol_2`...). Empty for the structures with readers of their own
    /// and the national ones.
    pub(crate) fn elements(&self, data: &str) -> Vec<(String, usize, Element)> {
        let mut out = Vec::new();
        let mut at = 0;
        let mut push = |name: String, e: Element, out: &mut Vec<(String, usize, Element)>| {
            out.push((name, at, e));
            at += e.len;
        };
        match self.layout {
            Layout::Fixed(elements) => {
                for e in elements {
                    push(e.name.to_string(), *e, &mut out);
                }
            }
            Layout::Repeated { count, segment } => {
                let n: usize = data
                    .get(..count.len)
                    .and_then(|d| d.parse().ok())
                    .unwrap_or(0);
                push(count.name.to_string(), count, &mut out);
                for i in 1..=n {
                    for e in segment {
                        push(format!("{}_{i}", e.name), *e, &mut out);
                    }
                }
            }
            Layout::Patient => {
                let n = data.get(2..4).and_then(|d| d.parse().ok()).unwrap_or(0);
                push("location".into(), el("location", 2, D), &mut out);
                push("length".into(), el("length", 2, D), &mut out);
                push("patient_id".into(), el("patient_id", n, A), &mut out);
            }
            Layout::Decoded(_) | Layout::National => {}
        }
        out
    }

    /// Checks every character of `piece` (identifier and data, of the length [`Spec::length`]
    /// gave) against its element; the error's position is 1-based in `piece`.
    pub(crate) fn check(&self, piece: &str) -> Result<Vec<(String, String)>> {
        let id = self.identifier_of(piece).len();
        let data = piece.get(id..).unwrap_or_default();
        let structure = format!("ISBT 128 {} ({})", self.name, self.number);
        let mut fields = Vec::new();
        for (name, at, e) in self.elements(data) {
            let value = data.get(at..at + e.len).unwrap_or_default();
            for (i, c) in value.chars().enumerate() {
                let class = e.class_at(i);
                if !class.allows(c) {
                    return Err(RaktError::code(
                        &structure,
                        piece,
                        id + at + i + 1,
                        format!(
                            "{} expected in the {}",
                            class.describe(),
                            name.replace('_', " ")
                        ),
                    ));
                }
            }
            fields.push((name, value.to_string()));
        }
        Ok(fields)
    }
}
