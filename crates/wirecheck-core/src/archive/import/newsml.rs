//! IPTC NewsML-G2 news items: a `newsMessage` whose `itemSet` holds one or more `newsItem`s
//! (one story each), or a bare `newsItem`. Elements are matched on local names, so any
//! namespace prefix works. Parsing and entity handling are shared with NITF ([`XmlDoc`]).

use super::nitf::{XmlDoc, iso_extended};
use super::{NewStory, SkipReason};
use crate::archive::StoryFormat;
use crate::text::html::ParagraphBuilder;
// XHTML elements of an `inlineXML` body end paragraphs as they do in HTML pages.
use crate::text::html::BLOCK_TAGS as BLOCKS;

const FORMAT: &str = "NewsML-G2";

/// XHTML elements whose content is not story text.
const SKIPPED: &[&str] = &["head", "script", "style", "object", "embed", "svg", "math"];

pub(crate) fn parse(text: &str, origin: &str) -> Result<Vec<NewStory>, SkipReason> {
    let doc = XmlDoc::parse(text, FORMAT)?;
    let stories: Vec<NewStory> = doc
        .outermost("newsItem")
        .into_iter()
        .filter_map(|item| story(&doc, item, origin))
        .collect();
    if stories.is_empty() {
        return Err(SkipReason::Empty);
    }
    Ok(stories)
}

/// The story of one `newsItem`; `None` when it has no body text.
fn story(doc: &XmlDoc, item: usize, origin: &str) -> Option<NewStory> {
    let body = body_text(doc, item);
    if body.is_empty() {
        return None;
    }
    let meta = doc.child(item, "itemMeta");
    let content = doc.child(item, "contentMeta");
    let meta_text = |name: &str| {
        meta.and_then(|m| doc.child(m, name))
            .map(|e| doc.text(e))
            .filter(|t| !t.is_empty())
    };
    let content_text = |name: &str| {
        content
            .and_then(|c| doc.child(c, name))
            .map(|e| doc.text(e))
            .filter(|t| !t.is_empty())
    };
    let provider = meta.and_then(|m| doc.child(m, "provider")).and_then(|p| {
        doc.attr_non_empty(p, "literal")
            .or_else(|| doc.attr_non_empty(p, "qcode").map(|q| strip_scheme(&q)))
            .or_else(|| doc.child(p, "name").map(|n| doc.text(n)))
            .filter(|a| !a.is_empty())
    });
    let dateline = content_text("dateline").or_else(|| {
        content
            .and_then(|c| doc.child(c, "located"))
            .and_then(|l| doc.child(l, "name"))
            .map(|n| doc.text(n))
            .filter(|t| !t.is_empty())
    });
    Some(NewStory {
        headline: content.map(|c| headline(doc, c)).unwrap_or_default(),
        body,
        agency: provider.or_else(|| content_text("creditline")),
        byline: content_text("by"),
        dateline,
        published: meta_text("firstCreated").map(|d| iso_extended(&d)),
        version_created: meta_text("versionCreated").map(|d| iso_extended(&d)),
        external_id: doc.attr_non_empty(item, "guid"),
        origin: origin.to_owned(),
        format: StoryFormat::NewsMl,
    })
}

/// The main headline: the first without a role or with a "main" role, else the first.
fn headline(doc: &XmlDoc, content_meta: usize) -> String {
    let mut first = None;
    for h in doc
        .children(content_meta)
        .filter(|&c| doc.local_name(c) == "headline")
    {
        let role = doc.attr(h, "role").unwrap_or("main");
        if role.ends_with("main") {
            return doc.text(h);
        }
        first.get_or_insert(h);
    }
    first.map(|h| doc.text(h)).unwrap_or_default()
}

/// "nprov:REUTERS" -> "REUTERS".
fn strip_scheme(qcode: &str) -> String {
    qcode
        .split_once(':')
        .map_or(qcode, |(_, code)| code)
        .trim()
        .to_owned()
}

/// The text of the first `inlineXML` (XHTML) or `inlineData` (plain text) with any text.
fn body_text(doc: &XmlDoc, item: usize) -> String {
    let Some(content_set) = doc.child(item, "contentSet") else {
        return String::new();
    };
    for part in doc.children(content_set) {
        let text = match doc.local_name(part) {
            "inlineXML" => {
                let root = doc.find(part, "body").unwrap_or(part);
                let mut out = ParagraphBuilder::default();
                doc.paragraphs(root, BLOCKS, SKIPPED, &mut out);
                out.finish()
            }
            "inlineData" => plain_paragraphs(&doc.raw_text(part)),
            _ => continue,
        };
        if !text.is_empty() {
            return text;
        }
    }
    String::new()
}

/// Plain text split into paragraphs at blank lines, whitespace collapsed within each.
fn plain_paragraphs(text: &str) -> String {
    let mut out = ParagraphBuilder::default();
    for line in text.lines() {
        if line.trim().is_empty() {
            out.end_paragraph();
        } else {
            out.push_text(line);
            out.space();
        }
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MESSAGE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:h="http://www.w3.org/1999/xhtml">
  <header><sent>2026-05-08T14:05:00Z</sent></header>
  <itemSet>
    <newsItem guid="urn:newsml:gullwire.example:20260508:GW-101" version="2" standard="NewsML-G2" standardversion="2.33">
      <itemMeta>
        <itemClass qcode="ninat:text"/>
        <provider qcode="nprov:GULLWIRE"/>
        <versionCreated>2026-05-08T14:10:00Z</versionCreated>
        <firstCreated>20260508T140300Z</firstCreated>
      </itemMeta>
      <contentMeta>
        <located qcode="geo:1"><name>Port Fennick</name></located>
        <creditline>Not used: provider wins</creditline>
        <by>By Ines Varga</by>
        <headline role="hld:sub">Keepers want more</headline>
        <headline role="hld:main">Keepers strike &amp; lamps dim</headline>
      </contentMeta>
      <contentSet>
        <inlineXML contenttype="application/xhtml+xml">
          <h:html><h:head><h:title>ignored head</h:title></h:head>
          <h:body>
            <h:p>PORT FENNICK, May 8 (Gullwire) - Lighthouse keepers walked out.</h:p>
            <h:p>&#8220;It&#8217;s about pay,&#8221; one keeper said.<h:br/>Talks resume Monday.</h:p>
            <h:script>track()</h:script>
          </h:body></h:html>
        </inlineXML>
      </contentSet>
    </newsItem>
    <newsItem guid="urn:newsml:gullwire.example:20260508:GW-102">
      <itemMeta><provider literal="Gullwire Photo Desk"/></itemMeta>
      <contentMeta>
        <headline>Tide table</headline>
        <dateline>SALT HARBOUR, May 8</dateline>
      </contentMeta>
      <contentSet><inlineData contenttype="text/plain">High tide at 06:12.
  Low tide at 12:30.

Second   paragraph.</inlineData></contentSet>
    </newsItem>
    <newsItem guid="urn:no-body"><contentSet/></newsItem>
  </itemSet>
</newsMessage>"#;

    #[test]
    fn one_story_per_item_with_text() {
        let stories = parse(MESSAGE, "feed.xml").unwrap();
        assert_eq!(stories.len(), 2, "the item without a body is left out");

        let a = &stories[0];
        assert_eq!(
            a.external_id.as_deref(),
            Some("urn:newsml:gullwire.example:20260508:GW-101")
        );
        assert_eq!(
            a.agency.as_deref(),
            Some("GULLWIRE"),
            "provider qcode without scheme"
        );
        assert_eq!(
            a.published.as_deref(),
            Some("2026-05-08T14:03:00Z"),
            "firstCreated, extended"
        );
        assert_eq!(a.version_created.as_deref(), Some("2026-05-08T14:10:00Z"));
        assert_eq!(
            a.headline, "Keepers strike & lamps dim",
            "the main headline"
        );
        assert_eq!(a.byline.as_deref(), Some("By Ines Varga"));
        assert_eq!(
            a.dateline.as_deref(),
            Some("Port Fennick"),
            "located/name without dateline"
        );
        assert_eq!(
            a.body,
            "PORT FENNICK, May 8 (Gullwire) - Lighthouse keepers walked out.\n\n\
             \u{201c}It\u{2019}s about pay,\u{201d} one keeper said.\nTalks resume Monday.",
            "XHTML paragraphs, br as a line break, head and script dropped"
        );
        assert_eq!(a.format, StoryFormat::NewsMl);
        assert_eq!(a.origin, "feed.xml");

        let b = &stories[1];
        assert_eq!(
            b.agency.as_deref(),
            Some("Gullwire Photo Desk"),
            "provider literal"
        );
        assert_eq!(b.dateline.as_deref(), Some("SALT HARBOUR, May 8"));
        assert_eq!(
            b.body,
            "High tide at 06:12. Low tide at 12:30.\n\nSecond paragraph."
        );
        assert_eq!(b.published, None);
    }

    #[test]
    fn bare_news_item_with_prefixes_and_creditline() {
        let doc = r#"<g2:newsItem xmlns:g2="http://iptc.org/std/nar/2006-10-01/" guid="tag:x,2026:1">
            <g2:itemMeta><g2:provider><g2:name>  </g2:name></g2:provider></g2:itemMeta>
            <g2:contentMeta><g2:creditline>Seawire</g2:creditline><g2:headline>Gale warning</g2:headline></g2:contentMeta>
            <g2:contentSet><g2:inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body>
              <p>A gale is expected.</p></body></html></g2:inlineXML></g2:contentSet>
            </g2:newsItem>"#;
        let stories = parse(doc, "one.xml").unwrap();
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].headline, "Gale warning");
        assert_eq!(
            stories[0].agency.as_deref(),
            Some("Seawire"),
            "creditline when provider is empty"
        );
        assert_eq!(stories[0].body, "A gale is expected.");
        assert_eq!(stories[0].external_id.as_deref(), Some("tag:x,2026:1"));
    }

    #[test]
    fn message_without_text_is_empty() {
        let doc = r#"<newsMessage><itemSet><newsItem guid="a"><contentSet>
            <inlineXML><html><body>  </body></html></inlineXML></contentSet></newsItem></itemSet></newsMessage>"#;
        assert_eq!(parse(doc, "e.xml"), Err(SkipReason::Empty));
        assert_eq!(parse("<newsMessage/>", "e.xml"), Err(SkipReason::Empty));
    }

    #[test]
    fn malformed_is_reported_as_newsml() {
        let doc = "<newsMessage><itemSet><newsItem></itemSet></newsMessage>";
        match parse(doc, "bad.xml") {
            Err(SkipReason::Malformed { format, message }) => {
                assert_eq!(format, "NewsML-G2");
                assert!(message.contains("line 1"), "{message}");
            }
            other => panic!("expected Malformed, got {other:?}"),
        }
    }

    #[test]
    fn billion_laughs_in_newsml_stays_literal() {
        let doc = r#"<!DOCTYPE newsItem [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <newsItem guid="x"><contentSet><inlineData>Ha &b; &unknown; &amp; done</inlineData></contentSet></newsItem>"#;
        assert_eq!(parse(doc, "x").unwrap()[0].body, "Ha &b; &unknown; & done");
    }
}
