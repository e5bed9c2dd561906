-- Checks saved for review: the report and the settings it was made with, as JSON, with the
-- columns a history listing shows.
CREATE TABLE checks (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    title TEXT NOT NULL,
    derived TEXT NOT NULL,
    coverage REAL NOT NULL,
    flags INTEGER NOT NULL,
    report TEXT NOT NULL,
    settings TEXT NOT NULL
);

-- An editor's decision on one flagged source of a check. `source_id` is a story id but not a
-- foreign key: the story may be removed later and the decision must survive it.
CREATE TABLE decisions (
    check_id INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'dismissed')),
    reason TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL,
    PRIMARY KEY (check_id, source_id)
);

-- User settings, as JSON values by key.
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
