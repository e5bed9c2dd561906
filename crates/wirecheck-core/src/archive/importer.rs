//! Importing files and folders into the archive: walk, parse, resolve the agency, index, store.
//!
//! Parsing and fingerprinting run on a second thread while the first writes to SQLite, so an
//! import uses both cores of a laptop. Stories are written in batches, one transaction each: a
//! killed import leaves whole stories or nothing, and other processes can read in between.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::NewStory;
use super::import::{SkipReason, collect_files, keep_article_stories, parse_file};
use super::store::{Archive, IndexedStory, InsertOutcome};
use crate::credit::agencies::AgencyTable;
use crate::credit::detect::dateline_agency;
use crate::{Error, Result};

/// Files larger than this are skipped: no wire file comes near it.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Parsed files the reading thread may hold ahead of the writer.
const PARSED_AHEAD: usize = 8;
/// Stories written per transaction.
const BATCH: usize = 2000;
/// Longest wait between transactions, so progress moves on imports of many small files.
const FLUSH_EVERY: Duration = Duration::from_millis(500);

/// Progress of an import, for a progress bar.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case", tag = "event")]
#[non_exhaustive]
pub enum ImportEvent {
    /// The paths were walked: this many files will be read. Every later `File` or `Skipped`
    /// event is one of them.
    Started {
        /// Files found.
        files: usize,
    },
    /// A file was read and its stories stored.
    File {
        /// The file, as given or found.
        path: String,
        /// New stories stored from it.
        imported: usize,
        /// Stories from it that were already stored.
        duplicates: usize,
    },
    /// A file or folder was skipped.
    Skipped {
        /// The path, as given or found.
        path: String,
        /// Why, in one line.
        reason: String,
    },
}

/// A file or folder that was not imported, and why.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SkippedFile {
    /// The path, as given or found.
    pub path: String,
    /// Why, in one line.
    pub reason: String,
}

/// The outcome of an import.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct ImportSummary {
    /// Files read.
    pub files: usize,
    /// New stories stored.
    pub imported: usize,
    /// Stories already in the archive.
    pub duplicates: usize,
    /// What was skipped, with reasons.
    pub skipped: Vec<SkippedFile>,
}

/// Imports files and folders into an archive.
#[derive(Debug)]
pub struct Importer {
    agency: Option<String>,
    agencies: AgencyTable,
}

impl Default for Importer {
    fn default() -> Self {
        Importer::new()
    }
}

/// What the parsing thread hands to the writer.
enum Parsed {
    File {
        path: String,
        stories: Vec<IndexedStory>,
    },
    Skipped {
        path: String,
        reason: SkipReason,
    },
}

impl Importer {
    /// An importer that takes each story's agency from its metadata or dateline.
    pub fn new() -> Self {
        Importer {
            agency: None,
            agencies: AgencyTable::builtin(),
        }
    }

    /// Sets the agency of every imported story, whatever the files say (`--agency`).
    pub fn agency(mut self, agency: Option<String>) -> Result<Self> {
        if let Some(name) = agency {
            let name = name.trim();
            if name.is_empty() {
                return Err(Error::Unsupported("the agency name is empty".into()));
            }
            self.agency = Some(
                self.agencies
                    .canonical(name)
                    .unwrap_or_else(|| name.to_string()),
            );
        }
        Ok(self)
    }

    /// Uses this alias table to recognize agencies.
    pub fn agencies(mut self, agencies: AgencyTable) -> Self {
        self.agencies = agencies;
        self
    }

    /// Imports `paths` (files, and folders walked recursively) into `archive`, reporting
    /// progress to `on_event`.
    pub fn run(
        &self,
        archive: &mut Archive,
        paths: &[PathBuf],
        mut on_event: impl FnMut(&ImportEvent),
    ) -> Result<ImportSummary> {
        let (files, skipped_paths) = collect_files(paths);
        let mut summary = ImportSummary {
            files: files.len(),
            ..ImportSummary::default()
        };
        // Paths skipped by the walk come before `Started`: they are not among its files.
        for (path, reason) in skipped_paths {
            summary.skip(display(&path), &reason, &mut on_event);
        }
        on_event(&ImportEvent::Started { files: files.len() });

        // Parsed files wait here for the writer. Few are needed to keep both threads busy, and
        // each may hold thousands of stories (a JSON Lines file), so the queue is short.
        let (sender, receiver) = mpsc::sync_channel::<Parsed>(PARSED_AHEAD);
        std::thread::scope(|scope| -> Result<()> {
            scope.spawn(move || {
                for path in &files {
                    if sender.send(self.parse(path)).is_err() {
                        break; // the writer stopped on an error
                    }
                }
            });
            let mut batch: Vec<IndexedStory> = Vec::with_capacity(BATCH);
            let mut pending: Vec<(String, usize)> = Vec::new();
            let mut last_flush = Instant::now();
            for parsed in receiver {
                match parsed {
                    Parsed::Skipped { path, reason } => summary.skip(path, &reason, &mut on_event),
                    Parsed::File { path, stories } => {
                        pending.push((path, stories.len()));
                        batch.extend(stories);
                        if batch.len() >= BATCH || last_flush.elapsed() >= FLUSH_EVERY {
                            last_flush = Instant::now();
                            flush(
                                archive,
                                &mut batch,
                                &mut pending,
                                &mut summary,
                                &mut on_event,
                            )?;
                        }
                    }
                }
            }
            flush(
                archive,
                &mut batch,
                &mut pending,
                &mut summary,
                &mut on_event,
            )
        })?;
        archive.tidy_full_text_index(summary.imported)?;
        Ok(summary)
    }

    fn parse(&self, path: &Path) -> Parsed {
        let origin = display(path);
        match self.read_stories(path, &origin) {
            Ok(stories) => Parsed::File {
                path: origin,
                stories: stories
                    .into_iter()
                    .map(|story| IndexedStory::new(self.resolve_agency(story)))
                    .collect(),
            },
            Err(reason) => Parsed::Skipped {
                path: origin,
                reason,
            },
        }
    }

    fn read_stories(&self, path: &Path, origin: &str) -> Result<Vec<NewStory>, SkipReason> {
        let size = std::fs::metadata(path)
            .map_err(|e| SkipReason::Unreadable(e.to_string()))?
            .len();
        if size > MAX_FILE_BYTES {
            return Err(SkipReason::TooLarge(size));
        }
        let bytes = std::fs::read(path).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
        parse_file(&bytes, origin).and_then(keep_article_stories)
    }

    /// `--agency`, else the metadata's agency, else the credit in the story's dateline.
    pub(crate) fn resolve_agency(&self, mut story: NewStory) -> NewStory {
        let from_metadata = story
            .agency
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|a| self.agencies.canonical(a).unwrap_or_else(|| a.to_string()));
        story.agency = self.agency.clone().or(from_metadata).or_else(|| {
            dateline_agency(&self.agencies, &story.body).or_else(|| {
                story
                    .dateline
                    .as_deref()
                    .and_then(|d| dateline_agency(&self.agencies, d))
            })
        });
        story
    }
}

impl ImportSummary {
    fn skip(&mut self, path: String, reason: &SkipReason, on_event: &mut impl FnMut(&ImportEvent)) {
        let reason = reason.to_string();
        on_event(&ImportEvent::Skipped {
            path: path.clone(),
            reason: reason.clone(),
        });
        self.skipped.push(SkippedFile { path, reason });
    }
}

fn flush(
    archive: &mut Archive,
    batch: &mut Vec<IndexedStory>,
    pending: &mut Vec<(String, usize)>,
    summary: &mut ImportSummary,
    on_event: &mut impl FnMut(&ImportEvent),
) -> Result<()> {
    let outcomes = archive.insert_batch(batch)?;
    batch.clear();
    let mut outcomes = outcomes.into_iter();
    for (path, n) in pending.drain(..) {
        let (mut imported, mut duplicates) = (0, 0);
        for outcome in outcomes.by_ref().take(n) {
            match outcome {
                InsertOutcome::Inserted(_) => imported += 1,
                InsertOutcome::Duplicate(_) => duplicates += 1,
            }
        }
        summary.imported += imported;
        summary.duplicates += duplicates;
        on_event(&ImportEvent::File {
            path,
            imported,
            duplicates,
        });
    }
    Ok(())
}

/// A path as the user gave it (or as the walk joined it), for `origin` and messages.
fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

impl Importer {
    /// Imports one file's bytes that did not come from disk (the bundled demo, a drop from the
    /// app). `origin` is recorded on each story.
    pub fn run_bytes(
        &self,
        archive: &mut Archive,
        files: &[(&str, &[u8])],
    ) -> Result<ImportSummary> {
        let mut summary = ImportSummary {
            files: files.len(),
            ..ImportSummary::default()
        };
        let mut batch = Vec::new();
        let mut pending = Vec::new();
        for (origin, bytes) in files {
            match parse_file(bytes, origin).and_then(keep_article_stories) {
                Ok(stories) => {
                    pending.push((origin.to_string(), stories.len()));
                    batch.extend(
                        stories
                            .into_iter()
                            .map(|story| IndexedStory::new(self.resolve_agency(story))),
                    );
                }
                Err(reason) => summary.skip(origin.to_string(), &reason, &mut |_| {}),
            }
        }
        flush(archive, &mut batch, &mut pending, &mut summary, &mut |_| {})?;
        Ok(summary)
    }
}
