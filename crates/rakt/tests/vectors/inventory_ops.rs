//! The inventory operations of the vector runner.

use rakt::inventory::{Allocation, AllocationRequest, Inventory};
use rakt::{Policy, RaktError, parse_timestamp};
use serde_json::{Value, json};

use super::{Outcome, bad, check, check_time, expect_ok, policy};

fn time(v: &Value) -> Result<chrono::DateTime<chrono::FixedOffset>, RaktError> {
    parse_timestamp(v.as_str().unwrap_or(""))
}

fn request(v: &Value) -> Result<AllocationRequest, RaktError> {
    serde_json::from_value(v.clone()).map_err(|e| bad(e.to_string()))
}

/// The inventory of `input.units`, after `input.steps` (reserve, and issue when asked).
fn inventory(input: &Value) -> Result<Inventory, RaktError> {
    let p: Policy = policy(input)?;
    let mut inv = Inventory::new("BC", p.clone());
    for u in input["units"].as_array().into_iter().flatten() {
        inv.add(super::unit_ops::built(u, &p)?)?;
    }
    for step in input["steps"].as_array().into_iter().flatten() {
        let at = time(&step["at"])?;
        let actor = step["actor"].as_str().unwrap_or("");
        let req = request(&step["reserve"])?;
        let held = inv.reserve(&req, at, actor)?;
        if step["issue"].as_bool() == Some(true) {
            inv.issue(&held.ids(), &req.patient, at, actor)?;
        }
    }
    Ok(inv)
}

pub(crate) fn op_allocate(input: &Value, expect: &Value) -> Outcome {
    let result = (|| -> Result<Allocation, RaktError> {
        let inv = inventory(input)?;
        inv.allocate(&request(&input["request"])?, time(&input["as_of"])?)
    })();
    let Some(a) = expect_ok(result, expect)? else {
        return Ok(());
    };
    let dins: Vec<&str> = a.units.iter().map(|u| u.id.din.as_str()).collect();
    for (key, want) in expect.as_object().into_iter().flatten() {
        match key.as_str() {
            "units" => check("units", &json!(dins), want)?,
            "tiers" => check(
                "tiers",
                &json!(a.units.iter().map(|u| u.tier).collect::<Vec<_>>()),
                want,
            )?,
            "shortfall" => check("shortfall", &json!(a.shortfall), want)?,
            "emergency" => check("emergency", &json!(a.emergency), want)?,
            "unit_codes" => check(
                "unit_codes",
                &json!(a.units.iter().map(|u| u.codes()).collect::<Vec<_>>()),
                want,
            )?,
            "expires_at" => {
                let wants = want.as_array().cloned().unwrap_or_default();
                check(
                    "expires_at count",
                    &json!(a.units.len()),
                    &json!(wants.len()),
                )?;
                for (u, w) in a.units.iter().zip(&wants) {
                    check_time("expires_at", u.expires_at, w)?;
                }
            }
            "skipped" => {
                for (group, codes) in want.as_object().into_iter().flatten() {
                    let got = a
                        .skipped
                        .iter()
                        .find(|s| s.group.to_string() == *group)
                        .map(|s| json!(s.codes()));
                    check(
                        &format!("skipped {group}"),
                        &got.unwrap_or(Value::Null),
                        codes,
                    )?;
                }
            }
            other => return Err(format!("unknown expect key {other:?}")),
        }
    }
    Ok(())
}

pub(crate) fn op_storage_centre_check(input: &Value, expect: &Value) -> Outcome {
    let result = inventory(input).and_then(|inv| inv.storage_centre_check(time(&input["as_of"])?));
    let Some(c) = expect_ok(result, expect)? else {
        return Ok(());
    };
    let gaps: Vec<Value> = c
        .gaps()
        .iter()
        .map(|g| json!([g.group.to_string(), g.required, g.on_hand, g.missing]))
        .collect();
    super::check_keys(&json!({"met": c.met, "gaps": gaps}), expect)
}

pub(crate) fn op_days_of_stock(input: &Value, expect: &Value) -> Outcome {
    let window = u32::try_from(input["window_days"].as_u64().unwrap_or(0)).unwrap_or(0);
    let result = inventory(input).and_then(|inv| inv.days_of_stock(time(&input["as_of"])?, window));
    let Some(rows) = expect_ok(result, expect)? else {
        return Ok(());
    };
    let rows: Vec<Value> = rows
        .iter()
        .map(|r| {
            json!([
                r.component.as_str(),
                r.group.to_string(),
                r.on_hand,
                r.issued,
                r.average_daily_issues.to_string(),
                r.days.map(|d| d.to_string())
            ])
        })
        .collect();
    super::check_keys(&json!({ "rows": rows }), expect)
}

pub(crate) fn op_transfer(input: &Value, expect: &Value) -> Outcome {
    let result = (|| -> Result<rakt::inventory::TransferOutcome, RaktError> {
        let mut hub = inventory(input)?;
        let to_policy = policy(&json!({ "policy": input["to_policy"] }))?;
        let mut to = Inventory::new(input["to"].as_str().unwrap_or(""), to_policy);
        let mut ids = Vec::new();
        for id in input["ids"].as_array().into_iter().flatten() {
            ids.push(rakt::unit::UnitId::new(id.as_str().unwrap_or(""), None)?);
        }
        let dec = |k: &str| -> Result<rust_decimal::Decimal, RaktError> {
            input[k]
                .as_str()
                .unwrap_or("")
                .parse()
                .map_err(|_| bad(format!("{k} is not a decimal")))
        };
        hub.transfer(
            &ids,
            &mut to,
            time(&input["dispatched_at"])?,
            dec("min_celsius")?,
            dec("max_celsius")?,
            time(&input["at"])?,
            "driver",
        )
    })();
    let Some(o) = expect_ok(result, expect)? else {
        return Ok(());
    };
    let dins =
        |ids: &[rakt::unit::UnitId]| json!(ids.iter().map(|i| i.din.clone()).collect::<Vec<_>>());
    super::check_keys(
        &json!({"received": dins(&o.received), "discarded": dins(&o.discarded)}),
        expect,
    )
}
