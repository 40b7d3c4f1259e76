// These events, one row each, with the filters of `polgraph export events`. An undated event is dated by
// the day its first article was published; its sentence is the first one that reported it.
UNWIND $ids AS eid
MATCH (e:Event {id: eid})
WHERE $event_types IS NULL OR e.type IN $event_types
OPTIONAL MATCH (e)-[:HELD_IN]->(hc:Actor)
OPTIONAL MATCH (e)-[:AT]->(loc:Actor)
WITH e, hc, loc,
     COLLECT { MATCH (e)-[:REPORTED_IN]->(a:Article) RETURN a ORDER BY a.published, a.id } AS articles
WITH e, hc, loc, articles, coalesce(e.date_start, articles[0].published) AS day,
     coalesce(hc.id, loc.country) AS country_id
WHERE ($from_date IS NULL OR day >= $from_date) AND ($to_date IS NULL OR day <= $to_date)
  AND ($countries IS NULL OR country_id IN $countries
       OR any(p IN COLLECT { MATCH (x:Actor)-[:PARTICIPATED_IN]->(e) RETURN x } WHERE
              p.id IN $countries OR p.country IN $countries))
OPTIONAL MATCH (pc:Actor {id: country_id})
CALL (e) {
  OPTIONAL MATCH (ev:Evidence {fact_key: e.id})-[:EVIDENCE_OF]->(art:Article)
  WITH ev, art ORDER BY art.published, ev.start_char LIMIT 1
  RETURN ev.sentence AS sentence, art AS first_article
}
RETURN e.id AS event_id, e.type AS polgraph_type, e.name AS event_name, e.status AS status, day AS event_date,
       CASE WHEN e.date_start IS NULL THEN CASE WHEN day IS NULL THEN null ELSE 'published' END
            ELSE coalesce(e.date_precision, 'day') END AS date_precision,
       [(x:Actor)-[p:PARTICIPATED_IN]->(e) | {id: x.id, name: x.name, type: x.type, role: p.role,
          country_id: CASE WHEN x:Country THEN x.id ELSE x.country END,
          country: CASE WHEN x:Country THEN x.name
                        ELSE COLLECT { MATCH (xc:Actor {id: x.country}) RETURN xc.name }[0] END}] AS participants,
       loc.id AS place_id, loc.name AS place_name, loc.kb_id AS place_kb_id,
       pc.id AS place_country_id, pc.name AS place_country,
       e.size AS size, e.deaths AS deaths, e.injured AS injured, e.arrested AS arrested,
       size(articles) AS num_sources, articles[0].published AS first_reported,
       first_article.id AS article_id, first_article.url AS article_url, first_article.title AS article_title,
       first_article.published AS article_published, sentence
ORDER BY e.id
