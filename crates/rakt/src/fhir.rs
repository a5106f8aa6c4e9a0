//! HL7 FHIR R5 `BiologicallyDerivedProduct`: a [`BloodUnit`] out to JSON and back.
//!
//! [`to_biologically_derived_product`] writes a unit as an R5 resource (JSON);
//! [`from_biologically_derived_product`] reads one back into a unit. Both take the time
//! (`as_of`) explicitly, an optional user-supplied ISBT 128 [`ProductTable`] and the policy.
//!
//! # Sources
//!
//! - The R5 resource: <https://hl7.org/fhir/R5/biologicallyderivedproduct.html>. In R5
//!   `productCategory` and `productStatus` are Codings, `productCode` a CodeableConcept,
//!   `collection.collected[x]` a dateTime or Period, `property` a type plus a value.
//! - The published R5 example <https://hl7.org/fhir/R5/biologicallyderivedproduct-example.json.html>
//!   (source: `source/biologicallyderivedproduct/biologicallyderivedproduct-example.xml` in the
//!   GitHub repository `HL7/fhir`; its fields as released in 5.0.0 are also asserted by the R5
//!   tests of the Python package `fhir.resources`). It is kept, data elements only, in
//!   `crates/rakt/tests/data/fhir_r5_biologicallyderivedproduct_example.json`.
//! - The system of ICCBBA product description codes, `https://www.isbt128.org/uri/ProductDescriptionCode`,
//!   is the one of the R5 Snapshot 1 example
//!   (<http://hl7.org/fhir/5.0.0-snapshot1/biologicallyderivedproduct-example.json.html>); the
//!   5.0.0 example gives the code without a system.
//! - Value sets: product category <https://hl7.org/fhir/R5/valueset-product-category.html>
//!   (`organ | tissue | fluid | cells | biologicalAgent`, system
//!   `http://hl7.org/fhir/product-category`) and product status
//!   <https://hl7.org/fhir/R5/valueset-biologicallyderived-product-status.html>
//!   (`available | unavailable`, system `http://hl7.org/fhir/biologicallyderived-product-status`).
//! - ABO/RhD codes: ISBT 128 data structure 002, Table 4, default column (`research/blood.md`
//!   §5.3); collection types: Table 7 (§5.4).
//!
//! # What is written
//!
//! | element | from |
//! |---|---|
//! | `extension` [`EXT_UNIT_STATUS`] | rakt's status at `as_of` (`released`, `reserved`, ...) |
//! | `extension` [`EXT_DISCARD_REASON`] | why a discarded unit was discarded |
//! | `productCategory` | `cells` for whole-cell components (red cells, platelets, granulocytes), `fluid` for whole blood and the plasma family |
//! | `productCode.coding` | the ICCBBA code the table gives for the unit's product ([`SYSTEM_ISBT_PRODUCT`], with the table's description), then always rakt's own coding of the product ([`SYSTEM_PRODUCT`]) so that import works without a table |
//! | `identifier` | an ISBT 128 DIN with an ICCBBA code: the MPHO unique identifier FIN + product description code + DIN + division (the FIN is the DIN's: rakt records no other processing facility); otherwise rakt's identity `DIN` or `DIN/A0` ([`SYSTEM_UNIT_ID`]), with no ISBT claim |
//! | `biologicalSourceEvent` | a valid ISBT 128 DIN: its 13 characters ([`SYSTEM_ISBT_DIN`]); otherwise the DIN as recorded ([`SYSTEM_DONATION_ID`]) |
//! | `division` | ISBT 128 DIN: the division padded to six characters as in the R5 example (`A0` → `A00000`, undivided `000000`); otherwise the division as recorded, if any |
//! | `productStatus` | `available` when the status at `as_of` is released and the unit is not expired then; otherwise `unavailable` |
//! | `collection.collectedDateTime` | the collection time |
//! | `expirationDate` | the expiry |
//! | `storageTempRequirements` | the policy's range for the component's storage (`storage.refrigerated`, `.room_temperature`, `.frozen`), in °C; left out for thawed products, whose storage after thawing the unit does not keep |
//! | `property` `ABORhD` | the ISBT 128 code and a display, shaped as in the R5 example; groups with no ISBT code (A subgroups, weak D, Bombay of unknown RhD) as rakt's notation ([`SYSTEM_BLOOD_GROUP`]) |
//! | `property` `Donor` | the ISBT 128 collection type of the donation type (`V`, `C`, `1`, `2`), shaped as in the R5 example |
//! | `property` `BagVolume` | the volume in mL (UCUM) |
//!
//! # What is read, and what survives a round trip
//!
//! Import reads the same elements back: the product (rakt's coding first, else an ICCBBA code
//! looked up in the table; a code without a system is read as an ICCBBA code, as the 5.0.0
//! example writes it), the DIN and division, group, donation type, volume, collection time,
//! expiry and status. Export → import → export gives the same JSON with the same policy,
//! table and `as_of`; the imported unit has the same identity (an ISBT 128 DIN in its
//! 13-character form), group, product, volume, donation type, collection time, expiry and
//! status, and a discarded unit the same discard reason.
//!
//! Not carried, so not restored: the history (the imported unit's history is its collection
//! and the events that reach its status, by actor [`IMPORT_ACTOR`] at `as_of`), the donor
//! identifier and first-donation flag, screening and grouping results, reservations, and the
//! parents of split or pooled units.
//!
//! The unit is built with [`BloodUnit::collect`] (the policy's expiry) and then, when the
//! record's expiry is earlier or the product already carries a re-dating modification, given
//! the record's product and expiry — never an expiry later than the policy's (reason
//! `EXPIRY_IMPORTED`). Collected, quarantined and discarded units are reached with public
//! events; a released unit is recorded as released on the record's word (reason
//! `STATUS_IMPORTED`, a caution: its screening is not in rakt). A status that needs what the
//! resource does not carry (reserved, crossmatched, issued and returned need the patient;
//! transfused, fractionated and processed are history) is refused. Without rakt's status
//! extension, `available` imports as released and `unavailable` (or no status) as quarantined.
//! The result is then checked as every imported unit is ([`BloodUnit::verify`]): a record whose
//! expiry is not after its collection is refused (`InvalidInput`, field `expiry`).
//!
//! # Errors
//!
//! Malformed JSON or a missing element rakt needs: [`RaktError::InvalidInput`] whose `field` is
//! the JSON path (`productCode.coding`, `property[0].valueQuantity.value`). Valid FHIR that rakt
//! cannot represent (an unknown product code, a group or collection type rakt has no model for,
//! a category other than blood, a status it cannot reach): [`RaktError::NotApplicable`] with
//! code [`UNREPRESENTABLE`] and a reason that names the element.
//!
//! ```
//! use rakt::fhir::{from_biologically_derived_product, to_biologically_derived_product};
//! use rakt::unit::{BloodUnit, Collection, DonationType};
//! use rakt::{BloodGroup, Policy, Preservative, Product};
//! let policy = Policy::india();
//! let t = |s: &str| rakt::parse_timestamp(s);
//! let unit = BloodUnit::collect(Collection {
//!     din: "A999926000001".into(), division: None,
//!     product: Product::red_cells(Preservative::AdditiveSolution),
//!     group: BloodGroup::parse("B-")?, volume_ml: 280,
//!     donation_type: DonationType::Voluntary, donor_id: None,
//!     first_donation: false, collected_at: t("2026-11-01T09:00:00+05:30")?,
//! }, "tech-a", &policy)?;
//! let as_of = t("2026-11-02T09:00:00+05:30")?;
//! let resource = to_biologically_derived_product(&unit, None, as_of, &policy)?;
//! assert_eq!(resource["biologicalSourceEvent"]["value"], "A999926000001");
//! assert_eq!(resource["property"][0]["valueCodeableConcept"]["coding"][0]["code"], "17");
//! assert_eq!(resource["productStatus"]["code"], "unavailable");
//! let back = from_biologically_derived_product(&resource, None, as_of, &policy)?;
//! assert_eq!(back.id(), unit.id());
//! assert_eq!(back.expiry().expires_at, unit.expiry().expires_at);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use crate::blood_group::{Abo, BloodGroup, RhD};
use crate::component::{Component, Modification, PlateletSource, Preservative, Product};
use crate::error::{RaktError, Result};
use crate::isbt128::{CollectionType, ProductTable, parse_din};
use crate::policy::{Confidence, Policy};
use crate::reason::{Lang, Reason, ReasonCode};
use crate::unit::{BloodUnit, Collection, DiscardReason, EventKind, UnitEvent, UnitStatus};

/// The base of every rakt-owned system and extension URL.
pub const RAKT_BASE: &str = "https://github.com/rakt-health/rakt/fhir";
/// Code system of rakt's product codes: `component[:preservative|:platelet_source][+modification...]`,
/// e.g. `red_cells:additive_solution+irradiated+leucoreduced`, `fresh_frozen_plasma+thawed`.
pub const SYSTEM_PRODUCT: &str = "https://github.com/rakt-health/rakt/fhir/product";
/// Code system of rakt's blood-group notation (`A2B+`, `O+ weak D`), for groups ISBT 128 has no
/// code for.
pub const SYSTEM_BLOOD_GROUP: &str = "https://github.com/rakt-health/rakt/fhir/blood-group";
/// Identifier system of rakt's unit identity, `DIN` or `DIN/A0`, for DINs that are not ISBT 128.
pub const SYSTEM_UNIT_ID: &str = "https://github.com/rakt-health/rakt/fhir/unit-id";
/// Identifier system of a donation number that is not an ISBT 128 DIN.
pub const SYSTEM_DONATION_ID: &str = "https://github.com/rakt-health/rakt/fhir/donation-id";
/// Extension (`valueCode`): rakt's status of the unit (`collected`, `released`, `reserved`, ...).
pub const EXT_UNIT_STATUS: &str =
    "https://github.com/rakt-health/rakt/fhir/StructureDefinition/unit-status";
/// Extension (`valueString`): why a discarded unit was discarded (`expired`, `leakage`, ... or
/// free text).
pub const EXT_DISCARD_REASON: &str =
    "https://github.com/rakt-health/rakt/fhir/StructureDefinition/discard-reason";

/// ICCBBA product description codes (R5 Snapshot 1 example).
pub const SYSTEM_ISBT_PRODUCT: &str = "https://www.isbt128.org/uri/ProductDescriptionCode";
/// ISBT 128 Donation Identification Number (R5 example).
pub const SYSTEM_ISBT_DIN: &str = "https://www.isbt128.org/uri/DonationIdentificationNumber";
/// ISBT 128 MPHO unique identifier (R5 example).
pub const SYSTEM_ISBT_MPHO: &str = "https://www.isbt128.org/uri/MPHOUniqueIdentifier";
/// ISBT 128 ABO/RhD codes (R5 example).
pub const SYSTEM_ISBT_ABORHD: &str = "https://www.isbt128.org/uri/ABORhD";
/// ISBT 128 collection types (R5 example).
pub const SYSTEM_ISBT_COLLECTION: &str = "https://www.isbt128.org/uri/CollectionType";
/// The R5 code system of the product codes value set (a few ICCBBA codes, written lower-case).
pub const SYSTEM_HL7_PRODUCT_CODES: &str = "http://hl7.org/fhir/biologicallyderived-productcodes";
/// R5 product category code system.
pub const SYSTEM_CATEGORY: &str = "http://hl7.org/fhir/product-category";
/// R5 product status code system.
pub const SYSTEM_STATUS: &str = "http://hl7.org/fhir/biologicallyderived-product-status";
/// UCUM.
pub const SYSTEM_UCUM: &str = "http://unitsofmeasure.org";

/// The `NotApplicable` code of valid FHIR that rakt cannot represent.
pub const UNREPRESENTABLE: &str = "FHIR_UNREPRESENTABLE";
/// The actor of the events an import records.
pub const IMPORT_ACTOR: &str = "fhir-import";

const RESOURCE_TYPE: &str = "BiologicallyDerivedProduct";
const SOURCE: &str = "FHIR R5 BiologicallyDerivedProduct";

/// ISBT 128 DS002 Table 4, default column: (ABO, RhD, code, display).
const ABO_RHD: [(Abo, Option<RhD>, &str, &str); 14] = [
    (Abo::O, Some(RhD::Negative), "95", "O RhD Negative"),
    (Abo::O, Some(RhD::Positive), "51", "O RhD Positive"),
    (Abo::A, Some(RhD::Negative), "06", "A RhD Negative"),
    (Abo::A, Some(RhD::Positive), "62", "A RhD Positive"),
    (Abo::B, Some(RhD::Negative), "17", "B RhD Negative"),
    (Abo::B, Some(RhD::Positive), "73", "B RhD Positive"),
    (Abo::AB, Some(RhD::Negative), "28", "AB RhD Negative"),
    (Abo::AB, Some(RhD::Positive), "84", "AB RhD Positive"),
    (Abo::O, None, "55", "O"),
    (Abo::A, None, "66", "A"),
    (Abo::B, None, "77", "B"),
    (Abo::AB, None, "88", "AB"),
    (Abo::Oh, Some(RhD::Negative), "G6", "Bombay RhD Negative"),
    (Abo::Oh, Some(RhD::Positive), "H6", "Bombay RhD Positive"),
];

/// A product table given as text, for the bindings: JSON when the text starts with `{`,
/// otherwise TOML (see [`ProductTable::from_json`] and [`ProductTable::from_toml`]).
///
/// ```
/// let t = rakt::fhir::product_table_from_text(r#"{"product": [{"code": "E0398", "product": {"component": "red_cells", "preservative": "cpd"}}]}"#)?;
/// assert_eq!(t.len(), 1);
/// # Ok::<(), rakt::RaktError>(())
/// ```
pub fn product_table_from_text(text: &str) -> Result<ProductTable> {
    if text.trim_start().starts_with('{') {
        ProductTable::from_json(text)
    } else {
        ProductTable::from_toml(text)
    }
}

/// The unit as an R5 `BiologicallyDerivedProduct` (JSON), at `as_of`. See the module
/// documentation for each element.
///
/// Refused only when the policy's storage range cannot be written as JSON numbers.
pub fn to_biologically_derived_product(
    unit: &BloodUnit,
    table: Option<&ProductTable>,
    as_of: DateTime<FixedOffset>,
    policy: &Policy,
) -> Result<Value> {
    let product = unit.product();
    let status = unit.status_at(as_of);
    let mut out = Map::new();
    out.insert("resourceType".into(), json!(RESOURCE_TYPE));
    let mut extensions = vec![json!({"url": EXT_UNIT_STATUS, "valueCode": status.as_str()})];
    if status == UnitStatus::Discarded {
        if let Some(why) = unit.discard_reason() {
            extensions.push(json!({"url": EXT_DISCARD_REASON, "valueString": why.to_string()}));
        }
    }
    out.insert("extension".into(), Value::Array(extensions));
    let (category, category_display) = category_of(product.component());
    out.insert(
        "productCategory".into(),
        json!({"system": SYSTEM_CATEGORY, "code": category, "display": category_display}),
    );
    let entry = table.and_then(|t| t.code_for(product).and_then(|c| t.entry(c).ok()));
    let mut codings = Vec::new();
    if let Some(e) = entry {
        let mut c = json!({"system": SYSTEM_ISBT_PRODUCT, "code": e.code});
        if let (Some(d), Some(obj)) = (&e.description, c.as_object_mut()) {
            obj.insert("display".into(), json!(d));
        }
        codings.push(c);
    }
    codings.push(json!({
        "system": SYSTEM_PRODUCT,
        "code": product_code(product),
        "display": product.component().display_name(Lang::En),
    }));
    out.insert("productCode".into(), json!({ "coding": codings }));

    let id = unit.id();
    match parse_din(&id.din) {
        Ok(din) => {
            let division = isbt_division(id.division.as_deref());
            let identifier = match entry {
                Some(e) => json!({
                    "system": SYSTEM_ISBT_MPHO,
                    "value": format!("{}{}{}{division}", din.facility(), e.code, din.din13()),
                }),
                None => json!({"system": SYSTEM_UNIT_ID, "value": id.to_string()}),
            };
            out.insert("identifier".into(), json!([identifier]));
            out.insert(
                "biologicalSourceEvent".into(),
                json!({"system": SYSTEM_ISBT_DIN, "value": din.din13()}),
            );
            out.insert("division".into(), json!(division));
        }
        Err(_) => {
            out.insert(
                "identifier".into(),
                json!([{"system": SYSTEM_UNIT_ID, "value": id.to_string()}]),
            );
            out.insert(
                "biologicalSourceEvent".into(),
                json!({"system": SYSTEM_DONATION_ID, "value": id.din}),
            );
            if let Some(d) = &id.division {
                out.insert("division".into(), json!(d));
            }
        }
    }
    let available = status == UnitStatus::Released && !unit.is_expired(as_of);
    let (code, display) = if available {
        ("available", "Available")
    } else {
        ("unavailable", "Unavailable")
    };
    out.insert(
        "productStatus".into(),
        json!({"system": SYSTEM_STATUS, "code": code, "display": display}),
    );
    out.insert(
        "collection".into(),
        json!({"collectedDateTime": unit.collected_at().to_rfc3339()}),
    );
    out.insert(
        "expirationDate".into(),
        json!(unit.expiry().expires_at.to_rfc3339()),
    );
    if !product.has(Modification::Thawed) {
        let range = policy.storage.range(product.component().default_storage());
        let mut temps = Map::new();
        if let Some(lo) = range.min_celsius {
            temps.insert("low".into(), celsius(lo)?);
        }
        if let Some(hi) = range.max_celsius {
            temps.insert("high".into(), celsius(hi)?);
        }
        if !temps.is_empty() {
            out.insert("storageTempRequirements".into(), Value::Object(temps));
        }
    }
    let collection_type = CollectionType::for_donation_type(unit.donation_type());
    out.insert(
        "property".into(),
        json!([
            {"type": {"coding": [{"code": "ABORhD"}]},
             "valueCodeableConcept": {"coding": [group_coding(unit.group())]}},
            {"type": {"coding": [{"code": "Donor"}]},
             "valueCodeableConcept": {"coding": [{
                 "system": SYSTEM_ISBT_COLLECTION,
                 "code": collection_type.as_char().to_string(),
                 "display": collection_display(collection_type),
             }]}},
            {"type": {"coding": [{"code": "BagVolume"}]},
             "valueQuantity": {"value": unit.volume_ml(), "unit": "mL", "system": SYSTEM_UCUM, "code": "mL"}},
        ]),
    );
    Ok(Value::Object(out))
}

/// Reads an R5 `BiologicallyDerivedProduct` given as JSON text; see
/// [`from_biologically_derived_product`]. Text that is not JSON is
/// [`RaktError::InvalidInput`] with field `$`.
pub fn from_biologically_derived_product_json(
    text: &str,
    table: Option<&ProductTable>,
    as_of: DateTime<FixedOffset>,
    policy: &Policy,
) -> Result<BloodUnit> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| RaktError::input("$", format!("not JSON: {e}")))?;
    from_biologically_derived_product(&value, table, as_of, policy)
}

/// Reads an R5 `BiologicallyDerivedProduct` into a unit; the events the import records are at
/// `as_of` by [`IMPORT_ACTOR`]. See the module documentation for what is read and refused.
pub fn from_biologically_derived_product(
    resource: &Value,
    table: Option<&ProductTable>,
    as_of: DateTime<FixedOffset>,
    policy: &Policy,
) -> Result<BloodUnit> {
    let root = resource
        .as_object()
        .ok_or_else(|| RaktError::input("$", "a FHIR resource is a JSON object"))?;
    match root.get("resourceType") {
        Some(Value::String(t)) if t == RESOURCE_TYPE => {}
        Some(Value::String(t)) => {
            return Err(unrepresentable(format!(
                "resourceType: a {t} is not a BiologicallyDerivedProduct"
            )));
        }
        Some(_) => return Err(RaktError::input("resourceType", "must be a string")),
        None => return Err(RaktError::input("resourceType", "missing")),
    }
    read_category(root)?;
    let product = read_product(root, table)?;
    let (din, division) = read_identity(root)?;
    let group = read_group(root)?;
    let donation_type = read_donation_type(root)?;
    let volume_ml = read_volume(root)?;
    let collected_at = read_time(root.get("collection"), "collection", "collectedDateTime")?;
    let expires_at = match root.get("expirationDate") {
        None => return Err(RaktError::input("expirationDate", "missing")),
        Some(v) => date_time(v, "expirationDate")?,
    };
    let status = read_status(root)?;
    if as_of < collected_at {
        return Err(RaktError::input(
            "as_of",
            format!(
                "the import time {} is before the collection at {}",
                as_of.to_rfc3339(),
                collected_at.to_rfc3339()
            ),
        ));
    }

    let base_product = Product::new(
        product.component(),
        product.preservative(),
        product.platelet_source(),
    )?
    .with_modifications(
        product
            .modifications()
            .iter()
            .copied()
            .filter(|m| !m.redates()),
    );
    let collected = BloodUnit::collect(
        Collection {
            din,
            division,
            product: base_product,
            group,
            volume_ml,
            donation_type,
            donor_id: None,
            first_donation: false,
            collected_at,
        },
        IMPORT_ACTOR,
        policy,
    )
    .map_err(|e| match e {
        RaktError::InvalidInput { field, reason } if field == "din" => {
            RaktError::input("biologicalSourceEvent.value", reason)
        }
        RaktError::InvalidInput { field, reason } if field == "division" => {
            RaktError::input("division", reason)
        }
        other => other,
    })?;
    let why = Reason::new(ReasonCode::ExpiryImported)
        .fact("expires_at", expires_at.to_rfc3339())
        .fact("source", format!("{SOURCE}.expirationDate"))
        .cite(SOURCE, Confidence::Medium);
    let unit = collected.restore_expiry(product, expires_at, why);

    let event = |kind: EventKind| UnitEvent::new(as_of, IMPORT_ACTOR, kind);
    let unit = match status {
        (UnitStatus::Collected, _) => Ok(unit),
        (UnitStatus::Quarantined, _) => unit.apply(&event(EventKind::Quarantine), policy),
        (UnitStatus::Released, _) => {
            let q = unit.apply(&event(EventKind::Quarantine), policy)?;
            let why = Reason::new(ReasonCode::StatusImported)
                .fact("status", UnitStatus::Released.as_str())
                .fact("source", format!("{SOURCE}.productStatus"))
                .cite(SOURCE, Confidence::Medium);
            q.restore_release(as_of, IMPORT_ACTOR, why)
        }
        (UnitStatus::Discarded, reason) => {
            let reason = reason.unwrap_or_else(|| {
                DiscardReason::Other("discarded before the FHIR export".to_string())
            });
            unit.apply(&event(EventKind::Discard { reason }), policy)
        }
        (other, _) => Err(unrepresentable(format!(
            "extension (unit-status): a {other} unit cannot be imported: {}",
            match other {
                UnitStatus::Reserved
                | UnitStatus::Crossmatched
                | UnitStatus::Issued
                | UnitStatus::Returned => "it needs its patient, which the resource does not carry",
                _ => "it is past its life in stock and its history is not in the resource",
            }
        ))),
    }?;
    unit.verify(policy)?;
    Ok(unit)
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

fn category_of(component: Component) -> (&'static str, &'static str) {
    match component {
        Component::RedCells | Component::Platelets | Component::Granulocytes => ("cells", "Cells"),
        Component::WholeBlood
        | Component::FreshFrozenPlasma
        | Component::Plasma
        | Component::CryoPoorPlasma
        | Component::Cryoprecipitate => ("fluid", "Fluid"),
    }
}

/// rakt's product code, `component[:preservative|:platelet_source][+modification...]`.
fn product_code(p: &Product) -> String {
    let mut code = p.component().as_str().to_string();
    if let Some(pr) = p.preservative() {
        code.push(':');
        code.push_str(pr.as_str());
    }
    if let Some(src) = p.platelet_source() {
        code.push(':');
        code.push_str(match src {
            PlateletSource::RandomDonor => "random_donor",
            PlateletSource::Apheresis => "apheresis",
        });
    }
    for m in p.modifications() {
        code.push('+');
        code.push_str(m.as_str());
    }
    code
}

/// The six-character division of the R5 example: `A0` → `A00000`, undivided `000000`.
fn isbt_division(division: Option<&str>) -> String {
    match division {
        Some(d) => format!("{d}0000"),
        None => "000000".to_string(),
    }
}

fn celsius(value: Decimal) -> Result<Value> {
    let text = value.normalize().to_string();
    let number: serde_json::Number = text.parse().map_err(|_| {
        RaktError::input(
            "storage",
            format!("{text} °C cannot be written as a JSON number"),
        )
    })?;
    Ok(json!({"value": number, "unit": "degrees C", "system": SYSTEM_UCUM, "code": "Cel"}))
}

fn group_coding(group: BloodGroup) -> Value {
    let isbt = (group.a_subgroup().is_none() && !group.weak_d())
        .then(|| {
            ABO_RHD
                .iter()
                .find(|(abo, rhd, _, _)| *abo == group.abo() && *rhd == group.rhd())
        })
        .flatten();
    match isbt {
        Some((_, _, code, display)) => {
            json!({"system": SYSTEM_ISBT_ABORHD, "code": code, "display": display})
        }
        None => json!({
            "system": SYSTEM_BLOOD_GROUP,
            "code": group.notation(),
            "display": group.notation(),
        }),
    }
}

fn collection_display(t: CollectionType) -> &'static str {
    match t {
        CollectionType::VolunteerHomologous => "Volunteer",
        CollectionType::Replacement => "Replacement",
        CollectionType::AutologousOnly => "For Autologous Use Only",
        CollectionType::DirectedOnly => "For Directed Recipient Use Only",
        _ => "",
    }
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

type Object = Map<String, Value>;

fn unrepresentable(reason: String) -> RaktError {
    RaktError::not_applicable(UNREPRESENTABLE, reason)
}

fn string<'a>(v: Option<&'a Value>, path: &str) -> Result<Option<&'a str>> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(RaktError::input(path, "must be a string")),
    }
}

fn object<'a>(v: Option<&'a Value>, path: &str) -> Result<Option<&'a Object>> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(o)) => Ok(Some(o)),
        Some(_) => Err(RaktError::input(path, "must be an object")),
    }
}

fn array<'a>(v: Option<&'a Value>, path: &str) -> Result<&'a [Value]> {
    match v {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(RaktError::input(path, "must be an array")),
    }
}

/// A Coding's system and code.
fn coding<'a>(v: &'a Value, path: &str) -> Result<(Option<&'a str>, Option<&'a str>)> {
    let o =
        object(Some(v), path)?.ok_or_else(|| RaktError::input(path, "must be a Coding object"))?;
    Ok((
        string(o.get("system"), &format!("{path}.system"))?,
        string(o.get("code"), &format!("{path}.code"))?,
    ))
}

fn date_time(v: &Value, path: &str) -> Result<DateTime<FixedOffset>> {
    let text = string(Some(v), path)?.unwrap_or_default();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t);
    }
    let date_only = text.len() <= 10
        && text.chars().all(|c| c.is_ascii_digit() || c == '-')
        && !text.is_empty();
    if date_only {
        Err(unrepresentable(format!(
            "{path}: {text:?} has no time and UTC offset; rakt keeps instants"
        )))
    } else {
        Err(RaktError::input(
            path,
            format!("{text:?} is not a FHIR dateTime with a time and offset"),
        ))
    }
}

fn read_time(
    parent: Option<&Value>,
    parent_path: &str,
    name: &str,
) -> Result<DateTime<FixedOffset>> {
    let path = format!("{parent_path}.{name}");
    let o = object(parent, parent_path)?.ok_or_else(|| RaktError::input(&path, "missing"))?;
    if o.contains_key("collectedPeriod") && !o.contains_key(name) {
        return Err(unrepresentable(format!(
            "{parent_path}.collectedPeriod: rakt needs the instant of collection"
        )));
    }
    let v = o
        .get(name)
        .ok_or_else(|| RaktError::input(&path, "missing"))?;
    date_time(v, &path)
}

fn read_category(root: &Object) -> Result<()> {
    let Some(c) = root.get("productCategory") else {
        return Ok(());
    };
    let (system, code) = coding(c, "productCategory")?;
    match (system, code) {
        (Some(SYSTEM_CATEGORY) | None, Some("cells" | "fluid")) | (_, None) => Ok(()),
        (Some(SYSTEM_CATEGORY) | None, Some(other)) => Err(unrepresentable(format!(
            "productCategory: {other:?} is not a blood component (rakt reads cells and fluid)"
        ))),
        (Some(_), Some(_)) => Ok(()),
    }
}

fn read_product(root: &Object, table: Option<&ProductTable>) -> Result<Product> {
    let pc = object(root.get("productCode"), "productCode")?
        .ok_or_else(|| RaktError::input("productCode.coding", "missing"))?;
    let codings = array(pc.get("coding"), "productCode.coding")?;
    if codings.is_empty() {
        return Err(RaktError::input("productCode.coding", "missing or empty"));
    }
    let mut read = Vec::with_capacity(codings.len());
    for (i, c) in codings.iter().enumerate() {
        read.push(coding(c, &format!("productCode.coding[{i}]"))?);
    }
    for (i, (system, code)) in read.iter().enumerate() {
        if *system == Some(SYSTEM_PRODUCT) {
            let path = format!("productCode.coding[{i}].code");
            let code = code.ok_or_else(|| RaktError::input(&path, "missing"))?;
            return parse_product_code(code, &path);
        }
    }
    let mut seen = Vec::new();
    for (system, code) in &read {
        let Some(code) = code else { continue };
        let iccbba = match system {
            None | Some(SYSTEM_ISBT_PRODUCT) => code.to_string(),
            Some(SYSTEM_HL7_PRODUCT_CODES) => code.to_ascii_uppercase(),
            Some(_) => {
                seen.push(code.to_string());
                continue;
            }
        };
        if let Some(p) = table.and_then(|t| t.product(&iccbba).ok()) {
            return Ok(p.clone());
        }
        seen.push(iccbba);
    }
    Err(unrepresentable(format!(
        "productCode.coding: no rakt coding and no product code {} the product table knows{}",
        if seen.is_empty() {
            "that".to_string()
        } else {
            format!("({}) that", seen.join(", "))
        },
        if table.is_none() {
            " (no table was given)"
        } else {
            ""
        }
    )))
}

fn parse_product_code(code: &str, path: &str) -> Result<Product> {
    let bad = |why: String| RaktError::input(path, format!("{code:?}: {why}"));
    let mut parts = code.split('+');
    let head = parts.next().unwrap_or_default();
    let (component, detail) = match head.split_once(':') {
        Some((c, d)) => (c, Some(d)),
        None => (head, None),
    };
    let component = Component::parse(component).map_err(|e| bad(e.to_string()))?;
    let word = |w: &str| Value::String(w.to_string());
    let (preservative, source) = match (component, detail) {
        (_, None) => (None, None),
        (Component::Platelets, Some(d)) => (
            None,
            Some(
                serde_json::from_value::<PlateletSource>(word(d))
                    .map_err(|_| bad(format!("{d:?} is not a platelet source")))?,
            ),
        ),
        (_, Some(d)) => (
            Some(
                serde_json::from_value::<Preservative>(word(d))
                    .map_err(|_| bad(format!("{d:?} is not a preservative")))?,
            ),
            None,
        ),
    };
    let mut mods = Vec::new();
    for m in parts {
        mods.push(
            serde_json::from_value::<Modification>(word(m))
                .map_err(|_| bad(format!("{m:?} is not a modification")))?,
        );
    }
    Ok(Product::new(component, preservative, source)
        .map_err(|e| bad(e.to_string()))?
        .with_modifications(mods))
}

fn read_identity(root: &Object) -> Result<(String, Option<String>)> {
    let division = string(root.get("division"), "division")?;
    if let Some(bse) = object(root.get("biologicalSourceEvent"), "biologicalSourceEvent")? {
        let system = string(bse.get("system"), "biologicalSourceEvent.system")?;
        let value = string(bse.get("value"), "biologicalSourceEvent.value")?
            .ok_or_else(|| RaktError::input("biologicalSourceEvent.value", "missing"))?;
        return match system {
            Some(SYSTEM_ISBT_DIN) => {
                let din = parse_din(value)
                    .map_err(|e| RaktError::input("biologicalSourceEvent.value", e.to_string()))?;
                let division = match division {
                    None => None,
                    Some(d) => read_isbt_division(d)?,
                };
                Ok((din.din13().to_string(), division))
            }
            Some(SYSTEM_DONATION_ID) => Ok((value.to_string(), division.map(str::to_string))),
            other => Err(unrepresentable(format!(
                "biologicalSourceEvent.system: {} is not a donation number rakt reads (ISBT 128 DIN or {SYSTEM_DONATION_ID})",
                other.unwrap_or("(none)")
            ))),
        };
    }
    for (i, id) in array(root.get("identifier"), "identifier")?
        .iter()
        .enumerate()
    {
        let path = format!("identifier[{i}]");
        let o = object(Some(id), &path)?
            .ok_or_else(|| RaktError::input(&path, "must be an Identifier object"))?;
        if string(o.get("system"), &format!("{path}.system"))? == Some(SYSTEM_UNIT_ID) {
            let value = string(o.get("value"), &format!("{path}.value"))?
                .ok_or_else(|| RaktError::input(format!("{path}.value"), "missing"))?;
            return Ok(match value.split_once('/') {
                Some((din, d)) => (din.to_string(), Some(d.to_string())),
                None => (value.to_string(), division.map(str::to_string)),
            });
        }
    }
    Err(RaktError::input(
        "biologicalSourceEvent",
        "missing: rakt needs the donation number (or its own unit identifier)",
    ))
}

fn read_isbt_division(d: &str) -> Result<Option<String>> {
    if d == "000000" || d == "00" {
        return Ok(None);
    }
    match (d.get(..2), d.get(2..)) {
        (Some(head), Some("0000" | "")) if head != "00" => Ok(Some(head.to_string())),
        _ => Err(unrepresentable(format!(
            "division: {d:?} is not a division rakt models (two characters, then 0000)"
        ))),
    }
}

/// The properties whose type has this code, with their index.
fn properties<'a>(root: &'a Object, codes: &[&str]) -> Result<Vec<(usize, &'a Object)>> {
    let mut out = Vec::new();
    for (i, p) in array(root.get("property"), "property")?.iter().enumerate() {
        let path = format!("property[{i}]");
        let o =
            object(Some(p), &path)?.ok_or_else(|| RaktError::input(&path, "must be an object"))?;
        let t = object(o.get("type"), &format!("{path}.type"))?
            .ok_or_else(|| RaktError::input(format!("{path}.type"), "missing"))?;
        let type_codings = array(t.get("coding"), &format!("{path}.type.coding"))?;
        for (j, c) in type_codings.iter().enumerate() {
            let (_, code) = coding(c, &format!("{path}.type.coding[{j}]"))?;
            if code.is_some_and(|c| codes.contains(&c)) {
                out.push((i, o));
                break;
            }
        }
    }
    Ok(out)
}

/// The codings of a property's valueCodeableConcept.
fn value_codings(i: usize, o: &Object) -> Result<Vec<(String, &Value)>> {
    let path = format!("property[{i}].valueCodeableConcept");
    let cc = object(o.get("valueCodeableConcept"), &path)?
        .ok_or_else(|| RaktError::input(&path, "missing"))?;
    let codings = array(cc.get("coding"), &format!("{path}.coding"))?;
    if codings.is_empty() {
        return Err(RaktError::input(
            format!("{path}.coding"),
            "missing or empty",
        ));
    }
    Ok(codings
        .iter()
        .enumerate()
        .map(|(j, c)| (format!("{path}.coding[{j}]"), c))
        .collect())
}

fn read_group(root: &Object) -> Result<BloodGroup> {
    let found = properties(root, &["ABORhD"])?;
    let Some((i, o)) = found.first() else {
        return Err(RaktError::input("property", "no ABORhD property"));
    };
    let codings = value_codings(*i, o)?;
    for (path, c) in &codings {
        if let (Some(SYSTEM_BLOOD_GROUP), code) = coding(c, path)? {
            let code = code.ok_or_else(|| RaktError::input(format!("{path}.code"), "missing"))?;
            return BloodGroup::parse(code).map_err(|e| match e {
                RaktError::InvalidBloodGroup { reason, .. } => {
                    RaktError::input(format!("{path}.code"), format!("{code:?}: {reason}"))
                }
                other => other,
            });
        }
    }
    for (path, c) in &codings {
        if let (Some(SYSTEM_ISBT_ABORHD), Some(code)) = coding(c, path)? {
            return match ABO_RHD.iter().find(|(_, _, k, _)| *k == code) {
                Some((abo, Some(rhd), _, _)) => Ok(BloodGroup::new(*abo, *rhd)),
                Some((abo, None, _, _)) => Ok(BloodGroup::rhd_unknown(*abo)),
                None => Err(unrepresentable(format!(
                    "property[{i}].valueCodeableConcept: ISBT 128 ABO/RhD code {code:?} is not a group rakt models"
                ))),
            };
        }
    }
    Err(unrepresentable(format!(
        "property[{i}].valueCodeableConcept: no ISBT 128 ABO/RhD code or rakt blood group"
    )))
}

fn read_donation_type(root: &Object) -> Result<crate::unit::DonationType> {
    let found = properties(root, &["Donor", "CollectionType"])?;
    let Some((i, o)) = found.first() else {
        return Err(RaktError::input(
            "property",
            "no Donor (collection type) property: rakt needs the donation type",
        ));
    };
    for (path, c) in value_codings(*i, o)? {
        if let (Some(SYSTEM_ISBT_COLLECTION), Some(code)) = coding(c, &path)? {
            let mut chars = code.chars();
            let t = match (chars.next(), chars.next()) {
                (Some(ch), None) => CollectionType::from_char(ch),
                _ => None,
            };
            return t.and_then(CollectionType::donation_type).ok_or_else(|| {
                unrepresentable(format!(
                    "property[{i}].valueCodeableConcept: collection type {code:?} is not a donation type rakt models (voluntary, replacement, autologous, directed)"
                ))
            });
        }
    }
    Err(unrepresentable(format!(
        "property[{i}].valueCodeableConcept: no ISBT 128 collection type"
    )))
}

fn read_volume(root: &Object) -> Result<u32> {
    let found = properties(root, &["BagVolume"])?;
    let Some((i, o)) = found.first() else {
        return Err(RaktError::input(
            "property",
            "no BagVolume property: rakt needs the unit's volume",
        ));
    };
    let path = format!("property[{i}].valueQuantity");
    let q =
        object(o.get("valueQuantity"), &path)?.ok_or_else(|| RaktError::input(&path, "missing"))?;
    let unit = string(q.get("code"), &format!("{path}.code"))?
        .or(string(q.get("unit"), &format!("{path}.unit"))?);
    if unit != Some("mL") {
        return Err(unrepresentable(format!(
            "{path}: a volume in {} (rakt reads mL)",
            unit.unwrap_or("no unit")
        )));
    }
    let value = q
        .get("value")
        .ok_or_else(|| RaktError::input(format!("{path}.value"), "missing"))?;
    value
        .as_u64()
        .and_then(|v| u32::try_from(v).ok())
        .filter(|v| *v > 0)
        .ok_or_else(|| {
            RaktError::input(
                format!("{path}.value"),
                format!("{value} is not a whole number of mL above 0"),
            )
        })
}

fn read_status(root: &Object) -> Result<(UnitStatus, Option<DiscardReason>)> {
    let mut status = None;
    let mut discard = None;
    for (i, e) in array(root.get("extension"), "extension")?
        .iter()
        .enumerate()
    {
        let path = format!("extension[{i}]");
        let o = object(Some(e), &path)?
            .ok_or_else(|| RaktError::input(&path, "must be an Extension object"))?;
        match string(o.get("url"), &format!("{path}.url"))? {
            Some(EXT_UNIT_STATUS) => {
                let vpath = format!("{path}.valueCode");
                let code = string(o.get("valueCode"), &vpath)?
                    .ok_or_else(|| RaktError::input(&vpath, "missing"))?;
                status = Some(UnitStatus::parse(code).map_err(|_| {
                    RaktError::input(&vpath, format!("{code:?} is not a rakt unit status"))
                })?);
            }
            Some(EXT_DISCARD_REASON) => {
                let vpath = format!("{path}.valueString");
                let text = string(o.get("valueString"), &vpath)?
                    .ok_or_else(|| RaktError::input(&vpath, "missing"))?;
                discard = Some(
                    serde_json::from_value::<DiscardReason>(Value::String(text.to_string()))
                        .unwrap_or_else(|_| DiscardReason::Other(text.to_string())),
                );
            }
            _ => {}
        }
    }
    let available = match root.get("productStatus") {
        None | Some(Value::Null) => false,
        Some(v) => match coding(v, "productStatus")? {
            (Some(SYSTEM_STATUS) | None, Some("available")) => true,
            (Some(SYSTEM_STATUS) | None, Some("unavailable")) | (_, None) => false,
            (_, Some(other)) => {
                return Err(unrepresentable(format!(
                    "productStatus: {other:?} is not available or unavailable"
                )));
            }
        },
    };
    let status = match status {
        Some(s) if available && s != UnitStatus::Released => {
            return Err(RaktError::input(
                "productStatus",
                format!("available contradicts the rakt status {s}"),
            ));
        }
        Some(s) => s,
        None if available => UnitStatus::Released,
        None => UnitStatus::Quarantined,
    };
    Ok((status, discard))
}
