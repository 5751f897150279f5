-- name: time_to_promotion
-- title: Time to promotion
-- question: How long do people of each group stay in a level before they are promoted (Kaplan-Meier median time in level, with leavers and people not yet promoted counted as censored, and people already in their level when the window opened counted from the time in level they had then)?
-- kind: table
-- requires: people
-- inputs: people, job_events
-- postprocess: survival
-- parameters:
--   period_end   DATE     first day after the review period; the window is the 8 quarters before it
--   dimension    VARCHAR  equity dimension (gender, race_ethnicity or a declared one)
--   dimension2   VARCHAR  second dimension for an intersection, or NULL
--   department   VARCHAR  filter on the person's department in their last roster record up to period end, or NULL
--   location     VARCHAR  filter on the person's location in that record, or NULL
--   level_min    INTEGER  filter on the level of the spell measured, or NULL
--   level_max    INTEGER  filter on the level of the spell measured, or NULL
-- output:
--   slice        VARCHAR  'all'
--   grp          VARCHAR  the group of the dimension, from the person's last roster record up to period end
--   t            INTEGER  days in level
--   events       BIGINT   spells of this length that ended in a promotion
--   censored     BIGINT   spells of this length that ended otherwise: exit, demotion, or the data's end
--   entered      BIGINT   spells that had lasted this long when the window opened (0 for spells begun within it): they join the risk set here
-- population: everyone employed at any time in the 8 quarters ending at period end (the headcount at period end, plus everyone promoted or leaving in that window), one spell each: the level they held when the window opened, or were hired into within it
--
-- The survival post-processor turns the rows into Kaplan-Meier summaries (n, events, median
-- with 95% CI, log-rank test across the groups) and step curves, with disclosure control.

-- Why delayed entry: a spell already under way when the window opens is only seen because it
-- lasted that long; the people of the same level promoted or gone before the window opened
-- are not in the data at all (left truncation). Counting such a spell at risk from its first
-- day would fill the early risk sets with people known to last, and overstate the time in
-- level most for the groups who have been in their levels longest. So each spell joins the
-- risk set at the time in level it had when the window opened.

-- Why one spell per person: people are the unit of disclosure control and of the log-rank
-- test's independence; counting each of someone's spells would let one person weigh twice.
-- The spell in progress when the window opens follows everyone employed then from a known
-- level until their first promotion, so promotions in the window are never lost (a person's
-- current spell would start at their promotion and censor it away).
WITH bounds AS (
  SELECT
    ($period_end::DATE - INTERVAL 24 MONTH)::DATE AS window_start,
    -- The data's end: the last day the rosters or job events speak for, or the period's last
    -- day if that comes first. Nobody is followed beyond what the data can see.
    least($period_end::DATE - 1,
          greatest((SELECT max(snapshot_date) FROM people),
                   (SELECT max(effective_date) FROM job_events))) AS data_end
),
events AS MATERIALIZED (
  SELECT e.person_id, e.effective_date, e.event_type, e.from_level, e.to_level
  FROM career_events() e, bounds b
  WHERE e.effective_date <= b.data_end
),
-- Each person's last roster record up to period end: their group and where they worked last.
last_record AS (
  SELECT person_id, hire_date, level_rank, department, location,
         group_label(gender, race_ethnicity, extra_dims, $dimension, $dimension2) AS grp
  FROM last_records($period_end::DATE - 1)
),
-- The first roster showing a person: needed only where the hire date is missing.
first_seen AS (
  SELECT person_id, min(snapshot_date) AS first_seen
  FROM people
  WHERE person_id IN (SELECT person_id FROM last_record WHERE hire_date IS NULL)
  GROUP BY person_id
),
-- A return under the old hire date (a hire event after it: queries/_lib/events.sql derives
-- them from the rosters, or job_events carry them): the person's employment began again then,
-- and their spell, like a rehire's under a new hire date, belongs to that employment.
employment AS (
  SELECT r.person_id, greatest(r.hire_date, max(c.effective_date)) AS began
  FROM events c
  JOIN last_record r ON r.person_id = c.person_id
  WHERE c.event_type = 'hire' AND (r.hire_date IS NULL OR c.effective_date > r.hire_date)
  GROUP BY r.person_id, r.hire_date
),
-- Entering a level: hire, or the last promotion or demotion on or before the window opens
-- (derived changes are dated at the first roster showing the new level). Without a hire date
-- or an earlier change, the first roster showing the person stands in for the entry date.
-- (Here and below only the people with career events have them aggregated, a small part of
-- everyone followed; each figure is an aggregate with filters over the person's events, which
-- is cheaper than one correlated subquery per figure.)
change_before AS (
  SELECT c.person_id, max(c.effective_date) AS changed
  FROM events c
  JOIN last_record r ON r.person_id = c.person_id
  LEFT JOIN employment m ON m.person_id = c.person_id
  CROSS JOIN bounds b
  WHERE c.event_type IN ('promotion', 'demotion')
    AND c.effective_date <= b.window_start
    AND (coalesce(m.began, r.hire_date) IS NULL OR c.effective_date >= coalesce(m.began, r.hire_date))
  GROUP BY c.person_id
),
spell_start AS (
  SELECT r.*, coalesce(cb.changed, m.began, r.hire_date, f.first_seen) AS started
  FROM last_record r
  LEFT JOIN change_before cb USING (person_id)
  LEFT JOIN employment m USING (person_id)
  LEFT JOIN first_seen f USING (person_id)
),
-- What ended the spell, whichever came first: the next level change (a promotion is the event;
-- a demotion leaves the risk set for promotion from this level, so it censors), an exit
-- (censored), or the data's end (censored).
spell_events AS (
  SELECT
    s.person_id,
    arg_min(c, c.effective_date) FILTER (WHERE c.event_type IN ('promotion', 'demotion')
        AND c.effective_date > s.started) AS next_change,
    arg_max(c.to_level, c.effective_date) FILTER (WHERE c.event_type IN ('promotion', 'demotion')
        AND c.effective_date = s.started) AS entered_level,
    min(c.effective_date) FILTER (WHERE c.event_type = 'termination'
        AND c.effective_date >= s.started) AS exited
  FROM spell_start s
  JOIN events c ON c.person_id = s.person_id
  GROUP BY s.person_id, s.started
),
-- Level changes from job_events that do not say which level they left (from_level is
-- optional), and what shows that level: the person's last roster record before the change, or
-- the last job event before it that names a level (a hire into a level no roster shows before
-- the change). The spells take them only from their own time. Looked up by change, not by
-- spell: a lookup that read the spells would make DuckDB materialize them whole. Only a level
-- filter reads a spell's level, and the lookup reads every roster row, so without one there is
-- none. A spell's next change always falls after the window opens (an earlier one would have
-- started the spell).
level_unstated AS (
  SELECT DISTINCT c.person_id, c.effective_date
  FROM events c, bounds b
  WHERE c.event_type IN ('promotion', 'demotion') AND c.from_level IS NULL
    AND c.effective_date > b.window_start
    AND ($level_min IS NOT NULL OR $level_max IS NOT NULL)
),
roster_before AS (
  SELECT u.person_id, u.effective_date,
         max(p.snapshot_date) AS seen, arg_max(p.level_rank, p.snapshot_date) AS level_rank
  FROM level_unstated u
  JOIN people p ON p.person_id = u.person_id AND p.snapshot_date < u.effective_date
  GROUP BY u.person_id, u.effective_date
),
event_before AS (
  SELECT u.person_id, u.effective_date,
         max(c.effective_date) AS moved, arg_max(c.to_level, c.effective_date) AS level_rank
  FROM level_unstated u
  JOIN events c ON c.person_id = u.person_id AND c.effective_date < u.effective_date AND c.to_level IS NOT NULL
  GROUP BY u.person_id, u.effective_date
),
spells AS (
  SELECT
    s.person_id,
    s.grp,
    s.department,
    s.location,
    -- The level measured: the one the ending change left, or the one the starting change
    -- entered, or the one held just before the ending change, as a roster or else a job event
    -- of the spell's own time shows it (earlier, it may be another level or another
    -- employment); with no change either side, the level in the last record. Never the last
    -- record's when a change ends the spell: that is the level the change led to. Unknown
    -- then (NULL), and no level filter keeps the spell. (It tests the change's date, not the
    -- change: a test on the struct makes DuckDB carry all of it through the joins, about 4% of
    -- the model's time with a level filter at 100,000 people.)
    coalesce(e.next_change.from_level, e.entered_level,
             CASE WHEN rb.seen >= s.started THEN rb.level_rank END,
             CASE WHEN eb.moved >= s.started THEN eb.level_rank END,
             CASE WHEN e.next_change.effective_date IS NULL THEN s.level_rank END) AS level_rank,
    s.started,
    e.exited,
    e.next_change.effective_date AS changed,
    e.next_change.event_type AS change_type,
    least(e.next_change.effective_date, e.exited, b.data_end) AS ended,
    b.window_start,
    b.data_end
  FROM spell_start s
  LEFT JOIN spell_events e USING (person_id)
  LEFT JOIN roster_before rb ON rb.person_id = s.person_id AND rb.effective_date = e.next_change.effective_date
  LEFT JOIN event_before eb ON eb.person_id = s.person_id AND eb.effective_date = e.next_change.effective_date
  CROSS JOIN bounds b
),
-- The cohort: employed at some time in the window, i.e. hired before the data's end and not
-- gone before the window opened.
cohort AS MATERIALIZED (
  SELECT
    grp,
    greatest(0, date_diff('day', started, ended))::INTEGER AS t,
    greatest(0, date_diff('day', started, window_start))::INTEGER AS entry,
    -- A promotion and an exit on the same day: the promotion happened, so it is the event.
    coalesce(change_type = 'promotion' AND changed = ended, false) AS promoted
  FROM spells
  WHERE started <= data_end
    AND ended >= window_start
    AND ($department IS NULL OR department = $department)
    AND ($location IS NULL OR location = $location)
    AND ($level_min IS NULL OR level_rank >= $level_min)
    AND ($level_max IS NULL OR level_rank <= $level_max)
),
ends_and_entries AS (
  SELECT grp, t, CASE WHEN promoted THEN 'event' ELSE 'censored' END AS kind FROM cohort
  UNION ALL
  SELECT grp, entry, 'entered' FROM cohort
)
SELECT
  'all' AS slice,
  grp,
  t,
  count(*) FILTER (WHERE kind = 'event') AS events,
  count(*) FILTER (WHERE kind = 'censored') AS censored,
  count(*) FILTER (WHERE kind = 'entered') AS entered
FROM ends_and_entries
GROUP BY grp, t
ORDER BY grp, t;
