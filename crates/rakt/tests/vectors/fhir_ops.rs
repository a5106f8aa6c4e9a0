//! The FHIR operations of the vector runner: fhir_export and fhir_import.

use rakt::RaktError;
use rakt::fhir::{
    from_biologically_derived_product, product_table_from_text, to_biologically_derived_product,
};
use rakt::isbt128::ProductTable;
use serde_json::{Value, json};

use super::unit_ops::{built, time};
use super::{Outcome, check, check_time, expect_ok, policy};

fn table(input: &Value) -> Result<Option<ProductTable>, RaktError> {
    input["product_table"]
        .as_str()
        .map(product_table_from_text)
        .transpose()
}

pub(crate) fn op_fhir_export(input: &Value, expect: &Value) -> Outcome {
    let result = policy(input).and_then(|p| {
        let unit = built(input, &p)?;
        let table = table(input)?;
        to_biologically_derived_product(&unit, table.as_ref(), time(&input["as_of"])?, &p)
    });
    let Some(resource) = expect_ok(result, expect)? else {
        return Ok(());
    };
    check("resource", &resource, &expect["resource"])
}

pub(crate) fn op_fhir_import(input: &Value, expect: &Value) -> Outcome {
    let result = policy(input).and_then(|p| {
        let table = table(input)?;
        from_biologically_derived_product(
            &input["resource"],
            table.as_ref(),
            time(&input["as_of"])?,
            &p,
        )
    });
    let Some(unit) = expect_ok(result, expect)? else {
        return Ok(());
    };
    let got = json!({
        "id": unit.id().to_string(),
        "group": unit.group().notation(),
        "product": unit.product(),
        "status": unit.status().as_str(),
        "donation_type": unit.donation_type().as_str(),
        "volume_ml": unit.volume_ml(),
        "history_len": unit.history().len(),
        "discard_reason": unit.discard_reason(),
        "last_event_codes": unit.history().last().map(|e| e.reasons.iter().map(|r| r.code.as_str()).collect::<Vec<_>>()),
    });
    for key in [
        "id",
        "group",
        "product",
        "status",
        "donation_type",
        "volume_ml",
        "history_len",
        "discard_reason",
        "last_event_codes",
    ] {
        if let Some(want) = expect.get(key) {
            check(key, &got[key], want)?;
        }
    }
    if let Some(want) = expect.get("expires_at") {
        check_time("expires_at", unit.expiry().expires_at, want)?;
    }
    if let Some(want) = expect.get("collected_at") {
        check_time("collected_at", unit.collected_at(), want)?;
    }
    Ok(())
}
