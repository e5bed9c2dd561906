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
-- search matches every word anywhere, so positions were four fifths of the index for nothing
-- (it shrank from 81 to 16 MB in a 100k-story bench archive).
-- Rebuilt from the stored stories.
-- The triggers of 0001-stories that keep it in step with `stories` stay: they name the table,
-- which is made again here under the same name.
DROP TABLE stories_fts;
CREATE VIRTUAL TABLE stories_fts USING fts5 (
    headline, body, content = 'stories', content_rowid = 'id', detail = none
);
INSERT INTO stories_fts (stories_fts) VALUES ('rebuild');
INSERT INTO stories_fts (stories_fts) VALUES ('optimize');
