//! Regression guard on extraction quality: the scorer from `../shared/eval`
//! on the shipped corpus (seeds + dev) and on dev2 must not fall below the
//! level reached.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

/// The overall F1 reached on seeds + dev gold; raise it when it improves.
const FLOOR: f64 = 0.97;

/// The relations F1 (publication date, organization in area, initiative
/// links) reached on seeds + dev and on dev2; raise them when they improve.
const RELATIONS_FLOOR: f64 = 0.865;
const DEV2_RELATIONS_FLOOR: f64 = 0.875;

/// The scorer's last lines: `relations F1 x` and `overall F1 y`.
fn score(corpus: &Path, golds: &[&str]) -> (f64, f64, String) {
    let eval = repo().join("../shared/eval");
    assert!(
        eval.join("score.py").exists(),
        "{} is missing: the evaluation kit sits beside the repo",
        eval.display()
    );
    let mut command = Command::new("python3");
    command
        .arg(eval.join("score.py"))
        .args(["--bin", bin(), "--corpus"])
        .arg(corpus);
    for gold in golds {
        command.arg("--gold").arg(eval.join("gold").join(gold));
    }
    let out = command.output().expect("python3 runs the scorer");
    let text = stdout(&out);
    let figure = |prefix: &str| -> f64 {
        text.lines()
            .find_map(|l| l.strip_prefix(prefix))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("no {prefix}in:\n{text}\n{}", stderr(&out)))
    };
    (figure("overall F1 "), figure("relations F1 "), text)
}

#[test]
fn dev_score_does_not_regress() {
    let (overall, relations, text) = score(&repo().join("corpus"), &["seeds", "dev"]);
    assert!(overall >= FLOOR, "overall F1 {overall} < {FLOOR}:\n{text}");
    assert!(
        relations >= RELATIONS_FLOOR,
        "relations F1 {relations} < {RELATIONS_FLOOR}:\n{text}"
    );
}

/// The overall F1 reached on the whole of dev2 (third-party articles from
/// 20 provinces, read in place); raise it when it improves.
const DEV2_FLOOR: f64 = 0.952;

#[test]
fn dev2_score_does_not_regress() {
    let (overall, relations, text) = score(&repo().join("../shared/dev2"), &["dev2"]);
    assert!(
        overall >= DEV2_FLOOR,
        "dev2 overall F1 {overall} < {DEV2_FLOOR}:\n{text}"
    );
    assert!(
        relations >= DEV2_RELATIONS_FLOOR,
        "dev2 relations F1 {relations} < {DEV2_RELATIONS_FLOOR}:\n{text}"
    );
}
