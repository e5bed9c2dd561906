//! The Audit view's commands through the mock runtime: a small folder audited, its progress
//! events, its rows read back, one opened in the review, the overview exported, a re-run
//! resumed, and the inline errors.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use tauri::Listener;

use super::{TestApp, demo_article, temp_db};

/// A fictional site: an uncredited copy, a credited copy, independent coverage, a binary
/// file and an empty page.
fn site(dir: &Path) -> PathBuf {
    let site = dir.join("site");
    std::fs::create_dir_all(&site).unwrap();
    for (name, demo) in [
        ("copy.txt", "uncredited-reuters.txt"),
        ("credited.txt", "credited-reuters.txt"),
        ("own.txt", "independent-wildfire.txt"),
    ] {
        std::fs::write(site.join(name), demo_article(demo)).unwrap();
    }
    std::fs::write(
        site.join("photo.jpg"),
        b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\0\0",
    )
    .unwrap();
    std::fs::write(site.join("empty.html"), "<html><body> </body></html>").unwrap();
    site
}

fn request(input: &Path, out: Option<&Path>) -> Value {
    json!({ "request": {
        "input": input.display().to_string(),
        "outDir": out.map(|o| o.display().to_string()),
        "jobs": 2,
        "preset": "standard",
        "beforeFromArticle": false,
    } })
}

fn rows_by_name(results: &Value) -> Vec<(String, Value)> {
    let mut rows: Vec<(String, Value)> = results["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["name"].as_str().unwrap().to_string(), r.clone()))
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

#[test]
fn audit_a_folder_open_a_row_export_and_resume() {
    let (dir, db) = temp_db();
    let app = TestApp::new(&db);
    app.ok("load_demo", json!({}));
    let site = site(dir.path());

    let plan = app.ok("plan_audit", json!({ "input": site.display().to_string() }));
    let out = dir.path().join("site-audit");
    assert_eq!(
        plan["outDir"],
        out.display().to_string(),
        "beside the input"
    );
    assert_eq!(plan["hasResults"], false);
    assert!(plan["cores"].as_u64().unwrap() >= 1);

    let events: Arc<Mutex<Vec<Value>>> = Arc::default();
    {
        let events = Arc::clone(&events);
        app._app.listen("audit-progress", move |event| {
            events
                .lock()
                .unwrap()
                .push(serde_json::from_str(event.payload()).unwrap());
        });
    }
    let outcome = app.ok("start_audit", request(&site, None));
    assert_eq!(outcome["checked"], 3, "{outcome}");
    assert_eq!(outcome["failed"], 2, "the binary file and the empty page");
    assert_eq!(outcome["cancelled"], false);
    assert_eq!(outcome["totals"]["flagged"], 1, "only the uncredited copy");
    assert_eq!(outcome["totals"]["articles"], 5);

    let events = events.lock().unwrap().clone();
    let last = events.last().expect("progress events");
    assert_eq!(last["stage"], "done");
    assert_eq!(
        (last["done"].as_u64(), last["total"].as_u64()),
        (Some(5), Some(5))
    );
    assert_eq!(last["flagged"], 1);
    let streamed: usize = events
        .iter()
        .map(|e| e["rows"].as_array().unwrap().len())
        .sum();
    assert_eq!(
        streamed, 5,
        "every written row reaches the view once, while the audit runs"
    );

    let results = app.ok(
        "audit_results",
        json!({ "outDir": out.display().to_string(), "limit": 1000 }),
    );
    assert_eq!(results["total"], 5);
    let rows = rows_by_name(&results);
    let names: Vec<&str> = rows.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "site/copy.txt",
            "site/credited.txt",
            "site/empty.html",
            "site/own.txt",
            "site/photo.jpg"
        ]
    );
    let row = |name: &str| &rows.iter().find(|(n, _)| n == name).unwrap().1;
    assert_eq!(row("site/copy.txt")["flagged"], true);
    assert_eq!(row("site/copy.txt")["topSourceAgency"], "Reuters");
    assert_eq!(row("site/credited.txt")["credited"], true);
    assert_eq!(row("site/credited.txt")["flagged"], false);
    assert_eq!(row("site/own.txt")["derived"], "none");
    assert_eq!(row("site/photo.jpg")["errorKind"], "binary");
    assert_eq!(row("site/empty.html")["errorKind"], "empty");

    // A row opens as a check the review shows, saved to the history once.
    let copy = row("site/copy.txt");
    let open = json!({ "outDir": out.display().to_string(), "offset": copy["offset"], "name": "site/copy.txt" });
    let opened = app.ok("open_audit_row", open.clone());
    assert_eq!(opened["report"]["derived"], "wholly");
    assert_eq!(opened["report"]["flags"].as_array().unwrap().len(), 1);
    assert_eq!(
        opened["stories"][0]["id"], opened["report"]["sources"][0]["id"],
        "with its source's story, for the side-by-side view"
    );
    let again = app.ok("open_audit_row", open);
    assert_eq!(
        again["check"]["id"], opened["check"]["id"],
        "the same check, not a second one"
    );
    let history = app.ok("list_checks", json!({ "limit": 10, "offset": 0 }));
    assert_eq!(history.as_array().unwrap().len(), 1);
    let failed = app.err(
        "open_audit_row",
        json!({ "outDir": out.display().to_string(), "offset": row("site/photo.jpg")["offset"], "name": "site/photo.jpg" }),
    );
    assert!(
        failed["message"]
            .as_str()
            .unwrap()
            .contains("was not checked"),
        "{failed}"
    );

    // The overview the CLI writes, copied elsewhere with its reports.
    let sent = dir.path().join("to-send");
    let exported = app.ok(
        "export_audit",
        json!({ "outDir": out.display().to_string(), "folder": sent.display().to_string() }),
    );
    assert_eq!(exported["reports"], 1, "the flagged article's report");
    let index = std::fs::read_to_string(sent.join("index.html")).unwrap();
    assert!(index.contains("1 flagged"), "{index:.400}");
    let csv = std::fs::read_to_string(sent.join("summary.csv")).unwrap();
    assert_eq!(csv.lines().count(), 6, "a header and five rows");

    // Run again: the folder is resumed, nothing is checked twice.
    let plan = app.ok("plan_audit", json!({ "input": site.display().to_string() }));
    assert_eq!(plan["hasResults"], true);
    let resumed = app.ok("start_audit", request(&site, Some(&out)));
    assert_eq!(
        (resumed["checked"].as_u64(), resumed["alreadyDone"].as_u64()),
        (Some(0), Some(5))
    );
    let lines = std::fs::read_to_string(out.join("results.jsonl")).unwrap();
    assert_eq!(lines.lines().count(), 5, "no line added twice");
}

#[test]
fn audit_errors_are_inline_sentences() {
    let (dir, db) = temp_db();
    let app = TestApp::new(&db);
    let site = site(dir.path());

    let missing = app.err(
        "plan_audit",
        json!({ "input": dir.path().join("nowhere").display().to_string() }),
    );
    assert_eq!(missing["code"], "invalid_input");
    assert!(
        missing["message"]
            .as_str()
            .unwrap()
            .contains("nowhere cannot be read"),
        "{missing}"
    );
    let relative = app.err("plan_audit", json!({ "input": "site" }));
    assert!(
        relative["message"]
            .as_str()
            .unwrap()
            .contains("not a full path"),
        "{relative}"
    );

    // The app has not opened (so not created) its archive yet: it is missing.
    let no_archive = app.err("start_audit", request(&site, None));
    assert!(
        no_archive["message"]
            .as_str()
            .unwrap()
            .contains("no archive"),
        "{no_archive}"
    );
    assert!(!db.exists(), "a missing archive is not created by an audit");
    app.ok("archive_overview", json!({}));
    let empty = app.err("start_audit", request(&site, None));
    assert!(
        empty["message"]
            .as_str()
            .unwrap()
            .contains("archive is empty"),
        "{empty}"
    );

    let zero = app.err(
        "start_audit",
        json!({ "request": { "input": site.display().to_string(), "outDir": null, "jobs": 0, "preset": "standard", "beforeFromArticle": false } }),
    );
    assert!(
        zero["message"]
            .as_str()
            .unwrap()
            .contains("at least one job"),
        "{zero}"
    );

    let nothing = app.ok(
        "audit_results",
        json!({ "outDir": dir.path().join("site-audit").display().to_string(), "limit": 10 }),
    );
    assert_eq!(nothing["total"], 0, "a folder not audited yet has no rows");
    let early = app.err(
        "export_audit",
        json!({ "outDir": dir.path().join("site-audit").display().to_string(), "folder": dir.path().join("x").display().to_string() }),
    );
    assert!(
        early["message"]
            .as_str()
            .unwrap()
            .contains("run the audit first"),
        "{early}"
    );
    assert_eq!(
        app.ok("cancel_audit", json!({})),
        false,
        "nothing to cancel"
    );
}

#[test]
fn a_cancelled_audit_keeps_whole_lines_and_start_again_finishes_it() {
    let (dir, db) = temp_db();
    let app = TestApp::new(&db);
    app.ok("load_demo", json!({}));
    let site = site(dir.path());
    let out = dir.path().join("out");
    // Cancel as soon as the audit tells its first progress (before any article is read).
    let handle = app._app.handle().clone();
    let cancelled = Arc::new(Mutex::new(None));
    {
        let cancelled = Arc::clone(&cancelled);
        app._app.once("audit-progress", move |_| {
            let runs = tauri::Manager::state::<crate::commands::audit::AuditRuns>(&handle);
            *cancelled.lock().unwrap() = Some(runs.cancel());
        });
    }
    let first = app.ok("start_audit", request(&site, Some(&out)));
    assert_eq!(
        *cancelled.lock().unwrap(),
        Some(true),
        "the audit was running"
    );
    assert_eq!(first["cancelled"], true, "{first}");
    let written = std::fs::read_to_string(out.join("results.jsonl")).unwrap();
    assert!(
        written.is_empty() || written.ends_with('\n'),
        "whole lines only"
    );
    assert!(
        out.join("index.html").is_file(),
        "the index is made all the same"
    );

    let second = app.ok("start_audit", request(&site, Some(&out)));
    assert_eq!(second["cancelled"], false);
    assert_eq!(
        second["checked"].as_u64().unwrap()
            + second["failed"].as_u64().unwrap()
            + second["alreadyDone"].as_u64().unwrap(),
        5
    );
    assert_eq!(second["totals"]["articles"], 5, "every article once");
    assert_eq!(
        app.ok("cancel_audit", json!({})),
        false,
        "none running any more"
    );
}

#[test]
fn a_row_opened_before_a_restart_opens_the_same_check() {
    let (dir, db) = temp_db();
    let site = site(dir.path());
    let out = dir.path().join("out");
    let open = {
        let app = TestApp::new(&db);
        app.ok("load_demo", json!({}));
        app.ok("start_audit", request(&site, Some(&out)));
        let results = app.ok(
            "audit_results",
            json!({ "outDir": out.display().to_string(), "limit": 1000 }),
        );
        let (_, copy) = rows_by_name(&results)
            .into_iter()
            .find(|(name, _)| name == "site/copy.txt")
            .expect("the copy's row");
        json!({ "outDir": out.display().to_string(), "offset": copy["offset"], "name": "site/copy.txt" })
    };
    let first = TestApp::new(&db).ok("open_audit_row", open.clone());
    // The app closed and started again on the same archive.
    let app = TestApp::new(&db);
    let again = app.ok("open_audit_row", open.clone());
    assert_eq!(
        again["check"]["id"], first["check"]["id"],
        "not a second check"
    );
    let history = app.ok("list_checks", json!({ "limit": 10, "offset": 0 }));
    assert_eq!(history.as_array().unwrap().len(), 1, "{history}");

    // Deleted from History, the row is saved anew when opened.
    app.ok("delete_check", json!({ "id": first["check"]["id"] }));
    let anew = app.ok("open_audit_row", open);
    assert_eq!(anew["report"]["derived"], "wholly", "the row's own report");
    assert_eq!(
        app.ok("list_checks", json!({ "limit": 10, "offset": 0 }))
            .as_array()
            .unwrap()
            .len(),
        1
    );
}
