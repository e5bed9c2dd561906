//! `wirecheck audit`: many articles on every core, through `wirecheck_core::audit`.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use wirecheck_core::{
    ArticleStatus, AuditEvent, AuditOptions, AuditSummary, INDEX_FILE, RESULTS_FILE, SUMMARY_FILE,
    audit,
};

use super::args::AuditArgs;
use super::output::{self, BOLD, DIM, RED, YELLOW};
use super::{EXIT_ERROR, EXIT_FLAGGED};

/// Set by the first Ctrl-C: the audit finishes the articles being checked, writes its
/// summary and index, and stops. A second Ctrl-C stops at once (every line is still whole).
static CANCEL: AtomicBool = AtomicBool::new(false);

pub fn run(db: &Path, args: AuditArgs) -> Result<ExitCode> {
    let jobs = match args.jobs {
        Some(jobs) => usize::from(jobs),
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };
    let options = AuditOptions {
        jobs,
        check: super::check::options(&args.check),
        before_from_article: args.before_from_article,
        map_archive: args.map_archive,
    };
    if let Err(e) = ctrlc::set_handler(|| {
        if CANCEL.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(EXIT_ERROR));
        }
    }) {
        output::warning(&format!("Ctrl-C will stop the audit at once: {e}"));
    }
    let bar = progress_bar();
    let summary = audit(
        db,
        &args.inputs,
        &args.out,
        &options,
        &CANCEL,
        &mut |event| match event {
            AuditEvent::Resumed { done, .. } if *done > 0 => bar.println(format!(
                "resuming: {done} articles already in {}",
                args.out.join(RESULTS_FILE).display()
            )),
            AuditEvent::Counted { articles } => bar.set_length(*articles),
            AuditEvent::Article { name, status, .. } => {
                if !matches!(status, ArticleStatus::AlreadyDone) {
                    bar.set_message(name.clone());
                }
                bar.inc(1);
            }
            AuditEvent::Finishing => bar.set_message("writing summary.csv and index.html"),
            _ => {}
        },
    )
    .with_context(|| format!("cannot audit into {}", args.out.display()));
    bar.finish_and_clear();
    let summary = summary?;
    if args.json {
        output::json_line(&summary)?;
    } else {
        print_summary(&args.out, &summary);
    }
    if summary.cancelled {
        bail!(
            "interrupted after {} articles; run the same command again to finish the rest",
            summary.checked + summary.failed
        );
    }
    Ok(if summary.totals.flagged > 0 {
        ExitCode::from(EXIT_FLAGGED)
    } else {
        ExitCode::SUCCESS
    })
}

/// A bar on standard error when it is a terminal, hidden otherwise (scripts, CI, pipes).
fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    if let Ok(style) = ProgressStyle::with_template(
        "{bar:30} {pos}/{len} articles  {per_sec}  ETA {eta}  {wide_msg}",
    ) {
        bar.set_style(style);
    }
    bar
}

fn print_summary(out: &Path, s: &AuditSummary) {
    let t = &s.totals;
    let verdict = |name: &str| t.by_verdict.get(name).copied().unwrap_or(0);
    let mut run = format!("this run checked {}", s.checked);
    if s.failed > 0 {
        run.push_str(&format!(", {} could not be checked", s.failed));
    }
    if s.already_done > 0 {
        run.push_str(&format!(", skipped {} already done", s.already_done));
    }
    if s.duplicates > 0 {
        run.push_str(&format!(", skipped {} repeated ids", s.duplicates));
    }
    anstream::println!(
        "{BOLD}audited {} articles{BOLD:#}: {RED}{} flagged{RED:#} (a source copied without \
         credit); {} wholly, {} partially, {} not derived; {} could not be checked",
        t.articles,
        t.flagged,
        verdict("wholly"),
        verdict("partially"),
        verdict("none"),
        t.failed(),
    );
    anstream::println!("  {DIM}{run}{DIM:#}");
    for agency in t.by_agency.iter().take(10) {
        anstream::println!(
            "  {:<20} {} derived, {} flagged",
            agency.agency,
            agency.articles,
            agency.flagged
        );
    }
    for e in &t.errors {
        anstream::println!(
            "  {YELLOW}{} {}{YELLOW:#}: e.g. {}: {}",
            e.count,
            e.kind.as_str(),
            e.example,
            e.message
        );
    }
    if t.unreadable_lines > 0 {
        output::warning(&format!(
            "{} lines of {} are not results and were left out",
            t.unreadable_lines, RESULTS_FILE
        ));
    }
    if s.repaired_bytes > 0 {
        output::note(&format!(
            "cut a partial last line ({} bytes) left by an interrupted run",
            s.repaired_bytes
        ));
    }
    anstream::println!(
        "  {}  {}  {}",
        out.join(INDEX_FILE).display(),
        out.join(SUMMARY_FILE).display(),
        out.join(RESULTS_FILE).display()
    );
}
