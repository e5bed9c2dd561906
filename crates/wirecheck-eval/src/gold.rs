//! The gold standard of the token-level measure: METER's lexical annotation
//! (`<Verbatim>`, `<Rewrite>`, `<New>`), and its mapping onto the words the engine saw.

use std::time::{Duration, Instant};

use wirecheck_core::text::tokenize;
use wirecheck_core::text::tokens::CharMap;

/// What the annotators said about a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldLabel {
    /// Copied word for word from PA.
    Verbatim,
    /// PA text rewritten.
    Rewrite,
    /// Not from PA.
    New,
}

impl GoldLabel {
    /// Whether the word counts as derived (the positive class).
    pub fn derived(self) -> bool {
        matches!(self, GoldLabel::Verbatim | GoldLabel::Rewrite)
    }
}

/// A word of the annotated story: its normalized form and its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldWord {
    /// Normalized as the engine normalizes words.
    pub norm: String,
    /// The innermost annotation around it.
    pub label: GoldLabel,
}

/// Deeper nesting than this is not annotation but garbage; the extra tags are ignored.
const MAX_DEPTH: usize = 64;

/// The labelled words of an annotated METER story, in order. Text outside the three tags
/// (headers, `<unclassified>` stories the annotators did not mark up) yields no words.
///
/// Tolerant by design: unknown tags are skipped, a closing tag closes the most recent open tag
/// of its name (and those opened after it), a stray closing tag is ignored, an unclosed tag
/// lasts to the end.
pub fn parse_annotated(sgml: &str) -> Vec<GoldWord> {
    let mut words = Vec::new();
    // Open tags, innermost last: `None` for tags that do not label text (`<unclassified>`...).
    let mut open: Vec<(String, Option<GoldLabel>)> = Vec::new();
    let mut rest = sgml;
    while !rest.is_empty() {
        let (text, after) = match rest.find('<') {
            Some(i) => (
                rest.get(..i).unwrap_or_default(),
                rest.get(i..).unwrap_or_default(),
            ),
            None => (rest, ""),
        };
        if let Some(label) = open.last().and_then(|(_, label)| *label) {
            let text = decode_entities(text);
            words.extend(tokenize(&text).into_iter().map(|t| GoldWord {
                norm: t.norm,
                label,
            }));
        }
        if after.is_empty() {
            break;
        }
        let (tag, next) = match after.find('>') {
            Some(end) => (
                after.get(1..end).unwrap_or_default(),
                after.get(end + 1..).unwrap_or_default(),
            ),
            // A `<` with no `>`: the rest is not markup we can read.
            None => break,
        };
        rest = next;
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if tag.starts_with('/') {
            if let Some(pos) = open.iter().rposition(|(n, _)| *n == name) {
                open.truncate(pos);
            }
        } else if !name.is_empty() && !tag.ends_with('/') && open.len() < MAX_DEPTH {
            let label = match name.as_str() {
                "verbatim" => Some(GoldLabel::Verbatim),
                "rewrite" => Some(GoldLabel::Rewrite),
                "new" => Some(GoldLabel::New),
                _ => None,
            };
            // Only the three annotation tags (and `<unclassified>`, which hides them) nest;
            // document-level tags never close around labelled text in METER.
            if label.is_some() || name == "unclassified" {
                open.push((name, label));
            }
        }
    }
    words
}

fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return text.into();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
        .into()
}

/// Reads METER's ISO-8859-1 bytes: every byte is the code point of the same value.
pub fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Token counts of one story.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenCounts {
    /// Gold-derived words predicted derived.
    pub true_positives: usize,
    /// `<New>` words predicted derived.
    pub false_positives: usize,
    /// Gold-derived words not predicted derived.
    pub false_negatives: usize,
    /// `<Verbatim>` words, and those predicted derived.
    pub verbatim: (usize, usize),
    /// `<Rewrite>` words, and those predicted derived.
    pub rewrite: (usize, usize),
    /// Gold words with no counterpart in the raw text.
    pub unaligned: usize,
    /// Gold words.
    pub total: usize,
}

impl std::ops::AddAssign for TokenCounts {
    fn add_assign(&mut self, o: TokenCounts) {
        self.true_positives += o.true_positives;
        self.false_positives += o.false_positives;
        self.false_negatives += o.false_negatives;
        self.verbatim.0 += o.verbatim.0;
        self.verbatim.1 += o.verbatim.1;
        self.rewrite.0 += o.rewrite.0;
        self.rewrite.1 += o.rewrite.1;
        self.unaligned += o.unaligned;
        self.total += o.total;
    }
}

/// Scores the gold words against the passages the engine found in `text` (the report's
/// decoded text; `passages` are `[start, end)` char offsets into it).
///
/// The annotated and the raw story differ in whitespace and markup, so the two word sequences
/// are aligned with a word diff first; a gold word with no counterpart counts as not predicted.
pub fn score_tokens(gold: &[GoldWord], text: &str, passages: &[(usize, usize)]) -> TokenCounts {
    let predicted = predicted_words(text, passages);
    let raw: Vec<&str> = predicted.iter().map(|(norm, _)| norm.as_str()).collect();
    let gold_norms: Vec<&str> = gold.iter().map(|w| w.norm.as_str()).collect();
    let mut counterpart: Vec<Option<usize>> = vec![None; gold.len()];
    let deadline = Instant::now().checked_add(Duration::from_secs(2));
    let ops = similar::capture_diff_slices_deadline(
        similar::Algorithm::Myers,
        &gold_norms,
        &raw,
        deadline,
    );
    for op in ops {
        let (tag, old, new) = op.as_tag_tuple();
        // A replaced run of the same length is the same words spelt differently (markup,
        // hyphenation): pair them in order.
        let paired = match tag {
            similar::DiffTag::Equal => true,
            similar::DiffTag::Replace => old.len() == new.len(),
            _ => false,
        };
        if paired {
            for (g, r) in old.zip(new) {
                if let Some(slot) = counterpart.get_mut(g) {
                    *slot = Some(r);
                }
            }
        }
    }

    let mut counts = TokenCounts::default();
    for (word, raw_index) in gold.iter().zip(&counterpart) {
        let hit = raw_index
            .and_then(|r| predicted.get(r))
            .is_some_and(|(_, p)| *p);
        counts.total += 1;
        counts.unaligned += usize::from(raw_index.is_none());
        match (word.label.derived(), hit) {
            (true, true) => counts.true_positives += 1,
            (true, false) => counts.false_negatives += 1,
            (false, true) => counts.false_positives += 1,
            (false, false) => {}
        }
        let bucket = match word.label {
            GoldLabel::Verbatim => Some(&mut counts.verbatim),
            GoldLabel::Rewrite => Some(&mut counts.rewrite),
            GoldLabel::New => None,
        };
        if let Some((all, found)) = bucket {
            *all += 1;
            *found += usize::from(hit);
        }
    }
    counts
}

/// The words of `text`, each with whether it lies wholly inside one of `passages`.
fn predicted_words(text: &str, passages: &[(usize, usize)]) -> Vec<(String, bool)> {
    let chars = CharMap::new(text);
    let tokens: Vec<(String, usize, usize)> = tokenize(text)
        .into_iter()
        .map(|t| (t.norm, chars.char_offset(t.start), chars.char_offset(t.end)))
        .collect();
    let mut inside = vec![false; tokens.len()];
    for &(start, end) in passages {
        let first = tokens.partition_point(|(_, s, _)| *s < start);
        for (flag, (_, _, e)) in inside.iter_mut().zip(&tokens).skip(first) {
            if *e > end {
                break;
            }
            *flag = true;
        }
    }
    tokens
        .into_iter()
        .zip(inside)
        .map(|((norm, _, _), p)| (norm, p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(words: &[GoldWord]) -> Vec<(&str, GoldLabel)> {
        words.iter().map(|w| (w.norm.as_str(), w.label)).collect()
    }

    #[test]
    fn annotation_tags_label_their_words() {
        let sgml = "<!DOCTYPE x [\n]>\n<doc a=\"b\"><body>\n<Verbatim PAsource=\"\" >The mayor opened </Verbatim>\n<Rewrite PAsource=\"\">a bridge</Rewrite> <New>on Tuesday.</New></body></doc>";
        let words = parse_annotated(sgml);
        use GoldLabel::*;
        assert_eq!(
            labels(&words),
            vec![
                ("the", Verbatim),
                ("mayor", Verbatim),
                ("opened", Verbatim),
                ("a", Rewrite),
                ("bridge", Rewrite),
                ("on", New),
                ("tuesday", New),
            ],
            "each word takes its tag's label; text between tags is not labelled"
        );
    }

    #[test]
    fn odd_markup_is_tolerated() {
        use GoldLabel::*;
        // Nested, a stray close, an unclosed tag, an unclassified story and a dangling `<`.
        let sgml = "<New>one <Verbatim>two</Verbatim> three</Rewrite> four</New>\
                    <unclassified>hidden</unclassified><Rewrite>five <b>six</b> seven <";
        let words = parse_annotated(sgml);
        assert_eq!(
            labels(&words),
            vec![
                ("one", New),
                ("two", Verbatim),
                ("three", New),
                ("four", New),
                ("five", Rewrite),
                ("six", Rewrite),
                ("seven", Rewrite),
            ],
            "the innermost annotation wins; unknown tags do not change the label"
        );
    }

    #[test]
    fn deep_nesting_does_not_grow_without_bound() {
        let sgml = "<New>".repeat(100_000) + "word";
        let words = parse_annotated(&sgml);
        assert_eq!(
            words.len(),
            1,
            "deeply nested input is read, not overflowed"
        );
    }

    #[test]
    fn latin1_maps_bytes_to_code_points() {
        assert_eq!(latin1(b"caf\xe9 \xa3"), "café £");
    }

    #[test]
    fn tokens_are_scored_through_an_alignment_with_the_raw_text() {
        let gold = parse_annotated(
            "<Verbatim>The harbour reopened</Verbatim><Rewrite> after repairs</Rewrite>\
             <New> said locals, angrily.</New>",
        );
        // The raw text has an extra line and different spacing; the engine found the first
        // four words and, wrongly, "said".
        let text = "HEADLINE\n\nThe  harbour\nreopened after repairs said locals, angrily.";
        let start = text.find("The").unwrap_or_default();
        let end = text.find("repairs").unwrap_or_default();
        let said = text.find("said").unwrap_or_default();
        let passages = [(start, end), (said, said + 4)];
        let counts = score_tokens(&gold, text, &passages);
        assert_eq!(counts.total, 8);
        assert_eq!(
            counts.unaligned, 0,
            "every gold word is found in the raw text"
        );
        assert_eq!(
            (
                counts.true_positives,
                counts.false_negatives,
                counts.false_positives
            ),
            (4, 1, 1),
            "'repairs' lies past the first passage's end; 'said' is New but predicted"
        );
        assert_eq!(counts.verbatim, (3, 3));
        assert_eq!(counts.rewrite, (2, 1));
    }

    #[test]
    fn passage_offsets_count_chars_not_bytes() {
        let gold = parse_annotated("<New>Café</New><Verbatim> owner fined</Verbatim>");
        let text = "Café owner fined";
        // "owner" starts at char 5 (byte 6).
        let counts = score_tokens(&gold, text, &[(5, 16)]);
        assert_eq!(
            (counts.true_positives, counts.false_positives),
            (2, 0),
            "a char-offset passage covers exactly the words after the accented one"
        );
    }
}
