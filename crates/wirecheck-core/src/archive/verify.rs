//! Checking an archive's integrity and the consistency of its indexes, and rebuilding the
//! indexes from the stored stories.

use std::collections::HashMap;

use serde::Serialize;

use super::migrations;
use super::postings;
use super::store::Archive;
use super::store::story_tokens;
use crate::Result;
use crate::index::fingerprint;

/// Most problems listed per check; the count says how many there were.
const MAX_DETAILS: usize = 10;

/// One check of [`Archive::verify`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyCheck {
    /// What was checked: `schema`, `integrity`, `full_text`, `postings`.
    pub name: &'static str,
    /// Whether it passed.
    pub ok: bool,
    /// What was found, in one line.
    pub detail: String,
    /// The first problems found, if any.
    pub problems: Vec<String>,
}

/// The outcome of [`Archive::verify`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    /// Stories in the archive.
    pub stories: i64,
    /// The checks, in the order they ran.
    pub checks: Vec<VerifyCheck>,
    /// Stories whose fingerprint postings are missing in part or whole.
    pub stories_missing_postings: u64,
    /// Stories with postings their body does not produce.
    pub stories_with_extra_postings: u64,
    /// Postings of stories that are not stored.
    pub orphan_postings: u64,
    /// Stories without a full-text row.
    pub stories_missing_full_text: u64,
}

impl VerifyReport {
    /// Whether every check passed.
    pub fn ok(&self) -> bool {
        self.checks.iter().all(|c| c.ok)
    }
}

/// What [`Archive::repair`] rebuilt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RepairSummary {
    /// Stories re-indexed.
    pub stories: u64,
    /// Fingerprint postings written.
    pub postings: u64,
}

impl Archive {
    /// Checks the archive: the schema version, SQLite's `integrity_check`, the full-text index
    /// against the stories, and every story's fingerprint postings against the fingerprints
    /// recomputed from its body (all stories, no sampling). `on_progress(done, total)` is
    /// called as stories are checked. Only reads; a damaged archive is reported, not an error.
    pub fn verify(&self, mut on_progress: impl FnMut(u64, u64)) -> Result<VerifyReport> {
        // Unknown (-1) when the stories table itself cannot be read.
        let stories: i64 = self.count().unwrap_or(-1);
        let mut report = VerifyReport {
            stories,
            checks: Vec::new(),
            stories_missing_postings: 0,
            stories_with_extra_postings: 0,
            orphan_postings: 0,
            stories_missing_full_text: 0,
        };
        // A damaged file can make a check fail to run at all; that is a failed check to
        // report, with the others, not an error that hides them.
        let schema = self.check_schema();
        report.checks.push(or_failed("schema", schema));
        let integrity = self.check_integrity();
        report.checks.push(or_failed("integrity", integrity));
        let full_text = self.check_full_text(&mut report);
        report.checks.push(or_failed("full_text", full_text));
        let postings = self.check_postings(&mut report, &mut on_progress);
        report.checks.push(or_failed("postings", postings));
        Ok(report)
    }

    fn check_schema(&self) -> Result<VerifyCheck> {
        let found: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        let known = migrations::latest_version();
        Ok(VerifyCheck {
            name: "schema",
            ok: found == known,
            detail: format!("version {found} (this build: {known})"),
            problems: Vec::new(),
        })
    }

    fn check_integrity(&self) -> Result<VerifyCheck> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check(100)")?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let ok = rows.len() == 1 && rows.first().is_some_and(|r| r == "ok");
        Ok(VerifyCheck {
            name: "integrity",
            ok,
            detail: if ok {
                "PRAGMA integrity_check: ok".into()
            } else {
                format!("PRAGMA integrity_check: {} problems", rows.len())
            },
            problems: if ok {
                Vec::new()
            } else {
                rows.into_iter().take(MAX_DETAILS).collect()
            },
        })
    }

    fn check_full_text(&self, report: &mut VerifyReport) -> Result<VerifyCheck> {
        let mut problems = Vec::new();
        // With rank 1, FTS5 also compares the index with the external content (the stories).
        if let Err(e) = self.conn.execute(
            "INSERT INTO stories_fts (stories_fts, rank) VALUES ('integrity-check', 1)",
            [],
        ) {
            problems.push(format!("FTS5 integrity-check: {e}"));
        }
        let missing: i64 = self.conn.query_row(
            "SELECT count(*) FROM stories WHERE id NOT IN (SELECT id FROM stories_fts_docsize)",
            [],
            |r| r.get(0),
        )?;
        let extra: i64 = self.conn.query_row(
            "SELECT count(*) FROM stories_fts_docsize WHERE id NOT IN (SELECT id FROM stories)",
            [],
            |r| r.get(0),
        )?;
        report.stories_missing_full_text = u64::try_from(missing).unwrap_or(0);
        if missing > 0 {
            problems.push(format!("{missing} stories have no full-text row"));
        }
        if extra > 0 {
            problems.push(format!("{extra} full-text rows belong to no story"));
        }
        Ok(VerifyCheck {
            name: "full_text",
            ok: problems.is_empty(),
            detail: if problems.is_empty() {
                "FTS5 index matches the stories".into()
            } else {
                format!("{} problems", problems.len())
            },
            problems,
        })
    }

    fn check_postings(
        &self,
        report: &mut VerifyReport,
        on_progress: &mut impl FnMut(u64, u64),
    ) -> Result<VerifyCheck> {
        // Postings are packed by fingerprint, so a story's cannot be listed cheaply: count
        // them per story, with a sum of their hashes, in one scan; a story whose count and sum
        // are those its body gives is whole, and only the others are looked up hash by hash.
        let mut stored: HashMap<i64, (u64, u64)> = HashMap::new();
        postings::for_each(&self.conn, |hash, id| {
            let entry = stored.entry(id).or_default();
            entry.0 += 1;
            entry.1 = entry.1.wrapping_add(hash as u64);
        })?;
        let total = u64::try_from(report.stories).unwrap_or(0);
        let mut problems = Vec::new();
        let mut select = self
            .conn
            .prepare("SELECT id, body, language FROM stories ORDER BY id")?;
        let mut rows = select.query([])?;
        let mut done = 0u64;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let body: String = row.get(1)?;
            let language: Option<String> = row.get(2)?;
            let mut expected = fingerprint::fingerprints(&story_tokens(&body, language.as_deref()));
            expected.sort_unstable();
            expected.dedup();
            let (stored_n, stored_sum) = stored.remove(&id).unwrap_or((0, 0));
            let expected_sum = expected.iter().fold(0u64, |s, &h| s.wrapping_add(h as u64));
            let present = if stored_n == expected.len() as u64 && stored_sum == expected_sum {
                stored_n
            } else {
                let mut present = 0u64;
                for &hash in &expected {
                    if postings::contains(&self.conn, hash, id)? {
                        present += 1;
                    }
                }
                present
            };
            let expected_n = expected.len() as u64;
            if present < expected_n {
                report.stories_missing_postings += 1;
                if problems.len() < MAX_DETAILS {
                    problems.push(format!(
                        "story {id}: {} of {expected_n} postings missing",
                        expected_n - present
                    ));
                }
            }
            if stored_n > present {
                report.stories_with_extra_postings += 1;
                if problems.len() < MAX_DETAILS {
                    problems.push(format!(
                        "story {id}: {} postings its body does not produce",
                        stored_n - present
                    ));
                }
            }
            done += 1;
            if done.is_multiple_of(256) || done == total {
                on_progress(done, total);
            }
        }
        // What is left belongs to stories that are not stored.
        report.orphan_postings = stored.values().map(|&(n, _)| n).sum();
        if report.orphan_postings > 0 && problems.len() < MAX_DETAILS {
            problems.push(format!(
                "{} postings of {} stories that are not stored",
                report.orphan_postings,
                stored.len()
            ));
        }
        let ok = report.stories_missing_postings == 0
            && report.stories_with_extra_postings == 0
            && report.orphan_postings == 0;
        Ok(VerifyCheck {
            name: "postings",
            ok,
            detail: format!(
                "{} stories checked; {} missing postings, {} with extra postings, {} orphan postings",
                done,
                report.stories_missing_postings,
                report.stories_with_extra_postings,
                report.orphan_postings
            ),
            problems,
        })
    }

    /// Rebuilds the fingerprint postings and the full-text index from the stored stories, in
    /// one transaction: a failure or a kill leaves the archive as it was.
    pub fn repair(&mut self) -> Result<RepairSummary> {
        let tx = self.write_transaction()?;
        let mut summary = RepairSummary {
            stories: 0,
            postings: 0,
        };
        summary.postings = postings::rebuild(&tx)?;
        let stories: i64 = tx.query_row("SELECT count(*) FROM stories", [], |r| r.get(0))?;
        summary.stories = u64::try_from(stories).unwrap_or(0);
        tx.execute(
            "INSERT INTO stories_fts (stories_fts) VALUES ('rebuild')",
            [],
        )?;
        tx.commit()?;
        Ok(summary)
    }
}

/// A check that could not run is a failed check.
fn or_failed(name: &'static str, result: Result<VerifyCheck>) -> VerifyCheck {
    result.unwrap_or_else(|error| VerifyCheck {
        name,
        ok: false,
        detail: format!("could not run: {error}"),
        problems: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewStory;
    use rusqlite::params;

    fn archive() -> (tempfile::TempDir, Archive) {
        let dir = tempfile::tempdir().unwrap();
        let mut archive = Archive::open(dir.path().join("a.sqlite")).unwrap();
        for n in 0..12 {
            archive
                .insert(NewStory {
                    headline: format!("Orchard {n} harvest"),
                    body: format!(
                        "Growers in valley {n} picked the last of the late pears on Sunday, \
                         a week earlier than usual after a dry and unusually warm September."
                    ),
                    origin: format!("test:{n}"),
                    ..NewStory::default()
                })
                .unwrap();
        }
        (dir, archive)
    }

    fn check<'a>(report: &'a VerifyReport, name: &str) -> &'a VerifyCheck {
        report.checks.iter().find(|c| c.name == name).unwrap()
    }

    #[test]
    fn a_sound_archive_passes_every_check() {
        let (_dir, archive) = archive();
        let mut last = (0, 0);
        let report = archive.verify(|done, total| last = (done, total)).unwrap();
        assert!(report.ok(), "{report:#?}");
        assert_eq!(report.stories, 12);
        assert_eq!(last, (12, 12), "progress ends at the story count");
    }

    #[test]
    fn lost_and_foreign_postings_are_counted_and_repair_restores_them() {
        let (_dir, mut archive) = archive();
        let lost: Vec<(i64, Vec<i64>)> = [3, 4]
            .into_iter()
            .map(|id| {
                let story = archive.get(id).unwrap();
                let tokens = story_tokens(&story.body, story.language.as_deref());
                let even = fingerprint::fingerprints(&tokens)
                    .into_iter()
                    .filter(|h| h % 2 == 0)
                    .collect();
                (id, even)
            })
            .collect();
        let tx = archive.conn.transaction().unwrap();
        postings::remove(&tx, &lost).unwrap();
        postings::add(&tx, &mut [(42, 7), (43, 999)]).unwrap();
        tx.commit().unwrap();
        let report = archive.verify(|_, _| {}).unwrap();
        assert!(!report.ok());
        assert!(!check(&report, "postings").ok);
        assert!(check(&report, "integrity").ok, "SQLite itself is fine");
        assert_eq!(report.stories_missing_postings, 2, "{report:#?}");
        assert_eq!(report.stories_with_extra_postings, 1);
        assert_eq!(report.orphan_postings, 1);

        let summary = archive.repair().unwrap();
        assert_eq!(summary.stories, 12);
        let report = archive.verify(|_, _| {}).unwrap();
        assert!(report.ok(), "repair rebuilds the postings: {report:#?}");
    }

    #[test]
    fn a_story_missing_from_the_full_text_index_is_found_and_repaired() {
        let (_dir, mut archive) = archive();
        let (headline, body): (String, String) = archive
            .conn
            .query_row("SELECT headline, body FROM stories WHERE id = 5", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        archive
            .conn
            .execute(
                "INSERT INTO stories_fts (stories_fts, rowid, headline, body) \
                 VALUES ('delete', 5, ?1, ?2)",
                params![headline, body],
            )
            .unwrap();
        let report = archive.verify(|_, _| {}).unwrap();
        assert!(!check(&report, "full_text").ok, "{report:#?}");
        assert_eq!(report.stories_missing_full_text, 1);
        archive.repair().unwrap();
        assert!(archive.verify(|_, _| {}).unwrap().ok());
    }
}
