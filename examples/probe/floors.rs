//! The two floors a build cannot go below: segmenting the text with
//! jieba-rs, and Oxigraph's bulk load of the quads the build writes. Each is
//! measured bare, on the same corpus and the same quads as the build, so
//! the build's overhead over them is visible.

use super::{mb_per_s, pool, read_articles};
use anyhow::Context;
use jieba_rs::Jieba;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::Quad;
use oxigraph::store::Store;
use rayon::prelude::*;
use serde::Serialize;
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::Path;
use std::time::Instant;

/// Quads parsed from the dump before each untimed hand-over to the loader:
/// a multiple of the loader's own batch at 512 MB and one or two threads,
/// so no batch is cut short.
const LOAD_BATCH: usize = 1_024_000;

#[derive(Serialize)]
pub struct SegmentFloor {
    articles: usize,
    /// UTF-8 bytes of the decoded text.
    bytes: usize,
    jobs: usize,
    /// Loading the dictionary and tagging one article (not timed below).
    init_seconds: f64,
    cut: Segmentation,
    tag: Segmentation,
}

#[derive(Serialize)]
struct Segmentation {
    words: usize,
    seconds: f64,
    mb_per_s: f64,
    mb_per_s_per_core: f64,
}

/// Bare jieba-rs over every decoded article, with the HMM for unknown words
/// as `extract::segment` uses it, once with `cut` and once with `tag`.
pub fn segment(corpus: &Path, jobs: usize) -> anyhow::Result<SegmentFloor> {
    let pool = pool(jobs)?;
    let articles = read_articles(corpus, &pool)?;
    let bytes = articles.iter().map(|a| a.text.len()).sum();
    let t = Instant::now();
    let jieba = Jieba::new();
    // `tag` decompresses its part-of-speech model on first use.
    if let Some(first) = articles.first() {
        jieba.tag(&first.text, true);
    }
    let init_seconds = t.elapsed().as_secs_f64();
    let time = |count: &(dyn Fn(&str) -> usize + Sync)| {
        let t = Instant::now();
        let words = pool.install(|| articles.par_iter().map(|a| count(&a.text)).sum());
        let seconds = t.elapsed().as_secs_f64();
        let rate = mb_per_s(bytes, seconds);
        Segmentation {
            words,
            seconds,
            mb_per_s: rate,
            mb_per_s_per_core: rate / jobs as f64,
        }
    };
    let cut = time(&|text| jieba.cut(text, true).len());
    let tag = time(&|text| jieba.tag(text, true).len());
    Ok(SegmentFloor {
        articles: articles.len(),
        bytes,
        jobs,
        init_seconds,
        cut,
        tag,
    })
}

#[derive(Serialize)]
pub struct LoadFloor {
    quads: usize,
    dump_bytes: u64,
    /// Writing the dump (streamed, unsorted).
    dump_seconds: f64,
    /// Parsing the dump back into quads (not part of the floor).
    parse_seconds: f64,
    /// The bulk loader alone: handing it the quads, and its commit.
    load_seconds: f64,
    commit_seconds: f64,
    quads_per_s: f64,
    loader_memory_mb: usize,
}

/// Dumps the live generation of `store_dir`, then loads the dump into a
/// fresh store with the bulk loader configured as the build's, timing only
/// the loader.
pub fn load(store_dir: &Path, work: &Path, loader_memory_mb: usize) -> anyhow::Result<LoadFloor> {
    std::fs::create_dir_all(work).with_context(|| format!("{}", work.display()))?;
    let dump = work.join("dump.nq");
    let t = Instant::now();
    write_dump(store_dir, &dump)?;
    let dump_seconds = t.elapsed().as_secs_f64();
    let dump_bytes = std::fs::metadata(&dump)
        .with_context(|| format!("{}", dump.display()))?
        .len();

    let target = work.join("load-floor-store");
    let store = Store::open(&target).with_context(|| format!("{}", target.display()))?;
    let mut loader = store
        .bulk_loader()
        .with_max_memory_size_in_megabytes(loader_memory_mb);
    let file = File::open(&dump).with_context(|| format!("{}", dump.display()))?;
    let mut parsed = RdfParser::from_format(RdfFormat::NQuads).for_reader(BufReader::new(file));
    let (mut quads, mut parse_seconds, mut load_seconds) = (0, 0.0, 0.0);
    loop {
        let t = Instant::now();
        let batch = parsed
            .by_ref()
            .take(LOAD_BATCH)
            .collect::<Result<Vec<Quad>, _>>()
            .with_context(|| format!("{}: bad N-Quads", dump.display()))?;
        parse_seconds += t.elapsed().as_secs_f64();
        if batch.is_empty() {
            break;
        }
        quads += batch.len();
        let t = Instant::now();
        loader.load_quads(batch).context("bulk load")?;
        load_seconds += t.elapsed().as_secs_f64();
    }
    let t = Instant::now();
    loader.commit().context("bulk load commit")?;
    let commit_seconds = t.elapsed().as_secs_f64();
    load_seconds += commit_seconds;
    Ok(LoadFloor {
        quads,
        dump_bytes,
        dump_seconds,
        parse_seconds,
        load_seconds,
        commit_seconds,
        quads_per_s: quads as f64 / load_seconds.max(f64::MIN_POSITIVE),
        loader_memory_mb,
    })
}

/// Streams every quad of the live generation to `out` as N-Quads (not
/// sorted like `cadre-kg dump`, so memory stays flat on large stores).
fn write_dump(store_dir: &Path, out: &Path) -> anyhow::Result<()> {
    let store = cadre_kg::store::open_reader(store_dir)?;
    let file = File::create(out).with_context(|| format!("{}", out.display()))?;
    let mut writer = store
        .dump_to_writer(
            RdfSerializer::from_format(RdfFormat::NQuads),
            BufWriter::new(file),
        )
        .with_context(|| format!("cannot dump {}", store_dir.display()))?;
    writer.flush().with_context(|| format!("{}", out.display()))
}
