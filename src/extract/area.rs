//! Administrative areas: a name stem followed by a level suffix (街道, 社区,
//! 县 …), chains of them (长春市绿园区青年路街道银融社区 gives four areas
//! and three containments), and the short forms the gazetteer knows.
//!
//! The stem's left edge comes from, in order: the longest official name in
//! the gazetteer that ends at the suffix, then jieba's word boundaries over
//! name-like words. Generic stems (城乡社区, 该社区) are not names.

use super::segment::{is_common_word, is_nominal_tag, Word};
use super::short_form_index;
use super::text::{has_at, is_quote_close, is_quote_open, str_in, string, word_ending_at};
use crate::lexicon::{divisions, lexicon, AreaSuffix};
use crate::model::{AreaKind, Span};
use crate::normalize::is_cjk;

/// An area found in one sentence (local `char` offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaHit {
    pub span: Span,
    pub label: String,
    pub alts: Vec<String>,
    pub kind: AreaKind,
}

/// Areas and the containments between neighbours of a chain
/// (`(child, parent)` indices into the areas).
pub fn find_areas(chars: &[char], words: &[Word]) -> (Vec<AreaHit>, Vec<(usize, usize)>) {
    let mut hits: Vec<AreaHit> = Vec::new();
    let mut floor = 0;
    let mut j = 0;
    while j < chars.len() {
        if !is_cjk(chars[j]) {
            floor = j + 1;
            j += 1;
            continue;
        }
        let chain_end = hits.last().map_or(usize::MAX, |h| h.span.end);
        if let Some(found) = suffix_hit(chars, words, (floor, chain_end), j)
            .or_else(|| short_form_pair(chars, floor, j))
        {
            let end = found.last().map_or(j + 1, |h| h.span.end);
            hits.extend(found);
            floor = end;
            j = end;
        } else {
            j += 1;
        }
    }
    hits.extend(short_form_lists(chars, &hits));
    hits.extend(sharing_a_suffix(chars, words, &hits));
    let alone = short_forms_alone(chars, words, &hits);
    hits.extend(alone);
    hits.sort_by_key(|h| h.span);
    let chain = chain_links(&hits);
    (hits, chain)
}

/// Areas an article names again where it writes no chain or cue (团结村
/// after …高坪街道团结村, whose name is a dictionary word): every
/// occurrence of the text of an area found elsewhere in the article
/// (`named`, as written), outside the areas `taken` already. Names of
/// three chars or more.
pub fn recurring(
    chars: &[char],
    named: &[(Vec<char>, AreaHit)],
    taken: &[AreaHit],
) -> Vec<AreaHit> {
    let mut found: Vec<AreaHit> = Vec::new();
    for (written, area) in named.iter().filter(|(w, _)| w.len() >= 3) {
        for at in (0..chars.len()).filter(|&at| chars[at..].starts_with(written)) {
            let span = Span::new(at, at + written.len());
            // 汇川区|委 is an organ, not the district again.
            let other_word = continues_as_other_word(chars, span.end);
            if !other_word && taken.iter().chain(&found).all(|t| !t.span.overlaps(&span)) {
                found.push(AreaHit {
                    span,
                    ..area.clone()
                });
            }
        }
    }
    found
}

/// Links each area to the one right before it when the earlier one is of a
/// higher level: 沈阳市|沈河区 → 沈河区 in 沈阳市.
fn chain_links(hits: &[AreaHit]) -> Vec<(usize, usize)> {
    (1..hits.len())
        .filter(|&i| {
            let (parent, child) = (&hits[i - 1], &hits[i]);
            parent.span.end == child.span.start
                && (parent.kind.rank() < child.kind.rank()
                    || known_within(&child.label, &parent.label))
        })
        .map(|i| (i, i - 1))
        .collect()
}

/// Tries every suffix starting at `j`; returns the area (and a short-form
/// parent right before it, if any).
fn suffix_hit(
    chars: &[char],
    words: &[Word],
    (floor, chain_end): (usize, usize),
    j: usize,
) -> Option<Vec<AreaHit>> {
    let lex = lexicon();
    if !chars
        .get(j)
        .is_some_and(|c| lex.area_suffix_starts.contains(c))
    {
        return None;
    }
    for suffix in &lex.area_suffixes {
        if !has_at(chars, j, &suffix.suffix) {
            continue;
        }
        let end = j + suffix.suffix.chars().count();
        if continues_as_other_word(chars, end) && !verb_starts_at(words, end) {
            continue;
        }
        if let Some(hit) = official_stem(chars, words, (floor, chain_end), j, end, suffix)
            .or_else(|| heuristic_stem(chars, words, (floor, chain_end), j, end, suffix))
            .and_then(|hit| name_zone(chars, (floor, chain_end), hit))
            .map(|hit| village_named_community(chars, hit))
        {
            let mut found: Vec<AreaHit> = short_form_before(chars, floor, &hit)
                .or_else(|| official_before(chars, floor, &hit))
                .into_iter()
                .collect();
            found.push(hit);
            return Some(found);
        }
    }
    None
}

/// Names of development zones the gazetteer lists bare, under the county
/// that holds them: alone they name no one zone.
const ZONES: &[&str] = &[
    "经济技术开发区",
    "高新技术产业开发区",
    "经济开发区",
    "高新区",
    "开发区",
    "工业园区",
];

/// A development zone is named by the city before it: its short form
/// makes one name (天水|经济技术开发区, 西安|高新区), a full name a chain
/// (天水市|经济技术开发区); written alone (在高新区) it is none.
fn name_zone(chars: &[char], (floor, chain_end): (usize, usize), hit: AreaHit) -> Option<AreaHit> {
    if !ZONES.contains(&hit.label.as_str()) {
        return Some(hit);
    }
    let start = hit.span.start;
    if floor == chain_end && floor == start {
        return Some(hit);
    }
    let city = (2..=3).rev().find_map(|len| {
        let k = start.checked_sub(len).filter(|&k| k >= floor)?;
        short_form(chars, k, start, true).filter(|c| c.kind.rank() <= AreaKind::County.rank())
    })?;
    let name = string(chars, city.span.start, hit.span.end);
    Some(self::hit(
        city.span.start,
        hit.span.end,
        name.clone(),
        name,
        hit.kind,
    ))
}

/// A community named after the village it grew from (莲花一村|社区): the
/// unit is the community, whose suffix is its own.
fn village_named_community(chars: &[char], hit: AreaHit) -> AreaHit {
    const COMMUNITY: &str = "社区";
    if hit.kind != AreaKind::Village || !has_at(chars, hit.span.end, COMMUNITY) {
        return hit;
    }
    let end = hit.span.end + COMMUNITY.chars().count();
    let name = string(chars, hit.span.start, end);
    let label = known_area(&name).map_or_else(|| name.clone(), |(l, _)| l);
    self::hit(hit.span.start, end, name, label, AreaKind::Community)
}

/// Chars after a suffix that make it part of another word.
const AFTER_SUFFIX_OTHER_WORD: &[char] = &[
    '委', '场', '民', '级', '域', '直', '辖', '属', '籍', '情', '貌', '况', '容', '划', '别', '间',
    '块', '位', '份', '街', '路', '巷', '庄', '城',
];

/// Words after a suffix that begin an organ's name instead of another
/// word: 小区|委员会, 街道|办事处, 望城区|民政局, 县|民宗局, 县|城市管理局.
const ORGAN_AFTER_SUFFIX: &[&str] = &[
    "办事处",
    "委员会",
    "民政",
    "民宗",
    "民族宗教",
    "城市管理",
    "城管",
    "城乡",
    "城投",
    "城建",
];

/// A suffix followed by these is part of another word: 区委 is an organ
/// (but 小区委员会 is the committee of the compound 小区),
/// 市场 a market, 村民 villagers, 县级 a level, 村街 a street.
fn continues_as_other_word(chars: &[char], end: usize) -> bool {
    chars
        .get(end)
        .is_some_and(|c| AFTER_SUFFIX_OTHER_WORD.contains(c))
        && !ORGAN_AFTER_SUFFIX.iter().any(|w| has_at(chars, end, w))
}

/// Does segmentation start a verb at `at` (红星村|位于, 该县|属于, 街道|
/// 辖|12个社区)? Then the char after a suffix begins that verb, not
/// another word with the suffix (区位, 县属, 辖区).
fn verb_starts_at(words: &[Word], at: usize) -> bool {
    words
        .iter()
        .find(|w| w.start == at)
        .is_some_and(|w| w.tag().starts_with('v'))
}

/// Characters a name does not end with: function words, measure words and
/// determiners (全区, 该村, 一批辖区, 隶属于社区, 新一轮社区), the post
/// verb 任 jieba glues to a name before it (郑河任|村委会主任), and 小 of a
/// common noun (特色小镇, 美丽小村).
const BAD_LAST: &[char] = &[
    '全', '该', '本', '各', '每', '这', '那', '此', '其', '个', '批', '些', '于', '到', '在', '和',
    '与', '及', '的', '向', '从', '由', '对', '把', '将', '被', '给', '让', '等', '之', '了', '着',
    '过', '入', '进', '出', '回', '内', '外', '属', '心', '型', '驻', '跨', '穿', '经', '往', '轮',
    '次', '届', '任', '小',
];

fn is_bad_stem(stem: &str) -> bool {
    is_generic(stem) || ends_badly(stem)
}

/// Suffixes of the level right above villages and communities.
const TOWNSHIP_SUFFIXES: &[&str] = &["街道", "镇", "乡", "苏木"];

fn ends_badly(stem: &str) -> bool {
    stem.chars().last().is_some_and(|c| BAD_LAST.contains(&c))
}

/// The longest official name ending at `end` whose level is the suffix's.
fn official_stem(
    chars: &[char],
    words: &[Word],
    (floor, chain_end): (usize, usize),
    j: usize,
    end: usize,
    suffix: &AreaSuffix,
) -> Option<AreaHit> {
    let lo = floor.max(j.saturating_sub(suffix.max_stem + 4));
    // Every candidate name is a tail of this one: one allocation, not one
    // per start tried.
    let longest = string(chars, lo, end);
    (lo..j)
        .zip(longest.char_indices())
        .find_map(|(k, (byte, _))| {
            let name = &longest[byte..];
            let (label, kind) = known_area(name)?;
            let stem = string(chars, k, j);
            let low = kind.rank() >= AreaKind::Subdistrict.rank();
            let found = hit(k, end, name.to_owned(), label, kind);
            let edge_ok = if low {
                let at_edge = k == floor
                    || starts_a_word(chars, words, k)
                    || short_form_before(chars, floor, &found).is_some()
                    || official_before(chars, floor, &found).is_some();
                // 安村, 三村: a one-char stem names a village only as the
                // next link of a chain (…镇|安村), not alone (“三村”书记).
                let chained = k == floor && continues_chain((floor, chain_end));
                // An official name whose stem is one noun (同心|镇) is a
                // name even where its last char ends other words (中心).
                let one_word = words.iter().find(|w| w.start == k && w.end == j);
                let one_noun = one_word.is_some_and(|w| is_nominal_tag(w.tag()));
                // A verb before a suffix acts on the area (多次联合|街道、社区).
                let one_verb = one_word
                    .is_some_and(|w| matches!(w.tag(), "v" | "vd" | "vn" | "d" | "p" | "c"));
                // A verb before an ordinary word that ends with the suffix
                // acts on it (发展|乡村产业), however the gazetteer spells
                // a place.
                let verb_on_word = words
                    .iter()
                    .find(|w| w.start == k && w.end < j)
                    .is_some_and(|w| matches!(w.tag(), "v" | "vd" | "vn"))
                    && in_common_word(chars, words, j, end);
                // An organ's head after the name (富强|街道|党工委, 战旗|镇|党委)
                // makes the official name the unit's, whatever its stem's
                // tag, unless the stem is a verb of the lexicons acting on
                // the organ (联合|街道党工委).
                let organ_after = organ_starts_at(chars, end)
                    && !words.iter().any(|w| {
                        w.start >= k && w.end <= j && super::is_lexicon_verb(chars, w.start, w.end)
                    });
                // So does a clause the name opens as the subject of a verb
                // (大成镇召开…, ,喀赞其街道开展…), unless its stem is a
                // verb itself (发展乡村振兴, 建设街道治理…).
                let subject = opens_clause(chars, k) && verb_starts_at(words, end) && !one_verb;
                // So does a post title after it (玄本村|第一书记), where the
                // name opens a clause or follows a verb of posts (担任|
                // 团结村|第一书记); a verb stem elsewhere acts on the
                // post's holders (同意村主任的意见).
                let post_after = lexicon().roles.starting_at(chars, end).is_some();
                let post_place =
                    post_after && (opens_clause(chars, k) || after_post_verb(chars, words, k));
                // …街道|新城社区, …镇|五星村: the next link of a chain right
                // below a township is the gazetteer's unit though its stem
                // is a generic word (not 广东省|宜居社区, an honour).
                let below_township =
                    chained && word_ending_at(chars, k, TOWNSHIP_SUFFIXES).is_some();
                (!is_bad_stem(&stem)
                    || (one_noun || organ_after || subject || post_after) && !is_generic(&stem)
                    || below_township && !ends_badly(&stem))
                    && (!one_verb || chained || organ_after || post_place)
                    && (!verb_on_word || organ_after)
                    && (stem.chars().count() > 1 || chained)
                    && !holds_a_level(&stem)
                    // 山村 and 乡村 are words; 团结村 is one too, but a
                    // village as the next link of a chain (…街道|团结村).
                    && (!is_common_word(&found_text(&found)) || chained)
                    && at_edge
            } else {
                let crossed = words
                    .iter()
                    .any(|w| w.start < k && k < w.end && !glued_before_name(chars, w, k));
                // A one-char stem (环|县, 蠡|县) names the unit at a
                // chain's start, or where jieba takes the name as one
                // place's word (在|环县/ns|车道乡), not inside another word;
                // a county's (代县/n, 曹县/nr) where it stands as a name
                // (在代县,), not before 长 (代县长 is an acting head).
                let one_place_word = words
                    .iter()
                    .any(|w| w.start == k && w.end == end && w.tag() == "ns");
                let county = stem.chars().count() == 1
                    && chars[j] == '县'
                    && chars.get(end) != Some(&'长')
                    && two_char_name_stands(chars, words, k);
                !crossed
                    && (stem.chars().count() > 1
                        || one_place_word
                        || county
                        || k == floor && !is_common_word(&found_text(&found)))
            };
            (kind == suffix.kind && edge_ok).then_some(found)
        })
}

/// Is `w` a preposition or post verb of [`GLUED_BEFORE_NAME`] jieba glued
/// to the first char of a name starting at `start` (由保|和街道, 从岚|县委)?
pub(super) fn glued_before_name(chars: &[char], w: &Word, start: usize) -> bool {
    w.start + 1 == start && GLUED_BEFORE_NAME.contains(&chars[w.start])
}

/// A two-char official county (岚县, 沛县) is a name where it opens the
/// text, or follows a non-CJK char or a function word after which a name
/// can start ([`BEFORE_NAME`], [`GLUED_BEFORE_NAME`]) that is a word of its
/// own or glued to the name (在|岚县, 从岚|县委); after other
/// chars, or one ending a longer word (已经|和县政府, 现在|和县), its first
/// char is another word (省委和|县委, 组成|县委 are no 和县 or 成县), and 新
/// is "new" (新县委书记). Only a county's name: other two-char names the
/// gazetteer holds are common words (a committee listed as 社区).
pub(super) fn two_char_name_stands(chars: &[char], words: &[Word], start: usize) -> bool {
    let g = divisions::divisions();
    let name = string(chars, start, start + 2);
    let before = start.checked_sub(1).map(|b| (b, chars[b]));
    chars[start] != '新'
        && g.by_name(&name)
            .iter()
            .any(|&id| g.get(id).level() == divisions::Level::County)
        && before.is_none_or(|(b, c)| {
            let before_name = BEFORE_NAME.contains(&c) || GLUED_BEFORE_NAME.contains(&c);
            !is_cjk(c) || before_name && words.iter().any(|w| w.start == b)
        })
}

/// Does a name starting at `floor` come right after the last area found,
/// as the next link of its chain (…镇|安村)?
fn continues_chain((floor, chain_end): (usize, usize)) -> bool {
    floor > 0 && floor == chain_end
}

fn found_text(hit: &AreaHit) -> String {
    hit.alts.first().unwrap_or(&hit.label).clone()
}

/// Does a clause start at `k`: the sentence's start or after a comma,
/// colon or semicolon?
fn opens_clause(chars: &[char], k: usize) -> bool {
    k == 0
        || matches!(
            chars[k - 1],
            ',' | '，' | ':' | '：' | ';' | '；' | ' ' | '\u{3000}'
        )
}

/// Words that put a person at a post's place (驻|玄本村, 到|大湾村).
const TO_A_POST: &[&str] = &["驻", "到", "在"];

/// Does a verb of posts (担任, 任, 系: the appointment grammar's), or a
/// word of [`TO_A_POST`], end at `k` as a word of its own?
fn after_post_verb(chars: &[char], words: &[Word], k: usize) -> bool {
    words.iter().any(|w| {
        let text = string(chars, w.start, w.end);
        w.end == k
            && (super::appointment::is_post_verb(&text) || TO_A_POST.contains(&text.as_str()))
    }) || k > 0 && chars[k - 1] == '驻'
}

/// A stem holding a county-or-higher suffix is a chain, not one name
/// (北票市南山|街道).
fn holds_a_level(stem: &str) -> bool {
    stem.chars().any(|c| ['省', '市', '县', '旗'].contains(&c))
}

/// Is `k` the first character of a name, not the middle of a longer one?
/// (茶山街道|朝二社区: 二社区 exists, but 朝二 is one word.)
fn starts_a_word(chars: &[char], words: &[Word], k: usize) -> bool {
    // A preposition jieba glued to the name's first char (由保|和街道: 由
    // 保和街道) is no part of a longer name.
    let crossed = words
        .iter()
        .any(|w| w.start < k && k < w.end && !glued_before_name(chars, w, k));
    let before = words.iter().find(|w| w.end == k);
    let glued_verb = k > 0 && GLUED_BEFORE_NAME.contains(&chars[k - 1]);
    !crossed && before.is_none_or(|w| !is_name_like(chars, w) || glued_verb)
}

/// The official label and kind of a name or short form the gazetteer knows.
pub fn known_area(name: &str) -> Option<(String, AreaKind)> {
    let g = divisions::divisions();
    let id = *g
        .by_name(name)
        .first()
        .or_else(|| g.by_alias(name).first())?;
    let label = g.get(id).name().to_owned();
    // A compound's suffix after one char (三|新村, 立|新村) is a village's
    // name of the shorter suffix (三新|村): compounds have longer names
    // (曹杨新村, 石灰桥新村).
    let kind = lexicon()
        .area_suffixes
        .iter()
        .filter(|s| label.ends_with(&s.suffix) && label.len() > s.suffix.len())
        .find(|s| {
            let stem = label.chars().count() - s.suffix.chars().count();
            s.kind != AreaKind::ResidentialCompound || stem > 1
        })?
        .kind;
    Some((label, kind))
}

/// Does the gazetteer place an area named `child` inside one named
/// `parent`?
fn known_within(child: &str, parent: &str) -> bool {
    let g = divisions::divisions();
    g.lookup(child)
        .into_iter()
        .any(|id| g.chain(id).iter().skip(1).any(|d| d.name() == parent))
}

fn hit(start: usize, end: usize, text: String, label: String, kind: AreaKind) -> AreaHit {
    let alts = if text != label {
        vec![text]
    } else {
        Vec::new()
    };
    AreaHit {
        span: Span::new(start, end),
        label,
        alts,
        kind,
    }
}

/// A known short form of a province, prefecture or county: 吉林, 朝阳, 平潭.
/// Ordinary words that are also short forms (朝阳, 鼓楼) count only where
/// the context vouches for them (`allow_common`): before a unit the
/// gazetteer places inside them, or in a list with other places.
fn short_form(chars: &[char], start: usize, end: usize, allow_common: bool) -> Option<AreaHit> {
    if end > chars.len() || start >= end {
        return None;
    }
    if end - start >= 2 && !short_form_index::may_begin(chars[start], chars[start + 1]) {
        return None;
    }
    // Tried at every place a name may start: short forms are a few chars.
    let mut buf = [0u8; 32];
    let name = str_in(chars, start, end, &mut buf)?;
    let (label, kind) = known_area(name)?;
    if !allow_common && is_common_word(name) {
        return None;
    }
    // 绿园 followed by 区 is the full name 绿园区, not a short form.
    let full_name_goes_on = label
        .strip_prefix(name)
        .is_some_and(|rest| !rest.is_empty() && has_at(chars, end, rest));
    (kind.rank() <= AreaKind::County.rank() && !full_name_goes_on)
        .then(|| hit(start, end, name.to_owned(), label, kind))
}

/// A province or prefecture short form right before a found area that the
/// gazetteer places it in: 朝阳|北票市, 内蒙古|巴彦淖尔市, 山东|莱西市.
fn short_form_before(chars: &[char], floor: usize, child: &AreaHit) -> Option<AreaHit> {
    (2..=3).rev().find_map(|len| {
        let k = child.span.start.checked_sub(len).filter(|&k| k >= floor)?;
        let parent = short_form(chars, k, child.span.start, true)?;
        (parent.kind.rank() < child.kind.rank() && known_within(&child.label, &parent.label))
            .then_some(parent)
    })
}

/// A full official name right before a found area that the gazetteer
/// places it in (环县|车道乡): one-char stems (环县) are names only so.
fn official_before(chars: &[char], floor: usize, child: &AreaHit) -> Option<AreaHit> {
    (2..=4).rev().find_map(|len| {
        let k = child.span.start.checked_sub(len).filter(|&k| k >= floor)?;
        let text = string(chars, k, child.span.start);
        let (label, kind) = known_area(&text)?;
        (kind.rank() < child.kind.rank() && known_within(&child.label, &label))
            .then(|| hit(k, child.span.start, text, label, kind))
    })
}

/// Prepositions and post verbs jieba may glue to the first char of a name
/// after them (由保|和街道, 据东|塬乡, 杨军涛|任大|阿镇, 驻玄|本村), or to the word
/// before them (韩超|勇任|石桥乡).
const GLUED_BEFORE_NAME: &[char] = &[
    '由', '在', '向', '从', '对', '与', '和', '把', '将', '被', '为', '到', '于', '据', '任', '系',
    '是', '驻',
];

/// Function words after which a name can start.
const BEFORE_NAME: &[char] = &[
    '在', '到', '于', '和', '与', '及', '的', '是', '对', '从', '向', '为', '赴',
];

/// Two short forms in a row, the second inside the first: 吉林长春, 四川成都.
fn short_form_pair(chars: &[char], floor: usize, j: usize) -> Option<Vec<AreaHit>> {
    // Only where a name can start: after a break or a function word.
    let at_edge = j == floor || BEFORE_NAME.contains(&chars[j - 1]);
    if !at_edge {
        return None;
    }
    for first in (2..=3).rev() {
        let Some(parent) = short_form(chars, j, j + first, false) else {
            continue;
        };
        for second in (2..=3).rev() {
            if let Some(child) = short_form(chars, j + first, j + first + second, true) {
                if parent.kind.rank() < child.kind.rank()
                    && known_within(&child.label, &parent.label)
                {
                    return Some(vec![parent, child]);
                }
            }
        }
    }
    None
}

/// A province or prefecture short form standing alone as a place word
/// (省城兰州的, 从南宁到北京, 他是天水人): jieba cuts it as a word of its own
/// and tags it a place name, and it is no ordinary word (朝阳, 白山 are).
fn short_forms_alone(chars: &[char], words: &[Word], taken: &[AreaHit]) -> Vec<AreaHit> {
    let standing = Standing::new(chars, words, taken.iter().map(|t| t.span).collect());
    words
        .iter()
        .filter(|w| w.end - w.start >= 2 && (w.tag() == "ns" || standing.placed(w)))
        .filter(|w| standing.alone(w))
        .filter_map(|w| short_form(chars, w.start, w.end, standing.placed(w)))
        .filter(|h| {
            h.alts
                .first()
                .is_some_and(|written| above_counties(written))
        })
        .collect()
}

/// Shortest stem of a county's name written again without its level.
const MIN_COUNTY_STEM: usize = 2;

/// Levels whose names an article shortens once it has written them in
/// full (罗湖区 → 罗湖, 铁岭县 → 铁岭, 北票市 → 北票).
fn shortened_after_naming(kind: AreaKind) -> bool {
    matches!(
        kind,
        AreaKind::City | AreaKind::District | AreaKind::County | AreaKind::Banner
    )
}

/// The stems of the counties and districts an article names in full
/// (罗湖区 → 罗湖), read once per article for [`county_short_forms`].
pub fn county_stems(named: &[AreaHit]) -> Vec<(Vec<char>, &AreaHit)> {
    named
        .iter()
        .filter(|a| shortened_after_naming(a.kind))
        .filter_map(|a| {
            let mut stem: Vec<char> = a.label.chars().collect();
            stem.pop();
            (stem.len() >= MIN_COUNTY_STEM).then_some((stem, a))
        })
        .collect()
}

/// A county or district the article names in full (`stems`, from
/// [`county_stems`]), written again without its level suffix (罗湖区…,
/// 今年以来,罗湖扎实开展…): alone such a short form is not decided (平湖
/// is in two provinces), but the article has said which one it means. It
/// must stand alone as a word (see [`Standing`]), be no common word,
/// unless jieba tags it a place, and no short form of a city or province,
/// which reads as that. `taken`: the spans of the areas found already.
pub fn county_short_forms(
    chars: &[char],
    words: &[Word],
    stems: &[(Vec<char>, &AreaHit)],
    taken: impl Fn() -> Vec<Span>,
) -> Vec<AreaHit> {
    let mut standing: Option<Standing> = None;
    let mut found: Vec<AreaHit> = Vec::new();
    for w in words.iter().filter(|w| w.end - w.start >= MIN_COUNTY_STEM) {
        let written = &chars[w.start..w.end];
        let Some((_, area)) = stems.iter().find(|(stem, _)| stem[..] == *written) else {
            continue;
        };
        let stem = string(chars, w.start, w.end);
        // 铁岭 after 铁岭县 is still as likely the city 铁岭市.
        let common = w.tag() != "ns" && is_common_word(&stem) || above_counties(&stem);
        let standing = standing.get_or_insert_with(|| Standing::new(chars, words, taken()));
        if !common && standing.alone(w) && found.iter().all(|f| f.span.start != w.start) {
            found.push(AreaHit {
                span: Span::new(w.start, w.end),
                label: area.label.clone(),
                alts: vec![stem],
                kind: area.kind,
            });
        }
    }
    found
}

/// Where a word may stand alone as a place's short form: not inside
/// quotes, where it is part of a program's name (“健康沈阳进社区”), nor
/// before a level suffix, where it is part of a longer name (平湖|街道),
/// nor before a noun it names a thing with (罗湖|口岸), nor as a given name
/// after a surname, nor over an area already found.
struct Standing<'a> {
    chars: &'a [char],
    words: &'a [Word],
    taken: Vec<Span>,
    quoted: Vec<Span>,
}

impl<'a> Standing<'a> {
    fn new(chars: &'a [char], words: &'a [Word], taken: Vec<Span>) -> Self {
        Standing {
            chars,
            words,
            taken,
            quoted: quoted_spans(chars),
        }
    }

    /// Is `w` after a word that leads to a place (来到|合肥)?
    fn placed(&self, w: &Word) -> bool {
        self.words.iter().any(|p| {
            p.end == w.start && TO_A_PLACE.contains(&string(self.chars, p.start, p.end).as_str())
        })
    }

    fn alone(&self, w: &Word) -> bool {
        let lex = lexicon();
        let span = Span::new(w.start, w.end);
        let before_suffix = self
            .chars
            .get(w.end)
            .is_some_and(|c| lex.area_suffix_starts.contains(c))
            && lex
                .area_suffixes
                .iter()
                .any(|s| has_at(self.chars, w.end, &s.suffix));
        !before_suffix
            && !names_a_thing(self.chars, self.words, w.end)
            && !given_name_after_surname(self.chars, self.words, w)
            && !self.quoted.iter().any(|q| q.contains(&span))
            && !self.taken.iter().any(|t| t.overlaps(&span))
    }
}

/// Is the word the given name of a person, after a surname jieba cut as a
/// word of its own (记者郭|晋城|说, 王|长春|等5人)? A surname that is also a
/// function word (于兰州, 向北京) leaves the place.
fn given_name_after_surname(chars: &[char], words: &[Word], w: &Word) -> bool {
    let Some(s) = w.start.checked_sub(1) else {
        return false;
    };
    words.iter().any(|p| p.start == s && p.end == w.start)
        && lexicon().surname_of(&chars[s].to_string()).is_some()
        && !BAD_LAST.contains(&chars[s])
}

/// Words after which a short form is a place whatever jieba tagged it
/// (来到|合肥/n, 在|遵义/v): it names no common thing there.
const TO_A_PLACE: &[&str] = &[
    "在", "到", "来到", "赴", "前往", "从", "走进", "回到", "抵达", "途经", "扎根",
];

/// Does a noun follow at `at`, so that a short form before it only
/// qualifies a thing (常州|邮政局, 山西|日报), unless it is 人 (天水人)?
fn names_a_thing(chars: &[char], words: &[Word], at: usize) -> bool {
    words
        .iter()
        .find(|w| w.start == at)
        .is_some_and(|w| is_nominal_tag(w.tag()) && !has_at(chars, at, "人"))
}

/// Does the short form name a division above the counties, and no
/// county but those inside it? Short forms of counties and districts
/// repeat across the country (平湖, 朝阳): alone, they are not decided;
/// but a county named after the city it lies in (长沙县 in 长沙市, 抚顺县
/// in 抚顺市) leaves the city the reading.
pub(super) fn above_counties(short: &str) -> bool {
    let g = divisions::divisions();
    let (high, low): (Vec<_>, Vec<_>) = g
        .lookup(short)
        .into_iter()
        .partition(|&id| g.get(id).level() <= divisions::Level::Prefecture);
    let high_names: Vec<&str> = high.iter().map(|&id| g.get(id).name()).collect();
    !high.is_empty()
        && low.iter().all(|&id| {
            g.chain(id)
                .iter()
                .skip(1)
                .any(|d| high_names.contains(&d.name()))
        })
}

/// The spans between quote marks.
fn quoted_spans(chars: &[char]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open = None;
    for (i, &c) in chars.iter().enumerate() {
        if is_quote_open(c) {
            open = Some(i);
        } else if let (true, Some(o)) = (is_quote_close(c), open) {
            spans.push(Span::new(o, i + 1));
            open = None;
        }
    }
    spans
}

/// Short forms listed with 、: 莆田、南平、宁德、平潭的…, 毗邻福建、安徽、江西.
/// Every middle item must be a known name; the first and last may carry
/// other words on their outer side.
fn short_form_lists(chars: &[char], taken: &[AreaHit]) -> Vec<AreaHit> {
    let mut found = Vec::new();
    let seps: Vec<usize> = (0..chars.len()).filter(|&i| chars[i] == '、').collect();
    let mut i = 0;
    while i < seps.len() {
        let mut run = vec![seps[i]];
        while i + 1 < seps.len()
            && (seps[i] + 1..seps[i + 1]).all(|k| is_cjk(chars[k]))
            && seps[i + 1] - seps[i] <= 4
        {
            i += 1;
            run.push(seps[i]);
        }
        i += 1;
        let mut items = Vec::new();
        let first_end = run[0];
        let first = (2..=3).rev().find_map(|n| {
            first_end
                .checked_sub(n)
                .and_then(|s| short_form(chars, s, first_end, true))
        });
        items.push(first);
        for w in run.windows(2) {
            items.push(short_form(chars, w[0] + 1, w[1], true));
        }
        let last_start = run[run.len() - 1] + 1;
        items.push(
            (2..=3)
                .rev()
                .find_map(|n| short_form(chars, last_start, last_start + n, true)),
        );
        let middle_ok = items[1..items.len() - 1].iter().all(Option::is_some);
        let known = items.iter().flatten().count();
        let plain = items
            .iter()
            .flatten()
            .filter(|h| !is_common_word(&found_text(h)))
            .count();
        if middle_ok && known >= 2 && plain >= 1 {
            found.extend(
                items
                    .into_iter()
                    .flatten()
                    .filter(|h| !taken.iter().any(|t| t.span.overlaps(&h.span))),
            );
        }
    }
    found
}

/// Most items of a list that share the last one's suffix, and the chars
/// of each.
const SHARED_ITEMS: usize = 6;
const SHARED_STEM: std::ops::RangeInclusive<usize> = 2..=4;

/// Places listed before one whose level's suffix they share (洛阳、京兆、
/// 黄连河村 → 洛阳村, 京兆村; 东城、西城区): each item between 、 is a
/// short name, whole jieba words with no verb, function word or level
/// word in it, of the last area's level; above a township, only names
/// the gazetteer knows with the suffix.
fn sharing_a_suffix(chars: &[char], words: &[Word], taken: &[AreaHit]) -> Vec<AreaHit> {
    let mut found = Vec::new();
    for last in taken {
        let Some(suffix) = lexicon().area_suffix_of(&found_text(last)) else {
            continue;
        };
        let mut end = last.span.start;
        for _ in 0..SHARED_ITEMS {
            if end == 0 || chars[end - 1] != '、' {
                break;
            }
            let sep = end - 1;
            let Some(item) = list_item(chars, words, sep) else {
                break;
            };
            let name = format!("{}{}", string(chars, item.start, item.end), suffix.suffix);
            let known = known_area(&name).filter(|(_, kind)| *kind == last.kind);
            let high = last.kind.rank() < AreaKind::Subdistrict.rank();
            if high && known.is_none() || taken.iter().any(|t| t.span.overlaps(&item)) {
                break;
            }
            let label = known.map_or_else(|| name.clone(), |(label, _)| label);
            found.push(AreaHit {
                span: item,
                label,
                alts: Vec::new(),
                kind: last.kind,
            });
            end = item.start;
        }
    }
    found
}

/// The list item ending at the 、 at `sep`: whole words of a short name,
/// the longest such.
fn list_item(chars: &[char], words: &[Word], sep: usize) -> Option<Span> {
    SHARED_STEM
        .rev()
        .filter_map(|n| sep.checked_sub(n))
        .map(|start| Span::new(start, sep))
        .find(|item| is_list_item(chars, words, *item))
}

fn is_list_item(chars: &[char], words: &[Word], item: Span) -> bool {
    let (start, end) = (item.start, item.end);
    let opens = start == 0
        || !is_cjk(chars[start - 1])
        || chars[start - 1] == '、'
        || starts_a_word(chars, words, start);
    let inside: Vec<&Word> = words
        .iter()
        .filter(|w| w.start >= start && w.end <= end)
        .collect();
    let whole = inside.first().is_some_and(|w| w.start == start)
        && inside.last().is_some_and(|w| w.end == end)
        && !words.iter().any(|w| w.start < start && start < w.end);
    let named = inside.iter().all(|w| {
        is_name_like(chars, w) && !matches!(w.tag(), "v" | "vn" | "p" | "c" | "r" | "m" | "q")
    });
    let level = (start..end).any(|k| lexicon().area_suffix_starts.contains(&chars[k]));
    opens && whole && named && !level && (start..end).all(|k| is_cjk(chars[k]))
}

/// The stem by jieba's word boundaries, for names the gazetteer lacks.
fn heuristic_stem(
    chars: &[char],
    words: &[Word],
    (floor, chain_end): (usize, usize),
    j: usize,
    end: usize,
    suffix: &AreaSuffix,
) -> Option<AreaHit> {
    // Units of county level and above are in the gazetteer; a name it
    // lacks (renamed: 瑷珲区 is officially 爱辉区) is trusted only right
    // after a known area of a higher level, as the next link of a chain.
    if suffix.kind.rank() < AreaKind::Subdistrict.rank() && !continues_chain((floor, chain_end)) {
        return None;
    }
    if in_common_word(chars, words, j, end) {
        return None;
    }
    let lo = floor.max(j.saturating_sub(suffix.max_stem));
    let mut k = j;
    // A word that runs across the suffix's start (沈河|区 inside 沈河区).
    if let Some(w) = words.iter().find(|w| w.start < j && j < w.end) {
        k = w.start;
    }
    let first = k;
    for w in words.iter().rev().filter(|w| w.end <= first) {
        // Roads are named with verbs and adjectives too (新建|南路, 解放|路),
        // and a place may be named after its road (上羊市|街|社区).
        let names_road = is_road_word(chars, words, w.end);
        let road_before_suffix = w.end == j && w.start > lo && is_road_word(chars, words, w.start);
        if w.end != k
            || w.start < lo
            || !(is_name_like(chars, w)
                || names_road
                || road_before_suffix
                || brand_modifier(chars, words, suffix, w, j))
        {
            break;
        }
        k = w.start;
    }
    // Right after a known area, as the next link of a chain, the whole
    // short run up to the suffix is the name, whatever its words' tags
    // (藤县|同心|镇: 同心 is an adjective).
    let in_chain = continues_chain((floor, chain_end)) && floor < k;
    if in_chain && j - floor <= CHAIN_STEM && chars[floor..j].iter().all(|&c| is_cjk(c)) {
        k = floor;
    }
    // A name does not start with a number word or measure word (一批, 第一个),
    // nor with a word for a person or a post (他代表|红星社区发言), nor with
    // the preposition or conjunction that joins it to the area before
    // (清泉社区|与|万莲社区), nor with 原 alone (原|青山村: the former
    // village, merged or renamed, by its name).
    while let Some(w) = words.iter().find(|w| w.start == k && w.end < j) {
        let text = string(chars, w.start, w.end);
        let person_word = is_person_word(chars, w);
        let joins = matches!(w.tag(), "p" | "c");
        let former = text == "原";
        if w.tag() == "q"
            || w.tag() == "m" && is_numeral_word(&text)
            || person_word
            || joins
            || former
        {
            k = w.end;
        } else {
            break;
        }
    }
    // A word for a person or a post after other words of the run ends a
    // name's run (周海平|代表|街道: a person and their role, then the
    // level word); first, it may name the place (工人|村).
    if let Some(w) = words
        .iter()
        .rev()
        .find(|w| w.start > k && w.end <= j && is_person_word(chars, w))
    {
        k = w.end;
    }
    let high = suffix.kind.rank() < AreaKind::Subdistrict.rank();
    if k < lo || high && k != floor {
        return None;
    }
    let stem = string(chars, k, j);
    let name = string(chars, k, end);
    // One ordinary word is no name; a proper noun (长盛|小区, 石门|村) is, but not
    // before the suffix of a township the gazetteer would know (汇报|街道).
    let township = suffix.kind.rank() <= AreaKind::Township.rank();
    // Before an organ's head (光明|村|党支部), one ordinary word below a
    // township is the place's name: the organ is a named place's.
    let named_by_organ = !township && organ_starts_at(chars, end);
    // Right after a county, a town's or township's stem of nouns is its
    // name, however common the word (通渭县|车道|乡): the chain vouches for
    // it; a verb acts on the level (万莲街道|加强|街道).
    let chained_township = matches!(suffix.kind, AreaKind::Town | AreaKind::Township)
        && continues_chain((floor, chain_end))
        && k == floor
        && words
            .iter()
            .filter(|w| w.start >= k && w.end <= j)
            .all(|w| is_nominal_tag(w.tag()));
    let one_common_word = words
        .iter()
        .any(|w| w.start == k && w.end == j && (!matches!(w.tag(), "nz" | "ns") || township))
        && is_common_word(&stem)
        && !named_by_organ
        && !chained_township;
    if stem.chars().count() < 2 || is_bad_stem(&stem) || is_common_word(&name) || one_common_word {
        return None;
    }
    Some(hit(
        k,
        end,
        name.clone(),
        canonical_form(&name, suffix),
        suffix.kind,
    ))
}

/// The nouns housing estates' brand names end with (家园, 花园, 华庭, 名都).
const ESTATE_NOUNS: &[&str] = &[
    "家园", "花园", "园", "苑", "庭", "府", "城", "湾", "居", "阁", "轩", "公馆", "广场", "小镇",
    "山庄", "公寓", "名都", "绿洲", "庄园", "别墅", "水岸", "国际", "新村", "里", "坊", "郡", "墅",
];

/// A word of a housing estate's brand name that is no noun (和谐|家园|小区,
/// 春天|花园|小区): an adjective or a time word before the noun the name
/// ends with; not a verb, which acts on the estate (发现|枫香雅郡|小区). A
/// stem of such words alone (老旧|小区) is no name.
fn brand_modifier(chars: &[char], words: &[Word], suffix: &AreaSuffix, w: &Word, j: usize) -> bool {
    let text = string(chars, w.start, w.end);
    let ends_with_noun = words.iter().find(|n| n.end == j).is_some_and(|n| {
        n.start > w.start
            && is_name_like(chars, n)
            && ESTATE_NOUNS
                .iter()
                .any(|e| string(chars, n.start, n.end).ends_with(e))
    });
    suffix.kind == AreaKind::ResidentialCompound
        && ends_with_noun
        && matches!(w.tag(), "a" | "an" | "b" | "t")
        && text.chars().all(is_cjk)
}

/// Is the word a word for a person or a post (代表, 书记), whole?
fn is_person_word(chars: &[char], w: &Word) -> bool {
    let text = string(chars, w.start, w.end);
    [&lexicon().person_cues, &lexicon().roles]
        .iter()
        .any(|l| l.starting_at(chars, w.start) == Some(text.as_str()))
}

/// What Shanghai calls its communities (…居民区), a name of its own.
const RESIDENTS_DISTRICT: &str = "居民区";

/// Longest stem taken whole after a known area (藤县|同心镇).
const CHAIN_STEM: usize = 3;

/// Is the word at `at` the head of a road's name (路, 南路, 大街, 大道)?
fn is_road_word(chars: &[char], words: &[Word], at: usize) -> bool {
    const ROADS: &[&str] = &[
        "路", "街", "大街", "大道", "巷", "东路", "西路", "南路", "北路", "中路", "东街", "西街",
        "南街", "北街",
    ];
    words
        .iter()
        .find(|w| w.start == at)
        .is_some_and(|w| ROADS.contains(&string(chars, w.start, w.end).as_str()))
}

/// Is the suffix at `j..end` part of an ordinary word, ending there
/// (山|村 in 山村, 老|乡, 小|镇, 城|区) or running on past it
/// (美丽|乡村)? Names the gazetteer lacks are not ordinary words. A word
/// running on into an organ's head (光明|村党支部) leaves the suffix its
/// own: the organ is the place's.
fn in_common_word(chars: &[char], words: &[Word], j: usize, end: usize) -> bool {
    let organ_end = lexicon()
        .org_heads
        .starting_at(chars, end)
        .map(|h| end + h.chars().count());
    words.iter().any(|w| {
        let runs_on = w.start == j && w.end > end && Some(w.end) != organ_end;
        // A word holding the suffix inside it (走村入户), known or not.
        let inside = w.start < j && w.end > end && Some(w.end) != organ_end;
        inside
            || (w.start < j && w.end == end || runs_on)
                && is_common_word(&string(chars, w.start, w.end))
    })
}

/// Does an organ's head start at `at` (党支部, 委会, 党委)?
fn organ_starts_at(chars: &[char], at: usize) -> bool {
    lexicon().org_heads.starting_at(chars, at).is_some()
}

/// Numerals and the words that count with them.
const NUMERAL_CHARS: &[char] = &[
    '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '零', '两', '第',
    '个', '批', '些', '几', '多', '余', '许', '首', '家', '诸', '众', '数',
];

fn is_numeral_word(word: &str) -> bool {
    word.chars()
        .all(|c| NUMERAL_CHARS.contains(&c) || c.is_ascii_digit())
}

/// A development phase in a compound's name (大唐世家|一期|小区), which
/// jieba may tag as an adverb.
fn is_phase(word: &str) -> bool {
    word.strip_suffix('期')
        .is_some_and(|n| !n.is_empty() && is_numeral_word(n))
}

/// 街道办事处 and 街办 name the same unit as 街道; 社区居委会 as 社区.
fn canonical_form(name: &str, suffix: &AreaSuffix) -> String {
    let stem = &name[..name.len() - suffix.suffix.len()];
    match suffix.suffix.as_str() {
        "街道办事处" | "街道办" | "街办" => format!("{stem}街道"),
        // A Shanghai community is a 居民区 (青山居民区居委会 → 青山居民区).
        "居委会" if stem.ends_with(RESIDENTS_DISTRICT) => stem.to_owned(),
        "社区居委会" | "社区居民委员会" | "居委会" => format!("{stem}社区"),
        "村委会" => format!("{stem}村"),
        _ => name.to_owned(),
    }
}

/// Words that can be part of a place name: nouns, names, numerals
/// (八社村, 朝二社区), unknown words; not verbs, adjectives, prepositions
/// or pronouns, nor verbs jieba tags as nouns (模式|选派/n|社区).
fn is_name_like(chars: &[char], w: &Word) -> bool {
    let text = string(chars, w.start, w.end);
    // Numerals and measure words occur in village names (八社村, 朝二社区).
    let tag_ok = is_nominal_tag(w.tag()) || matches!(w.tag(), "m" | "q") || is_phase(&text);
    tag_ok
        && !is_generic(&text)
        && text.chars().all(is_cjk)
        && !super::is_lexicon_verb(chars, w.start, w.end)
}

/// Is `stem` generic (城乡, 该, 全, 的示范) rather than a name: made of
/// generic words only?
pub fn is_generic(stem: &str) -> bool {
    let generic = &lexicon().generic_stems;
    // made[i]: stem[..i] (in bytes) is a run of generic words.
    let mut made = vec![false; stem.len() + 1];
    made[0] = true;
    for (i, _) in stem.char_indices() {
        if !made[i] {
            continue;
        }
        for (j, c) in stem[i..].char_indices() {
            let end = i + j + c.len_utf8();
            if generic.contains(&stem[i..end]) {
                made[end] = true;
            }
        }
    }
    made[stem.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::segment::tag;

    fn areas(s: &str) -> Vec<(String, AreaKind)> {
        let chars: Vec<char> = s.chars().collect();
        let (hits, _) = find_areas(&chars, &tag(s));
        hits.into_iter().map(|h| (h.label, h.kind)).collect()
    }

    fn labels(s: &str) -> Vec<String> {
        areas(s).into_iter().map(|(l, _)| l).collect()
    }

    /// The short forms of `full` (named elsewhere in the article) in `s`.
    fn named_short(full: &str, kind: AreaKind, s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let words = tag(s);
        let (taken, _) = find_areas(&chars, &words);
        let named = [hit(0, 0, full.to_owned(), full.to_owned(), kind)];
        let taken = || taken.iter().map(|t| t.span).collect();
        county_short_forms(&chars, &words, &county_stems(&named), taken)
            .into_iter()
            .map(|h| format!("{}={}", h.alts[0], h.label))
            .collect()
    }

    #[test]
    fn a_two_char_county_is_a_name_where_it_stands_as_one() {
        // jieba reads 代县 as a common noun and 曹县 as a person's name.
        assert_eq!(labels("在代县,干部群众齐心协力。"), ["代县"]);
        assert_eq!(labels("据曹县民政局介绍"), ["曹县"]);
        assert_eq!(labels("在和县,干部群众齐心协力。"), ["和县"]);
        // After a char ending a longer word, 和 is "and"; 代县长 is an
        // acting county head.
        assert!(labels("我们已经和县政府联网。").is_empty());
        assert!(labels("现在和县政府联网。").is_empty());
        assert!(labels("代县长李明出席会议。").is_empty());
    }

    #[test]
    fn a_county_named_in_full_is_named_again_by_its_stem() {
        let district = AreaKind::District;
        assert_eq!(
            named_short("罗湖区", district, "今年以来,罗湖扎实开展党史学习教育"),
            ["罗湖=罗湖区"]
        );
        assert_eq!(
            named_short("海淀区", district, "海淀的学生很多"),
            ["海淀=海淀区"]
        );
        // Before a noun or a level suffix the stem names something else;
        // a city's short form reads as the city.
        assert!(named_short("罗湖区", district, "他从罗湖口岸入境").is_empty());
        assert!(named_short("罗湖区", district, "罗湖街道开展活动").is_empty());
        assert!(named_short("铁岭县", AreaKind::County, "铁岭的冬天很冷").is_empty());
    }

    #[test]
    fn chain_of_four_gives_three_containments() {
        let text = "长春市绿园区青年路街道银融社区网格长";
        let chars: Vec<char> = text.chars().collect();
        let (hits, chain) = find_areas(&chars, &tag(text));
        let got: Vec<&str> = hits.iter().map(|h| h.label.as_str()).collect();
        assert_eq!(got, ["长春市", "绿园区", "青年路街道", "银融社区"]);
        assert_eq!(chain, [(1, 0), (2, 1), (3, 2)]);
    }

    #[test]
    fn an_official_stem_that_is_one_noun_is_a_name() {
        assert_eq!(labels("拍摄了同心镇凤阁村党组织"), ["同心镇", "凤阁村"]);
        assert_eq!(labels("分别在环县车道镇的5个村"), ["环县", "车道镇"]);
        assert!(labels("建设新型社区").is_empty());
    }

    #[test]
    fn a_county_of_one_char_stem_and_a_township_of_a_common_noun_after_it() {
        assert_eq!(labels("他在环县工作"), ["环县"]);
        assert_eq!(labels("分别在环县车道乡的5个村"), ["环县", "车道乡"]);
        assert_eq!(
            labels("来到通渭县车道乡苦水掌村"),
            ["通渭县", "车道乡", "苦水掌村"]
        );
        // A verb acts on the level; a city-level suffix is not vouched for.
        assert_eq!(labels("万莲街道加强街道建设"), ["万莲街道"]);
        assert!(labels("该县城乡居民收入").is_empty());
    }

    #[test]
    fn places_listed_before_one_share_its_suffix() {
        assert_eq!(
            labels("比较洛阳、京兆、黄连河村党支部"),
            ["洛阳村", "京兆村", "黄连河村"]
        );
        assert_eq!(labels("东城、西城区的干部"), ["东城区", "西城区"]);
        assert!(labels("学习、工作、生活小区").is_empty());
    }

    #[test]
    fn a_verb_after_the_suffix_does_not_take_its_char() {
        // 位 after a suffix is most often 区位 or 单位, but 位于 is a verb.
        assert_eq!(labels("皂郊镇红星村位于城郊"), ["皂郊镇", "红星村"]);
        assert_eq!(labels("秦州区王家村位于城郊"), ["秦州区", "王家村"]);
        assert_eq!(labels("秦州区东关街道辖12个社区"), ["秦州区", "东关街道"]);
        assert!(labels("发挥社区位置优势").iter().all(|l| l != "社区"));
    }

    #[test]
    fn a_development_zone_is_named_by_its_city() {
        assert_eq!(labels("天水经济技术开发区管委会"), ["天水经济技术开发区"]);
        assert_eq!(labels("西安高新区丈八街道"), ["西安高新区", "丈八街道"]);
        assert!(labels("在经济技术开发区开展活动").is_empty());
    }

    #[test]
    fn a_suffix_inside_an_ordinary_word_names_no_place() {
        assert!(labels("推动发展乡村产业").is_empty());
        assert!(labels("驻村干部走村入户").is_empty());
    }

    #[test]
    fn a_community_named_after_a_village_or_a_road() {
        assert_eq!(
            labels("华富街道莲花一村社区开展活动"),
            ["华富街道", "莲花一村社区"]
        );
        assert_eq!(
            labels("紫阳街道上羊市街社区开展活动"),
            ["紫阳街道", "上羊市街社区"]
        );
    }

    #[test]
    fn an_official_name_before_an_organ_is_a_place_whatever_its_tag() {
        assert_eq!(labels("富强街道党工委书记王刚出席"), ["富强街道"]);
        assert!(labels("市民政局联合街道党工委开展活动").is_empty());
    }

    #[test]
    fn a_short_form_after_a_surname_is_a_given_name() {
        assert!(labels("记者郭晋城说").is_empty());
        assert!(labels("王长春等5人获得表彰").is_empty());
        assert_eq!(labels("会议于兰州召开"), ["兰州市"]);
    }

    #[test]
    fn an_official_name_before_a_post_title_is_a_place() {
        assert_eq!(labels("驻玄本村第一书记郭荣介绍"), ["玄本村"]);
        assert_eq!(labels("李明担任自立社区第一书记以来"), ["自立社区"]);
        assert!(labels("他同意村主任的意见").is_empty());
    }

    #[test]
    fn an_official_name_opening_a_clause_before_a_verb_is_a_place() {
        assert_eq!(labels("喀赞其街道开展“红色小院”活动"), ["喀赞其街道"]);
        assert_eq!(labels("近日,怡心街道召开会议"), ["怡心街道"]);
        assert!(labels("会议要求,发展乡村振兴").is_empty());
        assert!(labels("建设街道治理取得成效").is_empty());
    }

    #[test]
    fn an_estate_is_named_with_adjectives_and_times_before_its_noun() {
        assert_eq!(labels("居住在和谐家园小区的居民"), ["和谐家园小区"]);
        assert_eq!(labels("春天花园小区党支部书记王刚说"), ["春天花园小区"]);
        assert!(labels("改造老旧小区").is_empty());
        assert!(labels("街道积极无物业小区工作").is_empty());
        assert_eq!(labels("发现枫香雅郡小区有人"), ["枫香雅郡小区"]);
    }

    #[test]
    fn a_preposition_glued_to_a_name_is_no_part_of_it() {
        assert_eq!(labels("活动由保和街道党工委牵头"), ["保和街道"]);
        assert_eq!(labels("据东塬乡党委书记郑明玉介绍"), ["东塬乡"]);
        assert_eq!(labels("杨军涛任大阿镇党委书记以来"), ["大阿镇"]);
        assert_eq!(labels("韩超勇任石桥乡党委书记以来"), ["石桥乡"]);
    }

    #[test]
    fn a_person_and_their_role_are_no_part_of_a_name() {
        assert!(labels("党工委书记周海平代表街道作表态发言").is_empty());
        assert_eq!(labels("东风街道工人村"), ["东风街道", "工人村"]);
    }

    #[test]
    fn former_is_no_part_of_a_name() {
        assert_eq!(labels("原青山村党支部书记王强说"), ["青山村"]);
        assert_eq!(labels("原东关社区党委书记王强说"), ["东关社区"]);
    }

    #[test]
    fn kinds_follow_suffixes() {
        assert_eq!(
            areas("派驻到松泉社区的第一书记"),
            [("松泉社区".to_owned(), AreaKind::Community)]
        );
        assert_eq!(
            areas("枫香雅郡小区召开业主大会")[0].1,
            AreaKind::ResidentialCompound
        );
        assert_eq!(areas("乌拉特前旗")[0].1, AreaKind::Banner);
        assert_eq!(labels("青山居民区居委会主任王丽说"), ["青山居民区"]);
        // A prefecture is of a city's level; 地区 alone is a word.
        assert_eq!(
            areas("喀什地区疏附县")[0],
            ("喀什地区".to_owned(), AreaKind::City)
        );
        assert!(areas("该地区和边远地区").is_empty());
    }

    #[test]
    fn province_and_prefecture_short_forms_alone() {
        assert_eq!(labels("来自省城兰州的年轻人"), ["兰州市"]);
        assert_eq!(labels("从南宁到北京"), ["南宁市", "北京市"]);
        // jieba tags 合肥 a noun, 遵义 a verb: after a word of going or
        // being somewhere, they are the cities.
        assert_eq!(labels("记者多次来到合肥调研"), ["合肥市"]);
        assert_eq!(labels("在遵义召开会议"), ["遵义市"]);
        assert!(labels("邀请来宾参观").is_empty());
        // 长沙县 lies in 长沙市; 西安区 (in 牡丹江) does not lie in 西安市.
        assert_eq!(labels("会议在长沙召开"), ["长沙市"]);
        assert!(labels("会议在西安召开").is_empty());
    }

    #[test]
    fn roads_named_with_verbs_and_compounds_with_phases() {
        assert!(labels("老军营街道新建南路第二社区党总支").contains(&"新建南路第二社区".to_owned()));
        assert!(labels("殿前街道大唐世家一期小区党支部").contains(&"大唐世家一期小区".to_owned()));
    }

    #[test]
    fn a_verb_tagged_as_a_noun_is_no_part_of_a_place_name() {
        assert!(labels("该模式选派社区干部到村任职").is_empty());
        assert!(labels("班子成员助力社区发展").is_empty());
    }

    #[test]
    fn a_word_joining_two_areas_is_no_part_of_the_second() {
        assert_eq!(labels("清泉社区与万莲社区携手"), ["清泉社区", "万莲社区"]);
        assert_eq!(labels("东山村和西山村合作"), ["东山村", "西山村"]);
    }

    #[test]
    fn the_next_link_of_a_chain_takes_the_run_before_its_suffix() {
        assert!(labels("在北湖区美丽镇工作").contains(&"美丽镇".to_owned()));
    }

    #[test]
    fn suffixes_inside_ordinary_words_are_not_areas() {
        assert!(labels("建设美丽乡村").is_empty());
        assert_eq!(labels("长盛小区现有党员138人"), ["长盛小区"]);
        assert!(labels("新一轮社区换届").is_empty());
        assert_eq!(labels("海淀区民政局发布通知"), ["海淀区"]);
        assert_eq!(labels("他代表红星社区发言"), ["红星社区"]);
        assert_eq!(labels("于都县城市管理局清理违章建筑"), ["于都县"]);
        assert_eq!(labels("王强被选为石门村党支部书记"), ["石门村"]);
        assert_eq!(labels("光明村党支部书记王强"), ["光明村"]);
        assert!(labels("全县贫困村党支部").is_empty());
        assert!(labels("全体村民参加").is_empty());
        // A village the gazetteer knows with a one-char stem, alone.
        assert!(labels("让群众“安村”").is_empty());
    }

    #[test]
    fn a_village_named_with_one_char_and_xin_is_no_compound() {
        assert_eq!(
            areas("三新村党支部开展活动"),
            [("三新村".to_owned(), AreaKind::Village)]
        );
        assert_eq!(
            areas("东湖新村小区开展活动"),
            [("东湖新村".to_owned(), AreaKind::ResidentialCompound)]
        );
    }

    #[test]
    fn a_generic_stem_right_below_a_township_is_the_gazetteers_unit() {
        let found = areas("东关街道新城社区党委书记李敏说");
        assert!(
            found.contains(&("新城社区".to_owned(), AreaKind::Community)),
            "{found:?}"
        );
        // Not below a province: 广东省宜居社区 is an honour.
        let found = areas("荣获广东省宜居社区称号");
        assert!(!found.iter().any(|(l, _)| l == "宜居社区"), "{found:?}");
    }

    #[test]
    fn generic_stems_are_not_names() {
        for s in [
            "城乡社区党组织",
            "该社区",
            "全区干部",
            "到社区工作",
            "深入小区",
            "各街道",
            "成为全省的示范社区",
            "如今成了五星社区",
            "向杨主任汇报街道近期的工作",
            "他联合街道、社区干部入户走访",
            "推进智慧社区建设",
            "打造特色风情小镇",
            "大家心系小区发展",
        ] {
            assert!(labels(s).is_empty(), "{s}: {:?}", labels(s));
        }
    }

    #[test]
    fn organs_and_markets_are_not_areas() {
        assert!(labels("区委组织部").is_empty());
        assert!(labels("市场监管").is_empty());
    }
}
