//! Language detection on a corpus whose language is known: every text of it read the way
//! Wirecheck reads it (a stored story's body as the importer parses it, an article as a check
//! decodes it), and the languages detected counted against the expected one.
//!
//! The corpora of `../shared/corpora` are all English: METER's PA copy and newspaper stories,
//! and Reuters-21578's stories. A text detected as another language is a misdetection; a text
//! with no language (too short, or the model hesitates) is read with the English rules, so it
//! is counted apart, not as wrong.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use wirecheck_core::text::decode::decode;
use wirecheck_core::text::language::{Language, MIN_LETTERS, detect};
use wirecheck_core::{Error, Result, parse_file};

/// What detection gave on one corpus.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageFigures {
    /// The corpus folder.
    pub corpus: PathBuf,
    /// The language every text of the corpus is in.
    pub expected: String,
    /// Texts read.
    pub texts: usize,
    /// Texts per detected language code; `unknown` for none.
    pub detected: BTreeMap<String, usize>,
    /// Texts with no language because they have fewer than [`MIN_LETTERS`] letters.
    pub unknown_short: usize,
    /// Texts with no language although long enough: the model hesitated.
    pub unknown_hesitant: usize,
    /// Texts detected as another language than the expected one: where they are and how they
    /// start.
    pub misdetected: Vec<Misdetection>,
}

/// A text detected as another language than expected.
#[derive(Debug, Clone, Serialize)]
pub struct Misdetection {
    /// The file (and story) it came from.
    pub origin: String,
    /// The language detected.
    pub language: String,
    /// Its first 120 characters.
    pub start: String,
}

/// Detects the language of every text of `dir`: Reuters-21578 (`reut2-*.sgm`) stories, or
/// every `.txt` file under it (METER: the PA copy parsed as an import parses it, the
/// newspaper stories decoded as a check decodes them).
pub fn evaluate_languages(dir: &Path, expected: Language) -> Result<LanguageFigures> {
    let mut figures = LanguageFigures {
        corpus: dir.to_path_buf(),
        expected: expected.code().to_string(),
        texts: 0,
        detected: BTreeMap::new(),
        unknown_short: 0,
        unknown_hesitant: 0,
        misdetected: Vec::new(),
    };
    let mut count = |origin: String, text: &str| {
        figures.texts += 1;
        let found = detect(text);
        let code = found.map_or("unknown", Language::code);
        *figures.detected.entry(code.to_string()).or_default() += 1;
        match found {
            None if letters(text) < MIN_LETTERS => figures.unknown_short += 1,
            None => figures.unknown_hesitant += 1,
            Some(l) if l != expected => figures.misdetected.push(Misdetection {
                origin,
                language: l.code().to_string(),
                start: text.chars().take(120).collect(),
            }),
            Some(_) => {}
        }
    };
    let reuters = std::fs::read_dir(dir)
        .map_err(|e| io(dir, e))?
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().starts_with("reut2-"));
    if reuters {
        for story in wirecheck_core::bench::load_dir(dir)? {
            let body = story.body();
            if !body.trim().is_empty() {
                count(format!("reuters:{}", story.newid), &body);
            }
        }
        return Ok(figures);
    }
    let mut files = Vec::new();
    collect_txt(dir, &mut files)?;
    files.sort();
    for path in files {
        let bytes = std::fs::read(&path).map_err(|e| io(&path, e))?;
        let origin = path.display().to_string();
        let wire = path.components().any(|c| c.as_os_str() == "PA");
        if wire {
            // As the importer stores it: each story's body.
            if let Ok(stories) = parse_file(&bytes, &origin) {
                for story in stories {
                    count(origin.clone(), &story.body);
                }
            }
        } else {
            count(origin, &decode(&bytes).text);
        }
    }
    Ok(figures)
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn letters(text: &str) -> usize {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .take(MIN_LETTERS)
        .count()
}

fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
        let path = entry.map_err(|e| io(dir, e))?.path();
        if path.is_dir() {
            collect_txt(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_each_text_and_lists_the_misdetected() {
        let dir = tempfile::tempdir().unwrap();
        let english = "The ferry company said on Monday that the crossing to the island would \
                       reopen in June after repairs to the harbour wall damaged by storms.";
        let french = "La compagnie de ferries a annoncé lundi que la traversée vers l'île \
                      reprendrait en juin après la réparation de la digue du port.";
        let news = dir.path().join("newspapers");
        std::fs::create_dir_all(&news).unwrap();
        std::fs::write(news.join("a.txt"), english).unwrap();
        std::fs::write(news.join("b.txt"), french).unwrap();
        std::fs::write(news.join("c.txt"), "Ferry back").unwrap();
        std::fs::write(news.join("notes.md"), french).unwrap();
        let figures = evaluate_languages(dir.path(), Language::English).unwrap();
        assert_eq!(figures.texts, 3, "only .txt files are read");
        assert_eq!(figures.detected.get("en"), Some(&1));
        assert_eq!(figures.unknown_short, 1, "two words are too short to tell");
        assert_eq!(figures.misdetected.len(), 1);
        assert_eq!(figures.misdetected[0].language, "fr");
        assert!(figures.misdetected[0].origin.ends_with("b.txt"));
    }
}
