//! `wirecheck.Archive`: one archive file, checked from many threads at once.
//!
//! A check reads through a read-only connection taken from a pool (one per thread that is
//! checking at the moment, opened when first needed), so threads check in parallel with the
//! GIL released; imports write through the one read-write connection.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use pyo3::prelude::*;
use wirecheck_core as core;

use pyo3::types::PyDict;

use crate::convert::{self, ArchiveError, error, to_py};

/// The connections of one archive file.
struct Connections {
    path: PathBuf,
    writer: Mutex<core::Archive>,
    readers: Mutex<Vec<core::Archive>>,
}

fn lock<T>(mutex: &Mutex<T>) -> PyResult<MutexGuard<'_, T>> {
    mutex
        .lock()
        .map_err(|_| ArchiveError::new_err("the archive connection was poisoned by a crash"))
}

impl Connections {
    /// Runs `read` with a read-only connection of the pool (opened when none is free).
    fn read<T>(&self, read: impl FnOnce(&core::Archive) -> core::Result<T>) -> PyResult<T> {
        let free = lock(&self.readers)?.pop();
        let reader = match free {
            Some(reader) => reader,
            None => core::Archive::open_read_only(&self.path).map_err(error)?,
        };
        let result = read(&reader);
        lock(&self.readers)?.push(reader);
        result.map_err(error)
    }
}

/// A Wirecheck archive: an SQLite file of wire stories, as the CLI and the app open it.
///
/// ``Archive(path)`` opens the file, creating it (and migrating an older one) when needed.
/// Its methods may be called from many threads at once: checks run in parallel, without the
/// GIL.
#[pyclass(module = "wirecheck", frozen)]
pub struct Archive {
    connections: Arc<Connections>,
}

#[pymethods]
impl Archive {
    #[new]
    fn new(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let writer = py.detach(|| core::Archive::open(&path)).map_err(error)?;
        let path = writer.path().to_path_buf();
        Ok(Archive {
            connections: Arc::new(Connections {
                path,
                writer: Mutex::new(writer),
                readers: Mutex::new(Vec::new()),
            }),
        })
    }

    /// The archive file's path.
    #[getter]
    fn path(&self) -> PathBuf {
        self.connections.path.clone()
    }

    /// Checks an article (plain text, or pasted HTML) against the archive and returns the
    /// report as a dict: the schema of ``wirecheck check --json`` (without its ``input``).
    /// Options, as keywords: ``preset`` (strict, standard, lenient), ``min_words``,
    /// ``before`` (ISO 8601 date), ``exclude_agencies``, ``exclude_sources``.
    #[pyo3(signature = (text, **options))]
    fn check<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = convert::options(options)?.check()?;
        let connections = &self.connections;
        let report =
            py.detach(|| connections.read(|archive| core::check_text(archive, text, &options)))?;
        to_py(py, &report)
    }

    /// Imports files and folders (recursively) in any format the CLI imports, and returns the
    /// summary of ``wirecheck import --json`` as a dict. ``agency`` names the agency of stories
    /// that do not say.
    #[pyo3(signature = (paths, agency=None))]
    fn import_paths<'py>(
        &self,
        py: Python<'py>,
        paths: Vec<PathBuf>,
        agency: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let importer = core::Importer::new().agency(agency).map_err(error)?;
        let connections = &self.connections;
        let summary = py.detach(|| -> PyResult<_> {
            let mut writer = lock(&connections.writer)?;
            importer.run(&mut writer, &paths, |_| {}).map_err(error)
        })?;
        to_py(py, &summary)
    }

    /// Every stored story, in id order, as dicts (the fields of ``wirecheck export``).
    fn stories(&self) -> Stories {
        Stories {
            connections: Arc::clone(&self.connections),
            after: 0,
            page: VecDeque::new(),
        }
    }

    /// The number of stored stories.
    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        let connections = &self.connections;
        let count = py.detach(|| connections.read(core::Archive::count))?;
        Ok(usize::try_from(count).unwrap_or(0))
    }

    fn __repr__(&self) -> String {
        format!("wirecheck.Archive({:?})", self.connections.path)
    }
}

/// The stories of an archive, read a page at a time.
#[pyclass(module = "wirecheck")]
pub struct Stories {
    connections: Arc<Connections>,
    after: i64,
    page: VecDeque<core::Story>,
}

/// Stories read from the archive at a time.
const PAGE: usize = 256;

#[pymethods]
impl Stories {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        if self.page.is_empty() {
            let (connections, after) = (&self.connections, self.after);
            let page = py.detach(|| connections.read(|a| a.stories_after(after, PAGE)))?;
            self.page.extend(page);
        }
        let Some(story) = self.page.pop_front() else {
            return Ok(None);
        };
        self.after = story.id;
        to_py(py, &story).map(Some)
    }
}
