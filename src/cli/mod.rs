//! The `cadre-kg` command line: `args` holds every command's arguments;
//! one module per command family turns them into library calls, prints
//! what people read, and picks exit codes. No logic lives here.

mod args;
mod build;
mod extract;
mod graph;
mod place;
mod query;
mod serve;

use anyhow::Result;
pub use args::Cli;
use args::{Command, DumpFormat};
use cadre_kg::pipeline;
use std::process::ExitCode;

fn default_jobs(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build {
            corpus,
            store,
            jobs,
            full,
            report,
            allow_removals,
            max_removals,
        } => {
            let options = pipeline::BuildOptions {
                jobs: default_jobs(jobs),
                full,
                progress: true,
                removals: match (allow_removals, max_removals) {
                    (true, _) => pipeline::plan::RemovalLimit::Unlimited,
                    (false, limit) => limit.unwrap_or_default(),
                },
            };
            build::build(&corpus, &store, options, report.as_deref())
        }
        Command::Dump {
            store,
            format: DumpFormat::Nquads,
        } => query::dump(&store),
        Command::Load {
            store,
            files,
            report,
        } => build::load(&store, &files, report.as_deref()),
        Command::Query {
            store,
            format,
            file,
            query,
            explain,
            timeout,
        } => query::run(&store, format, file, query, explain, timeout),
        Command::Graph(c) => graph::run(c),
        Command::Serve(args) => serve::run(&args),
        Command::Stats { store } => query::stats(&store),
        Command::Place { name, context } => place::run(&name, &context),
        Command::Extract {
            file,
            json,
            corpus,
            shard,
            out,
            records,
            jobs,
        } => match (file, corpus, shard, out) {
            _ if records => build::extract_records(jobs.unwrap_or(1)),
            (Some(file), _, _, _) => extract::extract(&file, json),
            (None, Some(corpus), Some((i, n)), Some(out)) => {
                build::extract_shard(&corpus, i, n, &out, default_jobs(jobs))
            }
            _ => anyhow::bail!("give FILE, or --corpus DIR --shard I/N --out FILE"),
        },
    }
}
