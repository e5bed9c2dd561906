//! `wirecheck eval meter` and `wirecheck eval reuters`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

use wirecheck_core::{CheckOptions, Thresholds};
use wirecheck_eval::alignment::{AlignmentOptions, PanScores, evaluate_alignment};
use wirecheck_eval::fit::{Figures, Fit, fit_meter, model_json};
use wirecheck_eval::reuters::{Distribution, Group};
use wirecheck_eval::{
    MeterEvaluation, ReutersEvaluation, ReutersOptions, StoredPart, evaluate_meter,
    evaluate_reuters,
};

use super::args::{
    AlignmentArgs, EvalArgs, EvalCorpus, LanguagesArgs, MeterArgs, Preset, ReutersArgs, Stage,
};
use super::output::{self, BOLD, DIM};

pub fn run(args: EvalArgs) -> Result<ExitCode> {
    match args.corpus {
        EvalCorpus::Meter(args) => meter(args),
        EvalCorpus::Reuters(args) => reuters(args),
        EvalCorpus::Alignment(args) => alignment(args),
        EvalCorpus::Languages(args) => languages(args),
    }
}

fn languages(args: LanguagesArgs) -> Result<ExitCode> {
    let Some(expected) = wirecheck_core::Language::from_code(&args.expected) else {
        anyhow::bail!("unknown language {:?}", args.expected);
    };
    for dir in &args.dirs {
        let figures = wirecheck_eval::evaluate_languages(dir, expected)
            .with_context(|| format!("cannot read {}", dir.display()))?;
        if args.json {
            output::json_line(&figures)?;
            continue;
        }
        anstream::println!("{BOLD}{}{BOLD:#}: {} texts", dir.display(), figures.texts);
        for (code, n) in &figures.detected {
            println!("  {code:<8} {n}");
        }
        println!(
            "  no language: {} too short, {} hesitant; misdetected (not {}): {}",
            figures.unknown_short,
            figures.unknown_hesitant,
            figures.expected,
            figures.misdetected.len()
        );
        for m in figures.misdetected.iter().take(20) {
            anstream::println!(
                "    {DIM}{} as {}: {}{DIM:#}",
                m.origin,
                m.language,
                m.start.replace('\n', " ")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn thresholds(preset: Preset) -> Thresholds {
    match preset {
        Preset::Strict => Thresholds::strict(),
        Preset::Standard => Thresholds::standard(),
        Preset::Lenient => Thresholds::lenient(),
    }
}

/// The check's options at `preset` with the `without` stages off.
fn options_without(preset: Preset, without: &[Stage]) -> CheckOptions {
    let mut options = CheckOptions {
        thresholds: thresholds(preset),
        ..CheckOptions::default()
    };
    for stage in without {
        match stage {
            Stage::Rewrite => options.rewrite.enabled = false,
            Stage::RareWords => options.retrieve.rare_words = 0,
            Stage::Bridging => options.align.max_gap = 0,
            Stage::Boilerplate => options.keep_boilerplate = true,
            Stage::SourceQuotes => options.article_quotes_only = true,
            Stage::EvidenceRule => options.thresholds.require_copy_evidence = false,
        }
    }
    options
}

fn meter(args: MeterArgs) -> Result<ExitCode> {
    let options = options_without(args.preset, &args.without);
    if args.fit {
        return fit(&args, &options);
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

/// ", without [...]" for a heading, when stages are off.
fn without_suffix(without: &[Stage]) -> String {
    if without.is_empty() {
        String::new()
    } else {
        format!(", without {without:?}")
    }
}

fn print_figures(args: &MeterArgs, f: &MeterEvaluation) {
    anstream::println!(
        "{BOLD}METER evaluation{BOLD:#} of {} ({} stories, preset {:?}{})",
        args.dir.display(),
        f.stories,
        args.preset,
        without_suffix(&args.without)
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
        "  {:<26} {:>9.3} {:>7.3} {:>7.3}",
        "shared words (token)",
        t.shared.precision,
        t.shared.recall,
        t.shared.f1
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

/// The engine's committed model, in the source tree this binary was built from.
fn engine_model_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/wirecheck-core/src/verdict/model.json")
}

fn fit(args: &MeterArgs, options: &CheckOptions) -> Result<ExitCode> {
    let fit = fit_meter(&args.dir, options, usize::from(args.threads))
        .with_context(|| format!("cannot fit on {}", args.dir.display()))?;
    let json = model_json(&fit.model)?;
    if args.json {
        output::json_line(&fit)?;
    } else {
        print_fit(&fit);
    }
    if let Some(file) = &args.predictions {
        write_predictions(file, &fit)
            .with_context(|| format!("cannot write the predictions to {}", file.display()))?;
        output::note(&format!(
            "{} out-of-fold predictions written to {}",
            fit.predictions.len(),
            file.display()
        ));
    }
    let path = args.model.clone().unwrap_or_else(engine_model_path);
    if args.write_model {
        std::fs::write(&path, &json)
            .with_context(|| format!("cannot write the model to {}", path.display()))?;
        output::note(&format!("model written to {}", path.display()));
    }
    if args.check_model {
        let committed = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read the model at {}", path.display()))?;
        if committed != json {
            output::warning(&format!(
                "the model at {} differs from what the fit produces; rerun with --write-model",
                path.display()
            ));
            return Ok(ExitCode::from(1));
        }
        output::note(&format!(
            "the model at {} is what the fit produces",
            path.display()
        ));
    }
    Ok(ExitCode::SUCCESS)
}

fn write_predictions(file: &Path, fit: &Fit) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(file)?);
    for prediction in &fit.predictions {
        serde_json::to_writer(&mut out, prediction)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

fn print_fit(fit: &Fit) {
    let cv = &fit.figures;
    anstream::println!(
        "{BOLD}Verdict model{BOLD:#}: {}\n{DIM}{} stories; {}{DIM:#}",
        fit.model.provenance.estimator,
        fit.model.provenance.stories,
        fit.model.provenance.folds
    );
    anstream::println!(
        "\n{BOLD}Cross-validated figures{BOLD:#} (out of fold only)\n  {:<32} {:>7} {:>7} {:>7} {:>7} {:>8} {:>7}",
        "fold (days)",
        "stories",
        "macro",
        "none F1",
        "binary",
        "token F1",
        "shared"
    );
    for (k, fold) in cv.folds.iter().enumerate() {
        print_row(
            &format!("{} ({})", k + 1, fold.days.join(" ")),
            &fold.figures,
        );
    }
    print_row("all, pooled", &cv.overall);
    for (name, figures) in &cv.presets {
        print_row(&format!("preset {name}"), figures);
    }
    let t = fit.model.thresholds;
    anstream::println!(
        "\n  thresholds (probability of derived): strict {:.2}, standard {:.2}, lenient {:.2}",
        t.strict,
        t.standard,
        t.lenient
    );
    anstream::println!(
        "  confusion, pooled (rows gold wholly/partially/none): {:?}",
        cv.overall.confusion
    );
}

fn print_row(name: &str, f: &Figures) {
    let name: String = name.chars().take(32).collect();
    anstream::println!(
        "  {:<32} {:>7} {:>7.3} {:>7.3} {:>7.3} {:>8.3} {:>7.3}",
        name,
        f.stories,
        f.macro_f1,
        f.class_f1[2],
        f.binary.f1,
        f.tokens.f1,
        f.shared_tokens.f1
    );
}

fn reuters(args: ReutersArgs) -> Result<ExitCode> {
    let options = ReutersOptions {
        stored: match args.stored {
            Some(n) => StoredPart::Stories(n),
            None => StoredPart::Files(args.stored_files),
        },
        articles: args.articles,
        threads: usize::from(args.threads),
        check: CheckOptions {
            thresholds: thresholds(args.preset),
            ..CheckOptions::default()
        },
    };
    let figures = evaluate_reuters(&args.dir, &options)
        .with_context(|| format!("cannot evaluate on {}", args.dir.display()))?;
    if args.json {
        output::json_line(&figures)?;
    } else {
        print_reuters(&args, &figures);
    }
    Ok(ExitCode::SUCCESS)
}

fn alignment(args: AlignmentArgs) -> Result<ExitCode> {
    let options = AlignmentOptions {
        stored: StoredPart::Files(args.stored_files),
        documents: args.documents as usize,
        seed: args.seed,
        threads: usize::from(args.threads),
        check: options_without(args.preset, &args.without),
    };
    let figures = evaluate_alignment(&args.dir, &options)
        .with_context(|| format!("cannot evaluate on {}", args.dir.display()))?;
    if args.json {
        output::json_line(&figures)?;
        return Ok(ExitCode::SUCCESS);
    }
    let c = &figures.corpus;
    anstream::println!(
        "{BOLD}Text alignment, PAN's measures{BOLD:#}, on {} (preset {:?}{})",
        args.dir.display(),
        args.preset,
        without_suffix(&args.without)
    );
    anstream::println!(
        "{DIM}{} stories stored; {} documents of {} unrelated stories, {} cases, {:.0} characters a document on average; seed {}{DIM:#}",
        c.stored,
        c.documents,
        c.fillers,
        c.cases,
        c.mean_chars,
        args.seed
    );
    println!(
        "\n  {:<10} {:>9} {:>6} {:>10} {:>9} {:>7} {:>11} {:>8}",
        "documents",
        "count",
        "cases",
        "detections",
        "precision",
        "recall",
        "granularity",
        "plagdet"
    );
    let row = |name: &str, s: &PanScores| {
        println!(
            "  {:<10} {:>9} {:>6} {:>10} {:>9.3} {:>7.3} {:>11.3} {:>8.3}",
            name,
            s.documents,
            s.cases,
            s.detections,
            s.precision,
            s.recall,
            s.granularity,
            s.plagdet
        );
    };
    for (name, s) in &figures.by_length {
        row(name, s);
    }
    row("all", &figures.overall);
    println!();
    for (name, recall) in &figures.recall_by_case {
        println!("  recall of {name} cases: {recall:.3}");
    }
    for (name, n, precision) in &figures.precision_by_passage {
        println!("  {name} passages: {n}, precision {precision:.3}");
    }
    for (name, n, from_case) in &figures.stray_by_passage {
        println!(
            "  {name} passages under 0.9 precision: {n}, {from_case} of them from a case's source"
        );
    }
    let (reported, clean) = figures.clean_documents_reported;
    println!("  documents with no case that got a passage: {reported} of {clean}");
    anstream::println!(
        "{DIM}import {:.1} s, checks {:.1} s{DIM:#}",
        figures.seconds.0,
        figures.seconds.1
    );
    Ok(ExitCode::SUCCESS)
}

fn print_reuters(args: &ReutersArgs, f: &ReutersEvaluation) {
    let c = &f.corpus;
    anstream::println!(
        "{BOLD}Reuters-21578 false reports{BOLD:#} on {} (preset {:?})",
        args.dir.display(),
        args.preset
    );
    anstream::println!(
        "{DIM}{} stories; stored {} ({:?}: {} imported, {} duplicates); held out {}: {} share no 8-word run, {} share 8-24 words, {} share 25 or more{DIM:#}",
        c.stories,
        c.stored,
        c.stored_part,
        c.import.imported,
        c.import.duplicates,
        c.held_out,
        c.fresh,
        c.between,
        c.reused
    );
    print_group("No 8-word run shared (target: none derived)", &f.fresh);
    print_group("Control: a run of 25 words or more shared", &f.reused);
    let derived: Vec<_> = f
        .fresh
        .outcomes
        .iter()
        .filter(|o| o.derived != wirecheck_core::Derived::None)
        .collect();
    if !derived.is_empty() {
        anstream::println!(
            "\n{BOLD}False reports{BOLD:#} (first {} of {})",
            args.examples.min(derived.len()),
            derived.len()
        );
    }
    for o in derived.iter().take(args.examples) {
        anstream::println!(
            "\n  NEWID {} {:?}: {} at {:.0}% coverage, confidence {:.2}",
            o.newid,
            o.headline,
            o.derived.as_str(),
            o.coverage * 100.0,
            o.confidence
        );
        for s in &o.sources {
            anstream::println!(
                "    {DIM}source NEWID {} {:?}, {:.0}%, {:?}{DIM:#}",
                s.newid.map_or("?".to_string(), |n| n.to_string()),
                s.headline,
                s.coverage * 100.0,
                s.evidence.tier
            );
        }
        for p in &o.passages {
            anstream::println!(
                "    {:?} {} words (confidence {:.2}):\n      article: {}\n      source:  {}",
                p.kind,
                p.words,
                p.evidence.confidence,
                p.article_text,
                p.source_text
            );
        }
    }
    let t = &f.timing;
    anstream::println!(
        "\n{BOLD}Time{BOLD:#}: import {:.1} s, checks {:.1} s on {} threads ({:.1} checks/s)",
        t.import_seconds,
        t.check_seconds,
        t.threads,
        t.checks_per_second
    );
}

fn print_group(title: &str, g: &Group) {
    anstream::println!(
        "\n{BOLD}{title}{BOLD:#}\n  checked {}: wholly {}, partially {}, none {}{}",
        g.checked,
        g.wholly,
        g.partially,
        g.none,
        if g.errors.is_empty() {
            String::new()
        } else {
            format!(", {} errors", g.errors.len())
        }
    );
    anstream::println!(
        "  {:<28} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "",
        "n",
        "min",
        "p25",
        "p50",
        "p75",
        "p90",
        "max",
        "mean"
    );
    let row = |name: &str, d: &Distribution| {
        anstream::println!(
            "  {:<28} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3}",
            name,
            d.n,
            d.min,
            d.p25,
            d.p50,
            d.p75,
            d.p90,
            d.max,
            d.mean
        );
    };
    row("coverage, all", &g.coverage);
    row("confidence, all", &g.confidence);
    row("P(derived), all", &g.derived_probability);
    row("coverage, reported derived", &g.reported.coverage);
    row("confidence, reported derived", &g.reported.confidence);
    row("sources, reported derived", &g.reported.sources);
    for k in &g.reported.passages {
        row(&format!("words, {:?} passages", k.kind), &k.words);
    }
}
