//! The per-article stages of the build, run one after the other over a
//! corpus so that each stage's time is its own. The build runs them fused
//! per article (`pipeline::process`), where only their sum is visible.
//!
//! Articles go in chunks of `CHUNK`, as in the build, so memory stays
//! flat; every stage is one parallel pass over the chunk on `jobs` threads.
//! Segmentation is timed on its own with the calls `extract` makes
//! (sentences, then `segment::tag` on each); `extract` is timed whole, so
//! extraction without segmentation is the difference.

use super::{mb_per_s, pool, read_articles};
use cadre_kg::corpus::Article;
use cadre_kg::extract::{self, segment};
use cadre_kg::model::ArticleFacts;
use cadre_kg::normalize::{self, is_cjk, Normalized};
use cadre_kg::{link, rdf};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

/// Articles per chunk, as `pipeline::build` processes them.
const CHUNK: usize = 1000;

#[derive(Serialize)]
pub struct Profile {
    jobs: usize,
    articles: usize,
    /// UTF-8 bytes of the decoded text: the denominator of every MB/s.
    bytes: usize,
    chars: usize,
    quads: usize,
    /// Loading the gazetteer and the segmenter, and extracting one article
    /// (once per build; not in any stage).
    warm_up_seconds: f64,
    stages: BTreeMap<&'static str, Stage>,
}

#[derive(Serialize, Default, Clone, Copy)]
struct Stage {
    seconds: f64,
    mb_per_s: f64,
    mb_per_s_per_core: f64,
}

/// Seconds per stage, summed over the chunks.
#[derive(Default)]
struct Seconds {
    read: f64,
    normalize: f64,
    segment: f64,
    extract: f64,
    link: f64,
    rdf: f64,
}

/// Times every stage over the corpus on `jobs` threads.
pub fn profile(corpus: &Path, jobs: usize) -> anyhow::Result<Profile> {
    let pool = pool(jobs)?;
    let mut seconds = Seconds::default();
    let t = Instant::now();
    let articles = read_articles(corpus, &pool)?;
    seconds.read = t.elapsed().as_secs_f64();
    let t = Instant::now();
    extract::warm_up();
    // jieba's `tag` decompresses its part-of-speech model on first use.
    if let Some(first) = articles.first() {
        extract::extract(&normalize::normalize(&first.text).text);
    }
    let warm_up_seconds = t.elapsed().as_secs_f64();
    let bytes = articles.iter().map(|a| a.text.len()).sum();
    let chars = articles.iter().map(|a| a.text.chars().count()).sum();
    let mut quads = 0;
    for chunk in articles.chunks(CHUNK) {
        quads += pool.install(|| run_chunk(chunk, &mut seconds));
    }
    let stage = |s: f64| {
        let rate = mb_per_s(bytes, s);
        Stage {
            seconds: s,
            mb_per_s: rate,
            mb_per_s_per_core: rate / jobs as f64,
        }
    };
    let stages = BTreeMap::from([
        ("read_decode", stage(seconds.read)),
        ("normalize", stage(seconds.normalize)),
        ("segment", stage(seconds.segment)),
        ("extract", stage(seconds.extract)),
        (
            "extract_without_segment",
            stage((seconds.extract - seconds.segment).max(0.0)),
        ),
        ("link", stage(seconds.link)),
        ("rdf", stage(seconds.rdf)),
    ]);
    Ok(Profile {
        jobs,
        articles: articles.len(),
        bytes,
        chars,
        quads,
        warm_up_seconds,
        stages,
    })
}

/// Runs each stage over one chunk in turn; returns the quads made.
fn run_chunk(chunk: &[Article], seconds: &mut Seconds) -> usize {
    let normalized: Vec<(&Article, Normalized)> = timed(&mut seconds.normalize, || {
        chunk
            .par_iter()
            .map(|a| (a, normalize::normalize(&a.text)))
            // Articles the build skips: nothing Chinese left.
            .filter(|(_, n)| n.text.chars().any(is_cjk))
            .collect()
    });
    timed(&mut seconds.segment, || {
        normalized
            .par_iter()
            .map(|(_, n)| segment_all(&n.text))
            .sum::<usize>()
    });
    let facts: Vec<ArticleFacts> = timed(&mut seconds.extract, || {
        normalized
            .par_iter()
            .map(|(_, n)| extract::extract(&n.text))
            .collect()
    });
    let linked: Vec<link::LinkedArticle> = timed(&mut seconds.link, || {
        normalized
            .par_iter()
            .zip(facts)
            .map(|((a, _), f)| link::link(&a.name, &a.hash, f))
            .collect()
    });
    timed(&mut seconds.rdf, || {
        normalized
            .par_iter()
            .zip(&linked)
            .map(|((_, n), l)| rdf::article_quads(l, n).len())
            .sum()
    })
}

/// Segments normalised text as `extract` does: sentence by sentence, with
/// the domain dictionary and tags. Returns the number of words.
fn segment_all(text: &str) -> usize {
    extract::split_sentences(text)
        .iter()
        .map(|s| segment::tag(&s.text).len())
        .sum()
}

/// Runs `f`, adding its wall time to `total`.
fn timed<T>(total: &mut f64, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    *total += t.elapsed().as_secs_f64();
    out
}
