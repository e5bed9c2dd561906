//! The benchmark: archives of 10k to 1M stories built deterministically from Reuters-21578,
//! imported and checked through the same code as `wirecheck import` and `wirecheck check`.
//!
//! For each size: the stories are written as JSON Lines files (untimed), imported by a
//! [`Probe`] (the CLI uses a child process, so its peak memory is the import's alone), the
//! archive's size is read from disk, then generated articles of three kinds are checked warm
//! on a fresh connection and their verdicts compared with what they are. See
//! `docs/benchmarks.md` for the figures.

mod articles;
mod measure;
mod reuters;
mod synth;

use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use crate::archive::store::Archive;
use crate::check::{CheckOptions, check};
use crate::verdict::Derived;
use crate::{Error, Result};

pub use articles::{Article, ArticleKind, articles};
pub use measure::{
    AuditProbe, CheckProbe, ImportProbe, peak_rss_bytes, probe_audit, probe_check, probe_import,
};
pub use reuters::{SourceStory, load_dir, parse_sgml};
pub use synth::{BenchStory, Pools, Rng};

/// The seed of every archive and article set, fixed so runs compare.
pub const SEED: u64 = 0x5EED_2157_8000_0001;
/// Stories per generated JSON Lines file.
const STORIES_PER_FILE: usize = 5_000;
/// The most stories an archive may have: bounds disk and time.
pub const MAX_SIZE: usize = 20_000_000;

/// How the benchmark runs.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// Archive sizes, in stories.
    pub sizes: Vec<usize>,
    /// Where archives and generated files go (a folder per size).
    pub work_dir: PathBuf,
    /// Articles of each kind checked per size.
    pub articles_per_kind: usize,
    /// A kind's verdict accuracy below this fails the run.
    pub min_accuracy: f64,
    /// Seed of the archive and articles.
    pub seed: u64,
    /// Generated articles audited per size (as one JSON Lines export), with one job and with
    /// two; 0 for no audit.
    pub audit_articles: usize,
}

/// Runs the measurements that need a process of their own.
pub trait Probe {
    /// Imports the JSON Lines files under `input` into the new archive `db`.
    fn import(&mut self, db: &Path, input: &Path) -> Result<ImportProbe>;
    /// Opens `db` and checks the article file `article` once.
    fn check(&mut self, db: &Path, article: &Path) -> Result<CheckProbe>;
    /// Audits the JSON Lines export `input` against `db` on `jobs` workers into `out`.
    fn audit(&mut self, db: &Path, input: &Path, out: &Path, jobs: usize) -> Result<AuditProbe>;
}

/// Runs the probes in this process: peak RSS is then the benchmark's own (corpus included).
#[derive(Debug, Default)]
pub struct InProcess;

impl Probe for InProcess {
    fn import(&mut self, db: &Path, input: &Path) -> Result<ImportProbe> {
        probe_import(db, input)
    }
    fn check(&mut self, db: &Path, article: &Path) -> Result<CheckProbe> {
        probe_check(db, article)
    }
    fn audit(&mut self, db: &Path, input: &Path, out: &Path, jobs: usize) -> Result<AuditProbe> {
        probe_audit(db, input, out, jobs)
    }
}

/// Everything one benchmark run measured.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    /// The seed used.
    pub seed: u64,
    /// Real stories read, kept in the archive pool, and held out.
    pub corpus: CorpusFigures,
    /// One entry per size, in the order given.
    pub sizes: Vec<SizeFigures>,
    /// Growth of check latency from each size to the next.
    pub growth: Vec<Growth>,
    /// The accuracy every kind must reach.
    pub min_accuracy: f64,
    /// Whether every kind reached it at every size.
    pub accuracy_ok: bool,
}

/// The real stories.
#[derive(Debug, Clone, Serialize)]
pub struct CorpusFigures {
    /// Stories with a usable body.
    pub stories: usize,
    /// Stories that go into archives.
    pub archive_pool: usize,
    /// Stories never stored (fresh text of articles).
    pub held_out: usize,
}

/// Figures for one archive size.
#[derive(Debug, Clone, Serialize)]
pub struct SizeFigures {
    /// Stories generated (real first, then synthetic).
    pub stories: usize,
    /// Of which real.
    pub real_stories: usize,
    /// Seconds to generate and write the input files (not part of the import figure).
    pub generate_seconds: f64,
    /// The import.
    pub import: ImportFigures,
    /// The archive on disk.
    pub disk: DiskFigures,
    /// The checks.
    pub checks: CheckFigures,
    /// The audits of `audit_articles` generated articles, one job then two (empty without).
    pub audits: Vec<AuditProbe>,
    /// Articles per second with two jobs over with one (0 without audits).
    pub audit_speedup: f64,
}

/// The import of one archive.
#[derive(Debug, Clone, Serialize)]
pub struct ImportFigures {
    /// What the probe measured.
    #[serde(flatten)]
    pub probe: ImportProbe,
    /// Stories given to the importer per second.
    pub stories_per_second: f64,
}

/// The archive on disk after the import.
#[derive(Debug, Clone, Serialize)]
pub struct DiskFigures {
    /// The SQLite file.
    pub db_bytes: u64,
    /// Its write-ahead log (0 once checkpointed on close).
    pub wal_bytes: u64,
    /// Bytes per stored story.
    pub bytes_per_story: f64,
    /// Bytes of the stories' body text (UTF-8) as generated.
    pub raw_text_bytes: u64,
    /// Archive bytes over raw text bytes.
    pub times_raw_text: f64,
}

/// The checks of one archive.
#[derive(Debug, Clone, Serialize)]
pub struct CheckFigures {
    /// Per kind of article.
    pub kinds: Vec<KindFigures>,
    /// Median warm latency over all articles, milliseconds.
    pub p50_ms: f64,
    /// 95th percentile warm latency over all articles, milliseconds.
    pub p95_ms: f64,
    /// The first check on a freshly opened connection (in this process), milliseconds.
    pub first_check_ms: f64,
    /// Opening that connection, milliseconds.
    pub open_ms: f64,
    /// The probe's single check: open + first check in a process of its own.
    pub probe: Option<CheckProbe>,
    /// The same probe after the archive file was dropped from the OS page cache (as after a
    /// reboot); `None` where that cannot be done.
    pub cold_probe: Option<CheckProbe>,
}

/// Latency and accuracy for one kind of article.
#[derive(Debug, Clone, Serialize)]
pub struct KindFigures {
    /// The kind.
    pub kind: ArticleKind,
    /// Articles checked.
    pub articles: usize,
    /// Median warm latency, milliseconds.
    pub p50_ms: f64,
    /// 95th percentile warm latency, milliseconds.
    pub p95_ms: f64,
    /// Articles whose verdict (and source) were right.
    pub correct: usize,
    /// `correct / articles`.
    pub accuracy: f64,
    /// Verdicts given, by name.
    pub verdicts: HashMap<String, usize>,
}

/// How check latency grew from one size to the next.
#[derive(Debug, Clone, Serialize)]
pub struct Growth {
    /// The smaller size.
    pub from: usize,
    /// The larger size.
    pub to: usize,
    /// p50 at `to` over p50 at `from`.
    pub p50_factor: f64,
    /// p95 at `to` over p95 at `from`.
    pub p95_factor: f64,
}

/// Runs the benchmark on the Reuters folder `corpus_dir`.
pub fn run(
    corpus_dir: &Path,
    options: &BenchOptions,
    probe: &mut dyn Probe,
    progress: &mut dyn FnMut(&str),
) -> Result<BenchReport> {
    let stories = load_dir(corpus_dir)?;
    progress(&format!(
        "read {} stories from {}",
        stories.len(),
        corpus_dir.display()
    ));
    run_stories(stories, options, probe, progress)
}

/// Runs the benchmark on stories already read.
pub fn run_stories(
    stories: Vec<SourceStory>,
    options: &BenchOptions,
    probe: &mut dyn Probe,
    progress: &mut dyn FnMut(&str),
) -> Result<BenchReport> {
    if let Some(size) = options.sizes.iter().find(|&&s| s == 0 || s > MAX_SIZE) {
        return Err(Error::Invalid(format!(
            "archive size {size} is out of range (1..={MAX_SIZE})"
        )));
    }
    let total = stories.len();
    let pools = Pools::split(stories, options.seed);
    if pools.archive.is_empty() || pools.held_out.is_empty() {
        return Err(Error::Invalid(format!(
            "{total} usable stories are too few to build an archive and hold some out"
        )));
    }
    let corpus = CorpusFigures {
        stories: total,
        archive_pool: pools.archive.len(),
        held_out: pools.held_out.len(),
    };
    let mut sizes = Vec::new();
    for &size in &options.sizes {
        sizes.push(run_size(&pools, size, options, probe, progress)?);
    }
    let growth = sizes
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some(Growth {
                from: a.stories,
                to: b.stories,
                p50_factor: ratio(b.checks.p50_ms, a.checks.p50_ms),
                p95_factor: ratio(b.checks.p95_ms, a.checks.p95_ms),
            }),
            _ => None,
        })
        .collect();
    let accuracy_ok = sizes.iter().all(|s| {
        s.checks
            .kinds
            .iter()
            .all(|k| k.articles == 0 || k.accuracy >= options.min_accuracy)
    });
    Ok(BenchReport {
        seed: options.seed,
        corpus,
        sizes,
        growth,
        min_accuracy: options.min_accuracy,
        accuracy_ok,
    })
}

fn run_size(
    pools: &Pools,
    size: usize,
    options: &BenchOptions,
    probe: &mut dyn Probe,
    progress: &mut dyn FnMut(&str),
) -> Result<SizeFigures> {
    let dir = options.work_dir.join(format!("size-{size}"));
    // A fresh folder: an archive left by an earlier run would turn the import into duplicates.
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    }
    let input = dir.join("stories");
    std::fs::create_dir_all(&input).map_err(|e| Error::io(&input, e))?;

    progress(&format!("{size} stories: generating"));
    let started = Instant::now();
    let raw_text_bytes = write_stories(pools, size, &input)?;
    let generate_seconds = started.elapsed().as_secs_f64();

    progress(&format!("{size} stories: importing"));
    let db = dir.join("archive.sqlite");
    let import = probe.import(&db, &input)?;
    let (db_bytes, wal_bytes) = measure::disk_bytes(&db);
    let disk_total = db_bytes + wal_bytes;
    let stored = import.imported.max(1);
    progress(&format!(
        "{size} stories: imported {} in {:.1} s",
        import.imported, import.seconds
    ));

    progress(&format!("{size} stories: checking"));
    let articles = articles(pools, size, options.articles_per_kind, options.seed);
    let checks = check_articles(&db, &dir, &articles, probe)?;
    let audits = audit_articles(pools, size, options, &db, &dir, probe, progress)?;
    let audit_speedup = match audits.as_slice() {
        [one, two, ..] => ratio(two.articles_per_second, one.articles_per_second),
        _ => 0.0,
    };
    Ok(SizeFigures {
        stories: size,
        real_stories: size.min(pools.real_stories()),
        generate_seconds,
        import: ImportFigures {
            stories_per_second: ratio(size as f64, import.seconds),
            probe: import,
        },
        disk: DiskFigures {
            db_bytes,
            wal_bytes,
            bytes_per_story: disk_total as f64 / stored as f64,
            raw_text_bytes,
            times_raw_text: ratio(disk_total as f64, raw_text_bytes as f64),
        },
        checks,
        audits,
        audit_speedup,
    })
}

/// Audits `options.audit_articles` generated articles (the three kinds in turn, as one JSON
/// Lines export beside the archive) with one job, then two.
fn audit_articles(
    pools: &Pools,
    size: usize,
    options: &BenchOptions,
    db: &Path,
    dir: &Path,
    probe: &mut dyn Probe,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<AuditProbe>> {
    let wanted = options.audit_articles;
    if wanted == 0 {
        return Ok(Vec::new());
    }
    let export = dir.join("audit-articles.jsonl");
    {
        let file = std::fs::File::create(&export).map_err(|e| Error::io(&export, e))?;
        let mut out = BufWriter::new(file);
        let made = articles(pools, size, wanted.div_ceil(3), options.seed ^ 0xA0D1);
        for (n, article) in made.iter().take(wanted).enumerate() {
            let line = serde_json::json!({
                "id": format!("{n:06}-{}", article.kind.as_str()),
                "text": article.text,
            });
            writeln!(out, "{line}").map_err(|e| Error::io(&export, e))?;
        }
        out.flush().map_err(|e| Error::io(&export, e))?;
    }
    let mut figures = Vec::new();
    for jobs in [1, 2] {
        progress(&format!(
            "{size} stories: auditing {wanted} articles, {jobs} job(s)"
        ));
        let out = dir.join(format!("audit-jobs-{jobs}"));
        figures.push(probe.audit(db, &export, &out, jobs)?);
    }
    Ok(figures)
}

/// Writes stories `0..size` as JSON Lines files; returns the bytes of their body text.
fn write_stories(pools: &Pools, size: usize, dir: &Path) -> Result<u64> {
    let mut raw = 0u64;
    for (file_no, start) in (0..size).step_by(STORIES_PER_FILE).enumerate() {
        let path = dir.join(format!("stories-{file_no:05}.jsonl"));
        let file = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
        let mut out = BufWriter::new(file);
        for index in start..(start + STORIES_PER_FILE).min(size) {
            let story = pools.story(index);
            raw += story
                .paragraphs
                .iter()
                .map(|p| p.len() as u64 + 2)
                .sum::<u64>();
            writeln!(out, "{}", story.json_line()).map_err(|e| Error::io(&path, e))?;
        }
        out.flush().map_err(|e| Error::io(&path, e))?;
    }
    Ok(raw)
}

/// Checks every article warm and judges its verdict; one article also goes through the probe.
fn check_articles(
    db: &Path,
    dir: &Path,
    articles: &[Article],
    probe: &mut dyn Probe,
) -> Result<CheckFigures> {
    let options = CheckOptions::default();
    // Kept beside the archive so a wrong verdict can be looked at with `wirecheck check`.
    let saved = dir.join("articles");
    std::fs::create_dir_all(&saved).map_err(|e| Error::io(&saved, e))?;
    for (n, article) in articles.iter().enumerate() {
        let path = saved.join(format!("{n:03}-{}.txt", article.kind.as_str()));
        std::fs::write(&path, &article.text).map_err(|e| Error::io(&path, e))?;
    }
    let started = Instant::now();
    let archive = Archive::open(db)?;
    let open_ms = ms(started);
    let mut first_check_ms = 0.0;
    if let Some(first) = articles.first() {
        let started = Instant::now();
        check(&archive, first.text.as_bytes(), &options)?;
        first_check_ms = ms(started);
    }
    // One pass to warm the page cache and SQLite's, then the timed pass.
    for article in articles {
        check(&archive, article.text.as_bytes(), &options)?;
    }
    let mut timed = Vec::with_capacity(articles.len());
    for article in articles {
        let started = Instant::now();
        let report = check(&archive, article.text.as_bytes(), &options)?;
        let elapsed = ms(started);
        let sources: Vec<Reported> = report
            .sources
            .iter()
            .map(|s| {
                archive.get(s.id).map(|story| Reported {
                    id: story.external_id,
                    body: story.body,
                })
            })
            .collect::<Result<_>>()?;
        timed.push((elapsed, judge(article, report.derived, &sources)));
    }

    // The probe gets the longest article: the worst case for memory. Then again with the
    // archive out of the page cache.
    drop(archive);
    let (probe_result, cold_probe) = match articles.iter().max_by_key(|a| a.text.len()) {
        Some(article) => {
            let path = dir.join("probe-article.txt");
            std::fs::write(&path, &article.text).map_err(|e| Error::io(&path, e))?;
            let warm = probe.check(db, &path)?;
            let cold = if measure::evict_from_page_cache(db)? {
                Some(probe.check(db, &path)?)
            } else {
                None
            };
            (Some(warm), cold)
        }
        None => (None, None),
    };

    let kinds = ArticleKind::ALL
        .into_iter()
        .map(|kind| {
            let mine: Vec<&(f64, (bool, Derived))> = articles
                .iter()
                .zip(&timed)
                .filter(|(a, _)| a.kind == kind)
                .map(|(_, t)| t)
                .collect();
            let mut latencies: Vec<f64> = mine.iter().map(|t| t.0).collect();
            latencies.sort_by(f64::total_cmp);
            let correct = mine.iter().filter(|t| t.1.0).count();
            let mut verdicts = HashMap::new();
            for t in &mine {
                *verdicts.entry(t.1.1.as_str().to_string()).or_insert(0) += 1;
            }
            KindFigures {
                kind,
                articles: mine.len(),
                p50_ms: measure::percentile(&latencies, 50.0),
                p95_ms: measure::percentile(&latencies, 95.0),
                correct,
                accuracy: ratio(correct as f64, mine.len() as f64),
                verdicts,
            }
        })
        .collect();
    let mut all: Vec<f64> = timed.iter().map(|t| t.0).collect();
    all.sort_by(f64::total_cmp);
    Ok(CheckFigures {
        kinds,
        p50_ms: measure::percentile(&all, 50.0),
        p95_ms: measure::percentile(&all, 95.0),
        first_check_ms,
        open_ms,
        probe: probe_result,
        cold_probe,
    })
}

/// A source as the check reported it.
struct Reported {
    id: Option<String>,
    body: String,
}

impl Reported {
    /// Whether this is the article's source, or a story that holds the same copied text (the
    /// corpus repeats stories word for word under other ids; either answer is right).
    fn is_source_of(&self, article: &Article) -> bool {
        self.id.is_some() && self.id == article.source
            || (!article.copied.is_empty()
                && article
                    .copied
                    .iter()
                    .all(|p| self.body.contains(p.as_str())))
    }
}

/// Whether the verdict is right for the article: derived ones must name their source (the top
/// source for wholly derived copies), independent ones must be derived from nothing.
fn judge(article: &Article, derived: Derived, sources: &[Reported]) -> (bool, Derived) {
    let right = match article.kind {
        ArticleKind::Wholly => {
            derived != Derived::None && sources.first().is_some_and(|s| s.is_source_of(article))
        }
        ArticleKind::Partially => {
            derived == Derived::Partially && sources.iter().any(|s| s.is_source_of(article))
        }
        ArticleKind::Independent => derived == Derived::None,
    };
    (right, derived)
}

fn ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { 0.0 }
}

#[cfg(test)]
mod tests;
