//! `wirecheck audit` on the demo archive: a folder of saved articles with bad inputs among
//! them and a JSON Lines export, the three outputs, resumption after a cut or a kill, exit
//! codes, `--jobs`, and publication dates.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::util::{Run, TempArchive, demo};

/// The demo articles the audits use, with whether `check` flags them (see demo/README.md).
const ARTICLES: &[(&str, bool)] = &[
    ("uncredited-reuters.txt", true),
    ("credited-reuters.txt", false),
    ("independent-wildfire.txt", false),
    ("wrong-agency.txt", true),
    ("article.html", false),
];

/// A folder `site/` of demo articles, a binary file, an empty page and a page over the size
/// limit; and an export of two records (one an uncredited copy, one credited) and a bad line.
fn inputs(t: &TempArchive) -> (PathBuf, PathBuf) {
    for (name, _) in ARTICLES {
        let bytes = std::fs::read(demo("articles").join(name)).unwrap();
        t.write(&format!("site/news/{name}"), &bytes);
    }
    t.write(
        "site/img/photo.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    );
    t.write(
        "site/empty.html",
        b"<html><body><nav>Home</nav></body></html>",
    );
    t.write("site/huge.txt", &vec![b'a'; 3 * 1024 * 1024]);
    let copy = article_text("uncredited-reuters.txt");
    let credited = article_text("credited-reuters.txt");
    let export = [
        json!({"id": "crawl-1", "url": "https://www.herald.example/world/talks", "published": "2026-05-12T08:00:00Z", "text": copy}),
        json!({"id": 2, "url": "https://gazette.example/bridge", "html": format!("<html><body><article><p>{}</p></article></body></html>", credited.replace("\n\n", "</p><p>"))}),
    ]
    .iter()
    .map(Value::to_string)
    .chain(["{\"id\": \"broken\", \"text\": ".to_string()])
    .collect::<Vec<_>>()
    .join("\n");
    let export = t.write("export.jsonl", export.as_bytes());
    (t.dir.path().join("site"), export)
}

fn article_text(name: &str) -> String {
    std::fs::read_to_string(demo("articles").join(name)).unwrap()
}

fn audit(t: &TempArchive, out: &Path, extra: &[&str], inputs: &[&Path]) -> Run {
    let mut args = vec!["audit", "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    t.run(&args)
}

/// The lines of results.jsonl by id (else by input), asserting each id appears once.
fn results(out: &Path) -> BTreeMap<String, Value> {
    let text = std::fs::read_to_string(out.join("results.jsonl")).unwrap();
    assert!(text.is_empty() || text.ends_with('\n'), "only whole lines");
    let mut by_id = BTreeMap::new();
    for line in text.lines() {
        let value: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        let key = value["id"]
            .as_str()
            .or(value["input"].as_str())
            .unwrap()
            .to_string();
        assert!(
            by_id.insert(key.clone(), value).is_none(),
            "{key} has two lines in results.jsonl"
        );
    }
    by_id
}

fn summary_rows(out: &Path) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(out.join("summary.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// What must not change between runs of one audit: the verdict, the sources, the flags.
fn verdicts(results: &BTreeMap<String, Value>) -> BTreeMap<String, Value> {
    results
        .iter()
        .map(|(id, v)| {
            let sources: Vec<&Value> = v["sources"]
                .as_array()
                .map(|s| s.iter().map(|s| &s["id"]).collect())
                .unwrap_or_default();
            (
                id.clone(),
                json!([
                    v["derived"],
                    sources,
                    v["flags"],
                    v["error_kind"],
                    v["coverage"]
                ]),
            )
        })
        .collect()
}

/// Asserts two audits gave the same verdicts, naming the articles that differ.
fn assert_same_verdicts(a: &BTreeMap<String, Value>, b: &BTreeMap<String, Value>) {
    let (a, b) = (verdicts(a), verdicts(b));
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let differ: Vec<String> = keys
        .into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| format!("{k}: {:?} vs {:?}", a.get(k), b.get(k)))
        .collect();
    assert!(
        differ.is_empty(),
        "{} articles differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
}

#[test]
fn an_audit_of_a_folder_and_an_export_fills_all_three_outputs() {
    let t = TempArchive::new().with_demo();
    let (site, export) = inputs(&t);
    let out = t.dir.path().join("out");
    let run = audit(&t, &out, &["--jobs", "2"], &[&site, &export]);
    assert_eq!(run.code(), 1, "flagged articles: exit 1; {}", run.stderr());
    assert!(
        run.stdout().contains("flagged"),
        "a summary at the end: {}",
        run.stdout()
    );

    let results = results(&out);
    let ids: BTreeSet<&str> = results.keys().map(String::as_str).collect();
    let mut expected: BTreeSet<String> = ARTICLES
        .iter()
        .map(|(name, _)| format!("site/news/{name}"))
        .collect();
    for id in [
        "site/img/photo.png",
        "site/empty.html",
        "site/huge.txt",
        "crawl-1",
        "2",
    ] {
        expected.insert(id.to_string());
    }
    let bad_line = format!("{}:3", export.display());
    expected.insert(bad_line.clone());
    assert_eq!(
        ids,
        expected.iter().map(String::as_str).collect(),
        "one line per article, files by path from the folder given, records by id"
    );
    for (name, flagged) in ARTICLES {
        let line = &results[&format!("site/news/{name}")];
        assert_eq!(
            !line["flags"].as_array().unwrap().is_empty(),
            *flagged,
            "{name}: the check's verdict"
        );
        assert!(
            line["text"].is_string(),
            "the whole check --json report is kept"
        );
    }
    let record = &results["crawl-1"];
    assert_eq!(record["url"], "https://www.herald.example/world/talks");
    assert_eq!(record["published"], "2026-05-12T08:00:00Z");
    assert_eq!(record["sources"][0]["agency"], "Reuters");
    assert_eq!(results["2"]["url"], "https://gazette.example/bridge");
    assert_eq!(
        results["2"]["derived"], "wholly",
        "an html record is reduced to its text"
    );
    for (id, kind) in [
        ("site/img/photo.png", "binary"),
        ("site/empty.html", "empty"),
        ("site/huge.txt", "too_large"),
        (bad_line.as_str(), "malformed"),
    ] {
        assert_eq!(results[id]["error_kind"], kind, "{id}: {}", results[id]);
        assert!(results[id]["error"].as_str().is_some_and(|e| !e.is_empty()));
    }

    let rows = summary_rows(&out);
    assert_eq!(rows.len(), results.len(), "a row per line");
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    let copy = row("site/news/uncredited-reuters.txt");
    assert_eq!(
        (copy["derived"].as_str(), copy["top_source_agency"].as_str()),
        ("wholly", "Reuters")
    );
    assert_eq!(
        (copy["credited"].as_str(), copy["flagged"].as_str()),
        ("false", "true")
    );
    assert!(!copy["evidence_tier"].is_empty() && !copy["evidence_confidence"].is_empty());
    assert_eq!(row("site/news/credited-reuters.txt")["credited"], "true");
    assert_eq!(row("site/img/photo.png")["error_kind"], "binary");
    assert_eq!(
        row("crawl-1")["url"],
        "https://www.herald.example/world/talks"
    );

    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let flagged: Vec<&String> = results
        .iter()
        .filter(|(_, v)| v["flags"].as_array().is_some_and(|f| !f.is_empty()))
        .map(|(id, _)| id)
        .collect();
    assert_eq!(flagged.len(), 3, "two files and one record: {flagged:?}");
    let links: Vec<&str> = index
        .split("<a href=\"reports/")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    assert_eq!(
        links.len(),
        flagged.len(),
        "a link for every flagged article"
    );
    for link in links {
        let report = std::fs::read_to_string(out.join("reports").join(link)).unwrap();
        assert!(
            report.contains("<h2>Flags</h2>"),
            "{link} is the HTML report"
        );
        assert!(!report.contains("No source is copied without credit"));
    }
    assert!(index.contains("herald.example"), "the site of each record");
    assert!(
        index.contains("<td>Wholly derived</td>"),
        "counts by verdict"
    );
    assert!(index.contains("<td>Reuters</td>"), "counts by agency");
    assert!(
        index.contains("id=\"flagged-only\""),
        "the flagged-only filter"
    );
}

#[test]
fn resuming_after_a_cut_line_redoes_only_the_missing_articles() {
    let t = TempArchive::new().with_demo();
    let (site, export) = inputs(&t);
    let out = t.dir.path().join("out");
    audit(&t, &out, &["--jobs", "1"], &[&site, &export]);
    let whole = results(&out);
    let path = out.join("results.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Three whole lines, then half of the fourth: what a kill mid-write would leave.
    let kept = 3;
    let cut = lines[..kept].iter().map(|l| l.len() + 1).sum::<usize>() + lines[kept].len() / 2;
    std::fs::write(&path, &text.as_bytes()[..cut]).unwrap();
    std::fs::remove_file(out.join("summary.csv")).unwrap();

    let run = audit(&t, &out, &["--jobs", "2", "--json"], &[&site, &export]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    let summary = run.json_lines().remove(0);
    assert_eq!(summary["already_done"], kept, "{summary}");
    assert_eq!(
        summary["checked"].as_u64().unwrap() + summary["failed"].as_u64().unwrap(),
        (whole.len() - kept) as u64,
        "only the missing articles are done again: {summary}"
    );
    assert!(summary["repaired_bytes"].as_u64().unwrap() > 0);
    let resumed = results(&out);
    assert_eq!(resumed.len(), whole.len(), "no line lost, none twice");
    assert_same_verdicts(&resumed, &whole);
    assert_eq!(
        summary_rows(&out).len(),
        whole.len(),
        "summary.csv is made again from all of results.jsonl"
    );
}

/// Copies of the demo articles, each made distinct by an edition line, in a folder.
fn many_articles(t: &TempArchive, copies: usize) -> PathBuf {
    for n in 0..copies {
        for (name, _) in ARTICLES {
            let text = article_text(name);
            t.write(
                &format!("many/{n:03}/{name}"),
                format!("Edition {n}\n\n{text}").as_bytes(),
            );
        }
    }
    t.dir.path().join("many")
}

fn spawn_audit(t: &TempArchive, out: &Path, input: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_wirecheck"))
        .arg("--db")
        .arg(t.db())
        .args(["audit", "--jobs", "2", "--out"])
        .arg(out)
        .arg(input)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until results.jsonl has a line or the child ends (bounded, never asserted on).
fn wait_for_a_line(out: &Path, child: &mut std::process::Child) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(120) {
        if child.try_wait().unwrap().is_some() {
            return;
        }
        let len = std::fs::metadata(out.join("results.jsonl")).map_or(0, |m| m.len());
        if len > 0 {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_killed_audit_resumed_gives_the_results_of_an_uninterrupted_one() {
    let t = TempArchive::new().with_demo();
    let many = many_articles(&t, 30);
    let total = 30 * ARTICLES.len();
    let whole_out = t.dir.path().join("whole");
    audit(&t, &whole_out, &["--jobs", "2"], &[&many]);
    let whole = results(&whole_out);
    assert_eq!(whole.len(), total);

    let out = t.dir.path().join("killed");
    for _ in 0..3 {
        let mut child = spawn_audit(&t, &out, &many);
        wait_for_a_line(&out, &mut child);
        let _ = child.kill();
        child.wait().unwrap();
        // Whatever was written is whole lines, each article once.
        let partial = results(&out);
        assert!(partial.len() <= total);
    }
    let run = audit(&t, &out, &["--jobs", "2"], &[&many]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    let resumed = results(&out);
    assert_eq!(resumed.len(), total, "no line missing or twice");
    assert_same_verdicts(&resumed, &whole);
}

#[test]
fn ctrl_c_stops_with_whole_lines_and_outputs_made() {
    let t = TempArchive::new().with_demo();
    let many = many_articles(&t, 30);
    let out = t.dir.path().join("out");
    let mut child = spawn_audit(&t, &out, &many);
    wait_for_a_line(&out, &mut child);
    let _ = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    match output.status.code() {
        Some(2) => assert!(stderr.contains("interrupted"), "{stderr}"),
        // The audit ended before the signal came.
        Some(1) => {}
        other => panic!("exit {other:?}: {stderr}"),
    }
    let done = results(&out);
    assert_eq!(
        summary_rows(&out).len(),
        done.len(),
        "the summary covers what was done"
    );
    assert!(out.join("index.html").is_file());
}

#[test]
fn jobs_1_and_jobs_2_give_the_same_results() {
    let t = TempArchive::new().with_demo();
    let (site, export) = inputs(&t);
    let one = t.dir.path().join("one");
    let two = t.dir.path().join("two");
    let many = many_articles(&t, 4);
    audit(&t, &one, &["--jobs", "1"], &[&site, &export, &many]);
    audit(&t, &two, &["--jobs", "2"], &[&site, &export, &many]);
    let (one, two) = (results(&one), results(&two));
    assert_eq!(one.len(), two.len());
    let differ: Vec<&String> = one.keys().filter(|k| one.get(*k) != two.get(*k)).collect();
    assert!(differ.is_empty(), "whole lines differ, by id: {differ:?}");

    // With the archive mapped instead of read into each worker's cache: the same.
    let mapped = t.dir.path().join("mapped");
    audit(
        &t,
        &mapped,
        &["--jobs", "2", "--map-archive"],
        &[&site, &export, &many],
    );
    let mapped = results(&mapped);
    assert_eq!(mapped.len(), one.len());
    let differ: Vec<&String> = one
        .keys()
        .filter(|k| one.get(*k) != mapped.get(*k))
        .collect();
    assert!(
        differ.is_empty(),
        "--map-archive changed lines, by id: {differ:?}"
    );
    // The old flag for what is now the default still runs.
    let low = t.dir.path().join("low");
    audit(&t, &low, &["--jobs", "1", "--low-memory"], &[&site]);
    assert!(!results(&low).is_empty());
}

#[test]
fn exit_codes_say_flagged_clean_or_stopped() {
    let t = TempArchive::new().with_demo();
    let clean = t.write(
        "clean/credited.txt",
        article_text("credited-reuters.txt").as_bytes(),
    );
    let clean = clean.parent().unwrap().to_path_buf();
    let out = t.dir.path().join("out");
    audit(&t, &out, &[], &[&clean]).success();

    let (site, _) = inputs(&t);
    assert_eq!(audit(&t, &t.dir.path().join("o2"), &[], &[&site]).code(), 1);

    audit(&t, &out, &[], &[&t.dir.path().join("missing")]).fails_with(2, "missing");
    let file = t.write("a-file", b"x");
    audit(&t, &file.join("out"), &[], &[&clean]).fails_with(2, "cannot audit");
    audit(&t, &out, &["--before", "yesterday"], &[&clean]).fails_with(2, "ISO 8601");
    t.run(&["audit", "--out", out.to_str().unwrap()])
        .fails_with(2, "INPUT");

    let empty = TempArchive::new();
    let run = audit(&empty, &out, &[], &[&clean]).fails_with(2, "no archive");
    assert_eq!(
        run.stderr().trim().lines().count(),
        1,
        "one line: {}",
        run.stderr()
    );
    assert!(!empty.db().exists(), "a missing archive is not created");
}

#[test]
fn the_published_date_restricts_sources() {
    let t = TempArchive::new().with_demo();
    let copy = article_text("uncredited-reuters.txt");
    // The summit stories were published on 2026-05-11.
    let export = [("before", "2026-05-10"), ("after", "2026-05-12")]
        .iter()
        .map(|(id, published)| json!({"id": id, "published": published, "text": copy}).to_string())
        .collect::<Vec<_>>()
        .join("\n");
    let export = t.write("dated.jsonl", export.as_bytes());
    let out = t.dir.path().join("out");
    audit(&t, &out, &[], &[&export]);
    let results = results(&out);
    let before = &results["before"];
    assert_eq!(
        before["derived"], "none",
        "no story was published before it"
    );
    assert!(before["flags"].as_array().unwrap().is_empty());
    assert_eq!(
        before["published_later"][0]["agency"], "Reuters",
        "listed apart"
    );
    assert_eq!(
        before["article_date"]["from"], "option",
        "as check --before does"
    );
    assert_eq!(results["after"]["sources"][0]["agency"], "Reuters");
    assert!(!results["after"]["flags"].as_array().unwrap().is_empty());

    // A page's own date counts only with --before-from-article.
    let page = format!(
        "<html><head><meta property=\"article:published_time\" content=\"2026-05-10T09:00:00Z\">\
         </head><body><article><p>{}</p></article></body></html>",
        copy.replace("\n\n", "</p><p>")
    );
    let page = t.write("pages/talks.html", page.as_bytes());
    let plain = t.dir.path().join("plain");
    let dated = t.dir.path().join("dated");
    audit(&t, &plain, &[], &[&page]);
    audit(&t, &dated, &["--before-from-article"], &[&page]);
    let plain = &crate::audit::results(&plain)["talks.html"];
    let dated = &crate::audit::results(&dated)["talks.html"];
    assert_eq!(plain["published"], Value::Null);
    assert_eq!(plain["derived"], "wholly");
    assert_eq!(dated["published"], "2026-05-10T09:00:00Z");
    assert_eq!(dated["derived"], "none");
}
