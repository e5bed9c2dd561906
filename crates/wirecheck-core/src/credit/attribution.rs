//! Attribution in a sentence: "according to a Reuters report", "as per Reuters", "as
//! reported by AFP", "AFP has reported", "news agency PTI reported", "..., reported AFP", "a
//! Reuters report said". The article says the agency is its source.
//!
//! Not attribution: the phrase inside a quotation ("\"As Reuters reported, ...\" she said"),
//! in reported speech ("the admiral said Reuters reported the wrong date"), or an agency's
//! earlier report recalled in narration ("Reuters reported last year that the company...",
//! "as AFP reported in March", "Reuters had reported"): wire copy recalls its own earlier
//! scoops that way, so a copy of it would otherwise credit itself. The past-time test applies
//! to "<agency> reported" only; "as reported by AFP last week" names AFP as the source of
//! the statement and stays a credit.
//!
//! The same forms in French, Spanish, German, Portuguese and Italian: "selon l'AFP", "d'après
//! l'AFP", "según EFE", "laut dpa", "segundo a Lusa", "secondo l'ANSA" before the agency; "...,
//! a indiqué l'AFP", "..., informó la agencia EFE", "..., berichtete die Nachrichtenagentur
//! dpa", "..., informou a agência Lusa", "..., riferisce l'ANSA" after a clause; "wie dpa
//! berichtete", "der dpa zufolge" after it. A quote given to the agency is not attribution: "a
//! déclaré à l'AFP", "dijo a EFE", "sagte der dpa", "disse à Lusa", "ha detto all'ANSA" name
//! no reporting verb, and "à", "a" (Spanish) or "all'" are not articles.

use super::mention::{
    ARTICLES, Doc, Group, Line, Span, in_list, is_dash, phrase_before, skip_foreign_agency_noun,
    words_after, words_before,
};

/// Phrases before the agency that attribute to it (English, then French, Spanish, German,
/// Portuguese, Italian), each written as read left to right.
#[rustfmt::skip]
const BEFORE: &[&str] = &[
    "according to", "as per", "reported by", "report by", "report from", "reports by",
    "reports from", "was provided by", "is provided by", "story provided by",
    "article provided by", "content provided by", "materials provided by",
    "information provided by", "distribution service at", "distributed by",
    "issued through", "distributed through", "distributed via", "issued via",
    // Where a republished story first appeared: "This article was originally published by
    // Reuters", "Republished from AFP".
    "originally published by", "first published by", "originally published in",
    "originally appeared in", "originally appeared on", "first appeared in", "first appeared on",
    "republished from", "reprinted from", "reproduced from", "syndicated from",
    // A syndication agreement: "Published by HT Digital under agreement with PTI".
    "under agreement with", "under an agreement with", "by arrangement with",
    "by special arrangement with", "in arrangement with", "under arrangement with",
    "selon", "d après", "rapporte", "selon ce que rapporte",
    "según", "segun", "de acuerdo con", "según informó", "según informa", "según publicó",
    "laut", "nach angaben", "nach informationen",
    "segundo", "de acordo com", "segundo informou", "segundo a agência",
    "secondo", "come riferisce", "come riporta", "come scrive", "stando a",
];
/// Verbs that report after a clause, before the agency (with an article, a "news agency" noun
/// or neither between): "..., reported AFP", "..., a indiqué l'AFP".
#[rustfmt::skip]
const INVERTED_VERBS: &[&str] = &[
    "reported", "reports",
    "indique", "indiqué", "rapporte", "rapporté", "annonce", "annoncé", "précise", "précisé",
    "affirme", "affirmé", "constaté",
    "informó", "informa", "indicó", "reportó", "publicó", "señaló", "precisó",
    "berichtete", "berichtet", "meldete", "meldet",
    "informou", "noticiou", "noticia", "avançou", "avança", "adiantou", "divulgou",
    "riferisce", "riporta", "riferito", "riportato", "scrive",
];
/// Spanish verbs of [`INVERTED_VERBS`]: after them "a" is the preposition of "dijo a EFE"
/// (told EFE), not the Portuguese article of "informou a Lusa".
const SPANISH_VERBS: &[&str] = &[
    "informó", "informa", "indicó", "reportó", "publicó", "señaló", "precisó",
];
/// Auxiliaries of a compound past before an inverted verb: "a indiqué", "ha riferito".
const AUXILIARIES: &[&str] = &["a", "ha", "hat", "tem"];
/// Verbs after the agency that say it reported: "AFP reported", "wie dpa berichtete", "EFE
/// informó", "der dpa zufolge".
#[rustfmt::skip]
const AFTER_VERBS: &[&str] = &[
    "reported", "reports", "berichtete", "berichtet", "meldete", "meldet", "zufolge", "informó",
    "informou", "noticiou", "riferisce",
];
/// Words that may open an attribution phrase before [`BEFORE`].
#[rustfmt::skip]
const LEAD_IN: &[&str] = &[
    "according", "to", "a", "an", "the", "as", "first", "earlier",
];
/// Verbs introducing reported speech, before "Reuters reported".
#[rustfmt::skip]
const SPEECH: &[&str] = &[
    "said", "says", "told", "added", "claimed", "noted", "denied", "insisted", "argued",
    "alleged", "complained", "wrote",
];
/// Words after "reported" that date the report before the article's news.
#[rustfmt::skip]
const PAST: &[&str] = &["last", "ago", "previously", "formerly"];
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];
/// What may follow the agency in "..., reported AFP" besides the end of the clause.
#[rustfmt::skip]
const INVERTED_NEXT: &[&str] = &[
    "on", "citing", "quoting", "late", "earlier", "today", "yesterday", "from", "in",
];

/// The attribution phrase around the group, if the group is attributed as a source.
pub(super) fn attribution(doc: &Doc, g: &Group) -> Option<Span> {
    phrase(doc, g).filter(|_| !doc.inside_quote(g.start))
}

fn phrase(doc: &Doc, g: &Group) -> Option<Span> {
    let line = doc.line(g.line);
    let all_before = words_before(doc.text, g.start, line.start, 10);
    let (noun_start, before) = match skip_agency_noun(&all_before) {
        (None, _) => skip_foreign_agency_noun(&all_before),
        found => found,
    };
    let mut after = words_after(doc.text, g.end, line.end, 4);
    // "the Reuters news agency reported": the noun after the name.
    if matches!(after.as_slice(), [(_, n), (_, a), ..]
        if n.eq_ignore_ascii_case("news") && a.eq_ignore_ascii_case("agency"))
    {
        after.drain(..2);
    }
    let report_end = match after.first() {
        Some((p, w)) if in_list(&["report", "reports", "story"], w) => Some(p + w.len()),
        _ => None,
    };
    if let Some(mut start) = BEFORE.iter().find_map(|t| phrase_before(before, t)) {
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
    if let Some(span) = inverted(doc, g, line, before) {
        return Some(span);
    }
    // "Reuters reported", "AFP has reported".
    let verb = match after.as_slice() {
        [(p, w), ..] if in_list(AFTER_VERBS, w) => Some((None, p + w.len())),
        [(_, w1), (p, w2), ..]
            if in_list(
                &["has", "had", "first", "earlier", "also", "previously"],
                w1,
            ) && w2.eq_ignore_ascii_case("reported") =>
        {
            Some((Some(*w1), p + w2.len()))
        }
        _ => None,
    };
    if let Some((aux, end)) = verb {
        if recalls_earlier_report(doc, aux, end, line) || is_reported_speech(before) {
            return None;
        }
        return Some((noun_start.unwrap_or(g.start), end));
    }
    // "a Reuters report said".
    match (before.first(), report_end) {
        (Some((p, w)), Some(end)) if in_list(&["a", "an", "the"], w) => Some((*p, end)),
        _ => None,
    }
}

/// Skips "news agency" (with "state", "official" or "national" before it) written before the
/// agency's name: "news agency PTI", "the state news agency Xinhua". Returns where it starts
/// and the words before it.
fn skip_agency_noun<'w, 'a>(
    before: &'w [(usize, &'a str)],
) -> (Option<usize>, &'w [(usize, &'a str)]) {
    let noun = matches!(before, [(_, a), (_, n), ..]
        if a.eq_ignore_ascii_case("agency") && n.eq_ignore_ascii_case("news"));
    if !noun {
        return (None, before);
    }
    let mut skip = 2;
    while let Some((_, w)) = before.get(skip)
        && in_list(&["state", "official", "national"], w)
    {
        skip += 1;
    }
    let start = before.get(skip - 1).map(|(p, _)| *p);
    (start, before.get(skip..).unwrap_or(&[]))
}

/// "\"The order is the largest in our history,\" reported AFP." and "..., reports Xinhua news
/// agency": the verb after a comma, a quotation or a dash, and the clause ending with the
/// agency.
fn inverted(doc: &Doc, g: &Group, line: Line, before: &[(usize, &str)]) -> Option<Span> {
    // "..., riferisce l'ANSA", "..., informó la agencia EFE": an article after the verb.
    let (article, before) = match before {
        [(_, article), rest @ ..] if in_list(ARTICLES, article) && !rest.is_empty() => {
            (Some(*article), rest)
        }
        _ => (None, before),
    };
    let &(mut p, verb) = before.first()?;
    if !in_list(INVERTED_VERBS, verb)
        || (article.is_some_and(|a| a.eq_ignore_ascii_case("a")) && in_list(SPANISH_VERBS, verb))
    {
        return None;
    }
    // "..., a indiqué l'AFP", "..., ha riferito l'ANSA".
    if let Some(&(aux_at, aux)) = before.get(1)
        && in_list(AUXILIARIES, aux)
    {
        p = aux_at;
    }
    let lead = doc.slice(line.start, p).trim_end();
    let after_clause = lead
        .ends_with([',', '"', '\'', '\u{201d}', '\u{2019}', '\u{bb}', '\u{201c}'])
        || lead.ends_with(is_dash);
    let rest = doc.slice(g.end, line.end).trim_start();
    let clause_ends = rest.is_empty()
        || rest.starts_with(['.', ',', ';', ':', ')', '!', '?'])
        || words_after(doc.text, g.end, line.end, 1)
            .first()
            .is_some_and(|(_, w)| in_list(INVERTED_NEXT, w));
    (after_clause && clause_ends).then_some((p, g.end))
}

/// Whether "<agency> reported" recalls an earlier report: "had reported", "previously
/// reported", or "last year", "two years ago", "in March", "in 2019" after the verb.
fn recalls_earlier_report(doc: &Doc, aux: Option<&str>, verb_end: usize, line: Line) -> bool {
    if aux.is_some_and(|w| in_list(&["had", "previously"], w)) {
        return true;
    }
    let next = words_after(doc.text, verb_end, line.end, 5);
    let is_year = |w: &str| w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
    next.iter().any(|(_, w)| in_list(PAST, w))
        || next.windows(2).any(|pair| match pair {
            [(_, a), (_, b)] => {
                a.eq_ignore_ascii_case("in")
                    && (in_list(MONTHS, b) || (is_year(b) && b.chars().all(|c| c.is_ascii_digit())))
            }
            _ => false,
        })
}

/// "The admiral said Reuters reported ...", "... told reporters that AFP reported ...".
fn is_reported_speech(before: &[(usize, &str)]) -> bool {
    // "said the Reuters news agency reported".
    let before = match before {
        [(_, the), rest @ ..] if the.eq_ignore_ascii_case("the") => rest,
        _ => before,
    };
    match before {
        [(_, w), ..] if in_list(SPEECH, w) => true,
        [(_, that), rest @ ..] if that.eq_ignore_ascii_case("that") => {
            rest.iter().take(3).any(|(_, w)| in_list(SPEECH, w))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn an_agency_named_with_its_abbreviation_reports() {
        for (sentence, agency, phrase) in [
            (
                "Lowmere opened a footbridge on Tuesday, the German Press Agency (dpa) reported.",
                "dpa",
                "German Press Agency (dpa) reported",
            ),
            (
                "Lowmere opened a footbridge on Tuesday, the Press Trust of India (PTI) reported.",
                "PTI",
                "Press Trust of India (PTI) reported",
            ),
        ] {
            assert_credit(&amid(sentence), agency, "according_to", phrase);
        }
        assert_none(&amid(
            "The mayor told the German Press Agency (dpa) that the bridge was safe.",
        ));
    }

    #[test]
    fn a_syndication_agreement_names_the_agency() {
        let text = paras(&[
            P1,
            P2,
            P3,
            "Published by HT Digital under agreement with PTI",
            "Topics: Lowmere bridges",
        ]);
        assert_credit(&text, "PTI", "according_to", "under agreement with PTI");
        assert_none(&amid(
            "The council signed a sponsorship agreement with the bridge's builder on Monday.",
        ));
    }

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
    fn as_per_inverted_and_news_agency_forms() {
        let cases = [
            (
                "The yard will hire four hundred welders, as per Reuters.",
                "Reuters",
                "as per Reuters",
            ),
            (
                "\"The order is the largest in our history,\" reported AFP.",
                "AFP",
                "reported AFP",
            ),
            (
                "\u{201c}The order is the largest in our history,\u{201d} reported AFP on Monday.",
                "AFP",
                "reported AFP",
            ),
            (
                "The delegation will return to Corven in the spring, reports Xinhua news agency.",
                "Xinhua",
                "reports Xinhua news agency",
            ),
            (
                "The yard will hire four hundred welders, news agency PTI reported.",
                "PTI",
                "news agency PTI reported",
            ),
            (
                "The yard will hire welders, the state news agency Xinhua reported on Monday.",
                "Xinhua",
                "state news agency Xinhua reported",
            ),
            (
                "The yard will hire four hundred welders, according to news agency PTI.",
                "PTI",
                "according to news agency PTI",
            ),
            (
                "The yard will hire four hundred welders, according to AFP.",
                "AFP",
                "according to AFP",
            ),
            (
                "The yard will hire four hundred welders, Reuters reported.",
                "Reuters",
                "Reuters reported",
            ),
            (
                "Reuters reported on Monday that the yard would hire four hundred welders.",
                "Reuters",
                "Reuters reported",
            ),
            (
                "The yard will hire four hundred welders, the Reuters news agency reported.",
                "Reuters",
                "Reuters news agency reported",
            ),
            (
                "The yard will hire four hundred welders, Reuters news agency reported.",
                "Reuters",
                "Reuters news agency reported",
            ),
            (
                "This story was provided by Reuters.",
                "Reuters",
                "was provided by Reuters",
            ),
            (
                "Content provided by the Associated Press.",
                "AP",
                "Content provided by the Associated Press",
            ),
            (
                "This story is republished from materials provided by AFP.",
                "AFP",
                "materials provided by AFP",
            ),
            (
                "The company's results were in a statement distributed via Business Wire.",
                "Business Wire",
                "distributed via Business Wire",
            ),
            (
                "This article was originally published by Reuters.",
                "Reuters",
                "originally published by Reuters",
            ),
            (
                "This story first appeared on AFP.",
                "AFP",
                "first appeared on AFP",
            ),
            (
                "Republished from the Associated Press.",
                "AP",
                "Republished from the Associated Press",
            ),
        ];
        for (sentence, agency, phrase) in cases {
            let text = paras(&[P1, P2, P3, sentence, P1, P2, P3, P1, P2]);
            assert_credit(&text, agency, "according_to", phrase);
        }
    }

    #[test]
    fn quotes_reported_speech_and_recalled_reports_are_not_attribution() {
        for sentence in [
            // An earlier report recalled in (possibly copied) narration.
            "Reuters reported last year that the company had cut its fleet by a third.",
            "As Reuters reported in March, the yard had lost two naval contracts.",
            "Reuters had reported that the yard was for sale.",
            "AFP previously reported that the yard was for sale.",
            "AFP reported two years ago that the yard was for sale.",
            "Reuters reported in 2019 that the yard was for sale.",
            // Reported speech.
            "The admiral said Reuters reported the wrong date for the launch.",
            "The admiral told the crew that Reuters reported the wrong date.",
            "The admiral said in an interview with Reuters that the order was safe.",
            // Inside a quotation.
            "\"As Reuters reported, the order is safe,\" the admiral said.",
            "\u{201c}We told AFP everything, according to Reuters rules,\u{201d} she said.",
            "\"I told AFP the yard was ready,\" the admiral said.",
            "\u{201c}I told AFP the yard was ready,\u{201d} the admiral said, \u{201c}and as per Reuters we were.\u{201d}",
            // "reported" not inverted after a clause.
            "The newspaper reported AFP had obtained the documents.",
            // The noun after the name recalls an earlier report too.
            "The Reuters news agency reported last year that the yard was for sale.",
            "The admiral said the Reuters news agency reported the wrong date.",
        ] {
            assert_none(&paras(&[P1, sentence, P2, P3, P1, P2, P3, P1]));
            assert_none(&paras(&[P1, P2, P3, P1, P2, P3, sentence, P1, P2]));
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
