-- name: pipeline
-- title: Representation pipeline
-- question: What share of each level does each group hold, from the lowest level to the highest, and where does its representation drop?
-- kind: table
-- requires: people
-- inputs: people
-- group_size: level_total
-- counts: count, count_below, level_total_below
-- block: level
-- cross_block: grp
-- postprocess: below_shown
-- parameters:
--   period_end   DATE     first day after the review period
--   dimension    VARCHAR  equity dimension (gender, race_ethnicity or a declared one)
--   dimension2   VARCHAR  second dimension for an intersection, or NULL
--   department   VARCHAR  filter, or NULL for all
--   location     VARCHAR  filter, or NULL for all
--   level_min    INTEGER  filter, or NULL
--   level_max    INTEGER  filter, or NULL
-- output:
--   level             VARCHAR  the level label (rows run from the lowest level to the highest)
--   grp               VARCHAR  the group of the dimension
--   count             BIGINT   people of the group at this level
--   level_total       BIGINT   people at this level, all groups
--   share             DOUBLE   count / level_total
--   share_below       DOUBLE   the group's share at the next lower level present; NULL at the lowest level
--   gap_pp            DOUBLE   (share - share_below) x 100, percentage points; negative = representation drops going up; NULL at the lowest level
--   count_below       BIGINT   people of the group at the next lower level (carried for disclosure control)
--   level_total_below BIGINT   people at the next lower level (carried for disclosure control)
-- population: employees on the last day of the period (hired on or before it, not terminated before it)
--
-- Disclosure: gap_pp is built from the level below, so that level's counts travel in the row
-- and a small cell below hides the gap above it as well as its own row.

WITH at_end AS (
  SELECT person_id, grp, level_rank, level_label
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
levels AS (
  SELECT level_rank, min(coalesce(level_label, level_rank::VARCHAR)) AS label, count(*) AS level_total
  FROM at_end GROUP BY level_rank
),
groups AS (SELECT DISTINCT grp FROM at_end),
-- Every group at every level, with 0 where it has nobody: an empty top level is the finding.
cells AS (
  SELECT l.level_rank, l.label, l.level_total, g.grp,
         (SELECT count(*) FROM at_end e WHERE e.level_rank = l.level_rank AND e.grp = g.grp) AS count
  FROM levels l CROSS JOIN groups g
),
-- "Below" is the next lower level that has anyone in it, so a gap in the level numbering
-- does not leave a level without a comparison.
stepped AS (
  SELECT *,
         count / level_total AS share,
         lag(count) OVER w AS count_below,
         lag(level_total) OVER w AS level_total_below
  FROM cells
  WINDOW w AS (PARTITION BY grp ORDER BY level_rank)
)
SELECT
  label AS level,
  grp,
  count,
  level_total,
  share,
  count_below / level_total_below AS share_below,
  (share - count_below / level_total_below) * 100 AS gap_pp,
  count_below,
  level_total_below
FROM stepped
ORDER BY level_rank, grp;
