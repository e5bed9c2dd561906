//! One article: read, refused as a bad input, or checked; and its line of `results.jsonl`.
//!
//! A file goes through the steps of `check` on bytes (size limit, decoding, HTML reduced to its
//! text), with two refusals before: binary and compressed files, which `check` would decode to
//! noise. A page is parsed once, for its text and for its address and date.

use std::io::Read;
use std::path::Path;

use serde::Serialize;

use super::FailureKind;
use super::inputs::{Body, Failure, Item, content_hash};
use crate::archive::import::io_message;
use crate::archive::store::Archive;
use crate::check::{CheckOptions, MAX_ARTICLE_BYTES, check_article_text};
use crate::report::Report;
use crate::text::dates::Date;
use crate::text::decode::{compressed_kind, decode, looks_binary};
use crate::text::html;
use crate::{Error, Result};

/// An article read, ready to check.
#[derive(Debug)]
pub(super) struct ArticleText {
    pub text: String,
    /// The authors a page's metadata declares (empty for text).
    pub authors: Vec<String>,
    url: Option<String>,
    published: Option<String>,
}

/// An article checked, or why not.
#[derive(Debug)]
pub(super) struct Outcome {
    pub id: Option<String>,
    pub input: String,
    pub url: Option<String>,
    pub published: Option<String>,
    pub content_hash: Option<String>,
    pub result: std::result::Result<Report, Failure>,
}

impl Outcome {
    /// The article's line of `results.jsonl`, its end of line included.
    pub fn line(&self) -> Result<Vec<u8>> {
        let (report, error, error_kind) = match &self.result {
            Ok(report) => (Some(report), None, None),
            Err(f) => (None, Some(f.message.as_str()), Some(f.kind)),
        };
        let line = Line {
            id: self.id.as_deref(),
            url: self.url.as_deref(),
            published: self.published.as_deref(),
            input: &self.input,
            content_hash: self.content_hash.as_deref(),
            error,
            error_kind,
            report,
        };
        let mut bytes = serde_json::to_vec(&line)
            .map_err(|e| Error::Invalid(format!("cannot write a result line: {e}")))?;
        bytes.push(b'\n');
        Ok(bytes)
    }
}

/// A line of `results.jsonl`: the `check --json` report with the article's own fields.
#[derive(Serialize)]
struct Line<'a> {
    id: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<&'a str>,
    input: &'a str,
    content_hash: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_kind: Option<FailureKind>,
    #[serde(flatten)]
    report: Option<&'a Report>,
}

/// Reads and checks `item`. `options.published_before` is set per article from its date
/// unless `before` (the audit's `--before`) is given. Archive errors stop the audit (`Err`);
/// anything wrong with the article is its outcome.
pub(super) fn check_item(
    archive: &Archive,
    item: Item,
    options: &mut CheckOptions,
    before: Option<&str>,
    before_from_article: bool,
) -> Result<Outcome> {
    let (outcome, read) = read_item(item, before_from_article);
    check_read(outcome, read, options, before, |text, authors, options| {
        archive.in_read_transaction(|| check_article_text(archive, text, authors, options))
    })
}

/// Reads `item`: its outcome so far (its id, address, date and content hash; the result not
/// yet known) and its text, or why it cannot be checked.
pub(super) fn read_item(
    item: Item,
    before_from_article: bool,
) -> (Outcome, std::result::Result<ArticleText, Failure>) {
    let mut outcome = Outcome {
        id: item.id,
        input: item.input,
        url: item.url,
        published: item.published,
        content_hash: item.content_hash,
        result: Err(Failure::new(FailureKind::Internal, "")),
    };
    let read = match item.body {
        Body::File(path) => read_file(&path).and_then(|bytes| {
            outcome.content_hash = Some(content_hash(&bytes));
            refuse_binary(&bytes)?;
            Ok(article_text(decode(&bytes).text, false))
        }),
        Body::Text(text) => within_limit(text).map(|text| article_text(text, false)),
        Body::Html(page) => within_limit(page).map(|page| article_text(page, true)),
        Body::Failed(failure) => Err(failure),
    };
    if let Ok(read) = &read {
        if outcome.url.is_none() {
            outcome.url = read.url.clone();
        }
        if outcome.published.is_none() && before_from_article {
            outcome.published = read.published.clone();
        }
    }
    (outcome, read)
}

/// The options the article of `outcome` is checked with: `published_before` its date unless
/// `before` (the audit's `--before`) is given.
pub(super) fn set_before(options: &mut CheckOptions, outcome: &Outcome, before: Option<&str>) {
    options.published_before = before
        .map(str::to_string)
        .or_else(|| outcome.published.clone());
}

/// Checks the article read with `check` (retrieval and comparison, against the archive or
/// against given candidates). Errors of `check` that say what is wrong with the article are
/// its outcome; others (the archive's) are returned.
pub(super) fn check_read(
    mut outcome: Outcome,
    read: std::result::Result<ArticleText, Failure>,
    options: &mut CheckOptions,
    before: Option<&str>,
    check: impl FnOnce(String, Vec<String>, &CheckOptions) -> Result<Report>,
) -> Result<Outcome> {
    let read = match read {
        Ok(read) => read,
        Err(failure) => {
            outcome.result = Err(failure);
            return Ok(outcome);
        }
    };
    set_before(options, &outcome, before);
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        check(read.text, read.authors, options)
    }));
    outcome.result = match checked {
        Ok(Ok(report)) => Ok(report),
        Ok(Err(Error::EmptyArticle)) => Err(Failure::new(FailureKind::Empty, "no article text")),
        Ok(Err(e @ Error::TooLarge { .. })) => {
            Err(Failure::new(FailureKind::TooLarge, e.to_string()))
        }
        Ok(Err(e @ (Error::Malformed { .. } | Error::Unsupported(_) | Error::Invalid(_)))) => {
            Err(Failure::new(FailureKind::Refused, e.to_string()))
        }
        Ok(Err(e)) => return Err(e),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".into());
            Err(Failure::new(
                FailureKind::Internal,
                format!("internal error while checking (please report it): {what}"),
            ))
        }
    };
    Ok(outcome)
}

/// A file's bytes, refused before reading when it is over the limit.
fn read_file(path: &Path) -> std::result::Result<Vec<u8>, Failure> {
    let unreadable = |e: std::io::Error| {
        Failure::new(
            FailureKind::Unreadable,
            format!("unreadable: {}", io_message(&e)),
        )
    };
    let too_large = |size: u64| {
        Failure::new(
            FailureKind::TooLarge,
            Error::TooLarge {
                size: usize::try_from(size).unwrap_or(usize::MAX),
                limit: MAX_ARTICLE_BYTES,
            }
            .to_string(),
        )
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > MAX_ARTICLE_BYTES as u64 {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // A file that grew since: one byte past the limit is enough to tell.
    file.take(MAX_ARTICLE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A record's text, refused over the limit as `check` refuses it (before any HTML is parsed).
fn within_limit(text: String) -> std::result::Result<String, Failure> {
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(Failure::new(
            FailureKind::TooLarge,
            Error::TooLarge {
                size: text.len(),
                limit: MAX_ARTICLE_BYTES,
            }
            .to_string(),
        ));
    }
    Ok(text)
}

fn refuse_binary(bytes: &[u8]) -> std::result::Result<(), Failure> {
    if let Some(kind) = compressed_kind(bytes) {
        return Err(Failure::new(
            FailureKind::Compressed,
            format!("{kind} archive; compressed files are not supported, unpack it first"),
        ));
    }
    if looks_binary(bytes) {
        return Err(Failure::new(FailureKind::Binary, "binary file, not text"));
    }
    Ok(())
}

/// The article text of `input`, with a page's address and date: a page (`page`, or text that
/// looks like HTML, as `check` decides) is reduced to its article text.
fn article_text(input: String, page: bool) -> ArticleText {
    if !page && !html::looks_like_html(&input) {
        return ArticleText {
            text: input,
            authors: Vec::new(),
            url: None,
            published: None,
        };
    }
    let extracted = html::extract(&input);
    ArticleText {
        text: extracted.text,
        authors: extracted.authors,
        url: extracted.url,
        published: extracted
            .published
            .filter(|p| Date::from_iso_prefix(p).is_some()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::NewStory;
    use crate::check::check;

    const STORY: &str = "The harbour board voted on Tuesday to buy six electric tugs from a Finnish \
        yard, replacing a diesel fleet that has served the port since the 1990s. The first two \
        tugs will arrive next spring, the board said, and crews will train on them over the \
        winter months at the old pilot station on the north quay.";

    fn archive() -> Archive {
        let mut archive = Archive::open_in_memory().unwrap();
        for (published, headline) in [("2026-05-05", "Tugs"), ("2026-05-20", "Tugs again")] {
            archive
                .insert(NewStory {
                    headline: headline.into(),
                    body: if published == "2026-05-05" {
                        STORY.into()
                    } else {
                        format!("{STORY} The port said more would follow.")
                    },
                    agency: Some("Reuters".into()),
                    published: Some(published.into()),
                    origin: format!("test:{headline}"),
                    ..NewStory::default()
                })
                .unwrap();
        }
        archive
    }

    fn item(body: Body) -> Item {
        Item {
            id: Some("a".into()),
            input: "a".into(),
            url: None,
            published: None,
            content_hash: None,
            body,
        }
    }

    fn run(archive: &Archive, item: Item, before_from_article: bool) -> Outcome {
        let mut options = CheckOptions::default();
        check_item(archive, item, &mut options, None, before_from_article).unwrap()
    }

    fn failed(outcome: &Outcome) -> FailureKind {
        match &outcome.result {
            Err(f) => f.kind,
            Ok(_) => panic!("{} should have failed", outcome.input),
        }
    }

    #[test]
    fn a_file_gets_the_report_check_gives() {
        let archive = archive();
        let dir = tempfile::tempdir().unwrap();
        let page = format!(
            "<html><head><link rel=canonical href=\"https://gull.example/tugs\"></head>\
             <body><article><p>{STORY}</p></article></body></html>"
        );
        let path = dir.path().join("page.html");
        std::fs::write(&path, &page).unwrap();
        let outcome = run(&archive, item(Body::File(path)), false);
        let report = outcome.result.as_ref().unwrap();
        let expected = check(&archive, page.as_bytes(), &CheckOptions::default()).unwrap();
        assert_eq!(
            report, &expected,
            "the audit checks a file exactly as check does"
        );
        assert_eq!(outcome.url.as_deref(), Some("https://gull.example/tugs"));
        assert_eq!(outcome.content_hash, Some(content_hash(page.as_bytes())));
        let line: serde_json::Value = serde_json::from_slice(&outcome.line().unwrap()).unwrap();
        assert_eq!(line["id"], "a");
        assert_eq!(line["url"], "https://gull.example/tugs");
        assert_eq!(
            line["derived"],
            expected.derived.as_str(),
            "the report is flattened in"
        );
        assert!(line.get("error").is_none());
    }

    #[test]
    fn the_published_date_restricts_sources() {
        let archive = archive();
        let mut dated = item(Body::Text(STORY.into()));
        dated.published = Some("2026-05-10".into());
        let outcome = run(&archive, dated, false);
        let report = outcome.result.unwrap();
        assert!(
            report
                .sources
                .iter()
                .all(|s| s.published.as_deref() == Some("2026-05-05")),
            "only stories published before the article are sources: {:?}",
            report.sources
        );
        assert!(!report.sources.is_empty());

        let mut early = item(Body::Text(STORY.into()));
        early.published = Some("2026-05-01".into());
        let report = run(&archive, early, false).result.unwrap();
        assert!(report.sources.is_empty(), "nothing was published before it");
        assert!(
            !report.published_later.is_empty(),
            "the later story is listed apart"
        );
    }

    #[test]
    fn a_page_date_counts_only_when_asked() {
        let archive = archive();
        let page = format!(
            "<html><head><meta property=\"article:published_time\" content=\"2026-05-01T08:00:00Z\">\
             </head><body><p>{STORY}</p><p>More.</p></body></html>"
        );
        let plain = run(&archive, item(Body::Html(page.clone())), false);
        assert_eq!(plain.published, None);
        assert!(!plain.result.unwrap().sources.is_empty());
        let dated = run(&archive, item(Body::Html(page)), true);
        assert_eq!(dated.published.as_deref(), Some("2026-05-01T08:00:00Z"));
        assert!(dated.result.unwrap().sources.is_empty());
    }

    #[test]
    fn bad_files_are_failures_not_errors() {
        let archive = archive();
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            path
        };
        let cases = [
            (
                write("photo.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\0\0\0"),
                FailureKind::Binary,
            ),
            (
                write("a.gz", b"\x1f\x8b\x08\0\0\0\0\0"),
                FailureKind::Compressed,
            ),
            (
                write("blank.html", b"<html><body>  </body></html>"),
                FailureKind::Empty,
            ),
            (write("empty.txt", b""), FailureKind::Empty),
            (
                write("huge.txt", &vec![b'a'; MAX_ARTICLE_BYTES + 1]),
                FailureKind::TooLarge,
            ),
            (dir.path().join("gone.txt"), FailureKind::Unreadable),
        ];
        for (path, kind) in cases {
            let outcome = run(&archive, item(Body::File(path.clone())), false);
            assert_eq!(failed(&outcome), kind, "{}", path.display());
            let line: serde_json::Value = serde_json::from_slice(&outcome.line().unwrap()).unwrap();
            assert_eq!(line["error_kind"], kind.as_str());
            assert!(line["error"].as_str().is_some_and(|e| !e.is_empty()));
            assert!(line.get("derived").is_none(), "no report on an error line");
        }
    }
}
