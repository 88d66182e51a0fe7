-- The destructive variant of release 2: the column is renamed in one step. Release 1, still
-- running during the deploy, asks for todos.title and fails. The safe way is in separate steps:
-- add the new column, write both, backfill, stop reading the old one, then drop it.
ALTER TABLE todos RENAME COLUMN title TO text;
