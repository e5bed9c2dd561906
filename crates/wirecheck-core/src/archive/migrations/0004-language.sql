-- The language of each story, an ISO 639-1 code ('fr'); NULL when the text is too short to
-- tell. Stories stored before this migration get theirs from the migration's hook, which also
-- re-indexes those that are not English with their language's words.
ALTER TABLE stories ADD COLUMN language TEXT;
CREATE INDEX stories_language ON stories (language);
