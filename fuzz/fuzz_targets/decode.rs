//! Raw file bytes → decoded article text (`corpus::decode`): any bytes
//! are decoded or refused with an error, never a panic, and decoded text
//! is never empty.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(decoded) = cadre_kg::corpus::decode(bytes) {
        assert!(!decoded.text.trim().is_empty(), "decoded text is empty");
    }
});
