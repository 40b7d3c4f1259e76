// name: interactions
// description: Interactions of any PLOVER type (or all of them) between actors, with the sentences that tell them.
// param: type string values=AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT -- PLOVER type; all types when absent
// param: actor string max_length=200 -- Actor id, name or alias (case-insensitive), on either side
// param: other string max_length=200 -- A second actor: only interactions between actor and other
// param: country string max_length=200 -- Country id or name: facts where either side is, or belongs to, it
// param: from_date date -- Facts dated (or, undated, first reported) on or after this day
// param: to_date date -- Facts dated (or, undated, first reported) on or before this day
// param: min_sources int default=1 min=1 max=1000 -- Only facts told by at least this many articles
// param: limit int default=100 min=1 max=1000 -- Rows to return at most
// param: skip int default=0 min=0 max=10000000 -- Rows to pass over first: a page past the first (the API's `cursor` sets it)
// example: polgraph query interactions --param type=COERCE --param country=Kyrgyzstan
OPTIONAL MATCH (c:Country)
WHERE $country IS NOT NULL
  AND (c.id = $country OR toLower(c.name) = toLower($country)
       OR any(al IN coalesce(c.aliases, []) WHERE toLower(al) = toLower($country)))
WITH collect(c.id) AS countries
// An actor named by the caller is looked up once (by id; failing that, by name or alias through the
// full-text indexes of search nodes and of hand-made actors' names, schema/V0011) and its relationships
// expanded from it (or, with a country, those of the country's nodes).
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
     } AS actor_ids,
     COLLECT {
       MATCH (a:Actor {id: $other}) RETURN a.id AS id
       UNION
       WITH 1 AS one WHERE $other IS NOT NULL AND NOT EXISTS { MATCH (:Actor {id: $other}) }
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
     } AS other_ids,
     CASE WHEN $type IS NULL THEN ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'] ELSE [$type] END AS types
// What stands for the country on either side of a fact: the country, actors located in or belonging to
// it, elections held in it, holders of its offices, members and leaders of its parties. Gathered once
// from the indexes, so that facts are expanded from these nodes rather than every fact of the type
// being tested against the country (bench/PROFILE.md).
WITH countries, actor_ids, other_ids, types,
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
// The range of `listed_on` the date filters allow. An undated fact holds 0001-01-01, which either filter
// leaves out.
WITH countries, actor_ids, other_ids, types, members,
     CASE WHEN $from_date IS NULL AND $to_date IS NULL THEN date('0001-01-01')
          ELSE coalesce($from_date, date('0001-01-02')) END AS lo,
     coalesce($to_date, date('9999-12-31')) AS hi
// Without an actor or a country every fact of the types is a candidate: each type's facts are read from
// its `listed_on` index newest first (schema/V0008), within `lo` and `hi`, and reading stops once `limit`
// rows pass the filters. One branch per type, since an index serves one relationship type (a test checks
// they cover PLOVER_TYPES).
CALL (actor_ids, types, members, lo, hi) {
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'AGREE' IN types
  MATCH (s:Actor)-[r:AGREE]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'CONSULT' IN types
  MATCH (s:Actor)-[r:CONSULT]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'SUPPORT' IN types
  MATCH (s:Actor)-[r:SUPPORT]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'CONCEDE' IN types
  MATCH (s:Actor)-[r:CONCEDE]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'COOPERATE' IN types
  MATCH (s:Actor)-[r:COOPERATE]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'AID' IN types
  MATCH (s:Actor)-[r:AID]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'RETREAT' IN types
  MATCH (s:Actor)-[r:RETREAT]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'REQUEST' IN types
  MATCH (s:Actor)-[r:REQUEST]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'ACCUSE' IN types
  MATCH (s:Actor)-[r:ACCUSE]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'REJECT' IN types
  MATCH (s:Actor)-[r:REJECT]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'THREATEN' IN types
  MATCH (s:Actor)-[r:THREATEN]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'PROTEST' IN types
  MATCH (s:Actor)-[r:PROTEST]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'SANCTION' IN types
  MATCH (s:Actor)-[r:SANCTION]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'MOBILIZE' IN types
  MATCH (s:Actor)-[r:MOBILIZE]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'COERCE' IN types
  MATCH (s:Actor)-[r:COERCE]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  WITH 1 AS one WHERE $actor IS NULL AND $country IS NULL AND 'ASSAULT' IN types
  MATCH (s:Actor)-[r:ASSAULT]->(t)
  WHERE r.listed_on >= lo AND r.listed_on <= hi AND r.sources >= $min_sources
  RETURN s, r, t ORDER BY r.listed_on DESC, r.sources DESC, r.confidence DESC, r.key LIMIT $skip + $limit
  UNION
  UNWIND CASE WHEN $actor IS NULL THEN members ELSE actor_ids END AS anchor
  CALL (anchor, types) {
    MATCH (:Actor {id: anchor})-[r]-()
    WHERE type(r) IN types
    RETURN r
    UNION
    MATCH (:Election {id: anchor})-[r]-()
    WHERE type(r) IN types
    RETURN r
  }
  WITH DISTINCT r
  RETURN startNode(r) AS s, r, endNode(r) AS t
}
WITH other_ids, members, s, r, t
WHERE r.sources >= $min_sources
  AND ($other IS NULL OR s.id IN other_ids OR t.id IN other_ids)
  // With both an actor and a country, the actor's facts that touch the country.
  AND ($actor IS NULL OR $country IS NULL OR s.id IN members OR t.id IN members)
WITH s, r, t, coalesce(r.date_start, r.first_reported) AS day
WHERE ($from_date IS NULL OR day >= $from_date) AND ($to_date IS NULL OR day <= $to_date)
// The rows are chosen before their evidence is read, so that only the evidence of the rows shown is.
WITH s, r, t, day
ORDER BY day IS NULL, day DESC, r.sources DESC, r.confidence DESC, r.key
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
ORDER BY date IS NULL, date DESC, sources DESC, confidence DESC, key
