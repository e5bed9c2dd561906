//! Copying a live archive to a backup file with SQLite's online backup.
//!
//! The copy is made from one read snapshot, so imports may go on while it runs (in WAL mode a
//! reader does not block writers) and the backup is the archive as it was when it started. It
//! is written to a temporary file in the destination's folder and renamed into place only when
//! complete and checked, so a failed or interrupted backup never leaves a half-written file
//! under the name the user asked for.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};
use serde::Serialize;

use super::store::Archive;
use crate::{Error, Result};

/// Pages copied per step: small enough for a progress bar to move on a large archive.
const PAGES_PER_STEP: i32 = 1024;
/// How long a step may keep reporting the destination busy before the backup gives up.
const MAX_BUSY: Duration = Duration::from_secs(30);

/// How far a backup has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BackupProgress {
    /// Pages copied so far.
    pub copied_pages: u64,
    /// Pages in the archive.
    pub total_pages: u64,
}

/// What a finished backup wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupSummary {
    /// The backup file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
    /// Stories it holds.
    pub stories: i64,
}

impl Archive {
    /// Copies the archive to `dest` with SQLite's online backup, reporting progress.
    ///
    /// Refuses an existing `dest` unless `overwrite`, and refuses the archive's own file. The
    /// copy goes to a temporary file beside `dest`, is checked with `PRAGMA quick_check`, and
    /// is renamed to `dest` only then; on any error the temporary file is removed.
    pub fn backup(
        &self,
        dest: &Path,
        overwrite: bool,
        mut on_progress: impl FnMut(BackupProgress),
    ) -> Result<BackupSummary> {
        if !overwrite && dest.exists() {
            return Err(Error::Invalid(format!(
                "{} already exists; pass --force to overwrite it",
                dest.display()
            )));
        }
        if is_same_file(self.path(), dest) {
            return Err(Error::Invalid(format!(
                "{} is the archive itself; back it up to another file",
                dest.display()
            )));
        }
        let temp = temp_path(dest)?;
        let result = self.backup_to(&temp, &mut on_progress).and_then(|stories| {
            // Checked again: another process may have created `dest` while we copied.
            if !overwrite && dest.exists() {
                return Err(Error::Invalid(format!(
                    "{} appeared while the backup ran; not overwritten",
                    dest.display()
                )));
            }
            std::fs::rename(&temp, dest).map_err(|e| Error::io(dest, e))?;
            Ok(stories)
        });
        match result {
            Ok(stories) => {
                let bytes = std::fs::metadata(dest)
                    .map_err(|e| Error::io(dest, e))?
                    .len();
                Ok(BackupSummary {
                    path: dest.to_path_buf(),
                    bytes,
                    stories,
                })
            }
            Err(error) => {
                remove_quietly(&temp);
                Err(error)
            }
        }
    }

    /// Copies the archive into a new file at `temp`; returns the stories copied.
    fn backup_to(&self, temp: &Path, on_progress: &mut impl FnMut(BackupProgress)) -> Result<i64> {
        let mut dest = Connection::open(temp).map_err(Error::Sqlite)?;
        {
            // One read transaction for the whole copy: every step reads the same snapshot,
            // so writes by other processes neither restart the backup nor tear it.
            let snapshot = self.conn.unchecked_transaction()?;
            snapshot.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
            let backup = Backup::new(&snapshot, &mut dest)?;
            let mut busy_since: Option<std::time::Instant> = None;
            loop {
                let step = backup.step(PAGES_PER_STEP)?;
                let progress = backup.progress();
                let total = u64::try_from(progress.pagecount).unwrap_or(0);
                let remaining = u64::try_from(progress.remaining).unwrap_or(0);
                on_progress(BackupProgress {
                    copied_pages: total.saturating_sub(remaining),
                    total_pages: total,
                });
                match step {
                    StepResult::Done => break,
                    StepResult::More => busy_since = None,
                    // Only the new file can be busy or locked, and only if something else
                    // opened it: wait a little, then give up.
                    _ => {
                        let since = *busy_since.get_or_insert_with(std::time::Instant::now);
                        if since.elapsed() > MAX_BUSY {
                            return Err(Error::Busy);
                        }
                        std::thread::sleep(Duration::from_millis(50));
                    }
                }
            }
            drop(backup);
            snapshot.finish()?;
        }
        // The copy carries the archive's WAL mode in its header; a backup is one
        // self-contained file, so switch it back to a rollback journal (the archive's `open`
        // turns WAL on again when the backup is used).
        let _: String =
            dest.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
        let check: String = dest.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(Error::Invalid(format!(
                "the backup failed its check ({check}); the archive may be damaged, run wirecheck verify"
            )));
        }
        let stories = dest.query_row("SELECT count(*) FROM stories", [], |r| r.get(0))?;
        dest.close().map_err(|(_, e)| Error::Sqlite(e))?;
        Ok(stories)
    }
}

/// A fresh name beside `dest`, so the final rename stays on one file system.
fn temp_path(dest: &Path) -> Result<PathBuf> {
    let name = dest
        .file_name()
        .ok_or_else(|| Error::Invalid(format!("{} is not a file name", dest.display())))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".partial-{}", std::process::id()));
    let temp = dest.with_file_name(temp_name);
    remove_quietly(&temp);
    Ok(temp)
}

/// Removes a temporary file and the journal SQLite may have left beside it.
fn remove_quietly(path: &Path) {
    let _ = std::fs::remove_file(path);
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    let _ = std::fs::remove_file(PathBuf::from(journal));
}

fn is_same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewStory;

    fn story(n: usize) -> NewStory {
        NewStory {
            headline: format!("Lighthouse keeper {n} retires"),
            body: format!(
                "The keeper of the northern light, number {n}, climbed the one hundred and twelve \
                 steps for the last time on Friday after thirty years on the headland."
            ),
            agency: Some("Reuters".into()),
            origin: format!("test:{n}"),
            ..NewStory::default()
        }
    }

    fn archive_with(dir: &Path, n: usize) -> Archive {
        let mut archive = Archive::open(dir.join("archive.sqlite")).unwrap();
        for i in 0..n {
            archive.insert(story(i)).unwrap();
        }
        archive
    }

    #[test]
    fn a_backup_opens_as_an_archive_with_every_story() {
        let dir = tempfile::tempdir().unwrap();
        let archive = archive_with(dir.path(), 30);
        let dest = dir.path().join("copy.sqlite");
        let mut steps = Vec::new();
        let summary = archive.backup(&dest, false, |p| steps.push(p)).unwrap();
        assert_eq!(summary.stories, 30);
        let last = steps.last().expect("progress is reported");
        assert_eq!(
            last.copied_pages, last.total_pages,
            "the last report is 100%"
        );
        let copy = Archive::open(&dest).unwrap();
        assert_eq!(copy.count().unwrap(), 30, "the backup holds every story");
        assert_eq!(copy.get(5).unwrap().body, archive.get(5).unwrap().body);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains("partial"))
            .collect();
        assert!(leftovers.is_empty(), "no temporary file is left behind");
    }

    #[test]
    fn an_existing_file_is_kept_unless_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let archive = archive_with(dir.path(), 3);
        let dest = dir.path().join("copy.sqlite");
        std::fs::write(&dest, b"precious notes").unwrap();
        let error = archive.backup(&dest, false, |_| {}).unwrap_err();
        assert!(error.to_string().contains("--force"), "{error}");
        assert_eq!(std::fs::read(&dest).unwrap(), b"precious notes");
        archive.backup(&dest, true, |_| {}).unwrap();
        assert_eq!(Archive::open(&dest).unwrap().count().unwrap(), 3);
    }

    #[test]
    fn the_archive_is_never_its_own_backup() {
        let dir = tempfile::tempdir().unwrap();
        let archive = archive_with(dir.path(), 2);
        let error = archive
            .backup(&dir.path().join("archive.sqlite"), true, |_| {})
            .unwrap_err();
        assert!(error.to_string().contains("archive itself"), "{error}");
        assert_eq!(archive.count().unwrap(), 2);
    }

    #[test]
    fn a_failed_backup_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let archive = archive_with(dir.path(), 2);
        let dest = dir.path().join("no/such/folder/copy.sqlite");
        assert!(archive.backup(&dest, false, |_| {}).is_err());
        assert!(!dest.exists());
    }
}
