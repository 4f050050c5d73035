//! Line and space clean-up: one `\n` between lines, one space inside a line,
//! and lines broken in the middle of a sentence joined again.
//!
//! A line is taken as broken when it is body text (long, with clause
//! punctuation) and does not end a sentence, and the next line goes on with
//! Chinese text. Headings and captions are short and stay on their own line.

use super::{is_cjk, Chars};

/// Body lines are at least this long; headings are shorter.
const MIN_BODY_LINE: usize = 30;

pub(crate) fn clean_lines(input: Chars) -> Chars {
    let mut out = Chars::with_capacity(input.chars.len());
    let mut previous_line: Option<(usize, usize)> = None;
    for (start, end) in line_ranges(&input.chars) {
        let (start, end) = trim(&input.chars, start, end);
        if start == end {
            continue;
        }
        if let Some((p_start, p_end)) = previous_line {
            if !continues(&input.chars[p_start..p_end], input.chars[start]) {
                // The break maps to the original line end.
                out.push('\n', input.origin[p_end]);
            }
        }
        push_collapsing_spaces(&mut out, &input, start, end);
        previous_line = Some((start, end));
    }
    out
}

fn line_ranges(chars: &[char]) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' || c == '\r' {
            ranges.push((start, i));
            start = i + 1;
        }
    }
    ranges.push((start, chars.len()));
    ranges
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' || c == '\u{feff}'
}

fn trim(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && is_space(chars[start]) {
        start += 1;
    }
    while end > start && is_space(chars[end - 1]) {
        end -= 1;
    }
    (start, end)
}

fn push_collapsing_spaces(out: &mut Chars, input: &Chars, start: usize, end: usize) {
    let mut in_space = false;
    for i in start..end {
        let c = input.chars[i];
        if is_space(c) {
            if !in_space {
                out.push(' ', input.origin[i]);
            }
            in_space = true;
        } else {
            out.push(c, input.origin[i]);
            in_space = false;
        }
    }
}

/// Does the next line, starting with `next`, continue `line`?
fn continues(line: &[char], next: char) -> bool {
    let Some(&last) = line.last() else {
        return false;
    };
    let body = line.len() >= MIN_BODY_LINE && line.iter().any(|&c| "，。,；;".contains(c));
    let open_end = is_cjk(last) || "，、,；;：:".contains(last);
    body && open_end && (is_cjk(next) || next == '“')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        clean_lines(Chars::from_text(s)).chars.iter().collect()
    }

    #[test]
    fn joins_a_body_line_broken_mid_word() {
        let s = "按照要求，维护广大业主合法权益，吕鑫积极协调街道、配合社区，开展入户走访工作，征求业\n\n主意见建议。";
        assert!(clean(s).contains("征求业主意见建议。"));
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
