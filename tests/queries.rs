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
