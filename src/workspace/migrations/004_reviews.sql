-- Migration 004: sealed reviews. A review is sealed when it is saved: its settings, the input
-- files it was built from (names, hashes, rows), the model versions, the review pack as data,
-- the HTML exactly as presented and every model result as Arrow bytes. Nothing here is
-- person-level: only what passed disclosure control. Reopening a review reads these rows and
-- never runs a model again, so later imports cannot change what it shows.

CREATE SEQUENCE review_id_seq START 1;

CREATE TABLE reviews (
  review_id      INTEGER PRIMARY KEY,
  title          VARCHAR NOT NULL,
  period         VARCHAR NOT NULL,
  created_at     TIMESTAMP NOT NULL,
  app_version    VARCHAR NOT NULL,
  settings       VARCHAR NOT NULL,   -- JSON text, stored as written (VARCHAR keeps it byte for byte)
  inputs         VARCHAR NOT NULL,   -- JSON: the imports the review was built from
  model_versions VARCHAR NOT NULL,   -- JSON: model name, file and sha256 of its SQL
  pack           VARCHAR NOT NULL,   -- JSON: the review pack every format is rendered from
  html           VARCHAR NOT NULL,   -- the self-contained HTML as presented
  seal           VARCHAR NOT NULL    -- sha256 over all of the above and every result's bytes
);

CREATE TABLE review_results (
  review_id   INTEGER NOT NULL,
  model       VARCHAR NOT NULL,
  dimension   VARCHAR NOT NULL,
  result_window VARCHAR NOT NULL,    -- quarter | pooled | headline
  arrow       BLOB    NOT NULL,      -- the model result as Arrow IPC stream bytes
  PRIMARY KEY (review_id, model, dimension, result_window)
);
