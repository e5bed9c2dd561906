//! The issuer a press release names in its boilerplate: "About Brightmoor Foods", the section
//! every release of a company, a university or an agency ends with. A release stored under
//! its wire ("PR Newswire", "Business Wire") or as "Press release" is credited by its issuer
//! on the page that republishes it ("Source: Brightmoor Foods Corp.", "according to a press
//! release from Corvane Software"), so the issuer counts as the story's agency for its credit.
//! A release without such a section names its issuer twice more: in the lead, right after the
//! wire's dateline ("DENVER--(BUSINESS WIRE)--Mar. 4, 2019--Quillfeather Robotics today
//! announced"), and in PR Newswire's closing "SOURCE Corvana Health, Inc." line.

use super::agencies::is_corporate_suffix;
use super::mention::head_within;

/// Longest issuer name read, in characters.
const MAX_ISSUER: usize = 60;
/// Most words in an issuer's name.
const MAX_ISSUER_WORDS: usize = 6;
/// Lower-case words inside a name ("Bank of Ireland", "Research and Markets").
const NAME_LOWER: &[&str] = &["of", "and", "for", "the", "de", "du", "la", "&"];

/// The issuer of the release `body`: the name of its first "About NAME" line, a line of its
/// own of one to six capitalized words; else the name its "SOURCE NAME" line gives; else the
/// name that opens its lead after a release wire's dateline. `None` when the body has none of
/// them (an agency's story, a statement without boilerplate).
///
/// A release that describes its product before its company ("About HB-217", then "About
/// Halvorsen Biotech") is issued by the company its lead names: the "About" line that names
/// the lead's issuer is taken before the first.
pub fn release_issuer(body: &str) -> Option<String> {
    let lead = lead_issuer(body);
    about_issuer(body, lead.as_deref())
        .or_else(|| source_line_issuer(body))
        .or(lead)
}

fn about_issuer(body: &str, lead: Option<&str>) -> Option<String> {
    let names: Vec<&str> = body
        .lines()
        .filter_map(|line| {
            let line = line.trim().trim_end_matches(':').trim_end();
            let name = line.strip_prefix("About ")?.trim();
            is_name(name).then_some(name)
        })
        .collect();
    let named_by_lead = lead.and_then(|lead| {
        names
            .iter()
            .find(|name| lead.starts_with(**name) || name.starts_with(lead))
    });
    named_by_lead.or(names.first()).map(|name| name.to_string())
}

/// PR Newswire's closing line, "SOURCE Corvana Health, Inc.": the name before its comma.
fn source_line_issuer(body: &str) -> Option<String> {
    body.lines().find_map(|line| {
        let name = line.trim().strip_prefix("SOURCE ")?;
        let name = name.split(',').next()?.trim();
        is_name(name).then(|| name.to_string())
    })
}

/// How release wires mark their datelines, followed by the issuer's name ("/PRNewswire/ --
/// Corvane Software, Inc. (NASDAQ: CRVN) today announced").
const RELEASE_WIRE_MARKS: &[&str] = &[
    "(BUSINESS WIRE)",
    "/PRNewswire/",
    "/PRNewswire-",
    "(GLOBE NEWSWIRE)",
    "/GLOBE NEWSWIRE/",
    "/CNW/",
    "(ACCESSWIRE)",
    "/EINPresswire.com/",
    "(Newsfile Corp.",
];
/// Capitalized words that open a release's lead without naming its issuer ("Today, Corvane
/// Software announced").
const LEAD_OPENERS: &[&str] = &[
    "Today",
    "Yesterday",
    "This",
    "In",
    "On",
    "As",
    "After",
    "For",
    "With",
    "A",
    "An",
    "At",
];
/// How far into a release its dateline can end, in bytes.
const LEAD_WINDOW: usize = 400;
/// How far after the wire's mark Business Wire's date ends ("--Mar. 4, 2019--"), in bytes.
const MARK_DATE: usize = 30;

/// The name that opens the lead after a release wire's dateline: capitalized words up to the
/// first comma, parenthesis or lower-case word ("Brightmoor Foods Corp. today announced" →
/// "Brightmoor Foods Corp."; "The University of Calloway said" → "University of Calloway").
fn lead_issuer(body: &str) -> Option<String> {
    let head = head_within(body, LEAD_WINDOW);
    let (at, mark) = RELEASE_WIRE_MARKS
        .iter()
        .filter_map(|mark| head.find(mark).map(|at| (at, *mark)))
        .min()?;
    let mut rest = body[at + mark.len()..].trim_start_matches(|c: char| {
        c == '-' || c == '\u{2014}' || c == '\u{2013}' || c == ':' || c == ')' || c.is_whitespace()
    });
    // Business Wire dates its release after the mark: "--(BUSINESS WIRE)--Mar. 4, 2019--".
    if let Some(end) = head_within(rest, MARK_DATE).find("--")
        && rest[..end].chars().any(|c| c.is_ascii_digit())
    {
        rest = rest[end + 2..].trim_start();
    }
    let mut words = Vec::new();
    for word in rest.split_whitespace() {
        if word.starts_with('(') {
            break;
        }
        let bare = word.trim_end_matches(',');
        let name_word = starts_upper(bare)
            || NAME_LOWER.contains(&bare.to_lowercase().as_str()) && !words.is_empty();
        if !name_word {
            break;
        }
        words.push(bare);
        if bare.len() < word.len() || words.len() > MAX_ISSUER_WORDS {
            break;
        }
    }
    if words.first().is_some_and(|w| *w == "The") {
        words.remove(0);
    }
    if words.first().is_some_and(|w| LEAD_OPENERS.contains(w)) {
        return None;
    }
    while words
        .last()
        .is_some_and(|w| NAME_LOWER.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    let name = words.join(" ");
    is_name(&name).then_some(name)
}

/// Whether `name` reads as an issuer's name: one to six words, every one capitalized or a
/// name's lower-case word, not a sentence.
fn is_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= MAX_ISSUER_WORDS
        && name.chars().count() <= MAX_ISSUER
        && !name.ends_with(['?', '!', ','])
        && (!name.ends_with('.') || words.last().is_some_and(|w| is_corporate_suffix(w)))
        && words.first().is_some_and(|w| starts_upper(w))
        && words
            .iter()
            .all(|w| starts_upper(w) || NAME_LOWER.contains(&w.to_lowercase().as_str()))
}

fn starts_upper(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_release_without_an_about_section_names_its_issuer_in_its_lead_or_source_line() {
        for (release, issuer) in [
            (
                "DENVER--(BUSINESS WIRE)--Mar. 4, 2026--Quillfeather Robotics today announced \
                 a new arm.\n",
                "Quillfeather Robotics",
            ),
            (
                "NEW YORK, March 4, 2026 /PRNewswire/ -- Corvane Software, Inc. (NASDAQ: CRVN), \
                 a maker of payroll tools, today reported results.\n",
                "Corvane Software",
            ),
            (
                "OSLO, Norway, May 04, 2026 (GLOBE NEWSWIRE) -- Nordvik Tern ASA reports its \
                 first quarter.\n",
                "Nordvik Tern ASA",
            ),
            (
                "BOSTON, June 2, 2026 /PRNewswire/ -- The University of Calloway said on \
                 Tuesday.\n",
                "University of Calloway",
            ),
            (
                "AUSTIN, Texas--(BUSINESS WIRE)--Brightmoor Foods Corp. today named a chief.\n",
                "Brightmoor Foods Corp.",
            ),
            (
                "TAMPA, Fla., Nov. 2, 2026 /PRNewswire/ -- Sales rose.\n\nSOURCE Corvana \
                 Health, Inc.\n",
                "Corvana Health",
            ),
        ] {
            assert_eq!(
                release_issuer(release).as_deref(),
                Some(issuer),
                "{release}"
            );
        }
    }

    #[test]
    fn a_lead_without_a_release_wire_names_no_issuer() {
        for body in [
            "DENVER (Reuters) - Quillfeather Robotics on Monday announced a new arm.\n",
            "NEW YORK, March 4, 2026 /PRNewswire/ -- today the company reported results.\n",
            "NEW YORK, March 4, 2026 /PRNewswire/ -- Today, Corvane Software reported results.\n",
            "PARIS (AFP) - Sales rose. Analysts cited a /PRNewswire/ -- release.\n",
        ] {
            assert_eq!(release_issuer(body), None, "{body}");
        }
    }

    #[test]
    fn the_first_about_line_of_a_release_names_its_issuer() {
        let release = "ORLANDO, Fla.--(BUSINESS WIRE)--Nov. 29, 2026--Brightmoor Foods Corp. \
                       today announced it will acquire Greenvale Pantry.\n\n\
                       About Brightmoor Foods\n\nBrightmoor Foods makes frozen meals.\n\n\
                       About Greenvale Pantry\n\nGreenvale Pantry makes soups.\n";
        assert_eq!(release_issuer(release).as_deref(), Some("Brightmoor Foods"));
        assert_eq!(
            release_issuer("About Calloway State University:\nA public university.").as_deref(),
            Some("Calloway State University")
        );
        assert_eq!(
            release_issuer("About the Bank of Lowmere\n").as_deref(),
            None,
            "a name starts with a capital"
        );
    }

    #[test]
    fn the_about_line_naming_the_lead_s_issuer_comes_before_a_product_s() {
        let release = "OSLO, Norway, Oct. 02, 2026 (GLOBE NEWSWIRE) -- Halvorsen Biotech ASA \
                       (Oslo: HALV) today announced results.\n\nAbout HB-217\n\nAn oral \
                       drug.\n\nAbout Halvorsen Biotech\n\nA biotech company.\n";
        assert_eq!(
            release_issuer(release).as_deref(),
            Some("Halvorsen Biotech")
        );
        // With no lead to tell, the first "About" line: the acquirer before its target.
        let acquisition = "Brightmoor Foods will buy Greenvale Pantry.\n\nAbout Brightmoor \
                           Foods\n\nFrozen meals.\n\nAbout Greenvale Pantry\n\nSoups.\n";
        assert_eq!(
            release_issuer(acquisition).as_deref(),
            Some("Brightmoor Foods")
        );
    }

    #[test]
    fn a_sentence_opening_with_about_is_no_issuer() {
        for body in [
            "About 40 people were hurt when the roof fell.\n",
            "About half of the residents left the town overnight, officials said.\n",
            "KORVALA, Nov 20 (Reuters) - The ministry said on Monday it would act.\n",
        ] {
            assert_eq!(release_issuer(body), None, "{body}");
        }
    }
}
