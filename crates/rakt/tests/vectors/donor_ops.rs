//! The `assess_donor` operation of the vector runner (format: tests/vectors/README.md).

use chrono::NaiveDate;
use rakt::RaktError;
use rakt::donor::{DonationKind, Donor, DonorAssessment, DonorChecks, assess_donor, decide_donor};
use serde_json::{Value, json};

use super::{Outcome, bad, check, check_reasons, expect_ok, policy};

fn date(v: &Value, name: &str) -> Result<NaiveDate, RaktError> {
    let text = v
        .as_str()
        .ok_or_else(|| bad(format!("{name}: not a string")))?;
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| bad(format!("{name}: {e}")))
}

fn parse<T: serde::de::DeserializeOwned>(v: &Value, name: &str) -> Result<T, RaktError> {
    serde_json::from_value(v.clone()).map_err(|e| bad(format!("{name}: {e}")))
}

fn assess(input: &Value) -> Result<DonorAssessment, RaktError> {
    let donor: Donor = parse(&input["donor"], "donor")?;
    let checks: DonorChecks = parse(&input["checks"], "checks")?;
    let kind = DonationKind::parse(input["kind"].as_str().unwrap_or(""))?;
    let as_of = date(&input["as_of"], "as_of")?;
    let p = policy(input)?;
    let a = assess_donor(&donor, &checks, kind, as_of, &p);
    assert_eq!(
        decide_donor(&donor, &checks, kind, as_of, &p),
        a.as_ref()
            .map(DonorAssessment::decision)
            .map_err(Clone::clone),
        "decide_donor gives the assessment's decision, or the same refusal"
    );
    a
}

fn day_json(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| json!(d.format("%Y-%m-%d").to_string()))
}

pub(crate) fn op_assess_donor(input: &Value, expect: &Value) -> Outcome {
    let Some(a) = expect_ok(assess(input), expect)? else {
        return Ok(());
    };
    for (key, got) in [
        ("eligible", json!(a.eligible)),
        ("permanent", json!(a.permanent)),
        ("referred", json!(a.referred)),
        ("deferred_until", day_json(a.deferred_until)),
        ("next_eligible", day_json(a.next_eligible)),
    ] {
        if let Some(want) = expect.get(key) {
            check(key, &got, want)?;
        }
    }
    check_reasons(&a.reasons, expect, "codes", "facts")
}
