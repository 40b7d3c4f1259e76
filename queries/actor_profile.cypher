// name: actor_profile
// description: One actor: aliases, roles and memberships over time, parties, strongest relations with evidence, elections and events.
// param: actor string required max_length=200 -- Actor id, name or alias (case-insensitive)
// param: top int default=10 min=1 max=100 -- How many of the strongest relations to list
// example: polgraph query actor_profile --param actor=Bakiyev
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
  MATCH (a)-[r:HOLDS_ROLE|LEADS|MEMBER_OF]->(o:Actor)
  CALL (r) {
    MATCH (ev:Evidence {fact_key: r.key})-[:EVIDENCE_OF]->(art:Article)
    WITH ev, art ORDER BY ev.confidence DESC, ev.published_on DESC, ev.id DESC
    RETURN collect({sentence: ev.sentence, article_id: art.id, title: art.title,
                    published: toString(art.published)})[..2] AS evidence,
           min(art.published) AS first_published
  }
  WITH r, o, evidence, coalesce(r.first_date, toString(first_published)) AS since
  ORDER BY since, type(r)
  RETURN collect({source_id: a.id, source: a.name, source_label: a.type, target_id: o.id, target: o.name,
                  target_label: o.type, type: type(r), title: r.title, first_date: since, last_date: r.last_date,
                  key: r.key, sources: r.sources, evidence: evidence}) AS roles
}
CALL (a) {
  MATCH (a)-[r]-(o)
  WHERE type(r) IN ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']
  WITH r, o ORDER BY r.sources DESC, r.confidence DESC, r.last_date DESC LIMIT $top
  CALL (r) {
    // In the index's order (schema/V0015): reading stops at the sentences shown.
    MATCH (ev:Evidence {fact_key: r.key})
    USING INDEX ev:Evidence(fact_key, confidence, published_on, id)
    WHERE ev.confidence IS NOT NULL AND ev.published_on IS NOT NULL AND ev.id IS NOT NULL
    WITH ev ORDER BY ev.fact_key DESC, ev.confidence DESC, ev.published_on DESC, ev.id DESC LIMIT 2
    MATCH (ev)-[:EVIDENCE_OF]->(art:Article)
    RETURN collect({sentence: ev.sentence, article_id: art.id, title: art.title,
                    published: toString(art.published)}) AS evidence
  }
  WITH r, startNode(r) AS s, endNode(r) AS t, evidence
  RETURN collect({source_id: s.id, source: s.name, source_label: s.type, target_id: t.id, target: t.name,
                  target_label: CASE WHEN t:Election THEN 'Election' ELSE t.type END, type: type(r),
                  direction: CASE WHEN s = a THEN 'out' ELSE 'in' END, sources: r.sources,
                  confidence: r.confidence, first_date: r.first_date, last_date: r.last_date,
                  claimed_by_id: r.claimed_by, key: r.key, evidence: evidence}) AS relations
}
CALL (a) {
  MATCH (a)-[ci:CANDIDATE_IN]->(e:Election)
  WITH ci, e ORDER BY e.date_start
  RETURN collect({source_id: a.id, source: a.name, source_label: a.type, target_id: e.id, target: e.name,
                  target_label: 'Election', type: 'CANDIDATE_IN', date: e.date, vote_share: ci.vote_share,
                  won: ci.won, key: e.id}) AS elections
}
CALL (a) {
  MATCH (a)-[p:PARTICIPATED_IN]->(e:Event)
  WITH p, e ORDER BY e.date_start
  RETURN collect({source_id: a.id, source: a.name, source_label: a.type, target_id: e.id,
                  target: coalesce(e.name, e.type), target_label: 'Event', type: 'PARTICIPATED_IN', role: p.role,
                  event_type: e.type, date: e.date, key: e.id}) AS events
}
OPTIONAL MATCH (home:Actor {id: a.country})
RETURN a.id AS id, a.name AS name, a.type AS type, a.aliases AS aliases, a.country AS country_id,
       home.name AS country, a.kb_id AS kb_id,
       [x IN roles WHERE x.target_label = 'Party' | x.target] AS parties,
       roles, relations, elections, events,
       COUNT { (a)-[:MENTIONED_IN]->(:Article) } AS articles
ORDER BY articles DESC, id
