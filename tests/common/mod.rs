//! Helpers for integration tests: run the real binary on real articles.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_cadre-kg")
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn run(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .output()
        .expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `cadre-kg build` on `corpus` into `store`, with `extra` arguments.
pub fn build(corpus: &Path, store: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "build",
        "--corpus",
        corpus.to_str().unwrap(),
        "--store",
        store.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(&args)
}

/// A build report (`--report FILE`) as JSON.
pub fn report(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Builds the shipped corpus once per test binary and returns the store.
pub fn corpus_store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, store) = STORE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temp dir");
        let store = dir.path().join("store");
        let corpus = repo().join("corpus");
        let out = build(&corpus, &store, &[]);
        assert!(out.status.success(), "build failed: {}", stderr(&out));
        (dir, store)
    });
    store
}

/// Runs a query (text or `--file`) and returns its JSON bindings as rows of
/// `variable → value`.
pub fn select(
    store: &Path,
    query_args: &[&str],
) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let mut args = vec![
        "query",
        "--store",
        store.to_str().unwrap(),
        "--format",
        "json",
    ];
    args.extend_from_slice(query_args);
    let out = run(&args);
    assert!(out.status.success(), "query failed: {}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SPARQL JSON results");
    json["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|b| {
            b.as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v["value"].clone()))
                .collect()
        })
        .collect()
}

pub fn value<'a>(row: &'a serde_json::Map<String, serde_json::Value>, key: &str) -> &'a str {
    row.get(key).and_then(|v| v.as_str()).unwrap_or("")
}

/// `python3` with NetworkX, or a clear failure.
pub fn python_with_networkx() -> &'static str {
    let ok = Command::new("python3")
        .args(["-c", "import networkx"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(
        ok,
        "these tests need python3 with networkx: run scripts/setup.sh (pip install networkx)"
    );
    "python3"
}

/// How many entries of `dir` have names starting with `prefix`.
pub fn entries_named(dir: &Path, prefix: &str) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(prefix)
        })
        .count()
}
