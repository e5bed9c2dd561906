//! Plain-text stories: an optional headline line, an optional byline, then paragraphs
//! separated by blank lines.
//!
//! Lines within a paragraph are kept as written, except in a hard-wrapped paragraph (every
//! line but the last 55 to 80 characters long), whose lines are joined with a space: those
//! breaks are the sender's line width, not the writer's.

use super::{NewStory, SkipReason};
use crate::archive::StoryFormat;

/// Most words a headline line has.
const HEADLINE_MAX_WORDS: usize = 20;

/// Parses one plain-text story.
pub(crate) fn parse(text: &str, origin: &str) -> Result<Vec<NewStory>, SkipReason> {
    let mut lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let mut headline = String::new();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    if let Some(first) = first {
        lines.drain(..first);
    }
    let first_para_len = lines
        .iter()
        .position(|l| l.trim().is_empty())
        .unwrap_or(lines.len());
    let has_more = lines.iter().skip(1).any(|l| !l.trim().is_empty());
    if let Some(&line) = lines.first() {
        let alone = first_para_len == 1;
        let before_byline = lines.get(1).is_some_and(|l| is_byline(l));
        let wrapped = is_hard_wrapped(lines.get(..first_para_len).unwrap_or_default());
        if has_more && is_headline(line) && (alone || before_byline || !wrapped) {
            headline = line.trim().to_owned();
            lines.remove(0);
        }
    }
    let mut byline = None;
    if !headline.is_empty() {
        let next = lines.iter().position(|l| !l.trim().is_empty());
        if let Some(i) = next.filter(|&i| lines.get(i).is_some_and(|l| is_byline(l))) {
            byline = lines.get(i).map(|l| l.trim().to_owned());
            lines.drain(..=i);
        }
    }
    let paragraphs = paragraphs(&lines);
    let dateline = paragraphs
        .first()
        .and_then(|p| dateline_of(p))
        .map(str::to_owned);
    let body = paragraphs.join("\n\n");
    if body.is_empty() && headline.is_empty() {
        return Ok(Vec::new());
    }
    Ok(vec![NewStory {
        headline,
        body,
        byline,
        dateline,
        origin: origin.to_owned(),
        format: StoryFormat::Plain,
        ..NewStory::default()
    }])
}

/// Groups lines into paragraphs at blank lines; hard-wrapped paragraphs are joined.
fn paragraphs(lines: &[&str]) -> Vec<String> {
    lines
        .split(|l| l.trim().is_empty())
        .filter(|p| !p.is_empty())
        .map(|p| {
            if is_hard_wrapped(p) {
                p.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ")
            } else {
                p.join("\n")
            }
        })
        .collect()
}

/// Whether a paragraph's line breaks come from a fixed line width: two lines or more, every
/// line but the last 55 to 80 characters long.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    match lines.split_last() {
        Some((_, init)) if !init.is_empty() => init
            .iter()
            .all(|l| (55..=80).contains(&l.trim_end().chars().count())),
        _ => false,
    }
}

/// A short line that does not end a sentence: at most twenty words, no final full stop.
pub(super) fn is_headline(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    (1..=HEADLINE_MAX_WORDS).contains(&words) && !line.ends_with(['.', ',', ';', ':'])
}

/// "By Jane Doe", "By Jane Doe, Reuters", "BY JANE DOE": short, no sentence.
pub(super) fn is_byline(line: &str) -> bool {
    let line = line.trim();
    let Some(rest) = line.get(..3).filter(|b| b.eq_ignore_ascii_case("by ")) else {
        return false;
    };
    let rest = line.get(rest.len()..).unwrap_or_default();
    rest.chars().next().is_some_and(char::is_uppercase)
        && rest.split_whitespace().count() <= 12
        && line.chars().count() <= 120
        && !line.ends_with('.')
}

/// The dateline a paragraph starts with, as written: "WASHINGTON, May 8 (Reuters) -",
/// "LONDON (AP) —", "Mumbai, Feb 8 (PTI)", "NEW DELHI:".
///
/// The shape is place, optional ", date", optional "(agency)", then a dash or a colon. To
/// keep sentences such as "He said: ..." out, the place must be all capitals unless an agency
/// in parentheses follows it, and an agency needs a dash or a date to count.
pub(super) fn dateline_of(paragraph: &str) -> Option<&str> {
    let window = paragraph
        .char_indices()
        .nth(100)
        .map_or(paragraph, |(i, _)| paragraph.get(..i).unwrap_or(paragraph));
    let place_end = first_of(window, &[",", "(", ":", " -", " \u{2013}", " \u{2014}"])?;
    let place = window.get(..place_end)?.trim();
    let place_words = place.split_whitespace().count();
    if !(1..=5).contains(&place_words)
        || !place
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        || !place
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'))
    {
        return None;
    }
    let all_caps = place.chars().all(|c| !c.is_lowercase());
    let mut rest = window.get(place_end..)?;
    let mut has_date = false;
    if let Some(after_comma) = rest.strip_prefix(',') {
        let date_end = first_of(after_comma, &["(", ":", " -", " \u{2013}", " \u{2014}"])?;
        let date = after_comma.get(..date_end)?.trim();
        rest = after_comma.get(date_end..)?;
        // A state or region ("N.C.") may stand where the date does, before an agency.
        has_date = date.bytes().any(|b| b.is_ascii_digit());
        let words = date.split_whitespace().count();
        if !(1..=4).contains(&words) || !(has_date || rest.starts_with('(')) {
            return None;
        }
    }
    let mut has_agency = false;
    let trimmed = rest.trim_start();
    if let Some(inner) = trimmed.strip_prefix('(') {
        let close = inner.find(')')?;
        let agency = inner.get(..close)?.trim();
        if agency.is_empty()
            || agency.chars().count() > 40
            || !agency.chars().next().is_some_and(char::is_uppercase)
        {
            return None;
        }
        has_agency = true;
        rest = inner.get(close + 1..)?;
    }
    let after = rest.trim_start();
    let dash = ["--", "-", "\u{2013}", "\u{2014}", ":"]
        .iter()
        .find(|d| after.starts_with(**d));
    let end = match dash {
        Some(d) => window.len() - after.len() + d.len(),
        None if has_agency && has_date => window.len() - rest.len(),
        None => return None,
    };
    if !(all_caps || has_agency) || (has_agency && dash.is_none() && !has_date) {
        return None;
    }
    // `after` and `rest` are suffixes of `window`, a prefix of `paragraph`.
    paragraph.get(..end).map(str::trim_end)
}

/// The byte offset of the first of `needles` in `text`.
fn first_of(text: &str, needles: &[&str]) -> Option<usize> {
    needles.iter().filter_map(|n| text.find(n)).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> NewStory {
        let mut stories = parse(text, "fixture.txt").unwrap();
        assert_eq!(stories.len(), 1, "a plain file holds one story");
        stories.remove(0)
    }

    #[test]
    fn headline_byline_and_paragraphs() {
        let story = one(
            "Otters Return to the Lune\nBy Jane Doe, Northern Wire\n\nOtters were seen on the \
             river.\n\nVolunteers counted six.\n",
        );
        assert_eq!(story.headline, "Otters Return to the Lune");
        assert_eq!(story.byline.as_deref(), Some("By Jane Doe, Northern Wire"));
        assert_eq!(
            story.body,
            "Otters were seen on the river.\n\nVolunteers counted six."
        );
        assert_eq!(story.format, StoryFormat::Plain);
        assert_eq!(story.origin, "fixture.txt");
        assert_eq!(
            story.agency, None,
            "agency comes from the credit module, not here"
        );
    }

    #[test]
    fn a_sentence_or_a_lone_line_is_not_a_headline() {
        assert_eq!(
            one("The mayor resigned today.\n\nMore follows.").headline,
            ""
        );
        let lone = one("Short line only");
        assert_eq!(lone.headline, "", "a headline needs text after it");
        assert_eq!(lone.body, "Short line only");
        let long = (0..25).map(|_| "word").collect::<Vec<_>>().join(" ");
        assert_eq!(
            one(&format!("{long}\n\nBody.")).headline,
            "",
            "too many words"
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined_others_kept() {
        let wrapped = "The harbour board met on Tuesday evening to discuss the new\n\
                       moorings, which fishermen say are too far from the slipway\n\
                       to be of use.";
        let story = one(wrapped);
        assert_eq!(
            story.headline, "",
            "the first line of a wrapped paragraph is not a title"
        );
        assert!(
            story.body.starts_with(
                "The harbour board met on Tuesday evening to discuss \
                 the new moorings, which"
            ),
            "wrapped lines are joined: {}",
            story.body
        );
        let poem = one("Title\n\nRoses are red\nViolets are blue");
        assert_eq!(
            poem.body, "Roses are red\nViolets are blue",
            "short lines kept as written"
        );
    }

    #[test]
    fn datelines_are_copied_and_kept_in_the_body() {
        let cases = [
            (
                "WASHINGTON, May 8 (Reuters) - Senators met.",
                "WASHINGTON, May 8 (Reuters) -",
            ),
            ("LONDON (AP) \u{2014} Rain fell.", "LONDON (AP) \u{2014}"),
            ("Mumbai, Feb 8 (PTI) Police said.", "Mumbai, Feb 8 (PTI)"),
            ("NEW DELHI: The minister spoke.", "NEW DELHI:"),
            (
                "WINSTON-SALEM, N.C. (AP) -- Fog.",
                "WINSTON-SALEM, N.C. (AP) --",
            ),
        ];
        for (para, dateline) in cases {
            let story = one(&format!("A Headline\n\n{para}\n\nSecond."));
            assert_eq!(story.dateline.as_deref(), Some(dateline), "in {para:?}");
            assert!(story.body.starts_with(para), "the body keeps the dateline");
        }
    }

    #[test]
    fn sentences_are_not_datelines() {
        for para in [
            "He said: the plan works.",
            "The Prime Minister (PM) said it was fine.",
            "Police, who arrived at 9, left.",
            "Rain - heavy rain - fell.",
        ] {
            assert_eq!(dateline_of(para), None, "{para:?} is a sentence");
        }
    }

    #[test]
    fn bylines_are_recognized() {
        assert!(is_byline("By Jane Doe"));
        assert!(is_byline("BY JANE DOE, Reuters"));
        assert!(!is_byline("By the end of the day, nobody had come."));
        assert!(!is_byline("Bystanders watched"));
    }
}
