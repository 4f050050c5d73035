//! Posts of a program: a post whose title names one of the article's
//! programs (社区人口普查指导员 for 全国第七次人口普查, 兼职委员 for
//! “兼职委员”进社区) makes its holder a participant: holding the post is
//! doing the program's work. Works on the article's appointments and
//! initiative mentions, after the recognisers ran.

use crate::lexicon::lexicon;
use crate::model::{ArticleFacts, EntityKind, Relation, RelationKind};

/// Fewest chars of a program's name a title must hold: shorter names
/// (“四员”) are as often pieces of other words.
const MIN_NAME: usize = 2;

/// A participant link from each program a post title names to the post's
/// holder, with the appointment's evidence.
pub fn holders(facts: &ArticleFacts) -> Vec<Relation> {
    let programs: Vec<(usize, Vec<&str>)> = facts
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == EntityKind::Initiative)
        .map(|(i, m)| {
            let names = std::iter::once(m.label.as_str())
                .chain(m.alt_labels.iter().map(String::as_str))
                .filter(|n| n.chars().count() >= MIN_NAME)
                .collect();
            (i, names)
        })
        .collect();
    facts
        .appointments
        .iter()
        .flat_map(|a| {
            programs
                .iter()
                .filter(|(_, names)| names.iter().any(|n| title_names(&a.role, n)))
                .map(|&(program, _)| Relation {
                    kind: RelationKind::Participant,
                    subject: program,
                    object: a.person,
                    evidence: a.evidence,
                })
        })
        .collect()
}

/// Does the post title `role` name the program `name`: hold it whole
/// (社区兼职委员), or begin with the end of it before a title of its own
/// (人口普查|指导员 of 全国第七次人口普查)?
fn title_names(role: &str, name: &str) -> bool {
    role.contains(name)
        || role.char_indices().skip(MIN_NAME).any(|(at, _)| {
            let (field, title) = role.split_at(at);
            name.ends_with(field) && lexicon().roles.iter().any(|r| r == title)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    #[test]
    fn a_title_that_names_a_program() {
        assert!(title_names("人口普查指导员", "全国第七次人口普查"));
        assert!(title_names("社区兼职委员", "兼职委员"));
        assert!(!title_names("第一书记", "全国第七次人口普查"));
        assert!(!title_names("普查员", "人口普查工作提示"));
    }

    #[test]
    fn the_holder_of_a_program_post_takes_part() {
        let facts = extract(
            "老鹳庙社区参加全国第七次人口普查宣传。在社区人口普查指导员江洪滨安排下,党员们入户摸底。",
        );
        let linked = facts.relations.iter().any(|r| {
            r.kind == RelationKind::Participant
                && facts.mentions[r.subject].label == "全国第七次人口普查"
                && facts.mentions[r.object].label == "江洪滨"
        });
        assert!(linked, "{:?}", facts.relations);
    }
}
