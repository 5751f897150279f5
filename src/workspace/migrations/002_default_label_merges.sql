-- Migration 002: the label merges every organisation needs, so that "F", "Female" and
-- "woman" count as one group from the first import. Users add their own on the Data page.
INSERT INTO label_merges VALUES
  ('gender', 'f', 'Woman'), ('gender', 'female', 'Woman'), ('gender', 'woman', 'Woman'), ('gender', 'w', 'Woman'),
  ('gender', 'm', 'Man'), ('gender', 'male', 'Man'), ('gender', 'man', 'Man'),
  ('gender', 'nb', 'Non-binary'), ('gender', 'non-binary', 'Non-binary'), ('gender', 'nonbinary', 'Non-binary'),
  ('gender', 'non binary', 'Non-binary'), ('gender', 'x', 'Non-binary'),
  ('gender', 'prefer not to say', 'Prefer not to say'), ('gender', 'declined', 'Prefer not to say'),
  ('gender', 'decline to state', 'Prefer not to say'), ('gender', 'not disclosed', 'Prefer not to say'),
  ('gender', 'undisclosed', 'Prefer not to say'), ('gender', 'i prefer not to answer', 'Prefer not to say'),
  ('race_ethnicity', 'prefer not to say', 'Prefer not to say'), ('race_ethnicity', 'declined', 'Prefer not to say'),
  ('race_ethnicity', 'decline to state', 'Prefer not to say'), ('race_ethnicity', 'not disclosed', 'Prefer not to say'),
  ('race_ethnicity', 'i prefer not to answer', 'Prefer not to say'),
  ('race_ethnicity', 'black', 'Black or African American'), ('race_ethnicity', 'african american', 'Black or African American'),
  ('race_ethnicity', 'hispanic', 'Hispanic or Latino'), ('race_ethnicity', 'latino', 'Hispanic or Latino'),
  ('race_ethnicity', 'latinx', 'Hispanic or Latino'), ('race_ethnicity', 'caucasian', 'White'),
  ('race_ethnicity', 'two or more', 'Two or More Races'), ('race_ethnicity', 'multiracial', 'Two or More Races');
