//! An audit's folder read back, for a viewer (the app's Audit view): the rows of
//! `results.jsonl` with where each line starts, one article's report, and a copy of the
//! overview (`index.html`, `summary.csv` and the flagged articles' reports) elsewhere.
//!
//! The rows are the ones `summary.csv` has (one reading of a line, [`SummaryRow`]); the counts
//! are those `index.html` shows ([`AuditTotals`]).

use std::io::{BufRead, BufReader, Seek, SeekFrom};
use std::path::Path;

use super::summary::{SummaryRow, Tally};
use super::{AuditTotals, INDEX_FILE, REPORTS_DIR, RESULTS_FILE, ResultRow, SUMMARY_FILE};
use crate::report::Report;
use crate::{Error, Result};

/// The rows of an audit's `results.jsonl`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResultRows {
    /// The first rows, in the file's order, up to the limit asked for.
    pub rows: Vec<ResultRow>,
    /// Rows in the file (those beyond the limit included).
    pub total: usize,
    /// The counts over every row, as `index.html` shows them.
    pub totals: AuditTotals,
}

/// The rows of `out_dir/results.jsonl` (at most `limit`, in order) and the counts over all of
/// it; none when the folder holds no results yet. A partial last line (an audit killed, or one
/// writing now) and lines that are not results are left out.
pub fn read_rows(out_dir: &Path, limit: usize) -> Result<ResultRows> {
    let path = out_dir.join(RESULTS_FILE);
    let file = match std::fs::File::open(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ResultRows::default()),
        Err(e) => return Err(Error::io(&path, e)),
    };
    let mut reader = BufReader::with_capacity(256 * 1024, file);
    let mut out = ResultRows::default();
    let mut tally = Tally::default();
    let mut line = Vec::new();
    let mut offset = 0u64;
    loop {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| Error::io(&path, e))?;
        if n == 0 || line.last() != Some(&b'\n') {
            break;
        }
        let at = offset;
        offset += n as u64;
        let Ok(row) = SummaryRow::from_result_line(&line) else {
            tally.unreadable_line();
            continue;
        };
        tally.add(&row);
        out.total += 1;
        if out.rows.len() < limit {
            out.rows.push(ResultRow { offset: at, row });
        }
    }
    out.totals = tally.totals();
    Ok(out)
}

/// The report of the article `name` (its id, else where it was read) whose line starts at
/// `offset` in `out_dir/results.jsonl`, as `check --json` gave it. Refused when the line there
/// is another article's (the file was replaced since it was read) or an error row.
pub fn read_report(out_dir: &Path, offset: u64, name: &str) -> Result<Report> {
    let path = out_dir.join(RESULTS_FILE);
    let mut file = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
    file.seek(SeekFrom::Start(offset))
        .map_err(|e| Error::io(&path, e))?;
    let mut line = Vec::new();
    BufReader::new(file)
        .read_until(b'\n', &mut line)
        .map_err(|e| Error::io(&path, e))?;
    let changed = || {
        Error::Invalid(format!(
            "{} changed since its rows were read: open the audit's folder again",
            path.display()
        ))
    };
    let row = SummaryRow::from_result_line(&line).map_err(|_| changed())?;
    if row.name() != name {
        return Err(changed());
    }
    if let Some(error) = &row.error {
        return Err(Error::Invalid(format!("{name} was not checked: {error}")));
    }
    serde_json::from_slice(&line).map_err(|e| {
        Error::Invalid(format!(
            "the line of {name} in {} is not a report: {e}",
            path.display()
        ))
    })
}

/// What [`export`] copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// Reports of flagged articles copied into `reports/` beside the index.
    pub reports: usize,
}

/// Copies the overview an audit wrote into `out_dir` (`index.html`, `summary.csv`, and the
/// `reports/` its flagged rows link to) into the folder `dest`, created if missing, so that it
/// can be sent on as it is. Refused before the audit has written its overview, and into the
/// audit's own folder.
pub fn export(out_dir: &Path, dest: &Path) -> Result<Exported> {
    for file in [INDEX_FILE, SUMMARY_FILE] {
        if !out_dir.join(file).is_file() {
            return Err(Error::Invalid(format!(
                "{} has no {file} yet: run the audit first",
                out_dir.display()
            )));
        }
    }
    std::fs::create_dir_all(dest).map_err(|e| Error::io(dest, e))?;
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same(out_dir, dest) {
        return Err(Error::Invalid(format!(
            "{} is the audit's own folder: choose another folder to export to",
            dest.display()
        )));
    }
    let copy = |from: &Path, to: &Path| {
        std::fs::copy(from, to)
            .map(|_| ())
            .map_err(|e| Error::io(to, e))
    };
    let from_reports = out_dir.join(REPORTS_DIR);
    let to_reports = dest.join(REPORTS_DIR);
    let mut reports = 0;
    if from_reports.is_dir() {
        std::fs::create_dir_all(&to_reports).map_err(|e| Error::io(&to_reports, e))?;
        let entries = std::fs::read_dir(&from_reports).map_err(|e| Error::io(&from_reports, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&from_reports, e))?;
            let path = entry.path();
            if path.is_file() && path.extension().is_some_and(|e| e == "html") {
                copy(&path, &to_reports.join(entry.file_name()))?;
                reports += 1;
            }
        }
    }
    // The index last: a folder with an index has everything it links to.
    copy(&out_dir.join(SUMMARY_FILE), &dest.join(SUMMARY_FILE))?;
    copy(&out_dir.join(INDEX_FILE), &dest.join(INDEX_FILE))?;
    Ok(Exported { reports })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHECKED: &str = r#"{"id":"site/a.html","url":"https://gull.example/a","published":null,"input":"in/site/a.html","content_hash":"1","derived":"none","coverage":0.0,"flags":[],"sources":[]}"#;
    const FAILED: &str = r#"{"id":"site/b.bin","url":null,"published":null,"input":"in/site/b.bin","content_hash":"2","error":"binary file, not text","error_kind":"binary"}"#;

    fn folder(lines: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(RESULTS_FILE), lines).unwrap();
        dir
    }

    #[test]
    fn rows_come_with_their_offsets_and_the_counts_cover_every_line() {
        let text = format!("{CHECKED}\n{FAILED}\nnot json\n{CHECKED}\n{{\"id\":\"partial");
        let dir = folder(&text);
        let read = read_rows(dir.path(), 2).unwrap();
        assert_eq!(
            read.total, 3,
            "three result lines; the partial last one is left out"
        );
        assert_eq!(read.rows.len(), 2, "the limit");
        assert_eq!(read.rows[0].offset, 0);
        assert_eq!(read.rows[1].offset, CHECKED.len() as u64 + 1);
        assert_eq!(read.rows[1].row.name(), "site/b.bin");
        assert_eq!(read.totals.articles, 3);
        assert_eq!(read.totals.unreadable_lines, 1);
        assert_eq!(read.totals.failed(), 1);
    }

    #[test]
    fn a_folder_without_results_has_no_rows() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_rows(dir.path(), 10).unwrap(), ResultRows::default());
    }

    #[test]
    fn a_report_is_read_at_its_offset_and_only_for_its_own_article() {
        // A report line needs every field of a report: take one from a real check.
        let db = tempfile::tempdir().unwrap();
        let archive = crate::archive::store::Archive::open(db.path().join("a.sqlite")).unwrap();
        let report = crate::check::check_text(
            &archive,
            "The library reopened after a year of repairs to its roof.",
            &crate::check::CheckOptions::default(),
        )
        .unwrap();
        let mut line = serde_json::to_value(&report).unwrap();
        line["id"] = "site/c.txt".into();
        line["input"] = "in/site/c.txt".into();
        let text = format!("{FAILED}\n{line}\n");
        let dir = folder(&text);
        let at = FAILED.len() as u64 + 1;
        let read = read_report(dir.path(), at, "site/c.txt").unwrap();
        assert_eq!(read.text, report.text);
        let wrong = read_report(dir.path(), at, "site/a.html").unwrap_err();
        assert!(wrong.to_string().contains("changed since"), "{wrong}");
        let inside = read_report(dir.path(), at + 3, "site/c.txt").unwrap_err();
        assert!(inside.to_string().contains("changed since"), "{inside}");
        let failed = read_report(dir.path(), 0, "site/b.bin").unwrap_err();
        assert!(
            failed
                .to_string()
                .contains("site/b.bin was not checked: binary file"),
            "{failed}"
        );
    }

    #[test]
    fn the_overview_is_copied_with_its_reports_and_never_onto_itself() {
        let dir = folder(&format!("{CHECKED}\n"));
        let out = dir.path();
        let dest = tempfile::tempdir().unwrap();
        let error = export(out, &dest.path().join("x")).unwrap_err();
        assert!(error.to_string().contains("run the audit first"), "{error}");
        std::fs::write(out.join(INDEX_FILE), "<html>index</html>").unwrap();
        std::fs::write(out.join(SUMMARY_FILE), "id\n").unwrap();
        std::fs::create_dir_all(out.join(REPORTS_DIR)).unwrap();
        std::fs::write(out.join(REPORTS_DIR).join("a-1.html"), "<html>a</html>").unwrap();
        let to = dest.path().join("sent");
        assert_eq!(export(out, &to).unwrap(), Exported { reports: 1 });
        assert_eq!(
            std::fs::read_to_string(to.join(INDEX_FILE)).unwrap(),
            "<html>index</html>"
        );
        assert!(to.join(SUMMARY_FILE).is_file());
        assert!(to.join(REPORTS_DIR).join("a-1.html").is_file());
        let onto = export(out, out).unwrap_err();
        assert!(onto.to_string().contains("own folder"), "{onto}");
    }
}
