//! Finding the passages an article shares with one stored story.

use std::ops::Range;

use crate::text::Token;

/// One passage shared by the article and a story, in token indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    /// Token indices in the article, end exclusive.
    pub article: Range<usize>,
    /// Token indices in the story, end exclusive.
    pub source: Range<usize>,
    /// How many article tokens in the passage equal their counterpart in the story.
    pub matched: usize,
}

/// How alignment seeds and bridges passages.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Length in words of the exact runs that seed a passage.
    pub seed: usize,
    /// Longest run of unmatched words, on either side, bridged inside one passage.
    pub max_gap: usize,
    /// Fewest matched words a passage must have to be kept.
    pub min_matched: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            seed: 3,
            max_gap: 8,
            min_matched: 6,
        }
    }
}

/// The passages `article` shares with `source`, in article order, not overlapping in either text.
pub fn align(article: &[Token], source: &[Token], options: &AlignOptions) -> Vec<Alignment> {
    let _ = (article, source, options);
    unimplemented!("align")
}
