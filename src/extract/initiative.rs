//! Initiatives: named programs, campaigns and mechanisms, written in quotes.
//!
//! A quoted phrase is an initiative when a head follows it (“爱心课堂”活动,
//! “四方承诺”制度, a run of quotes ended by 等主题活动), when it ends with a
//! head itself (“导师帮带制”), or when it is a numbered formula (“四员”,
//! “三个三”). Other quotes are slogans or figures of speech (“真提升”).
//! A quote inside a team's name (…“访惠聚”驻村工作队) names the program the
//! team works for. A title in 《》 that ends with a document's head (《…工作方案》,
//! 《…办法(试行)》) names a policy document, a program of its own. A quote
//! that is the means a subject works by (通过“双向培养”, 以“联、帮、包”为
//! 基本方式) is its program, and so is the quoted object of a verb that
//! launches or takes part in one, also past the places it applies to
//! (建立社区“问题清单”, 参与社区乡村“微治理”; three chars suffice after
//! a verb of taking part, four after one of launching), one put before
//! such a verb by 将/把, one said to be what named agents launched
//! (“…”是凤仪社区推出的…) or what someone belongs to (他是“…”的一名
//! 志愿者), one written before one of its people and their name (“…”志愿者
//! 汤某) or an honour before its holder's (“最美小区志愿者”钟清梅); so is
//! one that heads a section of a report (“两级联审”把关。). Unquoted, a national designation, campaign or honour
//! is named by 全国 (or 国家级, 省级) and a head (全国文明城区创建, 全国第七次人口普查,
//! 全国城市党建示范市, 全国优秀城乡社区工作者); so is the work a named
//! subject launches (韦某开展脱贫攻坚工作, A与B开展结对共建工作), or
//! advances as a name of six chars or more ending in a head and its clause
//! (汉滨区深入推进第一书记组团服务,); and the system a verb of bringing in
//! takes up to the end of its clause (天津全面推行社区评星定级。), and the one
//! measure a subject takes (采取选派机关干部到社区工作的举措), and cooperations
//! named by their parties (校地合作, 村企共建).

use super::segment::{is_common_word, Word};
use super::text::{has_at, is_quote_close, is_quote_open, string};
use crate::lexicon::lexicon;
use crate::model::{EntityKind, Mention, Span};
use crate::normalize::is_cjk;

/// Most words allowed between a quote and its head.
const MAX_BETWEEN: usize = 6;

/// Shortest quoted object of a launching verb taken as a program without
/// a head: shorter ones are as often words (建设“真提升”, 开展“回访”).
const MIN_FRAMED: usize = 4;

/// Shortest quoted object of a verb of taking part taken as a program:
/// one takes part in a program, not in a figure of speech (参与“微治理”).
const MIN_TAKEN_PART: usize = 3;

/// Places a verb's object may apply to, written between the verb and the
/// quote (建立社区“问题清单”台账, 参与社区乡村“微治理”), and the words
/// joining them.
const SCOPES: &[&str] = &["社区", "乡村", "农村", "城乡", "街道", "小区", "基层", "村"];
const SCOPE_GLUE: &[char] = &['和', '与', '、'];

/// Longest quoted text that can be a name.
const MAX_NAME: usize = 24;

/// Words after a quote that make it an honour a verb confers (荣获“…”
/// 称号), not a program.
const HONOURS: &[&str] = &["称号", "荣誉", "提名"];

/// Nouns for people that end an honour's title (“最美小区志愿者”,
/// “优秀共产党员”, “身边好人”): such a title in quotes right before a
/// person's name is the honour the person holds. Source: the forms of
/// Chinese model and honour titles; general.
const HONOUREE_NOUNS: &[&str] = &[
    "志愿者",
    "工作者",
    "党员",
    "干部",
    "书记",
    "标兵",
    "能手",
    "之星",
    "模范",
    "楷模",
    "好人",
    "先锋",
    "带头人",
    "人物",
    "榜样",
];

/// Nouns after a program's name and 的 for its people (…“健康沈阳进社区”
/// 活动的受益者, “…”的一名志愿者), each with whether they run it (…的
/// 发起者, …的组织者) rather than take part.
const PROGRAM_PEOPLE: &[(&str, bool)] = &[
    ("受益者", false),
    ("参与者", false),
    ("践行者", false),
    ("志愿者", false),
    ("一员", false),
    ("成员", false),
    ("发起者", true),
    ("发起人", true),
    ("组织者", true),
    ("倡导者", true),
    ("推动者", true),
    ("牵头单位", true),
    ("主办单位", true),
    ("试点单位", false),
    ("示范村", false),
    ("示范社区", false),
    ("示范点", false),
    ("试点村", false),
    ("试点社区", false),
    ("参与单位", false),
    ("成员单位", false),
];

/// Nouns for a program's people written right after its name, before a
/// person's (“家门口食堂”志愿者汤某, “连心守望”发起人黄某) or after a word
/// of being (作为“…”志愿者).
const PEOPLE_NOUNS: &[&str] = &[
    "志愿者",
    "队员",
    "成员",
    "发起人",
    "创始人",
    "负责人",
    "带头人",
];

/// Where a noun of [`PEOPLE_NOUNS`] written at `at` ends.
pub(super) fn people_noun_end(chars: &[char], at: usize) -> Option<usize> {
    PEOPLE_NOUNS
        .iter()
        .find(|n| has_at(chars, at, n))
        .map(|n| at + n.chars().count())
}

/// Counts between 的 and a noun for people (…的一名志愿者, …的首批试点
/// 单位).
const PEOPLE_COUNTS: &[&str] = &["一名", "一位", "首批", "第一批"];

/// Words of a clause that says what someone is (他是“…”的一名志愿者,
/// 成为“…”的一员).
pub(super) const BEING: &[&str] = &["是", "成为", "作为"];

/// Heads of a team named after the program it works for (新疆自治区党委
/// 政法委“访惠聚”驻村工作队): the quote inside the team's name is a program.
const TEAMS: &[&str] = &["驻村工作队", "工作队", "服务队", "工作组"];

/// Words right before a quoted name that make it the means of the
/// clause's subject (以“两廊一广场”为载体, 围绕“五个三”工作模式,
/// 通过“居民点单”): the subject runs it.
pub(super) const MEANS: &[&str] = &["以", "围绕", "通过", "借助", "利用", "依托", "经过"];

/// Chars right after a quote that make it no means but a goal or one item
/// of a list (围绕“…”的工作目标, 以“社区快速发展”、“…”为标准).
const NOT_MEANS_AFTER: &[char] = &['的', '、', '“'];

/// Words after 以“…”为 that make the quote a model or a yardstick, not a
/// means (以“最美社区干部”为榜样, 以“…”为目标).
const YARDSTICKS: &[&str] = &["榜样", "目标", "标准", "标杆", "荣", "指导", "核心"];

/// Longest quoted name that heads a section (“三项精选”全面选引保质。),
/// and longest verb phrase after it.
const MAX_HEADING: usize = 8;

/// Words that open a definition after a quote (“电水井”是…): a term
/// explained, not a section.
const DEFINING: &[char] = &['是', '即', '就', '指', '变'];

/// What opens the unquoted name of a national or provincial designation
/// or campaign (全国文明城区创建, 省级和谐社区).
const NATIONAL: &[&str] = &["全国", "国家级", "省级"];

/// Longest unquoted national name.
const MAX_NATIONAL: usize = 20;

/// Heads that end a national campaign's or designation's name (全国文明
/// 城区创建, 全国第七次人口普查, 全国城市党建示范市). Source: the forms of
/// national campaigns and model titles in Chinese governance reporting;
/// general.
const NATIONAL_HEADS: &[&str] = &[
    "创建活动",
    "创建",
    "普查",
    "示范市",
    "示范城市",
    "示范城区",
    "示范县",
    "示范街道",
    "示范社区",
    "示范村",
];

/// Designations that end such a name only where its words end (省级和谐
/// 社区及…): inside a longer run they begin the name of something else
/// (全国和谐社区建设示范单位).
const DESIGNATIONS: &[&str] = &["和谐社区", "文明城市", "文明社区", "文明村", "文明单位"];

/// Words that make a national name an honour (全国先进…, 全国优秀…), and
/// the honourees that end it (…自治组织, …社区工作者).
pub(super) const HONOUR_QUALIFIERS: &[&str] = &["先进", "优秀", "模范"];
const HONOUREES: &[&str] = &["组织", "工作者", "集体", "党员", "单位"];

/// Verbs whose named subject launches the work after them as its own
/// program (…第一书记韦某开展脱贫攻坚工作, 汉滨区深入推进第一书记组团服务).
const LAUNCHING: &[&str] = &["开展", "推行", "实施", "推进"];

/// Heads that end the unquoted name of a named subject's program at the
/// end of its clause (第一书记组团服务, 平战转换机制, 党史学习教育):
/// besides the lexicon's heads that end a name of their own. 学习教育 and
/// 主题教育 end the names of the party's education campaigns.
const BARE_HEADS: &[&str] = &["服务", "体系", "试点", "学习教育", "主题教育"];

/// Fewest and most chars of such a name: shorter ones are common words
/// (长效机制, 便民服务).
const BARE_NAME: std::ops::RangeInclusive<usize> = 6..=10;

/// Heads of unquoted work a named subject launches: the name runs up to
/// them.
const WORK_HEADS: &[&str] = &["工作", "活动"];

/// Fewest and most chars of such work's name (脱贫攻坚, 结对共建).
const WORK_NAME: std::ops::RangeInclusive<usize> = 4..=8;

/// Most chars of adverb between a subject and its verb (积极开展).
const ADVERB_GAP: usize = 2;

/// jieba's tags of words no name runs across: conjunctions, prepositions,
/// particles, pronouns (和, 在, 的, 其).
const NAME_BREAKS: &[&str] = &["c", "p", "uj", "ul", "u", "r"];

/// Longest document title.
const MAX_TITLE: usize = 48;

/// Words that end a policy document's title (《诉求办理工作规程》,
/// 《村党支部工作手册》); a book's or newspaper's title has none.
/// Source: the kinds of documents Chinese party and government organs
/// issue; general.
const DOCUMENT_HEADS: &[&str] = &[
    "方案",
    "规程",
    "职责",
    "办法",
    "白皮书",
    "手册",
    "提示",
    "细则",
    "意见",
    "通知",
    "规定",
    "条例",
    "规划",
    "准则",
    "指引",
    "守则",
    "决定",
    "纲要",
    "制度",
];

/// A status a document carries after its title: 《…办法(试行)》.
const DOCUMENT_STATUS: &[&str] = &["(试行)", "(暂行)", "（试行）", "（暂行）"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitiativeHit {
    /// The quoted text, without the quotes.
    pub span: Span,
    pub label: String,
    /// The name with its head (“四方承诺”制度 → 四方承诺制度).
    pub alts: Vec<String>,
}

/// A quoted phrase: the span inside the quotes, in order of their
/// opening. Quotes nest (他说:“我们开展了‘五星议事会’活动。” holds both);
/// a closing mark of another kind than the open one closes it all the
/// same, as careless typing writes (“四员").
pub(super) fn quotes(chars: &[char]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Vec<(char, usize)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        // The quote this mark closes, and any left open inside it; else,
        // for a mark of another kind (“四员"), the innermost open one.
        let closed = open
            .iter()
            .rposition(|&(o, _)| closing_mark(o) == c)
            .or_else(|| (is_quote_close(c) && !open.is_empty()).then(|| open.len() - 1));
        if let Some(k) = closed {
            spans.push(Span::new(open[k].1, i));
            open.truncate(k);
        } else if is_quote_open(c) {
            open.push((c, i + 1));
        }
    }
    spans.sort_by_key(|s| s.start);
    spans
}

/// The mark that closes a quote opened with `open`.
fn closing_mark(open: char) -> char {
    match open {
        '“' => '”',
        '「' => '」',
        '『' => '』',
        '‘' => '’',
        other => other,
    }
}

/// A title in 《》: the span inside the marks.
pub(super) fn titles(chars: &[char]) -> impl Iterator<Item = Span> + '_ {
    chars
        .iter()
        .enumerate()
        .filter(|(_, &c)| c == '《')
        .filter_map(|(open, _)| {
            let len = chars[open + 1..]
                .iter()
                .take(MAX_TITLE + 1)
                .position(|&c| c == '》')?;
            Some(Span::new(open + 1, open + 1 + len))
        })
}

/// Is this title a policy document's: does it end with a document head,
/// before a status like (试行)?
fn is_document(title: &str) -> bool {
    let bare = DOCUMENT_STATUS
        .iter()
        .find_map(|s| title.strip_suffix(s))
        .unwrap_or(title);
    DOCUMENT_HEADS
        .iter()
        .any(|h| bare.ends_with(h) && bare.chars().count() > h.chars().count() + 1)
}

pub fn find_initiatives(
    chars: &[char],
    words: &[Word],
    taken: &[Span],
    persons: &[Span],
) -> Vec<InitiativeHit> {
    let spans = quotes(chars);
    // A document's title holds the names of its issuers (《大洼区…办法》):
    // names taken inside it do not make it less a title.
    let mut hits: Vec<InitiativeHit> = titles(chars)
        .filter(|t| !t.is_empty())
        .map(|t| (t, string(chars, t.start, t.end)))
        .filter(|(_, label)| is_document(label))
        .map(|(span, label)| InitiativeHit {
            span,
            label,
            alts: Vec::new(),
        })
        .collect();
    for (n, q) in spans.iter().enumerate() {
        let teams_program = taken.iter().any(|t| t.contains(q))
            && TEAMS.iter().any(|h| has_at(chars, q.end + 1, h));
        let label = string(chars, q.start, q.end);
        // “省关工委优秀工作者”: an honour named after the body that gives it.
        let honour_of_a_body = HONOUREE_NOUNS.iter().any(|n| label.ends_with(n))
            && taken
                .iter()
                .filter(|t| t.overlaps(q))
                .all(|t| q.contains(t) && t.end < q.end);
        if q.is_empty()
            || q.len() > MAX_NAME
            || taken.iter().any(|t| t.overlaps(q)) && !teams_program && !honour_of_a_body
        {
            continue;
        }
        if lexicon().not_initiatives.contains(&label) || label.ends_with(['。', '！', '？']) {
            continue;
        }
        let head = head_after_run(chars, &spans, n);
        let numbered = is_numbered_formula(&label);
        let self_headed = lexicon()
            .self_heads
            .iter()
            .any(|h| label.ends_with(h) && label.chars().count() > h.chars().count() + 1);
        let honour = HONOURS.iter().any(|h| has_at(chars, q.end + 1, h));
        let shortest = match launched(chars, q.start - 1) {
            Some(true) => MIN_TAKEN_PART,
            Some(false) => MIN_FRAMED,
            None if by_means(chars, q) || launched_by(chars, q) || disposed(chars, q) => MIN_FRAMED,
            None => usize::MAX,
        };
        let framed = label.chars().count() >= shortest && !honour;
        if head.is_some()
            || self_headed
            || framed
            || heads_section(chars, q)
            || teams_program
            || honour_before_name(&label, q, persons, chars)
            || said_to_be_its_people(chars, q)
            || before_its_people(chars, q, persons)
            || numbered && label.chars().count() <= 8
        {
            let mut alts: Vec<String> = head
                .iter()
                .flat_map(|(h, phrase)| [format!("{label}{h}"), format!("{label}{phrase}")])
                .collect();
            alts.dedup();
            hits.push(InitiativeHit {
                span: *q,
                label,
                alts,
            });
        }
    }
    hits.extend(
        national_names(chars, words, &spans, taken).map(|span| InitiativeHit {
            span,
            label: string(chars, span.start, span.end),
            alts: Vec::new(),
        }),
    );
    hits.extend(work_of_named_subjects(chars, words, taken));
    hits.extend(systems_introduced(chars, words, taken));
    hits.extend(measures_taken(chars, words, taken));
    hits.extend(cooperations(chars, words, taken, &spans));
    hits
}

/// Does a word no name runs across start at `at`?
fn breaks_name(words: &[Word], at: usize) -> bool {
    words
        .iter()
        .find(|w| w.start <= at && at < w.end)
        .is_some_and(|w| w.start == at && NAME_BREAKS.contains(&w.tag()))
}

/// The work a named subject launches, unquoted: *name* (adverb) 开展
/// *work* 工作 (韦某开展脱贫攻坚工作). Without a named subject such work
/// is as often routine (开展入户走访工作) and is left alone.
fn work_of_named_subjects(chars: &[char], words: &[Word], taken: &[Span]) -> Vec<InitiativeHit> {
    let mut out = Vec::new();
    for verb in LAUNCHING {
        let len = verb.chars().count();
        for at in (1..chars.len()).filter(|&i| has_at(chars, i, verb)) {
            let named = taken.iter().any(|t| {
                t.end <= at
                    && at - t.end <= ADVERB_GAP
                    && chars[t.end..at].iter().all(|&c| is_cjk(c))
            });
            if !named || taken.iter().any(|t| t.start < at + len && at < t.end) {
                continue;
            }
            let start = at + len + usize::from(chars.get(at + len) == Some(&'了'));
            let end = WORK_NAME
                .clone()
                .map(|n| start + n)
                .find(|&end| WORK_HEADS.iter().any(|h| has_at(chars, end, h)))
                .or_else(|| bare_name_end(chars, start));
            let Some(end) = end else { continue };
            if runs_as_a_name(chars, words, taken, Span::new(start, end)) {
                let label = string(chars, start, end);
                let head = WORK_HEADS.iter().find(|h| has_at(chars, end, h));
                out.push(InitiativeHit {
                    span: Span::new(start, end),
                    alts: head.map(|h| format!("{label}{h}")).into_iter().collect(),
                    label,
                });
            }
        }
    }
    out
}

/// Verbs of bringing in a system or a practice: what they take is one by
/// the verb alone (全面推行社区评星定级, 试行河长制), unlike 开展 or 推进,
/// which take routine work as often (开展专项调研).
const INTRODUCING: &[&str] = &["推行", "试行"];

/// Fewest and most chars of the unquoted name such a verb takes, up to
/// the end of its clause.
const SYSTEM_NAME: std::ops::RangeInclusive<usize> = 3..=10;

/// jieba's tags of words that neither open nor end such a name: what the
/// clause says of the verb (推行|起来很难, 推行|不到一年, 推行|以来…):
/// adverbs, adjectives, numerals, words of place and time.
const NOT_A_SYSTEM_EDGE: &[&str] = &["d", "ad", "a", "m", "f"];

/// The tag of the word that covers `at`.
fn tag_at(words: &[Word], at: usize) -> Option<&str> {
    words
        .iter()
        .find(|w| w.start <= at && at < w.end)
        .map(|w| w.tag())
}

/// The system a verb of [`INTRODUCING`] takes, unquoted, when it runs to
/// the end of the clause as one name (天津全面推行社区评星定级。).
fn systems_introduced(chars: &[char], words: &[Word], taken: &[Span]) -> Vec<InitiativeHit> {
    named_after_verbs(chars, words, taken, INTRODUCING, |start| {
        SYSTEM_NAME
            .clone()
            .map(|n| start + n)
            .find(|&end| clause_ends_at(chars, end))
    })
}

/// Verbs of taking a measure, and the nouns for one after the measure's
/// name and 的 (大东区委采取选派机关干部到社区工作的举措): the name is a
/// program's.
const TAKING: &[&str] = &["采取", "采用"];
const MEASURES: &[&str] = &["举措", "措施", "做法"];

/// Fewest and most chars of a measure's name: shorter ones are what
/// measures are like (采取有效的措施).
const MEASURE_NAME: std::ops::RangeInclusive<usize> = 5..=14;

/// The one measure a verb of [`TAKING`] takes, named before 的 and a noun
/// for measures; not a list of them (采取实地调研、个别谈话等方式 are
/// ways of working).
fn measures_taken(chars: &[char], words: &[Word], taken: &[Span]) -> Vec<InitiativeHit> {
    named_after_verbs(chars, words, taken, TAKING, |start| {
        MEASURE_NAME.clone().map(|n| start + n).find(|&end| {
            has_at(chars, end, "的") && MEASURES.iter().any(|m| has_at(chars, end + 1, m))
        })
    })
}

/// The unquoted names right after each of `verbs` (and 了), ending where
/// `end_of` says: one run of words of a name, outside other names, whose
/// first and last words are not what the clause says of the verb.
fn named_after_verbs(
    chars: &[char],
    words: &[Word],
    taken: &[Span],
    verbs: &[&str],
    end_of: impl Fn(usize) -> Option<usize>,
) -> Vec<InitiativeHit> {
    let edge_ok = |at: usize| tag_at(words, at).is_some_and(|t| !NOT_A_SYSTEM_EDGE.contains(&t));
    let mut out = Vec::new();
    for verb in verbs {
        let len = verb.chars().count();
        for at in (0..chars.len()).filter(|&i| has_at(chars, i, verb)) {
            let start = at + len + usize::from(chars.get(at + len) == Some(&'了'));
            let Some(end) = end_of(start) else {
                continue;
            };
            let span = Span::new(start, end);
            if runs_as_a_name(chars, words, taken, span) && edge_ok(start) && edge_ok(end - 1) {
                out.push(InitiativeHit {
                    span,
                    label: string(chars, start, end),
                    alts: Vec::new(),
                });
            }
        }
    }
    out
}

/// One-char short forms of the parties to a cooperation (校 school, 地
/// locality, 企 enterprise, 军 army, 警 police…): two of them before a
/// word of working together name a program of the kind (校地合作, 村企共建,
/// 警民共建), unlike other words before it (区域合作, 国际合作), or a
/// common word the two chars make (村民共建, 党群共建 are what villagers or
/// the party and the masses do). Source: the abbreviations of Chinese
/// cooperation programmes; general.
const PARTIES: &[char] = &[
    '校', '地', '企', '村', '政', '银', '军', '警', '民', '医', '院', '党', '群', '街', '社',
];
const TOGETHER: &[&str] = &["合作", "共建", "联建"];

/// Cooperations named by their parties (推动校地合作, 开展村企共建),
/// outside quotes and other names, as words of their own.
fn cooperations(
    chars: &[char],
    words: &[Word],
    taken: &[Span],
    quoted: &[Span],
) -> Vec<InitiativeHit> {
    let starts_word = |at: usize| words.iter().any(|w| w.start == at);
    (0..chars.len().saturating_sub(3))
        .filter(|&i| PARTIES.contains(&chars[i]) && PARTIES.contains(&chars[i + 1]))
        .filter(|&i| TOGETHER.iter().any(|t| has_at(chars, i + 2, t)))
        .filter(|&i| !is_common_word(&string(chars, i, i + 2)))
        .map(|i| Span::new(i, i + 4))
        .filter(|s| starts_word(s.start) && (s.end == chars.len() || starts_word(s.end)))
        .filter(|s| !taken.iter().chain(quoted).any(|t| t.overlaps(s)))
        .map(|span| InitiativeHit {
            span,
            label: string(chars, span.start, span.end),
            alts: Vec::new(),
        })
        .collect()
}

/// Is `span` one run of words of an unquoted name: CJK chars, no word no
/// name runs across, outside the names `taken`?
fn runs_as_a_name(chars: &[char], words: &[Word], taken: &[Span], span: Span) -> bool {
    (span.start..span.end).all(|i| is_cjk(chars[i]) && !breaks_name(words, i))
        && !taken.iter().any(|t| t.overlaps(&span))
}

/// Does a clause end at `at` (a comma, a full stop, a semicolon)?
fn clause_ends_at(chars: &[char], at: usize) -> bool {
    chars
        .get(at)
        .is_some_and(|c| matches!(c, ',' | '，' | '。' | ';' | '；'))
}

/// Where the unquoted name of a program starting at `start` ends: at the
/// end of its clause, after a head that ends a name (…组团服务,).
fn bare_name_end(chars: &[char], start: usize) -> Option<usize> {
    let heads = lexicon().self_heads.iter().map(String::as_str);
    let ends_with_head = |end: usize| {
        heads.clone().chain(BARE_HEADS.iter().copied()).any(|h| {
            let n = h.chars().count();
            end >= start + n && has_at(chars, end - n, h)
        })
    };
    BARE_NAME
        .clone()
        .map(|n| start + n)
        .find(|&end| clause_ends_at(chars, end) && ends_with_head(end))
}

/// Unquoted national designations, campaigns and honours: 全国 and the
/// longest run of words up to a head (全国和谐社区建设示范单位创建活动),
/// outside quotes and with no other name running across its ends.
fn national_names<'a>(
    chars: &'a [char],
    words: &'a [Word],
    quoted: &'a [Span],
    taken: &'a [Span],
) -> impl Iterator<Item = Span> + 'a {
    let starts = (0..chars.len()).filter_map(|i| {
        let opener = NATIONAL.iter().find(|o| has_at(chars, i, o))?;
        Some((i, i + opener.chars().count()))
    });
    starts.filter_map(move |(start, first)| {
        let honour = HONOUR_QUALIFIERS.iter().any(|q| has_at(chars, first, q));
        let run = (first..chars.len().min(start + MAX_NATIONAL))
            .take_while(|&i| is_cjk(chars[i]) && !breaks_name(words, i))
            .count();
        let end = (first + 1..=first + run).rev().find(|&end| {
            let ends = |h: &&str| {
                let len = h.chars().count();
                end >= first + len && has_at(chars, end - len, h)
            };
            NATIONAL_HEADS.iter().any(ends)
                || honour && HONOUREES.iter().any(ends)
                || end == first + run && DESIGNATIONS.iter().any(ends)
        })?;
        let span = Span::new(start, end);
        let crosses = |t: &Span| t.overlaps(&span) && !span.contains(t);
        (!quoted.iter().any(|q| q.overlaps(&span)) && !taken.iter().any(crosses)).then_some(span)
    })
}

/// Gives a program written as an abbreviation of a longer name the article
/// also quotes (访惠聚 of 访民情、惠民生、聚民心: the first char of each
/// part) the longer name as its label, so both are one program.
pub fn fold_abbreviations(mentions: &mut [Mention]) {
    let full: Vec<(String, String)> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Initiative)
        .filter_map(|m| Some((initials(&m.label)?, m.label.clone())))
        .collect();
    if full.is_empty() {
        return;
    }
    for m in mentions
        .iter_mut()
        .filter(|m| m.kind == EntityKind::Initiative)
    {
        if let Some((_, long)) = full.iter().find(|(short, _)| *short == m.label) {
            let short = std::mem::replace(&mut m.label, long.clone());
            m.alt_labels.push(short);
        }
    }
}

/// The first chars of a name's parts, when it has two or more, each
/// longer than one char (访民情、惠民生、聚民心 → 访惠聚).
fn initials(label: &str) -> Option<String> {
    let parts: Vec<&str> = label.split(['、', '，', ',']).collect();
    let fit = parts.len() >= 2 && parts.iter().all(|p| p.chars().count() >= 2);
    fit.then(|| parts.iter().filter_map(|p| p.chars().next()).collect())
}

/// How the quote opening at `open` is the object of a verb that
/// launches, runs or takes part in a program (开展“清洁家园”, 推行了
/// “街长制”, 参加“户主坝坝会”, 街道谋划的“…”), also past the places it
/// applies to (建立社区“问题清单”, 投身到社区和乡村“微治理”): `Some(true)`
/// for a verb of taking part, `Some(false)` for one of launching.
pub(super) fn launched(chars: &[char], open: usize) -> Option<bool> {
    let lex = lexicon();
    let mut end = before_scope(chars, open);
    if end < open && end > 0 && chars[end - 1] == '到' {
        end -= 1;
    }
    if end > 0 && matches!(chars[end - 1], '了' | '的') {
        end -= 1;
    }
    if lex.participant_verbs.ending_at(chars, end).is_some() {
        Some(true)
    } else {
        lex.organizer_verbs.ending_at(chars, end).map(|_| false)
    }
}

/// Most chars between 由 and the verb of “…”由X牵头: the agent's names.
const AGENT_REACH: usize = 20;

/// Is the quote `q` followed by 由, its agents and a verb that launches or
/// runs a program, in one clause (“爱心超市”由社区党委牵头), or by 是, its
/// agents and such a verb closing a relative clause (“连心讲堂”是凤仪社区
/// 推出的一项服务)? A quote said to be what someone launched is a program;
/// one said to be what someone is (“娘家人”是…的称呼) is not.
fn launched_by(chars: &[char], q: &Span) -> bool {
    let by = q.end + 1;
    let copula = match chars.get(by) {
        Some('由') => false,
        Some('是') => true,
        _ => return false,
    };
    let organizer = &lexicon().organizer_verbs;
    (by + 2..chars.len().min(by + AGENT_REACH))
        .take_while(|&i| is_cjk(chars[i - 1]))
        .filter_map(|i| Some(i + organizer.starting_at(chars, i)?.chars().count()))
        .any(|end| !copula || chars.get(end) == Some(&'的'))
}

/// The noun for a program's people after its name ending at `after`, past
/// at most `reach` chars of its head, 的 and a count (…活动的受益者, “…”的
/// 一名志愿者): whether they run it (发起者, 组织者) or take part.
pub(super) fn people_after(chars: &[char], after: usize, reach: usize) -> Option<bool> {
    let de = chars
        .iter()
        .skip(after)
        .take(reach + 1)
        .take_while(|&&c| is_cjk(c))
        .position(|&c| c == '的')?;
    let mut at = after + de + 1;
    if let Some(count) = PEOPLE_COUNTS.iter().find(|c| has_at(chars, at, c)) {
        at += count.chars().count();
    }
    PROGRAM_PEOPLE
        .iter()
        .find(|(noun, _)| has_at(chars, at, noun))
        .map(|&(_, runs)| runs)
}

/// Is the quote `q` said to be what someone belongs to or runs (他是社区
/// “…”的一名志愿者, 成为“…”的一员, 社区党支部是“…”的发起者): 的 and a
/// noun for a program's people right after it, a word of being before it
/// in its clause.
fn said_to_be_its_people(chars: &[char], q: &Span) -> bool {
    let clause = chars[..q.start - 1]
        .iter()
        .rposition(|c| [',', '，', '。', ';', '；'].contains(c))
        .map_or(0, |c| c + 1);
    let people =
        people_after(chars, q.end + 1, 0).is_some() || people_noun_end(chars, q.end + 1).is_some();
    people && (clause..q.start).any(|i| BEING.iter().any(|b| has_at(chars, i, b)))
}

/// Is the quote `q` a program named before one of its people and their
/// name (“家门口食堂”志愿者汤某)?
fn before_its_people(chars: &[char], q: &Span, persons: &[Span]) -> bool {
    people_noun_end(chars, q.end + 1).is_some_and(|end| persons.iter().any(|p| p.start == end))
}

/// Is the quote `q` an honour's title right before the name of a person
/// holding it (“最美小区志愿者”钟清梅): it ends with a noun for people and
/// is no post of the lexicon (“第一书记”孔静 holds a post).
fn honour_before_name(label: &str, q: &Span, persons: &[Span], chars: &[char]) -> bool {
    let post = lexicon()
        .roles
        .ending_at(chars, q.end)
        .is_some_and(|(start, _)| start == q.start);
    persons.iter().any(|p| p.start == q.end + 1)
        && !post
        && HONOUREE_NOUNS
            .iter()
            .any(|n| label.ends_with(n) && q.len() > n.chars().count() + 1)
}

/// Markers that put a verb's object before it (将“…”推广, 把“…”纳入).
pub(super) const DISPOSAL: &[char] = &['将', '把'];

/// Most chars between a quote put before its verb and the verb.
const DISPOSED_REACH: usize = 8;

/// Is the quote `q` put by 将 or 把 before a verb that launches or takes
/// part in a program, in its clause (还将“微心愿帮帮团”推广到周边村)?
fn disposed(chars: &[char], q: &Span) -> bool {
    let lex = lexicon();
    let marked = q.start >= 2 && DISPOSAL.contains(&chars[q.start - 2]);
    marked
        && (q.end + 1..chars.len().min(q.end + 1 + DISPOSED_REACH))
            .take_while(|&i| is_cjk(chars[i]))
            .any(|i| {
                lex.organizer_verbs.starting_at(chars, i).is_some()
                    || lex.participant_verbs.starting_at(chars, i).is_some()
            })
}

/// Where the places a verb's object applies to (社区, 社区和乡村) start,
/// when they end at `end`; else `end`.
pub(super) fn before_scope(chars: &[char], end: usize) -> usize {
    let scope_ending_at = |at: usize| {
        SCOPES
            .iter()
            .map(|w| w.chars().count())
            .find(|&n| at >= n && SCOPES.iter().any(|w| has_at(chars, at - n, w)))
    };
    let mut start = end;
    while let Some(n) = scope_ending_at(start) {
        start -= n;
        if start > 0
            && SCOPE_GLUE.contains(&chars[start - 1])
            && scope_ending_at(start - 1).is_some()
        {
            start -= 1;
        }
    }
    start
}

/// Is the quote `q` the object of a word of means (通过“双向培养”,
/// 利用“归心空间”组织…), and for 以 the words 为 or 作为 after it
/// (以“联、帮、包”为基本方式)?
fn by_means(chars: &[char], q: &Span) -> bool {
    let open = q.start - 1;
    let Some(word) = MEANS
        .iter()
        .find(|m| open >= m.chars().count() && has_at(chars, open - m.chars().count(), m))
    else {
        return false;
    };
    let after = q.end + 1;
    if chars.get(after).is_none_or(|c| NOT_MEANS_AFTER.contains(c)) {
        return false;
    }
    let be = ["为", "作为"].into_iter().find(|b| has_at(chars, after, b));
    *word != "以"
        || be.is_some_and(|b| {
            let noun = after + b.chars().count();
            !YARDSTICKS.iter().any(|y| has_at(chars, noun, y))
        })
}

/// Does the quote `q` head a section: it opens the sentence, and a short
/// verb phrase, nothing else, follows (“两级联审”把关。, “三项培育”
/// 强化锻炼提能。)?
fn heads_section(chars: &[char], q: &Span) -> bool {
    let opens = chars[..q.start - 1].iter().all(|c| c.is_whitespace());
    let tail: Vec<char> = chars[q.end + 1..]
        .iter()
        .copied()
        .filter(|c| !c.is_whitespace())
        .collect();
    let tail = tail.strip_suffix(&['。']).unwrap_or(&tail);
    opens
        && q.len() <= MAX_HEADING
        && chars[q.start..q.end].iter().all(|&c| is_cjk(c))
        && (2..=MAX_HEADING).contains(&tail.len())
        && tail.iter().all(|&c| is_cjk(c))
        && !DEFINING.contains(&tail[0])
}

/// Second chars of ordinary words (方面, 一些, 一般…).
const ORDINARY_SECOND: &[char] = &[
    '面', '对', '些', '般', '样', '起', '同', '直', '定', '切', '旦', '方', '边', '路', '道', '块',
];

/// A numbered formula (“四员”, “三个三”, “一区一策”, “双推”): it starts
/// with a small numeral, is short, and is not an ordinary phrase that
/// happens to start with one (一面, 一对, 一起).
fn is_numbered_formula(label: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十两双";
    let chars: Vec<char> = label.chars().collect();
    let numerals = chars.iter().filter(|c| NUMERALS.contains(**c)).count();
    let ordinary = chars.len() >= 2 && ORDINARY_SECOND.contains(&chars[1]);
    NUMERALS.contains(chars[0])
        && chars.len() >= 2
        && (chars.len() <= 3 || numerals >= 2 && chars.len() <= 8)
        && !ordinary
        && !label.contains(['、', '，', ','])
}

/// Kinds of program a quote's name is said to be one of through 的
/// (“…”的品牌内涵, “…”的经验做法); other heads after 的 are as often
/// what a slogan is about (坚持“以人民为中心”的做法).
const KINDS_AFTER_OF: &[&str] = &["品牌", "经验做法"];

/// The head of quoted work (“双报到”工作, “分类定级、升级晋位”工作): a
/// head only right after the quote, where nothing but the quote names the
/// work; further on it is as often a word of the clause (“…”党建工作新模式
/// has its head in 模式).
const WORK: &str = "工作";

/// Fewest chars of a quote headed by [`WORK`]: two-char ones are fields
/// of policy (“三农”工作), not programs.
const MIN_WORK_NAME: usize = 3;

/// The head after quote `n`, or after the run of adjacent quotes it starts
/// (“A”“B”“C”等主题活动); after a quote of its own, also the words from
/// the quote to the head (“同心”社会服务 → 社会服务).
fn head_after_run(chars: &[char], spans: &[Span], n: usize) -> Option<(String, String)> {
    let mut last = n;
    while last + 1 < spans.len() && spans[last + 1].start == spans[last].end + 2 {
        last += 1;
    }
    let mut at = spans[last].end + 1;
    let from = at;
    if last > n || has_at(chars, at, "等") {
        at += usize::from(has_at(chars, at, "等"));
    }
    // “小蜜蜂志愿者”的品牌内涵, “…”的经验做法: a kind of program after 的.
    if let Some(kind) = has_at(chars, at, "的")
        .then(|| KINDS_AFTER_OF.iter().find(|k| has_at(chars, at + 1, k)))
        .flatten()
    {
        return Some((kind.to_string(), kind.to_string()));
    }
    // A few descriptive words may stand between: “链式”党建工作新模式.
    let (at, head) = (at..chars.len().min(at + MAX_BETWEEN + 1))
        .take_while(|&i| i == at || is_cjk(chars[i - 1]) && chars[i - 1] != '的')
        .find_map(|i| {
            lexicon()
                .initiative_heads
                .starting_at(chars, i)
                .map(|h| (i, h))
        })
        .or_else(|| {
            (has_at(chars, at, WORK) && spans[n].len() >= MIN_WORK_NAME).then_some((at, WORK))
        })?;
    let after = at + head.chars().count();
    // “X”工作人员 or “X”服务员 are people, not programs.
    if chars
        .get(after)
        .is_some_and(|c| ['员', '者', '人'].contains(c))
    {
        return None;
    }
    let alone = last == n && (n == 0 || spans[n - 1].end + 2 != spans[n].start);
    let phrase = if alone && at > from && !has_at(chars, from, "等") {
        string(chars, from, after)
    } else {
        head.to_owned()
    };
    Some((head.to_owned(), phrase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::segment;

    fn found(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        find_initiatives(&chars, &segment::tag(s), &[], &[])
            .into_iter()
            .map(|h| h.label)
            .collect()
    }

    #[test]
    fn quoted_work_is_a_program_right_after_the_quote() {
        assert_eq!(
            found("为了做好“网格先锋岗”工作,四合村组织党员入户走访。"),
            ["网格先锋岗"]
        );
        assert_eq!(
            found("龙驹寨街道“五星先锋岗”工作得到上级肯定。"),
            ["五星先锋岗"]
        );
        // Two chars name a field of policy; further on, 工作 is a word of
        // the clause.
        assert!(found("做好“清零”工作。").is_empty());
        assert!(found("他说“辛苦了”,工作人员很感动。").is_empty());
    }

    #[test]
    fn quotes_nest_and_mixed_marks_close() {
        let spans = |s: &str| -> Vec<String> {
            let chars: Vec<char> = s.chars().collect();
            quotes(&chars)
                .into_iter()
                .map(|q| string(&chars, q.start, q.end))
                .collect()
        };
        assert_eq!(
            spans("他说:“开展‘五星议事会’活动。”"),
            ["开展‘五星议事会’活动。", "五星议事会"]
        );
        assert_eq!(spans("推行“四员\"制度"), ["四员"]);
        assert_eq!(spans("推行\"四员\"制度和“三长”"), ["四员", "三长"]);
        // An inner quote left open closes with the outer one.
        assert_eq!(spans("“开展‘五星议事会活动”"), ["开展‘五星议事会活动"]);
    }

    #[test]
    fn quoted_names_with_heads() {
        assert_eq!(found("开展“社区奉献日”活动"), ["社区奉献日"]);
        assert_eq!(found("建立“四方承诺”制度"), ["四方承诺"]);
        assert_eq!(found("诠释了“小蜜蜂”的品牌内涵"), ["小蜜蜂"]);
        assert!(found("坚持“以人民为中心”的做法").is_empty());
        assert_eq!(
            found("开展“共产党员先锋岗”“责任区”等主题活动"),
            ["共产党员先锋岗", "责任区"]
        );
    }

    #[test]
    fn a_quote_its_agents_launch_after_by() {
        assert_eq!(found("“爱心超市”由东关社区党委牵头。"), ["爱心超市"]);
        // 由 and no verb of programs: a quote among others.
        assert!(found("“爱心超市”由来已久,居民都知道。").is_empty());
    }

    #[test]
    fn an_honour_before_its_holders_name() {
        let chars: Vec<char> = "“最美小区志愿者”钟清梅整合资源".chars().collect();
        let holder = [Span::new(9, 12)];
        let hits = find_initiatives(&chars, &[], &holder, &holder);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].label, "最美小区志愿者");
        // A post in quotes before a name is the person's post.
        let chars: Vec<char> = "村里的“第一书记”孔静每周走访。".chars().collect();
        let holder = [Span::new(9, 11)];
        assert!(find_initiatives(&chars, &[], &holder, &holder).is_empty());
        // No name after it: a phrase like any other.
        let chars: Vec<char> = "争当“最美小区志愿者”。".chars().collect();
        assert!(find_initiatives(&chars, &[], &[], &[]).is_empty());
    }

    #[test]
    fn an_honour_named_after_the_body_that_gives_it() {
        let text = "他被省关工委评为了“省关工委优秀工作者”。";
        let chars: Vec<char> = text.chars().collect();
        let bodies = [Span::new(2, 6), Span::new(10, 14)];
        let hits = find_initiatives(&chars, &[], &bodies, &[]);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].label, "省关工委优秀工作者");
        // A body's name in quotes is no program.
        let chars: Vec<char> = "他加入了“省关工委”。".chars().collect();
        let body = [Span::new(5, 9)];
        assert!(find_initiatives(&chars, &[], &body, &[]).is_empty());
    }

    #[test]
    fn a_quote_whose_people_someone_is_said_to_be() {
        assert_eq!(found("他是社区“网格合伙人”的一名志愿者。"), ["网格合伙人"]);
        assert_eq!(found("雪花村党支部是“红色食堂”的发起者。"), ["红色食堂"]);
        // People described by what they wear: no program.
        assert!(found("身穿“红马甲”的志愿者走进小区。").is_empty());
    }

    #[test]
    fn a_quote_put_before_its_verb() {
        assert_eq!(
            found("源佳村还将“微心愿帮帮团”推广到周边村。"),
            ["微心愿帮帮团"]
        );
        // No verb of programs after it: a phrase.
        assert!(found("把“小事情”办成了“大实事”。").is_empty());
    }

    #[test]
    fn a_quote_before_one_of_its_people() {
        let chars: Vec<char> = "“家门口食堂”志愿者汤灿鸿每周走访。".chars().collect();
        let holder = [Span::new(10, 13)];
        let hits = find_initiatives(&chars, &[], &holder, &holder);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].label, "家门口食堂");
        assert_eq!(
            found("黄倩作为“一站式议事会”志愿者,每周走访。"),
            ["一站式议事会"]
        );
    }

    #[test]
    fn a_quote_said_to_be_what_its_agents_launched() {
        assert_eq!(
            found("“连心讲堂”是凤仪社区推出的一项便民服务。"),
            ["连心讲堂"]
        );
        // What someone is, not what someone launched: a figure of speech.
        assert!(found("“娘家人”是居民对社区干部的称呼。").is_empty());
        assert!(found("“老黄牛”是大家给他起的外号。").is_empty());
    }

    #[test]
    fn numbered_formulas_and_self_headed_names() {
        assert_eq!(found("“四员”干部下沉后"), ["四员"]);
        assert_eq!(found("推行“导师帮带制”。"), ["导师帮带制"]);
    }

    #[test]
    fn quoted_objects_of_launching_verbs() {
        assert_eq!(
            found("汉滨区深入推进“第一书记组团服务”。"),
            ["第一书记组团服务"]
        );
        assert_eq!(found("社区开展了“清洁家园”。"), ["清洁家园"]);
        // Three chars are too few to tell a program from a word.
        assert!(found("开展“回头看”").is_empty());
    }

    #[test]
    fn slogans_are_not_initiatives() {
        assert!(found("实现了社区建设“真提升”。").is_empty());
        assert!(found("放下“架子”,扑下“身子”").is_empty());
        assert!(found("社区“两委”换届").is_empty());
    }

    #[test]
    fn quoted_means_of_a_clause() {
        assert_eq!(found("社区通过“双向培养”,发展党员27名"), ["双向培养"]);
        assert_eq!(found("沈北新区以“联、帮、包”为基本方式"), ["联、帮、包"]);
        // A goal, or one item of a list, is no means.
        assert!(found("紧紧围绕“夯实基层党建”的工作目标").is_empty());
        assert!(found("制定了以“社区快速发展”、“人民群众满意”为标准").is_empty());
        // 以 takes its program with 为 or 作为 only.
        assert!(found("以“真心实意”换来信任").is_empty());
        // A model to follow is no means either.
        assert!(found("要以“最美社区干部”为榜样").is_empty());
    }

    #[test]
    fn quotes_heading_a_section() {
        assert_eq!(found("“两级联审”把关。"), ["两级联审"]);
        assert_eq!(found("“三项培育” 强化锻炼提能。"), ["三项培育"]);
        // Speech, a term defined, and a sentence that goes on are not.
        assert!(found("“民之所望,政之所向。”").is_empty());
        assert!(found("“电水井”是装有水泵的水窖。").is_empty());
        assert!(found("“学渣”变“学霸”有多难?").is_empty());
        assert!(found("“好邻居”来了,大家都很高兴。").is_empty());
    }

    #[test]
    fn national_names_without_quotes() {
        assert_eq!(
            found("石景山区结合全国文明城区创建工作,组织开展志愿服务。"),
            ["全国文明城区创建"]
        );
        assert_eq!(
            found("在第二次全国和谐社区建设示范单位创建活动中,我省54个社区入选。"),
            ["全国和谐社区建设示范单位创建活动"]
        );
        assert_eq!(
            found("民政部拟表彰200个全国先进基层群众性自治组织。"),
            ["全国先进基层群众性自治组织"]
        );
        // Provincial designations; a designation inside a longer run
        // begins another name.
        assert_eq!(
            found("兰锦社区正全力创建省级和谐社区及标杆党组织。"),
            ["省级和谐社区"]
        );
        assert!(found("省级和谐社区建设示范单位名单公布。").is_empty());
        // No head, or a word across which no name runs, is no name.
        assert!(found("全国人大代表来到社区。").is_empty());
        assert!(found("全国各地的社区工作者").is_empty());
        assert!(found("全国和省市先进单位").is_empty());
    }

    #[test]
    fn work_a_named_subject_launches() {
        let chars: Vec<char> = "第一书记韦小雨开展脱贫攻坚工作的故事".chars().collect();
        let words = segment::tag("第一书记韦小雨开展脱贫攻坚工作的故事");
        let hits = find_initiatives(&chars, &words, &[Span::new(4, 7)], &[]);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].label, "脱贫攻坚");
        assert_eq!(hits[0].alts, ["脱贫攻坚工作"]);
        // Without a named subject, work is routine.
        assert!(found("并开展入户走访工作").is_empty());
    }

    #[test]
    fn a_bare_name_a_named_subject_advances_to_the_end_of_its_clause() {
        let text = "汉滨区深入推进第一书记组团服务,整合帮扶资源。";
        let chars: Vec<char> = text.chars().collect();
        let hits = find_initiatives(&chars, &segment::tag(text), &[Span::new(0, 3)], &[]);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].label, "第一书记组团服务");
        // The party's education campaigns.
        let text = "今年以来,罗湖扎实开展党史学习教育,聚焦解决群众身边问题。";
        let chars: Vec<char> = text.chars().collect();
        let hits = find_initiatives(&chars, &segment::tag(text), &[Span::new(5, 7)], &[]);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].label, "党史学习教育");
        // A short one is a common phrase.
        let text = "汉滨区深入推进便民服务,整合帮扶资源。";
        let chars: Vec<char> = text.chars().collect();
        assert!(find_initiatives(&chars, &segment::tag(text), &[Span::new(0, 3)], &[]).is_empty());
    }

    #[test]
    fn a_system_brought_in_is_a_program_up_to_the_end_of_its_clause() {
        assert_eq!(
            found("天津从2018年开始全面推行社区评星定级。"),
            ["社区评星定级"]
        );
        assert_eq!(found("工联村试行河长制,效果明显。"), ["河长制"]);
        // What the clause says of the verb is no name.
        assert!(found("该制度推行起来很难。").is_empty());
        assert!(found("推行不到一年,就见效了。").is_empty());
        assert!(found("这项制度推行以来,成效明显。").is_empty());
    }

    #[test]
    fn the_one_measure_taken_is_a_program() {
        assert_eq!(
            found("大东区委采取选派机关干部到社区工作的举措,开创了先河。"),
            ["选派机关干部到社区工作"]
        );
        // What measures are like, and lists of ways of working, are not.
        assert!(found("社区采取切实可行的措施,解决难题。").is_empty());
        assert!(found("采取实地调研、个别谈话、查阅文件等方式,督导检查。").is_empty());
    }

    #[test]
    fn cooperations_named_by_their_parties() {
        assert_eq!(found("杨木林子镇产业联合党委推动校地合作。"), ["校地合作"]);
        assert_eq!(
            found("兰锦社区与辖区企业开展村企共建,效果明显。"),
            ["村企共建"]
        );
        // Other words before cooperation, and common words of two such
        // chars, name no parties.
        assert!(found("加强区域合作,深化国际合作。").is_empty());
        assert!(found("村民共建美好家园。").is_empty());
    }

    #[test]
    fn policy_documents_in_titles() {
        assert_eq!(
            found("制定了《社区工作者管理办法(试行)》"),
            ["社区工作者管理办法(试行)"]
        );
        assert_eq!(
            found("印发《关于加强社区治理的实施意见》"),
            ["关于加强社区治理的实施意见"]
        );
        // Newspapers and books have no document head.
        assert!(found("据《人民日报》报道").is_empty());
    }

    #[test]
    fn quoted_objects_of_verbs_of_taking_part() {
        assert_eq!(found("居民代表参加“邻里议事会”。"), ["邻里议事会"]);
        assert_eq!(found("街道谋划的“红色物业联盟”"), ["红色物业联盟"]);
        // An honour a verb confers is no program.
        assert!(found("荣获“优秀共产党员”称号").is_empty());
    }

    #[test]
    fn quoted_objects_past_the_places_they_apply_to() {
        assert_eq!(found("指导街道建立社区“问题清单”台账。"), ["问题清单"]);
        assert_eq!(found("楼栋长积极参与社区乡村“微治理”"), ["微治理"]);
        assert_eq!(found("他们投身到社区和乡村“微治理”中"), ["微治理"]);
        // Three chars are enough after a verb of taking part only.
        assert!(found("推动街道“大工委”").is_empty());
        // Other words between verb and quote are no places.
        assert!(found("带领群众发展的“主心骨”").is_empty());
    }

    #[test]
    fn alt_labels_keep_the_words_up_to_the_head() {
        let chars: Vec<char> = "做好“同心”社会服务工作".chars().collect();
        let hits = find_initiatives(&chars, &[], &[], &[]);
        assert!(
            hits[0].alts.contains(&"同心社会服务".to_owned()),
            "{hits:?}"
        );
        // A run of quotes shares its head alone.
        let chars: Vec<char> = "开展“甲乙”“丙丁”等主题活动".chars().collect();
        let hits = find_initiatives(&chars, &[], &[], &[]);
        assert_eq!(hits[1].alts, ["丙丁主题活动"], "{hits:?}");
    }

    #[test]
    fn an_abbreviation_takes_the_full_name() {
        let mention = |label: &str| Mention {
            kind: EntityKind::Initiative,
            label: label.into(),
            alt_labels: Vec::new(),
            evidence: crate::model::Evidence {
                sentence: 0,
                span: Span::new(0, 0),
            },
        };
        let mut mentions = vec![
            mention("访民情、惠民生、聚民心"),
            mention("访惠聚"),
            mention("三长"),
        ];
        fold_abbreviations(&mut mentions);
        assert_eq!(mentions[1].label, "访民情、惠民生、聚民心");
        assert_eq!(mentions[1].alt_labels, ["访惠聚"]);
        assert_eq!(mentions[2].label, "三长");
    }
}
