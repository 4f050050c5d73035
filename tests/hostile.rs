//! Hostile and broken input through the real binary: damaged bytes,
//! pathological text, odd file systems and damaged stores. Each case is
//! built or skipped with a message naming the file; nothing hangs and
//! nothing stored is lost.

mod common;
use common::*;
use std::fs;
use std::path::{Path, PathBuf};

const GOOD: &str = "corpus/002_b8fe7f306ebfd69b.txt";

fn good_text() -> String {
    fs::read_to_string(repo().join(GOOD)).unwrap()
}

/// A scratch folder with a corpus of `files` (name → bytes).
fn corpus_of(files: &[(&str, Vec<u8>)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    for (name, bytes) in files {
        let path = corpus.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    (dir, corpus)
}

/// Builds `corpus` into a store beside it; returns the output and report.
fn build_report(corpus: &Path) -> (std::process::Output, serde_json::Value) {
    let dir = corpus.parent().unwrap();
    let json = dir.join("report.json");
    let out = build(
        corpus,
        &dir.join("store"),
        &["--report", json.to_str().unwrap()],
    );
    let report = if json.exists() {
        report(&json)
    } else {
        serde_json::Value::Null
    };
    (out, report)
}

/// The files the report lists under `field` (`skipped`, `repaired`).
fn listed<'a>(report: &'a serde_json::Value, field: &str, file: &str) -> &'a serde_json::Value {
    report[field]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["file"] == file)
        .unwrap_or_else(|| panic!("{file} not in {field}: {report}"))
}

#[test]
fn damaged_bytes_cost_characters_not_articles() {
    let text = good_text();
    let mut truncated = text.trim_end().as_bytes().to_vec();
    truncated.pop(); // the last character cut in half
    let mut with_nuls = text.as_bytes().to_vec();
    with_nuls.splice(300..300, [0u8; 16]);
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let rare = format!("{text}\n𠀀𪚥社区€\n");
    let (gb18030, _, _) = encoding_rs::GB18030.encode(&rare);
    let (_dir, corpus) = corpus_of(&[
        ("truncated.txt", truncated),
        ("nuls.txt", with_nuls),
        ("utf16le-no-bom.txt", utf16),
        ("gb18030.txt", gb18030.into_owned()),
    ]);
    let (out, report) = build_report(&corpus);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(report["articles"], 4, "{report}");
    assert_eq!(report["skipped"].as_array().unwrap().len(), 0);
    let truncated = listed(&report, "repaired", "truncated.txt");
    assert_eq!(truncated["bad_bytes"], 2, "{truncated}");
    assert_eq!(truncated["encoding"], "UTF-8");
    assert_eq!(listed(&report, "repaired", "nuls.txt")["nul_bytes"], 16);
    assert_eq!(report["repaired"].as_array().unwrap().len(), 2);
    assert!(stdout(&out).contains("truncated.txt: 2 bad bytes replaced"));
    // The four articles state the same facts as the intact one.
    let store = corpus.parent().unwrap().join("store");
    let people = |file: &str| {
        select(
            &store,
            &[&format!(
                "SELECT DISTINCT ?l WHERE {{ ?a ck:sourceFile \"{file}\" . GRAPH ?a {{ ?p a ck:Person ; rdfs:label ?l }} }} ORDER BY ?l"
            )],
        )
        .iter()
        .map(|r| value(r, "l").to_owned())
        .collect::<Vec<_>>()
    };
    let expected = people("utf16le-no-bom.txt");
    assert!(!expected.is_empty());
    for file in ["truncated.txt", "nuls.txt", "gb18030.txt"] {
        assert_eq!(people(file), expected, "{file}");
    }
}

#[test]
fn errors_say_each_thing_once() {
    let (dir, corpus) = corpus_of(&[
        ("good.txt", good_text().into_bytes()),
        ("empty.txt", Vec::new()),
    ]);
    let store = dir.path().join("store");
    let out = build(&corpus, &store, &[]);
    assert_eq!(out.status.code(), Some(1));
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert_eq!(all.matches("empty.txt").count(), 1, "{all}");
    let missing = dir.path().join("no-such-folder");
    let out = build(&missing, &store, &[]);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert_eq!(message.matches("os error 2").count(), 1, "{message}");
    assert!(message.contains("no-such-folder"), "{message}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    let store = corpus_store();
    let mut child = std::process::Command::new(bin())
        .args(["dump", "--store", store.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reader went away after 100 bytes, as `head -c 100` does.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

fn dump(store: &Path) -> String {
    let out = run(&["dump", "--store", store.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn live_generation(store: &Path) -> PathBuf {
    store.join(fs::read_to_string(store.join("CURRENT")).unwrap().trim())
}

/// A way to damage a store folder.
type Damage = fn(&Path);

#[test]
fn a_damaged_store_is_named_and_a_full_build_recovers_it() {
    let (dir, corpus) = corpus_of(&[("good.txt", good_text().into_bytes())]);
    let store = dir.path().join("store");
    assert!(build(&corpus, &store, &[]).status.success());
    let intact = dump(&store);
    let damages: [(&str, Damage); 3] = [
        ("a damaged manifest", |store| {
            fs::write(live_generation(store).join("manifest.json"), "{\"extr").unwrap()
        }),
        ("a missing generation", |store| {
            fs::write(store.join("CURRENT"), "gen-999999").unwrap()
        }),
        ("a generation from elsewhere", |store| {
            let other = store.join("gen-000777");
            fs::create_dir_all(&other).unwrap();
            fs::write(other.join("manifest.json"), "{}").unwrap();
            fs::write(other.join("CURRENT"), "MANIFEST-nonsense\n").unwrap();
            fs::write(store.join("CURRENT"), "gen-000777").unwrap();
        }),
    ];
    for (what, damage) in damages {
        damage(&store);
        let out = build(&corpus, &store, &[]);
        let message = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{what}: {message}");
        assert!(message.contains("build --full"), "{what}: {message}");
        let out = build(&corpus, &store, &["--full"]);
        assert!(out.status.success(), "{what}: {}", stderr(&out));
        assert_eq!(dump(&store), intact, "{what}");
    }
}

/// Text no real article holds, each case in a size that would take minutes
/// to hours if extraction were quadratic in a line's or sentence's length
/// (a 1 MB line took more than 10 minutes before sentences were capped).
fn pathological_texts() -> Vec<(&'static str, String)> {
    vec![
        ("long-line.txt", "社区".repeat(500_000)),
        ("quotes.txt", format!("他说{}。", "“社区”".repeat(20_000))),
        (
            "unclosed-quotes.txt",
            format!("{}松泉社区。", "“".repeat(10_000)),
        ),
        (
            "brackets.txt",
            format!("{}沈河区{}。", "（".repeat(20_000), "）".repeat(20_000)),
        ),
        (
            "area-chain.txt",
            format!("{}。", "沈阳市沈河区万莲街道松泉社区".repeat(25_000)),
        ),
        (
            "long-name.txt",
            format!(
                "第一书记{}同志，{}社区书记王光宇。",
                "王".repeat(500),
                "张".repeat(500)
            ),
        ),
    ]
}

#[test]
fn pathological_text_is_built_in_linear_time() {
    let texts = pathological_texts();
    let files: Vec<(&str, Vec<u8>)> = texts
        .iter()
        .map(|(name, text)| (*name, text.clone().into_bytes()))
        .collect();
    let (_dir, corpus) = corpus_of(&files);
    let (out, report) = build_report(&corpus);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(report["articles"], texts.len(), "{report}");
    let cut: Vec<&str> = report["cut_sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["file"].as_str().unwrap())
        .collect();
    for name in [
        "long-line.txt",
        "quotes.txt",
        "area-chain.txt",
        "long-name.txt",
    ] {
        assert!(cut.contains(&name), "{name} not in {cut:?}");
    }
    let slowest = report["slowest"].as_array().unwrap();
    assert_eq!(slowest.len(), texts.len());
    assert!(slowest[0]["seconds"].as_f64() >= slowest[1]["seconds"].as_f64());
}

#[test]
fn odd_files_and_folders_are_built_or_named() {
    let good = good_text();
    let page = format!(
        "<!DOCTYPE html><html><head><style>p {{ color: red }}</style><script>var a = \"<p>x</p>\";</script></head><body>{}</body></html>",
        good.lines().map(|l| format!("<p class=\"c\">{l}</p>")).collect::<String>()
    );
    let deep = format!("{}deep.txt", "d/".repeat(200));
    let (dir, corpus) = corpus_of(&[
        ("one-char.txt", "社".into()),
        ("one-letter.txt", "a".into()),
        ("沈阳 社区 报道.txt", good.clone().into_bytes()),
        ("page.txt", page.into_bytes()),
        (&deep, good.clone().into_bytes()),
        ("locked.txt", good.clone().into_bytes()),
    ]);
    std::os::unix::fs::symlink("..", corpus.join("d/loop")).unwrap();
    std::os::unix::fs::symlink("self.txt", corpus.join("self.txt")).unwrap();
    let locked = corpus.join("locked.txt");
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any file: then the locked file is simply built.
    let can_lock = fs::File::open(&locked).is_err();
    let (out, report) = build_report(&corpus);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let reason = |file: &str| {
        listed(&report, "skipped", file)["reason"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(reason("one-letter.txt").contains("no Chinese text"));
    assert!(
        reason("self.txt").contains("cannot read"),
        "{}",
        reason("self.txt")
    );
    if can_lock {
        assert!(reason("locked.txt").contains("ermission denied"));
    }
    let store = dir.path().join("store");
    let files: Vec<String> = select(
        &store,
        &["SELECT ?f WHERE { ?a ck:sourceFile ?f } ORDER BY ?f"],
    )
    .iter()
    .map(|r| value(r, "f").to_owned())
    .collect();
    for file in [
        "one-char.txt",
        "沈阳 社区 报道.txt",
        "page.txt",
        deep.as_str(),
    ] {
        assert!(files.iter().any(|f| f == file), "{file} not in {files:?}");
    }
    let markup = select(
        &store,
        &["SELECT ?t WHERE { GRAPH ?a { ?s ck:text ?t } ?a ck:sourceFile \"page.txt\" FILTER(CONTAINS(?t, \"<\") || CONTAINS(?t, \"color\")) }"],
    );
    assert!(markup.is_empty(), "{markup:?}");
    let page_facts = select(
        &store,
        &["SELECT ?m WHERE { ?a ck:sourceFile \"page.txt\" . GRAPH ?a { ?m a ck:Appointment } }"],
    );
    assert!(!page_facts.is_empty());
}

#[test]
fn many_tiny_files_and_a_large_article_are_built() {
    let good = good_text();
    let mut files: Vec<(String, Vec<u8>)> = (0..2000)
        .map(|i| {
            (
                format!("tiny/{i:05}.txt"),
                format!("社区{i}。").into_bytes(),
            )
        })
        .collect();
    // About 20 MB: the real article over and over, as a crawler that
    // concatenates pages writes it.
    files.push((
        "large.txt".into(),
        good.repeat(20_000_000 / good.len()).into_bytes(),
    ));
    let files: Vec<(&str, Vec<u8>)> = files.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    let (_dir, corpus) = corpus_of(&files);
    // Past the limit for one article: skipped unread (a sparse file).
    let huge = fs::File::create(corpus.join("huge.txt")).unwrap();
    huge.set_len(cadre_kg::corpus::MAX_ARTICLE_BYTES + 1)
        .unwrap();
    let (out, report) = build_report(&corpus);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(report["articles"], 2001);
    assert_eq!(report["slowest"][0]["file"], "large.txt");
    let reason = listed(&report, "skipped", "huge.txt")["reason"].to_string();
    assert!(reason.contains("more than the 32 MB"), "{reason}");
}
