//! Sign-offs: the agency ending one of the last lines, after the text of the last paragraph,
//! "... on Monday. -- IANS" or "... said. (AFP)", or glued bare to its last sentence,
//! "... on Thursday. Reuters", as syndicating sites print it above their feed notice.

use super::mention::{
    BODY_WORDS, Doc, Group, Span, alnum_words, desk_initials, ends_sentence_unspaced,
};

/// Fewest words of a paragraph whose bracketed agency tags it away from the end of the text.
const TAGGED_WORDS: usize = 20;

/// From the sign-off's dash or bracket to the end of the line; the bracket ends a paragraph
/// near the end of the text, or a long paragraph anywhere ([`TAGGED_WORDS`]).
pub(super) fn sign_off(doc: &Doc, g: &Group) -> Option<Span> {
    let near_end = doc.near_end(g.line);
    let line = doc.line(g.line);
    let after = doc.slice(g.end, line.end);
    // "... accident victims. (PTI) SKN RHL": the desk's initials after the bracket.
    let initials_after = near_end && after.strip_prefix(')').is_some_and(desk_initials);
    if !initials_after
        && !after
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '.' | ')'))
    {
        return None;
    }
    let before = doc.slice(line.start, g.start).trim_end();
    for sep in ["--", "\u{2014}", "\u{2013}", "\u{2015}", " -"] {
        // A compilation's item signed off anywhere in the text: "... in a decade. — Kyodo",
        // after a long paragraph's last sentence, before the next item's heading.
        let tagged = || {
            let head = before[..before.len() - sep.len()].trim_end();
            head.ends_with(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}'])
                && alnum_words(head).take(TAGGED_WORDS).count() >= TAGGED_WORDS
        };
        if before.ends_with(sep) && (near_end || tagged() && doc.precedes_heading(g.line)) {
            let start = line.start + before.len() - sep.len() + usize::from(sep == " -");
            return Some((start, line.end));
        }
    }
    let head = before.strip_suffix('(')?.trim_end();
    // A paragraph tagged with its agency anywhere in the text: a live blog's entries or a
    // compilation's paragraphs, "... police said. (PTI)". A long paragraph, not a caption.
    let tagged = alnum_words(head).take(TAGGED_WORDS).count() >= TAGGED_WORDS;
    if !near_end && !tagged {
        return None;
    }
    head.ends_with(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}'])
        .then_some(line.start + head.len())
        .map(|p| (p + doc.slice(p, g.start).find('(').unwrap_or(0), line.end))
}

/// The bare agency name after the last sentence of the last paragraph, on the same line:
/// "... and meet the defence minister on Thursday. Reuters". Only boilerplate (a feed notice,
/// a donation banner) and short lines (tags, a date) may follow. A name glued to any other
/// paragraph, or after "©", is a caption's credit or part of the text.
pub(super) fn glued(doc: &Doc, g: &Group) -> Option<Span> {
    let line = doc.line(g.line);
    if !doc
        .slice(g.end, line.end)
        .chars()
        .all(|c| c.is_whitespace() || c == '.')
    {
        return None;
    }
    let before = doc.slice(line.start, g.start);
    let head = before.trim_end();
    // Glued with no space at all: "no immediate plans.Reuters".
    let spaced = head.len() < before.len();
    let unspaced = !spaced && ends_sentence_unspaced(head);
    let sentence_ends =
        (spaced || unspaced) && head.ends_with(['.', '!', '?', '"', '\'', '\u{201d}', '\u{2019}']);
    // A paragraph, not a caption: long enough, or the end of a hard-wrapped one.
    if !sentence_ends {
        return None;
    }
    let paragraph =
        alnum_words(head).take(BODY_WORDS).count() >= BODY_WORDS || !doc.starts_paragraph(g.line);
    (paragraph && doc.ends_last_paragraph(g.line)).then_some((g.start, g.end))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn sign_off_ends_the_last_paragraph() {
        for (end, agency, phrase) in [
            (" -- IANS", "IANS", "-- IANS"),
            (" \u{2014} Reuters", "Reuters", "\u{2014} Reuters"),
            (" - ANI", "ANI", "- ANI"),
            (" (AFP)", "AFP", "(AFP)"),
            (" (PTI) SKN RHL", "PTI", "(PTI) SKN RHL"),
        ] {
            let text = paras(&[P1, P2, &format!("{P3}{end}")]);
            assert_credit(&text, agency, "sign_off", phrase);
        }
    }

    #[test]
    fn a_compilation_s_item_signed_off_before_the_next_item() {
        let signed = format!("{ENTRY} \u{2014} Kyodo");
        let item = ["JAPAN: LOWMERE MOTORS ADMITS FALSE DATA", P1, &signed];
        let next = "SOUTH KOREA: A SECOND PLANT FOR HUNGARY";
        let roundup = paras(&[&item[..], &[next], &SIX].concat());
        assert_credit(&roundup, "Kyodo", "sign_off", "\u{2014} Kyodo");
        // The story going on after it: the dash is the text's, not a sign-off.
        assert_none(&paras(&[&SIX[..], &[&signed, ENTRY], &SIX].concat()));
    }

    const LAST: &str = "Ambassador Tomas Reyl will tour the Corven naval yard on Wednesday and meet the defence minister on Thursday.";
    const AUTOMATED: &str =
        "The article is generated from an automated feed and has not been edited by our staff.";
    const VIA_FEEDS: &str = "This article was published via feeds without changes by our desk.";
    /// A notice naming the feed's agency: set aside as boilerplate, and no credit of its own.
    const NAMED_FEED: &str = "The article is generated from Reuters via feeds.";
    const AGENCY_FEED: &str = "This article is auto-generated from a news agency feed.";

    #[test]
    fn agency_glued_to_the_last_sentence_before_a_feed_notice() {
        for (agency_text, agency) in [
            (" Reuters", "Reuters"),
            (" REUTERS", "Reuters"),
            ("\u{a0}Reuters", "Reuters"),
            (" AFP.", "AFP"),
        ] {
            let last = format!("{LAST}{agency_text}");
            for tail in [
                vec![AUTOMATED, BANNER],
                vec![VIA_FEEDS],
                vec![AUTOMATED, BANNER, "Tags: Corven, defence", "Comments"],
                vec![NAMED_FEED, BANNER],
                vec![AGENCY_FEED],
                vec![],
            ] {
                let mut parts = vec![P1, P2, P3, P1, P2, last.as_str()];
                parts.extend(tail);
                let phrase = agency_text.trim().trim_end_matches('.');
                assert_credit(&paras(&parts), agency, "sign_off", phrase);
            }
        }
        let wrapped = format!(
            "{P1}\n\nResidents had waited nearly a decade for the crossing to\nthe station, the mayor said. Reuters\n\n{AUTOMATED}\n"
        );
        assert_credit(&wrapped, "Reuters", "sign_off", "Reuters");
    }

    #[test]
    fn agency_glued_with_no_space_to_the_last_sentence() {
        let last = LAST.replace("Thursday.", "Thursday.Reuters");
        assert_credit(
            &paras(&[P1, P2, P3, &last, AUTOMATED]),
            "Reuters",
            "sign_off",
            "Reuters",
        );
        // Not an abbreviation's full stop or a domain name.
        let abbreviation = LAST.replace("Thursday.", "the U.S.Reuters");
        assert_none(&paras(&[P1, P2, P3, &abbreviation]));
    }

    #[test]
    fn paragraphs_tagged_with_their_agency_anywhere_in_a_live_blog() {
        let entry = "The district administration announced an ex gratia of Rs 5 lakh each to the families of the deceased, an official from the collector's office said. (PTI)";
        let text = paras(&["Live updates: godown fire", P1, entry, P2, P3, P1, P2, P3]);
        assert_credit(&text, "PTI", "sign_off", "(PTI)");
        // A caption's bracketed credit is too short to tag a paragraph.
        let caption = "Firefighters at the godown on Tuesday. (PTI)";
        assert_none(&paras(&["Live updates", P1, caption, P2, P3, P1, P2, P3]));
    }

    #[test]
    fn the_story_s_last_paragraph_on_a_saved_page_ends_with_its_sign_off() {
        let last =
            format!("{LAST} The garden will reopen next spring with new beds of hyacinth. (ANI)");
        let mut parts = vec![P1, P2, P3, last.as_str()];
        parts.extend([
            "Tulip Garden Srinagar Kashmir tourism",
            "Featured",
            "Orange alert in Delhi as mercury touches 44 degrees",
            "Amarnath Yatra registration crosses 2 lakh in first week",
            "Track Latest News Live on Desh Live and get news updates from India and around the world",
            "Trending",
            "Bengaluru rain: Viral video shows car floating in underpass",
            "We use cookies and other tracking technologies to improve your browsing experience.",
        ]);
        assert_credit(&paras(&parts), "ANI", "sign_off", "(ANI)");
    }

    #[test]
    fn agency_glued_to_a_paragraph_that_is_not_the_last_is_not_a_sign_off() {
        let glued = format!("{LAST} Reuters");
        assert_none(&paras(&[P1, P2, &glued, P3, AUTOMATED, BANNER]));
        assert_none(&paras(&[P1, P2, P3, &glued, P1, P2, P3, P1, P2]));
        // A caption credit under the last picture: too short to be the last paragraph.
        assert_none(&paras(&[P1, P2, P3, "The Corven naval yard. Reuters"]));
        // Copyright of a picture, not of the text.
        assert_none(&paras(&[P1, P2, &format!("{LAST} \u{a9} AP"), AUTOMATED]));
        // Mid-sentence, not after the last sentence.
        assert_none(&paras(&[
            P1,
            P2,
            "The minister will give the full figures on Thursday to Reuters",
            AUTOMATED,
        ]));
    }
}
