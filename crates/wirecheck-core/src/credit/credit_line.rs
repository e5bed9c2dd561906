//! Credit lines: a line near the start or end of the article that is only the credit,
//! "Reuters", "Source: AFP", "© AP", "-- IANS", "Copyright Thomson Reuters 2026".

use super::mention::in_list;
use super::mention::{Doc, MAX_CREDIT_LINE_BYTES};

/// Words that may stand beside the agency on a credit line.
#[rustfmt::skip]
const CREDIT_LINE_WORDS: &[&str] = &[
    "source", "sources", "copyright", "c", "and", "the", "agencies", "agency", "staff", "wire",
    "wires", "news", "all", "rights", "reserved", "inc", "ltd", "limited", "plc",
];

/// Whether line `li` is a credit line crediting every agency on it.
pub(super) fn is_credit_line(doc: &Doc, li: usize) -> bool {
    let line = doc.line(li);
    if !doc.near_edge(li)
        || !doc.starts_paragraph(li)
        || line.end - line.start > MAX_CREDIT_LINE_BYTES
    {
        return false;
    }
    // Numbers only as a copyright year or two, so a table row that happens to contain
    // "AA" is not a credit.
    let words = doc.residual_words(line);
    let is_year = |w: &&str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
    words.iter().filter(|w| is_year(w)).count() <= 2
        && words
            .iter()
            .all(|w| in_list(CREDIT_LINE_WORDS, w) || is_year(w))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn credit_lines_at_start_or_end() {
        let cases = [
            ("Reuters", "Reuters"),
            ("REUTERS", "Reuters"),
            ("\u{2014} AFP", "AFP"),
            ("-- IANS", "IANS"),
            ("(AP)", "AP"),
            ("Source: Reuters", "Reuters"),
            ("Copyright Thomson Reuters 2026", "Reuters"),
            ("\u{a9} AFP", "AFP"),
            ("(c) 2026 The Associated Press. All rights reserved.", "AP"),
            ("Reuters/Agencies", "Reuters"),
            ("Bernama", "Bernama"),
            ("- Press Association", "PA"),
        ];
        for (line, agency) in cases {
            for text in [paras(&[P1, P2, P3, line]), paras(&[line, P1, P2, P3])] {
                assert_credit(&text, agency, "credit_line", line);
            }
        }
    }

    #[test]
    fn credit_line_after_a_donation_banner() {
        let text = paras(&[P1, P2, P3, P1, P2, P3, BANNER, "Reuters"]);
        assert_credit(&text, "Reuters", "credit_line", "Reuters");
    }

    #[test]
    fn credit_line_before_trailing_boilerplate_and_with_control_bytes() {
        let text = format!("{P1}\n{P2}\n{P3}\n\u{19}Kyodo\n\n{BANNER}\nShare this story\n");
        assert_credit(&text, "Kyodo", "credit_line", "Kyodo");
        let wire = format!("{P1}\n{P2}\n Reuter\n\u{3}");
        assert_credit(&wire, "Reuters", "credit_line", "Reuter");
    }

    #[test]
    fn credit_line_with_two_agencies_credits_both() {
        let text = paras(&[P1, P2, P3, "AFP and Reuters"]);
        let got = found(&text);
        let agencies: Vec<&str> = got.iter().map(|(a, _, _)| a.as_str()).collect();
        assert_eq!(
            agencies,
            vec!["AFP", "Reuters"],
            "each agency credited separately"
        );
    }

    #[test]
    fn lone_agency_line_inside_the_body_or_a_wrapped_sentence_is_not_a_credit_line() {
        let middle = paras(&[P1, P2, P3, P1, P2, P3, "Reuters", P1, P2, P3, P1, P2, P3]);
        assert_none(&middle);
        let wrapped = format!(
            "{P1}\nThe mayor gave the figures in a long interview she granted to\nReuters."
        );
        assert_none(&wrapped);
    }

    #[test]
    fn table_row_with_an_acronym_is_not_a_credit_line() {
        assert_none(&paras(&[
            P1,
            P2,
            P3,
            "C 1750 2239 (1720 2282)  AA 2200 2650",
        ]));
        assert_none(&paras(&[P1, P2, P3, "AP 12 14 16"]));
    }
}
