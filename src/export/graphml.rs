//! GraphML: one `<node>` per node (id = IRI) and one `<edge>` per typed
//! relation, with typed `<key>` attributes that Gephi, Cytoscape, yEd and
//! NetworkX read. Absent values (a person's level, scores of a node the
//! analysis did not cover) are left out rather than invented.

use super::xml::escape;
use super::{edge_attributes, node_attributes, View};
use crate::analytics::format_float;
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

const NODE_KEYS: [(&str, &str); 12] = [
    ("iri", "string"),
    ("label", "string"),
    ("class", "string"),
    ("level", "int"),
    ("articleCount", "int"),
    ("articles", "string"),
    ("degree", "int"),
    ("pagerank", "double"),
    ("betweenness", "double"),
    ("component", "int"),
    ("community", "int"),
    ("size", "double"),
];

const EDGE_KEYS: [(&str, &str); 5] = [
    ("kind", "string"),
    ("weight", "double"),
    ("roles", "string"),
    ("articleCount", "int"),
    ("articles", "string"),
];

pub(crate) fn write(view: &View, out: &mut impl Write) -> io::Result<()> {
    let g = view.graph;
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (name, ty) in NODE_KEYS {
        writeln!(
            out,
            r#"  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    for (name, ty) in EDGE_KEYS {
        writeln!(
            out,
            r#"  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(
        out,
        r#"  <graph id="{}" edgedefault="directed">"#,
        escape(&view.title)
    )?;
    for i in g.graph.node_indices() {
        let n = g.node(i);
        writeln!(out, r#"    <node id="{}">"#, escape(&n.iri))?;
        let mut data = |key: &str, value: String| {
            writeln!(
                out,
                r#"      <data key="n_{key}">{}</data>"#,
                escape(&value)
            )
        };
        data("iri", n.iri.clone())?;
        data("label", n.label.clone())?;
        for (key, value) in node_attributes(view, i) {
            data(key, value)?;
        }
        data("size", format!("{:.2}", view.size(i)))?;
        writeln!(out, "    </node>")?;
    }
    for e in g.graph.edge_references() {
        let w = e.weight();
        writeln!(
            out,
            r#"    <edge id="e{}" source="{}" target="{}">"#,
            e.id().index(),
            escape(&g.node(e.source()).iri),
            escape(&g.node(e.target()).iri)
        )?;
        let mut data = |key: &str, value: String| {
            writeln!(
                out,
                r#"      <data key="e_{key}">{}</data>"#,
                escape(&value)
            )
        };
        data("kind", w.kind.name().to_owned())?;
        data("weight", format_float(w.weight))?;
        for (key, value) in edge_attributes(g, w) {
            data(key, value)?;
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}

#[cfg(test)]
mod tests {
    use crate::export::{tests::render, Format};

    #[test]
    fn escapes_and_keeps_chinese() {
        let text = render(Format::Graphml);
        assert!(text.contains(r#"<data key="n_label">&quot;&lt;东北&gt;&quot; &amp; 大学</data>"#));
        assert!(text.contains(r#"<data key="e_roles">第一书记</data>"#));
        assert!(text.contains(r#"<data key="n_articles">a&amp;b.txt</data>"#));
        assert_eq!(text.matches("<node ").count(), 3);
        assert_eq!(text.matches("<edge ").count(), 2);
        assert!(
            !text.contains(r#"<data key="n_level">"#)
                || text.contains(r#"<data key="n_level">5</data>"#)
        );
    }
}
