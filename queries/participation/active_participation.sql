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

-- A conversation counts once per person, whatever their role in it (host, attendee, one side
-- of the match). Each person's conversations are counted by layer once per period and version
-- of the data (period_headcount() in queries/_lib/population.sql), so a change of dimension or
-- filter only groups the period's people again. Spread over the four slices only after
-- grouping: joining every eligible person to every slice costs ten times as much.
WITH by_group AS (
  SELECT grp,
         count_if(n_formal + n_peer + n_informal >= $min_conversations) AS n_all,
         count_if(n_formal >= $min_conversations) AS n_formal,
         count_if(n_peer >= $min_conversations) AS n_peer,
         count_if(n_informal >= $min_conversations) AS n_informal,
         count(*) AS denominator
  FROM period_headcount($period_start::DATE, $period_end::DATE, $department, $location, $level_min, $level_max, $dimension, $dimension2)
  GROUP BY grp
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
