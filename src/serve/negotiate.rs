//! Content negotiation: the format an `Accept` header prefers among those
//! that can hold a query's results, by q-value and then by specificity
//! (`text/csv` over `text/*` over `*/*`), ties going to the first offered.

use crate::query::{Format, Kind};
use oxigraph::io::RdfFormat;
use oxigraph::sparql::results::QueryResultsFormat;

/// The formats offered for each kind of result, preferred first, with
/// the media types that name them.
fn offers(kind: Kind) -> Vec<Offer> {
    match kind {
        Kind::Solutions | Kind::Boolean => vec![
            offer(
                Format::Results(QueryResultsFormat::Json),
                &["application/sparql-results+json", "application/json"],
            ),
            offer(
                Format::Results(QueryResultsFormat::Xml),
                &[
                    "application/sparql-results+xml",
                    "application/xml",
                    "text/xml",
                ],
            ),
            offer(Format::Results(QueryResultsFormat::Csv), &["text/csv"]),
            offer(
                Format::Results(QueryResultsFormat::Tsv),
                &["text/tab-separated-values"],
            ),
        ],
        Kind::Graph => vec![
            offer(Format::Graph(RdfFormat::Turtle), &["text/turtle"]),
            offer(
                Format::Graph(RdfFormat::NTriples),
                &["application/n-triples", "text/plain"],
            ),
            offer(Format::Graph(RdfFormat::NQuads), &["application/n-quads"]),
            offer(
                Format::Graph(
                    RdfFormat::from_media_type("application/ld+json")
                        .expect("JSON-LD is a format oxigraph writes"),
                ),
                &["application/ld+json"],
            ),
            offer(Format::Graph(RdfFormat::RdfXml), &["application/rdf+xml"]),
        ],
    }
}

/// A format and the media types that name it.
type Offer = (Format, &'static [&'static str]);

fn offer(format: Format, names: &'static [&'static str]) -> Offer {
    (format, names)
}

/// One media range of an `Accept` header.
struct Range<'a> {
    kind: &'a str,
    subtype: &'a str,
    q: f32,
}

fn ranges(accept: &str) -> Vec<Range<'_>> {
    accept
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let (kind, subtype) = parts.next()?.trim().split_once('/')?;
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            Some(Range {
                kind: kind.trim(),
                subtype: subtype.trim(),
                q,
            })
        })
        .collect()
}

/// The q-value `accept` gives `media` through its most specific range
/// that matches, if any.
fn quality(ranges: &[Range<'_>], media: &str) -> Option<f32> {
    let (kind, subtype) = media.split_once('/')?;
    ranges
        .iter()
        .filter_map(|r| {
            let specificity = match (r.kind, r.subtype) {
                (k, s) if k.eq_ignore_ascii_case(kind) && s.eq_ignore_ascii_case(subtype) => 2,
                (k, "*") if k.eq_ignore_ascii_case(kind) => 1,
                ("*", "*") => 0,
                _ => return None,
            };
            Some((specificity, r.q))
        })
        .max_by_key(|(specificity, _)| *specificity)
        .map(|(_, q)| q)
}

/// The format for results of `kind` that `accept` prefers; the first
/// offered when there is no header; `None` when nothing offered is
/// acceptable (406).
pub fn choose(accept: Option<&str>, kind: Kind) -> Option<Format> {
    let offers = offers(kind);
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return offers.first().map(|(f, _)| *f);
    };
    let ranges = ranges(accept);
    let mut best: Option<(Format, f32)> = None;
    for (format, names) in offers {
        let q = names
            .iter()
            .filter_map(|m| quality(&ranges, m))
            .fold(0.0_f32, f32::max);
        if q > 0.0 && best.is_none_or(|(_, b)| q > b) {
            best = Some((format, q));
        }
    }
    best.map(|(f, _)| f)
}

/// Every media type offered for `kind`, for the 406 message.
pub fn offered(kind: Kind) -> Vec<&'static str> {
    offers(kind)
        .into_iter()
        .flat_map(|(_, names)| names.iter().copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn media(accept: Option<&str>, kind: Kind) -> Option<&'static str> {
        choose(accept, kind).map(Format::media_type)
    }

    #[test]
    fn q_values_and_specificity_decide() {
        let rows = Kind::Solutions;
        assert_eq!(media(None, rows), Some("application/sparql-results+json"));
        assert_eq!(
            media(Some("*/*"), rows),
            Some("application/sparql-results+json")
        );
        assert_eq!(
            media(Some("application/sparql-results+xml"), rows),
            Some("application/sparql-results+xml")
        );
        assert_eq!(
            media(Some("text/csv;q=0.5, text/tab-separated-values"), rows),
            Some("text/tab-separated-values")
        );
        assert_eq!(
            media(Some("text/*;q=0.9, text/tab-separated-values;q=0.1"), rows),
            Some("application/sparql-results+xml")
        );
        assert_eq!(
            media(Some("*/*;q=0.1, text/csv;q=0"), rows),
            Some("application/sparql-results+json")
        );
        assert_eq!(media(Some("image/png"), rows), None);
        assert_eq!(media(Some("text/csv;q=0"), rows), None);
    }

    #[test]
    fn graphs_get_rdf_formats() {
        let graph = Kind::Graph;
        assert_eq!(media(None, graph), Some("text/turtle"));
        assert_eq!(
            media(Some("application/n-quads"), graph),
            Some("application/n-quads")
        );
        assert_eq!(
            media(Some("application/ld+json"), graph),
            Some("application/ld+json")
        );
        assert_eq!(
            media(Some("application/rdf+xml"), graph),
            Some("application/rdf+xml")
        );
        assert_eq!(media(Some("application/sparql-results+json"), graph), None);
    }
}
