//! Line and space clean-up: one `\n` between lines, one space inside a line,
//! and lines broken in the middle of a sentence joined again.
//!
//! A line is taken as broken when it is body text (long, with clause
//! punctuation) and does not end a sentence, and the next line goes on with
//! Chinese text. Headings and captions are short and stay on their own line.

use super::{find_char_by_lead, is_cjk, Tracked};

/// Chars after the last space of a line that ends with a credit.
const CREDIT_RUN: usize = 6;

/// Body lines are at least this long; headings are shorter.
const MIN_BODY_LINE: usize = 30;

/// A line of the input without its leading and trailing spaces.
struct Line<'a> {
    text: &'a str,
    /// Byte offset of `text` in the input.
    byte: usize,
    /// `char` index in the input of the first char of `text`.
    start: usize,
}

/// A line already copied, and the `char` index in the input past its end.
struct Copied<'a> {
    text: &'a str,
    end: usize,
}

/// Lines go between `\n` or `\r` separators, trimmed (`\r\n` gives an
/// empty line between its two separators). Chars are counted by the scan
/// for spaces, not by a pass of their own.
pub(crate) fn clean_lines(input: Tracked) -> Tracked {
    let text: &str = &input.text;
    let mut out = Tracked::with_capacity(text.len());
    let mut previous: Option<Copied> = None;
    // Where the current raw line starts, in bytes and chars.
    let (mut byte, mut char) = (0, 0);
    for line_end in memchr::memchr2_iter(b'\n', b'\r', text.as_bytes()).chain([text.len()]) {
        let raw = &text[byte..line_end];
        let from_start = raw.trim_start_matches(is_space);
        let lead = raw.len() - from_start.len();
        let trimmed = from_start.trim_end_matches(is_space);
        let line = Line {
            text: trimmed,
            byte: byte + lead,
            start: char + raw[..lead].chars().count(),
        };
        let mut end = line.start;
        if let Some(first) = trimmed.chars().next() {
            if let Some(p) = &previous {
                if !continues(p.text, first) {
                    // The break maps to the original line end.
                    out.push('\n', input.origin.at(p.end));
                }
            }
            end = push_collapsing_spaces(&mut out, &input, &line);
            previous = Some(Copied { text: trimmed, end });
        }
        // Past the trailing spaces and the separator.
        char = end + from_start[trimmed.len()..].chars().count() + 1;
        byte = line_end + 1;
    }
    out
}

fn is_space(c: char) -> bool {
    // Printable ASCII and most of CJK hold no space: tested first, as
    // nearly every char is one of them.
    !matches!(c, '!'..='~' | '\u{3001}'..='\u{fefe}')
        && (c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' || c == '\u{feff}')
}

/// Can a 3-byte char with this lead byte be a space? Only U+1680,
/// U+2000–U+205F, U+3000 and U+FEFF are, so CJK (E4–E9) never is.
fn may_lead_space(b0: u8) -> bool {
    matches!(b0, 0xE1 | 0xE2 | 0xE3 | 0xEF)
}

/// Copies `line`, each run of spaces in it becoming one ` ` that maps to
/// the run's first space; returns the input `char` index past its end.
fn push_collapsing_spaces(out: &mut Tracked, input: &Tracked, line: &Line) -> usize {
    // Where the current run of non-spaces starts, in `line.text` bytes and
    // input chars.
    let (mut byte, mut char) = (0, line.start);
    loop {
        match find_char_by_lead(line.text, byte, may_lead_space, is_space) {
            Ok(space) => {
                let space_char = char + space.skipped;
                out.copy(
                    input,
                    line.byte + byte..line.byte + space.byte,
                    char..space_char,
                );
                out.push(' ', input.origin.at(space_char));
                let spaces = &line.text[space.byte..];
                let run = spaces.len() - spaces.trim_start_matches(is_space).len();
                char = space_char + spaces[..run].chars().count();
                byte = space.byte + run;
            }
            Err(rest) => {
                let end = char + rest;
                out.copy(
                    input,
                    line.byte + byte..line.byte + line.text.len(),
                    char..end,
                );
                return end;
            }
        }
    }
}

/// Does the next line, starting with `next`, continue `line`?
fn continues(line: &str, next: char) -> bool {
    let Some(last) = line.chars().next_back() else {
        return false;
    };
    let open_end = is_cjk(last) || matches!(last, '，' | '、' | ',' | '；' | ';' | '：' | ':');
    // The body test reads the whole line, so it goes last.
    open_end && (is_cjk(next) || next == '“') && !ends_with_credit(line) && is_body(line)
}

/// Chinese prose has no spaces: a short last run after one is a caption's
/// or byline's credit (…苗绣。湖南日报记者 童迪 摄), and the line is whole.
fn ends_with_credit(line: &str) -> bool {
    line.chars().rev().take(CREDIT_RUN + 1).any(is_space)
}

/// Long, with clause punctuation.
fn is_body(line: &str) -> bool {
    line.chars().nth(MIN_BODY_LINE - 1).is_some() && line.contains(['，', '。', ',', '；', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        clean_lines(Tracked::from_text(s)).text.into_owned()
    }

    #[test]
    fn chars_is_space_rejects_first_are_no_spaces() {
        let skipped = ('!'..='~').chain('\u{3001}'..='\u{fefe}');
        assert!(!skipped.clone().any(char::is_whitespace));
        assert!(!skipped
            .clone()
            .any(|c| matches!(c, '\u{3000}' | '\u{a0}' | '\u{feff}')));
    }

    #[test]
    fn every_three_byte_space_has_a_lead_that_may_be_a_space() {
        let three_byte = ('\u{800}'..='\u{ffff}').filter(|c| c.len_utf8() == 3);
        for c in three_byte.filter(|&c| is_space(c)) {
            let mut buf = [0; 4];
            assert!(
                may_lead_space(c.encode_utf8(&mut buf).as_bytes()[0]),
                "{c:?}"
            );
        }
    }

    #[test]
    fn joins_a_body_line_broken_mid_word() {
        let s = "按照要求，维护广大业主合法权益，吕鑫积极协调街道、配合社区，开展入户走访工作，征求业\n\n主意见建议。";
        assert!(clean(s).contains("征求业主意见建议。"));
    }

    #[test]
    fn keeps_a_caption_ending_with_its_credit_apart() {
        let caption = "2016年2月17日，十八洞村村民在绣制苗绣。湖南日报记者 童迪 摄";
        assert_eq!(
            clean(&format!("{caption}\n湖南日报记者 李志林 彭业忠")),
            format!("{caption}\n湖南日报记者 李志林 彭业忠")
        );
    }

    #[test]
    fn keeps_headings_and_finished_sentences_apart() {
        assert_eq!(
            clean("全方位下沉 选派干部充实基层\n\n正文。"),
            "全方位下沉 选派干部充实基层\n正文。"
        );
        let s = "这是一个已经结束的很长很长很长很长很长的句子，没有断开的地方。\n下一段";
        assert_eq!(clean(s), s);
    }

    #[test]
    fn collapses_spaces_and_trims() {
        assert_eq!(
            clean("  本报记者  王永战 \r\n\u{3000}正文"),
            "本报记者 王永战\n正文"
        );
    }
}
