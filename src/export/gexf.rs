//! GEXF 1.2 (Gephi's format): typed attributes like the GraphML export,
//! plus `viz:` colour (by class), size (by PageRank) and position (the
//! standard layout), so Gephi opens a drawn graph. No timestamps in
//! `<meta>`, so the same graph gives the same file.

use super::style::{class_color, rgb};
use super::xml::escape;
use super::{joined_sources, View};
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
    writeln!(out, r#"    <attributes class="node">"#)?;
    for (name, ty) in NODE_ATTRIBUTES {
        writeln!(
            out,
            r#"      <attribute id="{name}" title="{name}" type="{ty}"/>"#
        )?;
    }
    writeln!(out, "    </attributes>")?;
    writeln!(out, r#"    <attributes class="edge">"#)?;
    for (name, ty) in EDGE_ATTRIBUTES {
        writeln!(
            out,
            r#"      <attribute id="{name}" title="{name}" type="{ty}"/>"#
        )?;
    }
    writeln!(out, "    </attributes>")?;
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
        value("class", n.class_name().to_owned())?;
        if let Some(level) = n.level {
            value("level", level.to_string())?;
        }
        value("articleCount", n.articles.len().to_string())?;
        value("articles", joined_sources(g, &n.articles))?;
        if let Some(s) = view.score(i) {
            value("degree", s.degree.to_string())?;
            value("pagerank", format_float(s.pagerank))?;
            value("betweenness", format_float(s.betweenness))?;
            value("component", s.component.to_string())?;
            value("community", s.community.to_string())?;
        }
        writeln!(out, "        </attvalues>")?;
        let (r, gr, b) = rgb(class_color(n.class_name()));
        writeln!(out, r#"        <viz:color r="{r}" g="{gr}" b="{b}"/>"#)?;
        writeln!(out, r#"        <viz:size value="{:.2}"/>"#, view.size(i))?;
        let (x, y) = view.positions.get(i.index()).copied().unwrap_or_default();
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
        if !w.roles.is_empty() {
            value("roles", w.roles.join("; "))?;
        }
        value("articleCount", w.sources.len().to_string())?;
        value("articles", joined_sources(g, &w.sources))?;
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
