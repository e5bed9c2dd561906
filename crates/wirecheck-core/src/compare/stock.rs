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
/// article ranges of candidate `c`'s passages before assignment; `related(a, b)` tells whether
/// candidates `a` and `b` are versions of one story (asked only of narrow holders).
pub fn stock_passages(
    candidates: &[Vec<Range<usize>>],
    assigned: &[(usize, Alignment)],
    mut related: impl FnMut(usize, usize) -> bool,
) -> Vec<bool> {
    let totals: Vec<usize> = candidates
        .iter()
        .map(|ranges| ranges.iter().map(|r| r.len()).sum())
        .collect();
    assigned
        .iter()
        .map(|(owner, passage)| {
            let words = passage.article.len();
            let holders = candidates
                .iter()
                .enumerate()
                .filter(|&(c, ranges)| {
                    let overlap: usize = ranges.iter().map(|r| overlap(r, &passage.article)).sum();
                    c != *owner
                        && overlap as f64 >= HOLDS * words as f64
                        && totals.get(c).copied().unwrap_or(0) < NARROW * overlap
                })
                .filter(|&(c, _)| !related(*owner, c))
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

    fn ranges(of: &[Range<usize>]) -> Vec<Vec<Range<usize>>> {
        of.iter().map(|r| vec![r.clone()]).collect()
    }

    fn passage(article: Range<usize>) -> Alignment {
        let pairs = article.clone().map(|i| (i, i)).collect();
        Alignment::from_pairs(pairs).unwrap()
    }

    #[test]
    fn a_paragraph_many_stories_hold_and_nothing_else_is_stock() {
        // Candidates 1-3 hold words 50..80 and nothing else of the article.
        let candidates = ranges(&[50..80, 50..80, 52..80, 50..78]);
        let assigned = vec![(0, passage(50..80))];
        assert_eq!(
            stock_passages(&candidates, &assigned, |_, _| false),
            vec![true]
        );
    }

    #[test]
    fn versions_of_one_story_do_not_make_each_other_stock() {
        // Three write-throughs hold the one paragraph the article copied.
        let candidates = ranges(&[10..40, 10..40, 10..40]);
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
        let candidates = ranges(&[0..120, 90..120, 90..120]);
        let assigned = vec![(0, passage(0..120))];
        assert_eq!(
            stock_passages(&candidates, &assigned, |_, _| false),
            vec![false],
            "the copy's long passage is not held by the paragraph's other stories"
        );
    }
}
