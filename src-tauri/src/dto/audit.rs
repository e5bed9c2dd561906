//! What the Audit view exchanges with the shell: the request, the plan of a folder, the rows
//! of `results.jsonl`, the progress event and the outcome.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use wirecheck_core as core;

use super::{Derived, Preset, Tier};

/// What to audit and how.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditRequest {
    /// A folder (walked recursively) or one file (a saved page, a JSON Lines export).
    pub input: String,
    /// Where the outputs go; `null` for the default beside the input ([`AuditPlan::out_dir`]).
    pub out_dir: Option<String>,
    /// Worker threads; `null` for one per core.
    pub jobs: Option<usize>,
    pub preset: Preset,
    /// Take a page's date from its metadata when the input gives none (`--before-from-article`).
    pub before_from_article: bool,
}

/// A folder chosen for an audit: where its outputs go, and whether an earlier run left results
/// there (then Start resumes it).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditPlan {
    pub input: String,
    pub out_dir: String,
    /// `results.jsonl` exists in `out_dir`: its articles are skipped.
    pub has_results: bool,
    /// The default number of jobs: the machine's cores.
    pub cores: usize,
}

/// One article of an audit, as `summary.csv` has it, with where its line starts.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditRow {
    /// Byte offset of its line in `results.jsonl` (to open its report).
    #[ts(type = "number")]
    pub offset: u64,
    /// Its id, else where it was read: what opens it.
    pub name: String,
    pub url: Option<String>,
    /// The URL's host without `www.`; empty without a URL.
    pub site: String,
    pub published: Option<String>,
    /// `null` on an error row.
    pub derived: Option<Derived>,
    pub coverage: Option<f64>,
    #[ts(type = "number | null")]
    pub top_source_id: Option<i64>,
    pub top_source_agency: Option<String>,
    pub top_source_headline: Option<String>,
    pub credited: Option<bool>,
    pub flagged: bool,
    pub evidence_tier: Option<Tier>,
    pub evidence_confidence: Option<f64>,
    pub error: Option<String>,
    /// `binary`, `empty`, `too_large`, `malformed`...
    pub error_kind: Option<String>,
    pub input: String,
}

/// Derived articles whose top source is of one agency.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditAgency {
    pub agency: String,
    pub articles: usize,
    pub flagged: usize,
}

/// Articles that could not be checked, of one kind.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditFailure {
    pub kind: String,
    pub count: usize,
    /// The first such article's name.
    pub example: String,
    pub message: String,
}

/// Counts over every line of `results.jsonl`, as `index.html` shows them.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditTotals {
    pub articles: usize,
    pub flagged: usize,
    pub wholly: usize,
    pub partially: usize,
    pub none: usize,
    pub by_agency: Vec<AuditAgency>,
    pub errors: Vec<AuditFailure>,
}

/// The rows of an audit's folder.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditResults {
    pub out_dir: String,
    /// The first rows, in the order they were written.
    pub rows: Vec<AuditRow>,
    /// Rows in `results.jsonl` (more than `rows` when over the view's limit).
    pub total: usize,
    pub totals: AuditTotals,
}

/// The `audit-progress` event, at most about ten a second.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditProgress {
    /// `counting`, `checking`, `finishing` (writing summary.csv and index.html) or `done`.
    pub stage: String,
    /// Articles handled, those an earlier run did included.
    pub done: usize,
    /// Articles in the inputs, once counted.
    pub total: Option<usize>,
    /// Of `done`, already in `results.jsonl` from an earlier run.
    pub already_done: usize,
    /// This run: articles checked, recorded as errors, and flagged.
    pub checked: usize,
    pub failed: usize,
    pub flagged: usize,
    /// Articles this run handled per second.
    pub rate: f64,
    /// Seconds left at that rate, once the total is known.
    pub eta_seconds: Option<f64>,
    /// The rows written since the previous event.
    pub rows: Vec<AuditRow>,
}

/// How a run ended.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditOutcome {
    pub out_dir: String,
    pub checked: usize,
    pub failed: usize,
    pub already_done: usize,
    pub duplicates: usize,
    /// Cancelled before every article was handled: Start again resumes it.
    pub cancelled: bool,
    pub totals: AuditTotals,
}

/// An exported overview.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditExport {
    /// The folder written to.
    pub folder: String,
    /// Flagged articles' reports copied beside the index.
    pub reports: usize,
}

impl From<core::ResultRow> for AuditRow {
    fn from(r: core::ResultRow) -> Self {
        let site = r.row.site();
        let name = r.row.name().to_string();
        let row = r.row;
        AuditRow {
            offset: r.offset,
            name,
            site,
            url: row.url,
            published: row.published,
            derived: row.derived.map(Into::into),
            coverage: row.coverage,
            top_source_id: row.top_source_id,
            top_source_agency: row.top_source_agency,
            top_source_headline: row.top_source_headline,
            credited: row.credited,
            flagged: row.flagged,
            evidence_tier: row.evidence_tier.map(Into::into),
            evidence_confidence: row.evidence_confidence,
            error: row.error,
            error_kind: row.error_kind.map(|k| k.as_str().to_string()),
            input: row.input,
        }
    }
}

impl From<core::AuditTotals> for AuditTotals {
    fn from(t: core::AuditTotals) -> Self {
        let verdict = |name: &str| t.by_verdict.get(name).copied().unwrap_or(0);
        AuditTotals {
            articles: t.articles,
            flagged: t.flagged,
            wholly: verdict("wholly"),
            partially: verdict("partially"),
            none: verdict("none"),
            by_agency: t
                .by_agency
                .into_iter()
                .map(|a| AuditAgency {
                    agency: a.agency,
                    articles: a.articles,
                    flagged: a.flagged,
                })
                .collect(),
            errors: t
                .errors
                .into_iter()
                .map(|e| AuditFailure {
                    kind: e.kind.as_str().to_string(),
                    count: e.count,
                    example: e.example,
                    message: e.message,
                })
                .collect(),
        }
    }
}
