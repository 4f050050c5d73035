//! The forms an article names its areas by: what the article-level rules
//! match organizations' names against (org_area, one organization written
//! in full and short).

use crate::lexicon::lexicon;
use crate::model::{AreaKind, ArticleFacts, EntityKind};

/// The forms an article names its areas by, each with its area mention:
/// labels and alternative labels, and the stems a branch's name uses
/// (大东 of 大东区 in 行政执法大东分局), with whether the area is a county
/// or above, whose stem alone names its media and bodies (龙岗融媒).
pub struct AreaForms<'a> {
    pub full: Vec<(&'a str, usize)>,
    pub stems: Vec<(&'a str, usize, bool)>,
}

impl<'a> AreaForms<'a> {
    pub fn of(facts: &'a ArticleFacts) -> Self {
        let areas = || {
            facts
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| matches!(m.kind, EntityKind::Area(_)))
        };
        let full = areas()
            .flat_map(|(i, m)| {
                std::iter::once(m.label.as_str())
                    .chain(m.alt_labels.iter().map(String::as_str))
                    .map(move |f| (f, i))
            })
            .filter(|(f, _)| f.chars().count() >= 2)
            .collect();
        let stems = areas()
            .filter_map(|(i, m)| {
                let suffix = &lexicon().area_suffix_of(&m.label)?.suffix;
                let stem = m.label.strip_suffix(suffix.as_str())?;
                let county_or_above = match m.kind {
                    EntityKind::Area(kind) => kind.rank() <= AreaKind::County.rank(),
                    _ => false,
                };
                (stem.chars().count() >= 2).then_some((stem, i, county_or_above))
            })
            .collect();
        AreaForms { full, stems }
    }
}
