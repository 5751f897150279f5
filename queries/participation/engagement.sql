-- name: engagement
-- title: Engagement of matches
-- question: How much do the matches of each mentee group meet - conversations and minutes per match, days between conversations - and how many have gone quiet?
-- kind: table
-- requires: people, matches, sessions
-- inputs: people, matches, sessions, programs
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
--   slice                   VARCHAR  all, or the program's name
--   grp                     VARCHAR  the mentee's group
--   mentees                 BIGINT   distinct mentees of the row's matches (the group size for disclosure)
--   matches                 BIGINT   matches active in the period: made before its end, not ended before its start
--   conversations_per_match DOUBLE   conversations of those matches in the period / matches
--   minutes_per_match       DOUBLE   minutes of those conversations / matches (a conversation without a duration adds none)
--   median_days_between     DOUBLE   median days between consecutive conversations of a match, over every gap that ends in the period
--   dormant_matches         BIGINT   matches made at least 60 days before the period's end, not ended by then, with no conversation in its last 60 days
-- population: matches active in the period whose mentee is employed on the last day of the period
-- group_size: mentees
-- counts: dormant_matches
-- block: slice
-- cross_block: grp
-- total_block: all

WITH mentees AS (
  SELECT person_id, grp
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
program_names AS (
  SELECT
    program_id, layer,
    CASE WHEN count(*) OVER (PARTITION BY name) > 1 THEN name || ' (' || program_id || ')' ELSE name END AS program_name
  FROM programs
),
active_matches AS (
  -- Active in the period: made before it ended and not ended before it began.
  SELECT m.match_id, m.mentee_id, m.matched_date, m.end_date, e.grp,
         coalesce(pn.program_name, m.program_id) AS program_name
  FROM matches m
  JOIN mentees e ON e.person_id = m.mentee_id
  LEFT JOIN program_names pn ON pn.program_id = m.program_id
  WHERE m.matched_date IS NOT NULL
    AND m.matched_date < $period_end::DATE
    AND (m.end_date IS NULL OR m.end_date >= $period_start::DATE)
    AND ($layer IS NULL OR coalesce(pn.layer, 'formal') = $layer)
    AND ($program_id IS NULL OR m.program_id = $program_id)
),
match_sessions AS (
  -- Every conversation of these matches up to the period's end, with the days since the
  -- match's previous one: the first gap of the period may reach back before it.
  SELECT s.match_id, s.date, s.duration_minutes,
         s.date - lag(s.date) OVER (PARTITION BY s.match_id ORDER BY s.date) AS days_since_previous
  FROM sessions s
  WHERE s.match_id IN (SELECT match_id FROM active_matches)
    AND s.date < $period_end::DATE
),
per_match AS (
  SELECT
    a.match_id, a.mentee_id, a.grp, a.program_name,
    count(s.date) FILTER (WHERE s.date >= $period_start::DATE) AS conversations,
    coalesce(sum(s.duration_minutes) FILTER (WHERE s.date >= $period_start::DATE), 0) AS minutes,
    -- Dormant: still open at the period's end, old enough to have met in the last 60 days
    -- (a match made last week has not gone quiet), and no conversation in those 60 days.
    (a.end_date IS NULL OR a.end_date >= $period_end::DATE)
      AND a.matched_date <= $period_end::DATE - 60
      AND count(s.date) FILTER (WHERE s.date >= $period_end::DATE - 60) = 0 AS dormant
  FROM active_matches a
  LEFT JOIN match_sessions s ON s.match_id = a.match_id
  GROUP BY a.match_id, a.mentee_id, a.grp, a.program_name, a.end_date, a.matched_date
),
match_slices AS (
  -- Each match counts in 'all' and in its program.
  SELECT match_id, 'all' AS slice FROM per_match
  UNION ALL
  SELECT match_id, program_name FROM per_match
),
gaps AS (
  -- Gaps pooled over the row's matches, so a match that meets often weighs by how often it meets.
  SELECT ms.slice, pm.grp, median(s.days_since_previous) AS median_days_between
  FROM match_slices ms
  JOIN per_match pm ON pm.match_id = ms.match_id
  JOIN match_sessions s ON s.match_id = ms.match_id
  WHERE s.date >= $period_start::DATE AND s.days_since_previous IS NOT NULL
  GROUP BY ms.slice, pm.grp
),
per_row AS (
  SELECT
    ms.slice, pm.grp,
    count(DISTINCT pm.mentee_id) AS mentees,
    count(*) AS matches,
    sum(pm.conversations)::DOUBLE / count(*) AS conversations_per_match,
    sum(pm.minutes)::DOUBLE / count(*) AS minutes_per_match,
    count(*) FILTER (WHERE pm.dormant) AS dormant_matches
  FROM match_slices ms
  JOIN per_match pm ON pm.match_id = ms.match_id
  GROUP BY ms.slice, pm.grp
)
SELECT
  r.slice, r.grp, r.mentees, r.matches, r.conversations_per_match, r.minutes_per_match,
  g.median_days_between, r.dormant_matches
FROM per_row r
LEFT JOIN gaps g ON g.slice = r.slice AND g.grp = r.grp
-- 'all' first, then the programs by name.
ORDER BY r.slice <> 'all', r.slice, r.grp;
