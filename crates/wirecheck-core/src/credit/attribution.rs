//! Attribution in a sentence: "according to a Reuters report", "as reported by AFP", "AFP has
//! reported", "a Reuters report said". The article says the agency is its source.

use super::mention::{Doc, Group, Span, in_list, phrase_before, words_after, words_before};

/// The attribution phrase around the group, if the group is attributed as a source.
pub(super) fn attribution(doc: &Doc, g: &Group) -> Option<Span> {
    #[rustfmt::skip]
    const BEFORE: &[&str] = &[
        "according to", "reported by", "report by", "report from", "reports by", "reports from",
    ];
    #[rustfmt::skip]
    const LEAD_IN: &[&str] = &[
        "according", "to", "a", "an", "the", "as", "first", "earlier",
    ];
    let line = doc.line(g.line);
    let before = words_before(doc.text, g.start, line.start, 8);
    let after = words_after(doc.text, g.end, line.end, 2);
    let report_end = match after.first() {
        Some((p, w)) if in_list(&["report", "reports", "story"], w) => Some(p + w.len()),
        _ => None,
    };
    if let Some(mut start) = BEFORE.iter().find_map(|t| phrase_before(&before, t)) {
        let phrase_start = start;
        for (p, w) in before
            .iter()
            .skip_while(|(p, _)| *p >= phrase_start)
            .take(4)
        {
            if !in_list(LEAD_IN, w) {
                break;
            }
            start = *p;
        }
        return Some((start, report_end.unwrap_or(g.end)));
    }
    // "Reuters reported", "AFP has reported".
    let verb_end = match after.as_slice() {
        [(p, w), ..] if in_list(&["reported", "reports"], w) => Some(p + w.len()),
        [(_, w1), (p, w2), ..]
            if in_list(
                &["has", "had", "first", "earlier", "also", "previously"],
                w1,
            ) && w2.eq_ignore_ascii_case("reported") =>
        {
            Some(p + w2.len())
        }
        _ => None,
    };
    if let Some(end) = verb_end {
        return Some((g.start, end));
    }
    // "a Reuters report said".
    match (before.first(), report_end) {
        (Some((p, w)), Some(end)) if in_list(&["a", "an", "the"], w) => Some((*p, end)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn according_to_and_reported_forms() {
        let cases = [
            (
                "The works cost more than planned, according to a Reuters report.",
                "Reuters",
                "according to a Reuters report",
            ),
            (
                "The works cost more than planned, according to the Associated Press.",
                "AP",
                "according to the Associated Press",
            ),
            (
                "The works cost more than planned, Reuters reported on Monday.",
                "Reuters",
                "Reuters reported",
            ),
            (
                "The works cost more than planned, as reported by AFP last week.",
                "AFP",
                "as reported by AFP",
            ),
            (
                "A report by the Associated Press said the works cost more.",
                "AP",
                "A report by the Associated Press",
            ),
            (
                "The works cost more than planned, Xinhua news agency has reported.",
                "Xinhua",
                "Xinhua news agency has reported",
            ),
            (
                "The works cost more than planned, ACCORDING TO REUTERS.",
                "Reuters",
                "ACCORDING TO REUTERS",
            ),
            (
                "An AFP report said the works cost more than planned.",
                "AFP",
                "An AFP report",
            ),
        ];
        for (sentence, agency, phrase) in cases {
            let text = paras(&[P1, P2, P3, sentence, P1, P2, P3, P1, P2]);
            assert_credit(&text, agency, "according_to", phrase);
        }
    }

    #[test]
    fn mentions_in_ordinary_sentences_are_not_credits() {
        for sentence in [
            "The plan appears in a draft seen by Reuters earlier this month.",
            "Reuters could not independently verify the claims made by the council.",
            "A spokesman for the council told Reuters the works would finish soon.",
            "The engineer told AFP that the steel had arrived late from the mill.",
            "The mayor said in an interview with AP that the budget was tight.",
            "Xinhua said the delegation would visit the site again next spring.",
            "Journalists from PTI and ANI waited outside the council chamber.",
            "The mayor was quoted by Reuters as saying the bridge was safe.",
        ] {
            assert_none(&paras(&[P1, sentence, P2, P3, P1, P2, P3, P1]));
            assert_none(&paras(&[sentence, P2, P3]));
        }
    }
}
