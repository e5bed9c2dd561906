//! The wire archive: an SQLite file of stored stories with a full-text index and a fingerprint
//! index, and the importers that fill it.

pub mod backup;
pub mod dump;
pub mod history;
pub mod import;
pub mod importer;
mod migrations;
mod postings;
pub mod prune;
pub mod settings;
pub mod store;
pub mod verify;
pub mod watched;

use std::path::PathBuf;

pub use store::StoryFormat;

/// A story parsed from a file, before it is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewStory {
    /// The headline; empty when the source had none.
    pub headline: String,
    /// The story text, paragraphs separated by a blank line.
    pub body: String,
    /// The agency as given by metadata, canonical or not (canonicalized on insert).
    pub agency: Option<String>,
    /// The byline ("By Jane Doe").
    pub byline: Option<String>,
    /// The dateline ("WASHINGTON, May 8 (Reuters) -").
    pub dateline: Option<String>,
    /// When the story was first created, ISO 8601 where it could be parsed, else as found.
    pub published: Option<String>,
    /// When this version was created, ISO 8601 where it could be parsed, else as found.
    pub version_created: Option<String>,
    /// An identifier given by the source (NewsML guid, NITF doc-id, JSON `id`).
    pub external_id: Option<String>,
    /// Where the story came from: the path or URI, exactly as given.
    pub origin: String,
    /// The format it was read from.
    pub format: StoryFormat,
}

/// The default archive file, in the platform data directory; the desktop app and the CLI share
/// it. `None` when the platform has no home directory.
pub fn default_archive_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Wirecheck", "wirecheck")
        .map(|dirs| dirs.data_dir().join("archive.sqlite"))
}
