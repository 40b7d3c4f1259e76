// name: evidence
// description: The articles and sentences behind one fact, given its key (a relationship's key, an election's or event's id).
// param: key string required max_length=200 -- The `key` of a relationship, or an election or event id
// param: limit int default=100 min=1 max=1000 -- Rows to return at most
// example: polgraph query evidence --param key=3f2a9c0d41b7e655
MATCH (ev:Evidence {fact_key: $key})-[:EVIDENCE_OF]->(art:Article)
OPTIONAL MATCH (s:Actor {id: ev.source_id})
OPTIONAL MATCH (ta:Actor {id: ev.target_id})
OPTIONAL MATCH (te:Election {id: ev.target_id})
OPTIONAL MATCH (cb:Actor {id: ev.claimed_by})
WITH ev, art, s, coalesce(ta, te) AS t, cb
RETURN ev.fact_key AS key, ev.rel_type AS type,
       s.id AS source_id, s.name AS source, s.type AS source_label,
       t.id AS target_id, t.name AS target, CASE WHEN t:Election THEN 'Election' ELSE t.type END AS target_label,
       ev.sentence AS sentence, ev.start_char AS start_char, ev.end_char AS end_char, ev.rule AS rule,
       ev.confidence AS confidence, ev.date AS date, ev.claimed_by AS claimed_by_id, cb.name AS claimed_by,
       art.id AS article_id, art.title AS title, art.url AS url, art.outlet AS outlet,
       toString(art.published) AS published
ORDER BY published, start_char
LIMIT $limit
