//! Organization in area: the administrative area an organization belongs
//! to or is an organ of, the most specific one named.
//!
//! Read from the organization's name first: the areas it starts with, one
//! after the other (莱西市望城街道党工委 → 莱西市, then 望城街道: the last),
//! as the article names them, in full or in a short form the gazetteer
//! gives one province or city (福州新闻网 → 福州市, where the article names
//! 福州市), or by the stem of a place below a county the article names,
//! which an institution is named after (宝塔村 → 宝塔砂布厂). A
//! generic organ (区委组织部, 社区党委) belongs to the area of its level the
//! article is about at that point (the focus); an organ listed right after
//! an area (乌拉特前旗纪委监委、公安局) to that area. Works on the
//! article's mentions, after the recognisers ran.
//!
//! An area the article names only inside an organization's name (山西日报
//! where it never writes 山西省), or only through its lower areas (省委组织部
//! in an article about 太原市), is not made a mention of its own: it is
//! an `ImpliedArea`, which linking ties to the official division.

use super::area_forms::AreaForms;
use super::text::{has_at, is_quote_open, LIST_GLUE};
use super::{known_area, Focus, LEVEL_WORDS};
use crate::lexicon::divisions::{divisions, Level};
use crate::lexicon::lexicon;
use crate::model::{
    AreaKind, ArticleFacts, EntityKind, ImpliedArea, Mention, Relation, RelationKind, Span,
};
use crate::normalize::is_cjk;

/// Longest area name (in chars) read from the start of an organization's
/// name.
const MAX_PLACE: usize = 9;

/// What a name may put before its area: the party (中共锦州市委), the
/// league (共青团于都县委), the country (中国甘肃网).
const NATIONAL_PREFIXES: &[&str] = &["中共", "共青团", "中国"];

/// What follows a place name that names a street after it (苏州路, 北京街).
const ROAD_WORDS: &[char] = &['路', '街', '道', '巷', '桥', '里', '大'];

/// The area an organization is in: one the article names, or one it
/// implies (its official name and kind).
#[derive(Debug, Clone)]
enum Found {
    Named(usize),
    Implied(String, AreaKind),
}

/// Adds an `OrgInArea` relation for every organization whose area the
/// article names, and an `ImpliedArea` for those whose area it implies.
pub fn find_org_areas(facts: &mut ArticleFacts, focus: &Focus) {
    let found = org_areas(facts, focus);
    for (org, found) in found {
        let evidence = facts.mentions[org].evidence;
        match found {
            Found::Named(area) => facts.relations.push(Relation {
                kind: RelationKind::OrgInArea,
                subject: org,
                object: area,
                evidence,
            }),
            Found::Implied(name, kind) => facts.implied_areas.push(ImpliedArea {
                org,
                in_full: written(facts, org).contains(&name),
                name,
                kind,
                evidence,
            }),
        }
    }
}

/// Each organization with the area found for it.
fn org_areas(facts: &ArticleFacts, focus: &Focus) -> Vec<(usize, Found)> {
    let forms = AreaForms::of(facts);
    let orgs: Vec<usize> = (0..facts.mentions.len())
        .filter(|&m| facts.mentions[m].kind == EntityKind::Organization)
        .collect();
    let from_names: Vec<Option<Found>> = orgs
        .iter()
        .map(|&org| from_name(facts, &forms, org))
        .collect();
    // An area the article writes only inside organizations' names: a
    // generic organ of its level may stand for it (省委组织部 beside
    // 山西日报), but not for one the article never writes at all.
    let written = |label: &str| {
        from_names
            .iter()
            .any(|f| matches!(f, Some(Found::Implied(l, _)) if l == label))
    };
    orgs.iter()
        .zip(&from_names)
        .filter_map(|(&org, by_name)| {
            let found = by_name
                .clone()
                .or_else(|| {
                    from_focus(facts, org, focus)
                        .filter(|f| !matches!(f, Found::Implied(l, _) if !written(l)))
                })
                .or_else(|| from_list(facts, org).map(Found::Named))
                .or_else(|| founded_by(facts, org).map(Found::Named))
                .or_else(|| owned_by(facts, org).map(Found::Named))?;
            Some((org, found))
        })
        .collect()
}

impl AreaForms<'_> {
    /// The area mention `rest` starts with, and its length in bytes: the
    /// longest full form, else a stem right before a branch's head, or
    /// the stem of a county or higher area before the rest of a name
    /// (龙岗融媒 in an article naming 龙岗区).
    /// `at_start`: `rest` begins the name or follows an area found in it,
    /// where the stem of a place below a county begins an institution
    /// named after it (苏州路社区 → 苏州路小学, 宝塔村 → 宝塔砂布厂).
    fn leading(&self, rest: &str, at_start: bool) -> Option<(usize, usize)> {
        let full = self
            .full
            .iter()
            .filter(|(f, _)| rest.len() > f.len() && rest.starts_with(f))
            .max_by_key(|(f, _)| f.len())
            .map(|&(f, area)| (area, f.len()));
        let stem = || {
            self.stems
                .iter()
                .filter(|(s, _, county_or_above)| {
                    rest.len() > s.len()
                        && rest.starts_with(s)
                        && (*county_or_above || at_start || is_branch(&rest[s.len()..]))
                        && !names_the_area_itself(&rest[s.len()..])
                })
                .max_by_key(|(s, _, _)| s.len())
                .map(|&(s, area, _)| (area, s.len()))
        };
        full.or_else(stem)
    }
}

/// Is `tail`, after a place's stem, a level's suffix (道布龙|居委会): the
/// name is the place's own, whose committee is the place.
fn names_the_area_itself(tail: &str) -> bool {
    lexicon().area_suffixes.iter().any(|s| s.suffix == tail)
}

/// Does `rest` start with the head of a branch's name (分局, 支行, 支社):
/// an organ head that begins with 分 or 支?
fn is_branch(rest: &str) -> bool {
    rest.starts_with(['分', '支'])
        && lexicon()
            .org_heads
            .iter()
            .any(|h| h.chars().count() >= 2 && rest.starts_with(h.as_str()))
}

/// The last of the areas the organization's name starts with, one after
/// the other; else of those that start after a part naming none
/// (九三学社南宁市委员会, 行政执法大东分局), where the first must be one the
/// article names. An area the article does not name counts only where
/// the name as written holds it (not where the recogniser completed
/// 省委组织部 from the focus).
fn from_name(facts: &ArticleFacts, forms: &AreaForms, org: usize) -> Option<Found> {
    let label = &facts.mentions[org].label;
    let name = NATIONAL_PREFIXES
        .iter()
        .find_map(|p| label.strip_prefix(p))
        .unwrap_or(label);
    let as_written = written(facts, org);
    let chain = |at: usize| {
        let mut rest = &name[at..];
        let mut found = None;
        while let Some((area, used)) = leading_area(forms, rest, at == 0 || found.is_some()) {
            if matches!(area, Found::Named(_)) || as_written.contains(&rest[..used]) {
                found = Some(area);
            }
            rest = &rest[used..];
        }
        found
    };
    name.char_indices().find_map(|(at, _)| chain(at))
}

/// A mention's text as the article writes it.
fn written(facts: &ArticleFacts, m: usize) -> String {
    let evidence = facts.mentions[m].evidence;
    let sentence = &facts.sentences[evidence.sentence];
    let start = evidence.span.start - sentence.span.start;
    sentence
        .text
        .chars()
        .skip(start)
        .take(evidence.span.len())
        .collect()
}

/// The area `rest` starts with, and its length in bytes: an area mention's
/// form, else (with `gazetteer`) a name the gazetteer knows (福州新闻网 →
/// 福州 → 福州市), named by the article or implied.
fn leading_area(forms: &AreaForms, rest: &str, gazetteer: bool) -> Option<(Found, usize)> {
    if let Some((area, used)) = forms.leading(rest, gazetteer) {
        return Some((Found::Named(area), used));
    }
    if !gazetteer {
        return None;
    }
    let (prefix, (label, kind)) = known_prefix(rest)?;
    let found = match forms.full.iter().find(|(f, _)| *f == label) {
        Some(&(_, area)) => Found::Named(area),
        None => Found::Implied(label, kind),
    };
    Some((found, prefix.len()))
}

/// The longest prefix of `rest` (shorter than it) that the gazetteer knows:
/// a full name (长沙市), or a short form of exactly one province or city
/// (福州, 黑龙江; 西安, whatever districts share it: a city's short form
/// names the city).
fn known_prefix(rest: &str) -> Option<(&str, (String, AreaKind))> {
    let g = divisions();
    let ends: Vec<usize> = rest
        .char_indices()
        .map(|(i, _)| i)
        .skip(2)
        .take(MAX_PLACE - 1)
        .collect();
    ends.into_iter().rev().find_map(|end| {
        let prefix = &rest[..end];
        if let Some(known) = g.by_name(prefix).first().and_then(|_| known_area(prefix)) {
            return Some((prefix, known));
        }
        // 苏州路小学 is on a road named after the city, not in it.
        let road = rest[end..].starts_with(ROAD_WORDS);
        let mut high = g
            .by_alias(prefix)
            .iter()
            .filter(|&&id| g.get(id).level() <= Level::Prefecture);
        match (high.next(), high.next()) {
            (Some(&id), None) if !road => Some((prefix, known_area(g.get(id).name())?)),
            _ => None,
        }
    })
}

/// A generic organ (区委组织部, 街道党工委, 社区党委, as written, even where
/// the recogniser completed its name): the area of its
/// level in focus where the organization is named, else the only one of
/// that level the article names, else the one the gazetteer places all
/// its lower areas in (implied).
fn from_focus(facts: &ArticleFacts, org: usize, focus: &Focus) -> Option<Found> {
    let m = &facts.mentions[org];
    let as_written = written(facts, org);
    let &(_, kind) = LEVEL_WORDS
        .iter()
        .find(|(w, _)| as_written.starts_with(w))?;
    let sentence = &facts.sentences[m.evidence.sentence];
    let offset = m.evidence.span.start - sentence.span.start;
    let at = focus.at(m.evidence.sentence);
    let of_kind = |a: &Mention| a.kind == EntityKind::Area(kind);
    match at.area(kind, offset) {
        Some(label) => Some(
            match facts
                .mentions
                .iter()
                .position(|a| of_kind(a) && a.label == label)
            {
                Some(area) => Found::Named(area),
                None => Found::Implied(label, kind),
            },
        ),
        // The only area of that level the article names.
        None => {
            let first = facts.mentions.iter().position(of_kind)?;
            let label = &facts.mentions[first].label;
            facts
                .mentions
                .iter()
                .filter(|a| of_kind(a))
                .all(|a| a.label == *label)
                .then_some(Found::Named(first))
        }
    }
}

/// An organ listed right after an area in its sentence (乌拉特前旗纪委监委、
/// 公安局、农科局): that area.
fn from_list(facts: &ArticleFacts, org: usize) -> Option<usize> {
    let m = &facts.mentions[org];
    let sentence = &facts.sentences[m.evidence.sentence];
    let chars: Vec<char> = sentence.text.chars().collect();
    let base = sentence.span.start;
    let same: Vec<(usize, &Mention)> = facts
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, x)| x.evidence.sentence == m.evidence.sentence)
        .collect();
    let mut at = m.evidence.span.start;
    loop {
        while at > base && LIST_GLUE.contains(&chars[at - base - 1]) {
            at -= 1;
        }
        let (i, before) = same
            .iter()
            .find(|(_, x)| x.evidence.span.end == at && x.evidence.span.start < at)?;
        match before.kind {
            EntityKind::Area(_) => return Some(*i),
            // The first of the list named with its area (天水市民政局、
            // 财政局): the most specific area its name starts with.
            EntityKind::Organization => {
                let span = before.evidence.span;
                match leading_chain(&same, span) {
                    Some(area) => return Some(area),
                    None => at = span.start,
                }
            }
            _ => return None,
        }
    }
}

/// Verbs by which an area sets up an organization of its own.
const FOUNDING: &[&str] = &["成立", "组建", "设立", "建立", "组织成立"];

/// Most chars between the founding area and the organization: an adverb,
/// the verb, 了, a quote mark.
const FOUNDING_GAP: usize = 7;

/// An organization an area sets up, right after it in the sentence
/// (东关社区成立了“红马甲”志愿服务队): that area.
fn founded_by(facts: &ArticleFacts, org: usize) -> Option<usize> {
    let m = &facts.mentions[org];
    let sentence = &facts.sentences[m.evidence.sentence];
    let chars: Vec<char> = sentence.text.chars().collect();
    let base = sentence.span.start;
    let start = m.evidence.span.start;
    facts.mentions.iter().enumerate().find_map(|(i, a)| {
        let end = a.evidence.span.end;
        let area = matches!(a.kind, EntityKind::Area(_))
            && a.evidence.sentence == m.evidence.sentence
            && end < start
            && start - end <= FOUNDING_GAP;
        let gap = area.then(|| &chars[end - base..start - base])?;
        let founds = (0..gap.len()).any(|k| FOUNDING.iter().any(|v| has_at(gap, k, v)));
        let plain = gap.iter().all(|&c| is_cjk(c) || is_quote_open(c));
        (founds && plain).then_some(i)
    })
}

/// The area an organization is said to be of by 的 right between them
/// (八社村的玉辉水稻合作社, 位于东关社区的老年食堂).
fn owned_by(facts: &ArticleFacts, org: usize) -> Option<usize> {
    let m = &facts.mentions[org];
    let sentence = &facts.sentences[m.evidence.sentence];
    let of = m.evidence.span.start.checked_sub(1)?;
    if sentence.text.chars().nth(of - sentence.span.start) != Some('的') {
        return None;
    }
    facts.mentions.iter().position(|a| {
        matches!(a.kind, EntityKind::Area(_))
            && a.evidence.sentence == m.evidence.sentence
            && a.evidence.span.end == of
    })
}

/// The last of the areas a name at `span` starts with, one after the
/// other (天水市|秦州区|民政局 → 秦州区), among a sentence's mentions.
fn leading_chain(same: &[(usize, &Mention)], span: Span) -> Option<usize> {
    let mut at = span.start;
    let mut last = None;
    while let Some((i, a)) = same.iter().find(|(_, a)| {
        matches!(a.kind, EntityKind::Area(_))
            && a.evidence.span.start == at
            && a.evidence.span.end < span.end
    }) {
        last = Some(*i);
        at = a.evidence.span.end;
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::model::{AreaKind, Evidence, Span};

    /// (organization, area) pairs the article states.
    fn pairs(text: &str) -> Vec<(String, String)> {
        let facts = extract(text);
        facts
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::OrgInArea)
            .map(|r| {
                (
                    facts.mentions[r.subject].label.clone(),
                    facts.mentions[r.object].label.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn the_last_area_the_name_starts_with() {
        let found = pairs("锦州市召开会议,锦州市委组织部负责。莱西市望城街道党工委开展工作。");
        for (org, area) in [("锦州市委组织部", "锦州市"), ("望城街道党工委", "望城街道")]
        {
            assert!(
                found.iter().any(|(o, a)| o == org && a == area),
                "{org} → {area}: {found:?}"
            );
        }
    }

    #[test]
    fn an_institution_named_after_a_place_below_a_county_is_in_it() {
        let found = pairs("莱西市苏州路社区。辖区内有苏州路小学。宝塔村办起了宝塔砂布厂。");
        for (org, area) in [("苏州路小学", "苏州路社区"), ("宝塔砂布厂", "宝塔村")]
        {
            assert!(
                found.iter().any(|(o, a)| o == org && a == area),
                "{org} → {area}: {found:?}"
            );
        }
    }

    /// Whatever the organization recogniser finds: a village's branch
    /// named after the village.
    #[test]
    fn a_village_branch_belongs_to_its_village() {
        let mention = |kind, label: &str, start| Mention {
            kind,
            label: label.to_owned(),
            alt_labels: Vec::new(),
            evidence: Evidence {
                sentence: 0,
                span: Span::new(start, start + label.chars().count()),
            },
        };
        let text = "大甸子村党支部组织党员学习。";
        let mut facts = ArticleFacts {
            sentences: crate::extract::split_sentences(text),
            mentions: vec![
                mention(EntityKind::Area(AreaKind::Village), "大甸子村", 0),
                mention(EntityKind::Organization, "大甸子村党支部", 0),
            ],
            ..ArticleFacts::default()
        };
        find_org_areas(&mut facts, &Focus::default());
        let r = facts.relations[0];
        assert_eq!((r.subject, r.object), (1, 0), "{:?}", facts.relations);
    }

    #[test]
    fn an_organization_an_area_sets_up_is_in_it() {
        let found = pairs("东关社区成立了“红马甲”志愿服务队,王丽担任队长。");
        assert!(
            found
                .iter()
                .any(|(o, a)| o == "红马甲志愿服务队" && a == "东关社区"),
            "{found:?}"
        );
        // An area the sentence only mentions is not the founder.
        let found = pairs("东关社区居民参加了红马甲志愿服务队的活动。");
        assert!(
            found.iter().all(|(o, _)| o != "红马甲志愿服务队"),
            "{found:?}"
        );
    }

    #[test]
    fn an_organization_of_an_area_by_de_is_in_it() {
        let found = pairs("专家来到位于八社村的玉辉水稻合作社调研。");
        assert_eq!(found, [("玉辉水稻合作社".to_owned(), "八社村".to_owned())]);
        // Without 的 between them the area is no owner.
        let found = pairs("八社村专家来到玉辉水稻合作社调研。");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn the_stem_of_a_district_the_article_names_names_its_bodies() {
        let found = pairs("发布时间: 2023年03月15日 来源:龙岗融媒\n深圳市龙岗区召开会议。");
        assert!(
            found.contains(&("龙岗融媒".to_owned(), "龙岗区".to_owned())),
            "{found:?}"
        );
    }

    #[test]
    fn a_short_form_of_one_city_names_its_area() {
        let found = pairs("福州新闻网讯 福州市召开会议。");
        assert!(
            found
                .iter()
                .any(|(o, a)| o == "福州新闻网" && a == "福州市"),
            "{found:?}"
        );
    }

    #[test]
    fn organizations_without_an_area_have_none() {
        let found = pairs("东北大学的志愿者来到社区。辖区内有苏州路小学。");
        assert!(found.iter().all(|(o, _)| o != "东北大学"), "{found:?}");
        assert!(found.iter().all(|(o, _)| o != "苏州路小学"), "{found:?}");
    }

    #[test]
    fn a_generic_organ_belongs_to_the_area_in_focus() {
        let found = pairs("大东区召开会议。区委组织部负责落实。");
        assert!(
            found
                .iter()
                .any(|(o, a)| o.ends_with("区委组织部") && a == "大东区"),
            "{found:?}"
        );
    }

    #[test]
    fn a_verb_before_a_generic_organ_is_no_part_of_its_name() {
        let found = pairs("荆州区召开会议。并印发区委组织部关于《通知》。");
        assert!(
            found.contains(&("荆州区委组织部".to_owned(), "荆州区".to_owned())),
            "{found:?}"
        );
    }

    #[test]
    fn an_organ_listed_after_one_named_with_its_area_shares_it() {
        let found = pairs("天水市秦州区民政局、财政局联合开展活动。");
        assert!(
            found.contains(&("财政局".to_owned(), "秦州区".to_owned())),
            "{found:?}"
        );
    }

    /// (organization, implied area name) pairs.
    fn implied(text: &str) -> Vec<(String, String)> {
        let facts = extract(text);
        facts
            .implied_areas
            .iter()
            .map(|a| (facts.mentions[a.org].label.clone(), a.name.clone()))
            .collect()
    }

    #[test]
    fn a_place_written_only_in_a_name_is_implied() {
        let text = "山西日报讯 山西日报报业集团主办评选。太原市迎泽区开展活动。";
        let found = implied(text);
        assert!(
            found.contains(&("山西日报报业集团".into(), "山西省".into())),
            "{found:?}"
        );
        assert!(pairs(text).iter().all(|(o, _)| o != "山西日报报业集团"));
        // Written in full or by a short form.
        let facts = extract("尖草坪区委宣传部印发通知。山西日报报业集团主办评选。");
        let in_full: Vec<(&str, bool)> = facts
            .implied_areas
            .iter()
            .map(|a| (a.name.as_str(), a.in_full))
            .collect();
        assert_eq!(in_full, [("尖草坪区", true), ("山西省", false)]);
        // After the country's name (中国|甘肃|网).
        let found = implied("中国甘肃网1月5日讯 庆阳市环县开展活动。");
        assert!(
            found.contains(&("中国甘肃网".into(), "甘肃省".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_generic_organ_stands_for_an_implied_area_only_where_the_text_writes_it() {
        let written = implied("山西日报讯 省委组织部召开会议。太原市迎泽区开展活动。");
        assert!(
            written
                .iter()
                .any(|(o, a)| o.ends_with("省委组织部") && a == "山西省"),
            "{written:?}"
        );
        let unwritten = implied("省委组织部召开会议。太原市迎泽区开展活动。");
        assert!(unwritten.is_empty(), "{unwritten:?}");
    }

    #[test]
    fn a_branch_is_named_after_its_area_by_a_short_form() {
        let found =
            pairs("大东区召开会议。行政执法大东分局选派干部。南宁市兴宁区成立南宁市兴宁支社。");
        for (org, area) in [("行政执法大东分局", "大东区"), ("南宁市兴宁支社", "兴宁区")]
        {
            assert!(
                found.iter().any(|(o, a)| o == org && a == area),
                "{org} → {area}: {found:?}"
            );
        }
    }

    #[test]
    fn an_area_may_follow_a_part_of_the_name_that_names_none() {
        let found = pairs("南宁市召开会议。九三学社南宁市委员会组织学习。");
        assert!(
            found
                .iter()
                .any(|(o, a)| o == "九三学社南宁市委员会" && a == "南宁市"),
            "{found:?}"
        );
    }

    #[test]
    fn a_citys_short_form_names_the_city_whatever_districts_share_it() {
        let found = implied("西安日报记者报道,雁塔区开展活动。");
        assert!(
            found.contains(&("西安日报".into(), "西安市".into())),
            "{found:?}"
        );
    }
}
