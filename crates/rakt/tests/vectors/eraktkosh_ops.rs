//! The e-RaktKosh operations of the vector runner.

use rakt::eraktkosh::{
    EraktkoshComponent, StockSummary, blood_group_from_code, blood_group_label,
    blood_group_to_code, component_from_code, stock_summary,
};
use rakt::{BloodGroup, Policy, RaktError, parse_timestamp};
use serde_json::{Value, json};

use super::{Outcome, check, check_keys, expect_ok, product};

fn code(input: &Value) -> i64 {
    input["code"].as_i64().unwrap_or(i64::MIN)
}

pub(crate) fn op_component_from_code(input: &Value, expect: &Value) -> Outcome {
    let Some(c) = expect_ok(component_from_code(code(input)), expect)? else {
        return Ok(());
    };
    check_keys(&json!({"code": c.code(), "name": c.name()}), expect)
}

pub(crate) fn op_component_product(input: &Value, expect: &Value) -> Outcome {
    let result = component_from_code(code(input)).and_then(EraktkoshComponent::product);
    let Some(p) = expect_ok(result, expect)? else {
        return Ok(());
    };
    let want = product(&expect["product"]).map_err(|e| e.to_string())?;
    check("product", &json!(p), &json!(want))
}

pub(crate) fn op_component_for_product(input: &Value, expect: &Value) -> Outcome {
    let result = product(&input["product"]).and_then(|p| EraktkoshComponent::for_product(&p));
    let Some(c) = expect_ok(result, expect)? else {
        return Ok(());
    };
    check("code", &json!(c.code()), &expect["code"])
}

pub(crate) fn op_blood_group_from_code(input: &Value, expect: &Value) -> Outcome {
    let result =
        blood_group_from_code(code(input)).and_then(|g| Ok((g, blood_group_label(code(input))?)));
    let Some((g, label)) = expect_ok(result, expect)? else {
        return Ok(());
    };
    check_keys(&json!({"group": g.to_string(), "label": label}), expect)
}

pub(crate) fn op_blood_group_to_code(input: &Value, expect: &Value) -> Outcome {
    let result = BloodGroup::parse(input["group"].as_str().unwrap_or(""))
        .and_then(|g| blood_group_to_code(&g));
    let Some(c) = expect_ok(result, expect)? else {
        return Ok(());
    };
    check("code", &json!(c), &expect["code"])
}

/// The summary in the vectors' shape: groups as `[code, label, count]`, uncounted units as
/// `{unit, code}`.
pub(crate) fn summary_json(s: &StockSummary) -> Value {
    let centres: Vec<Value> = s
        .centres
        .iter()
        .map(|c| {
            let components: Vec<Value> = c
                .components
                .iter()
                .map(|k| {
                    let groups: Vec<Value> = k
                        .groups
                        .iter()
                        .map(|g| json!([g.code, g.label, g.count]))
                        .collect();
                    json!({"code": k.component.code(), "name": k.name, "total": k.total,
                           "availability": k.availability, "groups": groups})
                })
                .collect();
            let uncounted: Vec<Value> = c
                .uncounted
                .iter()
                .map(|u| json!({"unit": u.unit, "code": u.code}))
                .collect();
            json!({"centre": c.centre, "components": components, "uncounted": uncounted})
        })
        .collect();
    json!({ "centres": centres })
}

pub(crate) fn op_stock_summary(input: &Value, expect: &Value) -> Outcome {
    let p = Policy::india();
    let result = (|| {
        let mut units = Vec::new();
        for entry in input["units"].as_array().into_iter().flatten() {
            let unit = super::unit_ops::built(&entry["unit"], &p)?;
            units.push((entry["centre"].as_str().unwrap_or("").to_string(), unit));
        }
        let as_of = parse_timestamp(input["as_of"].as_str().unwrap_or(""))?;
        stock_summary(units.iter().map(|(c, u)| (c.as_str(), u)), as_of)
    })();
    let result: Result<StockSummary, RaktError> = result;
    let Some(s) = expect_ok(result, expect)? else {
        return Ok(());
    };
    check_keys(&summary_json(&s), expect)
}
