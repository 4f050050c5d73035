//! Domain lexicons: surnames, area suffixes, post titles, organization and
//! initiative heads, generic words, and the official division codes.
//!
//! The lists are data files under `data/` (each says where it comes from),
//! embedded at compile time; this module only parses and indexes them. It
//! knows nothing of any article.

pub mod divisions;
mod words;

pub use words::WordList;

use crate::model::AreaKind;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

const SURNAMES: &str = include_str!("../../data/lexicon/surnames.txt");
const AREA_SUFFIXES: &str = include_str!("../../data/lexicon/area_suffixes.tsv");
const ROLES: &str = include_str!("../../data/lexicon/roles.txt");
const ROLE_MODIFIERS: &str = include_str!("../../data/lexicon/role_modifiers.txt");
const ORG_HEADS: &str = include_str!("../../data/lexicon/org_heads.txt");
const INITIATIVE_HEADS: &str = include_str!("../../data/lexicon/initiative_heads.txt");
const GENERIC_STEMS: &str = include_str!("../../data/lexicon/generic_stems.txt");
const NOT_INITIATIVES: &str = include_str!("../../data/lexicon/not_initiatives.txt");
const SELF_HEADS: &str = include_str!("../../data/lexicon/self_heads.txt");
const STANDALONE_ORGS: &str = include_str!("../../data/lexicon/standalone_orgs.txt");
const ORG_NAME_VERBS: &str = include_str!("../../data/lexicon/org_name_verbs.txt");
const ORGANIZER_VERBS: &str = include_str!("../../data/lexicon/organizer_verbs.txt");
const PARTICIPANT_VERBS: &str = include_str!("../../data/lexicon/participant_verbs.txt");
const TIBETAN_NAME_ELEMENTS: &str = include_str!("../../data/lexicon/tibetan_name_elements.txt");
const TRANSLITERATION_CHARS: &str = include_str!("../../data/lexicon/transliteration_chars.txt");
const PERSON_CUES: &str = include_str!("../../data/lexicon/person_cues.txt");
const GIVEN_NAME_CHARS: &str = include_str!("../../data/lexicon/given_name_chars.txt");

/// The non-empty, non-comment lines of a data file, trimmed.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// An area suffix: 街道 gives a `Subdistrict` whose name stem is at most
/// `max_stem` characters long.
#[derive(Debug, Clone)]
pub struct AreaSuffix {
    pub suffix: String,
    pub kind: AreaKind,
    pub max_stem: usize,
}

/// Every lexicon, parsed once.
#[derive(Debug)]
pub struct Lexicon {
    /// Surname → frequency rank (0 is the most frequent).
    pub surnames: FxHashMap<String, usize>,
    /// Longest suffix first.
    pub area_suffixes: Vec<AreaSuffix>,
    /// The first chars of the area suffixes: where one may start is tested
    /// at every char, so most places are ruled out by one lookup.
    pub area_suffix_starts: FxHashSet<char>,
    /// Longest title first.
    pub roles: WordList,
    pub role_modifiers: WordList,
    /// Longest head first.
    pub org_heads: WordList,
    pub initiative_heads: WordList,
    pub generic_stems: FxHashSet<String>,
    /// Quoted terms that are not programs (两委, 一老一小).
    pub not_initiatives: FxHashSet<String>,
    /// Endings that make a quoted phrase a program by itself (…制, …课堂).
    pub self_heads: Vec<String>,
    /// National bodies named without an area, longest first.
    pub standalone_orgs: WordList,
    /// Verbs that occur inside organization names (执法, 孵化).
    pub org_name_verbs: FxHashSet<String>,
    /// Verbs of launching or running a program (开展, 推行), longest first.
    pub organizer_verbs: WordList,
    /// Verbs of taking part in one (参与, 带领), longest first.
    pub participant_verbs: WordList,
    /// Elements of Tibetan names (次仁, 央宗): a name is one or two of them.
    pub tibetan_name_elements: WordList,
    /// Characters of transliterated names written with a middle dot.
    pub transliteration_chars: FxHashSet<char>,
    /// Words after which a name follows, besides post titles (记者, 居民).
    pub person_cues: WordList,
    /// Characters common in given names (亮, 振): one jieba cuts off as a
    /// verb may still end a name.
    pub given_name_chars: FxHashSet<char>,
    /// Characters of names without a Chinese surname: the transliteration
    /// characters and those of the Tibetan name elements.
    pub surnameless_name_chars: FxHashSet<char>,
}

/// The parsed lexicons.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let area_suffixes = parse_area_suffixes();
        let area_suffix_starts = area_suffixes
            .iter()
            .filter_map(|s| s.suffix.chars().next())
            .collect();
        Lexicon {
            surnames: data_lines(SURNAMES)
                .flat_map(str::split_whitespace)
                .enumerate()
                .map(|(rank, s)| (s.to_owned(), rank))
                .collect(),
            area_suffixes,
            area_suffix_starts,
            roles: longest_first(ROLES),
            role_modifiers: longest_first(ROLE_MODIFIERS),
            org_heads: longest_first(ORG_HEADS),
            initiative_heads: longest_first(INITIATIVE_HEADS),
            generic_stems: word_set(GENERIC_STEMS),
            not_initiatives: word_set(NOT_INITIATIVES),
            self_heads: data_lines(SELF_HEADS).map(str::to_owned).collect(),
            standalone_orgs: longest_first(STANDALONE_ORGS),
            org_name_verbs: word_set(ORG_NAME_VERBS),
            organizer_verbs: longest_first(ORGANIZER_VERBS),
            participant_verbs: longest_first(PARTICIPANT_VERBS),
            tibetan_name_elements: longest_first(TIBETAN_NAME_ELEMENTS),
            transliteration_chars: chars_of(TRANSLITERATION_CHARS).collect(),
            surnameless_name_chars: chars_of(TRANSLITERATION_CHARS)
                .chain(data_lines(TIBETAN_NAME_ELEMENTS).flat_map(str::chars))
                .filter(|c| !c.is_whitespace())
                .collect(),
            person_cues: longest_first(PERSON_CUES),
            given_name_chars: chars_of(GIVEN_NAME_CHARS).collect(),
        }
    })
}

/// The characters of a data file that lists characters.
fn chars_of(text: &str) -> impl Iterator<Item = char> + '_ {
    data_lines(text)
        .flat_map(str::split_whitespace)
        .filter_map(|w| w.chars().next())
}

/// The words of a data file, several to a line or one.
fn word_set(text: &str) -> FxHashSet<String> {
    data_lines(text)
        .flat_map(str::split_whitespace)
        .map(str::to_owned)
        .collect()
}

fn longest_first(text: &str) -> WordList {
    let mut words: Vec<String> = data_lines(text)
        .flat_map(str::split_whitespace)
        .map(str::to_owned)
        .collect();
    words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    words.dedup();
    WordList::new(words)
}

fn parse_area_suffixes() -> Vec<AreaSuffix> {
    let mut suffixes: Vec<AreaSuffix> = data_lines(AREA_SUFFIXES)
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let suffix = fields.next()?.to_owned();
            let kind = parse_kind(fields.next()?)?;
            let max_stem = fields.next()?.parse().ok()?;
            Some(AreaSuffix {
                suffix,
                kind,
                max_stem,
            })
        })
        .collect();
    suffixes.sort_by_key(|s| std::cmp::Reverse(s.suffix.chars().count()));
    suffixes
}

/// Parses an `AreaKind` by its English name.
pub fn parse_kind(name: &str) -> Option<AreaKind> {
    use AreaKind::*;
    [
        Province,
        City,
        District,
        County,
        Banner,
        Subdistrict,
        Town,
        Township,
        Community,
        Village,
        ResidentialCompound,
    ]
    .into_iter()
    .find(|k| k.name() == name)
}

impl Lexicon {
    /// The surname `name` starts with (compound surnames first), if any.
    pub fn surname_of<'a>(&self, name: &'a str) -> Option<&'a str> {
        let two: String = name.chars().take(2).collect();
        if name.chars().count() >= 3 && self.surnames.contains_key(&two) {
            return name.get(..two.len());
        }
        let first = name.chars().next()?;
        let one = &name[..first.len_utf8()];
        self.surnames.contains_key(one).then_some(one)
    }

    /// The kind given by the area suffix `name` ends with, and that suffix.
    pub fn area_suffix_of(&self, name: &str) -> Option<&AreaSuffix> {
        self.area_suffixes
            .iter()
            .find(|s| name.ends_with(&s.suffix) && name.len() > s.suffix.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_single_and_compound() {
        let lex = lexicon();
        assert_eq!(lex.surname_of("王光宇"), Some("王"));
        assert_eq!(lex.surname_of("欧阳修"), Some("欧阳"));
        assert_eq!(lex.surname_of("的确"), None);
    }

    #[test]
    fn area_suffixes_prefer_the_longest() {
        let lex = lexicon();
        let s = lex.area_suffix_of("桓仁满族自治县").unwrap();
        assert_eq!((s.suffix.as_str(), s.kind), ("自治县", AreaKind::County));
        assert_eq!(
            lex.area_suffix_of("松泉社区").unwrap().kind,
            AreaKind::Community
        );
        assert_eq!(
            lex.area_suffix_of("枫香雅郡小区").unwrap().kind,
            AreaKind::ResidentialCompound
        );
    }

    #[test]
    fn lists_are_sorted_longest_first() {
        let lex = lexicon();
        assert!(lex
            .roles
            .windows(2)
            .all(|w| w[0].chars().count() >= w[1].chars().count()));
        assert!(lex.roles.iter().any(|r| r == "第一书记"));
    }
}
