//! The high-risk pregnancy and blood-readiness operations of the vector runner.

use chrono::NaiveDate;
use rakt::inventory::Inventory;
use rakt::maternal::{
    AncRecord, BloodPlan, Mother, assess_pregnancy, blood_readiness, decide_pregnancy,
};
use rakt::policy::BloodAction;
use rakt::{Lang, Policy, RaktError, parse_timestamp};
use serde_json::{Value, json};

use super::{Outcome, bad, check, check_time, expect_ok, policy};

/// The decide function gives the explained call's decision, or fails with the same error.
fn same_decision<T: PartialEq + std::fmt::Debug>(
    name: &str,
    explained: Result<T, &RaktError>,
    decided: Result<T, RaktError>,
) -> Outcome {
    match (explained, decided) {
        (Ok(x), Ok(y)) if x == y => Ok(()),
        (Err(x), Err(y)) if x.to_string() == y.to_string() => Ok(()),
        (x, y) => Err(format!("{name} gives {y:?}, the explained call {x:?}")),
    }
}

fn day(v: &Value, field: &str) -> Result<NaiveDate, RaktError> {
    v.as_str()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad(format!("{field}: not a date")))
}

/// `assess_pregnancy`: the record in the core's JSON shape, `as_of` a date, `policy` a name.
pub(crate) fn op_assess(input: &Value, expect: &Value) -> Outcome {
    let result = (|| {
        let record: AncRecord =
            serde_json::from_value(input["record"].clone()).map_err(|e| bad(e.to_string()))?;
        assess_pregnancy(&record, day(&input["as_of"], "as_of")?, &policy(input)?)
    })();
    let decided = (|| {
        let record: AncRecord =
            serde_json::from_value(input["record"].clone()).map_err(|e| bad(e.to_string()))?;
        decide_pregnancy(&record, day(&input["as_of"], "as_of")?, &policy(input)?)
    })();
    same_decision(
        "decide_pregnancy",
        result.as_ref().map(|a| a.decision()),
        decided,
    )?;
    let Some(a) = expect_ok(result, expect)? else {
        return Ok(());
    };
    for (key, want) in expect.as_object().into_iter().flatten() {
        match key.as_str() {
            "risk_level" => check(key, &json!(a.risk_level.as_str()), want)?,
            "codes" => check(key, &json!(a.codes()), want)?,
            "hypertension" => check(key, &json!(a.hypertension.map(|h| h.as_str())), want)?,
            "anaemia" => check(key, &json!(a.anaemia.map(|g| g.as_str())), want)?,
            "gdm" => check(key, &json!(a.gdm), want)?,
            "not_assessed" => check(key, &json!(a.not_assessed), want)?,
            "referral" => check(
                key,
                &json!([a.referral.level.as_str(), a.referral.urgency.as_str()]),
                want,
            )?,
            "blood_plan" => {
                let p = &a.blood_plan;
                let action = match p.action {
                    BloodAction::None => "none",
                    BloodAction::GroupAndScreen => "group_and_screen",
                    BloodAction::Crossmatch { .. } => "crossmatch",
                };
                let factors: Vec<&str> = p.factors.iter().map(|f| f.as_str()).collect();
                check(
                    key,
                    &json!([p.tier.as_str(), action, p.units(), p.when.as_str(), factors]),
                    want,
                )?;
            }
            "messages" => {
                for (code, texts) in want.as_object().into_iter().flatten() {
                    let f = a
                        .flags
                        .iter()
                        .find(|f| f.code.as_str() == code)
                        .ok_or_else(|| format!("no flag {code}"))?;
                    check(
                        &format!("messages {code}"),
                        &json!([f.message(Lang::En), f.message(Lang::Hi)]),
                        texts,
                    )?;
                }
            }
            other => return Err(format!("unknown expect key {other:?}")),
        }
    }
    Ok(())
}

fn inventory(facility: &str, units: &Value, p: &Policy) -> Result<Inventory, RaktError> {
    let mut inv = Inventory::new(facility, p.clone());
    for u in units.as_array().into_iter().flatten() {
        inv.add(super::unit_ops::built(u, p)?)?;
    }
    Ok(inv)
}

fn plan(v: &Value) -> Result<BloodPlan, RaktError> {
    let units = u32::try_from(v["units"].as_u64().unwrap_or(0)).map_err(|e| bad(e.to_string()))?;
    let mut plan = BloodPlan::crossmatch(units.max(1));
    plan.action = match v["action"].as_str() {
        Some("none") => BloodAction::None,
        Some("group_and_screen") => BloodAction::GroupAndScreen,
        Some("crossmatch") => BloodAction::Crossmatch { units },
        other => return Err(bad(format!("plan.action {other:?}"))),
    };
    Ok(plan)
}

/// `blood_readiness`: the facility's units and each nearby facility's, the mother, the plan.
pub(crate) fn op_readiness(input: &Value, expect: &Value) -> Outcome {
    let result = (|| {
        let p = policy(input)?;
        let facility = inventory(
            input["facility"].as_str().unwrap_or("FRU"),
            &input["units"],
            &p,
        )?;
        let nearby = input["nearby"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|n| inventory(n["facility"].as_str().unwrap_or(""), &n["units"], &p))
            .collect::<Result<Vec<_>, _>>()?;
        let refs: Vec<&Inventory> = nearby.iter().collect();
        let mother: Mother =
            serde_json::from_value(input["mother"].clone()).map_err(|e| bad(e.to_string()))?;
        let as_of = parse_timestamp(input["as_of"].as_str().unwrap_or(""))?;
        blood_readiness(
            &mother,
            &plan(&input["plan"])?,
            &facility,
            day(&input["due_date"], "due_date")?,
            as_of,
            &refs,
        )
    })();
    let Some(r) = expect_ok(result, expect)? else {
        return Ok(());
    };
    let dins = |units: &[rakt::inventory::AllocatedUnit]| -> Vec<String> {
        units.iter().map(|u| u.id.din.clone()).collect()
    };
    for (key, want) in expect.as_object().into_iter().flatten() {
        match key.as_str() {
            "units" => check(key, &json!(dins(&r.units)), want)?,
            "missing" => check(key, &json!(r.missing), want)?,
            "uncovered" => check(key, &json!(r.uncovered), want)?,
            "ready" => check(key, &json!(r.ready), want)?,
            "required" => check(key, &json!(r.required), want)?,
            "emergency" => check(key, &json!(r.emergency), want)?,
            "needed_by" => check_time(key, r.needed_by, want)?,
            "suggested" => check(
                key,
                &json!(r.suggested_reservation.as_ref().map(|s| s.quantity)),
                want,
            )?,
            "nearby" => {
                let got: Vec<Value> = r
                    .nearby
                    .iter()
                    .map(|n| json!([n.facility, dins(&n.units)]))
                    .collect();
                check(key, &json!(got), want)?;
            }
            "shortfall" => {
                for (group, codes) in want.as_object().into_iter().flatten() {
                    let got = r
                        .shortfall
                        .iter()
                        .find(|s| s.group.to_string() == *group)
                        .map(|s| json!(s.codes()));
                    check(
                        &format!("shortfall {group}"),
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

fn vitals(v: &Value) -> Result<rakt::maternal::Vitals, RaktError> {
    serde_json::from_value(v.clone()).map_err(|e| bad(e.to_string()))
}

/// `early_warning`: `vitals` in the core's JSON shape, `policy` a name.
pub(crate) fn op_early_warning(input: &Value, expect: &Value) -> Outcome {
    let result = (|| rakt::maternal::early_warning(&vitals(&input["vitals"])?, &policy(input)?))();
    let decided =
        (|| rakt::maternal::decide_early_warning(&vitals(&input["vitals"])?, &policy(input)?))();
    same_decision(
        "decide_early_warning",
        result.as_ref().map(|w| w.decision()),
        decided,
    )?;
    let Some(w) = expect_ok(result, expect)? else {
        return Ok(());
    };
    let bands: serde_json::Map<String, Value> = w
        .parameters
        .iter()
        .map(|p| (p.parameter.as_str().to_string(), json!(p.band.as_str())))
        .collect();
    let got = json!({
        "triggered": w.triggered,
        "level": w.level.as_str(),
        "bands": bands,
        "reds": w.reds,
        "yellows": w.yellows,
        "score": w.score,
    });
    super::check_keys(&got, expect)
}

/// `shock_index`: `heart_rate`, `systolic_bp`.
pub(crate) fn op_shock_index(input: &Value, expect: &Value) -> Outcome {
    let n = |k: &str| u32::try_from(input[k].as_u64().unwrap_or(0)).unwrap_or(u32::MAX);
    let result = rakt::maternal::shock_index(
        n("heart_rate"),
        n("systolic_bp"),
        &policy(input).map_err(|e| e.to_string())?,
    );
    let Some(si) = expect_ok(result, expect)? else {
        return Ok(());
    };
    super::check_keys(
        &json!({"value": si.value.to_string(), "alert": si.alert, "high": si.high}),
        expect,
    )
}

/// `pph_red_flags`: `vitals`.
pub(crate) fn op_red_flags(input: &Value, expect: &Value) -> Outcome {
    let result = (|| rakt::maternal::pph_red_flags(&vitals(&input["vitals"])?, &policy(input)?))();
    let Some(flags) = expect_ok(result, expect)? else {
        return Ok(());
    };
    let codes: Vec<&str> = flags.iter().map(|f| f.code.as_str()).collect();
    check("codes", &json!(codes), &expect["codes"])?;
    for (code, texts) in expect["messages"].as_object().into_iter().flatten() {
        let f = flags
            .iter()
            .find(|f| f.code.as_str() == code)
            .ok_or_else(|| format!("no flag {code}"))?;
        check(
            &format!("messages {code}"),
            &json!([f.message(Lang::En), f.message(Lang::Hi)]),
            texts,
        )?;
    }
    Ok(())
}

/// `classify_pph`: `blood_loss_ml`, `mode`, `hours_after_birth`, `vitals_deranged`.
pub(crate) fn op_classify_pph(input: &Value, expect: &Value) -> Outcome {
    let n = |k: &str| u32::try_from(input[k].as_u64().unwrap_or(0)).unwrap_or(u32::MAX);
    let result = (|| {
        let mode = rakt::maternal::DeliveryMode::parse(input["mode"].as_str().unwrap_or(""))?;
        rakt::maternal::classify_pph(
            n("blood_loss_ml"),
            mode,
            n("hours_after_birth"),
            input["vitals_deranged"].as_bool().unwrap_or(false),
            &policy(input)?,
        )
    })();
    let Some(c) = expect_ok(result, expect)? else {
        return Ok(());
    };
    super::check_keys(
        &json!({
            "pph": c.pph,
            "severity": c.severity.as_str(),
            "major": c.major,
            "massive": c.massive,
            "timing": c.timing.as_str(),
        }),
        expect,
    )
}

/// `robson_group`: the six variables as the core's `RobsonInput` JSON.
pub(crate) fn op_robson(input: &Value, expect: &Value) -> Outcome {
    let result = (|| {
        let i: rakt::maternal::RobsonInput =
            serde_json::from_value(input.clone()).map_err(|e| bad(e.to_string()))?;
        rakt::maternal::robson_group(&i, &Policy::india())
    })();
    let Some(c) = expect_ok(result, expect)? else {
        return Ok(());
    };
    let got = match &c {
        rakt::maternal::RobsonClass::Group { group } => json!({"group": group.as_str()}),
        rakt::maternal::RobsonClass::CannotClassify { missing } => {
            json!({"missing": missing.iter().map(|m| m.as_str()).collect::<Vec<_>>()})
        }
    };
    check("robson", &got, expect)
}

/// The gestation and birth-outcome operations.
pub(crate) fn op_gestation(op: &str, input: &Value, expect: &Value) -> Outcome {
    use rakt::maternal as m;
    let p = Policy::india();
    let n = |k: &str| u32::try_from(input[k].as_u64().unwrap_or(0)).unwrap_or(u32::MAX);
    let result: Result<Value, RaktError> = (|| {
        Ok(match op {
            "edd_from_lmp" => {
                json!({"edd": m::edd_from_lmp(day(&input["lmp"], "lmp")?, &p)?.to_string()})
            }
            "gestational_age" => {
                let ga =
                    m::gestational_age(day(&input["lmp"], "lmp")?, day(&input["as_of"], "as_of")?)?;
                json!({"weeks": ga.weeks, "days": ga.days, "category": ga.category(&p).as_str()})
            }
            "birth_weight" => {
                let w = m::birth_weight(n("grams"), &p)?;
                json!({"category": w.category.as_str(), "below_hmis_line": w.below_hmis_line})
            }
            "fetal_death" => {
                let ga = m::GestationalAge::new(n("weeks"), n("days"))?;
                let timing = m::FetalDeathTiming::parse(input["timing"].as_str().unwrap_or(""))?;
                json!({"class": m::classify_fetal_death(ga, timing, &p).as_str()})
            }
            "newborn_death" => {
                let t = |k: &str| parse_timestamp(input[k].as_str().unwrap_or(""));
                let d = m::newborn_death(t("born")?, t("died")?, &p)?;
                json!({
                    "completed_days": d.completed_days,
                    "neonatal": d.neonatal,
                    "hmis_bin": d.hmis_bin.map(|b| b.as_str()),
                })
            }
            "maternal_death_window" => json!({"within": m::in_maternal_death_window(
                day(&input["ended"], "ended")?,
                day(&input["died"], "died")?,
                &p
            )?}),
            other => return Err(bad(format!("unknown op {other}"))),
        })
    })();
    let Some(got) = expect_ok(result, expect)? else {
        return Ok(());
    };
    super::check_keys(&got, expect)
}
