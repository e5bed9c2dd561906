//! `wirecheck watch`: the real binary on a temporary dir folder. Every wait polls the events
//! the binary prints with a generous timeout; nothing asserts how long anything took.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::TempArchive;

const TIMEOUT: Duration = Duration::from_secs(120);

/// A running `wirecheck watch --json`, its events collected as they are printed.
struct Watching {
    child: Child,
    lines: Arc<Mutex<Vec<Value>>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Watching {
    fn start(t: &TempArchive, folders: &[&Path], extra: &[&str]) -> Watching {
        let mut child = t
            .command()
            .args(["watch", "--json"])
            .args(extra)
            .args(folders)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the wirecheck binary runs");
        let stdout = child.stdout.take().expect("stdout is piped");
        let lines: Arc<Mutex<Vec<Value>>> = Arc::default();
        let sink = Arc::clone(&lines);
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let line = line.expect("stdout is text");
                let value = serde_json::from_str(&line)
                    .unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
                sink.lock().unwrap().push(value);
            }
        });
        let watching = Watching {
            child,
            lines,
            reader: Some(reader),
        };
        watching.wait_for("the watch to start", |events| {
            events.iter().filter(|e| e["event"] == "started").count() == folders.len()
        });
        watching
    }

    fn events(&self) -> Vec<Value> {
        self.lines.lock().unwrap().clone()
    }

    fn wait_for(&self, what: &str, done: impl Fn(&[Value]) -> bool) {
        let started = Instant::now();
        loop {
            let events = self.events();
            if done(&events) {
                return;
            }
            assert!(
                started.elapsed() < TIMEOUT,
                "timed out waiting for {what}; events so far: {events:#?}"
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Ctrl-C: the watch stops cleanly and prints its summary last.
    fn interrupt(mut self) -> (Vec<Value>, Value) {
        let status = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        let output = self.child.wait_with_output().expect("the watch ends");
        if let Some(reader) = self.reader.take() {
            reader.join().expect("stdout is read to its end");
        }
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "stderr: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        let mut events = self.lines.lock().unwrap().clone();
        let summary = events.pop().expect("a summary line");
        assert!(
            summary.get("event").is_none(),
            "the summary is last: {summary}"
        );
        (events, summary)
    }
}

fn story(n: usize) -> String {
    format!(
        "Marrowby ferry notice {n}\n\nMARROWBY (Reuters) - The harbour board said on Tuesday that \
         sailing number {n} will leave the north pier at dawn from June, after repairs to the \
         loading ramp were finished ahead of time.\n"
    )
}

fn of_kind<'a>(events: &'a [Value], kind: &str) -> Vec<&'a Value> {
    events.iter().filter(|e| e["event"] == kind).collect()
}

fn names(events: &[&Value]) -> Vec<String> {
    let mut names: Vec<String> = events
        .iter()
        .map(|e| {
            let path = PathBuf::from(e["path"].as_str().unwrap());
            path.file_name().unwrap().to_string_lossy().into_owned()
        })
        .collect();
    names.sort();
    names
}

fn stories(t: &TempArchive) -> i64 {
    t.run(&["info", "--json"]).success().json_lines()[0]["stories"]
        .as_i64()
        .unwrap()
}

fn drop_folder(t: &TempArchive) -> PathBuf {
    let dir = t.dir.path().join("dir");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn files_dropped_one_by_one_are_each_imported_once() {
    let t = TempArchive::new();
    let dir = drop_folder(&t);
    let watching = Watching::start(&t, &[&dir], &["--agency", "Agence France-Presse"]);
    for n in 1..=5 {
        std::fs::write(dir.join(format!("story-{n}.txt")), story(n)).unwrap();
        watching.wait_for("the story", |e| of_kind(e, "imported").len() == n);
    }
    let (events, summary) = watching.interrupt();
    let imported = of_kind(&events, "imported");
    assert_eq!(
        names(&imported),
        (1..=5)
            .map(|n| format!("story-{n}.txt"))
            .collect::<Vec<_>>()
    );
    assert!(
        imported
            .iter()
            .all(|e| e["imported"] == 1 && e["duplicates"] == 0)
    );
    assert_eq!(summary["imported"], 5, "{summary}");
    assert_eq!(of_kind(&events, "stopped").len(), 1, "{events:?}");
    assert_eq!(stories(&t), 5);
    let listed = t.run(&["list", "--json"]).success().json_lines();
    assert!(
        listed.iter().all(|s| s["agency"] == "AFP"),
        "--agency as with import, canonicalized: {listed:?}"
    );
}

#[test]
fn a_burst_of_a_thousand_files_is_imported_whole() {
    let t = TempArchive::new();
    let dir = drop_folder(&t);
    let watching = Watching::start(&t, &[&dir], &[]);
    for n in 0..1000 {
        std::fs::write(dir.join(format!("burst-{n:04}.txt")), story(n)).unwrap();
    }
    watching.wait_for("a thousand imports", |e| {
        of_kind(e, "imported").len() == 1000
    });
    let (events, summary) = watching.interrupt();
    assert_eq!(of_kind(&events, "imported").len(), 1000, "each file once");
    assert_eq!(of_kind(&events, "skipped").len(), 0, "{events:?}");
    assert_eq!(summary["imported"], 1000, "{summary}");
    assert_eq!(stories(&t), 1000);
}

#[test]
fn a_file_written_slowly_in_pieces_is_imported_once_and_whole() {
    let t = TempArchive::new();
    let dir = drop_folder(&t);
    let watching = Watching::start(&t, &[&dir], &[]);
    let text = story(42) + &"The board will publish the winter timetable in October. ".repeat(6);
    let pieces: Vec<&str> = text.split_inclusive(' ').collect();
    let chunk = pieces.len().div_ceil(12);
    {
        use std::io::Write;
        let mut file = std::fs::File::create(dir.join("slow.txt")).unwrap();
        // Twelve pieces a fifth of a second apart: longer in all than the settle time, but
        // no pause as long.
        for part in pieces.chunks(chunk) {
            file.write_all(part.concat().as_bytes()).unwrap();
            file.flush().unwrap();
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    // Under a temporary name a delivery client may pause for as long as it likes.
    {
        use std::io::Write;
        let part = dir.join("paused.txt.part");
        let mut file = std::fs::File::create(&part).unwrap();
        let second = story(43);
        let (head, tail) = second.split_at(second.len() / 2);
        file.write_all(head.as_bytes()).unwrap();
        file.flush().unwrap();
        std::thread::sleep(Duration::from_millis(2500));
        file.write_all(tail.as_bytes()).unwrap();
        drop(file);
        std::fs::rename(&part, dir.join("paused.txt")).unwrap();
    }
    watching.wait_for("both files", |e| of_kind(e, "imported").len() == 2);
    let (events, _) = watching.interrupt();
    assert_eq!(
        names(&of_kind(&events, "imported")),
        ["paused.txt", "slow.txt"],
        "each imported once, the temporary name never: {events:?}"
    );
    let listed = t.run(&["list", "--json"]).success().json_lines();
    assert_eq!(
        listed.len(),
        2,
        "exactly one story per file, never a half: {listed:?}"
    );
    for summary in listed {
        let id = summary["id"].as_i64().unwrap().to_string();
        let story = &t.run(&["show", "--json", &id]).success().json_lines()[0];
        let body = story["body"].as_str().unwrap();
        let origin = story["origin"].as_str().unwrap();
        let want = if origin.ends_with("slow.txt") {
            "winter timetable in October."
        } else {
            "finished ahead of time."
        };
        assert!(
            body.trim_end().ends_with(want),
            "{origin}: the whole text, got {body:?}"
        );
    }
}

#[test]
fn after_a_restart_files_added_meanwhile_are_imported_and_old_ones_not_read_again() {
    let t = TempArchive::new();
    let dir = drop_folder(&t);
    let watching = Watching::start(&t, &[&dir], &[]);
    for n in 1..=3 {
        std::fs::write(dir.join(format!("old-{n}.txt")), story(n)).unwrap();
    }
    watching.wait_for("the first files", |e| of_kind(e, "imported").len() == 3);
    let (_, first) = watching.interrupt();
    assert_eq!(first["imported"], 3);

    // While nothing watches: two new stories, and a copy of an old one under a new name.
    for n in 4..=5 {
        std::fs::write(dir.join(format!("new-{n}.txt")), story(n)).unwrap();
    }
    std::fs::copy(dir.join("old-1.txt"), dir.join("copy-of-old-1.txt")).unwrap();

    let watching = Watching::start(&t, &[&dir], &[]);
    watching.wait_for("the files that arrived meanwhile", |e| {
        of_kind(e, "imported").len() == 2 && of_kind(e, "skipped").len() == 1
    });
    let (events, summary) = watching.interrupt();
    assert_eq!(
        names(&of_kind(&events, "imported")),
        ["new-4.txt", "new-5.txt"]
    );
    let skipped = of_kind(&events, "skipped");
    assert_eq!(names(&skipped), ["copy-of-old-1.txt"]);
    let reason = skipped[0]["reason"].as_str().unwrap();
    assert!(
        reason.starts_with("same content as") && reason.contains("old-1.txt"),
        "{reason}"
    );
    let mentioned: Vec<&Value> = events.iter().filter(|e| e.get("path").is_some()).collect();
    assert!(
        names(&mentioned).iter().all(|n| !n.starts_with("old-")),
        "the old files are not read again: {events:?}"
    );
    assert_eq!(
        summary["files"], 2,
        "only the new files reach the importer: {summary}"
    );
    assert_eq!(stories(&t), 5);
}

#[test]
fn a_delete_keeps_the_story_and_a_rename_is_not_imported_again() {
    let t = TempArchive::new();
    let dir = drop_folder(&t);
    let watching = Watching::start(&t, &[&dir], &[]);
    std::fs::write(dir.join("gone.txt"), story(1)).unwrap();
    std::fs::write(dir.join("before.txt"), story(2)).unwrap();
    watching.wait_for("both files", |e| of_kind(e, "imported").len() == 2);

    std::fs::remove_file(dir.join("gone.txt")).unwrap();
    watching.wait_for("the delete", |e| !of_kind(e, "deleted").is_empty());
    std::fs::rename(dir.join("before.txt"), dir.join("after.txt")).unwrap();
    watching.wait_for("the rename", |e| !of_kind(e, "skipped").is_empty());
    let (events, _) = watching.interrupt();

    assert_eq!(
        names(&of_kind(&events, "deleted")),
        ["before.txt", "gone.txt"]
    );
    let skipped = of_kind(&events, "skipped");
    assert_eq!(names(&skipped), ["after.txt"]);
    assert!(
        skipped[0]["reason"]
            .as_str()
            .unwrap()
            .contains("before.txt"),
        "{skipped:?}"
    );
    assert_eq!(
        of_kind(&events, "imported").len(),
        2,
        "the rename is not imported"
    );
    assert_eq!(
        stories(&t),
        2,
        "a deleted file's story stays in the archive"
    );
}

#[test]
fn the_text_log_names_imports_skips_and_the_summary() {
    let t = TempArchive::new();
    let dir = drop_folder(&t);
    std::fs::write(dir.join("story.txt"), story(9)).unwrap();
    std::fs::write(dir.join("junk.txt"), "&nbsp;").unwrap();
    let child = t
        .command()
        .arg("watch")
        .arg(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Nothing to poll in a text log: wait for the story in the archive instead.
    let started = Instant::now();
    while stories(&t) < 1 {
        assert!(started.elapsed() < TIMEOUT, "the story never arrived");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let real = dir.canonicalize().unwrap();
    assert!(
        stdout.contains(&format!(
            "imported {}: 1 new, 0 already stored",
            real.join("story.txt").display()
        )),
        "{stdout}"
    );
    assert!(
        stderr.contains(&format!(
            "skipped {}: no article text",
            real.join("junk.txt").display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("watching "), "{stderr}");
    assert!(
        stdout
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("imported 1, duplicates 0, skipped 1")),
        "the summary comes last: {stdout}"
    );
}

#[test]
fn a_missing_folder_or_a_bad_interval_is_refused() {
    let t = TempArchive::new();
    let missing = t.dir.path().join("nowhere");
    t.run(&["watch", missing.to_str().unwrap()])
        .fails_with(2, "not a folder");
    let dir = drop_folder(&t);
    t.run(&["watch", "--rescan", "0", dir.to_str().unwrap()])
        .fails_with(2, "--rescan");
    t.run(&["watch", "--settle=-1", dir.to_str().unwrap()])
        .fails_with(2, "--settle");
}
