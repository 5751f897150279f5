-- name: attrition_12m
-- title: 12-month attrition
-- question: Of the people employed at the end of the same period a year earlier, what share of each group is no longer employed at the end of this one? (12-month retention is the complement, 1 - attrition.)
-- kind: rate
-- outcome: adverse
-- requires: people
-- inputs: people
-- parameters:
--   period_end   DATE     first day after the review period
--   dimension    VARCHAR  equity dimension (gender, race_ethnicity or a declared one)
--   dimension2   VARCHAR  second dimension for an intersection, or NULL
--   department   VARCHAR  filter on the department a year earlier, or NULL for all
--   location     VARCHAR  filter on the location a year earlier, or NULL for all
--   level_min    INTEGER  filter on the level a year earlier, or NULL
--   level_max    INTEGER  filter on the level a year earlier, or NULL
-- output:
--   slice        VARCHAR  'all'
--   grp          VARCHAR  the group of the dimension, as recorded a year earlier
--   numerator    BIGINT   people of the group not in the headcount on the last day of the period
--   denominator  BIGINT   headcount of the group on the base date (the last day of the same period a year earlier)
-- population: employees on the base date, the last day of the same period one year earlier (period_end - 12 months - 1 day), i.e. the period-end headcount of that period

-- Two headcounts twelve months apart, both taken on a period's last day as every other
-- period-end figure is: for 2025-Q2 the base is 2024-06-30 and the end 2025-06-30. Using the
-- same kind of date at both ends keeps month lengths and leap days out of the definition.
-- (The dates are written out in the calls, not read from a CTE: a scalar subquery there made
-- each headcount read every roster row before filtering.)
WITH base AS (
  SELECT person_id, grp
  FROM headcount_at(($period_end::DATE - INTERVAL 12 MONTH)::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
-- Still employed anywhere in the organisation: the filters describe where people were a year
-- ago, and moving department is not leaving. Someone who left and was rehired within the
-- year is employed at the end and counts as retained.
still_employed AS (
  SELECT person_id
  FROM headcount_at($period_end::DATE - 1, NULL, NULL, NULL, NULL, $dimension, $dimension2)
)
SELECT
  'all' AS slice,
  b.grp,
  count(*) FILTER (WHERE s.person_id IS NULL) AS numerator,
  count(*) AS denominator
FROM base b
LEFT JOIN still_employed s USING (person_id)
GROUP BY b.grp
ORDER BY b.grp;
