//! Watched folders as the archive keeps them: the list of folders (a row of `settings`, so the
//! app resumes them when it starts) and the files already read from them (`watch_seen`, so a
//! restart reads none of them again). The watching itself is [`crate::watch`].

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::store::Archive;
use crate::{Error, Result};

/// The `settings` key the folder list is stored under, apart from the check settings so that
/// saving either never overwrites the other.
const KEY: &str = "watch_folders";
/// Most folders watched at once; each holds a file-event watch on every subfolder.
const MAX_FOLDERS: usize = 100;
/// Longest folder path or agency name accepted, in characters.
const MAX_PATH_CHARS: usize = 4_096;
const MAX_AGENCY_CHARS: usize = 100;

/// A folder whose new files are imported as they arrive.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct WatchedFolder {
    /// The folder, as the user chose it.
    pub path: String,
    /// The agency given to every story imported from it (as `import --agency`); `None` takes
    /// each story's agency from its metadata or dateline.
    #[serde(default)]
    pub agency: Option<String>,
    /// Whether it is watched now; a stopped folder stays in the list.
    #[serde(default = "enabled")]
    pub enabled: bool,
}

fn enabled() -> bool {
    true
}

impl WatchedFolder {
    /// A folder to watch, enabled.
    pub fn new(path: impl Into<String>, agency: Option<String>) -> Self {
        WatchedFolder {
            path: path.into(),
            agency: agency
                .map(|a| a.trim().to_owned())
                .filter(|a| !a.is_empty()),
            enabled: true,
        }
    }

    fn validate(&self) -> Result<()> {
        let path = self.path.trim();
        if path.is_empty() || path.contains('\0') {
            return Err(Error::Invalid(format!(
                "not a folder path: {:?}",
                self.path
            )));
        }
        if path.chars().count() > MAX_PATH_CHARS {
            return Err(Error::Invalid("the folder path is too long".into()));
        }
        if let Some(agency) = &self.agency {
            if agency.trim().is_empty() {
                return Err(Error::Invalid("the agency name is empty".into()));
            }
            if agency.chars().count() > MAX_AGENCY_CHARS {
                return Err(Error::Invalid(format!(
                    "an agency may have at most {MAX_AGENCY_CHARS} characters"
                )));
            }
        }
        Ok(())
    }
}

/// A file a watched folder handed to the importer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SeenFile {
    /// The absolute path.
    pub path: String,
    /// Its size in bytes when it was read.
    pub size: u64,
    /// Its modification time when it was read, in nanoseconds since 1970.
    pub mtime_ns: i64,
    /// xxh3-128 of its bytes.
    pub content_hash: [u8; 16],
    /// Whether the importer took it (stories stored or already stored) or skipped it.
    pub imported: bool,
}

impl Archive {
    /// The watched folders, in the order they were added.
    pub fn watched_folders(&self) -> Result<Vec<WatchedFolder>> {
        Ok(self.setting_row(KEY)?.map_or_else(Vec::new, |json| {
            serde_json::from_str(&json).unwrap_or_else(|e| {
                tracing::warn!(error = %e, "the watched folder list is unreadable; none is watched");
                Vec::new()
            })
        }))
    }

    /// Adds a folder to the watched list (or, when it is listed, sets its agency and enables
    /// it); returns the list.
    pub fn add_watched_folder(&mut self, folder: WatchedFolder) -> Result<Vec<WatchedFolder>> {
        folder.validate()?;
        let mut folders = self.watched_folders()?;
        if let Some(listed) = folders.iter_mut().find(|f| f.path == folder.path) {
            *listed = folder;
        } else if folders.len() >= MAX_FOLDERS {
            return Err(Error::Invalid(format!(
                "at most {MAX_FOLDERS} folders can be watched"
            )));
        } else {
            folders.push(folder);
        }
        self.save_watched_folders(&folders)?;
        Ok(folders)
    }

    /// Removes a folder from the watched list; its stories and the record of its files stay.
    pub fn remove_watched_folder(&mut self, path: &str) -> Result<Vec<WatchedFolder>> {
        let mut folders = self.watched_folders()?;
        let before = folders.len();
        folders.retain(|f| f.path != path);
        if folders.len() == before {
            return Err(Error::Invalid(format!("{path} is not a watched folder")));
        }
        self.save_watched_folders(&folders)?;
        Ok(folders)
    }

    /// Starts (`true`) or stops watching a listed folder; returns the list.
    pub fn set_watched_folder_enabled(
        &mut self,
        path: &str,
        enabled: bool,
    ) -> Result<Vec<WatchedFolder>> {
        let mut folders = self.watched_folders()?;
        let folder = folders
            .iter_mut()
            .find(|f| f.path == path)
            .ok_or_else(|| Error::Invalid(format!("{path} is not a watched folder")))?;
        folder.enabled = enabled;
        self.save_watched_folders(&folders)?;
        Ok(folders)
    }

    fn save_watched_folders(&mut self, folders: &[WatchedFolder]) -> Result<()> {
        let json = serde_json::to_string(folders)
            .map_err(|e| Error::Invalid(format!("watched folders: {e}")))?;
        self.save_setting_row(KEY, &json)
    }

    /// The files seen under the folder `root` (an absolute path): path, size, mtime.
    pub(crate) fn seen_under(&self, root: &str) -> Result<Vec<(String, u64, i64)>> {
        // Paths under `root/` sort between "root/" and "root0" ('0' follows '/').
        let root = root.trim_end_matches('/');
        let (low, high) = (format!("{root}/"), format!("{root}0"));
        let mut stmt = self.conn.prepare_cached(
            "SELECT path, size, mtime_ns FROM watch_seen WHERE path >= ?1 AND path < ?2",
        )?;
        let rows = stmt.query_map(params![low, high], |r| {
            Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as u64, r.get(2)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A file seen before with these bytes, if any: its path and whether it was imported.
    pub(crate) fn seen_with_content(
        &self,
        content_hash: &[u8; 16],
    ) -> Result<Option<(String, bool)>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT path, outcome = 'imported' FROM watch_seen WHERE content_hash = ?1 \
                 ORDER BY outcome = 'imported' DESC LIMIT 1",
            )?
            .query_row(params![&content_hash[..]], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// Records files as seen, in one transaction (a file seen again replaces its row).
    pub(crate) fn record_seen(&mut self, files: &[SeenFile]) -> Result<()> {
        let tx = self.write_transaction()?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT OR REPLACE INTO watch_seen (path, size, mtime_ns, content_hash, outcome) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for file in files {
                insert.execute(params![
                    file.path,
                    i64::try_from(file.size).unwrap_or(i64::MAX),
                    file.mtime_ns,
                    &file.content_hash[..],
                    if file.imported { "imported" } else { "skipped" },
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(path: &str, hash: u8) -> SeenFile {
        SeenFile {
            path: path.into(),
            size: 10,
            mtime_ns: 5,
            content_hash: [hash; 16],
            imported: true,
        }
    }

    #[test]
    fn watched_folders_are_added_changed_stopped_removed_and_kept_apart_from_settings() {
        let mut archive = Archive::open_in_memory().unwrap();
        assert_eq!(archive.watched_folders().unwrap(), Vec::new());
        archive
            .add_watched_folder(WatchedFolder::new("/wire/afp", None))
            .unwrap();
        let folders = archive
            .add_watched_folder(WatchedFolder::new("/wire/pa", Some(" PA ".into())))
            .unwrap();
        assert_eq!(folders[1].agency.as_deref(), Some("PA"), "trimmed");
        let folders = archive
            .add_watched_folder(WatchedFolder::new("/wire/afp", Some("AFP".into())))
            .unwrap();
        assert_eq!(folders.len(), 2, "adding a listed folder changes it");
        assert_eq!(folders[0].agency.as_deref(), Some("AFP"));

        // Saving the check settings leaves the folders alone, and the reverse.
        archive.save_settings(&crate::Settings::default()).unwrap();
        let folders = archive
            .set_watched_folder_enabled("/wire/pa", false)
            .unwrap();
        assert!(!folders[1].enabled);
        assert_eq!(archive.watched_folders().unwrap(), folders);
        assert_eq!(archive.settings().unwrap(), crate::Settings::default());

        let folders = archive.remove_watched_folder("/wire/afp").unwrap();
        assert_eq!(folders.len(), 1);
        assert!(matches!(
            archive.remove_watched_folder("/wire/afp"),
            Err(Error::Invalid(_))
        ));
        assert!(matches!(
            archive.set_watched_folder_enabled("/nowhere", true),
            Err(Error::Invalid(_))
        ));
        for bad in [
            WatchedFolder::new(" ", None),
            WatchedFolder::new("/a\0b", None),
            WatchedFolder {
                agency: Some(" ".into()),
                ..WatchedFolder::new("/wire/x", None)
            },
            WatchedFolder::new("/wire/x", Some("a".repeat(101))),
        ] {
            assert!(
                matches!(
                    archive.add_watched_folder(bad.clone()),
                    Err(Error::Invalid(_))
                ),
                "{bad:?} is refused"
            );
        }
        assert_eq!(archive.watched_folders().unwrap().len(), 1, "nothing saved");
    }

    #[test]
    fn a_corrupt_folder_list_reads_as_none() {
        let archive = Archive::open_in_memory().unwrap();
        archive
            .conn
            .execute(
                "INSERT INTO settings (key, value) VALUES ('watch_folders', '[{\"pa')",
                [],
            )
            .unwrap();
        assert_eq!(archive.watched_folders().unwrap(), Vec::new());
    }

    #[test]
    fn seen_files_are_found_by_folder_and_by_content_and_replaced() {
        let mut archive = Archive::open_in_memory().unwrap();
        archive
            .record_seen(&[
                seen("/wire/a.xml", 1),
                seen("/wire/sub/b.xml", 2),
                seen("/wire-other/c.xml", 3),
                seen("/wire0/d.xml", 4),
            ])
            .unwrap();
        let mut under: Vec<String> = archive
            .seen_under("/wire/")
            .unwrap()
            .into_iter()
            .map(|(p, size, mtime)| {
                assert_eq!((size, mtime), (10, 5));
                p
            })
            .collect();
        under.sort();
        assert_eq!(
            under,
            ["/wire/a.xml", "/wire/sub/b.xml"],
            "only files inside the folder, not beside it"
        );
        assert_eq!(
            archive.seen_with_content(&[2; 16]).unwrap(),
            Some(("/wire/sub/b.xml".to_owned(), true))
        );
        assert_eq!(archive.seen_with_content(&[9; 16]).unwrap(), None);
        let mut again = seen("/wire/a.xml", 5);
        again.imported = false;
        archive.record_seen(&[again]).unwrap();
        assert_eq!(
            archive.seen_under("/wire").unwrap().len(),
            2,
            "replaced, not added"
        );
        assert_eq!(archive.seen_with_content(&[1; 16]).unwrap(), None);
        assert_eq!(
            archive.seen_with_content(&[5; 16]).unwrap(),
            Some(("/wire/a.xml".to_owned(), false))
        );
    }
}
