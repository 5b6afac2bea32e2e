-- Events of the same kind (CAMEO code, or class where CAMEO has none) between the same actors whose
-- reported dates disagree.
CREATE OR REPLACE VIEW event_conflicts AS
SELECT
    a.event_class, a.cameo_code,
    a.actor1_id, a.actor2_id,
    a.event_date AS date_a, a.date_precision AS precision_a, a.event_id AS event_a, a.description AS description_a,
    b.event_date AS date_b, b.date_precision AS precision_b, b.event_id AS event_b, b.description AS description_b
FROM events a
JOIN events b
  ON coalesce(a.cameo_code, a.event_class) = coalesce(b.cameo_code, b.event_class)
 AND a.actor1_id IS NOT DISTINCT FROM b.actor1_id
 AND a.actor2_id IS NOT DISTINCT FROM b.actor2_id
 AND a.location_id IS NOT DISTINCT FROM b.location_id
 AND a.event_id < b.event_id
 AND a.event_date IS NOT NULL AND b.event_date IS NOT NULL
 AND a.event_date <> b.event_date
ORDER BY a.event_class, a.cameo_code, a.event_date;
