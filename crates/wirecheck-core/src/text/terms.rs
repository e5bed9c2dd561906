//! Content terms: the words that carry a sentence's facts, reduced to their stems.
//!
//! A journalist rewriting wire copy keeps the names, numbers and most content words but changes
//! their forms ("charged" → "charges", "revealed" → "reveals") and the function words around
//! them. Comparing stems of content words finds such sentences; function words ("the", "of",
//! "said") are left out because any two English sentences share them.
//!
//! Stemming is the Snowball English (Porter 2) stemmer of `rust-stemmers`: it runs on normalized
//! words (already lower-case, spelling variants folded), so the same word always gives the same
//! stem on both sides.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::language::Language;
use super::stopwords;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));
/// One stemmer per language of [`Language::ALL`], in that order.
static STEMMERS: LazyLock<Vec<Stemmer>> = LazyLock::new(|| {
    Language::ALL
        .iter()
        .map(|l| Stemmer::create(l.stemmer()))
        .collect()
});

/// English function words, reporting verbs and time words that news sentences share whatever
/// they report. Sorted, for binary search (a test checks it).
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "today",
    "told",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "yesterday",
    "you",
    "your",
];

/// Whether a normalized word is a content word: not a function word, and longer than one
/// character.
pub fn is_content_word(norm: &str) -> bool {
    norm.chars().nth(1).is_some() && STOPWORDS.binary_search(&norm).is_err()
}

/// The stem of a content word, or `None` for a function word or a word too short to tell
/// anything (one character).
pub fn content_term(norm: &str) -> Option<String> {
    is_content_word(norm).then(|| STEMMER.stem(norm).into_owned())
}

/// The function words of `language`, sorted.
pub(super) fn stopwords_of(language: Language) -> &'static [&'static str] {
    match language {
        Language::English => STOPWORDS,
        Language::French => stopwords::FRENCH,
        Language::German => stopwords::GERMAN,
        Language::Spanish => stopwords::SPANISH,
        Language::Portuguese => stopwords::PORTUGUESE,
        Language::Italian => stopwords::ITALIAN,
    }
}

/// [`is_content_word`] with the function words of `language` (`None`: English).
pub fn is_content_word_in(language: Option<Language>, norm: &str) -> bool {
    let Some(language) = language.filter(|l| *l != Language::English) else {
        return is_content_word(norm);
    };
    norm.chars().nth(1).is_some() && stopwords_of(language).binary_search(&norm).is_err()
}

/// [`content_term`] with the Snowball stemmer and function words of `language` (`None`:
/// English).
pub fn content_term_in(language: Option<Language>, norm: &str) -> Option<String> {
    let Some(language) = language.filter(|l| *l != Language::English) else {
        return content_term(norm);
    };
    let at = Language::ALL.iter().position(|l| *l == language)?;
    let stemmer = STEMMERS.get(at)?;
    is_content_word_in(Some(language), norm).then(|| stemmer.stem(norm).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stopword_list_is_sorted_for_binary_search() {
        for language in Language::ALL {
            let list = stopwords_of(language);
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "{language:?} stop words must be sorted and distinct"
            );
        }
    }

    #[test]
    fn every_stop_word_is_in_normalized_form() {
        for language in Language::ALL {
            for word in stopwords_of(language) {
                assert_eq!(
                    crate::text::normalize::normalize_word_in(word, language),
                    *word,
                    "{language:?} stop word {word:?} must be written as words normalize"
                );
            }
        }
    }

    #[test]
    fn each_language_stems_its_own_word_forms_and_skips_its_function_words() {
        use Language::*;
        let cases: &[(Language, &str, &str, &str)] = &[
            (French, "inondations", "inondation", "selon"),
            (German, "hafenmauern", "hafenmauer", "sagte"),
            (Spanish, "trabajadores", "trabajador", "segun"),
            (Portuguese, "trabalhadores", "trabalhador", "segundo"),
            (Italian, "lavoratori", "lavoratore", "secondo"),
        ];
        for &(language, plural, singular, function) in cases {
            let l = Some(language);
            assert_eq!(
                content_term_in(l, plural),
                content_term_in(l, singular),
                "{language:?}: {plural} and {singular} share a stem"
            );
            assert!(content_term_in(l, plural).is_some());
            assert_eq!(
                content_term_in(l, function),
                None,
                "{language:?}: {function}"
            );
        }
        // English rules for no language, as before.
        assert_eq!(content_term_in(None, "charged"), content_term("charged"));
        assert!(is_content_word_in(None, "selon"));
        assert!(!is_content_word_in(Some(French), "selon"));
    }

    #[test]
    fn forms_of_one_word_share_a_stem_and_function_words_have_none() {
        assert_eq!(content_term("charged"), content_term("charges"));
        assert_eq!(content_term("revealed"), content_term("revealing"));
        assert_ne!(content_term("court"), content_term("count"));
        assert_eq!(content_term("the"), None);
        assert_eq!(content_term("said"), None);
        assert_eq!(content_term("x"), None);
        assert_eq!(content_term("115,000").as_deref(), Some("115,000"));
    }
}
