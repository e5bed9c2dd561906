//! Words with their offsets in the original text.
//!
//! Words are found by Unicode word boundaries (UAX #29) over the original text, so that every
//! token points at the exact bytes it came from. On top of the plain segmentation:
//!
//! - a word split by a hyphen at a line end ("denu-⏎clearization") is one token spanning both
//!   parts, while hyphenated compounds within a line ("out-of-court") are separate words;
//! - "per cent" is one token `percent`, and so is a `%` sign;
//! - currency signs are words: `$` `dollar`, `£` `pound`, `€` `euro`, `¥` `yen`, `₹` `rupee`;
//! - digit groups separated by thin or no-break spaces ("1 200 000") are one number.
//!
//! [`tokenize_in`] reads a text as a text of its language (see [`super::language`]): in French
//! and Italian an elided article is a word of its own ("l'accord" is `l` and `accord`), and
//! outside English a comma between digits is the decimal mark and a period the thousands
//! separator ("1.200,5" and "1 200,5" are `1200.5`); the English spelling rules apply to
//! English only. [`tokenize`] is the English reading, the one every text had before languages.

use unicode_segmentation::UnicodeSegmentation;

use super::language::Language;
use super::normalize::{normalize_word, normalize_word_in};

/// A word of the text, normalized for matching, with its place in the original.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Token {
    /// The normalized form used for matching (see [`super::normalize`]).
    pub norm: String,
    /// Byte offset of the word's first byte in the original text.
    pub start: usize,
    /// Byte offset just past the word in the original text.
    pub end: usize,
}

/// Splits `text` into normalized words that keep their byte offsets.
///
/// Tokens are in text order, do not overlap, and their offsets are char boundaries of `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_in(text, None)
}

/// [`tokenize`] with the rules of `language` (`None`: English, as [`tokenize`]).
pub fn tokenize_in(text: &str, language: Option<Language>) -> Vec<Token> {
    let language = language.filter(|l| *l != Language::English);
    let elides = language.is_some_and(Language::elides);
    let decimal_comma = language.is_some_and(Language::decimal_comma);
    let normalize_word = |word: &str| match language {
        None => normalize_word(word),
        Some(l) => normalize_word_in(word, l),
    };
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6 + 1);
    let mut segments = Words::new(text);
    while let Some((start, word)) = segments.next() {
        let mut end = start + word.len();
        let norm = if let Some(symbol) = symbol_word(word) {
            symbol.to_string()
        } else if has_alphanumeric(word) {
            let may_continue =
                matches!(text.as_bytes().get(end), Some(b'-' | 0xE2)) || word.ends_with('\u{AD}');
            match line_end_continuation(text, end).filter(|_| may_continue) {
                Some(next_start) => {
                    // Consume the segments up to the second half of the word.
                    let second = segments.find(|&(s, _)| s >= next_start);
                    match second {
                        Some((s, rest)) if s == next_start => {
                            end = s + rest.len();
                            let joined = format!("{}{}", word.trim_end_matches('\u{AD}'), rest);
                            normalize_word(&joined)
                        }
                        // Unreachable (the continuation starts a segment), but never lose words.
                        Some((s, rest)) => {
                            push_word(&mut tokens, text, start, end, normalize_word(word), false);
                            let rest_norm = normalize_word(rest);
                            push_word(&mut tokens, text, s, s + rest.len(), rest_norm, false);
                            continue;
                        }
                        None => normalize_word(word),
                    }
                }
                None => match elision(word).filter(|_| elides) {
                    Some((head, rest)) => {
                        let (head_end, rest_start) = (start + head, start + rest);
                        let article = word.get(..head).unwrap_or_default();
                        let noun = word.get(rest..).unwrap_or_default();
                        push_word(
                            &mut tokens,
                            text,
                            start,
                            head_end,
                            normalize_word(article),
                            false,
                        );
                        push_word(
                            &mut tokens,
                            text,
                            rest_start,
                            end,
                            normalize_word(noun),
                            false,
                        );
                        continue;
                    }
                    None => normalize_word(word),
                },
            }
        } else {
            continue;
        };
        push_word(&mut tokens, text, start, end, norm, decimal_comma);
    }
    tokens
}

/// Words that French and Italian shorten before a vowel ("l'", "qu'", "dell'").
#[rustfmt::skip]
const ELIDED: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "dell",
    "all", "dall", "nell", "sull", "coll", "un", "quell", "quest", "nessun",
];

/// In a word such as "l'AFP" or "dell’ANSA", the byte length of the elided word and where the
/// word after the apostrophe starts.
fn elision(word: &str) -> Option<(usize, usize)> {
    let (at, mark) = word
        .char_indices()
        .find(|&(_, c)| c == '\'' || c == '\u{2019}')?;
    let head = word.get(..at)?;
    let rest = at + mark.len_utf8();
    let next = word.get(rest..)?.chars().next()?;
    (next.is_alphabetic() && ELIDED.iter().any(|e| e.eq_ignore_ascii_case(head)))
        .then_some((at, rest))
}

/// The segments of a text that can be tokens (words with a letter or digit, and symbols), by
/// UAX #29 word boundaries, with their byte offsets.
///
/// Word boundaries always fall around ASCII whitespace, so the text is cut there first; pure
/// ASCII pieces (nearly all of English news) go through [`ascii_segments`], the rest through
/// unicode-segmentation. The one difference from segmenting the whole text: a combining mark
/// right after whitespace starts a segment instead of joining the whitespace.
struct Words<'a> {
    text: &'a str,
    /// Where the next piece starts.
    pos: usize,
    /// Segments of the current piece, in order.
    pending: std::collections::VecDeque<(usize, &'a str)>,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        Words {
            text,
            pos: 0,
            pending: std::collections::VecDeque::new(),
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(segment) = self.pending.pop_front() {
                return Some(segment);
            }
            let bytes = self.text.as_bytes();
            let start = self.pos
                + bytes
                    .get(self.pos..)?
                    .iter()
                    .position(|b| !b.is_ascii_whitespace())?;
            let end = bytes
                .get(start..)
                .and_then(|rest| rest.iter().position(u8::is_ascii_whitespace))
                .map_or(bytes.len(), |n| start + n);
            self.pos = end;
            // Cut at ASCII bytes, so both ends are char boundaries.
            let piece = self.text.get(start..end).unwrap_or_default();
            if piece.is_ascii() {
                ascii_segments(piece, start, &mut self.pending);
            } else {
                self.pending.extend(
                    piece
                        .split_word_bound_indices()
                        .filter(|(_, w)| symbol_word(w).is_some() || has_alphanumeric(w))
                        .map(|(i, w)| (start + i, w)),
                );
            }
        }
    }
}

/// UAX #29 word segments of an ASCII piece without whitespace, restricted to those with a letter
/// or digit and the symbols `%` and `$`. Letters, digits and `_` join; `:` joins two letters,
/// `.` and `'` two letters or two digits, `,` and `;` two digits (rules WB5 to WB13b).
fn ascii_segments<'a>(
    piece: &'a str,
    offset: usize,
    out: &mut std::collections::VecDeque<(usize, &'a str)>,
) {
    let b = piece.as_bytes();
    let word_byte = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if !word_byte(c) {
            if c == b'%' || c == b'$' {
                out.push_back((offset + i, piece.get(i..i + 1).unwrap_or_default()));
            }
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            match (b.get(j - 1), b.get(j), b.get(j + 1)) {
                (_, Some(&c), _) if word_byte(c) => j += 1,
                (Some(&p), Some(&m), Some(&n)) if joins(p, m, n) => j += 2,
                _ => break,
            }
        }
        let word = piece.get(i..j).unwrap_or_default();
        if word.bytes().any(|c| c.is_ascii_alphanumeric()) {
            out.push_back((offset + i, word));
        }
        i = j;
    }
}

/// Whether `mid` keeps `prev` and `next` in one word (UAX #29 WB6, WB7, WB11, WB12).
fn joins(prev: u8, mid: u8, next: u8) -> bool {
    let letters = prev.is_ascii_alphabetic() && next.is_ascii_alphabetic();
    let digits = prev.is_ascii_digit() && next.is_ascii_digit();
    match mid {
        b':' => letters,
        b'.' | b'\'' => letters || digits,
        b',' | b';' => digits,
        _ => false,
    }
}

/// Appends a token, merging it with the previous one where two words are one for matching.
/// With `decimal_comma`, a group after a thin space may carry the decimals ("1 200,5").
fn push_word(
    tokens: &mut Vec<Token>,
    text: &str,
    start: usize,
    end: usize,
    norm: String,
    decimal_comma: bool,
) {
    if norm.is_empty() {
        return;
    }
    if let Some(prev) = tokens.last_mut() {
        // Always merged, whatever separates them, so that normalized text (where only a space
        // does) tokenizes the same way again.
        if prev.norm == "per" && norm == "cent" {
            prev.norm = "percent".to_string();
            prev.end = end;
            return;
        }
        let group = is_digit_group(&norm)
            || (decimal_comma
                && norm
                    .split_once('.')
                    .is_some_and(|(g, d)| is_digit_group(g) && is_integer(d)));
        if group && is_integer(&prev.norm) {
            let gap = text.get(prev.end..start).unwrap_or_default();
            if matches!(gap, "\u{2009}" | "\u{202F}" | "\u{A0}") {
                prev.norm.push_str(&norm);
                prev.end = end;
                return;
            }
        }
    }
    tokens.push(Token { norm, start, end });
}

fn is_digit_group(norm: &str) -> bool {
    norm.len() == 3 && norm.bytes().all(|b| b.is_ascii_digit())
}

fn is_integer(norm: &str) -> bool {
    !norm.is_empty() && norm.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a word has a letter or digit (a word worth matching).
pub(super) fn has_alphanumeric(word: &str) -> bool {
    if word.is_ascii() {
        word.bytes().any(|b| b.is_ascii_alphanumeric())
    } else {
        word.chars().any(char::is_alphanumeric)
    }
}

/// The word a symbol segment stands for (full-width forms included).
fn symbol_word(segment: &str) -> Option<&'static str> {
    Some(match segment {
        "%" | "％" | "﹪" => "percent",
        "$" | "＄" | "﹩" => "dollar",
        "£" | "￡" => "pound",
        "€" => "euro",
        "¥" | "￥" => "yen",
        "₹" => "rupee",
        _ => return None,
    })
}

/// If the word ending at `end` is cut by a hyphen at a line end and continues in lowercase on
/// the next line, the byte offset where it continues.
fn line_end_continuation(text: &str, end: usize) -> Option<usize> {
    let before = text.get(..end)?;
    let soft = before.ends_with('\u{AD}');
    let last = before.trim_end_matches('\u{AD}').chars().next_back()?;
    if !last.is_alphabetic() {
        return None;
    }
    let mut rest = text.get(end..)?;
    if let Some(r) = rest.strip_prefix(['-', '\u{2010}']) {
        rest = r;
    } else if !soft {
        return None;
    }
    rest = rest.trim_start_matches([' ', '\t']);
    rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix(['\n', '\r']))?;
    rest = rest.trim_start_matches([' ', '\t']);
    rest.chars()
        .next()
        .filter(|c| c.is_lowercase())
        .map(|_| text.len() - rest.len())
}

/// Converts byte offsets of a text to char (Unicode scalar) offsets, for reports that count
/// characters.
#[derive(Debug, Clone, Default)]
pub struct CharMap {
    len: usize,
    /// For every multi-byte char: its byte offset and the extra bytes (beyond one per char) of
    /// all multi-byte chars up to and including it. Empty for ASCII text.
    wide: Vec<(usize, usize)>,
}

impl CharMap {
    /// Indexes the multi-byte chars of `text`.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0;
            for (i, c) in text.char_indices() {
                let n = c.len_utf8();
                if n > 1 {
                    extra += n - 1;
                    wide.push((i, extra));
                }
            }
        }
        CharMap {
            len: text.len(),
            wide,
        }
    }

    /// The char offset of byte offset `byte`. An offset past the end is clamped to the end, one
    /// inside a char is moved down to that char's start.
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let i = self.wide.partition_point(|&(start, _)| start < byte);
        let Some(i) = i.checked_sub(1) else {
            return byte;
        };
        let (start, extra) = self.wide.get(i).copied().unwrap_or_default();
        let extra_before = i
            .checked_sub(1)
            .and_then(|j| self.wide.get(j))
            .map_or(0, |&(_, e)| e);
        let width = extra - extra_before + 1;
        if byte < start + width {
            // Inside the char: its char offset.
            start - extra_before
        } else {
            byte - extra
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::language::Language;
    use proptest::prelude::*;

    fn norms(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.norm).collect()
    }

    fn norms_in(text: &str, language: Language) -> Vec<String> {
        tokenize_in(text, Some(language))
            .into_iter()
            .map(|t| t.norm)
            .collect()
    }

    #[test]
    fn french_and_italian_elided_articles_are_words_of_their_own() {
        let text = "selon l'AFP et l\u{2019}accord qu'il a signé";
        let tokens = tokenize_in(text, Some(Language::French));
        let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            words,
            [
                "selon", "l", "afp", "et", "l", "accord", "qu", "il", "a", "signe"
            ],
            "straight and curly apostrophes split alike"
        );
        let afp = &tokens[2];
        assert_eq!(
            &text[afp.start..afp.end],
            "AFP",
            "offsets point at the word itself"
        );
        assert_eq!(
            norms_in("secondo dell'ANSA", Language::Italian),
            ["secondo", "dell", "ansa"]
        );
        // Not an elision: a longer word before the apostrophe, or a language that does not elide.
        assert_eq!(norms_in("aujourd'hui", Language::French), ["aujourdhui"]);
        assert_eq!(
            norms("L'Oreal said"),
            ["loreal", "said"],
            "English as before"
        );
        assert_eq!(norms_in("d'Souza", Language::German), ["dsouza"]);
    }

    #[test]
    fn figures_with_a_decimal_comma_outside_english() {
        for language in [Language::French, Language::German, Language::Italian] {
            assert_eq!(norms_in("3,5 %", language), ["3.5", "percent"]);
            assert_eq!(norms_in("1.200 Menschen", language)[0], "1200");
            assert_eq!(norms_in("1.200,50", language), ["1200.50"]);
            assert_eq!(
                norms_in("1\u{202f}200,5 tonnes", language)[0],
                "1200.5",
                "a thin-space group with decimals is one figure"
            );
            assert_eq!(norms_in("1\u{a0}200\u{a0}000", language), ["1200000"]);
        }
        assert_eq!(
            norms("3,5"),
            ["35"],
            "English keeps reading a comma as a separator"
        );
        assert_eq!(norms("1.200"), ["1.200"]);
    }

    #[test]
    fn the_english_spelling_rules_are_for_english_only() {
        assert_eq!(
            norms_in("une autre centre", Language::French),
            ["une", "autre", "centre"]
        );
        assert_eq!(norms("centre"), ["center"]);
        assert_eq!(
            norms_in("Straße Strasse", Language::German),
            ["strasse", "strasse"],
            "the sharp s is ss"
        );
    }

    #[test]
    fn offsets_point_at_the_original_words() {
        let text = "The Mayor’s “plan” — approved.";
        let tokens = tokenize(text);
        let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["The", "Mayor’s", "plan", "approved"]);
        assert_eq!(norms(text), ["the", "mayors", "plan", "approved"]);
    }

    #[test]
    fn quotes_and_dashes_are_not_words() {
        assert_eq!(
            norms("``Go,'' she said -- then left – fast --- gone"),
            ["go", "she", "said", "then", "left", "fast", "gone"],
            "TeX quotes and dashes disappear"
        );
        assert_eq!(norms("\"Go,\" she said"), norms("Go, she said"));
    }

    #[test]
    fn line_end_hyphenation_joins_the_word() {
        let text = "a plan for denu-\nclearization talks";
        let tokens = tokenize(text);
        assert_eq!(
            norms(text),
            ["a", "plan", "for", "denuclearization", "talks"]
        );
        let joined = &tokens[3];
        assert_eq!(&text[joined.start..joined.end], "denu-\nclearization");
        assert_eq!(norms("denu- \r\n  clearization"), ["denuclearization"]);
        assert_eq!(norms("denu\u{AD}\nclearization"), ["denuclearization"]);
        assert_eq!(
            norms("Anglo-\nAmerican"),
            ["anglo", "american"],
            "a capital after the break is a compound, not a split word"
        );
    }

    #[test]
    fn compounds_within_a_line_are_separate_words() {
        assert_eq!(norms("an out-of-court deal"), norms("an out of court deal"));
    }

    #[test]
    fn percent_forms_agree() {
        assert_eq!(norms("5 per cent"), ["5", "percent"]);
        assert_eq!(norms("5 percent"), ["5", "percent"]);
        assert_eq!(norms("5%"), ["5", "percent"]);
        assert_eq!(norms("5 Per\ncent"), ["5", "percent"]);
        let text = "rose 5 per cent";
        let t = &tokenize(text)[2];
        assert_eq!(
            &text[t.start..t.end],
            "per cent",
            "the token spans both words"
        );
    }

    #[test]
    fn currency_symbols_are_words() {
        assert_eq!(norms("$640 million"), ["dollar", "640", "million"]);
        assert_eq!(norms("640 million dollars"), ["640", "million", "dollar"]);
        assert_eq!(
            norms("£5 and €6 and ¥7"),
            ["pound", "5", "and", "euro", "6", "and", "yen", "7"]
        );
    }

    #[test]
    fn numbers_lose_group_separators() {
        assert_eq!(norms("1,200 people"), ["1200", "people"]);
        assert_eq!(
            norms("1\u{2009}200\u{2009}000 people"),
            ["1200000", "people"]
        );
        assert_eq!(norms("1\u{202F}200 people"), ["1200", "people"]);
        assert_eq!(norms("in 2019 200 people"), ["in", "2019", "200", "people"]);
        assert_eq!(norms("3.5 points"), ["3.5", "points"]);
    }

    #[test]
    fn nfkc_and_spaces() {
        assert_eq!(norms("ﬁnal\u{A0}oﬀer"), ["final", "offer"]);
        assert_eq!(norms("ＵＮ  talks\n\nresumed"), ["un", "talks", "resumed"]);
        assert_eq!(norms("U.S. and US"), ["us", "and", "us"]);
    }

    #[test]
    fn char_map_counts_chars() {
        let text = "añb€c";
        let map = CharMap::new(text);
        assert_eq!(map.char_offset(0), 0);
        assert_eq!(map.char_offset(1), 1);
        assert_eq!(map.char_offset(3), 2, "after the two-byte ñ");
        assert_eq!(map.char_offset(4), 3);
        assert_eq!(map.char_offset(7), 4, "after the three-byte €");
        assert_eq!(map.char_offset(8), 5);
        assert_eq!(map.char_offset(99), 5, "past the end is clamped");
        assert_eq!(map.char_offset(2), 1, "inside ñ snaps down to it");
        assert_eq!(map.char_offset(6), 3, "inside € snaps down to it");
    }

    proptest! {
        /// Character offsets round-trip: the byte offset of the i-th character maps back to i.
        #[test]
        fn char_offsets_round_trip(text in "\\PC{0,80}") {
            let map = CharMap::new(&text);
            for (i, (byte, _)) in text.char_indices().enumerate() {
                prop_assert_eq!(map.char_offset(byte), i);
            }
            prop_assert_eq!(map.char_offset(text.len()), text.chars().count());
        }

        #[test]
        fn tokens_are_ordered_and_on_boundaries(text in "\\PC{0,80}") {
            let mut last_end = 0;
            for t in tokenize(&text) {
                prop_assert!(t.start < t.end && t.end <= text.len());
                prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                prop_assert!(t.start >= last_end, "tokens overlap or go backwards");
                prop_assert!(!t.norm.is_empty());
                last_end = t.end;
            }
        }

        #[test]
        fn tokens_on_prose(text in "[a-zA-Z0-9 ,.'%$\\-\n\u{AD}\u{2009}]{0,80}") {
            let mut last_end = 0;
            for t in tokenize(&text) {
                prop_assert!(t.start < t.end && t.end <= text.len());
                prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                prop_assert!(t.start >= last_end);
                last_end = t.end;
            }
        }

        #[test]
        fn ascii_fast_path_agrees_with_uax29(text in "[a-zA-Z0-9_.,;:'%$&() \n-]{0,60}") {
            let fast: Vec<(usize, &str)> = Words::new(&text).collect();
            let full: Vec<(usize, &str)> = text
                .split_word_bound_indices()
                .filter(|(_, w)| symbol_word(w).is_some() || has_alphanumeric(w))
                .collect();
            prop_assert_eq!(fast, full);
        }

        #[test]
        fn char_map_agrees_with_counting(text in "\\PC{0,40}", byte in 0usize..200) {
            let map = CharMap::new(&text);
            let mut b = byte.min(text.len());
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            prop_assert_eq!(map.char_offset(byte), text[..b].chars().count());
        }
    }
}
