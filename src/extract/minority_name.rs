//! Names without a Chinese surname, which the surname-led rules of
//! `person` cannot see: Tibetan names of one or two elements (丹增,
//! 次仁央宗) and transliterated names written with a middle dot
//! (哈米提·阿力汗). The elements and characters are lexicon data.

use super::segment::Word;
use crate::lexicon::lexicon;
use crate::model::Span;
use crate::normalize::is_cjk;
use rustc_hash::FxHashSet;

/// Middle dots that join the parts of a transliterated name.
pub(super) const DOTS: &[char] = &['·', '•', '・', '‧'];

/// The surname-less names of a sentence. `cue_ends` are the positions
/// right after a post title or cue word, where one element alone is a
/// name; `name_ends` says whether a name may end at a position.
pub fn find(chars: &[char], cue_ends: &[usize], name_ends: impl Fn(usize) -> bool) -> Vec<Span> {
    let mut found = dotted(chars);
    for &at in cue_ends {
        if let Some(span) = transliterated_at(chars, at, &name_ends) {
            if !found.iter().any(|f| f.overlaps(&span)) {
                found.push(span);
            }
        }
    }
    let mut i = 0;
    while i < chars.len() {
        match tibetan_at(chars, i, cue_ends, &name_ends) {
            Some(span) if !found.iter().any(|f| f.overlaps(&span)) => {
                found.push(span);
                i = span.end;
            }
            _ => i += 1,
        }
    }
    found
}

/// Two elements in a row make a name wherever they stand; one element
/// only right after a cue and before a word that ends a name (书记丹增说).
fn tibetan_at(
    chars: &[char],
    at: usize,
    cue_ends: &[usize],
    name_ends: impl Fn(usize) -> bool,
) -> Option<Span> {
    let elements = &lexicon().tibetan_name_elements;
    let first = elements.starting_at(chars, at)?.chars().count();
    // Inside a run of elements, unless a cue ends right here.
    let inside = at > 0 && is_cjk(chars[at - 1]) && elements.ending_at(chars, at).is_some();
    if inside && !cue_ends.contains(&at) {
        return None;
    }
    if let Some(second) = elements.starting_at(chars, at + first) {
        return Some(Span::new(at, at + first + second.chars().count()));
    }
    let end = at + first;
    (cue_ends.contains(&at) && name_ends(end)).then(|| Span::new(at, end))
}

/// Transliterated names an article writes at least twice without a cue
/// (乌云苏依拉依然激动…, 图为乌云苏依拉宣讲…): the longest runs of
/// transliteration characters that jieba tags, at least in part, as a
/// name somewhere, that recur, and that end once where their run ends;
/// not places the gazetteer knows.
pub fn recurring<'a>(
    sentences: impl Iterator<Item = (&'a [char], &'a [Word])> + Clone,
) -> Vec<Vec<char>> {
    let letters = &lexicon().transliteration_chars;
    // Candidates: the parts of runs that jieba tags as a name somewhere
    // (few), then counted over the article.
    let mut candidates: FxHashSet<&[char]> = FxHashSet::default();
    for (chars, words) in sentences.clone() {
        for w in words.iter().filter(|w| w.is_person_tag()) {
            let letter = |k: &usize| letters.contains(&chars[*k]);
            let from = (0..w.start)
                .rev()
                .take_while(letter)
                .last()
                .unwrap_or(w.start);
            let to = (w.end..chars.len())
                .take_while(letter)
                .last()
                .map_or(w.end, |k| k + 1);
            if !(w.start..w.end).all(|k| letter(&k)) {
                continue;
            }
            for start in from..w.end {
                for len in UNDOTTED {
                    let end = start + len;
                    if end <= to && end > w.start {
                        candidates.insert(&chars[start..end]);
                    }
                }
            }
        }
    }
    // Per candidate: occurrences, and whether one ends where its run ends.
    let mut seen: Vec<(&[char], usize, bool)> = candidates
        .into_iter()
        .filter(|name| !is_place(name))
        .map(|name| (name, 0, false))
        .collect();
    for (chars, _) in sentences {
        for (name, n, ends) in seen.iter_mut() {
            let first = name[0];
            let at = (0..=chars.len().saturating_sub(name.len()))
                .filter(|&k| chars[k] == first && chars[k..].starts_with(name));
            for start in at {
                *n += 1;
                *ends |= chars
                    .get(start + name.len())
                    .is_none_or(|c| !letters.contains(c));
            }
        }
    }
    let good: Vec<(&[char], usize)> = seen
        .into_iter()
        .filter(|&(_, n, ends)| n >= 2 && ends)
        .map(|(name, n, _)| (name, n))
        .collect();
    let mut names: Vec<Vec<char>> = good
        .iter()
        .filter(|(name, n)| {
            // The longest: no recurring candidate as often holds it.
            !good.iter().any(|(other, m)| {
                other.len() > name.len() && m >= n && other.windows(name.len()).any(|w| w == *name)
            })
        })
        .map(|(name, _)| name.to_vec())
        .collect();
    names.sort();
    names
}

fn is_place(name: &[char]) -> bool {
    let name: String = name.iter().collect();
    crate::extract::known_area(&name).is_some()
}

/// Shortest transliterated name without a dot: 宝音图 is too close to words.
const UNDOTTED: std::ops::RangeInclusive<usize> = 4..=7;

/// A transliterated name without a dot right after a cue (Mongolian and
/// Uyghur names: 书记乌云苏依拉说): a run of transliteration characters
/// that ends where a name may end.
fn transliterated_at(chars: &[char], at: usize, name_ends: impl Fn(usize) -> bool) -> Option<Span> {
    let letters = &lexicon().transliteration_chars;
    let run = chars[at..]
        .iter()
        .take_while(|c| letters.contains(c))
        .count();
    (UNDOTTED.contains(&run) && name_ends(at + run)).then(|| Span::new(at, at + run))
}

/// Transliterated names: two to six transliteration characters on each
/// side of a middle dot (买买提·艾力, 哈米提·阿力汗).
fn dotted(chars: &[char]) -> Vec<Span> {
    let letters = &lexicon().transliteration_chars;
    let is_letter = |c: &char| letters.contains(c);
    let mut found = Vec::new();
    for (d, c) in chars.iter().enumerate() {
        if !DOTS.contains(c) || d == 0 {
            continue;
        }
        let left = chars[..d].iter().rev().take_while(|c| is_letter(c)).count();
        let right = chars[d + 1..].iter().take_while(|c| is_letter(c)).count();
        if (2..=6).contains(&left) && (2..=6).contains(&right) {
            found.push(Span::new(d - left, d + 1 + right));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::has_at;

    fn names(s: &str, cue_ends: &[usize]) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let ends = |k: usize| k == chars.len() || !is_cjk(chars[k]) || has_at(&chars, k, "说");
        find(&chars, cue_ends, ends)
            .into_iter()
            .map(|sp| chars[sp.start..sp.end].iter().collect())
            .collect()
    }

    #[test]
    fn two_tibetan_elements_are_a_name() {
        assert_eq!(names("居民次仁央宗笑着说", &[]), ["次仁央宗"]);
    }

    #[test]
    fn one_element_needs_a_cue_and_an_end() {
        assert_eq!(names("书记丹增说", &[2]), ["丹增"]);
        assert!(names("书记丹增说", &[]).is_empty());
        assert!(names("书记丹增了解", &[2]).is_empty());
    }

    #[test]
    fn undotted_transliterations_after_a_cue() {
        assert_eq!(names("书记乌云苏依拉说", &[2]), ["乌云苏依拉"]);
        assert!(names("书记乌云苏依拉说", &[]).is_empty());
    }

    #[test]
    fn recurring_transliterations_without_a_cue() {
        let text = [
            "回忆起那段经历,乌云苏依拉依然激动万分。",
            "图为乌云苏依拉宣讲政策。",
        ];
        let tagged: Vec<(Vec<char>, Vec<Word>)> = text
            .iter()
            .map(|s| (s.chars().collect(), crate::extract::segment::tag(s)))
            .collect();
        let names = recurring(tagged.iter().map(|(c, w)| (&c[..], &w[..])));
        let names: Vec<String> = names.iter().map(|n| n.iter().collect()).collect();
        assert_eq!(names, ["乌云苏依拉"]);
    }

    #[test]
    fn dotted_transliterations() {
        assert_eq!(names("村民哈米提·阿力汗说", &[]), ["哈米提·阿力汗"]);
        assert!(names("中国·北京", &[]).is_empty());
        assert_eq!(names("阿卜杜拉·艾海提说", &[]), ["阿卜杜拉·艾海提"]);
        assert_eq!(
            names("热合曼·阿不都拉今年开了合作社", &[]),
            ["热合曼·阿不都拉"]
        );
        assert_eq!(names("买买提江·吐尔逊说", &[]), ["买买提江·吐尔逊"]);
    }
}
