-- name: participation_rate
-- title: Participation rate
-- question: What share of each group took part in at least one mentorship conversation in the period, overall and in each layer?
-- kind: rate
-- outcome: favourable
-- cross_block: grp
-- total_block: all
-- requires: people, sessions
-- inputs: people, sessions, session_attendees, matches
-- parameters:
--   period_start DATE     first day of the review period
--   period_end   DATE     first day after the review period
--   dimension    VARCHAR  equity dimension (gender, race_ethnicity or a declared one)
--   dimension2   VARCHAR  second dimension for an intersection, or NULL
--   department   VARCHAR  filter, or NULL for all
--   location     VARCHAR  filter, or NULL for all
--   level_min    INTEGER  filter, or NULL
--   level_max    INTEGER  filter, or NULL
-- output:
--   slice        VARCHAR  layer: all, formal, peer or informal
--   grp          VARCHAR  the group of the dimension
--   numerator    BIGINT   people of the group with at least one conversation
--   denominator  BIGINT   eligible headcount of the group: employed on the last day of the period
-- population: employees on the last day of the period (hired on or before it, not terminated before it)

-- Counted per person, then per group, and only then spread over the four slices: joining every
-- eligible person to every slice and counting distinct people costs ten times as much.
WITH eligible AS (
  SELECT person_id, grp
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
took_part AS (
  SELECT person_id,
         bool_or(layer = 'formal') AS formal, bool_or(layer = 'peer') AS peer, bool_or(layer = 'informal') AS informal
  FROM conversation_rows($period_start::DATE, $period_end::DATE)
  GROUP BY person_id
),
by_group AS (
  SELECT e.grp,
         count(t.person_id) AS n_all, count_if(t.formal) AS n_formal, count_if(t.peer) AS n_peer, count_if(t.informal) AS n_informal,
         count(*) AS denominator
  FROM eligible e
  LEFT JOIN took_part t USING (person_id)
  GROUP BY e.grp
),
layers AS (
  SELECT unnest(['all', 'formal', 'peer', 'informal']) AS slice
)
SELECT
  l.slice,
  g.grp,
  CASE l.slice WHEN 'all' THEN n_all WHEN 'formal' THEN n_formal WHEN 'peer' THEN n_peer ELSE n_informal END AS numerator,
  g.denominator
FROM by_group g
CROSS JOIN layers l
ORDER BY l.slice, g.grp;
