//! The Wirecheck engine.
//!
//! Wirecheck compares an article with a local archive of wire-service originals and reports
//! which passages were copied from which stored story, how they were edited, and whether the
//! article credits the agency.
//!
//! A check runs these stages, each in a module named for it:
//!
//! 1. **decode** ([`text::decode`]) bytes into text; pasted HTML is reduced to its article text;
//! 2. **normalize** ([`text::normalize`], [`text::tokens`]) the text into matching words that keep
//!    their offsets in the original;
//! 3. **boilerplate** ([`text::boilerplate`]): donation blocks, share buttons and feed notices are
//!    set aside from matching but stay in the report;
//! 4. **retrieve** candidate stories from the archive's fingerprint index ([`index`]);
//! 5. **align** passages between the article and each candidate, then give each article passage
//!    to its best source ([`compare`]);
//! 6. **diff** each passage word by word with `similar`;
//! 7. **credit**: find where the article credits an agency ([`credit`]);
//! 8. **verdict** and **report**: coverage per source, derived wholly/partially/none, and a
//!    flag for every source copied without credit.
//!
//! [`check()`] runs the whole pipeline; [`Archive`] stores the wire originals; [`audit()`]
//! runs many checks on every core, resumably, into `results.jsonl`, `summary.csv` and
//! `index.html`; a [`Watcher`] imports the files a wire system drops into watched folders as
//! they arrive.
#![deny(missing_docs)]

mod archive;
mod audit;
pub mod bench;
mod check;
mod compare;
mod credit;
pub mod demo;
mod error;
mod export;
mod index;
mod pairwise;
mod report;
pub mod text;
mod verdict;
mod watch;

pub use archive::backup::{BackupProgress, BackupSummary};
pub use archive::dump::{ExportFormat, export_stories};
pub use archive::history::{Decision, DecisionStatus, LoadedCheck, SavedCheck};
pub use archive::import::{MIN_STORY_WORDS, SkipReason, parse_file};
pub use archive::importer::{ImportEvent, ImportSummary, Importer, SkippedFile};
pub use archive::prune::{CompactSummary, PruneFilter, PrunePlan, PruneSummary};
pub use archive::settings::{AliasSetting, Preset, Settings};
pub use archive::store::{
    Archive, InsertOutcome, ListQuery, Story, StoryFormat, StorySummary, UNSTORED_STORY_ID,
};
pub use archive::verify::{RepairSummary, VerifyCheck, VerifyReport};
pub use archive::watched::WatchedFolder;
pub use archive::{NewStory, default_archive_path};
pub use audit::{
    AgencyCount, ArticleStatus, AuditEvent, AuditOptions, AuditSummary, AuditTotals, Exported,
    FailureCount, FailureKind, INDEX_FILE, REPORTS_DIR, RESULTS_FILE, ResultRow, ResultRows,
    SUMMARY_FILE, SummaryRow, audit, export as export_audit, read_report as read_audit_report,
    read_rows as read_audit_rows, record_keys, record_line,
};
pub use check::{CheckOptions, MAX_ARTICLE_BYTES, check, check_text};
pub use compare::{AlignOptions, DiffAlgorithm, DiffOptions};
pub use credit::agencies::{AgencyTable, canonical_agency};
pub use credit::detect::CreditKind;
pub use error::{Error, Result};
pub use export::html_report;
pub use index::external::{
    ArticleKeys, article_keys, full_text_term, full_text_terms, pick_candidates, story_fingerprints,
};
pub use index::retrieve::{Candidate, RetrieveOptions, rank_candidates};
pub use pairwise::{compare, compare_with_candidates, compare_with_stored, compare_with_story};
pub use report::{
    ArticleDate, Credit, DateFrom, DiffOp, DiffTag, Flag, LaterStory, Passage, PassageKind, Report,
    SharedStory, SourceReport,
};
pub use text::Language;
pub use verdict::evidence::{Evidence, Tier};
pub use verdict::model::{
    MODEL_JSON, Model, PresetThresholds, Probabilities, Provenance,
    input_names as model_input_names, inputs as model_inputs, softmax,
};
pub use verdict::{
    Derived, Features, MAX_SHARED_FACTS, MIN_NARRATION_RUN, MIN_REWRITE_CONTAINMENT, Rules,
    TEMPLATE_DOCUMENT, Thresholds, Verdict, has_copy_evidence, has_decisive_copy, may_be_wholly,
};
pub use watch::{
    EventSink, FolderState, FolderStatus, WatchEvent, WatchOptions, WatchSummary, Watcher,
};
