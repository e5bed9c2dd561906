//! The evidence a verdict weighs, measured on the passages of one check.
//!
//! Coverage alone does not tell copying from shared facts: independent reports of one press
//! conference share its quotes, names and figures, and a template refilled with new numbers
//! shares its sentences. A standards editor looks further, and so do these measures:
//!
//! - how much of the wire's **narration** (words outside quotation marks) the article holds,
//!   against how much of what it shares is **quoted speech**;
//! - the **longest exact run** of words, which shared facts rarely produce;
//! - whether the passages come in the **source's order**;
//! - whether the **edits are editing** (spelling, trimming, tense: few words changed) or a
//!   **template refilled** (figures, dates and capitalised names replaced one for one);
//! - how much of the **source** the article uses, and the plain **content-word containment** of
//!   the article in its top source (robust to any alignment error).
//!
//! [`Features::measure`] computes them over any subset of passages: all of a check's passages
//! for the verdict, one source's for that source's evidence, one passage for the passage's.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::report::{DiffOp, DiffTag};
use crate::text::Language;
use crate::text::Token;
use crate::text::terms::{content_term_in, is_content_word_in};

use super::vocabulary::{StoryVocabulary, VocabularyCache};

/// A passage as the features see it.
#[derive(Debug, Clone, Copy)]
pub struct PassageView<'a> {
    /// Index of the source among the check's candidates.
    pub source: usize,
    /// Article token range.
    pub article: &'a Range<usize>,
    /// Matched (article, source) token pairs.
    pub pairs: &'a [(usize, usize)],
    /// Found as a rewritten sentence, not by shared runs of words.
    pub rewritten: bool,
    /// The word diff from the source to the article.
    pub diff: &'a [DiffOp],
}

/// What the whole article and its sources are, for the measures that need them.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The text-level measures, computed once per candidate and shared by every measurement
    /// of one check.
    pub text: &'a TextCache,
    /// The article's matching words.
    pub article: &'a [Token],
    /// For each article word, whether it is inside a quotation of the article or matched to
    /// a word inside one of its source's (see `check::quoted_either_side`).
    pub quoted: &'a [bool],
    /// Each candidate's matching words.
    pub sources: &'a [&'a [Token]],
    /// The article's sentences, as token ranges.
    pub sentences: &'a [Range<usize>],
    /// For each article word, whether it is a function word ([`function_words`]).
    pub function: &'a [bool],
    /// For each article word, whether it is a fact every report of an event carries: a
    /// name or a figure ([`fact_words`]).
    pub facts: &'a [bool],
    /// The article's language, whose stemmer and function words the measures use (`None`:
    /// English).
    pub language: Option<Language>,
    /// For each candidate, the share of the article's rare words it holds
    /// ([`RareWords::share_held_by`](crate::index::retrieve::RareWords::share_held_by)), `None`
    /// when no archive said which words are rare (too few, or a comparison with a story
    /// given).
    pub rare_words: &'a [Option<f64>],
}

/// For each word, whether it is a function word ("the", "of", "was"): computed once per check
/// for [`Context::function`].
pub fn function_words(tokens: &[Token], language: Option<Language>) -> Vec<bool> {
    tokens
        .iter()
        .map(|t| !is_content_word_in(language, &t.norm))
        .collect()
}

/// For each word, whether it is a name or a figure: a capitalised word that is not a function
/// word ("Penhallow", "Council"; not a sentence's "The"), or a word with a digit ("2029",
/// "£3.2bn"). Computed once per check for [`Context::facts`] from the article's `text`.
pub fn fact_words(text: &str, tokens: &[Token], function: &[bool]) -> Vec<bool> {
    tokens
        .iter()
        .zip(function.iter().chain(std::iter::repeat(&false)))
        .map(|(t, &f)| {
            let word = text.get(t.start..t.end).unwrap_or("");
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            word.chars().any(|c| c.is_ascii_digit()) || (capital && !f)
        })
        .collect()
}

/// Content-word, trigram and 5-gram containment of the article's words outside quotes in
/// each candidate: they depend on the candidate only, so a check computes each once however
/// many passages and sources it measures.
#[derive(Debug, Default)]
pub struct TextCache {
    article: OnceCell<ArticleSets>,
    sources: Vec<OnceCell<(f64, f64, f64)>>,
    article_figures: OnceCell<HashSet<String>>,
    figures: Vec<OnceCell<Option<f64>>>,
    vocabulary: VocabularyCache,
    stories: Vec<OnceCell<StoryVocabulary>>,
}

#[derive(Debug)]
struct ArticleSets {
    stems: HashSet<String>,
    trigrams: HashSet<u64>,
    fivegrams: HashSet<u64>,
}

impl TextCache {
    /// A cache for `sources` candidates.
    pub fn new(sources: usize) -> TextCache {
        TextCache {
            article: OnceCell::new(),
            sources: (0..sources).map(|_| OnceCell::new()).collect(),
            article_figures: OnceCell::new(),
            figures: (0..sources).map(|_| OnceCell::new()).collect(),
            vocabulary: VocabularyCache::new(sources),
            stories: (0..sources).map(|_| OnceCell::new()).collect(),
        }
    }

    /// The article's vocabulary in `source` and its versions (see [`super::vocabulary`]).
    fn story(&self, context: &Context<'_>, source: usize) -> StoryVocabulary {
        let compute = || {
            self.vocabulary
                .measure(context.article, context.sources, source, context.language)
        };
        match self.stories.get(source) {
            Some(cell) => *cell.get_or_init(compute),
            None => compute(),
        }
    }

    /// The share of the article's distinct figures that `source` holds: see
    /// [`Features::figures`].
    fn figures(&self, context: &Context<'_>, source: usize) -> Option<f64> {
        let compute = || {
            let article = self.article_figures.get_or_init(|| {
                // The figures of the article's prose: a page's "Updated: 2024-05-02 10:41",
                // a copyright year or a picture's number are the page's, not the story's.
                figures_of(
                    context
                        .sentences
                        .iter()
                        .filter(|s| s.len() >= PROSE_SENTENCE)
                        .filter_map(|s| context.article.get(s.clone()))
                        .flatten(),
                )
            });
            if article.len() < MIN_FIGURES {
                return None;
            }
            let tokens = context.sources.get(source).copied().unwrap_or_default();
            let held = figures_of(tokens);
            Some(ratio(article.intersection(&held).count(), article.len()))
        };
        match self.figures.get(source) {
            Some(cell) => *cell.get_or_init(compute),
            None => compute(),
        }
    }

    /// (containment, trigrams, fivegrams) of the article's words outside quotes in `source`.
    fn measures(&self, context: &Context<'_>, source: usize) -> (f64, f64, f64) {
        let compute = || {
            let article = self.article.get_or_init(|| {
                let narration: Vec<Token> = context
                    .article
                    .iter()
                    .zip(context.quoted.iter().chain(std::iter::repeat(&false)))
                    .filter(|(_, q)| !**q)
                    .map(|(t, _)| t.clone())
                    .collect();
                ArticleSets {
                    stems: stems(&narration, context.language),
                    trigrams: grams::<3>(&narration),
                    fivegrams: grams::<5>(&narration),
                }
            });
            let tokens = context.sources.get(source).copied().unwrap_or_default();
            let share =
                |a: &HashSet<u64>, s: HashSet<u64>| ratio(a.intersection(&s).count(), a.len());
            let source_stems = stems(tokens, context.language);
            (
                ratio(
                    article.stems.intersection(&source_stems).count(),
                    article.stems.len(),
                ),
                share(&article.trigrams, grams::<3>(tokens)),
                share(&article.fivegrams, grams::<5>(tokens)),
            )
        };
        match self.sources.get(source) {
            Some(cell) => *cell.get_or_init(compute),
            None => compute(),
        }
    }
}

/// The measures, raw (not standardized); see the module docs. In the JSON report as
/// `measures`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Features {
    /// Share of the article's narration (its words outside quotes and refilled templates) in
    /// the passages.
    pub coverage: f64,
    /// Share of the narration in passages found by shared runs (not rewritten).
    pub copied: f64,
    /// Share of the narration in passages with no edit at all.
    pub verbatim: f64,
    /// Longest run of narration words shared in order, in words.
    pub longest_run: f64,
    /// Share of the narration matched exactly (in a passage's matched pairs, not only inside
    /// its span).
    pub narration: f64,
    /// Share of the passages' words that are inside quotes in the article, or matched to words
    /// inside a quotation of the source (set aside from the other measures).
    pub quoted: f64,
    /// Share of the passages' words in passages that are a template refilled with other
    /// figures and names (set aside from the other measures).
    pub template: f64,
    /// Share of the top source's words that the passages use.
    pub source_used: f64,
    /// Share of consecutive passages (from the top source, in article order) that also follow
    /// each other in the source; 1 with fewer than two passages.
    pub order: f64,
    /// Words inserted or deleted per word kept, in passages found by shared runs.
    pub edit_rate: f64,
    /// Replacements of a figure, date or capitalised name by another, per passage: the mark of
    /// a template refilled with new facts.
    pub refill: f64,
    /// Passages of 20 words or more, mostly narration.
    pub long_narration: f64,
    /// Share of the article's distinct content-word stems (outside quotes) found in the top
    /// source.
    pub containment: f64,
    /// Words of the article.
    pub article_words: f64,
    /// Share of the article's first [`LEAD`] words in the passages: a copy keeps the wire's
    /// lead, an independent report writes its own.
    pub lead: f64,
    /// Share of the top source's first [`LEAD`] words that the passages use.
    pub source_lead: f64,
    /// Share of the article's sentences with at least half of their words in passages.
    pub sentences: f64,
    /// Share of the article's word trigrams found in the top source.
    pub trigrams: f64,
    /// Share of the narration in passages holding an exact run of [`LONG_RUN`] narration
    /// words or more.
    pub long_runs: f64,
    /// Share of all the article's words matched exactly in the narration.
    pub exact: f64,
    /// Share of the article's function words ("the", "of", "was") matched exactly: shared
    /// facts share names and figures, copying shares the words between them.
    pub function_words: f64,
    /// Share of the article's word 5-grams found in the top source.
    pub fivegrams: f64,
    /// Most narration words matched exactly in one passage found by shared runs (not
    /// rewritten, not a refilled template): copy with its edits, however long the article.
    #[serde(default)]
    pub longest_copy: f64,
    /// Share of the article's distinct words (quotes included) found in the top source or its
    /// versions among the candidates ([`super::vocabulary`]).
    #[serde(default)]
    pub story_words: f64,
    /// The same for distinct content-word stems.
    #[serde(default)]
    pub story_content: f64,
    /// The same for distinct pairs of consecutive words.
    #[serde(default)]
    pub story_bigrams: f64,
    /// Share of the article's running words whose word the top source or its versions have.
    #[serde(default)]
    pub story_tokens: f64,
    /// Share of the article's rare words (the longest of its content words that at least one
    /// and at most [`rare_max_stories`](crate::RetrieveOptions::rare_max_stories) stories of
    /// the archive hold) that the top source holds; `None` (`null`) with fewer than
    /// [`MIN_RARE_WORDS`](crate::index::retrieve::MIN_RARE_WORDS) of them, or when no archive
    /// was asked (a comparison with a story given). A rewrite keeps its source's specific
    /// words; a template refilled with another company's names, or a story of another day in
    /// the same frame, does not.
    #[serde(default)]
    pub rare_words: Option<f64>,
    /// Share of the article's distinct figures (words with a digit: amounts, dates, ages,
    /// scores; small numbers in words by their value; quotes included; in sentences of eight words or more, not a page's date lines
    /// or copyright) that the top source holds; `None` (`null`) with fewer than
    /// [`MIN_FIGURES`] of them. A rewrite keeps its source's facts; a story of another day or
    /// another deal told in the same words (a follow-up, a monthly report, the same offer of
    /// another issuer) brings new ones.
    #[serde(default)]
    pub figures: Option<f64>,
    /// Share of the words of the article's prose (its sentences of [`PROSE_SENTENCE`] words or
    /// more, quotes included: not its menus, headings, date lines and captions) outside every
    /// passage: how much of what the article tells is its own. An article whose own
    /// paragraphs are half of it is not wholly derived, however word for word the rest is
    /// (see [`super::MAX_OWN_PROSE`]).
    #[serde(default)]
    pub own_prose: f64,
    /// The most words that are not names or figures ([`Context::facts`]) in one run of
    /// [`MIN_NARRATION_RUN`](super::MIN_NARRATION_RUN) narration words or more shared in order
    /// (0 without such a run): "Ruth Penhallow, chief executive of the Council of Housing
    /// Associations" is a run of 10 with 5, a name and title every report carries; copied
    /// narration is mostly ordinary words (see [`super::MIN_PLAIN_RUN`]).
    #[serde(default)]
    pub plain_run: f64,
    /// The source with most words in the passages, if any (an index among the candidates).
    #[serde(skip)]
    pub top_source: Option<usize>,
}

/// Fewest distinct figures an article needs for [`Features::figures`] to be measured.
pub const MIN_FIGURES: usize = 2;

/// Fewest words in a sentence whose figures [`Features::figures`] counts: shorter lines are a
/// page's furniture (a date line, a copyright, a caption's number) more often than its story.
const PROSE_SENTENCE: usize = 8;

/// The distinct figures of `tokens`: words with a digit (amounts, dates, ages, scores) and
/// numbers up to twenty in words ("six", "fifth"), each small number by its value, so that
/// "six" and "6" are one figure.
fn figures_of<'a>(tokens: impl IntoIterator<Item = &'a Token>) -> HashSet<String> {
    tokens
        .into_iter()
        .filter_map(|t| {
            let value = number_value(&t.norm);
            if t.norm.chars().any(|c| c.is_ascii_digit()) {
                Some(value.map_or_else(|| t.norm.clone(), |n| n.to_string()))
            } else {
                // "one" and "first" are more often words than figures ("one of the", "for
                // the first time").
                value.filter(|&n| n >= 2).map(|n| n.to_string())
            }
        })
        .collect()
}

/// Fewest words in a passage counted by [`Features::long_narration`].
const LONG_PASSAGE: usize = 20;
/// Words of a lead.
pub const LEAD: usize = 40;
/// The exact run [`Features::long_runs`] asks for.
const LONG_RUN: usize = 8;

impl Features {
    /// Measures `passages` of one check.
    ///
    /// Words that independent reports share without copying are not evidence: words inside
    /// quotation marks (a speaker's words, which every report of the event carries) and the
    /// words of passages that are a template refilled with other figures and names
    /// ([`Edits::is_template`]). Every measure of copying counts only the other words, the
    /// article's own narration; `quoted` and `template` say how much was set aside.
    pub fn measure(context: &Context<'_>, passages: &[PassageView<'_>]) -> Features {
        let total = context.article.len();
        let mut evidence: Vec<bool> = context.quoted.iter().map(|q| !q).collect();
        evidence.resize(total, true);
        let narration_total = evidence.iter().filter(|e| **e).count();
        let mut words_by_source: Vec<usize> = vec![0; context.sources.len()];
        let (mut words, mut quoted, mut template) = (0, 0, 0);
        let edits: Vec<Edits> = passages.iter().map(|p| Edits::of(p.diff)).collect();
        for (p, e) in passages.iter().zip(&edits) {
            let range = p.article.start.min(total)..p.article.end.min(total);
            words += range.len();
            quoted += context
                .quoted
                .get(range.clone())
                .map_or(0, |q| q.iter().filter(|q| **q).count());
            if let Some(w) = words_by_source.get_mut(p.source) {
                *w += range.len();
            }
            if e.is_template() {
                template += range.len();
                for w in &mut evidence[range] {
                    *w = false;
                }
            }
        }
        let counts = |a: usize| evidence.get(a).copied().unwrap_or(false);

        let (mut copied, mut verbatim, mut covered_words) = (0, 0, 0);
        let (mut kept, mut changed, mut refill, mut long_narration) = (0, 0, 0, 0);
        let (mut longest, mut long_runs, mut longest_copy) = (0, 0, 0);
        let mut plain_run = 0;
        let mut in_passage = vec![false; total];
        let mut in_range = vec![false; total];
        let mut exact = vec![false; total];
        for (p, e) in passages.iter().zip(&edits) {
            let range = p.article.start.min(total)..p.article.end.min(total);
            if let Some(words) = in_range.get_mut(range.clone()) {
                words.fill(true);
            }
            let n = range.clone().filter(|&a| counts(a)).count();
            for a in range {
                in_passage[a] |= counts(a);
            }
            for &(a, _) in p.pairs {
                if counts(a) {
                    exact[a] = true;
                }
            }
            let run = longest_run_where(p.pairs, counts);
            longest = longest.max(run);
            let plain = |a: usize| !context.facts.get(a).copied().unwrap_or(false);
            let long = super::MIN_NARRATION_RUN as usize;
            plain_run = plain_run.max(heaviest_run_where(p.pairs, long, counts, plain));
            if run >= LONG_RUN {
                long_runs += n;
            }
            if n >= LONG_PASSAGE {
                long_narration += 1;
            }
            covered_words += n;
            if p.rewritten {
                continue;
            }
            if !e.is_template() {
                let matched = p.pairs.iter().filter(|&&(a, _)| counts(a)).count();
                longest_copy = longest_copy.max(matched);
            }
            copied += n;
            if e.changed == 0 {
                verbatim += n;
            }
            kept += e.kept;
            changed += e.changed;
            refill += e.refill;
        }
        let top_source = most_words(&words_by_source);
        let story = top_source.map_or_else(StoryVocabulary::default, |top| {
            context.text.story(context, top)
        });
        let (source_used, source_lead, order, containment, trigrams, fivegrams) = match top_source {
            Some(top) => {
                let source = context.sources.get(top).copied().unwrap_or_default();
                let of_top: Vec<&PassageView<'_>> =
                    passages.iter().filter(|p| p.source == top).collect();
                let (containment, trigrams, fivegrams) = context.text.measures(context, top);
                (
                    source_used(0..source.len(), &of_top),
                    source_used(0..source.len().min(LEAD), &of_top),
                    order(&of_top),
                    containment,
                    trigrams,
                    fivegrams,
                )
            }
            None => (0.0, 0.0, 1.0, 0.0, 0.0, 0.0),
        };
        let lead_words = total.min(LEAD);
        let lead = in_passage[..lead_words].iter().filter(|w| **w).count();
        let covered_sentences = context
            .sentences
            .iter()
            .filter(|s| {
                let n = in_passage
                    .get((*s).clone())
                    .map_or(0, |w| w.iter().filter(|w| **w).count());
                !s.is_empty() && 2 * n >= s.len()
            })
            .count();
        let (prose_words, prose_covered) = context
            .sentences
            .iter()
            .filter(|s| s.len() >= PROSE_SENTENCE)
            .filter_map(|s| in_range.get(s.clone()))
            .fold((0, 0), |(all, covered), words| {
                (
                    all + words.len(),
                    covered + words.iter().filter(|w| **w).count(),
                )
            });
        let function = context.function;
        let function_matched = function
            .iter()
            .zip(&exact)
            .filter(|(f, e)| **f && **e)
            .count();
        let exact_words = exact.iter().filter(|e| **e).count();
        Features {
            coverage: ratio(covered_words, narration_total),
            copied: ratio(copied, narration_total),
            verbatim: ratio(verbatim, narration_total),
            longest_run: longest as f64,
            narration: ratio(exact_words, narration_total),
            quoted: ratio(quoted, words),
            template: ratio(template, words),
            source_used,
            order,
            edit_rate: changed as f64 / (kept as f64 + 1.0),
            refill: refill as f64 / passages.len().max(1) as f64,
            long_narration: long_narration as f64,
            containment,
            article_words: total as f64,
            lead: ratio(lead, lead_words),
            source_lead,
            sentences: ratio(covered_sentences, context.sentences.len()),
            trigrams,
            long_runs: ratio(long_runs, narration_total),
            exact: ratio(exact_words, total),
            function_words: ratio(function_matched, function.iter().filter(|f| **f).count()),
            fivegrams,
            longest_copy: longest_copy as f64,
            story_words: story.words,
            story_content: story.content,
            story_bigrams: story.bigrams,
            story_tokens: story.tokens,
            rare_words: top_source.and_then(|top| context.rare_words.get(top).copied().flatten()),
            figures: top_source.and_then(|top| context.text.figures(context, top)),
            plain_run: plain_run as f64,
            own_prose: if prose_words == 0 {
                ratio(in_range.iter().filter(|w| !**w).count(), total)
            } else {
                ratio(prose_words - prose_covered, prose_words)
            },
            top_source,
        }
    }
}

/// Word counts of a diff.
#[derive(Debug, Default)]
struct Edits {
    /// Words equal on both sides.
    kept: usize,
    /// Words inserted or deleted.
    changed: usize,
    /// Replacements of facts by facts (see [`all_facts`]).
    refill: usize,
    /// Figures (words with a digit) kept.
    figures_kept: usize,
    /// Figures the article put in place of others.
    figures_changed: usize,
}

impl Edits {
    fn of(diff: &[DiffOp]) -> Edits {
        let mut edits = Edits::default();
        let figures = |text: &str| {
            text.split_whitespace()
                .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
                .count()
        };
        for (i, op) in diff.iter().enumerate() {
            let n = op.text.split_whitespace().count();
            match op.op {
                DiffTag::Equal => {
                    edits.kept += n;
                    edits.figures_kept += figures(&op.text);
                }
                DiffTag::Insert => {
                    edits.changed += n;
                    // A replacement: the source's words deleted right before.
                    // A replacement: the source's words deleted right before. One that spells
                    // the same words another way ("Sergeant" as "Sgt", "First" as "1st") is
                    // house style, not a new fact.
                    if let Some(prev) = i.checked_sub(1).and_then(|p| diff.get(p))
                        && prev.op == DiffTag::Delete
                        && !is_restyled(&prev.text, &op.text)
                    {
                        edits.figures_changed += figures(&op.text).min(figures(&prev.text));
                        if all_facts(&prev.text) && all_facts(&op.text) {
                            edits.refill += 1;
                        }
                    }
                }
                DiffTag::Delete => edits.changed += n,
            }
        }
        edits
    }

    /// Whether the passage is a template refilled with other facts rather than copy that was
    /// edited: at least two facts replaced by others, and either a third of its figures
    /// replaced or a fact replaced every 25 kept words; or at least three figures replaced and
    /// no more kept. An editor correcting a figure of a
    /// copy keeps most of the others, in long stretches of unchanged text; a template of
    /// another day, quarter or country keeps its frame and takes new figures, dates and names
    /// in every sentence (some figures recur, by chance or as the prior period's).
    fn is_template(&self) -> bool {
        let refilled = self.refill >= 2
            && (2 * self.figures_changed >= self.figures_kept || 25 * self.refill >= self.kept);
        // A table of figures refilled ("Shr 66 cts vs 33 cts Net …" for another company):
        // whole stretches of figures replaced, more than were kept.
        let refigured = self.figures_changed >= 3 && self.figures_changed >= self.figures_kept;
        refilled || refigured
    }
}

/// Whether `inserted` spells the words of `deleted` another way, word for word: an
/// abbreviation or its expansion ("Sergeant" and "Sgt", "Private" and "Pte", "Yorkshire" and
/// "Yorks", "January" and "Jan"), or a number or ordinal in words and in figures ("six" and
/// "6", "First" and "1st"). A copy editor's house style, which a template refilled with other
/// names and figures is not.
fn is_restyled(deleted: &str, inserted: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| c.is_whitespace() || c == '-')
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (words(deleted), words(inserted));
    !a.is_empty() && a.len() == b.len() && a.iter().zip(&b).all(|(a, b)| same_word_restyled(a, b))
}

/// Whether two lowercase words are one word in two styles (see [`is_restyled`]).
fn same_word_restyled(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if let (Some(x), Some(y)) = (number_value(a), number_value(b)) {
        return x == y;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let alphabetic = |w: &str| w.chars().all(char::is_alphabetic);
    if short.chars().count() < 2 || !alphabetic(short) || !alphabetic(long) {
        return false;
    }
    // An abbreviation is much shorter than its word ("Sgt", "Jan", "Yorks": at most two
    // thirds of it, so that "Niger" is not "Nigeria" nor "Austria" "Australia") and is one of
    // its prefixes ("Jan", "Capt"), a prefix with a plural-like "s" ("Yorks", "Lancs"), or
    // its first and last letters with some between, in order ("Sgt", "Pte", "Govt", "Cllr").
    let (short_len, long_len) = (short.chars().count(), long.chars().count());
    if 3 * short_len > 2 * long_len {
        return false;
    }
    let prefix = long.starts_with(short)
        || short
            .strip_suffix('s')
            .is_some_and(|stem| stem.chars().count() >= 2 && long.starts_with(stem));
    let mut rest = long.chars();
    let contraction = short.chars().next() == long.chars().next()
        && short.chars().last() == long.chars().last()
        && short.chars().all(|c| rest.any(|l| l == c));
    prefix || contraction
}

/// The value of a number in figures ("6", "6th", "2024") or of a number or ordinal in words up
/// to twenty ("six", "sixth"), or `None`.
fn number_value(word: &str) -> Option<u32> {
    let first = word.as_bytes().first()?;
    if first.is_ascii_digit() {
        let digits = word.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        let suffix = &word[digits.len()..];
        return match suffix {
            "" | "st" | "nd" | "rd" | "th" => digits.parse().ok(),
            _ => None,
        };
    }
    // Called on every word of a text: a match on the word is a few comparisons.
    let n = match word {
        "zero" | "zeroth" => 0,
        "one" | "first" => 1,
        "two" | "second" => 2,
        "three" | "third" => 3,
        "four" | "fourth" => 4,
        "five" | "fifth" => 5,
        "six" | "sixth" => 6,
        "seven" | "seventh" => 7,
        "eight" | "eighth" => 8,
        "nine" | "ninth" => 9,
        "ten" | "tenth" => 10,
        "eleven" | "eleventh" => 11,
        "twelve" | "twelfth" => 12,
        "thirteen" | "thirteenth" => 13,
        "fourteen" | "fourteenth" => 14,
        "fifteen" | "fifteenth" => 15,
        "sixteen" | "sixteenth" => 16,
        "seventeen" | "seventeenth" => 17,
        "eighteen" | "eighteenth" => 18,
        "nineteen" | "nineteenth" => 19,
        "twenty" | "twentieth" => 20,
        _ => return None,
    };
    Some(n)
}

/// Whether every word of `text` is a figure, a date word or a capitalised name: what a
/// template takes new values for.
fn all_facts(text: &str) -> bool {
    const DATE_WORDS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "first",
        "second",
        "third",
        "fourth",
        "quarter",
        "half",
        "percent",
        "cent",
        "per",
        "million",
        "billion",
        "rose",
        "fell",
        "up",
        "down",
    ];
    let mut any = false;
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            continue;
        }
        any = true;
        let lower = word.to_lowercase();
        // A number in words is a figure too ("nine years" for "12 years").
        let fact = word.chars().any(|c| c.is_ascii_digit())
            || word.chars().next().is_some_and(char::is_uppercase)
            || DATE_WORDS.contains(&lower.as_str())
            || number_value(&lower).is_some();
        if !fact {
            return false;
        }
    }
    any
}

/// The source with the most words (the first of equals), if any has some.
pub(crate) fn most_words(words_by_source: &[usize]) -> Option<usize> {
    words_by_source
        .iter()
        .enumerate()
        .filter(|(_, w)| **w > 0)
        .max_by_key(|&(i, w)| (*w, std::cmp::Reverse(i)))
        .map(|(i, _)| i)
}

/// The longest run of pairs that follow each other in both texts, counting only pairs whose
/// article word passes `keep` (any other ends the run).
pub(crate) fn longest_run_where(pairs: &[(usize, usize)], keep: impl Fn(usize) -> bool) -> usize {
    let mut best = 0;
    let mut run = 0;
    let mut last: Option<(usize, usize)> = None;
    for &(a, s) in pairs {
        if !keep(a) {
            last = None;
            run = 0;
            continue;
        }
        run = match last {
            Some((la, ls)) if a == la + 1 && s == ls + 1 => run + 1,
            _ => 1,
        };
        best = best.max(run);
        last = Some((a, s));
    }
    best
}

/// The most words for which `weigh` holds in one run of `pairs` kept by `keep`, consecutive on
/// both sides (see [`longest_run_where`]), among the runs of `min_len` words or more; 0
/// without such a run.
fn heaviest_run_where(
    pairs: &[(usize, usize)],
    min_len: usize,
    keep: impl Fn(usize) -> bool,
    weigh: impl Fn(usize) -> bool,
) -> usize {
    let mut best = 0;
    let (mut len, mut weight) = (0, 0);
    let mut last: Option<(usize, usize)> = None;
    for &(a, s) in pairs {
        if !keep(a) {
            last = None;
            (len, weight) = (0, 0);
            continue;
        }
        let w = usize::from(weigh(a));
        (len, weight) = match last {
            Some((la, ls)) if a == la + 1 && s == ls + 1 => (len + 1, weight + w),
            _ => (1, w),
        };
        if len >= min_len {
            best = best.max(weight);
        }
        last = Some((a, s));
    }
    best
}

/// Share of the source words in `range` that the passages' pairs use.
fn source_used(range: Range<usize>, passages: &[&PassageView<'_>]) -> f64 {
    let used: HashSet<usize> = passages
        .iter()
        .flat_map(|p| p.pairs.iter().map(|&(_, s)| s))
        .filter(|s| range.contains(s))
        .collect();
    ratio(used.len(), range.len())
}

/// The hashes of the word `N`-grams of `tokens`.
fn grams<const N: usize>(tokens: &[Token]) -> HashSet<u64> {
    tokens
        .windows(N)
        .map(|w| {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            for t in w {
                h.update(t.norm.as_bytes());
                h.update(&[0]);
            }
            h.digest()
        })
        .collect()
}

/// The distinct content-word stems of `tokens`.
fn stems(tokens: &[Token], language: Option<Language>) -> HashSet<String> {
    tokens
        .iter()
        .filter_map(|t| content_term_in(language, &t.norm))
        .collect()
}

fn order(passages: &[&PassageView<'_>]) -> f64 {
    let mut starts: Vec<(usize, usize)> = passages
        .iter()
        .filter_map(|p| p.pairs.first().map(|&(a, s)| (a, s)))
        .collect();
    starts.sort_unstable();
    if starts.len() < 2 {
        return 1.0;
    }
    let in_order = starts.windows(2).filter(|w| w[1].1 > w[0].1).count();
    in_order as f64 / (starts.len() - 1) as f64
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 / whole as f64).min(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(tag: DiffTag, text: &str) -> DiffOp {
        DiffOp {
            op: tag,
            text: text.to_string(),
            start: 0,
            end: 0,
        }
    }

    #[test]
    fn names_and_figures_are_facts_and_the_heaviest_run_counts_the_rest() {
        let text = "The bases: Prince George in British Columbia and Thompson, 2028.";
        let tokens = crate::text::tokenize(text);
        let function = function_words(&tokens, None);
        let facts = fact_words(text, &tokens, &function);
        let named: Vec<&str> = tokens
            .iter()
            .zip(&facts)
            .filter(|(_, f)| **f)
            .map(|(t, _)| &text[t.start..t.end])
            .collect();
        assert_eq!(
            named,
            [
                "Prince", "George", "British", "Columbia", "Thompson", "2028"
            ],
            "a sentence's capitalised 'The' is a function word, not a name"
        );
        // A run of six pairs, then one of two; weigh the even article words only.
        let pairs = [
            (0, 5),
            (1, 6),
            (2, 7),
            (3, 8),
            (4, 9),
            (5, 10),
            (7, 12),
            (8, 13),
        ];
        assert_eq!(heaviest_run_where(&pairs, 1, |_| true, |a| a % 2 == 0), 3);
        assert_eq!(heaviest_run_where(&pairs, 1, |a| a != 2, |_| true), 3);
        // Only runs of six or more count: the short run's weight is not the long run's.
        let odd = |a: usize| a % 2 == 1;
        assert_eq!(heaviest_run_where(&pairs, 6, |_| true, odd), 3);
        assert_eq!(heaviest_run_where(&pairs, 7, |_| true, odd), 0);
        assert_eq!(heaviest_run_where(&pairs[..5], 6, |_| true, |_| true), 0);
    }

    #[test]
    fn refilled_figures_and_names_are_told_from_editing() {
        let template = [
            op(DiffTag::Equal, "revenue rose to"),
            op(DiffTag::Delete, "$4.1 billion"),
            op(DiffTag::Insert, "$4.6 billion"),
            op(DiffTag::Equal, "in the quarter ended"),
            op(DiffTag::Delete, "September 30, 2023"),
            op(DiffTag::Insert, "September 30, 2024"),
        ];
        assert_eq!(Edits::of(&template).refill, 2);
        let editing = [
            op(DiffTag::Equal, "the council"),
            op(DiffTag::Delete, "will"),
            op(DiffTag::Insert, "would"),
            op(DiffTag::Equal, "meet on"),
            op(DiffTag::Delete, "Thursday to discuss the plan"),
        ];
        let edits = Edits::of(&editing);
        assert_eq!(edits.refill, 0, "a tense change and a trim are editing");
        assert_eq!(edits.changed, 7);
    }

    #[test]
    fn a_court_report_of_another_case_in_the_same_template_is_refilled() {
        // Another defendant's ban, in words, and another officer: a number in words is a
        // figure replaced like one in digits.
        let other_case = [
            op(DiffTag::Equal, "As well as the jail term,"),
            op(DiffTag::Delete, "Prothero"),
            op(DiffTag::Insert, "Molloy"),
            op(DiffTag::Equal, "was banned from driving for"),
            op(DiffTag::Delete, "12"),
            op(DiffTag::Insert, "nine"),
            op(
                DiffTag::Equal,
                "years and must pass an extended test before he can drive again.",
            ),
            op(DiffTag::Equal, "Speaking after the hearing,"),
            op(DiffTag::Delete, "Sergeant Mark Bevan"),
            op(DiffTag::Insert, "Constable Sioned Harries"),
            op(DiffTag::Equal, "said"),
        ];
        let edits = Edits::of(&other_case);
        assert_eq!(edits.refill, 3, "{edits:?}");
        assert!(edits.is_template());
        // The same report with a number restyled ("12" as "twelve") is house style.
        let restyled = [
            op(DiffTag::Equal, "Prothero was banned from driving for"),
            op(DiffTag::Delete, "12"),
            op(DiffTag::Insert, "twelve"),
            op(
                DiffTag::Equal,
                "years and must pass an extended test before he can drive again.",
            ),
        ];
        assert_eq!(Edits::of(&restyled).refill, 0);
    }

    #[test]
    fn a_copy_editor_s_abbreviations_are_not_a_template_refilled() {
        // A newspaper's house style on a wire story: ranks, counties and ordinals shortened.
        let restyled = [
            op(DiffTag::Equal, "a tribunal cleared Staff"),
            op(DiffTag::Delete, "Sergeant"),
            op(DiffTag::Insert, "Sgt"),
            op(
                DiffTag::Equal,
                "Ilona Marsh of failing to report a fall suffered by",
            ),
            op(DiffTag::Delete, "Private"),
            op(DiffTag::Insert, "Pte"),
            op(DiffTag::Equal, "Tobin Quaye at Fellbridge camp, North"),
            op(DiffTag::Delete, "Yorkshire"),
            op(DiffTag::Insert, "Yorks"),
            op(DiffTag::Equal, "with the"),
            op(DiffTag::Delete, "First"),
            op(DiffTag::Insert, "1st"),
            op(DiffTag::Equal, "Battalion"),
        ];
        let edits = Edits::of(&restyled);
        assert_eq!(edits.refill, 0, "{edits:?}");
        assert!(!edits.is_template());
        // Other names and figures in the same frame are still a refill.
        let refilled = [
            op(DiffTag::Equal, "a tribunal cleared Staff Sergeant"),
            op(DiffTag::Delete, "Ilona Marsh"),
            op(DiffTag::Insert, "Kemal Aydin"),
            op(
                DiffTag::Equal,
                "of failing to report a fall suffered by Private",
            ),
            op(DiffTag::Delete, "Tobin Quaye"),
            op(DiffTag::Insert, "Ruth Kessel"),
            op(DiffTag::Equal, "at"),
            op(DiffTag::Delete, "Iran"),
            op(DiffTag::Insert, "Iraq"),
        ];
        assert_eq!(Edits::of(&refilled).refill, 3);
        assert!(Edits::of(&refilled).is_template());
    }

    #[test]
    fn figures_are_words_with_a_digit_and_small_numbers_by_their_value() {
        let figures = |text: &str| {
            let mut f: Vec<String> = figures_of(&crate::text::tokenize(text))
                .into_iter()
                .collect();
            f.sort();
            f
        };
        assert_eq!(
            figures("Six men, aged 19 to 6th formers, paid 3,500 dlrs on 4 May 2024"),
            figures("6 men aged nineteen to sixth formers paid 3,500 dlrs on four May 2024"),
            "a number in words is the same figure in digits"
        );
        assert!(figures("one of the first times, for no one").is_empty());
        assert!(figures("the council met").is_empty());
    }

    #[test]
    fn restyled_words_are_abbreviations_and_numbers_in_figures() {
        assert!(is_restyled("Sergeant", "Sgt"));
        assert!(is_restyled("Lancs", "Lancashire"));
        assert!(is_restyled("January 4", "Jan 4"));
        assert!(is_restyled("six", "6"));
        assert!(is_restyled("First", "1st"));
        assert!(is_restyled("Sgt-Major", "Sergeant Major"));
        assert!(is_restyled("Government", "Govt"));
        assert!(is_restyled("Yorkshire", "Yorks"));
        assert!(!is_restyled("Iran", "Iraq"), "another country");
        assert!(!is_restyled("Niger", "Nigeria"));
        assert!(!is_restyled("Austria", "Australia"));
        assert!(!is_restyled("Iran", "Ireland"));
        assert!(!is_restyled("Monday", "Friday"));
        assert!(!is_restyled("2023", "2024"));
        assert!(!is_restyled("six", "seven"));
        assert!(
            !is_restyled("Ilona Marsh", "Ilona"),
            "a trim, not a restyle"
        );
        assert!(!is_restyled("", ""));
    }

    #[test]
    fn a_table_of_figures_refilled_is_a_template_and_a_correction_is_not() {
        let table = [
            op(DiffTag::Equal, "Shr"),
            op(
                DiffTag::Delete,
                "27 cts vs 29 cts Net 13,555,000 vs 14,635,000",
            ),
            op(
                DiffTag::Insert,
                "66 cts vs 33 cts Net 2,955,000 vs 1,563,000",
            ),
            op(DiffTag::Equal, "Revs"),
            op(DiffTag::Delete, "104,606,000 vs 110,311,000 Avg shrs 47.2"),
            op(DiffTag::Insert, "26.1 mln vs 23.9 mln"),
        ];
        assert!(Edits::of(&table).is_template(), "{:?}", Edits::of(&table));
        let correction = [
            op(DiffTag::Equal, "The quake of magnitude"),
            op(DiffTag::Delete, "6.5"),
            op(DiffTag::Insert, "6.7"),
            op(
                DiffTag::Equal,
                "struck at 4:12 a.m. 40 km north of the city, killing at least 12 people and injuring 230, officials said on 3 March",
            ),
        ];
        assert!(
            !Edits::of(&correction).is_template(),
            "one figure corrected among many kept is editing"
        );
    }

    #[test]
    fn runs_and_order() {
        assert_eq!(
            longest_run_where(&[(0, 5), (1, 6), (2, 7), (4, 9), (5, 10)], |_| true),
            3
        );
        assert_eq!(longest_run_where(&[], |_| true), 0);
        let view = |article: &'static Range<usize>, pairs: &'static [(usize, usize)]| PassageView {
            source: 0,
            article,
            pairs,
            rewritten: false,
            diff: &[],
        };
        static A: Range<usize> = 0..3;
        static B: Range<usize> = 3..6;
        static C: Range<usize> = 6..9;
        let passages = [
            view(&A, &[(0, 10)]),
            view(&B, &[(3, 20)]),
            view(&C, &[(6, 5)]),
        ];
        let refs: Vec<&PassageView<'_>> = passages.iter().collect();
        assert!(
            (order(&refs) - 0.5).abs() < 1e-9,
            "one of two steps goes back"
        );
    }
}
