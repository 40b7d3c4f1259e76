// name: connection_path
// description: Shortest chains of facts linking two actors (interactions, roles, candidacies, events), each step with its evidence.
// param: from_actor string required max_length=200 -- First actor: id, name or alias (case-insensitive)
// param: to_actor string required max_length=200 -- Second actor: id, name or alias (case-insensitive)
// param: max_hops int default=4 min=1 max=6 -- Longest chain to report
// param: limit int default=10 min=1 max=100 -- Paths to return at most
// example: polgraph query connection_path --param from_actor=Putin --param to_actor=Bakiyev --param max_hops=3
// The actor by id; failing that, by a name or alias (case-insensitive) through the full-text
// indexes (an actor's search node, or its own name for one made by hand; schema/V0011), whose
// phrase match narrows the actors to compare exactly: never a scan of every actor. An id names one actor,
// and skipping the full-text search for it saves ~15% of the server's CPU for a query (bench/PROFILE.md).
CALL () {
  MATCH (a:Actor {id: $from_actor}) RETURN a
  UNION
  WITH 1 AS one WHERE NOT EXISTS { MATCH (:Actor {id: $from_actor}) }
  WITH '"' + reduce(q = $from_actor, c IN ['\\', '"', '+', '-', '!', '(', ')', ':', '^', '[', ']', '{', '}', '~', '*', '?', '|', '&', '/'] | replace(q, c, '\\' + c)) + '"' AS phrase
  CALL (phrase) {
    CALL db.index.fulltext.queryNodes('actor_names', phrase) YIELD node
    MATCH (a:Actor {id: node.actor_id})
    RETURN a
    UNION
    CALL db.index.fulltext.queryNodes('actor_name_text', phrase) YIELD node AS a
    RETURN a
  }
  WITH a WHERE toLower(a.name) = toLower($from_actor)
    OR any(al IN coalesce(a.aliases, []) WHERE toLower(al) = toLower($from_actor))
  RETURN a
}
CALL () {
  MATCH (b:Actor {id: $to_actor}) RETURN b
  UNION
  WITH 1 AS one WHERE NOT EXISTS { MATCH (:Actor {id: $to_actor}) }
  WITH '"' + reduce(q = $to_actor, c IN ['\\', '"', '+', '-', '!', '(', ')', ':', '^', '[', ']', '{', '}', '~', '*', '?', '|', '&', '/'] | replace(q, c, '\\' + c)) + '"' AS phrase
  CALL (phrase) {
    CALL db.index.fulltext.queryNodes('actor_names', phrase) YIELD node
    MATCH (b:Actor {id: node.actor_id})
    RETURN b
    UNION
    CALL db.index.fulltext.queryNodes('actor_name_text', phrase) YIELD node AS b
    RETURN b
  }
  WITH b WHERE toLower(b.name) = toLower($to_actor)
    OR any(al IN coalesce(b.aliases, []) WHERE toLower(al) = toLower($to_actor))
  RETURN b
}
WITH a, b WHERE a <> b
// The bound of a variable-length pattern cannot be a parameter; 6 is the ceiling max_hops allows.
MATCH p = allShortestPaths((a)-[:AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT|MEMBER_OF|LEADS|HOLDS_ROLE|CANDIDATE_IN|PARTICIPATED_IN*..6]-(b))
WITH a, b, p WHERE length(p) <= $max_hops
WITH a, b, p ORDER BY length(p) LIMIT $limit
RETURN a.id AS from_id, a.name AS from_name, b.id AS to_id, b.name AS to_name, length(p) AS hops,
       [n IN nodes(p) | {id: n.id, name: coalesce(n.name, n.type, n.id),
                         label: CASE WHEN n:Election THEN 'Election' WHEN n:Event THEN 'Event' ELSE n.type END}]
         AS nodes,
       [r IN relationships(p) | {
          source_id: startNode(r).id, source: coalesce(startNode(r).name, startNode(r).id),
          source_label: CASE WHEN startNode(r):Event THEN 'Event' ELSE startNode(r).type END,
          target_id: endNode(r).id, target: coalesce(endNode(r).name, endNode(r).type, endNode(r).id),
          target_label: CASE WHEN endNode(r):Election THEN 'Election' WHEN endNode(r):Event THEN 'Event'
                             ELSE endNode(r).type END,
          type: type(r), key: coalesce(r.key, endNode(r).id), sources: r.sources,
          evidence: [(ev:Evidence)-[:EVIDENCE_OF]->(art:Article) WHERE ev.fact_key = coalesce(r.key, endNode(r).id)
                     | {sentence: ev.sentence, article_id: art.id, title: art.title,
                        published: toString(art.published)}][..1]}] AS edges
ORDER BY hops
