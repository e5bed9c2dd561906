-- A comparison is saved like a check, with the wire story it was compared with (as JSON): that
-- story is usually in no archive, and a stored one may be removed later. NULL for a check.
ALTER TABLE checks ADD COLUMN story TEXT;
