//! Where each char of the normalised text came from, as runs.
//!
//! Rules mostly delete (readings, spaces, line breaks) and never reorder,
//! so the map is a few runs of consecutive origins per article rather than
//! an entry per char: a per-char map was written, and copied by each rule,
//! at more bytes than the text itself.

use std::ops::Range;

/// The original char index of every char of a text, as runs: a run
/// `(out, orig)` maps chars `out..` (up to the next run) to `orig..`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Origins {
    runs: Vec<(u32, u32)>,
    len: u32,
}

impl Origins {
    /// Char `i` came from char `i`, for `len` chars.
    #[cfg(test)]
    pub(crate) fn identity(len: usize) -> Self {
        let mut origins = Origins::default();
        origins.push_run(0, len);
        origins
    }

    /// Char `i` came from char `i`, however long the text: the map of a
    /// text no rule has changed yet, which needs no count of its chars.
    /// Its [`len`](Self::len) is not the text's.
    pub(crate) fn unchanged() -> Self {
        Origins {
            runs: vec![(0, 0)],
            len: u32::MAX,
        }
    }

    /// How many chars are mapped.
    pub(crate) fn len(&self) -> usize {
        self.len as usize
    }

    /// The origin of char `i`; past the end, one past the last origin (0
    /// when empty), so that an end offset maps to an end offset.
    pub(crate) fn at(&self, i: usize) -> u32 {
        if i >= self.len() {
            return self
                .len
                .checked_sub(1)
                .map_or(0, |last| self.at(last as usize) + 1);
        }
        let run = self.runs.partition_point(|&(out, _)| out as usize <= i) - 1;
        let (out, orig) = self.runs[run];
        orig + (i as u32 - out)
    }

    /// Appends one char that came from `origin`.
    pub(crate) fn push(&mut self, origin: u32) {
        self.push_run(origin, 1);
    }

    /// Appends the origins of chars `chars` of `from`.
    pub(crate) fn extend_from(&mut self, from: &Origins, chars: Range<usize>) {
        let mut at = chars.start;
        let mut run = from.runs.partition_point(|&(out, _)| out as usize <= at);
        while at < chars.end.min(from.len()) {
            let (out, orig) = from.runs[run - 1];
            let run_end = from.runs.get(run).map_or(from.len(), |&(o, _)| o as usize);
            let end = run_end.min(chars.end);
            self.push_run(orig + (at as u32 - out), end - at);
            at = end;
            run += 1;
        }
    }

    /// Every origin, in order.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.len()).map(|i| self.at(i))
    }

    /// Appends `n` chars from `origin..`, extending the last run when it
    /// continues there.
    fn push_run(&mut self, origin: u32, n: usize) {
        if n == 0 {
            return;
        }
        let continues = self
            .runs
            .last()
            .is_some_and(|&(out, orig)| orig + (self.len - out) == origin);
        if !continues {
            self.runs.push((self.len, origin));
        }
        self.len += n as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn runs_merge_when_origins_continue() {
        let mut o = Origins::default();
        o.push(0);
        o.push(1);
        o.push(5);
        o.extend_from(&Origins::identity(10), 6..9);
        assert_eq!(o.iter().collect::<Vec<_>>(), [0, 1, 5, 6, 7, 8]);
        assert_eq!(o.runs.len(), 2);
        assert_eq!(o.at(6), 9);
        assert_eq!(Origins::default().at(3), 0);
    }

    proptest! {
        /// Runs give what a per-char map would, for any cuts of any map.
        #[test]
        fn runs_agree_with_a_per_char_map(
            cuts in proptest::collection::vec((0usize..40, 0usize..40), 0..8),
            pushes in proptest::collection::vec(0u32..80, 0..4),
        ) {
            let source = Origins::identity(40);
            let mut expected: Vec<u32> = Vec::new();
            let mut o = Origins::default();
            for (a, b) in cuts {
                let (a, b) = (a.min(b), a.max(b));
                o.extend_from(&source, a..b);
                expected.extend(a as u32..b as u32);
            }
            for p in pushes {
                o.push(p);
                expected.push(p);
            }
            let copied = {
                let mut c = Origins::default();
                c.extend_from(&o, 0..o.len());
                c
            };
            prop_assert_eq!(o.iter().collect::<Vec<_>>(), expected.clone());
            prop_assert_eq!(copied.iter().collect::<Vec<_>>(), expected);
        }
    }
}
