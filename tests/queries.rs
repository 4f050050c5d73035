//! Each analyst query in `queries/` answers its question on the shipped
//! corpus.

mod common;
use common::*;

fn rows(file: &str) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let path = repo().join("queries").join(file);
    select(corpus_store(), &["--file", path.to_str().unwrap()])
}

fn has(rows: &[serde_json::Map<String, serde_json::Value>], pairs: &[(&str, &str)]) -> bool {
    rows.iter()
        .any(|r| pairs.iter().all(|(k, v)| value(r, k) == *v))
}

#[test]
fn posts_inside_a_city_are_found_through_the_area_tree() {
    let r = rows("posts_inside_city.rq");
    assert!(
        has(
            &r,
            &[
                ("person", "王光宇"),
                ("role", "第一书记"),
                ("unit", "松泉社区")
            ]
        ),
        "{r:?}"
    );
}

#[test]
fn first_secretaries_and_their_units() {
    let r = rows("first_secretaries.rq");
    assert!(
        has(&r, &[("person", "王光宇"), ("unit", "松泉社区")]),
        "{r:?}"
    );
    assert!(
        has(&r, &[("person", "孔静"), ("unit", "老鹳庙社区")]),
        "{r:?}"
    );
    assert!(r.iter().all(|row| !value(row, "file").is_empty()));
}

#[test]
fn initiatives_by_area() {
    let r = rows("initiatives_by_area.rq");
    assert!(
        has(&r, &[("area", "万莲街道"), ("initiative", "邻里市集")]),
        "{r:?}"
    );
}

#[test]
fn the_area_tree() {
    let r = rows("area_tree.rq");
    assert!(
        has(
            &r,
            &[
                ("parent", "沈阳市"),
                ("child", "沈河区"),
                ("childClass", "District")
            ]
        ),
        "{r:?}"
    );
    assert!(
        has(
            &r,
            &[
                ("parent", "青年路街道"),
                ("child", "银融社区"),
                ("childClass", "Community")
            ]
        ),
        "{r:?}"
    );
}

#[test]
fn where_a_fact_comes_from() {
    let r = rows("provenance.rq");
    let row = r
        .iter()
        .find(|row| value(row, "role") == "第一书记")
        .expect("王光宇's post");
    assert_eq!(value(row, "file"), "002_b8fe7f306ebfd69b.txt");
    assert!(value(row, "sentence").contains("王光宇"));
    // The offsets point at the same sentence in the original file.
    let text = std::fs::read_to_string(repo().join("corpus/002_b8fe7f306ebfd69b.txt")).unwrap();
    let start: usize = value(row, "start").parse().unwrap();
    let end: usize = value(row, "end").parse().unwrap();
    let original: String = text.chars().skip(start).take(end - start).collect();
    assert!(original.contains("王光宇"), "{original}");
}

#[test]
fn people_mentioned_together() {
    let r = rows("people_together.rq");
    let pair = |a: &str, b: &str| has(&r, &[("a", a), ("b", b)]) || has(&r, &[("a", b), ("b", a)]);
    assert!(pair("孙微", "王敏"), "{r:?}");
}

#[test]
fn authors_of_articles() {
    let r = rows("authors.rq");
    assert!(
        has(
            &r,
            &[("file", "000_783e6b4ab8639c7e.txt"), ("author", "马博")]
        ),
        "{r:?}"
    );
    assert!(
        has(
            &r,
            &[("file", "003_4b7f7057c6f967b3.txt"), ("author", "聂祥蕊")]
        ),
        "{r:?}"
    );
}

/// The query text of a file with `SELECT DISTINCT` for its first `SELECT`.
fn distinct(query: &str) -> String {
    query.replacen("SELECT ", "SELECT DISTINCT ", 1)
}

/// The README's example, as an analyst would type it.
const README_EXAMPLE: &str = "SELECT ?person ?role ?unit WHERE {
     ?m a ck:Appointment ; ck:person/rdfs:label ?person ;
        ck:role/rdfs:label ?role ; ck:unit/rdfs:label ?unit }";

#[test]
fn every_query_and_the_readme_example_count_each_answer_once() {
    let mut queries = vec![("README".to_owned(), README_EXAMPLE.to_owned())];
    for entry in std::fs::read_dir(repo().join("queries")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rq") {
            let text = std::fs::read_to_string(&path).unwrap();
            queries.push((path.display().to_string(), text));
        }
    }
    assert!(queries.len() > 8);
    for (name, text) in queries {
        let plain = select(corpus_store(), &[&text]);
        let once = select(corpus_store(), &[&distinct(&text)]);
        assert_eq!(plain.len(), once.len(), "{name}");
    }
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    assert!(
        readme.contains(README_EXAMPLE),
        "the README shows this example"
    );
}

#[test]
fn counts_count_entities_not_the_articles_naming_them() {
    let r = select(
        corpus_store(),
        &["SELECT (COUNT(?p) AS ?n) (COUNT(DISTINCT ?p) AS ?d) WHERE { ?p a ck:Person }"],
    );
    assert_eq!(value(&r[0], "n"), value(&r[0], "d"));
    assert!(value(&r[0], "n").parse::<usize>().unwrap() > 10);
    // Each article graph is still reached on its own, for provenance.
    let r = select(
        corpus_store(),
        &["SELECT (COUNT(DISTINCT ?article) AS ?n) WHERE { ?article a ck:Article . GRAPH ?article { ?p a ck:Person } }"],
    );
    assert!(value(&r[0], "n").parse::<usize>().unwrap() > 10, "{r:?}");
}

/// Runs `cadre-kg query` on the shipped corpus's store.
fn query(args: &[&str]) -> std::process::Output {
    let store = corpus_store().to_str().unwrap().to_owned();
    let mut all = vec!["query", "--store", &store];
    all.extend_from_slice(args);
    run(&all)
}

#[test]
fn mistakes_that_match_nothing_are_named() {
    let out = query(&["SELECT ?x WHERE { ?x a ck:Persn }"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("ck:Persn is not in the ontology")
            && stderr(&out).contains("did you mean ck:Person?"),
        "{}",
        stderr(&out)
    );
    let out = query(&["SELECT ?s ?t WHERE { ?s ck:mentions ?x ; ck:text ?t }"]);
    assert!(
        stderr(&out).contains("ck:mentions is stated only in the article graphs"),
        "{}",
        stderr(&out)
    );
    let out = query(&["SELECT ?x WHERE { GRAPH ?g { ?s ck:mentions ?x } } LIMIT 1"]);
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn an_undeclared_prefix_is_named_with_the_predeclared_ones() {
    let out = query(&["SELECT ?x WHERE {\n  ?x dc:title ?t }"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert!(
        text.contains("undeclared prefix dc: (line 2: dc:title)"),
        "{text}"
    );
    assert!(text.contains("ck: id: rdf: rdfs:"), "{text}");
    assert!(text.lines().count() <= 2, "no parser dump: {text}");
}

#[test]
fn queries_cannot_reach_outside_the_store_nor_run_forever() {
    for (q, why) in [
        ("LOAD <http://example.com/data.ttl>", "updates"),
        (
            "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
            "updates",
        ),
        (
            "SELECT * WHERE { SERVICE <http://example.com/sparql> { ?s ?p ?o } }",
            "SERVICE",
        ),
    ] {
        let out = query(&[q]);
        assert_eq!(out.status.code(), Some(2), "{q}");
        assert!(stderr(&out).contains(why), "{q}: {}", stderr(&out));
    }
    let deep = format!("SELECT * WHERE {}{}", "{".repeat(200), "}".repeat(200));
    let out = query(&[&deep]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("nested more than"),
        "{}",
        stderr(&out)
    );
    let huge = tempfile::NamedTempFile::new().unwrap();
    let text = format!("SELECT * WHERE {{ {} }}", "?s ?p ?o . ".repeat(20_000));
    std::fs::write(huge.path(), text).unwrap();
    let out = query(&["--file", huge.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bytes"), "{}", stderr(&out));
    let started = std::time::Instant::now();
    let out = query(&[
        "--timeout",
        "0.5",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z } }",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--timeout"), "{}", stderr(&out));
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn first_secretaries_by_province() {
    let r = rows("first_secretaries_by_province.rq");
    assert!(
        has(&r, &[("province", "辽宁省"), ("names", "王光宇")]),
        "{r:?}"
    );
    assert!(has(&r, &[("province", "贵州省")]), "{r:?}");
}

#[test]
fn dispatching_units_come_with_their_sentence() {
    let r = rows("dispatching_units.rq");
    let row = r
        .iter()
        .find(|row| value(row, "person") == "王泽勇")
        .expect("王泽勇's post");
    assert!(value(row, "sentence").contains("选派"), "{row:?}");
    assert!(
        has(
            &r,
            &[("person", "王泽勇"), ("organization", "贵州省委国防工委")]
        ),
        "{r:?}"
    );
}

#[test]
fn people_per_province() {
    let r = rows("people_per_province.rq");
    let liaoning = r
        .iter()
        .find(|row| value(row, "province") == "辽宁省")
        .expect("辽宁省");
    let people: usize = value(liaoning, "people").parse().unwrap();
    let posts: usize = value(liaoning, "posts").parse().unwrap();
    assert!(people >= 3 && posts >= people, "{liaoning:?}");
}

#[test]
fn programs_and_who_is_named_with_them() {
    let r = rows("programs.rq");
    assert!(
        has(
            &r,
            &[
                ("initiative", "一呼百应"),
                ("who", "石景山区委"),
                ("kind", "Organization")
            ]
        ),
        "{r:?}"
    );
}

#[test]
fn posts_by_year_count_dated_articles_only() {
    let r = rows("posts_by_year.rq");
    let dated = select(
        corpus_store(),
        &["SELECT (COUNT(?a) AS ?n) WHERE { ?a schema:datePublished ?d }"],
    );
    let dated: usize = value(&dated[0], "n").parse().unwrap();
    assert_eq!(r.is_empty(), dated == 0, "{r:?}");
    for row in &r {
        assert_eq!(value(row, "year").len(), 4, "{row:?}");
    }
}

#[test]
fn one_person_across_articles() {
    let r = rows("person_across_articles.rq");
    assert!(!r.is_empty());
    for row in &r {
        assert!(value(row, "sentence").contains("王光宇"), "{row:?}");
        assert!(value(row, "p").ends_with("/王光宇"), "{row:?}");
    }
    assert!(has(&r, &[("file", "002_b8fe7f306ebfd69b.txt")]), "{r:?}");
}

#[test]
fn programs_by_organizer_counted_by_province() {
    let r = rows("programs_by_organizer.rq");
    assert!(
        has(&r, &[("province", "辽宁省"), ("organizer", "万莲街道")]),
        "{r:?}"
    );
    assert!(
        has(&r, &[("province", "辽宁省"), ("organizer", "大东区")]),
        "{r:?}"
    );
}

#[test]
fn organizations_inside_a_city_through_their_areas() {
    let r = rows("orgs_inside_city.rq");
    assert!(
        has(
            &r,
            &[("organization", "万莲街道党工委"), ("area", "万莲街道")]
        ),
        "{r:?}"
    );
    assert!(
        has(
            &r,
            &[("organization", "大东区委组织部"), ("area", "大东区")]
        ),
        "{r:?}"
    );
    assert!(r
        .iter()
        .all(|row| value(row, "organization") != "福州市委党校"));
}

#[test]
fn posts_with_the_date_of_the_article_reporting_them() {
    let r = rows("posts_reported_in_year.rq");
    assert!(
        has(
            &r,
            &[
                ("published", "2021-08-20"),
                ("person", "祝兰红"),
                ("unit", "银融社区")
            ]
        ),
        "{r:?}"
    );
    assert!(r
        .iter()
        .all(|row| value(row, "published").starts_with("2021")));
}
