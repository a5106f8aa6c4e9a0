//! The ISBT 128 data-structure operations of the vector runner (isbt128_structures.json).

use chrono::{FixedOffset, NaiveDate};
use rakt::isbt128::{
    self as isbt, BloodGroupCode, DateKind, GroupCode, IntendedUse, LabelDetails, LabelGroup,
    LabelRhd, RhKell,
};
use rakt::{BloodGroup, Policy, RaktError, parse_timestamp};
use serde_json::{Value, json};

use super::{Outcome, check, check_time, expect_ok};

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn input_error(field: &str, reason: &str) -> RaktError {
    RaktError::InvalidInput {
        field: field.into(),
        reason: reason.into(),
    }
}

/// Checks every key of `expect` that is not an error key against `got`.
fn check_all(got: &Value, expect: &Value) -> Outcome {
    for (key, want) in expect.as_object().into_iter().flatten() {
        if key.starts_with("error") {
            continue;
        }
        let value = got
            .get(key)
            .ok_or_else(|| format!("unknown expect key {key}"))?;
        check(key, value, want)?;
    }
    Ok(())
}

fn label_group(g: LabelGroup) -> String {
    match g {
        LabelGroup::Abo(abo) => abo.as_str().to_string(),
        LabelGroup::Bombay => "Oh".to_string(),
        LabelGroup::ParaBombay(None) => "para_bombay".to_string(),
        LabelGroup::ParaBombay(Some(abo)) => format!("para_bombay_{}", abo.as_str()),
    }
}

fn group_json(g: &BloodGroupCode) -> Value {
    let code = g.group_code();
    let rk = g.rh_kell();
    let (kind, group, rhd) = match code {
        GroupCode::Group { group, rhd, .. } => (
            "group",
            Some(label_group(group)),
            Some(match rhd {
                LabelRhd::Positive => "positive",
                LabelRhd::Negative => "negative",
                LabelRhd::Unspecified => "unspecified",
            }),
        ),
        GroupCode::PooledOrSubgroup(_) => ("pooled_or_subgroup", None, None),
        GroupCode::Special(_) => ("special", None, None),
    };
    json!({
        "code": code.code(),
        "kind": kind,
        "label_group": group,
        "rhd": rhd,
        "intended_use": code.intended_use().map(IntendedUse::as_str),
        "donation_type": code.intended_use().and_then(IntendedUse::donation_type).map(|d| d.as_str()),
        "pooled_or_subgroup": match code {
            GroupCode::PooledOrSubgroup(p) => Some(p.as_str()),
            _ => None,
        },
        "special_message": code.special_message().map(|m| m.as_str()),
        "implied_status": code.special_message().and_then(|m| m.implied_status()).map(|s| s.as_str()),
        "blood_group": g.blood_group().map(|b| b.notation()),
        "rh_kell": rk.as_char().to_string(),
        "rh_phenotype": rk.rh().map(|p| p.notation()),
        "kell": rk.kell().map(|k| k.as_str()),
        "mia_mur_positive": rk.mia_mur_positive(),
        "see_special_testing": rk.see_special_testing(),
        "encoded": g.encode(),
    })
}

pub(crate) fn op_decode_blood_group(input: &Value, expect: &Value) -> Outcome {
    let Some(g) = expect_ok(isbt::decode_blood_group(text(&input["text"])), expect)? else {
        return Ok(());
    };
    check_all(&group_json(&g), expect)
}

pub(crate) fn op_encode_blood_group(input: &Value, expect: &Value) -> Outcome {
    let result = (|| {
        let group = BloodGroup::parse(text(&input["group"]))?;
        let use_name = input["intended_use"].as_str().unwrap_or("default");
        let column = IntendedUse::ALL
            .into_iter()
            .find(|u| u.as_str() == use_name)
            .ok_or_else(|| input_error("intended_use", "not a column of Table 4"))?;
        let r = input["rh_kell"].as_str().unwrap_or("0");
        let mut chars = r.chars();
        let rh_kell = match (chars.next(), chars.next()) {
            (Some(c), None) => RhKell::from_char(c),
            _ => None,
        }
        .ok_or_else(|| input_error("rh_kell", "not a character of Table 6"))?;
        BloodGroupCode::new(GroupCode::for_group(&group, column)?, rh_kell)
    })();
    let Some(g) = expect_ok(result, expect)? else {
        return Ok(());
    };
    check_all(&group_json(&g), expect)
}

pub(crate) fn op_parse_product_code(input: &Value, expect: &Value) -> Outcome {
    let Some(p) = expect_ok(isbt::parse_product_code(text(&input["text"])), expect)? else {
        return Ok(());
    };
    let got = json!({
        "description_code": p.description_code(),
        "family": p.family().as_str(),
        "collection_type": p.collection_type().map(|t| t.as_str()),
        "donation_type": p.collection_type().and_then(|t| t.donation_type()).map(|d| d.as_str()),
        "division": p.division(),
        "pack_code": p.pack_code(),
        "encoded": p.encode(),
    });
    check_all(&got, expect)
}

fn date_json(d: &isbt::IsbtDate) -> Value {
    json!({
        "kind": d.kind().as_str(),
        "structure": d.structure(),
        "date": d.date().format("%Y-%m-%d").to_string(),
        "time": d.time().map(|t| t.format("%H:%M").to_string()),
        "datetime": d.datetime().format("%Y-%m-%dT%H:%M").to_string(),
        "encoded": d.encode(),
    })
}

pub(crate) fn op_decode_datetime(input: &Value, expect: &Value) -> Outcome {
    let Some(d) = expect_ok(isbt::decode_datetime(text(&input["text"])), expect)? else {
        return Ok(());
    };
    check_all(&date_json(&d), expect)
}

pub(crate) fn op_encode_datetime(input: &Value, expect: &Value) -> Outcome {
    let result = (|| {
        let kind = [
            DateKind::Expiration,
            DateKind::Collection,
            DateKind::Production,
        ]
        .into_iter()
        .find(|k| k.as_str() == text(&input["kind"]))
        .ok_or_else(|| input_error("kind", "not a date kind"))?;
        match input["date"].as_str() {
            Some(day) => {
                let day = NaiveDate::parse_from_str(day, "%Y-%m-%d")
                    .map_err(|e| input_error("vector", &e.to_string()))?;
                isbt::IsbtDate::date_only(kind, day)
            }
            None => {
                let at = parse_timestamp(text(&input["at"]))?;
                isbt::IsbtDate::date_time(kind, at.naive_local())
            }
        }
    })();
    let Some(d) = expect_ok(result, expect)? else {
        return Ok(());
    };
    check_all(&date_json(&d), expect)
}

pub(crate) fn op_parse_scan(input: &Value, expect: &Value) -> Outcome {
    let Some(items) = expect_ok(isbt::parse_scan(text(&input["text"])), expect)? else {
        return Ok(());
    };
    let wanted = expect["structures"].as_array().cloned().unwrap_or_default();
    let got: Vec<Value> = items
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut item = json!({
                "offset": s.offset,
                "kind": s.structure.kind(),
                "encoded": s.structure.encode(),
                "number": s.structure.number(),
            });
            // The decoded elements are compared where the vector gives them.
            if wanted.get(i).is_some_and(|w| w.get("fields").is_some()) {
                let fields: serde_json::Map<String, Value> = s
                    .structure
                    .fields()
                    .into_iter()
                    .map(|(k, v)| (k, Value::String(v)))
                    .collect();
                item["fields"] = Value::Object(fields);
            }
            item
        })
        .collect();
    check("structures", &json!(got), &expect["structures"])
}

pub(crate) fn op_label_to_unit(input: &Value, expect: &Value) -> Outcome {
    let result = (|| {
        let table = isbt::ProductTable::from_toml(text(&input["table"]))?;
        let offset: FixedOffset = text(&input["offset"])
            .parse()
            .map_err(|_| input_error("vector", "offset"))?;
        let details = LabelDetails {
            offset,
            volume_ml: input["volume_ml"].as_u64().unwrap_or(0) as u32,
            collected_at: input["collected_at"]
                .as_str()
                .map(parse_timestamp)
                .transpose()?,
            donor_id: None,
            first_donation: false,
            donation_type: None,
        };
        let label = isbt::Label::from_scan(text(&input["scan"]))?;
        let unit = label.to_unit(&table, &details, "tech", &Policy::india())?;
        let back = isbt::Label::from_unit(&unit, &table)?;
        Ok::<_, RaktError>((unit, back))
    })();
    let Some((unit, back)) = expect_ok(result, expect)? else {
        return Ok(());
    };
    let got = json!({
        "id": unit.id().to_string(),
        "group": unit.group().to_string(),
        "donation_type": unit.donation_type().as_str(),
        "status": unit.status().as_str(),
        "label": back.encode(),
    });
    for (key, want) in expect.as_object().into_iter().flatten() {
        match key.as_str() {
            "expires_at" => check_time(key, unit.expiry().expires_at, want)?,
            "collected_at" => check_time(key, unit.collected_at(), want)?,
            _ => check(key, &got[key.as_str()], want)?,
        }
    }
    Ok(())
}
