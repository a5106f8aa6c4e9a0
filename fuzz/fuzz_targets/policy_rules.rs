//! Policies from arbitrary text (TOML or JSON), or from a built-in policy with one value
//! replaced by an arbitrary one (written out whole, or as a file that `extends` it). A policy
//! that loads is then used by the rules: compatibility and donor preference for every
//! component, the expiry of every product, donor assessment, a unit through screening, release,
//! reservation and crossmatch (the policy's reservation period), and the assessment of a
//! pregnancy. Besides "no panic": a policy that does not load is refused with `InvalidPolicy`;
//! a loaded policy writes out to JSON that loads back to the same policy; every rule's error
//! is a `RaktError` with a message.
#![no_main]

mod common;

use chrono::NaiveDate;
use common::{Day, Dec, Group, ProductSpec, Stamp, every_product, pick};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use rakt::inventory::{AllocationRequest, Inventory};
use rakt::maternal::{AncRecord, BloodPressure, Presentation, UrineProtein, assess_pregnancy};
use rakt::unit::{BloodUnit, Collection, DonationType, EventKind, UnitEvent};
use rakt::{
    Component, DonationKind, Donor, DonorChecks, Expiry, Policy, PreviousDonation, RaktError,
    Recipient, Sex, TestResult, assess_donor, compatibility, donor_preference,
};
use serde_json::{Map, Value};

const BUILTINS: [&str; 6] = [
    "india",
    "us",
    "uk",
    "india_flw",
    "india_openchs",
    "india_meows_score",
];

#[derive(Arbitrary, Debug)]
struct Input {
    document: Document,
    probe: Probe,
}

#[derive(Arbitrary, Debug)]
enum Document {
    Toml(String),
    Json(String),
    /// A built-in policy written out whole, with one value of one parameter replaced.
    Whole {
        base: u8,
        parameter: u16,
        leaf: u16,
        value: Replacement,
        toml: bool,
    },
    /// A file that extends a built-in policy and sets one parameter, with one value replaced.
    Extends {
        base: u8,
        parameter: u16,
        leaf: u16,
        value: Replacement,
        toml: bool,
    },
}

#[derive(Arbitrary, Debug)]
enum Replacement {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    /// A decimal written as a string, as rakt writes decimals.
    Decimal(Dec),
    Text(String),
    /// The value it replaces, negated.
    Negated,
    EmptyList,
    EmptyTable,
}

impl Replacement {
    fn value(&self, old: &Value) -> Value {
        match self {
            Replacement::Null => Value::Null,
            Replacement::Bool(b) => Value::Bool(*b),
            Replacement::Int(i) => Value::from(*i),
            Replacement::UInt(u) => Value::from(*u),
            Replacement::Float(f) => {
                serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number)
            }
            Replacement::Decimal(d) => Value::String(d.get().to_string()),
            Replacement::Text(s) => Value::String(s.clone()),
            Replacement::Negated => match old {
                Value::Number(n) => n
                    .as_i64()
                    .and_then(i64::checked_neg)
                    .map_or(Value::from(-1), Value::from),
                Value::String(s) => Value::String(format!("-{s}")),
                other => other.clone(),
            },
            Replacement::EmptyList => Value::Array(Vec::new()),
            Replacement::EmptyTable => Value::Object(Map::new()),
        }
    }
}

/// The JSON pointers of every scalar (or empty) value under `v`.
fn leaves(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) if !m.is_empty() => m
            .iter()
            .for_each(|(k, x)| leaves(x, format!("{at}/{k}"), out)),
        Value::Array(a) if !a.is_empty() => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| leaves(x, format!("{at}/{i}"), out)),
        _ => out.push(at),
    }
}

fn write(v: &Value, toml: bool) -> (String, bool) {
    match toml.then(|| toml::to_string(v).ok()).flatten() {
        Some(text) => (text, true),
        None => (v.to_string(), false),
    }
}

/// The document's text, and whether it is TOML.
fn text(d: &Document) -> Option<(String, bool)> {
    match d {
        Document::Toml(t) => Some((t.clone(), true)),
        Document::Json(t) => Some((t.clone(), false)),
        Document::Whole {
            base,
            parameter,
            leaf,
            value,
            toml,
        }
        | Document::Extends {
            base,
            parameter,
            leaf,
            value,
            toml,
        } => {
            let name = BUILTINS[usize::from(*base) % BUILTINS.len()];
            let policy = Policy::builtin(name).ok()?;
            let paths = policy.parameter_paths();
            let path = paths.get(usize::from(*parameter) % paths.len().max(1))?;
            let pointer = format!("/{}", path.replace('.', "/"));
            let whole = serde_json::to_value(&policy).ok()?;
            let mut param = whole.pointer(&pointer)?.clone();
            let mut spots = Vec::new();
            leaves(&param, String::new(), &mut spots);
            let spot = &spots[usize::from(*leaf) % spots.len()];
            let old = param.pointer(spot)?.clone();
            *param.pointer_mut(spot)? = value.value(&old);
            if let Document::Whole { .. } = d {
                let mut whole = whole;
                *whole.pointer_mut(&pointer)? = param;
                return Some(write(&whole, *toml));
            }
            let mut file = param;
            for key in path.rsplit('.') {
                file = Value::Object(Map::from_iter([(key.to_string(), file)]));
            }
            let Value::Object(m) = &mut file else {
                return None;
            };
            m.insert("extends".into(), Value::from(name));
            m.insert("name".into(), Value::from("fuzz"));
            Some(write(&file, *toml))
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Probe {
    donor_group: Group,
    recipient_group: Option<Group>,
    sex: u8,
    age: Option<u32>,
    anti_d: bool,
    chronic: bool,
    at: Stamp,
    product: ProductSpec,
    quantity: u8,
    donor: DonorProbe,
    anc: AncProbe,
}

#[derive(Arbitrary, Debug)]
struct DonorProbe {
    born: Day,
    first_time: Option<bool>,
    previous: Vec<(Day, u8)>,
    weight_kg: Dec,
    hb_g_dl: Dec,
    systolic: u32,
    diastolic: u32,
    pulse: u32,
    temperature: Dec,
    kind: u8,
    as_of: Day,
}

#[derive(Arbitrary, Debug)]
struct AncProbe {
    age: Option<u32>,
    height_cm: Option<Dec>,
    weight_kg: Option<Dec>,
    gravida: Option<u32>,
    parity: Option<u32>,
    caesareans: Option<u32>,
    months_since_last: Option<u32>,
    lmp: Option<Day>,
    edd: Option<Day>,
    fetuses: Option<u32>,
    presentation: Option<u8>,
    hb_g_dl: Option<Dec>,
    bp: Option<(u32, u32)>,
    bp_repeat: Option<(u32, u32)>,
    urine_protein: Option<u8>,
    ogtt: Option<Dec>,
    as_of: Day,
}

/// Every error is a typed `RaktError` that explains itself.
fn typed<T>(r: Result<T, RaktError>) -> Option<T> {
    r.map_err(|e| {
        assert!(
            !e.to_string().is_empty() && !e.kind().is_empty(),
            "an error with no message: {e:?}"
        )
    })
    .ok()
}

fn rules(policy: &Policy, p: &Probe) {
    let sex = pick(&[Sex::Female, Sex::Male, Sex::Other], p.sex);
    let recipient = Recipient {
        group: p.recipient_group.map(Group::get),
        sex: Some(sex),
        age_years: p.age,
        anti_d: p.anti_d,
        chronically_transfused: p.chronic,
    };
    let donor_group = p.donor_group.get();
    for c in Component::ALL {
        let _ = compatibility(c, &donor_group, &recipient, policy);
        let _ = donor_preference(c, &recipient, policy);
    }
    let at = p.at.alone();
    for product in every_product() {
        typed(Expiry::compute(&product, at, policy));
    }

    let d = &p.donor;
    let donor = Donor {
        id: None,
        date_of_birth: d.born.get(),
        sex,
        first_time: d.first_time,
        previous_donations: d
            .previous
            .iter()
            .take(8)
            .map(|(day, k)| PreviousDonation {
                date: day.get(),
                kind: pick(DonationKind::ALL, *k),
                red_cells_returned: true,
            })
            .collect(),
        deferral_events: Vec::new(),
        conditions: Vec::new(),
    };
    let checks = DonorChecks {
        weight_kg: d.weight_kg.get(),
        hb_g_dl: d.hb_g_dl.get(),
        systolic_mmhg: d.systolic,
        diastolic_mmhg: d.diastolic,
        pulse_bpm: d.pulse,
        temperature_c: d.temperature.get(),
        states: Vec::new(),
    };
    typed(assess_donor(
        &donor,
        &checks,
        pick(DonationKind::ALL, d.kind),
        d.as_of.get(),
        policy,
    ));

    // A unit through screening and release, then reserved and crossmatched for the policy's
    // reservation period.
    let Some(product) = typed(p.product.get()) else {
        return pregnancy(policy, &p.anc);
    };
    let collection = Collection {
        din: "DIN-1".into(),
        division: None,
        product,
        group: donor_group,
        volume_ml: 280,
        donation_type: DonationType::Voluntary,
        donor_id: None,
        first_donation: false,
        collected_at: at,
    };
    if let Some(mut unit) = typed(BloodUnit::collect(collection, "tech", policy)) {
        let mut kinds = vec![EventKind::Quarantine];
        kinds.extend(
            policy
                .screening
                .mandatory_markers
                .iter()
                .map(|m| EventKind::RecordTest {
                    marker: *m,
                    result: TestResult::NonReactive,
                }),
        );
        kinds.push(EventKind::RecordGrouping {
            forward: Some(donor_group),
            reverse: Some(donor_group.abo()),
            historical: None,
        });
        kinds.push(EventKind::Release);
        for kind in kinds {
            match typed(unit.apply(&UnitEvent::new(at, "tech", kind), policy)) {
                Some(next) => unit = next,
                None => break,
            }
        }
        let mut inventory = Inventory::new("FRU-1", policy.clone());
        if typed(inventory.add(unit)).is_some() {
            let request = AllocationRequest::new(
                "P-1",
                recipient,
                p.product
                    .get()
                    .map_or(Component::RedCells, |p| p.component()),
                u32::from(p.quantity),
            );
            if let Some(held) = typed(inventory.reserve(&request, at, "clerk")) {
                typed(inventory.crossmatch(&held.ids(), "P-1", None, at, "lab"));
            }
            typed(inventory.stock_summary(at));
            typed(inventory.storage_centre_check(at));
        }
    }
    pregnancy(policy, &p.anc);
}

fn pregnancy(policy: &Policy, a: &AncProbe) {
    let day = |d: Option<Day>| d.map(Day::get);
    let bp = |r: Option<(u32, u32)>| r.map(|(s, d)| BloodPressure::new(s, d));
    let record = AncRecord {
        age_years: a.age,
        height_cm: a.height_cm.map(Dec::get),
        weight_kg: a.weight_kg.map(Dec::get),
        gravida: a.gravida,
        parity: a.parity,
        previous_caesareans: a.caesareans,
        months_since_last_pregnancy: a.months_since_last,
        lmp: day(a.lmp),
        edd: day(a.edd),
        fetuses: a.fetuses,
        presentation: a.presentation.map(|p| pick(Presentation::ALL, p)),
        hb_g_dl: a.hb_g_dl.map(Dec::get),
        bp: bp(a.bp),
        bp_repeat: bp(a.bp_repeat),
        urine_protein: a.urine_protein.map(|u| pick(UrineProtein::ALL, u)),
        ogtt_2h_mg_dl: a.ogtt.map(Dec::get),
        ..AncRecord::default()
    };
    let as_of: NaiveDate = a.as_of.get();
    typed(assess_pregnancy(&record, as_of, policy));
}

fuzz_target!(|input: Input| {
    let Some((text, is_toml)) = text(&input.document) else {
        return;
    };
    let loaded = if is_toml {
        Policy::from_toml(&text)
    } else {
        Policy::from_json(&text)
    };
    let policy = match loaded {
        Ok(policy) => policy,
        Err(e) => {
            assert_eq!(e.kind(), "InvalidPolicy", "a policy refused with {e:?}");
            return;
        }
    };
    let json = policy.to_json().expect("a loaded policy writes JSON");
    let again = Policy::from_json(&json)
        .unwrap_or_else(|e| panic!("a loaded policy's JSON does not load: {e}"));
    assert_eq!(again, policy, "a loaded policy changes through JSON");
    rules(&policy, &input.probe);
});
