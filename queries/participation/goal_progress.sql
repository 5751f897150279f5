-- name: goal_progress
-- title: Progress toward goals
-- question: What share of each group's mentees have set a goal, and of those, what share have a goal completed or on track?
-- kind: rate
-- outcome: favourable
-- cross_block: grp
-- requires: people, matches, goals
-- inputs: people, matches, programs, goals
-- parameters:
--   period_start DATE     first day of the review period
--   period_end   DATE     first day after the review period
--   dimension    VARCHAR  equity dimension (gender, race_ethnicity or a declared one)
--   dimension2   VARCHAR  second dimension for an intersection, or NULL
--   department   VARCHAR  filter, or NULL for all
--   location     VARCHAR  filter, or NULL for all
--   level_min    INTEGER  filter, or NULL
--   level_max    INTEGER  filter, or NULL
--   layer        VARCHAR  only matches of programs of this layer, or NULL for all
--   program_id   VARCHAR  only matches of this program, or NULL for all
-- output:
--   slice        VARCHAR  'goal set' or 'completed or on track'
--   grp          VARCHAR  the mentee's group
--   numerator    BIGINT   goal set: mentees with a goal set on or before the period's last day; completed or on track: mentees with such a goal whose status is completed or on_track
--   denominator  BIGINT   goal set: mentees; completed or on track: mentees with a goal set on or before the period's last day
-- population: mentees (mentee of a match active in the period) employed on the last day of the period; for 'completed or on track', those of them with a goal

WITH eligible AS (
  SELECT person_id, grp
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
mentees AS (
  -- Mentee of a match active in the period: made before it ended, not ended before it began.
  SELECT DISTINCT e.person_id, e.grp
  FROM matches m
  JOIN eligible e ON e.person_id = m.mentee_id
  LEFT JOIN programs pr ON pr.program_id = m.program_id
  WHERE m.matched_date IS NOT NULL
    AND m.matched_date < $period_end::DATE
    AND (m.end_date IS NULL OR m.end_date >= $period_start::DATE)
    AND ($layer IS NULL OR coalesce(pr.layer, 'formal') = $layer)
    AND ($program_id IS NULL OR m.program_id = $program_id)
),
goal_status AS (
  -- Any goal of the person set by the period's end counts, whether or not it names the match.
  -- A goal carries only its latest status, so for a past period this is the status known
  -- today (a goal completed after the period was open then and counts as on track either way).
  SELECT person_id, bool_or(status IN ('completed', 'on_track')) AS progressing
  FROM goals
  WHERE set_date < $period_end::DATE
  GROUP BY person_id
)
SELECT 'goal set' AS slice, m.grp, count(g.person_id) AS numerator, count(*) AS denominator
FROM mentees m
LEFT JOIN goal_status g ON g.person_id = m.person_id
GROUP BY m.grp
UNION ALL
SELECT 'completed or on track', m.grp, count(*) FILTER (WHERE g.progressing), count(*)
FROM mentees m
JOIN goal_status g ON g.person_id = m.person_id
GROUP BY m.grp
ORDER BY slice DESC, grp;
