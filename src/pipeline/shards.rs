//! Shards: the scale-out path. `extract_shard` writes one shard's quads
//! with no shared state, so shards run on any batch engine; `load_shards`
//! assembles them into the store a single build gives.

use super::*;

/// Which of `of` shards an article belongs to: stable, from its name only.
pub fn shard_of(name: &str, of: usize) -> usize {
    let digest = corpus::hash_bytes(name.as_bytes());
    let n = u64::from_str_radix(&digest[..15], 16).unwrap_or(0);
    (n % of.max(1) as u64) as usize
}

/// What `extract --shard` wrote.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ShardReport {
    pub articles: usize,
    pub quads: usize,
    pub skipped: Vec<Skipped>,
}

/// Writes the quads of shard `shard` (0-based) of `of` to `out` as sorted
/// N-Quads, with no shared state: shards run anywhere and `load` assembles
/// them into the store a single build gives.
pub fn extract_shard(
    corpus_dir: &Path,
    shard: usize,
    of: usize,
    out: &Path,
    jobs: usize,
) -> Result<ShardReport, BuildError> {
    let pool = thread_pool(jobs)?;
    let mine: Vec<Result<Article, Skipped>> = read_all(corpus_dir, &pool)?
        .into_iter()
        .filter(|r| {
            let name = match r {
                Ok(a) => &a.name,
                Err(s) => &s.file,
            };
            shard_of(name, of) == shard
        })
        .collect();
    let results: Vec<Result<ArticleQuads, Skipped>> = pool.install(|| {
        mine.into_par_iter()
            .map(|r| r.and_then(article_quads))
            .collect()
    });
    let mut report = ShardReport::default();
    let mut lines = Vec::new();
    for result in results {
        match result {
            Ok(done) => {
                report.articles += 1;
                lines.extend(done.quads.iter().map(|q| format!("{q} .")));
            }
            Err(skipped) => report.skipped.push(skipped),
        }
    }
    lines.sort();
    report.quads = lines.len();
    let shard_err = |e: std::io::Error| BuildError::Shard {
        path: out.to_owned(),
        message: e.to_string(),
    };
    let mut w = std::io::BufWriter::new(std::fs::File::create(out).map_err(shard_err)?);
    writeln!(w, "{SHARD_HEADER}{}", extractor_version()).map_err(shard_err)?;
    for line in &lines {
        writeln!(w, "{line}").map_err(shard_err)?;
    }
    w.flush().map_err(shard_err)?;
    Ok(report)
}

/// Builds a store from shard files written by `extract_shard`.
pub fn load_shards(store_dir: &Path, files: &[PathBuf]) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let lock = store::lock(store_dir)?;
    let mut manifest = Manifest {
        extractor: extractor_version(),
        ..Manifest::default()
    };
    let mut quads = ontology_quads();
    for file in files {
        let (extractor, shard_quads) = read_shard(file)?;
        if extractor != manifest.extractor {
            return Err(BuildError::Shard {
                path: file.clone(),
                message: format!(
                    "written by extractor {extractor}, this binary is {}; re-run the shards with this binary",
                    manifest.extractor
                ),
            });
        }
        manifest.articles.extend(articles_of(&shard_quads));
        quads.extend(shard_quads);
    }
    let generation = store::begin(store_dir, &lock, Start::Empty)?;
    let t = Instant::now();
    let loaded = quads.len();
    let mut index = IndexGraphs::new(false);
    let fresh = index.fresh(&quads, &generation)?;
    let loaded = loaded + fresh.len();
    generation.load(quads.into_iter().chain(fresh))?;
    manifest.statements = refresh_gazetteer(&generation, &mut index, loaded)?.0;
    let mut report = BuildReport {
        mode: "load".to_owned(),
        extractor: manifest.extractor.clone(),
        articles: manifest.articles.len(),
        added: manifest.articles.len(),
        ..BuildReport::default()
    };
    report.seconds.load = t.elapsed().as_secs_f64();
    report.statements = manifest.statements;
    report.entities_by_class = entities_by_class(&generation)?;
    let t = Instant::now();
    generation.compact()?;
    report.seconds.compact = t.elapsed().as_secs_f64();
    report.kept_generations = generation.commit(&manifest)?;
    report.seconds.total = started.elapsed().as_secs_f64();
    report.peak_memory_bytes = peak_memory_bytes();
    Ok(report)
}

fn read_shard(path: &Path) -> Result<(String, Vec<Quad>), BuildError> {
    let shard_err = |message: String| BuildError::Shard {
        path: path.to_owned(),
        message,
    };
    let file = std::fs::File::open(path).map_err(|e| shard_err(e.to_string()))?;
    let mut reader = std::io::BufReader::new(file);
    let mut header = String::new();
    reader
        .read_line(&mut header)
        .map_err(|e| shard_err(e.to_string()))?;
    let extractor = header
        .trim()
        .strip_prefix(SHARD_HEADER)
        .ok_or_else(|| {
            shard_err("not a cadre-kg shard (no extractor header on the first line)".to_owned())
        })?
        .to_owned();
    let quads = RdfParser::from_format(RdfFormat::NQuads)
        .for_reader(reader)
        .collect::<Result<Vec<Quad>, _>>()
        .map_err(|e| shard_err(format!("bad N-Quads: {e}")))?;
    Ok((extractor, quads))
}

/// Article name → content hash, from the articles' own graphs.
fn articles_of(quads: &[Quad]) -> BTreeMap<String, String> {
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    let mut hashes: BTreeMap<String, String> = BTreeMap::new();
    for q in quads {
        let (NamedOrBlankNode::NamedNode(s), Term::Literal(o)) = (&q.subject, &q.object) else {
            continue;
        };
        match q.predicate.as_str() {
            vocab::SOURCE_FILE => {
                files.insert(s.as_str().to_owned(), o.value().to_owned());
            }
            vocab::CONTENT_HASH => {
                hashes.insert(s.as_str().to_owned(), o.value().to_owned());
            }
            _ => {}
        }
    }
    files
        .into_iter()
        .filter_map(|(article, file)| hashes.remove(&article).map(|h| (file, h)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_stable_and_cover_every_index() {
        let names: Vec<String> = (0..60).map(|i| format!("a{i}.txt")).collect();
        let shards: BTreeSet<usize> = names.iter().map(|n| shard_of(n, 3)).collect();
        assert_eq!(shards, BTreeSet::from([0, 1, 2]));
        assert_eq!(shard_of("a1.txt", 3), shard_of("a1.txt", 3));
    }
}
