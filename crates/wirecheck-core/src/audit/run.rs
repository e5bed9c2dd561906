//! The audit's threads: one reader, `jobs` workers, one writer (the caller's thread).
//!
//! The reader walks the inputs and hands articles to the workers through a bounded channel,
//! skipping those `results.jsonl` already holds; so however large the inputs, only a few
//! articles are in memory at once. Each worker has its own read-only connection to the
//! archive, checks an article, writes its HTML report when it is flagged, and hands the
//! serialized line to the writer, which appends it with one write: lines come in the order the
//! checks end, each whole, each keyed by the article's id. A counting thread tells the total
//! for the progress bar meanwhile.

use std::collections::HashSet;
use std::io::Write;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::article::{Outcome, check_item};
use super::html::{Rows, index, report_path, write_report};
use super::inputs::{self, Item};
use super::resume::{self, Key};
use super::summary::{CsvOut, SummaryRow, Tally};
use super::{
    ArticleStatus, AuditEvent, AuditOptions, AuditSummary, AuditTotals, INDEX_FILE, REPORTS_DIR,
    RESULTS_FILE, ResultRow, SUMMARY_FILE,
};
use crate::archive::store::Archive;
use crate::report::Report;
use crate::{Error, Result};

/// Articles waiting for a worker, per worker.
const QUEUED_PER_JOB: usize = 2;

/// The shortest diff deadline of an audit's checks. `check` gives each passage's word diff
/// 20 ms, then reports the rest coarsely, which keeps a pasted text quick; on a loaded
/// machine (or a debug build) that deadline is sometimes hit, and the coarser diff can change
/// a verdict. An audit must give the same lines whatever the load, resumed or not, with one
/// job or two, so it waits longer: a passage diff takes well under a millisecond in a release
/// build, and the deadline still bounds hostile input.
pub(super) const MIN_DIFF_DEADLINE: Duration = Duration::from_secs(2);

/// What the other threads tell the writer.
enum Message {
    Done(Box<Done>),
    Skipped {
        name: String,
        status: ArticleStatus,
    },
    /// A worker stopped on an error that stops the audit (the archive failed).
    Fatal(Error),
}

/// A checked article, ready to write.
struct Done {
    name: String,
    line: Vec<u8>,
    status: ArticleStatus,
    /// Its row of the summary, read from `line` by the worker (off the writer's thread).
    row: Option<SummaryRow>,
}

/// Audits `inputs` (files, folders, JSON Lines exports) against the archive at `db`, writing
/// `results.jsonl`, `summary.csv`, `index.html` and `reports/` into `out_dir`; see the module
/// docs of `audit`. Articles already in `out_dir/results.jsonl` are skipped, so running the
/// same audit again after an interruption finishes it.
///
/// Setting `cancel` stops the audit soon: articles being checked are finished and written,
/// the rest left for the next run; the summary and index are still made. `on_event` is called
/// on the caller's thread.
///
/// Errors (returned) are those that stop the audit: no inputs, an input or the archive
/// missing, an output that cannot be written, the archive failing. Bad articles are not
/// errors: they become error rows.
pub fn audit(
    db: &Path,
    inputs: &[PathBuf],
    out_dir: &Path,
    options: &AuditOptions,
    cancel: &AtomicBool,
    on_event: &mut dyn FnMut(&AuditEvent),
) -> Result<AuditSummary> {
    if inputs.is_empty() {
        return Err(Error::Invalid(
            "no inputs: give the files, folders or JSON Lines exports to audit".into(),
        ));
    }
    for input in inputs {
        std::fs::metadata(input).map_err(|e| Error::io(input, e))?;
    }
    if let Some(before) = &options.check.published_before
        && crate::text::dates::Date::from_iso_prefix(before).is_none()
    {
        return Err(Error::Invalid(format!(
            "the date {before:?} is not an ISO 8601 date (e.g. 2026-05-09)"
        )));
    }
    if !db.is_file() {
        return Err(Error::Invalid(format!(
            "no archive at {}; import wire stories first (wirecheck import)",
            db.display()
        )));
    }
    // Brings the schema and index up to date once; the workers then only read.
    drop(Archive::open(db)?);
    let reports = out_dir.join(REPORTS_DIR);
    std::fs::create_dir_all(&reports).map_err(|e| Error::io(&reports, e))?;
    let results = out_dir.join(RESULTS_FILE);
    let (mut file, resumed) = resume::open(&results)?;
    // Where the next line starts: every whole line before it is kept.
    let mut offset = file.metadata().map_err(|e| Error::io(&results, e))?.len();
    on_event(&AuditEvent::Resumed {
        done: resumed.lines,
        repaired_bytes: resumed.repaired_bytes,
    });
    let mut summary = AuditSummary {
        repaired_bytes: resumed.repaired_bytes,
        ..AuditSummary::default()
    };
    let checked_at = utc_now();
    let jobs = options.jobs.max(1);
    let stop = AtomicBool::new(false);
    let stopped = || stop.load(Ordering::Relaxed) || cancel.load(Ordering::Relaxed);
    let mut fatal = None;
    let done_counting = AtomicBool::new(false);
    // Whether every article of the inputs reached a worker or was skipped, and how many did
    // reach one: an audit cancelled after that point is complete once they are written.
    let read_all = AtomicBool::new(false);
    let sent = AtomicUsize::new(0);

    std::thread::scope(|scope| {
        let (to_writer, from_workers) = sync_channel::<Message>(jobs * QUEUED_PER_JOB);
        let (to_workers, queue) = sync_channel::<Item>(jobs * QUEUED_PER_JOB);
        let queue = Arc::new(Mutex::new(queue));

        // The count has a channel of its own: the writer must not wait for it to end.
        let (counted, count) = std::sync::mpsc::channel::<u64>();
        {
            let (stopped, done_counting) = (&stopped, &done_counting);
            spawn(scope, "audit-count", &mut fatal, move || {
                let n = inputs::count(inputs, &|| {
                    stopped() || done_counting.load(Ordering::Relaxed)
                });
                let _ = counted.send(n);
            });
        }
        {
            let to_writer = to_writer.clone();
            let (stopped, read_all, sent) = (&stopped, &read_all, &sent);
            let earlier = resumed.done;
            spawn(scope, "audit-read", &mut fatal, move || {
                let all = read(inputs, &earlier, &to_workers, &to_writer, stopped, sent);
                read_all.store(all, Ordering::Relaxed);
            });
        }
        for n in 0..jobs {
            let (to_writer, queue) = (to_writer.clone(), Arc::clone(&queue));
            let (stopped, checked_at) = (&stopped, checked_at.as_str());
            spawn(scope, &format!("audit-work-{n}"), &mut fatal, move || {
                work(
                    db, out_dir, options, &queue, &to_writer, stopped, checked_at,
                )
            });
        }
        // Only the workers hold the queue now: when the last one stops, the reader's next send
        // fails instead of waiting for ever.
        drop(queue);
        drop(to_writer);

        // The writer: every line whole, with one write each.
        let mut counted = false;
        for message in from_workers {
            if !counted && let Ok(articles) = count.try_recv() {
                counted = true;
                on_event(&AuditEvent::Counted { articles });
            }
            match message {
                Message::Done(done) => {
                    // After a failed write the file may end in a partial line: nothing more
                    // goes after it (the next run cuts it).
                    if fatal.is_some() {
                        continue;
                    }
                    if let Err(e) = file.write_all(&done.line).and_then(|()| file.flush()) {
                        fatal.get_or_insert(Error::io(&results, e));
                        stop.store(true, Ordering::Relaxed);
                        continue;
                    }
                    let at = offset;
                    offset += done.line.len() as u64;
                    match done.status {
                        ArticleStatus::Checked { .. } => summary.checked += 1,
                        _ => summary.failed += 1,
                    }
                    on_event(&AuditEvent::Article {
                        name: done.name,
                        status: done.status,
                        row: done.row.map(|row| Box::new(ResultRow { offset: at, row })),
                    });
                }
                Message::Skipped { name, status } => {
                    match status {
                        ArticleStatus::AlreadyDone => summary.already_done += 1,
                        _ => summary.duplicates += 1,
                    }
                    on_event(&AuditEvent::Article {
                        name,
                        status,
                        row: None,
                    });
                }
                Message::Fatal(e) => {
                    fatal.get_or_insert(e);
                    stop.store(true, Ordering::Relaxed);
                }
            }
        }
        // Every worker and the reader are done: the count is no longer needed.
        done_counting.store(true, Ordering::Relaxed);
    });
    drop(file);
    if let Some(e) = fatal {
        return Err(e);
    }
    let complete = read_all.load(Ordering::Relaxed)
        && sent.load(Ordering::Relaxed) == summary.checked + summary.failed;
    summary.cancelled = cancel.load(Ordering::Relaxed) && !complete;
    on_event(&AuditEvent::Finishing);
    summary.totals = finish(db, out_dir, &checked_at)?;
    Ok(summary)
}

/// Starts a named thread (the names tell the audit's threads apart in `top -H` and `perf`); a
/// thread that cannot be started stops the audit (its closure, dropped, closes its channels).
fn spawn<'scope, 'env>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    name: &str,
    fatal: &mut Option<Error>,
    f: impl FnOnce() + Send + 'scope,
) {
    if let Err(e) = std::thread::Builder::new()
        .name(name.to_string())
        .spawn_scoped(scope, f)
    {
        fatal.get_or_insert(Error::Invalid(format!(
            "cannot start the thread {name}: {e}"
        )));
    }
}

/// The reader: every article of the inputs not done yet, to the workers. `earlier` holds the
/// articles of `results.jsonl`; those of this run are added to a set of their own, so that a
/// repeat is told from an article done before. Returns whether it got through every article.
fn read(
    inputs: &[PathBuf],
    earlier: &HashSet<Key>,
    to_workers: &SyncSender<Item>,
    to_writer: &SyncSender<Message>,
    stopped: &dyn Fn() -> bool,
    sent: &AtomicUsize,
) -> bool {
    let mut seen: HashSet<Key> = HashSet::new();
    let mut all = true;
    inputs::for_each(inputs, |item| {
        if stopped() {
            all = false;
            return ControlFlow::Break(());
        }
        // A file's id is known before it is read; a record without id by its content.
        let key = resume::key(item.id.as_deref(), item.content_hash.as_deref());
        let status = match key {
            Some(key) if earlier.contains(&key) => Some(ArticleStatus::AlreadyDone),
            Some(key) if !seen.insert(key) => Some(ArticleStatus::Duplicate),
            _ => None,
        };
        let delivered = match status {
            Some(status) => to_writer
                .send(Message::Skipped {
                    name: item.name().to_string(),
                    status,
                })
                .is_ok(),
            None => {
                let ok = to_workers.send(item).is_ok();
                sent.fetch_add(usize::from(ok), Ordering::Relaxed);
                ok
            }
        };
        if delivered {
            ControlFlow::Continue(())
        } else {
            all = false;
            ControlFlow::Break(())
        }
    });
    all
}

/// A worker: its own read-only connection, articles from the queue until it closes.
fn work(
    db: &Path,
    out_dir: &Path,
    options: &AuditOptions,
    queue: &Mutex<Receiver<Item>>,
    to_writer: &SyncSender<Message>,
    stopped: &dyn Fn() -> bool,
    checked_at: &str,
) {
    let opened = if options.map_archive {
        Archive::open_read_only(db)
    } else {
        Archive::open_read_only_mapping(db, 0)
    };
    let archive = match opened {
        Ok(archive) => archive,
        Err(e) => {
            let _ = to_writer.send(Message::Fatal(e));
            return;
        }
    };
    let mut check = options.check.clone();
    check.diff.deadline = check.diff.deadline.max(MIN_DIFF_DEADLINE);
    let before = options.check.published_before.clone();
    loop {
        if stopped() {
            return;
        }
        let item = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok(item) = item else {
            return;
        };
        let message = check_item(
            &archive,
            item,
            &mut check,
            before.as_deref(),
            options.before_from_article,
        )
        .and_then(|outcome| done(&archive, out_dir, &outcome, checked_at));
        let message = match message {
            Ok(done) => Message::Done(Box::new(done)),
            Err(e) => Message::Fatal(e),
        };
        if to_writer.send(message).is_err() {
            return;
        }
    }
}

/// The line of a checked article; a flagged one's report is written first, so a line in
/// `results.jsonl` always has its report beside it.
fn done(archive: &Archive, out_dir: &Path, outcome: &Outcome, checked_at: &str) -> Result<Done> {
    let name = outcome.id.as_deref().unwrap_or(&outcome.input).to_string();
    let status = match &outcome.result {
        Ok(report) => {
            let flagged = !report.flags.is_empty();
            if flagged {
                write_report(archive, out_dir, &name, report, checked_at)?;
            }
            ArticleStatus::Checked {
                derived: report.derived,
                flagged,
            }
        }
        Err(failure) => ArticleStatus::Failed {
            kind: failure.kind,
            message: failure.message.clone(),
        },
    };
    let line = outcome.line()?;
    Ok(Done {
        row: SummaryRow::from_result_line(&line).ok(),
        name,
        line,
        status,
    })
}

/// `summary.csv` and `index.html` made again from the whole of `results.jsonl`, and any
/// flagged article's missing report written (one from before reports were kept, or deleted).
fn finish(db: &Path, out_dir: &Path, checked_at: &str) -> Result<AuditTotals> {
    use std::io::BufRead;
    let results = out_dir.join(RESULTS_FILE);
    let file = std::fs::File::open(&results).map_err(|e| Error::io(&results, e))?;
    let mut reader = std::io::BufReader::with_capacity(256 * 1024, file);
    let mut csv = CsvOut::create(&out_dir.join(SUMMARY_FILE))?;
    let mut tally = Tally::default();
    let mut rows = Rows::default();
    let mut archive = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| Error::io(&results, e))?;
        if n == 0 {
            break;
        }
        let Ok(row) = SummaryRow::from_result_line(&line) else {
            tally.unreadable_line();
            continue;
        };
        if row.flagged
            && !out_dir.join(report_path(row.name())).exists()
            && let Ok(report) = serde_json::from_slice::<Report>(&line)
        {
            let archive = match &archive {
                Some(archive) => archive,
                None => archive.insert(Archive::open_read_only(db)?),
            };
            write_report(archive, out_dir, row.name(), &report, checked_at)?;
        }
        csv.row(&row)?;
        tally.add(&row);
        rows.add(&row);
    }
    csv.finish()?;
    let totals = tally.totals();
    let path = out_dir.join(INDEX_FILE);
    let temp = out_dir.join("index.html.partial");
    std::fs::write(&temp, index(&totals, &rows, checked_at)).map_err(|e| Error::io(&temp, e))?;
    std::fs::rename(&temp, &path).map_err(|e| Error::io(&path, e))?;
    Ok(totals)
}

/// Now, UTC, ISO 8601 to the second.
fn utc_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::NewStory;

    const STORY: &str = "The harbour board voted on Tuesday to buy six electric tugs from a Finnish \
        yard, replacing a diesel fleet that has served the port since the 1990s. The first two \
        tugs will arrive next spring, the board said, and crews will train on them over the \
        winter months at the old pilot station on the north quay.";

    /// An archive with one Reuters story, and a folder of articles: a copy, a credited copy,
    /// an unrelated text and a binary file.
    fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("archive.sqlite");
        Archive::open(&db)
            .unwrap()
            .insert(NewStory {
                headline: "Port buys electric tugs".into(),
                body: STORY.into(),
                agency: Some("Reuters".into()),
                origin: "test".into(),
                ..NewStory::default()
            })
            .unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(&site).unwrap();
        std::fs::write(site.join("copy.txt"), STORY).unwrap();
        std::fs::write(site.join("credited.txt"), format!("{STORY}\n\n(Reuters)")).unwrap();
        std::fs::write(
            site.join("other.txt"),
            "The library reopened after a year of repairs to its roof and its old reading room.",
        )
        .unwrap();
        std::fs::write(site.join("photo.jpg"), b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01").unwrap();
        (dir, db, site)
    }

    fn run(db: &Path, inputs: &[PathBuf], out: &Path, jobs: usize) -> AuditSummary {
        let options = AuditOptions {
            jobs,
            ..AuditOptions::default()
        };
        audit(
            db,
            inputs,
            out,
            &options,
            &AtomicBool::new(false),
            &mut |_| {},
        )
        .unwrap()
    }

    fn ids(out: &Path) -> Vec<String> {
        let text = std::fs::read_to_string(out.join(RESULTS_FILE)).unwrap();
        let mut ids: Vec<String> = text
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["id"].as_str().unwrap().to_string()
            })
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn an_audit_checks_every_article_once_and_a_second_run_skips_them() {
        let (dir, db, site) = setup();
        let out = dir.path().join("out");
        let first = run(&db, std::slice::from_ref(&site), &out, 2);
        assert_eq!((first.checked, first.failed, first.already_done), (3, 1, 0));
        assert_eq!(first.totals.articles, 4);
        assert_eq!(
            first.totals.flagged, 1,
            "only the uncredited copy: {first:?}"
        );
        assert_eq!(
            ids(&out),
            [
                "site/copy.txt",
                "site/credited.txt",
                "site/other.txt",
                "site/photo.jpg"
            ]
        );
        assert!(out.join(report_path("site/copy.txt")).is_file());
        assert!(!out.join(report_path("site/credited.txt")).exists());

        let again = run(&db, &[site], &out, 2);
        assert_eq!((again.checked, again.failed, again.already_done), (0, 0, 4));
        assert_eq!(ids(&out).len(), 4, "no line is added twice");
        assert_eq!(
            again.totals, first.totals,
            "the totals cover the earlier run"
        );
    }

    #[test]
    fn each_written_article_comes_with_its_row_and_where_its_line_is() {
        let (dir, db, site) = setup();
        let out = dir.path().join("out");
        let mut rows = Vec::new();
        audit(
            &db,
            std::slice::from_ref(&site),
            &out,
            &AuditOptions {
                jobs: 2,
                ..AuditOptions::default()
            },
            &AtomicBool::new(false),
            &mut |event| {
                if let AuditEvent::Article { row, .. } = event {
                    rows.push(row.clone().expect("a written article has its row"));
                }
            },
        )
        .unwrap();
        assert_eq!(rows.len(), 4);
        let read = crate::audit::read_rows(&out, 10).unwrap();
        let mut from_events: Vec<_> = rows.iter().map(|r| (**r).clone()).collect();
        from_events.sort_by_key(|r| r.offset);
        assert_eq!(
            from_events, read.rows,
            "the rows the events gave are those of results.jsonl, at their offsets"
        );
        let copy = rows
            .iter()
            .find(|r| r.row.name() == "site/copy.txt")
            .unwrap();
        assert!(
            copy.row.flagged
                && !rows
                    .iter()
                    .any(|r| r.row.flagged && r.row.name() != "site/copy.txt")
        );
        let report = crate::audit::read_report(&out, copy.offset, "site/copy.txt").unwrap();
        assert_eq!(report.flags.len(), 1);

        // A second run skips them all: no rows, since it writes nothing.
        let mut again = Vec::new();
        audit(
            &db,
            &[site],
            &out,
            &AuditOptions::default(),
            &AtomicBool::new(false),
            &mut |event| {
                if let AuditEvent::Article { row, status, .. } = event {
                    again.push((status.clone(), row.is_some()));
                }
            },
        )
        .unwrap();
        assert_eq!(again.len(), 4);
        assert!(
            again
                .iter()
                .all(|(s, row)| *s == ArticleStatus::AlreadyDone && !row)
        );
    }

    #[test]
    fn a_cancelled_audit_writes_nothing_half_and_says_so() {
        let (dir, db, site) = setup();
        let out = dir.path().join("out");
        let cancel = AtomicBool::new(true);
        let summary = audit(
            &db,
            &[site],
            &out,
            &AuditOptions::default(),
            &cancel,
            &mut |_| {},
        )
        .unwrap();
        assert!(summary.cancelled);
        assert_eq!(summary.checked + summary.failed, summary.totals.articles);
        assert!(
            out.join(INDEX_FILE).is_file(),
            "the index is made all the same"
        );
    }

    #[test]
    fn what_stops_an_audit_is_an_error() {
        let (dir, db, site) = setup();
        let out = dir.path().join("out");
        let go = |db: &Path, inputs: &[PathBuf], out: &Path| {
            audit(
                db,
                inputs,
                out,
                &AuditOptions::default(),
                &AtomicBool::new(false),
                &mut |_| {},
            )
            .map(|_| ())
            .unwrap_err()
            .to_string()
        };
        assert!(go(&db, &[], &out).contains("no inputs"));
        assert!(
            go(
                &dir.path().join("none.sqlite"),
                std::slice::from_ref(&site),
                &out
            )
            .contains("no archive")
        );
        assert!(
            !dir.path().join("none.sqlite").exists(),
            "a missing archive is not created"
        );
        assert!(go(&db, &[dir.path().join("missing")], &out).contains("missing"));
        let file = dir.path().join("a-file");
        std::fs::write(&file, "x").unwrap();
        assert!(
            !go(&db, &[site], &file.join("out")).is_empty(),
            "an output under a file"
        );
    }

    #[test]
    fn now_is_an_iso_utc_time() {
        let now = utc_now();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.starts_with("20") && now.ends_with('Z') && now.as_bytes()[10] == b'T');
    }
}
