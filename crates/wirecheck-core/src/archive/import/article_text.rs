//! Whether a parsed story has article text worth storing.
//!
//! A wire feed also delivers junk: a NITF file whose body is one undeclared entity (`&nbsp;`,
//! left literal by the parser so that entities are never expanded), a page of markup without
//! prose, a "Page 2" stub. Stored, each becomes a "story" of a word or two that no check can
//! ever find as a source and that clutters the archive. The importer drops them with
//! [`SkipReason::NoArticleText`].

use super::{NewStory, SkipReason};
use crate::text::tokenize;

/// Fewest words a stored story has: the shortest passage a check reports with the default
/// settings (`AlignOptions::default().min_matched`, tested below), so a shorter story could
/// never be found as the source of a default check. A one-sentence wire flash ("Fire closes
/// the port of Antwerp overnight") still has more.
pub const MIN_STORY_WORDS: usize = 6;

/// Keeps the stories that have article text; when there were some and none has, the file is
/// skipped as [`SkipReason::NoArticleText`]. In a file of many stories (JSON Lines), junk
/// records are dropped and the others kept.
pub(crate) fn keep_article_stories(stories: Vec<NewStory>) -> Result<Vec<NewStory>, SkipReason> {
    let found = stories.len();
    let kept: Vec<NewStory> = stories
        .into_iter()
        .filter(|s| has_article_text(&s.body))
        .collect();
    if kept.is_empty() && found > 0 {
        return Err(SkipReason::NoArticleText);
    }
    Ok(kept)
}

/// Whether `body` has at least [`MIN_STORY_WORDS`] words once entity references (`&x;`,
/// `&#160;`) and markup tags (`<p>`) are set aside: those are not words of the story even
/// when a parser left them in its text.
pub fn has_article_text(body: &str) -> bool {
    tokenize(&without_references_and_tags(body)).len() >= MIN_STORY_WORDS
}

/// `text` with every entity reference and markup tag replaced by a space.
fn without_references_and_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        match markup_len(tail) {
            Some(len) => {
                out.push(' ');
                rest = &tail[len..];
            }
            None => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The length of the entity reference or tag at the start of `text`, if one is there.
fn markup_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    match bytes.first()? {
        b'&' => {
            // &name; &#123; &#x1f; — names are short; "AT&T said" is not a reference.
            let end = bytes.iter().take(34).position(|&b| b == b';')?;
            let inner = &text[1..end];
            let name = inner.strip_prefix('#').unwrap_or(inner);
            let ok = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_');
            ok.then_some(end + 1)
        }
        b'<' => {
            // <p>, </p>, <br/>, <a href="...">, <!-- ... -->, <?xml ...?>: a tag starts with a
            // letter, '/', '!' or '?'. "a < b" is not one.
            let second = *bytes.get(1)?;
            if !(second.is_ascii_alphabetic() || matches!(second, b'/' | b'!' | b'?')) {
                return None;
            }
            bytes.iter().position(|&b| b == b'>').map(|end| end + 1)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::AlignOptions;

    fn story(body: &str) -> NewStory {
        NewStory {
            body: body.to_owned(),
            ..NewStory::default()
        }
    }

    #[test]
    fn the_minimum_is_the_shortest_passage_a_default_check_reports() {
        assert_eq!(MIN_STORY_WORDS, AlignOptions::default().min_matched);
    }

    #[test]
    fn entity_references_and_markup_are_not_article_text() {
        for junk in [
            "&nbsp;",
            "&x;",
            "&lol9; &lol9; &lol9; &lol9; &lol9; &lol9; &lol9; &lol9;",
            "&#160;&#xA0;&amp;&amp;&amp;&amp;&amp;&amp;",
            "<p></p><div class=\"story\"><br/></div><!-- empty -->",
            "<p>&nbsp;</p> <p>&nbsp;</p> <p>&nbsp;</p> <p>&nbsp;</p> <p>&nbsp;</p> <p>&nbsp;</p>",
            "Reuters",
            "Page 2 of 3",
            "Five words are not enough",
            "",
        ] {
            assert!(!has_article_text(junk), "{junk:?} is not article text");
        }
    }

    #[test]
    fn a_short_real_story_of_the_minimum_length_is_article_text() {
        for text in [
            "Fire closes Antwerp port overnight again.",
            "Fire closes Antwerp port overnight again &nbsp;",
            "<p>Fire closes Antwerp port overnight again.</p>",
            "AT&T and Marrowby Telecom agree to merge.",
            "Rates rise & prices fall as 2 < 3 holds.",
        ] {
            assert!(has_article_text(text), "{text:?} is a story");
        }
        let kept = without_references_and_tags("AT&T said <b>x</b> &amp; a < b");
        assert_eq!(
            kept.split_whitespace().collect::<Vec<_>>(),
            ["AT&T", "said", "x", "a", "<", "b"],
            "only real references and tags are set aside"
        );
    }

    #[test]
    fn a_file_of_junk_is_skipped_and_junk_records_among_stories_are_dropped() {
        assert_eq!(
            keep_article_stories(vec![story("&nbsp;"), story("<p></p>")]),
            Err(SkipReason::NoArticleText)
        );
        let real = "The harbour board approved the new pier on Tuesday.";
        let kept = keep_article_stories(vec![story("&x;"), story(real)]).unwrap();
        assert_eq!(kept, vec![story(real)]);
        assert_eq!(keep_article_stories(Vec::new()), Ok(Vec::new()));
        assert_eq!(SkipReason::NoArticleText.to_string(), "no article text");
    }
}
