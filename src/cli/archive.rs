//! `wirecheck list`, `search`, `show`, `remove`, `info` and `export`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use wirecheck_core::{Language, ListQuery, StorySummary, canonical_agency};

use super::args::{ExportArgs, ExportFormat, InfoArgs, ListArgs, RemoveArgs, SearchArgs, ShowArgs};
use super::output::{self, BOLD, CYAN, DIM};

pub fn list(db: &Path, args: ListArgs) -> Result<ExitCode> {
    let archive = super::open(db)?;
    let agency = args.agency.map(|a| canonical_agency(&a).unwrap_or(a));
    let stories = archive.list(&ListQuery {
        agency,
        language: language_code(args.language.as_deref())?,
        limit: args.limit,
        offset: args.offset,
    })?;
    print_summaries(&stories, args.json)
}

/// The stored code of a `--language` value (`fr`, `FR`, `French`), or an error naming the codes.
fn language_code(given: Option<&str>) -> Result<Option<String>> {
    let Some(given) = given else {
        return Ok(None);
    };
    match Language::from_code(given) {
        Some(language) => Ok(Some(language.code().to_string())),
        None => {
            let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
            bail!(
                "unknown language {given:?}: Wirecheck reads {}",
                codes.join(", ")
            )
        }
    }
}

pub fn search(db: &Path, args: SearchArgs) -> Result<ExitCode> {
    let archive = super::open(db)?;
    let language = language_code(args.language.as_deref())?;
    let stories = archive.search_in(&args.query.join(" "), language.as_deref(), args.limit)?;
    if stories.is_empty() && !args.json {
        eprintln!("no stories match");
    }
    print_summaries(&stories, args.json)
}

pub fn show(db: &Path, args: ShowArgs) -> Result<ExitCode> {
    let archive = super::open(db)?;
    let story = archive.get(args.id)?;
    if args.json {
        output::json_line(&story)?;
        return Ok(ExitCode::SUCCESS);
    }
    anstream::println!("{BOLD}{}{BOLD:#}", story.headline);
    let meta = [
        ("id", Some(story.id.to_string())),
        ("agency", story.agency.clone()),
        ("byline", story.byline.clone()),
        ("dateline", story.dateline.clone()),
        ("published", story.published.clone()),
        ("version", story.version_created.clone()),
        ("external id", story.external_id.clone()),
        ("origin", Some(story.origin.clone())),
        ("format", Some(story.format.as_str().to_string())),
        ("words", Some(story.words.to_string())),
        ("language", story.language.clone()),
        ("imported", Some(story.imported_at.clone())),
    ];
    for (name, value) in meta {
        if let Some(value) = value {
            anstream::println!("{DIM}{name:>12}:{DIM:#} {value}");
        }
    }
    println!("\n{}", story.body);
    Ok(ExitCode::SUCCESS)
}

pub fn remove(db: &Path, args: RemoveArgs) -> Result<ExitCode> {
    let mut archive = super::open(db)?;
    let story = archive.get(args.id)?;
    archive.remove(args.id)?;
    println!("removed story {}: {}", story.id, story.headline);
    Ok(ExitCode::SUCCESS)
}

/// `wirecheck export`.
pub fn export(db: &Path, args: ExportArgs) -> Result<ExitCode> {
    let archive = super::open(db)?;
    let format = match args.format {
        ExportFormat::Jsonl => wirecheck_core::ExportFormat::JsonLines,
        ExportFormat::Parquet => wirecheck_core::ExportFormat::Parquet,
    };
    let count = wirecheck_core::export_stories(&archive, &args.out, format)
        .with_context(|| format!("cannot export to {}", args.out.display()))?;
    output::note(&format!(
        "exported {count} stories to {}",
        args.out.display()
    ));
    Ok(ExitCode::SUCCESS)
}

pub fn info(db: &Path, args: InfoArgs) -> Result<ExitCode> {
    let archive = super::open(db)?;
    let counts = archive.counts_by_agency()?;
    let total = archive.count()?;
    if args.json {
        let agencies: Vec<_> = counts
            .iter()
            .map(|(agency, n)| serde_json::json!({ "agency": agency, "stories": n }))
            .collect();
        output::json_line(&serde_json::json!({
            "path": archive.path(),
            "stories": total,
            "agencies": agencies,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    anstream::println!(
        "{BOLD}{}{BOLD:#}: {total} stories",
        archive.path().display()
    );
    for (agency, n) in counts {
        println!("  {:<16} {n}", agency.as_deref().unwrap_or("(unknown)"));
    }
    Ok(ExitCode::SUCCESS)
}

fn print_summaries(stories: &[StorySummary], json: bool) -> Result<ExitCode> {
    if json {
        for story in stories {
            output::json_line(story)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    for story in stories {
        anstream::println!(
            "{CYAN}{:>6}{CYAN:#}  {:<10} {:<2} {:<20} {}",
            story.id,
            story.agency.as_deref().unwrap_or("-"),
            story.language.as_deref().unwrap_or("-"),
            story.published.as_deref().unwrap_or("-"),
            story.headline,
        );
        if let Some(snippet) = &story.snippet {
            anstream::println!("        {DIM}{}{DIM:#}", snippet.replace('\n', " "));
        }
    }
    Ok(ExitCode::SUCCESS)
}
