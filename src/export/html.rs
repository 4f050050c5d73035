//! One self-contained HTML page: the page template (`assets/graph.html`),
//! the vendored Cytoscape.js (`assets/cytoscape/`, MIT) and the graph as
//! JSON, all inline — it opens from disk with no network. The page pans,
//! zooms, searches by name (also from `#search=NAME` in the URL), colours
//! by class or community, sizes by PageRank, shows a node's facts and
//! source articles on click, and keeps large graphs usable (top-N by
//! PageRank, relation toggles, labels only when zoomed in).

use super::cytoscape::number;
use super::style::{class_color, community_color};
use super::View;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Write;

const TEMPLATE: &str = include_str!("../../assets/graph.html");
const LIBRARY: &str = include_str!("../../assets/cytoscape/cytoscape.min.js");

#[derive(Serialize)]
struct PageNode<'a> {
    id: &'a str,
    label: &'a str,
    cls: &'a str,
    level: Option<u8>,
    arts: &'a [u32],
    pr: Option<Value>,
    bc: Option<Value>,
    deg: Option<u32>,
    com: Option<u32>,
    comp: Option<u32>,
    size: Value,
    x: Value,
    y: Value,
}

#[derive(Serialize)]
struct PageEdge<'a> {
    s: usize,
    t: usize,
    k: &'a str,
    d: bool,
    w: Value,
    roles: &'a [String],
    arts: &'a [u32],
}

#[derive(Serialize)]
struct Page<'a> {
    title: &'a str,
    sources: Vec<&'a str>,
    #[serde(rename = "classColors")]
    class_colors: BTreeMap<&'a str, &'static str>,
    palette: Vec<&'static str>,
    nodes: Vec<PageNode<'a>>,
    edges: Vec<PageEdge<'a>>,
}

/// JSON safe inside `<script>`: no `<`, `>` or `&` left raw.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn html_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Fills `{{NAME}}` markers in one pass, so inserted text is never
/// scanned for markers.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + values.iter().map(|v| v.1.len()).sum::<usize>());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let name = &rest[start + 2..start + len];
        match values.iter().find(|(k, _)| *k == name) {
            Some((_, v)) => {
                out.push_str(&rest[..start]);
                out.push_str(v);
            }
            None => out.push_str(&rest[..start + len + 2]),
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
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
            PageNode {
                id: &n.iri,
                label: &n.label,
                cls: n.class_name(),
                level: n.level,
                arts: &n.articles,
                pr: s.map(|s| number(s.pagerank)),
                bc: s.map(|s| number(s.betweenness)),
                deg: s.map(|s| s.degree),
                com: s.map(|s| s.community),
                comp: s.map(|s| s.component),
                size: number(view.size(i)),
                x: number(x),
                y: number(y),
            }
        })
        .collect();
    let edges = g
        .graph
        .edge_references()
        .map(|e| {
            let w = e.weight();
            PageEdge {
                s: e.source().index(),
                t: e.target().index(),
                k: w.kind.name(),
                d: w.kind.is_directed(),
                w: number(w.weight),
                roles: &w.roles,
                arts: &w.sources,
            }
        })
        .collect();
    let class_colors = g
        .graph
        .node_weights()
        .map(|n| (n.class_name(), class_color(n.class_name())))
        .collect();
    let page = Page {
        title: &view.title,
        sources: g.sources.iter().map(|s| s.name.as_str()).collect(),
        class_colors,
        palette: (0..20).map(community_color).collect(),
        nodes,
        edges,
    };
    let data = script_safe(&serde_json::to_string(&page)?);
    let title = html_text(&view.title);
    let html = fill(
        TEMPLATE,
        &[("TITLE", &title), ("LIBRARY", LIBRARY), ("DATA", &data)],
    );
    out.write_all(html.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{tests::render, Format};

    #[test]
    fn the_page_is_self_contained() {
        let page = render(Format::Html);
        assert!(!page.contains("{{DATA}}") && !page.contains("{{LIBRARY}}"));
        assert!(!page.contains("<script src"), "no external scripts");
        assert!(!page.contains("<link "), "no external styles");
        assert!(page.contains("The Cytoscape Consortium"));
        // The data cannot close its script element early.
        let data_start = page.find(r#"id="graph-data">"#).unwrap();
        let data_end = data_start + page[data_start..].find("</script>").unwrap();
        assert!(!page[data_start + 17..data_end].contains('<'));
        assert!(page[data_start..data_end].contains("王光宇"));
        assert!(page.contains("<title>测试</title>"));
    }

    #[test]
    fn markers_are_filled_once() {
        assert_eq!(
            fill("a{{X}}b{{Y}}c{{Z}}", &[("X", "{{Y}}"), ("Y", "2")]),
            "a{{Y}}b2c{{Z}}"
        );
    }
}
