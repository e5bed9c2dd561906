//! The fixture sets under `tests/fixtures/` (republication cases, hard negatives) and what the
//! tests read from a `check --json` report.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::TempArchive;

/// `tests/fixtures/SET/SUB`.
pub fn fixtures(set: &str, sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(set)
        .join(sub)
}

/// A fresh archive holding the `archive/` stories of every set in `sets`.
pub fn archive_of(sets: &[&str]) -> TempArchive {
    let t = TempArchive::new();
    let folders: Vec<PathBuf> = sets.iter().map(|set| fixtures(set, "archive")).collect();
    let mut args = vec!["import"];
    args.extend(folders.iter().map(|f| f.to_str().unwrap()));
    t.run(&args).success();
    t
}

/// Checks `SET/articles/ARTICLE` with the standard preset; returns the exit code and the report.
pub fn check(t: &TempArchive, set: &str, article: &str) -> (i32, Value) {
    let path = fixtures(set, "articles").join(article);
    let run = t.run(&["check", "--json", path.to_str().unwrap()]);
    assert!(
        run.code() == 0 || run.code() == 1,
        "{article}: exit {} {}",
        run.code(),
        run.stderr()
    );
    (run.code(), run.json_lines().remove(0))
}

pub fn derived(report: &Value) -> &str {
    report["derived"].as_str().unwrap()
}

pub fn sources(report: &Value) -> &Vec<Value> {
    report["sources"].as_array().unwrap()
}

/// The file name a source was imported from.
pub fn file_of(source: &Value) -> String {
    let origin = source["origin"].as_str().unwrap();
    Path::new(origin)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| origin.to_string())
}
