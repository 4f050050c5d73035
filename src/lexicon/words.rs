//! A word list indexed by its words' first and last characters.
//!
//! The recognisers ask "which post title / organ head starts (or ends)
//! here?" at every character of every sentence; trying each word of a list
//! there made those scans the bulk of extraction. The index narrows a
//! position to the few words that share its character, in list order, so
//! the first match is still the one the list's order prefers.

use rustc_hash::FxHashMap;
use std::ops::Deref;

#[derive(Debug, Default)]
pub struct WordList {
    words: Vec<String>,
    /// Each word's chars, compared as a slice with a sentence's chars.
    chars: Vec<Box<[char]>>,
    // Fx, not SipHash: looked up at every char of every sentence.
    by_first: FxHashMap<char, Vec<usize>>,
    by_last: FxHashMap<char, Vec<usize>>,
}

impl WordList {
    pub fn new(words: Vec<String>) -> WordList {
        let mut by_first: FxHashMap<char, Vec<usize>> = FxHashMap::default();
        let mut by_last: FxHashMap<char, Vec<usize>> = FxHashMap::default();
        for (i, w) in words.iter().enumerate() {
            if let (Some(first), Some(last)) = (w.chars().next(), w.chars().last()) {
                by_first.entry(first).or_default().push(i);
                by_last.entry(last).or_default().push(i);
            }
        }
        WordList {
            chars: words.iter().map(|w| w.chars().collect()).collect(),
            words,
            by_first,
            by_last,
        }
    }

    /// The first word, in list order, written at `chars[at..]`.
    pub fn starting_at(&self, chars: &[char], at: usize) -> Option<&str> {
        let candidates = self.by_first.get(chars.get(at)?)?;
        let rest = &chars[at..];
        candidates
            .iter()
            .find(|&&i| rest.starts_with(&self.chars[i]))
            .map(|&i| self.words[i].as_str())
    }

    /// The first word, in list order, that `chars[..end]` ends with, and
    /// where it starts.
    pub fn ending_at(&self, chars: &[char], end: usize) -> Option<(usize, &str)> {
        let before = chars.get(..end)?;
        self.by_last.get(before.last()?)?.iter().find_map(|&i| {
            let word = &self.chars[i];
            before
                .ends_with(word)
                .then(|| (end - word.len(), self.words[i].as_str()))
        })
    }
}

impl<'a> IntoIterator for &'a WordList {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.words.iter()
    }
}

impl Deref for WordList {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(words: &[&str]) -> WordList {
        WordList::new(words.iter().map(|w| w.to_string()).collect())
    }

    #[test]
    fn finds_the_first_listed_word_at_a_position() {
        let l = list(&["党委书记", "党委", "书记"]);
        let chars: Vec<char> = "社区党委书记王".chars().collect();
        assert_eq!(l.starting_at(&chars, 2), Some("党委书记"));
        assert_eq!(l.starting_at(&chars, 4), Some("书记"));
        assert_eq!(l.starting_at(&chars, 0), None);
        assert_eq!(l.starting_at(&chars, 99), None);
        assert_eq!(l.ending_at(&chars, 6), Some((2, "党委书记")));
        assert_eq!(l.ending_at(&chars, 4), Some((2, "党委")));
        assert_eq!(l.ending_at(&chars, 0), None);
    }

    #[test]
    fn a_word_longer_than_the_rest_of_the_text_does_not_match() {
        let l = list(&["党委书记"]);
        let chars: Vec<char> = "党委".chars().collect();
        assert_eq!(l.starting_at(&chars, 0), None);
        assert_eq!(l.ending_at(&chars, 2), None);
    }
}
