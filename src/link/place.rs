//! Places → official division codes, the way an analyst would decide.
//!
//! Every area an article names gets its candidates from the gazetteer
//! (names and short forms, at the level its suffix implies). Evidence then
//! narrows them, strongest first:
//!
//! 1. the chain the article states (朝阳北票市南山街道: 南山街道 must lie in
//!    北票市, and 北票市 in 朝阳): candidates outside their stated parent go,
//!    and a parent keeps only candidates that hold its township-level or
//!    higher stated part;
//! 2. the other places of the article: a candidate inside or around them
//!    gains support, weighted by how ambiguous they are (沈阳市 counts 1, a
//!    name shared by four places ¼).
//!
//! Nothing is guessed: several candidates with no clear winner stay
//! `Ambiguous`, and a township or village (names repeat by the hundred, and
//! new ones appear every year) is linked only when an area above it in the
//! same article is linked too. Such links are the certain ones; the others
//! stay unlinked with their stated parent.

use crate::lexicon::divisions::{divisions, DivisionId, Gazetteer, Level};
use crate::model::AreaKind;

/// An area as one article names it.
#[derive(Debug, Clone)]
pub struct AreaName {
    /// The label and every other form the article uses.
    pub forms: Vec<String>,
    /// The class its suffix gives, if it has one (`None`: any level).
    pub kind: Option<AreaKind>,
    /// The areas (indices into the same slice) the article says this one
    /// lies in, nearest first.
    pub stated_in: Vec<usize>,
    /// A place the article only implies, by an organization's name (沈阳日报,
    /// 常州邮政局): half the weight of a named place, and never the linked
    /// area that confirms a township or village.
    pub hint: bool,
}

/// Support one other place of the article gives, and half that for a hint.
const NAMED_WEIGHT: f32 = 1.0;
const HINT_WEIGHT: f32 = 0.5;

/// What became of one area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Linked to this division.
    Linked(DivisionId),
    /// In the gazetteer, but the evidence does not pick one candidate (or
    /// does not confirm the only one, for townships and villages).
    Ambiguous,
    /// No division of that name and level (under the stated parent).
    Unknown,
}

/// A candidate with what speaks for or against it.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: DivisionId,
    /// Support from the article's other places (sum of their weights).
    pub support: f32,
    /// Why it was dropped, if it was.
    pub dropped: Option<String>,
    /// Evidence for it, for analysts (`cadre-kg place`).
    pub reasons: Vec<String>,
}

/// One area's candidates and outcome.
#[derive(Debug, Clone)]
pub struct Resolution {
    pub candidates: Vec<Candidate>,
    pub outcome: Outcome,
    /// Why the outcome is what it is.
    pub reason: String,
}

/// Support a winner needs, and its lead over the next candidate: one
/// unambiguous place, or several half-certain ones.
const MIN_SUPPORT: f32 = 0.5;

/// Resolves every area of one article together.
pub fn resolve(areas: &[AreaName]) -> Vec<Resolution> {
    let g = divisions();
    let mut candidates: Vec<Vec<Candidate>> = areas.iter().map(|a| candidates(g, a)).collect();
    narrow_by_stated_chains(g, areas, &mut candidates);
    add_support(g, areas, &mut candidates);
    let mut outcomes: Vec<Option<(Outcome, String)>> = vec![None; areas.len()];
    let mut order: Vec<usize> = (0..areas.len()).collect();
    order.sort_by_key(|&i| areas[i].kind.map_or(u8::MAX, AreaKind::rank));
    for i in order {
        let mut decided = decide(g, areas, &candidates[i], &outcomes);
        if decided.0 == Outcome::Unknown {
            decided = homophone(g, &areas[i], &outcomes).unwrap_or(decided);
        }
        outcomes[i] = Some(decided);
    }
    candidates
        .into_iter()
        .zip(outcomes)
        .map(|(candidates, decided)| {
            let (outcome, reason) = decided.unwrap_or((Outcome::Unknown, String::new()));
            Resolution {
                candidates,
                outcome,
                reason,
            }
        })
        .collect()
}

/// The area class a division has, from its level and its name's suffix.
/// The class follows the suffix, as the text writes it: 北京市 and the
/// other 直辖市 are cities at the level of a province.
pub fn kind_of(g: &Gazetteer, id: DivisionId) -> AreaKind {
    let d = g.get(id);
    let name = d.name();
    match d.level() {
        Level::Province if name.ends_with('市') => AreaKind::City,
        Level::Province => AreaKind::Province,
        Level::Prefecture => AreaKind::City,
        Level::County if name.ends_with('市') => AreaKind::City,
        Level::County if name.ends_with('旗') => AreaKind::Banner,
        Level::County if name.ends_with('县') => AreaKind::County,
        Level::County => AreaKind::District,
        Level::Township if name.ends_with("街道") => AreaKind::Subdistrict,
        Level::Township if name.ends_with('镇') => AreaKind::Town,
        Level::Township => AreaKind::Township,
        Level::Village if name.ends_with("社区") => AreaKind::Community,
        Level::Village => AreaKind::Village,
    }
}

/// Whether a division of this level can be what an article calls `kind`.
fn fits(g: &Gazetteer, id: DivisionId, kind: Option<AreaKind>) -> bool {
    let level = g.get(id).level();
    let Some(kind) = kind else {
        return true;
    };
    match kind {
        AreaKind::Province => level == Level::Province,
        // 北京市 and the other 直辖市 are provinces named like cities.
        AreaKind::City => {
            level == Level::Prefecture
                || g.is_county_level_city(id)
                || level == Level::Province && g.get(id).name().ends_with('市')
        }
        AreaKind::District | AreaKind::County | AreaKind::Banner => {
            level == Level::County && !g.is_county_level_city(id)
        }
        AreaKind::Subdistrict | AreaKind::Town | AreaKind::Township => level == Level::Township,
        AreaKind::Community | AreaKind::Village => level == Level::Village,
        AreaKind::ResidentialCompound => false,
    }
}

fn candidates(g: &Gazetteer, area: &AreaName) -> Vec<Candidate> {
    let mut ids: Vec<DivisionId> = area
        .forms
        .iter()
        .flat_map(|form| g.lookup(form))
        .filter(|&id| !g.get(id).is_placeholder() && fits(g, id, area.kind))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .map(|id| Candidate {
            id,
            support: 0.0,
            dropped: None,
            reasons: Vec::new(),
        })
        .collect()
}

/// `outer` is `inner` or one of its ancestors.
fn within(g: &Gazetteer, inner: DivisionId, outer: DivisionId) -> bool {
    let mut at = Some(inner);
    while let Some(id) = at {
        if id == outer {
            return true;
        }
        at = g.parent(id);
    }
    false
}

fn live(candidates: &[Candidate]) -> impl Iterator<Item = &Candidate> {
    candidates.iter().filter(|c| c.dropped.is_none())
}

fn live_ids(candidates: &[Candidate]) -> Vec<DivisionId> {
    live(candidates).map(|c| c.id).collect()
}

/// Drops candidates that contradict a stated containment, until nothing
/// changes. A parent is narrowed by its child only when the child is of
/// township level or above: village names repeat too much for one to rule
/// out a parent (and the village may be newer than the gazetteer).
fn narrow_by_stated_chains(g: &Gazetteer, areas: &[AreaName], candidates: &mut [Vec<Candidate>]) {
    loop {
        let mut changed = false;
        for (child, area) in areas.iter().enumerate() {
            for &parent in &area.stated_in {
                let outer = live_ids(&candidates[parent]);
                if outer.is_empty() {
                    continue;
                }
                let parent_name = &areas[parent].forms[0];
                changed |= drop_where(&mut candidates[child], |c| {
                    (!outer.iter().any(|&o| within(g, c, o)))
                        .then(|| format!("not in {parent_name}, which the article says holds it"))
                });
                let inner = live_ids(&candidates[child]);
                let low = area
                    .kind
                    .is_none_or(|k| k.rank() > AreaKind::Township.rank());
                if inner.is_empty() || low {
                    continue;
                }
                let child_name = &area.forms[0];
                changed |= drop_where(&mut candidates[parent], |c| {
                    (!inner.iter().any(|&i| within(g, i, c)))
                        .then(|| format!("holds no {child_name}, which the article puts in it"))
                });
            }
        }
        if !changed {
            break;
        }
    }
}

/// Marks live candidates for which `why` gives a reason as dropped; says
/// whether any was.
fn drop_where(candidates: &mut [Candidate], why: impl Fn(DivisionId) -> Option<String>) -> bool {
    let mut changed = false;
    for c in candidates.iter_mut().filter(|c| c.dropped.is_none()) {
        if let Some(reason) = why(c.id) {
            c.dropped = Some(reason);
            changed = true;
        }
    }
    changed
}

/// Support from the article's other places: each place related to a
/// candidate (inside it or around it) adds the share of its own
/// candidates that are so related.
fn add_support(g: &Gazetteer, areas: &[AreaName], candidates: &mut [Vec<Candidate>]) {
    let live: Vec<Vec<DivisionId>> = candidates.iter().map(|c| live_ids(c)).collect();
    for (i, own) in candidates.iter_mut().enumerate() {
        if live_ids(own).len() < 2 {
            continue;
        }
        for c in own.iter_mut().filter(|c| c.dropped.is_none()) {
            for (j, others) in live.iter().enumerate() {
                if j == i || others.is_empty() {
                    continue;
                }
                let related = others
                    .iter()
                    .filter(|&&o| within(g, o, c.id) || within(g, c.id, o))
                    .count();
                if related > 0 {
                    let (weight, how) = if areas[j].hint {
                        (HINT_WEIGHT, "an organization's name implies")
                    } else {
                        (NAMED_WEIGHT, "the article also names")
                    };
                    c.support += weight * related as f32 / others.len() as f32;
                    c.reasons.push(format!(
                        "{how} {} ({related} of its {} candidates fit)",
                        areas[j].forms[0],
                        others.len()
                    ));
                }
            }
        }
    }
}

fn decide(
    g: &Gazetteer,
    areas: &[AreaName],
    candidates: &[Candidate],
    outcomes: &[Option<(Outcome, String)>],
) -> (Outcome, String) {
    let alive: Vec<&Candidate> = live(candidates).collect();
    let chosen = match alive.as_slice() {
        [] if candidates.is_empty() => {
            return (
                Outcome::Unknown,
                "no division of that name and level".into(),
            );
        }
        [] => {
            return (
                Outcome::Unknown,
                "no candidate fits the stated chain".into(),
            )
        }
        [only] => (only.id, "the only candidate".to_owned()),
        _ => match winner(&alive) {
            Some(best) => (best.id, format!("best supported ({:.2})", best.support)),
            None => {
                return (
                    Outcome::Ambiguous,
                    format!("{} candidates, the article does not tell", alive.len()),
                )
            }
        },
    };
    let (id, why) = chosen;
    if g.get(id).level() < Level::Township {
        return (Outcome::Linked(id), why);
    }
    match linked_ancestor(g, id, areas, outcomes) {
        Some(anchor) => (
            Outcome::Linked(id),
            format!(
                "{why}, inside {} named in the article",
                g.get(anchor).name()
            ),
        ),
        None => (
            Outcome::Ambiguous,
            format!("{why}, but no place above it in the article is linked to confirm it"),
        ),
    }
}

/// A county-level or higher name the gazetteer lacks may be a homophone
/// of one it has under a stated parent that is linked: an input-method
/// slip (铁峰区 for 铁锋区) or an older written form (瑷珲区, now 爱辉区).
/// Only names of the same length and level that read the same count, and
/// only one such name links.
fn homophone(
    g: &Gazetteer,
    area: &AreaName,
    outcomes: &[Option<(Outcome, String)>],
) -> Option<(Outcome, String)> {
    let high = area
        .kind
        .is_some_and(|k| k.rank() <= AreaKind::County.rank());
    let form = area.forms.first().filter(|_| high)?;
    let parent = area.stated_in.iter().find_map(|&p| match outcomes[p] {
        Some((Outcome::Linked(id), _)) => Some(id),
        _ => None,
    })?;
    let sound = readings(form);
    let mut found = g
        .descendants(parent)
        .filter(|&id| fits(g, id, area.kind) && sounds_alike(&sound, &readings(g.get(id).name())));
    let id = found.next()?;
    found.next().is_none().then(|| {
        let reason = format!(
            "reads like {} in {}",
            g.get(id).name(),
            g.get(parent).name()
        );
        (Outcome::Linked(id), reason)
    })
}

/// The possible toneless readings of each character (several for 多音字).
fn readings(text: &str) -> Vec<Vec<&'static str>> {
    use pinyin::ToPinyinMulti;
    text.to_pinyin_multi()
        .map(|m| m.map_or_else(Vec::new, |m| m.into_iter().map(|p| p.plain()).collect()))
        .collect()
}

/// Same length, and every character can be read alike.
fn sounds_alike(a: &[Vec<&str>], b: &[Vec<&str>]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| !x.is_empty() && x.iter().any(|r| y.contains(r)))
}

/// The candidate with clearly the most support, if any.
fn winner<'a>(alive: &[&'a Candidate]) -> Option<&'a Candidate> {
    let mut ranked = alive.to_vec();
    ranked.sort_by(|a, b| b.support.total_cmp(&a.support));
    let (best, next) = (ranked[0], ranked.get(1).map_or(0.0, |c| c.support));
    (best.support >= MIN_SUPPORT && best.support - next >= MIN_SUPPORT).then_some(best)
}

/// A division linked elsewhere in the article, as a named place, that
/// holds `id`.
fn linked_ancestor(
    g: &Gazetteer,
    id: DivisionId,
    areas: &[AreaName],
    outcomes: &[Option<(Outcome, String)>],
) -> Option<DivisionId> {
    outcomes
        .iter()
        .zip(areas)
        .filter(|(_, area)| !area.hint)
        .find_map(|(o, _)| match o {
            Some((Outcome::Linked(anchor), _)) if *anchor != id && within(g, id, *anchor) => {
                Some(*anchor)
            }
            _ => None,
        })
}

/// The division an area the article only implies stands for (山西日报 →
/// 山西省; 省委组织部 in an article about 太原市 → 山西省): the one
/// candidate of that name and level that holds or lies in a live
/// candidate of a place the article names (`named`), under a linked one
/// for a township or village. `None` when the article's places do not
/// settle it: 中山大学 in an article about 广州市 is not in 中山市. A name of
/// a county or higher unit written in full (`in_full`: 尖草坪区委宣传部)
/// needs no support where it is the only division of that name.
pub fn implied(area: &AreaName, named: &[Resolution], in_full: bool) -> Option<DivisionId> {
    let g = divisions();
    let related = |id: DivisionId, other: DivisionId| within(g, id, other) || within(g, other, id);
    let supported = |id: DivisionId| {
        named.iter().any(|r| match r.outcome {
            _ if g.get(id).level() < Level::Township => {
                live(&r.candidates).any(|c| related(id, c.id))
            }
            Outcome::Linked(anchor) => within(g, id, anchor),
            _ => false,
        })
    };
    let all: Vec<DivisionId> = candidates(g, area).into_iter().map(|c| c.id).collect();
    if let [only] = all[..] {
        if in_full && g.get(only).level() <= Level::County {
            return Some(only);
        }
    }
    let mut fitting = all.into_iter().filter(|&id| supported(id));
    let id = fitting.next()?;
    fitting.next().is_none().then_some(id)
}

/// The place an organization's name starts with (沈阳日报 → 沈阳, 常州邮政局
/// → 常州): the longest prefix, shorter than the name, that names a county
/// or higher unit.
pub fn leading_place(name: &str) -> Option<&str> {
    let g = divisions();
    let ends: Vec<usize> = name
        .char_indices()
        .map(|(i, _)| i)
        .skip(2)
        .take(5)
        .collect();
    ends.into_iter().rev().find_map(|end| {
        let prefix = &name[..end];
        let ids = g.lookup(prefix);
        let high = |id: &DivisionId| g.get(*id).level() <= Level::County;
        (!ids.is_empty() && ids.iter().all(high)).then_some(prefix)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(form: &str, kind: AreaKind, stated_in: &[usize]) -> AreaName {
        AreaName {
            forms: vec![form.to_owned()],
            kind: Some(kind),
            stated_in: stated_in.to_vec(),
            hint: false,
        }
    }

    fn linked_name(r: &Resolution) -> Option<String> {
        match r.outcome {
            Outcome::Linked(id) => Some(
                divisions()
                    .chain(id)
                    .iter()
                    .rev()
                    .map(|d| d.name())
                    .collect(),
            ),
            _ => None,
        }
    }

    #[test]
    fn an_ambiguous_district_is_decided_by_the_city_named_elsewhere() {
        for (city, expected) in [("北京市", "北京市朝阳区"), ("长春市", "吉林省长春市朝阳区")]
        {
            let r = resolve(&[
                area("朝阳区", AreaKind::District, &[]),
                area(city, AreaKind::City, &[]),
            ]);
            assert_eq!(linked_name(&r[0]).as_deref(), Some(expected), "{city}");
        }
    }

    #[test]
    fn an_ambiguous_district_alone_stays_unlinked() {
        let r = resolve(&[area("朝阳区", AreaKind::District, &[])]);
        assert_eq!(r[0].outcome, Outcome::Ambiguous);
        assert!(r[0].candidates.len() >= 2);
    }

    #[test]
    fn a_stated_chain_picks_the_street_among_namesakes() {
        let r = resolve(&[
            area("朝阳", AreaKind::City, &[]),
            area("北票市", AreaKind::City, &[0]),
            area("南山街道", AreaKind::Subdistrict, &[1]),
        ]);
        assert_eq!(linked_name(&r[0]).as_deref(), Some("辽宁省朝阳市"));
        assert_eq!(
            linked_name(&r[2]).as_deref(),
            Some("辽宁省朝阳市北票市南山街道")
        );
    }

    #[test]
    fn a_street_without_context_is_not_guessed() {
        let r = resolve(&[area("南山街道", AreaKind::Subdistrict, &[])]);
        assert_eq!(r[0].outcome, Outcome::Ambiguous);
    }

    #[test]
    fn a_unique_street_still_needs_a_linked_place_above_it() {
        let alone = resolve(&[area("万莲街道", AreaKind::Subdistrict, &[])]);
        assert_eq!(alone[0].outcome, Outcome::Ambiguous);
        let with_city = resolve(&[
            area("万莲街道", AreaKind::Subdistrict, &[]),
            area("沈阳市", AreaKind::City, &[]),
        ]);
        assert_eq!(
            linked_name(&with_city[0]).as_deref(),
            Some("辽宁省沈阳市沈河区万莲街道")
        );
    }

    #[test]
    fn short_and_official_forms_link_to_the_same_code() {
        for (form, kind) in [
            ("桓仁", AreaKind::County),
            ("桓仁县", AreaKind::County),
            ("桓仁满族自治县", AreaKind::County),
        ] {
            let r = resolve(&[area(form, kind, &[])]);
            assert_eq!(
                linked_name(&r[0]).as_deref(),
                Some("辽宁省本溪市桓仁满族自治县"),
                "{form}"
            );
        }
        let r = resolve(&[area("内蒙古", AreaKind::Province, &[])]);
        assert_eq!(linked_name(&r[0]).as_deref(), Some("内蒙古自治区"));
        let r = resolve(&[
            area("东城区", AreaKind::District, &[]),
            area("多福巷社区居委会", AreaKind::Community, &[0]),
        ]);
        assert_eq!(
            linked_name(&r[1]).as_deref(),
            Some("北京市东城区东华门街道多福巷社区")
        );
    }

    #[test]
    fn street_office_forms_are_the_street() {
        for form in ["万莲街道办事处", "万莲街道办", "万莲街道"] {
            let r = resolve(&[
                area("沈河区", AreaKind::District, &[]),
                area(form, AreaKind::Subdistrict, &[0]),
            ]);
            assert_eq!(
                linked_name(&r[1]).as_deref(),
                Some("辽宁省沈阳市沈河区万莲街道"),
                "{form}"
            );
        }
    }

    #[test]
    fn a_place_missing_under_its_stated_parent_is_unknown() {
        let r = resolve(&[
            area("沈阳市", AreaKind::City, &[]),
            area("朝阳区", AreaKind::District, &[0]),
        ]);
        assert_eq!(r[1].outcome, Outcome::Unknown);
        assert!(r[1].candidates.iter().all(|c| c.dropped.is_some()));
    }

    #[test]
    fn a_homophone_under_a_linked_parent_links() {
        for (form, official) in [("铁峰区", "铁锋区"), ("瑷珲区", "爱辉区")] {
            let r = resolve(&[
                area("吉林省", AreaKind::Province, &[]),
                area(form, AreaKind::District, &[0]),
            ]);
            assert_eq!(r[1].outcome, Outcome::Unknown, "{form} is not in 吉林省");
            let city = if form == "铁峰区" {
                "齐齐哈尔市"
            } else {
                "黑河市"
            };
            let r = resolve(&[
                area(city, AreaKind::City, &[]),
                area(form, AreaKind::District, &[0]),
            ]);
            let linked = linked_name(&r[1]).unwrap_or_default();
            assert!(linked.ends_with(official), "{form}: {linked}");
        }
    }

    #[test]
    fn an_organization_name_hints_at_the_place_but_confirms_no_street() {
        assert_eq!(leading_place("北京日报社"), Some("北京"));
        assert_eq!(leading_place("常州邮政局营业分局"), Some("常州"));
        assert_eq!(leading_place("东北大学"), None);
        let hint = AreaName {
            forms: vec!["北京".into()],
            kind: None,
            stated_in: Vec::new(),
            hint: true,
        };
        let r = resolve(&[area("朝阳区", AreaKind::District, &[]), hint.clone()]);
        assert_eq!(linked_name(&r[0]).as_deref(), Some("北京市朝阳区"));
        let r = resolve(&[area("双井街道", AreaKind::Subdistrict, &[]), hint]);
        assert_eq!(r[0].outcome, Outcome::Ambiguous);
    }

    #[test]
    fn county_level_cities_are_cities() {
        let g = divisions();
        let id = g.by_name("北票市")[0];
        assert_eq!(kind_of(g, id), AreaKind::City);
        let r = resolve(&[area("北票市", AreaKind::City, &[])]);
        assert_eq!(r[0].outcome, Outcome::Linked(id));
        let r = resolve(&[area("乌拉特前旗", AreaKind::Banner, &[])]);
        assert!(matches!(r[0].outcome, Outcome::Linked(id) if kind_of(g, id) == AreaKind::Banner));
    }
}
