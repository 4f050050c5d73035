//! From the store to a [`KnowledgeGraph`], through SPARQL only.
//!
//! The standard projection has entities (people, organizations,
//! initiatives, places) and articles as nodes, and these relations:
//! appointments (person → unit, with the post titles), `ck:locatedIn`
//! between places (child → parent), authorship (article → person),
//! co-mention (two entities named in the same article; weight = number of
//! such articles), and the relations articles state (`model::RelationKind`:
//! organization → area, initiative → organizer, initiative → participant).
//! Every edge keeps the graphs that support it. A [`Filter`] narrows it by
//! class, by area, by article, by relation kind, or replaces it with the
//! triples of a SPARQL CONSTRUCT query. Nothing here writes.

use super::graph::{level_of, EdgeKind, GraphBuilder, KnowledgeGraph, Node, Source, SourceKind};
use super::sparql::{construct, iri, select, text};
use super::AnalyticsError;
use crate::vocab;
use oxigraph::model::{Literal, NamedNode, Term};
use oxigraph::store::Store;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What part of the graph to project. Empty fields select everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Keep nodes of these classes or their subclasses (`Person`,
    /// `ck:AdministrativeArea`, a full IRI).
    pub classes: Vec<String>,
    /// Keep the area (label or IRI), every area `ck:locatedIn+` it, and the
    /// people holding a post in any of them.
    pub area: Option<String>,
    /// Keep what these articles (source file names or IRIs) say: the
    /// entities they name and the edges they support.
    pub articles: Vec<String>,
    /// Keep only these relations.
    pub edges: Vec<EdgeKind>,
    /// Replace the standard projection by the triples of this CONSTRUCT
    /// query: IRI-to-IRI triples become edges (kind = predicate), `a` gives
    /// a node's class and `rdfs:label` its label.
    pub construct: Option<String>,
    /// Keep the people named only in bylines (reporters, photographers,
    /// editors of the articles naming them) and the article nodes their
    /// bylines hang from. Left out otherwise: they tie together whatever
    /// their newsroom covered, not the governance ties rankings are
    /// about. Applies to the standard projection.
    pub bylines: bool,
}

impl Filter {
    /// A canonical one-line description, recorded with analytics results.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.classes.is_empty() {
            let mut c = self.classes.clone();
            c.sort();
            c.dedup();
            parts.push(format!("class={}", c.join(",")));
        }
        if let Some(area) = &self.area {
            parts.push(format!("area={area}"));
        }
        if !self.articles.is_empty() {
            let mut a = self.articles.clone();
            a.sort();
            a.dedup();
            parts.push(format!("article={}", a.join(",")));
        }
        let kinds = self.edge_kinds();
        parts.push(format!(
            "edges={}",
            kinds
                .iter()
                .map(|k| k.name().to_owned())
                .collect::<Vec<_>>()
                .join(",")
        ));
        if let Some(q) = &self.construct {
            parts.push(format!("construct={}", q.trim()));
        } else if !self.bylines {
            parts.push("bylines=dropped".to_owned());
        }
        parts.join("; ")
    }

    /// The relation kinds kept, sorted.
    pub fn edge_kinds(&self) -> Vec<EdgeKind> {
        let mut kinds: Vec<EdgeKind> = if self.edges.is_empty() {
            EdgeKind::STANDARD.to_vec()
        } else {
            self.edges.clone()
        };
        kinds.sort();
        kinds.dedup();
        kinds
    }
}

const ENTITIES: &str = "SELECT ?e (MIN(STR(?c)) AS ?class) (MIN(STR(?l)) AS ?label) WHERE {
  VALUES ?top { ck:Person ck:Organization ck:Initiative ck:Place }
  ?c rdfs:subClassOf* ?top .
  ?e a ?c .
  OPTIONAL { ?e rdfs:label ?l }
} GROUP BY ?e";

const ARTICLES: &str = "SELECT ?a (MIN(STR(?f)) AS ?file) WHERE {
  ?a a ck:Article . OPTIONAL { ?a ck:sourceFile ?f }
} GROUP BY ?a";

const MENTIONS: &str = "SELECT DISTINCT ?g ?e WHERE { GRAPH ?g { ?s ck:mentions ?e } }";

const APPOINTMENTS: &str = "SELECT DISTINCT ?g ?p ?u ?role WHERE {
  GRAPH ?g { ?m a ck:Appointment ; ck:person ?p ; ck:unit ?u .
             OPTIONAL { ?m ck:role ?r . ?r rdfs:label ?role } }
}";

/// Containments between places; an organization's area is a relation of
/// its own (`org-in-area`).
const LOCATED_IN: &str = "SELECT DISTINCT ?g ?c ?p WHERE {
  GRAPH ?g { ?c ck:locatedIn ?p FILTER NOT EXISTS { ?c a ck:Organization } } }";

const AUTHORS: &str = "SELECT DISTINCT ?g ?p WHERE { GRAPH ?g { ?g ck:author ?p } }";

/// Projects the store into a graph.
pub fn project(store: &Store, filter: &Filter) -> Result<KnowledgeGraph, AnalyticsError> {
    let sources = sources(store)?;
    let by_iri: HashMap<String, u32> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.iri.clone(), i as u32))
        .collect();
    let graph = match &filter.construct {
        Some(query) => constructed(store, query, sources, &by_iri)?,
        None => {
            let selected = select_articles(&filter.articles, &sources)?;
            standard(
                store,
                sources,
                &by_iri,
                selected.as_ref(),
                &filter.edge_kinds(),
                filter.bylines,
            )?
        }
    };
    let mut keep: Option<HashSet<String>> = None;
    if !filter.classes.is_empty() {
        let mut members = HashSet::new();
        for class in &filter.classes {
            let class = resolve_class(store, class)?;
            for s in select(
                store,
                "SELECT DISTINCT ?e ?class WHERE { ?c rdfs:subClassOf* ?class . ?e a ?c }",
                &[("class", NamedNode::new_unchecked(class).into())],
            )? {
                members.extend(iri(&s, "e"));
            }
        }
        keep = Some(members);
    }
    if let Some(area) = &filter.area {
        let area = resolve(store, area, true)?;
        let inside: HashSet<String> = select(
            store,
            "SELECT DISTINCT ?e ?area WHERE {
               { ?e ck:locatedIn* ?area }
               UNION { ?m ck:person ?e ; ck:unit ?u . ?u ck:locatedIn* ?area } }",
            &[("area", NamedNode::new_unchecked(area).into())],
        )?
        .iter()
        .filter_map(|s| iri(s, "e"))
        .collect();
        keep = Some(match keep {
            Some(k) => k.intersection(&inside).cloned().collect(),
            None => inside,
        });
    }
    Ok(match keep {
        Some(k) => graph.retain_nodes(|_, n| k.contains(&n.iri)),
        None => graph,
    })
}

/// Articles, the gazetteer graph and any other graph holding containments,
/// sorted by IRI.
fn sources(store: &Store) -> Result<Vec<Source>, AnalyticsError> {
    let mut sources: Vec<Source> = vec![Source {
        iri: vocab::GAZETTEER_GRAPH.to_owned(),
        name: "gazetteer".to_owned(),
        kind: SourceKind::Gazetteer,
    }];
    for s in select(store, ARTICLES, &[])? {
        let Some(a) = iri(&s, "a") else { continue };
        let name = text(&s, "file").unwrap_or_else(|| a.clone());
        sources.push(Source {
            iri: a,
            name,
            kind: SourceKind::Article,
        });
    }
    // The facts graph only repeats what the other graphs state: it is
    // nobody's source.
    let mut known: HashSet<String> = sources.iter().map(|s| s.iri.clone()).collect();
    known.insert(vocab::FACTS_GRAPH.to_owned());
    for s in select(
        store,
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?c ck:locatedIn ?p } }",
        &[],
    )? {
        if let Some(g) = iri(&s, "g").filter(|g| !known.contains(g)) {
            sources.push(Source {
                name: crate::query::show(&Term::NamedNode(NamedNode::new_unchecked(g.clone()))),
                iri: g,
                kind: SourceKind::Other,
            });
        }
    }
    sources.sort();
    sources.dedup();
    Ok(sources)
}

/// The selected articles, and the gazetteer graph for the containments
/// above their areas.
fn select_articles(
    names: &[String],
    sources: &[Source],
) -> Result<Option<BTreeSet<u32>>, AnalyticsError> {
    if names.is_empty() {
        return Ok(None);
    }
    let mut selected: BTreeSet<u32> = sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == SourceKind::Gazetteer)
        .map(|(i, _)| i as u32)
        .collect();
    for name in names {
        let full = expand(name);
        let found = sources
            .iter()
            .position(|s| s.kind == SourceKind::Article && (s.name == *name || s.iri == full))
            .ok_or_else(|| AnalyticsError::NotFound {
                what: "article",
                name: name.clone(),
            })?;
        selected.insert(found as u32);
    }
    Ok(Some(selected))
}

fn standard(
    store: &Store,
    sources: Vec<Source>,
    by_iri: &HashMap<String, u32>,
    selected: Option<&BTreeSet<u32>>,
    kinds: &[EdgeKind],
    bylines: bool,
) -> Result<KnowledgeGraph, AnalyticsError> {
    // Which graphs count: the selected articles (and their gazetteer
    // graphs), or all.
    let source_of = |g: Option<String>| -> Option<u32> {
        let id = *by_iri.get(&g?)?;
        match selected {
            Some(sel) if !sel.contains(&id) => None,
            _ => Some(id),
        }
    };
    let mut mentioned: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    let mut by_article: BTreeMap<u32, BTreeSet<String>> = BTreeMap::new();
    for s in select(store, MENTIONS, &[])? {
        let (Some(g), Some(e)) = (source_of(iri(&s, "g")), iri(&s, "e")) else {
            continue;
        };
        mentioned.entry(e.clone()).or_default().insert(g);
        by_article.entry(g).or_default().insert(e);
    }
    // (article, person) of every byline, by the article's source id.
    let mut authored: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    let mut bylines_seen = Vec::new();
    for s in select(store, AUTHORS, &[])? {
        let article = iri(&s, "g");
        if let (Some(g), Some(a), Some(p)) = (source_of(article.clone()), article, iri(&s, "p")) {
            authored.entry(p.clone()).or_default().insert(g);
            bylines_seen.push((a, p, g));
        }
    }
    // People every article naming them names in its byline.
    let byline_only = |e: &str, class: &str| {
        !bylines
            && class == vocab::PERSON
            && authored
                .get(e)
                .is_some_and(|a| mentioned.get(e).is_none_or(|m| m.is_subset(a)))
    };
    let mut builder = GraphBuilder::new(sources.clone());
    for s in select(store, ENTITIES, &[])? {
        let Some(e) = iri(&s, "e") else { continue };
        let class = text(&s, "class").unwrap_or_default();
        if byline_only(&e, &class) {
            continue;
        }
        let articles: Vec<u32> = match mentioned.get(&e) {
            Some(a) => a.iter().copied().collect(),
            None if selected.is_some() => continue,
            None => Vec::new(),
        };
        builder.add_node(Node {
            label: text(&s, "label").unwrap_or_else(|| e.clone()),
            level: level_of(&class),
            class,
            iri: e,
            articles,
        });
    }
    for (i, source) in sources.iter().enumerate() {
        let id = i as u32;
        let chosen = selected.is_none_or(|sel| sel.contains(&id));
        // Articles are nodes as the other end of bylines only.
        if source.kind == SourceKind::Article && chosen && bylines {
            builder.add_node(Node {
                iri: source.iri.clone(),
                label: source.name.clone(),
                class: vocab::ARTICLE.to_owned(),
                level: None,
                articles: vec![id],
            });
        }
    }
    if kinds.contains(&EdgeKind::Appointment) {
        for s in select(store, APPOINTMENTS, &[])? {
            if let (Some(g), Some(p), Some(u)) =
                (source_of(iri(&s, "g")), iri(&s, "p"), iri(&s, "u"))
            {
                let role = text(&s, "role");
                builder.add_edge(&p, &u, EdgeKind::Appointment, [g], role);
            }
        }
    }
    if kinds.contains(&EdgeKind::LocatedIn) {
        for s in select(store, LOCATED_IN, &[])? {
            if let (Some(g), Some(c), Some(p)) =
                (source_of(iri(&s, "g")), iri(&s, "c"), iri(&s, "p"))
            {
                builder.add_edge(&c, &p, EdgeKind::LocatedIn, [g], None);
            }
        }
    }
    if kinds.contains(&EdgeKind::Author) {
        for (a, p, g) in bylines_seen {
            builder.add_edge(&a, &p, EdgeKind::Author, [g], None);
        }
    }
    for kind in kinds {
        if let EdgeKind::Fact(relation) = kind {
            for s in select(store, &relation_query(*relation), &[])? {
                if let (Some(g), Some(a), Some(b)) =
                    (source_of(iri(&s, "g")), iri(&s, "s"), iri(&s, "o"))
                {
                    builder.add_edge(&a, &b, kind.clone(), [g], None);
                }
            }
        }
    }
    if kinds.contains(&EdgeKind::CoMention) {
        for (g, entities) in &by_article {
            let entities: Vec<&String> = entities.iter().collect();
            for (i, a) in entities.iter().enumerate() {
                for b in &entities[i + 1..] {
                    builder.add_edge(a, b, EdgeKind::CoMention, [*g], None);
                }
            }
        }
    }
    Ok(builder.build())
}

/// The statements of one kind of relation, with the graphs stating them.
fn relation_query(kind: crate::model::RelationKind) -> String {
    let (property, subject_class) = vocab::relation_term(kind);
    format!(
        "SELECT DISTINCT ?g ?s ?o WHERE {{ GRAPH ?g {{ ?s <{property}> ?o . ?s a <{subject_class}> }} }}"
    )
}

fn constructed(
    store: &Store,
    query: &str,
    sources: Vec<Source>,
    by_iri: &HashMap<String, u32>,
) -> Result<KnowledgeGraph, AnalyticsError> {
    let triples = construct(store, query)?;
    let mut declared_class: BTreeMap<String, String> = BTreeMap::new();
    let mut declared_label: BTreeMap<String, String> = BTreeMap::new();
    let mut nodes: BTreeSet<String> = BTreeSet::new();
    let mut edges: BTreeSet<(String, String, String)> = BTreeSet::new();
    for t in &triples {
        let oxigraph::model::NamedOrBlankNode::NamedNode(s) = &t.subject else {
            continue;
        };
        let s = s.as_str().to_owned();
        let p = t.predicate.as_str();
        match &t.object {
            Term::NamedNode(o) if p == vocab::RDF_TYPE => {
                nodes.insert(s.clone());
                let class = declared_class
                    .entry(s)
                    .or_insert_with(|| o.as_str().to_owned());
                if o.as_str() < class.as_str() {
                    *class = o.as_str().to_owned();
                }
            }
            Term::NamedNode(o) => {
                nodes.insert(s.clone());
                nodes.insert(o.as_str().to_owned());
                edges.insert((s, p.to_owned(), o.as_str().to_owned()));
            }
            Term::Literal(l) if p == vocab::RDFS_LABEL => {
                nodes.insert(s.clone());
                let label = declared_label
                    .entry(s)
                    .or_insert_with(|| l.value().to_owned());
                if l.value() < label.as_str() {
                    *label = l.value().to_owned();
                }
            }
            _ => {}
        }
    }
    let list: Vec<&String> = nodes.iter().collect();
    let mut info: HashMap<String, (String, String)> = HashMap::new();
    for chunk in list.chunks(500) {
        let values: String = chunk.iter().map(|n| format!("<{n}> ")).collect();
        let q = format!(
            "SELECT ?n (MIN(STR(?c)) AS ?class) (MIN(STR(?l)) AS ?label) WHERE {{
               VALUES ?n {{ {values} }} OPTIONAL {{ ?n a ?c }} OPTIONAL {{ ?n rdfs:label ?l }}
             }} GROUP BY ?n"
        );
        for s in select(store, &q, &[])? {
            if let Some(n) = iri(&s, "n") {
                info.insert(
                    n,
                    (
                        text(&s, "class").unwrap_or_default(),
                        text(&s, "label").unwrap_or_default(),
                    ),
                );
            }
        }
    }
    let mut mentioned: HashMap<String, Vec<u32>> = HashMap::new();
    for s in select(store, MENTIONS, &[])? {
        if let (Some(g), Some(e)) = (iri(&s, "g"), iri(&s, "e")) {
            if let Some(&id) = by_iri.get(&g) {
                mentioned.entry(e).or_default().push(id);
            }
        }
    }
    let mut support: HashMap<(String, String, String), Vec<u32>> = HashMap::new();
    let edge_list: Vec<&(String, String, String)> = edges.iter().collect();
    for chunk in edge_list.chunks(300) {
        let values: String = chunk
            .iter()
            .map(|(s, p, o)| format!("(<{s}> <{p}> <{o}>) "))
            .collect();
        let q = format!(
            "SELECT ?s ?p ?o ?g WHERE {{ VALUES (?s ?p ?o) {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
        );
        for s in select(store, &q, &[])? {
            if let (Some(a), Some(p), Some(b), Some(g)) =
                (iri(&s, "s"), iri(&s, "p"), iri(&s, "o"), iri(&s, "g"))
            {
                if let Some(&id) = by_iri.get(&g) {
                    support.entry((a, p, b)).or_default().push(id);
                }
            }
        }
    }
    let mut builder = GraphBuilder::new(sources);
    for n in &nodes {
        let (store_class, store_label) = info.get(n).cloned().unwrap_or_default();
        let class = declared_class.get(n).cloned().unwrap_or(store_class);
        let label = declared_label
            .get(n)
            .cloned()
            .filter(|l| !l.is_empty())
            .or_else(|| Some(store_label).filter(|l| !l.is_empty()))
            .unwrap_or_else(|| n.clone());
        builder.add_node(Node {
            iri: n.clone(),
            label,
            level: level_of(&class),
            class,
            articles: mentioned.get(n).cloned().unwrap_or_default(),
        });
    }
    for (s, p, o) in edges {
        let kind = match p.as_str() {
            vocab::LOCATED_IN => EdgeKind::LocatedIn,
            vocab::AUTHOR => EdgeKind::Author,
            _ => EdgeKind::Custom(crate::query::show(&Term::NamedNode(
                NamedNode::new_unchecked(p.clone()),
            ))),
        };
        let ids = support
            .get(&(s.clone(), p.clone(), o.clone()))
            .cloned()
            .unwrap_or_default();
        builder.add_edge(&s, &o, kind, ids, None);
    }
    Ok(builder.build())
}

/// `id:…`, `ck:…` and `<…>` written out; anything else as given.
fn expand(name: &str) -> String {
    let name = name.trim();
    if let Some(inner) = name.strip_prefix('<').and_then(|n| n.strip_suffix('>')) {
        return inner.to_owned();
    }
    for (prefix, base) in crate::query::PREFIXES {
        if let Some(rest) = name.strip_prefix(&format!("{prefix}:")) {
            if !rest.starts_with("//") {
                return format!("{base}{rest}");
            }
        }
    }
    name.to_owned()
}

fn looks_like_iri(name: &str) -> bool {
    let full = expand(name);
    full.starts_with("http://") || full.starts_with("https://")
}

/// An entity by IRI or by label (`rdfs:label` or `skos:altLabel`); with
/// `places_only`, only places. An article by its source file also works.
pub fn resolve(store: &Store, name: &str, places_only: bool) -> Result<String, AnalyticsError> {
    if looks_like_iri(name) {
        let full = expand(name);
        let node = NamedNode::new(full.clone())
            .map_err(|e| AnalyticsError::BadIri(full.clone(), e.to_string()))?;
        let known = !select(
            store,
            "SELECT ?c ?x WHERE { ?x a ?c } LIMIT 1",
            &[("x", node.into())],
        )?
        .is_empty();
        return if known {
            Ok(full)
        } else {
            Err(AnalyticsError::NotFound {
                what: if places_only { "area" } else { "entity" },
                name: name.to_owned(),
            })
        };
    }
    let class_test = if places_only {
        "?x a ?c . ?c rdfs:subClassOf* ck:Place ."
    } else {
        ""
    };
    let query = format!(
        "SELECT DISTINCT ?x ?name WHERE {{
           {{ ?x rdfs:label ?name }} UNION {{ ?x skos:altLabel ?name }}
           UNION {{ ?x ck:sourceFile ?name }}
           {class_test} }} ORDER BY ?x"
    );
    let found: Vec<String> = select(
        store,
        &query,
        &[("name", Literal::new_simple_literal(name.trim()).into())],
    )?
    .iter()
    .filter_map(|s| iri(s, "x"))
    .collect();
    match found.len() {
        0 => Err(AnalyticsError::NotFound {
            what: if places_only { "area" } else { "entity" },
            name: name.to_owned(),
        }),
        1 => Ok(found.into_iter().next().unwrap_or_default()),
        _ => Err(AnalyticsError::Ambiguous {
            name: name.to_owned(),
            candidates: found,
        }),
    }
}

/// A class by local name (`Person`), prefixed name or IRI; it must be
/// declared in the ontology.
fn resolve_class(store: &Store, name: &str) -> Result<String, AnalyticsError> {
    let full = if looks_like_iri(name) {
        expand(name)
    } else {
        format!("{}{}", vocab::CK, name.trim())
    };
    let classes: Vec<String> = select(
        store,
        "SELECT DISTINCT ?c WHERE { ?c a <http://www.w3.org/2002/07/owl#Class> } ORDER BY ?c",
        &[],
    )?
    .iter()
    .filter_map(|s| iri(s, "c"))
    .collect();
    if classes.contains(&full) {
        Ok(full)
    } else {
        let names: Vec<String> = classes
            .iter()
            .map(|c| c.strip_prefix(vocab::CK).unwrap_or(c).to_owned())
            .collect();
        Err(AnalyticsError::UnknownClass(
            name.to_owned(),
            names.join(" "),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_expand_to_iris() {
        assert_eq!(expand("ck:Person"), vocab::PERSON);
        assert_eq!(
            expand("id:area/沈阳市"),
            "https://w3id.org/cadre-kg/id/area/沈阳市"
        );
        assert_eq!(expand("<http://e/x>"), "http://e/x");
        assert!(!looks_like_iri("沈阳市"));
        assert!(looks_like_iri("id:person/朝阳市/王光宇"));
    }

    #[test]
    fn filters_describe_themselves_canonically() {
        let f = Filter {
            classes: vec!["Person".into(), "City".into(), "Person".into()],
            edges: vec![EdgeKind::CoMention, EdgeKind::Appointment],
            ..Filter::default()
        };
        assert_eq!(
            f.describe(),
            "class=City,Person; edges=appointment,coMention; bylines=dropped"
        );
        assert_eq!(
            Filter::default().describe(),
            "edges=appointment,locatedIn,author,coMention,org-in-area,organizer,participant; bylines=dropped"
        );
    }
}
