//! People: a surname from the lexicon followed by one or two given-name
//! characters, where jieba tags a name or a post title, reporter label or
//! similar cue stands right before it.

use super::appointment;
use super::segment::{is_common_word, is_frequent_entry, is_frequent_word, jieba, Word};
use super::text::{has_at, string, word_ending_at};
use crate::lexicon::lexicon;
use crate::lexicon::WordList;
use crate::model::{ArticleFacts, EntityKind, Mention, Span};
use crate::normalize::is_cjk;
use std::sync::OnceLock;

/// Words after a name that show it is one.
const AFTER_CUES: &[&str] = &[
    "(左",
    "(右",
    "(中",
    "（左",
    "（右",
    "（中",
    "同志",
    "说",
    "介绍",
    "表示",
    "指出",
    "告诉",
    "总书记",
    "主席",
];

/// A profile's opening after a name: 王丽,女,1980年出生.
const SEX_MARKERS: &[&str] = &[
    ",女,",
    "，女，",
    ",男,",
    "，男，",
    "(女",
    "（女",
    "(男",
    "（男",
];

pub fn find_persons(chars: &[char], words: &[Word], taken: &[Span]) -> Vec<Span> {
    let mut found: Vec<Span> = Vec::new();
    let mut add = |span: Span| {
        if !taken.iter().any(|t| t.overlaps(&span)) && !found.iter().any(|f| f.overlaps(&span)) {
            found.push(span);
        }
    };
    let cues = cue_ends(chars);
    // Before the surname rules, which would take 苏|依拉 out of 乌云苏依拉.
    for span in super::minority_name::find(chars, &cues, |k| ends_name(chars, k)) {
        add(span);
    }
    for &at in &cues {
        if let Some(span) = name_after_title(chars, words, at, taken)
            .or_else(|| name_at(chars, words, at))
            .or_else(|| surnameless_after_cue(chars, at))
        {
            add(span);
        }
    }
    for span in names_before_posts(chars, taken) {
        add(span);
    }
    for span in names_before_post_verbs(chars, taken)
        .into_iter()
        .chain(names_before_honours(chars))
    {
        add(span);
    }
    for span in names_before_counts(chars)
        .into_iter()
        .chain(profile_subjects(chars))
        .chain(photographers(chars))
        .chain(appositive_subjects(chars))
        .chain(names_after_posts(chars))
        .chain(clause_subjects(chars, words, taken))
    {
        add(span);
    }
    for w in words.iter().filter(|w| w.is_person_tag()) {
        let name = string(chars, w.start, w.end);
        let span = Span::new(w.start, w.end);
        // jieba's dictionary tags many ordinary words nr (阳光, 晋升): trust
        // the tag only for a new word the HMM found, or with a cue after it.
        let given: String = name.chars().skip(1).collect();
        let new_word =
            !jieba().has_word(&name) && name.chars().count() == 3 && !is_common_word(&given);
        if (new_word || cue_after(chars, w.end)) && is_name(&name) {
            add(span);
        }
    }
    for span in names_in_frames(chars, words, taken)
        .into_iter()
        .chain(listed_between(chars, words))
    {
        add(span);
    }
    // A list goes on with names (王强、李明、张华; 杨大海、王秀英夫妇).
    let mut k = 0;
    while k < found.len() {
        let at = found[k];
        for next in [
            listed_after(chars, words, at),
            listed_before(chars, words, at),
        ]
        .into_iter()
        .flatten()
        {
            if !taken.iter().chain(&found).any(|t| t.overlaps(&next)) {
                found.push(next);
            }
        }
        k += 1;
    }
    found.retain(|&span| !opens_a_quoted_term(chars, span));
    for span in &mut found {
        *span = without_time_particle(chars, *span);
    }
    found.sort();
    found
}

/// Words of time that close a clause after a name (记者见到陶利时,…;
/// 陶利走后,…): not its last given-name char.
const TIME_PARTICLES: &[char] = &['时', '后'];

/// A three-char name whose last char is a particle of time before a clause
/// break, cut to the two chars before it.
fn without_time_particle(chars: &[char], span: Span) -> Span {
    let particle = span.len() == 3 && TIME_PARTICLES.contains(&chars[span.end - 1]);
    let breaks = chars.get(span.end).is_some_and(|c| matches!(c, ',' | '，'));
    let shorter = Span::new(span.start, span.end - 1);
    if particle && breaks && is_name(&string(chars, shorter.start, shorter.end)) {
        shorter
    } else {
        span
    }
}

/// The longest quoted term, in chars, read as a name of its own.
const QUOTED_TERM: usize = 8;

/// Does `span` open a short quote that goes on past it without a break
/// (“阳光说事”, “连心说事”)? The quote names a program or a saying; its
/// first word only looks like a speaker's name before 说.
fn opens_a_quoted_term(chars: &[char], span: Span) -> bool {
    let opened = span.start > 0 && super::text::is_quote_open(chars[span.start - 1]);
    let close = chars[span.end..]
        .iter()
        .take(QUOTED_TERM)
        .position(|&c| super::text::is_quote_close(c) || !is_cjk(c));
    opened && close.is_some_and(|k| k > 0 && super::text::is_quote_close(chars[span.end + k]))
}

/// Frames around a leader's or helper's name: 在王强的带领下, 在…的陪同下;
/// 王强带领… or a speaker (”梁文静说) at a clause start.
const UNDER: &[&str] = &[
    "带领下",
    "陪同下",
    "帮助下",
    "指导下",
    "组织下",
    "关心下",
    "支持下",
];
const LEADS: &[&str] = &[
    "带领",
    "率领",
    "陪同",
    "说",
    "表示",
    "介绍",
    "告诉记者",
    "坦言",
];

/// Names in [`UNDER`] frames (在|X|的…下) and before [`LEADS`] verbs at a
/// clause start.
fn names_in_frames(chars: &[char], words: &[Word], taken: &[Span]) -> Vec<Span> {
    let mut found = Vec::new();
    for at in 0..chars.len() {
        let framed = |len: usize| {
            chars.get(at + 1 + len) == Some(&'的')
                && UNDER.iter().any(|u| has_at(chars, at + 2 + len, u))
        };
        let under = (chars[at] == '在')
            .then(|| [3, 2].into_iter().find(|&len| framed(len)))
            .flatten()
            .map(|len| Span::new(at + 1, at + 1 + len));
        let clause_start =
            at == 0 || CLAUSE_BREAKS.contains(&chars[at - 1]) || chars[at - 1] == '”';
        let leads = clause_start.then(|| {
            [3, 2]
                .into_iter()
                .find(|&len| LEADS.iter().any(|l| has_at(chars, at + len, l)))
                .map(|len| Span::new(at, at + len))
        });
        let span = under.or(leads.flatten());
        // 但|村民说: a one-char function word is no surname.
        let function_word = |at: usize| {
            words
                .iter()
                .any(|w| w.start == at && w.end == at + 1 && is_function_tag(w.tag()))
        };
        found.extend(span.filter(|s| {
            s.end <= chars.len()
                && !taken.iter().any(|t| t.overlaps(s))
                && is_name(&string(chars, s.start, s.end))
                && !starts_inside_word(words, s.start)
                && !function_word(s.start)
        }));
    }
    found
}

/// Does a jieba word run across `at` from before it?
fn starts_inside_word(words: &[Word], at: usize) -> bool {
    words.iter().any(|w| w.start < at && at < w.end)
}

/// The name after `prev` and a 、, ending where a name ends (、, 等, 夫妇,
/// a break or a word that ends names).
fn listed_after(chars: &[char], words: &[Word], prev: Span) -> Option<Span> {
    let mark = *chars.get(prev.end)?;
    if !LIST_MARKS.contains(&mark) && !LAST_ITEM_MARKS.contains(&mark) {
        return None;
    }
    let at = prev.end + 1;
    [3, 2]
        .into_iter()
        .map(|len| Span::new(at, at + len))
        .find(|s| {
            // Names listed with spaces (名单:王小明 李红霞) end at a space.
            let ends = || {
                if mark == ' ' {
                    chars.get(s.end).is_none_or(|&c| c == ' ')
                } else {
                    chars.get(s.end) == Some(&'、')
                        || ["等", "夫妇", "两人", "二人"]
                            .iter()
                            .any(|w| has_at(chars, s.end, w))
                        || ends_name(chars, s.end)
                }
            };
            s.end <= chars.len()
                && ends()
                && is_name(&string(chars, s.start, s.end))
                && !starts_inside_word(words, s.end)
        })
}

/// Names listed between 、 and 、 or 和 (A、|邓芸|、C等人, A、|邓芸|和C): a
/// list's middle item of a name's shape, given-name chars after a surname,
/// whole words, where the list is one of names: an item of a name's shape
/// stands on each side too (not 鲜虾皮、牛肉干). The ends of the list
/// follow from it (see [`listed_after`], [`listed_before`]).
fn listed_between(chars: &[char], words: &[Word]) -> Vec<Span> {
    let shaped = |s: usize, e: usize| {
        (2..=3).contains(&(e - s))
            && (s..e).all(|k| is_cjk(chars[k]))
            && is_name(&string(chars, s, e))
            && given_chars_only(&string(chars, s, e))
            && !starts_inside_word(words, s)
            && !words.iter().any(|w| w.start < e && e < w.end)
    };
    let mut found = Vec::new();
    for m in (0..chars.len()).filter(|&i| chars[i] == '、') {
        let before = (2..=3).any(|n| m >= n && shaped(m - n, m));
        let item = (2..=3).map(|n| m + 1 + n).find(|&e| {
            e < chars.len()
                && (chars[e] == '、' || LAST_ITEM_MARKS.contains(&chars[e]))
                && shaped(m + 1, e)
                && (2..=3).any(|n| e + 1 + n <= chars.len() && shaped(e + 1, e + 1 + n))
        });
        if let Some(e) = item.filter(|_| before) {
            found.push(Span::new(m + 1, e));
        }
    }
    found
}

/// Are the chars after `name`'s surname all common in given names?
fn given_chars_only(name: &str) -> bool {
    lexicon().surname_of(name).is_some_and(|surname| {
        name[surname.len()..]
            .chars()
            .all(|c| lexicon().given_name_chars.contains(&c))
    })
}

/// What separates the names of a list: 、, or a space in a roster.
const LIST_MARKS: &[char] = &['、', ' '];
/// Conjunctions before a list's last name (王小红、李明明和赵刚).
const LAST_ITEM_MARKS: &[char] = &['和', '及', '与', '同'];

/// The name listed right before `next` (王小明|、李红霞、赵大伟等…, 邹保|和
/// 范海炎两人): a name after a clause break, another 、 or the line's start.
fn listed_before(chars: &[char], words: &[Word], next: Span) -> Option<Span> {
    let end = next.start.checked_sub(1)?;
    if chars[end] != '、' && !LAST_ITEM_MARKS.contains(&chars[end]) {
        return None;
    }
    [3, 2]
        .into_iter()
        .filter_map(|len| end.checked_sub(len))
        .map(|start| Span::new(start, end))
        .find(|s| {
            // Or after a verb or function word that opens the list (受表彰的
            // 有|张红梅、…, 包括|王强、…).
            let opened = words.iter().any(|w| {
                w.end == s.start && (w.tag().starts_with('v') || is_function_tag(w.tag()))
            });
            let anchored =
                s.start == 0 || !is_cjk(chars[s.start - 1]) || chars[s.start - 1] == '、' || opened;
            anchored
                && is_name(&string(chars, s.start, s.end))
                && !starts_inside_word(words, s.start)
        })
}

/// Where the `known` names of the article stand in this sentence, outside
/// the `taken` and `found` spans. A two-char name must end there (张丽 is
/// not the start of 张丽娟).
pub fn occurrences(
    chars: &[char],
    known: &[Vec<char>],
    taken: &[Span],
    found: &[Span],
) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for name in known {
        let n = name.len();
        for start in (0..=chars.len().saturating_sub(n)).filter(|&s| chars[s..].starts_with(name)) {
            let span = Span::new(start, start + n);
            let free = |s: &Span| !s.overlaps(&span);
            let whole = n > 2 || ends_name(chars, span.end);
            if whole && taken.iter().all(free) && found.iter().all(free) && spans.iter().all(free) {
                spans.push(span);
            }
        }
    }
    spans.sort();
    spans
}

/// Widens a name found inside a longer known name where that name is
/// written (苏依拉 inside 乌云苏依拉, 张丽 inside 张丽娟): rules that start
/// a name at a surname cut a transliterated or longer name an article
/// has already given whole.
pub fn widen_to_known(chars: &[char], known: &[Vec<char>], persons: &mut [Span]) {
    for span in persons.iter_mut() {
        let longer = known.iter().filter(|k| k.len() > span.len()).find_map(|k| {
            let from = span.end.saturating_sub(k.len());
            (from..=span.start)
                .find(|&s| s + k.len() <= chars.len() && chars[s..].starts_with(k))
                .map(|s| Span::new(s, s + k.len()))
        });
        if let Some(longer) = longer {
            *span = longer;
        }
    }
}

/// What a person's name goes on with as the subject of its clause, where
/// no ordinary word does: a copula, an age, a past, a disposal or a
/// passive (张伟是…, 张伟今年45岁, 张伟曾是…, 张伟把积蓄…, 张伟被称为…).
#[rustfmt::skip]
const SUBJECT_GOES_ON: &[&str] = &[
    "是", "今年", "现年", "曾", "曾经", "已经", "一直", "从", "把", "被", "所在", "家住",
    "为", "和", "每天", "每周", "常年", "多年来", "作为", "主动", "带头", "率先", "先后",
    "当选", "荣获", "获评", "获得",
];

/// A name of a surname and common given-name chars that opens a clause
/// (or follows a place and 的: 居住在豪田村的雷桂为…) and goes on with
/// a word of [`SUBJECT_GOES_ON`]: a resident or volunteer the text brings
/// in without a title. jieba tags only some such names; the shape, a word
/// boundary after it and the verb decide. A dictionary word (许多, 文明)
/// or a known place is none.
fn clause_subjects(chars: &[char], words: &[Word], taken: &[Span]) -> Vec<Span> {
    let opens = |k: usize| {
        opens_a_clause(chars, k) || chars[k - 1] == '的' && taken.iter().any(|t| t.end + 1 == k)
    };
    let goes_on = |end: usize| subject_words().starting_at(chars, end).is_some();
    (0..chars.len())
        .filter(|&k| opens(k))
        .filter_map(|start| {
            [3, 2]
                .into_iter()
                .map(|n| start + n)
                .find(|&end| {
                    end < chars.len()
                        && goes_on(end)
                        && !words.iter().any(|w| w.start < end && end < w.end)
                        && !taken.iter().any(|t| t.start < end && start < t.end)
                        && is_name(&string(chars, start, end))
                        && given_chars_only(&string(chars, start, end))
                        && !is_frequent_entry(&string(chars, start, end))
                        && crate::extract::known_area(&string(chars, start, end)).is_none()
                })
                .map(|end| Span::new(start, end))
        })
        .collect()
}

/// [`SUBJECT_GOES_ON`] indexed by their first chars.
fn subject_words() -> &'static WordList {
    static WORDS: OnceLock<WordList> = OnceLock::new();
    WORDS.get_or_init(|| WordList::new(SUBJECT_GOES_ON.iter().map(|w| w.to_string()).collect()))
}

/// Chars after which a clause starts.
const CLAUSE_BREAKS: &[char] = &[
    '，', ',', '。', '；', ';', '：', ':', '、', '“', '！', '？', ' ',
];

/// Does a clause start at `k`: the sentence's start or after a break, not
/// inside a quoted term (“安架房”)?
fn opens_a_clause(chars: &[char], k: usize) -> bool {
    k == 0 || CLAUSE_BREAKS.contains(&chars[k - 1]) && chars[k - 1] != '“'
}

/// Whom the article is about: a word jieba tags as a name that starts a
/// clause and goes on with a function word or a verb of [`NAME_ENDS`]
/// (张丽就起床了) at least twice. A feature names its subject that way,
/// without a post title; once alone would be too weak a sign.
pub fn recurring_subjects<'a>(
    sentences: impl Iterator<Item = (&'a [char], &'a [Word])>,
) -> Vec<Vec<char>> {
    let mut counts: rustc_hash::FxHashMap<&[char], usize> = Default::default();
    for (chars, words) in sentences {
        let mut counted = Vec::new();
        for w in words.iter().filter(|w| w.is_person_tag()) {
            let clause_start = w.start == 0 || CLAUSE_BREAKS.contains(&chars[w.start - 1]);
            if clause_start && ends_name(chars, w.end) && is_name(&string(chars, w.start, w.end)) {
                *counts.entry(&chars[w.start..w.end]).or_default() += 1;
                counted.push(w.start);
            }
        }
        // jieba's HMM cuts many three-char names (康国/ns|珍, 徐|秋思):
        // a surname and given name by their shape, up to a word boundary
        // where the clause goes on, count too; not a quoted term (“安架房”).
        let clause_starts = (0..chars.len())
            .filter(|&k| opens_a_clause(chars, k))
            .filter(|k| !counted.contains(k));
        for start in clause_starts {
            let shaped = [3, 2].into_iter().map(|n| start + n).find(|&end| {
                end < chars.len()
                    && ends_name(chars, end)
                    && !words.iter().any(|w| w.start < end && end < w.end)
                    && is_name(&string(chars, start, end))
                    && crate::extract::known_area(&string(chars, start, end)).is_none()
            });
            if let Some(end) = shaped {
                *counts.entry(&chars[start..end]).or_default() += 1;
            }
        }
    }
    let mut names: Vec<Vec<char>> = counts
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(name, _)| name.to_vec())
        .collect();
    names.sort();
    names
}

/// A name right before a post title, right after an organization or area
/// (朝阳邮政局马畅达行长) or at a clause start.
fn names_before_posts(chars: &[char], taken: &[Span]) -> Vec<Span> {
    let lex = lexicon();
    let mut found = Vec::new();
    for r in 2..chars.len() {
        if lex.roles.starting_at(chars, r).is_none() {
            continue;
        }
        for len in [3, 2] {
            let Some(start) = r.checked_sub(len) else {
                continue;
            };
            let name = string(chars, start, r);
            let anchored =
                start == 0 || !is_cjk(chars[start - 1]) || taken.iter().any(|t| t.end == start);
            // 向|杨主任: a preposition, then a surname and a title.
            let preposition = len == 2 && FUNCTION_CHARS.contains(&chars[start]);
            // 司法所|所长: an ordinary word is no surname and given name.
            let word = is_common_word(&string(chars, start, start + 2));
            if anchored && !preposition && !word && is_name(&name) && !part_of_post(chars, start, r)
            {
                found.push(Span::new(start, r));
                break;
            }
        }
    }
    found
}

/// The brackets that give a listed person's post (王强(青山村党支部书记)),
/// besides the verbs of posts (刘长河是…书记, 李红梅当选…).
const POST_BRACKETS: &[&str] = &["(", "（"];

/// A name before a verb of posts or a bracket and a post of a named unit, at a
/// clause start, after 的 or a cue word: 现年45岁的刘长河是东岳村党支部书记,
/// 王伟到大湾村担任第一书记; also before 是一名/是一位 (…的周秀英是一名
/// 退休教师).
fn names_before_post_verbs(chars: &[char], taken: &[Span]) -> Vec<Span> {
    let mut found = Vec::new();
    for v in 2..chars.len() {
        let Some(verb) = super::appointment::post_verbs()
            .starting_at(chars, v)
            .or_else(|| POST_BRACKETS.iter().copied().find(|w| has_at(chars, v, w)))
        else {
            continue;
        };
        let mut e = v + verb.chars().count();
        while let Some(t) = taken.iter().filter(|t| t.start == e).max_by_key(|t| t.end) {
            e = t.end;
        }
        // 王强是一名老党员: 名 and 位 count people only.
        let one_of = verb == "是" && ["一名", "一位"].iter().any(|w| has_at(chars, e, w));
        // 王丽是青山村的(一名)第一书记: 的 between the unit and the post.
        let post_at = if e > v + verb.chars().count() {
            e + super::appointment::link_after_unit(chars, e)
        } else {
            e
        };
        if lexicon().roles.starting_at(chars, post_at).is_none() && !one_of {
            continue;
        }
        // The name stands right before the verb, or before 到/在 and the
        // place of the post (王伟到大湾村担任第一书记); without a place
        // before, the post's unit follows the verb.
        let end = match went_to(chars, taken, v) {
            to if to < v => to,
            _ if one_of || e > v + verb.chars().count() => {
                let at = address_before(chars, adverb_before(chars, v));
                aside_before(chars, time_phrase_before(chars, at))
            }
            _ if heads_a_name_before(chars, taken, v, post_at) => v,
            _ => continue,
        };
        let name = [3, 2]
            .into_iter()
            .filter_map(|len| end.checked_sub(len))
            .find(|&start| {
                // 选派干部|陈晓东|到…任第一书记: too loose a cue elsewhere.
                let cadre = start >= 2 && has_at(chars, start - 2, "干部");
                // 罗富镇选派|陈云永|到…担任第一书记: the one sent.
                let sent = word_ending_at(chars, start, SENDING).is_some();
                (anchored(chars, taken, start) || cadre || sent)
                    && is_name(&string(chars, start, end))
            });
        found.extend(name.map(|start| Span::new(start, end)));
    }
    found
}

/// Does a name starting at `start` stand where names do: the sentence's
/// start, after a non-CJK char, 的, a name or organization, or a cue word?
fn anchored(chars: &[char], taken: &[Span], start: usize) -> bool {
    taken.iter().any(|t| t.end == start) || opens_a_name(chars, start)
}

/// The sentence's start, a non-CJK char, 的 or a cue word before `start`.
fn opens_a_name(chars: &[char], start: usize) -> bool {
    start == 0
        || !is_cjk(chars[start - 1])
        || chars[start - 1] == '的'
        || lexicon().person_cues.ending_at(chars, start).is_some()
}

/// Chars that end the names of places and rarely a given name (何家湾,
/// 王家庄): an honoured place, not a person.
const PLACE_ENDS: &[char] = &[
    '湾', '村', '庄', '屯', '沟', '街', '路', '巷', '苑', '坝', '塘', '寨', '堡', '圩',
];

/// Verbs of an honour given to a person (…村的顾英被评为优秀共产党员).
const HONOURED: &[&str] = &["被评为", "被授予", "荣获", "获评", "被表彰为"];

/// A name right before a verb of [`HONOURED`], after 的, a cue word or a
/// clause's start; not right after a place, whose parts are honoured too
/// (…社区花村街被评为…).
fn names_before_honours(chars: &[char]) -> Vec<Span> {
    (2..chars.len())
        .filter(|&v| HONOURED.iter().any(|h| has_at(chars, v, h)))
        .filter_map(|end| {
            [3, 2]
                .into_iter()
                .filter_map(|len| end.checked_sub(len))
                .find(|&start| {
                    let name = string(chars, start, end);
                    opens_a_name(chars, start)
                        && is_name(&name)
                        && !PLACE_ENDS.contains(&chars[end - 1])
                })
                .map(|start| Span::new(start, end))
        })
        .collect()
}

/// Does the title at `post` head a name before `at` (组建…志愿服务队,王丽
/// 担任(副)队长): 队长 of the 队 named there?
fn heads_a_name_before(chars: &[char], taken: &[Span], at: usize, post: usize) -> bool {
    let title = lexicon().roles.starting_at(chars, post);
    let Some(head) = title.and_then(appointment::office_head) else {
        return false;
    };
    taken
        .iter()
        .any(|t| t.end <= at && t.end > 0 && chars[t.end - 1] == head)
}

/// Where the form of address 同志 ending at `at` starts, else `at`: it
/// stands between a name and its verb of posts (经研究,王丽同志任…).
fn address_before(chars: &[char], at: usize) -> usize {
    if at >= 2 && has_at(chars, at - 2, appointment::ADDRESS) {
        at - 2
    } else {
        at
    }
}

/// Adverbs between a name and its verb of posts (张强|先后|担任…).
const POST_ADVERBS: &[&str] = &[
    "先后", "曾经", "一直", "长期", "同时", "曾", "现", "已", "还", "又",
];

/// Where an adverb of [`POST_ADVERBS`] ending at `at` starts, else `at`.
pub(super) fn adverb_before(chars: &[char], at: usize) -> usize {
    word_ending_at(chars, at, POST_ADVERBS).unwrap_or(at)
}

/// Where an aside in brackets ending right before `at` opens (王丽|(女,
/// 1980年生)|是…), else `at`.
pub(super) fn aside_before(chars: &[char], at: usize) -> usize {
    if !at
        .checked_sub(1)
        .is_some_and(|c| matches!(chars[c], ')' | '）'))
    {
        return at;
    }
    chars[..at - 1]
        .iter()
        .rposition(|c| matches!(c, '(' | '（'))
        .filter(|&o| {
            !chars[o + 1..at - 1]
                .iter()
                .any(|c| matches!(c, '(' | '（' | ')' | '）'))
        })
        .unwrap_or(at)
}

/// Where a time phrase between a name and its verb starts (李晓东|于2019年
/// |当选, 王强|自2018年3月起|担任): a preposition, a date in digits with
/// 年 or 月, maybe 起 or 以来. `at` itself when there is none.
fn time_phrase_before(chars: &[char], at: usize) -> usize {
    let mut k = at;
    for tail in ["以来", "起"] {
        let n = tail.chars().count();
        if k >= n && has_at(chars, k - n, tail) {
            k -= n;
            break;
        }
    }
    let date_end = k;
    while k > 0 && (chars[k - 1].is_ascii_digit() || "年月日".contains(chars[k - 1])) {
        k -= 1;
    }
    let date = &chars[k..date_end];
    let dated = date.iter().any(char::is_ascii_digit) && date.iter().any(|c| "年月".contains(*c));
    match k.checked_sub(1) {
        Some(p) if dated && "于自从在".contains(chars[p]) => p,
        _ if dated => k,
        _ => at,
    }
}

/// Verbs of being sent that stand between a name and 到 (王伟|被选派|到
/// 大湾村|担任…).
/// Verbs of sending or appointing whose object, a name, goes on with
/// the verb of its post (县委选派|王伟|到大湾村担任…).
const SENDING: &[&str] = &[
    "选派", "派驻", "下派", "委派", "派出", "选调", "抽调", "调派", "推荐", "任命", "选聘",
];

const SENT: &[&str] = &[
    "被选派",
    "被派驻",
    "被下派",
    "被派",
    "被调",
    "选派",
    "派驻",
    "下派",
];

/// Where 到/在/赴 stands before the units (`units`) ending at `at`
/// (王伟|到|大湾村|任), or a verb of being sent before 到 (王伟|被选派到
/// 大湾村|任): a person ending there goes on with the verb at `at` as if
/// right before it. `at` itself when there is none.
pub fn went_to(chars: &[char], units: &[Span], at: usize) -> usize {
    let mut place = at;
    while let Some(u) = units
        .iter()
        .filter(|u| u.end == place)
        .min_by_key(|u| u.start)
    {
        place = u.start;
    }
    match place.checked_sub(1) {
        Some(to) if place < at && ['到', '在', '赴'].contains(&chars[to]) => {
            let sent = (chars[to] == '到').then(|| word_ending_at(chars, to, SENT));
            sent.flatten().unwrap_or(to)
        }
        _ => at,
    }
}

/// Where the clause ending at `end` starts, if it opens with 作为 or 身为
/// (作为村党支部书记|,刘洋…): it gives the post of the person named next.
pub fn as_clause_before(chars: &[char], end: usize) -> Option<usize> {
    let clause = chars[..end]
        .iter()
        .rposition(|c| CLAUSE_BREAKS.contains(c))
        .map_or(0, |k| k + 1);
    ["作为", "身为"]
        .iter()
        .any(|w| has_at(chars, clause, w))
        .then_some(clause)
}

/// The first name of a group given by count or by what they are, at a
/// clause start: 任红梅等10人获得…, 王强等三名同志, 罗清泉等领导考察….
fn names_before_counts(chars: &[char]) -> Vec<Span> {
    first_names_before(chars, |k| {
        chars[k] == '等' && (counts_people(&chars[k + 1..]) || names_a_group(&chars[k + 1..]))
    })
}

/// A profile's subject: a name at a clause start, then the sex
/// (李红梅,女,1978年出生,现任…) or the family it heads (王建军一家,
/// 张德厚夫妇).
fn profile_subjects(chars: &[char]) -> Vec<Span> {
    first_names_before(chars, |k| {
        SEX_MARKERS
            .iter()
            .chain(FAMILIES)
            .any(|m| has_at(chars, k, m))
            || profile_field_at(chars, k)
    })
}

/// Longest ethnic group's name before 族 (维吾尔族, 土家族).
const MAX_ETHNIC: usize = 4;

/// A profile's first field other than the sex, as its own clause after the
/// name: party membership or ethnic group (王丽,中共党员,…; 王丽,汉族,…).
fn profile_field_at(chars: &[char], k: usize) -> bool {
    if !chars.get(k).is_some_and(|c| matches!(c, ',' | '，')) {
        return false;
    }
    let field: String = chars[k + 1..]
        .iter()
        .take_while(|c| !matches!(c, ',' | '，' | '。'))
        .take(MAX_ETHNIC + 2)
        .collect();
    let closed = chars
        .get(k + 1 + field.chars().count())
        .is_some_and(|c| matches!(c, ',' | '，'));
    closed
        && (field == "中共党员"
            || field.ends_with('族') && (2..=MAX_ETHNIC + 1).contains(&field.chars().count()))
}

/// A name at a clause start whose next clause is a post (王丽,青山社区
/// 党委书记、居委会主任,…): the post in apposition names a person.
fn appositive_subjects(chars: &[char]) -> Vec<Span> {
    first_names_before(chars, |k| {
        if ![',', '，'].contains(&chars[k]) {
            return false;
        }
        let from = k + 1;
        let end = chars[from..]
            .iter()
            .position(|c| APPOSITION_ENDS.contains(c))
            .map_or(chars.len(), |p| from + p);
        (2..=MAX_APPOSITION).contains(&(end - from))
            && chars[from..end].iter().all(|&c| is_cjk(c))
            && lexicon().roles.ending_at(chars, end).is_some()
    })
}

/// A name after a post and a copula or 由 (村党支部书记是王丽。, 书记由王丽
/// 兼任).
fn names_after_posts(chars: &[char]) -> Vec<Span> {
    (1..chars.len())
        .filter(|&k| appointment::COPULAS.contains(&chars[k]) || chars[k] == appointment::BY)
        .filter_map(|k| {
            [3, 2]
                .into_iter()
                .map(|len| Span::new(k + 1, k + 1 + len))
                .filter(|s| s.end <= chars.len())
                .find(|&s| {
                    is_name(&string(chars, s.start, s.end))
                        && appointment::inverted_post_end(chars, s) == Some(k)
                })
        })
        .collect()
}

/// Marks that end a post in apposition, and its longest length in chars.
const APPOSITION_ENDS: &[char] = &[',', '，', '。', ';', '；', '、', '(', '（'];
const MAX_APPOSITION: usize = 20;

/// A photo's credit: a name alone before 摄 that ends the text or its
/// bracket (…跳舞。王小明 摄; (王小明 摄)). Who took a picture is a
/// person of the article, not its author.
fn photographers(chars: &[char]) -> Vec<Span> {
    first_names_before(chars, |k| {
        let at = k + chars[k..].iter().take_while(|c| c.is_whitespace()).count();
        chars.get(at) == Some(&PHOTO_CREDIT) && chars.get(at + 1).is_none_or(|&c| !is_cjk(c))
    })
}

/// The char that credits a photo after its taker's name.
const PHOTO_CREDIT: char = '摄';

/// Words for a person's household after their name.
const FAMILIES: &[&str] = &[
    "一家",
    "夫妇",
    "夫妻",
    "两口子",
    "父子",
    "母子",
    "母女",
    "父女",
];

/// A name at a clause start that ends where `marker` holds.
fn first_names_before(chars: &[char], marker: impl Fn(usize) -> bool) -> Vec<Span> {
    let mut found = Vec::new();
    for k in 2..chars.len() {
        if !marker(k) {
            continue;
        }
        for len in [3, 2] {
            let Some(start) = k.checked_sub(len) else {
                continue;
            };
            let at_start = start == 0 || !is_cjk(chars[start - 1]);
            if at_start && is_name(&string(chars, start, k)) {
                found.push(Span::new(start, k));
                break;
            }
        }
    }
    found
}

/// Words for the people a first name leads (罗清泉等领导, 王强等同志).
const GROUPS: &[&str] = &["领导", "同志", "干部", "人员", "一行"];

/// The group may also be named by a word that introduces people (王丽、
/// 张强等党员志愿者, 李红等居民).
fn names_a_group(rest: &[char]) -> bool {
    GROUPS.iter().any(|g| super::text::has_at(rest, 0, g))
        || lexicon().person_cues.starting_at(rest, 0).is_some()
}

/// Does the text start with a number of people: 10人, 三名, 20位?
fn counts_people(rest: &[char]) -> bool {
    let digits = rest
        .iter()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十百两".contains(**c))
        .count();
    digits > 0
        && rest
            .get(digits)
            .is_some_and(|c| ['人', '名', '位'].contains(c))
}

/// A three-char name written once, whose first two chars stand elsewhere
/// in the article before a word that follows names (第一书记马鹏用自身
/// 特长…, then 马鹏深知…): jieba glued a one-char word to a two-char name.
pub fn shorten_glued_names(facts: &mut ArticleFacts, text: &str) {
    let three = |m: &Mention| m.kind == EntityKind::Person && m.label.chars().count() == 3;
    if !facts.mentions.iter().any(three) {
        return;
    }
    let chars: Vec<char> = text.chars().collect();
    for m in facts.mentions.iter_mut() {
        if !three(m) {
            continue;
        }
        let short: String = m.label.chars().take(2).collect();
        if text.matches(m.label.as_str()).count() != 1 || !is_name(&short) {
            continue;
        }
        let alone = text.match_indices(short.as_str()).any(|(byte, _)| {
            let after = text[..byte].chars().count() + 2;
            !text[byte..].starts_with(m.label.as_str())
                && (ends_name(&chars, after)
                    || chars.len() >= after + 2
                        && is_common_word(&string(&chars, after, after + 2)))
        });
        if alone {
            m.label = short;
            m.evidence.span.end -= 1;
        }
    }
}

/// Is `[start, r)` part of a longer post title (区委|副书记, 组织|部长)?
fn part_of_post(chars: &[char], start: usize, r: usize) -> bool {
    let lex = lexicon();
    let modifier_here = lex.role_modifiers.starting_at(chars, start).is_some();
    // Roles are longest first: if any role here runs past `r`, the first does.
    let post_inside = (start + 1..r).any(|k| {
        lex.roles
            .starting_at(chars, k)
            .is_some_and(|role| k + role.chars().count() > r)
    });
    modifier_here || post_inside
}

/// A post title or a speech verb right after a name (习近平总书记,
/// 马畅达行长, 邓斌说).
fn cue_after(chars: &[char], end: usize) -> bool {
    let lex = lexicon();
    let rest: String = chars[end..chars.len().min(end + 6)].iter().collect();
    AFTER_CUES
        .iter()
        .chain(SEX_MARKERS)
        .any(|c| rest.starts_with(c))
        || lex.roles.starting_at(chars, end).is_some()
}

/// Positions right after a post title or a cue word, or after a post and
/// the 的 or comma that introduce its holder (身为村党支部书记的黄明,
/// 作为村党支部书记,刘洋…).
fn cue_ends(chars: &[char]) -> Vec<usize> {
    let lex = lexicon();
    // The char test first: every position of every sentence comes here.
    let introduced = |e: usize| {
        let by = chars[e - 1];
        let opens =
            by == '的' || [',', '，'].contains(&by) && as_clause_before(chars, e - 1).is_some();
        opens && lex.roles.ending_at(chars, e - 1).is_some()
    };
    // 居民|区 is no cue: the cue word begins an organ's head (居民区有…).
    let cue_word = |e: usize| {
        lex.person_cues.ending_at(chars, e).is_some_and(|(s, _)| {
            lex.org_heads
                .starting_at(chars, s)
                .is_none_or(|h| s + h.chars().count() <= e)
        })
    };
    (1..=chars.len())
        .filter(|&e| {
            lex.roles.ending_at(chars, e).is_some()
                || cue_word(e)
                || (e < chars.len() && chars[e - 1] == '”' && e >= 2)
                || (e >= 2 && introduced(e))
        })
        // A space may stand between the cue and the name: 主任 任红梅.
        .map(|e| e + chars[e..].iter().take_while(|&&c| c == ' ').count())
        .collect()
}

/// A name starting at `at`: the surname plus the given name as jieba cut
/// it, two or three characters in all (four with a compound surname).
pub fn name_at(chars: &[char], words: &[Word], at: usize) -> Option<Span> {
    let rest: String = chars[at..chars.len().min(at + 4)].iter().collect();
    let surname = lexicon().surname_of(&rest)?.chars().count();
    let word = words.iter().find(|w| w.start == at)?;
    let len = word.end - word.start;
    // 和|网格员, 向|城市: the "surname" is a function word here; so is a
    // verb before a dictionary word (学生|来|村里|支教).
    if len == surname && matches!(word.tag(), "c" | "p" | "u" | "uj" | "d" | "r" | "f") {
        return None;
    }
    let next_is_word = || {
        words
            .iter()
            .find(|w| w.start == word.end)
            .is_some_and(|w| is_common_word(&string(chars, w.start, w.end)))
    };
    if len == surname && word.tag() == "v" && next_is_word() {
        return None;
    }
    // 管网格 as one new word: its "given name" is an ordinary word.
    let given: String = chars[at + surname..word.end.min(at + 3)].iter().collect();
    if len == surname + 2 && is_common_word(&given) {
        return None;
    }
    let end = if len == surname + 1 && single_name_char_after(chars, words, word.end) {
        word.end + 1
    } else if (surname + 1..=surname + 2).contains(&len) {
        word.end
    } else if len == surname {
        let next = words.iter().find(|w| w.start == word.end)?;
        let total = next.end - at;
        if total > surname + 2 {
            at + surname + 2
        } else {
            next.end
        }
    } else {
        return None;
    };
    let span = Span::new(at, end);
    let name = string(chars, at, end);
    is_name(&name).then_some(span)
}

/// Words that end a name written right after a post title or cue: speech
/// and attendance verbs, 等, 一行, and the function words and adverbs a
/// clause goes on with (主任陈明说, 部长余雄杰出席, 调研员石振南也…,
/// 马天便是其中之一).
const NAME_ENDS: &[&str] = &[
    "说", "表示", "介绍", "指出", "强调", "告诉", "认为", "坦言", "感慨", "出席", "参加", "主持",
    "讲话", "致辞", "带领", "陪同", "率领", "一行", "等", "同志", "也", "都", "就", "在", "的",
    "和", "与", "及", "是", "为", "到", "来", "向", "对", "从", "把", "将", "已", "正", "曾", "又",
    "还", "则", "却", "笑", "一直", "一起", "每天", "同样", "首先", "当选", "获得", "荣获", "给",
    "让", "被", "于", "以", "所", "亲自", "先后", "多次", "作为", "代表", "主动", "率先", "积极",
    "深入", "走访", "来到", "前往", "看望", "慰问", "带头", "回忆", "现场", "作", "一同", "一道",
    "感叹", "谈到", "谈起", "提到", "解释", "透露", "直言", "高兴", "激动", "动情", "感动", "自豪",
    "欣慰", "摄", "带队", "率队", "调研", "检查", "督导", "宣讲", "讲解", "发言", "表态", "部署",
    "便", "原本", "本来", "始终", "仍", "依然", "总是", "常常", "经常", "立即", "随即", "不仅",
    "不但", "虽然", "早已", "再次", "专程", "特意", "决定",
];

/// [`NAME_ENDS`] indexed by their first chars: asked at every cue and
/// every occurrence of a known name.
fn name_end_words() -> &'static WordList {
    static WORDS: OnceLock<WordList> = OnceLock::new();
    WORDS.get_or_init(|| WordList::new(NAME_ENDS.iter().map(|w| w.to_string()).collect()))
}

/// May a name end at `k`: at a break, a word of [`NAME_ENDS`], a title
/// or a word for a person (王强老师, 高萍振老人家).
fn ends_name(chars: &[char], k: usize) -> bool {
    k == chars.len()
        || !is_cjk(chars[k])
        || name_end_words().starting_at(chars, k).is_some()
        || lexicon().roles.starting_at(chars, k).is_some()
        || lexicon().person_cues.starting_at(chars, k).is_some()
}

/// A name right after a post title or cue, by its shape and what follows
/// it rather than by jieba's cut, which often runs a name into the next
/// word or the title into the name (主任|任红梅, 陈明说). Three chars are
/// tried before two; an ordinary dictionary word (马上, 高度) is no name.
/// A name whose first two chars make an ordinary word (干部, 公众) is none.
fn name_after_title(chars: &[char], words: &[Word], at: usize, taken: &[Span]) -> Option<Span> {
    // 居民|曾颖雪: a surname that is also a word ending names (曾, "once")
    // opens a name where jieba reads a name there.
    // Or jieba reads the given name as a name after it (书记|于/p|桐宇/nr|带领,
    // not 主任|于|近日).
    let read_as_name = || {
        words.iter().any(|w| {
            w.start == at
                && w.end > at + 1
                && w.is_person_tag()
                && !is_common_word(&string(chars, at + 1, w.end))
        }) || words.iter().any(|w| {
            w.start == at + 1 && w.end == at + 3 && w.is_person_tag() && ends_name(chars, w.end)
        })
    };
    // 向 is a common surname as well as "towards": a name where no word
    // follows it before the name ends (书记向武芝告诉…, not 书记向记者介绍).
    let preposition_surname = || {
        chars[at] == '向'
            && chars.len() >= at + 3
            && ends_name(chars, at + 3)
            && !is_common_word(&string(chars, at + 1, at + 3))
            && !chars[at + 1..at + 3]
                .iter()
                .any(|c| FUNCTION_CHARS.contains(c) || NOT_GIVEN.contains(*c))
    };
    // 何新 is a dictionary word, but a rare one: 何新民 is a name.
    if chars.len() < at + 2
        || is_frequent_word(&string(chars, at, at + 2))
        || FUNCTION_CHARS.contains(&chars[at]) && !preposition_surname()
        || ends_name(chars, at) && !read_as_name() && !preposition_surname()
    {
        return None;
    }
    // A name also ends where a place or organization begins (任红梅晋中市),
    // and before a one-char word jieba tags as a verb or function word
    // (马鹏|用…).
    // An adverb char, or a char common in given names, before a word that
    // ends names is the given name's last char (郑志刚|已, 王建刚|说,
    // 邱涛|亮|从): jieba reads 刚 as "just" and 亮 as "to shine".
    let given_name_char = |k: usize| {
        ends_name(chars, k + 1)
            && (words.iter().any(|w| w.start == k && w.tag() == "d")
                || lexicon().given_name_chars.contains(&chars[k]))
    };
    // A name ends before an adverb, preposition or conjunction of two
    // chars or more (区长刘建军|分别讲话).
    let ends_at = |k: usize| {
        ends_name(chars, k)
            || taken.iter().any(|t| t.start == k)
            || words.iter().any(|w| {
                w.start == k
                    && is_function_tag(w.tag())
                    && if w.end == k + 1 {
                        !given_name_char(k)
                    } else {
                        // A dictionary word, not one jieba's model made up
                        // across the name (黄斌|东为/p).
                        matches!(w.tag(), "d" | "p" | "c")
                            && is_common_word(&string(chars, w.start, w.end))
                    }
            })
    };
    [4, 3, 2].into_iter().find_map(|len| {
        let end = at + len;
        if end > chars.len() || (at + 2..end).any(ends_at) || !ends_at(end) {
            return None;
        }
        let name = string(chars, at, end);
        let place = lexicon()
            .area_suffixes
            .iter()
            .any(|s| name.ends_with(&s.suffix));
        (is_plain_name(&name) && !is_common_word(&name) && !place).then(|| Span::new(at, end))
    })
}

/// A name without a Chinese surname right after a post title or cue word
/// (社工德噶在…, 书记次吉拉姆说): Tibetan or Mongolian names whose elements
/// no lexicon lists. Two to four characters of transliterations, holding
/// no dictionary word and no function char, ending where a name ends and
/// nowhere inside.
fn surnameless_after_cue(chars: &[char], at: usize) -> Option<Span> {
    let lex = lexicon();
    let cued =
        lex.roles.ending_at(chars, at).is_some() || lex.person_cues.ending_at(chars, at).is_some();
    if !cued {
        return None;
    }
    let letters = &lex.surnameless_name_chars;
    (2..=4).find_map(|len| {
        let end = at + len;
        let run = chars.get(at..end)?;
        let plain = run
            .iter()
            .all(|c| letters.contains(c) && !FUNCTION_CHARS.contains(c));
        let has_word =
            (at..end - 1).any(|k| (k + 2..=end).any(|e| is_common_word(&string(chars, k, e))));
        let ends = ends_name(chars, end) && !(at + 1..end).any(|k| ends_name(chars, k));
        (plain && !has_word && ends).then(|| Span::new(at, end))
    })
}

/// Tags of words a name does not go on with: verbs, prepositions,
/// adverbs, conjunctions, particles and pronouns.
fn is_function_tag(tag: &str) -> bool {
    matches!(tag, "v" | "p" | "d" | "c" | "u" | "uj" | "ul" | "r")
}

/// Function words a name does not go on with.
const FUNCTION_CHARS: &[char] = &[
    '的', '在', '说', '等', '和', '是', '为', '与', '也', '就', '都', '又', '将', '把', '被', '向',
    '从', '到', '了', '让', '给', '同', '及', '或',
];

/// jieba cut a three-character name short (陈开|渠): the next word is one
/// noun-like character that is not a function word.
fn single_name_char_after(chars: &[char], words: &[Word], at: usize) -> bool {
    words.iter().any(|w| {
        w.start == at
            && w.end == at + 1
            && matches!(w.tag(), "n" | "ng" | "nr" | "x" | "zg" | "ns")
            && is_cjk(chars[at])
            && !FUNCTION_CHARS.contains(&chars[at])
    })
}

/// Does `s` look like a person's name: a lexicon surname, two to four CJK
/// characters, and not an ordinary dictionary word?
pub fn is_name(s: &str) -> bool {
    let n = s.chars().count();
    let Some(surname) = lexicon().surname_of(s) else {
        return false;
    };
    let given = n - surname.chars().count();
    (1..=2).contains(&given)
        && s.chars().all(is_cjk)
        && !is_common_word(s)
        && plain_given_name(s, surname)
}

/// Does `s` end in an organ's head of two chars or more (党|工委): 党 is
/// a surname, but a word naming an organ is no person.
pub(super) fn ends_in_organ(s: &str) -> bool {
    organ_head_ending(s).is_some_and(|head| head >= 2)
}

/// The length in chars of the organ's head `s` ends with, if any.
pub(super) fn organ_head_ending(s: &str) -> Option<usize> {
    let chars: Vec<char> = s.chars().collect();
    lexicon()
        .org_heads
        .ending_at(&chars, chars.len())
        .map(|(start, _)| chars.len() - start)
}

/// Characters that are function words, never part of a given name
/// (曾在, 都会, 云上, 来越 are not names).
const NOT_GIVEN: &str =
    "在是的了和与及会上下越等将把被对从向到也都就又还曾已并但而或说为由以于之其这那该此个们旁边内外给";

/// Forms of address that follow a surname like a given name (赵大妈,
/// 王师傅): the person is not named.
const ADDRESS: &[&str] = &[
    "大妈", "大爷", "大娘", "大姐", "大哥", "大叔", "大婶", "阿姨", "师傅", "老师", "先生", "女士",
    "同志", "奶奶", "爷爷", "婆婆", "老伯", "阿婆", "阿公", "书记", "主任", "老汉", "老太", "某",
];

fn plain_given_name(name: &str, surname: &str) -> bool {
    let given = &name[surname.len()..];
    !given.chars().any(|c| NOT_GIVEN.contains(c))
        && !ADDRESS.iter().any(|a| given.starts_with(a))
        && !ends_in_organ(name)
        && !given.ends_with(ORGAN_SHORT_ENDS)
}

/// Chars that end the short name of an organ (文明办, 武装部, 农业科) and
/// no given name: none is in the given-name chars' frequency lists
/// (`given_name_chars.txt`).
const ORGAN_SHORT_ENDS: &[char] = &[
    '办', '委', '局', '厅', '处', '科', '部', '所', '站', '队', '股', '室',
];

/// Splits a run of names written without separators (向红梅郑英) at
/// surname boundaries, preferring three-character names.
pub fn split_names(run: &str) -> Vec<String> {
    let chars: Vec<char> = run.chars().collect();
    split_from(&chars).unwrap_or_default()
}

fn split_from(chars: &[char]) -> Option<Vec<String>> {
    if chars.is_empty() {
        return Some(Vec::new());
    }
    for len in [3, 2, 4] {
        if len > chars.len() {
            continue;
        }
        let head: String = chars[..len].iter().collect();
        if !is_plain_name(&head) {
            continue;
        }
        if let Some(mut rest) = split_from(&chars[len..]) {
            rest.insert(0, head);
            return Some(rest);
        }
    }
    None
}

/// A name by shape only (no dictionary check): bylines are names by place.
fn is_plain_name(s: &str) -> bool {
    let n = s.chars().count();
    lexicon()
        .surname_of(s)
        .is_some_and(|sur| (1..=2).contains(&(n - sur.chars().count())) && plain_given_name(s, sur))
        && s.chars().all(is_cjk)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::segment::tag;

    fn persons(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        find_persons(&chars, &tag(s), &[])
            .into_iter()
            .map(|sp| string(&chars, sp.start, sp.end))
            .collect()
    }

    #[test]
    fn a_particle_of_time_after_a_name_is_none_of_it() {
        let found = persons("记者见到陶利时,他正在地里忙碌。");
        assert!(!found.contains(&"陶利时".to_owned()), "{found:?}");
        // A given name with 时 inside stays whole.
        assert_eq!(persons("李时珍是一名医生。"), ["李时珍"]);
    }

    #[test]
    fn the_first_word_of_a_short_quote_is_no_speaker() {
        assert!(persons("村里开展“阳光说事”活动。").is_empty());
        // A quoted speech that names its speaker first goes on to a break.
        assert_eq!(persons("他笑着说:“王强说,大家都来。”"), ["王强"]);
    }

    #[test]
    fn a_name_opening_its_clause_before_a_copula_or_an_age_is_a_person() {
        assert_eq!(persons("杜彤是狮子社区的一名志愿者。"), ["杜彤"]);
        assert_eq!(persons("这些年,罗信一直坚持义务巡逻。"), ["罗信"]);
        assert_eq!(persons("卢升今年45岁,在村里干了20年。"), ["卢升"]);
        // After a place and 的, as a resident of it.
        let chars: Vec<char> = "豪田村的雷桂是党员。".chars().collect();
        let place = [Span::new(0, 3)];
        let found = find_persons(&chars, &tag("豪田村的雷桂是党员。"), &place);
        assert_eq!(found, [Span::new(4, 6)]);
        // Ordinary words of a name's shape are none, tagged as names or not.
        for s in [
            "许多居民是第一次参加。",
            "文明是城市的名片。",
            "杨树被砍伐。",
            "韩国是邻国。",
        ] {
            assert!(persons(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn a_name_opening_clauses_before_an_adverb_recurs_as_the_subject() {
        let text = ["马天便是其中之一。", "马天原本在县里工作。"];
        let tagged: Vec<(Vec<char>, Vec<Word>)> =
            text.iter().map(|t| (t.chars().collect(), tag(t))).collect();
        let names = recurring_subjects(tagged.iter().map(|(c, w)| (&c[..], &w[..])));
        assert_eq!(names, [vec!['马', '天']]);
        // A name jieba cuts (徐|秋思) counts by its shape; a quoted term not.
        let text = [
            "徐秋思便是其中之一。",
            "徐秋思原本在县里工作。",
            "“安架房”“安架房”",
        ];
        let tagged: Vec<(Vec<char>, Vec<Word>)> =
            text.iter().map(|t| (t.chars().collect(), tag(t))).collect();
        let names = recurring_subjects(tagged.iter().map(|(c, w)| (&c[..], &w[..])));
        assert_eq!(names, [vec!['徐', '秋', '思']]);
    }

    #[test]
    fn a_name_inside_a_longer_known_name_is_widened_to_it() {
        let chars: Vec<char> = "图为乌云苏依拉宣讲".chars().collect();
        let known = vec!["乌云苏依拉".chars().collect::<Vec<char>>()];
        let mut found = vec![Span::new(4, 7)];
        widen_to_known(&chars, &known, &mut found);
        assert_eq!(found, [Span::new(2, 7)]);
        // Not where the longer name is not written.
        let chars: Vec<char> = "苏依拉宣讲".chars().collect();
        let mut found = vec![Span::new(0, 3)];
        widen_to_known(&chars, &known, &mut found);
        assert_eq!(found, [Span::new(0, 3)]);
    }

    #[test]
    fn a_surname_that_opens_a_word_still_opens_a_name_after_a_title() {
        // 何新 is a rare dictionary word; 于 a preposition before 近日.
        assert_eq!(persons("村党支部书记何新民带领党员"), ["何新民"]);
        assert_eq!(persons("村党支部书记于桐宇带领党员"), ["于桐宇"]);
        assert_eq!(persons("村党支部书记向武芝告诉记者"), ["向武芝"]);
        assert!(persons("村党支部书记向记者介绍了情况").is_empty());
        assert!(persons("社区主任向前来咨询的居民解释").is_empty());
        // jieba reads 主|任何|艳伟: the name ends before 带队.
        assert_eq!(persons("东风社区主任何艳伟带队检查"), ["何艳伟"]);
        assert!(persons("社区主任于近日带领党员").is_empty());
        assert!(persons("村党支部书记马上带领党员").is_empty());
    }

    #[test]
    fn surnameless_names_after_a_cue() {
        assert_eq!(persons("居民德噶在走访时发现"), ["德噶"]);
        assert_eq!(persons("主任次吉拉姆说"), ["次吉拉姆"]);
        assert!(persons("老师讲得真好").is_empty());
        assert!(persons("社工拉近了距离").is_empty());
    }

    #[test]
    fn a_name_glued_to_a_word_once_is_cut_where_it_stands_alone() {
        let text = "第一书记马鹏用自身特长指导村民。马鹏深知产业是根基。";
        let mut facts = crate::extract::extract(text);
        shorten_glued_names(&mut facts, text);
        let people: Vec<&str> = facts
            .mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| m.label.as_str())
            .collect();
        assert!(
            people.contains(&"马鹏") && !people.contains(&"马鹏用"),
            "{people:?}"
        );
    }

    #[test]
    fn names_after_posts_and_cues() {
        assert_eq!(
            persons("派驻到松泉社区的第一书记王光宇利用自身优势"),
            ["王光宇"]
        );
        assert_eq!(persons("社区居民刘丽娟是受益者"), ["刘丽娟"]);
        // Members of a body listed by name (“两委”班子成员王某、张某).
        assert_eq!(persons("两委班子成员王丽、张强参加"), ["王丽", "张强"]);
        assert!(persons("小组成员认为可行").is_empty());
        assert_eq!(persons("区委副书记杨帆参加会议"), ["杨帆"]);
    }

    #[test]
    fn names_after_posts_whatever_the_cut() {
        assert_eq!(persons("居委会主任任红梅表示要做好工作"), ["任红梅"]);
        assert_eq!(persons("关上社区居委会副主任陈明说,很好"), ["陈明"]);
        assert_eq!(persons("统战部部长余雄杰出席签约仪式"), ["余雄杰"]);
        assert_eq!(persons("居委会主任 任红梅"), ["任红梅"]);
        assert_eq!(persons("任红梅等10人获得称号"), ["任红梅"]);
        assert_eq!(
            persons("王丽、张强、李红等党员志愿者参加"),
            ["王丽", "张强", "李红"]
        );
        assert_eq!(persons("罗海峰等领导考察青山村"), ["罗海峰"]);
        assert_eq!(persons("老阿妈名叫卓玛,是居民"), ["卓玛"]);
        assert!(persons("书记高度重视这项工作").is_empty());
        assert!(persons("书记马上就到").is_empty());
        assert!(persons("党员干部中有人").is_empty());
        assert_eq!(persons("网格员吕鑫来了"), ["吕鑫"]);
        assert_eq!(persons("副校长许明作专题辅导"), ["许明"]);
        assert_eq!(persons("司法所所长许文参加"), ["许文"]);
        assert_eq!(persons("原第一书记郑志刚已回到原单位"), ["郑志刚"]);
        assert_eq!(persons("副主任何玉兰一同调研"), ["何玉兰"]);
    }

    #[test]
    fn names_in_frames_and_lists() {
        assert_eq!(persons("在王强的带领下,村民种上了茶叶"), ["王强"]);
        assert_eq!(
            persons("王强带领李明、张华等人走访群众"),
            ["王强", "李明", "张华"]
        );
        assert_eq!(persons("记者跟随刘洋来到村民家中"), ["刘洋"]);
        assert_eq!(persons("村民杨大海、王秀英夫妇说"), ["杨大海", "王秀英"]);
        // A list of names jieba does not know, seeded by its middle item.
        assert_eq!(
            persons("邱彤杰、邓芸、樊新等人获得表彰"),
            ["邱彤杰", "邓芸", "樊新"]
        );
        assert!(persons("党建、文化、服务等工作").is_empty());
        assert!(persons("制作芝麻酱、鲜虾皮、牛肉干、沈阳飞饼").is_empty());
        assert_eq!(
            persons("参加会议的有毛依安、伍悦和戴嫣"),
            ["毛依安", "伍悦", "戴嫣"]
        );
        // A list opened by a verb (受表彰的有|张红梅、…).
        assert_eq!(
            persons("受表彰的有张红梅、李建国、王秀英等同志"),
            ["张红梅", "李建国", "王秀英"]
        );
        assert_eq!(persons("邹保和范海炎两人主动报名"), ["邹保", "范海炎"]);
        // Honoured after 的; not a place honoured (何家湾) nor a thing.
        assert_eq!(persons("围寨村的顾英被评为优秀共产党员"), ["顾英"]);
        assert!(persons("辖区的何家湾被评为示范点").is_empty());
        assert!(persons("我们的项目被评为优秀项目").is_empty());
        assert!(persons("在工作的指导下").is_empty());
        assert_eq!(persons("“心里才有底。”梁文静说,他是天水人"), ["梁文静"]);
        assert!(persons("但村民说,路修好了").is_empty());
        assert_eq!(persons("刚满30岁的梁文静来到村里"), ["梁文静"]);
    }

    #[test]
    fn names_the_segmenter_cuts_short_or_runs_on() {
        // A surname that is also an adverb (曾, "once"), read as a name.
        assert_eq!(persons("社区居民曾丽华笑着告诉记者"), ["曾丽华"]);
        assert!(persons("社区居民曾多次反映").is_empty());
        assert!(persons("大学的学生来村里支教").is_empty());
        assert_eq!(persons("当众宣布,聘任黄斌东为宝塔村村委会主任"), ["黄斌东"]);
        // A given name's last char jieba reads as a verb.
        assert_eq!(persons("村支书刘建亮从镇上开会回来"), ["刘建亮"]);
        assert_eq!(persons("网格员赵晓红感叹道,变化真大"), ["赵晓红"]);
        assert_eq!(persons("家长吴敏说,孩子很喜欢"), ["吴敏"]);
        assert_eq!(persons("小区的周秀英是一名退休教师"), ["周秀英"]);
        assert!(persons("这里是一名老党员的家").is_empty());
        assert_eq!(persons("记者李文华摄小区楼栋长为治理添力"), ["李文华"]);
        assert!(persons("党工委").is_empty());
        assert!(persons("居民区有1200户").is_empty());
        assert_eq!(persons("张德厚夫妇今年都70多岁了"), ["张德厚"]);
        assert_eq!(
            persons("王小明、李红霞、赵大伟等5名同志被评为优秀共产党员"),
            ["王小明", "李红霞", "赵大伟"]
        );
        assert_eq!(
            persons("获奖名单:王小明 李红霞 赵大伟"),
            ["王小明", "李红霞", "赵大伟"]
        );
        // A roster cut short at the line's end (read past it before).
        assert_eq!(persons("获奖名单:王小明 李"), ["王小明"]);
        assert_eq!(
            persons("会上,区委书记宋海、区长刘建军分别讲话"),
            ["宋海", "刘建军"]
        );
        assert_eq!(persons("孙晓梅,女,1978年出生,中共党员"), ["孙晓梅"]);
    }

    #[test]
    fn a_name_before_a_verb_a_unit_of_and_a_post() {
        let text = "王丽是青山村的第一书记";
        let chars: Vec<char> = text.chars().collect();
        let village = [Span::new(3, 6)];
        assert_eq!(names_before_post_verbs(&chars, &village), [Span::new(0, 2)]);
    }

    #[test]
    fn the_one_a_verb_of_sending_sends_to_a_post() {
        let text = "罗富镇选派陈云永到流镇村担任第一书记";
        let chars: Vec<char> = text.chars().collect();
        let places = [Span::new(0, 3), Span::new(9, 12)];
        assert_eq!(names_before_post_verbs(&chars, &places), [Span::new(5, 8)]);
    }

    #[test]
    fn a_lists_last_name_after_a_conjunction() {
        assert_eq!(
            persons("志愿者王小红、李明明和赵刚一起打扫卫生"),
            ["王小红", "李明明", "赵刚"]
        );
        assert_eq!(persons("书记王强与社区居民座谈"), ["王强"]);
    }

    #[test]
    fn a_name_after_a_post_and_a_copula() {
        assert_eq!(persons("青山村党支部书记是王丽。"), ["王丽"]);
        assert_eq!(persons("村党支部书记由赵刚兼任"), ["赵刚"]);
    }

    #[test]
    fn a_name_with_its_post_in_apposition() {
        assert_eq!(persons("王丽,青山社区党委书记、居委会主任。"), ["王丽"]);
        assert_eq!(persons("赵刚，村党支部书记，他说"), ["赵刚"]);
        // The next clause is no post.
        let no_post: Vec<char> = "王丽,青山社区的居民".chars().collect();
        assert!(appositive_subjects(&no_post).is_empty());
    }

    #[test]
    fn a_photos_taker() {
        assert_eq!(persons("村民在广场上跳舞。王小明 摄"), ["王小明"]);
        assert_eq!(persons("(刘晓燕摄)"), ["刘晓燕"]);
        // Not a credit: the text goes on after 摄.
        let goes_on: Vec<char> = "王小明摄制了短片".chars().collect();
        assert!(photographers(&goes_on).is_empty());
    }

    #[test]
    fn an_organs_short_name_is_no_persons() {
        assert!(!is_name("文明办"));
        assert!(persons("区文明办主任王刚说").iter().all(|p| p != "文明办"));
    }

    #[test]
    fn forms_of_address_are_not_names() {
        assert!(persons("居民赵大妈说").is_empty());
        assert!(!is_name("王师傅"));
    }

    #[test]
    fn ordinary_words_are_not_names() {
        assert!(persons("书记强调要加强管理").is_empty());
        assert!(persons("为了方便老人").is_empty());
    }

    #[test]
    fn runs_of_names_split_at_surnames() {
        assert_eq!(split_names("向红梅郑英"), ["向红梅", "郑英"]);
        assert_eq!(split_names("吕玥"), ["吕玥"]);
        // 党 is a surname, 党工委 an organ.
        assert!(split_names("党工委").is_empty());
    }
}
