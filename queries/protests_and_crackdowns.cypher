// name: protests_and_crackdowns
// description: Protests and crackdowns: PROTEST, COERCE and ASSAULT relations and Protest, Arrest, Clash, Uprising events.
// param: country string max_length=200 -- Country id or name: where it happened, or whose actors took part
// param: from_date date -- On or after this day (undated facts count from when they were first reported)
// param: to_date date -- On or before this day
// param: limit int default=200 min=1 max=1000 -- Rows to return at most
// param: skip int default=0 min=0 max=10000000 -- Rows to pass over first: a page past the first (the API's `cursor` sets it)
// example: polgraph query protests_and_crackdowns --param country=Kazakhstan --param from_date=2011-01-01
OPTIONAL MATCH (c:Country)
WHERE $country IS NOT NULL
  AND (c.id = $country OR toLower(c.name) = toLower($country)
       OR any(al IN coalesce(c.aliases, []) WHERE toLower(al) = toLower($country)))
WITH collect(c.id) AS countries
CALL (countries) {
  MATCH (s:Actor)-[r:PROTEST|COERCE|ASSAULT]->(t)
  WHERE $country IS NULL OR any(x IN [s, t] WHERE x.id IN countries OR x.country IN countries
        OR any(hc IN [(x)-[:HELD_IN]->(h) | h.id] + [(x)-[:HOLDS_ROLE]->(o:Office) | o.country]
                 + [(x)-[:MEMBER_OF|LEADS]->(p:Party) | p.country] WHERE hc IN countries))
  RETURN 'relation' AS kind, type(r) AS type, coalesce(r.date_start, r.first_reported) AS day, r.key AS key,
         s, t, r, null AS event, null AS hc, null AS loc
  UNION ALL
  MATCH (e:Event)
  WHERE e.type IN ['Protest', 'Demonstration', 'Rally', 'Strike', 'Riot', 'Arrest', 'Clash', 'Crackdown',
                   'Uprising', 'Revolution']
  OPTIONAL MATCH (e)-[:HELD_IN]->(hc:Actor)
  OPTIONAL MATCH (e)-[:AT]->(loc:Actor)
  WITH e, hc, loc
  WHERE $country IS NULL OR hc.id IN countries OR loc.country IN countries
  RETURN 'event' AS kind, e.type AS type,
         coalesce(e.date_start, COLLECT { MATCH (e)-[:REPORTED_IN]->(a:Article) RETURN min(a.published) }[0]) AS day,
         e.id AS key, null AS s, null AS t, null AS r, e AS event, hc, loc
}
WITH * WHERE ($from_date IS NULL OR day >= $from_date) AND ($to_date IS NULL OR day <= $to_date)
// The rows are chosen on their sort keys alone, before anything shown of them is read (names, counts,
// evidence, participants), so that only the rows shown are.
// Ties end on the key, so that pages (`skip`) neither repeat nor miss a row.
WITH * ORDER BY day IS NULL, day DESC, kind, type, key SKIP $skip LIMIT $limit
WITH kind, type, day, key, event,
     s.id AS source_id, s.name AS source, s.type AS source_label,
     t.id AS target_id, t.name AS target,
     CASE WHEN t IS NULL THEN null WHEN t:Election THEN 'Election' ELSE t.type END AS target_label,
     event.id AS event_id, coalesce(event.name, event.type) AS name, coalesce(loc.name, hc.name) AS location,
     event.status AS status,
     CASE WHEN event IS NULL THEN {} ELSE
       {size: event.size, deaths: event.deaths, injured: event.injured, arrested: event.arrested} END AS counts,
     CASE WHEN event IS NULL THEN r.sources ELSE COUNT { (event)-[:REPORTED_IN]->() } END AS sources
// A relation's best-attested sentences first; an event's in the order they were reported.
CALL (key, kind) {
  MATCH (ev:Evidence {fact_key: key})-[:EVIDENCE_OF]->(art:Article)
  WITH ev, art ORDER BY CASE WHEN kind = 'relation' THEN ev.confidence ELSE 0 END DESC,
                        CASE WHEN kind = 'relation' THEN ev.published_on END DESC,
                        CASE WHEN kind = 'relation' THEN ev.id END DESC,
                        CASE WHEN kind = 'event' THEN art.published END, ev.start_char LIMIT 3
  RETURN collect({sentence: ev.sentence, article_id: art.id, title: art.title,
                  published: toString(art.published)}) AS evidence
}
RETURN kind, type, toString(day) AS date, source_id, source, source_label, target_id, target, target_label,
       event_id, name, location, status, counts,
       CASE WHEN event IS NULL THEN [] ELSE
         [(a:Actor)-[p:PARTICIPATED_IN]->(event) | {source_id: a.id, source: a.name, source_label: a.type,
            target_id: event.id, target: coalesce(event.name, event.type), target_label: 'Event',
            type: 'PARTICIPATED_IN', role: p.role}] END AS participants,
       key, sources, evidence
ORDER BY date IS NULL, date DESC, kind, type, key
