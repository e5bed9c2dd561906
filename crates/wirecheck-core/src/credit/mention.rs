//! The model every credit form reads: the article's non-empty lines, the agency names found in
//! it through [`AgencyTable::mentions`](super::agencies::AgencyTable::mentions), where each
//! stands, and small word helpers. Offsets are bytes into the text given.
//!
//! Nothing here decides what is a credit; the form modules beside it do.

use std::ops::Range;

use super::agencies::Mention;
use crate::text::boilerplate;

/// Byte range of a credit phrase: start, and just past its end.
pub(super) type Span = (usize, usize);

/// Non-empty lines this close to either end of the article may be credit lines.
pub(super) const EDGE_LINES: usize = 5;
/// The opening paragraph, for "(AP)", is looked for within this many non-empty lines.
const LEAD_LINES: usize = 4;
/// A line with at least this many words is body text, not a headline or a credit.
pub(super) const BODY_WORDS: usize = 8;

/// A line under `SHORT_LINE_NUM / SHORT_LINE_DEN` of the width of the line before it is short
/// for [`Doc::starts_paragraph`]: a ragged right margin varies less.
const SHORT_LINE_NUM: usize = 2;
const SHORT_LINE_DEN: usize = 3;
/// A line with at least this many words is a paragraph of the story, not a menu entry, a
/// caption's credit or a newsletter prompt: the story's text lies between the first and the
/// last such line ([`Doc::near_edge`]).
const STORY_WORDS: usize = 20;
/// How far back on a line [`Doc::inside_quote`] looks for an opening quotation mark.
const QUOTE_LOOKBACK: usize = 2_000;
/// Credit lines and bylines longer than this are sentences.
pub(super) const MAX_CREDIT_LINE_BYTES: usize = 120;
/// Longest bracketed line that starts a paragraph of its own ([`is_bracketed`]).
const MAX_BRACKETED_LINE: usize = 40;

/// Words that mark a picture or video credit next to an agency name.
#[rustfmt::skip]
pub(super) const PICTURE_WORDS: &[&str] = &[
    "photo", "photos", "photograph", "photographs", "picture", "pictures", "pic", "pics", "image",
    "images", "video", "videos", "footage", "tv", "file", "graphic", "graphics", "illustration",
    "handout", "pool", "via", "caption",
    // French, Spanish, German, Portuguese, Italian: "Photo AFP", "Foto: dpa", "Imagen: EFE".
    "foto", "fotos", "bild", "bilder", "imagen", "imagem", "immagine", "vidéo", "vídeo",
    "illustrations", "archives", "archivo", "arquivo", "archivio",
];
/// Words naming people who wrote part of a story, before "contributed".
#[rustfmt::skip]
pub(super) const CONTRIBUTOR_WORDS: &[&str] = &[
    "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "journalist",
    "journalists", "staff", "staffers",
];

/// A non-empty line: byte range of its content without surrounding space or control bytes.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    pub start: usize,
    pub end: usize,
}

/// Mentions next to each other on one line, joined only by "and", commas or slashes.
pub(super) struct Group {
    /// Indices into [`Doc::mentions`].
    pub members: Vec<usize>,
    /// Index into [`Doc::lines`].
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

/// An article as lines and agency mentions.
pub(super) struct Doc<'a> {
    pub text: &'a str,
    pub lines: Vec<Line>,
    pub mentions: &'a [Mention],
    /// How many lines open the article, from [`Doc::lead_lines`].
    pub lead: usize,
    /// Byte ranges of donation banners, feed notices and the like
    /// ([`boilerplate::find`]), sorted: what may follow the last paragraph.
    boilerplate: Vec<Range<usize>>,
    /// The first and last lines of [`STORY_WORDS`] words or more, if any.
    story: Option<(usize, usize)>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, mentions: &'a [Mention]) -> Self {
        let mut doc = Doc {
            text,
            lines: split_lines(text),
            mentions,
            lead: 0,
            boilerplate: boilerplate::find(text),
            story: None,
        };
        doc.lead = doc.lead_lines();
        // Boilerplate (a cookie notice, a donation banner) is no paragraph of the story.
        let long = |li: usize| {
            let l = doc.line(li);
            alnum_words(doc.slice(l.start, l.end)).count() >= STORY_WORDS && !doc.is_boilerplate(li)
        };
        let first = (0..doc.lines.len()).find(|&li| long(li));
        let last = (0..doc.lines.len()).rev().find(|&li| long(li));
        doc.story = first.zip(last);
        doc
    }

    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or("")
    }

    pub fn line(&self, li: usize) -> Line {
        self.lines
            .get(li)
            .copied()
            .unwrap_or(Line { start: 0, end: 0 })
    }

    pub fn line_text(&self, li: usize) -> &'a str {
        let line = self.line(li);
        self.slice(line.start, line.end)
    }

    pub fn line_index(&self, pos: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= pos)
            .saturating_sub(1)
    }

    pub fn is_mention_start(&self, pos: usize) -> bool {
        self.mentions
            .binary_search_by_key(&pos, |m| m.start)
            .is_ok()
    }

    pub fn is_mention_end(&self, pos: usize) -> bool {
        self.mentions.binary_search_by_key(&pos, |m| m.end).is_ok()
    }

    /// Mentions next to each other on one line, skipping those `excluded`.
    pub fn groups(&self, line_of: &[usize], excluded: &[bool]) -> Vec<Group> {
        let mut out: Vec<Group> = Vec::new();
        for (i, m) in self.mentions.iter().enumerate() {
            if excluded.get(i).copied().unwrap_or(true) {
                continue;
            }
            let li = line_of.get(i).copied().unwrap_or(0);
            // The agency's abbreviation after its name: "the German Press Agency (dpa)
            // reported", "Press Trust of India (PTI)". One mention, the group up to ")".
            if let Some(g) = out.last_mut()
                && g.line == li
                && g.members.last().is_some_and(|&p| {
                    p + 1 == i && self.mentions.get(p).is_some_and(|l| l.agency == m.agency)
                })
                && self.slice(g.end, m.start).trim() == "("
                && self.text.get(m.end..).is_some_and(|t| t.starts_with(')'))
            {
                g.end = m.end + 1;
                continue;
            }
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

    /// The agency mentions on `line` (or any span of the text), in order.
    pub fn mentions_on(&self, line: Line) -> &'a [Mention] {
        let first = self.mentions.partition_point(|m| m.end <= line.start);
        let rest = self.mentions.get(first..).unwrap_or(&[]);
        &rest[..rest.partition_point(|m| m.start < line.end)]
    }

    /// The words of a line outside its agency mentions.
    pub fn residual_words(&self, line: Line) -> Vec<&'a str> {
        let mut words = Vec::new();
        let mut pos = line.start;
        for m in self.mentions_on(line) {
            words.extend(alnum_words(self.slice(pos, m.start.max(pos))));
            pos = m.end.max(pos);
        }
        words.extend(alnum_words(self.slice(pos.min(line.end), line.end)));
        words
    }

    /// Whether line `li` is among the first or last [`EDGE_LINES`] of the text, or that close
    /// before the story's first paragraph or after its last ([`STORY_WORDS`]): a saved page
    /// keeps its menus above the story ("Xinhua | Updated: …" under the headline, a dozen
    /// lines down) and its newsletter box below it ("Source: Yonhap" and then the sign-up).
    pub fn near_edge(&self, li: usize) -> bool {
        let near_story = self.story.is_some_and(|(first, last)| {
            (li < first && first - li <= EDGE_LINES) || (li > last && li - last <= EDGE_LINES)
        });
        li < EDGE_LINES || self.near_end(li) || near_story
    }

    /// Whether line `li` comes within [`EDGE_LINES`] after the first line of the story: where
    /// a page sets its byline and time stamp ("IANS | Updated: …") below a standfirst that is
    /// itself a long line, with the picture's caption between them.
    pub fn just_after_story_start(&self, li: usize) -> bool {
        self.story
            .is_some_and(|(first, _)| li > first && li - first <= EDGE_LINES)
    }

    /// Whether line `li` is among the last [`EDGE_LINES`] of the text, or that close after
    /// the story's last paragraph, or is that paragraph: where a sign-off stands on a saved
    /// page whose story is followed by its tags, a "Trending" list and a cookie notice.
    pub fn near_end(&self, li: usize) -> bool {
        li + EDGE_LINES >= self.lines.len()
            || self
                .story
                .is_some_and(|(_, last)| li >= last && li - last <= EDGE_LINES)
    }

    /// Whether line `li` lies in the upper half of the story (of the text when it has no line
    /// of [`STORY_WORDS`] words), before its last paragraph: where a picture and its caption
    /// stand, not the story's own credit after its text.
    pub fn in_upper_half(&self, li: usize) -> bool {
        match self.story {
            Some((first, last)) => li < last && li.saturating_sub(first) * 2 < last - first,
            None => li * 2 < self.lines.len(),
        }
    }

    /// Whether line `li` is the story's last paragraph: the last line of [`STORY_WORDS`]
    /// words or more, after which a saved page has only short lines (tags, headlines of
    /// other stories, a cookie notice).
    pub fn is_story_end(&self, li: usize) -> bool {
        self.story.is_some_and(|(_, last)| last == li)
    }

    /// Whether the line before `li` is a paragraph's last line: [`STORY_WORDS`] words or more
    /// ending a sentence (a live blog's entry, a compilation's item), not a table's row or a
    /// chart's caption.
    pub fn follows_paragraph(&self, li: usize) -> bool {
        li.checked_sub(1).is_some_and(|prev| {
            let text = self.line_text(prev);
            alnum_words(text).take(STORY_WORDS).count() >= STORY_WORDS
                && text.ends_with(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}'])
        })
    }

    /// Whether the line after `li` opens another item rather than going on with the story: a
    /// heading or a time stamp (under [`STORY_WORDS`] words, or no sentence's end), as a
    /// live blog's next entry or a compilation's next story opens.
    pub fn precedes_heading(&self, li: usize) -> bool {
        li + 1 < self.lines.len() && {
            let text = self.line_text(li + 1);
            alnum_words(text).take(STORY_WORDS).count() < STORY_WORDS
                || !text.ends_with(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}'])
        }
    }

    /// Whether line `li` lies wholly inside boilerplate.
    pub fn is_boilerplate(&self, li: usize) -> bool {
        let line = self.line(li);
        let at = self.boilerplate.partition_point(|b| b.end <= line.start);
        self.boilerplate
            .get(at)
            .is_some_and(|b| b.start <= line.start && line.end <= b.end)
    }

    /// Whether line `li` ends the last paragraph of the text: every line after it is
    /// boilerplate or too short to be a paragraph (tags, a date, "Comments").
    ///
    /// On a saved page the story's last paragraph ([`Doc::is_story_end`]) counts too: the
    /// lines after it are short but many ("Trending", other stories' headlines).
    pub fn ends_last_paragraph(&self, li: usize) -> bool {
        !self.is_boilerplate(li)
            && (self.is_story_end(li)
                || (li + 1..self.lines.len()).all(|next| {
                    self.is_boilerplate(next)
                        || alnum_words(self.line_text(next)).take(BODY_WORDS).count() < BODY_WORDS
                }))
    }

    /// Whether `pos` lies inside quotation marks opened earlier on its line (looking back
    /// at most [`QUOTE_LOOKBACK`] bytes, so that a huge line stays linear).
    pub fn inside_quote(&self, pos: usize) -> bool {
        let line = self.line(self.line_index(pos));
        let mut from = line.start.max(pos.saturating_sub(QUOTE_LOOKBACK)).min(pos);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let before = self.slice(from, pos);
        let straight = before.matches('"').count();
        // A German „ closes with “, the mark that opens an English quotation.
        let low = before.matches('\u{201e}').count();
        let high = before.matches('\u{201c}').count();
        let german = low.min(high);
        let open = low + high - german + before.matches(['\u{ab}', '\u{2039}']).count();
        let close = german + before.matches(['\u{201d}', '\u{bb}', '\u{203a}']).count();
        straight % 2 == 1 || open > close
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
    pub fn starts_paragraph(&self, li: usize) -> bool {
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
            || self.is_short_inside_block(li)
            || is_bracketed(self.slice(cur.start, cur.end))
    }

    /// Whether line `li` is much shorter than the line before it and another line follows it in
    /// the same block: a hard-wrapped paragraph's lines fill the width but its last, so such a
    /// line is a block of short lines (a page's headline, byline and date: "By Eleanor Fitch,
    /// PA" between a long headline and "Wednesday 25 November 2026, 8:05am"), not wrapped text.
    fn is_short_inside_block(&self, li: usize) -> bool {
        let (Some(prev), Some(next)) = (li.checked_sub(1), li.checked_add(1)) else {
            return false;
        };
        if next >= self.lines.len() {
            return false;
        }
        let (prev, cur, next) = (self.line(prev), self.line(li), self.line(next));
        let width = |l: Line| self.slice(l.start, l.end).chars().count();
        let between = self.slice(cur.end, next.start);
        let one_break = between
            .matches('\n')
            .count()
            .max(between.matches('\r').count())
            == 1;
        one_break && width(cur) * SHORT_LINE_DEN < width(prev) * SHORT_LINE_NUM
    }
}

/// Whether a line is one short bracketed group and nothing else, "(Bernama)" under a
/// headline: a line of its own, not the end of a wrapped sentence.
fn is_bracketed(line: &str) -> bool {
    line.len() <= MAX_BRACKETED_LINE
        && line
            .strip_prefix('(')
            .and_then(|l| l.strip_suffix(')'))
            .is_some_and(|inner| !inner.contains(['(', ')']))
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

/// Whether the text between two agency names only lists them: "and", "&", ",", "/", "the".
fn is_list_gap(gap: &str) -> bool {
    gap.len() <= 20
        && !gap.contains(['\n', '\r'])
        && gap
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '&' | '+'))
            .all(|w| w.is_empty() || in_list(&["and", "the"], w))
}

/// Whether `c` is a dash that sets a credit apart: hyphen, en dash, em dash, horizontal bar.
pub(super) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
    )
}

/// The longest start of `s` of at most `max` bytes that ends on a character boundary.
pub(super) fn head_within(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

pub(super) fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| same_word(w, word))
}

/// Two words equal ignoring case, accented capitals included ("SEGÚN" is "según").
pub(super) fn same_word(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || (!(a.is_ascii() && b.is_ascii())
            && a.chars()
                .flat_map(char::to_lowercase)
                .eq(b.chars().flat_map(char::to_lowercase)))
}

/// Words that French and Italian elide before a vowel, glued to the next word by an apostrophe:
/// "l'AFP", "d'après", "dell'ANSA", "all'ANSA".
#[rustfmt::skip]
pub(super) const ELIDED: &[&str] = &[
    "l", "d", "qu", "dell", "all", "dall", "nell", "sull", "un",
];

/// Articles that may stand between a credit phrase and the agency: "according to the
/// Associated Press", "selon l'AFP", "según la agencia EFE", "laut der dpa", "segundo a Lusa",
/// "secondo l'ANSA".
#[rustfmt::skip]
pub(super) const ARTICLES: &[&str] = &[
    "the", "a", "an", "l", "la", "le", "el", "der", "die", "den", "o", "il", "lo",
];

/// The nouns for "news agency" that may stand before an agency's name, longest first, each
/// written nearest word first: "l'agence de presse AFP" reads `presse`, `de`, `agence`.
#[rustfmt::skip]
const AGENCY_NOUNS: &[&[&str]] = &[
    &["presse", "de", "agence"], &["noticias", "de", "agencia"], &["notícias", "de", "agência"],
    &["stampa", "di", "agenzia"], &["agence"], &["agencia"], &["agência"], &["agenzia"],
    &["nachrichtenagentur"], &["agentur"],
];

/// Skips a "news agency" noun in another language right before the agency ("l'agence AFP",
/// "la agencia EFE", "die Nachrichtenagentur dpa", "a agência Lusa"), with its article: the
/// words before it, nearest first, and where the noun phrase starts.
pub(super) fn skip_foreign_agency_noun<'w, 'a>(
    before: &'w [(usize, &'a str)],
) -> (Option<usize>, &'w [(usize, &'a str)]) {
    for noun in AGENCY_NOUNS {
        let Some(got) = before.get(..noun.len()) else {
            continue;
        };
        if got
            .iter()
            .zip(noun.iter())
            .all(|((_, g), w)| same_word(g, w))
        {
            let mut start = got.last().map(|(p, _)| *p);
            let mut rest = before.get(noun.len()..).unwrap_or(&[]);
            if let Some(((p, w), tail)) = rest.split_first()
                && in_list(ARTICLES, w)
            {
                start = Some(*p);
                rest = tail;
            }
            return (start, rest);
        }
    }
    (None, before)
}

pub(super) fn alnum_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

pub(super) fn last_word(s: &str) -> Option<(usize, &str)> {
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

/// Whether `text` opens with a copyright sign or word: "©", "(c)", "Copyright".
pub(super) fn starts_with_copyright(text: &str) -> bool {
    text.starts_with('\u{a9}')
        || text.get(..3).is_some_and(|s| s.eq_ignore_ascii_case("(c)"))
        || text
            .get(..9)
            .is_some_and(|s| s.eq_ignore_ascii_case("copyright"))
}

/// Whether `head`, the text before an agency with no space between, ends a sentence: a full
/// stop (or "!", "?") straight after a plain lower-case word, "no immediate plans.Reuters", as
/// a careless paste leaves it; not an abbreviation's stop ("U.S.Reuters") or a domain name
/// ("news.Reuters").
pub(super) fn ends_sentence_unspaced(head: &str) -> bool {
    let Some(word) = head.strip_suffix(['.', '!', '?']) else {
        return false;
    };
    let word = word.rsplit(char::is_whitespace).next().unwrap_or("");
    word.chars().last().is_some_and(char::is_lowercase) && word.chars().all(char::is_alphabetic)
}

/// Whether `tail`, the rest of a line after an agency, is the initials of the desk that
/// handled the story, as Indian agencies sign off ("PTI ABC DEF", "IANS ab/kvd"): after white
/// space, one to four groups of two to four capital letters, or lower-case groups joined by
/// slashes.
pub(super) fn desk_initials(tail: &str) -> bool {
    let is_group = |g: &str, upper: bool| {
        (2..=4).contains(&g.len())
            && g.chars().all(|c| {
                if upper {
                    c.is_ascii_uppercase()
                } else {
                    c.is_ascii_lowercase()
                }
            })
    };
    let groups: Vec<&str> = tail.split_whitespace().collect();
    let capitals = (1..=4).contains(&groups.len()) && groups.iter().all(|g| is_group(g, true));
    let slashed = groups.len() == 1
        && groups[0].contains('/')
        && groups[0].split('/').all(|g| is_group(g, false));
    tail.starts_with(char::is_whitespace) && (capitals || slashed)
}

/// The alphanumeric word starting at `pos`, if one does.
pub(super) fn word_at(text: &str, pos: usize, limit: usize) -> Option<(usize, &str)> {
    let rest = text.get(pos..limit.max(pos))?;
    let len = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    (len > 0).then(|| (pos, rest.get(..len).unwrap_or("")))
}

/// Up to `n` words before `pos`, nearest first, separated from it and each other only by
/// white space (punctuation ends a phrase).
pub(super) fn words_before(text: &str, pos: usize, floor: usize, n: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut head = text.get(floor.min(pos)..pos).unwrap_or("");
    while out.len() < n {
        // "selon l'AFP": the elided article is a word of its own.
        if let Some(cut) = head.strip_suffix(['\'', '\u{2019}'])
            && let Some((start, word)) = last_word(cut)
            && start + word.len() == cut.len()
            && in_list(ELIDED, word)
        {
            out.push((floor.min(pos) + start, word));
            head = cut.get(..start).unwrap_or("");
            continue;
        }
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
pub(super) fn words_after(text: &str, pos: usize, limit: usize, n: usize) -> Vec<(usize, &str)> {
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
pub(super) fn phrase_before(words: &[(usize, &str)], phrase: &str) -> Option<usize> {
    let want: Vec<&str> = phrase.split(' ').rev().collect();
    let matches_at = |skip: usize| -> Option<usize> {
        let got = words.get(skip..skip + want.len())?;
        got.iter()
            .zip(&want)
            .all(|((_, g), w)| same_word(g, w))
            .then(|| got.last().map(|(p, _)| *p))
            .flatten()
    };
    matches_at(0).or_else(|| match words.first() {
        Some((_, w)) if in_list(ARTICLES, w) => matches_at(1),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_starts_a_paragraph_inside_a_block_but_not_as_a_wrapped_paragraphs_last() {
        let block = "Trust says sorry after pensioner, 88, left 31 hours in A&E with broken hip\n\
                     By Eleanor Fitch, PA\nWednesday 25 November 2026, 8:05am";
        let doc = Doc::new(block, &[]);
        assert!(
            doc.starts_paragraph(1),
            "the byline between headline and date"
        );
        let wrapped = "The council said the footbridge over the Lowmere canal would be\n\
                       reopened to walkers and cyclists next month after the works that\n\
                       began in the spring\n\nNext paragraph.";
        let doc = Doc::new(wrapped, &[]);
        assert!(!doc.starts_paragraph(1), "a full-width wrapped line");
        assert!(
            !doc.starts_paragraph(2),
            "a wrapped paragraph's short last line goes on with its sentence"
        );
        let crlf = wrapped.replace('\n', "\r\n");
        assert!(!Doc::new(&crlf, &[]).starts_paragraph(2));
    }
}
