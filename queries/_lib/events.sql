-- Career events: promotions, demotions, moves, hires and exits. From job_events for the kinds
-- of event the workspace's job_events carry; otherwise derived from the roster snapshots
-- (METRICS.md), dated at the snapshot that first shows the change because the day within the
-- interval is unknown, and marked derived so the UI can say so.

CREATE OR REPLACE TEMP MACRO snapshot_pairs() AS TABLE
  WITH s AS (SELECT DISTINCT snapshot_date FROM people),
  ordered AS (SELECT snapshot_date AS d, lead(snapshot_date) OVER (ORDER BY snapshot_date) AS next_d FROM s)
  SELECT d, next_d FROM ordered WHERE next_d IS NOT NULL;

-- Each roster record that the next roster does not continue: where someone was last seen before
-- they left, or before a gap in the exports.
-- (Anti join: DuckDB plans it about twice as fast as the equivalent NOT EXISTS here.)
CREATE OR REPLACE TEMP MACRO roster_break_rows() AS TABLE
  SELECT p.*
  FROM snapshot_pairs() sp
  JOIN people p ON p.snapshot_date = sp.d
  ANTI JOIN people b ON b.snapshot_date = sp.next_d AND b.person_id = p.person_id;

-- The same records with back_on, the next roster showing the person again (NULL: none). A
-- person missing from the roster in force at a date d has exactly one break before d not
-- followed by a return up to d, their last record before d. So "the last record of people gone
-- before d" reads these few rows instead of ranking every earlier roster row.
CREATE OR REPLACE TEMP MACRO roster_breaks_from_sources() AS TABLE
  WITH breaks AS MATERIALIZED (SELECT * FROM roster_break_rows()),
  returns AS (
    SELECT b.person_id, b.snapshot_date, min(r.snapshot_date) AS back_on
    FROM breaks b
    JOIN people r ON r.person_id = b.person_id AND r.snapshot_date > b.snapshot_date
    GROUP BY b.person_id, b.snapshot_date
  )
  SELECT b.*, r.back_on
  FROM breaks b
  LEFT JOIN returns r ON r.person_id = b.person_id AND r.snapshot_date = b.snapshot_date;

-- What the models read. The model runner points this at a copy built once per version of the
-- data (src/models/derivedTables.ts).
CREATE OR REPLACE TEMP MACRO roster_breaks() AS TABLE
  SELECT * FROM roster_breaks_from_sources();

-- Which kind of fact an event records: a job_events file that carries promotions but no
-- terminations (a common "promotion history" export) must not silence the exits the rosters show.
CREATE OR REPLACE TEMP MACRO event_family(event_type) AS
  CASE WHEN event_type IN ('promotion', 'demotion') THEN 'level change'
       WHEN event_type = 'termination' THEN 'exit'
       ELSE event_type END;

-- Comebacks that keep the hire date: some HR systems rehire under the original hire date, so the
-- hire date alone cannot tell two employments apart. A record with no termination date after
-- one of the same hire date whose termination had passed by then is a return: the person left
-- and came back, on the first such roster. (A record with a termination date is no return: a
-- later date corrects the first.) A return under a new hire date is already a new employment
-- and is not listed. (A join from the few terminated records, not a window over every roster
-- row: DuckDB answers it in a fraction of the time.)
CREATE OR REPLACE TEMP MACRO roster_returns() AS TABLE
  WITH ended AS MATERIALIZED (
    SELECT person_id, hire_date, snapshot_date, termination_date FROM people WHERE termination_date IS NOT NULL
  ),
  later AS (
    SELECT person_id, hire_date, snapshot_date, level_rank FROM people
    WHERE termination_date IS NULL AND person_id IN (SELECT person_id FROM ended)
  )
  SELECT DISTINCT p.person_id, p.hire_date,
         min(p.snapshot_date) AS snapshot_date, arg_min(p.level_rank, p.snapshot_date) AS level_rank
  FROM ended e
  JOIN later p ON p.person_id = e.person_id AND p.hire_date IS NOT DISTINCT FROM e.hire_date
               AND p.snapshot_date > e.snapshot_date AND p.snapshot_date > e.termination_date
  GROUP BY p.person_id, p.hire_date, e.snapshot_date;

CREATE OR REPLACE TEMP MACRO derived_level_changes() AS TABLE
  -- Level changes between a person's consecutive appearances in the rosters. A person missing
  -- from one export in between still has their change found; a rehire (new hire date) is a new
  -- employment, not a promotion.
  SELECT person_id, snapshot_date AS effective_date,
         CASE WHEN level_rank > prev_level THEN 'promotion' ELSE 'demotion' END AS event_type,
         prev_level AS from_level, level_rank AS to_level, true AS derived
  FROM (
    SELECT person_id, snapshot_date, level_rank, hire_date,
           lag(level_rank) OVER w AS prev_level, lag(hire_date) OVER w AS prev_hire,
           lag(snapshot_date) OVER w AS prev_snapshot, termination_date,
           lag(termination_date) OVER w AS prev_term
    FROM people
    WINDOW w AS (PARTITION BY person_id ORDER BY snapshot_date)
  )
  WHERE prev_snapshot IS NOT NULL AND level_rank <> prev_level AND hire_date IS NOT DISTINCT FROM prev_hire
    -- Nor is coming back after an exit under the old hire date (roster_returns, below).
    AND NOT coalesce(prev_term < snapshot_date AND termination_date IS NULL, false);

CREATE OR REPLACE TEMP MACRO derived_exits() AS TABLE
  -- An exit belongs to an employment, not to the person: a rehire's later exit must not hide
  -- behind the first one. An employment is a person, a hire date and the return under that
  -- hire date it follows (roster_returns; NULL: none). Snapshots that repeat or correct an
  -- employment's termination date give one exit, at the earliest date they show.
  WITH returns AS MATERIALIZED (SELECT person_id, snapshot_date AS back FROM roster_returns()),
  terminated AS MATERIALIZED (
    SELECT p.person_id, p.hire_date, r.back, min(p.termination_date) AS ended
    FROM people p
    ASOF LEFT JOIN returns r ON r.person_id = p.person_id AND p.snapshot_date >= r.back
    WHERE p.termination_date IS NOT NULL
    GROUP BY p.person_id, p.hire_date, r.back
  ),
  -- People who vanish from the next snapshot (their roster break, above) in an employment
  -- whose records show no termination date (one that does already has its exit, above).
  breaks AS (
    SELECT a.person_id, a.hire_date, a.snapshot_date, sp.next_d, r.back
    FROM roster_break_rows() a
    JOIN snapshot_pairs() sp ON sp.d = a.snapshot_date
    ASOF LEFT JOIN returns r ON r.person_id = a.person_id AND a.snapshot_date >= r.back
    WHERE a.termination_date IS NULL
  )
  -- DISTINCT: where one export left the hire date blank, one termination shows under two hire
  -- dates; it is still one exit.
  SELECT DISTINCT person_id, ended AS effective_date, 'termination' AS event_type,
         NULL::INTEGER AS from_level, NULL::INTEGER AS to_level, true AS derived
  FROM terminated
  UNION ALL
  -- Unless they come back later in the same employment (same hire date), which is a gap in the
  -- exports (leave, a partial file), not an exit. (Anti joins: DuckDB plans them faster than
  -- the equivalent NOT EXISTS. roster_breaks_from_sources' back_on is not needed here, so its
  -- join is left out.)
  SELECT a.person_id, a.next_d, 'termination', NULL, NULL, true
  FROM breaks a
  ANTI JOIN terminated t ON t.person_id = a.person_id AND t.hire_date IS NOT DISTINCT FROM a.hire_date
                        AND t.back IS NOT DISTINCT FROM a.back
  ANTI JOIN people r ON r.person_id = a.person_id AND r.snapshot_date > a.next_d
                    AND r.hire_date IS NOT DISTINCT FROM a.hire_date;

-- Rehires the rosters show only by a return (roster_returns): dated at the first roster showing
-- the person back, the day within the interval being unknown. A rehire under a new hire date
-- needs no event: its hire date says when the employment began.
CREATE OR REPLACE TEMP MACRO derived_rehires() AS TABLE
  SELECT person_id, snapshot_date AS effective_date, 'hire' AS event_type,
         NULL::INTEGER AS from_level, level_rank AS to_level, true AS derived
  FROM roster_returns();

CREATE OR REPLACE TEMP MACRO derived_events() AS TABLE
  SELECT * FROM derived_level_changes() UNION ALL SELECT * FROM derived_exits() UNION ALL SELECT * FROM derived_rehires();

-- Whether the workspace's job_events carry a family of event. The model runner, building its
-- copy of the career events, replaces this with constants read in the same transaction
-- (src/models/pinJobEventFamilies.ts): then the optimizer drops the derivation of a family
-- job_events carry instead of computing it over every roster row and throwing it away.
CREATE OR REPLACE TEMP MACRO job_events_carry(family) AS
  family IN (SELECT event_family(j.event_type) FROM job_events j);

-- job_events win for every family of event they carry (level changes, exits); the families
-- they do not carry still come from the rosters.
CREATE OR REPLACE TEMP MACRO career_events_from_sources() AS TABLE
  SELECT person_id, effective_date, event_type, from_level, to_level, false AS derived FROM job_events
  UNION ALL
  SELECT * FROM derived_level_changes() WHERE NOT job_events_carry('level change')
  UNION ALL
  SELECT * FROM derived_exits() WHERE NOT job_events_carry('exit')
  UNION ALL
  SELECT * FROM derived_rehires() WHERE NOT job_events_carry('hire');

-- What the models read. The same for every period and filter, and its derivation windows every
-- roster row: the model runner points this at a copy built once per version of the data
-- (src/models/derivedTables.ts).
CREATE OR REPLACE TEMP MACRO career_events() AS TABLE
  SELECT * FROM career_events_from_sources();
