// name: conflict_pairs
// description: The most conflictual (or most cooperative) pairs of actors in a period: their interactions both ways, summed on the Goldstein scale.
// param: order string default=conflictual values=conflictual|cooperative -- Most conflictual pairs first (net intensity below 0), or most cooperative (above 0)
// param: from_date date -- Facts dated (or, undated, first reported) on or after this day
// param: to_date date -- Facts dated (or, undated, first reported) on or before this day
// param: country string max_length=200 -- Country id or name: pairs where either side is it or has it as its country
// param: min_interactions int default=1 min=1 max=1000 -- Only pairs with at least this many interactions
// param: limit int default=20 min=1 max=1000 -- Pairs to return at most
// param: skip int default=0 min=0 max=10000000 -- Rows to pass over first: a page past the first (the API's `cursor` sets it)
// example: polgraph query conflict_pairs --param order=conflictual --param from_date=2010-01-01
OPTIONAL MATCH (c:Country)
WHERE $country IS NOT NULL
  AND (c.id = $country OR toLower(c.name) = toLower($country)
       OR any(al IN coalesce(c.aliases, []) WHERE toLower(al) = toLower($country)))
WITH collect(c.id) AS countries
// A pair is unordered: facts from A to B and from B to A count together. Without a period, each pair's
// summary kept by the writer (:Dyad, ingest/cypher/dyads.cypher) is read; a period needs the facts
// themselves. One branch runs, chosen by the parameters: the first two hold their condition in the index
// bound (null when another branch is chosen, which seeks nothing), so that the index on `net` gives the order
// and the page is read without the rest.
CALL (countries) {
  MATCH (d:Dyad)
  WHERE d.net < CASE WHEN $from_date IS NULL AND $to_date IS NULL AND $country IS NULL
                          AND $order <> 'cooperative' THEN 0 END
    AND d.interactions >= $min_interactions
  WITH d ORDER BY d.net, d.interactions DESC, d.a, d.b LIMIT $skip + $limit
  RETURN d.a AS a_id, d.b AS b_id, d.interactions AS interactions, d.net AS net, d.sources AS sources,
         d.cooperative AS cooperative, d.conflictual AS conflictual, d.first_day AS first_day,
         d.last_day AS last_day, d.types AS types
  UNION ALL
  MATCH (d:Dyad)
  WHERE d.net > CASE WHEN $from_date IS NULL AND $to_date IS NULL AND $country IS NULL
                          AND $order = 'cooperative' THEN 0 END
    AND d.interactions >= $min_interactions
  WITH d ORDER BY d.net DESC, d.interactions DESC, d.a, d.b LIMIT $skip + $limit
  RETURN d.a AS a_id, d.b AS b_id, d.interactions AS interactions, d.net AS net, d.sources AS sources,
         d.cooperative AS cooperative, d.conflictual AS conflictual, d.first_day AS first_day,
         d.last_day AS last_day, d.types AS types
  UNION ALL
  // The pairs of the country's actors (itself, and those it is the country of).
  UNWIND CASE WHEN $from_date IS NULL AND $to_date IS NULL THEN countries ELSE [] END AS country
  CALL (country) {
    MATCH (x:Actor {id: country}) RETURN x.id AS x
    UNION
    MATCH (x:Actor {country: country}) RETURN x.id AS x
  }
  CALL (x) {
    MATCH (d:Dyad {a: x}) RETURN d
    UNION
    MATCH (d:Dyad {b: x}) RETURN d
  }
  WITH DISTINCT d
  RETURN d.a AS a_id, d.b AS b_id, d.interactions AS interactions, d.net AS net, d.sources AS sources,
         d.cooperative AS cooperative, d.conflictual AS conflictual, d.first_day AS first_day,
         d.last_day AS last_day, d.types AS types
  UNION ALL
  // A period: the facts. No row to start from when none is given, so that nothing is read.
  UNWIND CASE WHEN $from_date IS NOT NULL OR $to_date IS NOT NULL THEN [countries] ELSE [] END AS wanted
  // The PLOVER types named, so that only their relationships are read (a scan by type) rather than every
  // relationship of every actor (structural facts, links, mentions).
  MATCH (s:Actor)-[r:AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT]->(t:Actor)
  WHERE r.intensity IS NOT NULL AND s <> t
    AND ($country IS NULL OR s.id IN wanted OR t.id IN wanted OR s.country IN wanted OR t.country IN wanted)
  WITH s, t, r, coalesce(r.date_start, r.first_reported) AS day
  WHERE ($from_date IS NULL OR day >= $from_date) AND ($to_date IS NULL OR day <= $to_date)
  WITH CASE WHEN s.id < t.id THEN s.id ELSE t.id END AS a_id, CASE WHEN s.id < t.id THEN t.id ELSE s.id END AS b_id,
       r, day
  WITH a_id, b_id, count(r) AS interactions, round(sum(r.intensity), 4) AS net, sum(r.sources) AS sources,
       sum(CASE WHEN r.intensity > 0 THEN 1 ELSE 0 END) AS cooperative,
       sum(CASE WHEN r.intensity < 0 THEN 1 ELSE 0 END) AS conflictual,
       min(day) AS first_day, max(day) AS last_day, collect(DISTINCT type(r)) AS seen
  RETURN a_id, b_id, interactions, net, sources, cooperative, conflictual, first_day, last_day,
         [x IN ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE',
                'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'] WHERE x IN seen]
           AS types
}
WITH * WHERE interactions >= $min_interactions
  AND CASE WHEN $order = 'cooperative' THEN net > 0 ELSE net < 0 END
// The page is picked on the summary alone; the actors' names are read for its rows only.
WITH a_id, b_id, interactions, net, sources, cooperative, conflictual, first_day, last_day, types
ORDER BY CASE WHEN $order = 'cooperative' THEN -net ELSE net END, interactions DESC, a_id, b_id
SKIP $skip
LIMIT $limit
MATCH (a:Actor {id: a_id})
MATCH (b:Actor {id: b_id})
RETURN a.id AS source_id, a.name AS source, a.type AS source_label,
       b.id AS target_id, b.name AS target, b.type AS target_label,
       CASE WHEN net < 0 THEN 'CONFLICT' ELSE 'COOPERATION' END AS type,
       interactions, cooperative, conflictual, sources,
       round(net, 2) AS net_intensity, round(net / interactions, 2) AS mean_intensity,
       toString(first_day) AS first_date, toString(last_day) AS last_date, types
ORDER BY CASE WHEN $order = 'cooperative' THEN -net ELSE net END, interactions DESC, source_id, target_id
