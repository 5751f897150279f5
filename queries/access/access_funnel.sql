-- name: access_funnel
-- title: Access funnel
-- question: At which step - applying, being matched, meeting regularly, completing - does each group fall behind?
-- kind: rate
-- outcome: favourable
-- requires: people, enrollments, matches, sessions
-- inputs: people, enrollments, matches, sessions, programs
-- parameters:
--   period_start DATE     first day of the review period
--   period_end   DATE     first day after the review period
--   dimension    VARCHAR  equity dimension (gender, race_ethnicity or a declared one)
--   dimension2   VARCHAR  second dimension for an intersection, or NULL
--   department   VARCHAR  filter, or NULL for all
--   location     VARCHAR  filter, or NULL for all
--   level_min    INTEGER  filter, or NULL
--   level_max    INTEGER  filter, or NULL
--   layer        VARCHAR  only programs of this layer, or NULL for all
--   program_id   VARCHAR  only this program, or NULL for all
-- output:
--   slice        VARCHAR  the stage: 1 eligible, 2 applied, 3 matched, 4 active, 5 completed
--   grp          VARCHAR  the group of the dimension
--   numerator    BIGINT   eligible people of the group who reached the stage (and every stage before it) in the period
--   denominator  BIGINT   eligible headcount of the group: employed on the last day of the period, the same at every stage
-- population: employees on the last day of the period (hired on or before it, not terminated before it), at every stage

-- Every stage is divided by the same eligible headcount, not by the stage before it, so the
-- impact ratio at each stage compares like with like: "women reached a match at 0.7x the rate
-- of men" whatever happened upstream. The stage-to-stage conversion is the ratio of two
-- adjacent rates. Stages nest: reaching one means reaching every one before it.
--   2 applied:   a mentee application dated in the period, or a match active in the period
--                (a matched person applied, whether or not the application was exported)
--   3 matched:   mentee of a match active in the period (made before it ended, not ended before it began)
--   4 active:    matched, and 3 or more conversations of their matches in the period
--   5 completed: active, and one of their matches ended in the period as completed (the
--                match's status says completed, or their enrollment in its program does)

WITH eligible AS (
  SELECT person_id, grp
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
active_matches AS (
  -- A program missing from the programs table counts as formal, as matches are.
  SELECT m.match_id, m.mentee_id, m.program_id, m.end_date, lower(trim(m.status)) AS status
  FROM matches m
  LEFT JOIN programs p ON p.program_id = m.program_id
  WHERE m.matched_date IS NOT NULL
    AND m.matched_date < $period_end::DATE
    AND (m.end_date IS NULL OR m.end_date >= $period_start::DATE)
    AND ($layer IS NULL OR coalesce(p.layer, 'formal') = $layer)
    AND ($program_id IS NULL OR m.program_id = $program_id)
),
applied AS (
  SELECT en.person_id
  FROM enrollments en
  LEFT JOIN programs p ON p.program_id = en.program_id
  WHERE en.role = 'mentee'
    AND en.applied_date >= $period_start::DATE AND en.applied_date < $period_end::DATE
    AND ($layer IS NULL OR coalesce(p.layer, 'formal') = $layer)
    AND ($program_id IS NULL OR en.program_id = $program_id)
  UNION
  SELECT mentee_id FROM active_matches
),
matched AS (
  SELECT DISTINCT mentee_id AS person_id FROM active_matches
),
active AS (
  -- Conversations of their own matches: the funnel follows the mentoring relationship.
  SELECT am.mentee_id AS person_id
  FROM active_matches am
  JOIN sessions s ON s.match_id = am.match_id
  WHERE s.date >= $period_start::DATE AND s.date < $period_end::DATE
  GROUP BY am.mentee_id
  HAVING count(DISTINCT s.session_id) >= 3
),
completed AS (
  SELECT DISTINCT am.mentee_id AS person_id
  FROM active_matches am
  WHERE am.end_date >= $period_start::DATE AND am.end_date < $period_end::DATE
    AND (am.status IN ('completed', 'complete')
         OR EXISTS (SELECT 1 FROM enrollments en
                    WHERE en.person_id = am.mentee_id AND en.program_id = am.program_id
                      AND en.role = 'mentee' AND en.status = 'completed'))
),
stages AS (
  SELECT
    e.person_id, e.grp,
    true AS s1,
    e.person_id IN (SELECT person_id FROM applied) AS s2,
    e.person_id IN (SELECT person_id FROM matched) AS s3,
    e.person_id IN (SELECT person_id FROM active) AS s4,
    e.person_id IN (SELECT person_id FROM completed) AS s5
  FROM eligible e
),
-- Counted per group, then spread over the stages (not every person joined to every stage).
-- Nesting made explicit (a match implies an application already; the AND keeps it so).
by_group AS (
  SELECT grp,
         count(*) FILTER (WHERE s1) AS n1,
         count(*) FILTER (WHERE s1 AND s2) AS n2,
         count(*) FILTER (WHERE s1 AND s2 AND s3) AS n3,
         count(*) FILTER (WHERE s1 AND s2 AND s3 AND s4) AS n4,
         count(*) FILTER (WHERE s1 AND s2 AND s3 AND s4 AND s5) AS n5,
         count(*) AS denominator
  FROM stages
  GROUP BY grp
),
stage_names AS (
  SELECT * FROM (VALUES (1, '1 eligible'), (2, '2 applied'), (3, '3 matched'), (4, '4 active'), (5, '5 completed')) AS t(i, slice)
)
SELECT
  sn.slice,
  g.grp,
  [g.n1, g.n2, g.n3, g.n4, g.n5][sn.i] AS numerator,
  g.denominator
FROM by_group g
CROSS JOIN stage_names sn
ORDER BY sn.slice, g.grp;
