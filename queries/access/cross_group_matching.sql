-- name: cross_group_matching
-- title: Who is matched with whom
-- question: How often are mentees of each group matched with mentors of each group, compared with what independence of the two would give?
-- kind: table
-- requires: people, matches
-- inputs: people, matches, programs
-- parameters:
--   period_start DATE     first day of the review period
--   period_end   DATE     first day after the review period
--   dimension    VARCHAR  equity dimension, for mentors and mentees alike
--   dimension2   VARCHAR  second dimension for an intersection, or NULL
--   department   VARCHAR  filter on the mentee, or NULL for all
--   location     VARCHAR  filter on the mentee, or NULL for all
--   level_min    INTEGER  filter on the mentee, or NULL
--   level_max    INTEGER  filter on the mentee, or NULL
--   layer        VARCHAR  only programs of this layer, or NULL for all
--   program_id   VARCHAR  only this program, or NULL for all
-- output:
--   mentor_grp   VARCHAR  the mentor's group
--   mentee_grp   VARCHAR  the mentee's group
--   observed     BIGINT   matches active in the period between the two groups
--   expected     DOUBLE   mentor group total x mentee group total / grand total (added by the matrix post-processor, over the groups shown)
--   ratio        DOUBLE   observed / expected (added by the matrix post-processor)
-- population: matches active in the period whose mentee is employed on the last day of the period; mentors as on their latest roster record up to that day
-- group_size: observed
-- postprocess: matrix

-- The SQL returns the full grid of observed counts, zeros included (a zero is an answer:
-- "no woman mentor had a man as mentee"). The matrix post-processor computes expected and
-- ratio and applies disclosure control; see src/models/post/matrix.ts for why it is not the
-- row suppression of other table models.

WITH mentees AS (
  SELECT person_id, grp
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
mentor_groups AS (
  -- A mentor is grouped by their latest roster record up to the period's end: the match was
  -- active in the period even if the mentor has left since. The page's filters describe the
  -- mentees, so mentors from any department count.
  SELECT person_id, group_label(gender, race_ethnicity, extra_dims, $dimension, $dimension2) AS grp
  FROM last_records($period_end::DATE - 1)
  WHERE person_id IN (SELECT mentor_id FROM matches)
),
active_matches AS (
  -- Active in the period: made before it ended and not ended before it began.
  SELECT m.mentor_id, m.mentee_id
  FROM matches m
  LEFT JOIN programs pr ON pr.program_id = m.program_id
  WHERE m.matched_date IS NOT NULL
    AND m.matched_date < $period_end::DATE
    AND (m.end_date IS NULL OR m.end_date >= $period_start::DATE)
    AND ($layer IS NULL OR coalesce(pr.layer, 'formal') = $layer)
    AND ($program_id IS NULL OR m.program_id = $program_id)
),
pairs AS (
  SELECT mg.grp AS mentor_grp, me.grp AS mentee_grp
  FROM active_matches am
  JOIN mentees me ON me.person_id = am.mentee_id
  JOIN mentor_groups mg ON mg.person_id = am.mentor_id
),
mentor_side AS (SELECT DISTINCT mentor_grp FROM pairs),
mentee_side AS (SELECT DISTINCT mentee_grp FROM pairs)
SELECT r.mentor_grp, c.mentee_grp, count(p.mentor_grp) AS observed
FROM mentor_side r
CROSS JOIN mentee_side c
LEFT JOIN pairs p ON p.mentor_grp = r.mentor_grp AND p.mentee_grp = c.mentee_grp
GROUP BY r.mentor_grp, c.mentee_grp
ORDER BY r.mentor_grp, c.mentee_grp;
