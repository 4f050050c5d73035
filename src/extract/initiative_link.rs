//! Who runs and who takes part in an initiative, where a sentence says so
//! with a verb frame: *subject* … *verb* … “*initiative*”.
//!
//! The verb is the nearest one of the lexicons (`organizer_verbs.txt`:
//! 开展, 推行, 实施…; `participant_verbs.txt`: 参与, 带领…) before the
//! initiative; its subject the nearest named person, organization or area
//! before the verb, with the others listed with it (西湖和上城 先后开展…).
//! An area or organization that launches or runs it is its organizer; a
//! person, or anyone a participant verb or a volunteer noun (东北大学志愿者
//! 在…) introduces, takes part. Two names merely in one article are never
//! linked. Works on the article's mentions, after the recognisers ran.

use crate::lexicon::{lexicon, WordList};
use crate::model::{ArticleFacts, EntityKind, Evidence, Relation, RelationKind, Span};

/// Most chars between the verb and the initiative's opening quote.
const VERB_REACH: usize = 24;

/// Most chars between the subject and its verb.
const SUBJECT_REACH: usize = 40;

/// Chars that join the names of one list of subjects.
const LIST_GLUE: &[char] = &['、', '和', '与', '及', ',', '，', ' '];

/// Nouns after a name that make it the people who carry the work out
/// (东北大学志愿者, 社区党员).
const DOERS: &[&str] = &["志愿者", "志愿服务队", "党员", "干部", "师生", "团队"];

/// Adds an `Organizer` or `Participant` relation for each subject a verb
/// frame links to an initiative.
pub fn find_initiative_links(facts: &mut ArticleFacts) {
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); facts.sentences.len()];
    for (i, m) in facts.mentions.iter().enumerate() {
        by_sentence[m.evidence.sentence].push(i);
    }
    let mut found = Vec::new();
    for (si, mentions) in by_sentence.iter().enumerate() {
        if !mentions
            .iter()
            .any(|&m| facts.mentions[m].kind == EntityKind::Initiative)
        {
            continue;
        }
        found.extend(links_in_sentence(facts, si, mentions));
    }
    found.sort_by_key(|r: &Relation| (r.subject, r.object, r.kind));
    found.dedup_by_key(|r| (r.subject, r.object));
    facts.relations.extend(found);
}

/// A name in the sentence, in sentence-local chars.
#[derive(Debug, Clone, Copy)]
struct Named {
    mention: usize,
    kind: EntityKind,
    span: Span,
}

fn links_in_sentence(facts: &ArticleFacts, si: usize, mentions: &[usize]) -> Vec<Relation> {
    let sentence = &facts.sentences[si];
    let chars: Vec<char> = sentence.text.chars().collect();
    let base = sentence.span.start;
    let mut named: Vec<Named> = mentions
        .iter()
        .map(|&m| Named {
            mention: m,
            kind: facts.mentions[m].kind,
            span: Span::new(
                facts.mentions[m].evidence.span.start - base,
                facts.mentions[m].evidence.span.end - base,
            ),
        })
        .collect();
    // A name inside an organization's (锦州市 in 锦州市委组织部) is not a
    // subject of its own.
    let orgs: Vec<Span> = named
        .iter()
        .filter(|n| n.kind == EntityKind::Organization)
        .map(|n| n.span)
        .collect();
    named.retain(|n| !orgs.iter().any(|o| *o != n.span && o.contains(&n.span)));
    named.sort_by_key(|n| (n.span.start, std::cmp::Reverse(n.span.end)));
    let mut out = Vec::new();
    for ini in named.iter().filter(|n| n.kind == EntityKind::Initiative) {
        let quote = ini.span.start.saturating_sub(1);
        let Some((verb_at, participant_verb)) = verb_before(&chars, quote, &named) else {
            continue;
        };
        for subject in subjects(&chars, &named, verb_at) {
            let doer = DOERS
                .iter()
                .any(|d| chars[subject.span.end.min(chars.len())..].starts_with(&d.chars().collect::<Vec<_>>()));
            let kind = if participant_verb || doer || subject.kind == EntityKind::Person {
                RelationKind::Participant
            } else {
                RelationKind::Organizer
            };
            out.push(Relation {
                kind,
                subject: ini.mention,
                object: subject.mention,
                evidence: Evidence {
                    sentence: si,
                    span: Span::new(base + subject.span.start, base + ini.span.end),
                },
            });
        }
    }
    out
}

/// The nearest verb of either lexicon that ends before `end`, within
/// reach and with no other name between it and `end`; whether it is a
/// participant verb.
fn verb_before(chars: &[char], end: usize, named: &[Named]) -> Option<(usize, bool)> {
    let lex = lexicon();
    let lists: [(&WordList, bool); 2] = [(&lex.participant_verbs, true), (&lex.organizer_verbs, false)];
    let floor = end.saturating_sub(VERB_REACH);
    for at in (floor..end).rev() {
        if named
            .iter()
            .any(|n| n.kind != EntityKind::Initiative && n.span.start <= at && at < n.span.end)
        {
            // Inside a name (社会组织孵化基地): not a verb; a name between
            // verb and initiative ends the search.
            return None;
        }
        for (list, participant) in lists {
            if let Some(verb) = list.starting_at(chars, at) {
                if at + verb.chars().count() <= end {
                    return Some((at, participant));
                }
            }
        }
    }
    None
}

/// The subject of the verb at `verb_at`: the nearest person, organization
/// or area ending before it, within reach, and the names listed with it.
fn subjects(chars: &[char], named: &[Named], verb_at: usize) -> Vec<Named> {
    let agents: Vec<&Named> = named
        .iter()
        .filter(|n| n.kind != EntityKind::Initiative && n.span.end <= verb_at)
        .collect();
    let Some(last) = agents.last().filter(|n| verb_at - n.span.end <= SUBJECT_REACH) else {
        return Vec::new();
    };
    let mut list = vec![**last];
    for n in agents.iter().rev().skip(1) {
        let gap = &chars[n.span.end..list[list.len() - 1].span.start.max(n.span.end)];
        if gap.is_empty() || gap.len() > 2 || !gap.iter().all(|c| LIST_GLUE.contains(c)) {
            break;
        }
        if n.kind == last.kind {
            list.push(**n);
        }
    }
    list
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
    fn a_person_leading_the_work_takes_part() {
        let found = links("第一书记王光宇带领社区干部开展“健康沈阳进社区”活动。");
        assert!(
            found.contains(&("健康沈阳进社区".into(), "王光宇".into(), RelationKind::Participant)),
            "{found:?}"
        );
    }

    #[test]
    fn names_without_a_verb_frame_are_not_linked() {
        let found = links("大东区的干部说,“共产党员先锋岗”很好。");
        assert!(found.is_empty(), "{found:?}");
    }
}
