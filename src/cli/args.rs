//! The command-line grammar.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Check articles against a local archive of wire-service originals: which passages were
/// copied from which stored story, how they were edited, and whether the agency is credited.
///
/// Everything runs offline; articles never leave the machine.
#[derive(Debug, Parser)]
#[command(name = "wirecheck", version, about, long_about)]
pub struct Cli {
    /// The archive file [default: the platform data directory, shared with the desktop app]
    #[arg(long, global = true, env = "WIRECHECK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import wire stories from files and folders (plain text, HTML, NITF, NewsML-G2, JSON
    /// Lines, legacy wire text; detected from content)
    Import(ImportArgs),
    /// Watch drop folders and import each new or changed file once it is complete (same
    /// formats, agencies, duplicates and versions as import); Ctrl-C stops and prints a summary
    Watch(WatchArgs),
    /// Check articles against the archive. Exit code: 0 nothing flagged, 1 a source copied
    /// without credit, 2 an error
    Check(CheckArgs),
    /// Check thousands of articles (folders, JSON Lines crawl exports) on every core into
    /// results.jsonl, summary.csv and index.html; resumable. Exit code: 0 nothing flagged, 1
    /// an article copies a source without credit, 2 an error stopped the audit
    Audit(AuditArgs),
    /// Compare an article with one wire story given beside it, without an archive (none is
    /// opened or created). Exit code as check
    Compare(CompareArgs),
    /// List stored stories, newest first
    List(ListArgs),
    /// Full-text search over headlines and bodies
    Search(SearchArgs),
    /// Show one stored story
    Show(ShowArgs),
    /// Remove one stored story
    Remove(RemoveArgs),
    /// Show the archive's location and its stories per agency
    Info(InfoArgs),
    /// Write every stored story, with its id and fields, to a JSON Lines or Parquet file (for
    /// a Spark job: spark/README.md)
    Export(ExportArgs),
    /// Load the fictional demo archive and check the demo articles
    Demo(DemoArgs),
    /// Copy the archive to PATH with SQLite's online backup (imports may go on meanwhile)
    Backup(BackupArgs),
    /// Check the archive's integrity and its indexes, and say how to recover. Exit code: 0
    /// all checks pass, 2 otherwise
    Verify(VerifyArgs),
    /// Remove the stories published before a date (of one agency or all), with their index
    /// entries, in one transaction; saved checks keep a copy of the stories they cite
    Prune(PruneArgs),
    /// Give the space freed by prune and remove back to the disk (merges the full-text index
    /// and rewrites the file with VACUUM; needs free space about the archive's size)
    Compact(CompactArgs),
    /// Measure the engine's accuracy on a labelled corpus
    Eval(EvalArgs),
    /// Build archives of the given sizes from Reuters-21578 and measure import, size on disk,
    /// check latency, memory and verdict accuracy (the archive given by --db is not used).
    /// Exit code 2 when a kind of article falls below the accuracy threshold
    Bench(BenchArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files and folders (folders are read recursively)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Set the agency of every imported story, whatever the files say
    #[arg(long, value_name = "NAME")]
    pub agency: Option<String>,
    /// Print the summary as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Folders to watch (with their subfolders). Files under temporary names (`.part`,
    /// `.tmp`, a leading dot) are read once renamed; files read before are not read again
    #[arg(required = true, value_name = "DIR")]
    pub folders: Vec<PathBuf>,
    /// Set the agency of every imported story, whatever the files say
    #[arg(long, value_name = "NAME")]
    pub agency: Option<String>,
    /// Seconds a file's size and modification time must hold before it is read
    #[arg(long, value_name = "SECS", default_value_t = 1.0)]
    pub settle: f64,
    /// Seconds between walks of every folder, for network folders that send no file events
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    pub rescan: f64,
    /// Find files by rescans only, without the operating system's file events
    #[arg(long)]
    pub no_events: bool,
    /// Print each event, then the summary, as one JSON object a line on standard output
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Preset {
    /// Only clear copying
    Strict,
    /// The default
    Standard,
    /// Short borrowings too
    Lenient,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Article files; `-` or nothing reads standard input
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// One JSON object per article (JSON Lines for several)
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub check: CheckOptionArgs,
    /// Show every passage's word changes
    #[arg(long, short)]
    pub verbose: bool,
}

/// The options of a check, shared by `check` and `audit`.
#[derive(Debug, Args)]
pub struct CheckOptionArgs {
    /// Sensitivity
    #[arg(long, value_enum, default_value_t = Preset::Standard)]
    pub preset: Preset,
    /// Shortest passage reported, in matched words
    #[arg(long, value_name = "WORDS")]
    pub min_words: Option<usize>,
    /// Only stories published before this date (ISO 8601, e.g. 2026-05-09) count as sources;
    /// overrides the date read from the article (a dated dateline, "Updated: ...", in an audit
    /// also its `published`)
    #[arg(long, value_name = "DATE")]
    pub before: Option<String>,
    /// Never count stories of this agency as sources (repeatable)
    #[arg(long, value_name = "AGENCY")]
    pub exclude_agency: Vec<String>,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Files and folders (walked recursively) of articles as `check` reads them (saved HTML
    /// pages, text), and JSON Lines exports (*.jsonl, *.ndjson) of one article a line: `id`,
    /// `url`, `published` (ISO 8601; then only stories published before it are sources), and
    /// `text` or `html`
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The folder of the outputs: results.jsonl, summary.csv, index.html and reports/.
    /// Running the same audit into it again skips the articles results.jsonl holds
    #[arg(long, value_name = "DIR", default_value = "wirecheck-audit")]
    pub out: PathBuf,
    /// Articles checked at once, each worker with its own connection to the archive
    /// [default: the number of cores]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
    /// For a page with no `published` given (HTML files, records with `html`), take its date
    /// from the page's metadata (article:published_time, else <time datetime>). Off by
    /// default: a page updated with wire copy after it was first published would hide its
    /// source
    #[arg(long)]
    pub before_from_article: bool,
    /// Map the archive file instead of reading its pages into small caches: a few percent
    /// faster with one job, no faster with two, and resident memory grows to the archive's
    /// size once per job
    #[arg(long)]
    pub map_archive: bool,
    /// Read the archive into small caches: what an audit does by default now; the flag is
    /// still accepted so that scripts written for it keep running
    #[arg(long, hide = true, conflicts_with = "map_archive")]
    pub low_memory: bool,
    #[command(flatten)]
    pub check: CheckOptionArgs,
    /// Print the summary as one JSON object
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The article (plain text or HTML); `-` reads standard input
    #[arg(value_name = "ARTICLE")]
    pub article: PathBuf,
    /// The wire story (plain text, HTML, NITF, NewsML-G2, legacy wire text); `-` reads
    /// standard input
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
    /// The story's agency, whatever the story says
    #[arg(long, value_name = "NAME")]
    pub agency: Option<String>,
    /// One JSON object, the schema of `check --json`
    #[arg(long)]
    pub json: bool,
    /// Sensitivity
    #[arg(long, value_enum, default_value_t = Preset::Standard)]
    pub preset: Preset,
    /// Show every passage's word changes
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this agency
    #[arg(long)]
    pub agency: Option<String>,
    /// Only stories in this language (ISO 639-1 code: en, fr, de, es, pt, it)
    #[arg(long, value_name = "CODE")]
    pub language: Option<String>,
    /// Most stories shown
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Stories skipped
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (all must occur)
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Only stories in this language (ISO 639-1 code: en, fr, de, es, pt, it)
    #[arg(long, value_name = "CODE")]
    pub language: Option<String>,
    /// Most results
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The story's id
    pub id: i64,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The story's id
    pub id: i64,
}

#[derive(Debug, Args)]
pub struct InfoArgs {
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object a line
    Jsonl,
    /// Apache Parquet (Snappy)
    Parquet,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The file to write (replaced when complete)
    #[arg(value_name = "FILE")]
    pub out: PathBuf,
    /// The file's format
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Overwrite PATH if it exists
    #[arg(long)]
    pub force: bool,
    /// Print the summary as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Rebuild the fingerprint and full-text indexes from the stored stories (one
    /// transaction), then check again
    #[arg(long)]
    pub repair: bool,
    /// Print the report as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Remove the stories published before this day, YYYY-MM-DD (a story without an ISO 8601
    /// publication date goes by the day it was imported)
    #[arg(long, value_name = "DATE")]
    pub before: String,
    /// Only stories of this agency
    #[arg(long, value_name = "NAME")]
    pub agency: Option<String>,
    /// Count what would be removed; remove nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Print the summary as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CompactArgs {
    /// Print the summary as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Only load the demo archive; do not check the demo articles
    #[arg(long)]
    pub load_only: bool,
    /// Load the demo archive only if the archive is empty (first run)
    #[arg(long)]
    pub if_empty: bool,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub corpus: EvalCorpus,
}

#[derive(Debug, Subcommand)]
pub enum EvalCorpus {
    /// The METER corpus: imports DIR/PA/rawtexts into a temporary archive and checks every
    /// newspaper story listed in DIR/labels.jsonl (the archive given by --db is not used)
    Meter(MeterArgs),
    /// Reuters-21578: imports the stories of the first files into a temporary archive as
    /// Reuters copy, then checks later stories that share no 8-word run with any stored story
    /// (every derived verdict is a false report) and, as a control, later stories that share a
    /// run of 25 words or more (the archive given by --db is not used)
    Reuters(ReutersArgs),
    /// A PAN-style text-alignment benchmark built from Reuters-21578: passages of stored
    /// stories (verbatim or edited) put into documents made of later stories that share no
    /// 8-word run with them, short to tens of thousands of characters; every reported passage
    /// scored by PAN's precision, recall, granularity and plagdet (the archive given by --db is
    /// not used)
    Alignment(AlignmentArgs),
    /// Language detection on corpora whose language is known: every text of each DIR
    /// (Reuters-21578's stories, or every .txt file under it, METER's PA copy as the importer
    /// parses it) detected, counted, and the misdetected listed
    Languages(LanguagesArgs),
}

#[derive(Debug, Args)]
pub struct LanguagesArgs {
    /// Corpus folders
    #[arg(value_name = "DIR", required = true)]
    pub dirs: Vec<PathBuf>,
    /// The language every text is in (ISO 639-1 code)
    #[arg(long, default_value = "en", value_name = "CODE")]
    pub expected: String,
    /// Print the figures as JSON, one object per corpus
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ReutersArgs {
    /// The Reuters-21578 folder (reut2-000.sgm ... reut2-021.sgm)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Store the stories of the first K files (reut2-000 on, NEWID up to 1000 K)
    #[arg(long, default_value_t = 11, value_name = "K", value_parser = clap::value_parser!(u32).range(1..=21))]
    pub stored_files: u32,
    /// Store the first N stories in NEWID order instead
    #[arg(long, value_name = "N", conflicts_with = "stored_files")]
    pub stored: Option<usize>,
    /// Most stories checked per group (fresh, and the control), the first in NEWID order
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub articles: usize,
    /// Threads that run the checks
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub threads: u16,
    /// Sensitivity
    #[arg(long, value_enum, default_value_t = Preset::Standard)]
    pub preset: Preset,
    /// False reports shown with their passages
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub examples: usize,
    /// Print the figures as one JSON object (every story checked, with the passages of those
    /// reported derived)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct AlignmentArgs {
    /// The Reuters-21578 folder (reut2-000.sgm ... reut2-021.sgm)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Store the stories of the first K files (reut2-000 on, NEWID up to 1000 K)
    #[arg(long, default_value_t = 11, value_name = "K", value_parser = clap::value_parser!(u32).range(1..=21))]
    pub stored_files: u32,
    /// Documents built and checked (a third each short, medium and long)
    #[arg(long, default_value_t = 300, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub documents: u32,
    /// Seed of the generator that builds the documents
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Threads that run the checks
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub threads: u16,
    /// Sensitivity
    #[arg(long, value_enum, default_value_t = Preset::Standard)]
    pub preset: Preset,
    /// Turn a stage off, to measure what it contributes (repeatable)
    #[arg(long, value_enum, value_name = "STAGE")]
    pub without: Vec<Stage>,
    /// Print the figures as one JSON object
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MeterArgs {
    /// The corpus folder (labels.jsonl, PA/rawtexts, newspapers/...)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Print the figures as one JSON object
    #[arg(long)]
    pub json: bool,
    /// Sensitivity
    #[arg(long, value_enum, default_value_t = Preset::Standard)]
    pub preset: Preset,
    /// Threads that run the checks
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub threads: u16,
    /// Turn a stage off, to measure what it contributes (repeatable)
    #[arg(long, value_enum, value_name = "STAGE")]
    pub without: Vec<Stage>,
    /// Fit the verdict model with cross-validation by day and print the cross-validated figures
    #[arg(long)]
    pub fit: bool,
    /// With --fit: write the fitted model (to --model)
    #[arg(long, requires = "fit")]
    pub write_model: bool,
    /// With --fit: exit 1 when the model at --model differs from the fitted one
    #[arg(long, requires = "fit", conflicts_with = "write_model")]
    pub check_model: bool,
    /// The model file for --write-model and --check-model [default: the engine's
    /// crates/wirecheck-core/src/verdict/model.json in the source tree this binary was built from]
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
    /// With --fit: write every story's out-of-fold prediction (probabilities, evidence,
    /// measures) to FILE as JSON Lines, for error analysis
    #[arg(long, requires = "fit", value_name = "FILE")]
    pub predictions: Option<PathBuf>,
}

/// Stages that `eval --without` can turn off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Stage {
    /// Sentence comparison (rewritten passages)
    Rewrite,
    /// Retrieval by rare words through the full-text index
    RareWords,
    /// Bridging edits inside a passage (every gap ends the passage)
    Bridging,
    /// Setting site boilerplate aside in the article
    Boilerplate,
    /// Counting the words a source quotes as quoted in the article too (only the article's
    /// own quotation marks count)
    SourceQuotes,
    /// The evidence rule: copy evidence (a run of narration, not quotes or templates) before
    /// the verdict model weighs the rest
    EvidenceRule,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BenchProbe {
    /// Import the JSON Lines files of --probe-input into --db
    Import,
    /// Check the article file --probe-input against --db
    Check,
    /// Audit the JSON Lines export --probe-input against --db with --probe-jobs workers
    Audit,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// The Reuters-21578 folder (reut2-000.sgm ... reut2-021.sgm)
    #[arg(value_name = "REUTERS_DIR", required_unless_present = "probe")]
    pub dir: Option<PathBuf>,
    /// Archive sizes, in stories
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "10000,100000",
        value_name = "N,N,..."
    )]
    pub sizes: Vec<usize>,
    /// Where archives and generated files go [default: a temporary folder, removed after]
    #[arg(long, value_name = "DIR")]
    pub work_dir: Option<PathBuf>,
    /// Articles of each kind (wholly, partially, independent) checked per size
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub articles: u32,
    /// Verdict accuracy every kind must reach, 0..=1
    #[arg(long, default_value_t = 0.9)]
    pub min_accuracy: f64,
    /// Print the figures as one JSON object
    #[arg(long)]
    pub json: bool,
    /// Internal: run one measurement in this process and print it as JSON (the benchmark runs
    /// itself this way so each import's and check's peak memory is its own)
    #[arg(long, value_enum, hide = true, requires = "probe_input")]
    pub probe: Option<BenchProbe>,
    /// Internal: the input of --probe
    #[arg(long, hide = true, value_name = "PATH")]
    pub probe_input: Option<PathBuf>,
    /// Internal: the workers of `--probe audit`
    #[arg(long, hide = true, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub probe_jobs: u16,
    /// Also audit this many generated articles per size (one JSON Lines export, through
    /// `wirecheck audit`), with one job and with two, and report articles per second, the
    /// speed-up and the audit's peak memory
    #[arg(long, default_value_t = 0, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=1_000_000))]
    pub audit_articles: u32,
}
