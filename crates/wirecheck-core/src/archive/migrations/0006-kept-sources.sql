-- Stories removed from the archive (by `prune` or `remove`) that a saved check had among its
-- sources, kept with that check as JSON, as they were: History still shows them beside the
-- article, and a story imported later under a reused id is never shown in their place.
CREATE TABLE check_sources (
    check_id INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
    story_id INTEGER NOT NULL,
    story TEXT NOT NULL,
    PRIMARY KEY (check_id, story_id)
) WITHOUT ROWID;
