//! `serve`: the store as a SPARQL endpoint until the process is stopped.

use super::args::ServeArgs;
use anyhow::{Context, Result};
use cadre_kg::serve;
use std::process::ExitCode;
use std::time::Duration;

/// The largest request body read (a query is at most
/// `query::MAX_QUERY_BYTES`; a form encodes it in up to three times that).
const MAX_BODY: u64 = 4 * cadre_kg::query::MAX_QUERY_BYTES as u64;

pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    let timeout = Duration::try_from_secs_f64(args.timeout)
        .ok()
        .filter(|t| !t.is_zero())
        .with_context(|| {
            format!(
                "--timeout takes a positive number of seconds, not {}",
                args.timeout
            )
        })?;
    serve::serve(serve::Options {
        store: args.store.clone(),
        bind: args.bind,
        timeout,
        max_concurrent: args.max_concurrent,
        allow_update: args.allow_update,
        max_body: MAX_BODY,
    })?;
    Ok(ExitCode::SUCCESS)
}
