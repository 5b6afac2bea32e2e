-- The same kind of quantity stated with different values by different documents.
-- Two figures are about the same thing when they share the unit, the period
-- (or both have none) and the head word of their measure: the last word once
-- a trailing "from/in/over/during/to ..." phrase is cut, e.g. "share of Israel's
-- oil" (30%) and "share of its oil from Azerbaijan" (40%) both end in "oil".
CREATE OR REPLACE VIEW figure_conflicts AS
WITH f AS (
    SELECT
        *,
        lower(regexp_extract(
            regexp_replace(measure, '\s+(from|in|over|during|to|between|since|by)\s.*$', ''),
            '([[:alnum:]-]+)\s*$', 1)) AS measure_head
    FROM figures
    WHERE measure IS NOT NULL
)
SELECT
    a.unit,
    a.measure_head,
    a.period,
    a.value AS value_a, a.raw_text AS raw_a, a.measure AS measure_a, a.doc_id AS doc_a, a.figure_id AS figure_a,
    b.value AS value_b, b.raw_text AS raw_b, b.measure AS measure_b, b.doc_id AS doc_b, b.figure_id AS figure_b
FROM f a
JOIN f b
  ON a.unit = b.unit
 AND a.measure_head = b.measure_head AND a.measure_head <> ''
 AND a.period IS NOT DISTINCT FROM b.period
 AND a.doc_id < b.doc_id
 AND a.value <> b.value
ORDER BY a.unit, a.measure_head, a.doc_id, b.doc_id, a.figure_id, b.figure_id;
