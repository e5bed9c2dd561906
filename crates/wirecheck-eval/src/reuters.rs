//! False reports on Reuters-21578: stories that share no 8-word run with any stored story are
//! checked against an archive of the others, and every one reported derived is a false report.
//!
//! The stories of a first part of the collection (by `NEWID`, the order of the files) are
//! imported into a fresh temporary archive as Reuters copy. Each later story is compared with
//! the stored ones word by word (the engine's normalized tokens): a story that shares no run of
//! [`FRESH_RUN`] words with any of them ("fresh") has nothing a reader would call copied, yet
//! follow-ups on one company and monthly statistics templates share names, figures and stock
//! sentences with earlier stories. Those are checked through the same path as
//! `wirecheck check`; the target is that none is reported derived. As a control, later stories
//! that do share a run of [`REUSED_RUN`] words or more ("reused": repeats, corrections,
//! write-throughs) are checked too, and should mostly be reported derived.
//!
//! Selection is deterministic: stories in `NEWID` order, the first `articles` of each group.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use wirecheck_core::bench::{SourceStory, load_dir};
use wirecheck_core::text::tokenize;
use wirecheck_core::{
    Archive, CheckOptions, Derived, DiffOp, Error, Evidence, Features, Importer, PassageKind,
    Probabilities, Report, Result, check,
};

use crate::meter::{ImportFigures, TempDir, Timing};
use crate::workers::on_threads;

/// A story sharing no run of this many words with the archive is "fresh": any verdict other
/// than `none` is a false report.
pub const FRESH_RUN: usize = 8;
/// A story sharing a run of at least this many words with one stored story is "reused".
pub const REUSED_RUN: usize = 25;
/// Stories per JSON Lines batch given to the importer.
const BATCH: usize = 1000;
/// Stories per file of the distribution (README, section VI: the first 21 files hold 1000).
const STORIES_PER_FILE: u32 = 1000;

/// Which stories go into the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StoredPart {
    /// The stories of the first `n` files, `reut2-000` on (`NEWID` up to `1000 * n`).
    Files(u32),
    /// The first `n` stories in `NEWID` order.
    Stories(usize),
}

/// How the evaluation runs.
#[derive(Debug, Clone)]
pub struct ReutersOptions {
    /// The stored part.
    pub stored: StoredPart,
    /// Most stories checked per group (fresh, reused).
    pub articles: usize,
    /// Threads that run the checks (at least one).
    pub threads: usize,
    /// The check options.
    pub check: CheckOptions,
}

/// The figures of one run.
#[derive(Debug, Clone, Serialize)]
pub struct ReutersEvaluation {
    /// What was stored and held out.
    pub corpus: Corpus,
    /// Held-out stories that share no [`FRESH_RUN`]-word run with any stored story: every
    /// derived verdict is false.
    pub fresh: Group,
    /// Held-out stories that share a run of [`REUSED_RUN`] words or more with a stored story:
    /// the control, mostly real reuse.
    pub reused: Group,
    /// Time taken.
    pub timing: Timing,
}

/// The split of the collection.
#[derive(Debug, Clone, Serialize)]
pub struct Corpus {
    /// Stories with a usable body (40 words or more) read.
    pub stories: usize,
    /// How the stored part was chosen.
    pub stored_part: StoredPart,
    /// Stories given to the importer.
    pub stored: usize,
    /// The importer's figures (repeated bodies are duplicates).
    pub import: ImportFigures,
    /// Stories after the stored part.
    pub held_out: usize,
    /// Held-out stories sharing no run of [`FRESH_RUN`] words.
    pub fresh: usize,
    /// Held-out stories whose longest shared run is between the two bounds (not checked).
    pub between: usize,
    /// Held-out stories sharing a run of [`REUSED_RUN`] words or more.
    pub reused: usize,
}

/// The checks of one group.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// Stories checked.
    pub checked: usize,
    /// Reported wholly derived.
    pub wholly: usize,
    /// Reported partially derived.
    pub partially: usize,
    /// Reported not derived.
    pub none: usize,
    /// Stories that could not be checked.
    pub errors: Vec<String>,
    /// Coverage of every story checked (measured even when the verdict is `none`).
    pub coverage: Distribution,
    /// The report's `confidence` of every story checked.
    pub confidence: Distribution,
    /// The model's probability of derived (wholly + partially) of every story checked.
    pub derived_probability: Distribution,
    /// The stories reported derived, wholly or partially.
    pub reported: Reported,
    /// Every story checked, in `NEWID` order; passages only for those reported derived.
    pub outcomes: Vec<Outcome>,
}

/// What the stories reported derived have in common.
#[derive(Debug, Clone, Serialize)]
pub struct Reported {
    /// Their coverage.
    pub coverage: Distribution,
    /// Their confidence.
    pub confidence: Distribution,
    /// Sources reported per story.
    pub sources: Distribution,
    /// Their passages by kind.
    pub passages: Vec<KindFigures>,
}

/// Passages of one kind.
#[derive(Debug, Clone, Serialize)]
pub struct KindFigures {
    /// The kind.
    pub kind: PassageKind,
    /// How many.
    pub passages: usize,
    /// Their length in article words.
    pub words: Distribution,
    /// Their evidence confidence.
    pub confidence: Distribution,
}

/// A distribution's summary; all 0 when empty.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Distribution {
    /// Values.
    pub n: usize,
    /// Smallest.
    pub min: f64,
    /// 10th percentile (nearest rank).
    pub p10: f64,
    /// 25th percentile.
    pub p25: f64,
    /// Median.
    pub p50: f64,
    /// 75th percentile.
    pub p75: f64,
    /// 90th percentile.
    pub p90: f64,
    /// Largest.
    pub max: f64,
    /// Mean.
    pub mean: f64,
}

impl Distribution {
    /// The summary of `values` (any order).
    pub fn of(values: impl IntoIterator<Item = f64>) -> Distribution {
        let mut v: Vec<f64> = values.into_iter().filter(|x| x.is_finite()).collect();
        if v.is_empty() {
            return Distribution::default();
        }
        v.sort_by(f64::total_cmp);
        let rank = |p: f64| v[((p / 100.0 * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1];
        Distribution {
            n: v.len(),
            min: v[0],
            p10: rank(10.0),
            p25: rank(25.0),
            p50: rank(50.0),
            p75: rank(75.0),
            p90: rank(90.0),
            max: v[v.len() - 1],
            mean: v.iter().sum::<f64>() / v.len() as f64,
        }
    }
}

/// One story checked.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// Its `NEWID`.
    pub newid: u32,
    /// Its headline.
    pub headline: String,
    /// The longest run of words it shares with one stored story (0 below [`FRESH_RUN`]).
    pub shared_run: usize,
    /// Words of the article used for matching.
    pub words: usize,
    /// The verdict.
    pub derived: Derived,
    /// The report's confidence.
    pub confidence: f64,
    /// The model's probabilities.
    pub probabilities: Probabilities,
    /// Coverage.
    pub coverage: f64,
    /// The rewritten part of coverage.
    pub rewritten: f64,
    /// The evidence measures.
    pub measures: Features,
    /// The sources reported.
    pub sources: Vec<SourceOutcome>,
    /// The passages reported.
    pub passages: Vec<PassageOutcome>,
}

/// A source reported.
#[derive(Debug, Clone, Serialize)]
pub struct SourceOutcome {
    /// The stored story's `NEWID`, when it has one.
    pub newid: Option<u32>,
    /// Its headline.
    pub headline: String,
    /// Coverage of the article by it.
    pub coverage: f64,
    /// Its evidence.
    pub evidence: Evidence,
}

/// A passage reported.
#[derive(Debug, Clone, Serialize)]
pub struct PassageOutcome {
    /// The source's `NEWID`.
    pub source_newid: Option<u32>,
    /// Verbatim, edited or rewritten.
    pub kind: PassageKind,
    /// Article words in the passage.
    pub words: usize,
    /// The passage as written in the article.
    pub article_text: String,
    /// The matched span of the source.
    pub source_text: String,
    /// The word diff from the source to the article.
    pub diff: Vec<DiffOp>,
    /// Its evidence.
    pub evidence: Evidence,
}

/// Runs the evaluation on the Reuters-21578 folder `dir`.
pub fn evaluate_reuters(dir: &Path, options: &ReutersOptions) -> Result<ReutersEvaluation> {
    let mut stories = load_dir(dir)?;
    stories.sort_by_key(|s| s.newid);
    evaluate_stories(stories, options)
}

/// Runs the evaluation on stories already read, in `NEWID` order.
pub fn evaluate_stories(
    stories: Vec<SourceStory>,
    options: &ReutersOptions,
) -> Result<ReutersEvaluation> {
    let (stored, held_out) = split_stored(&stories, options.stored)?;
    let (temp, summary, import_seconds) = import_temporary(stored)?;
    let db = temp.db();

    let runs = SharedRuns::new(stored);
    let (mut fresh, mut reused, mut between) = (Vec::new(), Vec::new(), 0);
    for story in held_out {
        let run = runs.longest(&story.body());
        if run < FRESH_RUN {
            fresh.push((story, run));
        } else if run >= REUSED_RUN {
            reused.push((story, run));
        } else {
            between += 1;
        }
    }
    let corpus = Corpus {
        stories: stories.len(),
        stored_part: options.stored,
        stored: stored.len(),
        import: ImportFigures {
            files: summary.files,
            imported: summary.imported,
            duplicates: summary.duplicates,
            skipped: summary.skipped.len(),
        },
        held_out: held_out.len(),
        fresh: fresh.len(),
        between,
        reused: reused.len(),
    };
    fresh.truncate(options.articles);
    reused.truncate(options.articles);

    let started = Instant::now();
    let threads = options.threads.max(1);
    let fresh = group(check_all(&db, &fresh, &options.check, threads)?);
    let reused = group(check_all(&db, &reused, &options.check, threads)?);
    let check_seconds = started.elapsed().as_secs_f64();
    let checked = fresh.checked + reused.checked;
    Ok(ReutersEvaluation {
        corpus,
        fresh,
        reused,
        timing: Timing {
            threads,
            import_seconds,
            check_seconds,
            checks_per_second: if check_seconds > 0.0 {
                checked as f64 / check_seconds
            } else {
                0.0
            },
        },
    })
}

/// The stored part of `stories` (in `NEWID` order) and the held-out rest; both must have
/// stories.
pub(crate) fn split_stored(
    stories: &[SourceStory],
    part: StoredPart,
) -> Result<(&[SourceStory], &[SourceStory])> {
    let split = match part {
        StoredPart::Files(n) => stories.partition_point(|s| s.newid <= n * STORIES_PER_FILE),
        StoredPart::Stories(n) => n.min(stories.len()),
    };
    let (stored, held_out) = stories.split_at(split);
    if stored.is_empty() || held_out.is_empty() {
        return Err(Error::Invalid(format!(
            "{} stories split into {} stored and {} held out: both parts must have stories",
            stories.len(),
            stored.len(),
            held_out.len()
        )));
    }
    Ok((stored, held_out))
}

/// A temporary archive of `stories`, imported as Reuters copy; the import and its seconds.
pub(crate) fn import_temporary(
    stories: &[SourceStory],
) -> Result<(TempDir, wirecheck_core::ImportSummary, f64)> {
    let temp = TempDir::new()?;
    let started = Instant::now();
    let summary = import(&temp.db(), stories)?;
    Ok((temp, summary, started.elapsed().as_secs_f64()))
}

/// Imports `stories` as Reuters copy through the importer, as `wirecheck import` would a
/// JSON Lines feed; each keeps its `NEWID` as its id.
fn import(db: &Path, stories: &[SourceStory]) -> Result<wirecheck_core::ImportSummary> {
    let files: Vec<(String, Vec<u8>)> = stories
        .chunks(BATCH)
        .enumerate()
        .map(|(n, chunk)| {
            let mut lines = String::new();
            for s in chunk {
                let line = serde_json::json!({
                    "id": s.newid,
                    "headline": s.title,
                    "dateline": s.dateline,
                    "published": s.date,
                    "body": s.body(),
                });
                lines.push_str(&line.to_string());
                lines.push('\n');
            }
            (
                format!("reuters21578/stored-{n:03}.jsonl"),
                lines.into_bytes(),
            )
        })
        .collect();
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(origin, bytes)| (origin.as_str(), bytes.as_slice()))
        .collect();
    let mut archive = Archive::open(db)?;
    Importer::new()
        .agency(Some("Reuters".into()))?
        .run_bytes(&mut archive, &files)
}

/// The word 8-grams of the stored stories, to find the longest run a text shares with one
/// of them.
pub(crate) struct SharedRuns {
    /// (hash of the 8-gram, stored story, position), sorted.
    grams: Vec<(u64, u32, u32)>,
}

impl SharedRuns {
    pub(crate) fn new(stories: &[SourceStory]) -> SharedRuns {
        let mut grams = Vec::new();
        for (n, story) in stories.iter().enumerate() {
            for (pos, hash) in gram_hashes(&story.body()).into_iter().enumerate() {
                grams.push((hash, n as u32, pos as u32));
            }
        }
        grams.sort_unstable();
        SharedRuns { grams }
    }

    /// The longest run of words `text` shares, in order, with one stored story: 0 when it
    /// shares no run of [`FRESH_RUN`] words.
    pub(crate) fn longest(&self, text: &str) -> usize {
        let mut best = 0;
        // Runs ending at the previous 8-gram: (story, position in it) -> 8-grams in the run.
        let mut previous: HashMap<(u32, u32), usize> = HashMap::new();
        for hash in gram_hashes(text) {
            let start = self.grams.partition_point(|g| g.0 < hash);
            let end = self.grams.partition_point(|g| g.0 <= hash);
            let mut current = HashMap::with_capacity(end - start);
            for &(_, story, pos) in &self.grams[start..end] {
                let run = pos
                    .checked_sub(1)
                    .and_then(|p| previous.get(&(story, p)))
                    .map_or(1, |run| run + 1);
                best = best.max(run);
                current.insert((story, pos), run);
            }
            previous = current;
        }
        if best == 0 { 0 } else { best + FRESH_RUN - 1 }
    }
}

/// The hashes of the text's runs of [`FRESH_RUN`] normalized words, in text order.
pub(crate) fn gram_hashes(text: &str) -> Vec<u64> {
    let tokens = tokenize(text);
    tokens
        .windows(FRESH_RUN)
        .map(|window| {
            let mut hasher = DefaultHasher::new();
            for token in window {
                token.norm.hash(&mut hasher);
            }
            hasher.finish()
        })
        .collect()
}

/// The outcome of each story, or why it could not be checked.
type Checked = (u32, std::result::Result<Outcome, String>);

fn check_all(
    db: &Path,
    stories: &[(&SourceStory, usize)],
    options: &CheckOptions,
    threads: usize,
) -> Result<Vec<Checked>> {
    on_threads(db, stories, threads, |archive, &(story, run)| {
        let result = check(archive, story.body().as_bytes(), options)
            .and_then(|report| outcome(archive, story, run, &report))
            .map_err(|e| e.to_string());
        (story.newid, result)
    })
}

/// The outcome of one report, with the passages' text read from the article and the stored
/// sources.
fn outcome(archive: &Archive, story: &SourceStory, run: usize, report: &Report) -> Result<Outcome> {
    let mut newids: HashMap<i64, (Option<u32>, String)> = HashMap::new();
    for id in report
        .sources
        .iter()
        .map(|s| s.id)
        .chain(report.passages.iter().map(|p| p.source_id))
    {
        if let std::collections::hash_map::Entry::Vacant(entry) = newids.entry(id) {
            let stored = archive.get(id)?;
            entry.insert((
                stored.external_id.as_deref().and_then(|e| e.parse().ok()),
                stored.body,
            ));
        }
    }
    let sources = report
        .sources
        .iter()
        .map(|s| SourceOutcome {
            newid: newids.get(&s.id).and_then(|n| n.0),
            headline: s.headline.clone(),
            coverage: s.coverage,
            evidence: s.evidence.clone(),
        })
        .collect();
    let passages = report
        .passages
        .iter()
        .map(|p| {
            let (source_newid, body) = newids
                .get(&p.source_id)
                .map_or((None, ""), |(n, body)| (*n, body.as_str()));
            PassageOutcome {
                source_newid,
                kind: p.kind,
                words: p.words,
                article_text: chars(&report.text, p.article_start, p.article_end),
                source_text: chars(body, p.source_start, p.source_end),
                diff: p.diff.clone(),
                evidence: p.evidence.clone(),
            }
        })
        .collect();
    Ok(Outcome {
        newid: story.newid,
        headline: story.title.clone(),
        shared_run: run,
        words: report.article_words,
        derived: report.derived,
        confidence: report.confidence,
        probabilities: report.probabilities,
        coverage: report.coverage,
        rewritten: report.rewritten,
        measures: report.measures.clone(),
        sources,
        passages,
    })
}

/// Characters `start..end` of `text`.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

fn group(checked: Vec<Checked>) -> Group {
    let mut errors = Vec::new();
    let mut outcomes = Vec::with_capacity(checked.len());
    for (newid, result) in checked {
        match result {
            Ok(outcome) => outcomes.push(outcome),
            Err(error) => errors.push(format!("NEWID {newid}: {error}")),
        }
    }
    let count = |d: Derived| outcomes.iter().filter(|o| o.derived == d).count();
    let derived: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| o.derived != Derived::None)
        .collect();
    let passages = [
        PassageKind::Verbatim,
        PassageKind::Edited,
        PassageKind::Rewritten,
    ]
    .into_iter()
    .map(|kind| {
        let of_kind: Vec<&PassageOutcome> = derived
            .iter()
            .flat_map(|o| &o.passages)
            .filter(|p| p.kind == kind)
            .collect();
        KindFigures {
            kind,
            passages: of_kind.len(),
            words: Distribution::of(of_kind.iter().map(|p| p.words as f64)),
            confidence: Distribution::of(of_kind.iter().map(|p| p.evidence.confidence)),
        }
    })
    .collect();
    Group {
        checked: outcomes.len() + errors.len(),
        wholly: count(Derived::Wholly),
        partially: count(Derived::Partially),
        none: count(Derived::None),
        errors,
        coverage: Distribution::of(outcomes.iter().map(|o| o.coverage)),
        confidence: Distribution::of(outcomes.iter().map(|o| o.confidence)),
        derived_probability: Distribution::of(outcomes.iter().map(|o| o.probabilities.derived())),
        reported: Reported {
            coverage: Distribution::of(derived.iter().map(|o| o.coverage)),
            confidence: Distribution::of(derived.iter().map(|o| o.confidence)),
            sources: Distribution::of(derived.iter().map(|o| o.sources.len() as f64)),
            passages,
        },
        outcomes,
    }
}

#[cfg(test)]
#[path = "reuters_tests.rs"]
mod tests;
