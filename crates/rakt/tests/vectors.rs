//! Conformance vectors (tests/vectors/*.json and $RAKT_EXTRA_VECTORS/*.json) through the public
//! Rust API. The format is documented in tests/vectors/README.md. Each case counts as one test;
//! the summary line has the same shape as libtest's.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use rakt::{
    BloodGroup, Component, Expiry, Policy, Product, RaktError, Recipient, Redating, compatibility,
    donor_preference, parse_timestamp,
};
use serde_json::{Value, json};

#[path = "vectors/donor_ops.rs"]
mod donor_ops;
#[path = "vectors/eraktkosh_ops.rs"]
mod eraktkosh_ops;
#[path = "vectors/fhir_ops.rs"]
mod fhir_ops;
#[path = "vectors/inventory_ops.rs"]
mod inventory_ops;
#[path = "vectors/isbt_ops.rs"]
mod isbt_ops;
#[path = "vectors/kpi_ops.rs"]
mod kpi_ops;
#[path = "vectors/pregnancy_ops.rs"]
mod pregnancy_ops;
#[path = "vectors/tariff_ops.rs"]
mod tariff_ops;
#[path = "vectors/unit_ops.rs"]
mod unit_ops;

type Outcome = Result<(), String>;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    let mut files = json_files(&dir);
    if let Ok(extra) = std::env::var("RAKT_EXTRA_VECTORS") {
        if !extra.is_empty() {
            files.extend(json_files(Path::new(&extra)));
        }
    }
    assert!(!files.is_empty(), "no vector files in {}", dir.display());
    runner_self_check();
    let mut seen = BTreeSet::new();
    let (mut passed, mut failed) = (0usize, 0usize);
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let doc: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not JSON: {e}", file.display()));
        for case in doc["cases"].as_array().expect("cases") {
            let id = case["id"].as_str().expect("id").to_string();
            let outcome = if !seen.insert(id.clone()) {
                Err(format!(
                    "duplicate id (also in an earlier file) in {}",
                    file.display()
                ))
            } else {
                run_case(case)
            };
            match outcome {
                Ok(()) => passed += 1,
                Err(why) => {
                    failed += 1;
                    println!("vector {id} FAILED: {why}");
                }
            }
        }
    }
    let status = if failed == 0 { "ok" } else { "FAILED" };
    println!(
        "vectors: {} files\ntest result: {status}. {passed} passed; {failed} failed; 0 ignored",
        files.len()
    );
    if failed > 0 {
        std::process::exit(1);
    }
}

/// The runner itself, on deliberately right and wrong cases: only the keys a case gives are
/// compared, a wrong answer fails, and an expected error that does not come fails cleanly.
fn runner_self_check() {
    let din = "G123417654321";
    let c = rakt::isbt128::check_character(din).unwrap().to_string();
    let wrong = if c == "A" { "B" } else { "A" };
    let case = |expect: Value| {
        run_case(
            &json!({"op": "isbt128_check_character", "input": {"din13": din}, "expect": expect}),
        )
    };
    assert_eq!(
        case(json!({"check_character": c})),
        Ok(()),
        "a key left out was compared"
    );
    assert!(
        case(json!({"check_character": wrong})).is_err(),
        "a wrong answer passed"
    );
    let e = case(json!({"error": "InvalidCode"})).unwrap_err();
    assert!(e.contains("got success"), "{e}");
    let e = run_case(
        &json!({"op": "isbt128_parse_scan", "input": {"text": "=A99992112345600"}, "expect": {"error": "InvalidCode"}}),
    );
    assert!(
        e.is_err_and(|e| e.contains("got success")),
        "a scan that succeeds must fail cleanly"
    );
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    out.sort();
    out
}

fn run_case(case: &Value) -> Outcome {
    let input = &case["input"];
    let expect = &case["expect"];
    match case["op"].as_str().unwrap_or("") {
        "parse_blood_group" => op_parse(input, expect),
        "compatibility" => op_compatibility(input, expect),
        "donor_preference" => op_preference(input, expect),
        "expiry" => op_expiry(input, expect),
        "pool_expiry" => op_pool(input, expect),
        "policy_load" => op_policy(input, expect),
        "assess_donor" => donor_ops::op_assess_donor(input, expect),
        "unit_events" => unit_ops::op_unit_events(input, expect),
        "release_verdict" => unit_ops::op_release_verdict(input, expect),
        "unit_hl7" => unit_ops::op_unit_hl7(input, expect),
        "handle_reactive" => unit_ops::op_handle_reactive(input, expect),
        "split_unit" => unit_ops::op_split_unit(input, expect),
        "pool_units" => unit_ops::op_pool_units(input, expect),
        "isbt128_check_character" => op_isbt_check(input, expect),
        "isbt128_parse_din" => op_isbt_din(input, expect),
        "eraktkosh_component_from_code" => eraktkosh_ops::op_component_from_code(input, expect),
        "eraktkosh_component_product" => eraktkosh_ops::op_component_product(input, expect),
        "eraktkosh_component_for_product" => eraktkosh_ops::op_component_for_product(input, expect),
        "eraktkosh_blood_group_from_code" => eraktkosh_ops::op_blood_group_from_code(input, expect),
        "eraktkosh_blood_group_to_code" => eraktkosh_ops::op_blood_group_to_code(input, expect),
        "eraktkosh_stock_summary" => eraktkosh_ops::op_stock_summary(input, expect),
        "isbt128_decode_blood_group" => isbt_ops::op_decode_blood_group(input, expect),
        "isbt128_encode_blood_group" => isbt_ops::op_encode_blood_group(input, expect),
        "isbt128_parse_product_code" => isbt_ops::op_parse_product_code(input, expect),
        "isbt128_decode_datetime" => isbt_ops::op_decode_datetime(input, expect),
        "isbt128_encode_datetime" => isbt_ops::op_encode_datetime(input, expect),
        "isbt128_parse_scan" => isbt_ops::op_parse_scan(input, expect),
        "isbt128_label_to_unit" => isbt_ops::op_label_to_unit(input, expect),
        "fhir_export" => fhir_ops::op_fhir_export(input, expect),
        "fhir_import" => fhir_ops::op_fhir_import(input, expect),
        "inventory_allocate" => inventory_ops::op_allocate(input, expect),
        "inventory_storage_centre_check" => inventory_ops::op_storage_centre_check(input, expect),
        "inventory_days_of_stock" => inventory_ops::op_days_of_stock(input, expect),
        "inventory_transfer" => inventory_ops::op_transfer(input, expect),
        "kpis" => kpi_ops::op_kpis(input, expect),
        "tariff_ceiling" => tariff_ops::op_ceiling(input, expect),
        "tariff_validate" => tariff_ops::op_validate(input, expect),
        "tariff_bill" => tariff_ops::op_bill(input, expect),
        "assess_pregnancy" => pregnancy_ops::op_assess(input, expect),
        "blood_readiness" => pregnancy_ops::op_readiness(input, expect),
        "early_warning" => pregnancy_ops::op_early_warning(input, expect),
        "shock_index" => pregnancy_ops::op_shock_index(input, expect),
        "pph_red_flags" => pregnancy_ops::op_red_flags(input, expect),
        "classify_pph" => pregnancy_ops::op_classify_pph(input, expect),
        "robson_group" => pregnancy_ops::op_robson(input, expect),
        op @ ("edd_from_lmp"
        | "gestational_age"
        | "birth_weight"
        | "fetal_death"
        | "newborn_death"
        | "maternal_death_window") => pregnancy_ops::op_gestation(op, input, expect),
        other => Err(format!("unknown op {other:?}")),
    }
}

// ---- helpers -------------------------------------------------------------------------------

pub(crate) fn check(what: &str, got: &Value, want: &Value) -> Outcome {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got}, want {want}"))
    }
}

/// Every expected key except the error details, compared with the same key of `got`.
pub(crate) fn check_keys(got: &Value, expect: &Value) -> Outcome {
    for (key, want) in expect.as_object().into_iter().flatten() {
        if !key.starts_with("error") {
            check(key, &got[key.as_str()], want)?;
        }
    }
    Ok(())
}

pub(crate) fn check_time(what: &str, got: DateTime<FixedOffset>, want: &Value) -> Outcome {
    let want_t = parse_timestamp(want.as_str().unwrap_or("")).map_err(|e| e.to_string())?;
    if got == want_t && got.offset() == want_t.offset() {
        Ok(())
    } else {
        Err(format!("{what}: got {}, want {want}", got.to_rfc3339()))
    }
}

pub(crate) fn policy(input: &Value) -> Result<Policy, RaktError> {
    match &input["policy"] {
        Value::Null => Ok(Policy::india()),
        Value::String(name) => Policy::builtin(name),
        doc => Policy::from_json(&doc.to_string()),
    }
}

fn group(v: &Value) -> Result<BloodGroup, RaktError> {
    BloodGroup::parse(v.as_str().unwrap_or(""))
}

fn recipient(v: &Value) -> Result<Recipient, RaktError> {
    let mut r = Recipient::unknown_group();
    if let Some(g) = v["group"].as_str() {
        r.group = Some(BloodGroup::parse(g)?);
    }
    r.sex = match v["sex"].as_str() {
        None => None,
        Some(s) => Some(serde_json::from_value(json!(s)).map_err(|e| bad(e.to_string()))?),
    };
    r.age_years = v["age_years"].as_u64().map(|a| a as u32);
    r.anti_d = v["anti_d"].as_bool().unwrap_or(false);
    r.chronically_transfused = v["chronically_transfused"].as_bool().unwrap_or(false);
    Ok(r)
}

pub(crate) fn bad(why: String) -> RaktError {
    RaktError::InvalidInput {
        field: "vector".into(),
        reason: why,
    }
}

fn component(v: &Value) -> Result<Component, RaktError> {
    Component::parse(v.as_str().unwrap_or(""))
}

/// Check a list of reasons against `expect[codes_key]` (exact, in order), `expect.codes_include`
/// and `expect[facts_key]` (`{code: {fact: value}}`).
pub(crate) fn check_reasons(
    reasons: &[rakt::Reason],
    expect: &Value,
    codes_key: &str,
    facts_key: &str,
) -> Outcome {
    let codes: Vec<&str> = reasons.iter().map(|r| r.code.as_str()).collect();
    if let Some(want) = expect.get(codes_key) {
        check(codes_key, &json!(codes), want)?;
    }
    if let Some(want) = expect["codes_include"].as_array() {
        for code in want {
            if !codes.iter().any(|c| json!(c) == *code) {
                return Err(format!("codes {codes:?} lack {code}"));
            }
        }
    }
    for (code, facts) in expect[facts_key].as_object().into_iter().flatten() {
        let reason = reasons
            .iter()
            .find(|r| r.code.as_str() == code)
            .ok_or_else(|| format!("no reason {code} in {codes:?}"))?;
        for (name, value) in facts.as_object().into_iter().flatten() {
            check(
                &format!("{code}.facts.{name}"),
                &json!(reason.facts.get(name)),
                value,
            )?;
        }
    }
    Ok(())
}

/// Compare an error with `expect.error` and its details; or, with no error expected, report it.
pub(crate) fn check_error(err: &RaktError, expect: &Value) -> Outcome {
    let Some(kind) = expect["error"].as_str() else {
        return Err(format!("unexpected error: {err}"));
    };
    check("error", &json!(err.kind()), &json!(kind))?;
    if let Some(want) = expect.get("error_position") {
        let position = match err {
            RaktError::InvalidCode { position, .. } => Some(*position),
            _ => None,
        };
        check("error_position", &json!(position), want)?;
    }
    let (path, code, field) = match err {
        RaktError::InvalidPolicy { path, .. } | RaktError::PolicyValueMissing { path, .. } => {
            (Some(path.as_str()), None, None)
        }
        RaktError::NotApplicable { code, .. } => (None, Some(code.as_str()), None),
        RaktError::InvalidInput { field, .. } => (None, None, Some(field.as_str())),
        _ => (None, None, None),
    };
    if let Some(want) = expect.get("error_path") {
        check("error_path", &json!(path), want)?;
    }
    if let Some(want) = expect.get("error_code") {
        check("error_code", &json!(code), want)?;
    }
    if let Some(want) = expect.get("error_field") {
        check("error_field", &json!(field), want)?;
    }
    if let Some(want) = expect["error_contains"].as_str() {
        if !err.to_string().contains(want) {
            return Err(format!("error {err:?} does not contain {want:?}"));
        }
    }
    Ok(())
}

pub(crate) fn expect_ok<T>(
    result: Result<T, RaktError>,
    expect: &Value,
) -> Result<Option<T>, String> {
    match result {
        Ok(v) => {
            if expect.get("error").is_some() {
                Err(format!("expected error {}, got success", expect["error"]))
            } else {
                Ok(Some(v))
            }
        }
        Err(e) => check_error(&e, expect).map(|()| None),
    }
}

// ---- operations ----------------------------------------------------------------------------

fn op_parse(input: &Value, expect: &Value) -> Outcome {
    let Some(g) = expect_ok(group(&input["text"]), expect)? else {
        return Ok(());
    };
    let got = json!({
        "display": g.to_string(),
        "notation": g.notation(),
        "abo": g.abo().as_str(),
        "rhd": g.rhd(),
        "a_subgroup": g.a_subgroup(),
        "weak_d": g.weak_d(),
    });
    for key in ["display", "notation", "abo", "rhd", "a_subgroup", "weak_d"] {
        if let Some(want) = expect.get(key) {
            check(key, &got[key], want)?;
        }
    }
    Ok(())
}

fn op_isbt_check(input: &Value, expect: &Value) -> Outcome {
    let din13 = input["din13"].as_str().unwrap_or("");
    let result = rakt::isbt128::check_character(din13)
        .and_then(|c| Ok((c, rakt::isbt128::type3_flag(din13)?)));
    let Some((c, t3)) = expect_ok(result, expect)? else {
        return Ok(());
    };
    let got = json!({"check_character": c.to_string(), "type3_flag": t3});
    check_keys(&got, expect)
}

fn op_isbt_din(input: &Value, expect: &Value) -> Outcome {
    let text = input["text"].as_str().unwrap_or("");
    let Some(d) = expect_ok(rakt::isbt128::parse_din(text), expect)? else {
        return Ok(());
    };
    let got = json!({
        "din13": d.din13(),
        "facility": d.facility(),
        "year": d.year(),
        "sequence": d.sequence(),
        "flags": d.flags(),
        "flag_kind": d.flag().map(|f| f.kind()),
        "check_character": d.check_character().to_string(),
        "barcode": d.barcode(),
        "eye_readable": d.eye_readable(),
    });
    check_keys(&got, expect)
}

fn op_compatibility(input: &Value, expect: &Value) -> Outcome {
    let args = (|| {
        Ok::<_, RaktError>((
            component(&input["component"])?,
            group(&input["donor"])?,
            recipient(&input["recipient"])?,
            policy(input)?,
        ))
    })();
    let Some((c, donor, r, p)) = expect_ok(args, expect)? else {
        return Ok(());
    };
    let v = compatibility(c, &donor, &r, &p);
    let decided = rakt::decide_compatibility(c, &donor, &r, &p);
    if decided != v.decision() {
        return Err(format!(
            "decide_compatibility gives {decided:?}, compatibility {:?}",
            v.decision()
        ));
    }
    if let Some(want) = expect.get("compatible") {
        check("compatible", &json!(v.compatible), want)?;
    }
    if let Some(want) = expect.get("rank") {
        check("rank", &json!(v.rank.as_str()), want)?;
    }
    if let Some(want) = expect.get("emergency") {
        check("emergency", &json!(v.emergency), want)?;
    }
    check_reasons(&v.reasons, expect, "codes", "facts")
}

fn op_preference(input: &Value, expect: &Value) -> Outcome {
    let args = (|| {
        Ok::<_, RaktError>((
            component(&input["component"])?,
            recipient(&input["recipient"])?,
            policy(input)?,
        ))
    })();
    let Some((c, r, p)) = expect_ok(args, expect)? else {
        return Ok(());
    };
    let options = donor_preference(c, &r, &p);
    let groups: Vec<String> = options.iter().map(|o| o.group.to_string()).collect();
    if let Some(want) = expect.get("groups") {
        check("groups", &json!(groups), want)?;
    }
    if let Some(want) = expect.get("ranks") {
        let ranks: Vec<&str> = options.iter().map(|o| o.rank.as_str()).collect();
        check("ranks", &json!(ranks), want)?;
    }
    Ok(())
}

fn optional<T: serde::de::DeserializeOwned>(v: &Value, name: &str) -> Result<Option<T>, RaktError> {
    match &v[name] {
        Value::Null => Ok(None),
        x => serde_json::from_value(x.clone())
            .map(Some)
            .map_err(|e| bad(format!("{name}: {e}"))),
    }
}

pub(crate) fn product(v: &Value) -> Result<Product, RaktError> {
    let mods: Vec<rakt::Modification> = optional(v, "modifications")?.unwrap_or_default();
    let preservative = optional(v, "preservative")?;
    let source = optional(v, "platelet_source")?;
    Ok(Product::new(component(&v["component"])?, preservative, source)?.with_modifications(mods))
}

fn redating(v: &Value) -> Result<Redating, RaktError> {
    let at = parse_timestamp(v["at"].as_str().unwrap_or(""))?;
    match v["kind"].as_str().unwrap_or("") {
        "irradiated" => Ok(Redating::Irradiated { at }),
        "washed" => Ok(Redating::Washed { at }),
        "opened" => Ok(Redating::Opened { at }),
        "thawed" => Ok(Redating::Thawed {
            at,
            storage: serde_json::from_value(v["storage"].clone())
                .map_err(|e| bad(e.to_string()))?,
        }),
        other => Err(bad(format!("unknown event kind {other:?}"))),
    }
}

/// Base expiry, with modifications already on the product handed to `Expiry::compute` so that
/// its refusal is what the case sees; then each event in order.
fn unit_expiry(unit: &Value, p: &Policy) -> Result<Expiry, RaktError> {
    let prod = product(&unit["product"])?;
    let collected = parse_timestamp(unit["collected_at"].as_str().unwrap_or(""))?;
    let e = Expiry::compute(&prod, collected, p);
    assert_eq!(
        rakt::decide_expiry(&prod, collected, p),
        e.as_ref().map(Expiry::decision).map_err(Clone::clone),
        "decide_expiry gives the computed expiry's decision, or the same refusal"
    );
    let mut e = e?;
    for event in unit["events"].as_array().into_iter().flatten() {
        e = e.redate(&redating(event)?, p)?;
    }
    Ok(e)
}

fn check_expiry(e: &Expiry, input: &Value, expect: &Value) -> Outcome {
    if let Some(want) = expect.get("expires_at") {
        check_time("expires_at", e.expires_at, want)?;
    }
    if let Some(want) = expect.get("codes") {
        let codes: Vec<&str> = e.reasons.iter().map(|r| r.code.as_str()).collect();
        check("codes", &json!(codes), want)?;
    }
    if let Some(want) = expect.get("modifications") {
        let mods: Vec<&str> = e
            .product
            .modifications()
            .iter()
            .map(|m| m.as_str())
            .collect();
        check("modifications", &json!(mods), want)?;
    }
    let as_of =
        || parse_timestamp(input["as_of"].as_str().unwrap_or("")).map_err(|e| e.to_string());
    if let Some(want) = expect.get("expired") {
        check("expired", &json!(e.is_expired(as_of()?)), want)?;
    }
    if let Some(want) = expect.get("within") {
        let minutes = input["within_minutes"].as_u64().ok_or("within_minutes")?;
        let within = e.expires_within(Duration::from_secs(minutes * 60), as_of()?);
        check("within", &json!(within), want)?;
    }
    Ok(())
}

fn op_expiry(input: &Value, expect: &Value) -> Outcome {
    let result = policy(input).and_then(|p| unit_expiry(input, &p));
    match expect_ok(result, expect)? {
        Some(e) => check_expiry(&e, input, expect),
        None => Ok(()),
    }
}

fn op_pool(input: &Value, expect: &Value) -> Outcome {
    let result = policy(input).and_then(|p| {
        let units = input["units"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|u| unit_expiry(u, &p))
            .collect::<Result<Vec<_>, _>>()?;
        let at = parse_timestamp(input["pooled_at"].as_str().unwrap_or(""))?;
        Expiry::pool(&units, at, &p)
    });
    match expect_ok(result, expect)? {
        Some(e) => check_expiry(&e, input, expect),
        None => Ok(()),
    }
}

fn op_policy(input: &Value, expect: &Value) -> Outcome {
    let text = input["text"].as_str().unwrap_or("");
    let result = match input["format"].as_str() {
        Some("json") => Policy::from_json(text),
        Some("toml") => Policy::from_toml(text),
        other => return Err(format!("unknown format {other:?}")),
    };
    let Some(p) = expect_ok(result, expect)? else {
        return Ok(());
    };
    if let Some(want) = expect.get("name") {
        check("name", &json!(p.name), want)?;
    }
    let exported: Value = serde_json::from_str(&p.to_json().map_err(|e| e.to_string())?).unwrap();
    for (path, want) in expect["values"].as_object().into_iter().flatten() {
        let got = path.split('.').fold(&exported, |node, key| &node[key]);
        check(path, got, want)?;
    }
    for (path, want) in expect["confidence"].as_object().into_iter().flatten() {
        let got = p.source(path).map(|s| s.confidence.as_str());
        check(&format!("confidence of {path}"), &json!(got), want)?;
    }
    Ok(())
}
