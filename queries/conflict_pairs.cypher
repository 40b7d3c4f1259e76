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
// The PLOVER types named, so that only their relationships are read (a scan by type) rather than every
// relationship of every actor (structural facts, links, mentions).
MATCH (s:Actor)-[r:AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT]->(t:Actor)
WHERE r.intensity IS NOT NULL AND s <> t
  AND ($country IS NULL OR s.id IN countries OR t.id IN countries
       OR s.country IN countries OR t.country IN countries)
WITH s, t, r, coalesce(r.date_start, r.first_reported) AS day
WHERE ($from_date IS NULL OR day >= $from_date) AND ($to_date IS NULL OR day <= $to_date)
// A pair is unordered: facts from A to B and from B to A count together.
WITH CASE WHEN s.id < t.id THEN s ELSE t END AS a, CASE WHEN s.id < t.id THEN t ELSE s END AS b, r, day
WITH a, b, count(r) AS interactions, sum(r.intensity) AS net, sum(r.sources) AS articles,
     sum(CASE WHEN r.intensity > 0 THEN 1 ELSE 0 END) AS cooperative,
     sum(CASE WHEN r.intensity < 0 THEN 1 ELSE 0 END) AS conflictual,
     min(day) AS first_day, max(day) AS last_day, collect(DISTINCT type(r)) AS types
WHERE interactions >= $min_interactions
  AND CASE WHEN $order = 'cooperative' THEN net > 0 ELSE net < 0 END
RETURN a.id AS source_id, a.name AS source, a.type AS source_label,
       b.id AS target_id, b.name AS target, b.type AS target_label,
       CASE WHEN net < 0 THEN 'CONFLICT' ELSE 'COOPERATION' END AS type,
       interactions, cooperative, conflictual, articles AS sources,
       round(net, 2) AS net_intensity, round(net / interactions, 2) AS mean_intensity,
       toString(first_day) AS first_date, toString(last_day) AS last_date, types
ORDER BY CASE WHEN $order = 'cooperative' THEN -net ELSE net END, interactions DESC, source_id, target_id
SKIP $skip
LIMIT $limit
