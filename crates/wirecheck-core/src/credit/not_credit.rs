//! Agency names that are not a source credit whatever surrounds them: part of a longer name
//! ("Reuters Institute", "Thomson Reuters Foundation", "Reuters-Ipsos", "(Reuters-Yonhap)",
//! "@Reuters") or a picture credit ("PHOTO: REUTERS", "AFP via Getty Images",
//! "REUTERS/Jane Smith", a "© AP" line right under a caption).
//!
//! Every form skips a mention this module rejects.

use super::agencies::{Mention, is_corporate_suffix};
use super::mention::{
    CONTRIBUTOR_WORDS, Doc, EDGE_LINES, PICTURE_WORDS, desk_initials, ends_sentence_unspaced,
    in_list, last_word, starts_with_copyright, word_at, words_after,
};

/// Words after an agency name that do not make it part of a longer name.
#[rustfmt::skip]
const NAME_OK_NEXT: &[&str] = &[
    "staff", "news", "agency", "agencies", "wire", "wires", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "published", "updated", "posted", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec",
];

/// Whether the words after a mention are a reporter's title: "AP Business Writer", "AFP
/// Chief Correspondent": up to three capitalized words, the last of [`CONTRIBUTOR_WORDS`].
fn is_title_after(doc: &Doc, m: &Mention, line_end: usize) -> bool {
    let words = words_after(doc.text, m.end, line_end, 3);
    words
        .iter()
        .position(|(_, w)| in_list(CONTRIBUTOR_WORDS, w))
        .is_some_and(|last| {
            words[..=last]
                .iter()
                .all(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
        })
}

/// Whether mention `m`, on line `li`, is part of a longer name or a picture credit, which no
/// context makes a source credit.
pub(super) fn not_a_credit(doc: &Doc, m: &Mention, li: usize) -> bool {
    let line = doc.line(li);
    let after = doc.slice(m.end, line.end.max(m.end));
    let before = doc.slice(line.start.min(m.start), m.start);
    let mut after_chars = after.chars();
    let next = after_chars.next();
    let next2 = after_chars.next();
    // "Reuters-Ipsos", "Reuters.com", "@Reuters": a different name containing the agency.
    if matches!(next, Some('-' | '\u{2011}' | '.')) && next2.is_some_and(char::is_alphanumeric) {
        return true;
    }
    let mut back = before.chars().rev();
    let prev = back.next();
    let prev2 = back.next();
    if matches!(prev, Some('@' | '#')) {
        return true;
    }
    // "plans.Reuters" ending its line is the agency glued to the last sentence with no space
    // (`sign_off::glued`), not a domain.
    let glued_to_sentence =
        after.trim_end_matches(['.', ' ']).trim().is_empty() && ends_sentence_unspaced(before);
    if matches!(prev, Some('-' | '\u{2011}' | '.'))
        && prev2.is_some_and(char::is_alphanumeric)
        && !glued_to_sentence
    {
        return true;
    }
    // "Reuters Institute", "AP Stylebook": a capitalized word straight after.
    if next.is_some_and(char::is_whitespace)
        && let Some((pos, w)) = words_after(doc.text, m.end, line.end, 1).first()
        && !doc.is_mention_start(*pos)
        && w.chars().next().is_some_and(char::is_uppercase)
        && !in_list(NAME_OK_NEXT, w)
        && !is_corporate_suffix(w)
        && !in_list(CONTRIBUTOR_WORDS, w)
        && !is_title_after(doc, m, line.end)
        && !(li + EDGE_LINES >= doc.lines.len() && desk_initials(after))
    {
        return true;
    }
    // "REUTERS/Jane Smith", "Getty Images/AFP": a photographer or picture agency. Not a
    // regional service's code closing a bracket, "(dpa/lno)", or a line, "dpa/vk".
    if next == Some('/')
        && let Some((pos, w)) = word_at(doc.text, m.end + 1, line.end)
        && !doc.is_mention_start(pos)
        && !in_list(NAME_OK_NEXT, w)
        && !is_corporate_suffix(w)
        && !is_service_code(doc.slice(pos, line.end), w)
    {
        return true;
    }
    if prev == Some('/')
        && prev2.is_some_and(char::is_alphanumeric)
        && !doc.is_mention_end(m.start.saturating_sub(1))
        && !last_word(before).is_some_and(|(_, w)| in_list(&["agencies", "agency", "wires"], w))
    {
        return true;
    }
    // "AFP via Getty Images", "AP Photo", "Reuters TV".
    if let Some((_, w)) = words_after(doc.text, m.end, line.end, 1).first()
        && in_list(PICTURE_WORDS, w)
    {
        return true;
    }
    // "PHOTO: REUTERS", "(Photo: AFP)", "File photo: AP", "Image: Xinhua".
    let gap_start = before
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .len();
    let gap = before.get(gap_start..).unwrap_or("");
    if let Some((_, w)) = last_word(before)
        && in_list(PICTURE_WORDS, w)
        && (gap.contains([':', '/', '|', '(', '-', '\u{2014}', '\u{2013}'])
            || (gap.chars().all(char::is_whitespace)
                && w.chars().next().is_some_and(char::is_uppercase)))
    {
        return true;
    }
    under_a_caption(doc, li)
}

/// A regional desk's code after the agency's slash, closing its bracket: "lno" in "(dpa/lno)".
fn is_service_code(rest: &str, word: &str) -> bool {
    (2..=4).contains(&word.len())
        && word.chars().all(|c| c.is_ascii_lowercase())
        && rest.get(word.len()..).is_some_and(|r| {
            // Or ending the line, as dpa signs off: "dpa/vk", "dpa/lno/xyz".
            r.starts_with(')') || r.trim_end().is_empty() || r.starts_with('/')
        })
}

/// "© AP" on a line of its own right under a caption (a line ending in a full stop) in the
/// upper half of the story: the picture's copyright. A copyright line opening the article,
/// under its headline, or after the text credits the text, however much of the page's
/// furniture follows it.
fn under_a_caption(doc: &Doc, li: usize) -> bool {
    let text = doc.line_text(li);
    starts_with_copyright(text)
        && li > 0
        && doc.in_upper_half(li)
        && doc.line_text(li - 1).ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn picture_and_video_credits_are_not_credits() {
        for caption in [
            "PHOTO: REUTERS",
            "(Photo: AFP)",
            "A protester waves a flag near the square. REUTERS/Jane Smith",
            "File photo: AP",
            "Image: Xinhua",
            "AFP via Getty Images",
            "Video: Reuters",
            "Getty Images/AFP",
            "AP Photo/John Roe",
            "Photo by AFP",
        ] {
            assert_none(&paras(&[P1, P2, P3, caption]));
            assert_none(&paras(&[caption, P1, P2, P3]));
            assert_none(&paras(&[&format!("{P1} {caption}"), P2, P3]));
        }
    }

    #[test]
    fn agency_inside_a_longer_name_is_not_a_credit() {
        for name in [
            "Reuters Institute",
            "AP Stylebook",
            "PA Consulting",
            "Reuters-Ipsos",
            "reuters.com",
            "@Reuters",
        ] {
            assert_none(&paras(&[P1, P2, P3, name]));
            let sentence = format!("According to the {name} survey, trust in news fell.");
            assert_none(&paras(&[P1, &sentence, P2, P3, P1, P2, P3, P1]));
        }
        let report = "The findings, according to a Reuters Institute report, surprised editors.";
        assert_none(&paras(&[P1, report, P2, P3, P1, P2, P3, P1]));
    }

    #[test]
    fn thomson_reuters_foundation_is_not_reuters() {
        // "Thomson Reuters" is the agency's owner and credits it ("Copyright Thomson Reuters
        // 2026" is a credit line); its foundation is a different body with its own newsroom.
        for text in [
            paras(&[P1, P2, P3, "Thomson Reuters Foundation"]),
            paras(&["Thomson Reuters Foundation", P1, P2, P3]),
            paras(&[
                P1,
                "The survey, according to the Thomson Reuters Foundation, covered ten towns.",
                P2,
                P3,
                P1,
                P2,
                P3,
            ]),
            paras(&[P1, P2, "By Lena Varga, Thomson Reuters Foundation", P3]),
            paras(&[P1, P2, &format!("{P3} -- Thomson Reuters Foundation")]),
        ] {
            assert_none(&text);
        }
    }

    const CAPTION: &str = "Ambassador Tomas Reyl arrives at the Corven naval yard on Wednesday.";

    #[test]
    fn picture_credits_under_a_caption_are_not_credits() {
        for credit in [
            "(Reuters-Yonhap)",
            "\u{a9} AP",
            "(c) AFP",
            "Copyright Reuters 2026",
        ] {
            let text = paras(&[
                "Corven yard wins navy order",
                CAPTION,
                credit,
                P1,
                P2,
                P3,
                P1,
            ]);
            assert_none(&text);
        }
        let glued = format!("{CAPTION} \u{a9} AP");
        assert_none(&paras(&[
            "Corven yard wins navy order",
            &glued,
            P1,
            P2,
            P3,
            P1,
        ]));
        assert_none(&paras(&[P1, P2, P3, "(Reuters-Yonhap)"]));
    }

    #[test]
    fn copyright_lines_of_the_text_still_count() {
        let under_headline = paras(&["Corven yard wins navy order", "\u{a9} AP", P1, P2, P3, P1]);
        assert_credit(&under_headline, "AP", "credit_line", "\u{a9} AP");
        let after_text = paras(&[P1, P2, P3, P1, P2, CAPTION, "\u{a9} 2026 AP"]);
        assert_credit(&after_text, "AP", "credit_line", "\u{a9} 2026 AP");
    }

    #[test]
    fn a_copyright_line_after_the_story_counts_above_a_long_page_footer() {
        let long = "The fictional town of Lowmere opened a footbridge over the river on Tuesday \
                    after nearly a decade of delays, officials said, linking the square to the \
                    station.";
        let footer = [
            "[Print this story] [E-mail this story]",
            "Other stories",
            "Council approves new fire station",
            "Football: Lowmere stays unbeaten",
            "Most viewed",
            "Highway reopens after overnight crash",
            "Weather",
            "Today: 14C, showers",
            "Contact us | Advertise | Privacy",
        ];
        let mut parts = vec![long, long, long, long, "\u{a9} 2026 The Associated Press."];
        parts.extend(footer);
        assert_credit(
            &paras(&parts),
            "AP",
            "credit_line",
            "\u{a9} 2026 The Associated Press.",
        );
        // Under a caption in the story's upper half it is the picture's.
        let mut parts = vec![long, CAPTION, "\u{a9} AP", long, long, long];
        parts.extend(footer);
        assert_none(&paras(&parts));
    }

    #[test]
    fn acronym_lookalikes_are_not_credits() {
        assert_none(&paras(&[P1, P2, P3, "ap"]));
        assert_none(&paras(&[P1, P2, P3, "-- Afp"]));
        assert_none(&paras(&[
            "LONDON (APPLE) - The fruit market opened late on Monday.",
            P2,
        ]));
    }
}
