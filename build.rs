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

fn main() {
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
