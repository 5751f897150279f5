-- name: mentor_load
-- title: Mentor load
-- question: How many mentees and mentoring hours does each group's mentors carry, and how unevenly is that load spread among them?
-- kind: table
-- requires: people, sessions
-- inputs: people, sessions, session_attendees, matches, enrollments, programs
-- parameters:
--   period_start DATE     first day of the review period
--   period_end   DATE     first day after the review period
--   dimension    VARCHAR  equity dimension of the mentor
--   dimension2   VARCHAR  second dimension for an intersection, or NULL
--   department   VARCHAR  filter on the mentor, or NULL for all
--   location     VARCHAR  filter on the mentor, or NULL for all
--   level_min    INTEGER  filter on the mentor, or NULL
--   level_max    INTEGER  filter on the mentor, or NULL
--   layer        VARCHAR  count only mentoring of this layer, or NULL for all
--   program_id   VARCHAR  count only mentoring in this program, or NULL for all
-- output:
--   grp              VARCHAR  the mentor's group
--   mentors          BIGINT   people of the group who mentored in the period (the group size for disclosure)
--   mentees_mean     DOUBLE   mean mentees per mentor
--   mentees_median   DOUBLE   median mentees per mentor
--   hours_mean       DOUBLE   mean mentoring hours per mentor
--   hours_median     DOUBLE   median mentoring hours per mentor
--   gini_mentees     DOUBLE   Gini of mentees per mentor within the group (0 = even, towards 1 = a few carry it all)
--   gini_hours       DOUBLE   Gini of hours per mentor within the group
-- population: employees on the last day of the period who mentored in the period (mentor of an active match, host of a conversation, or mentor/coach/facilitator with a live enrollment), zero load included
-- group_size: mentors
-- postprocess: load

-- The SQL hands the load post-processor each group's distribution as (grp, mentees, hours,
-- mentors with exactly that load): counts of mentors, never a row per mentor, so the Gini and
-- median are computed in TypeScript without a person-level row leaving the query.
-- Mentees of a mentor: the mentees of their matches active in the period and the coachees of
-- the informal conversations they hosted; peer circle attendees are peers, not mentees (the
-- circle's hours still count for its host). Hours: the conversations of the period they hosted
-- or that belong to a match they mentor, each once; a conversation without a duration adds none.
-- A formal meeting hosted by the match's own mentee is the mentor's hour, not the mentee's: the
-- one who books the meeting does not become a mentor by it.
-- Mentors who mentored without a mentee or a logged hour (a live mentor enrollment, a peer
-- circle) count with zero load: an idle part of the pool is part of how uneven the load is.

WITH population AS (
  SELECT person_id, grp
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
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
period_sessions AS (
  SELECT s.session_id, s.layer, s.host_id, s.match_id, s.duration_minutes,
         coalesce(s.program_id, m.program_id) AS program_id, m.mentor_id,
         -- the host unless it is the match's own mentee (who may book the meeting, and is still the mentee)
         CASE WHEN s.host_id IS DISTINCT FROM m.mentee_id THEN s.host_id END AS lead_id
  FROM sessions s
  LEFT JOIN matches m ON m.match_id = s.match_id
  WHERE s.date >= $period_start::DATE AND s.date < $period_end::DATE
),
mentoring AS (
  -- The mentor of an active match ...
  SELECT mentor_id AS person_id, layer, program_id FROM active_matches
  UNION
  -- ... the host of a conversation in the period (peer circle lead, informal coach) ...
  SELECT lead_id, layer, program_id FROM period_sessions WHERE lead_id IS NOT NULL
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
in_scope AS (
  -- The layer / program filters apply to the roles, the mentees and the hours alike.
  SELECT $layer AS f_layer, $program_id AS f_program
),
mentors AS (
  SELECT DISTINCT p.person_id, p.grp
  FROM mentoring r
  JOIN population p ON p.person_id = r.person_id
  CROSS JOIN in_scope f
  WHERE (f.f_layer IS NULL OR r.layer = f.f_layer) AND (f.f_program IS NULL OR r.program_id = f.f_program)
),
mentees_of AS (
  SELECT am.mentor_id AS mentor, am.mentee_id AS mentee
  FROM active_matches am CROSS JOIN in_scope f
  WHERE (f.f_layer IS NULL OR am.layer = f.f_layer) AND (f.f_program IS NULL OR am.program_id = f.f_program)
  UNION
  -- (The coachees are the listed attendees among the period's conversation pairs: that copy is
  -- kept in date order, where the attendee list would be read whole for each period.)
  SELECT ps.host_id, a.person_id
  FROM conversation_rows($period_start::DATE, $period_end::DATE) a
  JOIN period_sessions ps ON ps.session_id = a.session_id
  CROSS JOIN in_scope f
  WHERE a.listed AND a.layer = 'informal' AND ps.host_id IS NOT NULL AND a.person_id <> ps.host_id
    AND (f.f_layer IS NULL OR ps.layer = f.f_layer) AND (f.f_program IS NULL OR ps.program_id = f.f_program)
),
led_sessions AS (
  SELECT DISTINCT mentor, session_id, duration_minutes FROM (
    SELECT lead_id AS mentor, session_id, duration_minutes, layer, program_id FROM period_sessions WHERE lead_id IS NOT NULL
    UNION ALL
    SELECT mentor_id, session_id, duration_minutes, layer, program_id FROM period_sessions WHERE mentor_id IS NOT NULL
  ) s CROSS JOIN in_scope f
  WHERE (f.f_layer IS NULL OR s.layer = f.f_layer) AND (f.f_program IS NULL OR s.program_id = f.f_program)
),
-- Each mentor's load, gathered per mentor once rather than looked up for each of them.
mentee_counts AS (
  SELECT mentor, count(*) AS mentees FROM mentees_of GROUP BY mentor  -- pairs are distinct (UNION)
),
minutes_led AS (
  SELECT mentor, sum(duration_minutes) AS minutes FROM led_sessions GROUP BY mentor
),
per_mentor AS (
  SELECT
    m.grp,
    coalesce(mc.mentees, 0) AS mentees,
    coalesce(ml.minutes, 0) / 60.0 AS hours
  FROM mentors m
  LEFT JOIN mentee_counts mc ON mc.mentor = m.person_id
  LEFT JOIN minutes_led ml ON ml.mentor = m.person_id
)
SELECT grp, mentees, hours, count(*) AS mentors
FROM per_mentor
GROUP BY grp, mentees, hours
ORDER BY grp, mentees, hours;
