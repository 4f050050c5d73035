//! SPARQL over a built store: the default graph is the union of all
//! graphs, results go out as a readable table or a standard format.

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, SparqlEvaluator, SparqlSyntaxError};
use oxigraph::store::Store;
use std::io::Write;
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

fn evaluator() -> SparqlEvaluator {
    PREFIXES.iter().fold(SparqlEvaluator::new(), |e, (p, iri)| {
        e.with_prefix(*p, *iri)
            .expect("built-in prefixes are valid IRIs")
    })
}

/// Runs `query` and writes its results to `out`.
pub fn run(
    store: &Store,
    query: &str,
    format: OutputFormat,
    out: &mut impl Write,
) -> Result<(), QueryError> {
    let mut prepared = evaluator().parse_query(query)?;
    prepared.dataset_mut().set_default_graph_as_union();
    match prepared.on_store(store).execute()? {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            match results_format(format) {
                Some(f) => {
                    let mut w = QueryResultsSerializer::from_format(f)
                        .serialize_solutions_to_writer(&mut *out, variables)?;
                    for solution in solutions {
                        w.serialize(&solution?)?;
                    }
                    w.finish()?;
                }
                None => {
                    let names: Vec<String> =
                        variables.iter().map(|v| v.as_str().to_owned()).collect();
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
            }
        }
        QueryResults::Boolean(value) => match results_format(format) {
            Some(f) => {
                QueryResultsSerializer::from_format(f)
                    .serialize_boolean_to_writer(&mut *out, value)?;
            }
            None => writeln!(out, "{value}")?,
        },
        QueryResults::Graph(triples) => {
            let rdf = if format == OutputFormat::Ntriples {
                RdfFormat::NTriples
            } else {
                RdfFormat::Turtle
            };
            let mut serializer = PREFIXES
                .iter()
                .fold(RdfSerializer::from_format(rdf), |s, (p, iri)| {
                    s.with_prefix(*p, *iri)
                        .expect("built-in prefixes are valid IRIs")
                })
                .for_writer(&mut *out);
            for triple in triples {
                serializer.serialize_triple(&triple?)?;
            }
            serializer.finish()?;
        }
    }
    Ok(())
}

/// Runs `query`, discards its results and writes Oxigraph's evaluation
/// plan with per-step row counts and times (JSON): how an analyst finds
/// which pattern of a slow query does the work.
pub fn explain(store: &Store, query: &str, out: &mut impl Write) -> Result<(), QueryError> {
    let mut prepared = evaluator().parse_query(query)?;
    prepared.dataset_mut().set_default_graph_as_union();
    let (results, explanation) = prepared.on_store(store).compute_statistics().explain();
    match results? {
        QueryResults::Solutions(mut solutions) => solutions.try_for_each(|s| s.map(drop))?,
        QueryResults::Graph(mut triples) => triples.try_for_each(|t| t.map(drop))?,
        QueryResults::Boolean(_) => {}
    }
    explanation.write_in_json(&mut *out)?;
    writeln!(out)?;
    Ok(())
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

/// Counts for `cadre-kg stats`: graphs, quads, and entities per class.
pub fn stats(store: &Store) -> Result<Vec<(String, String)>, QueryError> {
    let mut out = vec![("quads".to_owned(), store.len()?.to_string())];
    let query = "SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?class } GROUP BY ?class ORDER BY ?class";
    let mut prepared = evaluator().parse_query(query)?;
    prepared.dataset_mut().set_default_graph_as_union();
    if let QueryResults::Solutions(solutions) = prepared.on_store(store).execute()? {
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
            &mut Vec::new(),
        )
        .unwrap_err();
        assert!(matches!(err, QueryError::Syntax(_)));
        assert!(err.to_string().contains("1:"), "{err}");
    }

    #[test]
    fn union_default_graph_sees_named_graphs() {
        let store = Store::new().unwrap();
        store
            .load_from_slice(
                oxigraph::io::RdfFormat::NQuads,
                "<http://e/s> <http://e/p> \"x\" <http://e/g> .\n",
            )
            .unwrap();
        let mut out = Vec::new();
        run(
            &store,
            "SELECT ?o WHERE { ?s ?p ?o }",
            OutputFormat::Csv,
            &mut out,
        )
        .unwrap();
        assert_eq!(String::from_utf8(out).unwrap().replace('\r', ""), "o\nx\n");
    }
}
