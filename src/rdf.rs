//! RDF mapping: a linked article becomes the quads of its own named graph.
//!
//! The graph's name is the article's IRI. It holds what the article said:
//! its entities with classes and labels, containments, appointments, the
//! byline, and provenance: the sentences that are evidence (with start and
//! end offsets in the *original* text) and the entities each one names.
//! No blank nodes, so dumps are stable and comparable.
//!
//! An area linked to an official division carries its code, the official
//! name as label and the article's other forms as `skos:altLabel`s. The official names, classes and chains up to the
//! province are in the gazetteer graph (`gazetteer_quads`), shared by all
//! articles and attributed to none.

use crate::lexicon::divisions::{divisions, DivisionId, Level};
use crate::link::place::kind_of;
use crate::link::{appointment_iri, division_iri, role_iri, Entity, LinkedArticle};
use crate::model::{AreaKind, EntityKind};
use crate::normalize::Normalized;
use crate::vocab::{self, *};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::BTreeSet;

/// Builds quads for one graph without repeating the graph name.
struct GraphWriter {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl GraphWriter {
    fn add(&mut self, s: &str, p: &str, o: impl Into<Term>) {
        self.quads.push(Quad::new(
            NamedOrBlankNode::NamedNode(node(s)),
            node(p),
            o,
            self.graph.clone(),
        ));
    }

    fn link(&mut self, s: &str, p: &str, o: &str) {
        self.add(s, p, node(o));
    }

    fn text(&mut self, s: &str, p: &str, value: &str) {
        self.add(s, p, Literal::new_simple_literal(value));
    }

    fn int(&mut self, s: &str, p: &str, value: usize) {
        self.add(
            s,
            p,
            Literal::new_typed_literal(value.to_string(), node(XSD_INTEGER)),
        );
    }
}

/// IRIs here come from `vocab` and `link`, which only build valid ones.
fn node(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

/// Every quad of the article's graph, sorted.
pub fn article_quads(article: &LinkedArticle, normalized: &Normalized) -> Vec<Quad> {
    let g = &article.iri;
    let mut w = GraphWriter {
        graph: GraphName::NamedNode(node(g)),
        quads: Vec::new(),
    };
    w.link(g, RDF_TYPE, ARTICLE);
    w.text(g, SOURCE_FILE, &article.name);
    w.text(g, CONTENT_HASH, &article.hash);
    for e in &article.entities {
        entity(e, &mut w);
    }
    for &author in &article.facts.authors {
        w.link(g, AUTHOR, &article.entities[article.entity_of[author]].iri);
    }
    for &(child, parent) in &article.located_in {
        w.link(
            &article.entities[child].iri,
            LOCATED_IN,
            &article.entities[parent].iri,
        );
    }
    let mut evidence = BTreeSet::new();
    mentions(article, &mut w, &mut evidence);
    appointments(article, &mut w, &mut evidence);
    for s in evidence {
        let sentence = &article.facts.sentences[s];
        let iri = sentence_iri(g, s);
        let (start, end) = normalized.original_range(sentence.span.start, sentence.span.end);
        w.link(&iri, RDF_TYPE, SENTENCE);
        w.text(&iri, TEXT, &sentence.text);
        w.int(&iri, START, start);
        w.int(&iri, END, end);
    }
    let mut quads = w.quads;
    quads.sort_unstable_by(|a, b| order_key(a).cmp(&order_key(b)));
    quads.dedup();
    quads
}

/// Sorts an article's quads without formatting them (a sort by their
/// N-Quads text was a third of the mapping): subject, predicate, then the
/// object's IRI or value and datatype. Article graphs hold no blank nodes
/// and no language tags, so equal quads end up side by side.
fn order_key(q: &Quad) -> (&str, &str, &str, &str) {
    let subject = match &q.subject {
        NamedOrBlankNode::NamedNode(n) => n.as_str(),
        NamedOrBlankNode::BlankNode(b) => b.as_str(),
    };
    let (object, datatype) = match &q.object {
        Term::NamedNode(n) => (n.as_str(), ""),
        Term::Literal(l) => (l.value(), l.datatype().as_str()),
        Term::BlankNode(b) => (b.as_str(), ""),
    };
    (subject, q.predicate.as_str(), object, datatype)
}

/// An entity's class and names; a linked area's code.
fn entity(e: &Entity, w: &mut GraphWriter) {
    let Some(id) = e.division() else {
        w.link(&e.iri, RDF_TYPE, vocab::class_of(e.kind));
        w.text(&e.iri, RDFS_LABEL, &e.label);
        for alt in &e.alt_labels {
            w.text(&e.iri, SKOS_ALT_LABEL, alt);
        }
        return;
    };
    let g = divisions();
    let official = g.get(id).name();
    w.link(
        &e.iri,
        RDF_TYPE,
        vocab::class_of(EntityKind::Area(kind_of(g, id))),
    );
    w.text(&e.iri, DIVISION_CODE, &g.get(id).code_str());
    // The official name too, so that every entity is labelled within each
    // article graph naming it (queries can stay inside one graph).
    w.text(&e.iri, RDFS_LABEL, official);
    for form in std::iter::once(&e.label).chain(&e.alt_labels) {
        if form != official {
            w.text(&e.iri, SKOS_ALT_LABEL, form);
        }
    }
}

/// The gazetteer graph for divisions `ids`: each with its ancestors up to
/// the province, as `ck:` areas with code, official name (the NBS
/// committee name too, where it differs) and direct `ck:locatedIn`. Sorted.
pub fn gazetteer_quads(ids: impl IntoIterator<Item = DivisionId>) -> Vec<Quad> {
    let g = divisions();
    let mut all = BTreeSet::new();
    for id in ids {
        let mut at = Some(id);
        while let Some(d) = at.filter(|d| all.insert(*d)) {
            at = g.parent(d);
        }
    }
    let mut w = GraphWriter {
        graph: GraphName::NamedNode(node(GAZETTEER_GRAPH)),
        quads: Vec::new(),
    };
    for id in all {
        let iri = division_iri(id);
        let d = g.get(id);
        w.link(
            &iri,
            RDF_TYPE,
            vocab::class_of(EntityKind::Area(kind_of(g, id))),
        );
        // A 直辖市 is typed as written (City) and, in the official chain,
        // by its level too: every chain reaches a ck:Province.
        if d.level() == Level::Province && kind_of(g, id) != AreaKind::Province {
            w.link(
                &iri,
                RDF_TYPE,
                vocab::class_of(EntityKind::Area(AreaKind::Province)),
            );
        }
        w.text(&iri, RDFS_LABEL, d.name());
        w.text(&iri, DIVISION_CODE, &d.code_str());
        if g.nbs_name(id) != d.name() {
            w.text(&iri, SKOS_ALT_LABEL, g.nbs_name(id));
        }
        if let Some(p) = d.parent() {
            w.link(&iri, LOCATED_IN, &division_iri(p));
        }
    }
    let mut quads = w.quads;
    quads.sort_by_cached_key(|q| q.to_string());
    quads
}

/// Is `quad` a statement about an entity (its class, names, code, place;
/// an appointment's person, post and unit) rather than part of the
/// article's own record (byline, mentions, sentences, evidence)? The facts
/// graph gathers these, once each.
pub fn is_entity_statement(quad: &Quad) -> bool {
    let (NamedOrBlankNode::NamedNode(s), GraphName::NamedNode(g)) =
        (&quad.subject, &quad.graph_name)
    else {
        return false;
    };
    quad.predicate.as_str() != EVIDENCE && !s.as_str().starts_with(g.as_str())
}

/// Does `graph` state facts of its own (an article's graph, or the
/// gazetteer graph), as opposed to holding derived results?
pub fn is_source_graph(graph: &GraphName) -> bool {
    is_article_graph(graph)
        || matches!(graph, GraphName::NamedNode(g) if g.as_str() == GAZETTEER_GRAPH)
}

/// Is `graph` an article's graph?
pub fn is_article_graph(graph: &GraphName) -> bool {
    matches!(graph, GraphName::NamedNode(g) if g.as_str().starts_with(&crate::link::article_iri("")))
}

fn sentence_iri(article: &str, n: usize) -> String {
    format!("{article}#s{n}")
}

/// Each sentence's `ck:mentions` of the entities it names, once per
/// sentence and entity. Provenance stays at the sentence (its text and
/// offsets): a node per mention, with its own offsets, took four quads
/// each and was 45% of a corpus's quads, the cost of every load and
/// compaction, for positions a reader finds in the sentence anyway.
fn mentions(article: &LinkedArticle, w: &mut GraphWriter, evidence: &mut BTreeSet<usize>) {
    let named: BTreeSet<(usize, usize)> = article
        .facts
        .mentions
        .iter()
        .zip(&article.entity_of)
        .map(|(m, &entity)| (m.evidence.sentence, entity))
        .collect();
    for (sentence, entity) in named {
        evidence.insert(sentence);
        w.link(
            &sentence_iri(&article.iri, sentence),
            MENTIONS,
            &article.entities[entity].iri,
        );
    }
}

fn appointments(article: &LinkedArticle, w: &mut GraphWriter, evidence: &mut BTreeSet<usize>) {
    for a in &article.facts.appointments {
        let person = &article.entities[article.entity_of[a.person]].iri;
        let unit = &article.entities[article.entity_of[a.unit]].iri;
        let role = role_iri(&a.role);
        let iri = appointment_iri(person, &a.role, unit);
        w.link(&iri, RDF_TYPE, APPOINTMENT);
        w.link(&iri, PERSON_PROP, person);
        w.link(&iri, ROLE_PROP, &role);
        w.link(&iri, UNIT, unit);
        w.link(
            &iri,
            EVIDENCE,
            &sentence_iri(&article.iri, a.evidence.sentence),
        );
        w.link(&role, RDF_TYPE, ROLE);
        w.text(&role, RDFS_LABEL, &a.role);
        evidence.insert(a.evidence.sentence);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, link, normalize};

    fn quads_of(text: &str) -> Vec<String> {
        let n = normalize::normalize(text);
        let facts = extract::extract(&n.text);
        let linked = link::link("t.txt", "h", facts);
        article_quads(&linked, &n)
            .iter()
            .map(|q| q.to_string())
            .collect()
    }

    #[test]
    fn entity_statements_leave_out_the_article_record() {
        let text = "派驻到沈阳市沈河区万莲街道松泉社区的第一书记王光宇开展活动。";
        let n = normalize::normalize(text);
        let linked = link::link("t.txt", "h", extract::extract(&n.text));
        let quads = article_quads(&linked, &n);
        let (entity, record): (Vec<&Quad>, Vec<&Quad>) =
            quads.iter().partition(|q| is_entity_statement(q));
        let shows = |qs: &[&Quad], what: &str| qs.iter().any(|q| q.to_string().contains(what));
        assert!(shows(&entity, "#locatedIn>") && shows(&entity, "ontology#person>"));
        assert!(shows(&record, "#mentions>") && shows(&record, "#text>"));
        assert!(shows(&record, "#evidence>") && shows(&record, "#sourceFile>"));
        assert!(!shows(&entity, "#evidence>") && !shows(&entity, ".txt#"));
        assert!(is_source_graph(&quads[0].graph_name));
        let derived = GraphName::NamedNode(node(vocab::FACTS_GRAPH));
        assert!(!is_source_graph(&derived));
    }

    #[test]
    fn every_quad_is_in_the_article_graph_and_has_no_blank_node() {
        let quads = quads_of("派驻到沈阳市沈河区万莲街道松泉社区的第一书记王光宇开展活动。");
        assert!(!quads.is_empty());
        let graph = format!("<{}>", link::article_iri("t.txt"));
        for q in &quads {
            assert!(q.trim_end_matches(" .").ends_with(&graph), "{q}");
            assert!(!q.contains("_:"), "{q}");
        }
        assert!(quads.iter().any(|q| q.contains("#locatedIn")));
        assert!(quads.iter().any(|q| q.contains("#Appointment")));
    }

    #[test]
    fn a_linked_area_has_its_code_and_the_article_forms() {
        let quads = quads_of("辽宁省桓仁县的干部。");
        let county = division_iri(divisions().by_name("桓仁满族自治县")[0]);
        let about: Vec<&String> = quads
            .iter()
            .filter(|q| q.starts_with(&format!("<{county}>")))
            .collect();
        assert!(
            about
                .iter()
                .any(|q| q.contains("#divisionCode> \"210522000000\"")),
            "{about:?}"
        );
        assert!(
            about.iter().any(|q| q.contains("#altLabel> \"桓仁县\"")),
            "{about:?}"
        );
    }

    #[test]
    fn the_gazetteer_graph_holds_the_chain_up_to_the_province() {
        let g = divisions();
        let quads: Vec<String> = gazetteer_quads([g.by_name("万莲街道")[0]])
            .iter()
            .map(|q| q.to_string())
            .collect();
        let labels: Vec<&String> = quads.iter().filter(|q| q.contains("#label>")).collect();
        assert_eq!(labels.len(), 4, "{labels:?}");
        assert_eq!(
            quads.iter().filter(|q| q.contains("#locatedIn>")).count(),
            3
        );
        assert!(quads.iter().all(|q| q.contains(GAZETTEER_GRAPH)));
    }

    #[test]
    fn sentence_offsets_point_into_the_original_text() {
        // The sentence starts after the 3-char heading line and, in the
        // original, holds a 4-char reading that normalisation removed.
        let quads = quads_of("標題\n沈陽市大東區(qū)的居民。");
        let offset = |p: &str| {
            quads
                .iter()
                .find(|q| q.contains("#s") && q.contains(p))
                .unwrap_or_else(|| panic!("a sentence {p}: {quads:?}"))
                .clone()
        };
        assert!(offset("#start>").contains("\"3\"^^"), "{quads:?}");
        assert!(offset("#end>").contains("\"17\"^^"), "{quads:?}");
        assert!(quads.iter().any(|q| q.contains("#mentions>")));
    }
}
