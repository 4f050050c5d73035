//! The binary on real articles and on bad input: one case per behaviour.

mod common;
use common::*;
use std::fs;
use std::path::Path;

const GOOD: &str = "corpus/002_b8fe7f306ebfd69b.txt";

/// A scratch corpus with one real article plus `extra` files.
fn scratch(extra: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::copy(repo().join(GOOD), corpus.join("good.txt")).unwrap();
    for (name, bytes) in extra {
        fs::write(corpus.join(name), bytes).unwrap();
    }
    dir
}

fn build(dir: &Path) -> std::process::Output {
    let corpus = dir.join("corpus");
    let store = dir.join("store");
    run(&[
        "build",
        "--corpus",
        corpus.to_str().unwrap(),
        "--store",
        store.to_str().unwrap(),
    ])
}

fn article_count(dir: &Path) -> usize {
    let rows = select(
        &dir.join("store"),
        &["SELECT (COUNT(?a) AS ?n) WHERE { ?a a ck:Article }"],
    );
    value(&rows[0], "n").parse().unwrap()
}

#[test]
fn bad_files_are_named_skipped_and_the_exit_status_says_so() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.txt", b"", "empty"),
        (
            "binary.txt",
            &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe, 0],
            "binary",
        ),
        (
            "pinyin.txt",
            "(jī)(guān) (shè)(qū)".as_bytes(),
            "no Chinese text",
        ),
    ];
    for (name, bytes, reason) in cases {
        let dir = scratch(&[(name, bytes)]);
        let out = build(dir.path());
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.contains(name) && text.contains(reason),
            "{name}: {text}"
        );
        assert_eq!(
            article_count(dir.path()),
            1,
            "{name}: the good article is still built"
        );
    }
}

#[test]
fn gbk_files_are_detected_and_built() {
    let (gbk, _, _) = encoding_rs::GBK
        .encode("本报记者 曲宏\n沈阳市沈河区万莲街道松泉社区第一书记王光宇开展健康讲座。");
    let dir = scratch(&[("gbk.txt", &gbk)]);
    let out = build(dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = select(
        &dir.path().join("store"),
        &["SELECT DISTINCT ?n WHERE { ?a ck:sourceFile \"gbk.txt\" ; ck:author/rdfs:label ?n }"],
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(value(&rows[0], "n"), "曲宏");
}

#[test]
fn utf16_files_are_built() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "文/马博\n沈阳市大东区选派干部到社区工作。".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let dir = scratch(&[("utf16.txt", &bytes)]);
    assert!(build(dir.path()).status.success());
    assert_eq!(article_count(dir.path()), 2);
}

#[test]
fn a_failed_build_keeps_the_previous_store() {
    let dir = scratch(&[]);
    assert!(build(dir.path()).status.success());
    let store = dir.path().join("store");
    let missing = dir.path().join("no-such-corpus");
    let out = run(&[
        "build",
        "--corpus",
        missing.to_str().unwrap(),
        "--store",
        store.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-corpus"), "{}", stderr(&out));
    assert_eq!(article_count(dir.path()), 1);
}

#[test]
fn malformed_queries_exit_2_with_the_parser_position() {
    let out = run(&[
        "query",
        "--store",
        corpus_store().to_str().unwrap(),
        "SELECT ?x WHERE { ?x ?y }",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("malformed query") && err.contains("1:"),
        "{err}"
    );
}

#[test]
fn explain_prints_the_plan_with_the_rows_of_each_step() {
    let out = run(&[
        "query",
        "--store",
        corpus_store().to_str().unwrap(),
        "--explain",
        "--file",
        repo()
            .join("queries/posts_inside_city.rq")
            .to_str()
            .unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let text = plan["plan"].to_string();
    assert!(
        text.contains("QuadPattern") && text.contains("locatedIn"),
        "{text}"
    );
    assert!(
        plan["plan"]["number of results"].as_u64().unwrap() > 0,
        "{text}"
    );
}

#[test]
fn querying_a_folder_that_is_not_a_store_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["query", "--store", dir.path().to_str().unwrap(), "ASK {}"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no cadre-kg store here"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn table_ask_construct_and_stats() {
    let store = corpus_store().to_str().unwrap();
    let table = stdout(&run(&[
        "query",
        "--store",
        store,
        "SELECT ?l WHERE { ?a a ck:City ; rdfs:label ?l } ORDER BY ?l LIMIT 3",
    ]));
    assert!(table.starts_with("l\n"), "{table}");
    assert!(table.contains("(3 rows)"), "{table}");
    assert_eq!(
        stdout(&run(&[
            "query",
            "--store",
            store,
            "ASK { ?a a ck:Article }"
        ]))
        .trim(),
        "true"
    );
    let turtle = stdout(&run(&[
        "query",
        "--store",
        store,
        "CONSTRUCT { ?c ck:locatedIn ?p } WHERE { ?c ck:locatedIn ?p } LIMIT 2",
    ]));
    assert!(turtle.contains("ck:locatedIn"), "{turtle}");
    let stats = stdout(&run(&["stats", "--store", store]));
    assert!(
        stats.contains("ck:Person") && stats.contains("quads"),
        "{stats}"
    );
}

#[test]
fn subclass_queries_work_against_the_loaded_ontology() {
    let rows = select(corpus_store(), &["SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a/rdfs:subClassOf* ck:AdministrativeArea }"]);
    assert!(value(&rows[0], "n").parse::<usize>().unwrap() > 20);
}

#[test]
fn extract_prints_facts_with_evidence() {
    let out = run(&["extract", repo().join(GOOD).to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("appointment    王光宇 | 第一书记 | 松泉社区"),
        "{text}"
    );
}

#[test]
fn extract_json_gives_original_offsets_beside_normalised_ones() {
    let out = run(&["extract", GOOD, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let facts: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(facts["offsets"].as_str().unwrap().contains("original"));
    let file: Vec<char> = fs::read_to_string(repo().join(GOOD))
        .unwrap()
        .chars()
        .collect();
    let sentences = facts["sentences"].as_array().unwrap();
    let mut shifted = 0;
    for m in facts["mentions"].as_array().unwrap() {
        let span = &m["evidence"]["span"];
        let at = |which: &str, end: &str| span[which][end].as_u64().unwrap() as usize;
        let sentence = &sentences[m["evidence"]["sentence"].as_u64().unwrap() as usize];
        let sentence_start = sentence["span"]["normalised"]["start"].as_u64().unwrap() as usize;
        let first = sentence["text"]
            .as_str()
            .unwrap()
            .chars()
            .nth(at("normalised", "start") - sentence_start)
            .unwrap();
        assert_eq!(file[at("original", "start")], first, "{m}");
        shifted += usize::from(at("original", "start") != at("normalised", "start"));
    }
    assert!(shifted > 0, "the article's normalisation moves offsets");
}
