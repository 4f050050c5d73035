//! The `cadre-kg` binary: `cli` parses the arguments and calls the
//! library; here errors become messages and exit codes.

use clap::Parser;
use std::process::ExitCode;

mod cli;

fn main() -> ExitCode {
    return_large_buffers_to_the_os();
    tracing_subscriber::fmt()
        .with_env_filter(
            // Warnings, and `serve`'s access log.
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "warn,access=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    match cli::run(cli::Cli::parse()) {
        Ok(code) => code,
        // `dump | head`: the reader has all it wanted.
        Err(e) if is_closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", message(&e));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, each said once: a cause whose text its
/// context already shows (as in `{path}: {source}`) is not repeated.
fn message(e: &anyhow::Error) -> String {
    let mut text = e.to_string();
    for cause in e.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    text
}

/// Did writing to standard output fail because its reader went away?
fn is_closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// A build allocates and frees buffers of many megabytes for every chunk
/// of articles (the chunk's quads, the bulk loader's batches). Once the
/// first is freed, glibc raises its mmap threshold above them, and from
/// then on keeps them in the heap of whichever thread freed them, which
/// does not give the memory back; so a build's memory grew with the
/// corpus. A fixed threshold keeps them mapped and returned when freed
/// (100k articles: peak 504 → 377 MB, at the same speed).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn return_large_buffers_to_the_os() {
    const THRESHOLD: libc::c_int = 1 << 20;
    // SAFETY: `mallopt` only sets a parameter of the allocator, and this
    // runs first, before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, THRESHOLD);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_large_buffers_to_the_os() {}
