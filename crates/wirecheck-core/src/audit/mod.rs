//! Batch audits: thousands to millions of articles checked against one archive on every core,
//! resumable after a kill, with an overview a syndication desk can send on.
//!
//! An audit is many checks ([`crate::check`]); this module only feeds them and keeps their
//! results. One file per decision:
//!
//! - `inputs`: which articles the given files, folders and JSON Lines exports hold, read one at
//!   a time (never all in memory), each with its id, URL and publication date;
//! - `article`: one article read, refused as a bad input (binary, empty, too large, a bad line),
//!   or checked, and its line of `results.jsonl`;
//! - `run`: the reader, the workers (one read-only archive connection each) and the one writer;
//! - `resume`: `results.jsonl` repaired after a kill, and the articles it already holds;
//! - `given`: one record checked against candidates its caller retrieved (a Spark job);
//! - `summary`: a result line as a row of `summary.csv`, and the counts over all rows;
//! - `html`: `index.html` and the HTML report of every flagged article;
//! - `results`: the folder read back for a viewer: rows with their offsets, one report, the
//!   overview copied elsewhere.
//!
//! The outputs, in the audit's folder:
//!
//! - `results.jsonl`: one line per article, the `check --json` report plus `id`, `url`,
//!   `published`, `input` and `content_hash`, or those with `error` and `error_kind`;
//! - `summary.csv`: one row per article (see [`SummaryRow`]);
//! - `index.html`: counts by verdict and by agency, and a sortable, filterable table that links
//!   each flagged article to its report under `reports/`.
//!
//! `summary.csv` and `index.html` are made again from `results.jsonl` at the end of every run,
//! so they cover the articles of earlier, interrupted runs too.

mod article;
mod given;
mod html;
mod inputs;
mod results;
mod resume;
mod run;
mod summary;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::check::CheckOptions;
use crate::verdict::Derived;

pub use given::{record_keys, record_line};
pub use results::{Exported, ResultRows, export, read_report, read_rows};
pub use run::audit;
pub use summary::SummaryRow;

/// The results file in the audit's folder: one JSON object per line.
pub const RESULTS_FILE: &str = "results.jsonl";
/// The summary table in the audit's folder.
pub const SUMMARY_FILE: &str = "summary.csv";
/// The overview page in the audit's folder.
pub const INDEX_FILE: &str = "index.html";
/// The folder of the flagged articles' HTML reports, inside the audit's folder.
pub const REPORTS_DIR: &str = "reports";

/// How an audit runs.
#[derive(Debug, Clone)]
pub struct AuditOptions {
    /// Worker threads, each with its own read-only connection to the archive (at least one).
    pub jobs: usize,
    /// The options of every check. `published_before`, when set (`--before`), applies to every
    /// article and overrides its own publication date, as in `check`. The word diff's deadline
    /// is raised to two seconds at least, so that results do not depend on the machine's load.
    pub check: CheckOptions,
    /// Take the publication date of a page that has none given (an HTML file, a JSON Lines
    /// record with `html` but no `published`) from its metadata (`article:published_time`, else
    /// `<time datetime>`). Off by default: a page first published before the wire story it was
    /// later updated with would hide that source.
    pub before_from_article: bool,
    /// Workers map the archive file instead of reading its pages into small caches of their
    /// own. Off by default: reading pages is 3–10% slower with one job and as fast with two at
    /// a million stories (`docs/benchmarks.md`), and keeps the audit's resident memory under a
    /// hundred megabytes whatever the archive's size, where a map's pages count in it once per
    /// worker, up to the archive's size each.
    pub map_archive: bool,
}

impl Default for AuditOptions {
    fn default() -> Self {
        AuditOptions {
            jobs: 1,
            check: CheckOptions::default(),
            before_from_article: false,
            map_archive: false,
        }
    }
}

/// Why an article could not be checked: a bad input, recorded in the outputs, never a reason
/// to stop the audit.
#[derive(Debug, Clone, Copy, Serialize, serde::Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FailureKind {
    /// The file could not be read.
    Unreadable,
    /// Binary data, not text.
    Binary,
    /// A compressed file (gzip, zip...).
    Compressed,
    /// No article text.
    Empty,
    /// Larger than a check accepts ([`crate::MAX_ARTICLE_BYTES`]).
    TooLarge,
    /// A line of a JSON Lines export that is not an article object.
    Malformed,
    /// A `published` value that is not an ISO 8601 date.
    BadDate,
    /// The check refused the article for another reason.
    Refused,
    /// The engine failed on this article (a bug): the audit went on without it.
    Internal,
}

impl FailureKind {
    /// The snake_case name used in `results.jsonl`.
    pub fn as_str(self) -> &'static str {
        match self {
            FailureKind::Unreadable => "unreadable",
            FailureKind::Binary => "binary",
            FailureKind::Compressed => "compressed",
            FailureKind::Empty => "empty",
            FailureKind::TooLarge => "too_large",
            FailureKind::Malformed => "malformed",
            FailureKind::BadDate => "bad_date",
            FailureKind::Refused => "refused",
            FailureKind::Internal => "internal",
        }
    }
}

/// What happened to one article of the inputs.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "snake_case", tag = "status")]
#[non_exhaustive]
pub enum ArticleStatus {
    /// Checked; its report was written to `results.jsonl`.
    Checked {
        /// The verdict.
        derived: Derived,
        /// Whether a source is copied without credit.
        flagged: bool,
    },
    /// A bad input; its error was written to `results.jsonl`.
    Failed {
        /// Why, as a kind.
        kind: FailureKind,
        /// Why, in one line.
        message: String,
    },
    /// Already in `results.jsonl` from an earlier run: skipped.
    AlreadyDone,
    /// The same id (or, without one, the same content) as an earlier article of the inputs:
    /// skipped, so that every id has one line.
    Duplicate,
}

/// Progress of an audit, for a progress bar or the app's events.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "snake_case", tag = "event")]
#[non_exhaustive]
pub enum AuditEvent {
    /// `results.jsonl` was read: this many articles are done already; a partial last line
    /// left by a kill (`repaired_bytes` long) was cut.
    Resumed {
        /// Articles already in `results.jsonl`.
        done: usize,
        /// Bytes of a partial last line removed.
        repaired_bytes: u64,
    },
    /// The inputs were counted: this many articles in all, those already done included. Comes
    /// while the audit runs (counting a large export takes a while), at most once.
    Counted {
        /// Articles in the inputs.
        articles: u64,
    },
    /// One article was handled.
    Article {
        /// Its id, else where it was read (`export.jsonl:17`).
        name: String,
        /// What happened to it.
        status: ArticleStatus,
        /// For an article this run wrote (checked or failed), its row of `summary.csv` and
        /// where its line starts in `results.jsonl`: what a table of the results shows while
        /// the audit runs. `None` for the articles it skipped.
        row: Option<Box<ResultRow>>,
    },
    /// Every article is handled: `summary.csv`, `index.html` and the reports are being written.
    Finishing,
}

/// One line of `results.jsonl`: its row of `summary.csv`, and the byte offset where the line
/// starts, to read its report again ([`read_report`]).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ResultRow {
    /// Where the line starts in `results.jsonl`.
    pub offset: u64,
    /// The line as a summary row.
    pub row: SummaryRow,
}

/// Articles of one kind of failure over the whole audit, with the first one as an example.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FailureCount {
    /// The kind.
    pub kind: FailureKind,
    /// How many.
    pub count: usize,
    /// The first such article: its id, else where it was read.
    pub example: String,
    /// Its error message.
    pub message: String,
}

/// Articles whose top source is of one agency.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AgencyCount {
    /// The agency (`Unknown agency` when the story has none).
    pub agency: String,
    /// Articles derived (wholly or partially) with a top source of this agency.
    pub articles: usize,
    /// Of which flagged.
    pub flagged: usize,
}

/// Counts over every line of `results.jsonl` (earlier runs included).
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct AuditTotals {
    /// Lines, one per article.
    pub articles: usize,
    /// Articles with a source copied without credit.
    pub flagged: usize,
    /// Checked articles per verdict (`wholly`, `partially`, `none`).
    pub by_verdict: BTreeMap<String, usize>,
    /// Derived articles per agency of their top source, most first.
    pub by_agency: Vec<AgencyCount>,
    /// Articles that could not be checked, per kind, most first.
    pub errors: Vec<FailureCount>,
    /// Lines of `results.jsonl` that are not result objects (edited by hand?), left out.
    pub unreadable_lines: usize,
}

impl AuditTotals {
    /// Articles that could not be checked.
    pub fn failed(&self) -> usize {
        self.errors.iter().map(|e| e.count).sum()
    }
}

/// The outcome of an audit run.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct AuditSummary {
    /// Articles checked by this run.
    pub checked: usize,
    /// Articles this run recorded as errors.
    pub failed: usize,
    /// Articles skipped because `results.jsonl` held them already.
    pub already_done: usize,
    /// Articles skipped as repeats of an earlier article of the inputs.
    pub duplicates: usize,
    /// Bytes of a partial last line (from a killed run) cut from `results.jsonl`.
    pub repaired_bytes: u64,
    /// Whether the run was cancelled before every article was handled; run it again to
    /// finish.
    pub cancelled: bool,
    /// Over the whole of `results.jsonl`.
    pub totals: AuditTotals,
}
