//! A press release's issuer named as the source of the statement: "Halden Foods Ltd said in a
//! statement", "according to a press release from Halden Foods", "a statement issued by the
//! Ministry of Road Transport and Highways". An outlet that republishes a release this way
//! tells its reader whose words they are.
//!
//! Only for issuers (names the built-in agency table does not know, added for a check by
//! [`AgencyTable::with_issuers`](super::agencies::AgencyTable::with_issuers)): a news agency
//! that "said in a statement" speaks for itself as a company, not as the story's source. Not
//! inside a quotation.
//!
//! A rewrite of a release names its issuer by what it is as often as by its name: "the
//! ministry said in a statement", "the San Jose company said in its quarterly earnings
//! release", "in a statement, the council said". [`by_role`] reads those as a credit to
//! every issuer of that kind ([`roles`]): the reader knows whose statement it is.

use super::agencies::{AgencyTable, canonical_agency};
use super::mention::{Doc, Group, Span, alnum_words, phrase_before, words_after, words_before};

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
    let mut after = words_after(doc.text, g.end, line.end, 6);
    // "has said in a press release"
    if after
        .first()
        .is_some_and(|(_, w)| w.eq_ignore_ascii_case("has") || w.eq_ignore_ascii_case("had"))
    {
        after.remove(0);
    }
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

/// Words an article calls an issuer by, from the words of its name: a ministry is "the
/// ministry", a police force "the force"; an issuer no word of [`INSTITUTIONS`] names is a
/// company ("Halden Foods Ltd": "the company", "the firm", "the group").
pub(super) fn roles(issuer: &str) -> &'static [&'static str] {
    alnum_words(issuer)
        .find_map(|w| {
            INSTITUTIONS
                .iter()
                .find(|(name, _)| w.eq_ignore_ascii_case(name))
                .map(|(_, roles)| *roles)
        })
        .unwrap_or(&["company", "firm", "group"])
}

/// A word of an issuer's name and what an article calls the issuer for it.
#[rustfmt::skip]
const INSTITUTIONS: &[(&str, &[&str])] = &[
    ("ministry", &["ministry"]), ("department", &["department"]), ("council", &["council"]),
    ("police", &["police", "force"]), ("constabulary", &["police", "force"]),
    ("university", &["university"]), ("commission", &["commission"]),
    ("authority", &["authority"]), ("agency", &["agency"]), ("office", &["office"]),
    ("embassy", &["embassy"]), ("government", &["government"]), ("bank", &["bank", "lender"]),
    ("association", &["association"]), ("federation", &["federation"]), ("union", &["union"]),
    ("club", &["club"]), ("foundation", &["foundation"]), ("hospital", &["hospital"]),
    ("trust", &["trust"]), ("board", &["board"]), ("court", &["court"]),
    ("directorate", &["directorate"]), ("secretariat", &["secretariat"]),
];

/// What an issuer says a statement with ("the ministry said in a statement").
const VERBS: &[&str] = &["said", "says", "announced", "stated", "added", "confirmed"];

/// What its statement is called, as the last word of "in its quarterly earnings release".
const STATEMENTS: &[&str] = &["statement", "release", "announcement", "communique"];

/// Words between "the" and the issuer's role ("the San Jose company"), and between "in a" and
/// the statement ("in its quarterly earnings release"), at most.
const BETWEEN: usize = 3;

/// Every issuer of `table` named by its role as the source of a statement, with the phrase:
/// "the ministry said in a statement", "a statement from the ministry", "In a statement, the
/// company said". Not inside a quotation.
pub(super) fn by_role(doc: &Doc, table: &AgencyTable) -> Vec<(String, Span)> {
    let issuers: Vec<(&str, &[&str])> = table.issuers().map(|i| (i, roles(i))).collect();
    if issuers.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for li in 0..doc.lines.len() {
        let line = doc.line(li);
        let words = phrase_words(doc.text, line.start, line.end);
        for (i, (pos, word, _)) in words.iter().enumerate() {
            let named: Vec<&str> = issuers
                .iter()
                .filter(|(_, roles)| roles.iter().any(|r| word.eq_ignore_ascii_case(r)))
                .map(|(name, _)| *name)
                .collect();
            if named.is_empty() || doc.inside_quote(*pos) {
                continue;
            }
            let Some(span) = role_phrase(&words, i) else {
                continue;
            };
            out.extend(named.into_iter().map(|name| (name.to_string(), span)));
        }
    }
    out.extend(source_lines(doc, &issuers));
    out
}

/// Longest source line read as naming a statement, in bytes.
const MAX_SOURCE_LINE: usize = 60;
/// Words that may stand before the statement's noun on a source line.
const SOURCE_LINE_WORDS: &[&str] = &["the", "s", "press", "news", "official", "media"];

/// A line near either end that gives the issuer's statement as the source, by the issuer's
/// role or by none: "Source: Company press release", "Source: the ministry's statement",
/// "(Company statement)", "Source: press release". It credits every issuer of that role
/// (every issuer, when it names none): a reader of a trade site's copy of a release knows
/// whose words they are.
fn source_lines(doc: &Doc, issuers: &[(&str, &[&str])]) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for li in 0..doc.lines.len() {
        let line = doc.line(li);
        let text = doc.slice(line.start, line.end);
        if text.len() > MAX_SOURCE_LINE || !doc.near_edge(li) || !doc.starts_paragraph(li) {
            continue;
        }
        let bracketed = text.starts_with('(') && text.ends_with(')');
        let words: Vec<String> = alnum_words(text).map(str::to_lowercase).collect();
        let rest = match words.split_first() {
            Some((first, rest)) if first == "source" => rest,
            _ if bracketed => &words[..],
            _ => continue,
        };
        let Some((noun, before)) = rest.split_last() else {
            continue;
        };
        if !STATEMENTS.contains(&noun.as_str()) {
            continue;
        }
        let mut role = None;
        let fits = before.iter().all(|w| {
            if SOURCE_LINE_WORDS.contains(&w.as_str()) {
                return true;
            }
            let is_role = role.is_none()
                && issuers
                    .iter()
                    .any(|(_, roles)| roles.iter().any(|r| r.eq_ignore_ascii_case(w)));
            if is_role {
                role = Some(w.clone());
            }
            is_role
        });
        if !fits {
            continue;
        }
        for (name, roles) in issuers {
            if role
                .as_ref()
                .is_none_or(|r| roles.iter().any(|x| x.eq_ignore_ascii_case(r)))
            {
                out.push((name.to_string(), (line.start, line.end)));
            }
        }
    }
    out
}

/// A word of a phrase: its position, the word, and whether only white space (or a hyphen:
/// "Chicago-based") separates it from the word before.
type PhraseWord<'a> = (usize, &'a str, bool);

/// The words of `text[start..end]` with whether each continues the phrase of the one before.
fn phrase_words(text: &str, start: usize, end: usize) -> Vec<PhraseWord<'_>> {
    let slice = text.get(start..end).unwrap_or("");
    let mut out: Vec<PhraseWord> = Vec::new();
    let mut word_start = None;
    let mut gap_start = 0;
    let ends = slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')));
    for (i, c) in ends {
        match (c.is_alphanumeric(), word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(ws)) => {
                let gap = slice.get(gap_start..ws).unwrap_or("");
                let joined = !out.is_empty() && gap.chars().all(|g| g.is_whitespace() || g == '-');
                out.push((start + ws, slice.get(ws..i).unwrap_or(""), joined));
                word_start = None;
                gap_start = i;
            }
            _ => {}
        }
    }
    out
}

/// The phrase around the role word `words[i]` that makes it the source of a statement.
fn role_phrase(words: &[PhraseWord], i: usize) -> Option<Span> {
    let is = |j: usize, list: &[&str]| {
        words
            .get(j)
            .is_some_and(|(_, w, _)| list.iter().any(|l| w.eq_ignore_ascii_case(l)))
    };
    let joined = |j: usize| words.get(j).is_some_and(|w| w.2);
    let end_of = |j: usize| words.get(j).map(|(p, w, _)| p + w.len());
    // "the [San Jose] company": the article before the role, up to BETWEEN words away.
    let the = (0..=BETWEEN).find_map(|k| {
        let j = i.checked_sub(k + 1)?;
        ((j + 1..=i).all(joined) && is(j, &["the"])).then_some(j)
    })?;
    let start = words.get(the)?.0;
    // "... said in a [quarterly earnings] statement"
    if is(i + 1, VERBS) && is(i + 2, &["in"]) && is(i + 3, &["a", "an", "its", "the"]) {
        let noun = (i + 4..=i + 4 + BETWEEN).find(|&j| is(j, STATEMENTS))?;
        return ((i + 1..=noun).all(joined))
            .then(|| end_of(noun))
            .flatten()
            .map(|e| (start, e));
    }
    // "a statement [issued] by the ministry", "a release from the company"
    let by = the.checked_sub(1)?;
    if is(by, &["from", "by"]) && joined(by + 1) {
        let noun = if is(by.checked_sub(1)?, &["issued"]) {
            by.checked_sub(2)?
        } else {
            by - 1
        };
        if is(noun, STATEMENTS) && (noun + 1..=the).all(joined) {
            return Some((words.get(noun)?.0, end_of(i)?));
        }
    }
    // "In a statement, the ministry said"
    if is(i + 1, VERBS) && joined(i + 1) && !joined(the) && is(the.checked_sub(1)?, STATEMENTS) {
        let noun = the - 1;
        let opens = (noun.saturating_sub(BETWEEN + 2)..noun).find(|&j| {
            is(j, &["in"]) && is(j + 1, &["a", "an", "its"]) && (j + 1..=noun).all(joined)
        })?;
        return Some((words.get(opens)?.0, end_of(i + 1)?));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::agencies::AgencyTable;
    use super::super::detect::find_credits;
    use super::super::testing::*;
    use super::roles;

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
                "Revenue rose 9%, Halden Foods Ltd has said in a press release.",
                "Halden Foods Ltd has said in a press release",
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

    fn by_role(issuer: &str, text: &str) -> Vec<(String, String)> {
        let table = AgencyTable::builtin().with_issuers([issuer]).unwrap();
        find_credits(&table, text)
            .into_iter()
            .map(|c| (c.agency, text[c.start..c.end].to_string()))
            .collect()
    }

    #[test]
    fn the_issuer_called_by_what_it_is() {
        for (issuer, sentence, phrase) in [
            (
                "Ministry of Coastal Affairs",
                "Ferry fares will fall by a tenth from June, the ministry said in a statement.",
                "the ministry said in a statement",
            ),
            (
                "Tidewater Robotics Inc.",
                "Orders doubled, the San Jose company said in its quarterly earnings release.",
                "the San Jose company said in its quarterly earnings release",
            ),
            (
                "Halden Foods Ltd",
                "The Leeds-based firm announced in a press release that it would hire 40 bakers.",
                "The Leeds-based firm announced in a press release",
            ),
            (
                "Lowmere Borough Council",
                "In a statement, the council said the bridge would open on Tuesday.",
                "In a statement, the council said",
            ),
            (
                "Northvale Police",
                "The road stays shut, according to a statement issued by the force.",
                "statement issued by the force",
            ),
        ] {
            let text = paras(&[P1, sentence, P2, P3]);
            assert_eq!(
                by_role(issuer, &text),
                [(issuer.to_string(), phrase.to_string())],
                "{sentence}"
            );
        }
    }

    #[test]
    fn a_role_is_no_credit_where_it_names_no_statement() {
        for (issuer, sentence) in [
            // Not the issuer's kind.
            (
                "Ministry of Coastal Affairs",
                "Fares will fall, the company said in a statement.",
            ),
            // No statement named, or someone else's.
            (
                "Halden Foods Ltd",
                "The company said it would hire 40 bakers.",
            ),
            (
                "Halden Foods Ltd",
                "The company's chief executive said in a statement that orders rose.",
            ),
            (
                "Halden Foods Ltd",
                "The company said in an interview that orders rose.",
            ),
            // The words of the phrase at the very start of a line, with nothing before them.
            ("Halden Foods Ltd", "Issued by the company."),
            ("Halden Foods Ltd", "by the company said in"),
            // Inside a quotation.
            (
                "Halden Foods Ltd",
                "\"We read what the company said in a statement,\" the union said.",
            ),
        ] {
            let text = paras(&[P1, sentence, P2, P3]);
            assert!(
                by_role(issuer, &text).is_empty(),
                "{sentence}: {:?}",
                by_role(issuer, &text)
            );
        }
        // A news agency is no issuer: its roles are never read.
        let text = paras(&[P1, "Fares will fall, the agency said in a statement.", P2]);
        let table = AgencyTable::builtin().with_issuers(["Reuters"]);
        assert!(table.is_none_or(|t| find_credits(&t, &text).is_empty()));
    }

    #[test]
    fn a_source_line_naming_the_issuer_s_statement_by_its_role() {
        for line in [
            "Source: Company press release",
            "Source: the company's statement",
            "(Company statement)",
            "Source: Press release",
        ] {
            let text = paras(&[P1, P2, P3, line]);
            assert_eq!(
                credits(&text),
                [(
                    "Halden Foods Ltd".to_string(),
                    "according_to",
                    line.to_string()
                )],
                "{line}"
            );
        }
        for line in [
            "Source: the ministry's statement",
            "Source: Company records",
            "The company's statement was issued on Monday",
        ] {
            assert!(credits(&paras(&[P1, P2, P3, line])).is_empty(), "{line}");
        }
        // In the middle of the story the line is a table's or a chart's.
        let middle = paras(&[&SIX[..], &["Source: Company press release"], &SIX].concat());
        assert!(credits(&middle).is_empty());
    }

    #[test]
    fn issuers_have_the_roles_their_names_give() {
        assert_eq!(roles("Ministry of Coastal Affairs"), ["ministry"]);
        assert_eq!(roles("Northvale Constabulary"), ["police", "force"]);
        assert_eq!(roles("Halden Foods Ltd"), ["company", "firm", "group"]);
    }
}
