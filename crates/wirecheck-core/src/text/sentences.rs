//! Sentences, as ranges of token indices.
//!
//! Used to compare rewritten copy sentence by sentence ([`crate::compare::rewrite`]), where
//! a sentence boundary only has to be roughly right: a missed boundary makes one long sentence,
//! a spurious one two short ones, and the comparison tolerates both. The rules are therefore
//! simple and predictable rather than linguistically complete:
//!
//! - a sentence ends at `.`, `!`, `?` or `…` when the next word does not start in lower case
//!   and the word before the full stop is not a title or an initial ("Mr.", "J.");
//! - a line break ends a sentence when the next line starts with an upper-case letter, a digit
//!   or a quote (headlines, bylines and one-line paragraphs have no full stop);
//! - no sentence is longer than [`MAX_SENTENCE_WORDS`], so comparing two sentences stays cheap
//!   on text without punctuation (tables, lists, hostile input).

use std::ops::Range;

use super::Token;

/// Longest sentence, in words; longer runs are cut into pieces of this size.
pub const MAX_SENTENCE_WORDS: usize = 80;

/// Words that end with a full stop without ending a sentence (normalized forms).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "sgt", "capt", "gov",
    "sen", "rep", "rev", "hon", "no", "vs", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr",
    "aug", "sept", "sep", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "etc", "approx",
];

/// The sentences of `text`, as consecutive, non-empty ranges of indices into `tokens` that
/// together cover every token. `tokens` must be tokens of `text` in order (a subset is fine:
/// boilerplate removed).
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, pair) in tokens.windows(2).enumerate() {
        let [before, after] = pair else { continue };
        let long = i + 1 - start >= MAX_SENTENCE_WORDS;
        if long || ends_sentence(text, before, after) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// Whether a sentence ends between two consecutive tokens.
fn ends_sentence(text: &str, before: &Token, after: &Token) -> bool {
    let Some(gap) = text.get(before.end..after.start) else {
        return false;
    };
    let next = text.get(after.start..).and_then(|t| t.chars().next());
    let opens = next.is_some_and(|c| !c.is_lowercase());
    if !opens {
        return false;
    }
    // Tokens removed between the two (boilerplate) leave a long gap: a boundary.
    if gap.chars().any(|c| c == '\n' || c == '\u{19}') || gap.len() > 200 {
        return true;
    }
    let Some(stop) = gap.find(['.', '!', '?', '…']) else {
        return false;
    };
    // "Mr. Smith", "J. Smith": the full stop right after a title or an initial.
    let abbreviation =
        stop == 0 && (ABBREVIATIONS.contains(&before.norm.as_str()) || before.norm.len() == 1);
    !abbreviation
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn split(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        sentences(text, &tokens)
            .into_iter()
            .map(|r| {
                tokens[r]
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn full_stops_line_breaks_and_titles() {
        let text = "FERRY RETURNS\nThe ferry sailed again on Monday. Mr. Okafor said it was safe! \
                    Was it? \"Yes,\" said J. Doe.\n\nRepairs took six weeks.";
        assert_eq!(
            split(text),
            vec![
                "ferry returns",
                "the ferry sailed again on monday",
                "mr okafor said it was safe",
                "was it",
                "yes said j doe",
                "repairs took six weeks",
            ]
        );
    }

    #[test]
    fn a_full_stop_before_a_lower_case_word_is_not_an_end() {
        assert_eq!(
            split("The fund paid 3.5 per cent. and rose. then it fell."),
            vec!["the fund paid 3.5 percent and rose then it fell"]
        );
    }

    #[test]
    fn hard_wrapped_lines_inside_a_sentence_stay_together() {
        assert_eq!(
            split("The council said the bridge\nwould reopen in May."),
            vec!["the council said the bridge would reopen in may"]
        );
    }

    #[test]
    fn text_without_punctuation_is_cut_into_bounded_pieces() {
        let text = "word ".repeat(200);
        let tokens = tokenize(&text);
        let ranges = sentences(&text, &tokens);
        assert!(ranges.iter().all(|r| r.len() <= MAX_SENTENCE_WORDS));
        assert_eq!(ranges.iter().map(|r| r.len()).sum::<usize>(), 200);
    }

    #[test]
    fn ranges_are_consecutive_and_cover_every_token() {
        for text in ["", "One.", "A b. C d? E f! G\n\nH", "x. . . Y"] {
            let tokens = tokenize(text);
            let ranges = sentences(text, &tokens);
            let mut next = 0;
            for r in &ranges {
                assert_eq!(r.start, next, "{text:?}: {ranges:?}");
                assert!(!r.is_empty(), "{text:?}: {ranges:?}");
                next = r.end;
            }
            assert_eq!(next, tokens.len(), "{text:?}");
        }
    }
}
