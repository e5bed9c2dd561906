//! The command line: argument parsing and one module per command, each a thin adapter over
//! `wirecheck-core`.

mod archive;
mod args;
mod audit;
mod bench;
mod check;
mod demo;
mod eval;
mod import;
mod maintain;
mod output;
mod watch;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use clap::Parser;
use wirecheck_core::{Archive, default_archive_path};

use args::{Cli, Command};

/// Exit code when an article copies a source without credit.
const EXIT_FLAGGED: u8 = 1;
/// Exit code for errors (bad input, unreadable files, a broken archive).
const EXIT_ERROR: u8 = 2;

/// Runs the CLI and turns its outcome into an exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        Err(error) => {
            output::error(&error);
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn dispatch(cli: Cli) -> Result<ExitCode> {
    // The evaluation builds its own temporary archive: it needs no home directory.
    if let Command::Eval(args) = cli.command {
        return eval::run(args);
    }
    // A comparison of two given texts opens no archive at all.
    if let Command::Compare(args) = cli.command {
        return check::compare(args);
    }
    // So does the benchmark: it makes an archive per size in its work folder.
    if let Command::Bench(args) = cli.command {
        return bench::run(cli.db, args);
    }
    let db = archive_path(cli.db)?;
    match cli.command {
        Command::Import(args) => import::run(&db, args),
        Command::Watch(args) => watch::run(&db, args),
        Command::Check(args) => check::run(&db, args),
        Command::Audit(args) => audit::run(&db, args),
        Command::Compare(args) => check::compare(args),
        Command::List(args) => archive::list(&db, args),
        Command::Search(args) => archive::search(&db, args),
        Command::Show(args) => archive::show(&db, args),
        Command::Remove(args) => archive::remove(&db, args),
        Command::Info(args) => archive::info(&db, args),
        Command::Export(args) => archive::export(&db, args),
        Command::Demo(args) => demo::run(&db, args),
        Command::Backup(args) => maintain::backup(&db, args),
        Command::Verify(args) => maintain::verify(&db, args),
        Command::Prune(args) => maintain::prune(&db, args),
        Command::Compact(args) => maintain::compact(&db, args),
        Command::Eval(args) => eval::run(args),
        Command::Bench(args) => bench::run(Some(db), args),
    }
}

/// `--db`, else `WIRECHECK_DB` (both read by clap), else the platform data directory.
fn archive_path(given: Option<PathBuf>) -> Result<PathBuf> {
    given
        .or_else(default_archive_path)
        .ok_or_else(|| anyhow!("no home directory to keep the archive in; pass --db PATH"))
}

fn open(db: &std::path::Path) -> Result<Archive> {
    Archive::open(db).with_context(|| format!("cannot open the archive {}", db.display()))
}
