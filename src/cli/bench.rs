//! `wirecheck bench`: archives built from Reuters-21578, measured. See `docs/benchmarks.md`.
//!
//! The import and one check of each size run in a child process (this same executable with
//! the hidden `--probe` flag) so that the peak RSS they report is theirs, not the benchmark's.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use anyhow::{Context, Result, anyhow, bail};
use serde::de::DeserializeOwned;
use wirecheck_core::bench::{
    self, AuditProbe, BenchOptions, BenchReport, CheckProbe, ImportProbe, Probe, SizeFigures,
};

use super::args::{BenchArgs, BenchProbe};
use super::output::{self, BOLD, DIM, RED};

/// Exit code when a kind of article falls below the accuracy threshold.
const EXIT_INACCURATE: u8 = 2;

pub fn run(db: Option<PathBuf>, args: BenchArgs) -> Result<ExitCode> {
    if let Some(kind) = args.probe {
        return probe(db, kind, args.probe_input, args.probe_jobs);
    }
    let dir = args
        .dir
        .clone()
        .context("the Reuters-21578 folder is required")?;
    if !(0.0..=1.0).contains(&args.min_accuracy) {
        bail!("--min-accuracy must be between 0 and 1");
    }
    let (work_dir, _temp) = match &args.work_dir {
        Some(dir) => (dir.clone(), None),
        None => {
            let temp = TempFolder::new()?;
            (temp.0.clone(), Some(temp))
        }
    };
    let options = BenchOptions {
        sizes: args.sizes.clone(),
        work_dir,
        articles_per_kind: args.articles as usize,
        min_accuracy: args.min_accuracy,
        seed: bench::SEED,
        audit_articles: args.audit_articles as usize,
    };
    let mut child = ChildProbe {
        exe: std::env::current_exe().context("cannot find this executable to run its probes")?,
    };
    let report = bench::run(&dir, &options, &mut child, &mut |message| {
        anstream::eprintln!("{DIM}bench: {message}{DIM:#}");
    })
    .with_context(|| format!("cannot benchmark on {}", dir.display()))?;
    if args.json {
        output::json_line(&report)?;
    } else {
        print_report(&dir, &args, &report);
    }
    if report.accuracy_ok {
        Ok(ExitCode::SUCCESS)
    } else {
        anstream::eprintln!(
            "{RED}WARNING: verdict accuracy fell below {:.0}% for at least one kind of article; \
             the speed figures do not count{RED:#}",
            report.min_accuracy * 100.0
        );
        Ok(ExitCode::from(EXIT_INACCURATE))
    }
}

/// The child side: one measurement, printed as JSON.
fn probe(
    db: Option<PathBuf>,
    kind: BenchProbe,
    input: Option<PathBuf>,
    jobs: u16,
) -> Result<ExitCode> {
    let db = db.context("--probe needs --db")?;
    let input = input.context("--probe needs --probe-input")?;
    match kind {
        BenchProbe::Import => output::json_line(&bench::probe_import(&db, &input)?)?,
        BenchProbe::Check => output::json_line(&bench::probe_check(&db, &input)?)?,
        BenchProbe::Audit => {
            let out = audit_out(&input, usize::from(jobs));
            output::json_line(&bench::probe_audit(&db, &input, &out, usize::from(jobs))?)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs probes as child processes of this executable.
struct ChildProbe {
    exe: PathBuf,
}

/// Where the audit probe writes: beside its input, a folder per job count.
fn audit_out(input: &Path, jobs: usize) -> PathBuf {
    input.with_file_name(format!("audit-jobs-{jobs}"))
}

impl ChildProbe {
    fn run<T: DeserializeOwned>(
        &self,
        kind: &str,
        db: &Path,
        input: &Path,
        jobs: usize,
    ) -> Result<T> {
        let out = Command::new(&self.exe)
            .arg("--db")
            .arg(db)
            .args([
                "bench",
                "--probe",
                kind,
                "--probe-jobs",
                &jobs.to_string(),
                "--probe-input",
            ])
            .arg(input)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .output()
            .context("cannot run the probe process")?;
        if !out.status.success() {
            bail!(
                "the {kind} probe failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        serde_json::from_slice(&out.stdout)
            .with_context(|| format!("the {kind} probe printed no figures"))
    }
}

impl Probe for ChildProbe {
    fn import(&mut self, db: &Path, input: &Path) -> wirecheck_core::Result<ImportProbe> {
        self.run("import", db, input, 1).map_err(core_error)
    }
    fn check(&mut self, db: &Path, article: &Path) -> wirecheck_core::Result<CheckProbe> {
        self.run("check", db, article, 1).map_err(core_error)
    }
    fn audit(
        &mut self,
        db: &Path,
        input: &Path,
        out: &Path,
        jobs: usize,
    ) -> wirecheck_core::Result<AuditProbe> {
        if out != audit_out(input, jobs) {
            return Err(wirecheck_core::Error::Invalid(format!(
                "the audit probe writes to {}, not {}",
                audit_out(input, jobs).display(),
                out.display()
            )));
        }
        self.run("audit", db, input, jobs).map_err(core_error)
    }
}

fn core_error(error: anyhow::Error) -> wirecheck_core::Error {
    wirecheck_core::Error::Invalid(format!("{error:#}"))
}

/// A folder under the system's temporary directory, removed on drop.
struct TempFolder(PathBuf);

impl TempFolder {
    fn new() -> Result<TempFolder> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        for attempt in 0..100u32 {
            let path = std::env::temp_dir().join(format!(
                "wirecheck-bench-{}-{nanos}-{attempt}",
                std::process::id()
            ));
            // `create_dir` fails on an existing folder: never reuse someone else's.
            if std::fs::create_dir(&path).is_ok() {
                return Ok(TempFolder(path));
            }
        }
        Err(anyhow!("cannot create a temporary folder"))
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn rss(bytes: Option<u64>) -> String {
    bytes.map_or_else(|| "n/a".into(), mb)
}

fn print_report(dir: &Path, args: &BenchArgs, r: &BenchReport) {
    anstream::println!(
        "{BOLD}Benchmark{BOLD:#} on {} ({} usable stories: {} in the archive pool, {} held out; seed {:#x})",
        dir.display(),
        r.corpus.stories,
        r.corpus.archive_pool,
        r.corpus.held_out,
        r.seed
    );
    anstream::println!(
        "{DIM}{} articles of each kind per size; accuracy threshold {:.0}%{DIM:#}",
        args.articles,
        r.min_accuracy * 100.0
    );
    for size in &r.sizes {
        print_size(size);
    }
    if !r.growth.is_empty() {
        anstream::println!("\n{BOLD}Check latency growth{BOLD:#}");
        for g in &r.growth {
            anstream::println!(
                "  {:>9} -> {:<9} p50 x{:.2}   p95 x{:.2}",
                g.from,
                g.to,
                g.p50_factor,
                g.p95_factor
            );
        }
    }
}

fn print_size(s: &SizeFigures) {
    let i = &s.import;
    let d = &s.disk;
    let c = &s.checks;
    anstream::println!(
        "\n{BOLD}{} stories{BOLD:#} ({} real, {} synthetic)",
        s.stories,
        s.real_stories,
        s.stories - s.real_stories
    );
    anstream::println!(
        "  import          {:.0} stories/s ({} stored, {} duplicates in {:.1} s), peak RSS {}",
        i.stories_per_second,
        i.probe.imported,
        i.probe.duplicates,
        i.probe.seconds,
        rss(i.probe.peak_rss_bytes)
    );
    if let Some(cpu) = i.probe.cpu_seconds {
        anstream::println!(
            "  import CPU      {:.1} s user+system, {:.0} ms per 1,000 stories",
            cpu,
            cpu * 1e6 / (i.probe.imported + i.probe.duplicates).max(1) as f64
        );
    }
    anstream::println!(
        "  on disk         {} ({:.0} bytes/story, {:.2}x the {} of body text)",
        mb(d.db_bytes + d.wal_bytes),
        d.bytes_per_story,
        d.times_raw_text,
        mb(d.raw_text_bytes)
    );
    anstream::println!(
        "  {:<15} {:>9} {:>9} {:>9}  verdicts",
        "check (warm)",
        "p50 ms",
        "p95 ms",
        "accuracy"
    );
    for k in &c.kinds {
        let mut verdicts: Vec<String> =
            k.verdicts.iter().map(|(v, n)| format!("{v} {n}")).collect();
        verdicts.sort();
        anstream::println!(
            "  {:<15} {:>9.2} {:>9.2} {:>8.0}%  {}",
            k.kind.as_str(),
            k.p50_ms,
            k.p95_ms,
            k.accuracy * 100.0,
            verdicts.join(", ")
        );
    }
    anstream::println!("  {:<15} {:>9.2} {:>9.2}", "all", c.p50_ms, c.p95_ms);
    anstream::println!(
        "  first check     {:.1} ms after opening (open {:.1} ms)",
        c.first_check_ms,
        c.open_ms
    );
    if let Some(p) = &c.probe {
        anstream::println!(
            "  check process   open {:.1} ms + first check {:.1} ms, peak RSS {}",
            p.open_seconds * 1000.0,
            p.check_seconds * 1000.0,
            rss(p.peak_rss_bytes)
        );
    }
    if let Some(p) = &c.cold_probe {
        anstream::println!(
            "  cold process    open {:.1} ms + first check {:.1} ms, archive evicted from the page cache",
            p.open_seconds * 1000.0,
            p.check_seconds * 1000.0
        );
    }
    for a in &s.audits {
        anstream::println!(
            "  audit, {} job{}  {:.0} articles/s ({} articles, {} flagged, {} failed, in {:.1} s), peak RSS {}",
            a.jobs,
            if a.jobs == 1 { " " } else { "s" },
            a.articles_per_second,
            a.articles,
            a.flagged,
            a.failed,
            a.seconds,
            rss(a.peak_rss_bytes)
        );
    }
    if s.audit_speedup > 0.0 {
        anstream::println!("  audit speed-up  x{:.2} with 2 jobs", s.audit_speedup);
    }
}
