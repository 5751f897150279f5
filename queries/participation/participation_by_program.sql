-- name: participation_by_program
-- title: Participation by program
-- question: What share of each group took part in at least one conversation of each program in the period?
-- kind: rate
-- outcome: favourable
-- requires: people, sessions, programs
-- inputs: people, sessions, session_attendees, matches, programs
-- parameters:
--   period_start DATE     first day of the review period
--   period_end   DATE     first day after the review period
--   dimension    VARCHAR  equity dimension (gender, race_ethnicity or a declared one)
--   dimension2   VARCHAR  second dimension for an intersection, or NULL
--   department   VARCHAR  filter, or NULL for all
--   location     VARCHAR  filter, or NULL for all
--   level_min    INTEGER  filter, or NULL
--   level_max    INTEGER  filter, or NULL
--   layer        VARCHAR  only programs of this layer (formal, peer, informal), or NULL for all
--   program_id   VARCHAR  only this program, or NULL for all
-- output:
--   slice        VARCHAR  program name (followed by its id when two programs share a name)
--   grp          VARCHAR  the group of the dimension
--   numerator    BIGINT   people of the group with at least one conversation of the program in the period
--   denominator  BIGINT   eligible headcount of the group: employed on the last day of the period
-- population: employees on the last day of the period (hired on or before it, not terminated before it), the same for every program, as in participation_rate; programs not running in the period are not shown

WITH eligible AS (
  SELECT person_id, grp
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
programs_in_period AS (
  -- Only programs running at some point in the period: a program that ended before it (or
  -- starts after it) would add a slice of zeros that says nothing about access.
  SELECT
    program_id,
    CASE WHEN count(*) OVER (PARTITION BY name) > 1 THEN name || ' (' || program_id || ')' ELSE name END AS program_name
  FROM programs
  WHERE (start_date IS NULL OR start_date < $period_end::DATE)
    AND (end_date IS NULL OR end_date >= $period_start::DATE)
    AND ($layer IS NULL OR layer = $layer)
    AND ($program_id IS NULL OR program_id = $program_id)
),
took_part AS (
  -- Formal logs often give a session's match but not its program: the match says which
  -- program the conversation belongs to.
  SELECT DISTINCT c.person_id, coalesce(c.program_id, m.program_id) AS program_id
  FROM conversations($period_start::DATE, $period_end::DATE) c
  JOIN sessions s ON s.session_id = c.session_id
  LEFT JOIN matches m ON m.match_id = s.match_id
)
SELECT
  p.program_name AS slice,
  e.grp,
  count(DISTINCT t.person_id) AS numerator,
  count(DISTINCT e.person_id) AS denominator
FROM eligible e
CROSS JOIN programs_in_period p
LEFT JOIN took_part t
  ON t.person_id = e.person_id AND t.program_id = p.program_id
GROUP BY p.program_name, e.grp
ORDER BY slice, e.grp;
