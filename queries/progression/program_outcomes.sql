-- name: program_outcomes
-- title: Program outcomes: participants vs non-participants
-- question: Were mentorship participants promoted and retained more than comparable non-participants (same level and tenure band, and department where numbers allow) over the last 12 months?
-- kind: table
-- requires: people, sessions
-- inputs: people, job_events, sessions, session_attendees, matches
-- postprocess: lift
-- parameters:
--   period_end   DATE     first day after the review period; the 12 months before it are the window
--   dimension    VARCHAR  equity dimension (gender, race_ethnicity or a declared one)
--   dimension2   VARCHAR  second dimension for an intersection, or NULL
--   department   VARCHAR  filter on the department on the base date, or NULL for all
--   location     VARCHAR  filter on the location on the base date, or NULL for all
--   level_min    INTEGER  filter on the level on the base date, or NULL
--   level_max    INTEGER  filter on the level on the base date, or NULL
--   layer        VARCHAR  count only conversations of this layer as participation, or NULL for any
--   program_id   VARCHAR  count only conversations of this program as participation, or NULL for any
-- output:
--   outcome                  VARCHAR  'promotion' (promoted in the window) or 'retention' (employed on the period's last day)
--   grp                      VARCHAR  the group of the dimension on the base date
--   stratum                  VARCHAR  level rank x tenure band on the base date, e.g. 'level 2 · 1-3y'
--   refinement               VARCHAR  department on the base date ('Not recorded' when empty)
--   participants             BIGINT   participants in this group and stratum
--   participant_outcomes     BIGINT   of them, with the outcome
--   non_participants         BIGINT   non-participants in this group and stratum
--   non_participant_outcomes BIGINT   of them, with the outcome
-- population: employees on the base date, the last day of the same period a year earlier (period_end - 12 months - 1 day); participants had at least one mentorship conversation (of the chosen layer/program) in the 12 months after it, up to period end; non-participants had none of any kind
--
-- The lift post-processor standardizes (expected = sum over strata of participants x the
-- non-participant rate of the same group and stratum), computes lift = observed / expected with
-- the exact Poisson 95% CI, per group and for 'All', and applies disclosure control. These rows
-- never leave the core as they are.

-- Timing, chosen so one window serves both sides: the population is fixed on the base date
-- (so leavers stay in it, as in the promotion rate), participation and outcomes are both
-- counted over the 12 months that follow, up to period end. Participation can follow a
-- promotion within that window, which is one more reason the result is an association, not a
-- causal effect.
WITH dates AS (
  SELECT ($period_end::DATE - INTERVAL 12 MONTH)::DATE - 1 AS base_date,
         ($period_end::DATE - INTERVAL 12 MONTH)::DATE AS window_start,
         $period_end::DATE AS window_end
),
-- The base date written out rather than joined from dates: a table macro joined to a CTE runs
-- as a lateral join, a nested loop over every roster row.
base AS (
  SELECT h.person_id, h.grp, h.level_rank, h.hire_date,
         coalesce(h.department, 'Not recorded') AS department,
         d.base_date
  FROM headcount_at(($period_end::DATE - INTERVAL 12 MONTH)::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2) h,
       dates d
),
-- Tenure on the base date; full years, so exactly one year in is '1-3y'. Strata are keyed by
-- level rank, not label, so two spellings of one level never split a stratum. (The stratum's
-- name is written per cell below, not per person: about 8% of the model's CPU.)
stratified AS (
  SELECT person_id, grp, department, level_rank,
         CASE
           WHEN hire_date IS NULL THEN 'tenure unknown'
           WHEN hire_date > base_date - INTERVAL 1 YEAR THEN '<1y'
           WHEN hire_date > base_date - INTERVAL 3 YEAR THEN '1-3y'
           WHEN hire_date > base_date - INTERVAL 5 YEAR THEN '3-5y'
           ELSE '5y+' END AS tenure
  FROM base
),
-- Per person: any conversation in the window, and any of the chosen kind where the session names
-- its program (match_only below adds those that name only their match). (The bounds written
-- out for the same reason as the base date's.)
talks AS (
  SELECT person_id,
         coalesce(bool_or(($layer IS NULL OR layer = $layer) AND ($program_id IS NULL OR program_id = $program_id)), false) AS chosen_kind
  FROM conversation_rows(($period_end::DATE - INTERVAL 12 MONTH)::DATE, $period_end::DATE)
  GROUP BY person_id
),
-- Formal logs often give a session's match but not its program: there the match says which
-- program the conversation belongs to, as in the other models (coalesce(s.program_id,
-- m.program_id)). Those sessions are looked up in sessions first, and only their pairs read:
-- without a filter, or where every session names its program, there are none, and the pairs
-- are not read again (joining every pair to its match cost about a tenth of the model).
-- (match_id IS NOT NULL written out: without it the join probed the match of every session
-- without a program, about twice the cost of the lookup.)
match_only AS (
  SELECT DISTINCT c.person_id
  FROM conversation_rows(($period_end::DATE - INTERVAL 12 MONTH)::DATE, $period_end::DATE) c
  WHERE c.session_id IN (
    SELECT s.session_id
    FROM sessions s JOIN matches m ON m.match_id = s.match_id
    WHERE s.program_id IS NULL AND s.match_id IS NOT NULL AND m.program_id = $program_id AND ($layer IS NULL OR s.layer = $layer)
      AND s.date >= ($period_end::DATE - INTERVAL 12 MONTH)::DATE AND s.date < $period_end::DATE
  )
),
-- Participants: a conversation of the chosen kind. Non-participants: no conversation of any
-- kind, so that people active in another program are not the comparison group of this one.
participation AS (
  SELECT s.*,
         coalesce(t.chosen_kind, false) OR mo.person_id IS NOT NULL AS participant,
         t.person_id IS NULL AS non_participant
  FROM stratified s
  LEFT JOIN talks t USING (person_id)
  LEFT JOIN match_only mo USING (person_id)
),
promoted AS (
  SELECT DISTINCT e.person_id
  FROM career_events() e, dates d
  WHERE e.event_type = 'promotion' AND e.effective_date >= d.window_start AND e.effective_date < d.window_end
),
-- Retained: employed anywhere on the period's last day, whatever the filters (a move is not an exit).
retained AS (
  SELECT person_id FROM headcount_at($period_end::DATE - 1, NULL, NULL, NULL, NULL, $dimension, $dimension2)
),
-- Both outcomes of each person in one row, counted per cell once, then one row per outcome.
outcomes AS (
  SELECT p.grp, p.level_rank, p.tenure, p.department, p.participant, p.non_participant,
         pr.person_id IS NOT NULL AS promoted,
         rt.person_id IS NOT NULL AS retained
  FROM participation p
  LEFT JOIN promoted pr USING (person_id)
  LEFT JOIN retained rt USING (person_id)
  WHERE p.participant OR p.non_participant
),
cells AS (
  SELECT grp, 'level ' || level_rank || ' · ' || tenure AS stratum, department,
         count(*) FILTER (WHERE participant) AS participants,
         count(*) FILTER (WHERE non_participant) AS non_participants,
         count(*) FILTER (WHERE participant AND promoted) AS participants_promoted,
         count(*) FILTER (WHERE non_participant AND promoted) AS non_participants_promoted,
         count(*) FILTER (WHERE participant AND retained) AS participants_retained,
         count(*) FILTER (WHERE non_participant AND retained) AS non_participants_retained
  FROM outcomes
  GROUP BY grp, level_rank, tenure, department
)
SELECT outcome, grp, stratum, department AS refinement, participants, participant_outcomes, non_participants, non_participant_outcomes
FROM (
  SELECT 'promotion' AS outcome, grp, stratum, department, participants,
         participants_promoted AS participant_outcomes, non_participants, non_participants_promoted AS non_participant_outcomes
  FROM cells
  UNION ALL
  SELECT 'retention', grp, stratum, department, participants,
         participants_retained, non_participants, non_participants_retained
  FROM cells
)
ORDER BY outcome, grp, stratum, refinement;
