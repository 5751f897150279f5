-- name: unknown_demographics
-- title: Unknown demographics
-- question: In each department, what share of people have no recorded value (or "Prefer not to say") for the dimension, and how far could each group's share move if all of them belonged to it?
-- kind: table
-- requires: people
-- inputs: people
-- group_size: headcount
-- counts: unknown, count
-- block: department
-- cross_block: grp
-- total_block: All departments
-- parameters:
--   period_end   DATE     first day after the review period
--   dimension    VARCHAR  equity dimension (gender, race_ethnicity or a declared one)
--   dimension2   VARCHAR  second dimension for an intersection, or NULL (a person is unknown when either value is)
--   department   VARCHAR  filter, or NULL for all (then an 'All departments' block comes first)
--   location     VARCHAR  filter, or NULL for all
--   level_min    INTEGER  filter, or NULL
--   level_max    INTEGER  filter, or NULL
-- output:
--   department    VARCHAR  the department ('Not recorded' when empty), or 'All departments'
--   grp           VARCHAR  a group with a known value (NULL when the department has no known value at all)
--   headcount     BIGINT   people in the department
--   unknown       BIGINT   of them, with a missing value or "Prefer not to say"
--   share_unknown DOUBLE   unknown / headcount
--   count         BIGINT   people of the group in the department
--   share_known   DOUBLE   count / (headcount - unknown): the group's share among the people whose value is known
--   share_min     DOUBLE   count / headcount: the group's share if none of the unknown belonged to it
--   share_max     DOUBLE   (count + unknown) / headcount: its share if all of the unknown belonged to it
-- population: employees on the last day of the period (hired on or before it, not terminated before it), within the filters
--
-- The range [share_min, share_max] bounds the group's true share in the department whatever
-- the unknown values are; its width is share_unknown. A gap between two groups can move by up
-- to share_unknown in either direction, so a gap narrower than that is not settled by the data.

WITH at_end AS (
  SELECT person_id, grp, coalesce(department, 'Not recorded') AS department
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
-- The same two labels the statistics treat as "not a demographic group"; for an intersection,
-- unknown on either side is unknown.
flagged AS (
  SELECT *, list_has_any(string_split(grp, ' × '), ['Not recorded', 'Prefer not to say']) AS is_unknown
  FROM at_end
),
scoped AS (
  SELECT 'All departments' AS department, 0 AS scope_order, grp, is_unknown FROM flagged WHERE $department IS NULL
  UNION ALL
  SELECT department, 1, grp, is_unknown FROM flagged
),
totals AS (
  SELECT department, scope_order, count(*) AS headcount, count(*) FILTER (WHERE is_unknown) AS unknown
  FROM scoped GROUP BY department, scope_order
),
known_groups AS (SELECT DISTINCT grp FROM flagged WHERE NOT is_unknown),
counts AS (
  SELECT department, grp, count(*) AS n FROM scoped WHERE NOT is_unknown GROUP BY department, grp
)
-- Every known group in every department, with 0 where it has nobody.
SELECT
  t.department,
  g.grp,
  t.headcount,
  t.unknown,
  t.unknown / t.headcount AS share_unknown,
  coalesce(c.n, 0) AS count,
  coalesce(c.n, 0) / nullif(t.headcount - t.unknown, 0) AS share_known,
  coalesce(c.n, 0) / t.headcount AS share_min,
  (coalesce(c.n, 0) + t.unknown) / t.headcount AS share_max
FROM totals t
LEFT JOIN known_groups g ON true
LEFT JOIN counts c ON c.department = t.department AND c.grp = g.grp
ORDER BY t.scope_order, t.department, g.grp;
