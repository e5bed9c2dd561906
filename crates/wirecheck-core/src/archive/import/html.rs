//! An HTML page as one story: the article text and the page's metadata.

use super::{NewStory, SkipReason};
use crate::archive::StoryFormat;
use crate::text::html::extract;

pub(crate) fn parse(text: &str, origin: &str) -> Result<Vec<NewStory>, SkipReason> {
    let page = extract(text);
    let headline = page.headline.or(page.title).unwrap_or_default();
    let body = strip_headline(&page.text, &headline);
    if body.is_empty() {
        return Err(SkipReason::Empty);
    }
    Ok(vec![NewStory {
        headline,
        body: body.to_owned(),
        byline: page.byline,
        published: page.published,
        origin: origin.to_owned(),
        format: StoryFormat::Html,
        ..NewStory::default()
    }])
}

/// The body without a first paragraph that repeats the headline (the page's `<h1>`).
fn strip_headline<'a>(body: &'a str, headline: &str) -> &'a str {
    let (first, rest) = body.split_once("\n\n").unwrap_or((body, ""));
    if !headline.is_empty() && first.trim() == headline.trim() {
        rest
    } else {
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_story_without_repeated_headline() {
        let page = r#"<html><head><title>Otters seen | Gull</title>
            <meta name="author" content="Pell Ardo">
            <meta property="article:published_time" content="2026-03-02T09:00:00Z"></head>
            <body><article><h1>Otters seen in canal</h1><p>Two otters were seen.</p>
            <p>Residents cheered.</p></article></body></html>"#;
        let stories = parse(page, "otters.html").unwrap();
        assert_eq!(stories.len(), 1);
        let s = &stories[0];
        assert_eq!(
            s.headline, "Otters seen in canal",
            "h1 is the headline when there is no og:title"
        );
        assert_eq!(
            s.body, "Two otters were seen.\n\nResidents cheered.",
            "the h1 is not repeated in the body"
        );
        assert_eq!(s.byline.as_deref(), Some("Pell Ardo"));
        assert_eq!(s.published.as_deref(), Some("2026-03-02T09:00:00Z"));
        assert_eq!(s.format, StoryFormat::Html);
        assert_eq!(s.origin, "otters.html");
    }

    #[test]
    fn title_is_the_fallback_headline() {
        let stories = parse("<title>Quiet day</title><p>Nothing happened.</p>", "q.html").unwrap();
        assert_eq!(stories[0].headline, "Quiet day");
        assert_eq!(stories[0].body, "Nothing happened.");
    }

    #[test]
    fn page_without_text_is_empty() {
        assert_eq!(
            parse(
                "<html><body><nav>Menu</nav><script>x()</script></body></html>",
                "e.html"
            ),
            Err(SkipReason::Empty)
        );
    }
}
