//! `wirecheck list`, `search`, `show`, `remove`.

use crate::util::TempArchive;

#[test]
fn list_search_show_remove() {
    let t = TempArchive::new().with_demo();
    let listed = t
        .run(&["list", "--json", "--limit", "1000"])
        .success()
        .json_lines();
    assert!(
        listed.len() >= 12,
        "the demo holds a dozen stories or more: {}",
        listed.len()
    );

    let found = t
        .run(&["search", "--json", "vineyards"])
        .success()
        .json_lines();
    assert!(
        !found.is_empty(),
        "full-text search finds the AFP vineyards story"
    );
    let id = found[0]["id"].as_i64().unwrap();
    assert!(
        found[0]["snippet"].as_str().unwrap().contains('['),
        "snippets mark the match"
    );

    let shown = t
        .run(&["show", "--json", &id.to_string()])
        .success()
        .json_lines()
        .remove(0);
    assert_eq!(shown["id"], id);
    assert!(
        shown["body"].as_str().unwrap().len() > 500,
        "the whole body is shown"
    );

    t.run(&["remove", &id.to_string()]).success();
    t.run(&["show", &id.to_string()])
        .fails_with(2, &format!("no story with id {id}"));
    let after = t
        .run(&["list", "--json", "--limit", "1000"])
        .success()
        .json_lines();
    assert_eq!(after.len(), listed.len() - 1);
}

#[test]
fn search_takes_fts_syntax_literally() {
    let t = TempArchive::new().with_demo();
    // Unbalanced quotes, operators and column filters typed by a user must not error.
    for query in ["\"harbour", "NEAR(", "body:port", "*", "AND OR NOT"] {
        t.run(&["search", query]).success();
    }
}

#[test]
fn removing_a_story_removes_it_from_checks() {
    let t = TempArchive::new().with_demo();
    let article = crate::util::demo("articles").join("uncredited-reuters.txt");
    let before = t
        .run(&["check", "--json", article.to_str().unwrap()])
        .json_lines()
        .remove(0);
    let source = before["sources"][0]["id"]
        .as_i64()
        .expect("the article has a source");
    t.run(&["remove", &source.to_string()]).success();
    let after = t
        .run(&["check", "--json", article.to_str().unwrap()])
        .json_lines()
        .remove(0);
    assert!(
        after["sources"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["id"] != source),
        "a removed story is never a source again: {after}"
    );
}

#[test]
fn wirecheck_db_chooses_the_archive_and_db_flag_wins() {
    let t = TempArchive::new();
    let env_db = t.dir.path().join("from-env.sqlite");
    let story = t.write(
        "s.txt",
        b"Tram line opens\n\nThe new tram line opened on Monday with free rides for a week, the city said.\n",
    );
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_wirecheck"))
            .args(args)
            .env("WIRECHECK_DB", &env_db)
            .output()
            .unwrap()
    };
    assert!(run(&["import", story.to_str().unwrap()]).status.success());
    assert!(env_db.exists(), "WIRECHECK_DB names the archive file");
    let flag_db = t.db();
    assert!(
        run(&["--db", flag_db.to_str().unwrap(), "info"])
            .status
            .success()
    );
    let out = run(&["--db", flag_db.to_str().unwrap(), "info", "--json"]);
    let info: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(info["stories"], 0, "--db overrides WIRECHECK_DB");
}

#[test]
fn demo_if_empty_loads_only_into_an_empty_archive() {
    let t = TempArchive::new();
    t.run(&["demo", "--load-only", "--if-empty"]).success();
    let count = |t: &TempArchive| {
        t.run(&["info", "--json"]).success().json_lines()[0]["stories"]
            .as_i64()
            .unwrap()
    };
    let loaded = count(&t);
    assert!(loaded >= 13, "first run loads the demo: {loaded}");
    let first = t.run(&["list", "--json"]).success().json_lines()[0]["id"]
        .as_i64()
        .unwrap();
    t.run(&["remove", &first.to_string()]).success();
    t.run(&["demo", "--load-only", "--if-empty"]).success();
    assert_eq!(
        count(&t),
        loaded - 1,
        "a non-empty archive is left as the user made it"
    );
}
