//! `wirecheck eval meter`.

use std::process::ExitCode;

use anyhow::{Context, Result};
use wirecheck_core::{CheckOptions, MeterEvaluation, Thresholds, evaluate_meter};

use super::args::{EvalArgs, EvalCorpus, MeterArgs, Preset, Stage};
use super::output::{self, BOLD, DIM};

pub fn run(args: EvalArgs) -> Result<ExitCode> {
    match args.corpus {
        EvalCorpus::Meter(args) => meter(args),
    }
}

fn meter(args: MeterArgs) -> Result<ExitCode> {
    let mut options = CheckOptions {
        thresholds: match args.preset {
            Preset::Strict => Thresholds::strict(),
            Preset::Standard => Thresholds::standard(),
            Preset::Lenient => Thresholds::lenient(),
        },
        ..CheckOptions::default()
    };
    for stage in &args.without {
        match stage {
            Stage::Rewrite => options.rewrite.enabled = false,
            Stage::RareWords => options.retrieve.rare_words = 0,
            Stage::Bridging => options.align.max_gap = 0,
            Stage::Boilerplate => options.keep_boilerplate = true,
        }
    }
    let figures = evaluate_meter(&args.dir, &options, usize::from(args.threads))
        .with_context(|| format!("cannot evaluate on {}", args.dir.display()))?;
    if args.json {
        output::json_line(&figures)?;
    } else {
        print_figures(&args, &figures);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_figures(args: &MeterArgs, f: &MeterEvaluation) {
    anstream::println!(
        "{BOLD}METER evaluation{BOLD:#} of {} ({} stories, preset {:?}{})",
        args.dir.display(),
        f.stories,
        args.preset,
        if args.without.is_empty() {
            String::new()
        } else {
            format!(", without {:?}", args.without)
        }
    );
    anstream::println!(
        "{DIM}PA copy: {} files, {} stories imported, {} duplicates, {} skipped{DIM:#}",
        f.import.files,
        f.import.imported,
        f.import.duplicates,
        f.import.skipped
    );
    anstream::println!("\n{BOLD}Three-way confusion{BOLD:#} (rows gold, columns predicted)");
    anstream::println!(
        "  {:<12} {:>8} {:>10} {:>8}",
        "",
        "wholly",
        "partially",
        "none"
    );
    for (class, row) in f.confusion.classes.iter().zip(&f.confusion.matrix) {
        anstream::println!(
            "  {:<12} {:>8} {:>10} {:>8}",
            class.as_str(),
            row[0],
            row[1],
            row[2]
        );
    }
    anstream::println!(
        "\n  {:<26} {:>9} {:>7} {:>7}",
        "",
        "precision",
        "recall",
        "F1"
    );
    for (class, s) in f.confusion.classes.iter().zip(&f.per_class) {
        anstream::println!(
            "  {:<26} {:>9.3} {:>7.3} {:>7.3}",
            class.as_str(),
            s.precision,
            s.recall,
            s.f1
        );
    }
    anstream::println!(
        "  {:<26} {:>9} {:>7} {:>7.3}",
        "macro (three-way)",
        "",
        "",
        f.macro_f1
    );
    let b = &f.binary;
    anstream::println!(
        "  {:<26} {:>9.3} {:>7.3} {:>7.3}",
        "derived vs non-derived",
        b.precision,
        b.recall,
        b.f1
    );
    let t = &f.tokens;
    anstream::println!(
        "  {:<26} {:>9.3} {:>7.3} {:>7.3}",
        "derived words (token)",
        t.scores.precision,
        t.scores.recall,
        t.scores.f1
    );
    anstream::println!(
        "  {DIM}{} annotated stories, {} words ({} unaligned); recall of Verbatim {:.3}, of Rewrite {:.3}{DIM:#}",
        t.annotated_stories,
        t.words,
        t.unaligned,
        t.verbatim_recall,
        t.rewrite_recall
    );
    let s = &f.source_accuracy;
    anstream::println!(
        "\n{BOLD}Source accuracy{BOLD:#} (top source is one of the story's PA files)\n  with a source reported  {:.3} ({}/{})\n  all derived stories     {:.3} ({}/{})",
        s.with_source.accuracy,
        s.with_source.correct,
        s.with_source.total,
        s.all_derived.accuracy,
        s.all_derived.correct,
        s.all_derived.total
    );
    let time = &f.timing;
    anstream::println!(
        "\n{BOLD}Time{BOLD:#}: import {:.1} s, checks {:.1} s on {} threads ({:.1} checks/s)",
        time.import_seconds,
        time.check_seconds,
        time.threads,
        time.checks_per_second
    );
    if !f.errors.is_empty() {
        output::warning(&format!(
            "{} stories could not be checked (counted as not derived)",
            f.errors.len()
        ));
        for error in f.errors.iter().take(5) {
            output::warning(error);
        }
    }
}
