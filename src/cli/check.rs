//! `wirecheck check`.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use serde::Serialize;
use wirecheck_core::{
    Archive, CheckOptions, DateFrom, DiffTag, Report, Thresholds, Tier, UNSTORED_STORY_ID,
    canonical_agency, check,
};

use super::args::{CheckArgs, CheckOptionArgs, CompareArgs, Preset};
use super::output::{self, BOLD, DIM, GREEN, RED, YELLOW, percent};

use super::EXIT_FLAGGED;

/// The JSON object printed per article: the report, with the input it is for.
#[derive(Serialize)]
struct Output<'a> {
    /// The file name, or `-` for standard input.
    input: &'a str,
    #[serde(flatten)]
    report: &'a Report,
}

pub fn run(db: &Path, args: CheckArgs) -> Result<ExitCode> {
    let archive = super::open(db)?;
    let options = options(&args.check);
    let inputs: Vec<PathBuf> = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    let mut flagged = false;
    let mut failed = false;
    for input in &inputs {
        match check_one(&archive, input, &options) {
            Ok(report) => {
                flagged |= !report.flags.is_empty();
                emit(&input.to_string_lossy(), &report, args.json, args.verbose)?;
            }
            Err(error) => {
                failed = true;
                output::error(&error);
            }
        }
    }
    Ok(if failed {
        ExitCode::from(super::EXIT_ERROR)
    } else if flagged {
        ExitCode::from(EXIT_FLAGGED)
    } else {
        ExitCode::SUCCESS
    })
}

/// `wirecheck compare ARTICLE SOURCE`: the same report and exit codes as `check`, against the
/// one story given.
pub fn compare(args: CompareArgs) -> Result<ExitCode> {
    if args.article.as_os_str() == "-" && args.source.as_os_str() == "-" {
        bail!("only one of ARTICLE and SOURCE can be read from standard input");
    }
    let article = read_input(&args.article)?;
    let source = read_input(&args.source)?;
    let options = CheckOptions {
        thresholds: thresholds(args.preset),
        ..CheckOptions::default()
    };
    let report = wirecheck_core::compare(&article, &source, args.agency.as_deref(), &options)
        .with_context(|| {
            format!(
                "cannot compare {} with {}",
                args.article.display(),
                args.source.display()
            )
        })?;
    emit(
        &args.article.to_string_lossy(),
        &report,
        args.json,
        args.verbose,
    )?;
    Ok(if report.flags.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FLAGGED)
    })
}

/// One report, as a JSON line with its input's name or as the terminal summary.
fn emit(name: &str, report: &Report, json: bool, verbose: bool) -> Result<()> {
    if json {
        output::json_line(&Output {
            input: name,
            report,
        })
    } else {
        print_report(name, report, verbose);
        Ok(())
    }
}

fn thresholds(preset: Preset) -> Thresholds {
    match preset {
        Preset::Strict => Thresholds::strict(),
        Preset::Standard => Thresholds::standard(),
        Preset::Lenient => Thresholds::lenient(),
    }
}

/// The check options given on the command line (of `check` and `audit`).
pub fn options(args: &CheckOptionArgs) -> CheckOptions {
    let mut options = CheckOptions {
        thresholds: thresholds(args.preset),
        published_before: args.before.clone(),
        exclude_agencies: args
            .exclude_agency
            .iter()
            .map(|a| canonical_agency(a).unwrap_or_else(|| a.clone()))
            .collect(),
        ..CheckOptions::default()
    };
    if let Some(words) = args.min_words {
        options.align.min_matched = words.max(1);
    }
    options
}

fn check_one(archive: &Archive, input: &Path, options: &CheckOptions) -> Result<Report> {
    let bytes = read_input(input)?;
    check(archive, &bytes, options).with_context(|| format!("cannot check {}", input.display()))
}

/// A file's bytes, or standard input's for `-` (bounded: one byte past the article limit is
/// enough for the core to refuse an oversized paste).
fn read_input(input: &Path) -> Result<Vec<u8>> {
    Ok(if input.as_os_str() == "-" {
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            bail!("no article given: pass a FILE, or pipe the article into standard input");
        }
        let mut bytes = Vec::new();
        // One byte past the limit is enough for the core to refuse an oversized paste.
        stdin
            .lock()
            .take(wirecheck_core::MAX_ARTICLE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        bytes
    } else {
        std::fs::read(input).with_context(|| format!("cannot read {}", input.display()))?
    })
}

/// Stories that would have been sources but were published after the article: apart, after
/// the sources, never flagged.
fn print_published_later(report: &Report) {
    if report.published_later.is_empty() {
        return;
    }
    anstream::println!("  {DIM}published later than the article (not sources):{DIM:#}");
    for story in &report.published_later {
        anstream::println!(
            "   - {} #{} {}  {DIM}{}{DIM:#}, would match {} of the article",
            story.agency.as_deref().unwrap_or("(agency unknown)"),
            story.id,
            story.headline,
            story.published,
            percent(story.coverage),
        );
    }
}

/// Stories the article shares text with but is not derived from: apart, after the sources,
/// with why the shared text is not copying; never flagged.
fn print_shared(report: &Report, verbose: bool) {
    if report.shared.is_empty() {
        return;
    }
    anstream::println!("  {DIM}shares text with (not sources: shared facts, not copying):{DIM:#}");
    for story in &report.shared {
        anstream::println!(
            "   - {} {} {}  {DIM}{}{DIM:#}, {} of the article in {} passages",
            story.agency.as_deref().unwrap_or("(agency unknown)"),
            story_ref(story.id),
            story.headline,
            story.published.as_deref().unwrap_or(""),
            percent(story.coverage),
            story.passages.len(),
        );
        anstream::println!(
            "     {DIM}evidence: {}{DIM:#}",
            story.evidence.reasons.join("; ")
        );
        if verbose {
            for passage in &story.passages {
                anstream::println!(
                    "     {:>6}-{:<6} <- {}-{}  {:?}, {} words",
                    passage.article_start,
                    passage.article_end,
                    passage.source_start,
                    passage.source_end,
                    passage.kind,
                    passage.words,
                );
            }
        }
    }
}

/// `#12` for a stored story; `given` for the story a comparison was given.
fn story_ref(id: i64) -> String {
    if id == UNSTORED_STORY_ID {
        "given".to_string()
    } else {
        format!("#{id}")
    }
}

fn tier_name(tier: Tier) -> &'static str {
    match tier {
        Tier::Identical => "identical",
        Tier::MinorEdits => "minor edits",
        _ => "paraphrase",
    }
}

pub fn print_report(name: &str, report: &Report, verbose: bool) {
    let (style, label) = match report.derived {
        wirecheck_core::Derived::Wholly => (RED, "WHOLLY DERIVED"),
        wirecheck_core::Derived::Partially => (YELLOW, "PARTIALLY DERIVED"),
        wirecheck_core::Derived::None => (GREEN, "NOT DERIVED"),
    };
    // A comparison's one story is the file given, not a story of the archive.
    let given =
        !report.sources.is_empty() && report.sources.iter().all(|s| s.id == UNSTORED_STORY_ID);
    let matched_to = if given {
        "the story given"
    } else {
        "the archive"
    };
    anstream::println!(
        "{BOLD}{name}{BOLD:#}: {style}{label}{style:#} ({} sure), {} of {} words matched to {matched_to}",
        percent(report.confidence),
        percent(report.coverage),
        report.article_words
    );
    if let Some(date) = &report.article_date {
        let from = match date.from {
            DateFrom::Text => format!("read from \"{}\"", date.text),
            DateFrom::Page => format!("from the page's metadata, {}", date.text),
            _ => "given by --before".to_string(),
        };
        anstream::println!("  Article date: {} ({from})", date.date);
    }
    for flag in &report.flags {
        anstream::println!("  {RED}FLAG{RED:#} {}", flag.reason);
    }
    for (n, source) in report.sources.iter().enumerate() {
        let credit = match &source.credit {
            // A credit read from a saved page's metadata is not in the text shown.
            Some(c) if c.kind == "page_author" => format!(
                "{GREEN}credited{GREEN:#} (the page's declared author: \"{}\")",
                c.text
            ),
            Some(c) => format!("{GREEN}credited{GREEN:#} ({}: \"{}\")", c.kind, c.text),
            None => format!("{RED}not credited{RED:#}"),
        };
        anstream::println!(
            "  {}. {BOLD}{}{BOLD:#} {} {}  {DIM}{}{DIM:#}\n     {} of the article, {credit}",
            n + 1,
            source.agency.as_deref().unwrap_or("(agency unknown)"),
            story_ref(source.id),
            source.headline,
            source.published.as_deref().unwrap_or(""),
            percent(source.coverage),
        );
        let evidence = &source.evidence;
        anstream::println!(
            "     {DIM}evidence: {}, {} sure copied: {}{DIM:#}",
            tier_name(evidence.tier),
            percent(evidence.confidence),
            evidence.reasons.join("; ")
        );
    }
    print_published_later(report);
    print_shared(report, verbose);
    if report.passages.is_empty() {
        return;
    }
    anstream::println!("  {DIM}passages (article chars <- source chars):{DIM:#}");
    for passage in &report.passages {
        let changes: Vec<String> = passage
            .diff
            .iter()
            .filter(|op| op.op != DiffTag::Equal)
            .map(|op| match op.op {
                DiffTag::Insert => format!("+\"{}\"", op.text),
                _ => format!("-\"{}\"", op.text),
            })
            .collect();
        let shown = if verbose {
            changes.len()
        } else {
            changes.len().min(4)
        };
        let more = changes.len() - shown;
        anstream::println!(
            "   {:>6}-{:<6} <- {} {}-{}  {:?}, {} words{}{}",
            passage.article_start,
            passage.article_end,
            story_ref(passage.source_id),
            passage.source_start,
            passage.source_end,
            passage.kind,
            passage.words,
            if shown > 0 { ": " } else { "" },
            changes[..shown].join(" ")
                + &if more > 0 {
                    format!(" (+{more} more)")
                } else {
                    String::new()
                },
        );
    }
}
