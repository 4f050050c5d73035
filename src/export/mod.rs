//! Writes a projected graph for other tools: GraphML and GEXF (Gephi,
//! Cytoscape, yEd, NetworkX), Graphviz DOT, Cytoscape.js JSON, and one
//! self-contained interactive HTML page (the vendored Cytoscape.js from
//! `assets/` is inlined, so it opens with no network).
//!
//! Output is deterministic: nodes in IRI order, edges in (source, target,
//! kind) order, floats with 12 significant digits, a layout computed from
//! the data alone — the same graph gives the same bytes. This module only
//! formats what it is given: it does not query the store nor compute
//! analytics (see `analytics`).

mod cytoscape;
mod dot;
mod gexf;
mod graphml;
mod html;
mod layout;
mod style;
mod xml;

pub use layout::layout;
pub use style::{class_color, community_color};

use crate::analytics::{KnowledgeGraph, NodeScores};
use petgraph::graph::NodeIndex;
use std::io::Write;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot encode the export: {0}")]
    Json(#[from] serde_json::Error),
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// GraphML (Gephi, Cytoscape, yEd, NetworkX).
    Graphml,
    /// GEXF 1.2 with colours, sizes and positions (Gephi, NetworkX).
    Gexf,
    /// Graphviz DOT.
    Dot,
    /// Cytoscape.js JSON (Cytoscape desktop imports it; NetworkX reads it).
    Cytoscape,
    /// One self-contained interactive HTML page.
    Html,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Dot => "dot",
            Format::Cytoscape => "json",
            Format::Html => "html",
        }
    }
}

/// A graph ready to write: nodes, their scores (if any) and positions.
pub struct View<'a> {
    pub graph: &'a KnowledgeGraph,
    /// One per node, in node order.
    pub scores: &'a [Option<NodeScores>],
    /// One per node, in node order.
    pub positions: Vec<(f64, f64)>,
    /// Shown in the HTML page and recorded in the files.
    pub title: String,
    max_pagerank: f64,
}

impl<'a> View<'a> {
    /// A view with the standard layout.
    pub fn new(
        graph: &'a KnowledgeGraph,
        scores: &'a [Option<NodeScores>],
        title: &str,
    ) -> View<'a> {
        View {
            graph,
            scores,
            positions: layout(graph, scores),
            title: title.to_owned(),
            max_pagerank: scores
                .iter()
                .flatten()
                .map(|s| s.pagerank)
                .fold(0.0, f64::max),
        }
    }

    /// The layout position of node `i` (the origin if it has none).
    fn position(&self, i: NodeIndex) -> (f64, f64) {
        self.positions.get(i.index()).copied().unwrap_or_default()
    }

    fn score(&self, i: NodeIndex) -> Option<&NodeScores> {
        self.scores.get(i.index()).and_then(Option::as_ref)
    }

    /// Node size from PageRank relative to the largest, 12 to 60.
    fn size(&self, i: NodeIndex) -> f64 {
        let max = self.max_pagerank;
        match self.score(i) {
            Some(s) if max > 0.0 => 12.0 + 48.0 * (s.pagerank / max).sqrt(),
            _ => 12.0,
        }
    }
}

/// Writes `view` in `format`.
pub fn write(view: &View, format: Format, out: &mut impl Write) -> Result<(), ExportError> {
    match format {
        Format::Graphml => graphml::write(view, out)?,
        Format::Gexf => gexf::write(view, out)?,
        Format::Dot => dot::write(view, out)?,
        Format::Cytoscape => cytoscape::write(view, out)?,
        Format::Html => html::write(view, out)?,
    }
    out.flush()?;
    Ok(())
}

/// Keeps the `n` nodes with the highest PageRank (ties by IRI) and the
/// edges between them; nodes without scores rank last.
pub fn top(
    graph: &KnowledgeGraph,
    scores: &[Option<NodeScores>],
    n: usize,
) -> (KnowledgeGraph, Vec<Option<NodeScores>>) {
    let mut order: Vec<usize> = (0..graph.node_count()).collect();
    let pr = |i: usize| {
        scores
            .get(i)
            .copied()
            .flatten()
            .map_or(-1.0, |s| s.pagerank)
    };
    order.sort_by(|&a, &b| pr(b).total_cmp(&pr(a)).then(a.cmp(&b)));
    let mut keep = vec![false; graph.node_count()];
    for &i in order.iter().take(n) {
        keep[i] = true;
    }
    let kept = graph.retain_nodes(|i, _| keep[i.index()]);
    let kept_scores = (0..graph.node_count())
        .filter(|&i| keep[i])
        .map(|i| scores.get(i).copied().flatten())
        .collect();
    (kept, kept_scores)
}

/// Source names of a list of source ids, joined for a one-line attribute.
fn joined_sources(graph: &KnowledgeGraph, ids: &[u32]) -> String {
    graph.source_names(ids).join("; ")
}

/// A node's attributes shared by GraphML and GEXF, in file order; absent
/// values (a person's level, scores the analysis did not cover) are left
/// out rather than invented.
fn node_attributes(view: &View, i: NodeIndex) -> Vec<(&'static str, String)> {
    let g = view.graph;
    let n = g.node(i);
    let mut values = vec![("class", n.class_name().to_owned())];
    if let Some(level) = n.level {
        values.push(("level", level.to_string()));
    }
    values.push(("articleCount", n.articles.len().to_string()));
    values.push(("articles", joined_sources(g, &n.articles)));
    if let Some(s) = view.score(i) {
        values.push(("degree", s.degree.to_string()));
        values.push(("pagerank", crate::analytics::format_float(s.pagerank)));
        values.push(("betweenness", crate::analytics::format_float(s.betweenness)));
        values.push(("component", s.component.to_string()));
        values.push(("community", s.community.to_string()));
    }
    values
}

/// An edge's attributes shared by GraphML and GEXF, after its kind.
fn edge_attributes(
    graph: &KnowledgeGraph,
    edge: &crate::analytics::Edge,
) -> Vec<(&'static str, String)> {
    let mut values = Vec::new();
    if !edge.roles.is_empty() {
        values.push(("roles", edge.roles.join("; ")));
    }
    values.push(("articleCount", edge.sources.len().to_string()));
    values.push(("articles", joined_sources(graph, &edge.sources)));
    values
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analytics::{EdgeKind, GraphBuilder, Node, Source, SourceKind};
    use crate::vocab;

    /// A small graph with Chinese labels and characters XML must escape.
    pub(crate) fn sample() -> (KnowledgeGraph, Vec<Option<NodeScores>>) {
        let mut b = GraphBuilder::new(vec![Source {
            iri: "https://w3id.org/cadre-kg/id/article/a.txt".into(),
            name: "a&b.txt".into(),
            kind: SourceKind::Article,
        }]);
        let nodes = [
            (
                "https://w3id.org/cadre-kg/id/person/x/王光宇",
                "王光宇",
                vocab::PERSON,
            ),
            (
                "https://w3id.org/cadre-kg/id/area/松泉社区",
                "松泉社区",
                vocab::COMMUNITY,
            ),
            (
                "https://w3id.org/cadre-kg/id/org/x/\"<东北>\"",
                "\"<东北>\" & 大学",
                vocab::ORGANIZATION,
            ),
        ];
        for (iri, label, class) in nodes {
            b.add_node(Node {
                iri: iri.into(),
                label: label.into(),
                class: class.into(),
                level: crate::analytics::level_of(class),
                articles: vec![0],
            });
        }
        b.add_edge(
            nodes[0].0,
            nodes[1].0,
            EdgeKind::Appointment,
            [0],
            ["第一书记".to_owned()],
        );
        b.add_edge(nodes[0].0, nodes[2].0, EdgeKind::CoMention, [0], []);
        let g = b.build();
        // 王光宇 is the most central and shares community 0 with 松泉社区.
        let scores = g
            .graph
            .node_weights()
            .map(|n| {
                let wang = n.label == "王光宇";
                Some(NodeScores {
                    degree: 1 + wang as u32,
                    pagerank: if wang { 0.5 } else { 0.25 },
                    betweenness: if wang { 1.0 } else { 0.0 },
                    component: 0,
                    community: (n.class == vocab::ORGANIZATION) as u32,
                })
            })
            .collect();
        (g, scores)
    }

    pub(crate) fn render(format: Format) -> String {
        let (g, s) = sample();
        let mut out = Vec::new();
        write(&View::new(&g, &s, "测试"), format, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_format_is_deterministic() {
        for f in [
            Format::Graphml,
            Format::Gexf,
            Format::Dot,
            Format::Cytoscape,
            Format::Html,
        ] {
            assert_eq!(render(f), render(f), "{f:?}");
        }
    }

    #[test]
    fn top_keeps_the_highest_pagerank() {
        let (g, s) = sample();
        let (kept, scores) = top(&g, &s, 2);
        assert_eq!(kept.node_count(), 2);
        assert_eq!(scores.len(), 2);
        let labels: Vec<&str> = kept
            .graph
            .node_weights()
            .map(|n| n.label.as_str())
            .collect();
        assert!(labels.contains(&"王光宇"));
        assert_eq!(kept.edge_count(), 1);
    }
}
