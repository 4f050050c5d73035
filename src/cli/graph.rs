//! CLI glue for the graph commands (`analyze`, `path`, `neighbors`,
//! `export`): parses their arguments, calls `cadre_kg::analytics` and
//! `cadre_kg::export`, and prints reports for people. No graph logic lives
//! here, and nothing here touches the store except through those modules.

use super::args::{FilterArgs, GraphCommand};
use anyhow::{bail, Context, Result};
use cadre_kg::analytics::{self, EdgeKind, Filter, KnowledgeGraph, NodeScores, Params};
use cadre_kg::export::{self, Format, View};
use cadre_kg::{query, store, vocab};
use petgraph::graph::NodeIndex;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

impl FilterArgs {
    pub fn to_filter(&self) -> Result<Filter> {
        let construct = match &self.construct {
            Some(path) => Some(
                std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read the query {}", path.display()))?,
            ),
            None => None,
        };
        Ok(Filter {
            classes: self.classes.clone(),
            area: self.area.clone(),
            articles: self.articles.clone(),
            edges: self.edges.clone(),
            construct,
            bylines: self.with_bylines,
        })
    }
}

pub fn run(command: GraphCommand) -> Result<ExitCode> {
    match command {
        GraphCommand::Analyze {
            store,
            filter,
            top,
            damping,
            exact_limit,
            samples,
            seed,
            resolution,
            co_mention_weight,
            dry_run,
        } => {
            let params = Params {
                damping,
                exact_limit,
                samples,
                seed,
                resolution,
                co_mention_weight,
                ..Params::default()
            };
            analyze(&store, &filter.to_filter()?, &params, top, dry_run)
        }
        GraphCommand::Path {
            store,
            from,
            to,
            limit,
            edges,
        } => path(&store, &from, &to, limit, &edges),
        GraphCommand::Neighbors {
            store,
            entity,
            depth,
            edges,
        } => neighbors(&store, &entity, depth, &edges),
        GraphCommand::Export {
            store,
            format,
            filter,
            top,
            keep_isolated,
            out,
            title,
        } => export(
            &store,
            format,
            &filter.to_filter()?,
            ExportShape { top, keep_isolated },
            out.as_deref(),
            &title,
        ),
    }
}

fn secs(d: std::time::Duration) -> String {
    format!("{:.3}s", d.as_secs_f64())
}

fn short(x: f64) -> String {
    format!("{x:.5}")
}

fn analyze(
    root: &Path,
    filter: &Filter,
    params: &Params,
    top: usize,
    dry_run: bool,
) -> Result<ExitCode> {
    let clock = Instant::now();
    let db = store::open_reader(root)?;
    let graph = analytics::project(&db, filter)?;
    drop(db);
    let projected = clock.elapsed();
    let analysis = analytics::analyze(&graph, params)?;
    let mut out = std::io::stdout().lock();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for e in graph.graph.edge_weights() {
        *kinds.entry(e.kind.name()).or_default() += 1;
    }
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    writeln!(
        out,
        "graph        {} nodes, {} edges ({})",
        graph.node_count(),
        graph.edge_count(),
        kinds.join(", ")
    )?;
    let size_of = |pick: fn(&NodeScores) -> u32, group: u32| {
        analysis.scores.iter().filter(|s| pick(s) == group).count()
    };
    writeln!(
        out,
        "components   {} (largest: {} nodes)",
        analysis.components,
        size_of(|s| s.component, 0)
    )?;
    writeln!(
        out,
        "communities  {} (Louvain, resolution {}, modularity {:.4}); {} mostly one article (≥ {:.0}% of their ties supported by it alone)",
        analysis.communities,
        params.resolution,
        analysis.modularity,
        analysis.one_article_communities,
        analytics::ONE_ARTICLE_SHARE * 100.0
    )?;
    writeln!(
        out,
        "weights      a co-mention {} of a typed relation{}",
        params.co_mention_weight,
        if filter.bylines {
            ""
        } else {
            "; people named only in bylines, and articles, left out (--with-bylines keeps them)"
        }
    )?;
    writeln!(
        out,
        "pagerank     damping {}, {} iterations",
        params.damping, analysis.pagerank_iterations
    )?;
    if analysis.betweenness_samples == 0 {
        writeln!(out, "betweenness  exact")?;
    } else {
        writeln!(
            out,
            "betweenness  sampled from {} source nodes (seed {})",
            analysis.betweenness_samples, params.seed
        )?;
    }
    let header: Vec<String> = [
        "rank",
        "label",
        "class",
        "degree",
        "pagerank",
        "betweenness",
        "community",
    ]
    .map(String::from)
    .to_vec();
    let row = |rank: usize, i: usize| -> Vec<String> {
        let n = graph.node(NodeIndex::new(i));
        let s = &analysis.scores[i];
        vec![
            rank.to_string(),
            n.label.clone(),
            n.class_name().to_owned(),
            s.degree.to_string(),
            short(s.pagerank),
            short(s.betweenness),
            s.community.to_string(),
        ]
    };
    let ranked = |key: fn(&NodeScores) -> f64| -> Vec<usize> {
        let mut order: Vec<usize> = (0..analysis.scores.len()).collect();
        order.sort_by(|&a, &b| {
            key(&analysis.scores[b])
                .total_cmp(&key(&analysis.scores[a]))
                .then(a.cmp(&b))
        });
        order.truncate(top);
        order
    };
    writeln!(out, "\ntop {top} by PageRank")?;
    let rows: Vec<Vec<String>> = ranked(|s| s.pagerank)
        .into_iter()
        .enumerate()
        .map(|(r, i)| row(r + 1, i))
        .collect();
    query::write_table(&header, &rows, &mut out)?;
    writeln!(out, "\ntop {top} people by PageRank")?;
    let mut people: Vec<usize> = (0..analysis.scores.len())
        .filter(|&i| graph.node(NodeIndex::new(i)).class == vocab::PERSON)
        .collect();
    people.sort_by(|&a, &b| {
        analysis.scores[b]
            .pagerank
            .total_cmp(&analysis.scores[a].pagerank)
            .then(a.cmp(&b))
    });
    let rows: Vec<Vec<String>> = people
        .into_iter()
        .take(top)
        .enumerate()
        .map(|(r, i)| row(r + 1, i))
        .collect();
    query::write_table(&header, &rows, &mut out)?;
    writeln!(out, "\ntop {top} by betweenness")?;
    let rows: Vec<Vec<String>> = ranked(|s| s.betweenness)
        .into_iter()
        .enumerate()
        .map(|(r, i)| row(r + 1, i))
        .collect();
    query::write_table(&header, &rows, &mut out)?;
    writeln!(out, "\nlargest communities")?;
    let mut all_by_pagerank: Vec<usize> = (0..analysis.scores.len()).collect();
    all_by_pagerank.sort_by(|&a, &b| {
        analysis.scores[b]
            .pagerank
            .total_cmp(&analysis.scores[a].pagerank)
            .then(a.cmp(&b))
    });
    let rows: Vec<Vec<String>> = (0..analysis.communities.min(top) as u32)
        .map(|c| {
            let members: Vec<String> = all_by_pagerank
                .iter()
                .filter(|&&i| analysis.scores[i].community == c)
                .take(6)
                .map(|&i| graph.node(NodeIndex::new(i)).label.clone())
                .collect();
            vec![
                c.to_string(),
                size_of(|s| s.community, c).to_string(),
                members.join("、"),
            ]
        })
        .collect();
    query::write_table(
        &[
            "community".into(),
            "size".into(),
            "most central members".into(),
        ],
        &rows,
        &mut out,
    )?;
    let mut times = vec![format!("project {}", secs(projected))];
    times.extend(
        analysis
            .timings
            .iter()
            .map(|(step, d)| format!("{step} {}", secs(*d))),
    );
    if dry_run {
        writeln!(out, "\nnot stored (--dry-run)")?;
    } else {
        let clock = Instant::now();
        let quads = analytics::to_quads(&graph, &analysis, &filter.describe());
        let count = quads.len();
        analytics::write_results(root, quads)
            .with_context(|| format!("storing the results in {}", root.display()))?;
        times.push(format!("store {}", secs(clock.elapsed())));
        writeln!(
            out,
            "\nstored {count} statements in <{}>",
            vocab::ANALYTICS_GRAPH
        )?;
    }
    writeln!(out, "times        {}", times.join(", "))?;
    Ok(ExitCode::SUCCESS)
}

/// The whole graph (standard projection, every relation, every person)
/// and a node of it.
fn graph_and_node(db: &oxigraph::store::Store, name: &str) -> Result<(KnowledgeGraph, NodeIndex)> {
    let everyone = Filter {
        bylines: true,
        ..Filter::default()
    };
    let graph = analytics::project(db, &everyone)?;
    let node = locate(db, &graph, name)?;
    Ok((graph, node))
}

fn locate(db: &oxigraph::store::Store, graph: &KnowledgeGraph, name: &str) -> Result<NodeIndex> {
    let iri = analytics::resolve(db, name, false)?;
    graph
        .find(&iri)
        .with_context(|| format!("{name} (<{iri}>) is not an entity or article of the graph"))
}

fn describe_edge(graph: &KnowledgeGraph, e: petgraph::graph::EdgeIndex, from: NodeIndex) -> String {
    let edge = &graph.graph[e];
    let forward = graph
        .graph
        .edge_endpoints(e)
        .is_some_and(|(s, _)| s == from);
    let arrow = match (edge.kind.is_directed(), forward) {
        (false, _) => "—",
        (true, true) => "→",
        (true, false) => "←",
    };
    let roles = if edge.roles.is_empty() {
        String::new()
    } else {
        format!(" {}", edge.roles.join("、"))
    };
    format!(
        "{arrow} {}{roles}  [{}]",
        edge.kind.name(),
        graph.source_names(&edge.sources).join(", ")
    )
}

fn path(root: &Path, from: &str, to: &str, limit: usize, kinds: &[EdgeKind]) -> Result<ExitCode> {
    let db = store::open_reader(root)?;
    let (graph, a) = graph_and_node(&db, from)?;
    let b = locate(&db, &graph, to)?;
    let label = |n: NodeIndex| {
        let node = graph.node(n);
        format!("{} ({})", node.label, node.class_name())
    };
    let mut out = std::io::stdout().lock();
    let paths = analytics::shortest_paths(&graph, a, b, kinds, limit);
    let Some(first) = paths.first() else {
        writeln!(out, "no connection between {} and {}", label(a), label(b))?;
        return Ok(ExitCode::from(1));
    };
    writeln!(
        out,
        "{} → {}: {} hop{}, {} shortest connection{} shown",
        label(a),
        label(b),
        first.steps.len(),
        if first.steps.len() == 1 { "" } else { "s" },
        paths.len(),
        if paths.len() == 1 { "" } else { "s" }
    )?;
    for (k, p) in paths.iter().enumerate() {
        let chain: Vec<&str> = p
            .nodes
            .iter()
            .map(|&n| graph.node(n).label.as_str())
            .collect();
        writeln!(out, "\n{}. {}", k + 1, chain.join(" — "))?;
        for step in &p.steps {
            for &e in &step.edges {
                writeln!(
                    out,
                    "   {} {} {}",
                    graph.node(step.from).label,
                    describe_edge(&graph, e, step.from),
                    graph.node(step.to).label
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn neighbors(root: &Path, name: &str, depth: usize, kinds: &[EdgeKind]) -> Result<ExitCode> {
    if depth == 0 {
        bail!("--depth must be at least 1");
    }
    let db = store::open_reader(root)?;
    let (graph, start) = graph_and_node(&db, name)?;
    let found = analytics::neighbors(&graph, start, depth, kinds);
    let rows: Vec<Vec<String>> = found
        .iter()
        .map(|n| {
            let node = graph.node(n.node);
            let relations: Vec<String> = n
                .edges
                .iter()
                .map(|&e| describe_edge(&graph, e, n.via))
                .collect();
            vec![
                n.depth.to_string(),
                node.label.clone(),
                node.class_name().to_owned(),
                graph.node(n.via).label.clone(),
                relations.join("; "),
            ]
        })
        .collect();
    let mut out = std::io::stdout().lock();
    let start_node = graph.node(start);
    writeln!(
        out,
        "{} ({}) <{}>",
        start_node.label,
        start_node.class_name(),
        start_node.iri
    )?;
    query::write_table(
        &["depth", "label", "class", "via", "relation [articles]"].map(String::from),
        &rows,
        &mut out,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the graph `filter` selects. A filtered export drops the nodes
/// left without an edge unless `keep_isolated`; its scores are the stored
/// analysis only when that was computed on exactly the exported graph
/// (same projection, nothing dropped, no `--top`), else computed on it, so
/// every degree, rank and community describes the graph in the file.
fn export(
    root: &Path,
    format: Format,
    filter: &Filter,
    shape: ExportShape,
    out: Option<&Path>,
    title: &str,
) -> Result<ExitCode> {
    let db = store::open_reader(root)?;
    let projected = analytics::project(&db, filter)?;
    let projected_nodes = projected.node_count();
    let filtered = filter.describe() != Filter::default().describe();
    let graph = if filtered && !shape.keep_isolated {
        projected.without_isolated()
    } else {
        projected
    };
    let stored_fits = graph.node_count() == projected_nodes
        && shape.top.is_none()
        && analytics::stored_projection(&db)?.as_deref() == Some(&filter.describe());
    let stored = if stored_fits {
        analytics::load_scores(&db, &graph)?
    } else {
        None
    };
    drop(db);
    let computed = |g: &KnowledgeGraph| -> Result<Vec<Option<NodeScores>>> {
        Ok(analytics::analyze(g, &Params::default())?
            .scores
            .into_iter()
            .map(Some)
            .collect())
    };
    let (graph, scores) = match (stored, shape.top) {
        (Some(stored), _) => (graph, stored),
        (None, None) => {
            eprintln!(
                "note: scores computed for the exported graph (the store holds no analysis of exactly this graph)"
            );
            let scores = computed(&graph)?;
            (graph, scores)
        }
        (None, Some(n)) => {
            let (kept, _) = export::top(&graph, &computed(&graph)?, n);
            eprintln!("note: scores computed for the exported graph (its top {n} nodes)");
            let scores = computed(&kept)?;
            (kept, scores)
        }
    };
    let view = View::new(&graph, &scores, title);
    match out {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            export::write(&view, format, &mut std::io::BufWriter::new(file))
                .with_context(|| format!("writing {}", path.display()))?;
            eprintln!(
                "wrote {} nodes and {} edges to {}",
                graph.node_count(),
                graph.edge_count(),
                path.display()
            );
        }
        None => export::write(
            &view,
            format,
            &mut std::io::BufWriter::new(std::io::stdout().lock()),
        )?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Which nodes an export keeps besides its filter.
#[derive(Clone, Copy)]
struct ExportShape {
    /// Only the N nodes with the highest PageRank.
    top: Option<usize>,
    /// Keep nodes without edges in a filtered export.
    keep_isolated: bool,
}
