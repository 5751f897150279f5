-- name: promotion_rate
-- title: Promotion rate
-- question: What share of each group was promoted in the period, overall and at each level they held when it began?
-- kind: rate
-- outcome: favourable
-- pooling: person-quarters
-- cross_block: grp
-- total_block: all
-- requires: people
-- inputs: people, job_events
-- parameters:
--   period_start DATE     first day of the review period
--   period_end   DATE     first day after the review period
--   dimension    VARCHAR  equity dimension (gender, race_ethnicity or a declared one)
--   dimension2   VARCHAR  second dimension for an intersection, or NULL
--   department   VARCHAR  filter on the department at period start, or NULL for all
--   location     VARCHAR  filter on the location at period start, or NULL for all
--   level_min    INTEGER  filter on the level at period start, or NULL
--   level_max    INTEGER  filter on the level at period start, or NULL
-- output:
--   slice        VARCHAR  'all', or 'level <label>' for the level held at period start (lowest first)
--   grp          VARCHAR  the group of the dimension, as recorded at period start
--   numerator    BIGINT   people of the group with at least one promotion dated in [period_start, period_end)
--   denominator  BIGINT   headcount of the group on the first day of the period
-- population: employees on the first day of the period (hired on or before it, not terminated before it); people who left during the period stay in the denominator and their exits are reported by the exits model

-- The denominator is fixed at the start so that a leaver still counts: dropping people who
-- left would flatter the rate of any group that loses people faster (METRICS.md).
WITH at_start AS (
  SELECT person_id, grp, level_rank, level_label
  FROM headcount_at($period_start::DATE, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
-- A person promoted twice in the period counts once: the rate is of people, not of events.
-- Events come from job_events, or from the rosters when job_events carry no level changes.
promoted AS (
  SELECT DISTINCT person_id
  FROM career_events()
  WHERE event_type = 'promotion'
    AND effective_date >= $period_start::DATE AND effective_date < $period_end::DATE
),
-- One name per level: the roster label when there is one (e.g. 'L3'), the rank otherwise.
level_names AS (
  SELECT level_rank, min(coalesce(level_label, level_rank::VARCHAR)) AS label
  FROM at_start GROUP BY level_rank
),
-- Every person counts in 'all' and in the slice of the level they held at period start, so
-- "promoted less at one level" shows even when the overall rates look alike.
sliced AS (
  SELECT 'all' AS slice, -1 AS slice_order, person_id, grp FROM at_start
  UNION ALL
  SELECT 'level ' || n.label, n.level_rank, s.person_id, s.grp
  FROM at_start s JOIN level_names n USING (level_rank)
)
SELECT
  s.slice,
  s.grp,
  count(p.person_id) AS numerator,
  count(*) AS denominator
FROM sliced s
LEFT JOIN promoted p USING (person_id)
GROUP BY s.slice, s.slice_order, s.grp
ORDER BY s.slice_order, s.grp;
