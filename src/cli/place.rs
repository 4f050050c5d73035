//! The binary's `place` command: the candidates of a place name with their
//! chains and evidence, and the outcome, for analysts checking a link.

use anyhow::Result;
use cadre_kg::lexicon::divisions::divisions;
use cadre_kg::link::explain::explain;
use cadre_kg::link::place::{AreaName, Outcome};
use cadre_kg::query::write_table;
use std::io::Write;
use std::process::ExitCode;

pub fn run(name: &str, context: &[String]) -> Result<ExitCode> {
    let e = explain(name, context);
    let mut out = std::io::stdout().lock();
    for (i, area) in e.areas.iter().enumerate() {
        let role = if i == e.target { "place" } else { "named" };
        writeln!(out, "{role:<6} {}", describe(area, &e.areas))?;
    }
    let resolution = &e.resolutions[e.target];
    let g = divisions();
    let rows: Vec<Vec<String>> = resolution
        .candidates
        .iter()
        .map(|c| {
            let chain: Vec<&str> = g.chain(c.id).iter().rev().map(|d| d.name()).collect();
            let verdict = match (&c.dropped, resolution.outcome) {
                (Some(_), _) => "dropped",
                (None, Outcome::Linked(id)) if id == c.id => "chosen",
                (None, _) => "open",
            };
            let evidence = c.dropped.iter().chain(&c.reasons).cloned();
            vec![
                verdict.to_owned(),
                g.get(c.id).code_str(),
                chain.join(" › "),
                format!("{:.2}", c.support),
                evidence.collect::<Vec<_>>().join("; "),
            ]
        })
        .collect();
    writeln!(out)?;
    let header = ["", "code", "chain", "support", "evidence"].map(String::from);
    write_table(&header, &rows, &mut out)?;
    writeln!(out)?;
    Ok(match resolution.outcome {
        Outcome::Linked(id) => {
            writeln!(
                out,
                "linked     {} ({})",
                g.get(id).code_str(),
                resolution.reason
            )?;
            ExitCode::SUCCESS
        }
        Outcome::Ambiguous => {
            writeln!(out, "not linked: ambiguous ({})", resolution.reason)?;
            ExitCode::from(1)
        }
        Outcome::Unknown => {
            writeln!(out, "not linked: unknown ({})", resolution.reason)?;
            ExitCode::from(1)
        }
    })
}

/// 南山街道 (Subdistrict, in 北票市).
fn describe(area: &AreaName, all: &[AreaName]) -> String {
    let kind = area.kind.map_or("any level", |k| k.name());
    let parents: Vec<&str> = area
        .stated_in
        .iter()
        .map(|&p| all[p].forms[0].as_str())
        .collect();
    let within = if parents.is_empty() {
        String::new()
    } else {
        format!(", in {}", parents.join(", "))
    };
    format!("{} ({kind}{within})", area.forms.join(" / "))
}
