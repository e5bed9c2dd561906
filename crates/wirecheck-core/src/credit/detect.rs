//! Finding where an article credits an agency: each credit form is tried in turn.
//!
//! Only genuine source credits count: a dateline "(Reuters) -", a credit line or sign-off, a
//! byline, "with inputs from", "according to". An agency named in an ordinary sentence ("told
//! AFP"), in a picture credit ("PHOTO: REUTERS") or inside a longer name ("Reuters Institute")
//! is not a credit. Offsets are bytes into the text given.
//!
//! Each form has its module, named for it: [`dateline`](super::dateline),
//! [`credit_line`](super::credit_line), [`byline`](super::byline),
//! [`sign_off`](super::sign_off), [`with_inputs`](super::with_inputs),
//! [`attribution`](super::attribution) and, for a press release's issuer,
//! [`statement`](super::statement); [`not_credit`](super::not_credit) rejects names no
//! context makes a credit; all read the lines and mentions of [`mention`](super::mention).

use super::agencies::AgencyTable;
use super::mention::{Doc, Group, Span};
use super::{
    attribution, byline, credit_line, dateline, not_credit, sign_off, statement, with_inputs,
};

/// How an article credits an agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CreditKind {
    /// "WASHINGTON, May 8 (Reuters) -" at the start of a paragraph.
    Dateline,
    /// A line that is only the credit: "Reuters", "Source: AFP", "© AP", "-- IANS".
    CreditLine,
    /// "By Jane Doe, Reuters", "Associated Press writer Jane Doe contributed".
    Byline,
    /// "(With inputs from PTI)".
    WithInputs,
    /// "according to a Reuters report", "AFP reported", "as reported by AP".
    AccordingTo,
    /// "(AP)" in the opening paragraph.
    Parenthetical,
    /// A trailer ending the last paragraph: "... on Monday. -- IANS".
    SignOff,
    /// The author a web page declares in its metadata (`<meta name="author"
    /// content="Reuters">`, JSON-LD), not in its text.
    PageAuthor,
}

impl CreditKind {
    /// The snake_case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            CreditKind::Dateline => "dateline",
            CreditKind::CreditLine => "credit_line",
            CreditKind::Byline => "byline",
            CreditKind::WithInputs => "with_inputs",
            CreditKind::AccordingTo => "according_to",
            CreditKind::Parenthetical => "parenthetical",
            CreditKind::SignOff => "sign_off",
            CreditKind::PageAuthor => "page_author",
        }
    }
}

/// A credit to one agency found in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundCredit {
    /// The canonical name of the agency credited.
    pub agency: String,
    /// How it is credited.
    pub kind: CreditKind,
    /// Byte offset where the credit phrase starts.
    pub start: usize,
    /// Byte offset just past the credit phrase.
    pub end: usize,
    /// The credit as the page's metadata gives it, for a credit read outside the text
    /// ([`CreditKind::PageAuthor`]; `start` and `end` are then 0).
    pub declared: Option<String>,
}

impl FoundCredit {
    /// Whether the credit's phrase names the text it stands in, in `text` (where it was
    /// found): "This report by The Canadian Press was first published …", an agency's
    /// tagline for this very story, not an earlier report recalled.
    pub fn names_this_text(&self, text: &str) -> bool {
        text.get(..self.start)
            .unwrap_or("")
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("this"))
    }
}

/// A form found in a phrase around a group of mentions, and what it credits as.
type PhraseForm = fn(&Doc, &Group) -> Option<Span>;

/// The phrase forms, in the order they are tried: the first that reads a group decides it.
const PHRASE_FORMS: &[(CreditKind, PhraseForm)] = &[
    (CreditKind::Dateline, dateline::dateline),
    (CreditKind::WithInputs, with_inputs::with_inputs),
    (CreditKind::AccordingTo, attribution::attribution),
    (CreditKind::Byline, byline::contributed),
    (CreditKind::Byline, byline::information_from),
    (CreditKind::SignOff, sign_off::sign_off),
    (CreditKind::SignOff, sign_off::glued),
    (CreditKind::AccordingTo, statement::statement),
    (CreditKind::Parenthetical, dateline::parenthetical),
    (CreditKind::CreditLine, credit_line::headline_prefix),
];

/// The agency name of a credit to agencies it does not name: "(avec agences)". It credits
/// every source.
pub const UNNAMED_AGENCIES: &str = "agencies";

/// Every genuine credit to an agency in `text`, in order. A phrase crediting two agencies
/// ("with inputs from Reuters and AFP") gives one credit per agency, each with the whole
/// phrase's range. A credit to unnamed agencies ("(avec agences)") has the agency
/// [`UNNAMED_AGENCIES`].
pub fn find_credits(table: &AgencyTable, text: &str) -> Vec<FoundCredit> {
    let mentions = table.mentions(text);
    let doc = Doc::new(text, &mentions);
    if doc.lines.is_empty() {
        return Vec::new();
    }
    let mut unnamed: Vec<FoundCredit> = with_inputs::with_agencies(&doc)
        .into_iter()
        .map(|(start, end)| FoundCredit {
            agency: UNNAMED_AGENCIES.to_string(),
            kind: CreditKind::WithInputs,
            start,
            end,
            declared: None,
        })
        .collect();
    // An issuer called by what it is: "the ministry said in a statement".
    unnamed.extend(
        statement::by_role(&doc, table)
            .into_iter()
            .map(|(agency, (start, end))| FoundCredit {
                agency,
                kind: CreditKind::AccordingTo,
                start,
                end,
                declared: None,
            }),
    );
    if mentions.is_empty() {
        unnamed.sort_by_key(|c| (c.start, c.end));
        return unnamed;
    }
    let line_of: Vec<usize> = mentions.iter().map(|m| doc.line_index(m.start)).collect();
    let excluded: Vec<bool> = mentions
        .iter()
        .zip(&line_of)
        .map(|(m, &li)| not_credit::not_a_credit(&doc, m, li))
        .collect();
    let mut used = vec![false; mentions.len()];
    let mut out = unnamed;
    let credit = |i: usize, kind: CreditKind, (start, end): Span| FoundCredit {
        agency: mentions
            .get(i)
            .map(|m| m.agency.clone())
            .unwrap_or_default(),
        kind,
        start,
        end,
        declared: None,
    };

    // Whole-line forms first: a line that is just a credit or a byline credits every agency on it.
    let indices: Vec<usize> = (0..mentions.len()).collect();
    for on_line in indices.chunk_by(|&a, &b| line_of.get(a) == line_of.get(b)) {
        let Some(li) = on_line.first().and_then(|&i| line_of.get(i).copied()) else {
            continue;
        };
        let line = doc.line(li);
        if on_line
            .iter()
            .any(|&i| excluded.get(i).copied().unwrap_or(true))
        {
            continue;
        }
        // A reporter's name before the agency reads as a place too ("Lena Varga, AFP"): the
        // byline is tried first.
        let kind = if byline::is_name_line(&doc, li) {
            CreditKind::Byline
        } else if credit_line::is_credit_line(&doc, li) {
            CreditKind::CreditLine
        } else if byline::is_byline(&doc, li) {
            CreditKind::Byline
        } else {
            continue;
        };
        for &i in on_line {
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
            out.push(credit(i, kind, (line.start, line.end)));
        }
    }

    for group in doc.groups(&line_of, &excluded) {
        if group
            .members
            .iter()
            .any(|&i| used.get(i).copied().unwrap_or(true))
        {
            continue;
        }
        let Some((kind, span)) = PHRASE_FORMS
            .iter()
            .find_map(|&(kind, form)| form(&doc, &group).map(|span| (kind, span)))
        else {
            continue;
        };
        for &i in &group.members {
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
            out.push(credit(i, kind, span));
        }
    }
    out.sort_by_key(|c| (c.start, c.end));
    out
}

/// The agency a stored story credits as its own: its dateline, or a credit line or sign-off
/// at its start or end, or failing those an opening "(AP)", an agency byline, or the agency's
/// tagline naming the story itself ("This report by The Canadian Press was first
/// published Oct. 2, 2025").
pub fn dateline_agency(table: &AgencyTable, body: &str) -> Option<String> {
    let credits = find_credits(table, body);
    let rank = |c: &FoundCredit| match c.kind {
        CreditKind::Dateline => Some(0),
        CreditKind::CreditLine | CreditKind::SignOff => Some(1),
        CreditKind::Parenthetical => Some(2),
        CreditKind::Byline => Some(3),
        CreditKind::AccordingTo if c.names_this_text(body) => Some(4),
        _ => None,
    };
    credits
        .into_iter()
        .filter_map(|c| rank(&c).map(|r| (r, c)))
        .min_by_key(|(r, c)| (*r, c.start))
        .map(|(_, c)| c.agency)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn feed_paragraph_markers_start_paragraphs() {
        let text = format!(
            "FOOTBRIDGE OPENS IN THE FICTIONAL TOWN OF LOWMERE AT LAST<\n\u{19}By Jo Bloggs, PA News<\n\u{19}{P1}\n{P2}\n"
        );
        assert_credit(&text, "PA", "byline", "By Jo Bloggs, PA News<");
        let indented = format!(
            "{P1}\n  {P2}\nThe mayor gave the figures to a crowd of about two hundred people\n  Reuters\n"
        );
        assert_credit(&indented, "Reuters", "credit_line", "Reuters");
    }

    #[test]
    fn text_without_credit() {
        assert_none("");
        assert_none(&paras(&[P1, P2, P3, BANNER]));
        assert_none("\n\n\u{3}\r\n  ");
    }

    #[test]
    fn dateline_agency_of_stored_stories() {
        let t = AgencyTable::builtin();
        let cases = [
            (
                paras(&[&format!("WASHINGTON, May 8 (Reuters) - {P1}"), P2]),
                Some("Reuters"),
            ),
            (paras(&[&format!("(AP) \u{2014} {P1}"), P2]), Some("AP")),
            (
                paras(&[
                    &format!("OTTAWA \u{2014} {P1}"),
                    P2,
                    "This report by The Canadian Press was first published Oct. 2, 2025.",
                ]),
                Some("CP"),
            ),
            (
                paras(&[
                    P1,
                    P2,
                    "The figures were first reported by The Canadian Press.",
                ]),
                None,
            ),
            (
                paras(&[&format!("Mumbai, Feb 8 (PTI) {P1}"), P2]),
                Some("PTI"),
            ),
            (paras(&[P1, &format!("{P2} -- IANS")]), Some("IANS")),
            (format!("{P1}\n{P2}\n Reuter\n\u{3}"), Some("Reuters")),
            (paras(&[P1, P2, "(With inputs from PTI)"]), None),
            (
                paras(&[&format!("PHOENIX, May 5, 2026 /PRNewswire/ -- {P1}"), P2]),
                Some("PR Newswire"),
            ),
            (
                paras(&[
                    &format!("OSLO, Norway, March 2, 2026 /GLOBE NEWSWIRE/ -- {P1}"),
                    P2,
                ]),
                Some("GlobeNewswire"),
            ),
            (
                paras(&[P1, "The works ran late, according to AFP.", P2]),
                None,
            ),
            (paras(&[P1, P2]), None),
        ];
        for (body, want) in cases {
            assert_eq!(
                dateline_agency(&t, &body).as_deref(),
                want,
                "own agency of {body:?}"
            );
        }
        let both = paras(&[
            &format!("LONDON (AFP) - {P1}"),
            "(With inputs from Reuters)",
        ]);
        assert_eq!(
            dateline_agency(&t, &both).as_deref(),
            Some("AFP"),
            "the dateline, not the inputs"
        );
    }

    #[test]
    fn user_aliases_are_credited() {
        let t = AgencyTable::builtin().with_alias("Lakeside Wire", "LW");
        let text = paras(&[&format!("LOWMERE, May 8 (LW) - {P1}"), P2]);
        let got = find_credits(&t, &text);
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].agency.as_str(), got[0].kind),
            ("Lakeside Wire", CreditKind::Dateline)
        );
    }

    #[test]
    fn kind_names_are_snake_case() {
        assert_eq!(CreditKind::CreditLine.as_str(), "credit_line");
        assert_eq!(CreditKind::WithInputs.as_str(), "with_inputs");
        assert_eq!(CreditKind::AccordingTo.as_str(), "according_to");
        assert_eq!(CreditKind::SignOff.as_str(), "sign_off");
    }

    #[test]
    fn hostile_input_keeps_ranges_on_char_boundaries() {
        // The built-in agencies and an issuer, so that its roles are read too ("the company
        // said in a statement").
        let t = AgencyTable::builtin()
            .with_issuers(["Halden Foods Ltd"])
            .unwrap();
        let nasty = [
            "(Reuters".to_string(),
            "Reuters)".to_string(),
            "((((AP))))".to_string(),
            "é(AFP)é — AFP".to_string(),
            "By\u{a0}AFP\u{2029}\u{a9}\u{2014}Reuters\r\r".to_string(),
            "(AP) ".repeat(5000),
            format!("{}Reuters", "\n".repeat(10_000)),
            "Reuters, ".repeat(20_000),
            "told Reuters (".repeat(20_000),
            format!("{}(AP)", "\n".repeat(10_000)).repeat(50),
            "by the company said in".to_string(),
            "issued by the company".to_string(),
            "In a statement, the".to_string(),
            "the company said in a a a a a".repeat(3000),
            "\u{201c}the firm said in a statement\u{201d} ".repeat(2000),
            "é-the-company-said-in-its-é-release".to_string(),
        ];
        for text in &nasty {
            for c in find_credits(&t, text) {
                assert!(
                    text.is_char_boundary(c.start) && text.is_char_boundary(c.end),
                    "{c:?}"
                );
            }
        }
    }
}
