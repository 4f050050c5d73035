//! `cadre-kg serve` as analysts' tools meet it: the real server on a free
//! loopback port, queried with curl, Python's SPARQLWrapper and rdflib's
//! SPARQLStore, and headless Chromium on its page; answers compared with
//! the CLI's. Limits (403, 503, a cut connection) and a rebuild while
//! serving.

mod common;
use common::{build, corpus_store, repo, run, stderr, stdout};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A running server, stopped on drop.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(store: &Path, extra: &[&str]) -> Server {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free loopback port")
            .port();
        let child = Command::new(common::bin())
            .args(["serve", "--store", store.to_str().unwrap()])
            .arg("--bind")
            .arg(format!("127.0.0.1:{port}"))
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let server = Server { child, port };
        let started = Instant::now();
        while curl(&server.url("/health"), &[]).0 != 200 {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the server did not answer in 30 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs curl with `args` on `url`: status (0 when no answer), headers, body.
fn curl(url: &str, args: &[&str]) -> (u16, String, String) {
    let out = curl_output(url, args);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_ascii_lowercase(), body.to_owned())
}

fn curl_output(url: &str, args: &[&str]) -> Output {
    Command::new("curl")
        .args(["-s", "-i", "--max-time", "60"])
        .args(args)
        .arg(url)
        .output()
        .expect("curl runs")
}

/// POSTs `query` as `application/sparql-query` with an `Accept` header.
fn post_query(server: &Server, query: &str, accept: &str) -> (u16, String, String) {
    curl(
        &server.url("/query"),
        &[
            "-H",
            "Content-Type: application/sparql-query",
            "-H",
            &format!("Accept: {accept}"),
            "--data-binary",
            query,
        ],
    )
}

fn cli_query(store: &Path, query: &str, format: &str) -> String {
    let out = run(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "--format",
        format,
        query,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn rq(name: &str) -> String {
    std::fs::read_to_string(repo().join("queries").join(name)).unwrap()
}

const CONSTRUCT: &str = "CONSTRUCT { ?c ck:locatedIn ?p } WHERE { ?c ck:locatedIn ?p }";

/// Three quads of every article graph crossed: far more rows than any
/// deadline in these tests lets through.
const RUNAWAY: &str =
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z } }";

#[test]
fn every_accept_type_gets_the_cli_answer() {
    let store = corpus_store();
    let server = Server::start(store, &[]);
    for name in ["people_per_province.rq", "area_tree.rq"] {
        let query = rq(name);
        for (accept, format, media) in [
            ("text/csv", "csv", "text/csv"),
            (
                "text/tab-separated-values",
                "tsv",
                "text/tab-separated-values",
            ),
            (
                "application/sparql-results+json",
                "json",
                "application/sparql-results+json",
            ),
            (
                "application/sparql-results+xml",
                "xml",
                "application/sparql-results+xml",
            ),
        ] {
            let (status, head, body) = post_query(&server, &query, accept);
            assert_eq!(status, 200, "{name} {accept}: {body}");
            assert!(head.contains(&format!("content-type: {media}")), "{head}");
            assert!(head.contains("access-control-allow-origin: *"), "{head}");
            assert_eq!(body, cli_query(store, &query, format), "{name} as {accept}");
        }
    }
    // GET and form POST with q-values; parameters the protocol does not
    // define are ignored.
    let query = rq("people_per_province.rq");
    let csv = cli_query(store, &query, "csv");
    let (status, _, body) = curl(
        &server.url("/sparql"),
        &[
            "-G",
            "--data-urlencode",
            &format!("query={query}"),
            "--data-urlencode",
            "output=json",
            "-H",
            "Accept: application/json;q=0.5, text/csv",
        ],
    );
    assert_eq!((status, body.as_str()), (200, csv.as_str()));
    let (status, _, body) = curl(
        &server.url("/query"),
        &[
            "--data-urlencode",
            &format!("query={query}"),
            "-H",
            "Accept: text/csv",
        ],
    );
    assert_eq!((status, body.as_str()), (200, csv.as_str()));
    // Graph results in each RDF format; the CLI's Turtle and N-Triples.
    assert_eq!(
        post_query(&server, CONSTRUCT, "text/turtle").2,
        cli_query(store, CONSTRUCT, "turtle")
    );
    assert_eq!(
        post_query(&server, CONSTRUCT, "application/n-triples").2,
        cli_query(store, CONSTRUCT, "ntriples")
    );
    for media in [
        "application/n-quads",
        "application/ld+json",
        "application/rdf+xml",
    ] {
        let (status, head, body) = post_query(&server, CONSTRUCT, media);
        assert_eq!(status, 200, "{media}: {body}");
        assert!(head.contains(&format!("content-type: {media}")), "{head}");
        assert!(body.contains("locatedIn"), "{media}: {body}");
    }
    // Nothing acceptable; a malformed query; the service description.
    assert_eq!(post_query(&server, &query, "image/png").0, 406);
    assert_eq!(post_query(&server, CONSTRUCT, "text/csv").0, 406);
    assert_eq!(post_query(&server, "SELEC ?x", "text/csv").0, 400);
    let (status, head, body) = curl(&server.url("/query"), &[]);
    assert_eq!(status, 200);
    assert!(head.contains("text/turtle"), "{head}");
    assert!(body.contains("sparql-service-description"), "{body}");
    // A dataset named by the protocol replaces the set default graph.
    let (_, _, body) = curl(
        &server.url("/query"),
        &[
            "-G",
            "--data-urlencode",
            "query=SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
            "--data-urlencode",
            "default-graph-uri=https://w3id.org/cadre-kg/id/graph/none",
            "-H",
            "Accept: text/csv",
        ],
    );
    assert_eq!(body.replace('\r', ""), "n\n0\n");
    // CORS preflight.
    let (status, head, _) = curl(&server.url("/query"), &["-X", "OPTIONS"]);
    assert_eq!(status, 204);
    assert!(
        head.contains("access-control-allow-headers: accept, content-type"),
        "{head}"
    );
}

#[test]
fn python_clients_get_the_cli_answers() {
    let store = corpus_store();
    let server = Server::start(store, &[]);
    let dir = tempfile::tempdir().unwrap();
    let (select, construct) = (dir.path().join("q.rq"), dir.path().join("c.rq"));
    let query = rq("people_per_province.rq");
    std::fs::write(&select, &query).unwrap();
    // rdflib parses RDF/XML back into a graph: declare the prefix it needs.
    let construct_text = format!("PREFIX ck: <https://w3id.org/cadre-kg/ontology#>\n{CONSTRUCT}");
    std::fs::write(&construct, &construct_text).unwrap();
    let out = Command::new("python3")
        .arg(repo().join("tests/py/check_serve.py"))
        .arg(server.url("/query"))
        .args([&select, &construct])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "the Python clients failed (scripts/setup.sh installs SPARQLWrapper and rdflib): {}",
        stderr(&out)
    );
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cli: Vec<Vec<String>> = cli_query(store, &query, "tsv")
        .lines()
        .skip(1)
        .map(|l| {
            l.split('\t')
                .map(|cell| {
                    let cell = cell.trim_matches('"');
                    cell.split("\"^^")
                        .next()
                        .unwrap_or(cell)
                        .trim_matches('"')
                        .to_owned()
                })
                .collect()
        })
        .collect();
    assert!(!cli.is_empty());
    for client in ["wrapper_json", "wrapper_xml", "store_rows"] {
        let rows: Vec<Vec<String>> = serde_json::from_value(got[client].clone()).unwrap();
        assert_eq!(rows, cli, "{client}");
    }
    let triples = got["store_triples"].as_array().unwrap().len();
    let cli_triples = cli_query(store, CONSTRUCT, "ntriples").lines().count();
    assert_eq!(triples, cli_triples);
}

#[test]
fn updates_are_refused_and_limits_hold() {
    let store = corpus_store();
    let server = Server::start(store, &["--timeout", "1", "--max-concurrent", "1"]);
    for args in [
        vec![
            "-H",
            "Content-Type: application/sparql-update",
            "--data-binary",
            "CLEAR ALL",
        ],
        vec![
            "--data-urlencode",
            "update=INSERT DATA { <http://e/s> <http://e/p> 1 }",
        ],
    ] {
        let (status, _, body) = curl(&server.url("/update"), &args);
        assert_eq!(status, 403, "{body}");
    }
    assert_eq!(
        curl(&server.url("/store"), &["-X", "PUT", "-d", "x"]).0,
        403
    );
    // A runaway query is stopped at its deadline with 503, the next one
    // meanwhile waits for nobody: it is refused at once with Retry-After.
    let url = server.url("/query");
    let runaway = std::thread::spawn(move || {
        let started = Instant::now();
        let answer = curl(&url, &["--data-urlencode", &format!("query={RUNAWAY}")]);
        (answer, started.elapsed())
    });
    std::thread::sleep(Duration::from_millis(300));
    let (status, head, _) = post_query(&server, "ASK {}", "text/csv");
    assert_eq!(status, 503);
    assert!(head.contains("retry-after: 1"), "{head}");
    let ((status, _, body), took) = runaway.join().unwrap();
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("longer than 1 s"), "{body}");
    assert!(took < Duration::from_secs(5), "stopped after {took:?}");
    // A query that fails after its rows started streaming: the connection
    // is cut, so no client takes the body for complete.
    let streaming = "SELECT * WHERE { GRAPH ?g { ?a ?p ?x . ?b ?q ?y } }";
    let started = Instant::now();
    let out = curl_output(
        &server.url("/query"),
        &[
            "-H",
            "Accept: text/tab-separated-values",
            "--data-urlencode",
            &format!("query={streaming}"),
            "-o",
            "/dev/null",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(18),
        "curl: partial transfer expected"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    // The server is still up.
    assert_eq!(post_query(&server, "ASK {}", "text/csv").0, 200);
}

#[test]
fn a_rebuild_while_serving_loses_no_request() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, store) = (dir.path().join("corpus"), dir.path().join("store"));
    std::fs::create_dir(&corpus).unwrap();
    let mut articles: Vec<PathBuf> = std::fs::read_dir(repo().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    articles.sort();
    let copy = |paths: &[PathBuf]| {
        for p in paths {
            std::fs::copy(p, corpus.join(p.file_name().unwrap())).unwrap();
        }
    };
    copy(&articles[..10]);
    assert!(build(&corpus, &store, &[]).status.success());
    let server = Server::start(&store, &[]);
    let health = |s: &Server| -> serde_json::Value {
        serde_json::from_str(&curl(&s.url("/health"), &[]).2).unwrap()
    };
    assert_eq!(health(&server)["articles"], 10);
    let old = health(&server)["generation"].as_str().unwrap().to_owned();
    // Clients query without pause while the rebuild runs.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let clients: Vec<_> = (0..3)
        .map(|_| {
            let (url, stop) = (server.url("/query"), stop.clone());
            std::thread::spawn(move || {
                let mut answers = Vec::new();
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a ck:Article }";
                    let (status, _, body) = curl(
                        &url,
                        &[
                            "--data-urlencode",
                            &format!("query={query}"),
                            "-H",
                            "Accept: text/csv",
                        ],
                    );
                    answers.push((status, body));
                }
                answers
            })
        })
        .collect();
    copy(&articles[10..]);
    let report = dir.path().join("report.json");
    let out = build(&corpus, &store, &["--report", report.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    std::thread::sleep(Duration::from_millis(500));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let answers: Vec<(u16, String)> = clients
        .into_iter()
        .flat_map(|c| c.join().unwrap())
        .collect();
    assert!(answers.len() > 3);
    for (status, body) in &answers {
        assert_eq!(*status, 200, "{body}");
        let n = body.replace('\r', "");
        assert!(
            n == "n\n10\n" || n == format!("n\n{}\n", articles.len()),
            "{n}"
        );
    }
    // The build kept the generation the server read, and said so.
    let kept = &common::report(&report)["kept_generations"];
    assert_eq!(kept, &serde_json::json!([old]));
    assert!(stdout(&out).contains(&format!("kept       {old}")));
    assert!(store.join(&old).is_dir());
    // New queries read the new generation.
    let now = health(&server);
    assert_eq!(now["articles"], articles.len());
    assert_ne!(now["generation"], old.as_str());
    // Once the server let go of it, the next build removes the old one.
    let out = build(&corpus, &store, &["--full"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!store.join(&old).exists());
}

#[test]
fn the_page_runs_a_typed_query_in_chromium_without_other_hosts() {
    let store = corpus_store();
    let server = Server::start(store, &[]);
    let query = "SELECT ?label WHERE { ?p a ck:Province ; rdfs:label ?label } ORDER BY ?label";
    let out = Command::new("python3")
        .arg(repo().join("tests/py/check_page.py"))
        .arg(chromium())
        .arg(server.url("/"))
        .arg(query)
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let questions = std::fs::read_dir(repo().join("queries")).unwrap().count();
    assert_eq!(got["questions"], questions);
    let rows: Vec<Vec<String>> = serde_json::from_value(got["rows"].clone()).unwrap();
    let cli: Vec<Vec<String>> = cli_query(store, query, "csv")
        .lines()
        .skip(1)
        .map(|l| vec![l.trim_end_matches('\r').to_owned()])
        .collect();
    assert!(!cli.is_empty());
    assert!(cli
        .iter()
        .all(|r| r[0].chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))));
    assert_eq!(rows, cli);
    assert!(
        got["elsewhere"].as_str().unwrap().starts_with("failed"),
        "{got}"
    );
}

/// Chromium from Debian's `chromium` package (scripts/setup.sh).
fn chromium() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|n| dir.join(n)))
        .find(|p| p.is_file())
        .expect("the page test needs Chromium: run scripts/setup.sh")
}

/// What a W3C protocol test expects back.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    /// 2xx with this ASK answer.
    Boolean(bool),
    /// 2xx in a results format (JSON, XML, CSV, TSV).
    Tabular,
    /// 2xx in an RDF format (Turtle, N-Triples, RDF/XML).
    Rdf,
    /// Any 4xx.
    ClientError,
    /// 403: an update to a read-only endpoint.
    Forbidden,
}

/// A request of the W3C SPARQL 1.1 Protocol tests (w3c/rdf-tests,
/// `sparql/sparql11/protocol/manifest.ttl`), restated here, with what it
/// must get back.
struct Case {
    name: &'static str,
    method: &'static str,
    query_string: String,
    content_type: Option<&'static str>,
    body: Vec<u8>,
    expect: Expect,
}

const KASEI: &str = "http://kasei.us/2009/09/sparql/data/";

fn encoded(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn protocol_cases() -> Vec<Case> {
    let data = |n: u8| format!("{KASEI}data{n}.rdf");
    let graph = |param: &str, n: u8| format!("{param}={}", encoded(&data(n)));
    let query = |q: &str| format!("query={}", encoded(q));
    let two_types = format!("ASK {{ <{}> a ?type . <{}> a ?type . }}", data(1), data(2));
    let two_graphs = format!(
        "ASK {{ GRAPH ?g1 {{ <{}> a ?type }} GRAPH ?g2 {{ <{}> a ?type }} }}",
        data(1),
        data(2)
    );
    let full = format!(
        "ASK {{ <{}> a ?type GRAPH ?g1 {{ <{}> a ?type }} GRAPH ?g2 {{ <{}> a ?type }} }}",
        data(3),
        data(1),
        data(2)
    );
    let from3 = format!(
        "ASK FROM <{}> {{ GRAPH ?g1 {{ <{}> a ?type }} GRAPH ?g2 {{ <{}> a ?type }} }}",
        data(3),
        data(1),
        data(2)
    );
    let named12 = format!(
        "{}&{}",
        graph("named-graph-uri", 1),
        graph("named-graph-uri", 2)
    );
    let d0 = graph("default-graph-uri", 0);
    let case = |name, method, query_string: String, content_type, body: &str, expect| Case {
        name,
        method,
        query_string,
        content_type,
        body: body.as_bytes().to_vec(),
        expect,
    };
    let form = Some("application/x-www-form-urlencoded");
    let direct = Some("application/sparql-query");
    let update = Some("application/sparql-update");
    let utf16: Vec<u8> = "ASK {}".encode_utf16().flat_map(u16::to_le_bytes).collect();
    vec![
        case("query_post_form", "POST", d0.clone(), form, "query=ASK%20%7B%7D", Expect::Boolean(true)),
        case("query_dataset_default_graphs_get", "GET", format!("{}&{}&{}", query(&two_types), graph("default-graph-uri", 1), graph("default-graph-uri", 2)), None, "", Expect::Boolean(true)),
        case("query_dataset_default_graphs_post", "POST", format!("{}&{}", graph("default-graph-uri", 1), graph("default-graph-uri", 2)), direct, &two_types, Expect::Boolean(true)),
        case("query_dataset_named_graphs_post", "POST", named12.clone(), direct, &two_graphs, Expect::Boolean(true)),
        case("query_dataset_named_graphs_get", "GET", format!("{}&{named12}", query(&two_graphs)), None, "", Expect::Boolean(true)),
        case("query_dataset_full", "POST", format!("{}&{named12}", graph("default-graph-uri", 3)), direct, &full, Expect::Boolean(true)),
        case("query_multiple_dataset", "POST", named12.clone(), direct, &from3, Expect::Boolean(true)),
        case("query_get", "GET", format!("{}&{d0}", query("ASK {}")), None, "", Expect::Boolean(true)),
        case("query_content_type_select", "POST", d0.clone(), direct, "SELECT (1 AS ?value) {}", Expect::Tabular),
        case("query_content_type_ask", "POST", d0.clone(), direct, "ASK {}", Expect::Boolean(true)),
        case("query_content_type_describe", "POST", d0.clone(), direct, "DESCRIBE <http://example.org/>", Expect::Rdf),
        case("query_content_type_construct", "POST", d0.clone(), direct, "CONSTRUCT { <s> <p> 1 } WHERE {}", Expect::Rdf),
        case("query_post_direct", "POST", String::new(), direct, "ASK {}", Expect::Boolean(true)),
        case("bad_query_method", "PUT", format!("{}&{d0}", query("ASK {}")), form, "", Expect::ClientError),
        case("bad_multiple_queries", "GET", format!("{}&{}", query("ASK {}"), query("SELECT * {}")), None, "", Expect::ClientError),
        case("bad_query_wrong_media_type", "POST", String::new(), Some("text/plain"), "ASK {}", Expect::ClientError),
        case("bad_query_missing_form_type", "POST", String::new(), None, "query=ASK%20%7B%7D", Expect::ClientError),
        case("bad_query_missing_direct_type", "POST", String::new(), None, "ASK {}", Expect::ClientError),
        Case { body: utf16, ..case("bad_query_non_utf8", "POST", String::new(), Some("application/sparql-query; charset=UTF-16"), "", Expect::ClientError) },
        case("bad_query_syntax", "GET", query("ASK {"), None, "", Expect::ClientError),
        // Updates: refused by a read-only endpoint.
        case("update_dataset_default_graph", "POST", graph("using-graph-uri", 1), update, "CLEAR ALL", Expect::Forbidden),
        case("update_dataset_default_graphs", "POST", format!("{}&{}", graph("using-graph-uri", 1), graph("using-graph-uri", 2)), update, "DROP ALL", Expect::Forbidden),
        case("update_dataset_named_graphs", "POST", format!("{}&{}", graph("using-named-graph-uri", 1), graph("using-named-graph-uri", 2)), update, "DROP ALL", Expect::Forbidden),
        case("update_dataset_full", "POST", format!("{}&{}", graph("using-graph-uri", 1), graph("using-named-graph-uri", 2)), update, "DROP ALL", Expect::Forbidden),
        case("update_post_form", "POST", String::new(), form, "update=CLEAR+ALL", Expect::Forbidden),
        case("update_post_direct", "POST", String::new(), update, "CLEAR ALL", Expect::Forbidden),
        case("update_base_uri", "POST", String::new(), update, "CLEAR SILENT GRAPH <http://example.org/protocol-base-test/>", Expect::Forbidden),
        case("bad_update_get", "GET", "update=CLEAR%20ALL".into(), None, "", Expect::ClientError),
        case("bad_multiple_updates", "POST", String::new(), form, "update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", Expect::ClientError),
        case("bad_update_wrong_media_type", "POST", String::new(), Some("text/plain"), "CLEAR NAMED", Expect::ClientError),
        case("bad_update_missing_form_type", "POST", String::new(), None, "update=CLEAR%20NAMED", Expect::ClientError),
        case("bad_update_non_utf8", "POST", String::new(), Some("application/sparql-update; charset=UTF-16"), "CLEAR NAMED", Expect::ClientError),
        case("bad_update_syntax", "POST", String::new(), form, "update=CLEAR%20XYZ", Expect::ClientError),
        case("bad_update_dataset_conflict", "POST", "using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople".into(), update, "WITH <http://example/addresses> DELETE { ?p ?q 'Bill' } INSERT { ?p ?q 'William' } WHERE { ?p ?q 'Bill' }", Expect::ClientError),
    ]
}

/// Sends a protocol case; `None` when the answer is what the test expects,
/// else what came back.
fn send_case(server: &Server, case: &Case, dir: &Path) -> Option<String> {
    let body = dir.join(format!("{}.body", case.name));
    std::fs::write(&body, &case.body).unwrap();
    let mut args = vec!["-X".to_owned(), case.method.to_owned()];
    // No type unless the case gives one (curl would add a form's).
    let content_type = match case.content_type {
        Some(t) => format!("Content-Type: {t}"),
        None => "Content-Type:".to_owned(),
    };
    args.extend(["-H".to_owned(), content_type]);
    if !case.body.is_empty() {
        args.extend(["--data-binary".to_owned(), format!("@{}", body.display())]);
    }
    let url = server.url(&format!("/sparql?{}", case.query_string));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (status, head, text) = curl(&url, &args);
    let media = |kinds: &[&str]| {
        kinds
            .iter()
            .any(|k| head.contains(&format!("content-type: {k}")))
    };
    let ok = match case.expect {
        Expect::Boolean(b) => {
            status / 100 == 2
                && serde_json::from_str::<serde_json::Value>(&text).is_ok_and(|v| v["boolean"] == b)
        }
        Expect::Tabular => {
            status / 100 == 2
                && media(&[
                    "application/sparql-results+json",
                    "application/sparql-results+xml",
                    "text/csv",
                    "text/tab-separated-values",
                ])
        }
        Expect::Rdf => {
            status / 100 == 2
                && media(&[
                    "text/turtle",
                    "application/n-triples",
                    "application/rdf+xml",
                ])
        }
        Expect::ClientError => status / 100 == 4,
        Expect::Forbidden => status == 403,
    };
    (!ok).then(|| format!("{status} {text}"))
}

#[test]
fn the_w3c_protocol_tests_pass() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, store) = (dir.path().join("corpus"), dir.path().join("store"));
    std::fs::create_dir(&corpus).unwrap();
    let article = std::fs::read_dir(repo().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .unwrap();
    std::fs::copy(&article, corpus.join(article.file_name().unwrap())).unwrap();
    assert!(build(&corpus, &store, &[]).status.success());
    // The tests' data, loaded through an endpoint that allows updates.
    {
        let writer = Server::start(&store, &["--allow-update"]);
        let inserts: String = (1..=3)
            .map(|n| format!("GRAPH <{KASEI}data{n}.rdf> {{ <{KASEI}data{n}.rdf> a <http://xmlns.com/foaf/0.1/Document> }} "))
            .collect();
        let (status, _, body) = curl(
            &writer.url("/update"),
            &[
                "-H",
                "Content-Type: application/sparql-update",
                "--data-binary",
                &format!("INSERT DATA {{ {inserts} }}"),
            ],
        );
        assert_eq!(status, 204, "{body}");
        let (status, _, _) = curl(
            &writer.url("/update"),
            &["--data-urlencode", "update=LOAD <http://example.com/x.ttl>"],
        );
        assert_eq!(status, 403, "LOAD is refused even with --allow-update");
    }
    let server = Server::start(&store, &[]);
    let mut failed = Vec::new();
    let cases = protocol_cases();
    for case in &cases {
        match send_case(&server, case, dir.path()) {
            None => eprintln!("pass  {}", case.name),
            Some(got) => {
                eprintln!("FAIL  {}: {got}", case.name);
                failed.push(case.name);
            }
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} failed: {failed:?}",
        failed.len(),
        cases.len()
    );
}
