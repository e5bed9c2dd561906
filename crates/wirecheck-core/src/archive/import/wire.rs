//! Legacy wire text, as teleprinter-era feeds (PA, and others built on the same systems) sent
//! it: control codes (0x19 and kin) start paragraphs, `<` ends them, lines are hard-wrapped,
//! `#` stands for the pound sign, quotes are TeX-style (``` `` ``` and `''`), `_` is a dash,
//! and page headers sit between dashed lines ("23:19 27/01/00: Page 1 (HHH) SHOWBIZ Posh").
//!
//! The parser drops headers (keeping the first header's time as `published`), leading
//! editorial notes ("(With pics)"), and trailing operator sign-offs ("end", "ENDS", a lone
//! lowercase code such as "mfl"); it joins wrapped lines and undoes the character
//! conventions, so the stored text reads as a newspaper would print it.

use super::detect::is_dash_line;
use super::plain::{is_byline, is_headline};
use super::{NewStory, SkipReason};
use crate::archive::StoryFormat;

/// Control codes that legacy feeds put at the start of a paragraph or line.
const CODES: &[char] = &['\u{1}', '\u{2}', '\u{3}', '\u{19}', '\u{1e}', '\u{1f}'];

/// Agency names a trailing credit line or a byline may give.
const AGENCY_NAMES: &[&str] = &[
    "Reuter",
    "Reuters",
    "Associated Press",
    "Press Association",
    "Agence France-Presse",
];

/// A paragraph as assembled from the feed, and how many lines it was sent on.
struct Para {
    text: String,
    lines: usize,
}

/// Parses one legacy wire story.
pub(crate) fn parse(text: &str, origin: &str) -> Result<Vec<NewStory>, SkipReason> {
    let lines: Vec<&str> = text.lines().collect();
    let mut published = None;
    let mut content = Vec::with_capacity(lines.len());
    for (i, &line) in lines.iter().enumerate() {
        if is_dash_line(line) {
            continue;
        }
        if is_page_header(line, lines.get(i + 1).copied()) {
            if published.is_none() {
                published = header_time(line);
            }
            continue;
        }
        content.push(line);
    }
    let mut paras = paragraphs(&content);

    strip_leading_notes(&mut paras);
    let mut headline = String::new();
    if let [first, _, ..] = paras.as_slice() {
        let all_caps = !first.text.chars().any(char::is_lowercase);
        if is_headline(&first.text) && (first.lines == 1 || all_caps) {
            headline = paras.remove(0).text;
        }
    }
    let mut byline = None;
    let mut agency = None;
    if paras.first().is_some_and(|p| is_byline(&p.text)) {
        let line = paras.remove(0).text;
        agency = byline_agency(&line);
        byline = Some(line);
    }
    strip_sign_offs(&mut paras, &mut agency);

    let body = paras
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    if body.is_empty() && headline.is_empty() {
        return Ok(Vec::new());
    }
    Ok(vec![NewStory {
        headline,
        body,
        agency,
        byline,
        published,
        origin: origin.to_owned(),
        format: StoryFormat::Wire,
        ..NewStory::default()
    }])
}

/// A header line sits right above a dashed rule and is not story text (no paragraph code, no
/// `<` end).
fn is_page_header(line: &str, next: Option<&str>) -> bool {
    let trimmed = line.trim();
    !trimmed.is_empty()
        && !line.starts_with(CODES)
        && !trimmed.ends_with('<')
        && next.is_some_and(is_dash_line)
}

/// Assembles paragraphs: a code at a line start or a blank line starts one, `<` at a line end
/// ends one, and wrapped lines in between are joined with a space.
fn paragraphs(lines: &[&str]) -> Vec<Para> {
    let mut paras = Vec::new();
    let mut current = Para {
        text: String::new(),
        lines: 0,
    };
    let mut flush = |current: &mut Para| {
        let text = clean(&current.text);
        if !text.is_empty() {
            paras.push(Para {
                text,
                lines: current.lines,
            });
        }
        current.text.clear();
        current.lines = 0;
    };
    for &line in lines {
        let starts = line.starts_with(CODES);
        let line = line.trim_start_matches(CODES).trim();
        let (line, ends) = match line.strip_suffix('<') {
            Some(rest) => (rest.trim_end(), true),
            None => (line, false),
        };
        if starts || line.is_empty() {
            flush(&mut current);
        }
        if !line.is_empty() {
            if !current.text.is_empty() {
                current.text.push(' ');
            }
            current.text.push_str(line);
            current.lines += 1;
        }
        if ends {
            flush(&mut current);
        }
    }
    flush(&mut current);
    paras
}

/// Undoes the feed's character conventions and drops stray control codes.
fn clean(text: &str) -> String {
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    let text = text
        .replace("``", "\"")
        .replace("''", "\"")
        .replace('`', "'")
        .replace(" _ ", " - ");
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // Only before a digit: "#5,000" is money, "#1 hit" is rare in this copy, and a `#`
        // elsewhere (a tag, "No #") stays.
        if c == '#' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('£');
        } else {
            out.push(c);
        }
    }
    out.trim().to_owned()
}

/// Most words an editorial note has; a longer parenthesis is taken for story text.
const NOTE_MAX_WORDS: usize = 150;

/// Most editorial notes dropped from the start of one story.
const MAX_NOTES: usize = 8;

/// Drops editorial notes to subscribers that open the copy, wholly in parentheses: "(With
/// pics)", "(reopens)", "(Memo to CSEs: ...)". A note may run into the headline on its last
/// line ("... school.) MISSING WIFE ..."); the headline is kept.
fn strip_leading_notes(paras: &mut Vec<Para>) {
    // A few notes at most open real copy; the bound keeps "()()()..." input linear.
    for _ in 0..MAX_NOTES {
        if paras.len() < 2 {
            return;
        }
        let Some(first) = paras.first_mut() else {
            return;
        };
        let Some(end) = note_end(&first.text) else {
            return;
        };
        let rest = first.text.get(end..).unwrap_or_default();
        let rest = rest.trim_start_matches('.').trim().to_owned();
        if rest.is_empty() {
            paras.remove(0);
        } else {
            first.text = rest;
            first.lines = 1;
        }
    }
}

/// The byte offset just past the parenthesis that closes the one `text` opens with.
fn note_end(text: &str) -> Option<usize> {
    if !text.starts_with('(') {
        return None;
    }
    let mut depth = 0usize;
    let mut words = 1;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            ' ' => {
                words += 1;
                if words > NOTE_MAX_WORDS {
                    return None;
                }
            }
            _ => {}
        }
    }
    None
}

/// The agency a byline names at its end: "By X, PA News" gives "PA"; "By X, Reuters" gives
/// "Reuters". A reporter's title ("Showbusiness Correspondent") names none.
fn byline_agency(byline: &str) -> Option<String> {
    // "By PA Reporter", "By AP Staff": the agency's own desk.
    if let [_, name, role] = byline.split_whitespace().collect::<Vec<_>>().as_slice()
        && is_acronym(name)
        && ["Reporter", "Staff", "Correspondent"].contains(role)
    {
        return Some((*name).to_owned());
    }
    let last = byline.rsplit(',').next()?.trim();
    let name = last.strip_suffix(" News").unwrap_or(last);
    let known = AGENCY_NAMES.iter().any(|a| a.eq_ignore_ascii_case(name));
    // "By Jo Bloggs" alone: the last part is the reporter, not an agency.
    (byline.contains(',') && (is_acronym(name) || known)).then(|| name.to_owned())
}

fn is_acronym(word: &str) -> bool {
    (2..=5).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Drops trailing sign-offs; a lone agency credit line ("AP") becomes the agency when the
/// byline named none.
fn strip_sign_offs(paras: &mut Vec<Para>, agency: &mut Option<String>) {
    while let Some(last) = paras.last_mut() {
        let text = last.text.trim();
        if is_sign_off(text) {
            paras.pop();
        } else if is_credit_line(text) {
            if agency.is_none() {
                *agency = Some(text.to_owned());
            }
            paras.pop();
        } else {
            // "... tomorrow afternoon. end": a sign-off typed on the last line.
            let lower = text.to_ascii_lowercase();
            for suffix in [". end", ". ends", ".\" end", ".\" ends"] {
                if lower.ends_with(suffix) {
                    let keep = text.len() - suffix.len() + suffix.find(' ').unwrap_or(0);
                    last.text = text.get(..keep).unwrap_or(text).to_owned();
                    break;
                }
            }
            return;
        }
    }
}

/// "end", "ENDS", "more", or an operator's lowercase initials ("mfl", "jc/mw").
fn is_sign_off(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "end" | "ends" | "endit" | "more" | "(more)" | "mor"
    ) {
        return true;
    }
    !text.is_empty()
        && text.split('/').all(|code| {
            (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
        })
}

fn is_credit_line(text: &str) -> bool {
    matches!(text, "AP" | "AFP" | "PA" | "UPI") || AGENCY_NAMES.contains(&text)
}

/// The time and date a header line gives, "23:19 27/01/00" as "2000-01-27T23:19". Dates are
/// read day first, as British feeds write them, unless only month first makes sense.
fn header_time(line: &str) -> Option<String> {
    let tokens: Vec<&str> = line
        .split_whitespace()
        .map(|t| t.trim_end_matches([':', ',']))
        .collect();
    let date_at = tokens.iter().position(|t| parse_date(t).is_some())?;
    let (year, month, day) = parse_date(tokens.get(date_at)?)?;
    let time = date_at
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .and_then(|t| parse_time(t))
        .or_else(|| tokens.get(date_at + 1).and_then(|t| parse_time(t)));
    Some(match time {
        Some((h, m)) => format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}"),
        None => format!("{year:04}-{month:02}-{day:02}"),
    })
}

fn parse_date(token: &str) -> Option<(u32, u32, u32)> {
    let mut parts = token.split('/');
    let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || ![a, b, y].iter().all(|p| is_digits(p, 1, 4)) {
        return None;
    }
    let (a, b, y): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    let year = match y {
        0..=69 => 2000 + y,
        70..=99 => 1900 + y,
        1900..=2099 => y,
        _ => return None,
    };
    let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
}

fn parse_time(token: &str) -> Option<(u32, u32)> {
    let (h, m) = token.split_once(':')?;
    if !is_digits(h, 1, 2) || !is_digits(m, 2, 2) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

fn is_digits(text: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fictional story in the conventions of a 1990s wire feed.
    const FEED: &str = "  ------------------------------------------------------------------\n\
        \n  ------------------------------------------------------------------\n\
        \n                 07:05 14/02/98: Page 1 (HHH) TOWNS Ferry\n\
        \x20 ------------------------------------------------------------------\n\
        (With pics)<\n\
        \x19FERRY FARES `TO DOUBLE' IN SPRING<\n\
        \x19By Mary Quill, PA News<\n\
        \x19Islanders were today told that ferry fares would rise to #12 a trip, a move\n\
        the council called ``a kick in the teeth''.<\n\
        \x19The operator said costs _ fuel above all _ had left it no choice.<\n\
        \x19end<\n\
        \x19mfl\n";

    fn one(text: &str) -> NewStory {
        let mut stories = parse(text, "wire/ferry1.txt").unwrap();
        assert_eq!(stories.len(), 1, "a wire file holds one story");
        stories.remove(0)
    }

    #[test]
    fn a_wire_story_is_cleaned_into_newspaper_text() {
        let story = one(FEED);
        assert_eq!(
            story.headline, "FERRY FARES 'TO DOUBLE' IN SPRING",
            "note dropped"
        );
        assert_eq!(story.byline.as_deref(), Some("By Mary Quill, PA News"));
        assert_eq!(
            story.agency.as_deref(),
            Some("PA"),
            "the byline names the agency"
        );
        assert_eq!(
            story.published.as_deref(),
            Some("1998-02-14T07:05"),
            "header time"
        );
        assert_eq!(
            story.body,
            "Islanders were today told that ferry fares would rise to £12 a trip, a move the \
             council called \"a kick in the teeth\".\n\nThe operator said costs - fuel above \
             all - had left it no choice.",
            "wrapped lines joined, conventions undone, sign-offs dropped"
        );
        assert_eq!(story.format, StoryFormat::Wire);
        assert_eq!(story.origin, "wire/ferry1.txt");
    }

    #[test]
    fn a_continuation_page_has_no_headline_and_no_agency() {
        let page2 = "  ----------------------------------------\n\
            \x20         07:20 14/02/98: Page 2 (HHH) TOWNS Ferry\n\
            \x20 ----------------------------------------\n\
            (reopens)<\n\
            \x19Campaigners said they would take the matter to the\n\
            ombudsman before the summer.<\n\
            \x19A spokesman for the board declined to comment further. end<\n";
        let story = one(page2);
        assert_eq!(story.headline, "", "a wrapped sentence is not a headline");
        assert_eq!(story.agency, None, "nothing in the file names an agency");
        assert!(
            story.body.starts_with(
                "Campaigners said they would take the matter to the \
                 ombudsman"
            ),
            "{}",
            story.body
        );
        assert!(
            story.body.ends_with("comment further."),
            "typed sign-off cut: {}",
            story.body
        );
    }

    #[test]
    fn a_trailing_credit_line_gives_the_agency() {
        let story = one("HARBOUR SEAL RESCUED<\n\x19A seal was freed from nets.<\n\x19AP<\n\x19\n");
        assert_eq!(story.agency.as_deref(), Some("AP"));
        assert_eq!(story.body, "A seal was freed from nets.");
    }

    #[test]
    fn long_notes_and_notes_running_into_the_headline_are_dropped() {
        let copy = "(Advisory to editors: the court lifted a reporting order on the names of\n\
            the two witnesses (both adults) this afternoon.) BRIDGE CONTRACT UPHELD<\n\
            \x19By Sam Tern, PA News<\n\
            \x19The contract for the new bridge was upheld.<\n";
        let story = one(copy);
        assert_eq!(story.headline, "BRIDGE CONTRACT UPHELD", "{story:?}");
        assert_eq!(story.body, "The contract for the new bridge was upheld.");
        let long = format!(
            "({}).<\n\x19\x19LAMBS BORN EARLY<\n\x19Six lambs.<\n",
            "word ".repeat(40)
        );
        assert_eq!(
            one(&long).headline,
            "LAMBS BORN EARLY",
            "a forty-word note is still a note"
        );
    }

    #[test]
    fn bylines_name_an_agency_only_when_they_say_so() {
        let cases = [
            ("By Mary Quill, PA News", Some("PA")),
            ("By Al Barr, Courts Correspondent, PA News", Some("PA")),
            ("By Lin Oke, Reuters", Some("Reuters")),
            ("By PA Reporter", Some("PA")),
            ("By Mary Quill", None),
            ("By Mary Quill, Showbusiness Correspondent", None),
        ];
        for (byline, agency) in cases {
            assert_eq!(byline_agency(byline).as_deref(), agency, "{byline}");
        }
    }

    #[test]
    fn sign_offs_are_told_from_text() {
        for code in ["end", "ENDS", "Ends", "mfl", "mf", "jc/mw", "MORE"] {
            assert!(is_sign_off(code), "{code}");
        }
        for text in ["AP", "The end.", "Ahead", "endless rain"] {
            assert!(!is_sign_off(text), "{text}");
        }
    }

    #[test]
    fn header_times_are_read_day_first() {
        assert_eq!(
            header_time("23:19 27/01/00: Page 1 (HHH) SHOWBIZ Posh").as_deref(),
            Some("2000-01-27T23:19")
        );
        assert_eq!(
            header_time("12/31/1999 08:00 Page 3").as_deref(),
            Some("1999-12-31T08:00")
        );
        assert_eq!(header_time("Page 1 (HHH) COURTS"), None);
        assert_eq!(header_time("99:99 45/45/45"), None, "impossible values");
    }

    #[test]
    fn wire_conventions_only_change_what_they_mean() {
        assert_eq!(clean("a #5,000 fine, not No #"), "a £5,000 fine, not No #");
        assert_eq!(clean("the ``best'' `ever'"), "the \"best\" 'ever'");
    }

    #[test]
    fn blank_lines_separate_paragraphs_without_codes() {
        let story = one("SNOW CLOSES PASS\n\nThe pass closed at noon.\n\nIt may reopen.\n\nmor\n");
        assert_eq!(story.headline, "SNOW CLOSES PASS");
        assert_eq!(story.body, "The pass closed at noon.\n\nIt may reopen.");
    }
}
