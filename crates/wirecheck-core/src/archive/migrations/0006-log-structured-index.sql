-- The fingerprint index, log-structured (see archive/postings.rs): each write appends a run
-- of rows, one per fingerprint with its stories' ids packed; runs are merged by size tier.
-- Replaces `postings`, whose one (hash, story_id) row per posting took every import's rows at
-- random places in one large B-tree. The migration's hook moves the old rows into one run and
-- drops the old table.
CREATE TABLE posting_runs (
    run INTEGER PRIMARY KEY,
    tier INTEGER NOT NULL,
    rows INTEGER NOT NULL
);
CREATE TABLE posting_lists (
    run INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    n INTEGER NOT NULL,
    ids BLOB NOT NULL,
    PRIMARY KEY (run, hash)
) WITHOUT ROWID;

-- Full-text search without word positions (detail=none): retrieval looks up single words and
-- search matches every word anywhere, so positions were a third of the index for nothing.
-- Rebuilt from the stored stories.
DROP TRIGGER stories_fts_insert;
DROP TRIGGER stories_fts_delete;
DROP TABLE stories_fts;
CREATE VIRTUAL TABLE stories_fts USING fts5 (
    headline, body, content = 'stories', content_rowid = 'id', detail = none
);
CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
    INSERT INTO stories_fts (rowid, headline, body) VALUES (new.id, new.headline, new.body);
END;
CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
    INSERT INTO stories_fts (stories_fts, rowid, headline, body)
        VALUES ('delete', old.id, old.headline, old.body);
END;
INSERT INTO stories_fts (stories_fts) VALUES ('rebuild');
INSERT INTO stories_fts (stories_fts) VALUES ('optimize');
