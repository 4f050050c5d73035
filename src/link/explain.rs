//! `cadre-kg place`: the place resolver run on names an analyst types, so a
//! link in the graph can be checked against its candidates and reasons.
//! The names go through extraction like an article's text, so a chain
//! (朝阳北票市南山街道) states its containments and a suffix gives the level.

use super::place::{self, AreaName, Resolution};
use crate::extract;
use crate::lexicon::lexicon;
use crate::model::{AreaKind, EntityKind};
use std::collections::HashMap;

/// The resolver's view of a name in a context.
#[derive(Debug, Clone)]
pub struct Explanation {
    /// The context's areas, then the name's.
    pub areas: Vec<AreaName>,
    /// The area asked about: the lowest one the name gives.
    pub target: usize,
    pub resolutions: Vec<Resolution>,
}

/// Resolves `name` as an article naming it together with the `context`
/// places would.
pub fn explain(name: &str, context: &[String]) -> Explanation {
    let mut areas = Vec::new();
    for text in context {
        append(&mut areas, text);
    }
    let target = append(&mut areas, name);
    let resolutions = place::resolve(&areas);
    Explanation {
        areas,
        target,
        resolutions,
    }
}

/// Adds the areas a text names, with the containments it states; returns
/// the index of its lowest area. A text extraction finds no area in (a
/// bare short form: 朝阳, 桓仁) is one name of any level.
fn append(areas: &mut Vec<AreaName>, text: &str) -> usize {
    let facts = extract::extract(text);
    let mut slot: HashMap<usize, usize> = HashMap::new();
    let mut by_label: HashMap<&str, usize> = HashMap::new();
    for (m, mention) in facts.mentions.iter().enumerate() {
        let EntityKind::Area(kind) = mention.kind else {
            continue;
        };
        let at = *by_label.entry(&mention.label).or_insert_with(|| {
            areas.push(AreaName {
                forms: std::iter::once(&mention.label)
                    .chain(&mention.alt_labels)
                    .cloned()
                    .collect(),
                kind: Some(kind),
                stated_in: Vec::new(),
                hint: false,
            });
            areas.len() - 1
        });
        slot.insert(m, at);
    }
    for c in &facts.containments {
        if let (Some(&child), Some(&parent)) = (slot.get(&c.child), slot.get(&c.parent)) {
            areas[child].stated_in.push(parent);
        }
    }
    let lowest = by_label
        .values()
        .copied()
        .max_by_key(|&i| (areas[i].kind.map_or(0, AreaKind::rank), i));
    lowest.unwrap_or_else(|| {
        let name = text.trim();
        areas.push(AreaName {
            forms: vec![name.to_owned()],
            kind: kind_by_suffix(name),
            stated_in: Vec::new(),
            hint: false,
        });
        areas.len() - 1
    })
}

/// The class a name's suffix gives (社区 → Community), if any.
fn kind_by_suffix(name: &str) -> Option<AreaKind> {
    lexicon()
        .area_suffixes
        .iter()
        .find(|s| name.ends_with(s.suffix.as_str()) && name.len() > s.suffix.len())
        .map(|s| s.kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::place::Outcome;

    fn chosen(name: &str, context: &[&str]) -> Option<String> {
        let context: Vec<String> = context.iter().map(|s| s.to_string()).collect();
        let e = explain(name, &context);
        match e.resolutions[e.target].outcome {
            Outcome::Linked(id) => Some(crate::lexicon::divisions::divisions().get(id).code_str()),
            _ => None,
        }
    }

    #[test]
    fn a_bare_short_form_has_candidates_at_every_level() {
        let e = explain("朝阳", &[]);
        assert!(e.resolutions[e.target].candidates.len() > 2);
        assert_eq!(chosen("朝阳", &["北票市"]).as_deref(), Some("211300000000"));
    }

    #[test]
    fn a_chain_in_the_name_is_its_own_context() {
        assert_eq!(
            chosen("朝阳北票市南山街道", &[]).as_deref(),
            Some("211381002000")
        );
        assert_eq!(chosen("南山街道", &[]), None);
        assert_eq!(chosen("朝阳区", &["北京"]).as_deref(), Some("110105000000"));
    }
}
