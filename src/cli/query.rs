//! `query`, `stats` and `dump`: reading a built store.

use anyhow::{Context, Result};
use cadre_kg::query::{self, OutputFormat};
use cadre_kg::store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(
    store: &Path,
    format: OutputFormat,
    file: Option<PathBuf>,
    query: Option<String>,
    explain: bool,
    timeout: Option<f64>,
) -> Result<ExitCode> {
    let timeout = timeout
        .map(|s| {
            std::time::Duration::try_from_secs_f64(s)
                .map_err(|_| anyhow::anyhow!("--timeout takes a number of seconds, not {s}"))
        })
        .transpose()?;
    let options = query::Options { timeout };
    let text = match (file, query) {
        (Some(f), _) => std::fs::read_to_string(&f)
            .with_context(|| format!("cannot read query file {}", f.display()))?,
        (None, Some(q)) => q,
        (None, None) => anyhow::bail!("give a query or --file"),
    };
    let db = store::open_reader(store)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let result = if explain {
        query::explain(&db, &text, options, &mut out)
    } else {
        query::run(&db, &text, format, options, &mut out)
    };
    match result {
        Ok(warnings) => {
            out.flush()?;
            for warning in warnings {
                eprintln!("warning: {warning}");
            }
            Ok(ExitCode::SUCCESS)
        }
        // The reader of the results went away (`query … | head`).
        Err(query::QueryError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            drop(out);
            eprintln!("error: {e}");
            Ok(ExitCode::from(2))
        }
    }
}

pub fn stats(store: &Path) -> Result<ExitCode> {
    let db = store::open_reader(store)?;
    let rows: Vec<Vec<String>> = query::stats(&db)?
        .into_iter()
        .map(|(k, v)| vec![k, v])
        .collect();
    query::write_table(
        &["what".into(), "count".into()],
        &rows,
        &mut std::io::stdout().lock(),
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn dump(store: &Path) -> Result<ExitCode> {
    store::dump_nquads(
        store,
        &mut std::io::BufWriter::new(std::io::stdout().lock()),
    )?;
    Ok(ExitCode::SUCCESS)
}
