//! SPARQL over a built store, results as a readable table or a standard
//! format.
//!
//! The default graph is a set, as SPARQL means it: the union of disjoint
//! graphs that each state a triple once (the facts graph, the articles
//! graph, the ontology, the analytics results), so a plain `COUNT` counts
//! each entity once however many articles name it. Oxigraph 0.5's union
//! of all graphs repeats a triple once per graph stating it
//! (oxigraph/oxigraph#1919). What each article said, with its sentences,
//! stays in the article's own graph, reached with `GRAPH ?article { … }`.

mod check;
mod deadline;
mod stream;

pub use check::{MAX_DEPTH, MAX_NESTING, MAX_QUERY_BYTES};
pub use deadline::{Watch, Watcher};
pub use stream::{Encoded, Format, Kind};

use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Term};
use oxigraph::sparql::results::QueryResultsFormat;
use oxigraph::sparql::{
    CancellationToken, PreparedSparqlQuery, PreparedSparqlUpdate, QueryEvaluationError,
    QueryResults, SparqlEvaluator, SparqlSyntaxError,
};
use oxigraph::store::Store;
use std::io::Write;
use std::time::Duration;
use thiserror::Error;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns for people (default).
    Table,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    Csv,
    Tsv,
    Xml,
    /// Graph results (CONSTRUCT, DESCRIBE) as Turtle.
    Turtle,
    /// Graph results as N-Triples.
    Ntriples,
}

#[derive(Debug, Error)]
pub enum QueryError {
    #[error("malformed query: {0}")]
    Syntax(#[from] SparqlSyntaxError),
    #[error("malformed query: {0}")]
    UndeclaredPrefix(String),
    #[error("updates (LOAD, INSERT, DELETE, CLEAR, …) are refused: queries only read the store")]
    Update,
    #[error("refused: {0}")]
    Refused(String),
    #[error("query refused: {0}")]
    TooLarge(String),
    #[error("the query ran longer than {} s (--timeout) and was stopped", .0.as_secs_f64())]
    Timeout(Duration),
    #[error("query failed: {0}")]
    Evaluation(#[from] QueryEvaluationError),
    #[error("cannot read the store: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("cannot write results: {0}")]
    Io(#[from] std::io::Error),
}

/// Prefixes every query may use without declaring them.
pub const PREFIXES: &[(&str, &str)] = &[
    ("ck", crate::vocab::CK),
    ("id", crate::vocab::ID),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("org", "http://www.w3.org/ns/org#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("schema", "https://schema.org/"),
];

/// The graphs whose union is the default graph of every query without a
/// `FROM`: disjoint, and each states a triple once. The gazetteer graph is
/// not among them: the facts graph holds its statements.
pub const DEFAULT_GRAPHS: [&str; 4] = [
    crate::vocab::FACTS_GRAPH,
    crate::vocab::ARTICLES_GRAPH,
    crate::vocab::ONTOLOGY_GRAPH,
    crate::vocab::ANALYTICS_GRAPH,
];

/// How a query people write runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Stop the query after this long.
    pub timeout: Option<Duration>,
}

fn evaluator() -> SparqlEvaluator {
    PREFIXES.iter().fold(SparqlEvaluator::new(), |e, (p, iri)| {
        e.with_prefix(*p, *iri)
            .expect("built-in prefixes are valid IRIs")
    })
}

/// Parses a built-in `query` with the predeclared prefixes and the
/// default graph of every query on `store` (`with_default_graph`).
pub fn prepare(store: &Store, query: &str) -> Result<PreparedSparqlQuery, QueryError> {
    with_default_graph(store, evaluator().parse_query(query)?)
}

/// A query someone wrote, checked and ready for the store.
pub struct Checked {
    prepared: PreparedSparqlQuery,
    /// Terms that cannot match as written, each said once.
    pub warnings: Vec<String>,
    /// What the query gives.
    pub kind: Kind,
    token: CancellationToken,
}

impl Checked {
    /// The prepared query, for callers that run it themselves.
    pub fn into_prepared(self) -> PreparedSparqlQuery {
        self.prepared
    }

    /// Replaces the query's dataset (its `FROM` and `FROM NAMED`, or the
    /// set default graph) with these graphs, as the SPARQL protocol's
    /// `default-graph-uri` and `named-graph-uri` do.
    pub fn set_dataset(&mut self, default: Vec<NamedNode>, named: Vec<NamedNode>) {
        let dataset = self.prepared.dataset_mut();
        dataset.set_default_graph(default.into_iter().map(GraphName::NamedNode).collect());
        if !named.is_empty() {
            dataset.set_available_named_graphs(
                named.into_iter().map(NamedOrBlankNode::from).collect(),
            );
        }
    }

    /// Cancels the query after `timeout` through `watcher`, until the
    /// returned watch is dropped.
    pub fn watch(&self, watcher: &Watcher, timeout: Duration) -> Watch {
        watcher.watch(&self.token, timeout)
    }

    /// Starts evaluating the query on `store`.
    pub fn execute(self, store: &Store) -> Result<QueryResults<'static>, QueryError> {
        Ok(self.prepared.on_store(store).execute()?)
    }
}

fn parser() -> spargebra::SparqlParser {
    PREFIXES
        .iter()
        .fold(spargebra::SparqlParser::new(), |p, (prefix, iri)| {
            p.with_prefix(*prefix, *iri)
                .expect("built-in prefixes are valid IRIs")
        })
}

/// Checks an update someone sent (`serve --allow-update`): the size
/// limits and prefixes of queries, and neither `LOAD` nor `SERVICE`, so
/// nothing outside the store is read.
pub fn check_update(update: &str) -> Result<PreparedSparqlUpdate, QueryError> {
    check::check_size(update)?;
    let parsed = parser().parse_update(update).map_err(|e| {
        check::prefix_message(update).map_or(QueryError::Syntax(e), QueryError::UndeclaredPrefix)
    })?;
    let loads = parsed
        .operations
        .iter()
        .any(|op| matches!(op, spargebra::GraphUpdateOperation::Load { .. }));
    if loads {
        return Err(QueryError::Refused(
            "LOAD: updates change this store with the data they hold".to_owned(),
        ));
    }
    check::uses(&parsed.to_sse())?;
    Ok(evaluator().for_update(parsed))
}

/// Checks a query someone wrote before it runs: refuses it if too large
/// or too deeply nested (`MAX_QUERY_BYTES`, `MAX_NESTING`, `MAX_DEPTH`),
/// an update (`LOAD` and the like) or a `SERVICE` call, names undeclared
/// prefixes, and warns about terms that cannot match (see `check`).
pub fn check(store: &Store, query: &str) -> Result<Checked, QueryError> {
    check_at(store, query, None)
}

/// `check`, with relative IRIs of the query resolved against `base` (a
/// server's endpoint).
pub fn check_at(store: &Store, query: &str, base: Option<&str>) -> Result<Checked, QueryError> {
    check::check_size(query)?;
    let parser = match base {
        Some(base) => parser()
            .with_base_iri(base)
            .map_err(|e| QueryError::Refused(format!("base IRI {base}: {e}")))?,
        None => parser(),
    };
    let parsed = match parser.clone().parse_query(query) {
        Ok(parsed) => parsed,
        Err(_) if parser.parse_update(query).is_ok() => return Err(QueryError::Update),
        Err(e) => {
            return Err(check::prefix_message(query)
                .map_or(QueryError::Syntax(e), QueryError::UndeclaredPrefix))
        }
    };
    let warnings = check::check_terms(store, &parsed.to_sse())?;
    let kind = match parsed {
        spargebra::Query::Select { .. } => Kind::Solutions,
        spargebra::Query::Ask { .. } => Kind::Boolean,
        spargebra::Query::Construct { .. } | spargebra::Query::Describe { .. } => Kind::Graph,
    };
    let token = CancellationToken::new();
    let prepared = evaluator()
        .with_cancellation_token(token.clone())
        .for_query(parsed);
    Ok(Checked {
        prepared: with_default_graph(store, prepared)?,
        warnings,
        kind,
        token,
    })
}

/// Unless `prepared` names its own dataset (`FROM`), gives it the set
/// default graph: the `DEFAULT_GRAPHS` that `store` holds (each graph of
/// the list costs an index lookup per pattern lookup, and the analytics
/// graph is absent until `analyze` runs). Every consumer of the store
/// (queries, analytics, exports) prepares its queries so.
fn with_default_graph(
    store: &Store,
    mut prepared: PreparedSparqlQuery,
) -> Result<PreparedSparqlQuery, QueryError> {
    let dataset = prepared.dataset_mut();
    if dataset.is_default_dataset() {
        let mut graphs = Vec::new();
        for g in DEFAULT_GRAPHS.map(NamedNode::new_unchecked) {
            if store.contains_named_graph(&g)? {
                graphs.push(GraphName::NamedNode(g));
            }
        }
        dataset.set_default_graph(graphs);
    }
    Ok(prepared)
}

/// A cancelled evaluation is a timeout.
fn timed_out(timeout: Option<Duration>) -> impl Fn(QueryError) -> QueryError {
    move |e| match (e, timeout) {
        (QueryError::Evaluation(QueryEvaluationError::Cancelled), Some(t)) => {
            QueryError::Timeout(t)
        }
        (e, _) => e,
    }
}

/// Checks and runs `query`, writes its results to `out` and returns the
/// warnings (`check`).
pub fn run(
    store: &Store,
    query: &str,
    format: OutputFormat,
    options: Options,
    out: &mut impl Write,
) -> Result<Vec<String>, QueryError> {
    let mut checked = check(store, query)?;
    let warnings = std::mem::take(&mut checked.warnings);
    let watcher = options.timeout.map(|t| (Watcher::start(), t));
    let _watch = watcher.as_ref().map(|(w, t)| checked.watch(w, *t));
    write_results(checked.execute(store), format, out).map_err(timed_out(options.timeout))?;
    Ok(warnings)
}

fn write_results(
    results: Result<QueryResults<'static>, QueryError>,
    format: OutputFormat,
    out: &mut impl Write,
) -> Result<(), QueryError> {
    match (results?, results_format(format)) {
        (graph @ QueryResults::Graph(_), _) => {
            let rdf = if format == OutputFormat::Ntriples {
                RdfFormat::NTriples
            } else {
                RdfFormat::Turtle
            };
            Encoded::new(graph, Format::Graph(rdf))?.write_to(out)?;
        }
        (results, Some(f)) => Encoded::new(results, Format::Results(f))?.write_to(out)?,
        (QueryResults::Solutions(solutions), None) => {
            let variables = solutions.variables().to_vec();
            let names: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
            let mut rows = Vec::new();
            for solution in solutions {
                let solution = solution?;
                rows.push(
                    variables
                        .iter()
                        .map(|v| solution.get(v).map(show).unwrap_or_default())
                        .collect(),
                );
            }
            write_table(&names, &rows, out)?;
        }
        (QueryResults::Boolean(value), None) => writeln!(out, "{value}")?,
    }
    Ok(())
}

/// Checks and runs `query`, discards its results and writes Oxigraph's
/// evaluation plan with per-step row counts and times (JSON): how an
/// analyst finds which pattern of a slow query does the work. Returns the
/// warnings.
pub fn explain(
    store: &Store,
    query: &str,
    options: Options,
    out: &mut impl Write,
) -> Result<Vec<String>, QueryError> {
    let checked = check(store, query)?;
    let watcher = options.timeout.map(|t| (Watcher::start(), t));
    let _watch = watcher.as_ref().map(|(w, t)| checked.watch(w, *t));
    let (results, explanation) = checked
        .prepared
        .on_store(store)
        .compute_statistics()
        .explain();
    let drain = || -> Result<(), QueryError> {
        match results? {
            QueryResults::Solutions(mut solutions) => solutions.try_for_each(|s| s.map(drop))?,
            QueryResults::Graph(mut triples) => triples.try_for_each(|t| t.map(drop))?,
            QueryResults::Boolean(_) => {}
        }
        Ok(())
    };
    drain().map_err(timed_out(options.timeout))?;
    explanation.write_in_json(&mut *out)?;
    writeln!(out)?;
    Ok(checked.warnings)
}

fn results_format(format: OutputFormat) -> Option<QueryResultsFormat> {
    match format {
        OutputFormat::Json => Some(QueryResultsFormat::Json),
        OutputFormat::Csv => Some(QueryResultsFormat::Csv),
        OutputFormat::Tsv => Some(QueryResultsFormat::Tsv),
        OutputFormat::Xml => Some(QueryResultsFormat::Xml),
        OutputFormat::Table | OutputFormat::Turtle | OutputFormat::Ntriples => None,
    }
}

/// A term as a person reads it: prefixed IRIs, bare literal values.
pub fn show(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => shorten(n.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

fn shorten(iri: &str) -> String {
    PREFIXES
        .iter()
        .find_map(|(p, base)| iri.strip_prefix(base).map(|rest| format!("{p}:{rest}")))
        .unwrap_or_else(|| format!("<{iri}>"))
}

/// Columns padded by display width, so Chinese text lines up.
pub fn write_table(
    header: &[String],
    rows: &[Vec<String>],
    out: &mut impl Write,
) -> std::io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: &[String], out: &mut dyn Write| -> std::io::Result<()> {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, &w)| format!("{c}{}", " ".repeat(w - c.width())))
            .collect();
        writeln!(out, "{}", padded.join("  ").trim_end())
    };
    line(header, out)?;
    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    line(&rule, out)?;
    for row in rows {
        line(row, out)?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )
}

/// Counts for `cadre-kg stats`: quads, and things per class in any graph
/// (sentences are only in the article graphs).
pub fn stats(store: &Store) -> Result<Vec<(String, String)>, QueryError> {
    let mut out = vec![("quads".to_owned(), store.len()?.to_string())];
    let query = "SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a ?class } } GROUP BY ?class ORDER BY ?class";
    if let QueryResults::Solutions(solutions) = prepare(store, query)?.on_store(store).execute()? {
        for solution in solutions {
            let solution = solution?;
            if let (Some(class), Some(n)) = (solution.get("class"), solution.get("n")) {
                out.push((show(class), show(n)));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_chinese_by_display_width() {
        let mut out = Vec::new();
        let rows = vec![
            vec!["沈阳市".to_owned(), "1".to_owned()],
            vec!["ab".to_owned(), "22".to_owned()],
        ];
        write_table(&["name".into(), "n".into()], &rows, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[2], "沈阳市  1");
        assert_eq!(lines[3], "ab      22");
    }

    #[test]
    fn malformed_queries_report_the_parser_error() {
        let store = Store::new().unwrap();
        let err = run(
            &store,
            "SELEC ?x WHERE {}",
            OutputFormat::Json,
            Options::default(),
            &mut Vec::new(),
        )
        .unwrap_err();
        assert!(matches!(err, QueryError::Syntax(_)));
        assert!(err.to_string().contains("1:"), "{err}");
    }

    #[test]
    fn updates_and_service_calls_are_refused() {
        let store = Store::new().unwrap();
        for (query, refused) in [
            ("LOAD <http://example.com/data.ttl>", "updates"),
            ("CLEAR ALL", "updates"),
            (
                "SELECT * WHERE { SERVICE <http://example.com/sparql> { ?s ?p ?o } }",
                "SERVICE",
            ),
        ] {
            let err = check(&store, query).err().expect(query);
            assert!(err.to_string().contains(refused), "{query}: {err}");
        }
    }

    #[test]
    fn a_timeout_stops_a_long_query() {
        let store = Store::new().unwrap();
        let quads: String = (0..2000)
            .map(|i| format!("<http://e/s{i}> <http://e/p> \"{i}\" <http://e/g> .\n"))
            .collect();
        store
            .load_from_slice(RdfFormat::NQuads, quads.as_bytes())
            .unwrap();
        // Three-way cross product of 2000 quads: 8e9 rows.
        let query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z } }";
        let started = std::time::Instant::now();
        let options = Options {
            timeout: Some(Duration::from_millis(200)),
        };
        let err = run(&store, query, OutputFormat::Csv, options, &mut Vec::new()).unwrap_err();
        assert!(matches!(err, QueryError::Timeout(_)), "{err}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn the_default_graph_states_each_triple_once() {
        let store = Store::new().unwrap();
        let quads = [
            format!(
                "<http://e/s> <http://e/p> \"x\" <{}> .",
                crate::vocab::FACTS_GRAPH
            ),
            format!(
                "<http://e/a> <http://e/p> \"y\" <{}> .",
                crate::vocab::ARTICLES_GRAPH
            ),
            "<http://e/s> <http://e/p> \"x\" <http://e/article1> .".to_owned(),
            "<http://e/s> <http://e/p> \"x\" <http://e/article2> .".to_owned(),
        ];
        store
            .load_from_slice(RdfFormat::NQuads, quads.join("\n").as_bytes())
            .unwrap();
        let csv = |q: &str| {
            let mut out = Vec::new();
            run(&store, q, OutputFormat::Csv, Options::default(), &mut out).unwrap();
            String::from_utf8(out).unwrap().replace('\r', "")
        };
        assert_eq!(csv("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o"), "o\nx\ny\n");
        assert_eq!(
            csv("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { <http://e/s> ?p ?o } }"),
            "n\n3\n"
        );
        // A query naming its own dataset gets it.
        assert_eq!(
            csv("SELECT ?o FROM <http://e/article1> WHERE { ?s ?p ?o }"),
            "o\nx\n"
        );
    }
}
