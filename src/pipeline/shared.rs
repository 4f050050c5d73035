//! Cross-article graphs, derived from the article graphs once they are
//! loaded, so that an incremental build gives the same graphs as a full
//! one: the gazetteer graph (official chains of the linked divisions) and
//! the two index graphs, the facts graph (every entity statement, once)
//! and the articles graph (every article statement, once).
//!
//! Why index graphs: each article graph repeats what it says about shared
//! entities (沈阳市's class and label, the chain above a community), and
//! Oxigraph's union of all graphs yields a triple once per graph stating
//! it, so counts and joins on much-named entities multiply with the
//! corpus. The default graph of every query is the union of the index
//! graphs, the ontology and the analytics results (`query`), disjoint
//! graphs that state each triple once.

use super::*;
use crate::store::{Generation, GraphDiff};
use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};

/// The facts and articles graphs as a build changes them.
pub(super) struct IndexGraphs {
    /// 128-bit hashes of the statements this build has already emitted:
    /// 16 bytes per distinct statement, however many articles repeat it.
    seen: HashSet<(u64, u64)>,
    hashers: (RandomState, RandomState),
    /// Whether the store held the index graphs when the build started
    /// (incremental): then a statement is emitted only if they lack it.
    check_store: bool,
    /// Index statements whose source left a graph (a dropped article, an
    /// outdated gazetteer entry): they stay only if another graph still
    /// states them.
    orphans: HashSet<Quad>,
}

/// The copy of `q` in its index graph, if it has one.
fn indexed(q: &Quad) -> Option<Quad> {
    let graph = rdf::index_graph(q)?;
    Some(Quad::new(
        q.subject.clone(),
        q.predicate.clone(),
        q.object.clone(),
        NamedNode::new_unchecked(graph),
    ))
}

impl IndexGraphs {
    pub(super) fn new(incremental: bool) -> Self {
        IndexGraphs {
            seen: HashSet::new(),
            hashers: (RandomState::new(), RandomState::new()),
            check_store: incremental,
            orphans: HashSet::new(),
        }
    }

    /// The index-graph quads for the statements of `quads` that are
    /// neither emitted yet nor (incrementally) already in `generation`.
    pub(super) fn fresh(
        &mut self,
        quads: &[Quad],
        generation: &Generation,
    ) -> Result<Vec<Quad>, StoreError> {
        let mut fresh = Vec::new();
        for copy in quads.iter().filter_map(indexed) {
            let triple = (&copy.subject, &copy.predicate, &copy.object);
            let key = (
                self.hashers.0.hash_one(triple),
                self.hashers.1.hash_one(triple),
            );
            if !self.seen.insert(key) {
                continue;
            }
            if !(self.check_store && generation.contains(&copy)?) {
                fresh.push(copy);
            }
        }
        Ok(fresh)
    }

    /// Notes the index statements of quads leaving the store.
    pub(super) fn forget(&mut self, quads: &[Quad]) {
        self.orphans.extend(quads.iter().filter_map(indexed));
    }

    /// Removes the noted statements that no source graph states any more;
    /// returns how many quads left the index graphs.
    pub(super) fn prune(&mut self, generation: &Generation) -> Result<usize, StoreError> {
        let mut gone = Vec::new();
        for copy in self.orphans.drain() {
            if !generation.is_stated_in(
                &copy.subject,
                &copy.predicate,
                &copy.object,
                rdf::is_source_graph,
            )? && generation.contains(&copy)?
            {
                gone.push(copy);
            }
        }
        generation.remove(&gone)?;
        Ok(gone.len())
    }
}

/// Rewrites the gazetteer graph for the divisions the articles link to now
/// (a removed article may have been the last to name one) and passes its
/// changes on to the facts graph; then prunes the index graphs. Returns
/// the updated statement count and what the gazetteer graph lost and
/// gained.
pub(super) fn refresh_gazetteer(
    generation: &Generation,
    index: &mut IndexGraphs,
    statements: usize,
) -> Result<(usize, GraphDiff), StoreError> {
    let graph = NamedNode::new_unchecked(vocab::GAZETTEER_GRAPH);
    let g = divisions();
    let codes = linked_codes(generation)?;
    let quads = rdf::gazetteer_quads(codes.iter().filter_map(|c| g.id_by_code(c)));
    let diff = generation.set_graph(&graph, quads)?;
    index.forget(&diff.removed);
    let fresh = index.fresh(&diff.added, generation)?;
    let statements = statements + diff.added.len() + fresh.len() - diff.removed.len();
    generation.insert(fresh)?;
    Ok((statements - index.prune(generation)?, diff))
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
