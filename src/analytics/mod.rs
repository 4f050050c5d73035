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
pub use results::{load_scores, to_quads, write_results};

use std::time::{Duration, Instant};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum AnalyticsError {
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("malformed query: {0}")]
    Syntax(#[from] oxigraph::sparql::SparqlSyntaxError),
    #[error("query failed: {0}")]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
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
    let adjacency = Adjacency::undirected(graph);
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
        nodes: n,
        edges: graph.graph.edge_count(),
        timings,
    })
}

/// A float as written everywhere (store literals, exports): 12 significant
/// digits, so that equal computations give equal bytes.
pub fn format_float(x: f64) -> String {
    if x == 0.0 {
        return "0.0e0".to_owned();
    }
    format!("{x:.11e}")
}
