//! Rebuilds an operator can leave running: incremental equals full, kills
//! leave the old store, one writer at a time, shards assemble the same
//! store, and the number of threads changes nothing.

mod common;
use common::*;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A copy of the shipped corpus, `copies` times over with distinct names.
fn corpus_copy(dir: &Path, copies: usize) -> PathBuf {
    let corpus = dir.join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    for entry in fs::read_dir(repo().join("corpus")).unwrap() {
        let path = entry.unwrap().path();
        for c in 0..copies {
            let name = format!("c{c}_{}", path.file_name().unwrap().to_string_lossy());
            fs::copy(&path, corpus.join(name)).unwrap();
        }
    }
    corpus
}

fn dump(store: &Path) -> String {
    let out = run(&["dump", "--store", store.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn articles(store: &Path) -> usize {
    let rows = select(
        store,
        &["SELECT (COUNT(?a) AS ?n) WHERE { ?a a ck:Article }"],
    );
    value(&rows[0], "n").parse().unwrap()
}

/// The facts graph must hold exactly the distinct entity statements of the
/// source graphs (articles and gazetteer): none lost, none left behind by a
/// dropped article.
fn assert_facts_graph_is_derived(store: &Path) {
    let triples = |query: &str| -> std::collections::BTreeSet<String> {
        select(store, &[query])
            .iter()
            .map(|r| format!("{} {} {}", value(r, "s"), value(r, "p"), value(r, "o")))
            .collect()
    };
    let facts = triples("SELECT ?s ?p ?o WHERE { GRAPH id:graph\\/facts { ?s ?p ?o } }");
    let stated = triples(
        "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o }
           FILTER((?g = id:graph\\/gazetteer || STRSTARTS(STR(?g), STR(id:article\\/)))
                  && !STRSTARTS(STR(?s), STR(?g)) && ?p != ck:evidence) }",
    );
    assert!(facts.len() > 100, "{}", facts.len());
    assert_eq!(facts, stated);
}

#[test]
fn an_incremental_build_equals_a_full_one() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(dir.path(), 1);
    let store = dir.path().join("store");
    assert!(build(&corpus, &store, &[]).status.success());
    let changed = corpus.join("c0_000_783e6b4ab8639c7e.txt");
    let mut text = fs::read_to_string(&changed).unwrap();
    text.push_str("\n本报记者 曲宏\n");
    fs::write(&changed, text).unwrap();
    fs::remove_file(corpus.join("c0_p044_f9a2109b2699.txt")).unwrap();
    fs::copy(
        repo().join("corpus/p017_3c2892d43e69.txt"),
        corpus.join("new.txt"),
    )
    .unwrap();
    let json = dir.path().join("report.json");
    let out = build(&corpus, &store, &["--report", json.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let r = report(&json);
    assert_eq!(r["mode"], "incremental");
    assert_eq!(
        (
            r["added"].as_u64(),
            r["changed"].as_u64(),
            r["removed"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(r["unchanged"], 18);
    assert!(r["peak_memory_bytes"].as_u64().unwrap() > 0);
    let full = dir.path().join("full");
    let full_json = dir.path().join("full.json");
    assert!(
        build(&corpus, &full, &["--report", full_json.to_str().unwrap()])
            .status
            .success()
    );
    assert_facts_graph_is_derived(&store);
    let quads = dump(&store);
    assert_eq!(quads, dump(&full));
    assert_eq!(
        r["entities_by_class"],
        report(&full_json)["entities_by_class"],
        "updated without a recount"
    );
    assert_eq!(
        r["statements"].as_u64(),
        Some(quads.lines().count() as u64),
        "counted without a scan"
    );
}

#[test]
fn a_new_extractor_rebuilds_everything() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(dir.path(), 1);
    let store = dir.path().join("store");
    assert!(build(&corpus, &store, &[]).status.success());
    let generation = store.join(fs::read_to_string(store.join("CURRENT")).unwrap().trim());
    let manifest = generation.join("manifest.json");
    let text = fs::read_to_string(&manifest).unwrap();
    let old: serde_json::Value = serde_json::from_str(&text).unwrap();
    let edited = text.replace(old["extractor"].as_str().unwrap(), "0.0.0+older");
    fs::write(&manifest, edited).unwrap();
    let json = dir.path().join("report.json");
    assert!(
        build(&corpus, &store, &["--report", json.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(report(&json)["mode"], "full");
    assert_eq!(report(&json)["added"], 20);
}

#[test]
fn dumps_do_not_depend_on_threads_or_runs() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = repo().join("corpus");
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    assert!(build(&corpus, &one, &["--jobs", "1"]).status.success());
    assert!(build(&corpus, &two, &["--jobs", "2"]).status.success());
    let first = dump(&one);
    assert_eq!(first, dump(&two));
    assert!(build(&corpus, &one, &["--full"]).status.success());
    assert_eq!(first, dump(&one));
    assert!(!first.contains("_:"), "no blank nodes");
}

#[test]
fn shards_loaded_together_give_the_single_build() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = repo().join("corpus");
    let mut files = Vec::new();
    for i in 0..3 {
        let out = dir.path().join(format!("shard{i}.nq"));
        let shard = format!("{i}/3");
        let o = run(&[
            "extract",
            "--corpus",
            corpus.to_str().unwrap(),
            "--shard",
            &shard,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        files.push(out);
    }
    let loaded = dir.path().join("loaded");
    let mut args = vec!["load", "--store", loaded.to_str().unwrap()];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let single = dir.path().join("single");
    assert!(build(&corpus, &single, &[]).status.success());
    assert_eq!(dump(&loaded), dump(&single));
    // The loaded store knows its articles: the next build is incremental.
    let json = dir.path().join("r.json");
    assert!(
        build(&corpus, &loaded, &["--report", json.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(report(&json)["unchanged"], 20);
}

/// The shipped corpus laid out as a cluster's would be: in sub-folders,
/// with names that need escaping in a URI, and one empty file (skipped by
/// every path).
fn nested_corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("nested");
    for (i, entry) in fs::read_dir(repo().join("corpus")).unwrap().enumerate() {
        let path = entry.unwrap().path();
        let sub = corpus.join(["a", "b/c d", "区"][i % 3]);
        fs::create_dir_all(&sub).unwrap();
        let name = format!("{i} 号%20{}", path.file_name().unwrap().to_string_lossy());
        fs::copy(&path, sub.join(name)).unwrap();
    }
    fs::write(corpus.join("a/empty.txt"), "\n").unwrap();
    corpus
}

/// The store a single build of `corpus` gives, dumped; and the build's
/// output.
fn single_build(dir: &Path, corpus: &Path) -> String {
    let single = dir.join("single");
    let o = build(corpus, &single, &[]);
    assert!(
        stdout(&o).contains("a/empty.txt: the file is empty"),
        "{}",
        stdout(&o)
    );
    dump(&single)
}

/// Checks that `store` equals `expected` and that the next build on it is
/// incremental with nothing to do.
fn assert_store_equals(store: &Path, corpus: &Path, expected: &str) {
    assert_eq!(dump(store), expected);
    let json = store.with_extension("json");
    build(corpus, store, &["--report", json.to_str().unwrap()]);
    assert_eq!(report(&json)["mode"], "incremental");
    assert_eq!(report(&json)["unchanged"], 20);
}

/// `extract --records` on one process's stdin.
fn extract_records(records: &[String]) -> Output {
    let mut child = Command::new(bin())
        .args(["extract", "--records"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = records.join("\n");
    let feeding = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    feeding.join().unwrap().unwrap();
    out
}

#[test]
fn records_through_two_processes_give_the_single_build() {
    use base64::Engine;
    let dir = tempfile::tempdir().unwrap();
    let corpus = nested_corpus(dir.path());
    let expected = single_build(dir.path(), &corpus);
    let mut files = Vec::new();
    walk(&corpus, &mut files);
    let records: Vec<String> = files
        .iter()
        .map(|f| {
            let name = f.strip_prefix(&corpus).unwrap().to_str().unwrap();
            let bytes = base64::engine::general_purpose::STANDARD.encode(fs::read(f).unwrap());
            serde_json::json!({"name": name, "bytes_b64": bytes}).to_string()
        })
        .collect();
    // Two "partitions", each through its own process.
    let mut shards = Vec::new();
    for (i, part) in records.chunks(records.len() / 2 + 1).enumerate() {
        let o = extract_records(part);
        let skipped = part.iter().any(|r| r.contains("empty.txt"));
        assert_eq!(
            o.status.code(),
            Some(if skipped { 1 } else { 0 }),
            "{}",
            stderr(&o)
        );
        shards.push(dir.path().join(format!("part-{i}")));
        fs::write(shards.last().unwrap(), &o.stdout).unwrap();
    }
    let loaded = dir.path().join("loaded");
    let mut args = vec!["load", "--store", loaded.to_str().unwrap()];
    args.extend(shards.iter().map(|f| f.to_str().unwrap()));
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_store_equals(&loaded, &corpus, &expected);

    let bad = extract_records(&[
        records[0].clone(),
        r#"{"name": "x.txt", "bytes_b64": "%%"}"#.into(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("record 2 (x.txt): bytes_b64 is not base64"),
        "{}",
        stderr(&bad)
    );
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// Python 3 with pyspark and a Java runtime (scripts/setup.sh installs both).
fn python_with_pyspark() -> &'static str {
    let ok = Command::new("python3")
        .args(["-c", "import pyspark"])
        .status()
        .is_ok_and(|s| s.success())
        && Command::new("java")
            .arg("-version")
            .output()
            .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "this test needs python3 with pyspark and Java: run scripts/setup.sh"
    );
    "python3"
}

/// The shipped Spark job, on a real Spark in local mode: the store it
/// assembles is the single build's. (`bench/spark.py` does the same on
/// 1,000 articles and more.)
#[test]
fn the_spark_job_gives_the_single_build() {
    let python = python_with_pyspark();
    let dir = tempfile::tempdir().unwrap();
    let corpus = nested_corpus(dir.path());
    let expected = single_build(dir.path(), &corpus);
    let (out, store) = (dir.path().join("shards"), dir.path().join("spark"));
    let o = Command::new(python)
        .arg(repo().join("examples/spark/cadre_spark.py"))
        .args(["--master", "local[2]", "--partitions", "3", "--bin", bin()])
        .args(["--corpus", corpus.to_str().unwrap()])
        .args(["--out", out.to_str().unwrap()])
        .args(["--store", store.to_str().unwrap()])
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "one skipped: {}", stderr(&o));
    assert!(
        stderr(&o).contains("skipped a/empty.txt: the file is empty"),
        "{}",
        stderr(&o)
    );
    let shards = entries_named(&out, "part-");
    assert_eq!(shards, 3, "one shard per partition");
    assert_store_equals(&store, &corpus, &expected);
}

/// Starts a build in the background.
fn spawn_build(corpus: &Path, store: &Path) -> std::process::Child {
    Command::new(bin())
        .args([
            "build",
            "--full",
            "--jobs",
            "1",
            "--corpus",
            corpus.to_str().unwrap(),
            "--store",
            store.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn a_killed_build_leaves_the_old_store_and_the_next_one_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(dir.path(), 6);
    let store = dir.path().join("store");
    assert!(build(&corpus, &store, &[]).status.success());
    let before = dump(&store);
    for delay in [20, 150, 400, 800, 1150, 1300] {
        let mut child = spawn_build(&corpus, &store);
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        assert_eq!(
            articles(&store),
            120,
            "after a kill at {delay} ms the old store answers"
        );
        assert_eq!(
            dump(&store),
            before,
            "after a kill at {delay} ms the old store is intact"
        );
    }
    let out = build(&corpus, &store, &["--full"]);
    assert!(out.status.success(), "recovery: {}", stderr(&out));
    assert_eq!(dump(&store), before);
    let leftovers = entries_named(&store, "gen-");
    assert_eq!(leftovers, 1, "debris of killed builds is removed");
}

#[test]
fn a_second_builder_fails_fast_naming_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(dir.path(), 6);
    let store = dir.path().join("store");
    assert!(build(&corpus, &store, &[]).status.success());
    let mut first = spawn_build(&corpus, &store);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !store.join("LOCK").exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    let second = build(&corpus, &store, &[]);
    let first_status = first.wait().unwrap();
    assert!(first_status.success());
    assert_eq!(second.status.code(), Some(2));
    let err = stderr(&second);
    assert!(
        err.contains("being built by process") && err.contains(&first.id().to_string()),
        "{err}"
    );
    assert_eq!(articles(&store), 120);
}

#[test]
fn analytics_go_stale_when_articles_change() {
    use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(dir.path(), 1);
    let store = dir.path().join("store");
    assert!(build(&corpus, &store, &[]).status.success());
    let graph = NamedNode::new_unchecked(cadre_kg::vocab::ANALYTICS_GRAPH);
    let s = NamedNode::new_unchecked("https://w3id.org/cadre-kg/id/area/210100000000");
    let p = NamedNode::new_unchecked(format!("{}pageRank", cadre_kg::vocab::CK));
    let quad = Quad::new(
        s,
        p,
        Literal::from(0.5),
        GraphName::NamedNode(graph.clone()),
    );
    cadre_kg::store::replace_graph(&store, &graph, vec![quad]).unwrap();
    let ask = format!("ASK {{ GRAPH <{}> {{ ?s ?p ?o }} }}", graph.as_str());
    let has_analytics =
        || stdout(&run(&["query", "--store", store.to_str().unwrap(), &ask])).trim() == "true";
    assert!(has_analytics());
    assert!(build(&corpus, &store, &[]).status.success());
    assert!(has_analytics(), "nothing changed: analytics stay");
    fs::write(
        corpus.join("extra.txt"),
        "本报记者 曲宏\n沈阳市沈河区开展活动。",
    )
    .unwrap();
    assert!(build(&corpus, &store, &[]).status.success());
    assert!(
        !has_analytics(),
        "the graph changed: stale analytics are dropped"
    );
}

/// Sets a file's modification time to a fixed moment in 2023.
fn age(path: &Path) {
    let status = Command::new("touch")
        .args(["-d", "@1700000000"])
        .arg(path)
        .status()
        .expect("touch runs");
    assert!(status.success());
}

#[test]
fn files_whose_size_and_time_did_not_change_are_not_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(dir.path(), 1);
    let files: Vec<PathBuf> = fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.iter().for_each(|f| age(f));
    let store = dir.path().join("store");
    assert!(build(&corpus, &store, &[]).status.success());

    // Same size, same time, other bytes: taken as unchanged, unread.
    let edited = &files[0];
    let text = fs::read_to_string(edited).unwrap().replacen('。', "！", 1);
    fs::write(edited, &text).unwrap();
    age(edited);
    let out_report = dir.path().join("r1.json");
    assert!(
        build(&corpus, &store, &["--report", out_report.to_str().unwrap()])
            .status
            .success()
    );
    let r = report(&out_report);
    assert_eq!(
        (r["changed"].as_u64(), r["unchanged"].as_u64()),
        (Some(0), Some(files.len() as u64)),
        "{r}"
    );

    // A new time makes it read; its content changed, so it is rebuilt.
    Command::new("touch").arg(edited).status().unwrap();
    assert!(
        build(&corpus, &store, &["--report", out_report.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(report(&out_report)["changed"], 1);
}

/// A corpus of the first `n` shipped articles (in name order).
fn small_corpus(dir: &Path, n: usize) -> PathBuf {
    let corpus = dir.join("small");
    fs::create_dir_all(&corpus).unwrap();
    let mut names: Vec<PathBuf> = fs::read_dir(repo().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in names.iter().take(n) {
        fs::copy(path, corpus.join(path.file_name().unwrap())).unwrap();
    }
    corpus
}

#[test]
fn an_empty_corpus_folder_does_not_wipe_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = small_corpus(dir.path(), 4);
    let store = dir.path().join("store");
    assert!(build(&corpus, &store, &[]).status.success());
    let before = dump(&store);
    let empty = dir.path().join("unmounted");
    fs::create_dir_all(&empty).unwrap();
    for extra in [&[][..], &["--full"], &["--max-removals", "100%"]] {
        let out = build(&empty, &store, extra);
        assert_eq!(out.status.code(), Some(2), "{extra:?}: {}", stderr(&out));
        let message = stderr(&out);
        assert!(
            message.contains("would remove 4 of the 4 articles")
                && message.contains("no *.txt file")
                && message.contains("--allow-removals")
                && message.contains(".txt, "),
            "{message}"
        );
        assert_eq!(dump(&store), before, "the store is untouched");
    }
    let out = build(&empty, &store, &["--allow-removals"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(articles(&store), 0);
}

#[test]
fn removing_most_articles_needs_a_higher_limit() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = small_corpus(dir.path(), 4);
    let store = dir.path().join("store");
    assert!(build(&corpus, &store, &[]).status.success());
    let before = dump(&store);
    let mut names: Vec<PathBuf> = fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in &names[1..] {
        fs::remove_file(path).unwrap();
    }
    let out = build(&corpus, &store, &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--max-removals 3"),
        "{}",
        stderr(&out)
    );
    assert_eq!(dump(&store), before);
    let out = build(&corpus, &store, &["--max-removals", "2"]);
    assert_eq!(out.status.code(), Some(2));
    let json = dir.path().join("r.json");
    let out = build(
        &corpus,
        &store,
        &["--max-removals", "75%", "--report", json.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(report(&json)["removed"], 3);
    assert_eq!(articles(&store), 1);
}
