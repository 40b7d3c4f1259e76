// name: actor_timeline
// description: Everything dated that an actor did or underwent, in order: interactions, roles, candidacies, events.
// param: actor string required max_length=200 -- Actor id, name or alias (case-insensitive)
// param: from_date date -- On or after this day
// param: to_date date -- On or before this day
// param: limit int default=200 min=1 max=1000 -- Rows to return at most
// example: polgraph query actor_timeline --param actor=Otunbayeva
// The actor by id; failing that, by a name or alias (case-insensitive) through the full-text
// indexes (an actor's search node, or its own name for one made by hand; schema/V0011), whose
// phrase match narrows the actors to compare exactly: never a scan of every actor. An id names one actor,
// and skipping the full-text search for it saves ~15% of the server's CPU for a query (bench/PROFILE.md).
CALL () {
  MATCH (a:Actor {id: $actor}) RETURN a
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
  RETURN a
}
CALL (a) {
  MATCH (a)-[r]-(o)
  WHERE type(r) IN ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'MEMBER_OF', 'LEADS', 'HOLDS_ROLE']
  MATCH (ev:Evidence {fact_key: r.key})-[:EVIDENCE_OF]->(art:Article)
  WITH a, r, o, ev, art, startNode(r) AS s, endNode(r) AS t
  RETURN 'relation' AS kind, type(r) AS type, coalesce(ev.date, r.first_date, toString(art.published)) AS date,
         CASE WHEN s = a THEN 'out' ELSE 'in' END AS direction,
         s.id AS source_id, s.name AS source, s.type AS source_label,
         t.id AS target_id, t.name AS target, CASE WHEN t:Election THEN 'Election' ELSE t.type END AS target_label,
         r.key AS key, ev.sentence AS sentence, art.id AS article_id, art.title AS title,
         toString(art.published) AS published
  UNION ALL
  MATCH (a)-[ci:CANDIDATE_IN]->(e:Election)
  OPTIONAL MATCH (e)-[:REPORTED_IN]->(art:Article)
  WITH a, ci, e, art ORDER BY art.published LIMIT 1
  RETURN 'election' AS kind, 'CANDIDATE_IN' AS type, coalesce(e.date, toString(art.published)) AS date,
         'out' AS direction, a.id AS source_id, a.name AS source, a.type AS source_label,
         e.id AS target_id, e.name AS target, 'Election' AS target_label, e.id AS key,
         CASE WHEN ci.won THEN 'won' WHEN ci.won = false THEN 'lost' ELSE 'stood' END
           + CASE WHEN ci.vote_share IS NULL THEN '' ELSE ' with ' + toString(ci.vote_share) + '%' END AS sentence,
         art.id AS article_id, art.title AS title, toString(art.published) AS published
  UNION ALL
  MATCH (a)-[p:PARTICIPATED_IN]->(e:Event)
  OPTIONAL MATCH (ev:Evidence {fact_key: e.id})-[:EVIDENCE_OF]->(art:Article)
  RETURN 'event' AS kind, e.type AS type, coalesce(e.date, toString(art.published)) AS date,
         'out' AS direction, a.id AS source_id, a.name AS source, a.type AS source_label,
         e.id AS target_id, coalesce(e.name, e.type) AS target, 'Event' AS target_label, e.id AS key,
         ev.sentence AS sentence, art.id AS article_id, art.title AS title, toString(art.published) AS published
}
WITH a, kind, type, date, direction, source_id, source, source_label, target_id, target, target_label, key,
     sentence, article_id, title, published,
     CASE WHEN date IS NULL THEN null ELSE date(date) END AS day
WHERE ($from_date IS NULL OR day >= $from_date) AND ($to_date IS NULL OR day <= $to_date)
RETURN a.id AS actor_id, a.name AS actor, date, kind, type, direction, source_id, source, source_label,
       target_id, target, target_label, key, sentence, article_id, title, published
ORDER BY day, kind, type
LIMIT $limit
