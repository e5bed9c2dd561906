//! Giving each article passage to its best source when several stories share text.

use super::Alignment;

/// Stub.
pub fn assign(candidates: Vec<Vec<Alignment>>) -> Vec<(usize, Alignment)> {
    let _ = candidates;
    unimplemented!("assign")
}
