//! What crosses to the UI: our own camelCase types, from which `ui/src/bindings.ts` is
//! generated (see the `bindings` test). Core types stay behind these, so the UI's contract
//! changes only when these do.

mod audit;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use wirecheck_core as core;

pub use audit::*;

/// How much of an article is derived from the archive.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Derived {
    Wholly,
    Partially,
    None,
}

impl From<core::Derived> for Derived {
    fn from(d: core::Derived) -> Self {
        match d {
            core::Derived::Wholly => Derived::Wholly,
            core::Derived::Partially => Derived::Partially,
            core::Derived::None => Derived::None,
        }
    }
}

/// A check's full result: the report, the stored stories it names, and the decisions taken.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    pub check: SavedCheck,
    pub report: Report,
    /// The sources' stored stories, in the order of `report.sources`.
    pub stories: Vec<Story>,
    pub decisions: Vec<Decision>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub derived: Derived,
    /// The verdict model's probability (0..=1) of `derived`.
    pub confidence: f64,
    /// The verdict model's probability of each class.
    pub probabilities: Probabilities,
    /// The evidence measures the verdict weighed.
    pub measures: Measures,
    pub coverage: f64,
    /// The part of `coverage` in rewritten passages (the less certain part).
    pub rewritten: f64,
    pub flags: Vec<Flag>,
    pub sources: Vec<Source>,
    pub passages: Vec<Passage>,
    pub credits: Vec<Credit>,
    /// Boilerplate blocks as `[start, end)` character ranges of `text`.
    pub boilerplate: Vec<[usize; 2]>,
    pub article_words: usize,
    /// The article text every offset refers to (characters).
    pub text: String,
    /// The article's own date, read from its text or given as "only stories published
    /// before"; `null` when neither says.
    pub article_date: Option<ArticleDate>,
    /// Stories that would have been sources but were published after `articleDate`: not
    /// sources, not flagged.
    pub published_later: Vec<LaterStory>,
    /// Stories the article shares text with that are not its sources (quotes, names, figures
    /// that independent reports carry too), most shared words first: never flagged.
    pub shared: Vec<SharedStory>,
    /// The article's language, an ISO 639-1 code (`fr`); `null` when too short to tell.
    pub language: Option<String>,
}

/// The article's own date and where it comes from.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleDate {
    /// ISO 8601: `2019-03-04`, or `2019-03-04T10:41` when a time was read.
    pub date: String,
    /// As written in the article, or the field's value.
    pub text: String,
    /// Where it was read in `text` (characters); `null` when `from` is `option`.
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub from: DateFrom,
}

/// Where the article's date comes from: its text, the "only stories published before" field,
/// or a pasted page's metadata.
#[derive(Debug, Clone, Copy, Serialize, TS, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DateFrom {
    Text,
    Option,
    Page,
}

/// A stored story the article shares text with but is not derived from.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SharedStory {
    #[ts(type = "number")]
    pub id: i64,
    pub origin: String,
    pub agency: Option<String>,
    pub headline: String,
    pub published: Option<String>,
    /// The share of the article in the shared passages.
    pub coverage: f64,
    /// How the shared text reads as evidence of copying, and why it is not enough.
    pub evidence: Evidence,
    /// The shared passages, in article order.
    pub passages: Vec<Passage>,
}

/// A story published after the article's date that would otherwise have been a source.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LaterStory {
    #[ts(type = "number")]
    pub id: i64,
    pub origin: String,
    pub agency: Option<String>,
    pub headline: String,
    pub published: String,
    /// The share of the article it would have had as a source.
    pub coverage: f64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Flag {
    #[ts(type = "number")]
    pub source_id: i64,
    pub agency: Option<String>,
    pub coverage: f64,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    #[ts(type = "number")]
    pub id: i64,
    pub origin: String,
    pub agency: Option<String>,
    pub headline: String,
    pub published: Option<String>,
    pub coverage: f64,
    pub credited: bool,
    pub credit: Option<Credit>,
    /// How sure the match is, and why.
    pub evidence: Evidence,
    /// The story's language, an ISO 639-1 code; `null` when unknown.
    pub language: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Credit {
    pub agency: String,
    pub kind: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, Serialize, TS, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PassageKind {
    Verbatim,
    Edited,
    /// Shares content words and word order with the source, few exact runs.
    Rewritten,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Passage {
    #[ts(type = "number")]
    pub source_id: i64,
    pub article_start: usize,
    pub article_end: usize,
    pub source_start: usize,
    pub source_end: usize,
    pub kind: PassageKind,
    pub words: usize,
    pub diff: Vec<DiffOp>,
    /// How sure the match is, and why.
    pub evidence: Evidence,
}

/// How a passage or a source was reused, from the strongest sign of copying to the weakest.
#[derive(Debug, Clone, Copy, Serialize, TS, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Word for word.
    Identical,
    /// Copied with editing: spelling, tense, a word changed, a clause trimmed.
    MinorEdits,
    /// Rewritten, heavily edited, or a template refilled with other facts: the least certain.
    Paraphrase,
}

/// How sure a match is, and why.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub tier: Tier,
    /// The model's probability (0..=1) that the text was copied rather than sharing facts.
    pub confidence: f64,
    /// Why, in short sentences, strongest first.
    pub reasons: Vec<String>,
}

/// The verdict model's probability of each class.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Probabilities {
    pub wholly: f64,
    pub partially: f64,
    pub none: f64,
}

/// The evidence measures of a check (the core's `Features`; see `docs/accuracy.md`). Shares
/// are 0..=1.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Measures {
    /// Share of the article's words in the passages.
    pub coverage: f64,
    /// Share of the article's words in passages found by shared runs (not rewritten).
    pub copied: f64,
    /// Share of the article's words in passages with no edit at all.
    pub verbatim: f64,
    /// Longest run of words shared in order, in words.
    pub longest_run: f64,
    /// Share of the article's narration (words outside quotes) in the passages.
    pub narration: f64,
    /// Share of the passages' words inside quotes in the article or in the source they match.
    pub quoted: f64,
    /// Share of the top source's words that the passages use.
    pub source_used: f64,
    /// Share of consecutive passages that follow each other in the source too.
    pub order: f64,
    /// Words inserted or deleted per word kept.
    pub edit_rate: f64,
    /// Figures, dates or names replaced one for one, per passage.
    pub refill: f64,
    /// Passages of 20 words or more, mostly narration.
    pub long_narration: f64,
    /// Share of the article's distinct content-word stems found in the top source.
    pub containment: f64,
    /// Words of the article.
    pub article_words: f64,
    /// Share of the article's lead in the passages.
    pub lead: f64,
    /// Share of the top source's lead that the passages use.
    pub source_lead: f64,
    /// Share of the article's sentences at least half in passages.
    pub sentences: f64,
    /// Share of the article's word trigrams found in the top source.
    pub trigrams: f64,
    /// Share of the article's words in passages holding a long exact run.
    pub long_runs: f64,
    /// Share of the article's words matched exactly.
    pub exact: f64,
    /// Share of the article's function words matched exactly.
    pub function_words: f64,
    /// Share of the article's word 5-grams found in the top source.
    pub fivegrams: f64,
    /// Most narration words matched exactly in one copied passage.
    pub longest_copy: f64,
    /// Share of the article's distinct words found in the top source or its versions.
    pub story_words: f64,
    /// The same for distinct content-word stems.
    pub story_content: f64,
    /// The same for distinct pairs of consecutive words.
    pub story_bigrams: f64,
    /// Share of the article's running words whose word the top source or its versions have.
    pub story_tokens: f64,
    /// Share of the article's rare words (few stored stories hold them) that the top source
    /// holds; `null` when no archive was asked (a comparison with a pasted story).
    pub rare_words: Option<f64>,
    /// Share of the article's distinct figures (words with a digit, small numbers in words)
    /// that the top source holds;
    /// `null` when the article has fewer than two.
    pub figures: Option<f64>,
}

#[derive(Debug, Clone, Copy, Serialize, TS, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DiffTag {
    Equal,
    Insert,
    Delete,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiffOp {
    pub op: DiffTag,
    pub text: String,
    /// Where `text` starts, in characters: in the article (equal, insert) or the source's body
    /// (delete). An empty range (`start == end`, as in checks saved before offsets existed)
    /// means the position is not known.
    pub start: usize,
    /// Where `text` ends, in characters, exclusive.
    pub end: usize,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Story {
    #[ts(type = "number")]
    pub id: i64,
    pub agency: Option<String>,
    pub headline: String,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub published: Option<String>,
    pub version_created: Option<String>,
    pub external_id: Option<String>,
    pub origin: String,
    pub format: String,
    pub body: String,
    #[ts(type = "number")]
    pub words: i64,
    pub imported_at: String,
    /// The story's language, an ISO 639-1 code; `null` when unknown.
    pub language: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StorySummary {
    #[ts(type = "number")]
    pub id: i64,
    pub agency: Option<String>,
    pub headline: String,
    pub published: Option<String>,
    pub origin: String,
    #[ts(type = "number")]
    pub words: i64,
    /// For search results: the match in context, marked with `[` and `]`.
    pub snippet: Option<String>,
    /// The story's language, an ISO 639-1 code; `null` when unknown.
    pub language: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedCheck {
    #[ts(type = "number")]
    pub id: i64,
    pub created_at: String,
    pub title: String,
    pub derived: Derived,
    pub coverage: f64,
    pub flags: usize,
    /// For a comparison, the headline of the wire story it was made with (may be empty);
    /// `null` for a check against the archive.
    pub compared_with: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DecisionStatus {
    Confirmed,
    Dismissed,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    #[ts(type = "number")]
    pub check_id: i64,
    #[ts(type = "number")]
    pub source_id: i64,
    pub status: DecisionStatus,
    pub reason: String,
    pub note: String,
    pub decided_at: String,
}

/// A flag's decision, as the UI sends it.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DecideRequest {
    #[ts(type = "number")]
    pub check_id: i64,
    #[ts(type = "number")]
    pub source_id: i64,
    pub status: DecisionStatus,
    pub reason: String,
    pub note: String,
}

/// An article and the one wire story to compare it with.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompareRequest {
    /// Plain text, or HTML (reduced to text in Rust).
    pub article: String,
    /// The wire story: plain text, HTML, NITF or NewsML-G2.
    pub source: String,
    /// The story's agency; `null` or empty to read it from the story.
    pub agency: Option<String>,
    pub preset: Preset,
}

/// An article and the stored story to compare it with ("did they use this one?").
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompareStoredRequest {
    /// Plain text, or HTML (reduced to text in Rust).
    pub article: String,
    #[ts(type = "number")]
    pub story_id: i64,
    /// `null` for the preset of the saved settings.
    pub preset: Option<Preset>,
}

/// A comparison's wire story, stored in the archive (or found there already).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StoredStory {
    /// Its id in the archive.
    #[ts(type = "number")]
    pub id: i64,
    /// The archive already held the same story (the same words), which was kept as it was.
    pub already_stored: bool,
}

impl From<core::InsertOutcome> for StoredStory {
    fn from(outcome: core::InsertOutcome) -> Self {
        match outcome {
            core::InsertOutcome::Inserted(id) => StoredStory {
                id,
                already_stored: false,
            },
            core::InsertOutcome::Duplicate(id) => StoredStory {
                id,
                already_stored: true,
            },
        }
    }
}

/// An article to check.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckRequest {
    /// Plain text, or HTML (reduced to text in Rust).
    pub text: String,
    /// Only stories published before this date (`YYYY-MM-DD`) count as sources.
    pub published_before: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveOverview {
    pub path: String,
    #[ts(type = "number")]
    pub stories: i64,
    pub agencies: Vec<AgencyCount>,
}

/// Which stories to prune: those published before `before` (`YYYY-MM-DD`), of `agency` or of
/// every agency when it is `null`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PruneRequest {
    pub before: String,
    pub agency: Option<String>,
}

/// What a prune would remove (the count shown before anything is removed).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrunePlan {
    #[ts(type = "number")]
    pub stories: u64,
    #[ts(type = "number")]
    pub remaining: u64,
    /// Of those, the sources of saved checks (kept with the checks for History).
    #[ts(type = "number")]
    pub cited_by_checks: u64,
    pub oldest: Option<String>,
    pub newest: Option<String>,
}

/// What a prune removed.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PruneSummary {
    #[ts(type = "number")]
    pub stories: u64,
    #[ts(type = "number")]
    pub postings: u64,
    #[ts(type = "number")]
    pub kept_for_history: u64,
    #[ts(type = "number")]
    pub remaining: u64,
    /// Bytes now free inside the archive file.
    #[ts(type = "number")]
    pub free_bytes: u64,
}

/// What a compaction gave back to the disk.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompactSummary {
    #[ts(type = "number")]
    pub bytes_before: u64,
    #[ts(type = "number")]
    pub bytes_after: u64,
    #[ts(type = "number")]
    pub bytes_freed: u64,
}

impl From<core::PrunePlan> for PrunePlan {
    fn from(p: core::PrunePlan) -> Self {
        PrunePlan {
            stories: p.stories,
            remaining: p.remaining,
            cited_by_checks: p.cited_by_checks,
            oldest: p.oldest,
            newest: p.newest,
        }
    }
}

impl From<core::PruneSummary> for PruneSummary {
    fn from(p: core::PruneSummary) -> Self {
        PruneSummary {
            stories: p.stories,
            postings: p.postings,
            kept_for_history: p.kept_for_history,
            remaining: p.remaining,
            free_bytes: p.free_bytes,
        }
    }
}

impl From<core::CompactSummary> for CompactSummary {
    fn from(c: core::CompactSummary) -> Self {
        CompactSummary {
            bytes_before: c.bytes_before,
            bytes_after: c.bytes_after,
            bytes_freed: c.bytes_freed,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgencyCount {
    /// `null` for stories whose agency is unknown.
    pub agency: Option<String>,
    #[ts(type = "number")]
    pub stories: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub files: usize,
    pub imported: usize,
    pub duplicates: usize,
    pub skipped: Vec<Skipped>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// The `import-progress` event.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    /// Files read so far (read or skipped).
    pub done: usize,
    /// Files to read.
    pub total: usize,
    /// The file just read or skipped.
    pub path: Option<String>,
    /// Why it was skipped, if it was.
    pub skipped: Option<String>,
}

/// The `check-progress` event.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckProgress {
    /// What the check is doing ("checking", "saving", "done").
    pub stage: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    Strict,
    Standard,
    Lenient,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Alias {
    /// The agency's canonical name ("Reuters"), or a new agency.
    pub canonical: String,
    /// Another name for it ("Thomson Reuters Foundation").
    pub alias: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub preset: Preset,
    /// Shortest passage reported, in matched words.
    pub min_passage_words: usize,
    pub aliases: Vec<Alias>,
    /// Agencies whose stories are never sources.
    pub exclude_agencies: Vec<String>,
    /// Stories that are never sources.
    #[ts(type = "number[]")]
    pub exclude_sources: Vec<i64>,
}

/// A bundled demo article, to try the app with.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoArticle {
    pub name: String,
    pub text: String,
}

// Conversions from the core's types.

impl From<core::Report> for Report {
    fn from(r: core::Report) -> Self {
        Report {
            derived: r.derived.into(),
            confidence: r.confidence,
            probabilities: Probabilities {
                wholly: r.probabilities.wholly,
                partially: r.probabilities.partially,
                none: r.probabilities.none,
            },
            measures: r.measures.into(),
            coverage: r.coverage,
            rewritten: r.rewritten,
            flags: r.flags.into_iter().map(Into::into).collect(),
            sources: r.sources.into_iter().map(Into::into).collect(),
            passages: r.passages.into_iter().map(Into::into).collect(),
            credits: r.credits.into_iter().map(Into::into).collect(),
            boilerplate: r.boilerplate,
            article_words: r.article_words,
            text: r.text,
            article_date: r.article_date.map(Into::into),
            published_later: r.published_later.into_iter().map(Into::into).collect(),
            shared: r.shared.into_iter().map(Into::into).collect(),
            language: r.language,
        }
    }
}

impl From<core::ArticleDate> for ArticleDate {
    fn from(d: core::ArticleDate) -> Self {
        ArticleDate {
            date: d.date,
            text: d.text,
            start: d.start,
            end: d.end,
            from: match d.from {
                core::DateFrom::Text => DateFrom::Text,
                core::DateFrom::Page => DateFrom::Page,
                _ => DateFrom::Option,
            },
        }
    }
}

impl From<core::LaterStory> for LaterStory {
    fn from(s: core::LaterStory) -> Self {
        LaterStory {
            id: s.id,
            origin: s.origin,
            agency: s.agency,
            headline: s.headline,
            published: s.published,
            coverage: s.coverage,
        }
    }
}

impl From<core::SharedStory> for SharedStory {
    fn from(s: core::SharedStory) -> Self {
        SharedStory {
            id: s.id,
            origin: s.origin,
            agency: s.agency,
            headline: s.headline,
            published: s.published,
            coverage: s.coverage,
            evidence: s.evidence.into(),
            passages: s.passages.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<core::Flag> for Flag {
    fn from(f: core::Flag) -> Self {
        Flag {
            source_id: f.source_id,
            agency: f.agency,
            coverage: f.coverage,
            reason: f.reason,
        }
    }
}

impl From<core::SourceReport> for Source {
    fn from(s: core::SourceReport) -> Self {
        Source {
            id: s.id,
            origin: s.origin,
            agency: s.agency,
            headline: s.headline,
            published: s.published,
            coverage: s.coverage,
            credited: s.credited,
            credit: s.credit.map(Into::into),
            evidence: s.evidence.into(),
            language: s.language,
        }
    }
}

impl From<core::Credit> for Credit {
    fn from(c: core::Credit) -> Self {
        Credit {
            agency: c.agency,
            kind: c.kind,
            text: c.text,
            start: c.start,
            end: c.end,
        }
    }
}

impl From<core::Passage> for Passage {
    fn from(p: core::Passage) -> Self {
        Passage {
            source_id: p.source_id,
            article_start: p.article_start,
            article_end: p.article_end,
            source_start: p.source_start,
            source_end: p.source_end,
            kind: match p.kind {
                core::PassageKind::Verbatim => PassageKind::Verbatim,
                core::PassageKind::Rewritten => PassageKind::Rewritten,
                _ => PassageKind::Edited,
            },
            words: p.words,
            diff: p
                .diff
                .into_iter()
                .map(|op| DiffOp {
                    op: match op.op {
                        core::DiffTag::Equal => DiffTag::Equal,
                        core::DiffTag::Insert => DiffTag::Insert,
                        core::DiffTag::Delete => DiffTag::Delete,
                    },
                    text: op.text,
                    start: op.start,
                    end: op.end,
                })
                .collect(),
            evidence: p.evidence.into(),
        }
    }
}

impl From<core::Tier> for Tier {
    fn from(t: core::Tier) -> Self {
        match t {
            core::Tier::Identical => Tier::Identical,
            core::Tier::MinorEdits => Tier::MinorEdits,
            // The weakest claim for a tier this shell does not know yet.
            _ => Tier::Paraphrase,
        }
    }
}

impl From<core::Evidence> for Evidence {
    fn from(e: core::Evidence) -> Self {
        Evidence {
            tier: e.tier.into(),
            confidence: e.confidence,
            reasons: e.reasons,
        }
    }
}

impl From<core::Features> for Measures {
    fn from(f: core::Features) -> Self {
        Measures {
            coverage: f.coverage,
            copied: f.copied,
            verbatim: f.verbatim,
            longest_run: f.longest_run,
            narration: f.narration,
            quoted: f.quoted,
            source_used: f.source_used,
            order: f.order,
            edit_rate: f.edit_rate,
            refill: f.refill,
            long_narration: f.long_narration,
            containment: f.containment,
            article_words: f.article_words,
            lead: f.lead,
            source_lead: f.source_lead,
            sentences: f.sentences,
            trigrams: f.trigrams,
            long_runs: f.long_runs,
            exact: f.exact,
            function_words: f.function_words,
            fivegrams: f.fivegrams,
            longest_copy: f.longest_copy,
            story_words: f.story_words,
            story_content: f.story_content,
            story_bigrams: f.story_bigrams,
            story_tokens: f.story_tokens,
            rare_words: f.rare_words,
            figures: f.figures,
        }
    }
}

impl From<core::Story> for Story {
    fn from(s: core::Story) -> Self {
        Story {
            id: s.id,
            agency: s.agency,
            headline: s.headline,
            byline: s.byline,
            dateline: s.dateline,
            published: s.published,
            version_created: s.version_created,
            external_id: s.external_id,
            origin: s.origin,
            format: s.format.as_str().to_string(),
            body: s.body,
            words: s.words,
            imported_at: s.imported_at,
            language: s.language,
        }
    }
}

impl From<core::StorySummary> for StorySummary {
    fn from(s: core::StorySummary) -> Self {
        StorySummary {
            id: s.id,
            agency: s.agency,
            headline: s.headline,
            published: s.published,
            origin: s.origin,
            words: s.words,
            snippet: s.snippet,
            language: s.language,
        }
    }
}

impl From<core::SavedCheck> for SavedCheck {
    fn from(c: core::SavedCheck) -> Self {
        SavedCheck {
            id: c.id,
            created_at: c.created_at,
            title: c.title,
            derived: c.derived.into(),
            coverage: c.coverage,
            flags: c.flags,
            compared_with: c.compared_with,
        }
    }
}

impl From<Preset> for core::Preset {
    fn from(p: Preset) -> Self {
        match p {
            Preset::Strict => core::Preset::Strict,
            Preset::Standard => core::Preset::Standard,
            Preset::Lenient => core::Preset::Lenient,
        }
    }
}

impl From<core::DecisionStatus> for DecisionStatus {
    fn from(s: core::DecisionStatus) -> Self {
        match s {
            core::DecisionStatus::Confirmed => DecisionStatus::Confirmed,
            _ => DecisionStatus::Dismissed,
        }
    }
}

impl From<DecisionStatus> for core::DecisionStatus {
    fn from(s: DecisionStatus) -> Self {
        match s {
            DecisionStatus::Confirmed => core::DecisionStatus::Confirmed,
            DecisionStatus::Dismissed => core::DecisionStatus::Dismissed,
        }
    }
}

impl From<core::Decision> for Decision {
    fn from(d: core::Decision) -> Self {
        Decision {
            check_id: d.check_id,
            source_id: d.source_id,
            status: d.status.into(),
            reason: d.reason,
            note: d.note,
            decided_at: d.decided_at,
        }
    }
}

impl From<core::ImportSummary> for ImportSummary {
    fn from(s: core::ImportSummary) -> Self {
        ImportSummary {
            files: s.files,
            imported: s.imported,
            duplicates: s.duplicates,
            skipped: s
                .skipped
                .into_iter()
                .map(|k| Skipped {
                    path: k.path,
                    reason: k.reason,
                })
                .collect(),
        }
    }
}

impl From<core::Settings> for Settings {
    fn from(s: core::Settings) -> Self {
        Settings {
            preset: match s.preset {
                core::Preset::Strict => Preset::Strict,
                core::Preset::Lenient => Preset::Lenient,
                _ => Preset::Standard,
            },
            min_passage_words: s.min_passage_words,
            aliases: s
                .aliases
                .into_iter()
                .map(|a| Alias {
                    canonical: a.canonical,
                    alias: a.alias,
                })
                .collect(),
            exclude_agencies: s.exclude_agencies,
            exclude_sources: s.exclude_sources,
        }
    }
}

impl From<Settings> for core::Settings {
    fn from(s: Settings) -> Self {
        core::Settings {
            preset: s.preset.into(),
            min_passage_words: s.min_passage_words,
            aliases: s
                .aliases
                .into_iter()
                .map(|a| core::AliasSetting {
                    canonical: a.canonical,
                    alias: a.alias,
                })
                .collect(),
            exclude_agencies: s.exclude_agencies,
            exclude_sources: s.exclude_sources,
        }
    }
}

/// The watched folders and the watcher's last events.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WatchStatus {
    pub folders: Vec<WatchedFolderStatus>,
    /// The last events, oldest first (at most 200).
    pub events: Vec<WatchLogEntry>,
}

/// A watched folder and its state.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WatchedFolderStatus {
    pub path: String,
    /// The agency given to its stories; `null` reads it from each file.
    pub agency: Option<String>,
    pub state: WatchFolderState,
    /// Whether the system sends file events for it (else it is rescanned every 10 s).
    pub file_events: bool,
    /// What is wrong, when `state` is `error`.
    pub message: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, TS, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum WatchFolderState {
    Starting,
    Watching,
    Stopped,
    Error,
}

/// One event of the watch log; also the `watch-event` event.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WatchLogEntry {
    /// When, in milliseconds since 1970.
    pub at_ms: f64,
    /// `started`, `stopped`, `imported`, `skipped`, `deleted`, `error` or `warning`.
    pub kind: String,
    pub folder: Option<String>,
    pub path: Option<String>,
    /// One line: what was imported, or why not.
    pub message: String,
}
