//! Which two chars can begin a name that [`super::area`] takes as a short
//! form (a province, prefecture or county, by its name's suffix).
//!
//! Short forms are tried wherever a place name may start, and nearly all
//! of those places begin no such name; this set of first-char pairs
//! (about ten thousand, from the divisions' names and aliases) answers
//! them without building the name and looking it up in the gazetteer of
//! 700,000 names.

use crate::lexicon::{divisions, lexicon};
use crate::model::AreaKind;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Could a name of two or more chars that begins with `first`, `second`
/// be a short form? `false` is sure; `true` needs the lookup.
pub(super) fn may_begin(first: char, second: char) -> bool {
    starts().contains(&[first, second])
}

/// Builds the set ahead of the first article (it reads every name of the
/// gazetteer), while the segmenter loads.
pub(super) fn prepare() {
    starts();
}

fn starts() -> &'static FxHashSet<[char; 2]> {
    static STARTS: OnceLock<FxHashSet<[char; 2]>> = OnceLock::new();
    STARTS.get_or_init(|| {
        let g = divisions::divisions();
        let last_chars: FxHashSet<char> = lexicon()
            .area_suffixes
            .iter()
            .filter(|s| s.kind.rank() <= AreaKind::County.rank())
            .filter_map(|s| s.suffix.chars().next_back())
            .collect();
        // The suffix's last char first: a cheap test that most of the
        // 700,000 names (villages, towns) fail.
        let targets: Vec<bool> = g
            .iter()
            .map(|(_, d)| {
                let name = d.name();
                name.chars()
                    .next_back()
                    .is_some_and(|c| last_chars.contains(&c))
                    && ranks_as_short_form(name)
            })
            .collect();
        let names = g
            .iter()
            .filter(|(id, _)| targets[id.index()])
            .map(|(_, d)| d.name());
        let aliases = g
            .aliases()
            .filter(|(_, id)| targets[id.index()])
            .map(|(alias, _)| alias);
        names.chain(aliases).filter_map(first_two).collect()
    })
}

/// Does a division with this name label a short form: does its suffix
/// rank at county level or above?
fn ranks_as_short_form(name: &str) -> bool {
    lexicon()
        .area_suffix_of(name)
        .is_some_and(|s| s.kind.rank() <= AreaKind::County.rank())
}

fn first_two(name: &str) -> Option<[char; 2]> {
    let mut chars = name.chars();
    Some([chars.next()?, chars.next()?])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name and alias the gazetteer resolves to a county or above
    /// (as `area::known_area` does) begins with a listed pair.
    #[test]
    fn every_short_form_the_gazetteer_resolves_is_listed() {
        let g = divisions::divisions();
        let names = g.iter().map(|(_, d)| d.name());
        for name in names.chain(g.aliases().map(|(alias, _)| alias)) {
            let resolved = crate::extract::area::known_area(name);
            if resolved.is_some_and(|(_, kind)| kind.rank() <= AreaKind::County.rank()) {
                let [a, b] = first_two(name).unwrap_or(['\0', '\0']);
                assert!(name.chars().count() < 2 || may_begin(a, b), "{name}");
            }
        }
    }

    #[test]
    fn short_forms_of_every_level_begin_with_a_listed_pair() {
        for name in ["吉林", "长春", "朝阳", "平潭", "内蒙古", "沈河"] {
            let mut c = name.chars();
            let (a, b) = (c.next().unwrap(), c.next().unwrap());
            assert!(may_begin(a, b), "{name}");
        }
        assert!(!may_begin('我', '们'));
    }
}
