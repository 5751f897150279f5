-- name: waitlisting
-- title: Waitlisted applicants
-- question: Of each group's people who applied to be mentored in the period, what share were still waiting for a match at the period's end?
-- kind: rate
-- outcome: adverse
-- cross_block: grp
-- total_block: all
-- requires: people, enrollments, matches
-- inputs: people, enrollments, matches, programs
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
--   slice        VARCHAR  all, or the program's name
--   grp          VARCHAR  the group of the dimension
--   numerator    BIGINT   applicants still waiting at the period's end: not matched by then in a program they applied to, and not withdrawn
--   denominator  BIGINT   applicants: people with a mentee application dated in the period
-- population: people with a mentee application dated in the period (any status) who are employed on the last day of the period

-- Waitlisted means "still waiting at the period's end", not "status = waitlisted": the status
-- is the one of the latest export, so a person waitlisted in Q2 and matched in Q3 reads
-- 'matched' today and would vanish from Q2's figure, and the comparison with earlier periods
-- would drift. Waiting is dated by the matches instead; only 'withdrawn' is taken from the
-- status, because a withdrawn applicant is no longer waiting. An application still under
-- review at the period's end counts as waiting: from the applicant's side, it is.

WITH eligible AS (
  SELECT person_id, grp
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
program_names AS (
  SELECT
    program_id, layer,
    CASE WHEN count(*) OVER (PARTITION BY name) > 1 THEN name || ' (' || program_id || ')' ELSE name END AS program_name
  FROM programs
),
applications AS (
  -- The same applicants as application_to_match.
  SELECT en.person_id, en.program_id, en.applied_date, en.status, el.grp,
         coalesce(pn.program_name, en.program_id) AS program_name
  FROM enrollments en
  JOIN eligible el ON el.person_id = en.person_id
  LEFT JOIN program_names pn ON pn.program_id = en.program_id
  WHERE en.role = 'mentee'
    AND en.applied_date >= $period_start::DATE AND en.applied_date < $period_end::DATE
    -- A program missing from the programs table counts as formal, as in the access funnel.
    AND ($layer IS NULL OR coalesce(pn.layer, 'formal') = $layer)
    AND ($program_id IS NULL OR en.program_id = $program_id)
),
outcomes AS (
  SELECT a.person_id, a.grp, a.program_name,
         EXISTS (
           SELECT 1 FROM matches m
           WHERE m.mentee_id = a.person_id AND m.program_id = a.program_id
             AND m.matched_date >= a.applied_date AND m.matched_date < $period_end::DATE
         ) AS matched,
         a.status IS DISTINCT FROM 'withdrawn' AS still_wanted
  FROM applications a
),
by_slice AS (
  -- A person is waitlisted in a slice when some application there is still wanted and none
  -- of their applications there was matched: someone matched in one program while waiting
  -- for another is not a waitlisted person in 'all'.
  SELECT 'all' AS slice, person_id, grp,
         bool_or(still_wanted AND NOT matched) AND NOT bool_or(matched) AS waiting
  FROM outcomes GROUP BY person_id, grp
  UNION ALL
  SELECT program_name, person_id, grp,
         bool_or(still_wanted AND NOT matched) AND NOT bool_or(matched)
  FROM outcomes GROUP BY program_name, person_id, grp
)
SELECT slice, grp, count(*) FILTER (WHERE waiting) AS numerator, count(*) AS denominator
FROM by_slice
GROUP BY slice, grp
ORDER BY slice <> 'all', slice, grp;
