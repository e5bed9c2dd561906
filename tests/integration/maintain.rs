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

    // Overwrite most of page 10, the root of the postings table in a fresh schema (the CLI
    // checkpointed the WAL into the file when it closed).
    let mut bytes = std::fs::read(t.db()).unwrap();
    let page = 4096;
    bytes[9 * page + 64..10 * page - 64].fill(0xA5);
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
