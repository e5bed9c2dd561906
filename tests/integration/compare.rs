//! `wirecheck compare ARTICLE SOURCE`: one article against one wire story given beside it,
//! with no archive.

use crate::fixture::{derived, fixtures, sources};
use crate::util::TempArchive;

fn path(set: &str, sub: &str, file: &str) -> String {
    fixtures(set, sub).join(file).to_str().unwrap().to_string()
}

#[test]
fn an_uncredited_copy_is_flagged_and_no_archive_is_created() {
    let t = TempArchive::new();
    let article = path("republication", "articles", "light-edits-afp.txt");
    let story = path("republication", "archive", "afp-chip-plant.txt");
    let run = t.run(&["compare", "--json", &article, &story]);
    assert_eq!(run.code(), 1, "flagged: {}", run.stderr());
    let report = run.json_lines().remove(0);
    assert_eq!(derived(&report), "wholly");
    assert_eq!(
        sources(&report).len(),
        1,
        "the one story given is the only source"
    );
    assert_eq!(
        sources(&report)[0]["agency"],
        "AFP",
        "the agency is read from the story"
    );
    assert_eq!(report["flags"].as_array().unwrap().len(), 1);
    assert!(
        report["passages"].as_array().is_some_and(|p| !p.is_empty()),
        "the passages and their diffs are reported as by check"
    );
    assert!(
        !t.db().exists(),
        "compare never opens or creates an archive"
    );
}

#[test]
fn the_article_can_come_from_standard_input_and_an_independent_story_is_not_derived() {
    let t = TempArchive::new();
    let story = path("hard-negatives", "archive", "reuters-water-bombers.txt");
    let article = std::fs::read(path(
        "hard-negatives",
        "articles",
        "newspaper-water-bombers.txt",
    ))
    .unwrap();
    let run = t
        .run_with_stdin(&["compare", "--json", "-", &story], Some(&article))
        .success();
    let report = run.json_lines().remove(0);
    assert_eq!(
        derived(&report),
        "none",
        "an independent report sharing the conference's quotes"
    );
}

#[test]
fn the_agency_given_overrides_the_story_and_the_terminal_report_reads_like_check() {
    let t = TempArchive::new();
    let article = path("republication", "articles", "wrong-credit-reuters.txt");
    let story = path("republication", "archive", "reuters-mackerel-talks.txt");
    let run = t.run(&["compare", "--agency", "ap", &article, &story]);
    assert_eq!(
        run.code(),
        0,
        "credited to AP, the agency given: {}",
        run.stderr()
    );
    assert!(run.stdout().contains("WHOLLY DERIVED"), "{}", run.stdout());
    assert!(run.stdout().contains("credited"), "{}", run.stdout());
    assert!(
        run.stdout().contains("matched to the story given") && !run.stdout().contains("#0"),
        "the story is named as the one given, not as a story of the archive: {}",
        run.stdout()
    );
}

#[test]
fn bad_inputs_are_clear_errors() {
    let t = TempArchive::new();
    let article = path("republication", "articles", "light-edits-afp.txt");
    t.run_with_stdin(&["compare", "-", "-"], Some(b"text"))
        .fails_with(2, "only one of ARTICLE and SOURCE");
    let binary = t.write("story.bin", b"\0\x01\x02\x03binary");
    t.run(&["compare", &article, binary.to_str().unwrap()])
        .fails_with(2, "wire story cannot be read");
    t.run(&["compare", &article, "/nonexistent/story.txt"])
        .fails_with(2, "cannot read /nonexistent/story.txt");
}

#[test]
fn compare_gives_the_passages_check_gives_against_an_archive_of_that_story_alone() {
    // One pipeline: check is retrieval followed by the comparison compare runs.
    let t = TempArchive::new();
    let article = path("republication", "articles", "light-edits-afp.txt");
    let story = path("republication", "archive", "afp-chip-plant.txt");
    t.run(&["import", &story]).success();
    let checked = t.run(&["check", "--json", &article]).json_lines().remove(0);
    let compared = t
        .run(&["compare", "--json", &article, &story])
        .json_lines()
        .remove(0);
    let spans = |report: &serde_json::Value| -> Vec<(u64, u64, u64, u64, String, u64)> {
        report["passages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["article_start"].as_u64().unwrap(),
                    p["article_end"].as_u64().unwrap(),
                    p["source_start"].as_u64().unwrap(),
                    p["source_end"].as_u64().unwrap(),
                    p["kind"].as_str().unwrap().to_string(),
                    p["words"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    assert!(!spans(&checked).is_empty());
    assert_eq!(spans(&compared), spans(&checked));
    assert_eq!(derived(&compared), derived(&checked));
    assert_eq!(compared["coverage"], checked["coverage"]);
    assert_eq!(
        compared["flags"].as_array().unwrap().len(),
        checked["flags"].as_array().unwrap().len()
    );
}

#[test]
fn the_wire_story_can_come_from_standard_input() {
    let t = TempArchive::new();
    let article = path("republication", "articles", "light-edits-afp.txt");
    let story = std::fs::read(path("republication", "archive", "afp-chip-plant.txt")).unwrap();
    let run = t.run_with_stdin(&["compare", "--json", &article, "-"], Some(&story));
    assert_eq!(run.code(), 1, "flagged: {}", run.stderr());
    assert_eq!(derived(&run.json_lines().remove(0)), "wholly");
}

#[test]
fn an_empty_or_oversized_side_is_a_one_line_error() {
    let t = TempArchive::new();
    let article = path("republication", "articles", "light-edits-afp.txt");
    let story = path("republication", "archive", "afp-chip-plant.txt");
    let empty = t.write("empty.txt", b"  \n\n");
    let huge = t.write("huge.txt", &b"word ".repeat(4 * 1024 * 1024));
    for (args, needle) in [
        ([article.as_str(), empty.to_str().unwrap()], "no text"),
        (
            [empty.to_str().unwrap(), story.as_str()],
            "the article is empty",
        ),
        ([huge.to_str().unwrap(), story.as_str()], "too large"),
        ([article.as_str(), huge.to_str().unwrap()], "too large"),
    ] {
        let run = t.run(&["compare", args[0], args[1]]);
        assert_eq!(run.code(), 2, "{args:?}: {}", run.stderr());
        let message = run.stderr();
        assert_eq!(
            message.trim().lines().count(),
            1,
            "{args:?}: one line: {message}"
        );
        assert!(message.contains(needle), "{args:?}: {message}");
        assert!(!t.db().exists());
    }
}
