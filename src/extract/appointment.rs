//! Appointments: who holds which post in which unit.
//!
//! Patterns, all inside one sentence:
//! - apposition, unit then post then name: 北票市南山街道基层治理督导员李忠仁,
//!   派驻到松泉社区的第一书记王光宇, lists 党委书记、居民委员会主任孙微;
//! - name then post: 朝阳邮政局马畅达行长;
//! - verbs: 王泽勇…在水井村担任第一书记, 马畅达…担任社区兼职委员,
//!   王泽勇是贵州新安公司的一名车工, 作者系富平县委常委、组织部长.
//!
//! A unit written as a bare level word (社区, 村) is returned as
//! `Unit::Generic` for the caller to resolve to the area in focus.

use super::person::{adverb_before, as_clause_before, aside_before, went_to};
use super::text::{has_at, is_quote_close, is_quote_open, string};
use super::{level_word, LEVEL_WORDS, PEOPLES_COMMITTEES};
use crate::lexicon::{lexicon, WordList};
use crate::model::{AreaKind, EntityKind, Span};
use crate::normalize::is_cjk;
use std::sync::OnceLock;

/// A mention in the sentence, as the recognisers found it.
#[derive(Debug, Clone)]
pub struct Local {
    pub span: Span,
    pub kind: EntityKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// Index into the sentence's mentions.
    Mention(usize),
    /// A bare level word (社区, 村, 镇) to resolve by focus.
    Generic(String),
}

/// Who holds a post found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    /// A person the sentence names: index into its mentions.
    Mention(usize),
    /// The article's author (作者系…).
    Author,
    /// The person named alone on the line above: a speaker's caption
    /// (成家德 / 长盛小区党委书记).
    NamedAbove,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub person: Holder,
    pub role: String,
    pub unit: Unit,
    pub span: Span,
}

/// What joins the posts one person holds: 、, and 兼 ("concurrently":
/// 村党支部书记兼村委会主任).
const POST_LIST_MARKS: &[char] = &['、', '兼'];
/// Bare level words that name the unit in focus.
const GENERIC_UNITS: &[&str] = &["社区", "街道", "小区", "村", "镇", "乡"];
/// Verbs that give a post: 担任, 兼任, 当选为; longer ones first where one
/// starts another (当选为, 当选).
const VERBS: &[&str] = &[
    "担任",
    "兼任",
    "出任",
    "现任",
    "现为",
    "曾任",
    "时任",
    "升任",
    "调任",
    "接任",
    "继任",
    "就任",
    "转任",
    "改任",
    "当选为",
    "当选",
    "被任命为",
    "任命为",
    "被选为",
    "挂任",
    "是",
    "任",
    "系",
];
/// Verbs too short to stand anywhere: only right after the name (王泽勇是…,
/// 李明任村党支部书记, 张华系…).
const VERBS_AFTER_NAME: &[&str] = &["是", "任", "系"];
/// The form of address that may stand between a name and a short verb.
pub(super) const ADDRESS: &str = "同志";
/// Words between a unit and a post after 是 (…公司的一名车工).
const LINKS: &[&str] = &["的一名", "的一位", "的一个", "的", "一名", "一位"];

/// How many chars of [`LINKS`] start at `at`, after a unit.
pub(super) fn link_after_unit(chars: &[char], at: usize) -> usize {
    LINKS
        .iter()
        .find(|l| has_at(chars, at, l))
        .map_or(0, |l| l.chars().count())
}

/// `has_author`: the article has a byline, so 作者系… describes its author.
pub fn find_appointments(chars: &[char], mentions: &[Local], has_author: bool) -> Vec<Found> {
    let mut found = Vec::new();
    for (p, m) in mentions.iter().enumerate() {
        if m.kind != EntityKind::Person {
            continue;
        }
        if !apposition(chars, mentions, p, &mut found)
            && !described_after(chars, mentions, p, &mut found)
        {
            name_then_post(chars, mentions, p, &mut found);
        }
        introduced_as(chars, mentions, p, &mut found);
    }
    if found.is_empty() {
        caption(chars, mentions, &mut found);
    }
    verbs(chars, mentions, &mut found);
    appointed(chars, mentions, &mut found);
    if has_author {
        self_description(chars, mentions, &mut found);
    }
    listed_members(chars, mentions, &mut found);
    found
}

/// Posts that many hold at once in one unit: members, not heads.
fn is_members_post(role: &str) -> bool {
    role.ends_with('员') || role.ends_with("代表")
}

/// 网格员王丽、张强、李红: the people listed with 、 right after the holder
/// of a members' post written before the name, with no post of their own,
/// hold it too. (A head's post is one person's: 书记王丽、张强 lists
/// others.)
fn listed_members(chars: &[char], mentions: &[Local], found: &mut Vec<Found>) {
    let mut listed = Vec::new();
    for f in found.iter().filter(|f| is_members_post(&f.role)) {
        let Holder::Mention(p) = f.person else {
            continue;
        };
        if f.span.start >= mentions[p].span.start {
            continue;
        }
        let mut end = mentions[p].span.end;
        while chars.get(end) == Some(&'、') {
            let Some(q) = person_starting_at(mentions, end + 1) else {
                break;
            };
            if found.iter().any(|g| g.person == Holder::Mention(q)) {
                break;
            }
            end = mentions[q].span.end;
            listed.push(Found {
                person: Holder::Mention(q),
                role: f.role.clone(),
                unit: f.unit.clone(),
                span: Span::new(f.span.start, end),
            });
        }
    }
    found.extend(listed);
}

fn is_unit(m: &Local) -> bool {
    matches!(m.kind, EntityKind::Area(_) | EntityKind::Organization)
}

fn unit_spans(mentions: &[Local]) -> Vec<Span> {
    mentions
        .iter()
        .filter(|m| is_unit(m))
        .map(|m| m.span)
        .collect()
}

/// The mention that ends exactly at `at`.
fn mention_ending_at(mentions: &[Local], at: usize) -> Option<usize> {
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.span.end == at && is_unit(m))
        .min_by_key(|(_, m)| m.span.start)
        .map(|(i, _)| i)
}

/// A post title ending at `end`, extended left over modifiers and quoted
/// words (“大党委”助理员) but never into a mention. Returns its start.
fn post_ending_at(chars: &[char], mentions: &[Local], end: usize) -> Option<usize> {
    let lex = lexicon();
    let (mut start, _) = lex.roles.ending_at(chars, end)?;
    // A contracted title begun inside its unit's name (区委组织|部长)
    // takes no modifier from the name.
    if mentions
        .iter()
        .any(|m| is_unit(m) && m.span.start < start && start < m.span.end && m.span.end < end)
    {
        return Some(start);
    }
    loop {
        if mention_ending_at(mentions, start).is_some() {
            break;
        }
        if let Some((s, _)) = lex.role_modifiers.ending_at(chars, start) {
            start = s;
        } else if let Some(s) = quoted_ending_at(chars, start) {
            start = s;
        } else {
            break;
        }
    }
    Some(start)
}

fn quoted_ending_at(chars: &[char], end: usize) -> Option<usize> {
    if end == 0 || !is_quote_close(chars[end - 1]) {
        return None;
    }
    let open = chars[..end - 1].iter().rposition(|&c| is_quote_open(c))?;
    (end - open <= 8).then_some(open)
}

/// The unit of a post starting at `start`: the mention right before it
/// (maybe across 的), else a bare level word the post begins with.
fn unit_before(
    chars: &[char],
    mentions: &[Local],
    start: usize,
    post_end: usize,
) -> Option<(Unit, usize)> {
    if let Some(m) = mention_ending_at(mentions, start) {
        return Some((Unit::Mention(m), start));
    }
    // A place that opens the line, then a comma: the post the next clause
    // begins with is held there (北碚区水土街道大地村,“安村”书记毛晏飞…).
    if start > 0 && matches!(chars[start - 1], ',' | '，') {
        let place = mention_ending_at(mentions, start - 1).filter(|&m| {
            matches!(mentions[m].kind, EntityKind::Area(_))
                && chained_from_start(mentions, mentions[m].span.start)
        });
        if let Some(m) = place {
            return Some((Unit::Mention(m), start));
        }
    }
    // A title that begins inside its unit's name (全国人大|代表: 人大代表).
    if let Some(m) = mentions.iter().position(|m| {
        is_unit(m) && m.span.start < start && start < m.span.end && m.span.end < post_end
    }) {
        return Some((Unit::Mention(m), start));
    }
    // The compound's numbered part before the post, with or without 的
    // (东关社区12号楼|楼栋长, …家属院1栋|的楼栋长).
    let part_end = if start > 0 && chars[start - 1] == '的' {
        start - 1
    } else {
        start
    };
    let part = building_before(chars, part_end);
    if part < start {
        if let Some(m) = mention_ending_at(mentions, part) {
            return Some((Unit::Mention(m), start));
        }
    }
    // 村 is no unit of its own at the start of 村委会主任: an organ's
    // name begins there, and the title shares the listed unit's area.
    let organ = lexicon()
        .org_heads
        .starting_at(chars, start)
        .map_or(0, |m| m.chars().count());
    // A title that names its level (乡长, 村长) keeps it: the unit is the
    // level's area, the title is whole.
    let whole = lexicon()
        .roles
        .starting_at(chars, start)
        .is_some_and(|r| start + r.chars().count() == post_end);
    GENERIC_UNITS
        .iter()
        .filter(|g| g.chars().count() >= organ)
        .find(|g| has_at(chars, start, g) && start + g.chars().count() < post_end)
        .map(|g| {
            let title = if whole {
                start
            } else {
                start + g.chars().count()
            };
            (Unit::Generic((*g).to_owned()), title)
        })
}

/// Words that number a part of a compound (1栋, 3单元, 二组).
const BUILDING_PARTS: &[char] = &['栋', '幢', '楼', '号', '单', '元', '组'];

/// Where a numbered part of a compound ending at `at` starts (民航北头
/// 家属院|1栋|的楼栋长: the post belongs to the compound), else `at`.
fn building_before(chars: &[char], at: usize) -> usize {
    let mut k = at;
    while k > 0 && BUILDING_PARTS.contains(&chars[k - 1]) {
        k -= 1;
    }
    let part = k;
    while k > 0 && (chars[k - 1].is_ascii_digit() || "一二三四五六七八九十".contains(chars[k - 1]))
    {
        k -= 1;
    }
    if part < at && k < part {
        k
    } else {
        at
    }
}

/// Unit, post, name: and the posts listed before it with 、.
/// A post found before a name: its start, its end, and its own unit with
/// where the title starts after that unit.
type Post = (usize, usize, Option<(Unit, usize)>);

fn apposition(chars: &[char], mentions: &[Local], p: usize, found: &mut Vec<Found>) -> bool {
    let name = mentions[p].span;
    let mut end = name.start;
    // A space between post and name: 居委会主任 任红梅.
    while end > 0 && chars[end - 1] == ' ' {
        end -= 1;
    }
    // An honour between post and name: 党支部书记、“最美小区志愿者”陈彦妮.
    if let Some(honour) = honour_ending_at(chars, mentions, end) {
        end = honour - usize::from(honour > 0 && chars[honour - 1] == '、');
    }
    // A post in quotes: 老鹳庙社区“第一书记”孔静.
    if end > 0 && is_quote_close(chars[end - 1]) {
        end -= 1;
    }
    // A post before a copula or 由: 村党支部书记是王丽。
    if let Some(at) = inverted_post_end(chars, name) {
        end = at;
    }
    posts_ending_at(chars, mentions, Holder::Mention(p), end, name, found)
        || listed_before(chars, mentions, end).is_some_and(|end| {
            posts_ending_at(chars, mentions, Holder::Mention(p), end, name, found)
        })
}

/// Where the quoted initiative ending at `end` opens, its quotes
/// included: an honour the person after it holds.
fn honour_ending_at(chars: &[char], mentions: &[Local], end: usize) -> Option<usize> {
    if end < 2 || !is_quote_close(chars[end - 1]) {
        return None;
    }
    mentions
        .iter()
        .find(|m| m.kind == EntityKind::Initiative && m.span.end == end - 1 && m.span.start > 0)
        .map(|m| m.span.start - 1)
}

/// Longest line that is a speaker's posts and nothing else.
const MAX_CAPTION: usize = 30;

/// A line that is only a unit and its posts, under a line naming a
/// person alone (成家德 / 长盛小区党委书记): the caption of a speaker.
/// Copulas between a post and the name after it (村党支部书记是王丽。,
/// 主任为李红。), and 由 with the verbs after the name (书记由王丽兼任).
pub(super) const COPULAS: &[char] = &['是', '为'];
pub(super) const BY: char = '由';
const TAKEN_BY: &[&str] = &["担任", "兼任", "出任"];

/// Where the post ends before a name written after it (村党支部书记|是|
/// 王丽。, 书记|由|王丽兼任): the copula's or 由's offset. After a copula
/// the name ends the clause (not 书记是王丽的女儿).
pub(super) fn inverted_post_end(chars: &[char], name: Span) -> Option<usize> {
    let at = name.start.checked_sub(1)?;
    let framed = match chars[at] {
        c if COPULAS.contains(&c) => chars.get(name.end).is_none_or(|&c| !is_cjk(c)),
        BY => TAKEN_BY.iter().any(|v| has_at(chars, name.end, v)),
        _ => false,
    };
    (framed && lexicon().roles.ending_at(chars, at).is_some()).then_some(at)
}

fn caption(chars: &[char], mentions: &[Local], found: &mut Vec<Found>) {
    let people = mentions.iter().any(|m| m.kind == EntityKind::Person);
    if people || chars.len() > MAX_CAPTION || mentions.first().is_none_or(|m| m.span.start != 0) {
        return;
    }
    let line = Span::new(chars.len(), chars.len());
    let mut posts = Vec::new();
    posts_ending_at(
        chars,
        mentions,
        Holder::NamedAbove,
        chars.len(),
        line,
        &mut posts,
    );
    // The whole line: its first post's unit opens it, after the areas
    // that hold it (青山镇|石水村|第一书记).
    if posts.first().is_some_and(|f| match f.unit {
        Unit::Mention(u) => chained_from_start(mentions, mentions[u].span.start),
        Unit::Generic(_) => false,
    }) {
        found.extend(posts);
    }
}

/// Do mentions one after the other cover the line up to `at`?
fn chained_from_start(mentions: &[Local], at: usize) -> bool {
    let mut pos = 0;
    while pos < at {
        match mentions
            .iter()
            .filter(|m| m.span.start == pos && m.span.end <= at)
            .map(|m| m.span.end)
            .max()
        {
            Some(end) => pos = end,
            None => return false,
        }
    }
    true
}

/// Longest item (an honour, a description) listed between posts and a
/// name: 党支部书记、“最美小区志愿者”陈彦妮.
const MAX_LISTED: usize = 16;

/// Where the posts end when one 、-item without a mention in it stands
/// between them and the name at `end`.
fn listed_before(chars: &[char], mentions: &[Local], end: usize) -> Option<usize> {
    let from = end.saturating_sub(MAX_LISTED);
    let mark = (from..end).rev().find(|&k| chars[k] == '、')?;
    let item = &chars[mark + 1..end];
    let plain = item
        .iter()
        .all(|&c| is_cjk(c) || is_quote_open(c) || is_quote_close(c));
    let crossed = mentions
        .iter()
        .any(|m| m.span.start < end && m.span.end > mark);
    (plain && !item.is_empty() && !crossed).then_some(mark)
}

/// Clause breaks after a name that a description of its posts follows.
const CLAUSE_BREAKS: &[char] = &[',', '，', ';', '；', '。'];
/// How many clauses after a name may describe its posts.
const DESCRIBING_CLAUSES: usize = 3;

/// Name, then its posts in the later clauses of the sentence, before any
/// other person: 杨盛川,苗族,全国人大代表,资源县…社水村党支部书记、村委会主任;
fn described_after(chars: &[char], mentions: &[Local], p: usize, found: &mut Vec<Found>) -> bool {
    let name = mentions[p].span;
    let mut at = name.end;
    let mut described = false;
    for _ in 0..DESCRIBING_CLAUSES {
        // A clause after a comma, or the posts in brackets after the name
        // (王强(青山村党支部书记)、李明…).
        let breaks: &[char] = match chars.get(at) {
            Some(',' | '，') => CLAUSE_BREAKS,
            Some('(' | '（') if at == name.end => &[')', '）'],
            _ => break,
        };
        let end = chars[at + 1..]
            .iter()
            .position(|c| breaks.contains(c))
            .map_or(chars.len(), |k| at + 1 + k);
        let other_person = mentions
            .iter()
            .any(|m| m.kind == EntityKind::Person && m.span.start > at && m.span.start < end);
        if other_person {
            break;
        }
        let span = Span::new(name.start, end);
        described |= posts_ending_at(chars, mentions, Holder::Mention(p), end, span, found);
        at = end;
    }
    described
}

/// A person introduced by the post they act in, in the clause before the
/// name: 作为大湾村党支部书记,刘洋…; 身为村党支部书记的黄明.
fn introduced_as(chars: &[char], mentions: &[Local], p: usize, found: &mut Vec<Found>) {
    let name = mentions[p].span;
    let Some(sep) = name.start.checked_sub(1) else {
        return;
    };
    if ![',', '，', '的'].contains(&chars[sep]) {
        return;
    }
    if let Some(clause) = as_clause_before(chars, sep) {
        let span = Span::new(clause, name.end);
        posts_ending_at(chars, mentions, Holder::Mention(p), sep, span, found);
    }
}

/// The posts ending at `end` (right to left, each maybe with its own
/// unit, joined by 、) held by `holder`; `span` is the evidence.
fn posts_ending_at(
    chars: &[char],
    mentions: &[Local],
    holder: Holder,
    end: usize,
    span: Span,
    found: &mut Vec<Found>,
) -> bool {
    let name = span;
    let mut end = end;
    let mut posts: Vec<Post> = Vec::new();
    while let Some(mut start) = post_ending_at(chars, mentions, end) {
        // A quoted post right before the name (“第一书记”孔静) keeps its quotes.
        if start > 0 && is_quote_open(chars[start - 1]) && end < name.start {
            start -= 1;
        }
        let unit = unit_before(chars, mentions, start, end);
        let item_start = match &unit {
            Some((Unit::Mention(m), _)) => mentions[*m].span.start,
            _ => start,
        };
        posts.push((start, end, unit));
        if item_start == 0 || !POST_LIST_MARKS.contains(&chars[item_start - 1]) {
            break;
        }
        end = item_start - 1;
    }
    // Posts without a unit of their own share the area of the listed one,
    // or the unit of the person listed just before (网格员孙立新、楼栋长刘礼贤).
    let own = posts
        .iter()
        .rev()
        .find_map(|(_, _, u)| u.clone())
        // A post that names its level's organ (驻村第一书记, 居委会主任) is
        // of that level even in a list after another person's post.
        .or_else(|| organ_of_a_level(chars, posts.last()?.0));
    let shared = match (own, posts.last()) {
        (Some((unit, _)), _) => shared_unit(chars, mentions, &unit),
        (None, Some(&(start, end, _))) => {
            let Some(previous) = previous_person_post(mentions, found, start) else {
                return false;
            };
            // 民政局局长吴某、副局长林某: the same office's deputy is of
            // the organ itself, another post of its area.
            if same_office(chars, mentions, previous, &string(chars, start, end)) {
                previous.unit.clone()
            } else {
                shared_unit(chars, mentions, &previous.unit)
            }
        }
        (None, None) => return false,
    };
    for (start, end, unit) in posts.into_iter().rev() {
        let (unit, role_start) = unit.map_or((shared.clone(), start), |(u, s)| (u, s.max(start)));
        let role: String = string(chars, role_start, end)
            .chars()
            .filter(|c| !is_quote_open(*c) && !is_quote_close(*c))
            .collect();
        found.push(Found {
            person: holder,
            role,
            unit,
            span: Span::new(role_start.min(name.start), name.end.max(end)),
        });
    }
    true
}

/// Organs and titles of a level besides its residents' and villagers'
/// committees ([`PEOPLES_COMMITTEES`]): 业委会 is a compound's; 支书 is a
/// village's party secretary, 驻村 posts are held in a village.
const ORGANS_OF_LEVELS: &[(&str, AreaKind)] = &[
    ("业委会", AreaKind::ResidentialCompound),
    ("支书", AreaKind::Village),
    ("驻村", AreaKind::Village),
];

/// A post that starts with an organ or title of a level and names no area
/// (居委会|副主任, 驻村|队长): the level, for the area in focus.
fn organ_of_a_level(chars: &[char], start: usize) -> Option<(Unit, usize)> {
    PEOPLES_COMMITTEES
        .iter()
        .chain(ORGANS_OF_LEVELS)
        .find(|(organ, _)| has_at(chars, start, organ))
        .and_then(|&(_, kind)| level_word(kind))
        .map(|level| (Unit::Generic(level.to_owned()), start))
}

/// The appointment of the person named right before `at` and a 、 (the
/// list goes on with the same unit).
fn previous_person_post<'a>(
    mentions: &[Local],
    found: &'a [Found],
    at: usize,
) -> Option<&'a Found> {
    let before = at.checked_sub(1)?;
    found
        .iter()
        .rev()
        .find(|f| matches!(f.person, Holder::Mention(p) if mentions[p].span.end == before))
}

/// Ranks that qualify an office without changing it (副局长 is the
/// 局长's deputy in the same organ).
const RANKS: &[&str] = &["常务副", "副"];

/// Is `role` the office of `previous`'s post or its deputy (书记 →
/// 副书记), or the head or a member of its organ by the organ's last char
/// (民政局 → 副局长, 人民医院 → 院长, 党委 → 委员)?
fn same_office(chars: &[char], mentions: &[Local], previous: &Found, role: &str) -> bool {
    if bare_office(role) == bare_office(&previous.role) {
        return true;
    }
    let Unit::Mention(u) = previous.unit else {
        return false;
    };
    let organ_end = chars.get(mentions[u].span.end.wrapping_sub(1)).copied();
    match office_head(role) {
        Some(head) => Some(head) == organ_end,
        None => bare_office(role) == "委员" && organ_end == Some('委'),
    }
}

/// A title without its rank (副局长 → 局长).
fn bare_office(role: &str) -> &str {
    RANKS
        .iter()
        .find_map(|k| role.strip_prefix(k))
        .unwrap_or(role)
}

/// The organ's char a head's title names, rank or not (队长, 副队长 → 队;
/// 局长 → 局): the last char of the organizations it heads.
pub(super) fn office_head(role: &str) -> Option<char> {
    let mut title = bare_office(role).chars();
    match (title.next(), title.next(), title.next()) {
        (Some(head), Some('长'), None) => Some(head),
        _ => None,
    }
}

/// For the later posts of a list, the area inside the first unit, the
/// most specific where it holds a chain (德昌社区党委书记、居民委员会主任
/// → 德昌社区; 天水市秦州区卫健局党组书记、局长 → 秦州区); for an organ
/// written with a bare level word, that level in focus (街道党工委书记、
/// 办事处主任 → 街道), not the organ.
fn shared_unit(chars: &[char], mentions: &[Local], unit: &Unit) -> Unit {
    if let Unit::Mention(u) = unit {
        let span = mentions[*u].span;
        let area = (0..mentions.len())
            .filter(|&a| {
                let m = &mentions[a];
                matches!(m.kind, EntityKind::Area(_)) && span.contains(&m.span) && m.span != span
            })
            .max_by_key(|&a| mentions[a].span.end);
        if let Some(a) = area {
            return Unit::Mention(a);
        }
        if let Some((level, _)) = LEVEL_WORDS
            .iter()
            .find(|(w, _)| has_at(chars, span.start, w))
        {
            return Unit::Generic((*level).to_owned());
        }
    }
    unit.clone()
}

/// Unit, name, post: 朝阳邮政局马畅达行长.
fn name_then_post(chars: &[char], mentions: &[Local], p: usize, found: &mut Vec<Found>) {
    let name = mentions[p].span;
    let Some(unit) = mention_ending_at(mentions, name.start) else {
        return;
    };
    let role = lexicon().roles.starting_at(chars, name.end);
    if let Some(role) = role {
        found.push(Found {
            person: Holder::Mention(p),
            role: role.to_owned(),
            unit: Unit::Mention(unit),
            span: Span::new(mentions[unit].span.start, name.end + role.chars().count()),
        });
    }
}

/// Person … (unit) 担任 (unit) post.
fn verbs(chars: &[char], mentions: &[Local], found: &mut Vec<Found>) {
    let units = unit_spans(mentions);
    let mut next = 0;
    for v in 0..chars.len() {
        // Not inside a verb already read (被|任命为).
        if v < next {
            continue;
        }
        let Some(verb) = post_verbs().starting_at(chars, v) else {
            continue;
        };
        let after = v + verb.chars().count();
        next = after;
        let short = VERBS_AFTER_NAME.contains(&verb);
        // Not a name inside brackets closed before the verb: a byline's
        // ((记者 张某)担任…) or an aside's is no subject.
        let before = person_before(mentions, v).filter(|&p| {
            let end = mentions[p].span.end;
            // 王刚同志任…: the form of address stays with the name; so do an
            // adverb and an aside in brackets (王丽(女)是…, 张强先后担任…).
            let close = aside_before(chars, adverb_before(chars, v));
            let right_after = end == close || has_at(chars, end, ADDRESS) && end + 2 == close;
            (!short || right_after || end == went_to(chars, &units, v))
                && !inside_brackets(&chars[end..v])
        });
        let Some((unit, role, end)) =
            post_after(chars, mentions, after, mention_ending_at(mentions, v))
        else {
            continue;
        };
        let Some(unit) = unit.or_else(|| headed_before(chars, mentions, v, &role)) else {
            continue;
        };
        // A relative clause: 在水井村担任第一书记的王泽勇; with a short
        // verb only at a clause's start (任青山社区党委书记的王丽).
        let opens = v == 0 || !is_cjk(chars[v - 1]);
        let described = ((!short || opens) && chars.get(end) == Some(&'的'))
            .then(|| person_starting_at(mentions, end + 1))
            .flatten();
        let Some(p) = described.or(before) else {
            continue;
        };
        let span = mentions[p].span;
        let shared = shared_unit(chars, mentions, &unit);
        found.push(Found {
            person: Holder::Mention(p),
            role,
            unit,
            span: Span::new(span.start.min(v), span.end.max(end)),
        });
        // More posts listed after the first (担任村党支部书记、村委会主任),
        // each with its own unit or the first one's area.
        let mut end = end;
        while chars.get(end).is_some_and(|c| POST_LIST_MARKS.contains(c))
            && person_starting_at(mentions, end + 1).is_none()
        {
            let Some((unit, role, next)) = post_after(chars, mentions, end + 1, None) else {
                break;
            };
            found.push(Found {
                person: Holder::Mention(p),
                role,
                unit: unit.unwrap_or_else(|| shared.clone()),
                span: Span::new(span.start.min(v), span.end.max(next)),
            });
            end = next;
        }
    }
}

/// The organization named before `at` in the sentence whose head the
/// title `role` heads (组建…志愿服务队,王丽担任队长; 成立…协会,由…任
/// 会长): a post written with no unit is of it.
fn headed_before(chars: &[char], mentions: &[Local], at: usize, role: &str) -> Option<Unit> {
    let head = office_head(role)?;
    mentions
        .iter()
        .enumerate()
        .rev()
        .find(|(_, m)| {
            m.kind == EntityKind::Organization
                && m.span.end <= at
                && m.span.end > 0
                && chars[m.span.end - 1] == head
        })
        .map(|(i, _)| Unit::Mention(i))
}

/// Does a bracket close in `between` (a name's end to its verb) before
/// any opens: the name stood inside brackets ((记者 张某)担任…), an
/// aside's or a byline's, and is no subject.
fn inside_brackets(between: &[char]) -> bool {
    let close = between.iter().position(|c| matches!(c, ')' | '）'));
    let open = between.iter().position(|c| matches!(c, '(' | '（'));
    match (close, open) {
        (Some(c), Some(o)) => c < o,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Verbs by which someone makes a person the holder of posts: 聘任 X 为….
const APPOINTING: &[&str] = &[
    "聘任", "任命", "聘请", "委任", "选举", "推选", "选派", "提拔",
];

/// 聘任黎锦林为宝塔村村委会主任、宝塔砂布厂厂长: the person after the
/// verb holds every post listed after 为.
fn appointed(chars: &[char], mentions: &[Local], found: &mut Vec<Found>) {
    for v in 0..chars.len() {
        let Some(verb) = appointing_verbs().starting_at(chars, v) else {
            continue;
        };
        let Some(p) = person_starting_at(mentions, v + verb.chars().count()) else {
            continue;
        };
        let mut at = mentions[p].span.end;
        if !has_at(chars, at, "为") {
            continue;
        }
        at += 1;
        while let Some((Some(unit), role, end)) = post_after(chars, mentions, at, None) {
            found.push(Found {
                person: Holder::Mention(p),
                role,
                unit,
                span: Span::new(v, end),
            });
            if !chars.get(end).is_some_and(|c| POST_LIST_MARKS.contains(c)) {
                break;
            }
            at = end + 1;
        }
    }
}

/// [`VERBS`] indexed by first char: asked at every char of a sentence.
pub(super) fn post_verbs() -> &'static WordList {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| word_list(VERBS))
}

/// Is `word` a verb of posts, long (担任) or short (任, 系, 是)?
pub(super) fn is_post_verb(word: &str) -> bool {
    VERBS.contains(&word)
}

/// [`APPOINTING`] indexed by first char.
fn appointing_verbs() -> &'static WordList {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| word_list(APPOINTING))
}

fn word_list(words: &[&str]) -> WordList {
    WordList::new(words.iter().map(|w| w.to_string()).collect())
}

fn person_starting_at(mentions: &[Local], at: usize) -> Option<usize> {
    mentions
        .iter()
        .position(|m| m.kind == EntityKind::Person && m.span.start == at)
}

fn person_before(mentions: &[Local], at: usize) -> Option<usize> {
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == EntityKind::Person && m.span.end <= at)
        .max_by_key(|(_, m)| m.span.end)
        .map(|(i, _)| i)
}

/// After a verb: an optional unit, then a post title ending within a few
/// characters. `unit_before_verb` is used when no unit follows the verb;
/// the unit is `None` when neither is there.
fn post_after(
    chars: &[char],
    mentions: &[Local],
    at: usize,
    unit_before_verb: Option<usize>,
) -> Option<(Option<Unit>, String, usize)> {
    // The last of a chain of units written one after the other (担任|秦州区
    // |东关街道党工委|书记): the post is of the most specific one.
    let unit_starting_at = |at: usize| {
        mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.span.start == at && is_unit(m))
            .max_by_key(|(_, m)| m.span.end)
            .map(|(i, _)| i)
    };
    let mut unit_after = unit_starting_at(at);
    while let Some(next) = unit_after.and_then(|u| unit_starting_at(mentions[u].span.end)) {
        unit_after = Some(next);
    }
    let mut from = unit_after.map_or(at, |u| mentions[u].span.end);
    if unit_after.is_some() {
        from += link_after_unit(chars, from);
    }
    let end = (from + 1..=chars.len().min(from + 12))
        .find(|&e| post_ending_at(chars, mentions, e).is_some_and(|s| s <= from))?;
    let start = post_ending_at(chars, mentions, end)?;
    // 组织部|长: the title is the contracted one the unit's head begins.
    let start = if super::org::contracted_title_at(chars, from) {
        start
    } else {
        start.max(from)
    };
    let (unit, role_start) = match unit_after.or(unit_before_verb) {
        Some(u) => (Some(Unit::Mention(u)), start),
        None => match unit_before(chars, mentions, start, end) {
            Some((u, s)) => (Some(u), s),
            None => (None, start),
        },
    };
    Some((unit, string(chars, role_start, end), end))
}

/// 作者系富平县委常委、组织部长: the author describes their own posts.
fn self_description(chars: &[char], mentions: &[Local], found: &mut Vec<Found>) {
    let text: String = chars.iter().collect();
    for lead in ["作者系", "作者为", "作者是"] {
        let Some(byte) = text.find(lead) else {
            continue;
        };
        let mut at = text[..byte].chars().count() + lead.chars().count();
        let mut shared: Option<Unit> = None;
        while let Some((unit, role, end)) = post_after(chars, mentions, at, None) {
            let Some(unit) = shared.clone().or(unit) else {
                break;
            };
            shared = Some(unit.clone());
            found.push(Found {
                person: Holder::Author,
                role,
                unit,
                span: Span::new(at, end),
            });
            if !chars.get(end).is_some_and(|c| POST_LIST_MARKS.contains(c)) {
                break;
            }
            at = end + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AreaKind;

    fn local(chars: &[char], word: &str, kind: EntityKind) -> Local {
        let text: String = chars.iter().collect();
        let byte = text.find(word).unwrap();
        let start = text[..byte].chars().count();
        Local {
            span: Span::new(start, start + word.chars().count()),
            kind,
        }
    }

    fn roles(found: &[Found]) -> Vec<(&str, Unit)> {
        found
            .iter()
            .map(|f| (f.role.as_str(), f.unit.clone()))
            .collect()
    }

    #[test]
    fn unit_post_name() {
        let chars: Vec<char> = "北票市南山街道基层治理督导员李忠仁到居民家中"
            .chars()
            .collect();
        let m = vec![
            local(&chars, "北票市", EntityKind::Area(AreaKind::City)),
            local(&chars, "南山街道", EntityKind::Area(AreaKind::Subdistrict)),
            local(&chars, "李忠仁", EntityKind::Person),
        ];
        let found = find_appointments(&chars, &m, false);
        assert_eq!(roles(&found), [("基层治理督导员", Unit::Mention(1))]);
    }

    #[test]
    fn an_honour_named_as_a_program_between_post_and_name() {
        let chars: Vec<char> = "红星小区党支部书记、“最美小区志愿者”陈彦妮则在小区"
            .chars()
            .collect();
        let m = vec![
            local(&chars, "红星小区党支部", EntityKind::Organization),
            local(&chars, "最美小区志愿者", EntityKind::Initiative),
            local(&chars, "陈彦妮", EntityKind::Person),
        ];
        let found = find_appointments(&chars, &m, false);
        assert_eq!(roles(&found), [("书记", Unit::Mention(0))]);
    }

    #[test]
    fn a_place_opening_the_line_before_a_comma_holds_the_next_post() {
        let chars: Vec<char> = "水土街道大地村,“安村”书记毛晏飞向村民普法宣传"
            .chars()
            .collect();
        let m = vec![
            local(&chars, "水土街道", EntityKind::Area(AreaKind::Subdistrict)),
            local(&chars, "大地村", EntityKind::Area(AreaKind::Village)),
            local(&chars, "毛晏飞", EntityKind::Person),
        ];
        let found = find_appointments(&chars, &m, false);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].unit, Unit::Mention(1));
        // Not a place after a preposition (在红星村,党支部书记王强…).
        let chars: Vec<char> = "在红星村,党支部书记王强说".chars().collect();
        let m = vec![
            local(&chars, "红星村", EntityKind::Area(AreaKind::Village)),
            local(&chars, "王强", EntityKind::Person),
        ];
        assert!(find_appointments(&chars, &m, false).is_empty());
    }

    #[test]
    fn name_then_its_posts_in_later_clauses() {
        let chars: Vec<char> =
            "老王名叫王明山,瑶族,全国人大代表,青山县石水村党支部书记、村委会主任;"
                .chars()
                .collect();
        let m = vec![
            local(&chars, "王明山", EntityKind::Person),
            local(&chars, "全国人大", EntityKind::Organization),
            local(&chars, "青山县", EntityKind::Area(AreaKind::County)),
            local(&chars, "石水村", EntityKind::Area(AreaKind::Village)),
            local(&chars, "石水村党支部", EntityKind::Organization),
        ];
        let found = find_appointments(&chars, &m, false);
        assert_eq!(
            roles(&found),
            [
                ("人大代表", Unit::Mention(1)),
                ("书记", Unit::Mention(4)),
                ("村委会主任", Unit::Mention(3))
            ]
        );
    }

    #[test]
    fn a_later_clause_about_another_person_is_not_a_description() {
        let chars: Vec<char> = "杨盛川,王明是社水村党支部书记".chars().collect();
        let m = vec![
            local(&chars, "杨盛川", EntityKind::Person),
            local(&chars, "王明", EntityKind::Person),
            local(&chars, "社水村党支部", EntityKind::Organization),
        ];
        let found = find_appointments(&chars, &m, false);
        assert!(found.iter().all(|f| f.person != Holder::Mention(0)));
    }

    #[test]
    fn an_honour_between_post_and_name() {
        let chars: Vec<char> = "大唐小区党支部书记、“最美志愿者”陈彦妮说".chars().collect();
        let m = vec![
            local(&chars, "大唐小区党支部", EntityKind::Organization),
            local(&chars, "陈彦妮", EntityKind::Person),
        ];
        assert_eq!(
            roles(&find_appointments(&chars, &m, false)),
            [("书记", Unit::Mention(0))]
        );
    }

    #[test]
    fn a_title_that_begins_inside_its_unit() {
        let chars: Vec<char> = "全国人大代表杨盛川说".chars().collect();
        let m = vec![
            local(&chars, "全国人大", EntityKind::Organization),
            local(&chars, "杨盛川", EntityKind::Person),
        ];
        assert_eq!(
            roles(&find_appointments(&chars, &m, false)),
            [("人大代表", Unit::Mention(0))]
        );
    }

    #[test]
    fn a_contracted_title_begun_inside_its_department() {
        for text in ["区委组织部长杨盛川说", "王刚是区委组织部长"] {
            let chars: Vec<char> = text.chars().collect();
            let m = vec![
                local(&chars, "区委组织部", EntityKind::Organization),
                local(
                    &chars,
                    if text.starts_with('王') {
                        "王刚"
                    } else {
                        "杨盛川"
                    },
                    EntityKind::Person,
                ),
            ];
            assert_eq!(
                roles(&find_appointments(&chars, &m, false)),
                [("组织部长", Unit::Mention(0))],
                "{text}"
            );
        }
    }

    #[test]
    fn posts_given_by_an_appointing_verb() {
        let chars: Vec<char> = "宣布聘任李明为青山村村委会主任、青山砂布厂厂长"
            .chars()
            .collect();
        let m = vec![
            local(&chars, "李明", EntityKind::Person),
            local(&chars, "青山村", EntityKind::Area(AreaKind::Village)),
            local(&chars, "青山砂布厂", EntityKind::Organization),
        ];
        assert_eq!(
            roles(&find_appointments(&chars, &m, false)),
            [("村委会主任", Unit::Mention(1)), ("厂长", Unit::Mention(2))]
        );
    }

    #[test]
    fn an_organ_of_a_level_without_its_area() {
        let chars: Vec<char> = "她和居委会副主任孙媛一起".chars().collect();
        let m = vec![local(&chars, "孙媛", EntityKind::Person)];
        assert_eq!(
            roles(&find_appointments(&chars, &m, false)),
            [("居委会副主任", Unit::Generic("社区".into()))]
        );
    }

    #[test]
    fn a_numbered_building_of_a_compound() {
        let chars: Vec<char> = "北头家属院1栋的楼栋长艾庆玮".chars().collect();
        let m = vec![
            local(
                &chars,
                "北头家属院",
                EntityKind::Area(AreaKind::ResidentialCompound),
            ),
            local(&chars, "艾庆玮", EntityKind::Person),
        ];
        assert_eq!(
            roles(&find_appointments(&chars, &m, false)),
            [("楼栋长", Unit::Mention(0))]
        );
    }

    #[test]
    fn post_across_de_and_generic_units() {
        let chars: Vec<char> = "派驻到松泉社区的第一书记王光宇".chars().collect();
        let m = vec![
            local(&chars, "松泉社区", EntityKind::Area(AreaKind::Community)),
            local(&chars, "王光宇", EntityKind::Person),
        ];
        assert_eq!(
            roles(&find_appointments(&chars, &m, false)),
            [("第一书记", Unit::Mention(0))]
        );
        let chars: Vec<char> = "村办事员邓斌说".chars().collect();
        let m = vec![local(&chars, "邓斌", EntityKind::Person)];
        assert_eq!(
            roles(&find_appointments(&chars, &m, false)),
            [("办事员", Unit::Generic("村".into()))]
        );
    }

    #[test]
    fn lists_share_the_most_specific_area_of_a_chain() {
        let chars: Vec<char> = "天水市秦州区卫健局党组书记、局长何平".chars().collect();
        let m = vec![
            local(&chars, "天水市", EntityKind::Area(AreaKind::City)),
            local(&chars, "秦州区", EntityKind::Area(AreaKind::District)),
            local(&chars, "天水市秦州区卫健局党组", EntityKind::Organization),
            local(&chars, "何平", EntityKind::Person),
        ];
        let found = find_appointments(&chars, &m, false);
        assert_eq!(
            roles(&found),
            [("书记", Unit::Mention(2)), ("局长", Unit::Mention(1))]
        );
    }

    #[test]
    fn lists_after_an_organ_of_a_level_share_the_level() {
        let chars: Vec<char> = "街道党工委书记、办事处主任李建国".chars().collect();
        let m = vec![
            local(&chars, "街道党工委", EntityKind::Organization),
            local(&chars, "李建国", EntityKind::Person),
        ];
        let found = find_appointments(&chars, &m, false);
        assert_eq!(
            roles(&found),
            [
                ("书记", Unit::Mention(0)),
                ("办事处主任", Unit::Generic("街道".to_owned()))
            ]
        );
    }

    #[test]
    fn contracted_titles_of_an_organs_departments() {
        let chars: Vec<char> = "东关街道党工委委员、武装部长王刚".chars().collect();
        let m = vec![
            local(&chars, "东关街道", EntityKind::Area(AreaKind::Subdistrict)),
            local(&chars, "东关街道党工委", EntityKind::Organization),
            local(&chars, "王刚", EntityKind::Person),
        ];
        let found = find_appointments(&chars, &m, false);
        assert_eq!(
            roles(&found),
            [("委员", Unit::Mention(1)), ("武装部长", Unit::Mention(0))]
        );
    }

    #[test]
    fn a_name_in_brackets_is_no_subject_of_the_verb_after_them() {
        let chars: Vec<char> = "(记者 张梦月)担任青山社区党委书记两个月后"
            .chars()
            .collect();
        let m = vec![
            local(&chars, "张梦月", EntityKind::Person),
            local(&chars, "青山社区党委", EntityKind::Organization),
        ];
        assert!(find_appointments(&chars, &m, false).is_empty());
    }

    #[test]
    fn posts_listed_after_a_verb() {
        let chars: Vec<char> = "王丽担任青山村党支部书记、村委会主任".chars().collect();
        let m = vec![
            local(&chars, "王丽", EntityKind::Person),
            local(&chars, "青山村", EntityKind::Area(AreaKind::Village)),
            local(&chars, "青山村党支部", EntityKind::Organization),
        ];
        let found = find_appointments(&chars, &m, false);
        assert_eq!(
            roles(&found),
            [("书记", Unit::Mention(2)), ("村委会主任", Unit::Mention(1))]
        );
    }

    #[test]
    fn a_post_before_a_copula_and_the_name() {
        for text in ["青山村党支部书记是王丽。", "青山村党支部书记由王丽兼任"]
        {
            let chars: Vec<char> = text.chars().collect();
            let m = vec![
                local(&chars, "青山村党支部", EntityKind::Organization),
                local(&chars, "王丽", EntityKind::Person),
            ];
            let found = find_appointments(&chars, &m, false);
            assert_eq!(roles(&found), [("书记", Unit::Mention(0))], "{text}");
        }
        let chars: Vec<char> = "青山村党支部书记是王丽的女儿".chars().collect();
        assert_eq!(inverted_post_end(&chars, Span::new(9, 11)), None);
    }

    #[test]
    fn a_relative_clause_with_a_short_verb_at_the_clause_start() {
        let chars: Vec<char> = "任青山社区党委书记的王丽说".chars().collect();
        let m = vec![
            local(&chars, "青山社区党委", EntityKind::Organization),
            local(&chars, "王丽", EntityKind::Person),
        ];
        let found = find_appointments(&chars, &m, false);
        assert_eq!(roles(&found), [("书记", Unit::Mention(0))]);
    }

    #[test]
    fn a_short_verb_after_a_name_and_its_form_of_address() {
        let chars: Vec<char> = "王刚同志任青山村党支部第一书记".chars().collect();
        let m = vec![
            local(&chars, "王刚", EntityKind::Person),
            local(&chars, "青山村党支部", EntityKind::Organization),
        ];
        let found = find_appointments(&chars, &m, false);
        assert_eq!(roles(&found), [("第一书记", Unit::Mention(1))]);
    }

    #[test]
    fn lists_share_the_area() {
        let chars: Vec<char> = "德昌社区党委书记、居民委员会主任孙微".chars().collect();
        let m = vec![
            local(&chars, "德昌社区", EntityKind::Area(AreaKind::Community)),
            local(&chars, "德昌社区党委", EntityKind::Organization),
            local(&chars, "孙微", EntityKind::Person),
        ];
        let found = find_appointments(&chars, &m, false);
        assert_eq!(
            roles(&found),
            [
                ("书记", Unit::Mention(1)),
                ("居民委员会主任", Unit::Mention(0))
            ]
        );
    }

    #[test]
    fn a_list_of_people_keeps_the_unit() {
        let chars: Vec<char> = "社区网格员孙立新、楼栋长刘礼贤参与".chars().collect();
        let m = vec![
            local(&chars, "孙立新", EntityKind::Person),
            local(&chars, "刘礼贤", EntityKind::Person),
        ];
        let found = find_appointments(&chars, &m, false);
        let generic = Unit::Generic("社区".into());
        assert_eq!(
            roles(&found),
            [("网格员", generic.clone()), ("楼栋长", generic)]
        );
    }

    #[test]
    fn a_deputy_listed_after_the_head_is_of_the_same_organ() {
        let organ = |text: &str, organ: &str, area: &str| {
            let chars: Vec<char> = text.chars().collect();
            let m = vec![
                local(&chars, area, EntityKind::Area(AreaKind::District)),
                local(&chars, organ, EntityKind::Organization),
                local(&chars, "吴海涛", EntityKind::Person),
                local(&chars, "林芳", EntityKind::Person),
            ];
            let found = find_appointments(&chars, &m, false);
            found
                .into_iter()
                .map(|f| (f.role, f.unit))
                .collect::<Vec<_>>()
        };
        let found = organ(
            "美兰区民政局局长吴海涛、副局长林芳参加",
            "美兰区民政局",
            "美兰区",
        );
        assert_eq!(found[1], ("副局长".into(), Unit::Mention(1)));
        let found = organ("美兰区委书记吴海涛、委员林芳参加", "美兰区委", "美兰区");
        assert_eq!(found[1], ("委员".into(), Unit::Mention(1)));
        // Another office is of the organ's area (党委书记…、网格员…).
        let found = organ("美兰区委书记吴海涛、网格员林芳参加", "美兰区委", "美兰区");
        assert_eq!(found[1], ("网格员".into(), Unit::Mention(0)));
    }

    #[test]
    fn people_listed_after_a_members_post_hold_it_too() {
        let chars: Vec<char> = "东关社区网格员王丽、张强、李红每天入户".chars().collect();
        let m = vec![
            local(&chars, "东关社区", EntityKind::Area(AreaKind::Community)),
            local(&chars, "王丽", EntityKind::Person),
            local(&chars, "张强", EntityKind::Person),
            local(&chars, "李红", EntityKind::Person),
        ];
        let found = find_appointments(&chars, &m, false);
        let holders: Vec<_> = found.iter().map(|f| (f.person, f.role.as_str())).collect();
        for p in 1..=3 {
            assert!(
                holders.contains(&(Holder::Mention(p), "网格员")),
                "{holders:?}"
            );
        }
        // A head's post is one person's.
        let chars: Vec<char> = "东关社区书记王丽、张强参加".chars().collect();
        let m = vec![
            local(&chars, "东关社区", EntityKind::Area(AreaKind::Community)),
            local(&chars, "王丽", EntityKind::Person),
            local(&chars, "张强", EntityKind::Person),
        ];
        let found = find_appointments(&chars, &m, false);
        assert!(
            found.iter().all(|f| f.person != Holder::Mention(2)),
            "{found:?}"
        );
    }

    #[test]
    fn a_numbered_building_stands_between_the_compound_and_its_post() {
        let chars: Vec<char> = "东关社区12号楼楼栋长王丽巡查".chars().collect();
        let m = vec![
            local(&chars, "东关社区", EntityKind::Area(AreaKind::Community)),
            local(&chars, "王丽", EntityKind::Person),
        ];
        assert_eq!(
            roles(&find_appointments(&chars, &m, false)),
            [("楼栋长", Unit::Mention(0))]
        );
    }

    #[test]
    fn a_title_with_no_unit_heads_the_organization_named_before() {
        let chars: Vec<char> = "东关社区组建红马甲志愿服务队,王丽担任队长"
            .chars()
            .collect();
        let m = vec![
            local(&chars, "东关社区", EntityKind::Area(AreaKind::Community)),
            local(&chars, "红马甲志愿服务队", EntityKind::Organization),
            local(&chars, "王丽", EntityKind::Person),
        ];
        assert_eq!(
            roles(&find_appointments(&chars, &m, false)),
            [("队长", Unit::Mention(1))]
        );
        // A title the organization's head does not head gives nothing.
        let chars: Vec<char> = "东关社区组建红马甲志愿服务队,王丽担任会长"
            .chars()
            .collect();
        assert!(find_appointments(&chars, &m, false).is_empty());
    }

    #[test]
    fn short_verbs_right_after_the_name() {
        let chars: Vec<char> = "2019年李明任青山村党支部书记".chars().collect();
        let m = vec![
            local(&chars, "李明", EntityKind::Person),
            local(&chars, "青山村党支部", EntityKind::Organization),
        ];
        assert_eq!(
            roles(&find_appointments(&chars, &m, false)),
            [("书记", Unit::Mention(1))]
        );
        let chars: Vec<char> = "李明说,青山村任务重".chars().collect();
        let m = vec![
            local(&chars, "李明", EntityKind::Person),
            local(&chars, "青山村", EntityKind::Area(AreaKind::Village)),
        ];
        assert!(find_appointments(&chars, &m, false).is_empty());
        let chars: Vec<char> = "王红被任命为青山社区党委书记".chars().collect();
        let m = vec![
            local(&chars, "王红", EntityKind::Person),
            local(&chars, "青山社区党委", EntityKind::Organization),
        ];
        assert_eq!(
            roles(&find_appointments(&chars, &m, false)),
            [("书记", Unit::Mention(1))]
        );
    }

    #[test]
    fn a_relative_clause_before_the_name() {
        let chars: Vec<char> = "在青山村担任第一书记的李明带领村民".chars().collect();
        let m = vec![
            local(&chars, "青山村", EntityKind::Area(AreaKind::Village)),
            local(&chars, "李明", EntityKind::Person),
        ];
        let found = find_appointments(&chars, &m, false);
        assert_eq!(roles(&found), [("第一书记", Unit::Mention(0))]);
        assert_eq!(found[0].person, Holder::Mention(1));
    }

    #[test]
    fn verbs_and_self_descriptions() {
        let chars: Vec<char> = "王泽勇在水井村担任第一书记".chars().collect();
        let m = vec![
            local(&chars, "王泽勇", EntityKind::Person),
            local(&chars, "水井村", EntityKind::Area(AreaKind::Village)),
        ];
        assert_eq!(
            roles(&find_appointments(&chars, &m, false)),
            [("第一书记", Unit::Mention(1))]
        );
        let chars: Vec<char> = "(作者系富平县委常委、组织部长)".chars().collect();
        let m = vec![local(&chars, "富平县委", EntityKind::Organization)];
        let found = find_appointments(&chars, &m, true);
        assert_eq!(
            roles(&found),
            [("常委", Unit::Mention(0)), ("组织部长", Unit::Mention(0))]
        );
    }
}
