//! Analytics results as RDF: the quads of the analytics graph
//! ([`vocab::ANALYTICS_GRAPH`]), writing them with
//! [`crate::store::replace_graph`], and reading scores back for exports.
//! Parameters are recorded on the graph's own IRI (`a ck:Analysis`); no
//! timestamps, so the same store and parameters give the same quads.

use super::sparql::{iri, select, text};
use super::{format_float, Analysis, AnalyticsError, KnowledgeGraph, NodeScores};
use crate::vocab::{self, *};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
use oxigraph::store::Store;
use std::collections::HashMap;
use std::path::Path;

const XSD_DOUBLE: &str = "http://www.w3.org/2001/XMLSchema#double";
const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";

fn node(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

fn double(x: f64) -> Literal {
    Literal::new_typed_literal(format_float(x), node(XSD_DOUBLE))
}

fn integer(x: u64) -> Literal {
    Literal::new_typed_literal(x.to_string(), node(XSD_INTEGER))
}

/// The quads recording `analysis` of `graph` (built with `projection`),
/// sorted.
pub fn to_quads(graph: &KnowledgeGraph, analysis: &Analysis, projection: &str) -> Vec<Quad> {
    let g = GraphName::NamedNode(node(ANALYTICS_GRAPH));
    let mut quads = Vec::with_capacity(graph.node_count() * 5 + 12);
    let mut add = |s: &str, p: &str, o: oxigraph::model::Term| {
        quads.push(Quad::new(node(s), node(p), o, g.clone()));
    };
    for (i, scores) in analysis.scores.iter().enumerate() {
        let Some(n) = graph.graph.node_weight(petgraph::graph::NodeIndex::new(i)) else {
            continue;
        };
        // IRIs in the graph came from the store, so they are valid.
        add(&n.iri, DEGREE, integer(scores.degree.into()).into());
        add(&n.iri, PAGE_RANK, double(scores.pagerank).into());
        add(&n.iri, BETWEENNESS, double(scores.betweenness).into());
        add(&n.iri, COMPONENT, integer(scores.component.into()).into());
        add(
            &n.iri,
            COMMUNITY_PROP,
            integer(scores.community.into()).into(),
        );
    }
    let p = &analysis.params;
    let a = ANALYTICS_GRAPH;
    add(a, RDF_TYPE, node(ANALYSIS).into());
    add(a, DAMPING_FACTOR, double(p.damping).into());
    add(a, CO_MENTION_WEIGHT, double(p.co_mention_weight).into());
    add(a, CONVERGENCE_TOLERANCE, double(p.tolerance).into());
    add(
        a,
        BETWEENNESS_SAMPLES,
        integer(analysis.betweenness_samples as u64).into(),
    );
    add(a, RANDOM_SEED, integer(p.seed).into());
    add(a, RESOLUTION, double(p.resolution).into());
    add(
        a,
        PROJECTION,
        Literal::new_typed_literal(projection, node(XSD_STRING)).into(),
    );
    add(a, NODE_COUNT, integer(analysis.nodes as u64).into());
    add(a, EDGE_COUNT, integer(analysis.edges as u64).into());
    add(a, MODULARITY, double(analysis.modularity).into());
    quads.sort_by_cached_key(|q| q.to_string());
    quads.dedup();
    quads
}

/// Replaces the analytics graph of the store at `root` with `quads`, as a
/// new store generation committed atomically.
pub fn write_results(root: &Path, quads: Vec<Quad>) -> Result<(), AnalyticsError> {
    Ok(crate::store::replace_graph(
        root,
        &node(vocab::ANALYTICS_GRAPH),
        quads,
    )?)
}

/// The projection (`Filter::describe`) of the stored analysis, if any.
pub fn stored_projection(store: &Store) -> Result<Option<String>, AnalyticsError> {
    let rows = select(
        store,
        "SELECT ?projection ?analytics WHERE { GRAPH ?analytics { ?analytics ck:projection ?projection } }",
        &[("analytics", node(ANALYTICS_GRAPH).into())],
    )?;
    Ok(rows.first().and_then(|row| text(row, "projection")))
}

/// Scores stored by `cadre-kg analyze` for the nodes of `graph` (in node
/// order; `None` for a node without them), or `None` if the store holds no
/// analysis.
pub fn load_scores(
    store: &Store,
    graph: &KnowledgeGraph,
) -> Result<Option<Vec<Option<NodeScores>>>, AnalyticsError> {
    let rows = select(
        store,
        "SELECT ?e ?d ?pr ?bc ?comp ?com ?analytics WHERE { GRAPH ?analytics {
           ?e ck:degree ?d ; ck:pageRank ?pr ; ck:betweenness ?bc ;
              ck:component ?comp ; ck:community ?com } }",
        &[("analytics", node(ANALYTICS_GRAPH).into())],
    )?;
    if rows.is_empty() {
        return Ok(None);
    }
    let mut by_iri: HashMap<String, NodeScores> = HashMap::with_capacity(rows.len());
    for row in &rows {
        let number = |var: &str| text(row, var).and_then(|t| t.parse::<f64>().ok());
        let count = |var: &str| text(row, var).and_then(|t| t.parse::<u32>().ok());
        if let (
            Some(e),
            Some(degree),
            Some(pagerank),
            Some(betweenness),
            Some(component),
            Some(community),
        ) = (
            iri(row, "e"),
            count("d"),
            number("pr"),
            number("bc"),
            count("comp"),
            count("com"),
        ) {
            by_iri.insert(
                e,
                NodeScores {
                    degree,
                    pagerank,
                    betweenness,
                    component,
                    community,
                },
            );
        }
    }
    Ok(Some(
        graph
            .graph
            .node_weights()
            .map(|n| by_iri.get(&n.iri).copied())
            .collect(),
    ))
}
