//! Passages and credits in, verdict out.
//!
//! The thresholds are fixed here; the presets move them together for users who want more or
//! fewer reports. The standard values were set on the METER development split (`wirecheck
//! eval meter`, figures and the search in `docs/accuracy.md`) and then fixed; the strict and
//! lenient presets sit on either side of them.

use serde::{Deserialize, Serialize};

/// How much of an article is derived from the archive.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Derived {
    /// Most of the article is copied.
    Wholly,
    /// Part of the article is copied.
    Partially,
    /// Nothing worth reporting is copied.
    None,
}

impl Derived {
    /// The snake_case name used in JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Derived::Wholly => "wholly",
            Derived::Partially => "partially",
            Derived::None => "none",
        }
    }
}

/// The thresholds of the verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// Coverage at or above which an article is wholly derived.
    pub wholly: f64,
    /// Coverage at or above which an article is partially derived.
    pub partially: f64,
    /// Fewest words a source must have matched to be reported at all: shorter matches are
    /// stock phrases, not copying.
    pub min_source_words: usize,
    /// Words copied (not rewritten) from one source that make a long article partially
    /// derived even when they are a small share of it (wire paragraphs inside a long feature).
    pub partial_words: usize,
    /// How much a rewritten word counts towards the verdict, against 1 for a copied one:
    /// rewritten sentences are found by similarity, not by shared runs of words, and are less
    /// certain.
    pub rewritten_weight: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds::standard()
    }
}

impl Thresholds {
    /// The default.
    pub fn standard() -> Self {
        Thresholds {
            wholly: 0.8,
            partially: 0.2,
            min_source_words: 12,
            partial_words: 40,
            rewritten_weight: 0.5,
        }
    }

    /// Reports only clear copying.
    pub fn strict() -> Self {
        Thresholds {
            wholly: 0.9,
            partially: 0.3,
            min_source_words: 25,
            partial_words: 80,
            rewritten_weight: 0.25,
        }
    }

    /// Reports short borrowings too.
    pub fn lenient() -> Self {
        Thresholds {
            wholly: 0.75,
            partially: 0.1,
            min_source_words: 8,
            partial_words: 25,
            rewritten_weight: 0.75,
        }
    }

    /// The score the verdict compares with `wholly` and `partially`: the copied share of the
    /// article plus the rewritten share at its [`Thresholds::rewritten_weight`].
    pub fn score(&self, copied: f64, rewritten: f64) -> f64 {
        copied + self.rewritten_weight * rewritten
    }

    /// The verdict for an article whose score (see [`Thresholds::score`]) is `score`, and
    /// whose best source has `top_copied_words` words copied (not rewritten).
    pub fn derived(&self, score: f64, top_copied_words: usize) -> Derived {
        if score >= self.wholly {
            Derived::Wholly
        } else if score >= self.partially || top_copied_words >= self.partial_words {
            Derived::Partially
        } else {
            Derived::None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_bands() {
        let t = Thresholds::standard();
        assert_eq!(t.derived(0.95, 500), Derived::Wholly);
        assert_eq!(
            t.derived(t.wholly, 0),
            Derived::Wholly,
            "the threshold itself is inclusive"
        );
        assert_eq!(t.derived(0.3, 20), Derived::Partially);
        assert!(
            t.score(0.2, 0.4) < t.score(0.4, 0.2),
            "a rewritten word counts less than a copied one"
        );
        assert_eq!(t.derived(0.0, 0), Derived::None);
        assert_eq!(
            t.derived(0.05, t.partial_words),
            Derived::Partially,
            "a whole copied paragraph in a long article is partial derivation"
        );
    }

    #[test]
    fn presets_are_ordered() {
        let (s, d, l) = (
            Thresholds::strict(),
            Thresholds::standard(),
            Thresholds::lenient(),
        );
        assert!(s.partially > d.partially && d.partially > l.partially);
        assert!(s.min_source_words > d.min_source_words && d.min_source_words > l.min_source_words);
    }
}
