//! What the endpoint says about itself: the SPARQL service description
//! (GET `/query` without a query) and the query page at `/`.

use super::{negotiate, respond, text};
use crate::query::{Format, Kind, PREFIXES};
use oxhttp::model::{Body, Response, StatusCode};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use std::sync::OnceLock;

/// The page at `/`: the query editor (`assets/query.html`) with the
/// predeclared prefixes and the questions of `queries/` filled in.
pub fn page() -> &'static str {
    static PAGE: OnceLock<String> = OnceLock::new();
    PAGE.get_or_init(|| {
        let prefixes: serde_json::Map<String, serde_json::Value> = PREFIXES
            .iter()
            .map(|(p, iri)| ((*p).to_owned(), (*iri).into()))
            .collect();
        include_str!("../../assets/query.html")
            .replace(
                "/*PREFIXES*/{}",
                &serde_json::Value::Object(prefixes).to_string(),
            )
            .replace(
                "/*QUERIES*/[]",
                include_str!(concat!(env!("OUT_DIR"), "/queries.json")),
            )
    })
}

/// The endpoint's IRI as the client named its host (`Host`): the
/// service description's `sd:endpoint` and the base IRI of queries. Only
/// a plausible host name is taken.
pub fn endpoint(host: Option<&str>) -> String {
    let host = host
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    format!("http://{host}/query")
}

/// The service description of the endpoint at `host`, in the RDF format
/// `accept` prefers (Turtle when it names none).
pub fn service(host: Option<&str>, accept: Option<&str>) -> Response<Body> {
    let endpoint = endpoint(host);
    let turtle = format!(
        r#"@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
[] a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:feature sd:UnionDefaultGraph ;
  sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML,
    formats:SPARQL_Results_CSV, formats:SPARQL_Results_TSV, formats:Turtle,
    formats:N-Triples, formats:N-Quads, formats:RDF_XML ;
  sd:defaultDataset [ a sd:Dataset ;
    sd:defaultGraph [ a sd:Graph ] ] .
"#
    );
    let format = match negotiate::choose(accept, Kind::Graph) {
        Some(Format::Graph(f)) => f,
        _ => RdfFormat::Turtle,
    };
    match reserialize(&turtle, format) {
        Ok(bytes) => respond(
            StatusCode::OK,
            &format!("{}; charset=utf-8", format.media_type()),
            Body::from(bytes),
        ),
        Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, &e),
    }
}

fn reserialize(turtle: &str, format: RdfFormat) -> Result<Vec<u8>, String> {
    let mut serializer = RdfSerializer::from_format(format).for_writer(Vec::new());
    for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(turtle.as_bytes()) {
        let quad = quad.map_err(|e| e.to_string())?;
        serializer
            .serialize_quad(&quad)
            .map_err(|e| e.to_string())?;
    }
    serializer.finish().map_err(|e| e.to_string())
}
