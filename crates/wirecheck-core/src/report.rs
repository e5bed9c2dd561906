//! The report of a check: what crosses to the CLI's JSON and to the app.
//!
//! Offsets count Unicode scalar values (characters) of the decoded text; ends are exclusive.

use serde::{Deserialize, Serialize};

use crate::verdict::evidence::Evidence;
use crate::verdict::{Derived, Features, Probabilities};

/// The result of checking one article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Report {
    /// Wholly, partially or not derived from the archive.
    pub derived: Derived,
    /// The verdict model's probability of `derived`: of being derived (wholly or partially)
    /// when it is, of not being derived when it is `none`. (0 in reports saved before it
    /// existed, as are the two fields below.)
    #[serde(default)]
    pub confidence: f64,
    /// The verdict model's probability of each class.
    #[serde(default)]
    pub probabilities: Probabilities,
    /// The evidence measures the verdict weighed, over every passage found (before sources
    /// with too little evidence were set aside); see `docs/accuracy.md`.
    #[serde(default)]
    pub measures: Features,
    /// Share of the article's words (boilerplate excluded) matched to any source, 0..=1.
    pub coverage: f64,
    /// The part of `coverage` in rewritten passages (sentences that share content words and
    /// word order with a source, not runs of words): the less certain part.
    pub rewritten: f64,
    /// Sources copied without credit, for review.
    pub flags: Vec<Flag>,
    /// The sources, most coverage first.
    pub sources: Vec<SourceReport>,
    /// The shared passages, in article order.
    pub passages: Vec<Passage>,
    /// Every credit to an agency found in the article, whichever source it names.
    pub credits: Vec<Credit>,
    /// Boilerplate set aside from matching, as `[start, end)` character ranges.
    pub boilerplate: Vec<[usize; 2]>,
    /// Number of words of the article used for matching.
    pub article_words: usize,
    /// The decoded article text all offsets refer to.
    pub text: String,
    /// The article's own date: read from its text (a dated dateline, an "Updated:" label...),
    /// or the `published_before` option when given, which overrides the text; `null` when
    /// neither says. Absent from reports saved before it existed.
    #[serde(default)]
    pub article_date: Option<ArticleDate>,
    /// Stories that would have been sources but were published after the article's date, most
    /// coverage first. They are not sources and are not flagged.
    #[serde(default)]
    pub published_later: Vec<LaterStory>,
    /// Stories the article shares text with that are not its sources: what they share is
    /// quotes, names, figures or a frame that independent reports carry too, too little to
    /// show copying. Most shared words first; never flagged. Absent from reports saved before
    /// it existed.
    #[serde(default)]
    pub shared: Vec<SharedStory>,
    /// The article's language, an ISO 639-1 code (`fr`), as detected; `null` when the text is
    /// too short to tell, and in reports saved before languages were detected.
    #[serde(default)]
    pub language: Option<String>,
}

/// A stored story the article shares text with.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SourceReport {
    /// The story's id in the archive.
    pub id: i64,
    /// Where the story was imported from.
    pub origin: String,
    /// The story's agency, canonical name, or `null` when unknown.
    pub agency: Option<String>,
    /// The story's headline.
    pub headline: String,
    /// When the story was published, as stored.
    pub published: Option<String>,
    /// Share of the article's words matched to this story.
    pub coverage: f64,
    /// Whether the article credits this story's agency.
    pub credited: bool,
    /// The credit found, or `null`.
    pub credit: Option<Credit>,
    /// How sure the match is, and why (empty in reports saved before it existed).
    #[serde(default)]
    pub evidence: Evidence,
    /// The story's language as stored, an ISO 639-1 code; `null` when unknown.
    #[serde(default)]
    pub language: Option<String>,
}

/// A credit to an agency found in the article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Credit {
    /// The agency credited, canonical name.
    pub agency: String,
    /// What kind of credit it is (dateline, credit_line, byline, ...).
    pub kind: String,
    /// The credit as written.
    pub text: String,
    /// Start, in characters.
    pub start: usize,
    /// End, in characters, exclusive.
    pub end: usize,
}

/// A source copied without credit.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Flag {
    /// The story's id.
    pub source_id: i64,
    /// The story's agency, if known.
    pub agency: Option<String>,
    /// The source's coverage.
    pub coverage: f64,
    /// Why it is flagged, in one sentence.
    pub reason: String,
}

/// A passage of the article copied from one source.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Passage {
    /// The source story's id.
    pub source_id: i64,
    /// Start in the article, in characters.
    pub article_start: usize,
    /// End in the article, in characters, exclusive.
    pub article_end: usize,
    /// Start in the source's body, in characters.
    pub source_start: usize,
    /// End in the source's body, in characters, exclusive.
    pub source_end: usize,
    /// Verbatim, or edited by the republisher.
    pub kind: PassageKind,
    /// Number of article words in the passage.
    pub words: usize,
    /// The word diff from the source to the article.
    pub diff: Vec<DiffOp>,
    /// How sure the match is, and why (empty in reports saved before it existed).
    #[serde(default)]
    pub evidence: Evidence,
}

/// How a passage was copied.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PassageKind {
    /// Every word matches (after normalization).
    Verbatim,
    /// Words were changed, added or dropped.
    Edited,
    /// Rewritten: the sentences share content words and word order with the source but few
    /// exact runs (a journalist's rewrite or a synonym spinner). Less certain than the others.
    Rewritten,
}

/// One step of a word diff.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct DiffOp {
    /// Equal, insert (in the article only) or delete (in the source only).
    pub op: DiffTag,
    /// The words, as written in the article (equal, insert) or the source (delete).
    pub text: String,
    /// Where `text` starts, in characters: in the article (equal, insert) or in the source's
    /// body (delete). 0 in reports saved before it existed, as is `end`: an empty range means
    /// the position is not known.
    #[serde(default)]
    pub start: usize,
    /// Where `text` ends, in characters, exclusive.
    #[serde(default)]
    pub end: usize,
}

/// The kind of a diff step.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DiffTag {
    /// The same in both.
    Equal,
    /// Added by the article.
    Insert,
    /// Dropped by the article.
    Delete,
}

/// The article's own date and where it comes from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ArticleDate {
    /// ISO 8601: `2019-03-04`, or `2019-03-04T10:41` when a time was read (time zones are not
    /// kept); the option's value as given when `from` is `option`.
    pub date: String,
    /// The date as written in the article, or the option's value.
    pub text: String,
    /// Start in the article, in characters; `null` when `from` is `option`.
    pub start: Option<usize>,
    /// End in the article, in characters, exclusive; `null` when `from` is `option`.
    pub end: Option<usize>,
    /// Where the date comes from.
    pub from: DateFrom,
}

/// Where the article's date comes from.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateFrom {
    /// Read from the article's text.
    Text,
    /// Given by the user (`published_before`, `--before`).
    Option,
    /// Read from a saved page's metadata (`article:published_time`, or the first `<time
    /// datetime>`), when its text states no date.
    Page,
}

/// A stored story the article shares text with but is not derived from (see
/// [`Report::shared`]): listed with the shared passages so that an editor sees what is shared
/// and why it is not copying.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SharedStory {
    /// The story's id in the archive.
    pub id: i64,
    /// Where the story was imported from.
    pub origin: String,
    /// The story's agency, canonical name, or `null` when unknown.
    pub agency: Option<String>,
    /// The story's headline.
    pub headline: String,
    /// When the story was published, as stored.
    pub published: Option<String>,
    /// Share of the article's words in the shared passages.
    pub coverage: f64,
    /// How the shared text reads as evidence of copying, and why it is not enough.
    pub evidence: Evidence,
    /// The shared passages, in article order.
    pub passages: Vec<Passage>,
}

/// A story that would have been a source but was published after the article's date.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LaterStory {
    /// The story's id in the archive.
    pub id: i64,
    /// Where the story was imported from.
    pub origin: String,
    /// The story's agency, canonical name, or `null` when unknown.
    pub agency: Option<String>,
    /// The story's headline.
    pub headline: String,
    /// When the story was published, as stored.
    pub published: String,
    /// Share of the article's words it would have matched as a source.
    pub coverage: f64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::store::Archive;
    use crate::check::{CheckOptions, check_text};

    /// Regression: checks saved in the history before the verdict model existed hold reports
    /// without `confidence`, `probabilities`, `measures` and `evidence`; they still load.
    #[test]
    fn a_report_saved_before_the_evidence_fields_still_loads() {
        let archive = Archive::open_in_memory().unwrap();
        let report = check_text(
            &archive,
            "The ferry resumed service on Monday after repairs.",
            &CheckOptions::default(),
        )
        .unwrap();
        let mut json = serde_json::to_value(&report).unwrap();
        let object = json.as_object_mut().unwrap();
        for key in ["confidence", "probabilities", "measures"] {
            object.remove(key);
        }
        let old: Report = serde_json::from_value(json).unwrap();
        assert_eq!(old.derived, report.derived);
        assert_eq!(old.confidence, 0.0);

        let passage = serde_json::json!({
            "source_id": 1, "article_start": 0, "article_end": 5, "source_start": 0,
            "source_end": 5, "kind": "verbatim", "words": 1, "diff": []
        });
        let old: Passage = serde_json::from_value(passage).unwrap();
        assert_eq!(
            old.evidence.tier,
            crate::verdict::evidence::Tier::Paraphrase
        );
        assert!(old.evidence.reasons.is_empty());
    }

    /// Regression: reports saved before diff ops carried their offsets hold ops with only
    /// `op` and `text`; they still load, with an empty range (position unknown).
    #[test]
    fn a_report_saved_before_the_diff_offsets_still_loads() {
        let passage = serde_json::json!({
            "source_id": 1, "article_start": 0, "article_end": 9, "source_start": 0,
            "source_end": 11, "kind": "edited", "words": 2,
            "diff": [
                {"op": "equal", "text": "ferry"},
                {"op": "delete", "text": "left"},
                {"op": "insert", "text": "set off"}
            ]
        });
        let old: Passage = serde_json::from_value(passage).unwrap();
        assert_eq!(old.diff.len(), 3);
        assert_eq!(old.diff[1].op, DiffTag::Delete);
        assert_eq!(old.diff[2].text, "set off");
        assert!(
            old.diff.iter().all(|o| o.start == 0 && o.end == 0),
            "missing offsets load as an empty range: {:?}",
            old.diff
        );
        let back = serde_json::to_value(&old.diff[2]).unwrap();
        assert_eq!(
            back,
            serde_json::json!({"op": "insert", "text": "set off", "start": 0, "end": 0}),
            "and are written out from then on"
        );
    }
}
