//! Hostile input: html5ever checks "element in scope" by walking its stack of open elements,
//! so deeply nested block elements make parsing quadratic. [`limit_nesting`] drops the start
//! tags nested deeper than [`MAX_DEPTH`] before parsing.

use std::borrow::Cow;

use super::paragraphs::BLOCK_TAGS;

/// Deepest element nesting handed to html5ever; deeper start tags are dropped (their text kept).
/// Real pages stay far below it; it bounds html5ever's per-tag scope checks.
pub(crate) const MAX_DEPTH: usize = 256;

/// Elements that html5ever closes when another block starts, so they never nest in practice.
const SELF_ENDING: &[&str] = &["p", "li", "dd", "dt", "option", "tr", "td", "th"];

/// Elements with no content and no end tag.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements whose content html5ever reads as raw text up to the matching end tag.
const RAW_TEXT_TAGS: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Drops start tags that would open an element deeper than [`MAX_DEPTH`], tracking nesting with
/// a cheap approximation of html5ever's stack of open elements. Text is never dropped, nor are
/// raw-text elements (a dropped `<script>` tag would leak its code into the article). Linear:
/// each tag costs at most `MAX_DEPTH` steps. Returns the input unchanged when nothing is dropped.
pub(crate) fn limit_nesting(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut stack: Vec<String> = Vec::new();
    let mut foreign = 0usize; // open <svg>/<math>, where "/>" closes an element
    let mut i = 0;
    while let Some(off) = find_byte(bytes, i, b'<') {
        let start = i + off;
        let rest = bytes.get(start..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            i = find_seq(bytes, start + 4, b"-->").map_or(bytes.len(), |p| p + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            // "<!doctype", "<?xml", or a lone "<" in text.
            i = if matches!(rest.get(1), Some(b'!' | b'?')) {
                find_byte(bytes, start, b'>').map_or(bytes.len(), |p| start + p + 1)
            } else {
                start + 1
            };
            continue;
        }
        let name = html
            .get(name_start..name_start + name_len)
            .unwrap_or_default()
            .to_ascii_lowercase();
        let end = tag_end(bytes, name_start + name_len);
        i = end;
        if closing {
            if let Some(pos) = stack.iter().rposition(|n| *n == name) {
                let closed = stack.get(pos..).unwrap_or_default();
                let closed_foreign = closed
                    .iter()
                    .filter(|n| matches!(n.as_str(), "svg" | "math"))
                    .count();
                foreign = foreign.saturating_sub(closed_foreign);
                stack.truncate(pos);
            }
            continue;
        }
        if RAW_TEXT_TAGS.contains(&name.as_str()) {
            i = find_end_tag(bytes, end, name.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        let self_closed = end >= 2 && bytes.get(end - 2) == Some(&b'/');
        if VOID_TAGS.contains(&name.as_str()) || (self_closed && foreign > 0) {
            continue;
        }
        if stack.last().is_some_and(|top| {
            top == "p" && BLOCK_TAGS.contains(&name.as_str())
                || (*top == name && SELF_ENDING.contains(&name.as_str()))
        }) {
            stack.pop();
        }
        if stack.len() >= MAX_DEPTH {
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(html.get(copied..start).unwrap_or_default());
            copied = end;
            continue;
        }
        if matches!(name.as_str(), "svg" | "math") {
            foreign += 1;
        }
        stack.push(name);
    }
    match out {
        Some(mut buf) => {
            buf.push_str(html.get(copied..).unwrap_or_default());
            Cow::Owned(buf)
        }
        None => Cow::Borrowed(html),
    }
}

fn find_byte(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    bytes.get(from..)?.iter().position(|&b| b == needle)
}

fn find_seq(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// The index just past the `>` closing a tag, skipping quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

/// The start of the end tag `</name` (any case) at or after `from`.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(off) = find_seq(bytes, i, b"</") {
        let after = bytes.get(off + 2..off + 2 + name.len());
        if after.is_some_and(|a| a.eq_ignore_ascii_case(name)) {
            return Some(off);
        }
        i = off + 2;
    }
    None
}
