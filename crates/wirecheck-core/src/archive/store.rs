//! The archive file: opening, storing, listing, searching and removing stories.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{
    Connection, ErrorCode, OptionalExtension, Row, Transaction, TransactionBehavior, params,
};
use serde::{Deserialize, Serialize};

use super::{NewStory, migrations, postings};
use crate::index::fingerprint;
use crate::text::language::{self, Language};
use crate::text::{Token, tokenize_in};
use crate::{Error, Result};

/// The format a story was read from.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StoryFormat {
    /// Plain text.
    #[default]
    Plain,
    /// An HTML page.
    Html,
    /// IPTC NITF XML.
    Nitf,
    /// IPTC NewsML-G2 XML.
    NewsMl,
    /// JSON Lines.
    JsonLines,
    /// Legacy wire text (control characters, `<` line ends, page headers).
    Wire,
}

impl StoryFormat {
    /// The name stored in the archive and shown to users.
    pub fn as_str(self) -> &'static str {
        match self {
            StoryFormat::Plain => "plain",
            StoryFormat::Html => "html",
            StoryFormat::Nitf => "nitf",
            StoryFormat::NewsMl => "newsml",
            StoryFormat::JsonLines => "jsonl",
            StoryFormat::Wire => "wire",
        }
    }
}

impl StoryFormat {
    fn from_str(name: &str) -> StoryFormat {
        match name {
            "html" => StoryFormat::Html,
            "nitf" => StoryFormat::Nitf,
            "newsml" => StoryFormat::NewsMl,
            "jsonl" => StoryFormat::JsonLines,
            "wire" => StoryFormat::Wire,
            _ => StoryFormat::Plain,
        }
    }
}

/// The id of a story that is in no archive: the wire story given to
/// [`compare`](crate::compare), and kept with a saved comparison.
pub const UNSTORED_STORY_ID: i64 = 0;

/// A stored story, or the story a comparison was given (then its id is [`UNSTORED_STORY_ID`]).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Story {
    /// The id in the archive; [`UNSTORED_STORY_ID`] for a story that is in none.
    pub id: i64,
    /// The agency, canonical name, or `None` when unknown.
    pub agency: Option<String>,
    /// The headline (may be empty).
    pub headline: String,
    /// The byline.
    pub byline: Option<String>,
    /// The dateline.
    pub dateline: Option<String>,
    /// When the story was first created.
    pub published: Option<String>,
    /// When this version was created.
    pub version_created: Option<String>,
    /// The identifier given by the source.
    pub external_id: Option<String>,
    /// Where the story was imported from, exactly as given.
    pub origin: String,
    /// The format it was read from.
    pub format: StoryFormat,
    /// The story text; passages' source offsets point into it.
    pub body: String,
    /// Number of words in the body.
    pub words: i64,
    /// When it was imported (UTC, ISO 8601); empty for a story that is in no archive.
    pub imported_at: String,
    /// The language of the body, an ISO 639-1 code (`fr`); `None` when too short to tell.
    pub language: Option<String>,
}

impl Story {
    /// A story read from a file or a paste that is not stored: id [`UNSTORED_STORY_ID`], its
    /// words counted as an import would count them.
    pub(crate) fn unstored(story: NewStory) -> Story {
        Story::given(UNSTORED_STORY_ID, story, String::new())
    }

    /// A story held outside the archive (a Spark job's table of exported stories) with the id
    /// and import time it has there; its words and language are made as an import makes them.
    pub fn given(id: i64, story: NewStory, imported_at: String) -> Story {
        let language = language::detect(&story.body);
        Story {
            id,
            words: i64::try_from(tokenize_in(&story.body, language).len()).unwrap_or(i64::MAX),
            language: language::code_of(language),
            agency: story.agency,
            headline: story.headline,
            byline: story.byline,
            dateline: story.dateline,
            published: story.published,
            version_created: story.version_created,
            external_id: story.external_id,
            origin: story.origin,
            format: story.format,
            body: story.body,
            imported_at,
        }
    }

    /// Whether the story is in an archive (a story given to a comparison is not).
    pub fn is_stored(&self) -> bool {
        self.id != UNSTORED_STORY_ID
    }

    /// The story as an import would give it, to store it.
    pub(crate) fn to_new_story(&self) -> NewStory {
        NewStory {
            headline: self.headline.clone(),
            body: self.body.clone(),
            agency: self.agency.clone(),
            byline: self.byline.clone(),
            dateline: self.dateline.clone(),
            published: self.published.clone(),
            version_created: self.version_created.clone(),
            external_id: self.external_id.clone(),
            origin: self.origin.clone(),
            format: self.format,
        }
    }
}

/// A line of a listing or a search result.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StorySummary {
    /// The id in the archive.
    pub id: i64,
    /// The agency, canonical name, or `None` when unknown.
    pub agency: Option<String>,
    /// The headline (may be empty).
    pub headline: String,
    /// When the story was first created.
    pub published: Option<String>,
    /// Where it was imported from.
    pub origin: String,
    /// Number of words in the body.
    pub words: i64,
    /// For search results, the matching words in context, marked with `[` and `]`.
    pub snippet: Option<String>,
    /// The language of the body, an ISO 639-1 code; `None` when unknown.
    pub language: Option<String>,
}

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    /// Only stories of this agency (canonical name).
    pub agency: Option<String>,
    /// Only stories in this language (ISO 639-1 code, `fr`).
    pub language: Option<String>,
    /// Most rows returned; 0 means 100.
    pub limit: usize,
    /// Rows skipped.
    pub offset: usize,
}

/// What happened to one story given to [`Archive::insert`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    /// Stored under this id.
    Inserted(i64),
    /// The same story was already stored under this id.
    Duplicate(i64),
}

/// A story ready to store: its metadata, resolved agency, and the index entries.
#[derive(Debug, Clone)]
pub(crate) struct IndexedStory {
    pub story: NewStory,
    pub content_hash: [u8; 16],
    pub fingerprints: Vec<i64>,
    pub words: usize,
    /// The detected language of the body.
    pub language: Option<Language>,
}

impl IndexedStory {
    /// Detects the language of `story`, then tokenizes and fingerprints it with its rules.
    pub fn new(story: NewStory) -> Self {
        let language = language::detect(&story.body);
        let tokens = tokenize_in(&story.body, language);
        IndexedStory {
            content_hash: fingerprint::content_hash(&tokens),
            fingerprints: fingerprint::fingerprints(&tokens),
            words: tokens.len(),
            language,
            story,
        }
    }
}

/// The words of a stored story, read with the rules of its stored language: the words its
/// fingerprints were made from.
pub(crate) fn story_tokens(body: &str, language: Option<&str>) -> Vec<Token> {
    tokenize_in(body, Language::of_code(language))
}

/// The wire archive: one SQLite file shared by the CLI and the desktop app.
pub struct Archive {
    pub(super) conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive").field("path", &self.path).finish()
    }
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// How much of the file a read-only connection maps by default (SQLite's own ceiling is just
/// under 2 GiB); beyond it pages are read as usual.
const READ_ONLY_MMAP_BYTES: i64 = 2 << 30;
/// The page cache of a read-only connection, in KiB (SQLite's negative `cache_size`): the
/// pages read beyond the map are kept here.
const READ_ONLY_CACHE_KIB: i64 = 16 << 10;
pub(super) const STORY_COLUMNS: &str = "id, agency, headline, byline, dateline, published, version_created, \
                             external_id, origin, format, body, words, imported_at, language";

impl Archive {
    /// Opens the archive at `path`, creating it (and its folder) if needed, and brings its
    /// schema up to date. Refuses a file that is not SQLite or was written by a newer Wirecheck.
    pub fn open(path: impl AsRef<Path>) -> Result<Archive> {
        let path = path.as_ref().to_path_buf();
        check_is_sqlite(&path)?;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        let conn = Connection::open(&path).map_err(|e| classify_open_error(&path, e))?;
        Archive::setup(conn, path)
    }

    /// Opens an existing, up-to-date archive for reading only (a worker of an audit: many
    /// readers of one file, none of which may write). Unlike [`Archive::open`] it never creates
    /// the file, migrates it or rebuilds its index: an archive that is missing, not SQLite, of
    /// another schema version or fingerprinted with another scheme is an error. Open it once
    /// with [`Archive::open`] first to bring it up to date.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Archive> {
        Archive::open_read_only_mapping(path, READ_ONLY_MMAP_BYTES as u64)
    }

    /// [`Archive::open_read_only`], mapping at most `map_bytes` of the file (0: none). Mapped
    /// pages are shared with every other reader of the file through the OS's cache, but count
    /// in this process's resident memory once per connection that touched them; without a map
    /// the connection reads pages into its own small cache (an audit's workers, by default:
    /// as fast with two jobs at a million stories, in a fortieth of the memory;
    /// `docs/benchmarks.md`).
    pub fn open_read_only_mapping(path: impl AsRef<Path>, map_bytes: u64) -> Result<Archive> {
        use rusqlite::OpenFlags;
        let path = path.as_ref().to_path_buf();
        if !path.is_file() {
            return Err(Error::io(
                &path,
                std::io::Error::new(std::io::ErrorKind::NotFound, "no archive file here"),
            ));
        }
        check_is_sqlite(&path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn =
            Connection::open_with_flags(&path, flags).map_err(|e| classify_open_error(&path, e))?;
        conn.busy_timeout(Duration::from_secs(30))?;
        conn.pragma_update(None, "cache_size", -READ_ONLY_CACHE_KIB)?;
        // With a map, pages are read in place rather than copied into the connection's cache.
        // Each connection's cache is its own (`.cargo/config.toml`), so readers on several
        // threads do not wait on each other either way.
        let map = i64::try_from(map_bytes)
            .unwrap_or(READ_ONLY_MMAP_BYTES)
            .min(READ_ONLY_MMAP_BYTES);
        conn.pragma_update(None, "mmap_size", map)?;
        let found: i64 = conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|e| classify_open_error(&path, e))?;
        let known = migrations::latest_version();
        if found > known {
            return Err(Error::NewerSchema { path, found, known });
        }
        let scheme: Option<String> = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'fingerprint_scheme'",
                [],
                |r| r.get(0),
            )
            .optional()
            .ok()
            .flatten();
        if found < known || scheme.as_deref() != Some(fingerprint::SCHEME) {
            return Err(Error::Invalid(format!(
                "{} must be brought up to date before it is read by several workers \
                 (open it once for writing, e.g. with `wirecheck info`)",
                path.display()
            )));
        }
        Ok(Archive { conn, path })
    }

    /// An archive in memory, for tests and one-off checks.
    pub fn open_in_memory() -> Result<Archive> {
        Archive::setup(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    fn setup(mut conn: Connection, path: PathBuf) -> Result<Archive> {
        conn.busy_timeout(Duration::from_secs(30))?;
        // A file that only looks like SQLite fails here, on the first read.
        let journal = set_wal_journal(&conn).map_err(|e| classify_open_error(&path, e))?;
        tracing::debug!(journal, "opened archive");
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Up to 64 MiB of page cache (allocated only as pages are read): the posting and
        // full-text indexes of a large archive are read at random.
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
        let known = migrations::latest_version();
        if found > known {
            return Err(Error::NewerSchema { path, found, known });
        }
        let mut attempt = 0;
        while let Err(error) = migrations::migrations().to_latest(&mut conn) {
            // Another connection (the app's other commands, or the CLI) may be migrating the
            // file at the same moment; our transaction then failed and rolled back. Wait for
            // its write to end (an immediate transaction waits out the busy timeout), then: if
            // the file is now current, that is success; if not, try again.
            conn.execute_batch("BEGIN IMMEDIATE; COMMIT;")?;
            let now: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
            if now == known {
                break;
            }
            attempt += 1;
            if attempt >= 3 {
                return Err(error.into());
            }
        }
        let mut archive = Archive { conn, path };
        archive.check_index_scheme()?;
        Ok(archive)
    }

    /// The file this archive lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A transaction that takes the write lock at its start. A deferred transaction that reads
    /// first and writes later fails at once with SQLITE_BUSY, busy timeout or not, when
    /// another process committed in between (its snapshot is stale); taking the lock first
    /// makes concurrent writers wait their turn instead.
    pub(crate) fn write_transaction(&mut self) -> Result<Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    /// Rebuilds the fingerprint index when it was made with another scheme than this build's.
    fn check_index_scheme(&mut self) -> Result<()> {
        let stored: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'fingerprint_scheme'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if stored.as_deref() == Some(fingerprint::SCHEME) {
            return Ok(());
        }
        let tx = self.write_transaction()?;
        if stored.is_some() {
            tracing::info!("fingerprint scheme changed; rebuilding the index");
            postings::rebuild(&tx)?;
        }
        tx.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('fingerprint_scheme', ?1)",
            params![fingerprint::SCHEME],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Stores `stories` in one transaction: all of them or, on error, none.
    pub(crate) fn insert_batch(&mut self, stories: &[IndexedStory]) -> Result<Vec<InsertOutcome>> {
        let tx = self.write_transaction()?;
        let mut outcomes = Vec::with_capacity(stories.len());
        {
            let mut find = tx.prepare_cached("SELECT id FROM stories WHERE content_hash = ?1")?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO stories (content_hash, agency, headline, byline, dateline, published, \
                 version_created, external_id, origin, format, body, words, language) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?;
            // The batch's postings go in after its stories, as one run of the index.
            let mut pairs: Vec<(i64, i64)> = Vec::new();
            for indexed in stories {
                let hash = &indexed.content_hash[..];
                if let Some(id) = find.query_row(params![hash], |r| r.get(0)).optional()? {
                    outcomes.push(InsertOutcome::Duplicate(id));
                    continue;
                }
                let s = &indexed.story;
                insert.execute(params![
                    hash,
                    s.agency,
                    s.headline,
                    s.byline,
                    s.dateline,
                    s.published,
                    s.version_created,
                    s.external_id,
                    s.origin,
                    s.format.as_str(),
                    s.body,
                    indexed.words as i64,
                    language::code_of(indexed.language),
                ])?;
                let id = tx.last_insert_rowid();
                pairs.extend(indexed.fingerprints.iter().map(|&fp| (fp, id)));
                outcomes.push(InsertOutcome::Inserted(id));
            }
            postings::add(&tx, &mut pairs)?;
        }
        tx.commit()?;
        Ok(outcomes)
    }

    /// Stores one story (agency as given, canonicalized by the caller).
    pub fn insert(&mut self, story: NewStory) -> Result<InsertOutcome> {
        let outcome = self.insert_batch(&[IndexedStory::new(story)])?;
        outcome
            .into_iter()
            .next()
            .ok_or(Error::Unsupported("empty batch".into()))
    }

    /// The story with this id.
    pub fn get(&self, id: i64) -> Result<Story> {
        read_story(&self.conn, id)?.ok_or(Error::StoryNotFound(id))
    }

    /// The stories with these ids that exist, in the order given.
    pub fn get_many(&self, ids: &[i64]) -> Result<Vec<Story>> {
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            match self.get(id) {
                Ok(story) => out.push(story),
                Err(Error::StoryNotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    /// Stories, newest import first.
    pub fn list(&self, query: &ListQuery) -> Result<Vec<StorySummary>> {
        let limit = if query.limit == 0 { 100 } else { query.limit } as i64;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, agency, headline, published, origin, words, language FROM stories \
             WHERE (?1 IS NULL OR agency = ?1) AND (?4 IS NULL OR language = ?4) \
             ORDER BY id DESC LIMIT ?2 OFFSET ?3",
        )?;
        let rows = stmt.query_map(
            params![query.agency, limit, query.offset as i64, query.language],
            summary_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Number of stored stories.
    pub fn count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM stories", [], |r| r.get(0))?)
    }

    /// Number of stories per language (`None`: unknown), most first.
    pub fn counts_by_language(&self) -> Result<Vec<(Option<String>, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT language, count(*) AS n FROM stories GROUP BY language \
             ORDER BY n DESC, language",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Number of stories per agency (`None`: unknown agency), most first.
    pub fn counts_by_agency(&self) -> Result<Vec<(Option<String>, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT agency, count(*) AS n FROM stories GROUP BY agency ORDER BY n DESC, agency",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Full-text search over headline and body. Every word of `query` must occur; the words are
    /// quoted, so FTS5 operators in user text are taken literally.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<StorySummary>> {
        self.search_in(query, None, limit)
    }

    /// [`Archive::search`] among the stories in `language` (ISO 639-1 code) only, or all of
    /// them for `None`.
    pub fn search_in(
        &self,
        query: &str,
        language: Option<&str>,
        limit: usize,
    ) -> Result<Vec<StorySummary>> {
        let Some(fts_query) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.agency, s.headline, s.published, s.origin, s.words, s.language, \
             snippet(stories_fts, 1, '[', ']', '…', 12) \
             FROM stories_fts JOIN stories s ON s.id = stories_fts.rowid \
             WHERE stories_fts MATCH ?1 AND (?3 IS NULL OR s.language = ?3) \
             ORDER BY rank LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![fts_query, limit.max(1) as i64, language], |row| {
            let mut summary = summary_from_row(row)?;
            summary.snippet = row.get(7)?;
            Ok(summary)
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Removes a story and its index entries (a saved check citing it keeps a copy).
    pub fn remove(&mut self, id: i64) -> Result<()> {
        let tx = self.write_transaction()?;
        if super::prune::delete_stories(&tx, &[id])?.stories == 0 {
            return Err(Error::StoryNotFound(id));
        }
        tx.commit()?;
        Ok(())
    }

    /// Merges the indexes after an import, so that lookups during a check read few places.
    /// After a large import the fingerprint index's runs but the largest become one and the
    /// full-text index is merged whole; after a small one (a watched folder's file) only the
    /// fingerprint runs' own tier merges have run, which keep their number small without
    /// rewriting a large run every few seconds, and a bounded full-text merge is done.
    pub(crate) fn tidy_indexes(&mut self, imported: usize) -> Result<()> {
        if imported >= 1000 {
            let tx = self.write_transaction()?;
            postings::settle(&tx)?;
            tx.commit()?;
        }
        if imported >= 1000 {
            self.conn.execute(
                "INSERT INTO stories_fts (stories_fts) VALUES ('optimize')",
                [],
            )?;
        } else if imported > 0 {
            self.conn.execute(
                "INSERT INTO stories_fts (stories_fts, rank) VALUES ('merge', 500)",
                [],
            )?;
        }
        // Fold the write-ahead log into the file so the archive's size on disk is its real
        // size (the pages the merge freed stay in the file and are reused by later imports).
        // Readers holding old pages make the checkpoint partial, which is harmless.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Up to `limit` ids of the stories whose headline or body holds `word` (a lower-case
    /// word, matched as one full-text term). Reads at most `limit` entries of the term's
    /// posting list, however common the word.
    pub(crate) fn stories_with_word(&self, word: &str, limit: usize) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?1 LIMIT ?2")?;
        let Some(term) = fts_query(word) else {
            return Ok(Vec::new());
        };
        let rows = stmt.query_map(params![term, limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Runs `read` inside one read transaction. A check makes hundreds of small queries (one
    /// per fingerprint); outside a transaction each one takes and drops SQLite's WAL read lock
    /// (file locks and a stat each time), inside one they share a single snapshot and lock.
    pub(crate) fn in_read_transaction<T>(&self, read: impl FnOnce() -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            // A read that panicked (caught by the caller) left its transaction open.
            self.conn.execute_batch("ROLLBACK")?;
        }
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let result = read();
        // Nothing was written: ending the transaction only releases the snapshot.
        let end = self.conn.execute_batch("COMMIT");
        let value = result?;
        end?;
        Ok(value)
    }

    /// The ids of the stories holding fingerprint `hash`, or `None` when more than `limit`
    /// stories hold it.
    pub(crate) fn postings(&self, hash: i64, limit: usize) -> Result<Option<Vec<i64>>> {
        postings::lookup(&self.conn, hash, limit)
    }
}

/// Builds an FTS5 query from user text: every word must occur. The text is cut into the
/// words the full-text index holds (letters and digits; FTS5's `unicode61` tokenizer also cuts
/// at punctuation and combining marks) and each is double-quoted, so `NEAR`, `*`, `:` or `"`
/// typed by a user cannot change the query's meaning or fail to parse. The index keeps no word
/// positions (`detail=none`), so a quoted run of several words, a phrase, would be refused:
/// "U.S." is searched as "U" and "S", "l'île" as "l" and "île".
fn fts_query(user: &str) -> Option<String> {
    let terms: Vec<String> = user
        .split(|c: char| !c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

fn check_is_sqlite(path: &Path) -> Result<()> {
    let mut header = [0u8; 16];
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(path, e)),
    };
    let n = file.read(&mut header).map_err(|e| Error::io(path, e))?;
    if n == 0 || &header == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(Error::NotAnArchive {
            path: path.to_path_buf(),
        })
    }
}

/// Puts the file in WAL mode (a setting kept in the file) and returns the mode now in force.
///
/// Switching a new file to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY at once,
/// without calling the busy handler, when another connection opening the same new file holds a
/// shared lock at that moment (a deadlock guard). The app opens the archive from several
/// commands at start-up, so this waits and tries again for as long as the busy timeout would.
fn set_wal_journal(conn: &Connection) -> rusqlite::Result<String> {
    let current: String = conn.pragma_query_value(None, "journal_mode", |row| row.get(0))?;
    if current.eq_ignore_ascii_case("wal") {
        return Ok(current);
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let mut pause = Duration::from_millis(2);
    loop {
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0)) {
            Err(e)
                if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            result => return result,
        }
    }
}

fn classify_open_error(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Error::NotAnArchive {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Busy,
        _ => Error::Sqlite(e),
    }
}

/// The story with this id, read on `conn` (a connection or a transaction), if stored.
pub(super) fn read_story(conn: &Connection, id: i64) -> Result<Option<Story>> {
    let sql = format!("SELECT {STORY_COLUMNS} FROM stories WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(params![id], story_from_row)
        .optional()?)
}

pub(super) fn story_from_row(row: &Row<'_>) -> rusqlite::Result<Story> {
    let format: String = row.get(9)?;
    Ok(Story {
        id: row.get(0)?,
        agency: row.get(1)?,
        headline: row.get(2)?,
        byline: row.get(3)?,
        dateline: row.get(4)?,
        published: row.get(5)?,
        version_created: row.get(6)?,
        external_id: row.get(7)?,
        origin: row.get(8)?,
        format: StoryFormat::from_str(&format),
        body: row.get(10)?,
        words: row.get(11)?,
        imported_at: row.get(12)?,
        language: row.get(13)?,
    })
}

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<StorySummary> {
    Ok(StorySummary {
        id: row.get(0)?,
        agency: row.get(1)?,
        headline: row.get(2)?,
        published: row.get(3)?,
        origin: row.get(4)?,
        words: row.get(5)?,
        snippet: None,
        language: row.get(6)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(headline: &str, body: &str) -> NewStory {
        NewStory {
            headline: headline.into(),
            body: body.into(),
            agency: Some("Reuters".into()),
            origin: format!("test:{headline}"),
            ..NewStory::default()
        }
    }

    const BODY: &str = "The harbour board voted on Tuesday to buy six electric tugs from a Finnish \
                        yard, replacing a diesel fleet that has served the port since the 1990s.";

    fn postings_count(archive: &Archive) -> i64 {
        postings::count(&archive.conn)
    }

    const FRENCH_BODY: &str = "Le conseil du port a voté mardi l'achat de six remorqueurs \
                               électriques à un chantier finlandais, pour remplacer une flotte \
                               diesel en service depuis les années 1990.";

    #[test]
    fn each_story_gets_its_language_and_listings_filter_by_it() {
        let mut archive = Archive::open_in_memory().unwrap();
        let InsertOutcome::Inserted(en) = archive.insert(story("Tugs", BODY)).unwrap() else {
            panic!("stored");
        };
        let InsertOutcome::Inserted(fr) =
            archive.insert(story("Remorqueurs", FRENCH_BODY)).unwrap()
        else {
            panic!("stored");
        };
        let short = archive.insert(story("Brief", "Tugs bought.")).unwrap();
        assert_eq!(archive.get(en).unwrap().language.as_deref(), Some("en"));
        assert_eq!(archive.get(fr).unwrap().language.as_deref(), Some("fr"));
        let InsertOutcome::Inserted(short) = short else {
            panic!("stored");
        };
        assert_eq!(
            archive.get(short).unwrap().language,
            None,
            "two words are too few to tell a language"
        );

        let listed = |language: Option<&str>| -> Vec<i64> {
            let query = ListQuery {
                language: language.map(str::to_string),
                ..ListQuery::default()
            };
            archive.list(&query).unwrap().iter().map(|s| s.id).collect()
        };
        assert_eq!(listed(Some("fr")), [fr]);
        assert_eq!(listed(Some("en")), [en]);
        assert_eq!(listed(None).len(), 3);
        let found: Vec<i64> = archive
            .search_in("diesel", Some("fr"), 10)
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(
            found,
            [fr],
            "search keeps only the French story that has the word"
        );
        assert_eq!(archive.search("diesel", 10).unwrap().len(), 2);
        assert_eq!(
            archive.counts_by_language().unwrap(),
            [
                (None, 1),
                (Some("en".to_string()), 1),
                (Some("fr".to_string()), 1)
            ]
        );
    }

    #[test]
    fn removing_a_french_story_removes_the_postings_of_its_french_words() {
        let mut archive = Archive::open_in_memory().unwrap();
        let InsertOutcome::Inserted(id) =
            archive.insert(story("Remorqueurs", FRENCH_BODY)).unwrap()
        else {
            panic!("stored");
        };
        assert!(postings_count(&archive) > 0);
        archive.remove(id).unwrap();
        assert_eq!(postings_count(&archive), 0, "no posting is left behind");
    }

    #[test]
    fn the_same_story_is_stored_once_even_reformatted() {
        let mut archive = Archive::open_in_memory().unwrap();
        let first = archive.insert(story("Tugs", BODY)).unwrap();
        let reflowed = BODY.replace(' ', "\n").replace("Tuesday", "TUESDAY");
        let again = archive
            .insert(story("Tugs (corrected)", &reflowed))
            .unwrap();
        let InsertOutcome::Inserted(id) = first else {
            panic!("first insert stores")
        };
        assert_eq!(
            again,
            InsertOutcome::Duplicate(id),
            "same words, other layout: a duplicate"
        );
        let update = archive
            .insert(story(
                "Tugs",
                &format!("{BODY} The first tug arrives in May."),
            ))
            .unwrap();
        assert!(
            matches!(update, InsertOutcome::Inserted(_)),
            "a new version is a new story"
        );
        assert_eq!(archive.count().unwrap(), 2);
    }

    #[test]
    fn remove_deletes_the_story_its_postings_and_its_search_entry() {
        let mut archive = Archive::open_in_memory().unwrap();
        let InsertOutcome::Inserted(id) = archive.insert(story("Tugs", BODY)).unwrap() else {
            panic!("stored")
        };
        assert!(postings_count(&archive) > 0);
        assert_eq!(archive.search("electric tugs", 10).unwrap().len(), 1);
        archive.remove(id).unwrap();
        assert_eq!(
            postings_count(&archive),
            0,
            "no index entry may outlive its story"
        );
        assert!(archive.search("electric tugs", 10).unwrap().is_empty());
        assert!(matches!(archive.get(id), Err(Error::StoryNotFound(_))));
        assert!(matches!(archive.remove(id), Err(Error::StoryNotFound(_))));
    }

    #[test]
    fn fts_query_quotes_every_term() {
        assert_eq!(
            fts_query("harbour NEAR tugs").as_deref(),
            Some("\"harbour\" \"NEAR\" \"tugs\"")
        );
        assert_eq!(fts_query("say \"hi").as_deref(), Some("\"say\" \"hi\""));
        assert_eq!(
            fts_query("U.S. l'île").as_deref(),
            Some("\"U\" \"S\" \"l\" \"île\""),
            "cut where the full-text index cuts words, never a phrase"
        );
        assert_eq!(fts_query("   "), None);
        let mut archive = Archive::open_in_memory().unwrap();
        archive.insert(story("Tugs", BODY)).unwrap();
        archive
            .insert(story(
                "Ferry",
                "The U.S. ferry to l'île d'Yeu runs hourly from June.",
            ))
            .unwrap();
        assert_eq!(
            archive.search("U.S. l'île", 5).unwrap().len(),
            1,
            "words with points and apostrophes are found"
        );
        assert!(archive.search("U.S. tugs", 5).unwrap().is_empty());
        for hostile in [
            "\"",
            "body:",
            "NEAR(",
            "a OR",
            "*",
            "-tugs",
            "^",
            "a-b",
            "x\u{301}y",
        ] {
            archive
                .search(hostile, 5)
                .unwrap_or_else(|e| panic!("{hostile:?} must not fail: {e}"));
        }
    }

    #[test]
    fn refuses_files_that_are_not_sqlite_and_newer_schemas() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes.sqlite");
        std::fs::write(&notes, "not a database at all, just some notes\n").unwrap();
        assert!(matches!(
            Archive::open(&notes),
            Err(Error::NotAnArchive { .. })
        ));

        let newer = dir.path().join("newer.sqlite");
        drop(Archive::open(&newer).unwrap());
        let conn = Connection::open(&newer).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        drop(conn);
        match Archive::open(&newer) {
            Err(Error::NewerSchema { found: 99, .. }) => {}
            other => panic!("expected NewerSchema, got {other:?}"),
        }
    }

    #[test]
    fn concurrent_first_opens_of_a_new_file_all_succeed() {
        // Regression: the app opens the archive from several commands at start-up; on a new
        // file they raced to create the schema and all but one failed.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fresh.sqlite");
        let results: Vec<Result<()>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..8)
                .map(|_| scope.spawn(|| Archive::open(&path).map(drop)))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for result in results {
            result.expect("every concurrent open succeeds");
        }
        assert_eq!(Archive::open(&path).unwrap().count().unwrap(), 0);
    }

    #[test]
    fn an_insert_waits_for_another_writer_instead_of_failing_busy() {
        // Regression: insert_batch read (duplicate lookup) inside a deferred transaction and
        // then wrote; when another process committed meanwhile, SQLite refused the upgrade
        // with SQLITE_BUSY at once, without waiting: two imports at once failed with
        // "database is locked".
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.sqlite");
        let mut archive = Archive::open(&path).unwrap();
        archive.insert(story("Tugs", BODY)).unwrap();
        let (locked, wait_for_lock) = std::sync::mpsc::channel();
        std::thread::scope(|scope| {
            let path = &path;
            scope.spawn(move || {
                let mut other = Connection::open(path).unwrap();
                let tx = other
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .unwrap();
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES ('other_writer', 'was here')",
                    [],
                )
                .unwrap();
                locked.send(()).unwrap();
                std::thread::sleep(Duration::from_millis(300));
                tx.commit().unwrap();
            });
            wait_for_lock.recv().unwrap();
            let outcome = archive
                .insert(story(
                    "Ferries",
                    "The island ferry will run every hour from June.",
                ))
                .expect("the insert waits for the other writer, then succeeds");
            assert!(matches!(outcome, InsertOutcome::Inserted(_)));
        });
        assert_eq!(archive.count().unwrap(), 2);
    }

    #[test]
    fn a_changed_fingerprint_scheme_rebuilds_the_index() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.sqlite");
        let mut archive = Archive::open(&path).unwrap();
        archive.insert(story("Tugs", BODY)).unwrap();
        let before = postings_count(&archive);
        archive
            .conn
            .execute(
                "UPDATE meta SET value = 'old' WHERE key = 'fingerprint_scheme'",
                [],
            )
            .unwrap();
        archive
            .conn
            .execute_batch("DELETE FROM posting_lists; DELETE FROM posting_runs;")
            .unwrap();
        drop(archive);
        let archive = Archive::open(&path).unwrap();
        assert_eq!(
            postings_count(&archive),
            before,
            "reopening rebuilt the postings"
        );
    }

    #[test]
    fn a_read_only_connection_reads_and_never_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive.sqlite");
        let id = match Archive::open(&path)
            .unwrap()
            .insert(story("Tugs", BODY))
            .unwrap()
        {
            InsertOutcome::Inserted(id) => id,
            other => panic!("a new story is inserted: {other:?}"),
        };
        let mut reader = Archive::open_read_only(&path).unwrap();
        let second = Archive::open_read_only(&path).unwrap();
        assert_eq!(reader.get(id).unwrap().body, BODY);
        assert_eq!(second.count().unwrap(), 1, "several readers share the file");
        assert!(
            reader
                .insert(story("Other", "Some other words here."))
                .is_err(),
            "a read-only connection refuses writes"
        );
        let mapped: i64 = second
            .conn
            .pragma_query_value(None, "mmap_size", |r| r.get(0))
            .unwrap();
        assert!(mapped > 0, "readers share the file's pages through a map");
        let budgeted = Archive::open_read_only_mapping(&path, 1 << 20).unwrap();
        let budget: i64 = budgeted
            .conn
            .pragma_query_value(None, "mmap_size", |r| r.get(0))
            .unwrap();
        assert_eq!(budget, 1 << 20, "a worker maps no more than its share");
        assert_eq!(budgeted.get(id).unwrap().body, BODY, "and reads past it");
        let mut writer = Archive::open(&path).unwrap();
        writer
            .insert(story("Other", "Some other words here."))
            .unwrap();
        assert_eq!(
            second.count().unwrap(),
            2,
            "a mapped reader sees later commits"
        );
    }

    /// The workers of an audit read the archive at the same time; an SQLite built with
    /// ENABLE_MEMORY_MANAGEMENT (the bundled default) makes every connection of the process
    /// share one page cache behind one mutex, and memory statistics take another at every
    /// allocation. `.cargo/config.toml` builds it without both.
    #[test]
    fn sqlite_is_built_without_shared_locks() {
        let archive = Archive::open_in_memory().unwrap();
        let mut stmt = archive.conn.prepare("PRAGMA compile_options").unwrap();
        let options: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(
            options.iter().any(|o| o == "THREADSAFE=1"),
            "connections may be used from several threads: {options:?}"
        );
        assert!(
            !options.iter().any(|o| o == "ENABLE_MEMORY_MANAGEMENT"),
            "each connection keeps its own page cache: {options:?}"
        );
        assert!(
            options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"),
            "no memory statistics behind a global mutex: {options:?}"
        );
    }

    #[test]
    fn a_read_transaction_gives_back_the_value_and_survives_a_panic_inside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive.sqlite");
        Archive::open(&path)
            .unwrap()
            .insert(story("Tugs", BODY))
            .unwrap();
        let reader = Archive::open_read_only(&path).unwrap();
        assert_eq!(reader.in_read_transaction(|| reader.count()).unwrap(), 1);
        let failed: Result<()> = reader.in_read_transaction(|| Err(Error::Invalid("no".into())));
        assert!(failed.is_err(), "the read's error is given back");
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            reader.in_read_transaction(|| -> Result<()> { panic!("a bug") })
        }));
        assert!(panicked.is_err());
        assert_eq!(
            reader.in_read_transaction(|| reader.count()).unwrap(),
            1,
            "the transaction a panic left open is closed before the next"
        );
    }

    #[test]
    fn a_read_only_open_never_creates_or_migrates() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.sqlite");
        assert!(Archive::open_read_only(&missing).is_err());
        assert!(!missing.exists(), "no file is created");

        let not_sqlite = dir.path().join("notes.txt");
        std::fs::write(&not_sqlite, "just some text, not a database").unwrap();
        assert!(matches!(
            Archive::open_read_only(&not_sqlite),
            Err(Error::NotAnArchive { .. })
        ));

        let empty = dir.path().join("empty.sqlite");
        rusqlite::Connection::open(&empty)
            .unwrap()
            .execute_batch("CREATE TABLE t (x);")
            .unwrap();
        let error = Archive::open_read_only(&empty).unwrap_err().to_string();
        assert!(
            error.contains("brought up to date"),
            "an archive of an older schema is not migrated by a reader: {error}"
        );
    }
}
