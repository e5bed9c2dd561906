//! Passages and credits in, verdict out.
//!
//! The thresholds are fixed here; the presets move them together for users who want more or
//! fewer reports. They are starting values chosen on the fictional demo cases: their figures
//! on the METER development split are in `docs/accuracy.md` (`wirecheck eval meter`).

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
    /// Words copied from one source that make a long article partially derived even when
    /// they are a small share of it (a wire paragraph inside a long feature).
    pub partial_words: usize,
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
            wholly: 0.6,
            partially: 0.1,
            min_source_words: 12,
            partial_words: 40,
        }
    }

    /// Reports only clear copying.
    pub fn strict() -> Self {
        Thresholds {
            wholly: 0.7,
            partially: 0.2,
            min_source_words: 25,
            partial_words: 80,
        }
    }

    /// Reports short borrowings too.
    pub fn lenient() -> Self {
        Thresholds {
            wholly: 0.5,
            partially: 0.05,
            min_source_words: 8,
            partial_words: 25,
        }
    }

    /// The verdict for an article whose matched share is `coverage`, and whose best source
    /// has `top_source_words` words matched.
    pub fn derived(&self, coverage: f64, top_source_words: usize) -> Derived {
        if coverage >= self.wholly {
            Derived::Wholly
        } else if coverage >= self.partially || top_source_words >= self.partial_words {
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
