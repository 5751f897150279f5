-- name: active_participation
-- title: Active participation
-- question: What share of each group took part in at least N mentorship conversations in the period, overall and in each layer?
-- kind: rate
-- outcome: favourable
-- cross_block: grp
-- total_block: all
-- requires: people, sessions
-- inputs: people, sessions, session_attendees, matches
-- parameters:
--   period_start      DATE     first day of the review period
--   period_end        DATE     first day after the review period
--   dimension         VARCHAR  equity dimension (gender, race_ethnicity or a declared one)
--   dimension2        VARCHAR  second dimension for an intersection, or NULL
--   department        VARCHAR  filter, or NULL for all
--   location          VARCHAR  filter, or NULL for all
--   level_min         INTEGER  filter, or NULL
--   level_max         INTEGER  filter, or NULL
--   min_conversations INTEGER  the N: conversations a person needs in the period to count as active (default 2)
-- output:
--   slice        VARCHAR  layer: all, formal, peer or informal (in 'all', conversations of every layer add up)
--   grp          VARCHAR  the group of the dimension
--   numerator    BIGINT   people of the group with at least N distinct conversations in the period (in the layer)
--   denominator  BIGINT   eligible headcount of the group: employed on the last day of the period
-- population: employees on the last day of the period (hired on or before it, not terminated before it), as in participation_rate

WITH eligible AS (
  SELECT person_id, grp
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
conversations_per_layer AS (
  -- A conversation counts once per person, whatever their role in it (host, attendee, one
  -- side of the match). A session has one layer, so the layers' counts add up to the total.
  SELECT person_id, layer, count(DISTINCT session_id) AS n
  FROM conversations($period_start::DATE, $period_end::DATE)
  GROUP BY person_id, layer
),
conversations_per_slice AS (
  SELECT person_id, layer AS slice, n FROM conversations_per_layer
  UNION ALL
  SELECT person_id, 'all', sum(n) FROM conversations_per_layer GROUP BY person_id
),
active AS (
  SELECT person_id, slice FROM conversations_per_slice WHERE n >= $min_conversations
),
layers AS (
  SELECT unnest(['all', 'formal', 'peer', 'informal']) AS slice
)
SELECT
  l.slice,
  e.grp,
  count(DISTINCT a.person_id) AS numerator,
  count(DISTINCT e.person_id) AS denominator
FROM eligible e
CROSS JOIN layers l
LEFT JOIN active a
  ON a.person_id = e.person_id AND a.slice = l.slice
GROUP BY l.slice, e.grp
ORDER BY l.slice, e.grp;
