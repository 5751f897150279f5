-- Migration 006: more of the ways HR systems write "prefer not to say" (Workday's "Decline to
-- Self-Identify" among them), so that no one who declined is compared as if they were a group.
-- Rows already imported with these labels are relabelled too.
INSERT INTO label_merges
SELECT d.dimension, l.label, 'Prefer not to say'
FROM (VALUES ('gender'), ('race_ethnicity')) d(dimension),
     (VALUES ('decline to self-identify'), ('decline to self identify'), ('declined to self-identify'),
             ('declined to identify'), ('decline to answer'), ('declined to answer'), ('prefer not to answer'),
             ('prefer not to disclose'), ('choose not to disclose'), ('chose not to disclose'),
             ('i do not wish to answer'), ('i don''t wish to answer'), ('not declared'), ('undeclared'), ('undisclosed')) l(label)
WHERE NOT EXISTS (SELECT 1 FROM label_merges m WHERE m.dimension = d.dimension AND m.from_label = l.label);

UPDATE people SET gender = 'Prefer not to say'
WHERE lower(trim(gender)) IN (SELECT from_label FROM label_merges WHERE dimension = 'gender' AND to_label = 'Prefer not to say');
UPDATE people SET race_ethnicity = 'Prefer not to say'
WHERE lower(trim(race_ethnicity)) IN (SELECT from_label FROM label_merges WHERE dimension = 'race_ethnicity' AND to_label = 'Prefer not to say');
