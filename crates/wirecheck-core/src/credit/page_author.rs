//! The page's declared author: a web page that shows the agency as a logo, or not at all,
//! often names it in its metadata (`<meta name="author" content="Reuters">`, a JSON-LD
//! `author` or `provider`). An author that reads as a credit line or a byline on its own
//! ("Reuters", "AFP Staff", "Lena Varga, Reuters") credits the agency; a reporter's name, the
//! site's name or a picture credit does not.

use super::agencies::AgencyTable;
use super::detect::{CreditKind, FoundCredit, find_credits};

/// The credits of a page's declared `authors` (see [`crate::text::html::Extracted::authors`]),
/// one per agency, leaving out the agencies in `already` (credited in the text).
pub fn page_author_credits(
    table: &AgencyTable,
    authors: &[String],
    already: &[FoundCredit],
) -> Vec<FoundCredit> {
    let mut out: Vec<FoundCredit> = Vec::new();
    for author in authors {
        // A declared author is a byline without its "By": "Helen Marsh, PA Health
        // Correspondent" reads as "By Helen Marsh, PA Health Correspondent" does.
        let as_byline = format!("By {author}");
        let mut credits = find_credits(table, author);
        if !credits.iter().any(|c| is_standalone(c.kind)) {
            credits = find_credits(table, &as_byline);
        }
        for credit in credits {
            let standalone = is_standalone(credit.kind);
            let known = already
                .iter()
                .chain(&out)
                .any(|c| c.agency == credit.agency);
            if standalone && !known {
                out.push(FoundCredit {
                    agency: credit.agency,
                    kind: CreditKind::PageAuthor,
                    start: 0,
                    end: 0,
                    declared: Some(author.clone()),
                });
            }
        }
    }
    out
}

/// Whether a credit read in an author's name stands on its own: a credit line or a byline,
/// not an agency named in a phrase.
fn is_standalone(kind: CreditKind) -> bool {
    matches!(kind, CreditKind::CreditLine | CreditKind::Byline)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agencies(authors: &[&str]) -> Vec<String> {
        let authors: Vec<String> = authors.iter().map(|a| a.to_string()).collect();
        page_author_credits(&AgencyTable::builtin(), &authors, &[])
            .into_iter()
            .map(|c| {
                assert_eq!((c.kind, c.start, c.end), (CreditKind::PageAuthor, 0, 0));
                c.agency
            })
            .collect()
    }

    #[test]
    fn an_agency_as_the_declared_author_credits_it() {
        assert_eq!(agencies(&["Reuters"]), ["Reuters"]);
        assert_eq!(agencies(&["AFP Staff"]), ["AFP"]);
        assert_eq!(agencies(&["Lena Varga, Reuters"]), ["Reuters"]);
        assert_eq!(agencies(&["Helen Marsh, PA Health Correspondent"]), ["PA"]);
        assert_eq!(agencies(&["Kenji Sato, Kyodo News"]), ["Kyodo"]);
        assert_eq!(
            agencies(&["Associated Press", "The Associated Press"]),
            ["AP"]
        );
        assert_eq!(
            agencies(&["Press Trust of India", "Xinhua"]),
            ["PTI", "Xinhua"]
        );
    }

    #[test]
    fn a_reporter_the_site_or_a_picture_credit_is_no_credit() {
        assert!(agencies(&["Lena Varga"]).is_empty());
        assert!(agencies(&["The Harbourside Ledger"]).is_empty());
        assert!(agencies(&["Photo: Reuters"]).is_empty());
        assert!(agencies(&["Reuters Institute"]).is_empty());
        assert!(agencies(&["Minister tells Reuters of new plan"]).is_empty());
        assert!(agencies(&["Photo: Reuters"]).is_empty());
        assert!(agencies(&["Helen Marsh, former Reuters reporter"]).is_empty());
    }

    #[test]
    fn an_agency_credited_in_the_text_is_not_credited_twice() {
        let table = AgencyTable::builtin();
        let text = find_credits(&table, "Reuters");
        let authors = vec!["Reuters".to_string(), "AFP".to_string()];
        let got: Vec<String> = page_author_credits(&table, &authors, &text)
            .into_iter()
            .map(|c| c.agency)
            .collect();
        assert_eq!(got, ["AFP"]);
    }
}
