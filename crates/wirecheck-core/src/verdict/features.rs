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

use std::collections::HashSet;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::report::{DiffOp, DiffTag};
use crate::text::Token;
use crate::text::terms::{content_term, is_content_word};

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
    /// The article's matching words.
    pub article: &'a [Token],
    /// For each article word, whether it is inside a quotation.
    pub quoted: &'a [bool],
    /// Each candidate's matching words.
    pub sources: &'a [&'a [Token]],
    /// The article's sentences, as token ranges.
    pub sentences: &'a [Range<usize>],
}

/// The measures, raw (not standardized); see the module docs. In the JSON report as
/// `measures`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Features {
    /// Share of the article's words in the passages.
    pub coverage: f64,
    /// Share of the article's words in passages found by shared runs (not rewritten).
    pub copied: f64,
    /// Share of the article's words in passages with no edit at all.
    pub verbatim: f64,
    /// Longest run of consecutive words shared in order, in words.
    pub longest_run: f64,
    /// Share of the article's narration (words outside quotes) in the passages.
    pub narration: f64,
    /// Share of the passages' words that are inside quotes in the article.
    pub quoted: f64,
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
    /// Share of the article's distinct content-word stems found in the top source.
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
    /// Share of the article's words in passages holding an exact run of [`LONG_RUN`] words or
    /// more.
    pub long_runs: f64,
    /// Share of the article's words matched exactly (in a passage's matched pairs, not only
    /// inside its span).
    pub exact: f64,
    /// Share of the article's function words ("the", "of", "was") matched exactly: shared
    /// facts share names and figures, copying shares the words between them.
    pub function_words: f64,
    /// Share of the article's word 5-grams found in the top source.
    pub fivegrams: f64,
    /// The source with most words in the passages, if any (an index among the candidates).
    #[serde(skip)]
    pub top_source: Option<usize>,
}

/// Fewest words in a passage counted by [`Features::long_narration`].
const LONG_PASSAGE: usize = 20;
/// Words of a lead.
pub const LEAD: usize = 40;
/// The exact run [`Features::long_runs`] asks for.
const LONG_RUN: usize = 8;

impl Features {
    /// Measures `passages` of one check.
    pub fn measure(context: &Context<'_>, passages: &[PassageView<'_>]) -> Features {
        let total = context.article.len();
        let narration_total = context.quoted.iter().filter(|q| !**q).count();
        let mut words_by_source: Vec<usize> = vec![0; context.sources.len()];
        let (mut words, mut copied, mut verbatim, mut quoted, mut narration) = (0, 0, 0, 0, 0);
        let (mut kept, mut changed, mut refill, mut long_narration) = (0, 0, 0, 0);
        let mut longest = 0;
        let mut in_passage = vec![false; total];
        let mut long_runs = 0;
        let mut exact = vec![false; total];
        for p in passages {
            for &(a, _) in p.pairs {
                if let Some(e) = exact.get_mut(a) {
                    *e = true;
                }
            }
            for w in in_passage.get_mut(p.article.clone()).into_iter().flatten() {
                *w = true;
            }
            let run = longest_run(p.pairs);
            if run >= LONG_RUN {
                long_runs += p.article.len();
            }
            let n = p.article.len();
            let in_quotes = context
                .quoted
                .get(p.article.clone())
                .map_or(0, |q| q.iter().filter(|q| **q).count());
            words += n;
            quoted += in_quotes;
            narration += n - in_quotes.min(n);
            if let Some(w) = words_by_source.get_mut(p.source) {
                *w += n;
            }
            if n >= LONG_PASSAGE && 2 * in_quotes < n {
                long_narration += 1;
            }
            longest = longest.max(run);
            if p.rewritten {
                continue;
            }
            copied += n;
            let edits = Edits::of(p.diff);
            if edits.changed == 0 {
                verbatim += n;
            }
            kept += edits.kept;
            changed += edits.changed;
            refill += edits.refill;
        }
        let top_source = words_by_source
            .iter()
            .enumerate()
            .filter(|(_, w)| **w > 0)
            .max_by_key(|&(i, w)| (*w, std::cmp::Reverse(i)))
            .map(|(i, _)| i);
        let (source_used, source_lead, order, containment, trigrams, fivegrams) = match top_source {
            Some(top) => {
                let source = context.sources.get(top).copied().unwrap_or_default();
                let of_top: Vec<&PassageView<'_>> =
                    passages.iter().filter(|p| p.source == top).collect();
                (
                    source_used(0..source.len(), &of_top),
                    source_used(0..source.len().min(LEAD), &of_top),
                    order(&of_top),
                    containment(context.article, source),
                    ngrams::<3>(context.article, source),
                    ngrams::<5>(context.article, source),
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
                let n = in_passage.get((*s).clone()).map_or(0, |w| w.iter().filter(|w| **w).count());
                !s.is_empty() && 2 * n >= s.len()
            })
            .count();
        Features {
            coverage: ratio(words, total),
            copied: ratio(copied, total),
            verbatim: ratio(verbatim, total),
            longest_run: longest as f64,
            narration: ratio(narration, narration_total),
            quoted: ratio(quoted, words),
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
            long_runs: ratio(long_runs, total),
            exact: ratio(exact.iter().filter(|e| **e).count(), total),
            function_words: {
                let function: Vec<bool> = context
                    .article
                    .iter()
                    .map(|t| !is_content_word(&t.norm))
                    .collect();
                let matched = function.iter().zip(&exact).filter(|(f, e)| **f && **e).count();
                ratio(matched, function.iter().filter(|f| **f).count())
            },
            fivegrams,
            top_source,
        }
    }
}

/// Word counts of a diff.
#[derive(Debug, Default)]
struct Edits {
    kept: usize,
    changed: usize,
    refill: usize,
}

impl Edits {
    fn of(diff: &[DiffOp]) -> Edits {
        let mut edits = Edits::default();
        for (i, op) in diff.iter().enumerate() {
            let n = op.text.split_whitespace().count();
            match op.op {
                DiffTag::Equal => edits.kept += n,
                DiffTag::Insert => {
                    edits.changed += n;
                    // A replacement: the source's words deleted right before.
                    if let Some(prev) = i.checked_sub(1).and_then(|p| diff.get(p))
                        && prev.op == DiffTag::Delete
                        && all_facts(&prev.text)
                        && all_facts(&op.text)
                    {
                        edits.refill += 1;
                    }
                }
                DiffTag::Delete => edits.changed += n,
            }
        }
        edits
    }
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
        let fact = word.chars().any(|c| c.is_ascii_digit())
            || word.chars().next().is_some_and(char::is_uppercase)
            || DATE_WORDS.contains(&word.to_lowercase().as_str());
        if !fact {
            return false;
        }
    }
    any
}

/// The longest run of pairs that follow each other in both texts.
fn longest_run(pairs: &[(usize, usize)]) -> usize {
    let mut best = 0;
    let mut run = 0;
    let mut last: Option<(usize, usize)> = None;
    for &(a, s) in pairs {
        run = match last {
            Some((la, ls)) if a == la + 1 && s == ls + 1 => run + 1,
            _ => 1,
        };
        best = best.max(run);
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

/// Share of the article's word `N`-grams found in the source.
fn ngrams<const N: usize>(article: &[Token], source: &[Token]) -> f64 {
    let grams = |tokens: &[Token]| -> HashSet<u64> {
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
    };
    let article = grams(article);
    if article.is_empty() {
        return 0.0;
    }
    let source = grams(source);
    ratio(article.intersection(&source).count(), article.len())
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

fn containment(article: &[Token], source: &[Token]) -> f64 {
    let stems = |tokens: &[Token]| -> HashSet<String> {
        tokens.iter().filter_map(|t| content_term(&t.norm)).collect()
    };
    let article = stems(article);
    if article.is_empty() {
        return 0.0;
    }
    let source = stems(source);
    ratio(article.intersection(&source).count(), article.len())
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
        }
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
    fn runs_and_order() {
        assert_eq!(longest_run(&[(0, 5), (1, 6), (2, 7), (4, 9), (5, 10)]), 3);
        assert_eq!(longest_run(&[]), 0);
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
        let passages = [view(&A, &[(0, 10)]), view(&B, &[(3, 20)]), view(&C, &[(6, 5)])];
        let refs: Vec<&PassageView<'_>> = passages.iter().collect();
        assert!((order(&refs) - 0.5).abs() < 1e-9, "one of two steps goes back");
    }
}
