-- Release 2: a todo may carry a note. Nullable and without a default, so release 1, which
-- knows nothing of it, keeps working while both run during a rolling deploy.
ALTER TABLE todos ADD COLUMN note text;
