//! Watched drop folders: files that a wire system drops into a folder are imported as soon as
//! they are complete, through the same [`Importer`](crate::Importer) as `wirecheck import`.
//!
//! One [`Watcher`] runs on its own thread with its own connection to the archive and watches
//! any number of folders (recursively). It learns of new and changed files from the operating
//! system's file events (the `notify` crate) and, as a fallback for network folders whose
//! events never arrive, from a rescan of every folder at a fixed interval. A file is read once
//! it is complete ([`settle`]): not under a temporary name, size and modification time unchanged
//! for the settle time. Each file read is recorded in the archive with its size, modification
//! time and content hash, so after a restart nothing is read again and files that arrived
//! meanwhile are imported at once; a file with the content of one read before (a copy, a
//! rename) is skipped. A deleted file keeps its stories.

mod settle;
mod worker;

#[cfg(test)]
mod tests;

use std::path::Path;
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

use serde::Serialize;

use crate::{Archive, Error, Importer, Result};

/// How a watcher looks at its folders.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// How long a file's size and modification time must hold before it is read.
    pub settle: Duration,
    /// How often waiting files are looked at again.
    pub poll: Duration,
    /// How often every folder is walked again, for file events that were missed or never
    /// sent (network folders); also when a missing folder is tried again.
    pub rescan: Duration,
    /// Whether to ask the operating system for file events; without them only the rescan
    /// finds files.
    pub file_events: bool,
}

impl Default for WatchOptions {
    fn default() -> Self {
        WatchOptions {
            settle: Duration::from_secs(1),
            poll: Duration::from_millis(250),
            rescan: Duration::from_secs(10),
            file_events: true,
        }
    }
}

/// What a watcher did, as it happens. `folder` is the folder as given to [`Watcher::watch`];
/// `path` the file's absolute path (its stories' origin).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case", tag = "event")]
#[non_exhaustive]
pub enum WatchEvent {
    /// The folder is watched; files that arrived since it was last watched are on their way.
    Started {
        /// The folder.
        folder: String,
        /// Whether the operating system sends file events for it (else only the rescan finds
        /// files).
        file_events: bool,
    },
    /// The folder is no longer watched.
    Stopped {
        /// The folder.
        folder: String,
    },
    /// A file was read and its stories stored.
    Imported {
        /// The folder.
        folder: String,
        /// The file.
        path: String,
        /// New stories stored from it.
        imported: usize,
        /// Its stories that were already stored.
        duplicates: usize,
    },
    /// A file was not imported.
    Skipped {
        /// The folder.
        folder: String,
        /// The file.
        path: String,
        /// Why, in one line.
        reason: String,
    },
    /// A file read before was deleted; its stories stay in the archive.
    Deleted {
        /// The folder.
        folder: String,
        /// The file.
        path: String,
    },
    /// The folder cannot be watched now (missing, not a folder, not readable); it is tried
    /// again at every rescan.
    FolderError {
        /// The folder.
        folder: String,
        /// What is wrong, in one line.
        message: String,
    },
    /// Something went wrong that does not stop the watch (file events lost, an import that
    /// failed and will be tried again).
    Warning {
        /// The folder, when it concerns one.
        folder: Option<String>,
        /// What happened, in one line.
        message: String,
    },
}

/// A watched folder's state, for a status display.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case", tag = "state")]
#[non_exhaustive]
pub enum FolderState {
    /// Being set up.
    Starting,
    /// Watched.
    Watching {
        /// Whether file events arrive (else only the rescan finds files).
        file_events: bool,
    },
    /// Cannot be watched now; tried again at every rescan.
    Failed {
        /// What is wrong, in one line.
        message: String,
    },
}

/// A folder a watcher has, and its state.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FolderStatus {
    /// The folder as given.
    pub folder: String,
    /// The agency given to its stories.
    pub agency: Option<String>,
    /// Its state.
    pub state: FolderState,
}

/// What a watcher did until it stopped.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct WatchSummary {
    /// Files handed to the importer.
    pub files: usize,
    /// New stories stored.
    pub imported: usize,
    /// Stories found already stored.
    pub duplicates: usize,
    /// Files skipped (with a reason each, in the events).
    pub skipped: usize,
}

/// Called with each event, on the watcher's thread.
pub type EventSink = Box<dyn FnMut(&WatchEvent) + Send>;

enum Command {
    Watch {
        folder: String,
        // Boxed: an importer holds the agency table, many times the size of the other commands.
        importer: Box<Importer>,
        agency: Option<String>,
    },
    Unwatch(String),
    Stop,
}

/// A running watcher: a thread that watches folders and imports their new files into an
/// archive. Dropping it stops it.
pub struct Watcher {
    commands: mpsc::Sender<worker::Message>,
    thread: Option<JoinHandle<Result<WatchSummary>>>,
    status: Arc<Mutex<Vec<FolderStatus>>>,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher")
            .field("folders", &self.folders())
            .finish()
    }
}

impl Watcher {
    /// Starts a watcher over `archive` (moved to the watcher's thread) with no folder yet;
    /// `on_event` is called on that thread with everything it does.
    pub fn start(
        archive: Archive,
        options: WatchOptions,
        on_event: impl FnMut(&WatchEvent) + Send + 'static,
    ) -> Result<Watcher> {
        let (sender, receiver) = mpsc::channel();
        let status = Arc::new(Mutex::new(Vec::new()));
        let worker = worker::Worker::new(
            archive,
            options,
            Box::new(on_event),
            Arc::clone(&status),
            sender.clone(),
        );
        let thread = std::thread::Builder::new()
            .name("wirecheck-watch".into())
            .spawn(move || worker.run(receiver))
            .map_err(|e| Error::Invalid(format!("cannot start the watcher: {e}")))?;
        Ok(Watcher {
            commands: sender,
            thread: Some(thread),
            status,
        })
    }

    /// Watches `folder` (recursively), importing its files with `agency` when given (as
    /// `import --agency`). A folder that cannot be watched now is reported as
    /// [`WatchEvent::FolderError`] and tried again at every rescan. Watching a folder again
    /// replaces its agency.
    pub fn watch(&self, folder: &Path, agency: Option<String>) -> Result<()> {
        let importer = Importer::new().agency(agency.clone())?;
        self.send(Command::Watch {
            folder: folder.to_string_lossy().into_owned(),
            importer: Box::new(importer),
            agency,
        })
    }

    /// Stops watching `folder` (as given to [`Watcher::watch`]).
    pub fn unwatch(&self, folder: &Path) -> Result<()> {
        self.send(Command::Unwatch(folder.to_string_lossy().into_owned()))
    }

    /// The folders and their states.
    pub fn folders(&self) -> Vec<FolderStatus> {
        self.status.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// Stops watching everything; returns what was done.
    pub fn stop(mut self) -> Result<WatchSummary> {
        self.finish()
    }

    fn send(&self, command: Command) -> Result<()> {
        self.commands
            .send(worker::Message::Command(command))
            .map_err(|_| Error::Invalid("the watcher has stopped".into()))
    }

    fn finish(&mut self) -> Result<WatchSummary> {
        let _ = self.commands.send(worker::Message::Command(Command::Stop));
        match self.thread.take() {
            Some(thread) => thread
                .join()
                .map_err(|_| Error::Invalid("the watcher thread failed".into()))?,
            None => Ok(WatchSummary::default()),
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}
