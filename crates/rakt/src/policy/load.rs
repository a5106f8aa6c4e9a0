//! Loading, merging, validating and listing policy parameters.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::{Confidence, Policy, Source, TemperatureRange};
use crate::blood_group::Abo;
use crate::error::{RaktError, Result};

pub(super) fn from_json(text: &str) -> Result<Policy> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        RaktError::policy(
            "",
            format!(
                "not valid JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            ),
        )
    })?;
    from_value(value)
}

pub(super) fn from_toml(text: &str) -> Result<Policy> {
    let value: Value = toml::from_str(text).map_err(|e| {
        let place = e
            .span()
            .map(|span| {
                let before = text.get(..span.start).unwrap_or("");
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                format!(" (line {line}, column {column})")
            })
            .unwrap_or_default();
        RaktError::policy("", format!("not valid TOML{place}: {}", e.message()))
    })?;
    from_value(value)
}

fn from_value(value: Value) -> Result<Policy> {
    let Value::Object(mut doc) = value else {
        return Err(RaktError::policy("", "a policy must be a table/object"));
    };
    let merged = match doc.remove("extends") {
        None => Value::Object(doc),
        Some(Value::String(base_name)) => {
            let base = Policy::builtin(&base_name).map_err(|_| {
                RaktError::policy(
                    "extends",
                    format!("{base_name:?} is not a built-in policy (india, us or uk)"),
                )
            })?;
            extend(&base, doc)?
        }
        Some(_) => {
            return Err(RaktError::policy(
                "extends",
                "must be the name of a built-in policy (india, us or uk)",
            ));
        }
    };
    let policy: Policy = serde_path_to_error::deserialize(merged).map_err(path_error)?;
    validate(&policy)?;
    Ok(policy)
}

/// Turn a serde error into an `InvalidPolicy` naming the field.
fn path_error(err: serde_path_to_error::Error<serde_json::Error>) -> RaktError {
    let raw_path = err.path().to_string();
    let path = if raw_path == "." {
        String::new()
    } else {
        raw_path
    };
    let message = err.inner().to_string();
    let join = |field: &str| {
        if path.is_empty() {
            field.to_string()
        } else {
            format!("{path}.{field}")
        }
    };
    if let Some(field) = between(&message, "missing field `", "`") {
        return RaktError::policy(join(field), "required value is missing");
    }
    if let Some(field) = between(&message, "unknown field `", "`") {
        let expected = message
            .split_once(", expected ")
            .map(|(_, rest)| format!(" (expected {rest})"))
            .unwrap_or_default();
        // serde_path_to_error already includes the unknown key in some versions.
        let full = if path.ends_with(field) {
            path.clone()
        } else {
            join(field)
        };
        return RaktError::policy(full, format!("unknown field{expected}"));
    }
    RaktError::policy(path, message)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let after = text.split_once(start)?.1;
    Some(after.split_once(end)?.0)
}

/// How many path segments name one parameter in each section of a policy. This is the one
/// description of the policy's shape that loading, merging and source-checking share.
fn parameter_depth(path: &[&str]) -> usize {
    match path {
        [] => 0,
        [
            "name" | "description" | "utc_offset" | "expiry_time_of_day",
            ..,
        ] => 1,
        ["compatibility", "platelet_order" | "plasma_order", ..] => 3,
        ["redating", "irradiate_within_days_of_collection", ..] => 2,
        ["redating", "thawed", ..] => 4,
        ["redating", ..] => 3,
        [
            "donor",
            "deferrals" | "platelet_deferrals" | "weight_kg" | "hb_g_dl" | "intervals" | "age",
            ..,
        ] => 3,
        ["screening", "reactive_deferral", ..] => 3,
        [_, ..] => 2,
    }
}

/// Whether a dotted path (as segments) names a whole parameter, which a file replaces as a unit.
fn is_parameter(path: &[&str]) -> bool {
    !path.is_empty() && path.len() == parameter_depth(path)
}

/// Merge an overriding document over a built-in base.
fn extend(base: &Policy, overlay: Map<String, Value>) -> Result<Value> {
    let mut merged = serde_json::to_value(base)
        .map_err(|e| RaktError::policy("", format!("cannot read base policy: {e}")))?;
    let name = match overlay.get("name") {
        Some(Value::String(name)) if !crate::text::is_blank(name) => name.clone(),
        Some(_) => return Err(RaktError::policy("name", "must be a non-empty string")),
        None => {
            return Err(RaktError::policy(
                "name",
                "required value is missing: a policy file must name itself",
            ));
        }
    };
    if !overlay.contains_key("description") {
        if let Value::Object(m) = &mut merged {
            m.insert(
                "description".into(),
                Value::String(format!("{} with local overrides", base.name)),
            );
        }
    }
    let overlay_value = Value::Object(overlay.clone());
    let mut touched = Vec::new();
    collect_parameters(&overlay_value, &mut Vec::new(), &mut touched);
    merge(&mut merged, Value::Object(overlay.clone()), &mut Vec::new());

    // An overridden value whose source the file does not give is a local choice.
    let file_sources = overlay.get("sources").and_then(Value::as_object);
    if let Some(Value::Object(sources)) = merged.get_mut("sources") {
        for (path, value) in touched {
            if path.starts_with("sources.") || path == "name" || path == "description" {
                continue;
            }
            if value.is_null() {
                sources.remove(&path);
                continue;
            }
            if file_sources.is_some_and(|s| s.contains_key(&path)) {
                continue;
            }
            let local = Source::new(
                format!("policy file {name:?} (overrides {})", base.name),
                Confidence::Local,
            );
            let local = serde_json::to_value(local)
                .map_err(|e| RaktError::policy("sources", e.to_string()))?;
            sources.insert(path, local);
        }
    }
    Ok(merged)
}

fn collect_parameters<'a>(
    node: &'a Value,
    path: &mut Vec<&'a str>,
    out: &mut Vec<(String, &'a Value)>,
) {
    if !path.is_empty() && is_parameter(path) {
        out.push((path.join("."), node));
        return;
    }
    match node {
        Value::Object(map) => {
            for (k, v) in map {
                path.push(k);
                collect_parameters(v, path, out);
                path.pop();
            }
        }
        _ if !path.is_empty() => out.push((path.join("."), node)),
        _ => {}
    }
}

fn merge(base: &mut Value, overlay: Value, path: &mut Vec<String>) {
    match (base, overlay) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                path.push(k.clone());
                let segments: Vec<&str> = path.iter().map(String::as_str).collect();
                let replace = is_parameter(&segments) || !v.is_object();
                match b.get_mut(&k) {
                    Some(existing) if !replace && existing.is_object() => merge(existing, v, path),
                    _ => {
                        b.insert(k, v);
                    }
                }
                path.pop();
            }
        }
        (slot, overlay) => *slot = overlay,
    }
}

/// Every parameter the policy sets, as dotted paths, in the order of the policy's fields.
pub(super) fn parameter_paths(p: &Policy) -> Vec<String> {
    walk_policy(p, false)
}

/// Every parameter the policy sets or leaves unset (`null`, a rule not configured).
fn walk_policy(p: &Policy, with_unset: bool) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(Value::Object(map)) = serde_json::to_value(p) {
        for (key, value) in &map {
            if !matches!(key.as_str(), "name" | "description" | "sources") {
                walk_parameters(value, &mut vec![key.as_str()], &mut out, with_unset);
            }
        }
    }
    out
}

fn walk_parameters<'a>(
    node: &'a Value,
    path: &mut Vec<&'a str>,
    out: &mut Vec<String>,
    with_unset: bool,
) {
    if is_parameter(path) {
        if with_unset || !node.is_null() {
            out.push(path.join("."));
        }
        return;
    }
    if let Value::Object(map) = node {
        for (key, value) in map {
            path.push(key);
            walk_parameters(value, path, out, with_unset);
            path.pop();
        }
    }
}

/// No human lives this long; a larger age limit is a typo, not a policy.
const MAX_PLAUSIBLE_AGE: u32 = 130;

pub(super) fn validate(p: &Policy) -> Result<()> {
    if crate::text::is_blank(&p.name) {
        return Err(RaktError::policy("name", "must not be empty"));
    }
    let c = &p.compatibility;
    for (field, age) in [
        (
            "child_bearing_potential_max_age",
            c.child_bearing_potential_max_age,
        ),
        ("paediatric_max_age", c.paediatric_max_age),
    ] {
        if age > MAX_PLAUSIBLE_AGE {
            return Err(RaktError::policy(
                format!("compatibility.{field}"),
                format!("{age} is not a plausible age"),
            ));
        }
    }
    check_groups("compatibility.emergency_plasma", &c.emergency_plasma)?;
    for bad in [Abo::O, Abo::Oh] {
        if c.emergency_plasma.contains(&bad) {
            return Err(RaktError::policy(
                "compatibility.emergency_plasma",
                format!(
                    "group {bad} plasma carries anti-A and anti-B and cannot be given to a recipient of unknown group"
                ),
            ));
        }
    }
    check_plasma_order(c)?;
    check_groups("compatibility.emergency_platelets", &c.emergency_platelets)?;
    if c.emergency_platelets.contains(&Abo::Oh) {
        return Err(RaktError::policy(
            "compatibility.emergency_platelets",
            "Bombay (Oh) platelets carry anti-H and cannot be emergency stock",
        ));
    }
    for abo in Abo::ALL {
        let field = format!("compatibility.platelet_order.{abo}");
        let order = c.platelet_order.for_recipient(abo);
        check_groups(&field, order)?;
        if abo != Abo::Oh && order.contains(&Abo::Oh) {
            return Err(RaktError::policy(
                field,
                "Bombay (Oh) platelets carry anti-H and are only for Bombay recipients",
            ));
        }
    }
    for (c, rule) in p.redating.thawed.present() {
        if !c.is_frozen() {
            return Err(RaktError::policy(
                format!("redating.thawed.{c}"),
                format!("{c} is not stored frozen, so it is never thawed"),
            ));
        }
        if rule.refrigerated.is_none() && rule.room_temperature.is_none() {
            return Err(RaktError::policy(
                format!("redating.thawed.{c}"),
                "give refrigerated, room_temperature or both",
            ));
        }
    }
    if p.redating.irradiate_within_days_of_collection == Some(0) {
        return Err(RaktError::policy(
            "redating.irradiate_within_days_of_collection",
            "must be > 0",
        ));
    }
    for (name, range) in [
        ("refrigerated", p.storage.refrigerated),
        ("room_temperature", p.storage.room_temperature),
        ("frozen", p.storage.frozen),
    ] {
        check_range(&format!("storage.{name}"), range)?;
    }
    super::donor::validate_donor(&p.donor, &p.screening)?;
    super::inventory::validate_inventory(&p.inventory)?;
    super::kpi::validate_kpi(&p.kpi)?;
    super::maternal::validate_maternal(&p.maternal)?;
    super::hrp::validate_hrp(&p.hrp, &p.blood_plan)?;
    super::early_warning::validate_early_warning(&p.early_warning)?;
    check_sources(p)
}

/// The plasma order per recipient group, and its agreement with the emergency plasma groups.
fn check_plasma_order(c: &super::CompatibilityPolicy) -> Result<()> {
    for abo in super::PlasmaOrder::RECIPIENTS {
        let field = format!("compatibility.plasma_order.{abo}");
        let order = c.plasma_order.for_recipient(abo).unwrap_or_default();
        check_groups(&field, order)?;
        if order.contains(&Abo::Oh) {
            return Err(RaktError::policy(
                field,
                "Bombay (Oh) plasma carries anti-H and is only for Bombay recipients",
            ));
        }
        if abo != Abo::O && order.contains(&Abo::O) {
            return Err(RaktError::policy(
                field,
                format!(
                    "group O plasma carries anti-A and anti-B; no source gives it to a group {abo} recipient"
                ),
            ));
        }
    }
    // A recipient of unknown group may be of any group, AB above all (whose red cells every
    // anti-A or anti-B attacks): emergency plasma must be acceptable for each of them.
    for abo in [Abo::AB, Abo::A, Abo::B, Abo::O] {
        let order = c.plasma_order.for_recipient(abo).unwrap_or_default();
        if let Some(g) = c.emergency_plasma.iter().find(|g| !order.contains(g)) {
            return Err(RaktError::policy(
                "compatibility.emergency_plasma",
                format!(
                    "group {g} plasma is not acceptable for a group {abo} recipient (compatibility.plasma_order.{abo}), and a recipient of unknown group may be {abo}: add {g} there, with its caveat, or remove it from emergency_plasma"
                ),
            ));
        }
    }
    Ok(())
}

fn check_groups(field: &str, groups: &[Abo]) -> Result<()> {
    if groups.is_empty() {
        return Err(RaktError::policy(field, "must list at least one group"));
    }
    let mut seen = BTreeSet::new();
    for g in groups {
        if !seen.insert(*g) {
            return Err(RaktError::policy(
                field,
                format!("group {g} is listed twice"),
            ));
        }
    }
    Ok(())
}

fn check_range(field: &str, range: TemperatureRange) -> Result<()> {
    match range.problem() {
        Some((bound, reason)) => Err(RaktError::policy(format!("{field}.{bound}"), reason)),
        None => Ok(()),
    }
}

fn check_sources(p: &Policy) -> Result<()> {
    let params = parameter_paths(p);
    for path in &params {
        match p.sources.get(path) {
            None => {
                return Err(RaktError::policy(
                    format!("sources.{path}"),
                    "every parameter needs a source (citation and confidence)",
                ));
            }
            Some(src) if crate::text::is_blank(&src.citation) => {
                return Err(RaktError::policy(
                    format!("sources.{path}.citation"),
                    "must not be empty",
                ));
            }
            Some(_) => {}
        }
    }
    // An unset parameter (a rule not configured) may carry a source saying why.
    let all = walk_policy(p, true);
    let known: BTreeSet<&str> = all.iter().map(String::as_str).collect();
    if let Some(extra) = p.sources.keys().find(|k| !known.contains(k.as_str())) {
        return Err(RaktError::policy(
            format!("sources.{extra}"),
            "no such parameter is set in this policy",
        ));
    }
    Ok(())
}

/// Whether a component can carry a re-dating rule at all (used by the profiles' own tests).
#[cfg(test)]
pub(super) fn redate_rule_count(p: &Policy) -> usize {
    let count = |m: &super::PerComponent<super::RedateRule>| m.present().count();
    count(&p.redating.irradiated) + count(&p.redating.washed) + count(&p.redating.opened)
}

#[cfg(test)]
mod tests {
    use super::super::ShelfLife;
    use super::*;
    use crate::component::Component;

    #[test]
    fn builtin_profiles_are_valid_and_fully_sourced() {
        for p in [Policy::india(), Policy::us(), Policy::uk()] {
            validate(&p).unwrap();
            assert!(redate_rule_count(&p) > 0);
            for path in parameter_paths(&p) {
                assert!(p.source(&path).is_some(), "{} {path}", p.name);
            }
        }
    }

    #[test]
    fn export_and_reload_gives_the_same_policy() {
        for p in [Policy::india(), Policy::us(), Policy::uk()] {
            assert_eq!(
                Policy::from_json(&p.to_json().unwrap()).unwrap(),
                p,
                "{}",
                p.name
            );
            let toml = p.to_toml().unwrap();
            assert_eq!(Policy::from_toml(&toml).unwrap(), p, "{}", p.name);
        }
    }

    fn refused(toml: &str) -> (String, String) {
        match Policy::from_toml(toml).unwrap_err() {
            RaktError::InvalidPolicy { path, reason } => (path, reason),
            other => panic!("expected InvalidPolicy, got {other:?}"),
        }
    }

    #[test]
    fn bad_files_are_refused_naming_the_field() {
        let head = "name = \"t\"\nextends = \"india\"\n";
        let cases = [
            (
                "[shelf_life.platelets_random_donor]\ndays = -3",
                "shelf_life.platelets_random_donor.days",
                "must be > 0",
            ),
            (
                "[shelf_life.platelets_random_donor]\ndays = 0",
                "shelf_life.platelets_random_donor.days",
                "must be > 0",
            ),
            (
                "[shelf_life.platelets]\ndays = 5",
                "shelf_life.platelets",
                "unknown field",
            ),
            (
                "[shelf_life.granulocytes]\ndays = 1\nhours = 24",
                "shelf_life.granulocytes",
                "exactly one of days",
            ),
            (
                "[compatibility]\npaediatric_max_age = \"seventeen\"",
                "compatibility.paediatric_max_age",
                "invalid type",
            ),
            (
                "[compatibility]\nemergency_plasma = [\"O\"]",
                "compatibility.emergency_plasma",
                "anti-A",
            ),
            (
                "[compatibility]\nemergency_plasma = []",
                "compatibility.emergency_plasma",
                "at least one",
            ),
            (
                "[compatibility.platelet_order]\nA = [\"A\", \"A\"]",
                "compatibility.platelet_order.A",
                "listed twice",
            ),
            (
                "[compatibility]\nemergency_plasma = [\"A\", \"AB\"]",
                "compatibility.emergency_plasma",
                "not acceptable for a group AB recipient",
            ),
            (
                "[compatibility.plasma_order]\nA = [\"A\", \"AB\", \"O\"]",
                "compatibility.plasma_order.A",
                "anti-A and anti-B",
            ),
            (
                "[compatibility.plasma_order]\nO = [\"O\", \"Oh\"]",
                "compatibility.plasma_order.O",
                "anti-H",
            ),
            (
                "[storage.refrigerated]\nmin_celsius = 6\nmax_celsius = 2",
                "storage.refrigerated.min_celsius",
                "must not exceed",
            ),
            (
                "[redating.thawed.red_cells]\nrefrigerated = { hours = 24 }",
                "redating.thawed.red_cells",
                "not stored frozen",
            ),
            (
                "[redating.irradiated]\nred_cells = \"never\"",
                "redating.irradiated.red_cells",
                "not a re-dating rule",
            ),
            ("utc_offset = \"IST\"", "utc_offset", "not a UTC offset"),
            ("colour = \"red\"", "colour", "unknown field"),
        ];
        for (body, want_path, want_reason) in cases {
            let (path, reason) = refused(&format!("{head}{body}"));
            assert_eq!(path, want_path, "{body}");
            assert!(reason.contains(want_reason), "{body}: {reason}");
        }
        // The UK gives group A plasma when the group is unknown; a file that drops A for a known
        // AB recipient must drop it from the emergency list too.
        let (path, reason) =
            refused("name = \"t\"\nextends = \"uk\"\n[compatibility.plasma_order]\nAB = [\"AB\"]");
        assert_eq!(path, "compatibility.emergency_plasma");
        assert!(
            reason.contains("group A plasma is not acceptable for a group AB recipient (compatibility.plasma_order.AB)"),
            "{reason}"
        );
        let both = Policy::from_toml(
            "name = \"t\"\nextends = \"uk\"\n[compatibility]\nemergency_plasma = [\"AB\"]\n[compatibility.plasma_order]\nAB = [\"AB\"]",
        )
        .unwrap();
        assert_eq!(both.compatibility.emergency_plasma, [Abo::AB]);
        let mut by_hand = Policy::uk();
        by_hand.compatibility.plasma_order.ab = vec![Abo::AB, Abo::B];
        let err = by_hand.validate().unwrap_err().to_string();
        assert!(err.contains("compatibility.emergency_plasma"), "{err}");
        assert_eq!(refused("extends = \"india\"").0, "name");
        assert_eq!(refused("name = \"x\"\nextends = \"mars\"").0, "extends");
        let (path, _) = refused("name = \"x\"");
        assert_eq!(
            path, "utc_offset",
            "a file without extends must be complete"
        );
        let (path, reason) = refused("name = [");
        assert_eq!(path, "");
        assert!(reason.contains("line 1"), "{reason}");
    }

    #[test]
    fn overrides_change_only_what_they_name_and_mark_it_local() {
        let p = Policy::from_json(
            r#"{"name": "pgimer", "extends": "india",
                "compatibility": {"child_bearing_potential_max_age": 55},
                "redating": {"thawed": {"fresh_frozen_plasma": {"refrigerated": {"hours": 120}}}},
                "sources": {"redating.thawed.fresh_frozen_plasma.refrigerated":
                    {"citation": "hospital SOP 12", "confidence": "local"}}}"#,
        )
        .unwrap();
        let india = Policy::india();
        assert_eq!(p.name, "pgimer");
        assert_eq!(p.compatibility.child_bearing_potential_max_age, 55);
        assert_eq!(
            p.compatibility.paediatric_max_age,
            india.compatibility.paediatric_max_age
        );
        assert_eq!(p.shelf_life, india.shelf_life);
        let src = p
            .source("compatibility.child_bearing_potential_max_age")
            .unwrap();
        assert_eq!(src.confidence, Confidence::Local);
        assert!(src.citation.contains("pgimer"));
        assert_eq!(
            p.source("redating.thawed.fresh_frozen_plasma.refrigerated")
                .unwrap()
                .citation,
            "hospital SOP 12"
        );
        assert_eq!(
            p.source("compatibility.paediatric_max_age"),
            india.source("compatibility.paediatric_max_age")
        );
        assert_eq!(
            p.redating
                .thawed
                .get(Component::FreshFrozenPlasma)
                .unwrap()
                .refrigerated,
            Some(ShelfLife::Hours(120))
        );
        // A shelf life replaced by another unit is replaced, not merged.
        let p = Policy::from_toml(
            "name = \"x\"\nextends = \"india\"\n[shelf_life.red_cells_cpda1]\nhours = 48",
        )
        .unwrap();
        assert_eq!(p.shelf_life.red_cells_cpda1, Some(ShelfLife::Hours(48)));
    }

    #[test]
    fn a_null_removes_a_parameter_and_its_source() {
        let p = Policy::from_json(
            r#"{"name": "x", "extends": "india", "shelf_life": {"whole_blood_cpd": null}}"#,
        )
        .unwrap();
        assert_eq!(p.shelf_life.whole_blood_cpd, None);
        assert!(p.source("shelf_life.whole_blood_cpd").is_none());
    }

    #[test]
    fn sources_for_unknown_parameters_are_refused() {
        let (path, _) = refused(
            "name = \"x\"\nextends = \"india\"\n[sources.\"shelf_life.nonsense\"]\ncitation = \"a\"\nconfidence = \"low\"",
        );
        assert_eq!(path, "sources.shelf_life.nonsense");
    }
}
