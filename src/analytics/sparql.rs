//! SPARQL helpers for the projection: every query runs with the union of
//! all graphs as the default graph and the project's prefixes, like
//! `cadre-kg query`. Values supplied by users are bound with
//! `substitute_variable`, never pasted into query text.

use super::AnalyticsError;
use crate::query::PREFIXES;
use oxigraph::model::{Term, Triple};
use oxigraph::sparql::{QueryResults, QuerySolution, SparqlEvaluator};
use oxigraph::store::Store;

fn evaluator() -> SparqlEvaluator {
    PREFIXES.iter().fold(SparqlEvaluator::new(), |e, (p, iri)| {
        e.with_prefix(*p, *iri)
            .expect("built-in prefixes are valid IRIs")
    })
}

fn execute(
    store: &Store,
    query: &str,
    bindings: &[(&str, Term)],
) -> Result<QueryResults<'static>, AnalyticsError> {
    let mut prepared = evaluator().parse_query(query)?;
    prepared.dataset_mut().set_default_graph_as_union();
    let mut bound = prepared.on_store(store);
    for (name, term) in bindings {
        bound = bound.substitute_variable(
            oxigraph::sparql::Variable::new_unchecked(*name),
            term.clone(),
        );
    }
    Ok(bound.execute()?)
}

/// Runs a SELECT query. Each bound variable must be projected (Oxigraph
/// substitutes only projected variables).
pub(crate) fn select(
    store: &Store,
    query: &str,
    bindings: &[(&str, Term)],
) -> Result<Vec<QuerySolution>, AnalyticsError> {
    match execute(store, query, bindings)? {
        QueryResults::Solutions(solutions) => Ok(solutions.collect::<Result<Vec<_>, _>>()?),
        _ => Ok(Vec::new()),
    }
}

/// Runs a CONSTRUCT (or DESCRIBE) query.
pub(crate) fn construct(store: &Store, query: &str) -> Result<Vec<Triple>, AnalyticsError> {
    match execute(store, query, &[])? {
        QueryResults::Graph(triples) => Ok(triples.collect::<Result<Vec<_>, _>>()?),
        _ => Err(AnalyticsError::NotConstruct),
    }
}

/// The IRI bound to `var`, if it is one.
pub(crate) fn iri(solution: &QuerySolution, var: &str) -> Option<String> {
    match solution.get(var)? {
        Term::NamedNode(n) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

/// The lexical value of a literal bound to `var` (or an IRI's text).
pub(crate) fn text(solution: &QuerySolution, var: &str) -> Option<String> {
    match solution.get(var)? {
        Term::Literal(l) => Some(l.value().to_owned()),
        Term::NamedNode(n) => Some(n.as_str().to_owned()),
        _ => None,
    }
}
