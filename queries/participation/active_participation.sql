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

-- Counted per person, then per group, and only then spread over the four slices: joining every
-- eligible person to every slice and counting distinct people costs ten times as much.
WITH eligible AS (
  SELECT person_id, grp
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
conversations_per_layer AS (
  -- A conversation counts once per person, whatever their role in it (host, attendee, one
  -- side of the match). A session has one layer, so the layers' counts add up to the total.
  SELECT person_id, layer, count(DISTINCT session_id) AS n
  FROM conversation_rows($period_start::DATE, $period_end::DATE)
  GROUP BY person_id, layer
),
active AS (
  SELECT person_id,
         sum(n) >= $min_conversations AS in_all,
         bool_or(layer = 'formal' AND n >= $min_conversations) AS formal,
         bool_or(layer = 'peer' AND n >= $min_conversations) AS peer,
         bool_or(layer = 'informal' AND n >= $min_conversations) AS informal
  FROM conversations_per_layer
  GROUP BY person_id
),
by_group AS (
  SELECT e.grp,
         count_if(a.in_all) AS n_all, count_if(a.formal) AS n_formal, count_if(a.peer) AS n_peer, count_if(a.informal) AS n_informal,
         count(*) AS denominator
  FROM eligible e
  LEFT JOIN active a USING (person_id)
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
