//! Schema migrations, append-only: never edit a released migration, add a new one.

use std::sync::LazyLock;

use rusqlite_migration::{M, Migrations};

static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up(include_str!("migrations/0001-stories.sql")),
        M::up(include_str!("migrations/0002-review.sql")),
        M::up(include_str!("migrations/0003-comparisons.sql")),
    ])
});

/// The migrations, in order.
pub(crate) fn migrations() -> &'static Migrations<'static> {
    &MIGRATIONS
}

/// The newest schema version this build knows (SQLite's `user_version`).
pub(crate) fn latest_version() -> i64 {
    // One migration per version, numbered from 1.
    3
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

        let fresh = dir.path().join("fresh.sqlite");
        drop(crate::Archive::open(&fresh).unwrap());
        let upgraded = rusqlite::Connection::open(&old).unwrap();
        let version: i64 = upgraded
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest_version());
        assert_eq!(
            schema(&upgraded),
            schema(&rusqlite::Connection::open(&fresh).unwrap()),
            "an upgraded archive must have exactly the schema of a fresh one"
        );
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

        let fresh = dir.path().join("fresh.sqlite");
        drop(crate::Archive::open(&fresh).unwrap());
        assert_eq!(
            schema(&rusqlite::Connection::open(&old).unwrap()),
            schema(&rusqlite::Connection::open(&fresh).unwrap()),
            "an upgraded archive must have exactly the schema of a fresh one"
        );
    }
}
