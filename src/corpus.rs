//! Finding and decoding articles: every `*.txt` under a corpus folder.
//!
//! Decoding is detected from the bytes, never guessed from the file name:
//! a BOM decides UTF-8/UTF-16, NULs on one side of every pair mean UTF-16,
//! UTF-8 (even with a few bad bytes) is UTF-8, and anything else is handed
//! to `chardetng` (GB18030/GBK, Big5, …). A few damaged bytes cost a few
//! characters, never the article: they are replaced (NULs dropped) and
//! counted. Nothing here normalises text or knows about facts.

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
    /// What decoding repaired (bad bytes replaced, NULs dropped).
    pub repairs: Repairs,
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
#[error("{path}: {problem}")]
pub struct ReadError {
    pub path: PathBuf,
    pub problem: DecodeError,
}

/// A folder of the corpus that cannot be listed.
#[derive(Debug, Error)]
#[error("{path}: cannot list the folder: {source}")]
pub struct WalkError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

/// Lists every `*.txt` under `root`, sorted by relative name so that runs
/// are reproducible. Symbolic links to folders are not followed (so a link
/// loop cannot trap the walk); links to files are read as files.
pub fn find_articles(root: &Path) -> Result<Vec<PathBuf>, WalkError> {
    let mut found = Vec::new();
    walk(root, &mut found)?;
    found.sort();
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), WalkError> {
    let at = |source| WalkError {
        path: dir.to_owned(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(at)? {
        let entry = entry.map_err(at)?;
        let path = entry.path();
        let kind = entry.file_type().map_err(at)?;
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
    let io = |e| DecodeError::Io(e).at(path);
    let file = std::fs::File::open(path).map_err(io)?;
    // Stamped before reading: a change made while reading shows next time.
    let metadata = file.metadata().ok();
    let stamp = metadata.as_ref().and_then(Stamp::of);
    let size = metadata.map_or(0, |m| m.len());
    if size > MAX_ARTICLE_BYTES {
        return Err(DecodeError::TooLarge(size).at(path));
    }
    let mut bytes = Vec::new();
    // A file that grew since: at most one byte past the limit is read.
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(DecodeError::TooLarge(bytes.len() as u64).at(path));
    }
    let mut article = from_bytes(relative_name(root, path), &bytes).map_err(|e| e.at(path))?;
    article.stamp = stamp;
    Ok(article)
}

/// Decodes one article given as its name and raw bytes, as `read_article`
/// does a file (a cluster engine hands over records, not paths): same
/// size limit, decoding and hash, no stamp.
pub fn from_bytes(name: String, bytes: &[u8]) -> Result<Article, DecodeError> {
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(DecodeError::TooLarge(bytes.len() as u64));
    }
    let decoded = decode(bytes)?;
    Ok(Article {
        name,
        text: decoded.text,
        hash: hash_bytes(bytes),
        encoding: decoded.encoding,
        repairs: decoded.repairs,
        stamp: None,
    })
}

/// SHA-256 of `bytes` as lowercase hex.
pub fn hash_bytes(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// What is wrong with a file: the reason it is skipped.
#[derive(Debug, Error)]
pub enum DecodeError {
    #[error("cannot read: {0}")]
    Io(#[source] std::io::Error),
    #[error("the file is empty")]
    Empty,
    #[error("looks binary (control bytes that are not text in any encoding tried)")]
    Binary,
    #[error("cannot be decoded: not valid {0}")]
    Undecodable(&'static str),
    #[error(
        "{} MB, more than the {} MB one article may hold (articles are far smaller: \
         is it many pages in one, or not an article?); split it to build it",
        .0 >> 20, MAX_ARTICLE_BYTES >> 20
    )]
    TooLarge(u64),
}

/// The largest file read as one article. A build's memory grows with its
/// largest article (about 55 times its size: a 20 MB article peaks at
/// 1.1 GB), and real articles stay under a megabyte.
pub const MAX_ARTICLE_BYTES: u64 = 32 << 20;

impl PartialEq for DecodeError {
    /// Equal kinds (I/O errors by their kind): for tests.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (DecodeError::Io(a), DecodeError::Io(b)) => a.kind() == b.kind(),
            (DecodeError::Undecodable(a), DecodeError::Undecodable(b)) => a == b,
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

impl DecodeError {
    fn at(self, path: &Path) -> ReadError {
        ReadError {
            path: path.to_owned(),
            problem: self,
        }
    }
}

/// What decoding had to repair to keep an article whose bytes are a little
/// damaged (a truncated download, a NUL run from a crashed writer).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Repairs {
    /// Bytes not valid in the encoding, each run replaced by U+FFFD (for
    /// encodings other than UTF-8, the invalid sequences).
    pub bad_bytes: usize,
    /// NUL bytes dropped from text that was otherwise good.
    pub nul_bytes: usize,
}

impl Repairs {
    pub fn any(&self) -> bool {
        self.bad_bytes > 0 || self.nul_bytes > 0
    }
}

/// Decoded text, its encoding's name, and what decoding repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub repairs: Repairs,
}

/// Invalid bytes one decoding may replace, as a share of the text
/// (1 in `TOLERANCE`): more means the guess of the encoding was wrong, or
/// the file is not text.
const TOLERANCE: usize = 20;

/// Decodes raw bytes: a BOM decides; UTF-16 without one is told by its NUL
/// pattern; text that is UTF-8 but for a few bytes is UTF-8 with those
/// bytes replaced; NULs inside otherwise good text are dropped; anything
/// else goes to `chardetng`.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some(encoding) = utf16_by_nuls(bytes) {
        return decode_with(encoding, bytes);
    }
    let nul_bytes = memchr::memchr_iter(0, bytes).count();
    let kept: std::borrow::Cow<[u8]> = if nul_bytes == 0 {
        bytes.into()
    } else {
        bytes
            .iter()
            .copied()
            .filter(|&b| b != 0)
            .collect::<Vec<u8>>()
            .into()
    };
    if let Some(mut decoded) = mostly_utf8(&kept) {
        decoded.repairs.nul_bytes = nul_bytes;
        return check_text(decoded);
    }
    if nul_bytes > 0 {
        return Err(DecodeError::Binary);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    decode_with(detector.guess(None, chardetng::Utf8Detection::Deny), bytes)
}

/// UTF-16 without a byte-order mark, told by its NULs: every ASCII
/// character (newlines, digits, spaces) is a code unit below 0x80 whose
/// high byte is 0, on odd offsets (little-endian) or even ones
/// (big-endian). Text that is UTF-16 in the other byte order, or UTF-8
/// with a NUL run, pairs its NULs with non-ASCII bytes or with each
/// other. Needs some ASCII: a file of CJK characters alone has no NULs.
fn utf16_by_nuls(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    memchr::memchr(0, bytes)?;
    let is_ascii_unit = |high: u8, low: u8| high == 0 && (1..0x80).contains(&low);
    // (code units below 0x100, of which ASCII) in each byte order.
    let (mut le, mut be) = ((0usize, 0usize), (0usize, 0usize));
    for pair in bytes.chunks_exact(2) {
        let (a, b) = (pair[0], pair[1]);
        le.0 += usize::from(b == 0);
        le.1 += usize::from(is_ascii_unit(b, a));
        be.0 += usize::from(a == 0);
        be.1 += usize::from(is_ascii_unit(a, b));
    }
    let ((low, ascii), encoding) = if le.1 >= be.1 {
        (le, encoding_rs::UTF_16LE)
    } else {
        (be, encoding_rs::UTF_16BE)
    };
    // At least one ASCII character per 200, and nearly all NUL pairs ASCII.
    let units = bytes.len() / 2;
    (ascii * 200 >= units && ascii * TOLERANCE >= low * (TOLERANCE - 1)).then_some(encoding)
}

/// `bytes` as UTF-8 when they are, or are but for a few invalid bytes
/// (at most 1 in `TOLERANCE` of the non-ASCII bytes), each run of them
/// replaced by U+FFFD. GBK and other legacy encodings are almost all
/// invalid as UTF-8, so they return `None`.
fn mostly_utf8(bytes: &[u8]) -> Option<Decoded> {
    let decoded = |text: String, bad_bytes| Decoded {
        text,
        encoding: "UTF-8",
        repairs: Repairs {
            bad_bytes,
            nul_bytes: 0,
        },
    };
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(decoded(text.to_owned(), 0));
    }
    let (mut bad, mut good) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().bytes().filter(|b| !b.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    (bad * TOLERANCE <= good).then(|| decoded(String::from_utf8_lossy(bytes).into_owned(), bad))
}

fn decode_with(
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
) -> Result<Decoded, DecodeError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let bad_bytes = if had_errors {
        text.matches('\u{FFFD}').count()
    } else {
        0
    };
    if bad_bytes * TOLERANCE > text.chars().count() {
        return Err(DecodeError::Undecodable(encoding.name()));
    }
    check_text(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        repairs: Repairs {
            bad_bytes,
            nul_bytes: 0,
        },
    })
}

/// Rejects decoded text that is empty or mostly control characters.
fn check_text(decoded: Decoded) -> Result<Decoded, DecodeError> {
    let text = &decoded.text;
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
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        decode(bytes).unwrap().text
    }

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    }

    /// An article-like text: Chinese with ASCII newlines and digits.
    const ARTICLE: &str = "沈阳市沈河区万莲街道松泉社区第一书记王光宇，\n2023年开展健康活动。\n";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(text("沈阳市".as_bytes()), "沈阳市");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("沈阳市".as_bytes());
        assert_eq!(text(&bom), "沈阳市");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(utf16("社区书记", true));
        let decoded = decode(&le).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            ("社区书记", "UTF-16LE")
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend(utf16("社区书记", false));
        assert_eq!(text(&be), "社区书记");
    }

    #[test]
    fn utf16_without_bom_is_told_by_its_nuls() {
        for (le, name) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
            let decoded = decode(&utf16(&ARTICLE.repeat(3), le)).unwrap();
            assert_eq!(decoded.text, ARTICLE.repeat(3));
            assert_eq!(decoded.encoding, name);
            assert!(!decoded.repairs.any());
        }
    }

    #[test]
    fn a_truncated_last_character_costs_one_replacement() {
        let bytes = ARTICLE.as_bytes();
        let cut = &bytes[..bytes.len() - 2]; // "。" cut after its first byte
        let decoded = decode(cut).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.starts_with("沈阳市沈河区"));
        assert!(decoded.text.ends_with('\u{FFFD}'));
        assert_eq!(decoded.repairs.bad_bytes, 2, "the two bytes left of 。");
    }

    #[test]
    fn nul_runs_inside_utf8_are_dropped() {
        let mut bytes = ARTICLE.as_bytes().to_vec();
        bytes.splice(12..12, [0u8; 7]);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, ARTICLE);
        assert_eq!(decoded.repairs.nul_bytes, 7);
    }

    #[test]
    fn gbk_and_gb18030_are_detected() {
        let (bytes, _, _) = encoding_rs::GBK.encode(ARTICLE);
        let decoded = decode(&bytes).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.encoding), (ARTICLE, "GBK"));
        // Four-byte GB18030 sequences: a CJK Extension B character and €.
        let rare = format!("{ARTICLE}𠀀社区与€{ARTICLE}");
        let (bytes, _, _) = encoding_rs::GB18030.encode(&rare);
        assert!(bytes.len() > rare.chars().count() + 10);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, rare);
        assert!(!decoded.repairs.any());
    }

    #[test]
    fn empty_and_binary_are_rejected() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t "), Err(DecodeError::Empty));
        assert_eq!(
            decode(&[0x89, b'P', b'N', b'G', 0, 0, 1]),
            Err(DecodeError::Binary)
        );
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(decode(&noise).is_err());
    }
}
