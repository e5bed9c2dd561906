//! The article's own date, read from its text where it is unambiguous.
//!
//! Only places where a page or a release states when it was written count:
//!
//! - a **dateline** at the start of one of the first lines: `DENVER--(BUSINESS WIRE)--Mar. 4,
//!   2019--`, `NEW YORK, March 4, 2019 /PRNewswire/ --`, `OSLO, May 04, 2024 (GLOBE NEWSWIRE) --`;
//! - a **header line** near the top that holds nothing but a date (a weekday and a time may go
//!   with it), a **byline** with a date (`By Mara Quill | 4 May 2024`), or a line of page
//!   metadata split by `|` or `·`;
//! - a **label** in the first or the last lines: `Updated: 2024-05-02 10:41`, `Published on 4
//!   May 2024`, `Posted on May 4, 2024`, `This article was originally published on ...`.
//!
//! A date in the story's narration ("the plant opened on March 4, 2019"), inside a quotation,
//! without a year ("Jan. 5", "last Tuesday") or whose day and month could be swapped
//! (`04/05/2024`) is never read. When several dates are read, the latest wins: the text as
//! given existed at its last update, and a later bound never hides a true source.

use std::fmt;

/// Lines from the top where datelines, header lines and labels are looked for.
const HEAD_LINES: usize = 5;
/// A line of at least this many words that ends a sentence is prose: the first one ends the
/// top. Headlines may be as long, but do not end with a full stop.
const PROSE_WORDS: usize = 15;
/// A line of at least this many words is prose however it ends.
const LONG_PROSE_WORDS: usize = 40;
/// Lines from the bottom where labels are looked for.
const TAIL_LINES: usize = 3;
/// A dateline's date starts within this many bytes of its line's start.
const DATELINE_REACH: usize = 100;
/// A header or byline line has at most this many words besides its date.
const HEADER_WORDS: usize = 12;

/// A date (and maybe a time of day) read from a text. Time zones are not kept: dates are
/// compared as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// The year, 1900..=2099.
    pub year: u16,
    /// The month, 1..=12.
    pub month: u8,
    /// The day of the month.
    pub day: u8,
    /// Hours and minutes, and seconds when written, on a 24-hour clock.
    pub time: Option<Clock>,
}

/// A time of day: hours, minutes, and seconds when written.
pub type Clock = (u8, u8, Option<u8>);

impl Date {
    /// The day, `YYYY-MM-DD`.
    pub fn day_iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The next day (no time of day): `2026-05-31` → `2026-06-01`, `2024-02-28` → `2024-02-29`.
    pub fn next_day(&self) -> Date {
        let leap = self.year.is_multiple_of(4)
            && (!self.year.is_multiple_of(100) || self.year.is_multiple_of(400));
        let days = match self.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        let (year, month, day) = if self.day < days {
            (self.year, self.month, self.day + 1)
        } else if self.month < 12 {
            (self.year, self.month + 1, 1)
        } else {
            (self.year + 1, 1, 1)
        };
        Date {
            year,
            month,
            day,
            time: None,
        }
    }

    /// Parses the `YYYY-MM-DD` start of an ISO 8601 date or time (`2019-03-04T10:00:00Z`), as
    /// stored for a story's publication; `None` when it does not start so.
    pub fn from_iso_prefix(s: &str) -> Option<Date> {
        let (date, _) = iso(s.as_bytes(), 0)?;
        Some(Date { time: None, ..date })
    }
}

/// ISO 8601: `2019-03-04`, or `2019-03-04T10:41` (`:05` when seconds were written).
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.day_iso())?;
        match self.time {
            Some((h, m, Some(s))) => write!(f, "T{h:02}:{m:02}:{s:02}"),
            Some((h, m, None)) => write!(f, "T{h:02}:{m:02}"),
            None => Ok(()),
        }
    }
}

/// A date found in a text, with where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// The date.
    pub date: Date,
    /// Byte offset of the date's first byte.
    pub start: usize,
    /// Byte offset just past the date (and its time, when read).
    pub end: usize,
}

/// The article's date, when its text states it unambiguously (see the module docs).
pub fn article_date(text: &str) -> Option<FoundDate> {
    let lines = lines(text);
    // The top ends with the first paragraph of prose, which may open with a dateline.
    let head_len = lines
        .iter()
        .take(HEAD_LINES)
        .position(|(_, line)| is_prose(line))
        .map_or(HEAD_LINES, |i| i + 1)
        .min(lines.len());
    let head = lines.iter().take(head_len);
    let tail_from = lines.len().saturating_sub(TAIL_LINES).max(head_len);
    let tail = lines.iter().skip(tail_from);
    let mut found: Vec<FoundDate> = Vec::new();
    for &(base, line) in head {
        found.extend(header_dates(line).map(|d| shifted(d, base)));
    }
    for &(base, line) in tail {
        found.extend(
            dates_in(line)
                .into_iter()
                .filter(|d| !in_quotes(line, d.start) && after_label(&line[..d.start]))
                .map(|d| shifted(d, base)),
        );
    }
    // The latest date; of equal ones, the first written.
    found
        .into_iter()
        .reduce(|best, d| if d.date > best.date { d } else { best })
}

/// The non-blank lines of `text` with their byte offsets, trimmed.
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        let trimmed = trimmed.trim_end();
        if !trimmed.is_empty() {
            out.push((start + lead, trimmed));
        }
        start += line.len();
    }
    out
}

fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words >= LONG_PROSE_WORDS
        || (words >= PROSE_WORDS
            && line.ends_with(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}', ')']))
}

fn shifted(d: FoundDate, base: usize) -> FoundDate {
    FoundDate {
        start: d.start + base,
        end: d.end + base,
        ..d
    }
}

/// The dates of one line near the top that the line's form vouches for.
fn header_dates(line: &str) -> impl Iterator<Item = FoundDate> + '_ {
    let dates = dates_in(line);
    let header = is_header_line(line, &dates);
    let first = dates.first().copied();
    dates.into_iter().filter(move |d| {
        !in_quotes(line, d.start)
            && (header
                || after_label(&line[..d.start])
                || (Some(*d) == first && is_dateline(line, d)))
    })
}

/// Whether `line` is a date line, a byline or a metadata line: beside its dates it holds only
/// weekdays, labels, separators and, on a byline or a `|`/`·` line, a few names.
fn is_header_line(line: &str, dates: &[FoundDate]) -> bool {
    if dates.is_empty() || line.contains(QUOTES) {
        return false;
    }
    let mut rest = String::new();
    let mut at = 0;
    for d in dates {
        rest.push_str(&line[at..d.start]);
        rest.push(' ');
        at = d.end;
    }
    rest.push_str(&line[at..]);
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || SEPARATORS.contains(&c) || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let other: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !in_list(WEEKDAYS, w) && !in_list(LABEL_WORDS, w) && !in_list(ZONES, w))
        .collect();
    if other.is_empty() {
        return true;
    }
    let byline = line.starts_with("By ") || line.starts_with("BY ");
    let split = line.contains(['|', '\u{b7}', '\u{2022}']);
    (byline || split)
        && other.len() <= HEADER_WORDS
        && other.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || in_list(BYLINE_LOWER, w)
        })
}

/// Whether the date `d` of `line` is that of a dateline: a place (capitalised words, an
/// agency's tag) before it, and a dash, an agency's tag or the line's end after it.
fn is_dateline(line: &str, d: &FoundDate) -> bool {
    if d.start > DATELINE_REACH {
        return false;
    }
    let prefix = &line[..d.start];
    let words: Vec<&str> = prefix
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '\u{2013}' | '\u{2014}'))
        .map(|w| w.trim_matches(|c: char| matches!(c, '(' | ')' | '.' | '/')))
        .filter(|w| !w.is_empty())
        .collect();
    let place = !words.is_empty()
        && words.len() <= 8
        && !in_list(SENTENCE_OPENERS, words[0])
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '&'))
                && (w.chars().next().is_some_and(char::is_uppercase) || in_list(PLACE_LOWER, w))
        });
    let after = line[d.end..].trim_start();
    let tail = after.is_empty() || after.starts_with(['-', '\u{2013}', '\u{2014}', '/', '(']);
    place && tail
}

/// Whether `before` (the line up to a date) ends with a label such as "Updated:", "Published
/// on" or "Posted", itself at the line's start, after a separator, or in "This article was".
fn after_label(before: &str) -> bool {
    let mut b = before.trim_end();
    // "Updated: Monday, 4 May 2024"
    if let Some(stripped) = b.strip_suffix(',') {
        let trimmed = stripped.trim_end();
        match last_word(trimmed) {
            Some(w) if in_list(WEEKDAYS, w) => b = trimmed[..trimmed.len() - w.len()].trim_end(),
            _ => return false,
        }
    }
    let b = b.trim_end_matches(':').trim_end();
    let b = match last_word(b) {
        Some(w) if in_list(&["on", "at"], w) => b[..b.len() - w.len()].trim_end(),
        _ => b,
    };
    let Some(label) = last_word(b) else {
        return false;
    };
    if !in_list(LABELS, label) {
        return false;
    }
    let mut head = b[..b.len() - label.len()].trim_end();
    if let Some(w) = last_word(head).filter(|w| in_list(LABEL_WORDS, w)) {
        head = head[..head.len() - w.len()].trim_end();
    }
    let lower = head.to_lowercase();
    head.is_empty()
        || head.ends_with(SEPARATORS)
        || ["this article was", "this story was", "this report was"]
            .iter()
            .any(|p| lower == *p)
}

fn last_word(s: &str) -> Option<&str> {
    let start = s
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start < s.len()).then(|| &s[start..])
}

/// Whether the byte offset `at` of `line` is inside a quotation.
fn in_quotes(line: &str, at: usize) -> bool {
    let before = &line[..at];
    let straight = before.matches('"').count() % 2 == 1;
    let open = before.matches(['\u{201c}', '\u{ab}']).count();
    let close = before.matches(['\u{201d}', '\u{bb}']).count();
    straight || open > close
}

const QUOTES: [char; 5] = ['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}'];
const SEPARATORS: [char; 7] = ['|', '\u{b7}', '\u{2022}', '\u{2014}', '\u{2013}', '-', '('];
const LABELS: &[&str] = &["updated", "published", "posted", "modified", "dated"];
/// Words that may go with a label or a date on a header line.
const LABEL_WORDS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "modified",
    "dated",
    "last",
    "first",
    "originally",
    "on",
    "at",
    "am",
    "pm",
];
/// Time zones' abbreviations that may follow a time.
const ZONES: &[&str] = &[
    "utc", "gmt", "bst", "cet", "cest", "et", "est", "edt", "pt", "pst", "pdt", "ist",
];
/// Lower-case words a byline may hold ("staff writer", "and").
const BYLINE_LOWER: &[&str] = &[
    "and",
    "in",
    "of",
    "the",
    "de",
    "van",
    "von",
    "staff",
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "min",
    "read",
];
/// Lower-case words of place names ("Rio de Janeiro").
const PLACE_LOWER: &[&str] = &[
    "de", "da", "do", "dos", "del", "la", "le", "el", "al", "upon",
];
/// Capitalised words that open a sentence, never a dateline's place.
const SENTENCE_OPENERS: &[&str] = &[
    "on", "in", "at", "by", "the", "a", "an", "since", "until", "from", "after", "before", "as",
    "last", "through", "between", "during", "of", "for", "when", "then", "it", "this", "that",
    "we", "they", "he", "she", "i", "our",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Every unambiguous date written in `line`, in order, with byte offsets into it.
pub fn dates_in(line: &str) -> Vec<FoundDate> {
    let s = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let boundary = i == 0 || !(s[i - 1].is_ascii_alphanumeric() || s[i - 1] == b'/');
        if boundary && s[i].is_ascii_alphanumeric() {
            let parsed = iso(s, i)
                .or_else(|| numeric(s, i))
                .or_else(|| month_first(s, i))
                .or_else(|| day_first(s, i));
            if let Some((date, end)) = parsed {
                out.push(FoundDate {
                    date,
                    start: i,
                    end,
                });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Reads `min..=max` ASCII digits at `i`, not followed by another digit.
fn digits(s: &[u8], i: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let n = s[i.min(s.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if n < min || n > max {
        return None;
    }
    let value = s[i..i + n]
        .iter()
        .fold(0u32, |v, b| v * 10 + u32::from(b - b'0'));
    Some((value, i + n))
}

fn byte(s: &[u8], i: usize) -> Option<u8> {
    s.get(i).copied()
}

fn spaces(s: &[u8], i: usize) -> usize {
    i + s[i.min(s.len())..]
        .iter()
        .take_while(|b| **b == b' ' || **b == b'\t')
        .count()
}

/// A valid date, or `None`.
fn date(year: u32, month: u32, day: u32) -> Option<Date> {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..=2099).contains(&year) && (1..=days).contains(&day)).then_some(Date {
        year: year as u16,
        month: month as u8,
        day: day as u8,
        time: None,
    })
}

/// The date ends at `end` unless a letter or digit runs on; a time of day may follow.
fn finish(s: &[u8], date: Date, end: usize) -> Option<(Date, usize)> {
    if byte(s, end).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    Some(match time(s, end) {
        Some((time, end)) => (
            Date {
                time: Some(time),
                ..date
            },
            end,
        ),
        None => (date, end),
    })
}

/// `2019-03-04`, with `T10:41`, ` 10:41:05`, a fraction and a zone allowed after it.
fn iso(s: &[u8], i: usize) -> Option<(Date, usize)> {
    let (year, j) = digits(s, i, 4, 4)?;
    (byte(s, j)? == b'-').then_some(())?;
    let (month, j) = digits(s, j + 1, 2, 2)?;
    (byte(s, j)? == b'-').then_some(())?;
    let (day, j) = digits(s, j + 1, 2, 2)?;
    let d = date(year, month, day)?;
    if byte(s, j) == Some(b'T')
        && let Some(((h, m, sec), mut k)) = clock(s, j + 1)
    {
        if byte(s, k) == Some(b'.') {
            k = digits(s, k + 1, 1, 9).map_or(k, |(_, e)| e);
        }
        if byte(s, k) == Some(b'Z') {
            k += 1;
        } else if matches!(byte(s, k), Some(b'+' | b'-'))
            && let Some((_, e)) = digits(s, k + 1, 2, 2)
        {
            k = e;
            if byte(s, k) == Some(b':') {
                k = digits(s, k + 1, 2, 2).map_or(k, |(_, e)| e);
            } else {
                k = digits(s, k, 2, 2).map_or(k, |(_, e)| e);
            }
        }
        if byte(s, k).is_some_and(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        return Some((
            Date {
                time: Some((h, m, sec)),
                ..d
            },
            k,
        ));
    }
    finish(s, d, j)
}

/// `13/05/2024`, `5.5.2024`, `2024/05/04`: read only when day and month cannot be swapped.
fn numeric(s: &[u8], i: usize) -> Option<(Date, usize)> {
    if let Some((year, j)) = digits(s, i, 4, 4) {
        let sep = byte(s, j).filter(|b| *b == b'/')?;
        let (month, k) = digits(s, j + 1, 1, 2)?;
        (byte(s, k)? == sep).then_some(())?;
        let (day, k) = digits(s, k + 1, 1, 2)?;
        return finish(s, date(year, month, day)?, k);
    }
    let (a, j) = digits(s, i, 1, 2)?;
    let sep = byte(s, j).filter(|b| matches!(b, b'/' | b'.'))?;
    let (b, k) = digits(s, j + 1, 1, 2)?;
    (byte(s, k)? == sep).then_some(())?;
    let (year, k) = digits(s, k + 1, 4, 4)?;
    let (day, month) = match (a > 12, b > 12) {
        _ if a == b => (a, b),
        (true, false) => (a, b),
        (false, true) => (b, a),
        // 04/05/2024: the 4th of May or April the 5th.
        _ => return None,
    };
    finish(s, date(year, month, day)?, k)
}

/// A month's name at `i`: `March`, `Mar.`, `MARCH`, `Sept.`.
fn month(s: &[u8], i: usize) -> Option<(u32, usize)> {
    let n = s[i..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let word = std::str::from_utf8(&s[i..i + n]).ok()?;
    let &(_, m) = MONTHS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))?;
    let mut j = i + n;
    if byte(s, j) == Some(b'.') {
        j += 1;
    }
    Some((u32::from(m), j))
}

/// A day of the month at `i`, with an ordinal suffix allowed: `4`, `04`, `4th`.
fn day_of_month(s: &[u8], i: usize) -> Option<(u32, usize)> {
    let (day, mut j) = digits(s, i, 1, 2)?;
    for suffix in [b"st", b"nd", b"rd", b"th"] {
        if s[j..].len() >= 2 && s[j..j + 2].eq_ignore_ascii_case(suffix) {
            j += 2;
            break;
        }
    }
    Some((day, j))
}

/// `March 4, 2019`, `Mar. 4 2019`, `May 04, 2024`.
fn month_first(s: &[u8], i: usize) -> Option<(Date, usize)> {
    let (month, j) = month(s, i)?;
    let k = spaces(s, j);
    (k > j).then_some(())?;
    let (day, j) = day_of_month(s, k)?;
    let j = if byte(s, j) == Some(b',') { j + 1 } else { j };
    let k = spaces(s, j);
    (k > j).then_some(())?;
    let (year, j) = digits(s, k, 4, 4)?;
    finish(s, date(year, month, day)?, j)
}

/// `4 May 2024`, `4th of May, 2024`.
fn day_first(s: &[u8], i: usize) -> Option<(Date, usize)> {
    let (day, j) = day_of_month(s, i)?;
    let mut k = spaces(s, j);
    (k > j).then_some(())?;
    if s[k..].len() >= 3 && s[k..k + 3].eq_ignore_ascii_case(b"of ") {
        k = spaces(s, k + 3);
    }
    let (month, j) = month(s, k)?;
    let j = if byte(s, j) == Some(b',') { j + 1 } else { j };
    let k = spaces(s, j);
    (k > j).then_some(())?;
    let (year, j) = digits(s, k, 4, 4)?;
    finish(s, date(year, month, day)?, j)
}

/// `HH:MM` or `HH:MM:SS` at `i`, 24-hour.
fn clock(s: &[u8], i: usize) -> Option<(Clock, usize)> {
    let (h, j) = digits(s, i, 1, 2)?;
    (byte(s, j)? == b':').then_some(())?;
    let (m, mut j) = digits(s, j + 1, 2, 2)?;
    let mut sec = None;
    if byte(s, j) == Some(b':')
        && let Some((v, e)) = digits(s, j + 1, 2, 2)
    {
        sec = Some(v as u8);
        j = e;
    }
    (h < 24 && m < 60 && sec.is_none_or(|v| v < 60)).then_some(((h as u8, m as u8, sec), j))
}

/// A time of day after a date: ` 10:41`, `, 10:41 a.m.`, ` at 1:05 PM`, with a zone's
/// abbreviation allowed after it.
fn time(s: &[u8], i: usize) -> Option<(Clock, usize)> {
    let mut j = if byte(s, i) == Some(b',') { i + 1 } else { i };
    let k = spaces(s, j);
    (k > j).then_some(())?;
    j = k;
    if s[j..].len() >= 3 && s[j..j + 3].eq_ignore_ascii_case(b"at ") {
        j = spaces(s, j + 3);
    }
    let ((mut h, m, sec), mut j) = clock(s, j)?;
    let k = spaces(s, j);
    let rest = &s[k..];
    let meridiem = [
        (&b"a.m."[..], false),
        (b"p.m.", true),
        (b"am", false),
        (b"pm", true),
    ]
    .into_iter()
    .find(|(w, _)| {
        rest.len() >= w.len()
            && rest[..w.len()].eq_ignore_ascii_case(w)
            && !byte(rest, w.len()).is_some_and(|b| b.is_ascii_alphanumeric())
    });
    if let Some((w, pm)) = meridiem {
        if !(1..=12).contains(&h) {
            return None;
        }
        h = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
        j = k + w.len();
    }
    if byte(s, j).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    // A zone's abbreviation, kept in the text as written (the date ignores it).
    let k = spaces(s, j);
    let n = s[k..].iter().take_while(|b| b.is_ascii_uppercase()).count();
    if k > j
        && (1..=4).contains(&n)
        && !byte(s, k + n).is_some_and(|b| b.is_ascii_alphanumeric())
        && std::str::from_utf8(&s[k..k + n]).is_ok_and(|z| in_list(ZONES, z))
    {
        j = k + n;
    }
    Some(((h, m, sec), j))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The date read from `text` and the text it was read from.
    fn read(text: &str) -> Option<(String, &str)> {
        article_date(text).map(|d| (d.date.to_string(), &text[d.start..d.end]))
    }

    fn assert_reads(text: &str, date: &str, written: &str) {
        assert_eq!(read(text), Some((date.to_string(), written)), "in {text:?}");
    }

    fn assert_none(text: &str) {
        assert_eq!(read(text), None, "nothing may be read from {text:?}");
    }

    const BODY: &str = "\n\nThe ferry across the Tarnby estuary resumed service on a reduced \
        timetable while engineers finished repairs to the landing stage.\n\nCouncillor Ines \
        Varga said the crossing would run every hour until the autumn.\n";

    #[test]
    fn business_wire_dateline() {
        let text = format!(
            "DENVER--(BUSINESS WIRE)--Mar. 4, 2019--Quillfeather Robotics today announced a \
             new plant.{BODY}"
        );
        assert_reads(&text, "2019-03-04", "Mar. 4, 2019");
    }

    #[test]
    fn pr_newswire_and_globe_newswire_datelines() {
        let text = format!(
            "NEW YORK, March 4, 2019 /PRNewswire/ -- Brindle Hollow Foods said on Monday it \
             would open two stores.{BODY}"
        );
        assert_reads(&text, "2019-03-04", "March 4, 2019");
        let text = format!(
            "OSLO, Norway, May 04, 2024 (GLOBE NEWSWIRE) -- Nordvik Tern ASA reports its first \
             quarter.{BODY}"
        );
        assert_reads(&text, "2024-05-04", "May 04, 2024");
    }

    #[test]
    fn newspaper_dateline_after_a_headline() {
        let text = format!(
            "Ferry resumes service on Tarnby estuary\n\nSÃO PAULO, 4 May 2024 — The ferry \
             operator said repairs were done.{BODY}"
        );
        assert_reads(&text, "2024-05-04", "4 May 2024");
    }

    #[test]
    fn updated_label_with_iso_date_and_time() {
        let text = format!("Ferry resumes service\nUpdated: 2024-05-02 10:41{BODY}");
        assert_reads(&text, "2024-05-02T10:41", "2024-05-02 10:41");
        let text = format!("Ferry resumes service\nPublished: 2024-05-02T10:41:07Z{BODY}");
        assert_reads(&text, "2024-05-02T10:41:07", "2024-05-02T10:41:07Z");
    }

    #[test]
    fn label_after_a_long_headline() {
        let text = format!(
            "Monsoon makes a soggy entry in Tarnby, 38 spots waterlogged; Vell Railway trains \
             run late\n\nTarnby | Updated: June 12, 2026 4:10 pm IST{BODY}"
        );
        assert_reads(&text, "2026-06-12T16:10", "June 12, 2026 4:10 pm IST");
    }

    #[test]
    fn published_on_label() {
        let text = format!("Ferry resumes service\n\nPublished on 4 May 2024{BODY}");
        assert_reads(&text, "2024-05-04", "4 May 2024");
    }

    #[test]
    fn posted_on_label_with_a_twelve_hour_time() {
        let text = format!("Ferry resumes service\nPosted on May 4, 2024 at 1:05 p.m. ET{BODY}");
        assert_reads(&text, "2024-05-04T13:05", "May 4, 2024 at 1:05 p.m. ET");
    }

    #[test]
    fn label_in_the_last_lines() {
        let text = format!(
            "Ferry resumes service{BODY}\nThis article was originally published on 6 May 2024 \
             by the Fenwick Courier."
        );
        assert_reads(&text, "2024-05-06", "6 May 2024");
        let text = format!("Ferry resumes service{BODY}\nLast updated: Monday, 6 May 2024");
        assert_reads(&text, "2024-05-06", "6 May 2024");
    }

    #[test]
    fn byline_with_a_date() {
        let text = format!("Ferry resumes service\nBy Mara Quill | May 4, 2024 | 3 min read{BODY}");
        assert_reads(&text, "2024-05-04", "May 4, 2024");
        let text = format!("Ferry resumes service\nBy Mara Quill, Staff Writer, May 4, 2024{BODY}");
        assert_reads(&text, "2024-05-04", "May 4, 2024");
    }

    #[test]
    fn date_alone_on_a_header_line() {
        let text = format!("Ferry resumes service\nSaturday, May 4, 2024{BODY}");
        assert_reads(&text, "2024-05-04", "May 4, 2024");
    }

    #[test]
    fn numeric_date_that_cannot_be_swapped() {
        let text = format!("Ferry resumes service\nPosted on 13/05/2024{BODY}");
        assert_reads(&text, "2024-05-13", "13/05/2024");
        let text = format!("Ferry resumes service\nPosted on 05/05/2024{BODY}");
        assert_reads(&text, "2024-05-05", "05/05/2024");
    }

    #[test]
    fn the_latest_of_two_dates_wins() {
        let text = format!(
            "DENVER--(BUSINESS WIRE)--Mar. 4, 2019--Quillfeather Robotics opened a plant.\n\
             Updated: 2019-03-05 09:00{BODY}"
        );
        assert_reads(&text, "2019-03-05T09:00", "2019-03-05 09:00");
    }

    #[test]
    fn ambiguous_numeric_date_is_not_read() {
        assert_none(&format!(
            "Ferry resumes service\nPosted on 04/05/2024{BODY}"
        ));
        assert_none(&format!("Ferry resumes service\n04/05/2024{BODY}"));
        assert_none(&format!("Ferry resumes service\nUpdated 04.05.2024{BODY}"));
    }

    #[test]
    fn two_digit_years_are_not_read() {
        assert_none(&format!("Ferry resumes service\nPosted on 13/05/24{BODY}"));
        assert_none(&format!("Ferry resumes service\nUpdated May 4, '24{BODY}"));
    }

    #[test]
    fn dateline_without_a_year_is_not_read() {
        assert_none(&format!(
            "BEIJING, Jan. 5 (Xinhua) -- The ferry operator said repairs were done.{BODY}"
        ));
    }

    #[test]
    fn relative_dates_are_not_read() {
        assert_none(&format!(
            "Ferry resumes service\nLast Tuesday the ferry returned; yesterday it ran \
             late.{BODY}"
        ));
    }

    #[test]
    fn date_inside_a_quote_is_not_read() {
        assert_none(&format!(
            "Ferry resumes service\n\"Published on 4 May 2019, the plan was ignored,\" Varga \
             said.{BODY}"
        ));
        assert_none(&format!("Ferry resumes service\n“4 May 2019”{BODY}"));
    }

    #[test]
    fn date_in_the_narration_at_the_top_is_not_read() {
        assert_none(&format!(
            "Ferry resumes service\nOn March 4, 2019, the council voted to close the \
             crossing.{BODY}"
        ));
        assert_none(&format!(
            "Ferry resumes service\nThe council voted on March 4, 2019 — a year before the \
             flood — to close the crossing.{BODY}"
        ));
        assert_none(&format!(
            "Council recalls the March 4, 2019 vote\nThe ferry returned.{BODY}"
        ));
        assert_none(&format!(
            "Ferry resumes service\nThe report, published on March 4, 2019, found faults.{BODY}"
        ));
    }

    #[test]
    fn past_event_far_into_the_body_is_not_read() {
        let text = format!(
            "Ferry resumes service\nBy Mara Quill\n{BODY}\nThe crossing first opened on \
             March 4, 2019.\n\nIt closed after a storm.\n\nRepairs took six weeks.\n\nThe \
             operator thanked passengers.\n\nFares are unchanged.\n"
        );
        assert_none(&text);
        // Even a date on a line of its own, when it is far from the top.
        let text = format!(
            "Ferry resumes service{BODY}\nTimeline\n\nMarch 4, 2019\n\nThe crossing opened.\n\n\
             It closed.\n\nIt reopened.\n"
        );
        assert_none(&text);
    }

    #[test]
    fn impossible_dates_are_not_read() {
        assert_none(&format!("Ferry resumes service\nUpdated: 2024-02-30{BODY}"));
        assert_none(&format!(
            "Ferry resumes service\nPosted on 31 April 2024{BODY}"
        ));
    }

    #[test]
    fn offsets_point_into_the_whole_text() {
        let text = format!("Überfahrt wieder offen — ß\n\n  Updated: 2024-05-02{BODY}");
        let d = article_date(&text).unwrap();
        assert_eq!(&text[d.start..d.end], "2024-05-02");
    }

    #[test]
    fn stored_publication_dates() {
        let d = Date::from_iso_prefix("2019-03-04T10:00:00Z").unwrap();
        assert_eq!(d.to_string(), "2019-03-04");
        assert_eq!(Date::from_iso_prefix("March 4, 2019"), None);
        assert_eq!(Date::from_iso_prefix(""), None);
    }

    #[test]
    fn next_day_rolls_over_months_years_and_leap_days() {
        let d = |s: &str| Date::from_iso_prefix(s).unwrap();
        assert_eq!(d("2026-05-04").next_day(), d("2026-05-05"));
        assert_eq!(d("2026-05-31").next_day(), d("2026-06-01"));
        assert_eq!(d("2026-12-31").next_day(), d("2027-01-01"));
        assert_eq!(d("2024-02-28").next_day(), d("2024-02-29"));
        assert_eq!(d("2026-02-28").next_day(), d("2026-03-01"));
        assert_eq!(d("2000-02-28").next_day(), d("2000-02-29"));
    }
}
