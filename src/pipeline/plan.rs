//! The build's plan: from the live manifest and what reading the corpus
//! found, which articles are added, changed, unchanged and removed, whether
//! the build is full or incremental, and whether its removals stay within
//! the operator's limit. Pure (no I/O), so tests call it directly; the
//! build carries it out.

use crate::store::Manifest;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use thiserror::Error;

/// Whether a build redoes every article or only what changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every article processed into an empty generation.
    Full,
    /// New and changed articles processed in a copy of the live generation.
    Incremental,
}

impl Mode {
    /// Incremental when the live store was written by this extractor and
    /// no full build is asked for.
    pub fn choose(live: Option<&Manifest>, extractor: &str, full: bool) -> Mode {
        match live {
            Some(m) if !full && m.extractor == extractor => Mode::Incremental,
            _ => Mode::Full,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Mode::Full => "full",
            Mode::Incremental => "incremental",
        }
    }
}

/// What reading found of one corpus file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    /// Not read: its size and time are those the live manifest recorded,
    /// so its content is the one recorded.
    Untouched,
    /// Read and decoded; the hash of its bytes.
    Read(String),
    /// Found but not readable or decodable (reported as skipped).
    Unreadable,
}

/// What a build will do, article by article (names in corpus order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub mode: Mode,
    /// To process: new articles (every readable one in a full build).
    pub added: Vec<String>,
    /// To process: articles whose content changed (incremental only).
    pub changed: Vec<String>,
    /// Kept as they are in the live store (incremental only).
    pub unchanged: Vec<String>,
    /// Articles of the live store the new one will not hold: gone from
    /// the corpus, or no longer readable. Counted against the live store
    /// in either mode, since a full build replaces it too.
    pub removed: Vec<String>,
    /// Articles in the live store.
    pub live: usize,
    /// Whether the corpus folder holds no article file at all.
    pub corpus_empty: bool,
}

impl Plan {
    /// Whether the build leaves every article graph as it is.
    pub fn is_idle(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }

    /// The graphs to drop from a copy of the live generation: the removed
    /// and changed articles (none in a full build, which starts empty).
    pub fn dropped(&self) -> impl Iterator<Item = &String> {
        let incremental = self.mode == Mode::Incremental;
        self.removed
            .iter()
            .chain(&self.changed)
            .filter(move |_| incremental)
    }

    /// Refuses removals beyond `limit`, and any removal at all when the
    /// corpus folder is empty (an unmounted disk looks exactly like that)
    /// unless every removal is allowed.
    pub fn check_removals(&self, limit: RemovalLimit) -> Result<(), RemovalsRefused> {
        let removed = self.removed.len();
        let within = match limit {
            _ if removed == 0 => true,
            RemovalLimit::Unlimited => true,
            _ if self.corpus_empty => false,
            RemovalLimit::Count(n) => removed <= n,
            RemovalLimit::Percent(p) => removed as f64 <= p / 100.0 * self.live as f64,
        };
        if within {
            return Ok(());
        }
        Err(RemovalsRefused {
            removed,
            live: self.live,
            limit,
            corpus_empty: self.corpus_empty,
            examples: self.removed.iter().take(EXAMPLES).cloned().collect(),
        })
    }
}

/// How many removed names a refusal shows.
const EXAMPLES: usize = 5;

/// Decides what a build does from the live manifest (if any) and what
/// reading found, file by file in corpus order.
pub fn plan(mode: Mode, live: Option<&Manifest>, found: &[(String, Seen)]) -> Plan {
    let empty = BTreeMap::new();
    let old = live.map_or(&empty, |m| &m.articles);
    let mut plan = Plan {
        mode,
        added: Vec::new(),
        changed: Vec::new(),
        unchanged: Vec::new(),
        removed: Vec::new(),
        live: old.len(),
        corpus_empty: found.is_empty(),
    };
    let mut readable = BTreeSet::new();
    for (name, seen) in found {
        let list = match (mode, seen, old.get(name)) {
            (_, Seen::Unreadable, _) => continue,
            (Mode::Full, _, _) | (Mode::Incremental, _, None) => &mut plan.added,
            (Mode::Incremental, Seen::Read(hash), Some(known)) if hash != known => {
                &mut plan.changed
            }
            (Mode::Incremental, _, Some(_)) => &mut plan.unchanged,
        };
        list.push(name.clone());
        readable.insert(name.as_str());
    }
    plan.removed = old
        .keys()
        .filter(|name| !readable.contains(name.as_str()))
        .cloned()
        .collect();
    plan
}

/// How many of the live articles one build may remove.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RemovalLimit {
    /// At most this many.
    Count(usize),
    /// At most this share of the live articles, in percent.
    Percent(f64),
    /// Any number, even all (`--allow-removals`).
    Unlimited,
}

impl Default for RemovalLimit {
    /// Half the live articles: a mistake removes far more, a day's
    /// retractions far fewer.
    fn default() -> Self {
        RemovalLimit::Percent(50.0)
    }
}

impl fmt::Display for RemovalLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RemovalLimit::Count(n) => write!(f, "{n} articles"),
            RemovalLimit::Percent(p) => write!(f, "{p}% of the articles"),
            RemovalLimit::Unlimited => write!(f, "no limit"),
        }
    }
}

impl std::str::FromStr for RemovalLimit {
    type Err = String;

    /// `N` (a count) or `P%` (a share of the live articles, 0 to 100).
    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if let Some(p) = text.strip_suffix('%') {
            return match p.trim().parse::<f64>() {
                Ok(p) if (0.0..=100.0).contains(&p) => Ok(RemovalLimit::Percent(p)),
                _ => Err(format!("{text}: a share must be 0% to 100%")),
            };
        }
        text.parse().map(RemovalLimit::Count).map_err(|_| {
            format!("{text}: give a number of articles (e.g. 20) or a share (e.g. 10%)")
        })
    }
}

/// A build stopped before touching the store because it would remove more
/// articles than allowed.
#[derive(Debug, Error, PartialEq)]
pub struct RemovalsRefused {
    pub removed: usize,
    pub live: usize,
    pub limit: RemovalLimit,
    pub corpus_empty: bool,
    /// The first few of the removed names.
    pub examples: Vec<String>,
}

impl fmt::Display for RemovalsRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "this build would remove {} of the {} articles in the store (",
            self.removed, self.live
        )?;
        let more = self.removed.saturating_sub(self.examples.len());
        write!(f, "{}", self.examples.join(", "))?;
        if more > 0 {
            write!(f, " and {more} more")?;
        }
        if self.corpus_empty {
            write!(
                f,
                "): the corpus folder holds no *.txt file (is its disk mounted?). \
                 If the store should really be emptied, run again with --allow-removals"
            )
        } else {
            write!(
                f,
                "), more than the limit of {}. If these articles are really gone, \
                 run again with --allow-removals or --max-removals {}",
                self.limit, self.removed
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(articles: &[(&str, &str)]) -> Manifest {
        Manifest {
            extractor: "x".into(),
            articles: articles
                .iter()
                .map(|(n, h)| (n.to_string(), h.to_string()))
                .collect(),
            ..Manifest::default()
        }
    }

    fn read(name: &str, hash: &str) -> (String, Seen) {
        (name.to_owned(), Seen::Read(hash.to_owned()))
    }

    fn names(list: &[String]) -> Vec<&str> {
        list.iter().map(String::as_str).collect()
    }

    #[test]
    fn the_mode_follows_the_extractor_and_the_flag() {
        let live = manifest(&[]);
        assert_eq!(Mode::choose(Some(&live), "x", false), Mode::Incremental);
        assert_eq!(Mode::choose(Some(&live), "x", true), Mode::Full);
        assert_eq!(Mode::choose(Some(&live), "y", false), Mode::Full);
        assert_eq!(Mode::choose(None, "x", false), Mode::Full);
    }

    #[test]
    fn an_incremental_plan_sorts_every_file() {
        let live = manifest(&[("a", "1"), ("b", "2"), ("c", "3"), ("d", "4"), ("e", "5")]);
        let found = [
            read("a", "1"),
            read("b", "changed"),
            ("c".to_owned(), Seen::Untouched),
            ("d".to_owned(), Seen::Unreadable),
            read("new", "9"),
        ];
        let p = plan(Mode::Incremental, Some(&live), &found);
        assert_eq!(names(&p.added), ["new"]);
        assert_eq!(names(&p.changed), ["b"]);
        assert_eq!(names(&p.unchanged), ["a", "c"]);
        assert_eq!(names(&p.removed), ["d", "e"], "gone or no longer readable");
        let dropped: Vec<&String> = p.dropped().collect();
        assert_eq!(dropped, ["d", "e", "b"]);
        assert_eq!(p.live, 5);
    }

    #[test]
    fn a_full_plan_adds_every_readable_file_and_still_counts_removals() {
        let live = manifest(&[("a", "1"), ("gone", "2")]);
        let found = [read("a", "1"), ("bad".to_owned(), Seen::Unreadable)];
        let p = plan(Mode::Full, Some(&live), &found);
        assert_eq!(names(&p.added), ["a"]);
        assert!(p.changed.is_empty() && p.unchanged.is_empty());
        assert_eq!(names(&p.removed), ["gone"]);
        assert_eq!(p.dropped().count(), 0, "a full build starts empty");
    }

    #[test]
    fn an_empty_corpus_is_refused_unless_every_removal_is_allowed() {
        let live = manifest(&[("a", "1"), ("b", "2"), ("c", "3")]);
        let p = plan(Mode::Incremental, Some(&live), &[]);
        assert!(p.corpus_empty);
        for limit in [
            RemovalLimit::default(),
            RemovalLimit::Count(100),
            RemovalLimit::Percent(100.0),
        ] {
            let refused = p.check_removals(limit).unwrap_err();
            assert_eq!((refused.removed, refused.live), (3, 3));
            assert!(refused.to_string().contains("--allow-removals"));
        }
        assert!(p.check_removals(RemovalLimit::Unlimited).is_ok());
        // Nothing live, nothing to remove: an empty store may stay empty.
        assert!(plan(Mode::Full, None, &[])
            .check_removals(RemovalLimit::default())
            .is_ok());
    }

    #[test]
    fn removals_are_checked_against_the_limit() {
        let live = manifest(&[("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")]);
        let keep = |n: usize| -> Vec<(String, Seen)> {
            ["a", "b", "c", "d"][..n]
                .iter()
                .map(|name| read(name, "1"))
                .collect()
        };
        let half = plan(Mode::Incremental, Some(&live), &keep(2));
        assert!(half.check_removals(RemovalLimit::default()).is_ok());
        let most = plan(Mode::Incremental, Some(&live), &keep(1));
        let refused = most.check_removals(RemovalLimit::default()).unwrap_err();
        assert_eq!(refused.examples, ["b", "c", "d"]);
        assert!(refused.to_string().contains("--max-removals 3"));
        assert!(most.check_removals(RemovalLimit::Count(3)).is_ok());
        assert!(most.check_removals(RemovalLimit::Count(2)).is_err());
        assert!(most.check_removals(RemovalLimit::Percent(75.0)).is_ok());
        assert!(most.check_removals(RemovalLimit::Unlimited).is_ok());
    }

    #[test]
    fn a_refusal_names_a_few_files_and_counts_the_rest() {
        let live = manifest(&[]);
        let mut p = plan(Mode::Incremental, Some(&live), &[]);
        p.removed = (0..12).map(|i| format!("f{i:02}.txt")).collect();
        p.live = 12;
        p.corpus_empty = false;
        let text = p
            .check_removals(RemovalLimit::default())
            .unwrap_err()
            .to_string();
        assert!(
            text.contains("f00.txt, f01.txt, f02.txt, f03.txt, f04.txt and 7 more"),
            "{text}"
        );
    }

    #[test]
    fn limits_parse_from_the_command_line() {
        assert_eq!("20".parse(), Ok(RemovalLimit::Count(20)));
        assert_eq!("10%".parse(), Ok(RemovalLimit::Percent(10.0)));
        assert_eq!("12.5 %".parse(), Ok(RemovalLimit::Percent(12.5)));
        assert!("150%".parse::<RemovalLimit>().is_err());
        assert!("many".parse::<RemovalLimit>().is_err());
        assert!("-1".parse::<RemovalLimit>().is_err());
    }
}
