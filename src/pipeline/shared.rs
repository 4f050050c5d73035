//! Cross-article graphs, derived from the article graphs once they are
//! loaded, so that an incremental build gives the same graphs as a full
//! one: the gazetteer graph (official chains of the linked divisions) and
//! the facts graph (every entity statement, once).
//!
//! Why a facts graph: each article graph repeats what it says about shared
//! entities (沈阳市's class and label, the chain above a community), and
//! Oxigraph's union default graph yields a triple once per graph stating
//! it, so joins on much-named entities multiply with the corpus. Queries
//! about what is known, not who said it, match inside the facts graph.

use super::*;
use crate::store::{Generation, GraphDiff};
use oxigraph::model::Triple;
use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};

/// The facts graph as a build changes it.
pub(super) struct FactsGraph {
    graph: GraphName,
    /// 128-bit hashes of the statements this build has already emitted:
    /// 16 bytes per distinct fact, however many articles repeat it.
    seen: HashSet<(u64, u64)>,
    hashers: (RandomState, RandomState),
    /// Whether the store held facts when the build started (incremental):
    /// then a statement is emitted only if the graph lacks it.
    check_store: bool,
    /// Statements that left a graph (a dropped article, an outdated
    /// gazetteer entry): they stay only if another graph still states them.
    orphans: HashSet<Triple>,
}

impl FactsGraph {
    pub(super) fn new(incremental: bool) -> Self {
        FactsGraph {
            graph: GraphName::NamedNode(NamedNode::new_unchecked(vocab::FACTS_GRAPH)),
            seen: HashSet::new(),
            hashers: (RandomState::new(), RandomState::new()),
            check_store: incremental,
            orphans: HashSet::new(),
        }
    }

    /// The facts-graph quads for the entity statements of `quads` that are
    /// neither emitted yet nor (incrementally) already in `generation`.
    pub(super) fn fresh(
        &mut self,
        quads: &[Quad],
        generation: &Generation,
    ) -> Result<Vec<Quad>, StoreError> {
        let mut fresh = Vec::new();
        for q in quads.iter().filter(|q| rdf::is_entity_statement(q)) {
            let triple = (&q.subject, &q.predicate, &q.object);
            let key = (
                self.hashers.0.hash_one(triple),
                self.hashers.1.hash_one(triple),
            );
            if !self.seen.insert(key) {
                continue;
            }
            let fact = Quad::new(
                q.subject.clone(),
                q.predicate.clone(),
                q.object.clone(),
                self.graph.clone(),
            );
            if !(self.check_store && generation.contains(&fact)?) {
                fresh.push(fact);
            }
        }
        Ok(fresh)
    }

    /// Notes the entity statements of quads leaving the store.
    pub(super) fn forget(&mut self, quads: &[Quad]) {
        let leaving = quads.iter().filter(|q| rdf::is_entity_statement(q));
        self.orphans.extend(
            leaving.map(|q| Triple::new(q.subject.clone(), q.predicate.clone(), q.object.clone())),
        );
    }

    /// Removes the noted statements that no source graph states any more;
    /// returns how many quads left the facts graph.
    pub(super) fn prune(&mut self, generation: &Generation) -> Result<usize, StoreError> {
        let mut gone = Vec::new();
        for t in self.orphans.drain() {
            let fact = Quad::new(t.subject, t.predicate, t.object, self.graph.clone());
            if !generation.is_stated_in(
                &fact.subject,
                &fact.predicate,
                &fact.object,
                rdf::is_source_graph,
            )? && generation.contains(&fact)?
            {
                gone.push(fact);
            }
        }
        generation.remove(&gone)?;
        Ok(gone.len())
    }
}

/// Rewrites the gazetteer graph for the divisions the articles link to now
/// (a removed article may have been the last to name one) and passes its
/// changes on to the facts graph. Returns the updated statement count and
/// what the gazetteer graph lost and gained.
pub(super) fn refresh_gazetteer(
    generation: &Generation,
    facts: &mut FactsGraph,
    statements: usize,
) -> Result<(usize, GraphDiff), StoreError> {
    let graph = NamedNode::new_unchecked(vocab::GAZETTEER_GRAPH);
    let g = divisions();
    let codes = linked_codes(generation)?;
    let quads = rdf::gazetteer_quads(codes.iter().filter_map(|c| g.id_by_code(c)));
    let diff = generation.set_graph(&graph, quads)?;
    facts.forget(&diff.removed);
    let fresh = facts.fresh(&diff.added, generation)?;
    let statements = statements + diff.added.len() + fresh.len() - diff.removed.len();
    generation.insert(fresh)?;
    Ok((statements - facts.prune(generation)?, diff))
}

/// The division codes article graphs state now. Candidates come from the
/// facts graph (a few hundred quads, not one per article), which may still
/// hold codes of dropped articles or of the gazetteer graph: each is kept
/// only if some article graph states it.
fn linked_codes(generation: &Generation) -> Result<Vec<String>, StoreError> {
    let candidates = generation.statements(
        &NamedNode::new_unchecked(vocab::DIVISION_CODE),
        &NamedNode::new_unchecked(vocab::FACTS_GRAPH),
    )?;
    let mut codes = Vec::new();
    for q in candidates {
        if generation.is_stated_in(&q.subject, &q.predicate, &q.object, rdf::is_article_graph)? {
            if let Term::Literal(code) = q.object {
                codes.push(code.value().to_owned());
            }
        }
    }
    Ok(codes)
}
