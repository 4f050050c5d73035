//! Organizations: a name (often an area) followed by an organ or institution
//! head (党工委, 组织部, 卫生服务中心, 大学, 合作社 …).
//!
//! A generic organ (区委组织部, 街道党工委) is completed with the area in
//! focus when the article makes it certain (one area of that level), and
//! dropped otherwise.

use super::area::{is_generic, AreaHit};
use super::segment::{is_common_word, Word};
use super::text::{has_at, string};
use super::Focus;
use crate::lexicon::lexicon;
use crate::model::Span;
use crate::normalize::is_cjk;

/// An organization found in one sentence (local offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgHit {
    pub span: Span,
    pub label: String,
    pub alts: Vec<String>,
}

/// Longest name stem kept before a head.
const MAX_STEM: usize = 10;

pub fn find_orgs(chars: &[char], words: &[Word], areas: &[AreaHit], focus: &Focus) -> Vec<OrgHit> {
    let mut hits: Vec<OrgHit> = Vec::new();
    let mut j = 0;
    while j < chars.len() {
        let head = lexicon().org_heads.iter().find(|h| has_at(chars, j, h));
        let Some(head) = head else {
            j += 1;
            continue;
        };
        let end = j + head.chars().count();
        if blocked_after(chars, end) {
            j += 1;
            continue;
        }
        if let Some(hit) = org_ending_at(chars, words, areas, &hits, focus, j, end) {
            hits.push(hit);
        }
        j = end;
    }
    hits
}

/// A head followed by these is a post or another word (局长, 部门).
fn blocked_after(chars: &[char], end: usize) -> bool {
    chars.get(end).is_some_and(|c| "长员门署".contains(*c))
}

fn org_ending_at(
    chars: &[char],
    words: &[Word],
    areas: &[AreaHit],
    previous: &[OrgHit],
    focus: &Focus,
    j: usize,
    end: usize,
) -> Option<OrgHit> {
    let start = stem_start(chars, words, areas, previous, j);
    let stem = string(chars, start, j);
    if !stem.is_empty() && !is_generic(&stem) {
        let label = string(chars, start, end);
        if is_common_word(&label) {
            return None;
        }
        return Some(OrgHit {
            span: Span::new(start, end),
            label,
            alts: Vec::new(),
        });
    }
    let written = string(chars, start, end);
    focus.complete_org(&written).map(|label| OrgHit {
        span: Span::new(start, end),
        label,
        alts: vec![written],
    })
}

/// Where the name before a head starts: an adjacent area or organization
/// (万莲街道|党工委, 大东区委|组织部), else name-like words.
fn stem_start(chars: &[char], words: &[Word], areas: &[AreaHit], previous: &[OrgHit], j: usize) -> usize {
    if let Some(a) = areas.iter().find(|a| a.span.end == j) {
        return a.span.start;
    }
    if let Some(o) = previous.iter().find(|o| o.span.end == j) {
        return o.span.start;
    }
    let mut k = j;
    if let Some(w) = words.iter().find(|w| w.start < j && j < w.end) {
        k = w.start;
    }
    let first = k;
    for w in words.iter().rev().filter(|w| w.end <= first) {
        let text = string(chars, w.start, w.end);
        let nameish = matches!(w.tag.as_str(), "ns" | "nr" | "nz" | "n" | "j" | "x" | "nt" | "ng" | "vn" | "an")
            && text.chars().all(is_cjk)
            && !is_generic(&text);
        if w.end != k || j - w.start > MAX_STEM || !nameish {
            break;
        }
        if let Some(a) = areas.iter().find(|a| a.span.end == w.end || a.span.contains(&Span::new(w.start, w.end))) {
            return a.span.start.min(w.start);
        }
        k = w.start;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::area::find_areas;
    use crate::extract::segment::tag;

    fn orgs(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let words = tag(&chars);
        let (areas, _) = find_areas(&chars, &words);
        find_orgs(&chars, &words, &areas, &Focus::default())
            .into_iter()
            .map(|o| o.label)
            .collect()
    }

    #[test]
    fn area_plus_head() {
        assert_eq!(orgs("万莲街道党工委认真承担"), ["万莲街道党工委"]);
        assert!(orgs("结合大东区委组织部下发的").contains(&"大东区委组织部".to_owned()));
    }

    #[test]
    fn named_institutions() {
        assert_eq!(orgs("得到东北大学志愿者的辅导"), ["东北大学"]);
        assert_eq!(orgs("在玉辉水稻合作社调研"), ["玉辉水稻合作社"]);
    }

    #[test]
    fn posts_and_common_words_are_not_organizations() {
        assert!(orgs("他是局长").is_empty());
        assert!(orgs("组织部门要服务人才").is_empty());
        assert!(orgs("新格局").is_empty());
    }
}
