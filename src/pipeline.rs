//! The build: read the corpus, run every stage per article in parallel,
//! load the quads into a new store generation and commit it.

use crate::corpus::{self, Article};
use crate::link::{self, LinkedArticle};
use crate::normalize::{self, is_cjk, Normalized};
use crate::store::{self, Manifest, StoreError};
use crate::{extract, rdf, vocab};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, Quad};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;
use thiserror::Error;

const ONTOLOGY: &str = include_str!("../ontology/cadre-kg.ttl");

#[derive(Debug, Error)]
pub enum BuildError {
    #[error("{path}: cannot read the corpus folder: {source}")]
    Corpus {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot start {jobs} worker threads: {message}")]
    Threads { jobs: usize, message: String },
}

/// A file that was not built, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

/// What a build did, for the summary and `--report`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BuildReport {
    pub articles: usize,
    pub skipped: Vec<Skipped>,
    pub quads: usize,
    pub entities_by_class: BTreeMap<String, usize>,
    pub seconds: f64,
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
    let facts = extract::extract(&normalized.text);
    let linked = link::link(&article.name, &article.hash, facts);
    Ok(Processed {
        article,
        normalized,
        linked,
    })
}

fn read_and_process(root: &Path, path: &Path) -> Result<Processed, Skipped> {
    let skipped = |reason: String| Skipped {
        file: corpus::relative_name(root, path),
        reason,
    };
    let article = corpus::read_article(root, path).map_err(|e| skipped(e.to_string()))?;
    process(article).map_err(|reason| skipped(format!("{}: {reason}", path.display())))
}

/// Builds the store at `store_dir` from every article under `corpus_dir`.
pub fn build(corpus_dir: &Path, store_dir: &Path, jobs: usize) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let lock = store::lock(store_dir)?;
    let files = corpus::find_articles(corpus_dir).map_err(|source| BuildError::Corpus {
        path: corpus_dir.to_owned(),
        source,
    })?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| BuildError::Threads {
            jobs,
            message: e.to_string(),
        })?;
    let results: Vec<Result<(Processed, Vec<Quad>), Skipped>> = pool.install(|| {
        files
            .par_iter()
            .map(|path| {
                let p = read_and_process(corpus_dir, path)?;
                let quads = rdf::article_quads(&p.linked, &p.normalized);
                Ok((p, quads))
            })
            .collect()
    });
    let mut report = BuildReport::default();
    let mut manifest = Manifest {
        extractor: extractor_version(),
        articles: BTreeMap::new(),
    };
    let mut quads = ontology_quads();
    let mut entities: BTreeSet<(String, &'static str)> = BTreeSet::new();
    for result in results {
        match result {
            Ok((p, article_quads)) => {
                report.articles += 1;
                manifest
                    .articles
                    .insert(p.article.name.clone(), p.article.hash.clone());
                for e in &p.linked.entities {
                    entities.insert((e.iri.clone(), vocab::class_of(e.kind)));
                }
                quads.extend(article_quads);
            }
            Err(skipped) => {
                tracing::warn!(file = %skipped.file, reason = %skipped.reason, "skipped");
                report.skipped.push(skipped);
            }
        }
    }
    for (_, class) in &entities {
        let local = class.rsplit('#').next().unwrap_or(class);
        *report
            .entities_by_class
            .entry(local.to_owned())
            .or_default() += 1;
    }
    report.quads = quads.len();
    let generation = store::begin(store_dir, &lock, store::Start::Empty)?;
    generation.load(quads)?;
    generation.commit(&manifest)?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The version of everything that decides the extracted facts: the crate
/// and its lexicons.
pub fn extractor_version() -> String {
    format!(
        "{}+{}",
        env!("CARGO_PKG_VERSION"),
        crate::lexicon::fingerprint()
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
    fn pinyin_only_text_is_skipped_with_a_reason() {
        let article = corpus::Article {
            name: "x.txt".into(),
            text: "(jī)(guān) abc".into(),
            hash: "h".into(),
            encoding: "UTF-8",
        };
        assert!(process(article).unwrap_err().contains("no Chinese text"));
    }
}
