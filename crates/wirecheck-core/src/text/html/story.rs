//! Which element is the story, and which elements around it are page furniture (menus,
//! share bars, related stories, comments) that never count as its text.

use scraper::{ElementRef, Html, Node};

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
pub(super) fn lists_other_stories(el: &scraper::node::Element) -> bool {
    match el.name() {
        "li" | "ul" | "ol" => true,
        "html" | "body" | "main" => false,
        _ => marked_with(el, STORY_LIST_MARKERS),
    }
}

/// Whether `el` is a top-level `<article>` that can be the page's story: not one inside another
/// (so that text sums stay linear), and not a card in a list item, a related-stories block, an
/// `<aside>` or the page's navigation (a theme that marks each teaser as an `<article>` while
/// the story itself sits in a plain `<div>`). Class names that only suggest a list of stories
/// ("sidebar", "latest") are not asked: a page's layout classes carry them too ("no-sidebar" on
/// the `<body>` of many themes).
///
/// Nor a card in a grid of them: an `<article>` with two or more `<article>` siblings among its
/// nearest elements (a page builder's "posts" widget, whose cards sit in plain `<div>`s), which
/// a story page does not have (a saved page with the next story appended below has one).
pub(super) fn is_story_article(el: ElementRef<'_>) -> bool {
    el.value().name() == "article"
        && !among_cards(el)
        && !el.ancestors().any(|a| {
            a.value().as_element().is_some_and(|e| {
                matches!(e.name(), "article" | "li" | "ul" | "ol") || is_dropped(e, &|| true)
            })
        })
}

/// Whether `el` is an `<article>` card in a grid of them ([`among_cards`]): another story's
/// teaser, whose text (a headline, an excerpt with its own dateline) is not the page's.
pub(super) fn is_card(el: ElementRef<'_>) -> bool {
    el.value().name() == "article" && among_cards(el)
}

/// Whether two or more of the nearest [`CARD_NEIGHBOURS`] elements on either side of `el` are
/// `<article>`s. Bounded, so that a hostile page of many siblings stays linear.
fn among_cards(el: ElementRef<'_>) -> bool {
    let before = el
        .prev_siblings()
        .filter(|n| n.value().is_element())
        .take(CARD_NEIGHBOURS)
        .filter(|n| is_element(n.value(), "article"))
        .count();
    let after = el
        .next_siblings()
        .filter(|n| n.value().is_element())
        .take(CARD_NEIGHBOURS)
        .filter(|n| is_element(n.value(), "article"))
        .count();
    before + after >= 2
}

/// How many element siblings on each side [`among_cards`] looks at.
const CARD_NEIGHBOURS: usize = 4;

/// The element holding the article: `[itemprop=articleBody]`, else the top-level `<article>`
/// with the most text that is not a card in a list of other stories ([`is_story_article`]),
/// else `<main>`, else `<body>`, else the whole document.
pub(super) fn content_root(doc: &Html) -> ElementRef<'_> {
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
pub(super) fn is_dropped(el: &scraper::node::Element, own_section: &dyn Fn() -> bool) -> bool {
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

/// Whether a header or footer element belongs to the article: inside an `<article>`, or a
/// header holding an `<h1>`.
pub(super) fn own_section(el: ElementRef<'_>) -> bool {
    el.ancestors().any(|a| is_element(a.value(), "article"))
        || (el.value().name() == "header" && el.descendants().any(|d| is_element(d.value(), "h1")))
}

/// Longest paragraph kept after an article body ([`lines_after_body`]): a credit line or an
/// agency's copyright with its rights notice, not a paragraph of another text.
const MAX_LINE_AFTER_BODY: usize = 200;
/// Most paragraphs kept after an article body.
const MAX_LINES_AFTER_BODY: usize = 3;

/// The short paragraphs that the story's `<article>` sets after its `itemprop=articleBody`
/// element `root`, furniture dropped as everywhere: where a page puts the story's credit
/// ("Source: dpa/bb") or the agency's copyright ("© EFE 2026. All rights reserved …"), which
/// the body alone leaves out. Nothing when `root` is not such a body, or past the first
/// paragraph too long to be a credit. `body` is the text already read from `root`.
pub(super) fn lines_after_body(root: ElementRef<'_>, body: &str) -> Vec<String> {
    if root.value().attr("itemprop") != Some("articleBody") {
        return Vec::new();
    }
    let Some(article) = root
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "article")
        .filter(|a| is_story_article(*a))
    else {
        return Vec::new();
    };
    let whole = super::paragraphs::article_text(article);
    let Some(last) = body.rsplit("\n\n").map(str::trim).find(|p| !p.is_empty()) else {
        return Vec::new();
    };
    let Some(at) = whole.rfind(last) else {
        return Vec::new();
    };
    whole[at + last.len()..]
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .take_while(|p| p.chars().count() <= MAX_LINE_AFTER_BODY)
        .take(MAX_LINES_AFTER_BODY)
        .map(str::to_string)
        .collect()
}
