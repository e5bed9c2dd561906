//! Bylines: "By Jane Doe, Reuters" or a reporter's name and the agency with no "By",
//! "Lena Varga Reuters", as a line of its own, and the contributor note "Associated Press
//! writer Jane Doe contributed to this report", "Information from The Associated Press was used
//! in this report".

use super::mention::{
    CONTRIBUTOR_WORDS, Doc, Group, Line, MAX_CREDIT_LINE_BYTES, PICTURE_WORDS, Span, alnum_words,
    head_within, in_list, is_dash, words_after, words_before,
};

/// Lower-case words that may appear in a byline beside names.
#[rustfmt::skip]
const BYLINE_WORDS: &[&str] = &[
    "by", "and", "staff", "writer", "writers", "correspondent", "correspondents", "reporter",
    "reporters", "editor", "in", "for", "of", "the", "news", "agency", "agencies", "special",
    "chief", "senior", "bureau", "from", "wire", "wires", "with",
    // A page's meta line after the byline: "May 7, 2026 2 min read", "Published Mar 22,
    // 2024 • Last updated 6 hours ago • 3 minute read".
    "min", "mins", "minute", "minutes", "read", "updated", "published", "hour", "hours", "ago",
    "am", "pm", "at", "on",
];

/// What opens a byline: "By Jane Doe", "Written by Reuters", "Author: AFP".
#[rustfmt::skip]
const BYLINE_OPENINGS: &[&str] = &[
    "by", "written by", "posted by", "story by", "words by", "authored by", "author:",
    "authors:", "written by:", "posted by:", "by:", "reporting by", "additional reporting by",
];

/// Whether line `li` is a byline naming the agencies on it: an opening of
/// [`BYLINE_OPENINGS`], then names and the words of [`BYLINE_WORDS`].
pub(super) fn is_byline(doc: &Doc, li: usize) -> bool {
    let line = doc.line(li);
    let content = doc.slice(line.start, line.end);
    let opens = BYLINE_OPENINGS.iter().any(|opening| {
        content
            .get(..opening.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(opening))
            && content
                .get(opening.len()..)
                .is_some_and(|rest| rest.starts_with(char::is_whitespace))
    });
    if !opens || !doc.starts_paragraph(li) || content.len() > MAX_CREDIT_LINE_BYTES {
        return false;
    }
    doc.residual_words(line).iter().enumerate().all(|(i, w)| {
        let capital = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let opening = i < 2
            && in_list(
                &[
                    "written",
                    "posted",
                    "story",
                    "words",
                    "authored",
                    "author",
                    "authors",
                    "reporting",
                    "additional",
                ],
                w,
            );
        // The second part of a hyphenated name: "Lee Min-jun".
        let name_part = content.contains(&format!("-{w}"));
        opening || in_list(BYLINE_WORDS, w) || name_part || (capital && !in_list(PICTURE_WORDS, w))
    })
}

/// Words that make a capitalized line a headline rather than a name: "Minister Tells
/// Reuters", "Exclusive Interview With AFP".
#[rustfmt::skip]
const NOT_NAME_WORDS: &[&str] = &[
    "the", "a", "an", "to", "of", "in", "on", "at", "for", "with", "and", "or", "by", "from",
    "after", "says", "said", "tells", "told", "talks", "speaks", "exclusive", "interview",
    "update", "source", "sources", "staff", "copyright", "news", "agency", "report", "reports",
    "reporting", "editing", "writing",
];

/// Whether line `li` is a reporter's name followed by the agencies, with no "By": "Lena Varga
/// Reuters", "LENA VARGA, AFP", "Lena Varga | PTI" (tried before the credit line with a
/// place, which a name also looks like). Two or three name-shaped words before the
/// agency, which ends the line, near the start or end of the article.
pub(super) fn is_name_line(doc: &Doc, li: usize) -> bool {
    let line = doc.line(li);
    let on_line = doc.mentions_on(line);
    let (Some(head), Some(last)) = (on_line.first(), on_line.last()) else {
        return false;
    };
    if !doc.near_edge(li)
        || !doc.starts_paragraph(li)
        || line.end - line.start > MAX_CREDIT_LINE_BYTES / 2
        || doc.slice(last.end, line.end).chars().any(|c| c != '.')
    {
        return false;
    }
    let name = doc.slice(line.start, head.start);
    let name = name
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/'))
        .trim_end_matches(is_dash)
        .trim_end();
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && doc.residual_words(line).len() == words.len()
        && words.iter().all(|w| is_name_word(w))
}

/// "Lena", "VARGA", "O'Neill", "Smith-Jones".
fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 2
        && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | '.'))
        && !in_list(NOT_NAME_WORDS, w)
}

/// "Associated Press writer Jane Doe contributed to this report", "Reuters contributed to
/// this report", "The Associated Press contributed reporting".
pub(super) fn contributed(doc: &Doc, g: &Group) -> Option<Span> {
    let line = doc.line(g.line);
    let first = *words_after(doc.text, g.end, line.end, 1).first()?;
    if in_list(&["contributed", "contributes"], first.1) {
        return agency_contributed(doc, g, line);
    }
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

/// "Reuters contributed to this report.": the agency, then "contributed" and a report, as a
/// sentence of its own (a contribution to a fund or a debate is not a credit).
fn agency_contributed(doc: &Doc, g: &Group, line: Line) -> Option<Span> {
    let before = doc.slice(line.start, g.start).trim_end();
    let (lead, start) = match before
        .strip_suffix("The")
        .or_else(|| before.strip_suffix("the"))
    {
        Some(lead) => (lead.trim_end(), line.start + lead.len()),
        None => (before, g.start),
    };
    let opens_sentence = lead.is_empty() || lead.ends_with(['.', '!', '?', '(']);
    if !opens_sentence || doc.inside_quote(g.start) {
        return None;
    }
    let rest = head_within(doc.slice(g.end, line.end), 120);
    let sentence_len = rest.find(['.', '!', '?', ';', ')']).unwrap_or(rest.len());
    let sentence = rest.get(..sentence_len)?;
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let reporting = words.len() <= 8
        && words
            .iter()
            .any(|w| in_list(&["report", "reporting", "story", "article"], w));
    let start =
        start + doc.slice(start, g.start).len() - doc.slice(start, g.start).trim_start().len();
    reporting.then_some((start, g.end + sentence_len))
}

/// "Information from The Associated Press was used in this report.": what the story took
/// from the agency, as a sentence of its own ending with a report ("Material from Reuters was
/// used in this story"). "Information from AFP was used to identify the victims" is a
/// sentence of the story, not a credit.
pub(super) fn information_from(doc: &Doc, g: &Group) -> Option<Span> {
    const NOUNS: &[&str] = &["information", "material", "reporting", "details"];
    const REPORT: &[&str] = &["report", "story", "article"];
    let line = doc.line(g.line);
    let before = words_before(doc.text, g.start, line.start, 3);
    let before = match before.as_slice() {
        [(_, the), rest @ ..] if the.eq_ignore_ascii_case("the") => rest,
        all => all,
    };
    let [(_, from), (start, noun), ..] = before else {
        return None;
    };
    if !from.eq_ignore_ascii_case("from") || !in_list(NOUNS, noun) {
        return None;
    }
    let lead = doc.slice(line.start, *start).trim_end();
    let opens_sentence = lead.is_empty() || lead.ends_with(['.', '!', '?', '(']);
    if !opens_sentence || doc.inside_quote(g.start) {
        return None;
    }
    let rest = head_within(doc.slice(g.end, line.end), 80);
    let sentence_len = rest.find(['.', '!', '?', ';', ')']).unwrap_or(rest.len());
    let words: Vec<&str> = alnum_words(rest.get(..sentence_len)?).collect();
    let used = matches!(words.as_slice(),
        [was, used, in_, this, report]
            if in_list(&["was", "were", "is", "are"], was)
                && used.eq_ignore_ascii_case("used")
                && in_list(&["in", "for"], in_)
                && in_list(&["this", "the"], this)
                && in_list(REPORT, report));
    used.then_some((*start, g.end + sentence_len))
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
            ("By MARIA OKAFOR - The Associated Press", "AP"),
            ("By Maria Okafor \u{2013} The Associated Press", "AP"),
            ("By Yonhap", "Yonhap"),
            ("by\u{a0}Maria Okafor | Reuters", "Reuters"),
            ("Written by Reuters", "Reuters"),
            ("Written by: AFP", "AFP"),
            ("Author: Reuters", "Reuters"),
            ("Posted by PTI", "PTI"),
            ("By MARIA OKAFOR AP Business Writer", "AP"),
            ("By Maria Okafor, AP Medical Writer", "AP"),
            ("By Staff Writer with AFP", "AFP"),
            ("By Jane Doe with Reuters", "Reuters"),
            ("By Staff Writer with AFP May 7, 2026 2 min read", "AFP"),
            ("By Lee Min-jun, Yonhap | May 6, 2026", "Yonhap"),
            ("Reporting by PA Media", "PA"),
            ("Additional reporting by AFP", "AFP"),
        ] {
            let text = paras(&["Footbridge opens in Lowmere", line, P1, P2, P3, P1, P2, P3]);
            assert_credit(&text, agency, "byline", line);
        }
    }

    #[test]
    fn reporter_name_and_agency_without_by() {
        for (line, agency) in [
            ("Lena Varga Reuters", "Reuters"),
            ("LENA VARGA REUTERS", "Reuters"),
            ("Lena Varga, AFP", "AFP"),
            ("Lena M. Varga \u{2014} Associated Press", "AP"),
        ] {
            let text = paras(&["Footbridge opens in Lowmere", line, P1, P2, P3, P1, P2, P3]);
            assert_credit(&text, agency, "byline", line);
            let at_end = paras(&[P1, P2, P3, P1, P2, P3, line]);
            assert_credit(&at_end, agency, "byline", line);
        }
    }

    #[test]
    fn headlines_and_body_lines_ending_in_an_agency_are_not_name_bylines() {
        for line in [
            "Minister Tells Reuters",
            "Exclusive Interview With AFP",
            "Lowmere Council Leader Ada Quill Reuters",
            "Lena Varga Reuters Institute",
        ] {
            assert_none(&paras(&[line, P1, P2, P3, P1, P2, P3]));
        }
        let middle = paras(&[
            P1,
            P2,
            P3,
            P1,
            P2,
            P3,
            "Lena Varga Reuters",
            P1,
            P2,
            P3,
            P1,
            P2,
        ]);
        assert_none(&middle);
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

    /// Each note, as the article's last paragraph, credits its agency as a byline; each
    /// look-alike sentence there credits nobody.
    fn notes_at_the_end(notes: &[(&str, &str, &str)], look_alikes: &[&str]) {
        for &(note, agency, phrase) in notes {
            let text = paras(&[P1, P2, P3, P1, P2, P3, note]);
            assert_credit(&text, agency, "byline", phrase);
        }
        for sentence in look_alikes {
            assert_none(&paras(&[P1, P2, P3, P1, P2, P3, sentence]));
        }
    }

    #[test]
    fn agency_contributed_to_this_report() {
        notes_at_the_end(
            &[
                (
                    "Reuters contributed to this report.",
                    "Reuters",
                    "Reuters contributed to this report",
                ),
                (
                    "The Associated Press contributed to this report.",
                    "AP",
                    "The Associated Press contributed to this report",
                ),
                (
                    "AFP contributed reporting.",
                    "AFP",
                    "AFP contributed reporting",
                ),
            ],
            &[
                "Reuters contributed to the fund that paid for the crossing last year.",
                "\"Reuters contributed to this report,\" the mayor joked at the opening.",
                "The council said Reuters contributed to this report on the bridge.",
            ],
        );
    }

    #[test]
    fn information_from_the_agency_used_in_this_report() {
        notes_at_the_end(
            &[
                (
                    "Information from The Associated Press was used in this report.",
                    "AP",
                    "Information from The Associated Press was used in this report",
                ),
                (
                    "Material from Reuters was used in this story.",
                    "Reuters",
                    "Material from Reuters was used in this story",
                ),
            ],
            &[
                "Information from AFP was used to identify the owners of the crossing.",
                "The council said information from Reuters was used in this report on the bridge.",
                "\"Information from AP was used in this report,\" the mayor said of the leak.",
            ],
        );
    }

    #[test]
    fn reporting_by_the_agency_after_the_story_is_a_byline() {
        for (line, agency) in [
            ("Reporting by PA Media", "PA"),
            ("Additional reporting by AFP", "AFP"),
        ] {
            let text = paras(&[P1, P2, P3, P1, P2, P3, line]);
            assert_credit(&text, agency, "byline", line);
        }
        // Reuters' sign-off names its reporters, not the agency.
        assert_none(&paras(&[
            P1,
            P2,
            P3,
            P1,
            "(Reporting by Lena Varga; Editing by Tom Quill)",
        ]));
    }

    #[test]
    fn a_byline_in_one_block_with_a_long_headline_and_the_date_is_read() {
        let block = "Trust says sorry after pensioner, 88, left 31 hours in A&E with broken hip\n\
                     By Eleanor Fitch, PA\nWednesday 25 November 2026, 8:05am";
        let text = paras(&["Vale Echo > News > Health", block, P1, P2, P3, P1, P2, P3]);
        assert_credit(&text, "PA", "byline", "By Eleanor Fitch, PA");
        let crlf = text.replace('\n', "\r\n");
        assert_credit(&crlf, "PA", "byline", "By Eleanor Fitch, PA");
        let place = "Kulkarni's unbeaten 87 powers Navgarh Tuskers to the league title\n\
                     Press Trust of India | Navgarh\nUpdated: Nov 25, 2026, 00:05 IST";
        let text = paras(&["CricNation > Domestic", place, P1, P2, P3, P1, P2, P3]);
        assert_credit(
            &text,
            "PTI",
            "credit_line",
            "Press Trust of India | Navgarh",
        );
    }

    #[test]
    fn a_byline_with_the_page_s_times_after_it() {
        let line = "By MARIA OKAFOR - The Associated Press Published Mar 22, 2024 \u{2022} Last \
                    updated 6 hours ago \u{2022} 3 minute read";
        let text = paras(&["Jury finds alderman guilty", line, P1, P2, P3]);
        assert_credit(&text, "AP", "byline", line);
        assert_none(&paras(&[
            "Jury finds alderman guilty",
            "By the time AP arrived, the jury had been out for six hours",
            P1,
            P2,
        ]));
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
