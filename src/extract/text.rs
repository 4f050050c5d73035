//! Sentences and the small character tests every recogniser shares.

use crate::model::{Sentence, Span};

/// The longest sentence the recognisers see, in chars. Real sentences are
/// far shorter (the longest in the corpus and the dev set: 329); a longer
/// run (a table flattened into one line, a list without punctuation) is cut
/// into pieces of at most this many chars, since the recognisers' cost
/// grows faster than a sentence's length.
pub const MAX_SENTENCE: usize = 1000;

/// Sentences, and how many over-long ones were cut into pieces.
pub struct Split {
    pub sentences: Vec<Sentence>,
    pub cut: usize,
}

/// Splits normalised text into sentences at sentence-final punctuation and
/// line ends; a closing quote stays with its sentence. The char sets are
/// `matches!`, not `str::contains`: this runs on every char of the corpus.
pub fn split(text: &str) -> Split {
    let chars: Vec<char> = text.chars().collect();
    let mut split = Split {
        sentences: Vec::new(),
        cut: 0,
    };
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
            push_sentence(&chars, start, end, &mut split);
            start = if c == '\n' { end + 1 } else { end };
            i = start;
        } else {
            i += 1;
        }
    }
    push_sentence(&chars, start, chars.len(), &mut split);
    split
}

/// The sentences of `text` (see `split`).
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    split(text).sentences
}

/// Pushes `chars[start..end]` without its outer spaces, in pieces of at
/// most `MAX_SENTENCE` chars.
fn push_sentence(chars: &[char], start: usize, end: usize, out: &mut Split) {
    let (mut s, mut e) = (start, end);
    while s < e && chars[s] == ' ' {
        s += 1;
    }
    while e > s && chars[e - 1] == ' ' {
        e -= 1;
    }
    if e - s > MAX_SENTENCE {
        out.cut += 1;
    }
    while e - s > MAX_SENTENCE {
        let cut = soft_cut(chars, s + MAX_SENTENCE);
        push_piece(chars, s, cut, out);
        s = cut;
    }
    push_piece(chars, s, e, out);
}

/// Where to cut before `hard`: after the last comma, enumeration comma,
/// colon or space in the final tenth of the piece, so that a name is
/// rarely cut in two; else at `hard`.
fn soft_cut(chars: &[char], hard: usize) -> usize {
    (hard - MAX_SENTENCE / 10..hard)
        .rev()
        .find(|&i| matches!(chars[i - 1], '，' | '、' | '：' | ',' | ' '))
        .unwrap_or(hard)
}

fn push_piece(chars: &[char], s: usize, e: usize, out: &mut Split) {
    if s < e {
        out.sentences.push(Sentence {
            span: Span::new(s, e),
            text: chars[s..e].iter().collect(),
        });
    }
}

/// Chars that join the names of one list: 东北大学和社区党员, 纪委监委、公安局.
pub const LIST_GLUE: &[char] = &['、', '，', ',', '和', '及', '与', ' '];

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

/// The first of `words` that `chars` holds ending at `at`, and where it
/// starts.
pub fn word_ending_at(chars: &[char], at: usize, words: &[&str]) -> Option<usize> {
    words.iter().find_map(|w| {
        let start = at.checked_sub(w.chars().count())?;
        has_at(chars, start, w).then_some(start)
    })
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

    #[test]
    fn over_long_sentences_are_cut_into_pieces_at_a_comma_if_near() {
        let run = "社区".repeat(MAX_SENTENCE);
        let with_comma = format!("{}，{}", "街".repeat(MAX_SENTENCE - 50), "道".repeat(100));
        let text = format!("{run}\n短句。{with_comma}");
        let split = split(&text);
        let lens: Vec<usize> = split
            .sentences
            .iter()
            .map(|s| s.span.end - s.span.start)
            .collect();
        assert_eq!(
            lens,
            [MAX_SENTENCE, MAX_SENTENCE, 3, MAX_SENTENCE - 49, 100]
        );
        assert_eq!(split.cut, 2);
        assert_eq!(
            split.sentences[1].span.start, MAX_SENTENCE,
            "pieces are contiguous"
        );
        assert!(split.sentences[3].text.ends_with('，'));
    }
}
