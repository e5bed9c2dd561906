//! Which format a file holds, told from its content, never from its name: a `.txt` file may
//! hold NITF and a `.xml` file plain text.

use super::SkipReason;
use crate::text::decode::{compressed_kind, decode, looks_binary};

/// A file format Wirecheck reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Plain,
    /// HTML.
    Html,
    /// IPTC NITF.
    Nitf,
    /// IPTC NewsML-G2.
    NewsMl,
    /// JSON Lines.
    JsonLines,
    /// Legacy wire text.
    Wire,
}

/// How much of the text the sniffers look at; root elements and wire markers show early.
const HEAD: usize = 4 * 1024;

/// Elements that start an HTML page or fragment; any other root element is taken for XML.
const HTML_ROOTS: &[&str] = &[
    "html",
    "head",
    "body",
    "meta",
    "title",
    "link",
    "style",
    "script",
    "p",
    "div",
    "span",
    "article",
    "section",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "b",
    "i",
    "em",
    "strong",
    "br",
    "hr",
    "table",
    "ul",
    "ol",
    "figure",
    "img",
    "pre",
    "center",
    "font",
    "blockquote",
];

/// Decodes `bytes` and tells which format they hold.
pub(crate) fn detect(bytes: &[u8]) -> Result<(Format, String), SkipReason> {
    if let Some(kind) = compressed_kind(bytes) {
        return Err(SkipReason::Compressed(kind));
    }
    if looks_binary(bytes) {
        return Err(SkipReason::Binary);
    }
    let text = decode(bytes).text;
    if text.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    let format = sniff(&text)?;
    Ok((format, text))
}

/// Tells the format of decoded text.
fn sniff(text: &str) -> Result<Format, SkipReason> {
    let head = prefix(text, HEAD);
    let (declared_xml, rest) = skip_prolog(head);
    if let Some(format) = markup_root(declared_xml, rest)? {
        return Ok(format);
    }
    if is_json_lines(text) {
        return Ok(Format::JsonLines);
    }
    if looks_html(head) {
        return Ok(Format::Html);
    }
    if looks_wire(head) {
        return Ok(Format::Wire);
    }
    Ok(Format::Plain)
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// Skips a BOM, whitespace, an XML declaration, comments and processing instructions; tells
/// whether an XML declaration was seen. A doctype is left in place for [`markup_root`].
fn skip_prolog(head: &str) -> (bool, &str) {
    let mut rest = head;
    let mut declared = false;
    loop {
        rest = rest.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace());
        let (open, close) = if rest.starts_with("<!--") {
            ("<!--", "-->")
        } else if rest.starts_with("<?") {
            declared |= rest.starts_with("<?xml");
            ("<?", "?>")
        } else {
            return (declared, rest);
        };
        // An unclosed comment or declaration in the head: nothing more to see.
        match rest
            .get(open.len()..)
            .and_then(|r| r.find(close).map(|i| (r, i)))
        {
            Some((r, i)) => rest = r.get(i + close.len()..).unwrap_or_default(),
            None => return (declared, ""),
        }
    }
}

/// The format given by the root element when the text starts with markup; `None` when it
/// does not.
fn markup_root(declared_xml: bool, rest: &str) -> Result<Option<Format>, SkipReason> {
    let mut rest = rest;
    if let Some(doctype) = strip_prefix_ignore_case(rest, "<!doctype") {
        let name = doctype
            .trim_start()
            .split(|c: char| !is_name_char(c))
            .next();
        if name.is_some_and(|n| n.eq_ignore_ascii_case("html")) {
            return Ok(Some(Format::Html));
        }
        let after = doctype_end(doctype).and_then(|i| doctype.get(i + 1..));
        rest = skip_prolog(after.unwrap_or_default()).1;
    }
    let name: String = match rest.strip_prefix('<') {
        Some(tag) => tag.chars().take_while(|&c| is_name_char(c)).collect(),
        None => String::new(),
    };
    if name.is_empty() {
        return if declared_xml {
            Err(no_root())
        } else {
            Ok(None)
        };
    }
    // Namespace prefixes ("<g2:newsMessage>") do not change the vocabulary.
    let local = name.rsplit(':').next().unwrap_or(&name);
    if local.eq_ignore_ascii_case("nitf") {
        return Ok(Some(Format::Nitf));
    }
    if local == "newsMessage" || local == "newsItem" {
        return Ok(Some(Format::NewsMl));
    }
    if HTML_ROOTS.iter().any(|h| local.eq_ignore_ascii_case(h)) {
        return Ok(Some(Format::Html));
    }
    Err(SkipReason::Malformed {
        format: "XML",
        message: format!("unknown XML root element <{name}>; expected NITF or NewsML-G2"),
    })
}

/// Where a doctype ends: the first `>` outside quotes and outside an internal subset
/// (`[ <!ENTITY a "x"> ... ]`), whose declarations end in `>` too.
fn doctype_end(doctype: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut in_subset = false;
    for (i, c) in doctype.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[') => in_subset = true,
            (None, ']') => in_subset = false,
            (None, '>') if !in_subset => return Some(i),
            _ => {}
        }
    }
    None
}

fn no_root() -> SkipReason {
    SkipReason::Malformed {
        format: "XML",
        message: "no root element at the start of the file".to_owned(),
    }
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, ':' | '_' | '-' | '.')
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

/// Every non-empty line starts with `{`: JSON Lines, even when a line turns out broken (the
/// parser then says which).
fn is_json_lines(text: &str) -> bool {
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .peekable();
    lines.peek().is_some() && lines.all(|l| l.starts_with('{'))
}

/// HTML that does not start with a tag: a page after some stray text, or pasted paragraphs
/// mostly made of tags.
fn looks_html(head: &str) -> bool {
    let lower = head.to_ascii_lowercase();
    if ["<!doctype html", "<html", "<body"]
        .iter()
        .any(|m| lower.contains(m))
    {
        return true;
    }
    if !["<p>", "<p ", "<div", "<br"]
        .iter()
        .any(|m| lower.contains(m))
    {
        return false;
    }
    let lines: Vec<&str> = lower
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let tagged = lines.iter().filter(|l| l.starts_with('<')).count();
    tagged * 2 >= lines.len()
}

/// Legacy wire text: lines ending in `<`, paragraph codes (0x19) at line starts, or a page
/// header between dashed lines.
fn looks_wire(head: &str) -> bool {
    let lines: Vec<&str> = head.lines().collect();
    let ends_lt = lines.iter().filter(|l| l.trim_end().ends_with('<')).count();
    let codes = lines.iter().filter(|l| l.starts_with('\u{19}')).count();
    ends_lt >= 3 || codes >= 2 || has_page_header(&lines)
}

/// A line of dashes next to a line with a time and a date ("11:44 12/07/99: Page 1 ...").
fn has_page_header(lines: &[&str]) -> bool {
    lines.windows(2).any(|pair| match pair {
        [a, b] => {
            (is_dash_line(b) && has_time_and_date(a)) || (is_dash_line(a) && has_time_and_date(b))
        }
        _ => false,
    })
}

/// A line made only of dashes, at least ten of them (wire page rules).
pub(super) fn is_dash_line(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 10 && t.bytes().all(|b| b == b'-')
}

fn has_time_and_date(line: &str) -> bool {
    line.contains(':') && line.contains('/') && line.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format_of(text: &str) -> Result<Format, SkipReason> {
        detect(text.as_bytes()).map(|(format, _)| format)
    }

    #[test]
    fn xml_roots_decide_between_nitf_and_newsml() {
        let nitf = "\u{feff}<?xml version=\"1.0\"?>\n<!-- fictional -->\n<!DOCTYPE nitf SYSTEM \
                    \"nitf.dtd\">\n<nitf><head/></nitf>";
        assert_eq!(format_of(nitf), Ok(Format::Nitf));
        assert_eq!(format_of("<newsMessage xmlns=\"x\"/>"), Ok(Format::NewsMl));
        assert_eq!(
            format_of("<?xml version='1.0'?><g2:newsItem/>"),
            Ok(Format::NewsMl)
        );
    }

    #[test]
    fn a_doctype_with_an_internal_subset_is_skipped_whole() {
        // Regression: the doctype was taken to end at the first `>`, inside the subset, so a
        // NITF file declaring entities was rejected with "no root element".
        let nitf = "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [\n  <!ENTITY a \"x>y]\">\n  \
                    <!ENTITY b '&a;&a;'>\n  <!ENTITY ext SYSTEM \"file:///etc/hosts\">\n]>\n\
                    <nitf><body/></nitf>";
        assert_eq!(format_of(nitf), Ok(Format::Nitf));
        let newsml = "<!DOCTYPE newsItem [<!ENTITY a \"b\">]><newsItem guid=\"g\"/>";
        assert_eq!(format_of(newsml), Ok(Format::NewsMl));
    }

    #[test]
    fn unknown_xml_is_malformed_with_the_root_named() {
        let err = format_of("<?xml version=\"1.0\"?><rss><channel/></rss>");
        let Err(SkipReason::Malformed { format, message }) = err else {
            panic!("an RSS file is not a story format we read: {err:?}");
        };
        assert_eq!(format, "XML");
        assert!(
            message.contains("<rss>"),
            "the message must name the root: {message}"
        );
        assert!(
            format_of("<catalogue><item/></catalogue>").is_err(),
            "no declaration"
        );
    }

    #[test]
    fn html_is_told_by_doctype_root_or_tag_structure() {
        assert_eq!(format_of("<!DOCTYPE html><p>x</p>"), Ok(Format::Html));
        assert_eq!(
            format_of("<?xml version=\"1.0\"?><html/>"),
            Ok(Format::Html)
        );
        assert_eq!(format_of("\n<HTML><BODY>x</BODY></HTML>"), Ok(Format::Html));
        assert_eq!(format_of("<p>One.</p>\n<p>Two.</p>"), Ok(Format::Html));
        let pasted = "Copied from the site:\n<div>\n<p>One.</p>\n<p>Two.</p>\n</div>";
        assert_eq!(
            format_of(pasted),
            Ok(Format::Html),
            "mostly tags after a stray line"
        );
        let prose = "The council voted 5-2.\nA <p> tag was quoted in the minutes.\nNo more.";
        assert_eq!(
            format_of(prose),
            Ok(Format::Plain),
            "one tag in prose is not HTML"
        );
    }

    #[test]
    fn json_lines_need_every_line_to_be_an_object() {
        assert_eq!(
            format_of("{\"body\":\"a\"}\n\n{\"body\":\"b\"}\n"),
            Ok(Format::JsonLines)
        );
        assert_eq!(
            format_of("{\"body\": broken"),
            Ok(Format::JsonLines),
            "jsonl reports it"
        );
        assert_eq!(format_of("{\"body\":\"a\"}\nthen prose"), Ok(Format::Plain));
    }

    #[test]
    fn legacy_wire_text_is_recognized() {
        let marks = "HEADLINE HERE<\n\u{19}By Ann Other, XY News<\n\u{19}First para.<\n";
        assert_eq!(format_of(marks), Ok(Format::Wire));
        let header = "  ----------------\n      09:15 03/04/01: Page 1 (HHH) TOWN Fair\n  \
                      ----------------\nTOWN FAIR OPENS\nThe fair opened.\n";
        assert_eq!(format_of(header), Ok(Format::Wire), "a dashed page header");
        assert_eq!(
            format_of("Just a story.\n\nWith a second paragraph."),
            Ok(Format::Plain)
        );
    }

    #[test]
    fn unusable_bytes_are_skipped_with_a_reason() {
        assert_eq!(format_of(" \n\t\n"), Err(SkipReason::Empty));
        assert_eq!(
            detect(&[0x1f, 0x8b, 8, 0]).err(),
            Some(SkipReason::Compressed("gzip"))
        );
        assert_eq!(
            detect(b"GIF89a\x00\x01\x00").err(),
            Some(SkipReason::Binary)
        );
    }

    #[test]
    fn a_huge_unclosed_comment_does_not_loop() {
        let text = format!("<!--{}", "x".repeat(10_000));
        assert_eq!(
            format_of(&text),
            Ok(Format::Plain),
            "nothing recognizable in the head"
        );
    }
}
