//! Schema migrations, append-only: never edit a released migration, add a new one.

use std::sync::LazyLock;

use rusqlite_migration::{M, Migrations};

static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up(include_str!("migrations/0001-stories.sql")),
        M::up(include_str!("migrations/0002-review.sql")),
    ])
});

/// The migrations, in order.
pub(crate) fn migrations() -> &'static Migrations<'static> {
    &MIGRATIONS
}

/// The newest schema version this build knows (SQLite's `user_version`).
pub(crate) fn latest_version() -> i64 {
    // One migration per version, numbered from 1.
    2
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
}
