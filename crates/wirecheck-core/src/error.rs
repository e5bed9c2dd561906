//! The one error type of the core.

use std::path::PathBuf;

/// Everything that can go wrong in the engine or the archive.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The archive file exists but is not an SQLite database.
    #[error("{} is not a Wirecheck archive (not an SQLite database)", path.display())]
    NotAnArchive {
        /// The archive path.
        path: PathBuf,
    },
    /// The archive was written by a newer Wirecheck.
    #[error(
        "{} was written by a newer Wirecheck (schema version {found}, this build knows up to {known}); upgrade Wirecheck to open it",
        path.display()
    )]
    NewerSchema {
        /// The archive path.
        path: PathBuf,
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this build knows.
        known: i64,
    },
    /// The archive is locked by another writer for longer than the busy timeout.
    #[error("the archive is busy (another import is writing to it); try again in a moment")]
    Busy,
    /// An SQLite error.
    #[error("archive error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A schema migration failed.
    #[error("archive migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// The article has no words to check.
    #[error("the article is empty")]
    EmptyArticle,
    /// The input is larger than the engine accepts.
    #[error("the input is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// No story with this id is stored.
    #[error("no story with id {0}")]
    StoryNotFound(i64),
    /// An input file could not be parsed.
    #[error("malformed {format}: {message}")]
    Malformed {
        /// The format that was expected.
        format: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The input is of a kind Wirecheck does not read.
    #[error("unsupported input: {0}")]
    Unsupported(String),
    /// No saved check with this id.
    #[error("no saved check with id {0}")]
    CheckNotFound(i64),
    /// A value given by the user is not acceptable; the message says why, for the user.
    #[error("{0}")]
    Invalid(String),
}

/// The result type of the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Whether another process held the archive for longer than the busy timeout: worth
    /// retrying, not a damaged archive.
    pub fn is_busy(&self) -> bool {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked};
        match self {
            Error::Busy => true,
            Error::Sqlite(e) => {
                matches!(e.sqlite_error_code(), Some(DatabaseBusy | DatabaseLocked))
            }
            _ => false,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
