//! Which words are inside quotation marks.
//!
//! Independent reports of one press conference or court hearing quote the same speakers word
//! for word: a shared quote is evidence of a shared event, not of copying. The verdict weighs
//! matched narration (the wire's own words) apart from matched quotes, and this module tells
//! them apart.
//!
//! Double quotes (`"`, `“ ”`, `„`, `« »`) open and close a quotation; a German `„` closes with
//! `“`, and French single guillemets `‹ ›` open and close one like `« »`. Single quotes (`'`, `‘ ’`)
//! do too, as British papers use them, but only where they cannot be an apostrophe: an opening
//! one follows a space or an opening bracket and precedes a letter or digit, a closing one
//! follows a non-space and precedes a space, punctuation or the end. A quotation never runs
//! past the end of its paragraph (a blank line): news style reopens a quote that continues into
//! the next paragraph, and an unclosed mark must not swallow the rest of the article.

use super::Token;

/// For each token, whether it is inside a quotation.
pub fn quoted(text: &str, tokens: &[Token]) -> Vec<bool> {
    let spans = quotation_spans(text);
    let mut out = Vec::with_capacity(tokens.len());
    let mut spans_iter = spans.iter().peekable();
    for token in tokens {
        while spans_iter.next_if(|s| s.1 <= token.start).is_some() {}
        out.push(
            spans_iter
                .peek()
                .is_some_and(|s| s.0 <= token.start && token.end <= s.1),
        );
    }
    out
}

/// Byte ranges `(start, end)` of the quotations in `text`, in order, not overlapping.
fn quotation_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    // The open quotation: where it started and whether it opened with a single mark.
    let mut open: Option<(usize, bool)> = None;
    // Which mark opened the quotation, where that decides the closing one.
    let mut opened_low = false;
    let mut opened_single_guillemet = false;
    let mut prev: Option<char> = None;
    let mut newlines = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if c == '\n' {
            newlines += 1;
            if newlines >= 2
                && let Some((start, _)) = open.take()
            {
                // A paragraph ends: so does any quotation left open (news style reopens it in
                // the next paragraph).
                spans.push((start, i));
            }
        } else if !c.is_whitespace() {
            newlines = 0;
        }
        match c {
            '"' => match open {
                Some((start, false)) => {
                    spans.push((start, i));
                    open = None;
                }
                Some((_, true)) => {}
                None => open = Some((i + 1, false)),
            },
            // German „…“: the mark that opens English quotations closes this one.
            '“' if matches!(open, Some((_, false))) && opened_low => {
                if let Some((start, _)) = open.take() {
                    spans.push((start, i));
                }
            }
            '“' | '„' | '«' | '‹' if open.is_none() => {
                opened_low = c == '„';
                opened_single_guillemet = c == '‹';
                open = Some((i + c.len_utf8(), false));
            }
            '›' if matches!(open, Some((_, false))) && opened_single_guillemet => {
                if let Some((start, _)) = open.take() {
                    spans.push((start, i));
                }
            }
            '”' | '»' if matches!(open, Some((_, false))) => {
                if let Some((start, _)) = open.take() {
                    spans.push((start, i));
                }
            }
            '\'' | '‘' | '’' => {
                let after_space = prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p));
                let before_word = next.is_some_and(char::is_alphanumeric);
                let after_word = prev.is_some_and(|p| !p.is_whitespace());
                let before_break =
                    next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]—–-".contains(n));
                match open {
                    None if after_space && before_word && c != '’' => {
                        open = Some((i + c.len_utf8(), true));
                    }
                    Some((start, true)) if after_word && before_break && c != '‘' => {
                        spans.push((start, i));
                        open = None;
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
    if let Some((start, _)) = open {
        spans.push((start, text.len()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn quoted_words(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        tokens
            .iter()
            .zip(quoted(text, &tokens))
            .filter(|(_, q)| *q)
            .map(|(t, _)| t.norm.clone())
            .collect()
    }

    #[test]
    fn double_and_curly_quotes() {
        assert_eq!(
            quoted_words("The mayor said: \"We will rebuild the pier.\" Work starts soon."),
            ["we", "will", "rebuild", "the", "pier"]
        );
        assert_eq!(
            quoted_words("“It was a mistake,” Ms Obi said, “and I regret it.”"),
            ["it", "was", "a", "mistake", "and", "i", "regret", "it"]
        );
        assert_eq!(
            quoted_words("« Nous restons », a-t-il dit."),
            ["nous", "restons"]
        );
    }

    #[test]
    fn german_low_quotes_and_single_guillemets() {
        assert_eq!(
            quoted_words("„Wir bleiben“, sagte er, „bis Montag.“ Dann ging er."),
            ["wir", "bleiben", "bis", "montag"],
            "„ closes with “"
        );
        assert_eq!(
            quoted_words("Il a parlé d\u{2019}un ‹ geste fort › hier soir."),
            ["geste", "fort"]
        );
        assert_eq!(
            quoted_words("« Il a dit ‹ non › », selon lui."),
            ["il", "a", "dit", "non"],
            "a single guillemet inside « » stays inside"
        );
    }

    #[test]
    fn british_single_quotes_but_not_apostrophes() {
        assert_eq!(
            quoted_words("The judge told him: 'You showed no remorse.' He didn't reply."),
            ["you", "showed", "no", "remorse"]
        );
        assert!(
            quoted_words("The girls' mother said it wasn't the council's fault.").is_empty(),
            "apostrophes and plural possessives open no quotation"
        );
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        let text =
            "\"We are not leaving, said the strikers.\n\nTalks resume on Monday at the depot.";
        let words = quoted_words(text);
        assert!(words.contains(&"strikers".to_string()));
        assert!(
            !words.contains(&"depot".to_string()),
            "the next paragraph is narration: {words:?}"
        );
    }

    #[test]
    fn text_without_quotes_has_no_quoted_words() {
        assert!(quoted_words("Shares rose 3% in early trading on Tuesday.").is_empty());
    }
}
