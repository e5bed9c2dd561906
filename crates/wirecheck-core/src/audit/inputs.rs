//! Which articles the inputs hold: files and folders (walked recursively) of anything `check`
//! reads, and JSON Lines crawl exports with one article a line. Read one at a time.
//!
//! Ids: a file's id is its path from the folder given, that folder's own name first
//! (`site/2026/05/bridge.html` for the input `crawl/site`), or the file's name when the file
//! itself was given, with `/` between folders on every platform; so an id does not depend on
//! the directory the audit runs from. A JSON Lines record's id is its `id` field.
//!
//! An export is a file named `*.jsonl`, `*.ndjson` or `*.jsonlines`. Fields: `id` (string or
//! number), `url`, `published` (ISO 8601), and `text` (the article as text; HTML in it is
//! reduced to text as `check` does) or `html` (a page, always reduced to its article text);
//! `null` is absent, other fields are ignored. A line that is not such an object becomes an
//! error row; the export goes on.

use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::FailureKind;
use crate::archive::import::{SkipReason, io_message, string_field, walk_files};
use crate::check::MAX_ARTICLE_BYTES;
use crate::text::dates::Date;

/// The longest JSON Lines line read: an article at the size limit, escaped, with its fields.
/// A longer line is skipped to its end without being held.
pub(super) const MAX_LINE_BYTES: usize = 2 * MAX_ARTICLE_BYTES + 64 * 1024;

/// Why an article cannot be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Failure {
    pub kind: FailureKind,
    pub message: String,
}

impl Failure {
    pub fn new(kind: FailureKind, message: impl Into<String>) -> Self {
        Failure {
            kind,
            message: message.into(),
        }
    }
}

/// What an article's text is to be read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Body {
    /// A file, read by the worker that checks it.
    File(PathBuf),
    /// A record's `text`: checked as `check` checks a pasted text.
    Text(String),
    /// A record's `html`: a page, reduced to its article text.
    Html(String),
    /// Nothing to check.
    Failed(Failure),
}

/// One article of the inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Item {
    /// The id, when it has one (every file has).
    pub id: Option<String>,
    /// Where it was read: the file, or `export.jsonl:17`.
    pub input: String,
    /// Its address, when given.
    pub url: Option<String>,
    /// Its publication date, when given.
    pub published: Option<String>,
    /// The hash of its content, for records (a file's is made when it is read).
    pub content_hash: Option<String>,
    /// Its text.
    pub body: Body,
}

impl Item {
    /// The id, else where it was read: how the article is named to the user.
    pub fn name(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.input)
    }
}

/// The hash of an article's content, as kept in `results.jsonl`: 128-bit xxh3, in hex.
pub(super) fn content_hash(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// Whether the file is a JSON Lines export, by its name.
pub(super) fn is_export(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["jsonl", "ndjson", "jsonlines"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// Calls `each` with every article of `inputs`, in order (folders sorted by name, exports
/// line by line), until it breaks. Top-level inputs must exist (the caller checks).
pub(super) fn for_each(inputs: &[PathBuf], mut each: impl FnMut(Item) -> ControlFlow<()>) {
    for input in inputs {
        let flow = if input.is_dir() {
            let base = input.file_name().map(PathBuf::from).unwrap_or_default();
            let mut flow = ControlFlow::Continue(());
            for entry in walk_files(input) {
                flow = match entry {
                    Ok(path) => {
                        let within = path.strip_prefix(input).unwrap_or(&path);
                        let id = id_of(&base.join(within));
                        file(&path, id, &mut each)
                    }
                    Err((path, reason)) => each(unreadable_entry(&path, input, &base, reason)),
                };
                if flow.is_break() {
                    break;
                }
            }
            flow
        } else {
            let name = input
                .file_name()
                .map_or_else(|| input.clone(), PathBuf::from);
            file(input, id_of(&name), &mut each)
        };
        if flow.is_break() {
            return;
        }
    }
}

/// How many articles `inputs` hold, as [`for_each`] would give them; stops early (with what
/// it counted) when `stop` says so.
pub(super) fn count(inputs: &[PathBuf], stop: &dyn Fn() -> bool) -> u64 {
    let mut total = 0;
    for input in inputs {
        let files: Box<dyn Iterator<Item = Option<PathBuf>>> = if input.is_dir() {
            Box::new(walk_files(input).map(Result::ok))
        } else {
            Box::new(std::iter::once(Some(input.clone())))
        };
        for path in files {
            if stop() {
                return total;
            }
            total += match path {
                Some(path) if is_export(&path) => count_lines(&path, stop),
                _ => 1,
            };
        }
    }
    total
}

/// Lines with something other than white space in them.
fn count_lines(path: &Path, stop: &dyn Fn() -> bool) -> u64 {
    let Ok(file) = std::fs::File::open(path) else {
        return 1;
    };
    let mut reader = BufReader::with_capacity(256 * 1024, file);
    let mut lines = 0;
    let mut filled = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok([]) | Err(_) => break,
            Ok(chunk) => chunk,
        };
        for &byte in chunk {
            if byte == b'\n' {
                lines += u64::from(filled);
                filled = false;
            } else if !byte.is_ascii_whitespace() {
                filled = true;
            }
        }
        let n = chunk.len();
        reader.consume(n);
        if stop() {
            break;
        }
    }
    lines + u64::from(filled)
}

fn id_of(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn unreadable_entry(path: &Path, root: &Path, base: &Path, reason: SkipReason) -> Item {
    let within = path.strip_prefix(root).unwrap_or(path);
    Item {
        id: Some(id_of(&base.join(within))),
        input: path.display().to_string(),
        url: None,
        published: None,
        content_hash: None,
        body: Body::Failed(Failure::new(FailureKind::Unreadable, reason.to_string())),
    }
}

/// One file: an article, or an export of many.
fn file(
    path: &Path,
    id: String,
    each: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    if !is_export(path) {
        return each(Item {
            id: Some(id),
            input: path.display().to_string(),
            url: None,
            published: None,
            content_hash: None,
            body: Body::File(path.to_path_buf()),
        });
    }
    match std::fs::File::open(path) {
        Ok(file) => export(path, file, each),
        Err(e) => each(Item {
            id: Some(id),
            input: path.display().to_string(),
            url: None,
            published: None,
            content_hash: None,
            body: Body::Failed(Failure::new(
                FailureKind::Unreadable,
                format!("unreadable: {}", io_message(&e)),
            )),
        }),
    }
}

/// The records of a JSON Lines export, line by line.
fn export(
    path: &Path,
    file: impl Read,
    each: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut reader = BufReader::with_capacity(256 * 1024, file);
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        number += 1;
        let input = format!("{}:{number}", path.display());
        match read_line(&mut reader, &mut line, MAX_LINE_BYTES) {
            Ok(Line::End) => return ControlFlow::Continue(()),
            Ok(Line::Whole) if line.iter().all(u8::is_ascii_whitespace) => {}
            Ok(Line::Whole) => each(record(&line, input))?,
            Ok(Line::Overlong(size)) => each(Item {
                id: None,
                content_hash: Some(content_hash(&line)),
                input,
                url: None,
                published: None,
                body: Body::Failed(Failure::new(
                    FailureKind::TooLarge,
                    format!(
                        "the line is too large ({size} bytes or more; the limit is {MAX_LINE_BYTES})"
                    ),
                )),
            })?,
            Err(e) => {
                return each(Item {
                    id: None,
                    content_hash: None,
                    input,
                    url: None,
                    published: None,
                    body: Body::Failed(Failure::new(
                        FailureKind::Unreadable,
                        format!("unreadable: {}", io_message(&e)),
                    )),
                });
            }
        }
    }
}

/// What [`read_line`] read.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// A line (its end of line removed), possibly the last one without an end of line.
    Whole,
    /// A line longer than the cap: its first bytes are kept, the rest skipped; its length so
    /// far.
    Overlong(usize),
    /// No more lines.
    End,
}

/// Reads one line into `buf`, holding at most `cap` bytes of it.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>, cap: usize) -> std::io::Result<Line> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(end) => (&chunk[..end], Some(end + 1)),
            None => (chunk, None),
        };
        let room = cap.saturating_sub(buf.len());
        buf.extend_from_slice(&part[..part.len().min(room)]);
        total += part.len();
        let used = done.unwrap_or(chunk.len());
        reader.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(Line::End);
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(if total > cap {
        Line::Overlong(total)
    } else {
        Line::Whole
    })
}

/// One line of an export as an article, or as an error with what could be read of it.
pub(super) fn record(line: &[u8], input: String) -> Item {
    let mut item = Item {
        id: None,
        input,
        url: None,
        published: None,
        content_hash: Some(content_hash(line)),
        body: Body::Failed(Failure::new(FailureKind::Malformed, "")),
    };
    let object = match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return malformed(item, "not a JSON object".into()),
        Err(e) => return malformed(item, e.to_string()),
    };
    match object.get("id") {
        None | Some(Value::Null) => {}
        Some(Value::String(id)) if id.trim().is_empty() => {}
        Some(Value::String(id)) => item.id = Some(id.clone()),
        Some(Value::Number(id)) => item.id = Some(id.to_string()),
        Some(_) => return malformed(item, "`id` must be a string or a number".into()),
    }
    let fields = (|| -> Result<_, String> {
        Ok((
            string_field(&object, "url")?,
            string_field(&object, "published")?,
            string_field(&object, "text")?,
            string_field(&object, "html")?,
        ))
    })();
    let (url, published, text, html) = match fields {
        Ok(fields) => fields,
        Err(message) => return malformed(item, message),
    };
    item.url = url.filter(|u| !u.trim().is_empty());
    item.published = published.filter(|p| !p.trim().is_empty());
    item.body = match (text, html) {
        (Some(text), _) => {
            item.content_hash = Some(content_hash(text.as_bytes()));
            Body::Text(text)
        }
        (None, Some(html)) => {
            item.content_hash = Some(content_hash(html.as_bytes()));
            Body::Html(html)
        }
        (None, None) => return malformed(item, "no `text` or `html` field".into()),
    };
    if let Some(published) = &item.published
        && Date::from_iso_prefix(published).is_none()
    {
        let message = format!("`published` is not an ISO 8601 date: {published:?}");
        item.body = Body::Failed(Failure::new(FailureKind::BadDate, message));
    }
    item
}

fn malformed(mut item: Item, message: String) -> Item {
    item.body = Body::Failed(Failure::new(
        FailureKind::Malformed,
        format!("malformed JSON Lines record: {message}"),
    ));
    item
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn all(inputs: &[PathBuf]) -> Vec<Item> {
        let mut items = Vec::new();
        for_each(inputs, |item| {
            items.push(item);
            ControlFlow::Continue(())
        });
        items
    }

    fn failure(item: &Item) -> &Failure {
        match &item.body {
            Body::Failed(f) => f,
            other => panic!("{} should have failed: {other:?}", item.input),
        }
    }

    #[test]
    fn file_ids_start_at_the_folder_given_and_exports_give_one_item_a_line() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("crawl/site");
        fs::create_dir_all(site.join("2026/05")).unwrap();
        fs::write(site.join("2026/05/bridge.html"), "<p>a</p>").unwrap();
        fs::write(site.join("about.txt"), "b").unwrap();
        fs::write(
            site.join("export.jsonl"),
            "{\"id\": 7, \"url\": \"https://x.example/a\", \"published\": \"2026-05-01\", \"text\": \"t\"}\n\
             \n\
             {\"html\": \"<p>h</p>\"}\r\n",
        )
        .unwrap();
        let single = dir.path().join("one.txt");
        fs::write(&single, "c").unwrap();
        let items = all(&[site.clone(), single.clone()]);
        let ids: Vec<Option<&str>> = items.iter().map(|i| i.id.as_deref()).collect();
        assert_eq!(
            ids,
            vec![
                Some("site/2026/05/bridge.html"),
                Some("site/about.txt"),
                Some("7"),
                None,
                Some("one.txt"),
            ],
            "sorted by name; the folder's own name starts a file's id; a record keeps its own"
        );
        assert_eq!(items[0].body, Body::File(site.join("2026/05/bridge.html")));
        assert_eq!(items[2].url.as_deref(), Some("https://x.example/a"));
        assert_eq!(items[2].published.as_deref(), Some("2026-05-01"));
        assert_eq!(items[2].body, Body::Text("t".into()));
        assert!(items[2].input.ends_with("export.jsonl:1"));
        assert!(
            items[3].input.ends_with("export.jsonl:3"),
            "blank lines are skipped but counted: {}",
            items[3].input
        );
        assert_eq!(items[3].body, Body::Html("<p>h</p>".into()));
        assert_eq!(
            items[3].content_hash,
            Some(content_hash(b"<p>h</p>")),
            "a record without id is known by its content"
        );
        assert_eq!(count(&[site, single], &|| false), 5, "the count agrees");
    }

    #[test]
    fn bad_records_become_errors_and_the_export_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.ndjson");
        let long = format!("{{\"text\": \"{}\"}}", "a".repeat(MAX_LINE_BYTES));
        fs::write(
            &path,
            format!(
                "not json\n[1, 2]\n{{\"id\": \"x\"}}\n{{\"id\": true, \"text\": \"t\"}}\n\
                 {{\"id\": \"d\", \"published\": \"last week\", \"text\": \"t\"}}\n{long}\n\
                 {{\"id\": \"ok\", \"text\": \"fine\"}}"
            ),
        )
        .unwrap();
        let items = all(std::slice::from_ref(&path));
        assert_eq!(
            items.len(),
            7,
            "one item a line, the last without an end of line too"
        );
        let kinds: Vec<FailureKind> = items[..6].iter().map(|i| failure(i).kind).collect();
        assert_eq!(
            kinds,
            vec![
                FailureKind::Malformed,
                FailureKind::Malformed,
                FailureKind::Malformed,
                FailureKind::Malformed,
                FailureKind::BadDate,
                FailureKind::TooLarge,
            ]
        );
        assert!(failure(&items[2]).message.contains("no `text` or `html`"));
        assert_eq!(
            items[2].id.as_deref(),
            Some("x"),
            "what could be read is kept"
        );
        assert_eq!(items[4].id.as_deref(), Some("d"));
        assert!(
            items
                .iter()
                .all(|i| i.id.is_some() || i.content_hash.is_some()),
            "every item can be recognised on resume"
        );
        assert_eq!(items[6].body, Body::Text("fine".into()));
        assert_eq!(count(&[path], &|| false), 7);
    }

    #[test]
    fn an_overlong_line_is_not_held_whole() {
        let mut reader = BufReader::with_capacity(4, &b"abcdefghij\nkl"[..]);
        let mut buf = Vec::new();
        assert_eq!(
            read_line(&mut reader, &mut buf, 4).unwrap(),
            Line::Overlong(10)
        );
        assert_eq!(buf, b"abcd", "only the cap is kept");
        assert_eq!(read_line(&mut reader, &mut buf, 4).unwrap(), Line::Whole);
        assert_eq!(buf, b"kl", "the next line is read whole");
        assert_eq!(read_line(&mut reader, &mut buf, 4).unwrap(), Line::End);
    }

    #[test]
    fn exports_are_known_by_their_names() {
        for (name, export) in [
            ("a.jsonl", true),
            ("a.NDJSON", true),
            ("a.jsonlines", true),
            ("a.json", false),
            ("a.html", false),
            ("jsonl", false),
        ] {
            assert_eq!(is_export(Path::new(name)), export, "{name}");
        }
    }

    #[test]
    fn counting_stops_when_told() {
        let dir = tempfile::tempdir().unwrap();
        for n in 0..5 {
            fs::write(dir.path().join(format!("{n}.txt")), "x").unwrap();
        }
        assert_eq!(count(&[dir.path().to_path_buf()], &|| true), 0);
        let empty = dir.path().join("empty.jsonl");
        fs::write(&empty, "\n  \n").unwrap();
        assert!(all(std::slice::from_ref(&empty)).is_empty());
        assert_eq!(count(&[empty], &|| false), 0, "as many as for_each gives");
    }
}
