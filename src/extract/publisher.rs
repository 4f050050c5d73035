//! Publishers: the outlets an article names as its source, in a source
//! field of page furniture (来源:山西日报), a dateline (中国甘肃网1月5日讯,
//! 新华社天津2月28日电) or a citation (据西部商报报道). A publisher is an
//! organization of the article, known by its head (日报, 网, 电视台 …),
//! and by where it stands, since many have no other mark of a name.

use super::text::has_at;
use crate::model::Span;
use crate::normalize::is_cjk;

/// Heads of the names of publishers (山西新闻网, 山西日报, 龙岗融媒).
const PUBLISHER_HEADS: &[&str] = &[
    "日报",
    "晚报",
    "晨报",
    "报社",
    "新闻网",
    "网",
    "电视台",
    "广播电视台",
    "融媒",
    "融媒体",
    "融媒体中心",
    "新闻中心",
    "杂志",
    "杂志社",
    "报",
];

/// What follows a publisher's name for one of its outlets (宁夏日报客户端).
const OUTLETS: &[&str] = &["客户端", "移动版", "官网", "网站"];

/// The publishers a source field of page furniture names: each part of
/// the text after 来源: (up to a space or the next field) that ends with
/// a publisher's head. Char spans in `line`.
pub fn in_source_field(line: &str) -> Vec<Span> {
    let chars: Vec<char> = line.chars().collect();
    let mut found = Vec::new();
    for label in ["来源:", "来源："] {
        let Some(byte) = line.find(label) else {
            continue;
        };
        let mut at = line[..byte].chars().count() + label.chars().count();
        while at < chars.len() && chars[at] == ' ' {
            at += 1;
        }
        let end = (at..chars.len())
            .find(|&k| !is_cjk(chars[k]) && chars[k] != '-')
            .unwrap_or(chars.len());
        let mut start = at;
        for k in at..=end {
            if k < end && is_cjk(chars[k]) {
                continue;
            }
            let written: String = chars[start..k].iter().collect();
            let part = OUTLETS
                .iter()
                .find_map(|o| written.strip_suffix(o))
                .unwrap_or(&written);
            let n = part.chars().count();
            if (3..=12).contains(&n) && PUBLISHER_HEADS.iter().any(|h| part.ends_with(h)) {
                found.push(Span::new(start, start + n));
            }
            start = k + 1;
        }
    }
    found
}

/// The publisher a dateline opens the line with (福州新闻网讯 5日,
/// 中国甘肃网1月5日讯, 新华社天津2月28日电): a name ending with a
/// publisher's head, then 讯, or a place and a date then 讯 or 电.
pub fn in_dateline(chars: &[char]) -> Option<Span> {
    let start = chars.iter().position(|c| !c.is_whitespace())?;
    let run = chars[start..].iter().take_while(|c| is_cjk(**c)).count();
    (3..=run.min(12))
        .rev()
        .map(|n| Span::new(start, start + n))
        .find(|s| is_publisher(chars, *s) && dateline_after(chars, s.end))
}

/// What follows a publisher that opens a credit or a headline: its
/// reporters (湖南日报记者 X), an outlet after a middle dot (湖南日报·新湖南
/// 客户端), or a bar before the headline (福建日报‖听,胜利的号角).
const AFTER_CREDIT: &[&str] = &[
    "记者",
    "首席记者",
    "特约记者",
    "通讯员",
    "·",
    "‖",
    "丨",
    "|",
    "｜",
];

/// The publisher a credit or a headline opens with (湖南日报·新湖南客户端
/// 记者 李健 摄, 福建日报记者 张三, 福建日报‖…), at the line's start or
/// after an opening bracket: a name ending with a publisher's head, then
/// its reporters, an outlet or a bar.
pub fn in_credit(chars: &[char]) -> Option<Span> {
    let first = chars.iter().position(|c| !c.is_whitespace())?;
    let start = first + usize::from(matches!(chars[first], '(' | '（'));
    let run = chars[start..].iter().take_while(|c| is_cjk(**c)).count();
    (3..=run.min(12))
        .map(|n| Span::new(start, start + n))
        .find(|s| {
            let stem = PUBLISHER_HEADS
                .iter()
                .filter(|h| has_at(chars, s.end - h.chars().count(), h))
                .map(|h| s.len() - h.chars().count())
                .min();
            // A name before the head (湖南|日报), not a verb (读|日报); nor
            // 本报, the paper itself (本版图片均由本报记者…).
            stem.is_some_and(|n| n >= 2)
                && !has_at(chars, s.end - 2, "本报")
                && AFTER_CREDIT.iter().any(|w| has_at(chars, s.end, w))
        })
}

/// The publisher a citation names: 据 X 报道 / 消息.
pub fn in_citations(chars: &[char]) -> Vec<Span> {
    let mut found = Vec::new();
    for (at, _) in chars.iter().enumerate().filter(|(_, c)| **c == '据') {
        let start = at + 1;
        let run = chars[start..].iter().take_while(|c| is_cjk(**c)).count();
        let cited = (3..=run.min(12))
            .map(|n| Span::new(start, start + n))
            .find(|s| {
                is_publisher(chars, *s) && ["报道", "消息"].iter().any(|w| has_at(chars, s.end, w))
            });
        found.extend(cited);
    }
    found
}

fn is_publisher(chars: &[char], span: Span) -> bool {
    let name: String = chars[span.start..span.end].iter().collect();
    PUBLISHER_HEADS.iter().any(|h| name.ends_with(h))
}

/// After a dateline's publisher: 讯 at once, or a place of up to four
/// chars, a date (1月5日, 5日) and 讯 or 电.
fn dateline_after(chars: &[char], at: usize) -> bool {
    if chars.get(at) == Some(&'讯') {
        return true;
    }
    let rest = &chars[at..chars.len().min(at + 16)];
    let place = rest.iter().take_while(|c| is_cjk(**c)).count();
    if place > 4 {
        return false;
    }
    let date = &rest[place..];
    let digits = date
        .iter()
        .take_while(|c| c.is_ascii_digit() || **c == '月')
        .count();
    digits > 0 && matches!(date.get(digits..digits + 2), Some(['日', '讯' | '电']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publishers_of_a_source_field() {
        let line = "时间:2017-07-06 21:59:46  来源:山西新闻网--山西日报  作者:";
        let chars: Vec<char> = line.chars().collect();
        let names: Vec<String> = in_source_field(line)
            .into_iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect();
        assert_eq!(names, ["山西新闻网", "山西日报"]);
        assert!(in_source_field("来源:本站原创").is_empty());
        assert_eq!(in_source_field("来源:宁夏日报客户端"), [Span::new(3, 7)]);
    }

    fn named(line: &str, spans: Vec<Span>) -> Vec<String> {
        let chars: Vec<char> = line.chars().collect();
        spans
            .into_iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect()
    }

    #[test]
    fn publishers_of_a_dateline() {
        for (line, name) in [
            ("中国甘肃网1月5日讯据报道", "中国甘肃网"),
            ("  福州新闻网讯 5日,启动仪式在市里举行", "福州新闻网"),
            ("青山日报北京3月2日电 记者", "青山日报"),
        ] {
            let chars: Vec<char> = line.chars().collect();
            assert_eq!(
                named(line, in_dateline(&chars).into_iter().collect()),
                [name]
            );
        }
        for line in ["青山日报记者走进社区", "区融媒体中心成立5周年", "5月5日讯"]
        {
            let chars: Vec<char> = line.chars().collect();
            assert_eq!(in_dateline(&chars), None, "{line}");
        }
    }

    #[test]
    fn publishers_of_a_credit_or_headline() {
        for (line, name) in [
            ("湖南日报·新湖南客户端记者 李健 摄", "湖南日报"),
            ("福建日报记者 张三 通讯员 李四", "福建日报"),
            ("福建日报‖听,胜利的号角", "福建日报"),
            ("(青山日报记者 王五)", "青山日报"),
        ] {
            let chars: Vec<char> = line.chars().collect();
            assert_eq!(named(line, in_credit(&chars).into_iter().collect()), [name]);
        }
        for line in [
            "日报记者王五",
            "社区网格员说",
            "读日报·晚报",
            "本版图片均由本报记者王五摄",
        ] {
            let chars: Vec<char> = line.chars().collect();
            assert_eq!(in_credit(&chars), None, "{line}");
        }
    }

    #[test]
    fn publishers_of_a_citation() {
        let line = "据西部商报报道,五位年轻人据说来自省城";
        let chars: Vec<char> = line.chars().collect();
        assert_eq!(named(line, in_citations(&chars)), ["西部商报"]);
    }
}
