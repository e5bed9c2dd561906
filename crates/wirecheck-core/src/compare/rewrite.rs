//! Sentences rewritten from a source.
//!
//! Alignment ([`super::align`]) finds copy by exact runs of words. A journalist who rewrites
//! wire copy sentence by sentence, or a synonym spinner, leaves few such runs, but each
//! rewritten sentence still shares most of its content words (names, numbers, nouns) with one
//! or two sentences of the source, and keeps many of its words in the same order. This stage
//! compares the article sentence by sentence with the sentences of the candidate stories and
//! scores each pair with the mean of two measures:
//!
//! - **content containment**: the share of the article sentence's content-word stems
//!   ([`crate::text::terms`]) found in the source sentences;
//! - **word order**: the longest common subsequence of all normalized words, function words
//!   included, over the article sentence's length. Function words in order are what a synonym
//!   spinner leaves untouched.
//!
//! A sentence scoring [`RewriteOptions::min_similarity`] or more, and holding a fifth of the
//! window's own words in order ([`MIN_WINDOW_SHARE`]: a summary of a long window is not a
//! rewrite of it), is derived from that source:
//! its words not yet in a passage join the neighbouring passage from the same source, or form a
//! new passage marked as rewritten. Source windows are one sentence or two adjacent ones,
//! since rewriters merge and split sentences.
//!
//! Cost is bounded: sentences are at most [`MAX_SENTENCE_WORDS`] words, only windows sharing at
//! least two content terms are scored, and at most [`MAX_WINDOWS_SCORED`] per sentence.

use std::collections::HashSet;
use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::Alignment;
use crate::text::Language;
use crate::text::Prepared;
use crate::text::sentences::{MAX_SENTENCE_WORDS, sentences};
use crate::text::terms::content_term_in;

/// How rewritten sentences are recognised.
#[derive(Debug, Clone)]
pub struct RewriteOptions {
    /// Similarity (0..=1, see the module docs) at or above which a sentence counts as
    /// rewritten from a source. Set on the METER development split (`docs/accuracy.md`).
    pub min_similarity: f64,
    /// Fewest content terms a sentence needs to be compared: shorter ones ("He denied it.")
    /// match anything.
    pub min_terms: usize,
    /// Fewest words a new rewritten passage must have.
    pub min_words: usize,
    /// Similarity enough for a sentence whose neighbours on both sides were taken from the
    /// same source (rewriters follow their source's order).
    pub context_similarity: f64,
    /// Whether the stage runs at all (off for the ablation in `docs/accuracy.md`).
    pub enabled: bool,
}

impl Default for RewriteOptions {
    fn default() -> Self {
        RewriteOptions {
            min_similarity: 0.45,
            min_terms: 3,
            min_words: 3,
            context_similarity: 0.3,
            enabled: true,
        }
    }
}

/// A passage with the source it came from and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Index of the source in the slice given to [`add_rewrites`].
    pub source: usize,
    /// The passage. Passages extended to a sentence's end may reach past their matched pairs.
    pub alignment: Alignment,
    /// Found by sentence comparison only: rewritten, not copied.
    pub rewritten: bool,
    /// Stock text several unrelated stories hold ([`super::stock`]).
    pub stock: bool,
}

/// Windows scored per article sentence, best content containment first.
const MAX_WINDOWS_SCORED: usize = 32;
/// A run of unmatched words this long or longer joins a passage only if at least one word in
/// [`MIN_GAP_MATCH`] is found, in order, in the source window; shorter runs are the words a
/// rewriter changed.
const MIN_GAP_CHECKED: usize = 6;
const MIN_GAP_MATCH: usize = 4;
/// Fewest content terms a window must share with a sentence to be scored at all.
const MIN_SHARED_TERMS: usize = 2;
/// Share of a source window's words, in order, that a sentence must hold to be its rewrite
/// (the word-order measure taken over the window instead of the sentence). Both measures of
/// the score are over the article sentence, so a short sentence taking four facts from a
/// 60-word window ("Seven workers are dead and 11 are in hospital.") scores like a rewrite:
/// a television site's bullet points or a rival agency's lead built on the same briefing.
/// A rewritten sentence, however loose, keeps a fifth of its source's words in order. Set on
/// METER, Reuters-21578 and the alignment benchmark (`docs/accuracy.md`).
const MIN_WINDOW_SHARE: f64 = 0.2;

/// Adds rewritten sentences to the aligned passages `found` (not overlapping in the article).
/// Returns every passage, in article order, still not overlapping in the article.
pub fn add_rewrites(
    article: &Prepared,
    sources: &[Prepared],
    mut found: Vec<Found>,
    options: &RewriteOptions,
) -> Vec<Found> {
    found.sort_by_key(|f| f.alignment.article.start);
    if !options.enabled || sources.is_empty() {
        return found;
    }

    let mut vocab = Vocabulary {
        language: article.language,
        ..Vocabulary::default()
    };
    let words: Vec<u32> = article.tokens.iter().map(|t| vocab.word(&t.norm)).collect();
    let terms: Vec<Option<u32>> = article.tokens.iter().map(|t| vocab.term(&t.norm)).collect();
    // Source words are stemmed only when they could share a stem with an article word.
    vocab.only_stem_like_article();
    let windows = SourceWindows::new(sources, &mut vocab);

    let mut owner: Vec<Option<usize>> = vec![None; article.tokens.len()];
    for (i, f) in found.iter().enumerate() {
        for o in owner
            .get_mut(f.alignment.article.clone())
            .into_iter()
            .flatten()
        {
            *o = Some(i);
        }
    }

    let spans = sentences(&article.text, &article.tokens);
    let terms_of = |sentence: &Range<usize>| {
        let mut t: Vec<u32> = terms[sentence.clone()].iter().flatten().copied().collect();
        t.sort_unstable();
        t.dedup();
        t
    };
    for sentence in &spans {
        if sentence.clone().all(|i| owner[i].is_some()) {
            continue;
        }
        let sentence_terms = terms_of(sentence);
        if sentence_terms.len() < options.min_terms {
            continue;
        }
        let wanted = Wanted {
            preferred: main_source(&owner[sentence.clone()], &found),
            only: None,
            min_similarity: options.min_similarity,
            min_shared: MIN_SHARED_TERMS,
        };
        claim_best(
            &mut found,
            &mut owner,
            &words,
            &windows,
            sentence,
            &sentence_terms,
            &wanted,
            options,
        );
    }
    // Rewriters follow their source's order: a sentence between two sentences taken from one
    // source is taken from it too when it resembles it at all (a short sentence, a looser
    // paraphrase).
    for i in 1..spans.len().saturating_sub(1) {
        let sentence = &spans[i];
        if sentence.clone().all(|i| owner[i].is_some()) {
            continue;
        }
        let before = main_source(&owner[spans[i - 1].clone()], &found);
        let after = main_source(&owner[spans[i + 1].clone()], &found);
        let (Some(source), true) = (before, before == after) else {
            continue;
        };
        let wanted = Wanted {
            preferred: Some(source),
            only: Some(source),
            min_similarity: options.context_similarity,
            min_shared: 1,
        };
        claim_best(
            &mut found,
            &mut owner,
            &words,
            &windows,
            sentence,
            &terms_of(sentence),
            &wanted,
            options,
        );
    }
    merge_rewritten(found)
}

/// Which windows [`SourceWindows::best`] may return.
struct Wanted {
    /// The source whose best qualifying window wins over any other's.
    preferred: Option<usize>,
    /// Only windows of this source.
    only: Option<usize>,
    min_similarity: f64,
    /// Fewest content terms shared with the sentence.
    min_shared: usize,
}

/// Gives the sentence to the best window `wanted` allows, if any qualifies.
#[allow(clippy::too_many_arguments)]
fn claim_best(
    found: &mut Vec<Found>,
    owner: &mut [Option<usize>],
    words: &[u32],
    windows: &SourceWindows,
    sentence: &Range<usize>,
    sentence_terms: &[u32],
    wanted: &Wanted,
    options: &RewriteOptions,
) {
    let Some(sentence_words) = words.get(sentence.clone()) else {
        return;
    };
    if let Some(best) = windows.best(sentence_words, sentence_terms, wanted) {
        claim(
            found,
            owner,
            words,
            windows,
            sentence.clone(),
            best,
            options,
        );
    }
}

/// The source owning most of a sentence's words, if any.
fn main_source(owners: &[Option<usize>], found: &[Found]) -> Option<usize> {
    let mut counts: HashMap<usize, usize> = HashMap::default();
    for passage in owners.iter().flatten() {
        if let Some(f) = found.get(*passage) {
            *counts.entry(f.source).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(source, n)| (n, std::cmp::Reverse(source)))
        .map(|(source, _)| source)
}

/// Gives the sentence's unowned words to the source of `best`: each run of them joins the
/// passage from that source right before or after it in the sentence, or becomes a new
/// rewritten passage.
fn claim(
    found: &mut Vec<Found>,
    owner: &mut [Option<usize>],
    words: &[u32],
    windows: &SourceWindows,
    sentence: Range<usize>,
    best: WindowRef,
    options: &RewriteOptions,
) {
    let window = windows.range(best);
    let mut i = sentence.start;
    while i < sentence.end {
        if owner[i].is_some() {
            i += 1;
            continue;
        }
        let gap_start = i;
        while i < sentence.end && owner[i].is_none() {
            i += 1;
        }
        let gap = gap_start..i;
        // A run that shares almost nothing with the source window is not part of the
        // rewrite: a widget or a link spliced into the sentence, an added clause.
        let source_words = windows.words(best);
        if gap.len() >= MIN_GAP_CHECKED
            && lcs_len(&words[gap.clone()], source_words) * MIN_GAP_MATCH < gap.len()
        {
            continue;
        }
        let same_source =
            |p: Option<usize>| p.filter(|&p| found.get(p).is_some_and(|f| f.source == best.source));
        let before = gap
            .start
            .checked_sub(1)
            .filter(|&b| b >= sentence.start)
            .and_then(|b| same_source(owner[b]));
        let after = Some(gap.end)
            .filter(|&a| a < sentence.end)
            .and_then(|a| same_source(owner[a]));
        let passage = if let Some(p) = before {
            let alignment = &mut found[p].alignment;
            alignment.article.end = gap.end;
            alignment.source = widen(&alignment.source, &window);
            p
        } else if let Some(p) = after {
            let alignment = &mut found[p].alignment;
            alignment.article.start = gap.start;
            alignment.source = widen(&alignment.source, &window);
            p
        } else {
            if gap.len() < options.min_words {
                continue;
            }
            let pairs: Vec<(usize, usize)> = lcs_pairs(&words[gap.clone()], source_words)
                .into_iter()
                .map(|(a, s)| (gap.start + a, window.start + s))
                .collect();
            if pairs.is_empty() {
                continue;
            }
            found.push(Found {
                source: best.source,
                alignment: Alignment {
                    article: gap.clone(),
                    source: window.clone(),
                    matched: pairs.len(),
                    pairs,
                },
                rewritten: true,
                stock: false,
            });
            found.len() - 1
        };
        for o in &mut owner[gap] {
            *o = Some(passage);
        }
    }
}

/// `current` grown to take in `window` when the two are near each other in the source (the
/// sentence continues the passage); left alone when the window is elsewhere.
fn widen(current: &Range<usize>, window: &Range<usize>) -> Range<usize> {
    let distance = if window.start >= current.end {
        window.start - current.end
    } else {
        current.start.saturating_sub(window.end)
    };
    if distance <= window.len() {
        current.start.min(window.start)..current.end.max(window.end)
    } else {
        current.clone()
    }
}

/// Joins rewritten passages that follow each other in the article and in the source into one.
fn merge_rewritten(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|f| f.alignment.article.start);
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for next in found {
        if let Some(last) = out.last_mut()
            && last.rewritten
            && next.rewritten
            && last.source == next.source
            && last.alignment.article.end == next.alignment.article.start
            && next.alignment.source.start >= last.alignment.source.start
        {
            let tail = last.alignment.pairs.last().copied();
            last.alignment.pairs.extend(
                next.alignment
                    .pairs
                    .into_iter()
                    .filter(|&(a, s)| tail.is_none_or(|(ta, ts)| a > ta && s > ts)),
            );
            last.alignment.matched = last.alignment.pairs.len();
            last.alignment.article.end = next.alignment.article.end;
            last.alignment.source.end = last.alignment.source.end.max(next.alignment.source.end);
            continue;
        }
        out.push(next);
    }
    out
}

/// Small integer ids for normalized words and for content-term stems.
#[derive(Default)]
struct Vocabulary {
    words: HashMap<String, u32>,
    /// Stem id of each word id (`None` for function words), so each word is stemmed once.
    term_of_word: Vec<Option<u32>>,
    terms: HashMap<String, u32>,
    /// When set, only words starting like one of these stems are stemmed; the others get no
    /// term. Stemming is the costliest part of preparing a source, and a source term that no
    /// article term equals can never count.
    stem_prefixes: Option<HashSet<String>>,
    /// The article's language: its stemmer and function words (`None`: English).
    language: Option<Language>,
}

/// Characters of a stem compared before stemming a source word. Snowball stemming (of every
/// language here, on words whose diacritics are already folded) only changes a word's end, so a word and its stem share their first characters.
const STEM_PREFIX: usize = 3;

fn prefix(word: &str) -> &str {
    word.char_indices()
        .nth(STEM_PREFIX)
        .map_or(word, |(at, _)| &word[..at])
}

impl Vocabulary {
    /// From now on, stem only words that start like a term already known.
    fn only_stem_like_article(&mut self) {
        self.stem_prefixes = Some(self.terms.keys().map(|t| prefix(t).to_string()).collect());
    }

    fn word(&mut self, norm: &str) -> u32 {
        if let Some(&id) = self.words.get(norm) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.insert(norm.to_string(), id);
        let wanted = self
            .stem_prefixes
            .as_ref()
            .is_none_or(|p| p.contains(prefix(norm)));
        let stem = if wanted {
            content_term_in(self.language, norm)
        } else {
            None
        };
        let term = stem.map(|stem| {
            let next = self.terms.len() as u32;
            *self.terms.entry(stem).or_insert(next)
        });
        self.term_of_word.push(term);
        id
    }

    fn term(&mut self, norm: &str) -> Option<u32> {
        let id = self.word(norm);
        self.term_of_word.get(id as usize).copied().flatten()
    }
}

/// One window of one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct WindowRef {
    source: usize,
    window: usize,
}

/// A window: one sentence, or two adjacent ones, of a source.
struct Window {
    range: Range<usize>,
}

/// Every source's windows with an index from content term to the windows holding it.
struct SourceWindows {
    words: Vec<Vec<u32>>,
    windows: Vec<Vec<Window>>,
    by_term: HashMap<u32, Vec<WindowRef>>,
}

impl SourceWindows {
    fn new(sources: &[Prepared], vocab: &mut Vocabulary) -> Self {
        let mut all_words = Vec::with_capacity(sources.len());
        let mut all_windows = Vec::with_capacity(sources.len());
        let mut by_term: HashMap<u32, Vec<WindowRef>> = HashMap::default();
        for (source, prepared) in sources.iter().enumerate() {
            let words: Vec<u32> = prepared
                .tokens
                .iter()
                .map(|t| vocab.word(&t.norm))
                .collect();
            let spans = sentences(&prepared.text, &prepared.tokens);
            let pairs = spans.windows(2).filter_map(|w| match w {
                [a, b] if a.len() + b.len() <= 2 * MAX_SENTENCE_WORDS => Some(a.start..b.end),
                _ => None,
            });
            let mut windows = Vec::new();
            for range in spans.iter().cloned().chain(pairs) {
                let mut terms: Vec<u32> = words[range.clone()]
                    .iter()
                    .filter_map(|&w| vocab.term_of_word.get(w as usize).copied().flatten())
                    .collect();
                terms.sort_unstable();
                terms.dedup();
                for &term in &terms {
                    by_term.entry(term).or_default().push(WindowRef {
                        source,
                        window: windows.len(),
                    });
                }
                windows.push(Window { range });
            }
            all_words.push(words);
            all_windows.push(windows);
        }
        SourceWindows {
            words: all_words,
            windows: all_windows,
            by_term,
        }
    }

    fn range(&self, at: WindowRef) -> Range<usize> {
        self.windows
            .get(at.source)
            .and_then(|w| w.get(at.window))
            .map_or(0..0, |w| w.range.clone())
    }

    fn words(&self, at: WindowRef) -> &[u32] {
        let range = self.range(at);
        self.words
            .get(at.source)
            .and_then(|w| w.get(range))
            .unwrap_or_default()
    }

    /// The window most similar to the sentence, at or above `min_similarity`; the best
    /// window of `preferred` wins whenever it qualifies, so a sentence stays with the source
    /// its copied words came from.
    fn best(
        &self,
        sentence_words: &[u32],
        sentence_terms: &[u32],
        wanted: &Wanted,
    ) -> Option<WindowRef> {
        let (preferred, min_similarity) = (wanted.preferred, wanted.min_similarity);
        let mut shared: HashMap<WindowRef, usize> = HashMap::default();
        for term in sentence_terms {
            for &at in self.by_term.get(term).into_iter().flatten() {
                if wanted.only.is_some_and(|only| only != at.source) {
                    continue;
                }
                *shared.entry(at).or_default() += 1;
            }
        }
        let mut ranked: Vec<(usize, WindowRef)> = shared
            .into_iter()
            .filter(|&(_, n)| n >= wanted.min_shared)
            .map(|(at, n)| (n, at))
            .collect();
        ranked.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(a.1.source.cmp(&b.1.source))
                .then(a.1.window.cmp(&b.1.window))
        });
        ranked.truncate(MAX_WINDOWS_SCORED);

        let total_terms = sentence_terms.len().max(1) as f64;
        let length = sentence_words.len().max(1) as f64;
        let mut best: Option<(f64, WindowRef)> = None;
        let mut best_preferred: Option<(f64, WindowRef)> = None;
        for (n, at) in ranked {
            let containment = n as f64 / total_terms;
            // Word order can add at most 1: skip windows that cannot qualify.
            if (containment + 1.0) / 2.0 < min_similarity {
                break;
            }
            let window_words = self.words(at);
            let common = lcs_len(sentence_words, window_words);
            let order = common as f64 / length;
            let similarity = (containment + order) / 2.0;
            if similarity < min_similarity {
                continue;
            }
            // A sentence taking a few facts from a long window summarises it; a rewrite
            // of a sentence keeps a fair part of its words in order.
            if (common as f64) < MIN_WINDOW_SHARE * window_words.len() as f64 {
                continue;
            }
            if best.is_none_or(|(s, _)| similarity > s) {
                best = Some((similarity, at));
            }
            if Some(at.source) == preferred && best_preferred.is_none_or(|(s, _)| similarity > s) {
                best_preferred = Some((similarity, at));
            }
        }
        best_preferred.or(best).map(|(_, at)| at)
    }
}

/// Length of the longest common subsequence (two rows of dynamic programming).
fn lcs_len(a: &[u32], b: &[u32]) -> usize {
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            current[j + 1] = if x == y {
                previous[j] + 1
            } else {
                previous[j + 1].max(current[j])
            };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The matched index pairs of one longest common subsequence, increasing on both sides.
/// Both inputs are bounded by the sentence and window limits, so the table stays small.
fn lcs_pairs(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    let width = b.len() + 1;
    let mut table = vec![0u16; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i * width + j] = if a[i] == b[j] {
                table[(i + 1) * width + j + 1] + 1
            } else {
                table[(i + 1) * width + j].max(table[i * width + j + 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rewritten passages found in `article` against `source`, both read in `language`.
    fn rewrites(article: &str, source: &str, language: Option<Language>) -> Vec<Found> {
        let article = Prepared::new_in(article.to_string(), language);
        let source = Prepared::without_boilerplate_in(source.to_string(), language);
        add_rewrites(
            &article,
            std::slice::from_ref(&source),
            Vec::new(),
            &RewriteOptions::default(),
        )
        .into_iter()
        .filter(|f| f.rewritten)
        .collect()
    }

    /// Two long sentences of a fictional wire story on a warehouse fire.
    const FIRE: &str = "Nine workers were killed and fourteen others injured after a fire broke \
                        out following a blast at a paint warehouse in the Orlen trading estate on \
                        Monday, officials said, while the company's owner was later detained. \
                        The blaze started at around noon in the mixing shed, where some sixty \
                        workers were on shift, and twenty fire engines fought it for six hours.";

    #[test]
    fn a_summary_of_a_long_window_is_not_a_rewrite_of_it() {
        // A television site's bullet point: four facts of the two sentences, few of their words.
        let bullet = "Nine workers are dead, fourteen injured and the owner detained at Orlen.";
        assert!(
            rewrites(bullet, FIRE, None).is_empty(),
            "a few facts of a 70-word window"
        );
        // A rewrite of the first sentence keeps much of it, in order.
        let rewrite = "Nine workers died and fourteen were hurt when a blast set off a fire at a \
                       paint warehouse on the Orlen trading estate on Monday, officials said.";
        assert_eq!(rewrites(rewrite, FIRE, None).len(), 1);
    }

    const SOURCE: &str = "La ministre de la Santé a annoncé mardi la fermeture de la maternité \
                          de Valbrune pour des raisons de sécurité, après trois incidents graves.";

    #[test]
    fn a_french_sentence_rewritten_with_other_word_forms_is_found() {
        let article = "Mardi, la ministre de la Santé annonçait fermer la maternité de Valbrune, \
                       invoquant la sécurité après trois graves incidents.";
        assert_eq!(
            rewrites(article, SOURCE, Some(Language::French)).len(),
            1,
            "French stems join annoncé/annonçait, incidents/incident"
        );
    }

    #[test]
    fn french_function_words_in_common_do_not_make_a_rewrite() {
        // Shares "la", "de", "pour des raisons de" and "mardi" with SOURCE, nothing else.
        let article = "La directrice de la piscine a confirmé mardi la réouverture de la salle \
                       de la ville pour des raisons de budget, selon la mairie.";
        assert!(
            rewrites(article, SOURCE, Some(Language::French)).is_empty(),
            "with French function words set aside, little is shared"
        );
        assert!(
            !rewrites(article, SOURCE, None).is_empty(),
            "read with the English rules, the shared French function words pass for content"
        );
    }
}
