//! The `cadre-kg` command line: parses arguments, calls the library, and
//! turns errors into messages and exit codes. No logic lives here.

use anyhow::{Context, Result};
use cadre_kg::query::OutputFormat;
use cadre_kg::{corpus, normalize, pipeline, query, store};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod graph_cli;
mod place_cli;

/// Build and query a knowledge graph of Chinese grassroots-governance
/// reporting: people, areas, organizations, initiatives and posts.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build or rebuild the store from every *.txt under the corpus.
    ///
    /// Incremental: only new and changed articles are processed, removed
    /// ones dropped; everything is rebuilt when the extractor changed.
    /// Exit status: 0 built, 1 built but some files were skipped, 2 failed
    /// (the previous store is kept).
    Build {
        #[arg(long)]
        corpus: PathBuf,
        #[arg(long)]
        store: PathBuf,
        /// Worker threads (default: all cores).
        #[arg(long)]
        jobs: Option<usize>,
        /// Rebuild everything, even articles that did not change.
        #[arg(long)]
        full: bool,
        /// Write counts, timings and peak memory as JSON to this file.
        #[arg(long)]
        report: Option<PathBuf>,
        /// Let the build remove any number of stored articles, even all
        /// (by default it stops, keeping the store, when it would remove
        /// more than half of them or the corpus folder is empty).
        #[arg(long, conflicts_with = "max_removals")]
        allow_removals: bool,
        /// The most stored articles the build may remove: a number (20) or
        /// a share of them (10%). Default: 50%.
        #[arg(long, value_name = "N|P%")]
        max_removals: Option<pipeline::plan::RemovalLimit>,
    },
    /// Write every quad of the store, sorted, as N-Quads (no blank nodes):
    /// the same corpus gives the same dump.
    Dump {
        #[arg(long)]
        store: PathBuf,
        #[arg(long, value_enum, default_value_t = DumpFormat::Nquads)]
        format: DumpFormat,
    },
    /// Build a store from shard files written by `extract --shard`.
    Load {
        #[arg(long)]
        store: PathBuf,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write counts and timings as JSON to this file.
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// Run a SPARQL query. The default graph states each triple once: the
    /// facts, articles, ontology and analytics graphs; each article's own
    /// graph (with its sentences) is reached with GRAPH ?article { … }.
    ///
    /// Exit status 2 for a malformed, refused or timed-out query, with the
    /// reason. Warnings (terms that cannot match) go to stderr.
    Query {
        #[arg(long)]
        store: PathBuf,
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
        /// Read the query from this file.
        #[arg(long, conflicts_with = "query")]
        file: Option<PathBuf>,
        /// The query text.
        #[arg(required_unless_present = "file")]
        query: Option<String>,
        /// Print the evaluation plan with row counts and times per step
        /// (JSON) instead of the results.
        #[arg(long)]
        explain: bool,
        /// Stop the query after this many seconds (exit status 2).
        #[arg(long, value_name = "SECONDS")]
        timeout: Option<f64>,
    },
    /// Counts: quads and entities per class.
    Stats {
        #[arg(long)]
        store: PathBuf,
    },
    /// Print what extraction finds in one article, with evidence; or, with
    /// --corpus --shard I/N --out F.nq, write one shard's quads; or, with
    /// --records, read articles as JSON lines {"name", "bytes_b64"} on
    /// stdin and write a shard's quads to stdout (for Spark and the like).
    Extract {
        #[arg(required_unless_present_any = ["corpus", "records"], conflicts_with_all = ["corpus", "records"])]
        file: Option<PathBuf>,
        /// Machine-readable output (one article).
        #[arg(long)]
        json: bool,
        /// The corpus to take a shard of.
        #[arg(long, requires_all = ["shard", "out"])]
        corpus: Option<PathBuf>,
        /// Shard I of N, 0-based (I in 0..N), e.g. 2/8.
        #[arg(long, value_parser = parse_shard)]
        shard: Option<(usize, usize)>,
        /// Where to write the shard's N-Quads.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Articles as records on stdin, quads on stdout (exit status 1
        /// if some were skipped, 2 on a malformed record).
        #[arg(long, conflicts_with = "corpus")]
        records: bool,
        /// Worker threads (default: all cores; 1 with --records, since an
        /// engine runs one process per core).
        #[arg(long)]
        jobs: Option<usize>,
    },
    /// Show how a place name links to the official division codes: its
    /// candidates, the evidence for each, and the one chosen (if any).
    ///
    /// Exit status 0 when linked, 1 when ambiguous or unknown.
    Place {
        /// The name as an article writes it (朝阳区, 桓仁, 朝阳北票市南山街道).
        name: String,
        /// Other places the article names (repeatable): 北京市, 朝阳北票市.
        #[arg(long = "in", value_name = "CONTEXT")]
        context: Vec<String>,
    },
    #[command(flatten)]
    Graph(graph_cli::GraphCommand),
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum DumpFormat {
    Nquads,
}

fn parse_shard(text: &str) -> Result<(usize, usize), String> {
    let (i, n) = text.split_once('/').ok_or("expected I/N, e.g. 0/3")?;
    let i: usize = i.parse().map_err(|_| format!("{i} is not a number"))?;
    let n: usize = n.parse().map_err(|_| format!("{n} is not a number"))?;
    if n == 0 || i >= n {
        return Err(format!("shard {i}/{n}: I must be in 0..N"));
    }
    Ok((i, n))
}

fn default_jobs(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

fn main() -> ExitCode {
    return_large_buffers_to_the_os();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    match run(Cli::parse()) {
        Ok(code) => code,
        // `dump | head`: the reader has all it wanted.
        Err(e) if is_closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", message(&e));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, each said once: a cause whose text its
/// context already shows (as in `{path}: {source}`) is not repeated.
fn message(e: &anyhow::Error) -> String {
    let mut text = e.to_string();
    for cause in e.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    text
}

/// Did writing to standard output fail because its reader went away?
fn is_closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// A build allocates and frees buffers of many megabytes for every chunk
/// of articles (the chunk's quads, the bulk loader's batches). Once the
/// first is freed, glibc raises its mmap threshold above them, and from
/// then on keeps them in the heap of whichever thread freed them, which
/// does not give the memory back; so a build's memory grew with the
/// corpus. A fixed threshold keeps them mapped and returned when freed
/// (100k articles: peak 504 → 377 MB, at the same speed).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn return_large_buffers_to_the_os() {
    const THRESHOLD: libc::c_int = 1 << 20;
    // SAFETY: `mallopt` only sets a parameter of the allocator, and this
    // runs first, before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, THRESHOLD);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_large_buffers_to_the_os() {}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build {
            corpus,
            store,
            jobs,
            full,
            report,
            allow_removals,
            max_removals,
        } => {
            let options = pipeline::BuildOptions {
                jobs: default_jobs(jobs),
                full,
                progress: true,
                removals: match (allow_removals, max_removals) {
                    (true, _) => pipeline::plan::RemovalLimit::Unlimited,
                    (false, limit) => limit.unwrap_or_default(),
                },
            };
            build(&corpus, &store, options, report.as_deref())
        }
        Command::Dump {
            store,
            format: DumpFormat::Nquads,
        } => {
            store::dump_nquads(
                &store,
                &mut std::io::BufWriter::new(std::io::stdout().lock()),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Load {
            store,
            files,
            report,
        } => load(&store, &files, report.as_deref()),
        Command::Query {
            store,
            format,
            file,
            query,
            explain,
            timeout,
        } => run_query(&store, format, file, query, explain, timeout),
        Command::Graph(c) => graph_cli::run(c),
        Command::Stats { store } => stats(&store),
        Command::Place { name, context } => place_cli::run(&name, &context),
        Command::Extract {
            file,
            json,
            corpus,
            shard,
            out,
            records,
            jobs,
        } => match (file, corpus, shard, out) {
            _ if records => extract_records(jobs.unwrap_or(1)),
            (Some(file), _, _, _) => extract(&file, json),
            (None, Some(corpus), Some((i, n)), Some(out)) => {
                extract_shard(&corpus, i, n, &out, default_jobs(jobs))
            }
            _ => anyhow::bail!("give FILE, or --corpus DIR --shard I/N --out FILE"),
        },
    }
}

fn build(
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

fn load(store: &Path, files: &[PathBuf], report_file: Option<&Path>) -> Result<ExitCode> {
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
    writeln!(out, "seconds    {:.2}", report.seconds.total)?;
    Ok(if report.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn extract_shard(
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

fn extract_records(jobs: usize) -> Result<ExitCode> {
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

fn run_query(
    store: &Path,
    format: OutputFormat,
    file: Option<PathBuf>,
    query: Option<String>,
    explain: bool,
    timeout: Option<f64>,
) -> Result<ExitCode> {
    let timeout = timeout
        .map(|s| {
            std::time::Duration::try_from_secs_f64(s)
                .map_err(|_| anyhow::anyhow!("--timeout takes a number of seconds, not {s}"))
        })
        .transpose()?;
    let options = query::Options { timeout };
    let text = match (file, query) {
        (Some(f), _) => std::fs::read_to_string(&f)
            .with_context(|| format!("cannot read query file {}", f.display()))?,
        (None, Some(q)) => q,
        (None, None) => anyhow::bail!("give a query or --file"),
    };
    let db = store::open_reader(store)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let result = if explain {
        query::explain(&db, &text, options, &mut out)
    } else {
        query::run(&db, &text, format, options, &mut out)
    };
    match result {
        Ok(warnings) => {
            out.flush()?;
            for warning in warnings {
                eprintln!("warning: {warning}");
            }
            Ok(ExitCode::SUCCESS)
        }
        // The reader of the results went away (`query … | head`).
        Err(query::QueryError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            drop(out);
            eprintln!("error: {e}");
            Ok(ExitCode::from(2))
        }
    }
}

fn stats(store: &Path) -> Result<ExitCode> {
    let db = store::open_reader(store)?;
    let rows: Vec<Vec<String>> = query::stats(&db)?
        .into_iter()
        .map(|(k, v)| vec![k, v])
        .collect();
    query::write_table(
        &["what".into(), "count".into()],
        &rows,
        &mut std::io::stdout().lock(),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// What the offsets of `extract --json` count, said in the output itself.
const OFFSETS_NOTE: &str = "characters; each span gives `normalised` offsets into the normalised \
text (what sentences[].text holds and the rules read) and `original` offsets into the file as \
decoded (what the store's ck:start and ck:end give)";

/// Turns every `span` of the extracted facts (normalised char offsets)
/// into `{normalised: {start, end}, original: {start, end}}`.
fn with_original_offsets(value: &mut serde_json::Value, normalized: &normalize::Normalized) {
    match value {
        serde_json::Value::Object(fields) => {
            for (key, v) in fields.iter_mut() {
                let span = (key == "span")
                    .then(|| Some((v.get("start")?.as_u64()?, v.get("end")?.as_u64()?)))
                    .flatten();
                match span {
                    Some((start, end)) => {
                        let (os, oe) = normalized.original_range(start as usize, end as usize);
                        *v = serde_json::json!({
                            "normalised": {"start": start, "end": end},
                            "original": {"start": os, "end": oe},
                        });
                    }
                    None => with_original_offsets(v, normalized),
                }
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                with_original_offsets(v, normalized);
            }
        }
        _ => {}
    }
}

fn extract(file: &Path, json: bool) -> Result<ExitCode> {
    let root = file.parent().unwrap_or(Path::new("."));
    let article = corpus::read_article(root, file)?;
    let processed = pipeline::process(article)
        .map_err(|reason| anyhow::anyhow!("{}: {reason}", file.display()))?;
    let linked = &processed.linked;
    let mut out = std::io::stdout().lock();
    if json {
        let mut facts = serde_json::to_value(&linked.facts)?;
        with_original_offsets(&mut facts, &processed.normalized);
        if let serde_json::Value::Object(fields) = &mut facts {
            fields.insert("offsets".into(), OFFSETS_NOTE.into());
        }
        serde_json::to_writer_pretty(&mut out, &facts)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let facts = &linked.facts;
    let sentence = |s: usize| facts.sentences[s].text.chars().take(40).collect::<String>();
    for (i, m) in facts.mentions.iter().enumerate() {
        let alts = if m.alt_labels.is_empty() {
            String::new()
        } else {
            format!(" ({})", m.alt_labels.join(", "))
        };
        writeln!(
            out,
            "{:<14} {}{alts}  <{}>  「{}」",
            format!("{:?}", m.kind),
            m.label,
            linked.entities[linked.entity_of[i]].iri,
            sentence(m.evidence.sentence)
        )?;
    }
    for a in &facts.appointments {
        writeln!(
            out,
            "appointment    {} | {} | {}  「{}」",
            facts.mentions[a.person].label,
            a.role,
            facts.mentions[a.unit].label,
            sentence(a.evidence.sentence)
        )?;
    }
    for c in &facts.containments {
        writeln!(
            out,
            "located in     {} ⊂ {}",
            facts.mentions[c.child].label, facts.mentions[c.parent].label
        )?;
    }
    for r in &facts.relations {
        writeln!(
            out,
            "{:<14} {} → {}  「{}」",
            r.kind.name(),
            facts.mentions[r.subject].label,
            facts.mentions[r.object].label,
            sentence(r.evidence.sentence)
        )?;
    }
    if let Some(d) = &facts.published {
        writeln!(
            out,
            "published      {}  「{}」",
            d.lexical(),
            sentence(d.evidence.sentence)
        )?;
    }
    for &a in &facts.authors {
        writeln!(out, "author         {}", facts.mentions[a].label)?;
    }
    Ok(ExitCode::SUCCESS)
}
