//! Finding where an article credits an agency.
//!
//! Only genuine source credits count: a dateline "(Reuters) -", a credit line or sign-off, a
//! byline, "with inputs from", "according to". An agency named in an ordinary sentence ("told
//! AFP"), in a picture credit ("PHOTO: REUTERS") or inside a longer name ("Reuters Institute")
//! is not a credit. Offsets are bytes into the text given.

use super::agencies::{AgencyTable, Mention};

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
}

/// Non-empty lines this close to either end of the article may be credit lines.
const EDGE_LINES: usize = 5;
/// The opening paragraph, for "(AP)", is looked for within this many non-empty lines.
const LEAD_LINES: usize = 4;
/// A line with at least this many words is body text, not a headline or a credit.
const BODY_WORDS: usize = 8;
/// Credit lines and bylines longer than this are sentences.
const MAX_CREDIT_LINE_BYTES: usize = 120;

/// Words after an agency name that do not make it part of a longer name.
#[rustfmt::skip]
const NAME_OK_NEXT: &[&str] = &[
    "staff", "news", "agency", "agencies", "wire", "wires", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday",
];
/// Words that mark a picture or video credit next to an agency name.
#[rustfmt::skip]
const PICTURE_WORDS: &[&str] = &[
    "photo", "photos", "photograph", "photographs", "picture", "pictures", "pic", "pics", "image",
    "images", "video", "videos", "footage", "tv", "file", "graphic", "graphics", "illustration",
    "handout", "pool", "via", "caption",
];
/// Words that may stand beside the agency on a credit line.
#[rustfmt::skip]
const CREDIT_LINE_WORDS: &[&str] = &[
    "source", "sources", "copyright", "c", "and", "the", "agencies", "agency", "staff", "wire",
    "wires", "news", "all", "rights", "reserved", "inc", "ltd", "limited", "plc",
];
/// Lower-case words that may appear in a byline beside names.
#[rustfmt::skip]
const BYLINE_WORDS: &[&str] = &[
    "by", "and", "staff", "writer", "writers", "correspondent", "correspondents", "reporter",
    "reporters", "editor", "in", "for", "of", "the", "news", "agency", "agencies", "special",
    "chief", "senior", "bureau", "from", "wire", "wires",
];
/// Lower-case words allowed in a dateline: inside a place name ("Rio de Janeiro") or a date
/// written the Spanish or French way ("3 jul", "5 mai").
#[rustfmt::skip]
const DATELINE_LOWER: &[&str] = &[
    "de", "del", "la", "le", "les", "el", "al", "du", "da", "do", "dos", "das", "am", "upon",
    "sur", "jan", "ene", "feb", "fev", "mar", "abr", "apr", "avr", "may", "mai", "jun", "juin",
    "jul", "juil", "ago", "aug", "aout", "sep", "sept", "oct", "okt", "nov", "dic", "dec",
];
/// Words naming people who wrote part of a story, before "contributed".
#[rustfmt::skip]
const CONTRIBUTOR_WORDS: &[&str] = &[
    "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "journalist",
    "journalists", "staff", "staffers",
];

/// Every genuine credit to an agency in `text`, in order. A phrase crediting two agencies
/// ("with inputs from Reuters and AFP") gives one credit per agency, each with the whole
/// phrase's range.
pub fn find_credits(table: &AgencyTable, text: &str) -> Vec<FoundCredit> {
    let lines = split_lines(text);
    let mentions = table.mentions(text);
    if lines.is_empty() || mentions.is_empty() {
        return Vec::new();
    }
    let mut doc = Doc {
        text,
        lines: &lines,
        mentions: &mentions,
        lead: 0,
    };
    doc.lead = doc.lead_lines();
    let line_of: Vec<usize> = mentions.iter().map(|m| doc.line_index(m.start)).collect();
    let excluded: Vec<bool> = mentions
        .iter()
        .zip(&line_of)
        .map(|(m, &li)| doc.not_a_credit(m, li))
        .collect();
    let mut used = vec![false; mentions.len()];
    let mut out = Vec::new();

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
        let kind = if doc.is_credit_line(li) {
            CreditKind::CreditLine
        } else if doc.is_byline(li) {
            CreditKind::Byline
        } else {
            continue;
        };
        for &i in on_line {
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
            out.push(doc.credit(i, kind, line.start, line.end));
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
        let Some((kind, start, end)) = doc.classify(&group) else {
            continue;
        };
        for &i in &group.members {
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
            out.push(doc.credit(i, kind, start, end));
        }
    }
    out.sort_by_key(|c| (c.start, c.end));
    out
}

/// The agency a stored story credits as its own: its dateline, or a credit line or sign-off
/// at its start or end, or failing those an opening "(AP)" or an agency byline.
pub fn dateline_agency(table: &AgencyTable, body: &str) -> Option<String> {
    let credits = find_credits(table, body);
    let rank = |k: CreditKind| match k {
        CreditKind::Dateline => Some(0),
        CreditKind::CreditLine | CreditKind::SignOff => Some(1),
        CreditKind::Parenthetical => Some(2),
        CreditKind::Byline => Some(3),
        _ => None,
    };
    credits
        .into_iter()
        .filter_map(|c| rank(c.kind).map(|r| (r, c)))
        .min_by_key(|(r, c)| (*r, c.start))
        .map(|(_, c)| c.agency)
}

/// A non-empty line: byte range of its content without surrounding space or control bytes.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

/// Mentions next to each other on one line, joined only by "and", commas or slashes.
struct Group {
    members: Vec<usize>,
    line: usize,
    start: usize,
    end: usize,
}

struct Doc<'a> {
    text: &'a str,
    lines: &'a [Line],
    mentions: &'a [Mention],
    /// How many lines open the article, from [`Doc::lead_lines`].
    lead: usize,
}

impl Doc<'_> {
    fn slice(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or("")
    }

    fn line(&self, li: usize) -> Line {
        self.lines
            .get(li)
            .copied()
            .unwrap_or(Line { start: 0, end: 0 })
    }

    fn line_index(&self, pos: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= pos)
            .saturating_sub(1)
    }

    fn credit(&self, i: usize, kind: CreditKind, start: usize, end: usize) -> FoundCredit {
        let agency = self
            .mentions
            .get(i)
            .map(|m| m.agency.clone())
            .unwrap_or_default();
        FoundCredit {
            agency,
            kind,
            start,
            end,
        }
    }

    fn is_mention_start(&self, pos: usize) -> bool {
        self.mentions
            .binary_search_by_key(&pos, |m| m.start)
            .is_ok()
    }

    fn is_mention_end(&self, pos: usize) -> bool {
        self.mentions.binary_search_by_key(&pos, |m| m.end).is_ok()
    }

    /// Whether this mention is part of a longer name or a picture credit, which no context
    /// makes a source credit.
    fn not_a_credit(&self, m: &Mention, li: usize) -> bool {
        let line = self.line(li);
        let after = self.slice(m.end, line.end.max(m.end));
        let before = self.slice(line.start.min(m.start), m.start);
        let mut after_chars = after.chars();
        let next = after_chars.next();
        let next2 = after_chars.next();
        // "Reuters-Ipsos", "Reuters.com", "@Reuters": a different name containing the agency.
        if matches!(next, Some('-' | '\u{2011}' | '.')) && next2.is_some_and(char::is_alphanumeric)
        {
            return true;
        }
        let mut back = before.chars().rev();
        let prev = back.next();
        let prev2 = back.next();
        if matches!(prev, Some('@' | '#')) {
            return true;
        }
        if matches!(prev, Some('-' | '\u{2011}' | '.')) && prev2.is_some_and(char::is_alphanumeric)
        {
            return true;
        }
        // "Reuters Institute", "AP Stylebook": a capitalized word straight after.
        if next.is_some_and(char::is_whitespace)
            && let Some((pos, w)) = words_after(self.text, m.end, line.end, 1).first()
            && !self.is_mention_start(*pos)
            && w.chars().next().is_some_and(char::is_uppercase)
            && !in_list(NAME_OK_NEXT, w)
            && !in_list(CONTRIBUTOR_WORDS, w)
        {
            return true;
        }
        // "REUTERS/Jane Smith", "Getty Images/AFP": a photographer or picture agency.
        if next == Some('/')
            && let Some((pos, w)) = word_at(self.text, m.end + 1, line.end)
            && !self.is_mention_start(pos)
            && !in_list(NAME_OK_NEXT, w)
        {
            return true;
        }
        if prev == Some('/')
            && prev2.is_some_and(char::is_alphanumeric)
            && !self.is_mention_end(m.start.saturating_sub(1))
            && !last_word(before).is_some_and(|(_, w)| in_list(&["agencies", "agency", "wires"], w))
        {
            return true;
        }
        // "AFP via Getty Images", "AP Photo", "Reuters TV".
        if let Some((_, w)) = words_after(self.text, m.end, line.end, 1).first()
            && in_list(PICTURE_WORDS, w)
        {
            return true;
        }
        // "PHOTO: REUTERS", "(Photo: AFP)", "File photo: AP", "Image: Xinhua".
        let gap_start = before
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .len();
        let gap = before.get(gap_start..).unwrap_or("");
        if let Some((_, w)) = last_word(before)
            && in_list(PICTURE_WORDS, w)
            && (gap.contains([':', '/', '|', '(', '-', '\u{2014}', '\u{2013}'])
                || (gap.chars().all(char::is_whitespace)
                    && w.chars().next().is_some_and(char::is_uppercase)))
        {
            return true;
        }
        false
    }

    fn groups(&self, line_of: &[usize], excluded: &[bool]) -> Vec<Group> {
        let mut out: Vec<Group> = Vec::new();
        for (i, m) in self.mentions.iter().enumerate() {
            if excluded.get(i).copied().unwrap_or(true) {
                continue;
            }
            let li = line_of.get(i).copied().unwrap_or(0);
            if let Some(g) = out.last_mut()
                && g.line == li
                && g.members.last().is_some_and(|&p| p + 1 == i)
                && is_list_gap(self.slice(g.end, m.start))
            {
                g.members.push(i);
                g.end = m.end;
                continue;
            }
            out.push(Group {
                members: vec![i],
                line: li,
                start: m.start,
                end: m.end,
            });
        }
        out
    }

    fn classify(&self, g: &Group) -> Option<(CreditKind, usize, usize)> {
        let line = self.line(g.line);
        let paren = self.paren_around(g, line);
        // Press-release wires set the agency between slashes: "PHOENIX, May 5, 2026 /PRNewswire/ --".
        if let Some((open, close)) = paren.or_else(|| self.delimited(g, line, '/', '/'))
            && is_dateline_prefix(self.slice(line.start, open).trim_end())
            && self.starts_paragraph(g.line)
        {
            let end = skip_separator(self.text, close, line.end);
            return Some((CreditKind::Dateline, line.start, end));
        }
        if let Some(range) = self.with_inputs(g, line) {
            return Some((CreditKind::WithInputs, range.0, range.1));
        }
        if let Some(range) = self.according_to(g, line) {
            return Some((CreditKind::AccordingTo, range.0, range.1));
        }
        if let Some(range) = self.contributed(g, line) {
            return Some((CreditKind::Byline, range.0, range.1));
        }
        if let Some(start) = self.sign_off(g, line) {
            return Some((CreditKind::SignOff, start, line.end));
        }
        if let Some((open, close)) = paren
            && g.line < self.lead
            && !self.is_mention_end(self.slice(line.start, open).trim_end().len() + line.start)
        {
            return Some((CreditKind::Parenthetical, open, close));
        }
        None
    }

    /// The "(" before and just past the ")" after a group that fills its brackets.
    fn paren_around(&self, g: &Group, line: Line) -> Option<(usize, usize)> {
        self.delimited(g, line, '(', ')')
    }

    /// The `open` delimiter before and just past the `close` one after a group that fills them.
    fn delimited(&self, g: &Group, line: Line, open: char, close: char) -> Option<(usize, usize)> {
        let before = self.slice(line.start, g.start).trim_end();
        let after = self.slice(g.end, line.end);
        let after_trim = after.trim_start();
        if before.ends_with(open) && after_trim.starts_with(close) {
            let open = line.start + before.len() - 1;
            let close = g.end + (after.len() - after_trim.len()) + 1;
            Some((open, close))
        } else {
            None
        }
    }

    fn with_inputs(&self, g: &Group, line: Line) -> Option<(usize, usize)> {
        #[rustfmt::skip]
const TRIGGERS: &[&str] = &[
    "inputs from", "input from", "additional reporting by", "additional reporting from",
];
        #[rustfmt::skip]
const LEAD_IN: &[&str] = &[
    "with", "agency", "additional", "wire",
];
        let words = words_before(self.text, g.start, line.start, 6);
        let mut start = TRIGGERS.iter().find_map(|t| phrase_before(&words, t))?;
        let trigger_start = start;
        let mut rest = words.iter().skip_while(|(p, _)| *p >= trigger_start);
        for _ in 0..3 {
            match rest.next() {
                Some((p, w)) if in_list(LEAD_IN, w) => start = *p,
                _ => break,
            }
        }
        if self.slice(line.start, start).trim_end().ends_with('(') {
            start = line.start + self.slice(line.start, start).trim_end().len() - 1;
        }
        // "(With inputs from PTI and other agencies)": run on to the closing bracket.
        let mut end = g.end;
        let tail = head_within(self.slice(g.end, line.end), 60);
        if let Some(close) = tail.find(')')
            && tail.get(..close).is_some_and(|t| {
                t.split(|c: char| !c.is_alphanumeric())
                    .all(|w| w.is_empty() || in_list(&["and", "other", "agencies", "wires"], w))
            })
        {
            end = g.end + close + 1;
        }
        Some((start, end))
    }

    fn according_to(&self, g: &Group, line: Line) -> Option<(usize, usize)> {
        #[rustfmt::skip]
const BEFORE: &[&str] = &[
    "according to", "reported by", "report by", "report from", "reports by", "reports from",
];
        #[rustfmt::skip]
const LEAD_IN: &[&str] = &[
    "according", "to", "a", "an", "the", "as", "first", "earlier",
];
        let before = words_before(self.text, g.start, line.start, 8);
        let after = words_after(self.text, g.end, line.end, 2);
        let report_end = match after.first() {
            Some((p, w)) if in_list(&["report", "reports", "story"], w) => Some(p + w.len()),
            _ => None,
        };
        if let Some(mut start) = BEFORE.iter().find_map(|t| phrase_before(&before, t)) {
            let phrase_start = start;
            for (p, w) in before
                .iter()
                .skip_while(|(p, _)| *p >= phrase_start)
                .take(4)
            {
                if !in_list(LEAD_IN, w) {
                    break;
                }
                start = *p;
            }
            return Some((start, report_end.unwrap_or(g.end)));
        }
        // "Reuters reported", "AFP has reported".
        let verb_end = match after.as_slice() {
            [(p, w), ..] if in_list(&["reported", "reports"], w) => Some(p + w.len()),
            [(_, w1), (p, w2), ..]
                if in_list(
                    &["has", "had", "first", "earlier", "also", "previously"],
                    w1,
                ) && w2.eq_ignore_ascii_case("reported") =>
            {
                Some(p + w2.len())
            }
            _ => None,
        };
        if let Some(end) = verb_end {
            return Some((g.start, end));
        }
        // "a Reuters report said".
        match (before.first(), report_end) {
            (Some((p, w)), Some(end)) if in_list(&["a", "an", "the"], w) => Some((*p, end)),
            _ => None,
        }
    }

    /// "Associated Press writer Jane Doe contributed to this report."
    fn contributed(&self, g: &Group, line: Line) -> Option<(usize, usize)> {
        let first = *words_after(self.text, g.end, line.end, 1).first()?;
        if !in_list(CONTRIBUTOR_WORDS, first.1) {
            return None;
        }
        let rest = head_within(self.slice(g.end, line.end), 200);
        let sentence_len = rest.find(['.', '!', '?', ';']).unwrap_or(rest.len());
        let sentence = rest.get(..sentence_len)?;
        let contributed = sentence
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| in_list(&["contributed", "contributing"], w));
        contributed.then_some((g.start, g.end + sentence_len))
    }

    /// "... on Monday. -- IANS" or "... said. (AFP)" ending one of the last lines.
    fn sign_off(&self, g: &Group, line: Line) -> Option<usize> {
        if g.line + EDGE_LINES < self.lines.len() {
            return None;
        }
        let after = self.slice(g.end, line.end);
        if !after
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '.' | ')'))
        {
            return None;
        }
        let before = self.slice(line.start, g.start).trim_end();
        for sep in ["--", "\u{2014}", "\u{2013}", "\u{2015}", " -"] {
            if before.ends_with(sep) {
                return Some(line.start + before.len() - sep.len() + usize::from(sep == " -"));
            }
        }
        let head = before.strip_suffix('(')?.trim_end();
        head.ends_with(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}'])
            .then_some(line.start + head.len())
            .map(|p| p + self.slice(p, g.start).find('(').unwrap_or(0))
    }

    fn is_credit_line(&self, li: usize) -> bool {
        let line = self.line(li);
        if !self.near_edge(li)
            || !self.starts_paragraph(li)
            || line.end - line.start > MAX_CREDIT_LINE_BYTES
        {
            return false;
        }
        // Numbers only as a copyright year or two, so a table row that happens to contain
        // "AA" is not a credit.
        let words = self.residual_words(line);
        let is_year = |w: &&str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
        words.iter().filter(|w| is_year(w)).count() <= 2
            && words
                .iter()
                .all(|w| in_list(CREDIT_LINE_WORDS, w) || is_year(w))
    }

    fn is_byline(&self, li: usize) -> bool {
        let line = self.line(li);
        let content = self.slice(line.start, line.end);
        let starts_by = content
            .get(..3)
            .is_some_and(|s| s.eq_ignore_ascii_case("by "));
        if !starts_by || !self.starts_paragraph(li) || content.len() > MAX_CREDIT_LINE_BYTES {
            return false;
        }
        self.residual_words(line).iter().all(|w| {
            let capital = w
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            in_list(BYLINE_WORDS, w) || (capital && !in_list(PICTURE_WORDS, w))
        })
    }

    /// The words of a line outside its agency mentions.
    fn residual_words(&self, line: Line) -> Vec<&str> {
        let mut words = Vec::new();
        let mut pos = line.start;
        let first = self.mentions.partition_point(|m| m.end <= line.start);
        for m in self.mentions.get(first..).unwrap_or(&[]) {
            if m.start >= line.end {
                break;
            }
            words.extend(alnum_words(self.slice(pos, m.start.max(pos))));
            pos = m.end.max(pos);
        }
        words.extend(alnum_words(self.slice(pos.min(line.end), line.end)));
        words
    }

    fn near_edge(&self, li: usize) -> bool {
        li < EDGE_LINES || li + EDGE_LINES >= self.lines.len()
    }

    /// Lines up to and including the first body line: the headline, byline and first paragraph.
    fn lead_lines(&self) -> usize {
        let first_body = self
            .lines
            .iter()
            .position(|l| alnum_words(self.slice(l.start, l.end)).count() >= BODY_WORDS);
        first_body.map_or(LEAD_LINES, |i| (i + 1).min(LEAD_LINES))
    }

    /// Whether line `li` begins a paragraph rather than continuing a hard-wrapped one: a blank
    /// line or an indent (or a feed's control byte) before it, or a previous line that ends a
    /// sentence or is a headline.
    fn starts_paragraph(&self, li: usize) -> bool {
        let Some(prev) = li.checked_sub(1).map(|p| self.line(p)) else {
            return true;
        };
        let cur = self.line(li);
        let between = self.slice(prev.end, cur.start);
        // Two line breaks make a blank line; stop counting there, gaps can be long.
        let breaks = between
            .matches('\n')
            .take(2)
            .count()
            .max(between.matches('\r').take(2).count());
        let indented = between
            .rsplit(['\n', '\r', '\u{2028}', '\u{2029}'])
            .next()
            .is_some_and(|indent| !indent.is_empty());
        let prev_text = self.slice(prev.start, prev.end);
        breaks >= 2
            || indented
            || prev_text.ends_with(['.', '!', '?', ':', '"', '\'', ')', '\u{201d}', '\u{2019}'])
            || alnum_words(prev_text).count() < BODY_WORDS
            || !prev_text.chars().any(char::is_lowercase)
    }
}

/// Splits text into non-empty lines, trimming white space and control bytes (wire feeds put
/// 0x19 before paragraphs and 0x03 after stories).
fn split_lines(text: &str) -> Vec<Line> {
    let trim = |c: char| c.is_whitespace() || c.is_control() || c == '\u{feff}';
    let mut lines = Vec::new();
    let mut start = 0;
    let mut push = |s: usize, e: usize| {
        let raw = text.get(s..e).unwrap_or("");
        let lead = raw.len() - raw.trim_start_matches(trim).len();
        let content = raw.trim_matches(trim);
        if !content.is_empty() {
            lines.push(Line {
                start: s + lead,
                end: s + lead + content.len(),
            });
        }
    };
    for (i, c) in text.char_indices() {
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            push(start, i);
            start = i + c.len_utf8();
        }
    }
    push(start, text.len());
    lines
}

/// A place and date before a dateline's "(Agency)": "WASHINGTON, May 8", "Mumbai, Feb 8",
/// "BEIJING, Jan. 5", "Rio de Janeiro"; empty for a bare "(AP) —".
fn is_dateline_prefix(prefix: &str) -> bool {
    if prefix.is_empty() {
        return true;
    }
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

/// Past the dash or colon that follows a dateline's ")".
fn skip_separator(text: &str, pos: usize, limit: usize) -> usize {
    let rest = text.get(pos..limit.max(pos)).unwrap_or("");
    let trimmed = rest.trim_start_matches([' ', '\t']);
    let skipped = rest.len() - trimmed.len();
    for sep in ["--", "\u{2014}", "\u{2013}", "\u{2015}", "-", ":"] {
        if trimmed.starts_with(sep) {
            return pos + skipped + sep.len();
        }
    }
    pos
}

/// Whether the text between two agency names only lists them: "and", "&", ",", "/", "the".
fn is_list_gap(gap: &str) -> bool {
    gap.len() <= 20
        && !gap.contains(['\n', '\r'])
        && gap
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '&' | '+'))
            .all(|w| w.is_empty() || in_list(&["and", "the"], w))
}

/// The longest start of `s` of at most `max` bytes that ends on a character boundary.
fn head_within(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn alnum_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn last_word(s: &str) -> Option<(usize, &str)> {
    let end = s.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    let head = s.get(..end)?;
    let start = head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
        i + head
            .get(i..)
            .and_then(|t| t.chars().next())
            .map_or(1, char::len_utf8)
    });
    let word = head.get(start..)?;
    (!word.is_empty()).then_some((start, word))
}

/// The alphanumeric word starting at `pos`, if one does.
fn word_at(text: &str, pos: usize, limit: usize) -> Option<(usize, &str)> {
    let rest = text.get(pos..limit.max(pos))?;
    let len = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    (len > 0).then(|| (pos, rest.get(..len).unwrap_or("")))
}

/// Up to `n` words before `pos`, nearest first, separated from it and each other only by
/// white space (punctuation ends a phrase).
fn words_before(text: &str, pos: usize, floor: usize, n: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut head = text.get(floor.min(pos)..pos).unwrap_or("");
    while out.len() < n {
        let trimmed = head.trim_end();
        if trimmed.len() == head.len() && !out.is_empty() {
            break;
        }
        let Some((start, word)) = last_word(trimmed) else {
            break;
        };
        if start + word.len() != trimmed.len() {
            break;
        }
        out.push((floor.min(pos) + start, word));
        head = trimmed.get(..start).unwrap_or("");
    }
    out
}

/// Up to `n` words after `pos`, separated only by white space.
fn words_after(text: &str, pos: usize, limit: usize, n: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = pos;
    while out.len() < n {
        let rest = text.get(at..limit.max(at)).unwrap_or("");
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() && (!out.is_empty() || rest.is_empty()) {
            break;
        }
        let start = at + rest.len() - trimmed.len();
        let Some((p, w)) = word_at(text, start, limit) else {
            break;
        };
        out.push((p, w));
        at = p + w.len();
    }
    out
}

/// The start of `phrase` if the words before a point (nearest first) end with it, allowing
/// one article between ("according to the Associated Press").
fn phrase_before(words: &[(usize, &str)], phrase: &str) -> Option<usize> {
    let want: Vec<&str> = phrase.split(' ').rev().collect();
    let matches_at = |skip: usize| -> Option<usize> {
        let got = words.get(skip..skip + want.len())?;
        got.iter()
            .zip(&want)
            .all(|((_, g), w)| g.eq_ignore_ascii_case(w))
            .then(|| got.last().map(|(p, _)| *p))
            .flatten()
    };
    matches_at(0).or_else(|| match words.first() {
        Some((_, w)) if in_list(&["the", "a", "an"], w) => matches_at(1),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const P1: &str = "The fictional town of Lowmere opened a footbridge over the river on Tuesday, officials said.";
    const P2: &str = "Residents had waited nearly a decade for the crossing, which links the square to the station.";
    const P3: &str =
        "The mayor, Ada Quill, said the bridge would carry about two thousand walkers a day.";
    const BANNER: &str =
        "If you value our reporting, please donate today. Every contribution keeps us independent.";

    /// (agency, kind, credited phrase) for every credit in `text`.
    fn found(text: &str) -> Vec<(String, &'static str, String)> {
        find_credits(&AgencyTable::builtin(), text)
            .into_iter()
            .map(|c| {
                assert!(
                    c.start < c.end && c.end <= text.len(),
                    "range inside the text: {c:?}"
                );
                (c.agency, c.kind.as_str(), text[c.start..c.end].to_string())
            })
            .collect()
    }

    fn one(text: &str) -> (String, &'static str, String) {
        let got = found(text);
        assert_eq!(
            got.len(),
            1,
            "exactly one credit expected in {text:?}, got {got:?}"
        );
        got.into_iter().next().unwrap()
    }

    fn paras(parts: &[&str]) -> String {
        parts.join("\n\n")
    }

    fn assert_credit(text: &str, agency: &str, kind: &str, phrase: &str) {
        let (a, k, p) = one(text);
        assert_eq!(
            (a.as_str(), k, p.as_str()),
            (agency, kind, phrase),
            "in {text:?}"
        );
    }

    fn assert_none(text: &str) {
        let got = found(text);
        assert!(got.is_empty(), "no genuine credit in {text:?}, got {got:?}");
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
            ("MADRID, 3 jul (EFE).- ", "EFE", ""),
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
            if !phrase.is_empty() {
                assert_eq!(p, phrase, "the whole dateline is highlighted");
            }
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
    fn sign_off_ends_the_last_paragraph() {
        for (end, agency, phrase) in [
            (" -- IANS", "IANS", "-- IANS"),
            (" \u{2014} Reuters", "Reuters", "\u{2014} Reuters"),
            (" - ANI", "ANI", "- ANI"),
            (" (AFP)", "AFP", "(AFP)"),
        ] {
            let text = paras(&[P1, P2, &format!("{P3}{end}")]);
            assert_credit(&text, agency, "sign_off", phrase);
        }
    }

    #[test]
    fn bylines() {
        for (line, agency) in [
            ("By Jane Doe, Reuters", "Reuters"),
            ("By Reuters Staff", "Reuters"),
            ("By AFP", "AFP"),
            ("By Jane Doe | PTI", "PTI"),
            ("BY JANE DOE, ASSOCIATED PRESS", "AP"),
            (
                "By Ola Nordmann and Kari Holm, Associated Press Writers",
                "AP",
            ),
        ] {
            let text = paras(&["Footbridge opens in Lowmere", line, P1, P2, P3, P1, P2, P3]);
            assert_credit(&text, agency, "byline", line);
        }
    }

    #[test]
    fn contributor_line_is_a_byline() {
        let note = "Associated Press writer Jane Doe in Lisbon contributed to this report.";
        let text = paras(&[P1, P2, P3, P1, P2, P3, P1, note, BANNER, P3, P2, P1, P3, P2]);
        assert_credit(
            &text,
            "AP",
            "byline",
            "Associated Press writer Jane Doe in Lisbon contributed to this report",
        );
    }

    #[test]
    fn by_in_an_ordinary_sentence_is_not_a_byline() {
        let text = paras(&[
            P1,
            P2,
            "By Tuesday, Reuters had learned of the new timetable for the works.",
            P3,
            P1,
            P2,
            P3,
            P1,
        ]);
        assert_none(&text);
    }

    #[test]
    fn with_inputs_from_credits_each_agency() {
        let text = paras(&[P1, P2, P3, "(With inputs from Reuters and AFP)"]);
        let got = found(&text);
        assert_eq!(got.len(), 2, "one credit per agency: {got:?}");
        for ((agency, kind, phrase), want) in got.iter().zip(["Reuters", "AFP"]) {
            assert_eq!((agency.as_str(), *kind), (want, "with_inputs"));
            assert_eq!(
                phrase, "(With inputs from Reuters and AFP)",
                "the whole phrase is highlighted"
            );
        }
        let inline = paras(&[
            P1,
            P2,
            &format!("{P3} This story was written with inputs from PTI."),
            P1,
            P2,
            P3,
            P1,
        ]);
        assert_credit(&inline, "PTI", "with_inputs", "with inputs from PTI");
        let others = paras(&[P1, "(With agency inputs from IANS and other agencies)", P2]);
        assert_credit(
            &others,
            "IANS",
            "with_inputs",
            "(With agency inputs from IANS and other agencies)",
        );
    }

    #[test]
    fn according_to_and_reported_forms() {
        let cases = [
            (
                "The works cost more than planned, according to a Reuters report.",
                "Reuters",
                "according to a Reuters report",
            ),
            (
                "The works cost more than planned, according to the Associated Press.",
                "AP",
                "according to the Associated Press",
            ),
            (
                "The works cost more than planned, Reuters reported on Monday.",
                "Reuters",
                "Reuters reported",
            ),
            (
                "The works cost more than planned, as reported by AFP last week.",
                "AFP",
                "as reported by AFP",
            ),
            (
                "A report by the Associated Press said the works cost more.",
                "AP",
                "A report by the Associated Press",
            ),
            (
                "The works cost more than planned, Xinhua news agency has reported.",
                "Xinhua",
                "Xinhua news agency has reported",
            ),
            (
                "The works cost more than planned, ACCORDING TO REUTERS.",
                "Reuters",
                "ACCORDING TO REUTERS",
            ),
            (
                "An AFP report said the works cost more than planned.",
                "AFP",
                "An AFP report",
            ),
        ];
        for (sentence, agency, phrase) in cases {
            let text = paras(&[P1, P2, P3, sentence, P1, P2, P3, P1, P2]);
            assert_credit(&text, agency, "according_to", phrase);
        }
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

    #[test]
    fn mentions_in_ordinary_sentences_are_not_credits() {
        for sentence in [
            "The plan appears in a draft seen by Reuters earlier this month.",
            "Reuters could not independently verify the claims made by the council.",
            "A spokesman for the council told Reuters the works would finish soon.",
            "The engineer told AFP that the steel had arrived late from the mill.",
            "The mayor said in an interview with AP that the budget was tight.",
            "Xinhua said the delegation would visit the site again next spring.",
            "Journalists from PTI and ANI waited outside the council chamber.",
            "The mayor was quoted by Reuters as saying the bridge was safe.",
        ] {
            assert_none(&paras(&[P1, sentence, P2, P3, P1, P2, P3, P1]));
            assert_none(&paras(&[sentence, P2, P3]));
        }
    }

    #[test]
    fn picture_and_video_credits_are_not_credits() {
        for caption in [
            "PHOTO: REUTERS",
            "(Photo: AFP)",
            "A protester waves a flag near the square. REUTERS/Jane Smith",
            "File photo: AP",
            "Image: Xinhua",
            "AFP via Getty Images",
            "Video: Reuters",
            "Getty Images/AFP",
            "AP Photo/John Roe",
            "Photo by AFP",
        ] {
            assert_none(&paras(&[P1, P2, P3, caption]));
            assert_none(&paras(&[caption, P1, P2, P3]));
            assert_none(&paras(&[&format!("{P1} {caption}"), P2, P3]));
        }
    }

    #[test]
    fn agency_inside_a_longer_name_is_not_a_credit() {
        for name in [
            "Reuters Institute",
            "AP Stylebook",
            "PA Consulting",
            "Reuters-Ipsos",
            "reuters.com",
            "@Reuters",
        ] {
            assert_none(&paras(&[P1, P2, P3, name]));
            let sentence = format!("According to the {name} survey, trust in news fell.");
            assert_none(&paras(&[P1, &sentence, P2, P3, P1, P2, P3, P1]));
        }
        let report = "The findings, according to a Reuters Institute report, surprised editors.";
        assert_none(&paras(&[P1, report, P2, P3, P1, P2, P3, P1]));
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
    fn acronym_lookalikes_are_not_credits() {
        assert_none(&paras(&[P1, P2, P3, "ap"]));
        assert_none(&paras(&[P1, P2, P3, "-- Afp"]));
        assert_none(&paras(&[
            "LONDON (APPLE) - The fruit market opened late on Monday.",
            P2,
        ]));
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
        let t = AgencyTable::builtin();
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
