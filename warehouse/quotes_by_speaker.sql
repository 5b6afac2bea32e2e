-- Who is quoted, how often, in how many documents, with one example.
CREATE OR REPLACE VIEW quotes_by_speaker AS
SELECT
    q.speaker_actor_id,
    a.name AS speaker,
    a.description AS speaker_role,
    count(*) AS n_quotes,
    count(DISTINCT q.doc_id) AS n_documents,
    min_by(q.text, q.quote_id) AS example
FROM quotes q
LEFT JOIN actors a ON a.actor_id = q.speaker_actor_id
GROUP BY ALL
ORDER BY n_quotes DESC, speaker NULLS LAST;
