// name: dyad_balance
// description: Whether two actors' relations are warming or cooling: their interactions (both ways) by month, with the cooperation-conflict balance (Goldstein intensity) of each month.
// param: actor string required max_length=200 -- One actor: id, name or alias (case-insensitive)
// param: other string required max_length=200 -- The other actor: id, name or alias
// param: from_date date -- Months of facts dated (or, undated, first reported) on or after this day
// param: to_date date -- Months of facts dated (or, undated, first reported) on or before this day
// example: polgraph query dyad_balance --param actor=Atambayev --param other=Jeenbekov
// Each actor is looked up once: by id, failing that by name or alias through the full-text index.
WITH COLLECT {
       MATCH (a:Actor {id: $actor}) RETURN a.id AS id
       UNION
       WITH 1 AS one WHERE NOT EXISTS { MATCH (:Actor {id: $actor}) }
       WITH '"' + reduce(q = $actor, c IN ['\\', '"', '+', '-', '!', '(', ')', ':', '^', '[', ']', '{', '}', '~', '*', '?', '|', '&', '/'] | replace(q, c, '\\' + c)) + '"' AS phrase
       CALL (phrase) {
         CALL db.index.fulltext.queryNodes('actor_names', phrase) YIELD node
         MATCH (a:Actor {id: node.actor_id})
         RETURN a
         UNION
         CALL db.index.fulltext.queryNodes('actor_name_text', phrase) YIELD node AS a
         RETURN a
       }
       WITH a WHERE toLower(a.name) = toLower($actor)
         OR any(al IN coalesce(a.aliases, []) WHERE toLower(al) = toLower($actor))
       RETURN a.id AS id
     } AS actor_ids,
     COLLECT {
       MATCH (a:Actor {id: $other}) RETURN a.id AS id
       UNION
       WITH 1 AS one WHERE NOT EXISTS { MATCH (:Actor {id: $other}) }
       WITH '"' + reduce(q = $other, c IN ['\\', '"', '+', '-', '!', '(', ')', ':', '^', '[', ']', '{', '}', '~', '*', '?', '|', '&', '/'] | replace(q, c, '\\' + c)) + '"' AS phrase
       CALL (phrase) {
         CALL db.index.fulltext.queryNodes('actor_names', phrase) YIELD node
         MATCH (a:Actor {id: node.actor_id})
         RETURN a
         UNION
         CALL db.index.fulltext.queryNodes('actor_name_text', phrase) YIELD node AS a
         RETURN a
       }
       WITH a WHERE toLower(a.name) = toLower($other)
         OR any(al IN coalesce(a.aliases, []) WHERE toLower(al) = toLower($other))
       RETURN a.id AS id
     } AS other_ids
UNWIND actor_ids AS aid
MATCH (a:Actor {id: aid})-[r]-(b:Actor)
WHERE b.id IN other_ids AND r.intensity IS NOT NULL
WITH DISTINCT r, startNode(r) AS s, endNode(r) AS t, coalesce(r.date_start, r.first_reported) AS day
WHERE day IS NOT NULL
  AND ($from_date IS NULL OR day >= $from_date) AND ($to_date IS NULL OR day <= $to_date)
WITH left(toString(day), 7) AS month, r, s, t
ORDER BY month, r.key
WITH month,
     count(r) AS interactions,
     sum(r.intensity) AS net,
     sum(CASE WHEN r.quad_class ENDS WITH 'cooperation' THEN 1 ELSE 0 END) AS cooperative,
     sum(CASE WHEN r.quad_class ENDS WITH 'conflict' THEN 1 ELSE 0 END) AS conflictual,
     sum(CASE WHEN r.quad_class = 'verbal_cooperation' THEN 1 ELSE 0 END) AS verbal_cooperation,
     sum(CASE WHEN r.quad_class = 'material_cooperation' THEN 1 ELSE 0 END) AS material_cooperation,
     sum(CASE WHEN r.quad_class = 'verbal_conflict' THEN 1 ELSE 0 END) AS verbal_conflict,
     sum(CASE WHEN r.quad_class = 'material_conflict' THEN 1 ELSE 0 END) AS material_conflict,
     collect({source_id: s.id, source: s.name, target_id: t.id, target: t.name, type: type(r), key: r.key,
              intensity: r.intensity, sources: r.sources, sentence: r.article_sentence}) AS facts
RETURN month, interactions, cooperative, conflictual,
       round(net, 2) AS net_intensity, round(net / interactions, 2) AS mean_intensity,
       verbal_cooperation, material_cooperation, verbal_conflict, material_conflict, facts
ORDER BY month
