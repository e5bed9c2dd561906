//! A result line as a row of `summary.csv`, and the counts over all rows.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use super::{AgencyCount, AuditTotals, FailureCount, FailureKind};
use crate::verdict::Derived;
use crate::verdict::evidence::Tier;
use crate::{Error, Result};

/// One article of an audit, as a row of `summary.csv` (the columns, in order, are these
/// fields' names). Numbers are rounded to four decimals; absent values are empty cells.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SummaryRow {
    /// The article's id (a file's path from the folder given, or the record's `id`).
    pub id: Option<String>,
    /// Its address.
    pub url: Option<String>,
    /// Its publication date, as given.
    pub published: Option<String>,
    /// `wholly`, `partially` or `none`; empty on an error row.
    pub derived: Option<Derived>,
    /// Share of its words matched to any source, 0..=1.
    pub coverage: Option<f64>,
    /// The archive id of its top source.
    pub top_source_id: Option<i64>,
    /// The agency of its top source.
    pub top_source_agency: Option<String>,
    /// The headline of its top source.
    pub top_source_headline: Option<String>,
    /// Whether the top source's agency is credited.
    pub credited: Option<bool>,
    /// Whether any source is copied without credit.
    pub flagged: bool,
    /// The top source's evidence: `identical`, `minor_edits` or `paraphrase`.
    pub evidence_tier: Option<Tier>,
    /// The model's probability that the top source's text was copied.
    pub evidence_confidence: Option<f64>,
    /// Why the article could not be checked.
    pub error: Option<String>,
    /// The kind of that error (`binary`, `empty`, `too_large`, `malformed`...).
    pub error_kind: Option<FailureKind>,
    /// Where the article was read: the file, or `export.jsonl:17`.
    pub input: String,
}

/// The fields of a result line that the summary reads; the rest is skipped unparsed.
#[derive(Deserialize)]
struct Line {
    id: Option<String>,
    url: Option<String>,
    published: Option<String>,
    #[serde(default)]
    input: String,
    error: Option<String>,
    error_kind: Option<FailureKind>,
    derived: Option<Derived>,
    coverage: Option<f64>,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    flags: Vec<IgnoredAny>,
}

#[derive(Deserialize)]
struct Source {
    id: i64,
    agency: Option<String>,
    headline: String,
    credited: bool,
    #[serde(default)]
    evidence: Evidence,
}

#[derive(Deserialize, Default)]
struct Evidence {
    tier: Tier,
    confidence: f64,
}

impl SummaryRow {
    /// The row of one line of `results.jsonl`.
    pub fn from_result_line(line: &[u8]) -> serde_json::Result<SummaryRow> {
        let line: Line = serde_json::from_slice(line)?;
        let top = line.sources.first();
        Ok(SummaryRow {
            id: line.id,
            url: line.url,
            published: line.published,
            derived: line.derived,
            coverage: line.coverage.map(round),
            top_source_id: top.map(|s| s.id),
            top_source_agency: top.and_then(|s| s.agency.clone()),
            top_source_headline: top.map(|s| s.headline.clone()),
            credited: top.map(|s| s.credited),
            flagged: !line.flags.is_empty(),
            evidence_tier: top.map(|s| s.evidence.tier),
            evidence_confidence: top.map(|s| round(s.evidence.confidence)),
            error_kind: line
                .error_kind
                .or(line.error.as_ref().map(|_| FailureKind::Refused)),
            error: line.error,
            input: line.input,
        })
    }

    /// The id, else where the article was read.
    pub fn name(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.input)
    }

    /// The site the article is on: its URL's host without `www.`; empty without a URL.
    pub fn site(&self) -> String {
        self.url.as_deref().map(host).unwrap_or_default()
    }
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The host of a URL, lowercase, without user, port and a leading `www.`.
pub(super) fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host.starts_with('[') {
        host.split_inclusive(']').next().unwrap_or(host)
    } else {
        host.split(':').next().unwrap_or(host)
    };
    let host = host.to_ascii_lowercase();
    host.strip_prefix("www.")
        .map(str::to_string)
        .unwrap_or(host)
}

/// `summary.csv`, written to a temporary file that replaces the old one when complete.
pub(super) struct CsvOut {
    writer: csv::Writer<std::fs::File>,
    temp: std::path::PathBuf,
    path: std::path::PathBuf,
}

impl CsvOut {
    pub fn create(path: &Path) -> Result<CsvOut> {
        let temp = path.with_extension("csv.partial");
        let file = std::fs::File::create(&temp).map_err(|e| Error::io(&temp, e))?;
        Ok(CsvOut {
            writer: csv::Writer::from_writer(file),
            temp,
            path: path.to_path_buf(),
        })
    }

    pub fn row(&mut self, row: &SummaryRow) -> Result<()> {
        self.writer.serialize(row).map_err(|e| self.error(e))
    }

    pub fn finish(mut self) -> Result<()> {
        self.writer.flush().map_err(|e| Error::io(&self.temp, e))?;
        std::fs::rename(&self.temp, &self.path).map_err(|e| Error::io(&self.path, e))
    }

    fn error(&self, e: csv::Error) -> Error {
        match e.into_kind() {
            csv::ErrorKind::Io(e) => Error::io(&self.temp, e),
            other => Error::Invalid(format!("cannot write {}: {other:?}", self.path.display())),
        }
    }
}

/// The counts of [`AuditTotals`], added up row by row.
#[derive(Debug, Default)]
pub(super) struct Tally {
    totals: AuditTotals,
    agencies: HashMap<String, (usize, usize)>,
    errors: BTreeMap<FailureKind, FailureCount>,
}

/// The name of a story without an agency.
pub(super) const UNKNOWN_AGENCY: &str = "Unknown agency";

impl Tally {
    pub fn add(&mut self, row: &SummaryRow) {
        let totals = &mut self.totals;
        totals.articles += 1;
        totals.flagged += usize::from(row.flagged);
        if let Some(kind) = row.error_kind {
            let entry = self.errors.entry(kind).or_insert_with(|| FailureCount {
                kind,
                count: 0,
                example: row.name().to_string(),
                message: row.error.clone().unwrap_or_default(),
            });
            entry.count += 1;
            return;
        }
        if let Some(derived) = row.derived {
            *totals
                .by_verdict
                .entry(derived.as_str().to_string())
                .or_default() += 1;
            if derived != Derived::None && row.top_source_id.is_some() {
                let agency = row
                    .top_source_agency
                    .clone()
                    .unwrap_or_else(|| UNKNOWN_AGENCY.to_string());
                let entry = self.agencies.entry(agency).or_default();
                entry.0 += 1;
                entry.1 += usize::from(row.flagged);
            }
        }
    }

    pub fn unreadable_line(&mut self) {
        self.totals.unreadable_lines += 1;
    }

    pub fn totals(mut self) -> AuditTotals {
        let mut agencies: Vec<AgencyCount> = self
            .agencies
            .into_iter()
            .map(|(agency, (articles, flagged))| AgencyCount {
                agency,
                articles,
                flagged,
            })
            .collect();
        agencies.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.agency.cmp(&b.agency)));
        let mut errors: Vec<FailureCount> = self.errors.into_values().collect();
        errors.sort_by(|a, b| b.count.cmp(&a.count).then(a.kind.cmp(&b.kind)));
        self.totals.by_agency = agencies;
        self.totals.errors = errors;
        self.totals
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT_LINE: &str = r#"{"id":"site/a.html","url":"https://www.Gull.example:8080/a?x=1","published":"2026-05-08","input":"crawl/site/a.html","content_hash":"ab","derived":"wholly","coverage":0.876543,"flags":[{"source_id":3,"agency":"Reuters","coverage":0.8,"reason":"r"}],"sources":[{"id":3,"origin":"o","agency":"Reuters","headline":"Tugs, \"electric\"","published":null,"coverage":0.8,"credited":false,"credit":null,"evidence":{"tier":"minor_edits","confidence":0.91234,"reasons":[]}}],"text":"..."}"#;

    #[test]
    fn a_report_line_gives_its_top_source_and_flag() {
        let row = SummaryRow::from_result_line(REPORT_LINE.as_bytes()).unwrap();
        assert_eq!(row.id.as_deref(), Some("site/a.html"));
        assert_eq!(row.derived, Some(Derived::Wholly));
        assert_eq!(row.coverage, Some(0.8765), "rounded to four decimals");
        assert_eq!(row.top_source_id, Some(3));
        assert_eq!(row.top_source_agency.as_deref(), Some("Reuters"));
        assert_eq!(row.credited, Some(false));
        assert!(row.flagged);
        assert_eq!(row.evidence_tier, Some(Tier::MinorEdits));
        assert_eq!(row.evidence_confidence, Some(0.9123));
        assert_eq!(row.error, None);
        assert_eq!(row.site(), "gull.example");
    }

    #[test]
    fn an_error_line_gives_an_error_row() {
        let line = br#"{"id":null,"url":null,"published":null,"input":"x.jsonl:3","content_hash":"c","error":"malformed JSON Lines record: EOF","error_kind":"malformed"}"#;
        let row = SummaryRow::from_result_line(line).unwrap();
        assert_eq!(row.error_kind, Some(FailureKind::Malformed));
        assert_eq!(row.derived, None);
        assert!(!row.flagged);
        assert_eq!(row.name(), "x.jsonl:3", "without an id, where it was read");
    }

    #[test]
    fn the_csv_has_the_documented_columns_and_quotes_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary.csv");
        let mut out = CsvOut::create(&path).unwrap();
        out.row(&SummaryRow::from_result_line(REPORT_LINE.as_bytes()).unwrap())
            .unwrap();
        out.finish().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some(
                "id,url,published,derived,coverage,top_source_id,top_source_agency,\
                 top_source_headline,credited,flagged,evidence_tier,evidence_confidence,error,\
                 error_kind,input"
            )
        );
        assert_eq!(
            lines.next(),
            Some(
                "site/a.html,https://www.Gull.example:8080/a?x=1,2026-05-08,wholly,0.8765,3,\
                 Reuters,\"Tugs, \"\"electric\"\"\",false,true,minor_edits,0.9123,,,crawl/site/a.html"
            )
        );
        assert!(!dir.path().join("summary.csv.partial").exists());
    }

    #[test]
    fn hosts_are_read_from_urls() {
        for (url, want) in [
            ("https://www.example.com/a/b", "example.com"),
            ("http://user:pw@News.Example.org:81?q", "news.example.org"),
            ("example.net/path", "example.net"),
            ("https://[::1]:8080/x", "[::1]"),
            ("", ""),
        ] {
            assert_eq!(host(url), want, "{url}");
        }
    }

    #[test]
    fn the_tally_counts_verdicts_agencies_and_errors() {
        let mut tally = Tally::default();
        let row = SummaryRow::from_result_line(REPORT_LINE.as_bytes()).unwrap();
        tally.add(&row);
        tally.add(&row);
        let mut error = row.clone();
        error.error_kind = Some(FailureKind::Binary);
        error.error = Some("binary file, not text".into());
        error.derived = None;
        error.flagged = false;
        tally.add(&error);
        tally.unreadable_line();
        let totals = tally.totals();
        assert_eq!(totals.articles, 3);
        assert_eq!(totals.flagged, 2);
        assert_eq!(totals.by_verdict.get("wholly"), Some(&2));
        assert_eq!(
            totals.by_agency,
            vec![AgencyCount {
                agency: "Reuters".into(),
                articles: 2,
                flagged: 2
            }]
        );
        assert_eq!(totals.errors.len(), 1);
        assert_eq!(totals.errors[0].example, "site/a.html");
        assert_eq!(totals.failed(), 1);
        assert_eq!(totals.unreadable_lines, 1);
    }
}
