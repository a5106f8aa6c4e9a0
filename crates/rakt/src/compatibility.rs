//! Which donor group a recipient may receive, per component, and in which order.
//!
//! - **Red cells** (and granulocytes): donor red cells must carry no A/B antigen the recipient
//!   has antibodies against; RhD-negative recipients who are girls, women of child-bearing
//!   potential, children, known anti-D or chronically transfused must get RhD-negative units.
//!   Other RhD-negative recipients may get RhD-positive red cells with a caveat.
//! - **Whole blood**: ABO-identical, plus the red-cell RhD rules.
//! - **Plasma, FFP, cryo-poor plasma, cryoprecipitate** ("reverse" rules): the policy's ABO
//!   order per recipient group. Plasma without anti-A/anti-B against the recipient's red cells is
//!   compatible; plasma with such antibodies is refused unless the policy lists it (the UK table
//!   lists group A for AB recipients), and then carries the caveat
//!   `PLASMA_HIGH_TITRE_NEGATIVE_ONLY`: emergency only, a unit tested negative for high-titre
//!   antibody. RhD is not required.
//! - **Platelets**: the policy's ABO preference order, non-identical choices with caveats;
//!   RhD-negative preferred for protected recipients, else anti-D immunoglobulin.
//! - **Bombay (Oh)** recipients take red cells and whole blood only from Bombay donors.
//! - **Group unknown**: the emergency-release rules (group O red cells, RhD-negative when the
//!   recipient may be protected; the policy's emergency plasma and platelet groups). Emergency
//!   plasma other than AB carries the same `PLASMA_HIGH_TITRE_NEGATIVE_ONLY` caveat as for a
//!   known AB recipient, whom an unknown recipient may be; policy validation keeps the two
//!   lists consistent.
//!
//! Source: `research/blood.md` §1. Where sources disagree (child-bearing age, paediatric age,
//! emergency plasma group, plasma and platelet orders) the value comes from the [`Policy`].

use serde::{Deserialize, Serialize};

use crate::blood_group::{Abo, BloodGroup, RhD};
use crate::component::{CompatibilityClass, Component};
use crate::policy::{Confidence, Policy};
use crate::reason::{Reason, ReasonCode, ReasonCodes, Severity};

/// Sex of a recipient, as far as the RhD rules care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Other or not stated in a way the rules can use; treated like unknown (cautiously).
    Other,
}

/// The patient who will receive the unit.
///
/// ```
/// use rakt::{BloodGroup, Recipient, Sex};
/// let r = Recipient::new(BloodGroup::parse("O-")?).female(28);
/// assert_eq!(r.sex, Some(Sex::Female));
/// let trauma = Recipient::unknown_group().male(40);
/// assert!(trauma.group.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// The recipient's group; `None` when not yet known (emergency release).
    #[serde(default)]
    pub group: Option<BloodGroup>,
    /// Sex, when known.
    #[serde(default)]
    pub sex: Option<Sex>,
    /// Age in completed years, when known.
    #[serde(default)]
    pub age_years: Option<u32>,
    /// Known anti-D, even if no longer detectable.
    #[serde(default)]
    pub anti_d: bool,
    /// Likely to need repeated (chronic) transfusion.
    #[serde(default)]
    pub chronically_transfused: bool,
}

impl Recipient {
    /// A recipient of known group; sex and age unknown.
    pub fn new(group: BloodGroup) -> Recipient {
        Recipient {
            group: Some(group),
            ..Recipient::default()
        }
    }

    /// A recipient whose group is not known yet.
    pub fn unknown_group() -> Recipient {
        Recipient::default()
    }

    /// Set sex female and age in completed years.
    pub fn female(mut self, age_years: u32) -> Recipient {
        self.sex = Some(Sex::Female);
        self.age_years = Some(age_years);
        self
    }

    /// Set sex male and age in completed years.
    pub fn male(mut self, age_years: u32) -> Recipient {
        self.sex = Some(Sex::Male);
        self.age_years = Some(age_years);
        self
    }

    /// Mark known anti-D.
    pub fn with_anti_d(mut self, anti_d: bool) -> Recipient {
        self.anti_d = anti_d;
        self
    }

    /// Mark as chronically transfused.
    pub fn with_chronic_transfusion(mut self, chronic: bool) -> Recipient {
        self.chronically_transfused = chronic;
        self
    }
}

impl From<BloodGroup> for Recipient {
    fn from(group: BloodGroup) -> Recipient {
        Recipient::new(group)
    }
}

/// How good a donor group is for the recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rank {
    /// Same group: first choice.
    Identical,
    /// Compatible, not identical.
    Compatible,
    /// Allowed, with a caveat someone must act on (see the reasons).
    CompatibleWithCaveat,
    /// Must not be given.
    Incompatible,
}

impl Rank {
    /// `identical`, `compatible`, `compatible_with_caveat` or `incompatible`.
    pub fn as_str(self) -> &'static str {
        match self {
            Rank::Identical => "identical",
            Rank::Compatible => "compatible",
            Rank::CompatibleWithCaveat => "compatible_with_caveat",
            Rank::Incompatible => "incompatible",
        }
    }
}

/// The verdict on one donor group for one recipient and component.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Compatibility {
    /// The component judged.
    pub component: Component,
    /// The donor group judged.
    pub donor: BloodGroup,
    /// Whether the unit may be given (no hard stop).
    pub compatible: bool,
    /// How good a choice it is.
    pub rank: Rank,
    /// Whether this is an emergency release (recipient group unknown).
    pub emergency: bool,
    /// Why, most severe first.
    pub reasons: Vec<Reason>,
}

impl Compatibility {
    /// The reason codes, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        self.reasons.iter().map(|r| r.code.as_str()).collect()
    }
}

/// One acceptable donor group, in order of preference.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DonorOption {
    /// The donor group.
    pub group: BloodGroup,
    /// Its rank for this recipient.
    pub rank: Rank,
    /// The reasons of its verdict.
    pub reasons: Vec<Reason>,
}

const SRC_RED_CELL_ABO: &str = "Lifeblood component compatibility; transfusion.com.au; NZBS handbook §4.2 (research/blood.md §1.1–§1.2)";
const SRC_PLASMA_ABO: &str = "transfusion.com.au plasma compatibility: plasma must be compatible with the recipient's red cells; RhD matching not necessary (research/blood.md §1.4, §1.6)";
const SRC_WHOLE_BLOOD: &str = "Conventional rule: whole blood ABO-identical; no primary source retrieved (research/blood.md §1.7)";
const SRC_BOMBAY: &str = "BBGuy glossary: Bombay recipients receive red cells only from Bombay donors (research/blood.md §1.9)";
const SRC_BOMBAY_PLASMA: &str =
    "Inference from antigen and antibody content; no published rule found (research/blood.md §1.9)";
const SRC_RHD: &str = "Lifeblood; BSH via learnhaem; Bloodworks NW (research/blood.md §1.3)";
const SRC_ANTI_D_RISK: &str = "UTMB: about one third of RhD-negative recipients of RhD-positive red cells form anti-D (research/blood.md §1.3)";
const SRC_EMERGENCY: &str = "Canadian Blood Services, Vein to vein: a recipient of unknown ABO group must receive group O red cells, RhD-negative preferentially for children and women of child-bearing age; signed physician statement (research/blood.md §1.8)";
const SRC_PLATELET_RHD: &str = "BSH via learnhaem: RhD-negative platelets for RhD-negative females of child-bearing age and children; anti-D immunoglobulin if RhD-positive platelets are given (research/blood.md §1.5)";
const SRC_HIGH_TITRE_PLASMA: &str = "UK NHS-trust plasma table: non-identical plasma with antibody against the recipient's cells only for emergency use and if the unit is tested negative for high-titre ABO antibodies [L]; Lifeblood: group A for AB recipients only if AB is unobtainable, low-titre anti-A/B plasma poses a lower risk of haemolysis [H]; learnhaem: fewer than 3% of group A donors have high-titre anti-B [M] (research/blood.md §1.4)";
const SRC_LOW_TITRE: &str = "transfusion.com.au footnote c: low-titre anti-A/B units pose a lower risk of haemolysis (research/blood.md §1.5)";
const SRC_A2: &str = "Lifeblood footnote b: A2 platelets preferred for group O and B recipients (research/blood.md §1.10)";
const SRC_WEAK_D_DONOR: &str = "Sandler, Chen, Flegel, Br J Haematol 2017: donors with serological weak D are managed as RhD-positive (research/blood.md §1.10)";
const SRC_GRANULOCYTES: &str = "No published ABO/RhD rule for granulocytes found; red-cell rules applied as the cautious choice";

/// Judge one donor group for one recipient and component.
///
/// Never fails: every input combination has a verdict. A recipient of unknown group gets the
/// emergency-release rules.
///
/// ```
/// use rakt::{compatibility, BloodGroup, Component, Policy, Rank, Recipient};
/// let policy = Policy::india();
/// let o_neg = BloodGroup::parse("O-")?;
/// let ab_pos = Recipient::from(BloodGroup::parse("AB+")?);
/// let v = compatibility(Component::RedCells, &o_neg, &ab_pos, &policy);
/// assert!(v.compatible);
/// assert_eq!(v.rank, Rank::Compatible);
///
/// // Plasma rules run the other way round.
/// let v = compatibility(Component::FreshFrozenPlasma, &o_neg, &ab_pos, &policy);
/// assert!(!v.compatible);
/// assert_eq!(v.codes(), ["PLASMA_ABO_INCOMPATIBLE", "RHD_NOT_REQUIRED"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn compatibility(
    component: Component,
    donor: &BloodGroup,
    recipient: &Recipient,
    policy: &Policy,
) -> Compatibility {
    let mut ctx = Ctx::new(component, donor, recipient, policy, true);
    let identical = ctx.judge();
    let mut reasons = ctx.reasons;
    reasons.sort_by_key(|r| std::cmp::Reverse(r.severity));
    let rank = rank(reasons.first().map(|r| r.severity), identical);
    Compatibility {
        component,
        donor: *donor,
        compatible: rank != Rank::Incompatible,
        rank,
        emergency: recipient.group.is_none(),
        reasons,
    }
}

/// What [`compatibility`] decides, without its explanation: the same verdict, rank and reason
/// codes, without the reasons' facts and sources.
///
/// ```
/// use rakt::{decide_compatibility, BloodGroup, Component, Policy, Recipient, ReasonCode};
/// let policy = Policy::india();
/// let o_neg = BloodGroup::parse("O-")?;
/// let ab_pos = Recipient::from(BloodGroup::parse("AB+")?);
/// let d = decide_compatibility(Component::FreshFrozenPlasma, &o_neg, &ab_pos, &policy);
/// assert!(!d.compatible);
/// assert_eq!(d.codes, [ReasonCode::PlasmaAboIncompatible, ReasonCode::RhdNotRequired]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn decide_compatibility(
    component: Component,
    donor: &BloodGroup,
    recipient: &Recipient,
    policy: &Policy,
) -> CompatibilityDecision {
    let mut ctx = Ctx::new(component, donor, recipient, policy, false);
    let identical = ctx.judge();
    let mut codes = ctx.codes;
    codes.sort_by_severity();
    let rank = rank(codes.first().map(|c| c.severity()), identical);
    CompatibilityDecision {
        component,
        donor: *donor,
        compatible: rank != Rank::Incompatible,
        rank,
        emergency: recipient.group.is_none(),
        codes,
    }
}

/// What [`compatibility`] decides: every value of a [`Compatibility`] but the reasons' facts
/// and sources.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CompatibilityDecision {
    /// The component judged.
    pub component: Component,
    /// The donor group judged.
    pub donor: BloodGroup,
    /// Whether the unit may be given (no hard stop).
    pub compatible: bool,
    /// How good a choice it is.
    pub rank: Rank,
    /// Whether this is an emergency release (recipient group unknown).
    pub emergency: bool,
    /// The reason codes, in the order of [`Compatibility::reasons`] (kept inline: deciding
    /// allocates nothing).
    pub codes: ReasonCodes,
}

impl Compatibility {
    /// The decision of this verdict, without its explanation: what [`decide_compatibility`]
    /// gives for the same request.
    pub fn decision(&self) -> CompatibilityDecision {
        CompatibilityDecision {
            component: self.component,
            donor: self.donor,
            compatible: self.compatible,
            rank: self.rank,
            emergency: self.emergency,
            codes: self.reasons.iter().map(|r| r.code).collect(),
        }
    }
}

/// The verdict, its reasons with their facts and sources when `explain`, bare codes otherwise
/// (a bare verdict never leaves this module: [`decide_compatibility`] keeps only its codes).
/// The rank from the most severe reason (the reasons sorted most severe first).
fn rank(worst: Option<Severity>, identical: bool) -> Rank {
    match worst {
        Some(Severity::Stop) => Rank::Incompatible,
        Some(Severity::Caution) => Rank::CompatibleWithCaveat,
        _ if identical => Rank::Identical,
        _ => Rank::Compatible,
    }
}

/// The acceptable donor groups among the ten standard groups (O±, A±, B±, AB±, Oh±), best first.
///
/// Order: choices without caveats before choices with caveats; then the ABO preference of the
/// component (red cells: identical, then the compatible groups with O last; plasma and
/// platelets: the policy's order; plasma for Bombay recipients: Bombay, then AB, A, B, O); then
/// RhD (RhD-positive recipients take RhD-positive first, to keep RhD-negative stock for those
/// who need it).
///
/// ```
/// use rakt::{donor_preference, BloodGroup, Component, Policy, Recipient};
/// let recipient = Recipient::new(BloodGroup::parse("A+")?).male(40);
/// let order: Vec<String> = donor_preference(Component::RedCells, &recipient, &Policy::india())
///     .iter().map(|o| o.group.to_string()).collect();
/// // Bombay red cells would be compatible too, but are kept for Bombay patients: a last resort.
/// assert_eq!(order, ["A+", "A-", "O+", "O-", "Oh+", "Oh-"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn donor_preference(
    component: Component,
    recipient: &Recipient,
    policy: &Policy,
) -> Vec<DonorOption> {
    preference(component, recipient, policy, |donor| {
        let verdict = compatibility(component, donor, recipient, policy);
        verdict
            .compatible
            .then_some((verdict.rank, verdict.reasons))
    })
    .into_iter()
    .map(|(group, rank, reasons)| DonorOption {
        group,
        rank,
        reasons,
    })
    .collect()
}

/// The order of [`donor_preference`] without the verdicts' reasons (for allocation, which
/// needs only each group and its rank).
pub(crate) fn donor_order(
    component: Component,
    recipient: &Recipient,
    policy: &Policy,
) -> Vec<(BloodGroup, Rank)> {
    preference(component, recipient, policy, |donor| {
        let d = decide_compatibility(component, donor, recipient, policy);
        d.compatible.then_some((d.rank, ()))
    })
    .into_iter()
    .map(|(group, rank, ())| (group, rank))
    .collect()
}

/// Where a donor group sorts in [`preference`].
type SortKey = (u8, usize, usize, usize);

/// The acceptable donor groups in the order documented on [`donor_preference`], each with its
/// rank and what `judge` says of it (`None`: not compatible).
fn preference<T>(
    component: Component,
    recipient: &Recipient,
    policy: &Policy,
    judge: impl Fn(&BloodGroup) -> Option<(Rank, T)>,
) -> Vec<(BloodGroup, Rank, T)> {
    let abo_order = abo_preference(component, recipient, policy);
    let rhd_order = rhd_preference(component, recipient, policy);
    // Sorted by (caveat, ABO position, RhD position, canonical position).
    let mut options: Vec<(SortKey, (BloodGroup, Rank, T))> = BloodGroup::STANDARD
        .iter()
        .enumerate()
        .filter_map(|(canonical, donor)| {
            let (rank, judged) = judge(donor)?;
            let caveat = u8::from(rank == Rank::CompatibleWithCaveat);
            let abo = abo_order
                .iter()
                .position(|a| *a == donor.abo())
                .unwrap_or(abo_order.len());
            let rhd = donor
                .rhd()
                .and_then(|r| rhd_order.iter().position(|x| *x == r))
                .unwrap_or(rhd_order.len());
            Some(((caveat, abo, rhd, canonical), (*donor, rank, judged)))
        })
        .collect();
    options.sort_by_key(|(key, _)| *key);
    options.into_iter().map(|(_, o)| o).collect()
}

/// ABO groups of red cells (and whole blood) for each recipient group, best first (§1.2).
fn red_cell_abo_order(recipient: Abo) -> &'static [Abo] {
    match recipient {
        Abo::O => &[Abo::O],
        Abo::A => &[Abo::A, Abo::O],
        Abo::B => &[Abo::B, Abo::O],
        Abo::AB => &[Abo::AB, Abo::A, Abo::B, Abo::O],
        Abo::Oh => &[Abo::Oh],
    }
}

/// ABO groups of plasma for a Bombay recipient, best first (§1.9 inference): Bombay plasma, then
/// the others from the fewest antibodies to the most. Other recipients: the policy's
/// `compatibility.plasma_order`.
const BOMBAY_PLASMA_ORDER: [Abo; 5] = [Abo::Oh, Abo::AB, Abo::A, Abo::B, Abo::O];

fn abo_preference(component: Component, recipient: &Recipient, policy: &Policy) -> Vec<Abo> {
    let known = recipient.group.map(|g| g.abo());
    match (component.compatibility_class(), known) {
        (CompatibilityClass::RedCells | CompatibilityClass::WholeBlood, Some(abo)) => {
            red_cell_abo_order(abo).to_vec()
        }
        (CompatibilityClass::RedCells | CompatibilityClass::WholeBlood, None) => vec![Abo::O],
        (CompatibilityClass::Plasma, Some(abo)) => policy
            .compatibility
            .plasma_order
            .for_recipient(abo)
            .unwrap_or(&BOMBAY_PLASMA_ORDER)
            .to_vec(),
        (CompatibilityClass::Plasma, None) => policy.compatibility.emergency_plasma.clone(),
        (CompatibilityClass::Platelets, Some(abo)) => policy
            .compatibility
            .platelet_order
            .for_recipient(abo)
            .to_vec(),
        (CompatibilityClass::Platelets, None) => policy.compatibility.emergency_platelets.clone(),
    }
}

fn rhd_preference(component: Component, recipient: &Recipient, policy: &Policy) -> [RhD; 2] {
    const POS_FIRST: [RhD; 2] = [RhD::Positive, RhD::Negative];
    const NEG_FIRST: [RhD; 2] = [RhD::Negative, RhD::Positive];
    let effective = recipient.group.map(|g| effective_recipient_rhd(&g, policy));
    match (component.compatibility_class(), effective) {
        (CompatibilityClass::Plasma, Some(RhD::Negative)) => NEG_FIRST,
        (CompatibilityClass::Plasma, _) => POS_FIRST,
        (_, Some(RhD::Positive)) => POS_FIRST,
        (_, Some(RhD::Negative)) => NEG_FIRST,
        (class, None) => {
            let platelets = class == CompatibilityClass::Platelets;
            if protection(recipient, policy, platelets).is_some() {
                NEG_FIRST
            } else {
                POS_FIRST
            }
        }
    }
}

/// The recipient's RhD as the rules treat it: weak D per policy, unknown as negative.
fn effective_recipient_rhd(group: &BloodGroup, policy: &Policy) -> RhD {
    if group.weak_d() {
        policy.compatibility.weak_d_recipient_as
    } else {
        group.rhd().unwrap_or(RhD::Negative)
    }
}

/// Why an RhD-negative recipient must (or should) get RhD-negative units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ProtectionKind {
    FemaleChildBearingPotential,
    Child,
    AntiD,
    ChronicallyTransfused,
}

impl ProtectionKind {
    fn as_str(self) -> &'static str {
        match self {
            ProtectionKind::FemaleChildBearingPotential => "female_child_bearing_potential",
            ProtectionKind::Child => "child",
            ProtectionKind::AntiD => "anti_d",
            ProtectionKind::ChronicallyTransfused => "chronically_transfused",
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Protection {
    kind: ProtectionKind,
    age_limit: Option<u32>,
    /// What was missing when the protection was assumed: `age`, `sex` or `age_and_sex`.
    assumed: Option<&'static str>,
}

/// Whether the recipient is protected. For platelets only the age/sex protections apply.
fn protection(recipient: &Recipient, policy: &Policy, platelets_only: bool) -> Option<Protection> {
    let cbp = policy.compatibility.child_bearing_potential_max_age;
    let paed = policy.compatibility.paediatric_max_age;
    let found = |kind, age_limit, assumed| {
        Some(Protection {
            kind,
            age_limit,
            assumed,
        })
    };
    if !platelets_only {
        if recipient.anti_d {
            return found(ProtectionKind::AntiD, None, None);
        }
        if recipient.chronically_transfused {
            return found(ProtectionKind::ChronicallyTransfused, None, None);
        }
    }
    let female = ProtectionKind::FemaleChildBearingPotential;
    match (recipient.sex, recipient.age_years) {
        (_, Some(age)) if age <= paed => found(ProtectionKind::Child, Some(paed), None),
        (Some(Sex::Male), None) => found(ProtectionKind::Child, Some(paed), Some("age")),
        (Some(Sex::Male), Some(_)) => None,
        (Some(Sex::Female), None) => found(female, Some(cbp), Some("age")),
        (Some(Sex::Female), Some(age)) if age <= cbp => found(female, Some(cbp), None),
        (Some(Sex::Female), Some(_)) => None,
        (None | Some(Sex::Other), None) => found(female, Some(cbp), Some("age_and_sex")),
        (None | Some(Sex::Other), Some(age)) if age <= cbp => found(female, Some(cbp), Some("sex")),
        (None | Some(Sex::Other), Some(_)) => None,
    }
}

fn antibodies_list(anti_a: bool, anti_b: bool) -> Option<&'static str> {
    match (anti_a, anti_b) {
        (true, true) => Some("anti-A,anti-B"),
        (true, false) => Some("anti-A"),
        (false, true) => Some("anti-B"),
        (false, false) => None,
    }
}

fn join_groups(groups: &[Abo], sep: &str) -> String {
    groups
        .iter()
        .map(|g| g.as_str())
        .collect::<Vec<_>>()
        .join(sep)
}

struct Ctx<'a> {
    component: Component,
    donor: &'a BloodGroup,
    recipient: &'a Recipient,
    policy: &'a Policy,
    /// Whether reasons get their facts and sources (`false`: codes only).
    explain: bool,
    /// The reasons, when explaining.
    reasons: Vec<Reason>,
    /// Their codes, when not.
    codes: ReasonCodes,
}

impl<'a> Ctx<'a> {
    fn new(
        component: Component,
        donor: &'a BloodGroup,
        recipient: &'a Recipient,
        policy: &'a Policy,
        explain: bool,
    ) -> Self {
        Ctx {
            component,
            donor,
            recipient,
            policy,
            explain,
            reasons: Vec::new(),
            codes: ReasonCodes::new(),
        }
    }

    /// Runs the rules of the component: the reasons (when explaining) or their codes; gives
    /// whether the donor group is identical.
    fn judge(&mut self) -> bool {
        match self.component.compatibility_class() {
            CompatibilityClass::RedCells => {
                if self.component == Component::Granulocytes {
                    self.push(
                        Reason::new(ReasonCode::GranulocytesFollowRedCellRules)
                            .cite(SRC_GRANULOCYTES, Confidence::Low),
                    );
                }
                self.red_cells()
            }
            CompatibilityClass::WholeBlood => self.whole_blood(),
            CompatibilityClass::Plasma => self.plasma(),
            CompatibilityClass::Platelets => self.platelets(),
        }
    }

    fn push(&mut self, reason: Reason) {
        if self.explain {
            self.reasons.push(reason);
        } else {
            self.codes.push(reason.code);
        }
    }

    /// A reason with the usual facts filled in (bare when not explaining).
    fn reason(&self, code: ReasonCode) -> Reason {
        if !self.explain {
            return Reason::new(code);
        }
        let reason = Reason::new(code)
            .fact("component", self.component.as_str())
            .fact("donor", self.donor);
        match self.recipient.group {
            Some(g) => reason.fact("recipient", g),
            None => reason.fact("recipient", "unknown"),
        }
    }

    /// One more fact on a reason, worked out only when explaining.
    fn with<F: Into<crate::reason::Fact>>(
        &self,
        reason: Reason,
        name: &'static str,
        value: impl FnOnce() -> F,
    ) -> Reason {
        if self.explain {
            reason.fact(name, value())
        } else {
            reason
        }
    }

    /// Cite the policy parameter at a path worked out only when explaining.
    fn policy_cited_at(&self, reason: Reason, path: impl FnOnce() -> String) -> Reason {
        if self.explain {
            self.policy_cited(reason, &path())
        } else {
            reason
        }
    }

    /// Cite a policy parameter as the source of a reason (only when explaining).
    fn policy_cited(&self, reason: Reason, path: &str) -> Reason {
        if !self.explain {
            return reason;
        }
        match self.policy.source(path) {
            Some(src) => reason.cite(&src.citation, src.confidence),
            None => reason,
        }
    }

    fn push_protection_facts(&mut self, reason: Reason, p: Protection) {
        let mut reason = self.with(reason, "protection", || p.kind.as_str());
        if let Some(limit) = p.age_limit {
            reason = self.with(reason, "age_limit", || limit);
        }
        if let Some(missing) = p.assumed {
            let assumed = self.reason(ReasonCode::ProtectionAssumed);
            let assumed = self.with(assumed, "missing", || missing);
            let assumed = self.with(assumed, "protection", || p.kind.as_str());
            self.push(assumed.cite(SRC_RHD, Confidence::Medium));
        }
        self.push(reason);
    }

    /// Red cells and granulocytes.
    fn red_cells(&mut self) -> bool {
        let Some(recipient) = self.recipient.group else {
            return self.emergency_red_cells();
        };
        let abo_ok_identical = self.red_cell_abo(&recipient);
        let rhd_same = self.red_cell_rhd(&recipient);
        abo_ok_identical && rhd_same
    }

    /// ABO part for red cells; returns whether ABO-identical.
    fn red_cell_abo(&mut self, recipient: &BloodGroup) -> bool {
        let (d, r) = (self.donor.abo(), recipient.abo());
        if r == Abo::Oh {
            if d != Abo::Oh {
                let reason = self.reason(ReasonCode::BombayRecipientNeedsBombay);
                self.push(reason.cite(SRC_BOMBAY, Confidence::Medium));
                return false;
            }
        } else if d == Abo::Oh {
            let reason = self.reason(ReasonCode::BombayUnitForNonBombay);
            self.push(reason.cite(SRC_BOMBAY_PLASMA, Confidence::Low));
            return false;
        } else if let Some(abs) = antibodies_list(
            r.has_anti_a() && d.has_a_antigen(),
            r.has_anti_b() && d.has_b_antigen(),
        ) {
            let reason = self.reason(ReasonCode::RedCellsAboIncompatible);
            let reason = self.with(reason, "antibodies", || abs);
            self.push(reason.cite(SRC_RED_CELL_ABO, Confidence::High));
            return false;
        }
        let code = if d == r {
            ReasonCode::AboIdentical
        } else {
            ReasonCode::RedCellsAboCompatible
        };
        let reason = self.reason(code);
        self.push(reason.cite(SRC_RED_CELL_ABO, Confidence::High));
        d == r
    }

    /// RhD part for red cells and whole blood; returns whether the RhD types are the same.
    fn red_cell_rhd(&mut self, recipient: &BloodGroup) -> bool {
        let rr = self.recipient_rhd(recipient);
        let dr = self.donor_rhd(rr);
        if rr == RhD::Positive {
            return dr == Some(RhD::Positive);
        }
        match dr {
            Some(RhD::Negative) => true,
            None => {
                let reason = self.reason(ReasonCode::DonorRhdUnknown);
                self.push(reason.cite(SRC_RHD, Confidence::Medium));
                false
            }
            Some(RhD::Positive) => {
                match protection(self.recipient, self.policy, false) {
                    Some(p) => {
                        let reason = self.reason(ReasonCode::RhdNegativeRequired);
                        let reason = self.protection_cited(reason, p);
                        self.push_protection_facts(reason, p);
                    }
                    None => {
                        let reason = self.reason(ReasonCode::RhdPositiveToRhdNegative);
                        self.push(reason.cite(SRC_ANTI_D_RISK, Confidence::Medium));
                    }
                }
                false
            }
        }
    }

    fn protection_cited(&self, reason: Reason, p: Protection) -> Reason {
        match p.kind {
            ProtectionKind::FemaleChildBearingPotential => {
                self.policy_cited(reason, "compatibility.child_bearing_potential_max_age")
            }
            ProtectionKind::Child => self.policy_cited(reason, "compatibility.paediatric_max_age"),
            ProtectionKind::AntiD | ProtectionKind::ChronicallyTransfused => {
                reason.cite(SRC_RHD, Confidence::Medium)
            }
        }
    }

    /// The recipient's RhD as treated, explaining weak D and unknown RhD.
    fn recipient_rhd(&mut self, recipient: &BloodGroup) -> RhD {
        let effective = effective_recipient_rhd(recipient, self.policy);
        if recipient.weak_d() {
            let reason = self.reason(ReasonCode::WeakDRecipient);
            let reason = self.with(reason, "as", || match effective {
                RhD::Positive => "positive",
                RhD::Negative => "negative",
            });
            let reason = self.policy_cited(reason, "compatibility.weak_d_recipient_as");
            self.push(reason);
        } else if recipient.rhd().is_none() {
            let reason = self.reason(ReasonCode::RecipientRhdUnknown);
            self.push(reason.cite(SRC_RHD, Confidence::Medium));
        }
        effective
    }

    /// The donor's RhD as treated (weak D as positive), explained when it matters.
    fn donor_rhd(&mut self, recipient_rhd: RhD) -> Option<RhD> {
        if self.donor.weak_d() {
            if recipient_rhd == RhD::Negative {
                let reason = self.reason(ReasonCode::WeakDDonor);
                self.push(reason.cite(SRC_WEAK_D_DONOR, Confidence::High));
            }
            return Some(RhD::Positive);
        }
        self.donor.rhd()
    }

    fn emergency_red_cells(&mut self) -> bool {
        if self.donor.abo() != Abo::O {
            let reason = self.reason(ReasonCode::EmergencyGroupNotPermitted);
            let reason = self.with(reason, "allowed", || "O");
            self.push(reason.cite(SRC_EMERGENCY, Confidence::High));
            return false;
        }
        let reason = self.reason(ReasonCode::EmergencyRelease);
        self.push(reason.cite(SRC_EMERGENCY, Confidence::High));
        if let Some(p) = protection(self.recipient, self.policy, false) {
            let donor_rhd = self.donor_rhd(RhD::Negative);
            if donor_rhd != Some(RhD::Negative) {
                let code = if donor_rhd.is_none() {
                    ReasonCode::DonorRhdUnknown
                } else {
                    ReasonCode::RhdNegativeRequired
                };
                let reason = self.reason(code);
                let reason = self.protection_cited(reason, p);
                self.push_protection_facts(reason, p);
            }
        }
        false
    }

    fn whole_blood(&mut self) -> bool {
        let Some(recipient) = self.recipient.group else {
            let reason = self.reason(ReasonCode::WholeBloodGroupUnknown);
            self.push(reason.cite(SRC_WHOLE_BLOOD, Confidence::Low));
            return false;
        };
        let (d, r) = (self.donor.abo(), recipient.abo());
        if r == Abo::Oh && d != Abo::Oh {
            let reason = self.reason(ReasonCode::BombayRecipientNeedsBombay);
            self.push(reason.cite(SRC_BOMBAY, Confidence::Medium));
        } else if d != r {
            let reason = self.reason(ReasonCode::WholeBloodNotAboIdentical);
            self.push(reason.cite(SRC_WHOLE_BLOOD, Confidence::Low));
        } else {
            let reason = self.reason(ReasonCode::AboIdentical);
            self.push(reason.cite(SRC_WHOLE_BLOOD, Confidence::Low));
        }
        let rhd_same = self.red_cell_rhd(&recipient);
        d == r && rhd_same
    }

    fn plasma(&mut self) -> bool {
        let d = self.donor.abo();
        let Some(recipient) = self.recipient.group else {
            let policy = self.policy;
            let allowed = &policy.compatibility.emergency_plasma;
            if allowed.contains(&d) {
                let reason = self.reason(ReasonCode::EmergencyRelease);
                let reason = self.policy_cited(reason, "compatibility.emergency_plasma");
                self.push(reason);
                // The recipient may be AB: any anti-A or anti-B may meet its antigen.
                self.plasma_antibody_caveat(d.has_anti_a(), d.has_anti_b());
            } else {
                let reason = self.reason(ReasonCode::EmergencyGroupNotPermitted);
                let reason = self.with(reason, "allowed", || join_groups(allowed, " or "));
                let reason = self.policy_cited(reason, "compatibility.emergency_plasma");
                self.push(reason);
            }
            return false;
        };
        let r = recipient.abo();
        let anti_a = d.has_anti_a() && r.has_a_antigen();
        let anti_b = d.has_anti_b() && r.has_b_antigen();
        let order = self.policy.compatibility.plasma_order.for_recipient(r);
        if r == Abo::Oh {
            if d != Abo::Oh {
                let reason = self.reason(ReasonCode::BombayRecipientPlasma);
                self.push(reason.cite(SRC_BOMBAY_PLASMA, Confidence::Low));
            } else {
                let reason = self.reason(ReasonCode::AboIdentical);
                self.push(reason.cite(SRC_PLASMA_ABO, Confidence::High));
            }
        } else if d == Abo::Oh {
            let reason = self.reason(ReasonCode::BombayDonorPlasmaAntiH);
            self.push(reason.cite(SRC_BOMBAY_PLASMA, Confidence::Low));
        } else if let Some(order) = order.filter(|o| !o.contains(&d)) {
            if let Some(abs) = antibodies_list(anti_a, anti_b) {
                let reason = self.reason(ReasonCode::PlasmaAboIncompatible);
                let reason = self.with(reason, "antibodies", || abs);
                self.push(reason.cite(SRC_PLASMA_ABO, Confidence::High));
            } else {
                let reason = self.reason(ReasonCode::PlasmaAboNotInPolicy);
                let reason = self.with(reason, "order", || join_groups(order, ", "));
                let reason =
                    self.policy_cited_at(reason, || format!("compatibility.plasma_order.{r}"));
                self.push(reason);
            }
        } else if anti_a || anti_b {
            // Listed by the policy although its antibodies act against the recipient's cells.
            self.plasma_antibody_caveat(anti_a, anti_b);
        } else {
            let code = if d == r {
                ReasonCode::AboIdentical
            } else {
                ReasonCode::PlasmaAboCompatible
            };
            let reason = self.reason(code);
            self.push(reason.cite(SRC_PLASMA_ABO, Confidence::High));
        }
        // Said unless both RhD types are known and the same.
        let same_rhd = matches!(
            (self.donor.rhd(), recipient.rhd()),
            (Some(d), Some(r)) if d == r
        );
        if !same_rhd {
            let reason = self.reason(ReasonCode::RhdNotRequired);
            self.push(reason.cite(SRC_PLASMA_ABO, Confidence::High));
        }
        d == r
    }

    /// The caveat on plasma whose anti-A/anti-B the policy accepts against the recipient's
    /// (possible) red cells: the same reason for a known recipient and for an emergency.
    fn plasma_antibody_caveat(&mut self, anti_a: bool, anti_b: bool) {
        if let Some(abs) = antibodies_list(anti_a, anti_b) {
            let reason = self.reason(ReasonCode::PlasmaHighTitreNegativeOnly);
            let reason = self.with(reason, "antibodies", || abs);
            self.push(reason.cite(SRC_HIGH_TITRE_PLASMA, Confidence::Medium));
        }
    }

    fn platelets(&mut self) -> bool {
        let d = self.donor.abo();
        let Some(recipient) = self.recipient.group else {
            let policy = self.policy;
            let allowed = &policy.compatibility.emergency_platelets;
            if allowed.contains(&d) {
                let reason = self.reason(ReasonCode::EmergencyRelease);
                let reason = self.policy_cited(reason, "compatibility.emergency_platelets");
                self.push(reason);
            } else {
                let reason = self.reason(ReasonCode::EmergencyGroupNotPermitted);
                let reason = self.with(reason, "allowed", || join_groups(allowed, " or "));
                let reason = self.policy_cited(reason, "compatibility.emergency_platelets");
                self.push(reason);
                return false;
            }
            if let Some(p) = protection(self.recipient, self.policy, true) {
                if self.donor_rhd(RhD::Negative) != Some(RhD::Negative) {
                    let reason = self.reason(ReasonCode::PlateletRhdAntiDProphylaxis);
                    self.push_protection_facts(
                        reason.cite(SRC_PLATELET_RHD, Confidence::Medium),
                        p,
                    );
                }
            }
            return false;
        };
        let r = recipient.abo();
        let policy = self.policy;
        let order = policy.compatibility.platelet_order.for_recipient(r);
        let Some(position) = order.iter().position(|g| *g == d) else {
            let reason = self.reason(ReasonCode::PlateletAboNotInPolicy);
            let reason = self.with(reason, "order", || join_groups(order, ", "));
            let reason =
                self.policy_cited_at(reason, || format!("compatibility.platelet_order.{r}"));
            self.push(reason);
            return false;
        };
        if d == r {
            let reason = self.reason(ReasonCode::AboIdentical);
            let reason =
                self.policy_cited_at(reason, || format!("compatibility.platelet_order.{r}"));
            self.push(reason);
        } else {
            let reason = self.reason(ReasonCode::PlateletAboNonIdentical);
            let reason = self.with(reason, "position", || position + 1);
            let reason = self.with(reason, "order", || join_groups(order, ", "));
            let reason =
                self.policy_cited_at(reason, || format!("compatibility.platelet_order.{r}"));
            self.push(reason);
        }
        if let Some(abs) = antibodies_list(
            d.has_anti_a() && r.has_a_antigen(),
            d.has_anti_b() && r.has_b_antigen(),
        ) {
            let reason = self.reason(ReasonCode::PlateletPlasmaIncompatible);
            let reason = self.with(reason, "antibodies", || abs);
            self.push(reason.cite(SRC_LOW_TITRE, Confidence::High));
        }
        if d == Abo::A
            && self.donor.a_subgroup() == Some(crate::ASubgroup::A2)
            && matches!(r, Abo::O | Abo::B)
        {
            let reason = self.reason(ReasonCode::PlateletA2Preferred);
            self.push(reason.cite(SRC_A2, Confidence::High));
        }
        let rr = self.recipient_rhd(&recipient);
        let dr = self.donor_rhd(rr);
        if rr == RhD::Negative && dr != Some(RhD::Negative) {
            if let Some(p) = protection(self.recipient, self.policy, true) {
                let reason = self.reason(ReasonCode::PlateletRhdAntiDProphylaxis);
                self.push_protection_facts(reason.cite(SRC_PLATELET_RHD, Confidence::Medium), p);
            }
        }
        d == r && dr == Some(rr)
    }
}

#[cfg(test)]
mod tests;
