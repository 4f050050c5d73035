//! Fingerprints everything that decides the extracted facts (the stage
//! sources and the data files) so that `cadre-kg build` knows when a store
//! was made by another extractor and must be rebuilt in full.

use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

/// Inputs of extraction, in pipeline order; a change to any of them changes
/// the facts, so the store must be rebuilt.
const INPUTS: &[&str] = &[
    "src/model.rs",
    "src/lexicon",
    "src/corpus.rs",
    "src/normalize",
    "src/extract",
    "src/link",
    "src/vocab.rs",
    "src/rdf.rs",
    // The cross-article graphs (gazetteer, facts) derived from the above.
    "src/pipeline/shared.rs",
    "ontology",
    "data",
];

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        entries.sort();
        for entry in entries {
            files(&entry, out);
        }
    } else {
        out.push(path.to_owned());
    }
}

/// A string as a JSON string literal.
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            // Safe inside an HTML <script>.
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The analyst questions in `queries/`, as a JSON list of `[name, text]`
/// for the page `cadre-kg serve` shows.
fn write_queries() {
    println!("cargo:rerun-if-changed=queries");
    let mut paths = Vec::new();
    files(Path::new("queries"), &mut paths);
    let items: Vec<String> = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .map(|p| {
            let name = p.file_stem().unwrap_or_default().to_string_lossy();
            let text = std::fs::read_to_string(p).unwrap_or_default();
            format!("[{},{}]", json_string(&name), json_string(&text))
        })
        .collect();
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("queries.json");
    std::fs::write(out, format!("[{}]", items.join(",\n"))).expect("OUT_DIR is writable");
}

fn main() {
    write_queries();
    let mut all = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        files(Path::new(input), &mut all);
    }
    // DefaultHasher::new() uses fixed keys: the same inputs give the same
    // fingerprint on every machine with this toolchain.
    let mut hasher = DefaultHasher::new();
    for file in all {
        hasher.write(file.to_string_lossy().as_bytes());
        hasher.write(&std::fs::read(&file).unwrap_or_default());
    }
    println!(
        "cargo:rustc-env=CADRE_KG_EXTRACTOR={:016x}",
        hasher.finish()
    );
}
