-- name: representation_share
-- title: Representation by slice
-- question: What share of each level, department, the mentors, the mentees, the people promoted and the people who left does each group make up, against its share of the workforce?
-- kind: table
-- requires: people
-- inputs: people, job_events, sessions, session_attendees, matches
-- group_size: slice_total
-- counts: count, group_total
-- block: slice_type, slice_value
-- cross_block: slice_type, grp
-- parameters:
--   period_start DATE     first day of the review period
--   period_end   DATE     first day after the review period
--   dimension    VARCHAR  equity dimension (gender, race_ethnicity or a declared one)
--   dimension2   VARCHAR  second dimension for an intersection, or NULL
--   department   VARCHAR  filter, or NULL for all
--   location     VARCHAR  filter, or NULL for all
--   level_min    INTEGER  filter, or NULL
--   level_max    INTEGER  filter, or NULL
-- output:
--   slice_type           VARCHAR  level, department, mentors, mentees, promoted or leavers
--   slice_value          VARCHAR  the level label or department name ('Not recorded' when empty); 'all' for the other types
--   grp                  VARCHAR  the group of the dimension
--   count                BIGINT   people of the group in the slice
--   slice_total          BIGINT   people in the slice, all groups
--   share                DOUBLE   count / slice_total
--   group_total          BIGINT   people of the group in the reference population
--   reference_total      BIGINT   people in the reference population
--   reference_share      DOUBLE   group_total / reference_total
--   representation_index DOUBLE   share / reference_share: 1 = represented as in the workforce, below 1 = under-represented
-- population: level, department, mentors and mentees: the headcount on the last day of the period, which is also their reference; promoted and leavers: the headcount on the first day of the period (the people who could be promoted or leave), which is their reference
--
-- Disclosure: the number of people behind a row is the slice total, so a group with no one in a
-- slice shows its 0 (a zero singles no one out); a count or group total of 1..k-1 hides the
-- row, and complementary suppression runs within each slice.

WITH at_end AS (
  SELECT person_id, grp, level_rank, level_label, department
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
at_start AS (
  SELECT person_id, grp
  FROM headcount_at($period_start::DATE, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
period_sessions AS (
  SELECT session_id, layer, match_id, host_id FROM sessions
  WHERE date >= $period_start::DATE AND date < $period_end::DATE
),
-- Formal pairings in force during the period: matched by its last day and not ended before
-- its first, or with a conversation logged in it (some exports carry no match dates).
active_matches AS (
  SELECT m.mentor_id, m.mentee_id FROM matches m
  WHERE (m.matched_date < $period_end::DATE AND (m.end_date IS NULL OR m.end_date >= $period_start::DATE))
     OR m.match_id IN (SELECT match_id FROM period_sessions WHERE match_id IS NOT NULL)
),
-- Mentors: the mentor side of a formal pairing, or the coach of an informal conversation (the
-- host of an informal session). Mentees: the other side. Peer circles have neither role.
roles AS (
  SELECT mentor_id AS person_id, 'mentors' AS role FROM active_matches
  UNION
  SELECT mentee_id, 'mentees' FROM active_matches
  UNION
  SELECT host_id, 'mentors' FROM period_sessions WHERE layer = 'informal' AND host_id IS NOT NULL
  UNION
  -- (the listed attendees of the period's conversation pairs: that copy is kept in date order,
  -- where the attendee list would be read whole)
  SELECT person_id, 'mentees' FROM conversation_rows($period_start::DATE, $period_end::DATE) WHERE listed AND layer = 'informal'
),
changes AS (
  SELECT DISTINCT person_id, CASE event_type WHEN 'promotion' THEN 'promoted' ELSE 'leavers' END AS slice_type
  FROM career_events()
  WHERE event_type IN ('promotion', 'termination')
    AND effective_date >= $period_start::DATE AND effective_date < $period_end::DATE
),
level_names AS (
  SELECT level_rank, min(coalesce(level_label, level_rank::VARCHAR)) AS label FROM at_end GROUP BY level_rank
),
-- Who is in which slice, and which population is the slice's reference.
members AS (
  SELECT 'level' AS slice_type, 1 AS type_order, e.level_rank AS value_order, n.label AS slice_value, 'end' AS ref, e.person_id, e.grp
  FROM at_end e JOIN level_names n USING (level_rank)
  UNION ALL
  SELECT 'department', 2, 0, coalesce(department, 'Not recorded'), 'end', person_id, grp FROM at_end
  UNION ALL
  SELECT r.role, CASE r.role WHEN 'mentors' THEN 3 ELSE 4 END, 0, 'all', 'end', e.person_id, e.grp
  FROM at_end e JOIN roles r USING (person_id)
  UNION ALL
  -- Promoted and leavers in the period come from the start headcount: a leaver is not in the
  -- end headcount at all, and a promotion is measured against those who could be promoted.
  SELECT c.slice_type, CASE c.slice_type WHEN 'promoted' THEN 5 ELSE 6 END, 0, 'all', 'start', s.person_id, s.grp
  FROM at_start s JOIN changes c USING (person_id)
),
reference AS (
  SELECT 'end' AS ref, grp, count(*) AS group_total, sum(count(*)) OVER () AS reference_total FROM at_end GROUP BY grp
  UNION ALL
  SELECT 'start', grp, count(*), sum(count(*)) OVER () FROM at_start GROUP BY grp
),
-- The members are counted once, by group; a slice's total is the sum of its groups.
counts AS (
  SELECT slice_type, type_order, value_order, slice_value, ref, grp, count(*) AS n FROM members GROUP BY ALL
),
slices AS (
  SELECT slice_type, type_order, value_order, slice_value, ref, sum(n)::BIGINT AS slice_total
  FROM counts GROUP BY ALL
)
-- Every group of the reference population appears in every slice, with 0 where nobody is:
-- an absence is a finding.
SELECT
  s.slice_type,
  s.slice_value,
  r.grp,
  coalesce(c.n, 0) AS count,
  s.slice_total,
  coalesce(c.n, 0) / s.slice_total AS share,
  r.group_total,
  r.reference_total,
  r.group_total / r.reference_total AS reference_share,
  (coalesce(c.n, 0) / s.slice_total) / (r.group_total / r.reference_total) AS representation_index
FROM slices s
JOIN reference r ON r.ref = s.ref
LEFT JOIN counts c ON c.slice_type = s.slice_type AND c.slice_value = s.slice_value AND c.grp = r.grp
ORDER BY s.type_order, s.value_order, s.slice_value, r.grp;
