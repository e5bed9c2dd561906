//! The Audit view: a folder of pages (or an export) checked through `wirecheck_core::audit`,
//! as `wirecheck audit` does, with throttled progress events, cancel, the rows read back, one
//! row opened in the review, and the overview exported.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use wirecheck_core::{
    Archive, ArticleStatus, AuditEvent, AuditOptions, ResultRow, audit, read_audit_report,
    read_audit_rows,
};

use super::{blocking, check_result, saved_check};
use crate::dto::{
    AuditExport, AuditOutcome, AuditPlan, AuditProgress, AuditRequest, AuditResults, AuditRow,
    CheckResult,
};
use crate::error::{AppError, CmdResult};
use crate::state::AppState;

/// The event that carries an audit's progress and new rows.
pub const PROGRESS_EVENT: &str = "audit-progress";
/// Least time between two progress events: about ten a second, however fast articles go.
const EVERY: Duration = Duration::from_millis(100);
/// Most rows the view is given (it pages them); `summary.csv` has them all.
pub const MAX_VIEW_ROWS: usize = 200_000;
/// Most worker threads an audit from the app takes.
const MAX_JOBS: usize = 64;

/// The app's one running audit.
#[derive(Debug, Default)]
pub struct AuditRuns {
    running: AtomicBool,
    cancel: AtomicBool,
}

/// Where an audit of `input` writes by default: a folder beside it, named after it.
fn default_out_dir(input: &Path) -> CmdResult<PathBuf> {
    let parent = input.parent().filter(|p| !p.as_os_str().is_empty());
    let stem = input.file_stem().or(input.file_name());
    match (parent, stem) {
        (Some(parent), Some(stem)) => {
            let mut name = stem.to_os_string();
            name.push("-audit");
            Ok(parent.join(name))
        }
        _ => Err(AppError::invalid(format!(
            "Choose an output folder for {}.",
            input.display()
        ))),
    }
}

/// An absolute path given by the view, or a sentence saying what is wrong with it.
fn given_path(what: &str, path: &str) -> CmdResult<PathBuf> {
    if path.trim().is_empty() || path.contains('\0') {
        return Err(AppError::invalid(format!("Choose {what}.")));
    }
    let path = PathBuf::from(path);
    if !path.is_absolute() {
        return Err(AppError::invalid(format!(
            "{} is not a full path: choose {what}.",
            path.display()
        )));
    }
    Ok(path)
}

/// The input as the audit will read it: it must exist and be readable.
fn audit_input(input: &str) -> CmdResult<PathBuf> {
    let path = given_path("a folder to audit", input)?;
    let meta = std::fs::metadata(&path)
        .map_err(|e| AppError::invalid(format!("{} cannot be read: {e}.", path.display())))?;
    if meta.is_dir() {
        std::fs::read_dir(&path)
            .map_err(|e| AppError::invalid(format!("{} cannot be read: {e}.", path.display())))?;
    }
    Ok(path)
}

/// The output folder asked for, else the default beside the input.
fn out_dir(input: &Path, given: Option<&str>) -> CmdResult<PathBuf> {
    match given.map(str::trim).filter(|g| !g.is_empty()) {
        Some(given) => given_path("an output folder", given),
        None => default_out_dir(input),
    }
}

/// Checks a folder chosen or dropped for an audit, and says where its outputs will go.
#[tauri::command]
pub async fn plan_audit(input: String, out_dir: Option<String>) -> CmdResult<AuditPlan> {
    blocking(move || {
        let input = audit_input(&input)?;
        let out = self::out_dir(&input, out_dir.as_deref())?;
        Ok(AuditPlan {
            has_results: out.join(wirecheck_core::RESULTS_FILE).is_file(),
            input: input.display().to_string(),
            out_dir: out.display().to_string(),
            cores: std::thread::available_parallelism().map_or(1, usize::from),
        })
    })
    .await
}

/// Runs an audit with the archive's settings and the preset asked for, emitting
/// `audit-progress`; one at a time. Resumes an audit whose folder holds results already.
#[tauri::command]
pub async fn start_audit<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    runs: State<'_, AuditRuns>,
    request: AuditRequest,
) -> CmdResult<AuditOutcome> {
    let input = audit_input(&request.input)?;
    let out = out_dir(&input, request.out_dir.as_deref())?;
    let jobs = match request.jobs {
        Some(0) => return Err(AppError::invalid("An audit needs at least one job.")),
        Some(jobs) => jobs.min(MAX_JOBS),
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };
    if runs.running.swap(true, Ordering::SeqCst) {
        return Err(AppError::invalid(
            "An audit is already running; wait for it or cancel it.",
        ));
    }
    runs.cancel.store(false, Ordering::SeqCst);
    let db = state.db().to_path_buf();
    let runs = runs.inner();
    // The blocking task needs 'static data: the flags are read through the app's state.
    let handle = app.clone();
    let result = blocking(move || {
        let runs = handle.state::<AuditRuns>();
        run(&handle, &db, &input, &out, jobs, &request, &runs.cancel)
    })
    .await;
    runs.running.store(false, Ordering::SeqCst);
    result
}

fn run<R: Runtime>(
    app: &AppHandle<R>,
    db: &Path,
    input: &Path,
    out: &Path,
    jobs: usize,
    request: &AuditRequest,
    cancel: &AtomicBool,
) -> CmdResult<AuditOutcome> {
    if !db.is_file() {
        return Err(AppError::invalid(format!(
            "There is no archive at {}: import wire stories first (Archive view).",
            db.display()
        )));
    }
    let archive = Archive::open_read_only(db)?;
    if archive.count()? == 0 {
        return Err(AppError::invalid(
            "The archive is empty: import wire stories first (Archive view).",
        ));
    }
    let mut settings = archive.settings()?;
    drop(archive);
    settings.preset = request.preset.into();
    let options = AuditOptions {
        jobs,
        check: settings.check_options(),
        before_from_article: request.before_from_article,
        map_archive: false,
    };
    let mut progress = Progress::new();
    let summary = audit(
        db,
        &[input.to_path_buf()],
        out,
        &options,
        cancel,
        &mut |event| {
            if let Some(p) = progress.on_event(event, Instant::now()) {
                // A lost event costs the view a refresh; the table is read again at the end.
                let _ = app.emit(PROGRESS_EVENT, p);
            }
        },
    )?;
    let _ = app.emit(PROGRESS_EVENT, progress.snapshot("done", Instant::now()));
    Ok(AuditOutcome {
        out_dir: out.display().to_string(),
        checked: summary.checked,
        failed: summary.failed,
        already_done: summary.already_done,
        duplicates: summary.duplicates,
        cancelled: summary.cancelled,
        totals: summary.totals.into(),
    })
}

/// Asks the running audit to stop: the articles being checked are finished and written, the
/// summary and index made; Start again resumes. False when no audit is running.
#[tauri::command]
pub fn cancel_audit(runs: State<'_, AuditRuns>) -> bool {
    runs.cancel()
}

impl AuditRuns {
    /// Sets the running audit's cancel flag; false when none is running.
    pub fn cancel(&self) -> bool {
        let running = self.running.load(Ordering::SeqCst);
        if running {
            self.cancel.store(true, Ordering::SeqCst);
        }
        running
    }
}

/// The rows of an audit's folder (at most `limit`) and the counts over all of them; none when
/// it holds no results yet.
#[tauri::command]
pub async fn audit_results(out_dir: String, limit: usize) -> CmdResult<AuditResults> {
    let out = given_path("an audit's folder", &out_dir)?;
    blocking(move || {
        let read = read_audit_rows(&out, limit.clamp(1, MAX_VIEW_ROWS))?;
        Ok(AuditResults {
            out_dir: out.display().to_string(),
            rows: read.rows.into_iter().map(AuditRow::from).collect(),
            total: read.total,
            totals: read.totals.into(),
        })
    })
    .await
}

/// One row's report in the review, as History reopens a check: saved to the history the first
/// time it is opened (so decisions and exports work on it), the same check after that, in this
/// session or a later one (the archive remembers which check a row became).
#[tauri::command]
pub async fn open_audit_row(
    state: State<'_, AppState>,
    out_dir: String,
    offset: u64,
    name: String,
) -> CmdResult<CheckResult> {
    let out = given_path("an audit's folder", &out_dir)?;
    let state = state.inner().clone();
    blocking(move || {
        let mut archive = state.open()?;
        let folder = out.display().to_string();
        if let Some(id) = archive.audit_row_check(&folder, &name)?
            && let Ok(loaded) = archive.load_check(id)
        {
            return check_result(&archive, loaded);
        }
        let report = read_audit_report(&out, offset, &name)?;
        let settings = archive.settings()?;
        let result = saved_check(&mut archive, report, settings)?;
        archive.remember_audit_row(&folder, &name, result.check.id)?;
        Ok(result)
    })
    .await
}

/// Copies the audit's `index.html`, `summary.csv` and the flagged articles' reports into a
/// folder (chosen in the native dialog), to send on.
#[tauri::command]
pub async fn export_audit(out_dir: String, folder: String) -> CmdResult<AuditExport> {
    let out = given_path("an audit's folder", &out_dir)?;
    let dest = given_path("a folder to export to", &folder)?;
    blocking(move || {
        let exported = wirecheck_core::export_audit(&out, &dest)?;
        Ok(AuditExport {
            folder: dest.display().to_string(),
            reports: exported.reports,
        })
    })
    .await
}

/// The progress of one run, told at most every [`EVERY`] (and at each change of stage), with
/// the rows written since the last time.
struct Progress {
    /// When the first article of this run was written: the rate counts from there.
    first: Option<Instant>,
    last_sent: Option<Instant>,
    stage: &'static str,
    total: Option<usize>,
    already_done: usize,
    skipped: usize,
    checked: usize,
    failed: usize,
    flagged: usize,
    rows: Vec<AuditRow>,
}

impl Progress {
    fn new() -> Self {
        Progress {
            first: None,
            last_sent: None,
            stage: "counting",
            total: None,
            already_done: 0,
            skipped: 0,
            checked: 0,
            failed: 0,
            flagged: 0,
            rows: Vec::new(),
        }
    }

    /// Takes one event in; gives the progress to send when it is time.
    fn on_event(&mut self, event: &AuditEvent, now: Instant) -> Option<AuditProgress> {
        let stage_before = self.stage;
        match event {
            AuditEvent::Resumed { .. } => {}
            AuditEvent::Counted { articles } => {
                self.total = Some(usize::try_from(*articles).unwrap_or(usize::MAX));
            }
            AuditEvent::Article { status, row, .. } => {
                self.stage = "checking";
                match status {
                    ArticleStatus::Checked { flagged, .. } => {
                        self.checked += 1;
                        self.flagged += usize::from(*flagged);
                    }
                    ArticleStatus::Failed { .. } => self.failed += 1,
                    ArticleStatus::AlreadyDone => self.already_done += 1,
                    _ => self.skipped += 1,
                }
                if matches!(
                    status,
                    ArticleStatus::Checked { .. } | ArticleStatus::Failed { .. }
                ) {
                    self.first.get_or_insert(now);
                }
                if let Some(row) = row {
                    self.rows.push(AuditRow::from(ResultRow::clone(row)));
                }
            }
            AuditEvent::Finishing => self.stage = "finishing",
            _ => {}
        }
        let due = self
            .last_sent
            .is_none_or(|last| now.duration_since(last) >= EVERY);
        (due || self.stage != stage_before).then(|| {
            let stage = self.stage;
            self.snapshot(stage, now)
        })
    }

    /// The progress now, with the rows not sent yet.
    fn snapshot(&mut self, stage: &str, now: Instant) -> AuditProgress {
        self.last_sent = Some(now);
        let written = self.checked + self.failed;
        let done = written + self.already_done + self.skipped;
        let rate = match self.first {
            Some(first) if written > 0 => {
                let secs = now.duration_since(first).as_secs_f64().max(1e-3);
                written as f64 / secs
            }
            _ => 0.0,
        };
        let eta_seconds = match self.total {
            Some(total) if rate > 0.0 => Some(total.saturating_sub(done) as f64 / rate),
            _ => None,
        };
        AuditProgress {
            stage: stage.to_string(),
            done,
            total: self.total,
            already_done: self.already_done,
            checked: self.checked,
            failed: self.failed,
            flagged: self.flagged,
            rate,
            eta_seconds,
            rows: std::mem::take(&mut self.rows),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wirecheck_core::{Derived, FailureKind, SummaryRow};

    fn article(flagged: bool, offset: u64) -> AuditEvent {
        let row = SummaryRow {
            id: Some(format!("site/{offset}.txt")),
            url: None,
            published: None,
            derived: Some(if flagged {
                Derived::Wholly
            } else {
                Derived::None
            }),
            coverage: Some(0.5),
            top_source_id: None,
            top_source_agency: None,
            top_source_headline: None,
            credited: None,
            flagged,
            evidence_tier: None,
            evidence_confidence: None,
            error: None,
            error_kind: None,
            input: "in".into(),
        };
        AuditEvent::Article {
            name: format!("site/{offset}.txt"),
            status: ArticleStatus::Checked {
                derived: Derived::None,
                flagged,
            },
            row: Some(Box::new(ResultRow { offset, row })),
        }
    }

    #[test]
    fn progress_is_sent_at_most_every_tenth_of_a_second_with_every_row_once() {
        let t0 = Instant::now();
        let mut progress = Progress::new();
        let mut sent = Vec::new();
        sent.extend(progress.on_event(&AuditEvent::Counted { articles: 1000 }, t0));
        // 1,000 articles in one second: a millisecond apart.
        for n in 0..1000u64 {
            let at = t0 + Duration::from_millis(n + 1);
            sent.extend(progress.on_event(&article(n % 10 == 0, n * 100), at));
        }
        let end = t0 + Duration::from_millis(1001);
        sent.extend(progress.on_event(&AuditEvent::Finishing, end));
        sent.push(progress.snapshot("done", end));
        assert!(
            (10..=14).contains(&sent.len()),
            "about ten a second plus the changes of stage, not one per article: {}",
            sent.len()
        );
        let rows: Vec<u64> = sent
            .iter()
            .flat_map(|p| p.rows.iter().map(|r| r.offset))
            .collect();
        assert_eq!(
            rows,
            (0..1000).map(|n| n * 100).collect::<Vec<_>>(),
            "every row once, in order"
        );
        let last = sent.last().unwrap();
        assert_eq!(
            (last.stage.as_str(), last.done, last.total),
            ("done", 1000, Some(1000))
        );
        assert_eq!(last.flagged, 100);
        assert!((last.rate - 1000.0).abs() < 5.0, "{}", last.rate);
        let middle = sent.iter().find(|p| p.done > 400 && p.done < 600).unwrap();
        let eta = middle.eta_seconds.unwrap();
        assert!(
            (eta - (1000 - middle.done) as f64 / 1000.0).abs() < 0.05,
            "{eta}"
        );
    }

    #[test]
    fn skipped_articles_count_as_done_but_not_in_the_rate() {
        let t0 = Instant::now();
        let mut progress = Progress::new();
        for n in 0..5 {
            progress.on_event(
                &AuditEvent::Article {
                    name: format!("{n}"),
                    status: ArticleStatus::AlreadyDone,
                    row: None,
                },
                t0,
            );
        }
        progress.on_event(
            &AuditEvent::Article {
                name: "bad".into(),
                status: ArticleStatus::Failed {
                    kind: FailureKind::Binary,
                    message: "binary".into(),
                },
                row: None,
            },
            t0 + Duration::from_secs(1),
        );
        let p = progress.snapshot("checking", t0 + Duration::from_secs(2));
        assert_eq!((p.done, p.already_done, p.failed, p.checked), (6, 5, 1, 0));
        assert!(
            (p.rate - 1.0).abs() < 1e-9,
            "one written in the second since the first: {}",
            p.rate
        );
        assert_eq!(p.eta_seconds, None, "no total yet");
    }

    #[test]
    fn the_output_folder_defaults_beside_the_input() {
        assert_eq!(
            default_out_dir(Path::new("/crawl/site-a")).unwrap(),
            Path::new("/crawl/site-a-audit")
        );
        assert_eq!(
            default_out_dir(Path::new("/crawl/export.jsonl")).unwrap(),
            Path::new("/crawl/export-audit")
        );
        assert!(default_out_dir(Path::new("/")).is_err());
        assert_eq!(
            out_dir(Path::new("/crawl/a"), Some("/elsewhere/out")).unwrap(),
            Path::new("/elsewhere/out")
        );
        assert_eq!(
            out_dir(Path::new("/crawl/a"), Some("  ")).unwrap(),
            Path::new("/crawl/a-audit")
        );
        let relative = out_dir(Path::new("/crawl/a"), Some("out")).unwrap_err();
        assert!(relative.message.contains("not a full path"), "{relative}");
    }

    #[test]
    fn an_unreadable_input_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing");
        let error = audit_input(&missing.display().to_string()).unwrap_err();
        assert!(error.message.contains("missing cannot be read"), "{error}");
        assert!(audit_input("").is_err());
        assert!(audit_input(&dir.path().display().to_string()).is_ok());
    }
}
