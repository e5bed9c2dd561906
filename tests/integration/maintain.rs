//! `wirecheck backup` and `wirecheck verify`: a backup is a working archive, an existing file
//! is never overwritten by accident, damage is found and the way back is named.

use crate::robustness::{run_on, spawn_import, write_stories};
use crate::util::TempArchive;

fn stories(db: &std::path::Path) -> i64 {
    let run = run_on(db, &["info", "--json"]).success();
    run.json_lines()[0]["stories"].as_i64().unwrap()
}

#[test]
fn backup_writes_a_working_archive_and_never_overwrites_by_accident() {
    let t = TempArchive::new().with_demo();
    let dest = t.dir.path().join("backups/monday.sqlite");
    std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
    let run = t
        .run(&["backup", "--json", dest.to_str().unwrap()])
        .success();
    let summary = &run.json_lines()[0];
    // The demo's stories: thirteen in English, one in French.
    assert_eq!(summary["stories"], 14, "{summary}");
    assert_eq!(stories(&dest), 14, "the backup opens as an archive");
    run_on(&dest, &["verify"]).success();

    std::fs::write(&dest, b"yesterday's backup, keep me").unwrap();
    t.run(&["backup", dest.to_str().unwrap()])
        .fails_with(2, "--force");
    assert_eq!(
        std::fs::read(&dest).unwrap(),
        b"yesterday's backup, keep me",
        "an existing file is left alone without --force"
    );
    t.run(&["backup", "--force", dest.to_str().unwrap()])
        .success();
    assert_eq!(stories(&dest), 14);
    let names: Vec<String> = std::fs::read_dir(dest.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["monday.sqlite"], "no temporary file is left");
}

#[test]
fn backup_into_a_missing_folder_fails_and_leaves_nothing() {
    let t = TempArchive::new().with_demo();
    let dest = t.dir.path().join("no/such/folder/b.sqlite");
    let run = t.run(&["backup", dest.to_str().unwrap()]);
    assert_eq!(run.code(), 2, "{}", run.stderr());
    assert!(!run.stderr().contains("panicked"));
    assert!(!t.dir.path().join("no").exists());
}

#[test]
fn a_backup_taken_during_an_import_is_a_consistent_snapshot() {
    let t = TempArchive::new();
    let feeds = t.dir.path().join("feeds");
    let total = write_stories(&feeds, 0, 30, 50) as i64;
    let import = spawn_import(&t.db(), &[&feeds]);
    let dest = t.dir.path().join("during.sqlite");
    // The archive file may not exist yet when the import has only just started.
    let mut backed_up = false;
    for _ in 0..200 {
        if t.db().exists() {
            let run = t.run(&["backup", "--force", dest.to_str().unwrap()]);
            if run.code() == 0 {
                backed_up = true;
                break;
            }
            assert!(!run.stderr().contains("locked"), "{}", run.stderr());
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = import.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(backed_up, "a backup succeeds while the import runs");
    let copied = stories(&dest);
    assert!(copied <= total, "{copied}");
    let verify = run_on(&dest, &["verify", "--json"]);
    assert_eq!(
        verify.code(),
        0,
        "the backup holds whole stories with their indexes: {}",
        verify.stdout()
    );
}

#[test]
fn verify_finds_a_damaged_file_and_says_how_to_recover() {
    let t = TempArchive::new().with_demo();
    let backup = t.dir.path().join("backup.sqlite");
    t.run(&["backup", backup.to_str().unwrap()]).success();
    t.run(&["verify"]).success();

    // Overwrite most of pages 10 to 21, the tables after the stories and their full-text index
    // in a fresh schema (history, settings, watched files, the postings' roots): whichever
    // migration added which, the damage is in the file (the CLI checkpointed the WAL into it
    // when it closed).
    let mut bytes = std::fs::read(t.db()).unwrap();
    let page = 4096;
    assert!(bytes.len() >= 21 * page, "the demo archive has these pages");
    for n in 10..=21 {
        bytes[(n - 1) * page + 64..n * page - 64].fill(0xA5);
    }
    std::fs::write(t.db(), &bytes).unwrap();

    let run = t.run(&["verify"]);
    let out = run.stdout();
    assert_eq!(run.code(), 2, "a damaged archive fails verify: {out}");
    assert!(!run.stderr().contains("panicked"), "{}", run.stderr());
    assert!(out.contains("integrity  FAILED"), "{out}");
    assert!(out.contains("has problems"), "a final verdict: {out}");
    assert!(
        out.contains("How to recover") && out.contains("wirecheck backup"),
        "the way back is named: {out}"
    );
    let json = t.run(&["verify", "--json"]);
    let report = &json.json_lines()[0];
    assert_eq!(report["ok"], false);
    assert!(report["recovery"].as_str().unwrap().contains("re-import"));

    // The remedy it names works: the backup, copied over the archive, verifies clean.
    std::fs::copy(&backup, t.db()).unwrap();
    t.run(&["verify"]).success();
    assert_eq!(stories(&t.db()), 14, "the demo's fourteen stories");
}

#[test]
fn verify_of_a_missing_archive_does_not_create_one() {
    let t = TempArchive::new();
    t.run(&["verify"]).fails_with(2, "no archive");
    assert!(!t.db().exists());
}

/// Writes `n` fictional stories of `agency`, published on days of `year`, as one JSON Lines
/// feed, and returns its path.
fn old_feed(t: &TempArchive, name: &str, agency: &str, year: u32, n: usize) -> std::path::PathBuf {
    const PLACES: [&str; 6] = [
        "Tarnby",
        "Old Wick",
        "Marrowby",
        "Fennick",
        "Ashgrove",
        "Port Ellan",
    ];
    const THINGS: [&str; 5] = [
        "grain silo",
        "ferry berth",
        "water mill",
        "rail depot",
        "wool market",
    ];
    let mut lines = String::new();
    for i in 0..n {
        let place = PLACES[i % PLACES.len()];
        let thing = THINGS[(i / PLACES.len()) % THINGS.len()];
        let body = format!(
            "The council of {place} voted {i} to {n} on Thursday to restore the {thing}, \
             which has stood empty since a storm in the winter of {year}. Engineers said \
             repairs to the {thing} at {place} would take {i} weeks and cost about {} \
             thousand, paid from the harbour fund and a grant from the county.",
            i * 7 + 3
        );
        let story = serde_json::json!({
            "id": format!("{name}-{i}"),
            "agency": agency,
            "headline": format!("{place} to restore its {thing} ({name} {i})"),
            "published": format!("{year}-{:02}-{:02}T08:00:00Z", 1 + i % 12, 1 + i % 28),
            "body": body,
        });
        lines.push_str(&story.to_string());
        lines.push('\n');
    }
    t.write(&format!("feeds/{name}.jsonl"), lines.as_bytes())
}

/// The demo archive (2026) and 120 Reuters and 80 AP stories of 2019.
fn archive_with_old_wire() -> TempArchive {
    let t = TempArchive::new().with_demo();
    let reuters = old_feed(&t, "reuters-2019", "Reuters", 2019, 120);
    let ap = old_feed(&t, "ap-2019", "AP", 2019, 80);
    let run = t
        .run(&[
            "import",
            "--json",
            reuters.to_str().unwrap(),
            ap.to_str().unwrap(),
        ])
        .success();
    assert_eq!(run.json_lines()[0]["imported"], 200, "{}", run.stdout());
    t
}

fn uncredited_check(t: &TempArchive) -> String {
    let article = crate::util::demo("articles/uncredited-reuters.txt");
    let run = t.run(&["check", article.to_str().unwrap()]);
    assert_eq!(
        run.code(),
        1,
        "the demo article is flagged: {}",
        run.stdout()
    );
    run.stdout()
}

#[test]
fn prune_counts_first_then_removes_the_old_stories_and_checks_still_find_the_rest() {
    let t = archive_with_old_wire();
    let before = uncredited_check(&t);
    let found = |t: &TempArchive| {
        let run = t
            .run(&["search", "harbour", "fund", "grant", "--json"])
            .success();
        run.json_lines().len()
    };
    assert!(
        found(&t) > 0,
        "the 2019 stories are searchable before the prune"
    );
    let dry = t
        .run(&["prune", "--before", "2020-01-01", "--dry-run", "--json"])
        .success();
    let plan = &dry.json_lines()[0];
    assert_eq!(plan["stories"], 200, "{plan}");
    assert_eq!(plan["remaining"], 14);
    assert_eq!(
        plan["removed"],
        serde_json::Value::Null,
        "a dry run removes nothing"
    );
    assert_eq!(stories(&t.db()), 214, "the archive is as it was");
    let text = t
        .run(&["prune", "--before", "2020-01-01", "--dry-run"])
        .success()
        .stdout();
    assert!(
        text.contains("would remove 200 stories published before 2020-01-01"),
        "{text}"
    );

    let run = t
        .run(&["prune", "--before", "2020-01-01", "--json"])
        .success();
    let out = &run.json_lines()[0];
    assert_eq!(out["stories"], 200, "the count shown first");
    assert_eq!(out["removed"]["stories"], 200, "{out}");
    assert_eq!(out["removed"]["full_text_rows"], 200);
    assert!(
        out["removed"]["postings"].as_u64().unwrap() > 200 * 5,
        "{out}"
    );
    assert_eq!(out["removed"]["remaining"], 14);
    assert_eq!(stories(&t.db()), 14);
    t.run(&["verify"]).success();
    assert_eq!(found(&t), 0, "the full-text index lost the pruned stories");
    assert_eq!(
        uncredited_check(&t),
        before,
        "a check of a 2026 article finds the same source, passages and verdict"
    );
    let again = t
        .run(&["prune", "--before", "2020-01-01"])
        .success()
        .stdout();
    assert!(again.contains("nothing removed"), "{again}");
}

#[test]
fn prune_of_one_agency_keeps_the_others() {
    let t = archive_with_old_wire();
    let dry = t
        .run(&[
            "prune",
            "--before",
            "2020-01-01",
            "--agency",
            "ap",
            "--dry-run",
            "--json",
        ])
        .success();
    assert_eq!(dry.json_lines()[0]["stories"], 80, "AP's 2019 stories only");
    assert_eq!(
        dry.json_lines()[0]["agency"],
        "AP",
        "the agency is read as its canonical name"
    );
    t.run(&["prune", "--before", "2020-01-01", "--agency", "AP"])
        .success();
    let left = |agency: &str| {
        let run = t
            .run(&["list", "--agency", agency, "--limit", "1000", "--json"])
            .success();
        run.json_lines().len()
    };
    assert_eq!(left("AP"), 1, "the demo's 2026 AP story stays");
    assert_eq!(left("Reuters"), 120 + 5, "every Reuters story stays");
    t.run(&["verify"]).success();
}

#[test]
fn prune_refuses_a_date_that_is_not_a_day_and_touches_nothing() {
    let t = archive_with_old_wire();
    for bad in [
        "yesterday",
        "2020-13-01",
        "2020-02-30",
        "01/01/2020",
        "2020-1-1",
    ] {
        t.run(&["prune", "--before", bad])
            .fails_with(2, "is not a day written YYYY-MM-DD");
    }
    assert_eq!(stories(&t.db()), 214);
    let missing = TempArchive::new();
    missing
        .run(&["prune", "--before", "2020-01-01"])
        .fails_with(2, "no archive");
    assert!(!missing.db().exists(), "no archive is created");
}

#[test]
fn compact_gives_back_the_space_a_prune_freed() {
    let t = archive_with_old_wire();
    let size = || std::fs::metadata(t.db()).unwrap().len();
    let before = size();
    let run = t
        .run(&["prune", "--before", "2020-01-01", "--json"])
        .success();
    let free = run.json_lines()[0]["removed"]["free_bytes"]
        .as_u64()
        .unwrap();
    assert!(
        free > 0,
        "the pruned stories' pages are free inside the file"
    );
    let run = t.run(&["compact", "--json"]).success();
    let summary = &run.json_lines()[0];
    let freed = summary["bytes_freed"].as_u64().unwrap();
    assert!(
        freed >= free / 2,
        "most of the free pages went back: {summary}, {free} free"
    );
    assert_eq!(
        summary["bytes_after"].as_u64().unwrap(),
        size(),
        "{summary}"
    );
    assert!(size() < before, "{} < {before}", size());
    t.run(&["verify"]).success();
    uncredited_check(&t);
    let text = t.run(&["compact"]).success().stdout();
    assert!(text.contains("bytes freed"), "{text}");
}

#[test]
fn a_killed_prune_leaves_the_archive_whole() {
    let t = TempArchive::new();
    let feed = old_feed(&t, "big-2019", "Reuters", 2019, 3000);
    t.run(&["import", feed.to_str().unwrap()]).success();
    let pristine = t.dir.path().join("pristine.sqlite");
    std::fs::copy(t.db(), &pristine).unwrap();
    let mut outcomes = std::collections::BTreeSet::new();
    for delay_ms in [30, 120, 300, 800] {
        std::fs::copy(&pristine, t.db()).unwrap();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_wirecheck"))
            .args([
                "--db",
                t.db().to_str().unwrap(),
                "prune",
                "--before",
                "2020-01-01",
            ])
            .env_remove("WIRECHECK_DB")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL: no destructor, no rollback by the process
        let _ = child.wait();
        let n = stories(&t.db());
        assert!(
            n == 3000 || n == 0,
            "all or nothing after {delay_ms} ms: {n} stories"
        );
        outcomes.insert(n);
        let verify = t.run(&["verify", "--json"]);
        assert_eq!(
            verify.code(),
            0,
            "sound after a kill at {delay_ms} ms: {}",
            verify.stdout()
        );
    }
    assert!(
        outcomes.contains(&3000),
        "at least one kill landed before the commit, so the test saw a rollback: {outcomes:?}"
    );
}

#[test]
fn export_writes_every_story_and_a_bad_destination_is_one_line() {
    let t = TempArchive::new().with_demo();
    let out = t.dir.path().join("stories.jsonl");
    let run = t.run(&["export", out.to_str().unwrap()]).success();
    assert!(
        run.stderr().contains("exported 14 stories"),
        "{}",
        run.stderr()
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let stories: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(stories.len(), 14);
    let shown = t
        .run(&["show", "--json", &stories[0]["id"].to_string()])
        .success();
    assert_eq!(
        shown.json_lines()[0],
        stories[0],
        "an exported story is the stored one, every field"
    );

    let parquet = t.dir.path().join("stories.parquet");
    t.run(&["export", "--format", "parquet", parquet.to_str().unwrap()])
        .success();
    assert_eq!(&std::fs::read(&parquet).unwrap()[..4], b"PAR1");

    let missing = t.dir.path().join("no/such/folder/s.jsonl");
    let run = t.run(&["export", missing.to_str().unwrap()]);
    assert_eq!(run.code(), 2);
    assert_eq!(run.stderr().trim().lines().count(), 1, "{}", run.stderr());
    assert!(run.stderr().contains("cannot export"), "{}", run.stderr());
}
