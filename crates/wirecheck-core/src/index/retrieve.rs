//! Retrieval: the stories that share the most fingerprints with the article.
//!
//! Each fingerprint is looked up in the posting lists; a fingerprint found in more than
//! [`RetrieveOptions::max_postings`] stories is a stock phrase ("said on Tuesday") that says
//! nothing about the source and is skipped, so a check reads a bounded number of rows however
//! large the archive grows.
//!
//! Rewritten copy shares few word runs with its source, so a short rewrite may share no
//! sampled fingerprint at all. A second path finds it by its rare words (names, places) in the
//! full-text index ([`rare_word_candidates`]): each of the article's longest content words is
//! looked up, reading at most [`RetrieveOptions::rare_max_stories`] entries of its posting
//! list; words held by more stories are common and skipped, and stories are ranked by the
//! rare words they share, each weighted by its rarity.

use std::collections::HashMap;

use crate::Result;
use crate::text::Token;
use crate::text::terms::is_content_word;

/// How many candidates retrieval returns and which fingerprints it uses.
#[derive(Debug, Clone)]
pub struct RetrieveOptions {
    /// Most candidate stories returned.
    pub max_candidates: usize,
    /// Fingerprints shared by more stories than this are skipped as stock phrases.
    pub max_postings: usize,
    /// Fewest shared fingerprints for a story to be a candidate.
    pub min_shared: usize,
    /// How many of the article's words the full-text path looks up (0 turns it off).
    pub rare_words: usize,
    /// A word held by more stories than this is not rare.
    pub rare_max_stories: usize,
    /// Most candidates the full-text path adds.
    pub rare_candidates: usize,
}

impl Default for RetrieveOptions {
    fn default() -> Self {
        RetrieveOptions {
            max_candidates: 12,
            max_postings: 400,
            min_shared: 2,
            rare_words: 32,
            rare_max_stories: 50,
            rare_candidates: 4,
        }
    }
}

/// The article's distinct content words, lower-case as the full-text index stores them,
/// longest first (a cheap stand-in for rarity): the words the full-text path looks up.
pub fn query_words(text: &str, tokens: &[Token], limit: usize) -> Vec<String> {
    let mut words: Vec<String> = tokens
        .iter()
        .filter(|t| is_content_word(&t.norm))
        .filter_map(|t| text.get(t.start..t.end))
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphanumeric))
        .map(str::to_lowercase)
        .collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    words.truncate(limit);
    words
}

/// Ranks stories by the rare words they share with the article. `lookup(word, limit)` returns
/// up to `limit` ids of stories holding `word`. A story needs two rare words to count.
pub fn rare_word_candidates(
    words: &[String],
    options: &RetrieveOptions,
    mut lookup: impl FnMut(&str, usize) -> Result<Vec<i64>>,
) -> Result<Vec<i64>> {
    let mut scores: HashMap<i64, (f64, usize)> = HashMap::new();
    for word in words {
        let stories = lookup(word, options.rare_max_stories + 1)?;
        if stories.is_empty() || stories.len() > options.rare_max_stories {
            continue;
        }
        let weight = 1.0 / stories.len() as f64;
        for id in stories {
            let entry = scores.entry(id).or_default();
            entry.0 += weight;
            entry.1 += 1;
        }
    }
    let mut ranked: Vec<(f64, i64)> = scores
        .into_iter()
        .filter(|&(_, (_, shared))| shared >= 2)
        .map(|(id, (score, _))| (score, id))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    Ok(ranked
        .into_iter()
        .take(options.rare_candidates)
        .map(|(_, id)| id)
        .collect())
}

/// A story that shares fingerprints with the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The story's id.
    pub story_id: i64,
    /// How many of the article's fingerprints it shares.
    pub shared: usize,
}

/// Ranks stories by shared fingerprints. `lookup(hash, limit)` returns up to `limit` story
/// ids holding `hash`.
pub fn candidates(
    fingerprints: &[i64],
    options: &RetrieveOptions,
    mut lookup: impl FnMut(i64, usize) -> Result<Vec<i64>>,
) -> Result<Vec<Candidate>> {
    let mut shared: HashMap<i64, usize> = HashMap::new();
    for &hash in fingerprints {
        let stories = lookup(hash, options.max_postings + 1)?;
        if stories.len() > options.max_postings {
            continue;
        }
        for story_id in stories {
            *shared.entry(story_id).or_default() += 1;
        }
    }
    let mut ranked: Vec<Candidate> = shared
        .into_iter()
        .filter(|&(_, n)| n >= options.min_shared)
        .map(|(story_id, shared)| Candidate { story_id, shared })
        .collect();
    // Ties broken by id so results are deterministic.
    ranked.sort_by(|a, b| b.shared.cmp(&a.shared).then(a.story_id.cmp(&b.story_id)));
    ranked.truncate(options.max_candidates);
    Ok(ranked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_by_shared_fingerprints_and_skips_stock_phrases() {
        let postings: HashMap<i64, Vec<i64>> = HashMap::from([
            (1, vec![10, 11]),
            (2, vec![10]),
            (3, vec![10, 12]),
            (4, (100..200).collect()), // a stock phrase found everywhere
        ]);
        let options = RetrieveOptions {
            max_candidates: 10,
            max_postings: 50,
            min_shared: 2,
            rare_words: 32,
            rare_max_stories: 50,
            rare_candidates: 4,
        };
        let found = candidates(&[1, 2, 3, 4], &options, |h, limit| {
            Ok(postings
                .get(&h)
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .take(limit)
                .collect())
        })
        .unwrap();
        assert_eq!(
            found,
            vec![Candidate {
                story_id: 10,
                shared: 3
            }],
            "11 and 12 share one fingerprint only; the stock phrase must not make 100..200 candidates"
        );
    }
}
