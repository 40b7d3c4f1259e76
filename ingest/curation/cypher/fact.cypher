// A fact by its key, found through its evidence (indexed on fact_key), with every sentence of its evidence.
MATCH (ev:Evidence {fact_key: $key})
WHERE ev.rel_type IS NOT NULL
WITH ev LIMIT 1
MATCH (s:Actor {id: ev.source_id})-[r:$(ev.rel_type) {key: $key}]->(t)
RETURN type(r) AS type, s.id AS source, t.id AS target, properties(r) AS props,
       COLLECT { MATCH (e:Evidence {fact_key: $key}) RETURN properties(e) ORDER BY e.id } AS evidence
