//! The error every command returns: `{ code, message }`, with a small stable set of codes the UI
//! can branch on.

use serde::Serialize;
use ts_rs::TS;
use wirecheck_core::Error;

/// What kind of failure, for the UI to choose how to show it.
#[derive(Debug, Clone, Copy, Serialize, TS, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request was invalid (an empty paste, an oversized input, a bad setting).
    InvalidInput,
    /// The story or check asked for does not exist.
    NotFound,
    /// Another process (an import in the CLI) holds the archive; try again shortly.
    ArchiveBusy,
    /// The archive file cannot be used (not an archive, from a newer Wirecheck, damaged).
    ArchiveError,
    /// A file could not be read or written.
    Io,
    /// Anything else: a bug.
    Internal,
}

/// A command's error, as the UI receives it.
#[derive(Debug, Clone, Serialize, TS, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// The kind of failure.
    pub code: ErrorCode,
    /// One sentence for the user.
    pub message: String,
}

impl AppError {
    pub fn invalid(message: impl Into<String>) -> Self {
        AppError {
            code: ErrorCode::InvalidInput,
            message: message.into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        AppError {
            code: ErrorCode::Internal,
            message: message.into(),
        }
    }
}

impl From<Error> for AppError {
    fn from(error: Error) -> Self {
        let code = match &error {
            e if e.is_busy() => ErrorCode::ArchiveBusy,
            Error::EmptyArticle
            | Error::TooLarge { .. }
            | Error::Malformed { .. }
            | Error::Unsupported(_)
            | Error::Invalid(_) => ErrorCode::InvalidInput,
            Error::StoryNotFound(_) | Error::CheckNotFound(_) => ErrorCode::NotFound,
            Error::NotAnArchive { .. }
            | Error::NewerSchema { .. }
            | Error::Sqlite(_)
            | Error::Migration(_) => ErrorCode::ArchiveError,
            Error::Io { .. } => ErrorCode::Io,
            _ => ErrorCode::Internal,
        };
        let message = match code {
            ErrorCode::ArchiveBusy => {
                "The archive is busy: another import (perhaps in the command line) is writing to it. Try again in a moment.".to_string()
            }
            _ => error.to_string(),
        };
        AppError { code, message }
    }
}

/// The result type of commands.
pub type CmdResult<T> = Result<T, AppError>;
