-- name: exits
-- title: Exits
-- question: What share of each group left the organisation during the period, overall and at each level they held when it began?
-- kind: rate
-- outcome: adverse
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
--   numerator    BIGINT   people of the group with an exit dated in [period_start, period_end)
--   denominator  BIGINT   headcount of the group on the first day of the period
-- population: employees on the first day of the period (hired on or before it, not terminated before it), the same denominator as the promotion rate

-- The exits that the promotion rate keeps in its denominator, reported on their own so a
-- review reads both together. Adverse: the impact ratio is taken the other way round.
WITH at_start AS (
  SELECT person_id, grp, level_rank, level_label
  FROM headcount_at($period_start::DATE, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
-- An exit is a termination in job_events, or (without them) a termination date in a roster
-- or a disappearance from the next roster, dated at that roster.
exited AS (
  SELECT DISTINCT person_id
  FROM career_events()
  WHERE event_type = 'termination'
    AND effective_date >= $period_start::DATE AND effective_date < $period_end::DATE
),
level_names AS (
  SELECT level_rank, min(coalesce(level_label, level_rank::VARCHAR)) AS label
  FROM at_start GROUP BY level_rank
),
sliced AS (
  SELECT 'all' AS slice, -1 AS slice_order, person_id, grp FROM at_start
  UNION ALL
  SELECT 'level ' || n.label, n.level_rank, s.person_id, s.grp
  FROM at_start s JOIN level_names n USING (level_rank)
)
SELECT
  s.slice,
  s.grp,
  count(x.person_id) AS numerator,
  count(*) AS denominator
FROM sliced s
LEFT JOIN exited x USING (person_id)
GROUP BY s.slice, s.slice_order, s.grp
ORDER BY s.slice_order, s.grp;
