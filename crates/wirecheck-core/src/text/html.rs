//! HTML in, article text out.
//!
//! Used for HTML files imported into the archive and for articles pasted as HTML into a check.
//! The page is parsed with `scraper` (html5ever); page furniture is dropped, the article element
//! is preferred over the whole body, and block elements become paragraphs.
//!
//! Hostile input: html5ever checks "element in scope" by walking its stack of open elements,
//! which makes deeply nested block elements quadratic (100,000 nested `<div>`s take a minute).
//! [`limit_nesting`] first drops start tags nested deeper than [`MAX_DEPTH`], so parsing stays
//! linear; the walk over the tree uses parent/sibling links, never recursion.

use std::borrow::Cow;

use scraper::{ElementRef, Html, Node};

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

/// Deepest element nesting handed to html5ever; deeper start tags are dropped (their text kept).
/// Real pages stay far below it; it bounds html5ever's per-tag scope checks.
pub(crate) const MAX_DEPTH: usize = 256;

/// Elements whose content is never article text.
const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "svg", "iframe", "canvas", "head", "object", "embed", "math",
];

/// Fragments of a class or id that mark page furniture: share bars, social embeds, newsletter
/// sign-ups, cookie banners, ads and promotions, related-story lists. Kept short: every entry
/// risks dropping article text whose container happens to carry the word.
const FURNITURE_MARKERS: &[&str] = &[
    "share",
    "social",
    "newsletter",
    "cookie",
    "advert",
    "promo",
    "related",
    // Readers' comments (`comments-area`, `comment-body`, `commentlist`, Disqus), not
    // "commentary".
    "comments",
    "comment-",
    "comment_",
    "commentlist",
    "disqus",
];

/// Fragments of a class or id that mark the story's own text container in the common
/// publishing systems: such an element is never furniture, whatever else its classes say
/// (`entry-content no-share`, `article-body social-embed-ready`).
const CONTENT_MARKERS: &[&str] = &[
    "entry-content",
    "article-body",
    "article-content",
    "articlebody",
    "post-content",
    "post-body",
    "story-body",
    "story-content",
];

/// Prefixes of layout flags, which say what a container has or lacks (`no-share`,
/// `has-sidebar`, `with-related`), not what it is: never furniture markers.
const LAYOUT_FLAG_PREFIXES: &[&str] = &["no-", "no_", "has-", "has_", "with-", "without-"];

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
    let mut out = metadata(&doc);
    out.text = article_text(content_root(&doc));
    out
}

/// `<meta>` names and properties that declare the page's author.
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "byl",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
];
/// JSON-LD keys whose value names who wrote or supplied the story (the `publisher` is the
/// site, not a credit).
const LD_AUTHOR_KEYS: &[&str] = &["author", "creator", "provider"];
/// Most authors kept, and the largest JSON-LD block read.
const MAX_AUTHORS: usize = 8;
const MAX_LD_BYTES: usize = 64 * 1024;

/// The names in a JSON-LD value: every `author`, `creator` or `provider` (a string, an object
/// with a `name`, or a list of them), at any depth (`@graph`), walked without recursion.
fn ld_authors(value: &serde_json::Value, out: &mut Vec<String>) {
    use serde_json::Value;
    let mut stack = vec![(value, false)];
    while let Some((v, is_author)) = stack.pop() {
        match v {
            Value::String(name) if is_author => out.push(collapse(name)),
            Value::Array(items) => stack.extend(items.iter().rev().map(|i| (i, is_author))),
            Value::Object(map) => {
                if is_author && let Some(Value::String(name)) = map.get("name") {
                    out.push(collapse(name));
                }
                for (key, item) in map.iter().rev() {
                    if LD_AUTHOR_KEYS.contains(&key.as_str()) {
                        stack.push((item, true));
                    } else if !is_author {
                        stack.push((item, false));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Title, headline, byline and publication time, in one pass over the elements.
fn metadata(doc: &Html) -> Extracted {
    let mut title = None;
    let mut og_title = None;
    let mut h1 = None;
    let mut author = None;
    let mut author_element = None;
    let mut visible_byline: Option<String> = None;
    let mut published_meta = None;
    let mut time = None;
    let mut time_in_article = None;
    let mut has_article = false;
    let mut canonical = None;
    let mut og_url = None;
    let mut authors: Vec<String> = Vec::new();
    for el in doc.root_element().descendent_elements() {
        let v = el.value();
        match v.name() {
            "script"
                if v.attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                let json: String = el.text().collect();
                if json.len() <= MAX_LD_BYTES
                    && let Ok(value) = serde_json::from_str::<serde_json::Value>(&json)
                {
                    ld_authors(&value, &mut authors);
                }
            }
            "title" if title.is_none() => title = non_empty(inline_text(el)),
            "h1" if h1.is_none() => h1 = non_empty(inline_text(el)),
            "meta" => {
                let key = v.attr("property").or_else(|| v.attr("name")).unwrap_or("");
                let content = v.attr("content").and_then(|c| non_empty(collapse(c)));
                if AUTHOR_KEYS.iter().any(|k| key.eq_ignore_ascii_case(k))
                    && let Some(name) = &content
                {
                    authors.push(name.clone());
                }
                if key.eq_ignore_ascii_case("og:title") && og_title.is_none() {
                    og_title = content;
                } else if key.eq_ignore_ascii_case("author") && author.is_none() {
                    author = content;
                } else if key.eq_ignore_ascii_case("article:published_time")
                    && published_meta.is_none()
                {
                    published_meta = content;
                } else if key.eq_ignore_ascii_case("og:url") && og_url.is_none() {
                    og_url = content;
                }
            }
            "link" if canonical.is_none() => {
                let rel = v.attr("rel").unwrap_or("");
                if rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    canonical = v.attr("href").and_then(|h| non_empty(collapse(h)));
                }
            }
            "time" => {
                let datetime = || v.attr("datetime").and_then(|d| non_empty(collapse(d)));
                if time.is_none() {
                    time = datetime();
                }
                // The outermost article holding the time, asked once: walking every ancestor
                // and each one's ancestors again would be quadratic in the page's depth.
                if time_in_article.is_none()
                    && el
                        .ancestors()
                        .filter_map(ElementRef::wrap)
                        .filter(|a| a.value().name() == "article")
                        .last()
                        .is_some_and(is_story_article)
                {
                    time_in_article = datetime();
                }
            }
            "article" if is_story_article(el) => has_article = true,
            _ => {}
        }
        let byline_element = v
            .attr("rel")
            .is_some_and(|r| r.eq_ignore_ascii_case("author"))
            || v.classes().any(|c| c.eq_ignore_ascii_case("byline"));
        if !byline_element || (author_element.is_some() && visible_byline.is_some()) {
            continue;
        }
        let text = non_empty(inline_text(el));
        if author_element.is_none() {
            author_element.clone_from(&text);
        }
        // The page's byline counts as a declared author wherever it stands (a layout may put
        // it beside the article element rather than in it), but not one in a related-stories
        // list, a sidebar or the page's navigation.
        if visible_byline.is_none()
            && !el.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| is_dropped(e, &|| true) || lists_other_stories(e))
            })
        {
            visible_byline = text;
        }
    }
    Extracted {
        headline: og_title.or(h1).or_else(|| title.clone()),
        title,
        byline: author.or(author_element),
        // A page with an article element is dated by a time inside it: the first time of the
        // page may be a related story's in a list above it.
        published: published_meta.or(if has_article { time_in_article } else { time }),
        url: canonical.or(og_url),
        authors: distinct_names(authors.into_iter().chain(visible_byline).collect()),
        text: String::new(),
    }
}

/// Fragments of a class or id that mark a list of other stories (a sidebar, "latest news",
/// "most read"), whose bylines are those stories', not the page's.
const STORY_LIST_MARKERS: &[&str] = &[
    "sidebar",
    "widget",
    "latest",
    "trending",
    "recommend",
    "popular",
    "most-read",
    "teaser",
];

/// Whether an element is a list item or a list of other stories ([`STORY_LIST_MARKERS`]). The
/// page's `<html>`, `<body>` and `<main>` are never one: their classes describe the layout
/// (`right-sidebar` on the body of a story page with a sidebar beside it).
fn lists_other_stories(el: &scraper::node::Element) -> bool {
    match el.name() {
        "li" | "ul" | "ol" => true,
        "html" | "body" | "main" => false,
        _ => marked_with(el, STORY_LIST_MARKERS),
    }
}

/// Names that are not links, each once, at most [`MAX_AUTHORS`].
fn distinct_names(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        let link = name.starts_with("http://") || name.starts_with("https://");
        if !name.is_empty() && !link && name.len() <= 200 && !out.contains(&name) {
            out.push(name);
        }
    }
    out.truncate(MAX_AUTHORS);
    out
}

/// Whether `el` is a top-level `<article>` that can be the page's story: not one inside another
/// (so that text sums stay linear), and not a card in a list item, a related-stories block, an
/// `<aside>` or the page's navigation (a theme that marks each teaser as an `<article>` while
/// the story itself sits in a plain `<div>`). Class names that only suggest a list of stories
/// ("sidebar", "latest") are not asked: a page's layout classes carry them too ("no-sidebar" on
/// the `<body>` of many themes).
fn is_story_article(el: ElementRef<'_>) -> bool {
    el.value().name() == "article"
        && !el.ancestors().any(|a| {
            a.value().as_element().is_some_and(|e| {
                matches!(e.name(), "article" | "li" | "ul" | "ol") || is_dropped(e, &|| true)
            })
        })
}

/// The element holding the article: `[itemprop=articleBody]`, else the top-level `<article>`
/// with the most text that is not a card in a list of other stories ([`is_story_article`]),
/// else `<main>`, else `<body>`, else the whole document.
fn content_root(doc: &Html) -> ElementRef<'_> {
    let root = doc.root_element();
    let mut best_article: Option<(usize, ElementRef<'_>)> = None;
    let mut main = None;
    let mut body = None;
    for el in root.descendent_elements() {
        let v = el.value();
        if v.attr("itemprop") == Some("articleBody") {
            return el;
        }
        match v.name() {
            "article" if is_story_article(el) => {
                let len: usize = el.text().map(str::len).sum();
                if best_article.is_none_or(|(best, _)| len > best) {
                    best_article = Some((len, el));
                }
            }
            "main" if main.is_none() => main = Some(el),
            "body" if body.is_none() => body = Some(el),
            _ => {}
        }
    }
    best_article
        .map(|(_, el)| el)
        .or(main)
        .or(body)
        .unwrap_or(root)
}

fn is_element(node: &Node, name: &str) -> bool {
    node.as_element().is_some_and(|e| e.name() == name)
}

/// Whether an element (other than the content root) is page furniture. A `<header>` or
/// `<footer>` of an `<article>`, or a `<header>` holding the page's `<h1>` (a story page
/// without an `<article>` element), is the article's own (its headline, byline and date; its
/// credit or "With inputs from" line), not the page's: it is kept, and its share bars and tag
/// lists go as furniture or boilerplate like any other. `own_section` tells whether the
/// element is one of those (asked only of headers and footers).
fn is_dropped(el: &scraper::node::Element, own_section: &dyn Fn() -> bool) -> bool {
    let name = el.name();
    if matches!(name, "header" | "footer") {
        return !own_section();
    }
    if DROPPED_TAGS.contains(&name) {
        return true;
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    if el
        .attr("role")
        .is_some_and(|r| r.eq_ignore_ascii_case("navigation"))
    {
        return true;
    }
    marked_with(el, FURNITURE_MARKERS) && !marked_with(el, CONTENT_MARKERS)
}

/// Whether a class or the id of `el` holds one of `markers` (ASCII case ignored), layout flags
/// ([`LAYOUT_FLAG_PREFIXES`]) aside.
fn marked_with(el: &scraper::node::Element, markers: &[&str]) -> bool {
    let marked = |value: &str| {
        let lower = value.to_ascii_lowercase();
        !LAYOUT_FLAG_PREFIXES.iter().any(|p| lower.starts_with(p))
            && markers.iter().any(|m| lower.contains(m))
    };
    el.classes().any(marked) || el.id().is_some_and(marked)
}

/// The text of `root` as paragraphs.
fn article_text(root: ElementRef<'_>) -> String {
    let mut out = ParagraphBuilder::default();
    let mut node = *root;
    let mut descend = enter(&mut out, node.value(), true, &|| false);
    loop {
        if descend && let Some(child) = node.first_child() {
            node = child;
            descend = enter(&mut out, node.value(), false, &|| {
                ElementRef::wrap(node).is_some_and(own_section)
            });
            continue;
        }
        // Leave `node`, then climb until a next sibling is found.
        loop {
            leave(&mut out, node.value());
            if node.id() == root.id() {
                return out.finish();
            }
            if let Some(sibling) = node.next_sibling() {
                node = sibling;
                descend = enter(&mut out, node.value(), false, &|| {
                    ElementRef::wrap(node).is_some_and(own_section)
                });
                break;
            }
            match node.parent() {
                Some(parent) => node = parent,
                None => return out.finish(),
            }
        }
    }
}

/// Whether a header or footer element belongs to the article: inside an `<article>`, or a
/// header holding an `<h1>`.
fn own_section(el: ElementRef<'_>) -> bool {
    el.ancestors().any(|a| is_element(a.value(), "article"))
        || (el.value().name() == "header" && el.descendants().any(|d| is_element(d.value(), "h1")))
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

fn leave(out: &mut ParagraphBuilder, node: &Node) {
    if let Node::Element(el) = node {
        match el.name() {
            "td" | "th" => out.space(),
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

    /// A `<br>`: a new line within the paragraph.
    pub(crate) fn line_break(&mut self) {
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

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>Harbour bridge reopens | The Daily Gull</title>
<meta property="og:title" content="Harbour bridge reopens after &amp; repairs">
<meta name="author" content="Mira Quell">
<meta property="article:published_time" content="2026-05-08T14:03:00Z">
<meta property="og:url" content="https://gull.example/og">
<link rel="canonical" href="https://gull.example/news/bridge">
<style>p { color: red }</style>
<script>var tracking = "do not keep";</script>
</head><body>
<header><a href="/">The Daily Gull</a></header>
<nav><ul><li>Home</li><li>Sport</li></ul></nav>
<div class="cookie-banner">We use cookies.</div>
<article>
  <h1>Harbour bridge reopens</h1>
  <p>The old   harbour bridge in Port Fennick reopened on Friday,
  officials said.</p>
  <div class="share-bar"><a>Share on Facebook</a></div>
  <p>&#8220;It&#8217;s a relief,&#8221; said ferry captain Olo Brand.<br>Traffic resumed at noon.</p>
  <figure><img src="x.jpg"><figcaption>The bridge at dawn. Photo: Gull Images</figcaption></figure>
  <aside>Read more: <a>Ferry prices rise</a></aside>
  <noscript>Enable JavaScript</noscript>
</article>
<footer>Copyright The Daily Gull</footer>
</body></html>"#;

    #[test]
    fn teaser_cards_marked_as_articles_are_not_the_story() {
        // A theme that puts the story in a plain div and marks each related-post teaser (and
        // each "latest" list item) as an <article>.
        let page = r#"<html><body class="single-post no-sidebar">
<div class="entry-header"><h1>Fintech barred from new customers</h1>
<div class="jeg_meta_author">by News Desk</div><time datetime="2026-05-07">May 7</time></div>
<div class="entry-content no-share"><div class="content-inner">
<p>The central bank on Thursday barred a wallet company from taking new customers.</p>
<p>Existing customers can keep using their wallets, the bank said.</p>
</div></div>
<div class="jnews_related_post_container"><h3>Related Posts</h3>
<article class="jeg_post"><h3><a href="/a">Regulator to review licences (Reuters)</a></h3>
<time datetime="2026-05-06">May 6</time></article>
<article class="jeg_post"><h3><a href="/b">Rupee ends flat (Reuters)</a></h3></article>
</div>
<ul class="latest"><li><article><a href="/c">Record volumes in April, a longer teaser headline than most</a></article></li></ul>
</body></html>"#;
        let got = extract(page);
        assert!(
            got.text.contains("barred a wallet company") && got.text.contains("Existing customers"),
            "{:?}",
            got.text
        );
        // The related posts go as furniture; the "latest" list item is not the story either
        // (read from the body, the page keeps it, as it keeps any unmarked list).
        for teaser in ["Regulator to review", "Rupee ends flat"] {
            assert!(!got.text.contains(teaser), "{teaser:?} in {:?}", got.text);
        }
        // Readers' comments go; an opinion piece's "commentary" container stays.
        let comments = extract(
            r#"<body><div class="commentary-body"><p>The columnist's argument.</p></div>
<div id="comments" class="comments-area"><p>First! Great piece.</p></div>
<ol class="commentlist"><li><p>I disagree.</p></li></ol>
<div class="jnews_comment_container"><p>Reply</p></div></body>"#,
        );
        assert_eq!(comments.text, "The columnist's argument.");
        // "no-share" says the container has no share bar, not that it is one; and a story
        // container's own class keeps it whatever else it says.
        let flagged = extract(
            r#"<body><div class="no-share"><p>Kept, a layout flag.</p></div>
<div class="article-body share-ready"><p>Kept, the story's container.</p></div>
<div class="share-bar"><p>Dropped, a share bar.</p></div></body>"#,
        );
        assert_eq!(
            flagged.text,
            "Kept, a layout flag.\n\nKept, the story's container."
        );
        // A story inside an <article> is still chosen over the cards beside it.
        let with_article = page.replace(
            r#"<div class="entry-content no-share">"#,
            r#"<article class="post"><div class="entry-content no-share">"#,
        );
        let with_article = with_article.replace(
            r#"</div></div>
<div class="jnews_related"#,
            r#"</div></div></article>
<div class="jnews_related"#,
        );
        let got = extract(&with_article);
        assert!(got.text.starts_with("The central bank"), "{:?}", got.text);
        assert!(
            !got.text.contains("Rupee") && !got.text.contains("Record volumes"),
            "{:?}",
            got.text
        );
    }

    #[test]
    fn extracts_article_paragraphs_and_drops_furniture() {
        let got = extract(PAGE);
        assert_eq!(
            got.text,
            "Harbour bridge reopens\n\nThe old harbour bridge in Port Fennick reopened on Friday, \
             officials said.\n\n\u{201c}It\u{2019}s a relief,\u{201d} said ferry captain Olo \
             Brand.\nTraffic resumed at noon.\n\nThe bridge at dawn. Photo: Gull Images",
            "paragraphs from the article only, br as a line break, figcaption kept for credit checks"
        );
        for junk in [
            "tracking",
            "color",
            "cookies",
            "Share",
            "Home",
            "Read more",
            "Copyright",
            "JavaScript",
        ] {
            assert!(
                !got.text.contains(junk),
                "{junk:?} is page furniture, not article text"
            );
        }
    }

    #[test]
    fn an_articles_own_header_and_footer_are_kept_the_pages_are_not() {
        let page = "<html><body><header class=site><a>The Daily Gull</a> <a>Sport</a></header>\
            <main><header>Daily Gull: local news</header>\
            <article><header><h1>Harbour bridge reopens</h1>\
            <p class=byline>By Olo Brand, Reuters</p><time datetime=2026-05-02>May 2, 2026</time>\
            <div class=share-bar>Share on Facebook</div></header>\
            <p>The old harbour bridge in Port Fennick reopened on Friday, officials said.</p>\
            <footer><p>(With inputs from PTI)</p></footer></article></main>\
            <footer>Copyright The Daily Gull</footer></body></html>";
        let got = extract(page);
        assert_eq!(
            got.text,
            "Harbour bridge reopens\n\nBy Olo Brand, Reuters\n\nMay 2, 2026\n\nThe old harbour \
             bridge in Port Fennick reopened on Friday, officials said.\n\n(With inputs from PTI)",
            "the article's byline, date and credit line, without its share bar"
        );
        // Without an article element the page's header and footer stay furniture, but a
        // header holding the story's headline is the story's.
        let bare = "<html><body><header>The Daily Gull | Sport | Weather</header>\
            <div class=story><header><h1>Harbour bridge reopens</h1>\
            <div class=meta>ANI | New Delhi</div></header>\
            <p>The old harbour bridge in Port Fennick reopened on Friday, officials said.</p>\
            </div><footer>Copyright The Daily Gull</footer></body></html>";
        assert_eq!(
            extract(bare).text,
            "Harbour bridge reopens\n\nANI | New Delhi\n\nThe old harbour bridge in Port \
             Fennick reopened on Friday, officials said."
        );
    }

    #[test]
    fn a_page_with_an_article_is_dated_by_a_time_inside_it() {
        let page = "<html><body><ul class=latest><li><a>Gulls return</a> \
            <time datetime=2019-01-01>1 Jan</time></li></ul><article><h1>Ferry</h1>\
            <time datetime=2019-03-04T10:41>4 March</time><p>Text.</p></article></body></html>";
        assert_eq!(extract(page).published.as_deref(), Some("2019-03-04T10:41"));
        let undated = "<html><body><ul><li><time datetime=2019-01-01>1 Jan</time></li></ul>\
            <article><p>Text.</p></article></body></html>";
        assert_eq!(
            extract(undated).published,
            None,
            "a related story's time is not the page's"
        );
    }

    #[test]
    fn reads_the_declared_authors() {
        let page = r#"<html><head>
            <meta name="author" content="Lena Varga">
            <meta property="article:author" content="https://gull.example/staff/lv">
            <meta name="byl" content="By Lena Varga">
            <script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",
                "author": [{"@type": "Person", "name": "Lena Varga"},
                           {"@type": "Organization", "name": "Reuters"}],
                "provider": "AFP",
                "publisher": {"@type": "Organization", "name": "The Daily Gull"}}]}</script>
            <script type="application/ld+json">{"author": </script>
            </head><body><p>Text.</p></body></html>"#;
        assert_eq!(
            extract(page).authors,
            ["Lena Varga", "By Lena Varga", "Reuters", "AFP"],
            "in order, once each; no link, no publisher, a broken block skipped"
        );
        assert!(extract("<p>No metadata.</p>").authors.is_empty());
        // The page's byline, outside the article element; one in a related list, a sidebar of
        // the latest stories or a list of links is not read.
        let beside = "<html><body><aside class=related><span class=byline>Reuters</span></aside>\
            <div class=sidebar-latest><p class=byline>Xinhua</p></div>\
            <ul><li><a>Ferry fares rise</a> <span class=byline>AP</span></li></ul>\
            <div class=meta><span class=byline>By Lena Varga, AFP</span></div>\
            <article><p>Text.</p></article></body></html>";
        assert_eq!(extract(beside).authors, ["By Lena Varga, AFP"]);
    }

    #[test]
    fn reads_metadata() {
        let got = extract(PAGE);
        assert_eq!(
            got.title.as_deref(),
            Some("Harbour bridge reopens | The Daily Gull")
        );
        assert_eq!(
            got.headline.as_deref(),
            Some("Harbour bridge reopens after & repairs"),
            "og:title wins, entities decoded"
        );
        assert_eq!(got.byline.as_deref(), Some("Mira Quell"));
        assert_eq!(got.published.as_deref(), Some("2026-05-08T14:03:00Z"));
        assert_eq!(
            got.url.as_deref(),
            Some("https://gull.example/news/bridge"),
            "the canonical link wins over og:url"
        );
        let og_only = extract(
            "<html><head><meta property=\"og:url\" content=\"https://gull.example/og\"></head>\
             <body><p>Text.</p></body></html>",
        );
        assert_eq!(og_only.url.as_deref(), Some("https://gull.example/og"));
    }

    #[test]
    fn falls_back_to_h1_byline_class_and_time() {
        let got = extract(
            "<html><body><h1>Gulls  return</h1><p class=byline>By Tam Orrin</p>\
             <time datetime=\"2026-04-01\">1 April</time><p>Gulls came back.</p></body></html>",
        );
        assert_eq!(got.headline.as_deref(), Some("Gulls return"));
        assert_eq!(got.byline.as_deref(), Some("By Tam Orrin"));
        assert_eq!(got.published.as_deref(), Some("2026-04-01"));
        assert_eq!(got.title, None);
        assert!(
            got.text.ends_with("Gulls came back."),
            "body is used without an article element: {:?}",
            got.text
        );
    }

    #[test]
    fn prefers_article_body_over_page() {
        let got = extract(
            "<body><p>Sidebar teaser</p><main><div itemprop=articleBody><p>One.</p><p>Two.</p></div></main></body>",
        );
        assert_eq!(got.text, "One.\n\nTwo.");
    }

    #[test]
    fn fragment_without_body_tags() {
        assert_eq!(
            extract("<p>First a &lt; b.</p><p>Second</p>").text,
            "First a < b.\n\nSecond"
        );
    }

    #[test]
    fn deep_nesting_is_fast_and_does_not_overflow() {
        for tag in ["div", "span", "blockquote", "a", "table", "li"] {
            let n = 100_000;
            let html = format!(
                "<html><body>{}deep text{}</body></html>",
                format!("<{tag}>").repeat(n),
                format!("</{tag}>").repeat(n)
            );
            let started = std::time::Instant::now();
            let got = extract(&html);
            assert!(
                got.text.contains("deep text"),
                "text inside {tag} nesting is kept"
            );
            assert!(
                started.elapsed().as_secs() < 10,
                "{n} nested <{tag}> took {:?}: not linear",
                started.elapsed()
            );
        }
    }

    #[test]
    fn limit_nesting_leaves_normal_pages_alone() {
        assert!(
            matches!(limit_nesting(PAGE), Cow::Borrowed(_)),
            "a normal page is not rewritten"
        );
        let deep = format!("{}x", "<div>".repeat(MAX_DEPTH + 10));
        let limited = limit_nesting(&deep);
        assert_eq!(limited.matches("<div>").count(), MAX_DEPTH);
        assert!(limited.ends_with('x'));
    }

    #[test]
    fn limit_nesting_never_drops_scripts() {
        let deep = format!(
            "{}<script>secret()</script><p>kept</p>",
            "<div>".repeat(MAX_DEPTH + 5)
        );
        let got = extract(&deep);
        assert_eq!(
            got.text, "kept",
            "script below the depth cap must still be dropped as script"
        );
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html("<!DOCTYPE html><title>x</title>"));
        assert!(looks_like_html("<HTML><p>x"));
        assert!(looks_like_html("<p>One</p>\n<p>Two</p>"));
        assert!(looks_like_html("Line<br>\nLine<br/>"));
        assert!(!looks_like_html("If a < b and c > d then 3<4."));
        assert!(
            !looks_like_html("Press <Enter> to continue; one stray <p> tag."),
            "one block tag is a stray"
        );
        assert!(!looks_like_html(""));
    }
}
