// name: elections
// description: Elections by country and year, with candidates' results, allegations and the reporting articles.
// param: country string max_length=200 -- Country id or name the election was held in
// param: year int min=1800 max=2200 -- Year the election was held
// param: kind string values=presidential|parliamentary|referendum|local|other -- Kind of election
// param: limit int default=100 min=1 max=1000 -- Rows to return at most
// param: skip int default=0 min=0 max=10000000 -- Rows to pass over first: a page past the first (the API's `cursor` sets it)
// example: polgraph query elections --param country=Kyrgyzstan --param year=2009
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
  AND ($kind IS NULL OR e.kind = $kind)
CALL (e) {
  MATCH (a:Actor)-[ci:CANDIDATE_IN]->(e)
  WITH a, ci ORDER BY coalesce(ci.vote_share, -1.0) DESC, a.name
  RETURN collect({source_id: a.id, source: a.name, source_label: a.type, target_id: e.id, target: e.name,
                  target_label: 'Election', type: 'CANDIDATE_IN', vote_share: ci.vote_share, votes: ci.votes,
                  won: ci.won, article_ids: ci.article_ids}) AS results
}
CALL (e) {
  MATCH (ev:Evidence {fact_key: e.id})-[:EVIDENCE_OF]->(art:Article)
  WITH ev, art ORDER BY art.published, ev.start_char LIMIT 5
  RETURN collect({sentence: ev.sentence, article_id: art.id, title: art.title,
                  published: toString(art.published)}) AS evidence
}
RETURN e.id AS election_id, e.name AS name, e.kind AS kind, e.date AS date, e.date_precision AS date_precision,
       hc.id AS country_id, hc.name AS country, e.annulled AS annulled, e.turnout AS turnout,
       e.allegations AS allegations, results,
       [(e)-[:REPORTED_IN]->(art:Article) | {article_id: art.id, title: art.title, url: art.url,
                                              published: toString(art.published)}] AS articles,
       e.id AS key, evidence
ORDER BY e.date_start DESC, election_id
SKIP $skip
LIMIT $limit
