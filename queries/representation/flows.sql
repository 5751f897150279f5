-- name: flows
-- title: Headcount flows by level
-- question: Why did each group's headcount at each level change over the period: hires, exits, promotions, demotions or transfers?
-- kind: table
-- requires: people
-- inputs: people, job_events
-- group_size: people
-- counts: headcount_start, hires, exits, promotions_in, promotions_out, demotions_in, demotions_out, transfers_in, transfers_out, other_in, other_out, headcount_end
-- block: level
-- cross_block: grp
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
--   level           VARCHAR  the level label (rows run from the lowest level to the highest)
--   grp             VARCHAR  the group of the dimension
--   headcount_start BIGINT   people of the group at this level on the first day of the period
--   hires           BIGINT   joined the organisation during the period, not in the start headcount: hire date in it, or a rehire in it under the original hire date (a hire event: queries/_lib/events.sql)
--   exits           BIGINT   at this level at the start and no longer employed on the last day
--   promotions_in   BIGINT   at a lower level at the start, at this level at the end
--   promotions_out  BIGINT   at this level at the start, at a higher level at the end
--   demotions_in    BIGINT   at a higher level at the start, at this level at the end
--   demotions_out   BIGINT   at this level at the start, at a lower level at the end
--   transfers_in    BIGINT   employed at the start outside the department/location filter, inside it at the end, same level
--   transfers_out   BIGINT   inside the filter at the start, still employed outside it at the end
--   other_in        BIGINT   arrivals the rosters cannot explain: the group value changed, or absent from the start roster though hired before the period
--   other_out       BIGINT   departures the rosters cannot explain: the group value changed
--   headcount_end   BIGINT   people of the group at this level on the last day of the period
--   people          BIGINT   distinct people behind the row (in it at the start or at the end)
-- population: the headcount on the first and on the last day of the period (hired on or before the date, not terminated before it), within the filters; every row satisfies headcount_start + hires - exits + promotions_in - promotions_out + demotions_in - demotions_out + transfers_in - transfers_out + other_in - other_out = headcount_end
--
-- Flows are reconciled on the two rosters that give the headcounts (each person's level and
-- group at the start and at the end), so the identity holds exactly and a person promoted
-- twice in a quarter moves once, from their start level to their end level. A level change
-- that job_events date inside the period but that no roster shows yet appears in the period
-- whose roster shows it. Someone hired and gone within the period is in neither headcount and
-- in no flow. Transfers are moves across the department/location filter: without one, a move
-- between departments changes no cell and is not a flow.

WITH s AS (
  SELECT person_id, grp, level_rank, level_label
  FROM headcount_at($period_start::DATE, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
e AS (
  SELECT person_id, grp, level_rank, level_label, hire_date
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
-- Rehires in the period that kept the original hire date: a hire, not an unexplained arrival.
rehired AS (
  SELECT DISTINCT person_id FROM career_events()
  WHERE event_type = 'hire' AND effective_date >= $period_start::DATE AND effective_date < $period_end::DATE
),
-- The whole organisation at both dates: tells an exit from a move out of the filter, and a
-- hire from a move into it.
s_all AS (
  SELECT person_id, level_rank,
         ($department IS NULL OR department = $department) AND ($location IS NULL OR location = $location) AS in_place
  FROM headcount_at($period_start::DATE, NULL, NULL, NULL, NULL, $dimension, $dimension2)
),
e_all AS (
  SELECT person_id, level_rank,
         ($department IS NULL OR department = $department) AND ($location IS NULL OR location = $location) AS in_place
  FROM headcount_at($period_end::DATE - 1, NULL, NULL, NULL, NULL, $dimension, $dimension2)
),
-- Each person in the start cell leaves it in exactly one way, or stays.
outflows AS (
  SELECT s.level_rank, s.grp,
    CASE
      WHEN e.person_id IS NOT NULL THEN CASE
        WHEN e.grp <> s.grp THEN 'other_out'
        WHEN e.level_rank > s.level_rank THEN 'promotions_out'
        WHEN e.level_rank < s.level_rank THEN 'demotions_out'
        ELSE 'stay' END
      WHEN ea.person_id IS NULL THEN 'exits'
      -- Still employed but outside the filters: if they are still in the filtered department and
      -- location, their new level took them out of the level range.
      WHEN ea.in_place AND ea.level_rank > s.level_rank THEN 'promotions_out'
      WHEN ea.in_place AND ea.level_rank < s.level_rank THEN 'demotions_out'
      ELSE 'transfers_out'
    END AS flow
  FROM s
  LEFT JOIN e USING (person_id)
  LEFT JOIN e_all ea USING (person_id)
),
-- Each person in the end cell arrived in exactly one way, or stayed.
inflows AS (
  SELECT e.level_rank, e.grp,
    CASE
      WHEN s.person_id IS NOT NULL THEN CASE
        WHEN e.grp <> s.grp THEN 'other_in'
        WHEN e.level_rank > s.level_rank THEN 'promotions_in'
        WHEN e.level_rank < s.level_rank THEN 'demotions_in'
        ELSE 'stay' END
      WHEN sa.person_id IS NULL THEN
        CASE WHEN e.hire_date IS NULL OR e.hire_date >= $period_start::DATE
                  OR e.person_id IN (SELECT person_id FROM rehired) THEN 'hires' ELSE 'other_in' END
      WHEN sa.in_place AND sa.level_rank < e.level_rank THEN 'promotions_in'
      WHEN sa.in_place AND sa.level_rank > e.level_rank THEN 'demotions_in'
      ELSE 'transfers_in'
    END AS flow
  FROM e
  LEFT JOIN s USING (person_id)
  LEFT JOIN s_all sa USING (person_id)
),
level_names AS (
  SELECT level_rank, min(label) AS label FROM (
    SELECT level_rank, coalesce(level_label, level_rank::VARCHAR) AS label FROM s
    UNION ALL
    SELECT level_rank, coalesce(level_label, level_rank::VARCHAR) FROM e
  ) GROUP BY level_rank
),
flow_counts AS (
  SELECT level_rank, grp, flow, count(*) AS n, count(*) FILTER (WHERE side = 'out') AS n_out FROM (
    SELECT *, 'out' AS side FROM outflows UNION ALL SELECT *, 'in' FROM inflows
  )
  GROUP BY ALL
),
-- Everyone at the start has one outflow and everyone at the end one inflow, so the cell's
-- headcounts and people follow from the flows: a stay is one person counted on both sides.
-- (Cheaper than counting distinct people over both rosters: about 20 ms at 100,000 people.)
cells AS (
  SELECT level_rank, grp,
         sum(n_out)::BIGINT AS headcount_start,
         (sum(n) - sum(n_out))::BIGINT AS headcount_end,
         (sum(n) - coalesce(sum(n) FILTER (WHERE flow = 'stay'), 0) // 2)::BIGINT AS people
  FROM flow_counts GROUP BY level_rank, grp
)
SELECT
  n.label AS level,
  c.grp,
  c.headcount_start,
  coalesce(sum(f.n) FILTER (WHERE f.flow = 'hires'), 0)::BIGINT AS hires,
  coalesce(sum(f.n) FILTER (WHERE f.flow = 'exits'), 0)::BIGINT AS exits,
  coalesce(sum(f.n) FILTER (WHERE f.flow = 'promotions_in'), 0)::BIGINT AS promotions_in,
  coalesce(sum(f.n) FILTER (WHERE f.flow = 'promotions_out'), 0)::BIGINT AS promotions_out,
  coalesce(sum(f.n) FILTER (WHERE f.flow = 'demotions_in'), 0)::BIGINT AS demotions_in,
  coalesce(sum(f.n) FILTER (WHERE f.flow = 'demotions_out'), 0)::BIGINT AS demotions_out,
  coalesce(sum(f.n) FILTER (WHERE f.flow = 'transfers_in'), 0)::BIGINT AS transfers_in,
  coalesce(sum(f.n) FILTER (WHERE f.flow = 'transfers_out'), 0)::BIGINT AS transfers_out,
  coalesce(sum(f.n) FILTER (WHERE f.flow = 'other_in'), 0)::BIGINT AS other_in,
  coalesce(sum(f.n) FILTER (WHERE f.flow = 'other_out'), 0)::BIGINT AS other_out,
  c.headcount_end,
  c.people
FROM cells c
JOIN level_names n USING (level_rank)
LEFT JOIN flow_counts f USING (level_rank, grp)
GROUP BY c.level_rank, n.label, c.grp, c.headcount_start, c.headcount_end, c.people
ORDER BY c.level_rank, c.grp;
