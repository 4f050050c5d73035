//! The article's own publication date, from the lines that frame it: page
//! headers (`2022-07-25 18:14:06 来源:…`, `发布时间:2021年3月5日`), datelines
//! (`本报讯 2019年10月8日`, `新华社北京2022年3月1日电`) and edition marks
//! (`(2022年11月29日03版)`).
//!
//! A date counts only with a cue the grammar of such lines gives: a label
//! before it, a clock time or a source/author field after it, a line of
//! its own, a dateline's 讯/电, or an edition's 版. Labels, clock times,
//! source fields and lone dates are read only in the header (up to the
//! first body sentence) and the footer, so the date of an event in the
//! body (`2021年3月5日,王清斌…`) is never taken. A date without a year
//! (`5日`, `6月8日讯`) gives none.

use crate::model::{Evidence, PublicationDate, Sentence, Span};

/// Labels that introduce a page's date (发布时间:…).
const LABELS: &[&str] = &[
    "发布时间",
    "发稿时间",
    "发布日期",
    "发表时间",
    "更新时间",
    "时间",
    "日期",
    "发布于",
    "发表于",
];

/// Fields beside the date on a source line (… 来源:新华网, 作者:… 2023-05-06).
const FIELDS: &[&str] = &["来源", "作者", "编辑", "字号", "浏览", "点击", "稿源"];

/// Sentences at the end of an article that may hold its source line.
const FOOTER: usize = 3;

/// A date as written: year, month, day (the last two optional), where it
/// stands in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Written {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
    span: Span,
}

/// The article's publication date: the first date with a cue, in text
/// order.
pub fn find_publication_date(sentences: &[Sentence]) -> Option<PublicationDate> {
    let body = first_body_sentence(sentences);
    sentences.iter().enumerate().find_map(|(si, s)| {
        let framing = si <= body || si + FOOTER >= sentences.len();
        let chars: Vec<char> = s.text.chars().collect();
        let date = dates(&chars)
            .into_iter()
            .find(|d| has_cue(&chars, d, framing))?;
        Some(PublicationDate {
            year: date.year,
            month: date.month,
            day: date.day,
            evidence: Evidence {
                sentence: si,
                span: Span::new(s.span.start + date.span.start, s.span.start + date.span.end),
            },
        })
    })
}

/// The first sentence of running text (one ending in 。), or the last.
fn first_body_sentence(sentences: &[Sentence]) -> usize {
    sentences
        .iter()
        .position(|s| {
            s.text
                .trim_end_matches(['”', '’', ')', '）', '」', '』'])
                .ends_with('。')
        })
        .unwrap_or(sentences.len())
}

fn has_cue(chars: &[char], d: &Written, framing: bool) -> bool {
    let before: String = chars[..d.span.start].iter().collect();
    let after: String = chars[d.span.end..].iter().collect();
    let before = before.trim_end_matches([' ', ':', '：', '　']);
    let dateline = before
        .trim_end_matches(['(', '（', ' ', '　'])
        .ends_with('讯')
        || after.starts_with(['讯', '电']);
    // A newspaper's page (…日03版), a periodical's issue by month in a
    // header (2024年3月 第5期) or after its title (《党建》2019年第5期).
    let edition = match (d.month, d.day) {
        (_, Some(_)) => is_edition(&after, '版'),
        // Running text names issues of courses too (2022年3月第5期培训班).
        (Some(_), None) => framing && chars.last() != Some(&'。') && is_edition(&after, '期'),
        (None, None) => before.ends_with('》'),
    };
    if dateline || edition {
        return true;
    }
    // A header's fields separated by bars (湖南日报 | 2023-05-06).
    let framing_cue = LABELS.iter().any(|l| before.ends_with(l))
        || before.ends_with(['|', '｜'])
        || starts_with_clock(after.trim_start())
        || starts_with_weekday(after.trim_start())
        || FIELDS
            .iter()
            .any(|f| after.contains(f) || before.contains(f))
        || chars
            .iter()
            .all(|c| !crate::normalize::is_cjk(*c) || is_date_char(*c))
            // A date that opens a clause (2020年5月,) is running text cut
            // short, not a field.
            && !matches!(chars.last(), Some(',' | '，' | '、'));
    framing && framing_cue
}

/// `星期二`, `周二`: a page header's weekday after its date.
fn starts_with_weekday(after: &str) -> bool {
    let day = after
        .strip_prefix("星期")
        .or_else(|| after.strip_prefix("礼拜"))
        .or_else(|| after.strip_prefix('周'));
    day.and_then(|d| d.chars().next())
        .is_some_and(|c| "一二三四五六日天".contains(c))
}

/// `03版`, `第 3 版`: the page of a newspaper edition (`mark` 版), or
/// `第5期` an issue (`mark` 期), spaces or not.
fn is_edition(after: &str, mark: char) -> bool {
    let packed: String = after
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(8)
        .collect();
    let rest = packed.strip_prefix('第').unwrap_or(&packed);
    let digits = rest.chars().take_while(|c| digit(*c).is_some()).count();
    (1..=3).contains(&digits) && rest.chars().nth(digits) == Some(mark)
}

/// `18:14`: a clock time.
fn starts_with_clock(after: &str) -> bool {
    let c: Vec<char> = after.chars().take(5).collect();
    let d = |i: usize| c.get(i).and_then(|c| digit(*c)).is_some();
    d(0) && (c.get(1) == Some(&':') && d(2) && d(3) || d(1) && c.get(2) == Some(&':') && d(3))
}

fn is_date_char(c: char) -> bool {
    matches!(c, '年' | '月' | '日' | '号')
}

/// A decimal digit, ASCII or full-width.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Every date with a year in the sentence.
fn dates(chars: &[char]) -> Vec<Written> {
    (0..chars.len())
        .filter(|&i| i == 0 || digit(chars[i - 1]).is_none())
        .filter_map(|i| date_at(chars, i))
        .collect()
}

/// A number of 1 to `max` digits at `at`: its value and its end.
fn number(chars: &[char], at: usize, max: usize) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut end = at;
    while end < chars.len() && end - at < max {
        let Some(d) = digit(chars[end]) else { break };
        value = value * 10 + d;
        end += 1;
    }
    let more = chars.get(end).and_then(|c| digit(*c)).is_some();
    (end > at && !more).then_some((value, end))
}

fn skip_spaces(chars: &[char], mut at: usize) -> usize {
    while chars.get(at).is_some_and(|c| matches!(c, ' ' | '　')) {
        at += 1;
    }
    at
}

/// A date starting with a four-digit year at `at`: `2022年7月25日`,
/// `2022年7月`, `2022年第5期` (a year), `2022-07-25`, `2022/7/25`,
/// `2022.07.25`, `2022-07`, `2026 02/28`.
fn date_at(chars: &[char], at: usize) -> Option<Written> {
    let (year, end) = number(chars, at, 4).filter(|(_, e)| e - at == 4)?;
    if !(1949..=2099).contains(&year) {
        return None;
    }
    let written = |month: Option<u32>, day: Option<u32>, end: usize| {
        let ok = month.is_none_or(|m| (1..=12).contains(&m))
            && day.is_none_or(|d| (1..=31).contains(&d));
        ok.then(|| Written {
            year: year as u16,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
            span: Span::new(at, end),
        })
    };
    let sep = *chars.get(end)?;
    if sep == '年' {
        let m_at = skip_spaces(chars, end + 1);
        if chars.get(m_at) == Some(&'第') {
            let (_, n_end) = number(chars, m_at + 1, 3)?;
            return (chars.get(n_end) == Some(&'期')).then(|| written(None, None, end + 1))?;
        }
        let (month, m_end) = number(chars, m_at, 2)?;
        if chars.get(m_end) != Some(&'月') {
            return None;
        }
        let d_at = skip_spaces(chars, m_end + 1);
        return match number(chars, d_at, 2) {
            Some((day, d_end)) if matches!(chars.get(d_end), Some('日' | '号')) => {
                written(Some(month), Some(day), d_end + 1)
            }
            Some(_) => None,
            None => written(Some(month), None, m_end + 1),
        };
    }
    if matches!(sep, '-' | '/' | '.') {
        let (month, m_end) = number(chars, end + 1, 2)?;
        if chars.get(m_end) == Some(&sep) {
            let (day, d_end) = number(chars, m_end + 1, 2)?;
            return written(Some(month), Some(day), d_end);
        }
        // `2022-07`, but not a decimal or a range (`2022.5万`, `2022-2023`).
        return (sep == '-' && m_end - end == 3).then(|| written(Some(month), None, m_end))?;
    }
    if sep == ' ' {
        let (month, m_end) = number(chars, end + 1, 2).filter(|(_, e)| e - end == 3)?;
        let (day, d_end) =
            (chars.get(m_end) == Some(&'/')).then(|| number(chars, m_end + 1, 2))??;
        return written(Some(month), Some(day), d_end);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::split_sentences;

    fn published(text: &str) -> Option<String> {
        find_publication_date(&split_sentences(text)).map(|d| d.lexical())
    }

    #[test]
    fn header_and_source_lines() {
        let cases = [
            ("标题\n2022-07-25 18:14:06来源:新华网\n正文。", "2022-07-25"),
            ("标题\n发布时间:2021年3月5日\n正文。", "2021-03-05"),
            (
                "标题\n类别:国内 发布时间:2023-01-15 05:57:00 来源:每日看点\n正文。",
                "2023-01-15",
            ),
            (
                "标题\n2026 02/28 22:14:08\n来源:新华网\n正文。",
                "2026-02-28",
            ),
            ("标题\n2018-02-20\n正文。", "2018-02-20"),
            (
                "标题\n2024年11月01日10:42    来源:人民网\n正文。",
                "2024-11-01",
            ),
            ("标题\n发布时间:2021年3月\n正文。", "2021-03"),
            ("标题\n2019-10-08 星期二\n正文。", "2019-10-08"),
            (
                "标题\n来源:湖南日报 作者:刘晓明 2023-05-06\n正文。",
                "2023-05-06",
            ),
            ("标题\n湖南日报 | 2023-05-06\n正文。", "2023-05-06"),
        ];
        for (text, want) in cases {
            assert_eq!(published(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn datelines_and_editions() {
        let cases = [
            ("本报讯 2019年10月8日,某区召开会议。", "2019-10-08"),
            ("新华社北京2022年3月1日电 记者获悉。", "2022-03-01"),
            (
                "正文。\n正文二。\n《人民日报》(2022年11月29日03版)",
                "2022-11-29",
            ),
            ("来源:《共产党员》2019年第5期\n正文。", "2019"),
            ("人民日报 ( 2021年05月20日 第 11 版)\n正文。", "2021-05-20"),
            ("2024年3月 第5期 党建研究\n正文。", "2024-03"),
        ];
        for (text, want) in cases {
            assert_eq!(published(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn event_dates_and_dates_without_a_year_give_none() {
        for text in [
            "标题\n正文。\n2021年3月5日,王清斌成为村党支部书记。\n又一句。\n再一句。\n末句。",
            "黑龙江日报6月8日讯 记者获悉。",
            "标题\n福州新闻网讯 5日,会议举行。",
            "2017年9月1日,刚满30岁的他来到村里。",
            "人口2022.5万,2020-2023年间。",
            "标题\n正文。\n2022年3月第5期培训班开班。\n又一句。",
            // A text cut short after a date that opens a clause.
            "标题\n正文。\n2018年11月,全村脱贫。2020年5月,",
        ] {
            assert_eq!(published(text), None, "{text}");
        }
    }
}
