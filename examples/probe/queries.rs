//! Query latencies on a built store, through the path `cadre-kg query`
//! takes (`query::run`: check, parse with the predeclared prefixes and the
//! set default graph, evaluate, serialise every row).

use anyhow::Context;
use cadre_kg::query::{self, OutputFormat};
use serde::Serialize;
use std::path::Path;
use std::time::{Duration, Instant};

/// One run of a query.
#[derive(Serialize)]
struct Run {
    ms: f64,
    rows: usize,
}

/// Runs the query in `file` up to `runs` times on the store, printing one
/// JSON line per run as soon as it ends, so that a caller who stops a
/// query that takes too long keeps the runs that finished. No run starts
/// after `budget`.
pub fn time_runs(
    store_dir: &Path,
    file: &Path,
    runs: usize,
    budget: Duration,
) -> anyhow::Result<()> {
    let store = cadre_kg::store::open_reader(store_dir)?;
    let text = std::fs::read_to_string(file).with_context(|| format!("{}", file.display()))?;
    let started = Instant::now();
    for _ in 0..runs {
        if started.elapsed() >= budget {
            break;
        }
        let mut out = Vec::new();
        let t = Instant::now();
        query::run(
            &store,
            &text,
            OutputFormat::Tsv,
            query::Options::default(),
            &mut out,
        )
        .with_context(|| format!("{}", file.display()))?;
        let ms = t.elapsed().as_secs_f64() * 1e3;
        // TSV escapes line breaks inside values: one line a row, after the
        // header.
        let rows = out
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count()
            .saturating_sub(1);
        println!("{}", serde_json::to_string(&Run { ms, rows })?);
    }
    Ok(())
}
