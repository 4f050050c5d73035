//! Web-page debris: navigation trails, source and date lines, view
//! counters, copyright notices, editor credits. Such lines give no facts,
//! except the people they credit (editors stay persons).

use crate::model::Span;
use crate::normalize::is_cjk;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// Markers of page furniture, as they appear in simplified text.
const MARKERS: &[&str] = &[
    "当前位置",
    "现在的位置",
    "所在的位置",
    "您的位置",
    "首页",
    ">>",
    " > ",
    "来源:",
    "来源：",
    "浏览次数",
    "字号",
    "版权",
    "严禁转载",
    "未经",
    "书面授权",
    "责任编辑",
    "点击排行",
    "热点专题",
    "设为首页",
    "加入收藏",
    "新闻热线",
    "打印",
    "发布时间",
    "发稿时间",
    "回到",
    "扫一扫",
    "分享",
    "Copyright",
    "copyright",
    "©",
    "||",
    "book=",
];

/// Is this line page furniture rather than article text?
pub fn is_debris_line(line: &str) -> bool {
    if !line.chars().any(is_cjk) {
        return true;
    }
    let long_sentence = line.contains('，') && line.chars().nth(60).is_some();
    !long_sentence && markers().is_match(line)
}

/// All the markers in one automaton: every line of every article is
/// tested, and a scan per marker was a twentieth of extraction.
fn markers() -> &'static AhoCorasick {
    static MARKERS_AC: OnceLock<AhoCorasick> = OnceLock::new();
    MARKERS_AC.get_or_init(|| {
        AhoCorasick::new(MARKERS).expect("the debris markers are a few short words")
    })
}

/// Heads of the names of publishers a source field gives (来源:山西新闻网
/// --山西日报, 来源:龙岗融媒).
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
pub fn publishers(line: &str) -> Vec<Span> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture_is_debris() {
        for line in [
            "您当前所在的位置:福州新闻网 >> 新闻频道 >> 福州政务",
            "2014-03-05 21:11:07 作者:龚莹 来源:福州新闻网 【字号",
            "【责任编辑:朱红杰】",
            "(版权作品,未经福州新闻网书面授权,严禁转载,违者将被追究法律责任。)",
            "||||",
            "发布时间: 2023年03月15日 来源:龙岗融媒 浏览次数:- T浏览字号:",
            "book=43,ebook=38",
        ] {
            assert!(is_debris_line(line), "{line}");
        }
    }

    #[test]
    fn publishers_of_a_source_field() {
        let line = "时间:2017-07-06 21:59:46  来源:山西新闻网--山西日报  作者:";
        let chars: Vec<char> = line.chars().collect();
        let names: Vec<String> = publishers(line)
            .into_iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect();
        assert_eq!(names, ["山西新闻网", "山西日报"]);
        assert!(publishers("来源:本站原创").is_empty());
        assert_eq!(publishers("来源:宁夏日报客户端"), [Span::new(3, 7)]);
    }

    #[test]
    fn article_text_is_not_debris() {
        assert!(!is_debris_line("本报记者 曲宏"));
        assert!(!is_debris_line(
            "万莲街道松泉社区吸引社会力量，着眼民生需求。"
        ));
    }
}
