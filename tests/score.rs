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
const RELATIONS_FLOOR: f64 = 0.885;
const DEV2_RELATIONS_FLOOR: f64 = 0.885;

/// Issue 17's targets for each relations row, on both sets: the F1 of
/// `published`, `org_area` and `initiative_links`, and the accuracy of the
/// initiative roles (the last figure of each row).
const RELATION_TARGETS: &[(&str, f64)] = &[
    ("published", 0.95),
    ("org_area", 0.90),
    ("initiative_links", 0.75),
    ("initiative roles", 0.90),
];

/// Each row of [`RELATION_TARGETS`] the scorer's `text` puts below its
/// target, with its figure.
fn rows_below_target(text: &str) -> Vec<(&'static str, f64)> {
    RELATION_TARGETS
        .iter()
        .filter_map(|&(row, target)| {
            let figure = text
                .lines()
                .find(|l| l.starts_with(row) && l[row.len()..].starts_with(' '))
                .and_then(|l| l.split_whitespace().last())
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or_else(|| panic!("no row {row} in:\n{text}"));
            (figure < target).then_some((row, figure))
        })
        .collect()
}

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
    let below = rows_below_target(&text);
    assert!(below.is_empty(), "below target: {below:?}\n{text}");
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
    let below = rows_below_target(&text);
    assert!(below.is_empty(), "dev2 below target: {below:?}\n{text}");
}
