//! The real-republication cases of issue 4, one test each: light edits, restructuring, spun
//! copy, site junk, holes, versions, boilerplate, a common upstream and misleading credits.
//!
//! Every test imports the whole of `tests/fixtures/republication/archive` (about twenty
//! fictional stories, so each case has distractors) and checks one article from
//! `tests/fixtures/republication/articles`. The fixtures' README says what each file is.

use serde_json::Value;

use crate::fixture::{self, archive_of, derived, file_of, sources};
use crate::util::TempArchive;

/// A fresh archive holding every republication fixture story.
fn archive() -> TempArchive {
    archive_of(&["republication"])
}

/// Checks one article with the standard preset; returns the exit code and the report.
fn check(t: &TempArchive, article: &str) -> (i32, Value) {
    fixture::check(t, "republication", article)
}

fn coverage(report: &Value) -> f64 {
    report["coverage"].as_f64().unwrap()
}

fn passages(report: &Value) -> &Vec<Value> {
    report["passages"].as_array().unwrap()
}

/// A one-line account of a report for assertion messages.
fn summary(report: &Value) -> String {
    let listed: Vec<String> = sources(report)
        .iter()
        .map(|s| {
            format!(
                "{} [{}] {:?} cov {:.2} credited {}",
                file_of(s),
                s["agency"].as_str().unwrap_or("-"),
                s["headline"].as_str().unwrap_or(""),
                s["coverage"].as_f64().unwrap_or(0.0),
                s["credited"]
            )
        })
        .collect();
    let kinds: Vec<String> = passages(report)
        .iter()
        .map(|p| format!("{}:{}", p["kind"].as_str().unwrap(), p["words"]))
        .collect();
    format!(
        "derived {} coverage {:.2} rewritten {} sources [{}] passages [{}] flags {}",
        derived(report),
        coverage(report),
        report["rewritten"],
        listed.join("; "),
        kinds.join(" "),
        report["flags"]
    )
}

/// Article words in passages of the given kind.
fn words_of_kind(report: &Value, kind: &str) -> u64 {
    passages(report)
        .iter()
        .filter(|p| p["kind"] == kind)
        .map(|p| p["words"].as_u64().unwrap())
        .sum()
}

/// Asserts the verdict and that the top source was imported from `file`.
fn assert_top(report: &Value, want_derived: &str, file: &str, case: &str) {
    assert_eq!(
        derived(report),
        want_derived,
        "{case}: verdict; {}",
        summary(report)
    );
    let top = sources(report)
        .first()
        .unwrap_or_else(|| panic!("{case}: no source at all; {}", summary(report)));
    assert_eq!(
        file_of(top),
        file,
        "{case}: the top source must be the story the article was taken from; {}",
        summary(report)
    );
}

#[test]
fn light_edits_still_read_as_a_whole_copy() {
    let t = archive();
    let (_, report) = check(&t, "light-edits-afp.txt");
    assert_top(
        &report,
        "wholly",
        "afp-chip-plant.txt",
        "spelling, Mr/Ms, $, %, US and quotes",
    );
    assert!(
        coverage(&report) >= 0.8,
        "localised spelling and reformatted numbers must not break the match: {}",
        summary(&report)
    );
    let total: u64 = passages(&report)
        .iter()
        .map(|p| p["words"].as_u64().unwrap())
        .sum();
    let copied = words_of_kind(&report, "verbatim") + words_of_kind(&report, "edited");
    assert!(
        copied * 10 >= total * 9,
        "light edits are copying, not rewriting: passages should be verbatim or edited; {}",
        summary(&report)
    );
}

#[test]
fn reordered_and_trimmed_copy_with_a_new_headline_is_wholly_derived() {
    let t = archive();
    let (_, report) = check(&t, "restructured-ap.txt");
    assert_top(
        &report,
        "wholly",
        "ap-oregon-storm.txt",
        "paragraphs reordered, ending cut, new headline and standfirst",
    );
    assert_eq!(
        sources(&report).len(),
        1,
        "no other story shares this text: {}",
        summary(&report)
    );
}

#[test]
fn a_synonym_spun_copy_is_derived_but_not_verbatim() {
    let t = archive();
    let (_, report) = check(&t, "spun-reuters.txt");
    assert_ne!(
        derived(&report),
        "none",
        "a spun copy keeps the names, numbers and function-word order of its source: {}",
        summary(&report)
    );
    assert_eq!(
        file_of(&sources(&report)[0]),
        "reuters-europe-stocks.txt",
        "the spun story's source: {}",
        summary(&report)
    );
    let rewritten = report["rewritten"].as_f64().unwrap();
    let reworked = words_of_kind(&report, "rewritten") + words_of_kind(&report, "edited");
    assert!(
        rewritten > 0.0 || reworked > 0,
        "a spun copy is edited or rewritten derivation: {}",
        summary(&report)
    );
    let verbatim = words_of_kind(&report, "verbatim");
    let article_words = report["article_words"].as_u64().unwrap();
    assert!(
        verbatim * 2 < article_words,
        "most of a spun copy is not word for word, and must not be reported so: {}",
        summary(&report)
    );
}

/// The article's byte ranges of every `equal` diff op. Equal and insert texts are slices of
/// the article in order, so each is found after the previous one.
fn equal_spans(report: &Value) -> Vec<std::ops::Range<usize>> {
    let text = report["text"].as_str().unwrap();
    let byte = |c: &Value| {
        let c = c.as_u64().unwrap() as usize;
        text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
    };
    let mut spans = Vec::new();
    for p in passages(report) {
        let (mut cursor, end) = (byte(&p["article_start"]), byte(&p["article_end"]));
        for op in p["diff"].as_array().unwrap() {
            if op["op"] == "delete" {
                continue;
            }
            let piece = op["text"].as_str().unwrap();
            let at = cursor
                + text[cursor..end]
                    .find(piece)
                    .unwrap_or_else(|| panic!("diff text {piece:?} is not in the passage"));
            cursor = at + piece.len();
            if op["op"] == "equal" {
                spans.push(at..cursor);
            }
        }
    }
    spans
}

#[test]
fn site_junk_neither_hides_the_copy_nor_counts_as_copied() {
    let t = archive();
    let (_, report) = check(&t, "site-junk-pti.txt");
    assert_top(
        &report,
        "wholly",
        "pti-barmer-water.txt",
        "navigation, ticker, ad markers, Also read block, spliced RELATED widget",
    );
    assert!(
        coverage(&report) >= 0.8,
        "the junk is a small share of the words: {}",
        summary(&report)
    );
    let text = report["text"].as_str().unwrap();
    let chars: Vec<char> = text.chars().collect();
    let boilerplate: Vec<String> = report["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let (s, e) = (
                b[0].as_u64().unwrap() as usize,
                b[1].as_u64().unwrap() as usize,
            );
            chars[s..e].iter().collect()
        })
        .collect();
    for marker in ["[ad_1]", "[ad_2]", "[ad_3]", "[ad_4]", "Also read:"] {
        assert!(
            boilerplate.iter().any(|b| b.contains(marker)),
            "{marker:?} is set aside as boilerplate, so a passage spanning it does not match it: \
             {boilerplate:?}"
        );
    }
    // The widget splits a sentence: the passage before it must stop at the widget (a long run
    // sharing almost nothing with the source is not part of the copy).
    let widget = text.find("RELATED").unwrap();
    let widget = widget..widget + "RELATED: Monsoon likely".len();
    let chars_before = |b: usize| text[..b].chars().count() as u64;
    let (widget_start, widget_end) = (chars_before(widget.start), chars_before(widget.end));
    for p in passages(&report) {
        let (s, e) = (
            p["article_start"].as_u64().unwrap(),
            p["article_end"].as_u64().unwrap(),
        );
        assert!(
            e <= widget_start || s >= widget_end,
            "no passage spans the spliced widget: {p}"
        );
    }
    let equal = equal_spans(&report);
    for junk in [
        "SENSEX",
        "Home | India",
        "Login",
        "RELATED",
        "Monsoon likely",
        "Kerala",
        "says IMD",
        "Desert Times",
    ] {
        let at = text.find(junk).unwrap();
        let junk_span = at..at + junk.len();
        assert!(
            !equal
                .iter()
                .any(|e| e.start < junk_span.end && junk_span.start < e.end),
            "site junk {junk:?} must not be matched text; {}",
            summary(&report)
        );
    }
}

#[test]
fn stripped_link_text_leaving_holes_is_still_a_whole_copy() {
    let t = archive();
    let (_, report) = check(&t, "holes-reuters.txt");
    assert_top(
        &report,
        "wholly",
        "reuters-mackerel-talks.txt",
        "link text stripped out in nine places",
    );
    assert!(
        coverage(&report) >= 0.8,
        "the holes are a few words; the rest is copy: {}",
        summary(&report)
    );
}

#[test]
fn each_article_matches_the_write_through_it_was_taken_from() {
    let t = archive();
    for (article, version) in [
        ("version-1-ap.txt", "ap-peru-quake-v1.txt"),
        ("version-2-ap.txt", "ap-peru-quake-v2.txt"),
        ("version-3-ap.txt", "ap-peru-quake-v3.txt"),
    ] {
        let (_, report) = check(&t, article);
        assert_top(
            &report,
            "wholly",
            version,
            &format!("{article} among three write-throughs"),
        );
        assert_eq!(
            sources(&report).len(),
            1,
            "{article}: the other write-throughs must not be second sources; {}",
            summary(&report)
        );
    }
}

#[test]
fn a_stock_background_paragraph_does_not_make_independent_coverage_derived() {
    let t = archive();
    let (_, report) = check(&t, "background-only-skyhaven.txt");
    assert_eq!(
        derived(&report),
        "none",
        "the agency's stock paragraph, found in five stories, is all this article shares: {}",
        summary(&report)
    );
    assert!(
        sources(&report).is_empty(),
        "no Skyhaven story is a source of an independent article: {}",
        summary(&report)
    );
}

#[test]
fn a_copy_of_a_story_with_the_stock_paragraph_gets_that_story() {
    let t = archive();
    let (_, report) = check(&t, "skyhaven-strike-copy.txt");
    assert_eq!(derived(&report), "wholly", "{}", summary(&report));
    assert_eq!(
        sources(&report)[0]["headline"],
        "Skyhaven pilots in Ireland vote for strike action over pay",
        "the copied story, not another sharing its background paragraph: {}",
        summary(&report)
    );
    assert_eq!(
        sources(&report).len(),
        1,
        "the shared paragraph belongs to the copied story, not to a second source: {}",
        summary(&report)
    );
}

#[test]
fn of_two_copies_of_a_press_release_neither_is_the_others_source() {
    let t = archive();
    let (_, report) = check(&t, "rail-outlet-b.txt");
    assert_top(
        &report,
        "wholly",
        "govuk-rail-reopenings.txt",
        "outlet B copied the release, not outlet A's article",
    );
    let a = sources(&report)
        .iter()
        .find(|s| file_of(s) == "fenwick-courier-rail.txt");
    if let Some(a) = a {
        assert!(
            a["coverage"].as_f64().unwrap() < 0.1,
            "text B shares with A is the release's; A may keep only stray words: {}",
            summary(&report)
        );
    }
}

#[test]
fn a_photo_caption_does_not_credit_the_text() {
    let t = archive();
    let (code, report) = check(&t, "photo-credit-afp.txt");
    assert_top(
        &report,
        "wholly",
        "afp-chip-plant.txt",
        "AFP copy credited only in a caption",
    );
    assert_uncredited_and_flagged(
        code,
        &report,
        "AFP",
        "\"Photo: AFP\" credits the picture, not the story",
    );
}

#[test]
fn a_credit_to_the_wrong_agency_does_not_credit_the_source() {
    let t = archive();
    let (code, report) = check(&t, "wrong-credit-reuters.txt");
    assert_top(
        &report,
        "wholly",
        "reuters-mackerel-talks.txt",
        "Reuters copy under an AP dateline",
    );
    assert_uncredited_and_flagged(
        code,
        &report,
        "Reuters",
        "an AP credit does not credit Reuters",
    );
}

#[test]
fn an_agency_name_glued_to_the_last_sentence_credits_the_source() {
    let t = archive();
    let (code, report) = check(&t, "syndicated-reuters.txt");
    assert_top(
        &report,
        "wholly",
        "reuters-europe-stocks.txt",
        "Reuters copy syndicated with \"... the Atlantic. Reuters\" and a feed notice",
    );
    let credit = report["credits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["agency"] == "Reuters")
        .unwrap_or_else(|| panic!("the glued \"Reuters\" is a credit: {}", report["credits"]));
    assert_eq!(
        (credit["kind"].as_str(), credit["text"].as_str()),
        (Some("sign_off"), Some("Reuters")),
        "read as a sign-off of the last paragraph"
    );
    assert_eq!(
        sources(&report)[0]["credited"],
        true,
        "the syndicated copy credits Reuters: {}",
        summary(&report)
    );
    assert!(
        !report["flags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["agency"] == "Reuters"),
        "a credited copy is not flagged: {}",
        summary(&report)
    );
    assert_eq!(code, 0, "nothing flagged, exit 0");
}

/// The top source is not credited, is flagged under `agency`, and the check exits 1.
fn assert_uncredited_and_flagged(code: i32, report: &Value, agency: &str, why: &str) {
    assert_eq!(
        sources(report)[0]["credited"],
        false,
        "{why}: {}",
        summary(report)
    );
    assert!(
        report["flags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["agency"] == agency),
        "the uncredited {agency} copy is flagged: {}",
        summary(report)
    );
    assert_eq!(code, 1, "a flagged article exits 1");
}

/// The credit forms of real syndicated copy that issue 10 found unread, each on a whole copy
/// among distractors: the credit is read as its form, the copy is credited and nothing flagged.
#[test]
fn syndication_credit_forms_credit_the_source() {
    let t = archive();
    for (article, source, agency, kind, text) in [
        (
            "syndicated-named-feed-reuters.txt",
            "reuters-europe-stocks.txt",
            "Reuters",
            "sign_off",
            "Reuters",
        ),
        (
            "writer-byline-ap.txt",
            "ap-oregon-storm.txt",
            "AP",
            "byline",
            "By RUTH CALDERWOOD AP Science Writer",
        ),
        (
            "desk-initials-pti.txt",
            "pti-barmer-water.txt",
            "PTI",
            "credit_line",
            "PTI SKR RHL",
        ),
        (
            "contributed-reuters.txt",
            "reuters-mackerel-talks.txt",
            "Reuters",
            "byline",
            "Reuters contributed to this report",
        ),
        (
            "header-byline-reuters.html",
            "reuters-mackerel-talks.txt",
            "Reuters",
            "byline",
            "By Ingrid Solheim, Reuters",
        ),
        (
            "page-author-afp.html",
            "afp-chip-plant.txt",
            "AFP",
            "page_author",
            "AFP",
        ),
        (
            "page-builder-grid-reuters.html",
            "reuters-mackerel-talks.txt",
            "Reuters",
            "credit_line",
            "\u{2014} Reuters",
        ),
        (
            "release-source-line.html",
            "release-halden-foods.jsonl",
            "Halden Foods Ltd",
            "credit_line",
            "Source: Halden Foods Limited",
        ),
        (
            "release-attributed.txt",
            "release-halden-foods.jsonl",
            "Halden Foods Ltd",
            "according_to",
            "Halden Foods said in a statement",
        ),
        (
            "release-by-role.txt",
            "release-halden-foods.jsonl",
            "Halden Foods Ltd",
            "according_to",
            "the Leeds-based company said in a statement",
        ),
        (
            "byline-class-afp.html",
            "afp-chip-plant.txt",
            "AFP",
            "page_author",
            "AFP",
        ),
    ] {
        let (code, report) = check(&t, article);
        assert_top(&report, "wholly", source, article);
        let credits: Vec<(&str, &str, &str)> = report["credits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["agency"].as_str().unwrap(),
                    c["kind"].as_str().unwrap(),
                    c["text"].as_str().unwrap(),
                )
            })
            .collect();
        assert!(
            credits.contains(&(agency, kind, text)),
            "{article}: {agency} credited by {kind} {text:?}: {credits:?}"
        );
        assert_eq!(
            sources(&report)[0]["credited"],
            true,
            "{article}: {}",
            summary(&report)
        );
        assert_eq!(code, 0, "{article}: nothing flagged; {}", summary(&report));
    }
}

#[test]
fn desk_initials_without_the_agency_do_not_credit_it() {
    let t = archive();
    let (code, report) = check(&t, "initials-only-pti.txt");
    assert_top(
        &report,
        "wholly",
        "pti-barmer-water.txt",
        "PTI copy ending \"SKR RHL\"",
    );
    assert_uncredited_and_flagged(code, &report, "PTI", "initials alone name no agency");
}

#[test]
fn a_reporter_as_the_pages_declared_author_does_not_credit_the_agency() {
    let t = archive();
    let (code, report) = check(&t, "page-author-reporter-afp.html");
    assert_top(
        &report,
        "wholly",
        "afp-chip-plant.txt",
        "AFP copy whose page declares a reporter as its author",
    );
    assert_uncredited_and_flagged(code, &report, "AFP", "a reporter's name credits no agency");
}

#[test]
fn a_page_whose_teasers_are_articles_still_gives_its_story() {
    let t = archive();
    let (code, report) = check(&t, "teaser-cards-reuters.html");
    assert_top(
        &report,
        "wholly",
        "reuters-paykaro.jsonl",
        "a JNews page: the story in div.entry-content no-share, the related posts and comments \
         around it, each teaser an <article>",
    );
    assert_uncredited_and_flagged(
        code,
        &report,
        "Reuters",
        "the related posts' (Reuters) tags credit other stories",
    );
}

/// A page builder's single-post page (the story in a widget `<div>`, a grid of `<article>`
/// cards of other stories below it, one excerpt with its own "(Reuters)" dateline): without
/// the "— Reuters" line the copy is uncredited, whatever the cards say.
#[test]
fn a_page_builders_grid_of_cards_neither_hides_the_story_nor_credits_it() {
    let t = archive();
    let (code, report) = check(&t, "page-builder-grid-uncredited.html");
    assert_top(
        &report,
        "wholly",
        "reuters-mackerel-talks.txt",
        "the story in the widget div, not the longest card",
    );
    assert_uncredited_and_flagged(
        code,
        &report,
        "Reuters",
        "a card's dateline credits the card's story, not the page's",
    );
}

/// A press release republished under a staff byline names its issuer nowhere: flagged.
#[test]
fn a_release_copied_without_its_issuer_is_flagged() {
    let t = archive();
    let (code, report) = check(&t, "release-uncredited.txt");
    assert_top(
        &report,
        "wholly",
        "release-halden-foods.jsonl",
        "the release's first five paragraphs",
    );
    assert_uncredited_and_flagged(code, &report, "Halden Foods Ltd", "no source line");
}

/// A local reporter's own three paragraphs, then seven of the wire's pasted word for word: the
/// copied part is verbatim, but over a third of the article's prose is the outlet's own, so it
/// is partially derived (the model alone leans to wholly: it learnt from newspapers that
/// rewrite all they take), and flagged for the missing credit.
#[test]
fn own_paragraphs_then_pasted_wire_paragraphs_are_partially_derived() {
    let t = archive();
    let (code, report) = check(&t, "own-intro-then-wire-afp.txt");
    assert_top(
        &report,
        "partially",
        "afp-chip-plant.txt",
        "own opening paragraphs, then the wire's",
    );
    assert!(report["measures"]["own_prose"].as_f64().unwrap() > 0.3);
    assert_uncredited_and_flagged(code, &report, "AFP", "no credit anywhere");
}
