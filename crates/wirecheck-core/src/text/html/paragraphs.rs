//! The story element's text as paragraphs: block elements end a paragraph, `<br>` a line,
//! furniture is skipped. The walk uses parent and sibling links, never recursion.

use scraper::{ElementRef, Node};

use super::story::{is_card, is_dropped, own_section};

/// Elements that end a paragraph (also used for the XHTML bodies of NewsML-G2).
pub(crate) const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "section",
    "article",
    "tr",
    "figcaption",
    "pre",
    "main",
    "body",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "figure",
    "address",
    "hr",
    "caption",
];

/// The text of `root` as paragraphs.
pub(super) fn article_text(root: ElementRef<'_>) -> String {
    let mut out = ParagraphBuilder::default();
    let mut node = *root;
    let mut descend = enter(&mut out, node.value(), true, &|| false);
    loop {
        if descend && let Some(child) = node.first_child() {
            node = child;
            descend = enter(&mut out, node.value(), false, &|| {
                ElementRef::wrap(node).is_some_and(own_section)
            }) && !ElementRef::wrap(node).is_some_and(is_card);
            continue;
        }
        // Leave `node`, then climb until a next sibling is found.
        loop {
            let element_follows = node.next_sibling().is_some_and(|s| s.value().is_element());
            leave(&mut out, node.value(), element_follows);
            if node.id() == root.id() {
                return out.finish();
            }
            if let Some(sibling) = node.next_sibling() {
                node = sibling;
                descend = enter(&mut out, node.value(), false, &|| {
                    ElementRef::wrap(node).is_some_and(own_section)
                }) && !ElementRef::wrap(node).is_some_and(is_card);
                break;
            }
            match node.parent() {
                Some(parent) => node = parent,
                None => return out.finish(),
            }
        }
    }
}

/// Handles entering a node; returns whether to walk into its children.
/// `own_section` tells whether a header or footer is the article's ([`is_dropped`]).
fn enter(
    out: &mut ParagraphBuilder,
    node: &Node,
    is_root: bool,
    own_section: &dyn Fn() -> bool,
) -> bool {
    match node {
        Node::Text(text) => {
            out.push_text(text);
            false
        }
        Node::Element(el) => {
            if !is_root && is_dropped(el, own_section) {
                return false;
            }
            match el.name() {
                "br" => out.line_break(),
                "td" | "th" => out.space(),
                name if BLOCK_TAGS.contains(&name) => out.end_paragraph(),
                _ => {}
            }
            true
        }
        Node::Document | Node::Fragment => true,
        _ => false,
    }
}

/// Handles leaving a node. `element_follows` tells whether its next sibling is an element:
/// a page's meta line sets its spans side by side with no text between them
/// (`<span>By Staff Writer with AFP</span><span><time>May 7, 2026</time></span>`), which a
/// browser shows apart, so they are read apart.
fn leave(out: &mut ParagraphBuilder, node: &Node, element_follows: bool) {
    if let Node::Element(el) = node {
        match el.name() {
            "td" | "th" => out.space(),
            "span" | "time" if element_follows => out.space(),
            name if BLOCK_TAGS.contains(&name) => out.end_paragraph(),
            _ => {}
        }
    }
}

/// Builds paragraphs from text and block boundaries, collapsing inline whitespace; shared with
/// the XML importers, whose bodies are XHTML-like.
#[derive(Default)]
pub(crate) struct ParagraphBuilder {
    done: Vec<String>,
    current: String,
    pending_space: bool,
}

impl ParagraphBuilder {
    /// Appends inline text; runs of whitespace become one space.
    pub(crate) fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.current.is_empty() && !self.current.ends_with('\n') {
                self.current.push(' ');
            }
            self.pending_space = false;
            self.current.push(c);
        }
    }

    /// Separates the next text with a space (table cells).
    pub(crate) fn space(&mut self) {
        self.pending_space = true;
    }

    /// A `<br>`: a new line within the paragraph; a second one in a row (`<br><br>`, how
    /// Blogger and old sites separate paragraphs) ends the paragraph.
    pub(crate) fn line_break(&mut self) {
        if self.current.ends_with('\n') {
            self.end_paragraph();
            return;
        }
        let trimmed = self.current.trim_end().len();
        self.current.truncate(trimmed);
        if !self.current.is_empty() {
            self.current.push('\n');
        }
        self.pending_space = false;
    }

    /// A block boundary: the text so far, if any, becomes a paragraph.
    pub(crate) fn end_paragraph(&mut self) {
        let paragraph = self.current.trim();
        if !paragraph.is_empty() {
            self.done.push(paragraph.to_owned());
        }
        self.current.clear();
        self.pending_space = false;
    }

    /// The paragraphs joined by blank lines.
    pub(crate) fn finish(mut self) -> String {
        self.end_paragraph();
        self.done.join("\n\n")
    }
}
