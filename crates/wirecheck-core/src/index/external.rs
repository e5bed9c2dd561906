//! Retrieval by a caller that holds the index itself: a Spark job that fingerprints stories
//! and articles in its executors and joins them on the hash, instead of looking each
//! fingerprint up in the archive.
//!
//! Each piece here is the one the archive and a check use, so that the job picks the
//! candidates a check would pick:
//!
//! - [`story_fingerprints`]: the fingerprints the archive's fingerprint index holds for a story;
//! - [`article_keys`]: what a check looks up for an article (its fingerprints, its length,
//!   which scales the caps, and the words of the full-text path);
//! - [`full_text_terms`]: the terms of a story in the full-text index, for the full-text path;
//! - [`pick_candidates`]: the rule that turns shared counts and rare-word postings into the
//!   ids a check compares, in order.
//!
//! The fingerprint path is exact: a story holds a fingerprint once, so the number of stories
//! holding it, over the whole archive, decides whether it is a stock phrase, and the shared
//! counts per story are plain counts. The full-text path's terms are SQLite FTS5's `unicode61`
//! tokenizer as far as this module reproduces it (runs of letters and digits, lower case,
//! diacritics removed): equal for the Latin, Greek and Cyrillic text of news copy, but not
//! guaranteed for every script.

use std::convert::Infallible;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::fingerprint::fingerprints;
use super::retrieve::{self, RareWords, RetrieveOptions};
use crate::archive::store::story_tokens;
use crate::check::{CheckOptions, prepare_article};
use crate::text::{Prepared, language};
use crate::{Error, Result};

/// What a check looks up for one article.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ArticleKeys {
    /// The article's sampled fingerprints (sorted, distinct), boilerplate left out, made with
    /// the rules of its language.
    pub fingerprints: Vec<i64>,
    /// Its number of matching words, which scales retrieval's caps
    /// ([`RetrieveOptions::for_article`]).
    pub words: usize,
    /// The words the full-text path looks up, in the order it looks them up (empty when the
    /// path is off).
    pub query_words: Vec<String>,
}

/// The fingerprints the archive stores for a story with this body: made with the rules of
/// `language` (an ISO 639-1 code, as stored with the story), or of the language detected in
/// the body when `None` is given, as an import detects it.
pub fn story_fingerprints(body: &str, language: Option<&str>) -> Vec<i64> {
    let tokens = match language {
        Some(code) => story_tokens(body, Some(code)),
        None => story_tokens(body, language::code_of(language::detect(body)).as_deref()),
    };
    fingerprints(&tokens)
}

/// What a check of `article` (plain text, or pasted HTML reduced to its text) looks up. An
/// article without words is refused as a check refuses it.
pub fn article_keys(article: &str, options: &CheckOptions) -> Result<ArticleKeys> {
    let prepared = prepare_article(article, options)?;
    Ok(keys_of(&prepared, &options.retrieve))
}

/// The keys of an article already prepared for comparison.
pub(crate) fn keys_of(article: &Prepared, options: &RetrieveOptions) -> ArticleKeys {
    ArticleKeys {
        fingerprints: fingerprints(&article.tokens),
        words: article.tokens.len(),
        query_words: retrieve::article_query_words(article, options),
    }
}

/// The distinct terms of a story's headline and body in the full-text index, sorted.
pub fn full_text_terms(headline: &str, body: &str) -> Vec<String> {
    let mut terms: Vec<String> = [headline, body]
        .iter()
        .flat_map(|text| text.split(|c: char| !c.is_alphanumeric() && !is_combining_mark(c)))
        .map(full_text_term)
        .filter(|t| !t.is_empty())
        .collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// A word as the full-text index stores and matches it: lower case, diacritics removed.
pub fn full_text_term(word: &str) -> String {
    word.nfd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The ids a check of an article of `words` words compares, in order, given
///
/// - `shared`: each story that shares fingerprints with the article and how many, counting
///   only fingerprints held by at most [`RetrieveOptions::max_postings`] stories in the whole
///   archive (each story once);
/// - `query_words`: [`ArticleKeys::query_words`];
/// - `rare_postings(term)`: the ids of the stories whose [`full_text_terms`] hold `term` (a
///   [`full_text_term`]); at most [`RetrieveOptions::rare_max_stories`] + 1 of them are read,
///   so a caller may cut a common term's list there.
///
/// `options` are the check's retrieval options, not yet scaled for the article.
pub fn pick_candidates(
    words: usize,
    shared: impl IntoIterator<Item = (i64, usize)>,
    query_words: &[String],
    rare_postings: impl FnMut(&str) -> Vec<i64>,
    options: &RetrieveOptions,
) -> Result<Vec<i64>> {
    let scaled = options.for_article(words);
    let found = retrieve::rank_candidates(shared, &scaled);
    let rare = if scaled.rare_words > 0 {
        look_up(query_words, &scaled, rare_postings)
    } else {
        RareWords::default()
    };
    Ok(retrieve::merge_candidates(
        &found,
        retrieve::rare_word_candidates(&rare, &scaled),
    ))
}

/// The rare words of `article` (prepared for comparison) as the caller's lists hold them:
/// `rare_postings` as [`pick_candidates`] takes it. What a check's verdict learns from the
/// archive's full-text index, for a comparison with candidates the caller retrieved.
pub(crate) fn rare_words_given(
    article: &Prepared,
    options: &RetrieveOptions,
    rare_postings: impl FnMut(&str) -> Vec<i64>,
) -> RareWords {
    look_up(
        &retrieve::article_query_words(article, options),
        &options.for_article(article.tokens.len()),
        rare_postings,
    )
}

fn look_up(
    query_words: &[String],
    scaled: &RetrieveOptions,
    mut rare_postings: impl FnMut(&str) -> Vec<i64>,
) -> RareWords {
    let Ok(found) = RareWords::look_up(query_words, scaled, |word, limit| {
        let mut ids = rare_postings(&full_text_term(word));
        ids.truncate(limit);
        Ok::<_, Infallible>(ids)
    });
    found
}

/// Refuses an id list that names a story twice (a caller's join gone wrong).
pub(crate) fn distinct_ids(ids: &[i64]) -> Result<()> {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    match sorted.windows(2).find(|w| w[0] == w[1]) {
        Some(w) => Err(Error::Invalid(format!(
            "story {} is given twice among the candidates",
            w[0]
        ))),
        None => Ok(()),
    }
}

#[cfg(test)]
#[path = "external_tests.rs"]
mod tests;
