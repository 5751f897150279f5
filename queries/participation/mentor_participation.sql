-- name: mentor_participation
-- title: Mentor participation
-- question: What share of each group's people eligible to mentor acted as a mentor, coach, facilitator or host in the period, overall and in each layer?
-- kind: rate
-- outcome: favourable
-- cross_block: grp
-- total_block: all
-- requires: people, sessions
-- inputs: people, sessions, matches, enrollments, programs
-- parameters:
--   period_start     DATE     first day of the review period
--   period_end       DATE     first day after the review period
--   dimension        VARCHAR  equity dimension (gender, race_ethnicity or a declared one)
--   dimension2       VARCHAR  second dimension for an intersection, or NULL
--   department       VARCHAR  filter, or NULL for all
--   location         VARCHAR  filter, or NULL for all
--   level_min        INTEGER  filter, or NULL
--   level_max        INTEGER  filter, or NULL
--   program_id       VARCHAR  count only mentoring in this program, or NULL for all
--   mentor_level_min INTEGER  lowest level eligible to mentor, or NULL for the median level of the workforce
-- output:
--   slice        VARCHAR  layer of the mentoring: all, formal, peer or informal
--   grp          VARCHAR  the group of the dimension
--   numerator    BIGINT   people of the group eligible to mentor who mentored in the period (in the layer)
--   denominator  BIGINT   people of the group eligible to mentor: employed on the last day of the period, at or above the mentor level
-- population: employees on the last day of the period at or above the lowest level eligible to mentor (the user's choice, else the median level of the whole workforce that day)

WITH threshold AS (
  -- The user's bar, else the median level of the whole workforce (queries/_lib/population.sql).
  SELECT coalesce($mentor_level_min, median_level($period_end::DATE - 1)) AS min_rank
),
eligible AS (
  SELECT h.person_id, h.grp
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2) h
  CROSS JOIN threshold t
  WHERE h.level_rank >= t.min_rank
),
-- Mentoring roles (the same definition in mentor_participation, mentor_pool_representation
-- and mentor_load: keep them in step).
active_matches AS (
  -- A match is active in the period when it was made before the period ended and had not
  -- ended before it began. Matches are formal pairings unless their program says otherwise.
  SELECT m.match_id, m.mentor_id, m.mentee_id, m.program_id, coalesce(pr.layer, 'formal') AS layer
  FROM matches m
  LEFT JOIN programs pr ON pr.program_id = m.program_id
  WHERE m.matched_date IS NOT NULL
    AND m.matched_date < $period_end::DATE
    AND (m.end_date IS NULL OR m.end_date >= $period_start::DATE)
),
mentoring AS (
  -- The mentor of an active match ...
  SELECT mentor_id AS person_id, layer, program_id FROM active_matches
  UNION
  -- ... the host of a conversation in the period (peer circle lead, informal coach), except
  -- the mentee of the match the conversation belongs to: a mentee who books the meeting with
  -- their mentor is still the mentee ...
  SELECT s.host_id, s.layer, coalesce(s.program_id, m.program_id)
  FROM sessions s
  LEFT JOIN matches m ON m.match_id = s.match_id
  WHERE s.host_id IS NOT NULL AND s.date >= $period_start::DATE AND s.date < $period_end::DATE
    AND s.host_id IS DISTINCT FROM m.mentee_id
  UNION
  -- ... and whoever a program lists as mentor, coach or facilitator with a live place: enrolled
  -- before the period ended, in a program that had not ended before it began. The status is
  -- the one of the latest export, the only one known.
  SELECT en.person_id, pr.layer, en.program_id
  FROM enrollments en
  LEFT JOIN programs pr ON pr.program_id = en.program_id
  WHERE en.role IN ('mentor', 'coach', 'facilitator')
    AND en.status IN ('active', 'matched')
    AND coalesce(en.enrolled_date, en.applied_date, $period_start::DATE) < $period_end::DATE
    AND (pr.start_date IS NULL OR pr.start_date < $period_end::DATE)
    AND (pr.end_date IS NULL OR pr.end_date >= $period_start::DATE)
),
mentoring_in_scope AS (
  SELECT person_id, layer FROM mentoring
  WHERE $program_id IS NULL OR program_id = $program_id
),
-- Counted per person, then per group, and only then spread over the four slices: joining every
-- eligible person to every slice and counting distinct people costs ten times as much.
mentors AS (
  SELECT person_id,
         bool_or(layer = 'formal') AS formal, bool_or(layer = 'peer') AS peer, bool_or(layer = 'informal') AS informal
  FROM mentoring_in_scope
  GROUP BY person_id
),
by_group AS (
  SELECT e.grp,
         count(m.person_id) AS n_all, count_if(m.formal) AS n_formal, count_if(m.peer) AS n_peer, count_if(m.informal) AS n_informal,
         count(*) AS denominator
  FROM eligible e
  LEFT JOIN mentors m USING (person_id)
  GROUP BY e.grp
),
layers AS (
  SELECT unnest(['all', 'formal', 'peer', 'informal']) AS slice
)
SELECT
  l.slice,
  g.grp,
  CASE l.slice WHEN 'all' THEN n_all WHEN 'formal' THEN n_formal WHEN 'peer' THEN n_peer ELSE n_informal END AS numerator,
  g.denominator
FROM by_group g
CROSS JOIN layers l
ORDER BY l.slice, g.grp;
