//! The `cadre-kg` command line: parses arguments, calls the library, and
//! turns errors into messages and exit codes. No logic lives here.

use anyhow::{Context, Result};
use cadre_kg::query::OutputFormat;
use cadre_kg::{corpus, pipeline, query, store};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
    /// Build (or rebuild) the store from every *.txt under the corpus.
    ///
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
    },
    /// Run a SPARQL query; the default graph is the union of all graphs.
    ///
    /// Exit status 2 for a malformed query, with the parser's message.
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
    },
    /// Counts: quads and entities per class.
    Stats {
        #[arg(long)]
        store: PathBuf,
    },
    /// Print what extraction finds in one article, with evidence.
    Extract {
        file: PathBuf,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build {
            corpus,
            store,
            jobs,
        } => build(&corpus, &store, jobs),
        Command::Query {
            store,
            format,
            file,
            query,
        } => run_query(&store, format, file, query),
        Command::Stats { store } => stats(&store),
        Command::Extract { file, json } => extract(&file, json),
    }
}

fn build(corpus: &Path, store: &Path, jobs: Option<usize>) -> Result<ExitCode> {
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let report = pipeline::build(corpus, store, jobs).with_context(|| {
        format!(
            "building {} from {} failed; the previous store is kept",
            store.display(),
            corpus.display()
        )
    })?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "articles   {}", report.articles)?;
    writeln!(out, "statements {}", report.quads)?;
    for (class, n) in &report.entities_by_class {
        writeln!(out, "  {class:<20} {n}")?;
    }
    writeln!(out, "skipped    {}", report.skipped.len())?;
    for s in &report.skipped {
        writeln!(out, "  {}: {}", s.file, s.reason)?;
    }
    writeln!(out, "seconds    {:.2}", report.seconds)?;
    Ok(if report.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn run_query(
    store: &Path,
    format: OutputFormat,
    file: Option<PathBuf>,
    query: Option<String>,
) -> Result<ExitCode> {
    let text = match (file, query) {
        (Some(f), _) => std::fs::read_to_string(&f)
            .with_context(|| format!("cannot read query file {}", f.display()))?,
        (None, Some(q)) => q,
        (None, None) => anyhow::bail!("give a query or --file"),
    };
    let db = store::open_reader(store)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match query::run(&db, &text, format, &mut out) {
        Ok(()) => {
            out.flush()?;
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

fn extract(file: &Path, json: bool) -> Result<ExitCode> {
    let root = file.parent().unwrap_or(Path::new("."));
    let article = corpus::read_article(root, file)?;
    let processed = pipeline::process(article)
        .map_err(|reason| anyhow::anyhow!("{}: {reason}", file.display()))?;
    let linked = &processed.linked;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &linked.facts)?;
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
    for &a in &facts.authors {
        writeln!(out, "author         {}", facts.mentions[a].label)?;
    }
    Ok(ExitCode::SUCCESS)
}
