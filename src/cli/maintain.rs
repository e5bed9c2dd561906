//! `wirecheck backup` and `wirecheck verify`: keeping an archive safe.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use wirecheck_core::{RepairSummary, VerifyReport};

use super::args::{BackupArgs, VerifyArgs};
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
