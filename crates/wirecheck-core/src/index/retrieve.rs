//! Retrieval: the stories that share the most fingerprints with the article.
//!
//! Each fingerprint is looked up in the posting lists; a fingerprint found in more than
//! [`RetrieveOptions::max_postings`] stories is a stock phrase ("said on Tuesday") that says
//! nothing about the source and is skipped, so a check reads a bounded number of rows however
//! large the archive grows.

use std::collections::HashMap;

use crate::Result;

/// How many candidates retrieval returns and which fingerprints it uses.
#[derive(Debug, Clone)]
pub struct RetrieveOptions {
    /// Most candidate stories returned.
    pub max_candidates: usize,
    /// Fingerprints shared by more stories than this are skipped as stock phrases.
    pub max_postings: usize,
    /// Fewest shared fingerprints for a story to be a candidate.
    pub min_shared: usize,
}

impl Default for RetrieveOptions {
    fn default() -> Self {
        RetrieveOptions {
            max_candidates: 24,
            max_postings: 400,
            min_shared: 2,
        }
    }
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
