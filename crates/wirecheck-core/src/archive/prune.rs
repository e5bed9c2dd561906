//! Keeping years of wire: removing the stories published before a date (of one agency or all),
//! with their index entries, and giving the space back to the disk.
//!
//! [`delete_stories`] is the one place that knows what a story leaves in the archive (its row,
//! its fingerprint postings, its full-text row, the saved checks that cite it): `remove` and
//! `prune` both go through it, so a change of the index layout is adapted here once.
//!
//! Space: SQLite keeps the pages a deletion frees inside the file and reuses them for later
//! imports; [`Archive::compact`] (`wirecheck compact`) merges the full-text index and rewrites
//! the file with `VACUUM`, which gives them back to the disk. Incremental auto-vacuum was not
//! chosen: switching an existing archive to it takes that same full `VACUUM` once, it keeps
//! pointer-map pages up to date on every write of every import, and it moves pages without
//! defragmenting them, while a prune is a rare, planned clean-up after which one rewrite is
//! what is wanted.

use std::path::Path;

use std::collections::HashSet;

use rusqlite::{Connection, Transaction, params};
use serde::Serialize;

use super::store::{Archive, read_story, story_tokens};
use crate::index::fingerprint;
use crate::text::dates::Date;
use crate::{Error, Result};

/// Stories deleted per step of a prune: their postings are computed and removed together,
/// sorted by hash, so memory stays bounded however many stories go.
const CHUNK: usize = 5_000;

/// Which stories a prune removes: those published strictly before `before` (a day), of one
/// agency or of all.
///
/// A story's date is its publication date when that is stored as an ISO 8601 date, else the
/// day it was imported (never later than its publication, as far as the archive knows), the
/// rule a check's `--before` uses. Dates are compared as written, time zones ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PruneFilter {
    before: String,
    agency: Option<String>,
}

impl PruneFilter {
    /// A filter from a user's date (`YYYY-MM-DD`) and agency (canonicalized: `reuters` is
    /// Reuters). A date that is not a real day in that form is refused, saying why.
    pub fn new(before: &str, agency: Option<&str>) -> Result<PruneFilter> {
        let before = before.trim();
        if before.len() != 10 || Date::from_iso_prefix(before).is_none() {
            return Err(Error::Invalid(format!(
                "the date {before:?} is not a day written YYYY-MM-DD, 1900 to 2099 (e.g. 2024-01-01)"
            )));
        }
        let agency = agency
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|a| crate::credit::agencies::canonical_agency(a).unwrap_or_else(|| a.to_string()));
        Ok(PruneFilter {
            before: before.to_string(),
            agency,
        })
    }

    /// The day, `YYYY-MM-DD`.
    pub fn before(&self) -> &str {
        &self.before
    }

    /// The agency (canonical name), or `None` for every agency.
    pub fn agency(&self) -> Option<&str> {
        self.agency.as_deref()
    }
}

/// The stories' condition in SQL; `?1` the day, `?2` the agency or NULL.
const MATCHES: &str = "(CASE WHEN published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' \
                       THEN published ELSE imported_at END) < ?1 \
                       AND (?2 IS NULL OR agency = ?2)";

/// What a prune would remove, counted before anything is removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrunePlan {
    /// Stories that would be removed.
    pub stories: u64,
    /// Stories the archive would keep.
    pub remaining: u64,
    /// Of the stories removed, those a saved check cites: kept with the check for History.
    pub cited_by_checks: u64,
    /// The earliest and latest date of the stories removed (as the filter reads them).
    pub oldest: Option<String>,
    /// See `oldest`.
    pub newest: Option<String>,
}

/// What a prune removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PruneSummary {
    /// Stories removed.
    pub stories: u64,
    /// Fingerprint postings removed.
    pub postings: u64,
    /// Full-text rows removed (one per story).
    pub full_text_rows: u64,
    /// Stories kept with the saved checks that cite them (copies, for History).
    pub kept_for_history: u64,
    /// Stories the archive keeps.
    pub remaining: u64,
    /// Bytes now free inside the file (reused by later imports; `compact` gives them back).
    pub free_bytes: u64,
}

/// What a compaction gave back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CompactSummary {
    /// The archive's size on disk before (the file and its write-ahead log), in bytes.
    pub bytes_before: u64,
    /// Its size after.
    pub bytes_after: u64,
    /// `bytes_before - bytes_after`.
    pub bytes_freed: u64,
}

/// What [`delete_stories`] removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Deleted {
    pub stories: u64,
    pub postings: u64,
    pub full_text_rows: u64,
    pub kept_for_history: u64,
}

impl Archive {
    /// Counts what [`Archive::prune`] would remove; changes nothing.
    pub fn prune_plan(&self, filter: &PruneFilter) -> Result<PrunePlan> {
        let sql = format!(
            "SELECT count(*), \
             min(CASE WHEN published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' \
                 THEN published ELSE imported_at END), \
             max(CASE WHEN published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' \
                 THEN published ELSE imported_at END) \
             FROM stories WHERE {MATCHES}"
        );
        let (stories, oldest, newest): (i64, Option<String>, Option<String>) = self
            .conn
            .query_row(&sql, params![filter.before, filter.agency], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        let cited = cited_stories(&self.conn)?;
        let cited = if cited.is_empty() {
            0
        } else {
            let sql = format!("SELECT id FROM stories WHERE {MATCHES}");
            let mut stmt = self.conn.prepare(&sql)?;
            let mut rows = stmt.query(params![filter.before, filter.agency])?;
            let mut n = 0u64;
            while let Some(row) = rows.next()? {
                n += u64::from(cited.contains(&row.get::<_, i64>(0)?));
            }
            n
        };
        let count = to_u64(self.count()?);
        let stories = to_u64(stories);
        Ok(PrunePlan {
            stories,
            remaining: count.saturating_sub(stories),
            cited_by_checks: cited,
            oldest,
            newest,
        })
    }

    /// Removes the stories `filter` selects, their postings and full-text rows, in one
    /// transaction: a failure or a kill leaves the archive as it was. Stories that saved
    /// checks cite are copied into those checks first, so History still shows them.
    pub fn prune(&mut self, filter: &PruneFilter) -> Result<PruneSummary> {
        let tx = self.write_transaction()?;
        let ids: Vec<i64> = {
            let sql = format!("SELECT id FROM stories WHERE {MATCHES} ORDER BY id");
            let mut stmt = tx.prepare(&sql)?;
            let rows = stmt.query_map(params![filter.before, filter.agency], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut deleted = Deleted::default();
        for chunk in ids.chunks(CHUNK) {
            let step = delete_stories(&tx, chunk)?;
            deleted.stories += step.stories;
            deleted.postings += step.postings;
            deleted.full_text_rows += step.full_text_rows;
            deleted.kept_for_history += step.kept_for_history;
        }
        tx.commit()?;
        // The full-text index keeps a deleted row's terms as "delete" entries until its
        // segments are merged; a bounded merge now keeps lookups quick.
        if deleted.stories > 0 {
            self.conn.execute(
                "INSERT INTO stories_fts (stories_fts, rank) VALUES ('merge', 500)",
                [],
            )?;
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(PruneSummary {
            stories: deleted.stories,
            postings: deleted.postings,
            full_text_rows: deleted.full_text_rows,
            kept_for_history: deleted.kept_for_history,
            remaining: to_u64(self.count()?),
            free_bytes: self.free_bytes()?,
        })
    }

    /// Gives the space freed inside the file back to the disk: merges the full-text index
    /// into one segment, rewrites the file with `VACUUM` (one transaction; a kill leaves the
    /// archive as it was) and folds the write-ahead log in. Needs free disk space about the
    /// archive's size while it runs, and waits for other writers.
    pub fn compact(&mut self) -> Result<CompactSummary> {
        let bytes_before = size_on_disk(self.path());
        self.conn.execute(
            "INSERT INTO stories_fts (stories_fts) VALUES ('optimize')",
            [],
        )?;
        self.conn.execute_batch("VACUUM")?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        let bytes_after = size_on_disk(self.path());
        Ok(CompactSummary {
            bytes_before,
            bytes_after,
            bytes_freed: bytes_before.saturating_sub(bytes_after),
        })
    }

    /// Bytes of free pages inside the file.
    pub fn free_bytes(&self) -> Result<u64> {
        let free: i64 = self
            .conn
            .pragma_query_value(None, "freelist_count", |r| r.get(0))?;
        let page: i64 = self
            .conn
            .pragma_query_value(None, "page_size", |r| r.get(0))?;
        Ok(to_u64(free.saturating_mul(page)))
    }
}

/// Removes the stories `ids` and everything they left in the archive, inside `tx`: their
/// fingerprint postings (recomputed from each body, removed together), their full-text
/// rows (the delete trigger), and their rows. A saved check that cites one of them gets a copy
/// of it first (`check_sources`). Ids that are not stored are skipped.
pub(crate) fn delete_stories(tx: &Transaction<'_>, ids: &[i64]) -> Result<Deleted> {
    let cited = cited_stories(tx)?;
    let mut deleted = Deleted::default();
    let mut fingerprints: Vec<(i64, Vec<i64>)> = Vec::new();
    {
        let mut keep = tx.prepare_cached(
            "INSERT OR IGNORE INTO check_sources (check_id, story_id, story) \
             SELECT c.id, ?1, ?2 FROM checks c \
             WHERE c.story IS NULL AND EXISTS (SELECT 1 FROM json_each(c.report, '$.sources') j \
                                               WHERE json_extract(j.value, '$.id') = ?1)",
        )?;
        let mut delete = tx.prepare_cached("DELETE FROM stories WHERE id = ?1")?;
        for &id in ids {
            let Some(story) = read_story(tx, id)? else {
                continue;
            };
            let tokens = story_tokens(&story.body, story.language.as_deref());
            fingerprints.push((id, fingerprint::fingerprints(&tokens)));
            if cited.contains(&id) {
                let json = serde_json::to_string(&story)
                    .map_err(|e| Error::Invalid(format!("story {id} cannot be kept: {e}")))?;
                if keep.execute(params![id, json])? > 0 {
                    deleted.kept_for_history += 1;
                }
            }
            // The `stories_fts_delete` trigger removes its full-text row.
            if delete.execute(params![id])? > 0 {
                deleted.stories += 1;
                deleted.full_text_rows += 1;
            }
        }
    }
    // All at once: each fingerprint's rows are rewritten once for the whole set.
    deleted.postings = super::postings::remove(tx, &fingerprints)?;
    Ok(deleted)
}

/// The ids of the stories saved checks cite (comparisons keep their own story).
fn cited_stories(conn: &Connection) -> Result<HashSet<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT json_extract(j.value, '$.id') FROM checks c, \
         json_each(c.report, '$.sources') j WHERE c.story IS NULL",
    )?;
    let rows = stmt.query_map([], |r| r.get::<_, Option<i64>>(0))?;
    let mut ids = HashSet::new();
    for id in rows {
        ids.extend(id?);
    }
    Ok(ids)
}

/// The archive file and its write-ahead log, in bytes.
fn size_on_disk(path: &Path) -> u64 {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    [path.to_path_buf(), wal.into()]
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::history::tests::checked;
    use crate::archive::settings::Settings;
    use crate::{InsertOutcome, NewStory};

    /// `n` stories of each agency, published on day `1 + i` of May 2024.
    fn dated(dir: &Path, n: usize) -> Archive {
        let mut archive = Archive::open(dir.join("a.sqlite")).unwrap();
        for agency in ["Reuters", "AFP"] {
            for i in 0..n {
                let outcome = archive
                    .insert(NewStory {
                        headline: format!("{agency} harbour report {i}"),
                        body: format!(
                            "Dock workers at berth {i} unloaded {agency} cargo of timber and \
                             copper on a grey morning, the port authority of pier {i} said, \
                             adding that berth {i} would reopen to ferries next week."
                        ),
                        agency: Some(agency.into()),
                        published: Some(format!("2024-05-{:02}T09:00:00Z", 1 + i)),
                        origin: format!("test:{agency}:{i}"),
                        ..NewStory::default()
                    })
                    .unwrap();
                assert!(matches!(outcome, InsertOutcome::Inserted(_)));
            }
        }
        archive
    }

    fn table_count(archive: &Archive, table: &str) -> i64 {
        archive
            .conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    /// The (fingerprint, story) postings in the index, over all its runs.
    fn posting_count(archive: &Archive) -> i64 {
        let mut n = 0;
        crate::archive::postings::for_each(&archive.conn, |_, _| n += 1).unwrap();
        n
    }

    #[test]
    fn the_plan_counts_what_the_prune_then_removes_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let mut archive = dated(dir.path(), 10);
        let postings_before = posting_count(&archive);
        let filter = PruneFilter::new("2024-05-04", Some("reuters")).unwrap();
        assert_eq!(
            filter.agency(),
            Some("Reuters"),
            "the agency is canonicalized"
        );
        let plan = archive.prune_plan(&filter).unwrap();
        assert_eq!(plan.stories, 3, "May 1-3 of Reuters: {plan:?}");
        assert_eq!(plan.remaining, 17);
        assert_eq!(plan.oldest.as_deref(), Some("2024-05-01T09:00:00Z"));
        assert_eq!(plan.newest.as_deref(), Some("2024-05-03T09:00:00Z"));
        assert_eq!(
            table_count(&archive, "stories"),
            20,
            "a plan changes nothing"
        );

        let summary = archive.prune(&filter).unwrap();
        assert_eq!(summary.stories, 3);
        assert_eq!(summary.full_text_rows, 3);
        assert_eq!(summary.remaining, 17);
        assert_eq!(
            summary.postings as i64,
            postings_before - posting_count(&archive),
            "the postings reported are the postings gone"
        );
        assert!(summary.postings > 0);
        assert_eq!(table_count(&archive, "stories_fts_docsize"), 17);
        assert!(
            archive.verify(|_, _| {}).unwrap().ok(),
            "no orphan index entry"
        );
        assert!(
            archive
                .search("Reuters harbour report 1", 5)
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            archive.search("AFP harbour report 1", 5).unwrap().len(),
            1,
            "the other agency's story of the same day stays"
        );
        assert_eq!(
            archive.prune_plan(&filter).unwrap().stories,
            0,
            "nothing is left to prune"
        );
    }

    #[test]
    fn the_day_itself_is_kept_and_undated_stories_go_by_their_import_day() {
        let dir = tempfile::tempdir().unwrap();
        let mut archive = dated(dir.path(), 3);
        archive
            .insert(NewStory {
                headline: "Undated".into(),
                body: "A story whose date is written in words, as some feeds write it, \
                       arrived at the desk this morning without an ISO date."
                    .into(),
                published: Some("08/05/2024".into()),
                origin: "test:undated".into(),
                ..NewStory::default()
            })
            .unwrap();
        let plan = |day: &str| {
            archive
                .prune_plan(&PruneFilter::new(day, None).unwrap())
                .unwrap()
                .stories
        };
        assert_eq!(plan("2024-05-02"), 2, "only May 1, of both agencies");
        assert_eq!(
            plan("2024-06-01"),
            6,
            "a date not in ISO form is not read as one: the story was imported today"
        );
        assert_eq!(plan("2099-01-01"), 7, "imported before 2099");
    }

    #[test]
    fn dates_that_are_not_days_are_refused() {
        for bad in [
            "yesterday",
            "2024-13-01",
            "2024-02-30",
            "2024-5-1",
            "2024-05-01T10:00",
            "",
        ] {
            let error = PruneFilter::new(bad, None).unwrap_err().to_string();
            assert!(error.contains("YYYY-MM-DD"), "{bad:?}: {error}");
        }
        assert!(
            PruneFilter::new(" 2024-02-29 ", None).is_ok(),
            "a leap day is a day"
        );
    }

    #[test]
    fn a_failed_prune_leaves_the_archive_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let mut archive = dated(dir.path(), 8);
        let before = (
            table_count(&archive, "stories"),
            posting_count(&archive),
            table_count(&archive, "stories_fts_docsize"),
        );
        // The sixth story's deletion fails, after five were deleted in the transaction.
        archive
            .conn
            .execute_batch(
                "CREATE TEMP TRIGGER fail BEFORE DELETE ON stories WHEN old.id = 6 \
                 BEGIN SELECT RAISE(ABORT, 'disk gone'); END",
            )
            .unwrap();
        let error = archive
            .prune(&PruneFilter::new("2030-01-01", None).unwrap())
            .unwrap_err();
        assert!(error.to_string().contains("disk gone"), "{error}");
        let after = (
            table_count(&archive, "stories"),
            posting_count(&archive),
            table_count(&archive, "stories_fts_docsize"),
        );
        assert_eq!(after, before, "nothing was removed");
        assert!(archive.verify(|_, _| {}).unwrap().ok());
    }

    #[test]
    fn a_pruned_source_of_a_saved_check_is_kept_with_the_check() {
        let (mut archive, tide, orchard, report) = checked();
        let saved = archive.save_check(&report, &Settings::default()).unwrap();
        let tide_story = archive.get(tide).unwrap();
        let filter = PruneFilter::new("2099-01-01", Some("Reuters")).unwrap();
        assert_eq!(archive.prune_plan(&filter).unwrap().cited_by_checks, 1);
        let summary = archive.prune(&filter).unwrap();
        assert_eq!((summary.stories, summary.kept_for_history), (1, 1));
        assert!(
            archive.get(tide).is_err(),
            "the story is gone from the archive"
        );

        let loaded = archive.load_check(saved.id).unwrap();
        let shown = archive.stories_of(&loaded).unwrap();
        assert_eq!(
            shown.iter().map(|s| s.id).collect::<Vec<_>>(),
            loaded
                .report
                .sources
                .iter()
                .map(|s| s.id)
                .collect::<Vec<_>>(),
            "History still shows every source beside the article"
        );
        assert_eq!(
            shown.iter().find(|s| s.id == tide),
            Some(&tide_story),
            "as it was when checked"
        );
        assert_eq!(
            shown
                .iter()
                .find(|s| s.id == orchard)
                .unwrap()
                .agency
                .as_deref(),
            Some("AFP")
        );

        // A story imported later under the pruned story's id is not shown in its place.
        archive
            .insert(NewStory {
                headline: "Unrelated".into(),
                body: "The town council approved a new car park beside the railway station.".into(),
                origin: "test:new".into(),
                ..NewStory::default()
            })
            .unwrap();
        let shown = archive.stories_of(&loaded).unwrap();
        assert_eq!(shown.iter().find(|s| s.id == tide), Some(&tide_story));

        // Deleting the check deletes its copies.
        archive.delete_check(saved.id).unwrap();
        assert_eq!(table_count(&archive, "check_sources"), 0);
    }

    #[test]
    fn remove_keeps_a_cited_story_for_history_too() {
        let (mut archive, tide, _, report) = checked();
        let saved = archive.save_check(&report, &Settings::default()).unwrap();
        archive.remove(tide).unwrap();
        let loaded = archive.load_check(saved.id).unwrap();
        assert!(
            archive
                .stories_of(&loaded)
                .unwrap()
                .iter()
                .any(|s| s.id == tide)
        );
        assert!(archive.verify(|_, _| {}).unwrap().ok());
    }

    #[test]
    fn compact_gives_the_freed_pages_back_to_the_disk() {
        let dir = tempfile::tempdir().unwrap();
        let mut archive = dated(dir.path(), 28);
        for i in 0..400 {
            archive
                .insert(NewStory {
                    headline: format!("Old bulletin {i}"),
                    body: format!(
                        "Bulletin {i}: the river authority measured the water level at gauge \
                         {i} and found it {} centimetres above the seasonal mean, with more \
                         rain expected over the hills of district {i} before the weekend.",
                        i * 3
                    ),
                    published: Some("2019-01-01".into()),
                    origin: format!("test:old:{i}"),
                    ..NewStory::default()
                })
                .unwrap();
        }
        let summary = archive
            .prune(&PruneFilter::new("2020-01-01", None).unwrap())
            .unwrap();
        assert_eq!(summary.stories, 400);
        assert!(
            summary.free_bytes > 0,
            "the pages freed stay in the file: {summary:?}"
        );
        let compacted = archive.compact().unwrap();
        assert!(
            compacted.bytes_after < compacted.bytes_before,
            "the file shrank: {compacted:?}"
        );
        assert_eq!(
            compacted.bytes_after,
            std::fs::metadata(dir.path().join("a.sqlite"))
                .unwrap()
                .len(),
            "the log was folded in"
        );
        assert_eq!(archive.free_bytes().unwrap(), 0);
        assert_eq!(archive.count().unwrap(), 56);
        assert!(archive.verify(|_, _| {}).unwrap().ok());
    }
}
