//! Word-level diff of one passage with `similar`.

use super::Alignment;
use crate::report::DiffOp;
use crate::text::Prepared;

/// Stub.
pub fn diff_passage(article: &Prepared, source: &Prepared, alignment: &Alignment) -> Vec<DiffOp> {
    let _ = (article, source, alignment);
    unimplemented!("diff_passage")
}
