//! The processing-charge operations of the vector runner.

use chrono::NaiveDate;
use rakt::RaktError;
use rakt::tariff::{self, CentreTariff, Sector, StatutoryExemption, TariffItem, bill};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::{Outcome, bad, check_keys, expect_ok};

fn date(v: &Value) -> Result<NaiveDate, RaktError> {
    v.as_str()
        .unwrap_or("")
        .parse()
        .map_err(|e| bad(format!("date: {e}")))
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn centre_tariff(v: &Value) -> Result<CentreTariff, RaktError> {
    serde_json::from_value(v.clone()).map_err(|e| bad(e.to_string()))
}

pub(crate) fn op_ceiling(input: &Value, expect: &Value) -> Outcome {
    let result = (|| {
        let schedule = tariff::schedule_on(date(&input["date"])?)?;
        let item = TariffItem::parse(text(&input["item"]))?;
        let sector = Sector::parse(text(&input["sector"]))?;
        let amount = schedule.ceiling(item, sector).map(|c| c.amount.to_string());
        Ok::<_, RaktError>(json!({"schedule": schedule.id, "amount": amount}))
    })();
    let Some(got) = expect_ok(result, expect)? else {
        return Ok(());
    };
    check_keys(&got, expect)
}

pub(crate) fn op_validate(input: &Value, expect: &Value) -> Outcome {
    let result = centre_tariff(&input["tariff"]).and_then(|t| t.validate());
    let Some(check) = expect_ok(result, expect)? else {
        return Ok(());
    };
    check_keys(&json!({"schedule": check.schedule}), expect)
}

pub(crate) fn op_bill(input: &Value, expect: &Value) -> Outcome {
    let result = (|| {
        let t = centre_tariff(&input["tariff"])?;
        let mut lines = Vec::new();
        for line in input["lines"].as_array().into_iter().flatten() {
            let q: Decimal = text(&line[1])
                .parse()
                .map_err(|_| bad("quantity is not a decimal".into()))?;
            lines.push((TariffItem::parse(text(&line[0]))?, q));
        }
        let mut statutory = Vec::new();
        for s in input["statutory"].as_array().into_iter().flatten() {
            statutory.push(StatutoryExemption::parse(text(s))?);
        }
        let codes: Vec<&str> = input["centre_exemptions"]
            .as_array()
            .into_iter()
            .flatten()
            .map(text)
            .collect();
        bill(&t, &lines, &statutory, &codes, date(&input["date"])?)
    })();
    let Some(b) = expect_ok(result, expect)? else {
        return Ok(());
    };
    let lines: Vec<Value> = b
        .lines
        .iter()
        .map(|l| {
            json!([
                l.gross.to_string(),
                l.waived.to_string(),
                l.net.to_string(),
                l.exemption
            ])
        })
        .collect();
    check_keys(
        &json!({"lines": lines, "gross_total": b.gross_total.to_string(),
                "waived_total": b.waived_total.to_string(), "total": b.total.to_string()}),
        expect,
    )
}
