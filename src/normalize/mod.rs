//! Text normalisation: raw article text in, clean simplified Chinese out,
//! with a map from every output character back to the original.
//!
//! Each rule is its own function in its own module and keeps the offset map
//! true. Nothing here recognises entities; rules only repair the text.

mod fixes;
mod lines;
mod markup;
mod origins;
mod pinyin;
pub mod t2s;

use origins::Origins;
use std::borrow::Cow;
use std::ops::Range;

/// Normalised text with its offset map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    /// The `char` index in the original text of each `char` of `text`.
    origin: Origins,
}

impl Normalized {
    /// The original `char` index of normalised `char` index `i` (the end of
    /// the text maps past the last original character).
    pub fn original_offset(&self, i: usize) -> usize {
        self.origin.at(i) as usize
    }

    /// Maps a normalised half-open range to the original one.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        if end <= start {
            let o = self.original_offset(start);
            return (o, o);
        }
        (
            self.original_offset(start),
            self.original_offset(end - 1) + 1,
        )
    }
}

/// A working copy: the text and, for each of its `char`s, where it came
/// from. Kept as UTF-8 rather than `Vec<char>`, and borrowed until a rule
/// changes it, so that a rule with nothing to do costs one scan and no
/// copy, and the last rule's text is the output.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tracked<'a> {
    pub text: Cow<'a, str>,
    /// An origin for every `char` of `text` (and past its end while no
    /// rule has changed it: [`Origins::unchanged`]).
    pub origin: Origins,
}

impl<'a> Tracked<'a> {
    fn from_text(text: &'a str) -> Self {
        Tracked {
            text: Cow::Borrowed(text),
            origin: Origins::unchanged(),
        }
    }

    pub(crate) fn with_capacity(bytes: usize) -> Self {
        Tracked {
            text: Cow::Owned(String::with_capacity(bytes)),
            origin: Origins::default(),
        }
    }

    pub(crate) fn push(&mut self, c: char, origin: u32) {
        self.text.to_mut().push(c);
        self.origin.push(origin);
    }

    /// Appends the chars `chars` of `from`, which are its bytes `bytes`,
    /// with their origins. Rules copy the runs they leave alone in one go.
    pub(crate) fn copy(&mut self, from: &Tracked, bytes: Range<usize>, chars: Range<usize>) {
        self.text.to_mut().push_str(&from.text[bytes]);
        self.origin.extend_from(&from.origin, chars);
    }

    fn into_normalized(self) -> Normalized {
        Normalized {
            text: self.text.into_owned(),
            origin: self.origin,
        }
    }
}

/// Runs every rule in order.
pub fn normalize(text: &str) -> Normalized {
    let tracked = Tracked::from_text(text);
    let tracked = markup::strip_markup(tracked);
    let tracked = pinyin::strip_annotations(tracked);
    let tracked = to_simplified(tracked);
    let tracked = fixes::repair_overconversion(tracked);
    let tracked = lines::clean_lines(tracked);
    tracked.into_normalized()
}

/// Traditional→simplified; `t2s` preserves the number of characters (its
/// tables keep only length-preserving entries, which its tests check), so
/// the offset map carries over unchanged.
fn to_simplified(mut tracked: Tracked) -> Tracked {
    let converted = match t2s::to_simplified(&tracked.text) {
        Cow::Owned(converted) => converted,
        Cow::Borrowed(_) => return tracked,
    };
    debug_assert_eq!(converted.chars().count(), tracked.text.chars().count());
    let converted = fixes::keep_chars_of_simplified_text(&tracked.text, converted);
    tracked.text = Cow::Owned(converted);
    tracked
}

/// A char found by [`find_char`].
pub(crate) struct Found {
    /// Its byte offset.
    pub byte: usize,
    /// How many chars came before it since the start of the search.
    pub skipped: usize,
    pub c: char,
}

/// The first char of `text` at or after byte `from` (a char boundary; none
/// is found from inside a char) for which `wanted` holds.
///
/// Rules look for rare chars in text that is mostly CJK, and this loop is
/// most of the time a rule with nothing to do takes; so runs of 3-byte
/// chars (all of CJK and its punctuation) are read from their bytes, three
/// at a time, without decoding.
#[inline(always)]
pub(crate) fn find_char(text: &str, from: usize, wanted: impl Fn(char) -> bool) -> Option<Found> {
    find_char_by_lead(text, from, |_| true, wanted).ok()
}

/// [`find_char`] for a `wanted` that can only hold for a 3-byte char
/// whose lead byte passes `lead`: the others (for spaces, all of CJK) are
/// skipped without decoding. When no char is wanted, gives the number of
/// chars it went through, so that a caller needs no count of its own.
#[inline(always)]
pub(crate) fn find_char_by_lead(
    text: &str,
    from: usize,
    lead: impl Fn(u8) -> bool,
    wanted: impl Fn(char) -> bool,
) -> Result<Found, usize> {
    let bytes = text.as_bytes();
    let (mut byte, mut skipped) = (from, 0);
    loop {
        // Whole 3-byte groups, so the loop has no bounds checks of its own.
        for triple in bytes.get(byte..).unwrap_or_default().chunks_exact(3) {
            let (b0, b1, b2) = (triple[0], triple[1], triple[2]);
            if b0 & 0xF0 != 0xE0 {
                break;
            }
            if !lead(b0) {
                byte += 3;
                skipped += 1;
                continue;
            }
            if let Some(c) = char::from_u32(code_of_3(b0, b1, b2)).filter(|&c| wanted(c)) {
                return Ok(Found { byte, skipped, c });
            }
            byte += 3;
            skipped += 1;
        }
        let Some(c) = text.get(byte..).and_then(|rest| rest.chars().next()) else {
            return Err(skipped);
        };
        if wanted(c) {
            return Ok(Found { byte, skipped, c });
        }
        byte += c.len_utf8();
        skipped += 1;
    }
}

/// The code point of a 3-byte UTF-8 sequence (lead byte `0xE_`), read
/// without the checks of a full decode: the text is known to be UTF-8.
#[inline(always)]
pub(crate) fn code_of_3(b0: u8, b1: u8, b2: u8) -> u32 {
    u32::from(b0 & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F)
}

/// Is `c` a CJK ideograph (the scripts articles are written in)?
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_pipeline_on_traditional_with_pinyin() {
        let n = normalize("選派機(jī)關(guān)干部到社區(qū)工作");
        assert_eq!(n.text, "选派机关干部到社区工作");
        // 社 is original char 17: the two readings took ten characters.
        let i = n.text.chars().position(|c| c == '社').unwrap();
        assert_eq!(n.original_offset(i), 17);
    }

    #[test]
    fn offsets_map_back_to_the_same_characters() {
        let original = "沈陽市大東區(qū)\n  委員會";
        let n = normalize(original);
        let orig: Vec<char> = original.chars().collect();
        for (i, c) in n.text.chars().enumerate() {
            let o = orig[n.original_offset(i)];
            assert!(
                o == c || t2s::to_simplified(&o.to_string()).starts_with(c),
                "{c} vs {o}"
            );
        }
    }

    /// Every output char has an origin, origins increase (no rule reorders
    /// or duplicates), and all lie inside the original text.
    fn check_offset_map(original: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let n = normalize(original);
        let chars = original.chars().count();
        let origin: Vec<u32> = n.origin.iter().collect();
        proptest::prop_assert_eq!(origin.len(), n.text.chars().count());
        proptest::prop_assert!(origin.windows(2).all(|w| w[0] < w[1]));
        proptest::prop_assert!(origin.iter().all(|&o| (o as usize) < chars));
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn offset_map_stays_increasing_and_in_range(
            s in r"([機關區幹部乾沈著下社区 　\t\r\n(（)）a-zāǎ，。“😀]|\(jī\)|（guān）|乾淨|龍鍾繇){0,60}"
        ) {
            check_offset_map(&s)?;
        }

        #[test]
        fn offset_map_holds_for_any_text(s in proptest::prelude::any::<String>()) {
            check_offset_map(&s)?;
        }

        #[test]
        fn find_char_agrees_with_decoding(s in proptest::prelude::any::<String>(), skip in 0usize..8) {
            let from = s.char_indices().nth(skip).map_or(s.len(), |(b, _)| b);
            let wanted = |c: char| u32::from(c) % 5 == 0;
            let expected = s[from..].char_indices().enumerate().find(|(_, (_, c))| wanted(*c));
            let found = find_char(&s, from, wanted).map(|f| (f.skipped, (f.byte - from, f.c)));
            proptest::prop_assert_eq!(found, expected);
            // With a lead filter that agrees with `wanted`: CJK never wanted.
            let wanted = |c: char| u32::from(c) % 5 == 0 && !(0x4000..0xA000).contains(&u32::from(c));
            let lead = |b: u8| !(0xE4..=0xE9).contains(&b);
            let expected = s[from..].char_indices().enumerate().find(|(_, (_, c))| wanted(*c));
            let found = find_char_by_lead(&s, from, lead, wanted).map(|f| (f.skipped, (f.byte - from, f.c)));
            let rest = s[from..].chars().count();
            proptest::prop_assert_eq!(found, expected.ok_or(rest));
        }
    }
}
