//! The app's watcher: one engine [`Watcher`] for the folders listed in the archive's settings,
//! started with the app, and the last [`LOG_LEN`] of its events for the Settings view (also
//! sent live as `watch-event`). The watching, the record of files read and the folder list are
//! the core's; here they are only started, stopped and shown.

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use tauri::{AppHandle, Emitter, Runtime};
use wirecheck_core::{Archive, FolderState, WatchEvent, WatchOptions, WatchedFolder, Watcher};

use crate::dto::{WatchFolderState, WatchLogEntry, WatchStatus, WatchedFolderStatus};
use crate::error::{AppError, CmdResult};

/// Events kept for the log.
pub const LOG_LEN: usize = 200;

/// The running watcher (none until a folder is watched) and its log.
#[derive(Default)]
pub struct WatchService {
    watcher: Mutex<Option<Watcher>>,
    /// The folders the watcher was asked to watch, with their agencies.
    active: Mutex<HashMap<String, Option<String>>>,
    log: Arc<Mutex<VecDeque<WatchLogEntry>>>,
}

impl std::fmt::Debug for WatchService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WatchService").finish_non_exhaustive()
    }
}

impl WatchService {
    /// Watches exactly the enabled folders of `folders` (starting the watcher on the archive
    /// `db` when needed), each with its agency.
    pub fn sync<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        db: &Path,
        folders: &[WatchedFolder],
    ) -> CmdResult<()> {
        let mut watcher = lock(&self.watcher)?;
        let mut active = lock(&self.active)?;
        let wanted: HashMap<&str, &Option<String>> = folders
            .iter()
            .filter(|f| f.enabled)
            .map(|f| (f.path.as_str(), &f.agency))
            .collect();
        if watcher.is_none() {
            if wanted.is_empty() {
                return Ok(());
            }
            *watcher = Some(self.start(app, db)?);
        }
        let Some(running) = watcher.as_ref() else {
            return Ok(());
        };
        for path in active.keys().cloned().collect::<Vec<_>>() {
            if !wanted.contains_key(path.as_str()) {
                running.unwatch(Path::new(&path))?;
                active.remove(&path);
            }
        }
        for (path, agency) in wanted {
            if active.get(path) != Some(agency) {
                running.watch(Path::new(path), agency.clone())?;
                active.insert(path.to_owned(), agency.clone());
            }
        }
        Ok(())
    }

    fn start<R: Runtime>(&self, app: &AppHandle<R>, db: &Path) -> CmdResult<Watcher> {
        let archive = Archive::open(db)?;
        let log = Arc::clone(&self.log);
        let app = app.clone();
        Ok(Watcher::start(
            archive,
            WatchOptions::default(),
            move |event| {
                let Some(entry) = log_entry(event) else {
                    return;
                };
                if let Ok(mut log) = log.lock() {
                    if log.len() == LOG_LEN {
                        log.pop_front();
                    }
                    log.push_back(entry.clone());
                }
                let _ = app.emit("watch-event", entry);
            },
        )?)
    }

    /// The listed folders with their states, and the log, oldest event first.
    pub fn status(&self, folders: Vec<WatchedFolder>) -> CmdResult<WatchStatus> {
        let states = match lock(&self.watcher)?.as_ref() {
            Some(watcher) => watcher.folders(),
            None => Vec::new(),
        };
        let folders = folders
            .into_iter()
            .map(|f| {
                let state = states.iter().find(|s| s.folder == f.path).map(|s| &s.state);
                let (state, file_events, message) = match (f.enabled, state) {
                    (false, _) => (WatchFolderState::Stopped, false, None),
                    (true, Some(FolderState::Watching { file_events })) => {
                        (WatchFolderState::Watching, *file_events, None)
                    }
                    (true, Some(FolderState::Failed { message })) => {
                        (WatchFolderState::Error, false, Some(message.clone()))
                    }
                    (true, _) => (WatchFolderState::Starting, false, None),
                };
                WatchedFolderStatus {
                    path: f.path,
                    agency: f.agency,
                    state,
                    file_events,
                    message,
                }
            })
            .collect();
        let events = lock(&self.log)?.iter().cloned().collect();
        Ok(WatchStatus { folders, events })
    }
}

/// Starts watching the folders saved in the archive, when the app starts. A failure is
/// printed, not fatal: the app works without its watcher, and Settings shows the folders.
pub fn resume<R: Runtime>(app: &AppHandle<R>, state: &crate::AppState) {
    let resumed = state
        .open()
        .and_then(|archive| Ok(archive.watched_folders()?))
        .and_then(|folders| state.watch.sync(app, state.db(), &folders));
    if let Err(error) = resumed {
        eprintln!(
            "wirecheck-app: watched folders not resumed: {}",
            error.message
        );
    }
}

fn lock<T>(mutex: &Mutex<T>) -> CmdResult<std::sync::MutexGuard<'_, T>> {
    mutex
        .lock()
        .map_err(|_| AppError::internal("the watcher's state is unusable; restart the app"))
}

/// An event as the log shows it: a kind, the folder and file, and one line of text.
fn log_entry(event: &WatchEvent) -> Option<WatchLogEntry> {
    let at_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64);
    let entry = |kind: &str, folder: &str, path: Option<&String>, message: String| WatchLogEntry {
        at_ms,
        kind: kind.to_owned(),
        folder: Some(folder.to_owned()).filter(|f| !f.is_empty()),
        path: path.cloned(),
        message,
    };
    Some(match event {
        WatchEvent::Started {
            folder,
            file_events,
        } => {
            let how = if *file_events {
                "Watching".to_owned()
            } else {
                let every = WatchOptions::default().rescan.as_secs();
                format!("Watching (no file events here: looking for new files every {every} s)")
            };
            entry("started", folder, None, how)
        }
        WatchEvent::Stopped { folder } => entry("stopped", folder, None, "Stopped".into()),
        WatchEvent::Imported {
            folder,
            path,
            imported,
            duplicates,
        } => entry(
            "imported",
            folder,
            Some(path),
            format!("{imported} new, {duplicates} already stored"),
        ),
        WatchEvent::Skipped {
            folder,
            path,
            reason,
        } => entry("skipped", folder, Some(path), reason.clone()),
        WatchEvent::Deleted { folder, path } => entry(
            "deleted",
            folder,
            Some(path),
            "Deleted; its stories stay in the archive".into(),
        ),
        WatchEvent::FolderError { folder, message } => {
            entry("error", folder, None, message.clone())
        }
        WatchEvent::Warning { folder, message } => entry(
            "warning",
            folder.as_deref().unwrap_or_default(),
            None,
            message.clone(),
        ),
        _ => return None,
    })
}
