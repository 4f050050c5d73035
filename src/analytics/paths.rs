//! Shortest connections and neighbourhoods, by hop count on the undirected
//! view of the graph, with the edges (and so the articles) behind each
//! step. Deterministic: neighbours are visited in node order. No I/O.

use super::graph::{Adjacency, EdgeKind, KnowledgeGraph};
use petgraph::graph::{EdgeIndex, NodeIndex};
use std::collections::VecDeque;

/// One hop of a path: the edges joining two nodes, in either direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub from: NodeIndex,
    pub to: NodeIndex,
    pub edges: Vec<EdgeIndex>,
}

/// A shortest path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    pub nodes: Vec<NodeIndex>,
    pub steps: Vec<Step>,
}

fn adjacency(graph: &KnowledgeGraph, kinds: &[EdgeKind]) -> Adjacency {
    Adjacency::undirected_filtered(graph, |k| kinds.is_empty() || kinds.contains(k))
}

/// The edges of allowed kinds between `a` and `b`, both directions, in
/// edge order.
pub fn edges_between(
    graph: &KnowledgeGraph,
    a: NodeIndex,
    b: NodeIndex,
    kinds: &[EdgeKind],
) -> Vec<EdgeIndex> {
    use petgraph::visit::EdgeRef;
    let mut edges: Vec<EdgeIndex> = graph
        .graph
        .edges_connecting(a, b)
        .chain(graph.graph.edges_connecting(b, a))
        .filter(|e| kinds.is_empty() || kinds.contains(&e.weight().kind))
        .map(|e| e.id())
        .collect();
    edges.sort_unstable();
    edges.dedup();
    edges
}

/// Hop distances from `start` (-1 = unreachable), up to `max_depth`.
fn bfs(adj: &Adjacency, start: usize, max_depth: usize) -> Vec<i64> {
    let mut dist = vec![-1i64; adj.len()];
    dist[start] = 0;
    let mut queue = VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        if dist[v] as usize >= max_depth {
            continue;
        }
        for (w, _) in adj.neighbors(v) {
            if dist[w] < 0 {
                dist[w] = dist[v] + 1;
                queue.push_back(w);
            }
        }
    }
    dist
}

/// Up to `limit` shortest paths from `from` to `to` using edges of `kinds`
/// (all kinds if empty). Empty when they are not connected.
pub fn shortest_paths(
    graph: &KnowledgeGraph,
    from: NodeIndex,
    to: NodeIndex,
    kinds: &[EdgeKind],
    limit: usize,
) -> Vec<Path> {
    let adj = adjacency(graph, kinds);
    let dist = bfs(&adj, from.index(), usize::MAX);
    if dist[to.index()] < 0 || limit == 0 {
        return Vec::new();
    }
    // Walk back from `to` along decreasing distance, depth first, in node
    // order; each complete walk is a path.
    let mut paths = Vec::new();
    let mut stack: Vec<Vec<usize>> = vec![vec![to.index()]];
    while let Some(partial) = stack.pop() {
        let Some(&last) = partial.last() else {
            continue;
        };
        if last == from.index() {
            let nodes: Vec<NodeIndex> = partial.iter().rev().map(|&i| NodeIndex::new(i)).collect();
            let steps = nodes
                .windows(2)
                .map(|w| Step {
                    from: w[0],
                    to: w[1],
                    edges: edges_between(graph, w[0], w[1], kinds),
                })
                .collect();
            paths.push(Path { nodes, steps });
            if paths.len() >= limit {
                break;
            }
            continue;
        }
        let previous: Vec<usize> = adj
            .neighbors(last)
            .map(|(v, _)| v)
            .filter(|&v| dist[v] >= 0 && dist[v] == dist[last] - 1)
            .collect();
        for &v in previous.iter().rev() {
            let mut next = partial.clone();
            next.push(v);
            stack.push(next);
        }
    }
    paths
}

/// A node near the start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbor {
    pub node: NodeIndex,
    pub depth: usize,
    /// The first node (in node order) one hop closer to the start.
    pub via: NodeIndex,
    /// The edges between `via` and `node`.
    pub edges: Vec<EdgeIndex>,
}

/// Every node within `depth` hops of `start`, by depth then node order.
pub fn neighbors(
    graph: &KnowledgeGraph,
    start: NodeIndex,
    depth: usize,
    kinds: &[EdgeKind],
) -> Vec<Neighbor> {
    let adj = adjacency(graph, kinds);
    let dist = bfs(&adj, start.index(), depth);
    let mut found: Vec<Neighbor> = (0..adj.len())
        .filter(|&i| dist[i] > 0)
        .filter_map(|i| {
            let via = adj
                .neighbors(i)
                .map(|(v, _)| v)
                .find(|&v| dist[v] >= 0 && dist[v] == dist[i] - 1)?;
            let (node, via) = (NodeIndex::new(i), NodeIndex::new(via));
            Some(Neighbor {
                node,
                depth: dist[i] as usize,
                via,
                edges: edges_between(graph, via, node, kinds),
            })
        })
        .collect();
    found.sort_by_key(|n| (n.depth, n.node));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::graph::{GraphBuilder, Node, Source, SourceKind};

    fn graph() -> KnowledgeGraph {
        let mut b = GraphBuilder::new(vec![Source {
            iri: "art".into(),
            name: "a.txt".into(),
            kind: SourceKind::Article,
        }]);
        for n in ["a", "b", "c", "d", "e", "z"] {
            b.add_node(Node {
                iri: n.into(),
                label: n.into(),
                class: String::new(),
                level: None,
                articles: vec![],
            });
        }
        // a-b-d and a-c-d: two shortest paths; d-e by co-mention only.
        b.add_edge("a", "b", EdgeKind::Appointment, [0], ["书记".to_owned()]);
        b.add_edge("b", "d", EdgeKind::LocatedIn, [0], []);
        b.add_edge("c", "a", EdgeKind::LocatedIn, [0], []);
        b.add_edge("c", "d", EdgeKind::LocatedIn, [0], []);
        b.add_edge("e", "d", EdgeKind::CoMention, [0], []);
        b.build()
    }

    fn idx(g: &KnowledgeGraph, iri: &str) -> NodeIndex {
        g.find(iri).unwrap()
    }

    #[test]
    fn all_shortest_paths_in_node_order_with_their_edges() {
        let g = graph();
        let paths = shortest_paths(&g, idx(&g, "a"), idx(&g, "e"), &[], 10);
        let labels: Vec<Vec<&str>> = paths
            .iter()
            .map(|p| p.nodes.iter().map(|&n| g.node(n).iri.as_str()).collect())
            .collect();
        assert_eq!(labels, [["a", "b", "d", "e"], ["a", "c", "d", "e"]]);
        let first = &paths[0].steps[0];
        assert_eq!(g.graph[first.edges[0]].kind, EdgeKind::Appointment);
        assert_eq!(
            shortest_paths(&g, idx(&g, "a"), idx(&g, "e"), &[], 1).len(),
            1
        );
    }

    #[test]
    fn kinds_restrict_the_walk_and_unconnected_nodes_have_no_path() {
        let g = graph();
        let structural = [EdgeKind::Appointment, EdgeKind::LocatedIn];
        assert!(shortest_paths(&g, idx(&g, "a"), idx(&g, "e"), &structural, 5).is_empty());
        assert!(shortest_paths(&g, idx(&g, "a"), idx(&g, "z"), &[], 5).is_empty());
    }

    #[test]
    fn neighbors_by_depth() {
        let g = graph();
        let near = neighbors(&g, idx(&g, "a"), 2, &[]);
        let found: Vec<(&str, usize, &str)> = near
            .iter()
            .map(|n| {
                (
                    g.node(n.node).iri.as_str(),
                    n.depth,
                    g.node(n.via).iri.as_str(),
                )
            })
            .collect();
        assert_eq!(found, [("b", 1, "a"), ("c", 1, "a"), ("d", 2, "b")]);
    }
}
