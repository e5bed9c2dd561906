//! `wirecheck backup`, `verify`, `prune` and `compact`: keeping an archive safe and small.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use wirecheck_core::{PruneFilter, RepairSummary, VerifyReport};

use super::args::{BackupArgs, CompactArgs, PruneArgs, VerifyArgs};
use super::output::{self, BOLD, DIM, GREEN, RED};

pub fn backup(db: &Path, args: BackupArgs) -> Result<ExitCode> {
    let archive = open_existing(db)?;
    let bar = progress_bar("{bar:30} {percent}% of {len} pages");
    let summary = archive.backup(&args.path, args.force, |progress| {
        bar.set_length(progress.total_pages);
        bar.set_position(progress.copied_pages);
    })?;
    bar.finish_and_clear();
    if args.json {
        output::json_line(&summary)?;
    } else {
        anstream::println!(
            "{BOLD}backed up {} stories{BOLD:#} to {} {DIM}({} bytes){DIM:#}",
            summary.stories,
            summary.path.display(),
            summary.bytes
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The JSON printed by `verify --json`.
#[derive(Serialize)]
struct VerifyOutput<'a> {
    ok: bool,
    #[serde(flatten)]
    report: &'a VerifyReport,
    /// What `--repair` rebuilt, when it ran.
    repaired: Option<RepairSummary>,
    /// How to recover, when a check failed.
    recovery: Option<String>,
}

pub fn verify(db: &Path, args: VerifyArgs) -> Result<ExitCode> {
    let mut archive = open_existing(db)?;
    let mut report = run_verify(&archive)?;
    let mut repaired = None;
    if args.repair && !report.ok() {
        repaired = Some(archive.repair()?);
        report = run_verify(&archive)?;
    }
    let recovery = (!report.ok()).then(|| recovery_advice(db, &report));
    if args.json {
        output::json_line(&VerifyOutput {
            ok: report.ok(),
            report: &report,
            repaired,
            recovery,
        })?;
    } else {
        print_report(&report, repaired, recovery.as_deref());
    }
    Ok(if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_ERROR)
    })
}

fn run_verify(archive: &wirecheck_core::Archive) -> Result<VerifyReport> {
    let bar = progress_bar("{bar:30} {pos}/{len} stories checked");
    let report = archive.verify(|done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })?;
    bar.finish_and_clear();
    Ok(report)
}

fn print_report(report: &VerifyReport, repaired: Option<RepairSummary>, recovery: Option<&str>) {
    if let Some(r) = repaired {
        println!(
            "repaired: rebuilt {} postings of {} stories and the full-text index",
            r.postings, r.stories
        );
    }
    for check in &report.checks {
        let (style, status) = if check.ok {
            (GREEN, "ok")
        } else {
            (RED, "FAILED")
        };
        anstream::println!(
            "{:<10} {style}{status:<6}{style:#}  {}",
            check.name,
            check.detail
        );
        for problem in &check.problems {
            anstream::println!("           {DIM}{problem}{DIM:#}");
        }
    }
    if report.ok() {
        anstream::println!(
            "{BOLD}verdict:{BOLD:#} {GREEN}the archive is sound{GREEN:#} ({} stories)",
            report.stories
        );
    } else {
        anstream::println!(
            "{BOLD}verdict:{BOLD:#} {RED}the archive has problems{RED:#} ({} stories)",
            report.stories
        );
    }
    if let Some(text) = recovery {
        println!("\n{text}");
    }
}

/// What to do about the checks that failed, most direct remedy first.
fn recovery_advice(db: &Path, report: &VerifyReport) -> String {
    let failed = |name: &str| report.checks.iter().any(|c| c.name == name && !c.ok);
    let db = db.display();
    let mut lines = vec!["How to recover:".to_owned()];
    if failed("integrity") {
        lines.push(format!(
            "- The file itself is damaged. Restore your latest backup (made with `wirecheck \
             backup`): copy it over {db} while no import or app is running. Without a backup, \
             start a new archive and re-import the original wire files."
        ));
    }
    if failed("full_text") || failed("postings") {
        lines.push(format!(
            "- The search indexes disagree with the stored stories. Rebuild them from the \
             stories with `wirecheck --db {db} verify --repair` (one transaction; the stories \
             are not touched)."
        ));
    }
    if failed("schema") {
        lines.push(
            "- The schema version is not this build's: use the Wirecheck version that wrote \
             the archive, or restore a backup."
                .to_owned(),
        );
    }
    lines.push(
        "- Make a copy of the file before trying anything else; re-importing the same files \
         later adds only what is missing (duplicates are recognized)."
            .to_owned(),
    );
    lines.join("\n")
}

/// The JSON printed by `prune --json`: the count, and what was removed unless `--dry-run`.
#[derive(Serialize)]
struct PruneOutput<'a> {
    dry_run: bool,
    before: &'a str,
    agency: Option<&'a str>,
    #[serde(flatten)]
    plan: &'a wirecheck_core::PrunePlan,
    removed: Option<wirecheck_core::PruneSummary>,
}

pub fn prune(db: &Path, args: PruneArgs) -> Result<ExitCode> {
    // The date is checked before the archive is opened: a typo never touches the file.
    let filter = PruneFilter::new(&args.before, args.agency.as_deref())?;
    let mut archive = open_existing(db)?;
    let plan = archive.prune_plan(&filter)?;
    let removed = if args.dry_run || plan.stories == 0 {
        None
    } else {
        Some(archive.prune(&filter)?)
    };
    if args.json {
        output::json_line(&PruneOutput {
            dry_run: args.dry_run,
            before: filter.before(),
            agency: filter.agency(),
            plan: &plan,
            removed,
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let which = match filter.agency() {
        Some(agency) => format!("{agency} stories"),
        None => "stories".to_string(),
    };
    let range = match (&plan.oldest, &plan.newest) {
        (Some(oldest), Some(newest)) => format!(" {DIM}({oldest} to {newest}){DIM:#}"),
        _ => String::new(),
    };
    match removed {
        None if args.dry_run => {
            anstream::println!(
                "{BOLD}would remove {} {which}{BOLD:#} published before {}{range}; {} would remain",
                plan.stories,
                filter.before(),
                plan.remaining
            );
            if plan.cited_by_checks > 0 {
                println!(
                    "{} of them are sources of saved checks and would be kept with those checks",
                    plan.cited_by_checks
                );
            }
        }
        None => println!(
            "no {which} published before {}; nothing removed",
            filter.before()
        ),
        Some(summary) => {
            anstream::println!(
                "{BOLD}removed {} {which}{BOLD:#} published before {}{range}: {} postings and {} \
                 full-text rows; {} stories remain",
                summary.stories,
                filter.before(),
                summary.postings,
                summary.full_text_rows,
                summary.remaining
            );
            if summary.kept_for_history > 0 {
                println!(
                    "{} of them are sources of saved checks: kept with those checks for History",
                    summary.kept_for_history
                );
            }
            println!(
                "{} bytes are now free inside the archive (reused by later imports); \
                 `wirecheck compact` gives them back to the disk",
                summary.free_bytes
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn compact(db: &Path, args: CompactArgs) -> Result<ExitCode> {
    let mut archive = open_existing(db)?;
    let summary = archive.compact()?;
    if args.json {
        output::json_line(&summary)?;
    } else {
        anstream::println!(
            "{BOLD}compacted{BOLD:#} {}: {} bytes freed ({} to {} bytes)",
            db.display(),
            summary.bytes_freed,
            summary.bytes_before,
            summary.bytes_after
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Backing up or verifying a file that does not exist would create an empty archive.
fn open_existing(db: &Path) -> Result<wirecheck_core::Archive> {
    if !db.exists() {
        bail!("no archive at {}", db.display());
    }
    super::open(db)
}

/// A bar on standard error when it is a terminal, hidden otherwise (scripts, CI, pipes).
fn progress_bar(template: &str) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}
