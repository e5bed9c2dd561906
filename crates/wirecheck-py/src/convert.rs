//! Between Python and the core: exceptions for the core's errors, keyword options as the core's
//! options, and the core's serde types as Python objects (the same shapes as the CLI's JSON).

use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;
use pyo3::{PyErr, create_exception};
use serde::Deserialize;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wirecheck_core::{AuditOptions, CheckOptions, Error, Preset, Settings};

create_exception!(
    wirecheck,
    WirecheckError,
    PyException,
    "An error of the Wirecheck engine; the message is the engine's."
);
create_exception!(
    wirecheck,
    InputError,
    WirecheckError,
    "The input cannot be checked: empty, too large, unreadable, or an option out of range."
);
create_exception!(
    wirecheck,
    ArchiveError,
    WirecheckError,
    "The archive cannot be opened, read or written (missing, not an archive, newer, busy)."
);

/// The core's error as the Python exception of its kind, with the core's message.
pub fn error(e: Error) -> PyErr {
    let message = e.to_string();
    match e {
        Error::EmptyArticle
        | Error::TooLarge { .. }
        | Error::Malformed { .. }
        | Error::Unsupported(_)
        | Error::Invalid(_) => InputError::new_err(message),
        Error::Io { .. }
        | Error::NotAnArchive { .. }
        | Error::NewerSchema { .. }
        | Error::Busy
        | Error::Sqlite(_)
        | Error::Migration(_) => ArchiveError::new_err(message),
        _ => WirecheckError::new_err(message),
    }
}

/// A Rust value as the Python object its JSON loads as: the very JSON the CLI prints
/// (`serde_json`), read by Python's `json`, so that a report is the `--json` schema exactly
/// (arrays are lists, never tuples).
pub fn to_py<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_string(value).map_err(|e| WirecheckError::new_err(e.to_string()))?;
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS.import(py, "json", "loads")?.call1((json,))
}

/// A Python object read as a Rust value; a wrong shape is an [`InputError`] saying what.
pub fn from_py<T: DeserializeOwned>(value: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    pythonize::depythonize(value).map_err(|e| InputError::new_err(format!("{what}: {e}")))
}

/// The options of a check, as `wirecheck check` takes them on its command line: the keyword
/// arguments of every checking function (an unknown keyword is refused by name).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {
    pub preset: Option<String>,
    pub min_words: Option<usize>,
    pub before: Option<String>,
    pub exclude_agencies: Option<Vec<String>>,
    pub exclude_sources: Option<Vec<i64>>,
    pub before_from_article: Option<bool>,
}

/// The options given as keyword arguments (`**options`).
pub fn options(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    match kwargs {
        Some(kwargs) => from_py(kwargs.as_any(), "options"),
        None => Ok(Options::default()),
    }
}

impl Options {
    /// The core's options: the settings a user would save (checked as the app checks them),
    /// and `before` as `--before`.
    pub fn check(&self) -> PyResult<CheckOptions> {
        let preset = match self.preset.as_deref() {
            None | Some("standard") => Preset::Standard,
            Some("strict") => Preset::Strict,
            Some("lenient") => Preset::Lenient,
            Some(other) => {
                return Err(InputError::new_err(format!(
                    "unknown preset {other:?}: strict, standard or lenient"
                )));
            }
        };
        let defaults = Settings::default();
        let settings = Settings {
            preset,
            min_passage_words: self.min_words.unwrap_or(defaults.min_passage_words),
            exclude_agencies: self.exclude_agencies.clone().unwrap_or_default(),
            exclude_sources: self.exclude_sources.clone().unwrap_or_default(),
            ..defaults
        };
        settings.validate().map_err(error)?;
        let mut options = settings.check_options();
        options.published_before = self.before.clone();
        Ok(options)
    }

    /// The options of an audit whose every check runs with these.
    pub fn audit(&self) -> PyResult<AuditOptions> {
        Ok(AuditOptions {
            check: self.check()?,
            before_from_article: self.before_from_article.unwrap_or(false),
            ..AuditOptions::default()
        })
    }
}
