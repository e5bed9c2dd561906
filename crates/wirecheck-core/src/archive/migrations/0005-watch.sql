-- Files a watched folder handed to the importer, so that a restart reads none of them again:
-- by path with the size and modification time (nanoseconds since 1970) they had, and by
-- content (xxh3-128 of the file's bytes), so that a copy or a rename of a file already read is
-- not imported again. `outcome` is 'imported' (its stories stored, or found already stored) or
-- 'skipped' (the importer's reason, e.g. no article text). The watched folders themselves are
-- a row of `settings`.
CREATE TABLE watch_seen (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    content_hash BLOB NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'skipped')),
    seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) WITHOUT ROWID;
CREATE INDEX watch_seen_content ON watch_seen (content_hash);
