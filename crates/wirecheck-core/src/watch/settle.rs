//! When a file in a drop folder is complete: not under a temporary name, and its size and
//! modification time unchanged for the settle time.
//!
//! A delivery client writes a file in pieces, often under a temporary name that it renames
//! when done (`story.xml.part`, `.story.xml`, `story.tmp`); files under such names are never
//! read. A file written in place is taken once two looks at least the settle time apart see
//! the same size and modification time. The settle time is measured on this machine's clock,
//! not from the file's modification time, so a network folder whose server clock is off
//! neither delays nor hurries it.

use std::collections::HashMap;
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, UNIX_EPOCH};

/// Suffixes delivery clients give a file while they write it.
const TEMPORARY_SUFFIXES: &[&str] = &[".tmp", ".part", ".partial", ".crdownload", ".filepart"];

/// Whether a path inside a watched folder (relative to it) is a temporary or hidden name,
/// or lies in a hidden folder: such files are not read until renamed.
pub(crate) fn is_temporary(relative: &Path) -> bool {
    let mut components = relative.components().peekable();
    while let Some(component) = components.next() {
        let name = component.as_os_str().to_string_lossy();
        if name.starts_with('.') && name != "." && name != ".." {
            return true;
        }
        let is_file_name = components.peek().is_none();
        if is_file_name {
            let lower = name.to_lowercase();
            if lower.ends_with('~') || TEMPORARY_SUFFIXES.iter().any(|s| lower.ends_with(s)) {
                return true;
            }
        }
    }
    false
}

/// What the watcher compares to tell whether a file changed: its size and modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct FileStamp {
    pub size: u64,
    /// Nanoseconds since 1970 (negative before; 0 when the file system keeps none).
    pub mtime_ns: i64,
}

impl FileStamp {
    pub fn of(meta: &Metadata) -> FileStamp {
        let mtime_ns = meta
            .modified()
            .ok()
            .map_or(0, |t| match t.duration_since(UNIX_EPOCH) {
                Ok(after) => i64::try_from(after.as_nanos()).unwrap_or(i64::MAX),
                Err(before) => -i64::try_from(before.duration().as_nanos()).unwrap_or(i64::MAX),
            });
        FileStamp {
            size: meta.len(),
            mtime_ns,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Waiting {
    stamp: FileStamp,
    /// When `stamp` was first seen.
    since: Instant,
}

/// Files that changed and are waiting to be complete.
#[derive(Debug, Default)]
pub(crate) struct Settling {
    waiting: HashMap<PathBuf, Waiting>,
}

impl Settling {
    /// Notes that `path` looks like `stamp` at `now`: a new file or a change starts its wait
    /// again; the same stamp keeps it.
    pub fn observe(&mut self, path: PathBuf, stamp: FileStamp, now: Instant) {
        let entry = self
            .waiting
            .entry(path)
            .or_insert(Waiting { stamp, since: now });
        if entry.stamp != stamp {
            *entry = Waiting { stamp, since: now };
        }
    }

    /// Stops waiting for `path` (deleted, renamed away, its folder no longer watched).
    pub fn forget(&mut self, path: &Path) {
        self.waiting.remove(path);
    }

    /// Stops waiting for every file under `root`.
    pub fn forget_under(&mut self, root: &Path) {
        self.waiting.retain(|path, _| !path.starts_with(root));
    }

    /// Looks at every waiting file again with `stat` (`None`: gone or not a file) and returns
    /// those whose stamp has not changed for `settle`, sorted by path, forgetting them.
    pub fn take_complete(
        &mut self,
        now: Instant,
        settle: Duration,
        mut stat: impl FnMut(&Path) -> Option<FileStamp>,
    ) -> Vec<(PathBuf, FileStamp)> {
        let mut complete = Vec::new();
        self.waiting.retain(|path, waiting| {
            let Some(stamp) = stat(path) else {
                return false;
            };
            if stamp != waiting.stamp {
                *waiting = Waiting { stamp, since: now };
                return true;
            }
            if now.saturating_duration_since(waiting.since) >= settle {
                complete.push((path.clone(), stamp));
                return false;
            }
            true
        });
        complete.sort_by(|a, b| a.0.cmp(&b.0));
        complete
    }

    /// Number of files waiting.
    pub fn len(&self) -> usize {
        self.waiting.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_and_hidden_names_wait_for_their_rename() {
        for temporary in [
            "story.xml.part",
            "story.tmp",
            "STORY.TMP",
            ".story.xml",
            ".rsync-tmp/story.xml",
            "afp/.incoming/story.xml",
            "story.xml~",
            "story.xml.filepart",
        ] {
            assert!(is_temporary(Path::new(temporary)), "{temporary} waits");
        }
        for complete in [
            "story.xml",
            "afp/2026/story.txt",
            "part.xml",
            "tmp/story.xml",
            "story.parts.xml",
        ] {
            assert!(!is_temporary(Path::new(complete)), "{complete} is read");
        }
    }

    fn stamp(size: u64, mtime_ns: i64) -> FileStamp {
        FileStamp { size, mtime_ns }
    }

    #[test]
    fn a_file_is_complete_only_after_its_stamp_holds_for_the_settle_time() {
        let settle = Duration::from_secs(1);
        let t0 = Instant::now();
        let at = |ms: u64| t0 + Duration::from_millis(ms);
        let path = PathBuf::from("/drop/story.xml");
        let mut settling = Settling::default();
        settling.observe(path.clone(), stamp(10, 1), t0);

        // Still growing: each look finds a new size, and the wait starts again.
        let mut size = 10;
        for ms in [400, 800, 1200, 1600] {
            size += 10;
            let now = settling.take_complete(at(ms), settle, |_| Some(stamp(size, ms as i64)));
            assert!(now.is_empty(), "growing at {ms} ms");
        }
        // Unchanged since 1600 ms: not yet at 2400, complete at 2600.
        let last = stamp(size, 1600);
        assert!(
            settling
                .take_complete(at(2400), settle, |_| Some(last))
                .is_empty()
        );
        assert_eq!(
            settling.take_complete(at(2600), settle, |_| Some(last)),
            vec![(path.clone(), last)]
        );
        assert_eq!(settling.len(), 0, "a complete file is no longer waited for");

        // An event for the same stamp does not restart the wait; a change does.
        settling.observe(path.clone(), stamp(5, 1), at(3000));
        settling.observe(path.clone(), stamp(5, 1), at(3900));
        assert_eq!(
            settling
                .take_complete(at(4000), settle, |_| Some(stamp(5, 1)))
                .len(),
            1
        );

        // A file that disappears while waiting is dropped.
        settling.observe(path.clone(), stamp(5, 2), at(5000));
        assert!(
            settling
                .take_complete(at(7000), settle, |_| None)
                .is_empty()
        );
        assert_eq!(settling.len(), 0);
    }

    #[test]
    fn forgetting_a_folder_drops_only_its_files() {
        let now = Instant::now();
        let mut settling = Settling::default();
        settling.observe("/a/x".into(), stamp(1, 1), now);
        settling.observe("/a/sub/y".into(), stamp(1, 1), now);
        settling.observe("/ab/z".into(), stamp(1, 1), now);
        settling.forget_under(Path::new("/a"));
        assert_eq!(settling.len(), 1, "/ab is not inside /a");
        settling.forget(Path::new("/ab/z"));
        assert_eq!(settling.len(), 0);
    }
}
