//! The projected graph: entities and articles as nodes, relations as typed
//! edges, each edge carrying the sources (article graphs, or the gazetteer)
//! that support it. Node order is IRI order and edge order is
//! (source, target, kind) order, so everything built from it is
//! deterministic. No store access here.

use crate::model::RelationKind;
use crate::vocab;
use petgraph::graph::{Graph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Directed;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The kind of a relation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    /// person → unit (an area or an organization) holding a post there.
    Appointment,
    /// child area → parent area.
    LocatedIn,
    /// article → person in its byline.
    Author,
    /// two entities named in the same article (undirected; stored from the
    /// smaller IRI to the larger).
    CoMention,
    /// A relation an article states between two entities (organization →
    /// area, initiative → organizer, initiative → participant).
    Fact(RelationKind),
    /// An edge of a custom CONSTRUCT subgraph: the predicate, shortened.
    Custom(String),
}

impl EdgeKind {
    /// The relations of the standard projection.
    pub const STANDARD: [EdgeKind; 7] = [
        EdgeKind::Appointment,
        EdgeKind::LocatedIn,
        EdgeKind::Author,
        EdgeKind::CoMention,
        EdgeKind::Fact(RelationKind::OrgInArea),
        EdgeKind::Fact(RelationKind::Organizer),
        EdgeKind::Fact(RelationKind::Participant),
    ];

    /// The name used in exports and on the command line.
    pub fn name(&self) -> &str {
        match self {
            EdgeKind::Appointment => "appointment",
            EdgeKind::LocatedIn => "locatedIn",
            EdgeKind::Author => "author",
            EdgeKind::CoMention => "coMention",
            EdgeKind::Fact(kind) => kind.name(),
            EdgeKind::Custom(p) => p,
        }
    }

    /// Parses a command-line name (case-insensitive, `-` or `_` allowed).
    pub fn parse(name: &str) -> Option<EdgeKind> {
        let key = |name: &str| -> String {
            name.chars()
                .filter(|c| *c != '-' && *c != '_')
                .flat_map(char::to_lowercase)
                .collect()
        };
        EdgeKind::STANDARD
            .into_iter()
            .find(|k| key(k.name()) == key(name))
    }

    /// Whether the relation has a direction that means something.
    pub fn is_directed(&self) -> bool {
        !matches!(self, EdgeKind::CoMention)
    }
}

/// An entity or article.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub iri: String,
    pub label: String,
    /// Class IRI (`ck:Person`, `ck:Community`, `ck:Article`…); empty if the
    /// store gives none.
    pub class: String,
    /// Administrative level for places: 1 province, 2 city, 3 district /
    /// county / banner, 4 subdistrict / town / township, 5 community /
    /// village, 6 residential compound.
    pub level: Option<u8>,
    /// Indices into [`KnowledgeGraph::sources`] of the articles naming it.
    pub articles: Vec<u32>,
}

impl Node {
    /// The class's local name (`Person`).
    pub fn class_name(&self) -> &str {
        self.class
            .rsplit_once(['#', '/'])
            .map_or(self.class.as_str(), |(_, local)| local)
    }
}

/// A relation between two nodes.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub kind: EdgeKind,
    /// Number of sources supporting it (at least 1).
    pub weight: f64,
    /// Indices into [`KnowledgeGraph::sources`], sorted.
    pub sources: Vec<u32>,
    /// Post titles, for appointments; sorted.
    pub roles: Vec<String>,
}

/// What kind of graph a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceKind {
    /// An article's own graph: what the article said.
    Article,
    /// An article's gazetteer companion graph: containments the official
    /// division gazetteer adds about the article's areas.
    Gazetteer,
    /// Any other named graph.
    Other,
}

/// A graph that statements come from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Source {
    pub iri: String,
    /// The article's source file; `gazetteer/FILE` for a gazetteer graph.
    pub name: String,
    pub kind: SourceKind,
}

/// The projection: a petgraph graph plus the table of sources.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    pub graph: Graph<Node, Edge, Directed, u32>,
    /// Sorted by IRI.
    pub sources: Vec<Source>,
    index: HashMap<String, NodeIndex>,
}

impl KnowledgeGraph {
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node with this IRI.
    pub fn find(&self, iri: &str) -> Option<NodeIndex> {
        self.index.get(iri).copied()
    }

    pub fn node(&self, i: NodeIndex) -> &Node {
        &self.graph[i]
    }

    /// The names of the sources of an edge or node.
    pub fn source_names(&self, ids: &[u32]) -> Vec<&str> {
        ids.iter()
            .filter_map(|&i| self.sources.get(i as usize))
            .map(|s| s.name.as_str())
            .collect()
    }

    /// Keeps only the nodes for which `keep` is true, and the edges between
    /// them; order is preserved.
    pub fn retain_nodes(&self, keep: impl Fn(NodeIndex, &Node) -> bool) -> KnowledgeGraph {
        let mut builder = GraphBuilder::new(self.sources.clone());
        let mut kept = vec![false; self.node_count()];
        for i in self.graph.node_indices() {
            if keep(i, &self.graph[i]) {
                kept[i.index()] = true;
                builder.add_node(self.graph[i].clone());
            }
        }
        for e in self.graph.edge_references() {
            if kept[e.source().index()] && kept[e.target().index()] {
                let w = e.weight();
                builder.add_edge(
                    &self.graph[e.source()].iri,
                    &self.graph[e.target()].iri,
                    w.kind.clone(),
                    w.sources.iter().copied(),
                    w.roles.iter().cloned(),
                );
            }
        }
        builder.build()
    }
}

impl KnowledgeGraph {
    /// The graph without the nodes that have no edge.
    pub fn without_isolated(&self) -> KnowledgeGraph {
        self.retain_nodes(|i, _| self.graph.neighbors_undirected(i).next().is_some())
    }
}

/// Administrative level of a class, if it is a place.
pub fn level_of(class: &str) -> Option<u8> {
    Some(match class {
        vocab::PROVINCE => 1,
        vocab::CITY => 2,
        vocab::DISTRICT | vocab::COUNTY | vocab::BANNER => 3,
        vocab::SUBDISTRICT | vocab::TOWN | vocab::TOWNSHIP => 4,
        vocab::COMMUNITY | vocab::VILLAGE => 5,
        vocab::RESIDENTIAL_COMPOUND => 6,
        _ => return None,
    })
}

#[derive(Default)]
struct PendingEdge {
    sources: BTreeSet<u32>,
    roles: BTreeSet<String>,
    explicit_weight: Option<f64>,
}

/// Collects nodes and edges in any order and builds a sorted graph.
/// Edges whose ends were never added as nodes are dropped.
pub struct GraphBuilder {
    sources: Vec<Source>,
    nodes: BTreeMap<String, Node>,
    edges: BTreeMap<(String, String, EdgeKind), PendingEdge>,
}

impl GraphBuilder {
    /// `sources` need not be sorted; indices given to `add_edge` refer to
    /// the order given here.
    pub fn new(sources: Vec<Source>) -> GraphBuilder {
        GraphBuilder {
            sources,
            nodes: BTreeMap::new(),
            edges: BTreeMap::new(),
        }
    }

    pub fn has_node(&self, iri: &str) -> bool {
        self.nodes.contains_key(iri)
    }

    /// Adds a node, or merges its articles into the one already there.
    pub fn add_node(&mut self, node: Node) {
        match self.nodes.get_mut(&node.iri) {
            Some(existing) => {
                existing.articles.extend(node.articles);
                if existing.label.is_empty() {
                    existing.label = node.label;
                }
                if existing.class.is_empty() {
                    existing.class = node.class;
                    existing.level = node.level;
                }
            }
            None => {
                self.nodes.insert(node.iri.clone(), node);
            }
        }
    }

    /// Adds support for an edge. Undirected kinds are stored from the
    /// smaller IRI to the larger.
    pub fn add_edge(
        &mut self,
        from: &str,
        to: &str,
        kind: EdgeKind,
        sources: impl IntoIterator<Item = u32>,
        roles: impl IntoIterator<Item = String>,
    ) {
        let (from, to) = if !kind.is_directed() && to < from {
            (to, from)
        } else {
            (from, to)
        };
        let pending = self
            .edges
            .entry((from.to_owned(), to.to_owned(), kind))
            .or_default();
        pending.sources.extend(sources);
        pending.roles.extend(roles);
    }

    /// Adds an edge with a weight of its own (used by generated graphs).
    pub fn add_weighted_edge(&mut self, from: &str, to: &str, kind: EdgeKind, weight: f64) {
        self.add_edge(from, to, kind.clone(), [], []);
        let (a, b) = if !kind.is_directed() && to < from {
            (to, from)
        } else {
            (from, to)
        };
        if let Some(p) = self.edges.get_mut(&(a.to_owned(), b.to_owned(), kind)) {
            p.explicit_weight = Some(weight);
        }
    }

    /// The sorted graph. Sources are re-sorted by IRI and indices remapped.
    pub fn build(self) -> KnowledgeGraph {
        let mut order: Vec<usize> = (0..self.sources.len()).collect();
        order.sort_by(|&a, &b| self.sources[a].cmp(&self.sources[b]));
        let mut remap = vec![0u32; self.sources.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old] = new as u32;
        }
        let sources: Vec<Source> = order.iter().map(|&i| self.sources[i].clone()).collect();
        let remap_all = |ids: &mut Vec<u32>| {
            for id in ids.iter_mut() {
                if let Some(&r) = remap.get(*id as usize) {
                    *id = r;
                }
            }
            ids.sort_unstable();
            ids.dedup();
        };
        let mut graph = Graph::with_capacity(self.nodes.len(), self.edges.len());
        let mut index = HashMap::with_capacity(self.nodes.len());
        for (iri, mut node) in self.nodes {
            remap_all(&mut node.articles);
            let i = graph.add_node(node);
            index.insert(iri, i);
        }
        let mut edges: Vec<(NodeIndex, NodeIndex, EdgeKind, PendingEdge)> = self
            .edges
            .into_iter()
            .filter_map(|((a, b, kind), p)| Some((*index.get(&a)?, *index.get(&b)?, kind, p)))
            .collect();
        edges.sort_by(|x, y| (x.0, x.1, &x.2).cmp(&(y.0, y.1, &y.2)));
        for (a, b, kind, p) in edges {
            let mut ids: Vec<u32> = p.sources.into_iter().collect();
            remap_all(&mut ids);
            let weight = p.explicit_weight.unwrap_or_else(|| ids.len().max(1) as f64);
            graph.add_edge(
                a,
                b,
                Edge {
                    kind,
                    weight,
                    sources: ids,
                    roles: p.roles.into_iter().collect(),
                },
            );
        }
        KnowledgeGraph {
            graph,
            sources,
            index,
        }
    }
}

/// The undirected weighted simple graph analytics run on, in compressed
/// sparse rows: parallel edges and both directions merged (weights summed),
/// self-loops dropped, neighbours sorted.
#[derive(Debug, Clone, Default)]
pub struct Adjacency {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
}

impl Adjacency {
    /// Only edges of kinds for which `keep` is true.
    pub fn undirected_filtered(graph: &KnowledgeGraph, keep: impl Fn(&EdgeKind) -> bool) -> Self {
        Self::undirected_weighted(graph, |kind| if keep(kind) { 1.0 } else { 0.0 })
    }

    /// Every edge with its weight times `factor` of its kind; edges whose
    /// factor is 0 are left out.
    pub fn undirected_weighted(graph: &KnowledgeGraph, factor: impl Fn(&EdgeKind) -> f64) -> Self {
        let edges = graph.graph.edge_references().filter_map(|e| {
            let f = factor(&e.weight().kind);
            (f > 0.0).then(|| {
                (
                    e.source().index() as u32,
                    e.target().index() as u32,
                    e.weight().weight * f,
                )
            })
        });
        Self::from_edges(graph.node_count(), edges)
    }

    /// From `(a, b, weight)` triples over nodes `0..n`.
    pub fn from_edges(n: usize, edges: impl Iterator<Item = (u32, u32, f64)>) -> Adjacency {
        let mut arcs: Vec<(u32, u32, f64)> = Vec::new();
        for (a, b, w) in edges {
            if a != b && (a as usize) < n && (b as usize) < n {
                arcs.push((a, b, w));
                arcs.push((b, a, w));
            }
        }
        arcs.sort_unstable_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(x.2.total_cmp(&y.2)));
        let mut offsets = vec![0usize; n + 1];
        let mut targets = Vec::with_capacity(arcs.len());
        let mut weights: Vec<f64> = Vec::with_capacity(arcs.len());
        let mut last: Option<(u32, u32)> = None;
        for (a, b, w) in arcs {
            if last == Some((a, b)) {
                if let Some(total) = weights.last_mut() {
                    *total += w;
                }
                continue;
            }
            last = Some((a, b));
            targets.push(b);
            weights.push(w);
            offsets[a as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        Adjacency {
            offsets,
            targets,
            weights,
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of undirected edges.
    pub fn edge_count(&self) -> usize {
        self.targets.len() / 2
    }

    /// Neighbours of `i` with the summed weight, in index order.
    pub fn neighbors(&self, i: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let range = self.offsets[i]..self.offsets[i + 1];
        self.targets[range.clone()]
            .iter()
            .zip(&self.weights[range])
            .map(|(&t, &w)| (t as usize, w))
    }

    pub fn degree(&self, i: usize) -> usize {
        self.offsets[i + 1] - self.offsets[i]
    }

    /// Sum of the weights of `i`'s edges.
    pub fn strength(&self, i: usize) -> f64 {
        self.weights[self.offsets[i]..self.offsets[i + 1]]
            .iter()
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(iri: &str) -> Node {
        Node {
            iri: iri.into(),
            label: iri.into(),
            class: vocab::PERSON.into(),
            level: None,
            articles: vec![],
        }
    }

    #[test]
    fn builder_sorts_merges_and_drops_dangling_edges() {
        let sources = vec![
            Source {
                iri: "z".into(),
                name: "z.txt".into(),
                kind: SourceKind::Article,
            },
            Source {
                iri: "a".into(),
                name: "a.txt".into(),
                kind: SourceKind::Article,
            },
        ];
        let mut b = GraphBuilder::new(sources);
        b.add_node(node("n2"));
        b.add_node(node("n1"));
        b.add_edge("n2", "n1", EdgeKind::CoMention, [0], []);
        b.add_edge("n1", "n2", EdgeKind::CoMention, [1], []);
        b.add_edge("n1", "gone", EdgeKind::Author, [0], []);
        b.add_edge("n2", "n1", EdgeKind::Appointment, [0], ["书记".to_owned()]);
        let g = b.build();
        assert_eq!(g.node(NodeIndex::new(0)).iri, "n1");
        assert_eq!(g.edge_count(), 2);
        let co = g
            .graph
            .edge_references()
            .find(|e| e.weight().kind == EdgeKind::CoMention)
            .unwrap();
        assert_eq!(g.node(co.source()).iri, "n1");
        assert_eq!(co.weight().weight, 2.0);
        assert_eq!(g.source_names(&co.weight().sources), ["a.txt", "z.txt"]);
        let ap = g
            .graph
            .edge_references()
            .find(|e| e.weight().kind == EdgeKind::Appointment)
            .unwrap();
        assert_eq!(
            g.node(ap.source()).iri,
            "n2",
            "directed kinds keep direction"
        );
        assert_eq!(g.source_names(&ap.weight().sources), ["z.txt"]);
    }

    #[test]
    fn adjacency_merges_parallel_edges_and_directions() {
        let adj = Adjacency::from_edges(
            3,
            [(0, 1, 1.0), (1, 0, 2.0), (1, 2, 1.0), (2, 2, 5.0)].into_iter(),
        );
        assert_eq!(adj.edge_count(), 2);
        assert_eq!(adj.neighbors(1).collect::<Vec<_>>(), [(0, 3.0), (2, 1.0)]);
        assert_eq!(adj.strength(2), 1.0, "self-loops are dropped");
    }

    #[test]
    fn edge_kinds_parse_from_the_command_line() {
        assert_eq!(EdgeKind::parse("co-mention"), Some(EdgeKind::CoMention));
        assert_eq!(EdgeKind::parse("located_in"), Some(EdgeKind::LocatedIn));
        assert_eq!(
            EdgeKind::parse("org-in-area"),
            Some(EdgeKind::Fact(RelationKind::OrgInArea))
        );
        assert_eq!(
            EdgeKind::parse("organizer"),
            Some(EdgeKind::Fact(RelationKind::Organizer))
        );
        assert_eq!(EdgeKind::parse("friend"), None);
    }
}
