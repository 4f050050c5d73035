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

/// One pass: each `(` that follows a kept CJK char (after a char, or
/// after a reading just removed: 街道(jiē)(dào)) and holds a syllable is
/// dropped as the kept text before it is copied. Pinyin-annotated text
/// has a reading every few chars, so nothing is collected first.
pub(crate) fn strip_annotations(input: Tracked) -> Tracked {
    let text: &str = &input.text;
    let mut out: Option<Tracked> = None;
    // `text[..byte]`, which is `char` chars, is accounted for in `out`.
    let (mut byte, mut char) = (0, 0);
    // The last kept char before the last reading removed, which ends at
    // `byte`.
    let mut kept_before_last: Option<char> = None;
    for open in opening_parentheses(text) {
        let kept = match out {
            Some(_) if open.start == byte => kept_before_last,
            _ => text[..open.start].chars().next_back(),
        };
        if !kept.is_some_and(is_cjk) {
            continue;
        }
        let Some((letters, bytes)) = syllable_len(&text[open.end..]) else {
            continue;
        };
        let out = out.get_or_insert_with(|| Tracked::with_capacity(text.len()));
        let kept_chars = text[byte..open.start].chars().count();
        out.copy(&input, byte..open.start, char..char + kept_chars);
        char += kept_chars + letters + 2;
        byte = open.end + bytes;
        kept_before_last = kept;
    }
    let Some(mut out) = out else {
        return input;
    };
    let rest = text[byte..].chars().count();
    out.copy(&input, byte..text.len(), char..char + rest);
    out
}

/// The byte ranges of every `(` and `（` in `text`, in order. Both are
/// rare in most text, so each is found with its own vectorised search (a
/// search for a single byte of `（` would stop at a continuation byte
/// common in CJK), and the two are merged as they come.
fn opening_parentheses(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    const WIDE: &str = "（";
    let bytes = text.as_bytes();
    let mut ascii = memchr::memchr_iter(b'(', bytes)
        .map(|at| at..at + 1)
        .peekable();
    let mut wide = memchr::memmem::find_iter(bytes, WIDE)
        .map(|at| at..at + WIDE.len())
        .peekable();
    std::iter::from_fn(move || match (ascii.peek(), wide.peek()) {
        (Some(a), Some(w)) if w.start < a.start => wide.next(),
        (Some(_), _) => ascii.next(),
        (None, _) => wide.next(),
    })
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
