-- name: mentor_pool_representation
-- title: Who the mentors are
-- question: Is each group's share among the people who mentored in the period in line with its share among the people eligible to mentor?
-- kind: table
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
--   layer            VARCHAR  count only mentoring in programs / conversations of this layer, or NULL for all
--   program_id       VARCHAR  count only mentoring in this program, or NULL for all
--   mentor_level_min INTEGER  lowest level eligible to mentor, or NULL for the median level of the workforce
-- output:
--   grp                  VARCHAR  the group of the dimension
--   mentors              BIGINT   people of the group who mentored in the period (any level)
--   share_mentors        DOUBLE   mentors of the group / mentors of all groups
--   eligible             BIGINT   people of the group eligible to mentor: at or above the mentor level
--   share_eligible       DOUBLE   eligible of the group / eligible of all groups
--   representation_index DOUBLE   share_mentors / share_eligible (1 = represented in proportion)
-- population: employees on the last day of the period; mentors are those of them who mentored in the period, the reference is those at or above the lowest level eligible to mentor (the user's choice, else the median level of the whole workforce)
-- group_size: eligible
-- counts: mentors

-- Mentors are everyone who mentored, whatever their level: the question is who carries
-- mentoring, and a group that mentors "below the bar" is part of the answer. (Restricted to
-- the eligible, the index would only restate mentor_participation.) Every row is one block
-- for complementary suppression: the shares add up to 1, so one hidden row could be recovered.

WITH population AS (
  SELECT person_id, grp, level_rank
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
threshold AS (
  -- The user's bar, else the median level of the whole workforce (queries/_lib/population.sql).
  SELECT coalesce($mentor_level_min, median_level($period_end::DATE - 1)) AS min_rank
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
mentors AS (
  SELECT DISTINCT person_id FROM mentoring
  WHERE ($layer IS NULL OR layer = $layer) AND ($program_id IS NULL OR program_id = $program_id)
),
per_group AS (
  SELECT
    p.grp,
    count(*) FILTER (WHERE p.person_id IN (SELECT person_id FROM mentors)) AS mentors,
    count(*) FILTER (WHERE p.level_rank >= t.min_rank) AS eligible
  FROM population p
  CROSS JOIN threshold t
  GROUP BY p.grp
),
shares AS (
  SELECT
    grp, mentors, eligible,
    mentors::DOUBLE / nullif(sum(mentors) OVER (), 0) AS share_mentors,
    eligible::DOUBLE / nullif(sum(eligible) OVER (), 0) AS share_eligible
  FROM per_group
)
SELECT grp, mentors, share_mentors, eligible, share_eligible,
       share_mentors / nullif(share_eligible, 0) AS representation_index
FROM shares
ORDER BY grp;
