//! Administrative areas: a name stem followed by a level suffix (街道, 社区,
//! 县 …), chains of them (长春市绿园区青年路街道银融社区 gives four areas
//! and three containments), and the short forms the gazetteer knows.
//!
//! The stem's left edge comes from, in order: the longest official name in
//! the gazetteer that ends at the suffix, then jieba's word boundaries over
//! name-like words. Generic stems (城乡社区, 该社区) are not names.

use super::segment::{is_common_word, Word};
use super::text::{has_at, is_clause_break, string};
use crate::lexicon::{divisions, lexicon, AreaSuffix};
use crate::model::{AreaKind, Span};
use crate::normalize::is_cjk;

/// An area found in one sentence (local `char` offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaHit {
    pub span: Span,
    pub label: String,
    pub alts: Vec<String>,
    pub kind: AreaKind,
}

/// Areas and the containments between neighbours of a chain
/// (`(child, parent)` indices into the areas).
pub fn find_areas(chars: &[char], words: &[Word]) -> (Vec<AreaHit>, Vec<(usize, usize)>) {
    let mut hits: Vec<AreaHit> = Vec::new();
    let mut floor = 0;
    let mut j = 0;
    while j < chars.len() {
        if !is_cjk(chars[j]) {
            floor = j + 1;
            j += 1;
            continue;
        }
        match suffix_hit(chars, words, floor, j) {
            Some(found) => {
                let end = found.last().map_or(j + 1, |h| h.span.end);
                hits.extend(found);
                floor = end;
                j = end;
            }
            None => j += 1,
        }
    }
    let chain = chain_links(&hits);
    (hits, chain)
}

/// Links each area to the one right before it when the earlier one is of a
/// higher level: 沈阳市|沈河区 → 沈河区 in 沈阳市.
fn chain_links(hits: &[AreaHit]) -> Vec<(usize, usize)> {
    (1..hits.len())
        .filter(|&i| {
            hits[i - 1].span.end == hits[i].span.start
                && hits[i - 1].kind.rank() < hits[i].kind.rank()
        })
        .map(|i| (i, i - 1))
        .collect()
}

/// Tries every suffix starting at `j`; returns the area (and a short-form
/// parent right before it, if any).
fn suffix_hit(chars: &[char], words: &[Word], floor: usize, j: usize) -> Option<Vec<AreaHit>> {
    for suffix in &lexicon().area_suffixes {
        if !has_at(chars, j, &suffix.suffix) {
            continue;
        }
        let end = j + suffix.suffix.chars().count();
        if continues_as_other_word(chars, end) {
            continue;
        }
        if let Some(hit) = official_stem(chars, floor, j, end, suffix)
            .or_else(|| heuristic_stem(chars, words, floor, j, end, suffix))
        {
            let mut found = short_form_before(chars, floor, hit.span.start)
                .into_iter()
                .collect::<Vec<_>>();
            found.push(hit);
            return Some(found);
        }
    }
    None
}

/// A suffix followed by these is part of another word: 区委 is an organ,
/// 市场 a market, 村民 villagers, 县级 a level.
fn continues_as_other_word(chars: &[char], end: usize) -> bool {
    chars
        .get(end)
        .is_some_and(|c| "委场民级域直辖属籍情貌况容划别间块位份".contains(*c))
        && !has_at(chars, end, "办事处")
}

/// The longest official name (or alias) in the gazetteer ending at `end`.
fn official_stem(chars: &[char], floor: usize, j: usize, end: usize, suffix: &AreaSuffix) -> Option<AreaHit> {
    let lo = floor.max(j.saturating_sub(suffix.max_stem + 4));
    (lo..j).find_map(|k| {
        let name = string(chars, k, end);
        known_area(&name).map(|(label, kind)| hit(k, end, name, label, kind))
    })
}

/// The official label and kind of a name or short form the gazetteer knows.
pub fn known_area(name: &str) -> Option<(String, AreaKind)> {
    let g = divisions::divisions();
    let id = *g.by_name(name).first().or_else(|| g.by_alias(name).first())?;
    let label = g.get(id).name().to_owned();
    let kind = lexicon().area_suffix_of(&label)?.kind;
    Some((label, kind))
}

fn hit(start: usize, end: usize, text: String, label: String, kind: AreaKind) -> AreaHit {
    let alts = if text != label { vec![text] } else { Vec::new() };
    AreaHit {
        span: Span::new(start, end),
        label,
        alts,
        kind,
    }
}

/// A province or prefecture short form right before a found area:
/// 吉林|长春市, 朝阳|北票市, 内蒙古|巴彦淖尔市.
fn short_form_before(chars: &[char], floor: usize, start: usize) -> Option<AreaHit> {
    (2..=3).rev().find_map(|len| {
        let k = start.checked_sub(len).filter(|&k| k >= floor)?;
        let name = string(chars, k, start);
        let (label, kind) = known_area(&name)?;
        (kind.rank() <= AreaKind::City.rank()).then(|| hit(k, start, name, label, kind))
    })
}

/// The stem by jieba's word boundaries, for names the gazetteer lacks.
fn heuristic_stem(
    chars: &[char],
    words: &[Word],
    floor: usize,
    j: usize,
    end: usize,
    suffix: &AreaSuffix,
) -> Option<AreaHit> {
    let lo = floor.max(j.saturating_sub(suffix.max_stem));
    let mut k = j;
    // A word that runs across the suffix's start (沈河|区 inside 沈河区).
    if let Some(w) = words.iter().find(|w| w.start < j && j < w.end) {
        k = w.start;
    }
    let first = k;
    for w in words.iter().rev().filter(|w| w.end <= first) {
        if w.end != k || w.start < lo || !is_name_like(chars, w) {
            break;
        }
        k = w.start;
    }
    if k < lo {
        return None;
    }
    let stem = string(chars, k, j);
    let min_stem = if suffix.suffix.chars().count() >= 2 { 2 } else { 1 };
    if stem.chars().count() < min_stem || is_generic(&stem) || stem.chars().any(is_clause_break) {
        return None;
    }
    let name = string(chars, k, end);
    if is_common_word(&name) && !matches!(suffix.kind, AreaKind::ResidentialCompound) {
        return None;
    }
    Some(hit(k, end, name.clone(), canonical_form(&name, suffix), suffix.kind))
}

/// 街道办事处 and 街办 name the same unit as 街道; 社区居委会 as 社区.
fn canonical_form(name: &str, suffix: &AreaSuffix) -> String {
    let stem = &name[..name.len() - suffix.suffix.len()];
    match suffix.suffix.as_str() {
        "街道办事处" | "街办" => format!("{stem}街道"),
        "社区居委会" | "社区居民委员会" | "居委会" => format!("{stem}社区"),
        "村委会" => format!("{stem}村"),
        _ => name.to_owned(),
    }
}

/// Words that can be part of a place name: nouns, names, numerals
/// (八社村), unknown words; not verbs, prepositions or pronouns.
fn is_name_like(chars: &[char], w: &Word) -> bool {
    let text = string(chars, w.start, w.end);
    let tag_ok = matches!(
        w.tag.as_str(),
        "ns" | "nr" | "nrfg" | "nrt" | "nz" | "n" | "j" | "x" | "nt" | "ng" | "m" | "a" | "s" | "b"
    );
    tag_ok && !is_generic(&text) && text.chars().all(is_cjk)
}

/// Is `stem` generic (城乡, 该, 全) rather than a name?
pub fn is_generic(stem: &str) -> bool {
    let generic = &lexicon().generic_stems;
    generic.contains(stem) || stem.chars().all(|c| generic.contains(c.to_string().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::segment::tag;

    fn areas(s: &str) -> Vec<(String, AreaKind)> {
        let chars: Vec<char> = s.chars().collect();
        let (hits, _) = find_areas(&chars, &tag(&chars));
        hits.into_iter().map(|h| (h.label, h.kind)).collect()
    }

    fn labels(s: &str) -> Vec<String> {
        areas(s).into_iter().map(|(l, _)| l).collect()
    }

    #[test]
    fn chain_of_four_gives_three_containments() {
        let chars: Vec<char> = "长春市绿园区青年路街道银融社区网格长".chars().collect();
        let (hits, chain) = find_areas(&chars, &tag(&chars));
        let got: Vec<&str> = hits.iter().map(|h| h.label.as_str()).collect();
        assert_eq!(got, ["长春市", "绿园区", "青年路街道", "银融社区"]);
        assert_eq!(chain, [(1, 0), (2, 1), (3, 2)]);
    }

    #[test]
    fn kinds_follow_suffixes() {
        assert_eq!(
            areas("派驻到松泉社区的第一书记"),
            [("松泉社区".to_owned(), AreaKind::Community)]
        );
        assert_eq!(areas("枫香雅郡小区召开业主大会")[0].1, AreaKind::ResidentialCompound);
        assert_eq!(areas("乌拉特前旗")[0].1, AreaKind::Banner);
    }

    #[test]
    fn generic_stems_are_not_names() {
        for s in ["城乡社区党组织", "该社区", "全区干部", "到社区工作", "深入小区", "各街道"] {
            assert!(labels(s).is_empty(), "{s}: {:?}", labels(s));
        }
    }

    #[test]
    fn organs_and_markets_are_not_areas() {
        assert!(labels("区委组织部").is_empty());
        assert!(labels("市场监管").is_empty());
    }
}
