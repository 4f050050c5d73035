//! Traditional → simplified Chinese conversion, char-offset preserving.
//!
//! This module's job is to turn traditional-script article text (e.g.
//! `沈陽市大東區機關幹部`) into the simplified script the rest of the pipeline
//! (segmentation, lexicons, entity linking) is built for (`沈阳市大东区机关干部`),
//! following OpenCC's `t2s` conversion: longest phrase match from
//! `TSPhrases` first, else the single-character table `TSCharacters`, always
//! taking the first candidate.
//!
//! What it must not do: no I/O (the tables are compiled into the binary with
//! `include_str!`), no panics on any input, and no change of offsets: the
//! output has exactly as many `char`s as the input, and output char `i` is
//! the conversion of input char `i`. The pipeline keeps an offset map by char
//! index from normalised text back to the source, so a conversion that
//! merged or split characters would silently corrupt every span after it.
//! That is why every table entry whose source and (first) target differ in
//! char count is dropped, both by `scripts/update_opencc.py` and again when
//! the tables are loaded here. Text that needs no change comes back as
//! [`Cow::Borrowed`].
//!
//! Tables: `data/opencc/TSCharacters.txt` and `data/opencc/TSPhrases.txt`,
//! decompiled from the dictionaries of OpenCC 1.1.9 (the PyPI `opencc`
//! wheel), Copyright 2010-2020 Carbo Kuo and the OpenCC contributors,
//! Apache-2.0; see `data/opencc/SOURCE.md` and `data/opencc/LICENSE`.
//! OpenCC's `t2s.json` chains exactly these two tables (phrases first).
//!
//! Design, for speed (hundreds of MB/s on one core): one scan over the text
//! ([`super::find_char`], which reads CJK without decoding it) tests each
//! char against a bitset of "trigger" code points (sources of a
//! non-identity char mapping, or first chars of a phrase that matters);
//! text without triggers is returned borrowed after that scan. Char mappings
//! are looked up in a rank-indexed bitset (O(1), no hashing). The phrase
//! automaton (Aho-Corasick, leftmost-longest, anchored) holds only the
//! phrases whose conversion differs from char-by-char conversion, plus the
//! char-by-char-equivalent phrases that must stay to keep OpenCC's greedy
//! segmentation (see `Tables::build`); it is run only at trigger chars
//! that can start such a phrase and are followed by a char that can come
//! second in one (a hashed bitset of pairs), since common chars such as 一
//! start phrases. Once a text shows itself traditional (its first chars to
//! change come close together), the rest is converted char by char through
//! a table of every 3-byte char's conversion, a load per char, since a
//! scan that stops at every third char costs more than that.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use super::{code_of_3, find_char};

/// OpenCC `TSCharacters` (single traditional char → simplified candidates).
const TS_CHARACTERS: &str = include_str!("../../data/opencc/TSCharacters.txt");
/// OpenCC `TSPhrases` (multi-char words whose conversion is not char-wise).
const TS_PHRASES: &str = include_str!("../../data/opencc/TSPhrases.txt");

/// Converts traditional Chinese in `text` to simplified Chinese, following
/// OpenCC's `t2s` tables (phrases first, leftmost-longest; first candidate).
///
/// The result has exactly as many `char`s as `text`, char `i` of the result
/// being the conversion of char `i` of `text`. Returns [`Cow::Borrowed`] when
/// nothing changes (e.g. text that is already simplified, ASCII, emoji, or
/// traditional words that OpenCC keeps such as `乾隆`). Example:
/// `沈陽市大東區` → `沈阳市大东区`; `乾淨` → `干净` but `乾隆` unchanged.
pub fn to_simplified(text: &str) -> Cow<'_, str> {
    tables().convert(text)
}

/// Is `c` a char simplified text writes too, though OpenCC turns it into
/// another (乾 → 干, 於 → 于): the table lists `c` itself among its
/// candidates. In simplified text such a char is meant (金奉乾, 於姓).
pub fn is_both_scripts(c: char) -> bool {
    static BOTH: OnceLock<CharSet> = OnceLock::new();
    BOTH.get_or_init(|| {
        let mut set = CharSet::default();
        let own_candidate = entries(TS_CHARACTERS)
            .filter(|(source, candidates)| candidates.split(' ').skip(1).any(|k| k == *source));
        for (source, _) in own_candidate {
            let mut chars = source.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                set.insert(c);
            }
        }
        set
    })
    .contains(c)
}

/// Sizes of the loaded tables, for logging and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableStats {
    /// Single-char mappings used (source differs from its first candidate).
    pub char_mappings: usize,
    /// `TSCharacters` entries whose first candidate is the char itself
    /// (e.g. `藉`, `瞭`): they never change anything and are not stored.
    pub char_identities: usize,
    /// Phrases in the automaton whose conversion differs from char-by-char.
    pub phrases_differing: usize,
    /// Char-by-char-equivalent phrases kept so that greedy matching agrees
    /// with OpenCC's (they shadow a differing phrase that overlaps them).
    pub phrases_kept_for_segmentation: usize,
    /// Char-by-char-equivalent phrases dropped as redundant.
    pub phrases_redundant: usize,
    /// Entries (chars + phrases) dropped because source and first candidate
    /// differ in char count.
    pub dropped_length_mismatch: usize,
}

/// Returns the sizes of the embedded tables (building them if needed).
pub fn table_stats() -> TableStats {
    tables().stats
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(Tables::build)
}

/// A set of code points as a bitset, one bit per scalar value up to the
/// largest member.
#[derive(Default)]
struct CharSet {
    words: Vec<u64>,
}

impl CharSet {
    fn insert(&mut self, c: char) {
        let cp = c as usize;
        let w = cp >> 6;
        if self.words.len() <= w {
            self.words.resize(w + 1, 0);
        }
        self.words[w] |= 1 << (cp & 63);
    }

    #[inline(always)]
    fn contains(&self, c: char) -> bool {
        let cp = c as usize;
        match self.words.get(cp >> 6) {
            Some(word) => (word >> (cp & 63)) & 1 == 1,
            None => false,
        }
    }

    fn union(&self, other: &CharSet) -> CharSet {
        let n = self.words.len().max(other.words.len());
        let get = |s: &CharSet, i: usize| s.words.get(i).copied().unwrap_or(0);
        CharSet {
            words: (0..n).map(|i| get(self, i) | get(other, i)).collect(),
        }
    }
}

/// char → char map stored as a bitset of sources plus, per 64-bit word, the
/// number of sources before it (rank), so a lookup is a bit test and a
/// popcount: no hashing, no search.
struct CharMap {
    sources: CharSet,
    rank: Vec<u32>,
    targets: Vec<char>,
}

impl CharMap {
    fn new(map: &BTreeMap<char, char>) -> CharMap {
        let mut sources = CharSet::default();
        for &c in map.keys() {
            sources.insert(c);
        }
        let mut rank = Vec::with_capacity(sources.words.len());
        let mut total = 0u32;
        for w in &sources.words {
            rank.push(total);
            total += w.count_ones();
        }
        // BTreeMap iterates in code-point order, which is the rank order.
        let targets = map.values().copied().collect();
        CharMap {
            sources,
            rank,
            targets,
        }
    }

    #[inline]
    fn get(&self, c: char) -> Option<char> {
        let cp = c as usize;
        let w = cp >> 6;
        let word = *self.sources.words.get(w)?;
        let bit = 1u64 << (cp & 63);
        if word & bit == 0 {
            return None;
        }
        let idx = self.rank[w] as usize + (word & (bit - 1)).count_ones() as usize;
        self.targets.get(idx).copied()
    }
}

/// Pairs of chars in a hashed bitset of `1 << PAIR_BITS` bits: a pair not
/// in it is surely absent, one in it may be present. Common chars start
/// phrases (一目瞭然, 有鑑於此), so checking the pair first saves most
/// automaton runs.
struct PairSet {
    words: Vec<u64>,
}

const PAIR_BITS: u32 = 16;

impl Default for PairSet {
    fn default() -> PairSet {
        PairSet {
            words: vec![0; 1 << (PAIR_BITS - 6)],
        }
    }
}

impl PairSet {
    fn insert(&mut self, a: char, b: char) {
        let bit = Self::bit(a, b);
        self.words[bit >> 6] |= 1 << (bit & 63);
    }

    #[inline(always)]
    fn bit(a: char, b: char) -> usize {
        let key = (u64::from(a) << 21) | u64::from(b);
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - PAIR_BITS)) as usize
    }

    #[inline(always)]
    fn may_contain(&self, a: char, b: char) -> bool {
        let bit = Self::bit(a, b);
        self.words
            .get(bit >> 6)
            .is_some_and(|word| (word >> (bit & 63)) & 1 == 1)
    }
}

/// The phrase automaton and the replacement of each pattern.
struct Phrases {
    automaton: AhoCorasick,
    replacements: Vec<String>,
}

struct Tables {
    /// Chars at which something may change: sources in `chars` or first
    /// chars of a phrase in `phrases`.
    trigger: CharSet,
    /// First chars of the phrases in `phrases`.
    phrase_start: CharSet,
    /// First two chars of the phrases in `phrases` (all have two or more).
    phrase_pairs: PairSet,
    chars: CharMap,
    /// The conversion of every 3-byte char that is not a phrase start and
    /// converts to a 3-byte char (itself, mostly), indexed by code point;
    /// 0 for the others. Traditional text is converted char by char
    /// through it, a load per char instead of a scan that stops at every
    /// third char.
    dense: Vec<u16>,
    phrases: Option<Phrases>,
    stats: TableStats,
}

/// Parses OpenCC's text dictionary format (`source<TAB>cand1 cand2 ...`)
/// into `(source, candidates)` pairs, skipping blank lines.
///
/// Panics on a line without a TAB: the input is our own embedded table,
/// checked by the unit tests, never user data.
fn entries(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table.lines().filter(|l| !l.trim().is_empty()).map(|line| {
        line.split_once('\t')
            .expect("embedded OpenCC table: every line is `source<TAB>candidates`")
    })
}

/// [`entries`] as `(source, first candidate)` pairs: what t2s converts to.
fn parse(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    entries(table).map(|(source, candidates)| {
        let first = candidates.split(' ').next().unwrap_or(candidates);
        (source, first)
    })
}

/// Whether dropping phrase `p` (char-by-char-equivalent) could change how
/// greedy longest-match segments text, given that phrase `q` is in the
/// automaton: `q` could match at an offset `k` inside a match of `p` (a
/// shorter `q` at the same start, or any `q` starting later inside `p` whose
/// overlapping part agrees with `p`).
fn shadows(p: &[char], q: &[char]) -> bool {
    (0..p.len()).any(|k| {
        if k == 0 && q.len() >= p.len() {
            return false; // a longer (or equal) q wins at this start anyway
        }
        let m = q.len().min(p.len() - k);
        q[..m] == p[k..k + m]
    })
}

impl Tables {
    /// Builds the tables from the embedded OpenCC dictionaries.
    ///
    /// Phrase pruning: a phrase whose conversion equals the char-by-char
    /// conversion (most of `TSPhrases`, e.g. `老態龍鍾`) is redundant, except
    /// that in OpenCC it also consumes its span, preventing another phrase
    /// from matching inside it. Such a phrase is kept if a phrase already in
    /// the automaton could match inside its span ([`shadows`]), repeated to a
    /// fixpoint, so the result equals OpenCC's greedy segmentation.
    fn build() -> Tables {
        let mut dropped = 0usize;
        let mut identities = 0usize;
        let mut char_map: BTreeMap<char, char> = BTreeMap::new();
        let mut phrase_list: Vec<(Vec<char>, &'static str)> = Vec::new();

        for (source, target) in parse(TS_CHARACTERS) {
            let s: Vec<char> = source.chars().collect();
            let t: Vec<char> = target.chars().collect();
            if s.len() != t.len() || s.is_empty() {
                dropped += 1;
            } else if s.len() > 1 {
                phrase_list.push((s, target));
            } else if s[0] == t[0] {
                identities += 1;
            } else {
                char_map.insert(s[0], t[0]);
            }
        }
        // `TSPhrases` comes first in OpenCC's dict group: it overrides.
        for (source, target) in parse(TS_PHRASES) {
            let s: Vec<char> = source.chars().collect();
            let t: Vec<char> = target.chars().collect();
            if s.len() != t.len() || s.is_empty() {
                dropped += 1;
            } else if s.len() == 1 {
                if s[0] == t[0] {
                    char_map.remove(&s[0]);
                } else {
                    char_map.insert(s[0], t[0]);
                }
            } else {
                phrase_list.push((s, target));
            }
        }

        let charwise = |s: &[char]| -> String {
            s.iter()
                .map(|c| char_map.get(c).copied().unwrap_or(*c))
                .collect()
        };
        let mut keep: Vec<bool> = phrase_list.iter().map(|(s, t)| charwise(s) != *t).collect();
        let differing = keep.iter().filter(|&&k| k).count();
        loop {
            let mut changed = false;
            for i in 0..phrase_list.len() {
                if keep[i] {
                    continue;
                }
                let p = &phrase_list[i].0;
                let shadowed = phrase_list
                    .iter()
                    .zip(&keep)
                    .any(|((q, _), &kept)| kept && shadows(p, q));
                if shadowed {
                    keep[i] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }

        let mut phrase_start = CharSet::default();
        let mut phrase_pairs = PairSet::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut replacements: Vec<String> = Vec::new();
        for ((s, t), _) in phrase_list.iter().zip(&keep).filter(|(_, &k)| k) {
            phrase_start.insert(s[0]);
            phrase_pairs.insert(s[0], s[1]);
            patterns.push(s.iter().collect());
            replacements.push((*t).to_owned());
        }
        let kept_total = patterns.len();
        let phrases = if patterns.is_empty() {
            None
        } else {
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(&patterns)
                .expect("embedded OpenCC phrases: automaton fits default limits");
            Some(Phrases {
                automaton,
                replacements,
            })
        };
        let chars = CharMap::new(&char_map);
        Tables {
            trigger: chars.sources.union(&phrase_start),
            dense: dense_table(&chars, &phrase_start),
            phrase_start,
            phrase_pairs,
            stats: TableStats {
                char_mappings: char_map.len(),
                char_identities: identities,
                phrases_differing: differing,
                phrases_kept_for_segmentation: kept_total - differing,
                phrases_redundant: phrase_list.len() - kept_total,
                dropped_length_mismatch: dropped,
            },
            chars,
            phrases,
        }
    }

    /// Longest phrase starting with `first` at byte `at`: `(end byte,
    /// replacement)`.
    #[inline]
    fn phrase_at(&self, text: &str, at: usize, first: char) -> Option<(usize, &str)> {
        let second = text[at + first.len_utf8()..].chars().next()?;
        if !self.phrase_pairs.may_contain(first, second) {
            return None;
        }
        let phrases = self.phrases.as_ref()?;
        let input = Input::new(text)
            .span(at..text.len())
            .anchored(Anchored::Yes);
        let m = phrases.automaton.find(input)?;
        let rep = phrases.replacements.get(m.pattern().as_usize())?;
        Some((m.end(), rep.as_str()))
    }

    fn convert<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut out: Option<String> = None;
        // Bytes of `text` before `copied` are already accounted for in `out`.
        let mut copied = 0usize;
        let mut from = 0usize;
        let mut triggers = 0usize;
        while let Some(found) = find_char(text, from, |c| self.trigger.contains(c)) {
            let (i, c) = (found.byte, found.c);
            triggers += 1;
            if triggers >= DENSE_AFTER && i < triggers * DENSE_GAP {
                let mut buf = out.unwrap_or_else(|| with_capacity_for(text));
                buf.push_str(&text[copied..i]);
                self.convert_each(text, i, &mut buf);
                return Cow::Owned(buf);
            }
            from = i + c.len_utf8();
            if self.phrase_start.contains(c) {
                if let Some((end, rep)) = self.phrase_at(text, i, c) {
                    if rep != &text[i..end] {
                        let buf = out.get_or_insert_with(|| with_capacity_for(text));
                        buf.push_str(&text[copied..i]);
                        buf.push_str(rep);
                        copied = end;
                    }
                    from = end;
                    continue;
                }
            }
            if let Some(s) = self.chars.get(c) {
                let buf = out.get_or_insert_with(|| with_capacity_for(text));
                buf.push_str(&text[copied..i]);
                buf.push(s);
                copied = from;
            }
        }
        match out {
            None => Cow::Borrowed(text),
            Some(mut buf) => {
                buf.push_str(&text[copied..]);
                Cow::Owned(buf)
            }
        }
    }

    /// Converts `text` from byte `from` on, char by char, into `out`: the
    /// same conversion as [`Tables::convert`], for text where most chars
    /// change or could.
    fn convert_each(&self, text: &str, from: usize, out: &mut String) {
        let bytes = text.as_bytes();
        let mut i = from;
        while i < bytes.len() {
            if let Some(c) = bytes.get(i..i + 3).and_then(|b| self.dense_at(b)) {
                out.push(c);
                i += 3;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                return;
            };
            if self.phrase_start.contains(c) {
                if let Some((end, rep)) = self.phrase_at(text, i, c) {
                    out.push_str(rep);
                    i = end;
                    continue;
                }
            }
            out.push(self.chars.get(c).unwrap_or(c));
            i += c.len_utf8();
        }
    }

    /// The conversion of the 3-byte char `bytes` starts with, when the
    /// dense table has it.
    #[inline(always)]
    fn dense_at(&self, bytes: &[u8]) -> Option<char> {
        let &[b0, b1, b2] = bytes else { return None };
        if b0 & 0xF0 != 0xE0 {
            return None;
        }
        let target = *self.dense.get(code_of_3(b0, b1, b2) as usize)?;
        if target == 0 {
            return None;
        }
        char::from_u32(u32::from(target))
    }
}

/// After this many chars to change (or look at), a text whose changes come
/// on average at least every `DENSE_GAP` bytes (8 CJK chars) is taken as
/// traditional and converted char by char ([`Tables::convert_each`]).
const DENSE_AFTER: usize = 16;
const DENSE_GAP: usize = 24;

/// [`Tables::dense`]: 3-byte chars that are no phrase start, mapped to
/// their 3-byte conversion (or themselves).
fn dense_table(chars: &CharMap, phrase_start: &CharSet) -> Vec<u16> {
    (0..=0xFFFFu32)
        .map(|code| {
            let Some(c) = char::from_u32(code).filter(|c| c.len_utf8() == 3) else {
                return 0;
            };
            if phrase_start.contains(c) {
                return 0;
            }
            let target = chars.get(c).unwrap_or(c);
            if target.len_utf8() == 3 {
                u16::try_from(u32::from(target)).unwrap_or(0)
            } else {
                0
            }
        })
        .collect()
}

/// Output capacity: a few simplified targets are 4-byte chars (Ext. B+)
/// where the source was 3 bytes, so leave a little headroom.
fn with_capacity_for(text: &str) -> String {
    String::with_capacity(text.len() + text.len() / 16 + 8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn converts_like_opencc_t2s() {
        let cases: &[(&str, &str)] = &[
            ("沈陽市大東區", "沈阳市大东区"),
            ("機關", "机关"),
            ("幹部", "干部"),
            ("羣衆", "群众"),
            ("爲", "为"),
            ("裏", "里"),
            ("纔", "才"),
            ("乾隆", "乾隆"),
            ("乾隆年間", "乾隆年间"),
            ("乾淨", "干净"),
            ("乾乾淨淨", "干干净净"),
            ("著名", "著名"),
            // OpenCC's t2s tables do not touch 著 (著→着 is in the Taiwan
            // variant table used only by tw2s), so 看著 stays.
            ("看著", "看著"),
            ("藉着", "借着"),
            ("憑藉着", "凭借着"),
            ("一目瞭然", "一目了然"),
            ("瞭望", "瞭望"),
            ("反覆", "反复"),
            ("覆盆子", "覆盆子"),
            ("沈默", "沉默"),
            ("二噁英", "二𫫇英"),
            ("老態龍鍾", "老态龙钟"),
            ("錢鍾書", "钱锺书"),
            // Char-wise-equal phrases that must stay in the automaton: they
            // hide a later phrase (藉口, 鍾繇) exactly as in OpenCC.
            ("藉藉口", "藉藉口"),
            ("龍鍾繇", "龙钟繇"),
            ("選派機關幹部到社區工作", "选派机关干部到社区工作"),
            ("網絡 2024年 ABC 😀 體育", "网络 2024年 ABC 😀 体育"),
        ];
        for (input, want) in cases {
            let got = to_simplified(input);
            assert_eq!(&got, want, "input {input:?}");
            assert_eq!(
                matches!(got, Cow::Borrowed(_)),
                input == want,
                "borrowed iff unchanged: {input:?}"
            );
        }
    }

    #[test]
    fn traditional_text_goes_char_by_char_with_the_same_result() {
        let text = format!(
            "{}乾隆年間乾淨，一目瞭然。",
            "選派機關幹部到社區工作".repeat(4)
        );
        let want = format!(
            "{}乾隆年间干净，一目了然。",
            "选派机关干部到社区工作".repeat(4)
        );
        assert!(text.chars().count() > DENSE_AFTER * 2);
        assert_eq!(to_simplified(&text), want);
        assert_eq!(reference(&text), want);
    }

    #[test]
    fn chars_of_both_scripts_come_from_the_table() {
        for c in ['乾', '於', '夥'] {
            assert!(is_both_scripts(c), "{c}");
        }
        for c in ['幹', '干', '機', '沈'] {
            assert!(!is_both_scripts(c), "{c}");
        }
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        for input in [
            "",
            "沈阳市大东区选派机关干部到社区工作，密切联系群众。",
            "ASCII only, with emoji 😀🎉 and symbols ©®™ ½",
            "乾隆皇帝",
            "\u{0}\u{10FFFF}\u{FFFD}",
        ] {
            assert!(
                matches!(to_simplified(input), Cow::Borrowed(_)),
                "{input:?}"
            );
        }
    }

    #[test]
    fn tables_load_and_are_length_preserving() {
        let stats = table_stats();
        assert_eq!(stats.dropped_length_mismatch, 0, "{stats:?}");
        assert!(stats.char_mappings > 4000, "{stats:?}");
        assert!(stats.phrases_differing > 100, "{stats:?}");
        for (source, target) in parse(TS_CHARACTERS).chain(parse(TS_PHRASES)) {
            assert_eq!(source.chars().count(), target.chars().count(), "{source}");
        }
    }

    #[test]
    fn shadowing_rule() {
        let v = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(shadows(&v("abc"), &v("ab"))); // shorter at same start
        assert!(shadows(&v("abc"), &v("bcd"))); // overlaps the tail
        assert!(shadows(&v("abc"), &v("b"))); // inside
        assert!(!shadows(&v("abc"), &v("abcd"))); // longer wins anyway
        assert!(!shadows(&v("abc"), &v("bd")));
    }

    /// Mirrors `convert` without any fast path: OpenCC's greedy longest
    /// match over all phrases, then chars.
    fn reference(text: &str) -> String {
        let chars: BTreeMap<char, char> = parse(TS_CHARACTERS)
            .map(|(s, t)| (s.chars().next().unwrap(), t.chars().next().unwrap()))
            .collect();
        let phrases: Vec<(Vec<char>, &str)> = parse(TS_PHRASES)
            .map(|(s, t)| (s.chars().collect(), t))
            .collect();
        let input: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < input.len() {
            let best = phrases
                .iter()
                .filter(|(s, _)| input[i..].starts_with(s))
                .max_by_key(|(s, _)| s.len());
            if let Some((s, t)) = best {
                out.push_str(t);
                i += s.len();
            } else {
                out.push(chars.get(&input[i]).copied().unwrap_or(input[i]));
                i += 1;
            }
        }
        out
    }

    #[test]
    fn pruned_automaton_matches_full_phrase_table() {
        let all: Vec<Vec<char>> = parse(TS_PHRASES)
            .map(|(s, _)| s.chars().collect())
            .collect();
        let check = |text: String| assert_eq!(to_simplified(&text), reference(&text), "{text}");
        for p in &all {
            check(format!("x{}y", p.iter().collect::<String>()));
            // Every phrase q overlapping p at offset k: text = p[..k] + q + rest of p.
            for q in &all {
                for k in 0..p.len() {
                    let m = q.len().min(p.len() - k);
                    if q[..m] == p[k..k + m] {
                        let text: String = p[..k].iter().chain(q).chain(&p[k + m..]).collect();
                        check(text);
                    }
                }
            }
        }
    }

    /// Random texts glued from phrase sources, their prefixes and suffixes,
    /// table chars and ASCII/emoji, so phrase overlaps actually occur.
    fn fragments() -> impl Strategy<Value = String> {
        let mut pool: Vec<String> = Vec::new();
        for (s, _) in parse(TS_PHRASES) {
            let v: Vec<char> = s.chars().collect();
            for k in 1..v.len() {
                pool.push(v[..k].iter().collect());
                pool.push(v[k..].iter().collect());
            }
            pool.push(s.to_owned());
        }
        pool.extend(parse(TS_CHARACTERS).map(|(s, _)| s.to_owned()).step_by(16));
        pool.extend(["a", " ", "1", "😀", "\n", "的", "了"].map(String::from));
        prop::collection::vec(prop::sample::select(pool), 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn preserves_char_count(s in any::<String>()) {
            let out = to_simplified(&s);
            prop_assert_eq!(out.chars().count(), s.chars().count());
        }

        #[test]
        fn preserves_char_count_and_agrees_with_reference(s in fragments()) {
            let out = to_simplified(&s);
            prop_assert_eq!(out.chars().count(), s.chars().count());
            let want = reference(&s);
            prop_assert_eq!(out.as_ref(), want.as_str());
        }

        #[test]
        fn char_by_char_conversion_agrees_with_reference(s in fragments()) {
            let mut out = String::new();
            tables().convert_each(&s, 0, &mut out);
            prop_assert_eq!(out, reference(&s));
        }

        #[test]
        fn ascii_is_untouched(s in "[ -~\n]*") {
            prop_assert!(matches!(to_simplified(&s), Cow::Borrowed(_)));
        }
    }
}
