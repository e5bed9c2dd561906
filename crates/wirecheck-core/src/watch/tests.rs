//! The watcher on real folders with short intervals; every wait polls with a generous
//! timeout, so a loaded machine makes a test slower, never wrong.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::*;
use crate::ListQuery;

const TIMEOUT: Duration = Duration::from_secs(60);

fn quick() -> WatchOptions {
    WatchOptions {
        settle: Duration::from_millis(300),
        poll: Duration::from_millis(50),
        rescan: Duration::from_millis(400),
        file_events: true,
    }
}

struct Setup {
    dir: tempfile::TempDir,
    events: Arc<Mutex<Vec<WatchEvent>>>,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("drop")).unwrap();
        Setup {
            dir,
            events: Arc::default(),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("archive.sqlite")
    }

    fn drop_dir(&self) -> PathBuf {
        self.dir.path().join("drop")
    }

    fn start(&self, options: WatchOptions) -> Watcher {
        let events = Arc::clone(&self.events);
        Watcher::start(Archive::open(self.db()).unwrap(), options, move |e| {
            events.lock().unwrap().push(e.clone());
        })
        .unwrap()
    }

    fn events(&self) -> Vec<WatchEvent> {
        self.events.lock().unwrap().clone()
    }

    /// Waits until `done` holds for the events so far.
    fn wait_for(&self, what: &str, done: impl Fn(&[WatchEvent]) -> bool) {
        let started = Instant::now();
        while !done(&self.events()) {
            assert!(
                started.elapsed() < TIMEOUT,
                "timed out waiting for {what}; events: {:#?}",
                self.events()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn bodies(&self) -> Vec<String> {
        let archive = Archive::open(self.db()).unwrap();
        let mut bodies: Vec<String> = archive
            .list(&ListQuery {
                limit: 1_000,
                ..ListQuery::default()
            })
            .unwrap()
            .iter()
            .map(|s| archive.get(s.id).unwrap().body)
            .collect();
        bodies.sort();
        bodies
    }
}

fn story(n: usize) -> String {
    format!(
        "Ferry timetable {n}\n\nMARROWBY (Reuters) - The harbour board said sailing number {n} \
         will leave the north pier every morning from June, after repairs to the ramp.\n"
    )
}

fn imported_paths(events: &[WatchEvent]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            WatchEvent::Imported { path, .. } => Some(path.clone()),
            _ => None,
        })
        .collect()
}

fn name_of(path: &str) -> String {
    Path::new(path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn temporary_names_wait_for_the_rename_and_a_change_is_imported_as_a_new_version() {
    let setup = Setup::new();
    let drop = setup.drop_dir();
    let watcher = setup.start(quick());
    watcher.watch(&drop, Some("AFP".into())).unwrap();
    setup.wait_for("the start", |e| {
        e.iter().any(|e| matches!(e, WatchEvent::Started { .. }))
    });
    for name in ["one.xml.part", ".one.xml", "one.tmp"] {
        std::fs::write(drop.join(name), story(1)).unwrap();
    }
    // A later, real file proves the temporary ones had their chance to be read.
    std::fs::write(drop.join("marker.txt"), story(2)).unwrap();
    setup.wait_for("the marker", |e| imported_paths(e).len() == 1);
    std::fs::rename(drop.join("one.xml.part"), drop.join("one.xml")).unwrap();
    setup.wait_for("the renamed file", |e| imported_paths(e).len() == 2);
    let names: Vec<String> = imported_paths(&setup.events())
        .iter()
        .map(|p| name_of(p))
        .collect();
    assert_eq!(
        names,
        ["marker.txt", "one.xml"],
        "temporary names are never read"
    );

    // The same file written again with other text is a new version: stored beside the first.
    std::fs::write(drop.join("one.xml"), story(3)).unwrap();
    setup.wait_for("the new version", |e| imported_paths(e).len() == 3);
    let summary = watcher.stop().unwrap();
    assert_eq!(summary.imported, 3, "{summary:?}");
    let archive = Archive::open(setup.db()).unwrap();
    let listed = archive.list(&ListQuery::default()).unwrap();
    assert_eq!(listed.len(), 3);
    assert!(
        listed.iter().all(|s| s.agency.as_deref() == Some("AFP")),
        "the folder's agency wins, as with import --agency: {listed:?}"
    );
    assert!(
        listed[0].origin.ends_with("drop/one.xml") && Path::new(&listed[0].origin).is_absolute(),
        "the origin is the file's absolute path: {}",
        listed[0].origin
    );
}

#[test]
fn without_file_events_the_rescan_finds_new_files() {
    let setup = Setup::new();
    let drop = setup.drop_dir();
    let watcher = setup.start(WatchOptions {
        file_events: false,
        ..quick()
    });
    watcher.watch(&drop, None).unwrap();
    setup.wait_for("the start", |e| {
        e.iter().any(|e| {
            matches!(
                e,
                WatchEvent::Started {
                    file_events: false,
                    ..
                }
            )
        })
    });
    std::fs::create_dir(drop.join("2026")).unwrap();
    std::fs::write(drop.join("2026/late.txt"), story(7)).unwrap();
    setup.wait_for("the rescan", |e| imported_paths(e).len() == 1);
    drop_watcher(watcher);
    assert_eq!(setup.bodies().len(), 1);
}

fn drop_watcher(watcher: Watcher) {
    let summary = watcher.stop().unwrap();
    assert_eq!(summary.imported, 1, "{summary:?}");
}

#[test]
fn a_missing_folder_is_reported_and_watched_once_it_appears() {
    let setup = Setup::new();
    let later = setup.dir.path().join("mounted-later");
    let watcher = setup.start(quick());
    watcher.watch(&later, None).unwrap();
    setup.wait_for("the folder error", |e| {
        e.iter().any(
            |e| matches!(e, WatchEvent::FolderError { message, .. } if message == "folder missing"),
        )
    });
    assert!(matches!(
        watcher.folders()[0].state,
        FolderState::Failed { .. }
    ));
    let file = setup.dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    watcher.watch(&file, None).unwrap();
    setup.wait_for("not a folder", |e| {
        e.iter().any(
            |e| matches!(e, WatchEvent::FolderError { message, .. } if message == "not a folder"),
        )
    });
    watcher.unwatch(&file).unwrap();

    std::fs::create_dir(&later).unwrap();
    std::fs::write(later.join("story.txt"), story(4)).unwrap();
    setup.wait_for("the import", |e| imported_paths(e).len() == 1);
    assert!(matches!(
        watcher.folders()[0].state,
        FolderState::Watching { .. }
    ));
    let errors = setup
        .events()
        .iter()
        .filter(|e| matches!(e, WatchEvent::FolderError { .. }))
        .count();
    assert_eq!(
        errors, 2,
        "each error is reported once, not at every rescan"
    );
    watcher.stop().unwrap();
}

#[test]
fn junk_is_skipped_by_watch_as_by_import_and_not_read_again_after_a_restart() {
    let setup = Setup::new();
    let drop = setup.drop_dir();
    std::fs::write(
        drop.join("filler.xml"),
        "<nitf><body><body.content><p>&filler; &x;</p></body.content></body></nitf>",
    )
    .unwrap();
    std::fs::write(drop.join("story.txt"), story(5)).unwrap();
    let watcher = setup.start(quick());
    watcher.watch(&drop, None).unwrap();
    setup.wait_for("both files", |e| {
        e.iter()
            .filter(|e| matches!(e, WatchEvent::Imported { .. } | WatchEvent::Skipped { .. }))
            .count()
            == 2
    });
    let skipped: Vec<(String, String)> = setup
        .events()
        .iter()
        .filter_map(|e| match e {
            WatchEvent::Skipped { path, reason, .. } => Some((name_of(path), reason.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        skipped,
        [("filler.xml".to_owned(), "no article text".to_owned())]
    );
    watcher.stop().unwrap();

    // After a restart neither file is read again; a copy of the story is known by content.
    std::fs::copy(drop.join("story.txt"), drop.join("story-copy.txt")).unwrap();
    setup.events.lock().unwrap().clear();
    let watcher = setup.start(quick());
    watcher.watch(&drop, None).unwrap();
    setup.wait_for("the copy", |e| {
        e.iter().any(|e| matches!(e, WatchEvent::Skipped { .. }))
    });
    let summary = watcher.stop().unwrap();
    let events = setup.events();
    let skipped: Vec<&WatchEvent> = events
        .iter()
        .filter(|e| matches!(e, WatchEvent::Skipped { .. } | WatchEvent::Imported { .. }))
        .collect();
    assert_eq!(skipped.len(), 1, "only the copy is looked at: {events:#?}");
    let WatchEvent::Skipped { path, reason, .. } = skipped[0] else {
        panic!("{skipped:?}")
    };
    assert!(path.ends_with("story-copy.txt"), "{path}");
    assert!(
        reason.starts_with("same content as ") && reason.contains("story.txt"),
        "{reason}"
    );
    assert_eq!(
        summary.files, 0,
        "nothing was handed to the importer: {summary:?}"
    );
    assert_eq!(setup.bodies().len(), 1);
}

#[test]
fn files_found_at_the_start_are_imported_in_batches_each_once() {
    let setup = Setup::new();
    let drop = setup.drop_dir();
    // More than two batches (50 files each under test).
    for n in 0..120 {
        std::fs::write(drop.join(format!("waiting-{n:03}.txt")), story(n)).unwrap();
    }
    let watcher = setup.start(quick());
    watcher.watch(&drop, None).unwrap();
    setup.wait_for("every file", |e| imported_paths(e).len() == 120);
    let summary = watcher.stop().unwrap();
    let mut names: Vec<String> = imported_paths(&setup.events())
        .iter()
        .map(|p| name_of(p))
        .collect();
    names.dedup();
    assert_eq!(names.len(), 120, "each file once: {names:?}");
    assert_eq!(summary.imported, 120, "{summary:?}");
    assert_eq!(setup.bodies().len(), 120);
}
