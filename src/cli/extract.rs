//! `extract FILE`: what extraction finds in one article, with evidence.

use anyhow::Result;
use cadre_kg::{corpus, normalize, pipeline};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// What the offsets of `extract --json` count, said in the output itself.
const OFFSETS_NOTE: &str = "characters; each span gives `normalised` offsets into the normalised \
text (what sentences[].text holds and the rules read) and `original` offsets into the file as \
decoded (what the store's ck:start and ck:end give)";

/// Turns every `span` of the extracted facts (normalised char offsets)
/// into `{normalised: {start, end}, original: {start, end}}`.
fn with_original_offsets(value: &mut serde_json::Value, normalized: &normalize::Normalized) {
    match value {
        serde_json::Value::Object(fields) => {
            for (key, v) in fields.iter_mut() {
                let span = (key == "span")
                    .then(|| Some((v.get("start")?.as_u64()?, v.get("end")?.as_u64()?)))
                    .flatten();
                match span {
                    Some((start, end)) => {
                        let (os, oe) = normalized.original_range(start as usize, end as usize);
                        *v = serde_json::json!({
                            "normalised": {"start": start, "end": end},
                            "original": {"start": os, "end": oe},
                        });
                    }
                    None => with_original_offsets(v, normalized),
                }
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                with_original_offsets(v, normalized);
            }
        }
        _ => {}
    }
}

pub fn extract(file: &Path, json: bool) -> Result<ExitCode> {
    let root = file.parent().unwrap_or(Path::new("."));
    let article = corpus::read_article(root, file)?;
    let processed = pipeline::process(article)
        .map_err(|reason| anyhow::anyhow!("{}: {reason}", file.display()))?;
    let linked = &processed.linked;
    let mut out = std::io::stdout().lock();
    if json {
        let mut facts = serde_json::to_value(&linked.facts)?;
        with_original_offsets(&mut facts, &processed.normalized);
        if let serde_json::Value::Object(fields) = &mut facts {
            fields.insert("offsets".into(), OFFSETS_NOTE.into());
        }
        serde_json::to_writer_pretty(&mut out, &facts)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let facts = &linked.facts;
    let sentence = |s: usize| facts.sentences[s].text.chars().take(40).collect::<String>();
    for (i, m) in facts.mentions.iter().enumerate() {
        let alts = if m.alt_labels.is_empty() {
            String::new()
        } else {
            format!(" ({})", m.alt_labels.join(", "))
        };
        writeln!(
            out,
            "{:<14} {}{alts}  <{}>  「{}」",
            format!("{:?}", m.kind),
            m.label,
            linked.entities[linked.entity_of[i]].iri,
            sentence(m.evidence.sentence)
        )?;
    }
    for a in &facts.appointments {
        writeln!(
            out,
            "appointment    {} | {} | {}  「{}」",
            facts.mentions[a.person].label,
            a.role,
            facts.mentions[a.unit].label,
            sentence(a.evidence.sentence)
        )?;
    }
    for c in &facts.containments {
        writeln!(
            out,
            "located in     {} ⊂ {}",
            facts.mentions[c.child].label, facts.mentions[c.parent].label
        )?;
    }
    for r in &facts.relations {
        writeln!(
            out,
            "{:<14} {} → {}  「{}」",
            r.kind.name(),
            facts.mentions[r.subject].label,
            facts.mentions[r.object].label,
            sentence(r.evidence.sentence)
        )?;
    }
    if let Some(d) = &facts.published {
        writeln!(
            out,
            "published      {}  「{}」",
            d.lexical(),
            sentence(d.evidence.sentence)
        )?;
    }
    for &a in &facts.authors {
        writeln!(out, "author         {}", facts.mentions[a].label)?;
    }
    Ok(ExitCode::SUCCESS)
}
