-- Actor pairs that appear together as actor1/actor2 of events, with counts.
CREATE OR REPLACE VIEW actor_network AS
SELECT
    least(e.actor1_id, e.actor2_id) AS actor_a,
    greatest(e.actor1_id, e.actor2_id) AS actor_b,
    any_value(CASE WHEN e.actor1_id < e.actor2_id THEN a1.name ELSE a2.name END) AS name_a,
    any_value(CASE WHEN e.actor1_id < e.actor2_id THEN a2.name ELSE a1.name END) AS name_b,
    count(*) AS n_events,
    sum(e.n_sources) AS n_reports
FROM events e
JOIN actors a1 ON a1.actor_id = e.actor1_id
JOIN actors a2 ON a2.actor_id = e.actor2_id
WHERE e.actor1_id <> e.actor2_id
GROUP BY 1, 2
ORDER BY n_events DESC, actor_a, actor_b;
