//! Organization in area: the administrative area an organization belongs
//! to or is an organ of, the most specific one named.
//!
//! Read from the organization's name first: the areas it starts with, one
//! after the other (莱西市望城街道党工委 → 莱西市, then 望城街道: the last),
//! as the article names them, in full or in a short form the gazetteer
//! gives one province or city (福州新闻网 → 福州市, where the article names
//! 福州市). An area named only inside organizations' names is left out:
//! it is not a mention of its own. A
//! generic organ (区委组织部, 社区党委) belongs to the area of its level the
//! article is about at that point (the focus); an organ listed right after
//! an area (乌拉特前旗纪委监委、公安局) to that area. Works on the
//! article's mentions, after the recognisers ran.

use super::text::LIST_GLUE;
use super::{known_area, Focus, LEVEL_WORDS};
use crate::lexicon::divisions::{divisions, Level};
use crate::model::{ArticleFacts, EntityKind, Mention, Relation, RelationKind};

/// Longest area name (in chars) read from the start of an organization's
/// name.
const MAX_PLACE: usize = 9;

/// What follows a place name that names a street after it (苏州路, 北京街).
const ROAD_WORDS: &[char] = &['路', '街', '道', '巷', '桥', '里', '大'];

/// Adds an `OrgInArea` relation for every organization whose area the
/// article states.
pub fn find_org_areas(facts: &mut ArticleFacts, focus: &Focus) {
    let orgs: Vec<usize> = (0..facts.mentions.len())
        .filter(|&m| facts.mentions[m].kind == EntityKind::Organization)
        .collect();
    for org in orgs {
        let area = from_name(facts, org)
            .or_else(|| from_focus(facts, org, focus))
            .or_else(|| from_list(facts, org));
        if let Some(area) = area {
            let evidence = facts.mentions[org].evidence;
            facts.relations.push(Relation {
                kind: RelationKind::OrgInArea,
                subject: org,
                object: area,
                evidence,
            });
        }
    }
}

/// The forms (label and alternative labels) of every area mention.
fn area_forms(facts: &ArticleFacts) -> Vec<(&str, usize)> {
    facts
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| matches!(m.kind, EntityKind::Area(_)))
        .flat_map(|(i, m)| {
            std::iter::once(m.label.as_str())
                .chain(m.alt_labels.iter().map(String::as_str))
                .map(move |f| (f, i))
        })
        .collect()
}

/// The last of the areas the organization's name starts with.
fn from_name(facts: &ArticleFacts, org: usize) -> Option<usize> {
    let label = facts.mentions[org].label.clone();
    let mut rest = label.strip_prefix("中共").unwrap_or(&label);
    let mut found = None;
    while let Some((area, used)) = leading_area(facts, rest) {
        found = Some(area);
        rest = &rest[used..];
    }
    found
}

/// The area `rest` starts with, and its length in bytes: a mention's form,
/// else a name the gazetteer knows for an area the article names
/// (福州新闻网 → 福州 → 福州市). An area named only inside organizations'
/// names is not made a mention of its own.
fn leading_area(facts: &ArticleFacts, rest: &str) -> Option<(usize, usize)> {
    let forms = area_forms(facts);
    let mentioned = forms
        .iter()
        .filter(|(f, _)| f.chars().count() >= 2 && rest.len() > f.len() && rest.starts_with(f))
        .max_by_key(|(f, _)| f.len());
    if let Some(&(form, area)) = mentioned {
        return Some((area, form.len()));
    }
    let (prefix, label) = known_prefix(rest)?;
    let &(_, area) = forms.iter().find(|(f, _)| *f == label)?;
    Some((area, prefix.len()))
}

/// The longest prefix of `rest` (shorter than it) that the gazetteer knows:
/// a full name (长沙市), or a short form of exactly one province or city
/// (福州, 黑龙江).
fn known_prefix(rest: &str) -> Option<(&str, String)> {
    let g = divisions();
    let ends: Vec<usize> = rest
        .char_indices()
        .map(|(i, _)| i)
        .skip(2)
        .take(MAX_PLACE - 1)
        .collect();
    ends.into_iter().rev().find_map(|end| {
        let prefix = &rest[..end];
        if let Some((label, _)) = g.by_name(prefix).first().and_then(|_| known_area(prefix)) {
            return Some((prefix, label));
        }
        // 苏州路小学 is on a road named after the city, not in it.
        let road = rest[end..].starts_with(ROAD_WORDS);
        match g.by_alias(prefix) {
            [id] if g.get(*id).level() <= Level::Prefecture && !road => {
                let (label, _) = known_area(g.get(*id).name())?;
                Some((prefix, label))
            }
            _ => None,
        }
    })
}

/// A generic organ (区委组织部, 街道党工委, 社区党委): the area of its
/// level in focus where the organization is named, else the only one of
/// that level the article names.
fn from_focus(facts: &ArticleFacts, org: usize, focus: &Focus) -> Option<usize> {
    let m = &facts.mentions[org];
    let &(_, kind) = LEVEL_WORDS.iter().find(|(w, _)| m.label.starts_with(w))?;
    let sentence = &facts.sentences[m.evidence.sentence];
    let offset = m.evidence.span.start - sentence.span.start;
    let at = focus.at(m.evidence.sentence);
    let of_kind = |a: &Mention| a.kind == EntityKind::Area(kind);
    match at.area(kind, offset) {
        Some(label) => facts
            .mentions
            .iter()
            .position(|a| of_kind(a) && a.label == label),
        // The only area of that level the article names.
        None => {
            let first = facts.mentions.iter().position(of_kind)?;
            let label = &facts.mentions[first].label;
            facts
                .mentions
                .iter()
                .filter(|a| of_kind(a))
                .all(|a| a.label == *label)
                .then_some(first)
        }
    }
}

/// An organ listed right after an area in its sentence (乌拉特前旗纪委监委、
/// 公安局、农科局): that area.
fn from_list(facts: &ArticleFacts, org: usize) -> Option<usize> {
    let m = &facts.mentions[org];
    let sentence = &facts.sentences[m.evidence.sentence];
    let chars: Vec<char> = sentence.text.chars().collect();
    let base = sentence.span.start;
    let same: Vec<(usize, &Mention)> = facts
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, x)| x.evidence.sentence == m.evidence.sentence)
        .collect();
    let mut at = m.evidence.span.start;
    loop {
        while at > base && LIST_GLUE.contains(&chars[at - base - 1]) {
            at -= 1;
        }
        let (i, before) = same
            .iter()
            .find(|(_, x)| x.evidence.span.end == at && x.evidence.span.start < at)?;
        match before.kind {
            EntityKind::Area(_) => return Some(*i),
            EntityKind::Organization => at = before.evidence.span.start,
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::model::{AreaKind, Evidence, Span};

    /// (organization, area) pairs the article states.
    fn pairs(text: &str) -> Vec<(String, String)> {
        let facts = extract(text);
        facts
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::OrgInArea)
            .map(|r| {
                (
                    facts.mentions[r.subject].label.clone(),
                    facts.mentions[r.object].label.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn the_last_area_the_name_starts_with() {
        let found = pairs("锦州市召开会议,锦州市委组织部负责。莱西市望城街道党工委开展工作。");
        for (org, area) in [("锦州市委组织部", "锦州市"), ("望城街道党工委", "望城街道")]
        {
            assert!(
                found.iter().any(|(o, a)| o == org && a == area),
                "{org} → {area}: {found:?}"
            );
        }
    }

    /// Whatever the organization recogniser finds: a village's branch
    /// named after the village.
    #[test]
    fn a_village_branch_belongs_to_its_village() {
        let mention = |kind, label: &str, start| Mention {
            kind,
            label: label.to_owned(),
            alt_labels: Vec::new(),
            evidence: Evidence {
                sentence: 0,
                span: Span::new(start, start + label.chars().count()),
            },
        };
        let text = "大甸子村党支部组织党员学习。";
        let mut facts = ArticleFacts {
            sentences: crate::extract::split_sentences(text),
            mentions: vec![
                mention(EntityKind::Area(AreaKind::Village), "大甸子村", 0),
                mention(EntityKind::Organization, "大甸子村党支部", 0),
            ],
            ..ArticleFacts::default()
        };
        find_org_areas(&mut facts, &Focus::default());
        let r = facts.relations[0];
        assert_eq!((r.subject, r.object), (1, 0), "{:?}", facts.relations);
    }

    #[test]
    fn a_short_form_of_one_city_names_its_area() {
        let found = pairs("福州新闻网讯 福州市召开会议。");
        assert!(
            found
                .iter()
                .any(|(o, a)| o == "福州新闻网" && a == "福州市"),
            "{found:?}"
        );
    }

    #[test]
    fn organizations_without_an_area_have_none() {
        let found = pairs("东北大学的志愿者来到社区。辖区内有苏州路小学。");
        assert!(found.iter().all(|(o, _)| o != "东北大学"), "{found:?}");
        assert!(found.iter().all(|(o, _)| o != "苏州路小学"), "{found:?}");
    }

    #[test]
    fn a_generic_organ_belongs_to_the_area_in_focus() {
        let found = pairs("大东区召开会议。区委组织部负责落实。");
        assert!(
            found
                .iter()
                .any(|(o, a)| o.ends_with("区委组织部") && a == "大东区"),
            "{found:?}"
        );
    }
}
