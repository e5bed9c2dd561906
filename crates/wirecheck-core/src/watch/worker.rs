//! The watcher's thread: folders, file events and rescans in; complete files handed to the
//! importer, and recorded as seen, out.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use super::settle::{FileStamp, Settling, is_temporary};
use super::{
    Command, EventSink, FolderState, FolderStatus, WatchEvent, WatchOptions, WatchSummary,
};
use crate::archive::import::{io_message, walk_files};
use crate::archive::watched::SeenFile;
use crate::{Archive, ImportEvent, Importer, Result};

/// Most complete files handed to the importer at once: between two such batches the watcher
/// takes its messages (a stop, a new folder), even while thousands of files wait.
const BATCH_FILES: usize = if cfg!(test) { 50 } else { 2_000 };

/// What reaches the watcher's thread.
pub(super) enum Message {
    Command(Command),
    Fs(notify::Result<notify::Event>),
}

struct Folder {
    given: String,
    agency: Option<String>,
    importer: Importer,
    /// The folder as the file system names it (absolute, links resolved), once it was found.
    real: Option<PathBuf>,
    state: FolderState,
}

pub(super) struct Worker {
    archive: Archive,
    options: WatchOptions,
    on_event: EventSink,
    status: Arc<Mutex<Vec<FolderStatus>>>,
    /// A sender to our own queue, for the file-event handler.
    sender: mpsc::Sender<Message>,
    notifier: Option<RecommendedWatcher>,
    /// Why file events are unavailable, once creating the notifier failed.
    notifier_error: Option<String>,
    folders: Vec<Folder>,
    /// Files read (or found read before) and present, with the stamp they were read at.
    known: BTreeMap<PathBuf, FileStamp>,
    settling: Settling,
    /// Complete files not yet imported, in path order.
    ready: VecDeque<(PathBuf, FileStamp)>,
    rescan_soon: bool,
    summary: WatchSummary,
}

impl Worker {
    pub(super) fn new(
        archive: Archive,
        options: WatchOptions,
        on_event: EventSink,
        status: Arc<Mutex<Vec<FolderStatus>>>,
        sender: mpsc::Sender<Message>,
    ) -> Worker {
        Worker {
            archive,
            options,
            on_event,
            status,
            sender,
            notifier: None,
            notifier_error: None,
            folders: Vec::new(),
            known: BTreeMap::new(),
            settling: Settling::default(),
            ready: VecDeque::new(),
            rescan_soon: false,
            summary: WatchSummary::default(),
        }
    }

    pub(super) fn run(mut self, messages: mpsc::Receiver<Message>) -> Result<WatchSummary> {
        let mut next_poll = Instant::now() + self.options.poll;
        let mut next_rescan = Instant::now() + self.options.rescan;
        loop {
            let wait = next_poll.saturating_duration_since(Instant::now());
            match messages.recv_timeout(wait) {
                Ok(Message::Command(Command::Stop)) => break,
                Ok(Message::Command(Command::Watch {
                    folder,
                    importer,
                    agency,
                })) => self.watch(folder, *importer, agency),
                Ok(Message::Command(Command::Unwatch(folder))) => self.unwatch(&folder),
                Ok(Message::Fs(Ok(event))) => self.file_event(event),
                Ok(Message::Fs(Err(error))) => {
                    self.warn(None, format!("file events: {error}; rescanning"));
                    self.rescan_soon = true;
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
            let now = Instant::now();
            if now >= next_poll {
                self.poll(now);
                // More complete files waiting: the next batch right after the messages.
                next_poll = if self.ready.is_empty() {
                    Instant::now() + self.options.poll
                } else {
                    Instant::now()
                };
            }
            if self.rescan_soon || now >= next_rescan {
                self.rescan_soon = false;
                self.rescan();
                next_rescan = Instant::now() + self.options.rescan;
            }
        }
        for folder in std::mem::take(&mut self.folders) {
            (self.on_event)(&WatchEvent::Stopped {
                folder: folder.given,
            });
        }
        self.publish_status();
        Ok(self.summary)
    }

    fn emit(&mut self, event: WatchEvent) {
        (self.on_event)(&event);
    }

    fn warn(&mut self, folder: Option<String>, message: String) {
        self.emit(WatchEvent::Warning { folder, message });
    }

    fn publish_status(&self) {
        let status = self
            .folders
            .iter()
            .map(|f| FolderStatus {
                folder: f.given.clone(),
                agency: f.agency.clone(),
                state: f.state.clone(),
            })
            .collect();
        if let Ok(mut shared) = self.status.lock() {
            *shared = status;
        }
    }

    // --- Folders ---------------------------------------------------------------------------

    fn watch(&mut self, given: String, importer: Importer, agency: Option<String>) {
        let index = match self.folders.iter().position(|f| f.given == given) {
            Some(index) => {
                self.stop_folder(index);
                let folder = &mut self.folders[index];
                folder.importer = importer;
                folder.agency = agency;
                index
            }
            None => {
                self.folders.push(Folder {
                    given,
                    agency,
                    importer,
                    real: None,
                    state: FolderState::Starting,
                });
                self.folders.len() - 1
            }
        };
        self.start_folder(index);
    }

    fn unwatch(&mut self, given: &str) {
        if let Some(index) = self.folders.iter().position(|f| f.given == given) {
            self.stop_folder(index);
            let folder = self.folders.remove(index);
            self.publish_status();
            self.emit(WatchEvent::Stopped {
                folder: folder.given,
            });
        }
    }

    /// Finds the folder, watches it for file events, and looks at every file in it: those not
    /// read before (or changed since) start waiting to be complete.
    fn start_folder(&mut self, index: usize) {
        let given = self.folders[index].given.clone();
        let real = match open_folder(Path::new(&given)) {
            Ok(real) => real,
            Err(message) => return self.fail_folder(index, message),
        };
        match self.archive.seen_under(&real.to_string_lossy()) {
            Ok(seen) => {
                for (path, size, mtime_ns) in seen {
                    self.known
                        .insert(PathBuf::from(path), FileStamp { size, mtime_ns });
                }
            }
            Err(error) => {
                let message = format!("the record of files read is unreadable: {error}");
                return self.fail_folder(index, message);
            }
        }
        let file_events = self.watch_events(&given, &real);
        let folder = &mut self.folders[index];
        folder.real = Some(real.clone());
        folder.state = FolderState::Watching { file_events };
        self.publish_status();
        self.emit(WatchEvent::Started {
            folder: given,
            file_events,
        });
        let present = self.scan(&real, true);
        // Files read before that are gone now are forgotten here (their rows stay, so the same
        // file delivered again is still known); only files that go while watched are reported.
        let gone: Vec<PathBuf> = self
            .known_under(&real)
            .filter(|p| !present.contains(*p))
            .cloned()
            .collect();
        for path in gone {
            self.known.remove(&path);
        }
    }

    /// Asks for file events under `real`; whether they will come.
    fn watch_events(&mut self, given: &str, real: &Path) -> bool {
        if !self.options.file_events {
            return false;
        }
        if self.notifier.is_none() && self.notifier_error.is_none() {
            let sender = self.sender.clone();
            let handler = move |event: notify::Result<notify::Event>| {
                let _ = sender.send(Message::Fs(event));
            };
            match notify::recommended_watcher(handler) {
                Ok(notifier) => self.notifier = Some(notifier),
                Err(error) => self.notifier_error = Some(error.to_string()),
            }
        }
        let outcome = match &mut self.notifier {
            Some(notifier) => notifier
                .watch(real, RecursiveMode::Recursive)
                .map_err(|e| e.to_string()),
            None => Err(self.notifier_error.clone().unwrap_or_default()),
        };
        match outcome {
            Ok(()) => true,
            Err(error) => {
                let every = self.options.rescan.as_secs_f64();
                self.warn(
                    Some(given.to_owned()),
                    format!("no file events ({error}); looking for new files every {every} s"),
                );
                false
            }
        }
    }

    /// Stops events and waits under a folder, keeping it listed.
    fn stop_folder(&mut self, index: usize) {
        let Some(real) = self.folders[index].real.take() else {
            return;
        };
        if matches!(
            self.folders[index].state,
            FolderState::Watching { file_events: true }
        ) && let Some(notifier) = &mut self.notifier
        {
            let _ = notifier.unwatch(&real);
        }
        self.settling.forget_under(&real);
        let under: Vec<PathBuf> = self.known_under(&real).cloned().collect();
        for path in under {
            self.known.remove(&path);
        }
    }

    fn fail_folder(&mut self, index: usize, message: String) {
        self.stop_folder(index);
        let folder = &mut self.folders[index];
        let repeated = matches!(&folder.state, FolderState::Failed { message: m } if *m == message);
        folder.state = FolderState::Failed {
            message: message.clone(),
        };
        let given = folder.given.clone();
        self.publish_status();
        if !repeated {
            self.emit(WatchEvent::FolderError {
                folder: given,
                message,
            });
        }
    }

    /// The folder a path lies in (the innermost, when watched folders nest).
    fn folder_of(&self, path: &Path) -> Option<usize> {
        self.folders
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.real.as_ref().map(|r| (i, r)))
            .filter(|(_, real)| path.starts_with(real))
            .max_by_key(|(_, real)| real.components().count())
            .map(|(i, _)| i)
    }

    fn known_under<'a>(&'a self, root: &'a Path) -> impl Iterator<Item = &'a PathBuf> + 'a {
        self.known
            .range(root.to_path_buf()..)
            .map(|(path, _)| path)
            .take_while(move |path| path.starts_with(root))
    }

    // --- Looking at files ------------------------------------------------------------------

    /// Walks `root` and looks at every file; returns the files found. The first walk of a
    /// folder reports what it cannot read.
    fn scan(&mut self, root: &Path, report: bool) -> HashSet<PathBuf> {
        let now = Instant::now();
        let mut present = HashSet::new();
        for entry in walk_files(root) {
            match entry {
                Ok(path) => {
                    self.look(&path, now);
                    present.insert(path);
                }
                Err((path, reason)) if report => {
                    let folder = self.folder_name(&path);
                    self.summary.skipped += 1;
                    self.emit(WatchEvent::Skipped {
                        folder,
                        path: path.to_string_lossy().into_owned(),
                        reason: reason.to_string(),
                    });
                }
                Err(_) => {}
            }
        }
        present
    }

    fn folder_name(&self, path: &Path) -> String {
        self.folder_of(path)
            .map(|i| self.folders[i].given.clone())
            .unwrap_or_default()
    }

    /// A file may have appeared or changed: unless it is temporary or unchanged since it was
    /// read, it waits to be complete. A folder (moved in whole) is walked.
    fn look(&mut self, path: &Path, now: Instant) {
        let Some(index) = self.folder_of(path) else {
            return;
        };
        let Some(real) = &self.folders[index].real else {
            return;
        };
        if path.strip_prefix(real).map_or(true, is_temporary) {
            return;
        }
        let Ok(meta) = std::fs::metadata(path) else {
            return;
        };
        if meta.is_dir() {
            if path != real.as_path() {
                self.scan(path, false);
            }
            return;
        }
        if !meta.is_file() {
            return;
        }
        let stamp = FileStamp::of(&meta);
        if self.known.get(path) == Some(&stamp) {
            self.settling.forget(path);
            return;
        }
        self.settling.observe(path.to_path_buf(), stamp, now);
    }

    fn file_event(&mut self, event: notify::Event) {
        if event.need_rescan() {
            self.rescan_soon = true;
        }
        let now = Instant::now();
        match event.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => {}
            EventKind::Access(_) => return,
            EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(RenameMode::From)) => {
                for path in &event.paths {
                    self.removed(path);
                }
                return;
            }
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => {
                if let Some(from) = event.paths.first() {
                    self.removed(from);
                }
                if let Some(to) = event.paths.get(1) {
                    self.look(to, now);
                }
                return;
            }
            _ => {}
        }
        for path in &event.paths {
            self.look(path, now);
        }
    }

    /// A file or folder is gone: files read from it are reported deleted (their stories stay).
    fn removed(&mut self, path: &Path) {
        self.settling.forget(path);
        if path.exists() {
            return; // removed and created again already; the create event follows
        }
        let gone: Vec<PathBuf> = if self.known.remove(path).is_some() {
            vec![path.to_path_buf()]
        } else {
            let under: Vec<PathBuf> = self.known_under(path).cloned().collect();
            self.settling.forget_under(path);
            for p in &under {
                self.known.remove(p);
            }
            under
        };
        for path in gone {
            let folder = self.folder_name(&path);
            self.emit(WatchEvent::Deleted {
                folder,
                path: path.to_string_lossy().into_owned(),
            });
        }
    }

    /// Walks every folder again (events may have been missed) and tries failed folders again.
    fn rescan(&mut self) {
        for index in 0..self.folders.len() {
            let Some(real) = self.folders[index].real.clone() else {
                self.start_folder(index);
                continue;
            };
            if let Err(message) = open_folder(&real) {
                self.fail_folder(index, message);
                continue;
            }
            let present = self.scan(&real, false);
            let gone: Vec<PathBuf> = self
                .known_under(&real)
                .filter(|p| !present.contains(*p) && !p.exists())
                .cloned()
                .collect();
            for path in gone {
                self.removed(&path);
            }
        }
    }

    // --- Importing -------------------------------------------------------------------------

    /// Imports the files that are complete now, a batch at a time.
    fn poll(&mut self, now: Instant) {
        if self.settling.len() > 0 {
            let complete = self
                .settling
                .take_complete(now, self.options.settle, |path| {
                    std::fs::metadata(path)
                        .ok()
                        .filter(|m| m.is_file())
                        .map(|m| FileStamp::of(&m))
                });
            self.ready.extend(complete);
        }
        let take = self.ready.len().min(BATCH_FILES);
        if take == 0 {
            return;
        }
        let batch: Vec<(PathBuf, FileStamp)> = self.ready.drain(..take).collect();
        let mut by_folder: HashMap<usize, Vec<(PathBuf, FileStamp)>> = HashMap::new();
        for (path, stamp) in batch {
            if let Some(index) = self.folder_of(&path) {
                by_folder.entry(index).or_default().push((path, stamp));
            }
        }
        let mut indexes: Vec<usize> = by_folder.keys().copied().collect();
        indexes.sort_unstable();
        for index in indexes {
            if let Some(files) = by_folder.remove(&index) {
                self.import(index, files);
            }
        }
    }

    /// Hands complete files of one folder to the importer, except those whose content was
    /// read before, and records them all as seen.
    fn import(&mut self, index: usize, files: Vec<(PathBuf, FileStamp)>) {
        let given = self.folders[index].given.clone();
        let mut records: Vec<SeenFile> = Vec::new();
        let mut waiting: HashMap<String, (PathBuf, FileStamp, [u8; 16])> = HashMap::new();
        let mut in_batch: HashMap<[u8; 16], String> = HashMap::new();
        let mut paths = Vec::new();
        for (path, stamp) in files {
            let name = path.to_string_lossy().into_owned();
            let content_hash = match hash_file(&path) {
                Ok(hash) => hash,
                Err(error) => {
                    // Not recorded: after a restart it is tried again.
                    self.known.insert(path, stamp);
                    self.summary.skipped += 1;
                    self.emit(WatchEvent::Skipped {
                        folder: given.clone(),
                        path: name,
                        reason: format!("unreadable: {}", io_message(&error)),
                    });
                    continue;
                }
            };
            let earlier = match in_batch.get(&content_hash) {
                Some(other) => Some((other.clone(), true)),
                None => match self.archive.seen_with_content(&content_hash) {
                    Ok(found) => found,
                    Err(error) => {
                        let message = format!("cannot read the record of files read: {error}");
                        self.warn(Some(given.clone()), message);
                        None
                    }
                },
            };
            let seen = |imported| SeenFile {
                path: name.clone(),
                size: stamp.size,
                mtime_ns: stamp.mtime_ns,
                content_hash,
                imported,
            };
            match earlier {
                // Touched or written again with the same bytes: nothing new to read.
                Some((other, imported)) if other == name => records.push(seen(imported)),
                Some((other, _)) => {
                    records.push(seen(false));
                    self.summary.skipped += 1;
                    self.emit(WatchEvent::Skipped {
                        folder: given.clone(),
                        path: name.clone(),
                        reason: format!("same content as {other}, read before"),
                    });
                }
                None => {
                    in_batch.insert(content_hash, name.clone());
                    paths.push(path.clone());
                    waiting.insert(name, (path.clone(), stamp, content_hash));
                }
            }
            self.known.insert(path, stamp);
        }
        if !paths.is_empty() {
            let mut events = Vec::new();
            let importer = &self.folders[index].importer;
            let outcome = importer.run(&mut self.archive, &paths, |e| events.push(e.clone()));
            if let Err(error) = outcome {
                // Forgotten, so the next rescan finds them again.
                for path in &paths {
                    self.known.remove(path);
                }
                let message = format!("import failed, tried again at the next rescan: {error}");
                self.warn(Some(given.clone()), message);
            }
            for event in events {
                self.imported(&given, event, &waiting, &mut records);
            }
        }
        if !records.is_empty()
            && let Err(error) = self.archive.record_seen(&records)
        {
            let message = format!("cannot record the files read: {error}");
            self.warn(Some(given), message);
        }
    }

    /// Reports one importer event and notes the file for the record.
    fn imported(
        &mut self,
        folder: &str,
        event: ImportEvent,
        waiting: &HashMap<String, (PathBuf, FileStamp, [u8; 16])>,
        records: &mut Vec<SeenFile>,
    ) {
        let (path, imported) = match &event {
            ImportEvent::File { path, .. } => (path, true),
            ImportEvent::Skipped { path, .. } => (path, false),
            _ => return,
        };
        if let Some((real, stamp, content_hash)) = waiting.get(path)
            && real.exists()
        {
            records.push(SeenFile {
                path: path.clone(),
                size: stamp.size,
                mtime_ns: stamp.mtime_ns,
                content_hash: *content_hash,
                imported,
            });
        }
        let folder = folder.to_owned();
        match event {
            ImportEvent::File {
                path,
                imported,
                duplicates,
            } => {
                self.summary.files += 1;
                self.summary.imported += imported;
                self.summary.duplicates += duplicates;
                self.emit(WatchEvent::Imported {
                    folder,
                    path,
                    imported,
                    duplicates,
                });
            }
            ImportEvent::Skipped { path, reason } => {
                self.summary.skipped += 1;
                self.emit(WatchEvent::Skipped {
                    folder,
                    path,
                    reason,
                });
            }
            _ => {}
        }
    }
}

/// The folder as the file system names it, or why it cannot be watched.
fn open_folder(given: &Path) -> std::result::Result<PathBuf, String> {
    let real = std::fs::canonicalize(given).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "folder missing".to_owned(),
        _ => format!("not readable: {}", io_message(&e)),
    })?;
    if !real.is_dir() {
        return Err("not a folder".to_owned());
    }
    std::fs::read_dir(&real).map_err(|e| format!("not readable: {}", io_message(&e)))?;
    Ok(real)
}

/// xxh3-128 of a file's bytes, read in pieces.
fn hash_file(path: &Path) -> std::io::Result<[u8; 16]> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = xxhash_rust::xxh3::Xxh3Default::new();
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Ok(hasher.digest128().to_le_bytes())
}
