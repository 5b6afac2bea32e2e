-- The same kind of quantity stated with different values by different documents:
-- same unit and the same measured thing (first four words of the measure, case-folded).
CREATE OR REPLACE VIEW figure_conflicts AS
WITH f AS (
    SELECT *, lower(array_to_string(list_slice(string_split(coalesce(measure, ''), ' '), 1, 4), ' ')) AS measure_key
    FROM figures
    WHERE measure IS NOT NULL
)
SELECT
    a.measure_key,
    a.unit,
    a.value AS value_a, a.raw_text AS raw_a, a.doc_id AS doc_a, a.figure_id AS figure_a,
    b.value AS value_b, b.raw_text AS raw_b, b.doc_id AS doc_b, b.figure_id AS figure_b
FROM f a
JOIN f b
  ON a.measure_key = b.measure_key AND a.unit = b.unit
 AND a.doc_id < b.doc_id AND a.value <> b.value
ORDER BY a.measure_key, a.doc_id, b.doc_id;
