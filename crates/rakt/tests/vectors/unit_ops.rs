//! The unit-lifecycle and screening operations of the vector runner.

use rakt::unit::{BloodUnit, Collection, UnitEvent, UnitStatus, handle_reactive};
use rakt::{Policy, RaktError, parse_timestamp};
use serde_json::{Value, json};

use super::{Outcome, bad, check, check_error, check_reasons, check_time, expect_ok, policy};

fn collection(v: &Value) -> Result<Collection, RaktError> {
    serde_json::from_value(v.clone()).map_err(|e| {
        // Product validation surfaces through serde; recover the typed error where possible.
        let message = e.to_string();
        let field = ["product.preservative", "product.platelet_source"]
            .into_iter()
            .find(|f| message.contains(f))
            .unwrap_or("collection");
        bad_field(field, message)
    })
}

fn bad_field(field: &str, reason: String) -> RaktError {
    RaktError::InvalidInput {
        field: field.into(),
        reason,
    }
}

fn event(v: &Value) -> Result<UnitEvent, RaktError> {
    serde_json::from_value(v.clone()).map_err(|e| bad(format!("event: {e}")))
}

pub(crate) fn time(v: &Value) -> Result<chrono::DateTime<chrono::FixedOffset>, RaktError> {
    parse_timestamp(v.as_str().unwrap_or(""))
}

/// Collect, then apply the events in order. Returns the unit before the first refused event and
/// that error, if any.
fn build(input: &Value, p: &Policy) -> Result<(BloodUnit, Option<RaktError>), RaktError> {
    let mut unit = BloodUnit::collect(collection(&input["collection"])?, "tech", p)?;
    for raw in input["events"].as_array().into_iter().flatten() {
        let ev = event(raw)?;
        match unit.apply(&ev, p) {
            Ok(next) => unit = next,
            Err(e) => return Ok((unit, Some(e))),
        }
    }
    Ok((unit, None))
}

pub(crate) fn built(input: &Value, p: &Policy) -> Result<BloodUnit, RaktError> {
    match build(input, p)? {
        (u, None) => Ok(u),
        (_, Some(e)) => Err(e),
    }
}

fn ids(units: impl IntoIterator<Item = String>) -> Value {
    json!(units.into_iter().collect::<Vec<_>>())
}

pub(crate) fn op_unit_events(input: &Value, expect: &Value) -> Outcome {
    // A refused collection is an error of the whole case; a refused event leaves the unit as it
    // was before that event, whose status the case may check as well.
    let (unit, error) = match policy(input).and_then(|p| build(input, &p)) {
        Ok(built) => built,
        Err(e) => return check_error(&e, expect),
    };
    match (&error, expect.get("error")) {
        (Some(e), Some(_)) => check_error(e, expect)?,
        (Some(e), None) => return Err(format!("unexpected error: {e}")),
        (None, Some(want)) => return Err(format!("expected error {want}, got success")),
        (None, None) => {}
    }
    if let Some(want) = expect.get("status") {
        check("status", &json!(unit.status().as_str()), want)?;
    }
    if let Some(want) = expect.get("history_len") {
        check("history_len", &json!(unit.history().len()), want)?;
    }
    if let Some(want) = expect.get("expires_at") {
        check_time("expires_at", unit.expiry().expires_at, want)?;
    }
    if let Some(want) = expect.get("discard_reason") {
        check("discard_reason", &json!(unit.discard_reason()), want)?;
    }
    if let Some(want) = expect.get("reservation_patient") {
        check(
            "reservation_patient",
            &json!(unit.reservation().map(|r| &r.patient)),
            want,
        )?;
    }
    if let Some(want) = expect.get("modifications") {
        let mods: Vec<&str> = unit
            .product()
            .modifications()
            .iter()
            .map(|m| m.as_str())
            .collect();
        check("modifications", &json!(mods), want)?;
    }
    let last = unit.history().last().ok_or("empty history")?;
    check_reasons(&last.reasons, expect, "event_codes", "event_facts")?;
    if let Some(want) = expect.get("status_at") {
        let as_of = time(&input["as_of"]).map_err(|e| e.to_string())?;
        check("status_at", &json!(unit.status_at(as_of).as_str()), want)?;
    }
    Ok(())
}

pub(crate) fn op_release_verdict(input: &Value, expect: &Value) -> Outcome {
    let result = policy(input).and_then(|p| {
        let unit = built(input, &p)?;
        let as_of = time(&input["as_of"])?;
        Ok(unit.release_verdict(as_of, &p))
    });
    let Some(v) = expect_ok(result, expect)? else {
        return Ok(());
    };
    if let Some(want) = expect.get("releasable") {
        check("releasable", &json!(v.releasable), want)?;
    }
    check_reasons(&v.reasons, expect, "codes", "facts")
}

pub(crate) fn op_unit_hl7(input: &Value, expect: &Value) -> Outcome {
    if let Some(status) = input["status"].as_str() {
        let s = UnitStatus::parse(status).map_err(|e| e.to_string())?;
        return check("code", &json!(s.hl7()), &expect["code"]);
    }
    let result = UnitStatus::from_hl7(input["code"].as_str().unwrap_or(""));
    let Some(s) = expect_ok(result, expect)? else {
        return Ok(());
    };
    check("status", &json!(s.as_str()), &expect["status"])
}

pub(crate) fn op_handle_reactive(input: &Value, expect: &Value) -> Outcome {
    let result = policy(input).and_then(|p| {
        let unit = built(&input["unit"], &p)?;
        let stock = input["stock"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|u| built(u, &p))
            .collect::<Result<Vec<_>, _>>()?;
        handle_reactive(&unit, &stock, time(&input["at"])?, "tech", &p)
    });
    let Some(out) = expect_ok(result, expect)? else {
        return Ok(());
    };
    let got = json!({
        "discarded": ids(out.discarded.iter().map(|u| u.id().to_string())),
        "not_discarded": ids(out.not_discarded.iter().map(|e| e.unit.to_string())),
        "lookback": ids(out.lookback.iter().map(|e| e.unit.to_string())),
        "markers": json!(out.referral.markers.iter().map(|m| m.as_str()).collect::<Vec<_>>()),
        "referral_date": out.referral.date.to_string(),
        "deferral_markers": json!(out.referral.deferral_events.iter().map(|d| d.marker.map(|m| m.as_str())).collect::<Vec<_>>()),
        "donor_id": out.referral.donor_id,
    });
    for key in [
        "discarded",
        "not_discarded",
        "lookback",
        "markers",
        "referral_date",
        "deferral_markers",
        "donor_id",
    ] {
        if let Some(want) = expect.get(key) {
            check(key, &got[key], want)?;
        }
    }
    if let Some(want) = expect.get("discard_reason") {
        for u in &out.discarded {
            check("discard_reason", &json!(u.discard_reason()), want)?;
        }
    }
    Ok(())
}

pub(crate) fn op_split_unit(input: &Value, expect: &Value) -> Outcome {
    let result = policy(input).and_then(|p| {
        let unit = built(input, &p)?;
        let volumes: Vec<u32> =
            serde_json::from_value(input["volumes_ml"].clone()).map_err(|e| bad(e.to_string()))?;
        unit.split(&volumes, time(&input["at"])?, "tech")
    });
    let Some((parent, children)) = expect_ok(result, expect)? else {
        return Ok(());
    };
    if let Some(want) = expect.get("parent_status") {
        check("parent_status", &json!(parent.status().as_str()), want)?;
    }
    if let Some(want) = expect.get("children") {
        check(
            "children",
            &ids(children.iter().map(|c| c.id().to_string())),
            want,
        )?;
    }
    if let Some(want) = expect.get("volumes") {
        check(
            "volumes",
            &json!(children.iter().map(|c| c.volume_ml()).collect::<Vec<_>>()),
            want,
        )?;
    }
    for c in &children {
        if let Some(want) = expect.get("child_status") {
            check("child_status", &json!(c.status().as_str()), want)?;
        }
        if let Some(want) = expect.get("child_expires_at") {
            check_time("child_expires_at", c.expiry().expires_at, want)?;
        }
    }
    Ok(())
}

pub(crate) fn op_pool_units(input: &Value, expect: &Value) -> Outcome {
    let result = policy(input).and_then(|p| {
        let units = input["units"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|u| built(u, &p))
            .collect::<Result<Vec<_>, _>>()?;
        BloodUnit::pool(
            &units,
            input["pool_din"].as_str().unwrap_or(""),
            time(&input["at"])?,
            "tech",
            &p,
        )
    });
    let Some((constituents, pool)) = expect_ok(result, expect)? else {
        return Ok(());
    };
    if let Some(want) = expect.get("pool_status") {
        check("pool_status", &json!(pool.status().as_str()), want)?;
    }
    if let Some(want) = expect.get("constituent_status") {
        for c in &constituents {
            check("constituent_status", &json!(c.status().as_str()), want)?;
        }
    }
    if let Some(want) = expect.get("volume_ml") {
        check("volume_ml", &json!(pool.volume_ml()), want)?;
    }
    if let Some(want) = expect.get("expires_at") {
        check_time("expires_at", pool.expiry().expires_at, want)?;
    }
    if let Some(want) = expect.get("parents") {
        check(
            "parents",
            &ids(pool.parents().iter().map(|p| p.to_string())),
            want,
        )?;
    }
    Ok(())
}
