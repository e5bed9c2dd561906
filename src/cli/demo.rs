//! `wirecheck demo`: load the fictional demo archive and check the demo articles against it.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use wirecheck_core::demo::{ARTICLES, load_demo};
use wirecheck_core::{CheckOptions, check};

use super::args::DemoArgs;
use super::check::print_report;
use super::output::{BOLD, DIM, percent};

/// The article shown in full: the typical case of uncredited, lightly edited wire copy.
const FEATURED: &str = "uncredited-reuters.txt";

pub fn run(db: &Path, args: DemoArgs) -> Result<ExitCode> {
    let mut archive = super::open(db)?;
    if args.if_empty && archive.count()? > 0 {
        if args.load_only {
            return Ok(ExitCode::SUCCESS);
        }
    } else {
        load(&mut archive)?;
    }
    if args.load_only {
        return Ok(ExitCode::SUCCESS);
    }
    check_articles(&archive)
}

fn load(archive: &mut wirecheck_core::Archive) -> Result<()> {
    let started = Instant::now();
    let summary = load_demo(archive)?;
    anstream::println!(
        "{BOLD}Demo archive{BOLD:#} {}: {} stories loaded, {} already there ({:.0} ms)",
        archive.path().display(),
        summary.imported,
        summary.duplicates,
        started.elapsed().as_secs_f64() * 1000.0
    );
    Ok(())
}

fn check_articles(archive: &wirecheck_core::Archive) -> Result<ExitCode> {
    let options = CheckOptions::default();
    anstream::println!("\n{BOLD}Demo articles{BOLD:#} (all fictional):");
    let mut featured = None;
    for (name, bytes) in ARTICLES {
        let started = Instant::now();
        let report = check(archive, bytes, &options)?;
        let elapsed = started.elapsed();
        let top = report.sources.first().map_or(String::from("-"), |s| {
            format!(
                "{} #{} {}",
                s.agency.as_deref().unwrap_or("?"),
                s.id,
                if s.credited {
                    "credited"
                } else {
                    "NOT credited"
                }
            )
        });
        anstream::println!(
            "  {name:<28} {:<9} {:>4}  {top:<28} {DIM}{:.1} ms{DIM:#}",
            report.derived.as_str(),
            percent(report.coverage),
            elapsed.as_secs_f64() * 1000.0
        );
        if *name == FEATURED {
            featured = Some(report);
        }
    }
    if let Some(report) = featured {
        anstream::println!("\n{BOLD}In detail:{BOLD:#}");
        print_report(FEATURED, &report, false);
    }
    anstream::println!(
        "\n{DIM}Check your own: wirecheck check ARTICLE.txt   (--json for the full report){DIM:#}"
    );
    Ok(ExitCode::SUCCESS)
}
