//! GEXF 1.2 (Gephi's format): typed attributes like the GraphML export,
//! plus `viz:` colour (by class), size (by PageRank) and position (the
//! standard layout), so Gephi opens a drawn graph. No timestamps in
//! `<meta>`, so the same graph gives the same file.

use super::style::{class_color, rgb};
use super::xml::escape;
use super::{edge_attributes, node_attributes, View};
use crate::analytics::format_float;
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

const NODE_ATTRIBUTES: [(&str, &str); 10] = [
    ("iri", "string"),
    ("class", "string"),
    ("level", "integer"),
    ("articleCount", "integer"),
    ("articles", "string"),
    ("degree", "integer"),
    ("pagerank", "double"),
    ("betweenness", "double"),
    ("component", "integer"),
    ("community", "integer"),
];

const EDGE_ATTRIBUTES: [(&str, &str); 4] = [
    ("kind", "string"),
    ("roles", "string"),
    ("articleCount", "integer"),
    ("articles", "string"),
];

pub(crate) fn write(view: &View, out: &mut impl Write) -> io::Result<()> {
    let g = view.graph;
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">"#
    )?;
    writeln!(
        out,
        "  <meta>\n    <creator>cadre-kg</creator>\n    <description>{}</description>\n  </meta>",
        escape(&view.title)
    )?;
    writeln!(out, r#"  <graph mode="static" defaultedgetype="directed">"#)?;
    for (class, attributes) in [
        ("node", &NODE_ATTRIBUTES[..]),
        ("edge", &EDGE_ATTRIBUTES[..]),
    ] {
        writeln!(out, r#"    <attributes class="{class}">"#)?;
        for (name, ty) in attributes {
            writeln!(
                out,
                r#"      <attribute id="{name}" title="{name}" type="{ty}"/>"#
            )?;
        }
        writeln!(out, "    </attributes>")?;
    }
    writeln!(out, "    <nodes>")?;
    for i in g.graph.node_indices() {
        let n = g.node(i);
        writeln!(
            out,
            r#"      <node id="{}" label="{}">"#,
            escape(&n.iri),
            escape(&n.label)
        )?;
        writeln!(out, "        <attvalues>")?;
        let mut value = |key: &str, v: String| {
            writeln!(
                out,
                r#"          <attvalue for="{key}" value="{}"/>"#,
                escape(&v)
            )
        };
        value("iri", n.iri.clone())?;
        for (key, v) in node_attributes(view, i) {
            value(key, v)?;
        }
        writeln!(out, "        </attvalues>")?;
        let (r, gr, b) = rgb(class_color(n.class_name()));
        writeln!(out, r#"        <viz:color r="{r}" g="{gr}" b="{b}"/>"#)?;
        writeln!(out, r#"        <viz:size value="{:.2}"/>"#, view.size(i))?;
        let (x, y) = view.position(i);
        writeln!(
            out,
            r#"        <viz:position x="{x:.2}" y="{:.2}" z="0.0"/>"#,
            -y
        )?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for e in g.graph.edge_references() {
        let w = e.weight();
        writeln!(
            out,
            r#"      <edge id="{}" source="{}" target="{}" weight="{}" label="{}">"#,
            e.id().index(),
            escape(&g.node(e.source()).iri),
            escape(&g.node(e.target()).iri),
            format_float(w.weight),
            escape(w.kind.name())
        )?;
        writeln!(out, "        <attvalues>")?;
        let mut value = |key: &str, v: String| {
            writeln!(
                out,
                r#"          <attvalue for="{key}" value="{}"/>"#,
                escape(&v)
            )
        };
        value("kind", w.kind.name().to_owned())?;
        for (key, v) in edge_attributes(g, w) {
            value(key, v)?;
        }
        writeln!(out, "        </attvalues>")?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")
}

#[cfg(test)]
mod tests {
    use crate::export::{tests::render, Format};

    #[test]
    fn nodes_carry_labels_colours_and_positions() {
        let text = render(Format::Gexf);
        assert!(text.contains(r#"label="王光宇""#));
        assert!(
            text.contains(r#"<viz:color r="225" g="87" b="89"/>"#),
            "person red"
        );
        assert_eq!(text.matches("<viz:position ").count(), 3);
        assert!(text.contains(r#"label="appointment""#));
        assert!(!text.contains("lastmodifieddate"));
    }
}
