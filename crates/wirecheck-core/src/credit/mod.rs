//! Article in, credits out: the agency alias table and credit detection.

pub mod agencies;
pub mod detect;
