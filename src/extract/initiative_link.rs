//! Who runs and who takes part in an initiative, where a sentence says so
//! with a verb frame: *subject* … *verb* … “*initiative*”.
//!
//! The verb is the nearest one of the lexicons (`organizer_verbs.txt`:
//! 开展, 推行, 实施…; `participant_verbs.txt`: 参与, 带领…) before the
//! initiative; its subject the nearest named person, organization or area
//! before the verb, with the others listed with it (西湖和上城 先后开展…).
//! An area or organization that launches or runs it is its organizer; a
//! person, partners doing it together (A与B开展), or anyone a participant
//! verb or a volunteer noun (东北大学志愿者在…) introduces, takes part. The verb is a word of its own and governs
//! nothing past the end of its clause; means and places right before the
//! name (以“…”为载体, 在“…”) frame it as a verb does. A subject left out is
//! the next clause's (推动“…”以来,X…), the sentence's topic or the text's;
//! pilots (以X为试点), passives (被X评为), teams named after the program,
//! its beneficiaries and the unit it is made for (为X制定) are linked too,
//! and the people listed under a roster heading (“…”名单). People listed
//! each after their post (A村书记甲、B村主任乙开展…) act together; agents
//! 由 names after the program (“…”由X发起) run it; the names opening the
//! next clause take part when a verb of taking part ends it (…,辖区A、B积极参与).
//! The unit a program is said to be of runs it (“…”项目是X的…); who acts
//! in the clause after a program that opens the sentence as its time takes
//! part (“…”活动期间,X…); a program's owner between verb and name leaves
//! the verb to the subject (A推广B“…”工作法: both run it); the person
//! under whose lead it is done takes part (在书记王某的带领下,社区开展…),
//! and the organ whose directive it carries out runs it (按照X部署,…). A name written
//! bare (全国文明城区创建) is framed by its own ends. A program the article
//! names is read again wherever its label is written, quoted or bare
//! (参与社区乡村“微治理”, then 启动小区微治理工作), and the name that
//! opens a sentence as the work's trial ground (X作为此次活动的试点单位)
//! takes part in the program the sentence names. Names inside speech (a
//! quote longer than a name) act as elsewhere, and 我们 there is the
//! speaker's unit (“…我们启动…。”X社区居委会副主任陈明说). A clause of
//! purpose (为了做好“…”工作,X…) and a program's time since (“…”实施以来,
//! X…) have the main clause's subject; a verb that has others take part
//! (X组织200名党员参与“…”) makes X the organizer; who helps another (A协助
//! B开展) takes part; the person named after a program or one of its
//! people's nouns (“…”志愿者汤某, an honour's holder) takes part, and who a
//! clause says is one of its people (X是“…”的发起者) runs it or takes part.
//! Two names merely in one article are never linked. Works on the article's mentions, after the
//! recognisers ran.

use super::initiative::{
    before_scope, people_after, people_noun_end, quotes, titles, BEING, DISPOSAL, MEANS,
};
use super::segment;
use super::text::{has_at, is_quote_close, is_quote_open, word_ending_at, LIST_GLUE};
use super::{Focus, LEVEL_WORDS};
use crate::lexicon::{lexicon, WordList};
use crate::model::{ArticleFacts, EntityKind, Evidence, Mention, Relation, RelationKind, Span};
use crate::normalize::is_cjk;

/// Most chars between the verb and the initiative's opening quote.
const VERB_REACH: usize = 30;

/// Most chars between the subject and its verb.
const SUBJECT_REACH: usize = 40;

/// Nouns after a name that make it the people who carry the work out
/// (东北大学志愿者, 社区党员).
const DOERS: &[&str] = &["志愿者", "志愿服务队", "党员", "干部", "师生", "团队"];

/// Fewest chars of an initiative's label found again unquoted: shorter
/// ones (“四员”, “两委”) are as often pieces of other words.
const MIN_BARE_AGAIN: usize = 3;

/// Longest quote that can hide names; a longer one is speech, whose
/// names act as elsewhere.
const SPEECH_QUOTE: usize = 24;

/// How many sentences back an omitted subject may point.
const TOPIC_WINDOW: usize = 8;

/// Where a sentence's topic may start: at the start, or after one short
/// opening clause (近年来，…; 在选派机关干部到社区工作中，…).
const TOPIC_OPENING: usize = 24;

/// Words that point at the area of a level the text is about (全区 建立…,
/// 我市 开展…), before a level word.
const LEVEL_POINTERS: &[char] = &['我', '全', '本', '该'];

/// Prepositions: a name right after one is their object (以清泉社区为试点,
/// 与街道党工委…, 在社区…, 沿着街道党工委谋划的…), not the verb's subject.
const PREPOSITIONS: &[char] = &[
    '以', '在', '对', '向', '与', '把', '将', '从', '按', '让', '给', '被', '为', '到', '沿',
];

/// Nouns after a program's name that make it its people (“四员”干部).
const MEMBERS: &[&str] = &["干部", "成员", "队员", "志愿者", "一员"];

/// Nouns after a name, later in the sentence than a program, that make
/// it the people who work in it (…得到东北大学志愿者的辅导).
const VOLUNTEERS: &[&str] = &["志愿者", "志愿服务队", "师生"];

/// Words after 以 *name* that make the name a program's trial ground.
const PILOT: &[&str] = &["为试点", "作为试点", "为示范点"];

/// Words after a name that make it a trial ground (X作为…试点单位), and
/// the most chars from them to 试点.
const AS_PILOT: &[&str] = &["作为", "成为", "被确定为", "被列为"];
const PILOT_REACH: usize = 12;

/// Posts in a team (…工作队队长).
const TEAM_MEMBERS: &[&str] = &["队长", "队员", "副队长", "组长", "成员"];

/// Most chars between a program's name and the 的 before a noun for its
/// people (its head: 活动, 项目).
const HEAD_REACH: usize = 6;

/// Verbs of running a program besides the lexicon's, for the verb frame
/// only (a quote after them is as often a slogan, so they do not make one
/// a program), and whether their subject takes part: 培育“…”党建品牌,
/// 采取“一区一策”的办法, 用好“党建+”模式; 带来“…”主题发布 (the speakers
/// who present it).
const RUNNING_VERBS: &[(&str, bool)] = &[
    ("培育", false),
    ("采取", false),
    ("采用", false),
    ("用好", false),
    ("运用", false),
    ("带来", true),
];

/// Words right before a program's name that make it where the subject
/// works (东北大学志愿者在“爱心课堂”辅导, 在“双报到”工作中,我区…):
/// the subject takes part.
const PLACES: &[&str] = &["在", "到", "来到", "走进"];

/// Most chars between 为 *name* and the verb (为村党支部量身制定).
const SERVED_GAP: usize = 2;

/// Most chars between an organ and the title of a document it issued
/// (省委组织部人口普查《工作提示》).
const ISSUER_GAP: usize = 4;

/// The ending of a program named after another place's practice (莱西经验):
/// those who promote it adopt it, they take part.
const ADOPTED: &str = "经验";

/// Verbs of striving for a status (创建, 争创): what they create is a
/// title others confer when a status word goes with it (创建“五化”标杆
/// 党组织, 争创文明社区); who strives takes part.
const STRIVING: &[&str] = &["创建", "争创", "创评"];

/// Words of a conferred status.
const STATUS: &[&str] = &["示范", "标杆", "先进", "文明", "和谐", "模范", "星级"];

/// Verbs that report words (表示, 指出…); not 要求 or 提出, whose
/// subject asks for the work and so runs it.
const SPEECH: &[&str] = &["表示", "说", "指出", "强调", "介绍", "认为", "希望"];

/// Words for organs of a kind, not named (机关部门, 各单位).
const UNNAMED_ORGANS: &[&str] = &["部门", "单位", "机关", "党组织"];

/// Words joining two agents of one verb (A与B开展).
const PARTNER_GLUE: &[char] = &['与', '和', '同'];

/// Most chars between the partner after 与 and the verb (携手, 共同).
const PARTNER_GAP: usize = 2;

/// Marks that end a clause: a verb before one has no object after it.
const CLAUSE_BREAKS: &[char] = &[',', '，', ';', '；'];

/// Does `c` end a clause: a break or the sentence's full stop?
fn ends_clause(c: char) -> bool {
    CLAUSE_BREAKS.contains(&c) || c == '。'
}

/// The word that ends a roster's heading (…名单), and the heading's
/// longest length in chars.
const ROSTER: &str = "名单";
const ROSTER_HEADING: usize = 30;

/// Words between people listed each with their post (凤阁村第一书记
/// 苏某、坡头村第一书记于某开展…), and the longest post between two.
const PEOPLE_GLUE: &[char] = &['、', '和', '及'];
const POST_REACH: usize = 20;

/// Words a clause may open with before the names that join a program
/// (辖区各社区积极参与), and the most chars of adverbs between the last
/// name and the verb (纷纷, 积极, 都积极).
const JOINERS_OPENING: usize = 3;
const JOIN_GAP: usize = 3;

/// What may follow a clause-final verb of taking part (参与其中,
/// 参与进来) without making it govern an object.
const JOIN_TAILS: &[&str] = &["其中", "进来", "了"];

/// The word after a verb that makes its clause the time since (推行以来).
const SINCE: &str = "以来";

/// Words opening a clause of purpose (为了做好“…”工作,X…), whose
/// subject is the main clause's, and how many clauses on it may start.
const PURPOSE: &[&str] = &["为了", "为"];
const MAIN_CLAUSE_REACH: usize = 3;

/// Words after a program's name (and its head) that make the clause
/// after it happen within it (“…”活动期间,X…).
const DURING: &[&str] = &["期间", "中"];

/// Words after 在 *person* 的 that make the person lead the work the
/// clause after states (在王某的带领下,社区开展…).
const LEADING: &[&str] = &["带领下", "领导下", "带动下", "带头下"];

/// Words before an organ whose directive the clause carries out (按照
/// 市委部署, 根据民政部要求), and the directive's nouns, within
/// `DIRECTIVE_REACH` chars after the organ (的统一部署, 决策部署).
const DIRECTED: &[&str] = &["按照", "根据", "依照", "遵照"];
const DIRECTIVES: &[&str] = &["部署", "要求", "安排"];
const DIRECTIVE_REACH: usize = 5;

/// Third-person pronouns: the person the text is about.
const PRONOUNS: &[char] = &['他', '她'];

/// Adds an `Organizer` or `Participant` relation for each subject a verb
/// frame links to an initiative.
pub fn find_initiative_links(facts: &mut ArticleFacts, focus: &Focus) {
    let named = names_by_sentence(facts, focus);
    let mut found = Vec::new();
    let mut topic: Option<(usize, Named)> = None;
    let mut person: Option<(usize, Named)> = None;
    let mut roster: Option<Named> = None;
    let mut in_sentence = vec![Vec::new(); facts.sentences.len()];
    for (i, m) in facts.mentions.iter().enumerate() {
        in_sentence[m.evidence.sentence].push(i);
    }
    for (si, names) in named.iter().enumerate() {
        let people = names.iter().filter(|n| n.kind == EntityKind::Person);
        match roster {
            Some(ini) if people.clone().next().is_some() => {
                found.extend(people.map(|p| listed(facts, si, &ini, p)));
            }
            _ => roster = None,
        }
        if let Some(ini) = roster_heading(&facts.sentences[si].text, names) {
            roster = Some(ini);
        }
        let recent =
            |t: Option<(usize, Named)>| t.filter(|(at, _)| si - at <= TOPIC_WINDOW).map(|(_, n)| n);
        if names.iter().any(|n| n.kind == EntityKind::Initiative) {
            let context = Context {
                topic: recent(topic),
                person: recent(person),
                speaker: speaker(facts, &named, &in_sentence, si),
            };
            found.extend(links_in_sentence(facts, si, names, context));
        }
        let text = &facts.sentences[si].text;
        if let Some(t) = sentence_topic(text, names, is_agent) {
            topic = Some((si, t));
        }
        if let Some(p) = person_topic(text, names) {
            person = Some((si, p));
        }
    }
    found.extend(super::program_post::holders(facts));
    found.sort_by_key(|r: &Relation| (r.subject, r.object, r.kind));
    found.dedup_by_key(|r| (r.subject, r.object));
    facts.relations.extend(found);
}

/// The program a sentence heads a list of its people with: a short line
/// naming it and ending in 名单 (2017十佳“…”名单), whose next lines name
/// the honourees or members.
fn roster_heading(text: &str, names: &[Named]) -> Option<Named> {
    let line = text.trim_end_matches([':', '：', ' ']);
    let short = line.chars().count() <= ROSTER_HEADING;
    let ini = names.iter().find(|n| n.kind == EntityKind::Initiative)?;
    (short && line.ends_with(ROSTER)).then_some(*ini)
}

/// A person listed under a roster heading takes part in its program.
fn listed(facts: &ArticleFacts, si: usize, ini: &Named, person: &Named) -> Relation {
    let base = facts.sentences[si].span.start;
    Relation {
        kind: RelationKind::Participant,
        subject: ini.mention,
        object: person.mention,
        evidence: Evidence {
            sentence: si,
            span: Span::new(base + person.span.start, base + person.span.end),
        },
    }
}

/// What earlier sentences were about, for subjects left out.
#[derive(Debug, Clone, Copy)]
struct Context {
    /// The area or organization.
    topic: Option<Named>,
    /// The person (他, 她).
    person: Option<Named>,
    /// Who says the sentence, when it is a quote of its own: the unit
    /// 我们 stands for, or the speaker.
    speaker: Option<Named>,
}

/// A name in the sentence, in sentence-local chars.
#[derive(Debug, Clone, Copy)]
struct Named {
    mention: usize,
    kind: EntityKind,
    span: Span,
}

fn is_agent(n: &Named) -> bool {
    is_agent_kind(n.kind)
}

fn is_agent_kind(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Area(_) | EntityKind::Organization)
}

/// Each sentence's names in text order, without those inside an
/// organization's name (锦州市 in 锦州市委组织部 is not a subject of its
/// own), with the areas words like 全区 or 我市 point at.
fn names_by_sentence(facts: &ArticleFacts, focus: &Focus) -> Vec<Vec<Named>> {
    let mut named: Vec<Vec<Named>> = vec![Vec::new(); facts.sentences.len()];
    for (i, m) in facts.mentions.iter().enumerate() {
        let base = facts.sentences[m.evidence.sentence].span.start;
        named[m.evidence.sentence].push(Named {
            mention: i,
            kind: m.kind,
            span: Span::new(m.evidence.span.start - base, m.evidence.span.end - base),
        });
    }
    let initiatives = initiative_labels(facts);
    for (si, names) in named.iter_mut().enumerate() {
        let orgs: Vec<Span> = names
            .iter()
            .filter(|n| n.kind == EntityKind::Organization)
            .map(|n| n.span)
            .collect();
        // A name inside an unquoted program's name (和谐社区 in 全国和谐
        // 社区建设示范城市) is part of it, as one inside quotes is.
        let mut quoted = quoted_spans(&facts.sentences[si].text);
        quoted.extend(
            names
                .iter()
                .filter(|n| n.kind == EntityKind::Initiative)
                .map(|n| n.span),
        );
        names.retain(|n| {
            (matches!(n.kind, EntityKind::Organization | EntityKind::Initiative)
                || !orgs.iter().any(|o| o.contains(&n.span)))
                && (n.kind == EntityKind::Initiative || !quoted.iter().any(|q| q.contains(&n.span)))
        });
        let pointed = level_pointers(facts, si, names, focus);
        names.extend(pointed);
        let again = named_again(facts, si, names, &initiatives);
        names.extend(again);
        names.sort_by_key(|n| (n.span.start, std::cmp::Reverse(n.span.end)));
    }
    named
}

/// The spans inside quotes and titles: a name there is part of a quoted
/// phrase (“生态上木古,美德客家村”) or a document's title, no one's
/// subject.
fn quoted_spans(text: &str) -> Vec<Span> {
    if !text.contains(['“', '「', '『', '"', '‘', '《']) {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<Span> = quotes(&chars)
        .into_iter()
        .filter(|q| q.len() <= SPEECH_QUOTE)
        .collect();
    spans.extend(titles(&chars));
    spans
}

/// An initiative the article names elsewhere, written again in this
/// sentence where its recogniser did not take it: quoted
/// (“山西最美社区干部”评选表彰会), or bare (启动楼栋长参与小区微治理工作,
/// after 参与社区乡村“微治理” named it), so the frames read it as they
/// read the first mention.
fn named_again(
    facts: &ArticleFacts,
    si: usize,
    names: &[Named],
    initiatives: &[(usize, Vec<char>)],
) -> Vec<Named> {
    let text = &facts.sentences[si].text;
    if initiatives.is_empty() {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let again = |mention: usize, span: Span| Named {
        mention,
        kind: EntityKind::Initiative,
        span,
    };
    let mut out: Vec<Named> = quotes(&chars)
        .into_iter()
        .filter(|q| !names.iter().any(|n| n.span.overlaps(q)))
        .filter_map(|q| {
            let (mention, _) = initiatives
                .iter()
                .find(|(_, l)| l[..] == chars[q.start..q.end])?;
            Some(again(*mention, q))
        })
        .collect();
    let taken: Vec<Span> = names
        .iter()
        .map(|n| n.span)
        .chain(out.iter().map(|n| n.span))
        .chain(quoted_spans(text))
        .collect();
    out.extend(
        bare_again(text, &chars, initiatives, &taken)
            .into_iter()
            .map(|(mention, span)| again(mention, span)),
    );
    out
}

/// Each initiative label the article names, once, with its first
/// mention: read once per article, not per sentence, so that a long
/// article (a crawler's pages run together) costs time linear in its
/// length.
fn initiative_labels(facts: &ArticleFacts) -> Vec<(usize, Vec<char>)> {
    let mut seen = std::collections::HashSet::new();
    facts
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == EntityKind::Initiative && seen.insert(m.label.as_str()))
        .map(|(i, m)| (i, m.label.chars().collect()))
        .collect()
}

/// The bare occurrences of the initiatives' labels in a sentence: labels
/// of `MIN_BARE_AGAIN` chars or more, written as words of their own (no
/// word of the segmenter runs across their ends), outside other names
/// and quotes.
fn bare_again(
    text: &str,
    chars: &[char],
    initiatives: &[(usize, Vec<char>)],
    taken: &[Span],
) -> Vec<(usize, Span)> {
    let mut found: Vec<(usize, Span)> = Vec::new();
    for (mention, label) in initiatives
        .iter()
        .filter(|(_, l)| l.len() >= MIN_BARE_AGAIN)
    {
        let starts = chars.windows(label.len()).enumerate();
        for (at, _) in starts.filter(|(_, w)| w == label) {
            let span = Span::new(at, at + label.len());
            let free = |s: &Span| !s.overlaps(&span);
            if taken.iter().all(free) && found.iter().all(|(_, s)| free(s)) {
                found.push((*mention, span));
            }
        }
    }
    if found.is_empty() {
        return found;
    }
    let words = Words::of(text, chars);
    found.retain(|(_, s)| words.start_of[s.start] == s.start && words.end_of[s.end - 1] == s.end);
    found
}

/// Chars that end the clause before a bare level word that opens one.
const CLAUSE_OPENINGS: &[char] = &[',', '，', ':', '：', ';', '；', '。'];

/// Adverbs and prepositions after which a bare level word opening a
/// clause is its subject (街道还…, 社区通过…), not the first word of a
/// noun (社区干部).
const SUBJECT_LEADS: &[&str] = &[
    "还", "也", "又", "都", "则", "先后", "积极", "主动", "通过", "依托", "与", "联合", "携手",
    "坚持", "不断", "持续", "结合", "围绕",
];

/// 全区, 我市, 该县…, a bare 街道 or 社区 right before a verb of the
/// lexicons (街道组织的…), or opening a clause with an adverb before such
/// a verb (街道还与…开展): the area of that level in focus, as a name.
fn level_pointers(facts: &ArticleFacts, si: usize, names: &[Named], focus: &Focus) -> Vec<Named> {
    let chars: Vec<char> = facts.sentences[si].text.chars().collect();
    let at = focus.at(si);
    let lex = lexicon();
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(1) {
        if names.iter().any(|n| n.span.start <= i && i < n.span.end) {
            continue;
        }
        let pointer = usize::from(LEVEL_POINTERS.contains(&chars[i]));
        let Some(&(word, kind)) = LEVEL_WORDS
            .iter()
            .find(|(w, _)| has_at(&chars, i + pointer, w))
        else {
            continue;
        };
        let end = i + pointer + word.chars().count();
        let verb_at = |k: usize| {
            lex.organizer_verbs.starting_at(&chars, k).is_some()
                || lex.participant_verbs.starting_at(&chars, k).is_some()
        };
        let acting = word.chars().count() == 2 && verb_at(end);
        // 张某说,街道还与…合作开展“…”: a clause that opens with the bare
        // word and an adverb or a preposition has it as its subject; so
        // does one that opens with it and a verb (…工作, 社区制作了…).
        let opens_clause = chars[..i]
            .iter()
            .rfind(|c| !c.is_whitespace())
            .is_none_or(|c| CLAUSE_OPENINGS.contains(c));
        let subject = opens_clause
            && (SUBJECT_LEADS.iter().any(|w| has_at(&chars, end, w))
                && (end..chars.len())
                    .take_while(|&k| !CLAUSE_OPENINGS.contains(&chars[k]))
                    .any(verb_at)
                || word.chars().count() == 2 && verb_follows(&chars, end));
        if pointer == 0 && !acting && !subject {
            continue;
        }
        let Some(label) = at.area(kind, i) else {
            continue;
        };
        let mention = facts
            .mentions
            .iter()
            .position(|m| m.kind == EntityKind::Area(kind) && m.label == label);
        if let Some(mention) = mention {
            out.push(Named {
                mention,
                kind: EntityKind::Area(kind),
                span: Span::new(i, end),
            });
        }
    }
    out
}

/// Does the clause go on at `at` with a verb (社区|制作了…), not with the
/// rest of a noun (社区|建设, 社区|干部)? Segmented here, on the clause
/// alone: bare level words open few clauses.
fn verb_follows(chars: &[char], at: usize) -> bool {
    let clause: String = chars[at..]
        .iter()
        .take_while(|c| !CLAUSE_OPENINGS.contains(c))
        .collect();
    let words = super::segment::tag(&clause);
    let tag = |k: usize| words.get(k).map_or("", |w| w.tag());
    // jieba tags 制作 and 建设 alike (vn): 了 after it makes it a verb.
    tag(0) == "v" && matches!(tag(1), "n" | "vn" | "nz" | "ul") || tag(0) == "vn" && tag(1) == "ul"
}

/// The name a sentence is about, of those `wanted`: the first name,
/// standing at its start or after one short opening clause, the last of a
/// chain (沈阳市大东区 → 大东区).
fn sentence_topic(text: &str, names: &[Named], wanted: impl Fn(&Named) -> bool) -> Option<Named> {
    let first = names
        .iter()
        .find(|n| n.kind != EntityKind::Initiative && wanted(n))?;
    let chars: Vec<char> = text.chars().collect();
    // Traditional pages write a space after a comma (以此为契机, 石景山区…).
    let before = chars[..first.span.start]
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(&chars[..0], |last| &chars[..=last]);
    let is_comma = |c: &char| matches!(c, ',' | '，');
    let opening = before.is_empty()
        || before.len() <= TOPIC_OPENING
            && before.last().is_some_and(is_comma)
            && before.iter().filter(|c| is_comma(c)).count() == 1;
    if !opening {
        return None;
    }
    Some(last_of_chain(names, *first, wanted))
}

/// The last of the names written on from `first` without a gap, of those
/// `wanted`: a chain of areas names its last (沈阳市大东区 → 大东区).
fn last_of_chain(names: &[Named], first: Named, wanted: impl Fn(&Named) -> bool) -> Named {
    let mut last = first;
    for n in names {
        if n.span.start < last.span.end {
            continue;
        }
        if n.span.start != last.span.end || !wanted(n) {
            break;
        }
        last = *n;
    }
    last
}

/// The person a sentence is about: the first one named in its first
/// clause (南山街道基层治理指导员李忠仁到任后，…).
fn person_topic(text: &str, names: &[Named]) -> Option<Named> {
    let first = names.iter().find(|n| n.kind == EntityKind::Person)?;
    let comma = text.chars().position(|c| matches!(c, ',' | '，'));
    comma.is_none_or(|c| first.span.start < c).then_some(*first)
}

/// Words of speaking after a speaker's name (…副主任陈明说, …书记王某
/// 介绍).
const SPEAKING: &[&str] = &["说", "表示", "介绍", "告诉", "谈到"];

/// The pronouns by which a speaker means the unit they speak for.
const WE: &[&str] = &["我们", "咱们"];

/// Who says sentence `si` when it is, or holds, a quote: the speaker
/// named before a word of speaking at the start of the next sentence
/// (“…。”关上社区居委会副主任陈明说), or before one and a colon opening
/// the quote (居民李明说:“…”), in this sentence or ending the previous
/// one. The place or organization their post is in stands for 我们 (关上
/// 社区, the first and shortest named before the post); without one, the
/// speaker.
fn speaker(
    facts: &ArticleFacts,
    named: &[Vec<Named>],
    in_sentence: &[Vec<usize>],
    si: usize,
) -> Option<Named> {
    let text = facts.sentences[si].text.trim();
    let chars_of =
        |sj: usize| -> Vec<char> { facts.sentences[sj].text.trim_end().chars().collect() };
    let colon_before_quote = |chars: &[char]| {
        chars
            .windows(2)
            .position(|w| matches!(w[0], ':' | '：') && (is_quote_open(w[1])))
    };
    let own = chars_of(si);
    if let Some(colon) = colon_before_quote(&own) {
        return said_by(facts, &named[si], &in_sentence[si], si, &own, Some(colon));
    }
    if !text.starts_with(is_quote_open) {
        return None;
    }
    let next = (text.ends_with(is_quote_close) && si + 1 < named.len())
        .then(|| {
            said_by(
                facts,
                &named[si + 1],
                &in_sentence[si + 1],
                si + 1,
                &chars_of(si + 1),
                None,
            )
        })
        .flatten();
    next.or_else(|| {
        let prev = si.checked_sub(1)?;
        let chars = chars_of(prev);
        let colon = chars
            .len()
            .checked_sub(1)
            .filter(|&c| matches!(chars[c], ':' | '：'))?;
        said_by(
            facts,
            &named[prev],
            &in_sentence[prev],
            prev,
            &chars,
            Some(colon),
        )
    })
}

/// The speaker of sentence `sj` (see [`speaker`]): the person before a
/// word of speaking that ends at `colon`, or, without one, that opens
/// the sentence after their unit and post; and their post's unit.
fn said_by(
    facts: &ArticleFacts,
    names: &[Named],
    mentions: &[usize],
    sj: usize,
    chars: &[char],
    colon: Option<usize>,
) -> Option<Named> {
    let p = names.iter().find(|p| {
        let word = SPEAKING.iter().find(|w| has_at(chars, p.span.end, w));
        p.kind == EntityKind::Person
            && word.is_some_and(|w| match colon {
                Some(c) => p.span.end + w.chars().count() == c,
                None => chars[..p.span.start].iter().all(|&c| is_cjk(c)),
            })
    })?;
    if lexicon().roles.ending_at(chars, p.span.start).is_none() {
        return Some(*p);
    }
    let base = facts.sentences[sj].span.start;
    let unit = mentions
        .iter()
        .map(|&i| (i, &facts.mentions[i]))
        .filter(|(_, m)| is_agent_kind(m.kind))
        .map(|(i, m)| {
            let span = Span::new(m.evidence.span.start - base, m.evidence.span.end - base);
            Named {
                mention: i,
                kind: m.kind,
                span,
            }
        })
        .filter(|n| n.span.end <= p.span.start && p.span.start - n.span.end <= POST_REACH)
        .filter(|n| chars[n.span.end..p.span.start].iter().all(|&c| is_cjk(c)))
        .min_by_key(|n| (n.span.start, n.span.end));
    Some(unit.unwrap_or(*p))
}

/// One sentence as the verb frames read it.
struct Frame<'a> {
    si: usize,
    base: usize,
    text: &'a str,
    chars: Vec<char>,
    words: Words,
    named: &'a [Named],
    mentions: &'a [Mention],
}

impl Frame<'_> {
    fn relation(&self, ini: &Named, who: &Named, kind: RelationKind, start: usize) -> Relation {
        Relation {
            kind,
            subject: ini.mention,
            object: who.mention,
            evidence: Evidence {
                sentence: self.si,
                span: Span::new(self.base + start, self.base + ini.span.end),
            },
        }
    }

    /// Is `n` followed by one of `nouns` (东北大学志愿者)?
    fn followed_by(&self, n: &Named, nouns: &[&str]) -> bool {
        nouns.iter().any(|d| has_at(&self.chars, n.span.end, d))
    }
}

fn links_in_sentence(
    facts: &ArticleFacts,
    si: usize,
    named: &[Named],
    context: Context,
) -> Vec<Relation> {
    let sentence = &facts.sentences[si];
    let chars: Vec<char> = sentence.text.chars().collect();
    let frame = Frame {
        si,
        base: sentence.span.start,
        text: &sentence.text,
        words: Words::of(&sentence.text, &chars),
        chars,
        named,
        mentions: &facts.mentions,
    };
    let mut out = Vec::new();
    for ini in named.iter().filter(|n| n.kind == EntityKind::Initiative) {
        out.extend(owner_and_members(&frame, ini));
        out.extend(partners_of(&frame, ini));
        out.extend(volunteers_after(&frame, ini));
        out.extend(holder_after(&frame, ini));
        out.extend(agents_after(&frame, ini));
        out.extend(joined_after(&frame, ini));
        out.extend(owner_by_copula(&frame, ini));
        out.extend(during(&frame, ini, context));
        out.extend(since_launched(&frame, ini));
        out.extend(led_by(&frame, ini));
        out.extend(directed_by(&frame, ini));
        out.extend(pilot_subject(&frame, ini));
        out.extend(disposed(&frame, ini));
        out.extend(verb_frame(&frame, ini, context));
    }
    out
}

/// 浙江省“大花园”建设, 长春“三长”联动: the area's or organ's own
/// program; 吕鑫是朝阳市选派的“四员”干部: the person the sentence is
/// about is one of the program's people.
fn owner_and_members(frame: &Frame, ini: &Named) -> Vec<Relation> {
    let chars = &frame.chars;
    let (quote, after) = marks(chars, ini);
    let mut out = Vec::new();
    let title = chars.get(quote) == Some(&'《');
    // 我市农村、社区“一十百”…: the places a program applies to may stand
    // between its owner and its name.
    let scoped = before_scope(chars, quote);
    let owns = |n: &Named| {
        let gap = chars.get(n.span.end..quote).unwrap_or_default();
        gap.is_empty()
            || scoped < quote && n.span.end == scoped
            || gap == ['的']
            || title && gap.len() <= ISSUER_GAP && gap.iter().all(|&c| is_cjk(c))
    };
    // …政法委“访惠聚”驻村工作队队长: the team named after the program
    // works in it, and so do the organ that fields it and the member the
    // sentence is about.
    let team = frame
        .named
        .iter()
        .find(|n| n.kind == EntityKind::Organization && n.span.contains(&ini.span));
    // 金海花园小区“最美小区志愿者”钟清梅: the place is the holder's.
    let held = holder_after(frame, ini).is_some();
    // 兰锦社区和工联村的“…”: partners take part (see partners_of).
    let partnered = |n: &Named| {
        n.span.start > 0
            && PARTNER_GLUE.contains(&chars[n.span.start - 1])
            && frame
                .named
                .iter()
                .any(|m| is_agent(m) && m.span.end + 1 == n.span.start)
    };
    if let Some(owner) = frame.named.iter().rev().find(|n| {
        is_agent(n)
            && n.span.end <= quote
            && owns(n)
            && !held
            && !(owns_quote(frame, n, quote) && partnered(n))
    }) {
        let kind = if team.is_some() {
            RelationKind::Participant
        } else {
            RelationKind::Organizer
        };
        out.push(frame.relation(ini, owner, kind, owner.span.start));
    }
    if let Some(team) = team {
        out.push(frame.relation(ini, team, RelationKind::Participant, team.span.start));
    }
    // 工作队队长张某 names the member after the post.
    let named_member = team.and_then(|t| {
        let post = TEAM_MEMBERS.iter().find(|m| has_at(chars, t.span.end, m))?;
        let at = t.span.end + post.chars().count();
        frame
            .named
            .iter()
            .find(|n| n.kind == EntityKind::Person && n.span.start == at)
    });
    if let Some(p) = named_member {
        out.push(frame.relation(ini, p, RelationKind::Participant, p.span.start));
    }
    let member_of_team = team.is_some_and(|t| frame.followed_by(t, TEAM_MEMBERS));
    let people = people_after(chars, after, HEAD_REACH);
    if MEMBERS.iter().any(|m| has_at(chars, after, m))
        || people.is_some()
        || member_of_team && named_member.is_none()
    {
        // 社区党支部是“…”的发起者: who the sentence says it is runs or
        // takes part in it; else the person it is about is one of its people.
        let who = copula_subject(frame, quote)
            .or_else(|| person_topic(frame.text, frame.named).filter(|p| p.span.end <= quote))
            .or_else(|| as_one_of_them(frame, ini));
        if let Some(who) = who {
            let kind = if people == Some(true) && is_agent(&who) {
                RelationKind::Organizer
            } else {
                RelationKind::Participant
            };
            out.push(frame.relation(ini, &who, kind, who.span.start));
        }
    }
    out
}

/// Most chars of the partner written between 与 and 的 (九社村与农大的…).
const PARTNER_NAME: usize = 8;

/// 九社村与农大的校地合作, 兰锦社区和工联村“…”: the parties a program is
/// said to be of, joined by 与, 和 or 同 right before it or 的, take part
/// in it.
fn partners_of(frame: &Frame, ini: &Named) -> Vec<Relation> {
    let chars = &frame.chars;
    let (quote, _) = marks(chars, ini);
    let of = quote - usize::from(quote > 0 && chars[quote - 1] == '的');
    let joined = |n: &&Named| {
        let partner = n.span.end + 1..of;
        is_agent(n)
            && PARTNER_GLUE.contains(&chars[n.span.end])
            && !partner.is_empty()
            && partner.len() <= PARTNER_NAME
            && chars[partner].iter().all(|&c| is_cjk(c))
    };
    let Some(first) = frame
        .named
        .iter()
        .filter(|n| n.span.end < of)
        .rev()
        .find(joined)
    else {
        return Vec::new();
    };
    let second = frame
        .named
        .iter()
        .find(|n| is_agent(n) && n.span.start == first.span.end + 1 && n.span.end == of);
    std::iter::once(first)
        .chain(second)
        .map(|n| frame.relation(ini, n, RelationKind::Participant, n.span.start))
        .collect()
}

/// 作为“…”的一员,李某…: a sentence opening with 作为 and a program's
/// people has the next clause's subject as one of them.
fn as_one_of_them(frame: &Frame, ini: &Named) -> Option<Named> {
    let (quote, _) = marks(&frame.chars, ini);
    if !has_at(&frame.chars, 0, AS) || quote != AS.chars().count() {
        return None;
    }
    next_clause_subject(frame, ini.span.end)
}

/// The word opening a sentence that says what its subject is (作为“…”的
/// 一员,…).
const AS: &str = "作为";

/// The name before the 是 (成为, 作为) of the clause that ends at the
/// quote opening at `quote` (雪花村党支部是“…”, 邢某是清河村“…”).
fn copula_subject(frame: &Frame, quote: usize) -> Option<Named> {
    let chars = &frame.chars;
    let be = (0..quote)
        .rev()
        .take_while(|&i| !ends_clause(chars[i]))
        .find(|&i| {
            BEING.iter().any(|b| {
                let end = i + b.chars().count();
                has_at(chars, i, b) && frame.words.fits(i, end)
            })
        })?;
    frame
        .named
        .iter()
        .find(|n| n.kind != EntityKind::Initiative && n.span.end == be)
        .copied()
}

/// Where an initiative's name is marked off: the quote or 《 before it
/// and the mark after, or its own ends when it stands bare (全国文明城区
/// 创建).
fn marks(chars: &[char], ini: &Named) -> (usize, usize) {
    let (start, end) = (ini.span.start, ini.span.end);
    let opened = start > 0 && (is_quote_open(chars[start - 1]) || chars[start - 1] == '《');
    let closed = chars
        .get(end)
        .is_some_and(|&c| is_quote_close(c) || c == '》');
    (
        if opened { start - 1 } else { start },
        end + usize::from(closed),
    )
}

/// “最美小区志愿者”钟清梅, 全国优秀党务工作者王某, “家门口食堂”志愿者汤某:
/// the person named right after a program's name, or after one of its
/// people's nouns, holds its honour or serves in it.
fn holder_after(frame: &Frame, ini: &Named) -> Option<Relation> {
    let mut after = marks(&frame.chars, ini).1;
    // “家门口食堂”志愿者汤某, “连心守望”发起人黄某: one of its people.
    if let Some(end) = people_noun_end(&frame.chars, after) {
        after = end;
    }
    let p = frame
        .named
        .iter()
        .find(|n| n.kind == EntityKind::Person && n.span.start == after)?;
    Some(frame.relation(ini, p, RelationKind::Participant, ini.span.start))
}

/// 搭建“爱心课堂”平台,让孩子得到东北大学志愿者的辅导: an organization
/// whose volunteers the sentence names after the program works in it.
fn volunteers_after(frame: &Frame, ini: &Named) -> Vec<Relation> {
    frame
        .named
        .iter()
        .filter(|n| n.span.start > ini.span.end && is_agent(n) && frame.followed_by(n, VOLUNTEERS))
        .map(|n| frame.relation(ini, n, RelationKind::Participant, ini.span.start))
        .collect()
}

/// “邻里守望”项目由清河社区党委发起: the agents 由 names after the
/// program (and its head) run it, or take part with a verb of taking part;
/// a list of them (由A主办、B承办) each with their verb.
fn agents_after(frame: &Frame, ini: &Named) -> Vec<Relation> {
    let chars = &frame.chars;
    let after = marks(chars, ini).1;
    let by = (after..chars.len().min(after + HEAD_REACH + 1))
        .take_while(|&i| is_cjk(chars[i]))
        .find(|&i| chars[i] == '由' && (frame.words.fits(i, i + 1) || glued_before_name(frame, i)));
    let Some(mut at) = by.map(|b| b + 1) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    loop {
        let mut agents = Vec::new();
        while let Some(n) = frame
            .named
            .iter()
            .find(|n| n.span.start == at && n.kind != EntityKind::Initiative)
        {
            agents.push(*n);
            at = n.span.end;
            if !chars.get(at).is_some_and(|c| PEOPLE_GLUE.contains(c)) {
                break;
            }
            at += 1;
        }
        let Some(last) = agents.last() else { break };
        let verb = (last.span.end..=last.span.end + PARTNER_GAP)
            .take_while(|&i| i < chars.len() && is_cjk(chars[i]))
            .find_map(|i| verb_starting_at(frame, i));
        let Some((verb, end)) = verb else { break };
        for a in &agents {
            let kind = if verb.participant || a.kind == EntityKind::Person {
                RelationKind::Participant
            } else {
                RelationKind::Organizer
            };
            out.push(frame.relation(ini, a, kind, ini.span.start));
        }
        if chars.get(end) != Some(&'、') {
            break;
        }
        at = end + 1;
    }
    out
}

/// Does the one-char word at `at` start a word jieba glued to the name
/// right after it (由四会|市委 read 由四会/j: 由 四会市委)?
fn glued_before_name(frame: &Frame, at: usize) -> bool {
    frame.words.start_of[at] == at && frame.named.iter().any(|n| n.span.start == at + 1)
}

/// The first of `words` after a program's name, past its head or a comma
/// (“…”项目是…, “…”,是…), within reach: where that word ends.
fn after_head(frame: &Frame, ini: &Named, words: &[&str]) -> Option<usize> {
    let chars = &frame.chars;
    let after = marks(chars, ini).1;
    let mut comma = false;
    for i in after..chars.len().min(after + HEAD_REACH + 2) {
        let word = words.iter().find(|w| has_at(chars, i, w));
        if let Some(end) = word.map(|w| i + w.chars().count()) {
            if frame.words.fits(i, end) {
                return Some(end);
            }
        }
        match chars[i] {
            ',' | '，' if !comma => comma = true,
            c if is_cjk(c) => {}
            _ => return None,
        }
    }
    None
}

/// “幸福食堂”项目是清河街道今年的重点项目: the area or organization the
/// program is said to be of runs it.
fn owner_by_copula(frame: &Frame, ini: &Named) -> Option<Relation> {
    let be = after_head(frame, ini, &["是"])?;
    let owner = frame
        .named
        .iter()
        .find(|n| n.span.start == be && is_agent(n))?;
    Some(frame.relation(ini, owner, RelationKind::Organizer, ini.span.start))
}

/// “邻里节”活动期间,清河社区组织义诊 (or 在“…”活动中,…): the subject of
/// the clause after a program that opens the sentence as its time, or as
/// its purpose (为了做好“…”工作,X…), takes part in it; where the subject is a unit and a post with the person
/// holding it (清河社区网格员王丽每天…), the person acts.
fn during(frame: &Frame, ini: &Named, context: Context) -> Option<Relation> {
    let (quote, _) = marks(&frame.chars, ini);
    let before: String = frame.chars[..quote]
        .iter()
        .filter(|c| !c.is_whitespace())
        .collect();
    // 八角南路社区党委书记毛某介绍,为了做好…: what the speaker says is the
    // sentence.
    let before = match before.split_once([',', '，']) {
        Some((speech, said)) if SPEECH.iter().any(|w| speech.ends_with(w)) => said.to_owned(),
        _ => before,
    };
    let one_clause = !before.contains(|c| CLAUSE_BREAKS.contains(&c));
    // 在X开展的“…”活动中: a relative clause between 在 and the name.
    let opens = before.is_empty()
        || before == "在"
        || before.starts_with('在') && before.ends_with('的') && one_clause;
    // 为了做好“…”工作,X…: a clause of purpose has the next one's subject.
    let purpose = PURPOSE.iter().any(|p| before.starts_with(p)) && one_clause;
    let end = if purpose {
        clause_end_after(frame, ini)
    } else {
        after_head(frame, ini, DURING).filter(|_| opens)
    }?;
    if !matches!(frame.chars.get(end), Some(',' | '，')) {
        return None;
    }
    let s = if purpose {
        main_clause_subject(frame, end, context)
    } else {
        next_clause_subject(frame, end)
    }?;
    let s = person_after_post(frame, &s).unwrap_or(s);
    Some(frame.relation(ini, &s, RelationKind::Participant, ini.span.start))
}

/// “幸福食堂”项目实施以来,清河社区…: a program opening the sentence,
/// launched or joined “since” as its time, is run by the subject of the
/// clause after (or joined, by the verb).
fn since_launched(frame: &Frame, ini: &Named) -> Option<Relation> {
    let chars = &frame.chars;
    let (quote, after) = marks(chars, ini);
    if !chars[..quote].iter().all(|c| c.is_whitespace()) {
        return None;
    }
    let (verb, end) = (after..chars.len().min(after + HEAD_REACH + 1))
        .take_while(|&i| is_cjk(chars[i]))
        .find_map(|i| verb_starting_at(frame, i))?;
    if !has_at(chars, end, SINCE) {
        return None;
    }
    let comma = end + SINCE.chars().count();
    if !matches!(chars.get(comma), Some(',' | '，')) {
        return None;
    }
    let s = next_clause_subject(frame, comma)?;
    let kind = if verb.participant || !is_agent(&s) {
        RelationKind::Participant
    } else {
        RelationKind::Organizer
    };
    Some(frame.relation(ini, &s, kind, ini.span.start))
}

/// Where the clause of a program's name ends: the comma after its head
/// (“…”接待服务工作,), within reach.
fn clause_end_after(frame: &Frame, ini: &Named) -> Option<usize> {
    let chars = &frame.chars;
    let after = marks(chars, ini).1;
    (after..chars.len().min(after + HEAD_REACH + 1))
        .take_while(|&i| is_cjk(chars[i]) || matches!(chars[i], ',' | '，'))
        .find(|&i| matches!(chars[i], ',' | '，'))
}

/// The person a unit's post names right after the unit (清河社区|网格员|
/// 王丽, 黄家村|党员|韦某), if any.
fn person_after_post(frame: &Frame, unit: &Named) -> Option<Named> {
    if unit.kind == EntityKind::Person {
        return None;
    }
    let chars = &frame.chars;
    frame
        .named
        .iter()
        .find(|p| {
            p.kind == EntityKind::Person
                && p.span.start > unit.span.end
                && p.span.start - unit.span.end <= POST_REACH
                && chars[unit.span.end..p.span.start]
                    .iter()
                    .all(|&c| is_cjk(c))
                && (lexicon().roles.ending_at(chars, p.span.start).is_some()
                    || DOERS.iter().any(|d| {
                        p.span.start >= d.chars().count()
                            && has_at(chars, p.span.start - d.chars().count(), d)
                    }))
        })
        .copied()
}

/// 在书记王某的带领下,社区开展“…”: the person under whose lead the
/// program's clause, or the one before it, is done takes part.
fn led_by(frame: &Frame, ini: &Named) -> Option<Relation> {
    let chars = &frame.chars;
    let clause = |at: usize| {
        chars[..at]
            .iter()
            .filter(|c| CLAUSE_BREAKS.contains(c))
            .count()
    };
    let leader = frame.named.iter().rev().find(|n| {
        n.kind == EntityKind::Person
            && n.span.end < ini.span.start
            && chars.get(n.span.end) == Some(&'的')
            && LEADING.iter().any(|w| has_at(chars, n.span.end + 1, w))
            && clause(ini.span.start) - clause(n.span.end) <= 1
            && chars[..n.span.start].contains(&'在')
    })?;
    Some(frame.relation(ini, leader, RelationKind::Participant, leader.span.start))
}

/// 按照市委社会工委部署,我们启动“…”: the area or organization whose
/// directive the program's clause, or the one after it, carries out runs
/// the program.
fn directed_by(frame: &Frame, ini: &Named) -> Option<Relation> {
    let chars = &frame.chars;
    let breaks = |from: usize, to: usize| {
        chars[from..to]
            .iter()
            .filter(|c| CLAUSE_BREAKS.contains(c))
            .count()
    };
    let organ = frame.named.iter().rev().find(|n| {
        is_agent(n)
            && n.span.end < ini.span.start
            && DIRECTED.iter().any(|d| {
                n.span.start >= d.chars().count()
                    && has_at(chars, n.span.start - d.chars().count(), d)
            })
            && (n.span.end..chars.len().min(n.span.end + DIRECTIVE_REACH))
                .take_while(|&i| is_cjk(chars[i]))
                .any(|i| DIRECTIVES.iter().any(|d| has_at(chars, i, d)))
            && breaks(n.span.end, ini.span.start) <= 1
    })?;
    Some(frame.relation(ini, organ, RelationKind::Organizer, organ.span.start))
}

/// “邻里节”活动,辖区清河社区、幸福社区积极参与: the names that open the
/// next clause, whose verb of taking part ends it, take part in the
/// program the clause before named.
fn joined_after(frame: &Frame, ini: &Named) -> Vec<Relation> {
    let chars = &frame.chars;
    let after = marks(chars, ini).1;
    let Some(comma) = chars[after.min(chars.len())..]
        .iter()
        .position(|c| matches!(c, ',' | '，'))
        .map(|c| c + after)
    else {
        return Vec::new();
    };
    // A person may open it after their post (社区书记王某主持).
    let opening = |n: &Named| {
        let reach = if n.kind == EntityKind::Person {
            POST_REACH
        } else {
            JOINERS_OPENING
        };
        n.span.start <= comma + 1 + reach
            && chars[comma + 1..n.span.start].iter().all(|&c| is_cjk(c))
            && !(comma + 1..n.span.start).any(|i| verb_starting_at(frame, i).is_some())
    };
    let after_comma = || frame.named.iter().filter(|n| n.span.start > comma);
    let first = after_comma()
        .find(|n| n.kind == EntityKind::Person && opening(n))
        .or_else(|| after_comma().next().filter(|n| opening(n)));
    let Some(first) = first else {
        return Vec::new();
    };
    let mut joiners = vec![*first];
    let mut end = first.span.end;
    while let Some(n) = frame.named.iter().find(|n| {
        n.span.start == end + 1 && chars.get(end).is_some_and(|c| PEOPLE_GLUE.contains(c))
    }) {
        joiners.push(*n);
        end = n.span.end;
    }
    // A、B等12个村参加: past the list's 等 and its count.
    if chars.get(end) == Some(&'等') {
        end = (end + 1..chars.len())
            .find(|&i| !COUNT_CHARS.contains(chars[i]))
            .unwrap_or(chars.len());
    }
    let joins = (end..=end + JOIN_GAP)
        .take_while(|&i| i < chars.len() && is_cjk(chars[i]))
        .find_map(|i| verb_starting_at(frame, i))
        .is_some_and(|(verb, verb_end)| {
            let rest = &chars[verb_end..];
            verb.participant
                && (rest.first().is_none_or(|c| !is_cjk(*c))
                    || JOIN_TAILS.iter().any(|t| {
                        let n = t.chars().count();
                        has_at(rest, 0, t) && rest.get(n).is_none_or(|c| !is_cjk(*c))
                    }))
        });
    if !joins || joiners.iter().any(|j| j.kind == EntityKind::Initiative) {
        return Vec::new();
    }
    joiners
        .iter()
        .map(|j| frame.relation(ini, j, RelationKind::Participant, ini.span.start))
        .collect()
}

/// *subject* … *verb* … “*initiative*”, with the subject stated, listed,
/// passive (被…评为), or left out and carried from the sentence's or the
/// text's topic.
fn verb_frame(frame: &Frame, ini: &Named, context: Context) -> Vec<Relation> {
    let (chars, named) = (&frame.chars, frame.named);
    let (quote, _) = marks(chars, ini);
    let Some(verb) = verb_before(frame, quote) else {
        return Vec::new();
    };
    if let Some(links) = relative_clause(frame, ini, quote) {
        return links;
    }
    // 尕让乡组织200名党员参与“…”: the verb that has others take part is
    // the subject's; those it names take part.
    let (verb, caused) = causing(frame, verb).unwrap_or((verb, Vec::new()));
    // 被民政部命名为…: the agent runs it, the subject is given it.
    let passive = passive_agent(frame, verb.at);
    let joins = frame.mentions[ini.mention].label.ends_with(ADOPTED)
        || strives_for_status(frame, ini, verb.at)
        || passive.is_some();
    let kind_of = |subject: &Named, participant: bool| {
        if participant
            || joins
            || frame.followed_by(subject, DOERS)
            || subject.kind == EntityKind::Person
        {
            RelationKind::Participant
        } else {
            RelationKind::Organizer
        }
    };
    let mut out: Vec<Relation> = pilots(frame, verb.at)
        .chain(served(frame, verb.at))
        .chain(joint_partner(frame, verb.at))
        .chain(caused.iter())
        .map(|p| frame.relation(ini, p, RelationKind::Participant, p.span.start))
        .collect();
    if let Some(agent) = passive {
        out.push(frame.relation(ini, agent, RelationKind::Organizer, agent.span.start));
    }
    // “…我们启动…。”关上社区居委会副主任陈明说: we, in speech, is the
    // speaker's unit.
    let we_from = chars[..verb.at]
        .iter()
        .rposition(|c| matches!(c, ',' | '，' | ':' | '：' | '“' | '「'))
        .map_or(0, |c| c + 1);
    if WE
        .iter()
        .any(|w| (we_from..verb.at).any(|i| has_at(chars, i, w)))
    {
        if let Some(s) = context.speaker {
            out.push(frame.relation(ini, &s, kind_of(&s, verb.participant), ini.span.start));
        }
        return out;
    }
    let (stated, partners) = subjects(frame, verb.at);
    if stated.iter().any(|s| speaks(frame, s, verb.at)) {
        return out;
    }
    if let Some(h) = stated.last().and_then(|first| helper(frame, first)) {
        out.push(frame.relation(ini, h, RelationKind::Participant, h.span.start));
    }
    // 清河村配合开展“…”: the subject helps, and takes part.
    let helps = word_ending_at(chars, verb.at, ASSISTING).is_some();
    if let Some(first) = stated.last() {
        for (subject, participant) in stated
            .iter()
            .map(|s| (*s, verb.participant || partners || helps))
            .chain(paired_subjects(frame, first.span.start))
        {
            let kind = kind_of(&subject, participant);
            out.push(frame.relation(ini, &subject, kind, subject.span.start));
        }
        return out;
    }
    let before = named
        .iter()
        .any(|n| n.kind != EntityKind::Initiative && n.span.end <= verb.at);
    let clause = chars[..verb.at]
        .iter()
        .rposition(|c| matches!(c, ',' | '，' | ':' | '：'))
        .map_or(0, |c| c + 1);
    if chars[clause..verb.at].iter().any(|c| PRONOUNS.contains(c)) {
        let own = person_topic(frame.text, named).filter(|p| p.span.end <= verb.at);
        if let Some(p) = own.or(context.person) {
            out.push(frame.relation(ini, &p, RelationKind::Participant, ini.span.start));
        }
        return out;
    }
    // 推动“我为群众办实事”以来,三家子村党支部…: a first clause without a
    // subject shares the next clause's; not when the verb is inside a
    // phrase of time or place (在6月举行的“…”大会上,X…): X is no subject of it.
    let in_phrase = chars.first() == Some(&'在')
        && verb_starting_at(frame, verb.at).is_some_and(|(_, end)| chars.get(end) == Some(&'的'));
    let next = (!before && clause == 0 && !in_phrase)
        .then(|| next_clause_subject(frame, ini.span.end))
        .flatten();
    if let Some(s) = next {
        out.push(frame.relation(ini, &s, kind_of(&s, verb.participant), ini.span.start));
        return out;
    }
    // 机关部门和乡镇党组织对后进社区采取“…”: a subject stated without a
    // name is no one the graph knows.
    // 昆明5.5万余名楼栋长参与“…”: so are people counted without names.
    let counted = (clause..verb.at).any(|k| counts_people_after(chars, k));
    if unnamed_organs(frame, clause, verb.at) || counted {
        return out;
    }
    // The subject is left out, as Chinese does within a topic chain:
    // the area or organization this sentence, or the text, is about; or
    // the person the sentence opens with (陈某迅速组织…,参加“…”).
    // 78岁的他从教师岗位退休后,…,还被省关工委评为了“…”: a sentence
    // opened by 他 or 她 is about the person the text is about.
    let pronoun_topic = pronoun_clause_before(frame, verb.at).and_then(|_| {
        person_topic(frame.text, named)
            .filter(|p| p.span.end <= verb.at)
            .or(context.person)
    });
    let topic = if let Some(p) = pronoun_topic {
        Some(p)
    } else if before {
        sentence_topic(frame.text, named, is_agent)
            .map(|t| person_of(frame, &t))
            .or_else(|| person_topic(frame.text, named).filter(|p| !speaks(frame, p, verb.at)))
            .filter(|t| t.span.end <= verb.at)
    } else {
        context.topic
    };
    if let Some(t) = topic {
        let kind = if verb.participant || joins || t.kind == EntityKind::Person {
            RelationKind::Participant
        } else {
            RelationKind::Organizer
        };
        out.push(frame.relation(ini, &t, kind, ini.span.start));
    }
    out
}

/// Most chars before 他 or 她 in a clause it is the subject of (78岁的他).
const PRONOUN_OPENING: usize = 5;

/// Where a clause before `verb_at` opens with 他 or 她 as its subject
/// (…志愿者,78岁的他从教师岗位退休后,…,还被…评为): no name before it in
/// its clause, not 他们, a possessive 他的 or a speaker (他说).
fn pronoun_clause_before(frame: &Frame, verb_at: usize) -> Option<usize> {
    let chars = &frame.chars;
    let opens = |start: usize| {
        let at = (start..verb_at.min(start + PRONOUN_OPENING + 1)).find(|&k| {
            PRONOUNS.contains(&chars[k]) && !chars[start..k].iter().any(|&c| ends_clause(c))
        })?;
        let next = chars.get(at + 1).copied();
        let plain = !matches!(next, Some('们' | '的'));
        let named = frame
            .named
            .iter()
            .any(|n| start <= n.span.start && n.span.start < at);
        let speaks = SPEAKING.iter().any(|w| has_at(chars, at + 1, w));
        (plain && !named && !speaks).then_some(at)
    };
    std::iter::once(0)
        .chain(
            (0..verb_at)
                .filter(|&k| ends_clause(chars[k]))
                .map(|k| k + 1),
        )
        .find_map(opens)
}

/// Verbs by which a subject has others take part in a program (组织200名
/// 党员参与, 动员居民参加): the subject runs it.
const CAUSING: &[&str] = &["组织", "动员", "发动", "邀请", "带动", "引导", "启动"];

/// The verb of [`CAUSING`] before `verb`, a verb of taking part, in its
/// clause, and the names between the two, who take part.
fn causing(frame: &Frame, verb: Verb) -> Option<(Verb, Vec<Named>)> {
    if !verb.participant {
        return None;
    }
    let chars = &frame.chars;
    let clause = chars[..verb.at]
        .iter()
        .rposition(|&c| ends_clause(c))
        .map_or(0, |c| c + 1);
    let (at, end) = (clause..verb.at).rev().find_map(|i| {
        let word = CAUSING.iter().find(|w| has_at(chars, i, w))?;
        let end = i + word.chars().count();
        frame.words.fits(i, end).then_some((i, end))
    })?;
    // Its subject is named right before it, an adverb between (尕让乡
    // 组织…, 我们启动…); after other words (分局选派干部组织…) the one
    // who has others take part is someone else.
    let named_before = frame.named.iter().any(|n| {
        n.kind != EntityKind::Initiative && n.span.end <= at && at - n.span.end <= ADVERB_GAP
    });
    let we = WE.iter().any(|w| {
        let n = w.chars().count();
        (at.saturating_sub(n + ADVERB_GAP)..at).any(|i| has_at(chars, i, w))
    });
    if !named_before && !we {
        return None;
    }
    let caused = frame
        .named
        .iter()
        .filter(|n| {
            n.kind != EntityKind::Initiative && n.span.start >= end && n.span.end <= verb.at
        })
        .copied()
        .collect();
    Some((
        Verb {
            at,
            participant: false,
        },
        caused,
    ))
}

/// 创建“五化”标杆基层党组织: the verb at `verb_at` strives for a
/// status the program's name or the words after it state.
fn strives_for_status(frame: &Frame, ini: &Named, verb_at: usize) -> bool {
    let chars = &frame.chars;
    if !STRIVING.iter().any(|v| has_at(chars, verb_at, v)) {
        return false;
    }
    let after = marks(chars, ini).1.min(chars.len());
    let window = &chars[ini.span.start..(after + HEAD_REACH).min(chars.len())];
    STATUS
        .iter()
        .any(|s| (0..window.len()).any(|i| has_at(window, i, s)))
}

/// Does a verb of speech follow `p` before the verb at `verb_at` (尚林在
/// 致辞中表示,要…探索“…”): what follows is said, not done.
fn speaks(frame: &Frame, p: &Named, verb_at: usize) -> bool {
    let between = &frame.chars[p.span.end..verb_at.max(p.span.end)];
    (0..between.len()).any(|i| SPEECH.iter().any(|v| has_at(between, i, v)))
}

/// Does the clause before the verb open with organs named by their kind
/// only (机关部门和乡镇党组织对…采取), not as a preposition's object
/// (与辖区单位党组织携手开展)?
fn unnamed_organs(frame: &Frame, clause: usize, verb_at: usize) -> bool {
    let heads = &lexicon().org_heads;
    let quoted = quotes(&frame.chars);
    let first = (clause..verb_at).find(|&i| {
        !frame
            .named
            .iter()
            .any(|n| n.span.start <= i && i < n.span.end)
            && !quoted.iter().any(|q| q.start <= i && i < q.end)
            && (heads.starting_at(&frame.chars, i).is_some()
                || UNNAMED_ORGANS.iter().any(|w| has_at(&frame.chars, i, w)))
    });
    first.is_some_and(|i| {
        !frame.chars[clause..i]
            .iter()
            .any(|c| PREPOSITIONS.contains(c))
    })
}

/// 以清泉社区为试点,实施…: the places a program is tried in take part,
/// named in the verb's clause or the one before.
fn pilots<'a>(frame: &'a Frame, verb_at: usize) -> impl Iterator<Item = &'a Named> + 'a {
    frame.named.iter().filter(move |n| {
        n.span.end <= verb_at
            && frame.chars[n.span.end..verb_at]
                .iter()
                .filter(|c| matches!(c, ',' | '，'))
                .count()
                <= 1
            && n.span.start > 0
            && frame.chars[n.span.start - 1] == '以'
            && PILOT.iter().any(|p| has_at(&frame.chars, n.span.end, p))
    })
}

/// Most chars of adverbs between a subject and 将/把 (还将, 进一步把).
const ADVERB_GAP: usize = 3;

/// 秦州区委组织部将“红色网格”工作法在全区推广: the program put before a
/// verb of the lexicons later in its clause by 将/把 is that verb's
/// object; the name right before the marker (an adverb between) is its
/// subject.
fn disposed(frame: &Frame, ini: &Named) -> Option<Relation> {
    let chars = &frame.chars;
    let (quote, after) = marks(chars, ini);
    let marker = quote
        .checked_sub(1)
        .filter(|&m| DISPOSAL.contains(&chars[m]))?;
    let verb = (after..chars.len())
        .take_while(|&i| !ends_clause(chars[i]))
        .find_map(|i| verb_starting_at(frame, i))?;
    let subject = frame.named.iter().rev().find(|n| {
        n.kind != EntityKind::Initiative
            && n.span.end <= marker
            && marker - n.span.end <= ADVERB_GAP
            && chars[n.span.end..marker].iter().all(|&c| is_cjk(c))
    })?;
    let kind = if verb.0.participant || subject.kind == EntityKind::Person {
        RelationKind::Participant
    } else {
        RelationKind::Organizer
    };
    Some(frame.relation(ini, subject, kind, subject.span.start))
}

/// 清河社区作为此次活动的试点单位,…“…”: the name that opens the
/// sentence as the trial ground of the work takes part in the program the
/// sentence names.
fn pilot_subject(frame: &Frame, ini: &Named) -> Option<Relation> {
    let chars = &frame.chars;
    let first = frame
        .named
        .iter()
        .find(|n| n.kind != EntityKind::Initiative)?;
    let opens = chars[..first.span.start].iter().all(|c| c.is_whitespace());
    let be = AS_PILOT.iter().find(|w| has_at(chars, first.span.end, w))?;
    let from = first.span.end + be.chars().count();
    let pilot = (from..chars.len().min(from + PILOT_REACH))
        .take_while(|&i| !ends_clause(chars[i]))
        .any(|i| has_at(chars, i, "试点"));
    (opens && pilot && is_agent(first))
        .then(|| frame.relation(ini, first, RelationKind::Participant, first.span.start))
}

/// 为村党支部制定了…: the unit a program is made for takes part in it.
fn served<'a>(frame: &'a Frame, verb_at: usize) -> impl Iterator<Item = &'a Named> + 'a {
    frame.named.iter().filter(move |n| {
        n.span.start > 0
            && frame.chars[n.span.start - 1] == '为'
            && n.span.end <= verb_at
            && verb_at - n.span.end <= SERVED_GAP
    })
}

/// Verbs by which a subject acts together with a partner it names (东关
/// 社区|联合|天水市第一人民医院|开展…).
const JOINT: &[&str] = &["联合", "携手", "会同", "协同"];

/// Verbs of helping another carry out its work (社区|协助|镇政府|开展…,
/// 社区|配合|开展…): their subject takes part, and the one helped runs it.
const ASSISTING: &[&str] = &["协助", "配合", "协同"];

/// 清河村协助镇政府开展“…”: the name before a verb of [`ASSISTING`]
/// right before the subject `first`, who takes part.
fn helper<'a>(frame: &'a Frame, first: &Named) -> Option<&'a Named> {
    let word = word_ending_at(&frame.chars, first.span.start, ASSISTING)?;
    frame
        .named
        .iter()
        .find(|n| n.kind != EntityKind::Initiative && n.span.end == word)
}

/// Does a verb of [`JOINT`] end at `at`?
fn joined_at(chars: &[char], at: usize) -> bool {
    word_ending_at(chars, at, JOINT).is_some()
}

/// 东关社区联合天水市第一人民医院开展“…”: the partner named after a verb
/// of acting together, right before the program's verb, takes part; the
/// subject before it runs the program.
fn joint_partner<'a>(frame: &'a Frame, verb_at: usize) -> Option<&'a Named> {
    frame.named.iter().find(|n| {
        n.kind != EntityKind::Initiative
            && joined_at(&frame.chars, n.span.start)
            && n.span.end <= verb_at
            && verb_at - n.span.end <= PARTNER_GAP
    })
}

/// 被省关工委评为…: the agent of a passive verb names the program's
/// organizer.
fn passive_agent<'a>(frame: &'a Frame, verb_at: usize) -> Option<&'a Named> {
    frame.named.iter().find(|n| {
        is_agent(n)
            && n.span.start > 0
            && frame.chars[n.span.start - 1] == '被'
            && n.span.end <= verb_at
            && verb_at - n.span.end <= 1
    })
}

/// B开展的“…”: a program named with a relative clause. B, the clause's
/// subject, runs it (or takes part, by its verb), and so do the subjects
/// paired with their verbs before it (A主办、B承办的); after a verb of
/// taking part (A积极参与B开展的“…”), A, its subject, takes part.
fn relative_clause(frame: &Frame, ini: &Named, quote: usize) -> Option<Vec<Relation>> {
    let chars = &frame.chars;
    if quote < 2 || chars[quote - 1] != '的' {
        return None;
    }
    let inner = verb_ending_at(frame, quote - 1)?;
    let owner = frame
        .named
        .iter()
        .find(|n| n.kind != EntityKind::Initiative && n.span.end == inner.at)?;
    // A主办、B承办的“…”: the subjects paired with their verbs before it.
    let subjects_of_clause = std::iter::once((*owner, inner.participant))
        .chain(paired_subjects(frame, owner.span.start));
    let mut out: Vec<Relation> = subjects_of_clause
        .map(|(subject, participant)| {
            let kind = if participant || subject.kind == EntityKind::Person {
                RelationKind::Participant
            } else {
                RelationKind::Organizer
            };
            frame.relation(ini, &subject, kind, subject.span.start)
        })
        .collect();
    // With no verb of taking part before it (在X开展的“…”活动中), the
    // clause names its subjects only.
    let Some(outer) = verb_ending_at(frame, owner.span.start).filter(|v| v.participant) else {
        return Some(out);
    };
    let (joining, _) = subjects(frame, outer.at);
    out.extend(
        joining
            .iter()
            .map(|j| frame.relation(ini, j, RelationKind::Participant, j.span.start)),
    );
    Some(out)
}

/// 山西日报报业集团主办、山西晚报社承办的…: subject–verb pairs listed
/// before the subject that starts at `start`, each with whether its verb
/// is a participant verb.
fn paired_subjects(frame: &Frame, mut start: usize) -> Vec<(Named, bool)> {
    let mut out = Vec::new();
    while start > 0 && matches!(frame.chars[start - 1], '、' | '，' | ',') {
        let Some(verb) = verb_ending_at(frame, start - 1) else {
            break;
        };
        let Some(subject) = frame
            .named
            .iter()
            .find(|n| n.kind != EntityKind::Initiative && n.span.end == verb.at)
        else {
            break;
        };
        out.push((*subject, verb.participant));
        start = subject.span.start;
    }
    out
}

/// The name that opens the clause after the one ending past `after`.
fn next_clause_subject(frame: &Frame, after: usize) -> Option<Named> {
    let comma = frame.chars[after..]
        .iter()
        .position(|c| matches!(c, ',' | '，'))?
        + after;
    frame
        .named
        .iter()
        .find(|n| n.span.start > comma && n.span.start <= comma + 2)
        .filter(|n| n.kind != EntityKind::Initiative)
        .map(|n| last_of_chain(frame.named, *n, is_agent))
        .map(|n| person_of(frame, &n))
}

/// The person a place or body is said to have by 的 right after it
/// (湄水桥村的龙某榜上有名): the head of the phrase, and its subject;
/// else `n` itself.
fn person_of(frame: &Frame, n: &Named) -> Named {
    let of = frame.chars.get(n.span.end) == Some(&'的');
    frame
        .named
        .iter()
        .find(|p| of && p.kind == EntityKind::Person && p.span.start == n.span.end + 1)
        .copied()
        .unwrap_or(*n)
}

/// The subject of the main clause after clauses of purpose ending at
/// `after` (为了让农牧民了解“…”工程,把…做到…,刚驻村时,他就开始…): the
/// first of the next few clauses opened by a name, or by 他 or 她 for the
/// person the text is about.
fn main_clause_subject(frame: &Frame, after: usize, context: Context) -> Option<Named> {
    let chars = &frame.chars;
    let opening = |c: usize| {
        let named = frame
            .named
            .iter()
            .find(|n| n.span.start > c && n.span.start <= c + 2)
            .filter(|n| n.kind != EntityKind::Initiative)
            .copied();
        let pronoun = chars[c + 1..chars.len().min(c + 3)]
            .iter()
            .any(|ch| PRONOUNS.contains(ch));
        named.or(context.person.filter(|_| pronoun))
    };
    (after..chars.len())
        .filter(|&i| matches!(chars[i], ',' | '，'))
        .take(MAIN_CLAUSE_REACH)
        .find_map(opening)
}

/// Does `n` end right before the quote at `quote`, or before 的 there
/// (清河社区“…”, 清河社区的“…”)?
fn owns_quote(frame: &Frame, n: &Named, quote: usize) -> bool {
    n.span.end == quote || n.span.end + 1 == quote && frame.chars[n.span.end] == '的'
}

/// A verb of the lexicons before an initiative.
#[derive(Debug, Clone, Copy)]
struct Verb {
    at: usize,
    participant: bool,
}

/// The sentence's words, as the span of the word each char is in.
struct Words {
    start_of: Vec<usize>,
    end_of: Vec<usize>,
}

impl Words {
    fn of(text: &str, chars: &[char]) -> Words {
        let len = chars.len();
        let (mut start_of, mut end_of) =
            ((0..len).collect::<Vec<_>>(), (1..=len).collect::<Vec<_>>());
        for w in segment::tag(text) {
            // 被评为了“…”: jieba reads 评|为了; 为 ends the verb.
            let split = w.end == w.start + 2
                && has_at(chars, w.start, "为了")
                && verb_lists()
                    .iter()
                    .any(|(list, _)| list.ending_at(chars, w.start + 1).is_some());
            let parts = if split {
                vec![(w.start, w.start + 1), (w.start + 1, w.end)]
            } else {
                vec![(w.start, w.end)]
            };
            for (start, end) in parts {
                for i in start..end.min(len) {
                    start_of[i] = start;
                    end_of[i] = end;
                }
            }
        }
        Words { start_of, end_of }
    }

    /// Can a verb of the lexicons stand at `at..end`: it ends a word and
    /// starts it, or follows two chars or more the segmenter joined to it
    /// (大力开展), but is not the tail of a word with one char before it
    /// (组织 in 党组织) nor the head of a longer one (报到 in 报到表)?
    fn fits(&self, at: usize, end: usize) -> bool {
        end > at
            && self.end_of[end - 1] == end
            && (self.start_of[at] == at || at - self.start_of[at] >= 2)
    }
}

/// The lexicons' verbs, each with whether it is a participant verb.
fn verb_lists() -> [(&'static WordList, bool); 2] {
    let lex = lexicon();
    [
        (&lex.participant_verbs, true),
        (&lex.organizer_verbs, false),
    ]
}

/// The verb of the lexicons, as a word of its own, that starts at `at`,
/// and where it ends.
fn verb_starting_at(frame: &Frame, at: usize) -> Option<(Verb, usize)> {
    verb_lists().into_iter().find_map(|(list, participant)| {
        let end = at + list.starting_at(&frame.chars, at)?.chars().count();
        frame
            .words
            .fits(at, end)
            .then_some((Verb { at, participant }, end))
    })
}

/// The verb of the lexicons, as a word of its own, that ends at `end`.
fn verb_ending_at(frame: &Frame, end: usize) -> Option<Verb> {
    verb_lists().into_iter().find_map(|(list, participant)| {
        let (at, _) = list.ending_at(&frame.chars, end)?;
        frame
            .words
            .fits(at, end)
            .then_some(Verb { at, participant })
    })
}

/// The nearest verb of either lexicon that ends before `end`, within
/// reach and with no other name between it and `end`.
fn verb_before(frame: &Frame, end: usize) -> Option<Verb> {
    let lists = verb_lists();
    let floor = end.saturating_sub(VERB_REACH);
    for at in (floor..end).rev() {
        let inside = frame
            .named
            .iter()
            .find(|n| n.span.start <= at && at < n.span.end);
        match inside.map(|n| n.kind) {
            // Inside a name (社会组织孵化基地): not a verb; a name between
            // verb and initiative ends the search, another program's
            // (建设 in 全国和谐社区建设示范城市) does not, as in a run of
            // them (开展“A”“B”等活动).
            Some(EntityKind::Initiative) => continue,
            // The program's owner (推广清河社区“…”工作法) leaves the verb
            // to the subject before it.
            Some(_) if inside.is_some_and(|n| is_agent(n) && owns_quote(frame, n, end)) => continue,
            Some(_) => return None,
            None => {}
        }
        // A one-char word jieba glued to the name before it (区委|以 read
        // as 委以) stands on its own there.
        let after_name = end == at + 1 && frame.named.iter().any(|n| n.span.end == at);
        let right_before = |words: &[&str]| {
            words.iter().any(|m| {
                let len = m.chars().count();
                at + len == end
                    && has_at(&frame.chars, at, m)
                    && (frame.words.fits(at, end) || after_name)
            })
        };
        // 吸纳到“…”: a verb of the lexicons that ends with the place word
        // is that verb.
        let longer = verb_ending_at(frame, end).filter(|v| v.at < at);
        if right_before(PLACES) && longer.is_none() {
            return Some(Verb {
                at,
                participant: true,
            });
        }
        let means = right_before(MEANS);
        let running = RUNNING_VERBS.iter().find(|(v, _)| {
            let verb_end = at + v.chars().count();
            has_at(&frame.chars, at, v)
                && frame.words.fits(at, verb_end)
                && !frame.chars[verb_end..end]
                    .iter()
                    .any(|c| CLAUSE_BREAKS.contains(c))
        });
        if let Some(&(_, participant)) = running {
            return Some(Verb { at, participant });
        }
        if means {
            return Some(Verb {
                at,
                participant: false,
            });
        }
        for (list, participant) in lists {
            if let Some(verb) = list.starting_at(&frame.chars, at) {
                let verb_end = at + verb.chars().count();
                if verb_end <= end && frame.words.fits(at, verb_end) {
                    // A verb that ends its clause (…大家参加,现在…) has
                    // no object after it.
                    let ends_clause = frame.chars[verb_end..end]
                        .iter()
                        .any(|c| CLAUSE_BREAKS.contains(c));
                    return (!ends_clause).then_some(Verb { at, participant });
                }
            }
        }
    }
    None
}

/// The subject of the verb at `verb_at`: the nearest person, organization
/// or area ending before it, within reach, and the names listed with it;
/// or two partners (A与B开展), who take part in what they do together,
/// which the second value says.
fn subjects(frame: &Frame, verb_at: usize) -> (Vec<Named>, bool) {
    let (chars, named) = (&frame.chars, frame.named);
    let governs = |at: usize| {
        at > 0 && PREPOSITIONS.contains(&chars[at - 1])
            || verb_ending_at(frame, at).is_some()
            || joined_at(chars, at)
    };
    // 兴宁支社与华东社区(共同)开展…: the partner after 与 acts too, and
    // the pair is the verb's subject even inside a preposition's object
    // (梁鸿对兴宁支社与华东社区开展…给予肯定).
    let partner = named.iter().find(|n| {
        n.kind != EntityKind::Initiative
            && n.span.start >= 2
            && PARTNER_GLUE.contains(&chars[n.span.start - 1])
            && n.span.end <= verb_at
            && verb_at - n.span.end <= PARTNER_GAP
    });
    let pair = partner.and_then(|p| {
        named
            .iter()
            .find(|n| n.kind != EntityKind::Initiative && n.span.end + 1 == p.span.start)
            .map(|first| vec![*first, *p])
    });
    if let Some(pair) = pair {
        return (pair, true);
    }
    // A name right after a governed one is governed with it (在全市社区).
    let mut governed_end = None;
    let mut agents: Vec<&Named> = Vec::new();
    for n in named
        .iter()
        .filter(|n| n.kind != EntityKind::Initiative && n.span.end <= verb_at)
    {
        if governs(n.span.start) || governed_end == Some(n.span.start) {
            governed_end = Some(n.span.end);
        } else if !counts_people_after(chars, n.span.end) {
            agents.push(n);
        }
    }
    let Some(last) = agents
        .last()
        .filter(|n| verb_at - n.span.end <= SUBJECT_REACH)
    else {
        return (Vec::new(), false);
    };
    let mut list = vec![**last];
    for n in agents.iter().rev().skip(1) {
        let gap = &chars[n.span.end..list[list.len() - 1].span.start.max(n.span.end)];
        if gap.is_empty() || gap.len() > 2 || !gap.iter().all(|c| LIST_GLUE.contains(c)) {
            break;
        }
        // 亚龙村、台源寺社区等: places of two levels are one list.
        let areas = matches!(
            (n.kind, last.kind),
            (EntityKind::Area(_), EntityKind::Area(_))
        );
        if n.kind == last.kind || areas {
            list.push(**n);
        }
    }
    if last.kind == EntityKind::Person {
        list.extend(people_listed_with_posts(frame, last));
    }
    (list, false)
}

/// Chars of a count: digits and Chinese numerals, with 余/多 (5.5万余).
const COUNT_CHARS: &str = "0123456789.０１２３４５６７８９一二三四五六七八九十百千万两余多";

/// Measure words of people and households after a count.
const PEOPLE_MEASURES: &[char] = &['名', '位', '人', '户'];

/// Does a count of people follow `at` (昆明|5.5万余名楼栋长参与…)? Then
/// the name before it says whose people they are, and the people, not
/// the place, are the verb's subject.
fn counts_people_after(chars: &[char], at: usize) -> bool {
    let digits = chars[at..]
        .iter()
        .take_while(|c| COUNT_CHARS.contains(**c))
        .count();
    digits > 0
        && chars
            .get(at + digits)
            .is_some_and(|c| PEOPLE_MEASURES.contains(c))
}

/// 凤阁村第一书记苏某、坡头村第一书记于某开展…: the people listed before
/// `last`, each after their post (whose units are no subjects), act with
/// it.
fn people_listed_with_posts(frame: &Frame, last: &Named) -> Vec<Named> {
    let chars = &frame.chars;
    let mut out = Vec::new();
    let mut next = *last;
    let earlier = frame
        .named
        .iter()
        .rev()
        .filter(|n| n.kind == EntityKind::Person && n.span.end <= last.span.start);
    for p in earlier {
        let gap = &chars[p.span.end..next.span.start];
        let listed = gap.first().is_some_and(|c| PEOPLE_GLUE.contains(c))
            && gap.len() <= POST_REACH
            && gap.iter().all(|&c| is_cjk(c) || c == '、')
            && !(p.span.end..next.span.start).any(|i| verb_starting_at(frame, i).is_some())
            && !(p.span.start > 0 && PREPOSITIONS.contains(&chars[p.span.start - 1]));
        if !listed {
            break;
        }
        out.push(*p);
        next = *p;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use crate::model::RelationKind;

    /// (initiative, entity, kind) triples the text states.
    fn links(text: &str) -> Vec<(String, String, RelationKind)> {
        let facts = extract(text);
        facts
            .relations
            .iter()
            .filter(|r| r.kind != RelationKind::OrgInArea)
            .map(|r| {
                (
                    facts.mentions[r.subject].label.clone(),
                    facts.mentions[r.object].label.clone(),
                    r.kind,
                )
            })
            .collect()
    }

    #[test]
    fn an_area_that_launches_a_program_organizes_it() {
        let found = links("沈阳市大东区开展“共产党员先锋岗”“责任区”等主题活动。");
        for ini in ["共产党员先锋岗", "责任区"] {
            assert!(
                found.contains(&(ini.into(), "大东区".into(), RelationKind::Organizer)),
                "{found:?}"
            );
        }
    }

    #[test]
    fn people_counted_without_names_are_no_ones_the_graph_knows() {
        let found = links("昆明5.5万余名楼栋长、十户长积极参与社区乡村“微治理”。");
        assert!(found.iter().all(|(_, e, _)| e != "昆明市"), "{found:?}");
        let found = links("合谊塘村开设“银龄食堂”。");
        assert!(
            found.contains(&(
                "银龄食堂".into(),
                "合谊塘村".into(),
                RelationKind::Organizer
            )),
            "{found:?}"
        );
    }

    #[test]
    fn a_means_glued_to_the_organ_before_it_still_frames_the_program() {
        let found = links("曾都区委以“邻里守望”为载体,推动基层治理。");
        assert!(
            found.contains(&(
                "邻里守望".into(),
                "曾都区委".into(),
                RelationKind::Organizer
            )),
            "{found:?}"
        );
    }

    #[test]
    fn who_joins_a_program_another_runs_takes_part() {
        let found = links("东风社区积极参与万石街道开展的“网格连心”活动。");
        assert!(
            found.contains(&(
                "网格连心".into(),
                "万石街道".into(),
                RelationKind::Organizer
            )) && found.contains(&(
                "网格连心".into(),
                "东风社区".into(),
                RelationKind::Participant
            )) && !found.contains(&(
                "网格连心".into(),
                "东风社区".into(),
                RelationKind::Organizer
            )),
            "{found:?}"
        );
    }

    #[test]
    fn a_relative_clause_after_in_names_the_organizer_and_the_time() {
        let found = links("在红旗镇开展的“民情说事”活动中,壕口村党支部书记李文带头走访。");
        assert!(
            found.contains(&("民情说事".into(), "红旗镇".into(), RelationKind::Organizer))
                && found.contains(&("民情说事".into(), "李文".into(), RelationKind::Participant)),
            "{found:?}"
        );
    }

    #[test]
    fn the_person_acting_in_a_programs_time_takes_part() {
        let found = links("在“网格连心”活动中,东风社区网格员王丽每天走访居民。");
        assert!(
            found.contains(&("网格连心".into(), "王丽".into(), RelationKind::Participant)),
            "{found:?}"
        );
    }

    #[test]
    fn the_agent_after_a_glued_preposition_runs_it() {
        // jieba reads 由四会 and 由铁东 as words.
        for (text, org) in [
            ("“积分超市”由四会市委牵头组织。", "四会市委"),
            ("“红色物业”活动由铁东区委牵头组织。", "铁东区委"),
        ] {
            let found = links(text);
            assert!(
                found
                    .iter()
                    .any(|(_, o, k)| o == org && *k == RelationKind::Organizer),
                "{text} {found:?}"
            );
        }
    }

    #[test]
    fn a_person_leading_the_work_takes_part() {
        let found = links("第一书记王光宇带领社区干部开展“健康沈阳进社区”活动。");
        assert!(
            found.contains(&(
                "健康沈阳进社区".into(),
                "王光宇".into(),
                RelationKind::Participant
            )),
            "{found:?}"
        );
    }

    #[test]
    fn names_without_a_verb_frame_are_not_linked() {
        let found = links("大东区的干部说,“共产党员先锋岗”很好。");
        assert!(found.is_empty(), "{found:?}");
    }

    fn has(
        found: &[(String, String, RelationKind)],
        ini: &str,
        who: &str,
        kind: RelationKind,
    ) -> bool {
        found.contains(&(ini.into(), who.into(), kind))
    }

    #[test]
    fn a_verb_inside_a_noun_is_no_verb() {
        // 组织 in 党组织 launches nothing.
        let found = links("海淀区基层党组织谈“一社一策”的体会。");
        assert!(found.is_empty(), "{found:?}");
        // An adverb the segmenter joins to the verb keeps it a verb.
        let found = links("学院路社区全面推行“街巷长制”。");
        assert!(
            has(&found, "街巷长制", "学院路社区", RelationKind::Organizer),
            "{found:?}"
        );
    }

    #[test]
    fn an_area_that_builds_or_forms_a_program_organizes_it() {
        let found = links("学院路社区建起了“办事厅、议事厅”。");
        assert!(
            has(
                &found,
                "办事厅、议事厅",
                "学院路社区",
                RelationKind::Organizer
            ),
            "{found:?}"
        );
        let found = links("海淀区拓展服务站点,形成“十分钟便民服务圈”。");
        assert!(
            has(
                &found,
                "十分钟便民服务圈",
                "海淀区",
                RelationKind::Organizer
            ),
            "{found:?}"
        );
    }

    #[test]
    fn the_means_of_a_clause_is_its_subjects_program() {
        let found = links("海淀区以“联、帮、包”为基本方式,开展帮扶。");
        assert!(
            has(&found, "联、帮、包", "海淀区", RelationKind::Organizer),
            "{found:?}"
        );
        // 沿着 takes the organ that drew the path up as its object.
        let found = links("学院路社区党委沿着街道党工委谋划的路径,以“生态学院路”作为主题定位。");
        assert!(
            !found
                .iter()
                .any(|(i, who, _)| i == "生态学院路" && who == "街道党工委"),
            "{found:?}"
        );
        assert!(
            has(
                &found,
                "生态学院路",
                "学院路社区党委",
                RelationKind::Organizer
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_verb_inside_another_program_is_no_verb() {
        // 建设 in the first name launches neither.
        let found = links("海淀区加强对全国和谐社区建设示范城市、全国和谐社区建设示范城区的指导。");
        assert!(found.is_empty(), "{found:?}");
        // A bare national name takes the verb right before it.
        let found = links("衢州市以创建全国城市党建示范市为契机,推进社区治理。");
        assert!(
            has(
                &found,
                "全国城市党建示范市",
                "衢州市",
                RelationKind::Participant
            ),
            "{found:?}"
        );
    }

    #[test]
    fn partners_inside_a_prepositions_object_act_together() {
        let found = links("王强对学院路社区与清华大学开展“周末课堂”活动给予肯定。");
        assert!(
            has(&found, "周末课堂", "学院路社区", RelationKind::Participant),
            "{found:?}"
        );
        assert!(
            has(&found, "周末课堂", "清华大学", RelationKind::Participant),
            "{found:?}"
        );
        assert!(!found.iter().any(|(_, who, _)| who == "王强"), "{found:?}");
    }

    #[test]
    fn people_listed_under_a_roster_heading_take_part() {
        let found = links(
            "海淀区开展“海淀最美社区干部”评选。\n2017年度“海淀最美社区干部”名单\n学院路社区党委书记王光宇\n清华园街道主任李晓红\n此次评选历时三个月。",
        );
        for who in ["王光宇", "李晓红"] {
            assert!(
                has(&found, "海淀最美社区干部", who, RelationKind::Participant),
                "{found:?}"
            );
        }
        // A list ends at the first line that names no one.
        let found = links(
            "海淀区开展“海淀最美社区干部”评选。\n“海淀最美社区干部”名单\n此次评选历时三个月。\n王光宇说,很光荣。",
        );
        assert!(
            !found.iter().any(|(_, who, _)| who == "王光宇"),
            "{found:?}"
        );
    }

    #[test]
    fn a_title_conferred_names_who_confers_it() {
        let found = links("学院路社区被海淀区民政局评为了“幸福家园”示范项目。");
        assert!(
            has(&found, "幸福家园", "学院路社区", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn a_pilot_place_takes_part() {
        let found = links("海淀区以学院路社区为试点,实施“幸福到家”项目。");
        assert!(
            has(&found, "幸福到家", "海淀区", RelationKind::Organizer),
            "{found:?}"
        );
        assert!(
            has(&found, "幸福到家", "学院路社区", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn volunteers_named_after_the_program_take_part() {
        let found = links("学院路社区搭建“周末课堂”平台,让孩子们得到清华大学志愿者的辅导。");
        assert!(
            has(&found, "周末课堂", "清华大学", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn a_passive_names_the_organizer_and_the_one_given_it() {
        let found = links("学院路社区被海淀区民政局评选为“幸福家园”示范项目。");
        assert!(
            has(&found, "幸福家园", "海淀区民政局", RelationKind::Organizer),
            "{found:?}"
        );
        assert!(
            has(&found, "幸福家园", "学院路社区", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn listed_subject_verb_pairs_each_organize() {
        let found = links("由海淀区委宣传部主办、海淀区文化馆承办的“社区文化节”开幕。");
        for org in ["海淀区委宣传部", "海淀区文化馆"] {
            assert!(
                has(&found, "社区文化节", org, RelationKind::Organizer),
                "{found:?}"
            );
        }
    }

    #[test]
    fn a_first_clause_without_subject_shares_the_next_one() {
        let found = links("推行“街巷长制”以来,学院路街道面貌一新。");
        assert!(
            has(&found, "街巷长制", "学院路街道", RelationKind::Organizer),
            "{found:?}"
        );
    }

    #[test]
    fn a_program_as_means_is_run_by_the_subject() {
        let found = links("以“红色驿站”服务平台为载体,学院路社区把服务送到家门口。");
        assert!(
            has(&found, "红色驿站", "学院路社区", RelationKind::Organizer),
            "{found:?}"
        );
    }

    #[test]
    fn a_beneficiary_takes_part() {
        let found = links("居民王秀英是街道“四点半课堂”活动的受益者。");
        assert!(
            has(&found, "四点半课堂", "王秀英", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn the_organ_before_a_title_issued_it() {
        let found = links("各单位要贯彻海淀区委组织部换届《工作提示》。");
        assert!(
            has(
                &found,
                "工作提示",
                "海淀区委组织部",
                RelationKind::Organizer
            ),
            "{found:?}"
        );
    }

    #[test]
    fn the_unit_a_program_is_made_for_takes_part() {
        let found = links("书记王立新为学院路社区党委量身制定了《党支部工作手册》。");
        assert!(
            has(
                &found,
                "党支部工作手册",
                "学院路社区党委",
                RelationKind::Participant
            ),
            "{found:?}"
        );
    }

    #[test]
    fn who_adopts_a_practice_or_strives_for_a_status_takes_part() {
        let found = links("学院路社区大力推广“枫桥经验”。");
        assert!(
            has(&found, "枫桥经验", "学院路社区", RelationKind::Participant),
            "{found:?}"
        );
        let found = links("学院路社区正全力创建“五好”标杆党组织。");
        assert!(
            has(&found, "五好", "学院路社区", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn a_place_after_a_verb_is_its_object() {
        let found = links("书记走进学院路社区,提出了“五个一”工作法。");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn the_person_a_sentence_opens_with_takes_part_unless_speaking() {
        let found = links("社区书记王立新迅速组织居民,参加“邻里议事会”。");
        assert!(
            has(&found, "邻里议事会", "王立新", RelationKind::Participant),
            "{found:?}"
        );
        let found = links("书记王立新在会上表示,要积极探索“品牌党建”活动。");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn names_inside_quotes_are_no_subjects() {
        let found = links("以“生态海淀,和谐学院路社区”为主题,围绕“三个三”工作法开展服务。");
        assert!(
            !found.iter().any(|(_, who, _)| who == "学院路社区"),
            "{found:?}"
        );
    }

    #[test]
    fn a_verb_that_ends_its_clause_governs_nothing_after() {
        let found = links("学院路社区组织居民参加,现在“邻里守望”活动很热闹。");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn running_verbs_frame_a_program() {
        let found = links("学院路社区党委培育“红心向党”党建品牌。");
        assert!(
            has(
                &found,
                "红心向党",
                "学院路社区党委",
                RelationKind::Organizer
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_clause_opened_by_a_pronoun_is_about_the_person_named_before() {
        let found = links(
            "东关社区的李明华是一名志愿者,78岁的他从教师岗位退休后,一直为东关社区关工委事业无私地奉献着,2018年还被县关工委评为了“优秀工作者”。",
        );
        assert!(
            has(&found, "优秀工作者", "李明华", RelationKind::Participant),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|(_, who, _)| who == "东关社区"),
            "{found:?}"
        );
    }

    #[test]
    fn a_place_and_de_before_a_person_leave_the_person_the_subject() {
        let found = links("在临潭县组织的“优秀党务工作者”评选中,资江社区的何明华被评为第一名。");
        assert!(
            has(
                &found,
                "优秀党务工作者",
                "何明华",
                RelationKind::Participant
            ),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|(_, who, _)| who == "资江社区"),
            "{found:?}"
        );
    }

    #[test]
    fn a_verb_ending_in_wei_before_le_is_one_word() {
        let found = links("李明华是一名志愿者,还被评为了“优秀志愿者”。");
        assert!(
            has(&found, "优秀志愿者", "李明华", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn those_who_present_a_program_take_part_in_it() {
        let found = links(
            "今天由东关街道党工委书记李明、西关街道党工委书记王红共同带来“邻里有约”主题发布。",
        );
        for person in ["李明", "王红"] {
            assert!(
                has(&found, "邻里有约", person, RelationKind::Participant),
                "{found:?}"
            );
        }
        // 带来 makes no quote a program: it is as often a figure of speech.
        assert!(links("改革开放给村里带来了“翻天覆地”的变化。").is_empty());
    }

    #[test]
    fn organs_stated_without_a_name_are_no_topic() {
        let found =
            links("海淀区加强社区帮扶。机关部门和街道党组织对后进社区采取“一区一策”的办法。");
        assert!(found.is_empty(), "{found:?}");
        // The topic carries over where the subject is left out.
        let found = links("海淀区加强社区帮扶。对后进社区采取“一区一策”的办法。");
        assert!(
            has(&found, "一区一策", "海淀区", RelationKind::Organizer),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_after_a_governed_one_is_governed_too() {
        let found = links("海淀区在清河街道学院路社区建立了“三长”联动机制。");
        assert_eq!(
            found,
            [("三长".into(), "海淀区".into(), RelationKind::Organizer)]
        );
    }

    #[test]
    fn who_works_in_a_program_takes_part() {
        let found = links("清华大学志愿者每周在“周末课堂”为孩子辅导功课。");
        assert!(
            has(&found, "周末课堂", "清华大学", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn the_holder_of_an_honour_named_after_it_takes_part() {
        let found = links("湖里街道“最美小区志愿者”钟清梅组建了腰鼓队。");
        assert!(
            has(
                &found,
                "最美小区志愿者",
                "钟清梅",
                RelationKind::Participant
            ),
            "{found:?}"
        );
        // The place before them is the holder's, not the honour's organizer.
        assert!(
            !found.iter().any(|(_, who, _)| who == "湖里街道"),
            "{found:?}"
        );
    }

    #[test]
    fn who_holds_a_programs_ceremony_runs_it_but_not_the_next_clauses_subject() {
        let found = links("清河街道举行“银龄守望”启动仪式。");
        assert!(
            has(&found, "银龄守望", "清河街道", RelationKind::Organizer),
            "{found:?}"
        );
        let found = links("在6月22日举行的全省“银龄守望”表彰大会上,太原市19名党员受到表彰。");
        assert!(
            !found.iter().any(|(_, who, _)| who == "太原市"),
            "{found:?}"
        );
    }

    #[test]
    fn the_owner_of_a_program_before_the_places_it_applies_to_runs_it() {
        let found = links("挂职村均从福州市农村、社区“一十百”党建示范单位中产生。");
        assert!(
            has(&found, "一十百", "福州市", RelationKind::Organizer),
            "{found:?}"
        );
    }

    #[test]
    fn a_team_named_after_a_program_works_in_it() {
        let found = links("海淀区民政局“邻里守望”工作队队长张卫东走访居民。");
        for who in ["海淀区民政局", "张卫东"] {
            assert!(
                has(&found, "邻里守望", who, RelationKind::Participant),
                "{found:?}"
            );
        }
        assert!(
            found.iter().any(|(ini, who, kind)| ini == "邻里守望"
                && who.ends_with("工作队")
                && *kind == RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn people_listed_each_with_their_post_act_together() {
        let found = links(
            "桃源村党支部书记周志明、柳林村第一书记郑晓燕和石桥村主任冯建军开展“入户连心”行动。",
        );
        for who in ["周志明", "郑晓燕", "冯建军"] {
            assert!(
                has(&found, "入户连心", who, RelationKind::Participant),
                "{found:?}"
            );
        }
        // A verb between them ends the list.
        let found = links("周志明陪同柳林村第一书记郑晓燕开展“入户连心”行动。");
        assert!(
            !found.iter().any(|(_, who, _)| who == "周志明"),
            "{found:?}"
        );
    }

    #[test]
    fn agents_named_by_you_after_the_program_run_it() {
        let found = links("“书香邻里”读书项目由枫林社区党委发起、桃源街道承办。");
        for org in ["枫林社区党委", "桃源街道"] {
            assert!(
                has(&found, "书香邻里", org, RelationKind::Organizer),
                "{found:?}"
            );
        }
    }

    #[test]
    fn names_that_join_in_the_next_clause_take_part() {
        let found = links("桃源街道举办“邻里文化节”活动,辖区枫林社区、柳岸社区纷纷参与。");
        assert!(
            has(&found, "邻里文化节", "桃源街道", RelationKind::Organizer),
            "{found:?}"
        );
        for who in ["枫林社区", "柳岸社区"] {
            assert!(
                has(&found, "邻里文化节", who, RelationKind::Participant),
                "{found:?}"
            );
        }
        // A verb with an object of its own joins something else.
        let found = links("桃源街道举办“邻里文化节”活动,枫林社区积极参与环境整治。");
        assert!(
            !found.iter().any(|(_, who, _)| who == "枫林社区"),
            "{found:?}"
        );
    }

    #[test]
    fn the_unit_a_program_is_said_to_be_of_runs_it() {
        let found = links("“爱心助餐”项目是桃源街道今年的重点民生工程。");
        assert!(
            has(&found, "爱心助餐", "桃源街道", RelationKind::Organizer),
            "{found:?}"
        );
        let found = links("每周六的“爱心助餐”活动,是枫林社区最受欢迎的服务。");
        assert!(
            has(&found, "爱心助餐", "枫林社区", RelationKind::Organizer),
            "{found:?}"
        );
    }

    #[test]
    fn a_clause_opened_by_a_bare_level_word_and_a_verb_has_it_as_subject() {
        // Traditional pages write a space after a comma.
        let found = links(
            "八角南路社区党委书记毛亚静介绍, 为了做好“双报到”接待服务工作, 社区制作了报到登记表。",
        );
        assert!(
            has(&found, "双报到", "八角南路社区", RelationKind::Participant),
            "{found:?}"
        );
        // 社区干部 is a noun, not a subject and its verb.
        let found = links("八角南路社区党委书记毛亚静介绍,为了做好“双报到”工作,社区干部走访群众。");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_verb_ending_with_a_place_word_is_that_verb() {
        let found = links(
            "以此为契机, 石景山区组织开展志愿服务, 将在职党员吸纳到“石景山老街坊”社会治理品牌中。",
        );
        assert!(
            has(&found, "石景山老街坊", "石景山区", RelationKind::Organizer),
            "{found:?}"
        );
    }

    #[test]
    fn the_parties_a_program_is_of_take_part() {
        let found = links("专家学者对九社村与农大的校地合作事宜达成共识。");
        assert!(
            has(&found, "校地合作", "九社村", RelationKind::Participant),
            "{found:?}"
        );
        let found = links("兰锦社区和工联村的“红色食堂”活动办得红红火火。");
        for party in ["兰锦社区", "工联村"] {
            assert!(
                has(&found, "红色食堂", party, RelationKind::Participant),
                "{found:?}"
            );
        }
        // One owner runs its own.
        let found = links("兰锦社区的“红色食堂”活动办得红红火火。");
        assert!(
            has(&found, "红色食堂", "兰锦社区", RelationKind::Organizer),
            "{found:?}"
        );
    }

    #[test]
    fn who_acts_while_a_program_runs_takes_part() {
        let found = links("“邻里文化节”活动期间,枫林社区组织居民开展义诊。");
        assert!(
            has(&found, "邻里文化节", "枫林社区", RelationKind::Participant),
            "{found:?}"
        );
        // A chain of areas names its last.
        let found = links("在“邻里文化节”活动中,沈阳市大东区紧紧围绕工作目标,创新机制。");
        assert!(
            has(&found, "邻里文化节", "大东区", RelationKind::Participant),
            "{found:?}"
        );
        // Not when the program is no time frame of the clause after it.
        let found = links("枫林社区开展“邻里文化节”活动期间,柳岸社区组织义诊。");
        assert!(
            !found.iter().any(|(_, who, _)| who == "柳岸社区"),
            "{found:?}"
        );
    }

    #[test]
    fn who_acts_for_a_programs_sake_takes_part() {
        let found = links("为了做好“三事分流”接待服务工作,枫林社区组织党员入户走访。");
        assert!(
            has(&found, "三事分流", "枫林社区", RelationKind::Participant),
            "{found:?}"
        );
        let found = links("第一书记赵刚驻村以来走访农户。为了让农牧民了解“十个全覆盖”工程,把工程做实,刚驻村时,他就开始宣传。");
        assert!(
            has(&found, "十个全覆盖", "赵刚", RelationKind::Participant),
            "{found:?}"
        );
        // The person a unit's doer noun names acts, not the unit.
        let found = links("在“邻里文化节”活动中,枫林社区党员石福菲带头走访困难群众。");
        assert!(
            has(&found, "邻里文化节", "石福菲", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn who_the_sentence_opens_as_one_of_a_programs_people_takes_part() {
        let found = links("作为“书香先锋岗”的一员,孙桂升每周走访独居老人。");
        assert!(
            has(&found, "书香先锋岗", "孙桂升", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn who_helps_another_carry_a_program_out_takes_part() {
        let found = links("清河村协助大营镇开展“民情服务站”活动。");
        assert!(
            has(&found, "民情服务站", "清河村", RelationKind::Participant),
            "{found:?}"
        );
        assert!(
            has(&found, "民情服务站", "大营镇", RelationKind::Organizer),
            "{found:?}"
        );
        let found = links("清河村配合开展“连心红黑榜”行动。");
        assert!(
            has(&found, "连心红黑榜", "清河村", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn places_of_two_levels_listed_together_take_part() {
        let found = links("亚龙村、台源寺社区等8个村参与了“银龄管家”活动。");
        for who in ["亚龙村", "台源寺社区"] {
            assert!(
                has(&found, "银龄管家", who, RelationKind::Participant),
                "{found:?}"
            );
        }
    }

    #[test]
    fn a_list_with_its_count_that_joins_after_a_program_takes_part() {
        let found = links("徐家楼街道组织开展“银龄联户”活动,聚兴园社区等12个村参加。");
        assert!(
            has(&found, "银龄联户", "聚兴园社区", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn who_acts_since_a_program_was_launched_runs_it() {
        let found = links("“一站式议事会”活动实施以来,四合村累计服务群众3000余人次。");
        assert!(
            has(&found, "一站式议事会", "四合村", RelationKind::Organizer),
            "{found:?}"
        );
    }

    #[test]
    fn who_has_others_take_part_runs_the_program() {
        let found = links("尕让乡组织200名党员参与“银龄守望”活动。");
        assert!(
            has(&found, "银龄守望", "尕让乡", RelationKind::Organizer),
            "{found:?}"
        );
        let found = links("清河街道积极邀请东北大学志愿者参与“爱心课堂”。");
        assert!(
            has(&found, "爱心课堂", "清河街道", RelationKind::Organizer),
            "{found:?}"
        );
        assert!(
            has(&found, "爱心课堂", "东北大学", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn we_in_speech_is_the_speakers_unit() {
        let found = links("“去年起,我们启动了‘楼栋微治理’工作。”关上社区居委会副主任陈明说。");
        assert!(
            has(&found, "楼栋微治理", "关上社区", RelationKind::Organizer),
            "{found:?}"
        );
        let found = links("居民李明说:“我们都参加了‘楼栋微治理’活动。”");
        assert!(
            has(&found, "楼栋微治理", "李明", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn who_promotes_another_units_program_runs_it_too() {
        let found = links("海城区在全区推广枫林社区“三事分流”工作法。");
        for who in ["海城区", "枫林社区"] {
            assert!(
                has(&found, "三事分流", who, RelationKind::Organizer),
                "{found:?}"
            );
        }
        let found = links("海城区全面推开“三事分流”工作法。");
        assert!(
            has(&found, "三事分流", "海城区", RelationKind::Organizer),
            "{found:?}"
        );
    }

    #[test]
    fn the_person_under_whose_lead_it_is_done_takes_part() {
        let found = links("在枫林社区党委书记周志明的带领下,社区开展“三事分流”活动。");
        assert!(
            has(&found, "三事分流", "周志明", RelationKind::Participant),
            "{found:?}"
        );
        // Not in another sentence.
        let found = links("在书记周志明的带领下,社区修了路。枫林社区开展“三事分流”活动。");
        assert!(
            !found.iter().any(|(_, who, _)| who == "周志明"),
            "{found:?}"
        );
    }

    #[test]
    fn a_person_after_a_post_who_presides_takes_part() {
        let found = links("枫林社区开展了“三事分流”议事活动,社区党委书记周志明主持。");
        assert!(
            has(&found, "三事分流", "周志明", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn the_organ_whose_directive_a_clause_carries_out_runs_its_program() {
        let found = links("按照海城区委组织部统一部署,枫林社区启动“三事分流”议事活动。");
        assert!(
            has(
                &found,
                "三事分流",
                "海城区委组织部",
                RelationKind::Organizer
            ),
            "{found:?}"
        );
        // Naming an organ is no directive (按照海城区委组织部的名单).
        let found = links("按照海城区委组织部的名单,枫林社区启动“三事分流”议事活动。");
        assert!(
            !found.iter().any(|(_, who, _)| who == "海城区委组织部"),
            "{found:?}"
        );
    }

    #[test]
    fn a_bare_level_word_opening_a_clause_is_its_subject() {
        let found = links(
            "东关街道党工委书记张强说,街道还与天水师范学院合作开展“青春助力社区”志愿服务活动。",
        );
        assert!(
            has(&found, "青春助力社区", "东关街道", RelationKind::Organizer),
            "{found:?}"
        );
        // 社区干部 is cadres, not the community.
        let found = links("东关街道举行会议,社区干部积极参与“青春助力社区”活动。");
        assert!(
            !found.iter().any(|(_, who, _)| who == "东关社区"),
            "{found:?}"
        );
    }

    #[test]
    fn a_subject_acting_jointly_runs_it_and_its_partner_takes_part() {
        let found = links("东关社区联合天水市第一人民医院开展“健康进社区”义诊活动。");
        assert!(
            has(&found, "健康进社区", "东关社区", RelationKind::Organizer),
            "{found:?}"
        );
        assert!(
            has(
                &found,
                "健康进社区",
                "天水市第一人民医院",
                RelationKind::Participant
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_program_put_before_its_verb_by_jiang() {
        let found = links("秦州区委组织部将“红色网格”工作法在全区推广。");
        assert!(
            has(
                &found,
                "红色网格",
                "秦州区委组织部",
                RelationKind::Organizer
            ),
            "{found:?}"
        );
        // No verb of the lexicons in the clause: no link.
        let found = links("秦州区委组织部将“红色网格”写进了文件。");
        assert!(
            found.iter().all(|(_, who, _)| who != "秦州区委组织部"),
            "{found:?}"
        );
    }

    #[test]
    fn a_partner_joined_by_yu_acts_too() {
        // Partners doing it together take part; neither alone runs it.
        let found = links("学院路社区与清华大学携手开展“周末课堂”活动。");
        for who in ["学院路社区", "清华大学"] {
            assert!(
                has(&found, "周末课堂", who, RelationKind::Participant),
                "{found:?}"
            );
        }
        // 与 far from the verb governs an object, no partner.
        let found = links("学院路社区与清华大学签订协议后,开展“周末课堂”活动。");
        assert!(
            !found.iter().any(|(_, who, _)| who == "清华大学"),
            "{found:?}"
        );
    }

    #[test]
    fn a_program_written_again_bare_is_framed_there_too() {
        // The second text puts it within speech: a long quote hides no names.
        for again in [
            "按照昆明市委社会工委部署要求,我们启动小区微治理工作。",
            "“按照昆明市委社会工委部署要求,我们启动小区微治理工作,优先挑选热心的居民。”",
        ] {
            let found = links(&format!("昆明市楼栋长积极参与社区乡村“微治理”。{again}"));
            assert!(
                has(
                    &found,
                    "微治理",
                    "昆明市委社会工委",
                    RelationKind::Organizer
                ),
                "{found:?}"
            );
        }
    }

    #[test]
    fn the_trial_ground_of_the_work_takes_part() {
        let found = links(
            "茶山街道推进“兼职委员”进社区工作。\
             清河社区作为此次活动的试点单位,率先聘请王强担任社区兼职委员。",
        );
        assert!(
            has(&found, "兼职委员", "清河社区", RelationKind::Participant),
            "{found:?}"
        );
    }

    #[test]
    fn a_bare_label_inside_a_longer_word_is_no_mention() {
        let bare = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            let label: Vec<char> = "邻里节".chars().collect();
            super::bare_again(text, &chars, &[(0, label)], &[])
        };
        assert_eq!(bare("居民都来参加邻里节活动").len(), 1);
        assert!(bare("大家欢度邻里节日").is_empty());
    }
}
