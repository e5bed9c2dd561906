//! The commands through Tauri's mock runtime: real IPC requests, a real archive file.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

use crate::{AppState, with_commands};

struct TestApp {
    _app: App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
}

impl TestApp {
    fn new(db: &Path) -> Self {
        let app = with_commands(mock_builder(), AppState::new(db.to_path_buf()))
            .build(mock_context(noop_assets()))
            .expect("the app builds on the mock runtime");
        let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("a webview");
        TestApp { _app: app, webview }
    }

    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().expect("a url"),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().expect("JSON response"))
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    fn err(&self, cmd: &str, args: Value) -> Value {
        match self.invoke(cmd, args) {
            Ok(v) => panic!("{cmd} should fail, returned {v}"),
            Err(e) => e,
        }
    }
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("archive.sqlite");
    (dir, db)
}

fn demo_article(name: &str) -> String {
    wirecheck_core::demo::ARTICLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .expect("a demo article")
}

#[test]
fn check_an_uncredited_copy_and_find_it_in_the_history() {
    let (_dir, db) = temp_db();
    let app = TestApp::new(&db);
    let loaded = app.ok("load_demo", json!({}));
    assert!(loaded["imported"].as_u64().unwrap() >= 13, "{loaded}");

    let result = app.ok(
        "check_article",
        json!({ "request": { "text": demo_article("uncredited-reuters.txt"), "publishedBefore": null } }),
    );
    let report = &result["report"];
    assert_eq!(report["derived"], "wholly");
    assert_eq!(report["sources"][0]["agency"], "Reuters");
    assert_eq!(report["sources"][0]["credited"], false);
    assert_eq!(
        report["flags"].as_array().unwrap().len(),
        1,
        "one flag: copied without credit"
    );
    assert!(
        report["passages"][0]["articleStart"].is_u64(),
        "camelCase for the UI: {}",
        report["passages"][0]
    );
    let confidence = report["confidence"]
        .as_f64()
        .expect("the verdict's confidence");
    assert!(
        (0.0..=1.0).contains(&confidence),
        "a probability: {confidence}"
    );
    for class in ["wholly", "partially", "none"] {
        assert!(
            report["probabilities"][class].is_f64(),
            "{class}: {}",
            report["probabilities"]
        );
    }
    assert!(
        report["measures"]["longestRun"].is_f64(),
        "measures in camelCase: {}",
        report["measures"]
    );
    for evidence in [
        &report["sources"][0]["evidence"],
        &report["passages"][0]["evidence"],
    ] {
        assert!(
            ["identical", "minor_edits", "paraphrase"]
                .contains(&evidence["tier"].as_str().unwrap_or_default()),
            "a tier the UI labels: {evidence}"
        );
        assert!(evidence["confidence"].is_f64(), "{evidence}");
        assert!(
            !evidence["reasons"].as_array().expect("reasons").is_empty(),
            "a copy comes with its reasons: {evidence}"
        );
    }
    assert_eq!(
        result["stories"][0]["id"], report["sources"][0]["id"],
        "the source's story comes with the result, for the side-by-side view"
    );
    let history = app.ok("list_checks", json!({ "limit": 10, "offset": 0 }));
    assert_eq!(history.as_array().unwrap().len(), 1, "the check is saved");
    assert_eq!(history[0]["id"], result["check"]["id"]);
}

#[test]
fn the_article_date_comes_from_the_text_unless_the_field_gives_one() {
    let (_dir, db) = temp_db();
    let app = TestApp::new(&db);
    app.ok("load_demo", json!({}));
    let text = demo_article("article.html");
    let result = app.ok(
        "check_article",
        json!({ "request": { "text": text, "publishedBefore": null } }),
    );
    let date = &result["report"]["articleDate"];
    assert_eq!(date["date"], "2026-05-08T12:40", "{date}");
    assert_eq!(date["text"], "8 May 2026, 12:40");
    assert_eq!(date["from"], "text");
    assert!(date["start"].is_u64() && date["end"].is_u64(), "{date}");
    assert!(result["report"]["publishedLater"].is_array());

    let result = app.ok(
        "check_article",
        json!({ "request": { "text": text, "publishedBefore": "2026-01-01" } }),
    );
    let report = &result["report"];
    assert_eq!(report["articleDate"]["from"], "option");
    assert_eq!(report["articleDate"]["start"], Value::Null);
    assert_eq!(report["sources"], json!([]), "the field overrides the text");
    assert_eq!(
        report["publishedLater"][0]["published"], "2026-05-08T09:15:00Z",
        "the story left out by the field is listed apart: {report}"
    );
}

#[test]
fn errors_have_a_stable_code_and_a_message() {
    let (_dir, db) = temp_db();
    let app = TestApp::new(&db);
    let error = app.err(
        "check_article",
        json!({ "request": { "text": "  \n ", "publishedBefore": null } }),
    );
    assert_eq!(error["code"], "invalid_input");
    let keys: Vec<&String> = error.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["code", "message"],
        "the error's JSON shape is {{ code, message }}"
    );

    assert_eq!(
        app.err("get_story", json!({ "id": 999 }))["code"],
        "not_found"
    );
    assert_eq!(
        app.err(
            "check_article",
            json!({ "request": { "text": "Some text.", "publishedBefore": "May 9" } })
        )["code"],
        "invalid_input",
        "dates are validated in Rust"
    );
    assert_eq!(
        app.err("import_paths", json!({ "paths": [] }))["code"],
        "invalid_input"
    );
    assert_eq!(
        app.err(
            "export_html",
            json!({ "checkId": 1, "path": "relative/report.html" })
        )["code"],
        "invalid_input"
    );
}

#[test]
fn an_archive_that_is_not_sqlite_is_an_archive_error() {
    let (_dir, db) = temp_db();
    std::fs::write(&db, "plain notes, not a database\n".repeat(100)).unwrap();
    let app = TestApp::new(&db);
    let error = app.err("archive_overview", json!({}));
    assert_eq!(error["code"], "archive_error", "{error}");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("not a Wirecheck archive")
    );
}

#[test]
fn decisions_survive_a_restart_and_can_be_undone() {
    let (_dir, db) = temp_db();
    let check_id;
    let source_id;
    {
        let app = TestApp::new(&db);
        app.ok("load_demo", json!({}));
        let result = app.ok(
            "check_article",
            json!({ "request": { "text": demo_article("wrong-agency.txt"), "publishedBefore": null } }),
        );
        check_id = result["check"]["id"].clone();
        source_id = result["report"]["flags"][0]["sourceId"].clone();
        let decision = app.ok(
            "decide",
            json!({ "request": { "checkId": check_id, "sourceId": source_id, "status": "confirmed",
                                 "reason": "Copied without credit", "note": "Credit says Reuters; copy is AFP." } }),
        );
        assert_eq!(decision["status"], "confirmed");
        assert!(
            decision["decidedAt"].as_str().unwrap().starts_with("20"),
            "timestamped: {decision}"
        );
        let empty_reason = app.err(
            "decide",
            json!({ "request": { "checkId": check_id, "sourceId": source_id, "status": "dismissed",
                                 "reason": "  ", "note": "" } }),
        );
        assert_eq!(empty_reason["code"], "invalid_input");
    }
    let app = TestApp::new(&db);
    let reopened = app.ok("open_check", json!({ "id": check_id }));
    assert_eq!(
        reopened["decisions"][0]["reason"], "Copied without credit",
        "{reopened}"
    );
    app.ok(
        "clear_decision",
        json!({ "checkId": check_id, "sourceId": source_id }),
    );
    let after = app.ok("open_check", json!({ "id": check_id }));
    assert_eq!(after["decisions"], json!([]), "undo removes the decision");
}

#[test]
fn settings_round_trip_and_take_effect() {
    let (_dir, db) = temp_db();
    let app = TestApp::new(&db);
    app.ok("load_demo", json!({}));
    let mut settings = app.ok("get_settings", json!({}));
    assert_eq!(settings["preset"], "standard");
    settings["excludeAgencies"] = json!(["Reuters"]);
    let saved = app.ok("save_settings", json!({ "settings": settings }));
    assert_eq!(saved["excludeAgencies"], json!(["Reuters"]));
    let result = app.ok(
        "check_article",
        json!({ "request": { "text": demo_article("uncredited-reuters.txt"), "publishedBefore": null } }),
    );
    assert_eq!(
        result["report"]["derived"], "none",
        "an excluded agency is never a source"
    );

    settings["minPassageWords"] = json!(0);
    assert_eq!(
        app.err("save_settings", json!({ "settings": settings }))["code"],
        "invalid_input"
    );
}

#[test]
fn import_a_folder_then_search_open_and_remove() {
    let (dir, db) = temp_db();
    let folder = dir.path().join("wires");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("story.txt"),
        "Lighthouse keeper retires\n\nFALMOUTH (PA) - The last keeper of the headland lighthouse retired on Friday after 31 years, the trust said.\n",
    )
    .unwrap();
    std::fs::write(
        folder.join("photo.jpg"),
        [0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0],
    )
    .unwrap();
    let app = TestApp::new(&db);
    let summary = app.ok(
        "import_paths",
        json!({ "paths": [folder.to_str().unwrap()] }),
    );
    assert_eq!(summary["imported"], 1, "{summary}");
    assert_eq!(
        summary["skipped"].as_array().unwrap().len(),
        1,
        "the photo is skipped with a reason"
    );
    let found = app.ok(
        "search_stories",
        json!({ "query": "lighthouse", "limit": 10 }),
    );
    let id = found[0]["id"].clone();
    assert_eq!(app.ok("get_story", json!({ "id": id }))["agency"], "PA");
    app.ok("remove_story", json!({ "id": id }));
    assert_eq!(app.ok("archive_overview", json!({}))["stories"], 0);
}

#[test]
fn html_report_export_writes_an_escaped_self_contained_file() {
    let (dir, db) = temp_db();
    let app = TestApp::new(&db);
    app.ok("load_demo", json!({}));
    let result = app.ok(
        "check_article",
        json!({ "request": { "text": demo_article("article.html"), "publishedBefore": null } }),
    );
    let path = dir.path().join("report");
    let written = app.ok(
        "export_html",
        json!({ "checkId": result["check"]["id"], "path": path.to_str().unwrap() }),
    );
    let html = std::fs::read_to_string(written.as_str().unwrap()).unwrap();
    assert!(
        written.as_str().unwrap().ends_with(".html"),
        "the extension is added"
    );
    assert!(html.contains("class=\"hl"), "passages are highlighted");
    assert!(
        !html.contains("<script"),
        "no script, not even the article's"
    );

    let json_path = dir.path().join("report.json");
    app.ok(
        "export_json",
        json!({ "checkId": result["check"]["id"], "path": json_path.to_str().unwrap() }),
    );
    let report: Value = serde_json::from_str(&std::fs::read_to_string(json_path).unwrap()).unwrap();
    assert!(
        report["passages"][0]["article_start"].is_u64(),
        "JSON export uses the CLI's schema"
    );
}

#[test]
fn every_command_in_the_generated_table_is_registered() {
    let (_dir, db) = temp_db();
    let app = TestApp::new(&db);
    for (_, command, _, _, _) in crate::bindings::COMMANDS {
        if let Err(error) = app.invoke(command, json!({})) {
            let text = error.to_string();
            assert!(
                !text.contains("not found"),
                "{command} is not registered: {text}"
            );
        }
    }
}

#[test]
fn demo_articles_and_pasted_html() {
    let (_dir, db) = temp_db();
    let app = TestApp::new(&db);
    let articles = app.ok("demo_articles", json!({}));
    assert!(articles.as_array().unwrap().len() >= 10);
    let text = app.ok(
        "html_to_text",
        json!({ "html": "<p>First <b>para</b>.</p><script>alert(1)</script><p>Second.</p>" }),
    );
    assert_eq!(text, "First para.\n\nSecond.");
}

const WIRE_HTML: &str = "<html><body><h1>Mackerel deal</h1><p>OSLO, March 3 (Reuters) - Norway \
    and the European Union agreed on Monday to share this year's mackerel quota after three \
    weeks of talks in Bergen, ending a dispute that had kept trawlers in port since January. The \
    deal gives Norwegian boats 31 percent of the catch, officials said.</p></body></html>";
const MACKEREL_ARTICLE: &str = "<p>Norway and the European Union agreed on Monday to share this \
    year's mackerel quota after three weeks of talks in Bergen, ending a dispute that had kept \
    trawlers in port since January.</p>";

fn compare_request(article: &str, source: &str, agency: Value, preset: &str) -> Value {
    json!({ "request": { "article": article, "source": source, "agency": agency, "preset": preset } })
}

#[test]
fn compare_an_article_with_one_pasted_story_and_find_it_in_the_history() {
    let (_dir, db) = temp_db();
    let app = TestApp::new(&db);
    // Demo stories hold ids 1.., which the pasted story must never be taken for.
    app.ok("load_demo", json!({}));
    let result = app.ok(
        "compare_texts",
        compare_request(MACKEREL_ARTICLE, WIRE_HTML, Value::Null, "standard"),
    );
    let report = &result["report"];
    assert_eq!(report["derived"], "wholly", "{report}");
    assert_eq!(
        report["sources"][0]["agency"], "Reuters",
        "agency read from the story"
    );
    assert_eq!(
        report["sources"][0]["id"], 0,
        "the pasted story is in no archive"
    );
    assert_eq!(report["flags"].as_array().unwrap().len(), 1, "not credited");
    assert!(
        !report["text"].as_str().unwrap().contains("<p>"),
        "pasted HTML is reduced to text in Rust"
    );
    let id = result["check"]["id"].as_i64().unwrap();
    assert!(id > 0, "the comparison is saved: {}", result["check"]);
    assert_eq!(result["check"]["comparedWith"], "Mackerel deal");
    assert_eq!(result["stories"][0]["id"], 0);
    assert!(
        result["stories"][0]["body"]
            .as_str()
            .unwrap()
            .contains("31 percent"),
        "the story for the side-by-side review"
    );

    let history = app.ok("list_checks", json!({ "limit": 10, "offset": 0 }));
    assert_eq!(history[0]["id"], id, "{history}");
    assert_eq!(
        history[0]["comparedWith"], "Mackerel deal",
        "listed as a comparison"
    );
    let reopened = app.ok("open_check", json!({ "id": id }));
    assert_eq!(
        reopened["stories"], result["stories"],
        "reopened with its own story, not demo story 0 or 1"
    );

    let given = app.ok(
        "compare_texts",
        compare_request(MACKEREL_ARTICLE, WIRE_HTML, json!("afp"), "strict"),
    );
    assert_eq!(
        given["report"]["sources"][0]["agency"], "AFP",
        "the agency given wins"
    );

    for (article, source, needle) in [
        (" ", WIRE_HTML, "article is empty"),
        (MACKEREL_ARTICLE, "\n", "wire story is empty"),
    ] {
        let error = app.err(
            "compare_texts",
            compare_request(article, source, Value::Null, "standard"),
        );
        assert_eq!(error["code"], "invalid_input");
        assert!(
            error["message"].as_str().unwrap().contains(needle),
            "{error}"
        );
    }
}

#[test]
fn decisions_and_exports_work_on_a_saved_comparison() {
    let (dir, db) = temp_db();
    let app = TestApp::new(&db);
    let result = app.ok(
        "compare_texts",
        compare_request(MACKEREL_ARTICLE, WIRE_HTML, Value::Null, "standard"),
    );
    let check_id = result["check"]["id"].clone();
    let source_id = result["report"]["flags"][0]["sourceId"].clone();
    app.ok(
        "decide",
        json!({ "request": { "checkId": check_id, "sourceId": source_id, "status": "confirmed",
                             "reason": "Copied without credit", "note": "" } }),
    );
    let reopened = app.ok("open_check", json!({ "id": check_id }));
    assert_eq!(
        reopened["decisions"][0]["status"], "confirmed",
        "{reopened}"
    );

    let html = dir.path().join("comparison.html");
    app.ok(
        "export_html",
        json!({ "checkId": check_id, "path": html.to_str().unwrap() }),
    );
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains("Compared with one wire story"), "{html}");
    assert!(
        html.contains("<mark class=\"hl verbatim s0\">Norway"),
        "the story's side comes from the saved story"
    );
    assert!(html.contains("<td class=\"confirmed\">confirmed</td>"));
    let json_path = dir.path().join("comparison.json");
    app.ok(
        "export_json",
        json!({ "checkId": check_id, "path": json_path.to_str().unwrap() }),
    );
    let report: Value = serde_json::from_str(&std::fs::read_to_string(json_path).unwrap()).unwrap();
    assert_eq!(report["sources"][0]["id"], 0, "the CLI's schema: {report}");
    assert_eq!(report["sources"][0]["origin"], "pasted in Compare");
}

#[test]
fn a_compared_story_added_to_the_archive_is_found_by_a_check() {
    let (_dir, db) = temp_db();
    let app = TestApp::new(&db);
    let article = "Trawlers back at sea\n\nNorway and the European Union agreed on Monday to \
        share this year's mackerel quota after three weeks of talks in Bergen, ending a dispute \
        that had kept trawlers in port since January. The deal gives Norwegian boats 31 percent \
        of the catch, officials said.";
    let result = app.ok(
        "compare_texts",
        compare_request(article, WIRE_HTML, json!("AP"), "standard"),
    );
    let check_id = result["check"]["id"].clone();
    let added = app.ok("add_compared_story", json!({ "checkId": check_id }));
    assert_eq!(added["alreadyStored"], false, "{added}");
    let story = app.ok("get_story", json!({ "id": added["id"] }));
    assert_eq!(
        story["agency"], "AP",
        "stored with the agency set in the field"
    );
    assert_eq!(story["origin"], "pasted in Compare");
    let again = app.ok("add_compared_story", json!({ "checkId": check_id }));
    assert_eq!(again["alreadyStored"], true, "the duplicate rule: {again}");
    assert_eq!(again["id"], added["id"]);
    assert_eq!(app.ok("archive_overview", json!({}))["stories"], 1);

    let checked = app.ok(
        "check_article",
        json!({ "request": { "text": article, "publishedBefore": null } }),
    );
    assert_eq!(
        checked["report"]["sources"][0]["id"], added["id"],
        "a check of the article now finds the story: {}",
        checked["report"]
    );
    assert_eq!(checked["check"]["comparedWith"], Value::Null, "a check");
    let not_comparison = app.err(
        "add_compared_story",
        json!({ "checkId": checked["check"]["id"] }),
    );
    assert_eq!(not_comparison["code"], "invalid_input", "{not_comparison}");
    assert_eq!(
        app.err("add_compared_story", json!({ "checkId": 999 }))["code"],
        "not_found"
    );
}

#[test]
fn compare_a_check_result_with_any_stored_story() {
    let (_dir, db) = temp_db();
    let app = TestApp::new(&db);
    app.ok("load_demo", json!({}));
    let checked = app.ok(
        "check_article",
        json!({ "request": { "text": demo_article("uncredited-reuters.txt"), "publishedBefore": null } }),
    );
    let text = checked["report"]["text"].as_str().unwrap().to_string();
    let source = checked["report"]["sources"][0]["id"].as_i64().unwrap();
    // A story the check did not propose: another story of the demo archive.
    let other = app
        .ok(
            "list_stories",
            json!({ "agency": null, "limit": 100, "offset": 0 }),
        )
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .find(|id| *id != source)
        .unwrap();
    let result = app.ok(
        "compare_stored",
        json!({ "request": { "article": text, "storyId": other, "preset": null } }),
    );
    assert!(result["check"]["id"].as_i64().unwrap() > checked["check"]["id"].as_i64().unwrap());
    assert!(
        result["check"]["comparedWith"].is_string(),
        "{}",
        result["check"]
    );
    assert_eq!(
        result["stories"][0]["id"], other,
        "the stored story, by its id"
    );
    let same = app.ok(
        "compare_stored",
        json!({ "request": { "article": text, "storyId": source, "preset": "lenient" } }),
    );
    assert_eq!(same["report"]["derived"], "wholly");
    assert_eq!(same["report"]["sources"][0]["id"], source);
    let history = app.ok("list_checks", json!({ "limit": 10, "offset": 0 }));
    assert_eq!(
        history.as_array().unwrap().len(),
        3,
        "both comparisons are saved"
    );

    let missing = app.err(
        "compare_stored",
        json!({ "request": { "article": text, "storyId": 424242, "preset": null } }),
    );
    assert_eq!(missing["code"], "not_found", "{missing}");
    let empty = app.err(
        "compare_stored",
        json!({ "request": { "article": "  ", "storyId": source, "preset": null } }),
    );
    assert_eq!(empty["code"], "invalid_input", "{empty}");
}

#[test]
fn the_archive_lists_and_searches_one_language() {
    let (_dir, db) = temp_db();
    let app = TestApp::new(&db);
    app.ok("load_demo", json!({}));
    let languages = |stories: Value| -> Vec<String> {
        stories
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["language"].as_str().unwrap_or("none").to_string())
            .collect()
    };
    let all = languages(app.ok(
        "list_stories",
        json!({ "agency": null, "limit": 100, "offset": 0 }),
    ));
    assert!(
        all.iter().any(|l| l == "en") && all.iter().any(|l| l == "fr"),
        "{all:?}"
    );
    let french = languages(app.ok(
        "list_stories",
        json!({ "agency": null, "limit": 100, "offset": 0, "language": "fr" }),
    ));
    assert!(
        !french.is_empty() && french.iter().all(|l| l == "fr"),
        "{french:?}"
    );
    let found = languages(app.ok(
        "search_stories",
        json!({ "query": "AFP", "limit": 100, "language": "fr" }),
    ));
    assert!(
        !found.is_empty() && found.iter().all(|l| l == "fr"),
        "{found:?}"
    );
    let error = app.err(
        "list_stories",
        json!({ "agency": null, "limit": 100, "offset": 0, "language": "klingon" }),
    );
    assert_eq!(error["code"], "invalid_input", "{error}");
}

/// Polls `watch_status` until `done` holds, with a generous timeout.
fn wait_for_watch(app: &TestApp, what: &str, done: impl Fn(&Value) -> bool) -> Value {
    let started = std::time::Instant::now();
    loop {
        let status = app.ok("watch_status", json!({}));
        if done(&status) {
            return status;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "timed out waiting for {what}: {status}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

fn logged(status: &Value, kind: &str) -> Vec<Value> {
    status["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == kind)
        .cloned()
        .collect()
}

const WATCHED_STORY: &str = "Pier repairs finished\n\nMARROWBY (AFP) - Repairs to the north pier \
    were finished two weeks early, the harbour board said on Wednesday, and ferries will use \
    it again from Monday.\n";

#[test]
fn a_watched_folder_imports_its_files_and_is_stopped_started_and_removed() {
    let (dir, db) = temp_db();
    let drop = dir.path().join("drop");
    std::fs::create_dir(&drop).unwrap();
    let path = drop.to_string_lossy().into_owned();
    let app = TestApp::new(&db);
    assert_eq!(
        app.ok("watch_status", json!({})),
        json!({ "folders": [], "events": [] })
    );

    let status = app.ok(
        "add_watched_folder",
        json!({ "path": path, "agency": "Press Association" }),
    );
    assert_eq!(status["folders"][0]["path"], path);
    assert_eq!(status["folders"][0]["agency"], "Press Association");
    wait_for_watch(&app, "the folder to be watched", |s| {
        s["folders"][0]["state"] == "watching"
    });
    std::fs::write(drop.join("pier.txt"), WATCHED_STORY).unwrap();
    let status = wait_for_watch(&app, "the import", |s| !logged(s, "imported").is_empty());
    let imported = &logged(&status, "imported")[0];
    assert!(
        imported["path"].as_str().unwrap().ends_with("pier.txt"),
        "{imported}"
    );
    assert_eq!(imported["message"], "1 new, 0 already stored");
    assert!(imported["atMs"].as_f64().unwrap() > 0.0, "{imported}");
    let stories = app.ok(
        "list_stories",
        json!({ "agency": null, "limit": 10, "offset": 0 }),
    );
    assert_eq!(stories[0]["agency"], "PA", "the folder's agency wins");

    let status = app.ok(
        "set_watch_enabled",
        json!({ "path": path, "enabled": false }),
    );
    assert_eq!(status["folders"][0]["state"], "stopped");
    wait_for_watch(&app, "the stop", |s| !logged(s, "stopped").is_empty());
    std::fs::write(
        drop.join("while-stopped.txt"),
        WATCHED_STORY.replace("Monday", "Friday"),
    )
    .unwrap();
    app.ok(
        "set_watch_enabled",
        json!({ "path": path, "enabled": true }),
    );
    let status = wait_for_watch(&app, "the file dropped while stopped", |s| {
        logged(s, "imported").len() == 2
    });
    assert!(
        logged(&status, "imported")[1]["path"]
            .as_str()
            .unwrap()
            .ends_with("while-stopped.txt"),
        "{status}"
    );

    let status = app.ok("remove_watched_folder", json!({ "path": path }));
    assert_eq!(status["folders"], json!([]));
    let error = app.err("remove_watched_folder", json!({ "path": path }));
    assert_eq!(error["code"], "invalid_input", "{error}");
    let error = app.err("add_watched_folder", json!({ "path": " ", "agency": null }));
    assert_eq!(error["code"], "invalid_input", "{error}");
}

#[test]
fn a_missing_folder_shows_its_error_inline() {
    let (dir, db) = temp_db();
    let missing = dir
        .path()
        .join("not-mounted")
        .to_string_lossy()
        .into_owned();
    let app = TestApp::new(&db);
    app.ok(
        "add_watched_folder",
        json!({ "path": missing, "agency": null }),
    );
    let status = wait_for_watch(&app, "the folder error", |s| {
        s["folders"][0]["state"] == "error"
    });
    assert_eq!(status["folders"][0]["message"], "folder missing");
    assert_eq!(logged(&status, "error")[0]["folder"], missing.as_str());
}

#[test]
fn watched_folders_are_resumed_when_the_app_starts() {
    let (dir, db) = temp_db();
    let drop = dir.path().join("drop");
    std::fs::create_dir(&drop).unwrap();
    {
        let mut archive = wirecheck_core::Archive::open(&db).unwrap();
        archive
            .add_watched_folder(wirecheck_core::WatchedFolder::new(
                drop.to_string_lossy(),
                None,
            ))
            .unwrap();
    }
    // Dropped while the app was closed.
    std::fs::write(drop.join("overnight.txt"), WATCHED_STORY).unwrap();
    let app = TestApp::new(&db);
    let state = tauri::Manager::state::<AppState>(&app._app).inner().clone();
    crate::watch::resume(app._app.handle(), &state);
    let status = wait_for_watch(&app, "the file that arrived meanwhile", |s| {
        !logged(s, "imported").is_empty()
    });
    assert_eq!(status["folders"][0]["state"], "watching");
}

#[test]
fn prune_counts_first_removes_and_compacts_and_history_keeps_the_pruned_source() {
    let (_dir, db) = temp_db();
    let app = TestApp::new(&db);
    app.ok("load_demo", json!({}));
    let result = app.ok(
        "check_article",
        json!({ "request": { "text": demo_article("uncredited-reuters.txt"), "publishedBefore": null } }),
    );
    let check_id = result["check"]["id"].clone();
    let source = result["report"]["sources"][0]["id"].clone();
    assert_eq!(result["stories"][0]["id"], source);

    let request = json!({ "request": { "before": "2099-01-01", "agency": "reuters" } });
    let plan = app.ok("prune_plan", request.clone());
    let reuters = app.ok(
        "list_stories",
        json!({ "agency": "Reuters", "limit": 100, "offset": 0 }),
    );
    let reuters = reuters.as_array().unwrap().len() as u64;
    assert_eq!(plan["stories"].as_u64(), Some(reuters), "{plan}");
    assert_eq!(
        plan["citedByChecks"], 1,
        "the check's source is counted: {plan}"
    );
    assert_eq!(
        app.ok("archive_overview", json!({}))["stories"],
        plan["stories"].as_u64().unwrap() + plan["remaining"].as_u64().unwrap(),
        "counting removes nothing"
    );

    let summary = app.ok("prune_stories", request);
    assert_eq!(summary["stories"], plan["stories"], "{summary}");
    assert_eq!(summary["keptForHistory"], 1);
    assert_eq!(summary["remaining"], plan["remaining"]);
    assert!(summary["freeBytes"].as_u64().unwrap() > 0, "{summary}");
    let compacted = app.ok("compact_archive", json!({}));
    assert!(compacted["bytesFreed"].as_u64().unwrap() > 0, "{compacted}");

    assert_eq!(
        app.err("get_story", json!({ "id": source }))["code"],
        "not_found"
    );
    let reopened = app.ok("open_check", json!({ "id": check_id }));
    assert_eq!(
        reopened["stories"][0], result["stories"][0],
        "History shows the pruned source as it was checked"
    );
}

#[test]
fn prune_refuses_a_date_that_is_not_a_day_inline() {
    let (_dir, db) = temp_db();
    let app = TestApp::new(&db);
    app.ok("load_demo", json!({}));
    for before in ["", "31/12/2020", "2020-02-30"] {
        let error = app.err(
            "prune_plan",
            json!({ "request": { "before": before, "agency": null } }),
        );
        assert_eq!(error["code"], "invalid_input", "{before:?}: {error}");
        assert!(
            error["message"].as_str().unwrap().contains("YYYY-MM-DD"),
            "{error}"
        );
    }
    let error = app.err(
        "prune_stories",
        json!({ "request": { "before": "2020-01-01", "agency": "x".repeat(101) } }),
    );
    assert_eq!(error["code"], "invalid_input");
    assert!(
        app.ok("archive_overview", json!({}))["stories"]
            .as_u64()
            .unwrap()
            >= 13
    );
}

mod audit;
