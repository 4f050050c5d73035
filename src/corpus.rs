//! Finding and decoding articles: every `*.txt` under a corpus folder.
//!
//! Decoding is detected from the bytes, never guessed from the file name:
//! a BOM decides UTF-8/UTF-16, valid UTF-8 is UTF-8, and anything else is
//! handed to `chardetng` (GB18030/GBK, Big5, …). Nothing here normalises
//! text or knows about facts.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};
use thiserror::Error;

/// A decoded article, ready for normalisation.
#[derive(Debug, Clone)]
pub struct Article {
    /// Path relative to the corpus root with `/` separators: the
    /// article's stable identity (`ck:sourceFile`).
    pub name: String,
    pub text: String,
    /// SHA-256 of the raw bytes, hex.
    pub hash: String,
    pub encoding: &'static str,
    /// Size and modification time when read, if the file system gives them.
    pub stamp: Option<Stamp>,
}

/// A file's size and modification time: a rebuild skips reading a file
/// whose stamp is the one recorded when it was last read (as git's index
/// does), since reading and hashing the whole archive would dominate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    /// Nanoseconds since the Unix epoch.
    pub modified_ns: u64,
}

impl Stamp {
    pub fn of(metadata: &std::fs::Metadata) -> Option<Stamp> {
        let modified = metadata.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            size: metadata.len(),
            modified_ns: u64::try_from(modified.as_nanos()).ok()?,
        })
    }

    /// Whether this stamp, recorded at `recorded_ns`, vouches for the
    /// content: a file modified within a second of being read may change
    /// again without its time changing (git's "racily clean" entries).
    pub fn settled(&self, recorded_ns: u64) -> bool {
        self.modified_ns.saturating_add(1_000_000_000) < recorded_ns
    }
}

/// Nanoseconds since the Unix epoch, now.
pub fn now_ns() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// The stamp of the file at `path`, if it can be had.
pub fn stamp(path: &Path) -> Option<Stamp> {
    Stamp::of(&std::fs::metadata(path).ok()?)
}

/// Why a file was not read as an article.
#[derive(Debug, Error)]
pub enum ReadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    #[error("{path}: looks binary (NUL bytes without a UTF-16 byte-order mark)")]
    Binary { path: PathBuf },
    #[error("{path}: cannot be decoded: not valid {encoding}")]
    Undecodable {
        path: PathBuf,
        encoding: &'static str,
    },
}

/// Lists every `*.txt` under `root`, sorted by relative name so that runs
/// are reproducible.
pub fn find_articles(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    walk(root, &mut found)?;
    found.sort();
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            found.push(path);
        }
    }
    Ok(())
}

/// The article's name relative to the corpus root, with `/` separators.
pub fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads and decodes one article.
pub fn read_article(root: &Path, path: &Path) -> Result<Article, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_owned(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    // Stamped before reading: a change made while reading shows next time.
    let stamp = file.metadata().ok().as_ref().and_then(Stamp::of);
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(io)?;
    let (text, encoding) = decode(&bytes).map_err(|e| e.at(path))?;
    Ok(Article {
        name: relative_name(root, path),
        text,
        hash: hash_bytes(&bytes),
        encoding,
        stamp,
    })
}

/// SHA-256 of `bytes` as lowercase hex.
pub fn hash_bytes(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A decoding failure before the path is known.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary,
    Undecodable(&'static str),
}

impl DecodeError {
    fn at(self, path: &Path) -> ReadError {
        let path = path.to_owned();
        match self {
            DecodeError::Empty => ReadError::Empty { path },
            DecodeError::Binary => ReadError::Binary { path },
            DecodeError::Undecodable(encoding) => ReadError::Undecodable { path, encoding },
        }
    }
}

/// Decodes raw bytes, returning the text and the encoding's name.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return check_text(text.to_owned(), "UTF-8");
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    decode_with(detector.guess(None, chardetng::Utf8Detection::Deny), bytes)
}

fn decode_with(
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
) -> Result<(String, &'static str), DecodeError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(DecodeError::Undecodable(encoding.name()));
    }
    check_text(text.into_owned(), encoding.name())
}

/// Rejects decoded text that is empty or mostly control characters.
fn check_text(text: String, encoding: &'static str) -> Result<(String, &'static str), DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let control = text
        .chars()
        .filter(|c| c.is_control() && !c.is_whitespace())
        .count();
    if control * 10 > text.chars().count() {
        return Err(DecodeError::Binary);
    }
    Ok((text, encoding))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("沈阳市".as_bytes()).unwrap().0, "沈阳市");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("沈阳市".as_bytes());
        assert_eq!(decode(&bom).unwrap().0, "沈阳市");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "社区书记".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap(), ("社区书记".to_owned(), "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        for u in "社区书记".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().0, "社区书记");
    }

    #[test]
    fn gbk_is_detected() {
        let text = "沈阳市沈河区万莲街道松泉社区第一书记王光宇利用自身优势，开展健康活动。";
        let (bytes, _, _) = encoding_rs::GBK.encode(text);
        let (decoded, encoding) = decode(&bytes).unwrap();
        assert_eq!(decoded, text);
        assert_eq!(encoding, "GBK");
    }

    #[test]
    fn empty_and_binary_are_rejected() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t "), Err(DecodeError::Empty));
        assert_eq!(
            decode(&[0x89, b'P', b'N', b'G', 0, 0, 1]),
            Err(DecodeError::Binary)
        );
    }
}
