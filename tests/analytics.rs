//! `cadre-kg analyze`, `path` and `neighbors` on the shipped corpus: what
//! is stored (and that it is stable), the report, filters, and the scores
//! checked against NetworkX on the exported graph.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

const ANALYTICS: &str = "https://w3id.org/cadre-kg/id/graph/analytics";

/// The corpus store, analysed once per test binary (before any test reads).
fn analyzed() -> &'static Path {
    static DONE: OnceLock<String> = OnceLock::new();
    let store = corpus_store();
    let report = DONE.get_or_init(|| {
        let out = run(&["analyze", "--store", store.to_str().unwrap(), "--top", "5"]);
        assert!(out.status.success(), "analyze failed: {}", stderr(&out));
        stdout(&out)
    });
    assert!(report.contains("top 5 by PageRank"), "{report}");
    store
}

fn count(store: &Path, query: &str) -> usize {
    let rows = select(store, &[query]);
    value(&rows[0], "n").parse().unwrap()
}

fn value(row: &serde_json::Map<String, serde_json::Value>, var: &str) -> String {
    row[var].as_str().unwrap_or_default().to_owned()
}

fn analytics_triples(store: &Path) -> Vec<String> {
    let out = run(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "--format",
        "ntriples",
        &format!("CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ANALYTICS}> {{ ?s ?p ?o }} }}"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut lines: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
    lines.sort();
    lines
}

/// Leaves out the people every article naming them names in its byline
/// (the projection drops them unless `--with-bylines`).
const NOT_BYLINE_ONLY: &str = "FILTER NOT EXISTS { ?e a ck:Person . ?by ck:author ?e .
    FILTER NOT EXISTS { GRAPH ?g { ?s ck:mentions ?e } FILTER NOT EXISTS { ?g ck:author ?e } } }";

/// Nodes of the standard projection (articles are nodes only with the
/// bylines), counted by SPARQL independently.
fn nodes_query() -> String {
    format!(
        "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{
  {{ VALUES ?top {{ ck:Person ck:Organization ck:Initiative ck:Place }}
    ?c rdfs:subClassOf* ?top . ?e a ?c }} {NOT_BYLINE_ONLY} }}"
    )
}

#[test]
fn every_node_gets_scores_and_the_parameters_are_recorded() {
    let store = analyzed();
    let nodes = count(store, &nodes_query());
    for property in [
        "degree",
        "pageRank",
        "betweenness",
        "component",
        "community",
    ] {
        let q = format!(
            "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH <{ANALYTICS}> {{ ?e ck:{property} ?v }} }}"
        );
        assert_eq!(count(store, &q), nodes, "ck:{property}");
    }
    let rows = select(
        store,
        &[&format!(
            "SELECT ?d ?s ?seed ?r ?proj ?nodes ?q (SUM(?pr) AS ?total) WHERE {{
               <{ANALYTICS}> a ck:Analysis ; ck:dampingFactor ?d ; ck:betweennessSamples ?s ;
                 ck:randomSeed ?seed ; ck:resolution ?r ; ck:projection ?proj ;
                 ck:nodeCount ?nodes ; ck:modularity ?q .
               ?e ck:pageRank ?pr }} GROUP BY ?d ?s ?seed ?r ?proj ?nodes ?q"
        )],
    );
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(value(row, "d").parse::<f64>().unwrap(), 0.85);
    assert_eq!(value(row, "s"), "0", "exact betweenness on a small graph");
    assert_eq!(value(row, "seed"), "42");
    assert_eq!(value(row, "nodes").parse::<usize>().unwrap(), nodes);
    assert_eq!(
        value(row, "proj"),
        "edges=appointment,locatedIn,author,coMention,org-in-area,organizer,participant; bylines=dropped"
    );
    let total: f64 = value(row, "total").parse().unwrap();
    assert!(
        (total - 1.0).abs() < 1e-6,
        "PageRank sums to 1, not {total}"
    );
    let q: f64 = value(row, "q").parse().unwrap();
    assert!(q > 0.3 && q < 1.0, "modularity {q}");
}

#[test]
fn analysing_again_gives_the_same_statements_and_no_timestamps() {
    let store = analyzed();
    let before = analytics_triples(store);
    let copy = tempfile::tempdir().unwrap();
    // Analyse a fresh build of the same corpus: the statements are equal.
    let other = copy.path().join("store");
    let built = run(&[
        "build",
        "--corpus",
        repo().join("corpus").to_str().unwrap(),
        "--store",
        other.to_str().unwrap(),
    ]);
    assert!(built.status.success(), "{}", stderr(&built));
    let out = run(&["analyze", "--store", other.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let after = analytics_triples(&other);
    assert_eq!(before.len(), after.len());
    assert!(before == after, "analytics differ between two builds");
    assert!(!before.iter().any(|t| t.contains("dateTime")));
    // Twice on the same store: still the same, and other graphs untouched.
    let quads = count(
        &other,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    );
    let out = run(&["analyze", "--store", other.to_str().unwrap(), "--dry-run"]);
    assert!(stdout(&out).contains("not stored"));
    let out = run(&["analyze", "--store", other.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(analytics_triples(&other), after);
    assert_eq!(
        count(
            &other,
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        ),
        quads
    );
}

#[test]
fn the_report_shows_the_centre_in_chinese_with_times() {
    let store = analyzed();
    let out = run(&[
        "analyze",
        "--store",
        store.to_str().unwrap(),
        "--dry-run",
        "--top",
        "3",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for needle in [
        "top 3 by PageRank",
        "top 3 by betweenness",
        "largest communities",
        "沈阳市",
        "times        project",
        "betweenness  exact",
    ] {
        assert!(text.contains(needle), "{needle} missing in:\n{text}");
    }
    // The first row of the PageRank table is the largest score: a city, the
    // hub its areas, organizations and posts connect to, named in Chinese.
    let first = text
        .lines()
        .skip_while(|l| !l.starts_with("top 3 by PageRank"))
        .nth(3)
        .unwrap();
    assert!(
        first.starts_with("1 ") && first.contains("市 ") && first.contains("City"),
        "{first}"
    );
}

#[test]
fn analysing_a_filtered_graph_records_the_filter() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let built = run(&[
        "build",
        "--corpus",
        repo().join("corpus").to_str().unwrap(),
        "--store",
        store.to_str().unwrap(),
    ]);
    assert!(built.status.success());
    let out = run(&[
        "analyze",
        "--store",
        store.to_str().unwrap(),
        "--class",
        "Person",
        "--class",
        "AdministrativeArea",
        "--edges",
        "appointment,located-in",
        "--exact-limit",
        "10",
        "--samples",
        "20",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("sampled from 20 source nodes (seed 42)"));
    let rows = select(
        &store,
        &[&format!(
            "SELECT ?p ?s WHERE {{ <{ANALYTICS}> ck:projection ?p ; ck:betweennessSamples ?s }}"
        )],
    );
    assert_eq!(
        value(&rows[0], "p"),
        "class=AdministrativeArea,Person; edges=appointment,locatedIn; bylines=dropped"
    );
    assert_eq!(value(&rows[0], "s"), "20");
    let scored = count(
        &store,
        &format!("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH <{ANALYTICS}> {{ ?e ck:pageRank ?v }} }}"),
    );
    let wanted = count(
        &store,
        &format!("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ {{ ?e a ck:Person }} UNION {{ ?e a/rdfs:subClassOf ck:AdministrativeArea }} {NOT_BYLINE_ONLY} }}"),
    );
    assert_eq!(scored, wanted);
    let bad = run(&[
        "analyze",
        "--store",
        store.to_str().unwrap(),
        "--class",
        "Dragon",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("unknown class \"Dragon\""),
        "{}",
        stderr(&bad)
    );
    let bad = run(&[
        "analyze",
        "--store",
        store.to_str().unwrap(),
        "--damping",
        "1.5",
    ]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn paths_between_people_and_organizations_name_their_articles() {
    let store = analyzed();
    let s = store.to_str().unwrap();
    let out = run(&["path", "--store", s, "王光宇", "东北大学"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("王光宇 (Person) → 东北大学 (Organization): 1 hop"),
        "{text}"
    );
    assert!(
        text.contains("coMention  [002_b8fe7f306ebfd69b.txt]"),
        "{text}"
    );
    // Along posts and containment only, the two are not connected.
    let out = run(&[
        "path",
        "--store",
        s,
        "王光宇",
        "东北大学",
        "--edges",
        "appointment,located-in",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("no connection"));
    // 王光宇 to 沈阳市 by posts and containment: up the area chain.
    let out = run(&[
        "path",
        "--store",
        s,
        "王光宇",
        "沈阳市",
        "--edges",
        "appointment,located-in",
    ]);
    let text = stdout(&out);
    assert!(
        text.contains("王光宇 — 松泉社区 — 万莲街道 — 沈河区 — 沈阳市"),
        "{text}"
    );
    assert!(text.contains("→ appointment 第一书记"), "{text}");
    let out = run(&["path", "--store", s, "王光宇", "无此人"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no entity named \"无此人\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn neighbors_by_depth() {
    let store = analyzed();
    let out = run(&[
        "neighbors",
        "--store",
        store.to_str().unwrap(),
        "松泉社区",
        "--depth",
        "2",
        "--edges",
        "appointment,located-in",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with(['1', '2'])).collect();
    assert!(
        rows.iter()
            .any(|r| r.starts_with("1") && r.contains("王光宇")),
        "{text}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("1") && r.contains("万莲街道")),
        "{text}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("2") && r.contains("沈河区")),
        "{text}"
    );
    assert!(!text.contains("东北大学"), "co-mentions were excluded");
}

#[test]
fn scores_agree_with_networkx_on_the_exported_graph() {
    let python = python_with_networkx();
    let store = analyzed();
    let dir = tempfile::tempdir().unwrap();
    let graphml = dir.path().join("g.graphml");
    let out = run(&[
        "export",
        "--store",
        store.to_str().unwrap(),
        "--format",
        "graphml",
        "--out",
        graphml.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("computed for this export"),
        "stored scores are used"
    );
    let rows = select(
        store,
        &[&format!(
            "SELECT ?q ?w WHERE {{ <{ANALYTICS}> ck:modularity ?q ; ck:coMentionWeight ?w }}"
        )],
    );
    let check = Command::new(python)
        .arg(repo().join("tests/py/check_analytics.py"))
        .arg(&graphml)
        .arg(value(&rows[0], "q"))
        .arg(value(&rows[0], "w"))
        .output()
        .expect("python3 runs");
    let report = format!("{}{}", stdout(&check), stderr(&check));
    assert!(check.status.success(), "NetworkX disagrees:\n{report}");
    assert!(report.contains("0 problems"), "{report}");
}

#[test]
fn rankings_follow_governance_ties_not_newsrooms() {
    let store = corpus_store();
    let out = run(&[
        "analyze",
        "--store",
        store.to_str().unwrap(),
        "--top",
        "10",
        "--dry-run",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);
    let line = report
        .lines()
        .find(|l| l.starts_with("communities"))
        .unwrap();
    let number_before = |marker: &str| -> usize {
        let before = line.split(marker).next().unwrap().trim_end();
        before.rsplit(' ').next().unwrap().parse().unwrap()
    };
    let communities = number_before(" (Louvain");
    let one_article = number_before(" mostly one article");
    assert!(3 * one_article < communities, "{line}");
    let byline_only = select(
        store,
        &["SELECT DISTINCT ?l WHERE { ?e a ck:Person ; rdfs:label ?l . ?by ck:author ?e .
             FILTER NOT EXISTS { GRAPH ?g { ?s ck:mentions ?e } FILTER NOT EXISTS { ?g ck:author ?e } } }"],
    );
    let names: Vec<String> = byline_only.iter().map(|r| value(r, "l")).collect();
    assert!(names.contains(&"曲宏".to_owned()), "{names:?}");
    let top: String = report
        .split("top 10 by betweenness")
        .next()
        .unwrap()
        .to_owned();
    for name in &names {
        assert!(!top.contains(name.as_str()), "{name} ranks:\n{top}");
    }
}

#[test]
fn central_people_come_from_the_stored_analysis() {
    let store = analyzed();
    let path = repo().join("queries/central_people.rq");
    let r = select(store, &["--file", path.to_str().unwrap()]);
    assert!(!r.is_empty() && r.len() <= 20, "{r:?}");
    let ranks: Vec<f64> = r
        .iter()
        .map(|row| value(row, "pageRank").parse().unwrap())
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] >= w[1]), "{ranks:?}");
    for row in &r {
        assert!(value(row, "members").parse::<usize>().unwrap() >= 1);
        assert_ne!(value(row, "person"), "曲宏", "a reporter ranks");
    }
}
