//! Sentences and the small character tests every recogniser shares.

use crate::model::{Sentence, Span};

/// Splits normalised text into sentences at sentence-final punctuation and
/// line ends; a closing quote stays with its sentence. The char sets are
/// `matches!`, not `str::contains`: this runs on every char of the corpus.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let chars: Vec<char> = text.chars().collect();
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let end = if c == '\n' {
            Some(i)
        } else if matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';') {
            let mut e = i + 1;
            while e < chars.len() && matches!(chars[e], '”' | '’' | '」' | '』' | ')' | '）')
            {
                e += 1;
            }
            Some(e)
        } else {
            None
        };
        if let Some(end) = end {
            push_sentence(&chars, start, end, &mut sentences);
            start = if c == '\n' { end + 1 } else { end };
            i = start;
        } else {
            i += 1;
        }
    }
    push_sentence(&chars, start, chars.len(), &mut sentences);
    sentences
}

fn push_sentence(chars: &[char], start: usize, end: usize, out: &mut Vec<Sentence>) {
    let (mut s, mut e) = (start, end);
    while s < e && chars[s] == ' ' {
        s += 1;
    }
    while e > s && chars[e - 1] == ' ' {
        e -= 1;
    }
    if s < e {
        out.push(Sentence {
            span: Span::new(s, e),
            text: chars[s..e].iter().collect(),
        });
    }
}

pub fn is_quote_open(c: char) -> bool {
    matches!(c, '“' | '「' | '『' | '"' | '‘')
}

pub fn is_quote_close(c: char) -> bool {
    matches!(c, '”' | '」' | '』' | '"' | '’')
}

/// `chars[start..end]` encoded into `buf`, if it fits: names tried at
/// every position are looked up without an allocation each.
pub fn str_in<'b>(chars: &[char], start: usize, end: usize, buf: &'b mut [u8]) -> Option<&'b str> {
    let mut at = 0;
    for c in chars.get(start..end)? {
        let n = c.len_utf8();
        c.encode_utf8(buf.get_mut(at..at + n)?);
        at += n;
    }
    std::str::from_utf8(&buf[..at]).ok()
}

/// `chars[range]` as a `String`.
pub fn string(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end].iter().collect()
}

/// Does `chars` hold `word` at `at`?
pub fn has_at(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| chars.get(i) == Some(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_final_punctuation_and_lines() {
        let s = split_sentences("他说：“好。”然后走了。\n标题\n最后");
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["他说：“好。”", "然后走了。", "标题", "最后"]);
        assert_eq!(s[1].span, Span::new(7, 12));
    }
}
