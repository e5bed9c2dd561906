//! Credit lines: a line near the start or end of the article that is only the credit,
//! "Reuters", "Source: AFP", "© AP", "-- IANS", "Copyright Thomson Reuters 2026", or the
//! credit with the place or time of the story after a bar, "Reuters | Seoul",
//! "Xinhua | Updated: 2024-05-02 10:41"; and the agency opening the headline, "Reuters:
//! Nordhavn confirms talks to buy Oosterwal".

use super::agencies::is_corporate_suffix;
use super::mention::{
    Doc, EDGE_LINES, Group, Line, MAX_CREDIT_LINE_BYTES, Span, alnum_words, desk_initials, in_list,
    starts_with_copyright,
};

/// Words that may stand beside the agency on a credit line.
#[rustfmt::skip]
const CREDIT_LINE_WORDS: &[&str] = &[
    "source", "sources", "copyright", "c", "and", "the", "agencies", "agency", "staff", "wire",
    "wires", "news", "all", "rights", "reserved",
    // A byline between bars, "Tuesday 3 March 2026 | By PA Media reporter" (its "By" is
    // read by `parts_with_place_or_time`); a release's source, "Source: Tidewater Robotics
    // (company press release)".
    "reporter", "reporters", "correspondent", "writer", "company", "press", "release",
];

/// Words of a time stamp after a bar: "Updated: 2024-05-02 10:41 IST", "Published May 2".
#[rustfmt::skip]
const STAMP_WORDS: &[&str] = &[
    "updated", "published", "posted", "last", "first", "on", "at", "am", "pm", "hrs", "ist",
    "gmt", "utc", "et", "est", "edt", "bst", "cet", "cest", "kst", "jst", "hkt", "sgt", "aest",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
];
/// Lower-case words inside a place name ("Rio de Janeiro").
const PLACE_LOWER: &[&str] = &["de", "del", "la", "el", "al", "upon", "am", "sur", "of"];

/// Whether line `li` is a credit line crediting every agency on it.
pub(super) fn is_credit_line(doc: &Doc, li: usize) -> bool {
    let line = without_rights_notice(doc, doc.line(li));
    if !doc.starts_paragraph(li) || line.end - line.start > MAX_CREDIT_LINE_BYTES {
        return false;
    }
    let line = after_label(doc, line)
        .or_else(|| after_stamp(doc, line))
        .unwrap_or(line);
    if !doc.near_edge(li) {
        // A live blog's entry or a compilation's item credited on a line of its own after
        // its last paragraph, before the next entry's time or heading: "Source: Reuters",
        // "\u{2014} Kyodo". Under a chart or a table the line before is a short row or a
        // caption, and the story goes on after it.
        if labelled_credit(doc, line) && doc.follows_paragraph(li) && doc.precedes_heading(li) {
            return true;
        }
        // Below a standfirst, only the byline's shape: the agency with the story's time
        // ("IANS | Updated: May 5, 2026 10:41 IST"); a bare "Source: Reuters" there is a
        // chart's or a table's.
        return doc.just_after_story_start(li)
            && (with_place_or_time(doc, line) || with_stamp(doc, line))
            && alnum_words(doc.slice(line.start, line.end))
                .any(|w| w.chars().any(|c| c.is_ascii_digit()));
    }
    only_credit(doc, line)
        || with_place_or_time(doc, line)
        || with_stamp(doc, line)
        || with_initials(doc, li, line)
}

/// The line up to a copyright's rights notice: "Copyright 2026 The Associated Press. All rights
/// reserved. This material may not be published, broadcast, rewritten or redistributed.", "©
/// EFE 2026. All rights reserved. Reproduction … without the prior written consent of EFE is
/// prohibited."
fn without_rights_notice(doc: &Doc, line: Line) -> Line {
    let text = doc.slice(line.start, line.end);
    if !starts_with_copyright(text) || text.len() > 3 * MAX_CREDIT_LINE_BYTES {
        return line;
    }
    let lower = text.to_ascii_lowercase();
    const NOTICE: &[&str] = &[
        "may not be",
        "prohibited",
        "without permission",
        "without the prior",
    ];
    match lower.find("reserved.") {
        Some(at) if NOTICE.iter().any(|n| lower[at..].contains(n)) => Line {
            start: line.start,
            end: line.start + at + "reserved.".len(),
        },
        _ => line,
    }
}

/// Longest headline read as opening with its credit, in bytes.
const MAX_HEADLINE_BYTES: usize = 160;

/// The agency and its colon opening the headline, the text's first line: "Reuters: Nordhavn
/// confirms talks to buy Oosterwal", as a markets site titles the wire's story. The headline
/// names its source the way a credit line does; in a sentence ("Reuters: a spokesman said")
/// or after the first line it is not read.
pub(super) fn headline_prefix(doc: &Doc, g: &Group) -> Option<Span> {
    let line = doc.line(g.line);
    let text = doc.slice(line.start, line.end);
    let rest = doc.slice(g.end, line.end).strip_prefix(": ")?;
    let headline = g.line == 0
        && g.start == line.start
        && text.len() <= MAX_HEADLINE_BYTES
        && rest.starts_with(char::is_uppercase)
        && !text.ends_with(['.', '!', '?']);
    headline.then_some((g.start, g.end + 1))
}

/// The line from its credit on, when a time stamp opens it: "4 April 2024 Source: Xinhua",
/// a page's date and source set side by side under the headline.
fn after_stamp(doc: &Doc, line: Line) -> Option<Line> {
    let first = doc.mentions_on(line).first()?;
    let before = doc.slice(line.start, first.start);
    let lower = before.to_ascii_lowercase();
    let credit_at = lower.rfind("source").unwrap_or(before.len());
    let stamp = &before[..credit_at];
    (!stamp.trim().is_empty() && is_time_stamp(stamp)).then_some(Line {
        start: line.start + credit_at,
        end: line.end,
    })
}

/// Whether the credit line says it is one: a "Source:" label or a dash before the agency,
/// nothing else but credit words.
fn labelled_credit(doc: &Doc, line: Line) -> bool {
    let text = doc.slice(line.start, line.end).trim_start();
    let labelled = text
        .get(..7)
        .is_some_and(|head| head.eq_ignore_ascii_case("source:"))
        || text.starts_with(['\u{2014}', '\u{2013}'])
        || text.starts_with("--");
    labelled && only_credit(doc, line)
}

/// The agencies, [`CREDIT_LINE_WORDS`] and corporate suffixes ("Ltd", "Corp.") only. Numbers only as a copyright year or two, so
/// a table row that happens to contain "AA" is not a credit.
fn only_credit(doc: &Doc, line: Line) -> bool {
    let words = doc.residual_words(line);
    let is_year = |w: &&str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
    words.iter().filter(|w| is_year(w)).count() <= 2
        && words
            .iter()
            .all(|w| in_list(CREDIT_LINE_WORDS, w) || is_corporate_suffix(w) || is_year(w))
}

/// "Reuters | Seoul", "ANI | New Delhi", "Xinhua | Updated: 2024-05-02 10:41": one part
/// between bars holds the agencies and nothing but credit words, every other part is a place
/// or a time stamp.
fn with_place_or_time(doc: &Doc, line: Line) -> bool {
    let text = doc.slice(line.start, line.end);
    SEPARATORS
        .iter()
        .any(|sep| text.contains(sep) && parts_with_place_or_time(doc, line, sep))
}

/// What stands between a credit and its place or time: "Reuters | Seoul", "AFP \u{2022} Paris",
/// "Reuters / Seoul", "Reuters, Seoul".
const SEPARATORS: &[&str] = &["|", "\u{2022}", "\u{b7}", " / ", ",", ";"];

fn parts_with_place_or_time(doc: &Doc, line: Line, separator: &str) -> bool {
    let text = doc.slice(line.start, line.end);
    let mut credit_parts = 0;
    let mut at = line.start;
    for part in text.split(separator) {
        let mut span = Line {
            start: at,
            end: at + part.len(),
        };
        at = span.end + separator.len();
        // A byline between the bars: "By PA Media reporter"; the agency the site's staff
        // wrote with: "PortsWatch staff, with Reuters".
        let lead = part.len() - part.trim_start().len();
        for opening in ["by ", "with "] {
            if part
                .trim_start()
                .get(..opening.len())
                .is_some_and(|o| o.eq_ignore_ascii_case(opening))
            {
                span.start += lead + opening.len();
            }
        }
        let has_mention = doc
            .mentions_on(span)
            .iter()
            .any(|m| span.start <= m.start && m.end <= span.end);
        if has_mention {
            credit_parts += 1;
            if !only_credit(doc, span) && !with_stamp(doc, span) {
                return false;
            }
        } else if !is_place(part)
            && !is_time_stamp(part)
            && !is_reading_time(part)
            && !is_time_ago(part)
            && !is_staff_name(part)
            && !is_site_staff(part)
            && !is_stamp_then_staff(part)
        {
            return false;
        }
    }
    credit_parts > 0
}

/// The credit with a time stamp after it and no bar: "Reuters Published May 2, 2024",
/// "AFP Updated: 10:41 IST", "Reuters May 2, 2026" (an agency and a date in spans of their
/// own).
fn with_stamp(doc: &Doc, line: Line) -> bool {
    let Some(last) = doc.mentions_on(line).last() else {
        return false;
    };
    let stamp = doc.slice(last.end, line.end);
    // A stamp opens with its word ("Published", "Updated", a month) or with the day before
    // its month: "Reuters 12 March 2024 17:05".
    let mut words = alnum_words(stamp);
    let opens = words.next().is_some_and(|w| {
        in_list(STAMP_WORDS, w)
            || w.chars().all(|c| c.is_ascii_digit())
                && words.next().is_some_and(|m| in_list(STAMP_WORDS, m))
    });
    let credit = Line {
        start: line.start,
        end: last.end,
    };
    opens && is_time_stamp(stamp) && only_credit(doc, credit)
}

/// The credit ending the article with the initials of the desk that handled it, as Indian
/// agencies sign off: "PTI ABC DEF", "IANS ab/kvd" ([`desk_initials`]).
fn with_initials(doc: &Doc, li: usize, line: Line) -> bool {
    if li + EDGE_LINES < doc.lines.len() && !doc.near_end(li) {
        return false;
    }
    let [m] = doc.mentions_on(line) else {
        return false;
    };
    let head = Line {
        start: line.start,
        end: m.end,
    };
    let tail = doc.slice(m.end, line.end);
    // dpa's desk codes after a slash: "dpa/vk", "dpa/lno/xyz".
    let slashed = tail.trim_end().strip_prefix('/').is_some_and(|codes| {
        codes
            .split('/')
            .all(|c| (2..=4).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_lowercase()))
    });
    (desk_initials(tail) || slashed) && only_credit(doc, head)
}

/// What may open a credit line before the agency, as a label: "Photo and text: Xinhua",
/// "Courtesy: PR Newswire", "Issued by: Ministry for Primary Industries".
#[rustfmt::skip]
const LABELS: &[&str] = &[
    "photo and text:", "photos and text:", "text and photo:", "text and photos:", "text:",
    "words:", "courtesy:", "courtesy of", "courtesy", "issued by:", "issued by", "released by:",
];

/// The line after a label of [`LABELS`], if it opens with one.
fn after_label(doc: &Doc, line: Line) -> Option<Line> {
    let text = doc.slice(line.start, line.end);
    LABELS.iter().find_map(|label| {
        let head = text.get(..label.len())?;
        let rest = text.get(label.len()..)?;
        (head.eq_ignore_ascii_case(label) && rest.starts_with(char::is_whitespace)).then(|| Line {
            start: line.start + label.len(),
            end: line.end,
        })
    })
}

/// One to four capitalized words: "Seoul", "New Delhi", "Rio de Janeiro"; not a byline's
/// "By Jane Doe".
fn is_place(part: &str) -> bool {
    let words: Vec<&str> = part
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
                && (w.chars().next().is_some_and(char::is_uppercase) || in_list(PLACE_LOWER, w))
                && !w.eq_ignore_ascii_case("by")
        })
}

/// A date or time: words of [`STAMP_WORDS`] and numbers, with a number and either a stamp
/// word, a year or a number shaped like a date or a time ("2024-05-02", "10:41"), so that a
/// table cell ("12") is not one.
/// A page's reading-time note beside its byline: "3 min read", "2 mins read", "5-minute read",
/// "Read time: 4 minutes".
fn is_reading_time(part: &str) -> bool {
    let words: Vec<String> = alnum_words(part).map(str::to_lowercase).collect();
    let minutes = |w: &str| matches!(w, "min" | "mins" | "minute" | "minutes");
    (2..=4).contains(&words.len())
        && words
            .iter()
            .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
            .count()
            == 1
        && words.iter().any(|w| minutes(w))
        && words.iter().any(|w| w == "read")
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || minutes(w)
                || matches!(w.as_str(), "read" | "time")
        })
}

/// Words that end a site's own staff credit beside the agency's: "PortsWatch staff".
const SITE_STAFF: &[&str] = &["staff", "reporters", "desk", "team", "newsroom"];

/// Whether a part is the site's own staff, "PortsWatch staff", "Web Desk": up to three
/// capitalized words and a staff word.
fn is_site_staff(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    match words.split_last() {
        Some((last, names)) => {
            in_list(SITE_STAFF, last)
                && names.len() <= 3
                && names.iter().all(|w| w.starts_with(char::is_uppercase))
        }
        None => false,
    }
}

/// A time stamp and then the staff who handled the story, in one part: "Updated: 2024-03-02
/// 21:14 Editor: Zhou Lan".
fn is_stamp_then_staff(part: &str) -> bool {
    let lower = part.to_ascii_lowercase();
    STAFF_LABELS.iter().any(|label| {
        lower
            .find(label)
            .is_some_and(|at| at > 0 && is_time_stamp(&part[..at]) && is_staff_name(&part[at..]))
    })
}

/// Labels before the names of the staff who handled a story: "Editor: Zhou Lan".
const STAFF_LABELS: &[&str] = &[
    "editor:",
    "editors:",
    "edited by",
    "edited by:",
    "reporter:",
    "writer:",
    "author:",
    "translator:",
    "translated by",
    "compiled by",
];

/// The page's editor or writer beside the source: "Editor: Li Wen", "Edited by Ana Ruiz",
/// "Reporter: Kim Ji-woo": a label, then one to four capitalized words.
fn is_staff_name(part: &str) -> bool {
    let part = part.trim();
    STAFF_LABELS.iter().any(|label| {
        part.get(..label.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(label))
            && part
                .get(label.len()..)
                .is_some_and(|name| name.starts_with(char::is_whitespace) && is_place(name))
    })
}

/// An aggregator's age of the story beside its source: "2h ago", "35 mins ago", "1 day ago",
/// "Just now", "Yesterday".
fn is_time_ago(part: &str) -> bool {
    let words: Vec<String> = alnum_words(part).map(str::to_lowercase).collect();
    const UNITS: &[&str] = &[
        "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes", "h",
        "hr", "hrs", "hour", "hours", "d", "day", "days", "w", "wk", "week", "weeks",
    ];
    let unit = |w: &str| UNITS.contains(&w);
    let count = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    // "2h" as one word: digits, then a unit.
    let glued = |w: &str| {
        let digits = w.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && unit(&w[digits..])
    };
    match words
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["just", "now"] | ["yesterday"] | ["today"] => true,
        ["an" | "a", u, "ago"] => unit(u),
        [n, "ago"] => glued(n),
        [n, u, "ago"] => count(n) && unit(u),
        _ => false,
    }
}

fn is_time_stamp(part: &str) -> bool {
    let is_number = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    let words: Vec<&str> = alnum_words(part).collect();
    let chars: Vec<char> = part.chars().collect();
    let shaped = chars.windows(3).any(|w| {
        w[0].is_ascii_digit() && matches!(w[1], ':' | '-' | '/' | '.') && w[2].is_ascii_digit()
    });
    let year = words
        .iter()
        .any(|w| w.len() == 4 && is_number(w) && (w.starts_with("19") || w.starts_with("20")));
    !words.is_empty()
        && words.iter().any(|w| is_number(w))
        && words
            .iter()
            .all(|w| is_number(w) || in_list(STAMP_WORDS, w))
        && (shaped || year || words.iter().any(|w| in_list(STAMP_WORDS, w)))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn a_page_s_credit_beside_its_date_or_its_staff() {
        let (agency, kind, got) = one(&paras(&[
            "Lowmere opens a footbridge over the river",
            "4 April 2024 Source: Xinhua",
            P1,
            P2,
        ]));
        assert_eq!(
            (agency.as_str(), kind, got.as_str()),
            ("Xinhua", "credit_line", "4 April 2024 Source: Xinhua")
        );
        for (line, phrase) in [
            (
                "PortsWatch staff, with Reuters 12 March 2024 17:05",
                "PortsWatch staff, with Reuters 12 March 2024 17:05",
            ),
            (
                "PortsWatch staff, with Reuters",
                "PortsWatch staff, with Reuters",
            ),
        ] {
            let text = paras(&[
                "Lowmere opens a footbridge over the river",
                line,
                P1,
                P2,
                P3,
            ]);
            let (agency, kind, got) = one(&text);
            assert_eq!(
                (agency.as_str(), kind),
                ("Reuters", "credit_line"),
                "{line}"
            );
            assert_eq!(got, phrase, "{line}");
        }
        let line = "Edited by: Staff; Source: ANI";
        let text = paras(&["Snow shuts the Lowmere highway", line, P1, P2]);
        assert_credit(&text, "ANI", "credit_line", line);
        assert_none(&paras(&[
            "Snow shuts the Lowmere highway",
            "Edited by: Staff; photographs by Ada Quill",
            P1,
            P2,
        ]));
        let line = "Xinhua | Updated: 2024-03-02 21:14 Editor: Zhou Lan";
        let text = paras(&["Floods kill 27 in Lowmere", line, P1, P2, P3]);
        assert_credit(&text, "Xinhua", "credit_line", line);
        for line in [
            "4 April 2024",
            "PortsWatch staff",
            "Lowmere staff, with the mayor",
        ] {
            assert_none(&paras(&[
                "Lowmere opens a footbridge over the river",
                line,
                P1,
                P2,
            ]));
        }
    }

    #[test]
    fn the_agency_opening_the_headline() {
        let text = paras(&[
            "Reuters: Nordhavn confirms talks to buy Oosterwal",
            P1,
            P2,
            P3,
        ]);
        assert_credit(&text, "Reuters", "credit_line", "Reuters:");
        for not_headline in [
            paras(&[
                "Reuters: a spokesman for the council said the bridge was safe",
                P1,
                P2,
            ]),
            paras(&[
                P1,
                "Reuters: Nordhavn confirms talks to buy Oosterwal",
                P2,
                P3,
                P1,
                P2,
            ]),
            paras(&["Reuters: Nordhavn confirms talks to buy Oosterwal.", P1, P2]),
        ] {
            assert_none(&not_headline);
        }
    }

    #[test]
    fn a_bracketed_credit_on_its_own_line_under_the_headline() {
        let text = format!(
            "Penang to build a tunnel to tackle floods in the town\n(Bernama)\n\n{}",
            paras(&[P1, P2, P3])
        );
        assert_credit(&text, "Bernama", "credit_line", "(Bernama)");
        // The same name closing a wrapped sentence in the middle of the text is not a line.
        assert_none(&amid(
            "The council will take the tunnel plan to the state\ngovernment (Bernama) first",
        ));
    }

    #[test]
    fn an_entry_credited_on_its_own_line_in_the_middle_of_a_live_blog() {
        let entry = ["17:41", ENTRY, "Source: Reuters", "17:12"];
        let blog = paras(&[&SIX[..], &entry, &SIX].concat());
        assert_credit(&blog, "Reuters", "credit_line", "Source: Reuters");
        // Under a chart or a table the line before is a caption or a row, not a paragraph.
        for before in ["Chart: votes by region", "North 41% South 38%"] {
            assert_none(&paras(
                &[&SIX[..], &[before, "Source: Reuters"], &SIX].concat(),
            ));
        }
    }

    #[test]
    fn credit_lines_at_start_or_end() {
        let cases = [
            ("Reuters", "Reuters"),
            ("REUTERS", "Reuters"),
            ("\u{2014} AFP", "AFP"),
            ("-- IANS", "IANS"),
            ("(AP)", "AP"),
            ("Source: Reuters", "Reuters"),
            ("Copyright Thomson Reuters 2026", "Reuters"),
            ("\u{a9} AFP", "AFP"),
            ("(c) 2026 The Associated Press. All rights reserved.", "AP"),
            ("Reuters/Agencies", "Reuters"),
            ("Bernama", "Bernama"),
            ("- Press Association", "PA"),
        ];
        for (line, agency) in cases {
            for text in [paras(&[P1, P2, P3, line]), paras(&[line, P1, P2, P3])] {
                assert_credit(&text, agency, "credit_line", line);
            }
        }
    }

    #[test]
    fn credit_line_with_a_place_or_a_time_above_the_text() {
        for (line, agency) in [
            ("Reuters | Seoul", "Reuters"),
            ("ANI | New Delhi", "ANI"),
            ("Xinhua | Updated: 2024-05-02 10:41", "Xinhua"),
            (
                "Yonhap News Agency | Seoul | May 2, 2024 10:41 KST",
                "Yonhap",
            ),
            ("Seoul | Reuters", "Reuters"),
            ("reuters\u{a0}|\u{a0}Seoul", "Reuters"),
            ("Source: Yonhap News Agency", "Yonhap"),
            ("Source: Yonhap News Agency \u{b7} 2h ago", "Yonhap"),
            // A page's byline element read with its date: "Source: PR Newswire Nov 19, 2026".
            ("Reuters Nov 19, 2026", "Reuters"),
            ("Source: AFP Sept. 4, 2026", "AFP"),
            ("AFP | 35 mins ago", "AFP"),
            (
                "Editor: Li Wen | Source: Xinhua | 2026-10-20 11:26:08",
                "Xinhua",
            ),
            ("Reuters \u{2022} an hour ago", "Reuters"),
            ("Reuters, Seoul", "Reuters"),
            ("Reuters / Seoul", "Reuters"),
            ("AFP \u{2022} Paris", "AFP"),
            ("AFP, May 2, 2024", "AFP"),
            ("Reuters Published May 2, 2024", "Reuters"),
            ("AFP Updated: 2024-05-02 10:41 CET", "AFP"),
            ("Reuters May 2, 2026", "Reuters"),
        ] {
            let text = paras(&["Corven yard wins navy order", line, P1, P2, P3, P1, P2]);
            assert_credit(&text, agency, "credit_line", line);
        }
        let both = paras(&["Corven yard wins navy order", "Reuters | AFP", P1, P2, P3]);
        let agencies: Vec<String> = found(&both).into_iter().map(|(a, _, _)| a).collect();
        assert_eq!(agencies, ["Reuters", "AFP"], "each agency between bars");
    }

    /// A saved page's menu: a dozen short lines above the story.
    const MENU: &[&str] = &[
        "Global Edition",
        "Mobile | Newsletter | Login",
        "HOME",
        "CHINA",
        "WORLD",
        "BUSINESS",
        "CULTURE",
        "TRAVEL",
        "SPORTS",
        "OPINION",
        "Home / China / Society",
    ];
    /// Paragraphs long enough to be the story's own ([`super::super::mention`]'s story lines).
    const LONG: &[&str] = &[
        "The fictional town of Lowmere opened a footbridge over the river on Tuesday after nearly a \
         decade of delays, officials said, linking the market square to the railway station.",
        "The mayor, Ada Quill, said the bridge would carry about two thousand walkers a day and \
         would cut the walk from the station to the square from twenty minutes to five.",
        "Engineers had to rebuild both abutments after floods in the spring washed away the \
         temporary piers, adding four months and about a million crowns to the cost of the work.",
    ];
    /// A newsletter box and comment prompt below the story.
    const SIGN_UP: &[&str] = &[
        "Lowmere Notes tracks the town's roads and bridges. See all our coverage.",
        "Sign up for Lowmere Notes",
        "One email a week on the town's streets. No spam.",
        "Enter your email",
        "Subscribe",
        "Join the discussion and become a member to comment.",
    ];

    #[test]
    fn credit_lines_next_to_the_story_on_a_saved_page() {
        let above = [
            MENU,
            &[
                "Lowmere opens its footbridge",
                "Xinhua | Updated: 2026-05-02 10:41",
            ],
            LONG,
            LONG,
            SIGN_UP,
        ]
        .concat();
        assert_credit(
            &paras(&above),
            "Xinhua",
            "credit_line",
            "Xinhua | Updated: 2026-05-02 10:41",
        );
        let below = [
            MENU,
            &["Lowmere opens its footbridge"],
            LONG,
            LONG,
            &["Source: Yonhap News Agency"],
            SIGN_UP,
        ]
        .concat();
        assert_credit(
            &paras(&below),
            "Yonhap",
            "credit_line",
            "Source: Yonhap News Agency",
        );
        // Inside the story, between its paragraphs, the same line is not a credit line.
        let inside = [
            MENU,
            &["Lowmere opens its footbridge"],
            LONG,
            &["Source: Yonhap News Agency"],
            LONG,
            LONG,
            SIGN_UP,
        ]
        .concat();
        let got = found(&paras(&inside));
        assert!(
            got.iter().all(|(_, kind, _)| *kind != "credit_line"),
            "{got:?}"
        );
    }

    #[test]
    fn a_byline_with_its_time_below_a_long_standfirst() {
        let standfirst = "The Bengaluru-based lender says it will use the money to expand merchant lending into small towns and apply for a licence.";
        for (line, agency) in [
            ("IANS | Updated: May 5, 2026 10:41 IST", "IANS"),
            ("Reuters | May 05, 2026 | 3 min read", "Reuters"),
        ] {
            let page = [
                MENU,
                &[
                    "Lowmere lender raises funds",
                    standfirst,
                    line,
                    "The founders (File photo)",
                ],
                LONG,
                LONG,
                LONG,
                SIGN_UP,
            ]
            .concat();
            assert_credit(&paras(&page), agency, "credit_line", line);
        }
        // A bare source line there is a chart's.
        let chart = [
            MENU,
            &["Lowmere lender raises funds", standfirst, "Source: Reuters"],
            LONG,
            LONG,
            LONG,
            SIGN_UP,
        ]
        .concat();
        let got = found(&paras(&chart));
        assert!(
            got.iter().all(|(_, kind, _)| *kind != "credit_line"),
            "{got:?}"
        );
    }

    #[test]
    fn a_byline_or_a_release_s_source_with_its_words() {
        for (line, agency) in [
            ("Tuesday 3 March 2026 | By PA Media reporter", "PA"),
            (
                "Source: Business Wire (company press release)",
                "Business Wire",
            ),
        ] {
            let text = paras(&["Lowmere opens its footbridge", line, P1, P2, P3, P1, P2, P3]);
            assert_credit(&text, agency, "credit_line", line);
        }
    }

    #[test]
    fn labelled_credit_lines_and_desk_codes() {
        for (line, agency) in [
            ("Photo and text: Xinhua", "Xinhua"),
            ("Courtesy: PR Newswire", "PR Newswire"),
            (
                "Issued by: Business Wire \u{b7} 8 May 2026",
                "Business Wire",
            ),
            ("dpa/vk", "dpa"),
        ] {
            let text = paras(&[P1, P2, P3, P1, P2, P3, line]);
            assert_credit(&text, agency, "credit_line", line);
        }
        // A picture's credit is still no credit of the text.
        assert_none(&paras(&[P1, P2, P3, P1, P2, P3, "Photo: Xinhua"]));
    }

    #[test]
    fn reading_time_beside_the_credit() {
        assert!(super::is_reading_time("3 min read"));
        assert!(super::is_reading_time(" 5 minutes read "));
        assert!(super::is_reading_time("Read time: 4 min"));
        assert!(!super::is_reading_time("read 3 reports"));
        assert!(!super::is_reading_time("3 min"));
    }

    #[test]
    fn bar_lines_that_are_not_a_place_or_a_time_are_not_credit_lines() {
        for line in [
            "Reuters | the yard said it would hire more welders",
            "AP | 12 | 14 | 16",
            "Reuters | Ipsos poll",
            "Reuters, the yard said",
            "AP, 12, 14",
            "Reuters Published a report on the yard",
            "Editor: the yard | Source: Reuters",
            "Reuters | 5 years of talks ago",
            "Reuters May be wrong about the yard",
            "AP 12 14",
        ] {
            let text = paras(&["Corven yard wins navy order", line, P1, P2, P3, P1, P2]);
            let got = found(&text);
            assert!(
                got.iter().all(|(_, kind, _)| *kind != "credit_line"),
                "{line:?} is not a credit line: {got:?}"
            );
        }
    }

    #[test]
    fn copyright_with_its_rights_notice() {
        let line = "Copyright \u{a9} 2026 The Associated Press. All rights reserved. This material \
                    may not be published, broadcast, rewritten or redistributed without permission.";
        let text = paras(&[P1, P2, P3, line]);
        assert_credit(&text, "AP", "credit_line", line);
        let line = "\u{a9} EFE 2026. All rights reserved. Redistribution, retransmission or \
                    reproduction of this content without the prior written consent of EFE is \
                    prohibited.";
        let got = found(&paras(&[P1, P2, P3, line]));
        assert!(
            !got.is_empty()
                && got
                    .iter()
                    .all(|(a, k, p)| (a.as_str(), *k, p.as_str()) == ("EFE", "credit_line", line)),
            "{got:?}"
        );
        // A sentence after the copyright that is no rights notice keeps the line long.
        let other = "Copyright 2026 The Associated Press. All rights reserved. The yard's new \
                     order was first reported by the Corven Gazette, which said the navy would \
                     announce it on Friday.";
        assert_none(&paras(&[P1, P2, P3, other]));
    }

    #[test]
    fn sign_off_with_the_desk_initials() {
        for (line, agency) in [
            ("PTI ABC DEF", "PTI"),
            ("PTI XYZ ABC KVK", "PTI"),
            ("IANS ab/kvd", "IANS"),
        ] {
            assert_credit(&paras(&[P1, P2, P3, line]), agency, "credit_line", line);
        }
        // Not at the end, or not initials: a headline, a lone acronym.
        let middle = amid("PTI ABC DEF");
        assert_none(&middle);
        assert_none(&paras(&[P1, P2, P3, "PTI Chairman Visits Yard"]));
        assert_none(&paras(&[P1, P2, P3, "AFP ABCDEF"]));
    }

    #[test]
    fn credit_line_after_a_donation_banner() {
        let text = paras(&[P1, P2, P3, P1, P2, P3, BANNER, "Reuters"]);
        assert_credit(&text, "Reuters", "credit_line", "Reuters");
    }

    #[test]
    fn credit_line_before_trailing_boilerplate_and_with_control_bytes() {
        let text = format!("{P1}\n{P2}\n{P3}\n\u{19}Kyodo\n\n{BANNER}\nShare this story\n");
        assert_credit(&text, "Kyodo", "credit_line", "Kyodo");
        let wire = format!("{P1}\n{P2}\n Reuter\n\u{3}");
        assert_credit(&wire, "Reuters", "credit_line", "Reuter");
    }

    #[test]
    fn credit_line_with_two_agencies_credits_both() {
        let text = paras(&[P1, P2, P3, "AFP and Reuters"]);
        let got = found(&text);
        let agencies: Vec<&str> = got.iter().map(|(a, _, _)| a.as_str()).collect();
        assert_eq!(
            agencies,
            vec!["AFP", "Reuters"],
            "each agency credited separately"
        );
    }

    #[test]
    fn lone_agency_line_inside_the_body_or_a_wrapped_sentence_is_not_a_credit_line() {
        let middle = paras(&[P1, P2, P3, P1, P2, P3, "Reuters", P1, P2, P3, P1, P2, P3]);
        assert_none(&middle);
        let wrapped = format!(
            "{P1}\nThe mayor gave the figures in a long interview she granted to\nReuters."
        );
        assert_none(&wrapped);
    }

    #[test]
    fn table_row_with_an_acronym_is_not_a_credit_line() {
        assert_none(&paras(&[
            P1,
            P2,
            P3,
            "C 1750 2239 (1720 2282)  AA 2200 2650",
        ]));
        assert_none(&paras(&[P1, P2, P3, "AP 12 14 16"]));
    }
}
