// name: contested_elections
// description: Elections with fraud allegations, annulled results, or actors rejecting, accusing or protesting them.
// param: country string max_length=200 -- Country id or name the election was held in
// param: year int min=1800 max=2200 -- Year the election was held
// param: limit int default=100 min=1 max=1000 -- Rows to return at most
// param: skip int default=0 min=0 max=10000000 -- Rows to pass over first: a page past the first (the API's `cursor` sets it)
// example: polgraph query contested_elections --param country=Kyrgyzstan
OPTIONAL MATCH (c:Country)
WHERE $country IS NOT NULL
  AND (c.id = $country OR toLower(c.name) = toLower($country)
       OR any(al IN coalesce(c.aliases, []) WHERE toLower(al) = toLower($country)))
WITH collect(c.id) AS countries
MATCH (e:Election)
OPTIONAL MATCH (e)-[:HELD_IN]->(hc:Actor)
WITH e, hc, countries
WHERE ($country IS NULL OR hc.id IN countries)
  AND ($year IS NULL OR e.date_start.year = $year)
CALL (e) {
  MATCH (a:Actor)-[r:REJECT|ACCUSE|PROTEST]->(e)
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
  RETURN collect({source_id: a.id, source: a.name, source_label: a.type, target_id: e.id, target: e.name,
                  target_label: 'Election', type: type(r), key: r.key, sources: r.sources,
                  claimed_by_id: r.claimed_by, date: r.first_date, evidence: evidence}) AS challenges
}
WITH e, hc, challenges
WHERE size(coalesce(e.allegations, [])) > 0 OR e.annulled = true OR size(challenges) > 0
CALL (e) {
  MATCH (ev:Evidence {fact_key: e.id})-[:EVIDENCE_OF]->(art:Article)
  WITH ev, art ORDER BY art.published, ev.start_char LIMIT 5
  RETURN collect({sentence: ev.sentence, article_id: art.id, title: art.title,
                  published: toString(art.published)}) AS evidence
}
RETURN e.id AS election_id, e.name AS name, e.kind AS kind, e.date AS date, hc.id AS country_id,
       hc.name AS country, coalesce(e.annulled, false) AS annulled, coalesce(e.allegations, []) AS allegations,
       challenges, e.id AS key, evidence
ORDER BY e.date_start DESC, election_id
SKIP $skip
LIMIT $limit
