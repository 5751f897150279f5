-- name: participation_rate
-- title: Participation rate
-- question: What share of each group took part in at least one mentorship conversation in the period, overall and in each layer?
-- kind: rate
-- outcome: favourable
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

WITH eligible AS (
  SELECT person_id, grp
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
took_part AS (
  SELECT DISTINCT person_id, layer FROM conversations($period_start::DATE, $period_end::DATE)
),
-- Each person under every slice they count in (their layers, and 'all'), so the join below is
-- on equalities: "slice = 'all' OR layer = slice" would force a nested-loop join.
took_part_in AS (
  SELECT person_id, layer AS slice FROM took_part
  UNION
  SELECT person_id, 'all' FROM took_part
),
layers AS (
  SELECT unnest(['all', 'formal', 'peer', 'informal']) AS slice
)
SELECT
  l.slice,
  e.grp,
  count(DISTINCT t.person_id) AS numerator,
  count(DISTINCT e.person_id) AS denominator
FROM eligible e
CROSS JOIN layers l
LEFT JOIN took_part_in t
  ON t.person_id = e.person_id AND t.slice = l.slice
GROUP BY l.slice, e.grp
ORDER BY l.slice, e.grp;
