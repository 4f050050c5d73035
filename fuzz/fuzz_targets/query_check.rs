//! A query someone wrote → the checks before evaluation (`query::check`:
//! size and nesting limits, the refusal of updates such as `LOAD` and of
//! `SERVICE`, undeclared prefixes, terms that cannot match), against an
//! in-memory store holding the ontology. Nothing is evaluated.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oxigraph::store::Store;
use std::sync::OnceLock;

fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        let store = Store::new().expect("an in-memory store opens");
        store
            .extend(cadre_kg::pipeline::ontology_quads())
            .expect("the ontology loads");
        store
    })
}

fuzz_target!(init: { store(); }, |bytes: &[u8]| {
    let Ok(query) = std::str::from_utf8(bytes) else {
        return;
    };
    if cadre_kg::query::check(store(), query).is_ok() {
        assert!(query.len() <= cadre_kg::query::MAX_QUERY_BYTES);
    }
});
