//! Schema migrations, append-only: never edit a released migration, add a new one.

use std::sync::LazyLock;

use rusqlite::{OptionalExtension, Transaction, params};
use rusqlite_migration::{HookResult, M, Migrations};

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
];

/// The migration that adds the stories' language; its hook detects it for stored stories.
const LANGUAGE: &str = "0004-language";

/// The first `count` migrations.
fn steps(count: usize) -> Vec<M<'static>> {
    STEPS
        .iter()
        .take(count)
        .map(|&(name, sql)| {
            if name == LANGUAGE {
                M::up_with_hook(sql, detect_stored_languages)
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
        let before = STEPS
            .iter()
            .position(|(name, _)| *name == LANGUAGE)
            .expect("the language migration is listed");
        let english = "The island ferry will run hourly from June, the harbour board said on \
                       Tuesday, after repairs to the old pier were finished ahead of time.";
        let french = "Le ferry de l'île circulera toutes les heures à partir de juin, a indiqué \
                      mardi la direction du port, après la réparation de l'ancienne jetée.";
        {
            let mut conn = rusqlite::Connection::open(&old).unwrap();
            Migrations::new(steps(before)).to_latest(&mut conn).unwrap();
            for (id, body) in [(1, english), (2, french)] {
                // Stored as the code before languages stored it: English rules.
                let tokens = tokenize(body);
                conn.execute(
                    "INSERT INTO stories (id, content_hash, agency, headline, origin, format, body, words) \
                     VALUES (?1, ?2, 'AFP', 'Ferry', 'test:old', 'plain', ?3, ?4)",
                    params![id, &fingerprint::content_hash(&tokens)[..], body, tokens.len() as i64],
                )
                .unwrap();
                for hash in fingerprint::fingerprints(&tokens) {
                    conn.execute(
                        "INSERT OR IGNORE INTO postings (hash, story_id) VALUES (?1, ?2)",
                        params![hash, id],
                    )
                    .unwrap();
                }
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
            let mut stmt = conn
                .prepare("SELECT hash FROM postings WHERE story_id = ?1 ORDER BY hash")
                .unwrap();
            stmt.query_map([id], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
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
}
