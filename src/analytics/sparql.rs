//! SPARQL helpers for the projection: every query is prepared by
//! `query::prepare`, so it sees the default graph and prefixes of
//! `cadre-kg query`. Values supplied by users are bound with
//! `substitute_variable`, never pasted into query text.

use super::AnalyticsError;
use crate::query::{check, prepare, QueryError};
use oxigraph::model::{Term, Triple};
use oxigraph::sparql::{QueryResults, QuerySolution};
use oxigraph::store::Store;

fn execute(
    store: &Store,
    query: &str,
    bindings: &[(&str, Term)],
) -> Result<QueryResults<'static>, AnalyticsError> {
    let mut bound = prepare(store, query)?.on_store(store);
    for (name, term) in bindings {
        bound = bound.substitute_variable(
            oxigraph::sparql::Variable::new_unchecked(*name),
            term.clone(),
        );
    }
    Ok(bound.execute().map_err(QueryError::from)?)
}

/// Runs a SELECT query. Each bound variable must be projected (Oxigraph
/// substitutes only projected variables).
pub(crate) fn select(
    store: &Store,
    query: &str,
    bindings: &[(&str, Term)],
) -> Result<Vec<QuerySolution>, AnalyticsError> {
    match execute(store, query, bindings)? {
        QueryResults::Solutions(solutions) => Ok(solutions
            .collect::<Result<Vec<_>, _>>()
            .map_err(QueryError::from)?),
        _ => Ok(Vec::new()),
    }
}

/// Runs a CONSTRUCT (or DESCRIBE) query someone wrote, checked like
/// `cadre-kg query` (its warnings are logged).
pub(crate) fn construct(store: &Store, query: &str) -> Result<Vec<Triple>, AnalyticsError> {
    let checked = check(store, query)?;
    for warning in &checked.warnings {
        tracing::warn!("{warning}");
    }
    let results = checked
        .into_prepared()
        .on_store(store)
        .execute()
        .map_err(QueryError::from)?;
    match results {
        QueryResults::Graph(triples) => Ok(triples
            .collect::<Result<Vec<_>, _>>()
            .map_err(QueryError::from)?),
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
