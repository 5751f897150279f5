-- name: time_to_match
-- title: Time to match
-- question: How long does each group wait from asking for a mentor to being matched, counting the people still waiting?
-- kind: table
-- requires: people, matches
-- inputs: people, matches, enrollments, programs, sessions
-- parameters:
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
--   t            BIGINT   days from the first request to the first match after it (event), or to the censoring date (still waiting)
--   events       BIGINT   requests matched after t days
--   censored     BIGINT   requests still waiting after t days at the censoring date
-- population: every mentee request made on or before the last day of the period by people employed on that day; one request per person and program (per person in 'all')
-- postprocess: survival
-- cross_block: grp
-- total_block: all

-- Cohort: every request made up to the period's end, however old, so the curve describes
-- the whole wait as known at the period's end. A request is the first sign a person asked for a
-- mentor in a program: the earliest of their match request dates and mentee application dates
-- there. It ends at their first match made on or after it. Requests not matched by the
-- censoring date - the period's last day, or the last day the mentorship data knows about if
-- that is earlier - are censored then, never dropped; withdrawn applicants too (the export
-- has no withdrawal date, and keeping them at risk can only lengthen the measured wait).

WITH mentees AS (
  SELECT person_id, grp
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
data_end AS (
  -- The latest date in the mentorship data: nobody can be seen matched after it.
  SELECT max(d) AS d FROM (
    SELECT max(requested_date) AS d FROM matches UNION ALL
    SELECT max(matched_date) FROM matches UNION ALL
    SELECT max(end_date) FROM matches UNION ALL
    SELECT max(applied_date) FROM enrollments UNION ALL
    SELECT max(enrolled_date) FROM enrollments UNION ALL
    SELECT max(date) FROM sessions
  )
),
cutoff AS (
  SELECT least($period_end::DATE - 1, coalesce(d, $period_end::DATE - 1)) AS d FROM data_end
),
program_names AS (
  SELECT
    program_id, layer,
    CASE WHEN count(*) OVER (PARTITION BY name) > 1 THEN name || ' (' || program_id || ')' ELSE name END AS program_name
  FROM programs
),
asks AS (
  -- Every sign that someone asked for a mentor in a program, with the date they asked.
  SELECT mentee_id AS person_id, program_id, requested_date AS asked FROM matches WHERE requested_date IS NOT NULL
  UNION ALL
  SELECT person_id, program_id, applied_date FROM enrollments WHERE role = 'mentee' AND applied_date IS NOT NULL
),
in_scope AS (
  SELECT a.person_id, a.program_id, a.asked, coalesce(pn.program_name, a.program_id) AS program_name
  FROM asks a
  LEFT JOIN program_names pn ON pn.program_id = a.program_id
  WHERE ($layer IS NULL OR coalesce(pn.layer, 'formal') = $layer)
    AND ($program_id IS NULL OR a.program_id = $program_id)
),
matched AS (
  SELECT mentee_id AS person_id, program_id, matched_date FROM matches WHERE matched_date IS NOT NULL
),
per_program AS (
  SELECT r.person_id, r.program_name AS slice, r.program_id, min(r.asked) AS asked
  FROM in_scope r
  GROUP BY r.person_id, r.program_name, r.program_id
),
per_person AS (
  SELECT person_id, 'all' AS slice, min(asked) AS asked
  FROM per_program
  GROUP BY person_id
),
requests AS (
  -- The first match after the request: in the program for a program slice, in any program in scope for 'all'.
  SELECT p.person_id, p.slice, p.asked, min(m.matched_date) AS first_match
  FROM per_program p
  LEFT JOIN matched m ON m.person_id = p.person_id AND m.program_id = p.program_id AND m.matched_date >= p.asked
  GROUP BY p.person_id, p.slice, p.program_id, p.asked
  UNION ALL
  SELECT p.person_id, p.slice, p.asked, min(mq.matched_date) AS first_match
  FROM per_person p
  LEFT JOIN (
    SELECT q.person_id, m.matched_date
    FROM per_program q JOIN matched m ON m.person_id = q.person_id AND m.program_id = q.program_id
  ) mq ON mq.person_id = p.person_id AND mq.matched_date >= p.asked
  GROUP BY p.person_id, p.slice, p.asked
),
timed AS (
  SELECT r.slice, e.grp,
         r.first_match IS NOT NULL AND r.first_match <= c.d AS matched,
         CASE WHEN r.first_match IS NOT NULL AND r.first_match <= c.d THEN r.first_match ELSE c.d END - r.asked AS t
  FROM requests r
  JOIN mentees e ON e.person_id = r.person_id
  CROSS JOIN cutoff c
  WHERE r.asked < $period_end::DATE
)
SELECT slice, grp, t,
       count(*) FILTER (WHERE matched) AS events,
       count(*) FILTER (WHERE NOT matched) AS censored
FROM timed
GROUP BY slice, grp, t
ORDER BY slice <> 'all', slice, grp, t;
