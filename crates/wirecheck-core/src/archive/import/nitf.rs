//! IPTC NITF (News Industry Text Format, any 3.x) stories.
//!
//! Also home of the small XML tree shared with the NewsML-G2 parser: quick-xml's streaming
//! reader fills a flat arena of nodes in document order, so every subtree is a contiguous range
//! and every query is a loop, never recursion. The DTD is never read: predefined entities and
//! character references are resolved, a few common named entities from the NITF DTD's ISO sets
//! are mapped, and any other entity (custom, external, "billion laughs") stays literal text
//! (`&name;`), so expansion cannot grow the input.

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use super::{NewStory, SkipReason};
use crate::archive::StoryFormat;
use crate::text::html::ParagraphBuilder;

const FORMAT: &str = "NITF";

/// Block elements of a NITF body: each is its own paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "hl2",
    "block",
    "media",
    "media-caption",
    "media-producer",
    "li",
    "bq",
    "pre",
    "fn",
    "table",
    "tr",
    "dl",
    "dt",
    "dd",
    "ol",
    "ul",
    "note",
    "tagline",
    "bibliography",
    "credit",
];

/// Body elements that hold no story text (binary media, metadata).
const SKIPPED: &[&str] = &[
    "media-object",
    "media-metadata",
    "media-reference",
    "classifier",
];

pub(crate) fn parse(text: &str, origin: &str) -> Result<Vec<NewStory>, SkipReason> {
    let doc = XmlDoc::parse(text, FORMAT)?;
    let root = XmlDoc::ROOT;
    let head = doc.child(root, "head");
    let body = doc.child(root, "body");
    let body_head = body.and_then(|b| doc.child(b, "body.head"));
    let docdata = head.and_then(|h| doc.child(h, "docdata"));
    let in_docdata = |name: &str| docdata.and_then(|d| doc.child(d, name));

    let mut paragraphs = ParagraphBuilder::default();
    for part in ["body.content", "body.end"] {
        if let Some(id) = body.and_then(|b| doc.child(b, part)) {
            doc.paragraphs(id, BLOCKS, SKIPPED, &mut paragraphs);
            paragraphs.end_paragraph();
        }
    }
    let text = paragraphs.finish();
    if text.is_empty() {
        return Err(SkipReason::Empty);
    }

    let headline = body_head
        .and_then(|h| doc.child(h, "hedline"))
        .and_then(|h| doc.child(h, "hl1"))
        .map(|h| doc.text(h))
        .filter(|t| !t.is_empty())
        .or_else(|| {
            head.and_then(|h| doc.child(h, "title"))
                .map(|t| doc.text(t))
        })
        .unwrap_or_default();
    let byline_el = body_head.and_then(|h| doc.child(h, "byline"));
    let byline = byline_el.and_then(|b| {
        // The byline title (byttl) is a role or an agency, not the writer's name.
        non_empty(doc.text_without(b, &["byttl"]))
            .or_else(|| doc.find(b, "person").and_then(|p| non_empty(doc.text(p))))
    });
    let dateline = body_head
        .and_then(|h| doc.child(h, "dateline"))
        .and_then(|d| non_empty(doc.text(d)));
    let agency = in_docdata("doc.copyright")
        .and_then(|c| doc.attr_non_empty(c, "holder"))
        .or_else(|| {
            in_docdata("doc.rights").and_then(|r| {
                doc.attr_non_empty(r, "provider")
                    .or_else(|| doc.attr_non_empty(r, "agent"))
            })
        })
        .or_else(|| {
            doc.find(root, "distributor")
                .and_then(|d| non_empty(doc.text(d)))
        })
        .or_else(|| {
            byline_el
                .and_then(|b| doc.child(b, "byttl"))
                .and_then(|t| non_empty(doc.text(t)))
        });
    let date_norm = |name: &str| {
        in_docdata(name)
            .and_then(|d| doc.attr_non_empty(d, "norm"))
            .map(|d| iso_extended(&d))
    };
    let published = date_norm("date.issue").or_else(|| date_norm("date.release"));
    let version_created = head
        .and_then(|h| doc.child(h, "pubdata"))
        .and_then(|p| doc.attr_non_empty(p, "date.publication"))
        .map(|d| iso_extended(&d))
        .or_else(|| date_norm("date.release"));
    let external_id = in_docdata("doc-id").and_then(|d| doc.attr_non_empty(d, "id-string"));

    Ok(vec![NewStory {
        headline,
        body: text,
        agency,
        byline,
        dateline,
        published,
        version_created,
        external_id,
        origin: origin.to_owned(),
        format: StoryFormat::Nitf,
    }])
}

fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// ISO 8601 basic form (`20260508T140300Z`, `20260508T140300+0000`, `20260508`) to extended
/// form (`2026-05-08T14:03:00Z`, `2026-05-08T14:03:00+00:00`, `2026-05-08`). Anything else,
/// extended forms included, is returned trimmed but unchanged.
pub(super) fn iso_extended(value: &str) -> String {
    let value = value.trim();
    convert_basic(value).unwrap_or_else(|| value.to_owned())
}

fn convert_basic(value: &str) -> Option<String> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let date = value.get(..8).filter(|d| digits(d))?;
    let mut out = format!("{}-{}-{}", date.get(..4)?, date.get(4..6)?, date.get(6..8)?);
    let rest = value.get(8..)?;
    if rest.is_empty() {
        return Some(out);
    }
    let rest = rest.strip_prefix('T')?;
    let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (time, zone) = rest.split_at(zone_at);
    let (clock, fraction) = time.split_once(['.', ',']).unwrap_or((time, ""));
    if !digits(clock) || !(fraction.is_empty() || digits(fraction)) {
        return None;
    }
    match clock.len() {
        4 => out.push_str(&format!("T{}:{}:00", clock.get(..2)?, clock.get(2..)?)),
        6 => out.push_str(&format!(
            "T{}:{}:{}",
            clock.get(..2)?,
            clock.get(2..4)?,
            clock.get(4..)?
        )),
        _ => return None,
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    match zone {
        "" => {}
        "Z" | "z" => out.push('Z'),
        _ => {
            let sign = zone.get(..1)?;
            let offset = zone.get(1..)?.replace(':', "");
            if !digits(&offset) {
                return None;
            }
            match offset.len() {
                2 => out.push_str(&format!("{sign}{offset}:00")),
                4 => out.push_str(&format!("{sign}{}:{}", offset.get(..2)?, offset.get(2..)?)),
                _ => return None,
            }
        }
    }
    Some(out)
}

/// A parsed XML document: nodes in document order, each knowing where its subtree ends.
pub(super) struct XmlDoc {
    nodes: Vec<XmlNode>,
}

struct XmlNode {
    kind: Kind,
    /// One past the last node of this node's subtree.
    end: usize,
}

enum Kind {
    Element {
        /// The local name, without namespace prefix.
        name: String,
        /// Attributes by local name, values unescaped.
        attrs: Vec<(String, String)>,
    },
    Text(String),
}

/// Named entities outside XML's five that NITF and NewsML files commonly use (declared by the
/// NITF DTD's ISO sets or copied from HTML). Anything else is left as literal text.
const COMMON_ENTITIES: &[(&str, &str)] = &[
    ("nbsp", "\u{a0}"),
    ("mdash", "\u{2014}"),
    ("ndash", "\u{2013}"),
    ("lsquo", "\u{2018}"),
    ("rsquo", "\u{2019}"),
    ("ldquo", "\u{201c}"),
    ("rdquo", "\u{201d}"),
    ("hellip", "\u{2026}"),
    ("bull", "\u{2022}"),
    ("euro", "\u{20ac}"),
    ("pound", "\u{a3}"),
    ("copy", "\u{a9}"),
    ("reg", "\u{ae}"),
    ("deg", "\u{b0}"),
    ("eacute", "\u{e9}"),
    ("egrave", "\u{e8}"),
    ("aacute", "\u{e1}"),
    ("agrave", "\u{e0}"),
    ("ccedil", "\u{e7}"),
    ("ntilde", "\u{f1}"),
    ("ouml", "\u{f6}"),
    ("uuml", "\u{fc}"),
    ("auml", "\u{e4}"),
];

fn resolve_entity(name: &str) -> Option<&'static str> {
    resolve_predefined_entity(name).or_else(|| {
        COMMON_ENTITIES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    })
}

impl XmlDoc {
    /// The root element's id.
    pub(super) const ROOT: usize = 0;

    /// Parses `text`; errors are `Malformed { format, .. }` with the line and column.
    pub(super) fn parse(text: &str, format: &'static str) -> Result<Self, SkipReason> {
        let malformed = |offset: u64, what: &str| SkipReason::Malformed {
            format,
            message: format!(
                "{} at {}",
                what.replace(['\n', '\r'], " "),
                position(text, offset)
            ),
        };
        let mut reader = Reader::from_str(text);
        let mut nodes: Vec<XmlNode> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        // Whether the last node is a text node that later text may extend.
        let mut text_open = false;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| malformed(reader.error_position(), &e.to_string()))?;
            let here = reader.buffer_position();
            match event {
                Event::Start(_) | Event::Empty(_) if open.is_empty() && !nodes.is_empty() => {
                    return Err(malformed(here, "a second root element"));
                }
                Event::Start(start) => {
                    nodes.push(element(&start).map_err(|m| malformed(here, &m))?);
                    open.push(nodes.len() - 1);
                    text_open = false;
                }
                Event::Empty(start) => {
                    let mut node = element(&start).map_err(|m| malformed(here, &m))?;
                    node.end = nodes.len() + 1;
                    nodes.push(node);
                    text_open = false;
                }
                Event::End(_) => {
                    text_open = false;
                    if let Some(id) = open.pop() {
                        let end = nodes.len();
                        if let Some(node) = nodes.get_mut(id) {
                            node.end = end;
                        }
                    }
                }
                Event::Text(t) => {
                    let content = t
                        .xml10_content()
                        .map_err(|e| malformed(here, &e.to_string()))?;
                    push_text(&mut nodes, &open, &mut text_open, &content)
                        .map_err(|m| malformed(here, m))?;
                }
                Event::CData(t) => {
                    let content = String::from_utf8_lossy(&t);
                    push_text(&mut nodes, &open, &mut text_open, &content)
                        .map_err(|m| malformed(here, m))?;
                }
                Event::GeneralRef(r) => {
                    let resolved = if r.is_char_ref() {
                        match r.resolve_char_ref() {
                            Ok(Some(c)) => c.to_string(),
                            _ => return Err(malformed(here, "invalid character reference")),
                        }
                    } else {
                        let name = r.decode().map_err(|e| malformed(here, &e.to_string()))?;
                        resolve_entity(&name).map_or_else(|| format!("&{name};"), str::to_owned)
                    };
                    push_text(&mut nodes, &open, &mut text_open, &resolved)
                        .map_err(|m| malformed(here, m))?;
                }
                Event::Eof => break,
                // The DTD is deliberately ignored: no custom entities, nothing fetched.
                Event::DocType(_) | Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            }
        }
        if let Some(&id) = open.last() {
            let name = nodes.get(id).map_or("", |n| match &n.kind {
                Kind::Element { name, .. } => name.as_str(),
                Kind::Text(_) => "",
            });
            return Err(malformed(text.len() as u64, &format!("unclosed <{name}>")));
        }
        if nodes.is_empty() {
            return Err(malformed(0, "no root element"));
        }
        Ok(XmlDoc { nodes })
    }

    fn name(&self, id: usize) -> Option<&str> {
        match &self.nodes.get(id)?.kind {
            Kind::Element { name, .. } => Some(name),
            Kind::Text(_) => None,
        }
    }

    fn end(&self, id: usize) -> usize {
        self.nodes.get(id).map_or(id, |n| n.end)
    }

    /// The local name of element `id`, or "" for text.
    pub(super) fn local_name(&self, id: usize) -> &str {
        self.name(id).unwrap_or("")
    }

    /// The element children of `id`, in order.
    pub(super) fn children(&self, id: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.end(id);
        let mut next = id + 1;
        std::iter::from_fn(move || {
            while next < end {
                let child = next;
                next = self.end(child).max(child + 1);
                if self.name(child).is_some() {
                    return Some(child);
                }
            }
            None
        })
    }

    /// The first element child of `id` with local name `name`.
    pub(super) fn child(&self, id: usize, name: &str) -> Option<usize> {
        self.children(id).find(|&c| self.name(c) == Some(name))
    }

    /// The first element below `id`, in document order, with local name `name`.
    pub(super) fn find(&self, id: usize, name: &str) -> Option<usize> {
        (id + 1..self.end(id)).find(|&n| self.name(n) == Some(name))
    }

    /// The unescaped value of attribute `name` (local name) of element `id`.
    pub(super) fn attr(&self, id: usize, name: &str) -> Option<&str> {
        match &self.nodes.get(id)?.kind {
            Kind::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str()),
            Kind::Text(_) => None,
        }
    }

    /// The attribute value, whitespace collapsed, if not empty.
    pub(super) fn attr_non_empty(&self, id: usize, name: &str) -> Option<String> {
        self.attr(id, name).map(collapse).filter(|v| !v.is_empty())
    }

    /// All text below `id` on one line, whitespace collapsed.
    pub(super) fn text(&self, id: usize) -> String {
        self.text_without(id, &[])
    }

    /// All text below `id` as found, whitespace kept.
    pub(super) fn raw_text(&self, id: usize) -> String {
        let mut out = String::new();
        for node in self.nodes.get(id + 1..self.end(id)).unwrap_or_default() {
            if let Kind::Text(t) = &node.kind {
                out.push_str(t);
            }
        }
        out
    }

    /// The elements named `name` that are not inside another one, in document order.
    pub(super) fn outermost(&self, name: &str) -> Vec<usize> {
        let mut found = Vec::new();
        let mut i = Self::ROOT;
        while i < self.nodes.len() {
            if self.name(i) == Some(name) {
                found.push(i);
                i = self.end(i).max(i + 1);
            } else {
                i += 1;
            }
        }
        found
    }

    /// All text below `id` except inside elements named in `skip`, whitespace collapsed.
    /// Child elements are separate fields ("<city>ROTTERDAM</city><country>Netherlands
    /// </country>"), so a space stands where one starts or ends.
    pub(super) fn text_without(&self, id: usize, skip: &[&str]) -> String {
        let mut out = String::new();
        let end = self.end(id);
        let mut open_ends: Vec<usize> = Vec::new();
        let mut i = id + 1;
        while i < end {
            while open_ends.last().is_some_and(|&e| e <= i) {
                open_ends.pop();
                out.push(' ');
            }
            let Some(node) = self.nodes.get(i) else { break };
            match &node.kind {
                Kind::Text(t) => out.push_str(t),
                Kind::Element { name, .. } if skip.contains(&name.as_str()) => {
                    i = node.end.max(i + 1);
                    continue;
                }
                Kind::Element { .. } => {
                    out.push(' ');
                    open_ends.push(node.end);
                }
            }
            i += 1;
        }
        // The separator must not stand before punctuation: "PORT FENNICK</location>, May 8".
        let mut text = collapse(&out);
        for mark in [",", ".", ";", ":", ")"] {
            text = text.replace(&format!(" {mark}"), mark);
        }
        text
    }

    /// Adds the text below `id` to `out`, one paragraph per element named in `blocks`, `<br>`
    /// as a line break, leaving out elements named in `skip` and their content.
    pub(super) fn paragraphs(
        &self,
        id: usize,
        blocks: &[&str],
        skip: &[&str],
        out: &mut ParagraphBuilder,
    ) {
        let end = self.end(id);
        let mut open_blocks: Vec<usize> = Vec::new(); // subtree ends of open block elements
        let mut i = id + 1;
        while i < end {
            while open_blocks.last().is_some_and(|&e| e <= i) {
                open_blocks.pop();
                out.end_paragraph();
            }
            let Some(node) = self.nodes.get(i) else { break };
            match &node.kind {
                Kind::Text(t) => out.push_text(t),
                Kind::Element { name, .. } if skip.contains(&name.as_str()) => {
                    i = node.end.max(i + 1);
                    continue;
                }
                Kind::Element { name, .. } if name == "br" => out.line_break(),
                Kind::Element { name, .. } if blocks.contains(&name.as_str()) => {
                    out.end_paragraph();
                    open_blocks.push(node.end);
                }
                Kind::Element { name, .. } if name == "td" || name == "th" => out.space(),
                Kind::Element { .. } => {}
            }
            i += 1;
        }
        out.end_paragraph();
    }
}

fn element(start: &BytesStart<'_>) -> Result<XmlNode, String> {
    let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| e.to_string())?;
        let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
        let value = match attr.unescape_value_with(resolve_entity) {
            Ok(v) => v.into_owned(),
            // An unknown entity in an attribute: keep the raw value rather than reject the file.
            Err(_) => String::from_utf8_lossy(&attr.value).into_owned(),
        };
        attrs.push((key, value));
    }
    Ok(XmlNode {
        kind: Kind::Element { name, attrs },
        end: 0,
    })
}

/// Adds text to the open element, merging with a preceding text node.
fn push_text(
    nodes: &mut Vec<XmlNode>,
    open: &[usize],
    text_open: &mut bool,
    text: &str,
) -> Result<(), &'static str> {
    if open.is_empty() {
        if text.trim().is_empty() {
            return Ok(());
        }
        return Err("text outside the root element");
    }
    if *text_open
        && let Some(XmlNode {
            kind: Kind::Text(last),
            ..
        }) = nodes.last_mut()
    {
        last.push_str(text);
        return Ok(());
    }
    *text_open = true;
    let end = nodes.len() + 1;
    nodes.push(XmlNode {
        kind: Kind::Text(text.to_owned()),
        end,
    });
    Ok(())
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "line L, column C" (1-based, columns in characters) of a byte offset into `text`.
fn position(text: &str, offset: u64) -> String {
    let offset = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(text.len());
    let mut cut = offset;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = text.get(..cut).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    format!("line {line}, column {column}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "nitf-3-5.dtd">
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.5//EN">
  <head>
    <title>Lighthouse keepers strike (fallback title)</title>
    <docdata>
      <doc-id id-string="NWS-2026-0508-0042"/>
      <date.issue norm="20260508T140300Z"/>
      <date.release norm="20260508T141500+0100"/>
      <doc.copyright year="2026" holder="Northwind News Service"/>
    </docdata>
    <pubdata type="web" date.publication="20260508T150000Z"/>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Lighthouse keepers strike over &amp; pay</hl1></hedline>
      <byline>By <person>Ines Varga</person><byttl>Northwind correspondent</byttl></byline>
      <dateline><location>PORT FENNICK</location>, <story.date norm="20260508">May 8</story.date></dateline>
    </body.head>
    <body.content>
      <p>Lighthouse keepers on the Fennick coast walked out on Friday, the union said.</p>
      <p>&#8220;We keep the lights on,&#8221; said keeper Oda Rask. &#8220;It&#8217;s time
         we were paid for it.&rdquo;</p>
      <media media-type="image">
        <media-reference source="lamp.jpg" mime-type="image/jpeg"/>
        <media-object encoding="base64">AAAABBBBCCCC</media-object>
        <media-caption>The Fennick Point lamp at dusk.</media-caption>
        <media-producer>Photo: Northwind/Tova Lind</media-producer>
      </media>
      <block><hl2>Talks</hl2><p>Talks resume on Monday.</p></block>
    </body.content>
    <body.end><tagline>(Reporting by Ines Varga; Editing by Bo Kell)</tagline></body.end>
  </body>
</nitf>"#;

    #[test]
    fn reads_story_and_metadata() {
        let stories = parse(STORY, "in/nws.xml").unwrap();
        assert_eq!(stories.len(), 1);
        let s = &stories[0];
        assert_eq!(s.headline, "Lighthouse keepers strike over & pay");
        assert_eq!(s.byline.as_deref(), Some("By Ines Varga"));
        assert_eq!(s.dateline.as_deref(), Some("PORT FENNICK, May 8"));
        assert_eq!(
            s.agency.as_deref(),
            Some("Northwind News Service"),
            "doc.copyright@holder"
        );
        assert_eq!(
            s.published.as_deref(),
            Some("2026-05-08T14:03:00Z"),
            "date.issue, extended form"
        );
        assert_eq!(
            s.version_created.as_deref(),
            Some("2026-05-08T15:00:00Z"),
            "pubdata date.publication"
        );
        assert_eq!(s.external_id.as_deref(), Some("NWS-2026-0508-0042"));
        assert_eq!(s.format, StoryFormat::Nitf);
        assert_eq!(s.origin, "in/nws.xml");
        assert_eq!(
            s.body,
            "Lighthouse keepers on the Fennick coast walked out on Friday, the union said.\n\n\
             \u{201c}We keep the lights on,\u{201d} said keeper Oda Rask. \u{201c}It\u{2019}s time \
             we were paid for it.\u{201d}\n\n\
             The Fennick Point lamp at dusk.\n\nPhoto: Northwind/Tova Lind\n\n\
             Talks\n\nTalks resume on Monday.\n\n\
             (Reporting by Ines Varga; Editing by Bo Kell)",
            "paragraphs, captions apart, base64 media dropped, tagline kept"
        );
    }

    #[test]
    fn falls_back_for_agency_dates_and_headline() {
        let doc = r#"<nitf><head><title>Ferry fares rise</title><docdata>
            <doc.rights provider="Gullwire" agent="Someone Else"/>
            <date.release norm="20260101T0900-0500"/></docdata></head>
            <body><body.content><p>Fares rise.</p></body.content></body></nitf>"#;
        let s = &parse(doc, "f.xml").unwrap()[0];
        assert_eq!(s.headline, "Ferry fares rise", "head/title without hl1");
        assert_eq!(s.agency.as_deref(), Some("Gullwire"), "doc.rights@provider");
        assert_eq!(s.published.as_deref(), Some("2026-01-01T09:00:00-05:00"));
        assert_eq!(
            s.version_created.as_deref(),
            Some("2026-01-01T09:00:00-05:00")
        );
        assert_eq!(s.byline, None);
        assert_eq!(s.external_id, None);
    }

    #[test]
    fn distributor_then_byttl_as_agency() {
        let doc = r#"<nitf><head/><body><body.head><byline>Lu Ren<byttl>Gullwire</byttl></byline>
            </body.head><body.content><p>Text.</p></body.content></body></nitf>"#;
        assert_eq!(
            parse(doc, "a").unwrap()[0].agency.as_deref(),
            Some("Gullwire")
        );
        let doc = r#"<nitf><head><docdata/></head><body><body.head><distributor>Seawire</distributor>
            </body.head><body.content><p>Text.</p></body.content></body></nitf>"#;
        assert_eq!(
            parse(doc, "a").unwrap()[0].agency.as_deref(),
            Some("Seawire")
        );
    }

    #[test]
    fn converts_basic_dates() {
        for (basic, extended) in [
            ("20260508T140300Z", "2026-05-08T14:03:00Z"),
            ("20260508T140300+0000", "2026-05-08T14:03:00+00:00"),
            ("20260508T140300-0330", "2026-05-08T14:03:00-03:30"),
            ("20260508T1403+02", "2026-05-08T14:03:00+02:00"),
            ("20260508T140300.25Z", "2026-05-08T14:03:00.25Z"),
            ("20260508T140300", "2026-05-08T14:03:00"),
            ("20260508", "2026-05-08"),
            (" 2026-05-08T14:03:00Z ", "2026-05-08T14:03:00Z"),
            ("May 8, 2026", "May 8, 2026"),
            ("20260508T14", "20260508T14"),
            ("2026050", "2026050"),
            ("20260508T140300+00:00", "2026-05-08T14:03:00+00:00"),
            ("20260508T1403é", "20260508T1403é"),
        ] {
            assert_eq!(iso_extended(basic), extended, "converting {basic:?}");
        }
    }

    #[test]
    fn malformed_xml_is_reported_with_position() {
        for (doc, why) in [
            (
                "<nitf><body><body.content><p>Text</body.content></body></nitf>",
                "mismatched end tag",
            ),
            ("<nitf><body><body.content><p>Text</p>", "unclosed tags"),
            ("just some words, not XML", "no root element"),
            ("<nitf><<<>>>", "garbage"),
            ("<nitf/><nitf/>", "two roots"),
            ("<nitf><p>&#0;</p></nitf>", "bad character reference"),
        ] {
            match parse(doc, "bad.xml") {
                Err(SkipReason::Malformed { format, message }) => {
                    assert_eq!(format, "NITF");
                    assert!(
                        message.contains("line 1, column"),
                        "{why}: position in {message:?}"
                    );
                    assert!(!message.contains('\n'), "{why}: one line");
                }
                other => panic!("{why}: expected Malformed, got {other:?}"),
            }
        }
    }

    #[test]
    fn position_counts_lines() {
        match parse("<nitf>\n<body>\n</nitf>", "x") {
            Err(SkipReason::Malformed { message, .. }) => {
                assert!(message.contains("line 3"), "{message}");
            }
            other => panic!("expected Malformed, got {other:?}"),
        }
    }

    #[test]
    fn no_body_text_is_empty() {
        let doc = r#"<nitf><head><title>Only a title</title></head><body><body.content>
            <media><media-object>AAAA</media-object></media></body.content></body></nitf>"#;
        assert_eq!(parse(doc, "e.xml"), Err(SkipReason::Empty));
    }

    #[test]
    fn billion_laughs_stays_literal_and_linear() {
        let mut dtd = String::from("<!DOCTYPE nitf [\n<!ENTITY lol \"lol\">\n");
        for i in 1..10 {
            let prev = if i == 1 {
                "lol".to_owned()
            } else {
                format!("lol{}", i - 1)
            };
            dtd.push_str(&format!(
                "<!ENTITY lol{i} \"{}\">\n",
                format!("&{prev};").repeat(10)
            ));
        }
        dtd.push_str("<!ENTITY ext SYSTEM \"file:///etc/passwd\">\n]>\n");
        let doc = format!(
            "{dtd}<nitf><body><body.content><p>Laugh: &lol9; &ext;</p></body.content></body></nitf>"
        );
        let s = &parse(&doc, "lol.xml").unwrap()[0];
        assert_eq!(
            s.body, "Laugh: &lol9; &ext;",
            "custom and external entities are never expanded"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let n = 100_000;
        let doc = format!(
            "<nitf><body><body.content>{}deep{}</body.content></body></nitf>",
            "<p>".repeat(n),
            "</p>".repeat(n)
        );
        assert_eq!(parse(&doc, "deep.xml").unwrap()[0].body, "deep");
    }

    #[test]
    fn tree_children_skip_text_and_nested_elements() {
        let doc = XmlDoc::parse("<a>x<b><c/>y</b>z<d/></a>", FORMAT).unwrap();
        let names: Vec<_> = doc
            .children(XmlDoc::ROOT)
            .map(|c| doc.local_name(c))
            .collect();
        assert_eq!(names, ["b", "d"]);
        assert_eq!(
            doc.text(XmlDoc::ROOT),
            "x y z",
            "child elements are separate fields"
        );
        let b = doc.child(XmlDoc::ROOT, "b").unwrap();
        assert_eq!(doc.text(b), "y", "text after </b> is not b's");
    }
}
