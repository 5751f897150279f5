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
  FROM conversation_rows($period_start::DATE, $period_end::DATE) c
  LEFT JOIN matches m ON m.match_id = c.match_id
),
-- Denominators per group and numerators per (program, group) apart, then every program beside
-- every group: joining every eligible person to every program costs several times as much.
denominators AS (
  SELECT grp, count(*) AS denominator FROM eligible GROUP BY grp
),
numerators AS (
  SELECT p.program_name, e.grp, count(DISTINCT e.person_id) AS numerator
  FROM eligible e
  JOIN took_part t USING (person_id)
  JOIN programs_in_period p USING (program_id)
  GROUP BY p.program_name, e.grp
)
SELECT
  p.program_name AS slice,
  d.grp,
  coalesce(n.numerator, 0) AS numerator,
  d.denominator
FROM (SELECT DISTINCT program_name FROM programs_in_period) p
CROSS JOIN denominators d
LEFT JOIN numerators n ON n.program_name = p.program_name AND n.grp = d.grp
ORDER BY slice, d.grp;
