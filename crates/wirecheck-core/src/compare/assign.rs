//! Giving each article passage to its best source when several stories share text.
//!
//! Agencies reuse background paragraphs across stories, and an archive may hold several
//! versions (write-throughs) of one story, so one article passage often aligns with several
//! candidates. Each article word goes to one source: the passage with more matched words wins;
//! on a tie, the candidate with more matched words over the whole article (the story the article
//! was actually taken from), then the lower candidate index.

use std::cmp::Reverse;

use super::Alignment;
use super::align::select;

/// Gives each article passage to its best candidate.
///
/// `candidates[c]` holds candidate `c`'s passages (as returned by [`super::align()`]). Returns
/// `(candidate, passage)` pairs in article order, not overlapping in the article. A passage
/// partly covered by a better one is clipped (article and source ranges follow the remaining
/// matched pairs) and dropped when it keeps fewer than `min_matched` matched words.
pub fn assign(candidates: Vec<Vec<Alignment>>, min_matched: usize) -> Vec<(usize, Alignment)> {
    let totals: Vec<usize> = candidates
        .iter()
        .map(|passages| passages.iter().map(|al| al.matched).sum())
        .collect();
    let items = candidates
        .into_iter()
        .enumerate()
        .flat_map(|(c, passages)| passages.into_iter().map(move |al| (c, al)))
        .collect();
    select(items, min_matched, |&c, al| {
        (
            al.matched,
            totals.get(c).copied().unwrap_or(0),
            Reverse(c),
            Reverse(al.article.start),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::align::tests::{P1, P2, P3, toks};
    use crate::compare::align::{AlignOptions, align};

    const BACKGROUND: &str = "The lighthouse, first lit in 1871, guided grain ships through \
        the channel until the railway reached the coast and the trade moved inland.";
    const OTHER: &str = "A separate inquiry into the collapse of the pier at Holm Bay is \
        expected to report before the end of the year, officials said.";
    const ADDED: &str = "Readers have written to this newspaper in large numbers about the \
        project, many of them recalling childhood trips to the headland.";

    fn candidates(article: &str, stories: &[String]) -> Vec<Vec<Alignment>> {
        let a = toks(article);
        stories
            .iter()
            .map(|s| align(&a, &toks(s), &AlignOptions::default()))
            .collect()
    }

    #[test]
    fn shared_background_goes_to_the_story_the_article_came_from() {
        // Candidate 0 shares only the background; candidate 1 is the real source.
        let stories = [
            format!("{OTHER} {BACKGROUND}"),
            format!("{P1} {P2} {BACKGROUND}"),
        ];
        let article = format!("{P1} {P2} {ADDED} {BACKGROUND}");
        let aligned = candidates(&article, &stories);
        let bg_tie = aligned[0].iter().map(|al| al.matched).max()
            == aligned[1].iter().map(|al| al.matched).min();
        assert!(
            bg_tie,
            "both candidates match the background equally: {aligned:?}"
        );
        let got = assign(aligned, 6);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got.iter().all(|(c, _)| *c == 1),
            "the tie on the background goes to the candidate with more of the article: {got:?}"
        );
    }

    #[test]
    fn article_taken_from_version_two_goes_to_version_two() {
        let v1 = format!("{P1} {P2}");
        let v2 = format!("{P1} {P2} {P3}");
        let article = v2.clone();
        let got = assign(candidates(&article, &[v1, v2]), 6);
        assert_eq!(got.len(), 1, "one passage, one source: {got:?}");
        assert_eq!(got[0].0, 1, "the fuller version wins");
        assert_eq!(got[0].1.matched, toks(&article).len());
    }

    #[test]
    fn identical_versions_go_to_the_lower_index() {
        let story = format!("{P1} {P2}");
        let got = assign(candidates(&story, &[story.clone(), story.clone()]), 6);
        assert_eq!(got.iter().map(|(c, _)| *c).collect::<Vec<_>>(), vec![0]);
    }

    fn passage(article: std::ops::Range<usize>, offset: usize) -> Alignment {
        Alignment::from_pairs(article.map(|i| (i, i + offset)).collect()).unwrap()
    }

    #[test]
    fn partly_overlapped_passage_is_clipped_on_both_sides() {
        let a = passage(0..20, 100);
        let b = passage(10..40, 500);
        let got = assign(vec![vec![a], vec![b.clone()]], 6);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, 0);
        assert_eq!(got[0].1.article, 0..10, "clipped before the better passage");
        assert_eq!(
            got[0].1.source,
            100..110,
            "the source range follows the clipped pairs"
        );
        assert_eq!(got[0].1.matched, 10);
        assert_eq!(got[1], (1, b));
    }

    #[test]
    fn clipped_passage_below_minimum_is_dropped() {
        let got = assign(vec![vec![passage(0..20, 0)], vec![passage(4..40, 0)]], 6);
        assert_eq!(
            got.len(),
            1,
            "four words left are below the minimum: {got:?}"
        );
        assert_eq!(got[0].0, 1);
    }

    #[test]
    fn malformed_alignments_do_not_panic() {
        let backwards = Alignment {
            article: std::ops::Range { start: 30, end: 5 },
            source: 0..0,
            matched: 3,
            pairs: vec![(30, 1), (5, 2), (5, 0)],
        };
        let got = assign(vec![vec![passage(0..40, 0)], vec![backwards]], 1);
        assert_eq!(got.len(), 1, "the well-formed passage is kept: {got:?}");
    }

    #[test]
    fn output_is_in_article_order() {
        let got = assign(
            vec![
                vec![passage(50..60, 0)],
                vec![passage(0..30, 0)],
                vec![passage(30..45, 0)],
            ],
            6,
        );
        let starts: Vec<usize> = got.iter().map(|(_, al)| al.article.start).collect();
        assert_eq!(starts, vec![0, 30, 50]);
    }
}
