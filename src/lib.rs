//! cadre-kg: a knowledge-graph builder for Chinese reporting on grassroots
//! governance.
//!
//! The modules follow the pipeline in data-flow order (see `ARCHITECTURE.md`):
//! a module may use the ones listed before it, never the ones after.

pub mod analytics;
pub mod corpus;
pub mod export;
pub mod extract;
pub mod lexicon;
pub mod link;
pub mod model;
pub mod normalize;
pub mod pipeline;
pub mod query;
pub mod rdf;
pub mod serve;
pub mod store;
pub mod vocab;
