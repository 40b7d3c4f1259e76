// name: meetings
// description: Meetings, talks and visits (PLOVER CONSULT) between actors, with the sentences.
// param: actor string max_length=200 -- Actor id, name or alias (case-insensitive), on either side
// param: country string max_length=200 -- Country id or name: facts where either side is, or belongs to, it
// param: from_date date -- Facts dated (or, undated, first reported) on or after this day
// param: to_date date -- Facts dated (or, undated, first reported) on or before this day
// param: min_sources int default=1 min=1 max=1000 -- Only facts told by at least this many articles
// param: limit int default=100 min=1 max=1000 -- Rows to return at most
// param: skip int default=0 min=0 max=10000000 -- Rows to pass over first: a page past the first (the API's `cursor` sets it)
// example: polgraph query meetings --param actor=Putin --param from_date=2010-01-01
OPTIONAL MATCH (c:Country)
WHERE $country IS NOT NULL
  AND (c.id = $country OR toLower(c.name) = toLower($country)
       OR any(al IN coalesce(c.aliases, []) WHERE toLower(al) = toLower($country)))
WITH collect(c.id) AS countries
// An actor named by the caller is looked up once (by id; failing that, by name or alias through the
// full-text indexes of search nodes and of hand-made actors' names, schema/V0011) and its relationships expanded from it.
WITH countries,
     COLLECT {
       MATCH (a:Actor {id: $actor}) RETURN a.id AS id
       UNION
       WITH 1 AS one WHERE $actor IS NOT NULL AND NOT EXISTS { MATCH (:Actor {id: $actor}) }
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
     } AS actor_ids
// What stands for the country on either side of a fact: the country, actors located in or belonging to
// it, elections held in it, holders of its offices, members and leaders of its parties. Gathered once
// from the indexes, so that facts are expanded from these nodes rather than every fact of the type
// being tested against the country (70-140 ms at 10k articles, bench/PROFILE.md).
WITH countries, actor_ids,
     COLLECT {
       UNWIND countries AS cid
       RETURN cid AS id
       UNION
       UNWIND countries AS cid
       MATCH (x:Actor {country: cid})
       RETURN x.id AS id
       UNION
       UNWIND countries AS cid
       MATCH (x:Election)-[:HELD_IN]->(:Actor {id: cid})
       RETURN x.id AS id
       UNION
       UNWIND countries AS cid
       MATCH (x)-[:HOLDS_ROLE]->(o:Actor {country: cid}) WHERE o:Office
       RETURN x.id AS id
       UNION
       UNWIND countries AS cid
       MATCH (x)-[:MEMBER_OF|LEADS]->(p:Actor {country: cid}) WHERE p:Party
       RETURN x.id AS id
     } AS members
// Without an actor or a country every fact of the type is a candidate: they are read from the `sources`
// index in rank order, and reading stops once `limit` rows pass the date filter. Otherwise the facts
// are those of the actor (or of the country's nodes), filtered and ranked; the date filter is the same
// in both branches (Cypher cannot share a predicate between them).
CALL (countries, actor_ids, members) {
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL
  MATCH (s:Actor)-[r:CONSULT]->(t)
  WHERE r.sources >= $min_sources
  WITH s, r, t, coalesce(r.date_start, r.first_reported) AS day
  WHERE ($from_date IS NULL OR day >= $from_date) AND ($to_date IS NULL OR day <= $to_date)
  RETURN s, r, t, day
  ORDER BY r.sources DESC, r.confidence DESC, day IS NULL, day DESC, r.key
  LIMIT $skip + $limit
  UNION
  UNWIND CASE WHEN $actor IS NULL THEN members ELSE actor_ids END AS anchor
  CALL (anchor) {
    MATCH (:Actor {id: anchor})-[r:CONSULT]-()
    RETURN r
    UNION
    MATCH (:Election {id: anchor})-[r:CONSULT]-()
    RETURN r
  }
  WITH DISTINCT r
  WITH startNode(r) AS s, r, endNode(r) AS t, coalesce(r.date_start, r.first_reported) AS day
  WHERE r.sources >= $min_sources
    AND ($from_date IS NULL OR day >= $from_date) AND ($to_date IS NULL OR day <= $to_date)
    // With both an actor and a country, the actor's facts that touch the country.
    AND ($actor IS NULL OR $country IS NULL OR s.id IN members OR t.id IN members)
  RETURN s, r, t, day
  ORDER BY r.sources DESC, r.confidence DESC, day IS NULL, day DESC, r.key
  LIMIT $skip + $limit
}
// The rows are chosen before their evidence is read, so that only the evidence of the rows shown is.
// Ties end on the fact's key: the same call gives the same rows in the same order, under any limit.
WITH s, r, t, day
ORDER BY r.sources DESC, r.confidence DESC, day IS NULL, day DESC, r.key
SKIP $skip
LIMIT $limit
CALL (r) {
  // In the index's order (schema/V0015): reading stops at the sentences shown.
  MATCH (ev:Evidence {fact_key: r.key})
  USING INDEX ev:Evidence(fact_key, confidence, published_on, id)
  WHERE ev.confidence IS NOT NULL AND ev.published_on IS NOT NULL AND ev.id IS NOT NULL
  WITH ev ORDER BY ev.fact_key DESC, ev.confidence DESC, ev.published_on DESC, ev.id DESC LIMIT 3
  MATCH (ev)-[:EVIDENCE_OF]->(art:Article)
  RETURN collect({sentence: ev.sentence, article_id: art.id, title: art.title,
                  published: toString(art.published)}) AS evidence
}
OPTIONAL MATCH (cb:Actor {id: r.claimed_by})
RETURN s.id AS source_id, s.name AS source, s.type AS source_label,
       t.id AS target_id, t.name AS target, CASE WHEN t:Election THEN 'Election' ELSE t.type END AS target_label,
       type(r) AS type, toString(day) AS date, r.sources AS sources, r.confidence AS confidence,
       r.claimed_by AS claimed_by_id, cb.name AS claimed_by,
       r.key AS key, evidence
ORDER BY sources DESC, confidence DESC, date IS NULL, date DESC, key
