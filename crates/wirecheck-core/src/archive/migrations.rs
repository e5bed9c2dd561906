//! Schema migrations, append-only: never edit a released migration, add a new one.

use std::sync::LazyLock;

use rusqlite_migration::{M, Migrations};

static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(vec![M::up(include_str!("migrations/0001-stories.sql"))]));

/// The migrations, in order.
pub(crate) fn migrations() -> &'static Migrations<'static> {
    &MIGRATIONS
}

/// The newest schema version this build knows (SQLite's `user_version`).
pub(crate) fn latest_version() -> i64 {
    // One migration per version, numbered from 1.
    1
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
}
