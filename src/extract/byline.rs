//! Bylines and signatures: who wrote the article.
//!
//! Forms handled, line by line: 文/马博; 本报记者 曲宏; 本报讯 记者曲宏报道;
//! (福州日报记者 龚莹); □本报记者 郭荣 通讯员 郭小岗; 作者:刘彤 | 责任编辑:…;
//! (…组织部 聂祥蕊); a name alone on a short line. Several reports in one
//! file give several bylines.

use super::minority_name::DOTS;
use super::person::{ends_in_organ, organ_head_ending, split_names};
use super::segment::is_common_word;
use super::text::string;
use crate::lexicon::lexicon;
use crate::model::Span;
use crate::normalize::is_cjk;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// A credited name with its span in the line (local `char` offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    pub span: Span,
    pub name: String,
    /// Author (true) or another credit such as an editor (false).
    pub author: bool,
    /// A bare name alone on its line, with no label: a signature only
    /// where the lines around it are not fragments too.
    pub alone: bool,
}

/// Labels of credits, in one automaton: after the first [`AUTHOR_LABELS`]
/// follow the names of the authors; after the others (editors,
/// photographers) persons who are not authors.
const LABELS: [&str; 44] = [
    "记者",
    "通讯员",
    "实习生",
    "文/图",
    "文／图",
    "图/文",
    "文/",
    "文／",
    "作者:",
    "作者：",
    "撰稿:",
    "撰稿：",
    "撰稿",
    "撰文/",
    "撰文:",
    "撰文：",
    "供稿:",
    "责任编辑:",
    "责任编辑：",
    "编辑:",
    "编辑：",
    "责编:",
    "责编：",
    "审核:",
    "审核：",
    "校对:",
    "校对：",
    "监制:",
    "监制：",
    "一审:",
    "一审：",
    "二审:",
    "二审：",
    "三审:",
    "三审：",
    "摄影:",
    "摄影：",
    "摄影/",
    "图片:",
    "图片：",
    "图片/",
    "摄/",
    "图/",
    "摄",
];
const AUTHOR_LABELS: usize = 17;
/// Words after the names that end a byline.
const TAILS: &[&str] = &["报道", "摄影", "摄", "供图", "整理"];
/// Tails that credit a picture, not the text.
const PHOTO_TAILS: &[&str] = &["摄影报道", "摄影", "摄", "供图"];
/// Labels of a page header that may follow the author's name
/// (陈晨 发布时间:2020-09-30 来源: 新华网).
const HEADER_LABELS: &[&str] = &["发布时间", "发布日期", "来源", "时间:", "时间："];
/// A byline or signature line is short.
const MAX_LINE: usize = 40;
/// A name alone on its line is a signature: chars in such a line.
const SIGNATURE_CHARS: std::ops::RangeInclusive<usize> = 2..=3;
const OPEN_BRACKETS: [char; 2] = ['(', '（'];
/// What ends a field's label (作者:, 文/).
const FIELD_MARKS: [char; 4] = [':', '：', '/', '／'];
/// What stands between the names of one credit (记者 李志林 邓晶琎,
/// 记者李坤晟、黄书波).
const NAME_SEPARATORS: [char; 2] = [' ', '、'];

/// Every line of an article comes here, and nearly none holds a credit:
/// one automaton pass finds the labels, and a line with none that cannot
/// be a signature costs nothing more.
pub fn find_credits(line: &str) -> Vec<Credit> {
    let labels = labels_in(line);
    if labels.is_empty() && !may_be_signature(line) {
        return Vec::new();
    }
    let chars: Vec<char> = line.chars().collect();
    let mut credits = Vec::new();
    for label in labels {
        let start = line[..label.byte].chars().count();
        // 作者: or 文/ after a space is a field of a page header,
        // however long the header line.
        let field = label.field && (start == 0 || chars[start - 1] == ' ');
        // 拍摄任务: a one-char label inside a word is no label.
        let in_word = label.chars == 1 && start > 0 && is_cjk(chars[start - 1]);
        if !in_word && (field || opens_byline(&chars, start)) {
            credits.extend(names_from(&chars, start + label.chars, label.author));
        }
    }
    if credits.is_empty() {
        credits.extend(signature(&chars));
    }
    credits.sort_by_key(|c| c.span);
    credits.dedup_by_key(|c| c.span);
    credits
}

/// A label found in a line.
struct Label {
    byte: usize,
    chars: usize,
    author: bool,
    /// Ends with `:` or `/`: names a field (作者:, 文/).
    field: bool,
}

/// Every occurrence of every label (overlapping: 编辑: inside 责任编辑:),
/// the author labels' first, as the credits of a span are kept in that
/// order.
fn labels_in(line: &str) -> Vec<Label> {
    let mut found: Vec<Label> = labels()
        .find_overlapping_iter(line)
        .map(|m| {
            let index = m.pattern().as_usize();
            Label {
                byte: m.start(),
                chars: LABELS[index].chars().count(),
                author: index < AUTHOR_LABELS,
                field: LABELS[index].ends_with(FIELD_MARKS),
            }
        })
        .collect();
    found.sort_by_key(|l| !l.author);
    found
}

fn labels() -> &'static AhoCorasick {
    static AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    AUTOMATON.get_or_init(|| AhoCorasick::new(LABELS).expect("the labels are a few short words"))
}

/// Can [`signature`] find a name in `line`: bracketed, or two or three
/// chars long?
fn may_be_signature(line: &str) -> bool {
    let first_run = line.split(' ').next().map_or(0, |r| r.chars().count());
    line.starts_with(OPEN_BRACKETS) || SIGNATURE_CHARS.contains(&first_run)
}

/// The text before a label is a short lead (本报讯, (福州日报, □本报) and
/// not a sentence.
fn opens_byline(chars: &[char], start: usize) -> bool {
    let line_start = chars[..start]
        .iter()
        .rposition(|&c| ['。', '，', ',', '；', ';', '(', '（'].contains(&c))
        .map_or(0, |p| p + 1);
    let bracketed = line_start > 0 && OPEN_BRACKETS.contains(&chars[line_start - 1]);
    chars.len() <= MAX_LINE
        || start - line_start <= 12 && (bracketed || line_is_lead(chars, line_start, start))
}

fn line_is_lead(chars: &[char], from: usize, to: usize) -> bool {
    let lead = string(chars, from, to);
    lead.is_empty()
        || lead.contains("讯")
        || lead.contains('(')
        || lead.contains('（')
        || lead.contains("本报")
        || lead.contains("本刊")
}

/// The names after a label, up to the end of the credit.
fn names_from(chars: &[char], at: usize, mut author: bool) -> Vec<Credit> {
    let mut credits = Vec::new();
    // 撰稿:邓娟 as well as 撰稿 邓娟.
    let mut i = at + usize::from(matches!(chars.get(at), Some(':') | Some('：')));
    // The author's unit before the names (作者:中共望城区委组织部 刘洋).
    let mut unit_skipped = false;
    loop {
        while i < chars.len() && NAME_SEPARATORS.contains(&chars[i]) {
            i += 1;
        }
        let start = i;
        // A transliterated name runs on across its middle dot (古丽米拉·
        // 艾合买提).
        let dot_inside = |i: usize| {
            i > start && DOTS.contains(&chars[i]) && chars.get(i + 1).is_some_and(|&c| is_cjk(c))
        };
        while i < chars.len() && (is_cjk(chars[i]) || dot_inside(i)) {
            i += 1;
        }
        if start == i {
            break;
        }
        if matches!(chars.get(i), Some(':') | Some('：')) {
            // The next field's label glued to a name ends it
            // (编辑:王芳责编:李明).
            match field_label_before(chars, i) {
                Some(n) if i - n > start => i -= n,
                _ => break,
            }
        }
        // A two-char name spaced to the width of three (记者 左 京).
        if i - start == 1 && is_spaced_given_name(chars, i) {
            i += 2;
        }
        let mut run: String = chars[start..i].iter().filter(|&&c| c != ' ').collect();
        if PHOTO_TAILS.contains(&run.as_str()) {
            // 摄影/王强 is the next credit's label, not this one's tail.
            if !chars.get(i).is_some_and(|c| FIELD_MARKS.contains(c)) {
                photographers(&mut credits);
            }
            break;
        }
        if !credits.is_empty() && is_common_word(&run) {
            break;
        }
        let mut tailed = false;
        for tail in TAILS {
            if let Some(r) = run.strip_suffix(tail) {
                run = r.to_owned();
                tailed = true;
                if PHOTO_TAILS.contains(tail) {
                    author = false;
                }
            }
        }
        // 长沙|报道: the place a report was filed from.
        if tailed && super::known_area(&run).is_some() {
            break;
        }
        let mut names = if run.contains(DOTS) {
            vec![run.clone()]
        } else {
            split_names(&run)
        };
        // Between a label and a credit word (记者琚振华摄) a name is one
        // whatever its surname: the lexicon lacks the rarest. So is the
        // first run after a label standing alone (实习生 吴越: 越 is no
        // given name elsewhere, 吴越 a dictionary word).
        let short = (2..=3).contains(&run.chars().count());
        let alone_after_label = credits.is_empty()
            && lexicon().surname_of(&run).is_some()
            && !ends_in_organ(&run)
            && chars.get(i).is_none_or(|c| NAME_SEPARATORS.contains(c));
        let framed = tailed && !is_common_word(&run) || alone_after_label;
        if names.is_empty() && short && framed {
            names.push(run.clone());
        }
        if names.is_empty() && credits.is_empty() && !unit_skipped && names_a_unit(&run) {
            unit_skipped = true;
            continue;
        }
        if names.is_empty() {
            break;
        }
        let mut offset = start;
        for name in names {
            let len = name.chars().count();
            credits.push(Credit {
                span: Span::new(offset, offset + len),
                name,
                author,
                alone: false,
            });
            offset += len;
        }
        if !author {
            photographers(&mut credits);
        }
        if !chars.get(i).is_some_and(|c| NAME_SEPARATORS.contains(c)) {
            break;
        }
    }
    credits
}

/// Is `run` an organization's name (…组织部, …委员会): the unit an
/// author signs for, before the name?
fn names_a_unit(run: &str) -> bool {
    run.chars().count() > 3 && organ_head_ending(run).is_some()
}

/// The length of the label of a field (责编 of 责编:) ending right before
/// the colon at `colon`.
fn field_label_before(chars: &[char], colon: usize) -> Option<usize> {
    LABELS
        .iter()
        .filter_map(|l| l.strip_suffix([':', '：']))
        .map(|l| (l, l.chars().count()))
        .find(|&(l, n)| n <= colon && l.chars().eq(chars[colon - n..colon].iter().copied()))
        .map(|(_, n)| n)
}

/// After a one-char run ending at `i`: a space, then one char and the end
/// of the credit: the given name of a spaced two-char name.
fn is_spaced_given_name(chars: &[char], i: usize) -> bool {
    chars.get(i) == Some(&' ')
        && chars.get(i + 1).is_some_and(|&c| is_cjk(c))
        && chars.get(i + 2).is_none_or(|&c| !is_cjk(c))
        && !TAILS.contains(&string(chars, i + 1, i + 2).as_str())
        && lexicon().surnames.contains_key(&chars[i - 1].to_string())
}

/// Names followed by 摄 took the pictures: people, not authors
/// (新华社记者 赵子硕 摄).
fn photographers(credits: &mut [Credit]) {
    for c in credits {
        c.author = false;
    }
}

/// A signature: a short bracketed line ending in a name after a space
/// ((…组织部 聂祥蕊)), or a bare name alone on its line.
fn signature(chars: &[char]) -> Vec<Credit> {
    // Page furniture after a signature: (黄盛后) |
    let end = chars.len()
        - chars
            .iter()
            .rev()
            .take_while(|c| [' ', '|', '｜'].contains(c))
            .count();
    let chars = &chars[..end];
    let inner: Vec<char> = chars
        .iter()
        .copied()
        .skip_while(|c| OPEN_BRACKETS.contains(c))
        .collect();
    let bracketed = inner.len() < chars.len() && matches!(chars.last(), Some(')') | Some('）'));
    if bracketed {
        let body_end = chars.len() - 1;
        let body_start = chars.len() - inner.len();
        let from = chars[..body_end]
            .iter()
            .rposition(|&c| c == ' ')
            .map_or(body_start, |space| space + 1);
        return names_from(&chars[..body_end], from, true);
    }
    if SIGNATURE_CHARS.contains(&chars.len()) || names_only(chars) {
        let mut credits = names_from(chars, 0, true);
        credits.iter_mut().for_each(|c| c.alone = true);
        return credits;
    }
    if before_header(chars) {
        return names_from(chars, 0, true);
    }
    Vec::new()
}

/// A line of two to four names and nothing else: 许幼飞 王柏林.
fn names_only(chars: &[char]) -> bool {
    let runs: Vec<&[char]> = chars
        .split(|&c| c == ' ')
        .filter(|r| !r.is_empty())
        .collect();
    (2..=4).contains(&runs.len())
        && runs.iter().all(|r| {
            SIGNATURE_CHARS.contains(&r.len())
                && split_names(&r.iter().collect::<String>()).len() == 1
        })
}

/// A name before a page header's label: 陈晨 发布时间:2020-09-30.
fn before_header(chars: &[char]) -> bool {
    let Some(space) = chars.iter().position(|&c| c == ' ') else {
        return false;
    };
    let rest = string(chars, space + 1, chars.len());
    SIGNATURE_CHARS.contains(&space)
        && chars[..space].iter().all(|&c| is_cjk(c))
        && HEADER_LABELS.iter().any(|l| rest.starts_with(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authors(line: &str) -> Vec<String> {
        find_credits(line)
            .into_iter()
            .filter(|c| c.author)
            .map(|c| c.name)
            .collect()
    }

    #[test]
    fn byline_forms() {
        assert_eq!(authors("文/马博"), ["马博"]);
        assert_eq!(authors("撰文/马博 摄影/王强"), ["马博"]);
        assert_eq!(authors("文/本刊记者 李胜基"), ["李胜基"]);
        assert_eq!(authors("本报记者 曲宏"), ["曲宏"]);
        assert_eq!(
            authors("本报讯 记者曲宏报道 抚顺县峡河乡三家子村党支部书记邓玉国近来特别感慨"),
            ["曲宏"]
        );
        assert_eq!(authors("(福州日报记者 龚莹)"), ["龚莹"]);
        assert_eq!(authors("□本报记者 郭荣 通讯员 郭小岗"), ["郭荣", "郭小岗"]);
        assert_eq!(
            authors("(内蒙古巴彦淖尔市乌拉特前旗旗委组织部 聂祥蕊)"),
            ["聂祥蕊"]
        );
        assert_eq!(
            authors("本报讯(通讯员向红梅郑英)日前,荆州区召开"),
            ["向红梅", "郑英"]
        );
        assert_eq!(
            authors("(浙江在线记者 吕玥 孙磊 张梦月)"),
            ["吕玥", "孙磊", "张梦月"]
        );
        assert_eq!(authors("曲宏"), ["曲宏"]);
        assert_eq!(authors("许幼飞 王柏林"), ["许幼飞", "王柏林"]);
        assert_eq!(authors("(黄盛后) |"), ["黄盛后"]);
        assert_eq!(
            authors("陈晨 发布时间:2020-09-30 10:32:00来源: 新华网"),
            ["陈晨"]
        );
        assert_eq!(authors("记者 王丽 通讯员 陈强 长沙报道"), ["王丽", "陈强"]);
        assert_eq!(authors("□ 本报记者 周敏 实习生 吴越"), ["周敏", "吴越"]);
        assert_eq!(authors("作者:中共长沙市望城区委组织部 刘洋"), ["刘洋"]);
        assert_eq!(
            authors("信息来源:望城区委组织部 撰稿:邓娟 审核:彭刚 发布时间:2023-05-06"),
            ["邓娟"]
        );
    }

    #[test]
    fn a_dotted_name_is_one_author() {
        assert_eq!(authors("记者 古丽米拉·艾合买提"), ["古丽米拉·艾合买提"]);
        assert_eq!(
            authors("记者 买买提江·吐尔逊 王丽"),
            ["买买提江·吐尔逊", "王丽"]
        );
    }

    #[test]
    fn names_spaced_or_listed_with_a_comma() {
        assert_eq!(authors("◎本刊记者 左 京"), ["左京"]);
        assert_eq!(
            authors("新华每日电讯记者李坤晟、黄书波"),
            ["李坤晟", "黄书波"]
        );
        assert_eq!(
            authors("09:09:45   来源: 湖北日报   作者:熊家余 谢慧敏   点击:"),
            ["熊家余", "谢慧敏"]
        );
    }

    #[test]
    fn photographers_are_credits_but_not_authors() {
        let credits = find_credits("新华社记者 赵子硕 摄");
        assert_eq!(credits.len(), 1);
        assert!(!credits[0].author);
        assert!(authors("本报记者 张三摄").is_empty());
        let credits = find_credits("本版图片均由本报记者琚振华摄");
        assert_eq!(credits.len(), 1, "{credits:?}");
        assert_eq!(credits[0].name, "琚振华");
        let credits = find_credits("洗衣房 (摄/王文娟)");
        assert_eq!(
            (credits[0].name.as_str(), credits[0].author),
            ("王文娟", false)
        );
    }

    #[test]
    fn editors_are_credits_but_not_authors() {
        let credits = find_credits("【责任编辑:朱红杰】");
        assert_eq!(credits.len(), 1);
        assert!(!credits[0].author);
        assert_eq!(credits[0].name, "朱红杰");
    }

    #[test]
    fn author_and_editor_on_one_line() {
        let credited = |line: &str| -> Vec<(String, bool)> {
            find_credits(line)
                .into_iter()
                .map(|c| (c.name, c.author))
                .collect()
        };
        assert_eq!(
            credited("作者：刘彤 责任编辑：王海"),
            [("刘彤".to_owned(), true), ("王海".to_owned(), false)]
        );
        assert_eq!(
            credited("（编辑：王芳 责编：李明）"),
            [("王芳".to_owned(), false), ("李明".to_owned(), false)]
        );
        assert_eq!(
            credited("编辑：王芳责编：李明"),
            [("王芳".to_owned(), false), ("李明".to_owned(), false)]
        );
        assert_eq!(
            credited("本报记者 王强 实习生 李明"),
            [("王强".to_owned(), true), ("李明".to_owned(), true)]
        );
        assert_eq!(credited("文/图 王强"), [("王强".to_owned(), true)]);
        assert_eq!(
            credited("撰文：马博 图片：王强"),
            [("马博".to_owned(), true), ("王强".to_owned(), false)]
        );
    }

    #[test]
    fn lines_without_a_label_or_a_signature_give_nothing() {
        assert!(find_credits("社区党委书记带领志愿者走访居民").is_empty());
        // 摄 inside a word (拍摄) credits no one.
        assert!(find_credits("结束在北京的拍摄任务。").is_empty());
        assert!(find_credits("").is_empty());
    }

    #[test]
    fn sentences_mentioning_reporters_are_not_bylines() {
        assert!(authors("近日,城市晚报全媒体记者了解到,民政部公示了全国先进基层群众性自治组织名单和其他的一些内容").is_empty());
    }
}
