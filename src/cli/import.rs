//! `wirecheck import`.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use wirecheck_core::{ImportEvent, ImportSummary, Importer};

use super::args::ImportArgs;
use super::output::{self, BOLD, DIM};

pub fn run(db: &Path, args: ImportArgs) -> Result<ExitCode> {
    let mut archive = super::open(db)?;
    let importer = Importer::new().agency(args.agency)?;
    let bar = progress_bar();
    let summary = importer.run(&mut archive, &args.paths, |event| match event {
        ImportEvent::Started { files } => bar.set_length(*files as u64),
        ImportEvent::File { path, .. } => {
            bar.inc(1);
            bar.set_message(path.clone());
        }
        ImportEvent::Skipped { .. } => {}
        _ => {}
    })?;
    bar.finish_and_clear();
    if args.json {
        output::json_line(&summary)?;
    } else {
        print_summary(&summary);
    }
    Ok(ExitCode::SUCCESS)
}

/// A bar on standard error when it is a terminal, hidden otherwise (scripts, CI, pipes).
fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    if let Ok(style) =
        ProgressStyle::with_template("{bar:30} {pos}/{len} files  {per_sec}  {wide_msg}")
    {
        bar.set_style(style);
    }
    bar
}

fn print_summary(summary: &ImportSummary) {
    for skipped in &summary.skipped {
        output::warning(&format!("skipped {}: {}", skipped.path, skipped.reason));
    }
    anstream::println!(
        "{BOLD}imported {}{BOLD:#}, duplicates {}, skipped {} {DIM}({} files read){DIM:#}",
        summary.imported,
        summary.duplicates,
        summary.skipped.len(),
        summary.files,
    );
}
