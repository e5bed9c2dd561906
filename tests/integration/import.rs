//! `wirecheck import`: formats, agencies, origins, duplicates and versions.

use crate::util::{TempArchive, demo};

fn info(t: &TempArchive) -> serde_json::Value {
    t.run(&["info", "--json"]).success().json_lines().remove(0)
}

fn agency_count(info: &serde_json::Value, agency: &str) -> i64 {
    info["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["agency"] == agency)
        .map_or(0, |a| a["stories"].as_i64().unwrap())
}

#[test]
fn the_demo_folder_imports_every_format_with_its_agency() {
    let t = TempArchive::new();
    let run = t
        .run(&["import", "--json", demo("archive").to_str().unwrap()])
        .success();
    let summary = &run.json_lines()[0];
    assert_eq!(
        summary["skipped"],
        serde_json::json!([]),
        "nothing in the demo is skipped"
    );
    assert_eq!(summary["duplicates"], 0);
    let info = info(&t);
    assert_eq!(info["stories"], summary["imported"]);
    // Agencies come from NITF/NewsML metadata, JSON fields, datelines and PA bylines.
    for agency in [
        "Reuters",
        "AP",
        "AFP",
        "PA",
        "PTI",
        "ANI",
        "IANS",
        "Xinhua",
        "PR Newswire",
    ] {
        assert!(
            agency_count(&info, agency) >= 1,
            "{agency} missing from {info}"
        );
    }
    assert!(
        agency_count(&info, "Reuters") >= 5,
        "four Reuters files, one with two versions: {info}"
    );
}

#[test]
fn importing_twice_stores_each_story_once() {
    let t = TempArchive::new();
    let dir = demo("archive");
    let first = t
        .run(&["import", "--json", dir.to_str().unwrap()])
        .success()
        .json_lines()
        .remove(0);
    let second = t
        .run(&["import", "--json", dir.to_str().unwrap()])
        .success()
        .json_lines()
        .remove(0);
    assert_eq!(second["imported"], 0, "{second}");
    assert_eq!(second["duplicates"], first["imported"], "{second}");
}

#[test]
fn successive_versions_are_kept_as_separate_stories() {
    let t = TempArchive::new().with_demo();
    let found = t
        .run(&["search", "--json", "denuclearization"])
        .success()
        .json_lines();
    let summit: Vec<_> = found
        .iter()
        .filter(|s| {
            s["origin"]
                .as_str()
                .unwrap()
                .ends_with("reuters-summit.xml")
        })
        .collect();
    assert_eq!(
        summit.len(),
        2,
        "both versions of the summit story are stored: {found:?}"
    );
}

#[test]
fn origin_is_kept_exactly_as_given_and_agency_flag_overrides() {
    let t = TempArchive::new();
    let path = t.write(
        "feeds/local-wire.txt",
        "Council approves tram extension\n\nLEEDS (Reuters) - The city council approved a four-stop \
         extension of the tram line on Tuesday after a two-hour debate, officials said.\n"
            .as_bytes(),
    );
    let given = path.to_str().unwrap();
    t.run(&["import", "--agency", "Press Association", given])
        .success();
    let listed = t.run(&["list", "--json"]).success().json_lines();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["origin"], given, "origin exactly as given");
    assert_eq!(
        listed[0]["agency"], "PA",
        "--agency wins over the dateline, canonicalized"
    );
}

#[test]
fn agency_comes_from_the_dateline_when_metadata_has_none() {
    let t = TempArchive::new();
    let path = t.write(
        "story.txt",
        "Ferry service resumes\n\nKOCHI, Feb 8 (PTI) The ferry service between the two islands \
         resumed on Thursday after repairs to the jetty were completed, officials said.\n"
            .as_bytes(),
    );
    t.run(&["import", path.to_str().unwrap()]).success();
    let listed = t.run(&["list", "--json"]).success().json_lines();
    assert_eq!(listed[0]["agency"], "PTI", "{listed:?}");
}

/// `tests/fixtures/junk`: files with no story in them are skipped, never stored as a story of
/// a word or two; the shortest real story is stored.
#[test]
fn junk_files_are_skipped_with_no_article_text_and_short_real_stories_kept() {
    let t = TempArchive::new();
    let junk = crate::fixture::fixtures("junk", "files");
    let run = t
        .run(&["import", "--json", junk.to_str().unwrap()])
        .success();
    let summary = &run.json_lines()[0];
    let mut skipped: Vec<(String, String)> = summary["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let path = std::path::Path::new(s["path"].as_str().unwrap());
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, s["reason"].as_str().unwrap().to_owned())
        })
        .collect();
    skipped.sort();
    let reason = "no article text".to_owned();
    assert_eq!(
        skipped,
        vec![
            ("entities-only.xml".to_owned(), reason.clone()),
            ("five-words.txt".to_owned(), reason.clone()),
            ("markup-only.xml".to_owned(), reason.clone()),
            ("one-word.txt".to_owned(), reason),
        ],
        "every junk file is skipped, and for that reason: {summary}"
    );
    assert_eq!(
        summary["imported"], 3,
        "the two minimum stories and the real JSON Lines record: {summary}"
    );
    let listed = t.run(&["list", "--json"]).success().json_lines();
    let mut bodies: Vec<String> = listed
        .iter()
        .map(|s| {
            let id = s["id"].as_i64().unwrap().to_string();
            let story = t
                .run(&["show", "--json", &id])
                .success()
                .json_lines()
                .remove(0);
            story["body"].as_str().unwrap().to_owned()
        })
        .collect();
    bodies.sort();
    assert_eq!(bodies.len(), 3, "{bodies:?}");
    assert!(bodies[0].starts_with("MARROWBY, March 3"), "{bodies:?}");
    assert_eq!(
        bodies[1],
        "Marrowby bridge reopens to traffic Monday. &wire-pad;"
    );
    assert_eq!(bodies[2], "Storm closes Marrowby harbour until Friday.");

    // The text output names each skipped file and the reason, on standard error.
    let again = TempArchive::new();
    let one = junk.join("one-word.txt");
    let run = again.run(&["import", one.to_str().unwrap()]).success();
    assert!(
        run.stderr()
            .contains(&format!("skipped {}: no article text", one.display())),
        "{}",
        run.stderr()
    );
    assert!(run.stdout().contains("imported 0"), "{}", run.stdout());
}
