//! `cadre-kg export` on the shipped corpus: GraphML, GEXF and Cytoscape.js
//! JSON read back by NetworkX and compared with SPARQL counts on the same
//! store; filters; byte-identical output across builds; the HTML page in
//! headless Chromium with no network.

mod common;
use common::*;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const FORMATS: [&str; 5] = ["graphml", "gexf", "dot", "cytoscape", "html"];
const WANG: &str = "https://w3id.org/cadre-kg/id/person/210100000000/王光宇";
const ARTICLE: &str = "002_b8fe7f306ebfd69b.txt";

/// The corpus store, analysed once per test binary (before any test reads).
fn analyzed() -> &'static Path {
    static DONE: OnceLock<()> = OnceLock::new();
    let store = corpus_store();
    DONE.get_or_init(|| {
        let out = run(&["analyze", "--store", store.to_str().unwrap()]);
        assert!(out.status.success(), "analyze failed: {}", stderr(&out));
    });
    store
}

fn export(store: &Path, format: &str, extra: &[&str], out: &Path) {
    let mut args = vec![
        "export",
        "--store",
        store.to_str().unwrap(),
        "--format",
        format,
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let result = run(&args);
    assert!(
        result.status.success(),
        "export {format} {extra:?}: {}",
        stderr(&result)
    );
}

fn count(store: &Path, query: &str) -> u64 {
    let rows = select(store, &[query]);
    rows[0]["n"].as_str().unwrap().parse().unwrap()
}

fn strings(store: &Path, query: &str, var: &str) -> Vec<String> {
    let mut values: Vec<String> = select(store, &[query])
        .iter()
        .map(|r| r[var].as_str().unwrap().to_owned())
        .collect();
    values.sort();
    values
}

const ENTITY: &str = "{ VALUES ?top { ck:Person ck:Organization ck:Initiative ck:Place }
    ?c rdfs:subClassOf* ?top . ?e a ?c } UNION { ?e a ck:Article . BIND(ck:Article AS ?c) }";

/// What the exports must hold, computed by SPARQL independently of the
/// projection code.
fn expectations(store: &Path) -> Value {
    let nodes = count(
        store,
        &format!("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ {ENTITY} }}"),
    );
    let pairs = |pattern: &str| {
        count(
            store,
            &format!(
                "SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?a ?b WHERE {{ {pattern} }} }}"
            ),
        )
    };
    let by_kind = json!({
        "appointment": pairs("?m a ck:Appointment ; ck:person ?a ; ck:unit ?b"),
        "locatedIn": pairs("GRAPH ?g { ?a ck:locatedIn ?b FILTER NOT EXISTS { ?a a ck:Organization } }"),
        "org-in-area": pairs("GRAPH ?g { ?a ck:locatedIn ?b . ?a a ck:Organization }"),
        "organizer": pairs("?a ck:organizer ?b"),
        "participant": pairs("?a ck:participant ?b"),
        "author": pairs("?a ck:author ?b"),
        "coMention": pairs("GRAPH ?g { ?s1 ck:mentions ?a . ?s2 ck:mentions ?b } FILTER(STR(?a) < STR(?b))"),
    });
    let edges: u64 = by_kind
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    let weight = count(
        store,
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?g ?a ?b WHERE {
           GRAPH ?g { ?s1 ck:mentions ?a . ?s2 ck:mentions ?b } FILTER(STR(?a) < STR(?b)) } }",
    );
    let mut classes = serde_json::Map::new();
    for row in select(
        store,
        &[&format!(
            // A node's class is the least of its classes (北京市 is a
            // City and, in the official chain, a Province).
            "SELECT ?name (COUNT(?e) AS ?n) WHERE {{
               {{ SELECT ?e (MIN(STR(?c)) AS ?least) WHERE {{ {ENTITY} }} GROUP BY ?e }}
               BIND(STRAFTER(?least, \"#\") AS ?name) }} GROUP BY ?name"
        )],
    ) {
        let n: u64 = row["n"].as_str().unwrap().parse().unwrap();
        classes.insert(row["name"].as_str().unwrap().to_owned(), json!(n));
    }
    let articles_of = |iri: &str| {
        count(
            store,
            &format!("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?s ck:mentions <{iri}> }} }}"),
        )
    };
    let city = "https://w3id.org/cadre-kg/id/area/210100000000";
    let unit = strings(
        store,
        &format!("SELECT DISTINCT ?u WHERE {{ ?m ck:person <{WANG}> ; ck:unit ?u ; ck:role/rdfs:label \"第一书记\" }}"),
        "u",
    );
    assert_eq!(unit.len(), 1, "王光宇 is 第一书记 of one unit");
    let appointment_articles = strings(
        store,
        &format!(
            "SELECT DISTINCT ?f WHERE {{ GRAPH ?g {{ ?m ck:person <{WANG}> ; ck:unit <{}> }} ?g ck:sourceFile ?f }}",
            unit[0]
        ),
        "f",
    );
    // A containment the gazetteer supports: its sources are named
    // gazetteer/FILE.
    let gazetteer = select(
        store,
        &["SELECT ?a ?b WHERE { GRAPH ?g { ?a ck:locatedIn ?b }
             FILTER(CONTAINS(STR(?g), \"/id/gazetteer/\")) } ORDER BY ?a ?b LIMIT 1"],
    );
    let mut edge_samples = vec![json!({
        "source": WANG, "target": unit[0], "kind": "appointment", "articles": appointment_articles
    })];
    if let Some(row) = gazetteer.first() {
        let (a, b) = (row["a"].as_str().unwrap(), row["b"].as_str().unwrap());
        let names: Vec<String> = strings(
            store,
            &format!("SELECT ?g WHERE {{ GRAPH ?g {{ <{a}> ck:locatedIn <{b}> }} }}"),
            "g",
        )
        .iter()
        .map(|g| match g.split_once("/id/gazetteer/") {
            Some((_, file)) => format!("gazetteer/{file}"),
            None => strings(
                store,
                &format!("SELECT ?f WHERE {{ <{g}> ck:sourceFile ?f }}"),
                "f",
            )[0]
            .clone(),
        })
        .collect();
        edge_samples
            .push(json!({"source": a, "target": b, "kind": "locatedIn", "articles": names}));
    }
    json!({
        "nodes": nodes,
        "edges": edges,
        "edges_by_kind": by_kind,
        "classes": classes,
        "comention_weight": weight,
        "samples": {
            WANG: {"label": "王光宇", "class": "Person", "articleCount": articles_of(WANG)},
            city: {"label": "沈阳市", "class": "City", "articleCount": articles_of(city)},
        },
        "edge_samples": edge_samples,
    })
}

#[test]
fn networkx_reads_graphml_gexf_and_cytoscape_json_as_sparql_counts_them() {
    let python = python_with_networkx();
    let store = analyzed();
    let dir = tempfile::tempdir().unwrap();
    let file = |ext: &str| dir.path().join(format!("g.{ext}"));
    // Everything SPARQL counts: with the bylines and their articles.
    for format in ["graphml", "gexf", "cytoscape"] {
        export(store, format, &EVERYTHING, &file(format));
    }
    let expect = expectations(store);
    assert!(expect["edges_by_kind"]["appointment"].as_u64().unwrap() > 10);
    std::fs::write(file("json"), expect.to_string()).unwrap();
    let check = Command::new(python)
        .arg(repo().join("tests/py/check_export.py"))
        .args(["--expect", file("json").to_str().unwrap()])
        .args(["--graphml", file("graphml").to_str().unwrap()])
        .args(["--gexf", file("gexf").to_str().unwrap()])
        .args(["--cytoscape", file("cytoscape").to_str().unwrap()])
        .output()
        .expect("python3 runs");
    let report = format!("{}{}", stdout(&check), stderr(&check));
    assert!(
        check.status.success(),
        "exports disagree with SPARQL:\n{report}"
    );
    assert!(report.contains("3 files read, 0 problems"), "{report}");
}

#[test]
fn the_same_corpus_gives_byte_identical_exports() {
    let store = analyzed();
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("store");
    let built = run(&[
        "build",
        "--corpus",
        repo().join("corpus").to_str().unwrap(),
        "--store",
        other.to_str().unwrap(),
    ]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(run(&["analyze", "--store", other.to_str().unwrap()])
        .status
        .success());
    for format in FORMATS {
        let a = dir.path().join(format!("a.{format}"));
        let b = dir.path().join(format!("b.{format}"));
        export(store, format, &[], &a);
        export(&other, format, &[], &b);
        let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
        assert!(a.len() > 10_000, "{format}: {} bytes", a.len());
        assert!(
            a == b,
            "{format} differs between two builds of the same corpus"
        );
    }
}

/// Nodes (IRI → data) and edges of a Cytoscape.js export.
/// Export options that keep every node the filter selects.
const EVERYTHING: [&str; 2] = ["--with-bylines", "--keep-isolated"];

/// `extra` with the options that keep every node.
fn keeping_all<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    extra.iter().copied().chain(EVERYTHING).collect()
}

fn cytoscape(store: &Path, extra: &[&str]) -> (Vec<Value>, Vec<Value>) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.json");
    export(store, "cytoscape", extra, &file);
    let doc: Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    let list = |k: &str| {
        doc["elements"][k]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["data"].clone())
            .collect::<Vec<_>>()
    };
    (list("nodes"), list("edges"))
}

fn ids(nodes: &[Value]) -> Vec<String> {
    let mut ids: Vec<String> = nodes
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

#[test]
fn filters_by_class_area_article_relation_and_top() {
    let store = analyzed();
    let (nodes, edges) = cytoscape(
        store,
        &keeping_all(&["--class", "Person", "--class", "Organization"]),
    );
    let want = strings(
        store,
        "SELECT DISTINCT ?e WHERE { { ?e a ck:Person } UNION { ?e a ck:Organization } }",
        "e",
    );
    assert_eq!(ids(&nodes), want);
    assert!(edges.iter().any(|e| e["kind"] == "appointment"));

    let (nodes, _) = cytoscape(store, &keeping_all(&["--area", "沈阳市"]));
    let want = strings(
        store,
        "SELECT DISTINCT ?e WHERE { { ?e ck:locatedIn* <https://w3id.org/cadre-kg/id/area/210100000000> }
           UNION { ?m ck:person ?e ; ck:unit/ck:locatedIn* <https://w3id.org/cadre-kg/id/area/210100000000> } }",
        "e",
    );
    assert_eq!(ids(&nodes), want);
    assert!(ids(&nodes).contains(&WANG.to_owned()));

    let (nodes, edges) = cytoscape(store, &keeping_all(&["--article", ARTICLE]));
    let mut want = strings(
        store,
        &format!(
            "SELECT DISTINCT ?e WHERE {{ ?g ck:sourceFile \"{ARTICLE}\" . GRAPH ?g {{ ?s ck:mentions ?e }} }}"
        ),
        "e",
    );
    want.push(format!("https://w3id.org/cadre-kg/id/article/{ARTICLE}"));
    want.sort();
    assert_eq!(ids(&nodes), want);
    for e in &edges {
        for a in e["articles"].as_array().unwrap() {
            let a = a.as_str().unwrap();
            assert!(a == ARTICLE || a == "gazetteer", "{e}");
        }
    }

    let (_, edges) = cytoscape(store, &["--edges", "appointment,located-in"]);
    assert!(edges
        .iter()
        .all(|e| e["kind"] == "appointment" || e["kind"] == "locatedIn"));

    let (nodes, _) = cytoscape(store, &["--top", "5"]);
    assert_eq!(nodes.len(), 5);
    let best = strings(
        store,
        "SELECT ?e WHERE { ?e ck:pageRank ?p } ORDER BY DESC(?p) ?e LIMIT 5",
        "e",
    );
    assert_eq!(ids(&nodes), best);
    assert!(nodes.iter().any(|n| n["label"] == "沈阳市"));
}

#[test]
fn a_construct_query_makes_a_custom_subgraph() {
    let store = analyzed();
    let dir = tempfile::tempdir().unwrap();
    let query = dir.path().join("q.rq");
    std::fs::write(
        &query,
        "CONSTRUCT { ?p ck:holdsPostIn ?u . ?c ck:locatedIn ?parent }
         WHERE { { ?m a ck:Appointment ; ck:person ?p ; ck:unit ?u }
                 UNION { ?c ck:locatedIn ?parent } }",
    )
    .unwrap();
    let (nodes, edges) = cytoscape(
        store,
        &["--construct", query.to_str().unwrap(), "--keep-isolated"],
    );
    let posts = count(
        store,
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?p ?u WHERE { ?m ck:person ?p ; ck:unit ?u } }",
    );
    let located = count(
        store,
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE { ?a ck:locatedIn ?b } }",
    );
    let kind = |k: &str| edges.iter().filter(|e| e["kind"] == k).count() as u64;
    assert_eq!(kind("ck:holdsPostIn"), posts);
    assert_eq!(kind("locatedIn"), located);
    // A predicate the store does not hold has no supporting article; one it
    // holds keeps its articles.
    assert!(edges
        .iter()
        .filter(|e| e["kind"] == "ck:holdsPostIn")
        .all(|e| e["articleCount"] == 0));
    assert!(edges
        .iter()
        .filter(|e| e["kind"] == "locatedIn")
        .all(|e| e["articleCount"].as_u64().unwrap() >= 1));
    let wang = nodes
        .iter()
        .find(|n| n["id"] == WANG)
        .expect("王光宇 is in it");
    assert_eq!(wang["label"], "王光宇");
    assert_eq!(wang["class"], "Person");
    std::fs::write(&query, "SELECT ?s WHERE { ?s ?p ?o }").unwrap();
    let out = run(&[
        "export",
        "--store",
        store.to_str().unwrap(),
        "--format",
        "dot",
        "--construct",
        query.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("must be a CONSTRUCT query"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn dot_has_one_statement_per_node_and_edge() {
    let store = analyzed();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.dot");
    export(store, "dot", &["--edges", "appointment,located-in"], &file);
    let text = std::fs::read_to_string(&file).unwrap();
    let (nodes, edges) = cytoscape(store, &["--edges", "appointment,located-in"]);
    let node_lines = text
        .lines()
        .filter(|l| l.starts_with("  \"") && !l.contains(" -> "))
        .count();
    let edge_lines = text.lines().filter(|l| l.contains("\" -> \"")).count();
    assert_eq!(node_lines, nodes.len());
    assert_eq!(edge_lines, edges.len());
    assert!(text.contains("label=\"王光宇\""));
    assert!(text.contains("label=\"第一书记\""));
}

/// Chromium from Debian's `chromium` package, or a clear failure.
fn chromium() -> PathBuf {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Ok(path) = std::env::var("PATH") {
            for dir in std::env::split_paths(&path) {
                let candidate = dir.join(name);
                if candidate.is_file() {
                    return candidate;
                }
            }
        }
    }
    panic!("the HTML test needs Chromium: run scripts/setup.sh (apt-get install chromium)");
}

fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The DOM after the page ran, from headless Chromium with no network.
fn dump_dom(page: &Path, fragment: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}#{fragment}", percent(page.to_str().unwrap()));
    // The DOM goes to a file: a pipe would fill and stall Chromium.
    let dom_file = profile.path().join("dom.html");
    let sink = std::fs::File::create(&dom_file).unwrap();
    let mut child = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--virtual-time-budget=5000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(&url)
        .stdout(sink)
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("chromium runs").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    String::from_utf8_lossy(&std::fs::read(&dom_file).unwrap()).into_owned()
}

fn attribute(dom: &str, element: &str, name: &str) -> String {
    let start = dom
        .find(element)
        .unwrap_or_else(|| panic!("{element} not in the DOM"));
    let tag = &dom[start..start + dom[start..].find('>').unwrap()];
    let key = format!("{name}=\"");
    let at = tag
        .find(&key)
        .unwrap_or_else(|| panic!("{name} not on {tag}"))
        + key.len();
    tag[at..at + tag[at..].find('"').unwrap()].to_owned()
}

#[test]
fn the_html_page_opens_offline_renders_the_corpus_and_finds_a_person() {
    let store = analyzed();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("graph view.html");
    export(store, "html", &EVERYTHING, &page);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        !html.contains("<script src") && !html.contains("<link "),
        "self-contained"
    );
    let dom = dump_dom(&page, &format!("search={}", percent("王光宇")));
    let expect = expectations(store);
    let status = "<div id=\"status\"";
    assert_eq!(
        attribute(&dom, status, "data-ready"),
        "1",
        "the page script ran"
    );
    assert_eq!(
        attribute(&dom, status, "data-nodes"),
        expect["nodes"].to_string()
    );
    assert_eq!(
        attribute(&dom, status, "data-edges"),
        expect["edges"].to_string()
    );
    assert_eq!(
        attribute(&dom, status, "data-resources"),
        "0",
        "nothing fetched"
    );
    let onscreen: usize = attribute(&dom, status, "data-onscreen").parse().unwrap();
    assert!(onscreen > 0, "nodes are drawn in the viewport");
    assert_eq!(attribute(&dom, "<ol id=\"hits\"", "data-count"), "1");
    assert!(
        dom.contains(&format!("<li data-id=\"{WANG}\">王光宇")),
        "the search found 王光宇"
    );
    assert_eq!(attribute(&dom, "<div id=\"details\"", "data-node"), WANG);
    let details = &dom[dom.find("<div id=\"details\"").unwrap()..];
    for fact in ["任职 第一书记 @ 松泉社区", ARTICLE, "来源文章"] {
        assert!(details.contains(fact), "{fact} not in the details panel");
    }
}

#[test]
fn a_filtered_export_scores_its_own_graph_and_drops_loose_nodes() {
    let store = analyzed();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.json");
    let args = [
        "export",
        "--store",
        store.to_str().unwrap(),
        "--format",
        "cytoscape",
        "--edges",
        "appointment,located-in",
        "--out",
        file.to_str().unwrap(),
    ];
    let out = run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("scores computed for the exported graph"),
        "{}",
        stderr(&out)
    );
    let doc: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let nodes = doc["elements"]["nodes"].as_array().unwrap();
    let edges = doc["elements"]["edges"].as_array().unwrap();
    let mut neighbours: std::collections::HashMap<&str, std::collections::BTreeSet<&str>> =
        Default::default();
    for e in edges {
        let (a, b) = (
            e["data"]["source"].as_str().unwrap(),
            e["data"]["target"].as_str().unwrap(),
        );
        neighbours.entry(a).or_default().insert(b);
        neighbours.entry(b).or_default().insert(a);
    }
    for n in nodes {
        let id = n["data"]["id"].as_str().unwrap();
        let degree = neighbours.get(id).map_or(0, |s| s.len());
        assert!(degree > 0, "{id} has no edge in the export");
        assert_eq!(n["data"]["degree"].as_u64(), Some(degree as u64), "{id}");
    }
    let shenyang = nodes
        .iter()
        .find(|n| n["data"]["label"] == "沈阳市")
        .expect("沈阳市");
    assert!(
        shenyang["data"]["degree"].as_u64().unwrap() < 40,
        "{shenyang}"
    );
    let kept = run(&args
        .iter()
        .copied()
        .chain(["--keep-isolated"])
        .collect::<Vec<_>>());
    assert!(kept.status.success());
    let all: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert!(all["elements"]["nodes"].as_array().unwrap().len() > nodes.len());
}
