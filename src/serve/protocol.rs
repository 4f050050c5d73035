//! What a SPARQL 1.1 Protocol request asks: a query or an update, and the
//! graphs it names, from a GET query string, a form or a direct POST body.
//! Parameters the protocol does not define (SPARQLWrapper sends `format`,
//! `output`, `results`) are ignored.

use std::io::Read;
use thiserror::Error;

/// A query or an update, as sent.
#[derive(Debug, PartialEq, Eq)]
pub enum Operation {
    Query(String),
    Update(String),
}

/// One protocol request.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub operation: Operation,
    /// `default-graph-uri` (queries) or `using-graph-uri` (updates).
    pub default_graphs: Vec<String>,
    /// `named-graph-uri` or `using-named-graph-uri`.
    pub named_graphs: Vec<String>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ProtocolError {
    #[error("{0}")]
    BadRequest(String),
    #[error("unsupported content type {0:?}: send application/sparql-query, application/sparql-update or application/x-www-form-urlencoded")]
    UnsupportedMediaType(String),
    #[error("the request body is larger than {0} bytes")]
    TooLarge(u64),
    #[error("SPARQL requests use GET or POST")]
    MethodNotAllowed,
}

/// Parses a request to the SPARQL endpoint; `None` when it asks nothing
/// (a GET without `query`: the service description). The body is read up
/// to `max_body` bytes.
pub fn parse(
    method: &str,
    query_string: Option<&str>,
    content_type: Option<&str>,
    body: &mut impl Read,
    max_body: u64,
) -> Result<Option<Request>, ProtocolError> {
    let url_params = pairs(query_string.unwrap_or("").as_bytes());
    match method {
        "GET" | "HEAD" => {
            if url_params.iter().any(|(k, _)| k == "update") {
                return Err(bad("updates are sent with POST"));
            }
            from_params(&url_params, false)
        }
        "POST" => {
            let content_type = content_type.ok_or_else(|| bad("a POST needs a Content-Type"))?;
            let mut parts = content_type.split(';');
            let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let charset = parts
                .filter_map(|p| p.trim().split_once('='))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
                .map(|(_, v)| v.trim().trim_matches('"').to_ascii_lowercase());
            if charset.is_some_and(|c| c != "utf-8" && c != "utf8") {
                return Err(bad("requests are read as UTF-8 only"));
            }
            let text = read_body(body, max_body)?;
            match media.as_str() {
                "application/x-www-form-urlencoded" => {
                    let mut params = pairs(text.as_bytes());
                    params.extend(url_params);
                    from_params(&params, true)?
                        .map(Some)
                        .ok_or_else(|| bad("the form holds neither query nor update"))
                }
                "application/sparql-query" => {
                    direct(Operation::Query(text), &url_params, "default-graph-uri").map(Some)
                }
                "application/sparql-update" => {
                    direct(Operation::Update(text), &url_params, "using-graph-uri").map(Some)
                }
                _ => Err(ProtocolError::UnsupportedMediaType(media)),
            }
        }
        _ => Err(ProtocolError::MethodNotAllowed),
    }
}

fn bad(message: &str) -> ProtocolError {
    ProtocolError::BadRequest(message.to_owned())
}

fn pairs(encoded: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(encoded).into_owned().collect()
}

fn values(params: &[(String, String)], name: &str) -> Vec<String> {
    params
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

/// The request a set of parameters makes: one `query` or (in a form) one
/// `update`, with the graph parameters of its kind.
fn from_params(
    params: &[(String, String)],
    updates_allowed: bool,
) -> Result<Option<Request>, ProtocolError> {
    let queries = values(params, "query");
    let updates = if updates_allowed {
        values(params, "update")
    } else {
        Vec::new()
    };
    let (operation, graphs) = match (queries.as_slice(), updates.as_slice()) {
        ([], []) => return Ok(None),
        ([query], []) => (Operation::Query(query.clone()), "default-graph-uri"),
        ([], [update]) => (Operation::Update(update.clone()), "using-graph-uri"),
        ([_, _, ..], _) | (_, [_, _, ..]) => return Err(bad("give the query or update once")),
        _ => return Err(bad("give a query or an update, not both")),
    };
    direct(operation, params, graphs).map(Some)
}

/// A request whose operation is given; the graphs come from `params`.
fn direct(
    operation: Operation,
    params: &[(String, String)],
    default_name: &str,
) -> Result<Request, ProtocolError> {
    let named_name = if default_name == "default-graph-uri" {
        "named-graph-uri"
    } else {
        "using-named-graph-uri"
    };
    Ok(Request {
        operation,
        default_graphs: values(params, default_name),
        named_graphs: values(params, named_name),
    })
}

fn read_body(body: &mut impl Read, max_body: u64) -> Result<String, ProtocolError> {
    let mut bytes = Vec::new();
    body.take(max_body + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| bad(&format!("cannot read the request body: {e}")))?;
    if bytes.len() as u64 > max_body {
        return Err(ProtocolError::TooLarge(max_body));
    }
    String::from_utf8(bytes).map_err(|_| bad("the request body is not UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(query_string: &str) -> Result<Option<Request>, ProtocolError> {
        parse("GET", Some(query_string), None, &mut std::io::empty(), 100)
    }

    fn post(content_type: &str, body: &str) -> Result<Option<Request>, ProtocolError> {
        parse(
            "POST",
            Some("default-graph-uri=http%3A%2F%2Fe%2Fg"),
            Some(content_type),
            &mut body.as_bytes(),
            100,
        )
    }

    #[test]
    fn gets_take_the_query_and_graphs_and_ignore_other_parameters() {
        let request = get("query=ASK%7B%7D&format=json&output=xml&named-graph-uri=http://e/n")
            .unwrap()
            .unwrap();
        assert_eq!(request.operation, Operation::Query("ASK{}".into()));
        assert_eq!(request.named_graphs, ["http://e/n"]);
        assert_eq!(get("").unwrap(), None);
        assert!(get("query=a&query=b").is_err());
        assert!(get("update=CLEAR%20ALL").is_err());
    }

    #[test]
    fn posts_by_form_or_direct_body() {
        let form = post("application/x-www-form-urlencoded", "query=ASK+%7B%7D")
            .unwrap()
            .unwrap();
        assert_eq!(form.operation, Operation::Query("ASK {}".into()));
        assert_eq!(form.default_graphs, ["http://e/g"]);
        let direct = post("application/sparql-query; charset=utf-8", "ASK {}")
            .unwrap()
            .unwrap();
        assert_eq!(direct.operation, Operation::Query("ASK {}".into()));
        assert_eq!(direct.default_graphs, ["http://e/g"]);
        let update = post("application/sparql-update", "CLEAR ALL")
            .unwrap()
            .unwrap();
        assert_eq!(update.operation, Operation::Update("CLEAR ALL".into()));
        assert!(matches!(
            post("text/plain", "ASK {}"),
            Err(ProtocolError::UnsupportedMediaType(_))
        ));
        assert!(post("application/x-www-form-urlencoded", "query=1&update=2").is_err());
        assert!(post("application/sparql-query; charset=UTF-16", "ASK {}").is_err());
        assert_eq!(
            post("application/sparql-query", &"x".repeat(101)),
            Err(ProtocolError::TooLarge(100))
        );
    }
}
