//! Datelines: "WASHINGTON, May 8 (Reuters) -" opening a paragraph, the press-release wires'
//! "PHOENIX, May 5, 2026 /PRNewswire/ --", Kyodo's and AAP's unbracketed "TOKYO, Oct. 15
//! Kyodo -", and the bare "(AP)" that stands for a dateline in an opening paragraph.

use super::mention::{Doc, Group, Line, Span, in_list};

/// Lower-case words allowed in a dateline: inside a place name ("Rio de Janeiro") or a date
/// written the Spanish or French way ("3 jul", "5 mai").
#[rustfmt::skip]
const DATELINE_LOWER: &[&str] = &[
    "de", "del", "la", "le", "les", "el", "al", "du", "da", "do", "dos", "das", "am", "upon",
    "sur", "jan", "ene", "feb", "fev", "mar", "abr", "apr", "avr", "may", "mai", "jun", "juin",
    "jul", "juil", "ago", "aug", "aout", "sep", "sept", "oct", "okt", "nov", "dic", "dec",
];

/// A place and date, then the agency in brackets (or between slashes), opening a paragraph;
/// the span runs from the place to past the dash or colon after the bracket.
pub(super) fn dateline(doc: &Doc, g: &Group) -> Option<Span> {
    let line = doc.line(g.line);
    // Press-release wires set the agency between slashes: "PHOENIX, May 5, 2026 /PRNewswire/ --".
    let Some((open, close)) =
        paren_around(doc, g, line).or_else(|| delimited(doc, g, line, '/', '/'))
    else {
        return unbracketed(doc, g, line);
    };
    if is_dateline_prefix(doc.slice(line.start, open).trim_end()) && doc.starts_paragraph(g.line) {
        Some((line.start, skip_separator(doc.text, close, line.end)))
    } else {
        None
    }
}

/// The agency between the place and date and a dash, with no brackets, as Kyodo and AAP
/// write their datelines: "TOKYO, Oct. 15 Kyodo -", "SYDNEY, May 22 AAP -". The place, a comma
/// and a date with its day must come first: "the Reuters -" or "Minister Reuters - " in a
/// sentence is no dateline.
fn unbracketed(doc: &Doc, g: &Group, line: Line) -> Option<Span> {
    let prefix = doc.slice(line.start, g.start).trim_end();
    let after = doc.slice(g.end, line.end).trim_start();
    let dash = ["--", "\u{2014}", "\u{2013}", "- "]
        .iter()
        .any(|d| after.starts_with(d));
    let dated = prefix.contains(',') && prefix.chars().any(|c| c.is_ascii_digit());
    (dash && dated && is_dateline_prefix(prefix) && doc.starts_paragraph(g.line))
        .then(|| (line.start, skip_separator(doc.text, g.end, line.end)))
}

/// "(AP)" in the opening paragraph, not right after the agency's full name ("the Associated
/// Press (AP)", which spells out an abbreviation).
pub(super) fn parenthetical(doc: &Doc, g: &Group) -> Option<Span> {
    let line = doc.line(g.line);
    let (open, close) = paren_around(doc, g, line)?;
    let before_end = line.start + doc.slice(line.start, open).trim_end().len();
    (g.line < doc.lead && !doc.is_mention_end(before_end)).then_some((open, close))
}

/// The "(" before and just past the ")" after a group that fills its brackets.
fn paren_around(doc: &Doc, g: &Group, line: Line) -> Option<(usize, usize)> {
    delimited(doc, g, line, '(', ')')
}

/// The `open` delimiter before and just past the `close` one after a group that fills them.
fn delimited(doc: &Doc, g: &Group, line: Line, open: char, close: char) -> Option<(usize, usize)> {
    let before = doc.slice(line.start, g.start).trim_end();
    let after = doc.slice(g.end, line.end);
    let mut after_trim = after.trim_start();
    // A regional desk after a slash: "(dpa/lno)".
    if open == '('
        && let Some(code) = after_trim.strip_prefix('/')
        && let Some(len) = code.find(')')
        && (2..=4).contains(&len)
        && code
            .get(..len)
            .is_some_and(|c| c.bytes().all(|b| b.is_ascii_lowercase()))
    {
        after_trim = code.get(len..).unwrap_or("");
    }
    if before.ends_with(open) && after_trim.starts_with(close) {
        let open = line.start + before.len() - 1;
        let close = g.end + (after.len() - after_trim.len()) + 1;
        Some((open, close))
    } else {
        None
    }
}

/// A place and date before a dateline's "(Agency)": "WASHINGTON, May 8", "Mumbai, Feb 8",
/// "BEIJING, Jan. 5", "Rio de Janeiro"; empty for a bare "(AP) —".
fn is_dateline_prefix(prefix: &str) -> bool {
    if prefix.is_empty() {
        return true;
    }
    // ANI's "Srinagar (Jammu and Kashmir) [India], May 6": the state and country in brackets.
    let unbracketed = without_place_qualifiers(prefix);
    let prefix = unbracketed.as_str();
    if prefix.len() > 80 || !prefix.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '\u{2019}' | '/');
    let words: Vec<&str> = prefix
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 10
        && words.iter().all(|w| {
            w.chars().all(allowed)
                && (w
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    || in_list(DATELINE_LOWER, w.trim_end_matches('.')))
        })
}

/// `prefix` with each bracketed place qualifier, "(Jammu and Kashmir)" or "[India]" (names,
/// "and", "&"), read as one capitalized word; other brackets are left for the caller to refuse.
fn without_place_qualifiers(prefix: &str) -> String {
    let mut out = String::with_capacity(prefix.len());
    let mut rest = prefix;
    while let Some(open) = rest.find(['(', '[']) {
        let close_char = if rest[open..].starts_with('(') {
            ')'
        } else {
            ']'
        };
        let Some(len) = rest[open + 1..].find(close_char) else {
            break;
        };
        let inner = &rest[open + 1..open + 1 + len];
        let place = !inner.trim().is_empty()
            && inner.len() <= 40
            && inner.split_whitespace().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase) || matches!(w, "and" | "&")
            });
        out.push_str(&rest[..open]);
        if place {
            out.push_str("Place");
        } else {
            out.push_str(&rest[open..open + 1 + len + 1]);
        }
        rest = &rest[open + 1 + len + 1..];
    }
    out.push_str(rest);
    out
}

/// Past the dash or colon that follows a dateline's ")", with a full stop before it or not:
/// "(Reuters) -", "(EFE).-", "(Reuters). \u{2013}".
fn skip_separator(text: &str, pos: usize, limit: usize) -> usize {
    let space: &[char] = &[' ', '\t', '\u{a0}', '\u{202f}'];
    let rest = text.get(pos..limit.max(pos)).unwrap_or("");
    let trimmed = rest.trim_start_matches(space);
    let trimmed = trimmed.strip_prefix('.').unwrap_or(trimmed);
    let trimmed = trimmed.trim_start_matches(space);
    let skipped = rest.len() - trimmed.len();
    for sep in ["--", "\u{2014}", "\u{2013}", "\u{2015}", "-", ":"] {
        if trimmed.starts_with(sep) {
            return pos + skipped + sep.len();
        }
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn kyodo_and_aap_write_their_datelines_without_brackets() {
        for (line, agency, phrase) in [
            (
                "TOKYO, Oct. 15 Kyodo - Tokyo stocks ended higher.",
                "Kyodo",
                "TOKYO, Oct. 15 Kyodo -",
            ),
            (
                "SYDNEY, May 22 AAP - A man was found guilty.",
                "AAP",
                "SYDNEY, May 22 AAP -",
            ),
        ] {
            assert_credit(&paras(&[line, P2, P3]), agency, "dateline", phrase);
        }
        for line in [
            "The ministry told Kyodo - as it had told others - that the plan stood.",
            "TOKYO Kyodo - Tokyo stocks ended higher.",
        ] {
            assert!(
                found(&paras(&[line, P2, P3]))
                    .iter()
                    .all(|(_, kind, _)| *kind != "dateline"),
                "{line}"
            );
        }
    }

    #[test]
    fn ani_datelines_with_the_state_and_country_in_brackets() {
        for lead in [
            "Srinagar (Jammu and Kashmir) [India], May 6 (ANI): ",
            "New Delhi [India], May 6 (ANI): ",
            "Kinnaur (Himachal Pradesh) [India], March 12 (ANI): ",
        ] {
            let text = paras(&[
                "Tulip garden closes its season",
                &format!("{lead}{P1}"),
                P2,
                P3,
            ]);
            let phrase = lead.trim_end();
            assert_credit(&text, "ANI", "dateline", phrase);
        }
        // A bracket of ordinary words is no place.
        let aside = paras(&[
            "Tulip garden closes its season",
            &format!("Officials (who spoke on Monday) (ANI): {P1}"),
            P2,
            P3,
        ]);
        assert!(
            found(&aside).iter().all(|(_, kind, _)| *kind != "dateline"),
            "{:?}",
            found(&aside)
        );
    }

    #[test]
    fn datelines_at_paragraph_start() {
        let cases = [
            (
                "WASHINGTON, May 8 (Reuters) - ",
                "Reuters",
                "WASHINGTON, May 8 (Reuters) -",
            ),
            ("LONDON (AP) \u{2014} ", "AP", "LONDON (AP) \u{2014}"),
            ("Mumbai, Feb 8 (PTI) ", "PTI", "Mumbai, Feb 8 (PTI)"),
            (
                "NEW DELHI, March 3 (IANS): ",
                "IANS",
                "NEW DELHI, March 3 (IANS):",
            ),
            (
                "BEIJING, Jan. 5 (Xinhua) -- ",
                "Xinhua",
                "BEIJING, Jan. 5 (Xinhua) --",
            ),
            (
                "Rio de Janeiro, June 2 (AFP) - ",
                "AFP",
                "Rio de Janeiro, June 2 (AFP) -",
            ),
            (
                "SEOUL, April 1 (Yonhap) -- ",
                "Yonhap",
                "SEOUL, April 1 (Yonhap) --",
            ),
            (
                "OTTAWA (The Canadian Press) - ",
                "CP",
                "OTTAWA (The Canadian Press) -",
            ),
            ("MADRID, 3 jul (EFE).- ", "EFE", "MADRID, 3 jul (EFE).-"),
            (
                "SEOUL (Reuters). \u{2013} ",
                "Reuters",
                "SEOUL (Reuters). \u{2013}",
            ),
            (
                "SEOUL, May 2 (Yonhap)\u{a0}\u{2014}\u{a0}",
                "Yonhap",
                "SEOUL, May 2 (Yonhap)\u{a0}\u{2014}",
            ),
            ("Seoul (reuters) - ", "Reuters", "Seoul (reuters) -"),
            ("LONDON (REUTERS) - ", "Reuters", "LONDON (REUTERS) -"),
            ("(AP) \u{2014} ", "AP", "(AP) \u{2014}"),
        ];
        for (lead, agency, phrase) in cases {
            let text = paras(&[
                "Footbridge opens in Lowmere",
                &format!("{lead}{P1}"),
                P2,
                P3,
            ]);
            let (a, k, p) = one(&text);
            assert_eq!((a.as_str(), k), (agency, "dateline"), "dateline {lead:?}");
            assert_eq!(p, phrase, "the whole dateline is highlighted");
        }
    }

    #[test]
    fn dateline_in_a_later_paragraph_still_counts() {
        let text = paras(&[
            P1,
            P2,
            &format!("PARIS, May 9 (AFP) - {P3}"),
            P1,
            P2,
            P3,
            P1,
        ]);
        assert_credit(&text, "AFP", "dateline", "PARIS, May 9 (AFP) -");
    }

    #[test]
    fn parenthesis_mid_sentence_is_not_a_dateline() {
        let text = paras(&[
            P1,
            P2,
            P3,
            P1,
            "Officials said the radio (AP) was late.",
            P2,
            P3,
            P1,
            P2,
        ]);
        assert_none(&text);
    }

    #[test]
    fn parenthetical_in_the_first_paragraph_only() {
        let lead = "A town council in a fictional valley (AP) approved a new park on Monday, officials said.";
        let text = paras(&["Council approves park", lead, P2, P3]);
        assert_credit(&text, "AP", "parenthetical", "(AP)");
        let late =
            "A second council in the same valley (AP) approved a playground later that week.";
        assert_none(&paras(&[P1, P2, P3, P1, late, P2, P3, P1, P2, P3]));
    }

    #[test]
    fn abbreviation_after_the_full_name_is_not_a_credit() {
        let lead = "Officials spoke to the Associated Press (AP) about the new park on Monday.";
        assert_none(&paras(&[lead, P2, P3, P1, P2, P3, P1]));
    }
}
