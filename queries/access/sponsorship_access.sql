-- name: sponsorship_access
-- title: Sponsorship access
-- question: What share of each group's mentees have a mentor at least two levels above them?
-- kind: rate
-- outcome: favourable
-- cross_block: grp
-- total_block: all
-- requires: people, matches
-- inputs: people, matches, programs
-- parameters:
--   period_start DATE     first day of the review period
--   period_end   DATE     first day after the review period
--   dimension    VARCHAR  equity dimension of the mentee
--   dimension2   VARCHAR  second dimension for an intersection, or NULL
--   department   VARCHAR  filter on the mentee, or NULL for all
--   location     VARCHAR  filter on the mentee, or NULL for all
--   level_min    INTEGER  filter on the mentee, or NULL
--   level_max    INTEGER  filter on the mentee, or NULL
--   layer        VARCHAR  only programs of this layer, or NULL for all
--   program_id   VARCHAR  only this program, or NULL for all
-- output:
--   slice        VARCHAR  all, or the program's name
--   grp          VARCHAR  the mentee's group
--   numerator    BIGINT   mentees with at least one mentor (of a match active in the period) two or more levels above them
--   denominator  BIGINT   mentees: mentee of a match active in the period
-- population: mentees of matches active in the period who are employed on the last day of the period; levels from the roster in force that day

WITH mentees AS (
  SELECT person_id, grp, level_rank
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
mentor_levels AS (
  -- The mentor's level in the roster in force at the period's end; a mentor who is no longer
  -- on it keeps the level of their latest earlier record. A mentor on no roster has no known
  -- level: their mentee stays in the denominator and does not count as sponsored.
  SELECT person_id, level_rank
  FROM last_records($period_end::DATE - 1)
  WHERE person_id IN (SELECT mentor_id FROM matches)
),
program_names AS (
  SELECT
    program_id, layer,
    CASE WHEN count(*) OVER (PARTITION BY name) > 1 THEN name || ' (' || program_id || ')' ELSE name END AS program_name
  FROM programs
),
active_matches AS (
  -- Active in the period: made before it ended and not ended before it began.
  SELECT m.mentee_id, m.mentor_id, coalesce(pn.program_name, m.program_id) AS program_name
  FROM matches m
  LEFT JOIN program_names pn ON pn.program_id = m.program_id
  WHERE m.matched_date IS NOT NULL
    AND m.matched_date < $period_end::DATE
    AND (m.end_date IS NULL OR m.end_date >= $period_start::DATE)
    AND ($layer IS NULL OR coalesce(pn.layer, 'formal') = $layer)
    AND ($program_id IS NULL OR m.program_id = $program_id)
),
pairs AS (
  SELECT am.program_name, e.person_id, e.grp,
         coalesce(ml.level_rank >= e.level_rank + 2, false) AS two_up
  FROM active_matches am
  JOIN mentees e ON e.person_id = am.mentee_id
  LEFT JOIN mentor_levels ml ON ml.person_id = am.mentor_id
),
by_slice AS (
  -- A mentee with several mentors counts once, as sponsored if any of them is two levels up.
  SELECT 'all' AS slice, person_id, grp, bool_or(two_up) AS sponsored FROM pairs GROUP BY person_id, grp
  UNION ALL
  SELECT program_name, person_id, grp, bool_or(two_up) FROM pairs GROUP BY program_name, person_id, grp
)
SELECT slice, grp, count(*) FILTER (WHERE sponsored) AS numerator, count(*) AS denominator
FROM by_slice
GROUP BY slice, grp
ORDER BY slice <> 'all', slice, grp;
