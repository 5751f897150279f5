-- Shared building blocks for every model: who is in the workforce at a date, with which
-- attributes, and who took part in which conversation. Loaded as TEMP macros on each
-- connection the model runner opens, so the models read like the definitions in METRICS.md.

-- The equity group of a person for one dimension (or the intersection of two). Missing
-- values are a group of their own: dropping them would hide exactly the people whose
-- absence the unknown-demographics model reports. The import stores labels trimmed, with
-- blanks as NULL (src/ingest/typing.ts), and label merges write trimmed labels: trimming
-- again here cost every model about 10 ms per 100,000 people.
CREATE OR REPLACE TEMP MACRO dim_value(gender, race_ethnicity, extra_dims, dim) AS
  coalesce(CASE dim
    WHEN 'gender' THEN gender
    WHEN 'race_ethnicity' THEN race_ethnicity
    ELSE extra_dims[dim]
  END, 'Not recorded');

CREATE OR REPLACE TEMP MACRO group_label(gender, race_ethnicity, extra_dims, dim, dim2) AS
  CASE WHEN dim2 IS NULL
    THEN dim_value(gender, race_ethnicity, extra_dims, dim)
    ELSE dim_value(gender, race_ethnicity, extra_dims, dim) || ' × ' || dim_value(gender, race_ethnicity, extra_dims, dim2)
  END;

-- The dates of the roster snapshots. The model runner points roster_dates() at a copy built
-- once per version of the data (src/models/derivedTables.ts): finding them scans every
-- roster row, and every model asks for the roster in force at each period's end.
CREATE OR REPLACE TEMP MACRO roster_dates_from_sources() AS TABLE
  SELECT DISTINCT snapshot_date FROM people;

CREATE OR REPLACE TEMP MACRO roster_dates() AS TABLE
  SELECT * FROM roster_dates_from_sources();

-- The roster in force at a date: the latest snapshot on or before it (or the earliest one
-- when the date precedes every snapshot).
CREATE OR REPLACE TEMP MACRO roster_date(as_of) AS (
  SELECT coalesce(max(snapshot_date) FILTER (WHERE snapshot_date <= as_of), min(snapshot_date)) FROM roster_dates()
);

-- Each person's latest roster record up to the roster in force at a date: the roster itself,
-- and for people not on it, their roster break before it with no return up to it
-- (queries/_lib/events.sql). Cheaper than ranking every earlier roster row by person.
-- as_of = DATE 'infinity' gives everyone ever on a roster.
-- (The roster date joins each side as a one-row table: compared through a scalar subquery of a
-- CTE, DuckDB read every roster row's columns before filtering, about 25 ms per call at
-- 100,000 people.)
CREATE OR REPLACE TEMP MACRO last_records(as_of) AS TABLE
  SELECT p.* FROM people p, (SELECT roster_date(as_of) AS d) r WHERE p.snapshot_date = r.d
  UNION ALL
  SELECT b.* EXCLUDE (back_on)
  FROM roster_breaks() b, (SELECT roster_date(as_of) AS d) r
  WHERE b.snapshot_date < r.d
    AND (b.back_on IS NULL OR b.back_on > r.d);

-- Headcount at a date (METRICS.md): hired on or before it and not terminated before it,
-- restricted by the page's filters (NULL = no filter), with the group for the dimension(s).
-- One row per person: the import rejects a second roster row of a person for one snapshot,
-- so models need not deduplicate (which costs a hash of the whole headcount).
CREATE OR REPLACE TEMP MACRO headcount_at(as_of, f_department, f_location, f_level_min, f_level_max, dim, dim2) AS TABLE
  SELECT
    p.person_id,
    p.level_rank,
    p.level_label,
    p.department,
    p.location,
    p.hire_date,
    p.manager_id,
    group_label(p.gender, p.race_ethnicity, p.extra_dims, dim, dim2) AS grp
  FROM people p
  WHERE p.snapshot_date = roster_date(as_of)
    AND (p.hire_date IS NULL OR p.hire_date <= as_of)
    AND (p.termination_date IS NULL OR p.termination_date >= as_of)
    AND (f_department IS NULL OR p.department = f_department)
    AND (f_location IS NULL OR p.location = f_location)
    AND (f_level_min IS NULL OR p.level_rank >= f_level_min)
    AND (f_level_max IS NULL OR p.level_rank <= f_level_max);

-- Every (person, conversation) pair in [d_start, d_end): attendees, hosts, and both sides
-- of the formal match a session belongs to (formal logs rarely list attendees). A pair may
-- appear more than once (a host who is also listed as an attendee): for models that only ask
-- whether, or count distinct sessions, where deduplicating every pair first costs more than
-- the rest of the model. The session's match_id comes along: formal logs often give a
-- session's match but not its program. listed: the pair comes from the attendee list (the
-- coachees of an informal conversation are its listed attendees other than the host).
CREATE OR REPLACE TEMP MACRO conversation_rows_from_sources(d_start, d_end) AS TABLE
  WITH s AS (
    SELECT session_id, date, layer, program_id, match_id, host_id, duration_minutes
    FROM sessions WHERE date >= d_start AND date < d_end
  )
  SELECT a.person_id, s.* EXCLUDE (host_id), true AS listed FROM s JOIN session_attendees a USING (session_id)
  UNION ALL
  SELECT s.host_id, s.* EXCLUDE (host_id), false FROM s WHERE s.host_id IS NOT NULL
  UNION ALL
  SELECT m.mentor_id, s.* EXCLUDE (host_id), false FROM s JOIN matches m USING (match_id)
  UNION ALL
  SELECT m.mentee_id, s.* EXCLUDE (host_id), false FROM s JOIN matches m USING (match_id);

-- What the models read. The model runner points this at a copy of every pair, built once per
-- version of the data (src/models/derivedTables.ts).
CREATE OR REPLACE TEMP MACRO conversation_rows(d_start, d_end) AS TABLE
  SELECT * FROM conversation_rows_from_sources(d_start, d_end);

-- The same pairs, each once.
CREATE OR REPLACE TEMP MACRO conversations(d_start, d_end) AS TABLE
  SELECT DISTINCT person_id, session_id, date, layer, program_id, duration_minutes
  FROM conversation_rows(d_start, d_end);

-- The lowest level eligible to mentor by default (METRICS.md: "at or above the median level"),
-- shared by mentor_participation and mentor_pool_representation. The bar is a property of the
-- organisation, not of the page: the median is taken over the whole workforce on the date, so
-- filtering to one department does not move who may mentor. Levels are ordered categories: the
-- median level is the lowest level at which half the workforce is at or below it
-- (quantile_disc), never a midpoint between two levels, which with exactly half at or below one
-- level would shut that level out.
CREATE OR REPLACE TEMP MACRO median_level(as_of) AS (
  SELECT quantile_disc(level_rank, 0.5) FROM headcount_at(as_of, NULL, NULL, NULL, NULL, 'gender', NULL)
);
