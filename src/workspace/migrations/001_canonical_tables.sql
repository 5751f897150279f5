-- Migration 001: the canonical tables of DATA.md.
-- Ids are pseudonymized before they land here (see src/ingest/pseudonymize.ts); every row
-- remembers the import that brought it so that an import can be removed as a whole.
-- Free text (names, e-mails, comments, topics) has no column: it is dropped at import.

CREATE TABLE meta (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

CREATE TABLE imports (
  import_id      INTEGER PRIMARY KEY,
  file_name      VARCHAR NOT NULL,          -- base name only: full paths can carry user names
  file_hash      VARCHAR NOT NULL,          -- sha256 of the file's bytes
  file_format    VARCHAR NOT NULL,
  table_name     VARCHAR NOT NULL,
  row_count      BIGINT  NOT NULL,
  rejected_count BIGINT  NOT NULL,
  snapshot_date  DATE,
  mapping        JSON    NOT NULL,
  imported_at    TIMESTAMP NOT NULL,
  UNIQUE (file_hash, table_name)
);
CREATE SEQUENCE import_id_seq START 1;

-- One row per person per roster snapshot.
CREATE TABLE people (
  person_id        VARCHAR NOT NULL,
  snapshot_date    DATE    NOT NULL,
  hire_date        DATE,
  termination_date DATE,
  level_rank       INTEGER NOT NULL,        -- 1 = lowest; labels are ranked via level_order
  level_label      VARCHAR,
  department       VARCHAR,
  location         VARCHAR,
  job_family       VARCHAR,
  employment_type  VARCHAR,
  manager_id       VARCHAR,
  gender           VARCHAR,
  race_ethnicity   VARCHAR,
  extra_dims       MAP(VARCHAR, VARCHAR),   -- user-declared equity dimensions
  import_id        INTEGER NOT NULL,
  -- (person_id, snapshot_date) is unique; enforced by the import's SQL validation rather
  -- than an index, which would slow a million-row insert for no extra safety.
  CHECK (termination_date IS NULL OR hire_date IS NULL OR termination_date >= hire_date)
);

CREATE TABLE job_events (
  person_id      VARCHAR NOT NULL,
  effective_date DATE    NOT NULL,
  event_type     VARCHAR NOT NULL CHECK (event_type IN ('hire','promotion','demotion','lateral','termination')),
  from_level     INTEGER,
  to_level       INTEGER,
  import_id      INTEGER NOT NULL
);

CREATE TABLE programs (
  program_id  VARCHAR PRIMARY KEY,
  name        VARCHAR NOT NULL,
  layer       VARCHAR NOT NULL CHECK (layer IN ('formal','peer','informal')),
  start_date  DATE,
  end_date    DATE,
  eligibility VARCHAR,
  import_id   INTEGER NOT NULL
);

CREATE TABLE enrollments (
  person_id     VARCHAR NOT NULL,
  program_id    VARCHAR NOT NULL,
  role          VARCHAR NOT NULL CHECK (role IN ('mentee','mentor','participant','facilitator','coach')),
  applied_date  DATE,
  enrolled_date DATE,
  status        VARCHAR CHECK (status IN ('applied','waitlisted','matched','active','completed','withdrawn')),
  import_id     INTEGER NOT NULL
);

CREATE TABLE matches (
  match_id       VARCHAR PRIMARY KEY,
  program_id     VARCHAR NOT NULL,
  mentor_id      VARCHAR NOT NULL,
  mentee_id      VARCHAR NOT NULL,
  requested_date DATE,
  matched_date   DATE,
  end_date       DATE,
  status         VARCHAR,
  match_method   VARCHAR CHECK (match_method IN ('self-selected','admin','algorithm')),
  import_id      INTEGER NOT NULL
);

CREATE TABLE sessions (
  session_id       VARCHAR NOT NULL,     -- unique; enforced by import validation
  date             DATE    NOT NULL,
  layer            VARCHAR NOT NULL CHECK (layer IN ('formal','peer','informal')),
  program_id       VARCHAR,
  match_id         VARCHAR,
  host_id          VARCHAR,
  duration_minutes DOUBLE CHECK (duration_minutes IS NULL OR duration_minutes >= 0),
  import_id        INTEGER NOT NULL
);

CREATE TABLE session_attendees (
  session_id VARCHAR NOT NULL,
  person_id  VARCHAR NOT NULL,
  import_id  INTEGER NOT NULL
);

CREATE TABLE feedback (
  session_id     VARCHAR,
  match_id       VARCHAR,
  rater_id       VARCHAR,
  rater_role     VARCHAR CHECK (rater_role IS NULL OR rater_role IN ('mentor','mentee','participant')),
  rating         DOUBLE NOT NULL CHECK (rating BETWEEN 1 AND 5),  -- 1..10 scales are rescaled at import
  submitted_date DATE,
  import_id      INTEGER NOT NULL,
  CHECK (session_id IS NOT NULL OR match_id IS NOT NULL)
);

CREATE TABLE goals (
  goal_id        VARCHAR PRIMARY KEY,
  person_id      VARCHAR NOT NULL,
  match_id       VARCHAR,
  set_date       DATE    NOT NULL,
  due_date       DATE,
  status         VARCHAR NOT NULL CHECK (status IN ('not_started','on_track','at_risk','completed','abandoned')),
  completed_date DATE,
  import_id      INTEGER NOT NULL
);

-- Workspace settings the user confirms once.
CREATE TABLE level_order (
  label VARCHAR PRIMARY KEY,
  rank  INTEGER NOT NULL
);

CREATE TABLE label_merges (
  dimension  VARCHAR NOT NULL,
  from_label VARCHAR NOT NULL,   -- already trimmed and case-folded
  to_label   VARCHAR NOT NULL,
  PRIMARY KEY (dimension, from_label)
);

CREATE TABLE equity_dimensions (
  name    VARCHAR PRIMARY KEY,
  builtin BOOLEAN NOT NULL
);
INSERT INTO equity_dimensions VALUES ('gender', true), ('race_ethnicity', true);

CREATE TABLE mapping_profiles (
  header_signature VARCHAR PRIMARY KEY,  -- sha256 of the normalized header
  table_name       VARCHAR NOT NULL,
  profile          JSON    NOT NULL,
  saved_at         TIMESTAMP NOT NULL
);
