//! HTML in, article text out.
//!
//! Used for HTML files imported into the archive and for articles pasted as HTML into a check.
//! The page is parsed with `scraper` (html5ever); page furniture is dropped, the article element
//! is preferred over the whole body, and block elements become paragraphs.
//!
//! Hostile input: html5ever checks "element in scope" by walking its stack of open elements,
//! which makes deeply nested block elements quadratic (100,000 nested `<div>`s take a minute).
//! [`limit_nesting`] first drops start tags nested deeper than [`nesting::MAX_DEPTH`], so parsing stays
//! linear; the walk over the tree uses parent/sibling links, never recursion.

mod metadata;
mod nesting;
mod paragraphs;
mod story;
#[cfg(test)]
mod tests;

use scraper::{ElementRef, Html};

pub(crate) use nesting::limit_nesting;
pub(crate) use paragraphs::{BLOCK_TAGS, ParagraphBuilder};

/// What [`extract`] found in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The `<title>` text.
    pub title: Option<String>,
    /// The headline: `og:title`, else the first `<h1>`, else the title.
    pub headline: Option<String>,
    /// The byline: `<meta name="author">`, else a `rel="author"` or `.byline` element.
    pub byline: Option<String>,
    /// The publication time as given: `article:published_time`, else the first `<time
    /// datetime>` (inside the `<article>` when the page has one).
    pub published: Option<String>,
    /// The page's own address as it states it: `<link rel="canonical">`, else `og:url`.
    pub url: Option<String>,
    /// Every author the page declares in its metadata ([`AUTHOR_KEYS`] and the `author`,
    /// `creator` and `provider` of its JSON-LD), in order, without repeats: where a page that
    /// shows the agency as a logo names it in words.
    pub authors: Vec<String>,
    /// The article text, paragraphs separated by a blank line, lines by `\n`.
    pub text: String,
}

/// Whether `text` is HTML rather than plain text that happens to contain a `<`.
///
/// True for a doctype, an `<html>` or `<body>` tag, or at least two block-level tags (open or
/// close); "a < b" or a single stray tag is not HTML.
pub fn looks_like_html(text: &str) -> bool {
    const BLOCKS: &[&str] = &[
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "tr",
        "td",
        "article",
        "section",
        "blockquote",
        "meta",
        "head",
        "title",
    ];
    let bytes = text.as_bytes();
    let mut blocks = 0;
    let mut i = 0;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        let start = i + off + 1;
        i = start;
        let after = bytes.get(start..).unwrap_or_default();
        if after
            .get(..9)
            .is_some_and(|a| a.eq_ignore_ascii_case(b"!doctype "))
        {
            return true;
        }
        let name_start = usize::from(after.first() == Some(&b'/'));
        let name_len = after
            .iter()
            .skip(name_start)
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let Some(name) = after.get(name_start..name_start + name_len) else {
            continue;
        };
        let follows = after.get(name_start + name_len).copied();
        if name.is_empty() || !matches!(follows, Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')) {
            continue;
        }
        if name.eq_ignore_ascii_case(b"html") || name.eq_ignore_ascii_case(b"body") {
            return true;
        }
        if BLOCKS
            .iter()
            .any(|b| name.eq_ignore_ascii_case(b.as_bytes()))
        {
            blocks += 1;
            if blocks >= 2 {
                return true;
            }
        }
    }
    false
}

/// Extracts the article text and metadata from an HTML page or fragment.
pub fn extract(html: &str) -> Extracted {
    let limited = limit_nesting(html);
    let doc = Html::parse_document(&limited);
    let mut out = metadata::metadata(&doc);
    let root = story::content_root(&doc);
    out.text = paragraphs::article_text(root);
    for line in story::lines_after_body(root, &out.text) {
        out.text.push_str("\n\n");
        out.text.push_str(&line);
    }
    out
}

/// The text of an element on one line, whitespace collapsed.
fn inline_text(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    for piece in el.text() {
        out.push_str(piece);
        out.push(' ');
    }
    collapse(&out)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}
