-- Articles of an audit opened in the app's review, each saved once as a check: opening the row
-- again, in the same session or after a restart, shows that check (with its decisions) instead
-- of saving another. A row is its audit's folder and its name there (ids are unique in an audit).
CREATE TABLE audit_opened (
    out_dir TEXT NOT NULL,
    name TEXT NOT NULL,
    check_id INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
    PRIMARY KEY (out_dir, name)
) WITHOUT ROWID;
