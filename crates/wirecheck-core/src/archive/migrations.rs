//! Schema migrations, append-only: never edit a released migration, add a new one.

use std::sync::LazyLock;

use rusqlite::{OptionalExtension, Transaction, params};
use rusqlite_migration::{HookResult, M, Migrations};

use super::postings;
use crate::index::fingerprint;
use crate::text::language::{self, Language};
use crate::text::tokenize;

/// The migrations, by name, in order. Tests refer to a migration by name, not by number, so
/// that migrations added on other branches can be numbered before it.
const STEPS: &[(&str, &str)] = &[
    ("0001-stories", include_str!("migrations/0001-stories.sql")),
    ("0002-review", include_str!("migrations/0002-review.sql")),
    (
        "0003-comparisons",
        include_str!("migrations/0003-comparisons.sql"),
    ),
    (
        "0004-language",
        include_str!("migrations/0004-language.sql"),
    ),
    ("0005-watch", include_str!("migrations/0005-watch.sql")),
    (
        "0006-kept-sources",
        include_str!("migrations/0006-kept-sources.sql"),
    ),
    (
        "0007-log-structured-index",
        include_str!("migrations/0007-log-structured-index.sql"),
    ),
    (
        "0008-audit-opened",
        include_str!("migrations/0008-audit-opened.sql"),
    ),
];

/// The migration that adds the stories' language; its hook detects it for stored stories.
const LANGUAGE: &str = "0004-language";
/// The migration to the log-structured fingerprint index; its hook moves the old postings.
const LOG_STRUCTURED: &str = "0007-log-structured-index";

/// The first `count` migrations.
fn steps(count: usize) -> Vec<M<'static>> {
    STEPS
        .iter()
        .take(count)
        .map(|&(name, sql)| {
            if name == LANGUAGE {
                M::up_with_hook(sql, detect_stored_languages)
            } else if name == LOG_STRUCTURED {
                M::up_with_hook(sql, move_postings_into_runs)
            } else {
                M::up(sql)
            }
        })
        .collect()
}

static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(steps(STEPS.len())));

/// Detects the language of every story stored before languages were, in the migration's
/// transaction. A story that is not English was tokenized, fingerprinted and hashed with the
/// English rules: its postings and content hash are made again with its language's, as an
/// import would make them now (a hash that another story already has is left as it was).
fn detect_stored_languages(tx: &Transaction) -> HookResult {
    let mut select = tx.prepare("SELECT id, body FROM stories")?;
    let mut set = tx.prepare("UPDATE stories SET language = ?1 WHERE id = ?2")?;
    let mut delete = tx.prepare("DELETE FROM postings WHERE hash = ?1 AND story_id = ?2")?;
    let mut insert =
        tx.prepare("INSERT OR IGNORE INTO postings (hash, story_id) VALUES (?1, ?2)")?;
    let mut taken = tx.prepare("SELECT id FROM stories WHERE content_hash = ?1")?;
    let mut rehash = tx.prepare("UPDATE stories SET content_hash = ?1 WHERE id = ?2")?;
    let mut rows = select.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let body: String = row.get(1)?;
        let detected = language::detect(&body);
        set.execute(params![language::code_of(detected), id])?;
        let Some(other) = detected.filter(|l| *l != Language::English) else {
            continue;
        };
        for hash in fingerprint::fingerprints(&tokenize(&body)) {
            delete.execute(params![hash, id])?;
        }
        let tokens = crate::text::tokenize_in(&body, Some(other));
        for hash in fingerprint::fingerprints(&tokens) {
            insert.execute(params![hash, id])?;
        }
        let hash = fingerprint::content_hash(&tokens);
        let holder: Option<i64> = taken
            .query_row(params![&hash[..]], |r| r.get(0))
            .optional()?;
        if holder.is_none() {
            rehash.execute(params![&hash[..], id])?;
        }
    }
    Ok(())
}

/// Moves the rows of the old `postings` table, one per (hash, story), into one run of the
/// log-structured index, then drops the table. The old table is clustered by hash, so it is
/// read in order and the run is written in order: no fingerprint is recomputed.
fn move_postings_into_runs(tx: &Transaction) -> HookResult {
    let mut rows = 0i64;
    {
        let mut select =
            tx.prepare("SELECT hash, story_id FROM postings ORDER BY hash, story_id")?;
        let mut insert =
            tx.prepare("INSERT INTO posting_lists (run, hash, n, ids) VALUES (1, ?1, ?2, ?3)")?;
        let mut write = |hash: i64, ids: &[i64]| -> rusqlite::Result<()> {
            let mut packed = Vec::with_capacity(ids.len() * 3);
            postings::encode(ids, &mut packed);
            insert.execute(params![hash, ids.len() as i64, packed])?;
            rows += 1;
            Ok(())
        };
        let mut current: Option<i64> = None;
        let mut ids: Vec<i64> = Vec::new();
        let mut found = select.query([])?;
        while let Some(row) = found.next()? {
            let hash: i64 = row.get(0)?;
            if current.is_some_and(|c| c != hash) {
                write(current.unwrap_or(hash), &ids)?;
                ids.clear();
            }
            current = Some(hash);
            ids.push(row.get(1)?);
        }
        if let Some(hash) = current {
            write(hash, &ids)?;
        }
    }
    if rows > 0 {
        tx.execute(
            "INSERT INTO posting_runs (run, tier, rows) VALUES (1, ?1, ?2)",
            params![postings::tier(rows), rows],
        )?;
    }
    tx.execute_batch("DROP TABLE postings")?;
    Ok(())
}

/// The migrations, in order.
pub(crate) fn migrations() -> &'static Migrations<'static> {
    &MIGRATIONS
}

/// The newest schema version this build knows (SQLite's `user_version`).
pub(crate) fn latest_version() -> i64 {
    // One migration per version, counted from 1 (not the number in a migration's name).
    STEPS.len() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations()
            .validate()
            .expect("every migration applies to a fresh database");
    }

    #[test]
    fn latest_version_matches_the_migration_list() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(
            version,
            latest_version(),
            "latest_version() must follow the migration list"
        );
    }

    /// Asserts that the archive at `old`, upgraded, has exactly the schema of a fresh one.
    fn assert_fresh_schema(old: &std::path::Path) {
        let fresh = old.with_file_name("fresh.sqlite");
        drop(crate::Archive::open(&fresh).unwrap());
        assert_eq!(
            schema(&rusqlite::Connection::open(old).unwrap()),
            schema(&rusqlite::Connection::open(&fresh).unwrap()),
            "an upgraded archive must have exactly the schema of a fresh one"
        );
    }

    fn schema(conn: &rusqlite::Connection) -> Vec<(String, String)> {
        let mut stmt = conn
            .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    /// How many migrations come before the one named `name`.
    fn steps_before(name: &str) -> usize {
        STEPS
            .iter()
            .position(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("the migration {name} is listed"))
    }

    /// Stores a story as the code before the log-structured index did: English rules, one
    /// `postings` row per fingerprint. Returns its fingerprints.
    fn insert_row_per_posting_story(conn: &rusqlite::Connection, id: i64, body: &str) -> Vec<i64> {
        let tokens = tokenize(body);
        conn.execute(
            "INSERT INTO stories (id, content_hash, agency, headline, origin, format, body, words) \
             VALUES (?1, ?2, 'AFP', 'Ferry', 'test:old', 'plain', ?3, ?4)",
            params![
                id,
                &fingerprint::content_hash(&tokens)[..],
                body,
                tokens.len() as i64
            ],
        )
        .unwrap();
        let hashes = fingerprint::fingerprints(&tokens);
        for hash in &hashes {
            conn.execute(
                "INSERT INTO postings (hash, story_id) VALUES (?1, ?2)",
                params![hash, id],
            )
            .unwrap();
        }
        hashes
    }

    #[test]
    fn a_version_1_archive_upgrades_with_its_stories_and_the_fresh_schema() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("v1.sqlite");
        {
            let mut conn = rusqlite::Connection::open(&old).unwrap();
            Migrations::new(vec![M::up(include_str!("migrations/0001-stories.sql"))])
                .to_latest(&mut conn)
                .unwrap();
            conn.execute(
                "INSERT INTO stories (content_hash, agency, headline, origin, format, body, words) \
                 VALUES (x'00112233445566778899aabbccddeeff', 'Reuters', 'Ferry timetable', \
                 'test:v1', 'plain', 'The island ferry will run hourly from June.', 8)",
                [],
            )
            .unwrap();
        }
        let archive = crate::Archive::open(&old).expect("a version 1 archive opens and upgrades");
        let story = archive.get(1).expect("the story survives the upgrade");
        assert_eq!(story.headline, "Ferry timetable");
        assert_eq!(story.body, "The island ferry will run hourly from June.");
        drop(archive);

        let version: i64 = rusqlite::Connection::open(&old)
            .unwrap()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest_version());
        assert_fresh_schema(&old);
    }

    #[test]
    fn a_version_2_archive_upgrades_with_its_checks_and_decisions() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("v2.sqlite");
        {
            let mut conn = rusqlite::Connection::open(&old).unwrap();
            Migrations::new(vec![
                M::up(include_str!("migrations/0001-stories.sql")),
                M::up(include_str!("migrations/0002-review.sql")),
            ])
            .to_latest(&mut conn)
            .unwrap();
            // A report as version 2 saved it.
            let report = r#"{"derived":"none","coverage":0.0,"rewritten":0.0,"flags":[],
                "sources":[],"passages":[],"credits":[],"boilerplate":[],"article_words":3,
                "text":"Ferry timetable changes"}"#;
            conn.execute(
                "INSERT INTO checks (title, derived, coverage, flags, report, settings) \
                 VALUES ('Ferry timetable', 'none', 0.0, 0, ?1, '{}')",
                [report],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO decisions (check_id, source_id, status, reason, decided_at) \
                 VALUES (1, 4, 'dismissed', 'Our own reporting', '2026-05-09T12:00:00Z')",
                [],
            )
            .unwrap();
        }
        let archive = crate::Archive::open(&old).expect("a version 2 archive opens and upgrades");
        let loaded = archive
            .load_check(1)
            .expect("the saved check survives the upgrade");
        assert_eq!(loaded.check.title, "Ferry timetable");
        assert_eq!(loaded.check.compared_with, None, "an old check is a check");
        assert_eq!(loaded.story, None);
        assert_eq!(loaded.decisions.len(), 1, "its decision is kept");
        assert_eq!(loaded.decisions[0].reason, "Our own reporting");
        drop(archive);
        assert_fresh_schema(&old);
    }

    #[test]
    fn an_archive_from_before_languages_upgrades_with_each_story_language_and_index() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("before-language.sqlite");
        let before = steps_before(LANGUAGE);
        let english = "The island ferry will run hourly from June, the harbour board said on \
                       Tuesday, after repairs to the old pier were finished ahead of time.";
        let french = "Le ferry de l'île circulera toutes les heures à partir de juin, a indiqué \
                      mardi la direction du port, après la réparation de l'ancienne jetée.";
        {
            let mut conn = rusqlite::Connection::open(&old).unwrap();
            Migrations::new(steps(before)).to_latest(&mut conn).unwrap();
            for (id, body) in [(1, english), (2, french)] {
                // Stored as the code before languages stored it: English rules.
                insert_row_per_posting_story(&conn, id, body);
            }
        }
        let archive = crate::Archive::open(&old).expect("the archive opens and upgrades");
        assert_eq!(archive.get(1).unwrap().language.as_deref(), Some("en"));
        assert_eq!(
            archive.get(2).unwrap().language.as_deref(),
            Some("fr"),
            "the stored French story gets its language on upgrade"
        );
        drop(archive);

        let conn = rusqlite::Connection::open(&old).unwrap();
        let postings = |id: i64| -> Vec<i64> {
            let mut hashes = Vec::new();
            postings::for_each(&conn, |hash, story| {
                if story == id {
                    hashes.push(hash);
                }
            })
            .unwrap();
            hashes.sort_unstable();
            hashes
        };
        let mut want =
            fingerprint::fingerprints(&crate::text::tokenize_in(french, Some(Language::French)));
        want.sort_unstable();
        want.dedup();
        assert_eq!(
            postings(2),
            want,
            "the French story is indexed with French words, as a new import would be"
        );
        let mut english_want = fingerprint::fingerprints(&tokenize(english));
        english_want.sort_unstable();
        english_want.dedup();
        assert_eq!(
            postings(1),
            english_want,
            "English stories keep their index"
        );
        assert_fresh_schema(&old);
    }

    #[test]
    fn an_archive_from_before_watched_folders_upgrades_with_its_stories_and_settings() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("before-watch.sqlite");
        let before = STEPS
            .iter()
            .position(|(name, _)| *name == "0005-watch")
            .expect("the watch migration is listed");
        {
            let mut conn = rusqlite::Connection::open(&old).unwrap();
            Migrations::new(steps(before)).to_latest(&mut conn).unwrap();
            conn.execute(
                "INSERT INTO stories (content_hash, agency, headline, origin, format, body, words, language) \
                 VALUES (x'00112233445566778899aabbccddeeff', 'AFP', 'Ferry', 'drop/ferry.txt', \
                 'plain', 'The island ferry will run hourly from June.', 8, 'en')",
                [],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO settings (key, value) VALUES ('app', '{\"preset\": \"strict\"}')",
                [],
            )
            .unwrap();
        }
        let mut archive = crate::Archive::open(&old).expect("the archive opens and upgrades");
        assert_eq!(archive.get(1).unwrap().origin, "drop/ferry.txt");
        assert_eq!(archive.settings().unwrap().preset, crate::Preset::Strict);
        assert_eq!(
            archive.watched_folders().unwrap(),
            Vec::new(),
            "no folder is watched after an upgrade"
        );
        let seen = super::super::watched::SeenFile {
            path: "/drop/ferry.txt".into(),
            size: 44,
            mtime_ns: 1,
            content_hash: [7; 16],
            imported: true,
        };
        archive
            .record_seen(&[seen])
            .expect("the new table takes files");
        assert_eq!(
            archive.seen_with_content(&[7; 16]).unwrap(),
            Some(("/drop/ferry.txt".to_owned(), true))
        );
        drop(archive);
        assert_fresh_schema(&old);
    }

    #[test]
    fn an_archive_from_before_opened_audit_rows_upgrades_with_its_checks() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("before-audit-opened.sqlite");
        let before = STEPS
            .iter()
            .position(|(name, _)| *name == "0008-audit-opened")
            .expect("the migration is listed");
        let report = crate::check_text(
            &crate::Archive::open_in_memory().unwrap(),
            "A council meeting on Tuesday approved the harbour budget.",
            &crate::CheckOptions::default(),
        )
        .unwrap();
        {
            let mut conn = rusqlite::Connection::open(&old).unwrap();
            Migrations::new(steps(before)).to_latest(&mut conn).unwrap();
        }
        // A check saved before the upgrade, by an archive that stops at the migration before.
        let saved = {
            let conn = rusqlite::Connection::open(&old).unwrap();
            conn.execute(
                "INSERT INTO checks (created_at, title, derived, coverage, flags, report, settings) \
                 VALUES ('2026-11-30T10:00:00Z', 'Harbour', 'none', 0.0, 0, ?1, '{}')",
                [serde_json::to_string(&report).unwrap()],
            )
            .unwrap();
            conn.last_insert_rowid()
        };
        let mut archive = crate::Archive::open(&old).expect("the archive opens and upgrades");
        assert_eq!(archive.checks(10, 0).unwrap().len(), 1);
        assert_eq!(
            archive
                .audit_row_check("/audits/site-audit", "site/a.html")
                .unwrap(),
            None
        );
        archive
            .remember_audit_row("/audits/site-audit", "site/a.html", saved)
            .unwrap();
        assert_eq!(
            archive
                .audit_row_check("/audits/site-audit", "site/a.html")
                .unwrap(),
            Some(saved)
        );
        drop(archive);
        assert_fresh_schema(&old);
    }

    #[test]
    fn an_archive_with_one_row_per_posting_upgrades_to_runs_without_reimporting() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("row-per-posting.sqlite");
        let before = steps_before(LOG_STRUCTURED);
        let bodies = [
            "The island ferry will run hourly from June, the harbour board said on Tuesday, \
             after repairs to the old pier were finished ahead of time.",
            "The harbour board said on Tuesday that the island ferry will run hourly from \
             June, and that the pier repairs cost less than planned.",
        ];
        let mut stored = Vec::new();
        {
            let mut conn = rusqlite::Connection::open(&old).unwrap();
            Migrations::new(steps(before)).to_latest(&mut conn).unwrap();
            for (i, body) in bodies.iter().enumerate() {
                let id = i as i64 + 1;
                for hash in insert_row_per_posting_story(&conn, id, body) {
                    stored.push((hash, id));
                }
            }
        }
        stored.sort_unstable();
        let shared = stored
            .windows(2)
            .find(|w| w[0].0 == w[1].0)
            .map(|w| w[0].0)
            .expect("the two stories share a fingerprint");

        let archive = crate::Archive::open(&old).expect("the archive opens and upgrades");
        assert_eq!(
            archive.postings(shared, 10).unwrap(),
            Some(vec![1, 2]),
            "a fingerprint of both stories lists both"
        );
        assert_eq!(
            archive.postings(shared, 1).unwrap(),
            None,
            "two is more than one"
        );
        assert_eq!(
            archive.search("pier repairs", 10).unwrap().len(),
            2,
            "the full-text index is rebuilt from the stories"
        );
        assert_eq!(archive.stories_with_word("planned", 10).unwrap(), [2]);
        drop(archive);

        let conn = rusqlite::Connection::open(&old).unwrap();
        let mut moved = Vec::new();
        postings::for_each(&conn, |hash, id| moved.push((hash, id))).unwrap();
        moved.sort_unstable();
        assert_eq!(moved, stored, "every posting moved, none added");
        let runs: i64 = conn
            .query_row("SELECT count(*) FROM posting_runs", [], |r| r.get(0))
            .unwrap();
        assert_eq!(runs, 1, "the old rows become one run");
        drop(conn);
        assert_fresh_schema(&old);
    }
}
