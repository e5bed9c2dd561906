//! Bylines: "By Jane Doe, Reuters" as a line of its own, and the contributor note
//! "Associated Press writer Jane Doe contributed to this report".

use super::mention::{
    CONTRIBUTOR_WORDS, Doc, Group, MAX_CREDIT_LINE_BYTES, PICTURE_WORDS, Span, head_within,
    in_list, words_after,
};

/// Lower-case words that may appear in a byline beside names.
#[rustfmt::skip]
const BYLINE_WORDS: &[&str] = &[
    "by", "and", "staff", "writer", "writers", "correspondent", "correspondents", "reporter",
    "reporters", "editor", "in", "for", "of", "the", "news", "agency", "agencies", "special",
    "chief", "senior", "bureau", "from", "wire", "wires",
];

/// Whether line `li` is a byline naming the agencies on it: "By", then names and the words of
/// [`BYLINE_WORDS`].
pub(super) fn is_byline(doc: &Doc, li: usize) -> bool {
    let line = doc.line(li);
    let content = doc.slice(line.start, line.end);
    let starts_by = content
        .get(..3)
        .is_some_and(|s| s.eq_ignore_ascii_case("by "));
    if !starts_by || !doc.starts_paragraph(li) || content.len() > MAX_CREDIT_LINE_BYTES {
        return false;
    }
    doc.residual_words(line).iter().all(|w| {
        let capital = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        in_list(BYLINE_WORDS, w) || (capital && !in_list(PICTURE_WORDS, w))
    })
}

/// "Associated Press writer Jane Doe contributed to this report."
pub(super) fn contributed(doc: &Doc, g: &Group) -> Option<Span> {
    let line = doc.line(g.line);
    let first = *words_after(doc.text, g.end, line.end, 1).first()?;
    if !in_list(CONTRIBUTOR_WORDS, first.1) {
        return None;
    }
    let rest = head_within(doc.slice(g.end, line.end), 200);
    let sentence_len = rest.find(['.', '!', '?', ';']).unwrap_or(rest.len());
    let sentence = rest.get(..sentence_len)?;
    let contributed = sentence
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| in_list(&["contributed", "contributing"], w));
    contributed.then_some((g.start, g.end + sentence_len))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn bylines() {
        for (line, agency) in [
            ("By Jane Doe, Reuters", "Reuters"),
            ("By Reuters Staff", "Reuters"),
            ("By AFP", "AFP"),
            ("By Jane Doe | PTI", "PTI"),
            ("BY JANE DOE, ASSOCIATED PRESS", "AP"),
            (
                "By Ola Nordmann and Kari Holm, Associated Press Writers",
                "AP",
            ),
        ] {
            let text = paras(&["Footbridge opens in Lowmere", line, P1, P2, P3, P1, P2, P3]);
            assert_credit(&text, agency, "byline", line);
        }
    }

    #[test]
    fn contributor_line_is_a_byline() {
        let note = "Associated Press writer Jane Doe in Lisbon contributed to this report.";
        let text = paras(&[P1, P2, P3, P1, P2, P3, P1, note, BANNER, P3, P2, P1, P3, P2]);
        assert_credit(
            &text,
            "AP",
            "byline",
            "Associated Press writer Jane Doe in Lisbon contributed to this report",
        );
    }

    #[test]
    fn by_in_an_ordinary_sentence_is_not_a_byline() {
        let text = paras(&[
            P1,
            P2,
            "By Tuesday, Reuters had learned of the new timetable for the works.",
            P3,
            P1,
            P2,
            P3,
            P1,
        ]);
        assert_none(&text);
    }
}
