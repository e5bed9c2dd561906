//! How much of the article's vocabulary the wire story has, across the story's versions.
//!
//! A wire story comes in successive versions (a first take, write-throughs, a corrected lead),
//! each stored on its own, and a newspaper writing from the wire draws on several of them. The
//! passages see each version apart; these measures see the story whole: the top source together
//! with every candidate that is a version of it ([`versions_of_one_story`]), and the share of
//! the article's words, word pairs and running text found anywhere in them.
//!
//! They count every word, quotes included, so they are not evidence of copying on their own
//! (independent reports of one event share its names and quotes too): they are inputs of the
//! fitted model, which weighs them after the evidence rule
//! ([`super::has_copy_evidence`]) has asked for a run of narration or a rewrite.

use std::cell::OnceCell;
use std::collections::HashSet;

use crate::index::fingerprint::fingerprints;
use crate::text::terms::content_term_in;
use crate::text::{Language, Token};

/// Whether two stories are versions of one story: the shorter shares at least half of its
/// fingerprints with the longer (a write-through keeps most of the earlier text).
pub(crate) fn versions_of_one_story(a: &HashSet<i64>, b: &HashSet<i64>) -> bool {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !small.is_empty() && 2 * small.intersection(large).count() >= small.len()
}

/// Which texts are versions of one story, fingerprinting each only when it is first asked
/// about.
pub(crate) struct Versions<'a> {
    texts: Vec<&'a [Token]>,
    shingles: Vec<Option<HashSet<i64>>>,
}

impl<'a> Versions<'a> {
    pub(crate) fn new(texts: Vec<&'a [Token]>) -> Versions<'a> {
        let shingles = vec![None; texts.len()];
        Versions { texts, shingles }
    }

    /// How many texts there are.
    pub(crate) fn len(&self) -> usize {
        self.texts.len()
    }

    /// Whether texts `a` and `b` are one story (a text is its own version).
    pub(crate) fn of_one_story(&mut self, a: usize, b: usize) -> bool {
        if a == b {
            return true;
        }
        for i in [a, b] {
            if self.shingles[i].is_none() {
                self.shingles[i] = Some(fingerprints(self.texts[i]).into_iter().collect());
            }
        }
        match (&self.shingles[a], &self.shingles[b]) {
            (Some(x), Some(y)) => versions_of_one_story(x, y),
            _ => false,
        }
    }
}

/// The vocabulary measures of one source with its versions. All are shares of the article.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StoryVocabulary {
    /// Distinct words.
    pub words: f64,
    /// Distinct content-word stems.
    pub content: f64,
    /// Distinct pairs of consecutive words.
    pub bigrams: f64,
    /// Running words (each occurrence counts) whose word the story has.
    pub tokens: f64,
}

/// The article's side of the measures, and each candidate's fingerprints, made once per check.
#[derive(Debug, Default)]
pub(crate) struct VocabularyCache {
    article: OnceCell<ArticleVocabulary>,
    shingles: Vec<OnceCell<HashSet<i64>>>,
}

#[derive(Debug)]
struct ArticleVocabulary {
    words: HashSet<String>,
    content: HashSet<String>,
    bigrams: HashSet<(String, String)>,
}

impl VocabularyCache {
    pub(crate) fn new(sources: usize) -> VocabularyCache {
        VocabularyCache {
            article: OnceCell::new(),
            shingles: (0..sources).map(|_| OnceCell::new()).collect(),
        }
    }

    /// The measures of candidate `top` with its versions among `sources`.
    pub(crate) fn measure(
        &self,
        article: &[Token],
        sources: &[&[Token]],
        top: usize,
        language: Option<Language>,
    ) -> StoryVocabulary {
        let shingles = |i: usize| -> Option<&HashSet<i64>> {
            let tokens = sources.get(i)?;
            let cell = self.shingles.get(i)?;
            Some(cell.get_or_init(|| fingerprints(tokens).into_iter().collect()))
        };
        let Some(top_shingles) = shingles(top) else {
            return StoryVocabulary::default();
        };
        let versions: Vec<&[Token]> = (0..sources.len())
            .filter(|&i| {
                i == top || shingles(i).is_some_and(|s| versions_of_one_story(top_shingles, s))
            })
            .map(|i| sources[i])
            .collect();
        let own = self
            .article
            .get_or_init(|| ArticleVocabulary::of(article, language));
        let story = ArticleVocabulary::of_all(&versions, language);
        let share = |part: usize, whole: usize| {
            if whole == 0 {
                0.0
            } else {
                part as f64 / whole as f64
            }
        };
        let running = article
            .iter()
            .filter(|t| story.words.contains(&t.norm))
            .count();
        StoryVocabulary {
            words: share(
                own.words.intersection(&story.words).count(),
                own.words.len(),
            ),
            content: share(
                own.content.intersection(&story.content).count(),
                own.content.len(),
            ),
            bigrams: share(
                own.bigrams.intersection(&story.bigrams).count(),
                own.bigrams.len(),
            ),
            tokens: share(running, article.len()),
        }
    }
}

impl ArticleVocabulary {
    fn of(tokens: &[Token], language: Option<Language>) -> ArticleVocabulary {
        ArticleVocabulary::of_all(&[tokens], language)
    }

    fn of_all(texts: &[&[Token]], language: Option<Language>) -> ArticleVocabulary {
        let mut v = ArticleVocabulary {
            words: HashSet::new(),
            content: HashSet::new(),
            bigrams: HashSet::new(),
        };
        for tokens in texts {
            for t in *tokens {
                v.words.insert(t.norm.clone());
                if let Some(stem) = content_term_in(language, &t.norm) {
                    v.content.insert(stem);
                }
            }
            for w in tokens.windows(2) {
                v.bigrams.insert((w[0].norm.clone(), w[1].norm.clone()));
            }
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn measure(article: &str, sources: &[&str], top: usize) -> StoryVocabulary {
        let article = tokenize(article);
        let sources: Vec<Vec<Token>> = sources.iter().map(|s| tokenize(s)).collect();
        let views: Vec<&[Token]> = sources.iter().map(|s| s.as_slice()).collect();
        VocabularyCache::new(views.len()).measure(&article, &views, top, None)
    }

    const TAKE_ONE: &str = "The harbour board of Vellmar voted on Tuesday to close the old \
        north quay to cargo ships from next spring, citing the cost of repairing its crumbling \
        sea wall, which engineers put at four million crowns.";
    const WRITE_THROUGH: &str = "The harbour board of Vellmar voted on Tuesday to close the old \
        north quay to cargo ships from next spring, citing the cost of repairing its crumbling \
        sea wall, which engineers put at four million crowns. Dock workers said they would \
        strike on Friday in protest.";
    const OTHER_STORY: &str = "Vellmar's football club named a new coach on Tuesday after a \
        season in which it won only four of its thirty matches and drew crowds of a few hundred.";

    #[test]
    fn a_second_version_adds_its_words_and_an_unrelated_candidate_does_not() {
        // The article joins the first take's lead to the write-through's strike.
        let article = "Vellmar's harbour board voted on Tuesday to close the old north quay to \
            cargo ships from next spring. Dock workers said they would strike on Friday.";
        let alone = measure(article, &[TAKE_ONE], 0);
        let with_version = measure(article, &[TAKE_ONE, WRITE_THROUGH], 0);
        let with_other = measure(article, &[TAKE_ONE, OTHER_STORY], 0);
        assert!(
            with_version.words > alone.words + 0.1,
            "{alone:?} {with_version:?}"
        );
        assert!(with_version.tokens > alone.tokens);
        assert!(with_version.bigrams > alone.bigrams);
        // The football story is not a version of the harbour story: its words do not count.
        assert_eq!(with_other, alone);
    }

    #[test]
    fn independent_wording_keeps_few_pairs_of_words() {
        let copy = measure(TAKE_ONE, &[WRITE_THROUGH], 0);
        let own_words = measure(
            "Cargo ships will no longer berth at the north quay in Vellmar from the spring: the \
            board decided on Tuesday that mending the sea wall, at four million crowns, costs \
            too much.",
            &[WRITE_THROUGH],
            0,
        );
        assert_eq!(copy.bigrams, 1.0);
        assert_eq!(copy.words, 1.0);
        assert!(own_words.bigrams < 0.4, "{own_words:?}");
        assert!(own_words.words > own_words.bigrams);
    }

    #[test]
    fn a_missing_source_measures_nothing() {
        assert_eq!(
            measure("Any text at all.", &[], 0),
            StoryVocabulary::default()
        );
    }
}
