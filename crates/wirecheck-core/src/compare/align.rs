//! Finding the passages an article shares with one stored story.
//!
//! Exact runs of [`AlignOptions::seed`] words seed candidate passages; seeds are chained along
//! near-diagonals across small edits, the gaps between them are filled with their longest common
//! subsequence, and passage ends are extended with exact word matches. Overlapping candidates are
//! then resolved greedily, most matched words first.
//!
//! Overlap policy: passages never overlap in the article (each article word is copied from at
//! most one place). They may overlap in the source: two disjoint article passages can only both
//! match one source passage when the article itself repeats that text (a quote used in the lede
//! and again in the body), and both copies are copied text.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use rustc_hash::FxHashMap;
use std::ops::Range;

use crate::text::Token;

/// One passage shared by the article and a story, in token indices.
///
/// `article` and `source` span exactly from the first to the last matched pair; `matched` equals
/// `pairs.len()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    /// Token indices in the article, end exclusive.
    pub article: Range<usize>,
    /// Token indices in the story, end exclusive.
    pub source: Range<usize>,
    /// How many article tokens in the passage equal their counterpart in the story.
    pub matched: usize,
    /// The matched `(article, source)` token index pairs, strictly increasing on both sides.
    pub pairs: Vec<(usize, usize)>,
}

impl Alignment {
    /// Builds a passage from matched pairs (strictly increasing on both sides); `None` if empty.
    pub fn from_pairs(pairs: Vec<(usize, usize)>) -> Option<Alignment> {
        let &(first_a, first_s) = pairs.first()?;
        let &(last_a, last_s) = pairs.last()?;
        Some(Alignment {
            article: first_a..last_a + 1,
            source: first_s..last_s + 1,
            matched: pairs.len(),
            pairs,
        })
    }
}

/// How alignment seeds and bridges passages.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Length in words of the exact runs that seed a passage (0 is treated as 1). Three words
    /// are rare enough in news copy to be meaningful and short enough to fit between edits.
    pub seed: usize,
    /// Longest run of unmatched words, on either side, bridged inside one passage: enough for
    /// a substituted clause or an inserted title, short of a dropped or added sentence.
    pub max_gap: usize,
    /// Fewest matched words a passage must have to be kept; below it, stock phrases ("said in
    /// a statement on Monday") would count as copying.
    pub min_matched: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            seed: 3,
            max_gap: 8,
            min_matched: 6,
        }
    }
}

/// An n-gram found more often than this in the source seeds nothing: it is a repeated phrase
/// or a table, and keeping it would multiply the seeds (and the chaining work) without telling
/// where the article was copied from.
const MAX_POSITIONS_PER_GRAM: usize = 16;
/// Chaining compares each seed with the live chains; beyond this many comparisons per input
/// word (plus a floor) the input is pathological and chaining stops with what it has.
const CHAIN_WORK_PER_WORD: usize = 64;
const CHAIN_WORK_FLOOR: usize = 100_000;
/// Exact extension at a passage end stops after this many words; longer exact runs would have
/// produced seeds of their own unless they were too frequent to seed.
const MAX_EXTENSION: usize = 64;
/// Gaps larger than this on either side (only possible with a huge `max_gap`) are not filled
/// word by word, to keep the quadratic fill bounded.
const MAX_FILL: usize = 64;

/// The passages `article` shares with `source`, in article order, not overlapping in the article.
pub fn align(article: &[Token], source: &[Token], options: &AlignOptions) -> Vec<Alignment> {
    let (a, s) = intern(article, source);
    let k = options.seed.max(1);
    let chains = chain_seeds(&a, &s, k, options.max_gap);
    let candidates = chains
        .into_iter()
        .filter_map(|mut pairs| {
            fill_gaps(&a, &s, &mut pairs);
            extend_ends(&a, &s, &mut pairs);
            Alignment::from_pairs(pairs)
        })
        .filter(|al| al.matched >= options.min_matched)
        .map(|al| ((), al))
        .collect();
    select(candidates, options.min_matched, |_, al| {
        (
            al.matched,
            Reverse(al.article.start),
            Reverse(al.source.start),
        )
    })
    .into_iter()
    .map(|((), al)| al)
    .collect()
}

/// Article words absent from the source get this id; it never equals a source id.
const ABSENT: usize = usize::MAX;

/// Replaces words by small integers so comparisons are cheap.
fn intern(article: &[Token], source: &[Token]) -> (Vec<usize>, Vec<usize>) {
    let mut ids: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(source.len(), Default::default());
    let s = source
        .iter()
        .map(|t| {
            let next = ids.len();
            *ids.entry(t.norm.as_str()).or_insert(next)
        })
        .collect();
    let a = article
        .iter()
        .map(|t| ids.get(t.norm.as_str()).copied().unwrap_or(ABSENT))
        .collect();
    (a, s)
}

fn gram_hash(gram: &[usize]) -> u64 {
    gram.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &id| {
        (h ^ id as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The source's n-grams, as hash chains: `head[hash] = (first position, count)` and
/// `next[position]` the following position with the same hash.
struct GramIndex {
    head: FxHashMap<u64, (usize, usize)>,
    next: Vec<usize>,
}

impl GramIndex {
    fn new(s: &[usize], k: usize) -> Self {
        let grams = s.len().saturating_sub(k - 1);
        let mut head: FxHashMap<u64, (usize, usize)> =
            FxHashMap::with_capacity_and_hasher(grams, Default::default());
        let mut next = vec![usize::MAX; grams];
        // Inserted backwards so every chain lists positions in increasing order.
        for (p, gram) in s.windows(k).enumerate().rev() {
            let entry = head.entry(gram_hash(gram)).or_insert((usize::MAX, 0));
            if let Some(n) = next.get_mut(p) {
                *n = entry.0;
            }
            *entry = (p, entry.1 + 1);
        }
        GramIndex { head, next }
    }

    /// Source positions where `gram` occurs, empty if it is too frequent to seed.
    fn positions<'a>(
        &'a self,
        s: &'a [usize],
        gram: &'a [usize],
    ) -> impl Iterator<Item = usize> + 'a {
        let (first, count) = self
            .head
            .get(&gram_hash(gram))
            .copied()
            .unwrap_or((usize::MAX, 0));
        let first = if count > MAX_POSITIONS_PER_GRAM {
            usize::MAX
        } else {
            first
        };
        std::iter::successors(Some(first), |&p| self.next.get(p).copied())
            .take_while(|&p| p != usize::MAX)
            .filter(move |&p| s.get(p..p + gram.len()) == Some(gram))
    }
}

/// Chains seeds into monotone lists of matched pairs, one list per candidate passage.
fn chain_seeds(a: &[usize], s: &[usize], k: usize, max_gap: usize) -> Vec<Vec<(usize, usize)>> {
    let mut chains: Vec<Vec<(usize, usize)>> = Vec::new();
    if a.len() < k || s.len() < k {
        return chains;
    }
    let index = GramIndex::new(s, k);
    let budget = CHAIN_WORK_PER_WORD
        .saturating_mul(a.len().saturating_add(s.len()))
        .saturating_add(CHAIN_WORK_FLOOR);
    let mut work = 0usize;
    let mut active: Vec<usize> = Vec::new();
    for (i, gram) in a.windows(k).enumerate() {
        if gram.contains(&ABSENT) {
            continue;
        }
        // A chain whose last article word is more than `max_gap` words back can take no seed.
        active.retain(|&c| {
            chains
                .get(c)
                .and_then(|p| p.last())
                .is_some_and(|&(li, _)| li.saturating_add(max_gap).saturating_add(1) >= i)
        });
        for j in index.positions(s, gram) {
            work = work.saturating_add(active.len() + 1);
            if work > budget {
                return chains;
            }
            match best_chain(&chains, &active, i, j, k, max_gap) {
                Attach::Covered => {}
                Attach::To(c, t0) => {
                    if let Some(pairs) = chains.get_mut(c) {
                        pairs.extend((t0..k).map(|t| (i + t, j + t)));
                    }
                }
                Attach::New => {
                    active.push(chains.len());
                    chains.push((0..k).map(|t| (i + t, j + t)).collect());
                }
            }
        }
    }
    chains
}

enum Attach {
    /// The seed's words are already in a chain on the same diagonal.
    Covered,
    /// Append the seed's pairs from offset `t0` to chain `c`.
    To(usize, usize),
    /// No chain can take the seed.
    New,
}

/// The live chain that takes seed `(i, j)` with the smallest bridged gap.
fn best_chain(
    chains: &[Vec<(usize, usize)>],
    active: &[usize],
    i: usize,
    j: usize,
    k: usize,
    max_gap: usize,
) -> Attach {
    let mut best: Option<(usize, usize, usize)> = None;
    for &c in active {
        let Some(&(li, lj)) = chains.get(c).and_then(|p| p.last()) else {
            continue;
        };
        // Skip the seed words the chain already passed on either side.
        let t0 = (li + 1).saturating_sub(i).max((lj + 1).saturating_sub(j));
        if t0 >= k {
            if j + li == i + lj {
                return Attach::Covered;
            }
            continue;
        }
        let gap_a = i + t0 - li - 1;
        let gap_s = j + t0 - lj - 1;
        if gap_a > max_gap || gap_s > max_gap {
            continue;
        }
        let cost = gap_a + gap_s;
        if best.is_none_or(|(b, _, _)| cost < b) {
            best = Some((cost, c, t0));
        }
    }
    match best {
        Some((_, c, t0)) => Attach::To(c, t0),
        None => Attach::New,
    }
}

/// Adds the longest common subsequence of each bridged gap, so words kept between two edits
/// count as matched.
fn fill_gaps(a: &[usize], s: &[usize], pairs: &mut Vec<(usize, usize)>) {
    let mut filled = Vec::with_capacity(pairs.len());
    let mut prev: Option<(usize, usize)> = None;
    for &(i, j) in pairs.iter() {
        if let Some((pi, pj)) = prev {
            let (ga, gs) = (pi + 1..i, pj + 1..j);
            if !ga.is_empty()
                && !gs.is_empty()
                && ga.len() <= MAX_FILL
                && gs.len() <= MAX_FILL
                && let (Some(x), Some(y)) = (a.get(ga.clone()), s.get(gs.clone()))
            {
                filled.extend(
                    lcs(x, y)
                        .into_iter()
                        .map(|(u, v)| (ga.start + u, gs.start + v)),
                );
            }
        }
        filled.push((i, j));
        prev = Some((i, j));
    }
    *pairs = filled;
}

/// Index pairs of a longest common subsequence of two short slices.
fn lcs(x: &[usize], y: &[usize]) -> Vec<(usize, usize)> {
    let w = y.len() + 1;
    // table[u * w + v] = LCS length of x[u..] and y[v..]
    let mut table = vec![0u16; (x.len() + 1) * w];
    for u in (0..x.len()).rev() {
        for v in (0..y.len()).rev() {
            let here = if x.get(u) == y.get(v) {
                table.get((u + 1) * w + v + 1).map_or(0, |n| n + 1)
            } else {
                let down = table.get((u + 1) * w + v).copied().unwrap_or(0);
                let right = table.get(u * w + v + 1).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(cell) = table.get_mut(u * w + v) {
                *cell = here;
            }
        }
    }
    let at = |u: usize, v: usize| table.get(u * w + v).copied().unwrap_or(0);
    let mut out = Vec::new();
    let (mut u, mut v) = (0, 0);
    while u < x.len() && v < y.len() {
        if x.get(u) == y.get(v) {
            out.push((u, v));
            u += 1;
            v += 1;
        } else if at(u + 1, v) >= at(u, v + 1) {
            u += 1;
        } else {
            v += 1;
        }
    }
    out
}

/// Extends a chain at both ends with exact word matches.
fn extend_ends(a: &[usize], s: &[usize], pairs: &mut Vec<(usize, usize)>) {
    let (Some(&(fi, fj)), Some(&(li, lj))) = (pairs.first(), pairs.last()) else {
        return;
    };
    let before = (1..=MAX_EXTENSION.min(fi).min(fj))
        .take_while(|&d| a.get(fi - d) == s.get(fj - d))
        .count();
    let after = (1..=MAX_EXTENSION)
        .take_while(|&d| matches!((a.get(li + d), s.get(lj + d)), (Some(x), Some(y)) if x == y))
        .count();
    if before == 0 && after == 0 {
        return;
    }
    let mut out = Vec::with_capacity(pairs.len() + before + after);
    out.extend((1..=before).rev().map(|d| (fi - d, fj - d)));
    out.append(pairs);
    out.extend((1..=after).map(|d| (li + d, lj + d)));
    *pairs = out;
}

/// Article ranges already given to a passage.
#[derive(Debug, Default)]
pub(crate) struct Claims {
    /// start -> end, disjoint.
    taken: BTreeMap<usize, usize>,
}

impl Claims {
    fn overlaps(&self, r: &Range<usize>) -> bool {
        self.taken
            .range(..r.end)
            .next_back()
            .is_some_and(|(_, &end)| end > r.start)
    }

    fn claim(&mut self, r: &Range<usize>) {
        self.taken.insert(r.start, r.end);
    }

    fn is_taken(&self, i: usize) -> bool {
        self.taken
            .range(..=i)
            .next_back()
            .is_some_and(|(_, &end)| end > i)
    }

    /// The pieces of `al` outside the claimed ranges, split wherever a claimed range lies
    /// between two kept pairs, so no piece spans a claimed range.
    fn clip(&self, al: &Alignment) -> Vec<Alignment> {
        let mut pieces = Vec::new();
        let mut current: Vec<(usize, usize)> = Vec::new();
        for &(i, j) in &al.pairs {
            if self.is_taken(i) {
                continue;
            }
            // `pi < i` for well-formed pairs; checked because BTreeMap::range panics otherwise.
            if let Some(&(pi, _)) = current.last()
                && pi < i
                && self.taken.range(pi + 1..i).next().is_some()
            {
                pieces.extend(Alignment::from_pairs(std::mem::take(&mut current)));
            }
            current.push((i, j));
        }
        pieces.extend(Alignment::from_pairs(current));
        pieces
    }
}

/// Keeps the best passages that do not overlap in the article, best by `rank` (highest
/// first); a passage partly overlapping a better one is clipped, and its pieces compete again
/// if they keep `min_matched` words. Returned in article order.
pub(crate) fn select<T, R: Ord>(
    items: Vec<(T, Alignment)>,
    min_matched: usize,
    rank: impl Fn(&T, &Alignment) -> R,
) -> Vec<(T, Alignment)>
where
    T: Clone,
{
    let mut slab: Vec<Option<(T, Alignment)>> = Vec::with_capacity(items.len());
    let mut heap = BinaryHeap::with_capacity(items.len());
    for (tag, al) in items {
        heap.push((rank(&tag, &al), Reverse(slab.len())));
        slab.push(Some((tag, al)));
    }
    let mut claims = Claims::default();
    let mut kept = Vec::new();
    while let Some((_, Reverse(n))) = heap.pop() {
        let Some((tag, al)) = slab.get_mut(n).and_then(Option::take) else {
            continue;
        };
        if !claims.overlaps(&al.article) {
            claims.claim(&al.article);
            kept.push((tag, al));
            continue;
        }
        // Pieces are strictly smaller than their passage, so this loop ends.
        for piece in claims.clip(&al) {
            if piece.matched >= min_matched {
                heap.push((rank(&tag, &piece), Reverse(slab.len())));
                slab.push(Some((tag.clone(), piece)));
            }
        }
    }
    kept.sort_by_key(|(_, al)| al.article.start);
    kept
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::text::Prepared;

    /// A stand-in for the real tokenizer: alphanumeric runs, lowercased, with byte offsets.
    pub(crate) fn toks(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push(Token {
                        norm: text[s..i].to_lowercase(),
                        start: s,
                        end: i,
                    });
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    pub(crate) fn prep(text: &str) -> Prepared {
        Prepared {
            text: text.to_string(),
            tokens: toks(text),
            boilerplate: vec![],
            language: None,
            page_authors: Vec::new(),
            page_published: None,
        }
    }

    pub(crate) const P1: &str = "The harbour authority of Port Wendle said on Tuesday that the \
        new lighthouse would open in the spring after three years of delays and rising costs.";
    pub(crate) const P2: &str = "Engineers blamed a shortage of granite blocks quarried on the \
        northern island, where storms closed the only road for most of the winter months.";
    pub(crate) const P3: &str = "Fishing crews welcomed the news, saying the old beacon had \
        failed twice last year and left boats guessing at the reef in heavy fog.";

    fn run(article: &str, source: &str) -> Vec<Alignment> {
        align(&toks(article), &toks(source), &AlignOptions::default())
    }

    fn words(text: &str) -> usize {
        toks(text).len()
    }

    fn assert_consistent(al: &Alignment, a: &[Token], s: &[Token]) {
        assert_eq!(al.matched, al.pairs.len(), "matched counts the pairs");
        assert_eq!(
            Alignment::from_pairs(al.pairs.clone()).as_ref(),
            Some(al),
            "ranges span the pairs"
        );
        for w in al.pairs.windows(2) {
            assert!(
                w[0].0 < w[1].0 && w[0].1 < w[1].1,
                "pairs increase on both sides"
            );
        }
        for &(i, j) in &al.pairs {
            assert_eq!(a[i].norm, s[j].norm, "a matched pair joins equal words");
        }
    }

    #[test]
    fn verbatim_copy_is_one_passage_covering_everything() {
        let source = format!("{P1} {P2} {P3}");
        let got = run(&source, &source);
        assert_eq!(got.len(), 1, "a verbatim copy is one passage: {got:?}");
        let n = words(&source);
        assert_eq!(
            (
                got[0].article.clone(),
                got[0].source.clone(),
                got[0].matched
            ),
            (0..n, 0..n, n)
        );
    }

    #[test]
    fn light_edits_stay_one_passage() {
        let source = "Minister Alda Fenn said the bridge toll would rise to 4 crowns next \
            month, while the ferry service across the estuary would be cut to two crossings a day.";
        // "that" inserted, "rise" -> "climb", "next" dropped.
        let article = "Minister Alda Fenn said that the bridge toll would climb to 4 crowns \
            month, while the ferry service across the estuary would be cut to two crossings a day.";
        let got = run(article, source);
        assert_eq!(
            got.len(),
            1,
            "an insertion, a substitution and a drop are bridged: {got:?}"
        );
        assert_eq!(
            got[0].article,
            0..words(article),
            "the whole edited sentence is the passage"
        );
        assert_eq!(got[0].source, 0..words(source));
        assert_eq!(
            got[0].matched,
            words(source) - 2,
            "every word but the changed two matches"
        );
        assert_consistent(&got[0], &toks(article), &toks(source));
    }

    #[test]
    fn reordered_paragraphs_are_separate_passages_in_article_order() {
        let source = format!("{P1} {P2} {P3}");
        let article = format!("{P3} {P1}");
        let got = run(&article, &source);
        assert_eq!(got.len(), 2, "two moved paragraphs, two passages: {got:?}");
        let (n1, n2, n3) = (words(P1), words(P2), words(P3));
        assert_eq!(got[0].article, 0..n3);
        assert_eq!(
            got[0].source,
            n1 + n2..n1 + n2 + n3,
            "the article's first paragraph is the story's last"
        );
        assert_eq!(got[1].article, n3..n3 + n1);
        assert_eq!(got[1].source, 0..n1);
    }

    #[test]
    fn trimmed_ending_matches_the_kept_part() {
        let source = format!("{P1} {P2} {P3}");
        let article = format!("{P1} {P2}");
        let got = run(&article, &source);
        let n = words(&article);
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].article.clone(), got[0].source.clone()),
            (0..n, 0..n)
        );
    }

    #[test]
    fn interleaved_new_sentence_splits_the_passage() {
        let source = format!("{P1} {P2}");
        let article = format!(
            "{P1} Local councillors, who had campaigned for a cheaper design, declined to comment \
             on the figures. {P2}"
        );
        let got = run(&article, &source);
        assert_eq!(
            got.len(),
            2,
            "a long added sentence is not bridged: {got:?}"
        );
        assert_eq!(got[0].matched + got[1].matched, words(P1) + words(P2));
    }

    #[test]
    fn unrelated_text_has_no_passage() {
        let article = "Tickets for the autumn choir festival sold out within an hour, and the \
            organisers promised a second evening concert in the cathedral next year.";
        let source = format!("{P1} {P2}");
        assert!(
            run(article, &source).is_empty(),
            "no shared passage in unrelated texts"
        );
    }

    #[test]
    fn stock_phrase_alone_is_not_a_passage() {
        let article = "Police in Darrow said on Tuesday that the road was closed.";
        assert!(
            run(article, P1).is_empty(),
            "five shared words are below the minimum"
        );
    }

    #[test]
    fn article_repeating_a_paragraph_reuses_the_source() {
        let article = format!("{P1} {P2} {P1}");
        let got = run(&article, P1);
        assert_eq!(got.len(), 2, "each article copy is a passage: {got:?}");
        assert_eq!(
            got[0].source, got[1].source,
            "both copies map to the same source passage"
        );
        assert!(
            got[0].article.end <= got[1].article.start,
            "no overlap in the article"
        );
    }

    #[test]
    fn repeated_word_input_stays_bounded() {
        let text = "again ".repeat(100_000);
        let t = toks(&text);
        let got = align(&t, &t, &AlignOptions::default());
        let total: usize = got.iter().map(|al| al.matched).sum();
        assert!(total <= t.len(), "no article word is matched twice");
        assert!(got.len() <= t.len() / 6, "bounded passages");
        let periodic = "red green blue ".repeat(30_000);
        let p = toks(&periodic);
        assert!(align(&p, &p, &AlignOptions::default()).len() <= p.len() / 6);
    }

    #[test]
    fn phrase_repeated_a_few_times_in_the_source_is_still_found() {
        let source = format!("{P2} {P1} {P2} {P2}");
        let got = run(P1, &source);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].matched, words(P1));
    }

    #[test]
    fn extreme_options_do_not_panic() {
        let (a, s) = (
            toks(&format!("{P1} {P3}")),
            toks(&format!("{P3} {P2} {P1}")),
        );
        for options in [
            AlignOptions {
                seed: 0,
                max_gap: usize::MAX,
                min_matched: 0,
            },
            AlignOptions {
                seed: usize::MAX,
                max_gap: 0,
                min_matched: usize::MAX,
            },
        ] {
            for al in align(&a, &s, &options) {
                assert_consistent(&al, &a, &s);
            }
        }
        assert!(
            align(&[], &s, &AlignOptions::default()).is_empty(),
            "empty article"
        );
        assert!(
            align(&a, &[], &AlignOptions::default()).is_empty(),
            "empty story"
        );
    }

    #[test]
    fn clipping_splits_around_claimed_ranges() {
        let al = Alignment::from_pairs((0..10).map(|i| (i, i + 100)).collect()).unwrap();
        let mut claims = Claims::default();
        claims.claim(&(4..6));
        let pieces = claims.clip(&al);
        assert_eq!(pieces.len(), 2, "a claim in the middle leaves two pieces");
        assert_eq!(
            (pieces[0].article.clone(), pieces[0].source.clone()),
            (0..4, 100..104)
        );
        assert_eq!(
            (pieces[1].article.clone(), pieces[1].source.clone()),
            (6..10, 106..110)
        );
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn alignments_are_consistent_and_disjoint(
            src in prop::collection::vec(0u8..40, 0..120),
            edits in prop::collection::vec((0usize..120, 0u8..3, 0u8..40), 0..12),
        ) {
            let art = super::super::test_edits::apply(&src, &edits);
            let text = |v: &[u8]| v.iter().map(|w| format!("w{w}")).collect::<Vec<_>>().join(" ");
            let (a, s) = (toks(&text(&art)), toks(&text(&src)));
            let got = align(&a, &s, &AlignOptions::default());
            for al in &got {
                assert_consistent(al, &a, &s);
                prop_assert!(al.matched >= 6);
            }
            for w in got.windows(2) {
                prop_assert!(w[0].article.end <= w[1].article.start, "article order, no overlap");
            }
        }
    }
}
