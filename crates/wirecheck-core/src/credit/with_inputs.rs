//! "(With inputs from PTI)", "with agency inputs from IANS", "additional reporting by AFP":
//! the agency supplied part of the story. In other languages: "(avec AFP)", "(Con información
//! de EFE)", "mit Material von dpa", "(com Lusa)", "(con ANSA)"; and the agencies unnamed,
//! "(avec agences)", "(con agencias)", "(mit Material von Agenturen)", "(com agências)", "(con
//! agenzie)", "(With agency inputs)", "Agencies", "From wire reports" ([`with_agencies`]).

use super::mention::{
    Doc, Group, Line, Span, alnum_words, head_within, in_list, is_dash, phrase_before,
    skip_foreign_agency_noun, words_after, words_before,
};

/// The phrase naming the agency as a contributor, from "With" (or its bracket) to the agency,
/// or to the closing bracket of "(With inputs from PTI and other agencies)".
pub(super) fn with_inputs(doc: &Doc, g: &Group) -> Option<Span> {
    #[rustfmt::skip]
    const TRIGGERS: &[&str] = &[
        "inputs from", "input from", "additional reporting by", "additional reporting from",
        "con información de", "con informaciones de", "con información de la", "mit material von",
        "mit material der", "mit informationen von", "com informações da", "com informação da",
        "con informazioni dell", "con informazioni di",
    ];
    /// One word that means "with": a credit only opening a bracket or a line, "(avec AFP)".
    const WITH: &[&str] = &["avec", "con", "com", "mit"];
    #[rustfmt::skip]
    const LEAD_IN: &[&str] = &[
        "with", "agency", "additional", "wire",
    ];
    let line = doc.line(g.line);
    let all_words = words_before(doc.text, g.start, line.start, 8);
    let words = match skip_foreign_agency_noun(&all_words) {
        (Some(_), rest) => rest,
        (None, _) => &all_words,
    };
    let with_word = || {
        let found = WITH.iter().find_map(|t| phrase_before(words, t))?;
        let lead = doc.slice(line.start, found).trim_end();
        (lead.is_empty() || lead.ends_with('(')).then_some(found)
    };
    // English "with" is a credit only ending its line or bracket: "(With AFP)", "— With
    // Reuters", "With PTI inputs"; "with Reuters reporting that" is a sentence.
    let after = words_after(doc.text, g.end, line.end, 2);
    let inputs_end = match after.first() {
        Some((p, w)) if in_list(&["inputs", "input"], w) => Some(p + w.len()),
        _ => None,
    };
    let english_with = || {
        let found = phrase_before(words, "with")?;
        let lead = doc.slice(line.start, found).trim_end();
        let opens = lead.is_empty() || lead.ends_with('(') || lead.ends_with(is_dash);
        let tail = doc.slice(inputs_end.unwrap_or(g.end), line.end);
        let ends = tail
            .split(|c: char| !c.is_alphanumeric())
            .all(|w| w.is_empty() || in_list(AND_OTHERS, w));
        (opens && ends).then_some(found)
    };
    let mut start = TRIGGERS
        .iter()
        .find_map(|t| phrase_before(words, t))
        .or_else(with_word)
        .or_else(english_with)?;
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
    let mut end = inputs_end.unwrap_or(g.end);
    let tail = head_within(doc.slice(end, line.end), 60);
    if let Some(close) = tail.find(')')
        && tail.get(..close).is_some_and(|t| {
            t.split(|c: char| !c.is_alphanumeric())
                .all(|w| w.is_empty() || in_list(AND_OTHERS, w))
        })
    {
        end += close + 1;
    }
    Some((start, end))
}

/// Words that may follow the agency inside the bracket: "(With inputs from PTI and other
/// agencies)", "(avec AFP et Reuters)".
#[rustfmt::skip]
const AND_OTHERS: &[&str] = &[
    "and", "other", "agencies", "wires", "et", "y", "und", "e", "agences", "agencias",
    "agenturen", "agências", "agenzie",
];

/// The agencies credited without a name: "(avec agences)", a line "Avec agences", "(con
/// agencias)", "(mit Material von Agenturen)", "(com agências)", "(con agenzie)". Only on a line
/// near either end of the article, alone on its line or in brackets ending it: in a sentence
/// ("en lien avec les agences de l'ONU") they are not a credit.
pub(super) fn with_agencies(doc: &Doc) -> Vec<Span> {
    #[rustfmt::skip]
    const PHRASES: &[&[&str]] = &[
        &["avec", "agences"], &["agences"], &["con", "agencias"], &["agencias"],
        &["mit", "material", "von", "agenturen"], &["mit", "agenturen"], &["agenturen"],
        &["com", "agências"], &["agências"], &["con", "agenzie"], &["agenzie"],
        // English: "(With agency inputs)", "Agencies", "Staff and agencies", "From wire
        // reports", "Compiled by our staff from wire reports", a byline "By Agencies".
        &["agencies"], &["with", "agencies"], &["with", "agency", "inputs"],
        &["agency", "inputs"], &["with", "inputs", "from", "agencies"],
        &["inputs", "from", "agencies"], &["staff", "and", "agencies"], &["wire", "reports"],
        &["from", "wire", "reports"], &["from", "staff", "and", "wire", "reports"],
        &["compiled", "from", "wire", "reports"], &["by", "agencies"],
        &["by", "staff", "and", "agencies"], &["by", "wire", "services"],
        &["compiled", "by", "our", "staff", "from", "wire", "reports"],
        &["from", "wire", "services"], &["compiled", "from", "wire", "services"],
        &["staff", "and", "wire", "reports"], &["by", "staff", "and", "wire", "reports"],
    ];
    let matches = |words: &[&str]| {
        PHRASES
            .iter()
            .any(|p| p.len() == words.len() && p.iter().zip(words).all(|(a, b)| in_list(&[a], b)))
    };
    // The outlet's own staff before the inputs: "Bureau report with agency inputs", "Our
    // correspondent with inputs from agencies".
    const STAFF: &[&str] = &[
        "bureau",
        "report",
        "staff",
        "reporter",
        "correspondent",
        "our",
        "desk",
        "web",
        "news",
    ];
    let is_phrase = |text: &str| {
        let words: Vec<&str> = alnum_words(text).collect();
        let with = words.iter().position(|w| w.eq_ignore_ascii_case("with"));
        matches(&words)
            || with.is_some_and(|k| {
                (1..=3).contains(&k)
                    && words[..k].iter().all(|w| in_list(STAFF, w))
                    && matches(&words[k..])
            })
    };
    let mut out = Vec::new();
    for li in 0..doc.lines.len() {
        if !doc.near_edge(li) {
            continue;
        }
        let Line { start, end } = doc.line(li);
        let text = doc.slice(start, end);
        // A whole line: "(avec agences)", "Avec agences", "-- agences"; or a byline with the
        // page's date after a separator: "Agencies · 18 March 2025 - 11:42 · 3 min read".
        let dated_byline = text.len() <= 80
            && text
                .split_once(['\u{b7}', '|', '\u{2022}'])
                .is_some_and(|(head, rest)| {
                    is_phrase(head) && rest.chars().any(|c| c.is_ascii_digit())
                });
        if dated_byline {
            let head = text.find(['\u{b7}', '|', '\u{2022}']).unwrap_or(text.len());
            out.push((start, start + text[..head].trim_end().len()));
            continue;
        }
        if text.len() <= 60 && is_phrase(text) {
            out.push((start, end));
            continue;
        }
        // A bracket ending the last paragraph: "... lundi. (avec agences)".
        let trimmed = text.trim_end_matches(['.', ' ']);
        if let Some(inner) = trimmed.strip_suffix(')')
            && let Some(open) = inner.rfind('(')
            && is_phrase(inner.get(open + 1..).unwrap_or(""))
            && doc.ends_last_paragraph(li)
        {
            out.push((start + open, start + trimmed.len()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn unnamed_agencies_in_english() {
        for line in [
            "With agency inputs",
            "(With agency inputs)",
            "Agencies",
            "By Agencies",
            "By staff and agencies",
            "Staff and agencies",
            "From wire reports",
            "Compiled by our staff from wire reports.",
            "(With inputs from agencies)",
            "\u{2014} Bureau report with agency inputs",
            "Our correspondent with inputs from agencies",
        ] {
            let text = paras(&[P1, P2, P3, line]);
            assert_credit(&text, "agencies", "with_inputs", line);
        }
        for (line, phrase) in [
            (
                "Agencies \u{b7} 18 March 2025 - 11:42 \u{b7} 3 min read",
                "Agencies",
            ),
            ("Staff and wire reports", "Staff and wire reports"),
        ] {
            assert_credit(
                &paras(&[line, P1, P2, P3]),
                "agencies",
                "with_inputs",
                phrase,
            );
        }
        assert_none(&paras(&["Agencies \u{b7} Politics", P1, P2, P3]));
        // The outlet's own staff alone, or with something other than inputs, is no credit.
        for line in ["Bureau report", "Our correspondent with photographs"] {
            assert_none(&paras(&[P1, P2, P3, line]));
        }
        // In a sentence they are not a credit.
        assert_none(&paras(&[
            P1,
            "The council said wire reports of the closure were wrong, and agencies were told.",
            P2,
            P3,
        ]));
    }

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

    #[test]
    fn with_the_agency_or_its_inputs_ending_a_line() {
        for (line, agency, phrase) in [
            ("With PTI inputs", "PTI", "With PTI inputs"),
            ("(With PTI inputs)", "PTI", "(With PTI inputs)"),
            ("With ANI inputs.", "ANI", "With ANI inputs"),
            ("With AFP", "AFP", "With AFP"),
            ("(With AFP)", "AFP", "(With AFP)"),
            ("\u{2014} With Reuters", "Reuters", "With Reuters"),
        ] {
            let text = paras(&[P1, P2, P3, line]);
            assert_credit(&text, agency, "with_inputs", phrase);
        }
        let both = found(&paras(&[P1, P2, P3, "With Reuters and AFP"]));
        let agencies: Vec<&str> = both.iter().map(|(a, _, _)| a.as_str()).collect();
        assert_eq!(agencies, ["Reuters", "AFP"], "{both:?}");
        let glued = paras(&[P1, P2, &format!("{P3} (With IANS inputs)")]);
        assert_credit(&glued, "IANS", "with_inputs", "(With IANS inputs)");
    }

    #[test]
    fn with_the_agency_in_a_sentence_is_not_a_credit() {
        for sentence in [
            "With Reuters reporting that the yard was for sale, its shares rose sharply.",
            "The mayor spoke with AFP about the bridge on Tuesday before the ceremony began.",
            "The council shared its plans with Reuters and other outlets before the vote.",
        ] {
            assert_none(&paras(&[P1, P2, P3, sentence, P1, P2]));
            assert_none(&paras(&[P1, P2, P3, sentence]));
        }
    }
}
