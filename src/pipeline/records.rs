//! Records: extraction any engine can drive. Articles come in as JSON
//! lines `{"name": …, "bytes_b64": …}` (the name relative to the corpus
//! root, as a build names it, and the raw bytes), and their quads go out
//! as N-Quads after the extractor header, so that the output of every
//! process is a shard `load` takes. Each record goes through the same
//! decoding and per-article stages as a build (`corpus::from_bytes`,
//! `article_quads`), with no state shared between records: Spark's
//! `mapPartitions` or `pipe`, a Beam or Flink job, or Ray can feed it
//! partitions in any order.

use super::*;
use base64::Engine;
use std::io::Read;

/// Records decoded and processed together (in parallel with `jobs` > 1).
const BATCH: usize = 64;

/// The longest record line read: the base64 of the largest article a
/// build reads, plus room for the name.
const MAX_RECORD_BYTES: u64 = corpus::MAX_ARTICLE_BYTES / 3 * 4 + (1 << 16);

/// One input line.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    name: String,
    bytes_b64: String,
}

/// A record that is not one: the stream is wrong, not the article, so
/// extraction stops rather than lose it.
#[derive(Debug, Error)]
#[error("record {line}{}: {problem}", name.as_ref().map(|n| format!(" ({n})")).unwrap_or_default())]
pub struct BadRecord {
    /// 1-based line of the input.
    pub line: usize,
    /// The article's name, when the record gives one.
    pub name: Option<String>,
    pub problem: String,
}

/// What `extract --records` did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RecordsReport {
    pub articles: usize,
    pub quads: usize,
    /// Articles a build would skip too (undecodable, empty, no Chinese),
    /// each also written to the output as a `# skipped NAME: reason` line.
    pub skipped: Vec<Skipped>,
}

/// Reads records from `input` until it ends and writes, after the
/// extractor header, every article's quads to `out` (in input order).
pub fn extract_records(
    input: impl BufRead,
    out: impl Write,
    jobs: usize,
) -> Result<RecordsReport, BuildError> {
    let pool = thread_pool(jobs)?;
    let mut out = std::io::BufWriter::new(out);
    let write_err = BuildError::Output;
    writeln!(out, "{SHARD_HEADER}{}", extractor_version()).map_err(write_err)?;
    let mut report = RecordsReport::default();
    let mut lines = numbered_lines(input);
    loop {
        let batch: Vec<(usize, Vec<u8>)> = lines.by_ref().take(BATCH).collect::<Result<_, _>>()?;
        if batch.is_empty() {
            break;
        }
        let results: Vec<Result<Result<ArticleQuads, Skipped>, BadRecord>> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|(line, bytes)| article(line, &bytes).map(|a| a.and_then(article_quads)))
                .collect()
        });
        for result in results {
            match result? {
                Ok(done) => {
                    report.articles += 1;
                    report.quads += done.quads.len();
                    for q in &done.quads {
                        writeln!(out, "{q} .").map_err(write_err)?;
                    }
                }
                Err(skipped) => {
                    writeln!(out, "# skipped {}: {}", skipped.file, skipped.reason)
                        .map_err(write_err)?;
                    report.skipped.push(skipped);
                }
            }
        }
        out.flush().map_err(write_err)?;
    }
    Ok(report)
}

/// The non-blank lines of `input` with their 1-based numbers, each at most
/// `MAX_RECORD_BYTES` long.
fn numbered_lines(
    mut input: impl BufRead,
) -> impl Iterator<Item = Result<(usize, Vec<u8>), BuildError>> {
    let mut line = 0;
    std::iter::from_fn(move || loop {
        line += 1;
        let mut bytes = Vec::new();
        let read = (&mut input)
            .take(MAX_RECORD_BYTES + 1)
            .read_until(b'\n', &mut bytes);
        match read {
            Err(e) => return Some(Err(BuildError::Input(e))),
            Ok(0) => return None,
            Ok(_) if bytes.len() as u64 > MAX_RECORD_BYTES => {
                return Some(Err(BadRecord {
                    line,
                    name: None,
                    problem: format!(
                        "longer than {} MB: more than the largest article a build reads",
                        MAX_RECORD_BYTES >> 20
                    ),
                }
                .into()))
            }
            Ok(_) if bytes.trim_ascii().is_empty() => continue,
            Ok(_) => return Some(Ok((line, bytes))),
        }
    })
}

/// The article a record holds, or why a build would skip it; an error
/// when the record itself is malformed.
fn article(line: usize, bytes: &[u8]) -> Result<Result<Article, Skipped>, BadRecord> {
    let bad = |name: Option<&str>, problem: String| BadRecord {
        line,
        name: name.map(str::to_owned),
        problem,
    };
    let record: Record = serde_json::from_slice(bytes).map_err(|e| {
        bad(
            None,
            format!("not a JSON object with \"name\" and \"bytes_b64\": {e}"),
        )
    })?;
    let name = record.name.as_str();
    if name.is_empty() || name.starts_with('/') || name.contains('\\') {
        return Err(bad(
            Some(name),
            "the name must be the article's path relative to the corpus root, with / separators"
                .to_owned(),
        ));
    }
    let raw = base64::engine::general_purpose::STANDARD
        .decode(&record.bytes_b64)
        .map_err(|e| bad(Some(name), format!("bytes_b64 is not base64: {e}")))?;
    Ok(
        corpus::from_bytes(record.name.clone(), &raw).map_err(|e| Skipped {
            file: record.name,
            reason: e.to_string(),
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str, bytes: &[u8]) -> String {
        let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
        serde_json::json!({"name": name, "bytes_b64": b64}).to_string()
    }

    fn run(input: &str) -> (Result<RecordsReport, BuildError>, String) {
        let mut out = Vec::new();
        let report = extract_records(input.as_bytes(), &mut out, 2);
        (report, String::from_utf8(out).unwrap())
    }

    #[test]
    fn records_give_the_quads_of_a_build_after_the_header() {
        let text = "沈阳市沈河区万莲街道松泉社区第一书记王光宇组织开展健康活动。\n";
        let gbk = encoding_rs::GBK.encode(text).0;
        let input = format!(
            "{}\n\n{}\n{}\n",
            record("a/one.txt", text.as_bytes()),
            record("two.txt", &gbk),
            record("empty.txt", b"  \n"),
        );
        let (report, out) = run(&input);
        let report = report.unwrap();
        assert_eq!((report.articles, report.skipped.len()), (2, 1));
        assert!(out.starts_with(&format!("{SHARD_HEADER}{}\n", extractor_version())));
        assert!(out.contains("# skipped empty.txt: the file is empty\n"));
        let local = corpus::from_bytes("a/one.txt".into(), text.as_bytes()).unwrap();
        let expected = article_quads(local).unwrap().quads;
        assert_eq!(
            report.quads,
            out.lines().filter(|l| l.ends_with(" .")).count()
        );
        for q in &expected {
            assert!(out.contains(&format!("{q} .\n")), "{q}");
        }
        // Same bytes decoded from GBK: the same article but for its name and hash.
        assert!(out.contains(&link::article_iri("two.txt")));
    }

    #[test]
    fn a_bad_record_is_an_error_naming_it() {
        let good = record("ok.txt", "社区书记".as_bytes());
        let cases = [
            ("not json", "record 2: not a JSON object"),
            (
                r#"{"name": "x.txt", "bytes_b64": "***"}"#,
                "record 2 (x.txt): bytes_b64 is not base64",
            ),
            (r#"{"name": "x.txt"}"#, "record 2: not a JSON object"),
            (
                r#"{"name": "/etc/x.txt", "bytes_b64": ""}"#,
                "record 2 (/etc/x.txt): the name must be",
            ),
        ];
        for (line, message) in cases {
            let (result, _) = run(&format!("{good}\n{line}\n"));
            let error = result.unwrap_err().to_string();
            assert!(error.starts_with(message), "{error}");
        }
    }
}
