//! Strips the `(pinyin)` readings some sites print after characters:
//! `機(jī)關(guān)` → `機關`.
//!
//! Only a parenthesis that directly follows a CJK character and holds one
//! lowercase pinyin syllable is removed; real parentheses such as
//! `处(科)级`, `(右)` or `(试行)` hold Chinese and stay.

use super::{is_cjk, Chars};

/// Longest syllable: `zhuang` plus a tone mark.
const MAX_SYLLABLE: usize = 7;

pub(crate) fn strip_annotations(input: Chars) -> Chars {
    let n = input.chars.len();
    let mut out = Chars::with_capacity(n);
    let mut i = 0;
    while i < n {
        let c = input.chars[i];
        // After a character, or after a reading just removed (街道(jiē)(dào)).
        if is_open(c) && out.chars.last().is_some_and(|&p| is_cjk(p)) {
            if let Some(len) = syllable_len(&input.chars[i + 1..]) {
                i += len + 2;
                continue;
            }
        }
        out.push(c, input.origin[i]);
        i += 1;
    }
    out
}

fn is_open(c: char) -> bool {
    c == '(' || c == '（'
}

fn is_close(c: char) -> bool {
    c == ')' || c == '）'
}

/// Length of a pinyin syllable followed by a closing parenthesis.
fn syllable_len(rest: &[char]) -> Option<usize> {
    let len = rest
        .iter()
        .take(MAX_SYLLABLE + 1)
        .take_while(|&&c| is_pinyin_letter(c))
        .count();
    let closed = rest.get(len).is_some_and(|&c| is_close(c));
    (len > 0 && len <= MAX_SYLLABLE && closed).then_some(len)
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> String {
        strip_annotations(Chars::from_text(s))
            .chars
            .iter()
            .collect()
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
            let out = strip_annotations(Chars::from_text(&s));
            proptest::prop_assert_eq!(out.chars.len(), out.origin.len());
            proptest::prop_assert!(out.origin.windows(2).all(|w| w[0] < w[1]));
        }
    }
}
