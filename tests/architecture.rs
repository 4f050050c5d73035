//! The flow `ARCHITECTURE.md` gives holds in the code: no module of the
//! library uses one listed after it in the code map.

mod common;
use common::repo;
use std::fs;
use std::path::Path;

/// The library's modules in the order of the code map (`- `name` — …`
/// lines between "## Code map" and the binary's files).
fn modules_in_flow_order() -> Vec<String> {
    let text = fs::read_to_string(repo().join("ARCHITECTURE.md")).unwrap();
    let map = text
        .split("## Code map")
        .nth(1)
        .expect("ARCHITECTURE.md has a code map");
    map.lines()
        .filter_map(|l| l.strip_prefix("- `"))
        .filter_map(|l| l.split('`').next())
        .take_while(|name| !name.ends_with(".rs"))
        .map(str::to_owned)
        .collect()
}

/// The top-level modules a source file names as `crate::x` (in `use`
/// lines, `use crate::{a, b::c}` groups, and paths), outside comments.
fn crate_modules_used(source: &str) -> Vec<String> {
    let code: String = source
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut used = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            Some(group) => {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                used.extend(group.split(',').map(ident).filter(|m| !m.is_empty()));
            }
            None => used.push(ident(rest)),
        }
    }
    used
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_code_map_lists_the_library_modules_in_order() {
    let order = modules_in_flow_order();
    assert_eq!(order.first().map(String::as_str), Some("model"));
    for m in &order {
        let src = repo().join("src");
        assert!(
            src.join(format!("{m}.rs")).exists() || src.join(m).is_dir(),
            "ARCHITECTURE.md lists `{m}`, which src/ does not hold"
        );
    }
}

#[test]
fn no_module_uses_one_after_it_in_the_flow() {
    let order = modules_in_flow_order();
    let rank = |m: &str| order.iter().position(|o| o == m);
    let src = repo().join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut wrong = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = top.trim_end_matches(".rs");
        let Some(own) = rank(module) else {
            continue; // lib.rs and the binary's files
        };
        for used in crate_modules_used(&fs::read_to_string(&file).unwrap()) {
            if rank(&used).is_some_and(|r| r > own) {
                wrong.push(format!("{} uses `{used}`", rel.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "modules that use one below them in ARCHITECTURE.md: {wrong:?}"
    );
}

#[test]
fn uses_are_read_from_lines_groups_and_paths() {
    let source = "use crate::model::Span;\nuse crate::{extract, rdf::quads};\n// use crate::query;\nlet g = crate::lexicon::divisions::divisions();\nuse cadre_kg::store;";
    assert_eq!(
        crate_modules_used(source),
        ["model", "extract", "rdf", "lexicon"]
    );
}
