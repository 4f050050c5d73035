//! Graphviz DOT: a `digraph` whose nodes are labelled in Chinese and
//! coloured by class, co-mentions drawn without arrows, appointments
//! labelled with the post. Scores ride along as extra attributes (Graphviz
//! ignores them; other DOT readers keep them).

use super::style::class_color;
use super::{joined_sources, View};
use crate::analytics::format_float;
use petgraph::visit::EdgeRef;
use std::io::{self, Write};

/// A DOT double-quoted string.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub(crate) fn write(view: &View, out: &mut impl Write) -> io::Result<()> {
    let g = view.graph;
    writeln!(out, "digraph {} {{", quote(&view.title))?;
    writeln!(
        out,
        "  graph [overlap=false, splines=true, outputorder=edgesfirst, fontname=\"Noto Sans CJK SC\"];"
    )?;
    writeln!(
        out,
        "  node [shape=ellipse, style=filled, fontname=\"Noto Sans CJK SC\", fontsize=10];"
    )?;
    writeln!(
        out,
        "  edge [fontname=\"Noto Sans CJK SC\", fontsize=8, color=\"#00000066\"];"
    )?;
    for i in g.graph.node_indices() {
        let n = g.node(i);
        let mut attrs = vec![
            format!("label={}", quote(&n.label)),
            format!("class={}", quote(n.class_name())),
            format!("fillcolor={}", quote(class_color(n.class_name()))),
            format!("width={:.2}", view.size(i) / 40.0),
            format!("articleCount={}", n.articles.len()),
        ];
        if let Some(level) = n.level {
            attrs.push(format!("level={level}"));
        }
        if let Some(s) = view.score(i) {
            attrs.push(format!("degree={}", s.degree));
            attrs.push(format!("pagerank={}", quote(&format_float(s.pagerank))));
            attrs.push(format!(
                "betweenness={}",
                quote(&format_float(s.betweenness))
            ));
            attrs.push(format!("component={}", s.component));
            attrs.push(format!("community={}", s.community));
        }
        writeln!(out, "  {} [{}];", quote(&n.iri), attrs.join(", "))?;
    }
    for e in g.graph.edge_references() {
        let w = e.weight();
        let mut attrs = vec![
            format!("kind={}", quote(w.kind.name())),
            format!("weight={}", w.weight.round().max(1.0) as u64),
            format!("articles={}", quote(&joined_sources(g, &w.sources))),
        ];
        if !w.kind.is_directed() {
            attrs.push("dir=none".to_owned());
            attrs.push("style=dashed".to_owned());
        }
        if !w.roles.is_empty() {
            attrs.push(format!("label={}", quote(&w.roles.join("、"))));
        }
        writeln!(
            out,
            "  {} -> {} [{}];",
            quote(&g.node(e.source()).iri),
            quote(&g.node(e.target()).iri),
            attrs.join(", ")
        )?;
    }
    writeln!(out, "}}")
}

#[cfg(test)]
mod tests {
    use crate::export::{tests::render, Format};

    #[test]
    fn quotes_and_arrows() {
        let text = render(Format::Dot);
        assert!(text.starts_with("digraph \"测试\" {"));
        assert!(text.contains(r#"label="\"<东北>\" & 大学""#));
        assert_eq!(text.matches(" -> ").count(), 2);
        assert_eq!(text.matches("dir=none").count(), 1);
        assert!(text.contains(r#"label="第一书记""#));
        assert!(text.trim_end().ends_with('}'));
    }
}
