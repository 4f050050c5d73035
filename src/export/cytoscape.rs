//! Cytoscape.js JSON (`elements` with `data` and `position`), which
//! Cytoscape desktop imports and NetworkX's `cytoscape_graph` reads (each
//! node's `value` is its id; parallel edges have a `key`). Fields come in
//! a fixed order, so output is stable.

use super::style::class_color;
use super::View;
use crate::analytics::format_float;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;
use std::io::Write;

/// A float as the same 12 significant digits the other formats write.
pub(crate) fn number(x: f64) -> Value {
    format_float(x)
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    value: &'a str,
    name: &'a str,
    label: &'a str,
    class: &'a str,
    color: &'a str,
    size: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
    #[serde(rename = "articleCount")]
    article_count: usize,
    articles: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    degree: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pagerank: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    betweenness: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    component: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    community: Option<u32>,
}

#[derive(Serialize)]
struct Position {
    x: Value,
    y: Value,
}

#[derive(Serialize)]
struct NodeElement<'a> {
    data: NodeData<'a>,
    position: Position,
}

#[derive(Serialize)]
struct EdgeData<'a> {
    id: String,
    source: &'a str,
    target: &'a str,
    key: usize,
    kind: &'a str,
    directed: bool,
    weight: Value,
    roles: &'a [String],
    #[serde(rename = "articleCount")]
    article_count: usize,
    articles: Vec<&'a str>,
}

#[derive(Serialize)]
struct EdgeElement<'a> {
    data: EdgeData<'a>,
}

#[derive(Serialize)]
struct Elements<'a> {
    nodes: Vec<NodeElement<'a>>,
    edges: Vec<EdgeElement<'a>>,
}

#[derive(Serialize)]
struct GraphData<'a> {
    name: &'a str,
}

#[derive(Serialize)]
struct Document<'a> {
    format_version: &'static str,
    generated_by: &'static str,
    target_cytoscapejs_version: &'static str,
    data: GraphData<'a>,
    directed: bool,
    multigraph: bool,
    elements: Elements<'a>,
}

pub(crate) fn write(view: &View, out: &mut impl Write) -> Result<(), super::ExportError> {
    let g = view.graph;
    let nodes = g
        .graph
        .node_indices()
        .map(|i| {
            let n = g.node(i);
            let s = view.score(i);
            let (x, y) = view.position(i);
            NodeElement {
                data: NodeData {
                    id: &n.iri,
                    value: &n.iri,
                    name: &n.label,
                    label: &n.label,
                    class: n.class_name(),
                    color: class_color(n.class_name()),
                    size: number(view.size(i)),
                    level: n.level,
                    article_count: n.articles.len(),
                    articles: g.source_names(&n.articles),
                    degree: s.map(|s| s.degree),
                    pagerank: s.map(|s| number(s.pagerank)),
                    betweenness: s.map(|s| number(s.betweenness)),
                    component: s.map(|s| s.component),
                    community: s.map(|s| s.community),
                },
                position: Position {
                    x: number(x),
                    y: number(y),
                },
            }
        })
        .collect();
    let mut keys: HashMap<(usize, usize), usize> = HashMap::new();
    let edges = g
        .graph
        .edge_references()
        .map(|e| {
            let w = e.weight();
            let key = keys
                .entry((e.source().index(), e.target().index()))
                .or_insert(0);
            let data = EdgeData {
                id: format!("e{}", e.id().index()),
                source: &g.node(e.source()).iri,
                target: &g.node(e.target()).iri,
                key: *key,
                kind: w.kind.name(),
                directed: w.kind.is_directed(),
                weight: number(w.weight),
                roles: &w.roles,
                article_count: w.sources.len(),
                articles: g.source_names(&w.sources),
            };
            *key += 1;
            EdgeElement { data }
        })
        .collect();
    let doc = Document {
        format_version: "1.0",
        generated_by: "cadre-kg",
        target_cytoscapejs_version: "~3.34",
        data: GraphData { name: &view.title },
        directed: true,
        multigraph: true,
        elements: Elements { nodes, edges },
    };
    let mut buffered = std::io::BufWriter::new(&mut *out);
    serde_json::to_writer_pretty(&mut buffered, &doc)?;
    writeln!(buffered)?;
    buffered.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::export::{tests::render, Format};

    #[test]
    fn elements_with_data_and_positions() {
        let doc: serde_json::Value = serde_json::from_str(&render(Format::Cytoscape)).unwrap();
        let nodes = doc["elements"]["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), 3);
        assert!(nodes.iter().all(|n| n["position"]["x"].is_number()));
        let edges = doc["elements"]["edges"].as_array().unwrap();
        assert_eq!(edges.len(), 2);
        assert!(edges.iter().any(|e| e["data"]["roles"][0] == "第一书记"));
    }
}
