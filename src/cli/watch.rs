//! `wirecheck watch`: a thin loop over the engine's [`Watcher`] until Ctrl-C.

use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use wirecheck_core::{WatchEvent, WatchOptions, WatchSummary, Watcher};

use super::args::WatchArgs;
use super::output::{self, BOLD, DIM, GREEN};

pub fn run(db: &Path, args: WatchArgs) -> Result<ExitCode> {
    // A folder that is not there now is a typing error on the command line (the app, which
    // keeps folders for later, waits for it instead).
    for folder in &args.folders {
        if !folder.is_dir() {
            bail!("cannot watch {}: not a folder", folder.display());
        }
    }
    let options = WatchOptions {
        settle: seconds("--settle", args.settle)?,
        rescan: seconds("--rescan", args.rescan)?,
        file_events: !args.no_events,
        ..WatchOptions::default()
    };
    let archive = super::open(db)?;
    let (stop, stopped) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = stop.send(());
    })
    .context("cannot catch Ctrl-C")?;
    let json = args.json;
    let watcher = Watcher::start(archive, options, move |event| {
        if json {
            if let Err(e) = output::json_line(event) {
                output::warning(&format!("cannot print an event: {e}"));
            }
        } else {
            print_event(event);
        }
    })?;
    for folder in &args.folders {
        watcher.watch(folder, args.agency.clone())?;
    }
    if !json {
        output::note("watching; Ctrl-C stops");
    }
    let _ = stopped.recv();
    let summary = watcher.stop()?;
    if json {
        output::json_line(&summary)?;
    } else {
        print_summary(&summary);
    }
    Ok(ExitCode::SUCCESS)
}

fn seconds(flag: &str, value: f64) -> Result<Duration> {
    if !(0.0..=86_400.0).contains(&value) || (flag == "--rescan" && value < 0.1) {
        bail!("{flag} must be between 0 (0.1 for --rescan) and 86400 seconds, not {value}");
    }
    Ok(Duration::from_secs_f64(value))
}

/// Imports on standard output; skips, deletions and folder states on standard error.
fn print_event(event: &WatchEvent) {
    match event {
        WatchEvent::Started {
            folder,
            file_events,
        } => {
            let how = if *file_events {
                "file events"
            } else {
                "rescans only"
            };
            output::note(&format!("watching {folder} ({how})"));
        }
        WatchEvent::Stopped { folder } => output::note(&format!("stopped watching {folder}")),
        WatchEvent::Imported {
            path,
            imported,
            duplicates,
            ..
        } => anstream::println!(
            "{GREEN}imported{GREEN:#} {path}: {imported} new, {duplicates} already stored"
        ),
        WatchEvent::Skipped { path, reason, .. } => {
            output::warning(&format!("skipped {path}: {reason}"));
        }
        WatchEvent::Deleted { path, .. } => {
            output::note(&format!("deleted {path}; its stories stay in the archive"));
        }
        WatchEvent::FolderError { folder, message } => {
            output::warning(&format!("cannot watch {folder}: {message}; trying again"));
        }
        WatchEvent::Warning { folder, message } => match folder {
            Some(folder) => output::warning(&format!("{folder}: {message}")),
            None => output::warning(message),
        },
        _ => {}
    }
}

fn print_summary(summary: &WatchSummary) {
    anstream::println!(
        "{BOLD}imported {}{BOLD:#}, duplicates {}, skipped {} {DIM}({} files read){DIM:#}",
        summary.imported,
        summary.duplicates,
        summary.skipped,
        summary.files,
    );
}
