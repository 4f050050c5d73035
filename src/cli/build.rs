//! `build`, `load`, `extract --shard` and `extract --records`: a store
//! from a corpus or from shard files, the shards themselves, and the
//! report people read after it.

use anyhow::{Context, Result};
use cadre_kg::pipeline;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn build(
    corpus: &Path,
    store: &Path,
    options: pipeline::BuildOptions,
    report_file: Option<&Path>,
) -> Result<ExitCode> {
    let report = pipeline::build(corpus, store, options).with_context(|| {
        format!(
            "building {} from {} failed; the previous store is kept",
            store.display(),
            corpus.display()
        )
    })?;
    finish(&report, report_file)
}

pub fn load(store: &Path, files: &[PathBuf], report_file: Option<&Path>) -> Result<ExitCode> {
    let report = pipeline::load_shards(store, files).with_context(|| {
        format!(
            "loading shards into {} failed; the previous store is kept",
            store.display()
        )
    })?;
    finish(&report, report_file)
}

/// Prints the summary, writes the JSON report, and picks the exit status.
fn finish(report: &pipeline::BuildReport, report_file: Option<&Path>) -> Result<ExitCode> {
    if let Some(path) = report_file {
        let json = serde_json::to_vec_pretty(report)?;
        std::fs::write(path, json)
            .with_context(|| format!("cannot write the report to {}", path.display()))?;
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "mode       {}", report.mode)?;
    writeln!(out, "articles   {}", report.articles)?;
    writeln!(
        out,
        "           {} added, {} changed, {} removed, {} unchanged",
        report.added, report.changed, report.removed, report.unchanged
    )?;
    writeln!(out, "statements {}", report.statements)?;
    for (class, n) in &report.entities_by_class {
        writeln!(out, "  {class:<20} {n}")?;
    }
    writeln!(out, "relations  (in the articles processed)")?;
    for (kind, n) in &report.relations {
        writeln!(out, "  {kind:<20} {n}")?;
    }
    writeln!(out, "  {:<20} {}", "dated articles", report.dated)?;
    if !report.repaired.is_empty() {
        writeln!(out, "repaired   {}", report.repaired.len())?;
        for r in &report.repaired {
            writeln!(
                out,
                "  {}: {} bad bytes replaced, {} NUL bytes dropped ({})",
                r.file, r.repairs.bad_bytes, r.repairs.nul_bytes, r.encoding
            )?;
        }
    }
    writeln!(out, "skipped    {}", report.skipped.len())?;
    for s in &report.skipped {
        writeln!(out, "  {}: {}", s.file, s.reason)?;
    }
    for generation in &report.kept_generations {
        writeln!(out, "kept       {generation} (a running server reads it)")?;
    }
    writeln!(out, "seconds    {:.2}", report.seconds.total)?;
    Ok(if report.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub fn extract_shard(
    corpus: &Path,
    shard: usize,
    of: usize,
    out: &Path,
    jobs: usize,
) -> Result<ExitCode> {
    let report = pipeline::extract_shard(corpus, shard, of, out, jobs)?;
    eprintln!(
        "shard {shard}/{of}: {} articles, {} quads -> {}",
        report.articles,
        report.quads,
        out.display()
    );
    Ok(skipped_status(&report.skipped))
}

/// `extract --records`: records on stdin, a shard on stdout.
pub fn extract_records(jobs: usize) -> Result<ExitCode> {
    let report = pipeline::extract_records(std::io::stdin().lock(), std::io::stdout(), jobs)?;
    eprintln!(
        "records: {} articles, {} quads, {} skipped",
        report.articles,
        report.quads,
        report.skipped.len()
    );
    Ok(skipped_status(&report.skipped))
}

/// Names the skipped articles on stderr; exit status 1 if there are any.
fn skipped_status(skipped: &[pipeline::Skipped]) -> ExitCode {
    for s in skipped {
        eprintln!("  skipped {}: {}", s.file, s.reason);
    }
    if skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
