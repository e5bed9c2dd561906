//! "(With inputs from PTI)", "with agency inputs from IANS", "additional reporting by AFP":
//! the agency supplied part of the story.

use super::mention::{Doc, Group, Span, head_within, in_list, phrase_before, words_before};

/// The phrase naming the agency as a contributor, from "With" (or its bracket) to the agency,
/// or to the closing bracket of "(With inputs from PTI and other agencies)".
pub(super) fn with_inputs(doc: &Doc, g: &Group) -> Option<Span> {
    #[rustfmt::skip]
    const TRIGGERS: &[&str] = &[
        "inputs from", "input from", "additional reporting by", "additional reporting from",
    ];
    #[rustfmt::skip]
    const LEAD_IN: &[&str] = &[
        "with", "agency", "additional", "wire",
    ];
    let line = doc.line(g.line);
    let words = words_before(doc.text, g.start, line.start, 6);
    let mut start = TRIGGERS.iter().find_map(|t| phrase_before(&words, t))?;
    let trigger_start = start;
    let mut rest = words.iter().skip_while(|(p, _)| *p >= trigger_start);
    for _ in 0..3 {
        match rest.next() {
            Some((p, w)) if in_list(LEAD_IN, w) => start = *p,
            _ => break,
        }
    }
    if doc.slice(line.start, start).trim_end().ends_with('(') {
        start = line.start + doc.slice(line.start, start).trim_end().len() - 1;
    }
    // "(With inputs from PTI and other agencies)": run on to the closing bracket.
    let mut end = g.end;
    let tail = head_within(doc.slice(g.end, line.end), 60);
    if let Some(close) = tail.find(')')
        && tail.get(..close).is_some_and(|t| {
            t.split(|c: char| !c.is_alphanumeric())
                .all(|w| w.is_empty() || in_list(&["and", "other", "agencies", "wires"], w))
        })
    {
        end = g.end + close + 1;
    }
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn with_inputs_from_credits_each_agency() {
        let text = paras(&[P1, P2, P3, "(With inputs from Reuters and AFP)"]);
        let got = found(&text);
        assert_eq!(got.len(), 2, "one credit per agency: {got:?}");
        for ((agency, kind, phrase), want) in got.iter().zip(["Reuters", "AFP"]) {
            assert_eq!((agency.as_str(), *kind), (want, "with_inputs"));
            assert_eq!(
                phrase, "(With inputs from Reuters and AFP)",
                "the whole phrase is highlighted"
            );
        }
        let inline = paras(&[
            P1,
            P2,
            &format!("{P3} This story was written with inputs from PTI."),
            P1,
            P2,
            P3,
            P1,
        ]);
        assert_credit(&inline, "PTI", "with_inputs", "with inputs from PTI");
        let others = paras(&[P1, "(With agency inputs from IANS and other agencies)", P2]);
        assert_credit(
            &others,
            "IANS",
            "with_inputs",
            "(With agency inputs from IANS and other agencies)",
        );
    }
}
