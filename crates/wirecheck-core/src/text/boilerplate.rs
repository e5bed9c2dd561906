//! Non-article blocks (donation and newsletter appeals, share buttons, feed notices) that are
//! set aside from matching.
//!
//! Detection works on lines and paragraphs (runs of non-blank lines): one is boilerplate when a
//! pattern of [`PATTERNS`] matches it and it is short, so a long paragraph of journalism that
//! merely mentions "subscribe" is kept. A bare "Read more:" or "Related" header also takes the
//! link lines right after it. An ad marker such as `[ad_1]` is set aside wherever it stands.
//! Credit lines ("Reuters", "(With inputs from PTI)") are never matched: the credit stage needs
//! them.

use std::ops::Range;

/// How a pattern is compared with a line's key (lowercased, spaces collapsed, leading bullets
/// dropped). Phrases match whole words only.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// The whole line, ignoring trailing punctuation.
    Line(&'static str),
    /// The start of the line.
    Starts(&'static str),
    /// Anywhere in the line.
    Contains(&'static str),
}

/// One boilerplate pattern.
#[derive(Debug, Clone, Copy)]
struct Pattern {
    rule: Rule,
    /// Longest line (bytes of the key) the pattern applies to.
    max_len: usize,
    /// A header whose following link lines are boilerplate too, when it stands alone.
    lead: bool,
}

const fn p(rule: Rule, max_len: usize) -> Pattern {
    Pattern {
        rule,
        max_len,
        lead: false,
    }
}

const fn lead(rule: Rule) -> Pattern {
    Pattern {
        rule,
        max_len: 200,
        lead: true,
    }
}

use Rule::{Contains, Line, Starts};

/// Every boilerplate pattern, by kind. `max_len` keeps the contains-patterns away from
/// paragraphs of journalism; imperative openings ("Donate", "Subscribe to") are rare in news
/// copy, so they get a line's length.
const PATTERNS: &[Pattern] = &[
    // "Also read" / "Related" blocks: headers that bring their link lines along.
    lead(Starts("also read")),
    lead(Starts("read more")),
    lead(Starts("read also")),
    lead(Starts("see also")),
    lead(Starts("must read")),
    lead(Starts("related:")),
    lead(Line("related")),
    lead(Line("related stories")),
    lead(Line("related articles")),
    lead(Line("related news")),
    lead(Line("related content")),
    lead(Line("related coverage")),
    lead(Starts("recommended:")),
    lead(Line("recommended")),
    lead(Line("recommended for you")),
    lead(Line("recommended stories")),
    lead(Line("more stories")),
    lead(Line("more on this story")),
    lead(Line("you may also like")),
    lead(Line("you might also like")),
    lead(Starts("don't miss")),
    lead(Line("most read")),
    lead(Line("most popular")),
    lead(Line("trending")),
    // Donation and membership appeals.
    p(Starts("support our journalism"), 300),
    p(Contains("support our journalism"), 300),
    p(Contains("support independent journalism"), 300),
    p(Starts("support us"), 200),
    p(Starts("please support"), 200),
    p(Starts("donate"), 120),
    p(Starts("please donate"), 200),
    p(Contains("donate now"), 200),
    p(Contains("donate today"), 200),
    p(Starts("make a donation"), 200),
    p(Starts("become a member"), 200),
    p(Starts("become a subscriber"), 200),
    p(Starts("become a supporter"), 200),
    p(Starts("become a patron"), 200),
    // Newsletter and subscription sign-ups.
    p(Starts("sign up for"), 200),
    p(Starts("sign up to"), 200),
    p(Line("sign up"), 20),
    p(Starts("subscribe to"), 200),
    p(Starts("subscribe for"), 200),
    p(Starts("subscribe now"), 200),
    p(Line("subscribe"), 20),
    p(Contains("our newsletter"), 200),
    p(Contains("subscribe today"), 200),
    p(Starts("get our newsletter"), 200),
    // Syndication notices.
    p(Contains("syndicated feed"), 400),
    p(Contains("has not been edited by"), 400),
    p(Contains("from an automated feed"), 400),
    p(Contains("from a wire agency feed"), 400),
    p(Contains("published via feeds"), 300),
    p(Contains("via feeds without"), 300),
    // Share and follow buttons (lines made only of network names are handled apart).
    p(Starts("share this"), 200),
    p(Contains("share this article"), 200),
    p(Contains("share this story"), 200),
    p(Starts("share on"), 200),
    p(Starts("share via"), 200),
    p(Starts("follow us"), 200),
    p(Contains("follow us on"), 200),
    p(Starts("follow our"), 200),
    p(Starts("copy link"), 60),
    p(Line("link copied"), 20),
    // Ads and calls to action.
    p(Starts("advertisement"), 80),
    p(Line("sponsored"), 20),
    p(Line("sponsored content"), 30),
    p(Starts("story continues below"), 80),
    p(Line("skip advertisement"), 30),
    p(Starts("continue reading"), 60),
    p(Starts("scroll to continue"), 80),
    p(Starts("click here"), 200),
    p(Contains("click here to"), 200),
    p(Starts("tap here"), 200),
    p(Line("listen to this article"), 40),
    // Cookie notices.
    p(Contains("we use cookies"), 400),
    p(Contains("uses cookies"), 400),
    p(Starts("by continuing to use"), 400),
    p(Contains("cookie policy"), 300),
    p(Contains("cookie settings"), 300),
    p(Starts("accept cookies"), 100),
    p(Starts("accept all cookies"), 100),
    p(Starts("manage cookies"), 100),
];

/// Words of a share-button row. A line made only of these, with at least one of
/// [`SHARE_CORE`], is boilerplate ("Share on Facebook Twitter WhatsApp Email").
const SHARE_WORDS: &[&str] = &[
    "share",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "email",
    "e",
    "mail",
    "linkedin",
    "telegram",
    "reddit",
    "pinterest",
    "messenger",
    "flipboard",
    "copy",
    "link",
    "print",
    "tweet",
    "sms",
    "this",
    "article",
    "story",
    "on",
    "via",
    "and",
    "or",
    "threads",
    "bluesky",
    "comments",
    "comment",
    "save",
];

const SHARE_CORE: &[&str] = &[
    "share",
    "facebook",
    "twitter",
    "whatsapp",
    "email",
    "linkedin",
    "telegram",
    "reddit",
    "pinterest",
    "tweet",
    "print",
    "flipboard",
];

/// Longest paragraph (bytes of its joined key) tried as a whole.
const MAX_PARAGRAPH: usize = 400;

/// Byte ranges of `text` that are boilerplate, sorted and not overlapping.
pub fn find(text: &str) -> Vec<Range<usize>> {
    let lines = lines(text);
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if line.key.is_empty() {
            i += 1;
            continue;
        }
        let starts_paragraph = i == 0 || lines.get(i - 1).is_some_and(|l| l.key.is_empty());
        if starts_paragraph {
            let rest = lines.get(i..).unwrap_or_default();
            let paragraph = rest
                .iter()
                .position(|l| l.key.is_empty())
                .and_then(|n| rest.get(..n))
                .unwrap_or(rest);
            // A paragraph counts as a whole only when no line of it matches alone: a wrapped
            // notice, not a credit line next to a sign-up line.
            let wrapped = paragraph.len() > 1
                && paragraph.iter().map(|l| l.key.len() + 1).sum::<usize>() <= MAX_PARAGRAPH + 1
                && paragraph.iter().all(|l| l.hit.is_none());
            if wrapped {
                let key = paragraph
                    .iter()
                    .map(|l| l.key.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                if hit(&key).is_some() {
                    let last = paragraph.last().map_or(line.span.end, |l| l.span.end);
                    found.push(line.span.start..last);
                    i += paragraph.len();
                    continue;
                }
            }
        }
        i += 1;
        let Some(hit) = line.hit else {
            continue;
        };
        found.push(line.span.clone());
        if let Hit::Pattern(p) = hit
            && p.lead
            && is_bare_header(&line.key, p.rule)
        {
            i = take_links(&lines, i, &mut found);
        }
    }
    found.extend(ad_markers(text));
    found.extend(issuer_furniture(text, &lines));
    merge(text, found)
}

/// Headings of a press release's closing furniture: the issuer's "About" paragraph,
/// forward-looking statements, contacts, call details. They recur in every release of the
/// issuer, so a release of another quarter shares them word for word: the issuer's own stock
/// text, not copying.
const FURNITURE_HEADINGS: &[&str] = &[
    "forward-looking statement",
    "forward looking statement",
    "cautionary statement",
    "cautionary note",
    "safe harbor",
    "safe harbour",
    "contacts",
    "contact",
    "media contact",
    "investor contact",
    "investor relations",
    "media relations",
    "press contact",
    "conference call",
    "webcast",
    "###",
];

/// Longest heading line taken for furniture.
const MAX_HEADING: usize = 60;

/// The release furniture at the end of `text`: from the first furniture heading in the second
/// half of the text (a line standing alone as its paragraph) to the end.
fn issuer_furniture(text: &str, lines: &[TextLine]) -> Option<Range<usize>> {
    let half = text.len() / 2;
    let end = text.trim_end().len();
    lines.iter().enumerate().find_map(|(i, line)| {
        let alone = (i == 0 || lines[i - 1].key.is_empty())
            && lines.get(i + 1).is_none_or(|l| l.key.is_empty());
        let heading = line.span.start >= half
            && alone
            && !line.key.is_empty()
            && line.key.len() <= MAX_HEADING
            && is_furniture_heading(text.get(line.span.clone()).unwrap_or_default(), &line.key);
        (heading && line.span.start < end).then_some(line.span.start..end)
    })
}

fn is_furniture_heading(line: &str, key: &str) -> bool {
    let key = key.trim_end_matches([':', '.']);
    if line.trim() == "###" {
        return true;
    }
    if let Some(name) = line.trim().strip_prefix("About ") {
        // "About Corvane Foods", "About the Company": a name, not a sentence.
        let words: Vec<&str> = name.split_whitespace().collect();
        return !words.is_empty()
            && words.len() <= 6
            && !name.ends_with(['.', '?', '!'])
            && words.iter().all(|w| {
                w.chars().next().is_some_and(|c| !c.is_lowercase())
                    || matches!(*w, "the" | "of" | "and" | "for" | "de" | "&")
            });
    }
    FURNITURE_HEADINGS
        .iter()
        .any(|h| key == *h || (key.starts_with(h) && key.len() <= h.len() + 30))
}

/// Why a line is boilerplate.
#[derive(Debug, Clone, Copy)]
enum Hit {
    Pattern(&'static Pattern),
    ShareRow,
}

fn hit(key: &str) -> Option<Hit> {
    if key.is_empty() {
        return None;
    }
    matching(key)
        .map(Hit::Pattern)
        .or_else(|| is_share_row(key).then_some(Hit::ShareRow))
}

/// A line of the text: its span without surrounding whitespace, its matching key, and whether
/// it matches alone.
struct TextLine {
    span: Range<usize>,
    key: String,
    hit: Option<Hit>,
}

fn lines(text: &str) -> Vec<TextLine> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut prev = "";
    for raw in text.split('\n') {
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let start = offset + lead;
        let key = key(trimmed);
        // In hard-wrapped copy a line can start mid-sentence ("... 8 cts per" / "share on
        // sales of ..."); such a line is not a block of its own.
        let continues = trimmed.chars().next().is_some_and(char::is_lowercase)
            && !prev.is_empty()
            && !prev.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', '\'', ')', ']', '|']);
        out.push(TextLine {
            span: start..start + trimmed.len(),
            hit: if continues { None } else { hit(&key) },
            key,
        });
        offset += raw.len() + 1;
        prev = trimmed;
    }
    out
}

/// Lowercase, apostrophes straightened, whitespace collapsed, leading bullets dropped.
fn key(line: &str) -> String {
    let line = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            out.push(if matches!(c, '’' | '‘') { '\'' } else { c });
        }
    }
    out
}

/// The first pattern that matches a line's key (whole-line and opening patterns before
/// contained phrases).
fn matching(key: &str) -> Option<&'static Pattern> {
    let whole = key.trim_end_matches(|c: char| !c.is_alphanumeric());
    let fits = |p: &&Pattern| key.len() <= p.max_len;
    let at_start = PATTERNS.iter().filter(fits).find(|p| match p.rule {
        Line(phrase) => whole == phrase,
        Starts(phrase) => phrase_at(key, 0, phrase),
        Contains(_) => false,
    });
    if at_start.is_some() {
        return at_start;
    }
    // Phrases are ASCII and start with a letter: a phrase can only start at the start of a
    // word of the key, so each word is tried once against every phrase.
    let mut prev_alphanumeric = false;
    for (at, c) in key.char_indices() {
        let word_start = c.is_alphanumeric() && !prev_alphanumeric;
        prev_alphanumeric = c.is_alphanumeric();
        if !word_start {
            continue;
        }
        let found = PATTERNS.iter().filter(fits).find(|p| match p.rule {
            Contains(phrase) => phrase_at(key, at, phrase),
            Line(_) | Starts(_) => false,
        });
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Whether `phrase` stands at byte `at` of `key` and ends at a word boundary.
fn phrase_at(key: &str, at: usize, phrase: &str) -> bool {
    let (k, p) = (key.as_bytes(), phrase.as_bytes());
    // First byte first: the common case is a mismatch there.
    k.get(at) == p.first() && k.get(at..at + p.len()) == Some(p) && ends_word(key, at + p.len())
}

fn ends_word(key: &str, at: usize) -> bool {
    key.get(at..)
        .and_then(|s| s.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// A header line with nothing after the header itself ("Read more:", "Related stories").
fn is_bare_header(key: &str, rule: Rule) -> bool {
    let phrase = match rule {
        Line(_) => return true,
        Starts(phrase) | Contains(phrase) => phrase,
    };
    key.get(phrase.len()..)
        .is_some_and(|rest| !rest.chars().any(char::is_alphanumeric))
}

fn is_share_row(key: &str) -> bool {
    let words = || {
        key.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    key.len() <= 150
        && words().all(|w| SHARE_WORDS.contains(&w))
        && words().any(|w| SHARE_CORE.contains(&w))
}

/// Marks the link lines after a bare header, from line `i`; returns the first line not taken.
fn take_links(lines: &[TextLine], mut i: usize, found: &mut Vec<Range<usize>>) -> usize {
    const MAX_LINKS: usize = 8;
    let mut taken = 0;
    let mut blanks = 0;
    while let Some(line) = lines.get(i) {
        if line.key.is_empty() {
            blanks += 1;
            if blanks > 1 {
                break;
            }
        } else if taken < MAX_LINKS && is_link_line(&line.key) {
            found.push(line.span.clone());
            taken += 1;
            blanks = 0;
        } else {
            break;
        }
        i += 1;
    }
    i
}

/// A URL, or a short line that does not end like a sentence (a headline).
fn is_link_line(key: &str) -> bool {
    if key.contains("http://") || key.contains("https://") || key.contains("www.") {
        return key.len() <= 300;
    }
    let last = key
        .trim_end_matches(['"', '\'', '”', ')', ' '])
        .chars()
        .next_back();
    key.len() <= 150 && !matches!(last, Some('.' | '!' | '?' | ',' | ';' | ':'))
}

/// `[ad_1]`, `[ad]`, `[ad2]` anywhere in the text.
fn ad_markers(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (at, _) in text.match_indices('[') {
        let Some(after) = bytes.get(at + 1..at + 3) else {
            continue;
        };
        if !after.eq_ignore_ascii_case(b"ad") {
            continue;
        }
        let mut j = at + 3;
        if bytes.get(j) == Some(&b'_') {
            j += 1;
        }
        while bytes.get(j).is_some_and(u8::is_ascii_digit) && j - at < 12 {
            j += 1;
        }
        if bytes.get(j) == Some(&b']') {
            out.push(at..j + 1);
        }
    }
    out
}

/// Sorts the ranges and merges those that overlap or are separated only by whitespace.
fn merge(text: &str, mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        if let Some(last) = out.last_mut() {
            let gap = text.get(last.end..r.start).unwrap_or_default();
            if r.start <= last.end || gap.trim().is_empty() {
                last.end = last.end.max(r.end);
                continue;
            }
        }
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn blocks(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|r| &text[r]).collect()
    }

    const STORY: &str = "The council of Northbrook approved the harbour plan on Tuesday.";

    #[test]
    fn appeals_and_signups() {
        let text = format!(
            "{STORY}\n\nSupport our journalism. Donate today.\n\n{STORY}\n\
             Sign up for our newsletter\n{STORY}\nBecome a member\n"
        );
        assert_eq!(
            blocks(&text),
            [
                "Support our journalism. Donate today.",
                "Sign up for our newsletter",
                "Become a member"
            ]
        );
    }

    #[test]
    fn long_journalism_mentioning_subscribe_is_kept() {
        let text = "Subscribers to the Northbrook water scheme, who were told to subscribe to \
                    a new plan last year, said the council had failed to explain the fees, and \
                    several residents told the meeting that they would take the matter to the \
                    regional ombudsman if the charges were not withdrawn by spring.";
        assert!(
            find(text).is_empty(),
            "a long news paragraph is not boilerplate"
        );
        assert!(find("She said she would donate her prize money.").is_empty());
    }

    #[test]
    fn syndication_notice_over_two_lines() {
        let text = format!(
            "{STORY}\n\n(Except for the headline, this story has not been edited by\n\
             Example Daily staff and is auto-generated from a syndicated feed.)\n"
        );
        let found = blocks(&text);
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("(Except") && found[0].ends_with("feed.)"));
    }

    #[test]
    fn automated_feed_notices() {
        for notice in [
            "The article is generated from an automated feed and has not been edited by our staff.",
            "The article is generated from an automated feed and has not been edited.",
            "This story has been published from a wire agency feed without modifications to the text.",
            "This article was published via feeds without changes by our desk.",
        ] {
            let text = format!("{STORY}\n\n{notice}\n");
            assert_eq!(blocks(&text), [notice], "{notice:?} is a feed notice");
        }
    }

    #[test]
    fn share_rows_and_buttons() {
        let text = format!(
            "Share this article\n{STORY}\nShare on Facebook Twitter WhatsApp Email\n{STORY}\n\
             Facebook  Twitter  Copy link\n{STORY}\nFollow us on Mastodon\n"
        );
        assert_eq!(
            blocks(&text),
            [
                "Share this article",
                "Share on Facebook Twitter WhatsApp Email",
                "Facebook  Twitter  Copy link",
                "Follow us on Mastodon"
            ]
        );
    }

    #[test]
    fn read_more_takes_its_link_lines() {
        let text = format!(
            "{STORY}\n\nAlso read:\nMayor opens new bridge\nhttps://example.invalid/x\n\n{STORY}\n"
        );
        let found = find(&text);
        assert_eq!(found.len(), 1, "header and links form one block");
        assert_eq!(
            &text[found[0].clone()],
            "Also read:\nMayor opens new bridge\nhttps://example.invalid/x"
        );
        let inline = format!("Read more: Mayor opens new bridge\n{STORY}\n");
        assert_eq!(blocks(&inline), ["Read more: Mayor opens new bridge"]);
        assert_eq!(
            blocks(&format!("Related\n• Ferry fares rise\n{STORY}")),
            ["Related\n• Ferry fares rise"]
        );
    }

    #[test]
    fn ad_markers_and_calls_to_action() {
        let text =
            "The mayor said [ad_1] the bridge would open.\nADVERTISEMENT\nClick here to read more";
        assert_eq!(
            blocks(text),
            ["[ad_1]", "ADVERTISEMENT\nClick here to read more"]
        );
        assert_eq!(blocks("[ad_2]\nText."), ["[ad_2]"]);
    }

    #[test]
    fn cookie_notices() {
        assert_eq!(
            blocks("We use cookies to improve your experience. Accept\nNews text."),
            ["We use cookies to improve your experience. Accept"]
        );
    }

    #[test]
    fn credit_lines_are_not_boilerplate() {
        for credit in [
            "Reuters",
            "(With inputs from PTI)",
            "Reporting by Jane Roe; Editing by Sam Poe",
            "AFP",
        ] {
            let text = format!("{STORY}\n{credit}\n");
            assert!(
                find(&text).is_empty(),
                "{credit:?} must stay for credit detection"
            );
        }
    }

    #[test]
    fn wrapped_sentence_continuations_are_kept() {
        let text = "Northbrook Mills earned 40 cts per\nshare on sales of 12 mln dlrs, and\n\
                    subscribe to the view that the\nshare price will rise.\n";
        assert!(
            find(text).is_empty(),
            "lines that continue a sentence are not buttons"
        );
    }

    #[test]
    fn case_and_curly_apostrophes() {
        assert_eq!(
            blocks("DON’T MISS\nBridge opens\n"),
            ["DON’T MISS\nBridge opens"]
        );
        assert_eq!(blocks("sign UP FOR alerts"), ["sign UP FOR alerts"]);
    }

    proptest! {
        #[test]
        fn ranges_sorted_disjoint_on_boundaries(
            text in "((Share|Read more:|Related|Donate|\\[ad_1\\]|news|é|\u{2019}| |\n|\\.)){0,40}"
        ) {
            let ranges = find(&text);
            let mut last_end = 0;
            for (i, r) in ranges.iter().enumerate() {
                prop_assert!(r.start < r.end && r.end <= text.len());
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                prop_assert!(i == 0 || r.start > last_end, "sorted and not overlapping");
                last_end = r.end;
            }
        }

        #[test]
        fn arbitrary_text_gives_valid_ranges(text in "\\PC{0,200}") {
            for r in find(&text) {
                prop_assert!(r.start < r.end && r.end <= text.len());
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            }
        }
    }

    #[test]
    fn a_releases_closing_furniture_is_set_aside_to_the_end() {
        let text = "Aldmoor Tools reported third-quarter sales of $210 million, up 4%.\n\nThe company raised its outlook for the year and named a new chief operating officer.\n\nShipments of cordless drills rose 11% on demand from builders in the Midwest.\n\nAbout Aldmoor Tools\n\nAldmoor Tools makes hand and power tools sold in 40 countries.\n\nForward-Looking Statements\n\nThis release contains forward-looking statements.\n";
        let found = find(text);
        let start = text.find("About Aldmoor").unwrap();
        assert!(
            found
                .iter()
                .any(|r| r.start == start && r.end == text.trim_end().len()),
            "{found:?}"
        );
        assert!(
            found.iter().all(|r| r.end <= start || r.start >= start),
            "the results paragraphs stay: {found:?}"
        );
    }

    #[test]
    fn about_in_a_sentence_or_early_in_the_text_is_not_furniture() {
        let early = "About Town Council\n\nThe council met on Monday to discuss the ferry timetable and the harbour wall, which storms damaged last winter.\n";
        assert!(
            find(early).is_empty(),
            "a heading in the first half is the story's own"
        );
        let sentence = "The mayor spoke for an hour on the plan.\n\nCouncillors voted on the budget and on the new bus routes for the villages.\n\nAbout two hundred residents attended the meeting.\n";
        assert!(
            find(sentence).is_empty(),
            "a sentence starting with About is text"
        );
    }
}
