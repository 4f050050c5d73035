//! The build: read the corpus, work out what changed since the live store
//! was built, run every stage per changed article in parallel, and commit
//! the result as a new store generation.
//!
//! A build is incremental when the live store's manifest was written by the
//! same extractor (code and lexicons): only new and changed articles are
//! processed and the graphs of removed ones dropped, in a copy of the live
//! generation. Otherwise, or with `full`, everything is rebuilt from empty.
//! Either way the result is the same set of quads.

use crate::corpus::{self, Article};
use crate::lexicon::divisions::divisions;
use crate::link::place::Outcome;
use crate::link::{self, LinkedArticle};
use crate::model::{AreaKind, EntityKind, RelationKind};
use crate::normalize::{self, is_cjk, Normalized};
use crate::store::{self, Manifest, Start, StoreError};
use crate::{extract, rdf, vocab};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;
use thiserror::Error;

pub mod plan;
mod records;
mod shards;
mod shared;

use plan::{Mode, Plan, RemovalsRefused, Seen};

pub use records::{extract_records, BadRecord, RecordsReport};
pub use shards::{extract_shard, load_shards, shard_of, ShardReport};
use shared::{refresh_gazetteer, IndexGraphs};

const ONTOLOGY: &str = include_str!("../../ontology/cadre-kg.ttl");
/// Articles processed and loaded together.
const CHUNK: usize = 1000;
/// First line of a shard file: which extractor wrote it.
const SHARD_HEADER: &str = "# cadre-kg extractor ";

#[derive(Debug, Error)]
pub enum BuildError {
    #[error("cannot read the corpus: {0}")]
    Corpus(#[from] corpus::WalkError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot start {jobs} worker threads: {message}")]
    Threads { jobs: usize, message: String },
    #[error("{path}: {message}")]
    Shard { path: PathBuf, message: String },
    #[error(transparent)]
    Removals(#[from] RemovalsRefused),
    #[error(transparent)]
    Record(#[from] records::BadRecord),
    #[error("cannot read the records: {0}")]
    Input(#[source] std::io::Error),
    #[error("cannot write the quads: {0}")]
    Output(#[source] std::io::Error),
}

/// A file that was not built, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

/// An article kept although decoding had to repair it.
#[derive(Debug, Clone, Serialize)]
pub struct Repaired {
    pub file: String,
    pub encoding: &'static str,
    #[serde(flatten)]
    pub repairs: corpus::Repairs,
}

/// An article some of whose sentences were cut into pieces.
#[derive(Debug, Clone, Serialize)]
pub struct CutSentences {
    pub file: String,
    pub sentences: usize,
}

/// How long one article took to read and process (normalise → RDF).
#[derive(Debug, Clone, Serialize)]
pub struct ArticleTime {
    pub file: String,
    pub seconds: f64,
}

/// How many of the slowest articles the report lists.
const SLOWEST: usize = 10;

/// How to build.
#[derive(Debug, Clone, Copy)]
pub struct BuildOptions {
    pub jobs: usize,
    /// Rebuild everything even if the extractor did not change.
    pub full: bool,
    /// Draw a progress bar (only if standard error is a terminal).
    pub progress: bool,
    /// How many live articles the build may remove (see `Plan::check_removals`).
    pub removals: plan::RemovalLimit,
}

/// Wall-clock seconds per stage.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Timings {
    pub read: f64,
    /// Starting the new generation and dropping replaced graphs.
    pub prepare: f64,
    /// Waiting, after reading and preparing, for the gazetteer and the
    /// segmenter to finish loading (they load meanwhile).
    pub warm_up: f64,
    /// Normalise → RDF, in parallel.
    pub process: f64,
    /// Bulk loading, overlapped with the processing of the next chunk.
    pub load: f64,
    /// Rewriting the gazetteer and index graphs (cross-article steps).
    pub gazetteer: f64,
    /// Compacting the store after a full build (see `Generation::compact`).
    pub compact: f64,
    pub commit: f64,
    pub total: f64,
}

/// Areas (one per article and name) by outcome of linking, per class.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PlaceCounts {
    pub linked: usize,
    /// In the gazetteer, but not picked (or not confirmed) from the article.
    pub ambiguous: usize,
    /// Not in the gazetteer (小区, new or renamed units).
    pub unknown: usize,
    /// Class → (linked, ambiguous, unknown).
    pub by_class: BTreeMap<String, [usize; 3]>,
}

impl PlaceCounts {
    fn count(&mut self, places: &[(AreaKind, Outcome)]) {
        for &(kind, outcome) in places {
            let slot = match outcome {
                Outcome::Linked(_) => 0,
                Outcome::Ambiguous => 1,
                Outcome::Unknown => 2,
            };
            let total = [&mut self.linked, &mut self.ambiguous, &mut self.unknown];
            *total.into_iter().nth(slot).expect("three outcomes") += 1;
            self.by_class.entry(kind.name().to_owned()).or_default()[slot] += 1;
        }
    }
}

/// What a build did: the summary and `--report FILE.json`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BuildReport {
    /// `full` or `incremental`.
    pub mode: String,
    pub extractor: String,
    /// Articles in the store after the build.
    pub articles: usize,
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    pub unchanged: usize,
    pub skipped: Vec<Skipped>,
    /// Files read in this run that decoding repaired (bad bytes replaced,
    /// NULs dropped), each still built.
    pub repaired: Vec<Repaired>,
    /// Articles with sentences too long for the recognisers (more than
    /// `extract::MAX_SENTENCE` chars), cut into pieces: a fact spanning a
    /// cut is missed.
    pub cut_sentences: Vec<CutSentences>,
    /// The articles that took longest to read and process, slowest first
    /// (at most `SLOWEST`).
    pub slowest: Vec<ArticleTime>,
    /// Quads in the store after the build.
    pub statements: usize,
    pub entities_by_class: BTreeMap<String, usize>,
    /// How the areas of the articles processed in this run were linked to
    /// official divisions.
    pub places: PlaceCounts,
    /// Relations between entities stated in the articles processed in this
    /// run (each once per article), by kind (`org-in-area`, `organizer`,
    /// `participant`).
    pub relations: BTreeMap<String, usize>,
    /// Articles processed in this run that give their publication date.
    pub dated: usize,
    pub seconds: Timings,
    /// Peak resident memory of the process (VmHWM), if known.
    pub peak_memory_bytes: Option<u64>,
    /// Old generations kept because a running server still reads them
    /// (removed by a later build once it lets go).
    pub kept_generations: Vec<String>,
}

impl BuildReport {
    /// Notes what the build report says about one processed article: its
    /// cut sentences, and its time if among the slowest.
    fn note_processed(&mut self, done: &ArticleQuads) {
        if done.cut_sentences > 0 {
            self.cut_sentences.push(CutSentences {
                file: done.name.clone(),
                sentences: done.cut_sentences,
            });
        }
        let at = self.slowest.partition_point(|a| a.seconds >= done.seconds);
        if at < SLOWEST {
            self.slowest.insert(
                at,
                ArticleTime {
                    file: done.name.clone(),
                    seconds: done.seconds,
                },
            );
            self.slowest.truncate(SLOWEST);
        }
    }

    fn count_facts(&mut self, relations: &[RelationKind], dated: bool) {
        for kind in relations {
            *self.relations.entry(kind.name().to_owned()).or_default() += 1;
        }
        self.dated += usize::from(dated);
    }
}

/// One article through every stage up to RDF.
#[derive(Debug)]
pub struct Processed {
    pub article: Article,
    pub normalized: Normalized,
    pub linked: LinkedArticle,
}

/// Normalises, extracts and links one decoded article.
pub fn process(article: Article) -> Result<Processed, String> {
    let normalized = normalize::normalize(&article.text);
    if !normalized.text.chars().any(is_cjk) {
        return Err("no Chinese text left after normalisation (only markup or pinyin)".to_owned());
    }
    let linked = survive(|| {
        let facts = extract::extract(&normalized.text);
        link::link(&article.name, &article.hash, facts)
    })
    .map_err(|bug| {
        format!("extraction failed on this article ({bug}); this is a bug in cadre-kg: please report it with this file")
    })?;
    Ok(Processed {
        article,
        normalized,
        linked,
    })
}

/// Runs `work`, turning a panic into its message: a bug that one article's
/// text trips skips that article, with a named reason, instead of
/// aborting the whole build (the other articles and the stored
/// generation are untouched).
fn survive<T>(work: impl FnOnce() -> T + std::panic::UnwindSafe) -> Result<T, String> {
    std::panic::catch_unwind(work).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_owned())
    })
}

/// One article's quads and what its areas' linking gave.
struct ArticleQuads {
    name: String,
    hash: String,
    stamp: Option<corpus::Stamp>,
    quads: Vec<Quad>,
    places: Vec<(AreaKind, Outcome)>,
    /// Sentences too long for the recognisers, cut into pieces.
    cut_sentences: usize,
    /// Reading and processing it took, in seconds.
    seconds: f64,
    relations: Vec<RelationKind>,
    dated: bool,
}

/// The quads of one article, or why it was skipped.
fn article_quads(article: Article) -> Result<ArticleQuads, Skipped> {
    let name = article.name.clone();
    let p = process(article).map_err(|reason| Skipped {
        file: name.clone(),
        reason,
    })?;
    let quads = rdf::article_quads(&p.linked, &p.normalized);
    let places = p
        .linked
        .entities
        .iter()
        .filter_map(|e| match (e.kind, e.place) {
            (EntityKind::Area(kind), Some(outcome)) => Some((kind, outcome)),
            _ => None,
        })
        .collect();
    Ok(ArticleQuads {
        name: p.article.name,
        hash: p.article.hash,
        stamp: p.article.stamp,
        quads,
        places,
        cut_sentences: p.linked.facts.cut_sentences,
        seconds: 0.0,
        relations: p.linked.relations.iter().map(|r| r.kind).collect(),
        dated: p.linked.facts.published.is_some(),
    })
}

fn thread_pool(jobs: usize) -> Result<rayon::ThreadPool, BuildError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| BuildError::Threads {
            jobs,
            message: e.to_string(),
        })
}

/// A corpus file as reading found it.
enum Found<T> {
    /// Read and decoded, kept as `T` (or not readable, and why).
    Read(Result<T, Skipped>),
    /// Not read: its stamp is the one `known` recorded, so its content is.
    Untouched(String),
}

/// Reads and decodes every article under `root`, in name order, except
/// those whose stamp `known` (the live manifest) vouches for; `keep` says
/// what of each article to hold on to.
fn read_corpus<T: Send>(
    root: &Path,
    pool: &rayon::ThreadPool,
    known: Option<&Manifest>,
    keep: impl Fn(Article) -> T + Sync,
) -> Result<Vec<Found<T>>, BuildError> {
    let files = corpus::find_articles(root)?;
    let untouched = |name: &str, path: &Path| {
        known.is_some_and(|m| {
            m.articles.contains_key(name)
                && m.stamps.get(name).is_some_and(|s| {
                    s.settled(m.stamped_at_ns) && corpus::stamp(path).as_ref() == Some(s)
                })
        })
    };
    Ok(pool.install(|| {
        files
            .par_iter()
            .map(|path| {
                let name = corpus::relative_name(root, path);
                if untouched(&name, path) {
                    return Found::Untouched(name);
                }
                Found::Read(read_one(root, path).map(&keep))
            })
            .collect()
    }))
}

fn read_one(root: &Path, path: &Path) -> Result<Article, Skipped> {
    corpus::read_article(root, path).map_err(|e| Skipped {
        file: corpus::relative_name(root, path),
        reason: e.problem.to_string(),
    })
}

/// An article as the build's first reading found it, without its text:
/// the articles to process are read again chunk by chunk, so a build holds
/// one chunk's text at a time and its memory does not grow with the corpus.
#[derive(Clone)]
struct Pending {
    name: String,
    hash: String,
    stamp: Option<corpus::Stamp>,
}

/// Reads and decodes every article under `root`, in name order (or why
/// a file could not be read).
pub fn read_all(
    root: &Path,
    pool: &rayon::ThreadPool,
) -> Result<Vec<Result<Article, Skipped>>, BuildError> {
    Ok(read_corpus(root, pool, None, |a| a)?
        .into_iter()
        .filter_map(|found| match found {
            Found::Read(result) => Some(result),
            Found::Untouched(_) => None,
        })
        .collect())
}

fn progress_bar(len: usize, wanted: bool) -> ProgressBar {
    use std::io::IsTerminal;
    if !wanted || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} articles {elapsed} (eta {eta})")
    {
        bar.set_style(style);
    }
    bar
}

/// Builds or rebuilds the store at `store_dir` from every article under
/// `corpus_dir`: read, plan (and check the plan's removals before the store
/// is touched), prepare the new generation, process and load, derive the
/// cross-article graphs, commit.
pub fn build(
    corpus_dir: &Path,
    store_dir: &Path,
    options: BuildOptions,
) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let lock = store::lock(store_dir)?;
    let pool = thread_pool(options.jobs)?;
    let extractor = extractor_version();
    let live = match store::current_manifest(store_dir) {
        // The way out of a damaged store: rebuild it from empty.
        Err(StoreError::Damaged { path, problem }) if options.full => {
            tracing::warn!(
                "{}: {problem}; rebuilding the store in full",
                path.display()
            );
            None
        }
        live => live?,
    };
    let mode = Mode::choose(live.as_ref(), &extractor, options.full);
    // Load the gazetteer and the segmenter while the corpus is read and the
    // new generation prepared; a build with nothing to process never waits.
    let warming = std::thread::spawn(extract::warm_up);

    let t = Instant::now();
    let reading = read_phase(corpus_dir, &pool, mode, live.as_ref())?;
    let plan = plan::plan(mode, live.as_ref(), &reading.seen);
    plan.check_removals(options.removals)?;
    let mut report = BuildReport {
        mode: mode.name().to_owned(),
        extractor,
        added: plan.added.len(),
        changed: plan.changed.len(),
        removed: plan.removed.len(),
        unchanged: plan.unchanged.len(),
        ..BuildReport::default()
    };
    report.seconds.read = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let live = live.filter(|_| mode == Mode::Incremental);
    let (generation, mut work) = prepare(store_dir, &lock, &plan, live, &reading)?;
    report.seconds.prepare = t.elapsed().as_secs_f64();

    let todo = reading.to_process(&plan);
    report.skipped = reading.skipped;
    report.repaired = reading.repaired;
    if !todo.is_empty() {
        let t = Instant::now();
        // A panic there would recur, with its message, on the first article.
        let _ = warming.join();
        report.seconds.warm_up = t.elapsed().as_secs_f64();
    }
    let bar = progress_bar(todo.len(), options.progress);
    let mut batch = Batch {
        report: &mut report,
        manifest: &mut work.manifest,
        touched: &mut work.touched,
        index: &mut work.index,
    };
    work.statements += process_and_load(corpus_dir, todo, &pool, &generation, &bar, &mut batch)?;
    bar.finish_and_clear();

    derive(&generation, &plan, &mut work, &mut report)?;
    commit(store_dir, generation, work, &mut report)?;
    report.seconds.total = started.elapsed().as_secs_f64();
    report.peak_memory_bytes = peak_memory_bytes();
    Ok(report)
}

/// What reading the corpus gave: each file as the plan sees it, and the
/// articles read (without their text) or skipped.
struct Reading {
    /// When reading started (ns since the epoch): the manifest's stamps
    /// are as of then.
    stamped_at_ns: u64,
    seen: Vec<(String, Seen)>,
    read: Vec<Pending>,
    skipped: Vec<Skipped>,
    repaired: Vec<Repaired>,
}

impl Reading {
    /// The articles the plan says to process, in corpus order.
    fn to_process(&self, plan: &Plan) -> Vec<Pending> {
        let wanted: BTreeSet<&String> = plan.added.iter().chain(&plan.changed).collect();
        self.read
            .iter()
            .filter(|p| wanted.contains(&p.name))
            .cloned()
            .collect()
    }
}

/// Reads and hashes the corpus; in an incremental build, files whose stamp
/// the live manifest vouches for are not read.
fn read_phase(
    corpus_dir: &Path,
    pool: &rayon::ThreadPool,
    mode: Mode,
    live: Option<&Manifest>,
) -> Result<Reading, BuildError> {
    let known = live.filter(|_| mode == Mode::Incremental);
    let stamped_at_ns = corpus::now_ns();
    let found = read_corpus(corpus_dir, pool, known, |a| {
        let repaired = a.repairs.any().then(|| Repaired {
            file: a.name.clone(),
            encoding: a.encoding,
            repairs: a.repairs,
        });
        let pending = Pending {
            name: a.name,
            hash: a.hash,
            stamp: a.stamp,
        };
        (pending, repaired)
    })?;
    let mut reading = Reading {
        stamped_at_ns,
        seen: Vec::with_capacity(found.len()),
        read: Vec::new(),
        skipped: Vec::new(),
        repaired: Vec::new(),
    };
    for found in found {
        match found {
            Found::Untouched(name) => reading.seen.push((name, Seen::Untouched)),
            Found::Read(Ok((p, repaired))) => {
                reading
                    .seen
                    .push((p.name.clone(), Seen::Read(p.hash.clone())));
                reading.read.push(p);
                reading.repaired.extend(repaired);
            }
            Found::Read(Err(s)) => {
                reading.seen.push((s.file.clone(), Seen::Unreadable));
                reading.skipped.push(s);
            }
        }
    }
    Ok(reading)
}

/// A build under way: the new manifest and what is kept up to date as
/// graphs go and come.
struct Work {
    manifest: Manifest,
    touched: Touched,
    index: IndexGraphs,
    /// Quads in the new generation.
    statements: usize,
    /// The live counts of entities per class, to update from what changed
    /// (`None`: recount the store at the end).
    entities_by_class: Option<BTreeMap<String, usize>>,
}

/// Starts the new generation (empty, or a copy of `live` for an
/// incremental build) and drops from it the graphs the plan replaces or
/// removes.
fn prepare(
    store_dir: &Path,
    lock: &store::WriteLock,
    plan: &Plan,
    live: Option<Manifest>,
    reading: &Reading,
) -> Result<(store::Generation, Work), BuildError> {
    let incremental = plan.mode == Mode::Incremental;
    let live = live.unwrap_or_default();
    let mut manifest = Manifest {
        extractor: extractor_version(),
        articles: live.articles,
        stamps: live.stamps,
        stamped_at_ns: reading.stamped_at_ns,
        ..Manifest::default()
    };
    // Unchanged articles read again keep their content, with a new stamp.
    let unchanged: BTreeSet<&String> = plan.unchanged.iter().collect();
    for p in reading.read.iter().filter(|p| unchanged.contains(&p.name)) {
        if let Some(stamp) = p.stamp {
            manifest.stamps.insert(p.name.clone(), stamp);
        }
    }
    for name in plan.dropped() {
        manifest.articles.remove(name);
        manifest.stamps.remove(name);
    }
    // Entity counts are updated from what changed when the live ones are
    // known; otherwise the store is recounted at the end.
    let entities_by_class =
        Some(live.entities_by_class).filter(|counts| incremental && !counts.is_empty());
    let mut work = Work {
        manifest,
        touched: Touched::new(entities_by_class.is_some()),
        index: IndexGraphs::new(incremental),
        statements: 0,
        entities_by_class,
    };
    let start = if incremental {
        Start::Live
    } else {
        Start::Empty
    };
    let generation = store::begin(store_dir, lock, start)?;
    work.statements = match live.statements {
        n if incremental && n > 0 => n,
        _ if incremental => generation.len()?,
        _ => 0,
    };
    for name in plan.dropped() {
        let graph = NamedNode::new_unchecked(link::article_iri(name));
        work.drop_graph(&generation, &graph, true)?;
    }
    if !incremental {
        let ontology = ontology_quads();
        work.statements += ontology.len();
        generation.load(ontology)?;
    } else if !plan.is_idle() {
        // Analytics describe the whole graph: once it changes they are
        // stale, so they go until `cadre-kg analyze` runs again.
        let graph = NamedNode::new_unchecked(vocab::ANALYTICS_GRAPH);
        work.drop_graph(&generation, &graph, false)?;
    }
    Ok((generation, work))
}

impl Work {
    /// Drops `graph` from `generation`, keeping the counts (and, for an
    /// article graph, the index graphs) up to date.
    fn drop_graph(
        &mut self,
        generation: &store::Generation,
        graph: &NamedNode,
        article: bool,
    ) -> Result<(), StoreError> {
        let held = generation.remove_graph(graph)?;
        self.touched.add_quads(&held);
        if article {
            self.index.forget(&held);
        }
        self.statements = self.statements.saturating_sub(held.len());
        Ok(())
    }
}

/// The cross-article steps once every article is loaded: compaction after
/// a full build, then the gazetteer and index graphs when graphs changed.
fn derive(
    generation: &store::Generation,
    plan: &Plan,
    work: &mut Work,
    report: &mut BuildReport,
) -> Result<(), StoreError> {
    let full = plan.mode == Mode::Full;
    if full {
        // Before the cross-article steps read the store: until then every
        // lookup consults each chunk's overlapping files (a 100k build
        // spent 95 s reading the codes back for the gazetteer graph).
        let t = Instant::now();
        generation.compact()?;
        report.seconds.compact = t.elapsed().as_secs_f64();
    }
    if full || !plan.is_idle() {
        let t = Instant::now();
        let (count, diff) = refresh_gazetteer(generation, &mut work.index, work.statements)?;
        work.statements = count;
        work.touched.add_quads(&diff.removed);
        work.touched.add_quads(&diff.added);
        report.seconds.gazetteer = t.elapsed().as_secs_f64();
    }
    Ok(())
}

/// Counts what the new generation holds, writes its manifest and makes it
/// the live one.
fn commit(
    store_dir: &Path,
    generation: store::Generation,
    work: Work,
    report: &mut BuildReport,
) -> Result<(), StoreError> {
    let mut manifest = work.manifest;
    report.articles = manifest.articles.len();
    report.statements = work.statements;
    manifest.statements = work.statements;
    report.entities_by_class = match work.entities_by_class {
        Some(live) => work.touched.recount(store_dir, &generation, live)?,
        None => entities_by_class(&generation)?,
    };
    manifest.entities_by_class = report.entities_by_class.clone();
    let t = Instant::now();
    report.kept_generations = generation.commit(&manifest)?;
    report.seconds.commit = t.elapsed().as_secs_f64();
    Ok(())
}

/// What processing the articles updates besides the store.
struct Batch<'a> {
    report: &'a mut BuildReport,
    manifest: &'a mut Manifest,
    touched: &'a mut Touched,
    index: &'a mut IndexGraphs,
}

/// `(entity, class)` pairs whose presence a build may change: the typed
/// subjects of every graph it drops, rewrites or adds. An incremental build
/// updates the live counts of entities per class by checking only these
/// in the old and the new generation, instead of recounting the store.
/// Records nothing when the store will be recounted: a full build would
/// otherwise hold every sentence of the corpus here, and its memory would
/// grow with the archive.
struct Touched(Option<BTreeSet<(String, String)>>);

impl Touched {
    fn new(recording: bool) -> Self {
        Touched(recording.then(BTreeSet::new))
    }

    fn add_quads(&mut self, quads: &[Quad]) {
        let Some(set) = &mut self.0 else {
            return;
        };
        for q in quads
            .iter()
            .filter(|q| q.predicate.as_str() == vocab::RDF_TYPE)
        {
            if let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(c)) = (&q.subject, &q.object) {
                set.insert((s.as_str().to_owned(), c.as_str().to_owned()));
            }
        }
    }

    /// The live counts moved by what changed between the live generation
    /// and `generation`.
    fn recount(
        &self,
        store_dir: &Path,
        generation: &store::Generation,
        mut counts: BTreeMap<String, usize>,
    ) -> Result<BTreeMap<String, usize>, StoreError> {
        let live = store::open_reader(store_dir)?;
        for (subject, class) in self.0.iter().flatten() {
            let Some(local) = class.strip_prefix(vocab::CK) else {
                continue;
            };
            let before =
                store::has_type(&live, subject, class).map_err(|source| StoreError::Storage {
                    path: store_dir.to_owned(),
                    source,
                })?;
            let after = generation.has_type(subject, class)?;
            let n = counts.entry(local.to_owned()).or_default();
            *n = (*n + usize::from(after)).saturating_sub(usize::from(before));
        }
        counts.retain(|_, n| *n > 0);
        Ok(counts)
    }
}

/// Processes the articles in chunks (so memory stays flat on large
/// corpora) while the previous chunk's quads are sorted into files on the
/// loader's threads. All the files are ingested once, at the end: an
/// ingestion per chunk made RocksDB merge the overlapping files again and
/// again in the background (a 10k build took 20–35% longer). Returns the
/// quads loaded.
fn process_and_load(
    root: &Path,
    todo: Vec<Pending>,
    pool: &rayon::ThreadPool,
    generation: &store::Generation,
    bar: &ProgressBar,
    batch: &mut Batch,
) -> Result<usize, BuildError> {
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Quad>>(1);
    std::thread::scope(|scope| {
        let loader = scope.spawn(move || -> Result<f64, StoreError> {
            let mut seconds = 0.0;
            let mut loader = generation.loader();
            for quads in receive {
                let t = Instant::now();
                loader.add(quads)?;
                seconds += t.elapsed().as_secs_f64();
            }
            let t = Instant::now();
            loader.commit()?;
            seconds += t.elapsed().as_secs_f64();
            Ok(seconds)
        });
        let mut loaded = 0;
        let mut todo = todo.into_iter().peekable();
        while todo.peek().is_some() {
            let chunk: Vec<Pending> = todo.by_ref().take(CHUNK).collect();
            let t = Instant::now();
            let results: Vec<Result<ArticleQuads, Skipped>> = pool.install(|| {
                chunk
                    .into_par_iter()
                    .map(|pending| {
                        let t = Instant::now();
                        let result =
                            read_one(root, &root.join(&pending.name)).and_then(article_quads);
                        bar.inc(1);
                        result.map(|done| ArticleQuads {
                            seconds: t.elapsed().as_secs_f64(),
                            ..done
                        })
                    })
                    .collect()
            });
            let mut quads = Vec::new();
            for result in results {
                match result {
                    Ok(done) => {
                        batch.report.note_processed(&done);
                        if let Some(stamp) = done.stamp {
                            batch.manifest.stamps.insert(done.name.clone(), stamp);
                        }
                        batch.manifest.articles.insert(done.name, done.hash);
                        batch.report.places.count(&done.places);
                        batch.report.count_facts(&done.relations, done.dated);
                        batch.touched.add_quads(&done.quads);
                        quads.extend(done.quads);
                    }
                    Err(skipped) => batch.report.skipped.push(skipped),
                }
            }
            let fresh = batch.index.fresh(&quads, generation)?;
            quads.extend(fresh);
            batch.report.seconds.process += t.elapsed().as_secs_f64();
            loaded += quads.len();
            if send.send(quads).is_err() {
                break; // the loader failed: its error is returned below
            }
        }
        drop(send);
        batch.report.seconds.load = loader.join().expect("the loader thread does not panic")?;
        Ok(loaded)
    })
}

/// Distinct entities per `ck:` class, by local name.
///
/// Entities and articles are counted in the index graphs, where each is
/// typed once, and sentences, unique to their article's graph, where they
/// are: `COUNT(DISTINCT)` over every graph held each subject of the corpus
/// in memory at once, the peak of a large build.
fn entities_by_class(
    generation: &store::Generation,
) -> Result<BTreeMap<String, usize>, StoreError> {
    let entities = format!(
        "SELECT ?c (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ <{}> <{}> }} GRAPH ?g {{ ?s a ?c }} }} GROUP BY ?c",
        vocab::FACTS_GRAPH,
        vocab::ARTICLES_GRAPH
    );
    let records = format!(
        "SELECT ?c (COUNT(*) AS ?n) WHERE {{ VALUES ?c {{ <{}> }} GRAPH ?g {{ ?s a ?c }} }} GROUP BY ?c",
        vocab::SENTENCE
    );
    let mut counts = generation.class_counts(&entities)?;
    counts.extend(generation.class_counts(&records)?);
    Ok(counts
        .into_iter()
        .filter_map(|(class, n)| {
            class
                .strip_prefix(vocab::CK)
                .map(|local| (local.to_owned(), n))
        })
        .collect())
}

/// The process's peak resident memory, from `/proc/self/status`.
pub fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The version of everything that decides the extracted facts: the crate
/// version and a fingerprint of the stage sources and data files
/// (`build.rs`).
pub fn extractor_version() -> String {
    format!(
        "{}+{}",
        env!("CARGO_PKG_VERSION"),
        env!("CADRE_KG_EXTRACTOR")
    )
}

/// The ontology, in its own named graph.
pub fn ontology_quads() -> Vec<Quad> {
    let graph = GraphName::NamedNode(NamedNode::new_unchecked(vocab::ONTOLOGY_GRAPH));
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(ONTOLOGY.as_bytes())
        .map(|t| {
            let t = t.expect("ontology/cadre-kg.ttl is valid Turtle (checked by a test)");
            Quad::new(t.subject, t.predicate, t.object, graph.clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ontology_parses() {
        assert!(ontology_quads().len() > 50);
    }

    #[test]
    fn a_panic_in_one_article_becomes_its_reason() {
        assert_eq!(survive(|| 7), Ok(7));
        let index = 9;
        let failed = survive(|| [1, 2][index % 5]);
        assert!(failed.is_err_and(|m| m.contains("index out of bounds")));
        assert_eq!(survive(|| -> u8 { panic!("boom") }), Err("boom".to_owned()));
    }

    #[test]
    fn pinyin_only_text_is_skipped_with_a_reason() {
        let article = corpus::Article {
            name: "x.txt".into(),
            text: "(jī)(guān) abc".into(),
            hash: "h".into(),
            encoding: "UTF-8",
            repairs: corpus::Repairs::default(),
            stamp: None,
        };
        assert!(process(article).unwrap_err().contains("no Chinese text"));
    }
}
