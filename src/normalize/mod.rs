//! Text normalisation: raw article text in, clean simplified Chinese out,
//! with a map from every output character back to the original.
//!
//! Each rule is its own function in its own module and keeps the offset map
//! true. Nothing here recognises entities; rules only repair the text.

mod fixes;
mod lines;
mod pinyin;
pub mod t2s;

/// Normalised text with its offset map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    /// `origin[i]` is the `char` index in the original text of the `i`-th
    /// `char` of `text`.
    origin: Vec<u32>,
}

impl Normalized {
    /// The original `char` index of normalised `char` index `i` (the end of
    /// the text maps past the last original character).
    pub fn original_offset(&self, i: usize) -> usize {
        match self.origin.get(i) {
            Some(&o) => o as usize,
            None => self.origin.last().map_or(0, |&o| o as usize + 1),
        }
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

/// A working copy: characters and where each came from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Chars {
    pub chars: Vec<char>,
    pub origin: Vec<u32>,
}

impl Chars {
    fn from_text(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let origin = (0..chars.len() as u32).collect();
        Chars { chars, origin }
    }

    pub(crate) fn with_capacity(n: usize) -> Self {
        Chars {
            chars: Vec::with_capacity(n),
            origin: Vec::with_capacity(n),
        }
    }

    pub(crate) fn push(&mut self, c: char, origin: u32) {
        self.chars.push(c);
        self.origin.push(origin);
    }

    fn into_normalized(self) -> Normalized {
        Normalized {
            text: self.chars.iter().collect(),
            origin: self.origin,
        }
    }
}

/// Runs every rule in order.
pub fn normalize(text: &str) -> Normalized {
    let chars = Chars::from_text(text);
    let chars = pinyin::strip_annotations(chars);
    let chars = to_simplified(chars);
    let chars = fixes::repair_overconversion(chars);
    let chars = lines::clean_lines(chars);
    chars.into_normalized()
}

/// Traditional→simplified; `t2s` preserves the number of characters, so the
/// offset map carries over unchanged.
fn to_simplified(mut chars: Chars) -> Chars {
    let text: String = chars.chars.iter().collect();
    if let std::borrow::Cow::Owned(converted) = t2s::to_simplified(&text) {
        let converted: Vec<char> = converted.chars().collect();
        debug_assert_eq!(converted.len(), chars.chars.len());
        if converted.len() == chars.chars.len() {
            chars.chars = converted;
        }
    }
    chars
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
}
