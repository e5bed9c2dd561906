//! Importing files and folders into the archive: walk, parse, resolve the agency, index, store.
//!
//! One thread writes to SQLite; reading, parsing, language detection and fingerprinting run
//! beside it on all cores (rayon), a group of files at a time, in file order. The groups are
//! bounded by bytes read and at most one waits for the writer, so memory does not grow with
//! the input. Stories are written in batches, one transaction each: a killed import leaves
//! whole stories or nothing, and other processes can read in between.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

use super::NewStory;
use super::import::{SkipReason, collect_files, keep_article_stories, parse_file};
use super::store::{Archive, IndexedStory, InsertOutcome};
use crate::credit::agencies::AgencyTable;
use crate::credit::detect::dateline_agency;
use crate::{Error, Result};

/// Files larger than this are skipped: no wire file comes near it.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Groups of parsed files that may wait for the writer (one more is being parsed).
const GROUPS_AHEAD: usize = 1;
/// A group of files read and parsed together: files are added while their sizes sum to less
/// than this (a larger file is a group of its own), at most [`GROUP_FILES`].
const GROUP_BYTES: u64 = 8 * 1024 * 1024;
/// Most files in a group.
const GROUP_FILES: usize = 256;
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

        // Parsed groups wait here for the writer; one is enough to keep it busy, and a group
        // may hold thousands of stories, so the queue is short.
        let (sender, receiver) = mpsc::sync_channel::<Vec<Parsed>>(GROUPS_AHEAD);
        std::thread::scope(|scope| -> Result<()> {
            scope.spawn(move || {
                for group in file_groups(&files) {
                    let parsed: Vec<Parsed> =
                        group.par_iter().map(|path| self.parse(path)).collect();
                    if sender.send(parsed).is_err() {
                        break; // the writer stopped on an error
                    }
                }
            });
            let mut batch: Vec<IndexedStory> = Vec::with_capacity(BATCH);
            let mut pending: Vec<(String, usize)> = Vec::new();
            let mut last_flush = Instant::now();
            for parsed in receiver.into_iter().flatten() {
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
        archive.tidy_indexes(summary.imported)?;
        Ok(summary)
    }

    fn parse(&self, path: &Path) -> Parsed {
        let origin = display(path);
        match self.read_stories(path, &origin) {
            Ok(stories) => Parsed::File {
                path: origin,
                stories: stories
                    .into_par_iter()
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

    /// `--agency`, else the metadata's agency, else the credit in the story's dateline (an
    /// agency Wirecheck does not know by the name in its brackets, "DHAKA, Oct 3 (UNB) -"),
    /// else the agency its byline names ("By Harriet Colley, PA Health Correspondent", which the
    /// import keeps apart from the body).
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
                    .or_else(|| story.dateline.as_deref().and_then(dateline_name))
                    .or_else(|| {
                        let byline = story.byline.as_deref()?;
                        let by = if byline.trim_start().starts_with("By ") {
                            byline.to_string()
                        } else {
                            format!("By {byline}")
                        };
                        dateline_agency(&self.agencies, &by)
                    })
            })
        });
        story
    }
}

/// Most words of an agency's name in a dateline's brackets.
const MAX_DATELINE_NAME_WORDS: usize = 4;

/// The name in the brackets of a dateline the import read ("DHAKA, Oct 3 (UNB) -" → "UNB"):
/// one to four capitalized words with no digit, the agency of a wire Wirecheck does not know.
fn dateline_name(dateline: &str) -> Option<String> {
    let open = dateline.rfind('(')?;
    let inner = dateline[open + 1..].split(')').next()?.trim();
    let words: Vec<&str> = inner.split_whitespace().collect();
    let name = !words.is_empty()
        && words.len() <= MAX_DATELINE_NAME_WORDS
        && !inner.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|w| w.starts_with(char::is_uppercase));
    name.then(|| inner.to_string())
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

/// `files` cut into consecutive groups of at most [`GROUP_FILES`] files whose sizes sum to
/// less than [`GROUP_BYTES`] (a file that cannot be measured counts as empty; reading it
/// reports the error).
fn file_groups(files: &[PathBuf]) -> impl Iterator<Item = &[PathBuf]> {
    let mut rest = files;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut bytes = 0u64;
        let mut end = 0;
        while end < rest.len().min(GROUP_FILES) {
            bytes += std::fs::metadata(&rest[end]).map_or(0, |m| m.len());
            if end > 0 && bytes > GROUP_BYTES {
                break;
            }
            end += 1;
        }
        let (group, after) = rest.split_at(end);
        rest = after;
        Some(group)
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_grouped_in_order_by_size_and_a_large_file_goes_alone() {
        let dir = tempfile::tempdir().unwrap();
        let sizes = [10, GROUP_BYTES as usize + 1, 5, 5];
        let files: Vec<PathBuf> = sizes
            .iter()
            .enumerate()
            .map(|(i, &size)| {
                let path = dir.path().join(format!("{i}.txt"));
                std::fs::write(&path, vec![b'x'; size]).unwrap();
                path
            })
            .collect();
        let groups: Vec<&[PathBuf]> = file_groups(&files).collect();
        assert_eq!(
            groups,
            [&files[0..1], &files[1..2], &files[2..4]],
            "order kept; the large file neither joins nor is joined"
        );
        let many: Vec<PathBuf> = (0..GROUP_FILES + 3).map(|_| files[2].clone()).collect();
        let counts: Vec<usize> = file_groups(&many).map(<[PathBuf]>::len).collect();
        assert_eq!(
            counts,
            [GROUP_FILES, 3],
            "a group of small files is capped by count"
        );
        assert_eq!(file_groups(&[]).count(), 0);
    }

    #[test]
    fn a_story_whose_only_credit_is_its_byline_is_stored_under_that_agency() {
        let dir = tempfile::tempdir().unwrap();
        let story = |byline: &str| {
            format!(
                "Footbridge opens in Lowmere\n\n{byline}\n\nThe fictional town of Lowmere \
                 opened a footbridge over the river on Tuesday, officials said. Residents had \
                 waited nearly a decade for the crossing, {} said.\n",
                byline.len()
            )
        };
        std::fs::write(
            dir.path().join("pa.txt"),
            story("By Harriet Colley, PA Health Correspondent"),
        )
        .unwrap();
        std::fs::write(dir.path().join("own.txt"), story("By Harriet Colley")).unwrap();
        let mut archive = Archive::open_in_memory().unwrap();
        Importer::new()
            .run(&mut archive, &[dir.path().to_path_buf()], |_| {})
            .unwrap();
        let stored = archive
            .list(&super::super::store::ListQuery {
                limit: 10,
                ..Default::default()
            })
            .unwrap();
        let agency = |file: &str| {
            stored
                .iter()
                .find(|s| s.origin.ends_with(file))
                .map(|s| s.agency.clone())
                .unwrap()
        };
        assert_eq!(agency("pa.txt").as_deref(), Some("PA"));
        assert_eq!(
            agency("own.txt"),
            None,
            "a reporter's name alone names no agency"
        );
    }

    #[test]
    fn an_unknown_agency_in_a_dateline_s_brackets_is_the_story_s() {
        assert_eq!(
            dateline_name("LOWMERE, Oct 3 (Vellmar Press) -").as_deref(),
            Some("Vellmar Press")
        );
        assert_eq!(
            dateline_name("LOWMERE, Oct 3 (VNS) -").as_deref(),
            Some("VNS")
        );
        for not_name in [
            "LOWMERE, Oct 3 -",
            "LOWMERE (3 Oct) -",
            "LOWMERE (updated) -",
        ] {
            assert_eq!(dateline_name(not_name), None, "{not_name}");
        }
    }

    #[test]
    fn stories_of_many_files_are_stored_in_file_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut names = Vec::new();
        for i in 0..40 {
            let name = format!("{i:03}.txt");
            std::fs::write(
                dir.path().join(&name),
                format!(
                    "Ferry notice {i}\n\nThe island ferry number {i} will leave the harbour at \
                     dawn on weekday {i}, the operator said in a statement to passengers."
                ),
            )
            .unwrap();
            names.push(name);
        }
        let mut archive = Archive::open_in_memory().unwrap();
        let summary = Importer::new()
            .run(&mut archive, &[dir.path().to_path_buf()], |_| {})
            .unwrap();
        assert_eq!(summary.imported, 40);
        let mut stored = archive
            .list(&super::super::store::ListQuery {
                limit: 100,
                ..Default::default()
            })
            .unwrap();
        stored.reverse();
        let origins: Vec<String> = stored
            .iter()
            .map(|s| {
                Path::new(&s.origin)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(
            origins, names,
            "ids follow the walk's order, parsed in parallel or not"
        );
    }
}
