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
//!
//! How many candidates a check compares grows with the article's length
//! ([`RetrieveOptions::for_article`]): a news story gets the base 12 (+4), a long text that
//! draws on many stories gets up to [`RetrieveOptions::max_scaled_candidates`]. Unrelated
//! stories share chance fingerprints (names, figures, phrases under the stock cap) with an
//! article in proportion to its length, so in a long text a source behind one copied paragraph
//! is outranked by more and more of them, and a long text may draw on dozens of stories; a
//! fixed cap loses sources, one that grows with the length keeps them.

use std::collections::HashMap;

use crate::Result;
use crate::text::Language;
use crate::text::Prepared;
use crate::text::Token;
use crate::text::terms::is_content_word_in;

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
    /// Articles of up to this many words keep the base caps above; past it the caps grow with
    /// the length (see [`RetrieveOptions::for_article`]).
    pub scale_from_words: usize,
    /// Past [`scale_from_words`](RetrieveOptions::scale_from_words), one more fingerprint
    /// candidate per this many words (0 keeps the base caps at any length).
    pub words_per_candidate: usize,
    /// Most fingerprint candidates however long the article: bounds the work of a check.
    pub max_scaled_candidates: usize,
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
            scale_from_words: 2_500,
            words_per_candidate: 25,
            max_scaled_candidates: 96,
        }
    }
}

impl RetrieveOptions {
    /// The options for an article of `words` words. Up to
    /// [`scale_from_words`](RetrieveOptions::scale_from_words) (2,500 words, about 15k
    /// characters: beyond any news story of METER, whose longest is 2,179 words, and the
    /// length of the shortest long document whose sources a fixed cap lost on PAN) they are
    /// these options unchanged. Past it the fingerprint cap grows by one candidate per
    /// [`words_per_candidate`](RetrieveOptions::words_per_candidate) (25) words, the most
    /// sources a text can draw on if it takes a two-sentence paragraph from each, up to
    /// [`max_scaled_candidates`](RetrieveOptions::max_scaled_candidates) (96, reached at 4,600
    /// words, about 28k characters); the full-text path's words looked up and candidates grow
    /// by the same factor (at most 256 words and 32 candidates). A check then compares at most
    /// 128 stories however long the article, eight times a news story's 16.
    pub fn for_article(&self, words: usize) -> RetrieveOptions {
        let base = self.max_candidates;
        if words <= self.scale_from_words || base == 0 || self.words_per_candidate == 0 {
            return self.clone();
        }
        let extra = (words - self.scale_from_words).div_ceil(self.words_per_candidate);
        let scaled = (base + extra).clamp(base, self.max_scaled_candidates.max(base));
        let grow = |n: usize| (n * scaled).div_ceil(base);
        RetrieveOptions {
            max_candidates: scaled,
            rare_words: grow(self.rare_words),
            rare_candidates: grow(self.rare_candidates),
            ..self.clone()
        }
    }
}

/// The article's distinct content words, lower-case as the full-text index stores them,
/// longest first (a cheap stand-in for rarity): the words the full-text path looks up.
/// Function words are those of the article's `language` (`None`: English), so that a French
/// article does not look up "pendant" or "depuis".
pub fn query_words(
    text: &str,
    tokens: &[Token],
    limit: usize,
    language: Option<Language>,
) -> Vec<String> {
    let mut words: Vec<String> = tokens
        .iter()
        .filter(|t| is_content_word_in(language, &t.norm))
        .filter_map(|t| text.get(t.start..t.end))
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphanumeric))
        .map(str::to_lowercase)
        .collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    words.truncate(limit);
    words
}

/// The article's rare words as the archive holds them: for each word looked up that at least
/// one and at most [`RetrieveOptions::rare_max_stories`] stories hold, the ids of those
/// stories. Read once per check; ranks the full-text path's candidates
/// ([`rare_word_candidates`]) and tells the verdict how many of the article's rare words a
/// source has ([`RareWords::share_held_by`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RareWords {
    holders: Vec<Vec<i64>>,
}

/// Fewest rare words for [`RareWords::share_held_by`] to say anything.
pub const MIN_RARE_WORDS: usize = 3;

impl RareWords {
    /// Looks up `words`: `lookup(word, limit)` returns up to `limit` ids of stories holding
    /// `word`. Words no story holds, and words more than
    /// [`rare_max_stories`](RetrieveOptions::rare_max_stories) hold, are left out.
    ///
    /// Any caller that can list the stories holding a word (the archive's full-text index, or
    /// a Spark job's join on the words) gets the same words from the same lists.
    pub fn look_up<E>(
        words: &[String],
        options: &RetrieveOptions,
        mut lookup: impl FnMut(&str, usize) -> std::result::Result<Vec<i64>, E>,
    ) -> std::result::Result<RareWords, E> {
        let mut holders = Vec::new();
        for word in words {
            let stories = lookup(word, options.rare_max_stories + 1)?;
            if !stories.is_empty() && stories.len() <= options.rare_max_stories {
                holders.push(stories);
            }
        }
        Ok(RareWords { holders })
    }

    /// Share of the rare words that story `id` holds, or `None` with fewer than
    /// [`MIN_RARE_WORDS`] rare words.
    ///
    /// A rewrite of a story keeps its specific words: the names, places and unusual words that
    /// few other stories of the archive hold. A template refilled with another company's
    /// figures, or a story of another day in the same frame, shares the frame's common words
    /// and few of the specific ones: the article's rare words are its new names, which the
    /// source does not hold.
    pub fn share_held_by(&self, id: i64) -> Option<f64> {
        if self.holders.len() < MIN_RARE_WORDS {
            return None;
        }
        let held = self.holders.iter().filter(|ids| ids.contains(&id)).count();
        Some(held as f64 / self.holders.len() as f64)
    }
}

/// The words the full-text path looks up for `article`: [`query_words`] with `options` scaled
/// for its length ([`RetrieveOptions::for_article`]), none when the path is off. A check, the
/// keys a Spark job joins on, and the rare words a comparison with given candidates reads all
/// take them from here.
pub(crate) fn article_query_words(article: &Prepared, options: &RetrieveOptions) -> Vec<String> {
    let scaled = options.for_article(article.tokens.len());
    if scaled.rare_words == 0 {
        return Vec::new();
    }
    query_words(
        &article.text,
        &article.tokens,
        scaled.rare_words,
        article.language,
    )
}

/// Ranks stories by the rare words they share with the article, each weighted by its rarity.
/// A story needs two rare words to count.
pub fn rare_word_candidates(rare: &RareWords, options: &RetrieveOptions) -> Vec<i64> {
    let mut scores: HashMap<i64, (f64, usize)> = HashMap::new();
    for stories in &rare.holders {
        let weight = 1.0 / stories.len() as f64;
        for &id in stories {
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
    ranked
        .into_iter()
        .take(options.rare_candidates)
        .map(|(_, id)| id)
        .collect()
}

/// A story that shares fingerprints with the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The story's id.
    pub story_id: i64,
    /// How many of the article's fingerprints it shares.
    pub shared: usize,
}

/// Ranks stories by shared fingerprints. `lookup(hash, limit)` returns the ids of the stories
/// holding `hash`, or `None` when more than `limit` stories hold it.
pub fn candidates(
    fingerprints: &[i64],
    options: &RetrieveOptions,
    mut lookup: impl FnMut(i64, usize) -> Result<Option<Vec<i64>>>,
) -> Result<Vec<Candidate>> {
    let mut shared: HashMap<i64, usize> = HashMap::new();
    for &hash in fingerprints {
        let Some(stories) = lookup(hash, options.max_postings)? else {
            continue;
        };
        for story_id in stories {
            *shared.entry(story_id).or_default() += 1;
        }
    }
    Ok(rank_candidates(shared, options))
}

/// The rule that picks an article's candidates from how many of its fingerprints (stock
/// phrases already left out) each story shares: at least
/// [`min_shared`](RetrieveOptions::min_shared), most shared first, ties by id, at most
/// [`max_candidates`](RetrieveOptions::max_candidates). [`candidates`] counts the shares from
/// the archive's posting lists; a caller that counts them itself (a Spark job joining
/// fingerprints on their hash) picks with this. Each story must appear once.
pub fn rank_candidates(
    shared: impl IntoIterator<Item = (i64, usize)>,
    options: &RetrieveOptions,
) -> Vec<Candidate> {
    let mut ranked: Vec<Candidate> = shared
        .into_iter()
        .filter(|&(_, n)| n >= options.min_shared)
        .map(|(story_id, shared)| Candidate { story_id, shared })
        .collect();
    // Ties broken by id so results are deterministic.
    ranked.sort_by(|a, b| b.shared.cmp(&a.shared).then(a.story_id.cmp(&b.story_id)));
    ranked.truncate(options.max_candidates);
    ranked
}

/// The ids a check compares, in order: the fingerprint candidates, then the full-text path's
/// that are not among them.
pub fn merge_candidates(found: &[Candidate], rare: impl IntoIterator<Item = i64>) -> Vec<i64> {
    let mut ids: Vec<i64> = found.iter().map(|c| c.story_id).collect();
    for id in rare {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

#[cfg(test)]
#[path = "retrieve_tests.rs"]
mod tests;
