//! Words in, candidate stories out: fingerprints of word n-grams and retrieval.

pub mod external;
pub mod fingerprint;
pub mod retrieve;
