//! TTI screening, grouping confirmation and release of units.
//!
//! - Each marker has one current result. An initially reactive result must be repeated in
//!   duplicate ([`Screening::record_repeat`]): reactive in either repeat makes it repeat reactive,
//!   otherwise non-reactive. Repeat-reactive and indeterminate results are final.
//! - A unit may be released only when every mandatory marker (and, on a donor's first donation,
//!   every first-donation marker) is non-reactive, the ABO/RhD grouping is confirmed (forward and
//!   reverse agree, the label agrees, and the donor's historical group agrees when known), and the
//!   unit is not expired. [`release_verdict`] lists everything that is missing, not just the first.
//!
//! Source: `research/blood.md` §4 (mandatory markers, quarantine and release, donor referral).

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

pub use crate::vocab::screening::{TestResult, TtiMarker};

use crate::blood_group::{Abo, BloodGroup};
use crate::error::{RaktError, Result};
use crate::expiry::Expiry;
use crate::policy::{Confidence, Policy};
use crate::reason::{Reason, ReasonCode, Severity};

impl TestResult {
    /// Whether the result counts as reactive (initially reactive, repeat reactive or
    /// indeterminate).
    pub fn is_reactive(self) -> bool {
        matches!(
            self,
            TestResult::InitiallyReactive | TestResult::RepeatReactive | TestResult::Indeterminate
        )
    }

    /// Whether the result is final and discards the donation (repeat reactive, indeterminate).
    pub fn discards(self) -> bool {
        matches!(self, TestResult::RepeatReactive | TestResult::Indeterminate)
    }
}

/// The screening results of one donation.
///
/// ```
/// use rakt::screening::{Screening, TestResult, TtiMarker};
/// let s = Screening::new(false)
///     .record(TtiMarker::Hiv, TestResult::InitiallyReactive)?
///     .record_repeat(TtiMarker::Hiv, TestResult::NonReactive, TestResult::NonReactive)?;
/// assert_eq!(s.result(TtiMarker::Hiv), TestResult::NonReactive);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Screening {
    /// Whether this is the donor's first donation (first-donation markers are then mandatory).
    #[serde(default)]
    pub first_donation: bool,
    #[serde(default)]
    results: BTreeMap<TtiMarker, TestResult>,
}

impl Screening {
    /// No results yet.
    pub fn new(first_donation: bool) -> Screening {
        Screening {
            first_donation,
            results: BTreeMap::new(),
        }
    }

    /// The current result of a marker (`not_tested` when none was recorded).
    pub fn result(&self, marker: TtiMarker) -> TestResult {
        self.results
            .get(&marker)
            .copied()
            .unwrap_or(TestResult::NotTested)
    }

    /// Every recorded result.
    pub fn results(&self) -> &BTreeMap<TtiMarker, TestResult> {
        &self.results
    }

    /// Record a first result for a marker. Refused when the marker already has a result (an
    /// initially reactive result takes [`Screening::record_repeat`]; non-reactive,
    /// repeat-reactive and indeterminate results are final) and for `not_tested`.
    pub fn record(&self, marker: TtiMarker, result: TestResult) -> Result<Screening> {
        if result == TestResult::NotTested {
            return Err(RaktError::input(
                "result",
                "not_tested is the absence of a result: record the result of a test",
            ));
        }
        match self.result(marker) {
            TestResult::NotTested => {}
            TestResult::InitiallyReactive => {
                return Err(RaktError::not_applicable(
                    "REPEAT_REQUIRED",
                    format!("{marker} is initially reactive: record its repeat in duplicate"),
                ));
            }
            current => {
                return Err(RaktError::not_applicable(
                    "RESULT_FINAL",
                    format!("{marker} already has the final result {current}"),
                ));
            }
        }
        let mut next = self.clone();
        next.results.insert(marker, result);
        Ok(next)
    }

    /// Record the duplicate repeat of an initially reactive marker: reactive in either repeat
    /// makes it repeat reactive, else indeterminate in either makes it indeterminate, else it is
    /// non-reactive.
    pub fn record_repeat(
        &self,
        marker: TtiMarker,
        first: TestResult,
        second: TestResult,
    ) -> Result<Screening> {
        if self.result(marker) != TestResult::InitiallyReactive {
            return Err(RaktError::not_applicable(
                "REPEAT_WITHOUT_INITIAL_REACTIVE",
                format!(
                    "{marker} is {}: only an initially reactive result is repeated",
                    self.result(marker)
                ),
            ));
        }
        if first == TestResult::NotTested || second == TestResult::NotTested {
            return Err(RaktError::input(
                "repeat",
                "both repeat tests must have a result",
            ));
        }
        let outcome = if [first, second].iter().any(|r| {
            matches!(
                r,
                TestResult::InitiallyReactive | TestResult::RepeatReactive
            )
        }) {
            TestResult::RepeatReactive
        } else if [first, second].contains(&TestResult::Indeterminate) {
            TestResult::Indeterminate
        } else {
            TestResult::NonReactive
        };
        let mut next = self.clone();
        next.results.insert(marker, outcome);
        Ok(next)
    }

    /// Markers whose result discards the donation (repeat reactive or indeterminate).
    pub fn reactive_markers(&self) -> Vec<TtiMarker> {
        self.results
            .iter()
            .filter(|(_, r)| r.discards())
            .map(|(m, _)| *m)
            .collect()
    }
}

/// ABO/RhD grouping of a donation: forward (cells), reverse (plasma, ABO only), and the donor's
/// group from earlier donations when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grouping {
    /// Forward grouping (ABO and RhD from the red cells).
    #[serde(default)]
    pub forward: Option<BloodGroup>,
    /// Reverse grouping (ABO from the plasma; Oh when the plasma agglutinates O cells).
    #[serde(default)]
    pub reverse: Option<Abo>,
    /// The donor's group on record from earlier donations.
    #[serde(default)]
    pub historical: Option<BloodGroup>,
}

/// Whether a unit may be released, and why not.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ReleaseVerdict {
    /// Whether the unit may be released now.
    pub releasable: bool,
    /// Everything that is missing or wrong, most severe first; or `RELEASE_ALLOWED`.
    pub reasons: Vec<Reason>,
}

impl ReleaseVerdict {
    /// The reason codes, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        self.reasons.iter().map(|r| r.code.as_str()).collect()
    }
}

const SRC_RELEASE: &str = "Schedule F: storage pending tests, quarantine of questionable results; suggested release rule (research/blood.md §4.2)";
const SRC_REPEAT: &str = "Initially reactive → repeat in duplicate → repeat reactive: discard and donor referral (research/blood.md §4.2; the duplicate-repeat algorithm itself was not found in Indian text)";
const SRC_GROUPING: &str = "Schedule F grouping (anti-A, anti-B, anti-D; reverse grouping cells); Bombay detection by reverse grouping (research/blood.md §1.9, §4.1, §4.2)";

/// Whether a unit labelled `label`, with this expiry, screening and grouping, may be released
/// at `as_of` under `policy`.
///
/// ```
/// use rakt::screening::{release_verdict, Grouping, Screening};
/// use rakt::{BloodGroup, Expiry, Policy, Preservative, Product};
/// let policy = Policy::india();
/// let t = |s: &str| rakt::parse_timestamp(s);
/// let expiry = Expiry::compute(&Product::red_cells(Preservative::AdditiveSolution), t("2026-11-01T10:00:00+05:30")?, &policy)?;
/// let label = BloodGroup::parse("B+")?;
/// let v = release_verdict(&label, &expiry, &Screening::new(false), &Grouping::default(), t("2026-11-02T10:00:00+05:30")?, &policy);
/// assert!(!v.releasable);
/// assert_eq!(v.codes(), ["TTI_NOT_TESTED", "TTI_NOT_TESTED", "TTI_NOT_TESTED", "TTI_NOT_TESTED", "TTI_NOT_TESTED", "GROUPING_NOT_CONFIRMED"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn release_verdict(
    label: &BloodGroup,
    expiry: &Expiry,
    screening: &Screening,
    grouping: &Grouping,
    as_of: DateTime<FixedOffset>,
    policy: &Policy,
) -> ReleaseVerdict {
    let mut reasons = Vec::new();
    let cite_markers = |r: Reason, path: &str| match policy.source(path) {
        Some(src) => r.cite(&src.citation, src.confidence),
        None => r,
    };
    let mut required: Vec<(TtiMarker, &str)> = policy
        .screening
        .mandatory_markers
        .iter()
        .map(|m| (*m, "screening.mandatory_markers"))
        .collect();
    if screening.first_donation {
        required.extend(
            policy
                .screening
                .first_donation_markers
                .iter()
                .filter(|m| !policy.screening.mandatory_markers.contains(m))
                .map(|m| (*m, "screening.first_donation_markers")),
        );
    }
    for (marker, path) in &required {
        let result = screening.result(*marker);
        let code = match result {
            TestResult::NonReactive => continue,
            TestResult::NotTested => ReasonCode::TtiNotTested,
            TestResult::InitiallyReactive => ReasonCode::TtiAwaitingRepeat,
            TestResult::RepeatReactive | TestResult::Indeterminate => ReasonCode::TtiReactive,
        };
        let reason = Reason::new(code)
            .fact("marker", marker)
            .fact("result", result);
        let reason = if code == ReasonCode::TtiNotTested {
            cite_markers(reason, path)
        } else {
            reason.cite(SRC_REPEAT, Confidence::Low)
        };
        reasons.push(reason);
    }
    // A reactive result on any other marker the centre tested also discards.
    for (marker, result) in screening.results() {
        if result.discards() && !required.iter().any(|(m, _)| m == marker) {
            reasons.push(
                Reason::new(ReasonCode::TtiReactive)
                    .fact("marker", marker)
                    .fact("result", result)
                    .cite(SRC_REPEAT, Confidence::Low),
            );
        }
    }
    // Among the stops, what demands a discard comes first, then what awaits a repeat.
    reasons.sort_by_key(|r| match r.code {
        ReasonCode::TtiReactive => 0,
        ReasonCode::TtiAwaitingRepeat => 1,
        _ => 2,
    });
    reasons.extend(grouping_reasons(label, grouping));
    if expiry.is_expired(as_of) {
        reasons.push(
            Reason::new(ReasonCode::UnitExpired)
                .fact(
                    "expires_at",
                    expiry
                        .expires_at
                        .with_timezone(&policy.offset())
                        .to_rfc3339(),
                )
                .cite(SRC_RELEASE, Confidence::Medium),
        );
    }
    if reasons.is_empty() {
        reasons.push(Reason::new(ReasonCode::ReleaseAllowed).cite(SRC_RELEASE, Confidence::Medium));
    }
    reasons.sort_by_key(|r| std::cmp::Reverse(r.severity));
    let releasable = !reasons.iter().any(|r| r.severity == Severity::Stop);
    ReleaseVerdict {
        releasable,
        reasons,
    }
}

pub(crate) fn grouping_reasons(label: &BloodGroup, g: &Grouping) -> Vec<Reason> {
    let cite = |r: Reason| r.cite(SRC_GROUPING, Confidence::Medium);
    let missing = match (g.forward, g.reverse) {
        (None, None) => Some("forward_and_reverse"),
        (None, Some(_)) => Some("forward"),
        (Some(_), None) => Some("reverse"),
        (Some(f), Some(_)) if f.rhd().is_none() => Some("rhd"),
        _ => None,
    };
    if let Some(missing) = missing {
        return vec![cite(
            Reason::new(ReasonCode::GroupingNotConfirmed).fact("missing", missing),
        )];
    }
    let (Some(forward), Some(reverse)) = (g.forward, g.reverse) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if forward.abo() != reverse {
        out.push(cite(
            Reason::new(ReasonCode::GroupingForwardReverseMismatch)
                .fact("forward", forward)
                .fact("reverse", reverse),
        ));
    }
    if label.basic() != forward.basic() {
        out.push(cite(
            Reason::new(ReasonCode::GroupingLabelMismatch)
                .fact("label", label)
                .fact("forward", forward),
        ));
    }
    if let Some(historical) = g.historical {
        if historical.basic() != forward.basic() {
            out.push(cite(
                Reason::new(ReasonCode::GroupingHistoryMismatch)
                    .fact("historical", historical)
                    .fact("forward", forward),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Preservative, Product};

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn g(s: &str) -> BloodGroup {
        BloodGroup::parse(s).unwrap()
    }

    fn all_negative(first: bool) -> Screening {
        let mut s = Screening::new(first);
        for m in [
            TtiMarker::Hiv,
            TtiMarker::Hbsag,
            TtiMarker::Hcv,
            TtiMarker::Syphilis,
            TtiMarker::Malaria,
        ] {
            s = s.record(m, TestResult::NonReactive).unwrap();
        }
        s
    }

    fn confirmed(group: &str) -> Grouping {
        let f = g(group);
        Grouping {
            forward: Some(f),
            reverse: Some(f.abo()),
            historical: None,
        }
    }

    fn expiry() -> Expiry {
        Expiry::compute(
            &Product::red_cells(Preservative::AdditiveSolution),
            t("2026-11-01T10:00:00+05:30"),
            &Policy::india(),
        )
        .unwrap()
    }

    #[test]
    fn repeat_in_duplicate() {
        let ir = Screening::new(false)
            .record(TtiMarker::Hcv, TestResult::InitiallyReactive)
            .unwrap();
        let cases = [
            (
                TestResult::NonReactive,
                TestResult::NonReactive,
                TestResult::NonReactive,
            ),
            (
                TestResult::NonReactive,
                TestResult::InitiallyReactive,
                TestResult::RepeatReactive,
            ),
            (
                TestResult::RepeatReactive,
                TestResult::NonReactive,
                TestResult::RepeatReactive,
            ),
            (
                TestResult::Indeterminate,
                TestResult::NonReactive,
                TestResult::Indeterminate,
            ),
        ];
        for (a, b, want) in cases {
            let s = ir.record_repeat(TtiMarker::Hcv, a, b).unwrap();
            assert_eq!(s.result(TtiMarker::Hcv), want, "{a} {b}");
        }
        assert!(ir.record(TtiMarker::Hcv, TestResult::NonReactive).is_err());
        let final_ = ir
            .record_repeat(
                TtiMarker::Hcv,
                TestResult::RepeatReactive,
                TestResult::NonReactive,
            )
            .unwrap();
        assert!(
            final_
                .record(TtiMarker::Hcv, TestResult::NonReactive)
                .is_err()
        );
        assert!(
            final_
                .record_repeat(
                    TtiMarker::Hcv,
                    TestResult::NonReactive,
                    TestResult::NonReactive
                )
                .is_err()
        );
        assert_eq!(final_.reactive_markers(), [TtiMarker::Hcv]);
    }

    #[test]
    fn release_needs_everything_and_says_what_is_missing() {
        let p = Policy::india();
        let ok = release_verdict(
            &g("B+"),
            &expiry(),
            &all_negative(false),
            &confirmed("B+"),
            t("2026-11-02T10:00:00+05:30"),
            &p,
        );
        assert!(ok.releasable);
        assert_eq!(ok.codes(), ["RELEASE_ALLOWED"]);
        let awaiting = all_negative(false);
        let mut s = Screening::new(false);
        for (m, r) in awaiting.results() {
            if *m != TtiMarker::Malaria {
                s = s.record(*m, *r).unwrap();
            }
        }
        let s = s
            .record(TtiMarker::Malaria, TestResult::InitiallyReactive)
            .unwrap();
        let v = release_verdict(
            &g("B+"),
            &expiry(),
            &s,
            &confirmed("B+"),
            t("2026-11-02T10:00:00+05:30"),
            &p,
        );
        assert_eq!(v.codes(), ["TTI_AWAITING_REPEAT"]);
        assert_eq!(v.reasons[0].facts.text("marker").unwrap(), "malaria");
        let expired = release_verdict(
            &g("B+"),
            &expiry(),
            &all_negative(false),
            &confirmed("B+"),
            t("2026-12-13T23:59:00+05:30"),
            &p,
        );
        assert_eq!(expired.codes(), ["UNIT_EXPIRED"]);
        let one_second_before = release_verdict(
            &g("B+"),
            &expiry(),
            &all_negative(false),
            &confirmed("B+"),
            t("2026-12-13T23:58:59+05:30"),
            &p,
        );
        assert!(one_second_before.releasable);
    }

    #[test]
    fn grouping_must_be_confirmed_and_consistent() {
        let p = Policy::india();
        let at = t("2026-11-02T10:00:00+05:30");
        let s = all_negative(false);
        let bombay = Grouping {
            forward: Some(g("O+")),
            reverse: Some(Abo::Oh),
            historical: None,
        };
        let v = release_verdict(&g("O+"), &expiry(), &s, &bombay, at, &p);
        assert_eq!(v.codes(), ["GROUPING_FORWARD_REVERSE_MISMATCH"]);
        assert_eq!(v.reasons[0].facts.text("reverse").unwrap(), "Oh");
        let label = release_verdict(&g("A+"), &expiry(), &s, &confirmed("B+"), at, &p);
        assert_eq!(label.codes(), ["GROUPING_LABEL_MISMATCH"]);
        let history = Grouping {
            historical: Some(g("B-")),
            ..confirmed("B+")
        };
        let v = release_verdict(&g("B+"), &expiry(), &s, &history, at, &p);
        assert_eq!(v.codes(), ["GROUPING_HISTORY_MISMATCH"]);
        let no_rhd = Grouping {
            forward: Some(g("B")),
            reverse: Some(Abo::B),
            historical: None,
        };
        let v = release_verdict(&g("B+"), &expiry(), &s, &no_rhd, at, &p);
        assert_eq!(v.reasons[0].facts.text("missing").unwrap(), "rhd");
        let weak = Grouping {
            forward: Some(g("B+ weak D")),
            ..confirmed("B+")
        };
        assert!(release_verdict(&g("B+"), &expiry(), &s, &weak, at, &p).releasable);
    }

    #[test]
    fn first_donation_markers_apply_to_first_donations_only() {
        let us = Policy::us();
        let mut s = Screening::new(true);
        for m in &us.screening.mandatory_markers {
            s = s.record(*m, TestResult::NonReactive).unwrap();
        }
        let exp = Expiry::compute(
            &Product::red_cells(Preservative::AdditiveSolution),
            t("2026-11-01T10:00:00+00:00"),
            &us,
        )
        .unwrap();
        let at = t("2026-11-02T10:00:00+00:00");
        let v = release_verdict(&g("B+"), &exp, &s, &confirmed("B+"), at, &us);
        assert_eq!(v.codes(), ["TTI_NOT_TESTED"]);
        assert_eq!(v.reasons[0].facts.text("marker").unwrap(), "chagas");
        let repeat = Screening {
            first_donation: false,
            ..s.clone()
        };
        assert!(release_verdict(&g("B+"), &exp, &repeat, &confirmed("B+"), at, &us).releasable);
        let done = s
            .record(TtiMarker::Chagas, TestResult::NonReactive)
            .unwrap();
        assert!(release_verdict(&g("B+"), &exp, &done, &confirmed("B+"), at, &us).releasable);
    }

    #[test]
    fn a_reactive_optional_marker_still_blocks_release() {
        let s = all_negative(false)
            .record(TtiMarker::HivNat, TestResult::RepeatReactive)
            .unwrap();
        let v = release_verdict(
            &g("B+"),
            &expiry(),
            &s,
            &confirmed("B+"),
            t("2026-11-02T10:00:00+05:30"),
            &Policy::india(),
        );
        assert_eq!(v.codes(), ["TTI_REACTIVE"]);
        assert_eq!(v.reasons[0].facts.text("marker").unwrap(), "hiv_nat");
    }
}
