//! The guard in front of Oxigraph for queries people write: what a query
//! may do (read the store, nothing else), how big it may be, and the
//! mistakes that would otherwise pass without a word (an undeclared
//! prefix buried in a parser dump, a misspelled `ck:` term that matches
//! nothing, a provenance term asked of the default graph, which has none).

use super::{QueryError, DEFAULT_GRAPHS, PREFIXES};
use crate::vocab;
use oxigraph::model::{GraphNameRef, NamedNodeRef, NamedOrBlankNode};
use oxigraph::store::Store;
use std::collections::BTreeSet;

/// Queries longer than this are refused before parsing.
pub const MAX_QUERY_BYTES: usize = 100_000;
/// Brackets nested deeper than this are refused before parsing: the
/// parser and the evaluator recurse once per level.
pub const MAX_NESTING: usize = 64;
/// Algebra nested deeper than this (long chains of `UNION`, `OPTIONAL`,
/// `||` build one level per link) is refused before evaluation.
pub const MAX_DEPTH: usize = 256;

/// `query` with the text of strings, IRIs and comments blanked out (same
/// chars and lines), so that brackets and prefixed names can be found by
/// looking at characters.
fn code_only(query: &str) -> Vec<char> {
    let chars: Vec<char> = query.chars().collect();
    let mut out = chars.clone();
    let mut i = 0;
    let blank = |out: &mut [char], from: usize, to: usize| {
        for c in &mut out[from..to] {
            if *c != '\n' {
                *c = ' ';
            }
        }
    };
    while i < chars.len() {
        let end = match chars[i] {
            '#' => (i..chars.len())
                .find(|&j| chars[j] == '\n')
                .unwrap_or(chars.len()),
            q @ ('"' | '\'') => {
                let long = chars.get(i + 1) == Some(&q) && chars.get(i + 2) == Some(&q);
                let close = if long { 3 } else { 1 };
                let mut j = i + close;
                loop {
                    match chars.get(j) {
                        None => break chars.len(),
                        Some('\\') => j += 2,
                        Some(&c) if c == q && (0..close).all(|k| chars.get(j + k) == Some(&q)) => {
                            break j + close
                        }
                        Some(_) => j += 1,
                    }
                }
            }
            '<' => {
                let iri_end = chars[i + 1..]
                    .iter()
                    .position(|&c| c == '>' || c.is_whitespace() || "<\"{}|^`".contains(c))
                    .map(|p| i + 1 + p)
                    .filter(|&j| chars[j] == '>');
                iri_end.map_or(i + 1, |j| j + 1)
            }
            _ => i + 1,
        };
        if end > i + 1 || matches!(chars[i], '#' | '"' | '\'') {
            blank(&mut out, i, end.min(chars.len()));
        }
        i = end.max(i + 1);
    }
    out
}

/// Refuses a query too long or too deeply nested to parse safely.
pub(super) fn check_size(query: &str) -> Result<(), QueryError> {
    if query.len() > MAX_QUERY_BYTES {
        return Err(QueryError::TooLarge(format!(
            "the query is {} bytes; the limit is {MAX_QUERY_BYTES}",
            query.len()
        )));
    }
    let mut depth = 0usize;
    for c in code_only(query) {
        match c {
            '{' | '(' | '[' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(QueryError::TooLarge(format!(
                        "brackets are nested more than {MAX_NESTING} deep"
                    )));
                }
            }
            '}' | ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// The prefixes `query` uses without declaring them (neither in its
/// `PREFIX` lines nor predeclared), each with the first prefixed name and
/// its line.
pub(super) fn undeclared_prefixes(query: &str) -> Vec<(String, String, usize)> {
    let code = code_only(query);
    let name_char = |c: char| c.is_alphanumeric() || "_-.".contains(c);
    let mut declared: BTreeSet<String> = PREFIXES.iter().map(|(p, _)| p.to_string()).collect();
    let mut used = Vec::new();
    let (mut line, mut i) = (1, 0);
    while i < code.len() {
        if code[i] == '\n' {
            line += 1;
        }
        if code[i] != ':' {
            i += 1;
            continue;
        }
        let start = (0..i)
            .rev()
            .find(|&j| !name_char(code[j]))
            .map_or(0, |j| j + 1);
        let prefix: String = code[start..i].iter().collect();
        let end = (i + 1..code.len())
            .find(|&j| !name_char(code[j]) && code[j] != ':')
            .unwrap_or(code.len());
        if previous_word(&code, start).eq_ignore_ascii_case("PREFIX") {
            declared.insert(prefix);
        } else if prefix.starts_with(char::is_alphabetic) || prefix.is_empty() {
            let name: String = code[start..end].iter().collect();
            used.push((prefix, name, line));
        }
        i = end.max(i + 1);
    }
    let mut seen = BTreeSet::new();
    used.into_iter()
        .filter(|(p, _, _)| !declared.contains(p) && seen.insert(p.clone()))
        .collect()
}

/// The word that ends before `at`, skipping white space.
fn previous_word(code: &[char], at: usize) -> String {
    let end = (0..at)
        .rev()
        .find(|&j| !code[j].is_whitespace())
        .map_or(0, |j| j + 1);
    let start = (0..end)
        .rev()
        .find(|&j| !code[j].is_alphanumeric())
        .map_or(0, |j| j + 1);
    code[start..end].iter().collect()
}

/// The message for a query that failed to parse because of undeclared
/// prefixes, if that is why.
pub(super) fn prefix_message(query: &str) -> Option<String> {
    let missing = undeclared_prefixes(query);
    if missing.is_empty() {
        return None;
    }
    let named: Vec<String> = missing
        .iter()
        .map(|(p, name, line)| format!("{p}: (line {line}: {name})"))
        .collect();
    let predeclared: Vec<String> = PREFIXES.iter().map(|(p, _)| format!("{p}:")).collect();
    Some(format!(
        "undeclared prefix {}; predeclared: {}; declare others with PREFIX {}: <IRI>",
        named.join(", "),
        predeclared.join(" "),
        missing[0].0
    ))
}

/// One IRI of the parsed query, and whether it is used inside a
/// `GRAPH` pattern.
pub(super) struct Use {
    iri: String,
    in_graph: bool,
}

/// Reads the parsed query's SSE form: every IRI with its place, and the
/// algebra's depth. Refuses `SERVICE` (no query reaches outside the store)
/// and algebra nested deeper than `MAX_DEPTH`.
pub(super) fn uses(sse: &str) -> Result<Vec<Use>, QueryError> {
    let chars: Vec<char> = sse.chars().collect();
    // The head word of each open form, and how many are `graph` forms.
    let mut heads: Vec<String> = Vec::new();
    let mut graphs = 0;
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '(' => {
                let head: String = chars[i + 1..]
                    .iter()
                    .take_while(|c| !c.is_whitespace() && !"()".contains(**c))
                    .collect();
                if head == "service" {
                    return Err(QueryError::Refused(
                        "SERVICE: queries read only this store".to_owned(),
                    ));
                }
                graphs += usize::from(head == "graph");
                heads.push(head);
                if heads.len() > MAX_DEPTH {
                    return Err(QueryError::TooLarge(format!(
                        "the query's algebra is nested more than {MAX_DEPTH} deep"
                    )));
                }
                i += 1;
            }
            ')' => {
                if heads.pop().as_deref() == Some("graph") {
                    graphs -= 1;
                }
                i += 1;
            }
            '"' => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
            }
            '<' if chars
                .get(i + 1)
                .is_some_and(|c| !c.is_whitespace() && *c != '=') =>
            {
                let len = chars[i + 1..].iter().take_while(|c| **c != '>').count();
                found.push(Use {
                    iri: chars[i + 1..i + 1 + len].iter().collect(),
                    in_graph: graphs > 0,
                });
                i += len + 2;
            }
            _ => i += 1,
        }
    }
    Ok(found)
}

/// Refuses what a query may not do; returns the warnings for terms that
/// cannot match: `ck:` terms the ontology does not declare (with the
/// nearest declared one), and terms asked of the default graph that only
/// the article graphs hold.
pub(super) fn check_terms(store: &Store, sse: &str) -> Result<Vec<String>, QueryError> {
    let uses = uses(sse)?;
    let declared = ontology_terms(store)?;
    let mut warned = BTreeSet::new();
    let mut warnings = Vec::new();
    for u in &uses {
        let Some(local) = u.iri.strip_prefix(vocab::CK) else {
            continue;
        };
        if declared.is_empty() || !warned.insert((local.to_owned(), u.in_graph)) {
            continue;
        }
        if !declared.contains(local) {
            let nearest = declared
                .iter()
                .min_by_key(|d| strsim::levenshtein(&d.to_lowercase(), &local.to_lowercase()))
                .map(String::as_str)
                .unwrap_or_default();
            warnings.push(format!(
                "ck:{local} is not in the ontology and matches nothing; did you mean ck:{nearest}?"
            ));
        } else if !u.in_graph && only_in_article_graphs(store, &u.iri)? {
            warnings.push(format!(
                "ck:{local} is stated only in the article graphs, not in the default graph: \
                 match it inside GRAPH ?article {{ … }}"
            ));
        }
    }
    Ok(warnings)
}

/// The local names of the `ck:` terms the store's ontology declares.
fn ontology_terms(store: &Store) -> Result<BTreeSet<String>, QueryError> {
    let graph = NamedNodeRef::new_unchecked(vocab::ONTOLOGY_GRAPH);
    let rdf_type = NamedNodeRef::new_unchecked(vocab::RDF_TYPE);
    let mut terms = BTreeSet::new();
    // Declarations only (each term is typed): the ontology's other
    // statements hold long comments, each a string to read.
    for quad in store.quads_for_pattern(None, Some(rdf_type), None, Some(graph.into())) {
        if let NamedOrBlankNode::NamedNode(s) = quad?.subject {
            if let Some(local) = s.as_str().strip_prefix(vocab::CK) {
                terms.insert(local.to_owned());
            }
        }
    }
    Ok(terms)
}

/// Is `iri` a property or class (by `ck:` convention: classes are
/// capitalised) that the data graphs of the default graph never use but
/// some other graph does?
fn only_in_article_graphs(store: &Store, iri: &str) -> Result<bool, QueryError> {
    let term = NamedNodeRef::new_unchecked(iri);
    let class = iri
        .strip_prefix(vocab::CK)
        .is_some_and(|l| l.starts_with(char::is_uppercase));
    let rdf_type = NamedNodeRef::new_unchecked(vocab::RDF_TYPE);
    let used_in = |graph: Option<GraphNameRef>| -> Result<bool, QueryError> {
        let mut quads = if class {
            store.quads_for_pattern(None, Some(rdf_type), Some(term.into()), graph)
        } else {
            store.quads_for_pattern(None, Some(term), None, graph)
        };
        Ok(quads.next().transpose()?.is_some())
    };
    for g in DEFAULT_GRAPHS {
        if g != vocab::ONTOLOGY_GRAPH && used_in(Some(NamedNodeRef::new_unchecked(g).into()))? {
            return Ok(false);
        }
    }
    used_in(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_iris_and_comments_are_blanked() {
        let code: String = code_only("SELECT ?x # a (comment\nWHERE { ?x <http://e/(> \"{\" }")
            .into_iter()
            .collect();
        assert_eq!(code.matches('(').count(), 0, "{code}");
        assert_eq!(code.matches('{').count(), 1, "{code}");
        assert_eq!(code.lines().count(), 2, "{code}");
    }

    #[test]
    fn deep_nesting_and_huge_queries_are_refused() {
        let deep = format!("SELECT * WHERE {}{}", "{".repeat(100), "}".repeat(100));
        assert!(matches!(check_size(&deep), Err(QueryError::TooLarge(_))));
        let huge = format!("SELECT * WHERE {{ {} }}", "?s ?p ?o . ".repeat(20_000));
        assert!(matches!(check_size(&huge), Err(QueryError::TooLarge(_))));
        assert!(check_size("SELECT * WHERE { { ?s ?p ?o } UNION { ?s ?p ?o } }").is_ok());
    }

    #[test]
    fn undeclared_prefixes_are_named_with_their_line() {
        let q = "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nSELECT ?x WHERE {\n ?x foaf:name ?n ; dc:title \"a:b\" ; ck:x ?y }";
        assert_eq!(
            undeclared_prefixes(q),
            vec![("dc".to_owned(), "dc:title".to_owned(), 3)]
        );
        let message = prefix_message(q).unwrap();
        assert!(
            message.contains("dc:") && message.contains("ck: id:"),
            "{message}"
        );
        assert!(
            undeclared_prefixes("SELECT * WHERE { ?s ?p _:b . ?s <http://e/a:b> 1 }").is_empty()
        );
    }

    #[test]
    fn service_is_refused() {
        let err = uses("(project (?x) (service <http://e/sparql> (bgp (triple ?x ?p ?o))))");
        assert!(matches!(err, Err(QueryError::Refused(_))));
    }

    #[test]
    fn uses_know_whether_they_are_inside_a_graph() {
        let u = uses("(join (graph ?g (bgp (triple ?s <http://e/a> ?o))) (bgp (triple ?s <http://e/b> \"<http://e/c>\")))").unwrap();
        let places: Vec<(&str, bool)> = u.iter().map(|u| (u.iri.as_str(), u.in_graph)).collect();
        assert_eq!(places, vec![("http://e/a", true), ("http://e/b", false)]);
    }
}
