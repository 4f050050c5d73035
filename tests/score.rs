//! Regression guard on extraction quality: the scorer from `../shared/eval`
//! on the shipped corpus must not fall below the level reached.

mod common;
use common::*;
use std::process::Command;

/// The overall F1 reached on seeds + dev gold; raise it when it improves.
const FLOOR: f64 = 0.95;

#[test]
fn dev_score_does_not_regress() {
    let eval = repo().join("../shared/eval");
    assert!(
        eval.join("score.py").exists(),
        "{} is missing: the evaluation kit sits beside the repo",
        eval.display()
    );
    let out = Command::new("python3")
        .arg(eval.join("score.py"))
        .args(["--bin", bin(), "--corpus"])
        .arg(repo().join("corpus"))
        .arg("--gold")
        .arg(eval.join("gold/seeds"))
        .arg("--gold")
        .arg(eval.join("gold/dev"))
        .output()
        .expect("python3 runs the scorer");
    let text = stdout(&out);
    let overall: f64 = text
        .lines()
        .find_map(|l| l.strip_prefix("overall F1 "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no overall F1 in:\n{text}\n{}", stderr(&out)));
    assert!(overall >= FLOOR, "overall F1 {overall} < {FLOOR}:\n{text}");
}
