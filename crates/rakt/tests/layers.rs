//! The direction of the core's imports: which modules of `crates/rakt/src` form a circle
//! through their `use crate::…` and `use super::…` lines (test code left out).
//!
//! Two levels are read: top-level modules (`policy`, `donor`, `maternal`, …), and the files of
//! one module among themselves (`maternal/hrp.rs` and `maternal/blood_plan.rs`); a module's
//! `mod.rs` is its hub and is not counted against its own files.
//!
//! The test fails on any circle not listed in `KNOWN` (which is empty), and on a listed one that
//! is gone, so the list can only shrink. The layers and their direction are in ARCHITECTURE.md.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The circles rakt still has, each as its sorted modules: none. A circle that must be allowed
/// for a while is listed here, with ARCHITECTURE.md saying which way it will be broken.
const KNOWN: &[&[&str]] = &[];

/// A module's name in a graph: `policy`, or `maternal/hrp` for a file of a module.
type Module = String;

/// Every `use` statement of a source, test modules left out, as the text between `use` and `;`.
fn uses(source: &str) -> Vec<String> {
    // Inline test modules sit at the end of a file, after `#[cfg(test)]` and `mod tests`.
    let code = match source.find("#[cfg(test)]\nmod tests") {
        Some(at) => &source[..at],
        None => source,
    };
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = &rest[..at];
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        let prefix = before[line_start..].trim();
        let is_statement = prefix.is_empty() || prefix == "pub" || prefix.starts_with("pub(");
        let tail = &rest[at + 4..];
        let end = tail.find(';').unwrap_or(tail.len());
        if is_statement {
            out.push(tail[..end].split_whitespace().collect::<String>());
        }
        rest = &tail[end.min(tail.len())..];
    }
    out
}

/// The first path segments that a use tree names, from a tree's text without spaces:
/// `{a::X,b::{c::Y,Z}}` gives `a` and `b`; `a::b::C` gives `a`.
fn heads(tree: &str) -> Vec<(String, String)> {
    // Each result: (first segment, second segment or "").
    let tree = tree.trim_start_matches("::");
    if let Some(inner) = tree.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
        let mut out = Vec::new();
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    out.extend(heads(&inner[start..i]));
                    start = i + 1;
                }
                _ => {}
            }
        }
        out.extend(heads(&inner[start..]));
        return out;
    }
    if tree.is_empty() {
        return Vec::new();
    }
    let (first, rest) = tree.split_once("::").unwrap_or((tree, ""));
    let first = first.to_string();
    if rest.starts_with('{') {
        // `a::{b::X, c}`: the second segments are the group's heads.
        return heads(rest)
            .into_iter()
            .map(|(s, _)| (first.clone(), s))
            .collect();
    }
    let second = rest.split("::").next().unwrap_or("").to_string();
    vec![(first, second)]
}

/// The top-level modules of the core: each file or folder in `src` but `lib.rs`.
fn top_modules(src: &Path) -> BTreeSet<String> {
    std::fs::read_dir(src)
        .expect("read src")
        .filter_map(|e| {
            let p = e.ok()?.path();
            let name = p.file_stem()?.to_str()?.to_string();
            (name != "lib").then_some(name)
        })
        .collect()
}

/// The module graph: edges between top-level modules, and between the files of one module.
fn graph(src: &Path) -> BTreeMap<Module, BTreeSet<Module>> {
    let mut files = Vec::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let tops = top_modules(src);
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(src).expect("under src");
        let parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        // Test files (`tests.rs`, `…/tests/…`) are test code.
        if parts.iter().any(|p| p == "tests") || parts[0] == "lib" {
            continue;
        }
        let top = parts[0].clone();
        // The file's own module inside `top`, if it is one of its files (not its hub).
        let own = match parts.get(1).map(String::as_str) {
            None | Some("mod") => None,
            Some(name) => Some(name.to_string()),
        };
        let source = std::fs::read_to_string(&file).expect("read file");
        for statement in uses(&source) {
            let (tree, from_super) = if let Some(t) = statement.strip_prefix("crate::") {
                (t, false)
            } else if let Some(t) = statement.strip_prefix("super::") {
                (t, true)
            } else {
                continue;
            };
            for (first, second) in heads(tree) {
                if from_super {
                    // `super::x` in a file of `top` names a sibling file or an item of the hub.
                    if let Some(own) = &own
                        && first != *own
                        && src.join(&top).join(format!("{first}.rs")).exists()
                    {
                        edges
                            .entry(format!("{top}/{own}"))
                            .or_default()
                            .insert(format!("{top}/{first}"));
                    }
                    continue;
                }
                if !tops.contains(&first) {
                    continue;
                }
                if first != top {
                    edges.entry(top.clone()).or_default().insert(first);
                } else if let Some(own) = &own
                    && !second.is_empty()
                    && second != *own
                    && src.join(&top).join(format!("{second}.rs")).exists()
                {
                    edges
                        .entry(format!("{top}/{own}"))
                        .or_default()
                        .insert(format!("{top}/{second}"));
                }
            }
        }
    }
    edges
}

/// The strongly connected components of more than one module (Tarjan), each sorted.
fn circles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> BTreeSet<Vec<Module>> {
    struct State<'a> {
        edges: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: BTreeSet<Vec<Module>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        if let Some(next) = s.edges.get(v) {
            for w in next {
                let w = w.as_str();
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let lw = s.low[w];
                    let lv = s.low[v];
                    s.low.insert(v, lv.min(lw));
                } else if s.on_stack.contains(w) {
                    let iw = s.index[w];
                    let lv = s.low[v];
                    s.low.insert(v, lv.min(iw));
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.insert(component);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: BTreeSet::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

#[test]
fn the_use_trees_are_read_as_written() {
    assert_eq!(
        uses("use crate::a::B;\npub use crate::{c::D, e::{F, g::H}};\n// use x;\nlet used = 1;"),
        vec!["crate::a::B", "crate::{c::D,e::{F,g::H}}"]
    );
    let h = |t: &str| heads(t);
    assert_eq!(h("a::B"), vec![("a".into(), "B".into())]);
    assert_eq!(
        h("{c::D,e::{F,g::H}}"),
        vec![
            ("c".into(), "D".into()),
            ("e".into(), "F".into()),
            ("e".into(), "g".into())
        ]
    );
    assert_eq!(
        h("maternal::{hrp::X,blood_plan}"),
        vec![
            ("maternal".into(), "hrp".into()),
            ("maternal".into(), "blood_plan".into())
        ]
    );
}

#[test]
fn a_circle_is_found_and_a_line_is_not() {
    let mut e: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    e.entry("a".into()).or_default().insert("b".into());
    e.entry("b".into()).or_default().insert("c".into());
    e.entry("c".into()).or_default().insert("a".into());
    e.entry("c".into()).or_default().insert("d".into());
    let found = circles(&e);
    assert_eq!(found.len(), 1);
    assert!(found.contains(&vec!["a".to_string(), "b".into(), "c".into()]));
    e.entry("c".into()).or_default().remove("a");
    assert!(circles(&e).is_empty());
}

#[test]
fn the_core_has_no_import_circle_beyond_the_known_ones() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let edges = graph(&src);
    assert!(edges.contains_key("policy"), "the graph was read");
    let found = circles(&edges);
    let known: BTreeSet<Vec<Module>> = KNOWN
        .iter()
        .map(|c| c.iter().map(|m| m.to_string()).collect())
        .collect();
    let new: Vec<_> = found.difference(&known).collect();
    let gone: Vec<_> = known.difference(&found).collect();
    let explain = |c: &Vec<Module>| -> String {
        let mut lines = Vec::new();
        for m in c {
            let into: Vec<_> = edges
                .get(m)
                .into_iter()
                .flatten()
                .filter(|t| c.contains(t))
                .cloned()
                .collect();
            lines.push(format!("  {m} -> {}", into.join(", ")));
        }
        lines.join("\n")
    };
    assert!(
        new.is_empty(),
        "import circles not in KNOWN:\n{}",
        new.iter()
            .map(|c| explain(c))
            .collect::<Vec<_>>()
            .join("\n\n")
    );
    assert!(
        gone.is_empty(),
        "circles in KNOWN that are gone (remove them from the list): {gone:?}"
    );
}

#[test]
fn files_of_one_module_that_import_each_other_are_a_circle() {
    let dir = std::env::temp_dir().join(format!("rakt-layers-{}", std::process::id()));
    let write = |path: &str, text: &str| {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    };
    write("policy.rs", "use crate::reason::Lang;\n");
    write("reason.rs", "pub enum Lang {}\n");
    write(
        "maternal/mod.rs",
        "mod hrp;\nmod blood_plan;\npub use hrp::X;\n",
    );
    write(
        "maternal/hrp.rs",
        "use super::blood_plan::plan;\nuse crate::policy::P;\n",
    );
    write(
        "maternal/blood_plan.rs",
        "use crate::maternal::hrp::Grade;\n#[cfg(test)]\nmod tests {\n    use crate::policy::P;\n}\n",
    );
    let edges = graph(&dir);
    let found = circles(&edges);
    std::fs::remove_dir_all(&dir).expect("clean up");
    assert_eq!(
        found,
        BTreeSet::from([vec![
            "maternal/blood_plan".to_string(),
            "maternal/hrp".into()
        ]])
    );
    assert_eq!(
        edges.get("maternal").cloned().unwrap_or_default(),
        BTreeSet::from(["policy".to_string()])
    );
}

/// The layers of the core, bottom first (ARCHITECTURE.md). A module imports only from its own
/// layer or the ones below.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "foundation",
        &["error", "macros", "text", "decimal", "time", "plausible"],
    ),
    ("vocabulary", &["vocab", "blood_group", "component"]),
    ("policy", &["policy"]),
    ("reasons", &["reason"]),
    (
        "rules",
        &["compatibility", "expiry", "screening", "donor", "tariff"],
    ),
    ("composites", &["unit", "inventory", "maternal", "kpi"]),
    ("formats", &["eraktkosh", "isbt128", "fhir", "hmis"]),
];

/// Imports that go up a layer on purpose, each with its reason.
const UPWARD: &[(&str, &str, &str)] = &[(
    "inventory",
    "eraktkosh",
    "a stock view carries its e-RaktKosh availability summary, in the portal's own codes",
)];

#[test]
fn imports_go_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let layer_of = |m: &str| LAYERS.iter().position(|(_, ms)| ms.contains(&m));
    let tops = top_modules(&src);
    let unplaced: Vec<_> = tops.iter().filter(|m| layer_of(m).is_none()).collect();
    assert!(
        unplaced.is_empty(),
        "modules in no layer (add them to LAYERS and ARCHITECTURE.md): {unplaced:?}"
    );
    let mut wrong = Vec::new();
    let mut used = BTreeSet::new();
    for (from, to) in graph(&src)
        .iter()
        .filter(|(m, _)| !m.contains('/'))
        .flat_map(|(m, ts)| ts.iter().map(move |t| (m.clone(), t.clone())))
    {
        if layer_of(&to) > layer_of(&from) {
            if UPWARD.iter().any(|(f, t, _)| *f == from && *t == to) {
                used.insert((from, to));
            } else {
                wrong.push(format!("{from} -> {to}"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports that go up a layer: {wrong:?}");
    assert_eq!(
        used.len(),
        UPWARD.len(),
        "an UPWARD exception is no longer used"
    );
}
