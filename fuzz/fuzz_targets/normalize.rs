//! Decoded text → normalised text (`normalize::normalize`): every char of
//! the result, and its end, maps back inside the original text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let normalized = cadre_kg::normalize::normalize(text);
    let original = text.chars().count();
    let chars = normalized.text.chars().count();
    for i in 0..=chars {
        let at = normalized.original_offset(i);
        assert!(at <= original, "char {i} maps to {at}, past {original}");
    }
});
