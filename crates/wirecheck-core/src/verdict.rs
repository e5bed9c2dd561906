//! Passages and credits in, verdict out.

use serde::Serialize;

/// How much of an article is derived from the archive.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Derived {
    /// Most of the article is copied.
    Wholly,
    /// Part of the article is copied.
    Partially,
    /// Nothing worth reporting is copied.
    None,
}

/// The thresholds of the verdict.
#[derive(Debug, Clone)]
pub struct Thresholds {
    /// Coverage at or above which an article is wholly derived.
    pub wholly: f64,
    /// Coverage at or above which an article is partially derived.
    pub partially: f64,
}
