//! Measurements for `bench/run.py` that need the library itself: the two
//! floors of a build (bare jieba-rs segmentation, Oxigraph's bulk load),
//! the stages of the pipeline one after the other, and query latencies.
//! Each command prints JSON on standard output.
//!
//! They are an example rather than part of the binary because only the
//! benchmark needs them; they compile in the same release profile:
//!
//! ```sh
//! cargo build --release --example probe
//! target/release/examples/probe stages --corpus DIR --jobs 2
//! ```

mod floors;
mod queries;
mod stages;

use anyhow::Context;
use clap::{Parser, Subcommand};
use serde::Serialize;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser)]
#[command(about = "Benchmark measurements for bench/run.py (JSON on stdout)")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Bare jieba-rs (`Jieba::new()`, no domain words) over the decoded
    /// corpus: `cut` and `tag`, one article per rayon task.
    SegmentFloor {
        #[arg(long)]
        corpus: PathBuf,
        #[arg(long, default_value_t = 2)]
        jobs: usize,
    },
    /// Dumps a built store as N-Quads, then bulk-loads the dump into a
    /// fresh store under `--work`: quads per second of the load alone.
    LoadFloor {
        #[arg(long)]
        store: PathBuf,
        /// A scratch folder (the dump and the new store go there).
        #[arg(long)]
        work: PathBuf,
        /// The bulk loader's memory bound, as the build sets it.
        #[arg(long, default_value_t = 512)]
        loader_memory_mb: usize,
    },
    /// Runs read+decode, normalise, segment, extract, link and RDF mapping
    /// over a corpus one stage after the other, timing each.
    Stages {
        #[arg(long)]
        corpus: PathBuf,
        #[arg(long, default_value_t = 2)]
        jobs: usize,
    },
    /// Runs one query `--runs` times on a built store (opened read-only)
    /// through `cadre_kg::query::run`: one JSON line per run.
    Query {
        #[arg(long)]
        store: PathBuf,
        #[arg(long)]
        file: PathBuf,
        #[arg(long, default_value_t = 20)]
        runs: usize,
        /// No run starts after this many seconds.
        #[arg(long, default_value_t = 60.0)]
        budget_seconds: f64,
    },
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::SegmentFloor { corpus, jobs } => print(&floors::segment(&corpus, jobs)?),
        Command::LoadFloor {
            store,
            work,
            loader_memory_mb,
        } => print(&floors::load(&store, &work, loader_memory_mb)?),
        Command::Stages { corpus, jobs } => print(&stages::profile(&corpus, jobs)?),
        Command::Query {
            store,
            file,
            runs,
            budget_seconds,
        } => queries::time_runs(
            &store,
            &file,
            runs,
            Duration::try_from_secs_f64(budget_seconds.max(0.0)).unwrap_or(Duration::MAX),
        ),
    }
}

fn print(value: &impl Serialize) -> anyhow::Result<()> {
    let json = serde_json::to_string_pretty(value).context("cannot serialise the result")?;
    println!("{json}");
    Ok(())
}

/// A rayon pool of `jobs` threads, as the build makes one.
fn pool(jobs: usize) -> anyhow::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .with_context(|| format!("cannot start {jobs} threads"))
}

/// The decoded articles of a corpus, read as the build reads them; files
/// the build would skip are left out.
fn read_articles(
    corpus: &std::path::Path,
    pool: &rayon::ThreadPool,
) -> anyhow::Result<Vec<cadre_kg::corpus::Article>> {
    let read = cadre_kg::pipeline::read_all(corpus, pool)?;
    Ok(read.into_iter().filter_map(Result::ok).collect())
}

/// Megabytes (10^6 bytes) per second.
fn mb_per_s(bytes: usize, seconds: f64) -> f64 {
    bytes as f64 / 1e6 / seconds.max(f64::MIN_POSITIVE)
}
