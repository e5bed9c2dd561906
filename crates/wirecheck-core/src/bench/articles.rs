//! Test articles of three kinds, made from stored stories and held-out text.

use serde::Serialize;

use super::synth::{BenchStory, Pools, Rng};

/// Stream numbers of the article generator, apart from the archive's story streams.
const ARTICLE_STREAM: u64 = 1 << 62;
/// A derived article's source needs at least this many words, so edits leave a clear copy.
const MIN_SOURCE_WORDS: usize = 80;
/// Fresh text around a copied passage is at least this many times the passage.
const FRESH_FACTOR: usize = 3;
/// Tries to find a suitable source before giving up on one article.
const TRIES: usize = 200;

/// What an article is, and so what its verdict should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ArticleKind {
    /// A stored story, edited: should be wholly (at least partially) derived from it.
    Wholly,
    /// Two or three consecutive stored paragraphs inside fresh text: partially derived from
    /// that story.
    Partially,
    /// Held-out text only: derived from nothing.
    Independent,
}

impl ArticleKind {
    /// All kinds, in report order.
    pub const ALL: [ArticleKind; 3] = [
        ArticleKind::Wholly,
        ArticleKind::Partially,
        ArticleKind::Independent,
    ];

    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleKind::Wholly => "wholly",
            ArticleKind::Partially => "partially",
            ArticleKind::Independent => "independent",
        }
    }
}

/// A generated article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// What it is.
    pub kind: ArticleKind,
    /// The stored story it copies from (its `BenchStory::id`), if any.
    pub source: Option<String>,
    /// The stored paragraphs it copies, as stored (before any edit).
    pub copied: Vec<String>,
    /// The article text.
    pub text: String,
}

/// `per_kind` articles of each kind for an archive of `size` stories, in kind order.
/// Fewer are made when the pools cannot supply them (a tiny fixture).
pub fn articles(pools: &Pools, size: usize, per_kind: usize, seed: u64) -> Vec<Article> {
    let mut out = Vec::with_capacity(per_kind * 3);
    for (k, kind) in ArticleKind::ALL.into_iter().enumerate() {
        for n in 0..per_kind {
            let mut rng = Rng::new(seed, ARTICLE_STREAM + (k * 1_000_000 + n) as u64);
            let article = match kind {
                ArticleKind::Wholly => wholly(pools, size, &mut rng),
                ArticleKind::Partially => partially(pools, size, &mut rng),
                ArticleKind::Independent => independent(pools, &mut rng),
            };
            out.extend(article);
        }
    }
    out
}

/// A stored story (index below `size`) long enough to copy from.
fn source(pools: &Pools, size: usize, min_paragraphs: usize, rng: &mut Rng) -> Option<BenchStory> {
    (0..TRIES)
        .map(|_| pools.story(rng.below(size)))
        .find(|s| s.paragraphs.len() >= min_paragraphs && s.words() >= MIN_SOURCE_WORDS)
}

fn wholly(pools: &Pools, size: usize, rng: &mut Rng) -> Option<Article> {
    let story = source(pools, size, 2, rng)?;
    let mut copied = story.paragraphs.clone();
    // Republishers cut the end of wire copy first.
    if copied.len() >= 3 {
        copied.pop();
    }
    let paragraphs: Vec<String> = copied.iter().map(|p| edit(p)).collect();
    let headline = format!("{} - what it means for you", title_case(&story.headline));
    let mut text = format!("{headline}\n\n{}", paragraphs.join("\n\n"));
    text.push_str(JUNK[rng.below(JUNK.len())]);
    Some(Article {
        kind: ArticleKind::Wholly,
        source: Some(story.id),
        copied,
        text,
    })
}

fn partially(pools: &Pools, size: usize, rng: &mut Rng) -> Option<Article> {
    // Copies shorter than this are stock phrases to the engine, not copying.
    const MIN_COPIED: usize = 25;
    let (story, copied) = (0..TRIES).find_map(|_| {
        let story = source(pools, size, 2, rng)?;
        // Two consecutive paragraphs (three when they are short): synthetic stories reuse
        // single paragraphs, so one paragraph alone is held by many stored stories and is
        // stock text to the engine (`compare::stock`), with no single source.
        let start = rng.below(story.paragraphs.len().saturating_sub(1).max(1));
        let mut copied: Vec<String> = story
            .paragraphs
            .iter()
            .skip(start)
            .take(2)
            .cloned()
            .collect();
        if words(&copied) < 60
            && let Some(next) = story.paragraphs.get(start + 2)
        {
            copied.push(next.clone());
        }
        (words(&copied) >= MIN_COPIED).then_some((story, copied))
    })?;
    let fresh = fresh_paragraphs(pools, (words(&copied) * FRESH_FACTOR).max(100), rng)?;
    let at = 1 + rng.below(fresh.len().max(1));
    let mut paragraphs: Vec<String> = fresh;
    for (offset, p) in copied.iter().enumerate() {
        let at = (at + offset).min(paragraphs.len());
        paragraphs.insert(at, p.clone());
    }
    Some(Article {
        kind: ArticleKind::Partially,
        source: Some(story.id),
        copied,
        text: paragraphs.join("\n\n"),
    })
}

fn words(paragraphs: &[String]) -> usize {
    paragraphs
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum()
}

fn independent(pools: &Pools, rng: &mut Rng) -> Option<Article> {
    let paragraphs = fresh_paragraphs(pools, 150, rng)?;
    Some(Article {
        kind: ArticleKind::Independent,
        source: None,
        copied: Vec::new(),
        text: paragraphs.join("\n\n"),
    })
}

/// Paragraphs of held-out stories, in story order, until `words` are reached: the article is
/// no longer than it needs to be, so a copied passage keeps the share of it that was meant.
fn fresh_paragraphs(pools: &Pools, words: usize, rng: &mut Rng) -> Option<Vec<String>> {
    let held = &pools.held_out;
    if held.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    let mut count = 0;
    'stories: for _ in 0..TRIES {
        let story = held.get(rng.below(held.len()))?;
        for p in &story.paragraphs {
            if count >= words {
                break 'stories;
            }
            count += p.split_whitespace().count();
            out.push(p.clone());
        }
    }
    (count >= words).then_some(out)
}

/// A copy editor's pass: house spellings and abbreviations spelt out.
fn edit(paragraph: &str) -> String {
    const SUBSTITUTIONS: [(&str, &str); 8] = [
        ("pct", "per cent"),
        ("mln", "million"),
        ("dlrs", "dollars"),
        ("U.S.", "US"),
        ("billion", "bn"),
        ("organization", "organisation"),
        ("program", "programme"),
        ("said", "says"),
    ];
    paragraph
        .split(' ')
        .map(|word| {
            SUBSTITUTIONS
                .iter()
                .find(|(from, _)| word.trim_end_matches([',', '.']) == from.trim_end_matches('.'))
                .map_or_else(|| word.to_string(), |(from, to)| word.replacen(from, to, 1))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn title_case(headline: &str) -> String {
    headline
        .split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lines web pages append to copied stories.
const JUNK: [&str; 3] = [
    "\n\nShare this article: Facebook Twitter Email. Sign up for our morning newsletter.",
    "\n\nRead more: Markets live | Subscribe for unlimited access",
    "\n\nAdvertisement. Continue reading below. Comments are closed.",
];

#[cfg(test)]
mod tests {
    use super::super::synth::tests::fictional;
    use super::*;

    #[test]
    fn articles_are_deterministic_and_of_each_kind() {
        let pools = Pools::split(fictional(80), 5);
        let a = articles(&pools, 500, 4, 5);
        assert_eq!(a, articles(&pools, 500, 4, 5), "same input, same articles");
        for kind in ArticleKind::ALL {
            assert_eq!(a.iter().filter(|x| x.kind == kind).count(), 4, "{kind:?}");
        }
        assert!(
            a.iter()
                .all(|x| (x.kind == ArticleKind::Independent) == x.source.is_none()),
            "derived articles name their source, independent ones none"
        );
    }

    #[test]
    fn derived_articles_copy_their_source_and_independent_ones_do_not() {
        let pools = Pools::split(fictional(80), 5);
        let size = 300;
        let stored: Vec<BenchStory> = (0..size).map(|i| pools.story(i)).collect();
        for article in articles(&pools, size, 3, 9) {
            match article.kind {
                ArticleKind::Wholly => {
                    assert!(article.text.contains(" - what it means for you"));
                }
                ArticleKind::Partially => {
                    let id = article.source.as_deref().unwrap();
                    let story = stored.iter().find(|s| s.id == id).unwrap();
                    assert!(
                        story
                            .paragraphs
                            .iter()
                            .any(|p| article.text.contains(p.as_str())),
                        "a stored paragraph is copied whole"
                    );
                    let copied = story
                        .paragraphs
                        .iter()
                        .filter(|p| article.text.contains(p.as_str()))
                        .count();
                    assert!(
                        copied < story.paragraphs.len() || copied <= 3,
                        "a partial copy takes two or three paragraphs, not the whole story"
                    );
                }
                ArticleKind::Independent => {
                    for story in &pools.archive {
                        for p in &story.paragraphs {
                            assert!(
                                !article.text.contains(p.as_str()),
                                "independent text never comes from the archive pool"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_copy_edit_changes_house_style_words_only() {
        assert_eq!(
            edit("Output rose 12 pct to 3 mln dlrs, the U.S. agency said."),
            "Output rose 12 per cent to 3 million dollars, the US agency says."
        );
    }
}
