//! Every command's arguments, in one place: the clap definitions of the
//! `cadre-kg` binary. The command modules beside this file take them.

use cadre_kg::analytics::EdgeKind;
use cadre_kg::export::Format;
use cadre_kg::pipeline;
use cadre_kg::query::OutputFormat;
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Build and query a knowledge graph of Chinese grassroots-governance
/// reporting: people, areas, organizations, initiatives and posts.
#[derive(Parser)]
#[command(version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
    Graph(GraphCommand),
    /// Answer SPARQL 1.1 Protocol queries over HTTP (`/query`, `/sparql`),
    /// with a query page at `/` and `/health`. Read-only unless
    /// --allow-update; keeps answering while `build` commits a new
    /// generation, and switches to it for new queries.
    Serve(ServeArgs),
}

/// `cadre-kg serve`'s options.
#[derive(Args)]
pub struct ServeArgs {
    #[arg(long)]
    pub store: PathBuf,
    /// Address to listen on (loopback by default: see docs/security.md).
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: SocketAddr,
    /// Stop a query after this many seconds (answered 503).
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    pub timeout: f64,
    /// Queries evaluated at once; more are answered 503 with Retry-After.
    #[arg(long, default_value_t = 32)]
    pub max_concurrent: usize,
    /// Let SPARQL UPDATE requests change the store (refused with 403 by
    /// default).
    #[arg(long)]
    pub allow_update: bool,
}

#[derive(Subcommand)]
pub enum GraphCommand {
    /// Degree, weighted PageRank, betweenness, components and Louvain
    /// communities; stored in the store's analytics graph, with a top-N
    /// report here.
    Analyze {
        #[arg(long)]
        store: PathBuf,
        #[command(flatten)]
        filter: FilterArgs,
        /// How many rows the report shows.
        #[arg(long, default_value_t = 20)]
        top: usize,
        /// PageRank damping factor.
        #[arg(long, default_value_t = 0.85)]
        damping: f64,
        /// Betweenness is exact up to this many nodes, sampled above.
        #[arg(long, default_value_t = 2000)]
        exact_limit: usize,
        /// Source nodes sampled for betweenness above --exact-limit.
        #[arg(long, default_value_t = 100)]
        samples: usize,
        /// Seed of the betweenness sample.
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Louvain resolution (larger: smaller communities).
        #[arg(long, default_value_t = 1.0)]
        resolution: f64,
        /// What one article's co-mention of two entities weighs against a
        /// typed relation (a post, a containment, a byline).
        #[arg(long, default_value_t = 0.1)]
        co_mention_weight: f64,
        /// Report only; do not write the results into the store.
        #[arg(long)]
        dry_run: bool,
    },
    /// Shortest connections between two entities (label or IRI), with the
    /// articles behind each step. Exit status 1 when they are not connected.
    Path {
        #[arg(long)]
        store: PathBuf,
        from: String,
        to: String,
        /// At most this many shortest paths.
        #[arg(long, default_value_t = 5)]
        limit: usize,
        /// Relations to walk along, comma-separated (default: all).
        #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
        edges: Vec<EdgeKind>,
    },
    /// Entities within --depth hops of one entity (label or IRI).
    Neighbors {
        #[arg(long)]
        store: PathBuf,
        entity: String,
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Relations to walk along, comma-separated (default: all).
        #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
        edges: Vec<EdgeKind>,
    },
    /// Write the graph (or a filtered part) as GraphML, GEXF, DOT,
    /// Cytoscape.js JSON or a self-contained HTML page. Scores come from
    /// `analyze` when it was run on exactly the exported graph, else are
    /// computed on it; a filtered export leaves out nodes without edges.
    Export {
        #[arg(long)]
        store: PathBuf,
        #[arg(long, value_enum)]
        format: Format,
        #[command(flatten)]
        filter: FilterArgs,
        /// Keep only the N nodes with the highest PageRank.
        #[arg(long)]
        top: Option<usize>,
        /// In a filtered export, keep the nodes the filter leaves without
        /// an edge (dropped by default).
        #[arg(long)]
        keep_isolated: bool,
        /// Output file (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Title of the graph (HTML page, GraphML graph id, GEXF description).
        #[arg(long, default_value = "cadre-kg 知识图谱")]
        title: String,
    },
}

/// Which part of the graph: the same options for `analyze` and `export`.
#[derive(Args, Debug, Clone)]
pub struct FilterArgs {
    /// Keep nodes of this class or its subclasses (Person, Organization,
    /// AdministrativeArea, City, Article, ck:…, an IRI); repeatable.
    #[arg(long = "class", value_name = "CLASS")]
    pub classes: Vec<String>,
    /// Keep an area (label or IRI), every area ck:locatedIn+ it, and the
    /// people holding posts in them.
    #[arg(long, value_name = "AREA")]
    pub area: Option<String>,
    /// Keep what these articles say (source file name or IRI); repeatable.
    #[arg(long = "article", value_name = "FILE")]
    pub articles: Vec<String>,
    /// Relations to keep, comma-separated: appointment, located-in,
    /// author, co-mention, org-in-area, organizer, participant (default:
    /// all).
    #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
    pub edges: Vec<EdgeKind>,
    /// Build the graph from the triples of this SPARQL CONSTRUCT query
    /// (IRI-to-IRI triples become edges; `a` and `rdfs:label` describe nodes).
    #[arg(long, value_name = "FILE.rq", conflicts_with_all = ["articles", "edges"])]
    pub construct: Option<PathBuf>,
    /// Keep the people named only in bylines (reporters, photographers,
    /// editors); left out by default, as they rank newsrooms, not
    /// governance ties.
    #[arg(long)]
    pub with_bylines: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum DumpFormat {
    Nquads,
}

pub fn parse_shard(text: &str) -> Result<(usize, usize), String> {
    let (i, n) = text.split_once('/').ok_or("expected I/N, e.g. 0/3")?;
    let i: usize = i.parse().map_err(|_| format!("{i} is not a number"))?;
    let n: usize = n.parse().map_err(|_| format!("{n} is not a number"))?;
    if n == 0 || i >= n {
        return Err(format!("shard {i}/{n}: I must be in 0..N"));
    }
    Ok((i, n))
}

fn parse_kind(name: &str) -> Result<EdgeKind, String> {
    EdgeKind::parse(name).ok_or_else(|| {
        let known: Vec<&str> = EdgeKind::STANDARD.iter().map(EdgeKind::name).collect();
        format!("unknown relation {name:?}; use one of {}", known.join(", "))
    })
}
