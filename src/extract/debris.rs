//! Web-page debris: navigation trails, source and date lines, view
//! counters, copyright notices, editor credits. Such lines give no facts,
//! except the people they credit (editors stay persons).

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
    "回到顶部",
    "扫一扫",
    "分享到",
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
    let long_sentence = line.contains(['，', ',']) && line.chars().nth(60).is_some();
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
    fn article_text_is_not_debris() {
        assert!(!is_debris_line("本报记者 曲宏"));
        // Verbs some markers start with: 回到(顶部), 分享(到).
        assert!(!is_debris_line("原第一书记郑志刚已回到原单位工作。"));
        assert!(!is_debris_line("大家分享了经验。"));
        assert!(!is_debris_line(
            "万莲街道松泉社区吸引社会力量，着眼民生需求。"
        ));
    }
}
