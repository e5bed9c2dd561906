//! Stock text: passages that many otherwise unrelated stories hold.
//!
//! Agencies end many stories with the same background paragraph ("The port, Europe's largest,
//! handled ..."). An article that repeats such a paragraph shares it with every one of those
//! stories, and none of them is where the article came from: the paragraph alone must not make
//! a story a source, nor an independent article derived.
//!
//! A passage is stock when at least [`MIN_OTHER_HOLDERS`] other candidate stories also hold it
//! *narrowly* (they align with most of the passage and with little else of the article) and
//! are not related to the passage's source. Related stories (versions of one story,
//! write-throughs, which share most of their text with each other) hold the same paragraphs
//! because they are one story; that does not make those paragraphs stock.

use std::ops::Range;

use super::Alignment;

/// Other stories that must hold a passage narrowly for it to be stock.
pub const MIN_OTHER_HOLDERS: usize = 2;
/// Share of a passage's words another story must align with to hold it.
const HOLDS: f64 = 0.8;
/// A holder is narrow when its alignment with the whole article is under this many times its
/// overlap with the passage.
const NARROW: usize = 2;

/// For each assigned `(candidate, passage)`, whether it is stock. `candidates[c]` are the
/// passages of candidate `c` before assignment; `related(a, b)` tells whether candidates `a`
/// and `b` are versions of one story.
pub fn stock_passages(
    candidates: &[Vec<Alignment>],
    assigned: &[(usize, Alignment)],
    related: impl Fn(usize, usize) -> bool,
) -> Vec<bool> {
    let totals: Vec<usize> = candidates
        .iter()
        .map(|passages| passages.iter().map(|al| al.article.len()).sum())
        .collect();
    assigned
        .iter()
        .map(|(owner, passage)| {
            let words = passage.article.len();
            let holders = candidates
                .iter()
                .enumerate()
                .filter(|&(c, _)| c != *owner && !related(*owner, c))
                .filter(|&(c, passages)| {
                    let overlap: usize = passages
                        .iter()
                        .map(|al| overlap(&al.article, &passage.article))
                        .sum();
                    overlap as f64 >= HOLDS * words as f64
                        && totals.get(c).copied().unwrap_or(0) < NARROW * overlap
                })
                .count();
            holders >= MIN_OTHER_HOLDERS
        })
        .collect()
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage(article: Range<usize>) -> Alignment {
        let pairs = article.clone().map(|i| (i, i)).collect();
        Alignment::from_pairs(pairs).unwrap()
    }

    #[test]
    fn a_paragraph_many_stories_hold_and_nothing_else_is_stock() {
        // Candidates 1-3 hold words 50..80 and nothing else of the article.
        let candidates = vec![
            vec![passage(50..80)],
            vec![passage(50..80)],
            vec![passage(52..80)],
            vec![passage(50..78)],
        ];
        let assigned = vec![(0, passage(50..80))];
        assert_eq!(
            stock_passages(&candidates, &assigned, |_, _| false),
            vec![true]
        );
    }

    #[test]
    fn versions_of_one_story_do_not_make_each_other_stock() {
        // Three write-throughs hold the one paragraph the article copied.
        let candidates = vec![
            vec![passage(10..40)],
            vec![passage(10..40)],
            vec![passage(10..40)],
        ];
        let assigned = vec![(1, passage(10..40))];
        assert_eq!(
            stock_passages(&candidates, &assigned, |_, _| true),
            vec![false]
        );
        assert_eq!(
            stock_passages(&candidates, &assigned, |_, _| false),
            vec![true],
            "unrelated stories holding it make it stock"
        );
    }

    #[test]
    fn a_story_copied_around_its_stock_paragraph_keeps_it() {
        // The source holds 0..120 (the paragraph 90..120 included); others hold the paragraph.
        let candidates = vec![
            vec![passage(0..120)],
            vec![passage(90..120)],
            vec![passage(90..120)],
        ];
        let assigned = vec![(0, passage(0..120))];
        assert_eq!(
            stock_passages(&candidates, &assigned, |_, _| false),
            vec![false],
            "the copy's long passage is not held by the paragraph's other stories"
        );
    }
}
