//! Text in, words with offsets out: decoding, HTML extraction, normalization, tokens,
//! boilerplate, sentences and content terms.

pub mod boilerplate;
pub mod dates;
pub mod decode;
pub mod html;
pub mod language;
pub mod normalize;
pub mod quotes;
pub mod sentences;
mod stopwords;
pub mod terms;
pub mod tokens;

pub use language::Language;
pub use tokens::{Token, tokenize, tokenize_in};

use std::ops::Range;

/// An article or story made ready for matching.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The decoded text; every offset below points into it (bytes).
    pub text: String,
    /// The words used for matching, in order, boilerplate excluded.
    pub tokens: Vec<Token>,
    /// Byte ranges of `text` set aside as boilerplate (not matched, still reported).
    pub boilerplate: Vec<Range<usize>>,
    /// The language whose rules made the tokens (`None`: the English rules).
    pub language: Option<Language>,
    /// The authors a web page declares in its metadata, for an article given as a page
    /// ([`html::Extracted::authors`]); empty otherwise.
    pub page_authors: Vec<String>,
    /// The publication time a web page states in its metadata, for an article given as a
    /// page ([`html::Extracted::published`]); `None` otherwise.
    pub page_published: Option<String>,
}

impl Prepared {
    /// Tokenizes `text` and sets boilerplate aside.
    pub fn new(text: String) -> Self {
        Prepared::new_in(text, None)
    }

    /// Tokenizes `text` with the rules of `language` and sets boilerplate aside.
    pub fn new_in(text: String, language: Option<Language>) -> Self {
        let boilerplate = boilerplate::find(&text);
        // Tokens and ranges are both sorted: one pass over each.
        let mut ranges = boilerplate.iter().peekable();
        let tokens = tokenize_in(&text, language)
            .into_iter()
            .filter(|t| {
                while ranges.next_if(|b| b.end <= t.start).is_some() {}
                !ranges
                    .peek()
                    .is_some_and(|b| b.start <= t.start && t.end <= b.end)
            })
            .collect();
        Prepared {
            text,
            tokens,
            boilerplate,
            language,
            page_authors: Vec::new(),
            page_published: None,
        }
    }

    /// Tokenizes `text` without looking for boilerplate (wire stories in the archive).
    pub fn without_boilerplate(text: String) -> Self {
        Prepared::without_boilerplate_in(text, None)
    }

    /// [`Prepared::without_boilerplate`] with the rules of `language`.
    pub fn without_boilerplate_in(text: String, language: Option<Language>) -> Self {
        let tokens = tokenize_in(&text, language);
        Prepared {
            text,
            tokens,
            boilerplate: Vec::new(),
            language,
            page_authors: Vec::new(),
            page_published: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_words_are_not_matched_but_the_rest_is() {
        let text = "The ferry resumed service on Monday.\n\nSupport independent journalism. Donate now.\n\nRepairs took six weeks.\n";
        let prepared = Prepared::new(text.to_string());
        let words: Vec<&str> = prepared.tokens.iter().map(|t| t.norm.as_str()).collect();
        assert!(
            !prepared.boilerplate.is_empty(),
            "the donation appeal is boilerplate"
        );
        assert!(
            !words.contains(&"donate"),
            "boilerplate is set aside from matching: {words:?}"
        );
        assert!(
            words.contains(&"ferry") && words.contains(&"weeks"),
            "article words on both sides stay: {words:?}"
        );
    }
}
