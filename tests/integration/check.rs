//! `wirecheck check` on the demo articles: each one exercises a republication case, with the
//! verdict the demo README promises.

use serde_json::Value;

use crate::util::{TempArchive, demo};

fn check(t: &TempArchive, article: &str) -> (i32, Value) {
    let path = demo("articles").join(article);
    let run = t.run(&["check", "--json", path.to_str().unwrap()]);
    assert!(
        run.code() == 0 || run.code() == 1,
        "{article}: {}",
        run.stderr()
    );
    (run.code(), run.json_lines().remove(0))
}

fn top_source(report: &Value) -> &Value {
    &report["sources"][0]
}

fn source_body(t: &TempArchive, id: &Value) -> String {
    let shown = t
        .run(&["show", "--json", &id.to_string()])
        .success()
        .json_lines()
        .remove(0);
    shown["body"].as_str().unwrap().to_string()
}

#[test]
fn demo_articles_get_the_expected_verdicts() {
    let t = TempArchive::new().with_demo();
    // (article, derived, top source agency, credited, flagged)
    let cases = [
        ("credited-reuters.txt", "wholly", Some("Reuters"), true),
        ("article.html", "wholly", Some("Reuters"), true),
        ("uncredited-reuters.txt", "wholly", Some("Reuters"), false),
        ("partial-ap.txt", "partially", Some("AP"), false),
        ("with-inputs-pti.txt", "wholly", Some("PTI"), true),
        ("independent-wildfire.txt", "none", None, false),
        ("wrong-agency.txt", "wholly", Some("AFP"), false),
        ("photo-credit-only.txt", "wholly", Some("Xinhua"), false),
        ("press-release.txt", "wholly", Some("PR Newswire"), false),
        ("background-only.txt", "partially", Some("Reuters"), false),
        // French: "selon l'AFP" credits the agency; "a déclaré à l'AFP" does not.
        ("fr-credited-afp.txt", "wholly", Some("AFP"), true),
    ];
    let mut failures = Vec::new();
    for (article, derived, agency, credited) in cases {
        let (code, report) = check(&t, article);
        let top = top_source(&report);
        let got = (
            report["derived"].as_str().unwrap_or("?").to_string(),
            top["agency"].as_str().map(str::to_string),
            top["credited"].as_bool().unwrap_or(false),
        );
        let want = (derived.to_string(), agency.map(str::to_string), credited);
        let flagged = !report["flags"].as_array().unwrap().is_empty();
        let want_flag = agency.is_some() && !credited;
        if got != want || flagged != want_flag || code != i32::from(want_flag) {
            failures.push(format!(
                "{article}: got {got:?} flagged={flagged} exit={code}, want {want:?} flagged={want_flag} (coverage {})",
                report["coverage"]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_article_matches_the_version_it_was_taken_from() {
    let t = TempArchive::new().with_demo();
    let (_, report) = check(&t, "uncredited-reuters.txt");
    let body = source_body(&t, &top_source(&report)["id"]);
    assert!(
        body.contains("18-month"),
        "the top source must be version 2 (it has the 18-month figure)"
    );
    assert_eq!(
        report["sources"].as_array().unwrap().len(),
        1,
        "version 1 must not be a second source: {}",
        report["sources"]
    );
}

#[test]
fn a_shared_background_paragraph_goes_to_one_source() {
    let t = TempArchive::new().with_demo();
    // The standard preset reports nothing for one stock paragraph (see the boilerplate case
    // in tests/integration/republication.rs); the lenient preset reports it, once.
    let path = demo("articles").join("background-only.txt");
    let run = t.run(&[
        "check",
        "--json",
        "--preset",
        "lenient",
        path.to_str().unwrap(),
    ]);
    let report = run.json_lines().remove(0);
    assert_eq!(
        report["sources"].as_array().unwrap().len(),
        1,
        "{}",
        report["sources"]
    );
}

#[test]
fn passages_carry_offsets_kinds_and_diffs() {
    let t = TempArchive::new().with_demo();
    let (_, report) = check(&t, "credited-reuters.txt");
    let text: Vec<char> = report["text"].as_str().unwrap().chars().collect();
    let passages = report["passages"].as_array().unwrap();
    assert!(!passages.is_empty());
    for p in passages {
        let (start, end) = (
            p["article_start"].as_u64().unwrap() as usize,
            p["article_end"].as_u64().unwrap() as usize,
        );
        assert!(
            start < end && end <= text.len(),
            "offsets are characters of the decoded text: {p}"
        );
        assert!(p["kind"] == "verbatim" || p["kind"] == "edited");
        let diff = p["diff"].as_array().unwrap();
        assert!(
            diff.iter()
                .all(|op| ["equal", "insert", "delete"].contains(&op["op"].as_str().unwrap()))
        );
    }
    // British spellings are normalized away (not edits); word-level changes remain visible.
    let all_text: String = passages
        .iter()
        .flat_map(|p| p["diff"].as_array().unwrap().iter())
        .filter(|op| op["op"] != "equal")
        .map(|op| op["text"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !all_text.contains("modernisation"),
        "spelling variants are not reported as edits: {all_text}"
    );
    assert!(
        passages.iter().any(|p| p["kind"] == "edited"),
        "the copy was edited (Mr inserted, clauses cut)"
    );
    let credit = &top_source(&report)["credit"];
    let (cs, ce) = (
        credit["start"].as_u64().unwrap() as usize,
        credit["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        text[cs..ce].iter().collect::<String>(),
        credit["text"].as_str().unwrap(),
        "credit offsets point at the credit"
    );
}

#[test]
fn boilerplate_is_set_aside_but_reported() {
    let t = TempArchive::new().with_demo();
    let (_, report) = check(&t, "credited-reuters.txt");
    let text: Vec<char> = report["text"].as_str().unwrap().chars().collect();
    let blocks: Vec<String> = report["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            text[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize]
                .iter()
                .collect()
        })
        .collect();
    assert!(
        blocks.iter().any(|b| b.contains("Donate")),
        "the donation banner is set aside: {blocks:?}"
    );
}

#[test]
fn hostile_html_is_reduced_to_text() {
    let t = TempArchive::new().with_demo();
    let (_, report) = check(&t, "article.html");
    let text = report["text"].as_str().unwrap();
    assert!(
        !text.contains("<script") && !text.contains("onerror") && !text.contains("alert(1)"),
        "{text}"
    );
}

#[test]
fn several_inputs_give_json_lines_and_stdin_works() {
    let t = TempArchive::new().with_demo();
    let a = demo("articles").join("independent-wildfire.txt");
    let b = demo("articles").join("partial-ap.txt");
    let run = t.run(&["check", "--json", a.to_str().unwrap(), b.to_str().unwrap()]);
    let lines = run.json_lines();
    assert_eq!(lines.len(), 2, "one object per input");
    assert_eq!(lines[1]["input"], b.to_str().unwrap());
    assert_eq!(run.code(), 1, "partial-ap is flagged, so the run exits 1");

    let bytes = std::fs::read(&a).unwrap();
    let run = t.run_with_stdin(&["check", "--json", "-"], Some(&bytes));
    assert_eq!(run.json_lines()[0]["derived"], "none");
}

#[test]
fn the_terminal_summary_names_the_verdict_and_the_flag() {
    let t = TempArchive::new().with_demo();
    let path = demo("articles").join("uncredited-reuters.txt");
    let run = t.run(&["check", path.to_str().unwrap()]);
    let out = run.stdout();
    assert!(out.contains("WHOLLY DERIVED"), "{out}");
    assert!(
        out.contains("FLAG") && out.contains("without crediting Reuters"),
        "{out}"
    );
    assert!(
        !out.contains("\u{1b}["),
        "no colour codes when stdout is not a terminal"
    );
}

#[test]
fn before_date_excludes_later_stories() {
    let t = TempArchive::new().with_demo();
    let path = demo("articles").join("credited-reuters.txt");
    let run = t.run(&[
        "check",
        "--json",
        "--before",
        "2026-01-01",
        path.to_str().unwrap(),
    ]);
    assert_eq!(
        run.json_lines()[0]["derived"],
        "none",
        "the harbour story was published in May 2026"
    );
}

/// A fictional story about the Tarnby ferry, stored twice: a rewrite filed three days after the
/// article, and nothing earlier. Without the article's date the later story would be its source.
const LATER_WIRE: &str = r#"{"id": "FW-1", "agency": "Reuters", "published": "2019-03-07T09:15:00Z", "headline": "Tarnby ferry landing to close for six weeks", "body": "The harbour authority in Tarnby said it would close the northern ferry landing for six weeks while divers inspected the piles beneath the pier, after a survey found corrosion worse than engineers had expected.\n\nPassengers will board at a temporary pontoon beside the fish market, and the crossing to Vell island will run every ninety minutes instead of every hour, the authority said.\n\nHarbour master Odile Brack said the repairs would cost about 2.4 million crowns and that the landing should reopen before the summer timetable begins."}
"#;

const DATED_ARTICLE: &str = "Ferry landing to close\n\nTARNBY--(BUSINESS WIRE)--Mar. 4, 2019--The \
    harbour authority in Tarnby said it would close the northern ferry landing for six weeks \
    while divers inspected the piles beneath the pier, after a survey found corrosion worse than \
    engineers had expected.\n\nPassengers will board at a temporary pontoon beside the fish \
    market, and the crossing to Vell island will run every ninety minutes instead of every hour, \
    the authority said.\n\nHarbour master Odile Brack said the repairs would cost about 2.4 \
    million crowns and that the landing should reopen before the summer timetable begins.\n";

fn dated_case() -> (TempArchive, std::path::PathBuf) {
    let t = TempArchive::new();
    let wire = t.write("wire/tarnby.jsonl", LATER_WIRE.as_bytes());
    t.run(&["import", "--json", wire.to_str().unwrap()])
        .success();
    let article = t.write("article.txt", DATED_ARTICLE.as_bytes());
    (t, article)
}

#[test]
fn story_published_after_the_article_date_is_listed_apart() {
    let (t, article) = dated_case();
    let run = t.run(&["check", "--json", article.to_str().unwrap()]);
    assert_eq!(run.code(), 0, "nothing is flagged: {}", run.stderr());
    let report = run.json_lines().remove(0);
    assert_eq!(
        report["article_date"],
        serde_json::json!({
            "date": "2019-03-04", "text": "Mar. 4, 2019", "start": 49, "end": 61, "from": "text"
        }),
        "the press-release dateline gives the date, with character offsets into `text`"
    );
    let text = report["text"].as_str().unwrap();
    assert_eq!(
        text.chars().skip(49).take(12).collect::<String>(),
        "Mar. 4, 2019"
    );
    assert_eq!(
        report["sources"].as_array().unwrap().len(),
        0,
        "a story filed three days later cannot be the article's source: {report}"
    );
    assert_eq!(report["flags"].as_array().unwrap().len(), 0);
    assert_eq!(report["derived"], "none");
    let later = report["published_later"].as_array().unwrap();
    assert_eq!(later.len(), 1, "{report}");
    assert_eq!(later[0]["published"], "2019-03-07T09:15:00Z");
    assert_eq!(later[0]["agency"], "Reuters");
    assert_eq!(
        later[0]["headline"],
        "Tarnby ferry landing to close for six weeks"
    );
    // The whole body: all but the new headline and the release's dateline.
    assert!(later[0]["coverage"].as_f64().unwrap() > 0.85, "{report}");
    for key in ["id", "origin"] {
        assert!(!later[0][key].is_null(), "{key} is given: {report}");
    }

    let run = t.run(&["check", article.to_str().unwrap()]);
    let out = run.stdout();
    assert!(
        out.contains("Article date: 2019-03-04 (read from \"Mar. 4, 2019\")"),
        "{out}"
    );
    assert!(
        out.contains("published later than the article") && out.contains("#1 Tarnby ferry"),
        "{out}"
    );
}

#[test]
fn before_overrides_the_article_date() {
    let (t, article) = dated_case();
    let run = t.run(&[
        "check",
        "--json",
        "--before",
        "2019-03-08",
        article.to_str().unwrap(),
    ]);
    assert_eq!(
        run.code(),
        1,
        "the story now counts, uncredited: {}",
        run.stderr()
    );
    let report = run.json_lines().remove(0);
    assert_eq!(
        report["article_date"],
        serde_json::json!({
            "date": "2019-03-08", "text": "2019-03-08", "start": null, "end": null, "from": "option"
        })
    );
    assert_eq!(report["sources"][0]["agency"], "Reuters");
    assert_eq!(report["published_later"], serde_json::json!([]));
    let out = t
        .run(&["check", "--before", "2019-03-08", article.to_str().unwrap()])
        .stdout();
    assert!(
        out.contains("Article date: 2019-03-08 (given by --before)"),
        "{out}"
    );
}
