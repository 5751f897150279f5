-- name: feedback_quality
-- title: Quality of conversations
-- question: How does each group rate its mentorship conversations - mean rating with its 95% CI, share of ratings of 4 or 5 - and how often do they rate them at all?
-- kind: table
-- requires: people, sessions, feedback
-- inputs: people, sessions, session_attendees, matches, programs, feedback
-- parameters:
--   period_start DATE     first day of the review period
--   period_end   DATE     first day after the review period
--   dimension    VARCHAR  equity dimension of the rater
--   dimension2   VARCHAR  second dimension for an intersection, or NULL
--   department   VARCHAR  filter on the rater, or NULL for all
--   location     VARCHAR  filter on the rater, or NULL for all
--   level_min    INTEGER  filter on the rater, or NULL
--   level_max    INTEGER  filter on the rater, or NULL
--   layer        VARCHAR  only conversations of this layer, or NULL for all
--   program_id   VARCHAR  only conversations of this program, or NULL for all
-- output:
--   grp            VARCHAR  the rater's group; the mentee's when the rater is unknown
--   raters         BIGINT   distinct people behind the group's ratings (the group size for disclosure)
--   ratings        BIGINT   ratings of conversations in the period (and of whole matches submitted in it)
--   mean_rating    DOUBLE   mean rating on the 1..5 scale
--   sd_rating      DOUBLE   sample standard deviation of the ratings (NULL for one rating)
--   ci_lower       DOUBLE   95% CI of the mean, t-based (added by the mean_ci post-processor; NULL for one rating)
--   ci_upper       DOUBLE   95% CI of the mean, t-based (added by the mean_ci post-processor; NULL for one rating)
--   share_high     DOUBLE   share of the ratings that are 4 or more
--   sessions       BIGINT   conversations in the period the group's people took part in
--   rated_sessions BIGINT   of those, conversations the group rated at least once
--   response_rate  DOUBLE   rated_sessions / sessions
-- population: ratings whose rater (or, for an unknown rater, whose mentee) is employed on the last day of the period; conversations of the period those people took part in
-- group_size: raters
-- postprocess: mean_ci

WITH people_at_end AS (
  SELECT person_id, grp
  FROM headcount_at($period_end::DATE - 1, $department, $location, $level_min, $level_max, $dimension, $dimension2)
),
period_sessions AS (
  -- Conversations of the period in scope, with the mentee of their match (if any) and the
  -- program, which formal logs often leave to the match.
  SELECT s.session_id, m.mentee_id
  FROM sessions s
  LEFT JOIN matches m ON m.match_id = s.match_id
  WHERE s.date >= $period_start::DATE AND s.date < $period_end::DATE
    AND ($layer IS NULL OR s.layer = $layer)
    AND ($program_id IS NULL OR coalesce(s.program_id, m.program_id) = $program_id)
),
rated AS (
  -- A rating of a conversation belongs to the conversation's period; a rating of a whole
  -- match (no session) to the period it was submitted in.
  SELECT f.rater_id, f.rating, f.session_id, ps.mentee_id
  FROM feedback f
  JOIN period_sessions ps ON ps.session_id = f.session_id
  UNION ALL
  SELECT f.rater_id, f.rating, NULL, m.mentee_id
  FROM feedback f
  JOIN matches m ON m.match_id = f.match_id
  LEFT JOIN programs pr ON pr.program_id = m.program_id
  WHERE f.session_id IS NULL
    AND f.submitted_date >= $period_start::DATE AND f.submitted_date < $period_end::DATE
    AND ($layer IS NULL OR coalesce(pr.layer, 'formal') = $layer)
    AND ($program_id IS NULL OR m.program_id = $program_id)
),
-- The raters found on any roster: everyone ever on one has one latest record, so no roster
-- row is ranked or deduplicated.
raters_on_a_roster AS (
  SELECT p.person_id
  FROM last_records(DATE 'infinity') p
  JOIN (SELECT DISTINCT rater_id FROM rated) r ON r.rater_id = p.person_id
),
attributed AS (
  -- A rating speaks for its rater's group. When the rater is unknown (no id, or an id on no
  -- roster) it is taken to speak for the mentee, the person the conversation was for; a rater
  -- who is on a roster but outside the page's population stays out.
  SELECT
    r.rating, r.session_id,
    CASE WHEN r.rater_id IN (SELECT person_id FROM raters_on_a_roster) THEN r.rater_id ELSE r.mentee_id END AS rated_by
  FROM rated r
),
ratings AS (
  SELECT a.rating, a.session_id, a.rated_by, p.grp
  FROM attributed a
  JOIN people_at_end p ON p.person_id = a.rated_by
),
rating_stats AS (
  SELECT
    grp,
    count(DISTINCT rated_by) AS raters,
    count(*) AS ratings,
    avg(rating) AS mean_rating,
    stddev_samp(rating) AS sd_rating,
    avg(CASE WHEN rating >= 4 THEN 1.0 ELSE 0.0 END) AS share_high
  FROM ratings
  GROUP BY grp
),
group_sessions AS (
  -- The conversations each group took part in: the denominator of its response rate.
  SELECT DISTINCT p.grp, c.session_id
  FROM conversation_rows($period_start::DATE, $period_end::DATE) c
  JOIN period_sessions ps ON ps.session_id = c.session_id
  JOIN people_at_end p ON p.person_id = c.person_id
),
rated_by_group AS (
  SELECT DISTINCT grp, session_id FROM ratings WHERE session_id IS NOT NULL
),
response AS (
  -- A conversation counts as rated by the group when one of its ratings speaks for the group;
  -- only conversations the group took part in count, so the rate stays within 0..1.
  SELECT
    g.grp,
    count(*) AS sessions,
    count(rg.session_id) AS rated_sessions
  FROM group_sessions g
  LEFT JOIN rated_by_group rg ON rg.grp = g.grp AND rg.session_id = g.session_id
  GROUP BY g.grp
)
SELECT
  coalesce(s.grp, r.grp) AS grp,
  coalesce(s.raters, 0) AS raters,
  coalesce(s.ratings, 0) AS ratings,
  s.mean_rating,
  s.sd_rating,
  s.share_high,
  coalesce(r.sessions, 0) AS sessions,
  coalesce(r.rated_sessions, 0) AS rated_sessions,
  r.rated_sessions::DOUBLE / nullif(r.sessions, 0) AS response_rate
FROM rating_stats s
FULL JOIN response r ON r.grp = s.grp
ORDER BY grp;
