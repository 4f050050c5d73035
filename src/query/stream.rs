//! Results written a piece at a time in a standard format: the CLI copies
//! them to standard output, the server into a response body as the
//! client reads it, so a large result never sits in memory whole.

use super::{QueryError, PREFIXES};
use oxigraph::io::{RdfFormat, RdfSerializer, WriterQuadSerializer};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsSerializer, WriterSolutionsSerializer,
};
use oxigraph::sparql::{QueryResults, QuerySolutionIter, QueryTripleIter};
use std::cell::RefCell;
use std::io::{Read, Write};
use std::rc::Rc;

/// What a query gives: rows, a yes/no, or triples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// SELECT.
    Solutions,
    /// ASK.
    Boolean,
    /// CONSTRUCT and DESCRIBE.
    Graph,
}

/// A standard format for one kind of result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Results(QueryResultsFormat),
    Graph(RdfFormat),
}

impl Format {
    /// Its media type, without parameters (`text/tab-separated-values`).
    pub fn media_type(self) -> &'static str {
        let full = match self {
            Format::Results(f) => f.media_type(),
            Format::Graph(f) => f.media_type(),
        };
        full.split(';').next().unwrap_or(full).trim()
    }

    /// Can results of `kind` be written in it?
    pub fn fits(self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (Format::Results(_), Kind::Solutions | Kind::Boolean) | (Format::Graph(_), Kind::Graph)
        )
    }
}

/// The bytes written so far and not yet read, shared with the serializer
/// that writes them.
#[derive(Clone, Default)]
struct Pending(Rc<RefCell<Vec<u8>>>);

impl Write for Pending {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

enum Source {
    Solutions(
        QuerySolutionIter<'static>,
        WriterSolutionsSerializer<Pending>,
    ),
    // Boxed: an RDF serializer is three times the size of the others.
    Graph(QueryTripleIter<'static>, Box<WriterQuadSerializer<Pending>>),
    Done,
}

/// Results being serialized: evaluation advances only as far as the bytes
/// read need.
pub struct Encoded {
    source: Source,
    pending: Pending,
    /// How much of `pending` was read already.
    read: usize,
}

impl Encoded {
    /// Serializes `results` in `format`; `Refused` when the format does not
    /// fit the kind of results.
    pub fn new(results: QueryResults<'static>, format: Format) -> Result<Self, QueryError> {
        let pending = Pending::default();
        let source = match (results, format) {
            (QueryResults::Solutions(solutions), Format::Results(f)) => {
                let variables = solutions.variables().to_vec();
                let serializer = QueryResultsSerializer::from_format(f)
                    .serialize_solutions_to_writer(pending.clone(), variables)?;
                Source::Solutions(solutions, serializer)
            }
            (QueryResults::Boolean(value), Format::Results(f)) => {
                QueryResultsSerializer::from_format(f)
                    .serialize_boolean_to_writer(pending.clone(), value)?;
                Source::Done
            }
            (QueryResults::Graph(triples), Format::Graph(f)) => {
                let serializer = PREFIXES
                    .iter()
                    .fold(RdfSerializer::from_format(f), |s, (p, iri)| {
                        s.with_prefix(*p, *iri)
                            .expect("built-in prefixes are valid IRIs")
                    })
                    .for_writer(pending.clone());
                Source::Graph(triples, Box::new(serializer))
            }
            (_, format) => {
                return Err(QueryError::Refused(format!(
                    "{} cannot hold this query's results",
                    format.media_type()
                )))
            }
        };
        Ok(Encoded {
            source,
            pending,
            read: 0,
        })
    }

    /// Evaluates until at least `bytes` are ready to read or the results
    /// are complete. An evaluation error (a timeout among them) comes out
    /// here, so a caller that fills before answering can still answer
    /// with an error status.
    pub fn fill(&mut self, bytes: usize) -> Result<(), QueryError> {
        while self.ready() < bytes && !self.is_complete() {
            self.step()?;
        }
        Ok(())
    }

    /// Bytes ready to read.
    pub fn ready(&self) -> usize {
        self.pending.0.borrow().len() - self.read
    }

    /// Is everything evaluated (what is ready is all there is)?
    pub fn is_complete(&self) -> bool {
        matches!(self.source, Source::Done)
    }

    /// The ready bytes, taken out.
    pub fn take_ready(&mut self) -> Vec<u8> {
        let mut pending = self.pending.0.borrow_mut();
        let rest = pending.split_off(self.read);
        pending.clear();
        self.read = 0;
        rest
    }

    /// Writes the remaining results to `out`.
    pub fn write_to(mut self, out: &mut impl Write) -> Result<(), QueryError> {
        loop {
            self.fill(1 << 16)?;
            out.write_all(&self.take_ready())?;
            if self.is_complete() {
                return Ok(());
            }
        }
    }

    /// Serializes one more solution or triple, or finishes.
    fn step(&mut self) -> Result<(), QueryError> {
        match &mut self.source {
            Source::Solutions(solutions, serializer) => match solutions.next() {
                Some(solution) => serializer.serialize(&solution?)?,
                None => {
                    if let Source::Solutions(_, s) =
                        std::mem::replace(&mut self.source, Source::Done)
                    {
                        s.finish()?;
                    }
                }
            },
            Source::Graph(triples, serializer) => match triples.next() {
                Some(triple) => serializer.serialize_triple(&triple?)?,
                None => {
                    if let Source::Graph(_, s) = std::mem::replace(&mut self.source, Source::Done) {
                        s.finish()?;
                    }
                }
            },
            Source::Done => {}
        }
        Ok(())
    }
}

/// Reading fails with the evaluation's error when it fails midway: a
/// server cuts the connection rather than end a body that looks complete.
impl Read for Encoded {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.ready() == 0 {
            self.take_ready();
            self.fill(buf.len()).map_err(std::io::Error::other)?;
        }
        let pending = self.pending.0.borrow();
        let n = buf.len().min(pending.len() - self.read);
        buf[..n].copy_from_slice(&pending[self.read..self.read + n]);
        drop(pending);
        self.read += n;
        Ok(n)
    }
}
