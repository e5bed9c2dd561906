//! A saved check as one self-contained, printable HTML document, for sharing a review outside
//! the app: no scripts, no external resources, every piece of text escaped.

use std::fmt::Write;

use crate::archive::history::{Decision, LoadedCheck};
use crate::archive::store::Story;
use crate::report::{DateFrom, DiffOp, DiffTag, Passage, PassageKind, Report, SourceReport};
use crate::verdict::evidence::Tier;

/// Characters of context shown around a passage in the side-by-side tables.
const CONTEXT_CHARS: usize = 80;
/// Number of highlight colours; sources beyond it reuse them in turn.
const PALETTE: usize = 6;

const STYLE: &str = "\
body{font:15px/1.5 Georgia,serif;color:#1a1a1a;max-width:70rem;margin:2rem auto;padding:0 1rem}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif;line-height:1.2}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ccc;padding:.4rem .6rem;vertical-align:top;text-align:left}
th{background:#f3f3f3;font-family:Helvetica,Arial,sans-serif;font-size:.85em}
.meta{color:#555}
.card{border:1px solid #bbb;border-left-width:.5rem;padding:.5rem 1rem;margin:1rem 0}
.card dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0}
.card dt{font-weight:bold}.card dd{margin:0}
.passages td{width:50%;white-space:pre-wrap}
.diff{font-size:.9em;background:#fafafa}
del{background:#fbd0d0;color:#700}ins{background:#cdf0cd;color:#060;text-decoration:none}
.hl{padding:0 .1em}.hl.edited{border-bottom:2px dashed #555}
.credit{background:#ffe08a;outline:1px solid #b58900}
.boilerplate{color:#888}
.article{white-space:pre-wrap;border:1px solid #ccc;padding:1rem}
.confirmed{color:#a00;font-weight:bold}.dismissed{color:#555;font-weight:bold}
.s0{background:#cfe3ff;border-color:#3b7ddd}.s1{background:#ffd8b5;border-color:#d9822b}
.s2{background:#d7f5d0;border-color:#3f9b3f}.s3{background:#f0d4f5;border-color:#9b4fb0}
.s4{background:#fff3b0;border-color:#b59a00}.s5{background:#d0f0f0;border-color:#2b9b9b}
.card.s0,.card.s1,.card.s2,.card.s3,.card.s4,.card.s5{background:#fff}
@media print{body{font-size:10pt;margin:0;max-width:none}
.card,tr{break-inside:avoid}h2{break-after:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
";

/// The check as one HTML document: verdict, flags and decisions, each source with its passages
/// side by side and word diffs, and the whole article with passages and credits marked.
/// `sources` are the stored stories the report names; a story missing from it (removed since)
/// is shown from the word diff instead.
pub fn html_report(check: &LoadedCheck, sources: &[Story]) -> String {
    let report = &check.report;
    let article = CharText::new(&report.text);
    let mut out = String::with_capacity(report.text.len() * 4 + STYLE.len() + 4096);
    let title = escape(&check.check.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>Wirecheck: {title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p class=\"meta\">{} {} &middot; {} ({} sure) &middot; {} of the article matched \
         &middot; {} source(s), {} flagged</p>\n",
        match &check.story {
            Some(story) => format!("Compared with one wire story, {},", story_label(story)),
            None => "Checked against the archive".to_string(),
        },
        escape(&check.check.created_at),
        verdict(report.derived.as_str()),
        percent(report.confidence),
        percent(report.coverage),
        report.sources.len(),
        report.flags.len(),
    );

    if let Some(date) = &report.article_date {
        let _ = writeln!(
            out,
            "<p class=\"meta\">Article date {}{}; stories published later are not sources</p>",
            escape(&date.date),
            match date.from {
                DateFrom::Text => format!(" (read from &ldquo;{}&rdquo;)", escape(&date.text)),
                DateFrom::Page =>
                    format!(" (from the page&rsquo;s metadata, {})", escape(&date.text)),
                _ => " (given by the user)".to_string(),
            },
        );
    }
    out.push_str("<h2>Flags</h2>\n");
    if report.flags.is_empty() {
        out.push_str("<p>No source is copied without credit.</p>\n");
    } else {
        out.push_str(
            "<table>\n<tr><th>Source</th><th>Coverage</th><th>Why flagged</th><th>Decision</th>\
             <th>Reason</th><th>Note</th><th>Decided</th></tr>\n",
        );
        for flag in &report.flags {
            let _ = write!(
                out,
                "<tr><td>{} story {}</td><td>{}</td><td>{}</td>",
                escape(flag.agency.as_deref().unwrap_or("Unknown agency")),
                flag.source_id,
                percent(flag.coverage),
                escape(&flag.reason),
            );
            match decision_for(check, flag.source_id) {
                Some(d) => {
                    let _ = writeln!(
                        out,
                        "<td class=\"{status}\">{status}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                        escape(&d.reason),
                        escape(&d.note),
                        escape(&d.decided_at),
                        status = d.status.as_str(),
                    );
                }
                None => out.push_str("<td colspan=\"4\">Not reviewed</td></tr>\n"),
            }
        }
        out.push_str("</table>\n");
    }

    out.push_str("<h2>Sources</h2>\n");
    if report.sources.is_empty() && !report.shared.is_empty() {
        out.push_str("<p>Nothing of the article is copied from the archive.</p>\n");
    } else if report.sources.is_empty() {
        out.push_str(match check.story {
            Some(_) => "<p>No passage of the article was found in the wire story.</p>\n",
            None => "<p>No passage of the article was found in the archive.</p>\n",
        });
    }
    for (index, source) in report.sources.iter().enumerate() {
        let story = sources.iter().find(|s| s.id == source.id);
        source_section(&mut out, check, index, source, story, &article);
    }

    shared_section(&mut out, report, &article);

    out.push_str("<h2>Article</h2>\n<div class=\"article\">");
    full_article(&mut out, check, &article);
    out.push_str("</div>\n</body>\n</html>\n");
    out
}

fn source_section(
    out: &mut String,
    check: &LoadedCheck,
    index: usize,
    source: &SourceReport,
    story: Option<&Story>,
    article: &CharText<'_>,
) {
    let colour = index % PALETTE;
    let credit = match &source.credit {
        Some(c) => format!("yes: &ldquo;{}&rdquo;", escape(&c.text)),
        None if source.credited => "yes".to_string(),
        None => "<strong>no</strong>".to_string(),
    };
    let _ = write!(
        out,
        "<section>\n<div class=\"card s{colour}\">\n<h3>{}</h3>\n<dl>\
         <dt>Agency</dt><dd>{}</dd><dt>Story</dt><dd>{}</dd><dt>Published</dt><dd>{}</dd>\
         <dt>Origin</dt><dd>{}</dd><dt>Coverage</dt><dd>{}</dd><dt>Credited</dt><dd>{credit}</dd>",
        escape(if source.headline.is_empty() {
            "(no headline)"
        } else {
            &source.headline
        }),
        escape(source.agency.as_deref().unwrap_or("Unknown")),
        source.id,
        escape(source.published.as_deref().unwrap_or("unknown")),
        escape(&source.origin),
        percent(source.coverage),
    );
    let evidence = &source.evidence;
    let _ = write!(
        out,
        "<dt>Evidence</dt><dd>{}, {} sure copied{}</dd>",
        match evidence.tier {
            Tier::Identical => "identical",
            Tier::MinorEdits => "minor edits",
            _ => "paraphrase",
        },
        percent(evidence.confidence),
        if evidence.reasons.is_empty() {
            String::new()
        } else {
            format!(": {}", escape(&evidence.reasons.join("; ")))
        },
    );
    if let Some(d) = decision_for(check, source.id) {
        let _ = write!(
            out,
            "<dt>Decision</dt><dd><span class=\"{status}\">{status}</span>: {} ({})</dd>",
            escape(&d.reason),
            escape(&d.decided_at),
            status = d.status.as_str(),
        );
    }
    out.push_str("</dl>\n</div>\n");
    if story.is_none() {
        out.push_str(
            "<p class=\"meta\">The story is no longer in the archive; its side is rebuilt from \
             the word diff.</p>\n",
        );
    }
    out.push_str("<table class=\"passages\">\n<tr><th>Article</th><th>Source</th></tr>\n");
    let body = story.map(|s| CharText::new(&s.body));
    for passage in check
        .report
        .passages
        .iter()
        .filter(|p| p.source_id == source.id)
    {
        let class = highlight_class(passage, colour);
        out.push_str("<tr><td>");
        in_context(
            out,
            article,
            passage.article_start,
            passage.article_end,
            &class,
        );
        out.push_str("</td><td>");
        match &body {
            Some(body) => in_context(out, body, passage.source_start, passage.source_end, &class),
            None => {
                let text = source_side(&passage.diff);
                let _ = write!(out, "<mark class=\"{class}\">{}</mark>", escape(&text));
            }
        }
        out.push_str("</td></tr>\n<tr><td colspan=\"2\" class=\"diff\">");
        diff(out, &passage.diff);
        out.push_str("</td></tr>\n");
    }
    out.push_str("</table>\n</section>\n");
}

/// The stories the article shares text with but is not derived from, each with why and the
/// shared text.
fn shared_section(out: &mut String, report: &Report, article: &CharText<'_>) {
    if report.shared.is_empty() {
        return;
    }
    out.push_str(
        "<h2>Shared text, not copied</h2>\n<p class=\"meta\">Quotes, names, figures or stock \
         phrases that independent reports of the same event carry too: not sources, not \
         flagged.</p>\n",
    );
    for story in &report.shared {
        let _ = writeln!(
            out,
            "<section class=\"shared\"><h3>{} story {}: {}</h3>\n<p class=\"meta\">{} of the \
             article shared. {}</p>\n<ol>",
            escape(story.agency.as_deref().unwrap_or("Unknown agency")),
            story.id,
            escape(&story.headline),
            percent(story.coverage),
            escape(&story.evidence.reasons.join("; ")),
        );
        for passage in &story.passages {
            let _ = writeln!(
                out,
                "<li>&ldquo;{}&rdquo;</li>",
                escape(article.slice(passage.article_start, passage.article_end)),
            );
        }
        out.push_str("</ol></section>\n");
    }
}

fn highlight_class(passage: &Passage, colour: usize) -> String {
    let kind = match passage.kind {
        PassageKind::Verbatim => "verbatim",
        _ => "edited",
    };
    format!("hl {kind} s{colour}")
}

/// The passage `[start, end)` of `text` highlighted, with a little context either side.
fn in_context(out: &mut String, text: &CharText<'_>, start: usize, end: usize, class: &str) {
    let (start, end) = text.clamp(start, end);
    let before = start.saturating_sub(CONTEXT_CHARS);
    let after = end.saturating_add(CONTEXT_CHARS).min(text.len());
    // Cut context at a space so it starts and ends with whole words.
    let mut lead = text.slice(before, start);
    if before > 0 {
        lead = lead
            .split_once(char::is_whitespace)
            .map_or("", |(_, rest)| rest);
    }
    let mut tail = text.slice(end, after);
    if after < text.len() {
        tail = tail
            .rsplit_once(char::is_whitespace)
            .map_or("", |(kept, _)| kept);
    }
    let _ = write!(
        out,
        "{}{}<mark class=\"{class}\">{}</mark>{}{}",
        if before > 0 { "&hellip;" } else { "" },
        escape(lead),
        escape(text.slice(start, end)),
        escape(tail),
        if after < text.len() { "&hellip;" } else { "" },
    );
}

/// The source's words of a passage: what the diff kept and what it deleted.
fn source_side(ops: &[DiffOp]) -> String {
    ops.iter()
        .filter(|op| op.op != DiffTag::Insert)
        .map(|op| op.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn diff(out: &mut String, ops: &[DiffOp]) {
    for (i, op) in ops.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let text = escape(&op.text);
        let _ = match op.op {
            DiffTag::Equal => write!(out, "{text}"),
            DiffTag::Insert => write!(out, "<ins>{text}</ins>"),
            DiffTag::Delete => write!(out, "<del>{text}</del>"),
        };
    }
}

/// The whole article, cut at every passage, credit and boilerplate boundary; each piece is
/// wrapped in its own complete tags, so overlapping ranges still give balanced markup.
fn full_article(out: &mut String, check: &LoadedCheck, article: &CharText<'_>) {
    let report = &check.report;
    let colours: Vec<(i64, usize)> = report
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i % PALETTE))
        .collect();
    let passages: Vec<((usize, usize), String)> = report
        .passages
        .iter()
        .map(|p| {
            let colour = colours
                .iter()
                .find(|(id, _)| *id == p.source_id)
                .map_or(0, |c| c.1);
            (
                article.clamp(p.article_start, p.article_end),
                highlight_class(p, colour),
            )
        })
        .collect();
    let credits: Vec<(usize, usize)> = report
        .credits
        .iter()
        .map(|c| article.clamp(c.start, c.end))
        .collect();
    let boilerplate: Vec<(usize, usize)> = report
        .boilerplate
        .iter()
        .map(|[s, e]| article.clamp(*s, *e))
        .collect();

    let mut cuts: Vec<usize> = vec![0, article.len()];
    for &(s, e) in passages
        .iter()
        .map(|(r, _)| r)
        .chain(&credits)
        .chain(&boilerplate)
    {
        cuts.extend([s, e]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let inside = |r: &(usize, usize), at: usize| r.0 <= at && at < r.1;
    for pair in cuts.windows(2) {
        let &[start, end] = pair else { continue };
        let mut close = Vec::new();
        if boilerplate.iter().any(|r| inside(r, start)) {
            out.push_str("<span class=\"boilerplate\">");
            close.push("</span>");
        }
        if let Some((_, class)) = passages.iter().find(|(r, _)| inside(r, start)) {
            let _ = write!(out, "<mark class=\"{class}\">");
            close.push("</mark>");
        }
        if credits.iter().any(|r| inside(r, start)) {
            out.push_str("<mark class=\"credit\">");
            close.push("</mark>");
        }
        out.push_str(&escape(article.slice(start, end)));
        for tag in close.iter().rev() {
            out.push_str(tag);
        }
    }
}

/// The compared story as the report's header names it, escaped.
fn story_label(story: &Story) -> String {
    let agency = escape(story.agency.as_deref().unwrap_or("agency unknown"));
    let headline = if story.headline.trim().is_empty() {
        "(no headline)".to_string()
    } else {
        format!("&ldquo;{}&rdquo;", escape(story.headline.trim()))
    };
    if story.is_stored() {
        format!("{headline} ({agency}, story {} of the archive)", story.id)
    } else {
        format!("{headline} ({agency}, given beside the article)")
    }
}

fn decision_for(check: &LoadedCheck, source_id: i64) -> Option<&Decision> {
    check.decisions.iter().find(|d| d.source_id == source_id)
}

pub(crate) fn verdict(derived: &str) -> &'static str {
    match derived {
        "wholly" => "Wholly derived",
        "partially" => "Partially derived",
        _ => "Not derived",
    }
}

pub(crate) fn percent(share: f64) -> String {
    format!("{:.0}%", (share * 100.0).clamp(0.0, 100.0))
}

/// Escapes text for HTML element content and quoted attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text addressed by character offsets, as the report counts them.
struct CharText<'a> {
    text: &'a str,
    /// Byte offset of each character, and the text's length at the end.
    bytes: Vec<usize>,
}

impl<'a> CharText<'a> {
    fn new(text: &'a str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        CharText { text, bytes }
    }

    /// Length in characters.
    fn len(&self) -> usize {
        self.bytes.len().saturating_sub(1)
    }

    /// `[start, end)` brought inside the text, `start <= end`: offsets from a report saved by
    /// another version may not fit this text.
    fn clamp(&self, start: usize, end: usize) -> (usize, usize) {
        let end = end.min(self.len());
        (start.min(end), end)
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        let (start, end) = self.clamp(start, end);
        match (self.bytes.get(start), self.bytes.get(end)) {
            (Some(&s), Some(&e)) => self.text.get(s..e).unwrap_or_default(),
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::history::DecisionStatus;
    use crate::archive::history::tests::{ORCHARD, TIDE, insert};
    use crate::archive::settings::Settings;
    use crate::archive::store::Archive;

    const SCRIPT: &str = "<script>alert(1)</script>";
    const IMG: &str = "<img src=x onerror=alert(1)>";

    /// A saved check of a hostile article (markup in its text, multibyte characters before the
    /// passages, a word dropped and words added), with a hostile decision and story headline.
    fn hostile() -> (LoadedCheck, Vec<Story>) {
        let mut archive = Archive::open_in_memory().unwrap();
        let tide = insert(
            &mut archive,
            "Turbines \"on\" & <b>off</b>",
            TIDE,
            "Reuters",
        );
        insert(&mut archive, "Frost hits pear harvest", ORCHARD, "AFP");
        let edited = TIDE
            .replace(" along the estuary", "")
            .replace("on Thursday,", &format!("on Thursday {IMG},"));
        let article = format!("Café 🌊 {SCRIPT} roundup\n\n{edited}\n\n{ORCHARD}\n");
        let report =
            crate::check_text(&archive, &article, &Settings::default().check_options()).unwrap();
        assert!(
            report.text.contains(SCRIPT),
            "the article is read as plain text"
        );
        let id = archive
            .save_check(&report, &Settings::default())
            .unwrap()
            .id;
        archive
            .decide(
                id,
                tide,
                DecisionStatus::Confirmed,
                "it's <copied> & \"unpaid\"",
                IMG,
            )
            .unwrap();
        let loaded = archive.load_check(id).unwrap();
        let ids: Vec<i64> = loaded.report.sources.iter().map(|s| s.id).collect();
        let stories = archive.get_many(&ids).unwrap();
        (loaded, stories)
    }

    fn count(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    #[test]
    fn escape_covers_markup_quotes_and_ampersands() {
        assert_eq!(escape(SCRIPT), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(
            escape("Tom & \"Jerry\" 'n' <co>"),
            "Tom &amp; &quot;Jerry&quot; &#39;n&#39; &lt;co&gt;"
        );
        assert_eq!(
            escape("&amp;"),
            "&amp;amp;",
            "already escaped text is escaped again"
        );
        assert_eq!(escape("café 🌊"), "café 🌊");
    }

    #[test]
    fn a_story_the_article_only_shares_text_with_is_listed_apart_with_its_text_escaped() {
        let (mut check, stories) = hostile();
        let text: Vec<char> = check.report.text.chars().collect();
        let start = check.report.text[..check.report.text.find(SCRIPT).unwrap()]
            .chars()
            .count();
        let mut passage = check.report.passages[0].clone();
        passage.article_start = start;
        passage.article_end = (start + SCRIPT.chars().count()).min(text.len());
        check.report.shared.push(crate::report::SharedStory {
            id: 99,
            origin: "shared.txt".into(),
            agency: Some("PTI".into()),
            headline: IMG.into(),
            published: None,
            coverage: 0.25,
            evidence: crate::verdict::evidence::Evidence {
                tier: Tier::Paraphrase,
                confidence: 0.0,
                reasons: vec!["most of the shared words are <quotes>".into()],
            },
            passages: vec![passage],
        });
        let html = html_report(&check, &stories);
        let section = &html[html.find("<h2>Shared text, not copied</h2>").unwrap()..];
        assert!(section.contains("PTI story 99: &lt;img src=x onerror=alert(1)&gt;"));
        assert!(section.contains("25% of the article shared"));
        assert!(section.contains("&lt;quotes&gt;"));
        assert!(section.contains("<li>&ldquo;&lt;script&gt;alert(1)&lt;/script&gt;&rdquo;</li>"));
        assert!(!html.to_lowercase().contains("<img"));
    }

    #[test]
    fn hostile_text_appears_only_escaped() {
        let (check, stories) = hostile();
        let html = html_report(&check, &stories);
        let lower = html.to_lowercase();
        for tag in ["<script", "<img", "<b>", "onerror=alert(1)>"] {
            assert!(
                !lower.contains(tag),
                "{tag} must not reach the document as markup"
            );
        }
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "the note is escaped"
        );
        assert!(html.contains("it&#39;s &lt;copied&gt; &amp; &quot;unpaid&quot;"));
        assert!(html.contains("Turbines &quot;on&quot; &amp; &lt;b&gt;off&lt;/b&gt;"));
        assert!(html.contains("default-src 'none'; style-src 'unsafe-inline'"));
        assert!(
            !lower.contains("<link") && !lower.contains("url("),
            "no external resources"
        );
    }

    #[test]
    fn report_shows_diffs_highlights_credits_and_decisions() {
        let (check, stories) = hostile();
        let html = html_report(&check, &stories);
        assert!(
            html.contains("<del>along the estuary</del>"),
            "the dropped words are deleted"
        );
        assert!(html.contains("<ins>"), "the added words are inserted");
        assert!(
            html.contains("class=\"hl edited s0\">"),
            "the edited passage is highlighted"
        );
        assert!(
            html.contains("class=\"hl verbatim s1\">"),
            "the verbatim one in another colour"
        );
        assert!(
            html.contains("s0\">Engineers at the Marrowby"),
            "character offsets past multibyte text land on the passage start"
        );
        assert!(html.contains("<td class=\"confirmed\">confirmed</td>"));
        assert!(html.contains("Not reviewed"), "the undecided flag says so");
        assert!(html.contains("@media print"));
        assert!(
            html.contains("<dt>Evidence</dt><dd>") && html.contains("sure copied"),
            "each source card says how sure the match is"
        );
        assert!(
            html.contains(" sure) &middot; "),
            "the verdict's confidence is shown"
        );
    }

    #[test]
    fn the_article_date_and_where_it_was_read_are_shown() {
        let (mut check, stories) = hostile();
        check.report.article_date = Some(crate::report::ArticleDate {
            date: "2026-05-04".into(),
            text: "Published on <4 May 2026>".into(),
            start: Some(0),
            end: Some(10),
            from: DateFrom::Text,
        });
        let html = html_report(&check, &stories);
        assert!(
            html.contains(
                "Article date 2026-05-04 (read from &ldquo;Published on &lt;4 May 2026&gt;&rdquo;)"
            ),
            "the date, where it was read, escaped"
        );
    }

    #[test]
    fn credits_are_marked_in_the_article_and_on_the_card() {
        let mut archive = Archive::open_in_memory().unwrap();
        let tide = insert(&mut archive, "Third turbine hall opens", TIDE, "Reuters");
        let article = format!("MARROWBY, May 2 (Reuters) - {TIDE}\n");
        let report =
            crate::check_text(&archive, &article, &Settings::default().check_options()).unwrap();
        assert!(
            !report.credits.is_empty(),
            "the dateline credit is found: {report:?}"
        );
        let id = archive
            .save_check(&report, &Settings::default())
            .unwrap()
            .id;
        let check = archive.load_check(id).unwrap();
        let html = html_report(&check, &archive.get_many(&[tide]).unwrap());
        assert!(
            html.contains("<mark class=\"credit\">"),
            "the credit is marked"
        );
        assert!(
            html.contains("<dd>yes: &ldquo;"),
            "the card shows the credit text"
        );
        assert!(html.contains("No source is copied without credit."));
    }

    #[test]
    fn markup_is_balanced() {
        let (check, stories) = hostile();
        let html = html_report(&check, &stories);
        assert_eq!(count(&html, "<html"), 1);
        assert_eq!(count(&html, "</html>"), 1);
        assert!(html.starts_with("<!DOCTYPE html>"));
        for (open, close) in [
            ("<mark", "</mark>"),
            ("<span", "</span>"),
            ("<tr>", "</tr>"),
            ("<td", "</td>"),
            ("<table", "</table>"),
            ("<section>", "</section>"),
            ("<del>", "</del>"),
            ("<ins>", "</ins>"),
        ] {
            assert_eq!(count(&html, open), count(&html, close), "{open} is closed");
        }
    }

    #[test]
    fn a_removed_story_and_bad_offsets_still_give_a_report() {
        let (mut check, _) = hostile();
        for passage in &mut check.report.passages {
            passage.article_start = usize::MAX;
            passage.article_end = 3;
        }
        check.report.credits.push(crate::report::Credit {
            agency: "Reuters".into(),
            kind: "credit_line".into(),
            text: "Reuters".into(),
            start: 5,
            end: usize::MAX,
        });
        check.report.boilerplate.push([7, 2]);
        let html = html_report(&check, &[]);
        assert!(html.contains("no longer in the archive"));
        assert!(
            html.contains("<del>along the estuary</del>"),
            "the diff still shows"
        );
        assert!(html.contains("Caf"), "the article is still written out");
    }

    #[test]
    fn char_text_slices_on_character_offsets_and_clamps() {
        let text = CharText::new("é🌊a");
        assert_eq!(text.len(), 3);
        assert_eq!(text.slice(1, 2), "🌊");
        assert_eq!(text.slice(2, 99), "a");
        assert_eq!(text.slice(5, 1), "");
        assert_eq!(CharText::new("").slice(0, 4), "");
    }

    #[test]
    fn a_saved_comparison_exports_with_its_own_story_and_decision() {
        let mut archive = Archive::open_in_memory().unwrap();
        // An archive story with the id a pasted story must never be mistaken for.
        insert(&mut archive, "Frost hits pear harvest", ORCHARD, "AFP");
        let wire = format!("PORT ELLAN (Reuters) - {TIDE}");
        let article = format!("Barrage news\n\n{TIDE}\n");
        let (report, story) = crate::compare_with_story(
            article.as_bytes(),
            wire.as_bytes(),
            "pasted in Compare",
            None,
            &Settings::default().check_options(),
        )
        .unwrap();
        let id = archive
            .save_comparison(&report, &Settings::default(), &story)
            .unwrap()
            .id;
        archive
            .decide(
                id,
                story.id,
                DecisionStatus::Confirmed,
                "Copied without credit",
                "",
            )
            .unwrap();
        let loaded = archive.load_check(id).unwrap();
        let html = html_report(&loaded, &archive.stories_of(&loaded).unwrap());
        assert!(
            html.contains("Compared with one wire story")
                && html.contains("given beside the article"),
            "the header says it is a comparison"
        );
        assert!(
            html.contains("PORT ELLAN (Reuters) - <mark class=\"hl verbatim s0\">Engineers"),
            "the source side is the compared story's text, with the passage marked"
        );
        assert!(
            !html.contains("no longer in the archive") && !html.contains("Kellan valley"),
            "not rebuilt from the diff, and no archive story stands in for it"
        );
        assert!(html.contains("<td class=\"confirmed\">confirmed</td>"));
    }
}
