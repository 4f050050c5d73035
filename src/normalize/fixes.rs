//! Repairs over-conversions: words that a careless simplified→traditional→
//! simplified round trip got wrong (乾部 for 干部, 下沈 for 下沉).
//!
//! The pairs are data (`data/lexicon/overconversion.tsv`); every pair keeps
//! its length so the offset map is untouched.

use super::{t2s, Tracked};
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../data/lexicon/overconversion.tsv");

struct Repairs {
    automaton: AhoCorasick,
    replacements: Vec<&'static str>,
}

/// The table's `(wrong, right)` pairs that keep their length (the offset
/// map must stay true).
fn pairs() -> impl Iterator<Item = (&'static str, &'static str)> {
    crate::lexicon::data_lines(TABLE)
        .filter_map(|line| line.split_once('\t'))
        .filter(|(from, to)| from.chars().count() == to.chars().count())
}

fn repairs() -> &'static Repairs {
    static REPAIRS: OnceLock<Repairs> = OnceLock::new();
    REPAIRS.get_or_init(|| {
        let pairs: Vec<(&str, &str)> = pairs().collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(pairs.iter().map(|(from, _)| from))
            .expect("the over-conversion table builds an automaton");
        let replacements = pairs.iter().map(|&(_, to)| to).collect();
        Repairs {
            automaton,
            replacements,
        }
    })
}

/// Most text has nothing to repair: one scan, and the text is rebuilt only
/// when it has a match.
pub(crate) fn repair_overconversion(mut tracked: Tracked) -> Tracked {
    let repairs = repairs();
    if repairs.automaton.is_match(tracked.text.as_ref()) {
        let repaired = repairs
            .automaton
            .replace_all(&tracked.text, &repairs.replacements);
        tracked.text = repaired.into();
    }
    tracked
}

/// A text is simplified when fewer than one CJK char in this many is
/// traditional: a stray form in a simplified page (debris, a name), not a
/// traditional page, which changes one char in four or five.
const TRADITIONAL_SHARE: usize = 50;

/// Takes back the conversion of chars simplified text writes too (乾 in
/// 记者金奉乾, 於 as a surname: [`t2s::is_both_scripts`]) where the text
/// is simplified: there the char is what the writer meant, while OpenCC,
/// which converts traditional text, reads it as 干 or 于. Char for char, so
/// the offset map is untouched.
pub(crate) fn keep_chars_of_simplified_text(original: &str, converted: String) -> String {
    if !original.chars().any(t2s::is_both_scripts) {
        return converted;
    }
    let (mut cjk, mut changed) = (0usize, 0usize);
    for (o, c) in original.chars().zip(converted.chars()) {
        cjk += usize::from(super::is_cjk(o));
        changed += usize::from(o != c && !t2s::is_both_scripts(o));
    }
    if changed * TRADITIONAL_SHARE >= cjk {
        return converted;
    }
    original
        .chars()
        .zip(converted.chars())
        .map(|(o, c)| if t2s::is_both_scripts(o) { o } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repair(s: &str) -> String {
        repair_overconversion(Tracked::from_text(s))
            .text
            .into_owned()
    }

    #[test]
    fn names_in_simplified_text_keep_chars_of_both_scripts() {
        let normal = |s: &str| crate::normalize::normalize(s).text;
        assert_eq!(
            normal("(首席记者 金奉乾 通讯员 陈建宗)"),
            "(首席记者 金奉乾 通讯员 陈建宗)"
        );
        // In traditional text the same char is the traditional 干.
        let traditional = "記者走訪了這個鄉鎮，天氣很乾燥，幹部們在田間勞動。";
        assert_eq!(
            normal(traditional),
            "记者走访了这个乡镇，天气很干燥，干部们在田间劳动。"
        );
    }

    #[test]
    fn repairs_known_overconversions() {
        for (input, expected) in [
            ("力量下沈", "力量下沉"),
            ("著力解决", "着力解决"),
            ("深沈的沈淀", "深沉的沉淀"),
            (
                "社区党委沿著街道党工委谋划的路径",
                "社区党委沿着街道党工委谋划的路径",
            ),
            ("向著名专家请教", "向著名专家请教"),
        ] {
            assert_eq!(repair(input), expected);
        }
    }

    /// Repairs run on converted text: a wrong form that traditional→
    /// simplified conversion already changes can never match.
    #[test]
    fn every_wrong_form_survives_conversion() {
        let dead: Vec<&str> = pairs()
            .map(|(wrong, _)| wrong)
            .filter(|wrong| crate::normalize::t2s::to_simplified(wrong) != *wrong)
            .collect();
        assert!(
            dead.is_empty(),
            "converted before they can be repaired: {dead:?}"
        );
    }

    #[test]
    fn leaves_real_words_alone() {
        for s in ["沈阳市沈河区", "乾隆年间", "沈北新区"] {
            assert_eq!(repair(s), s);
        }
    }
}
