//! `cadre-kg serve`: the store as a SPARQL 1.1 Protocol endpoint.
//!
//! Queries go through `query` exactly as on the command line (the set
//! default graph, the predeclared prefixes, the checks that refuse
//! `SERVICE` and updates), evaluated on the live generation (`live`), their
//! results streamed in the negotiated format (`negotiate`). One thread
//! watches every query's deadline (`query::Watcher`); a cap on
//! simultaneous evaluations answers 503 beyond it. oxhttp, Oxigraph's own
//! blocking HTTP/1.1 server, gives a thread per connection: a query's
//! evaluation is blocking work, so an async runtime would only add a
//! thread pool under it.

mod describe;
mod live;
mod negotiate;
mod protocol;

use crate::query::{self, Encoded, QueryError, Watch, Watcher};
use crate::store::{self, Leased, StoreError};
use live::Live;
use oxhttp::model::header::{self, HeaderValue};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxigraph::model::NamedNode;
use oxigraph::sparql::QueryEvaluationError;
use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use thiserror::Error;

/// Results up to this size are evaluated before the answer is sent (with
/// its length, and with an error status if evaluation fails); larger ones
/// stream.
const FIRST_CHUNK: usize = 1 << 16;

/// How a server runs.
#[derive(Debug, Clone)]
pub struct Options {
    pub store: PathBuf,
    pub bind: SocketAddr,
    /// A query's deadline.
    pub timeout: Duration,
    /// Queries evaluated at once.
    pub max_concurrent: usize,
    /// Let SPARQL updates change the store.
    pub allow_update: bool,
    /// The largest request body read.
    pub max_body: u64,
}

#[derive(Debug, Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("the server stopped: {0}")]
    Stopped(#[source] std::io::Error),
}

/// Serves until the process ends.
pub fn serve(options: Options) -> Result<(), ServeError> {
    let service = Arc::new(Service::new(&options)?);
    let handler = Arc::clone(&service);
    let server = oxhttp::Server::new(move |request| handler.handle(request))
        .bind(options.bind)
        .with_server_name(concat!("cadre-kg/", env!("CARGO_PKG_VERSION")))
        .expect("the server's name is a valid header value")
        // Idle and stalled connections let go of their thread.
        .with_global_timeout(options.timeout.max(Duration::from_secs(60)))
        .with_max_concurrent_connections((options.max_concurrent * 8).max(64));
    let listening = server.spawn().map_err(|source| ServeError::Bind {
        addr: options.bind,
        source,
    })?;
    tracing::warn!(
        "serving {} on http://{}/ (SPARQL at /query)",
        options.store.display(),
        options.bind
    );
    listening.join().map_err(ServeError::Stopped)
}

/// What every request shares.
struct Service {
    root: PathBuf,
    live: Live,
    watcher: Watcher,
    slots: Arc<Slots>,
    timeout: Duration,
    allow_update: bool,
    max_body: u64,
    /// Updates apply one at a time.
    updating: Mutex<()>,
}

impl Service {
    fn new(options: &Options) -> Result<Self, ServeError> {
        Ok(Service {
            root: options.store.clone(),
            live: Live::open(&options.store)?,
            watcher: Watcher::start(),
            slots: Arc::new(Slots {
                busy: AtomicUsize::new(0),
                max: options.max_concurrent.max(1),
            }),
            timeout: options.timeout,
            allow_update: options.allow_update,
            max_body: options.max_body,
            updating: Mutex::new(()),
        })
    }

    /// Answers one request, with CORS headers and an access log line.
    fn handle(&self, request: &mut Request<Body>) -> Response<Body> {
        let started = Instant::now();
        let mut response = self.route(request);
        let headers = response.headers_mut();
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
        tracing::info!(
            target: "access",
            method = %request.method(),
            path = request.uri().path(),
            status = response.status().as_u16(),
            micros = started.elapsed().as_micros() as u64,
        );
        response
    }

    fn route(&self, request: &mut Request<Body>) -> Response<Body> {
        let method = request.method().clone();
        let path = request.uri().path().to_owned();
        match (method, path.as_str()) {
            (Method::OPTIONS, _) => preflight(),
            (Method::GET | Method::HEAD, "/") => html(describe::page()),
            (Method::GET | Method::HEAD, "/health") => self.health(),
            (_, "/query" | "/sparql" | "/update") => self.sparql(request),
            (Method::GET | Method::HEAD, _) => {
                text(StatusCode::NOT_FOUND, "not found: SPARQL is at /query")
            }
            _ if !self.allow_update => read_only(),
            _ => text(
                StatusCode::METHOD_NOT_ALLOWED,
                "the Graph Store protocol is not served: send SPARQL updates to /update",
            ),
        }
    }

    /// The live generation from its manifest, without reading the store.
    fn health(&self) -> Response<Body> {
        match self.live.get() {
            Ok(live) => {
                let body = serde_json::json!({
                    "status": "ok",
                    "generation": live.name,
                    "articles": live.manifest.articles.len(),
                    "statements": live.manifest.statements,
                    "queries_running": self.slots.busy.load(Ordering::Relaxed),
                });
                with_type(StatusCode::OK, "application/json", body.to_string())
            }
            Err(e) => text(StatusCode::SERVICE_UNAVAILABLE, &e.to_string()),
        }
    }

    fn sparql(&self, request: &mut Request<Body>) -> Response<Body> {
        let header_str = |name: header::HeaderName| {
            request
                .headers()
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
                .map(str::to_owned)
        };
        let (content_type, accept) = (header_str(header::CONTENT_TYPE), header_str(header::ACCEPT));
        let host = header_str(header::HOST);
        let method = request.method().as_str().to_owned();
        let query_string = request.uri().query().map(str::to_owned);
        let parsed = protocol::parse(
            &method,
            query_string.as_deref(),
            content_type.as_deref(),
            request.body_mut(),
            self.max_body,
        );
        match parsed {
            Ok(None) => describe::service(host.as_deref(), accept.as_deref()),
            Ok(Some(r)) => match r.operation {
                protocol::Operation::Query(query) => {
                    let dataset = (r.default_graphs.as_slice(), r.named_graphs.as_slice());
                    let base = describe::endpoint(host.as_deref());
                    self.query(&query, &base, dataset, accept.as_deref())
                }
                protocol::Operation::Update(update) => self.update(&update),
            },
            Err(e) => {
                let status = match e {
                    protocol::ProtocolError::BadRequest(_) => StatusCode::BAD_REQUEST,
                    protocol::ProtocolError::UnsupportedMediaType(_) => {
                        StatusCode::UNSUPPORTED_MEDIA_TYPE
                    }
                    protocol::ProtocolError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
                    protocol::ProtocolError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
                };
                text(status, &e.to_string())
            }
        }
    }

    /// Answers a query: `base` resolves its relative IRIs, `dataset`
    /// (default and named graph IRIs), when given, replaces its own.
    fn query(
        &self,
        query: &str,
        base: &str,
        (default_graphs, named_graphs): (&[String], &[String]),
        accept: Option<&str>,
    ) -> Response<Body> {
        let Some(slot) = self.slots.take() else {
            return busy();
        };
        let generation = match self.live.get() {
            Ok(g) => g,
            Err(e) => return text(StatusCode::SERVICE_UNAVAILABLE, &e.to_string()),
        };
        let mut checked = match query::check_at(&generation.store, query, Some(base)) {
            Ok(c) => c,
            Err(e) => return self.failed(&e),
        };
        if !default_graphs.is_empty() || !named_graphs.is_empty() {
            match (iris(default_graphs), iris(named_graphs)) {
                (Ok(default), Ok(named)) => checked.set_dataset(default, named),
                (Err(e), _) | (_, Err(e)) => return text(StatusCode::BAD_REQUEST, &e),
            }
        }
        let Some(format) = negotiate::choose(accept, checked.kind) else {
            let offered = negotiate::offered(checked.kind).join(", ");
            return text(
                StatusCode::NOT_ACCEPTABLE,
                &format!("no acceptable format for these results; offered: {offered}"),
            );
        };
        let watch = checked.watch(&self.watcher, self.timeout);
        let started = checked
            .execute(&generation.store)
            .and_then(|results| Encoded::new(results, format));
        let mut encoded = match started.and_then(|mut e| e.fill(FIRST_CHUNK).map(|()| e)) {
            Ok(e) => e,
            Err(e) => return self.failed(&e),
        };
        let content_type = format!("{}; charset=utf-8", format.media_type());
        let body = if encoded.is_complete() {
            Body::from(encoded.take_ready())
        } else {
            Body::from_read(Streaming {
                encoded,
                timeout: self.timeout,
                _watch: watch,
                _slot: slot,
                _generation: generation,
            })
        };
        respond(StatusCode::OK, &content_type, body)
    }

    /// The status and message for a query that failed before its results
    /// were sent.
    fn failed(&self, e: &QueryError) -> Response<Body> {
        let status = match e {
            QueryError::Syntax(_)
            | QueryError::UndeclaredPrefix(_)
            | QueryError::TooLarge(_)
            | QueryError::Update => StatusCode::BAD_REQUEST,
            QueryError::Refused(_) => StatusCode::FORBIDDEN,
            QueryError::Timeout(_) | QueryError::Evaluation(QueryEvaluationError::Cancelled) => {
                return text(
                    StatusCode::SERVICE_UNAVAILABLE,
                    &QueryError::Timeout(self.timeout).to_string(),
                )
            }
            QueryError::Evaluation(_) | QueryError::Storage(_) | QueryError::Io(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        text(status, &e.to_string())
    }

    fn update(&self, update: &str) -> Response<Body> {
        if !self.allow_update {
            return read_only();
        }
        let prepared = match query::check_update(update) {
            Ok(p) => p,
            Err(e) => return self.failed(&e),
        };
        let _one_at_a_time = self.updating.lock().unwrap_or_else(|e| e.into_inner());
        match store::update(&self.root, prepared) {
            Ok(()) => respond(StatusCode::NO_CONTENT, "text/plain", Body::empty()),
            Err(e @ StoreError::Update(_)) => text(StatusCode::BAD_REQUEST, &e.to_string()),
            Err(e @ StoreError::Locked { .. }) => {
                let mut response = text(StatusCode::SERVICE_UNAVAILABLE, &e.to_string());
                retry_later(&mut response);
                response
            }
            Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
        }
    }
}

/// Counts evaluations under way against the cap.
struct Slots {
    busy: AtomicUsize,
    max: usize,
}

/// One evaluation's place under the cap; freed on drop.
struct Slot(Arc<Slots>);

impl Slots {
    fn take(self: &Arc<Self>) -> Option<Slot> {
        self.busy
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < self.max).then_some(n + 1)
            })
            .ok()
            .map(|_| Slot(Arc::clone(self)))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.busy.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A response body evaluated as the client reads it, holding the query's
/// deadline, its slot and its generation until done. A failure here comes
/// after the status was sent: the read error makes the server cut the
/// connection, so the body never looks complete.
struct Streaming {
    encoded: Encoded,
    timeout: Duration,
    _watch: Watch,
    _slot: Slot,
    _generation: Arc<Leased>,
}

impl Read for Streaming {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.encoded.read(buf).inspect_err(|e| {
            tracing::warn!(
                timeout_s = self.timeout.as_secs_f64(),
                "query failed after its results started: connection cut ({e})"
            );
        })
    }
}

/// Parses graph IRIs given as protocol parameters.
fn iris(values: &[String]) -> Result<Vec<NamedNode>, String> {
    values
        .iter()
        .map(|v| NamedNode::new(v).map_err(|e| format!("{v:?} is not an IRI: {e}")))
        .collect()
}

fn respond(status: StatusCode, content_type: &str, body: Body) -> Response<Body> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    if let Ok(value) = HeaderValue::from_str(content_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    response
}

fn with_type(status: StatusCode, content_type: &str, body: String) -> Response<Body> {
    respond(status, content_type, Body::from(body))
}

fn text(status: StatusCode, message: &str) -> Response<Body> {
    with_type(status, "text/plain; charset=utf-8", format!("{message}\n"))
}

fn html(page: &'static str) -> Response<Body> {
    respond(
        StatusCode::OK,
        "text/html; charset=utf-8",
        Body::from(page.as_bytes()),
    )
}

fn retry_later(response: &mut Response<Body>) {
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
}

fn busy() -> Response<Body> {
    let mut response = text(
        StatusCode::SERVICE_UNAVAILABLE,
        "too many queries at once (--max-concurrent); try again",
    );
    retry_later(&mut response);
    response
}

fn read_only() -> Response<Body> {
    text(
        StatusCode::FORBIDDEN,
        "the endpoint is read-only: updates are refused unless the server runs with --allow-update",
    )
}

/// The answer to a CORS preflight: any origin may query, sending the
/// headers of the protocol. (GET and POST need no
/// `Access-Control-Allow-Methods`, which oxhttp does not send.)
fn preflight() -> Response<Body> {
    let mut response = respond(StatusCode::NO_CONTENT, "text/plain", Body::empty());
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("Accept, Content-Type"),
    );
    headers.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("86400"),
    );
    response
}
