//! The Wirecheck engine as the Python module `wirecheck`: an adapter that converts types and
//! errors and calls `wirecheck-core`, with no matching logic of its own.
//!
//! Besides the archive ([`archive::Archive`]) and `compare`, it gives a distributed job (the
//! Spark audit in `spark/`) the engine's own pieces: the fingerprints the archive stores, what
//! a check looks up, the rule that picks candidates, and the comparison with given candidates,
//! down to the `results.jsonl` line and `summary.csv` row an audit writes.

use std::collections::HashMap;

use pyo3::prelude::*;
use serde::Deserialize;
use wirecheck_core as core;

mod archive;
mod convert;

use pyo3::types::PyDict;

use convert::{ArchiveError, InputError, WirecheckError, error, from_py, to_py};

/// A candidate story given by the caller: the fields of `wirecheck export` (and of
/// `Archive.stories()`); only `id` and `body` are required, unknown keys are ignored.
#[derive(Deserialize)]
struct GivenStory {
    id: i64,
    body: String,
    #[serde(default)]
    headline: String,
    #[serde(default)]
    agency: Option<String>,
    #[serde(default)]
    byline: Option<String>,
    #[serde(default)]
    dateline: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    version_created: Option<String>,
    #[serde(default)]
    external_id: Option<String>,
    #[serde(default)]
    origin: Option<String>,
    #[serde(default)]
    imported_at: Option<String>,
    #[serde(default)]
    language: Option<String>,
}

impl GivenStory {
    fn story(self) -> core::Story {
        let mut story = core::Story::given(
            self.id,
            core::NewStory {
                headline: self.headline,
                body: self.body,
                agency: self.agency,
                byline: self.byline,
                dateline: self.dateline,
                published: self.published,
                version_created: self.version_created,
                external_id: self.external_id,
                origin: self.origin.unwrap_or_default(),
                ..core::NewStory::default()
            },
            self.imported_at.unwrap_or_default(),
        );
        if self.language.is_some() {
            story.language = self.language;
        }
        story
    }
}

fn given_stories(stories: &Bound<'_, PyAny>) -> PyResult<Vec<core::Story>> {
    let given: Vec<GivenStory> = from_py(stories, "the candidate stories")?;
    Ok(given.into_iter().map(GivenStory::story).collect())
}

/// Compares an article with one wire story given beside it (text, HTML, NITF, NewsML or
/// legacy wire text) and returns the report of ``wirecheck compare --json``. The story's agency
/// is read from it unless ``agency`` is given. No archive is opened.
#[pyfunction]
#[pyo3(signature = (article, source, agency=None, **options))]
fn compare<'py>(
    py: Python<'py>,
    article: &str,
    source: &str,
    agency: Option<String>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = convert::options(options)?.check()?;
    let report = py
        .detach(|| {
            core::compare(
                article.as_bytes(),
                source.as_bytes(),
                agency.as_deref(),
                &options,
            )
        })
        .map_err(error)?;
    to_py(py, &report)
}

/// The fingerprints the archive's index stores for a story with this body (sorted, distinct,
/// signed 64-bit), made with the rules of ``language`` (an ISO 639-1 code as stored with the
/// story), or of the language detected in the body.
#[pyfunction]
#[pyo3(signature = (text, language=None))]
fn fingerprints(py: Python<'_>, text: &str, language: Option<String>) -> Vec<i64> {
    py.detach(|| core::story_fingerprints(text, language.as_deref()))
}

/// What a check of the article looks up: ``{"fingerprints": [...], "words": n,
/// "query_words": [...]}`` (its fingerprints, boilerplate left out; its length in words, which
/// scales retrieval's caps; the words of the full-text path, in order).
#[pyfunction]
fn article_keys<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let options = core::CheckOptions::default();
    let keys = py
        .detach(|| core::article_keys(text, &options))
        .map_err(error)?;
    to_py(py, &keys)
}

/// The distinct terms of a story in the archive's full-text index (lower case, diacritics
/// removed), sorted.
#[pyfunction]
fn full_text_terms(py: Python<'_>, headline: &str, body: &str) -> Vec<String> {
    py.detach(|| core::full_text_terms(headline, body))
}

/// A word as the full-text index stores and matches it (lower case, diacritics removed): the
/// key on which a job joins an article's ``query_words`` with ``full_text_terms``.
#[pyfunction]
fn full_text_term(word: &str) -> String {
    core::full_text_term(word)
}

/// The engine's retrieval rule: the ids a check of an article of ``words`` words compares, in
/// order. ``shared`` holds ``(story_id, count)`` pairs, each story once, counting only
/// fingerprints held by at most ``MAX_POSTINGS`` stories of the archive; ``query_words`` are
/// the article's (``article_keys``); ``rare_postings`` maps a full-text term to the ids of the
/// stories holding it (a list cut after ``RARE_MAX_STORIES + 1`` ids is enough).
#[pyfunction]
#[pyo3(signature = (words, shared, query_words=Vec::new(), rare_postings=HashMap::new()))]
fn pick_candidates(
    py: Python<'_>,
    words: usize,
    shared: Vec<(i64, usize)>,
    query_words: Vec<String>,
    rare_postings: HashMap<String, Vec<i64>>,
) -> PyResult<Vec<i64>> {
    let options = core::RetrieveOptions::default();
    py.detach(|| {
        core::pick_candidates(
            words,
            shared,
            &query_words,
            |term| rare_postings.get(term).cloned().unwrap_or_default(),
            &options,
        )
    })
    .map_err(error)
}

/// Compares an article with the candidate stories given (dicts with at least ``id`` and
/// ``body``; the other fields of ``Archive.stories()`` are used when present) and returns the
/// report ``Archive.check`` gives when retrieval proposes exactly these stories, in this order,
/// and ``rare_postings`` maps each full-text term to the ids of the stories holding it, as
/// ``pick_candidates`` takes it (the verdict asks how many of the article's rare words the
/// source holds; without it, it does without).
#[pyfunction]
#[pyo3(signature = (article, stories, rare_postings=HashMap::new(), **options))]
fn compare_candidates<'py>(
    py: Python<'py>,
    article: &str,
    stories: &Bound<'py, PyAny>,
    rare_postings: HashMap<String, Vec<i64>>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = convert::options(options)?.check()?;
    let stories = given_stories(stories)?;
    let postings = |term: &str| rare_postings.get(term).cloned().unwrap_or_default();
    let report = py
        .detach(|| core::compare_with_candidates(article, stories, postings, &options))
        .map_err(error)?;
    to_py(py, &report)
}

/// What a check of an audit's JSON Lines record (``id``, ``url``, ``published``, ``text`` or
/// ``html``) looks up, as ``article_keys``; ``None`` when the record cannot be checked (its
/// ``record_line`` says why).
#[pyfunction]
#[pyo3(signature = (line, **options))]
fn record_keys<'py>(
    py: Python<'py>,
    line: &str,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let options = convert::options(options)?.audit()?;
    let keys = py.detach(|| core::record_keys(line.as_bytes(), &options));
    keys.map(|k| to_py(py, &k)).transpose()
}

/// The line of ``results.jsonl`` that ``wirecheck audit`` writes for the JSON Lines record
/// ``line`` read from ``input`` (e.g. ``"articles.jsonl:17"``) when retrieval proposes exactly
/// ``stories`` and ``rare_postings`` lists the stories holding each full-text term (as
/// ``pick_candidates`` takes it), its end of line included.
#[pyfunction]
#[pyo3(signature = (line, input, stories, rare_postings=HashMap::new(), **options))]
fn record_line<'py>(
    py: Python<'py>,
    line: &str,
    input: &str,
    stories: &Bound<'py, PyAny>,
    rare_postings: HashMap<String, Vec<i64>>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<String> {
    let options = convert::options(options)?.audit()?;
    let stories = given_stories(stories)?;
    let postings = |term: &str| rare_postings.get(term).cloned().unwrap_or_default();
    let bytes = py
        .detach(|| core::record_line(line.as_bytes(), input, stories, postings, &options))
        .map_err(error)?;
    String::from_utf8(bytes).map_err(|e| WirecheckError::new_err(e.to_string()))
}

/// The row of ``summary.csv`` (``wirecheck audit``) for one line of ``results.jsonl``, as a
/// dict whose keys are the columns in order.
#[pyfunction]
fn summary_row<'py>(py: Python<'py>, line: &str) -> PyResult<Bound<'py, PyAny>> {
    let row = core::SummaryRow::from_result_line(line.as_bytes())
        .map_err(|e| InputError::new_err(format!("not a result line: {e}")))?;
    to_py(py, &row)
}

/// The Wirecheck engine: checks, comparisons, and the pieces of a distributed audit.
#[pymodule]
fn wirecheck(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("WirecheckError", py.get_type::<WirecheckError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("ArchiveError", py.get_type::<ArchiveError>())?;
    let retrieve = core::RetrieveOptions::default();
    m.add("MAX_POSTINGS", retrieve.max_postings)?;
    m.add("RARE_MAX_STORIES", retrieve.rare_max_stories)?;
    let columns: Vec<String> = match core::SummaryRow::from_result_line(b"{}") {
        Ok(row) => match to_py(py, &row)?.cast_into::<pyo3::types::PyDict>() {
            Ok(dict) => dict.keys().extract()?,
            Err(_) => Vec::new(),
        },
        Err(_) => Vec::new(),
    };
    m.add("SUMMARY_COLUMNS", columns)?;
    m.add_class::<archive::Archive>()?;
    m.add_class::<archive::Stories>()?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(fingerprints, m)?)?;
    m.add_function(wrap_pyfunction!(article_keys, m)?)?;
    m.add_function(wrap_pyfunction!(full_text_terms, m)?)?;
    m.add_function(wrap_pyfunction!(full_text_term, m)?)?;
    m.add_function(wrap_pyfunction!(pick_candidates, m)?)?;
    m.add_function(wrap_pyfunction!(compare_candidates, m)?)?;
    m.add_function(wrap_pyfunction!(record_keys, m)?)?;
    m.add_function(wrap_pyfunction!(record_line, m)?)?;
    m.add_function(wrap_pyfunction!(summary_row, m)?)?;
    Ok(())
}
