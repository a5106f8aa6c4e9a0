//! Blood Groups [ABO and RhD], ISBT 128 data structure 002 (ST-001 §2.4.2).
//!
//! Bar-code data `=%ggre`: `gg` is a group with its intended use (Table 4) or a special message
//! (Table 5); `r` is the Rh/Kell or Mia/Mur phenotype character (Table 6), `0` when none; `e` is
//! reserved and always `0`. Source: `research/blood.md` §5.3 and the special messages under
//! §4.4. The tables below are written out literally from ST-001 so that they can be checked
//! against it line by line.

use std::fmt;

use crate::blood_group::{ASubgroup, Abo, BloodGroup, RhD};
use crate::error::{RaktError, Result};
use crate::unit::{DonationType, UnitStatus};

const STRUCTURE: &str = "ISBT 128 blood group";

/// The ABO/H group of a Table 4 row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LabelGroup {
    /// Group O, A, B or AB (never `Abo::Oh`: Bombay is [`LabelGroup::Bombay`]).
    Abo(Abo),
    /// Bombay (Oh).
    Bombay,
    /// Para-Bombay, with the ABO group when the code gives one.
    ParaBombay(Option<Abo>),
}

impl LabelGroup {
    /// A stable name, for bindings and vectors: `O`, `A`, `B`, `AB`, `Oh` (Bombay),
    /// `para_bombay`, or `para_bombay_O` ... `para_bombay_AB`.
    pub fn name(self) -> String {
        match self {
            LabelGroup::Abo(abo) => abo.as_str().to_string(),
            LabelGroup::Bombay => "Oh".to_string(),
            LabelGroup::ParaBombay(None) => "para_bombay".to_string(),
            LabelGroup::ParaBombay(Some(abo)) => format!("para_bombay_{}", abo.as_str()),
        }
    }
}

/// The RhD type of a Table 4 row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LabelRhd {
    /// RhD negative.
    Negative,
    /// RhD positive.
    Positive,
    /// RhD not specified.
    Unspecified,
}

impl LabelRhd {
    /// `positive`, `negative` or `unspecified`.
    pub fn as_str(self) -> &'static str {
        match self {
            LabelRhd::Positive => "positive",
            LabelRhd::Negative => "negative",
            LabelRhd::Unspecified => "unspecified",
        }
    }
}

/// The intended use, the column of Table 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IntendedUse {
    /// Intended use not specified (the default column).
    Default,
    /// Directed (dedicated/designated) collection use only.
    DirectedOnly,
    /// For emergency use only.
    EmergencyOnly,
    /// Directed collection, biohazardous.
    DirectedBiohazard,
    /// Directed collection, eligible for crossover.
    DirectedCrossover,
    /// Autologous collection, eligible for crossover.
    AutologousCrossover,
    /// For autologous use only.
    AutologousOnly,
    /// For autologous use only, biohazardous.
    AutologousBiohazard,
}

impl IntendedUse {
    /// The eight columns of Table 4, in table order.
    pub const ALL: [IntendedUse; 8] = [
        IntendedUse::Default,
        IntendedUse::DirectedOnly,
        IntendedUse::EmergencyOnly,
        IntendedUse::DirectedBiohazard,
        IntendedUse::DirectedCrossover,
        IntendedUse::AutologousCrossover,
        IntendedUse::AutologousOnly,
        IntendedUse::AutologousBiohazard,
    ];

    /// The column of a stable name (`default`, `directed_only`, ...); another name is
    /// [`RaktError::InvalidInput`] on `intended_use`.
    pub fn parse(name: &str) -> Result<IntendedUse> {
        IntendedUse::ALL
            .into_iter()
            .find(|u| u.as_str() == name)
            .ok_or_else(|| {
                RaktError::input(
                    "intended_use",
                    format!("{name:?} is not a column of ISBT 128 Table 4"),
                )
            })
    }

    /// A stable snake_case name, for bindings and vectors.
    pub fn as_str(self) -> &'static str {
        match self {
            IntendedUse::Default => "default",
            IntendedUse::DirectedOnly => "directed_only",
            IntendedUse::EmergencyOnly => "emergency_only",
            IntendedUse::DirectedBiohazard => "directed_biohazard",
            IntendedUse::DirectedCrossover => "directed_crossover",
            IntendedUse::AutologousCrossover => "autologous_crossover",
            IntendedUse::AutologousOnly => "autologous_only",
            IntendedUse::AutologousBiohazard => "autologous_biohazard",
        }
    }

    /// The rakt donation type the column implies: directed or autologous; none for the default
    /// and emergency columns.
    pub fn donation_type(self) -> Option<DonationType> {
        match self {
            IntendedUse::DirectedOnly
            | IntendedUse::DirectedBiohazard
            | IntendedUse::DirectedCrossover => Some(DonationType::Directed),
            IntendedUse::AutologousCrossover
            | IntendedUse::AutologousOnly
            | IntendedUse::AutologousBiohazard => Some(DonationType::Autologous),
            IntendedUse::Default | IntendedUse::EmergencyOnly => None,
        }
    }

    /// The column written for a rakt donation type: voluntary and replacement units use the
    /// default column, directed units "directed collection use only", autologous units
    /// "autologous use only".
    pub fn for_donation_type(t: DonationType) -> IntendedUse {
        match t {
            DonationType::Voluntary | DonationType::Replacement => IntendedUse::Default,
            DonationType::Directed => IntendedUse::DirectedOnly,
            DonationType::Autologous => IntendedUse::AutologousOnly,
        }
    }
}

/// Table 4, one row per group: the codes in the column order of [`IntendedUse::ALL`].
const TABLE4: [(LabelGroup, LabelRhd, [&str; 8]); 20] = {
    use Abo::{A, AB, B, O};
    use LabelGroup::{Abo as G, Bombay, ParaBombay as Para};
    use LabelRhd::{Negative as Neg, Positive as Pos, Unspecified as Uns};
    [
        (G(O), Neg, ["95", "91", "92", "93", "94", "96", "97", "98"]),
        (G(O), Pos, ["51", "47", "48", "49", "50", "52", "53", "54"]),
        (G(A), Neg, ["06", "02", "03", "04", "05", "07", "08", "09"]),
        (G(A), Pos, ["62", "58", "59", "60", "61", "63", "64", "65"]),
        (G(B), Neg, ["17", "13", "14", "15", "16", "18", "19", "20"]),
        (G(B), Pos, ["73", "69", "70", "71", "72", "74", "75", "76"]),
        (G(AB), Neg, ["28", "24", "25", "26", "27", "29", "30", "31"]),
        (G(AB), Pos, ["84", "80", "81", "82", "83", "85", "86", "87"]),
        (G(O), Uns, ["55", "P2", "P3", "P4", "P5", "P7", "P8", "P9"]),
        (G(A), Uns, ["66", "A2", "A3", "A4", "A5", "A7", "A8", "A9"]),
        (G(B), Uns, ["77", "B2", "B3", "B4", "B5", "B7", "B8", "B9"]),
        (G(AB), Uns, ["88", "C2", "C3", "C4", "C5", "C7", "C8", "C9"]),
        (
            Para(None),
            Neg,
            ["D6", "D2", "D3", "D4", "D5", "D7", "D8", "D9"],
        ),
        (
            Para(None),
            Pos,
            ["E6", "E2", "E3", "E4", "E5", "E7", "E8", "E9"],
        ),
        (
            Bombay,
            Neg,
            ["G6", "G2", "G3", "G4", "G5", "G7", "G8", "G9"],
        ),
        (
            Bombay,
            Pos,
            ["H6", "H2", "H3", "H4", "H5", "H7", "H8", "H9"],
        ),
        (
            Para(Some(O)),
            Neg,
            ["I6", "I2", "I3", "I4", "I5", "I7", "I8", "I9"],
        ),
        (
            Para(Some(O)),
            Pos,
            ["J6", "J2", "J3", "J4", "J5", "J7", "J8", "J9"],
        ),
        (
            Para(Some(A)),
            Neg,
            ["K6", "K2", "K3", "K4", "K5", "K7", "K8", "K9"],
        ),
        (
            Para(Some(A)),
            Pos,
            ["N6", "N2", "N3", "N4", "N5", "N7", "N8", "N9"],
        ),
    ]
};

/// Table 4, the para-Bombay rows of groups B and AB (kept apart so that each row above reads
/// as one line of the standard).
const TABLE4_MORE: [(LabelGroup, LabelRhd, [&str; 8]); 4] = {
    use Abo::{AB, B};
    use LabelGroup::ParaBombay as Para;
    use LabelRhd::{Negative as Neg, Positive as Pos};
    [
        (
            Para(Some(B)),
            Neg,
            ["L6", "L2", "L3", "L4", "L5", "L7", "L8", "L9"],
        ),
        (
            Para(Some(B)),
            Pos,
            ["O6", "O2", "O3", "O4", "O5", "O7", "O8", "O9"],
        ),
        (
            Para(Some(AB)),
            Neg,
            ["M6", "M2", "M3", "M4", "M5", "M7", "M8", "M9"],
        ),
        (
            Para(Some(AB)),
            Pos,
            ["Q6", "Q2", "Q3", "Q4", "Q5", "Q7", "Q8", "Q9"],
        ),
    ]
};

fn table4() -> impl Iterator<Item = &'static (LabelGroup, LabelRhd, [&'static str; 8])> {
    TABLE4.iter().chain(TABLE4_MORE.iter())
}

/// The pooled and subgroup codes of Table 4 (default column only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PooledOrSubgroup {
    /// `A0`: group A, pooled RhD.
    APooledRhd,
    /// `B0`: group B, pooled RhD.
    BPooledRhd,
    /// `C0`: group AB, pooled RhD.
    AbPooledRhd,
    /// `D0`: group O, pooled RhD.
    OPooledRhd,
    /// `E0`: pooled ABO, RhD positive.
    PooledAboRhdPositive,
    /// `F0`: pooled ABO, RhD negative.
    PooledAboRhdNegative,
    /// `G0`: pooled ABO, pooled RhD.
    PooledAboPooledRhd,
    /// `H0`: pooled ABO, RhD not specified.
    PooledAboRhdUnspecified,
    /// `I0`: subgroup A1.
    A1,
    /// `J0`: subgroup A2.
    A2,
    /// `K0`: subgroup A1B.
    A1B,
    /// `L0`: subgroup A2B.
    A2B,
}

const POOLED: [(PooledOrSubgroup, &str, &str); 12] = {
    use PooledOrSubgroup as P;
    [
        (P::APooledRhd, "A0", "a_pooled_rhd"),
        (P::BPooledRhd, "B0", "b_pooled_rhd"),
        (P::AbPooledRhd, "C0", "ab_pooled_rhd"),
        (P::OPooledRhd, "D0", "o_pooled_rhd"),
        (P::PooledAboRhdPositive, "E0", "pooled_abo_rhd_positive"),
        (P::PooledAboRhdNegative, "F0", "pooled_abo_rhd_negative"),
        (P::PooledAboPooledRhd, "G0", "pooled_abo_pooled_rhd"),
        (
            P::PooledAboRhdUnspecified,
            "H0",
            "pooled_abo_rhd_unspecified",
        ),
        (P::A1, "I0", "a1"),
        (P::A2, "J0", "a2"),
        (P::A1B, "K0", "a1b"),
        (P::A2B, "L0", "a2b"),
    ]
};

/// The special messages of Table 5 that may stand in the blood-group position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SpecialMessage {
    /// `Mq`: quarantine, hold for further testing or processing.
    Quarantine,
    /// `Md`: discard, to be destroyed.
    Discard,
    /// `Mx`: not for transfusion, based on test results.
    NotForTransfusion,
    /// `Mb`: biohazardous.
    Biohazardous,
    /// `Mf`: for fractionation use only.
    FractionationOnly,
    /// `Mr`: for research use only.
    ResearchOnly,
    /// `Ma`: autologous collection.
    AutologousCollection,
    /// `00`: no ABO/Rh information.
    NoAboRhInformation,
    /// `T1`: ABO not specified, RhD positive (tissue products only).
    TissueRhdPositive,
    /// `T2`: ABO not specified, RhD negative (tissue products only).
    TissueRhdNegative,
    /// `T3`: ABO not specified, RhD not specified (tissue products only).
    TissueRhdNotSpecified,
    /// `T4`: autologous collection, in quarantine (tissue products only).
    TissueAutologousInQuarantine,
    /// `T5`: see the outer packaging for the product's status (tissue products only).
    TissueSeeOuterPackaging,
    /// `T6`: must be sterilised before release (tissue products only).
    TissueSterilizeBeforeRelease,
}

/// Table 5 [RT006]. The `T` codes are ST-001 v6.2.2's tissue-only messages ("shall be used only
/// with tissue products"), read from the standard's text as transcribed in the public
/// `pdesiatnyk/ISBT128` repository (`documents/iccbba.md`, Table 5).
const SPECIAL: [(SpecialMessage, &str, &str); 14] = {
    use SpecialMessage as S;
    [
        (S::Quarantine, "Mq", "quarantine"),
        (S::Discard, "Md", "discard"),
        (S::NotForTransfusion, "Mx", "not_for_transfusion"),
        (S::Biohazardous, "Mb", "biohazardous"),
        (S::FractionationOnly, "Mf", "fractionation_only"),
        (S::ResearchOnly, "Mr", "research_only"),
        (S::AutologousCollection, "Ma", "autologous_collection"),
        (S::NoAboRhInformation, "00", "no_abo_rh_information"),
        (S::TissueRhdPositive, "T1", "tissue_rhd_positive"),
        (S::TissueRhdNegative, "T2", "tissue_rhd_negative"),
        (S::TissueRhdNotSpecified, "T3", "tissue_rhd_not_specified"),
        (
            S::TissueAutologousInQuarantine,
            "T4",
            "tissue_autologous_in_quarantine",
        ),
        (
            S::TissueSeeOuterPackaging,
            "T5",
            "tissue_see_outer_packaging",
        ),
        (
            S::TissueSterilizeBeforeRelease,
            "T6",
            "tissue_sterilize_before_release",
        ),
    ]
};

impl SpecialMessage {
    /// The unit status a special message puts a unit in, where rakt has one: quarantine (and
    /// the tissue message "autologous collection, in quarantine") → `quarantined`; discard and
    /// not for transfusion → `discarded`. The others do not decide a status.
    pub fn implied_status(self) -> Option<UnitStatus> {
        match self {
            SpecialMessage::Quarantine | SpecialMessage::TissueAutologousInQuarantine => {
                Some(UnitStatus::Quarantined)
            }
            SpecialMessage::Discard | SpecialMessage::NotForTransfusion => {
                Some(UnitStatus::Discarded)
            }
            _ => None,
        }
    }

    /// A stable snake_case name, for bindings and vectors.
    pub fn as_str(self) -> &'static str {
        SPECIAL
            .iter()
            .find(|(m, _, _)| *m == self)
            .map_or("", |(_, _, name)| name)
    }
}

impl PooledOrSubgroup {
    /// A stable snake_case name, for bindings and vectors.
    pub fn as_str(self) -> &'static str {
        POOLED
            .iter()
            .find(|(p, _, _)| *p == self)
            .map_or("", |(_, _, name)| name)
    }
}

/// What the two group characters `gg` say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupCode {
    /// A group, its RhD type and the intended use (Table 4).
    Group {
        /// ABO, Bombay or para-Bombay.
        group: LabelGroup,
        /// RhD type.
        rhd: LabelRhd,
        /// The column of Table 4.
        intended_use: IntendedUse,
    },
    /// A pooled or subgroup code (Table 4, default column).
    PooledOrSubgroup(PooledOrSubgroup),
    /// A special message (Table 5).
    Special(SpecialMessage),
}

impl GroupCode {
    /// The two characters on the label, e.g. `51`; `None` for a group and RhD type that
    /// Table 4 has no row for (Bombay or para-Bombay with the RhD type not specified).
    pub fn code(&self) -> Option<&'static str> {
        match *self {
            GroupCode::Group {
                group,
                rhd,
                intended_use,
            } => {
                let col = IntendedUse::ALL.iter().position(|u| *u == intended_use)?;
                table4()
                    .find(|(g, r, _)| *g == group && *r == rhd)
                    .and_then(|(_, _, codes)| codes.get(col).copied())
            }
            GroupCode::PooledOrSubgroup(p) => POOLED
                .iter()
                .find(|(q, _, _)| *q == p)
                .map(|(_, code, _)| *code),
            GroupCode::Special(m) => SPECIAL
                .iter()
                .find(|(n, _, _)| *n == m)
                .map(|(_, code, _)| *code),
        }
    }

    /// The meaning of two characters, if they are a Table 4 or Table 5 code.
    pub fn decode(gg: &str) -> Option<GroupCode> {
        for (group, rhd, codes) in table4() {
            if let Some(col) = codes.iter().position(|c| *c == gg) {
                return IntendedUse::ALL
                    .get(col)
                    .map(|&intended_use| GroupCode::Group {
                        group: *group,
                        rhd: *rhd,
                        intended_use,
                    });
            }
        }
        if let Some((p, _, _)) = POOLED.iter().find(|(_, code, _)| *code == gg) {
            return Some(GroupCode::PooledOrSubgroup(*p));
        }
        SPECIAL
            .iter()
            .find(|(_, code, _)| *code == gg)
            .map(|(m, _, _)| GroupCode::Special(*m))
    }

    /// The code for a rakt blood group and intended use.
    ///
    /// The label carries the basic group: an A subgroup is not written (the subgroup codes
    /// `I0`–`L0` carry no RhD type), and a weak-D donor is written with the RhD type recorded
    /// in the group. A Bombay group of unknown RhD has no code and is refused.
    pub fn for_group(group: &BloodGroup, intended_use: IntendedUse) -> Result<GroupCode> {
        let rhd = match group.rhd() {
            Some(RhD::Positive) => LabelRhd::Positive,
            Some(RhD::Negative) => LabelRhd::Negative,
            None => LabelRhd::Unspecified,
        };
        let label_group = match group.abo() {
            Abo::Oh => LabelGroup::Bombay,
            abo => LabelGroup::Abo(abo),
        };
        let code = GroupCode::Group {
            group: label_group,
            rhd,
            intended_use,
        };
        match code.code() {
            Some(_) => Ok(code),
            None => Err(not_coded(&code)),
        }
    }

    /// The rakt blood group the code names, if it names one.
    ///
    /// Para-Bombay and pooled groups are not rakt blood groups (`None`); the subgroup codes
    /// give the A1 or A2 subgroup with the RhD type unknown; special messages give none.
    pub fn blood_group(&self) -> Option<BloodGroup> {
        match *self {
            GroupCode::Group { group, rhd, .. } => {
                let abo = match group {
                    LabelGroup::Abo(abo) => abo,
                    LabelGroup::Bombay => Abo::Oh,
                    LabelGroup::ParaBombay(_) => return None,
                };
                Some(match rhd {
                    LabelRhd::Positive => BloodGroup::new(abo, RhD::Positive),
                    LabelRhd::Negative => BloodGroup::new(abo, RhD::Negative),
                    LabelRhd::Unspecified => BloodGroup::rhd_unknown(abo),
                })
            }
            GroupCode::PooledOrSubgroup(p) => {
                let (abo, sub) = match p {
                    PooledOrSubgroup::A1 => (Abo::A, ASubgroup::A1),
                    PooledOrSubgroup::A2 => (Abo::A, ASubgroup::A2),
                    PooledOrSubgroup::A1B => (Abo::AB, ASubgroup::A1),
                    PooledOrSubgroup::A2B => (Abo::AB, ASubgroup::A2),
                    _ => return None,
                };
                BloodGroup::rhd_unknown(abo).with_a_subgroup(sub).ok()
            }
            GroupCode::Special(_) => None,
        }
    }

    /// The kind of code, for bindings and vectors: `group`, `pooled_or_subgroup` or `special`.
    pub fn kind(&self) -> &'static str {
        match self {
            GroupCode::Group { .. } => "group",
            GroupCode::PooledOrSubgroup(_) => "pooled_or_subgroup",
            GroupCode::Special(_) => "special",
        }
    }

    /// The intended use, for Table 4 group codes.
    pub fn intended_use(&self) -> Option<IntendedUse> {
        match *self {
            GroupCode::Group { intended_use, .. } => Some(intended_use),
            _ => None,
        }
    }

    /// The special message, for Table 5 codes.
    pub fn special_message(&self) -> Option<SpecialMessage> {
        match *self {
            GroupCode::Special(m) => Some(m),
            _ => None,
        }
    }
}

/// The Kell result in a Table 6 character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kell {
    /// No information.
    NoInformation,
    /// Kell negative.
    Negative,
    /// Kell positive.
    Positive,
}

impl Kell {
    /// A stable snake_case name, for bindings and vectors.
    pub fn as_str(self) -> &'static str {
        match self {
            Kell::NoInformation => "no_information",
            Kell::Negative => "negative",
            Kell::Positive => "positive",
        }
    }
}

/// The C, c, E and e antigens of a Table 6 row: `Some(true)` present, `Some(false)` absent,
/// `None` not tested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RhPhenotype {
    /// C.
    pub big_c: Option<bool>,
    /// c.
    pub small_c: Option<bool>,
    /// E.
    pub big_e: Option<bool>,
    /// e.
    pub small_e: Option<bool>,
}

const fn ph(
    big_c: Option<bool>,
    small_c: Option<bool>,
    big_e: Option<bool>,
    small_e: Option<bool>,
) -> RhPhenotype {
    RhPhenotype {
        big_c,
        small_c,
        big_e,
        small_e,
    }
}

/// Table 6 rows: the phenotype and its characters for Kell no information, negative and
/// positive.
const TABLE6: [(RhPhenotype, [char; 3]); 11] = {
    const N: Option<bool> = None;
    const P: Option<bool> = Some(true);
    const M: Option<bool> = Some(false);
    [
        (ph(N, N, N, N), ['0', 'S', 'T']),
        (ph(M, P, M, P), ['1', 'A', 'J']),
        (ph(P, P, M, P), ['2', 'B', 'K']),
        (ph(P, P, P, P), ['3', 'C', 'L']),
        (ph(P, P, P, M), ['4', 'D', 'M']),
        (ph(M, P, P, P), ['5', 'E', 'N']),
        (ph(M, P, P, M), ['6', 'F', 'O']),
        (ph(P, M, M, P), ['7', 'G', 'P']),
        (ph(P, M, P, P), ['8', 'H', 'Q']),
        (ph(P, M, P, M), ['9', 'I', 'R']),
        (ph(M, N, M, N), ['X', 'Y', 'Z']),
    ]
};

impl RhPhenotype {
    /// No information on any of the four antigens.
    pub const NONE: RhPhenotype = ph(None, None, None, None);

    /// The antigens as text, e.g. `C-c+E-e+` (`ni` for not tested), or `no_information`.
    pub fn notation(&self) -> String {
        if *self == RhPhenotype::NONE {
            return "no_information".to_string();
        }
        let one = |name: &str, v: Option<bool>| match v {
            Some(true) => format!("{name}+"),
            Some(false) => format!("{name}-"),
            None => format!("{name}(ni)"),
        };
        [
            one("C", self.big_c),
            one("c", self.small_c),
            one("E", self.big_e),
            one("e", self.small_e),
        ]
        .concat()
    }
}

/// The Rh/Kell or Mia/Mur phenotype character `r` (ST-001 Table 6), always one of the table's
/// characters.
///
/// ```
/// use rakt::isbt128::{Kell, RhKell};
/// let r = RhKell::from_char('J').ok_or("not a Table 6 character")?;
/// assert_eq!(r.rh().map(|p| p.notation()), Some("C-c+E-e+".to_string()));
/// assert_eq!(r.kell(), Some(Kell::Positive));
/// let rh = r.rh().ok_or("not a phenotype character")?;
/// assert_eq!(RhKell::phenotype(rh, Kell::Negative)?.as_char(), 'A');
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RhKell(char);

impl RhKell {
    /// No information (`0`).
    pub const NONE: RhKell = RhKell('0');

    /// The character for a phenotype row of Table 6 and a Kell result. Refused when the
    /// phenotype is not a row of the table.
    pub fn phenotype(rh: RhPhenotype, kell: Kell) -> Result<RhKell> {
        let col = match kell {
            Kell::NoInformation => 0,
            Kell::Negative => 1,
            Kell::Positive => 2,
        };
        TABLE6
            .iter()
            .find(|(p, _)| *p == rh)
            .and_then(|(_, chars)| chars.get(col).copied())
            .map(RhKell)
            .ok_or_else(|| {
                RaktError::not_applicable(
                    "ISBT128_PHENOTYPE_NOT_CODED",
                    format!("ISBT 128 Table 6 has no character for {}", rh.notation()),
                )
            })
    }

    /// `U` (Mia/Mur negative) or `V` (Mia/Mur positive).
    pub fn mia_mur(positive: bool) -> RhKell {
        RhKell(if positive { 'V' } else { 'U' })
    }

    /// `W`: a Special Testing bar code is present and must be scanned.
    pub const SEE_SPECIAL_TESTING: RhKell = RhKell('W');

    /// The meaning of a Table 6 character.
    pub fn from_char(c: char) -> Option<RhKell> {
        let known =
            matches!(c, 'U' | 'V' | 'W') || TABLE6.iter().any(|(_, chars)| chars.contains(&c));
        known.then_some(RhKell(c))
    }

    /// The character of a one-character text; anything else is [`RaktError::InvalidInput`]
    /// on `rh_kell`.
    pub fn parse(text: &str) -> Result<RhKell> {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => RhKell::from_char(c),
            _ => None,
        }
        .ok_or_else(|| {
            RaktError::input(
                "rh_kell",
                format!("{text:?} is not a character of ISBT 128 Table 6"),
            )
        })
    }

    /// The character on the label.
    pub fn as_char(self) -> char {
        self.0
    }

    fn row(self) -> Option<(RhPhenotype, usize)> {
        TABLE6
            .iter()
            .find_map(|(p, chars)| chars.iter().position(|x| *x == self.0).map(|col| (*p, col)))
    }

    /// The C c E e phenotype, for the phenotype characters.
    pub fn rh(self) -> Option<RhPhenotype> {
        self.row().map(|(p, _)| p)
    }

    /// The Kell result, for the phenotype characters.
    pub fn kell(self) -> Option<Kell> {
        self.row().map(|(_, col)| match col {
            0 => Kell::NoInformation,
            1 => Kell::Negative,
            _ => Kell::Positive,
        })
    }

    /// The Mia/Mur result, for `U` and `V`.
    pub fn mia_mur_positive(self) -> Option<bool> {
        match self.0 {
            'U' => Some(false),
            'V' => Some(true),
            _ => None,
        }
    }

    /// Whether a Special Testing bar code must be scanned (`W`).
    pub fn see_special_testing(self) -> bool {
        self.0 == 'W'
    }
}

/// A decoded blood-group data structure (002).
///
/// ```
/// use rakt::isbt128::{decode_blood_group, IntendedUse};
/// let g = decode_blood_group("=%5100")?;
/// assert_eq!(g.blood_group().map(|b| b.to_string()), Some("O+".to_string()));
/// assert_eq!(g.group_code().intended_use(), Some(IntendedUse::Default));
/// assert_eq!(g.encode(), "=%5100");
/// assert_eq!(decode_blood_group("5100")?, g);
/// # Ok::<(), rakt::RaktError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BloodGroupCode {
    group: GroupCode,
    gg: &'static str,
    rh_kell: RhKell,
}

fn not_coded(code: &GroupCode) -> RaktError {
    RaktError::not_applicable(
        "ISBT128_GROUP_NOT_CODED",
        format!("ISBT 128 Table 4 has no code for {code:?}"),
    )
}

impl BloodGroupCode {
    /// A blood-group data structure from its parts. Refused when Table 4 has no code for the
    /// group (Bombay or para-Bombay with the RhD type not specified).
    pub fn new(group: GroupCode, rh_kell: RhKell) -> Result<BloodGroupCode> {
        let gg = group.code().ok_or_else(|| not_coded(&group))?;
        Ok(BloodGroupCode { group, gg, rh_kell })
    }

    /// The group, intended use or special message.
    pub fn group_code(&self) -> GroupCode {
        self.group
    }
    /// The Rh/Kell or Mia/Mur phenotype.
    pub fn rh_kell(&self) -> RhKell {
        self.rh_kell
    }
    /// The rakt blood group, when the code names one (see [`GroupCode::blood_group`]).
    pub fn blood_group(&self) -> Option<BloodGroup> {
        self.group.blood_group()
    }
    /// The four data characters `ggre`, e.g. `5100`.
    pub fn data(&self) -> String {
        format!("{}{}0", self.gg, self.rh_kell.as_char())
    }
    /// The bar-code data with its data identifier, e.g. `=%5100`.
    pub fn encode(&self) -> String {
        format!("=%{}", self.data())
    }
}

impl fmt::Display for BloodGroupCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

/// Reads a blood-group data structure: the bar-code data `=%5100` or the four data
/// characters `5100`. Refusals are [`RaktError::InvalidCode`] naming the 1-based position in
/// `text`.
///
/// ```
/// use rakt::isbt128::{decode_blood_group, SpecialMessage};
/// let q = decode_blood_group("=%Mq00")?;
/// assert_eq!(q.group_code().special_message(), Some(SpecialMessage::Quarantine));
/// let err = decode_blood_group("=%5101").unwrap_err();
/// assert_eq!(err.to_string(), "invalid ISBT 128 blood group \"=%5101\" at position 6: the last character is reserved and must be 0");
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn decode_blood_group(text: &str) -> Result<BloodGroupCode> {
    let err = |pos: usize, reason: &str| RaktError::code(STRUCTURE, text, pos, reason);
    let (data, at) = super::fixed_data(STRUCTURE, text, "=%", 4, "group, Rh/Kell, reserved 0")?;
    let (gg, rest) = data.split_at(2);
    let group = GroupCode::decode(gg).ok_or_else(|| {
        err(
            at,
            &format!(
                "{gg:?} is not a group code of ST-001 Table 4 or a special message of Table 5"
            ),
        )
    })?;
    let mut rest = rest.chars();
    let r = rest.next().unwrap_or(' ');
    let rh_kell = RhKell::from_char(r).ok_or_else(|| {
        err(
            at + 2,
            &format!("'{r}' is not an Rh/Kell character of ST-001 Table 6"),
        )
    })?;
    if rest.next() != Some('0') {
        return Err(err(at + 3, "the last character is reserved and must be 0"));
    }
    BloodGroupCode::new(group, rh_kell)
}

/// Every code of Table 4 (group and pooled/subgroup) and Table 5, for tests and vectors.
pub fn all_group_codes() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = table4()
        .flat_map(|(_, _, codes)| codes.iter().copied())
        .collect();
    out.extend(POOLED.iter().map(|(_, code, _)| *code));
    out.extend(SPECIAL.iter().map(|(_, code, _)| *code));
    out
}
