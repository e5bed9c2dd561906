//! A press release's issuer named as the source of the statement: "Halden Foods Ltd said in a
//! statement", "according to a press release from Halden Foods", "a statement issued by the
//! Ministry of Road Transport and Highways". An outlet that republishes a release this way
//! tells its reader whose words they are.
//!
//! Only for issuers (names the built-in agency table does not know, added for a check by
//! [`AgencyTable::with_issuers`](super::agencies::AgencyTable::with_issuers)): a news agency
//! that "said in a statement" speaks for itself as a company, not as the story's source. Not
//! inside a quotation.

use super::agencies::canonical_agency;
use super::mention::{Doc, Group, Span, phrase_before, words_after, words_before};

/// Words after the issuer that name its statement as the source.
#[rustfmt::skip]
const AFTER: &[&str] = &[
    "said in a statement", "said in a press release", "said in a news release",
    "said in a release", "said in its statement", "said in its press release",
    "says in a statement", "announced in a statement", "announced in a press release",
    "stated in a press release", "stated in a statement",
];

/// Words before the issuer that name its statement as the source.
#[rustfmt::skip]
const BEFORE: &[&str] = &[
    "a statement from", "a statement by", "a statement issued by", "a press release from",
    "a press release by", "a press release issued by", "a news release from", "a release from",
];

/// The phrase from the issuer to its statement, or from the statement to the issuer.
pub(super) fn statement(doc: &Doc, g: &Group) -> Option<Span> {
    let agency = &doc.mentions.get(*g.members.first()?)?.agency;
    if canonical_agency(agency).is_some() || doc.inside_quote(g.start) {
        return None;
    }
    let line = doc.line(g.line);
    let after = words_after(doc.text, g.end, line.end, 5);
    for phrase in AFTER {
        let want: Vec<&str> = phrase.split(' ').collect();
        if after.len() >= want.len()
            && want
                .iter()
                .zip(&after)
                .all(|(w, (_, got))| got.eq_ignore_ascii_case(w))
            && let Some((pos, word)) = after.get(want.len() - 1)
        {
            return Some((g.start, pos + word.len()));
        }
    }
    let before = words_before(doc.text, g.start, line.start, 5);
    BEFORE
        .iter()
        .find_map(|phrase| phrase_before(&before, phrase))
        .map(|start| (start, g.end))
}

#[cfg(test)]
mod tests {
    use super::super::agencies::AgencyTable;
    use super::super::detect::find_credits;
    use super::super::testing::*;

    fn credits(text: &str) -> Vec<(String, &'static str, String)> {
        let table = AgencyTable::builtin()
            .with_issuers(["Halden Foods Ltd"])
            .unwrap();
        find_credits(&table, text)
            .into_iter()
            .map(|c| (c.agency, c.kind.as_str(), text[c.start..c.end].to_string()))
            .collect()
    }

    #[test]
    fn the_issuer_named_as_the_statement_s_source() {
        for (sentence, phrase) in [
            (
                "Revenue rose 9%, Halden Foods Ltd said in a statement on Tuesday.",
                "Halden Foods Ltd said in a statement",
            ),
            (
                "Halden Foods said in a press release that revenue rose 9%.",
                "Halden Foods said in a press release",
            ),
            (
                "Revenue rose 9%, according to a press release from Halden Foods Limited.",
                "a press release from Halden Foods Limited",
            ),
            (
                "In a statement issued by Halden Foods Ltd, the chief executive said revenue rose.",
                "a statement issued by Halden Foods Ltd",
            ),
        ] {
            let text = paras(&[P1, sentence, P2, P3]);
            assert_eq!(
                credits(&text),
                [(
                    "Halden Foods Ltd".to_string(),
                    "according_to",
                    phrase.to_string()
                )],
                "{sentence}"
            );
        }
    }

    #[test]
    fn an_agency_s_own_statement_or_a_quoted_one_is_no_credit() {
        // Reuters the company speaking for itself.
        let agency = paras(&[P1, "Reuters said in a statement it would appeal.", P2, P3]);
        assert!(credits(&agency).is_empty(), "{:?}", credits(&agency));
        let quoted = paras(&[
            P1,
            "\"We never saw what Halden Foods Ltd said in a statement,\" the union said.",
            P2,
            P3,
        ]);
        assert!(credits(&quoted).is_empty(), "{:?}", credits(&quoted));
        let named = paras(&[P1, "Halden Foods Ltd opened a bakery in Leeds.", P2, P3]);
        assert!(
            credits(&named).is_empty(),
            "a name alone: {:?}",
            credits(&named)
        );
    }
}
