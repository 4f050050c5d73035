//! Organizations: a name (often an area) followed by an organ or institution
//! head (党工委, 组织部, 卫生服务中心, 大学, 合作社 …).
//!
//! A generic organ (区委组织部, 街道党工委) is completed with the area in
//! focus when the article makes it certain (one area of that level), and
//! dropped otherwise.

use super::area::known_area;
use super::area::{above_counties, glued_before_name, is_generic, two_char_name_stands, AreaHit};
use super::initiative::{self, MEANS};
use super::publisher;
use super::segment::{dictionary_tag, is_common_word, is_nominal_tag, Word};
use super::text::{has_at, is_quote_close, is_quote_open, string, word_ending_at};
use super::FocusAt;
use crate::lexicon::lexicon;

use super::area_forms::AreaForms;
use crate::model::{AreaKind, ArticleFacts, EntityKind, Span};
use crate::normalize::is_cjk;

/// An organization found in one sentence (local offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgHit {
    pub span: Span,
    pub label: String,
    pub alts: Vec<String>,
}

/// Heads of a department inside a bureau, a hospital or a school (基层
/// 政权建设处, 心内科, 预算股): too common as chars to be heads alone,
/// they name a department only between an organization and a post.
const DEPARTMENTS: &[char] = &['处', '科', '股'];

/// Shortest and longest name of a department's field.
const DEPARTMENT_FIELD: std::ops::RangeInclusive<usize> = 1..=8;

/// A department written right after organization `org` and followed by a
/// post (天水市民政局|基层政权建设处|处长, …医院|心内科|主任): named with
/// its organization; the organization stays mentioned.
fn department_after(chars: &[char], org: &OrgHit) -> Option<OrgHit> {
    let lex = lexicon();
    let from = org.span.end;
    let d = DEPARTMENT_FIELD
        .map(|n| from + n)
        .take_while(|&d| d < chars.len() && is_cjk(chars[d - 1]))
        .find(|&d| {
            DEPARTMENTS.contains(&chars[d]) && lex.roles.starting_at(chars, d + 1).is_some()
        })?;
    let field_is_name = (from..d).all(|i| {
        lex.roles.starting_at(chars, i).is_none() && lex.org_heads.starting_at(chars, i).is_none()
    });
    field_is_name.then(|| OrgHit {
        span: Span::new(org.span.start, d + 1),
        label: format!("{}{}", org.label, string(chars, from, d + 1)),
        alts: Vec::new(),
    })
}

/// Words of tenure written before an organ's post (原党委书记, 新任党支部
/// 书记).
const TENURES: &[&str] = &["原", "新任", "前任", "时任", "现任", "首任"];

/// Heads of an office inside an organ: the organ is named too.
const SUB_UNITS: &[&str] = &["办公室"];

/// Longest name stem kept before a head.
const MAX_STEM: usize = 16;

pub fn find_orgs(
    chars: &[char],
    words: &[Word],
    areas: &[AreaHit],
    focus: &FocusAt,
) -> Vec<OrgHit> {
    let mut hits: Vec<OrgHit> = standalone(chars);
    let mut j = 0;
    while j < chars.len() {
        let head = lexicon().org_heads.starting_at(chars, j);
        let Some(head) = head else {
            j += 1;
            continue;
        };
        let end = j + head.chars().count();
        if blocked_after(chars, words, j, end)
            || ends_an_area_suffix(chars, j, end)
            || names_a_program(chars, end)
            || hits.iter().any(|h| h.span.contains(&Span::new(j, end)))
        {
            j += 1;
            continue;
        }
        if let Some(hit) =
            org_ending_at(chars, words, areas, &hits, focus, j, end).map(merge_doubled_level)
        {
            // An organ extended by a longer one (贵州省委|国防工委) is
            // not mentioned on its own, unless the longer one is an
            // office inside it (统战部|办公室).
            if !SUB_UNITS.contains(&head) {
                hits.retain(|h| !(hit.span.contains(&h.span) && h.span.end == j));
            }
            hits.push(hit);
        }
        j = end;
    }
    let departments: Vec<OrgHit> = hits
        .iter()
        .filter_map(|h| department_after(chars, h))
        .collect();
    hits.extend(departments);
    let shared = sharing_the_organ(chars, areas, &hits);
    hits.extend(shared);
    // Publishers known by where they stand rather than by a head alone.
    let publishers = publisher::in_dateline(chars)
        .into_iter()
        .chain(publisher::in_credit(chars))
        .chain(publisher::in_citations(chars));
    for span in publishers {
        if !hits.iter().any(|h| h.span.overlaps(&span)) {
            let label = string(chars, span.start, span.end);
            hits.push(OrgHit {
                span,
                label,
                alts: Vec::new(),
            });
        }
    }
    hits.sort_by_key(|h| h.span);
    hits
}

/// The organs of places listed before the one an organ's name starts with,
/// sharing its suffix and head (洛阳、京兆、黄连河村党支部 → 洛阳村党支部,
/// 京兆村党支部): each listed place, written short with the last one's
/// level completed, has the same organ.
fn sharing_the_organ(chars: &[char], areas: &[AreaHit], orgs: &[OrgHit]) -> Vec<OrgHit> {
    let mut found = Vec::new();
    for org in orgs {
        let Some(first) = areas.iter().find(|a| a.span.start == org.span.start) else {
            continue;
        };
        let Some(organ) = org.label.strip_prefix(first.label.as_str()) else {
            continue;
        };
        let mut start = first.span.start;
        while start > 0 && chars[start - 1] == '、' {
            let listed = areas.iter().find(|a| {
                a.span.end == start - 1
                    && a.kind == first.kind
                    && a.label.chars().count() > a.span.len()
            });
            let Some(listed) = listed else { break };
            found.push(OrgHit {
                span: listed.span,
                label: format!("{}{organ}", listed.label),
                alts: Vec::new(),
            });
            start = listed.span.start;
        }
    }
    found
}

/// An organization an article writes in full and short (南宁市兴宁支社 and
/// 兴宁支社; 吉崩岗社区居委会 and 吉崩岗居委会) is one: the short form's
/// mentions take the full name as their label and keep theirs as an
/// alternative. Short means without the areas the full name starts with,
/// or with an area's level word left out; only where one full name fits.
pub fn merge_short_forms(facts: &mut ArticleFacts) {
    let forms = AreaForms::of(facts);
    let mut orgs: Vec<&str> = facts
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Organization)
        .map(|m| m.label.as_str())
        .collect();
    orgs.sort();
    orgs.dedup();
    let mut full_of: Vec<(String, String)> = Vec::new();
    for &short in &orgs {
        // The same head: both end with the same char (cheap, and most
        // pairs differ there).
        let last = short.chars().last();
        let mut fulls = orgs.iter().filter(|full| {
            full.len() > short.len()
                && full.chars().last() == last
                && shortens(full, short, facts, &forms)
        });
        if let (Some(full), None) = (fulls.next(), fulls.next()) {
            full_of.push((short.to_owned(), (*full).to_owned()));
        }
    }
    for m in facts.mentions.iter_mut() {
        if let Some((short, full)) = full_of.iter().find(|(s, _)| *s == m.label) {
            m.alt_labels.push(short.clone());
            m.label = full.clone();
        }
    }
}

/// Is `short` the organization `full` without its leading areas, or with
/// the level word of one of its areas left out?
fn shortens(full: &str, short: &str, facts: &ArticleFacts, forms: &AreaForms) -> bool {
    let mut rest = match full.strip_suffix(short) {
        Some(rest) if !rest.is_empty() => rest,
        _ => {
            return forms.stems.iter().any(|&(stem, area, _)| {
                full.split_once(facts.mentions[area].label.as_str())
                    .is_some_and(|(before, after)| {
                        short.len() == before.len() + stem.len() + after.len()
                            && short.starts_with(before)
                            && short[before.len()..].starts_with(stem)
                            && short.ends_with(after)
                    })
            })
        }
    };
    // The leading areas, one after the other.
    while !rest.is_empty() {
        match forms
            .full
            .iter()
            .filter(|(f, _)| rest.starts_with(f))
            .max_by_key(|(f, _)| f.len())
        {
            Some((form, _)) => rest = &rest[form.len()..],
            None => return false,
        }
    }
    true
}

/// 乌拉特前旗旗委 and 乌拉特前旗委 are the same organ: label the short form,
/// keep the written one.
fn merge_doubled_level(mut hit: OrgHit) -> OrgHit {
    for level in ["旗", "县", "区", "市", "省"] {
        let doubled = format!("{level}{level}委");
        if hit.label.contains(&doubled) {
            let merged = hit.label.replacen(&doubled, &format!("{level}委"), 1);
            hit.alts.push(std::mem::replace(&mut hit.label, merged));
        }
    }
    hit
}

/// National bodies named without an area (民政部, 中共中央办公厅).
fn standalone(chars: &[char]) -> Vec<OrgHit> {
    let mut hits: Vec<OrgHit> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match lexicon().standalone_orgs.starting_at(chars, i) {
            Some(name) if runs_into_area_suffix(chars, i + name.chars().count()) => i += 1,
            Some(name) => {
                let end = i + name.chars().count();
                hits.push(OrgHit {
                    span: Span::new(i, end),
                    label: name.to_owned(),
                    alts: Vec::new(),
                });
                i = end;
            }
            None => i += 1,
        }
    }
    hits
}

/// Does an area's suffix start inside a name ending at `end` and run on
/// past it (新华社|区: 新华社区 is a community, not the news agency)?
fn runs_into_area_suffix(chars: &[char], end: usize) -> bool {
    lexicon().area_suffixes.iter().any(|s| {
        let len = s.suffix.chars().count();
        (1..len).any(|k| end >= k && has_at(chars, end - k, &s.suffix))
    })
}

/// Does a one-char head at `j..end` end an area's suffix that starts
/// before it (街道|办: 吉崩岗街道办 is the street itself, not an office
/// of it)?
fn ends_an_area_suffix(chars: &[char], j: usize, end: usize) -> bool {
    end == j + 1
        && lexicon().area_suffixes.iter().any(|s| {
            let len = s.suffix.chars().count();
            len > 1 && end >= len && has_at(chars, end - len, &s.suffix)
        })
}

/// Is a head at the end of a quoted name that a program's head follows
/// (“百姓议事厅”活动), or that a word of means opens (以“百姓议事厅”为
/// 载体): the quote names a program, not an organ.
fn names_a_program(chars: &[char], end: usize) -> bool {
    if !chars.get(end).is_some_and(|&c| is_quote_close(c)) {
        return false;
    }
    let open = chars[..end].iter().rposition(|&c| is_quote_open(c));
    let opened_by_means = open.is_some_and(|open| word_ending_at(chars, open, MEANS).is_some());
    // 开设“银龄食堂”, 推出“幸福驿站”: the object of a verb that launches or
    // takes part in a program is one.
    let launched = open.is_some_and(|open| initiative::launched(chars, open).is_some());
    opened_by_means
        || launched
        || lexicon()
            .initiative_heads
            .starting_at(chars, end + 1)
            .is_some()
}

/// Function chars jieba glues to the head before them (区委|以 read as
/// 委以, "to entrust"): the head still ends there.
const GLUED_AFTER_HEAD: &[char] = &[
    '以', '在', '和', '与', '为', '对', '把', '将', '从', '向', '于',
];

fn blocked_after(chars: &[char], words: &[Word], j: usize, end: usize) -> bool {
    // Other heads then 长, 员 … are another word (部长, 党员).
    let contracted = end - j >= 2 && contracted_title_at(chars, end);
    // A one-char head before a level's suffix is a place's name (阳泉市|
    // 矿区: a district).
    let place = end == j + 1
        && chars
            .get(end)
            .is_some_and(|c| lexicon().area_suffix_starts.contains(c));
    let post = chars
        .get(end)
        .is_some_and(|c| ['长', '员', '门', '署', '织'].contains(c));
    // 党委书记 is one jieba word, yet 党委 is an organ: crossing into a
    // post title is fine, and so is crossing into one function char.
    let crossed = words.iter().any(|w| {
        w.start < end && end < w.end && {
            let rest = string(chars, end, w.end);
            let into_title = lexicon().roles.iter().any(|r| r.starts_with(&rest));
            let glued = w.end == end + 1 && GLUED_AFTER_HEAD.contains(&chars[end]);
            !(into_title || glued)
        }
    });
    let swallowed = words.iter().any(|w| {
        w.start < j && w.end == end && !is_domain_word(chars, w) && {
            let word = string(chars, w.start, w.end);
            is_common_word(&word) && !names_an_organ(&word)
        }
    });
    !contracted && (post || crossed) || swallowed || place
}

/// Does a contracted title begin inside a department's name ending at
/// `end` (区委组织部|长, 县公安局|长: 组织部长, 公安局长)? The name still
/// names the department, and the title is the whole word.
pub(super) fn contracted_title_at(chars: &[char], end: usize) -> bool {
    end > 0 && chars.get(end) == Some(&'长') && ['部', '局', '厅'].contains(&chars[end - 1])
}

/// A dictionary word that is itself an organ's name: tagged as one
/// (nt), or a noun of three chars or more ending with the head (地质局),
/// unlike the two-char words a head ends (格局, 布局) and idioms
/// (顾全大局).
fn names_an_organ(word: &str) -> bool {
    let tag = dictionary_tag(word);
    let tag = tag.as_deref();
    tag == Some("nt") || word.chars().count() >= 3 && matches!(tag, Some("n" | "nz" | "j"))
}

/// A word the lexicons gave the segmenter (村党支部, 居委会): a part of an
/// organization's name, not an ordinary word that swallows its head.
fn is_domain_word(chars: &[char], w: &Word) -> bool {
    let lex = lexicon();
    let len = w.end - w.start;
    [&lex.role_modifiers, &lex.org_heads].iter().any(|list| {
        list.starting_at(chars, w.start)
            .is_some_and(|m| m.chars().count() == len)
    })
}

fn org_ending_at(
    chars: &[char],
    words: &[Word],
    areas: &[AreaHit],
    previous: &[OrgHit],
    focus: &FocusAt,
    j: usize,
    end: usize,
) -> Option<OrgHit> {
    let head = string(chars, j, end);
    if let Some(p) = previous.iter().find(|o| o.span.end == j) {
        let mut alts: Vec<String> = p.alts.iter().map(|a| format!("{a}{head}")).collect();
        alts.push(string(chars, p.span.start, end));
        alts.retain(|a| *a != format!("{}{head}", p.label));
        return Some(OrgHit {
            span: Span::new(p.span.start, end),
            label: format!("{}{head}", p.label),
            alts,
        });
    }
    if let Some(committee) = committee_listed_before(chars, previous, j, &head) {
        return Some(OrgHit {
            span: Span::new(j, end),
            label: format!("{}{head}", committee.label),
            alts: vec![head],
        });
    }
    // A field of work after a bare level word (县|交通运输|局) names that
    // level's organ in focus: completed with the area, or no organization;
    // after an area, that area's organ (于都县|乡村振兴局).
    match field_start(chars, words, areas, j) {
        Some(FieldAfter::Level(level)) => {
            let written = string(chars, level, end);
            let label = focus
                .complete_org(&written, level)
                .or_else(|| complete_from_earlier(previous, &written));
            return label.map(|label| OrgHit {
                span: Span::new(level, end),
                label,
                alts: vec![written],
            });
        }
        Some(FieldAfter::Area(start)) => {
            return Some(OrgHit {
                span: Span::new(start, end),
                label: string(chars, start, end),
                alts: Vec::new(),
            });
        }
        None => {}
    }
    // A word of tenure between the unit and its organ is the post's, not
    // the name's (东关社区|原|党委书记 → 东关社区党委).
    // Not a char of a place's name (中原|区委, 太原|市委).
    let in_place = || {
        areas.iter().any(|a| a.span.start < j && j <= a.span.end)
            || official_area_before(chars, j).is_some()
            || (2..=3).any(|n| j >= n && above_counties(&string(chars, j - n, j)))
    };
    let tenure = word_ending_at(chars, j, TENURES)
        .filter(|_| !in_place())
        .map_or(0, |start| j - start);
    let (mut start, mut stem) = stem_of(chars, words, areas, previous, j - tenure);
    // A party's committee of an area (九三学社|南宁市|委员会).
    if let Some(party) = previous.iter().find(|o| o.span.end == start && start < j) {
        stem = format!("{}{stem}", party.label);
        start = party.span.start;
    }
    // A one-char "name" is a misread word (连|办公室), unless it is an area.
    // An official area ending on the head's first char is a name, even
    // where jieba reads its stem as a common word (天水/n|市委), if it
    // starts a word (not 西区 inside 广|西|区委).
    let cuts_a_word = words
        .iter()
        .any(|w| w.start < start && start < w.end && !glued_before_name(chars, w, start));
    let official = official_area_before(chars, j) == Some(start)
        && (j + 1 - start >= 3 || two_char_name_stands(chars, words, start));
    // A stem ending in a level word names a place, and the place is the
    // area recogniser's to find (配|强村|党组织: 强村 is none).
    let unfound_place = super::LEVEL_WORDS.iter().any(|(w, _)| stem.ends_with(w))
        && !has_area(areas, start, j)
        && !official;
    // A post verb ending the stem was glued to a name before it (方志|贤任|
    // 村委会主任): the organ is written bare.
    let glued_verb = stem
        .chars()
        .last()
        .is_some_and(|c| super::segment::GLUED_AFTER_NAME.contains(&c))
        && !has_area(areas, start, j)
        && !official;
    let named = !glued_verb
        && (has_area(areas, start, j)
            || official && !cuts_a_word
            || stem.chars().count() >= 4
            || stem.chars().count() > 1 && has_proper_word(chars, words, start, j));
    // A one-char head needs an area in the name, or a dictionary organ
    // noun ending with it that names a field of work (煤田|地质局, not
    // 新格局).
    let organ_word = words.iter().any(|w| {
        w.start + 2 <= j
            && w.end == end
            && w.start >= start
            && names_an_organ(&string(chars, w.start, w.end))
            && is_common_word(&string(chars, w.start, j))
    });
    // Or an organ named before it, whose office it is (国务院|扶贫|办).
    let office_of_organ = previous
        .iter()
        .any(|o| o.span.start >= start && start < o.span.end && o.span.end < j);
    // Or a proper name and a noun of its trade before it (宝塔/nr|砂布/n|厂,
    // 黄沙/ns|坪/ns|矿), not a person's name alone (由王建国|办).
    let trade_name = stem.chars().count() >= 3
        && has_proper_word(chars, words, start, j)
        && words
            .iter()
            .find(|w| w.end == j && w.start >= start)
            .is_some_and(|w| matches!(w.tag(), "n" | "ns" | "nz"));
    // An official area's name is a name whatever words it is made of
    // (上城|区委, 城中|区委).
    if !stem.is_empty()
        && (!is_generic(&stem) || official && !cuts_a_word)
        && named
        && !unfound_place
        && (head.chars().count() > 1
            || has_area(areas, start, j)
            || organ_word
            || trade_name
            || office_of_organ)
    {
        let label = format!("{stem}{head}");
        let written = string(chars, start, end);
        let alts = if written != label && tenure == 0 {
            vec![written]
        } else {
            Vec::new()
        };
        return Some(OrgHit {
            span: Span::new(start, end),
            label,
            alts,
        })
        .filter(|o| {
            !is_common_word(&o.label) || dictionary_tag(&o.label).as_deref() == Some("nt")
        });
    }
    // A bare level word before the head (村|党支部, 街道|党工委) is part
    // of the generic organ; else the head alone may be one (区委).
    let froms = match bare_level_before(chars, words, start, j) {
        Some(level) => vec![level, j],
        None if !many_before(chars, j) => vec![j],
        None => Vec::new(),
    };
    // An organ inside a longer word (团|县委) is another organ.
    let inside_word = |from: usize| words.iter().any(|w| w.start < from && from < w.end);
    froms
        .into_iter()
        .filter(|&f| !inside_word(f))
        .find_map(|from| {
            let written = string(chars, from, end);
            // 由党员、业委会、物业、居民…: a kind of body among others.
            let listed = chars.get(end) == Some(&'、') || from > 0 && chars[from - 1] == '、';
            if listed && super::is_owners_committee(&written) {
                return None;
            }
            let label = focus
                .complete_org(&written, from)
                .or_else(|| complete_from_earlier(previous, &written));
            label.map(|label| OrgHit {
                span: Span::new(from, end),
                label,
                alts: vec![written],
            })
        })
        .or_else(|| {
            let written = string(chars, start, end);
            listed_after_earlier(chars, previous, (start, end), &written).map(|label| OrgHit {
                span: Span::new(start, end),
                label,
                alts: vec![written],
            })
        })
}

/// Heads of a county's or city's own bodies, which a list of organs
/// names bare after one named with the area (公安局, 纪委监委, 信访办).
const GOVERNMENT_BODIES: &[&str] = &[
    "局",
    "纪委监委",
    "纪委",
    "监委",
    "办",
    "法院",
    "检察院",
    "发改委",
    "卫健委",
    "教委",
    "农委",
    "经信委",
    "住建委",
    "文旅委",
    "民委",
    "科委",
    "工信委",
];

/// An organ written with neither area nor level word, in a list (…牵头,
/// 组织纪委监委、公安局、农科局…), is the organ of the county or higher
/// area an organization earlier in the sentence is named after
/// (乌拉特前旗委组织部): listed organs of one government share it.
fn listed_after_earlier(
    chars: &[char],
    previous: &[OrgHit],
    (from, end): (usize, usize),
    written: &str,
) -> Option<String> {
    let listed = from > 0 && chars[from - 1] == '、' || chars.get(end) == Some(&'、');
    let bare = !super::LEVEL_WORDS
        .iter()
        .any(|(w, _)| written.starts_with(w));
    // Only a government's own bodies: a department (统战部) is its
    // committee's, a residents' committee or a party branch (居委会,
    // 党支部) a community's; an organ after a bare level word (街道|党组织)
    // is that level's.
    let not_government = !GOVERNMENT_BODIES.iter().any(|b| written.ends_with(b));
    let of_a_level = super::LEVEL_WORDS
        .iter()
        .any(|(w, _)| word_ending_at(chars, from, &[w]).is_some());
    let plain = written.chars().all(is_cjk);
    if !listed || !bare || not_government || of_a_level || !plain || written.chars().count() < 3 {
        return None;
    }
    previous.iter().rev().find_map(|o| {
        official_prefixes(&o.label)
            .find(|(_, kind)| kind.rank() <= AreaKind::County.rank())
            .map(|(area, _)| format!("{area}{written}"))
    })
}

/// The beginnings of an organization's name that are official area names
/// (乌拉特前旗 of 乌拉特前旗委组织部), shortest first, with their kinds.
fn official_prefixes(label: &str) -> impl Iterator<Item = (&str, AreaKind)> {
    label
        .char_indices()
        .map(move |(i, c)| &label[..i + c.len_utf8()])
        .filter_map(|p| {
            known_area(p)
                .filter(|(l, _)| l == p)
                .map(|(_, kind)| (p, kind))
        })
}

/// A generic organ of a level (区委, 县民政局) completed with the area an
/// organization earlier in the sentence is named after (秦州区委书记李明,
/// 区委常委…王刚: 秦州区, read inside 秦州区委, is no area mention yet
/// when the sentence's organs are read).
fn complete_from_earlier(previous: &[OrgHit], written: &str) -> Option<String> {
    let &(word, kind) = super::LEVEL_WORDS
        .iter()
        .find(|(w, _)| written.starts_with(w))?;
    previous.iter().rev().find_map(|o| {
        let (area, _) =
            official_prefixes(&o.label).find(|(p, k)| p.ends_with(word) && *k == kind)?;
        let stem = area.strip_suffix(word)?;
        Some(format!("{stem}{written}"))
    })
}

/// A committee's department written bare after a post on that committee,
/// in a list (兴宁区委常委、统战部部长): the department is the committee's.
fn committee_listed_before<'p>(
    chars: &[char],
    previous: &'p [OrgHit],
    j: usize,
    head: &str,
) -> Option<&'p OrgHit> {
    let is_department = head.ends_with('部') && !head.ends_with("支部");
    let comma = j
        .checked_sub(1)
        .filter(|&c| is_department && chars[c] == '、')?;
    previous.iter().rev().find(|o| {
        o.label.ends_with('委')
            && o.span.end < comma
            && lexicon()
                .roles
                .starting_at(chars, o.span.end)
                .is_some_and(|r| o.span.end + r.chars().count() == comma)
    })
}

/// Words before a bare level word that make it many areas (各社区党委,
/// 广大村党组织): no one area to complete it with.
const MANY: &[&str] = &["各", "全", "每", "个", "些", "有", "等", "广大", "基层"];

/// Where a bare level word before the head starts (村|党支部, 社区|党委:
/// the stem, or the word ending at the head), unless a word before it
/// makes it many areas. 党组织 names a kind of organ (把社区党组织打造成
/// 坚强战斗堡垒), not one.
fn bare_level_before(chars: &[char], words: &[Word], start: usize, j: usize) -> Option<usize> {
    if names_a_kind_of_organ(chars, j) {
        return None;
    }
    let is_level = |from: usize| {
        super::LEVEL_WORDS
            .iter()
            .any(|(w, _)| *w == string(chars, from, j))
    };
    let from = if is_level(start) {
        start
    } else {
        words
            .iter()
            .find(|w| w.end == j && is_level(w.start))?
            .start
    };
    (!many_before(chars, from)).then_some(from)
}

/// Does the head at `j` name a kind of organ rather than one (党组织)?
fn names_a_kind_of_organ(chars: &[char], j: usize) -> bool {
    has_at(chars, j, "党组织")
}

/// Longest field of work between a bare level word and a head.
const MAX_FIELD: usize = 10;

/// What a field of work before a head starts after.
enum FieldAfter {
    /// A bare level word, at this offset: 县|交通运输|局.
    Level(usize),
    /// An area ending at this offset, where the field holds generic words
    /// that end an ordinary stem: 于都县|乡村|振兴|局.
    Area(usize),
}

/// What starts a field of work that runs up to the head at `j`
/// (县|交通运输|局, 市|第一|人民|医院, 市|自然资源|和|规划局, 于都县|乡村振兴局):
/// a one-char level word standing as a word of its own, outside any area's
/// name and not made many (全县), or an area; then nouns, ordinals and 和.
fn field_start(chars: &[char], words: &[Word], areas: &[AreaHit], j: usize) -> Option<FieldAfter> {
    // 深圳市|先进|基层|党组织: a kind of organ (an honour's), not one.
    if names_a_kind_of_organ(chars, j) {
        return None;
    }
    let mut k = words
        .iter()
        .find(|w| w.start < j && j < w.end)
        .map_or(j, |w| w.start);
    // Fields lie between `k` and the head once `k < j` (the word the
    // head ends is one too: 规划|局 in 规划局).
    let first = k;
    // A generic word that is no level word (乡村, not 社区 or 城乡社区:
    // an area's suffix the area recogniser left alone).
    let generic = |text: &str| {
        is_generic(text)
            && !super::LEVEL_WORDS
                .iter()
                .any(|(l, _)| text == *l || l.chars().count() > 1 && text.ends_with(l))
    };
    let mut has_generic = first < j && generic(&string(chars, first, j));
    // The head right after an area (莲花一村社区|党群服务中心) has no field
    // between them: the area names the organ, whatever words it holds.
    if first == j && areas.iter().any(|a| a.span.end == j) {
        return None;
    }
    for w in words.iter().rev().filter(|w| w.end <= first) {
        if has_generic && k < j {
            if let Some(area) = areas.iter().find(|a| a.span.end == k) {
                return Some(FieldAfter::Area(area.span.start));
            }
        }
        if w.end != k || j - w.start > MAX_FIELD {
            return None;
        }
        let text = string(chars, w.start, w.end);
        let is_level = w.end == w.start + 1
            && super::LEVEL_WORDS.iter().any(|(l, _)| *l == text)
            && !areas
                .iter()
                .any(|a| a.span.contains(&Span::new(w.start, w.end)));
        if is_level {
            return (k < j && !many_before(chars, w.start)).then_some(FieldAfter::Level(w.start));
        }
        // Generic words whatever jieba tags them (文明/nr), adjectives
        // (新|时代|文明|实践|中心).
        let field = matches!(
            w.tag(),
            "n" | "vn" | "j" | "l" | "b" | "nz" | "an" | "ng" | "a"
        ) || w.tag() == "m" && text.starts_with('第')
            || text == "和" && k < j
            || lexicon().org_name_verbs.contains(&text)
            || text.chars().count() >= 2 && generic(&text);
        if !field || !text.chars().all(is_cjk) {
            return None;
        }
        has_generic |= generic(&text);
        k = w.start;
    }
    None
}

/// Does a word that makes a bare organ many (各|市委) end at `at`?
fn many_before(chars: &[char], at: usize) -> bool {
    let before = string(chars, at.saturating_sub(2), at);
    MANY.iter().any(|m| before.ends_with(m))
}

/// A stem with a proper name in it (a place, a person's or brand name, an
/// organization word, or a word jieba does not know).
fn has_proper_word(chars: &[char], words: &[Word], start: usize, end: usize) -> bool {
    words
        .iter()
        .filter(|w| w.start < end && w.end > start)
        .any(|w| {
            matches!(w.tag(), "ns" | "nr" | "nrt" | "nz" | "nt" | "j" | "x")
                || names_a_prefecture(chars, w)
                || !super::segment::jieba().has_word(&string(chars, w.start, w.end))
        })
}

fn has_area(areas: &[AreaHit], start: usize, end: usize) -> bool {
    areas
        .iter()
        .any(|a| a.span.start >= start && a.span.end <= end)
}

/// The name before a head at `j`: the official area name ending there
/// (大东区|委), an adjacent area (万莲街道|党工委), else name-like words,
/// a quoted name (石灰桥新村“业之家”|党委) kept without its quotes.
/// Returns where it starts and the stem text.
fn stem_of(
    chars: &[char],
    words: &[Word],
    areas: &[AreaHit],
    previous: &[OrgHit],
    j: usize,
) -> (usize, String) {
    if let Some(k) = official_area_before(chars, j) {
        return (k, string(chars, k, j));
    }
    if let Some(a) = areas.iter().find(|a| a.span.end == j) {
        return (a.span.start, string(chars, a.span.start, j));
    }
    let mut k = j;
    let mut quoted = String::new();
    if j > 0 && is_quote_close(chars[j - 1]) {
        if let Some(open) = chars[..j - 1].iter().rposition(|&c| is_quote_open(c)) {
            quoted = string(chars, open + 1, j - 1);
            k = open;
        }
    }
    if let Some(w) = words.iter().find(|w| w.start < k && k < w.end) {
        k = w.start;
        // A name jieba knows as an organization's (东北大学/nt) takes a
        // place before it (沈阳|农业大学, 常州|邮政局), but no other word
        // (清河街道|动员/n|东北大学).
        let before = words.iter().find(|b| b.end == k);
        let place_before = before.is_some_and(|b| {
            b.tag() == "ns"
                || names_a_prefecture(chars, b)
                || areas.iter().any(|a| a.span.end == b.end)
        });
        if w.tag() == "nt" && quoted.is_empty() && before.is_some() && !place_before {
            return (k, string(chars, k, j));
        }
    }
    let first = k;
    let mut taken: Vec<&Word> = Vec::new();
    for w in words.iter().rev().filter(|w| w.end <= first) {
        let in_org = previous
            .iter()
            .any(|o| o.span.overlaps(&Span::new(w.start, w.end)));
        // A person's name before a place, or after a post title, is not
        // part of a name (梁鸿对|兴宁|支社, 主委|陆庆惠|代表|支社); brand
        // names tagged as people are (玉辉|水稻|合作社).
        let person_before_place = w.is_person_tag()
            && taken.last().is_some_and(|t| {
                t.tag() == "ns" || lexicon().roles.ending_at(chars, w.start).is_some()
            });
        if w.end != k || j - w.start > MAX_STEM || in_org || person_before_place {
            break;
        }
        let area = areas
            .iter()
            .find(|a| a.span.contains(&Span::new(w.start, w.end)));
        // An acreage after a place is part of a name (十八洞村|千亩|精品猕猴桃示范基地).
        let acreage = w.tag() == "m"
            && chars[w.end - 1] == '亩'
            && areas.iter().any(|a| a.span.end == w.start);
        // Generic words are taken too, and kept only inside a name that
        // begins with a place or a proper word (十八洞村千亩精品猕猴桃|示范|
        // 基地), not at its start (打造|示范|基地).
        if !(names_a_prefecture(chars, w) || is_name_word(chars, w) || acreage) {
            // An area's suffix jieba cut off alone, whatever its tag
            // (潭头|村/zg|股份|经济|合作社, 东关|街道|退役军人|服务站):
            // that area begins the name.
            if let Some(a) = area.filter(|a| w.end == a.span.end && w.start > a.span.start) {
                k = a.span.start;
                taken.clear();
            }
            break;
        }
        if let Some(a) = area {
            // The whole chain of areas for an organ of a county or above
            // (厦门市|湖里|生态环境局); below, the name starts at its own
            // place (…托克扎克镇|阿亚格曼干村访惠聚工作队).
            k = a.span.start;
            if a.kind.rank() < AreaKind::Subdistrict.rank() {
                while let Some(up) = areas.iter().find(|up| up.span.end == k) {
                    k = up.span.start;
                }
            }
            taken.clear();
            break;
        }
        k = w.start;
        taken.push(w);
    }
    // A name does not begin with a verb or an adjective (邀请|科学健康指导
    // 驿站) nor with a generic word, unless it follows its organization's
    // (甘肃煤田地质局|综合|普查队).
    let after_org = previous.iter().any(|o| o.span.end == k);
    while let Some(w) = taken.pop() {
        let verb = matches!(w.tag(), "v" | "a" | "ad" | "vd" | "d");
        let generic = !after_org && !is_stem_word(chars, w);
        if w.start == k && (verb || generic) && !names_a_prefecture(chars, w) {
            k = w.end;
        } else {
            break;
        }
    }
    let before_quote = if quoted.is_empty() {
        j
    } else {
        j - quoted.chars().count() - 2
    };
    let stem = format!("{}{quoted}", string(chars, k, before_quote.max(k)));
    (k, stem)
}

/// Where an official area name that ends on the head's first character
/// starts: 大东区 in 大东区委, 富平县 in 富平县委.
fn official_area_before(chars: &[char], j: usize) -> Option<usize> {
    if !chars
        .get(j)
        .is_some_and(|c| ['省', '市', '区', '县', '旗', '州', '盟'].contains(c))
    {
        return None;
    }
    (j.saturating_sub(8)..j).find(|&k| {
        known_area(&string(chars, k, j + 1)).is_some_and(|(l, _)| l.chars().count() == j + 1 - k)
    })
}

/// Is the word the short form of a prefecture or province, whatever
/// jieba tagged it (遵义/v, 大同/d, 平凉/a, 营口/vn: 遵义医科大学)? Before
/// the rest of a name and its head, such a word is the place.
fn names_a_prefecture(chars: &[char], w: &Word) -> bool {
    w.end - w.start >= 2 && above_counties(&string(chars, w.start, w.end))
}

fn is_stem_word(chars: &[char], w: &Word) -> bool {
    names_a_prefecture(chars, w)
        || is_name_word(chars, w) && !is_generic(&string(chars, w.start, w.end))
}

/// A word that may stand in a name, generic or not (综合, 服务).
fn is_name_word(chars: &[char], w: &Word) -> bool {
    let text = string(chars, w.start, w.end);
    // An ordinal (第一|医疗|集团), not a count of things (第一个).
    let ordinal =
        w.tag() == "m" && text.starts_with('第') && !text.ends_with(['个', '批', '次', '名', '位']);
    let tag_ok = match w.tag() {
        "v" | "vn" | "t" => lexicon().org_name_verbs.contains(&text),
        // Fixed phrases name fields of work (生态环境|局).
        t => is_nominal_tag(t) || matches!(t, "an" | "a" | "b" | "q" | "l"),
    } || ordinal;
    // A post title ends the name before it (兴宁支社主委|陆庆惠…).
    let post = lexicon().roles.starting_at(chars, w.start) == Some(text.as_str());
    // Nor does a verb (王伟|被选为/n|…, 并|印发/nz|区委组织部).
    let verb = super::is_lexicon_verb(chars, w.start, w.end);
    // An honour's qualifier makes a title of honour (深圳市先进基层党组织).
    let honour = initiative::HONOUR_QUALIFIERS.contains(&text.as_str());
    tag_ok && text.chars().all(is_cjk) && !post && !verb && !honour
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::area::find_areas;
    use crate::extract::segment::tag;
    use crate::extract::Focus;

    fn orgs(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let words = tag(s);
        let (areas, _) = find_areas(&chars, &words);
        find_orgs(&chars, &words, &areas, &Focus::default().at(0))
            .into_iter()
            .map(|o| o.label)
            .collect()
    }

    #[test]
    fn area_plus_head() {
        assert_eq!(orgs("万莲街道党工委认真承担"), ["万莲街道党工委"]);
        assert!(orgs("结合大东区委组织部下发的").contains(&"大东区委组织部".to_owned()));
        // 天水 is a common word too.
        assert_eq!(orgs("天水市委书记王刚出席"), ["天水市委"]);
        assert!(!orgs("九三学社广西区委市委机关")
            .iter()
            .any(|o| o.starts_with('西')));
    }

    #[test]
    fn a_two_char_county_names_its_organs_after_a_preposition_or_alone() {
        // jieba reads 从岚|县委: the preposition is glued to the name.
        assert_eq!(orgs("记者从岚县委组织部获悉"), ["岚县委组织部"]);
        assert_eq!(orgs("徽县委组织部牵头开展活动"), ["徽县委组织部"]);
        // 和县 and 成县 are counties too, but not here.
        assert!(orgs("省委和县委高度重视").is_empty());
        assert!(orgs("他组成县委工作组").is_empty());
        assert!(orgs("新县委书记到任后走访群众").is_empty());
    }

    #[test]
    fn a_name_jieba_knows_takes_a_place_but_no_verb_before_it() {
        assert_eq!(orgs("清河街道动员东北大学志愿者参与"), ["东北大学"]);
        assert!(orgs("邀请沈阳农业大学专家").contains(&"沈阳农业大学".to_owned()));
    }

    #[test]
    fn a_national_body_running_into_an_area_suffix_is_the_area() {
        assert_eq!(orgs("新华社北京3月5日电"), ["新华社"]);
        assert!(orgs("新华社区开展活动").is_empty());
        assert_eq!(orgs("新华社区党委开展活动"), ["新华社区党委"]);
    }

    #[test]
    fn named_institutions() {
        assert_eq!(orgs("得到东北大学志愿者的辅导"), ["东北大学"]);
        assert_eq!(orgs("天水市慈善总会捐款"), ["天水市慈善总会"]);
        assert_eq!(orgs("秦州区信访办开展活动"), ["秦州区信访办"]);
        assert!(orgs("吉崩岗街道办开展活动").is_empty());
        assert_eq!(
            orgs("东关街道退役军人服务站开展活动"),
            ["东关街道退役军人服务站"]
        );
        assert_eq!(orgs("在玉辉水稻合作社调研"), ["玉辉水稻合作社"]);
        assert_eq!(orgs("红星区政务服务大厅开展活动"), ["红星区政务服务大厅"]);
        assert_eq!(orgs("慈松塘社区共享食堂开张了"), ["慈松塘社区共享食堂"]);
        assert!(orgs("他在学校食堂吃饭").is_empty());
        // Works of industry by a proper name and their trade; not a place
        // (阳泉市|矿区) nor a factory without a name (这个厂).
        assert_eq!(orgs("他是宝塔砂布厂厂长"), ["宝塔砂布厂"]);
        assert_eq!(orgs("他曾在黄沙坪矿工作"), ["黄沙坪矿"]);
        assert!(orgs("阳泉市矿区段南沟社区").is_empty());
        assert!(orgs("这个厂的工人,全厂职工").is_empty());
        // A unit of an organization named right after it, in generic words.
        assert!(
            orgs("离开甘肃煤田地质局综合普查队").contains(&"甘肃煤田地质局综合普查队".to_owned())
        );
        // Generic words and an acreage inside a name begun by a place, not
        // at a name's start nor in a title of honour.
        assert_eq!(
            orgs("建设十八洞村千亩精品猕猴桃示范基地"),
            ["十八洞村千亩精品猕猴桃示范基地"]
        );
        assert!(orgs("打造示范基地").is_empty());
        assert!(orgs("荣获深圳市先进基层党组织称号").is_empty());
        // Organs of places listed before the one the name starts with.
        assert_eq!(
            orgs("比较洛阳、京兆、黄连河村党支部"),
            ["洛阳村党支部", "京兆村党支部", "黄连河村党支部"]
        );
        // An office of an organ named before it.
        assert!(orgs("国务院扶贫办印发通知").contains(&"国务院扶贫办".to_owned()));
        assert_eq!(orgs("与沈阳市第一医疗集团共建"), ["沈阳市第一医疗集团"]);
    }

    #[test]
    fn bare_organs_listed_after_an_areas_organ_are_that_areas() {
        let found = orgs("由乌拉特前旗委组织部牵头,组织纪委监委、公安局、农科局审核");
        for o in ["乌拉特前旗纪委监委", "乌拉特前旗公安局", "乌拉特前旗农科局"]
        {
            assert!(found.contains(&o.to_owned()), "{found:?}");
        }
        assert!(orgs("组织纪委监委、公安局、农科局审核").is_empty());
        assert_eq!(
            orgs("北京市委组织部来到社区,与社区党委、居委会座谈"),
            ["北京市委组织部"]
        );
        assert!(!orgs("沈北新区区委组织机关和街道党组织、党员干部")
            .iter()
            .any(|o| o.ends_with("党组织")));
    }

    #[test]
    fn a_function_char_glued_to_the_head_ends_no_organ() {
        // jieba reads 委以 ("to entrust") across the head.
        assert_eq!(orgs("曾都区委以“邻里守望”为载体"), ["曾都区委"]);
    }

    #[test]
    fn a_quoted_program_ending_in_a_head_is_no_organ() {
        assert!(orgs("武清区开展“百姓议事厅”活动").is_empty());
        assert!(orgs("以“百姓议事厅”为载体").is_empty());
    }

    #[test]
    fn a_char_of_a_place_name_is_no_word_of_tenure() {
        assert_eq!(orgs("中原区委书记王刚出席"), ["中原区委"]);
        assert_eq!(orgs("太原市委书记王刚出席"), ["太原市委"]);
        assert_eq!(orgs("三原县委书记王刚出席"), ["三原县委"]);
        assert_eq!(orgs("太原供电公司开展活动"), ["太原供电公司"]);
    }

    #[test]
    fn an_official_name_of_generic_words_is_a_name() {
        assert_eq!(orgs("上城区委书记王刚出席"), ["上城区委"]);
        assert_eq!(orgs("城中区委书记王刚出席"), ["城中区委"]);
    }

    #[test]
    fn a_prefecture_short_form_tagged_as_a_verb_begins_a_name() {
        assert_eq!(orgs("遵义医科大学的学生"), ["遵义医科大学"]);
        assert_eq!(orgs("来自开封大学的志愿者"), ["开封大学"]);
        assert_eq!(orgs("平凉供电公司开展活动"), ["平凉供电公司"]);
    }

    #[test]
    fn modifiers_jieba_reads_as_verbs_or_times_stay_in_the_name() {
        assert_eq!(orgs("东关社区老年协会的会员"), ["东关社区老年协会"]);
        assert_eq!(orgs("秦州区实验幼儿园的师生"), ["秦州区实验幼儿园"]);
        assert_eq!(orgs("东关街道综合文化站组织"), ["东关街道综合文化站"]);
        assert_eq!(orgs("天水市消防救援支队来到社区"), ["天水市消防救援支队"]);
        // A place the area recogniser does not find names no organ.
        assert!(orgs("要配强村党组织书记").is_empty());
        // A time word that names no age group ends the stem.
        assert!(orgs("目前合作社已有社员")
            .iter()
            .all(|o| !o.starts_with("目前")));
    }

    #[test]
    fn an_organ_right_after_an_area_is_named_from_that_area() {
        assert_eq!(
            orgs("福田区华富街道莲花一村社区党群服务中心主任刘娜说"),
            ["莲花一村社区党群服务中心"]
        );
    }

    #[test]
    fn a_bare_organ_takes_the_area_an_earlier_organ_is_named_after() {
        assert_eq!(
            orgs("秦州区委书记李明,区委常委、组织部部长王刚出席"),
            ["秦州区委", "秦州区委", "秦州区委组织部"]
        );
    }

    #[test]
    fn a_department_between_its_organization_and_a_post() {
        assert_eq!(
            orgs("天水市民政局基层政权建设处处长李红介绍"),
            ["天水市民政局", "天水市民政局基层政权建设处"]
        );
        assert_eq!(
            orgs("兰州大学第一医院心内科主任王丽"),
            ["兰州大学", "兰州大学第一医院", "兰州大学第一医院心内科"]
        );
        // Not without a post after it.
        assert_eq!(orgs("天水市民政局各处室负责人"), ["天水市民政局"]);
    }

    #[test]
    fn a_bare_level_word_before_an_organ_takes_the_area_in_focus() {
        let found = |s: &str| {
            let chars: Vec<char> = s.chars().collect();
            let words = tag(s);
            let (areas, _) = find_areas(&chars, &words);
            let mut focus = Focus::default();
            focus.add(0, 0, crate::model::AreaKind::Community, "松泉社区");
            focus.add(0, 0, crate::model::AreaKind::City, "青山市");
            find_orgs(&chars, &words, &areas, &focus.at(1))
                .into_iter()
                .map(|o| o.label)
                .collect::<Vec<_>>()
        };
        assert_eq!(found("近年来,社区党委坚持党建引领"), ["松泉社区党委"]);
        assert!(found("全区各社区党委坚持党建引领").is_empty());
        assert!(found("把社区党组织打造成坚强战斗堡垒").is_empty());
        assert_eq!(found("经市委研究决定"), ["青山市委"]);
        assert!(found("在各市委推荐的基础上").is_empty());
        assert_eq!(found("市第一人民医院院长王强"), ["青山市第一人民医院"]);
        assert_eq!(found("市交通运输局副局长李红"), ["青山市交通运输局"]);
        assert_eq!(found("市自然资源和规划局局长"), ["青山市自然资源和规划局"]);
        assert!(found("全市各学校").is_empty());
        // 团市委 is the Youth League's committee, not the city's.
        assert!(found("团市委书记马骏").is_empty());
    }

    #[test]
    fn a_department_after_a_post_on_its_committee_is_the_committee_s() {
        assert_eq!(
            orgs("中共青山区委常委、统战部部长王强出席"),
            ["青山区委", "青山区委统战部"]
        );
        // Not without the post on the committee before it.
        assert_eq!(orgs("青山区委、统战部"), ["青山区委"]);
    }

    #[test]
    fn an_office_inside_an_organ_names_the_organ_too() {
        assert_eq!(
            orgs("他是青山县委组织部办公室主任"),
            ["青山县委组织部", "青山县委组织部办公室"]
        );
    }

    #[test]
    fn an_area_s_organ_named_by_a_field_of_generic_words() {
        assert_eq!(orgs("于都县乡村振兴局副局长肖建英"), ["于都县乡村振兴局"]);
        assert_eq!(
            orgs("于都县发展和改革委员会主任王强"),
            ["于都县发展和改革委员会"]
        );
    }

    #[test]
    fn a_party_committee_s_social_work_department() {
        assert_eq!(
            orgs("青山区委社会工作部部长黄杰讲话"),
            ["青山区委社会工作部"]
        );
    }

    #[test]
    fn organs_of_villages() {
        assert_eq!(orgs("他是黄连河村党支部书记"), ["黄连河村党支部"]);
        // 支部 alone is the party branch too (村支部书记).
        assert_eq!(orgs("他是黄连河村支部书记"), ["黄连河村支部"]);
    }

    #[test]
    fn an_organization_written_in_full_and_short_is_one() {
        let labels = |text: &str| {
            let facts = crate::extract::extract(text);
            let mut orgs: Vec<(String, Vec<String>)> = facts
                .mentions
                .iter()
                .filter(|m| m.kind == EntityKind::Organization)
                .map(|m| (m.label.clone(), m.alt_labels.clone()))
                .collect();
            orgs.dedup();
            orgs
        };
        let found = labels("长沙市石水支社成立。石水支社主委王明山讲话。");
        assert!(
            found.iter().all(|(l, _)| l == "长沙市石水支社"),
            "{found:?}"
        );
        let found = labels("石水社区居委会在石水社区。石水居委会组织活动。");
        assert!(
            found.iter().all(|(l, _)| l == "石水社区居委会"),
            "{found:?}"
        );
    }

    #[test]
    fn a_one_char_head_ending_an_organ_noun() {
        assert!(orgs("都是甘肃煤田地质局选派的干部").contains(&"甘肃煤田地质局".to_owned()));
        assert!(orgs("形成发展新格局").is_empty());
    }

    #[test]
    fn bureaus_named_by_a_field_of_work_after_a_chain_of_areas() {
        assert!(orgs("厦门市湖里生态环境局三级调研员").contains(&"厦门市湖里生态环境局".to_owned()));
        assert!(orgs("顾全大局").is_empty());
    }

    #[test]
    fn a_party_committee_of_an_area() {
        assert!(orgs("九三学社南宁市委员会主委梁鸿").contains(&"九三学社南宁市委员会".to_owned()));
    }

    #[test]
    fn a_name_stem_stops_at_people_and_posts() {
        assert_eq!(orgs("梁鸿对兴宁支社开展工作给予肯定"), ["兴宁支社"]);
        assert!(orgs("兴宁支社主委陆庆惠代表支社发言")
            .iter()
            .all(|o| !o.contains("陆庆惠")));
        // A name jieba tags as a given name of its own (nrfg) too.
        assert!(orgs("兴宁支社主委侯淑超代表支社发言")
            .iter()
            .all(|o| !o.contains("侯淑超")));
        assert!(orgs("连办公室外墙上都是").is_empty());
        assert_eq!(orgs("石门村股份经济合作社成立"), ["石门村股份经济合作社"]);
        assert_eq!(
            orgs("赣州市新时代文明实践中心组织志愿者"),
            ["赣州市新时代文明实践中心"]
        );
        assert!(orgs("荣获深圳市先进基层党组织称号").is_empty());
        // A democratic party's general branch (总支部).
        assert!(orgs("农工党于都县总支部捐赠了药品").contains(&"农工党于都县总支部".to_owned()));
        // Below a county, the name starts at its own place.
        assert_eq!(
            orgs("江西省于都县梓山镇潭头村老年人协会成立"),
            ["潭头村老年人协会"]
        );
        assert!(orgs("王德胜被选为光明村党支部书记")
            .iter()
            .all(|o| !o.contains("被选为")));
    }

    #[test]
    fn posts_and_common_words_are_not_organizations() {
        assert!(orgs("他是局长").is_empty());
        assert!(orgs("组织部门要服务人才").is_empty());
        // A contracted title names its department (组织部长, 公安局长).
        assert_eq!(orgs("青山县委组织部长王刚说"), ["青山县委组织部"]);
        assert_eq!(orgs("岳阳县公安局长王刚说"), ["岳阳县公安局"]);
        assert!(orgs("他找到了部长").is_empty());
        assert!(orgs("新格局").is_empty());
    }
}
