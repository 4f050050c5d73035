//! Graph analytics over the knowledge graph: a projection of the store into
//! a petgraph graph (entities as nodes, relations as typed edges), and the
//! structural questions SPARQL answers badly — degree, weighted PageRank,
//! betweenness, connected components, Louvain communities, shortest
//! connections and neighbourhoods.
//!
//! It reads the store only through SPARQL (the default graph is the union of
//! all graphs) and writes only its own named graph
//! ([`crate::vocab::ANALYTICS_GRAPH`]) through [`crate::store::replace_graph`].
//! Results are deterministic: the same store and parameters give the same
//! numbers and the same quads (no timestamps, no thread-order effects). It
//! must not format output for people (that is the CLI's job) nor write
//! files (that is `export`'s).

mod centrality;
mod community;
mod graph;
mod paths;
mod project;
mod results;
mod sparql;

pub use centrality::{betweenness, degree, pagerank, Betweenness, PageRank};
pub use community::{components, louvain, modularity, Partition};
pub use graph::{
    level_of, Adjacency, Edge, EdgeKind, GraphBuilder, KnowledgeGraph, Node, Source, SourceKind,
};
pub use paths::{neighbors, shortest_paths, Neighbor, Path, Step};
pub use project::{project, resolve, Filter};
pub use results::{load_scores, stored_projection, to_quads, write_results};

use petgraph::visit::EdgeRef;
use std::time::{Duration, Instant};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum AnalyticsError {
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Query(#[from] crate::query::QueryError),
    #[error("the custom subgraph query must be a CONSTRUCT query")]
    NotConstruct,
    #[error("no {what} named {name:?} in the store")]
    NotFound { what: &'static str, name: String },
    #[error("{name:?} names {} entities; give one of their IRIs: {}", candidates.len(), candidates.join(", "))]
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
    #[error("unknown class {0:?}; classes: {1}")]
    UnknownClass(String, String),
    #[error("invalid IRI {0:?}: {1}")]
    BadIri(String, String),
    #[error("bad parameter: {0}")]
    BadParameter(String),
}

/// Parameters of one analysis; all of them are recorded with the results.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// PageRank damping factor (probability of following an edge).
    pub damping: f64,
    /// PageRank stops when the L1 change per node falls below this.
    pub tolerance: f64,
    /// PageRank iteration cap.
    pub max_iterations: usize,
    /// Betweenness is exact up to this many nodes, sampled above.
    pub exact_limit: usize,
    /// Number of source nodes sampled for betweenness on large graphs.
    pub samples: usize,
    /// Seed of the sampling (SplitMix64).
    pub seed: u64,
    /// Louvain resolution (1.0 = classic modularity).
    pub resolution: f64,
    /// What one article's co-mention of two entities weighs, against 1
    /// for each source of a typed relation: below 1, rankings and
    /// communities follow posts and containment more than which entities
    /// one newsroom happened to name together.
    pub co_mention_weight: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            damping: 0.85,
            tolerance: 1e-10,
            max_iterations: 1000,
            exact_limit: 2000,
            samples: 100,
            seed: 42,
            resolution: 1.0,
            co_mention_weight: 0.1,
        }
    }
}

impl Params {
    /// Checks ranges, so that nonsense is refused rather than computed.
    pub fn validate(&self) -> Result<(), AnalyticsError> {
        if self.damping.is_nan() || self.damping <= 0.0 || self.damping >= 1.0 {
            return Err(AnalyticsError::BadParameter(format!(
                "damping must be in (0, 1), not {}",
                self.damping
            )));
        }
        if self.tolerance.is_nan() || self.tolerance <= 0.0 {
            return Err(AnalyticsError::BadParameter(
                "tolerance must be positive".into(),
            ));
        }
        if self.samples == 0 {
            return Err(AnalyticsError::BadParameter(
                "samples must be at least 1".into(),
            ));
        }
        if !self.co_mention_weight.is_finite() || self.co_mention_weight < 0.0 {
            return Err(AnalyticsError::BadParameter(
                "the co-mention weight must be zero or positive".into(),
            ));
        }
        if !self.resolution.is_finite() || self.resolution <= 0.0 {
            return Err(AnalyticsError::BadParameter(
                "resolution must be positive".into(),
            ));
        }
        Ok(())
    }
}

/// Per-node results, in the graph's node order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NodeScores {
    /// Distinct neighbours, any relation, either direction.
    pub degree: u32,
    pub pagerank: f64,
    /// Normalised like NetworkX: divided by (n-1)(n-2).
    pub betweenness: f64,
    /// Connected component, 0 = largest.
    pub component: u32,
    /// Louvain community, 0 = largest.
    pub community: u32,
}

/// Everything `analyze` computes.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub scores: Vec<NodeScores>,
    pub params: Params,
    pub pagerank_iterations: usize,
    /// 0 when betweenness is exact.
    pub betweenness_samples: usize,
    pub modularity: f64,
    pub components: usize,
    pub communities: usize,
    /// Communities held together mostly by one article (`ONE_ARTICLE_SHARE`).
    pub one_article_communities: usize,
    pub nodes: usize,
    pub edges: usize,
    /// Wall time of each step, for the terminal report only.
    pub timings: Vec<(&'static str, Duration)>,
}

/// Runs every measure on the undirected weighted view of `graph`.
pub fn analyze(graph: &KnowledgeGraph, params: &Params) -> Result<Analysis, AnalyticsError> {
    params.validate()?;
    let mut timings = Vec::new();
    let clock = Instant::now();
    let factor = |kind: &EdgeKind| match kind {
        EdgeKind::CoMention => params.co_mention_weight,
        _ => 1.0,
    };
    let adjacency = Adjacency::undirected_weighted(graph, factor);
    timings.push(("adjacency", clock.elapsed()));
    let clock = Instant::now();
    let degrees = degree(&adjacency);
    timings.push(("degree", clock.elapsed()));
    let clock = Instant::now();
    let pr = pagerank(
        &adjacency,
        params.damping,
        params.tolerance,
        params.max_iterations,
    );
    timings.push(("pagerank", clock.elapsed()));
    let clock = Instant::now();
    let n = adjacency.len();
    let samples = if n <= params.exact_limit {
        None
    } else {
        Some(params.samples.min(n))
    };
    let bc = betweenness(&adjacency, samples, params.seed);
    timings.push(("betweenness", clock.elapsed()));
    let clock = Instant::now();
    let comps = components(&adjacency);
    timings.push(("components", clock.elapsed()));
    let clock = Instant::now();
    let communities = louvain(&adjacency, params.resolution);
    let q = modularity(&adjacency, &communities.membership, params.resolution);
    timings.push(("communities", clock.elapsed()));
    let scores = (0..n)
        .map(|i| NodeScores {
            degree: degrees[i],
            pagerank: pr.scores[i],
            betweenness: bc.scores[i],
            component: comps.membership[i],
            community: communities.membership[i],
        })
        .collect();
    Ok(Analysis {
        scores,
        params: params.clone(),
        pagerank_iterations: pr.iterations,
        betweenness_samples: bc.samples,
        modularity: q,
        components: comps.count,
        communities: communities.count,
        one_article_communities: one_article_communities(
            graph,
            |e| e.weight * factor(&e.kind),
            &communities.membership,
            communities.count,
        ),
        nodes: n,
        edges: graph.graph.edge_count(),
        timings,
    })
}

/// A community is "mostly one article" when at least this share of the
/// weight of the ties inside it (as analysed: co-mentions weighted) is
/// supported by one article alone: one report's cliques rather than ties
/// that hold across reports or in the gazetteer.
pub const ONE_ARTICLE_SHARE: f64 = 0.8;

/// How many communities are mostly one article (`ONE_ARTICLE_SHARE`).
fn one_article_communities(
    graph: &KnowledgeGraph,
    weight: impl Fn(&Edge) -> f64,
    membership: &[u32],
    count: usize,
) -> usize {
    let mut total = vec![0.0; count];
    let mut by_article: Vec<std::collections::HashMap<u32, f64>> = vec![Default::default(); count];
    for e in graph.graph.edge_references() {
        let c = membership[e.source().index()] as usize;
        if membership[e.target().index()] as usize != c {
            continue;
        }
        let w = weight(e.weight());
        total[c] += w;
        if let [only] = e.weight().sources[..] {
            if graph.sources[only as usize].kind == SourceKind::Article {
                *by_article[c].entry(only).or_default() += w;
            }
        }
    }
    total
        .iter()
        .zip(&by_article)
        .filter(|(&t, by)| t > 0.0 && by.values().any(|&w| w >= ONE_ARTICLE_SHARE * t))
        .count()
}

/// A float as written everywhere (store literals, exports): 12 significant
/// digits, so that equal computations give equal bytes.
pub fn format_float(x: f64) -> String {
    if x == 0.0 {
        return "0.0e0".to_owned();
    }
    format!("{x:.11e}")
}
