//! A whole article's text → facts, as a build does it: normalised, then
//! `extract::extract`. Every sentence maps back inside the original text
//! (what the RDF stage records as its offsets).
#![no_main]

use cadre_kg::{extract, normalize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: extract::warm_up(), |bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let normalized = normalize::normalize(text);
    let facts = extract::extract(&normalized.text);
    let original = text.chars().count();
    for s in &facts.sentences {
        let (start, end) = normalized.original_range(s.span.start, s.span.end);
        assert!(start <= end && end <= original, "sentence maps to {start}..{end} of {original}");
    }
});
