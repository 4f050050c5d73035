//! Word segmentation and part-of-speech tags from `jieba-rs`, with the
//! domain words of the lexicons added as a user dictionary so that post
//! titles and organ names come out as whole words.

use crate::lexicon::lexicon;
use jieba_rs::Jieba;
use std::borrow::Cow;
use std::sync::OnceLock;

/// A tagged word with `char` offsets local to the segmented text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    tag: Cow<'static, str>,
}

impl Word {
    /// jieba's part-of-speech tag.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// jieba's person-name tags.
    pub fn is_person_tag(&self) -> bool {
        matches!(self.tag(), "nr" | "nrfg")
    }
}

/// The tags of jieba's part-of-speech model (its `posseg.txt`, which has
/// every tag of its dictionary) and `eng`, sorted: a word's tag is one of
/// these, borrowed, rather than a string allocated for each of the
/// millions of words a build tags.
const KNOWN_TAGS: [&str; 65] = [
    "a", "ad", "ag", "an", "b", "bg", "c", "d", "df", "dg", "e", "en", "eng", "f", "g", "h", "i",
    "in", "j", "jn", "k", "l", "ln", "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt",
    "nz", "o", "p", "q", "qe", "qg", "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud", "ug", "uj",
    "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "w", "x", "y", "yg", "z", "zg",
];

/// [`KNOWN_TAGS`] as [`tag_key`]s, in the same (sorted) order.
const KNOWN_TAG_KEYS: [u32; KNOWN_TAGS.len()] = {
    let mut keys = [0; KNOWN_TAGS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = tag_key(KNOWN_TAGS[i]);
        i += 1;
    }
    keys
};

/// A tag of up to four bytes as one number, zero-padded so that numbers
/// sort as the tags do: a tag is found with integer comparisons, not a
/// string comparison each (this runs for every word of a build).
const fn tag_key(tag: &str) -> u32 {
    let bytes = tag.as_bytes();
    let mut key = 0;
    let mut i = 0;
    while i < 4 {
        key <<= 8;
        if i < bytes.len() {
            key |= bytes[i] as u32;
        }
        i += 1;
    }
    key
}

fn intern(tag: &str) -> Cow<'static, str> {
    let known = (tag.len() <= 4)
        .then(|| KNOWN_TAG_KEYS.binary_search(&tag_key(tag)).ok())
        .flatten();
    match known {
        Some(i) => Cow::Borrowed(KNOWN_TAGS[i]),
        None => Cow::Owned(tag.to_owned()),
    }
}

/// Tags of nouns and names: the words a place or organization name is made
/// of (地名 ns, 人名 nr, 其他专名 nz, 机构 nt, 简称 j, unknown x …).
pub fn is_nominal_tag(tag: &str) -> bool {
    matches!(
        tag,
        "ns" | "nr" | "nrfg" | "nrt" | "nz" | "n" | "j" | "x" | "nt" | "ng" | "s" | "zg"
    )
}

/// Frequency given to domain words: high enough to win over splits.
const DOMAIN_FREQ: usize = 20_000;

pub fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(|| {
        let mut jieba = Jieba::new();
        let lex = lexicon();
        for word in lex.roles.iter().chain(&lex.role_modifiers) {
            jieba.add_word(word, Some(DOMAIN_FREQ), Some("n"));
        }
        for word in &lex.org_heads {
            jieba.add_word(word, Some(DOMAIN_FREQ), Some("n"));
        }
        for word in ["社区", "街道", "小区", "嘎查", "苏木"] {
            jieba.add_word(word, Some(DOMAIN_FREQ), Some("n"));
        }
        jieba
    })
}

/// Tags `text` (one sentence) into words.
pub fn tag(text: &str) -> Vec<Word> {
    let tags = jieba().tag(text, true);
    let mut words = Vec::with_capacity(tags.len());
    for t in tags {
        if let Some((function, level)) = glued_before_level(t.word) {
            words.push(Word {
                start: t.start,
                end: t.start + 1,
                tag: Cow::Borrowed(function),
            });
            words.push(Word {
                start: t.start + 1,
                end: t.end,
                tag: Cow::Borrowed(level),
            });
            continue;
        }
        let after_name = words.last().is_some_and(|w: &Word| w.tag() == "nr");
        if let Some(cut) = glued_to_post_verb(t.word, t.tag, after_name) {
            let (first, second) = if cut.verb_first {
                ("v", "n")
            } else {
                ("nr", "v")
            };
            words.push(Word {
                start: t.start,
                end: t.start + cut.at,
                tag: Cow::Borrowed(first),
            });
            words.push(Word {
                start: t.start + cut.at,
                end: t.end,
                tag: Cow::Borrowed(second),
            });
            continue;
        }
        words.push(Word {
            start: t.start,
            end: t.end,
            tag: intern(t.tag),
        });
    }
    words
}

/// Where a word jieba's HMM read as a new name is cut: a post verb glued
/// to it (王丽系|青山社区…, 王丽|曾任青|山村…).
struct Cut {
    /// In chars from the word's start.
    at: usize,
    verb_first: bool,
}

/// Verbs of posts jieba glues to a name: one char after it (王丽系, 张华是,
/// 李明任; none is a given name's char in `given_name_chars.txt`), or two
/// before the next word's first char (曾任青).
pub(super) const GLUED_AFTER_NAME: &[char] = &['系', '是', '任'];
const GLUED_BEFORE: &[&str] = &["曾任", "现任", "担任", "出任", "兼任", "时任", "原任"];

/// `after_name`: the word before is a name too (王丽|曾任青: jieba's
/// dictionary holds 曾任青 as a name, but not right after another).
fn glued_to_post_verb(word: &str, tag: &str, after_name: bool) -> Option<Cut> {
    let chars: Vec<char> = word.chars().collect();
    // The HMM tags some such words a place (郑河任/ns|村委会主任).
    let place_tag = tag == "ns";
    if !(tag == "nr" || place_tag) || !(3..=4).contains(&chars.len()) {
        return None;
    }
    let known = jieba().has_word(word);
    let last = chars.len() - 1;
    if !known && GLUED_AFTER_NAME.contains(&chars[last]) {
        return Some(Cut {
            at: last,
            verb_first: false,
        });
    }
    if chars.len() != 3 || place_tag {
        return None;
    }
    let verb_first = (after_name || !known) && GLUED_BEFORE.iter().any(|v| word.starts_with(v));
    if verb_first {
        return Some(Cut {
            at: 2,
            verb_first: true,
        });
    }
    // Right after a name, a one-char post verb opens the next word (郑磊秀|
    // 任红江|镇党委: 任 红江镇).
    (after_name && GLUED_AFTER_NAME.contains(&chars[0])).then_some(Cut {
        at: 1,
        verb_first: true,
    })
}

/// Prepositions and conjunctions jieba glues to the bare level word after
/// them (记者从省|民政厅获悉 as 从省, 县委组织部和县|民政局 as the county 和县),
/// with their tags: cut apart, the level word starts the organ of the
/// level in focus.
const GLUED_BEFORE_LEVEL: &[(char, &str)] = &[
    ('从', "p"),
    ('在', "p"),
    ('向', "p"),
    ('到', "v"),
    ('对', "p"),
    ('由', "p"),
    ('赴', "v"),
    ('和', "c"),
    ('与', "c"),
    ('及', "c"),
];

/// The tags of the two halves of `word` if it is such a glued pair.
fn glued_before_level(word: &str) -> Option<(&'static str, &'static str)> {
    let mut chars = word.chars();
    let (first, level, None) = (chars.next()?, chars.next()?, chars.next()) else {
        return None;
    };
    let &(_, tag) = GLUED_BEFORE_LEVEL.iter().find(|(c, _)| *c == first)?;
    let is_level = super::LEVEL_WORDS
        .iter()
        .any(|(word, _)| word.chars().eq([level]));
    is_level.then_some((tag, "n"))
}

/// Is `word` a dictionary word that jieba does not tag as a name?
pub fn is_common_word(word: &str) -> bool {
    dictionary_tag(word).is_some_and(|t| !matches!(&*t, "nr" | "nrfg" | "nrt" | "ns"))
}

/// Below this count in jieba's dictionary a word is rare: many such
/// two-char words are given names the dictionary's corpus held (何新 6,
/// 付强 5, 单军 3), not words a sentence uses (干部 9717, 马上 2306).
const RARE_WORD_FREQ: usize = 30;

/// Is `word` a dictionary word, not a name, and one in common use?
pub fn is_frequent_word(word: &str) -> bool {
    is_common_word(word) && is_frequent_entry(word)
}

/// Is `word` an entry jieba's dictionary counts often, whatever its tag
/// (文明, 杨树, 韩国 are tagged as names or places there)? Rare entries
/// are mostly names its corpus held.
pub fn is_frequent_entry(word: &str) -> bool {
    // For a dictionary word, jieba's suggested frequency is its own count
    // plus one.
    jieba().has_word(word) && jieba().suggest_freq(word) > RARE_WORD_FREQ
}

/// The part-of-speech tag of a dictionary word.
pub fn dictionary_tag(word: &str) -> Option<Cow<'static, str>> {
    let jieba = jieba();
    if !jieba.has_word(word) {
        return None;
    }
    match jieba.tag(word, false).as_slice() {
        [only] => Some(intern(only.tag)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_verb_glued_to_a_name_is_cut_off() {
        let read = |s: &str| {
            let chars: Vec<char> = s.chars().collect();
            tag(s)
                .iter()
                .map(|w| chars[w.start..w.end].iter().collect::<String>())
                .collect::<Vec<_>>()
        };
        assert_eq!(read("王丽系青山社区党委书记")[..2], ["王丽", "系"]);
        assert_eq!(read("王丽曾任青山村党支部书记")[..2], ["王丽", "曾任"]);
        assert_eq!(
            read("郑磊秀任红江镇党委书记")[..3],
            ["郑磊秀", "任", "红江"]
        );
        assert_eq!(read("刘平伟任共和乡党委书记")[..2], ["刘平伟", "任"]);
        assert_eq!(
            read("沃溪村召开会议,郑河任村委会主任")[4..6],
            ["郑河", "任"]
        );
    }

    #[test]
    fn known_tags_are_sorted_and_cover_the_dictionary() {
        assert!(KNOWN_TAGS.windows(2).all(|w| w[0] < w[1]));
        assert!(KNOWN_TAG_KEYS.windows(2).all(|w| w[0] < w[1]));
        assert!(KNOWN_TAGS.iter().all(|t| intern(t) == *t));
        assert!(matches!(intern("nrfgx"), Cow::Owned(_)));
        assert!(matches!(intern("zz"), Cow::Owned(_)));
        for w in tag("社区党委书记王光宇带领志愿者走访了３０户居民，eng和2024年")
        {
            assert!(matches!(w.tag, Cow::Borrowed(_)), "{w:?}");
        }
    }

    #[test]
    fn domain_words_stay_whole() {
        let words = tag("基层治理督导员李忠仁");
        assert!(
            words.iter().any(|w| w.start == 4 && w.end == 7),
            "{words:?}"
        );
    }

    #[test]
    fn a_preposition_or_conjunction_glued_to_a_level_word_is_cut_off() {
        let words = tag("记者从省民政厅获悉");
        assert!(
            words.iter().any(|w| w.start == 3 && w.end == 4),
            "{words:?}"
        );
        assert_eq!(glued_before_level("和县"), Some(("c", "n")));
        assert_eq!(glued_before_level("和谐"), None);
    }

    #[test]
    fn common_words_are_known() {
        assert!(is_common_word("强调"));
        assert!(!is_common_word("王光宇"));
    }
}
