//! Strips the `(pinyin)` readings some sites print after characters:
//! `機(jī)關(guān)` → `機關`.
//!
//! Only a parenthesis that directly follows a CJK character and holds one
//! lowercase pinyin syllable is removed; real parentheses such as
//! `处(科)级`, `(右)` or `(试行)` hold Chinese and stay.

use super::{is_cjk, Tracked};
use std::ops::Range;

/// Longest syllable: `zhuang` plus a tone mark.
const MAX_SYLLABLE: usize = 7;

/// A reading to remove, parentheses included.
struct Reading {
    bytes: Range<usize>,
    chars: usize,
}

pub(crate) fn strip_annotations(input: Tracked) -> Tracked {
    let readings = find_readings(&input.text);
    if readings.is_empty() {
        return input;
    }
    let mut out = Tracked::with_capacity(input.text.len());
    let (mut byte, mut char) = (0, 0);
    for reading in readings {
        let kept = input.text[byte..reading.bytes.start].chars().count();
        out.copy(&input, byte..reading.bytes.start, char..char + kept);
        char += kept + reading.chars;
        byte = reading.bytes.end;
    }
    let rest = input.text[byte..].chars().count();
    out.copy(&input, byte..input.text.len(), char..char + rest);
    out
}

/// The readings in `text`, in order. A reading counts when the kept text
/// before it ends with a CJK character: after a character, or after a
/// reading just removed (街道(jiē)(dào)). Only opening parentheses are
/// looked at, found with a byte search since most text has few.
fn find_readings(text: &str) -> Vec<Reading> {
    let mut readings: Vec<Reading> = Vec::new();
    // The last kept char before the last reading.
    let mut kept_before_last: Option<char> = None;
    for open in opening_parentheses(text) {
        let kept = match readings.last() {
            Some(last) if last.bytes.end == open.start => kept_before_last,
            _ => text[..open.start].chars().next_back(),
        };
        if !kept.is_some_and(is_cjk) {
            continue;
        }
        if let Some((letters, bytes)) = syllable_len(&text[open.end..]) {
            readings.push(Reading {
                bytes: open.start..open.end + bytes,
                chars: letters + 2,
            });
            kept_before_last = kept;
        }
    }
    readings
}

/// The byte ranges of every `(` and `（` in `text`, in order. Both are
/// rare, so each is found with its own vectorised search (a search for a
/// single byte of `（` would stop at a continuation byte common in CJK).
fn opening_parentheses(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found: Vec<Range<usize>> = memchr::memchr_iter(b'(', bytes)
        .map(|at| at..at + 1)
        .chain(memchr::memmem::find_iter(bytes, "（").map(|at| at..at + "（".len()))
        .collect();
    found.sort_unstable_by_key(|r| r.start);
    found
}

fn is_close(c: char) -> bool {
    c == ')' || c == '）'
}

/// A pinyin syllable at the start of `rest` followed by a closing
/// parenthesis: its letters, and its bytes with the parenthesis.
fn syllable_len(rest: &str) -> Option<(usize, usize)> {
    for (letters, (b, c)) in rest.char_indices().take(MAX_SYLLABLE + 1).enumerate() {
        if is_close(c) {
            return (letters > 0).then_some((letters, b + c.len_utf8()));
        }
        if !is_pinyin_letter(c) {
            return None;
        }
    }
    None
}

fn is_pinyin_letter(c: char) -> bool {
    matches!(
        c,
        'a'..='z'
            | 'ā'
            | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
            | 'ü'
            | 'ń'
            | 'ň'
            | 'ǹ'
            | 'ḿ'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> String {
        strip_annotations(Tracked::from_text(s)).text.into_owned()
    }

    #[test]
    fn removes_readings_after_characters() {
        assert_eq!(strip("機(jī)關(guān)"), "機關");
        assert_eq!(strip("社區(qū)黨建"), "社區黨建");
        assert_eq!(strip("綠（lǜ）化"), "綠化");
        assert_eq!(strip("街道(jiē)(dào)黨(dǎng)"), "街道黨");
    }

    #[test]
    fn keeps_real_parentheses() {
        for s in [
            "处(科)级",
            "吕鑫(右)向居民",
            "办法(试行)",
            "(福州日报记者 龚莹)",
            "COVID(a)",
        ] {
            assert_eq!(strip(s), s);
        }
    }

    #[test]
    fn keeps_latin_words_that_are_not_after_cjk() {
        assert_eq!(strip("see (abc) here"), "see (abc) here");
    }

    proptest::proptest! {
        #[test]
        fn offsets_stay_increasing(s in "[機關(jīguān) 社区()a-z]{0,40}") {
            let out = strip_annotations(Tracked::from_text(&s));
            let chars = out.text.chars().count();
            if out.text != s {
                proptest::prop_assert_eq!(chars, out.origin.len());
            }
            let origin: Vec<u32> = (0..chars).map(|i| out.origin.at(i)).collect();
            proptest::prop_assert!(origin.windows(2).all(|w| w[0] < w[1]));
        }
    }
}
