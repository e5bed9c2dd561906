//! Reads the Reuters-21578 SGML files (`reut2-0NN.sgm`) into stories.
//!
//! The files are not well-formed XML (unescaped `&` in places, control characters as numeric
//! entities), so this is a small tolerant scanner rather than an XML parser: it looks for the
//! few tags it needs inside each `<REUTERS ...>` element and ignores everything else. Bytes are
//! read as Latin-1, which maps every byte to a character, so no input can make it fail.

use std::path::Path;

use crate::{Error, Result};

/// Bodies with fewer words than this are skipped: one-line notices ("Shr 12 cts vs 10 cts")
/// are not stories anyone republishes.
pub const MIN_BODY_WORDS: usize = 40;
/// The files of the distribution that hold stories.
const MAX_FILES: usize = 64;
/// An SGML file larger than this is not part of Reuters-21578 (the real files are ~1.3 MB).
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One Reuters story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceStory {
    /// `NEWID` of the `<REUTERS>` element.
    pub newid: u32,
    /// The headline (`<TITLE>`), may be empty.
    pub title: String,
    /// The dateline (`<DATELINE>`), trimmed, may be empty.
    pub dateline: String,
    /// The date as ISO 8601 (`1987-02-26T15:01:01Z`) when it could be read.
    pub date: Option<String>,
    /// The body's paragraphs, whitespace collapsed, without the closing "Reuter".
    pub paragraphs: Vec<String>,
}

impl SourceStory {
    /// Words in the body.
    pub fn words(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum()
    }

    /// The body, paragraphs separated by a blank line.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Reads every `reut2-*.sgm` file of `dir`, in name order.
pub fn load_dir(dir: &Path) -> Result<Vec<SourceStory>> {
    let io = |e| Error::io(dir, e);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("reut2-") && n.ends_with(".sgm"))
        })
        .collect();
    files.sort();
    files.truncate(MAX_FILES);
    if files.is_empty() {
        return Err(Error::Invalid(format!(
            "no reut2-*.sgm files in {}: not the Reuters-21578 folder",
            dir.display()
        )));
    }
    let mut stories = Vec::new();
    for path in files {
        let size = std::fs::metadata(&path)
            .map_err(|e| Error::io(&path, e))?
            .len();
        if size > MAX_FILE_BYTES {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        stories.extend(parse_sgml(&bytes));
    }
    Ok(stories)
}

/// The stories of one SGML file; elements without a usable body are skipped.
pub fn parse_sgml(bytes: &[u8]) -> Vec<SourceStory> {
    // Latin-1: every byte is the code point of the same value.
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    let mut stories = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("<REUTERS") {
        let element = &rest[start..];
        let end = element.find("</REUTERS>").unwrap_or(element.len());
        if let Some(story) = parse_element(&element[..end]) {
            stories.push(story);
        }
        // `<REUTERS` is 8 bytes of ASCII: always a char boundary.
        rest = &element[end.max(8)..];
    }
    stories
}

fn parse_element(element: &str) -> Option<SourceStory> {
    let open_tag = &element[..element.find('>')?];
    let newid = attribute(open_tag, "NEWID")?.parse().ok()?;
    let body_raw = inner(element, "BODY")?;
    let paragraphs = paragraphs(body_raw);
    let story = SourceStory {
        newid,
        title: clean(&unescape(inner(element, "TITLE").unwrap_or(""))),
        dateline: clean(&unescape(inner(element, "DATELINE").unwrap_or(""))),
        date: inner(element, "DATE").and_then(iso_date),
        paragraphs,
    };
    (story.words() >= MIN_BODY_WORDS).then_some(story)
}

/// The value of `name="..."` in a start tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let value = &tag[at..];
    Some(&value[..value.find('"')?])
}

/// The text between `<TAG>` and `</TAG>`.
fn inner<'a>(element: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let start = element.find(&open)? + open.len();
    let rest = &element[start..];
    Some(&rest[..rest.find(&format!("</{tag}>")).unwrap_or(rest.len())])
}

/// Splits a raw body at the `&\t` paragraph marks, unescapes each paragraph and drops the
/// closing "Reuter" signature.
fn paragraphs(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = raw
        .split("&\\t")
        .map(|p| clean(&unescape(p)))
        .filter(|p| !p.is_empty())
        .collect();
    if let Some(last) = out.last_mut() {
        let trimmed = last.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
        for signature in ["Reuter", "REUTER"] {
            if let Some(kept) = trimmed.strip_suffix(signature) {
                *last = kept.trim_end().to_string();
                break;
            }
        }
        if last.is_empty() {
            out.pop();
        }
    }
    out
}

/// Replaces the entities of the corpus; numeric entities below 32 (and DEL) are control
/// codes of the wire feed and are dropped, like raw control characters.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        // Entities are short; a `&` with no `;` close by is a literal ampersand.
        let end = after.char_indices().take(10).find(|&(_, c)| c == ';');
        let replaced = end.and_then(|(end, _)| entity(&after[1..end]).map(|c| (c, end + 1)));
        match replaced {
            Some((c, len)) => {
                out.extend(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out.retain(|c| !c.is_control() || c.is_whitespace());
    out
}

/// The character an entity stands for; `Some(None)` for a dropped control code.
fn entity(name: &str) -> Option<Option<char>> {
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let code: u32 = name.strip_prefix('#')?.parse().ok()?;
            char::from_u32(code)?
        }
    };
    Some((!c.is_control()).then_some(c))
}

/// Collapses runs of whitespace (line breaks of the fixed-width feed) into single spaces.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `26-FEB-1987 15:01:01.79` as `1987-02-26T15:01:01Z`.
fn iso_date(raw: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    let mut parts = raw.split_whitespace();
    let (date, time) = (parts.next()?, parts.next().unwrap_or("00:00:00"));
    let mut fields = date.split('-');
    let day: u32 = fields.next()?.parse().ok()?;
    let month = fields.next()?.to_ascii_uppercase();
    let month = MONTHS.iter().position(|m| *m == month)? + 1;
    let year: u32 = fields.next()?.parse().ok()?;
    let hms: Vec<u32> = time
        .split(['.', ':'])
        .take(3)
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    let (h, m, s) = match hms.as_slice() {
        [h, m, s] => (*h, *m, *s),
        _ => (0, 0, 0),
    };
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        h.min(23),
        m.min(59),
        s.min(59)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fictional story in the layout of the corpus.
    const ONE: &str = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n\
<REUTERS TOPICS=\"YES\" NEWID=\"17\">\n<DATE> 3-MAR-1987 09:05:44.12</DATE>\n\
<UNKNOWN>&#5;&#5;&#5;F\n&#22;&#22;&#1;f0001&#31;reute</UNKNOWN>\n<TEXT>&#2;\n\
<TITLE>LUMBERTON MILL &lt;LMB&gt; RAISES OUTPUT</TITLE>\n\
<DATELINE>    LUMBERTON, March 3 - </DATELINE><BODY>Lumberton Paper &amp; Board said its\n\
northern mill will raise output by twelve pct after the river level returned\n\
to normal for the season.\n\
&\\tThe company said the mill had run at half speed since January because the\n\
barges that carry its pulp could not pass the lower lock at the old ford.\n\
&\\tA spokesman said no jobs were lost and that the night shift would resume on Monday\n\
as planned by the board.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n";

    #[test]
    fn reads_title_dateline_date_and_paragraphs() {
        let stories = parse_sgml(ONE.as_bytes());
        assert_eq!(stories.len(), 1);
        let s = &stories[0];
        assert_eq!(s.newid, 17);
        assert_eq!(
            s.title, "LUMBERTON MILL <LMB> RAISES OUTPUT",
            "entities unescaped"
        );
        assert_eq!(s.dateline, "LUMBERTON, March 3 -");
        assert_eq!(s.date.as_deref(), Some("1987-03-03T09:05:44Z"));
        assert_eq!(s.paragraphs.len(), 3, "`&\\t` starts a paragraph");
        assert!(s.paragraphs[0].starts_with("Lumberton Paper & Board said its northern"));
        assert!(
            s.paragraphs[2].ends_with("by the board."),
            "the closing Reuter and its control byte are dropped: {:?}",
            s.paragraphs[2]
        );
        assert!(!s.body().contains('\u{3}'));
    }

    #[test]
    fn skips_missing_and_tiny_bodies() {
        let no_body =
            "<REUTERS NEWID=\"1\"><TEXT TYPE=\"BRIEF\"><TITLE>BRIEF NOTE</TITLE></TEXT></REUTERS>";
        let tiny = "<REUTERS NEWID=\"2\"><TEXT><BODY>Shr two cts vs one ct.\n Reuter\n&#3;</BODY></TEXT></REUTERS>";
        let text = format!("{no_body}\n{tiny}\n{ONE}");
        let ids: Vec<u32> = parse_sgml(text.as_bytes())
            .iter()
            .map(|s| s.newid)
            .collect();
        assert_eq!(ids, vec![17], "only the story with a real body is kept");
    }

    #[test]
    fn odd_bytes_and_truncated_markup_never_panic() {
        let mut bytes = ONE.as_bytes().to_vec();
        bytes.extend_from_slice(b"\xff\xfe\x80<REUTERS NEWID=\"9\"><BODY>&#99999999; &#; &amp");
        bytes.extend_from_slice(&[0xe9, b'&', 0xc3]);
        let stories = parse_sgml(&bytes);
        assert_eq!(stories.len(), 1, "the broken tail is skipped, not fatal");
        let latin = parse_sgml(
            format!(
                "<REUTERS NEWID=\"3\"><BODY>Caf\u{e9} {}</BODY>",
                "word ".repeat(50)
            )
            .as_bytes(),
        );
        assert_eq!(latin.len(), 1);
        // The UTF-8 bytes of é read as Latin-1 give two characters; what matters is no panic.
        assert!(latin[0].paragraphs[0].starts_with("Caf"));
        for cut in 0..ONE.len() {
            let _ = parse_sgml(&ONE.as_bytes()[..cut]);
        }
    }

    #[test]
    fn an_ampersand_that_is_not_an_entity_stays() {
        assert_eq!(unescape("A&B said &lt;x&gt; & co;"), "A&B said <x> & co;");
        assert_eq!(unescape("bell&#7;end&#127;"), "bellend");
    }
}
