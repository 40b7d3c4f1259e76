// name: foreign_involvement
// description: Actors of one country acting on another country's actors or elections (PLOVER interactions), with evidence.
// param: country string required max_length=200 -- The acting country: id or name; its own actors, officials and parties count
// param: target_country string max_length=200 -- Only acts on this country's actors or elections
// param: type string values=AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT -- PLOVER type; all types when absent
// param: from_date date -- Facts dated (or, undated, first reported) on or after this day
// param: to_date date -- Facts dated (or, undated, first reported) on or before this day
// param: limit int default=100 min=1 max=1000 -- Rows to return at most
// example: polgraph query foreign_involvement --param country=Russia --param target_country=Kyrgyzstan
MATCH (home:Country)
WHERE home.id = $country OR toLower(home.name) = toLower($country)
   OR any(al IN coalesce(home.aliases, []) WHERE toLower(al) = toLower($country))
OPTIONAL MATCH (away:Country)
WHERE $target_country IS NOT NULL
  AND (away.id = $target_country OR toLower(away.name) = toLower($target_country)
       OR any(al IN coalesce(away.aliases, []) WHERE toLower(al) = toLower($target_country)))
WITH collect(DISTINCT home.id) AS homes, collect(DISTINCT away.id) AS aways
// An actor belongs to a country when it is the country, names it as its country, holds one of its offices or
// belongs to one of its parties. The acting side is found from the country (indexed), not by testing every
// relationship in the graph.
CALL (homes) {
  MATCH (s:Country) WHERE s.id IN homes RETURN s
  UNION
  MATCH (s:Actor) WHERE s.country IN homes AND NOT s:Country RETURN s
  UNION
  MATCH (o:Actor) WHERE o.country IN homes AND o:Office
  MATCH (s:Actor)-[:HOLDS_ROLE]->(o)
  RETURN s
  UNION
  MATCH (pp:Actor) WHERE pp.country IN homes AND pp:Party
  MATCH (s:Actor)-[:MEMBER_OF|LEADS]->(pp)
  RETURN s
}
MATCH (s)-[r]->(t)
WHERE type(r) IN CASE WHEN $type IS NULL THEN ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'] ELSE [$type] END
// The acted-on side belongs to a country in the same ways, or (an election, or a candidate) through the
// country an election was held in.
WITH homes, aways, s, r, t,
     CASE WHEN t:Country THEN [t.id]
          WHEN t:Election THEN [(t)-[:HELD_IN]->(ec) | ec.id]
          ELSE [x IN [t.country] + [(t)-[:HOLDS_ROLE]->(o:Office) | o.country]
                     + [(t)-[:MEMBER_OF|LEADS]->(pp:Party) | pp.country]
                     + [(t)-[:CANDIDATE_IN]->(:Election)-[:HELD_IN]->(ec) | ec.id] WHERE x IS NOT NULL] END
       AS t_countries
WHERE size(t_countries) > 0
  AND none(h IN homes WHERE h IN t_countries)
  AND ($target_country IS NULL OR any(x IN t_countries WHERE x IN aways))
WITH s, r, t, t_countries, coalesce(r.date_start, r.first_reported) AS day
WHERE ($from_date IS NULL OR day >= $from_date) AND ($to_date IS NULL OR day <= $to_date)
// The rows are chosen before their evidence is read, so that only the evidence of the rows shown is.
WITH DISTINCT s, r, t, t_countries, day
ORDER BY r.sources DESC, day IS NULL, day DESC
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
       t_countries[0] AS target_country_id, type(r) AS type, toString(day) AS date, r.sources AS sources,
       r.confidence AS confidence, r.claimed_by AS claimed_by_id, cb.name AS claimed_by, r.key AS key, evidence
ORDER BY sources DESC, date IS NULL, date DESC
