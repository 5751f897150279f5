-- Career events: promotions, demotions, moves, hires and exits. From job_events when the
-- workspace has any; otherwise derived from consecutive roster snapshots (METRICS.md), dated
-- at the later snapshot because the day within the interval is unknown, and marked derived
-- so the UI can say so.

CREATE OR REPLACE TEMP MACRO snapshot_pairs() AS TABLE
  WITH s AS (SELECT DISTINCT snapshot_date FROM people),
  ordered AS (SELECT snapshot_date AS d, lead(snapshot_date) OVER (ORDER BY snapshot_date) AS next_d FROM s)
  SELECT d, next_d FROM ordered WHERE next_d IS NOT NULL;

CREATE OR REPLACE TEMP MACRO derived_events() AS TABLE
  -- Level changes between consecutive snapshots.
  SELECT b.person_id, b.snapshot_date AS effective_date,
         CASE WHEN b.level_rank > a.level_rank THEN 'promotion' ELSE 'demotion' END AS event_type,
         a.level_rank AS from_level, b.level_rank AS to_level, true AS derived
  FROM snapshot_pairs() sp
  JOIN people a ON a.snapshot_date = sp.d
  JOIN people b ON b.snapshot_date = sp.next_d AND b.person_id = a.person_id
  WHERE b.level_rank <> a.level_rank
  UNION ALL
  -- Exits with a termination date, once per person (the first snapshot that shows it).
  SELECT person_id, min(termination_date), 'termination', NULL, NULL, true
  FROM people WHERE termination_date IS NOT NULL GROUP BY person_id
  UNION ALL
  -- People who vanish from the next snapshot without a termination date left in between.
  SELECT a.person_id, sp.next_d, 'termination', NULL, NULL, true
  FROM snapshot_pairs() sp
  JOIN people a ON a.snapshot_date = sp.d
  WHERE a.termination_date IS NULL
    AND NOT EXISTS (SELECT 1 FROM people b WHERE b.snapshot_date = sp.next_d AND b.person_id = a.person_id)
    AND NOT EXISTS (SELECT 1 FROM people t WHERE t.person_id = a.person_id AND t.termination_date IS NOT NULL);

CREATE OR REPLACE TEMP MACRO career_events() AS TABLE
  SELECT person_id, effective_date, event_type, from_level, to_level, false AS derived FROM job_events
  UNION ALL
  SELECT * FROM derived_events() WHERE NOT EXISTS (SELECT 1 FROM job_events);
