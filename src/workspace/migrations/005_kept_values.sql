-- Migration 005: columns the user explicitly chose to keep at import (names, e-mails, free-text
-- comments). They are held apart from the canonical tables, by import and row, so that no model
-- (models read the canonical tables only) can ever show them; they go with their import.
CREATE TABLE kept_values (
  import_id   INTEGER NOT NULL,
  row_number  BIGINT  NOT NULL,   -- the row in the imported file, as rejects are numbered
  person_id   VARCHAR,            -- the row's person (pseudonymized), where the table has one: for erasure
  column_name VARCHAR NOT NULL,   -- the column's name in the file
  value       VARCHAR NOT NULL
);
