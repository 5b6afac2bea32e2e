-- Events in date order with the names of their actors and how many sources report them.
CREATE OR REPLACE VIEW timeline AS
SELECT
    e.event_date,
    e.date_precision,
    e.event_date_end,
    e.event_class,
    e.cameo_code,
    e.event_type,
    a1.name AS actor1,
    a2.name AS actor2,
    loc.name AS location,
    e.description,
    e.n_sources,
    (SELECT string_agg(DISTINCT m.doc_id, ', ' ORDER BY m.doc_id) FROM event_mentions m WHERE m.event_id = e.event_id) AS sources,
    e.event_id
FROM events e
LEFT JOIN actors a1 ON a1.actor_id = e.actor1_id
LEFT JOIN actors a2 ON a2.actor_id = e.actor2_id
LEFT JOIN actors loc ON loc.actor_id = e.location_id
ORDER BY e.event_date NULLS LAST, e.event_id;
