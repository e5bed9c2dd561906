//! What a page says of itself: title, headline, byline, authors (meta tags, JSON-LD, the
//! visible byline), publication time and address.

use scraper::{ElementRef, Html};

use super::story::{is_dropped, is_story_article, lists_other_stories, own_section};
use super::{Extracted, collapse, inline_text, non_empty};

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
const LD_AUTHOR_KEYS: &[&str] = &["author", "creator", "provider", "sourceOrganization"];
/// Most authors kept, and the largest JSON-LD block read.
const MAX_AUTHORS: usize = 8;
const MAX_LD_BYTES: usize = 64 * 1024;

/// The names in a JSON-LD value: every `author`, `creator`, `provider` or `sourceOrganization`
/// (a string, an object
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
pub(super) fn metadata(doc: &Html) -> Extracted {
    let mut title = None;
    let mut og_title = None;
    let mut h1 = None;
    let mut author = None;
    let mut author_element = None;
    let mut visible_byline: Option<String> = None;
    // A staff byline in a plain paragraph ("News Desk · October 21, 2024"), with no class
    // that names it: the reader sees it, and not the metadata.
    let mut staff_byline = false;
    let mut published_meta = None;
    let mut time = None;
    let mut time_in_article = None;
    let mut has_article = false;
    let mut canonical = None;
    let mut og_url = None;
    // Declared in the metadata, which no reader sees; and shown, as an agency's logo.
    let mut authors: Vec<String> = Vec::new();
    let mut logos: Vec<String> = Vec::new();
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
            "p" | "span" if !staff_byline => {
                staff_byline = non_empty(inline_text(el))
                    .is_some_and(|t| is_staff_byline(&t) && !in_furniture(el));
            }
            // An agency's logo beside the byline names the agency only in its `alt`.
            "img" if is_logo(el) && !in_page_furniture(el) => {
                if let Some(alt) = v
                    .attr("alt")
                    .map(collapse)
                    .filter(|a| !a.is_empty() && a.chars().count() <= MAX_LOGO_ALT)
                {
                    logos.push(alt);
                }
            }
            _ => {}
        }
        let byline_element = v
            .attr("rel")
            .is_some_and(|r| r.eq_ignore_ascii_case("author"))
            || v.classes().any(is_byline_class);
        if !byline_element || (author_element.is_some() && visible_byline.is_some()) {
            continue;
        }
        let text = non_empty(inline_text(el)).filter(|t| t.chars().count() <= MAX_BYLINE);
        if text.is_none() {
            continue;
        }
        if author_element.is_none() {
            author_element.clone_from(&text);
        }
        // The page's byline counts as a declared author wherever it stands (a layout may put
        // it beside the article element rather than in it), but not one in a related-stories
        // list, a sidebar or the page's navigation.
        if visible_byline.is_none() && !in_furniture(el) {
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
        authors: declared_authors(authors, logos, visible_byline, staff_byline),
        text: String::new(),
    }
}

/// The page's declared authors: the byline it shows and the agencies' logos beside it, and the
/// authors its metadata declares (`metadata`) only when it shows no byline. A reader sees the
/// byline, not the metadata: a page whose byline reads "Web Staff" or "Our Correspondent" does
/// not credit the agency its JSON-LD names as the author, nor does one whose plain paragraph
/// reads "News Desk" (`staff_byline`).
fn declared_authors(
    metadata: Vec<String>,
    logos: Vec<String>,
    visible_byline: Option<String>,
    staff_byline: bool,
) -> Vec<String> {
    let metadata = if visible_byline.is_some() || staff_byline {
        Vec::new()
    } else {
        metadata
    };
    distinct_names(
        metadata
            .into_iter()
            .chain(logos)
            .chain(visible_byline)
            .collect(),
    )
}

/// Longest paragraph read as a staff byline, in characters.
const MAX_STAFF_BYLINE: usize = 60;
/// Most words of a staff byline before its date ("Web Desk", "Our Special Correspondent").
const MAX_STAFF_WORDS: usize = 4;
/// Words that make a short paragraph a staff byline: the site's own desk or writers.
const STAFF_WORDS: &[&str] = &["desk", "staff", "correspondent", "bureau", "newsroom"];

/// Whether a paragraph's `text` is a byline of the site's own staff, before any date after a
/// separator: "News Desk · October 21, 2024", "Web Desk", "By Staff Reporter | Updated ...".
fn is_staff_byline(text: &str) -> bool {
    if text.chars().count() > MAX_STAFF_BYLINE {
        return false;
    }
    let first = text.split(['\u{b7}', '|', '\u{2022}']).next().unwrap_or("");
    let words: Vec<&str> = first
        .split_whitespace()
        .filter(|w| *w != "By" && *w != "by")
        .collect();
    !words.is_empty()
        && words.len() <= MAX_STAFF_WORDS
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && words.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            STAFF_WORDS.iter().any(|s| w.eq_ignore_ascii_case(s))
        })
}

/// Longest byline element read, in characters: a longer one is an author's biography box.
const MAX_BYLINE: usize = 120;
/// Longest `alt` of a logo read as a declared author: an agency's name, not a description.
const MAX_LOGO_ALT: usize = 60;

/// Whether `el` lies in page furniture (a navigation bar, a footer, a sidebar) or in a list
/// of other stories, whose bylines and logos are not the story's.
fn in_furniture(el: ElementRef<'_>) -> bool {
    el.ancestors().any(|a| {
        a.value()
            .as_element()
            .is_some_and(|e| is_dropped(e, &|| true) || lists_other_stories(e))
    })
}

/// Whether `el` lies in page furniture as the text sees it: also in the page's own header or
/// footer (the site's logo, a strip of partners' logos), which [`in_furniture`] lets a byline
/// stand in.
fn in_page_furniture(el: ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| is_dropped(a.value(), &|| own_section(a)) || lists_other_stories(a.value()))
}

/// Whether an image is a logo: "logo" in its class or its file name (`agency-logo`,
/// `/img/partners/yna-logo.png`).
fn is_logo(img: ElementRef<'_>) -> bool {
    let v = img.value();
    let logo = |s: &str| s.to_ascii_lowercase().contains("logo");
    // A slot the page keeps for the story's provider: `<span class="agency"><img alt="Yonhap
    // News Agency" src="/image/agency/yonhap_ci.png"></span>` beside the byline.
    let provider_slot = img
        .parent()
        .and_then(ElementRef::wrap)
        .is_some_and(|p| p.value().classes().any(is_provider_class));
    v.classes().any(logo) || v.attr("src").is_some_and(logo) || provider_slot
}

/// Whether a class names the slot of a story's provider: `agency`, `news-agency`,
/// `provider` (not `source`, which a photo's credit uses too).
fn is_provider_class(class: &str) -> bool {
    class.split(['_', '-']).any(|p| {
        ["agency", "provider"]
            .iter()
            .any(|w| p.eq_ignore_ascii_case(w))
    })
}

/// Whether an element of class `class` is a byline: `byline`, or a class of which one part is
/// "byline", "author", "writer" or "reporter" (`story__author`, `article-byline`,
/// `c-author-name`, `writer`), not an author's picture or biography (`author-avatar`,
/// `author-bio`).
fn is_byline_class(class: &str) -> bool {
    let parts = || class.split(['_', '-']).filter(|p| !p.is_empty());
    let named = parts().any(|p| {
        ["byline", "author", "authors", "writer", "reporter"]
            .iter()
            .any(|w| p.eq_ignore_ascii_case(w))
    });
    let other = parts().any(|p| {
        [
            "bio", "avatar", "image", "img", "photo", "picture", "box", "card", "about", "profile",
        ]
        .iter()
        .any(|w| p.eq_ignore_ascii_case(w))
    });
    named && !other
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
