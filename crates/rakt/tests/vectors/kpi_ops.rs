//! The KPI operation of the vector runner.

use rakt::kpi::{Kpi, KpiPeriod, KpiReport, KpiSet, kpis};
use rakt::{RaktError, parse_timestamp};
use serde_json::{Map, Value, json};

use super::{Outcome, check, expect_ok, policy};

/// `[numerator, denominator, value, met]`.
fn kpi_json(k: &Kpi) -> Value {
    json!([
        k.numerator,
        k.denominator,
        k.value.map(|v| v.to_string()),
        k.met
    ])
}

fn set_json(s: &KpiSet) -> Value {
    let map: Map<String, Value> = s
        .all()
        .into_iter()
        .map(|k| (k.code.as_str().to_string(), kpi_json(k)))
        .collect();
    Value::Object(map)
}

/// The report in the vectors' shape (tests/vectors/README.md, op `kpis`).
pub(crate) fn report_json(r: &KpiReport) -> Value {
    let mut kpis = Map::new();
    let mut components = Map::new();
    let mut component_list = Map::new();
    let mut reasons = Map::new();
    let mut skipped = Map::new();
    for f in &r.facilities {
        let name = f.facility.clone();
        kpis.insert(name.clone(), set_json(&f.kpis));
        let per: Map<String, Value> = f
            .components
            .iter()
            .map(|c| (c.component.as_str().to_string(), set_json(&c.kpis)))
            .collect();
        components.insert(name.clone(), Value::Object(per));
        let list: Vec<&str> = f.components.iter().map(|c| c.component.as_str()).collect();
        component_list.insert(name.clone(), json!(list));
        let rs: Vec<Value> = f
            .kpis
            .discard_reasons
            .iter()
            .map(|x| {
                json!([
                    x.reason,
                    x.kpi.numerator,
                    x.kpi.denominator,
                    x.kpi.value.map(|v| v.to_string())
                ])
            })
            .collect();
        reasons.insert(name.clone(), json!(rs));
        let sk: Vec<Value> = f.skipped.iter().map(|s| json!([s.unit, s.code])).collect();
        skipped.insert(name, json!(sk));
    }
    let targets = r.facilities.first().map(|f| {
        let map: Map<String, Value> = f
            .kpis
            .all()
            .into_iter()
            .map(|k| {
                let t = k
                    .target
                    .as_ref()
                    .map(|t| json!([t.comparison.as_str(), t.value.to_string()]));
                (k.code.as_str().to_string(), t.unwrap_or(Value::Null))
            })
            .collect();
        Value::Object(map)
    });
    json!({
        "facilities": r.facilities.iter().map(|f| f.facility.as_str()).collect::<Vec<_>>(),
        "kpis": kpis,
        "components": components,
        "component_list": component_list,
        "discard_reasons": reasons,
        "skipped": skipped,
        "targets": targets,
    })
}

/// Objects are compared key by key for the keys the case lists; anything else exactly.
fn check_subset(what: &str, got: &Value, want: &Value) -> Outcome {
    match want {
        Value::Object(map) => {
            for (key, w) in map {
                check_subset(&format!("{what}.{key}"), &got[key.as_str()], w)?;
            }
            Ok(())
        }
        _ => check(what, got, want),
    }
}

pub(crate) fn op_kpis(input: &Value, expect: &Value) -> Outcome {
    let result = (|| {
        let p = policy(input)?;
        let mut units = Vec::new();
        for entry in input["units"].as_array().into_iter().flatten() {
            let unit = super::unit_ops::built(&entry["unit"], &p)?;
            units.push((entry["facility"].as_str().unwrap_or("").to_string(), unit));
        }
        let from = parse_timestamp(input["from"].as_str().unwrap_or(""))?;
        let to = parse_timestamp(input["to"].as_str().unwrap_or(""))?;
        let period = KpiPeriod::new(from, to)?;
        kpis(units.iter().map(|(f, u)| (f.as_str(), u)), &period, &p)
    })();
    let result: Result<KpiReport, RaktError> = result;
    let Some(r) = expect_ok(result, expect)? else {
        return Ok(());
    };
    let got = report_json(&r);
    for (key, want) in expect.as_object().into_iter().flatten() {
        if key.starts_with("error") {
            continue;
        }
        if key == "kpis" || key == "components" {
            check_subset(key, &got[key.as_str()], want)?;
        } else {
            check(key, &got[key.as_str()], want)?;
        }
    }
    Ok(())
}
