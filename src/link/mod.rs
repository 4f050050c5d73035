//! Linking and resolution: mentions become entities with deterministic
//! IRIs.
//!
//! Within an article, mentions of the same kind and label are one entity.
//! Across articles, keys decide identity. An area linked to an official
//! division (`place`) is keyed by its code, so every article's 沈河区 or
//! 沈阳 that means 210103 or 2101 is one node. An unlinked area is keyed by
//! its chain as the article states it, from its nearest linked ancestor if
//! it has one (210103…/某小区), so the same name under the same parent is one
//! area. People, organizations and initiatives are keyed by name within the
//! article's region (its top area), so two people with the same name in
//! different provinces stay two.

pub mod explain;
pub mod place;

use crate::lexicon::divisions::{divisions, DivisionId};
use crate::model::{AreaKind, ArticleFacts, EntityKind, ImpliedArea, RelationKind};
use crate::vocab::id_iri;
use place::{AreaName, Outcome, Resolution};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One real-world thing as an article names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub iri: String,
    pub kind: EntityKind,
    /// The label the article uses (`rdf` puts a linked area's official
    /// name first).
    pub label: String,
    pub alt_labels: BTreeSet<String>,
    /// For areas: how linking to the official divisions went.
    pub place: Option<Outcome>,
}

impl Entity {
    /// The official division this area is linked to.
    pub fn division(&self) -> Option<DivisionId> {
        match self.place {
            Some(Outcome::Linked(id)) => Some(id),
            _ => None,
        }
    }
}

/// An article's facts with its entities resolved.
#[derive(Debug, Clone)]
pub struct LinkedArticle {
    pub name: String,
    pub hash: String,
    pub iri: String,
    pub facts: ArticleFacts,
    pub entities: Vec<Entity>,
    /// `entity_of[m]` is the entity of mention `m`.
    pub entity_of: Vec<usize>,
    /// Direct containments between entities, `(child, parent)`, as the
    /// article states them.
    pub located_in: BTreeSet<(usize, usize)>,
    /// Relations between entities, each once, with the first sentence
    /// stating it.
    pub relations: Vec<LinkedRelation>,
}

/// A relation between two entities of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LinkedRelation {
    pub kind: RelationKind,
    /// Indices into `LinkedArticle::entities`.
    pub subject: usize,
    pub object: usize,
    /// Index into the article's sentences.
    pub sentence: usize,
}

/// The article's relations between entities, each pair once (the first
/// kind, then the first sentence stating it: an initiative's organizer is
/// not also its participant), none from an entity to itself; `implied`
/// adds organizations' areas the article implies.
fn link_relations(
    facts: &ArticleFacts,
    entity_of: &[usize],
    implied: Vec<LinkedRelation>,
) -> Vec<LinkedRelation> {
    let mut relations: Vec<LinkedRelation> = facts
        .relations
        .iter()
        .map(|r| LinkedRelation {
            kind: r.kind,
            subject: entity_of[r.subject],
            object: entity_of[r.object],
            sentence: r.evidence.sentence,
        })
        .chain(implied)
        .filter(|r| r.subject != r.object)
        .collect();
    relations.sort_by_key(|r| (r.subject, r.object, r.kind, r.sentence));
    relations.dedup_by_key(|r| (r.subject, r.object));
    relations.sort();
    relations
}

pub fn article_iri(name: &str) -> String {
    id_iri(&["article", name])
}

/// The IRI of the area linked to an official division.
pub fn division_iri(id: DivisionId) -> String {
    id_iri(&["area", &divisions().get(id).code_str()])
}

/// Groups mentions into entities, links areas and gives each a key.
pub fn link(name: &str, hash: &str, facts: ArticleFacts) -> LinkedArticle {
    let (groups, entity_of) = group_mentions(&facts);
    let located_in: BTreeSet<(usize, usize)> = facts
        .containments
        .iter()
        .map(|c| (entity_of[c.child], entity_of[c.parent]))
        .filter(|(c, p)| c != p)
        .collect();
    let parent = first_parents(&located_in);
    let (places, named) = resolve_places(&groups, &parent);
    let region = region_of(&groups, &parent, &places, &facts, &entity_of)
        .unwrap_or_else(|| format!("~{name}"));
    let mut entities = (0..groups.len())
        .map(|i| entity(i, &groups, &parent, &places, &region))
        .collect();
    let implied = implied_relations(&facts.implied_areas, &named, &entity_of, &mut entities);
    let relations = link_relations(&facts, &entity_of, implied);
    LinkedArticle {
        name: name.to_owned(),
        hash: hash.to_owned(),
        iri: article_iri(name),
        facts,
        entities,
        entity_of,
        located_in,
        relations,
    }
}

/// An `OrgInArea` relation for every implied area the article's places
/// settle, to the entity of its division: the article's own when it names
/// the division, else a new one, labelled with the official name (it has
/// no mention).
fn implied_relations(
    implied: &[ImpliedArea],
    named: &[Resolution],
    entity_of: &[usize],
    entities: &mut Vec<Entity>,
) -> Vec<LinkedRelation> {
    let g = divisions();
    let mut relations = Vec::new();
    for area in implied {
        let name = AreaName {
            forms: vec![area.name.clone()],
            kind: Some(area.kind),
            stated_in: Vec::new(),
            hint: true,
        };
        let Some(id) = place::implied(&name, named, area.in_full) else {
            continue;
        };
        let object = match entities.iter().position(|e| e.division() == Some(id)) {
            Some(e) => e,
            None => {
                entities.push(Entity {
                    iri: division_iri(id),
                    kind: EntityKind::Area(place::kind_of(g, id)),
                    label: g.get(id).name().to_owned(),
                    alt_labels: BTreeSet::new(),
                    place: Some(Outcome::Linked(id)),
                });
                entities.len() - 1
            }
        };
        relations.push(LinkedRelation {
            kind: RelationKind::OrgInArea,
            subject: entity_of[area.org],
            object,
            sentence: area.evidence.sentence,
        });
    }
    relations
}

/// Links the article's areas to official divisions (`None` for entities
/// that are not areas), with the places organizations' names imply
/// (沈阳日报) as weaker evidence; also gives the resolutions of the named
/// areas, which settle the areas the article implies.
fn resolve_places(
    groups: &[Group],
    parent: &BTreeMap<usize, usize>,
) -> (Vec<Option<Outcome>>, Vec<Resolution>) {
    let areas: Vec<usize> = (0..groups.len())
        .filter(|&i| matches!(groups[i].kind, EntityKind::Area(_)))
        .collect();
    let slot: HashMap<usize, usize> = areas.iter().enumerate().map(|(s, &i)| (i, s)).collect();
    let mut names: Vec<AreaName> = areas
        .iter()
        .map(|&i| AreaName {
            forms: std::iter::once(&groups[i].label)
                .chain(&groups[i].alts)
                .cloned()
                .collect(),
            kind: match groups[i].kind {
                EntityKind::Area(kind) => Some(kind),
                _ => None,
            },
            stated_in: ancestors(parent, i)[1..]
                .iter()
                .filter_map(|a| slot.get(a).copied())
                .collect(),
            hint: false,
        })
        .collect();
    let hints = groups
        .iter()
        .filter(|g| g.kind == EntityKind::Organization)
        .filter_map(|g| place::leading_place(&g.label))
        .map(|place| AreaName {
            forms: vec![place.to_owned()],
            kind: None,
            stated_in: Vec::new(),
            hint: true,
        });
    names.extend(hints);
    let mut resolved = place::resolve(&names);
    resolved.truncate(areas.len());
    let mut places = vec![None; groups.len()];
    for (&i, r) in areas.iter().zip(&resolved) {
        places[i] = Some(r.outcome);
    }
    (places, resolved)
}

struct Group {
    kind: EntityKind,
    label: String,
    alts: BTreeSet<String>,
    mentions: usize,
}

/// Coarse kind for identity: every area kind is one group, so 沈阳市 as a
/// city twice is one entity.
fn group_key(kind: EntityKind, label: &str) -> (u8, String) {
    let k = match kind {
        EntityKind::Person => 0,
        EntityKind::Area(_) => 1,
        EntityKind::Organization => 2,
        EntityKind::Initiative => 3,
    };
    (k, label.to_owned())
}

fn group_mentions(facts: &ArticleFacts) -> (Vec<Group>, Vec<usize>) {
    let mut index: HashMap<(u8, String), usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut entity_of = Vec::with_capacity(facts.mentions.len());
    for m in &facts.mentions {
        let i = *index.entry(group_key(m.kind, &m.label)).or_insert_with(|| {
            groups.push(Group {
                kind: m.kind,
                label: m.label.clone(),
                alts: BTreeSet::new(),
                mentions: 0,
            });
            groups.len() - 1
        });
        groups[i].alts.extend(m.alt_labels.iter().cloned());
        groups[i].mentions += 1;
        entity_of.push(i);
    }
    (groups, entity_of)
}

/// The first stated parent of each area, ignoring edges that would close
/// a cycle.
fn first_parents(located_in: &BTreeSet<(usize, usize)>) -> BTreeMap<usize, usize> {
    let mut parent = BTreeMap::new();
    for &(c, p) in located_in {
        if parent.contains_key(&c) || ancestors(&parent, p).contains(&c) {
            continue;
        }
        parent.insert(c, p);
    }
    parent
}

fn ancestors(parent: &BTreeMap<usize, usize>, mut at: usize) -> Vec<usize> {
    let mut chain = vec![at];
    while let Some(&p) = parent.get(&at) {
        if chain.contains(&p) {
            break;
        }
        chain.push(p);
        at = p;
    }
    chain
}

/// The article's region: the top area (province or city level, else any
/// top area) mentioned most often, by its code if it is linked.
fn region_of(
    groups: &[Group],
    parent: &BTreeMap<usize, usize>,
    places: &[Option<Outcome>],
    facts: &ArticleFacts,
    entity_of: &[usize],
) -> Option<String> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for (m, mention) in facts.mentions.iter().enumerate() {
        if let EntityKind::Area(_) = mention.kind {
            let top = *ancestors(parent, entity_of[m]).last()?;
            *counts.entry(top).or_default() += 1;
        }
    }
    let high = |g: usize| matches!(groups[g].kind, EntityKind::Area(k) if k.rank() <= AreaKind::City.rank());
    counts
        .iter()
        .max_by_key(|(&g, &n)| (high(g), n, std::cmp::Reverse(groups[g].label.clone())))
        .map(|(&g, _)| match places[g] {
            Some(Outcome::Linked(id)) => divisions().get(id).code_str(),
            _ => groups[g].label.clone(),
        })
}

fn entity(
    i: usize,
    groups: &[Group],
    parent: &BTreeMap<usize, usize>,
    places: &[Option<Outcome>],
    region: &str,
) -> Entity {
    let g = &groups[i];
    Entity {
        iri: key_of(i, groups, parent, places, region),
        kind: g.kind,
        label: g.label.clone(),
        alt_labels: g.alts.iter().filter(|a| **a != g.label).cloned().collect(),
        place: places[i],
    }
}

fn key_of(
    i: usize,
    groups: &[Group],
    parent: &BTreeMap<usize, usize>,
    places: &[Option<Outcome>],
    region: &str,
) -> String {
    let g = &groups[i];
    match g.kind {
        EntityKind::Area(kind) => {
            if let Some(Outcome::Linked(id)) = places[i] {
                return division_iri(id);
            }
            let mut chain: Vec<String> = Vec::new();
            let mut anchored = false;
            for a in ancestors(parent, i) {
                if let Some(Outcome::Linked(id)) = places[a] {
                    chain.push(divisions().get(id).code_str());
                    anchored = true;
                    break;
                }
                chain.push(groups[a].label.clone());
            }
            chain.reverse();
            if !anchored
                && chain.len() == 1
                && kind.rank() > AreaKind::City.rank()
                && region != g.label
            {
                chain.insert(0, region.to_owned());
            }
            let mut segments = vec!["area"];
            segments.extend(chain.iter().map(String::as_str));
            id_iri(&segments)
        }
        EntityKind::Person => id_iri(&["person", region, &g.label]),
        EntityKind::Organization => id_iri(&["org", region, &g.label]),
        EntityKind::Initiative => id_iri(&["initiative", region, &g.label]),
    }
}

/// The IRI of a post title.
pub fn role_iri(title: &str) -> String {
    id_iri(&["role", title])
}

/// A content-derived IRI for an appointment, the same in every article
/// that states it.
pub fn appointment_iri(person: &str, role: &str, unit: &str) -> String {
    let digest = crate::corpus::hash_bytes(format!("{person}\n{role}\n{unit}").as_bytes());
    id_iri(&["appointment", &digest[..16]])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Containment, Evidence, ImpliedArea, Mention, Span};

    fn mention(kind: EntityKind, label: &str) -> Mention {
        Mention {
            kind,
            label: label.to_owned(),
            alt_labels: Vec::new(),
            evidence: Evidence {
                sentence: 0,
                span: Span::new(0, 1),
            },
        }
    }

    fn article(mentions: Vec<Mention>, containments: Vec<(usize, usize)>) -> ArticleFacts {
        let evidence = mentions[0].evidence;
        ArticleFacts {
            containments: containments
                .into_iter()
                .map(|(child, parent)| Containment {
                    child,
                    parent,
                    evidence,
                })
                .collect(),
            mentions,
            ..ArticleFacts::default()
        }
    }

    #[test]
    fn same_label_is_one_entity_and_chains_make_keys() {
        let facts = article(
            vec![
                mention(EntityKind::Area(AreaKind::City), "沈阳市"),
                mention(EntityKind::Area(AreaKind::District), "沈河区"),
                mention(EntityKind::Area(AreaKind::City), "沈阳市"),
            ],
            vec![(1, 0)],
        );
        let linked = link("a.txt", "h", facts);
        assert_eq!(linked.entities.len(), 2);
        assert_eq!(linked.entity_of, [0, 1, 0]);
        let g = divisions();
        assert_eq!(linked.entities[1].iri, division_iri(g.by_name("沈河区")[0]));
    }

    #[test]
    fn unlinked_areas_are_keyed_from_their_nearest_linked_ancestor() {
        let facts = article(
            vec![
                mention(EntityKind::Area(AreaKind::City), "沈阳市"),
                mention(EntityKind::Area(AreaKind::ResidentialCompound), "某某小区"),
            ],
            vec![(1, 0)],
        );
        let linked = link("a.txt", "h", facts);
        assert_eq!(
            linked.entities[1].iri,
            id_iri(&["area", "210100000000", "某某小区"])
        );
    }

    #[test]
    fn people_are_scoped_by_region() {
        let a = link(
            "a.txt",
            "h",
            article(
                vec![
                    mention(EntityKind::Area(AreaKind::Province), "吉林省"),
                    mention(EntityKind::Person, "王敏"),
                ],
                vec![],
            ),
        );
        let b = link(
            "b.txt",
            "h",
            article(
                vec![
                    mention(EntityKind::Area(AreaKind::Province), "山东省"),
                    mention(EntityKind::Person, "王敏"),
                ],
                vec![],
            ),
        );
        assert_ne!(a.entities[1].iri, b.entities[1].iri);
    }

    #[test]
    fn cycles_are_ignored() {
        let facts = article(
            vec![
                mention(EntityKind::Area(AreaKind::Town), "甲镇"),
                mention(EntityKind::Area(AreaKind::Town), "乙镇"),
            ],
            vec![(0, 1), (1, 0)],
        );
        let linked = link("a.txt", "h", facts);
        assert!(linked.entities.iter().all(|e| !e.iri.is_empty()));
    }

    /// An article naming `place` and an organization whose area is the
    /// implied 山西省.
    fn implying(place: &str) -> LinkedArticle {
        implying_in_full(place, false)
    }

    fn implying_in_full(place: &str, in_full: bool) -> LinkedArticle {
        let mut facts = article(
            vec![
                mention(EntityKind::Organization, "山西日报报业集团"),
                mention(EntityKind::Area(AreaKind::City), place),
            ],
            vec![],
        );
        facts.implied_areas.push(ImpliedArea {
            org: 0,
            name: "山西省".into(),
            kind: AreaKind::Province,
            in_full,
            evidence: facts.mentions[0].evidence,
        });
        link("a.txt", "h", facts)
    }

    #[test]
    fn an_implied_area_is_the_official_division_the_articles_places_lie_in() {
        let linked = implying("太原市");
        let [r] = linked.relations[..] else {
            panic!("{:?}", linked.relations);
        };
        assert_eq!(r.kind, RelationKind::OrgInArea);
        let area = &linked.entities[r.object];
        assert_eq!(area.label, "山西省");
        assert_eq!(area.iri, division_iri(divisions().by_name("山西省")[0]));
    }

    #[test]
    fn an_implied_area_the_articles_places_do_not_support_is_left_out() {
        let linked = implying("广州市");
        assert!(linked.relations.is_empty(), "{:?}", linked.relations);
        assert_eq!(linked.entities.len(), 2);
    }

    #[test]
    fn a_unique_official_name_written_in_full_needs_no_support() {
        let linked = implying_in_full("广州市", true);
        let [r] = linked.relations[..] else {
            panic!("{:?}", linked.relations);
        };
        assert_eq!(linked.entities[r.object].label, "山西省");
    }
}
