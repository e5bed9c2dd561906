-- Stored wire stories. `body` is the text that passages' source offsets refer to.
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    content_hash BLOB NOT NULL UNIQUE,
    agency TEXT,
    headline TEXT NOT NULL,
    byline TEXT,
    dateline TEXT,
    published TEXT,
    version_created TEXT,
    external_id TEXT,
    origin TEXT NOT NULL,
    format TEXT NOT NULL,
    body TEXT NOT NULL,
    words INTEGER NOT NULL,
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX stories_agency ON stories (agency);
CREATE INDEX stories_published ON stories (published);

-- Full-text search over headline and body (external content: the text is stored once).
CREATE VIRTUAL TABLE stories_fts USING fts5 (
    headline, body, content = 'stories', content_rowid = 'id'
);
CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
    INSERT INTO stories_fts (rowid, headline, body) VALUES (new.id, new.headline, new.body);
END;
CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
    INSERT INTO stories_fts (stories_fts, rowid, headline, body)
        VALUES ('delete', old.id, old.headline, old.body);
END;

-- The retrieval index: sampled word n-gram fingerprints -> stories. Clustered by hash so a
-- lookup reads one contiguous run; a story's rows are found again by recomputing its
-- fingerprints from its body.
CREATE TABLE postings (
    hash INTEGER NOT NULL,
    story_id INTEGER NOT NULL,
    PRIMARY KEY (hash, story_id)
) WITHOUT ROWID;

-- Settings the stored index depends on (fingerprint scheme), checked on open.
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
