//! Article and story in, passages out: alignment, best-source assignment, stock text,
//! rewritten sentences and word diffs.

pub mod align;
pub mod assign;
pub mod diff;
pub mod rewrite;
pub mod stock;

pub use align::{AlignOptions, Alignment, align};
pub use assign::assign;
pub use diff::{DiffAlgorithm, DiffOptions, diff_passage_with, is_verbatim};
pub use rewrite::{Found, RewriteOptions, add_rewrites};
pub use stock::stock_passages;

/// Random edits for the property tests of alignment and diff.
#[cfg(test)]
mod test_edits {
    /// `src` with each `(position, kind, word)` applied in turn: 0 inserts `word`, 1 removes
    /// the word at `position`, 2 replaces it with `word`; positions past the end are clamped.
    pub(super) fn apply(src: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
        let mut out = src.to_vec();
        for &(pos, kind, word) in edits {
            let pos = pos.min(out.len());
            match kind {
                0 => out.insert(pos, word),
                1 if pos < out.len() => {
                    out.remove(pos);
                }
                _ if pos < out.len() => out[pos] = word,
                _ => {}
            }
        }
        out
    }
}
