//! `results.jsonl` after a kill: a partial last line cut, and the set of articles it already
//! holds, so that the same audit run again does only the rest.
//!
//! Every line is written whole with one write, so a kill can leave at most one partial line,
//! the last. An article is known by its id, or by the hash of its content when it has none;
//! the set keeps a 128-bit hash of that key (16 bytes an article, whatever the ids' length).

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Seek, SeekFrom};
use std::path::Path;

use serde::Deserialize;

use crate::{Error, Result};

/// An article's key in the set of done articles.
pub(super) type Key = u128;

/// The key of an article with this id, else this content hash; `None` with neither.
pub(super) fn key(id: Option<&str>, content_hash: Option<&str>) -> Option<Key> {
    let (tag, value) = match (id, content_hash) {
        (Some(id), _) => (b"id\0", id),
        (None, Some(hash)) => (b"ch\0", hash),
        (None, None) => return None,
    };
    let mut bytes = Vec::with_capacity(3 + value.len());
    bytes.extend_from_slice(tag);
    bytes.extend_from_slice(value.as_bytes());
    Some(xxhash_rust::xxh3::xxh3_128(&bytes))
}

/// The fields of a result line that say which article it is.
#[derive(Deserialize)]
pub(super) struct Identity {
    pub id: Option<String>,
    pub content_hash: Option<String>,
}

/// `results.jsonl` as found.
#[derive(Debug, Default)]
pub(super) struct Resumed {
    /// The articles it holds.
    pub done: HashSet<Key>,
    /// Its whole lines.
    pub lines: usize,
    /// Bytes of a partial last line cut off.
    pub repaired_bytes: u64,
}

/// Opens (or creates) the results file for appending, locked against a second audit writing
/// to it at the same time, after cutting a partial last line; returns it with what it holds.
pub(super) fn open(path: &Path) -> Result<(File, Resumed)> {
    let io = |e| Error::io(path, e);
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Err(Error::Invalid(format!(
                "another audit is writing to {}; wait for it to finish",
                path.display()
            )));
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
    }
    let mut resumed = Resumed::default();
    let mut whole_end = 0u64;
    let mut reader = BufReader::with_capacity(256 * 1024, &file);
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = reader.read_until(b'\n', &mut line).map_err(io)?;
        if n == 0 {
            break;
        }
        if line.last() != Some(&b'\n') {
            // The partial line a kill left mid-write; nothing follows it.
            resumed.repaired_bytes = n as u64;
            break;
        }
        whole_end += n as u64;
        resumed.lines += 1;
        if let Ok(found) = serde_json::from_slice::<Identity>(&line)
            && let Some(key) = key(found.id.as_deref(), found.content_hash.as_deref())
        {
            resumed.done.insert(key);
        }
    }
    drop(reader);
    if resumed.repaired_bytes > 0 {
        file.set_len(whole_end).map_err(io)?;
    }
    file.seek(SeekFrom::End(0)).map_err(io)?;
    Ok((file, resumed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_partial_last_line_is_cut_and_whole_lines_are_known() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("results.jsonl");
        std::fs::write(
            &path,
            "{\"id\":\"a\",\"content_hash\":\"1\"}\n{\"id\":null,\"content_hash\":\"2\"}\n{\"id\":\"c\",\"deri",
        )
        .unwrap();
        let (mut file, resumed) = open(&path).unwrap();
        assert_eq!(resumed.lines, 2);
        assert_eq!(resumed.repaired_bytes, "{\"id\":\"c\",\"deri".len() as u64);
        assert!(resumed.done.contains(&key(Some("a"), None).unwrap()));
        assert!(
            resumed.done.contains(&key(None, Some("2")).unwrap()),
            "without an id, the content hash"
        );
        assert!(!resumed.done.contains(&key(Some("c"), None).unwrap()));
        file.write_all(b"{\"id\":\"c\"}\n").unwrap();
        drop(file);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "{\"id\":\"a\",\"content_hash\":\"1\"}\n{\"id\":null,\"content_hash\":\"2\"}\n{\"id\":\"c\"}\n",
            "the next line follows the last whole one"
        );
    }

    #[test]
    fn an_id_and_a_hash_of_the_same_text_are_different_keys() {
        assert_ne!(key(Some("x"), None), key(None, Some("x")));
        assert_eq!(
            key(Some("x"), Some("1")),
            key(Some("x"), Some("2")),
            "the id decides"
        );
        assert_eq!(key(None, None), None);
    }

    #[test]
    fn a_second_audit_of_the_same_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("results.jsonl");
        let (_first, _) = open(&path).unwrap();
        let error = open(&path).unwrap_err().to_string();
        assert!(error.contains("another audit"), "{error}");
    }
}
