//! Measures the engine on the METER corpus (Clough et al., 2002): newspaper stories labelled
//! wholly, partially or non-derived from Press Association copy, with word-level annotation of
//! what was copied. See `docs/accuracy.md` for the figures of the current engine.
//!
//! The PA copy is imported into a fresh temporary archive, every labelled newspaper story is
//! checked with the options given, and the verdicts, sources and passages are compared with the
//! labels. The metric arithmetic lives in [`metrics`], the annotation in [`gold`].

use std::fs::File;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};

use wirecheck_core::{
    Archive, CheckOptions, Derived, Error, Features, Importer, MAX_ARTICLE_BYTES, Passage, Result,
    check,
};

use crate::gold::{self, TokenCounts, parse_annotated, score_tokens};
use crate::metrics::{self, CLASSES, Confusion, Scores};
use crate::workers::on_threads;

/// Annotated files larger than this are not METER annotation; they are skipped.
const MAX_ANNOTATED_BYTES: u64 = 8 * 1024 * 1024;

/// The figures of one evaluation run.
#[derive(Debug, Clone, Serialize)]
pub struct MeterEvaluation {
    /// Newspaper stories evaluated (lines of `labels.jsonl`).
    pub stories: usize,
    /// Stories that could not be checked (unreadable, empty...); counted as predicted `none`.
    pub errors: Vec<String>,
    /// How the PA copy went into the temporary archive.
    pub import: ImportFigures,
    /// Three-way confusion: `matrix[gold][predicted]`, classes in the order of `classes`.
    pub confusion: ConfusionFigures,
    /// Per-class precision, recall and F1, in the order of `confusion.classes`.
    pub per_class: Vec<Scores>,
    /// The mean of the three per-class F1 scores.
    pub macro_f1: f64,
    /// Derived (wholly or partially) against non-derived; derived is the positive class.
    pub binary: Scores,
    /// Whether the top source is one of the story's PA files.
    pub source_accuracy: SourceAccuracy,
    /// Word-level scores of derived text against the `<Verbatim>`/`<Rewrite>` annotation.
    pub tokens: TokenFigures,
    /// Time taken.
    pub timing: Timing,
    /// One line per story, in `labels.jsonl` order.
    pub outcomes: Vec<StoryOutcome>,
}

/// The import of the PA copy.
#[derive(Debug, Clone, Serialize)]
pub struct ImportFigures {
    /// Files read.
    pub files: usize,
    /// Stories stored.
    pub imported: usize,
    /// Files that repeated a stored story.
    pub duplicates: usize,
    /// Files skipped.
    pub skipped: usize,
}

/// The confusion matrix with its labels.
#[derive(Debug, Clone, Serialize)]
pub struct ConfusionFigures {
    /// Row and column labels.
    pub classes: [Derived; 3],
    /// `matrix[gold][predicted]`.
    pub matrix: [[usize; 3]; 3],
}

/// A share of stories.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Share {
    /// Stories counted right.
    pub correct: usize,
    /// Stories counted.
    pub total: usize,
    /// `correct / total`, 0 when there are none.
    pub accuracy: f64,
}

impl Share {
    fn new(correct: usize, total: usize) -> Share {
        Share {
            correct,
            total,
            accuracy: metrics::ratio(correct, total),
        }
    }
}

/// Source accuracy, two ways.
#[derive(Debug, Clone, Serialize)]
pub struct SourceAccuracy {
    /// Gold-derived stories with at least one source reported.
    pub with_source: Share,
    /// All gold-derived stories; a story with no source counts as wrong.
    pub all_derived: Share,
}

/// Word-level figures, micro-averaged over every annotated word of every story.
#[derive(Debug, Clone, Serialize)]
pub struct TokenFigures {
    /// Stories with lexical annotation (METER leaves many `<unclassified>`).
    pub annotated_stories: usize,
    /// Annotated words.
    pub words: usize,
    /// Annotated words with no counterpart in the raw text (counted as not predicted).
    pub unaligned: usize,
    /// Precision, recall and F1 of derived words: the words of the reported passages (none when
    /// the verdict is `none`).
    pub scores: Scores,
    /// The same over every passage the story shares with a stored story, copied or only shared
    /// ([`wirecheck_core::Report::shared`]), whatever the verdict: METER marks the quotes a
    /// non-derived story shares with PA as `<Verbatim>` too.
    pub shared: Scores,
    /// Share of `<Verbatim>` words predicted derived.
    pub verbatim_recall: f64,
    /// Share of `<Rewrite>` words predicted derived.
    pub rewrite_recall: f64,
}

/// Time taken.
#[derive(Debug, Clone, Serialize)]
pub struct Timing {
    /// Threads that ran the checks.
    pub threads: usize,
    /// Seconds to import the PA copy.
    pub import_seconds: f64,
    /// Seconds to check every story (wall clock).
    pub check_seconds: f64,
    /// Stories checked per second (wall clock).
    pub checks_per_second: f64,
}

/// What happened to one story.
#[derive(Debug, Clone, Serialize)]
pub struct StoryOutcome {
    /// `newspaper_file`, as in `labels.jsonl`.
    pub newspaper_file: String,
    /// The label.
    pub gold: Derived,
    /// The engine's verdict.
    pub predicted: Derived,
    /// The share of the story matched.
    pub coverage: f64,
    /// The part of `coverage` found as rewritten sentences.
    pub rewritten: f64,
    /// Share of the story matched to its top source.
    pub top_coverage: f64,
    /// Words of the story used for matching.
    pub words: usize,
    /// The top source's origin, if any.
    pub top_source: Option<String>,
    /// Whether the top source is one of the story's PA files.
    pub source_correct: bool,
    /// The evidence measures of the check (the verdict model's inputs).
    pub measures: Features,
    /// The story's day (`date` in `labels.jsonl`): the cross-validation folds group by it.
    pub day: String,
    /// Word-level counts for each verdict the fit may give: what it needs to score token F1
    /// for any verdict.
    #[serde(skip)]
    pub(crate) token_counts: Option<TokenOutcomes>,
}

/// A story's word-level counts (annotated stories only).
#[derive(Debug, Clone, Copy)]
pub(crate) struct TokenOutcomes {
    /// Had the story been reported derived: its passages as checked, or, when the check said
    /// `none`, the passages of the stories it shares text with (what would have been its
    /// passages).
    pub(crate) if_derived: TokenCounts,
    /// Had it been reported `none`: no passages.
    pub(crate) if_none: TokenCounts,
    /// Every passage it shares with a stored story, copied or shared, whatever the verdict.
    pub(crate) shared: TokenCounts,
}

/// One line of `labels.jsonl`.
#[derive(Debug, Clone, Deserialize)]
struct Label {
    newspaper_file: String,
    #[serde(default)]
    annotated_file: Option<String>,
    label: String,
    #[serde(default)]
    pa_files: Vec<String>,
    #[serde(default)]
    date: String,
}

/// Evaluates the engine on a METER-like folder: `labels.jsonl`, `PA/rawtexts/`, and the
/// newspaper and annotated files the labels name. Checks run on `threads` threads (at least
/// one), each with its own connection to the temporary archive.
pub fn evaluate_meter(
    dir: &Path,
    options: &CheckOptions,
    threads: usize,
) -> Result<MeterEvaluation> {
    let labels = read_labels(dir)?;
    let pa = dir.join("PA").join("rawtexts");
    let temp = TempDir::new()?;
    let db = temp.db();

    let started = Instant::now();
    let summary = {
        let mut archive = Archive::open(&db)?;
        Importer::new()
            .agency(Some("PA".into()))?
            .run(&mut archive, &[pa], |_| {})?
    };
    let import_seconds = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let threads = threads.clamp(1, labels.len().max(1));
    let results = check_all(dir, &db, &labels, options, threads)?;
    let check_seconds = started.elapsed().as_secs_f64();

    let mut confusion = Confusion::default();
    let mut tokens = TokenCounts::default();
    let mut shared_tokens = TokenCounts::default();
    let (mut annotated, mut derived, mut with_source, mut right) = (0, 0, 0, 0);
    let mut errors = Vec::new();
    let mut outcomes = Vec::with_capacity(labels.len());
    for ((label, gold), result) in labels.iter().zip(results) {
        confusion.add(*gold, result.predicted);
        if let Some(counts) = result.tokens {
            annotated += 1;
            tokens += counts;
        }
        if let Some(counts) = result.token_outcomes {
            shared_tokens += counts.shared;
        }
        let source_correct = result
            .top_source
            .as_deref()
            .is_some_and(|origin| label.pa_files.iter().any(|pa| same_file(origin, pa)));
        if *gold != Derived::None {
            derived += 1;
            with_source += usize::from(result.top_source.is_some());
            right += usize::from(source_correct);
        }
        if let Some(error) = result.error {
            errors.push(format!("{}: {error}", label.newspaper_file));
        }
        outcomes.push(StoryOutcome {
            newspaper_file: label.newspaper_file.clone(),
            gold: *gold,
            predicted: result.predicted,
            coverage: result.coverage,
            rewritten: result.rewritten,
            top_coverage: result.top_coverage,
            words: result.words,
            top_source: result.top_source,
            source_correct,
            measures: result.measures,
            day: label.date.clone(),
            token_counts: result.token_outcomes,
        });
    }

    Ok(MeterEvaluation {
        stories: labels.len(),
        errors,
        import: ImportFigures {
            files: summary.files,
            imported: summary.imported,
            duplicates: summary.duplicates,
            skipped: summary.skipped.len(),
        },
        per_class: confusion.per_class().to_vec(),
        macro_f1: confusion.macro_f1(),
        binary: confusion.binary(),
        confusion: ConfusionFigures {
            classes: CLASSES,
            matrix: confusion.counts,
        },
        source_accuracy: SourceAccuracy {
            with_source: Share::new(right, with_source),
            all_derived: Share::new(right, derived),
        },
        tokens: TokenFigures {
            annotated_stories: annotated,
            words: tokens.total,
            unaligned: tokens.unaligned,
            scores: Scores::from_counts(
                tokens.true_positives,
                tokens.false_positives,
                tokens.false_negatives,
            ),
            shared: Scores::from_counts(
                shared_tokens.true_positives,
                shared_tokens.false_positives,
                shared_tokens.false_negatives,
            ),
            verbatim_recall: metrics::ratio(tokens.verbatim.1, tokens.verbatim.0),
            rewrite_recall: metrics::ratio(tokens.rewrite.1, tokens.rewrite.0),
        },
        timing: Timing {
            threads,
            import_seconds,
            check_seconds,
            checks_per_second: if check_seconds > 0.0 {
                labels.len() as f64 / check_seconds
            } else {
                0.0
            },
        },
        outcomes,
    })
}

/// Whether a stored origin (absolute, or as given to the importer) names the PA file given
/// relative to the corpus folder: a suffix match on whole path components.
fn same_file(origin: &str, pa_file: &str) -> bool {
    !pa_file.is_empty() && Path::new(origin).ends_with(Path::new(pa_file))
}

fn not_meter(dir: &Path, what: &str) -> Error {
    Error::Invalid(format!(
        "{} is not laid out like the METER corpus (meter-dev): {what}",
        dir.display()
    ))
}

fn read_labels(dir: &Path) -> Result<Vec<(Label, Derived)>> {
    if !dir.join("PA").join("rawtexts").is_dir() {
        return Err(not_meter(dir, "no PA/rawtexts folder"));
    }
    let path = dir.join("labels.jsonl");
    let text = std::fs::read_to_string(&path).map_err(|_| not_meter(dir, "no labels.jsonl"))?;
    let mut labels = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let malformed = |message: String| Error::Malformed {
            format: "METER labels.jsonl",
            message: format!("line {}: {message}", n + 1),
        };
        let label: Label = serde_json::from_str(line).map_err(|e| malformed(e.to_string()))?;
        let gold = match label.label.as_str() {
            "wholly_derived" => Derived::Wholly,
            "partially_derived" => Derived::Partially,
            "non_derived" => Derived::None,
            other => return Err(malformed(format!("unknown label {other:?}"))),
        };
        if !inside(&label.newspaper_file) || !label.annotated_file.as_deref().is_none_or(inside) {
            return Err(malformed(
                "paths must be relative to the corpus folder".into(),
            ));
        }
        labels.push((label, gold));
    }
    if labels.is_empty() {
        return Err(not_meter(dir, "labels.jsonl lists no stories"));
    }
    Ok(labels)
}

/// A relative path that stays inside the corpus folder.
fn inside(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// What the engine said about one story.
#[derive(Debug)]
struct StoryResult {
    predicted: Derived,
    coverage: f64,
    rewritten: f64,
    top_coverage: f64,
    words: usize,
    top_source: Option<String>,
    tokens: Option<TokenCounts>,
    /// The token counts for each verdict the fit may give.
    token_outcomes: Option<TokenOutcomes>,
    error: Option<String>,
    measures: Features,
}

fn check_all(
    dir: &Path,
    db: &Path,
    labels: &[(Label, Derived)],
    options: &CheckOptions,
    threads: usize,
) -> Result<Vec<StoryResult>> {
    on_threads(db, labels, threads, |archive, (label, _)| {
        evaluate_story(archive, dir, label, options)
    })
}

fn evaluate_story(
    archive: &Archive,
    dir: &Path,
    label: &Label,
    options: &CheckOptions,
) -> StoryResult {
    let gold = label
        .annotated_file
        .as_deref()
        .and_then(|file| read_bounded(&dir.join(file), MAX_ANNOTATED_BYTES).ok())
        .map(|bytes| parse_annotated(&gold::latin1(&bytes)))
        .filter(|words| !words.is_empty());
    let path = dir.join(&label.newspaper_file);
    let report = read_bounded(&path, MAX_ARTICLE_BYTES as u64 + 1)
        .and_then(|bytes| check(archive, &bytes, options));
    match report {
        Ok(report) => {
            let spans = |passages: &[&Passage]| -> Vec<(usize, usize)> {
                passages
                    .iter()
                    .map(|p| (p.article_start, p.article_end))
                    .collect()
            };
            let copied: Vec<&Passage> = report.passages.iter().collect();
            let shared: Vec<&Passage> = report.shared.iter().flat_map(|s| &s.passages).collect();
            let all: Vec<&Passage> = copied.iter().chain(&shared).copied().collect();
            let token_outcomes = gold.as_ref().map(|words| {
                let score =
                    |passages: &[&Passage]| score_tokens(words, &report.text, &spans(passages));
                TokenOutcomes {
                    if_derived: if report.derived == Derived::None {
                        score(&shared)
                    } else {
                        score(&copied)
                    },
                    if_none: score_tokens(words, "", &[]),
                    shared: score(&all),
                }
            });
            StoryResult {
                predicted: report.derived,
                coverage: report.coverage,
                rewritten: report.rewritten,
                top_coverage: report.sources.first().map_or(0.0, |s| s.coverage),
                words: report.article_words,
                top_source: report.sources.first().map(|s| s.origin.clone()),
                tokens: gold
                    .as_ref()
                    .map(|words| score_tokens(words, &report.text, &spans(&copied))),
                token_outcomes,
                error: None,
                measures: report.measures,
            }
        }
        // An unreadable or empty story predicts nothing: every gold word is missed.
        Err(error) => StoryResult {
            tokens: gold.as_ref().map(|words| score_tokens(words, "", &[])),
            token_outcomes: gold.map(|words| {
                let nothing = score_tokens(&words, "", &[]);
                TokenOutcomes {
                    if_derived: nothing,
                    if_none: nothing,
                    shared: nothing,
                }
            }),
            error: Some(error.to_string()),
            predicted: Derived::None,
            coverage: 0.0,
            rewritten: 0.0,
            top_coverage: 0.0,
            words: 0,
            top_source: None,
            measures: Features::default(),
        },
    }
}

fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut bytes = Vec::new();
    File::open(path)
        .map_err(io)?
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    Ok(bytes)
}

/// A folder of our own under the system's temporary directory, removed on drop.
pub(crate) struct TempDir {
    pub(crate) path: PathBuf,
}

impl TempDir {
    /// The archive file in it.
    pub(crate) fn db(&self) -> PathBuf {
        self.path.join("archive.sqlite")
    }

    pub(crate) fn new() -> Result<TempDir> {
        let base = std::env::temp_dir();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let mut last = None;
        for attempt in 0..100u32 {
            let path = base.join(format!(
                "wirecheck-eval-{}-{nanos}-{attempt}",
                std::process::id()
            ));
            // `create_dir` fails on an existing folder: never reuse someone else's.
            match std::fs::create_dir(&path) {
                Ok(()) => return Ok(TempDir { path }),
                Err(e) => last = Some((path, e)),
            }
        }
        Err(match last {
            Some((path, source)) => Error::Io { path, source },
            None => Error::Invalid("cannot create a temporary folder".into()),
        })
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
#[path = "meter_tests.rs"]
mod tests;
