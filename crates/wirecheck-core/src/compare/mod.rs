//! Article and story in, passages out: alignment, best-source assignment and word diffs.

pub mod align;
pub mod assign;
pub mod diff;

pub use align::{AlignOptions, Alignment, align};
pub use assign::assign;
pub use diff::{DiffAlgorithm, DiffOptions, diff_passage_with, is_verbatim};
